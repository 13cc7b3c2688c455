#!/usr/bin/python3
"""OCR sanity check: run Tesseract on generated documents and report which printed values it reads.

    /usr/bin/python3 tools/samplegen/ocrcheck.py FILE... [--lang nld+eng]

For each document the raw values of its .expected.json ("raw": the text as printed) are looked
up in the OCR text (compared without spaces, case-insensitive). PDFs are rasterised with
pdftoppm at 300 dpi; a PDF text layer is not used. Needs tesseract and poppler-utils.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile


def ocr_file(path, lang):
    if path.lower().endswith(".pdf"):
        with tempfile.TemporaryDirectory() as td:
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", path, os.path.join(td, "p")], check=True)
            return "\n".join(ocr_file(p, lang) for p in sorted(glob.glob(os.path.join(td, "p*.png"))))
    r = subprocess.run(["tesseract", path, "-", "-l", lang], capture_output=True, text=True, check=True)
    return r.stdout


def squash(s):
    return "".join(s.split()).lower()


def check(path, lang, show_text=False):
    exp_path = os.path.splitext(path)[0] + ".expected.json"
    with open(exp_path, encoding="utf-8") as f:
        exp = json.load(f)
    text = ocr_file(path, lang)
    flat = squash(text)
    found, missed = [], []
    for field, raw in sorted(exp.get("raw", {}).items()):
        (found if squash(raw) in flat else missed).append((field, raw))
    leaked = [(f, raw) for f, raw in sorted(exp.get("illegible", {}).items()) if squash(raw) in flat]
    n = len(found) + len(missed)
    if leaked:
        missed.append(("ILLEGIBLE VALUE WAS READ", leaked))
    print("%-58s %2d/%2d values read%s" % (os.path.relpath(path), len(found), n,
                                           "" if not missed else "; missed: " +
                                           ", ".join("%s=%r" % m for m in missed)))
    if show_text:
        print(text)
    return len(found), n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--lang", default="nld+eng")
    ap.add_argument("--text", action="store_true", help="also print the OCR text")
    a = ap.parse_args(argv)
    tot_f = tot_n = 0
    for p in a.files:
        if p.endswith(".json"):
            continue
        f, n = check(p, a.lang, a.text)
        tot_f += f
        tot_n += n
    print("total: %d/%d printed values found in the OCR text" % (tot_f, tot_n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
