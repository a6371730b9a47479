"""Freshness: per source, the releases collected for the period, the newest, and the last collection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports.archive import read_briefing
from reports.config import Config, EmailConfig, Source
from reports.deliver import compose
from reports.periods import parse_month
from reports.pipeline import collect, generate
from reports.resources import sample_corpus
from reports.store import Store
from tests.briefings import pdf_text

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def sample(sample_january):  # noqa: ANN001, ANN201
    folder = sample_january.folder
    return folder, pdf_text(folder / "briefing.pdf")


@pytest.fixture(scope="module")
def partial(tmp_path_factory: pytest.TempPathFactory):
    """The sample month with a second source that failed and a third with releases of other months only."""
    output = tmp_path_factory.mktemp("partial")
    config = Config(sources=(
        Source("motir", "dump", path=sample_corpus(), label="MOTIR"),
        Source("msit", "dump", path=output / "missing.txt", label="Ministry of Science and ICT"),
        Source("moef", "dump", path=FIXTURES / "meetings-march.txt", label="Ministry of Economy and Finance"),
    ))
    with Store(f"sqlite:///{output / 'brief.sqlite'}") as store:
        reports = collect(store, config.sources)
        assert [r.source for r in reports if r.failed] == ["msit"]
        folder = generate(store, config, parse_month("2026-01"), output=output).folder
    return folder, pdf_text(folder / "briefing.pdf"), (folder / "briefing.html").read_text()


def test_the_title_block_names_each_source_with_its_releases_and_newest_date(sample) -> None:
    _, pdf = sample
    cover = pdf[:pdf.index("Key points")]
    assert "Sources for this period" in cover
    assert "Ministry of Trade, Industry and Resources (MOTIR) 10 Jan 15, 2026 read" in cover
    assert "may be incomplete" not in pdf


def test_a_failed_source_is_a_visible_warning_on_the_cover(partial) -> None:
    _, pdf, html = partial
    cover = pdf[:pdf.index("Key points")]
    assert "The last collection of Ministry of Science and ICT failed (" in cover
    assert "Ministry of Science and ICT 0 — collection failed" in cover
    assert 'class="freshness-warning" role="alert"' in html


def test_a_source_with_no_release_in_the_period_is_a_warning(partial) -> None:
    _, pdf, _ = partial
    cover = pdf[:pdf.index("Key points")]
    assert ("Ministry of Economy and Finance has no release in this period: this briefing may be "
            "incomplete.") in cover
    # Its releases are of March: none is up to the period's end.
    assert "Ministry of Economy and Finance 0 — read" in cover


def test_the_manifest_records_each_source_s_freshness(partial) -> None:
    folder, _, _ = partial
    manifest = json.loads((folder / "manifest.json").read_text())
    rows = {row["source"]: row for row in manifest["summary"]["freshness"]}
    assert rows["motir"] == {"source": "motir", "label": "MOTIR", "releases": 10, "newest": "2026-01-15",
                             "last_collection_failed": None, "warning": None}
    assert rows["msit"]["warning"] == "failed" and "missing.txt" in rows["msit"]["last_collection_failed"]
    assert rows["moef"]["warning"] == "empty" and rows["moef"]["newest"] is None


def test_the_email_body_warns_of_the_failed_source_first(partial) -> None:
    folder, _, _ = partial
    message = compose(read_briefing(folder), EmailConfig(), ["analyst@example.org"])
    text = message.get_body(("plain",)).get_content()
    head = text[:text.index("Headline figures")]
    assert "The last collection of Ministry of Science and ICT failed (" in head
    assert "- MOTIR: 10 releases" in head
    html = message.get_body(("html",)).get_content()
    assert "Ministry of Economy and Finance has no release in this period" in html
