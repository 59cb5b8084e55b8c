#!/usr/bin/env bash
# `npm test`: prepare the machine (scripts/setup.sh), check types and lint,
# then run every jest test: unit tests, then the real-container integration
# tests, serially. Jest's JSON report goes to test-results/ for .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || exit 1
mkdir -p test-results
rm -f test-results/*.json test-results/checks

status=0
check() { # a named check that is not a jest test: counted by .ci/run
  local name=$1; shift
  if "$@"; then echo "pass $name" >>test-results/checks; else echo "fail $name" >>test-results/checks; status=1; fi
}
check typecheck npx tsc -p tsconfig.json --noEmit
check lint npx eslint .
check import-cycles node scripts/check-imports.js cycles apps/*/src libs/*/src test bench deploy
check file-size node scripts/check-imports.js sizes

npx jest --runInBand --json --outputFile=test-results/jest.json "$@" || status=1
exit $status
