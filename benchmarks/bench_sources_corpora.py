"""How the live sources do on real feeds and article pages nobody on the project wrote.

    python benchmarks/bench_sources_corpora.py [--only feeds|articles] [--details]

Serves the corpora's feeds and pages on 127.0.0.1 (tests/corpora.py) and collects each one into a
fresh store with `timezone = "UTC"`, as the corpora's README describes. Prints:
- feeds failed whole (expected entries > 0, nothing read), and silent losses (expected entries
  neither ingested nor rejected);
- the share of entry dates the peer parser read that brief stores on the same UTC day;
- article-body token F1 of brief (a one-entry feed per page, `article = "auto"`, no body selector)
  against trafilatura alone on the same bytes (default options, and favor_precision as brief
  calls it), over all pages and over the held-out half (pages whose id sorts in the second half:
  brief's trafilatura options were chosen on the first half only);
- the median time per feed and per article.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import corpora  # noqa: E402


def feeds(server: corpora.CorpusServer, details: bool) -> None:
    checks, times = [], []
    rows = corpora.manifest(corpora.FEEDS)
    for row in rows:
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            outcome = corpora.collect_in_process(server.feed_url(row["file"]), Path(folder))
            times.append(time.perf_counter() - start)
        check = corpora.check_feed(row, outcome)
        checks.append(check)
        if details and (check.failed_whole or check.lost or check.wrong):
            print(f"  {row['file']}: failed={outcome.failed!r} lost={check.lost}")
            for line in check.wrong[:3]:
                print(f"      {line}")
    readable = [c for c in checks if c.expected > 0]
    failed = [c for c in readable if c.failed_whole]
    for kind in ("real", "broken"):
        of_kind = [c for c, row in zip(checks, rows, strict=True) if row["set"] == kind and c.expected > 0]
        failed_whole = sum(c.failed_whole for c in of_kind)
        print(f"  {kind} feeds with entries: {len(of_kind)}, failed whole {failed_whole}")
    dated = sum(c.dated for c in checks)
    right = sum(c.right_day for c in checks)
    print(f"feeds: {len(checks)} ({len(readable)} with entries, {sum(c.expected for c in checks)} entries)")
    print(
        f"  failed whole: {len(failed)} of {len(readable)} "
        f"({sum(c.expected for c in failed)} entries){': ' if failed else ''}"
        + ", ".join(c.file for c in failed)
    )
    lossy = sum(1 for c in checks if c.lost)
    print(f"  silent losses: {sum(c.lost for c in checks)} entries in {lossy} feeds")
    print(f"  dates on the right UTC day: {right} of {dated} ({100 * right / max(dated, 1):.1f}%)")
    print(f"  median per feed: {statistics.median(times) * 1000:.0f} ms")


def articles(server: corpora.CorpusServer, details: bool) -> None:
    import trafilatura

    rows = sorted(corpora.manifest(corpora.ARTICLES), key=lambda row: row["id"])
    held_out = {row["id"] for row in rows[len(rows) // 2 :]}
    ours, theirs, precise, times = {}, {}, {}, []
    for row in rows:
        truth = corpora.article_truth(row)
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            outcome = corpora.collect_in_process(server.article_feed_url(row["id"]), Path(folder), "auto")
            times.append(time.perf_counter() - start)
        body = outcome.releases[0].body if outcome.releases else ""
        ours[row["id"]] = corpora.token_f1(body, truth)
        page = corpora.article_html(row)
        theirs[row["id"]] = corpora.token_f1(trafilatura.extract(page) or "", truth)
        precise[row["id"]] = corpora.token_f1(trafilatura.extract(page, favor_precision=True) or "", truth)
        if details and ours[row["id"]] < theirs[row["id"]] - 0.1:
            scores = f"brief {ours[row['id']]:.2f}, alone {theirs[row['id']]:.2f}"
            print(f"  {row['id'][:12]} {row['url'][:70]}: {scores}")

    def mean(scores: dict[str, float], only: set[str] | None = None) -> float:
        values = [v for k, v in scores.items() if only is None or k in only]
        return sum(values) / len(values)

    print(f"articles: {len(rows)} pages ({len(held_out)} held out)")
    print(f"  brief token F1:            all {mean(ours):.3f}  held out {mean(ours, held_out):.3f}")
    print(f"  trafilatura alone token F1: all {mean(theirs):.3f}  held out {mean(theirs, held_out):.3f}")
    print(f"  trafilatura alone, favor_precision: all {mean(precise):.3f}", end="")
    print(f"  held out {mean(precise, held_out):.3f}")
    print(f"  brief pages under 0.5: {sum(1 for v in ours.values() if v < 0.5)}")
    median = statistics.median(times) * 1000
    print(f"  median per article (fetch feed + page, extract, store): {median:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--details", action="store_true", help="List the feeds and pages that fall short.")
    parser.add_argument("--only", choices=["feeds", "articles"])
    args = parser.parse_args()
    if not corpora.feeds_present() or not corpora.articles_present():
        sys.exit(f"no corpora at {corpora.CORPORA}")
    import logging
    import warnings

    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    with corpora.CorpusServer() as server:
        if args.only != "articles":
            feeds(server, args.details)
        if args.only != "feeds":
            articles(server, args.details)


if __name__ == "__main__":
    main()
