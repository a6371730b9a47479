"""`brief sources check`: read each configured source once and say what its config finds there.

One polite fetch of each feed or first list page (robots.txt honoured, the per-host delay kept), and
of one release page where the text lives there; nothing is stored. For each source: whether the
selectors match, how many items, the newest item's title and date, and the first line of one
extracted body, so an operator can verify a config before the first weekly run.

    checks = check_sources(load_config(Path("brief.toml")))
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from bs4 import BeautifulSoup

from reports.collect import feed, html
from reports.collect.dump import Rejection, parse_dump_file
from reports.collect.fetch import Fetcher, Page
from reports.collect.web import WebContext, select_one
from reports.config import Config, Source
from reports.errors import BriefError
from reports.records import Release

# Selectors of a board counted over the rows of its first list page.
_ROW_SELECTORS = ("link", "title", "date", "category")
_MAX_REJECTED = 3


@dataclass(frozen=True)
class SourceCheck:
    """What one source's config found on its site."""

    source: str
    kind: str
    where: str  # the URL or path read
    items: int = 0  # entries in the feed, rows on the first list page, entries in the dump
    matches: dict[str, str] = field(default_factory=dict)  # selector -> "12 of 12 rows"
    newest_title: str | None = None
    newest_date: date | None = None
    body_line: str | None = None  # the first line of one extracted body
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and self.body_line is not None


def check_sources(config: Config, fetcher: Fetcher | None = None) -> list[SourceCheck]:
    """A SourceCheck per configured source, in config order; one source's failure never stops the others."""
    own = fetcher is None
    reader = _Once(config.fetch) if fetcher is None else fetcher
    try:
        return [check_source(source, reader, config.timezone) for source in config.sources]
    finally:
        if own:
            reader.close()


def check_source(source: Source, fetcher: Fetcher, timezone: str = "Asia/Seoul") -> SourceCheck:
    """Read one source once; a fetch or config error is a problem of the check, not an exception."""
    where = str(source.url or source.path or "")
    try:
        if source.kind == "dump":
            return _dump(source, where)
        page = fetcher.get(str(source.url))
        found = _feed(source, page, timezone) if source.kind == "feed" else _board(source, page)
    except BriefError as exc:
        return SourceCheck(source.name, source.kind, where, problems=(str(exc),))
    if source.kind == "html" and not found.items:
        return found  # no rows: the problem says which selector, and no release page can be found
    return _with_first_release(found, source, fetcher, timezone)


class _Once(Fetcher):
    """A polite fetcher that fetches each URL at most once: the check reads a list page for its
    selectors, then the collector reads it again from here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: dict[str, Page] = {}

    def get(self, url: str, **options: Any) -> Page:
        # Never conditional: a check reads the page whole, whatever an earlier run stored.
        if url not in self._pages:
            self._pages[url] = super().get(url)
        return self._pages[url]


class _NothingStored:
    """The store a check reads from: it holds nothing, so every release is read from its page."""

    def release_by_url(self, url: str) -> Release | None:
        return None

    def releases_of(self, source: str, start: date | None, end: date | None) -> list[Release]:
        return []


def _dump(source: Source, where: str) -> SourceCheck:
    assert source.path is not None
    result = parse_dump_file(source.path, source.name)
    newest = max(result.releases, key=lambda r: r.published, default=None)
    problems = tuple(str(r) for r in result.rejected[:3])
    return SourceCheck(
        source.name,
        source.kind,
        where,
        items=len(result.releases) + len(result.rejected),
        newest_title=newest.title if newest else None,
        newest_date=newest.published if newest else None,
        body_line=_first_line(newest.body) if newest else None,
        problems=problems,
    )


def _feed(source: Source, page: Page, timezone: str) -> SourceCheck:
    parsed = feed.parse_feed(page)
    dated = []
    for entry in parsed.entries:
        try:
            dated.append((feed.entry_published(entry, timezone), feed.entry_title(entry)))
        except ValueError:
            continue
    newest = max(dated, default=None)
    return SourceCheck(
        source.name,
        source.kind,
        page.url,
        items=len(parsed.entries),
        newest_title=newest[1] if newest else None,
        newest_date=newest[0] if newest else None,
    )


def _board(source: Source, page: Page) -> SourceCheck:
    selectors = html.selectors_of(source)
    rows = BeautifulSoup(page.text, "lxml").select(selectors.item)
    matches = {"item": f"{len(rows)} row{'s' if len(rows) != 1 else ''}"}
    problems = []
    if not rows:
        problems.append(f"the item selector {selectors.item!r} matches nothing on {page.url}")
    for name in _ROW_SELECTORS:
        selector = getattr(selectors, name)
        if selector and rows:
            hits = sum(1 for row in rows if select_one(row, selector) is not None)
            matches[name] = f"{hits} of {len(rows)} rows"
    return SourceCheck(
        source.name, source.kind, page.url, items=len(rows), matches=matches, problems=tuple(problems)
    )


def _with_first_release(found: SourceCheck, source: Source, fetcher: Fetcher, timezone: str) -> SourceCheck:
    """The check completed by the collector's own reading of the first release it can read."""
    collector = feed.collect if source.kind == "feed" else html.collect
    context = WebContext(fetcher, _NothingStored(), None, timezone)
    one_page = replace(source, options={**source.options, "max_pages": 1})
    problems = list(found.problems)
    release = None
    try:
        release, rejected = _first_release(collector(one_page, context))
    except BriefError as exc:
        problems.append(str(exc))
        rejected = []
    problems.extend(str(r) for r in rejected)
    if release is None and not problems:
        problems.append("no release could be read")
    newest = {}
    if source.kind == "html" and release is not None:  # a board lists its newest release first
        newest = {"newest_title": release.title, "newest_date": release.published}
    if release is not None and release.body:
        matches = dict(found.matches)
        if source.kind == "html":
            matches["body"] = "matches on the release page"
        found = replace(found, matches=matches)
    return replace(
        found,
        **newest,
        body_line=_first_line(release.body) if release else None,
        problems=tuple(problems),
    )


def _first_release(collected: Iterator[Any]) -> tuple[Release | None, list[Rejection]]:
    """The first release a collector yields (it stops there: nothing more is fetched), and the
    rejections before it."""
    rejected: list[Rejection] = []
    for item in collected:
        if isinstance(item, Release):
            return item, rejected
        if isinstance(item, Rejection):
            rejected.append(item)
            if len(rejected) == _MAX_REJECTED:
                break  # the config is wrong for this site: fetching more pages would not say more
    return None, rejected


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 160 else line[:157] + "..."
