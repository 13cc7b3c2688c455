#!/usr/bin/env bash
# Documents the rules route to the archive become a searchable PDF/A-2b with
# valid MDTO metadata and a result record; a review-routed document leaves
# nothing in the archive; no personal data in any archive name.
source "$(dirname "$0")/lib/common.bash"
XSD="$SHARED_DATA/../reference/mdto/MDTO-XML1.0.1.xsd"
[ -f "$XSD" ] || fail "MDTO schema missing at $XSD"
S="$SOURCE_DIR/samples"
mkdir -p "$T/in"
cp "$S/factuur/01-digital.pdf" "$S/bezwaarschrift/01-clean.png" \
   "$S/aanvraag_bijstand/01-clean-left.tif" "$S/bezwaarschrift/04-fault-invalid-bsn.png" "$T/in/"
cd "$SOURCE_DIR"
"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --jobs 2 --settle 0 \
  --archiefvormer gm0363 --archiefvormer-naam "Gemeente Amsterdam" > "$T/summary.txt" 2> "$T/log.txt" \
  || { cat "$T/log.txt"; fail "run exited $?"; }
grep -q "archived    3" "$T/summary.txt" || { cat "$T/summary.txt" "$T/log.txt"; fail "three documents archived"; }
grep -q "^archiefvormer = gm0363$" "$T/ws/scanstraat.conf" || fail "archiefvormer stored in scanstraat.conf"

A="$T/ws/archive"
id() { sha256sum "$T/in/$1" | cut -c1-64; }
dir() { echo "$A/$(id "$1" | cut -c1-2)/$(id "$1")"; }
check_doc() {  # file, a word on its page, roles expected
  local d; d=$(dir "$1")
  [ -f "$d/document.pdf" ] || fail "$1: no document.pdf"
  qpdf --check "$d/document.pdf" > "$T/qpdf.txt" 2>&1 || { cat "$T/qpdf.txt"; fail "$1: qpdf --check"; }
  grep -q "No syntax or stream encoding errors" "$T/qpdf.txt" || fail "$1: qpdf output"
  qpdf --qdf --object-streams=disable "$d/document.pdf" "$T/qdf.pdf"
  grep -aq 'pdfaid:part="2"\|<pdfaid:part>2</pdfaid:part>' "$T/qdf.pdf" || fail "$1: XMP pdfaid:part 2"
  grep -aq 'pdfaid:conformance="B"\|<pdfaid:conformance>B</pdfaid:conformance>' "$T/qdf.pdf" || fail "$1: XMP conformance B"
  grep -aq "/GTS_PDFA1" "$T/qdf.pdf" || fail "$1: OutputIntent"
  grep -aq "/DestOutputProfile" "$T/qdf.pdf" || fail "$1: ICC profile"
  pdffonts "$d/document.pdf" | tail -n +3 > "$T/fonts.txt"
  [ -s "$T/fonts.txt" ] || fail "$1: no font (text layer missing)"
  awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' "$T/fonts.txt" || { cat "$T/fonts.txt"; fail "$1: font not embedded"; }
  pdftotext "$d/document.pdf" - | grep -q "$2" || fail "$1: pdftotext lacks '$2'"
  for x in "$d"/*.mdto.xml; do
    xmllint --noout --schema "$XSD" "$x" 2> "$T/xmllint.txt" || { cat "$T/xmllint.txt"; fail "$1: $(basename "$x") invalid"; }
  done
  grep -q "<identificatieKenmerk>gm0363</identificatieKenmerk>" "$d/informatieobject.mdto.xml" || fail "$1: archiefvormer"
  grep -q "<omvang>$(stat -c %s "$d/document.pdf")</omvang>" "$d/document.pdf.mdto.xml" || fail "$1: omvang"
  grep -q "$(sha256sum "$d/document.pdf" | cut -c1-64)" "$d/document.pdf.mdto.xml" || fail "$1: checksum in MDTO"
  [ "$(ls "$d" | sort | tr '\n' ' ')" = "$3" ] || fail "$1: files $(ls "$d" | tr '\n' ' ')"
}
check_doc 01-digital.pdf Schildersbedrijf \
  "document.pdf document.pdf.mdto.xml informatieobject.mdto.xml original.pdf original.pdf.mdto.xml result.json "
check_doc 01-clean.png Parallelweg "document.pdf document.pdf.mdto.xml informatieobject.mdto.xml result.json "
check_doc 01-clean-left.tif Aanvraagformulier "document.pdf document.pdf.mdto.xml informatieobject.mdto.xml result.json "
cmp "$(dir 01-digital.pdf)/original.pdf" "$T/in/01-digital.pdf" || fail "original.pdf is not the input"
# dekkingInTijd from the document's dates, not from the (masked) birth date.
grep -q "<dekkingInTijdBegindatum>2024-03-03</dekkingInTijdBegindatum>" "$(dir 01-clean-left.tif)/informatieobject.mdto.xml" \
  || fail "dekkingInTijd"
ok "PDF/A essentials, fonts, text, MDTO valid"

# The result records carry the archive part; result.json beside the PDF is the same record.
results "$T/ws" > "$T/results.jsonl"
ARCH="$A" py '
import json, hashlib, os, sys
n = 0
for r in map(json.loads, open(sys.argv[1])):
    a = r["archive"]
    if r["route"]["decision"] != "archive":
        assert a is None, r["route"]; continue
    n += 1
    pdf = os.path.join(os.environ["ARCH"], a["pdf"])
    assert hashlib.sha256(open(pdf, "rb").read()).hexdigest() == a["sha256"], a
    assert os.path.isfile(os.path.join(os.environ["ARCH"], a["metadata"])), a
    beside = json.load(open(os.path.join(os.path.dirname(pdf), "result.json")))
    assert beside == r, "result.json differs from the stored record"
assert n == 3, n
' "$T/results.jsonl" || fail "archive part of the results"
ok "results show the archive part"

# Review: nothing in the archive, its page image kept for the review screen.
rid=$(id 04-fault-invalid-bsn.png)
[ ! -e "$(dir 04-fault-invalid-bsn.png)" ] || fail "review document written into the archive"
[ "$(sql "$T/ws" "select count(*) from page_images where doc_id='$rid'")" -eq 1 ] || fail "review page image kept"
[ "$(sql "$T/ws" "select count(*) from page_images where doc_id in (select id from documents where decision='archive')")" -eq 0 ] \
  || fail "archived documents' page images dropped"
[ "$(find "$A" -mindepth 2 -maxdepth 2 -type d | wc -l)" -eq 3 ] || fail "three document folders"
ok "review writes nothing"

# No personal data in any archive file or folder name, nor in the metadata.
for f in "$S/factuur/01-digital.expected.json" "$S/bezwaarschrift/01-clean.expected.json" \
         "$S/aanvraag_bijstand/01-clean-left.expected.json"; do
  for v in $(py 'import json,sys; f=json.load(open(sys.argv[1]))["fields"]; print(" ".join(str(f[k]) for k in ("bsn","iban") if f.get(k)))' "$f"); do
    ! find "$A" | grep -q "$v" || fail "personal data in an archive name"
    ! grep -rq "$v" "$A" --include='*.xml' || fail "personal data in MDTO metadata"
    ! grep -q "$v" "$T/log.txt" || fail "personal data in the log"
  done
done
ok "no personal data in names"

"$SCANSTRAAT" verify --workspace "$T/ws" --schema "$XSD" > "$T/verify.txt" || { cat "$T/verify.txt"; fail "verify not clean"; }
grep -q "^verify: ok, 3 documents" "$T/verify.txt" || fail "verify summary"
# Look at a page: pdftoppm renders it (a broken image stream would fail here).
pdftoppm -r 50 -png -f 1 -l 1 "$(dir 01-clean-left.tif)/document.pdf" "$T/page"
[ -s "$T/page-1.png" ] || fail "pdftoppm"
ok "archive verified"
