#!/usr/bin/env bash
# `explain` on a sample: shows the type, the fields and the route; the BSN
# (a masked field) appears nowhere in clear, neither in the fields nor in the
# text as read, unless --show-personal-data.
source "$(dirname "$0")/lib/common.bash"
: "${SOURCE_DIR:?}"
cd "$SOURCE_DIR"
doc=samples/verhuizing/01-clean.png
bsn=$(py 'import json,sys; print(json.load(open(sys.argv[1]))["fields"]["bsn"])' "${doc%.*}.expected.json")
[ ${#bsn} = 9 ] || fail "sample has no BSN to test with"
"$SCANSTRAAT" explain "$doc" --rules rules --today 2025-06-30 > "$T/out" 2> "$T/err" || fail "explain exit $?"
grep -q '^Type: verhuizing@' "$T/out" || fail "type not shown: $(head -40 "$T/out")"
grep -q '^  bsn (bsn' "$T/out" || fail "bsn field not explained"
grep -q '^Route: ' "$T/out" || fail "route not shown"
grep -q -- '--- page 1' "$T/out" || fail "text as read not shown"
spaced="${bsn:0:4} ${bsn:4:2} ${bsn:6:3}"
if grep -q -e "$bsn" -e "$spaced" "$T/out" "$T/err"; then fail "BSN shown in clear without --show-personal-data"; fi
grep -q "\*\*\*\*\*${bsn:5:4}" "$T/out" || fail "masked BSN not shown"
"$SCANSTRAAT" explain "$doc" --rules rules --today 2025-06-30 --show-personal-data > "$T/clear" 2>/dev/null
grep -q "$bsn" "$T/clear" || fail "--show-personal-data must show the BSN"
set +e
"$SCANSTRAAT" explain "$T/none.png" --rules rules 2>/dev/null; [ $? = 2 ] || fail "missing file must exit 2"
"$SCANSTRAAT" explain 2>/dev/null; [ $? = 2 ] || fail "no file must exit 2"
set -e
ok "explain masks personal data"
