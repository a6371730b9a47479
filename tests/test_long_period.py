"""A period longer than a month is summarized in its PDF and listed in full in its HTML and CSVs.

The corpus is tests/fixtures/year-2025.txt: 40 releases spread over 2025, made from the sample
month by `python benchmarks/bench_scale.py --corpus 40` (dates moved, amounts and changes varied).
"""

from __future__ import annotations

import csv
import io
import logging
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.config import Config, Source
from reports.periods import month_period, range_period
from reports.pipeline import collect_files, generate
from reports.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
YEAR = range_period(date(2025, 1, 1), date(2025, 12, 31))


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    folder = tmp_path_factory.mktemp("year")
    store = Store(f"sqlite:///{folder / 'brief.sqlite'}")
    collect_files(store, [FIXTURES / "year-2025.txt"])
    config = Config(sources=(Source("test", "dump", path=folder / "none.txt"),))
    records = _Records()
    logging.getLogger("weasyprint").addHandler(records)
    try:
        result = generate(store, config, YEAR, output=folder / "out")
    finally:
        logging.getLogger("weasyprint").removeHandler(records)
    reader = PdfReader(result.folder / "briefing.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    html = (result.folder / "briefing.html").read_text(encoding="utf-8")
    yield result, reader, text, html, records.messages
    store.close()


def test_the_year_pdf_is_a_summary_with_trends_movers_meetings_and_sources(year) -> None:  # noqa: ANN001
    result, _, text, _, _ = year
    briefing = result.briefing
    assert briefing.release_count == 40 and briefing.summary is not None
    for heading in ("Headline figures", "Trends by month", "Largest movers", "Meetings by counterpart",
                    "Sources"):
        assert heading in text, heading
    # Each sample meeting is a day's single engagement: rows of the counterparts table, not trips.
    assert briefing.summary.trips == () and "Trips" not in text
    assert sum(c.engagements for c in briefing.summary.counterparts) == len(briefing.meetings)
    assert "ICT exports by month, Mar 2025 to Sep 2025" in text
    assert "Key figures:" not in text and "Meeting log" not in text  # the full lists are not in the PDF
    top = briefing.summary.movers[0]
    assert f"{top.label} {top.value_text} {top.change_text}" in text
    assert f"The {len(briefing.summary.sources)} sources this summary cites, of 40" in text
    assert f"{len(briefing.figures)} figures and {len(briefing.meetings)} engagements in the period" in text


def test_the_year_pdf_is_short_and_every_citation_in_it_has_its_source(year) -> None:  # noqa: ANN001
    _, reader, _, _, warnings = year
    assert len(reader.pages) <= 12  # listing 40 releases took 34 pages
    assert not [m for m in warnings if "anchor" in m.lower()], warnings


def test_one_trend_chart_per_followed_metric_over_the_months(year) -> None:  # noqa: ANN001
    result, _, _, _, _ = year
    trends = result.briefing.summary.trends
    titles = [spec.title for spec in trends]
    assert len(titles) == len(set(titles)) and any(t.startswith("ICT exports by month") for t in titles)
    ict = next(spec for spec in trends if spec.title.startswith("ICT exports by month"))
    # The ICT releases of Apr, Jul and Oct state the month before; January's states Dec 2024.
    assert list(ict.data["period"]) == ["Mar", "Jun", "Sep"]
    assert all(spec.kind == "line" for spec in trends)


def test_the_year_html_and_csvs_keep_every_figure_and_meeting(year) -> None:  # noqa: ANN001
    result, _, _, html, _ = year
    briefing = result.briefing
    assert html.count('<details class="full-list">') >= len(briefing.topics)
    assert "Key figures:" in html and "Meeting log" in html and "Largest movers" in html
    rows = list(csv.DictReader(io.StringIO((result.folder / "metrics.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(briefing.figures) > 100
    meetings = list(csv.DictReader(io.StringIO((result.folder / "meetings.csv").read_text(encoding="utf-8"))))
    assert len(meetings) == len(briefing.meetings) == briefing.summary.meeting_count


def test_the_timeline_of_a_year_has_one_readable_tick_per_month(year) -> None:  # noqa: ANN001
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from charts.draw import _DRAWERS

    spec = year[0].briefing.timeline
    assert spec.span == (YEAR.start, YEAR.end)
    figure, axes = plt.subplots()
    try:
        _DRAWERS["timeline"](axes, spec)
        figure.canvas.draw()
        labels = [tick.get_text() for tick in axes.get_xticklabels()]
    finally:
        plt.close(figure)
    assert labels[:3] == ["Jan 2025", "Feb", "Mar"] and "Dec" in labels and len(labels) <= 13


def test_a_month_is_still_listed_in_full() -> None:
    from reports.briefing import is_long

    assert not is_long(month_period(2026, 1)) and not is_long(month_period(2024, 2))
    assert is_long(range_period(date(2026, 1, 1), date(2026, 2, 1))) and is_long(YEAR)


def test_an_empty_quarter_says_so_in_its_summary() -> None:
    from datetime import datetime

    from reports.briefing import build_briefing
    from reports.render import render_html

    with Store("sqlite:///:memory:") as store:
        briefing = build_briefing(store, range_period(date(2025, 1, 1), date(2025, 3, 31)), title="T",
                                  generated_at=datetime(2025, 4, 1))
    printed = render_html(briefing, {}, for_print=True)
    assert briefing.summary is not None and briefing.summary.sources == ()
    assert "No releases were published in this period" in printed and "0 figures and 0 engagements" in printed


def test_a_quarter_lists_a_trip_of_several_engagements_as_one_line(sample: Path) -> None:
    from datetime import datetime

    from reports.briefing import build_briefing
    from reports.pipeline import ensure_extracted

    quarter = range_period(date(2026, 1, 1), date(2026, 3, 31))
    with Store("sqlite:///:memory:") as store:
        collect_files(store, [sample])
        ensure_extracted(store, store.releases_between(quarter.start, quarter.end))
        briefing = build_briefing(store, quarter, title="T", generated_at=datetime(2026, 4, 1))
    (trip,) = briefing.summary.trips
    assert trip.label.startswith("Washington, D.C.") and trip.label.endswith("8 engagements")
    assert "Jamieson Greer" in trip.counterparts and len(trip.cites) == 3 and trip.more == 5


def test_a_one_year_trend_axis_names_the_months_in_the_briefing_language() -> None:
    from datetime import datetime

    from reports.briefing import build_briefing
    from reports.pipeline import ensure_extracted

    with Store("sqlite:///:memory:") as store:
        collect_files(store, [FIXTURES / "year-2025.txt"])
        ensure_extracted(store, store.releases_between(YEAR.start, YEAR.end))
        briefing = build_briefing(store, YEAR, title="T", generated_at=datetime(2026, 1, 5), locale="ko")
    ict = next(spec for spec in briefing.summary.trends if spec.title.startswith("ICT exports by month"))
    assert list(ict.data["period"]) == ["3월", "6월", "9월"]
