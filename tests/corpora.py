"""The real-world feed and article corpora (../shared/corpora next to the checkout), served on 127.0.0.1.

Used by tests/test_sources_corpora.py and benchmarks/bench_sources_corpora.py: one loopback server
for every feed and page, one fresh store per input, and the checks the corpora's README describes
(nothing lost silently, dates on the right UTC day, article-body token F1 against the ground truth).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
FEEDS = CORPORA / "feeds"
ARTICLES = CORPORA / "articles"
EVERYTHING = (date(1990, 1, 1), date(2099, 12, 31))  # --from and --to of every corpus run
_REPORT = re.compile(r"^corpus: (\d+) read = (\d+) ingested .* \+ (\d+) rejected$", re.MULTILINE)


def manifest(folder: Path) -> list[dict[str, str]]:
    """The rows of a corpus folder's MANIFEST.tsv, as dicts keyed by its header."""
    lines = (folder / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    names = lines[0].split("\t")
    return [dict(zip(names, line.split("\t"), strict=True)) for line in lines[1:] if line]


def article_html(row: dict[str, str]) -> bytes:
    return gzip.decompress((ARTICLES / row["file"]).read_bytes())


def article_truth(row: dict[str, str]) -> str:
    return (ARTICLES / row["truth_file"]).read_text(encoding="utf-8")


# The server


def _default_type(path: str) -> str:
    if path.endswith(".rss"):
        return "application/rss+xml"
    if path.endswith(".atom"):
        return "application/atom+xml"
    return "application/xml"


class CorpusServer:
    """Serves /feeds/<file> (with the manifest's headers), /articles/<id>.html (unzipped) and
    /article-feeds/<id>.xml (a one-entry RSS feed linking that page); /robots.txt is 404."""

    def __init__(self) -> None:
        self.feed_headers = {row["file"]: json.loads(row["headers"]) for row in manifest(FEEDS)}
        self.articles = {row["id"]: row for row in manifest(ARTICLES)}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> CorpusServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def feed_url(self, file: str) -> str:
        return f"{self.base}/feeds/{file}"

    def article_feed_url(self, article_id: str) -> str:
        return f"{self.base}/article-feeds/{article_id}.xml"

    def answer(self, path: str) -> tuple[bytes, list[tuple[str, str]]] | None:
        if path.startswith("/feeds/"):
            file = path.removeprefix("/feeds/")
            if file not in self.feed_headers:
                return None
            headers = [(str(k), str(v)) for k, v in self.feed_headers[file]]
            if not any(name.lower() == "content-type" for name, _ in headers):
                headers.append(("Content-Type", _default_type(file)))
            return (FEEDS / file).read_bytes(), headers
        if path.startswith("/articles/") and path.endswith(".html"):
            row = self.articles.get(path.removeprefix("/articles/").removesuffix(".html"))
            return (article_html(row), [("Content-Type", "text/html")]) if row else None
        if path.startswith("/article-feeds/") and path.endswith(".xml"):
            article_id = path.removeprefix("/article-feeds/").removesuffix(".xml")
            if article_id not in self.articles:
                return None
            return self._article_feed(article_id), [("Content-Type", "application/rss+xml; charset=utf-8")]
        return None

    def _article_feed(self, article_id: str) -> bytes:
        link = escape(f"{self.base}/articles/{article_id}.html")
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Corpus</title>'
            f"<link>{escape(self.base)}/</link><description>Article corpus</description>"
            f"<item><title>Article {article_id[:12]}</title><link>{link}</link>"
            "<description>A short summary.</description><pubDate>Tue, 19 Nov 2019 12:00:00 GMT</pubDate>"
            "</item></channel></rss>\n"
        ).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                answer = server.answer(self.path.split("?")[0])
                if answer is None:
                    self.send_error(404)
                    return
                content, headers = answer
                self.send_response(200)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(content)

        return Handler


# Running brief on one input


def corpus_config(url: str, article: str = "never") -> str:
    """The brief.toml of one corpus run (the README's): UTC calendar, no delay, no retries."""
    return (
        'timezone = "UTC"\nstore = "sqlite:///store.sqlite"\n\n[fetch]\ndelay = 0\nretries = 0\n\n'
        f'[[sources]]\nname = "corpus"\nkind = "feed"\nurl = "{url}"\narticle = "{article}"\n'
    )


@dataclass
class Outcome:
    """What one collection of one corpus input gave."""

    failed: str | None
    ingested: int
    rejected: int
    releases: list[Any] = field(default_factory=list)  # reports.records.Release
    reasons: list[str] = field(default_factory=list)


def collect_in_process(url: str, folder: Path, article: str = "never") -> Outcome:
    """`brief collect --config <folder>/brief.toml --from 1990-01-01 --to 2099-12-31`, in-process."""
    from reports import pipeline
    from reports.config import load_config
    from reports.periods import range_period
    from reports.store import Store

    config_path = folder / "brief.toml"
    config_path.write_text(corpus_config(url, article), encoding="utf-8")
    config = load_config(config_path)
    # The config's store, in memory: a fresh one per input without a file to sync on every release.
    with Store("sqlite:///:memory:") as store:
        [report] = pipeline.collect_configured(store, config, range_period(*EVERYTHING))
        releases = store.releases_of("corpus")
    return Outcome(
        report.failed,
        report.ingested,
        len(report.rejected),
        releases,
        [str(r) for r in report.rejected],
    )


def collect_with_cli(url: str, folder: Path, article: str = "never") -> tuple[Outcome, str, int]:
    """The same through the real `brief collect` command: the outcome, its stderr and exit code."""
    from reports.store import Store
    from tests.conftest import run_brief

    (folder / "brief.toml").write_text(corpus_config(url, article), encoding="utf-8")
    start, end = (day.isoformat() for day in EVERYTHING)
    run = run_brief("collect", "--config", "brief.toml", "--from", start, "--to", end, cwd=folder)
    match = _REPORT.search(run.stderr)
    ingested, rejected = (int(match.group(2)), int(match.group(3))) if match else (0, 0)
    failed = next((line for line in run.stderr.splitlines() if "source corpus failed" in line), None)
    releases = []
    if (folder / "store.sqlite").exists():
        with Store(f"sqlite:///{folder / 'store.sqlite'}") as store:
            releases = store.releases_of("corpus")
    return Outcome(failed, ingested, rejected, releases), run.stderr, run.code


# Checks


def title_words(text: str) -> str:
    """A title compared without markup, case, spacing and punctuation."""
    from html import unescape

    from reports.collect.web import title_key

    return title_key(unescape(re.sub(r"<[^>]*>", " ", unescape(text))))


def utc_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()


@dataclass
class FeedCheck:
    file: str
    expected: int
    failed_whole: bool
    lost: int  # expected entries neither ingested nor rejected in a feed that was read
    dated: int  # entries with a peer date
    right_day: int  # of those, stored on that UTC day
    wrong: list[str] = field(default_factory=list)  # "title: stored X, expected Y"


def check_feed(row: dict[str, str], outcome: Outcome) -> FeedCheck:
    """The README's checks of one feed's collection."""
    expected = int(row["expected_entries"])
    entries = json.loads(row["entries"])
    read = outcome.ingested + outcome.rejected
    stored: dict[str, list[date]] = {}
    for release in outcome.releases:
        stored.setdefault(title_words(release.title), []).append(release.published)
    check = FeedCheck(
        file=row["file"],
        expected=expected,
        failed_whole=expected > 0 and outcome.failed is not None and read == 0,
        lost=max(expected - read, 0) if outcome.failed is None else 0,
        dated=0,
        right_day=0,
    )
    for entry in entries:
        if not entry.get("date"):
            continue
        check.dated += 1
        want = utc_day(entry["date"])
        days = stored.get(title_words(entry.get("title") or ""), [])
        if want in days:
            days.remove(want)
            check.right_day += 1
        else:
            check.wrong.append(f"{entry.get('title')!r}: stored {days or 'nothing'}, expected {want}")
    return check


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(found: str, truth: str) -> float:
    """F1 of the bags of lower-cased \\w+ tokens of an extracted text against the ground truth."""
    got, want = tokens(found), tokens(truth)
    shared = sum((got & want).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(got.values()), shared / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def feeds_present() -> bool:
    return (FEEDS / "MANIFEST.tsv").is_file()


def articles_present() -> bool:
    return (ARTICLES / "MANIFEST.tsv").is_file()


def collect_articles(server: CorpusServer, rows: list[dict[str, str]]) -> dict[str, str]:
    """Each page's stored body (or ''), collected in one run into one store: a one-entry feed per
    page with `article = "auto"` and no body selector, as the README describes."""
    from reports import pipeline
    from reports.collect.fetch import Fetcher
    from reports.config import FetchSettings, Source
    from reports.periods import range_period
    from reports.store import Store

    sources = [
        Source(row["id"], "feed", server.article_feed_url(row["id"]), options={"article": "auto"})
        for row in rows
    ]
    with Store("sqlite:///:memory:") as store:
        with Fetcher(FetchSettings(delay=0, retries=0), store=store) as fetcher:
            pipeline.collect(store, sources, range_period(*EVERYTHING), fetcher=fetcher, timezone="UTC")
        bodies = {}
        for row in rows:
            releases = store.releases_of(row["id"])
            bodies[row["id"]] = releases[0].body if releases else ""
    return bodies
