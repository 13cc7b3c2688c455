"""API tests of `scanstraat serve` (pipeline/serve/API.md) against a running server.

Usage: review_api.py BASE_URL SECRETS_FILE ARCHIVE_DIR
SECRETS_FILE holds the clear values of masked fields ("field<TAB>value" per
line); none of them may appear in a response until that field is revealed.
"""
import http.client
import json
import os
import sys
import urllib.parse

BASE, SECRETS_FILE, ARCHIVE = sys.argv[1], sys.argv[2], sys.argv[3]
HOST = urllib.parse.urlparse(BASE).netloc
SECRETS = [tuple(l.split("\t", 1)) for l in open(SECRETS_FILE).read().split("\n") if "\t" in l]
SECRETS = [(f, v) for f, v in SECRETS if len(v) >= 6]
checks = 0


def fail(msg):
    print("FAIL:", msg, file=sys.stderr)
    sys.exit(1)


def expect(cond, msg):
    global checks
    checks += 1
    if not cond:
        fail(msg)


class Client:
    def __init__(self, name=None):
        self.cookie = ""
        self.csrf = ""
        self.name = name
        self.revealed = set()

    def request(self, method, path, body=None, csrf=True, headers=None, raw_body=None, ctype=None):
        conn = http.client.HTTPConnection(HOST, timeout=60)
        h = {"Host": HOST}
        if self.cookie:
            h["Cookie"] = self.cookie
        if method == "POST" and csrf and self.csrf:
            h["X-CSRF-Token"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if raw_body is not None:
            data = raw_body.encode()
            h["Content-Type"] = ctype
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        payload = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie" and v.startswith("ss_session="):
                self.cookie = v.split(";")[0]
        text = payload.decode("latin-1")
        # Masked values never appear unless this client revealed them.
        for field, value in SECRETS:
            if field not in self.revealed:
                expect(value not in text, f"{method} {path} answered the masked {field} in clear")
        try:
            j = json.loads(payload) if payload and r.getheader("Content-Type", "").startswith("application/json") else None
        except ValueError:
            j = None
        return r.status, j, r, payload

    def login(self, name, password):
        st, j, _, _ = self.request("POST", "/api/login", {"name": name, "password": password})
        expect(st == 200, f"login {name}: {st}")
        self.csrf = j["csrf"]
        self.name = name
        return self


PASSWORD = "a-secret-for-tests"

# --- nothing but the login page without a session -------------------------
anon = Client()
for method, path in [("GET", "/api/cases"), ("GET", "/api/me"), ("GET", "/api/cases/1"),
                     ("GET", "/api/cases/1/pages/1"), ("GET", "/api/audit"), ("POST", "/api/cases/1/claim"),
                     ("POST", "/api/cases/1/approve"), ("POST", "/api/logout")]:
    st, j, _, _ = anon.request(method, path, {} if method == "POST" else None)
    expect(st == 401 and j["error"] == "unauthenticated", f"{method} {path} without a session: {st}")
st, _, r, _ = anon.request("GET", "/")
expect(st == 303 and r.getheader("Location") == "/login", f"/ without a session redirects to /login, got {st}")
st, _, r, body = anon.request("GET", "/login")
expect(st == 200 and b"<form" in body, "the login page is public")
expect("default-src 'self'" in r.getheader("Content-Security-Policy", ""), "CSP on every page")
expect(r.getheader("X-Frame-Options") == "DENY", "no framing")
st, _, _, _ = anon.request("GET", "/static/login.css")
expect(st == 200, "login.css is public")
st, _, _, _ = anon.request("GET", "/static/app.js")
expect(st == 401, f"app.js needs a session, got {st}")

# --- login, cookies ----------------------------------------------------------
st, j, _, _ = anon.request("POST", "/api/login", {"name": "anna", "password": "wrong-password!"})
expect(st == 401 and j["error"] == "login_failed", "a wrong password is refused")
st, _, r, _ = anon.request("POST", "/login", raw_body="name=anna&password=wrong-password!",
                           ctype="application/x-www-form-urlencoded")
expect(st == 303 and r.getheader("Location") == "/login?fout=1", "the form login redirects back with fout=1")
form = Client()
st, _, r, _ = form.request("POST", "/login", raw_body="name=anna&password=" + PASSWORD,
                           ctype="application/x-www-form-urlencoded")
cookie = r.getheader("Set-Cookie", "")
expect(st == 303 and r.getheader("Location") == "/", "the form login redirects to /")
for attr in ("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="):
    expect(attr in cookie, f"session cookie has {attr}: {cookie}")
st, _, _, body = form.request("GET", "/")
expect(st == 200 and b"<html" in body.lower(), "/ with a session serves the screen")

anna = Client().login("anna", PASSWORD)
bert = Client().login("bert", PASSWORD)
carla = Client().login("carla", PASSWORD)
arch = Client().login("arch", PASSWORD)
olga = Client().login("olga", PASSWORD)
st, j, _, _ = anna.request("GET", "/api/me")
expect(st == 200 and j["role"] == "reviewer" and j["csrf"] == anna.csrf, "me")

# --- roles -------------------------------------------------------------------
st, j, _, _ = olga.request("GET", "/api/cases")
expect(st == 403, f"an auditor does not see the queue: {st}")
st, j, _, _ = olga.request("GET", "/api/audit?limit=5")
expect(st == 200 and len(j["entries"]) == 5, "an auditor reads the audit log")
st, _, _, _ = anna.request("GET", "/api/audit")
expect(st == 403, "a reviewer does not read the audit log")

st, q, _, _ = anna.request("GET", "/api/cases")
expect(st == 200 and len(q["cases"]) >= 2, f"queue: {st} {q}")
ids = [c["id"] for c in q["cases"]]
expect(ids == sorted(ids), "oldest first")
by_type = {c["doctype"]: c for c in q["cases"]}
expect("aanvraag_bijstand" in by_type and "factuur" in by_type, f"types in the queue: {list(by_type)}")
bij = by_type["aanvraag_bijstand"]["id"]
fac = by_type["factuur"]["id"]
st, f, _, _ = anna.request("GET", "/api/cases?type=factuur")
expect([c["id"] for c in f["cases"]] == [fac], "filter by type")
st, f, _, _ = anna.request("GET", "/api/cases?reason=invalid:iban")
expect(all(any(r == "invalid:iban" for r in c["reasons"]) for c in f["cases"]) and f["cases"], "filter by reason")

st, _, _, _ = arch.request("POST", f"/api/cases/{bij}/claim", {})
expect(st == 403, "an archivist cannot claim")
st, c, _, _ = arch.request("GET", f"/api/cases/{bij}")
expect(st == 200 and any(x["masked"] for x in c["fields"]), "an archivist reads the case, masked")
st, _, _, _ = arch.request("POST", f"/api/cases/{bij}/reveal", {"field": "bsn"})
expect(st == 403, "an archivist sees no clear values")
st, _, _, _ = arch.request("GET", f"/api/cases/{bij}/pages/1?reveal=bsn")
expect(st == 403, "an archivist cannot unmask the page either")

# --- CSRF and origin ---------------------------------------------------------
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/claim", {}, csrf=False)
expect(st == 403 and j["error"] == "csrf", "a change without the CSRF token is refused")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/claim", {}, headers={"X-CSRF-Token": "0" * 64})
expect(st == 403 and j["error"] == "csrf", "a wrong CSRF token is refused")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/claim", {}, headers={"Origin": "http://evil.example"})
expect(st == 403 and j["error"] == "csrf", "a change from another origin is refused")
st, j, _, _ = bert.request("POST", f"/api/cases/{bij}/claim", {}, headers={"X-CSRF-Token": anna.csrf})
expect(st == 403, "another session's CSRF token is refused")

# --- claims ------------------------------------------------------------------
st, _, _, _ = anna.request("GET", f"/api/cases/{bij}")
expect(st == 409, "a reviewer must claim before opening")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/claim", {})
expect(st == 200 and j["claim_expires"] > 0, "anna claims")
st, j, _, _ = bert.request("POST", f"/api/cases/{bij}/claim", {})
expect(st == 409 and j["error"] == "claimed" and j["claimed_by"] == "anna", f"claimed by someone else: {st} {j}")
for method, path, body in [("GET", f"/api/cases/{bij}", None), ("GET", f"/api/cases/{bij}/pages/1", None),
                           ("POST", f"/api/cases/{bij}/fields", {"field": "telefoon", "value": "0612345678"}),
                           ("POST", f"/api/cases/{bij}/reveal", {"field": "bsn"}),
                           ("POST", f"/api/cases/{bij}/approve", {}), ("POST", f"/api/cases/{bij}/reject", {"reason": "x"}),
                           ("POST", f"/api/cases/{bij}/doctype", {"doctype": "factuur"})]:
    st, j, _, _ = bert.request(method, path, body)
    expect(st == 409, f"{method} {path} on a case claimed by anna: {st}")

# --- the case ------------------------------------------------------------------
st, c, _, _ = anna.request("GET", f"/api/cases/{bij}")
expect(st == 200 and c["doctype"]["id"] == "aanvraag_bijstand", "the case")
fields = {x["name"]: x for x in c["fields"]}
expect(fields["bsn"]["masked"] and fields["bsn"]["value"].startswith("*****"), "bsn masked")
expect(fields["bsn"]["doubtful"] and "invalid:bsn" in fields["bsn"]["reasons"], "bsn doubtful with its reason")
expect(fields["geboortedatum"]["value"] in (None, "**-**-****"), "a birth date is masked whole")
expect(fields["bsn"]["review"] == "double", "bsn needs four eyes")
expect(len(c["pages"]) >= 1 and c["pages"][0]["scale"] == 2.0, "pages with scale")
expect(isinstance(fields["achternaam"]["bbox"], list), "boxes for fields")
st, _, r, png = anna.request("GET", c["pages"][0]["url"])
expect(st == 200 and r.getheader("Content-Type") == "image/png" and png[:4] == b"\x89PNG", "page image")
st, _, _, _ = anna.request("GET", f"/api/cases/{bij}/pages/99")
expect(st == 404, "no such page")

# --- paths outside the workspace -------------------------------------------------
for path in ["/static/../scanstraat.db", "/static/..%2f..%2fscanstraat.db", "/static/%2e%2e/%2e%2e/etc/passwd",
             "/api/cases/1/pages/..%2f..%2fscanstraat.db", "/../../etc/passwd", "/static/.hidden",
             "/archive/", "/scanstraat.db"]:
    st, _, _, body = anna.request("GET", path)
    expect(st == 404 and b"SQLite" not in body and b"root:" not in body, f"{path} must not be served: {st}")

# --- live checks, corrections, reveal ------------------------------------------
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/check", {"field": "bsn", "value": "123456789"})
expect(st == 200 and j["valid"] is False and "invalid_checksum" in j["errors"], "11-proef fails live")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/check", {"field": "bsn", "value": "111222333"})
expect(st == 200 and j["valid"] is True, "11-proef passes live")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/check", {"field": "iban", "value": "NL91ABNA0417164301"})
expect(j["valid"] is False, "IBAN checksum fails live")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/check", {"field": "ingangsdatum", "value": "31-02-2024"})
expect(j["valid"] is False, "an impossible date fails live")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/fields", {"field": "bsn", "value": "123456789"})
expect(st == 422 and j["error"] == "invalid", "an invalid correction is not saved")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/approve", {})
expect(st == 422 and j["error"] == "not_ready" and "bsn" in j["fields"], f"not ready while bsn is invalid: {j}")
SECRETS.append(("bsn", "111222333"))
st, c, _, _ = anna.request("POST", f"/api/cases/{bij}/fields", {"field": "bsn", "value": "111 222 333"})
expect(st == 200, "a valid correction is saved")
f = {x["name"]: x for x in c["fields"]}["bsn"]
expect(f["corrected"] and f["second_needed"] and f["masked"], "corrected, masked, and waiting for a second person")
anna.revealed.add("bsn")
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/reveal", {"field": "bsn"})
expect(st == 200 and j["value"] == "111222333", "reveal gives the clear value")
st, _, _, _ = anna.request("GET", f"/api/cases/{bij}/pages/1?reveal=bsn")
expect(st == 200, "the page with bsn unmasked")

# --- four eyes -------------------------------------------------------------------
st, j, _, _ = anna.request("POST", f"/api/cases/{bij}/approve", {})
expect(st == 202 and j["state"] == "awaiting_second", f"a reviewer's approval of a double field waits: {st} {j}")
st, q, _, _ = anna.request("GET", "/api/cases")
expect(any(x["id"] == bij and x["awaiting_second"] for x in q["cases"]), "the queue shows it waits")
st, _, _, _ = anna.request("POST", f"/api/cases/{bij}/approve", {})
expect(st == 409, "the claim went back to the queue after the first approval")
st, _, _, _ = bert.request("POST", f"/api/cases/{bij}/claim", {})
expect(st == 200, "bert (senior) claims it")
st, c, _, _ = bert.request("GET", f"/api/cases/{bij}")
expect(c["awaiting_second"] and c["first_approval_by"] == "anna", "the case says who approved first")
st, j, _, _ = bert.request("POST", f"/api/cases/{bij}/approve", {})
expect(st == 200 and j["state"] == "approved", f"the senior's approval archives it: {st} {j}")
pdf = os.path.join(ARCHIVE, j["archive"]["pdf"])
expect(os.path.isfile(pdf), f"the PDF/A is in the archive: {pdf}")
st, _, _, _ = bert.request("POST", f"/api/cases/{bij}/claim", {})
expect(st == 422, "a decided case cannot be claimed again")

# A senior who changed a double field cannot give the second approval himself.
st, _, _, _ = carla.request("POST", f"/api/cases/{fac}/claim", {})
st, j, _, _ = carla.request("POST", f"/api/cases/{fac}/approve", {})
expect(st == 422 and "iban" in j["fields"], f"the invoice with an invalid IBAN is not ready: {j}")
SECRETS.append(("iban", "NL91ABNA0417164300"))
st, c, _, _ = carla.request("POST", f"/api/cases/{fac}/fields", {"field": "iban", "value": "NL91 ABNA 0417 1643 00"})
expect(st == 200, "carla corrects the IBAN")
st, j, _, _ = carla.request("POST", f"/api/cases/{fac}/approve", {})
expect(st == 202, f"carla changed it, so carla cannot be the second pair of eyes: {st}")

# --- type change and rejection on the third case ---------------------------------
others = [x["id"] for x in q["cases"] if x["id"] not in (bij, fac)]
expect(len(others) >= 1, "a third case")
third = others[0]
st, _, _, _ = anna.request("POST", f"/api/cases/{third}/claim", {})
expect(st == 200, "claim the third case")
st, c, _, _ = anna.request("POST", f"/api/cases/{third}/doctype", {"doctype": "verhuizing"})
expect(st == 200 and c["doctype"]["id"] == "verhuizing" and any(x["name"] == "postcode" for x in c["fields"]),
       f"type changed, fields re-read: {st}")
st, j, _, _ = anna.request("POST", f"/api/cases/{third}/doctype", {"doctype": "no_such_type"})
expect(st == 422, "an unknown type is refused")
st, j, _, _ = anna.request("POST", f"/api/cases/{third}/reject", {})
expect(st == 422, "a rejection needs a reason")
st, j, _, _ = anna.request("POST", f"/api/cases/{third}/reject", {"reason": "dubbel ingestuurd"})
expect(st == 200 and j["state"] == "rejected", "rejected")
st, _, _, _ = anna.request("POST", f"/api/cases/{third}/release", {})

# --- bad requests ------------------------------------------------------------------
st, j, _, _ = anna.request("POST", f"/api/cases/{fac}/check", raw_body="{not json", ctype="application/json")
expect(st == 400, "a body that is not JSON is refused")
st, _, _, _ = anna.request("GET", "/api/cases/99999")
expect(st in (404, 409), "an unknown case")

# --- audit -------------------------------------------------------------------------
st, j, _, _ = olga.request("GET", "/api/audit?limit=1000")
actions = {(e["actor"], e["action"], e["result"]) for e in j["entries"]}
for want in [("anna", "login", "ok"), ("anna", "login", "failed"), ("anna", "view_case", "ok"),
             ("anna", "reveal", "ok"), ("arch", "reveal", "denied"), ("anna", "correct", "invalid"),
             ("anna", "correct", "ok"), ("anna", "approve_first", "ok"), ("bert", "approve", "ok"),
             ("anna", "reject", "ok"), ("bert", "claim", "conflict"), ("anna", "csrf_refused", "denied"),
             ("anna", "set_doctype", "ok"), ("olga", "read_audit", "ok"), ("anna", "view_page", "ok")]:
    expect(want in actions, f"audited: {want}")
for e in j["entries"]:
    expect(all(k in e for k in ("actor", "action", "object", "result", "origin", "at")), "audit entry shape")

# --- logout and rate limiting -----------------------------------------------------
st, _, _, _ = anna.request("POST", "/api/logout", {})
expect(st == 200, "logout")
st, _, _, _ = anna.request("GET", "/api/me")
expect(st == 401, "the session ended")
victim = Client()
codes = [victim.request("POST", "/api/login", {"name": "olga", "password": f"guess-{i}-xxxxx"})[0] for i in range(6)]
expect(codes[:5] == [401] * 5 and codes[5] == 429, f"the sixth failed login in 15 min is refused: {codes}")
st, _, _, _ = victim.request("POST", "/api/login", {"name": "olga", "password": PASSWORD})
expect(st == 429, "also with the right password while the account is limited")
st, _, _, _ = Client().request("POST", "/api/login", {"name": "bert", "password": PASSWORD})
expect(st == 200, "another account from the same address still logs in")

print(f"ok: {checks} API checks passed")
