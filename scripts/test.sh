#!/usr/bin/env bash
# Runs the whole test suite, after making sure the Debian packages it needs are there.
# Extra arguments go to `swift test` (e.g. --filter BourseCoreTests).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift test "$@"
