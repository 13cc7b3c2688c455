"""Builders: one per document type. Each returns a Doc with pages (drawing ops) and the truth.

A builder gets a random.Random, the vocabulary module (labels or holdout_labels), a layout index
and an optional fault. It draws what is "printed" and records the normalised values that a
perfect reader would extract (TAXONOMY.md), plus the review reasons that the planted fault must
cause.
"""

import datetime

import data as D
from forms import FormWriter, Unreadable, MARGIN, scribble
from render import Page, PAGE_W, PAGE_H, bold, italic

FIELDS = {
    "aanvraag_bijstand": ["bsn", "voorletters", "tussenvoegsel", "achternaam", "geboortedatum", "straat",
                          "huisnummer", "postcode", "woonplaats", "telefoon", "email", "iban", "woonsituatie",
                          "ingangsdatum", "kvk_nummer", "datum_ondertekening"],
    "omgevingsvergunning": ["aanvrager_naam", "bsn", "kvk_nummer", "straat", "huisnummer", "postcode", "woonplaats",
                            "kadastrale_aanduiding", "omschrijving", "bouwkosten", "datum_aanvraag"],
    "verhuizing": ["bsn", "achternaam", "geboortedatum", "straat", "huisnummer", "postcode", "woonplaats",
                   "verhuisdatum", "aantal_personen"],
    "bezwaarschrift": ["naam", "postcode", "datum_brief", "datum_besluit", "kenmerk_besluit", "bsn"],
    "factuur": ["leverancier", "kvk_nummer", "btw_nummer", "factuurnummer", "factuurdatum", "totaal_bedrag", "iban"],
    "archiefstuk": ["datum"],
}
DATE_FIELDS = {"geboortedatum", "ingangsdatum", "datum_ondertekening", "datum_aanvraag", "verhuisdatum",
               "datum_brief", "datum_besluit", "factuurdatum"}

# Faults each type can carry (fault name -> applicable). See apply_form_fault and the builders.
FAULTS = {
    "aanvraag_bijstand": ["invalid_bsn", "invalid_iban", "missing_required", "impossible_date",
                          "future_birthdate", "unreadable", "two_ticked"],
    "omgevingsvergunning": ["invalid_bsn", "missing_required", "impossible_date", "unreadable"],
    "verhuizing": ["invalid_bsn", "missing_required", "impossible_date", "future_birthdate", "unreadable"],
    "bezwaarschrift": ["invalid_bsn", "missing_required", "impossible_date"],
    "factuur": ["invalid_iban", "missing_required", "impossible_date", "totaal_mismatch", "unreadable"],
    "archiefstuk": [],
}


class Doc:
    def __init__(self, doctype, layout):
        self.doctype = doctype
        self.layout = layout
        self.pages = []
        self.fields = {f: None for f in FIELDS[doctype]}
        self.raw = {}          # field -> text as printed (for reports; not part of the contract)
        self.reasons = []
        self.illegible = {}    # field -> the value that was written illegibly (must not be read)
        self.accept = {}       # expected reason -> alternatives, any one of which satisfies it
        self.fault = None
        self.notes = []


# --- shared value handling -------------------------------------------------------------------

def _date_pair(rng, d, fmt):
    return D.fmt_date(d, fmt), d.isoformat()


def impossible_date_raw(rng, fmt):
    """A date that does not exist in the calendar, written in a dd-mm-jjjj-like format."""
    day, month = rng.choice([(31, 2), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11), (29, 2)])
    year = rng.choice([2023, 2024, 2025]) if (day, month) != (29, 2) else rng.choice([2023, 2025])
    if fmt in ("d maand jjjj", "d mnd. jjjj"):
        return "%d %s %d" % (day, D.MONTHS[month - 1], year)
    sep = {"dd/mm/jjjj": "/", "dd.mm.jjjj": "."}.get(fmt, "-")
    return "%02d%s%02d%s%d" % (day, sep, month, sep, year)


def apply_value_fault(rng, doc, vals, fault, required, date_fmt, unreadable_fields=None):
    """Change printed values in ``vals`` (field -> (raw, norm)) to plant ``fault``."""
    doc.fault = fault
    if fault == "invalid_bsn":
        b = D.make_bsn(rng, valid=False)
        vals["bsn"] = (D.fmt_bsn(b, rng), b)
        doc.reasons.append("invalid:bsn")
    elif fault == "invalid_iban":
        i = D.make_iban(rng, valid=False)
        vals["iban"] = (D.fmt_iban(i, rng), i)
        doc.reasons.append("invalid:iban")
    elif fault == "missing_required":
        f = rng.choice([f for f in required if vals.get(f) and vals[f][0]])
        vals[f] = (None, None)
        doc.reasons.append("missing:" + f)
    elif fault == "impossible_date":
        f = rng.choice([f for f in required if f in DATE_FIELDS])
        vals[f] = (impossible_date_raw(rng, date_fmt), None)
        doc.reasons.append("invalid:" + f)
        doc.accept["invalid:" + f] = ["invalid:" + f, "missing:" + f]
    elif fault == "future_birthdate":
        d = D.random_date(rng, datetime.date(2031, 1, 1), datetime.date(2039, 12, 31))
        vals["geboortedatum"] = _date_pair(rng, d, date_fmt if date_fmt != "d-m-jj" else "dd-mm-jjjj")
        doc.reasons.append("invalid:geboortedatum")
        doc.accept["invalid:geboortedatum"] = ["invalid:geboortedatum", "check_failed:geboortedatum",
                                               "check_failed:datum_ondertekening"]
    elif fault == "unreadable":
        f = rng.choice(unreadable_fields)
        raw = vals[f][0]
        vals[f] = (Unreadable(raw, rng.choice(["scribble", "scribble", "faint"])), None)
        doc.illegible[f] = raw
        doc.reasons.append("low_confidence:" + f)
        # an illegible value may also come out as not found or as garbage that fails validation
        doc.accept["low_confidence:" + f] = ["low_confidence:" + f, "missing:" + f, "invalid:" + f]
    else:
        raise ValueError("fault %s not applicable" % fault)


def form_header(V, rng, doctype_key, doctype):
    muni = rng.choice(V.MUNICIPALITIES)
    title = rng.choice(V.TITLES[doctype_key])
    sub = V.SUBTITLES[doctype_key]
    code = "%s-%02d" % ({"aanvraag_bijstand": "WI", "omgevingsvergunning": "VTH", "verhuizing": "BZ"}[doctype],
                        rng.randint(1, 40))
    version = "versie %d-%d" % (rng.choice([2023, 2024, 2025]), rng.randint(1, 4))

    def header(page, n):
        page.text(MARGIN, 230, muni, "sans-bold", 15)
        page.text(PAGE_W - MARGIN - Page.width(code + "  " + version, "sans", 8.5), 230,
                  code + "  " + version, "sans", 8.5)
        page.line(MARGIN, 262, PAGE_W - MARGIN, 262, width=5)
        if n == 1:
            page.text(MARGIN, 400, title, "sans-bold", 17)
            page.text(MARGIN, 470, sub, "sans", 10)

    def footer(page, i, total):
        s = "Pagina %d van %d" % (i, total)
        page.text(PAGE_W - MARGIN - Page.width(s, "sans", 8.5), PAGE_H - 180, s, "sans", 8.5)
        page.text(MARGIN, PAGE_H - 180, "%s  |  %s" % (muni, title[:60]), "sans", 8.5)

    return header, footer, muni


def _labels(V, rng, doctype):
    table = V.FIELD_LABELS[doctype]
    return {k: (rng.choice(v) if not k.startswith("_") else v) for k, v in table.items()}


def _fill(doc, vals):
    for f, (raw, norm) in vals.items():
        if f in doc.fields:
            doc.fields[f] = norm
            if raw is not None and not isinstance(raw, Unreadable):
                doc.raw[f] = raw


# --- aanvraag_bijstand --------------------------------------------------------------------------

def build_bijstand(rng, V, layout_i, fault, tozo=None):
    lay = V.LAYOUTS["aanvraag_bijstand"][layout_i % len(V.LAYOUTS["aanvraag_bijstand"])]
    tozo = (rng.random() < 0.3) if tozo is None else tozo
    doc = Doc("aanvraag_bijstand", lay["id"] + ("-tozo" if tozo else ""))
    fmt = D.pick_date_format(rng, D.TODAY)
    person = D.make_person(rng)
    addr = D.make_address(rng)
    birth = D.random_date(rng, datetime.date(1950, 1, 1), datetime.date(2005, 12, 31))
    sign = D.random_date(rng, datetime.date(2024, 1, 1), D.TODAY - datetime.timedelta(days=7))
    start = sign + datetime.timedelta(days=rng.randint(0, 40))
    bsn = D.make_bsn(rng)
    iban = D.make_iban(rng)
    vals = {
        "bsn": (D.fmt_bsn(bsn, rng), bsn),
        "voorletters": (person["voorletters"], person["voorletters"]),
        "tussenvoegsel": (person["tussenvoegsel"], person["tussenvoegsel"]),
        "achternaam": (person["achternaam"], person["achternaam"]),
        "geboortedatum": _date_pair(rng, birth, D.pick_date_format(rng, birth, [fmt]) if fmt != "d-m-jj" else "dd-mm-jjjj"),
        "straat": (addr["straat"], addr["straat"]),
        "huisnummer": (addr["huisnummer"], addr["huisnummer"]),
        "postcode": (addr["postcode_raw"], addr["postcode"]),
        "woonplaats": (addr["woonplaats"], addr["woonplaats"]),
        "iban": (D.fmt_iban(iban, rng), iban),
        "ingangsdatum": _date_pair(rng, start, fmt),
        "datum_ondertekening": _date_pair(rng, sign, fmt),
        "telefoon": (None, None), "email": (None, None), "kvk_nummer": (None, None),
    }
    if rng.random() < 0.8:
        vals["telefoon"] = D.make_phone(rng)
    if rng.random() < 0.6:
        vals["email"] = D.make_email(rng, person)
    if tozo:
        k = D.make_kvk(rng)
        vals["kvk_nummer"] = (k, k)
    woon = {rng.choice(["huur", "huur", "koop", "inwonend"])}
    required = ["bsn", "voorletters", "achternaam", "geboortedatum", "straat", "huisnummer", "postcode",
                "woonplaats", "iban", "ingangsdatum", "datum_ondertekening"]
    if fault == "two_ticked":
        doc.fault = fault
        opts = ["huur", "koop", "inwonend"]
        woon = set(rng.sample(opts, 2))
        doc.reasons.append("invalid:woonsituatie")
        doc.accept["invalid:woonsituatie"] = ["invalid:woonsituatie", "check_failed:woonsituatie",
                                              "low_confidence:woonsituatie"]
        doc.fields["woonsituatie"] = None
    elif fault:
        apply_value_fault(rng, doc, vals, fault, required, fmt,
                          unreadable_fields=["bsn", "iban", "achternaam", "postcode", "geboortedatum"])
    if fault != "two_ticked":
        doc.fields["woonsituatie"] = next(iter(woon))
    _fill(doc, vals)

    lab = _labels(V, rng, "aanvraag_bijstand")
    key = "aanvraag_bijstand_tozo" if tozo else "aanvraag_bijstand"
    header, footer, muni = form_header(V, rng, key, "aanvraag_bijstand")
    w = FormWriter(lay, rng, header)
    H = V.HEADINGS
    r = lambda f: vals[f][0]
    w.heading(H["persoon"])
    for f in ["bsn", "voorletters", "tussenvoegsel", "achternaam", "geboortedatum"]:
        w.field(lab[f], r(f))
    for lbl, val in lab["_extra"][:1]:
        w.field(lbl, val)
    w.heading(H["adres"])
    for f in ["straat", "huisnummer", "postcode", "woonplaats"]:
        w.field(lab[f], r(f))
    w.choice(lab["woonsituatie"], V.CHOICES["woonsituatie"], woon)
    w.heading(H["contact"])
    w.field(lab["telefoon"], r("telefoon"))
    w.field(lab["email"], r("email"))
    w.new_page()
    w.heading(H["aanvraag"])
    w.field(lab["iban"], r("iban"))
    w.field(lab["ingangsdatum"], r("ingangsdatum"))
    if tozo:
        w.heading(H["onderneming"])
        w.field(lab["kvk_nummer"], r("kvk_nummer"))
        for lbl, val in lab["_extra_onderneming"]:
            if val is None:
                val = D.make_company(rng) if "naam" in lbl.lower() else \
                    D.fmt_date(D.random_date(rng, datetime.date(2010, 1, 1), datetime.date(2023, 12, 31)), "dd-mm-jjjj")
            w.field(lbl, val)
    w.heading(H["ondertekening"])
    w.para("Ik verklaar dat ik dit formulier volledig en naar waarheid heb ingevuld. Ik weet dat ik "
           "wijzigingen in mijn situatie direct moet doorgeven aan de gemeente.")
    w.signature(lab["handtekening"], lab["datum_ondertekening"], r("datum_ondertekening"))
    doc.pages = w.finish(footer)
    return doc


# --- omgevingsvergunning ------------------------------------------------------------------------

PROJECTS = [
    "Plaatsen van een dakkapel aan de achterzijde", "Bouwen van een aanbouw aan de achtergevel",
    "Vervangen van de kozijnen in de voorgevel", "Bouwen van een vrijstaande berging van 12 m2",
    "Kappen van twee bomen in de voortuin", "Verbouwen van winkel tot woning",
    "Plaatsen van zonnepanelen op plat dak", "Uitbreiden van de bedrijfshal met 300 m2",
]


def build_omgevingsvergunning(rng, V, layout_i, fault, company=None):
    lay = V.LAYOUTS["omgevingsvergunning"][layout_i % len(V.LAYOUTS["omgevingsvergunning"])]
    company = (rng.random() < 0.4) if company is None else company
    doc = Doc("omgevingsvergunning", lay["id"] + ("-bedrijf" if company else ""))
    fmt = D.pick_date_format(rng, D.TODAY)
    addr = D.make_address(rng)
    datum = D.random_date(rng, datetime.date(2024, 1, 1), D.TODAY)
    if company:
        name = D.make_company(rng)
        k = D.make_kvk(rng)
        vals = {"aanvrager_naam": (name, name), "kvk_nummer": (k, k), "bsn": (None, None)}
    else:
        p = D.make_person(rng)
        bsn = D.make_bsn(rng)
        vals = {"aanvrager_naam": (p["display"], p["display"]), "bsn": (D.fmt_bsn(bsn, rng), bsn),
                "kvk_nummer": (None, None)}
    kad = "%s %s %d" % (addr["kadaster_gemeente"], rng.choice("ABCDEGHKLMN"), rng.randint(10, 9999))
    proj = rng.choice(PROJECTS)
    kosten = rng.randint(2500, 450000) * 100
    vals.update({
        "straat": (addr["straat"], addr["straat"]),
        "huisnummer": (addr["huisnummer"], addr["huisnummer"]),
        "postcode": (addr["postcode_raw"], addr["postcode"]),
        "woonplaats": (addr["woonplaats"], addr["woonplaats"]),
        "kadastrale_aanduiding": (kad, kad) if rng.random() < 0.8 else (None, None),
        "omschrijving": (proj, proj),
        "bouwkosten": (D.fmt_amount(kosten, rng.random() < 0.7), D.norm_amount(kosten)) if rng.random() < 0.8 else (None, None),
        "datum_aanvraag": _date_pair(rng, datum, fmt),
    })
    required = ["aanvrager_naam", "straat", "huisnummer", "postcode", "woonplaats", "omschrijving", "datum_aanvraag"]
    if fault == "invalid_bsn" and company:
        fault = "missing_required"
    if fault:
        apply_value_fault(rng, doc, vals, fault, required, fmt,
                          unreadable_fields=["postcode", "huisnummer", "aanvrager_naam"] + ([] if company else ["bsn"]))
    _fill(doc, vals)

    lab = _labels(V, rng, "omgevingsvergunning")
    header, footer, muni = form_header(V, rng, "omgevingsvergunning", "omgevingsvergunning")
    w = FormWriter(lay, rng, header)
    H = V.HEADINGS
    r = lambda f: vals[f][0]
    w.heading(H["aanvrager"])
    w.field(lab["aanvrager_naam"], r("aanvrager_naam"))
    w.field(lab["bsn"], r("bsn"))
    w.field(lab["kvk_nummer"], r("kvk_nummer"))
    for lbl, val in lab["_extra"]:
        if val is None:
            val = D.make_phone(rng)[0] if "tel" in lbl.lower() else "info@example.nl"
        w.field(lbl, val)
    w.heading(H["locatie"])
    for f in ["straat", "huisnummer", "postcode", "woonplaats", "kadastrale_aanduiding"]:
        w.field(lab[f], r(f))
    w.para("Ligt de locatie in een beschermd stads- of dorpsgezicht of gaat het om een monument? "
           "Vermeld dit dan in de toelichting.")
    w.new_page()
    w.heading(H["project"])
    w.field(lab["omschrijving"], r("omschrijving"))
    w.field(lab["bouwkosten"], r("bouwkosten"))
    w.para("Voeg bij deze aanvraag de bouwtekeningen (schaal 1:100), een situatietekening en foto's van de "
           "bestaande situatie. Onvolledige aanvragen worden niet in behandeling genomen.")
    w.signature(lab["handtekening"], lab["datum_aanvraag"], r("datum_aanvraag"))
    doc.pages = w.finish(footer)
    return doc


# --- verhuizing ---------------------------------------------------------------------------------

def build_verhuizing(rng, V, layout_i, fault):
    lay = V.LAYOUTS["verhuizing"][layout_i % len(V.LAYOUTS["verhuizing"])]
    doc = Doc("verhuizing", lay["id"])
    fmt = D.pick_date_format(rng, D.TODAY)
    person = D.make_person(rng)
    old, new = D.make_address(rng), D.make_address(rng)
    birth = D.random_date(rng, datetime.date(1940, 1, 1), datetime.date(2006, 12, 31))
    move = D.random_date(rng, datetime.date(2024, 1, 1), D.TODAY + datetime.timedelta(days=30))
    bsn = D.make_bsn(rng)
    n = rng.choice([1, 1, 1, 2, 2, 3, 4, 5])
    vals = {
        "bsn": (D.fmt_bsn(bsn, rng), bsn),
        "achternaam": (person["full_surname"], person["full_surname"]),
        "geboortedatum": _date_pair(rng, birth, fmt if fmt != "d-m-jj" else "dd-mm-jjjj"),
        "straat": (new["straat"], new["straat"]),
        "huisnummer": (new["huisnummer"], new["huisnummer"]),
        "postcode": (new["postcode_raw"], new["postcode"]),
        "woonplaats": (new["woonplaats"], new["woonplaats"]),
        "verhuisdatum": _date_pair(rng, move, fmt),
        "aantal_personen": (str(n), str(n)),
    }
    required = list(FIELDS["verhuizing"])
    if fault:
        apply_value_fault(rng, doc, vals, fault, required, fmt,
                          unreadable_fields=["bsn", "postcode", "achternaam", "geboortedatum"])
    _fill(doc, vals)

    lab = _labels(V, rng, "verhuizing")
    header, footer, muni = form_header(V, rng, "verhuizing", "verhuizing")
    w = FormWriter(lay, rng, header)
    H = V.HEADINGS
    r = lambda f: vals[f][0]
    w.heading(H["persoon"])
    w.field(lab["bsn"], r("bsn"))
    w.field(lab["_extra"][0][0], person["first"])
    w.field(lab["achternaam"], r("achternaam"))
    w.field(lab["geboortedatum"], r("geboortedatum"))
    if lay.get("old_address"):
        w.heading(H["oud_adres"])
        w.field(lab["straat"], old["straat"])
        w.field(lab["huisnummer"], old["huisnummer"])
        w.field(lab["postcode"], old["postcode_raw"])
        w.field(lab["woonplaats"], old["woonplaats"])
    w.heading(H["nieuw_adres"] if lay.get("old_address") else H["adres"].replace("Uw adres", "Uw nieuwe adres"))
    for f in ["straat", "huisnummer", "postcode", "woonplaats"]:
        w.field(lab[f], r(f))
    w.heading(H["verhuizing"])
    w.field(lab["verhuisdatum"], r("verhuisdatum"))
    w.field(lab["aantal_personen"], r("aantal_personen"))
    sign = min(D.TODAY, move) - datetime.timedelta(days=rng.randint(0, 20))
    w.signature(lab["handtekening"], lab["datum_ondertekening"], D.fmt_date(sign, fmt if fmt != "d-m-jj" else "dd-mm-jjjj"))
    doc.pages = w.finish(footer)
    return doc


# --- bezwaarschrift -----------------------------------------------------------------------------

SUBJECTS = ["voor bijzondere bijstand", "om een parkeervergunning", "voor een omgevingsvergunning",
            "om kwijtschelding van gemeentelijke belastingen", "voor een Wmo-voorziening",
            "om een tegemoetkoming in de energiekosten"]
GROUNDS = [
    "Ik ben van mening dat u onvoldoende rekening heeft gehouden met mijn persoonlijke omstandigheden. "
    "Mijn inkomen is in de afgelopen maanden sterk gedaald en ik heb hoge vaste lasten.",
    "Het besluit is naar mijn mening onzorgvuldig voorbereid. Ik ben niet gehoord voordat het besluit werd "
    "genomen en de informatie die ik heb aangeleverd is niet meegewogen.",
    "Daarnaast wijs ik erop dat mijn buren in een vergelijkbare situatie wel een positief besluit hebben "
    "ontvangen. Ik verzoek u het besluit te herzien.",
]


def build_bezwaarschrift(rng, V, layout_i, fault):
    lay = V.LETTER_LAYOUTS[layout_i % len(V.LETTER_LAYOUTS)]
    doc = Doc("bezwaarschrift", lay["id"])
    person = D.make_person(rng)
    addr = D.make_address(rng)
    brief = D.random_date(rng, datetime.date(2024, 2, 1), D.TODAY)
    besluit = brief - datetime.timedelta(days=rng.randint(5, 40))
    fmt_brief = rng.choice(["d maand jjjj", "d maand jjjj", "dd-mm-jjjj", "d mnd. jjjj"])
    fmt_besluit = rng.choice(["d maand jjjj", "d maand jjjj", "dd-mm-jjjj", "d-m-jj"])
    naam = person["display"] if rng.random() < 0.5 else person["display_first"]
    bsn = D.make_bsn(rng)
    kenmerk = D.make_kenmerk(rng, besluit.year)
    with_bsn = lay["bsn_line"] or rng.random() < 0.3 or fault == "invalid_bsn"
    vals = {
        "naam": (naam, naam),
        "postcode": (addr["postcode_raw"], addr["postcode"]),
        "datum_brief": _date_pair(rng, brief, fmt_brief),
        "datum_besluit": _date_pair(rng, besluit, fmt_besluit),
        "kenmerk_besluit": (kenmerk, kenmerk),
        "bsn": (D.fmt_bsn(bsn, rng), bsn) if with_bsn else (None, None),
    }
    if fault:
        if fault == "missing_required":
            doc.fault = fault
            f = rng.choice(["kenmerk_besluit", "datum_besluit"])
            vals[f] = (None, None)
            doc.reasons.append("missing:" + f)
        elif fault == "impossible_date":
            doc.fault = fault
            f = rng.choice(["datum_besluit", "datum_brief"])
            vals[f] = (impossible_date_raw(rng, "d maand jjjj" if f == "datum_brief" else fmt_besluit), None)
            doc.reasons.append("invalid:" + f)
            doc.accept["invalid:" + f] = ["invalid:" + f, "missing:" + f]
        else:
            apply_value_fault(rng, doc, vals, fault, [], fmt_besluit)
    _fill(doc, vals)

    font, size = lay["font"], lay["size"]
    p = Page()
    lh = int(size * 4.17 * 1.45)
    y = 330
    # sender block
    for line in [naam, "%s %s" % (addr["straat"], addr["huisnummer"]),
                 "%s  %s" % (vals["postcode"][0] or addr["postcode_raw"], addr["woonplaats"])]:
        p.text(MARGIN, y, line, font, size)
        y += lh
    if rng.random() < 0.5:
        p.text(MARGIN, y, "Tel. " + D.make_phone(rng)[0], font, size)
        y += lh
    # recipient
    muni_place = rng.choice(D.PLACES)
    y += lh * 2
    pb_pc = D.make_postcode(rng, muni_place)[1]
    for line in ["Aan het college van burgemeester en wethouders", "van de gemeente " + muni_place[0],
                 "Postbus %d" % rng.randint(100, 20000), "%s  %s" % (pb_pc, muni_place[0].upper())]:
        p.text(MARGIN, y, line, font, size)
        y += lh
    y += lh * 2
    datum_brief_raw = vals["datum_brief"][0]
    p.text(MARGIN, y, "%s, %s" % (addr["woonplaats"], datum_brief_raw) if datum_brief_raw else addr["woonplaats"],
           font, size)
    y += lh * 2
    p.text(MARGIN, y, rng.choice(V.LETTER_SUBJECT), bold(font), size)
    y += lh
    if vals["bsn"][0] and lay["bsn_line"]:
        p.text(MARGIN, y, rng.choice(V.LETTER_BSN).format(bsn=vals["bsn"][0]), font, size)
        y += lh
    y += lh
    p.text(MARGIN, y, rng.choice(V.LETTER_OPENING), font, size)
    y += lh * 2
    body = rng.choice(V.LETTER_BODY).format(
        datum_besluit=vals["datum_besluit"][0] or "enige tijd geleden",
        kenmerk=vals["kenmerk_besluit"][0] or "(onbekend)",
        onderwerp=rng.choice(SUBJECTS))
    if vals["kenmerk_besluit"][0] is None:
        body = body.replace(", kenmerk (onbekend)", "").replace(" met kenmerk (onbekend)", "") \
            .replace(" (uw referentie (onbekend))", "").replace(" met zaaknummer (onbekend)", "")
    paras = [body] + rng.sample(GROUNDS, 2)
    if vals["bsn"][0] and not lay["bsn_line"]:
        paras.append(rng.choice(V.LETTER_BSN).format(bsn=vals["bsn"][0]))
    paras.append("Ik verzoek u mij in de gelegenheid te stellen mijn bezwaar mondeling toe te lichten.")
    for para in paras:
        for ln in Page.wrap(para, PAGE_W - 2 * MARGIN, font, size):
            p.text(MARGIN, y, ln, font, size)
            y += lh
        y += int(lh * 0.6)
    y += lh
    p.text(MARGIN, y, rng.choice(V.LETTER_CLOSING), font, size)
    y += lh
    p.poly(scribble(rng, MARGIN + 20, y + 10, MARGIN + 520, y + 170, loops=6), width=5, grey=30)
    y += 230
    p.text(MARGIN, y, naam, font, size)
    doc.pages = [p]
    return doc


# --- factuur ------------------------------------------------------------------------------------

ITEMS = [("Kantoorpapier A4, doos 5 pakken", 2495), ("Toner zwart HP 59A", 8950), ("Onderhoud groenstrook", 4200),
         ("Uren advies (per uur)", 9500), ("Schoonmaak gemeentehuis (per week)", 61500), ("Koffiebonen 1 kg", 1895),
         ("Reparatie verlichting", 12750), ("Huur hoogwerker (per dag)", 27500), ("Strooizout 25 kg", 1150),
         ("Drukwerk folders", 34000)]


def build_factuur(rng, V, layout_i, fault, pages=1):
    lay = V.INVOICE_LAYOUTS[layout_i % len(V.INVOICE_LAYOUTS)]
    doc = Doc("factuur", lay["id"])
    L = V.INVOICE_LABELS
    font = lay["font"]
    lev = D.make_company(rng)
    addr = D.make_address(rng)
    kvk, btw, iban = D.make_kvk(rng), D.make_btw(rng), D.make_iban(rng)
    date = D.random_date(rng, datetime.date(2024, 1, 1), D.TODAY)
    fmt = rng.choice(["dd-mm-jjjj", "d maand jjjj", "dd/mm/jjjj", "d mnd. jjjj", "d-m-jj"])
    nr = rng.choice(["F%d-%04d" % (date.year, rng.randint(1, 9999)), "%d%05d" % (date.year, rng.randint(1, 99999)),
                     "INV-%06d" % rng.randint(1, 999999)])
    items = []
    for name, price in rng.sample(ITEMS, rng.randint(2, 5)):
        q = rng.randint(1, 12)
        items.append((name, q, price, q * price))
    sub = sum(i[3] for i in items)
    vat = (sub * 21 + 50) // 100
    tot = sub + vat
    vals = {
        "leverancier": (lev, lev), "kvk_nummer": (kvk, kvk), "btw_nummer": (btw, btw),
        "factuurnummer": (nr, nr), "factuurdatum": _date_pair(rng, date, fmt),
        "totaal_bedrag": (D.fmt_amount(tot), D.norm_amount(tot)), "iban": (D.fmt_iban(iban, rng), iban),
    }
    shown_tot = tot
    if fault == "totaal_mismatch":
        doc.fault = fault
        shown_tot = tot + rng.choice([-1, 1]) * rng.choice([100, 1000, 990, 9, 10000])
        vals["totaal_bedrag"] = (D.fmt_amount(shown_tot), D.norm_amount(shown_tot))
        doc.reasons.append("check_failed:totaal_bedrag")
        doc.accept["check_failed:totaal_bedrag"] = ["check_failed:*"]
    elif fault == "missing_required":
        doc.fault = fault
        f = rng.choice(["btw_nummer", "factuurdatum", "factuurnummer"])
        vals[f] = (None, None)
        doc.reasons.append("missing:" + f)
    elif fault:
        apply_value_fault(rng, doc, vals, fault, ["factuurdatum"], fmt,
                          unreadable_fields=["iban", "factuurnummer"])
    _fill(doc, vals)

    r = lambda f: vals[f][0]
    lab = {k: rng.choice(v) if isinstance(v, list) and k != "columns" else v for k, v in L.items()}
    p1 = Page()
    # letterhead
    p1.text(MARGIN, 300, lev, bold(font), 20)
    y = 370
    for line in ["%s %s" % (addr["straat"], addr["huisnummer"]), "%s  %s" % (addr["postcode_raw"], addr["woonplaats"]),
                 "Tel. " + D.make_phone(rng)[0]]:
        p1.text(MARGIN, y, line, font, 9.5)
        y += 48
    ids = [(lab["kvk_nummer"], r("kvk_nummer")), (lab["btw_nummer"], r("btw_nummer")), (lab["iban"], r("iban"))]
    if not lay["footer_ids"]:
        yy = 370
        for k, v in ids:
            if v is None:
                continue
            s = "%s: " % k
            txt_v = v if isinstance(v, str) else None
            p1.text(1500, yy, s, font, 9.5)
            if txt_v:
                p1.text(1500 + Page.width(s, font, 9.5), yy, txt_v, font, 9.5)
            else:
                p1.poly(scribble(rng, 1500 + Page.width(s, font, 9.5), yy - 40, 2280, yy + 5), width=4, grey=50)
            yy += 48
    # customer
    muni = rng.choice(D.PLACES)
    y = 700
    for line in ["Gemeente " + muni[0], "t.a.v. Crediteurenadministratie", "Postbus %d" % rng.randint(100, 20000),
                 "%s  %s" % (D.make_postcode(rng, muni)[1], muni[0].upper())]:
        p1.text(MARGIN, y, line, font, 11)
        y += 55
    p1.text(MARGIN, 1090, lab["title"], bold(font), 22)
    # meta block
    due = date + datetime.timedelta(days=30)
    meta = [(lab["factuurnummer"], r("factuurnummer")), (lab["factuurdatum"], r("factuurdatum")),
            (lab["debiteur"], str(rng.randint(10000, 99999))), (lab["vervaldatum"], D.fmt_date(due, "dd-mm-jjjj"))]
    mx = {"right": 1400, "left": MARGIN, "table": MARGIN}[lay["meta"]]
    y = 1200 if lay["meta"] != "right" else 700
    if lay["meta"] == "table":
        cw = (PAGE_W - 2 * MARGIN) // 4
        for i, (k, v) in enumerate(meta):
            p1.rect(MARGIN + i * cw, 1180, MARGIN + (i + 1) * cw, 1250, width=2, fill=225)
            p1.rect(MARGIN + i * cw, 1250, MARGIN + (i + 1) * cw, 1330, width=2)
            p1.text(MARGIN + i * cw + 15, 1230, k, bold(font), 10)
            _put(p1, rng, MARGIN + i * cw + 15, 1310, v, font, 10.5)
        y = 1420
    else:
        vx = mx + max(430, 50 + max(int(Page.width(k + ":", font, 10.5)) for k, _ in meta))
        for k, v in meta:
            p1.text(mx, y, k + ":", font, 10.5)
            _put(p1, rng, vx, y, v, font, 10.5)
            y += 58
        y = max(y, 1200) + 60
        if lay["meta"] == "right":
            y = 1250
    # items table
    cols = [MARGIN, 1350, 1650, 2000]
    heads = lab["columns"]
    p1.line(MARGIN, y, PAGE_W - MARGIN, y, width=3)
    y += 55
    for i, h in enumerate(heads):
        x = cols[i] if i == 0 else cols[i] + 250 - Page.width(h, bold(font), 10.5)
        p1.text(x, y, h, bold(font), 10.5)
    y += 25
    p1.line(MARGIN, y, PAGE_W - MARGIN, y, width=2)
    y += 60
    for name, q, price, amt in items:
        p1.text(cols[0], y, name, font, 10.5)
        for i, s in [(1, str(q)), (2, D.fmt_amount(price)), (3, D.fmt_amount(amt))]:
            p1.text(cols[i] + 250 - Page.width(s, font, 10.5), y, s, font, 10.5)
        y += 62
    p1.line(MARGIN, y, PAGE_W - MARGIN, y, width=2)
    if pages == 2:
        p1.text(MARGIN, y + 80, "Vervolg op pagina 2", italic(font), 10)
        p2 = Page()
        p2.text(MARGIN, 300, lev, bold(font), 14)
        p2.text(MARGIN, 370, "%s %s (vervolg)" % (lab["title"].capitalize(), r("factuurnummer") if isinstance(r("factuurnummer"), str) else ""), font, 10.5)
        y, tp = 600, p2
    else:
        y, tp = y + 90, p1
    for k, v in [(lab["subtotaal"], D.fmt_amount(sub)), (lab["btw"], D.fmt_amount(vat)),
                 (lab["totaal_bedrag"], r("totaal_bedrag"))]:
        f = bold(font) if v == r("totaal_bedrag") else font
        tp.text(1350, y, k, f, 11)
        tp.text(2250 - Page.width(v, f, 11), y, v, f, 11)
        y += 64
    y += 60
    pay = lab["payment"].format(iban=r("iban") if isinstance(r("iban"), str) else "onze rekening")
    for ln in Page.wrap(pay, PAGE_W - 2 * MARGIN, font, 10):
        tp.text(MARGIN, y, ln, font, 10)
        y += 50
    if lay["footer_ids"]:
        parts = []
        for k, v in ids:
            if v is None:
                continue
            parts.append("%s %s" % (k, v if isinstance(v, str) else ""))
        s = "   |   ".join(parts)
        tp.line(MARGIN, PAGE_H - 260, PAGE_W - MARGIN, PAGE_H - 260, width=2)
        tp.text(MARGIN, PAGE_H - 200, s, font, 9)
        if any(not isinstance(v, str) and v is not None for _, v in ids):
            x = MARGIN + Page.width(s, font, 9)
            tp.poly(scribble(rng, x - 20, PAGE_H - 250, x + 700, PAGE_H - 180), width=4, grey=50)
    doc.pages = [p1] if pages == 1 else [p1, p2]
    doc.notes.append("subtotaal %s, btw %s, totaal %s" % (D.norm_amount(sub), D.norm_amount(vat), D.norm_amount(shown_tot)))
    return doc


# --- archiefstuk --------------------------------------------------------------------------------

ARCH_PLACES = ["Zwolle", "Deventer", "Kampen", "Utrecht", "Amersfoort", "Leiden"]
ARCH_SUBJECTS = ["bouwvergunning woonhuis", "verbreding van den Stationsweg", "aanleg riolering Molenwijk",
                 "aankoop perceel grond", "verlichting openbare weg", "herstel schoolgebouw"]


def _arch_date(rng, d, style):
    if style == "long":
        return "%d %s %d" % (d.day, D.MONTHS[d.month - 1].capitalize(), d.year)
    return "%d-%d-%d" % (d.day, d.month, d.year)


def build_archiefstuk(rng, V, layout_i, fault, pages=None):
    lay = V.ARCHIVE_LAYOUTS[layout_i % len(V.ARCHIVE_LAYOUTS)]
    doc = Doc("archiefstuk", lay["id"])
    font = lay["font"]
    size = 11.5 if font.startswith("mono") else 12
    place = rng.choice(ARCH_PLACES)
    year = rng.randint(1925, 1975)
    d0 = D.random_date(rng, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    dates = []
    lines = []

    def date(d, style="long"):
        dates.append(d.isoformat())
        text = _arch_date(rng, d, style)
        doc.raw["datum_%d" % len(dates)] = text
        return text

    subj = rng.choice(ARCH_SUBJECTS)
    kind = lay["kind"]
    if kind == "brief":
        earlier = d0 - datetime.timedelta(days=rng.randint(5, 60))
        lines += ["GEMEENTE %s" % place.upper(), "", "%s, %s." % (place, date(d0)),
                  "No. %d/%s" % (rng.randint(100, 9999), rng.choice(["I", "II", "III", "A"])),
                  "Onderwerp: %s." % subj, "", "Aan den Heer %s" % D.make_person(rng)["display"],
                  "te %s." % place, ""]
        body = ("Naar aanleiding van Uw schrijven van %s betreffende %s, deelen wij U mede, dat ons "
                "College in zijn vergadering van %s heeft besloten Uw verzoek in te willigen, onder "
                "voorwaarde dat de werkzaamheden voor %s zijn voltooid. De kosten komen geheel voor Uw "
                "rekening." % (date(earlier), subj, date(d0 - datetime.timedelta(days=rng.randint(1, 4)), "short"),
                               date(d0 + datetime.timedelta(days=rng.randint(60, 200)))))
        lines += ["@" + body, "", "Burgemeester en Wethouders van %s," % place, "",
                  "De Secretaris,                De Burgemeester,", "", "", ""]
    elif kind == "notulen":
        prev = d0 - datetime.timedelta(days=rng.randint(20, 40))
        lines += ["NOTULEN", "der openbare vergadering van den Raad der gemeente %s," % place,
                  "gehouden op %s, des namiddags te %d uur." % (date(d0), rng.choice([2, 7, 8])), "",
                  "Voorzitter: de Burgemeester, de Heer %s." % D.make_person(rng)["display"], "",
                  "@1. De notulen der vergadering van %s worden zonder hoofdelijke stemming goedgekeurd." % date(prev), "",
                  "@2. Ingekomen stukken. Een adres van bewoners van de %s inzake %s, gedagteekend %s. "
                  "Wordt in handen gesteld van Burgemeester en Wethouders om advies." % (
                      rng.choice(D.STREETS), subj, date(prev + datetime.timedelta(days=3), "short")), "",
                  "@3. Voorstel van Burgemeester en Wethouders tot het beschikbaar stellen van een crediet van "
                  "f %d,-- voor %s. Zonder beraadslaging en zonder hoofdelijke stemming aangenomen." % (
                      rng.randint(5, 90) * 100, subj), "",
                  "@4. Rondvraag. Niemand verlangt het woord. De Voorzitter sluit de vergadering.", ""]
        lines += ["Aldus vastgesteld in de vergadering van %s." % date(d0 + datetime.timedelta(days=rng.randint(20, 40))),
                  "", "De Secretaris,                De Voorzitter,"]
    else:  # raadsbesluit
        lines += ["RAADSBESLUIT", "", "De Raad der gemeente %s;" % place, "",
                  "@gelezen het voorstel van Burgemeester en Wethouders van %s, No. %d;" % (
                      date(d0 - datetime.timedelta(days=rng.randint(10, 30))), rng.randint(10, 500)), "",
                  "@gelet op het bepaalde in de Gemeentewet;", "", "B E S L U I T :", "",
                  "@te besluiten tot %s, met ingang van %s." % (subj, date(d0 + datetime.timedelta(days=30), "short")),
                  "", "Aldus vastgesteld in de openbare vergadering van %s." % date(d0), "",
                  "De Secretaris,                De Voorzitter,"]
    doc.fields["datum"] = sorted(set(dates))
    p = Page()
    y = 380
    lh = int(size * 4.17 * 1.6)
    x0 = MARGIN + 60
    pages_out = [p]
    for ln in lines:
        if y > PAGE_H - 350:
            p = Page()
            pages_out.append(p)
            y = 380
        grey = rng.randint(0, 45)
        if ln.startswith("@"):
            for wl in Page.wrap(ln[1:], PAGE_W - 2 * x0, font, size):
                _typewriter_line(p, rng, x0, y, wl, font, size)
                y += lh
            continue
        if ln:
            _typewriter_line(p, rng, x0, y, ln, font, size, grey)
        y += lh
        if ln == "" and pages and len(pages_out) < pages and y > PAGE_H * 0.55:
            p = Page()
            pages_out.append(p)
            y = 380
    # a handwritten initial and a stamp-like box
    p.poly(scribble(rng, x0 + 100, y + 20, x0 + 500, y + 150, loops=5), width=5, grey=60)
    doc.pages = pages_out
    return doc


def _put(page, rng, x, y, v, font, size):
    """Draw a value at baseline (x, y): text, nothing (None) or an illegible scribble/faint text."""
    if v is None or v == "":
        return
    if isinstance(v, Unreadable):
        if v.how == "faint":
            page.text(x, y, v.text, font, size, grey=238)
        else:
            w = Page.width(v.text, font, size)
            page.poly(scribble(rng, x, y - size * 4.2, x + w, y + 8), width=5, grey=40)
        return
    page.text(x, y, v, font, size)


def _typewriter_line(p, rng, x, y, s, font, size, grey=None):
    """Typewriter: each word slightly off the baseline and with its own ink density."""
    for word in s.split(" "):
        if word:
            p.text(x, y + rng.randint(-2, 2), word, font, size, grey=rng.randint(0, 60) if grey is None else grey)
        x += Page.width(word + " ", font, size)


BUILDERS = {
    "aanvraag_bijstand": build_bijstand,
    "omgevingsvergunning": build_omgevingsvergunning,
    "verhuizing": build_verhuizing,
    "bezwaarschrift": build_bezwaarschrift,
    "factuur": build_factuur,
    "archiefstuk": build_archiefstuk,
}
