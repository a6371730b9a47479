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
        [kept] = store.release_versions(release.id)  # the replaced text, with what was read from it
        assert (kept.body, kept.body_sha256, kept.metrics) == (release.body, release.body_sha256, (metric,))


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


def test_deliveries_holds_approvals_and_fetch_state_are_kept_and_updated(store_url: str) -> None:
    with Store(store_url) as store:
        store.record_delivery("2026-W03", "ana@example.org", "aa", "failed", 3, "451 try later")
        assert store.delivered("2026-W03", "ana@example.org") is None
        store.record_delivery("2026-W03", "ana@example.org", "aa", "sent", 4)
        found = store.delivered("2026-W03", "ana@example.org")
        assert (found["status"], found["attempts"], found["error"]) == ("sent", 4, None) and found["sent_at"]
        assert len(store.deliveries("2026-W03")) == 1  # one row per (period, recipient, pdf): updated
        store.hold_period("2026-W04", "week", "source a failed")
        store.hold_period("2026-W04", "week", "source b failed")
        assert store.held_periods("week") == ["2026-W04"] and store.held_periods("month") == []
        store.release_period("2026-W04")
        assert store.held_periods("week") == []
        store.hold_for_approval("2026-01", ["rev@example.org"])
        store.mark_approved("2026-01")
        store.hold_for_approval("2026-01", ["other@example.org"])  # an approved period stays approved
        assert store.approval("2026-01")["status"] == "approved"
        assert store.approval("2026-01")["reviewers"] == ["rev@example.org"]
        assert store.awaiting_approval() == []
        store.save_fetch_state("https://example.org/feed", '"e1"', None, 200)
        store.save_fetch_state("https://example.org/feed", '"e2"', "Tue, 13 Jan 2026 08:00:00 GMT", 200)
        assert store.fetch_state("https://example.org/feed") == ('"e2"', "Tue, 13 Jan 2026 08:00:00 GMT")
        store.record_collection("motir", "HTTP 503")
        store.record_collection("motir")
        assert store.last_collections()["motir"][1] is None


def test_releases_order_and_figures_keep_their_precision_alike_on_both_back_ends(
    store_url: str, sample: Path
) -> None:
    base = parse_dump_file(sample).releases[0]
    titles = ["b export", "B export", "a export", "Ä export", "_ export"]
    releases = [replace(base, id=f"r{n}", title=title) for n, title in enumerate(titles)]
    value = 264_312_345_678.125
    with Store(store_url) as store:
        for release in releases:
            store.upsert_release(release)
        metric = Metric("r0", "ICT exports", value, "USD", "2025", "q", (0, 1), metric_id="exports.ict")
        store.save_extraction("r0", [metric], [], "v1")
        ordered = [r.title for r in store.releases_between(base.published, base.published)]
        assert ordered == sorted(titles)  # code point order, as SQLite compares text
        assert store.db.execute("SELECT value FROM metrics").fetchone()[0] == value
        [stated] = store.history(["exports.ict"])["exports.ict"]
        assert stated.published == base.published and stated.metric.value == value
        assert store.newest_release_dates(base.published) == {base.source: base.published}
        expected = [r.id for r in sorted(releases, key=lambda r: r.title)]
        assert [r.id for r in store.releases_of(base.source, base.published, base.published)] == expected
