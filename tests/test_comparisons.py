"""Headline figures beside their changes: stated by the text and computed from two stored levels.

The corpus is fourteen months of monthly trade releases (Jan 2025 to Feb 2026), each published on the
first of the next month, so the March 2026 briefing (of the February figures) has a previous month
and a year before stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.config import Config, Source
from reports.periods import parse_month
from reports.pipeline import collect, generate
from reports.store import Store
from tests.briefings import pdf_text

CORPUS = Path(__file__).resolve().parent / "fixtures" / "trade-14-months.txt"


@pytest.fixture(scope="module", params=["en", "ko"])
def february(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    output = tmp_path_factory.mktemp(f"year-{request.param}")
    config = Config(sources=(Source("motir", "dump", path=CORPUS, label="MOTIR"),))
    with Store(f"sqlite:///{output / 'brief.sqlite'}") as store:
        collect(store, config.sources)
        result = generate(store, config, parse_month("2026-03"), output=output, locale=request.param)
    pdf = pdf_text(result.folder / "briefing.pdf")
    return request.param, result.briefing, pdf, (result.folder / "briefing.html").read_text()


def _card(briefing, label: str):  # noqa: ANN001, ANN202
    return next(h for h in briefing.headlines if h.label == label)


def test_the_year_on_year_change_is_stated_and_computed_side_by_side(february) -> None:
    locale, briefing, pdf, _ = february
    exports = _card(briefing, "Exports")
    yoy = next(c for c in exports.figure.comparisons if c.basis == "yoy")
    assert (yoy.stated, yoy.computed) == (
        "+12.0% y/y" if locale == "en" else "+12.0% 전년 대비", "+12.0%")  # 58.9 / 52.6 = +11.98%
    if locale == "en":
        assert "vs a year before (Feb 2025): +12.0% y/y STATED · +12.0% COMPUTED [" in pdf
    else:
        assert "전년 동기 대비 (2025년 2월): +12.0% 전년 대비 발표 · +12.0% 계산 [" in pdf


def test_a_change_the_text_does_not_state_is_computed_from_the_stored_month(february) -> None:
    locale, briefing, pdf, _ = february
    exports = _card(briefing, "Exports").figure
    previous = next(c for c in exports.comparisons if c.basis == "prev")
    assert previous not in exports.card_comparisons  # the card says it on its "vs Jan 2026" line
    assert (previous.stated, previous.computed) == ("", "−10.5%")  # 58.9 / 65.8
    assert previous.earlier is not None and previous.earlier.period == "2026-01"
    wanted = "vs Jan 2026: USD 65.8 billion (−10.5%) [" if locale == "en" else \
        "vs 2026년 1월: 658.0억 달러 (−10.5%) ["
    assert wanted in pdf


def test_the_monthly_line_holds_all_fourteen_stored_months(february) -> None:
    _, briefing, _, html = february
    lines = [spec for spec in briefing.charts if spec.kind == "line" and spec.title.startswith("Exports,")]
    assert lines and len(lines[0].data.rows if hasattr(lines[0].data, "rows") else lines[0].data) >= 12
    assert "Exports, Jan 2025 to Feb 2026" in html
    assert not briefing.no_earlier_periods


def test_key_points_tell_the_lead_figure_and_the_biggest_mover(february) -> None:
    locale, _, pdf, _ = february
    if locale == "en":
        assert "Exports stood at USD 58.9 billion in Feb 2026, up 12.0% y/y [1]." in pdf
        assert "fell 10.5% from USD 57.9 billion in Jan 2026 to USD 51.8 billion in Feb 2026 [1] [2]." in pdf
    else:
        assert "2026년 2월 Exports 589.0억 달러(전년 대비 12.0% 증가) [1]." in pdf


def test_a_topic_line_keeps_the_last_24_months_and_no_doubtful_or_part_month_figure() -> None:
    from datetime import date

    from charts.plan import plan_topic_charts
    from reports.briefing import Figure, History, Quote, _TopicDraft
    from reports.records import Metric
    from reports.store import Stated

    def stated(period: str, value: float, confidence: str = "high") -> Stated:
        metric = Metric("r", "exports", value, "USD", period, "q", (0, 1), metric_id="exports.total",
                        confidence=confidence)  # type: ignore[arg-type]
        return Stated(metric, date(2026, 3, 1))

    months = [f"{2023 + (n // 12)}-{n % 12 + 1:02d}" for n in range(38)]  # Jan 2023 to Feb 2026
    rows = [stated(month, 50e9 + n * 1e9) for n, month in enumerate(months)]
    rows[-2] = stated(months[-2], 99e9, "low")  # Jan 2026 read with doubts
    rows.append(stated("2026-02-01/2026-02-20", 40e9))  # part of February: never a point of the line
    figure = Figure(stated(months[-1], 87e9).metric, "Exports", Quote(1, 1, "q", (0, 1)))
    topic = _TopicDraft("Trade", "sec-trade", (figure,))
    charts = plan_topic_charts(topic, History({"exports.total": rows}))
    [line] = [spec for spec in charts if spec.kind == "line"]
    periods = line.data["period"]
    assert len(periods) == 24  # the last 24 trusted months: the doubtful January is left out
    assert periods[0] == "Feb 2024" and periods[-1] == "Feb 2026" and "Jan 2026" not in periods
