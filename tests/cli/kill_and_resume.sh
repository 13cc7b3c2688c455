#!/usr/bin/env bash
# A run killed with SIGKILL at any moment and started again finishes the job
# with every document processed exactly once.
source "$(dirname "$0")/lib/common.bash"
mkdir -p "$T/in"
for f in phototest.tif eurotext.tif 8071_093.3B.tif 8087_054.3B.tif 12.tif 136.tif 256.tif 324.tif \
         410.tif 432.tif 540.tif 692.tif devatest.png phototest-rotated-L.png; do
  cp "$TESTING/$f" "$T/in/"
done
n=$(ls "$T/in" | wc -l)
done_count() { sql "$T/ws" "select count(*) from documents where state='done'" 2>/dev/null || echo 0; }

for target in 2 6; do   # kill after 2, then after 6 finished documents
  "$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --jobs 2 --settle 0 > /dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    [ "$(done_count)" -ge "$target" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  kill -9 $pid 2>/dev/null || fail "run finished before it could be killed"
  wait $pid 2>/dev/null || true
  sleep 0.3   # the worker follows its supervisor (PDEATHSIG)
  pgrep -f -- "--workspace $T/ws .*--internal-worker" >/dev/null && fail "a worker outlived the killed run"
  echo "killed with $(done_count) of $n documents done"
done
[ "$(done_count)" -lt "$n" ] || fail "nothing was left to resume"

"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --jobs 2 --settle 0 > "$T/summary.txt" 2>/dev/null || fail "resumed run"
cat "$T/summary.txt"
[ "$(count_results "$T/ws")" -eq "$n" ] || fail "every document has exactly one result"
[ "$(results "$T/ws" | py 'import sys,json; print(len({json.loads(l)["document"]["id"] for l in sys.stdin}))')" -eq "$n" ] || fail "duplicate results"
[ "$(sql "$T/ws" "select count(*) from review_cases")" -eq "$n" ] || fail "one review case each"
[ "$(sql "$T/ws" "select count(*) from documents where state!='done'")" -eq 0 ] || fail "documents left undone"
# Every page of every document is stored once.
[ "$(sql "$T/ws" "select count(*) from pages")" -eq "$n" ] || fail "pages stored once"
ok "killed twice, resumed, $n documents exactly once"
