#!/usr/bin/env bash
# Crash test: `scanstraat run` on a batch is killed with SIGKILL at random
# moments, supervisor and worker together (the whole process group, as a
# power cut or the OOM killer would), KILLS times, restarted after each kill,
# then run to completion. Afterwards every document has exactly one result,
# each archived document is in the archive exactly once (its folder holds
# exactly its recorded files, nothing unrecorded), and `scanstraat verify` is
# clean. When the batch is complete before all kills have happened, that
# workspace is checked and a fresh one starts (a round). Prints
# "crash test: runs R, kills K, rounds N, documents D, lost L, duplicated U"
# (the last round's documents).
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

# Each round runs the batch in a fresh workspace until it is complete. Runs
# get faster as the code does: when a round's batch is done before all kills
# have happened, the round is checked and the next one starts, so the test
# always kills KILLS times while there is work in flight.
round=0 runs=0 kills=0 finished_early=0 crashed_total=0
t0=$(date +%s)

new_round() {
  round=$((round + 1))
  ws="$T/ws$round"
  run_args=("$input" --exclude '*.expected.json' --exclude '*.md' --workspace "$ws" --rules rules
            --sample-rate 0 --settle 0 --jobs "${JOBS:-2}" --progress log)
  round_kills=0
}
done_count() { sql "$ws" "select count(*) from documents where state='done'" 2>/dev/null || echo 0; }

# The final run of a round and the checks on its workspace.
finish_round() {
  local rc=0
  "$SCANSTRAAT" run "${run_args[@]}" > "$T/final.txt" 2>> "$T/runs.log" || rc=$?
  runs=$((runs + 1))
  [ $rc -eq 0 ] || { tail -n 20 "$T/runs.log"; fail "the final run of round $round exited $rc"; }
  head -n 7 "$T/final.txt"
  workspace_consistent "$ws" complete || fail "workspace after round $round of the crash test"
  once=$(results_exactly_once "$ws") || { echo "$once"; fail "round $round: documents lost or duplicated"; }
  verify_clean "$ws"
  local crashed
  crashed=$(sql "$ws" "select count(*) from documents where error_code='crashed'")
  crashed_total=$((crashed_total + crashed))
  echo "round $round: kills $round_kills, $once, recorded as crashed: $crashed"
}

new_round
max_runs=$((kills_wanted * 10 + 20))
while [ $kills -lt "$kills_wanted" ]; do
  [ $runs -lt $max_runs ] || fail "$runs runs for $kills kills: the runs end before they can be killed"
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
    kills=$((kills + 1)) round_kills=$((round_kills + 1))
    wait $pid 2>/dev/null || true
    for _ in $(seq 1 50); do pgrep -g "$pid" > /dev/null || break; sleep 0.1; done
    pgrep -g "$pid" > /dev/null && fail "a process of the killed run survived"
    echo "kill $kills at ${delay_ms} ms: $(done_count) of $n documents done (round $round)"
  else
    rc=0; wait $pid || rc=$?
    [ $rc -eq 0 ] || { tail -n 20 "$T/runs.log"; fail "run $runs exited $rc before its kill"; }
    finished_early=$((finished_early + 1))
    echo "run $runs finished before its kill at ${delay_ms} ms ($(done_count) of $n documents done)"
    if [ "$(done_count)" -eq "$n" ]; then
      finish_round
      new_round
    fi
  fi
done
finish_round

echo "crash test: runs $runs, kills $kills, rounds $round, ${once/documents/documents}; finished before a kill: $finished_early;" \
     "recorded as crashed: $crashed_total; $(( $(date +%s) - t0 )) s"
[ "$crashed_total" -eq 0 ] || fail "documents recorded as crashed: SIGKILL from outside is not the document's fault"
ok "killed $kills times, every document exactly once"
