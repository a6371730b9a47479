"""How far a figure can be trusted: `confidence` "high" or "low", with the reasons (`doubts`).

A figure is high confidence when the extractor read every part of it from the text by a rule it trusts:
a subject that names a measured thing, a period stated in the sentence or carried from a sentence that
stated it, and a unit written beside the number. Each doubt is a short reason an analyst can act on
("subject guessed", "period from the release date", "unit inferred"); the briefing puts only
high-confidence figures on the cover and in charts (DESIGN.md, "Records").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from reports.extract import grammar as g
from reports.periods import valid_figure_period

NO_SUBJECT = "no subject in the text"
VAGUE_SUBJECT = "subject guessed"
NO_MEASURE = "subject names no measured thing"
CLAUSE_SUBJECT = "subject reads like a clause"
RELEASE_DATE_PERIOD = "period from the release date"
INVALID_PERIOD = "period cannot exist"
UNIT_INFERRED = "unit inferred"
PERCENT_LEVEL = "a percentage that names no share or rate"
SAME_SUBJECT_TWICE = "another value for the same subject and period"  # set on the whole release

_WORDS_FILE = Path(__file__).with_name("confidence_words.toml")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SHARE_OF = re.compile(r"\bshare\s+of\s+(?P<whole>.+)$", re.IGNORECASE)
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")  # "won-denominated", "year-to-date": no verb inside
_WRAPPERS = re.compile(r"^(?:change\s+in\s+)|\s+(?:share(?:\s+of\s+.*)?|\(.*\))$", re.IGNORECASE)


@dataclass(frozen=True)
class _Words:
    vague: frozenset[str]
    pointing: frozenset[str]
    max_subject_words: int
    rates: re.Pattern[str]


@cache
def _words() -> _Words:
    data = tomllib.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    rates = re.compile(r"\b(?:" + "|".join(map(re.escape, data["rate_words"])) + r")", re.IGNORECASE)
    return _Words(
        frozenset(w.lower() for w in data["vague_subjects"]),
        frozenset(w.lower() for w in data["pointing_words"]),
        int(data["max_subject_words"]),
        rates,
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


def doubts_of(evidence: Evidence) -> tuple[str, ...]:
    """The reasons to doubt a figure, most serious first; none means high confidence."""
    doubts = [*_subject_doubts(evidence)]
    if evidence.period is not None and not valid_figure_period(evidence.period):
        doubts.append(INVALID_PERIOD)
    elif evidence.period_source == "release date":
        doubts.append(RELEASE_DATE_PERIOD)
    if not evidence.unit_stated:
        doubts.append(UNIT_INFERRED)
    if evidence.percent_level and not _words().rates.search(evidence.subject):
        doubts.append(PERCENT_LEVEL)  # "chips and ships rose 30.2 and 15.6 percent": the 15.6 is a change
    return tuple(doubts)


def _subject_doubts(evidence: Evidence) -> list[str]:
    if not evidence.subject_found:
        return [NO_SUBJECT]
    doubt = _subject_doubt(evidence.subject, evidence.catalogued)
    return [doubt] if doubt else []


@lru_cache(maxsize=4096)
def _subject_doubt(subject: str, catalogued: bool) -> str | None:
    words = _WORD.findall(subject)
    if not words or words[0].lower() in _words().vague:
        return VAGUE_SUBJECT
    if any(word.lower() in _words().pointing for word in words):
        return VAGUE_SUBJECT  # "surplus in this segment": what it points at is elsewhere
    if len(words) > _words().max_subject_words or g.VERB.search(_HYPHENATED.sub(" ", subject)):
        return CLAUSE_SUBJECT
    share = _SHARE_OF.search(subject)  # a share names its measure by its whole: "... share of sales"
    measured = share.group("whole") if share else _WRAPPERS.sub("", subject).strip()
    if not catalogued and not _names_a_measure(measured):
        return NO_MEASURE
    return None


@cache
def _head_anywhere() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{g.alternation(g.HEADS)})\b", re.IGNORECASE)


def _names_a_measure(subject: str) -> bool:
    """Does the subject hold a measured head ('exports', 'trade surplus', 'output') anywhere in it?
    'exports to China' and 'automobile production in Mexico' do; 'passenger automobiles' does not."""
    return _head_anywhere().search(subject) is not None
