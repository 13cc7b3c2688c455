#!/usr/bin/env bash
# The review screen end to end in headless Chromium: a reviewer logs in, opens
# the first case (an impossible birth date, a masked field), corrects it,
# approves, and the document is archived; no clear personal data reaches the
# page before it is revealed. Leaves a screenshot of the case screen beside
# the binary (review-case.png) for a person to look at.
source "$(dirname "$0")/lib/common.bash"
SRC="${SOURCE_DIR:-${SCANSTRAAT_SOURCE_DIR:?}}"
S="$SRC/samples"
command -v node > /dev/null || fail "node missing (apt-get install nodejs npm)"
[ -x /usr/bin/chromium ] || fail "chromium missing (apt-get install chromium)"
bash "$SRC/tests/browser/install.sh" || fail "npm packages for the browser test"

# Two review cases, one run each so the verhuizing case is the oldest.
mkdir -p "$T/in1" "$T/in2"
cp "$S/verhuizing/04-fault-impossible-date.png" "$T/in1/"
cp "$S/bezwaarschrift/05-fault-missing.pdf" "$T/in2/"
cd "$SRC"
for d in in1 in2; do
  "$SCANSTRAAT" run "$T/$d" --workspace "$T/ws" --rules rules --sample-rate 0 --jobs 2 --settle 0 \
    --archiefvormer gm0363 --archiefvormer-naam "Gemeente Utrecht" > "$T/run.txt" 2> "$T/run.log" \
    || { cat "$T/run.log"; fail "run $d exited non-zero"; }
  grep -q "to review   1" "$T/run.txt" || { cat "$T/run.txt"; fail "$d: one document to review"; }
done
ok "two documents in review"

printf 'secret-pass-1\n' | "$SCANSTRAAT" users add anna --role reviewer --workspace "$T/ws" > /dev/null \
  || fail "users add"

"$SCANSTRAAT" serve --workspace "$T/ws" --rules rules --listen 127.0.0.1:0 > "$T/serve.out" 2> "$T/serve.log" &
SERVE=$!
trap 'kill "$SERVE" 2> /dev/null; wait "$SERVE" 2> /dev/null; rm -rf "$T"' EXIT
URL=
for _ in $(seq 100); do
  URL=$(grep -o 'listening on http://[0-9.:]*' "$T/serve.log" | cut -d' ' -f3) && [ -n "$URL" ] && break
  kill -0 "$SERVE" 2> /dev/null || { cat "$T/serve.log"; fail "serve exited"; }
  sleep 0.1
done
[ -n "$URL" ] || { cat "$T/serve.log"; fail "serve did not say where it listens"; }
ok "serving on $URL"

# The clear values that must stay out of the page until revealed: the BSN and
# the birth date as read (from the sample's expected result).
SECRETS=$(py 'import json,sys; e=json.load(open(sys.argv[1])); print(json.dumps([e["fields"]["bsn"], e["raw"]["geboortedatum"]]))' \
  "$S/verhuizing/04-fault-impossible-date.expected.json")
SHOT="$(dirname "$SCANSTRAAT")/review-case.png"
rm -f "$SHOT"
SCANSTRAAT_URL="$URL" REVIEW_USER=anna REVIEW_PASSWORD=secret-pass-1 \
  REVIEW_FIXES='{"geboortedatum":"28-02-1984"}' REVIEW_SECRETS="$SECRETS" \
  node "$SRC/tests/browser/review_e2e.mjs" "$SHOT" > "$T/e2e.json" 2> "$T/e2e.log" \
  || { cat "$T/e2e.log" "$T/serve.log"; fail "browser test"; }
[ -s "$SHOT" ] || fail "no screenshot"
ok "browser: logged in, corrected, approved ($(cat "$T/e2e.json"))"
ok "screenshot: $SHOT"

# The approved document is archived with the correction; the other stays in review.
id=$(sha256sum "$T/in1/04-fault-impossible-date.png" | cut -c1-64)
other=$(sha256sum "$T/in2/05-fault-missing.pdf" | cut -c1-64)
results "$T/ws" > "$T/results.jsonl"
ID="$id" OTHER="$other" py '
import json, os, sys
recs = {r["document"]["id"]: r for r in map(json.loads, open(sys.argv[1]))}
r = recs[os.environ["ID"]]
# The route stays what the run decided (review); the review part says how it ended.
assert r["route"]["decision"] in ("review", "archive"), r["route"]
assert r["archive"] and r["archive"].get("pdf"), r["archive"]
rev = r.get("review") or {}
assert rev.get("state") == "approved", rev
assert r["fields"]["geboortedatum"]["value"] == "1984-02-28", r["fields"]["geboortedatum"]
o = recs[os.environ["OTHER"]]
assert o["route"]["decision"] == "review" and not o["archive"], o["route"]
' "$T/results.jsonl" || { head -c 3000 "$T/results.jsonl"; fail "results after approval"; }
[ -f "$T/ws/archive/${id:0:2}/$id/document.pdf" ] || fail "no document.pdf in the archive"
ok "document archived, review state approved"

XSD="$SHARED_DATA/../reference/mdto/MDTO-XML1.0.1.xsd"
[ -f "$XSD" ] || fail "MDTO schema missing at $XSD"
"$SCANSTRAAT" verify --workspace "$T/ws" --schema "$XSD" > "$T/verify.txt" 2>&1 || { cat "$T/verify.txt"; fail "verify"; }
grep -q "^verify: ok, 1 documents" "$T/verify.txt" || { cat "$T/verify.txt"; fail "verify summary"; }
ok "verify clean"

# The server logged no personal data.
for v in $(py 'import json,sys; print(" ".join(json.loads(sys.argv[1])))' "$SECRETS") 28-02-1984 1984-02-28; do
  ! grep -qF "$v" "$T/serve.log" || fail "personal data in the server log"
done
ok "no personal data in the server log"
