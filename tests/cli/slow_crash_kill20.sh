#!/usr/bin/env bash
# Crash test: `scanstraat run` on a batch is killed with SIGKILL at random
# moments, supervisor and worker together (the whole process group, as a
# power cut or the OOM killer would), KILLS times, restarted after each kill,
# then run to completion. Afterwards every document has exactly one result,
# each archived document is in the archive exactly once (its folder holds
# exactly its recorded files, nothing unrecorded), and `scanstraat verify` is
# clean. Prints "crash test: runs R, kills K, documents D, lost L, duplicated U".
#
# By hand:  SCANSTRAAT=build/scanstraat SOURCE_DIR=$PWD SHARED_DATA=../shared/data \
#             bash tests/cli/slow_crash_kill20.sh [INPUT_DIR]
# INPUT_DIR defaults to samples/ (without *.expected.json and *.md). Env:
# KILLS (20), MIN_DELAY / MAX_DELAY (seconds from start to kill: 0.1 / 5.0),
# JOBS (2), SEED (random; printed, to repeat the same kill moments).
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/fault_checks.bash"
cd "$SOURCE_DIR"
input=${1:-samples}
kills_wanted=${KILLS:-20}
seed=${SEED:-$RANDOM}
RANDOM=$seed
min_ms=$(py 'import sys; print(int(float(sys.argv[1]) * 1000))' "${MIN_DELAY:-0.1}")
max_ms=$(py 'import sys; print(int(float(sys.argv[1]) * 1000))' "${MAX_DELAY:-5.0}")
find "$input" -type f ! -name '*.expected.json' ! -name '*.md' -exec sha256sum {} + | cut -c1-64 \
  | sort -u > "$T/ids.list"
n=$(wc -l < "$T/ids.list")
[ "$n" -gt 0 ] || fail "no documents in $input"
echo "batch: $input, $n documents; $kills_wanted kills between ${min_ms} and ${max_ms} ms after start; seed $seed"

run_args=("$input" --exclude '*.expected.json' --exclude '*.md' --workspace "$T/ws" --rules rules
          --sample-rate 0 --settle 0 --jobs "${JOBS:-2}" --progress log)
done_count() { sql "$T/ws" "select count(*) from documents where state='done'" 2>/dev/null || echo 0; }

runs=0 kills=0 finished_early=0
t0=$(date +%s)
while [ $kills -lt "$kills_wanted" ]; do
  delay_ms=$((min_ms + (RANDOM * 32768 + RANDOM) % (max_ms - min_ms + 1)))
  # Its own session and process group: the kill takes supervisor and worker.
  setsid "$SCANSTRAAT" run "${run_args[@]}" >> "$T/runs.log" 2>&1 &
  pid=$!
  runs=$((runs + 1))
  for _ in $(seq 1 100); do  # until setsid has made the group (a fork is not instant)
    [ "$(ps -o pgid= -p $pid | tr -d ' ')" = "$pid" ] && break
    sleep 0.01
  done
  [ "$(ps -o pgid= -p $pid | tr -d ' ')" = "$pid" ] || fail "the run is not its own process group"
  sleep "$(py 'import sys; print(int(sys.argv[1]) / 1000)' $delay_ms)"
  if kill -KILL -- "-$pid" 2>/dev/null; then
    kills=$((kills + 1))
    wait $pid 2>/dev/null || true
    for _ in $(seq 1 50); do pgrep -g "$pid" > /dev/null || break; sleep 0.1; done
    pgrep -g "$pid" > /dev/null && fail "a process of the killed run survived"
    echo "kill $kills at ${delay_ms} ms: $(done_count) of $n documents done"
  else
    rc=0; wait $pid || rc=$?
    [ $rc -eq 0 ] || { tail -n 20 "$T/runs.log"; fail "run $runs exited $rc before its kill"; }
    finished_early=$((finished_early + 1))
    echo "run $runs finished before its kill at ${delay_ms} ms ($(done_count) of $n documents done)"
  fi
done

rc=0; "$SCANSTRAAT" run "${run_args[@]}" > "$T/final.txt" 2>> "$T/runs.log" || rc=$?
runs=$((runs + 1))
[ $rc -eq 0 ] || { tail -n 20 "$T/runs.log"; fail "the final run exited $rc"; }
head -n 7 "$T/final.txt"
workspace_consistent "$T/ws" complete || fail "workspace after the crash test"
once=$(results_exactly_once "$T/ws") && once_ok=1 || once_ok=0
verify_clean "$T/ws"
crashed=$(sql "$T/ws" "select count(*) from documents where error_code='crashed'")
echo "crash test: runs $runs, kills $kills, ${once/documents/documents}; finished before a kill: $finished_early;" \
     "recorded as crashed: $crashed; $(( $(date +%s) - t0 )) s"
[ $once_ok -eq 1 ] || fail "documents lost or duplicated"
[ "$crashed" -eq 0 ] || fail "documents recorded as crashed: SIGKILL from outside is not the document's fault"
ok "killed $kills times, every document exactly once"
