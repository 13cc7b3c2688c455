#!/usr/bin/env bash
# `verify` is clean on a fresh archive and names a flipped byte, a deleted
# file, an unknown extra file and a leftover of an interrupted write; it
# needs the MDTO schema (not shipped) from --schema or scanstraat.conf.
source "$(dirname "$0")/lib/common.bash"
XSD="$SHARED_DATA/../reference/mdto/MDTO-XML1.0.1.xsd"
mkdir -p "$T/in"
cp "$SOURCE_DIR/samples/factuur/01-digital.pdf" "$T/in/"
cd "$SOURCE_DIR"
"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --settle 0 > /dev/null 2>&1 || fail "run"
id=$(sha256sum "$T/in/01-digital.pdf" | cut -c1-64)
rel="${id:0:2}/$id"
D="$T/ws/archive/$rel"
rc=0
v() { rc=0; "$SCANSTRAAT" verify --workspace "$T/ws" "$@" > "$T/out.txt" 2>&1 || rc=$?; }

v; [ $rc -eq 2 ] || fail "verify without a schema must exit 2"
grep -q -- "--schema" "$T/out.txt" || fail "says how to give the schema"
echo "mdto_xsd = $XSD" >> "$T/ws/scanstraat.conf"
v; [ $rc -eq 0 ] || { cat "$T/out.txt"; fail "fresh archive not clean"; }
grep -q "^verify: ok, 1 documents, 6 files checked" "$T/out.txt" || { cat "$T/out.txt"; fail "summary"; }
ok "clean"

cp "$D/document.pdf" "$T/keep.pdf"
py 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[len(b)//2] ^= 1; open(p,"wb").write(b)' "$D/document.pdf"
v; [ $rc -eq 1 ] || fail "flipped byte not caught"
grep -q "^PROBLEM sha256 $rel/document.pdf" "$T/out.txt" || { cat "$T/out.txt"; fail "flipped byte not named"; }
cp "$T/keep.pdf" "$D/document.pdf"
v; [ $rc -eq 0 ] || fail "restored archive not clean"
ok "flipped byte"

mv "$D/informatieobject.mdto.xml" "$T/keep.xml"
v; [ $rc -eq 1 ] || fail "deleted file not caught"
grep -q "^PROBLEM missing $rel/informatieobject.mdto.xml" "$T/out.txt" || { cat "$T/out.txt"; fail "deleted file not named"; }
mv "$T/keep.xml" "$D/informatieobject.mdto.xml"
ok "deleted file"

echo extra > "$D/notes.txt"
touch "$D/.result.json.tmp-abc123"
v; [ $rc -eq 1 ] || fail "unknown file not caught"
grep -q "^PROBLEM unknown $rel/notes.txt: file is not recorded" "$T/out.txt" || { cat "$T/out.txt"; fail "unknown file not named"; }
grep -q "^PROBLEM unknown $rel/.result.json.tmp-abc123: leftover" "$T/out.txt" || { cat "$T/out.txt"; fail "leftover not named"; }
rm "$D/notes.txt" "$D/.result.json.tmp-abc123"
ok "unknown file"

# A schema-invalid MDTO file whose checksum was updated too is still caught.
sed -i 's/<omvang>/<omvang>x/' "$D/document.pdf.mdto.xml"
sql "$T/ws" "update archive_files set sha256='$(sha256sum "$D/document.pdf.mdto.xml" | cut -c1-64)', size=$(stat -c %s "$D/document.pdf.mdto.xml") where role='mdto_pdf'"
v; [ $rc -eq 1 ] || fail "invalid MDTO not caught"
grep -q "^PROBLEM mdto.schema $rel/document.pdf.mdto.xml" "$T/out.txt" || { cat "$T/out.txt"; fail "invalid MDTO not named"; }
ok "MDTO schema"
