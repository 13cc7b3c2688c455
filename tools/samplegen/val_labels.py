"""VAL wordings and layouts: a validation set, kept apart from both the train and the dev set.

The rules were tuned on train and dev; a rule or engine change that only helps on those may not
generalise. This set takes other wordings that Dutch forms use (labels with "Uw", abbreviations,
labels with a colon and a hint, English beside Dutch) and other geometry (smaller labels, lower
boxes, table cells further left, label above in a serif font) so that a generalisation failure
shows up here before the holdout. Use it to find what breaks and fix the mechanism; do not add
its wordings to the rules (that would make it a second dev set). Written without looking at
holdout_labels.py. Same names as labels.py.
"""

VARIANT = "val"

MUNICIPALITIES = ["Gemeente Zwolle", "Gemeente Assen", "Gemeente Helmond", "Gemeente Delft"]

TITLES = {
    "aanvraag_bijstand": ["Aanvraagformulier bijstand", "Aanvraag algemene bijstand"],
    "aanvraag_bijstand_tozo": ["Aanvraag bijstand voor zelfstandigen"],
    "omgevingsvergunning": ["Aanvraag omgevingsvergunning voor bouwen", "Omgevingsvergunning - aanvraag"],
    "verhuizing": ["Aangifte van verhuizing", "Melding adreswijziging"],
}

SUBTITLES = {
    "aanvraag_bijstand": "Sociaal Domein - Participatiewet",
    "aanvraag_bijstand_tozo": "Sociaal Domein - ondersteuning zelfstandig ondernemers",
    "omgevingsvergunning": "Team Vergunningen - activiteit bouwen",
    "verhuizing": "Burgerzaken - Basisregistratie Personen (BRP)",
}

HEADINGS = {
    "persoon": "1 Uw gegevens",
    "adres": "2 Uw adres",
    "contact": "3 Contactgegevens",
    "aanvraag": "4 Over uw aanvraag",
    "onderneming": "5 Uw bedrijf",
    "ondertekening": "6 Ondertekening",
    "aanvrager": "1 Gegevens aanvrager",
    "locatie": "2 Adres van het bouwwerk",
    "project": "3 Het bouwwerk",
    "oud_adres": "2 Oud adres",
    "nieuw_adres": "3 Nieuw adres",
    "verhuizing": "4 De verhuizing",
}

FIELD_LABELS = {
    "aanvraag_bijstand": {
        "bsn": ["Uw BSN", "Burgerservicenummer:"],
        "voorletters": ["Uw voorletters", "Voorletter(s)"],
        "tussenvoegsel": ["Tussenv.", "Tussenvoegsel(s)"],
        "achternaam": ["Uw achternaam", "Achternaam:"],
        "geboortedatum": ["Uw geboortedatum", "Geb. datum"],
        "straat": ["Adres (straat)", "Straat:"],
        "huisnummer": ["Nummer", "Huisnummer/toevoeging"],
        "postcode": ["Postcode:", "Uw postcode"],
        "woonplaats": ["Woonplaats:", "Uw woonplaats"],
        "telefoon": ["Uw telefoonnummer", "Telefoon (mobiel)"],
        "email": ["E-mail:", "Emailadres"],
        "iban": ["IBAN (rekeningnummer)", "Uw rekeningnummer"],
        "woonsituatie": ["Hoe woont u?", "Uw woonsituatie"],
        "ingangsdatum": ["Vanaf welke datum?", "Bijstand vanaf"],
        "kvk_nummer": ["KvK", "Inschrijfnummer KvK"],
        "datum_ondertekening": ["Datum:", "Datum ondertekening"],
        "handtekening": ["Handtekening:", "Uw handtekening"],
        "_extra": [("Geboorteplaats", "Utrecht"), ("Aantal kinderen", "2")],
        "_extra_onderneming": [("Handelsnaam", None), ("Startdatum bedrijf", None)],
    },
    "omgevingsvergunning": {
        "aanvrager_naam": ["Naam", "Naam van de aanvrager"],
        "bsn": ["BSN", "Uw burgerservicenummer"],
        "kvk_nummer": ["KvK-nummer", "Inschrijving KvK"],
        "straat": ["Straat bouwlocatie", "Adres"],
        "huisnummer": ["Nr.", "Huisnummer"],
        "postcode": ["Postcode bouwlocatie", "Postcode"],
        "woonplaats": ["Plaats bouwlocatie", "Woonplaats"],
        "kadastrale_aanduiding": ["Kadastrale aanduiding", "Perceel (kadastraal)"],
        "omschrijving": ["Omschrijving van het project", "Wat gaat u doen?"],
        "bouwkosten": ["Kosten van het bouwwerk", "Bouwsom"],
        "datum_aanvraag": ["Datum:", "Aanvraagdatum"],
        "handtekening": ["Handtekening:"],
        "_extra": [("Telefoonnummer", None)],
    },
    "verhuizing": {
        "bsn": ["Uw BSN", "Burgerservicenummer:"],
        "achternaam": ["Naam", "Achternaam:"],
        "geboortedatum": ["Geboren", "Geboortedatum:"],
        "straat": ["Straat:", "Nieuwe straat"],
        "huisnummer": ["Huisnr"],
        "postcode": ["Postcode:"],
        "woonplaats": ["Woonplaats:"],
        "verhuisdatum": ["Verhuisd op", "Datum verhuizing"],
        "aantal_personen": ["Aantal personen", "Met hoeveel personen?"],
        "datum_ondertekening": ["Datum:"],
        "handtekening": ["Handtekening:"],
        "_extra": [("Telefoonnummer", None)],
    },
}

CHOICES = {
    "woonsituatie": [("huur", "Ik huur"), ("koop", "Ik heb een koophuis"), ("inwonend", "Ik woon in")],
}

LAYOUTS = {
    "aanvraag_bijstand": [
        {"id": "bijstand-above-sans", "style": "above", "font": "sans", "value_font": "sans", "tick": "x",
         "choice_dir": "row", "label_size": 9.5, "box_h": 76},
        {"id": "bijstand-left-far", "style": "left", "font": "serif", "value_font": "mono", "box_x": 1050,
         "tick": "fill", "choice_dir": "column", "sig_date_first": True},
    ],
    "omgevingsvergunning": [
        {"id": "omgv-table-left", "style": "table", "font": "dejavu", "value_font": "mono", "cell_x": 960},
        {"id": "omgv-above-serif", "style": "above", "font": "dejavuserif", "value_font": "sans",
         "label_size": 10, "box_h": 78},
    ],
    "verhuizing": [
        {"id": "verh-twocol-oud", "style": "twocol", "font": "sans", "value_font": "sans", "old_address": True},
        {"id": "verh-table", "style": "table", "font": "condensed", "value_font": "mono", "cell_x": 1000,
         "old_address": False},
    ],
}

# --- factuur ------------------------------------------------------------------------------
INVOICE_LABELS = {
    "title": ["Factuur", "Rekening"],
    "factuurnummer": ["Nummer", "Factuurnummer:"],
    "factuurdatum": ["Datum:", "Factuurdatum:"],
    "kvk_nummer": ["KvK nummer", "Kamer van Koophandel"],
    "btw_nummer": ["Btw nummer", "Omzetbelastingnummer"],
    "iban": ["Rekeningnummer", "IBAN:"],
    "subtotaal": ["Bedrag excl. btw", "Subtotaal:"],
    "btw": ["Btw (21%)", "Omzetbelasting 21%"],
    "totaal_bedrag": ["Te voldoen", "Totaal:"],
    "columns": ["Dienst", "Uren", "Tarief", "Bedrag"],
    "debiteur": ["Relatienummer"],
    "vervaldatum": ["Betalen voor"],
    "payment": "Graag ontvangen wij uw betaling binnen 21 dagen op {iban}, met vermelding van het factuurnummer.",
}
INVOICE_LAYOUTS = [
    {"id": "factuur-left-serif", "font": "dejavuserif", "meta": "left", "footer_ids": True},
    {"id": "factuur-table-sans", "font": "sans", "meta": "table", "footer_ids": False},
]

# --- bezwaarschrift -----------------------------------------------------------------------
LETTER_LAYOUTS = [
    {"id": "bezwaar-mono", "font": "mono", "size": 10.5, "bsn_line": True},
    {"id": "bezwaar-dejavu", "font": "dejavu", "size": 10.5, "bsn_line": False},
]
LETTER_SUBJECT = ["Betreft: bezwaar", "Onderwerp: bezwaarschrift tegen uw beslissing"]
LETTER_OPENING = ["Geacht bestuur,", "Aan het college van B&W,"]
LETTER_BODY = [
    "Op {datum_besluit} heeft u een besluit genomen (kenmerk {kenmerk}) over mijn aanvraag {onderwerp}. "
    "Tegen dat besluit maak ik bezwaar.",
    "Ik teken bezwaar aan tegen uw besluit met kenmerk {kenmerk} van {datum_besluit}, over mijn aanvraag "
    "{onderwerp}.",
]
LETTER_BSN = ["BSN {bsn}", "Mijn burgerservicenummer: {bsn}"]
LETTER_CLOSING = ["Met vriendelijke groet,", "In afwachting van uw reactie,"]

# --- archiefstuk --------------------------------------------------------------------------
ARCHIVE_LAYOUTS = [
    {"id": "archief-notulen-serif", "kind": "notulen", "font": "dejavuserif"},
    {"id": "archief-brief-sans", "kind": "brief", "font": "sans"},
]
