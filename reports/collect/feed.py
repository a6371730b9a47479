"""RSS 2.0 and Atom feeds (feedparser), one release per entry in the period.

An entry's text is its full content (Atom <content>, RSS <content:encoded>);
when it carries only a summary (RSS <description>, Atom <summary>) the article
page it links to is fetched and its text taken from the `body` selector (else
the article text trafilatura finds there; see web.article_body). Feeds are read
as feed readers read them: what feedparser recovers from a malformed feed is
read (with a warning naming the line), dates go through `entry_day`, and
entries that share one link are identified by title and date. Source options:

    article = "auto"     # auto: fetch when there is no full content | always | never
    body = "div.article" # CSS selector of the text on article pages (optional)
    remove = [".share"]  # elements dropped from the text (optional)
    category = "Press release"  # when entries carry none
    language = "en"      # else guessed from the text
    timezone = "Europe/London"  # the source's calendar (default: the config's)
"""

from __future__ import annotations

import codecs
import logging
import re
import time
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import feedparser

from reports.collect.dump import Rejection
from reports.collect.fetch import FetchError, Page
from reports.collect.web import (
    Collected,
    PartialDate,
    Unchanged,
    UnknownZone,
    WebContext,
    absolute,
    article_body,
    checked_selector,
    html_text,
    ignored_parameters,
    local_day,
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
_XML_DECLARATION = re.compile(rb"<\?xml\s")
# Formats whose items carry no date of their own: their entries take the channel's, flagged.
_UNDATED_ITEMS = frozenset({"rss090", "rss091n", "rss091u", "rss092", "rss10"})
# The end of a date feedparser reads exactly: a numeric offset, Z, UT/UTC or GMT.
_EXPLICIT_OFFSET = re.compile(r"(?:[+-]\d{2}:?\d{2}|\dZ|\bUTC?|\bGMT)\s*$", re.IGNORECASE)


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
    channel = _channel_day(parsed, context.timezone_of(source))
    reading = _Reading(page, mode, body_selector, channel, _shared_links(page, parsed.entries, source))
    complete, undated = True, 0
    for entry in parsed.entries:
        undated += channel is not None and not _dates_of(entry)
        for item in _entry(source, context, reading, entry):
            complete = complete and not isinstance(item, Rejection)
            yield item
    if undated:
        log.warning(
            "%s: %d %s carry no date (%s items have none): dated by the channel's date, %s",
            page.url, undated, "entry" if undated == 1 else "entries", parsed.version, channel,
        )
    if complete:
        fetcher.remember(page)


def parse_feed(page: Page) -> Any:
    """feedparser's reading of the page, as a feed reader takes it.

    Whitespace before `<?xml` is dropped. A malformed feed from which feedparser recovered entries is
    read, with a warning naming the line of the problem; one with nothing usable, or a document that
    is not a feed, is a BriefError.
    """
    content, skipped_lines = _without_leading_space(page.content)
    parsed = feedparser.parse(
        content,
        response_headers={
            "content-type": page.content_type or "application/xml",
            "content-location": page.url,
        },
        sanitize_html=True,
        resolve_relative_uris=True,
    )
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _BENIGN):
        message = f"{page.url}: malformed feed{_problem(problem, content, skipped_lines)}"
        if not any(html_text(_field(entry, "title")) for entry in parsed.entries):
            raise BriefError(message)  # nothing usable: no entry came back with a title
        count = len(parsed.entries)
        entries = "entry" if count == 1 else "entries"
        log.warning("%s; read the %d %s feedparser recovered", message, count, entries)
    elif not parsed.get("version"):
        raise BriefError(f"{page.url}: not an RSS or Atom feed")
    return parsed


def _without_leading_space(content: bytes) -> tuple[bytes, int]:
    """The document without whitespace before its first `<` (a BOM kept), and how many lines went."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in content[:4]:
        return content, 0  # UTF-16 or UTF-32: feedparser decodes it, and stray spaces are not bytes here
    bom = codecs.BOM_UTF8 if content.startswith(codecs.BOM_UTF8) else b""
    body = content[len(bom) :]
    stripped = body.lstrip()
    return bom + stripped, body[: len(body) - len(stripped)].count(b"\n")


def _problem(problem: object, content: bytes, skipped_lines: int) -> str:
    """' at line 8, column 6: mismatched tag', the line counted in the document as it was sent."""
    if not isinstance(problem, xml.sax.SAXParseException):
        return f": {_first_line(problem)}"
    line = problem.getLineNumber() + skipped_lines
    if not _XML_DECLARATION.match(content.lstrip(codecs.BOM_UTF8)):
        line -= 1  # feedparser put a declaration line of its own in front of the document
    return f" at line {line}, column {problem.getColumnNumber()}: {problem.getMessage()}"


@dataclass(frozen=True)
class _Reading:
    """What every entry of one read of a feed shares."""

    page: Page
    mode: str  # article = auto | always | never
    body_selector: str | None
    channel: date | None  # the channel's day, for formats whose items carry no date
    shared: frozenset[str]  # links several entries give (a podcast's home page): they identify none


def entry_title(entry: Any) -> str:
    """An entry's title as plain text on one line."""
    return html_text(str(_field(entry, "title"))).replace("\n\n", " ")


def entry_published(entry: Any, timezone: str) -> date:
    """An entry's own day in `timezone`; ValueError (with the reason) when it has no readable date."""
    return _published(entry, timezone)


def _entry(source: Source, context: WebContext, reading: _Reading, entry: Any) -> Iterator[Collected]:
    title = entry_title(entry)
    link = _link_of(entry)
    url = absolute(reading.page.url, link, ignored_parameters(source)) if link else None
    label = url or title or "an entry without title or link"
    if not title:
        yield rejection(source, label, "entry has no title")
        return
    try:
        published = _published(entry, context.timezone_of(source), reading.channel)
    except ValueError as exc:
        yield rejection(source, label, f"entry has no readable date ({exc})")
        return
    if not context.wanted(published):
        return
    content = _full_content(entry)
    own_page = url is not None and url not in reading.shared
    if own_page and (reading.mode == "always" or (reading.mode == "auto" and not content)):
        assert url is not None
        yield from _from_article(source, context, url, title, published, entry, reading.body_selector)
        return
    body = html_text(content or entry.get("summary", ""))
    if not body:
        yield rejection(source, label, "entry has no text" + ("" if url else " and no link"))
        return
    # An entry without a page of its own is identified by its title and date (DESIGN: Release.id).
    yield _release(source, url, title, published, entry, body, identity=url if own_page else None)


def _link_of(entry: Any) -> str:
    """The entry's link, else its id when that is a web address (Atom entries without a link)."""
    link = str(entry.get("link") or "").strip()
    if link:
        return link
    guid = str(entry.get("id") or "").strip()
    return guid if guid.startswith(("http://", "https://")) else ""


def _shared_links(page: Page, entries: list[Any], source: Source) -> frozenset[str]:
    seen: dict[str, int] = {}
    for entry in entries:
        link = _link_of(entry)
        if link:
            url = absolute(page.url, link, ignored_parameters(source))
            seen[url] = seen.get(url, 0) + 1
    return frozenset(url for url, count in seen.items() if count > 1)


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
    yield _release(source, url, title, published, entry, body, identity=url)
    fetcher.remember(article)  # only now that the release is stored


def _release(
    source: Source,
    url: str | None,
    title: str,
    published: date,
    entry: Any,
    body: str,
    *,
    identity: str | None,
) -> Release:
    """`identity` is what the release id hashes: its URL, or None (title and date) for a shared link."""
    tags = entry.get("tags") or []
    category = next((t.get("term") or t.get("label") for t in tags if t.get("term") or t.get("label")), None)
    return Release(
        id=release_id(identity, title, published),
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


def _published(entry: Any, timezone: str, channel: date | None = None) -> date:
    """The entry's day in `timezone`: its own date, else (formats without item dates) the channel's."""
    dates = _dates_of(entry)
    if dates:
        return entry_day(*dates[0], timezone)
    if channel is not None:
        return channel
    raise ValueError("no published or updated date")


def _dates_of(item: Any) -> list[tuple[str, Any]]:
    """(text, feedparser's parsed time) of each date an entry or channel gives, most telling first."""
    dates = []
    for key in ("published", "updated", "created", "dc_date"):
        text, parsed = str(_field(item, key)).strip(), _field(item, f"{key}_parsed", None)
        if text or parsed:
            dates.append((text, parsed))
    return dates


def _channel_day(parsed: Any, timezone: str) -> date | None:
    """The channel's date, for formats whose items carry none (RSS 0.9x, RSS 1.0); else None."""
    if parsed.get("version") not in _UNDATED_ITEMS:
        return None
    for text, when in _dates_of(parsed.feed):
        try:
            return entry_day(text, when, timezone)
        except ValueError:
            continue
    return None


def entry_day(text: str, parsed: time.struct_time | None, timezone: str) -> date:
    """The calendar day of a feed date in `timezone`.

    feedparser's parsed time (UTC) when the text ends in an offset it reads exactly ("+0900", "Z",
    "GMT"), or when only feedparser can read the text; else parse_date, which reads named zones
    from zones.toml (an unknown zone is a ValueError), keeps a bare date as written, reads a time
    without a zone in the source's calendar and rejects partial dates ("2003-12").
    entry_day("Wed, 14 Jan 2026 23:30:00 PST", None, "UTC") -> date(2026, 1, 15)
    """
    if parsed is not None and _EXPLICIT_OFFSET.search(text):
        return local_day(datetime(*parsed[:6], tzinfo=UTC), timezone)
    try:
        return parse_date(text, timezone)
    except (UnknownZone, PartialDate):
        raise
    except ValueError:
        if parsed is None:
            raise
        return local_day(datetime(*parsed[:6], tzinfo=UTC), timezone)  # a format only feedparser knows


def _field(item: Any, key: str, default: Any = "") -> Any:
    """An entry's own value for `key`, without feedparser's deprecated updated-for-published mapping."""
    value = dict.get(item, key)
    return default if value is None else value


def _first_line(problem: object) -> str:
    return (str(problem).splitlines() or [type(problem).__name__])[0]
