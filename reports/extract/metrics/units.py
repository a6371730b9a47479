"""The numbers seam: a quantity's unit and currency as the release states it (its own dollar, units it
abbreviates, a bare number's unit from its list or count phrase), ranges, thresholds and restatements."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache

from reports.extract import grammar as g
from reports.extract.catalog import dollar_economies
from reports.extract.grammar import Caseless
from reports.extract.metrics.clauses import _WORD
from reports.extract.metrics.model import _Context
from reports.extract.metrics.words import words
from reports.extract.numbers import Quantity

# The verbs that state a count's change by an amount: "rose by 193,000", "jobs fell by 2,100".
_BY_VERBS = r"(?:rose|fell|increased|decreased|declined|dropped|grew|gained|lost|added|shed)"
_BARE_CHANGE = Caseless(rf"(?:,\s*|\()(?:up|down)\s+(?:by\s+)?$|\b{_BY_VERBS}\s+by\s+$")


_COUNT_WORDS = words().count_units


@cache
def _number_of_pattern() -> Caseless:
    return Caseless(
        rf"\b(?:number|total)\s+of\s+(?:[\w-]+\s+){{0,3}}?(?P<unit>{g.alternation(_COUNT_WORDS)})\b"
        r"(?:(?!\d)[^.;])*?\b(?:stood\s+at|was|were|reached|totaled|totalled|came\s+to|hit|rose\s+to|fell\s+to)\s+"
        r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
        rf"|\b(?P<unit2>{g.alternation(_COUNT_WORDS)})\b[^.;\d]{{0,40}}?\b{_BY_VERBS}\s+by\s+$"
    )


@cache
def _counted_subject_pattern() -> Caseless:
    """The things counted as the clause's subject, right before its level verb."""
    return Caseless(
        rf"\b(?P<unit>{g.alternation(_COUNT_WORDS)})\s+"
        r"(?:(?:sold|produced|exported|registered|delivered|built|shipped)\b[^.;$€£¥₩%]{0,40}?\s)?"
        r"(?:reached|totaled|totalled|came\s+to|stood\s+at|numbered|amounted\s+to)\s+"
        r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+|some\s+)?$"
    )


@cache
def _counted_after_pattern() -> Caseless:
    """The things a bare count is of, named after it: '1,662,399 for new battery-electric cars'."""
    return Caseless(rf"\s+for\s+(?P<goods>(?:[\w-]+\s+){{0,3}}?(?P<unit>{g.alternation(_COUNT_WORDS)}))\b")


@cache
def _counted_changed_to_pattern() -> Caseless:
    """The things counted, named before the change that takes them to a bare level."""
    return Caseless(
        rf"\b(?P<unit>{g.alternation(_COUNT_WORDS)})\b[^.;$€£¥₩]{{0,60}}?\b(?:{g.alternation(g.CHANGE_VERBS)})\b"
        r"[^.;$€£¥₩]{0,30}?\bto\s+(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+|some\s+)?$"
    )


# what may follow a bare level for it to be the count itself, not a count of something else ("to 120
# countries")
_ENDS_A_COUNT = re.compile(
    r"\s*(?:[.,;)]|$|(?:in|on|during|for|from|last|this|compared|versus|against|a|as)\b)"
)

_PEOPLE_WORDS = words().people_words


@cache
def _people_before_pattern() -> Caseless:
    return Caseless(
        r"\b(?P<who>visitors?|tourists?|travell?ers|passengers?|arrivals)\b"
        # a modifier of the thing counted is not who is counted: "passenger cars reached 6.47 million"
        r"(?!\s+(?:cars?|vehicles?|jets?|planes?|aircraft|ships?|vessels?|trains?|buses)\b)[^.;\d$€£¥₩]{0,60}?\b(?:numbered|reached|"
        r"totaled|totalled|came\s+to|stood\s+at|hit|rose\s+to|fell\s+to|topped|exceeded|was|were)\s+"
        r"(?:an?\s+(?:all-time|record|new)\s+(?:high|peak)\s+of\s+|a\s+record\s+)?"
        r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
    )


# r"\bUS\$|\bU\.S\.\s?\$|\bUSD\b|..." spelled "U(?<=\bU)(?:S\$|...)", so that the engine skips to the U's
_US_DOLLAR = re.compile(r"U(?<=\bU)(?:S\$|\.S\.\s?\$|SD\b|\.?S\.? dollars?\b|S dollars?\b)")


_DOLLAR_CODES = words().dollar_codes
# "C$", "NZ$": the dollars of metric_words.toml's dollar codes
_OWN_DOLLAR = re.compile(rf"(?<![A-Za-z])({g.alternation(_DOLLAR_CODES)})\$")
_OWN_DOLLAR_SIGNS = tuple(f"{code}$" for code in _DOLLAR_CODES)  # one is in every match: a cheap test first


def _local_dollar(text: str) -> str | None:
    """A release that writes its figures as 'C$65.0 billion' (one such dollar, and never US$ or USD) means
    the same dollar by a bare '$0.4 billion': Canadian, Australian ... statements drop the letter."""
    if "$" not in text or not any(sign in text for sign in _OWN_DOLLAR_SIGNS):
        return None
    codes = {_DOLLAR_CODES[m.group(1)] for m in _OWN_DOLLAR.finditer(text)}
    if len(codes) != 1 or _US_DOLLAR.search(text):
        return None
    return codes.pop()


_EXCHANGE_RATE = re.compile(
    r"\(\s*(?:US|U\.S\.\s?)?\$\s?1\s*=\s*[^()]{1,30}\)|\(\s*1\s+(?:USD|dollar)\s*=[^()]{1,30}\)"
)


# "512.3 billion yen ($3.41 billion)", "326.18 billion yuan, or about 51.85 billion U.S. dollars"
_IN_BRACKETS_AFTER = re.compile(
    r"\s*\(\s*(?:about|around|or|approximately|some)?\s*$"
    r"|\s*,\s*or\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|some\s+)?$"
)


def _without_restatements(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """An exchange rate ('($1 = 150.2 yen)') is no figure, and neither is a level restated in another
    currency in brackets ('512.3 billion yen ($3.41 billion)') or after ', or about': the figure is stated
    once."""
    if "(" not in sentence and ", or " not in sentence:
        return quantities
    rates = [m.span() for m in _EXCHANGE_RATE.finditer(sentence)] if "=" in sentence else []
    kept: list[Quantity] = []
    for q in quantities:
        if any(start <= q.start < end for start, end in rates):
            continue
        before = kept[-1] if kept else None
        if (
            before is not None
            and q.kind == "money"
            and before.kind == "money"
            and before.unit != q.unit
            and _IN_BRACKETS_AFTER.fullmatch(sentence, before.end, q.start)
        ):
            continue
        kept.append(q)
    return kept


_UNIT_ABBREVIATION = re.compile(r"\s*\(\s*(?P<abbr>[A-Za-z]{1,5})\s*\)")


def _learn_abbreviations(sentence: str, quantities: list[Quantity], context: _Context) -> None:
    """'928.3 million tonnes (MT)': later bare 'MT' figures of the release are millions of tonnes."""
    if "(" not in sentence:
        return
    for q in quantities:
        if q.kind != "count" or not q.scaled or q.unit is None or q.digits_start >= q.end:
            continue
        named = _UNIT_ABBREVIATION.match(sentence, q.end)
        number = float(q.digits.replace(",", "")) if named else 0.0
        if not named or not number:
            continue
        abbreviation = named.group("abbr")
        words = _WORD.findall(sentence[q.digits_start + len(q.digits) : q.end])
        initials = "".join(word[0] for word in words).upper()
        letters = abbreviation.upper().rstrip("S") if len(abbreviation) > 2 else abbreviation.upper()
        if letters == initials:  # "million tonnes (MT)": the scale is part of the abbreviation
            scale = 10.0 ** round(math.log10(q.value / number))  # a power of ten, not 999,999.99...
            context.units_named[abbreviation] = (scale, q.unit)
        elif letters == initials[1:]:  # "million compensated gross tons (CGTs)": the unit alone
            context.units_named[abbreviation] = (1.0, q.unit)


def _as_named_unit(sentence: str, q: Quantity, named: dict[str, tuple[float, str]]) -> Quantity:
    if q.kind != "bare" or q.scaled:
        return q  # "1.16 million CGT" states its own scale
    word = _WORD.match(sentence, q.end + 1) if sentence[q.end : q.end + 1] == " " else None
    if word is None or word.group(0) not in named:
        return q
    scale, unit = named[word.group(0)]
    return replace(q, value=q.value * scale, unit=unit, kind="count", end=word.end(), scaled=True)


def _economy_dollar(title: str, text: str) -> str | None:
    """The dollar of the one dollar economy a release's title (or its opening) is about, when its figures
    are bare '$' and it never writes US$ or USD: 'International Trade, Australia' -> AUD."""
    if "$" not in text or _US_DOLLAR.search(text) or _OWN_DOLLAR.search(text):
        return None
    opening = f"{title} {text[:200]}"
    codes = {
        code
        for pattern, code in dollar_economies()
        for found in pattern.finditer(opening)
        if not _PARTNER_BEFORE.search(opening, max(0, found.start() - 24), found.start())
        and _NAMING_AFTER.match(opening, found.end())
    }
    return codes.pop() if len(codes) == 1 else None


# "Canada's exports", "Australian goods", "Statistics Canada reported", "Merchandise trade, New Zealand,": a
# name the words go on from; "What about Canada?" ends its clause on the name, an object, not the reporter
_NAMING_AFTER = re.compile(r"['’]s\b|,|\s+[A-Za-z]")
# "exports to Hong Kong", "trade with Canada", "which includes Hong Kong": a partner, not the reporter
_PARTNER_BEFORE = re.compile(
    r"\b(?:to|from|with|and|including|includes|include|included|via|than|versus|against|into|toward|towards)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def _as_local_dollar(sentence: str, q: Quantity, code: str) -> Quantity:
    if q.unit == "USD" and sentence[q.start : q.digits_start].strip(" -+") == "$":
        return replace(q, unit=code)
    return q


def _qualifier(q: Quantity) -> str | None:
    return q.qualifier


_RANGE_GAP = re.compile(r"\s*(?:to|and|-|–|—)\s*")


_BETWEEN = re.compile(r"\bbetween\s+(?:[$€£¥₩]|US\$|USD\s|KRW\s)?$", re.I)


def _ranges(sentence: str, quantities: list[Quantity]) -> tuple[list[Quantity], dict[int, int]]:
    """'between 3 and 4 percent', '10 to 12 percent', 'between $95 billion and $100 billion': the first
    end takes the unit (and scale) of the second; returns the quantities and {second index: first index}."""
    typed = list(quantities)
    pairs: dict[int, int] = {}
    for n in range(len(typed) - 1):
        first, second = typed[n], typed[n + 1]
        shared = first.kind == "money" and not first.scaled and second.kind == "bare" and second.scaled
        if shared and _RANGE_GAP.fullmatch(sentence[first.end : second.start]) and "and" not in sentence[
            first.end : second.start
        ]:  # "US$540-550 billion": the currency of the first end, the scale of the second, for both
            number = float(second.digits.replace(",", "") or 0) or 1.0
            scale = abs(second.value) / number
            typed[n] = replace(first, value=first.value * scale, scaled=True)
            typed[n + 1] = replace(second, unit=first.unit, kind="money")
            pairs[n + 1] = n
            continue
        if second.kind in ("bare", "year", "day") or first.kind in ("year", "day"):
            continue
        gap = sentence[first.end : second.start]
        if not _RANGE_GAP.fullmatch(gap):
            continue
        between = _BETWEEN.search(sentence, max(0, first.start - 12), first.start)
        if gap.strip() == "and" and not between:
            continue
        if first.kind == "bare":
            number = float(second.digits.replace(",", "") or 0) or 1.0
            scale = abs(second.value) / number if second.scaled else 1.0
            first = replace(first, value=first.value * scale, unit=second.unit, kind=second.kind)
            typed[n] = first
        elif first.unit != second.unit:
            continue
        pairs[n + 1] = n
    return typed, pairs


def _named_unit(sentence: str, q: Quantity, context_unit: str | None) -> Quantity | None:
    """'The number of certified venture companies stood at 41,200' -> companies; 'Manufacturing jobs fell by
    51,000' -> jobs; a change 'by' a bare number after the release stated a count takes that count's unit."""
    before = sentence[max(0, q.start - 120) : q.start]
    lowered = before.lower()
    people = _people_before_pattern().search(before) if any(w in lowered for w in _PEOPLE_WORDS) else None
    if people:  # "Visitors from Chile numbered 2.1 million", "arrivals reached a record 9.5 million"
        word = people.group("who").lower()
        return replace(q, unit="passengers" if word.startswith("passenger") else "visitors", kind="count")
    counted = _counted_subject_pattern().search(before)
    if counted:  # "NEV passenger cars reached 6.47 million", "vehicles sold in May totaled 152,000"
        return replace(q, unit=_COUNT_WORDS[counted.group("unit").lower()], kind="count")
    counted_after = _counted_after_pattern().match(sentence, q.end)
    if counted_after and (q.scaled or "," in q.digits):  # "registrations totaled 1,662,399 for new BEVs"
        return replace(q, unit=_COUNT_WORDS[counted_after.group("unit").lower()], kind="count")
    counted = _counted_changed_to_pattern().search(before)
    # "Sales of trucks rose 20 percent to 150,000 in May"
    if counted and _ENDS_A_COUNT.match(sentence, q.end):
        return replace(q, unit=_COUNT_WORDS[counted.group("unit").lower()], kind="count")
    if q.scaled or "." in q.digits:
        return None
    named = _number_of_pattern().search(before)
    if named:
        word = named.group("unit") or named.group("unit2")
        return replace(q, unit=_COUNT_WORDS[word.lower()], kind="count")
    if context_unit and _BARE_CHANGE.search(sentence, max(0, q.start - 25), q.start):
        return replace(q, unit=context_unit, kind="count")
    return None


_BARE_COMPARED = re.compile(
    r"\b(?:compared\s+(?:to|with)|versus|against)\s+(?:just\s+|only\s+|about\s+)?$", re.I
)


def _list_inherited(sentence: str, q: Quantity, last: Quantity | None) -> Quantity | None:
    """'(270,000)' after 'the Trax (308,000 units)': a bare number in a list takes the list's unit;
    '29.04 million jobs, up 193,000': a change by a bare number takes the level's unit."""
    if (
        last is not None
        and last.kind == "count"
        and (
            _BARE_CHANGE.search(sentence, max(0, q.start - 25), q.start)
            # "27,285 new vehicles, compared to just 7,855 in the same month": the count compared with
            or _BARE_COMPARED.search(sentence, max(0, q.start - 30), q.start)
        )
    ):
        return replace(q, unit=last.unit, kind=last.kind)
    if last is None or last.kind not in ("money", "count") or (last.scaled and not q.scaled):
        return None
    before = sentence[max(0, q.start - 2) : q.start]
    after = sentence[q.end : q.end + 2]
    if "(" not in before or not after.lstrip().startswith(")"):
        return None
    return replace(q, unit=last.unit, kind=last.kind)


def _is_threshold(sentence: str, q: Quantity) -> bool:
    """'surpassed the $30 billion mark', 'remaining above 4.0 million units for the third straight year'."""
    before = sentence[max(0, q.start - 30) : q.start]
    if q.qualifier in ("above", "over", "below", "under"):
        before = before[: before.lower().rfind(q.qualifier)]
    if not g.THRESHOLD_BEFORE.search(before) and q.qualifier not in ("above", "below"):
        return False
    return bool(g.THRESHOLD_AFTER.match(sentence, q.end) or g.THRESHOLD_CONTEXT.search(sentence))
