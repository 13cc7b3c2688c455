#!/usr/bin/env bash
# In an archive run, documents of no known type become archiefstuk and take
# their archive settings from the batch (--batch-*, kept in scanstraat.conf);
# without them nothing is archived half-described: the stuk goes to review.
source "$(dirname "$0")/lib/common.bash"
: "${SOURCE_DIR:?}"
XSD="$SHARED_DATA/../reference/mdto/MDTO-XML1.0.1.xsd"
mkdir -p "$T/in"
cp "$SOURCE_DIR"/samples/archiefstuk/*.{tif,jpg,pdf} "$T/in/"

"$SCANSTRAAT" run "$T/in" --workspace "$T/none" --rules "$SOURCE_DIR/rules" --mode archive \
  --sample-rate 0 --settle 0 >/dev/null 2>&1 || fail "run without batch settings"
[ -z "$(find "$T/none/archive" -name document.pdf 2>/dev/null)" ] || fail "archived without batch settings"
results "$T/none" | grep -q '"archive_failed"' || fail "missing batch settings must send the stuk to review as archive_failed"

"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules "$SOURCE_DIR/rules" --mode archive \
  --sample-rate 0 --settle 0 --batch-naam "Brieven gemeentesecretarie" --batch-categorie 1.1 \
  --batch-waardering B >/dev/null 2>&1 || fail "run with batch settings"
grep -qx "batch_waardering = B" "$T/ws/scanstraat.conf" || fail "batch settings stored in scanstraat.conf"
n=0
for f in $(find "$T/ws/archive" -name informatieobject.mdto.xml); do
  n=$((n + 1))
  grep -q "<begripLabel>Blijvend te bewaren</begripLabel>" "$f" || fail "waardering from the batch"
  grep -q "<begripLabel>1.1</begripLabel>" "$f" || fail "informatiecategorie from the batch"
  grep -q "Brieven gemeentesecretarie" "$f" || fail "name from the batch"
  xmllint --noout --schema "$XSD" "$f" 2>/dev/null || fail "MDTO invalid"
done
[ "$n" -ge 1 ] || fail "no archiefstuk archived"
results "$T/ws" | py '
import sys, json
rs = [json.loads(l) for l in sys.stdin]
assert all(r["doctype"]["id"] == "archiefstuk" for r in rs), [r["doctype"] for r in rs]
assert any(r["route"]["decision"] == "archive" and r["archive"]["pdf"] for r in rs)
' || fail "records"
"$SCANSTRAAT" run "$T/in" --workspace "$T/bad" --batch-waardering X >/dev/null 2>&1 && fail "--batch-waardering X accepted"
ok "batch archive settings ($n archived)"
