#!/usr/bin/env bash
# Interop checks that need the built package and extra tools; .ci/run calls this after `npm test`.
#  1. packaging: publint, arethetypeswrong, and the packed tarball installed in a fresh consumer
#     (ESM import, CJS require, ./rules and ./arbitraries, types, the `proportionate` command,
#     and `proportionate serve` answering HTTP and stopping on SIGTERM; importing the library must
#     not load fastify);
#  2. the PSR demo page bundled for the browser and driven in headless Chromium.
# Each part prints a closing "<part>: N passed, M failed" line; any failure fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="$(mktemp -d "${TMPDIR:-/tmp}/proportionate-interop-XXXXXX")"
trap 'rm -rf "$work"' EXIT

export PATH="$root/node_modules/.bin:$PATH"

[ -f dist/index.js ] && [ -f dist/cli.js ] || npm run build --silent

echo "== packaging"
publint --strict
attw --pack . --format table-flipped --no-color
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
node test/interop/package-consumer.mjs "$work/$tarball"

echo "== PSR demo page in headless Chromium"
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium > /dev/null
fi
node examples/psr-demo/build.mjs "$work/psr-demo"
# Screenshots of the empty, lawful and breaching page outlive the run, beside the other test output.
node test/browser/psr-demo.browser.mjs "$work/psr-demo" "${TEST_OUTPUT_DIR:-$root/.bench-out}/psr-page"
node dist/cli.js inspect --format html --out "$work/inspect-report.html" examples/caseload/caseload.ndjson; node test/browser/inspect-report.browser.mjs "$work/inspect-report.html" "${TEST_OUTPUT_DIR:-$root/.bench-out}/inspect-report"
