#!/usr/bin/env bash
# Every file of ../shared/data/robustness (damaged, fuzzed, encrypted, odd
# PDFs; real scans; non-documents) ends with exactly one result, with no
# crash of the run and no hang; a good document in the same batch is
# unaffected. Prints the outcome per class.
source "$(dirname "$0")/lib/common.bash"
ROB="$SHARED_DATA/robustness"
cp "$TESTING/phototest.tif" "$T/good.tif"
distinct=$(find "$ROB" -type f -exec sha256sum {} + | cut -c1-64 | sort -u | wc -l)
start=$(date +%s)
"$SCANSTRAAT" run "$ROB" "$T/good.tif" --workspace "$T/ws" --jobs 2 --settle 0 --progress log \
  --page-timeout 60 > "$T/summary.txt" 2> "$T/log.txt" || { tail -20 "$T/log.txt"; fail "run exited $?"; }
echo "wall: $(( $(date +%s) - start )) s"
cat "$T/summary.txt"
[ "$(count_results "$T/ws")" -eq $((distinct + 1)) ] || fail "one result per distinct file ($distinct + 1)"
results "$T/ws" | py '
import sys, json, collections
good = sys.argv[1]
classes = collections.Counter()
for line in sys.stdin:
    r = json.loads(line)
    d, route = r["document"], r["route"]
    assert route["decision"] in ("review", "failed", "archive"), r
    assert route["reasons"], r
    if route["decision"] == "failed":
        assert route["reasons"] == ["unreadable"] and r["error"]["code"] and r["error"]["message"], r
    folder = d["source"].split("/robustness/")[-1].split("/")[0] if "/robustness/" in d["source"] else "good"
    classes[(folder, route["decision"], r.get("error", {}).get("code", "-"))] += 1
    if d["source"].endswith("good.tif"):
        assert route["decision"] == "review" and d["text_source"] == "ocr" and "error" not in r, r
for k, v in sorted(classes.items()):
    print("%-16s %-7s %-20s %d" % (k + (v,)))
' "$T/good.tif" || fail "records"
good_id=$(sha256sum "$T/good.tif" | cut -c1-64)
sql "$T/ws" "select text from pages where doc_id='$good_id'" | grep -q "quick brown" || fail "good document OCR"
ok "robustness folder: every file handled"
