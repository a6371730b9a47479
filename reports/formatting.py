"""How figures are written for people, in every locale, through babel.

format_value(2.643e11, "USD", "en") -> "USD 264.3 billion"
format_value(7.2e10, "USD", "en")   -> "USD 72.0 billion"
format_value(4.1e6, "units", "en")  -> "4.1 million units"
format_change(Change(12.4, "percent", "up", "yoy"), "en") -> "+12.4% y/y"
format_period("2025-12", "en") -> "Dec 2025"
"""

from __future__ import annotations

import re
from datetime import date

from babel import Locale
from babel.dates import format_interval, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_currency_symbol, get_decimal_symbol

from reports.records import Change

_BASIS = {"yoy": "y/y", "mom": "m/m", "qoq": "q/q", "cumulative": "ytd"}
_BASIS_KO = {"yoy": "전년 대비", "mom": "전월 대비", "qoq": "전분기 대비", "cumulative": "누적"}
_UNIT_KO = {
    "units": "대", "vehicles": "대", "tons": "톤", "barrels": "배럴", "jobs": "개", "companies": "개사",
    "percentage points": "%p", "barrels per day": "배럴/일",
}
_CURRENCY_KO = {"USD": "달러", "KRW": "원", "EUR": "유로", "JPY": "엔", "CNY": "위안"}


def is_currency(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper() and unit.isalpha()


def format_number(value: float, locale: str = "en") -> str:
    """1234567.0 -> '1,234,567'; compact ('264.3 billion', '2643억') from a million up."""
    if abs(value) >= 1_000_000:
        if not _has_long_compact(locale):
            return format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=1)
        text = format_compact_decimal(value, format_type="long", locale=locale, fraction_digits=1)
        # Research style keeps one decimal in compact figures: "USD 72.0 billion", not "USD 72 billion".
        symbol = get_decimal_symbol(locale)
        match = re.match(r"[\d\s,.\u00a0\u202f']+", text)
        if match and symbol not in match.group(0).strip():
            digits = match.group(0).rstrip()
            text = digits + symbol + "0" + text[len(digits):]
        return text
    return format_decimal(round(value, 2), locale=locale)


def format_value(value: float | None, unit: str | None, locale: str = "en") -> str:
    """A level with its unit as a reader writes it."""
    if value is None:
        return ""
    if unit == "percent":
        return format_decimal(value, format="#,##0.#", locale=locale) + "%"
    number = format_number(value, locale)
    if is_currency(unit):
        if locale == "ko":
            return f"{number} {_CURRENCY_KO.get(unit, unit)}"
        return f"{unit} {number}"
    if not unit:
        return number
    if locale == "ko":
        return f"{number}{_UNIT_KO.get(unit, ' ' + unit)}"
    return f"{number} {unit}"


def format_change(change: Change | None, locale: str = "en") -> str:
    """'+12.4% y/y', '−0.6% y/y', '+3.2 %p' — the sign says the direction."""
    if change is None:
        return ""
    basis = (_BASIS_KO if locale == "ko" else _BASIS).get(change.basis or "", "")
    if change.value is None:
        word = {"up": "↑", "down": "↓", "flat": "→"}.get(change.direction or "", "")
        return " ".join(part for part in (word, basis) if part)
    sign = {"up": "+", "down": "−"}.get(change.direction or "", "")
    if not sign and change.value < 0:
        sign = "−"
    number = format_decimal(abs(change.value), format="#,##0.0##", locale=locale)
    unit = {"percent": "%", "percentage points": " pp"}.get(change.unit, f" {change.unit}")
    text = f"{sign}{number}{unit}"
    return f"{text} {basis}" if basis else text


_DAYS = re.compile(r"(\d{4}-\d{2}-\d{2})(?:/(\d{4}-\d{2}-\d{2}))?")


def format_period(period: str | None, locale: str = "en") -> str:
    """'2025' -> '2025'; '2025-12' -> 'Dec 2025'; '2025-H1' -> 'H1 2025';
    '2025-01/2025-11' -> 'Jan 2025 – Nov 2025'; '2024-12-01/2024-12-20' -> 'Dec 1 – 20, 2024'.
    """
    if not period:
        return ""
    days = _DAYS.fullmatch(period)
    if days:  # part of a month or any span of days: 'Dec 1 – 20, 2024', never 'Dec 2024'
        start, end = date.fromisoformat(days[1]), date.fromisoformat(days[2] or days[1])
        if start == end:
            return format_skeleton("yMMMd", start, locale=locale)
        return format_interval(start, end, "yMMMd", locale=locale)
    if "/" in period:
        first, last = period.split("/", 1)
        return f"{format_period(first, locale)} – {format_period(last, locale)}"
    match = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if match:
        return format_skeleton("yMMM", date(int(match[1]), int(match[2]), 1), locale=locale)
    match = re.fullmatch(r"(\d{4})-([HQ])(\d)", period)
    if match:
        return f"{match[2]}{match[3]} {match[1]}"
    return period


def format_date_range(start: date, end: date, locale: str = "en") -> str:
    """ "Jan 13–14, 2026": babel's interval, the dash closed up when only the day changes, no thin spaces."""
    text = format_interval(start, end, "yMMMd", locale=locale)
    text = re.sub(r"[\s\u2009\u202f]*–[\s\u2009\u202f]*(?=\d+,)", "–", text)
    return text.replace("\u2009", " ").replace("\u202f", " ")


def format_month_alone(period: str, locale: str = "en") -> str:
    """A month without its year, for an axis whose title names the year: '2025-01' -> 'Jan' / '1월'."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", period)
    if not match:
        return format_period(period, locale)
    return format_skeleton("MMM", date(int(match[1]), int(match[2]), 1), locale=locale)


def currency_symbol(code: str, locale: str = "en") -> str:
    return get_currency_symbol(code, locale=locale)


def _has_long_compact(locale: str) -> bool:
    return "long" in Locale.parse(locale).compact_decimal_formats
