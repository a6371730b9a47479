"""Press-release boards: a list page (paginated) plus one page per release, read with CSS selectors.

    [[sources]]
    name = "motir"
    kind = "html"
    url = "https://example.go.kr/eng/press/list"
    [sources.selectors]
    item = "table.board tbody tr"     # one per release on the list page
    link = "td.subject a"              # its href leads to the release's page
    title = "td.subject a"             # default: the link's text
    date = "td.date"                   # on the list page (or article_date on the release's page)
    category = "td.category"           # optional
    body = "div.view-content"          # the release's text on its page
    next = "a.next"                    # the next list page (optional)
    article_title = "h3.view-title"    # optional: a fuller title on the release's page
    article_date = "span.date"         # optional

Pages are followed with `next` (or, for boards that page with JavaScript, by counting up
the URL's `page_parameter`, e.g. "pageIndex") until a list page's last dated item is older
than the period's start (or `max_pages`, default 20, is reached; without a period, only
the first list page is read unless `max_pages` says otherwise). Boards that
open releases with JavaScript give the page address through `link_attribute`
(default "href"), `link_pattern` (a regular expression over it) and
`link_template` ("view.do?id={1}", filled with the pattern's groups).
Other options: `remove` (selectors dropped from the text), `category`,
`language`, `timezone`, `dayfirst` (read "05.01.2026" as 5 January).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from reports.collect.dump import Rejection
from reports.collect.fetch import FetchError, Page
from reports.collect.web import (
    Collected,
    Unchanged,
    WebContext,
    absolute,
    article_body,
    checked_selector,
    element_text,
    ignored_parameters,
    parse_date,
    rejection,
    remove_selectors,
    select_one,
    source_option,
)
from reports.config import Source
from reports.errors import BriefError
from reports.records import Release, guess_language, release_id

_REQUIRED = ("item", "link", "body")
_OPTIONAL = ("title", "date", "category", "next", "article_title", "article_date")


@dataclass(frozen=True)
class Selectors:
    item: str
    link: str
    body: str
    title: str | None = None
    date: str | None = None
    category: str | None = None
    next: str | None = None
    article_title: str | None = None
    article_date: str | None = None


@dataclass(frozen=True)
class _OutOfPeriod:
    """A release page dated outside the period: not stored, but its date tells where the board is."""

    published: date


def _published(item: Release | Unchanged | _OutOfPeriod) -> date:
    return item.release.published if isinstance(item, Unchanged) else item.published


@dataclass(frozen=True)
class ListItem:
    """One release as the list page shows it."""

    url: str
    title: str
    published: date | None
    category: str


def selectors_of(source: Source) -> Selectors:
    """The source's [sources.selectors] table, checked: a missing or bad selector is a BriefError."""
    table = source.options.get("selectors")
    where = f"source {source.name!r}: selectors"
    if not isinstance(table, dict):
        raise BriefError(f"{where}: an html source needs a [sources.selectors] table")
    unknown = set(table) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise BriefError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    for key in _REQUIRED:
        if key not in table:
            raise BriefError(f"{where}.{key}: missing")
    if "date" not in table and "article_date" not in table:
        raise BriefError(f"{where}: give date (list page) or article_date (release page)")
    return Selectors(**{key: checked_selector(value, f"{where}.{key}") for key, value in table.items()})


def collect(source: Source, context: WebContext) -> Iterator[Collected]:
    """Releases of the board in the period, newest list page first; BriefError if the board cannot be read."""
    assert source.url is not None
    selectors = selectors_of(source)
    # Without a period there is no start to pass: read the latest list page only, unless told otherwise.
    max_pages = source_option(source, "max_pages", 20 if context.period else 1, int)
    url: str | None = source.url
    visited: set[str] = set()
    seen: set[str] = set()
    while url and url not in visited and len(visited) < max_pages:
        visited.add(url)
        # List pages change with every new release, so they are always fetched whole.
        page = context.fetcher.get(url)
        soup = BeautifulSoup(page.text, "lxml")
        items = soup.select(selectors.item)
        if not items and len(visited) == 1:
            raise BriefError(f"{url}: no list item matches the selector {selectors.item!r}")
        if not items:
            break  # past the board's last page
        linked = [node for node in items if select_one(node, selectors.link) is not None]
        if not linked and len(visited) == 1:
            rows = f"{len(items)} list item{'s' if len(items) != 1 else ''}"
            raise BriefError(
                f"{url}: {rows} match {selectors.item!r} but the link selector {selectors.link!r} "
                "matches in none of them"
            )
        if not linked:
            break  # a page of rows without releases: past the board's last page
        last_day: date | None = None
        for node in linked:
            try:
                item = _list_item(source, context, page, node, selectors)
            except ValueError as exc:
                yield rejection(source, page.url, f"list item: {exc}")
                continue
            if item is None or item.url in seen:
                continue
            seen.add(item.url)
            last_day = item.published or last_day
            if item.published is not None and not context.wanted(item.published):
                continue
            for collected in _article(source, context, item, selectors):
                if not isinstance(collected, Rejection):
                    last_day = _published(collected)
                if not isinstance(collected, _OutOfPeriod):
                    yield collected
        if context.period and last_day and last_day < context.period.start:
            break  # the board is newest first: the period's start is passed
        url = _next_page(source, url, page, soup, selectors)


def _list_item(
    source: Source, context: WebContext, page: Page, node: Tag, selectors: Selectors
) -> ListItem | None:
    link = select_one(node, selectors.link)
    if link is None:
        return None  # a header or spacer row
    href = _link_target(source, link)
    if not href:
        raise ValueError(f"no link in {element_text(link)[:60]!r}")
    if href.lower().startswith("javascript:"):
        raise ValueError(
            f"the link of {element_text(link)[:60]!r} is JavaScript ({href[:60]!r}): "
            "give link_pattern and link_template to rebuild the page address"
        )
    title_node = select_one(node, selectors.title) if selectors.title else link
    published = None
    if selectors.date:
        date_text = element_text(select_one(node, selectors.date))
        published = parse_date(date_text, context.timezone_of(source), dayfirst=_dayfirst(source))
    return ListItem(
        url=absolute(page.url, href, ignored_parameters(source)),
        title=element_text(title_node),
        published=published,
        category=element_text(select_one(node, selectors.category)),
    )


def _link_target(source: Source, link: Tag) -> str:
    attribute = source_option(source, "link_attribute", "href", str)
    value = str(link.get(attribute) or "")
    pattern = source.options.get("link_pattern")
    if not pattern:
        return value
    match = re.search(str(pattern), value)
    if match is None:
        return ""
    template = source_option(source, "link_template", "{0}", str)
    return template.format(match.group(0), *match.groups())


def _article(
    source: Source, context: WebContext, item: ListItem, selectors: Selectors
) -> Iterator[Collected | _OutOfPeriod]:
    fetcher = context.fetcher
    try:
        page = fetcher.get(item.url, conditional=True)
        if page.not_modified:
            stored = context.store.release_by_url(item.url)
            if stored is not None:
                yield Unchanged(stored)
                return
            page = fetcher.get(item.url)
        release = _release(source, context, item, page, selectors)
    except (FetchError, ValueError) as exc:
        yield rejection(source, item.url, str(exc))
        return
    yield release
    if isinstance(release, Release):
        fetcher.remember(page)  # only now that the release is stored


def _release(
    source: Source, context: WebContext, item: ListItem, page: Page, selectors: Selectors
) -> Release | _OutOfPeriod:
    soup = BeautifulSoup(page.text, "lxml")
    title = element_text(select_one(soup, selectors.article_title)) or item.title
    published = item.published
    if selectors.article_date and (node := soup.select_one(selectors.article_date)) is not None:
        published = parse_date(element_text(node), context.timezone_of(source), dayfirst=_dayfirst(source))
    if published is None:
        raise ValueError(f"no date: the article_date selector {selectors.article_date!r} matches nothing")
    if not context.wanted(published):
        return _OutOfPeriod(published)  # dated only on its page
    if not title:
        raise ValueError("no title")
    body = article_body(page, selectors.body, remove_selectors(source))
    if not body:
        raise ValueError(f"no text in the body element {selectors.body!r}")
    return Release(
        id=release_id(item.url, title, published),
        source=source.name,
        url=item.url,
        category=item.category or str(source.options.get("category", "")),
        title=title,
        body=body,
        published=published,
        fetched_at=datetime.now(UTC).replace(microsecond=0),
        language=str(source.options.get("language") or guess_language(f"{title} {body}")),
    )


def _next_page(source: Source, url: str, page: Page, soup: BeautifulSoup, selectors: Selectors) -> str | None:
    """The next list page: by the `next` link, or by counting up the `page_parameter` of the URL."""
    parameter = source.options.get("page_parameter")
    if parameter:
        return with_page(url, str(parameter))
    link = select_one(soup, selectors.next)
    href = link.get("href") if link is not None else None
    if not href or str(href).startswith(("javascript:", "#")):
        return None
    return absolute(page.url, str(href))


def with_page(url: str, parameter: str) -> str:
    """The next page's URL: with_page("list.do?pageIndex=2&x=1", "pageIndex") -> "list.do?pageIndex=3&x=1"."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    current = next((value for key, value in pairs if key == parameter), "1")
    number = int(current) + 1 if current.isdigit() else 2
    if any(key == parameter for key, _ in pairs):
        pairs = [(key, str(number) if key == parameter else value) for key, value in pairs]
    else:
        pairs.append((parameter, str(number)))
    return urlunsplit(parts._replace(query=urlencode(pairs)))


def _dayfirst(source: Source) -> bool:
    value: Any = source_option(source, "dayfirst", False, bool)
    return bool(value)
