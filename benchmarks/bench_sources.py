"""Benchmark of live-source collection on the test fixture site, served on 127.0.0.1.

    python benchmarks/bench_sources.py [--repeat 15]

Measures, with medians over --repeat runs (politeness delay 0, nothing leaves the machine):
- a first collection of the fixture board (3 list pages, 5 release pages) and its RSS/Atom feeds
  into an empty store, against a second collection of the same (release pages and the Atom feed
  answered 304): the ratio is what conditional GET saves;
- html_text (clean text, paragraphs kept) against BeautifulSoup's plain get_text on the same
  release pages: the ratio is the price of cleaning.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup  # noqa: E402

from reports import pipeline  # noqa: E402
from reports.collect.fetch import Fetcher, FetchSettings  # noqa: E402
from reports.collect.web import html_text  # noqa: E402
from reports.periods import month_period  # noqa: E402
from reports.store import Store  # noqa: E402
from tests.test_sources import Site, _handler, atom, board, rss  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def collection(site: Site, repeat: int) -> tuple[list[float], list[float]]:
    first, second = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/b.sqlite") as store:
            sources = [board(site), rss(site), atom(site)]
            for times in (first, second):
                fetcher = Fetcher(FetchSettings(delay=0, backoff=0), store=store)
                start = time.perf_counter()
                reports = pipeline.collect(store, sources, month_period(2026, 1), fetcher=fetcher)
                times.append(time.perf_counter() - start)
                fetcher.close()
                assert not any(r.failed for r in reports)
    return first, second


def cleaning(repeat: int) -> tuple[list[float], list[float]]:
    pages = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "tests/fixtures/web/board/view").glob("1*.html"))
        if p.name != "103.html"
    ]
    clean, plain = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            html_text(page)
        clean.append((time.perf_counter() - start) / len(pages))
        start = time.perf_counter()
        for page in pages:
            BeautifulSoup(page, "lxml").get_text()
        plain.append((time.perf_counter() - start) / len(pages))
    return clean, plain


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    from http.server import ThreadingHTTPServer

    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        first, second = collection(site, args.repeat)
        clean, plain = cleaning(args.repeat * 10)
    finally:
        httpd.shutdown()
    print(f"collect, empty store (board + RSS + Atom): median {median_ms(first):.1f} ms")
    print(
        f"collect again (304s):                      median {median_ms(second):.1f} ms"
        f"  ratio {statistics.median(second) / statistics.median(first):.2f}"
    )
    print(f"html_text per page:                        median {median_ms(clean):.2f} ms")
    print(
        f"BeautifulSoup get_text per page:           median {median_ms(plain):.2f} ms"
        f"  html_text/get_text {statistics.median(clean) / statistics.median(plain):.2f}"
    )


if __name__ == "__main__":
    main()
