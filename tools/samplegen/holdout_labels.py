"""HOLDOUT wordings and layouts — NOT to be read by whoever writes the rules in rules/.

Same names as labels.py; used with --variants holdout for benchmark sets, so that the rules are
measured on label synonyms, layouts, column positions and fonts they were not written against.
"""

VARIANT = "holdout"

MUNICIPALITIES = ["Gemeente Houten", "Gemeente Woerden", "Gemeente Leiden", "Gemeente Nijmegen",
                  "Gemeente Haarlem"]

TITLES = {
    "aanvraag_bijstand": ["Verzoek om bijstand voor levensonderhoud", "Aanvraag bijstandsuitkering"],
    "aanvraag_bijstand_tozo": ["Aanvraag bijstand zelfstandigen (Tozo)", "Tozo-aanvraag levensonderhoud"],
    "omgevingsvergunning": ["Vergunningaanvraag bouwen", "Aanvraag vergunning Omgevingswet"],
    "verhuizing": ["Melding verhuizing", "Doorgeven nieuw woonadres"],
}

SUBTITLES = {
    "aanvraag_bijstand": "Afdeling Werk en Inkomen",
    "aanvraag_bijstand_tozo": "Afdeling Werk en Inkomen - ondernemers",
    "omgevingsvergunning": "Team Vergunningen, Toezicht en Handhaving",
    "verhuizing": "Burgerzaken",
}

HEADINGS = {
    "persoon": "A. Persoonlijke gegevens",
    "adres": "B. Woonadres",
    "contact": "C. Bereikbaarheid",
    "aanvraag": "D. Gegevens uitkering",
    "onderneming": "E. Bedrijfsgegevens",
    "ondertekening": "F. Verklaring en handtekening",
    "aanvrager": "A. Wie vraagt de vergunning aan?",
    "locatie": "B. Waar gaat u bouwen?",
    "project": "C. Wat gaat u doen?",
    "oud_adres": "B. Vorig adres",
    "nieuw_adres": "C. Adres na verhuizing",
    "verhuizing": "D. Gegevens verhuizing",
}

FIELD_LABELS = {
    "aanvraag_bijstand": {
        "bsn": ["Sofinummer/BSN", "Burgerservicenr."],
        "voorletters": ["Initialen"],
        "tussenvoegsel": ["Tussenv."],
        "achternaam": ["Geslachtsnaam", "Familienaam"],
        "geboortedatum": ["Geboren op", "Geb. datum"],
        "straat": ["Straatnaam", "Adres"],
        "huisnummer": ["Nr. + toev.", "Huisnr."],
        "postcode": ["Postcode"],
        "woonplaats": ["Plaats"],
        "telefoon": ["Tel. (overdag)", "Mobiel nummer"],
        "email": ["E-mail", "Mailadres"],
        "iban": ["Bankrekeningnummer (IBAN)", "IBAN-nummer"],
        "woonsituatie": ["Ik woon in een", "Soort woonruimte"],
        "ingangsdatum": ["Met ingang van", "Bijstand aangevraagd per"],
        "kvk_nummer": ["Inschrijfnummer Kamer van Koophandel", "KvK nr."],
        "datum_ondertekening": ["Ondertekend op", "Datum handtekening"],
        "handtekening": ["Uw handtekening"],
        "_extra": [("Geboorteplaats", "Utrecht"), ("Aantal kinderen", "0")],
        "_extra_onderneming": [("Bedrijfsnaam", None), ("Rechtsvorm", "Eenmanszaak")],
    },
    "omgevingsvergunning": {
        "aanvrager_naam": ["Aanvrager", "Naam (persoon of bedrijf)"],
        "bsn": ["Burgerservicenummer aanvrager"],
        "kvk_nummer": ["Inschrijving KvK", "KvK nr."],
        "straat": ["Adres bouwlocatie", "Straatnaam"],
        "huisnummer": ["Nummer", "Huisnr."],
        "postcode": ["Pc", "Postcode locatie"],
        "woonplaats": ["Plaats bouwlocatie", "Woonplaats"],
        "kadastrale_aanduiding": ["Perceel (kadastraal)", "Kadastraal perceel"],
        "omschrijving": ["Wat wilt u bouwen of veranderen?", "Korte beschrijving"],
        "bouwkosten": ["Kosten van het bouwwerk", "Bouwsom (excl. btw)"],
        "datum_aanvraag": ["Datum indiening", "Ingediend op"],
        "handtekening": ["Ondertekening aanvrager"],
        "_extra": [("E-mail aanvrager", None), ("Gemachtigde", "")],
    },
    "verhuizing": {
        "bsn": ["BSN", "Sofinummer/BSN"],
        "achternaam": ["Geslachtsnaam", "Naam"],
        "geboortedatum": ["Geboren op", "Geb. datum"],
        "straat": ["Straatnaam", "Adres"],
        "huisnummer": ["Nr.", "Huisnr. + toev."],
        "postcode": ["Pc", "Postcode"],
        "woonplaats": ["Plaats", "Gemeente/plaats"],
        "verhuisdatum": ["Datum van verhuizing", "Ingangsdatum nieuw adres"],
        "aantal_personen": ["Aantal meeverhuizende personen (incl. uzelf)", "Hoeveel personen verhuizen mee?"],
        "datum_ondertekening": ["Datum ondertekening"],
        "handtekening": ["Uw handtekening"],
        "_extra": [("Voornamen", None), ("Telefoon", None)],
    },
}

CHOICES = {
    "woonsituatie": [("huur", "huurhuis"), ("koop", "eigen woning (koop)"), ("inwonend", "inwonend bij ouders/anderen")],
}

LAYOUTS = {
    "aanvraag_bijstand": [
        {"id": "ho-bijstand-twocol", "style": "twocol", "font": "dejavuserif", "value_font": "sans", "tick": "fill",
         "choice_dir": "column"},
        {"id": "ho-bijstand-above", "style": "above", "font": "condensed", "value_font": "dejavu", "tick": "x",
         "above_w": 1500},
        {"id": "ho-bijstand-left-wide", "style": "left", "font": "serif", "value_font": "sans", "box_x": 1250,
         "label_x": 260, "tick": "fill", "sig_date_first": True},
    ],
    "omgevingsvergunning": [
        {"id": "ho-omgv-table", "style": "table", "font": "dejavuserif", "value_font": "dejavu", "cell_x": 1150,
         "cell_fill": 215},
        {"id": "ho-omgv-twocol", "style": "twocol", "font": "condensed", "value_font": "mono"},
    ],
    "verhuizing": [
        {"id": "ho-verh-above-oud", "style": "above", "font": "dejavuserif", "value_font": "sans", "old_address": True,
         "above_w": 1700},
        {"id": "ho-verh-twocol", "style": "twocol", "font": "condensed", "value_font": "mono", "old_address": True},
    ],
}

INVOICE_LABELS = {
    "title": ["NOTA", "Rekening", "Factuur"],
    "factuurnummer": ["Factuurnr.", "Notanummer", "Ons kenmerk"],
    "factuurdatum": ["Datum", "Notadatum"],
    "kvk_nummer": ["Kamer van Koophandel", "KvK-nr"],
    "btw_nummer": ["Btw-identificatienummer", "Omzetbelastingnummer", "VAT"],
    "iban": ["Rekening", "Bankrekening"],
    "subtotaal": ["Bedrag excl. btw", "Totaal excl. BTW"],
    "btw": ["Btw hoog (21%)", "Omzetbelasting 21%"],
    "totaal_bedrag": ["Totaal incl. btw", "Totaal te voldoen"],
    "columns": ["Artikel", "Hoeveelheid", "Stukprijs", "Totaal"],
    "debiteur": ["Klantnummer"],
    "vervaldatum": ["Uiterste betaaldatum"],
    "payment": "Gelieve het bedrag voor de vervaldatum te voldoen op rekening {iban} onder vermelding van het notanummer.",
}
INVOICE_LAYOUTS = [
    {"id": "ho-factuur-c", "font": "dejavuserif", "meta": "table", "footer_ids": True},
    {"id": "ho-factuur-d", "font": "condensed", "meta": "left", "footer_ids": True},
]

LETTER_LAYOUTS = [
    {"id": "ho-bezwaar-c", "font": "dejavuserif", "size": 11, "bsn_line": True},
    {"id": "ho-bezwaar-d", "font": "condensed", "size": 11.5, "bsn_line": False},
]
LETTER_SUBJECT = ["Inzake: bezwaar", "Onderwerp: pro-forma bezwaarschrift"]
LETTER_OPENING = ["Geacht college van burgemeester en wethouders,", "L.S.,"]
LETTER_BODY = [
    "Ik ben het niet eens met de beslissing d.d. {datum_besluit} (uw referentie {kenmerk}) "
    "over {onderwerp} en maak daartegen bezwaar.",
    "Op {datum_besluit} ontving ik uw beschikking met zaaknummer {kenmerk}. Tegen deze beschikking "
    "over {onderwerp} stel ik bezwaar in.",
]
LETTER_BSN = ["Burgerservicenummer: {bsn}", "Mijn BSN luidt {bsn}."]
LETTER_CLOSING = ["Met vriendelijke groeten,", "In afwachting van uw reactie,"]

ARCHIVE_LAYOUTS = [
    {"id": "ho-archief-raadsbesluit", "kind": "raadsbesluit", "font": "mono-bold"},
    {"id": "ho-archief-brief-serif", "kind": "brief", "font": "serif"},
]
