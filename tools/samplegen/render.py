"""Pages as lists of drawing operations, rendered to a 300 dpi PIL image or to a PDF page.

Coordinates are pixels of an A4 page at 300 dpi (2480 x 3508), origin top left; text is
placed by its baseline so the PIL and reportlab renderings agree. Font sizes are in points.
"""

from PIL import Image, ImageDraw, ImageFont

DPI = 300
PAGE_W, PAGE_H = 2480, 3508
PT = DPI / 72.0  # pixels per point

_LIB = "/usr/share/fonts/truetype/liberation2/"
_DJV = "/usr/share/fonts/truetype/dejavu/"
FONTS = {
    "sans": _LIB + "LiberationSans-Regular.ttf",
    "sans-bold": _LIB + "LiberationSans-Bold.ttf",
    "sans-italic": _LIB + "LiberationSans-Italic.ttf",
    "serif": _LIB + "LiberationSerif-Regular.ttf",
    "serif-bold": _LIB + "LiberationSerif-Bold.ttf",
    "serif-italic": _LIB + "LiberationSerif-Italic.ttf",
    "mono": _LIB + "LiberationMono-Regular.ttf",
    "mono-bold": _LIB + "LiberationMono-Bold.ttf",
    "dejavu": _DJV + "DejaVuSans.ttf",
    "dejavu-bold": _DJV + "DejaVuSans-Bold.ttf",
    "dejavu-italic": _DJV + "DejaVuSans-Oblique.ttf",
    "dejavuserif": _DJV + "DejaVuSerif.ttf",
    "dejavuserif-bold": _DJV + "DejaVuSerif-Bold.ttf",
    "dejavuserif-italic": _DJV + "DejaVuSerif-Italic.ttf",
    "condensed": _DJV + "DejaVuSansCondensed.ttf",
    "condensed-bold": _DJV + "DejaVuSansCondensed-Bold.ttf",
    "condensed-italic": _DJV + "DejaVuSansCondensed-Oblique.ttf",
}

_pil_fonts = {}


def pil_font(key, size_pt):
    px = int(round(size_pt * PT))
    k = (key, px)
    if k not in _pil_fonts:
        _pil_fonts[k] = ImageFont.truetype(FONTS[key], px)
    return _pil_fonts[k]


def bold(key):
    base = key.split("-")[0]
    return base + "-bold" if base + "-bold" in FONTS else key


def italic(key):
    base = key.split("-")[0]
    return base + "-italic" if base + "-italic" in FONTS else key


class Page:
    """One page: an ordered list of drawing operations."""

    def __init__(self):
        self.ops = []

    def text(self, x, y, s, font="sans", size=11, grey=0):
        self.ops.append(("text", x, y, s, font, size, grey))

    def rect(self, x0, y0, x1, y1, width=3, grey=0, fill=None):
        self.ops.append(("rect", x0, y0, x1, y1, width, grey, fill))

    def line(self, x0, y0, x1, y1, width=3, grey=0):
        self.ops.append(("line", x0, y0, x1, y1, width, grey))

    def poly(self, points, width=4, grey=0):
        self.ops.append(("poly", list(points), width, grey))

    @staticmethod
    def width(s, font="sans", size=11):
        return pil_font(font, size).getlength(s)

    @staticmethod
    def wrap(text, maxw, font="sans", size=11):
        lines, cur = [], ""
        for word in text.split():
            cand = (cur + " " + word).strip()
            if cur and Page.width(cand, font, size) > maxw:
                lines.append(cur)
                cur = word
            else:
                cur = cand
        if cur:
            lines.append(cur)
        return lines


def render_pil(page):
    im = Image.new("L", (PAGE_W, PAGE_H), 255)
    d = ImageDraw.Draw(im)
    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, y, s, font, size, grey = op
            d.text((x, y), s, font=pil_font(font, size), fill=grey, anchor="ls")
        elif kind == "rect":
            _, x0, y0, x1, y1, w, grey, fill = op
            d.rectangle((x0, y0, x1, y1), outline=grey, width=w, fill=fill)
        elif kind == "line":
            _, x0, y0, x1, y1, w, grey = op
            d.line((x0, y0, x1, y1), fill=grey, width=w)
        elif kind == "poly":
            _, pts, w, grey = op
            d.line(pts, fill=grey, width=w, joint="curve")
    return im


_rl_registered = set()


def _rl_font(key):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    name = "SG-" + key
    if name not in _rl_registered:
        pdfmetrics.registerFont(TTFont(name, FONTS[key]))
        _rl_registered.add(name)
    return name


def render_reportlab(page, c):
    """Draw ``page`` onto the current page of reportlab canvas ``c`` (A4)."""
    s = 72.0 / DPI
    H = PAGE_H

    def g(v):
        return v / 255.0

    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, y, txt, font, size, grey = op
            c.setFillGray(g(grey))
            c.setFont(_rl_font(font), size)
            c.drawString(x * s, (H - y) * s, txt)
        elif kind == "rect":
            _, x0, y0, x1, y1, w, grey, fill = op
            c.setLineWidth(w * s)
            c.setStrokeGray(g(grey))
            if fill is not None:
                c.setFillGray(g(fill))
            c.rect(x0 * s, (H - y1) * s, (x1 - x0) * s, (y1 - y0) * s,
                   stroke=1, fill=1 if fill is not None else 0)
        elif kind == "line":
            _, x0, y0, x1, y1, w, grey = op
            c.setLineWidth(w * s)
            c.setStrokeGray(g(grey))
            c.line(x0 * s, (H - y0) * s, x1 * s, (H - y1) * s)
        elif kind == "poly":
            _, pts, w, grey = op
            c.setLineWidth(w * s)
            c.setStrokeGray(g(grey))
            p = c.beginPath()
            p.moveTo(pts[0][0] * s, (H - pts[0][1]) * s)
            for x, y in pts[1:]:
                p.lineTo(x * s, (H - y) * s)
            c.drawPath(p, stroke=1, fill=0)
