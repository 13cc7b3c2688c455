#!/usr/bin/env bash
# Builds Scanstraat with a sanitizer and runs tests under it (STYLE.md: CI
# builds plain and with sanitizers and runs the same tests).
#
#   scripts/sanitize.sh address   ASan+UBSan build in build-asan/; the whole
#                                 ctest suite except the tests labelled slow.
#   scripts/sanitize.sh thread    TSan build in build-tsan/; the parallel
#                                 pipeline tests (the run module's unit tests
#                                 and the CLI scripts that run the TBB pipeline
#                                 with several workers, kill it, crash it and
#                                 make its store and archive writes fail).
#
# Sanitizer reports go to files in <build>/sanitizer-logs/, not to stderr: the
# supervisor restarts a worker that dies and records its documents as
# `crashed`, so a report in a worker could otherwise pass unnoticed. The
# script fails when any report is left there, except the SEGV that the
# crash-isolation test injects on purpose (stack through InjectedFault).
# Suppressions, each with its reason: scripts/sanitizers/{lsan,tsan}.supp.
# Env: JOBS (build and ctest parallelism, default: number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-}
case $kind in
  address) build=build-asan ;;
  thread) build=build-tsan ;;
  *) echo "usage: scripts/sanitize.sh address|thread" >&2; exit 2 ;;
esac
jobs=${JOBS:-$(nproc)}
supp=$PWD/scripts/sanitizers
logs=$PWD/$build/sanitizer-logs
t0=$(date +%s)

# -O1 -g1 (line tables): the sanitizers' own advice, and half the compile time
# of -O2 -g, which counts in a CI with an empty compiler cache.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DSCANSTRAAT_SANITIZE="$kind" >/dev/null
if [ "$kind" = address ]; then
  ninja -C "$build" -j"$jobs"
else
  ninja -C "$build" -j"$jobs" scanstraat run_test
fi
t1=$(date +%s)

rm -rf "$logs"
mkdir -p "$logs"
common=print_stacktrace=1:handle_abort=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:$common:log_path=$logs/asan
export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:$common:log_path=$logs/ubsan
export TSAN_OPTIONS=halt_on_error=0:abort_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp:$common:log_path=$logs/tsan

status=0
ctest_args=(--test-dir "$build" --output-on-failure -j"$jobs" --timeout 1500)
if [ "$kind" = address ]; then
  ctest "${ctest_args[@]}" -LE slow || status=$?
else
  ctest "${ctest_args[@]}" -L '^run$' || status=$?
  # One at a time: each runs 2 workers, and the crash test's 3 s hard page
  # limit does not hold for an OCR page under TSan next to another test.
  ctest "${ctest_args[@]}" -j1 \
    -R '^cli\.(kill_and_resume|crash_isolation|run_real_documents|store_fault_reports_and_resumes|archive_fault_reports_and_resumes)$' \
    || status=$?
fi

# Reports: drop the injected crash, fail on anything else.
reports=0
for f in "$logs"/*; do
  [ -e "$f" ] || continue
  if grep -q "InjectedFault" "$f"; then
    rm -f "$f"
    continue
  fi
  reports=$((reports + 1))
  echo "---- sanitizer report $f" >&2
  head -n 60 "$f" >&2
done
t2=$(date +%s)
echo "sanitize $kind: build $((t1 - t0))s, tests $((t2 - t1))s, total $((t2 - t0))s;" \
     "ctest status $status, $reports report(s) in $logs"
[ "$status" -eq 0 ] && [ "$reports" -eq 0 ]
