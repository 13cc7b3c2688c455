#!/usr/bin/python3
"""Generate synthetic Dutch municipal documents with expected results.

    /usr/bin/python3 tools/samplegen/generate.py --out DIR --seed N [--count-per-type K]
        [--variants train|dev|val|holdout] [--types a,b] [--check]

Writes DIR/<type>/<case>.<ext> and DIR/<type>/<case>.expected.json. Output is a pure function
of the arguments: the same seed gives the same bytes. See README.md beside this file.
"""

import argparse
import io
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import doctypes as T  # noqa: E402
import render as R  # noqa: E402
import scan as S  # noqa: E402

TYPES = ["aanvraag_bijstand", "omgevingsvergunning", "verhuizing", "bezwaarschrift", "factuur", "archiefstuk"]
EXT = {"png": "png", "jpeg": "jpg", "tiff": "tif", "pdf": "pdf", "pdf_digital": "pdf", "pdf_mixed": "pdf"}

# The committed set: for index i < len(CURATED[type]) the plan is fixed, so that a small set
# covers clean and poor scans, every file format and the faults. Beyond that, plans are random.
# Keys: q (clean|poor), c (colour mode: grey|bilevel|colour), fmt, fault, layout, rot
# ({page: degrees}), opts (builder options), name (case name).
CURATED = {
    "aanvraag_bijstand": [
        dict(name="clean-left", q="clean", c="bilevel", fmt="tiff", layout=0, opts={"tozo": False}),
        dict(name="clean-tozo-table", q="clean", c="grey", fmt="pdf", layout=1, opts={"tozo": True}),
        dict(name="poor-rotated-p2", q="poor", c="bilevel", fmt="pdf", layout=0, rot={1: 180}, opts={"tozo": False}),
        dict(name="fault-invalid-bsn", q="clean", c="bilevel", fmt="tiff", layout=1, fault="invalid_bsn"),
        dict(name="fault-two-ticked", q="clean", c="bilevel", fmt="pdf", layout=0, fault="two_ticked"),
        dict(name="fault-future-birthdate", q="poor", c="bilevel", fmt="tiff", layout=1, fault="future_birthdate"),
    ],
    "omgevingsvergunning": [
        dict(name="clean-person", q="clean", c="bilevel", fmt="pdf", layout=0, opts={"company": False}),
        dict(name="clean-company", q="clean", c="bilevel", fmt="tiff", layout=1, opts={"company": True}),
        dict(name="poor-rotated", q="poor", c="grey", fmt="tiff", layout=0, rot={0: 90}),
        dict(name="fault-missing", q="clean", c="bilevel", fmt="tiff", layout=0, fault="missing_required"),
        dict(name="fault-unreadable", q="clean", c="bilevel", fmt="tiff", layout=1, fault="unreadable",
             opts={"company": False}),
    ],
    "verhuizing": [
        dict(name="clean", q="clean", c="grey", fmt="png", layout=0),
        dict(name="poor-skew-noise", q="poor", c="grey", fmt="jpeg", layout=1),
        dict(name="clean-rotated-90", q="clean", c="bilevel", fmt="png", layout=1, rot={0: 270}),
        dict(name="fault-impossible-date", q="clean", c="grey", fmt="png", layout=0, fault="impossible_date"),
        dict(name="fault-unreadable", q="clean", c="grey", fmt="png", layout=1, fault="unreadable"),
    ],
    "bezwaarschrift": [
        dict(name="clean", q="clean", c="grey", fmt="png", layout=0),
        dict(name="clean-sans", q="clean", c="bilevel", fmt="tiff", layout=1),
        dict(name="poor-colour", q="poor", c="colour", fmt="jpeg", layout=1),
        dict(name="fault-invalid-bsn", q="clean", c="grey", fmt="png", layout=0, fault="invalid_bsn"),
        dict(name="fault-missing", q="poor", c="bilevel", fmt="pdf", layout=1, fault="missing_required"),
    ],
    "factuur": [
        dict(name="digital", q="clean", fmt="pdf_digital", layout=0),
        dict(name="clean-scan", q="clean", c="grey", fmt="png", layout=1),
        dict(name="mixed", q="clean", c="grey", fmt="pdf_mixed", layout=0, opts={"pages": 2}),
        dict(name="poor-skew", q="poor", c="grey", fmt="jpeg", layout=0),
        dict(name="fault-invalid-iban-digital", q="clean", fmt="pdf_digital", layout=1, fault="invalid_iban"),
        dict(name="fault-total-mismatch", q="clean", c="bilevel", fmt="png", layout=0, fault="totaal_mismatch"),
    ],
    "archiefstuk": [
        dict(name="brief-colour", q="poor", c="colour", fmt="jpeg", layout=0),
        dict(name="notulen-2p", q="clean", c="bilevel", fmt="tiff", layout=1, opts={"pages": 2}),
        dict(name="brief-rotated-pdf", q="poor", c="grey", fmt="pdf", layout=0, rot={0: 90}),
    ],
}


def random_plan(rng, doctype, V, index):
    n_layouts = {"factuur": len(V.INVOICE_LAYOUTS), "bezwaarschrift": len(V.LETTER_LAYOUTS),
                 "archiefstuk": len(V.ARCHIVE_LAYOUTS)}.get(doctype) or len(V.LAYOUTS[doctype])
    plan = {"q": "clean" if rng.random() < 0.55 else "poor", "layout": rng.randrange(n_layouts), "rot": {}}
    faults = T.FAULTS[doctype]
    # every third document carries a fault, cycling through the faults of the type
    plan["fault"] = faults[(index // 3) % len(faults)] if faults and index % 3 == 2 else None
    if plan["q"] == "poor" and rng.random() < 0.3:
        plan["rot"] = {0: rng.choice([90, 180, 270])}
    fmts = ["png", "tiff", "pdf", "jpeg"]
    if doctype == "factuur":
        fmts += ["pdf_digital", "pdf_digital", "pdf_mixed"]
    plan["fmt"] = rng.choice(fmts)
    if doctype == "factuur" and plan["fmt"] == "pdf_mixed":
        plan["opts"] = {"pages": 2}
    if plan["fault"] == "unreadable" and plan["fmt"] in ("pdf_digital", "pdf_mixed"):
        plan["fmt"] = "png"  # handwriting needs paper: an illegible value only on a scan
        plan.pop("opts", None)
    return plan


def build(doctype, index, seed, variant, V):
    prng = random.Random("plan/%d/%s/%d/%s" % (seed, doctype, index, variant))
    cur = CURATED[doctype] if variant == "train" else []
    if index < len(cur):
        plan = dict(cur[index])
        plan.setdefault("rot", {})
        plan.setdefault("fault", None)
    else:
        plan = random_plan(prng, doctype, V, index)
    crng = random.Random("doc/%d/%s/%d/%s" % (seed, doctype, index, variant))
    doc = T.BUILDERS[doctype](crng, V, plan["layout"], plan.get("fault"), **plan.get("opts", {}))
    fmt = plan["fmt"]
    if len(doc.pages) > 1 and fmt in ("png", "jpeg"):
        fmt = "tiff" if prng.random() < 0.5 else "pdf"
    if fmt == "jpeg" and plan.get("c") == "bilevel":
        plan["c"] = "grey"
    plan["fmt"] = fmt
    if "name" not in plan:
        kind = "fault-" + doc.fault.replace("_", "-") if doc.fault else plan["q"]
        if fmt == "pdf_digital":
            plan["name"] = kind.replace("clean", "digital").replace("poor", "digital") + \
                ("-digital" if doc.fault else "")
        else:
            plan["name"] = "%s-%s" % (kind, fmt.replace("_", "-"))
    return plan, doc


def scan_pages(doc, plan, seed, doctype, index, variant):
    srng = random.Random("scan/%d/%s/%d/%s" % (seed, doctype, index, variant))
    colour = plan.get("c")
    if colour is None and plan["fmt"] == "jpeg":
        colour = srng.choice(["grey", "colour"])
    prof = S.make_profile(srng, plan["q"], colour=colour, rotate=plan.get("rot"),
                          archive=(doctype == "archiefstuk"))
    if plan["fmt"] == "jpeg" and prof["colour"] == "bilevel":
        prof["colour"] = "grey"
    images = [S.degrade(R.render_pil(p), prof, srng, i) for i, p in enumerate(doc.pages)]
    return prof, images


# --- writers -----------------------------------------------------------------------------------

def write_png(path, images):
    images[0].save(path, "PNG", dpi=(300, 300), compress_level=9)


def write_jpeg(path, images, prof):
    im = images[0] if images[0].mode != "1" else images[0].convert("L")
    im.save(path, "JPEG", quality=75 if prof["quality"] == "clean" else 70, dpi=(300, 300))


def write_tiff(path, images, prof):
    if all(im.mode == "1" for im in images):
        kw = {"compression": "group4"}
    else:
        mode = "RGB" if any(im.mode == "RGB" for im in images) else "L"
        images = [im.convert(mode) for im in images]
        kw = {"compression": "tiff_adobe_deflate" if prof["quality"] == "clean" else "jpeg"}
        if kw["compression"] == "jpeg":
            kw["quality"] = 70
    images[0].save(path, "TIFF", save_all=True, append_images=images[1:], dpi=(300, 300), **kw)


def write_pdf_scan(path, images):
    """Image-only PDF: every page one image, no text layer."""
    # mode 1 pages are stored CCITT G4, grey and colour pages as JPEG
    # fixed metadata: Pillow would otherwise stamp the current time and the file name
    fixed = time.gmtime(1735689600)  # 2025-01-01
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=300.0, quality=60,
                   title="scan", producer="Scanstraat samplegen", creationDate=fixed, modDate=fixed)


def _rl_canvas(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    c.setAuthor("Scanstraat samplegen")
    c.setTitle("Factuur")
    return c


def write_pdf_digital(path, doc):
    c = _rl_canvas(path)
    for p in doc.pages:
        R.render_reportlab(p, c)
        c.showPage()
    c.save()


def write_pdf_mixed(path, doc, images):
    """Page 1 born-digital (text layer); later pages scanned images without text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    c = _rl_canvas(path)
    R.render_reportlab(doc.pages[0], c)
    c.showPage()
    for im in images[1:]:
        b = io.BytesIO()
        (im if im.mode != "1" else im.convert("L")).save(b, "JPEG", quality=75)
        b.seek(0)
        c.drawImage(ImageReader(b), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()


def write_case(outdir, doctype, index, seed, variant, V):
    plan, doc = build(doctype, index, seed, variant, V)
    case = "%02d-%s" % (index + 1, plan["name"])
    fmt = plan["fmt"]
    d = os.path.join(outdir, doctype)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "%s.%s" % (case, EXT[fmt]))
    scan_info = None
    text_layer = "none"
    if fmt == "pdf_digital":
        write_pdf_digital(path, doc)
        text_layer = "all"
    else:
        prof, images = scan_pages(doc, plan, seed, doctype, index, variant)
        scan_info = {k: prof[k] for k in ("quality", "colour", "skew", "blur", "noise", "speckles", "uneven", "jpeg_q")}
        scan_info["rotated_pages"] = {str(k + 1): v for k, v in sorted(prof["rotate"].items())}
        if fmt == "png":
            write_png(path, images)
        elif fmt == "jpeg":
            write_jpeg(path, images, prof)
        elif fmt == "tiff":
            write_tiff(path, images, prof)
        elif fmt == "pdf":
            write_pdf_scan(path, images)
        elif fmt == "pdf_mixed":
            write_pdf_mixed(path, doc, images)
            text_layer = "page1"
    expected = {
        "doctype": doctype,
        "fields": doc.fields,
        "route": "review" if doc.reasons else "archive",
        "reasons": doc.reasons,
        "accept_reasons": doc.accept,
        "fault": doc.fault,
        "variant": variant,
        "seed": seed,
        "layout": doc.layout,
        # informative extras (not needed to score a run)
        "file": os.path.basename(path),
        "pages": len(doc.pages),
        "format": fmt,
        "text_layer": text_layer,
        "mode": "archive" if doctype == "archiefstuk" else "intake",
        "scan": scan_info,
        "raw": doc.raw,
        "illegible": doc.illegible,
        "notes": doc.notes,
    }
    with open(os.path.join(d, case + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return path, expected


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count-per-type", type=int, default=None,
                    help="documents per type (default: the curated committed set, 3-6 per type)")
    ap.add_argument("--variants", choices=["train", "dev", "val", "holdout"], default="train",
                    help="train: labels.py (the rules were written against it); dev: dev_labels.py (a tuning "
                         "set with other wordings and layouts); val: val_labels.py (a validation set, not tuned on); holdout: holdout_labels.py (for measuring only)")
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--check", action="store_true", help="run selfcheck.py on the output afterwards")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.variants == "holdout":
        import holdout_labels as V
    elif a.variants == "dev":
        import dev_labels as V
    elif a.variants == "val":
        import val_labels as V
    else:
        import labels as V
    types = [t.strip() for t in a.types.split(",") if t.strip()]
    for t in types:
        if t not in TYPES:
            ap.error("unknown type %r (known: %s)" % (t, ", ".join(TYPES)))
    for t in types:
        n = a.count_per_type if a.count_per_type is not None else (len(CURATED[t]) if a.variants == "train" else 5)
        for i in range(n):
            path, exp = write_case(a.out, t, i, a.seed, a.variants, V)
            if not a.quiet:
                print("%-60s %-8s %d p  %-6s %s" % (path, exp["format"], exp["pages"], exp["route"],
                                                   ",".join(exp["reasons"])))
    if a.check:
        import selfcheck
        return selfcheck.main([a.out])
    return 0


if __name__ == "__main__":
    sys.exit(main())
