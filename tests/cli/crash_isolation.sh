#!/usr/bin/env bash
# A document that crashes the worker (fault injection: SIGSEGV on its pages)
# ends as `failed` with reason `crashed`; the rest of the batch is unaffected.
# A page, or the opening of a file, that hangs inside a library is ended by
# the watchdog as `timeout`.
source "$(dirname "$0")/lib/common.bash"
mkdir -p "$T/in"
cp "$TESTING/phototest.tif" "$TESTING/eurotext.tif" "$TESTING/devatest.png" "$TESTING/12.tif" "$TESTING/136.tif" "$T/in/"
crash=$(sha256sum "$T/in/eurotext.tif" | cut -c1-16)
hang=$(sha256sum "$T/in/devatest.png" | cut -c1-16)
hang_open=$(sha256sum "$T/in/136.tif" | cut -c1-16)
SCANSTRAAT_FAULT_CRASH_DOC=$crash SCANSTRAAT_FAULT_HANG_DOC=$hang SCANSTRAAT_FAULT_HANG_OPEN_DOC=$hang_open \
  "$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --jobs 2 --settle 0 --page-hard-timeout 10 \
  > "$T/summary.txt" 2> "$T/log.txt" || { cat "$T/log.txt"; fail "run exit code $?"; }
cat "$T/summary.txt"
results "$T/ws" | py '
import sys, json
rs = {r["document"]["id"][:16]: r for r in map(json.loads, sys.stdin)}
crash, hang, hang_open = sys.argv[1], sys.argv[2], sys.argv[3]
assert len(rs) == 5, rs.keys()
assert rs[crash]["route"]["decision"] == "failed" and rs[crash]["error"]["code"] == "crashed", rs[crash]
assert rs[hang]["route"]["decision"] == "failed" and rs[hang]["error"]["code"] == "timeout", rs[hang]
assert rs[hang_open]["route"]["decision"] == "failed" and rs[hang_open]["error"]["code"] == "timeout", rs[hang_open]
assert "opening the file" in rs[hang_open]["error"]["message"], rs[hang_open]
others = [r for k, r in rs.items() if k not in (crash, hang, hang_open)]
assert all(r["route"]["decision"] == "review" and "error" not in r for r in others), others
print("ok")
' "$crash" "$hang" "$hang_open" || fail "crash/hang outcome"
grep -q "worker died" "$T/log.txt" || fail "the crash is logged"
ok "crash and hang isolated"
