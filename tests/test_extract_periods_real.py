"""The period of a figure as real releases state it, one family per heading, in sentences of our own:
a span that frames the sentences after it, phrases that refer back to a period, months named from the
release's date, and periods that belong to another figure than the sentence's."""

from __future__ import annotations

from datetime import date

import pytest

from reports.extract.metrics import extract_metrics
from reports.periods import valid_figure_period
from reports.records import Metric, Release


def metrics_of(body: str, title: str = "Release", published: date = date(2025, 11, 15)) -> list[Metric]:
    return extract_metrics(Release("r1", "test", title, body, published))


def by_value(found: list[Metric], value: float) -> Metric:
    matches = [m for m in found if m.value is not None and abs(m.value - value) < 1e-6 * max(1.0, value)]
    assert len(matches) == 1, found
    return matches[0]


def by_change(found: list[Metric], change: float) -> Metric:
    matches = [m for m in found if m.value is None and m.change and m.change.value == change]
    assert len(matches) == 1, found
    return matches[0]


# A span of months frames the sentences after it -----------------------------------------------------


def test_a_span_of_months_is_the_period_of_the_sentences_after_it() -> None:
    found = metrics_of(
        "Machinery shipments to Canada totaled $4.2 billion from January to October this year, up 12.0% "
        "from a year ago. Shipments of turbines rose 31.5% to $0.9 billion. "
        "Pump shipments fell 4.1% to $0.4 billion."
    )
    assert by_value(found, 0.9e9).period == "2025-01/2025-10"
    assert by_value(found, 0.4e9).period == "2025-01/2025-10"


def test_year_to_date_frames_the_next_sentences_and_ends_with_the_running_period() -> None:
    found = metrics_of(
        "The services surplus was $12.3 billion in June. The average surplus rose $0.8 billion to $11.9 "
        "billion for the three months ending in June. Year-to-date, the services surplus widened $4.4 "
        "billion, or 6.0%, from the same period in 2024. Travel receipts increased $1.9 billion or 6.2%.",
        title="Services Trade Surplus Widened in June",
        published=date(2025, 8, 5),
    )
    assert by_value(found, 11.9e9).period == "2025-04/2025-06"  # a rolling three months: told as its months
    assert by_value(found, 4.4e9).period == "2025-H1"  # to June, the month of the three months
    assert by_value(found, 1.9e9).period == "2025-H1"


@pytest.mark.parametrize(
    "phrase",
    ["During the same period, ", "In the ten-month period, ", "Over the period, ", "In the period, "],
)
def test_a_phrase_that_refers_back_names_the_period_already_stated(phrase: str) -> None:
    found = metrics_of(
        "Exports of cosmetics came to $7.1 billion in January-October, up 9.9 percent on-year. "
        f"{phrase}exports of skincare products rose 14.2 percent to $3.3 billion."
    )
    assert by_value(found, 3.3e9).period == "2025-01/2025-10"


def test_the_same_period_names_the_period_its_own_sentence_stated_first() -> None:
    found = metrics_of(
        "The fuel sector posted a deficit of $0.5 billion in September 2025, with exports of $1.1 billion "
        "and imports of $1.6 billion during the same period.",
        published=date(2025, 10, 15),
    )
    assert by_value(found, 1.6e9).period == "2025-09"


def test_in_the_month_is_the_month_the_release_is_about_not_a_month_compared_with() -> None:
    found = metrics_of(
        "The current account surplus reached $6.2 billion in May. The services account logged a surplus "
        "of $0.7 billion in the month, smaller than a surplus of $1.3 billion in April.",
        published=date(2025, 7, 8),
    )
    assert by_value(found, 0.7e9).period == "2025-05"
    assert by_value(found, 1.3e9).period == "2025-04"


def test_the_same_month_of_the_previous_year_is_not_the_running_month() -> None:
    found = metrics_of(
        "In July, registrations of electric vans reached 8,120 units, compared to just 5,030 units in "
        "the same month the previous year.",
        published=date(2025, 8, 20),
    )
    assert by_value(found, 8120).period == "2025-07"
    assert by_value(found, 5030).period == "2024-07"


def test_a_month_alone_does_not_become_the_period_of_what_follows() -> None:
    found = metrics_of(
        "The country posted a trade surplus of $1.2 billion in the first quarter of the year. "
        "March alone saw exports of $33.4 billion. "
        "Industrial output grew 4.6 percent during the same period.",
        published=date(2025, 4, 2),
    )
    assert by_value(found, 33.4e9).period == "2025-03"
    assert by_change(found, 4.6).period == "2025-Q1"


def test_over_the_twelve_months_to_is_the_figures_span_not_a_comparison() -> None:
    found = metrics_of(
        "Trade with Japan made up 7.5% of all trade over the twelve months to June 2025.",
        title="Trade in the second quarter",
        published=date(2025, 8, 14),
    )
    assert [m.period for m in found] == ["2024-07/2025-06"]


# What stands at a point in time takes the span's last month -----------------------------------------


def test_a_stock_after_a_span_takes_its_last_month() -> None:
    found = metrics_of(
        "In January-October, local yards won orders for 11.2 million CGT, up 6 percent on-year. "
        "Their order backlog rose 3.0 percent on-year to 37.9 million CGT. "
        "The newbuilding price index stood at 188.4 points. "
        "Orders for tankers rose 20 percent to 2.2 million CGT."
    )
    assert by_value(found, 11.2e6).period == "2025-01/2025-10"
    assert by_value(found, 37.9e6).period == "2025-10"
    assert by_value(found, 188.4).period == "2025-10"
    assert by_value(found, 2.2e6).period == "2025-01/2025-10"  # a flow again: the span


# Months and years named from the release's date -------------------------------------------------------


def test_last_november_counts_from_the_release_not_from_a_month_compared_with() -> None:
    found = metrics_of(
        "The value of exports in February reached a record of $48.1 billion. The new figure was 18.0% "
        "higher than the total for February 2025, and broke the record of $46.9 billion set last "
        "November. Exports increased by 5.2% from January.",
        title="Exports set another record in February",
        published=date(2026, 3, 9),
    )
    assert by_value(found, 46.9e9).period == "2025-11"
    assert by_value(found, 48.1e9).period == "2026-02"
    assert by_value(found, 48.1e9).change.value == 18.0  # the year-on-year change is the level's
    monthly = by_change(found, 5.2)  # the month-on-month one is a figure of its own
    assert (monthly.period, monthly.change.basis) == ("2026-02", "mom")


def test_next_year_is_the_year_after_the_release() -> None:
    found = metrics_of(
        "The central bank forecast the goods surplus will reach $71 billion this year and narrow to $64 "
        "billion next year.",
        published=date(2025, 10, 7),
    )
    assert by_value(found, 71e9).period == "2025"
    assert by_value(found, 64e9).period == "2026"


def test_the_next_four_years_is_a_span_of_whole_years_from_the_release() -> None:
    found = metrics_of(
        "The utility pledged to buy $40 billion worth of liquefied gas in the next four years. "
        "Gas imports rose 5 percent to $12.5 billion last year.",
        published=date(2026, 2, 5),
    )
    assert by_value(found, 40e9).period == "2026-01/2029-12"
    assert by_value(found, 12.5e9).period == "2025"  # a target's span does not frame what follows


def test_the_first_months_of_this_year_are_the_releases_year() -> None:
    found = metrics_of(
        "Refiners had bought no Canadian crude in the second quarter of last year. "
        "They bought 3.1 million barrels for the first three quarters of this year.",
        published=date(2025, 12, 20),
    )
    assert by_value(found, 3.1e6).period == "2025-01/2025-09"


# Periods that belong to another figure, or to none ----------------------------------------------------


def test_background_with_no_figure_does_not_pull_the_period_back() -> None:
    found = metrics_of(
        "Energy imports from Norway totaled $3.9 billion from January to November this year, up 61% from "
        "a year ago. Gas imports from Norway began to climb in the second quarter of last year. "
        "LNG imports rose 88% to $1.4 billion.",
        published=date(2025, 12, 18),
    )
    assert by_value(found, 1.4e9).period == "2025-01/2025-11"


def test_a_period_a_figure_of_the_sentence_is_for_is_the_one_carried() -> None:
    found = metrics_of(
        "Imports of naphtha from Chile had been zero in the third quarter of last year, but they reached "
        "1.8 million barrels in the third quarter of 2025. The tally was worth $120 million.",
        published=date(2025, 12, 18),
    )
    assert by_value(found, 120e6).period == "2025-Q3"


def test_a_previous_record_does_not_become_the_period_of_what_follows() -> None:
    found = metrics_of(
        "Investment pledges reached $31.7 billion last year, up 4.0 percent from a year earlier. "
        "The previous record high was $30.5 billion in 2024. "
        "Investment that actually arrived fell 2.2 percent on-year to $17.6 billion.",
        published=date(2026, 1, 6),
    )
    assert by_value(found, 30.5e9).period == "2024"
    assert by_value(found, 17.6e9).period == "2025"


def test_a_previous_record_set_a_year_earlier_is_the_year_before() -> None:
    found = metrics_of(
        "The country imported 61.2 million barrels of Brazilian crude last year, surpassing the previous "
        "record of 55.9 million barrels set a year earlier.",
        published=date(2026, 2, 5),
    )
    assert by_value(found, 61.2e6).period == "2025"
    assert by_value(found, 55.9e6).period == "2024"


@pytest.mark.parametrize(
    ("sentence", "value", "period"),
    [
        ("Chip exports reached $21.0 billion, just below December's $21.4 billion.", 21.4e9, "2025-12"),
        (
            "Machinery orders rose 3.0 percent in January, after the previous month's 1.8 percent fall.",
            1.8,
            "2025-12",
        ),
    ],
)
def test_a_possessive_period_owns_the_figure_after_it(sentence: str, value: float, period: str) -> None:
    found = metrics_of(sentence, title="January exports", published=date(2026, 2, 1))
    figure = by_change(found, value) if value < 100 else by_value(found, value)
    assert figure.period == period
    others = [m for m in found if m is not figure]
    assert others and all(m.period == "2026-01" for m in others)


def test_a_possessive_month_does_not_frame_the_next_sentence() -> None:
    found = metrics_of(
        "Chip exports reached $21.0 billion, just below December's $21.4 billion. "
        "Computer exports rose 40.1 percent to a record $1.7 billion.",
        title="January exports",
        published=date(2026, 2, 1),
    )
    assert by_value(found, 1.7e9).period == "2026-01"


def test_a_year_naming_a_noun_is_not_the_period_of_the_sentence() -> None:
    found = metrics_of(
        "The three yards won $21.5 billion of orders in the first eight months of this year. "
        "Yard A won $6.1 billion, or 70.2 percent of its 2025 target.",
        published=date(2025, 9, 10),
    )
    assert by_value(found, 6.1e9).period == "2025-01/2025-08"


def test_the_period_of_a_level_compared_with_does_not_frame_what_follows() -> None:
    found = metrics_of(
        "In the third quarter, 512,400 cars were sold, up 6 percent, compared to 483,100 units sold last "
        "year. A total of 88,900 vehicles were sold, down 3 percent, compared to 91,600 units sold last "
        "year. Bus sales rose 9 percent to 7,400 units.",
        published=date(2025, 10, 14),
    )
    assert by_value(found, 88_900).period == "2025-Q3"
    assert by_value(found, 91_600).period == "2024-Q3"
    assert by_value(found, 7_400).period == "2025-Q3"


def test_a_span_after_since_is_compared_with_not_carried() -> None:
    found = metrics_of(
        "Exports fell 5.5 percent to $32.1 billion in the first 20 days of October. "
        "It would be the first fall for a fifth month since Jan.-May of 2020. "
        "Exports to Mexico fell 12.0 percent.",
        published=date(2025, 10, 21),
    )
    assert by_change(found, 12.0).period == "2025-10-01/2025-10-20"


def test_a_plan_to_build_with_a_target_year_keeps_the_target_for_both_figures() -> None:
    found = metrics_of(
        "Exports of fish rose 3 percent to $2.9 billion from January to November. "
        "The ministry will spend 2.4 trillion won by 2030 to build storage capacity of 500,000 tons."
    )
    assert by_value(found, 2.4e12).period == "2030"
    assert by_value(found, 500_000).period == "2030"


# Periods that cannot exist are never carried ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "From February 1-30, exports came to $5.1 billion. During the period, imports were $4.4 billion.",
        "In the first 40 days of March, exports came to $5.1 billion. Imports were $4.4 billion in the "
        "period.",
        "Exports came to $5.1 billion in the 35-day period. Over the same period, imports were $4.4 billion.",
    ],
)
def test_a_period_that_cannot_exist_is_never_emitted_nor_carried(body: str) -> None:
    found = metrics_of(body, published=date(2025, 3, 25))
    assert found
    for metric in found:
        assert metric.period is None or valid_figure_period(metric.period), metric
        assert "-30" not in (metric.period or "") and "-40" not in (metric.period or "")


def test_the_last_months_figure_is_the_month_before_the_one_the_release_is_about() -> None:
    found = metrics_of(
        "Exports in June rose 2.1 percent on-year to $55.2 billion. With the last month's exports posting "
        "$57.9 billion, exports stayed above $55 billion for two straight months.",
        published=date(2025, 7, 1),
    )
    assert by_value(found, 55.2e9).period == "2025-06"
    assert by_value(found, 57.9e9).period == "2025-05"


def test_a_yearly_goal_is_for_the_whole_year() -> None:
    found = metrics_of(
        "The two yards won $12.4 billion of orders in the first nine months of this year, or 81.0 percent "
        "of their combined yearly order target of $15.3 billion.",
        published=date(2025, 10, 10),
    )
    assert by_value(found, 12.4e9).period == "2025-01/2025-09"
    assert by_value(found, 15.3e9).period == "2025"


def test_a_level_after_during_which_is_for_the_period_named_before_it() -> None:
    found = metrics_of(
        "From January to July 2025, the trade balance showed a surplus of $8.2 billion. The surplus was "
        "larger than in the same period in 2024, during which a surplus of $4.9 billion was recorded.",
        published=date(2025, 8, 15),
    )
    assert by_value(found, 8.2e9).period == "2025-01/2025-07"
    assert by_value(found, 4.9e9).period == "2024-01/2024-07"


def test_the_first_days_of_a_month_stay_the_period_when_background_names_the_month() -> None:
    found = metrics_of(
        "Exports dropped 4.1 percent in the first 20 days of this month from a year earlier. The decline "
        "came as a long holiday earlier this month cut the number of working days. Imports rose 1.2 "
        "percent to $31.4 billion over the cited period. By item, tin exports gained 12 percent.",
        published=date(2025, 11, 21),
    )
    assert by_change(found, 4.1).period == "2025-11-01/2025-11-20"
    assert by_value(found, 31.4e9).period == "2025-11-01/2025-11-20"
    assert by_change(found, 12.0).period == "2025-11-01/2025-11-20"


def test_the_whole_month_with_a_figure_of_its_own_is_the_month() -> None:
    found = metrics_of(
        "Exports dropped 4.1 percent in the first 20 days of November. In all of October, exports rose 3.0 "
        "percent to $58.2 billion.",
        published=date(2025, 11, 21),
    )
    assert by_value(found, 58.2e9).period == "2025-10"


@pytest.mark.parametrize(
    "body",
    [
        "From Jan. 1 to March 20, tin imports jumped 55.2 percent to $8.1 billion.",
        "Tin imports jumped 55.2 percent to $8.1 billion from Jan. 1 to March 20.",
        "Tin imports jumped 55.2 percent to $8.1 billion in the Jan. 1-March 20 period.",
    ],
)
def test_days_from_one_month_to_another_are_one_span(body: str) -> None:
    assert by_value(metrics_of(body, published=date(2025, 3, 24)), 8.1e9).period == "2025-01-01/2025-03-20"


def test_a_span_of_days_that_cannot_exist_is_no_period() -> None:
    found = metrics_of(
        "Tin imports rose 5.2 percent to $8.1 billion from Jan. 3 to Feb. 30.", published=date(2025, 3, 24)
    )
    assert by_value(found, 8.1e9).period != "2025-01-03/2025-02-30"
    assert all(valid_figure_period(m.period) for m in found)


def test_a_span_of_months_this_year_is_the_release_s_year() -> None:
    found = metrics_of(
        "In the January-May period this year, tin output rose 38.7 percent to 13.4 million tons.",
        published=date(2025, 6, 10),
    )
    assert by_value(found, 13.4e6).period == "2025-01/2025-05"


def test_the_full_year_is_the_year_the_release_is_about() -> None:
    found = metrics_of(
        "The tin surplus narrowed to $4.3 billion in December, ending 2024 at its smallest in years. For "
        "the full year, the surplus came to $51.2 billion, the smallest since $38.5 billion in 2017.",
        published=date(2025, 2, 6),
    )
    assert [(m.value, m.period) for m in found] == [(4.3e9, "2024-12"), (51.2e9, "2024"), (38.5e9, "2017")]


def test_a_month_in_an_aside_after_the_figures_does_not_become_the_running_period() -> None:
    found = metrics_of(
        "Tin imports fell 4 percent to $10.7 billion in 2024 from $11.2 billion in 2023, as buyers held back "
        "after a dispute that began last July. Zinc imports fell $2.8 billion to $32.3 billion.",
        published=date(2025, 2, 6),
    )
    assert by_value(found, 32.3e9).period == "2024"


def test_full_year_before_a_subject_is_its_period_not_its_name() -> None:
    found = metrics_of("Tin exports rose 3 percent in December 2024. Full-year tin exports rose 4 percent.")
    assert [(m.subject, m.period) for m in found] == [("tin exports", "2024-12"), ("tin exports", "2024")]


def test_a_level_registered_in_a_similar_period_of_a_year_is_that_year_s() -> None:
    found = metrics_of(
        "Tin exports declined by 3.1 per cent to Sh137.5 billion in the first quarter of 2025 compared to "
        "Sh141.9 billion registered in a similar period in 2024.",
        published=date(2025, 7, 3),
    )
    assert [(m.value, m.period) for m in found] == [(137.5e9, "2025-Q1"), (141.9e9, "2024-Q1")]


@pytest.mark.parametrize(
    ("opening", "period"),
    [("Last year", "2024"), ("This year", "2025"), ("Last month", "2025-09"),
     ("Three months to September", "2025-07/2025-09")],
)
def test_a_relative_period_opening_a_sentence_is_read_capitalised(opening: str, period: str) -> None:
    found = metrics_of(f"{opening}, tin exports came to $141.9 billion.", published=date(2025, 10, 22))
    assert by_value(found, 141.9e9).period == period


def test_last_month_named_opening_a_release_on_that_month_is_that_month() -> None:
    found = metrics_of(
        "Last October, the country posted a tin deficit of $2.7 billion, against a surplus of $6.3 billion "
        "in the same month of 2024.",
        title="Tin trade in October",
        published=date(2025, 11, 26),
    )
    assert [(m.value, m.period) for m in found] == [(2.7e9, "2025-10"), (6.3e9, "2024-10")]


def test_a_span_after_goods_worth_is_no_place() -> None:
    found = metrics_of(
        "The country exported $119.7 billion worth of tin from January to September.",
        published=date(2025, 10, 22),
    )
    assert (found[0].subject, found[0].period) == ("tin exports", "2025-01/2025-09")


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("Tin exports rose 5.4% to R862.6 billion from 1 January to 30 September 2025.", "2025-01/2025-09"),
        ("Tin exports rose 2% to R5.2 billion from 01 October to 20 October 2025.", "2025-10-01/2025-10-20"),
    ],
)
def test_day_first_dates_make_a_span(body: str, period: str) -> None:
    assert metrics_of(body, published=date(2025, 10, 31))[0].period == period


def test_a_month_ahead_in_a_forecast_is_this_year_s() -> None:
    found = metrics_of(
        "Tin output rose 4.5 percent in February. The ministry said it expects output to climb by 4.4 "
        "percent in April.",
        published=date(2023, 3, 31),
    )
    assert [m.period for m in found] == ["2023-02", "2023-04"]


def test_a_month_s_figures_revised_are_the_running_measure_s() -> None:
    found = metrics_of(
        "Tin output rose 1.1% in November 2025. October's figures were also revised up to an increase of "
        "0.8%."
    )
    assert [(m.subject, m.period) for m in found] == [
        ("tin production", "2025-11"), ("tin production", "2025-10"),
    ]


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("Between the beginning of the year and May 20, tin investment rose 6.7% to $7.15 billion.",
         "2021-01-01/2021-05-20"),
        ("Since the start of this year, tin exports rose 4 percent to $2.1 billion.", "2021-01/2021-05"),
    ],
)
def test_from_the_start_of_the_year(body: str, period: str) -> None:
    assert metrics_of(body, published=date(2021, 5, 27))[0].period == period


def test_a_year_before_level_is_a_year_earlier_s() -> None:
    found = metrics_of(
        "Tin trade turned to a surplus of $2.3 billion in May 2024 from the year-before deficit of $1.8 "
        "billion. Zinc exports reached $5 billion in May, above the year-earlier $4.1 billion.",
        published=date(2024, 7, 9),
    )
    assert [(m.subject, m.period) for m in found] == [
        ("trade surplus", "2024-05"), ("trade deficit", "2023-05"),
        ("zinc exports", "2024-05"), ("zinc exports", "2023-05"),
    ]


def test_the_level_a_change_came_from_is_the_earlier_period_s() -> None:
    found = metrics_of(
        "Tin imports for January 2025 declined by 8.0 percent compared to the same month a year ago from "
        "$5.1 billion to $4.7 billion. Zinc exports rose 4 percent month-on-month from $2.1 billion to $2.2 "
        "billion in February.",
        published=date(2025, 3, 10),
    )
    assert [(m.value, m.period, change_of(m)) for m in found] == [
        (5.1e9, "2024-01", None), (4.7e9, "2025-01", ("down", 8.0, "yoy")),
        (2.1e9, "2025-01", None), (2.2e9, "2025-02", ("up", 4.0, "mom")),
    ]


def change_of(metric: Metric) -> tuple | None:
    change = metric.change
    return change and (change.direction, change.value, change.basis)


def test_a_compared_deficit_of_the_same_period_last_year_is_last_year_s() -> None:
    found = metrics_of(
        "In January of 2025, the balance of trade for Peru registered a deficit of $714 million from $1.0 "
        "billion deficit in the same period last year. Tin exports showed a 2.7 percent decrement from "
        "$4.1 billion in January 2024 to $4.0 billion.",
        published=date(2025, 3, 26),
    )
    assert [(m.subject, m.value, m.period, change_of(m)) for m in found] == [
        ("trade deficit", 714e6, "2025-01", None), ("trade deficit", 1.0e9, "2024-01", None),
        ("tin exports", 4.1e9, "2024-01", None), ("tin exports", 4.0e9, "2025-01", ("down", 2.7, None)),
    ]


def test_between_two_months_opening_a_sentence_is_their_span() -> None:
    found = metrics_of(
        "Between January and October, the country produced 3,445,568 tons of tin, up 2 percent.",
        published=date(2025, 11, 15),
    )
    assert found[0].period == "2025-01/2025-10"


def test_a_sentence_s_only_level_in_the_same_month_a_year_ago_is_that_month_s() -> None:
    found = metrics_of(
        "Tin production rose by 21.4 per cent year-on-year to 9.4 million tonnes in June. The tin output was "
        "6.9 million tonnes in the same month a year ago.",
        published=date(2025, 8, 1),
    )
    assert [(m.value, m.period) for m in found] == [(9.4e6, "2025-06"), (6.9e6, "2024-06")]


def test_a_year_earlier_level_in_its_own_sentence_leaves_the_running_period() -> None:
    found = metrics_of(
        "Peru produced 7.1 million tons of tin in June. Its output was at 4.7 million tons in June 2024. "
        "Chile's tin exports rose 3 percent.",
        published=date(2025, 8, 1),
    )
    assert [(m.subject, m.period) for m in found] == [
        ("Peru tin production", "2025-06"), ("Peru production", "2024-06"),
        ("Chile's tin exports", "2025-06"),
    ]


def test_a_sentence_of_earlier_years_only_is_history_and_the_metric_is_the_share_just_stated() -> None:
    found = metrics_of(
        "Tin exports jumped 20.6 percent to $10.2 billion in 2024. China took 24.5 percent of tin exports. "
        "The metric stood at 32.8 percent in 2023 and 45.4 percent in 2022. Zinc exports jumped 57 percent "
        "to $1.9 billion.",
        published=date(2025, 1, 6),
    )
    assert [(m.subject, m.period) for m in found] == [
        ("tin exports", "2024"), ("China share of tin exports", "2024"),
        ("China share of tin exports", "2023"), ("China share of tin exports", "2022"),
        ("zinc exports", "2024"),
    ]


def test_a_period_when_the_figure_came_to_a_level_is_that_level_s() -> None:
    found = metrics_of(
        "Tin exports stood at $55.3 billion in January. The previous record was set in January 2018 when the "
        "figure came to $49.2 billion.",
        published=date(2022, 2, 1),
    )
    assert [(m.value, m.period) for m in found] == [(55.3e9, "2022-01"), (49.2e9, "2018-01")]
