"""The briefing's content: headline figures, comparison with earlier periods, charts and checks.

Figures are put in the store as extraction would, so these tests pin down the
briefing's rules independently of the extractor's wording.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from reports import extract as extraction
from reports.briefing import build_briefing, previous_period
from reports.checks import FAILED, PASSED, half_unit
from reports.collect.dump import parse_dump_file
from reports.config import Config, Source
from reports.formatting import format_value
from reports.periods import parse_month
from reports.pipeline import generate
from reports.records import Change, Metric, Release
from reports.store import Store
from tests.briefings import metric as figure
from tests.briefings import pdf_text

NOW = datetime(2026, 3, 2, 9, 0)


def yoy(value: float, direction: str = "up") -> Change:
    return Change(value, "percent", direction, "yoy")


def monthly_trade(release: Release, month: str, exports: float, imports: float, balance: float,
                  change: float) -> list[Metric]:
    return [
        figure(release, "totaled", "exports", exports, "USD", month, metric_id="exports.total",
               change=yoy(change)),
        figure(release, "Imports came", "imports", imports, "USD", month, metric_id="imports.total"),
        figure(release, "trade surplus", "trade surplus", balance, "USD", month,
               metric_id="trade_balance.total"),
    ]


def _three_months(fixtures: Path, february: list[Metric] | None = None) -> Store:
    """Three months of trade releases in a store, extracted as the extractor would; February's
    figures as given, else the standard ones."""
    dec, jan, feb = parse_dump_file(fixtures / "three-months.txt").releases
    store = Store("sqlite:///:memory:")
    found = {
        dec: monthly_trade(dec, "2025-12", 60.0e9, 50.0e9, 10.0e9, 13.4),
        jan: monthly_trade(jan, "2026-01", 55.0e9, 47.0e9, 8.0e9, 10.0),
        feb: february if february is not None else _february(feb),
    }
    for release, metrics in found.items():
        store.upsert_release(release)
        store.save_extraction(release.id, metrics, [], extraction.VERSION)
    return store


def _february(february: Release, **semiconductor) -> list[Metric]:
    return [
        # 58.0 - 49.0 is 9.0, not the stated 12.0: a check must fail, visibly.
        *monthly_trade(february, "2026-02", 58.0e9, 49.0e9, 12.0e9, 7.0),
        *[figure(february, "By region", f"exports to {member}", None, None, "2026-02",
                 change=yoy(abs(v), "up" if v > 0 else "down"), dimension="region", member=member)
          for member, v in (("ASEAN", 12.5), ("the United States", 4.0), ("China", -3.1))],
        figure(february, "Semiconductor", "semiconductor exports", 15.0e9, "USD", "2026-02",
               metric_id="exports.semiconductors", record=True, **semiconductor),
        figure(february, "memory chips", "memory chip exports", 10.5e9, "USD", "2026-02",
               metric_id="exports.semiconductors.memory"),
    ]


@pytest.fixture
def store(fixtures: Path) -> Store:
    """Three months of trade releases, extracted as the extractor would."""
    return _three_months(fixtures)


def test_headlines_lead_with_each_release_lead_figure_and_records(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    cards = [(h.label, h.value_text, h.change_text, h.reason) for h in briefing.headlines]
    assert cards[0] == ("Exports", "USD 58.0 billion", "+7.0% y/y", "lead figure")
    assert ("Semiconductor exports", "USD 15.0 billion", "", "record") in cards
    assert 1 <= len(cards) <= 8
    assert all(h.figure.metric.value is not None for h in briefing.headlines)


def test_figures_are_compared_with_the_stored_previous_period(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    exports = next(f for f in briefing.figures if f.metric.metric_id == "exports.total")
    assert exports.earlier_text == "vs Jan 2026: USD 55.0 billion (+5.5%)"
    earlier_ref = next(r for r in briefing.references if not r.in_period)
    assert earlier_ref.release.title == "January 2026 Exports Reach USD 55.0 Billion"
    assert exports.earlier.cite.ref == earlier_ref.number


def test_a_metric_stored_for_three_periods_gets_a_line_chart(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    lines = [c for c in briefing.charts if c.kind == "line"]
    exports_line = next(c for c in lines if c.title.startswith("Exports"))
    assert list(exports_line.data["value"]) == [60.0e9, 55.0e9, 58.0e9]
    assert exports_line.title == "Exports, Dec 2025 to Feb 2026"


def test_a_breakdown_of_changes_is_a_diverging_bar_chart(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    (chart,) = [c for c in briefing.charts if c.kind == "diverging"]
    assert chart.title == "Exports by region, Feb 2026"
    assert dict(zip(chart.data["label"], chart.data["value"], strict=True)) == {
        "ASEAN": 12.5, "The United States": 4.0, "China": -3.1}


def test_a_total_with_its_parts_is_a_part_of_whole_chart(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    (chart,) = [c for c in briefing.charts if c.kind == "part"]
    assert chart.total == 15.0e9 and list(chart.data["label"]) == ["Memory chip exports"]


def test_balance_checks_pass_and_a_wrong_balance_fails(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    balance = [c for c in briefing.checks if c.kind == "balance"]
    assert [c.status for c in balance] == [FAILED]
    assert balance[0].arithmetic == (
        "USD 58.0 billion − USD 49.0 billion = USD 9.0 billion; stated USD 12.0 billion"
    )
    january = build_briefing(store, parse_month("2026-02"), title="T", generated_at=NOW)
    assert [c.status for c in january.checks if c.kind == "balance"] == [PASSED]


def test_parts_checks_hold_when_parts_are_below_the_total(store: Store) -> None:
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    (part,) = [c for c in briefing.checks if c.kind == "part"]
    assert part.status == PASSED and "Memory chip exports ≤ Semiconductor exports" in part.description


def test_half_unit_follows_the_last_stated_digit() -> None:
    assert half_unit(264.3e9) == pytest.approx(0.05e9)
    assert half_unit(320_000) == pytest.approx(5_000)
    assert half_unit(4.1e6) == pytest.approx(0.05e6)


@pytest.mark.parametrize(
    ("period", "before"),
    [("2025", "2024"), ("2026-01", "2025-12"), ("2026-03", "2026-02"), ("2026-Q1", "2025-Q4"),
     ("2025-H2", "2025-H1"), ("x", None)],
)
def test_previous_period(period: str, before: str | None) -> None:
    assert previous_period(period) == before


def test_generated_briefing_shows_comparison_chart_and_failed_check(store: Store, tmp_path: Path) -> None:
    config = Config(sources=(Source("test", "dump", path=tmp_path / "none.txt"),))
    result = generate(store, config, parse_month("2026-03"), output=tmp_path)
    folder = result.folder
    text = pdf_text(folder / "briefing.pdf")
    html = (folder / "briefing.html").read_text()
    assert "vs Jan 2026: USD 55.0 billion (+5.5%)" in text
    assert "failed" in text and "USD 58.0 billion − USD 49.0 billion = USD 9.0 billion" in text
    assert 'aria-label="Exports, Dec 2025 to Feb 2026:' in html
    assert (folder / "charts").is_dir()
    assert len(list((folder / "charts").glob("*.svg"))) == len(result.briefing.charts)
    csv_text = (folder / "metrics.csv").read_text()
    assert "exports.total" in csv_text and "58000000000.0" in csv_text


def test_a_stated_change_is_checked_against_the_level_a_year_before(store: Store) -> None:
    from reports.collect.dump import parse_dump

    text = ("-\nTrade/Investment\nFebruary 2025 Exports\n"
            "Korea's exports in February 2025 totaled USD 54.2 billion. date2025-03-01\n")
    (release,) = parse_dump(text).releases
    store.upsert_release(release)
    store.save_extraction(release.id, [figure(release, "totaled", "exports", 54.2e9, "USD", "2025-02",
                                              metric_id="exports.total")], [], extraction.VERSION)
    briefing = build_briefing(store, parse_month("2026-03"), title="T", generated_at=NOW)
    (check,) = [c for c in briefing.checks if c.kind == "change"]
    assert check.status == "within rounding"  # 58.0 / 54.2 is +7.01%; stated +7.0%
    assert "+7.0%" in check.arithmetic


def test_a_figure_restated_in_its_release_is_shown_once_with_its_record(store: Store) -> None:
    march = parse_month("2026-03")
    february = store.releases_between(march.start, march.end)[0]
    metrics = store.metrics_for([february.id])
    lead = next(m for m in metrics if m.subject == "exports")
    restated = figure(february, "Semiconductor", "Exports", lead.value, "USD", "2026-02", record=True)
    store.save_extraction(february.id, [*metrics, restated], [], extraction.VERSION)
    briefing = build_briefing(store, march, title="T", generated_at=NOW)
    shown = [f for f in briefing.figures if f.metric.subject.casefold() == "exports"]
    assert len(shown) == 1 and shown[0].metric.record and shown[0].metric.quote == lead.quote


@pytest.fixture
def doubtful_store(fixtures: Path) -> Store:
    """The same months, with the February semiconductor record read by a rule the extractor doubts."""
    february = parse_dump_file(fixtures / "three-months.txt").releases[2]
    doubted = _february(february, confidence="low", doubts=("subject guessed",))
    return _three_months(fixtures, doubted)


def test_a_low_confidence_figure_is_never_a_headline_nor_charted(doubtful_store: Store) -> None:
    briefing = build_briefing(doubtful_store, parse_month("2026-03"), title="T", generated_at=NOW)
    assert "semiconductor exports" not in [h.figure.metric.subject for h in briefing.headlines]
    assert not [c for c in briefing.charts if c.kind == "part"]  # its total was the doubtful figure
    (kept,) = [f for f in briefing.figures if f.metric.subject == "semiconductor exports"]
    assert not kept.trusted and kept.doubts_text == "subject guessed"


def test_a_low_confidence_figure_is_marked_in_its_table_in_the_pdf(
    doubtful_store: Store, tmp_path: Path
) -> None:
    config = Config(sources=(Source("test", "dump", path=tmp_path / "none.txt"),))
    folder = generate(doubtful_store, config, parse_month("2026-03"), output=tmp_path).folder
    text = pdf_text(folder / "briefing.pdf")
    assert text.count("unverified: subject guessed") == 1
    cover = text[: text.index("unverified")]
    assert "USD 15.0 billion" not in cover.split("Contents")[0]  # not a card on the cover


def test_a_korean_briefing_gives_the_doubts_in_korean(doubtful_store: Store, tmp_path: Path) -> None:
    config = Config(sources=(Source("test", "dump", path=tmp_path / "none.txt"),), locale="ko")
    folder = generate(doubtful_store, config, parse_month("2026-03"), output=tmp_path).folder
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    assert "미검증: 대상 추정" in html and "subject guessed" not in html.split("<body", 1)[1]


def test_metrics_csv_says_how_far_each_figure_can_be_trusted(doubtful_store: Store, tmp_path: Path) -> None:
    import csv

    config = Config(sources=(Source("test", "dump", path=tmp_path / "none.txt"),))
    folder = generate(doubtful_store, config, parse_month("2026-03"), output=tmp_path).folder
    rows = list(csv.DictReader((folder / "metrics.csv").open(encoding="utf-8")))
    marked = {row["subject"]: (row["confidence"], row["doubts"]) for row in rows}
    assert marked["semiconductor exports"] == ("low", "subject guessed")
    assert marked["memory chip exports"] == ("high", "")


@pytest.mark.parametrize(("locale", "text"), [("en", "0.4 percentage points"), ("ko", "0.4%p")])
def test_a_contribution_in_percentage_points_reads_as_points(locale: str, text: str) -> None:
    assert format_value(0.4, "percentage points", locale) == text
