#!/usr/bin/env bash
# Golden tests: `rules test` over samples/ (intake types in intake mode,
# archiefstuk in archive mode) must show no regression: every type right, no
# wrong value archived unseen, every planted fault routed to review, and no
# document doing worse than tests/cli/golden/baseline.json.
source "$(dirname "$0")/lib/common.bash"
: "${SOURCE_DIR:?}"
cd "$SOURCE_DIR"
WS="$T/ws"
intake=()
for d in samples/*/; do
  [ "$(basename "$d")" = archiefstuk ] || intake+=("$d")
done
set +e
"$SCANSTRAAT" rules test --rules rules --workspace "$WS" --mode intake --today 2025-06-30 \
  --baseline tests/cli/golden/baseline.json "${intake[@]}" > "$T/intake.txt" 2> "$T/intake.err"
rc_intake=$?
"$SCANSTRAAT" rules test --rules rules --workspace "$WS" --mode archive --today 2025-06-30 \
  --baseline tests/cli/golden/baseline.json samples/archiefstuk > "$T/archive.txt" 2> "$T/archive.err"
rc_archive=$?
set -e
cat "$T/intake.txt" "$T/archive.txt"
[ "$rc_intake" = 0 ] || { tail -5 "$T/intake.err" >&2; fail "rules test on the intake samples: exit $rc_intake"; }
[ "$rc_archive" = 0 ] || { tail -5 "$T/archive.err" >&2; fail "rules test on samples/archiefstuk: exit $rc_archive"; }
# Every committed sample was scored, and the summary says so.
n=$(ls samples/*/*.expected.json | wc -l)
got=$(( $(grep -c '^\(ok\|diff\|REGRESSION\)  ' "$T/intake.txt") + $(grep -c '^\(ok\|diff\|REGRESSION\)  ' "$T/archive.txt") ))
[ "$got" = "$n" ] || fail "scored $got documents, samples/ has $n"
grep -q '^PASS: 0 of' "$T/intake.txt" || fail "intake summary"
grep -q '^PASS: 0 of' "$T/archive.txt" || fail "archive summary"
ok "golden samples: no regression"
