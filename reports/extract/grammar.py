"""Word lists and patterns of release English that metric extraction reads (precompiled once).

They describe the language (verbs of level and change, period phrases, clause
boundaries), never the subjects of any particular release.
"""

from __future__ import annotations

import re
import sys

from reports.extract.text import word_lists

# Where str.lower() and re.IGNORECASE part ways: 'İ' lower-cases to two characters, and re.IGNORECASE
# takes dotless 'ı' for 'i' and long 'ſ' for 's'.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")


class Caseless:
    """A case-insensitive pattern that runs about three times faster than re.IGNORECASE: a case-sensitive
    copy is matched against the lower-cased text (same length, so positions are the text's).

    A match's groups are lower-cased text: quote the original by position. Text holding one of
    `_CASE_TRAPS` is matched by the re.IGNORECASE pattern itself, so results never differ from it.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if "(?-i" in pattern:
            raise ValueError("a Caseless pattern has no case-sensitive part")
        self.ignorecase = re.compile(pattern, flags | re.IGNORECASE)
        lowered = _lower_literals(pattern)
        self._lowered = re.compile(lowered, flags & ~re.IGNORECASE)
        # For ASCII text a copy compiled with re.ASCII: "\b" and "\w" then look a character up in a table
        # instead of asking Unicode whether it is a letter or a digit (a few percent of extraction). Kept
        # the Unicode one where an inline "(?i:" could match an ASCII letter by a non-ASCII one ("ſ").
        ascii_safe = lowered.isascii() or "(?i" not in lowered
        ascii_flags = (flags & ~re.IGNORECASE) | re.ASCII
        self._ascii = re.compile(_ascii_spaces(lowered), ascii_flags) if ascii_safe else None

    # Each method tests the text itself rather than through a shared helper: they run some 150 times a
    # release, and the extra calls were a few percent of extraction. `search` and `match` keep the lowered
    # copy of the text asked last as `_lower` does, without calling it (only a text free of `_CASE_TRAPS`
    # is kept, so a kept text needs no test).
    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        last, lowered = _LAST_LOWERED[0]
        if last is not text:
            if not text.isascii() and _CASE_TRAPS.search(text):
                return self.ignorecase.search(text, pos, endpos)
            lowered = text.lower()
            _LAST_LOWERED[0] = (text, lowered)
        if self._ascii is not None and lowered.isascii():
            return self._ascii.search(lowered, pos, endpos)
        return self._lowered.search(lowered, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        last, lowered = _LAST_LOWERED[0]
        if last is not text:
            if not text.isascii() and _CASE_TRAPS.search(text):
                return self.ignorecase.match(text, pos, endpos)
            lowered = text.lower()
            _LAST_LOWERED[0] = (text, lowered)
        if self._ascii is not None and lowered.isascii():
            return self._ascii.match(lowered, pos, endpos)
        return self._lowered.match(lowered, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):  # noqa: ANN201 - an iterator of matches
        if text.isascii() and self._ascii is not None:
            return self._ascii.finditer(_lower(text), pos, endpos)
        if text.isascii() or not _CASE_TRAPS.search(text):
            return self._lowered.finditer(_lower(text), pos, endpos)
        return self.ignorecase.finditer(text, pos, endpos)


_LAST_LOWERED: list[tuple[str, str]] = [("", "")]  # the text lowered last, with its lower-cased copy


def _lower(text: str) -> str:
    """text.lower(), kept for the text asked last: a sentence's patterns ask for the same text many times."""
    last, lowered = _LAST_LOWERED[0]
    if last is not text:
        lowered = text.lower()
        _LAST_LOWERED[0] = (text, lowered)  # one assignment: a reader never sees a text with another's copy
    return lowered


def _ascii_spaces(pattern: str) -> str:
    """The pattern for re.ASCII, its "\\s" and "\\S" read as Unicode reads them in ASCII text, where the
    separators \\x1c-\\x1f are whitespace too: r"up\\s+[\\s-]" -> r"up[\\s\\x1c-\\x1f]+[\\s\\x1c-\\x1f-]"."""
    spelled = []
    in_class = False
    at = 0
    while at < len(pattern):
        if pattern[at] == "\\":  # an escape: two characters
            piece = pattern[at : at + 2]
            if piece == r"\S" and in_class:
                raise ValueError(f"no ASCII spelling of \\S in a class: {pattern}")
            spelled.append(_ASCII_SPACES[in_class].get(piece, piece))
        elif pattern[at] == "[" and not in_class:
            piece = re.match(r"\[\^?\]?", pattern[at:]).group(0)  # a "]" right after "[" or "[^" is literal
            spelled.append(piece)
            in_class = True
        else:
            piece = pattern[at]
            spelled.append(piece)
            in_class = in_class and piece != "]"
        at += len(piece)
    return "".join(spelled)


# How _ascii_spaces spells "\\s" and "\\S", outside a class and in one.
_ASCII_SPACES = (
    {r"\s": r"[\s\x1c-\x1f]", r"\S": r"[^\s\x1c-\x1f]"},
    {r"\s": r"\s\x1c-\x1f"},
)


def _lower_literals(pattern: str) -> str:
    """The pattern's upper-case letters lower-cased, escapes and group syntax kept ('\\S', '(?P<name>')."""
    return re.sub(
        r"\\.|\(\?P[<=]|[A-Z]", lambda m: m.group(0).lower() if len(m.group(0)) == 1 else m.group(0), pattern
    )


MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Two months in a row joined by "and" are the span of both: "In January and February, orders totaled ..."
_MONTH_PAIRS = "|".join(rf"{a}\s+and\s+{b}\b" for a, b in zip(_MONTH_NAMES, _MONTH_NAMES[1:], strict=False))
_ORDINAL = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# Period phrases, most specific first. A day number after a month makes it a date, not a period.
PERIOD = re.compile(
    r"(?=[JFMASONDfstnHhQqlLTyYwWeEBbCcopP0-9]|betw)\b(?:"
    rf"(?P<days>(?P<dm>{_MONTH})\s*(?P<d1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|until)\s*"
    rf"(?P<d2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d|,\d|\.\d|\s*(?:percent|%|billion|million))"
    rf"(?:,?\s+(?P<dy>(?:19|20)\d{{2}}))?)"
    # "Jan. 1 to March 20", "the Jan. 1-March 20 period": days across months
    rf"|(?P<dspan>(?P<sm1>{_MONTH})\s*(?P<sd1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|until)\s*"
    rf"(?!(?P=sm1)\b)(?P<sm2>{_MONTH})\s*(?P<sd2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d|,\d|\.\d)"
    rf"(?:,?\s+(?P<sy>(?:19|20)\d{{2}}))?)"
    # "01 January to 30 September 2017": day-first dates, as much of the world writes them
    rf"|(?P<dfspan>(?P<wd1>0?[1-9]|[12]\d|3[01])\s+(?P<wm1>{_MONTH})\s*(?:-|–|—|to|through|until)\s*"
    rf"(?P<wd2>0?[1-9]|[12]\d|3[01])\s+(?P<wm2>{_MONTH})(?:,?\s+(?P<wy>(?:19|20)\d{{2}}))?)"
    # "the first 20 days of December"; "the 20 days of September": those days too
    rf"|(?P<firstdays>(?:(?:[Tt]he\s+)?[Ff]irst\s+|[Tt]he\s+(?=(?:\d{{1,2}}|ten|twenty)\s+days\s+of\s+{_MONTH}))(?P<fdn>\d{{1,2}}|ten|twenty)\s+days(?:\s+of\s+(?:(?P<fdthis>this|the)\s+month|"
    rf"(?P<fdm>{_MONTH})(?:\s+(?P<fdy>(?:19|20)\d{{2}}))?))?)"
    rf"|(?P<cited>[Tt]he\s+(?:cited|\d{{1,2}}-day|(?:ten|twenty)-day)\s+period\b|\d{{1,2}}\s+days\s+this\s+month)"
    # "the quarter ending March", "the March 2017 quarter", "the September quarter": the quarter to that month
    rf"|(?P<qend>[Qq]uarter\s+end(?:ing|ed)\s+(?:in\s+)?(?P<qem>{_MONTH})(?:\s+(?P<qey>(?:19|20)\d{{2}}))?"
    rf"|(?P<qnm>{_MONTH})(?:\s+(?P<qny>(?:19|20)\d{{2}}))?\s+quarter\b(?!-))"
    rf"|(?P<pair>(?P<pm>{_MONTH_PAIRS})(?:,?\s+(?P<py>(?:19|20)\d{{2}}))?)"  # "January and February"
    # "July 2021 to March 2022"
    rf"|(?P<range>(?P<btw>[Bb]etween\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<ry1>(?:19|20)\d{{2}}))?"
    # not "from September 2024 to September 2025": one month against the same month a year before
    rf"\s*(?:-to-|-|–|—|to|through|until|(?(btw)and|(?!)))\s*(?!(?P=m1)\b)"
    # "January-May 2021", "the January-May period this year"
    rf"(?P<m2>{_MONTH})(?:,?\s+(?:(?:period|months)\s+(?:of|in)\s+)?(?P<ry>(?:19|20)\d{{2}})"
    rf"|(?:\s+period)?\s+(?:of\s+)?(?P<rrel>this|last)\s+year)?)"
    rf"|(?P<date>{_MONTH}\s+\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?)"
    # "the first 11 months of the year"; "the past 11 months this year": the same months
    rf"|(?P<firstn>(?:[Ff]irst|(?:[Pp]ast|[Ll]ast)(?=\s+\w+\s+months\s+(?:of\s+)?this\s+year\b))\s+(?P<fn>two|three|four|five|six|seven|eight|nine|ten|eleven|2|3|4|5|6|7|8|9|10|11)\s+"
    rf"(?P<fu>months?|quarters)(?:\s+of)?(?:\s+(?:the\s+year|this\s+year|(?P<fy>(?:19|20)\d{{2}})))?)"
    rf"|(?P<upto>(?:(?P<un>(?i:three|six|nine|twelve)|3|6|9|12)\s+months|(?P<uq>(?i:two|three|four)|2|3|4)\s+quarters)\s+"
    rf"(?:to|through|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:(?P<um>{_MONTH})(?:\s+(?P<uy>(?:19|20)\d{{2}}))?|(?P<uyo>(?:19|20)\d{{2}})))"
    rf"|(?P<half>(?P<hn>(?i:first|second|1st|2nd))[\s-]+half(?:\s+of)?(?:\s+(?:the\s+)?(?:year\s+)?(?P<hy>(?:19|20)\d{{2}})"
    rf"|\s+(?P<hrel>this|last|next)\s+year)?)"
    # "H1 2024", "H1'24", and the trade's "2H24" (the second half of 2024)
    rf"|(?P<hcode>\b(?:[Hh](?P<hc>[12])"
    rf"(?:\s*(?P<hcy>(?:19|20)\d{{2}}|'\d{{2}})|\s+(?:of\s+)?(?P<hcrel>this|last|next)\s+year)?"
    rf"|(?P<hc2>[12])H(?P<hcy2>(?:19|20)?\d{{2}}))\b)"
    rf"|(?P<quarter>(?P<qn>{_ORDINAL})[\s-]+quarter(?:\s+of)?(?:\s+(?:the\s+)?(?:year\s+)?(?P<qy>(?:19|20)\d{{2}})"
    rf"|\s+(?P<qrel>this|last|next)\s+year)?)"
    rf"|(?P<qcode>\b(?:Q(?P<qc>[1-4])"
    rf"(?:\s*(?P<qcy>(?:19|20)\d{{2}}|'\d{{2}})|\s+(?:of\s+)?(?P<qcrel>this|last|next)\s+year)?"
    rf"|(?P<qc2>[1-4])Q(?P<qcy2>(?:19|20)?\d{{2}}))\b)"
    rf"|(?P<lastm>\b(?P<lmw>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<lmn>{_MONTH})\b)"
    rf"|(?P<month>(?P<mn>{_MONTH})(?:\s+of)?(?:\s+(?P<my>(?:19|20)\d{{2}})|\s+(?P<mrel>this|last|next)\s+year)?\b)"
    r"|(?P<yrange>(?:from\s+|between\s+)?(?P<y1>(?:19|20)\d{2})\s*(?:-|–|to|through|and)\s*(?P<y2>(?:19|20)\d{2})"
    r"(?!\d|,\d|\.\d|\s*(?:percent|%|billion|million|units)))"
    r"|(?P<year>(?<![\d,.$])(?P<yy>(?:19|20)\d{2})(?!\d|,\d|\.\d|\s*(?:percent|%|billion|million|units)))"
    r"|(?P<rel>\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+previous|[Tt]he\s+preceding|[Tt]he\s+following|[Tt]he\s+past)"
    r"\s+(?P<rw>year|month)\b)"
    # "between the beginning of the year and May 20", "since the start of this year"
    rf"|(?P<ybeg>(?:[Bb]etween|[Ff]rom|[Ss]ince)\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year"
    rf"(?:\s+(?:and|to|until|through|till)\s+(?P<ybm>{_MONTH})(?:\s*(?P<ybd>[1-9]|[12]\d|3[01])(?!\d|[.,]\d))?)?)"
    r"|(?P<yend>\byear-end\b|\bthe\s+end\s+of\s+the\s+year\b)"
    # "For the full year, the surplus came to ...": the year the release is about
    r"|(?P<fullyear>\b(?:[Tt]he\s+)?(?:[Ff]ull|[Ww]hole|[Ee]ntire)[\s-]+year\b(?!\s*(?:of\s+)?(?:19|20)\d\d))"
    # "year-to-date", "so far this year", "cumulative exports", "on a cumulative basis": January to the
    # running month
    r"|(?P<ytd>(?i:\byear[\s-]to[\s-]date\b|\bso\s+far\s+(?:this|in\s+the)\s+year\b|\bthe\s+year\s+so\s+far\b"
    r"|\bcumulative(?:ly)?\b|\bon\s+a\s+cumulative\s+basis\b)))",
)
# The words a PERIOD phrase can begin with, in the lower-cased text: the first words of all its alternatives
# (a new alternative adds its own here).
_PERIOD_FIRST_WORDS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|first|second|third|fourth|three|six|nine|twelve|two|four"
    r"|last|past|this|next|between|h[12]|q[1-4]|19|20|from\s+(?:19|20)|year[\s-](?:end|to)|so\s+far|full|whole|entire"
    r"|cumulative|on\s+a\s+cumulative|quarter\s+end"
    r"|(?:from|since)\s+the\s+(?:beginning|start)"
    r"|the\s+(?:first|cited|\d|ten|twenty|previous|preceding|following|past|end|full|whole|entire|year\s+so)"
    r"|[1-9]\d?(?:st|nd|rd|th|\s+(?:days|months|quarters))"  # "1st", "12 months", "10 days"
    r"|[1-4]q\d|[12]h\d"  # "2Q24", "2H24"
    r"|[0-3]?\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"  # "01 January to 30 September"
)
_PERIOD_FIRST = re.compile(_PERIOD_FIRST_WORDS)
# One of those words after a character that is not a word's (ASCII text, lower-cased): the engine skips to
# such characters by a table, where "\b" would ask Unicode whether each character is a letter.
_PERIOD_START = re.compile(rf"[^a-z0-9_](?={_PERIOD_FIRST_WORDS})")


def period_phrases(text: str) -> list[re.Match[str]]:
    """The matches of PERIOD.finditer(text), found about three times as fast: PERIOD is tried only where one
    of its first words begins a word, not at every word start, where it enters each of its twenty
    alternatives in turn."""
    if not text.isascii():  # re.IGNORECASE matches "ı" for "i": the lowered text would miss "fırst half"
        return list(PERIOD.finditer(text))
    lowered = _lower(text)
    starts = [start.end() for start in _PERIOD_START.finditer(lowered)]
    if _PERIOD_FIRST.match(lowered):
        starts.insert(0, 0)
    found: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at >= end and (match := PERIOD.match(text, at)) is not None:
            found.append(match)
            end = match.end()
    return found


# Phrases that name a period by referring to one, read apart from PERIOD (which every sentence runs many
# times) and only in sentences that hold their words: "during the period", "in the month", "over the same
# period", "in the seven-month period" (the period already stated), and "in the next four years".
PERIOD_REFERRING = re.compile(
    r"(?P<anaphor>\b[Tt]he\s+(?:same\s+|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"-month\s+)?(?:month|period)\b(?!\s+(?:before|earlier|ago|of|from|to|between|ending|ended|in|last|a\s+year|"
    r"when|that|which|the\s+(?:previous|preceding|prior|year))\b))"
    r"|(?P<nexty>\bnext\s+(?P<nyn>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-9])\s+years\b)"
)
# A fiscal period, read apart from PERIOD and only in sentences that name one ("fiscal", "FY", "financial
# year"): "fiscal 2024", "FY25", "FY2024-25", "the 2023-24 financial year", "Q2 FY2025", "the second quarter
# of fiscal 2025", "the first half of fiscal 2024", "H1 FY25". Its months depend on the economy
# (periods._fiscal_year).
_FISCAL_YEAR = (
    r"(?:(?:the\s+)?(?:[Ff]iscal|[Ff]inancial)\s+(?:[Yy]ear\s+)?|FY\s?'?)"
    r"(?P<{0}>(?:19|20)\d\d(?:\s?[-/–]\s?(?:(?:19|20)?\d\d))?|\d\d(?:[-/]\d\d)?)(?![\d,.]\d)"
)
FISCAL_PERIOD = re.compile(
    r"(?P<fquarter>(?:Q(?P<fq>[1-4])|(?P<fqn>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)\s+"
    r"(?:fiscal\s+)?quarter(?:\s+of)?)\s+" + _FISCAL_YEAR.format("fqy") + ")"
    r"|(?P<fhalf>(?:H(?P<fh>[12])|(?P<fhn>[Ff]irst|[Ss]econd)\s+half(?:\s+of)?)\s+"
    + _FISCAL_YEAR.format("fhy")
    + ")"
    r"|(?P<fyear>" + _FISCAL_YEAR.format("fy") + ")"
    r"|(?P<fyear2>(?:the\s+)?(?P<fy2>(?:19|20)\d\d\s?[-/–]\s?(?:(?:19|20)?\d\d))\s+(?:fiscal|financial)\s+year)"
)
FISCAL_HINT = re.compile(r"iscal|FY|inancial\s+year")

# A period that is the base of a comparison ("from 2024", "since February 2025") is not the figure's period.
BASE_BEFORE = Caseless(
    r"(?:\bfrom|\bsince|\bthan|\bon|\bcompared\s+(?:to|with)|\bversus|\bvs\.?|\bagainst|\bover|\brelative\s+to|"
    r"\b(?:same|corresponding|comparable|similar)\s+(?:period|month|quarter|time)(?:\s+(?:of|in|last))?|\bbefore|\buntil|"
    r"\bprior\s+to|\bbetween|\bfollowing|\bbegan|\bbegun)"  # "since data compiling began in 1956"
    r"\s+(?:at\s+least\s+)?(?:(?:in|during)\s+)?(?:the\s+)?(?:same\s+(?:period|month|quarter|time)\s+(?:(?:of|in)\s+)?)?"
    r"(?:(?:end|start|beginning)\s+of\s+)?$"
    # "21.3% higher than the exports total for March 2021": the period of what it is compared with
    r"|\b(?:than|compared\s+(?:to|with))\s+(?:the\s+|its\s+)?(?:[a-z-]+\s+){1,3}(?:for|in|of)\s+$"
    # "outperforming the $2.51 billion of 2022", "surpassing the previous high of $683.6 billion set in 2022":
    # the period of the level a figure beat
    r"|\b(?:outperform|surpass|exceed|beat|top)\w*\s+(?:the|its|a)\s+(?:[a-z-]+\s+){0,3}?(?:of\s+)?"
    r"[$€£¥₩]?\d[\d.,]*\s*(?:billion|million|trillion|bn|mn)?\s+(?:[a-z-]+\s+){0,2}?(?:of|in|set\s+in|from)\s+$"
    # "Comparing November 2018 with November 2017, ...": the period compared with
    r"|\bcompar(?:ing|ed)\b[^,;]{0,40}?\bwith\s+(?:the\s+)?$"
    # "a 25.4% share, the second highest this year": the span it is ranked in
    r"|,\s*(?:the|its)\s+(?:(?:second|third|fourth|fifth)[\s-]+)?(?:highest|lowest|largest|biggest|smallest|"
    r"strongest|weakest|best|worst|fastest|slowest|steepest)"
    r"(?:\s+(?:level|figure|share|rate|pace|reading|gain|rise|fall|drop|increase|decline))?\s+(?:so\s+far\s+)?"
    r"(?:in\s+|for\s+)?$"
)
PERIOD_RIGHT_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:(?:was|were)\s+)?(?:set|recorded|posted|reached|achieved|logged|registered)\s+)?"
    r"(?:(?:growth|increase|decrease|rise|fall|decline|drop|gain|expansion|contraction|jump|surge|rebound|"
    r"(?:trade\s+)?(?:surplus|deficit))\s+)?"  # "after a $0.22 billion deficit in November"
    # "a 0.4 percent rebound posted in November": the noun before the verb
    r"(?:(?:set|recorded|posted|reached|achieved|logged|registered)\s+)?"
    # "rose 4.3 percent at an annual rate for the third quarter": how the change is measured, then its period
    r"(?:at\s+an?\s+(?:seasonally\s+adjusted\s+)?(?:annual|annualized|annualised)\s+rate\s+)?"
    r"(?:(?:in|for|during|as\s+of|at\s+end-?|by)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)

LEVEL_VERBS = (
    "saw",
    "sees",
    "totaled",
    "totalled",
    "totals",
    "to total",
    "reached",
    "reaches",
    "to reach",
    "amounted to",
    "amounts to",
    "came to",
    "comes to",
    "came in at",
    "stood at",
    "stands at",
    "recorded",
    "records",
    "posted",
    "posts",
    "post",
    "went from",
    "swung to",
    "turned to",
    "handled",
    "numbered",
    "made up",
    "took",
    "captured",
    "makes up",
    "make up",
    "making up",
    "represented",
    "comprised",
    "hit",
    "touched",
    "hits",
    "to hit",
    "logged",
    "registered",
    "marked",
    "were",
    "was",
    "is",
    "are",
    "hovered",
    "remained",
    "remains",
    "remain",
    "held steady",  # "the unemployment rate held steady at 4.3%"
    "held stable",
    "holds steady",
    "held at",
    "stayed",
    "stays",
    "topped",
    "exceeded",
    "surpassed",
    "reported",
    "attracted",
    "received",
    "secured",
    "won",
    "was led",
    "were led",
    "accounted for",
    "earned",
    "generated",
    "invested",
    "raised",
    "drew",
    "averaged",
    "averages",
    "accumulated to",  # "Exports of cars have accumulated to a fresh record of $52.9 billion"
    "ended at",  # "The trade surplus ended at NOK 39.2 billion"
    # "exports will reach $540 billion", "exports in 2020 would amount to $510 billion": a modal's level
    *(
        f"{modal} {verb}"
        for modal in ("will", "would", "could", "might", "should")  # not "may": the month
        for verb in ("reach", "total", "be", "be worth", "amount to", "hit", "come to", "stand at", "exceed",
                     "top", "surpass", "remain", "stay", "hover")
    ),
    "to be worth",
    "were worth",
    "was worth",
    # "Imports of cars led the increase, jumping 25 percent": the clause names what drove the total's move
    *(
        f"{verb} the {move}"
        for verb in ("led", "drove", "fueled", "fuelled", "powered", "propelled")
        for move in ("increase", "gain", "gains", "rise", "growth", "way", "decline", "drop", "fall", "surge")
    ),
)
CHANGE_VERBS_UP = (
    "rallied",
    "rallies",
    "rose",
    "gain",  # "Shipments were expected to gain 0.1%"
    "rises",
    "risen",
    "rise",
    "increased",
    "increases",
    "increase",
    "grew",
    "grows",
    "grown",
    "grow",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "surged",
    "surges",
    "soared",
    "soars",
    "gained",
    "gains",
    "expanded",
    "expands",
    "advanced",
    "advances",
    "rebounded",
    "rebounds",
    "edged up",
    "ticked up",
    "inched up",
    "picked up",
    "spiked",
    "skyrocketed",
    "improved",
    "went up",
    "added",
    "widened",
    "doubled",
    "nearly doubled",
    "more than doubled",
    "tripled",
    "growing",
    "rising",
    "climbing",
    "jumping",
    "surging",
    "increasing",
    "soaring",
    "gaining",
    # less common verbs of real releases and wires
    "rocketed",
    "rockets",
    "leapt",
    "leaped",
    "leaps",
    "ballooned",
    "zoomed",
    "vaulted",
    "swelled",
    "bounced back",
    "shot up",
    "moved up",
    "accelerated",
    # the bare forms after "to" and "will": "expects output to expand by 2.3 percent"
    "climb",
    "soar",
    "widen",
    "improve",
    "recover",
    "escalated",
    "mushroomed",
    "recovered",
    "strengthened",
    "firmed",
)
CHANGE_VERBS_DOWN = (
    "diminished",
    "diminishes",
    "fell",
    "ease",  # "Imports were forecast to ease 0.4%"
    "falls",
    "fallen",
    "fall",
    "declined",
    "declines",
    "decline",
    "dropped",
    "drops",
    "drop",
    "decreased",
    "decreases",
    "decrease",
    "slipped",
    "slips",
    "slid",
    "slides",
    "plunged",
    "plunges",
    "plummeted",
    "tumbled",
    "tumbles",
    "shrank",
    "shrinks",
    "shrunk",
    "contracted",
    "contracts",
    "dipped",
    "dips",
    "sank",
    "slumped",
    "slumps",
    "eased",
    "eases",
    "retreated",
    "edged down",
    "ticked down",
    "inched down",
    "went down",
    "lost",
    "weakened",
    "narrowed",
    "falling",
    "declining",
    "dropping",
    "decreasing",
    "slipping",
    "sliding",
    "plunging",
    "halved",
    "shrinking",
    "sinking",
    # less common verbs of real releases and wires
    "shed",
    "sheds",
    "skidded",
    "nosedived",
    "tanked",
    "surrendered",
    "sagged",
    "softened",
    "moved down",
    "fell back",
    "pulled back",
    "shrink",
    "plunge",
    "slip",
    "tumble",
    "narrow",
    "weaken",
    "reduced",
    "lowered",
    "backtracked",
    "dwindled",
    "dived",
    "dove",
    "eroded",
)
FLAT_WORDS = ("unchanged", "flat", "steady", "stable")


def _participles(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """The '-ing' form of each one-word '-ed' verb not listed with it ('contracted' -> 'contracting'): a
    change cue right before its number ('declined, contracting 37.0 percent'), never a clause's verb."""
    known = set(verbs)
    return tuple(
        f"{verb[:-2]}ing"
        for verb in verbs
        if verb.endswith("ed") and " " not in verb and verb not in _NOT_PARTICIPLES
        and f"{verb[:-2]}ing" not in known
    )


# "adding 39.9 million dollars" most often names the level reached, not the amount added
_NOT_PARTICIPLES = frozenset({"added"})


CHANGE_VERBS = CHANGE_VERBS_UP + CHANGE_VERBS_DOWN
_PARTICIPLES_UP, _PARTICIPLES_DOWN = _participles(CHANGE_VERBS_UP), _participles(CHANGE_VERBS_DOWN)
_CHANGE_CUES = CHANGE_VERBS + _PARTICIPLES_UP + _PARTICIPLES_DOWN
ALL_VERBS = LEVEL_VERBS + CHANGE_VERBS
# A level restated in another currency in brackets, which units.py drops as no figure of its own: gaps
# between a figure and what refers to it may hold one ("NZ$332 million ($228.35 million), or 7.1 percent")
RESTATED_IN_BRACKETS = r"\((?:about\s+)?[A-Z]{0,3}[$€£¥₩]?\s?[\d.,]+\s*[a-z]*\)"


def alternation(words) -> str:  # noqa: ANN001 - any iterable of words
    """A regex alternation of `words` as a trie, so the engine follows one branch per character
    ('rose|rises|risen' -> 'ris(?:e(?:n)?|es)|rose'); a space in a word matches any whitespace."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    # Longer branches first so the longest word wins, as in a length-sorted alternation.
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def word_start(alternative: str) -> str:
    r"""r"\b" + alternative, spelled so that the engine skips to the alternative's first letter instead of
    trying each position of the text: the letter is matched, then looked back at with the boundary before
    it. word_start("while") -> r"w(?<=\bw)hile"; the alternative opens with a letter matched once."""
    first, rest = alternative[:1], alternative[1:]
    if not first.isalpha() or rest[:1] in ("?", "*", "+", "{"):
        raise ValueError(f"an alternative that opens with a letter matched once: {alternative!r}")
    return rf"{first}(?<=\b{first}){rest}"


VERB = Caseless(rf"\b(?:{alternation(ALL_VERBS)})\b")
CHANGE_VERB_OR_VERB = VERB

_CHANGE_NOUN_WORDS = word_lists("metric_words.toml")  # the figure extractor's change nouns
_UP_NOUNS = (*_CHANGE_NOUN_WORDS["up_change_nouns"], *_CHANGE_NOUN_WORDS["percent_change_nouns"]["up"])
_DOWN_NOUNS = (*_CHANGE_NOUN_WORDS["down_change_nouns"], *_CHANGE_NOUN_WORDS["percent_change_nouns"]["down"])
# A direction word shortly before a percentage makes it a change: "rose 22.1 percent", "(up 30 percent",
# "an on-year increase of 5 percent".
CHANGE_BEFORE = Caseless(
    rf"\b(?:(?P<dir>{alternation(_CHANGE_CUES + ('up', 'down', 'higher', 'lower'))})\b"
    rf"|(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{alternation(_UP_NOUNS + _DOWN_NOUNS)})s?\s+(?:of|by)"
    rf"|(?P<bare>{alternation(_UP_NOUNS + _DOWN_NOUNS)})s?\s+(?:of|by|was|were|stood\s+at|came\s+to))"
    r"(?:\s+(?:by|some|about|around|nearly|almost|roughly|approximately|over|more\s+than|less\s+than|a|an|up\s+to|"
    r"year-on-year|on-year|on-month|month-on-month|on\s+year|y-o-y|yoy|respectively|sharply|slightly|"
    r"significantly|further|again|also|just|only|even|a\s+steep|a\s+sharp|a\s+modest|a\s+slight|revised|an?\s+revised|"
    r"an?\s+(?:more\s+|less\s+)?(?:meagre|meager|robust|healthy|solid|strong|weak|paltry|hefty|whopping|mere|"
    r"respectable|significant|substantial|staggering|massive|remarkable|impressive|dramatic|sizeable|sizable|"
    r"marked|steep|sharp|modest|slight|record)|"
    r"preliminary|an?\s+preliminary|an\s+estimated|at\s+an?\s+(?:[\w-]+\s+){0,2}?(?:rate|level|pace)\s+of|"
    r"no\s+(?:less|more)\s+than|as\s+much\s+as|an?\s+(?:annual|annualized|monthly)|"
    r"(?:an?\s+)?(?:seasonally|calendar)\s+adjusted|an?\s+adjusted|"
    rf"in\s+(?:{_MONTH}\s*(?:(?:19|20)\d\d)?|(?:19|20)\d\d|the\s+(?:first|second|third|fourth)\s+(?:quarter|half))))*"
    r"\s*[(\[]?\s*$"
)
# A change verb anywhere before a percentage: "fell in October, according to adjusted data, by 0.7 percent".
CHANGE_VERB_ANY = Caseless(rf"\b(?P<dir>{alternation(_CHANGE_CUES + ('lower', 'higher'))})\b")
CHANGE_AFTER = Caseless(
    r"\s*(?:(?:on-year|on-month|year-on-year|month-on-month|y-o-y|m-o-m|yoy|mom|annual|monthly|quarterly)\s+)?"
    rf"(?:(?P<noun>{alternation(_UP_NOUNS + _DOWN_NOUNS)})s?\b"
    r"|(?P<basis>on-year|year-on-year|on-month|month-on-month|on-quarter|quarter-on-quarter|y-o-y|yoy|m-o-m|"
    r"q-o-q|y/y|m/m|q/q|year\s+over\s+year|from\s+a\s+year|from\s+the\s+(?:previous|same)|compared)\b"
    r"|(?P<cmp>higher|lower|more|less)\s+(?:(?P<than_what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+)?"
    # "6.6 per cent higher at Sh40.1 billion": a change, its level after "at"
    r"(?:than\b|(?<=[a-z]\s)(?=at\s+(?:[$€£¥₩]|us\$|[a-z]{1,3}\$?\s?\d)))"
    # "exports were 0.3% lower and imports 7.8% higher than in February"
    r"|(?P<cmp2>higher|lower)(?=\s*(?:[,.;]|\band\b|\bcompared\b|\bfrom\b|\bon\b|\byear\b|\bin\b|$))"
    # "774,731 light vehicles, 6.5 percent up on the 727,571 of a year earlier"
    r"|(?P<post>up|down)(?=\s+(?:on|from|compared|against|over|year-on-year|on-year|y-o-y|yoy)\b)"
    # "were respectively 1.9% and 1% lower": the first of the pair too
    r"|and\s+[\d.]+\s*(?:%|percent|per\s+cent)\s+(?P<cmp3>higher|lower)\b"
    # "1.9% above the revised July estimate", "0.3% below the August 2019 estimate": a change from it
    r"|(?P<vs>above|below)(?=\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,3}?(?:estimate|level|figure|reading)\b))"
)
UP_WORDS = frozenset(
    w.lower() for w in CHANGE_VERBS_UP + _PARTICIPLES_UP + _UP_NOUNS + ("up", "higher", "more", "above")
)
DOWN_WORDS = frozenset(
    w.lower()
    for w in CHANGE_VERBS_DOWN + _PARTICIPLES_DOWN + _DOWN_NOUNS + ("down", "lower", "less", "below")
)
SHARE_BEFORE = Caseless(
    r"\b(?:accounting|accounted|accounts|account|representing|represented|represents|making\s+up|made\s+up|"
    r"makes\s+up|comprising|comprised|took\s+up|taking\s+up|takes?\s+up|occupying|occupied|constituting|"
    r"share\s+(?:of|at|to|stood\s+at|was|reached|rose\s+to|fell\s+to)|shares?\s+of\s+[\w\s-]{1,40}?"
    r"(?:was|were|is|stood\s+at|reached))"
    r"(?:\s+(?:for|to|about|around|nearly|almost|roughly|approximately|over|more\s+than|less\s+than|some|"
    r"a\s+record|a\s+combined|a\s+total|an\s+estimated|the|of))*\s*$"
)
SHARE_AFTER = re.compile(
    r"\s*(?:of\s+(?!a\s+year|the\s+previous|the\s+same)|,\s*or\s+|(?:market\s+|global\s+)?share\b|stake\b)",
    re.IGNORECASE,
)

BASIS = (
    (
        "yoy",
        re.compile(
            r"\b(?:year-on-year|on-year|on\s+year|y-o-y|yoy|y/y|year\s+over\s+year|year-over-year|year-to-year|annually|"
            r"on\s+an?\s+(?:yearly|annual)\s+basis|an\s+annual(?=\s+\d)|over\s+the\s+year(?![\w-]|\s+to\s+date)|"
            r"on\s+the\s+year(?![\w-]|\s+to\s+date)|in\s+(?:annual|yearly|year-on-year)\s+terms|"
            r"(?:annual|yearly)\s+(?:rise|increase|gain|growth|jump|decline|decrease|fall|drop|contraction)|"
            r"(?:compared\s+(?:to|with)|from|than)\s+the\s+year\s+(?:earlier|before|ago|prior)|"
            r"in\s+the\s+year\s+to\s+(?:January|February|March|April|May|"
            r"June|July|August|September|October|November|December)|"
            r"(?:from|than)\s+(?:a|the)\s+year\s+(?:earlier|ago|before|prior|previously)|(?:than|over|from|on)\s+(?:the\s+)?(?:previous|prior|last)\s+year|"
            r"(?:compared\s+(?:to|with)|from|than|versus)\s+(?:the\s+)?same\s+(?:period|month|quarter|time)|"
            r"over\s+the\s+same\s+(?:period|month|quarter|time)\s+(?:(?:of|in)\s+)?(?:last\s+year|a\s+year|(?:19|20)\d\d)|"
            r"(?:the\s+)?same\s+(?:period|month|quarter|time)\s+(?:of\s+|in\s+)?(?:last|the\s+previous)\s+year|"
            r"compared\s+(?:to|with)\s+[\d,.]+\s+(?:[a-z]+\s+){0,3}?last\s+year|"
            r"(?:compared\s+(?:to|with)|versus)\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|"
            r"(?:the\s+)?(?:previous|prior|preceding)\s+year)|"
            # a year alone: "from 2024"; a month with its year ("compared with September 2023") is the month
            # it names, weighed against the figure's own (changes._month_basis)
            r"(?:from|than|over|on|compared\s+(?:to|with)|versus)\s+(?:the\s+end\s+of\s+)?"
            r"(?:19|20)\d{2})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "mom",
        re.compile(
            r"\b(?:month-on-month|on-month|on\s+month|m-o-m|m/m|month\s+over\s+month|month-to-month|"
            r"on\s+a\s+monthly\s+basis|a\s+monthly(?=\s+\d)|"
            r"on\s+the\s+month\b(?!\s+of)|in\s+monthly\s+terms|"
            r"from\s+a\s+month\s+"
            r"(?:earlier|ago|before|prior)|(?:than|over|from|compared\s+(?:to|with))\s+(?:the\s+)?(?:previous|prior|"
            r"last|preceding)\s+month)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "qoq",
        re.compile(
            r"\b(?:quarter-on-quarter|on-quarter|on\s+quarter|q-o-q|q/q|quarter\s+over\s+quarter|on\s+a\s+quarterly\s+basis|"
            r"on\s+the\s+quarter\b(?!\s+of)|in\s+quarterly\s+terms|"
            r"(?:than|over|from|"
            r"compared\s+(?:to|with))\s+(?:the\s+)?(?:previous|prior|last|preceding)\s+quarter)\b",
            re.IGNORECASE,
        ),
    ),
)
# "year-to-date" and "cumulative" say what a figure covers (January to the running month: a period, see
# PERIOD's `ytd`), not what it is compared with: no basis.

# One pattern for all bases; every basis pattern opens with a word boundary, tested once here for all of them
# (twice as fast as one test per alternative).
assert all(pattern.pattern.startswith(r"\b") for _name, pattern in BASIS)
BASIS_ANY = Caseless(
    r"\b(?:" + "|".join(f"(?P<{name}>{pattern.pattern[2:]})" for name, pattern in BASIS) + ")"
)
# The words a basis phrase can begin with, in the lower-cased text: the first words of all the alternatives
# of BASIS (a new alternative adds its own here).
_BASIS_FIRST_WORDS = (  # kept wide ("in", "annual") so that most new phrasings begin with one of them
    r"year|yoy|y-o-y|y/y|annual|an\s+annual|a\s+monthly|on|over|compared|from|than|in"
    r"|the\s+same|same|versus|month|m-o-m|m/m|quarter|q-o-q|q/q"
)
_BASIS_FIRST = re.compile(_BASIS_FIRST_WORDS)
_BASIS_START = re.compile(rf"[^a-z0-9_](?={_BASIS_FIRST_WORDS})")  # as _PERIOD_START


def basis_phrase(text: str) -> re.Match[str] | None:
    """BASIS_ANY.search(text), found about three times as fast: BASIS_ANY is tried only where one of its first
    words begins a word (as period_phrases tries PERIOD), not at every word start."""
    if not text.isascii():  # as in period_phrases
        return BASIS_ANY.search(text)
    lowered = _lower(text)
    if _BASIS_FIRST.match(lowered) and (match := BASIS_ANY.match(text)) is not None:
        return match
    for start in _BASIS_START.finditer(lowered):
        if (match := BASIS_ANY.match(text, start.end())) is not None:
            return match
    return None


# Where a clause begins: a subject's noun phrase never reaches back across these.
_CLAUSE_WORDS = (
    "while",
    "whereas",
    "but",
    "that",
    "and",
    "said",
    "announced",
    "noted",
    "explained",
    "though",
    "although",
    "after",
    "because",
    "when",
)
CLAUSE_BOUNDARY = Caseless(
    # each alternative opens with a character of its own (no "[;:()]", no "\b"), so that the engine skips
    # to those characters; no word is another's start, so their order does not matter
    "|".join(
        [";", ":", r"\(", r"\)", "—", r"–\s", "--", r",\s*(?:but|with)\b", word_start(r"as\s+well\s+as\b")]
        + [word_start(rf"{word}\b") for word in _CLAUSE_WORDS]
        + [word_start(r"as(?!\s+well)\b")]
    )
)
BY_DIMENSION = Caseless(
    # "\bby" spelled "b(?<=\bb)y", so that the engine skips to the b's
    r"b(?<=\bb)y\s+(?:export\s+|import\s+|major\s+|main\s+|key\s+)?"
    r"(?P<dim>destinations?|regions?|countries|country|"
    r"markets?|products?|items?|models?|sectors?|types?|categor(?:y|ies)|industr(?:y|ies)|compan(?:y|ies)|"
    r"brands?|segments?|sources?|origins?|fuels?|materials?|vehicle\s+types?|ship\s+types?)\b"
)
DIMENSION_NAMES = {
    "destination": "destination",
    "region": "region",
    "countrie": "country",
    "country": "country",
    "market": "market",
    "product": "product",
    "item": "item",
    "model": "model",
    "sector": "sector",
    "type": "type",
    "category": "category",
    "categorie": "category",
    "industry": "industry",
    "industrie": "industry",
    "company": "company",
    "companie": "company",
    "brand": "brand",
    "segment": "segment",
    "source": "source",
    "origin": "origin",
    "fuel": "fuel",
    "material": "item",
    "vehicle type": "type",
    "ship type": "type",
}
PLACE_DIMENSIONS = frozenset({"destination", "region", "country", "market", "origin", "source"})

RECORD = Caseless(
    r"\b(?:record(?:[\s-]+(?:high|level|amount|annual|monthly|figure|value|volume))?(?!\s+low)|all-time|"
    # "the highest since 2015", "the highest in 10 years", "in a decade": no record
    # ("since data compiling began in 1956" is a record: since the series began)
    r"new\s+(?:annual\s+|monthly\s+)?high|highest(?:\s+ever)?(?!\s+(?:level\s+|figure\s+|amount\s+)?"
    r"(?:since(?![^.;,]{0,40}\b(?:began|begun|started|compil))|in\s+"
    r"(?:\d+|a|an|over|more|nearly|almost|about|two|three|four|five|six|seven|eight|nine|ten|several|many)\b))|"
    r"historic(?:al)?\s+high|fresh\s+high|"
    r"best-ever|largest[\s-]ever|biggest[\s-]ever|unprecedented)\b"
)
PREVIOUS_RECORD = Caseless(
    # "the previous trade deficit record was $9.16 billion": what the record is of may stand between
    r"\b(?:previous|prior|former|old|earlier|last)\s+(?:[a-z][\w-]*\s+){0,3}?(?:all-time\s+|annual\s+|monthly\s+)?"
    r"(?:record|high|peak)(?:\s+high)?\s+(?:of\s+)?(?:set\s+in\s+\S+\s+)?(?:of\s+)?[\w\s.]{0,12}$"
)
# A figure the series crossed, not a figure of the series: "surpassed the $30 billion mark".
THRESHOLD_BEFORE = Caseless(
    r"\b(?:surpass\w*|exceed\w*|top(?:ped|ping|s)?|above|beyond|past|cross\w*|break\w*|broke|below|under|"
    r"over|exceed)\s+(?:the\s+)?$"
)
# No match of CHANGE_BEFORE or SHARE_BEFORE holds one of these characters (their words, numbers, spaces,
# hyphens and opening brackets), and a match runs to the end of the text: it begins after the last of them.
_PAST_A_CUE = re.compile(r"(?s:.*)[,;:)$%]")


def cue_start(before: str) -> int:
    """Where a match of CHANGE_BEFORE or SHARE_BEFORE in `before` can begin: after the last character
    neither holds ("$58.3 billion, up " is searched from " up "), so that the engine does not try each word
    before it. pattern.search(before, cue_start(before)) finds what pattern.search(before) finds."""
    past = _PAST_A_CUE.match(before)
    return past.end() if past else 0


THRESHOLD_AFTER = re.compile(r"\s*(?:mark|threshold|barrier|level|line|milestone)\b", re.IGNORECASE)
THRESHOLD_CONTEXT = Caseless(r"\b(?:consecutive|straight|in\s+a\s+row|first\s+time|for\s+the\s+\w+\s+time)\b")

# Noun phrases a metric is named by: the head ("exports") and words that only situate it.
HEADS = (
    "trade surplus",
    "trade deficit",
    "trade balance",
    "current account surplus",
    "current account deficit",
    "current account balance",
    "trade volume",
    "exports",
    "imports",
    "export",
    "import",
    "sales",
    "production",
    "output",
    "shipments",
    "orders",
    "order intake",
    "new orders",
    "investment",
    "investments",
    "surplus",
    "deficit",
    "balance",
    "revenue",
    "revenues",
    "consumption",
    "generation",
    "capacity",
    "inventories",
    "inventory",
    "deliveries",
    "purchases",
    "trade",
    "employment",
    "jobs",
    "demand",
    "supply",
    "foreign direct investment",
    "fdi",
    "pledges",
    "spending",
    "budget",
    "funding",
    "profit",
    "profits",
    "volume",
    "value",
    "price",
    "prices",
    "rate",
    "stocks",
    "reserves",
    "output",
    "utilization rate",
    "share",
    "reserve",
    "margin",
    "financing",
    "loans",
    "subsidies",
    "backlog",
    "index",
    "market share",
    "shipbuilding orders",
    "orders received",
    "contracts",
    "exports value",
    "expenditure",
    "expenditures",
    "receipts",
    "earnings",
    "throughput",
    "arrivals",
    "debt",
    "loss",
    "losses",
    "net loss",
    "operating loss",
    "registrations",  # "new car registrations": what a market's sales are counted as
)
HEAD = Caseless(rf"\b(?:{alternation(HEADS)})$")  # a match is lower-cased: quote the text by position
# "exports to the rest of the world": one place however many words, when a name's length is weighed
REST_OF_WORLD = re.compile(r"\bthe\s+rest\s+of\s+the\s+world\b", re.I)
FLOW_HEADS = frozenset(
    {
        "exports",
        "imports",
        "export",
        "import",
        "sales",
        "production",
        "output",
        "shipments",
        "trade surplus",
        "trade deficit",
        "trade balance",
        "surplus",
        "deficit",
        "balance",
        "orders",
        "new orders",
        "trade",
        "investment",
        "deliveries",
    }
)
GENERIC_MODIFIERS = frozenset(
    {
        "domestic",
        "overseas",
        "total",
        "overall",
        "annual",
        "monthly",
        "combined",
        "cumulative",
        "outbound",
        "inbound",
        "foreign",
        "local",
        "korea's",
        "korean",
        "daily",
        "average",
        "new",
        "the",
        "its",
        "their",
        "quarterly",
    }
)
NOMINAL = {
    "exported": "exports",
    "imported": "imports",
    "produced": "production",
    "sold": "sales",
    "shipped": "shipments",
    "shipped out": "exports",  # "the country shipping out $13.7 billion worth of refined oil products"
    "shipping out": "exports",
    "invested": "investment",
    "ordered": "orders",
    "delivered": "deliveries",
    "manufactured": "production",
    "pumped": "production",
    "generated": "generation",
    "consumed": "consumption",
    "registered": "registrations",
}
PASSIVE_AFTER = Caseless(
    rf"^[^;:]{{0,40}}?\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?P<verb>{alternation(NOMINAL)})\b"
)
SYNONYM_PHRASES = (
    (re.compile(r"\boutbound\s+shipments?\b", re.IGNORECASE), "exports"),  # "outbound shipment of resin"
    (re.compile(r"\binbound\s+shipments?\b", re.IGNORECASE), "imports"),
    (re.compile(r"\boverseas\s+shipments?\b", re.IGNORECASE), "exports"),
    (re.compile(r"\bshipments\s+abroad\b", re.IGNORECASE), "exports"),
    (re.compile(r"\beuro\s+zone\b", re.IGNORECASE), "euro area"),
    (re.compile(r"\brefined\s+(?:oil|petroleum)\s+(?=products?\b)", re.IGNORECASE), "petroleum "),
    (
        re.compile(r"\bshipments\s+of\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:abroad|overseas)\b", re.IGNORECASE),
        r"exports of \1",
    ),
    (re.compile(r"\boverseas\s+sales\b", re.IGNORECASE), "exports"),
    # "exports by the entire manufacturing industry", "imports of the chemical sector": manufacturing exports
    (
        re.compile(
            r"^(exports|imports|production|output)\s+(?:by|of|from)\s+the\s+(?:entire\s+|whole\s+)?"
            r"([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:industry|industries|sector)$",
            re.IGNORECASE,
        ),
        lambda m: f"{m.group(2)} {m.group(1).lower()}",
    ),
    # "Export rose 9.5 percent, while import surged": the flows, as analysts write them
    (
        re.compile(r"^(?:the\s+)?(?:total\s+)?(export|import)$", re.IGNORECASE),
        lambda m: f"{m.group(1).lower()}s",
    ),
    # "The export value increased by NOK 13 billion": the money a flow is worth is the flow
    (
        re.compile(r"^(?:the\s+)?(?:total\s+)?(export|import)\s+value$", re.IGNORECASE),
        lambda m: f"{m.group(1).lower()}s",
    ),
    # "the import value of coal": coal imports
    (
        re.compile(r"^(?:the\s+)?(import|export)\s+value\s+of\s+([a-z][\w -]{1,40})$", re.IGNORECASE),
        lambda m: f"{m.group(2)} {m.group(1).lower()}s",
    ),
    # "Imported goods were valued at NZ$4.3 billion": goods imports
    # ("the value of imported goods" is read in phrases.py, with any goods)
    (re.compile(r"^(?:the\s+)?imported\s+goods$", re.IGNORECASE), "goods imports"),
    (re.compile(r"^(?:the\s+)?exported\s+goods$", re.IGNORECASE), "goods exports"),
    # "exports bound for Vietnam", "shipments destined for the EU": exports to them
    (re.compile(r"\b(exports|shipments)\s+(?:bound|destined|headed)\s+for\b", re.IGNORECASE), r"\1 to"),
    (re.compile(r"\b(?:sales\s+abroad|foreign\s+sales)\b", re.IGNORECASE), "exports"),
    (re.compile(r"\bindustrial\s+activity\b", re.IGNORECASE), "industrial production"),
    (re.compile(r"\bbalance\s+of\s+trade\b", re.IGNORECASE), "trade balance"),
    (re.compile(r"\b(?:purchases\s+abroad|foreign\s+purchases)\b", re.IGNORECASE), "imports"),
    # "a negative balance of US$793 million": a deficit
    (re.compile(r"\bnegative\s+((?:trade\s+)?)balance\b", re.IGNORECASE), r"\1deficit"),
    (re.compile(r"\bpositive\s+((?:trade\s+)?)balance\b", re.IGNORECASE), r"\1surplus"),
    (re.compile(r"\bper-day\s+(?=exports|imports|shipments)", re.IGNORECASE), "daily average "),
    (re.compile(r"(?<!average\s)\bdaily\s+(?=exports|imports)", re.IGNORECASE), "daily average "),
)
LEADING_NOISE = re.compile(
    r"^(?:(?:also|meanwhile|however|moreover|furthermore|additionally|in\s+addition|overall|notably|"
    r"by\s+contrast|in\s+contrast|on\s+the\s+other\s+hand|among\s+them|of\s+these|of\s+them|of\s+which|"
    r"as\s+a\s+result|in\s+particular|specifically|particularly|while|whereas|and|but|that|which|with|as|"
    # "despite stronger chip sales (up 6.8 percent ...)": the cause's words, and how strong it was
    r"despite|amid|thanks\s+to|due\s+to|because\s+of|"
    # "On a month-on-month basis, imports rose": the basis, not the subject
    r"on\s+an?\s+(?:month-on-month|year-on-year|monthly|annual|yearly|quarterly|seasonally[\s-]adjusted)(?:\s+basis)?,?|"
    r"(?:stronger|weaker|higher|lower|robust|solid|brisk|sluggish)(?!\s+than\b)|"
    r"so|thus|then|here|there|in\s+total|all\s+told|combined|only|the|a|an|its|their|this|these|those|"
    r"korea['’]s|south\s+korea['’]s|(?:the\s+)?country['’]s|(?:the\s+)?nation['’]s|korean|annual|monthly|"
    r"quarterly|total|cumulative|(?:first|second|third|fourth)-(?:quarter|half)|full-year|"
    r"(?:January|February|March|April|June|July|August|September|October|November|December)|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)|(?!(?:manufactur|shipbuild|newbuild|hous|build|min|cloth|advertis|bank|market|engineer|process|print|packag|"
    r"financ|spend|fund|pric|shipp|farm|fish|trad|lend|hold|rat|plann|consult|account|gam|learn|test|pay|"
    r"steelmak|carmak|chipmak|refin|retail|wholesal|operat|ris|grow)ing\b)[a-z]+ing(?:\s+(?:in|on|to|for|from|with|at))?)\s+)+",
    re.IGNORECASE,
)
TRAILING_NOISE = re.compile(
    r"(?:\s+(?:also|respectively|altogether|combined|alone|each|together|both|further|again|however|meanwhile|"
    r"actually|indeed|even|"
    r"similarly|likewise|though|to|have|has|had|"
    r"will|would|could|may|might|can|should|shall|is|are|was|were|been|be|still|already|reportedly|only|just|"
    r"nearly|almost|roughly|all|so\s+far|more\s+than|the|a|an))+$",
    re.IGNORECASE,
)
PERIOD_TAIL = re.compile(
    r"\s+(?:next|last|this)\s+(?:year|month|quarter)$|"  # "exports next year"
    rf"\s+(?:in|for|during|through|over|as\s+of|of|throughout|from)\s+(?:all\s+of\s+)?(?:the\s+)?"
    rf"(?:(?:this|last|next|the)\s+year['’]s\s+)?"  # "in this year's first quarter", "for all of last year"
    rf"(?:(?:whole|entire|full|fiscal|financial|first|"
    rf"second|third|fourth|last|past|previous|latest|same|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    rf"\d{{1,4}}|[a-z]+-(?:month|day|week|year|quarter))\s+)*(?:(?:19|20)\d{{2}}|{_MONTH}|"
    r"(?:first|second|1st|2nd)\s+half|half|quarters?|years?|months?|weeks?|days?|period|H[12]|Q[1-4]|FY\s?'?\d\d)\b.*$",
    re.IGNORECASE,
)
PRONOUNS = frozenset(
    {
        "it",
        "they",
        "this",
        "these",
        "those",
        "that",
        "which",
        "what",  # "during what is typically the busiest month": a clause, never the thing measured
        "the figure",
        "the new figure",
        "the amount",
        "this figure",
        "the total",
        "the number",
        "the sum",
        "the tally",
        # the same once the article is cleaned off: "the amount reached ..." names what came before
        "figure",
        "new figure",
        "amount",
        "total",
        "number",
        "sum",
        "tally",
        "latest figure",  # "The latest figure was 21.3% higher than ...": the figure just stated
        "figures",  # "October's figures were revised up to 0.8%": the figures of the measure just stated
        "metric",  # "The metric stood at 32.8 percent in 2023": the share just stated
        "the metric",
        "the figures",
        "the latest figure",
        "the ministry",
        "he",
        "she",
        "we",
    }
)
