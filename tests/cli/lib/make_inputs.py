# Makes test inputs from real images: a multi-page TIFF, a born-digital PDF
# with a text layer, and a mixed PDF (page 1 text layer, page 2 scanned image).
# Usage: /usr/bin/python3 make_inputs.py TESTING_DIR OUT_DIR
import sys
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

testing, out = sys.argv[1], sys.argv[2]
pages = [Image.open(f"{testing}/{n}") for n in ("phototest.tif", "eurotext.tif")]
pages = [p.convert("L") for p in pages]
pages[0].save(f"{out}/two-pages.tif", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(300, 300))

def text_page(c, lines):
    y = 780
    for line in lines:
        c.drawString(72, y, line)
        y -= 18

c = canvas.Canvas(f"{out}/born-digital.pdf", pagesize=A4)
text_page(c, ["Factuur 2026-0042", "Leverancier: Drukkerij De Vries B.V.", "Totaal te betalen: EUR 1.234,56",
              "Betaling binnen 30 dagen op rekening van de leverancier."])
c.showPage()
c.save()

c = canvas.Canvas(f"{out}/mixed.pdf", pagesize=A4)
text_page(c, ["Gemeente Voorbeeld, afdeling Burgerzaken", "Dit is de eerste pagina met een tekstlaag.",
              "De tweede pagina is een gescande afbeelding zonder tekstlaag."])
c.showPage()
c.drawImage(f"{testing}/phototest.tif", 36, 300, width=523, height=392)
c.showPage()
c.save()
