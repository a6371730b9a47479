from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from reports.collect.dump import parse_dump_file
from reports.records import Change, Meeting, Metric
from reports.store import SCHEMA_VERSION, Store


def test_ingesting_the_sample_twice_leaves_ten_releases(store_url: str, sample: Path) -> None:
    releases = parse_dump_file(sample).releases
    with Store(store_url) as store:
        first = [store.upsert_release(r) for r in releases]
        second = [store.upsert_release(r) for r in releases]
        assert first == ["new"] * 10 and second == ["unchanged"] * 10
        assert store.count_releases() == 10
        assert store.schema_version == SCHEMA_VERSION


def test_a_changed_body_updates_the_release_and_drops_its_old_figures(store_url: str, sample: Path) -> None:
    release = parse_dump_file(sample).releases[0]
    with Store(store_url) as store:
        store.upsert_release(release)
        metric = Metric(release.id, "exports", 1.0, "USD", "2025", "q", (0, 1))
        store.save_extraction(release.id, [metric], [], "v1")
        changed = replace(release, body=release.body + " Corrected.")
        assert store.upsert_release(changed) == "updated"
        assert store.release(release.id).body.endswith("Corrected.")
        assert store.metrics_for([release.id]) == []
        assert store.unextracted([changed], "v1") == [changed]


def test_releases_are_queried_by_date_range(store_url: str, sample: Path) -> None:
    with Store(store_url) as store:
        for release in parse_dump_file(sample).releases:
            store.upsert_release(release)
        on_14th = store.releases_between(date(2026, 1, 14), date(2026, 1, 14))
        assert len(on_14th) == 8
        assert store.releases_between(date(2026, 2, 1), date(2026, 2, 28)) == []


def test_metrics_and_meetings_round_trip_through_the_store(store_url: str, sample: Path) -> None:
    release = parse_dump_file(sample).releases[0]
    metric = Metric(
        release.id,
        "ICT exports",
        2.643e11,
        "USD",
        "2025",
        "quote",
        (5, 50),
        metric_id="exports.ict",
        change=Change(12.4, "percent", "up", "yoy"),
        record=True,
    )
    meeting = Meeting(release.id, "Trade Minister", "Jamieson Greer", "quote", (0, 5), date=date(2026, 1, 13))
    with Store(store_url) as store:
        store.upsert_release(release)
        store.save_extraction(release.id, [metric], [meeting], "v1")
        assert store.metrics_for([release.id]) == [metric]
        assert store.meetings_for([release.id]) == [meeting]
        assert store.metric_history("exports.ict") == [(metric, store.release(release.id))]
        assert store.unextracted([release], "v1") == []


def test_runs_are_recorded_newest_first(store_url: str) -> None:
    with Store(store_url) as store:
        first = store.start_run("generate", "2026-01")
        store.finish_run(first, "ok", {"releases": 10})
        second = store.start_run("generate", "2026-02")
        store.finish_run(second, "failed", error="boom")
        runs = store.runs()
        assert [(r["period"], r["status"], r["counts"], r["error"]) for r in runs] == [
            ("2026-02", "failed", {}, "boom"),
            ("2026-01", "ok", {"releases": 10}, None),
        ]
