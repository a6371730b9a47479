"""The store's two back-ends side by side: SQLite (the baseline) and PostgreSQL.

    python benchmarks/bench_store.py                                  # 5,000 releases; review at 100,000
    python benchmarks/bench_store.py --sizes 1000 5000 --runs 3 --review-size 100000 --write

1. Ingest + extract + generate: `brief generate --input corpus.txt --from 2025-01-01 --to 2025-12-31
   --store URL` in a fresh process on a fresh store, the corpus made by bench_scale.make_corpus.
2. A `brief review` on a store of --review-size releases: the review of one month (review_period,
   in process, as `brief review --month 2025-06` runs it), and its store queries alone. The store is
   filled in bulk: bench_scale's 1,000-release year, extracted once, copied under 20 sources and
   back over 5 years (ids, sources, dates and the years in figure periods moved; figures as
   extracted), so the month holds about 1,700 releases and the history 100,000.

PostgreSQL is a throwaway server on 127.0.0.1 (the test suite's, tests/postgres.py), run with
fsync off like a test server: the figures compare the query work, not disk flushes. Medians of --runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_scale import YEAR, make_corpus, measure, write_section  # noqa: E402
from reports.postgres import PASSWORD_VARIABLE  # noqa: E402
from tests.postgres import PASSWORD, Server, postgres_server, unavailable  # noqa: E402

MONTH = "2025-06"
SOURCES = 20


def generate_run(size: int, url_for: Callable[[Path], str], timeout: float) -> float:
    with tempfile.TemporaryDirectory(prefix="brief-store-") as name:
        folder = Path(name)
        (folder / "corpus.txt").write_text(make_corpus(size), encoding="utf-8")
        args = ["-m", "reports", "generate", "--input", "corpus.txt", *YEAR, "--output", "out",
                "--store", url_for(folder)]
        wall, _, _, _, timed_out = measure(args, folder, timeout)
        return float("inf") if timed_out else wall


def fill(url: str, size: int) -> None:
    """A store of `size` releases with their figures and meetings, written in bulk."""
    from reports import extract as extraction
    from reports.collect.dump import parse_dump
    from reports.store import Store, _release_row

    template = parse_dump(make_corpus(1000), "corpus.txt", source="corpus").releases
    found = {r.id: extraction.extract(r) for r in template}
    copies = -(-size // len(template))
    with Store(url) as store:
        for copy in range(copies):
            shift = copy // SOURCES
            releases, metrics, meetings = [], [], []
            for release in template[: size - copy * len(template)]:
                moved = replace(release, id=f"{release.id}-{copy}", source=f"ministry-{copy % SOURCES}",
                                published=release.published.replace(year=release.published.year - shift))
                row = _release_row(moved)
                releases.append((*row.values(), extraction.VERSION))
                columns = [*row, "extracted_with"]
                for n, metric in enumerate(found[release.id].metrics):
                    period = _years_back(metric.period, shift)
                    data = {**metric.to_json(), "period": period}
                    metrics.append((moved.id, n, metric.metric_id, period, metric.value, metric.unit,
                                    json.dumps(data)))
                for n, meeting in enumerate(found[release.id].meetings):
                    meetings.append((moved.id, n, None, int(meeting.planned), json.dumps(meeting.to_json())))
            with store.db:
                store.db.executemany(f"INSERT INTO releases ({', '.join(columns)}) VALUES "
                                     f"({', '.join('?' for _ in columns)})", releases)
                store.db.executemany("INSERT INTO metrics (release_id, position, metric_id, period, value, "
                                     "unit, data) VALUES (?, ?, ?, ?, ?, ?, ?)", metrics)
                store.db.executemany("INSERT INTO meetings (release_id, position, date, planned, data) "
                                     "VALUES (?, ?, ?, ?, ?)", meetings)
        if store.backend == "postgresql":
            store.db.execute("ANALYZE")
        assert store.count_releases() == size, store.count_releases()


def _years_back(period: str | None, years: int) -> str | None:
    return re.sub(r"\b(20\d\d)\b", lambda m: str(int(m[1]) - years), period) if period else period


def review_times(url: str, runs: int) -> dict[str, float]:
    """Medians, in seconds, of the month's review and of its store queries alone."""
    from reports.config import load_config
    from reports.periods import parse_month
    from reports.review import review_period
    from reports.store import Store

    config, period = load_config(None), parse_month(MONTH)
    times: dict[str, list[float]] = {"review (whole)": [], "releases_between": [], "metrics_between": [],
                                     "history (every id)": [], "history: the SQL alone": []}
    with Store(url) as store:
        for _ in range(runs):
            start = time.perf_counter()
            review = review_period(store, config, period)
            times["review (whole)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            releases = store.releases_between(period.start, period.end)
            times["releases_between"].append(time.perf_counter() - start)
            start = time.perf_counter()
            metrics = store.metrics_between(period.start, period.end)
            times["metrics_between"].append(time.perf_counter() - start)
            ids = {m.metric_id for m in metrics if m.metric_id}
            start = time.perf_counter()
            stated = store.history(ids)
            times["history (every id)"].append(time.perf_counter() - start)
            start = time.perf_counter()  # the same query, its rows fetched but not decoded into records
            store.db.execute(
                "SELECT m.metric_id, m.release_id, m.data, r.published FROM metrics m JOIN releases r "
                f"ON r.id = m.release_id WHERE m.metric_id IN ({', '.join('?' for _ in ids)}) "
                "ORDER BY r.published, r.title, r.id, m.position", sorted(ids)).fetchall()
            times["history: the SQL alone"].append(time.perf_counter() - start)
        print(f"  {len(releases)} releases in {MONTH}, {len(metrics)} figures, {len(review.items)} listed, "
              f"{sum(map(len, stated.values()))} history rows", file=sys.stderr, flush=True)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--review-size", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--write", action="store_true", help="write the section into benchmarks/RESULTS.md")
    parser.add_argument("--review-only", action="store_true", help="skip the generate runs")
    args = parser.parse_args()
    reason = unavailable()
    if reason:
        raise SystemExit(f"bench_store: {reason}")
    os.environ[PASSWORD_VARIABLE] = PASSWORD
    with ExitStack() as stack:
        server: Server = stack.enter_context(postgres_server())
        backends: dict[str, Callable[[Path], str]] = {
            "SQLite": lambda folder: f"sqlite:///{folder / 'brief.sqlite'}",
            "PostgreSQL": lambda folder: server.new_database(),
        }
        generate: dict[tuple[int, str], float] = {}
        for size in [] if args.review_only else args.sizes:
            for name, url_for in backends.items():
                walls = [generate_run(size, url_for, args.timeout) for _ in range(args.runs)]
                generate[size, name] = statistics.median(walls)
                print(f"generate {size} {name}: {[round(w, 1) for w in walls]}", file=sys.stderr, flush=True)
        review: dict[str, dict[str, float]] = {}
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="brief-store-"))
        for name, url_for in backends.items():
            url = url_for(Path(folder))
            start = time.perf_counter()
            fill(url, args.review_size)
            print(f"filled {name} with {args.review_size} releases in {time.perf_counter() - start:.0f} s",
                  file=sys.stderr, flush=True)
            review[name] = review_times(url, args.runs)
            print(f"review {name}: {review[name]}", file=sys.stderr, flush=True)
    command = "python benchmarks/bench_store.py " + " ".join(sys.argv[1:])
    section = report(generate, review, args, command.strip())
    print(section)
    if args.write:
        write_section(section, "## Store back-ends")


def report(generate: dict[tuple[int, str], float], review: dict[str, dict[str, float]],
           args: argparse.Namespace, command: str) -> str:
    load = os.getloadavg()
    lines = [
        "## Store back-ends",
        "",
        f"Command: `{command}` (from the checkout root). {date.today().isoformat()}, "
        f"Python {platform.python_version()}, "
        f"{os.cpu_count()} cores shared (load {load[0]:.1f} at the end). Medians of {args.runs} runs; "
        "the baseline is SQLite in the same run; PostgreSQL a local server on 127.0.0.1 (fsync off).",
        "",
        "Ingest + extract + generate (`brief generate --input corpus.txt` over 2025, fresh process and "
        "store):",
        "",
        "| releases | SQLite | PostgreSQL | PostgreSQL / SQLite |",
        "|---:|---:|---:|---:|",
    ]
    for size in [] if args.review_only else args.sizes:
        lite, pg = generate[size, "SQLite"], generate[size, "PostgreSQL"]
        lines.append(f"| {size:,} | {lite:.1f} s | {pg:.1f} s | {pg / lite:.2f} |")
    lines += [
        "",
        f"`brief review --month {MONTH}` on a store of {args.review_size:,} releases (in process, "
        "store open):",
        "",
        "| step | SQLite | PostgreSQL | PostgreSQL / SQLite |",
        "|---|---:|---:|---:|",
    ]
    for step in review["SQLite"]:
        lite, pg = review["SQLite"][step], review["PostgreSQL"][step]
        lines.append(f"| {step} | {lite * 1000:,.0f} ms | {pg * 1000:,.0f} ms | {pg / lite:.2f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
