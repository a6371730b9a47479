from __future__ import annotations

from datetime import date

import pytest

from reports.errors import BriefError
from reports.periods import calendar_form, figure_period, parse_month, parse_period, parse_week, range_period


def test_month_covers_every_day_of_it() -> None:
    period = parse_month("2026-02")
    assert (period.start, period.end, period.key) == (date(2026, 2, 1), date(2026, 2, 28), "2026-02")


def test_iso_week_runs_monday_to_sunday() -> None:
    period = parse_week("2026-W03")
    assert (period.start, period.end, period.key) == (date(2026, 1, 12), date(2026, 1, 18), "2026-W03")


def test_iso_week_one_can_start_in_the_previous_year() -> None:
    assert parse_week("2026-W01").start == date(2025, 12, 29)


def test_week_53_exists_in_2026_but_not_in_2025() -> None:
    assert parse_week("2026-W53").end == date(2027, 1, 3)
    with pytest.raises(BriefError, match="2025 has no ISO week 53"):
        parse_week("2025-W53")


def test_last_month_is_the_last_complete_one() -> None:
    assert parse_month("last", today=date(2026, 1, 5)).key == "2025-12"


def test_last_week_is_the_last_complete_iso_week() -> None:
    assert parse_week("last", today=date(2026, 1, 19)).key == "2026-W03"  # a Monday
    assert parse_week("last", today=date(2026, 1, 18)).key == "2026-W02"  # a Sunday: W03 not over


def test_date_range_key_names_both_ends() -> None:
    period = parse_period(start="2026-01-01", end="2026-01-15")
    assert period.key == "2026-01-01_2026-01-15"


def test_previous_and_next_of_a_month() -> None:
    period = parse_month("2026-01")
    assert (period.previous().key, period.next().key) == ("2025-12", "2026-02")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"month": "2026-13"}, "--month '2026-13': no such month"),
        ({"month": "../etc"}, "--month '../etc': expected YYYY-MM"),
        ({"week": "2026-W54"}, "--week '2026-W54': 2026 has no ISO week 54"),
        ({"week": "2026-W00"}, "--week '2026-W00': 2026 has no ISO week 0"),
        ({"start": "2026-02-30", "end": "2026-03-01"}, "--from '2026-02-30': no such day"),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "--to 2026-02-01 is before --from 2026-03-01"),
        ({"start": "2026-03-01"}, "--from and --to go together"),
        ({"month": "2026-01", "week": "2026-W03"}, "give exactly one period"),
        ({}, "give exactly one period"),
    ],
)
def test_invalid_periods_are_one_clear_error(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(BriefError) as caught:
        parse_period(**kwargs)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("period", "options"),
    [
        (parse_month("2026-01"), "--month 2026-01"),
        (parse_week("2026-W03"), "--week 2026-W03"),
        (range_period(date(2026, 1, 5), date(2026, 2, 20)), "--from 2026-01-05 --to 2026-02-20"),
    ],
)
def test_a_period_names_the_options_that_make_it_again(period, options: str) -> None:  # noqa: ANN001
    assert period.options == options
    assert parse_period(*_as_arguments(options)) == period


def _as_arguments(options: str) -> tuple[str | None, str | None, str | None, str | None]:
    words = options.split()
    given = dict(zip(words[::2], words[1::2], strict=True))
    return given.get("--month"), given.get("--week"), given.get("--from"), given.get("--to")


@pytest.mark.parametrize(
    ("key", "form"),
    [("2016-01/2016-06", "2016-H1"), ("2016-07/2016-12", "2016-H2"), ("2024-01/2024-12", "2024"),
     ("2025-04/2025-06", "2025-04/2025-06"), ("2019-04/2020-03", "2019-04/2020-03"),
     ("2024-07/2025-06", "2024-07/2025-06"), ("2025-01/2025-11", "2025-01/2025-11"), ("2025-Q2", "2025-Q2"),
     (None, None)],
)
def test_a_span_that_is_a_calendar_half_or_year_is_written_as_one(key: str | None, form: str | None) -> None:
    assert calendar_form(key) == form
    if key is not None:  # the same days of the calendar
        written, span = figure_period(form), figure_period(key)
        assert (written.start, written.end) == (span.start, span.end)
