"""Reporting periods: a month, an ISO week, or a date range.

parse_month("2026-01") -> Period(2026-01-01, 2026-01-31, key "2026-01")
parse_week("2026-W03") -> Period(2026-01-12, 2026-01-18, key "2026-W03")
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reports.errors import BriefError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    """A closed date range with the key that names its archive folder."""

    kind: str  # month | week | range
    start: date
    end: date
    key: str

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
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
