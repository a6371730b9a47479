"""Briefings with every part filled in (figures, charts, checks, meetings), for the render tests.

Figures and meetings are put in the store as extraction would, so the layout is
tested whatever the extractors find in the sample today.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest
from pypdf import PdfReader

from reports import extract as extraction
from reports.collect.dump import parse_dump_file
from reports.config import Config, Source
from reports.periods import parse_month
from reports.pipeline import generate
from reports.records import Change, Meeting, Metric, Release
from reports.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MARCH = "2026-03"  # the month the rich store's briefing is about
EPOCH = "1772445600"  # 2026-03-02 10:00 UTC, 19:00 in Seoul


@pytest.fixture(scope="session")
def sample_january(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a pipeline.Generated
    """The built-in sample's January 2026 generated in process once for the session; tests only read it."""
    from reports.config import load_config
    from reports.pipeline import collect

    output = tmp_path_factory.mktemp("sample-january")
    config = load_config(None)
    with Store(f"sqlite:///{output / 'brief.sqlite'}") as store:
        collect(store, config.sources)
        return generate(store, config, parse_month("2026-01"), output=output)


def page_texts(pdf: Path | BinaryIO) -> list[str]:
    """Each page's text, its whitespace collapsed, as a reader would search it."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def pdf_text(pdf: Path | BinaryIO) -> str:
    """The whole PDF's text as one line."""
    return " ".join(page_texts(pdf))


def sentence(release: Release, fragment: str) -> tuple[str, tuple[int, int]]:
    """The sentence of `release` holding `fragment`, with its span."""
    at = release.body.index(fragment)
    start = release.body.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = release.body.find(". ", at)
    end = len(release.body) if end < 0 else end + 1
    return release.body[start:end], (start, end)


def metric(release: Release, fragment: str, subject: str, value: float | None, unit: str | None,
           period: str, **fields) -> Metric:
    quote, span = sentence(release, fragment)
    return Metric(release.id, subject, value, unit, period, quote, span, **fields)


def yoy(value: float, direction: str = "up") -> Change:
    return Change(value, "percent", direction, "yoy")


def _monthly(release: Release, month: str, exports: float, imports: float, balance: float,
             change: float) -> list[Metric]:
    return [
        metric(release, "totaled", "exports", exports, "USD", month, metric_id="exports.total",
               change=yoy(change)),
        metric(release, "Imports came", "imports", imports, "USD", month, metric_id="imports.total"),
        metric(release, "trade surplus", "trade surplus", balance, "USD", month,
               metric_id="trade_balance.total"),
    ]


def _meeting(release: Release, fragment: str, day: date, counterpart: str, role: str, location: str,
             topic: str, kind: str = "meeting") -> Meeting:
    quote, span = sentence(release, fragment)
    return Meeting(release.id, "Trade Minister Kim Jung-kwan", counterpart, quote, span, day, role, None,
                   location, topic, kind)


def rich_store(url: str = "sqlite:///:memory:") -> Store:
    """Three months of trade figures and two March engagements, as extraction would store them."""
    december, january, february = parse_dump_file(FIXTURES / "three-months.txt").releases
    brussels, berlin = parse_dump_file(FIXTURES / "meetings-march.txt").releases
    store = Store(url)
    found: dict[Release, tuple[list[Metric], list[Meeting]]] = {
        december: (_monthly(december, "2025-12", 60.0e9, 50.0e9, 10.0e9, 13.4), []),
        january: (_monthly(january, "2026-01", 55.0e9, 47.0e9, 8.0e9, 10.0), []),
        february: ([
            *_monthly(february, "2026-02", 58.0e9, 49.0e9, 12.0e9, 7.0),
            *[metric(february, "By region", f"exports to {member}", None, None, "2026-02",
                     change=yoy(abs(v), "up" if v > 0 else "down"), dimension="region", member=member)
              for member, v in (("ASEAN", 12.5), ("the United States", 4.0), ("China", -3.1))],
            metric(february, "Semiconductor", "semiconductor exports", 15.0e9, "USD", "2026-02",
                   metric_id="exports.semiconductors", record=True),
            metric(february, "memory chips", "memory chip exports", 10.5e9, "USD", "2026-02",
                   metric_id="exports.semiconductors.memory"),
        ], []),
        brussels: ([], [_meeting(brussels, "Sefcovic", date(2026, 3, 9), "Maros Sefcovic",
                                 "European Commissioner for Trade", "Brussels",
                                 "steel safeguard measures; critical minerals")]),
        berlin: ([], [_meeting(berlin, "Reiche", date(2026, 3, 11), "Katherina Reiche",
                               "Federal Minister for Economic Affairs", "Berlin",
                               "hydrogen, batteries and advanced manufacturing", "talks")]),
    }
    for release, (metrics, meetings) in found.items():
        store.upsert_release(release)
        store.save_extraction(release.id, metrics, meetings, extraction.VERSION)
    return store


def generate_rich(output: Path, locale: str = "en", **config: object) -> Path:
    """The March briefing of the rich store, generated at a fixed time into output/2026-03."""
    settings = Config(sources=(Source("motir", "dump", path=output / "none.txt", label="MOTIR"),), **config)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return generate(rich_store(), settings, parse_month(MARCH), output=output, locale=locale).folder


@pytest.fixture(scope="session")
def rich_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rich March briefing, generated once for every module that reads it."""
    return generate_rich(tmp_path_factory.mktemp("rich"))


# Long enough to wrap over five or more lines: rows of that height could be split, were they allowed.
LONG_LABEL = ("a long description of the item as a release might give it, with its grade, its use, the "
              "markets it is shipped to and the firms that make it, so that the row is tall")


def long_table_store(rows: int = 70) -> Store:
    """One release stating many figures whose labels wrap over lines: a table that runs over pages."""
    from reports.collect.dump import parse_dump

    sentences = [f"Exports of item {n} reached USD {n}.5 billion." for n in range(rows)]
    text = "-\nTrade/Investment\nExports by item, February 2026\n" + " ".join(sentences) + " date2026-03-02\n"
    (release,) = parse_dump(text).releases
    metrics = [
        metric(release, f"item {n} ", f"exports of alpha{n} goods, {LONG_LABEL} omega{n}", n * 1e9 + 0.5e9,
               "USD", "2026-02")
        for n in range(rows)
    ]
    store = Store("sqlite:///:memory:")
    store.upsert_release(release)
    store.save_extraction(release.id, metrics, [], extraction.VERSION)
    return store
