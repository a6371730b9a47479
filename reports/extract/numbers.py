"""Numbers, money, counts and percentages in English text, with their character spans.

    find_quantities("exports rose 21.3% on-year to US$61.5 billion")
      -> [Quantity(21.3, unit='percent', ...), Quantity(61500000000.0, unit='USD', ...)]

The text is first made `normalize`d: the same length as the input (so spans
stay valid in the original), with unicode digits as ASCII, unicode minus signs
as "-", and HTML entities blanked out with their character at the end.
A malformed number ("1,2,3", "$.5", "12..5") is skipped, never guessed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from reports.extract.grammar import Caseless

# A run of digits with separators, taken whole so that "12..5" or "1,2,3" is seen (and refused) as one.
# The digit comes first and the look-behind after it, so the engine can skip to digits.
# A number starts at a digit no letter, digit or separator is glued to, except an ISO currency code:
# "CNY10.3 trillion (USD1.41 trillion)".
_GLUED_CODES = "|".join(
    ("USD", "CNY", "RMB", "EUR", "JPY", "KRW", "GBP", "INR", "CAD", "AUD", "SGD", "HKD", "CHF", "TWD", "NTD",
     "BRL", "MXN", "IDR", "VND", "THB", "MYR", "RUB", "ZAR", "SAR", "AED", "SEK", "NOK", "DKK", "PLN", "CZK",
     "HUF", "TRY", "ILS", "PHP", "CLP", "ARS", "COP", "PEN", "EGP", "NGN", "KES", "PKR", "QAR", "KWD", "NZD")
)
_TOKEN = re.compile(r"\d(?<![\w.,]\d)[\d,.]*")
# "CNY10.3 trillion", and the signs of a few letters: the ringgit's "RM753.46 billion", the UAE's
# "Dh1.058 trillion", Saudi Arabia's "SR27.9 billion", Kenya's "Sh137.5 billion" and Nigeria's "N7.21tn"
_GLUED_SIGNS = ("RM", "SR", "Dh", "Dhs", "Sh", "KSh", "Ksh", "Kshs")
_GLUED_TOKEN = re.compile(
    rf"(?:(?<=(?<![A-Za-z])(?:{_GLUED_CODES}))|"
    + "".join(rf"(?<=(?<![A-Za-z]){sign})|" for sign in _GLUED_SIGNS)
    + r"(?<=(?<![A-Za-z&])[RN]))\d[\d,.]*"
)
# The digit first and the letters looked back at, so the engine skips to digits (a superset of the signs
# above: a false hint only costs the finer scan)
_GLUED_HINT = re.compile(r"\d(?:(?<=[A-Z]{3}\d)|(?<=[A-Z][A-Za-z]\d)|(?<=Dhs\d)|(?<=(?<![A-Za-z])[RN]\d))")
# "308,000"; "2,72,027", India's grouping (lakhs and crores: twos before the last three)
_VALID = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}|\d+)(?:\.\d+)?")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "mil": 1e6,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tril": 1e12,
    "trn": 1e12,
    "trln": 1e12,
    "crore": 1e7,  # India's ten million and hundred thousand: "Rs 1,200 crore"
    "crores": 1e7,
    "lakh": 1e5,
}
_CURRENCY_SIGNS = {
    "us$": "USD",
    "u.s.$": "USD",
    "u.s. $": "USD",
    "$": "USD",
    "usd": "USD",
    "krw": "KRW",
    "₩": "KRW",
    "eur": "EUR",
    "€": "EUR",
    "jpy": "JPY",
    "¥": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "gbp": "GBP",
    "£": "GBP",
    "hkd": "HKD",
    "twd": "TWD",
    "nt$": "TWD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "r$": "BRL",
    "c$": "CAD",
    "can$": "CAD",
    "cdn$": "CAD",
    "s$": "SGD",
    "inr": "INR",
    "vnd": "VND",
    "rm": "MYR",  # "RM753.46 billion": the ringgit's sign
    "r": "ZAR",  # "R101.76 billion": the rand's, a capital R alone before the number
    "rp": "IDR",
    "rs.": "INR",
    "rs": "INR",
    "myr": "MYR",
    "thb": "THB",
    "idr": "IDR",
    "aed": "AED",
    "dh": "AED",  # the dirham: "Dh499.7 billion", "Dhs1.2 billion"
    "dhs": "AED",
    "sar": "SAR",
    "sr": "SAR",  # the riyal: "SR27.9 billion"
    "kes": "KES",
    "ksh": "KES",
    "kshs": "KES",
    "sh": "KES",  # the Kenyan shilling as Kenya's press writes it: "Sh137.5 billion" (with a scale only)
    "ngn": "NGN",
    "₦": "NGN",
    # ISO codes written before the amount ("SEK 102.9 billion"), and a few signs of their own
    "sek": "SEK",
    "nok": "NOK",
    "dkk": "DKK",
    "pln": "PLN",
    "czk": "CZK",
    "huf": "HUF",
    "try": "TRY",
    "₺": "TRY",
    "ils": "ILS",
    "nis": "ILS",  # the new Israeli shekel: "NIS 3.3 billion"
    "₪": "ILS",
    "php": "PHP",
    "₱": "PHP",
    "clp": "CLP",
    "ars": "ARS",
    "cop": "COP",
    "pen": "PEN",
    "egp": "EGP",
    "pkr": "PKR",
    "qar": "QAR",
    "kwd": "KWD",
    "nzd": "NZD",
    "chf": "CHF",
    "cad": "CAD",
    "aud": "AUD",
    "sgd": "SGD",
    "brl": "BRL",
    "mxn": "MXN",
    "rub": "RUB",
    "zar": "ZAR",
    "n": "NGN",  # the naira as Nigeria's press writes it: "N7.21tn" (with a scale only, never "N95")
}
# Signs read as money only when a scale word follows: "N7.21tn" is naira, "N95" is not
_SCALED_ONLY = frozenset({"n", "sh"})
# Codes that are words too ("try 5 times", "a pen"): money only in capitals, as codes are written
_CAPITALS_ONLY = frozenset(
    {"sek", "nok", "dkk", "pln", "czk", "huf", "try", "ils", "nis", "php", "clp", "ars", "cop", "pen", "egp",
     "pkr", "qar", "kwd", "nzd", "chf", "cad", "aud", "sgd", "brl", "mxn", "rub", "zar"}
)
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "won": "KRW",
    "korean won": "KRW",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "reais": "BRL",
    "rupees": "INR",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "swiss francs": "CHF",
    "kronor": "SEK",
    "krona": "SEK",
    "swedish kronor": "SEK",
    "norwegian kroner": "NOK",
    "danish kroner": "DKK",
    "zlotys": "PLN",
    "zloty": "PLN",
    "forints": "HUF",
    "forint": "HUF",
    "shekels": "ILS",
    "rand": "ZAR",
    "naira": "NGN",
    "riyals": "SAR",
    "dirhams": "AED",
    "dong": "VND",
    "liras": "TRY",
    "lira": "TRY",
    "turkish lira": "TRY",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "new zealand dollars": "NZD",
    "singapore dollars": "SGD",
    "hong kong dollars": "HKD",
    "usd": "USD",
    "krw": "KRW",
    "eur": "EUR",
    "jpy": "JPY",
    "cny": "CNY",
    "gbp": "GBP",
}
# Count units and how they are written in records (DESIGN.md: units, vehicles, tons, barrels, jobs ...).
_COUNT_UNITS = {
    "units": "units",
    "unit": "units",
    "vehicles": "vehicles",
    "vehicle": "vehicles",
    "cars": "vehicles",
    "tons": "tons",
    "ton": "tons",
    "tonnes": "tons",
    "tonne": "tons",
    "metric tons": "tons",
    "mt": "tons",  # "630,551 mt", "2.92 million mt": metric tons, written in small letters only
    "barrels": "barrels",
    "barrel": "barrels",
    # a rate of oil output or trade: a reader must not see "27.3 million barrels" for a day's flow
    "barrels per day": "barrels per day",
    "barrels a day": "barrels per day",
    "b/d": "barrels per day",
    "bpd": "barrels per day",
    "bbl/d": "barrels per day",
    "bbl": "barrels",
    # gas, as the trade measures it: "11.9 billion cubic feet per day", "a 140,000 cubic meter carrier"
    "cubic feet per day": "cubic feet per day",
    "cubic feet a day": "cubic feet per day",
    "cubic feet": "cubic feet",
    "cubic meters": "cubic meters",
    "cubic metres": "cubic meters",
    "cubic meter": "cubic meters",
    "cubic metre": "cubic meters",
    "jobs": "jobs",
    "companies": "companies",
    "company": "companies",
    "firms": "companies",
    "enterprises": "companies",
    "businesses": "companies",
    "ships": "ships",
    "vessels": "ships",
    "cgt": "CGT",
    "cgts": "CGT",
    "compensated gross tons": "CGT",
    "compensated gross tonnage": "CGT",
    "gwh": "GWh",
    "mwh": "MWh",
    "twh": "TWh",
    "kwh": "kWh",
    "gw": "GW",
    "mw": "MW",
    "kw": "kW",
    "teu": "TEU",
    "twenty-foot equivalent units": "TEU",
    "twenty-foot equivalent unit": "TEU",
    "twenty-foot-equivalent units": "TEU",
    "passengers": "passengers",
    "travelers": "visitors",
    "travellers": "visitors",
    "megawatts": "MW",
    "gigawatts": "GW",
    "kilowatts": "kW",
    "gigawatt-hours": "GWh",
    "megawatt-hours": "MWh",
    "terawatt-hours": "TWh",
    "kilowatt-hours": "kWh",
    "people": "people",
    "persons": "people",
    "workers": "workers",
    "employees": "workers",
    "visitors": "visitors",
    "tourists": "visitors",
    "projects": "projects",
    "contracts": "contracts",
    "cases": "cases",
    "households": "households",
    "patents": "patents",
    "startups": "companies",
    "wafers": "wafers",
    "sets": "units",
    "devices": "units",
    "orders": "orders",
    "points": "points",
}
_PERCENT_WORDS = {
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    "%": "percent",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "%p": "percentage points",
    "%pt": "percentage points",
    "%pts": "percentage points",
    "pp": "percentage points",
    "ppt": "percentage points",
    "ppts": "percentage points",
    "percent points": "percentage points",
    "percent point": "percentage points",
}
QUALIFIERS = (
    "more than",
    "less than",
    "at least",
    "up to",
    "close to",
    "just over",
    "just under",
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "under",
    "approx.",
    "an estimated",
    "an estimated",
    "upward of",
    "upwards of",
    "below",
    "above",
)


def _alternation(words) -> str:  # noqa: ANN001 - any iterable of words
    from reports.extract.grammar import alternation

    return alternation(words)


# Caseless: its groups come back lower-cased, and every reader lower-cases them anyway.
_AFTER = Caseless(
    # a "%" glued to the next word, as scraped text has it ("13.7%year-on-year", "6.8%to"), is a percent
    r"(?P<pct>[\s-]?(?:" + _alternation(_PERCENT_WORDS) + r"))(?:(?<=%)|(?![A-Za-z]))"
    r"|(?:(?:\s{0,8}|-)(?P<scale>" + _alternation(_SCALES) + r")(?![A-Za-z]))?"
    r"(?:\s+(?P<curword>" + _alternation(_CURRENCY_WORDS) + r")(?![A-Za-z])"
    r"|\s+(?:of\s+)?(?P<count>" + _alternation(_COUNT_UNITS) + r")(?![A-Za-z])"
    # "104.2GW": a unit's symbol glued to its number
    r"|(?P<glued>gwh|mwh|twh|kwh|gw|mw|kw|teu|cgt)(?![A-Za-z]))?"
)
# A count of people or firms with one to three describing words between: "20 million foreign visitors".
DESCRIBED_COUNT = re.compile(
    r"\s+(?:(?!(?:of|in|to|from|for|by|and|or|the|a|an|than|more|less|per|each|worth|at|on|with|as|"
    r"percent|million|billion|thousand|trillion)\b)[A-Za-z][A-Za-z-]*\s+){1,3}"
    r"(?P<count>companies|businesses|firms|enterprises|jobs|visitors|tourists|workers|employees|people|"
    r"households|startups|passengers|vehicles|cars|ships|vessels)\b",
    re.IGNORECASE,
)
_BEFORE_CURRENCY = Caseless(r"(?<![a-z])(?P<cur>" + _alternation(_CURRENCY_SIGNS) + r")\s?(?P<sign>[-+])?$")
_BEFORE_SIGN = re.compile(r"(?:^|[\s(\[:,])(?P<sign>[-+])$")
_BEFORE_QUALIFIER = Caseless(r"(?:^|\W)(?P<q>" + _alternation(QUALIFIERS) + r")\s+(?:a\s+)?$")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MEGATONNES = re.compile(r"\s?Mt(?![A-Za-z])")  # case as written: "MT" may be metric tons
# "1.1 mb/d", "140 kb/d", "9.1 mbpd", "34.6 mb": millions and thousands of barrels (a day), as the oil
# trade abbreviates them, in small letters only ("MB" may be megabytes)
_SCALED_BARRELS = re.compile(r"\s?(?P<scale>mm|m|k)(?:b/d|bpd|b/day|b)(?![A-Za-z/])")
_GAS_VOLUME = re.compile(r"\s?(?P<scale>[BbTt])(?P<kind>cf|cm)(?P<daily>/d|pd)?(?![A-Za-z/])")
_DATE_BEFORE = Caseless(rf"\b(?:{_MONTHS})\.?\s*$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as stated: value in base units, its unit, and where it is."""

    value: float
    unit: str | None  # ISO 4217 code, a count unit, "percent", "percentage points", or None (bare)
    kind: str  # money | count | percent | points | bare | year | day
    start: int  # the whole expression: currency sign to unit word
    end: int
    digits: str  # the number as written ("264.3", "308,000")
    digits_start: int
    qualifier: str | None = None
    signed: str | None = None  # "-" or "+" when the number carries a sign
    scaled: bool = False  # a scale word was stated (million, billion ...)

    @property
    def is_level(self) -> bool:
        return self.kind in ("money", "count")


def normalize(text: str) -> str:
    """Same-length text for parsing: unicode digits to ASCII, minus signs to '-', entities blanked.

    normalize("US&#36;5 and \u0665\u2212") -> "US    $5 and 5-"
    """
    if not text.isascii():
        text = _UNICODE.sub(_ascii_char, text)
    if "&" in text:
        text = _ENTITY.sub(_blank_entity, text)
    return text


_UNICODE = re.compile(r"(?![0-9])\d|[\u2212\ufe63\uff0d\u00a0\u2009\u202f\u2007]")


def _ascii_char(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch.isdecimal():
        return str(unicodedata.decimal(ch, 0))
    return "-" if ch in "\u2212\ufe63\uff0d" else " "


def _blank_entity(match: re.Match[str]) -> str:
    char = html.unescape(match.group(0))
    if len(char) != 1 or char.isspace():
        return " " * len(match.group(0))
    char = normalize(char) if not char.isascii() else char
    return " " * (len(match.group(0)) - 1) + char


def parse_number(token: str) -> float | None:
    """'308,000' -> 308000.0, '2,72,027' -> 272027.0; '1,2,3', '12..5' or '.5' -> None (malformed, never
    guessed)."""
    if not _VALID.fullmatch(token):
        return None
    return float(token.replace(",", ""))


_UNIT_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {word: n for n, word in enumerate(_UNIT_WORDS)} | {
    word: 20 + 10 * n for n, word in enumerate(_TENS_WORDS)
}
_DIGIT_WORD = "|".join(_UNIT_WORDS[:10])
_INTEGER_WORDS = (
    rf"(?:{'|'.join(_TENS_WORDS)})(?:-(?:{'|'.join(_UNIT_WORDS[1:10])}))?|{'|'.join(_UNIT_WORDS)}"
)
# "four percent", "35-point-five billion", "one-point-68 billion": numbers spelled as broadcasters read them
_SPELLED = re.compile(
    rf"(?<![\w-])(?:(?P<int>\d+|{_INTEGER_WORDS})-)?(?(int)point-|point-(?=\w))"
    rf"(?P<frac>\d+|(?:{_DIGIT_WORD})(?:-(?:{_DIGIT_WORD}))*)(?![\w-])"
    rf"|(?<![\w-])(?P<whole>\d+|{_INTEGER_WORDS})(?![\w-])",
    re.IGNORECASE,
)


def _spelled_value(match: re.Match[str]) -> str | None:
    """'35-point-five' -> '35.5', 'point-three' -> '0.3', 'four' -> '4'; None for plain digits (the digit
    scanner reads those)."""
    whole, fraction = (match.group("int") or match.group("whole") or "0").lower(), match.group("frac")
    if whole.isdigit() and fraction is None:
        return None
    if not whole.isdigit():
        parts = whole.split("-")
        whole = str(sum(_WORD_VALUES[part] for part in parts))
    if fraction is None:
        return whole
    fraction = fraction.lower()
    digits = fraction if fraction.isdigit() else "".join(str(_WORD_VALUES[w]) for w in fraction.split("-"))
    return f"{whole}.{digits}"


def _spelled_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Spelled numbers, only where a percent, scale or currency word follows: 'four percent', never
    'one of the' or 'two ships'."""
    found = []
    for match in _SPELLED.finditer(text, start, end):
        token = _spelled_value(match)
        after = _AFTER.match(text, match.end(), end) if token else None
        if after is None or not (after.group("pct") or after.group("scale") or after.group("curword")):
            continue
        quantity = _typed(text, match.start(), match.end(), token, float(token), end)
        if quantity is not None:
            found.append(replace(quantity, digits_start=match.start()))
    return found


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every well-formed number in text[start:end], typed where the text says what it counts.

    `text` should already be `normalize`d. Years and day numbers of dates come back with kind
    'year' and 'day' so callers can skip them; numbers with no unit come back as 'bare'. Numbers
    spelled in words count where a unit word follows them ('four percent', '35-point-five billion').
    """
    end = len(text) if end is None else end
    found: list[Quantity] = []
    worded = text.find("point-", start, end) != -1 or _has_number_word(text, start, end)
    spelled = _spelled_quantities(text, start, end) if worded else []
    spelled += _spaced_quantities(text, start, end) if _SPACED_HINT.search(text, start, end) else []
    taken = [(q.digits_start, q.end) for q in spelled]
    tokens = _TOKEN.finditer(text, start, end)
    if _GLUED_HINT.search(text, start, end):  # rare: "CNY10.3 trillion"
        glued = list(_GLUED_TOKEN.finditer(text, start, end))
        tokens = sorted([*tokens, *glued], key=lambda m: m.start()) if glued else tokens
    for match in tokens:
        if taken and any(a <= match.start() < b for a, b in taken):
            continue
        token = match.group(0).rstrip(".,")
        token_end = match.start() + len(token)
        value = parse_number(token)
        if value is None:
            continue
        quantity = _typed(text, match.start(), token_end, token, value, end)
        if quantity is not None:
            found.append(quantity)
    if spelled:
        found = sorted([*found, *spelled], key=lambda q: q.start)
    if len(found) > 1 and _COMPOUND_HINT.search(text, start, end):
        found = _compounds_joined(text, found)
    return found


# "6 billion 596 million dollars", "1 billion 100 million": one amount told in two scales
_COMPOUND_HINT = Caseless(r"(?:billion|trillion)\s*\d{1,3}\s*million")  # the lowered text: a fast scan
_BETWEEN_SCALES = re.compile(r"\s*")


def _compounds_joined(text: str, found: list[Quantity]) -> list[Quantity]:
    joined: list[Quantity] = []
    for q in found:
        before = joined[-1] if joined else None
        larger = before is not None and before.scaled and before.value >= 1e9 and abs(before.value) % 1e9 == 0
        smaller = q.scaled and 0 < q.value < 1e9 and "." not in q.digits and "," not in q.digits
        if larger and smaller and _BETWEEN_SCALES.fullmatch(text, before.end, q.start):
            unit, kind = (q.unit, q.kind) if q.kind == "money" else (before.unit, before.kind)
            joined[-1] = replace(before, value=before.value + q.value, unit=unit, kind=kind, end=q.end)
            continue
        joined.append(q)
    return joined


# "EUR 2 204.2 billion", "€1 961.6 billion": thousands grouped by spaces, as European releases write money;
# "43 485 units": a count grouped so; "0,7%": a decimal comma before a percent (a comma before one or two
# digits groups no thousands)
_SPACED_HINT = re.compile(r"\d \d{3}|\d,\d\d?%|\d,\d\d? per")
_SPACED = re.compile(
    r"(?<=[€$£¥₩])\s?(?P<n>\d{1,3}(?: \d{3})+(?:\.\d+)?)(?![\d,])"
    r"|(?<=EUR )(?P<c>\d{1,3}(?: \d{3})+(?:\.\d+)?)(?![\d,])"
    r"|(?<![\d.,])(?P<u>\d{1,3}(?: \d{3})+)(?= [a-z])"
    r"|(?<![\d.,])(?P<d>\d{1,3},\d\d?)(?=%| ?per ?cent)"
)


def _spaced_quantities(text: str, start: int, end: int) -> list[Quantity]:
    found = []
    for match in _SPACED.finditer(text, start, end):
        group = match.lastgroup
        token = match.group(group).replace(" ", "").replace(",", ".")
        quantity = _typed(text, match.start(group), match.end(group), token, float(token), end)
        if quantity is not None and (group != "u" or quantity.kind == "count"):
            found.append(quantity)
    return found


_UNIT_AFTER_WORDS = ("percent", "per cent", "billion", "million", "trillion")
_WORD_BEFORE = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)*)[\s-]$")


def _has_number_word(text: str, start: int, end: int) -> bool:
    """Whether a spelled number stands before a unit word in text[start:end] ('four percent'): the unit
    words are found by plain search, and only the word before each is looked at."""
    for unit in _UNIT_AFTER_WORDS:
        at = text.find(unit, start, end)
        while at != -1:
            # "5.2 percent": a digit before the unit is the common case and needs no look
            spelled = at >= 2 and not text[at - 2].isdigit()
            before = _WORD_BEFORE.search(text, max(start, at - 24), at) if spelled else None
            if before and all(part.lower() in _WORD_VALUES for part in before.group(1).split("-")):
                return True
            at = text.find(unit, at + len(unit), end)
    return False


def _typed(text: str, at: int, token_end: int, token: str, value: float, limit: int) -> Quantity | None:
    after = _AFTER.match(text, token_end, limit)
    if token_end < limit and text[token_end].isalpha() and (after is None or after.end() == token_end):
        return None  # "3Q", "5G", "R2D2": part of a word, not a figure
    before = text[max(0, at - 12) : at]
    currency = _BEFORE_CURRENCY.search(before)
    sign = None
    left = at
    if currency:
        sign = currency.group("sign")
        left = at - len(currency.group(0))
        if left > 0 and text[left - 1].isalnum() and currency.group("cur").isalpha():
            currency = None  # "ABCUSD5": not a currency code
            left = at
    # A sign is the last character before the digits (or the one before a final newline).
    if currency is None and ("-" in before[-2:] or "+" in before[-2:]):
        signed = _BEFORE_SIGN.search(before)
        if signed:
            sign = signed.group("sign")
            left = at - 1
    words_before = text[max(0, left - 24) : left]
    # A qualifier is followed by a space: "about 5", "more than a 10".
    qualifier_match = _BEFORE_QUALIFIER.search(words_before) if words_before[-1:].isspace() else None
    qualifier = qualifier_match.group("q").lower() if qualifier_match else None
    if sign == "-":
        value = -value
    scale_word = after.group("scale") if after and after.group("scale") else None
    right = after.end() if after else token_end
    if after and after.group("pct"):
        unit = _PERCENT_WORDS[after.group("pct").strip(" -").lower()]
        kind = "percent" if unit == "percent" else "points"
        return Quantity(value, unit, kind, left, right, token, at, qualifier, sign)
    scale = 1.0
    if scale_word:
        lowered = scale_word.lower()
        # One-letter scales only right after the digits, and only for money or a count: "$5b", "$3m",
        # "6.65m tonnes"; never "5m" alone (metres) or "5 m".
        glued = text[token_end] != " "
        if len(lowered) == 1 and not (glued and (currency is not None or after.group("count"))):
            right = token_end
        else:
            scale = _SCALES[lowered]
    if scale != 1.0:
        value = float(Decimal(token.replace(",", "")) * Decimal(int(scale))) * (-1 if sign == "-" else 1)
    scaled = scale != 1.0
    curword = after.group("curword") if after else None
    count = (after.group("count") or after.group("glued")) if after else None
    if currency is not None and currency.group("cur").lower() in _SCALED_ONLY and not scaled:
        currency = None  # "N95 masks", "Sh" of a word: no money without its scale
        left = at
    elif currency is not None and currency.group("cur").lower() in _CAPITALS_ONLY:
        written = text[left : left + len(currency.group("cur"))]
        if not written.isupper():
            currency = None  # "try 5 times"
            left = at
    if currency is not None or curword:
        code = (
            _CURRENCY_SIGNS[currency.group("cur").lower()] if currency else _CURRENCY_WORDS[curword.lower()]
        )
        return Quantity(value, code, "money", left, right, token, at, qualifier, sign, scaled)
    if count == "mt" and not text.startswith("mt", after.start("count")):
        count = None  # "73.4 Mt" is a megatonne (read below), "86.7 MT" as the release defines it
    if count:
        return Quantity(
            value, _COUNT_UNITS[count.lower()], "count", left, right, token, at, qualifier, sign, scaled
        )
    barrels = None
    if not scaled and "b" in text[token_end : token_end + 4]:
        barrels = _SCALED_BARRELS.match(text, token_end, limit)
    if barrels:
        factor = 1_000 if barrels.group("scale") == "k" else 1_000_000
        value = float(Decimal(token.replace(",", "")) * factor) * (-1 if sign == "-" else 1)
        stock = barrels.group(0).rstrip().endswith(("mb", "kb"))  # "34.6 mb" of stocks; "1.1 mb/d" a flow
        unit = "barrels" if stock else "barrels per day"
        return Quantity(value, unit, "count", left, barrels.end(), token, at, qualifier, sign, True)
    gassy = not scaled and "c" in text[token_end : token_end + 5]
    gas = _GAS_VOLUME.match(text, token_end, limit) if gassy else None
    if gas:  # "12.9 Bcf/d", "110 bcm": the gas trade's billions of cubic feet (a day) and of cubic meters
        factor = 1_000_000_000_000 if gas.group("scale").lower() == "t" else 1_000_000_000
        value = float(Decimal(token.replace(",", "")) * factor) * (-1 if sign == "-" else 1)
        feet = "cubic feet per day" if gas.group("daily") else "cubic feet"
        unit = "cubic meters" if gas.group("kind").lower() == "cm" else feet
        return Quantity(value, unit, "count", left, gas.end(), token, at, qualifier, sign, True)
    hinted = not scaled and "Mt" in text[token_end : token_end + 3]
    megatonnes = _MEGATONNES.match(text, token_end, limit) if hinted else None
    if megatonnes:  # "73.4 Mt": the SI symbol, written so, is a million tonnes
        value = float(Decimal(token.replace(",", "")) * 1_000_000) * (-1 if sign == "-" else 1)
        return Quantity(value, "tons", "count", left, megatonnes.end(), token, at, qualifier, sign, True)
    kind = "bare"
    if not scaled and "," not in token and "." not in token:
        if len(token) == 4 and 1900 <= value <= 2100:
            kind = "year"
        elif len(token) <= 2 and _DATE_BEFORE.search(text[max(0, at - 12) : at]):
            kind = "day"
    if kind == "bare" and ("." not in token or scaled):  # "9.86 million new cars", not "1.5 new ..."
        described = DESCRIBED_COUNT.match(text, right if scaled else token_end, limit)
        if described:  # "20 million foreign visitors", "1,400 Australian businesses"
            unit = _COUNT_UNITS[described.group("count").lower()]
            end = right if scaled else token_end
            return Quantity(value, unit, "count", left, end, token, at, qualifier, sign, scaled)
    return Quantity(
        value, None, kind, left, right if scaled else token_end, token, at, qualifier, sign, scaled
    )
