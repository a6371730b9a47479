"""Metric extraction speed: releases per second on a generated corpus, against quantulum3 in the same run.

    python benchmarks/bench_extract.py [--releases 10000] [--runs 5] [--baseline-subset 500]

The corpus is generated (seeded, so every run reads the same text) in the style of trade and industry
releases: a lead figure with its change, imports and the balance, a list of items, a list of
destinations, a record sentence and prose; about a third are engagement releases with no figures.
quantulum3 (a general quantity extractor) is slow, so it is timed on the first `--baseline-subset`
releases; its rate is still releases per second. Each figure is the median of `--runs` runs, each
starting with brief's memo caches empty.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reports.extract.metrics import extract_metrics  # noqa: E402
from reports.records import Release  # noqa: E402

PRODUCTS = [
    "semiconductor",
    "automobile",
    "steel",
    "petrochemical",
    "ship",
    "battery",
    "display",
    "cosmetics",
    "machinery",
    "bio-health",
    "computer",
    "mobile phone",
]
PLACES = [
    "China",
    "the United States",
    "ASEAN",
    "the European Union",
    "Japan",
    "India",
    "Vietnam",
    "Taiwan",
    "the Middle East",
    "Latin America",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PERSONS = ["Kim Min-seok", "Lee Ji-won", "Park Soo-jin", "Choi Dong-hyun"]


def _figure_release(rng: random.Random, n: int) -> Release:
    month, year = rng.choice(MONTHS), rng.choice([2024, 2025, 2026])
    product = rng.choice(PRODUCTS)
    up = rng.choice(["rose", "increased", "climbed", "jumped", "fell", "declined", "edged down"])
    sentences = [
        f"Korea's exports in {month} {year} totaled USD {rng.uniform(40, 70):.1f} billion, "
        f"{rng.choice(['up', 'down'])} {rng.uniform(0, 20):.1f} percent from a year earlier.",
        f"Imports {up} {rng.uniform(0, 15):.1f}% on-year to ${rng.uniform(30, 60):.2f} billion, resulting in "
        f"a trade surplus of ${rng.uniform(1, 12):.1f} billion.",
        f"{product.capitalize()} exports reached a record high of ${rng.uniform(1, 20):.1f} billion "
        f"(up {rng.uniform(1, 60):.1f} percent year-on-year), accounting for {rng.randint(5, 40)} percent "
        "of the total.",
        "By destination, exports increased to "
        + ", ".join(f"{p} (up {rng.uniform(0, 40):.1f} percent)" for p in rng.sample(PLACES, 4))
        + ".",
        f"By model, production was led by the Alpha ({rng.randint(100, 400) * 1000:,} units), followed by "
        f"the Beta ({rng.randint(50, 300) * 1000:,}) and the Gamma ({rng.randint(20, 200) * 1000:,}).",
        f"Daily average exports came to ${rng.uniform(1.5, 3.2):.2f} billion, while steel output fell "
        f"{rng.uniform(0, 9):.1f} percent to {rng.uniform(4, 6):.1f} million tons.",
        "The ministry said it will continue to support exporters facing tariff uncertainty and supply-chain "
        "risks.",
    ]
    rng.shuffle(sentences[2:])
    body = " ".join(sentences[: rng.randint(4, 7)])
    return Release(f"f{n}", "bench", f"{month} Exports Rise", body, date(year, 12, 1))


def _meeting_release(rng: random.Random, n: int) -> Release:
    body = (
        f"Trade Minister {rng.choice(PERSONS)} met with {rng.choice(PERSONS)}, Director of the Trade Office, "
        f"in Washington, D.C., on {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2026 (local time), to discuss "
        "supply chains and digital trade. The two sides agreed to keep in close contact."
    )
    return Release(f"m{n}", "bench", "Minister Meets Counterpart", body, date(2026, 1, 15))


def corpus(size: int, seed: int = 20260115) -> list[Release]:
    rng = random.Random(seed)
    return [
        _meeting_release(rng, n) if rng.random() < 1 / 3 else _figure_release(rng, n) for n in range(size)
    ]


def _cold() -> None:
    """Empty brief's memo caches, so no run profits from the text an earlier run read."""
    from reports.extract import catalog, metrics

    for cached in (
        *metrics._CACHES,
        catalog.metric_id_for,
        catalog.analyst_words,
    ):
        cached.cache_clear()


def _rate(releases: list[Release], extract, runs: int) -> tuple[float, int]:  # noqa: ANN001
    rate, _cpu, found = _rates(releases, extract, runs)
    return rate, found


def _rates(releases: list[Release], extract, runs: int) -> tuple[float, float, int]:  # noqa: ANN001
    """Median releases per wall-clock second and per CPU second (the second holds on a loaded machine)."""
    rates, cpu_rates, found = [], [], 0
    for _ in range(runs):
        _cold()
        start, cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract(release)) for release in releases)
        rates.append(len(releases) / (time.perf_counter() - start))
        cpu_rates.append(len(releases) / max(time.process_time() - cpu, 1e-9))
    return statistics.median(rates), statistics.median(cpu_rates), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-subset", type=int, default=500)
    args = parser.parse_args()
    releases = corpus(args.releases)
    ours, cpu, figures = _rates(releases, extract_metrics, args.runs)
    print(
        f"brief extract_metrics: {ours:,.0f} releases/s, {cpu:,.0f} per CPU second (median of {args.runs} "
        f"runs, {len(releases):,} releases, {figures:,} figures)"
    )
    try:
        from quantulum3 import parser as quantulum
    except ImportError:
        print("quantulum3 is not installed (pip install 'brief[bench]'): no baseline")
        return
    subset = releases[: args.baseline_subset]
    quantulum.parse(subset[0].body)  # load its models before timing
    theirs, quantities = _rate(subset, lambda r: quantulum.parse(r.body), args.runs)
    ours_subset, _ = _rate(subset, extract_metrics, args.runs)
    print(
        f"quantulum3 parse:      {theirs:,.0f} releases/s (median of {args.runs} runs, first {len(subset):,} "
        f"releases, {quantities:,} quantities)"
    )
    print(f"brief on that subset:  {ours_subset:,.0f} releases/s -> {ours_subset / theirs:.1f}x quantulum3")


if __name__ == "__main__":
    main()
