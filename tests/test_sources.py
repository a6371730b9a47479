"""Live sources against a real HTTP server on 127.0.0.1 serving the fixture site in tests/fixtures/web.

The site: a press-release board of four list pages (tests/fixtures/web/board), an RSS 2.0 feed
(feeds/press.xml), a GOV.UK-style Atom feed (feeds/govuk.atom), a malformed feed and a robots.txt
that disallows /private/. The server answers conditional GETs with 304 and can be told to fail a
path first (503, a dropped connection) or to answer slowly.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from reports import pipeline
from reports.collect.fetch import Fetcher, FetchError, FetchSettings, decode_html, retry_after
from reports.collect.web import html_text, normalize_url, parse_date, store_release
from reports.config import Source, load_config
from reports.errors import BriefError
from reports.periods import month_period
from reports.records import Release, release_id
from reports.store import Store
from tests.conftest import run_brief

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
JANUARY = month_period(2026, 1)
LAST_MODIFIED = "Wed, 28 Jan 2026 00:00:00 GMT"
NOISE = ("NOISE", "Share on", "Copyright", "Home")


@dataclass
class Hit:
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class Site:
    """What the fixture server serves, and what it was asked."""

    base: str = ""
    hits: list[Hit] = field(default_factory=list)
    fail_first: dict[str, list[int]] = field(default_factory=dict)  # path -> statuses to answer first
    drop_first: dict[str, int] = field(default_factory=dict)  # path -> connections to drop first
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds to wait before answering
    overrides: dict[str, bytes] = field(default_factory=dict)  # path -> content served instead of the file
    content_types: dict[str, str] = field(default_factory=dict)  # path -> Content-Type header

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def reset(self) -> None:
        self.hits = []
        for table in (self.fail_first, self.drop_first, self.slow, self.overrides, self.content_types):
            table.clear()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            parts = urlsplit(self.path)
            path = parts.path
            page = parse_qs(parts.query).get("pageIndex")
            if page:  # a board paged by a query parameter: list.html?pageIndex=2 is list-2.html
                path = path.replace(".html", f"-{page[0]}.html")
            headers = {name.lower(): value for name, value in self.headers.items()}
            hits = site.hits  # a slow answer finishing after a reset is not counted in the next test
            if site.slow.get(path):
                time.sleep(site.slow[path])
            if site.drop_first.get(path):
                site.drop_first[path] -= 1
                hits.append(Hit(path, 0, headers))
                self.close_connection = True
                self.connection.shutdown(2)  # hang up without an answer
                return
            if site.fail_first.get(path):
                status = site.fail_first[path].pop(0)
                hits.append(Hit(path, status, headers))
                self.send_response(status)
                self.send_header("Retry-After", "7")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            content = site.overrides.get(path)
            if content is None:
                file = WEB / path.lstrip("/")
                if not file.is_file() or ".." in path:
                    hits.append(Hit(path, 404, headers))
                    self.send_error(404)
                    return
                content = file.read_bytes().replace(b"{{BASE}}", site.base.encode())
            etag = '"' + hashlib.sha1(content).hexdigest()[:16] + '"'
            fresh = headers.get("if-none-match") == etag or (
                "if-none-match" not in headers and headers.get("if-modified-since") == LAST_MODIFIED
            )
            status = 304 if fresh else 200
            hits.append(Hit(path, status, headers))
            self.send_response(status)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            if status == 304:
                self.end_headers()
                return
            self.send_header("Content-Type", site.content_types.get(path) or _content_type(path))
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(content)  # unless the client gave up waiting (the timeout test)

    return Handler


def _content_type(path: str) -> str:
    if path.endswith(".atom"):
        return "application/atom+xml; charset=utf-8"
    if path.endswith(".xml"):
        return "application/rss+xml; charset=utf-8"
    if path.endswith(".txt"):
        return "text/plain; charset=utf-8"
    if path == "/board/view/103.html":
        return "text/html"  # no charset: the page's own meta says euc-kr
    return "text/html; charset=utf-8"


@pytest.fixture(scope="module")
def server() -> Iterator[Site]:
    site = Site()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(server: Site) -> Site:
    server.reset()
    return server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'brief.sqlite'}") as opened:
        yield opened


class Sleeps(list[float]):
    """An injected sleep: records how long the fetcher would have waited, and does not wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fetcher_for(store: Store, sleeps: Sleeps, **settings: float) -> Fetcher:
    values = {"delay": 0.0, "backoff": 0.5, "retries": 2, "timeout": 5.0, "contact": "tests@example.org"}
    return Fetcher(FetchSettings(**{**values, **settings}), store=store, sleep=sleeps)  # type: ignore[arg-type]


def board(site: Site, name: str = "board") -> Source:
    return Source(
        name=name,
        kind="html",
        url=f"{site.base}/board/list-1.html",
        options={
            "selectors": {
                "item": "table.board-list tbody tr",
                "link": "td.subject a",
                "date": "td.date",
                "category": "td.category",
                "body": "div.view-content",
                "next": "div.paging a.next",
                "article_title": "div.view-title h3",
            },
            "remove": [".share-menu"],
        },
    )


def rss(site: Site, name: str = "feed") -> Source:
    options = {"body": "div.article-body", "remove": [".share-menu"]}
    return Source(name=name, kind="feed", url=f"{site.base}/feeds/press.xml", options=options)


def atom(site: Site) -> Source:
    return Source(
        name="govuk",
        kind="feed",
        url=f"{site.base}/feeds/govuk.atom",
        options={"body": "div.govspeak", "timezone": "Europe/London", "category": "News"},
    )


def collect(store: Store, sources: list[Source], fetcher: Fetcher) -> dict[str, pipeline.SourceReport]:
    reports = pipeline.collect(store, sources, JANUARY, fetcher=fetcher)
    return {report.source: report for report in reports}


def counts(report: pipeline.SourceReport) -> tuple[int, int, int, int]:
    return report.new, report.updated, report.unchanged, len(report.rejected)


def by_title(store: Store) -> dict[str, object]:
    return {release.title: release for release in store.releases_between(date(2000, 1, 1), date(2100, 1, 1))}


# The board


def test_board_pages_are_followed_until_the_period_start_is_passed(site: Site, store: Store) -> None:
    report = collect(store, [board(site)], fetcher_for(store, Sleeps()))["board"]
    assert report.failed is None
    assert counts(report) == (5, 0, 0, 0)
    paths = site.paths()
    assert [p for p in paths if "/list-" in p] == [
        "/board/list-1.html",
        "/board/list-2.html",
        "/board/list-3.html",
    ]
    # Outside January: listed, never fetched.
    assert "/board/view/201.html" not in paths and "/board/view/100.html" not in paths
    releases = by_title(store)
    assert sorted((r.published.isoformat(), r.title) for r in releases.values()) == [
        ("2026-01-05", "New Year Trade Policy Directions"),
        ("2026-01-09", "Hydrogen Partnership Signed"),
        ("2026-01-15", "Ship Exports Rise"),
        ("2026-01-20", "Minister Meets EU Trade Commissioner"),
        ("2026-01-28", "Semiconductor Exports Reach Record"),
    ]


def test_board_article_text_is_clean_with_paragraphs_kept(site: Site, store: Store) -> None:
    collect(store, [board(site)], fetcher_for(store, Sleeps()))
    chips = by_title(store)["Semiconductor Exports Reach Record"]
    assert chips.body == (
        "Semiconductor exports reached USD 17.3 billion in January 2026, up 21.4 percent year-on-year.\n\n"
        "It was the highest January figure on record. Officials expect growth to continue.\n\n"
        "Item Value\n\nMemory USD 11.0 billion"
    )
    assert chips.category == "Trade"
    assert chips.url == f"{site.base}/board/view/105.html"
    hydrogen = by_title(store)["Hydrogen Partnership Signed"]
    assert hydrogen.body.split("\n\n") == [
        "Korea and Australia signed a hydrogen supply partnership on January 9.",
        "The agreement covers 1.2 million tons of clean hydrogen a year.",
        "Shipments start in 2028.",
    ]
    assert hydrogen.url == f"{site.base}/board/view/102.html"  # the tracking parameter is dropped
    for release in by_title(store).values():
        assert not any(noise in release.body for noise in NOISE), release.body


def test_an_euc_kr_article_is_decoded_from_its_meta_charset(site: Site, store: Store) -> None:
    collect(store, [board(site)], fetcher_for(store, Sleeps()))
    ships = by_title(store)["Ship Exports Rise"]
    assert ships.body == (
        "산업통상자원부는 1월 15일 선박 수출이 전년 대비 15.2% 증가했다고 밝혔다.\n\n"
        "똠방각하 조선소의 수주도 늘었다."
    )
    assert ships.language == "ko"


def test_a_503_is_retried_after_the_retry_after_it_asks(site: Site, store: Store) -> None:
    site.fail_first["/board/view/104.html"] = [503]
    sleeps = Sleeps()
    report = collect(store, [board(site)], fetcher_for(store, sleeps))["board"]
    assert counts(report) == (5, 0, 0, 0)
    assert [h.status for h in site.hits if h.path == "/board/view/104.html"] == [503, 200]
    assert sleeps == [7.0]
    assert "Brussels" in by_title(store)["Minister Meets EU Trade Commissioner"].body


def test_a_dropped_connection_is_retried_with_backoff(site: Site, store: Store) -> None:
    site.drop_first["/board/view/105.html"] = 2
    sleeps = Sleeps()
    report = collect(store, [board(site)], fetcher_for(store, sleeps, backoff=0.5))["board"]
    assert counts(report) == (5, 0, 0, 0)
    assert sleeps == [0.5, 1.0]  # doubled each time


def test_a_page_failing_every_attempt_rejects_that_release_only(site: Site, store: Store) -> None:
    site.fail_first["/board/view/101.html"] = [500, 500, 500]
    report = collect(store, [board(site)], fetcher_for(store, Sleeps(), retries=2))["board"]
    assert counts(report) == (4, 0, 0, 1)
    assert report.rejected[0].location == f"board: {site.base}/board/view/101.html"
    assert report.rejected[0].reason.startswith("HTTP 500 Internal Server Error")
    assert "(3 attempts)" in report.rejected[0].reason


def test_an_unchanged_article_is_answered_304_on_the_second_run(site: Site, store: Store) -> None:
    collect(store, [board(site)], fetcher_for(store, Sleeps()))
    site.reset()
    report = collect(store, [board(site)], fetcher_for(store, Sleeps()))["board"]
    assert counts(report) == (0, 0, 5, 0)
    articles = [h for h in site.hits if "/view/" in h.path]
    assert {h.status for h in articles} == {304}
    assert all("if-none-match" in h.headers for h in articles)
    assert store.count_releases() == 5


def test_a_changed_article_updates_the_release_and_drops_its_figures(site: Site, store: Store) -> None:
    collect(store, [board(site)], fetcher_for(store, Sleeps()))
    chips = by_title(store)["Semiconductor Exports Reach Record"]
    pipeline.ensure_extracted(store, [chips])
    assert store.unextracted([chips], pipeline.extraction.VERSION) == []
    revised = (WEB / "board/view/105.html").read_bytes().replace(b"USD 17.3 billion", b"USD 17.6 billion")
    site.reset()
    site.overrides["/board/view/105.html"] = revised
    report = collect(store, [board(site)], fetcher_for(store, Sleeps()))["board"]
    assert counts(report) == (0, 1, 4, 0)
    stored = store.release(chips.id)
    assert stored is not None and "USD 17.6 billion" in stored.body
    assert store.unextracted([stored], pipeline.extraction.VERSION) == [stored]  # extracted again on use


def test_list_pages_are_not_fetched_beyond_the_first_without_matches(site: Site, store: Store) -> None:
    source = board(site)
    source.options["selectors"]["item"] = "ul.no-such-list li"
    report = collect(store, [source], fetcher_for(store, Sleeps()))["board"]
    assert report.failed is not None and "no list item matches the selector" in report.failed


def test_a_bad_selector_is_a_config_error_naming_it(site: Site, store: Store) -> None:
    source = board(site)
    source.options["selectors"]["body"] = "div[[broken"
    report = collect(store, [source], fetcher_for(store, Sleeps()))["board"]
    assert report.failed is not None and "selectors.body: bad CSS selector 'div[[broken'" in report.failed
    assert site.hits == []


# Feeds


def test_rss_entries_in_the_period_with_summary_only_entries_read_from_their_page(
    site: Site, store: Store
) -> None:
    report = collect(store, [rss(site)], fetcher_for(store, Sleeps()))["feed"]
    assert report.failed is None
    assert counts(report) == (3, 0, 0, 1)
    releases = by_title(store)
    battery = releases["Battery Investment Fund Launched"]
    assert battery.body == (
        "The government launched a KRW 1.5 trillion battery investment fund on January 22.\n\n"
        "The fund will back 40 companies over five years."
    )
    assert battery.category == "Industry" and battery.published == date(2026, 1, 22)
    assert "/news/battery-fund.html" in site.paths()
    # Full content in the feed: no page fetched; the GMT time is 16 January in Seoul.
    late = releases["Late-Night Announcement & Update"]
    assert late.published == date(2026, 1, 16)
    assert late.body == "Posted at 08:30 on 16 January in Seoul.\n\nSecond paragraph."
    assert "/news/late-night.html" not in site.paths()
    assert "December Wrap-up" not in releases
    chips = releases["Semiconductor Exports Reach Record"]
    assert chips.url == f"{site.base}/news/semiconductor-exports.html"


def test_robots_txt_disallowed_pages_are_never_fetched(site: Site, store: Store) -> None:
    report = collect(store, [rss(site)], fetcher_for(store, Sleeps()))["feed"]
    assert "/private/memo.html" not in site.paths()
    assert site.paths().count("/robots.txt") == 1
    [rejection] = report.rejected
    assert rejection.location.endswith("/private/memo.html")
    assert rejection.reason == f"robots.txt of {site.base} disallows it for brief"


def test_an_atom_feed_is_read_in_its_own_timezone(site: Site, store: Store) -> None:
    report = collect(store, [atom(site)], fetcher_for(store, Sleeps()))["govuk"]
    assert counts(report) == (2, 0, 0, 0)
    releases = by_title(store)
    deal = releases["UK and Korea sign upgraded trade agreement"]
    assert deal.published == date(2026, 1, 19)
    assert deal.body == (
        "The UK and the Republic of Korea signed an upgraded free trade agreement on 19 January 2026.\n\n"
        "Rules of origin are simplified.\n\nDigital trade is covered for the first time."
    )
    assert deal.category == "News"
    week = releases["Export week opens"]
    assert week.body == "Export week opened on 12 January with 300 firms.\n\nIt runs for five days."


def test_an_unchanged_feed_is_answered_304_and_its_releases_count_unchanged(site: Site, store: Store) -> None:
    collect(store, [atom(site)], fetcher_for(store, Sleeps()))
    site.reset()
    report = collect(store, [atom(site)], fetcher_for(store, Sleeps()))["govuk"]
    assert counts(report) == (0, 0, 2, 0)
    [feed_hit] = [h for h in site.hits if h.path == "/feeds/govuk.atom"]
    assert feed_hit.status == 304 and feed_hit.headers["if-modified-since"] == LAST_MODIFIED
    assert "/government/news/uk-korea.html" not in site.paths()


def test_a_feed_304_for_one_period_does_not_vouch_for_another(site: Site, store: Store) -> None:
    collect(store, [atom(site)], fetcher_for(store, Sleeps()))
    site.reset()
    pipeline.collect(store, [atom(site)], month_period(2025, 12), fetcher=fetcher_for(store, Sleeps()))
    [feed_hit] = [h for h in site.hits if h.path == "/feeds/govuk.atom"]
    assert feed_hit.status == 200 and "if-none-match" not in feed_hit.headers


def test_a_malformed_feed_fails_its_source_only(site: Site, store: Store) -> None:
    broken = Source(name="broken", kind="feed", url=f"{site.base}/feeds/broken.xml")
    reports = collect(store, [broken, atom(site)], fetcher_for(store, Sleeps()))
    assert reports["broken"].failed is not None
    assert (
        reports["broken"].failed
        == f"{site.base}/feeds/broken.xml: malformed feed at line 8, column 6: mismatched tag"
    )
    assert counts(reports["govuk"]) == (2, 0, 0, 0)


def test_an_html_page_is_not_a_feed(site: Site, store: Store) -> None:
    page = Source(name="page", kind="feed", url=f"{site.base}/board/list-1.html")
    report = collect(store, [page], fetcher_for(store, Sleeps()))["page"]
    assert report.failed is not None and ("malformed feed" in report.failed or "not an RSS" in report.failed)


def test_a_timeout_fails_its_source_and_the_others_go_on(site: Site, store: Store) -> None:
    site.slow["/feeds/slow.xml"] = 1.0
    slow = Source(name="slow", kind="feed", url=f"{site.base}/feeds/slow.xml")
    sleeps = Sleeps()
    reports = collect(store, [slow, board(site)], fetcher_for(store, sleeps, timeout=0.2, retries=1))
    assert reports["slow"].failed == f"{site.base}/feeds/slow.xml: timed out after 0.2 s (2 attempts)"
    assert sleeps[0] == 0.5
    assert counts(reports["board"]) == (5, 0, 0, 0)


def test_a_timeout_without_a_deadline_names_the_read_timeout(site: Site, store: Store) -> None:
    site.slow["/feeds/slow.xml"] = 1.0
    slow = Source(name="slow", kind="feed", url=f"{site.base}/feeds/slow.xml")
    reports = collect(store, [slow], fetcher_for(store, Sleeps(), timeout=0.2, retries=0, deadline=0))
    assert reports["slow"].failed == f"{site.base}/feeds/slow.xml: timed out after 0.2 s (1 attempt)"


def test_a_missing_feed_fails_with_its_status(site: Site, store: Store) -> None:
    gone = Source(name="gone", kind="feed", url=f"{site.base}/feeds/gone.xml")
    report = collect(store, [gone], fetcher_for(store, Sleeps()))["gone"]
    assert report.failed == f"{site.base}/feeds/gone.xml: HTTP 404 Not Found"


# Deduplication


def test_the_same_release_in_a_feed_and_on_a_board_is_stored_once(site: Site, store: Store) -> None:
    reports = collect(store, [board(site), rss(site)], fetcher_for(store, Sleeps()))
    assert counts(reports["board"]) == (5, 0, 0, 0)
    assert counts(reports["feed"]) == (2, 0, 1, 1)  # the chip release is the board's
    titles = [r.title for r in store.releases_between(JANUARY.start, JANUARY.end)]
    assert titles.count("Semiconductor Exports Reach Record") == 1
    assert store.count_releases() == 7
    chips = by_title(store)["Semiconductor Exports Reach Record"]
    assert chips.source == "board" and "Feed copy" not in chips.body
    # A second run changes nothing, whichever source reads it.
    site.reset()
    again = collect(store, [rss(site), board(site)], fetcher_for(store, Sleeps()))
    assert counts(again["feed"]) == (0, 0, 3, 1)
    assert counts(again["board"]) == (0, 0, 5, 0)
    assert store.count_releases() == 7


def test_a_dump_release_read_again_from_its_live_source_is_one_release(site: Site, store: Store) -> None:
    from reports.collect.dump import parse_dump

    dump = "-\nTrade\nSemiconductor Exports Reach Record\nAn older copy. date2026-01-28\n"
    [old] = parse_dump(dump, source="board").releases
    store.upsert_release(old)
    report = collect(store, [board(site)], fetcher_for(store, Sleeps()))["board"]
    assert counts(report) == (4, 1, 0, 0)
    stored = store.release(old.id)
    assert stored is not None and stored.url == f"{site.base}/board/view/105.html"
    assert store.count_releases() == 5


# Politeness


def test_every_request_goes_to_the_test_server_with_a_descriptive_user_agent(
    site: Site, store: Store
) -> None:
    fetcher = fetcher_for(store, Sleeps())
    collect(store, [board(site), rss(site), atom(site)], fetcher)
    assert fetcher.requested and all(url.startswith(f"{site.base}/") for url in fetcher.requested)
    assert len(fetcher.requested) == len(site.hits)
    agents = {hit.headers["user-agent"] for hit in site.hits}
    assert agents == {"brief/0.1.0 (press-release briefing; +mailto:tests@example.org)"}


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site, store: Store) -> None:
    sleeps = Sleeps()
    fetcher = Fetcher(FetchSettings(delay=1.5), store=store, sleep=sleeps, clock=lambda: 100.0)
    for path in ("/board/list-1.html", "/board/list-2.html", "/board/list-3.html"):
        fetcher.get(site.base + path)
    assert site.paths() == ["/robots.txt", "/board/list-1.html", "/board/list-2.html", "/board/list-3.html"]
    assert sleeps == [1.5, 1.5, 1.5]


def test_robots_crawl_delay_lengthens_the_delay(site: Site, store: Store) -> None:
    site.overrides["/robots.txt"] = b"User-agent: brief\nCrawl-delay: 4\nDisallow: /private/\n"
    sleeps = Sleeps()
    fetcher = Fetcher(FetchSettings(delay=1.0), store=store, sleep=sleeps, clock=lambda: 100.0)
    fetcher.get(site.base + "/board/list-1.html")
    fetcher.get(site.base + "/board/list-2.html")
    assert sleeps == [4.0, 4.0]
    with pytest.raises(FetchError, match="disallows"):
        fetcher.get(site.base + "/private/memo.html")


def test_an_unreadable_robots_txt_keeps_brief_off_the_site(site: Site, store: Store) -> None:
    site.fail_first["/robots.txt"] = [503, 503]
    fetcher = fetcher_for(store, Sleeps(), retries=1)
    with pytest.raises(
        FetchError, match=r"robots.txt: HTTP 503 .* without its robots.txt nothing on .* is fetched"
    ):
        fetcher.get(site.base + "/board/list-1.html")
    assert "/board/list-1.html" not in site.paths()


def test_a_retry_after_longer_than_allowed_fails_at_once(site: Site, store: Store) -> None:
    site.fail_first["/board/list-1.html"] = [503]
    sleeps = Sleeps()
    fetcher = fetcher_for(store, sleeps, max_retry_after=5)
    with pytest.raises(FetchError, match="Retry-After 7 s is longer than the 5 s brief waits"):
        fetcher.get(site.base + "/board/list-1.html")
    assert sleeps == []


# The command line


def test_brief_collect_prints_the_report_of_each_source(site: Site, tmp_path: Path) -> None:
    config = tmp_path / "brief.toml"
    config.write_text(
        f"""
store = "sqlite:///brief.sqlite"

[fetch]
contact = "tests@example.org"
delay = 0
backoff = 0
retries = 1
timeout = 5

[[sources]]
name = "board"
kind = "html"
url = "{site.base}/board/list-1.html"
remove = [".share-menu"]
[sources.selectors]
item = "table.board-list tbody tr"
link = "td.subject a"
date = "td.date"
body = "div.view-content"
next = "div.paging a.next"

[[sources]]
name = "feed"
kind = "feed"
url = "{site.base}/feeds/press.xml"
body = "div.article-body"

[[sources]]
name = "broken"
kind = "feed"
url = "{site.base}/feeds/broken.xml"
""",
        encoding="utf-8",
    )
    done = run_brief("collect", "--config", config, "--month", "2026-01", cwd=tmp_path)
    assert done.code == 1, done.stderr  # a source failed
    lines = done.stderr.splitlines()
    assert "board: 5 read = 5 ingested (5 new, 0 updated, 0 unchanged) + 0 rejected" in lines
    assert "feed: 4 read = 3 ingested (2 new, 0 updated, 1 unchanged) + 1 rejected" in lines
    assert any(line.startswith("brief: rejected feed: ") and "robots.txt" in line for line in lines)
    assert any(
        line.startswith("brief: source broken failed: ") and "malformed feed" in line for line in lines
    )
    with Store(f"sqlite:///{tmp_path / 'brief.sqlite'}") as store:
        assert store.count_releases() == 7
    again = run_brief("collect", "--config", config, "--month", "2026-01", cwd=tmp_path)
    assert (
        "board: 5 read = 5 ingested (0 new, 0 updated, 5 unchanged) + 0 rejected" in again.stderr.splitlines()
    )


def test_fetch_settings_come_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / "brief.toml"
    config.write_text('[fetch]\ncontact = "https://example.org/brief"\ndelay = 3\n', encoding="utf-8")
    settings = load_config(config).fetch
    assert (
        settings.delay == 3.0
        and settings.user_agent == "brief/0.1.0 (press-release briefing; +https://example.org/brief)"
    )
    config.write_text("[fetch]\ndelay = -1\n", encoding="utf-8")
    with pytest.raises(BriefError, match="fetch.delay: -1 is not a number of zero or more"):
        load_config(config)


# Parsers


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-15",
        "Jan 15, 2026",
        "2026.01.15",
        "2026.01.15.",
        "15 January 2026",
        "2026/01/15",
        "Date : 2026-01-15",
        "Posted 2026.01.15 | Views 123",
        "2026년 1월 15일",
        "Thu, 15 Jan 2026 10:00:00 +0900",
    ],
)
def test_dates_in_the_forms_sites_use(text: str) -> None:
    assert parse_date(text) == date(2026, 1, 15)


def test_a_feed_time_is_a_date_in_the_sources_timezone() -> None:
    assert parse_date("Wed, 14 Jan 2026 23:30:00 GMT", "Asia/Seoul") == date(2026, 1, 15)
    assert parse_date("Wed, 14 Jan 2026 23:30:00 GMT", "Europe/London") == date(2026, 1, 14)


def test_text_without_a_date_is_an_error() -> None:
    with pytest.raises(ValueError, match="no date"):
        parse_date("Views 123")


def test_encodings_header_first_then_meta_then_utf8_then_cp949() -> None:
    korean = "수출 증가".encode("cp949")
    assert decode_html(korean, "text/html; charset=EUC-KR") == "수출 증가"
    assert decode_html(korean, "text/html") == "수출 증가"  # not UTF-8: CP949 fallback
    assert decode_html("수출".encode(), "text/html") == "수출"
    meta = b'<meta charset="ks_c_5601-1987"><p>' + korean
    assert decode_html(meta).endswith("수출 증가")


def test_urls_are_normalized_for_identity() -> None:
    url = "HTTPS://Example.org:443/a/view?id=3&utm_source=rss&fbclid=x#top"
    assert normalize_url(url) == "https://example.org/a/view?id=3"
    assert normalize_url("http://example.org:8080") == "http://example.org:8080/"


def test_html_text_drops_navigation_and_scripts_and_keeps_paragraphs() -> None:
    html = (
        "<nav>Menu</nav><div><h2>Title</h2><p>One <b>bold</b>\n word.</p><script>x()</script>"
        "<ul><li>A</li><li>B</li></ul><footer>Foot</footer></div>"
    )
    assert html_text(html) == "Title\n\nOne bold word.\n\nA\n\nB"


def test_retry_after_in_seconds_or_as_a_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 1, 15, 12, 0, 0, tzinfo=UTC)
    assert retry_after("120", now) == 120.0
    assert retry_after("Thu, 15 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after("soon", now) is None


@pytest.mark.parametrize("name", ["motir-html.toml", "korea-net-feed.toml", "govuk-atom.toml"])
def test_the_example_configs_load_and_their_selectors_compile(name: str) -> None:
    from reports.collect import html as board_source

    config = load_config(Path(__file__).resolve().parent.parent / "examples" / name)
    [source] = config.sources
    assert source.kind in ("feed", "html") and source.url and source.url.startswith("https://")
    assert config.fetch.contact and config.fetch.delay >= 1
    if source.kind == "html":
        assert board_source.selectors_of(source).body


def test_a_board_dated_only_on_release_pages_stops_once_past_the_period(site: Site, store: Store) -> None:
    source = board(site)
    selectors = dict(source.options["selectors"])
    del selectors["date"]
    selectors["article_date"] = "div.view-info span.date"
    source.options["selectors"] = selectors
    report = collect(store, [source], fetcher_for(store, Sleeps()))["board"]
    assert counts(report) == (5, 0, 0, 0)
    paths = site.paths()
    assert "/board/view/201.html" in paths and "/board/view/100.html" in paths  # read for their dates
    assert "/board/list-4.html" not in paths
    assert {r.published for r in by_title(store).values()} == {
        date(2026, 1, 5),
        date(2026, 1, 9),
        date(2026, 1, 15),
        date(2026, 1, 20),
        date(2026, 1, 28),
    }


def test_a_board_paged_by_a_query_parameter_is_followed(site: Site, store: Store) -> None:
    source = board(site)
    source = Source(
        name="board",
        kind="html",
        url=f"{site.base}/board/list.html?pageIndex=1",
        options={**source.options, "page_parameter": "pageIndex"},
    )
    del source.options["selectors"]["next"]
    report = collect(store, [source], fetcher_for(store, Sleeps()))["board"]
    assert counts(report) == (5, 0, 0, 0)
    assert [p for p in site.paths() if "/list" in p] == [
        "/board/list-1.html",
        "/board/list-2.html",
        "/board/list-3.html",
    ]


def test_parameters_a_source_ignores_do_not_tell_releases_apart() -> None:
    url = "https://example.go.kr/eng/article/123/view?bbsCdN=2&pageIndex=3"
    assert normalize_url(url, ("pageIndex",)) == "https://example.go.kr/eng/article/123/view?bbsCdN=2"


def _release(source: str, url: str | None, title: str, day: date, body: str) -> Release:
    return Release(release_id(url, title, day), source, title, body, day, url=url)


def test_dedup_rules_for_a_release_seen_at_two_urls(store: Store) -> None:
    day = date(2026, 1, 15)
    first = _release("board", "https://a.example/view/1?pageIndex=1", "Chip Exports Rise", day, "Text.")
    assert store_release(store, first) == ("new", first.id)
    # The same text from the same source at another URL (another list page): the same release.
    moved = _release("board", "https://a.example/view/1?pageIndex=2", "Chip Exports Rise", day, "Text.")
    assert store_release(store, moved) == ("unchanged", first.id)
    # Another source, a day apart (time zones), other text: the same release, kept as the first stored it.
    feed = _release("feed", "https://b.example/news/9", "CHIP EXPORTS RISE", date(2026, 1, 14), "Feed text.")
    assert store_release(store, feed) == ("unchanged", first.id)
    # The same title from the same source with other text: another release.
    other = _release("board", "https://a.example/view/2", "Chip Exports Rise", day, "Other text.")
    assert store_release(store, other) == ("new", other.id)
    # Read again at its own URL with a revised text: updated.
    revised = _release("board", "https://a.example/view/1?pageIndex=1", "Chip Exports Rise", day, "Revised.")
    assert store_release(store, revised) == ("updated", first.id)
    assert store.count_releases() == 2


def test_a_response_larger_than_allowed_is_refused(site: Site, store: Store) -> None:
    report = collect(store, [board(site)], fetcher_for(store, Sleeps(), max_bytes=500))["board"]
    assert report.failed == f"{site.base}/board/list-1.html: larger than 500 bytes"


def test_without_a_period_a_board_is_read_to_its_first_page(site: Site, store: Store) -> None:
    reports = pipeline.collect(store, [board(site)], None, fetcher=fetcher_for(store, Sleeps()))
    assert counts(reports[0]) == (3, 0, 0, 0)  # February's, and two of January's
    assert [p for p in site.paths() if "/list-" in p] == ["/board/list-1.html"]


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 4))
def test_any_date_reads_back_in_every_form_sites_use(day: date, form: int) -> None:
    text = [
        day.isoformat(),
        day.strftime("%Y.%m.%d"),
        day.strftime("%b %d, %Y"),
        day.strftime("%d %B %Y"),
        f"{day.year}년 {day.month}월 {day.day}일",
    ][form]
    assert parse_date(text) == day


@given(st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=40), st.booleans())
def test_clean_text_keeps_paragraph_words_and_drops_scripts(words: str, nested: bool) -> None:
    paragraph = " ".join(words.split())
    assume(paragraph)
    inner = f"<span>{escape(paragraph)}</span>" if nested else escape(paragraph)
    html = f"<nav>Menu</nav><p>{inner}</p><script>var s = 'x';</script><p>Two</p>"
    assert html_text(html) == f"{paragraph}\n\nTwo"


@given(st.sampled_from(["http", "https"]), st.integers(1, 65535), st.booleans())
def test_url_normalization_is_idempotent(scheme: str, port: int, tracking: bool) -> None:
    url = f"{scheme}://Example.GOV.kr:{port}/eng/view?id=7" + ("&utm_source=rss" if tracking else "")
    once = normalize_url(url)
    assert normalize_url(once) == once and "utm_" not in once
