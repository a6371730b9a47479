"""RSS 2.0 and Atom feeds (feedparser), one release per entry in the period.

An entry's text is its full content (Atom <content>, RSS <content:encoded>);
when it carries only a summary (RSS <description>, Atom <summary>) the article
page it links to is fetched and its text taken from the `body` selector (else
the page's main content). Source options:

    article = "auto"     # auto: fetch when there is no full content | always | never
    body = "div.article" # CSS selector of the text on article pages (optional)
    remove = [".share"]  # elements dropped from the text (optional)
    category = "Press release"  # when entries carry none
    language = "en"      # else guessed from the text
    timezone = "Europe/London"  # the source's calendar (default: the config's)
"""

from __future__ import annotations

import logging
import xml.sax
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import feedparser

from reports.collect.dump import Rejection
from reports.collect.fetch import FetchError, Page
from reports.collect.web import (
    Collected,
    Unchanged,
    WebContext,
    absolute,
    article_body,
    checked_selector,
    html_text,
    ignored_parameters,
    parse_date,
    rejection,
    remove_selectors,
    source_option,
)
from reports.config import Source
from reports.errors import BriefError
from reports.records import Release, guess_language, release_id

log = logging.getLogger(__name__)

_ARTICLE_MODES = ("auto", "always", "never")
# Oddities feedparser reports that do not make a feed unreadable.
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def collect(source: Source, context: WebContext) -> Iterator[Collected]:
    """Releases of the feed's entries in the period; raises BriefError if the feed cannot be read."""
    assert source.url is not None
    mode = source_option(source, "article", "auto", str)
    if mode not in _ARTICLE_MODES:
        choices = ", ".join(_ARTICLE_MODES)
        raise BriefError(f"source {source.name!r}: article = {mode!r} is not one of {choices}")
    body_selector = source.options.get("body")
    if body_selector is not None:
        body_selector = checked_selector(body_selector, f"source {source.name!r}: body")
    fetcher = context.fetcher
    page = fetcher.get(source.url, conditional=True, key=context.listing_key(source.url))
    if page.not_modified:
        # Nothing new since the last complete read of this feed for this period.
        start, end = (context.period.start, context.period.end) if context.period else (None, None)
        for release in context.store.releases_of(source.name, start, end):
            yield Unchanged(release)
        return
    parsed = parse_feed(page)
    complete = True
    for entry in parsed.entries:
        for item in _entry(source, context, page, entry, mode, body_selector):
            complete = complete and not isinstance(item, Rejection)
            yield item
    if complete:
        fetcher.remember(page)


def parse_feed(page: Page) -> Any:
    """feedparser's reading of the page; a malformed or non-feed document is a BriefError."""
    parsed = feedparser.parse(
        page.content,
        response_headers={
            "content-type": page.content_type or "application/xml",
            "content-location": page.url,
        },
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _BENIGN):
        where = ""
        message = _first_line(problem)
        if isinstance(problem, xml.sax.SAXParseException):
            where = f" at line {problem.getLineNumber()}, column {problem.getColumnNumber()}"
            message = problem.getMessage()
        raise BriefError(f"{page.url}: malformed feed{where}: {message}")
    if not parsed.get("version"):
        raise BriefError(f"{page.url}: not an RSS or Atom feed")
    return parsed


def _entry(
    source: Source, context: WebContext, page: Page, entry: Any, mode: str, body_selector: str | None
) -> Iterator[Collected]:
    title = html_text(entry.get("title", "")).replace("\n\n", " ")
    link = entry.get("link") or ""
    label = link or title or "an entry without title or link"
    if not title:
        yield rejection(source, label, "entry has no title")
        return
    if not link:
        yield rejection(source, label, "entry has no link")
        return
    url = absolute(page.url, link, ignored_parameters(source))
    try:
        published = _published(entry, context.timezone_of(source))
    except ValueError as exc:
        yield rejection(source, url, f"entry has no readable date ({exc})")
        return
    if not context.wanted(published):
        return
    content = _full_content(entry)
    if mode == "always" or (mode == "auto" and not content):
        yield from _from_article(source, context, url, title, published, entry, body_selector)
        return
    body = html_text(content or entry.get("summary", ""))
    if not body:
        yield rejection(source, url, "entry has no text")
        return
    yield _release(source, url, title, published, entry, body)


def _from_article(
    source: Source,
    context: WebContext,
    url: str,
    title: str,
    published: date,
    entry: Any,
    body_selector: str | None,
) -> Iterator[Collected]:
    fetcher = context.fetcher
    try:
        article = fetcher.get(url, conditional=True)
        if article.not_modified:
            stored = context.store.release_by_url(url)
            if stored is not None:
                yield Unchanged(stored)
                return
            article = fetcher.get(url)  # stored under another source's URL: read it again
        body = article_body(article, body_selector, remove_selectors(source))
    except (FetchError, ValueError) as exc:
        yield rejection(source, url, str(exc))
        return
    if not body:
        yield rejection(source, url, "article page has no text")
        return
    yield _release(source, url, title, published, entry, body)
    fetcher.remember(article)  # only now that the release is stored


def _release(source: Source, url: str, title: str, published: date, entry: Any, body: str) -> Release:
    tags = entry.get("tags") or []
    category = next((t.get("term") or t.get("label") for t in tags if t.get("term") or t.get("label")), None)
    return Release(
        id=release_id(url, title, published),
        source=source.name,
        url=url,
        category=str(category or source.options.get("category", "")),
        title=title,
        body=body,
        published=published,
        fetched_at=datetime.now(UTC).replace(microsecond=0),
        language=str(source.options.get("language") or guess_language(f"{title} {body}")),
    )


def _full_content(entry: Any) -> str:
    """The entry's full text (Atom content, RSS content:encoded), '' when it carries only a summary."""
    for content in entry.get("content") or []:
        value = content.get("value", "")
        if value.strip():
            return str(value)
    return ""


def _published(entry: Any, timezone: str) -> date:
    for key in ("published", "updated", "created", "dc_date"):
        text = entry.get(key)
        if text:
            return parse_date(str(text), timezone)
    raise ValueError("no published or updated date")


def _first_line(problem: object) -> str:
    return (str(problem).splitlines() or [type(problem).__name__])[0]
