#!/usr/bin/env bash
# README command 2: installs what is needed, builds, and runs the whole test
# suite (unit, golden, end-to-end, robustness). .ci/run calls this.
# Tests labelled "slow" run too unless SKIP_SLOW=1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash tests/browser/install.sh   # playwright-core from npm for the review screen's browser test
bash scripts/build.sh
args=(--test-dir build --output-on-failure -j"$(nproc)" --timeout 1500)
if [ "${SKIP_SLOW:-0}" = 1 ]; then args+=(-LE slow); fi
ctest "${args[@]}"
