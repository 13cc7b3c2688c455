#!/usr/bin/env bash
# Born-digital (text-layer) pages are drawn and compressed in the run's
# parallel page stage, like scanned pages: a document routed to review keeps
# its page image for the review screen, and the archived PDF/A shows the page
# as a lossless bilevel (CCITT G4) image that renders.
source "$(dirname "$0")/lib/common.bash"
S="$SOURCE_DIR/samples"
mkdir -p "$T/in"
cp "$S/factuur/01-digital.pdf" "$S/factuur/05-fault-invalid-iban-digital.pdf" "$T/in/"
cd "$SOURCE_DIR"
"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --jobs 2 --settle 0 \
  > "$T/summary.txt" 2> "$T/log.txt" || { cat "$T/log.txt"; fail "run exited $?"; }
grep -q "2 text layer" "$T/summary.txt" || { cat "$T/summary.txt"; fail "two text-layer pages"; }
grep -q "archived    1" "$T/summary.txt" && grep -q "to review   1" "$T/summary.txt" \
  || { cat "$T/summary.txt"; fail "one archived, one to review"; }
grep -q "archive: 2 page images encoded" "$T/log.txt" || { cat "$T/log.txt"; fail "both pages encoded in the page stage"; }
ok "text-layer pages encoded in the parallel stage"

review_id=$(sha256sum "$T/in/05-fault-invalid-iban-digital.pdf" | cut -c1-64)
[ "$(sql "$T/ws" "select filter from page_images where doc_id='$review_id' and page_no=1")" = CCITTFaxDecode ] \
  || fail "review document's text-layer page has its G4 image stored"
ok "review screen has the page image"

id=$(sha256sum "$T/in/01-digital.pdf" | cut -c1-64)
pdf="$T/ws/archive/${id:0:2}/$id/document.pdf"
pdfimages -list "$pdf" | awk 'NR > 2 { print $9, $8 }' > "$T/images.txt"
[ "$(cat "$T/images.txt")" = "ccitt 1" ] || { cat "$T/images.txt"; fail "archived page is one 1-bit CCITT image"; }
pdftotext "$pdf" - | grep -q Schildersbedrijf || fail "text layer kept"
pdftoppm -r 50 -gray -f 1 -l 1 "$pdf" "$T/page"
# The page is drawn: dark pixels (the text) on a light page.
py 'import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)[3]
dark = sum(1 for b in d if b < 128)
assert 0.005 < dark / len(d) < 0.2, dark / len(d)' "$T/page-1.pgm" || fail "archived page does not show its text"
ok "archived page is lossless bilevel and renders"
