# Makes the tiny hand-made seed inputs in fuzz/corpus/{pdf_intake,image_intake}/.
# The real seed corpus is ../shared/data (fuzz/run.sh links it in); these add
# small, well-formed files of every kind so that mutations reach deep quickly.
# Usage: /usr/bin/python3 fuzz/corpus/make_seeds.py   (Debian's python3-pil)
import io, os, zlib
from PIL import Image, ImageDraw

here = os.path.dirname(os.path.abspath(__file__))
img_dir, pdf_dir = os.path.join(here, "image_intake"), os.path.join(here, "pdf_intake")

def page(w, h, mode="L"):
    im = Image.new(mode, (w, h), "white")
    d = ImageDraw.Draw(im)
    d.rectangle([2, 2, w - 3, h - 3], outline="black")
    d.text((4, 4), "Gemeente 1234 AB", fill="black")
    return im

page(64, 24).save(f"{img_dir}/gray.png")
page(64, 24, "RGB").save(f"{img_dir}/rgb.jpg", quality=50, dpi=(300, 300))
page(64, 24, "RGB").save(f"{img_dir}/progressive.jpg", progressive=True)
page(64, 24).convert("P").save(f"{img_dir}/palette.png")
page(64, 24).convert("1").save(f"{img_dir}/two-pages-g4.tif", compression="group4", save_all=True,
                               append_images=[page(40, 16).convert("1")], dpi=(300, 300))
page(32, 16).save(f"{img_dir}/lzw.tif", compression="tiff_lzw")
page(32, 16, "RGB").save(f"{img_dir}/rgb-packbits.tif", compression="packbits")
page(32, 16).save(f"{img_dir}/small.gif")
page(32, 16).save(f"{img_dir}/small.bmp")

def pdf(objects):
    """A PDF from object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()

def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"

text = b"BT /F1 12 Tf 72 760 Td (Gemeente Voorbeeld, aanvraag parkeervergunning) Tj 0 -16 Td (BSN 123456782 datum 01-02-2026) Tj ET"
gray = bytes(range(0, 256, 4)) * 16  # 64 x 16, 8-bit grey
img = b"q 200 0 0 50 72 600 cm /Im1 Do Q"
with open(f"{pdf_dir}/text-and-image.pdf", "wb") as f:
    f.write(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Contents 6 0 R /Resources << /XObject << /Im1 8 0 R >> >> >>",
        stream(text),
        stream(img),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(gray, b"/Type /XObject /Subtype /Image /Width 64 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 "),
    ]))
with open(f"{pdf_dir}/flate-content.pdf", "wb") as f:
    f.write(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(zlib.compress(text.replace(b"760", b"150")), b"/Filter /FlateDecode "),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
    ]))
