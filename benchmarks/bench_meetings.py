"""Meeting extraction speed: releases per second, with metric extraction of the same releases as baseline.

    python benchmarks/bench_meetings.py [--copies 40] [--runs 5]

The corpus is the repository's gold dump files (the sample month, the hand-written meeting releases and
the hand-written metric releases), repeated `--copies` times; each run extracts every release once.
Prints the medians and the ratio, as recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reports.collect.dump import parse_dump_file  # noqa: E402
from reports.extract.meetings import extract_meetings  # noqa: E402
from reports.extract.metrics import extract_metrics  # noqa: E402
from reports.records import Release  # noqa: E402

GOLD = ROOT / "tests" / "gold"
FILES = ("meetings-sample.txt", "meetings-written.txt", "metrics-written.txt")


def corpus(copies: int) -> list[Release]:
    releases = [r for name in FILES for r in parse_dump_file(GOLD / name).releases]
    return releases * copies


def rate(extract, releases: list[Release], runs: int) -> tuple[float, int]:  # noqa: ANN001
    """Median releases per second over `runs` passes, and what one pass found."""
    found, speeds = 0, []
    for _ in range(runs):
        start = time.perf_counter()
        found = sum(len(extract(release)) for release in releases)
        speeds.append(len(releases) / (time.perf_counter() - start))
    return statistics.median(speeds), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    releases = corpus(args.copies)
    extract_meetings(releases[0]), extract_metrics(releases[0])  # load word lists and patterns once
    meetings, found_meetings = rate(extract_meetings, releases, args.runs)
    metrics, found_metrics = rate(extract_metrics, releases, args.runs)
    print(f"releases: {len(releases)} ({len(FILES)} gold files x {args.copies})")
    print(f"extract_meetings: {meetings:,.0f} releases/s (median of {args.runs}), {found_meetings} meetings")
    print(f"extract_metrics:  {metrics:,.0f} releases/s (median of {args.runs}), {found_metrics} figures")
    print(f"ratio: meetings at {meetings / metrics:.2f} x the speed of metrics")


if __name__ == "__main__":
    main()
