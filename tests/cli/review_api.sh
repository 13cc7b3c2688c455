#!/usr/bin/env bash
# The review server's API (pipeline/serve/API.md) end to end on real scans:
# sessions, roles, CSRF, claims, masking, four eyes, archive on approval,
# audit; masked values in no response, log line or audit entry until revealed.
source "$(dirname "$0")/lib/common.bash"
source "$(dirname "$0")/lib/fault_checks.bash"
S="$SOURCE_DIR/samples"
mkdir -p "$T/in"
cp "$S/aanvraag_bijstand/04-fault-invalid-bsn.tif" "$S/factuur/05-fault-invalid-iban-digital.pdf" \
   "$S/bezwaarschrift/05-fault-missing".* "$T/in/"
rm -f "$T/in/"*.expected.json
"$SCANSTRAAT" run "$T/in" --workspace "$T/ws" --rules "$SOURCE_DIR/rules" --jobs 2 --progress log \
  --archiefvormer gm0001 --archiefvormer-naam "Gemeente Test" 2> "$T/run.log" || true
[ "$(sql "$T/ws" "SELECT count(*) FROM review_cases WHERE state='open'")" -ge 3 ] || fail "three review cases expected"

for u in anna:reviewer bert:senior carla:senior arch:archivist olga:auditor; do
  printf 'a-secret-for-tests\n' | "$SCANSTRAAT" users add "${u%%:*}" --role "${u##*:}" --workspace "$T/ws" > /dev/null
done
printf 'short\n' | "$SCANSTRAAT" users add dave --role reviewer --workspace "$T/ws" 2> /dev/null && fail "short password accepted"

# The clear values of every masked field, as the export (for systems that may see them) has them.
results "$T/ws" | py '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    for name, f in r["fields"].items():
        if name in ("bsn", "iban", "geboortedatum"):
            for v in (f.get("value"), f.get("raw")):
                if isinstance(v, str): print(name + "\t" + v)
' > "$T/secrets"
[ -s "$T/secrets" ] || fail "no masked values to look for"

"$SCANSTRAAT" serve --workspace "$T/ws" --rules "$SOURCE_DIR/rules" --listen 127.0.0.1:0 2> "$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$T"' EXIT
for _ in $(seq 50); do grep -q 'listening on' "$T/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$T/serve.log") || fail "server did not start: $(cat "$T/serve.log")"

/usr/bin/python3 "$SOURCE_DIR/tests/cli/lib/review_api.py" "$url" "$T/secrets" "$T/ws/archive"

kill -TERM $pid; wait $pid || fail "serve did not stop cleanly on SIGTERM"
while read -r s; do
  [ ${#s} -ge 6 ] || continue
  grep -qF "$s" "$T/serve.log" "$T/run.log" && fail "a masked value is in a log"
  "$SCANSTRAAT" audit list --workspace "$T/ws" --limit 100000 --json | grep -qF "$s" && fail "a masked value is in the audit log"
done < <(cut -f2 "$T/secrets"; echo 111222333; echo NL91ABNA0417164300)
"$SCANSTRAAT" audit verify --workspace "$T/ws" > /dev/null || fail "audit chain broken"
verify_clean "$T/ws" > /dev/null
results "$T/ws" | py '
import json, sys
rs = [json.loads(l) for l in sys.stdin]
ok = [r for r in rs if (r.get("review") or {}).get("state") == "approved"]
assert len(ok) == 1, len(ok)
r = ok[0]
assert r["review"]["by"] == "bert" and r["review"]["corrections"] == {"bsn": "111222333"}, r["review"]
assert r["fields"]["bsn"]["value"] == "111222333" and r["fields"]["bsn"]["valid"], r["fields"]["bsn"]
assert r["archive"]["pdf"].endswith("document.pdf")
' || fail "the approved record"
ok "review API: every endpoint, refusals, masking, four eyes, archive, audit"
