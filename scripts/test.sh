#!/usr/bin/env bash
# README command 2: installs what is needed, builds, and runs the whole test
# suite (unit, golden, end-to-end, robustness), then the code again under the
# sanitizers (STYLE.md 9; scripts/sanitize.sh): an ASan+UBSan build runs the
# suite without the tests labelled slow, a TSan build the parallel pipeline
# tests. .ci/run calls this. Every stage runs even when an earlier one failed;
# the exit status is 1 when any did.
# Env: BUILD_DIR          the plain build's folder (default build/, as build.sh);
#      SKIP_SLOW=1        leaves out the tests labelled "slow" (the robustness
#                         folder, the crash test);
#      SKIP_SANITIZERS=1  leaves out the two sanitizer builds and their tests
#                         (quick local runs; with a warm ccache they add about
#                         10 minutes on 2 cores, cold about 35).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash tests/browser/install.sh   # playwright-core from npm for the review screen's browser test
t0=$(date +%s)
bash scripts/build.sh
t1=$(date +%s)
args=(--test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" --timeout 1500)
if [ "${SKIP_SLOW:-0}" = 1 ]; then args+=(-LE slow); fi
status=0
ctest "${args[@]}" || status=1
t2=$(date +%s)
times="build $((t1 - t0))s, tests $((t2 - t1))s"
if [ "${SKIP_SANITIZERS:-0}" != 1 ]; then
  for kind in address thread; do
    ts=$(date +%s)
    bash scripts/sanitize.sh "$kind" || status=1
    times+=", sanitize $kind $(($(date +%s) - ts))s"
  done
fi
echo "test.sh: $times; total $(($(date +%s) - t0))s; $([ $status -eq 0 ] && echo passed || echo FAILED)"
exit $status
