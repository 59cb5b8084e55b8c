#!/usr/bin/env bash
# Generates libs/proto/src/generated from proto/ with protobufjs's pbjs/pbts:
# static encoders and decoders (no .proto parsing at run time, nothing else:
# the CLI loads this on every command) and their TypeScript types, one module
# per API (engine, cluster). The output is committed; never edit it by hand,
# run this instead.
set -euo pipefail
cd "$(dirname "$0")/.."
out=libs/proto/src/generated
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
lean=(--no-verify --no-convert --no-delimited --no-create --no-typeurl --no-service --force-number)
for api in engine cluster; do
  proto=proto/berth/$api/v1/$api.proto
  # types come from a commented build; the shipped code is the same build without comments
  npx pbjs -t static-module -w commonjs -r "$api" "${lean[@]}" -o "$tmp/$api.js" "$proto"
  npx pbts -o "$out/$api.d.ts" "$tmp/$api.js"
  npx pbjs -t static-module -w commonjs -r "$api" "${lean[@]}" --no-comments --no-beautify -o "$out/$api.js" "$proto"
  # int64 defaults are fixed when this module loads: numbers (libs/proto/src/numbers.ts) must be set up first
  sed -i 's|^var \$protobuf = require("protobufjs/minimal");|require("../numbers");\n&|' "$out/$api.js"
done
node scripts/gen-proto-service.js
