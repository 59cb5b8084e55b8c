#!/usr/bin/env bash
# Generates libs/proto/src/generated from proto/ with protobufjs's pbjs/pbts:
# static encoders and decoders (no .proto parsing at run time, nothing else:
# the CLI loads this on every command) and their TypeScript types.
# The output is committed; never edit it by hand, run this instead.
set -euo pipefail
cd "$(dirname "$0")/.."
out=libs/proto/src/generated
proto=proto/berth/engine/v1/engine.proto
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
lean=(--no-verify --no-convert --no-delimited --no-create --no-typeurl --no-service --force-number)
# types come from a commented build; the shipped code is the same build without comments
npx pbjs -t static-module -w commonjs "${lean[@]}" -o "$tmp/engine.js" "$proto"
npx pbts -o "$out/engine.d.ts" "$tmp/engine.js"
npx pbjs -t static-module -w commonjs "${lean[@]}" --no-comments --no-beautify -o "$out/engine.js" "$proto"
# int64 defaults are fixed when this module loads: numbers (libs/proto/src/numbers.ts) must be set up first
sed -i 's|^var \$protobuf = require("protobufjs/minimal");|require("../numbers");\n&|' "$out/engine.js"
node scripts/gen-proto-service.js
