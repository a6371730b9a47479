"""General rules for phrasing the first rules were not written for, one family per section.

Every sentence here is our own (other products, countries and word order than any gold file), so
these tests say what the rule is, not what one release said.
"""

from __future__ import annotations

from datetime import date

import pytest

from reports.extract.metrics import extract_metrics
from reports.extract.numbers import find_quantities, normalize
from reports.records import Metric, Release


def metrics_of(body: str, title: str = "Release", published: date = date(2026, 2, 1)) -> list[Metric]:
    return extract_metrics(Release("r1", "test", title, body, published))


def levels(body: str, **kwargs) -> list[Metric]:
    return [m for m in metrics_of(body, **kwargs) if m.value is not None]


# Units ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("US$3.7 bln", 3.7e9, "USD"),
        ("45 mln tons", 45e6, "tons"),
        ("1.2 trln won", 1.2e12, "KRW"),
        ("2.1 million twenty-foot equivalent units", 2.1e6, "TEU"),
        ("NZ$4.4 billion", 4.4e9, "NZD"),
        ("Can$12.0 billion", 12.0e9, "CAD"),
        ("Cdn$850 million", 850e6, "CAD"),
        ("640,000 tonnes", 640000.0, "tons"),
        ("7.5 per cent", 7.5, "percent"),
        ("point-three percent", 0.3, "percent"),
        ("11.9 billion cubic feet per day", 11.9e9, "cubic feet per day"),
        ("12.9 Bcf/d", 12.9e9, "cubic feet per day"),
        ("110 bcm", 110e9, "cubic meters"),
        ("18-point-05 billion dollars", 18.05e9, "USD"),
    ],
)
def test_news_agency_and_commonwealth_spellings_of_units(text: str, value: float, unit: str) -> None:
    found = [q for q in find_quantities(normalize(f"It came to {text} last year.")) if q.kind != "year"]
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(value), unit)]


def test_a_bare_dollar_in_a_release_that_writes_its_own_dollar_is_that_dollar() -> None:
    body = (
        "Wine exports rose to NZ$2.4 billion in 2025. The dairy surplus narrowed to $1.1 billion, "
        "while meat exports held at $0.9 billion."
    )
    assert {m.unit for m in levels(body)} == {"NZD"}


def test_a_bare_dollar_in_a_release_that_writes_can_dollars_is_canadian() -> None:
    body = "Potash exports rose to Can$2.1 billion in 2025, while lumber exports fell to $1.3 billion."
    assert {m.unit for m in levels(body)} == {"CAD"}


def test_a_bare_dollar_stays_us_when_the_release_also_writes_us_dollars() -> None:
    body = "Sales reached C$3.0 billion. Exports to the U.S. were US$2.2 billion. Profit was $0.4 billion."
    units = [m.unit for m in levels(body)]
    assert units == ["CAD", "USD", "USD"]


def test_a_unit_acronym_or_a_measure_between_a_level_and_its_change_keeps_them_together() -> None:
    first = levels(
        "Rail freight came to 3.1 million twenty-foot equivalent units (TEU) in 2025, up 6.0 percent."
    )
    assert first[0].unit == "TEU" and first[0].change is not None and first[0].change.value == 6.0
    second = levels("Turbine orders in 2025 amounted to $2.2 billion in contract value, up 14 percent.")
    assert second[0].change is not None and second[0].change.value == 14.0


# Periods ----------------------------------------------------------------------------------------------


def test_a_span_of_years_is_the_period_of_a_plan_and_of_the_sentences_after_it() -> None:
    body = (
        "Utilities will invest 40 trillion won in grid upgrades from 2027 to 2031. "
        "Of that, state firms will spend 25 trillion won."
    )
    assert [m.period for m in levels(body)] == ["2027-01/2031-12", "2027-01/2031-12"]


def test_a_target_year_belongs_to_its_figure_and_does_not_move_the_running_period() -> None:
    body = (
        "Solar output reached 31,000 GWh in 2025. The ministry aims to double capacity to 40 GW by 2030. "
        "Wind output was 4,100 GWh in January-September."
    )
    found = levels(body, published=date(2026, 1, 20))
    assert [m.period for m in found] == ["2025", "2030", "2025-01/2025-09"]


def test_a_month_span_after_from_is_the_figures_own_period() -> None:
    (level,) = levels("Copper imports came to 2.2 million tons from March to August 2025.")
    assert level.period == "2025-03/2025-08"


def test_a_period_right_after_an_earlier_figure_is_not_passed_on_to_a_later_one() -> None:
    body = "The goods balance moved from a deficit of $0.6 billion in May to a surplus of $0.8 billion."
    found = levels(body, title="Goods trade, June 2026", published=date(2026, 7, 30))
    assert [(m.value, m.period) for m in found] == [(0.6e9, "2026-05"), (0.8e9, "2026-06")]


def test_the_titles_period_is_the_running_one_when_a_sentence_names_several() -> None:
    body = (
        "The balance went from a surplus of $0.2 billion in March to a deficit of $0.5 billion in April. "
        "Exports fell 1.4% from March to $30.1 billion."
    )
    found = levels(body, title="Merchandise trade, April 2026", published=date(2026, 6, 4))
    export = found[-1]
    assert export.period == "2026-04" and export.change is not None and export.change.basis == "mom"


def test_a_period_with_no_preposition_right_after_a_level_is_its_period() -> None:
    body = (
        "Shipments are forecast to reach $90 billion next year, "
        "after rising 2.0 percent to $85 billion this year."
    )
    found = levels(body, published=date(2025, 11, 30))
    assert found[-1].period == "2025"


# Surpluses and deficits --------------------------------------------------------------------------------


def test_a_surplus_or_deficit_belongs_to_the_account_or_balance_that_posts_it() -> None:
    body = (
        "Brazil's current account posted a deficit of $4.2 billion in May 2026. "
        "The services account recorded a deficit of $3.0 billion, and the primary income account "
        "swung to a surplus of $0.6 billion. The fiscal balance will post a deficit of 80 billion reais."
    )
    subjects = [m.subject for m in levels(body)]
    assert subjects[:3] == [
        "Brazil's current account deficit",
        "services account deficit",
        "primary income account surplus",
    ]
    assert subjects[3] == "fiscal deficit"


def test_a_bare_surplus_refers_to_the_balance_last_named() -> None:
    body = (
        "The current account surplus came to $7.0 billion in the second quarter. "
        "In the first half, the surplus reached $12.5 billion."
    )
    assert [m.subject for m in levels(body)] == ["current account surplus", "current account surplus"]


def test_an_aside_on_where_goods_come_from_is_not_the_subject() -> None:
    (level,) = levels("Cocoa imports, mainly from Ghana, slipped 2.0% to 48,000 tons.")
    assert level.subject == "cocoa imports"


def test_a_conjunction_after_a_level_does_not_start_its_name() -> None:
    found = levels("Chemical exports came to $4.0 billion while imports were $3.1 billion.")
    assert [m.subject for m in found] == ["chemical exports", "imports"]


# Subjects -----------------------------------------------------------------------------------------------


def test_a_share_verb_opens_the_clause_whose_subject_is_the_part() -> None:
    body = "Textile exports reached $9.0 billion in 2025. Knitwear made up 41.0 percent of the total."
    share = metrics_of(body, title="Textile exports")[-1]
    assert (share.value, share.unit) == (41.0, "percent")
    assert share.subject == "knitwear share of exports"


def test_a_share_right_after_a_level_in_percent_of_gdp_keeps_the_levels_name_and_a_points_change() -> None:
    body = (
        "Public debt is projected to reach 620 billion euros, equal to 48.0 percent of GDP, "
        "up 1.5 percentage points."
    )
    share = metrics_of(body)[-1]
    assert share.subject == "public debt share of GDP"
    assert share.change is not None and (share.change.value, share.change.unit) == (1.5, "percentage points")


def test_the_object_of_a_forecast_verb_is_the_subject_and_marked_a_forecast() -> None:
    found = metrics_of("The institute expects tyre exports to reach $6.1 billion in 2027.")
    assert [m.subject for m in found] == ["tyre exports forecast"]


def test_a_verb_raising_or_setting_a_named_quantity_names_it_whatever_its_head() -> None:
    found = levels("The agency will expand export credit guarantees to a record 95 trillion won next year.")
    assert found[0].subject == "export credit guarantees"


def test_a_relation_or_place_after_the_head_is_not_part_of_the_name() -> None:
    first = levels("Two-way trade between Chile and Vietnam reached $2.4 billion in 2025.")[0]
    second = levels("Cargo handled at all airports edged up 0.3 percent to 4.1 million tons.")[0]
    third = levels("Textile exports in value terms grew 3.1% to 2.2 trillion yen.")[0]
    assert (first.subject, second.subject, third.subject) == ("two-way trade", "cargo", "textile exports")


def test_a_range_is_two_figures_of_one_subject_and_attaches_to_no_level() -> None:
    found = metrics_of(
        "The board expects cement exports to grow between 2 and 3 percent to about $4 billion."
    )
    changes = [(m.subject, m.change.value) for m in found if m.value is None]
    assert changes == [("cement exports", 2.0), ("cement exports", 3.0)]
    level = next(m for m in found if m.value is not None)
    assert level.value == 4e9 and level.change is None


def test_a_range_of_levels_gives_both_ends_the_subject() -> None:
    body = "The fund sees a trade surplus of between $14 billion and $16 billion for 2027."
    assert [(m.subject, m.value) for m in levels(body)] == [
        ("trade surplus", 14e9),
        ("trade surplus", 16e9),
    ]


def test_a_count_of_people_or_firms_takes_its_unit_from_the_noun_before_or_after() -> None:
    body = (
        "Visitors from Brazil numbered 1.3 million, followed by Peru (0.7 million). "
        "The city aims to welcome 3 million foreign tourists and 250 overseas companies."
    )
    found = levels(body)
    assert [(m.value, m.unit) for m in found] == [
        (1.3e6, "visitors"),
        (0.7e6, "visitors"),
        (3e6, "visitors"),
        (250.0, "companies"),
    ]
    assert [m.subject for m in found] == [
        "visitors from Brazil",
        "visitors from Peru",
        "foreign tourists",
        "overseas companies",
    ]


def test_a_place_in_brackets_after_overtaking_is_a_member_like_the_base() -> None:
    body = "Honey shipments to Canada jumped 9% to $5.1 mln, overtaking Mexico ($4.8 mln)."
    assert [m.subject for m in levels(body)] == ["honey shipments to Canada", "honey shipments to Mexico"]


def test_items_of_a_list_after_a_colon_are_members_with_their_own_changes() -> None:
    body = (
        "Furniture exports in 2025 came to USD 5.0 billion (+2.0% y/y). By product, the results were: "
        "office chairs, USD 1.10 billion (+3.0%); sofas, USD 0.90 billion (-1.5%); mattresses, "
        "USD 0.40 billion (0.0%)."
    )
    found = levels(body, title="Furniture exports rise")[1:]
    assert [m.subject for m in found] == ["office chair exports", "sofa exports", "mattress exports"]
    assert [m.change.direction for m in found] == ["up", "down", "flat"]


def test_an_absolute_with_clause_names_the_figure_it_moves() -> None:
    body = (
        "The goods account posted a surplus of $3.0 billion, "
        "with the energy deficit narrowing to $1.1 billion."
    )
    assert [m.subject for m in levels(body)][-1] == "energy deficit"


def test_a_measure_of_the_releases_flow_takes_its_product() -> None:
    body = "Barley imports rose 4% to 2.0 mln tons in 2025. The import bill fell 3.1% to US$0.91 bln."
    found = levels(body, title="Barley imports rise in 2025")
    assert found[-1].subject == "barley import bill"


# Changes --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cue", ["an increase of", "a rise of", "a drop of", "a decline of"])
def test_a_change_noun_after_a_level_is_that_levels_change(cue: str) -> None:
    (level,) = levels(f"Lumber exports in May 2026 were €3.4 bn, {cue} 2.5% compared with May 2025.")
    assert level.change is not None and level.change.value == 2.5
    assert level.change.direction == ("up" if cue in ("an increase of", "a rise of") else "down")


def test_an_amount_more_or_less_than_an_earlier_month_is_a_figure_of_its_own() -> None:
    body = "April imports were $12.0 billion, $0.4 billion less than March imports."
    found = metrics_of(body, title="Trade, April 2026", published=date(2026, 6, 3))
    assert [(m.subject, m.value, m.unit, m.period, m.change) for m in found] == [
        ("imports", 12.0e9, "USD", "2026-04", None),
        ("change in imports", -0.4e9, "USD", "2026-04", None),
    ]


def test_an_amount_change_restated_in_percent_gives_both_changes() -> None:
    body = "Year-over-year, the goods deficit narrowed $2.0 billion, or 5.0 percent, from May 2025."
    found = metrics_of(body, published=date(2026, 7, 1))
    assert [(m.subject, m.value, m.unit) for m in found if m.value is not None] == [
        ("change in goods deficit", -2.0e9, "USD")
    ]
    changes = [m.change for m in found if m.change is not None]
    assert [(c.value, c.unit, c.direction) for c in changes] == [(5.0, "percent", "down")]


def test_doubling_keeps_the_level_and_states_no_change() -> None:
    body = "Pear exports more than doubled to $21 million in 2025, while plum exports halved to $4 million."
    found = levels(body)
    assert [(m.subject, m.value, m.change) for m in found] == [
        ("pear exports", 21e6, None),
        ("plum exports", 4e6, None),
    ]


def test_a_price_per_unit_keeps_its_change() -> None:
    (level,) = levels("Spot copper averaged $9,400 per ton in March, up 3.1 percent from February.")
    assert (level.value, level.unit) == (9400.0, "USD")
    assert level.change is not None and (level.change.value, level.change.basis) == (3.1, "mom")


# Comparisons, reporting clauses, quarters ----------------------------------------------------------------


def test_a_level_compared_with_is_the_same_subject_at_its_own_period() -> None:
    body = (
        "Regional exports of machinery in June 2026 were €8.1 bn, an increase of 2.0% compared with "
        "June 2025 (€7.9 bn). The region recorded a €1.5 bn surplus in June 2026, compared with "
        "+€0.9 bn in June 2025."
    )
    found = levels(body, published=date(2026, 8, 14))
    assert [(m.subject, m.period) for m in found] == [
        ("regional machinery exports", "2026-06"),
        ("regional machinery exports", "2025-06"),
        ("region trade surplus", "2026-06"),
        ("region trade surplus", "2025-06"),
    ]


def test_a_reporting_clause_and_a_calendar_quarter_are_read() -> None:
    body = (
        "Chemicals group Ostra said Thursday its net profit for the April-June quarter reached "
        "95 million euros, up 12 percent from a year earlier."
    )
    (level,) = levels(body, published=date(2026, 7, 30))
    assert (level.subject, level.period) == ("net profit", "2026-Q2")


def test_year_end_is_the_releases_year_and_does_not_reach_back_to_an_earlier_clause() -> None:
    body = (
        "The firm delivered 3.2 GWh of modules in the quarter "
        "and expects its margin to reach 9 percent by year-end."
    )
    found = metrics_of(body, title="Second-quarter results", published=date(2026, 7, 30))
    assert [m.period for m in found] == ["2026-Q2", "2026"]


def test_shipments_of_a_product_in_an_export_release_are_its_exports() -> None:
    body = (
        "Seafood exports in 2025 totalled NZ$2.1 billion. "
        "Mussel shipments slipped 2 per cent to NZ$310 million."
    )
    assert [m.subject for m in levels(body)] == ["seafood exports", "mussel exports"]


def test_a_wire_dateline_with_a_single_hyphen_and_a_month_after_the_level_are_no_names() -> None:
    body = (
        "LIMA, Oct 3 (Reuters) - Peru's trade surplus with Korea shrank to 410 mln dollars in August "
        "from 560 mln dollars in July, data showed."
    )
    found = levels(body, published=date(2026, 10, 3))
    assert [(m.subject, m.period) for m in found] == [
        ("Peru's trade surplus with Korea", "2026-08"),
        ("Peru's trade surplus with Korea", "2026-07"),
    ]


def test_modifiers_before_a_head_of_a_product_and_a_place_after_it() -> None:
    body = (
        "Cement output in Kenya climbed 6.3 percent. "
        "Wholesale prices of sugar rose 2 percent to $540 a tonne."
    )
    assert [m.subject for m in metrics_of(body)] == ["cement production in Kenya", "wholesale sugar prices"]


def test_those_to_an_abbreviated_place_take_the_earlier_subject() -> None:
    body = "Exports to Chile fell 4.2 percent, while those to the U.S. gained 2.3 percent."
    assert [m.subject for m in metrics_of(body)] == ["exports to Chile", "exports to the United States"]


def test_an_operating_loss_of_an_amount_is_a_level_not_a_fall() -> None:
    body = (
        "The cellmaker posted second-quarter revenue of 4.2 trillion won "
        "and an operating loss of 120 billion won."
    )
    found = levels(body)
    assert [(m.subject, m.value, m.change) for m in found][-1] == ("operating loss", 120e9, None)


def test_a_rate_per_day_keeps_its_change_and_a_base_after_than_in_is_no_period() -> None:
    body = (
        "Crude exports averaged 1.3 million barrels per day in 2025, up 6 percent from 2024. "
        "Diesel prices averaged $1.10 a litre in 2025, lower than in 2024."
    )
    found = levels(body)
    assert found[0].change is not None and found[0].change.value == 6.0
    assert found[1].period == "2025"


def test_a_basis_and_a_period_between_a_change_and_its_level_keep_them_together() -> None:
    body = "Tablet shipments to Africa dropped 8% year on year in the second quarter to 2.6 million units."
    (level,) = levels(body, published=date(2026, 7, 20))
    assert level.change is not None and (level.change.value, level.change.basis) == (8.0, "yoy")


def test_a_ranking_led_with_and_followed_by_gives_members_and_a_bracketed_share_names_its_level() -> None:
    body = (
        "Tablet shipments to Africa rose 5% to 2.6 million units in the second quarter. "
        "Lenovo led with 0.9 million units (35% share), followed by Xiaomi at 0.6 million units."
    )
    found = metrics_of(body, title="Africa tablet shipments", published=date(2026, 7, 20))
    assert [m.subject for m in found[1:]] == [
        "Lenovo shipments",
        "Lenovo shipments share",
        "Xiaomi shipments",
    ]


def test_the_period_of_a_compared_level_is_its_own_and_does_not_become_the_running_one() -> None:
    body = (
        "Peru's imports fell 1.2% in October. The trade surplus narrowed to $0.7 billion from "
        "$1.0 billion in September. Copper exports rose 3% to $2.1 billion."
    )
    found = levels(body, title="Peru trade, October 2026", published=date(2026, 11, 20))
    assert [m.period for m in found] == ["2026-10", "2026-09", "2026-10"]


def test_an_amount_change_restated_in_brackets_is_the_same_change_in_percent() -> None:
    body = "Services credits fell $893m (2%) to $44,104m in May 2026."
    found = metrics_of(body)
    assert ("change in services credits", -893e6, "USD") in [(m.subject, m.value, m.unit) for m in found]
    changes = [m.change for m in found if m.change is not None]
    assert [(c.value, c.unit, c.direction) for c in changes][:1] == [(2.0, "percent", "down")]


def test_a_share_taken_and_its_level_a_year_earlier_over_a_span_of_months() -> None:
    body = (
        "Sales of new vans in the UK rose 4.0% to 0.3 million units in January-September. "
        "Electric vans took a 9.1% share, up from 6.2% a year earlier."
    )
    found = metrics_of(body, title="Van registrations: January-September 2026", published=date(2026, 10, 6))
    assert found[0].subject == "new van sales in the United Kingdom"
    assert [(m.subject, m.period) for m in found[1:]] == [
        ("electric vans share", "2026-01/2026-09"),
        ("electric vans share", "2025-01/2025-09"),
    ]


# Coordinated changes ---------------------------------------------------------------------------------


def changes_of(body: str, **kwargs) -> list[tuple[str, float, str]]:
    return [
        (m.subject, m.change.value, m.change.direction)
        for m in metrics_of(body, **kwargs)
        if m.value is None and m.change is not None
    ]


def test_respectively_pairs_the_items_with_the_changes_in_order() -> None:
    body = "Exports of tablets and monitors dropped 11.4 and 3.9 percent, respectively."
    assert changes_of(body) == [("tablet exports", 11.4, "down"), ("monitor exports", 3.9, "down")]


def test_respectively_with_places_names_each_destination() -> None:
    body = "Steel shipments to Brazil and Chile -- two growing markets -- rose 6.1% and 2.2%, respectively."
    found = changes_of(body)
    assert [subject for subject, _, _ in found] == ["steel shipments to Brazil", "steel shipments to Chile"]
    assert [value for _, value, _ in found] == [6.1, 2.2]


def test_a_bare_list_before_the_verb_takes_the_head_of_the_release() -> None:
    body = (
        "Exports climbed 4.0 percent to $50.2 billion in May. "
        "Of the main items, tablets, monitors and cables logged gains of 5.5%, 2.1% and 0.8%, respectively."
    )
    found = changes_of(body, published=date(2026, 6, 1))
    assert found == [
        ("tablet exports", 5.5, "up"),
        ("monitor exports", 2.1, "up"),
        ("cable exports", 0.8, "up"),
    ]


def test_a_gapped_list_gives_each_item_the_verb_and_head_of_the_first() -> None:
    body = "Shipments of cement fell 8.3 percent, glass 4.4 percent, and tiles 1.2 percent."
    assert changes_of(body) == [
        ("cement shipments", 8.3, "down"),
        ("glass shipments", 4.4, "down"),
        ("tile shipments", 1.2, "down"),
    ]


def test_a_list_of_places_after_a_destination_names_each_destination() -> None:
    body = "Exports to the Gulf states grew 9.0 percent; Egypt, 4.5 percent; Morocco, 2.5 percent."
    assert [s for s, _, _ in changes_of(body)] == [
        "exports to the Gulf states",
        "exports to Egypt",
        "exports to Morocco",
    ]


def test_a_share_after_a_change_stays_a_share() -> None:
    body = "Chip exports rose 12 percent, lifting their share of total exports to 21 percent."
    (share,) = [m for m in metrics_of(body) if m.value is not None]
    assert (share.value, share.unit, share.change) == (21.0, "percent", None) and "share" in share.subject


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Overseas sales of displays slid 4.0 percent to $1.9 billion in May 2026.", "display exports"),
        ("Per-day exports climbed 3.3 percent to $2.6 billion in May 2026.", "daily average exports"),
        ("Daily imports reached $2.4 billion in May 2026.", "daily average imports"),
    ],
)
def test_analysts_names_for_common_phrasings(sentence: str, subject: str) -> None:
    (level,) = levels(sentence)
    assert level.subject == subject


def test_a_bare_dollar_in_a_release_about_a_dollar_economy_is_its_dollar() -> None:
    body = "In seasonally adjusted terms, wool exports rose $42m (3%) to $1,410m in March 2026."
    found = levels(body, title="Merchandise trade, New Zealand, March 2026")
    assert {m.unit for m in found} == {"NZD"}


def test_a_dollar_economy_named_only_as_the_end_of_a_question_leaves_the_dollar_american() -> None:
    body = "And Australia? Imports of beef from there rose to $5.2 billion in 2025, a 9% gain."
    found = levels(body, title="Where America's beef comes from: what about Australia?")
    assert {m.unit for m in found} == {"USD"}


def test_a_bare_dollar_stays_the_us_dollar_when_the_release_also_writes_usd() -> None:
    body = "Canadian lumber exports reached $4.1 billion in 2025, or USD 4.1 billion at market rates."
    assert {m.unit for m in levels(body, title="Canada lumber trade")} == {"USD"}


def test_a_unit_abbreviation_the_release_defines_reads_its_later_figures() -> None:
    body = (
        "Coal output rose 2.0 percent to 41.2 million tonnes (MT) in 2025 from 40.4 MT in 2024. "
        "Orders reached 2.2 million compensated gross tons (CGTs) in 2025, after 950,000 CGTs in 2024."
    )
    assert [(m.value, m.unit, m.period) for m in levels(body)] == [
        (41.2e6, "tons", "2025"),
        (40.4e6, "tons", "2024"),
        (2.2e6, "CGT", "2025"),
        (950000.0, "CGT", "2024"),
    ]


def test_a_long_name_the_release_abbreviates_is_named_by_its_acronym() -> None:
    body = (
        "Shipments of liquefied petroleum gas (LPG) from Qatar rose 4 percent. "
        "Imports of liquefied petroleum gas totaled $1.2 billion in 2025."
    )
    assert [m.subject for m in levels(body)] == ["LPG imports"]


def test_a_basis_belongs_to_the_clause_that_states_it() -> None:
    body = "Tin exports rose 5.0 percent on-year in 2025, while zinc exports edged up 1.2 percent."
    found = {m.subject: m.change.basis for m in metrics_of(body)}
    assert found == {"tin exports": "yoy", "zinc exports": None}


def test_an_opening_basis_governs_every_clause_after_it() -> None:
    body = "Compared with a year earlier, tin exports rose 5.0 percent while zinc exports fell 1.2 percent."
    assert {m.change.basis for m in metrics_of(body)} == {"yoy"}


def test_year_to_date_is_a_span_of_months_not_a_basis() -> None:
    body = "Year-to-date, tin exports were $2.1 billion, down 3.0 percent."
    (metric,) = metrics_of(body, title="Tin trade, May 2026", published=date(2026, 6, 5))
    assert (metric.period, metric.change.basis) == ("2026-01/2026-05", None)


def test_a_change_from_the_level_of_the_year_before_is_year_on_year() -> None:
    body = "Zinc output grew 3.0 percent to 12.4 million tons in 2025 from 12.0 million tons in 2024."
    level = levels(body)[0]
    assert (level.period, level.change.basis) == ("2025", "yoy")


def test_a_dash_aside_does_not_hide_the_subject() -> None:
    body = "Exports rose to $5.1 billion in May. Shipments to Chile -- the top market -- jumped 9.5 percent."
    found = [m.subject for m in metrics_of(body, published=date(2026, 6, 1))]
    assert found == ["exports", "exports to Chile"]


# Confidence ---------------------------------------------------------------------------------------------


def test_a_figure_read_by_trusted_rules_is_high_confidence() -> None:
    (level,) = levels("Tin exports rose 4.0 percent on-year to $2.2 billion in May 2026.")
    assert (level.confidence, level.doubts) == ("high", ())


@pytest.mark.parametrize(
    ("body", "doubt"),
    [
        ("The amount came to $3.1 billion in 2025.", "subject guessed"),
        ("Surplus in this segment came to $1.4 billion in 2025.", "subject guessed"),
        ("Imports from the country came to $0.8 billion in 2025.", "subject guessed"),
        ("Prices fell 4 percent in 2025.", "subject guessed"),
        ("Passenger automobiles reached 8.8 percent in 2025.", "a percentage that names no share or rate"),
        (
            "Tin exports were $2.2 billion in May 2026. Tin exports reached $9.9 billion in May 2026.",
            "another value for the same subject and period",
        ),
    ],
)
def test_a_doubtful_figure_is_low_confidence_and_says_why(body: str, doubt: str) -> None:
    found = metrics_of(body, published=date(2026, 6, 1))
    assert found and all(m.confidence == "low" and doubt in m.doubts for m in found), found


@pytest.mark.parametrize(
    ("body", "doubted", "doubt"),
    [
        # the clause names no subject ("Surpluses peaked"): the last sentence's subject stands in
        (
            "Tin exports rose to $2.2 billion in May 2026. Surpluses peaked at $3.4 billion in 2019.",
            [3.4e9],
            "subject from an earlier sentence",
        ),
        # the second level lends the first one's subject though its clause is about alloy sales
        (
            "Zinc exports jumped 21.5 percent to $714 million in May 2026 on a 74.7 percent growth in "
            "alloy sales that reached $436 million.",
            [436e6],
            "subject from the figure before",
        ),
        # a change and a level of one subject and period, read apart (two changes, neither year-on-year,
        # compete for the level: the first joins it, and the pick is doubted)
        (
            "Tin exports fell 6.1 percent in May 2026. Tin exports came to $4.3 billion "
            "in May 2026. When measured by working days, tin exports increased 4.8 percent in May 2026.",
            [4.3e9, None],
            "change and level read apart",
        ),
        # "the previous quarter" places the level a quarter back, but it was given the sentence's month
        (
            "The services surplus reached $7.5 billion in May 2026, with $8.2 billion the previous quarter.",
            [8.2e9],
            "period of a compared level guessed",
        ),
        # a fiscal quarter or year read as the calendar's: whose fiscal year it is, the text does not say
        (
            "In Q2 FY2026, tin exports rose 9 percent to $2.1 billion. The fiscal deficit was $1.2 billion "
            "in 2025.",
            [2.1e9],
            "fiscal period read as a calendar one",
        ),
    ],
)
def test_a_guessed_part_makes_a_figure_low_confidence(body: str, doubted: list, doubt: str) -> None:
    found = metrics_of(body, published=date(2026, 6, 1))
    low = [m for m in found if doubt in m.doubts]
    assert [m.value for m in low] == doubted, found
    assert all(m.confidence == "low" for m in low)
    # the figures read wholly from their own clause stay high
    assert all(m.confidence == "high" for m in found if m not in low and not m.doubts), found


@pytest.mark.parametrize(
    "body",
    [
        "Tin exports rose 4.0 percent on-year to $2.2 billion in May 2026.",
        "Tin exports came to $43.4 billion in May 2026, compared with $46.2 billion a year earlier.",
        "Tin exports rose 6.6 percent to $2.4 billion in May 2026 from $2.2 billion a year earlier.",
        "Tin exports rose 8 percent in the first 10 days of May 2026, and tin accounted for 25.6 percent "
        "of total exports, up 5 percentage points from a year earlier.",
        "Services credits fell $62 million (1%) in May 2026.",
        "Tin exports rose to $2.2 billion in May 2026, while tin imports fell to $1.1 billion.",
    ],
)
def test_a_figure_read_wholly_from_its_clause_stays_high(body: str) -> None:
    found = metrics_of(body, published=date(2026, 6, 1))
    assert found and all((m.confidence, m.doubts) == ("high", ()) for m in found), found


def test_of_two_values_for_one_subject_the_one_with_no_other_doubt_stays_high() -> None:
    body = "The services surplus reached $7.5 billion in May 2026, with $8.2 billion the previous quarter."
    found = {m.value: (m.confidence, m.doubts) for m in metrics_of(body, published=date(2026, 6, 1))}
    assert found[7.5e9] == ("high", ())
    assert found[8.2e9][0] == "low"


def test_a_wire_dateline_without_a_dash_is_no_part_of_the_subject() -> None:
    body = "Hanoi, March 3 (VNA) Vietnam's rice exports leapt 12 percent to $0.9 billion in February."
    (level,) = levels(body, published=date(2026, 3, 3))
    assert level.subject == "Vietnam's rice exports"


def test_an_unknown_verb_after_the_head_is_no_part_of_the_subject() -> None:
    (level,) = levels("Bicycle exports rocketed 12 percent to $0.9 billion in 2025.")
    assert level.subject == "bicycle exports"


def test_a_change_expected_by_economists_is_a_forecast() -> None:
    body = "Exports fell 4.1% in May, compared with a 3.0% decline expected by economists in a poll."
    found = [(m.subject, m.change.value) for m in metrics_of(body, published=date(2026, 6, 15))]
    assert found == [("exports", 4.1), ("exports forecast", 3.0)]


def test_an_exchange_rate_and_a_level_restated_in_dollars_are_no_figures() -> None:
    body = "The trade gap came to 512.3 billion yen ($3.41 billion) in May. ($1 = 150.20 yen)"
    assert [(m.value, m.unit) for m in metrics_of(body, published=date(2026, 6, 15))] == [(512.3e9, "JPY")]


def test_days_of_a_month_with_ordinals_are_part_of_the_month() -> None:
    body = "Shipments from March 1st to 10th came to $14.2 billion, a 9.1% drop from a year earlier."
    (level,) = levels(body, published=date(2026, 3, 11))
    assert (level.subject, level.period) == ("shipments", "2026-03-01/2026-03-10")


def test_a_change_named_by_its_noun_names_its_subject() -> None:
    body = (
        "In May 2026, an increase in the fuel deficit of $1.5 billion to $9.0 billion and a "
        "$0.4 billion narrowing of the food deficit offset each other."
    )
    found = [(m.subject, m.value) for m in metrics_of(body)]
    assert found == [
        ("fuel deficit", 9.0e9),
        ("change in fuel deficit", 1.5e9),
        ("change in food deficit", -0.4e9),
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Vietnam ran a $2.3 billion current account surplus in May 2026, $400 million more than in April.",
         "change in current account surplus"),
        ("Tea exports reached $610 million in May 2026, a gain of 8.0 percent, or $45 million, on the year.",
         "change in tea exports"),
    ],
)
def test_an_amount_change_after_a_comma_changes_the_figure_before_it(sentence: str, subject: str) -> None:
    amounts = [m for m in levels(sentence) if m.subject.startswith("change in")]
    assert [m.subject for m in amounts] == [subject]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Tyre exports, adjusted for the shorter month, however, climbed 6.1% to $0.8 billion in May 2026.",
         "tyre exports"),
        ("Cement output, slowed by heavy rain, slipped 2.4% to 4.1 million tons in May 2026.",
         "cement production"),
        ("Imports, excluding crude oil, rose 3.3% to $41.0 billion in 2025.", "imports excluding crude oil"),
        ("Exports except for ships rose 3.1% to $31.0 billion in May 2026.", "exports except for ships"),
    ],
)
def test_an_aside_between_commas_before_the_verb_is_not_the_subject(sentence: str, subject: str) -> None:
    (level,) = levels(sentence)
    assert level.subject == subject


def test_part_month_and_year_to_date_phrasings_without_the_word_first() -> None:
    body = (
        "Over the past 9 months this year, pulp exports came to $1.4 billion. "
        "Rice imports fell to $52 million in the 10 days of March 2026."
    )
    assert [(m.subject, m.period) for m in levels(body, published=date(2026, 10, 5))] == [
        ("pulp exports", "2026-01/2026-09"),
        ("rice imports", "2026-03-01/2026-03-10"),
    ]


def test_a_period_after_a_level_compared_with_is_that_levels_only() -> None:
    body = (
        "Exports were $20.1 billion in the first 10 days of May 2026. Imports rose 4% to $21.3 billion, "
        "leaving a deficit of $1.2 billion, wider than the $0.6 billion deficit during the 10 days of April. "
        "Steel exports fell 2% to $0.9 billion."
    )
    assert [(m.value, m.period) for m in levels(body, published=date(2026, 5, 11))] == [
        (20.1e9, "2026-05-01/2026-05-10"),
        (21.3e9, "2026-05-01/2026-05-10"),
        (1.2e9, "2026-05-01/2026-05-10"),
        (0.6e9, "2026-04-01/2026-04-10"),
        (0.9e9, "2026-05-01/2026-05-10"),
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The fall in coal imports was steep, sliding 12% to $3.1 billion in 2025.", "coal imports"),
        ("A modest rise in tuna exports followed, climbing 2% to $0.4 billion in 2025.", "tuna exports"),
    ],
)
def test_a_change_noun_after_an_article_names_the_change_not_the_verb(sentence: str, subject: str) -> None:
    (level,) = levels(sentence)
    assert level.subject == subject


def test_items_listed_with_their_moves_are_named_by_the_item_and_the_flow_before_them() -> None:
    body = (
        "Farm exports fell 3% in 2025. The main contributors to the drop were wheat, down $300 million (8%), "
        "wool and hides, down $120 million (5%), and live cattle, down $80 million (11%)."
    )
    moves = [(m.subject, m.value, m.change.value if m.change else None) for m in metrics_of(body)[1:]]
    assert moves == [
        ("change in wheat exports", -300e6, None),
        ("wheat exports", None, 8.0),
        ("change in wool and hides exports", -120e6, None),
        ("wool and hides exports", None, 5.0),
        ("change in live cattle exports", -80e6, None),
        ("live cattle exports", None, 11.0),
    ]


def test_a_change_from_a_year_prior_is_on_the_year() -> None:
    (level,) = levels("Pepper exports rose 6.2 percent from a year prior to $0.3 billion in 2025.")
    assert (level.change.value, level.change.basis) == (6.2, "yoy")


def test_last_years_total_compared_with_does_not_move_the_running_period() -> None:
    body = (
        "Tile exports reached $410 million in the January-September period of 2026. That already beats "
        "last year's total of $395 million. In volume, 52,000 tons were shipped during the same period."
    )
    assert [m.period for m in levels(body, published=date(2026, 10, 15))] == [
        "2026-01/2026-09",
        "2025",
        "2026-01/2026-09",
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("LIMA - Copper exports rose 7% to $2.2 billion in May 2026.", "copper exports"),
        ("SAO PAULO – Coffee exports fell 5% to $0.9 billion in May 2026.", "coffee exports"),
        ("Ship exports from Asia's third-largest economy rose 9% to $3.0 billion in 2025.", "ship exports"),
    ],
)
def test_a_capitals_dateline_and_an_epithet_are_not_the_subject(sentence: str, subject: str) -> None:
    (level,) = levels(sentence)
    assert level.subject == subject


def test_a_ranking_by_country_names_each_countrys_own_measure() -> None:
    body = (
        "World nickel output reached 3.6 million tons in 2025. By country, Indonesia ranked first with "
        "2.2 million tons in production, followed by the Philippines (0.33 million tons) and Russia "
        "(0.21 million tons)."
    )
    assert [m.subject for m in levels(body)] == [
        "world nickel production",
        "Indonesia production",
        "Philippines production",
        "Russia production",
    ]


def test_a_predicate_adjective_before_a_move_is_not_a_listed_item() -> None:
    body = "Lamb exports were also weaker, down 4 per cent, or $30 million, to $0.7 billion in 2025."
    assert [m.subject for m in levels(body)] == ["change in lamb exports", "lamb exports"]


def test_a_hyphenated_verb_is_one_word() -> None:
    (change,) = metrics_of("Jute exports nose-dived 20.9 percent in 2025.")
    assert (change.subject, change.change.value) == ("jute exports", 20.9)


@pytest.mark.parametrize(
    ("sentence", "subject", "direction"),
    [
        ("Strong demand helped drive up cocoa exports to Japan by 6.5 per cent in 2025 to $0.4 billion.",
         "cocoa exports to Japan", "up"),
        ("Cheaper fuel pushed down coal imports by 4 percent in 2025.", "coal imports", "down"),
        ("A long strike cut copper output by 3% in 2025.", "copper production", "down"),
        ("Dearer fuel nudged up gas imports by 1 per cent in 2025.", "gas imports", "up"),
    ],
)
def test_a_causative_verb_changes_what_it_moved(sentence: str, subject: str, direction: str) -> None:
    first = metrics_of(sentence)[0]
    assert (first.subject, first.change.direction) == (subject, direction)


def test_amount_changes_with_partners_between_two_months() -> None:
    body = (
        "The goods deficit widened by $210 million with Chile and by $0.9 billion with Peru "
        "from April to May."
    )
    found = [(m.subject, m.value, m.period) for m in levels(body, published=date(2026, 7, 2))]
    assert found == [
        ("change in goods deficit with Chile", 210e6, "2026-05"),
        ("change in goods deficit with Peru", 0.9e9, "2026-05"),
    ]


def test_an_agency_reporting_a_clause_is_not_its_subject() -> None:
    (level,) = levels("The Statistics Bureau reported the steel capacity utilization rate was 81.2% in 2025.")
    assert level.subject == "steel capacity utilization rate"


def test_a_second_change_with_its_verb_left_out_keeps_its_own_basis() -> None:
    body = "Cement output rose 0.3% in May 2026 and 1.9% from a year earlier."
    changes = [(m.change.value, m.change.basis) for m in metrics_of(body)]
    assert (1.9, "yoy") in changes and len(changes) == 2


def test_an_outbound_shipment_of_goods_is_their_export() -> None:
    body = "Exports fell. Outbound shipment of pulp to Chile dropped 3.2 percent to $0.2 billion in 2025."
    assert [m.subject for m in levels(body, title="Paper exports down")] == ["pulp exports to Chile"]


def test_the_same_period_of_another_year_and_the_figure_that_refers_back() -> None:
    body = (
        "In the first quarter of 2026, rice exports reached $80 million, but the figure was $95 million "
        "in the same period of 2024."
    )
    assert [(m.subject, m.period) for m in levels(body, published=date(2026, 4, 20))] == [
        ("rice exports", "2026-Q1"),
        ("rice exports", "2024-Q1"),
    ]


def test_a_previous_record_for_a_month_is_the_running_subjects_in_that_month() -> None:
    body = "Wine exports hit $0.9 billion in May 2026. The previous May record was $0.8 billion in 2021."
    found = [(m.subject, m.value, m.period) for m in levels(body)]
    assert found[1] == ("wine exports", 0.8e9, "2021-05")


def test_the_value_of_exported_goods_is_their_exports() -> None:
    (level,) = levels("The accumulated value of all exported tyres amounted to $2.3 billion in 2025.")
    assert level.subject == "tyre exports"


def test_imported_goods_and_a_share_after_a_converted_level() -> None:
    body = (
        "Imported goods were valued at A$31.0 billion (US$20.5 billion) in May 2026, giving a trade "
        "surplus of A$2.1 billion (US$1.4 billion), or 6.3 percent of exports."
    )
    assert [m.subject for m in metrics_of(body)] == [
        "goods imports",
        "trade surplus",
        "trade surplus share of exports",
    ]


@pytest.mark.parametrize(
    ("phrase", "period"),
    [
        ("In the quarter ending June", "2026-Q2"),
        ("In the September 2025 quarter", "2025-Q3"),
        ("In the quarter ended May 2026", "2026-03/2026-05"),
    ],
)
def test_a_quarter_named_by_its_last_month(phrase: str, period: str) -> None:
    (level,) = levels(f"{phrase}, wool exports were NZ$0.4 billion.", published=date(2026, 8, 1))
    assert level.period == period


def test_what_a_sector_received_is_the_measure_to_that_sector() -> None:
    (level,) = levels("By industry, the logistics sector received investment pledges of $1.2 billion.")
    assert level.subject == "logistics investment pledges"


def test_a_possessive_place_in_the_title_is_no_product_topic() -> None:
    found = levels("Imports dropped 4% to $7.2 billion in May 2026.", title="South Africa's exports slip")
    assert [m.subject for m in found] == ["imports"]


def test_a_balance_its_clause_calls_a_surplus_or_deficit_is_named_so() -> None:
    body = (
        "Peru's trade balance stayed in surplus, growing from $0.7 billion in April to $1.1 billion in "
        "May 2026. Chile had a deficit in its trade balance of $0.2 billion in May 2026."
    )
    subjects = [m.subject for m in levels(body)]
    assert subjects == ["Peru's trade surplus", "Peru's trade surplus", "trade deficit"]


def test_an_adjective_between_by_and_the_percentage_keeps_it_a_change() -> None:
    (level,) = levels("Wool imports jumped by a staggering 19.8 percent to $1.4 billion in 2025.")
    assert (level.value, level.change.value, level.change.direction) == (1.4e9, 19.8, "up")


def test_a_daily_average_beside_a_level_is_the_daily_average_of_its_subject() -> None:
    body = (
        "In 2025, soy exports fell 3 percent to $41 billion, with a daily average of $164 million. "
        "Fertilizer imports rose 5 percent to $12 billion, or $48 million per business day."
    )
    assert [m.subject for m in levels(body)] == [
        "soy exports", "daily average soy exports", "fertilizer imports", "daily average fertilizer imports",
    ]


def test_a_flow_of_a_whole_industry_is_named_by_the_industry() -> None:
    (change,) = metrics_of("Exports by the entire furniture industry rose 5.3% in 2025.")
    assert change.subject == "furniture exports"


def test_a_previous_record_that_was_set_in_a_year_and_an_import_value_of_goods() -> None:
    body = (
        "The import value of nickel reached $9.1 billion in 2025. The previous record of $7.4 billion "
        "was set in 2019."
    )
    found = [(m.subject, m.period) for m in levels(body)]
    assert found == [("nickel imports", "2025"), ("nickel imports", "2019")]


def test_the_clause_after_a_conjunction_names_the_figure_when_the_whole_is_too_long() -> None:
    body = (
        "Peru continued to be the largest single source of the country's copper imports by far as the "
        "year-to-date copper import bill from Peru rose by 4.5 percent."
    )
    (change,) = metrics_of(body)
    assert change.subject == "year-to-date copper import bill from Peru"


def test_a_month_in_a_reason_after_the_figure_is_not_its_period() -> None:
    body = (
        "Cement output fell 1.3 percent in March 2026. Brick output dropped 3.6 percent, as builders "
        "paused after a wetter-than-usual February."
    )
    assert [m.period for m in metrics_of(body)] == ["2026-03", "2026-03"]


def test_a_deficit_written_with_a_minus_sign_is_its_size() -> None:
    (level,) = levels("The goods balance showed a deficit of NZD -1.1B in May 2026.")
    assert (level.subject, level.value) == ("trade deficit", 1.1e9)


def test_a_merchandise_flow_names_no_product_and_an_owner_is_no_topic() -> None:
    body = "Chile's merchandise exports rose 2% to $8.0 billion in May 2026. Imports fell 1% to $7.1 billion."
    assert [m.subject for m in levels(body, title="Chile's merchandise exports rise in May")][1] == "imports"


def test_a_bloc_spelled_out_is_named_as_analysts_write_it() -> None:
    (change,) = metrics_of("Exports to members of the Gulf Cooperation Council fell 6.1 percent in 2025.")
    assert change.subject == "exports to GCC"


def test_respective_levels_with_counts_in_brackets_and_a_half_of_this_year() -> None:
    body = (
        "Global orders came to 9.1 million CGT in H1 this year and Japan and Italy took 1.2 million CGT "
        "(40 ships) and 0.3 million CGT (12 ships), respectively."
    )
    found = [(m.subject, m.value, m.period) for m in levels(body, published=date(2026, 7, 10))]
    assert found[1:] == [
        ("Japan shipbuilding orders", 1.2e6, "2026-H1"),
        ("Japan shipbuilding orders", 40.0, "2026-H1"),
        ("Italy shipbuilding orders", 0.3e6, "2026-H1"),
        ("Italy shipbuilding orders", 12.0, "2026-H1"),
    ]


def test_a_leads_change_for_the_reporter_joins_its_level_in_the_next_sentence() -> None:
    body = "Peru exports rose 9 percent year on year in March 2026. Exports hit $6.1 billion in March 2026."
    assert [(m.subject, m.value, m.change.value if m.change else None) for m in metrics_of(body)] == [
        ("exports", 6.1e9, 9.0),
    ]


def test_an_undated_change_in_a_lead_joins_the_level_the_release_dates() -> None:
    body = (
        "Even a 12 per cent narrowing of Chile's trade surplus was not enough to worry. In seasonally "
        "adjusted terms, the surplus in May fell to $1.1 billion from $1.25 billion in April."
    )
    found = metrics_of(body, title="Trade surplus narrows", published=date(2026, 7, 2))
    assert [(m.value, m.period, m.change.value if m.change else None) for m in found] == [
        (1.1e9, "2026-05", 12.0),
        (1.25e9, "2026-04", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("New FDI commitment to Korea amounted to $9.6 billion in 2025.", "FDI pledges"),
        ("By industry, the retail sector received investment pledges of $0.6 billion.", "retail FDI pledges"),
    ],
)
def test_an_fdi_commitment_and_investment_pledges_are_fdi_pledges(sentence: str, subject: str) -> None:
    body = f"Foreign direct investment (FDI) in Korea rose in 2025. {sentence}"
    assert levels(body)[-1].subject == subject


def test_a_product_the_title_names_only_in_an_aside_is_no_topic_and_total_shipments_are_all_exports() -> None:
    body = (
        "Tea exports rose 9% to $0.4 billion in May 2026. Total outbound shipments reached $5.1 billion "
        "in May 2026. Average daily exports rose 1% to $0.2 billion."
    )
    found = levels(body, title="Exports slip in May despite strong tea sales")
    assert [m.subject for m in found] == ["tea exports", "exports", "average daily exports"]


def test_a_basis_after_the_noun_is_not_part_of_the_name() -> None:
    (change,) = metrics_of("The sector enjoyed a 50 percent increase in jute exports year-on-year in 2025.")
    assert (change.subject, change.change.basis) == ("jute exports", "yoy")


def test_a_change_at_an_annual_rate_for_a_quarter_is_that_quarters() -> None:
    body = "Output fell 0.3% in June 2026. It rose 2.1% at an annual rate for the second quarter."
    assert [m.period for m in metrics_of(body)] == ["2026-06", "2026-Q2"]


def test_points_contributed_to_a_move_are_a_contribution() -> None:
    body = (
        "Output fell 1.1% in May 2026. Net exports added 0.4 percentage points to growth in May 2026. "
        "About 0.2 percentage point of the drop in total output came from the floods."
    )
    found = [(m.subject, m.value, m.unit) for m in levels(body)]
    assert found == [
        ("net exports contribution to growth", 0.4, "percentage points"),
        ("contribution to drop in total production", 0.2, "percentage points"),
    ]


def test_a_that_clause_of_state_before_the_verb_leaves_the_noun_as_the_subject() -> None:
    body = "Exports of aluminium to Japan that were subject to a 10 per cent duty fell 7 per cent in 2025."
    changes = [m for m in metrics_of(body) if m.change is not None]
    assert [m.subject for m in changes] == ["aluminium exports to Japan"]


def test_changes_told_in_words_with_their_items_and_cues() -> None:
    body = (
        "Shipments of key items decreased in May 2026, with tyre exports down eight-point-eight percent "
        "and glass exports down five percent."
    )
    found = [(m.subject, m.change.value) for m in metrics_of(body)]
    assert found == [("tyre exports", 8.8), ("glass exports", 5.0)]


def test_a_level_of_the_year_previously_is_the_year_befores() -> None:
    body = "The services surplus rose from $1.1 billion the year previously to $1.6 billion in May 2026."
    assert [m.period for m in levels(body)] == ["2025-05", "2026-05"]


def test_an_account_in_the_red_or_in_the_black_is_its_deficit_or_surplus() -> None:
    body = (
        "The travel account finished in the red for a fifth month with $0.6 billion in May 2026. The "
        "transport account stayed in the black in May 2026 with $0.2 billion."
    )
    assert [m.subject for m in levels(body)] == ["travel account deficit", "transport account surplus"]


def test_a_singular_export_or_import_is_the_flow() -> None:
    body = "Export rose 9.5 percent to $5.2 billion in May 2026, while import surged 2.1% to $4.8 billion."
    assert [m.subject for m in levels(body)] == ["exports", "imports"]


def test_a_series_of_months_with_their_changes_in_brackets() -> None:
    body = (
        "Exports have continued to rise from November (3.2%) last year to December (10.1%), January "
        "(8.4%) and February (6.5%). In February 2026, the trade balance remained in the black for 9 "
        "consecutive months at $3.9 billion."
    )
    found = [(m.subject, m.period, m.change.value if m.change else m.value) for m in metrics_of(
        body, published=date(2026, 3, 1))]
    assert found == [
        ("exports", "2025-11", 3.2),
        ("exports", "2025-12", 10.1),
        ("exports", "2026-01", 8.4),
        ("exports", "2026-02", 6.5),
        ("trade surplus", "2026-02", 3.9e9),
    ]


def test_a_flow_that_has_accumulated_to_a_record_is_its_own_subject() -> None:
    body = "Tin exports rose 3% in 2025. Exports of ships have accumulated to a fresh record of $24 billion."
    assert [m.subject for m in levels(body)] == ["ship exports"]


def test_items_in_brackets_after_a_copula_with_the_place_they_grew_in() -> None:
    body = (
        "Exports rose 6% in May 2026. The items with the fastest export growth by region were tyres "
        "(41%) in Chile and pumps (19%) in India."
    )
    assert [m.subject for m in metrics_of(body)][1:] == ["tyre exports to Chile", "pump exports to India"]


@pytest.mark.parametrize("written", ["barrels per day", "barrels a day", "bpd"])
def test_a_daily_flow_of_oil_is_in_barrels_per_day(written: str) -> None:
    body = f"Kuwait's crude oil production fell by 52,000 {written} to 2.4 million bpd in 2025."
    found = sorted((m.subject, m.value, m.unit) for m in levels(body))
    assert found == [
        ("Kuwait's crude oil production", 2.4e6, "barrels per day"),
        ("change in Kuwait's crude oil production", -52000.0, "barrels per day"),
    ]


def test_a_month_named_inside_a_fiscal_year_is_that_years_month() -> None:
    body = (
        "Japan's copper output in fiscal 2025, which ended March 2026, fell 2% to 1.4 million tons. "
        "Copper output in March, the final month of fiscal 2025, was 0.12 million tons."
    )
    found = levels(body, title="Japan's copper output falls in fiscal 2025", published=date(2026, 4, 20))
    assert [m.period for m in found] == ["2025-04/2026-03", "2026-03"]


def test_changes_in_brackets_after_places_a_change_verb_opens() -> None:
    body = (
        "Pump sales rose 10% in May 2026. Year-to-year sales increased across all regions: Peru (12.5%) "
        "and Chile (8.1%). "
        "Month-to-month sales increased slightly in Peru (0.4%), but fell in Chile (-0.7%)."
    )
    found = [(m.subject, m.change.value, m.change.direction, m.change.basis) for m in metrics_of(body)][1:]
    assert found == [
        ("Peru pump sales", 12.5, "up", "yoy"),
        ("Chile pump sales", 8.1, "up", "yoy"),
        ("Peru sales", 0.4, "up", "mom"),
        ("Chile sales", 0.7, "down", None),
    ]


def test_a_level_compared_as_a_periods_total_is_that_periods() -> None:
    body = "Pump sales hit $3.6 billion in May 2026, up 4% compared to the May 2025 total of $3.46 billion."
    assert [(m.value, m.period) for m in levels(body)] == [(3.6e9, "2026-05"), (3.46e9, "2025-05")]


@pytest.mark.parametrize(
    ("sentence", "subject", "value", "direction"),
    [
        ("Shipments were expected to gain 0.1% in May 2026.", "shipments forecast", 0.1, "up"),
        ("Imports were forecast to ease 0.4% in May 2026.", "imports forecast", 0.4, "down"),
        ("Exports to Peru dropped by even 17 percent in May 2026.", "exports to Peru", 17.0, "down"),
        ("Imports growth eased to 30.7% in May 2026.", "imports", 30.7, "up"),
        ("Chile exported 5.6% more goods to Japan in May 2026.", "goods exports to Japan", 5.6, "up"),
    ],
)
def test_changes_told_as_infinitives_growth_rates_and_comparatives(
    sentence: str, subject: str, value: float, direction: str
) -> None:
    (change,) = metrics_of(sentence)
    assert (change.subject, change.change.value, change.change.direction) == (subject, value, direction)


def test_both_flows_named_with_one_change_get_it_each() -> None:
    found = metrics_of("In May 2026, both exports and imports decreased by 1 percent in value.")
    assert [(m.subject, m.change.value, m.change.direction) for m in found] == [
        ("exports", 1.0, "down"),
        ("imports", 1.0, "down"),
    ]


def test_a_level_that_ended_at_and_thus_changed_and_an_export_value() -> None:
    body = (
        "The trade surplus ended at NOK 9.2 billion in May 2026, and thus increased by 8.3 per cent. The "
        "export value increased by NOK 1.3 billion in May 2026."
    )
    found = [(m.subject, m.value, m.change.value if m.change else None) for m in metrics_of(body)]
    assert found == [("trade surplus", 9.2e9, 8.3), ("change in exports", 1.3e9, None)]


def test_an_including_list_with_a_final_comma_is_an_aside() -> None:
    body = "Vehicle production, including cars, trucks, and buses, totalled 80,100 units in May 2026."
    assert [m.subject for m in levels(body)] == ["vehicle production"]


def test_tonnage_of_named_orders_and_a_predicate_after_were_are_the_orders_own() -> None:
    body = "In May 2026, 2.1 million CGT of new shipbuilding orders were placed worldwide, up 9% on year."
    (level,) = levels(body)
    assert (level.subject, level.change.value) == ("new shipbuilding orders", 9.0)
