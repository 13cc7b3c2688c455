#!/usr/bin/python3
"""Check a generated set: expected JSON consistent with TAXONOMY.md, files as described, and
(with --determinism) generation byte-for-byte reproducible from the recorded seed.

    /usr/bin/python3 tools/samplegen/selfcheck.py DIR [--determinism]

Exit status 0 when everything holds; otherwise each problem is printed as "file: problem".
"""

import argparse
import collections
import datetime
import filecmp
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import data as D  # noqa: E402
from doctypes import FIELDS  # noqa: E402

REQUIRED = {
    "aanvraag_bijstand": ["bsn", "voorletters", "achternaam", "geboortedatum", "straat", "huisnummer", "postcode",
                          "woonplaats", "iban", "woonsituatie", "ingangsdatum", "datum_ondertekening"],
    "omgevingsvergunning": ["aanvrager_naam", "straat", "huisnummer", "postcode", "woonplaats", "omschrijving",
                            "datum_aanvraag"],
    "verhuizing": FIELDS["verhuizing"],
    "bezwaarschrift": ["naam", "postcode", "datum_brief", "datum_besluit", "kenmerk_besluit"],
    "factuur": ["leverancier", "btw_nummer", "factuurnummer", "factuurdatum", "totaal_bedrag", "iban"],
    "archiefstuk": [],
}
TYPES = {
    "bsn": "bsn", "iban": "iban", "postcode": "postcode", "telefoon": "phone", "email": "email",
    "kvk_nummer": "kvk", "btw_nummer": "btw", "bouwkosten": "amount", "totaal_bedrag": "amount",
    "aantal_personen": "integer", "woonsituatie": "choice", "achternaam": "name", "naam": "name",
    "aanvrager_naam": "name",
}
DATE_FIELDS = {"geboortedatum", "ingangsdatum", "datum_ondertekening", "datum_aanvraag", "verhuisdatum",
               "datum_brief", "datum_besluit", "factuurdatum"}
KEYS = ["doctype", "fields", "route", "reasons", "fault", "variant", "seed", "layout"]


def valid(ftype, v):
    if ftype == "bsn":
        return D.bsn_valid(v)
    if ftype == "iban":
        return bool(re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", v)) and D.iban_valid(v) and v[4:8] in D.BANKS
    if ftype == "postcode":
        return bool(re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", v)) and v[-2:] not in ("SA", "SD", "SS")
    if ftype == "phone":
        return bool(re.fullmatch(r"0\d{9}", v))
    if ftype == "email":
        return bool(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}", v))
    if ftype == "kvk":
        return bool(re.fullmatch(r"\d{8}", v))
    if ftype == "btw":
        return bool(re.fullmatch(r"NL\d{9}B\d{2}", v))
    if ftype == "amount":
        return bool(re.fullmatch(r"\d+\.\d{2}", v))
    if ftype == "integer":
        return v.isdigit() and 1 <= int(v) <= 20
    if ftype == "choice":
        return v in ("huur", "koop", "inwonend")
    if ftype == "name":
        return bool(re.fullmatch(r"[A-Za-z '.\-]+", v)) and "  " not in v
    if ftype == "date":
        try:
            datetime.date.fromisoformat(v)
            return True
        except ValueError:
            return False
    return isinstance(v, str) and v == " ".join(v.split()) and v != ""


def check_expected(path, exp, problems):
    def bad(msg):
        problems.append("%s: %s" % (path, msg))

    for k in KEYS:
        if k not in exp:
            bad("key %r missing" % k)
    t = exp.get("doctype")
    if t not in FIELDS:
        bad("unknown doctype %r" % t)
        return
    f = exp["fields"]
    if set(f) != set(FIELDS[t]):
        bad("fields %s, expected %s" % (sorted(f), sorted(FIELDS[t])))
    reasons = exp["reasons"]
    if (exp["route"] == "review") != bool(reasons):
        bad("route %s with reasons %s" % (exp["route"], reasons))
    if (exp["fault"] is None) != (not reasons):
        bad("fault %r with reasons %s" % (exp["fault"], reasons))
    flagged = {r.split(":", 1)[1] for r in reasons if ":" in r}
    for name in REQUIRED[t]:
        if f.get(name) in (None, "") and name not in flagged:
            bad("required field %s is empty without a reason" % name)
    for name, v in f.items():
        if v is None:
            continue
        if t == "archiefstuk":
            for d in v:
                if not valid("date", d):
                    bad("datum %r" % d)
            continue
        ftype = "date" if name in DATE_FIELDS else TYPES.get(name, "text")
        ok = valid(ftype, v)
        if not ok and name not in flagged:
            bad("field %s=%r not valid as %s and no reason given" % (name, v, ftype))
        if ok and "invalid:" + name in reasons and ftype in ("bsn", "iban"):
            bad("field %s=%r is valid but expected invalid" % (name, v))
    # cross-field checks of TAXONOMY.md
    today = D.TODAY.isoformat()
    g = f.get("geboortedatum")
    if g and g >= today and "invalid:geboortedatum" not in reasons:
        bad("geboortedatum %s not in the past" % g)
    s = f.get("datum_ondertekening")
    if s and s > today:
        bad("datum_ondertekening in the future")
    if g and s and s < g and "invalid:geboortedatum" not in reasons:
        bad("datum_ondertekening before geboortedatum")
    if t == "omgevingsvergunning" and not (f.get("bsn") or f.get("kvk_nummer")) and not flagged & {"bsn", "kvk_nummer"}:
        bad("neither bsn nor kvk_nummer")
    if t == "factuur":
        m = re.search(r"subtotaal (\S+), btw (\S+), totaal (\S+)", " ".join(exp.get("notes", [])))
        if m:
            sub, vat, tot = (int(x.replace(".", "")) for x in m.groups())
            if (sub + vat == tot) == ("check_failed:totaal_bedrag" in reasons):
                bad("subtotaal+btw vs totaal does not match the expected reasons")
            if f.get("totaal_bedrag") and int(f["totaal_bedrag"].replace(".", "")) != tot:
                bad("totaal_bedrag differs from the printed total")
    for r in reasons:
        if not re.fullmatch(r"(missing|invalid|low_confidence|check_failed):[a-z_]+", r):
            bad("reason %r not of the form kind:field" % r)


def check_file(path, exp, problems):
    def bad(msg):
        problems.append("%s: %s" % (path, msg))

    if not os.path.exists(path):
        bad("file missing")
        return
    with open(path, "rb") as fh:
        blob = fh.read()
    if path.endswith(".pdf"):
        has_font = b"/Font" in blob
        if exp["text_layer"] == "none" and has_font:
            bad("scanned PDF has a text layer")
        if exp["text_layer"] in ("all", "page1") and not has_font:
            bad("born-digital PDF has no fonts")
        if shutil.which("pdftotext"):
            for page in range(1, exp["pages"] + 1):
                txt = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), path, "-"],
                                     capture_output=True, text=True).stdout.strip()
                want_text = exp["text_layer"] == "all" or (exp["text_layer"] == "page1" and page == 1)
                if bool(txt) != want_text:
                    bad("page %d: text layer %s, expected %s" % (page, bool(txt), want_text))
            if exp["text_layer"] == "all":
                txt = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
                for field, raw in exp.get("raw", {}).items():
                    if "".join(raw.split()) not in "".join(txt.split()):
                        bad("text layer lacks %s=%r" % (field, raw))
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
            m = re.search(r"Pages:\s+(\d+)", info)
            if not m or int(m.group(1)) != exp["pages"]:
                bad("pdfinfo pages %s, expected %d" % (m and m.group(1), exp["pages"]))
        return
    from PIL import Image
    im = Image.open(path)
    n = getattr(im, "n_frames", 1)
    if n != exp["pages"]:
        bad("%d frames, expected %d pages" % (n, exp["pages"]))
    for i in range(n):
        im.seek(i)
        if sorted(im.size) != [2480, 3508]:
            bad("page %d size %s, expected A4 at 300 dpi" % (i + 1, im.size))
        dpi = im.info.get("dpi")
        if not dpi or abs(float(dpi[0]) - 300) > 1:
            bad("page %d dpi %s" % (i + 1, dpi))


def check_dir(root):
    problems = []
    files = sorted(glob.glob(os.path.join(root, "**", "*.expected.json"), recursive=True))
    if not files:
        problems.append("%s: no *.expected.json found" % root)
    counts = collections.Counter()
    for p in files:
        with open(p, encoding="utf-8") as fh:
            exp = json.load(fh)
        check_expected(p, exp, problems)
        check_file(os.path.join(os.path.dirname(p), exp.get("file", "?")), exp, problems)
        counts[(exp.get("doctype"), exp.get("route"))] += 1
    return files, problems, counts


def check_determinism(root, files):
    """Regenerate with the recorded seed/variant/counts and compare every file byte for byte."""
    import generate
    problems = []
    per = collections.defaultdict(lambda: collections.Counter())
    for p in files:
        with open(p, encoding="utf-8") as fh:
            exp = json.load(fh)
        per[(exp["seed"], exp["variant"])][exp["doctype"]] += 1
    with tempfile.TemporaryDirectory() as td:
        for (seed, variant), counts in sorted(per.items()):
            n = max(counts.values())
            out = os.path.join(td, "%d-%s" % (seed, variant))
            generate.main(["--out", out, "--seed", str(seed), "--variants", variant, "--count-per-type", str(n),
                           "--types", ",".join(sorted(counts)), "-q"])
            for t in counts:
                for f in sorted(os.listdir(os.path.join(root, t))):
                    a, b = os.path.join(root, t, f), os.path.join(out, t, f)
                    if not os.path.exists(b):
                        problems.append("%s: not produced by regeneration" % a)
                    elif not filecmp.cmp(a, b, shallow=False):
                        problems.append("%s: differs from regeneration (not deterministic?)" % a)
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--determinism", action="store_true", help="regenerate and compare bytes")
    a = ap.parse_args(argv)
    files, problems, counts = check_dir(a.dir)
    if a.determinism:
        problems += check_determinism(a.dir, files)
    for p in problems:
        print(p)
    summary = ", ".join("%s/%s %d" % (t, r, n) for (t, r), n in sorted(counts.items()))
    print("%d documents checked (%s); %d problems" % (len(files), summary, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
