#!/usr/bin/python3
"""Turns sample-generator output into the benchmark's page sets.

    prepare_pages.py scanned GEN_DIR OUT_DIR PAGES
    prepare_pages.py textlayer GEN_DIR OUT_DIR COUNT
    prepare_pages.py smallscan PAGES_DIR OUT_DIR COUNT
    prepare_pages.py repeat STRIPS_DIR OUT_DIR COUNT

scanned: takes the scanned documents (text_layer "none") of GEN_DIR, types
interleaved, whole documents until at least PAGES pages, and writes the
same pixels three ways:
  OUT_DIR/pages/dNNN-pK.png  one PNG per page, 300 dpi (input of the bare-tesseract limit)
  OUT_DIR/img/dNNN.png|.tif  one file per document: PNG, or multi-page TIFF
  OUT_DIR/pdf/dNNN.pdf       one image-only PDF per document (img2pdf: lossless, no text layer)
Pages keep the scanner's mode (bilevel, grey or colour) and pixels; pages
in PDFs are extracted with pdfimages (no re-rendering).

textlayer: takes the born-digital PDFs (text_layer "all") of GEN_DIR and
writes COUNT distinct copies (a trailing PDF comment differs, so each copy
has its own SHA-256 and none is skipped as a duplicate) to OUT_DIR.

smallscan: cuts COUNT small scanned pages, 1240 x 440 px strips (10.5 x 3.7 cm
at 300 dpi, greyscale) at varying places of the page images in PAGES_DIR
(the "pages" folder that scanned wrote), one PNG each, all distinct: cheap to
OCR, so that 1,000 OCR'd documents fit in a benchmark.

repeat: COUNT distinct copies of the strips in STRIPS_DIR, cycling through
them (one pixel in the top row differs per copy): the same pages again and
again, so that a longer batch meets no harder page than a shorter one and
only the batch length differs.

Prints a JSON summary on stdout. Fails loudly when there is too little input.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from PIL import Image


def documents(gen, text_layer):
    per_type = {}
    for exp in sorted(glob.glob(os.path.join(gen, "*", "*.expected.json"))):
        with open(exp) as f:
            meta = json.load(f)
        if meta.get("text_layer") != text_layer:
            continue
        path = os.path.join(os.path.dirname(exp), meta["file"])
        per_type.setdefault(os.path.basename(os.path.dirname(exp)), []).append((path, meta))
    # Round robin over the types, so that a small page count still mixes them.
    order, lists = [], [per_type[t] for t in sorted(per_type)]
    while any(lists):
        for lst in lists:
            if lst:
                order.append(lst.pop(0))
    return order


def page_images(path, fmt, tmp):
    if fmt == "pdf":
        for f in glob.glob(os.path.join(tmp, "*")):
            os.remove(f)
        subprocess.run(["pdfimages", "-png", path, os.path.join(tmp, "im")], check=True)
        files = sorted(glob.glob(os.path.join(tmp, "im-*.png")))
        return [Image.open(f) for f in files]
    im = Image.open(path)
    frames = []
    for i in range(getattr(im, "n_frames", 1)):
        im.seek(i)
        frames.append(im.copy())
    return frames


def scanned(gen, out, want):
    for d in ("pages", "img", "pdf"):
        os.makedirs(os.path.join(out, d))
    tmp = tempfile.mkdtemp(dir=out)
    docs, pages, kinds = 0, 0, {}
    for path, meta in documents(gen, "none"):
        if pages >= want:
            break
        frames = page_images(path, meta["format"], tmp)
        if len(frames) != meta["pages"]:
            sys.exit("prepare_pages: %s has %d images for %d pages" % (path, len(frames), meta["pages"]))
        names = []
        for k, fr in enumerate(frames, 1):
            if fr.mode not in ("1", "L", "RGB"):
                fr = fr.convert("RGB")
            name = os.path.join(out, "pages", "d%03d-p%d.png" % (docs, k))
            fr.save(name, dpi=(300, 300), compress_level=1)
            names.append(name)
            kinds[fr.mode] = kinds.get(fr.mode, 0) + 1
        if len(frames) == 1:
            shutil.copy(names[0], os.path.join(out, "img", "d%03d.png" % docs))
        else:
            ims = [Image.open(n) for n in names]
            comp = "group4" if all(i.mode == "1" for i in ims) else "tiff_deflate"
            ims[0].save(os.path.join(out, "img", "d%03d.tif" % docs), save_all=True,
                        append_images=ims[1:], compression=comp, dpi=(300, 300))
        subprocess.run(["img2pdf", "--output", os.path.join(out, "pdf", "d%03d.pdf" % docs)] + names,
                       check=True, stderr=subprocess.DEVNULL)
        docs += 1
        pages += len(frames)
    shutil.rmtree(tmp)
    if pages < want:
        sys.exit("prepare_pages: only %d scanned pages in %s, %d wanted; generate more documents"
                 % (pages, gen, want))
    print(json.dumps({"documents": docs, "pages": pages, "modes": kinds}))


def textlayer(gen, out, count):
    src = [p for p, meta in documents(gen, "all") if meta["format"] == "pdf_digital"]
    if not src:
        sys.exit("prepare_pages: no born-digital PDF in %s" % gen)
    os.makedirs(out)
    pages = 0
    blobs = []
    for p in src:
        with open(p, "rb") as f:
            blobs.append(f.read())
    npages = [json.load(open(p[:-len(".pdf")] + ".expected.json"))["pages"] for p in src]
    for i in range(count):
        j = i % len(src)
        with open(os.path.join(out, "t%05d.pdf" % i), "wb") as f:
            f.write(blobs[j] + b"\n%% bench copy %d\n" % i)
        pages += npages[j]
    print(json.dumps({"documents": count, "pages": pages, "distinct_sources": len(src)}))


def smallscan(pages_dir, out, count):
    pages = sorted(glob.glob(os.path.join(pages_dir, "*.png")))
    if not pages:
        sys.exit("prepare_pages: no page images in %s" % pages_dir)
    os.makedirs(out)
    w, h = 1240, 440
    done, k = 0, 0
    while done < count:
        im = Image.open(pages[k % len(pages)]).convert("L")
        # Strips from the upper two thirds of the page, where the text is.
        for j in range(5):
            if done >= count:
                break
            x = 120 + ((k * 7 + j * 3) % 9) * 100
            y = 250 + ((k * 5 + j * 11) % 13) * 150
            strip = im.crop((x, y, x + w, y + h))
            strip.putpixel((done % w, h - 1), (done * 37) % 256)  # distinct bytes, distinct id
            strip.save(os.path.join(out, "s%05d.png" % done), dpi=(300, 300), compress_level=1)
            done += 1
        k += 1
    print(json.dumps({"documents": count, "pages": count, "size": [w, h]}))


def repeat(strips_dir, out, count):
    strips = sorted(glob.glob(os.path.join(strips_dir, "*.png")))
    if not strips:
        sys.exit("prepare_pages: no strips in %s" % strips_dir)
    os.makedirs(out)
    for n in range(count):
        im = Image.open(strips[n % len(strips)])
        im.load()
        copy = n // len(strips)
        im.putpixel((im.size[0] - 1 - copy % im.size[0], 0), (n * 53) % 256)
        im.save(os.path.join(out, "r%05d.png" % n), dpi=(300, 300), compress_level=1)
    print(json.dumps({"documents": count, "pages": count, "distinct_strips": len(strips)}))


if __name__ == "__main__":
    modes = {"scanned": scanned, "textlayer": textlayer, "smallscan": smallscan, "repeat": repeat}
    if len(sys.argv) != 5 or sys.argv[1] not in modes:
        sys.exit(__doc__)
    modes[sys.argv[1]](sys.argv[2], sys.argv[3], int(sys.argv[4]))
