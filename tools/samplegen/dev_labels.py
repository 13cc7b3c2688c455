"""DEV wordings and layouts: a tuning set for rule writers, beside the train set.

Written without looking at holdout_labels.py, from wordings that Dutch municipal forms commonly
use: labels with a qualifier ("BSN aanvrager", "Geboortedatum (dd-mm-jjjj)"), shortened labels
("Huisnr. en toevoeging"), questions as labels ("Wat wilt u bouwen?"), other layouts (two
columns, label above the box, wide table cells, invoice meta data in a table) and other fonts.
Rule writers may read and tune on this file: it tells whether a rule or engine change generalises
beyond the train wordings, but it is no substitute for the holdout measurement.
Same names as labels.py.
"""

VARIANT = "dev"

MUNICIPALITIES = ["Gemeente Leiden", "Gemeente Houten", "Gemeente Nijmegen", "Gemeente Woerden"]

TITLES = {
    "aanvraag_bijstand": ["Aanvraag bijstandsuitkering", "Aanvraag uitkering levensonderhoud"],
    "aanvraag_bijstand_tozo": ["Aanvraag uitkering zelfstandigen (Tozo)"],
    "omgevingsvergunning": ["Vergunningaanvraag bouwactiviteit", "Aanvraagformulier omgevingsvergunning"],
    "verhuizing": ["Verhuismelding", "Wijziging woonadres"],
}

SUBTITLES = {
    "aanvraag_bijstand": "Werk en Inkomen - aanvraag op grond van de Participatiewet",
    "aanvraag_bijstand_tozo": "Werk en Inkomen - Besluit bijstandverlening zelfstandigen (Bbz)",
    "omgevingsvergunning": "Omgevingsloket - bouwen en verbouwen",
    "verhuizing": "Inschrijving in de Basisregistratie Personen",
}

HEADINGS = {
    "persoon": "A. Persoonsgegevens",
    "adres": "B. Woonadres",
    "contact": "C. Bereikbaarheid",
    "aanvraag": "D. Uitkering",
    "onderneming": "E. Gegevens onderneming",
    "ondertekening": "F. Verklaring en ondertekening",
    "aanvrager": "A. Aanvrager",
    "locatie": "B. Bouwlocatie",
    "project": "C. Bouwplan",
    "oud_adres": "B. Vorig adres",
    "nieuw_adres": "C. Nieuw woonadres",
    "verhuizing": "D. Gegevens verhuizing",
}

FIELD_LABELS = {
    "aanvraag_bijstand": {
        "bsn": ["Uw burgerservicenummer", "BSN aanvrager", "Burgerservicenr."],
        "voorletters": ["Voorletters aanvrager", "Initialen"],
        "tussenvoegsel": ["Tussenvoegsels", "Voorvoegsels"],
        "achternaam": ["Achternaam aanvrager", "Naam (achternaam)"],
        "geboortedatum": ["Geboortedatum (dd-mm-jjjj)", "Geboortedag"],
        "straat": ["Straatnaam", "Straat (woonadres)"],
        "huisnummer": ["Huisnr. en toevoeging", "Huisnummer + toev."],
        "postcode": ["Postcode (1234 AB)", "Postcode"],
        "woonplaats": ["Plaats", "Woonplaats aanvrager"],
        "telefoon": ["Telefoonnummer overdag", "Tel. nummer"],
        "email": ["E-mail adres", "Uw e-mailadres"],
        "iban": ["Bankrekening (IBAN)", "IBAN-rekeningnummer"],
        "woonsituatie": ["Wat is uw woonsituatie?", "Soort woning"],
        "ingangsdatum": ["Bijstand gewenst vanaf", "Startdatum uitkering"],
        "kvk_nummer": ["Kamer van Koophandel nummer", "KvK-nr."],
        "datum_ondertekening": ["Datum handtekening", "Ondertekeningsdatum"],
        "handtekening": ["Uw handtekening", "Handtekening"],
        "_extra": [("Nationaliteit", "Nederlandse"), ("Burgerlijke staat", "Gehuwd")],
        "_extra_onderneming": [("Naam onderneming", None), ("Datum start onderneming", None)],
    },
    "omgevingsvergunning": {
        "aanvrager_naam": ["Naam aanvrager / bedrijf", "Aanvrager"],
        "bsn": ["Burgerservicenummer", "BSN (particulier)"],
        "kvk_nummer": ["KvK-nummer (bedrijf)", "Kamer van Koophandel"],
        "straat": ["Straat", "Straatnaam"],
        "huisnummer": ["Huisnr.", "Huisnummer en toevoeging"],
        "postcode": ["Postcode"],
        "woonplaats": ["Plaatsnaam", "Plaats"],
        "kadastrale_aanduiding": ["Kadastraal perceel", "Kadastrale gemeente, sectie en nummer"],
        "omschrijving": ["Korte omschrijving van het bouwplan", "Wat wilt u bouwen?"],
        "bouwkosten": ["Bouwkosten (excl. btw)", "Geraamde kosten"],
        "datum_aanvraag": ["Datum", "Datum van aanvraag"],
        "handtekening": ["Handtekening aanvrager"],
        "_extra": [("E-mailadres aanvrager", None)],
    },
    "verhuizing": {
        "bsn": ["BSN", "Burgerservicenummer (BSN)"],
        "achternaam": ["Achternaam (eigen naam)", "Familienaam"],
        "geboortedatum": ["Geb.datum", "Geboortedatum"],
        "straat": ["Straatnaam"],
        "huisnummer": ["Huisnummer + toevoeging"],
        "postcode": ["Postcode"],
        "woonplaats": ["Plaats"],
        "verhuisdatum": ["Datum van verhuizing", "Ingangsdatum verhuizing"],
        "aantal_personen": ["Aantal verhuizende personen", "Hoeveel personen verhuizen mee?"],
        "datum_ondertekening": ["Datum"],
        "handtekening": ["Handtekening"],
        "_extra": [("Voornaam", None)],
    },
}

CHOICES = {
    "woonsituatie": [("huur", "Huurwoning (huurder)"), ("koop", "Eigen woning"), ("inwonend", "Inwonend bij ander")],
}

LAYOUTS = {
    "aanvraag_bijstand": [
        {"id": "bijstand-twocol", "style": "twocol", "font": "condensed", "value_font": "sans", "tick": "x",
         "choice_dir": "row"},
        {"id": "bijstand-above", "style": "above", "font": "dejavuserif", "value_font": "mono", "tick": "fill",
         "choice_dir": "column", "sig_date_first": True},
    ],
    "omgevingsvergunning": [
        {"id": "omgv-table-wide", "style": "table", "font": "serif", "value_font": "sans", "cell_x": 1150},
        {"id": "omgv-twocol", "style": "twocol", "font": "condensed", "value_font": "mono"},
    ],
    "verhuizing": [
        {"id": "verh-above-oud", "style": "above", "font": "dejavuserif", "value_font": "sans", "old_address": True},
        {"id": "verh-left-narrow", "style": "left", "font": "condensed", "value_font": "mono", "box_x": 880,
         "label_size": 10, "old_address": False},
    ],
}

# --- factuur ------------------------------------------------------------------------------
INVOICE_LABELS = {
    "title": ["Factuur", "NOTA"],
    "factuurnummer": ["Factuurnr.", "Factuur nr."],
    "factuurdatum": ["Datum", "Datum factuur"],
    "kvk_nummer": ["KvK-nr", "Handelsregister"],
    "btw_nummer": ["Btw-nr.", "BTW-id"],
    "iban": ["Bankrekening", "IBAN"],
    "subtotaal": ["Totaal excl. btw"],
    "btw": ["Btw 21%", "21% btw"],
    "totaal_bedrag": ["Totaal incl. btw", "Totaalbedrag"],
    "columns": ["Artikel", "Aantal", "Stukprijs", "Totaal"],
    "debiteur": ["Klantnummer"],
    "vervaldatum": ["Uiterste betaaldatum"],
    "payment": "Gelieve het bedrag binnen 14 dagen over te maken naar rekening {iban} onder vermelding van "
               "het factuurnummer.",
}
INVOICE_LAYOUTS = [
    {"id": "factuur-table", "font": "condensed", "meta": "table", "footer_ids": True},
    {"id": "factuur-serif", "font": "serif", "meta": "right", "footer_ids": False},
]

# --- bezwaarschrift -----------------------------------------------------------------------
LETTER_LAYOUTS = [
    {"id": "bezwaar-dvserif", "font": "dejavuserif", "size": 11, "bsn_line": True},
    {"id": "bezwaar-condensed", "font": "condensed", "size": 11.5, "bsn_line": False},
]
LETTER_SUBJECT = ["Onderwerp: bezwaar", "Betreft: bezwaar tegen beschikking"]
LETTER_OPENING = ["Geacht college van burgemeester en wethouders,", "Beste heer/mevrouw,"]
LETTER_BODY = [
    "Met deze brief maak ik bezwaar tegen uw besluit d.d. {datum_besluit}, kenmerk {kenmerk}, waarbij u "
    "mijn aanvraag {onderwerp} heeft afgewezen.",
    "Ik ben het niet eens met uw beslissing van {datum_besluit} met kenmerk {kenmerk}. U heeft mijn "
    "aanvraag {onderwerp} afgewezen en daartegen maak ik bezwaar.",
]
LETTER_BSN = ["Mijn BSN is {bsn}.", "Burgerservicenummer: {bsn}"]
LETTER_CLOSING = ["Met vriendelijke groeten,", "Hoogachtend,"]

# --- archiefstuk --------------------------------------------------------------------------
ARCHIVE_LAYOUTS = [
    {"id": "archief-raadsbesluit", "kind": "raadsbesluit", "font": "mono"},
    {"id": "archief-brief-serif", "kind": "brief", "font": "serif"},
]
