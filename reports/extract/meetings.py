"""Engagements of officials reported in a release: who met whom, when, where and about what.

The extractor reads a release sentence by sentence and looks for an engagement verb
("met with", "held talks with", "visited", "spoke by phone with", "signed an MOU with",
"hosted a roundtable with", "opened ... Forum"). In such a sentence

  - the official is the person named before the verb ("Trade Minister Yeo Han-koo of ..."),
  - the counterparts are the people named after it, each with the role an appositive
    gives ("Russell Vought, Director of the OMB,") or the title before the name
    ("U.S. Senator Todd Young (R-Indiana)"); an institution when no person is named,
  - the object ends where a place ("at ...", "in ..."), a date ("on January 13, 2026"),
    or a purpose ("to discuss ...", "on ...") begins;
  - the date is the meeting's own ("on the 14th" and dates without a year are resolved
    against the release date; a date that does not exist is left empty).

The sentences that follow, up to the next engagement, give the topic ("During the meeting,
... outlined X") and other attendees ("The meeting was attended by ...") when the sentence
itself does not. A field the text does not give is None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import get_day_names, get_month_names
from dateutil import parser as date_parser

from reports.extract.text import sentences, word_lists
from reports.formatting import format_date_range
from reports.records import Meeting, Release

TRIP_GAP_DAYS = 3  # engagements in one city at most this many days apart belong to one trip
MAX_SENTENCE = 5000  # characters of one sentence the extractor reads; the rest of a run-on is ignored


# Vocabulary ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    titles: frozenset[str]
    ranks: frozenset[str]
    modifiers: frozenset[str]
    institutions: frozenset[str]
    places: frozenset[str]
    place_phrases: re.Pattern[str]  # "South Korea", "Hong Kong": their words are places only together
    starters: frozenset[str]
    particles: frozenset[str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    organization_nouns: frozenset[str]
    place_words: frozenset[str]
    documents: frozenset[str]
    honorifics: frozenset[str]
    group_people: frozenset[str]
    corporate_titles: frozenset[str]
    envoys: frozenset[str]
    celebrations: frozenset[str]
    buildings: frozenset[str]
    nationalities: dict[str, str]


@cache
def _words_data() -> dict[str, Any]:
    """meeting_words.toml, read once (through the extractors' one word-list loader)."""
    return word_lists("meeting_words.toml")


@cache
def _words() -> _Words:
    data = _words_data()
    english = Locale("en")
    names = [name for name in english.territories.values() if name[:1].isupper()]
    places = {name for name in names if " " not in name}
    places |= set(data["places"])
    months = [
        *get_month_names("wide", locale="en").values(),
        *get_month_names("abbreviated", locale="en").values(),
    ]
    day_names = get_day_names("wide", locale="en")
    weekdays = [day_names[n] for n in range(7)]  # Monday first, as date.weekday() counts
    return _Words(
        titles=frozenset(data["titles"]),
        ranks=frozenset(data["ranks"]),
        modifiers=frozenset(data["modifiers"]),
        institutions=frozenset(data["institutions"]),
        places=frozenset(places),
        place_phrases=re.compile(
            r"\b(?:"
            + "|".join(re.escape(n) for n in sorted((n for n in names if " " in n), key=len, reverse=True))
            + r")\b"
        ),
        starters=frozenset(data["sentence_starters"]),
        particles=frozenset(data["name_particles"]),
        months=tuple(sorted({*months, "Sept"}, key=len, reverse=True)),
        weekdays=tuple(weekdays),
        organization_nouns=frozenset(data["organization_nouns"]),
        place_words=frozenset(data["place_words"]),
        documents=frozenset(data["documents"]),
        honorifics=frozenset(data["honorifics"]),
        group_people=frozenset(data["group_people"]),
        corporate_titles=frozenset(data["corporate_titles"]),
        envoys=frozenset(data["envoys"]),
        celebrations=frozenset(data["celebrations"]),
        buildings=frozenset(data["buildings"]),
        nationalities=dict(data["nationalities"]),
    )


# Sentences ----------------------------------------------------------------------------------------

# Dates --------------------------------------------------------------------------------------------


@cache
def _date_pattern() -> re.Pattern[str]:
    words = _words()
    month = "|".join(words.months)
    weekday = "|".join(words.weekdays)
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    part = r"(?:\s+(?:morning|afternoon|evening|night))?"
    return re.compile(
        rf"(?:\b(?:[Oo]n|[Ff]rom)\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?(?:(?:{weekday}),?\s+)?\(?"
        rf"(?:(?P<m1>{month})\.?\s+(?P<d1>{day})(?:\s*[-–]\s*\d{{1,2}})?(?!\d)(?:,?\s+(?P<y1>\d{{4}}))?"
        rf"|(?P<d2>{day})(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?(?P<m2>{month})\.?(?:,?\s+(?P<y2>\d{{4}}))?"
        rf"|(?<=[Oo][nf]\s)the\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)\b"
        rf"|(?<!Black\s)(?<!Good\s)(?<!Cyber\s)(?P<wd>{weekday})\b{part})\)?"
        rf"|\b(?:[Oo]n\s+)?(?:the\s+same\s+day|that\s+day|this\s+day|[Ll]ater\s+that\s+day)\b"
        rf"|\b(?P<next>[Tt]he\s+(?:following|next)\s+day|[Tt]he\s+day\s+after|[Aa]\s+day\s+later)\b"
        rf"|\b(?P<before>[Tt]he\s+(?:previous|preceding)\s+day|[Tt]he\s+day\s+before)\b"
        rf"|\b(?P<prior>[Aa]\s+day\s+(?:prior|earlier|before))\b"
        rf"|\b(?P<today>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]his\s+(?:morning|afternoon|evening)|[Tt]onight)\b"
        rf"(?:{part}\s*\((?P<stated>[^()]{{3,40}})\))?"
        rf"|\b(?P<vague>(?:(?:later|early|earlier)\s+)?(?:this|next|last)\s+(?:week|month|year|weekend)"
        rf"|later\s+this\s+(?:week|month|year)|(?:in\s+)?the\s+(?:near|coming)\s+future|soon)\b"
    )


_UNTIL = re.compile(r"(?:\b(?:through|until|till|by|before|after|since|ahead\s+of)|[-–])\s*$")


# "the ministry said Sunday", "Farrell said on Monday he had agreed ...": the day something was said.
_SAID = re.compile(
    r"\b(?:said|says|announced|announces|told\s+(?:\w+\s+){0,2}?|stated|noted|added|reported|informed|"
    r"revealed|tweeted|posted)\s*$"
)


_SAID_AFTER = re.compile(r",?\s*(?:said|says|announced|informed|reported|stated|told)\b")


_SAID_AT = re.compile(r"\b(?:said|says|stressed|noted|told)\s+(?:during|at|in)\s+(?:an?|the|his|her|their)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:meeting|talks|luncheon|dinner|roundtable)\s+with\b")


_SAID_WORD = re.compile(
    r"\b(?:said|says|announced|announces|told|stated|noted|added|reported|informed|revealed|tweeted|posted)\b"
)


def _said_date(sentence: str, published: date | None) -> date | None:
    """The day a statement was made: "the ministry said Wednesday" -> that Wednesday."""
    if not _SAID_WORD.search(sentence):
        return None  # most sentences say nothing was said: skip the date scan
    for m in _date_pattern().finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        if m.group(0).strip() and _SAID.search(before):
            return _resolve_date(m, published, None)
    return None


def _find_dates(text: str) -> list[re.Match[str]]:
    """Date phrases of a text; the end of a span ("a fair held through Thursday") and the day a statement
    was made ("said on Monday") name no day of an engagement."""
    found = []
    for m in _date_pattern().finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if not m.group(0).strip() or _UNTIL.search(before[-12:]):
            continue
        said_after = _SAID_AFTER.match(text, m.end())
        if _SAID.search(before) or said_after:
            continue
        found.append(m)
    return found


# Whether the engagement being read is announced for later: its weekdays then fall on or after the release.
_AHEAD: ContextVar[bool] = ContextVar("ahead", default=False)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_date(match: re.Match[str], published: date | None, previous: date | None) -> date | None:
    """`_read_date`, with a day beyond the calendar's ends (year 1, year 9999) left empty."""
    try:
        return _read_date(match, published, previous)
    except OverflowError:
        return None


def _read_date(match: re.Match[str], published: date | None, previous: date | None) -> date | None:
    """The calendar date a date phrase names, read against the release date.

    A date without a year gets the year that puts it nearest the release date (a release of
    Jan 2 speaking of "December 31" means the day before); "on the 14th" is the 14th of the
    month nearest the release date; a weekday is the latest such day on or before the release for
    an engagement held, the next one on or after it for one announced; "a day prior" and "the
    following day" count from the engagement before. A date that does not exist, or a relative one
    with nothing to count from, is None.
    """
    text = match.group(0)
    if match.group("vague") or _is_range(match):
        return None  # "next week", "in the near future", "from March 12 to 15": no one day
    if match.group("today"):
        stated = match.group("stated")
        inner = _find_dates(stated) if stated else []
        if inner and not inner[0].group("today"):
            return _read_date(inner[0], published, previous)  # "today (Monday 3 March)"
        if published is None:
            return None
        return published + timedelta(days=_RELATIVE_DAYS[match.group("today").split()[0].lower()])
    if "same day" in text or "that day" in text or "this day" in text:
        return previous
    if match.group("next") or match.group("before"):
        return previous + timedelta(days=1 if match.group("next") else -1) if previous else None
    if match.group("prior"):
        # "a day prior": the day before the engagement last told, else before the release.
        base = previous or published
        return base - timedelta(days=1) if base else None
    if published is None:
        return _absolute_date(match)
    if match.group("d3"):
        return _nearest_day(int(match.group("d3")), published)
    if match.group("wd"):
        target = _words().weekdays.index(match.group("wd"))
        if _AHEAD.get() or _FUTURE.search(match.string[: match.start()]):
            # "On Tuesday, he will meet ...": the coming Tuesday, or next week's if the release says so.
            if _NEXT_WEEK.get():
                return published + timedelta(days=7 - published.weekday() + target)
            return published + timedelta(days=(target - published.weekday()) % 7)
        return published - timedelta(days=(published.weekday() - target) % 7)
    return _absolute_date(match, published)


_SPAN_END = re.compile(r"\b(?:between|from)\s+[\w.,’' ]{1,25}?\s+(?:and|to|until|through)\s+$")


def _is_range(match: re.Match[str]) -> bool:
    """ "March 12-15", "from March 12 to 15", "between Monday and Friday": a span, not a day."""
    text, after = match.group(0), match.string[match.end() : match.end() + 20]
    before = match.string[max(0, match.start() - 10) : match.start()]
    if re.search(r"\d\s*[-–]\s*\d", text):
        return True
    starts = re.match(r"\s*from\b", text, re.I) or re.search(r"\b(?:from|between)\s+$", before, re.I)
    if starts and re.match(r"\s*(?:to|until|till|through|and|[-–])\s*\w", after):
        return True
    earlier = match.string[max(0, match.start() - 40) : match.start()]
    then_day, day_then = _weekday_pairs()
    if match.group("wd") and (then_day.match(after) or day_then.search(earlier)):
        return True  # "on Monday and Tuesday"
    # "between Monday and Friday", "from March 12 to 15": the second day ends the span.
    return _SPAN_END.search(earlier) is not None


def _absolute_date(match: re.Match[str], published: date | None = None) -> date | None:
    """ "March 3, 2026" -> 2026-03-03; without a year, the year nearest `published` (None without it)."""
    if not (match.group("m1") or match.group("m2")):
        return None
    month_text = match.group("m1") or match.group("m2")
    day_text = re.sub(r"\D", "", match.group("d1") or match.group("d2"))
    year_text = match.group("y1") or match.group("y2")
    try:
        # A leap year as the default, so that "February 29" without a year can still be read.
        parsed = date_parser.parse(
            f"{month_text} {day_text} {year_text or 2000}", default=datetime(2000, 1, 1)
        )
    except (ValueError, OverflowError):
        return None
    if year_text:
        return parsed.date()
    if published is None:
        return None
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, parsed.month, parsed.day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


# Whether the release being read speaks of "next week": its weekdays then fall in the week after its date.
_NEXT_WEEK: ContextVar[bool] = ContextVar("next_week", default=False)


def _nearest_day(day: int, published: date) -> date | None:
    candidates = []
    for shift in (-1, 0, 1):
        month = (published.month - 1 + shift) % 12 + 1
        year = published.year + (published.month - 1 + shift) // 12
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


# Engagement verbs ---------------------------------------------------------------------------------

_EVENT_NOUNS = ("forum", "conference", "seminar", "symposium", "summit", "dialogue", "expo", "exhibition",
                "fair", "festival", "ceremony", "briefing session", "webinar", "workshop",
                "information session")
_EVENT = "(?:" + "|".join(_EVENT_NOUNS) + ")"
# A named meeting ("the OECD Ministerial Council Meeting") is an event; a lower-case "meeting" is not.
_NAMED_EVENT = rf"(?:(?i:{_EVENT})|Meeting|Ministerial|Roundtable)"
# Text within a clause: no sentence stop, but the dots of "U.S." or "D.C." are fine.
# (A dot after one capital, "U.S.", or after a month's abbreviation, "Sept. 3", is not a stop.)
_ABBREVIATED = r"(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z]{2})\.|(?<=\bSept)\."
_IN_CLAUSE = rf"(?:[^.;]|{_ABBREVIATED})"
_CALL_NOUN = (r"(?:videoconference|teleconference|(?:phone|telephone|video|virtual|online)[\w -]{0,25}?"
              r"\b(?:call|conversation|conference|meeting|talks|summit))")
# A date or place between the noun and "with": "held a video conference on March 4 with ...".
# ... or the event's title: "held a meeting titled 'Exports 2027' with ...".
_INTERPOSED = (rf"(?:\s+(?:on|in|at|of|titled|entitled|themed|dubbed|under\s+the\s+(?:theme|title|slogan))\s+"
               rf"(?:[^.;,]|{_ABBREVIATED}){{1,50}}?){{0,3}}")
_TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "call",
        r"\b(?:held|had|holds|has|hold|have|conducted|conduct)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?"
        + _CALL_NOUN
        + _INTERPOSED
        + r"\s+with\s+",
    ),
    ("call", r"\b(?:met|meets|meet)\s+(?:virtually|online|via\s+video(?:\s*conference|\s+link)?)\s+with\s+"),
    (
        "call",
        r"\b(?:spoke|speaks|talked|talks)\s+(?:by\s+(?:phone|telephone)|over\s+the\s+phone|on\s+the\s+phone|"
        r"via\s+video(?:\s*(?:call|conference|link))?|by\s+video(?:\s*(?:call|conference|link))?)\s+with\s+",
    ),
    (
        "signing",
        r"\b(?:signed|signs|sign|signing\s+of|inked|inks|concluded|concludes)\s+(?:an?\s+|the\s+)?"
        + _IN_CLAUSE + r"{0,120}?"
        r"\b(?:MOU|MoU|memorandum|agreement|arrangement|accord|declaration|letter of intent|LOI|pact|"
        r"contract)\b"
        + _IN_CLAUSE + r"{0,160}?\bwith\s+",
    ),
    (
        "roundtable",
        r"\b(?:hosted|hosts|held|holds|chaired|chairs|convened|convenes|presided(?:\s+over)?|attended|attends|led|leads)\s+"
        r"(?:an?\s+|the\s+)?" + _IN_CLAUSE + r"{0,60}?\b(?:(?i:roundtable|round-table|round\s+table)[”\"’']?|"
        r"(?:business|industry|CEO|executive)s?\s+(?:meeting|luncheon|breakfast|dinner))\b"
        r"(?:\s+(?:meeting|talks|discussion|session))?(?:\s+(?:with|of|for|on)\s+)?",
    ),
    # "at a business roundtable organised by the US-India Business Council": its organiser is the counterpart.
    (
        "roundtable",
        r"\b(?i:at|during|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:roundtable|round-table|round\s+table)\s+"
        r"(?:organi[sz]ed|hosted|convened|held)\s+by\s+",
    ),
    (
        "forum",
        rf"\b(?:opened|opens|hosted|hosts|held|holds|co-hosted|attended|attends|addressed|addresses|spoke\s+at|"
        rf"participated\s+in|participates\s+in|took\s+part\s+in|takes\s+part\s+in|"
        rf"inaugurated|launched|(?:delivered|gave|made)\s+(?:an?\s+|the\s+)?(?:keynote|opening|congratulatory|welcoming)\s+"
        rf"(?:speech|address|remarks)\s+at)\s+(?=(?:an?\s+|the\s+)?{_IN_CLAUSE}{{0,80}}?\b{_NAMED_EVENT}\b)",
    ),
    (
        "talks",
        r"\b(?:held|had|holds|has|hold|conducted)\s+(?:[\w'’]+[\s-]+){0,3}?talks"
        + _INTERPOSED
        + r"\s+with\s+"
        + r"|\b(?:sat|sits|sit)\s+down\s+for\s+(?:[\w-]+\s+)?talks\s+with\s+",
    ),
    (
        "courtesy_call",
        r"\b(?:paid|pays|pay|made|makes|make)\s+a\s+courtesy\s+(?:call|visit)\s+(?:on|to)\s+"
        r"|\breceived\s+a\s+courtesy\s+(?:call|visit)\s+from\s+"
        r"|\b(?:called|calls|call)\s+on\s+(?=(?:the\s+)?[A-Z])",
    ),
    (
        "visit",
        r"\b(?:visited|visits|toured|tours|inspected|inspects|"
        # the plain verb only after "will", "to" or "and": "will visit", never "his visit to"
        r"(?:(?<=\bwill\s)|(?<=\bset\sto\s)|(?<=\bplan\sto\s)|(?<=\bplans\sto\s)|(?<=\bscheduled\sto\s)"
        r"|(?<=\bexpected\sto\s)|(?<=\bslated\sto\s)|(?<=\bdue\sto\s)|(?<=\band\s)|(?<=\balso\s))"
        r"(?:visit|tour|inspect)|"
        r"(?:paid|pays|made|makes|conducted|conducts)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:visit|tour)\s+to)\s+",
    ),
    (
        "meeting",
        r"\b(?:met|meets|meet)(?:\s+(?:[a-z]+ly|again|also|today|yesterday))?"
        # "met on Friday, 28 July 2012, with ...": a date with its commas before "with"
        r"(?:,?\s+on\s+(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})"
        r"(?:,?\s+\d{4})?,?(?=\s+with\s))?"
        + _INTERPOSED
        + r"\s+with\s+"
        + r"|\b(?:received|welcomed|hosted|met\s+with)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?delegation\s+"
        r"(?:led|headed)\s+by\s+"
        r"|\b(?:met|meets|meet)\s+(?=(?:the\s+|his\s+|her\s+)?[A-Z])"
        r"|\b(?:met|meets|meet)\s+(?=(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:ambassadors|envoys|executives|CEOs|"
        r"heads|leaders|representatives|chairmen|presidents)\s+(?:of|from)\s)"
        r"|\b(?:held|had|holds|has|hold|hosted|hosts|host|gave|gives)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
        r"(?:meetings?|luncheon|lunch|dinner|breakfast|reception|consultations?|discussions?)"
        + _INTERPOSED + r"\s+with\s+"
        r"|\b(?:hosted|hosts|held|holds|gave|gives)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:luncheon|lunch|dinner|"
        r"breakfast|reception)\s+(?:for|in\s+honou?r\s+of)\s+"
        r"|\b(?:sat\s+down|sits\s+down)\s+with\s+"
        # "had agreed to an in-person meeting with X": a meeting announced, planned.
        r"|\bagreed\s+to\s+(?:an?\s+|hold\s+(?:an?\s+)?)?(?:[\w-]+\s+){0,2}?(?:meeting|talks)\s+with\s+"
        # "spoke with Harvey Schwartz, CEO of ...": in person unless by phone (the call row reads that).
        r"|\b(?:spoke|speaks|talked)\s+with\s+(?=(?:the\s+)?[A-Z])",
    ),
    # "asked Aerovia to buy more parts during a meeting with its chief executive, X": the engagement is named
    # in a prepositional phrase.
    # "Following a meeting with X, Goyal tweeted", "Similarly, his meeting with X focused on".
    ("meeting", r"(?:\b(?i:during|in|at|over|following|after)\s+(?:(?:an?|the|their|his|her)\s+)?"
                r"|(?:^|,\s*)\s*(?:[A-Z][a-z]+,?\s+)?(?i:his|her|their)\s+)(?:[\w-]+\s+){0,2}?"
                r"(?:meeting|talks|luncheon|lunch|dinner|breakfast|courtesy\s+call)\s+with\s+"
                r"(?=(?:the\s+|its\s+|his\s+|her\s+)?[A-Za-z])"),
    # "Secretary Lutnick hosted Korean Minister Kim Jung-kwan": only a named person makes this a meeting.
    ("meeting*", r"\b(?:hosted|hosts|hosting|welcomed|welcomes|welcoming|received|receives)\s+"
                 r"(?:(?:his|her|their)\s+(?=(?:[A-Z][\w.-]*\s+)?counterpart)|(?=[A-Z]))"),
    # "discussed steel tariffs with Trade Minister X": the topic comes before the counterpart.
    ("meeting", r"\b(?:discussed|discusses|talked\s+about|reviewed)\s+(?P<topic>[^.;]{3,80}?)\s+with\s+"
                r"(?=(?:the\s+|his\s+|her\s+)?[A-Z])"),
)
_CONTINUATION = re.compile(
    r",?\s+and\s+(?:then\s+|later\s+|also\s+|separately\s+)*(?:with|met\s+with)\s+(?=[A-Z]|the\s+[A-Z])"
)


@dataclass(frozen=True)
class _Trigger:
    kind: str
    start: int
    end: int
    planned: bool = False  # announced for the future: "will meet", "is scheduled to hold talks"


def _find_triggers(text: str) -> list[_Trigger]:
    """The engagement verbs of a sentence, each marked planned when the text announces it for later.

    A verb the text calls off ("will not send ...", "cancelled talks with ...") is no engagement at all.
    """
    found: list[_Trigger] = []
    for kind, pattern in _TRIGGERS:
        for match in re.finditer(pattern, text):
            if not any(
                t.start <= match.start() < t.end or match.start() <= t.start < match.end() for t in found
            ):
                found.append(_Trigger(kind, match.start(), match.end()))
    found.sort(key=lambda t: t.start)
    if found:
        for match in _CONTINUATION.finditer(text, found[0].end):
            if not any(t.start <= match.start() < t.end for t in found):
                kind = next(t.kind for t in reversed(found) if t.start < match.start())
                found.append(_Trigger(kind, match.start(), match.end()))
        found.sort(key=lambda t: t.start)
    kept: list[_Trigger] = []
    for trigger in found:
        if _called_off(text, trigger.start) or _BACKGROUND.search(text):
            continue
        follows_plan = bool(kept) and kept[-1].planned and _continues(text, kept[-1], trigger)
        planned = _planned(text, trigger) or follows_plan
        kept.append(_Trigger(trigger.kind, trigger.start, trigger.end, planned))
    return kept


def _continues(text: str, earlier: _Trigger, later: _Trigger) -> bool:
    """ "will meet A and then with B": a continuation of a planned verb is planned too."""
    return _CONTINUATION.match(text, later.start) is not None or not re.search(
        r"[;]|\b(?:met|held|visited|signed|had)\b", text[earlier.end : later.start]
    )


_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|agreed\s+to|"
    r"(?:is|are)\s+(?:also\s+)?(?:scheduled|expected|set|due|slated|going)\s+to)\b"
)
_CALLED_OFF = re.compile(
    r"\b(?:will\s+not|won[’']t|would\s+not|not\s+(?:to\s+)?(?:meet|send|hold|attend)|cancell?(?:ed|s)?|"
    r"called\s+off|postponed|abandoned|scrapped|skipped)\b"
)


# "The two last met in Washington three weeks ago": history told for context, not this release's news.
_BACKGROUND = re.compile(r"\b(?:last|previously|first)\s+met\b|\b(?:weeks|months|years)\s+ago\b")


def _called_off(text: str, start: int) -> bool:
    """ "China has cancelled upcoming trade talks with ...", "will not send ... to meet": no engagement."""
    return _CALLED_OFF.search(text[max(0, start - 80) : start + 40]) is not None


def _planned(text: str, trigger: _Trigger) -> bool:
    """ "will visit the U.S. to meet with officials", "is set to hold talks with", "agreed to a meeting
    with": announced for later (past forms of the verb never are)."""
    verb_text = text[trigger.start : trigger.end]
    if re.match(r"\s*agreed\s+to\b", verb_text):
        return True
    verb = verb_text.split(maxsplit=1)[0].lower() if verb_text.split() else ""
    base = {"meet", "visit", "hold", "sign", "attend", "host", "open", "tour", "have", "speak", "talk",
            "sit", "pay", "make", "lead", "chair", "convene", "inspect", "call", "co-host", "co-chair"}
    clause = text[: trigger.start].rsplit(";", 1)[-1]
    return verb in base and _FUTURE.search(clause) is not None


# "Minister A will visit Brazil and Argentina next week": no engagement yet, but it says who travels.
_TRIP_PLAN = re.compile(
    r"\b(?:will|is\s+(?:scheduled|set|due|slated)\s+to|plans\s+to)\s+(?:visit|travel|tour|lead|head)\b"
)


def _one_day(text: str) -> bool:
    """Does the sentence name exactly one day ("On Tuesday", "on June 3"), and no range of days?"""
    days = [m for m in _find_dates(text) if m.group("wd") or m.group("d1") or m.group("d2") or m.group("d3")]
    ranged = any(re.search(r"^\s*from\b|\d\s*[-–]\s*\d", m.group(0)) for m in days)
    ranged = ranged or re.search(r"\b(?:from|between)\s+\S+(?:\s+\S+)?\s+(?:to|and|until|through)\s+\d", text)
    return len(days) == 1 and not ranged


# Where the object of the verb ends ----------------------------------------------------------------

_DISCUSS = (
    r"discuss(?:ed|es)?|outlin(?:e|ed|es)|explain(?:ed|s)?|review(?:ed|s)?|address(?:ed|es)?|present(?:ed|s)?|"
    r"(?:exchang|shar)(?:e|ed|es)\s+(?:views|opinions|ideas|thoughts)\s+(?:on|about|regarding)|"
    r"talk(?:ed|s)?\s+about|focus(?:ed|es)?\s+on|touch(?:ed|es)?\s+(?:up)?on|cover(?:ed|s)?|"
    r"brief(?:ed|s)?\s+(?:\w+\s+){1,4}?(?:on|about)|consult(?:ed)?\s+on|confer(?:red)?\s+on|"
    r"(?:call(?:ed|s)?|ask(?:ed|s)?)\s+for|(?<!the\s)request(?:ed|s)?\b(?!\s+of\b)|sought|urg(?:e|ed|es)|agree(?:d|s)?\s+(?:to|on)|"
    r"stress(?:ed|es)?|emphasi[sz](?:e|ed|es)|highlight(?:ed|s)?|underlin(?:e|ed|es)|"
    r"(?:rais|voic|express)(?:e|ed|es)\s+(?:their\s+|its\s+|his\s+|her\s+)?"
    r"(?:concerns?|issues?|questions?|complaints?|interest)\s+(?:about|over|on|regarding|with|in)"
)
_PURPOSE = re.compile(
    rf"(?:,\s*)?\bto\s+(?!the\s+[A-Z])(?=[a-z])|\b(?:on|about|regarding|concerning|over)\s+(?=(?:the\s+|ways\s+|how\s+)?[a-z])"
    rf"|,?\s+(?:where|during\s+which|at\s+which|in\s+which|and)\s+(?:the\s+two\s+sides\s+|both\s+sides\s+|they\s+|he\s+|she\s+)?"
    rf"(?:also\s+)?(?=(?:{_DISCUSS})\b)"
    rf"|,?\s+and\s+(?=(?:also\s+)?[a-z]+ed\b)"
    rf"|,?\s+(?:by|via|over)\s+(?:phone|telephone|video|the\s+phone)\b(?:\s*(?:call|conference|link))?"
)
# "on the sidelines of ...", "on behalf of ...", "on a visit to ...": circumstances, not what was discussed.
_NOT_TOPIC = (
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:sidelines|margins|fringes|behalf|occasion|invitation|request|way|"
    r"visit|trip|tour)\b"
)


_CONTEXT = re.compile(r"(?:,\s*)?\b(?:on|in)\s+" + _NOT_TOPIC)
_LOCATION = re.compile(
    r"(?:,\s*)?\b(?:at|in|At|In)\s+(?:the\s+)?(?=[A-Z])|(?<!according\s)(?<!thanks\s)\bto\s+the\s+(?=[A-Z][a-z])"
    r"|\b(?:traveled|travelled|travels?|arrived|arrives?|flew|fly|flies|went|go|goes)\s+(?:to|in)\s+(?=[A-Z])"
    r"|(?:,\s*)?\b[Dd]uring\s+(?:his|her|their|the\s+minister[’']s|an?|the)\s+(?:\w+\s+)?(?:visit|trip)\s+to\s+"
    r"(?:the\s+)?(?=[A-Z])"
)
_LOCAL_TIME = re.compile(r"\s*\((?:local\s+time|[A-Z]{2,4})\)")
_PARTY = re.compile(r"\s*\((?:[RDI]|Rep|Dem|Ind)\s*[-–,]\s*[^()]{1,30}\)")


@dataclass(frozen=True)
class _Anchor:
    kind: str  # date | location | purpose
    start: int
    end: int
    match: re.Match[str] | None = None


def _anchors(scope: str) -> list[_Anchor]:
    anchors = [_Anchor("date", m.start(), m.end(), m) for m in _find_dates(scope)]

    def free(start: int) -> bool:
        return not any(a.start <= start < a.end for a in anchors)

    for m in _CONTEXT.finditer(scope):
        if free(m.start()):
            anchors.append(_Anchor("context", m.start(), m.end()))
    for m in _LOCATION.finditer(scope):
        if _inside_quotes(scope, m.start()):
            continue  # "... sustainable buildings in India," he tweeted: a quotation, not where they met
        if _post_of_title(scope, m):
            continue  # "US Ambassador in Athens Geoffrey Pyatt": where the ambassador serves
        # "American Chamber of Commerce in Korea (AMCHAM)": "in Korea" is part of the name.
        named = re.match(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s*\([A-Z][A-Za-z0-9-]+\)", scope[m.end() :])
        named = named or _country_in_name(scope, m)
        if free(m.start()) and not _is_role_at(scope, m) and not named:
            anchors.append(_Anchor("location", m.start(), m.end()))
    for m in _PURPOSE.finditer(scope):
        if free(m.start()):
            anchors.append(_Anchor("purpose", m.start(), m.end(), m))
    anchors.sort(key=lambda a: a.start)
    return anchors


def _post_of_title(scope: str, match: re.Match[str]) -> bool:
    before = scope[: match.start()].split()
    if not before or _bare(before[-1]) not in _words().titles or not match.group(0).strip().startswith("in"):
        return False
    return re.match(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+",
                    scope[match.end() :]) is not None


def _inside_quotes(text: str, at: int) -> bool:
    before = text[:at]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _country_in_name(scope: str, match: re.Match[str]) -> bool:
    """ "the European Chamber of Commerce in Korea": a country after an institution is part of its name."""
    words = _words()
    before = scope[: match.start()].split()
    after = re.match(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?", scope[match.end() :])
    if not before or not after or not match.group(0).strip().startswith("in"):
        return False
    country = after.group(0)
    is_country = country in words.places or bool(words.place_phrases.fullmatch(country))
    previous = _bare(before[-1])
    return is_country and (previous in words.institutions or previous in words.titles)


def _is_role_at(scope: str, match: re.Match[str]) -> bool:
    """ "Kim, Professor at Seoul National University, at the Lotte Hotel": the first "at" is part of a role:
    it follows a title in the same comma segment, and its phrase is closed by a comma before another place."""
    segment = scope[: match.start()].rsplit(",", 1)[-1]
    if match.group(0).startswith(",") or not any(word in _words().titles for word in segment.split()):
        return False  # ", at the Lotte Hotel": after the appositive's closing comma, a place
    rest = scope[match.end() :]
    if re.match(r"[^,]*,\s*(?:at|in)\s+(?:the\s+)?[A-Z]", rest):
        return True
    # "Director-General for Trade at the European Commission, and discussed ...": the appositive closes
    # without naming a city, so "at" belongs to the role.
    appositive = "," in scope[: match.start()] and segment.split()[0] in _words().titles
    if not appositive or not match.group(0).strip(" ,").startswith("at"):
        return False
    phrase = re.match(r"[^,]*", rest).group(0)
    closes = re.match(r",\s*(?:and|to|where|who|which)\b|\s*$", rest[len(phrase) :])
    return closes is not None and not re.search(r"\s(?:in|at)\s", phrase)


# Names and roles ----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+")


@dataclass(frozen=True)
class _Party:
    name: str
    role: str | None
    organization: str | None
    title_before: str | None = None
    place: str | None = None  # a place the name itself gives: "Hyundai Motor Company's Ulsan plant" -> Ulsan


def _is_capitalized(token: str) -> bool:
    first = next((ch for ch in token if ch.isalpha()), "")
    return bool(first) and first.isupper()


def _bare(token: str) -> str:
    return (
        re.sub(r"(?:'s|’s|’|')$", "", token).rstrip(".")
        if not re.fullmatch(r"(?:[A-Z]\.)+", token)
        else token
    )


def _is_acronym(token: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", token)
    return len(letters) >= 2 and letters.isupper()


def _nameable(token: str) -> bool:
    """Could this word be part of a person's name?"""
    words = _words()
    bare = _bare(token)
    if not _is_capitalized(bare) or _is_acronym(bare) or any(ch.isdigit() for ch in bare):
        return False
    if "-" in bare and any(part in words.titles for part in bare.split("-")):
        return False  # "Secretary-General", "Vice-Chair"
    if bare in words.titles or token in words.titles or bare in words.institutions or bare in words.places:
        return False
    if bare in words.place_words or bare in words.documents:
        return False
    # "He" and "An" start sentences but are also family names ("Vice Premier He Lifeng").
    return not (bare in words.weekdays or (bare in words.starters and bare not in {"He", "An"}))


def _nationality(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:ese|ian|ean|ish|an|i)", _bare(token)))


def _is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{1,2}\.?|(?:[A-Z]\.){1,3}", token))


_QUOTED = re.compile(r"(?<!\w)[\"“'‘][^\"“”'‘’]{1,80}?[\"”'’](?!\w)")


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the people named in a phrase: capitalized runs that are not titles, institutions or places.

    "U.S. Senator Todd Young (R-Indiana)" -> [Todd Young]; "Director of the Office of Management and Budget"
    -> []; a single word is a name only right after a title ("Minister Yeo").
    """
    words = _words()
    masked = words.place_phrases.sub(lambda m: "_" * len(m.group(0)), text)
    # A title in quotes ("'Future Makers' award winners") is never a person's name.
    masked = _QUOTED.sub(lambda m: "_" * len(m.group(0)), masked)
    tokens = list(_TOKEN.finditer(masked))
    text = masked
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        run = _name_run(text, tokens, i)
        if not run:
            i += 1
            continue
        j = i + len(run)
        before = (
            tokens[i - 1].group(0) if i and not text[tokens[i - 1].end() : tokens[i].start()].strip() else ""
        )
        after = (
            tokens[j].group(0)
            if j < len(tokens) and not text[tokens[j - 1].end() : tokens[j].start()].strip()
            else ""
        )
        after_title = _bare(before) in words.titles or before in words.titles
        in_org = before in {"of", "for", "the", "at", "on", "in", "into", "under", "about"}
        # "shipping group Nordhavn Lines", "U.S. chipmaker Veltrix": a common noun introduces a company's name
        in_org = in_org or before in words.organization_nouns
        # "Hyundai Motor Group Metaplant ..." is inside a proper noun; "Heavy Industries Arjun Patil," a name
        in_org = in_org or (_bare(before) in words.institutions and _is_capitalized(after))
        # "Chief Financial Officer X": a word between two title words is part of the title
        in_org = in_org or _bare(after) in words.institutions or _bare(after) in words.titles
        followed_by_noun = _is_capitalized(after) and not _nameable(after)
        followed_by_noun = followed_by_noun and _bare(after) not in words.titles
        # "Natalie A. Baker Wednesday called on ...": a day after a name is no part of an institution's name
        followed_by_noun = followed_by_noun and _bare(after) not in words.weekdays
        in_org = in_org or followed_by_noun
        ends_phrase = not _is_capitalized(after)
        posted = before in {"in", "at", "to"} and i >= 2 and _bare(tokens[i - 2].group(0)) in words.titles
        closed = not after or (not _is_capitalized(after) and after not in {"&", "and", "of", "de"})
        if (before in words.organization_nouns or posted) and len(run) >= 3 and closed and not after_title:
            # "... maker Blackstone Stephen Schwarzman", "US Ambassador in Athens Geoffrey Pyatt":
            # the company or the post, then the person
            run = run[-3:] if _is_initial(run[-2].group(0)) else run[-2:]
            in_org = False
        if before in {"of", "for", "and"} and len(run) >= 3 and ends_phrase and _rank_before(text, tokens, i):
            # "Minister of Mining Rosa Vidal": the name ends the run ("Peter V. Lind" with its initial)
            run = run[-3:] if _is_initial(run[-2].group(0)) else run[-2:]
            in_org = False
        long_enough = len([t for t in run if _is_capitalized(t.group(0))]) >= 2 or after_title
        if long_enough and not in_org:
            last = run[-1].group(0)
            trim = _possessive_length(last) or (1 if last.endswith(".") and not _is_initial(last) else 0)
            spans.append((run[0].start(), run[-1].end() - trim))
        i = j
    return spans


def _rank_before(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Is token i inside a title ("Minister of Ports and ...") that starts after the last comma?"""
    # A title may list what it covers: "Minister of Development, Industry, Trade and Services".
    preceding = text[: tokens[i].start()].split()[-12:]
    return any(_bare(word) in _words().ranks for word in preceding)


def _possessive_length(token: str) -> int:
    match = re.search(r"(?:'s|’s)$", token)
    return len(match.group(0)) if match else 0


def _name_run(text: str, tokens: list[re.Match[str]], i: int) -> list[re.Match[str]]:
    words = _words()
    run: list[re.Match[str]] = []
    k = i
    while k < len(tokens):
        token = tokens[k].group(0)
        if run and text[tokens[k - 1].end() : tokens[k].start()].strip():
            break
        following = tokens[k + 1].group(0) if k + 1 < len(tokens) else ""
        if _bare(token) in words.months and following[:1].isdigit():
            break  # "Jun 14", not Jun Lee
        if not run and _nationality(token) and not _nameable(following):
            break  # "Japanese Minister ...": an adjective of nationality, not a first name
        # "JK Kim"; a middle initial: "Peter V. Lind"
        initial = _is_initial(token) and (not run or bool(re.fullmatch(r"[A-Z]\.", token)))
        particle = bool(run) and token in words.particles  # "von der Leyen"
        after_next = tokens[k + 2].group(0) if k + 2 < len(tokens) else ""
        # "AKAZAWA Ryosei": a family name in capitals, then exactly one given name.
        family = not run and bool(re.fullmatch(r"[A-Z]{3,}", token)) and not _nameable(after_next)
        if _nameable(token) or ((initial or particle or family) and _nameable(following)):
            run.append(tokens[k])
        else:
            break
        if _possessive_length(token):
            break
        k += 1
    while run and not _is_capitalized(run[-1].group(0)):
        run.pop()
    return run


def _parties(text: str) -> list[_Party]:
    """The counterparts named in the object of an engagement verb, each with a role where one is given."""
    names = _name_spans(text)
    if not names:
        return []
    pieces: list[tuple[str, str, str]] = []  # (before, name, after)
    before = text[: names[0][0]]
    for n, (start, end) in enumerate(names):
        if n + 1 < len(names):
            between = text[end : names[n + 1][0]]
            cut = _split_between(between)
            pieces.append((before, text[start:end], between[:cut]))
            before = between[cut:]
        else:
            pieces.append((before, text[start:end], text[end:]))
    parties = []
    inherited: str | None = None
    for before, name, after in pieces:
        party = _party(before, name, after)
        plural = party.title_before and party.title_before.split()[-1][:-1] in _words().titles
        if plural and party.title_before.endswith("s") and party.role == party.title_before:
            inherited = _singular(party.title_before)
            party = _Party(party.name, inherited, party.organization, inherited)
        elif inherited and not party.role and not _clean(before):
            party = _Party(party.name, inherited, party.organization, inherited)
        parties.append(party)
    return parties


def _split_between(between: str) -> int:
    """Where the next person's title starts in the text between two names.

    Walks back from the next name over a title ("Minister of Commerce and Industry") and stops at a
    separator: "A, Director of X, and B" -> B has no title; "A, Minister of Y B" -> "Minister of Y" is B's;
    "A and Japan's Minister of Economy, Trade and Industry B" -> the whole title is B's.
    """
    tokens = list(re.finditer(r"[^\s,;]+|[,;]", between))
    start, collected = len(between), False
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i].group(0)
        if token == ";" or (token == "and" and (not collected or (i and tokens[i - 1].group(0) == ","))):
            break
        if token == "and" and _starts_title(between[tokens[i].end() :]):
            break  # "... of Daeyang Group and Vice Chair B": a new person's title begins after "and"
        if token == ",":
            # A comma inside a title lists what follows "of": "Minister of Economy, Trade and Industry".
            before_comma = between[: tokens[i].start()].rstrip()
            listed = re.search(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*$", before_comma)
            if collected and listed:
                continue
            break
        if token in {"of", "for", "the", "and", "on"} or _is_capitalized(token) or _is_acronym(token):
            start, collected = tokens[i].start(), True
            continue
        break
    connectors = re.match(r"(?:(?:of|for|the|and|on)\s+)+", between[start:])
    return start + (connectors.end() if connectors else 0)


def _starts_title(text: str) -> bool:
    """ "Vice Chair ...", "Japan's Minister ...", "Mexican Secretary ...": the start of someone's title."""
    words = _words()
    tokens = text.split()[:2]
    if not tokens:
        return False
    first = tokens[0]
    if first in words.ranks or _bare(first) in words.ranks:
        return True
    second = tokens[1] if len(tokens) > 1 else ""
    qualifier = _nationality(first) or _possessive_length(first) or _bare(first) in words.places
    qualifier = qualifier or _bare(first) in words.titles  # "Trade Minister", "Commerce Secretary"
    return bool(qualifier) and (second in words.ranks or _bare(second) in words.ranks)


def _singular(title: str) -> str:
    head, _, last = title.rpartition(" ")
    words = _words().titles
    single = last[:-1] if last.endswith("s") and last[:-1] in words else last
    return f"{head} {single}".strip()


def _clean(text: str) -> str:
    lead = r"^(?:[\s,;'\"‘’“”]|\band\b|\bwith\b|\bthe\b|\bboth\b|\bseparately\b|\brespectively\b)+"
    text = re.sub(lead, "", text)
    return re.sub(r"(?:[\s,;'\"‘’“”]|\band\b|\bthe\b)+$", "", text).strip()


def _party(before: str, name: str, after: str) -> _Party:
    party_paren = _PARTY.match(after)
    if party_paren:
        after = after[party_paren.end() :]
    after = re.sub(r"^\s*\([^()]*\)", "", after)  # another parenthetical after a name (a native spelling)
    appositive = _appositive(after)
    title_before = _title_before(before)
    phrase = _role_phrase(before)
    if phrase and (not title_before or (phrase.endswith(title_before) and phrase != title_before)):
        # "China's top trade envoy, Li Chenggang", "the CEO of investment giant Blackstone Stephen Schwarzman"
        title_before = phrase
    of_phrase = re.match(
        r"\s+(?:of|at)\s+((?:the\s+)?[A-Z][^,;()]*?)\s*(?=$|[,;(]|\s+(?:and|to|on|in|at)\s)", after
    )
    role = appositive
    if title_before and of_phrase and not appositive:
        # "Chairman Kwak Min-ho of the Korea Semiconductor Industry Association": title, then organization.
        organization = re.sub(r"^the\s+", "", of_phrase.group(1).strip())
        return _Party(name, title_before, organization, title_before)
    if not role and title_before:
        role = title_before
    if party_paren and (not appositive):
        role = f"{role} {party_paren.group(0).strip()}" if role else party_paren.group(0).strip()
    organization = _organization(appositive) or _organization_of_title(title_before) or _country_of(role)
    return _Party(name, _without_description(role), organization, title_before)


def _rank_word(word: str) -> bool:
    """ "envoy", "governor", "Chairman", "co-founder": a word for someone's rank, in any case."""
    words = _words()
    title = word[:1].upper() + word[1:]
    return title in words.ranks or title in words.corporate_titles or title in words.envoys


def _role_phrase(before: str) -> str | None:
    """The whole title phrase before a name when it holds lower-case words: "China's top trade envoy, "
    -> "China's top trade envoy"; "the governor of China's Liaoning Province, " -> "governor of ...".
    None unless it names a title and reads as one noun phrase (no verb, no clause)."""
    text = _clean(before)
    text = re.sub(r"^(?:his|her|their|its)\s+", "", text)
    tokens = text.split()
    if not tokens or len(tokens) > 12 or re.search(r"[,;:()\"“”]", text):
        return None
    words = _words()
    titled = [
        t for t in tokens if _bare(t) in words.titles or any(_rank_word(p) for p in _bare(t).split("-"))
    ]
    lower = [t for t in tokens if t[:1].islower() and t not in _CONNECTORS]
    # a verb or a clause word ("who", "said", "-ed") means this is no title
    clause = any(re.fullmatch(r"(?:who|which|that|said|says|[a-z]+ed)", t) for t in lower)
    if not titled or not lower or clause:
        return None
    if not _is_capitalized(tokens[-1]) and not _rank_word(_bare(tokens[-1])):
        return None
    nouns = words.organization_nouns
    described = [k for k, t in enumerate(tokens[:-1]) if t in nouns and _is_capitalized(tokens[k + 1])]
    if described and all(tokens.index(t) > described[-1] for t in titled):
        return None  # "buildings solutions provider Johnson Controls Chairman": what the company does
    return text


def _without_description(role: str | None) -> str | None:
    """ "Chief Executive of Norwegian shipping group X" -> "Chief Executive of X"."""
    if not role:
        return role
    match = re.search(r"\b(?:of|at|for)\s+(?:the\s+)?", role)
    if match:
        rest = re.split(r"[,;(]", role[match.end() :])[0].strip()
        described = _described_organization(rest)
        if described:
            return role[: match.end()] + described + role[match.end() + len(rest) :]
    return role


def _country_of(role: str | None) -> str | None:
    """ "Canada's Minister of International Trade" -> "Canada": whose government the counterpart serves."""
    owner = re.match(r"^((?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s", role or "")
    if owner and all(w in _words().places for w in owner.group(1).split()) or (
        owner and _words().place_phrases.fullmatch(owner.group(1))
    ):
        return owner.group(1)
    # "Japanese Ambassador to Korea" -> "Japan": a nationality before the title says whom they serve
    first = (role or "").split()[:1]
    return _words().nationalities.get(first[0]) if first and len((role or "").split()) > 1 else None


def _appositive(after: str) -> str | None:
    """ ", Director of the OMB, at the U.S. Congress" -> "Director of the OMB"."""
    if not after.lstrip().startswith(","):
        return None
    segments = _top_level_split(after.lstrip()[1:], ",")
    kept: list[str] = []
    for segment in segments:
        # ", the president of X who is also the head of Y": the relative clause is not the title
        bare = re.split(r"\s+(?:who|which|that)\s", segment.strip())[0]
        bare_no_article = re.sub(r"^the\s+", "", bare)
        lower_rank = not kept and bool(re.match(r"(?:the|a|an)\s+[a-z]", bare)) and _rank_word(
            bare_no_article.split()[0] if bare_no_article.split() else ""
        )  # ", the chairwoman of Hyundai Group,"
        if (
            not bare
            or not (_is_capitalized(bare_no_article) or lower_rank)
            or re.match(r"(?:along|as well|who|which|and)\b", bare)
        ):
            break
        if kept and _name_spans(bare):
            break
        if not kept and not _describes_role(bare_no_article):
            break  # ", Goyal tweeted that ...": the next clause, not who the person is
        kept.append(bare_no_article if not kept else bare)
    role = re.sub(r"(?<!\b[A-Z])\.$", "", ", ".join(kept).strip())
    return role or None


def _describes_role(phrase: str) -> bool:
    """Does a phrase hold a title, an institution or an acronym ("President & CEO of FedEx")?"""
    words = _words()
    for token in re.findall(r"[\w.&’'-]+", phrase):
        bare = _bare(token)
        parts = [bare, *bare.split("-")]
        if any(p in words.titles or p in words.institutions or _rank_word(p) for p in parts):
            return True
        if _is_acronym(bare) and bare not in words.places:
            return True
    return False


def _top_level_split(text: str, separator: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _title_before(before: str) -> str | None:
    """The title run right before a name: "met with U.S. Senator " -> "U.S. Senator"."""
    text = _clean(before)
    if not text:
        return None
    tokens = text.split()
    kept: list[str] = []
    if tokens and tokens[-1].rstrip(",") == "counterpart":  # "his Japanese counterpart, Yoji Muto"
        kept, tokens = ["counterpart"], tokens[:-1]
    for token in reversed(tokens):
        if (
            _is_capitalized(token)
            or _is_acronym(token)
            or token in {"of", "for", "and", "on", "the"}
            or token.endswith(",")
        ):
            kept.insert(0, token)
        else:
            break
    while kept and not _is_capitalized(kept[0]) and not _is_acronym(kept[0]):
        kept.pop(0)
    # "Korea's Minister of Knowledge Economy Mr. Lee": a courtesy title ends the rank, it is not part of it
    while len(kept) > 1 and _bare(kept[-1]).rstrip(".") in {"Mr", "Ms", "Mrs", "Dr", "Mx"}:
        kept.pop()
    title = " ".join(kept).strip(" ,")
    return title or None


_RANK_WORDS = (
    "Chair", "Chairman", "Chairwoman", "President", "Director", "Secretary", "Minister", "Head", "CEO",
    "Member", "Governor", "Commissioner",
)


def _organization(role: str | None) -> str | None:
    if not role:
        return None
    # "Secretary of the Interior and Chair of the National Energy Dominance Council": the first phrase
    # after "of", "at" or "for" that names an institution, up to where another title begins.
    for match in re.finditer(r"\b(?:of|at|for)\s+(?:the\s+)?", role):
        candidate = re.split(r"\s+and\s+(?=(?:[A-Z][\w-]*\s+)?(?:" + "|".join(_RANK_WORDS) + r")\b)",
                             role[match.end() :])[0].strip()
        described = _described_organization(candidate)
        if described:
            return described
        if _names_institution(candidate):
            return candidate
    return None


@cache
def _weekday_pairs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """' and Tuesday' after a weekday, 'Monday and ' before one: two days of one span."""
    days = "|".join(_words().weekdays)
    then_day = re.compile(rf"\s+(?:and|to|through)\s+(?:{days})\b")
    return then_day, re.compile(rf"\b(?:{days})\s+(?:and|to|through)\s+$")


def _described_in(text: str) -> str | None:
    """ "asked French aircraft maker Aerovia to ..." -> "Aerovia": a company a sentence names by its kind."""
    match = _described_patterns()[0].search(text)
    return match.group("name") if match else None


def _described_organization(phrase: str) -> str | None:
    """ "Norwegian shipping group Nordhavn Lines" -> "Nordhavn Lines": the name after a common noun."""
    match = _described_patterns()[1].match(phrase)
    return match.group("name").strip() if match else None


@cache
def _described_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A company named after its kind, in a sentence and as a whole phrase (organization_nouns)."""
    nouns = "|".join(re.escape(n) for n in sorted(_words().organization_nouns, key=len, reverse=True))
    in_text = re.compile(rf"\b(?:{nouns})\s+(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)")
    phrase = re.compile(
        rf"^(?:[A-Z][\w.'’-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\s+(?P<name>[A-Z][^,;]*)$"
    )
    return in_text, phrase


def _names_institution(phrase: str) -> bool:
    """ "Office of Management and Budget (OMB)" does; "International Trade" or "Heavy Industries" does not."""
    words = _words()
    return any(
        (_bare(w) in words.institutions and _bare(w) not in words.modifiers) or _is_acronym(w.strip("()"))
        for w in phrase.split()
    )


def _organization_of_title(title: str | None) -> str | None:
    """ "Samsung Electronics Chairman" -> "Samsung Electronics"; "U.S. Senator" -> None."""
    if not title:
        return None
    organization = _organization(title)
    if organization:
        return organization
    words = _words()
    tokens = title.split()
    # The title is the run of title words at the end: "Korea Battery Industry Association | Chairman".
    cut = len(tokens)
    while cut and (_bare(tokens[cut - 1]) in words.titles or tokens[cut - 1] in {"and", "&"}):
        cut -= 1
    head, rank = tokens[:cut], tokens[cut:]
    if any(_bare(t) in words.ranks for t in head):
        return None  # "Assistant Secretary of State for ... Affairs": one title, no organization before it
    only_places = all(_bare(t) in words.places or t.endswith(("'s", "’s")) or _nationality(t) for t in head)
    if not head or not rank or only_places:
        return None
    # "Mastercard CEO": a company's own officer; "Korea Battery Industry Association Chairman".
    corporate = any(_bare(t) in words.corporate_titles for t in rank)
    return " ".join(head) if corporate or _names_institution(" ".join(head)) else None


_GROUP_HEAD = re.compile(
    r"^(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?P<people>executives|CEOs|heads|leaders|representatives|officials|"
    r"ambassadors|envoys|ministers|delegations|members|chiefs|presidents|chairs|chairmen|chairwomen|chairpersons|delegates|managers|owners|founders|"
    r"investors)"
    r"\s+(?:of|from|at|representing)\s+(?=(?:the\s+)?[A-Z0-9])"
)
# "the CEOs of five chip startups, including A and B": the companies named after "including".
_GROUP_INCLUDING = re.compile(
    r"^(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?P<people>executives|CEOs|heads|leaders|representatives|officials|"
    r"chairmen|presidents)\s+(?:of|from)\s+[^,;]*?,?\s+including\s+(?=[A-Z0-9])"
)
_PLURAL_PEOPLE = {"chairmen": "chairman", "chairwomen": "chairwoman", "businessmen": "businessman"}


_LOWER_TAIL = re.compile(r"\s+(?:at|in|on|to|for)\s+(?=(?:the|a|an|its|their)\s+[a-z]|[a-z])")


def _named_body(item: str) -> bool:
    """ "Samsung SDI", "Dutch Chamber of Commerce in Korea": a body's name, every word capitalized."""
    words = item.split()
    return all(_is_capitalized(w) or _is_acronym(w) or w in _IN_NAMES or w[:1].isdigit() for w in words)


def _split_and(item: str) -> list[str]:
    """ "SK hynix and LG Energy Solution" -> two; "Japan Chamber of Commerce and Industry" stays one."""
    item = re.sub(r"^\s*and\s+", "", item)
    match = re.search(r"\s+and\s+(?=the\s+|[A-Z0-9])", item)
    inside_name = re.search(r"\b(?:of|for)\b", item[: match.start()]) if match else None
    if match and (item[match.end() :].startswith("the ") or not inside_name):
        return [item[: match.start()], *_split_and(item[match.end() :])]
    return [item]


def _institutions(text: str, kind: str) -> list[_Party]:
    """Counterparts when no person is named: an institution visited, or companies at a roundtable."""
    quoted = re.match(r"\s*(?:(?:the|a|an)\s+)?[\"“'‘]", text) and kind not in {"forum", "roundtable"}
    text = _clean(re.sub(r"^\s*(?:the|a|an)\s+", "", text.strip()))
    if not text or quoted:
        return []  # "met with 'Future Makers' award winners": a quoted title names no one across the table
    head = _GROUP_HEAD.match(text) or _GROUP_INCLUDING.match(text)
    if head:
        raw = [i for part in _top_level_split(text[head.end() :], ",") for i in _split_and(part)]
        written = {_clean(i): re.sub(r"^(?:\s|,|\band\b)+", "", i).strip(" ,;") for i in raw}
        # "... and SungEel HiTech at the plant": a place in lower case after the last name is not part of it
        raw = [_LOWER_TAIL.split(i)[0] for i in raw]
        items = [_clean(i) for i in raw if _clean(i)]
        if items and all(_named_body(_described_organization(i) or i) for i in items):
            people = head.group("people")
            # "the CEOs of A and B": each a CEO; "the chairmen of ...": each a chairman
            role = _PLURAL_PEOPLE.get(people, people[:-1] if people.endswith("s") else people)
            # "ambassadors from the United States and Japan": a country is whom they serve, not a party.
            prep = head.group(0).split()[-1]
            return [
                _Party(f"{role} {prep} {written[i]}", role, i, role)
                if _is_place(i)
                else _Party(_described_organization(i) or i, role, None, role)
                for i in items
            ]
    group = _group_phrase(text) if kind != "visit" else None
    if group and not _is_capitalized(group.split()[0]):
        return [_Party(group, None, None)]  # "executives of a carmaker", "heads of 10 battery makers"
    if kind not in {"visit", "forum", "roundtable"} and not (
        _is_capitalized(text) or _is_acronym(text.split()[0])
    ):
        return []  # "met with strong demand", "met with reporters": no one named
    if kind == "visit":
        return _visited(text)
    group = _group_phrase(text)
    if group:
        return [_Party(group, None, None)]
    # "Canadian miner Polar Nickel in Ottawa": the name after the noun that says what kind of body it is.
    described = _described_organization(re.split(r"[,;]", text)[0].strip())
    name = _leading_name(described or text)
    return [_Party(name, None, None)] if name else []


_CONNECTORS = {"of", "for", "and", "the", "on", "de", "du", "&"}
_IN_NAMES = _CONNECTORS | {"in", "at"}  # "Dutch Chamber of Commerce in Korea"


def _leading_name(text: str) -> str | None:
    """ "US-India Business Council at Nasdaq, Goyal said ..." -> "US-India Business Council": the
    capitalized run an institution's name is, with its bracketed acronym; never the clause after it."""
    end, last = 0, 0
    for token in re.finditer(r"\([A-Z][\w&.-]*\)|[^\s,;()]+", text):
        word = token.group(0)
        if text[end : token.start()].strip():
            break  # a comma or a bracket that is no acronym ends the name
        if word.startswith("(") or _is_capitalized(word) or _is_acronym(word) or word[:1].isdigit():
            last = end = token.end()
        elif word in _CONNECTORS:
            end = token.end()
        else:
            break
    name = text[:last].strip()
    return name or None


_LEAD_WORD = r"(?!(?:from|of|by|with|to|for|on|in|at|about|against)\b)[\w.’'-]+"


def _group_phrase(text: str) -> str | None:
    """ "U.S. congressmen who contributed to ...", "heads of 10 battery makers", "executives of a carmaker":
    people named only as a group, up to where the phrase ends."""
    nouns = "|".join(re.escape(n) for n in sorted(_words().group_people, key=len, reverse=True))
    lead = r"(?:the|a|an|some|several|many|\d+|(?:group|delegation|team|number)\s+of|" + _LEAD_WORD + r")\s+"
    # "lawmakers from Georgia, Alabama and Tennessee": a list of places stays with the group
    listed = r"(?:\s*,\s*(?:and\s+)?[A-Z][^,;()]*?|\s+and\s+[A-Z][^,;()]*?)*"
    match = re.match(
        rf"(?:{lead}){{0,4}}?(?:{nouns})\b(?:\s+(?:of|from|at|representing)\s+[^,;()]+?{listed})?"
        rf"(?=$|[,;(]|\s+(?:who|which|that|to|and|in|at|on)\b)",
        text.strip(),
    )
    if not match or _INTERNAL.search(match.group(0)):
        return None
    return match.group(0).strip()


# "officials from relevant agencies": the government's own people, an internal meeting, not a counterpart.
_INTERNAL = re.compile(
    r"\b(?:officials|representatives|heads)\s+(?:from|of)\s+(?:the\s+)?(?:relevant|related|concerned|"
    r"government|ministries|agencies|departments|affiliated)\b"
)


_SITE = (
    r"(?:plant|factory|campus|site|shipyard|headquarters|office|complex|facility|laboratory|lab|mine|center|"
    r"mill|refinery|smelter|works|"
    r"centre|valley|cluster|zone|hub|terminal)"
)


def _site_of(scope: str) -> list[_Party]:
    """ "a factory in Michigan of SK Siltron Co., a ... producer": the company whose site it is, there."""
    match = re.match(
        rf"\s*(?:an?|the|its)\s+(?:[\w-]+\s+){{0,2}}?{_SITE}\b(?:\s+in\s+(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*))?"
        rf"\s+of\s+(?:the\s+)?(?P<owner>[A-Z][^,;]*)",
        scope,
    )
    if not match:
        return []
    owner = _leading_name(match.group("owner"))
    return [_Party(owner, None, None, place=match.group("place"))] if owner else []


def _visited_at(scope: str, anchors: list[_Anchor], object_end: int) -> list[_Party]:
    """ "inspected export logistics at the Port of Busan": the institution is where the visit went."""
    place = _location_text(scope, anchors, object_end)
    first = place.split(",")[0].strip() if place else ""
    words = _words()
    named = any(_bare(w) in words.institutions for w in first.split()) or re.search(_SITE, first.lower())
    return [_Party(first, None, None)] if first and named else []


def _visited(text: str) -> list[_Party]:
    """The institution visited; "Hyundai Motor Company's Ulsan plant" -> the company, at Ulsan.

    A place alone ("visited Washington") or a part of something already named ("toured the plant's
    production line") is not an engagement with anyone.
    """
    words = _words()
    if not (_is_capitalized(text) or _is_acronym(text.split()[0])):
        return []
    if _is_place(_leading_name(text) or text):
        return []  # "visit the U.S. between Monday and Friday": a country, not a party
    site = re.match(
        rf"^(?P<owner>.+?)['’]s?\s+(?P<place>(?:[A-Z][\w-]*\s+)*)(?:[a-z][\w-]*\s+){{0,3}}{_SITE}\b", text
    )
    if site and all(_bare(w) not in words.institutions for w in site.group("place").split()):
        return [_Party(site.group("owner"), None, None, place=site.group("place").strip() or None)]
    institution = any(
        _bare(w) in words.institutions or _is_acronym(w) or re.fullmatch(_SITE, w.lower())
        or _possessive_length(w)
        for w in text.split()
    )
    return [_Party(text, None, None)] if institution else []


# Officials ----------------------------------------------------------------------------------------

_PRONOUN = re.compile(
    r"^(?:he|she|they|the\s+(?:trade\s+|deputy\s+|vice\s+)?minister|the\s+two|both)\b", re.IGNORECASE
)


def _official(subject: str, previous: str | None) -> str | None:
    """The person before the verb.

    "Trade Minister Yeo Han-koo of the Ministry ... (MOTIR, ...)" -> "Trade Minister Yeo Han-koo";
    "He" -> `previous`.
    """
    subject = re.sub(r"\([^()]*\)", "", subject)
    dates = _find_dates(subject)
    clause = subject[dates[-1].end() :] if dates else subject
    clause = clause.rsplit(";", 1)[-1]
    names = _name_spans(clause)
    after_date = clause
    if not names and dates:
        clause = subject  # "Yeo, who arrived on January 12, met ...": the name is before the date
        names = _name_spans(clause)
    if not names:
        pronoun = _PRONOUN.search(_clean(clause)) or _PRONOUN.search(_clean(after_date))
        if previous and (pronoun or not _clean(clause)):
            return previous
        if previous and _clean(clause) and _clean(clause).split()[-1] in previous:
            return previous
        # "Minister Choi will also sign ...": the family name of the official already named.
        named = [
            _bare(w) for w in _clean(clause).split() if _is_capitalized(w) and _bare(w) not in _words().titles
        ]
        return previous if previous and named and named[-1] in previous.split() else None
    start, end = names[0]
    # "Minister of Trade, Industry and Energy Ahn Duk-geun": walk back over the title, list commas included.
    title = _title_before(clause[_split_between(clause[:start]) : start])
    title = re.sub(r"^(?:On|In|At|Meanwhile|Earlier|Later|Also)\b\s*", "", title or "") or None
    official = f"{title} {clause[start:end]}" if title else clause[start:end]
    if previous and set(official.split()) < set(previous.split()):
        return previous
    return official


# Topic and attendees ------------------------------------------------------------------------------

_TOPIC_END = re.compile(
    r"\s+and\s+(?:also\s+)?(?:hear|heard|ask|asked|request|requested|agree|agreed|reaffirm|reaffirmed|share|shared|"
    r"call|called|urge|urged|express|expressed|seek|sought|explore|explored|exchange|exchanged|discuss|discussed|"
    r"emphasize|emphasized|stress|stressed|note|noted|highlight|highlighted|pledge|pledged|vow|vowed|confirm|"
    r"confirmed|welcome|welcomed|review|reviewed|sign|signed|explain|explained|listen|listened|receive|received|"
    r"encourage|encouraged|invite|invited|propose|proposed|suggest|suggested|commit|committed|thank|thanked)\b"
    r"|,\s*(?:and|while|which|where|as|during|saying|adding|noting|with|who|according)\b|;|\s+\(|[.!?]$"
    r"|,\s*,|,\s*(?:co-)?(?:hosted|organi[sz]ed|held|jointly)\b"
    r"|,\s*(?:[\w’'.-]+\s+){1,4}?(?:said|says|announced|added|noted)\b"
    r"|,?\s+(?:during|at)\s+(?:the|a|his|her)\s+(?:meeting|talks|visit|call)\b"
)
_TOPIC_VERB = re.compile(rf"\b(?:{_DISCUSS})\s+")


def _trim_topic(text: str) -> str | None:
    text = text.strip()
    if text[:1] in {'"', "“"}:
        # '"attractive investment opportunities in India," he said': the quoted words only
        text = re.split(r'["”]', text[1:], maxsplit=1)[0]
    place = re.search(
        r",?\s+(?:in|at)\s+(?:the\s+)?(?=[A-Z][a-z])(?![A-Z][a-z]+(?:ese|ian|ean|ish|an)\s+[a-z])"
        r"(?![A-Z][\w-]*['’]s\s+[a-z])", text
    )  # "investing in Korean data centers", "in India's logistics sector": no place
    # "on shipbuilding in Washington": the place is not part of the topic.
    text = text[: place.start()] if place else text
    match = _TOPIC_END.search(text)
    if match:
        text = text[: match.start()]
    text = _LOCAL_TIME.sub("", text).strip(" ,.;:")
    text = re.sub(r"\s+with$", "", text)
    text = re.sub(r"^(?:the\s+issue\s+of|issues\s+(?:related\s+to|of|regarding)|matters\s+of)\s+", "", text)
    if len(text.split()) < 1 or len(text) > 300:
        return None
    return text or None


def _topic_in_scope(rest: str) -> str | None:
    """The topic stated after the object: "to outline X and hear ...", "on X", "and discussed X"."""
    for date_match in _find_dates(rest):
        rest = (
            rest[: date_match.start()] + "," + " " * (len(date_match.group(0)) - 1) + rest[date_match.end() :]
        )
    verb = _TOPIC_VERB.search(rest)
    if verb:
        return _trim_topic(rest[verb.end() :])
    match = re.search(
        r"\b(?:to|on|about|regarding|concerning)\s+(?!" + _NOT_TOPIC + r")(?!the\s+[A-Z])(?=[a-z])", rest
    )
    if match:
        return _trim_topic(rest[match.end() :])
    return None


def _topic_in_sentence(sentence: str) -> str | None:
    verb = _TOPIC_VERB.search(sentence)
    return _trim_topic(sentence[verb.end() :]) if verb else None


_ATTENDED = re.compile(
    r"\b(?:attended|joined|accompanied|briefed|received|welcomed|greeted|guided)\s+by\s+|\balong\s+with\s+(?=[A-Z])|\bin\s+attendance\s+(?:were|was)\s+"
    r"|\bparticipants\s+included\s+"
)


def _attendees(sentence: str) -> list[str]:
    """Other people named as present.

    "The meeting was attended by Victor Cha, Korea Chair at CSIS, along with other officials."
    -> ["Victor Cha, Korea Chair at CSIS"]
    """
    found: list[str] = []
    for match in _ATTENDED.finditer(sentence):
        phrase = sentence[match.end() :].rstrip(" .")
        for party in _parties(phrase):
            described = f"{party.name}, {party.role}" if party.role else party.name
            if described not in found:
                found.append(described)
    return found


# Locations ----------------------------------------------------------------------------------------


_PREPOSITION = re.compile(r"[\s,]*(?:on|about|regarding|concerning|over)\b")


def _span(text: str, anchor: _Anchor) -> str:
    return text[anchor.start : anchor.end]


def _location_text(scope: str, anchors: list[_Anchor], after: int) -> str | None:
    """The place phrase after the object.

    "at the U.S. Congress in Washington, D.C." -> "U.S. Congress, Washington, D.C."
    """
    clauses = (
        a
        for a in anchors
        if a.kind == "purpose" and a.start >= after and not _PREPOSITION.match(_span(scope, a))
    )
    purpose = next((a.start for a in clauses), len(scope))
    # "... to discuss investment in Korea": a place named in a purpose clause is not where they met;
    # "signed an MOU on hydrogen in Riyadh": after a short "on ..." phrase it still is.
    places = [a for a in anchors if a.kind == "location" and after <= a.start < purpose]
    if not places:
        return None
    first = places[0]
    end = next((a.start for a in anchors if a.start > first.start and a.kind != "location"), len(scope))
    # "in Geoje with a group of shipowners": the company kept is not part of the place.
    raw = re.split(r"\s+(?:(?:along\s+|together\s+)?with|accompanied\s+by)\s+", scope[first.start : end])[0]
    raw = _LOCAL_TIME.sub("", raw)
    lead = (r"^\s*,?\s*(?:[Aa]t|[Ii]n|to|"
            r"(?:traveled|travelled|travels?|arrived|arrives?|flew|fly|flies|went|go|goes)\s+(?:to|in)|"
            r"[Dd]uring\s+\S+\s+(?:\w+\s+)?(?:visit|trip)\s+to)\s+(?:the\s+)?")
    raw = re.sub(lead, "", raw)
    raw = re.sub(r"\s+to$", "", raw.rstrip())  # "fly to Santiago to hold talks"
    raw = re.sub(r"\s+(?:at|in)\s+(?:the\s+)?(?=[A-Z])", ", ", raw)
    raw = _place_parts(raw)
    raw = re.sub(r"(?<!\b[A-Z])\.$", "", raw.strip(" ,;"))
    if not raw or len(raw) > 200:
        return None
    return raw


def _place_parts(raw: str) -> str:
    """ "JW Marriott Hotel Seoul, held on occasion of ..." -> "JW Marriott Hotel Seoul": a place's parts
    are capitalized; the clause after it is not part of it."""
    parts = raw.split(",")
    kept = [parts[0]]
    for part in parts[1:]:
        words = part.split()
        capitalized = all(_is_capitalized(w) or w in _CONNECTORS for w in words)
        if not words or not capitalized or re.search(r"[\"“”]", part):
            break
        kept.append(part)
    return ",".join(kept)


# The extractor ------------------------------------------------------------------------------------


@dataclass
class _State:
    """What earlier sentences of the release established: continuation sentences rely on it."""

    official: str | None = None
    date: date | None = None
    mentioned_date: date | None = None
    said_date: date | None = None  # "South Korea said Wednesday ...": the day its statements were made
    planned_date: date | None = None  # the day of the last engagement announced for later
    location: str | None = None
    topic: str | None = None  # of an event stated without people: "Korea and Poland signed an agreement on X"
    trip_topic: str | None = None  # a planned trip's purpose: "will visit Brazil next week to promote X"
    meetings: list[Meeting] = field(default_factory=list)


def extract_meetings(release: Release) -> list[Meeting]:
    """Every meeting, visit, call, talks, forum, signing or roundtable of a release, one per counterpart."""
    body = release.body
    token = _NEXT_WEEK.set(re.search(r"\bnext\s+week\b", body, re.IGNORECASE) is not None)
    try:
        # The dateline ("New York [US], September 25 :") says where and when the story was filed, not
        # when anyone met: it is blanked (same length, so spans hold) before the body is read.
        end = _wire_dateline_end(body)
        read = replace(release, body=" " * end + body[end:]) if end else release
        found = _extract(read, _here(release))
    finally:
        _NEXT_WEEK.reset(token)
    kept = [m for m in found if m.counterpart is None or not _not_a_party(m.counterpart)]
    return [replace(m, quote=body[m.span[0] : m.span[1]].strip()) for m in kept]


# "SEOUL, March 3 (Yonhap) --", "New York [US], September 25 :", "ISLAMABAD, (Agency - 29th Jan, 2025)".
_WIRE_DATELINE = re.compile(
    r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\[[^\]]{1,40}\])?"
    r"(?P<date>\s*,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,9}\.?(?:\s+\d{4})?))?"
    r"(?P<agency>\s*,?\s*\([^()]{1,70}\))?\s*(?P<stop>--|[-–—:])?\s+"
)


_HEADLINE_PLACE = re.compile(
    r"\bin\s+(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s*(?::|,|$|\s+[-–—])"
)


def _here(release: Release) -> str | None:
    """What "here" means in a release: its dateline's city ("NEW DELHI -", "New York [US], ... :"), else
    the place its headline puts the story in ("Goyal in New York: ...")."""
    dateline = _WIRE_DATELINE.match(release.body) if _wire_dateline_end(release.body) else None
    if dateline:
        city = re.match(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", dateline.group(0))
        if city:
            words = city.group(1).split()
            return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words)
    headline = _HEADLINE_PLACE.search(release.title)
    return headline.group("place") if headline else None


def _wire_dateline_end(body: str) -> int:
    """Where a leading wire dateline ends (0 when there is none): it needs a date, an agency or a dash."""
    match = _WIRE_DATELINE.match(body)
    if match is None or not (match.group("stop") or match.group("agency")):
        return 0
    if not (match.group("date") or match.group("agency") or match.group("stop") in {"--", "—", "–", ":"}):
        return 0
    return match.end()


def _not_a_party(counterpart: str) -> bool:
    """A place ("Jeju Island", "Liaoning Province", "Michigan") or a document ("Free Trade Agreement")
    read where a person or an institution should be."""
    words = _words()
    text = re.sub(r"^(?:the|a|an)\s+", "", counterpart.strip())
    bare = [_bare(w) for w in text.split()]
    if not bare:
        return True
    if _is_place(text):
        return True
    if bare[-1] in words.documents:
        return True  # "Free Trade Agreement", "Korea-Chile FTA"
    if bare[-1] in words.buildings:
        return True  # "Lotte Hotel", "Forrestal Building": where they met, not whom
    return _is_honorific(text)


def _is_place(text: str) -> bool:
    """ "Japan", "South Korea", "Jeju Island", "Liaoning Province", "Washington, D.C."."""
    words = _words()
    text = re.sub(r"^(?:the)\s+", "", text.strip())
    first = text.split(",")[0].strip()
    if text in words.places or words.place_phrases.fullmatch(text) or words.place_phrases.fullmatch(first):
        return True
    bare = [_bare(w) for w in first.split()]
    if first in words.places and len(text.split(",")) == 2 and text.split(",")[1].strip() in words.places:
        return True
    named_body = any(b in words.institutions for b in bare[:-1])
    return bool(bare) and bare[-1] in words.place_words and not named_body


def _is_honorific(text: str) -> bool:
    """ "Amb", "H.E.", "Mr.": a title cut from its name."""
    words = _words()
    skipped = _CONNECTORS | set(words.nationalities)
    tokens = [t for t in text.split() if t not in skipped and not _is_place(t)]
    titled = (t in words.titles or _bare(t) in words.titles or _bare(t).rstrip(".") in words.honorifics
              for t in tokens)
    return bool(tokens) and all(titled)


def _extract(release: Release, here: str | None = None) -> list[Meeting]:
    body = release.body
    # "met chief executives ... here" in a story filed from New York: "here" places the story's meetings.
    said_here = any(not _inside_quotes(body, m.start()) for m in re.finditer(r"\bhere\b", body))
    here = here if said_here else None
    state = _State(location=_dateline(body) or here)
    pending: list[int] = []  # indexes of the meetings the sentences that follow may describe further
    for start, end in sentences(body, MAX_SENTENCE):
        sentence = body[start : min(end, start + MAX_SENTENCE)]
        span = (start, start + len(sentence))
        state.said_date = state.said_date or _said_date(sentence, release.published)
        triggers = _find_triggers(sentence)
        plans = [t for t in triggers if t.planned]
        trip = _TRIP_PLAN.search(sentence)
        if trip and not triggers:
            plans.append(_Trigger("visit", trip.start(), trip.end(), planned=True))
        trip_plan = plans and len(plans) == len(triggers) or (trip and not triggers)
        if trip_plan:
            # "Minister A will visit Brazil next week": who "he" is in the schedule that follows.
            state.official = _official(sentence[: plans[0].start], state.official) or state.official
        # "A, B and C held the trilateral meeting": people named together before the verb go first.
        found = _between_meetings(release, sentence, span, state)
        found = found or _pair_meetings(release, sentence, span, state, people_only=True)
        found = found or _delegation_meetings(release, sentence, span, state)
        found = found or (_sentence_meetings(release, sentence, span, triggers, state) if triggers else [])
        found = found or _pair_meetings(release, sentence, span, state)
        found = [m for m in found if not _merge_repeat(state, m)]
        if trip_plan and not found:
            # the purpose of a trip with no one named yet is the topic of the meetings it announces
            state.trip_topic = _topic_in_scope(sentence[plans[0].end :]) or state.trip_topic
        if found:
            pending = list(range(len(state.meetings), len(state.meetings) + len(found)))
            state.meetings.extend(found)
            continue
        if _attended_by(state, pending, sentence):
            pending = list(range(len(state.meetings) - 1, len(state.meetings)))
            continue
        _describe(state, pending, sentence)
        for match in _find_dates(sentence):
            state.mentioned_date = _resolve_date(match, release.published, state.date) or state.mentioned_date
    return [_with_title_role(m, release.title) for m in _without_summaries(state.meetings)]


_BUSINESS_GROUP = re.compile(
    r"\b(?:executives|CEOs|chiefs|chairmen|chairwomen|presidents|founders|investors|business\s+leaders)\b"
)


def _without_summaries(meetings: list[Meeting]) -> list[Meeting]:
    """ "met with chief executives of leading corporations ... here" leading a story that goes on to name
    each CEO is a summary of those meetings, not one more: dropped when named company officers follow."""
    officers = any(
        m.counterpart_role and _name_spans(m.counterpart or "")
        and any(_bare(w) in _words().corporate_titles for w in m.counterpart_role.split())
        for m in meetings
    )
    return [
        m for m in meetings
        if not (officers and m.counterpart and not _is_capitalized(m.counterpart)
                and _BUSINESS_GROUP.search(m.counterpart) and not m.counterpart_role)
    ]


def _merge_repeat(state: _State, meeting: Meeting) -> bool:
    """A later sentence about an engagement already found ("They discussed X with Greer") adds to it."""
    from dataclasses import fields, replace

    for n, earlier in enumerate(state.meetings):
        same_day = meeting.date is None or earlier.date is None or meeting.date == earlier.date
        same_day = same_day and earlier.planned == meeting.planned
        # "In a tweet after his meeting with Kravis, ...": the family name of someone already logged.
        same = earlier.counterpart == meeting.counterpart or (
            bool(meeting.counterpart and earlier.counterpart) and " " not in meeting.counterpart
            and earlier.counterpart.split()[-1] == meeting.counterpart
        )
        if meeting.counterpart and same and same_day:
            missing = {
                f.name: getattr(meeting, f.name)
                for f in fields(Meeting)
                if getattr(earlier, f.name) in (None, ()) and getattr(meeting, f.name) not in (None, ())
            }
            state.meetings[n] = replace(earlier, **missing)
            return True
    return False


def _without_final_stop(text: str) -> str:
    """ "... of Samsung Electronics." -> "... of Samsung Electronics"; "Washington, D.C." keeps its dot."""
    return re.sub(r"(?<!\b[A-Z])[.!?]\s*$", "", text.rstrip())


_PAIR_VERB = re.compile(
    r"\b(?:held|had|hold|holds)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,6}?"
    r"(?P<noun>(?i:talks|meeting|summit|phone\s+call|call|conversation|video\s+conference|discussions))\b(?!\s+with\b)"
    r"|\b(?P<met>met|meet)\b(?!\s+(?:\w+\s+)?with\b)(?!\s+(?:the\s+)?[A-Z])"
    r"|\b(?P<signed>signed|sign)\s+(?:(?:an?\s+|the\s+)?(?:[\w'’()-]+\s+){0,6}?"
    r"(?:MOU|MoU|(?i:memorandum|agreement|arrangement|declaration|deal|accord))\b|it\b|them\b)(?![^.;]*\bwith\b)"
    r"|\b(?P<cochair>co-chaired|co-hosted|jointly\s+(?:chaired|hosted)|co-chair|co-host)\s+"
    # "A, B and C also agreed during the call that ...": the people of a call told in the sentence before.
    r"|\b(?:also\s+)?(?:agreed|discussed|exchanged|reaffirmed|stressed|noted|shared|confirmed)\b[^.;]{0,60}?"
    r"\b(?:during|in|on|at)\s+the\s+(?P<during>(?:phone\s+|video\s+)?(?:call|meeting|talks|conversation))\b"
)
# A meeting the official chaired with no one named across the table: "presided over a meeting on ...".
_CHAIRED = re.compile(
    r"\b(?:held|presided\s+over|chaired|convened|hosted)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?i:meeting)\b(?!\s+with\s+[A-Z])"
)


_GROUP_AFTER_AND = re.compile(
    r"\s+and\s+(?=(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:executives|CEOs|heads|leaders|representatives|chairmen|"
    r"presidents|officials|chiefs)\s+(?:of|from)\s)"
)
_BETWEEN = re.compile(
    r"\b(?P<noun>meeting|talks|(?:phone|video)\s+call|call|conversation|video\s+conference)\s+between\s+"
    r"(?P<people>.+?)\s+(?:took\s+place|was\s+held|were\s+held|was\s+conducted)\b"
)


_CO_CHAIRED_BY = re.compile(
    r"\b(?:co-chaired|co-hosted|jointly\s+(?:chaired|hosted))\s+by\s+(?P<people>[^;]+)"
)


def _between_meetings(release: Release, sentence: str, span: tuple[int, int], state: _State) -> list[Meeting]:
    """ "A meeting between Minister A and Minister B took place in Osaka on June 11"; "Korea and the U.S.
    held the Energy Dialogue in Washington on May 3, co-chaired by Vice Minister A and Deputy Secretary B"."""
    match = _BETWEEN.search(sentence)
    chaired = None if match else _CO_CHAIRED_BY.search(sentence)
    if match is None and chaired is None:
        return []
    people = _parties(_without_final_stop((match or chaired).group("people")))
    if len(people) < 2:
        return []
    first = people[0]
    official = f"{first.title_before} {first.name}" if first.title_before else first.name
    if chaired:
        event = re.search(rf"\b{_NAMED_EVENT}\b", sentence[: chaired.start()])
        noun = event.group(0).lower() if event else "dialogue"
        kind = "forum" if noun not in {"dialogue", "summit", "meeting", "ministerial"} else "talks"
        scope = _without_final_stop(sentence[: chaired.start()])
        scope = scope[event.end() :] if event else scope
    else:
        noun = match.group("noun")
        kind = "talks" if noun == "talks" else "call" if ("call" in noun or "video" in noun) else "meeting"
        scope = _without_final_stop(sentence[match.end() :])
    anchors = _anchors(scope)
    when = _first_date(anchors, release, state) or state.date or state.mentioned_date
    where = _location_text(scope, anchors, 0) or (None if kind == "call" else state.location)
    topic = _topic_in_scope(scope)
    state.official, state.date, state.location = official, when or state.date, where
    return [_meeting(release, sentence, span, official, p, when, where, topic, kind) for p in people[1:]]


_SIDE = r"(?:delegation|side|team|party)"
# "Director A led the Korean delegation": the official of a committee or working group meeting.
_LED_SIDE = re.compile(
    rf"\b(?:led|headed|leads|heads)\s+(?:the|its|their|his|her)\s+(?:[A-Z][\w-]*\s+)?{_SIDE}\b"
)
# "Indonesia was represented by B", "the Japanese side was led by B", "... and the Peruvian side by B".
_REPRESENTED_BY = re.compile(
    rf"\b(?:(?:was|were)\s+(?:represented|led|headed)\s+by"
    rf"|(?:and|while)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?{_SIDE}\s+by)\s+"
)


def _delegation_meetings(
    release: Release, sentence: str, span: tuple[int, int], state: _State
) -> list[Meeting]:
    """A joint committee or working group told by its delegations: "A led the Korean delegation, while
    Indonesia was represented by B"; "The Korean side was led by A and the Peruvian side by B"."""
    passives = list(_REPRESENTED_BY.finditer(sentence))
    led = _LED_SIDE.search(sentence)
    if not passives or (led is None and len(passives) < 2 and not re.search(rf"\b{_SIDE}\b", sentence)):
        return []
    people: list[_Party] = []
    for n, match in enumerate(passives):
        end = passives[n + 1].start() if n + 1 < len(passives) else len(sentence)
        phrase = re.split(r",\s*(?:and|while|whereas|with)\b|;", sentence[match.end() : end])[0]
        found = _parties(_without_final_stop(phrase))
        if found:
            people.append(found[0])
    if led is not None and led.start() < passives[0].start():
        official = _official(sentence[: led.start()], state.official)
    elif len(people) >= 2:
        first, people = people[0], people[1:]
        official = f"{first.title_before} {first.name}" if first.title_before else first.name
    else:
        official = state.official
    if not people:
        return []
    state.official = official or state.official
    when = state.date or state.mentioned_date
    return [
        _meeting(release, sentence, span, official, p, when, state.location, state.topic, "talks")
        for p in people
    ]


def _pair_meetings(
    release: Release, sentence: str, span: tuple[int, int], state: _State, people_only: bool = False
) -> list[Meeting]:
    """ "Minister A and Japan's Minister B held talks in Tokyo": the second person is the counterpart.

    "Minister A presided over a meeting on X": a meeting with no counterpart.
    """
    verb = _PAIR_VERB.search(sentence)
    chaired = _CHAIRED.search(sentence)
    if verb is None and chaired is None:
        return []
    verb = verb or chaired
    subject = sentence[: verb.start()]
    dates = _find_dates(subject)
    people = _parties(subject[dates[-1].end() :] if dates else subject)
    scope = _without_final_stop(sentence[verb.end() :])
    group = _GROUP_AFTER_AND.search(subject)
    if group and verb is not chaired and (official := _official(subject[: group.start()], state.official)):
        # "Minister Kim and the heads of A, B and C held a meeting": each company is a counterpart.
        kind, counterparts = _pair_kind(verb, scope), _institutions(subject[group.end() :], "meeting")
    elif len(people) >= 2 and verb is not chaired:
        first = people[0]
        official = f"{first.title_before} {first.name}" if first.title_before else first.name
        kind, counterparts = _pair_kind(verb, scope), people[1:]
    elif chaired is not None and not people_only and (official := _official(subject, state.official)):
        kind, counterparts, scope = "meeting", [_Party("", None, None)], _without_final_stop(
            sentence[chaired.end() :]
        )
    else:
        if verb is not chaired and not people_only:
            # "Korea and Poland signed ...": the next sentence may name who signed.
            _remember_event(release, scope, state)
        return []
    # "A, together with B, will hold the Joint Committee Meeting on Monday": announced for later.
    planned = _FUTURE.search(subject.rsplit(";", 1)[-1] + verb.group(0)[:12]) is not None
    ahead = _AHEAD.set(planned)
    try:
        anchors = _anchors(scope)
        when = _first_date(anchors, release, state)
        stated = (d for m in dates if (d := _resolve_date(m, release.published, state.date)))
        when = when or next(stated, None)
    finally:
        _AHEAD.reset(ahead)
    when = when or (None if planned else state.date or state.mentioned_date)
    where = _location_text(scope, anchors, 0) or (None if kind == "call" else state.location)
    topic = _topic_in_scope(verb.group(0) if kind == "signing" else "") or _topic_in_scope(scope)
    topic = topic or state.topic
    if not planned:
        state.official, state.date, state.location = official, when or state.date, where
    return [_meeting(release, sentence, span, official, p, when, where, topic, kind, planned)
            for p in counterparts]


def _leading_place(text: str | None) -> str | None:
    """ "Washington, D.C., Trade Minister Yeo" -> "Washington, D.C.": a place before the official's name."""
    if not text:
        return None
    parts = [p.strip() for p in text.split(",")]
    kept = [parts[0]]
    for part in parts[1:]:
        if not (len(part) <= 4 or part in _words().places or _words().place_phrases.fullmatch(part)):
            break
        kept.append(part)
    return None if any(_bare(w) in _words().ranks for w in kept[0].split()) else ", ".join(kept)


def _remember_event(release: Release, scope: str, state: _State) -> None:
    anchors = _anchors(scope)
    state.date = _first_date(anchors, release, state) or state.date
    state.location = _location_text(scope, anchors, 0) or state.location
    state.topic = _topic_in_scope(scope)


_DATELINE = re.compile(r"\s*([A-Z][A-Z .'-]{2,30}?)(?:,[^-–—]{0,40}?)?\s+[-–—]{1,2}\s+")


def _dateline(body: str) -> str | None:
    """ "WASHINGTON - ..." or "SEOUL, March 3 (Yonhap) -- ...": where the release was filed."""
    match = _DATELINE.match(body)
    return " ".join(word.capitalize() for word in match.group(1).split()) if match else None


def _pair_kind(verb: re.Match[str], scope: str) -> str:
    if verb.group("signed"):
        return "signing"
    if verb.group("cochair"):
        event = re.search(rf"\b(?i:{_EVENT}|talks|meeting)\b", scope)
        noun = event.group(0).lower() if event else ""
        return "forum" if noun and noun not in {"dialogue", "summit", "talks", "meeting"} else "talks"
    noun = " ".join((verb.group("noun") or verb.group("during") or "").lower().split())
    if noun == "talks":
        return "talks"
    return "call" if any(w in noun for w in ("call", "conversation", "video")) else "meeting"


def _named_before(earlier: str, subject: str) -> str | None:
    """ "Cheong on Thursday held ..." after "Led by South Korea's Minister for Trade Cheong In-kyo": the
    official named in full earlier in the release, with the title given there."""
    words = [_bare(w) for w in subject.split() if _is_capitalized(w) and _nameable(w)]
    if len(words) != 1:
        return None
    earlier = earlier[-5000:]
    for start, end in reversed(_name_spans(earlier)):
        if words[0] in earlier[start:end].split():
            title = _title_before(earlier[_split_between(earlier[:start]) : start])
            return f"{title} {earlier[start:end]}" if title else earlier[start:end]
    return None


def _subject_dates(
    release: Release, subject: str, dateline: re.Match[str] | None, state: _State
) -> list[date]:
    return [
        d
        for m in _find_dates(subject[dateline.end() :] if dateline else subject)
        if (d := _resolve_date(m, release.published, state.date)) is not None
    ]


def _sentence_meetings(
    release: Release, sentence: str, span: tuple[int, int], triggers: list[_Trigger], state: _State
) -> list[Meeting]:
    subject = sentence[: triggers[0].start]
    official = _official(subject, state.official) or _named_before(release.body[: span[0]], subject)
    # "SEOUL, May 14 (Yonhap) -- ... on Wednesday met ...": the dateline's date is when the story was filed.
    dateline = _DATELINE.match(subject) if span[0] == 0 or not release.body[: span[0]].strip() else None
    # "In Brussels on February 3, Minister Kim met ...", "During his visit to Washington, ...".
    subject_place = _leading_place(_location_text(subject, _anchors(subject), 0))
    meetings: list[Meeting] = []
    sentence_date: date | None = None
    for n, trigger in enumerate(triggers):
        scope_end = triggers[n + 1].start if n + 1 < len(triggers) else len(sentence)
        scope = _without_final_stop(sentence[trigger.end : scope_end])
        ahead = _AHEAD.set(trigger.planned)
        # "the following day" after a planned engagement counts from that engagement's day
        held_date = state.date
        state.date = state.planned_date if trigger.planned else held_date
        try:
            kind, parties, when, where, topic = _read_scope(release, sentence, trigger, scope, state)
            subject_dates = _subject_dates(release, subject, dateline, state)
        finally:
            _AHEAD.reset(ahead)
            state.date = held_date
        if trigger.planned:
            state.planned_date = when or (subject_dates[0] if subject_dates else None) or state.planned_date
        official, parties = _signatories(scope, kind, official, parties)
        verb_text = sentence[trigger.start : trigger.end]
        official, parties = _home_side(subject, verb_text, kind, official, parties, state)
        # "inspected ... on July 13 and met with X": a date earlier in the sentence holds for what follows.
        sentence_date = when or sentence_date
        when = sentence_date or (subject_dates[0] if subject_dates else None)
        # An engagement announced for later has only the day its own sentence gives it.
        when = when or (None if trigger.planned else state.date or state.mentioned_date)
        if when is None and not trigger.planned and _SAID_AT.search(sentence[: trigger.end]):
            when = state.said_date  # "X said during a meeting with Y": what was said that day, was said there
        # A call has no place unless the text gives one; other engagements keep the trip's place.
        where = where or subject_place or (None if kind == "call" else state.location)
        its = re.match(r"\s*its\s+([a-z][\w -]*?),?\s+(?=[A-Z])", scope)
        visited = meetings[-1] if meetings and meetings[-1].kind == "visit" else None
        if its and visited and parties:
            # "visited the Japan Business Federation and met with its chairman, X": one visit, to X.
            meetings.pop()
            kind, where, topic = "visit", where or visited.location, topic or visited.topic
            parties = [
                _Party(p.name, p.role or its.group(1), p.organization or visited.counterpart) for p in parties
            ]
        elif its and parties:
            # "asked aircraft maker Aerovia to ... during a meeting with its chief executive, X".
            owner = _described_in(subject)
            parties = [_Party(p.name, p.role or its.group(1), p.organization or owner) for p in parties]
        site = re.search(rf"\bat\s+the\s+({_SITE})\b", scope)
        if site and visited:
            # "toured X's plant in Ulsan, then chaired a roundtable ... at the plant": the place just visited.
            where = f"{visited.counterpart}'s {site.group(1)}"
            where += f", {visited.location}" if visited.location else ""
        whens, wheres = _respectively(release, scope, parties, state)
        topic = topic or state.trip_topic
        for n_party, party in enumerate(parties):
            # A place stated for this engagement wins over one its name gives, which wins over an earlier one.
            place = where if where and where != state.location else party.place or where
            place, day = (wheres[n_party] if wheres else place), (whens[n_party] if whens else when)
            meetings.append(
                _meeting(release, sentence, span, official, party, day, place, topic, kind, trigger.planned)
            )
        if parties and not trigger.planned:
            state.date, state.location = when or state.date, where or state.location
    if official:
        state.official = official
    return meetings


_DIPLOMAT = re.compile(r"\b(?:Ambassador|Envoy|Charg[eé]|Consul|d[’']Affaires|High\s+Commissioner)\b")


def _home_side(
    subject: str, verb_text: str, kind: str, official: str | None, parties: list[_Party], state: _State
) -> tuple[str | None, list[_Party]]:
    """The release's own official stays the official when the sentence makes the other side its subject:
    "US Charge d'Affaires B called on Minister A", or "Greer is also set to meet Minister A" after Greer
    was logged as a counterpart."""
    if len(parties) != 1 or not parties[0].name:
        return official, parties
    party = parties[0]
    earlier = _earlier_counterpart(state, subject)
    calling = kind == "courtesy_call" and not verb_text.lstrip().startswith("received")
    visiting = calling and _DIPLOMAT.search(subject) is not None
    if earlier is not None and earlier.counterpart != party.name:
        guest = _Party(earlier.counterpart or "", earlier.counterpart_role, earlier.organization)
    elif visiting and (names := _name_spans(subject)):
        start, end = names[-1]
        role = _clean(subject[:start].rsplit(",", 1)[-1])
        guest = _Party(subject[start:end], role or None, None)
    else:
        return official, parties
    title = party.title_before or (party.role if party.role and not party.role.startswith("(") else None)
    host = f"{title} {party.name}" if title else party.name
    return host, [guest]


def _earlier_counterpart(state: _State, subject: str) -> Meeting | None:
    """The meeting whose counterpart the subject names alone ("Greer is also set to ...")."""
    clause = subject
    for match in reversed(_find_dates(subject)):
        clause = clause[: match.start()] + clause[match.end() :]
    named = {_bare(w) for w in clause.split() if _is_capitalized(w) and _nameable(w)}
    if not named:
        return None
    for meeting in reversed(state.meetings):
        person = bool(meeting.counterpart and _name_spans(meeting.counterpart))
        if person and named <= set((meeting.counterpart or "").split()):
            return meeting
    return None


_SIGNED_BY = re.compile(r",?\s+(?:signed|inked)\s+by\s+(?P<people>.+)$")


def _signatories(
    scope: str, kind: str, official: str | None, parties: list[_Party]
) -> tuple[str | None, list[_Party]]:
    """ "The ministry inked an agreement with Veltrix, signed by Minister A and Veltrix CEO B": the first
    signatory is the official, the others are the counterparts, of the partner the sentence named."""
    match = _SIGNED_BY.search(scope) if kind == "signing" else None
    people = _parties(match.group("people")) if match else []
    if len(people) < 2:
        return official, parties
    first = people[0]
    one_body = len(parties) == 1 and not (parties[0].role or parties[0].title_before)
    partner = parties[0].name if one_body else None
    partner = partner and (_described_organization(partner) or partner)
    signer = f"{first.title_before} {first.name}" if first.title_before else first.name
    counterparts = [
        _Party(p.name, _role_without(p.role, partner), p.organization or partner, p.title_before)
        for p in people[1:]
    ]
    return signer, counterparts


def _role_without(role: str | None, organization: str | None) -> str | None:
    """ "Veltrix CEO" with the organization "Veltrix Semiconductor" -> "CEO"."""
    if not role or not organization:
        return role
    for size in range(len(organization.split()), 0, -1):  # "Polar Nickel President", "Veltrix CEO"
        head = " ".join(organization.split()[:size])
        if role.startswith(head + " ") and role[len(head) + 1 :].split()[0] in _words().titles:
            return role[len(head) + 1 :]
    return role


def _respectively(
    release: Release, scope: str, parties: list[_Party], state: _State
) -> tuple[list[date | None], list[str]]:
    """ "met A and B in Prague and Bratislava on June 8 and 9, respectively": dates and places in order."""
    if len(parties) < 2 or not re.search(r"\brespectively\b", scope):
        return [], []
    anchors = _anchors(scope)
    dates = [
        _resolve_date(a.match, release.published, state.date) for a in anchors if a.kind == "date" and a.match
    ]
    place = _location_text(scope, anchors, 0) or ""
    places = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", place) if p.strip()]
    return (
        dates if len(dates) == len(parties) else [],
        places if len(places) == len(parties) else [],
    )


_VIDEO = re.compile(r"(?i)\bvideo|\bvirtual(?:ly)?\b|\bonline\b|\bteleconferenc")


def _meeting(
    release: Release, sentence: str, span: tuple[int, int], official: str | None, party: _Party,
    when: date | None, where: str | None, topic: str | None, kind: str, planned: bool = False,
) -> Meeting:
    lead = len(sentence) - len(sentence.lstrip())
    if kind == "call" and _VIDEO.search(sentence) and not re.search(r"\b(?:tele)?phone\b", sentence):
        kind = "video_call"  # "held a video conference with", "met virtually with"
    return Meeting(
        release_id=release.id, official=official, counterpart=party.name or None, quote=sentence.strip(),
        span=(span[0] + lead, span[0] + len(sentence.rstrip())), date=when, counterpart_role=party.role,
        organization=party.organization, location=where, topic=topic, kind=kind, planned=planned,
    )


def _read_scope(
    release: Release, sentence: str, trigger: _Trigger, scope: str, state: _State
) -> tuple[str, list[_Party], date | None, str | None, str | None]:
    anchors = _anchors(scope)
    kind = trigger.kind
    if kind == "forum":
        return _read_forum(release, scope, anchors, state)
    object_end = anchors[0].start if anchors else len(scope)
    # A signing may name its subject before the partner: "signed an MOU on hydrogen trade with ...";
    # so may a discussion: "discussed steel tariffs with ...".
    topic = _topic_in_scope(sentence[trigger.start : trigger.end]) if kind == "signing" else None
    discussed = re.match(r"\S+(?:\s+about)?\s+(.+?)\s+with\s+$", sentence[trigger.start : trigger.end])
    if kind == "meeting" and discussed and re.match(r"(?:discuss|talk|review)", sentence[trigger.start :]):
        topic = _trim_topic(discussed.group(1))
    remote = r"\b(?:by|via|over)\s+(?:phone|telephone|video|the\s+phone|videoconference)"
    if kind == "meeting" and re.search(remote, scope):
        kind = "call"
    obj = scope[:object_end]
    if kind == "meeting*":
        # "hosted Minister Paik Nam-il", but not "hosted Independence Day celebrations".
        names = _name_spans(obj)
        # "... Dousa and a business delegation" still ends with the name
        tail = r"\s*(?:$|[,(]|and\s+(?:an?|the|his|her|their)\s+[a-z])"
        ends_with_name = bool(names) and re.match(tail, obj[names[-1][1] :]) is not None
        talks = re.match(r"[\s,]*for\s+(?:bilateral\s+)?talks\b", scope[names[-1][1] :] if names else "")
        kind, parties = "talks" if talks else "meeting", _parties(obj) if ends_with_name else []
    elif kind == "visit":
        parties = (
            _site_of(scope)
            or _institutions(obj, kind)
            # "visited Minister A", not "visited Cabo Verde": a person visited has a title
            or [p for p in _parties(obj) if p.title_before or p.role]
            or _visited_at(scope, anchors, object_end)
        )
    elif _GROUP_HEAD.match(obj.strip()):
        parties = _institutions(obj, kind)  # "executives from A, B and C": the companies
    else:
        parties = _parties(obj) or _institutions(obj, kind)
        parties += _group_after_names(obj) if parties else []
    if kind == "roundtable" and not parties:
        # "presided over the 'Battery Strategy Roundtable' on November 1": the roundtable itself, until a
        # sentence names who attended it.
        named = _ROUNDTABLE_NAME.search(sentence, trigger.start, trigger.end)
        title = named.group(1).strip(" “”\"‘’'") if named else ""
        parties = [_Party(title, None, None)] if title and _is_capitalized(title) else []
    if re.search(r"\b(?:series|round|number)\s+of\b", sentence[trigger.start : trigger.end]):
        # "held a series of meetings with CEOs": a summary of the meetings the text goes on to name.
        parties = [p for p in parties if _name_spans(p.name)]
    # A date between the verb's noun and "with" ("held a video conference on March 4 with ...").
    when = _first_date(anchors, release, state) or _first_date(
        _anchors(sentence[trigger.start : trigger.end]), release, state
    )
    where = _location_text(scope, anchors, object_end)
    if kind == "visit" and parties and parties[0].place and _site_of(scope):
        where = parties[0].place  # "a factory in Michigan of SK Siltron Co.": Michigan
    if where is None and kind != "call":
        # "hosted a luncheon at a hotel in Seoul on May 5 with ...": the place came before "with".
        verb_text = sentence[trigger.start : trigger.end]
        where = _location_text(verb_text, _anchors(verb_text), 0)
    topic = topic or _topic_in_scope(scope[object_end:])
    return kind, parties, when, where, topic


_ROUNDTABLE_NAME = re.compile(
    r"(?:[“\"‘']|\b(?:the|a|an)\s+)([^“”\"]*?(?i:roundtable|round-table|round\s+table))"
)


def _group_after_names(obj: str) -> list[_Party]:
    """ "his U.S. counterpart Katherine Tai and American lawmakers": the group after the last name."""
    names = _name_spans(obj)
    tail = re.match(r"\s*,?\s*and\s+(?P<rest>.+)", obj[names[-1][1] :]) if names else None
    if tail is None or _name_spans(tail.group("rest")):
        return []
    rest = tail.group("rest").strip()
    if _GROUP_HEAD.match(rest.strip()):
        return _institutions(rest, "meeting")
    group = _group_phrase(rest)
    return [_Party(group, None, None)] if group else []


def _first_date(anchors: list[_Anchor], release: Release, state: _State) -> date | None:
    for anchor in anchors:
        if anchor.kind == "date" and anchor.match:
            found = _resolve_date(anchor.match, release.published, state.date)
            if found:
                return found
    return None


# The words of an event's name after its first: "Ministerial Council Meeting", "MEET 2026", "of the ...".
_NAME_WORDS = r"(?:\s+(?:[A-Z0-9][\w'’-]*|of|on|for|and|the)(?=\s|$|[,.;(]))*"


def _read_forum(
    release: Release, scope: str, anchors: list[_Anchor], state: _State
) -> tuple[str, list[_Party], date | None, str | None, str | None]:
    """ "opened the Korea-Japan Business Forum in Tokyo on March 3" -> the forum is the counterpart."""
    event = re.search(rf"\b{_NAMED_EVENT}\b", scope)
    name_end = event.end() if event else 0
    # The name runs on to the end of its capitalized words: "OECD Ministerial Council Meeting (MCM)".
    rest = re.match(_NAME_WORDS + r"(?:\s+\([A-Z0-9-]+\))?", scope[name_end:])
    if rest and rest.group(0):
        name_end += len(re.sub(r"(?:\s+(?:of|on|for|and|the))+$", "", rest.group(0)))
        event = re.search(rf"\b{_NAMED_EVENT}\b(?!.*\b{_NAMED_EVENT}\b)", scope[:name_end]) or event
    # "a webinar on the EU Battery Regulation on March 17": the date is not part of the name.
    name_end = min([name_end, *(a.start for a in anchors if a.kind == "date" and 0 < a.start < name_end)])
    name = re.sub(r"^(?:an?|the)\s+", "", scope[:name_end].strip()).strip("'\"‘’“”")
    # "a webinar on X", "a workshop on X": an event without a name of its own says its subject.
    subject = re.match(rf"\s*(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?i:{_EVENT})\s+on\s+(?P<topic>.+)",
                       scope[:name_end])
    # "the opening ceremony of H2 MEET 2026": the event is what the ceremony opens.
    ceremony = re.match(
        r"\s*(?:an?\s+|the\s+)?[\w-]+\s+ceremony\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z0-9])", scope
    )
    if ceremony:
        opened = re.match(r"[A-Z0-9][\w'’-]*" + _NAME_WORDS, scope[ceremony.end() :])
        if opened:
            name = re.sub(r"(?:\s+(?:of|on|for|and|the))+$", "", opened.group(0))
            name_end = max(name_end, ceremony.end() + len(name))
    # The event's own name may hold "in" or "on" ("Forum on Supply Chains"): anchors start after it.
    later = [a for a in anchors if a.start >= name_end]
    # "opened the forum ..., co-hosting the event with Commissioner X": the co-host is the counterpart.
    with_party = re.match(r"\s*(?:co-hosted\s+)?with\s+", scope[name_end:]) or re.search(
        r"\b(?:co-host(?:ed|ing)?|co-organi[sz](?:ed|ing)|jointly\s+(?:hosted|organi[sz]ed))\b[^.;]{0,40}?\bwith\s+",
        scope[name_end:],
    )
    parties: list[_Party] = []
    if with_party:
        start = name_end + with_party.end()
        stop = next((a.start for a in later if a.start >= start), len(scope))
        parties = _parties(scope[start:stop]) or _institutions(scope[start:stop], "forum")
    # A named event, also one with an ordinal: "30th Korea-Japan Economic Forum".
    # "a speech at the Korea Steel Day celebration", "the 10th anniversary ceremony": a celebration is not
    # an engagement with anyone.
    celebration = re.search(r"(?i)\b(?:celebrations?|anniversary|jubilee)\b", scope[: name_end + 30]) or (
        name and _bare(name.split()[-1]) in _words().celebrations
    )
    if celebration:
        return "forum", [], None, None, None
    if not parties and name and re.match(r"(?:\d+(?:st|nd|rd|th)\s+)?[A-Z0-9]", name):
        parties = [_Party(name, None, None)]
    when = next(
        (
            d
            for a in later
            if a.kind == "date" and a.match and (d := _resolve_date(a.match, release.published, state.date))
        ),
        None,
    )
    where = _location_text(scope, later, name_end)
    topic = _topic_in_scope(scope[name_end:]) or (subject.group("topic").strip(" ,") if subject else None)
    # "held the 3rd Korea-UK Trade Dialogue with <minister>": talks with that person, not a forum.
    # "held the Investment Ministerial Meeting with <minister>": a meeting with that person.
    noun = event.group(0).lower() if event else ""
    if with_party and parties and noun in {"dialogue", "summit", "meeting", "ministerial"}:
        return ("talks" if noun in {"dialogue", "summit"} else "meeting"), parties, when, where, topic
    return "roundtable" if noun == "roundtable" else "forum", parties, when, where, topic


def _describe(state: _State, pending: list[int], sentence: str) -> None:
    """A sentence after an engagement: its topic and attendees, where the engagement sentence gave none."""
    if not pending or _BACKGROUND.search(sentence):
        return  # "The two last met three weeks ago, when ...": history, not what this meeting covered
    topic = _topic_in_sentence(sentence)
    attendees = _attendees(sentence)
    # "Participants asked for ...": what was said at a roundtable or forum, not on the tour before it.
    gathering = re.match(r"\s*(?:The\s+)?(?:participants|attendees|panelists|speakers)\b", sentence, re.I)
    for index in pending:
        meeting = state.meetings[index]
        changes: dict[str, object] = {}
        if gathering and meeting.kind not in {"roundtable", "forum"}:
            continue
        speaker = _representative(sentence, meeting)
        if speaker:
            # "... co-hosted with the Federal Environment Agency. Jonas Weber, Head of Section at the Agency,
            # presented ...": the co-host's named representative is who the official engaged with.
            changes.update(counterpart=speaker.name, counterpart_role=speaker.role,
                           organization=meeting.counterpart)
        if topic and not meeting.topic:
            changes["topic"] = topic
        if attendees:
            names = [a for a in attendees if not a.startswith(meeting.counterpart or "\0")]
            changes["attendees"] = (*meeting.attendees, *[a for a in names if a not in meeting.attendees])
        if changes:
            from dataclasses import replace

            state.meetings[index] = replace(meeting, **changes)  # type: ignore[arg-type]


_ATTENDED_BY = re.compile(
    r"\b(?:was|were)\s+(?:also\s+)?attended\s+by\s+|\b(?:participants|attendees)\s+included\s+"
)


def _attended_by(state: _State, pending: list[int], sentence: str) -> bool:
    """ "The roundtable was attended by ..., including Chairman A of X and B, CEO of Y": a roundtable told
    by its name or its organiser becomes one engagement per person named at it."""
    if len(pending) != 1:
        return False
    meeting = state.meetings[pending[0]]
    match = _ATTENDED_BY.search(sentence)
    if match is None or meeting.kind != "roundtable" or not meeting.counterpart:
        return False
    if _name_spans(meeting.counterpart) == [(0, len(meeting.counterpart))]:
        return False  # a person is already across the table: the others are attendees
    phrase = sentence[match.end() :]
    including = re.search(r"\bincluding\s+", phrase)
    phrase = _without_final_stop(phrase[including.end() :] if including else phrase)
    people = [p for p in _parties(phrase) if p.name]
    if not people:
        return False
    rows = []
    for party in people:
        organization = party.organization
        role = _role_without(party.role, organization) if organization else party.role
        rows.append(
            replace(meeting, counterpart=party.name, counterpart_role=role, organization=organization)
        )
    state.meetings[pending[0] : pending[0] + 1] = rows
    return True


def _representative(sentence: str, meeting: Meeting) -> _Party | None:
    """The person a sentence opens with, whose role places them at the institution an event was held with."""
    if meeting.kind not in {"forum", "roundtable"} or not meeting.counterpart:
        return None
    if _name_spans(meeting.counterpart):
        return None
    names = _name_spans(sentence)
    if not names or sentence[: names[0][0]].strip():
        return None
    parties = _parties(_without_final_stop(sentence))
    if not parties:
        return None
    party = parties[0]
    institution = {_bare(w) for w in re.findall(r"[A-Z][\w'’-]*", meeting.counterpart)}
    role_words = {_bare(w) for w in re.findall(r"[A-Z][\w'’-]*", party.role or "")}
    shared = {w for w in institution & role_words if w not in _words().titles or w in _words().institutions}
    return party if party.role and shared else None


def _with_title_role(meeting: Meeting, title: str) -> Meeting:
    """A role the body leaves out but the headline gives: "... Meets with U.S. Senator Bill Hagerty"."""
    from dataclasses import replace

    if not meeting.counterpart or (meeting.counterpart_role and not meeting.counterpart_role.startswith("(")):
        return meeting
    at = title.find(meeting.counterpart)
    if at < 0:
        return meeting
    if meeting.kind in {"visit", "forum", "roundtable"} or not _name_spans(meeting.counterpart):
        return meeting  # an institution or an event: the headline's words before it are not a title
    verbs = r"(?i)\b(?:with|meets|met|visits|visited|and|hosts|calls|holds|talks)\b"
    before = re.split(verbs, title[:at])[-1]
    title_role = _title_before(before)
    if not title_role:
        return meeting
    role = f"{title_role} {meeting.counterpart_role}" if meeting.counterpart_role else title_role
    return replace(
        meeting,
        counterpart_role=role,
        organization=meeting.organization or _organization_of_title(title_role),
    )


# Trips --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trip:
    """Engagements in one city within a few days, in chronological order."""

    meetings: tuple[Meeting, ...]
    city: str | None
    start: date | None
    end: date | None
    label: str


def city_of(location: str | None) -> str | None:
    """The city part of a location.

    "U.S. Congress, Washington, D.C." -> "Washington, D.C."; "Lotte Hotel, Seoul" -> "Seoul".
    """
    if not location:
        return None
    parts = [p.strip() for p in _top_level_split(location, ",") if p.strip()]
    if not parts:
        return None
    last = parts[-1]
    words = _words()
    is_region = len(last) <= 4 or last in words.places or all(w in words.places for w in last.split())
    if len(parts) >= 2 and is_region:
        return f"{parts[-2]}, {last}"
    return last


def group_trips(meetings: Iterable[Meeting], locale: str = "en") -> list[Trip]:
    """Engagements grouped into trips: the same city, each within TRIP_GAP_DAYS of the trip's last one.

    Meetings without a date or a city are a group of their own each. Trips are in chronological order,
    undated ones last.
    """
    ordered = sorted(enumerate(meetings), key=lambda item: (item[1].date or date.max, item[0]))
    open_trips: dict[str, list[Meeting]] = {}
    groups: list[list[Meeting]] = []
    for _, meeting in ordered:
        city = city_of(meeting.location)
        if meeting.date is None or city is None:
            groups.append([meeting])
            continue
        key = city.split(",")[0].strip().casefold()  # "Washington" and "Washington, D.C." are one city
        current = open_trips.get(key)
        if current is not None and (meeting.date - current[-1].date).days <= TRIP_GAP_DAYS:  # type: ignore[operator]
            current.append(meeting)
            continue
        open_trips[key] = [meeting]
        groups.append(open_trips[key])
    groups.sort(key=lambda g: g[0].date or date.max)
    return [_trip(group, locale) for group in groups]


def _trip(group: Sequence[Meeting], locale: str) -> Trip:
    dates = [m.date for m in group if m.date]
    start, end = (min(dates), max(dates)) if dates else (None, None)
    cities = [c for m in group if (c := city_of(m.location))]
    city = max(cities, key=len) if start and cities else None  # the fullest spelling: "Washington, D.C."
    wording = _trip_wording(locale)
    count = len(group)
    form = Locale.parse(locale).plural_form(count)
    engagements = wording.get(form, wording["other"]).format(count=count)
    when = format_date_range(start, end, locale) if start and end else wording["undated"]
    where = f"{city}, " if city else ""
    return Trip(tuple(group), city, start, end, f"{where}{when}: {engagements}")


@cache
def _trip_wording(locale: str) -> dict[str, str]:
    labels = _words_data()["trip_labels"]
    return labels.get(locale.split("_")[0], labels["en"])



