#!/usr/bin/env bash
# `scanstraat review` for reviewers and scripts, and a run and reviewers
# working on one workspace at the same time without errors or lost updates.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/fault_checks.bash"
S="$SOURCE_DIR/samples"
R=(--workspace "$T/ws" --rules "$SOURCE_DIR/rules")
mkdir -p "$T/in" "$T/more"
cp "$S/aanvraag_bijstand/04-fault-invalid-bsn.tif" "$S/verhuizing/04-fault-impossible-date".* "$T/in/"
rm -f "$T/in/"*.json
"$SCANSTRAAT" run "$T/in" "${R[@]}" --jobs 2 --progress log --archiefvormer gm0001 \
  --archiefvormer-naam "Gemeente Test" 2> /dev/null || true
printf 'a-secret-for-tests\n' | "$SCANSTRAAT" users add anna --role reviewer --workspace "$T/ws" > /dev/null
printf 'a-secret-for-tests\n' | "$SCANSTRAAT" users add bert --role senior --workspace "$T/ws" > /dev/null
printf 'a-secret-for-tests\n' | "$SCANSTRAAT" users add olga --role auditor --workspace "$T/ws" > /dev/null
bsn=$(results "$T/ws" | py 'import json,sys
for l in sys.stdin:
    r = json.loads(l)
    if r["doctype"]["id"] == "aanvraag_bijstand": print(r["fields"]["bsn"]["value"])')
[ -n "$bsn" ] || fail "no bsn read"
case_of() { sql "$T/ws" "SELECT c.id FROM review_cases c JOIN documents d ON d.id=c.doc_id WHERE json_extract(d.result,'\$.doctype.id')='$1'"; }
bij=$(case_of aanvraag_bijstand)
verh=$(case_of verhuizing)

"$SCANSTRAAT" review list "${R[@]}" 2> "$T/err" && fail "review without --user must be refused"
grep -q -- '--user' "$T/err" || fail "the refusal says how to name the user"
"$SCANSTRAAT" review list "${R[@]}" --user olga > /dev/null 2>&1 && fail "an auditor has no queue"
"$SCANSTRAAT" review list "${R[@]}" --user anna > "$T/list"
grep -q "invalid:bsn" "$T/list" || fail "the list shows reasons: $(cat "$T/list")"
[ "$("$SCANSTRAAT" review list "${R[@]}" --user anna --json | py 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ] \
  || fail "two open cases"

"$SCANSTRAAT" review show "$bij" "${R[@]}" --user anna > "$T/show"
grep -q '^  bsn .*\*\*\*\*\*' "$T/show" || fail "bsn shown masked: $(cat "$T/show")"
grep -qF "$bsn" "$T/show" && fail "bsn in clear without --reveal"
"$SCANSTRAAT" review show "$bij" "${R[@]}" --user anna --reveal bsn | grep -qF "$bsn" || fail "--reveal shows it"

"$SCANSTRAAT" review approve "$bij" "${R[@]}" --user anna --set bsn=123456789 > "$T/out" 2>&1 && fail "an invalid bsn approved"
grep -q "invalid_checksum" "$T/out" || fail "the reason is named: $(cat "$T/out")"
grep -qF 123456789 "$T/out" && fail "the value is echoed"
"$SCANSTRAAT" review approve "$bij" "${R[@]}" --user anna --set bsn=111222333 | grep -q "waits for a second" \
  || fail "a changed bsn waits for a senior"

# A run on more documents while two reviewers decide: both finish, nothing lost.
cp "$S"/factuur/0[1-4]* "$S"/verhuizing/0[1-3]* "$T/more/"
rm -f "$T/more/"*.json
"$SCANSTRAAT" run "$T/more" "${R[@]}" --jobs 2 --progress log 2> "$T/run2.log" &
run=$!
"$SCANSTRAAT" review approve "$bij" "${R[@]}" --user bert | grep -q "approved and archived" || fail "senior approves"
"$SCANSTRAAT" review reject "$verh" "${R[@]}" --user anna 2> /dev/null && fail "reject needs --reason"
"$SCANSTRAAT" review reject "$verh" "${R[@]}" --user anna --reason "verhuisdatum onleesbaar" > /dev/null \
  || fail "reject with a reason"
wait $run || [ $? -eq 1 ] || fail "the run failed while reviewers worked: $(tail -5 "$T/run2.log")"
grep -qi "locked\|busy" "$T/run2.log" && fail "the run met a locked database"
[ "$(count_results "$T/ws")" -eq "$(find "$T/in" "$T/more" -type f | wc -l)" ] || fail "a result per document"
results "$T/ws" | py '
import json, sys
st = {}
for l in sys.stdin:
    r = json.loads(l)
    st[r["doctype"]["id"]] = st.get(r["doctype"]["id"], []) + [(r.get("review") or {}).get("state")]
assert "approved" in st["aanvraag_bijstand"], st
assert "rejected" in st["verhuizing"], st
' || fail "decisions recorded"
"$SCANSTRAAT" audit verify --workspace "$T/ws" > /dev/null || fail "audit chain"
"$SCANSTRAAT" audit list --workspace "$T/ws" --action reveal | grep -q "field=bsn" || fail "the CLI reveal is audited"
verify_clean "$T/ws" > /dev/null
ok "review CLI: list, show, reveal, approve with four eyes, reject; concurrent run unharmed"
