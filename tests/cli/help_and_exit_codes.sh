#!/usr/bin/env bash
# --help for every command; documented exit codes for bad use.
source "$(dirname "$0")/lib/common.bash"
for c in run results selftest; do
  "$SCANSTRAAT" $c --help | grep -q "Usage: scanstraat $c" || fail "$c --help"
done
"$SCANSTRAAT" --help | grep -q "Commands:" || fail "top-level help"
"$SCANSTRAAT" run --help | grep -q "Exit codes" || fail "run --help lists exit codes"

set +e
"$SCANSTRAAT" run --bogus x 2>/dev/null; [ $? -eq 2 ] || fail "unknown option must exit 2"
"$SCANSTRAAT" run 2>/dev/null; [ $? -eq 2 ] || fail "no input must exit 2"
"$SCANSTRAAT" run "$T/does-not-exist" --workspace "$T/ws" --settle 0 2>/dev/null; [ $? -eq 2 ] || fail "missing input must exit 2"
"$SCANSTRAAT" run "$TESTING/phototest.tif" --jobs 0 2>/dev/null; [ $? -eq 2 ] || fail "--jobs 0 must exit 2"
"$SCANSTRAAT" run "$TESTING/phototest.tif" --lang xxx --workspace "$T/ws" 2>/dev/null; [ $? -eq 2 ] || fail "missing language must exit 2"
touch "$T/afile"
"$SCANSTRAAT" run "$TESTING/phototest.tif" --workspace "$T/afile/ws" --settle 0 2>/dev/null; [ $? -eq 3 ] || fail "unusable workspace must exit 3"
"$SCANSTRAAT" results --workspace "$T/nothing-here" 2>/dev/null; [ $? -eq 3 ] || fail "results without workspace must exit 3"
"$SCANSTRAAT" frobnicate 2>/dev/null; [ $? -eq 2 ] || fail "unknown command must exit 2"
# A second run on a busy workspace exits 4 and does no harm.
mkdir -p "$T/busy"
"$SCANSTRAAT" run "$TESTING/phototest.tif" --workspace "$T/busy" --settle 0 >/dev/null 2>&1
flock "$T/busy/run.lock" -c "\"$SCANSTRAAT\" run \"$TESTING/phototest.tif\" --workspace \"$T/busy\" --settle 0 >/dev/null 2>&1; echo \$? > \"$T/rc\""
[ "$(cat "$T/rc")" = 4 ] || fail "busy workspace must exit 4, got $(cat "$T/rc")"
set -e
ok "help and exit codes"
