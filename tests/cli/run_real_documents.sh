#!/usr/bin/env bash
# End to end on real images and PDFs: every input ends with one result record
# whose keys are real; a rerun does no new work.
source "$(dirname "$0")/lib/common.bash"
mkdir -p "$T/in/sub"
/usr/bin/python3 "$(dirname "$0")/lib/make_inputs.py" "$TESTING" "$T/in"
cp "$TESTING/phototest.tif" "$T/in/sub/"
cp "$OCRMYPDF/skew.pdf" "$T/in/scanned.pdf"
cp "$OCRMYPDF/baiona_gray.png" "$T/in/sub/photo-named-wrong.pdf"   # PNG named .pdf: content decides
cp "$TESTING/phototest-rotated-180.png" "$T/in/upside-down.png"
printf 'not a document' > "$T/in/readme.txt"
: > "$T/in/empty.pdf"
n=$(find "$T/in" -type f | wc -l)

"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --jobs 2 --settle 0 > "$T/summary.txt" 2> "$T/log.txt" || fail "run exited $?"
cat "$T/summary.txt"
grep -q "documents   $n seen: $n processed" "$T/summary.txt" || fail "summary counts"
[ "$(count_results "$T/ws")" -eq "$n" ] || fail "one result per input"

results "$T/ws" > "$T/results.jsonl"
TIN="$T/in" py '
import json, hashlib, os, sys
rs = {os.path.relpath(r["document"]["source"], os.environ["TIN"]): r for r in map(json.loads, open(sys.argv[1]))}
def check(name, pages, source, decision, code=None):
    r = rs[name]
    d = r["document"]
    assert r["schema"] == "scanstraat.result/1", r
    assert d["id"] == hashlib.sha256(open(os.path.join(os.environ["TIN"], name), "rb").read()).hexdigest(), name
    assert d["pages"] == pages, (name, d)
    assert d["text_source"] == source, (name, d)
    assert r["route"]["decision"] == decision, (name, r["route"])
    assert r["doctype"]["id"] == "unknown"
    assert r["review"]["case"] > 0 and r["review"]["state"] == "open", r["review"]
    if code: assert r["error"]["code"] == code, (name, r.get("error"))
    else: assert "error" not in r, (name, r["error"])
    want = ["unreadable"] if decision == "failed" else ["unknown_doctype"]
    assert r["route"]["reasons"] == want, (name, r["route"])
check("two-pages.tif", 2, "ocr", "review")
check("born-digital.pdf", 1, "pdf_text", "review")
check("mixed.pdf", 2, "mixed", "review")
check("sub/phototest.tif", 1, "ocr", "review")
check("scanned.pdf", 1, "ocr", "review")
check("sub/photo-named-wrong.pdf", 1, "ocr", "review")
check("upside-down.png", 1, "ocr", "review")
check("readme.txt", 0, "none", "failed", "unsupported_format")
check("empty.pdf", 0, "none", "failed", "empty")
print("records ok")
' "$T/results.jsonl" || fail "result records"

# The OCR text is stored: real words from the real pages, upright.
id=$(sha256sum "$T/in/upside-down.png" | cut -c1-64)
sql "$T/ws" "select text from pages where doc_id='$id'" | grep -q "quick brown" || fail "rotated page OCR text"
[ "$(sql "$T/ws" "select rotation from pages where doc_id='$id'")" = 180 ] || fail "rotation recorded"
id=$(sha256sum "$T/in/born-digital.pdf" | cut -c1-64)
sql "$T/ws" "select text from pages where doc_id='$id'" | grep -q "Drukkerij De Vries" || fail "text layer words"
[ "$(sql "$T/ws" "select count(*) from pages where hocr like '%ocrx_word%'")" -ge 6 ] || fail "hOCR stored"
# No file names or page text in the log: documents are named by short id.
! grep -q "phototest\|Drukkerij" "$T/log.txt" || fail "log names files or content"

# Same inputs again: no new work.
"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --settle 0 > "$T/summary2.txt" 2>/dev/null || fail "rerun"
grep -q "documents   $n seen: 0 processed, $n already done" "$T/summary2.txt" || { cat "$T/summary2.txt"; fail "rerun did work"; }
[ "$(count_results "$T/ws")" -eq "$n" ] || fail "rerun changed the results"
[ "$(sql "$T/ws" "select count(*) from review_cases")" -eq "$n" ] || fail "one review case per document"
[ "$(count_results "$T/ws" --run 2)" -eq 0 ] || fail "run 2 finished nothing"
[ "$(count_results "$T/ws" --run 1)" -eq "$n" ] || fail "--run 1"
ok "real documents"
