#!/usr/bin/env bash
# The per-page time limit (Tesseract's own deadline) ends a slow page with
# reason `timeout` instead of holding up the night.
source "$(dirname "$0")/lib/common.bash"
cp "$OCRMYPDF/cardinal.pdf" "$T/slow.pdf"
"$SCANSTRAAT" run "$T/slow.pdf" --workspace "$T/ws" --settle 0 --page-timeout 1 > /dev/null 2>&1 || fail "run"
results "$T/ws" | py '
import sys, json
r = json.loads(sys.stdin.readline())
assert r["route"]["decision"] in ("failed", "review"), r["route"]
assert "unreadable" in r["route"]["reasons"], r["route"]
assert r["error"]["code"] == "timeout", r["error"]
assert "per-page limit" in r["error"]["message"], r["error"]
print(r["error"])
' || fail "timeout outcome"
ok "page time limit"
