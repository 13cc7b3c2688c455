"""TRAIN wordings and layouts: the ones used for the committed samples.

Rule writers may read this file. The held-out wordings and layouts (used for benchmarks) live in
holdout_labels.py, which rule writers must not read. Both files define the same names.
"""

VARIANT = "train"

MUNICIPALITIES = ["Gemeente Utrecht", "Gemeente Zwolle", "Gemeente Amersfoort", "Gemeente Deventer"]

TITLES = {
    "aanvraag_bijstand": ["Aanvraag algemene bijstand", "Aanvraagformulier bijstand (Participatiewet)"],
    "aanvraag_bijstand_tozo": ["Aanvraag Tozo (Tijdelijke overbruggingsregeling zelfstandig ondernemers)"],
    "omgevingsvergunning": ["Aanvraag omgevingsvergunning"],
    "verhuizing": ["Verhuizing doorgeven", "Adreswijziging doorgeven"],
}

SUBTITLES = {
    "aanvraag_bijstand": "Participatiewet - algemene bijstand voor levensonderhoud",
    "aanvraag_bijstand_tozo": "Participatiewet / Besluit bijstandverlening zelfstandigen",
    "omgevingsvergunning": "Omgevingswet - activiteit bouwen",
    "verhuizing": "Basisregistratie Personen (BRP)",
}

HEADINGS = {
    "persoon": "1. Uw persoonsgegevens",
    "adres": "2. Uw adres",
    "contact": "3. Contactgegevens",
    "aanvraag": "4. Uw aanvraag",
    "onderneming": "5. Uw onderneming",
    "ondertekening": "6. Ondertekening",
    "aanvrager": "1. Gegevens aanvrager",
    "locatie": "2. Locatie van het project",
    "project": "3. Het project",
    "oud_adres": "2. Uw huidige adres",
    "nieuw_adres": "3. Uw nieuwe adres",
    "verhuizing": "4. De verhuizing",
}

FIELD_LABELS = {
    "aanvraag_bijstand": {
        "bsn": ["Burgerservicenummer", "BSN"],
        "voorletters": ["Voorletters"],
        "tussenvoegsel": ["Tussenvoegsel"],
        "achternaam": ["Achternaam"],
        "geboortedatum": ["Geboortedatum"],
        "straat": ["Straat"],
        "huisnummer": ["Huisnummer", "Huisnummer en toevoeging"],
        "postcode": ["Postcode"],
        "woonplaats": ["Woonplaats"],
        "telefoon": ["Telefoonnummer"],
        "email": ["E-mailadres"],
        "iban": ["IBAN", "Rekeningnummer (IBAN)"],
        "woonsituatie": ["Woonsituatie"],
        "ingangsdatum": ["Gewenste ingangsdatum", "Ingangsdatum uitkering"],
        "kvk_nummer": ["KvK-nummer"],
        "datum_ondertekening": ["Datum ondertekening"],
        "handtekening": ["Handtekening aanvrager"],
        "_extra": [("Nationaliteit", "Nederlandse"), ("Burgerlijke staat", "Ongehuwd")],
        "_extra_onderneming": [("Handelsnaam", None), ("Startdatum onderneming", None)],
    },
    "omgevingsvergunning": {
        "aanvrager_naam": ["Naam aanvrager"],
        "bsn": ["BSN"],
        "kvk_nummer": ["KvK-nummer"],
        "straat": ["Straat"],
        "huisnummer": ["Huisnummer"],
        "postcode": ["Postcode"],
        "woonplaats": ["Plaats"],
        "kadastrale_aanduiding": ["Kadastrale aanduiding"],
        "omschrijving": ["Omschrijving van het project"],
        "bouwkosten": ["Geschatte bouwkosten"],
        "datum_aanvraag": ["Datum aanvraag"],
        "handtekening": ["Handtekening"],
        "_extra": [("Telefoonnummer aanvrager", None)],
    },
    "verhuizing": {
        "bsn": ["Burgerservicenummer"],
        "achternaam": ["Achternaam"],
        "geboortedatum": ["Geboortedatum"],
        "straat": ["Straat"],
        "huisnummer": ["Huisnummer"],
        "postcode": ["Postcode"],
        "woonplaats": ["Woonplaats"],
        "verhuisdatum": ["Verhuisdatum"],
        "aantal_personen": ["Aantal personen dat verhuist"],
        "datum_ondertekening": ["Datum"],
        "handtekening": ["Handtekening"],
        "_extra": [("Voornamen", None)],
    },
}

CHOICES = {
    "woonsituatie": [("huur", "Huurwoning"), ("koop", "Koopwoning"), ("inwonend", "Inwonend")],
}

# Form layouts. style: left (label left of box), above (label above box), table (label and value
# in cells of a two-column table), twocol (label above box, two columns). See forms.py.
LAYOUTS = {
    "aanvraag_bijstand": [
        {"id": "bijstand-left", "style": "left", "font": "sans", "value_font": "mono", "box_x": 900, "tick": "x"},
        {"id": "bijstand-table", "style": "table", "font": "sans", "value_font": "sans", "cell_x": 880, "tick": "fill",
         "choice_dir": "column"},
    ],
    "omgevingsvergunning": [
        {"id": "omgv-above", "style": "above", "font": "sans", "value_font": "mono"},
        {"id": "omgv-left", "style": "left", "font": "dejavu", "value_font": "mono", "box_x": 950},
    ],
    "verhuizing": [
        {"id": "verh-left", "style": "left", "font": "sans", "value_font": "sans", "box_x": 900, "old_address": False},
        {"id": "verh-table-oud", "style": "table", "font": "sans", "value_font": "mono", "cell_x": 900,
         "old_address": True},
    ],
}

# --- factuur ------------------------------------------------------------------------------
INVOICE_LABELS = {
    "title": ["FACTUUR", "Factuur"],
    "factuurnummer": ["Factuurnummer"],
    "factuurdatum": ["Factuurdatum"],
    "kvk_nummer": ["KvK"],
    "btw_nummer": ["BTW-nummer"],
    "iban": ["IBAN"],
    "subtotaal": ["Subtotaal"],
    "btw": ["BTW 21%"],
    "totaal_bedrag": ["Totaal", "Te betalen"],
    "columns": ["Omschrijving", "Aantal", "Prijs", "Bedrag"],
    "debiteur": ["Debiteurnummer"],
    "vervaldatum": ["Vervaldatum"],
    "payment": "Wij verzoeken u het totaalbedrag binnen 30 dagen over te maken op {iban} o.v.v. het factuurnummer.",
}
INVOICE_LAYOUTS = [
    {"id": "factuur-a", "font": "sans", "meta": "right", "footer_ids": True},
    {"id": "factuur-b", "font": "dejavu", "meta": "left", "footer_ids": False},
]

# --- bezwaarschrift -----------------------------------------------------------------------
LETTER_LAYOUTS = [
    {"id": "bezwaar-a", "font": "serif", "size": 11.5, "bsn_line": True},
    {"id": "bezwaar-b", "font": "sans", "size": 11, "bsn_line": False},
]
LETTER_SUBJECT = ["Betreft: bezwaarschrift", "Onderwerp: bezwaar tegen besluit"]
LETTER_OPENING = ["Geacht college,", "Geachte heer, mevrouw,"]
LETTER_BODY = [
    "Hierbij maak ik bezwaar tegen uw besluit van {datum_besluit}, kenmerk {kenmerk}. "
    "In dit besluit heeft u mijn aanvraag {onderwerp} afgewezen.",
    "Hierbij teken ik bezwaar aan tegen het besluit van {datum_besluit} met kenmerk {kenmerk}, "
    "waarin u heeft besloten {onderwerp} niet toe te kennen.",
]
LETTER_BSN = ["Mijn burgerservicenummer is {bsn}.", "BSN: {bsn}"]
LETTER_CLOSING = ["Met vriendelijke groet,", "Hoogachtend,"]

# --- archiefstuk --------------------------------------------------------------------------
ARCHIVE_LAYOUTS = [
    {"id": "archief-brief", "kind": "brief", "font": "mono"},
    {"id": "archief-notulen", "kind": "notulen", "font": "mono"},
]
