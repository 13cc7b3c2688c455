"""Synthetic but valid Dutch values (names, addresses, BSN, IBAN, dates, amounts).

Every function takes a random.Random so output depends only on the seed.
Each value comes as a pair: what is printed on the page (``raw``) and the normalised
value that TAXONOMY.md asks for (``norm``).
"""

import datetime

# A fixed "today" so that generated documents do not depend on the day of generation.
# Signing dates lie before it; a "future" birth date lies well after any plausible run date.
TODAY = datetime.date(2025, 6, 30)

PARTICLE_SURNAMES = [
    ("", "Jansen"), ("de", "Vries"), ("van der", "Berg"), ("", "Bakker"), ("van", "Dijk"),
    ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
    ("de", "Groot"), ("", "Bos"), ("ter", "Horst"), ("van den", "Broek"), ("van", "Leeuwen"),
    ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Hendriks"), ("van der", "Linden"),
    ("", "Kok"), ("", "Vermeulen"), ("ten", "Cate"), ("van", "Beek"), ("", "Hoekstra"),
    ("de", "Jong"), ("", "Kuipers"), ("", "Willems"), ("van der", "Meer"), ("", "Postma"),
    ("", "El Amrani"), ("", "Yildiz"), ("", "Bouzid"), ("van", "Vliet"), ("de", "Haan"),
]
FIRST_NAMES = [
    "Jan", "Pieter", "Sanne", "Fatima", "Mohamed", "Anouk", "Daan", "Eva", "Kees", "Lotte",
    "Henk", "Ingrid", "Bram", "Noor", "Thijs", "Marieke", "Ahmed", "Femke", "Ruud", "Yvonne",
]
INITIAL_LETTERS = "ABCDEFGHJKLMNPRSTW"

STREETS = [
    "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Julianastraat", "Wilhelminalaan",
    "Beatrixstraat", "Schoolstraat", "Nieuwe Gracht", "Oudegracht", "Lange Voorhout",
    "Prinsengracht", "Burgemeester de Withstraat", "Van Goghlaan", "Pieter de Hoochstraat",
    "Emmastraat", "Lindenlaan", "Hoofdstraat", "Parallelweg", "Zuiderhavenweg",
]
# (woonplaats, first postcode digits, last postcode digits, kadastrale gemeente)
PLACES = [
    ("Utrecht", 3511, 3585, "Utrecht"), ("Amersfoort", 3811, 3829, "Amersfoort"),
    ("Zwolle", 8011, 8046, "Zwolle"), ("Deventer", 7411, 7429, "Deventer"),
    ("Groningen", 9711, 9747, "Groningen"), ("Leiden", 2311, 2334, "Leiden"),
    ("Haarlem", 2011, 2037, "Haarlem"), ("Nijmegen", 6511, 6546, "Nijmegen"),
    ("Den Haag", 2491, 2597, "'s-Gravenhage"), ("Rotterdam", 3011, 3089, "Rotterdam"),
    ("Houten", 3991, 3998, "Houten"), ("Woerden", 3441, 3449, "Woerden"),
]
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
BANKS = ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]
MAIL_DOMAINS = ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.com", "outlook.com", "xs4all.nl"]
AREA_CODES = ["020", "010", "030", "070", "033", "038", "050", "024", "071", "0570", "0348"]
COMPANY_WORDS = ["Bouwbedrijf", "Installatietechniek", "Schildersbedrijf", "Adviesbureau",
                 "Drukkerij", "Kantoorartikelen", "Groenvoorziening", "Schoonmaakbedrijf"]
COMPANY_SUFFIX = ["B.V.", "V.O.F.", "", "B.V."]

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
MONTHS_ABBR = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.",
               "okt.", "nov.", "dec."]

DATE_FORMATS = ["dd-mm-jjjj", "d-m-jj", "dd/mm/jjjj", "dd.mm.jjjj", "d maand jjjj",
                "d mnd. jjjj"]


# --- check digits -------------------------------------------------------------------------

def bsn_valid(digits):
    if len(digits) != 9 or not digits.isdigit() or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def iban_valid(iban):
    s = iban.replace(" ", "").upper()
    if len(s) < 15:
        return False
    moved = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in moved)
    return int(num) % 97 == 1


def make_bsn(rng, valid=True):
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(x * w for x, w in zip(d, range(9, 1, -1))) % 11
        if last == 10:
            continue
        s = "".join(map(str, d)) + str(last)
        if valid:
            return s
        bad = s[:8] + str((last + rng.randint(1, 9)) % 10)
        if not bsn_valid(bad):
            return bad


def make_iban(rng, valid=True):
    bank = rng.choice(BANKS)
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    moved = bank + account + "NL00"
    num = int("".join(str(int(c, 36)) for c in moved))
    check = 98 - num % 97
    iban = "NL%02d%s%s" % (check, bank, account)
    if valid:
        return iban
    while True:
        pos = rng.randint(8, 17)
        digit = str((int(iban[pos]) + rng.randint(1, 9)) % 10)
        bad = iban[:pos] + digit + iban[pos + 1:]
        if not iban_valid(bad):
            return bad


def fmt_iban(iban, rng):
    if rng.random() < 0.7:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def fmt_bsn(bsn, rng):
    r = rng.random()
    if r < 0.6:
        return bsn
    if r < 0.85:
        return "%s.%s.%s" % (bsn[:4], bsn[4:6], bsn[6:])
    return "%s %s %s" % (bsn[:4], bsn[4:6], bsn[6:])


# --- people and addresses -----------------------------------------------------------------

def make_person(rng):
    particle, surname = rng.choice(PARTICLE_SURNAMES)
    n = rng.choice([1, 1, 2, 2, 3])
    voorletters = "".join(rng.choice(INITIAL_LETTERS) + "." for _ in range(n))
    first = rng.choice(FIRST_NAMES)
    full_surname = (particle + " " + surname).strip()
    return {
        "voorletters": voorletters,
        "tussenvoegsel": particle or None,
        "achternaam": surname,
        "full_surname": full_surname,
        "first": first,
        "display": "%s %s" % (voorletters, full_surname),
        "display_first": "%s %s" % (first, full_surname),
    }


def make_postcode(rng, place):
    digits = rng.randint(place[1], place[2])
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            break
    norm = "%d %s" % (digits, letters)
    raw = norm if rng.random() < 0.7 else "%d%s" % (digits, letters)
    return raw, norm


def make_huisnummer(rng):
    n = str(rng.choice([rng.randint(1, 40), rng.randint(1, 250)]))
    r = rng.random()
    if r < 0.65:
        return n
    if r < 0.8:
        return n + "-" + rng.choice("ABC")
    if r < 0.9:
        return n + rng.choice("abc")
    return n + "-" + str(rng.randint(1, 3))


def make_address(rng):
    place = rng.choice(PLACES)
    pc_raw, pc_norm = make_postcode(rng, place)
    return {
        "straat": rng.choice(STREETS),
        "huisnummer": make_huisnummer(rng),
        "postcode_raw": pc_raw,
        "postcode": pc_norm,
        "woonplaats": place[0],
        "kadaster_gemeente": place[3],
    }


def make_phone(rng):
    if rng.random() < 0.6:
        digits = "06" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        raw = rng.choice([
            digits[:2] + "-" + digits[2:],
            digits[:2] + " " + digits[2:6] + " " + digits[6:],
            "+31 6 " + digits[2:],
            digits,
        ])
    else:
        area = rng.choice(AREA_CODES)
        rest = "".join(str(rng.randint(1 if i == 0 else 0, 9)) for i in range(10 - len(area)))
        digits = area + rest
        raw = rng.choice([area + "-" + rest, "(%s) %s" % (area, rest), area + " " + rest])
    return raw, digits


def make_email(rng, person):
    local = rng.choice([
        person["first"].lower() + "." + person["achternaam"].lower().replace(" ", ""),
        person["first"].lower() + str(rng.randint(1, 99)),
        person["voorletters"].replace(".", "").lower() + person["achternaam"].lower().replace(" ", ""),
    ])
    domain = rng.choice(MAIL_DOMAINS)
    norm = local + "@" + domain
    raw = norm
    if rng.random() < 0.3:
        raw = local.capitalize() + "@" + domain
    return raw, norm


def make_kvk(rng):
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def make_btw(rng):
    return "NL" + "".join(str(rng.randint(0, 9)) for _ in range(9)) + "B" + rng.choice(["01", "01", "02", "03"])


def make_company(rng):
    particle, surname = rng.choice(PARTICLE_SURNAMES)
    word = rng.choice(COMPANY_WORDS)
    name = "%s %s" % (word, (particle + " " + surname).strip())
    suffix = rng.choice(COMPANY_SUFFIX)
    return (name + " " + suffix).strip()


# --- dates and amounts --------------------------------------------------------------------

def random_date(rng, start, end):
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, span))


def fmt_date(d, fmt):
    if fmt == "dd-mm-jjjj":
        return "%02d-%02d-%04d" % (d.day, d.month, d.year)
    if fmt == "d-m-jj":
        return "%d-%d-%02d" % (d.day, d.month, d.year % 100)
    if fmt == "dd/mm/jjjj":
        return "%02d/%02d/%04d" % (d.day, d.month, d.year)
    if fmt == "dd.mm.jjjj":
        return "%02d.%02d.%04d" % (d.day, d.month, d.year)
    if fmt == "d maand jjjj":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if fmt == "d mnd. jjjj":
        return "%d %s %d" % (d.day, MONTHS_ABBR[d.month - 1], d.year)
    raise ValueError(fmt)


def pick_date_format(rng, d, allowed=None):
    """A format from ``allowed``; two-digit years only for dates in 2000..2049."""
    fmts = list(allowed or DATE_FORMATS)
    if not (2000 <= d.year <= 2049) and "d-m-jj" in fmts and len(fmts) > 1:
        fmts.remove("d-m-jj")
    return rng.choice(fmts)


def fmt_amount(cents, with_euro=True):
    euros, c = divmod(cents, 100)
    s = "{:,}".format(euros).replace(",", ".") + ",%02d" % c
    return ("€ " + s) if with_euro else s


def norm_amount(cents):
    return "%d.%02d" % divmod(cents, 100)


def make_kenmerk(rng, year):
    return rng.choice([
        "%d-%05d" % (year, rng.randint(1, 99999)),
        "Z/%02d/%06d" % (year % 100, rng.randint(1, 999999)),
        "BZ-%d-%04d" % (year, rng.randint(1, 9999)),
    ])
