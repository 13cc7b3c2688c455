"""Lay out a filled-in form (labels, boxes, table cells, choice groups, signature) on pages.

A form is a list of items (see doctypes.py); a layout (labels.py / holdout*.py) says how each
field is drawn: label left of its box, label above its box, or label and value in table cells.
"""

import math
import re

from render import Page, PAGE_W, PAGE_H, bold

TOP = 420          # first y below the page header
BOTTOM = PAGE_H - 330
MARGIN = 190


class Unreadable:
    """A field value written so that nobody can read it (scribble / very faint)."""

    def __init__(self, text, how):
        self.text = text
        self.how = how  # "scribble" or "faint"


def scribble(rng, x0, y0, x1, y1, loops=None):
    """A handwriting-like wavy line inside the rectangle; used for signatures and illegible values."""
    pts = []
    n = loops or max(4, int((x1 - x0) / 55))
    mid = (y0 + y1) / 2.0
    amp = (y1 - y0) * 0.38
    for i in range(n * 8 + 1):
        t = i / 8.0
        x = x0 + (x1 - x0) * (t / n) + 18 * math.sin(t * 2 * math.pi)
        y = mid + amp * math.sin(t * 2 * math.pi * 1.0 + rng.uniform(-0.4, 0.4)) * rng.uniform(0.6, 1.0)
        pts.append((x, y))
    return pts


class FormWriter:
    def __init__(self, layout, rng, header):
        self.L = layout
        self.rng = rng
        self.header = header  # callable(page, page_number) drawing the page header
        self.pages = []
        self.y = 0
        self.col = 0
        self.table_open = False
        self.n_heading = 0
        self.new_page()

    # -- basics ------------------------------------------------------------------------
    def new_page(self):
        p = Page()
        self.pages.append(p)
        self.header(p, len(self.pages))
        self.y = TOP if len(self.pages) > 1 else self.L.get("first_top", TOP + 120)
        self.col = 0
        self.table_open = False

    @property
    def page(self):
        return self.pages[-1]

    def need(self, h):
        if self.y + h > BOTTOM:
            self.new_page()

    def flush_col(self):
        if self.col == 1:
            self.y += self.L.get("above_h", 185)
            self.col = 0

    def font(self):
        return self.L.get("font", "sans")

    def lsize(self):
        return self.L.get("label_size", 10.5)

    def vfont(self):
        return self.L.get("value_font", "mono")

    def vsize(self):
        return self.L.get("value_size", 11.5)

    # -- value drawing -------------------------------------------------------------------
    def draw_value(self, x0, y0, x1, y1, value):
        p = self.page
        if value is None or value == "":
            return
        base = y0 + (y1 - y0) * 0.72
        if isinstance(value, Unreadable):
            if value.how == "faint":
                p.text(x0 + 18, base, value.text, self.vfont(), self.vsize(), grey=238)
            else:
                p.poly(scribble(self.rng, x0 + 20, y0 + 10, min(x1 - 20, x0 + 60 + 38 * len(value.text)), y1 - 10),
                       width=5, grey=40)
            return
        size = self.vsize()
        while size > 8 and Page.width(value, self.vfont(), size) > (x1 - x0) - 36:
            size -= 0.5  # a long value is typed smaller so that it stays inside its box
        p.text(x0 + 18, base, value, self.vfont(), size)

    # -- items ---------------------------------------------------------------------------
    def heading(self, text):
        # headings in the vocabulary carry a number ("1. " or "A. "); renumber in order of use
        m = re.match(r"^([0-9]+|[A-Z])\. ", text)
        if m:
            self.n_heading += 1
            n = self.n_heading
            mark = str(n) if m.group(1).isdigit() else chr(ord("A") + n - 1)
            text = mark + ". " + text[m.end():]
        self.flush_col()
        self.table_open = False
        self.need(220)
        self.y += 50
        p = self.page
        p.text(MARGIN, self.y, text, bold(self.font()), self.L.get("heading_size", 12.5))
        if self.L.get("heading_rule", True):
            p.line(MARGIN, self.y + 22, PAGE_W - MARGIN, self.y + 22, width=3)
        self.y += 75

    def para(self, text, size=9.5):
        self.flush_col()
        self.table_open = False
        lines = Page.wrap(text, PAGE_W - 2 * MARGIN, self.font(), size)
        self.need(len(lines) * 50 + 30)
        for ln in lines:
            self.y += 48
            self.page.text(MARGIN, self.y, ln, self.font(), size)
        self.y += 40

    def field(self, label, value, style=None):
        style = style or self.L.get("style", "left")
        if style != "twocol":
            self.flush_col()
        if style != "table":
            self.table_open = False
        getattr(self, "_field_" + style)(label, value)

    def _field_left(self, label, value):
        h = self.L.get("box_h", 84)
        self.need(h + 40)
        lx = self.L.get("label_x", MARGIN)
        bx = self.L.get("box_x", 900)
        bw = self.L.get("box_w", PAGE_W - MARGIN - bx)
        p = self.page
        y0 = self.y
        if lx + Page.width(label, self.font(), self.lsize()) + 30 > bx:
            raise ValueError("layout %s: label %r runs into its box (box_x %d)" % (self.L.get("id"), label, bx))
        p.text(lx, y0 + h * 0.68, label, self.font(), self.lsize())
        p.rect(bx, y0, bx + bw, y0 + h, width=3)
        self.draw_value(bx, y0, bx + bw, y0 + h, value)
        self.y += h + self.L.get("gap", 34)

    def _field_above(self, label, value, x=None, w=None):
        h = self.L.get("box_h", 84)
        self.need(h + 110)
        x = MARGIN if x is None else x
        w = self.L.get("above_w", PAGE_W - 2 * MARGIN) if w is None else w
        p = self.page
        p.text(x, self.y + 48, label, self.font(), self.lsize())
        y0 = self.y + 70
        p.rect(x, y0, x + w, y0 + h, width=3)
        self.draw_value(x, y0, x + w, y0 + h, value)
        self.y = y0 + h + self.L.get("gap", 34)

    def _field_twocol(self, label, value):
        h = self.L.get("box_h", 84)
        colw = (PAGE_W - 2 * MARGIN - 80) // 2
        if isinstance(value, str) and Page.width(value, self.vfont(), self.vsize()) > colw - 40:
            self.flush_col()  # too long for half a row: give it the full width
            self._field_above(label, value, w=PAGE_W - 2 * MARGIN)
            return
        if self.col == 0:
            self.need(h + 120)
        x = MARGIN + self.col * (colw + 80)
        y_save = self.y
        self._field_above(label, value, x=x, w=colw)
        if self.col == 0:
            self.y = y_save
            self.col = 1
        else:
            self.col = 0

    def _field_table(self, label, value):
        h = self.L.get("row_h", 96)
        self.need(h + 10)
        x0 = MARGIN
        xm = self.L.get("cell_x", 880)
        x1 = PAGE_W - MARGIN
        p = self.page
        if not self.table_open:
            self.y += 10
        y0 = self.y
        grey = self.L.get("cell_fill", 235)
        if Page.width(label, self.font(), self.lsize()) + 40 > xm - x0:
            raise ValueError("layout %s: label %r does not fit its cell (cell_x %d)" % (self.L.get("id"), label, xm))
        p.rect(x0, y0, xm, y0 + h, width=3, fill=grey)
        p.rect(xm, y0, x1, y0 + h, width=3)
        p.text(x0 + 20, y0 + h * 0.66, label, self.font(), self.lsize())
        self.draw_value(xm, y0, x1, y0 + h, value)
        self.y += h
        self.table_open = True

    def choice(self, label, options, ticked):
        """options: list of (key, text); ticked: set of keys."""
        self.flush_col()
        self.table_open = False
        self.need(200)
        p = self.page
        box = 50
        if self.L.get("choice_dir", "row") == "row":
            self.y += 20
            p.text(MARGIN, self.y + 48, label, self.font(), self.lsize())
            x = self.L.get("box_x", 900) if self.L.get("style") == "left" else MARGIN + 40
            y = self.y + 80 if self.L.get("style") != "left" else self.y + 8
            for key, text in options:
                self._tick_box(x, y, box, key in ticked)
                p.text(x + box + 22, y + box * 0.82, text, self.font(), self.lsize())
                x += box + 60 + int(Page.width(text, self.font(), self.lsize()))
            self.y = y + box + 45
        else:
            self.y += 20
            p.text(MARGIN, self.y + 48, label, self.font(), self.lsize())
            y = self.y + 85
            for key, text in options:
                self._tick_box(MARGIN + 40, y, box, key in ticked)
                p.text(MARGIN + 40 + box + 22, y + box * 0.82, text, self.font(), self.lsize())
                y += box + 28
            self.y = y + 25

    def _tick_box(self, x, y, s, on):
        p = self.page
        p.rect(x, y, x + s, y + s, width=3)
        if not on:
            return
        if self.L.get("tick", "x") == "x":
            j = self.rng.randint(-4, 4)
            p.line(x + 8, y + 8 + j, x + s - 8, y + s - 8, width=6)
            p.line(x + s - 8, y + 8, x + 8 + j, y + s - 8, width=6)
        else:
            p.rect(x + 9, y + 9, x + s - 9, y + s - 9, width=1, fill=0)

    def signature(self, label, date_label, date_value, scrawl=True):
        self.flush_col()
        self.table_open = False
        self.need(330)
        p = self.page
        self.y += 30
        if self.L.get("sig_date_first", False):
            self._field_left_at(MARGIN, date_label, date_value)
            self.y += 20
            p.text(MARGIN, self.y + 50, label, self.font(), self.lsize())
            bx0, by0 = self.L.get("box_x", 900), self.y
        else:
            p.text(MARGIN, self.y + 50, label, self.font(), self.lsize())
            bx0, by0 = self.L.get("box_x", 900), self.y
        p.rect(bx0, by0, bx0 + 900, by0 + 200, width=3)
        if scrawl:
            p.poly(scribble(self.rng, bx0 + 60, by0 + 40, bx0 + 600, by0 + 170, loops=7), width=5, grey=30)
        self.y = by0 + 240
        if not self.L.get("sig_date_first", False):
            self._field_left_at(MARGIN, date_label, date_value)

    def _field_left_at(self, x, label, value):
        h = self.L.get("box_h", 84)
        p = self.page
        y0 = self.y
        bx = self.L.get("box_x", 900)
        p.text(x, y0 + h * 0.68, label, self.font(), self.lsize())
        p.rect(bx, y0, bx + 700, y0 + h, width=3)
        self.draw_value(bx, y0, bx + 700, y0 + h, value)
        self.y += h + 40

    def finish(self, footer):
        n = len(self.pages)
        for i, p in enumerate(self.pages, 1):
            footer(p, i, n)
        return self.pages
