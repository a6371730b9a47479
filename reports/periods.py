"""Periods: what a briefing covers (a month, an ISO week, a date range) and what a figure is for.

One `Period` type serves both. A briefing's period comes from the command line:
    parse_month("2026-01") -> Period(2026-01-01, 2026-01-31, key "2026-01")
    parse_week("2026-W03") -> Period(2026-01-12, 2026-01-18, key "2026-W03")
A figure's period comes from its string in the records and the JSON contract:
    figure_period("2025-Q4") -> Period(2025-10-01, 2025-12-31, kind "quarter")
    figure_period("2024-12-01/2024-12-20") -> Period(kind "days"), part of December
    figure_period("2019-04/2020-03") -> Period(kind "months"), a fiscal year
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reports.errors import BriefError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    """A closed date range with the key that names its archive folder."""

    kind: str  # briefings: month | week | range; figures also: year | half | quarter | months | days | day
    start: date
    end: date
    key: str

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def options(self) -> str:
        """The command-line options that name this period: '--week 2026-W03', '--from X --to Y'."""
        if self.kind in ("month", "week"):
            return f"--{self.kind} {self.key}"
        return f"--from {self.start.isoformat()} --to {self.end.isoformat()}"

    @property
    def part_month(self) -> bool:
        """A span of days inside one month that is not the whole month ('the first 20 days of July')."""
        if self.kind not in ("days", "day", "range", "week"):
            return False
        whole = month_period(self.start.year, self.start.month)
        return self.end <= whole.end and (self.start, self.end) != (whole.start, whole.end)

    def year_before(self) -> Period:
        """The same stretch of the calendar a year earlier: 2025-Q3 -> 2024-Q3, Dec 1-20 -> Dec 1-20."""
        if self.kind in _FIGURE_KINDS:
            return figure_period(_shift_years(self.key, -1))
        return self._days_back(365)

    def _days_back(self, days: int) -> Period:
        return range_period(self.start - timedelta(days=days), self.end - timedelta(days=days))

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind in ("year", "half", "quarter"):
            return _figure_before(self)
        if self.kind == "month":
            return month_period(*_month_before(self.start.year, self.start.month))
        if self.kind == "week":
            return week_period(self.start - timedelta(days=7))
        length = self.end - self.start + timedelta(days=1)
        return range_period(self.start - length, self.start - timedelta(days=1))

    def next(self) -> Period:
        """The period of the same kind just after this one."""
        if self.kind == "month":
            return month_period(*_month_after(self.start.year, self.start.month))
        if self.kind == "week":
            return week_period(self.start + timedelta(days=7))
        length = self.end - self.start + timedelta(days=1)
        return range_period(self.end + timedelta(days=1), self.end + length)


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period("month", date(year, month, 1), date(year, month, last), f"{year:04d}-{month:02d}")


def week_period(day: date) -> Period:
    """The ISO week holding `day`."""
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return Period("week", monday, monday + timedelta(days=6), f"{year:04d}-W{week:02d}")


def range_period(start: date, end: date) -> Period:
    if end < start:
        raise BriefError(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    return Period("range", start, end, f"{start.isoformat()}_{end.isoformat()}")


def parse_month(text: str, today: date | None = None) -> Period:
    """'2026-01' -> January 2026; 'last' -> the last complete month before `today`."""
    if text == "last":
        today = today or date.today()
        return month_period(*_month_before(today.year, today.month))
    match = _MONTH.match(text)
    if match is None:
        raise BriefError(f"--month {text!r}: expected YYYY-MM (e.g. 2026-01) or 'last'")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or year < 1:
        raise BriefError(f"--month {text!r}: no such month")
    return month_period(year, month)


def parse_week(text: str, today: date | None = None) -> Period:
    """'2026-W03' -> Mon 12 to Sun 18 January 2026; 'last' -> the last complete ISO week."""
    if text == "last":
        today = today or date.today()
        return week_period(today - timedelta(days=7))
    match = _WEEK.match(text)
    if match is None:
        raise BriefError(f"--week {text!r}: expected YYYY-Www (e.g. 2026-W03) or 'last'")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        return week_period(date.fromisocalendar(year, week, 1))
    except ValueError:
        raise BriefError(f"--week {text!r}: {year} has no ISO week {week}") from None
    except OverflowError:  # 9999-W52 ends in the year 10000
        raise BriefError(f"--week {text}: outside the calendar brief can work with") from None


def parse_day(text: str, option: str = "--from") -> date:
    """'2026-02-28' -> date; anything else, or a day that does not exist, is a BriefError."""
    match = _DAY.match(text)
    if match is None:
        raise BriefError(f"{option} {text!r}: expected YYYY-MM-DD")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise BriefError(f"{option} {text!r}: no such day") from None


def parse_period(
    month: str | None = None,
    week: str | None = None,
    start: str | None = None,
    end: str | None = None,
    today: date | None = None,
) -> Period:
    """The one period named by the command-line options, exactly one form given."""
    given = [name for name, value in (("--month", month), ("--week", week)) if value]
    if start or end:
        given.append("--from/--to")
    if len(given) != 1:
        raise BriefError("give exactly one period: --month YYYY-MM, --week YYYY-Www or --from/--to")
    if month:
        return parse_month(month, today)
    if week:
        return parse_week(week, today)
    if not (start and end):
        raise BriefError("--from and --to go together")
    return range_period(parse_day(start, "--from"), parse_day(end, "--to"))


def today_in(timezone: str) -> date:
    """Today's date in the configured timezone ('Asia/Seoul' by default)."""
    try:
        return datetime.now(ZoneInfo(timezone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        raise BriefError(f"timezone {timezone!r}: unknown (use an IANA name such as Asia/Seoul)") from None


def _month_before(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def parse_key(key: str) -> Period:
    """An archive folder's name back to its period: '2026-W03', '2026-01', '2026-01-01_2026-01-15'.

    parse_key("2026-01-01_2026-01-15") -> Period(2026-01-01, 2026-01-15); anything else is a BriefError.
    """
    if _WEEK.match(key):
        return parse_week(key)
    if _MONTH.match(key):
        return parse_month(key)
    start, sep, end = key.partition("_")
    if sep and _DAY.match(start) and _DAY.match(end):
        return range_period(parse_day(start), parse_day(end, "--to"))
    raise BriefError(f"{key!r}: not a period key (YYYY-MM, YYYY-Www or YYYY-MM-DD_YYYY-MM-DD)")


# Figure periods -------------------------------------------------------------------------------------

_FIGURE_KINDS = ("year", "half", "quarter", "month", "months", "days", "day")
_YEAR = re.compile(r"^(\d{4})$")
_PART = re.compile(r"^(\d{4})-([QH])([1-4])$")


def figure_period(text: str) -> Period:
    """A figure's period string (DESIGN.md, "Periods") as a Period; a period that cannot exist
    ("2020-04/2020-03", "2025-02-30", "2025-Q5") raises ValueError.

    figure_period("2025-01/2025-11") -> Period("months", 2025-01-01, 2025-11-30, key "2025-01/2025-11")
    """
    text = text.strip()
    if _YEAR.match(text):
        year = int(text)
        return Period("year", date(year, 1, 1), date(year, 12, 31), text)
    part = _PART.match(text)
    if part:
        year, kind, number = int(part[1]), part[2], int(part[3])
        size = 3 if kind == "Q" else 6
        if number > 12 // size:
            raise ValueError(f"{text!r}: no such {'quarter' if kind == 'Q' else 'half'}")
        first = (number - 1) * size + 1
        end = month_period(year, first + size - 1).end
        return Period("quarter" if kind == "Q" else "half", date(year, first, 1), end, text)
    if _MONTH.match(text):
        year, month = int(text[:4]), int(text[5:])
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r}: no such month")
        return month_period(year, month)
    if _DAY.match(text):
        day = date.fromisoformat(text)
        return Period("day", day, day, text)
    first, sep, last = text.partition("/")
    if sep and _MONTH.match(first) and _MONTH.match(last):
        start, end = figure_period(first).start, figure_period(last).end
        kind = "months"
    elif sep and _DAY.match(first) and _DAY.match(last):
        start, end = date.fromisoformat(first), date.fromisoformat(last)
        kind = "days"
    else:
        raise ValueError(f"{text!r}: not a period (2025, 2025-Q4, 2025-H1, 2025-12, 2025-01/2025-11, "
                         "2024-12-01/2024-12-20, 2022-03-24)")
    if end < start:
        raise ValueError(f"{text!r}: ends before it starts")
    return Period(kind, start, end, text)


_MONTH_SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_HALVES = {("01", "06"): "-H1", ("07", "12"): "-H2", ("01", "12"): ""}


def calendar_form(key: str | None) -> str | None:
    """A span of months that is a calendar half or year, written as one, as analysts write it:
    "2016-01/2016-06" -> "2016-H1", "2024-01/2024-12" -> "2024"; any other key as it is (a rolling three
    months stays its months, a fiscal year April-March its span)."""
    span = _MONTH_SPAN.match(key or "")
    if span is None or span[1] != span[3] or (span[2], span[4]) not in _HALVES:
        return key
    return span[1] + _HALVES[span[2], span[4]]


@lru_cache(maxsize=4096)
def valid_figure_period(text: str | None) -> bool:
    """Is text a period that exists? valid_figure_period("2020-04/2020-03") -> False."""
    if not text:
        return False
    try:
        figure_period(text)
    except ValueError:
        return False
    return True


def _shift_years(key: str, years: int) -> str:
    """'2025-Q3' -> '2024-Q3'; '2024-12-01/2024-12-20' -> '2023-12-01/2023-12-20' (29 Feb -> 28 Feb)."""

    def one(part: str) -> str:
        year, rest = int(part[:4]) + years, part[4:]
        if rest == "-02-29" or rest.startswith("-02-29"):
            rest = "-02-28" + rest[6:]
        return f"{year:04d}{rest}"

    return "/".join(one(part) for part in key.split("/"))


def _figure_before(period: Period) -> Period:
    if period.kind == "year":
        return figure_period(str(period.start.year - 1))
    kind = "Q" if period.kind == "quarter" else "H"
    count = 4 if kind == "Q" else 2
    number = int(period.key[-1]) - 1
    year = period.start.year
    if number == 0:
        year, number = year - 1, count
    return figure_period(f"{year}-{kind}{number}")
