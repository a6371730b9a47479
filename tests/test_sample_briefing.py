"""The sample month as a reader sees it: `brief generate --month 2026-01` on the built-in corpus."""

from __future__ import annotations

import csv
import re

import pytest

from tests.briefings import pdf_text


@pytest.fixture(scope="module")
def january(sample_january):  # noqa: ANN001, ANN201
    result = sample_january
    html = (result.folder / "briefing.html").read_text()
    return result.briefing, result.folder, pdf_text(result.folder / "briefing.pdf"), html


def test_headline_cards_hold_ict_and_automobile_exports(january) -> None:
    briefing, _, pdf, _ = january
    cards = {(h.label, h.figure.period_text): h for h in briefing.headlines}
    ict = cards["ICT exports", "2025"]
    assert (ict.value_text, ict.change_text) == ("USD 264.3 billion", "+12.4% y/y")
    autos = cards["Automobile exports", "2025"]
    assert autos.value_text == "USD 72.0 billion" and autos.figure.metric.record
    assert 4 <= len(briefing.headlines) <= 8
    assert "USD 264.3 billion" in pdf and "USD 72.0 billion" in pdf


def test_at_least_four_charts_each_with_title_units_and_source(january) -> None:
    briefing, folder, _, html = january
    assert len(briefing.charts) >= 4
    for spec in briefing.charts:
        assert spec.title and spec.source_note.startswith("Source: [") and spec.alt
        assert (folder / "charts" / f"{spec.id}.svg").is_file()
        assert not (folder / "charts" / f"{spec.id}.png").exists()  # nothing reads a PNG
    assert html.count('<figure class="chart-figure"') == len(briefing.charts)
    kinds = {spec.kind for spec in briefing.charts}
    assert {"diverging", "bar", "timeline"} <= kinds


def test_both_ict_balance_checks_pass(january) -> None:
    briefing, _, pdf, _ = january
    balance = [c for c in briefing.checks if c.kind == "balance"]
    arithmetic = {c.arithmetic: c.status for c in balance}
    assert arithmetic[
        "USD 264.3 billion − USD 151.3 billion = USD 113.0 billion; stated USD 113.0 billion"] == "passed"
    assert arithmetic[
        "USD 30.0 billion − USD 14.9 billion = USD 15.1 billion; stated USD 15.1 billion"] == "passed"
    assert "USD 264.3 billion − USD 151.3 billion = USD 113.0 billion" in pdf


def test_every_citation_links_to_a_quoted_sentence(january) -> None:
    briefing, _, _, html = january
    targets = set(re.findall(r'href="#([\w-]+)"', html))
    ids = set(re.findall(r'id="([\w-]+)"', html))
    assert targets <= ids
    for figure in briefing.figures:
        ref = briefing.references[figure.cite.ref - 1]
        assert figure.cite in ref.quotes and figure.cite.text in ref.release.body
    # Quotes are whole sentences, not the clause that holds the figure.
    assert "<q>Korea’s ICT exports in 2025 totaled USD 264.3 billion" not in html
    assert "announced on January 15, 2026, that Korea’s ICT exports in 2025 totaled USD 264.3 billion" in html


def test_metrics_csv_holds_every_figure_with_its_release(january) -> None:
    briefing, folder, _, _ = january
    rows = list(csv.DictReader((folder / "metrics.csv").open()))
    assert len(rows) == len(briefing.figures)
    ict = [r for r in rows if r["metric_id"] == "exports.ict" and r["period"] == "2025"]
    assert ict and ict[0]["value"] == "264300000000.0" and ict[0]["release_id"]


def test_meeting_log_lists_the_washington_engagements_by_trip(january) -> None:
    briefing, folder, pdf, _ = january
    assert len(briefing.meetings) == 8
    dates = [row.date.isoformat() for row in briefing.meetings]
    assert dates == sorted(dates)
    assert any("Washington" in trip.label and "8 engagements" in trip.label for trip in briefing.trips)
    assert "Meeting log" in pdf and "Jamieson Greer" in pdf
    rows = list(csv.DictReader((folder / "meetings.csv").open()))
    assert {r["counterpart"] for r in rows} >= {"Russell Vought", "Jamieson Greer"}
