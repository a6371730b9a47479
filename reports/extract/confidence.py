"""How far a figure can be trusted: `confidence` "high" or "low", with the reasons (`doubts`).

A figure is high confidence when the extractor read every part of it from the text by a rule it trusts:
a subject that names a measured thing, a period stated in the sentence or carried from a sentence that
stated it, and a unit written beside the number. Each doubt is a short reason an analyst can act on
("subject guessed", "period from the release date", "unit inferred"); the briefing puts only
high-confidence figures on the cover and in charts (DESIGN.md, "Records").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from reports.extract import grammar as g
from reports.extract.text import word_lists
from reports.periods import valid_figure_period
from reports.records import Metric


def N_(message: str) -> str:
    """Marks a doubt for the translation catalogs (`pybabel extract`, README "Translations"): a doubt is
    stored and printed in English, and the briefing shows it in its locale."""
    return message


# The doubts, short reasons an analyst reads beside a low-confidence figure ("unverified: ...").
NO_SUBJECT = N_("no subject in the text")
VAGUE_SUBJECT = N_("subject guessed")
NO_MEASURE = N_("subject names no measured thing")
CLAUSE_SUBJECT = N_("subject reads like a clause")
RELEASE_DATE_PERIOD = N_("period from the release date")
INVALID_PERIOD = N_("period cannot exist")
UNIT_INFERRED = N_("unit inferred")
PERCENT_LEVEL = N_("a percentage that names no share or rate")
SAME_SUBJECT_TWICE = N_("another value for the same subject and period")  # set on the whole release
SUBJECT_CARRIED = N_("subject from an earlier sentence")
SUBJECT_OF_NEIGHBOUR = N_("subject from the figure before")
CHANGE_APART = N_("change and level read apart")  # set on the whole release
COMPARED_PERIOD = N_("period of a compared level guessed")
FISCAL_PERIOD = N_("fiscal period read as a calendar one")  # fiscal years start in April, July or October

# Notes the extractor leaves on a figure (`Evidence.notes`) that are no doubt by themselves:
FALLBACK = "named by the last rule"  # no rule of the clause named the subject; the last one did
FISCAL_READ = "fiscal period of a known economy"  # "Q2 FY2025" in an Indian release: its own months

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SHARE_OF = re.compile(r"\bshare\s+of\s+(?P<whole>.+)$", re.IGNORECASE)
# "imports from the country": which country, the clause does not say
_POINTED_PLACE = re.compile(
    r"\b(?:from|to|with|in)\s+the\s+(?:country|nation|region|economy|bloc|market)\b", re.I
)
# "last month orders", "exports year-on-year", "H1 figure": words of a period or a basis read as the name
_TIME_IN_SUBJECT = re.compile(
    r"\b(?:(?:last|this|next)\s+(?:month|year|quarter|week)|H[12]|Q[1-4]|year-on-year|on-year|month-on-month)\b"
)
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # "won-denominated", "year-to-date": no verb inside
# "down from $8.21 billion the previous month", "the previous record of 168.4 million barrels set a year
# earlier": the words after a level say it is for an earlier period than the sentence's
_EARLIER_AFTER = g.Caseless(
    r"(?:(?!\b(?:from|than|compared|versus|against|over|on)\b)[^\d.;:]){0,40}?"  # no basis: "up 5% from ..."
    r"\b(?:(?:the\s+)?(?:previous|preceding|prior)\s+(?:month|quarter|year|period)|"
    r"(?:an?|the)\s+(?:year|month|quarter)\s+(?:earlier|ago|before|previously|prior)|the\s+(?:month|year)\s+before)\b"
)
_EARLIER_HINT = g.Caseless(r"previous|preceding|prior|earlier|ago|before")
_WRAPPERS = re.compile(r"^(?:change\s+in\s+)|\s+(?:share(?:\s+of\s+.*)?|\(.*\))$", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    vague: frozenset[str]
    pointing: frozenset[str]
    max_subject_words: int
    rates: re.Pattern[str]
    measures: frozenset[str]
    dangling: frozenset[str]
    bare: frozenset[str]


@cache
def _words() -> _Words:
    data = word_lists("confidence_words.toml")
    rates = re.compile(r"\b(?:" + "|".join(map(re.escape, data["rate_words"])) + r")", re.IGNORECASE)
    return _Words(
        frozenset(w.lower() for w in data["vague_subjects"]),
        frozenset(w.lower() for w in data["pointing_words"]),
        int(data["max_subject_words"]),
        rates,
        frozenset(w.lower() for w in data["measure_words"]),
        frozenset(w.lower() for w in data["dangling_words"]),
        frozenset(w.lower() for w in data["bare_measures"]),
    )





@dataclass(frozen=True)
class Evidence:
    """What the extractor knows about how it read one figure."""

    subject: str
    subject_found: bool  # False: no rule named the subject ("figure" stands in)
    period: str | None
    period_source: str  # stated | carried | derived | release date
    unit_stated: bool  # the unit is written beside the number (or the figure is a change or a share)
    catalogued: bool  # the subject is a catalog metric
    percent_level: bool = False  # the figure is a percentage read as a level, not as a change
    # How the extractor found its parts, where that is a reason for doubt: SUBJECT_CARRIED (the clause
    # named nothing, so the subject of an earlier sentence stood in: a doubt even where a later rule
    # renamed the figure, as such figures are right less than half the time on real text),
    # SUBJECT_OF_NEIGHBOUR (the figure before it in the sentence lent its subject), a doubt only with
    # FALLBACK, set when that subject is the one the figure kept.
    notes: frozenset[str] = frozenset()
    sentence: str = ""  # the sentence the figure is read from
    change_only: bool = False  # the figure is a change stated without a level
    at: tuple[int, int] = (0, 0)  # where its number stands in the sentence


def doubts_of(evidence: Evidence) -> tuple[str, ...]:
    """The reasons to doubt a figure, most serious first; none means high confidence."""
    doubts = [*_subject_doubts(evidence)]
    if evidence.period is not None and not valid_figure_period(evidence.period):
        doubts.append(INVALID_PERIOD)
    elif evidence.period_source == "release date":
        doubts.append(RELEASE_DATE_PERIOD)
    elif _compared_period_guessed(evidence):
        doubts.append(COMPARED_PERIOD)
    elif FISCAL_READ not in evidence.notes and _CALENDAR.fullmatch(evidence.period or "") and _fiscal(
        evidence.sentence
    ):
        doubts.append(FISCAL_PERIOD)  # "in Q2 FY2025", "in fiscal 2023": whose fiscal year is not said
    if not evidence.unit_stated:
        doubts.append(UNIT_INFERRED)
    if evidence.percent_level and not _words().rates.search(evidence.subject):
        doubts.append(PERCENT_LEVEL)  # "chips and ships rose 30.2 and 15.6 percent": the 15.6 is a change
    return tuple(doubts)


_CALENDAR = re.compile(r"\d{4}(?:-[QH]\d)?")  # a calendar year, quarter or half, not a span of months
# "fiscal 2023", "the fiscal year", "Q2 FY2025", "the 2023-24 financial year"; not "the fiscal deficit"
_FISCAL = re.compile(r"\b(?:[Ff]iscal\s+(?:year|quarter|half|(?:19|20)\d\d)|FY\s?'?\d|[Ff]inancial\s+year)")


def _fiscal(sentence: str) -> bool:
    """Does the sentence name a fiscal period ('fiscal 2023', 'FY2025', 'the 2023-24 financial year')?"""
    hinted = "iscal" in sentence or "FY" in sentence or "inancial year" in sentence
    return hinted and _FISCAL.search(sentence) is not None


def _compared_period_guessed(evidence: Evidence) -> bool:
    """A level the words after it place in an earlier period, whose period was not shifted back from the
    sentence's ('derived'): it was given the sentence's own period, or a relative one read alone."""
    start, end = evidence.at
    if not evidence.sentence or end <= start or evidence.period_source == "derived" or evidence.change_only:
        return False
    window = evidence.sentence[end : end + 60]
    if not _EARLIER_HINT.search(window):
        return False  # most levels: no word of an earlier time after them
    return _EARLIER_AFTER.match(window) is not None


def _subject_doubts(evidence: Evidence) -> list[str]:
    if not evidence.subject_found:
        return [NO_SUBJECT]
    doubt = _subject_doubt(evidence.subject, evidence.catalogued)
    if doubt is None and SUBJECT_CARRIED in evidence.notes:
        doubt = SUBJECT_CARRIED  # the clause named nothing: an earlier sentence's subject stands in
    if doubt is None and FALLBACK in evidence.notes and SUBJECT_OF_NEIGHBOUR in evidence.notes:
        doubt = SUBJECT_OF_NEIGHBOUR
    return [doubt] if doubt else []


@lru_cache(maxsize=4096)
def _subject_doubt(subject: str, catalogued: bool) -> str | None:
    words = _WORD.findall(g.REST_OF_WORLD.sub("elsewhere", subject))
    total_of = len(words) > 1 and words[0].lower() == "total" and _names_a_measure(" ".join(words[1:]))
    if not words or (words[0].lower() in _words().vague and not total_of):  # "total exports" names them
        return VAGUE_SUBJECT
    if any(word.lower() in _words().pointing for word in words):
        return VAGUE_SUBJECT  # "surplus in this segment": what it points at is elsewhere
    if _POINTED_PLACE.search(subject) or _TIME_IN_SUBJECT.search(subject):
        return VAGUE_SUBJECT  # "imports from the country", "last month orders": a place or time left unnamed
    named = words[2:] if len(words) == 3 and f"{words[0]} {words[1]}".lower() == "change in" else words
    if len(named) == 1 and bare_measure(named[0]):
        return VAGUE_SUBJECT  # "sales", "orders": of what, the clause does not say
    # "net exports contribution to the drop in output": the move it is part of is no verb of the name
    named_part = subject.partition("contribution to ")[0] if "contribution to " in subject else subject
    if len(words) > _words().max_subject_words or g.VERB.search(_HYPHENATED.sub(" ", named_part)):
        return CLAUSE_SUBJECT
    if words[-1].lower() in _words().dangling:
        return CLAUSE_SUBJECT  # "current account surplus nearly"
    share = _SHARE_OF.search(subject)  # a share names its measure by its whole: "... share of sales"
    measured = share.group("whole") if share else _WRAPPERS.sub("", subject).strip()
    if not catalogued and not _names_a_measure(measured):
        return NO_MEASURE
    return None


def bare_measure(subject: str) -> bool:
    """Is the subject a measure alone that leaves out what was sold or made ('sales', 'orders')?"""
    return subject.lower() in _words().bare


@cache
def _head_anywhere() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{g.alternation(g.HEADS)})\b", re.IGNORECASE)


def _names_a_measure(subject: str) -> bool:
    """Does the subject hold a measured head ('exports', 'trade surplus', 'output') anywhere in it?
    'exports to China' and 'automobile production in Mexico' do; 'passenger automobiles' does not."""
    if _head_anywhere().search(subject) is not None:
        return True
    return any(word.lower() in _words().measures for word in _WORD.findall(subject))


def reviewed(metrics: list[Metric]) -> list[Metric]:
    """The doubts only the whole release shows, added to its figures."""
    if SAME_SUBJECT_TWICE in {d for m in metrics for d in m.doubts}:
        metrics = _conflicts_settled(metrics)
    apart = _changes_apart(metrics) if any(m.value is None for m in metrics) else set()
    if not apart:
        return metrics
    return [
        replace(m, confidence="low", doubts=(*m.doubts, CHANGE_APART)) if n in apart else m
        for n, m in enumerate(metrics)
    ]


def _changes_apart(metrics: list[Metric]) -> set[int]:
    """A change stated alone and a level of the same subject and period that has none ('Exports fell 6.1
    percent in January.' ... 'Exports came to $43.4 billion last month.'), or a change in percentage
    points beside a share without one: the extractor read apart what is one figure (or gave the change
    the wrong subject). Both are doubted. Two lone changes of one subject in one sentence are a range
    ('to grow between 3 and 4 percent'), not a lost part."""
    lone: dict[tuple, list[int]] = {}
    bare: dict[tuple, list[int]] = {}
    shares: dict[tuple, list[int]] = {}
    for n, m in enumerate(metrics):
        subject = m.subject.casefold()
        if m.value is None and m.change is not None and m.change.unit == "percent":
            lone.setdefault((subject, m.period), []).append(n)
        elif m.value is None and m.change is not None and m.change.unit == "percentage points":
            shares.setdefault(m.span, []).append(n)
        elif m.value is not None and m.unit != "percent" and m.change is None:
            bare.setdefault((subject, m.period), []).append(n)
    apart: set[int] = set()
    for key, changes in lone.items():
        spans = Counter(metrics[n].span for n in changes)
        if key in bare and max(spans.values()) == 1:
            apart.update(changes)
            apart.update(bare[key])
    for n, m in enumerate(metrics):  # a level that took one of two alike changes: the pick may be wrong
        if m.value is not None and m.change is not None and m.change.unit == "percent":
            alike = [c for c in lone.get((m.subject.casefold(), m.period), ())
                     if metrics[c].change.basis == m.change.basis]
            if alike:
                apart.update((n, *alike))
    for span, changes in shares.items():
        levels = [
            n
            for n, m in enumerate(metrics)
            if m.span == span and m.unit == "percent" and m.value is not None and m.change is None
        ]
        if len(changes) == 1 and levels:
            apart.update(changes)
            apart.update(levels)
    return apart


def _conflicts_settled(metrics: list[Metric]) -> list[Metric]:
    """Of two values for one subject, unit and period, the one read without any other doubt is kept high
    when the other has one: that other is the figure whose subject went astray."""
    groups: dict[tuple, list[int]] = {}
    for n, m in enumerate(metrics):
        if SAME_SUBJECT_TWICE in m.doubts:
            groups.setdefault((m.subject.casefold(), m.unit, m.period), []).append(n)
    settled = list(metrics)
    for pair in groups.values():
        clean = [n for n in pair if metrics[n].doubts == (SAME_SUBJECT_TWICE,)]
        if len(clean) == 1:
            settled[clean[0]] = replace(metrics[clean[0]], confidence="high", doubts=())
    return settled
