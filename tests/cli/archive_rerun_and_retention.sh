#!/usr/bin/env bash
# A rerun archives nothing twice; a run that stopped after writing a
# document's files but before recording them rewrites the same files once and
# removes leftovers of interrupted writes; `retention` lists what is due.
source "$(dirname "$0")/lib/common.bash"
XSD="$SHARED_DATA/../reference/mdto/MDTO-XML1.0.1.xsd"
mkdir -p "$T/in"
cp "$SOURCE_DIR/samples/factuur/01-digital.pdf" "$T/in/"
cd "$SOURCE_DIR"
run() { "$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --settle 0 > "$T/summary.txt" 2>&1 \
          || { cat "$T/summary.txt"; fail "run exited $?"; }; }
run
id=$(sha256sum "$T/in/01-digital.pdf" | cut -c1-64)
D="$T/ws/archive/${id:0:2}/$id"
listing() { find "$T/ws/archive" -type f -printf '%P %s %T@\n' | sort; }
listing > "$T/before.txt"
[ "$(wc -l < "$T/before.txt")" -eq 6 ] || { cat "$T/before.txt"; fail "six files archived"; }

run
grep -q "1 seen: 0 processed, 1 already done" "$T/summary.txt" || fail "rerun did work"
listing > "$T/after.txt"
cmp -s "$T/before.txt" "$T/after.txt" || fail "rerun touched the archive"
[ "$(sql "$T/ws" "select count(*) from archive_files")" -eq 6 ] || fail "archive files recorded twice"
ok "rerun writes nothing"

# The state a crash between writing the files and the commit leaves: the files
# (one write interrupted), the document not done, nothing recorded.
sql "$T/ws" "delete from archive_files; delete from archive_documents; update documents set state='in_progress', decision=NULL, result=NULL"
touch "$D/.document.pdf.tmp-deadbeef"
"$SCANSTRAAT" verify --workspace "$T/ws" --schema "$XSD" > "$T/v.txt" && fail "unrecorded files must be problems"
run
[ ! -e "$D/.document.pdf.tmp-deadbeef" ] || fail "leftover not removed at the start of the run"
[ "$(find "$T/ws/archive" -type f | wc -l)" -eq 6 ] || fail "files written twice"
[ "$(sql "$T/ws" "select count(*) from archive_files")" -eq 6 ] || fail "files not recorded"
[ "$(sql "$T/ws" "select decision from documents")" = archive ] || fail "document not archived"
"$SCANSTRAAT" verify --workspace "$T/ws" --schema "$XSD" > "$T/v.txt" || { cat "$T/v.txt"; fail "verify after recovery"; }
ok "recovery rewrites the same files"

# Retention: factuur is V with P7Y from the archive date.
today=$(date -u +%F)
due=$(date -u -d "$today + 7 years" +%F)
"$SCANSTRAAT" retention --workspace "$T/ws" > "$T/r.txt"
grep -q "^0 documents due on or before $today" "$T/r.txt" || { cat "$T/r.txt"; fail "nothing due today"; }
"$SCANSTRAAT" retention --workspace "$T/ws" --due-before "$due" > "$T/r.txt"
grep -q "^$id  factuur .* 1.5 .* V .* P7Y .* $today  $due$" "$T/r.txt" || { cat "$T/r.txt"; fail "due on its due date"; }
"$SCANSTRAAT" retention --workspace "$T/ws" --due-before 2200-01-01 --json > "$T/r.jsonl"
py 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert len(r)==1 and r[0]["document"]==sys.argv[2] and r[0]["due"]==sys.argv[3] and r[0]["waardering"]=="V", r' \
   "$T/r.jsonl" "$id" "$due" || fail "retention --json"
rc=0; "$SCANSTRAAT" retention --workspace "$T/ws" --due-before 31-12-2030 2>/dev/null || rc=$?
[ $rc -eq 2 ] || fail "bad date must exit 2"
[ "$(find "$T/ws/archive" -type f | wc -l)" -eq 6 ] || fail "retention destroyed something"
ok "retention"
