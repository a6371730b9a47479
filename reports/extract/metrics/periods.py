"""The periods seam: period phrases of a sentence, the period each figure is for, the running period a
release carries, and the period of a level compared with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from reports.extract import grammar as g
from reports.extract.catalog import fiscal_economies
from reports.extract.grammar import Caseless
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.units import _PARTNER_BEFORE
from reports.extract.metrics.words import words
from reports.extract.numbers import Quantity, normalize
from reports.periods import calendar_form, figure_period, valid_figure_period
from reports.records import Release

_TARGET_BEFORE = Caseless(r"\b(?:by|through|toward|towards)\s+(?:the\s+end\s+of\s+)?$")


# "the record set in November", "the record set last November": that level's period, not the release's
_LOCAL_PERIOD = Caseless(
    r"\b(?:set|recorded|posted|reached|hit|registered|logged)\s+(?:(?:in|during)\s+(?:the\s+)?)?$"
)
# "... set in January 2018 when the figure came to $49.2 billion": the period before "when" is the level's
_WHEN_IT_CAME = re.compile(
    r"\s*,?\s*when\s+(?:the\s+|it\s+|they\s+)?(?:[\w-]+\s+){0,3}?(?:came\s+to|stood\s+at|was|were|reached|"
    r"totaled|totalled|hit|amounted\s+to|came\s+in\s+at)\s+(?:about\s+|around\s+|nearly\s+|a\s+record\s+)?",
    re.I,
)


_EARLIER_LEVEL = Caseless(
    r"\)?(?:\s*\([^()]{1,30}\))?"  # "28.5 million CGT (618 ships) a year ago": the count beside it
    # "from $1.010 billion deficit in the same period last year", "6.9 MT steel in the same month a year ago"
    r"(?:\s+(?!(?:in|to|from|and|or|for|during|over|the|a|an|of|than|compared|versus|against|on|at|by)\b)"
    r"[a-z]+(?=\s+(?:in|during|over|for|a|last|the)\b))?"
    r"\s*,?\s*(?:(?:tallied|posted|recorded|logged|registered|reported|seen|sold|produced|shipped|exported|set|"
    r"imported)\s+)?"
    r"(?:(?:in|during|over|for|from)\s+)?(?:(?:the|a)\s+(?:same|corresponding|comparable|similar)\s+"
    r"(?:period|month|quarter|time)\s+)?"
    r"(?:(?:a|one|the)\s+year\s+(?:earlier|ago|before|previously|prior)|(?:of\s+|in\s+)?last\s+year|"
    r"(?:of\s+|in\s+)?the\s+(?:previous|prior)\s+year|"
    r"(?:(?<=period\s)|(?<=month\s)|(?<=quarter\s))(?:of\s+|in\s+)?(?P<year>(?:19|20)\d{2})|"
    r"(?P<month>(?:a|one|the)\s+month\s+(?:earlier|ago|previously|prior)|the\s+previous\s+month|last\s+month))\b"
)


_MONTH_PERIOD = re.compile(r"\d{4}-\d{2}")


_COMPARED_BEFORE = re.compile(
    r"\b(?:from|than|versus|against|compared\s+(?:with|to))\s+(?:just\s+|only\s+)?$"
)


_FORWARD = Caseless(
    r"\b(?:will|aims?\s+to|plans?\s+to|is\s+expected|are\s+expected|expects|projects|forecasts|is\s+projected|"
    r"are\s+projected|is\s+forecast|are\s+forecast|"
    # the verb ("The ministry targets $700 billion"), not the noun ("their yearly target of $35 billion")
    r"target(?<!\bthe\starget)(?<!\bits\starget)(?<!\btheir\starget)(?<!\ba\starget)(?<!yearly\starget)"
    r"(?<!annual\starget)(?<!order\starget)s?(?=\s+[\w$])(?!\s+of\b))\b"
)


_WHOLE_YEARS = re.compile(r"\d{4}-01/\d{4}-12")


def _set_running_period(
    sentence: str,
    periods: list[tuple[int, int, str, str]],
    primary: tuple[int, int, str, str] | None,
    context: _Context,
    figures: list[_Figure] = (),
) -> None:
    """The period later sentences without one inherit. A plan or forecast ('will', 'aims to', 'is
    expected') does not move it; of several periods the title's wins ('from $0.4 billion in October to
    $1.2 billion in November' under a November title), else the one a figure of the sentence is for. A
    span of months moves it ('From January to September, ...' frames the sentences after it). A period
    only a previous record is for does not ('The previous record was $29.5 billion in 2021.'), nor one of
    a figure after the first ('..., just below December's $21.4 billion'), nor background with no figure
    that goes back before the running period ('Imports began to rise in the fourth quarter of last
    year.')."""
    stated = [p[2] for p in periods if not p[3] and not _aside(sentence, p, figures)]
    if stated and figures:
        previous = {f.period for f in figures if f.previous_record}
        if previous:
            previous -= {f.period for f in figures if not f.previous_record}
            stated = [p for p in stated if p not in previous]
    if not stated or (_FORWARD.search(sentence) and not _WHOLE_YEARS.fullmatch(stated[0])):
        return
    if context.title_period in stated:
        period = context.title_period
    elif len(stated) > 1 and figures:
        # "had been zero in the third quarter of last year, but reached 2.3 million barrels in the third
        # quarter of 2017": the period a figure of the sentence is for
        theirs = {f.period for f in figures}
        period = next((p for p in stated if p in theirs), stated[0])
    else:
        period = stated[0]
    if (not figures and _before_running(period, context.period)) or _month_before(period, context.period):
        return  # "In September, it had fallen 1 percent": a look back; the next sentence is October's again
    if _before_running(period, context.period, years=1):
        return  # "The decline started in July 2015, when exports fell 6.5 percent": history, in 2016
    if len(stated) > 1 and all(_before_running(p, context.period) for p in stated):
        return  # "The share stood at 32.8 percent in 2023 and 45.4 percent in 2022": history, in 2024
    if _year_before_running(period, context.period) or _whole_year_before_part(period, context.period):
        # "Its output was 4.7 million tons in June 2020" in a release on June 2021, "The figure has already
        # exceeded last year's total of $765 million" in one on January-October: a comparison
        return
    unclaimed = figures and all(f.period and f.period != period for f in figures)
    if unclaimed and _part_of_running(period, context):
        return  # "..., amid a boycott that began last July": no figure of the sentence is July's
    if not figures and _part_of(context.period, period):
        return  # "..., due to the Chuseok holiday earlier this month": the first 20 days stay the period
    context.period = period


def _aside(sentence: str, period: tuple[int, int, str, str], figures: Sequence[_Figure]) -> bool:
    """'March alone saw ...': one month of the period the release is about; '..., just below
    December's $21.4 billion': the period of a figure after the first."""
    if sentence.startswith(" alone", period[1]):
        return True
    possessive = sentence.startswith(("'s", "’s"), period[1])
    return possessive and _possessed_by(sentence, period, figures[1:]) is not None


def _month_before(period: str, running: str | None) -> bool:
    """Is `period` the month just before the running month?"""
    if not running or not _MONTH_KEY.fullmatch(period) or not _MONTH_KEY.fullmatch(running):
        return False
    return figure_period(running).previous().key == period


_MONTH_KEY = re.compile(r"\d{4}-\d\d")


def _year_before_running(period: str, running: str | None) -> bool:
    """Is `period` the running month's (or quarter's, or half's) own a year before ('2020-06' for '2021-06')?
    Not a year's: 'last year' in a release of January is often what it is about."""
    if not valid_figure_period(running) or not valid_figure_period(period):
        return False
    current = figure_period(running or "")
    return current.kind != "year" and current.year_before().key == figure_period(period).key


def _whole_year_before_part(period: str, running: str | None) -> bool:
    """Is `period` the whole year before the year the running period (a part of a year) lies in?"""
    if not valid_figure_period(running) or not valid_figure_period(period):
        return False
    current, stated = figure_period(running or ""), figure_period(period)
    within_a_year = current.kind != "year" and current.start.year == current.end.year
    return within_a_year and stated.kind == "year" and stated.end.year == current.start.year - 1


def _within(inner: str | None, outer: str | None) -> bool:
    """Does period `inner` lie inside `outer`, and is it shorter?"""
    if inner == outer or not valid_figure_period(inner) or not valid_figure_period(outer):
        return False
    part, whole = figure_period(inner or ""), figure_period(outer or "")
    return whole.start <= part.start and part.end <= whole.end


def _part_of_running(period: str, context: _Context) -> bool:
    """Does `period` lie inside the running period (a month of the year it is about)?"""
    return _within(period, context.period or context.title_period)


def _part_of(running: str | None, period: str) -> bool:
    """Is the running period part of a month (its days) that `period`, a month, holds?"""
    if not _MONTH_KEY.fullmatch(period) or not _within(running, period):
        return False
    return figure_period(running or "").kind in ("days", "day")


def _before_running(period: str, running: str | None, years: int = 0) -> bool:
    """Does `period` end before the running period starts (and more than `years` years before)?"""
    if not valid_figure_period(running) or not valid_figure_period(period):
        return False
    start = figure_period(running or "").start
    return figure_period(period).end < start.replace(year=start.year - years)


_COMPARED_WITH = Caseless(
    r"\b(?:compared\s+(?:with|to)|versus|against|from|than)\s+(?:just\s+|only\s+)?(?:an?\s+|the\s+|its\s+)?[+]?$"
)


_WHEN_THEN = re.compile(
    r",\s*when\s+(?:they|it|these|those|the\s+\w+)\s+(?:stood\s+at|were|was|totall?ed|reached|amounted\s+to|"
    r"came\s+to|hit)\s+(?:about\s+|around\s+)?$",
    re.I,
)
_COMPARED_HINT = re.compile(r"compared|versus|against|from|than")


_BRACKET_AFTER_PERIOD = re.compile(r"\(\s*$")
_YEAR_IN_BRACKET_AFTER = re.compile(r"\s*,\s*(?P<year>(?:19|20)\d\d)\s*\)")
_BEATEN_HINT = re.compile(r"outperform|surpass|exceed|beat|top", re.I)
_BEATEN_BEFORE = re.compile(
    r"\b(?:outperform|surpass|exceed|beat|top)\w*\s+(?:the|its|a)\s+(?:[a-z-]+\s+){0,3}?(?:of\s+)?$", re.I
)
_OF_PERIOD_AFTER = re.compile(
    r"\s+(?:(?:set|recorded|posted|tallied|logged|registered|seen)\s+)?(?:of|in|during)\s+(?:the\s+)?", re.I
)


def _compared_level(
    sentence: str, figure: _Figure, figures: list[_Figure], periods: list[tuple[int, int, str, str]]
) -> None:
    """The level a figure is compared with is the same quantity at another time: 'up 61 percent from
    $9.5 billion in 2024', 'compared with +EUR 2.4 bn in December 2024', '... compared with December 2024
    (EUR 234.2 bn)' (the bracket holds the level of the period before it)."""
    if figure.role != "level" or figure is figures[0]:
        return
    q = figure.quantity
    low = max(0, q.start - 60)
    opened = sentence[low : q.start].rstrip().endswith("(")
    bracketed = _YEAR_IN_BRACKET_AFTER.match(sentence, q.end) if opened else None
    if bracketed is not None:  # "renewing the record high ($129.2 billion, 2022)": that year's level
        figure.period = bracketed.group("year")
        return
    beaten = _BEATEN_HINT.search(sentence, low, q.start) and _BEATEN_BEFORE.search(sentence, low, q.start)
    own = _period_right_after(sentence, q, periods) if beaten else None
    if own is not None:  # "outperforming the $2.51 billion of 2022": the level beaten, of its own year
        figure.period = own
    when = _WHEN_THEN.search(sentence, low, q.start) if sentence.find("when ", low, q.start) != -1 else None
    if when:  # "compared with September 2024, when they stood at EUR 238.2 billion": then's level
        earlier = [f for f in figures if f.role == "level" and f.quantity.end <= when.start() and f.subject]
        stated = [p for p in periods if p[1] <= when.start() and not sentence[p[1] : when.start()].strip()]
        if earlier and stated and earlier[-1].quantity.unit == q.unit:
            source = earlier[-1]
            figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
            figure.period = stated[-1][2]
            return
    window = sentence[max(0, q.start - 30) : q.start]
    if "(" not in window and not _COMPARED_HINT.search(window):
        return
    earlier = [f for f in figures if f.role == "level" and f.quantity.end <= q.start and f.subject]
    # "2.4 million vehicles ..., compared to 2.2 million units": a count compares with any count
    earlier = [
        f for f in earlier if f.quantity.unit == q.unit or (q.unit == "units" and f.quantity.kind == "count")
    ]
    if not earlier:
        return
    source = earlier[-1]
    if _COMPARED_WITH.search(sentence, max(0, q.start - 30), q.start):
        figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
        own = _period_right_after(sentence, q, periods)
        if own is not None:  # "down slightly from $90.3 billion tallied in 2015": that year's
            figure.period = own
        return
    opening = _BRACKET_AFTER_PERIOD.search(sentence, max(0, q.start - 3), q.start)
    if opening is None:
        return
    stated = [p for p in periods if p[1] <= opening.start() and not sentence[p[1] : opening.start()].strip()]
    if stated:
        figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
        figure.period = stated[-1][2]


def _period_right_after(sentence: str, q: Quantity, periods: list[tuple[int, int, str, str]]) -> str | None:
    """The period phrase right after a level ('$2.51 billion of 2022', '$90.3 billion tallied in 2015')."""
    after = _OF_PERIOD_AFTER.match(sentence, q.end)
    return next((p[2] for p in periods if p[0] == after.end()), None) if after else None


def _period_source(period: str | None, periods: list[tuple[int, int, str, str]], context: _Context) -> str:
    """Where a figure's period came from, for its confidence."""
    relative = False
    for p in periods:
        if p[2] == period:
            if p[3] != "relative":
                return "stated"
            relative = True
    if relative:
        return "derived"  # "the previous month": counted back from the sentence's month
    if period is not None and period in (context.period, context.title_period):
        return "carried"
    if period == f"{context.published.year}-{context.published.month:02d}":
        return "release date"
    return "derived"  # "a year earlier", "the previous month": shifted from a stated period


def _periods(sentence: str, context: _Context, masked: str | None = None) -> list[tuple[int, int, str, bool]]:
    """(start, end, period, is_base) for each period phrase; dates ('January 15, 2026') and periods in
    brackets ('(23.0 days this year versus ...)') are left out."""
    found = []
    for match in _period_matches(sentence, context):
        if masked is not None and masked[match.start()] == " " and sentence[match.start()] != " ":
            continue
        if match.re is g.PERIOD_REFERRING:
            _referring(match, found, context)
            continue
        if found and _CONTAINER_BEFORE.search(sentence, max(0, match.start() - 40), match.start()):
            continue  # "in March, the final month of fiscal 2018": March's, the year only places it
        if match.re is g.FISCAL_PERIOD:
            period = _fiscal_value(match, context)
            before = sentence[max(0, match.start() - 40) : match.start()]
            if period is not None:
                kind = "base" if g.BASE_BEFORE.search(before) else ""
                found.append((match.start(), match.end(), period, kind))
            continue
        if match.group("date"):
            continue
        period = _period_value(match, context)
        anaphoric = match.group("rel") and (
            _ANAPHORIC.match(match.group(0)) or _the_last_months(sentence, match)
        )
        if anaphoric:
            period = _relative_to(match, [p[2] for p in found], context) or period
        elif match.group("lastm") and period and match.group("lmw").lower() == "last":
            # "21.3% higher than March 2021, and broke the record set last November" (April 2022): the
            # November before the release's month, not before the month compared with
            own = [p[2] for p in found if p[3] != "base"]
            # "Last October, Mexico registered ..." in a release on October: that October, unless compared
            opening = not g.BASE_BEFORE.search(sentence[max(0, match.start() - 40) : match.start()])
            period = _last_before(int(period[5:]), own, context, inclusive=opening) or period
        before = sentence[max(0, match.start() - 40) : match.start()]
        if period is None:
            continue
        if (match.group("range") or match.group("yrange")) and _SPAN_COMPARED.search(before):
            kind = "base"  # "the first fall since Jan.-May of 2020": compared with, not the figure's
        elif match.group("range") or match.group("yrange") or match.group("days") or match.group("dspan") or (
            match.group("dfspan") or match.group("ybeg")
        ):
            kind = ""  # "from January to November", "from 2026 to 2030": the figure's own span
        elif g.BASE_BEFORE.search(before) and not (_DURATION.search(match.group(0)) and _OVER.search(before)):
            kind = "base"  # not "over the twelve months to September": a duration
        elif anaphoric:
            kind = "relative"  # "the previous month" is one figure's, counted from another period
        elif _LOCAL_PERIOD.search(before):
            kind = "local"
        elif _TARGET_BEFORE.search(before):
            kind = "target"  # "35 percent by 2030": the figure's period, not the release's
        elif _attributive(match, before):
            kind = "attributive"  # "72 percent of its 2022 target": the target's year, not the sentence's
        else:
            kind = ""
        found.append((match.start(), match.end(), period, kind))
    return found


_ATTRIBUTIVE_WORDS = frozenset({"its", "their", "his", "her", "our", "the", "a", "an"})
_NOUN_AFTER = re.compile(r"\s+(?!percent\b|per\b|and\b|or\b|to\b|was\b|were\b|is\b)[a-z]")


def _attributive(match: re.Match[str], before: str) -> bool:
    """A year that names a noun after it ('its 2022 target')."""
    if not match.group("year") or not before[-1:].isspace():
        return False
    if not _NOUN_AFTER.match(match.string, match.end()):
        return False
    words = before.split()
    return bool(words) and words[-1].lower() in _ATTRIBUTIVE_WORDS


_SPAN_COMPARED = Caseless(r"\b(?:since|than|compared\s+(?:to|with)|versus|against)\s+(?:the\s+)?$")


_ANAPHOR_BEFORE = Caseless(r"\b(?:in|during|for|over|within|throughout)\s+$")


_OVER = Caseless(r"\bover\s+(?:the\s+)?$")
_DURATION = Caseless(r"\b(?:months?|quarters|period)\b")


def _period_matches(sentence: str, context: _Context) -> list[re.Match[str]]:
    """The period phrases of PERIOD and, where the sentence holds their words and they overlap none of
    those, of PERIOD_REFERRING, in the order of the sentence; a fiscal period's phrase in a release about an
    economy whose fiscal year is known takes the place of the calendar phrases within it."""
    matches = g.period_phrases(sentence)
    if g.FISCAL_HINT.search(sentence) and _fiscal_year(context):  # "Q2 FY2025", not "Q2"
        fiscal = list(g.FISCAL_PERIOD.finditer(sentence))
        kept = [m for m in matches if not any(f.start() < m.end() and m.start() < f.end() for f in fiscal)]
        matches = sorted(kept + fiscal, key=lambda m: m.start())
    if "period" not in sentence and "month" not in sentence and "next " not in sentence:
        return matches
    spans = [(m.start(), m.end()) for m in matches]
    extra = [
        m
        for m in g.PERIOD_REFERRING.finditer(sentence)
        if not any(start < m.end() and m.start() < end for start, end in spans)
    ]
    return sorted(matches + extra, key=lambda m: m.start()) if extra else matches




def _referring(match: re.Match[str], found: list[tuple[int, int, str, str]], context: _Context) -> None:
    """'during the period' names the period stated last (its kind that of a stated period); 'in the next
    four years' is a target's span from the release's year."""
    if match.group("anaphor"):
        before = match.string[max(0, match.start() - 40) : match.start()]
        period = _anaphor(before, [p[2] for p in found if p[3] in ("", "target")], context)
        kind = ""
    else:
        words = match.group("nyn").lower()
        n = int(words) if words.isdigit() else g.COUNTS[words]
        period = f"{context.published.year}-01/{context.published.year + n - 1}-12"
        kind = "target"  # a span ahead: the figure's, never the release's running period
    if period is not None:
        found.append((match.start(), match.end(), period, kind))


def _anaphor(before: str, stated: list[str], context: _Context) -> str | None:
    """'during the period', 'in the month', 'over the same period', 'in the seven-month period': the
    period the sentence named last, else the one the release is already about (None when it has none, or
    the phrase is not one of time: 'the period' of 'extends the period')."""
    if not _ANAPHOR_BEFORE.search(before):
        return None
    return stated[-1] if stated else context.period or context.title_period


# "the previous month" counts back from the period the text is about ("$7.5 billion in August, down
# from $8.2 billion the previous month" is July); "last month" counts back from the release's date.
_ANAPHORIC = re.compile(r"the\s+(?:previous|preceding|following)\b", re.I)
# "with the last month's exports posting $51.6 billion" (in a release about April): March, like "the
# previous month's"
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def _the_last_months(sentence: str, match: re.Match[str]) -> bool:
    return (
        sentence.startswith(("'s", "’s"), match.end())
        and match.group(0)[:4].lower() == "last"
        and _THE_BEFORE.search(sentence, max(0, match.start() - 5), match.start()) is not None
    )


def _relative_to(match: re.Match[str], stated: list[str], context: _Context) -> str | None:
    """The month or year before (or after) the sentence's latest stated period of that kind, else the
    release's running period; None when neither is of that kind."""
    unit = match.group("rw").lower()
    kind = "month" if unit == "month" else "year"
    following = match.group(0).lower().split()[1] == "following"
    for reference in [*reversed(stated), context.period, context.title_period]:
        if not valid_figure_period(reference):
            continue
        period = figure_period(reference or "")
        if period.kind == kind:
            return (period.next() if following else period.previous()).key
    return None


def _last_before(month: int, stated: list[str], context: _Context, inclusive: bool = False) -> str | None:
    """'last July' in a sentence about August 2017 is July 2017: the latest such month before the month
    the sentence (or the release) is about; `inclusive`, that month itself when it is the one named."""
    for reference in [*reversed(stated), context.period, context.title_period]:
        if reference and _MONTH_PERIOD.fullmatch(reference):
            year, current = int(reference[:4]), int(reference[5:])
            this_year = month < current or (inclusive and month == current)
            return f"{year if this_year else year - 1}-{month:02d}"
    return None


# "in the year ended June 2025", not "the first 10 months of this year ended October" nor "in the year to
# April" (April against April a year before: a basis)
_YEAR_ENDED = Caseless(
    r"\b(?:the|a|fiscal|financial)\s+(?:year|twelve\s+months|12\s+months)\s+(?:ended|ending)\s+(?:in\s+)?$"
)


def _quarter_to(match: re.Match[str], context: _Context) -> str | None:
    """'the quarter ending March', 'the March 2017 quarter': the three months to that month, a calendar
    quarter when it ends one; without a year, the year such a month has (_year_for_month)."""
    month = _month(match.group("qem") or match.group("qnm") or "")
    stated = match.group("qey") or match.group("qny")
    if not month:
        return None
    year = int(stated) if stated else _year_for_month(month, context)
    if month % 3 == 0:
        return f"{year}-Q{month // 3}"
    first, first_year = (month - 2, year) if month > 2 else (month + 10, year - 1)
    return f"{first_year}-{first:02d}/{year}-{month:02d}"


def _period_value(match: re.Match[str], context: _Context) -> str | None:
    year = _context_year(context)
    if match.group("days") or match.group("firstdays") or match.group("cited"):
        return _part_month(match, context)
    if match.group("qend"):
        return _quarter_to(match, context)
    if match.group("pair"):
        m1 = _month(match.group("pm").split()[0])
        y = int(match.group("py")) if match.group("py") else year
        if m1 and not match.group("py") and (y, m1 + 1) > (context.published.year, context.published.month):
            y -= 1  # the months already past
        return f"{y}-{m1:02d}/{y}-{m1 + 1:02d}" if m1 else None
    if match.group("dspan"):
        return _day_span(match, context)
    if match.group("dfspan"):
        return _day_span(match, context, "wm1", "wd1", "wm2", "wd2", "wy")
    if match.group("range"):
        stated = _relative_year(match.group("rrel"), context)
        y = int(match.group("ry")) if match.group("ry") else stated or year
        m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
        if match.group("ry1") and m1 and m2:  # "July 2021 to March 2022", "from January 2024 to March"
            y1 = int(match.group("ry1"))
            y2 = int(match.group("ry")) if match.group("ry") else (y1 if m2 >= m1 else y1 + 1)
            return f"{y1}-{m1:02d}/{y2}-{m2:02d}" if (y1, m1) < (y2, m2) else None
        quarter = m1 and m2 and m2 == m1 + 2 and m1 % 3 == 1
        if quarter and (m1 == 1 or _QUARTER_NEXT.match(match.string, match.end())):
            return f"{y}-Q{m2 // 3}"  # "the January-March quarter", "January to March": the first quarter
        if m1 and m2 and m2 < m1:  # "April-March": a fiscal year, ending in the year given
            return f"{y - 1}-{m1:02d}/{y}-{m2:02d}" if match.group("ry") else f"{y}-{m1:02d}/{y + 1}-{m2:02d}"
        past = (y, m2) > (context.published.year, context.published.month) if m2 else False
        if past and not (match.group("ry") or stated):
            y -= 1  # "January-November" in a release of February: the months already past
        return f"{y}-{m1:02d}/{y}-{m2:02d}" if m1 and m2 else None
    if match.group("firstn"):
        y = int(match.group("fy")) if match.group("fy") else year
        if match.group(0).lower().endswith("this year"):
            y = context.published.year
        n = int(match.group("fn")) if match.group("fn").isdigit() else g.COUNTS[match.group("fn").lower()]
        last = n * 3 if match.group("fu").lower().startswith("quarter") else n
        if last in (3, 6):  # "the first three months of the year": the first quarter; six: the first half
            return f"{y}-Q1" if last == 3 else f"{y}-H1"
        return f"{y}-01/{y}-{last:02d}" if last <= 12 else None
    if match.group("upto"):
        return _months_to(match, context)
    if match.group("half"):
        y = int(match.group("hy")) if match.group("hy") else None
        y = y or _relative_year(match.group("hrel"), context) or year
        return f"{y}-H{g.ORDINALS[match.group('hn').lower()]}"
    if match.group("hcode"):  # "H1 2024", "2H24", "H1 this year"
        coded = _coded_year(match.group("hcy") or match.group("hcy2"))
        y = coded or _relative_year(match.group("hcrel"), context) or year
        return f"{y}-H{match.group('hc') or match.group('hc2')}"
    if match.group("quarter"):
        y = int(match.group("qy")) if match.group("qy") else None
        y = y or _relative_year(match.group("qrel"), context) or year
        return f"{y}-Q{g.ORDINALS[match.group('qn').lower()]}"
    if match.group("qcode"):
        coded = _coded_year(match.group("qcy") or match.group("qcy2"))
        y = coded or _relative_year(match.group("qcrel"), context) or year
        return f"{y}-Q{match.group('qc') or match.group('qc2')}"
    if match.group("lastm"):  # "last July": the latest July before the release; "this July", "next July"
        month = _month(match.group("lmn"))
        if month is None or not match.group("lmn")[:1].isupper():
            return None
        published, which = context.published, match.group("lmw").lower()
        if which == "last":
            y = published.year if month < published.month else published.year - 1
        elif which == "next":
            y = published.year if month > published.month else published.year + 1
        else:
            y = published.year
        return f"{y}-{month:02d}"
    if match.group("month"):
        name = match.group("mn")
        if name == "May" and not match.group("my") and match.start() == 0:
            return None
        if not name[:1].isupper():
            return None
        month = _month(name)
        if month is None:
            return None
        y = int(match.group("my")) if match.group("my") else _relative_year(match.group("mrel"), context)
        # "expects output to climb in April" (in March): the April ahead
        ahead = not y and month > context.published.month and _FORWARD.search(match.string) is not None
        y = y or (context.published.year if ahead else _year_for_month(month, context))
        if month % 3 == 0 and _QUARTER_NEXT.match(match.string, match.end()):
            return f"{y}-Q{month // 3}"  # "the September quarter": the quarter that ends in September
        if _YEAR_ENDED.search(match.string, max(0, match.start() - 30), match.start()):
            # "in the year ended June 2025": the twelve months to June
            return f"{y - 1 if month < 12 else y}-{month % 12 + 1:02d}/{y}-{month:02d}"
        return f"{y}-{month:02d}"
    if match.group("yrange"):
        first, last = int(match.group("y1")), int(match.group("y2"))
        return f"{first}-01/{last}-12" if first < last else None
    if match.group("year"):
        return match.group("yy")
    if match.group("yend"):  # "by year-end": the end of the release's own year
        return str(context.published.year)
    if match.group("ybeg"):  # from the year's start: to the day or month named, else to the running month
        y = context.published.year
        month = _month(match.group("ybm")) if match.group("ybm") else None
        if month and match.group("ybd"):
            try:
                return f"{date(y, 1, 1).isoformat()}/{date(y, month, int(match.group('ybd'))).isoformat()}"
            except ValueError:
                return None
        if month:
            return f"{y}-01" if month == 1 else f"{y}-01/{y}-{month:02d}"
        return f"{y}-01/{y}-{context.published.month:02d}" if context.published.month > 1 else f"{y}-01"
    if match.group("fullyear"):  # the year of the period the release is about, else of its date
        running = context.period or context.title_period
        return running[:4] if valid_figure_period(running) else str(context.published.year)
    if match.group("ytd"):  # January to the month the release is about
        running = context.period or context.title_period or ""
        if _DAY_SPAN.fullmatch(running):  # "Aug. 1-10" running: January 1 to August 10
            return f"{running[:4]}-01-01/{running[11:]}"
        if _MONTH_PERIOD.fullmatch(running):
            year, month = running[:4], running[5:]
        elif valid_figure_period(running):  # "for the three months ending in August": to August
            end = figure_period(running).end
            year, month = str(end.year), f"{end.month:02d}"
        else:
            year, month = str(context.published.year), f"{context.published.month:02d}"
        return f"{year}-{month}" if month == "01" else f"{year}-01/{year}-{month}"
    if match.group("rel"):
        which, unit = match.group(0).lower().split()[0], match.group("rw").lower()
        back = {"this": 0, "next": -1}.get(which, 1)  # "next year" is a year ahead
        published = context.published
        if unit == "year":
            return str(published.year - back)
        month = published.month - back
        return f"{published.year - (month < 1)}-{(month - 1) % 12 + 1:02d}"
    return None


_CONTAINER_BEFORE = Caseless(
    r",\s*(?:the|its)\s+(?:first|final|last|second|third|fourth|fifth|sixth|[a-z]+est)\s+"
    r"(?:month|quarter|half|week|day)\s+of\s+(?:the\s+)?$"
)


def _fiscal_year(context: _Context) -> tuple[int, bool] | None:
    """(the month the fiscal year starts, whether 'fiscal 2025' names the year it ends in) of the economy the
    release is about: the first one its title and opening name, not as a partner ('exports to Japan');
    None when they name none of catalog.toml's [fiscal_years], whose fiscal year the text does not say."""
    if context.fiscal is None:
        opening = context.opening or context.title
        named = [
            (found.start(), month, by_end)
            for pattern, month, by_end in fiscal_economies()
            for found in pattern.finditer(opening)
            if not _PARTNER_BEFORE.search(opening, max(0, found.start() - 24), found.start())
        ]
        context.fiscal = min(named)[1:] if named else ()
    return context.fiscal or None


def _fiscal_value(match: re.Match[str], context: _Context) -> str | None:
    """'Q2 FY2025' in an Indian release -> '2024-Q3'; 'fiscal 2024' in a Japanese one -> '2024-04/2025-03'."""
    start_month, by_end = _fiscal_year(context) or (1, True)
    named = match.group("fqy") or match.group("fhy") or match.group("fy") or match.group("fy2") or ""
    years = re.findall(r"\d+", named)
    first = _coded_year(years[0]) or 0
    # "2024-25" names the year it starts in; "FY2025", where years are named by their end, the one after
    named_by_end = len(years) == 1 and by_end and start_month > 1
    start_year = first - 1 if named_by_end else first
    if match.group("fquarter"):
        n = int(match.group("fq") or g.ORDINALS[match.group("fqn").lower()])
        offset, length = 3 * (n - 1), 3
    elif match.group("fhalf"):
        n = int(match.group("fh") or g.ORDINALS[match.group("fhn").lower()])
        offset, length = 6 * (n - 1), 6
    else:
        offset, length = 0, 12
    begin = (start_year * 12 + start_month - 1) + offset
    end = begin + length - 1
    y1, m1, y2, m2 = begin // 12, begin % 12 + 1, end // 12, end % 12 + 1
    if length == 3 and m1 % 3 == 1:
        return f"{y1}-Q{m2 // 3}"
    return calendar_form(f"{y1}-{m1:02d}/{y2}-{m2:02d}")


def _coded_year(written: str | None) -> int | None:
    """The year of 'Q1 2024', "Q1'24", '1Q24', 'FY25' ('FY99': 1999)."""
    if not written:
        return None
    year = int(written.lstrip("'"))
    if year >= 100:
        return year
    return year + (2000 if year < 70 else 1900)


def _day_span(
    match: re.Match[str], context: _Context, *groups: str
) -> str | None:
    """'Jan. 1 to March 20', '01 January to 30 September 2017': the days from one to the other, in the year
    stated or that of its last month; whole months are written as months ('2017-01/2017-09')."""
    m1_group, d1_group, m2_group, d2_group, y_group = groups or ("sm1", "sd1", "sm2", "sd2", "sy")
    m1, m2 = _month(match.group(m1_group)), _month(match.group(m2_group))
    if m1 is None or m2 is None or m2 < m1:
        return None
    y = int(match.group(y_group)) if match.group(y_group) else _year_for_month(m2, context)
    try:
        start, end = date(y, m1, int(match.group(d1_group))), date(y, m2, int(match.group(d2_group)))
    except ValueError:  # "Feb. 30": no such day
        return None
    if start >= end:
        return None
    if start.day == 1 and (end + timedelta(days=1)).day == 1:  # from a month's first day to another's last
        return f"{y}-{m1:02d}" if m1 == m2 else f"{y}-{m1:02d}/{y}-{m2:02d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _relative_year(word: str | None, context: _Context) -> int | None:
    """'this year', 'last year', 'next year' after a month or quarter, from the release's date."""
    if not word:
        return None
    return context.published.year + {"this": 0, "last": -1, "next": 1}[word.lower()]


_QUARTER_NEXT = re.compile(r"\s+quarter\b", re.I)


_DAY_COUNTS = words().day_counts


def _part_month(match: re.Match[str], context: _Context) -> str | None:
    """'Dec. 1-20' / 'the first 20 days of December' -> '2024-12-01/2024-12-20'; 'the 20-day period' and
    'the cited period' -> the part of a month the release is already about."""
    if match.group("cited"):
        running = context.period or ""
        return running if _DAY_SPAN.fullmatch(running) else None
    if match.group("days"):
        month, first, last = _month(match.group("dm")), int(match.group("d1")), int(match.group("d2"))
        year = int(match.group("dy")) if match.group("dy") else None
    else:
        count = match.group("fdn")
        first, last = 1, int(count) if count.isdigit() else _DAY_COUNTS[count.lower()]
        month = _month(match.group("fdm")) if match.group("fdm") else None
        year = int(match.group("fdy")) if match.group("fdy") else None
        if month is None:
            running = context.period or context.title_period or ""
            if _MONTH_PERIOD.fullmatch(running) and not match.group("fdthis"):
                year, month = int(running[:4]), int(running[5:])
            else:
                year, month = context.published.year, context.published.month
    if month is None or last <= first:
        return None
    year = year or _year_for_month(month, context)
    try:
        return f"{date(year, month, first).isoformat()}/{date(year, month, last).isoformat()}"
    except ValueError:
        return None  # "February 1-30": no such days


_DAY_SPAN = re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}")


def _months_to(match: re.Match[str], context: _Context) -> str | None:
    """'three months to September 2025' -> '2025-07/2025-09' (a rolling window, told as its months even
    where it is a quarter); 'twelve months to Sept 2025' -> '2024-10/2025-09'."""
    words = (match.group("un") or match.group("uq")).lower()
    n = int(words) if words.isdigit() else g.COUNTS[words]
    n = n * 3 if match.group("uq") else n  # "the four quarters to the end of 2022": twelve months
    month = _month(match.group("um")) if match.group("um") else 12
    if month is None:
        return None
    year = match.group("uy") or match.group("uyo")
    y = int(year) if year else _year_for_month(month, context)
    if match.group("uq") and n == 6 and month % 6 == 0:
        return f"{y}-H{month // 6}"  # "the two quarters to June": the first half
    if n == 12 and month == 12:
        return str(y)
    first = month - n + 1
    start_year = y if first >= 1 else y - 1
    return f"{start_year}-{(first - 1) % 12 + 1:02d}/{y}-{month:02d}"


def _month(name: str) -> int | None:
    return g.MONTHS.get(name.lower().rstrip("."))


def _context_year(context: _Context) -> int:
    for period in (context.period, context.title_period):
        if period and period[:4].isdigit():
            return int(period[:4])
    return context.published.year


def _year_within(month: int, span: str) -> int | None:
    """The year of the month `month` inside a span of months ('2018-04/2019-03': March is 2019's)."""
    if not valid_figure_period(span):
        return None
    period = figure_period(span)
    for year in range(period.start.year, period.end.year + 1):
        if period.start <= date(year, month, 1) <= period.end:
            return year
    return None


def _year_for_month(month: int, context: _Context) -> int:
    """The year of a month named without one: the title's, else that of the latest such month on or
    before the release ('In August' in an October 2021 release is August 2021, whatever year an
    earlier sentence named: 'In April 2020, ...' is background, not the release's running year)."""
    title = context.title_period
    for span in (context.period, title):  # "in March, the final month of fiscal 2018" in fiscal 2018: 2019
        inside = _year_within(month, span) if span and "/" in span else None
        if inside:
            return inside
    if title and title[:4].isdigit():
        year = int(title[:4])
        # "from $63.3 billion in December" in a January 2026 release published in March: 2025
        return year - 1 if (year, month) > (context.published.year, context.published.month) else year
    published = context.published
    return published.year - 1 if month > published.month else published.year


def _period_of(
    sentence: str,
    figure: _Figure,
    periods: list[tuple[int, int, str, bool]],
    primary: tuple[int, int, str, bool] | None,
    context: _Context,
    others: list[_Figure] = (),
    compared: frozenset[int] = frozenset(),
) -> str:
    words = _sentence_words(sentence, periods)
    period = _stated_or_carried(sentence, figure, periods, primary, context, others, compared, words[2])
    q = figure.quantity
    which = words[0] and _WHICH_BEFORE.search(sentence, max(0, q.start - 60), q.start)
    if which:  # "compared to the same period in 2016, during which a surplus of $5.13 billion was recorded"
        gap = which.start()
        named = [p for p in periods if p[1] <= gap and not sentence[p[1] : gap].strip(" ,")]
        if named:
            return _same_period_in(sentence, named[-1], context) or named[-1][2]
    alike = "same" in sentence or "corresponding" in sentence
    same = _SAME_PERIOD_AFTER.match(sentence, q.end) if alike else None
    if same and valid_figure_period(period):  # "32.7 percent in the same period in 2022": that year's span
        moved = _in_year(period, same.group("year"))
        if moved:
            return moved
    if words[1] and _YEARLY_GOAL.search(sentence, max(0, q.start - 50), q.start):
        # "their yearly order target of $35.1 billion": the year's
        return str(figure_period(period).end.year) if valid_figure_period(period) else period
    if period == context.period and "/" in period and _SPAN.fullmatch(period) and _is_stock(sentence, figure):
        carried = all(p[2] != period or _ANAPHOR_TEXT.fullmatch(sentence, p[0], p[1]) for p in periods)
        if carried:
            return _last_month(period)
    return period


_WHICH_BEFORE = Caseless(r"\b(?:during|in|over)\s+which\s+(?:[a-z-]+\s+){0,5}(?:of\s+)?$")
_SAME_PERIOD_IN = Caseless(
    r"\b(?:same|corresponding|comparable|similar)\s+(?:period|months?)\s+(?:of|in)\s+$"
)


def _same_period_in(sentence: str, named: tuple[int, int, str, str], context: _Context) -> str | None:
    """'the same period in 2016' under a running January-August 2017: January-August 2016."""
    if not _SAME_PERIOD_IN.search(sentence, max(0, named[0] - 30), named[0]) or not named[2].isdigit():
        return None
    if not valid_figure_period(context.period):
        return None
    return _in_year(context.period or "", named[2])


_SAME_PERIOD_AFTER = re.compile(
    r"\s*(?:percent|per\s*cent|%)?\s+(?:in|during|for|over)\s+the\s+(?:same|corresponding)\s+"
    r"(?:period|quarter|months?|half)\s+(?:of|in)\s+(?P<year>(?:19|20)\d\d)\b"
)


def _in_year(period: str, year: str) -> str | None:
    """The same part of another year: '2021-Q1' in 2022 -> '2022-Q1' (None for a year or a span across
    years)."""
    running = figure_period(period)
    if running.kind == "year" or running.start.year != running.end.year:
        return None
    moved = period.replace(str(running.start.year), year)
    return moved if valid_figure_period(moved) else None


_YEARLY_GOAL = Caseless(
    r"\b(?:yearly|annual|full-year|year-end)\s+(?:[a-z-]+\s+){0,2}(?:targets?|goals?)\s+(?:of\s+)?(?:about\s+)?$"
)


# What stands at a point in time, not what flows over a span: after "In January-October, exports came to
# $500 billion", "The price index stood at 120.5 points" is October's.
# (read on a subject or a few words, not on the sentence: a plain case-insensitive pattern)
_STOCK = re.compile(
    r"\b(?:index|indices|indexes|prices?|backlogs?|reserves|inventor(?:y|ies)|outstanding)\b",
    re.I,
)
_SPAN = re.compile(r"\d{4}-\d{2}/\d{4}-\d{2}")
_ANAPHOR_TEXT = re.compile(r"[Tt]he\s+(?:same\s+|\S+-month\s+)?(?:month|period)")


def _is_stock(sentence: str, figure: _Figure) -> bool:
    """An index, a price, a backlog: by its unit, its subject or the words of its clause before it."""
    if figure.quantity.unit == "points" or (figure.subject and _STOCK.search(figure.subject)):
        return True
    start = max(sentence.rfind(",", 0, figure.cue_start), sentence.rfind(";", 0, figure.cue_start), 0)
    return _STOCK.search(sentence, start, figure.cue_start) is not None


def _last_month(span: str) -> str:
    return span.rsplit("/", 1)[1]


# The words _period_of looks for, read once per sentence (it is asked once per figure): is there a
# "which", a "target" or "goal", and the periods followed by "'s".
_WORDS_READ: list = [(None, None, (False, False, ()))]


def _sentence_words(
    sentence: str, periods: list[tuple[int, int, str, str]]
) -> tuple[bool, bool, list[tuple[int, int, str, str]]]:
    last, last_periods, words = _WORDS_READ[0]
    if last is not sentence or last_periods is not periods:
        possessive = [p for p in periods if sentence.startswith(("'s", "’s"), p[1])] if periods else []
        words = ("which" in sentence, "arget" in sentence or "oal" in sentence, possessive)
        _WORDS_READ[0] = (sentence, periods, words)  # one assignment: never a sentence with another's words
    return words


def _stated_or_carried(
    sentence: str,
    figure: _Figure,
    periods: list[tuple[int, int, str, bool]],
    primary: tuple[int, int, str, bool] | None,
    context: _Context,
    others: list[_Figure],
    compared: frozenset[int],
    possessive: list[tuple[int, int, str, str]],
) -> str:
    """The period a sentence states for the figure, else the one the release carries."""
    q = figure.quantity
    # "December's $20.8 billion", "the previous month's 6.5 percent growth"
    for p in possessive:
        if _possessed_by(sentence, p, [figure]):
            return p[2]
    # "Chip exports reached $21.0 billion, just below December's $21.4 billion": December is not theirs
    if possessive:
        rest = [f for f in others if f is not figure]
        compared = compared | {p[0] for p in possessive if _possessed_by(sentence, p, rest)}
    for _start, end, period, _kind in periods:  # "from November (3.9%) to December (12.4%)": the month's
        if end <= q.start and _OPEN_BRACKET.fullmatch(sentence, end, q.start):
            return period
        if end <= q.start and _PERIOD_TOTAL_OF.fullmatch(sentence, end, q.start):
            return period  # "compared to the February 2017 total of USD 30.4 billion": February 2017's
    for start, _end, period, is_base in periods:
        if start >= q.end and is_base != "base" and g.PERIOD_RIGHT_AFTER.match(sentence, q.end, start):
            return period
        if _end <= q.start and "when" in sentence and _WHEN_IT_CAME.fullmatch(sentence, _end, q.start):
            return period  # "The record was set in January 2018 when the figure came to $49.2 billion"
    # a change is never compared so: its look for an earlier level is spared
    earlier = _EARLIER_LEVEL.match(sentence, q.end) if figure.role in ("level", "share") else None
    if (
        earlier
        and (
            _COMPARED_BEFORE.search(sentence[max(0, q.start - 20) : q.start])
            # "$7.5 billion in May and $8.2 billion a year ago": a second level of the same kind
            or any(f.role == figure.role and f.quantity.end <= q.start for f in others)
            # "Output was 6.9 million tons in the same month a year ago.": the sentence's only figure
            or all(f is figure for f in others)
        )
    ):
        own = primary is not None and primary[0] not in compared  # not "units sold last year" of another
        current = primary[2] if own else (context.period or context.title_period)
        shifted = _shift(current, months=1 if earlier.group("month") else 12)
        if earlier.group("year") and shifted and shifted[:4] != earlier.group("year"):
            shifted = None  # "the same period of 2019" for a 2025 figure: not the year before; left to others
        if shifted:
            return shifted
    if not periods:  # no phrase of the sentence to weigh: the running period
        return context.period or context.title_period or _release_month(context)
    # A period right after an earlier figure is that figure's ("from a surplus of $0.4 billion in October
    # to a deficit of $1.2 billion"): the later figure does not inherit it.
    taken = (
        {
            p[0]
            for p in periods
            if p[1] <= q.start
            and _THEN_TO.match(sentence, p[1], q.start)
            # "from $0.4 billion in October to $1.2 billion": one quantity, not "1.9 trillion won by 2030
            # to build capacity of 300,000 tons"
            and any(
                _owns_period(sentence, f, p) and f.quantity.unit == q.unit for f in others if f is not figure
            )
        }
        if len(others) > 1
        else set()
    )
    # "narrowed to $96.7 billion from $102.4 billion in September": the compared level's period is its own
    taken |= compared
    before = [p for p in periods if p[1] <= figure.cue_start and p[3] in ("", "target") and p[0] not in taken]
    if before:
        return before[-1][2]
    later_target = primary is not None and primary[3] == "target" and primary[0] > q.end
    if later_target and _verb_between(sentence, q.end, primary[0]):
        primary = None  # "shipped 21.5 GWh ... and expects ... by year-end": another clause's target
    running = context.period or context.title_period
    later = primary is not None and primary[0] > q.end
    if later and running and _earlier_changes_period(sentence, primary, others):
        return running  # "... a 30.9% increase expected, and followed a 16.1% increase in March": March's
    alone = primary is not None and primary[0] > q.end and sentence.startswith(" alone", primary[1])
    if alone and running and any(q.end < f.quantity.start < primary[0] for f in others):
        return running  # "CNY1.96 trillion, with CNY736.7 billion in March alone": March is the part's
    if later and running and _REASON.search(sentence, q.end, primary[0]) and not _DIGIT.search(
        sentence, q.end, primary[0]
    ):
        return running  # "dropped 3.6 percent, as demand subsided after a warm August": the reason's month
    if primary is not None and primary[0] not in compared and (primary[0] not in taken or primary[0] > q.end):
        return primary[2]
    if primary is not None and context.period is None and context.title_period is None:
        return primary[2]
    return context.period or context.title_period or _release_month(context)


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_PERIOD_TOTAL_OF = re.compile(r"\s+(?:total|figure|level|reading|tally)\s+of\s+(?:about\s+|some\s+)?")
_REASON = re.compile(
    r",\s*(?:as|amid|because|since|due\s+to|owing\s+to|thanks\s+to|on\s+the\s+back\s+of)\s", re.I
)
_DIGIT = re.compile(r"\d")


def _earlier_changes_period(sentence: str, period: tuple[int, int, str, str], others: list[_Figure]) -> bool:
    """Does the period stand among the words of another figure's earlier change ('followed a 16.1%
    increase in March')?"""
    for other in others:
        end = _earlier_change_end(sentence, other) if other.quantity.end < period[0] else None
        if end is not None and period[0] < end:
            return True
    return False


def _release_month(context: _Context) -> str:
    return f"{context.published.year}-{context.published.month:02d}"


# a period that owns the figure right after it: "'s", then at most a few words and no number
_POSSESSIVE = re.compile(r"['’]s\s+(?:[^\d\s,.;]+\s+){0,6}(?:of\s+)?(?:over\s+|about\s+|nearly\s+)?$")


def _possessed_by(
    sentence: str, period: tuple[int, int, str, str], figures: Sequence[_Figure]
) -> _Figure | None:
    """The figure of `figures` a possessive period owns ('December's $20.8 billion'), if any."""
    if not sentence.startswith(("'s", "’s"), period[1]):
        return None
    after = [f for f in figures if period[1] < f.cue_start]
    return next((f for f in after if _POSSESSIVE.match(sentence, period[1], f.cue_start)), None)


_THEN_TO = re.compile(r"\s*,?\s*(?:and\s+)?to\b")


# A change told as the one before: "following a revised 2.7 percent fall in September", "after rising 0.7
# percent a month earlier", "compared with a 2.1 percent fall in September".
_PRIOR_CHANGE = re.compile(
    r"\b(?:following|followed|after|compared\s+(?:with|to))\s+(?:an?\s+|the\s+)?"
    r"(?:(?:upwardly\s+|downwardly\s+)?revised\s+|adjusted\s+)?"
    r"(?:(?:rising|falling|growing|gaining|declining|dropping|increasing|decreasing)\s+(?:by\s+)?)?$",
    re.I,
)
_NUMBER_NOT_A_YEAR = re.compile(r"(?<![\d.,])(?!(?:19|20)\d{2}\b)\d")  # where the next number begins


def _earlier_change_end(sentence: str, figure: _Figure) -> int | None:
    """Where the words of an earlier period's change end (the next number, else the sentence's end), or None
    for a figure that is no such change."""
    start = min(figure.cue_start, figure.quantity.start)
    if figure.role != "change":
        return None
    low = max(0, start - 40)
    hinted = sentence.find("follow", low, start) != -1 or sentence.find("after", low, start) != -1 or (
        sentence.find("compared", low, start) != -1
    )
    if not hinted or not _PRIOR_CHANGE.search(sentence, low, start):
        return None
    stop = _NUMBER_NOT_A_YEAR.search(sentence, figure.quantity.end)
    return stop.start() if stop else len(sentence)


def _compared_periods(
    sentence: str, figures: list[_Figure], periods: list[tuple[int, int, str, str]]
) -> frozenset[int]:
    """Starts of the periods right after a level compared with ('from $102.4 billion in September')."""
    levels = [
        f
        for f in figures
        if f.role == "level"
        and _COMPARED_WITH.search(sentence, max(0, f.quantity.start - 30), f.quantity.start)
    ]
    owned = {p[0] for p in periods for f in levels if _owns_period(sentence, f, p)}
    for f in levels:  # "compared to 247,801 units sold last year": its own period, shifted
        earlier = _EARLIER_LEVEL.match(sentence, f.quantity.end)
        if earlier:
            owned |= {p[0] for p in periods if f.quantity.end <= p[0] and p[1] <= earlier.end()}
    for f in figures:  # "following a 2.7 percent fall in September": September is that change's only
        end = _earlier_change_end(sentence, f) if f.role == "change" else None
        if end is not None:
            owned |= {p[0] for p in periods if f.quantity.end <= p[0] < end}
    return frozenset(owned)


def _verb_between(sentence: str, start: int, end: int) -> bool:
    return g.VERB.search(sentence, start, end) is not None


def _owns_period(sentence: str, figure: _Figure, period: tuple[int, int, str, str]) -> bool:
    end = figure.quantity.end
    if period[0] < end or period[3] == "base":
        return False
    return bool(g.PERIOD_RIGHT_AFTER.match(sentence, end, period[0]))


def _shift(period: str | None, months: int) -> str | None:
    """The period a comparison level is for: a year back ('2026-03' -> '2025-03', '2026-01/2026-09' ->
    '2025-01/2025-09', '2025' -> '2024') or, for a month, one month back ('2026-03' -> '2026-02')."""
    if not valid_figure_period(period):
        return None
    found = figure_period(period or "")
    if months == 12:
        return found.year_before().key
    return found.previous().key if months == 1 and found.kind == "month" else None


def _title_period(release: Release) -> str | None:
    context = _Context(release.published, None)
    title = normalize(release.title or "")
    for start, _end, period, is_base in _periods(title, context):
        if not is_base:
            return period
        del start
    return None
