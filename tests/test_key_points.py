"""Key points: the sentences at the top of the briefing, as a reader finds them in the PDF and the HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reports.briefing import Figure, History, Quote
from reports.config import load_config
from reports.keypoints import key_points
from reports.periods import parse_month
from reports.pipeline import collect, generate
from reports.records import Change, Metric
from reports.store import Store
from tests.briefings import pdf_text


@pytest.fixture(scope="module", params=["en", "ko"])
def sample(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The built-in sample month (the store holds nothing earlier), in each locale."""
    output = tmp_path_factory.mktemp(f"sample-{request.param}")
    config = load_config(None)
    with Store(f"sqlite:///{output / 'brief.sqlite'}") as store:
        collect(store, config.sources)
        result = generate(store, config, parse_month("2026-01"), output=output, locale=request.param)
    folder = result.folder
    html = (folder / "briefing.html").read_text()
    return request.param, result.briefing, pdf_text(folder / "briefing.pdf"), html


EXPECTED = {
    "en": ("Key points",
           "ICT exports reached a record USD 264.3 billion in 2025, up 12.4% y/y [10].",
           "Trade Minister Yeo Han-koo held 8 engagements in Washington, D.C. on Jan 13–14, 2026, including "
           "one with Jamieson Greer, United States Trade Representative (USTR) [6].",
           "No earlier periods are stored yet"),
    "ko": ("핵심 요약",
           "2025 ICT exports 사상 최대 2643.0억 달러 기록(전년 대비 12.4% 증가) [10].",
           "Trade Minister Yeo Han-koo, 2026년 1월 13일~14일 Washington, D.C. 방문: "
           "Jamieson Greer(United States Trade Representative (USTR)) 등 일정 8건 [6].",
           "아직 저장된 이전 기간이 없습니다"),
}


def test_the_largest_record_leads_the_key_points_in_the_pdf(sample) -> None:
    locale, briefing, pdf, html = sample
    title, record, _, _ = EXPECTED[locale]
    assert title in pdf and record in pdf
    assert briefing.key_points[0].rule == "record"
    # The key points come before the headline cards: they are what a reader meets first.
    assert html.index('id="key-points"') < html.index('id="headlines"')


def test_the_trip_is_told_by_its_most_senior_counterpart(sample) -> None:
    locale, _, pdf, _ = sample
    assert EXPECTED[locale][2] in pdf


def test_three_to_six_sentences_each_cited_to_a_quote_the_html_holds(sample) -> None:
    _, briefing, _, html = sample
    assert 3 <= len(briefing.key_points) <= 6
    section = html[html.index('id="key-points"'):html.index("</section>", html.index('id="key-points"'))]
    items = re.findall(r'<li class="key-point".*?</li>', section, re.S)
    assert len(items) == len(briefing.key_points)
    for item in items:
        anchors = re.findall(r'href="#(q-\d+-\d+)">\[\d+\]</a>', item)
        assert anchors and all(f'id="{anchor}"' in html for anchor in anchors)


def test_one_month_store_says_plainly_that_no_earlier_period_is_stored(sample) -> None:
    locale, briefing, pdf, html = sample
    assert briefing.no_earlier_periods
    assert EXPECTED[locale][3] in pdf and EXPECTED[locale][3] in html


def test_the_biggest_mover_cites_both_periods_and_the_archive_note_goes(rich_folder: Path) -> None:
    pdf = pdf_text(rich_folder / "briefing.pdf")
    html = (rich_folder / "briefing.html").read_text()
    assert "Semiconductor exports reached a record USD 15.0 billion in Feb 2026" in pdf
    mover = re.search(r"Trade surplus rose 50\.0% from USD 8\.0 billion in Jan 2026 to USD 12\.0 billion "
                      r"in Feb 2026 \[(\d+)\] \[(\d+)\]\.", pdf)
    assert mover and mover[1] != mover[2]
    # Two single meetings, no trip: the more senior counterpart (a minister over a commissioner).
    assert "Trade Minister Kim Jung-kwan met Katherina Reiche, Federal Minister for Economic Affairs" in pdf
    assert "No earlier periods are stored yet" not in html


def _figure(subject: str, value: float, *, record: bool, confidence: str, ref: int) -> Figure:
    quote = f"{subject} reached a record."
    metric = Metric(f"r{ref}", subject, value, "USD", "2025", quote, (0, len(quote)), record=record,
                    confidence=confidence, change=Change(10.0, "percent", "up", "yoy"))  # type: ignore[arg-type]
    return Figure(metric, subject, Quote(ref, 1, quote, (0, len(quote))))


def test_a_low_confidence_figure_is_never_a_key_point() -> None:
    doubtful = _figure("Steel exports", 9.9e11, record=True, confidence="low", ref=1)
    certain = _figure("Ship exports", 3.0e10, record=True, confidence="high", ref=2)
    points = key_points([doubtful, certain], (), (), History(), "en")
    wanted = "Ship exports reached a record USD 30.0 billion in 2025, up 10.0% y/y"
    assert [p.text for p in points] == [wanted]
    assert key_points([doubtful], (), (), History(), "en") == ()
