#!/usr/bin/env bash
# A scanner's PDF (one image per page) is OCR'd from the images in the file,
# not from pages drawn by Poppler, and the run log counts both kinds; a page
# with more on it than its image (text drawn over a scan) is still drawn.
source "$(dirname "$0")/lib/common.bash"
S="$SOURCE_DIR/samples"
mkdir -p "$T/in"
# JPEG pages, and CCITT G4 pages with /BlackIs1 whose second page is upside down.
cp "$S/aanvraag_bijstand/02-clean-tozo-table.pdf" "$S/aanvraag_bijstand/03-poor-rotated-p2.pdf" "$T/in/"
# A scan with a text layer drawn over it (one page OCR'd, drawn).
cp "$S/factuur/03-mixed.pdf" "$T/in/"
cd "$SOURCE_DIR"
"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules rules --sample-rate 0 --jobs 2 --settle 0 \
  > "$T/summary.txt" 2> "$T/log.txt" || { cat "$T/log.txt"; fail "run exited $?"; }
grep -q "ingest: 4 PDF pages read from their scanned image, 1 drawn for OCR" "$T/log.txt" \
  || { cat "$T/log.txt"; fail "four scanner pages read as their image, the mixed page drawn"; }
ok "scanner pages read as their image"

# The images read that way OCR as well as the drawn pages did: the fields come out.
for pair in "02-clean-tozo-table.pdf:Hendriks" "03-poor-rotated-p2.pdf:Vries"; do
  id=$(sha256sum "$T/in/${pair%%:*}" | cut -c1-64)
  [ "$(sql "$T/ws" "select count(*) from pages where doc_id='$id' and source='ocr'")" = 2 ] \
    || fail "${pair%%:*}: both pages OCR'd"
  sql "$T/ws" "select text from pages where doc_id='$id'" | grep -q "${pair##*:}" \
    || fail "${pair%%:*}: OCR text has ${pair##*:}"
done
ok "OCR text read from the taken images"
