"""The briefing reads the store in a few set-based queries, never a release's text with its history.

A long period's cost must grow with its releases, not with their square: the number of
queries does not grow with the figures, and no query over the stored figures carries
release bodies (a 600 KB release would otherwise be read once per figure).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reports import extract as extraction
from reports.briefing import build_briefing
from reports.periods import parse_month
from reports.records import Change, Metric, Release
from reports.store import Store

NOW = datetime(2026, 2, 2, 9, 0)
LEAD = "Exports totaled USD 60.0 billion in December 2025."


def _release(title: str, day: date, body: str) -> Release:
    return Release(id=title.lower().replace(" ", "-"), source="motir", title=title, body=body, published=day)


def _exports(release: Release, period: str, value: float, n: int = 0) -> Metric:
    sentence = release.body.split(". ")[0] + "."
    return Metric(release.id, f"exports {n}" if n else "exports", value, "USD", period, sentence,
                  (0, len(sentence)), metric_id="exports.total" if not n else f"exports.item{n}",
                  change=Change(5.0, "percent", "up", "mom"))


def _store(figures: int) -> Store:
    """December's release with a 600 KB body, and January's release stating `figures` figures."""
    store = Store("sqlite:///:memory:")
    december = _release("December trade", date(2025, 12, 31), LEAD + " " + "Background. " * 50_000)
    january = _release("January trade", date(2026, 1, 20), "Exports totaled USD 63.0 billion in 2026-01.")
    assert len(december.body) > 600_000
    stored = {
        december: [_exports(december, "2025-12", 60.0e9), *(_exports(december, "2025-12", 1e9, n)
                                                            for n in range(1, figures))],
        january: [_exports(january, "2026-01", 63.0e9), *(_exports(january, "2026-01", 1.05e9, n)
                                                          for n in range(1, figures))],
    }
    for release, metrics in stored.items():
        store.upsert_release(release)
        store.save_extraction(release.id, metrics, [], extraction.VERSION)
    return store


def _build_traced(store: Store) -> tuple[object, list[str]]:
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    try:
        briefing = build_briefing(store, parse_month("2026-01"), title="T", generated_at=NOW)
    finally:
        store.db.set_trace_callback(None)
    return briefing, [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_no_query_over_stored_figures_reads_a_release_body() -> None:
    briefing, selects = _build_traced(_store(3))
    lead = next(f for f in briefing.figures if f.metric.metric_id == "exports.total")
    # The 600 KB December release is still compared with and cited...
    assert lead.earlier is not None and lead.earlier.period == "2025-12" and lead.earlier.value == 60.0e9
    assert any(c.kind == "change" for c in briefing.checks)
    # ...but the queries that read figures never carry a release's text.
    reading_figures = [s for s in selects if "FROM metrics" in s or "JOIN metrics" in s]
    assert reading_figures
    for statement in reading_figures:
        assert "body" not in statement.split("FROM")[0], statement


def test_the_number_of_queries_does_not_grow_with_the_figures() -> None:
    _, few = _build_traced(_store(2))
    _, many = _build_traced(_store(40))
    assert len(many) == len(few) <= 8


@pytest.mark.parametrize("figures", [2, 40])
def test_the_history_query_returns_no_release_columns_but_the_date(figures: int) -> None:
    store = _store(figures)
    history = store.history(["exports.total"])
    assert [(row.metric.period, row.published) for row in history["exports.total"]] == [
        ("2025-12", date(2025, 12, 31)), ("2026-01", date(2026, 1, 20))]
    assert not hasattr(history["exports.total"][0], "release")


def test_ingest_and_extraction_commit_per_batch_not_per_release(tmp_path) -> None:  # noqa: ANN001
    from pathlib import Path

    from reports.pipeline import collect_files, ensure_extracted

    store = Store(f"sqlite:///{tmp_path / 'brief.sqlite'}")
    statements: list[str] = []
    store.db.set_trace_callback(statements.append)
    (report,) = collect_files(store, [Path(__file__).parent / "fixtures" / "year-2025.txt"])
    ingest_commits = sum(s.strip().upper() == "COMMIT" for s in statements)
    releases = store.releases_between(date(2025, 1, 1), date(2025, 12, 31))
    statements.clear()
    assert ensure_extracted(store, releases) == 40
    extract_commits = sum(s.strip().upper() == "COMMIT" for s in statements)
    store.db.set_trace_callback(None)
    assert report.new == len(releases) == 40
    assert ingest_commits == 1 and extract_commits == 1
    # Committed: a second connection sees every release extracted.
    with Store(f"sqlite:///{tmp_path / 'brief.sqlite'}") as other:
        assert other.unextracted(releases, extraction.VERSION) == []


def test_only_earlier_releases_not_yet_extracted_are_read_for_the_history(sample) -> None:  # noqa: ANN001
    from reports.collect.dump import parse_dump_file

    store = Store("sqlite:///:memory:")
    releases = parse_dump_file(sample).releases
    for release in releases:
        store.upsert_release(release)
    first, last = min(r.published for r in releases), max(r.published for r in releases)
    assert len(store.unextracted_between(first, last, extraction.VERSION)) == len(releases)
    store.save_extraction(releases[0].id, [], [], extraction.VERSION)
    pending = store.unextracted_between(first, last, extraction.VERSION)
    assert {r.id for r in pending} == {r.id for r in releases[1:]}
