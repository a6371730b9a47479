"""The live sources on real feeds and article pages nobody on the project wrote (../shared/corpora):
108 feeds from five feed parsers' test suites and 109 pages of a public article-extraction benchmark,
served on 127.0.0.1 (tests/corpora.py). The floors below only go up; benchmarks/RESULTS.md has the
figures and the command that measures them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import corpora

# Floors: raise them when the collectors get better, never lower them.
DATES_ON_THEIR_DAY_AT_LEAST = 0.99  # of entry dates the peer parser read (measured: 912 of 913)
BROKEN_FEEDS_FAILED_WHOLE_AT_MOST = 3  # broken-set feeds with entries where only title-less ones came back
ARTICLE_F1_AT_LEAST = 0.96  # mean token F1 of stored bodies against the ground truth (measured: 0.968)

pytestmark = pytest.mark.skipif(
    not (corpora.feeds_present() and corpora.articles_present()),
    reason=f"the feed and article corpora are not at {corpora.CORPORA}",
)


@pytest.fixture(scope="module")
def corpus_server() -> Iterator[corpora.CorpusServer]:
    with corpora.CorpusServer() as server:
        yield server


@pytest.fixture(scope="module")
def feed_runs(
    corpus_server: corpora.CorpusServer, tmp_path_factory: pytest.TempPathFactory
) -> list[tuple[dict[str, str], corpora.Outcome, corpora.FeedCheck]]:
    """Every corpus feed collected once, in-process, each into a fresh store."""
    runs = []
    for n, row in enumerate(corpora.manifest(corpora.FEEDS)):
        folder = tmp_path_factory.mktemp(f"feed{n}")
        outcome = corpora.collect_in_process(corpus_server.feed_url(row["file"]), folder)
        runs.append((row, outcome, corpora.check_feed(row, outcome)))
    return runs


def test_no_corpus_feed_ends_in_an_internal_error(feed_runs: list) -> None:
    crashed = [(row["file"], o.failed) for row, o, _ in feed_runs if o.failed and "unexpected" in o.failed]
    assert crashed == []


def test_every_real_feed_with_entries_is_read(feed_runs: list) -> None:
    failed = [(r["file"], o.failed) for r, o, check in feed_runs if r["set"] == "real" and check.failed_whole]
    assert failed == []


def test_broken_feeds_fail_whole_only_when_nothing_usable_came_back(feed_runs: list) -> None:
    failed = [row["file"] for row, _, check in feed_runs if row["set"] == "broken" and check.failed_whole]
    assert len(failed) <= BROKEN_FEEDS_FAILED_WHOLE_AT_MOST, failed
    for row, outcome, _ in feed_runs:
        if outcome.failed:
            reason = outcome.failed.split(": ", 1)[-1]
            assert reason.startswith(("malformed feed", "not an RSS or Atom feed")), row["file"]


def test_no_entry_is_lost_silently(feed_runs: list) -> None:
    lost = [(check.file, check.expected, o.ingested, o.rejected) for _, o, check in feed_runs if check.lost]
    assert lost == []


def test_every_rejected_entry_says_why(feed_runs: list) -> None:
    for row, outcome, _ in feed_runs:
        assert len(outcome.reasons) == outcome.rejected
        assert all(reason.split(": ", 2)[-1].strip() for reason in outcome.reasons), row["file"]


def test_entry_dates_land_on_their_utc_day(feed_runs: list) -> None:
    dated = sum(check.dated for _, _, check in feed_runs)
    right = sum(check.right_day for _, _, check in feed_runs)
    wrong = [line for _, _, check in feed_runs for line in check.wrong]
    assert dated > 800
    assert right / dated >= DATES_ON_THEIR_DAY_AT_LEAST, wrong[:10]


# Through the real command line: a feed with whitespace before <?xml and named zones, a feed whose
# Portuguese day names only a multilingual reader knows, and a broken feed with nothing usable.
CLI_CASES = [
    "rss-parser/itunes-missing-image.rss",
    "rss-parser/uolNoticias.rss",
    "feedparser/aaa_illformed.xml",
]


@pytest.mark.parametrize("file", CLI_CASES)
def test_brief_collect_reads_corpus_feeds_as_the_library_does(
    file: str, corpus_server: corpora.CorpusServer, feed_runs: list, tmp_path: Path
) -> None:
    row, in_process, check = next(run for run in feed_runs if run[0]["file"] == file)
    outcome, stderr, code = corpora.collect_with_cli(corpus_server.feed_url(file), tmp_path)
    assert "Traceback" not in stderr and "internal error" not in stderr
    if in_process.failed:
        assert code == 1
        assert f"brief: source corpus failed: {corpus_server.feed_url(file)}: malformed feed" in stderr
        return
    assert code == 0, stderr
    assert (outcome.ingested, outcome.rejected) == (in_process.ingested, in_process.rejected)
    assert outcome.ingested + outcome.rejected == int(row["expected_entries"])
    stored = {corpora.title_words(r.title): r.published for r in outcome.releases}
    for entry in json.loads(row["entries"]):
        if entry["date"]:
            assert stored[corpora.title_words(entry["title"])] == corpora.utc_day(entry["date"]), entry


def test_article_bodies_score_at_least_the_floor(corpus_server: corpora.CorpusServer) -> None:
    rows = corpora.manifest(corpora.ARTICLES)
    bodies = corpora.collect_articles(corpus_server, rows)
    scores = {row["id"]: corpora.token_f1(bodies[row["id"]], corpora.article_truth(row)) for row in rows}
    mean = sum(scores.values()) / len(scores)
    worst = sorted(scores.items(), key=lambda item: item[1])[:5]
    assert mean >= ARTICLE_F1_AT_LEAST, worst
