"""What the live collectors (feed, html) share: dates, clean text, URLs, and what they yield.

A live collector is a generator of `Release` (read now), `Unchanged` (its page
answered 304: the stored release stands) and `Rejection` (one entry could not
be read; the others go on). A BriefError it raises fails its source only.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
import warnings
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import soupsieve
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from dateutil import parser as dateparser
from dateutil import tz as dateutil_tz

from reports.collect.dump import Rejection
from reports.collect.fetch import Fetcher, Page
from reports.config import Source
from reports.errors import BriefError
from reports.periods import Period
from reports.records import Release


@dataclass(frozen=True)
class Unchanged:
    """A page answered 304 Not Modified: the release stored from it is unchanged."""

    release: Release


Collected = Release | Unchanged | Rejection


class ReleaseLookup(Protocol):
    """What collectors may ask the store (reports.store.Store implements it)."""

    def release_by_url(self, url: str) -> Release | None: ...

    def releases_of(self, source: str, start: date | None, end: date | None) -> list[Release]: ...


@dataclass
class WebContext:
    """Everything a live collector needs besides its source."""

    fetcher: Fetcher
    store: ReleaseLookup
    period: Period | None = None
    timezone: str = "Asia/Seoul"

    def wanted(self, day: date) -> bool:
        return self.period is None or day in self.period

    def timezone_of(self, source: Source) -> str:
        """The calendar a source's dates are read in: its `timezone` option, else the config's."""
        return str(source.options.get("timezone") or self.timezone)

    def listing_key(self, url: str) -> str:
        """fetch_state key of a listing (feed) read for this period: its 304 only vouches for that period."""
        return f"{url}#brief-period={self.period.key}" if self.period else url


# Dates

# Date-looking runs inside longer text ("Posted 2026.01.15 | Views 123"):
# numeric, "Jan 15, 2026", "15 Jan 2026".
_DATE_RUN = re.compile(
    r"\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
)
_YEARS = (1990, 2100)  # a "date" outside these is a misreading of some other number
_KOREAN_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_ZONES = Path(__file__).with_name("zones.toml")


def parse_date(text: str, timezone: str = "Asia/Seoul", *, dayfirst: bool = False) -> date:
    """The calendar date a site shows, in the source's timezone.

    parse_date("2026.01.15") == parse_date("Jan 15, 2026") == parse_date("2026-01-15") == date(2026, 1, 15)
    parse_date("Wed, 14 Jan 2026 23:30:00 GMT", "Asia/Seoul") -> date(2026, 1, 15)
    parse_date("Wed, 14 Jan 2026 23:30:00 PST", "UTC") -> date(2026, 1, 15)  (zones.toml)
    A time without a zone is the source's own. Raises ValueError when the text holds no date, only
    part of one ("2003-12", "Jan 15": never completed from today), or names a zone brief does not know.
    """
    cleaned = _KOREAN_DATE.sub(r"\1-\2-\3", " ".join(text.split()))
    candidates = [cleaned]
    run = _DATE_RUN.search(cleaned)
    if run is not None:
        candidates.append(run.group(0))  # "Posted 2026.01.15 | Views 123" -> "2026.01.15"
    partial = None
    for candidate in candidates:
        try:
            moment = _parsed(candidate, dayfirst)
        except PartialDate as exc:
            partial = partial or str(exc)
            continue
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, UnknownZone):
                raise
            continue
        if _YEARS[0] <= moment.year <= _YEARS[1]:
            return local_day(moment, timezone)
    if partial:
        raise PartialDate(partial)
    moment = _foreign_date(cleaned)
    if moment is not None and _YEARS[0] <= moment.year <= _YEARS[1]:
        return local_day(moment, timezone)
    raise ValueError(f"no date in {text.strip()[:60]!r}")


# Languages whose day and month names dates are tried in when dateutil reads none ("Seg, 24 Set 2018").
_DATE_LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "nl", "ko", "ja", "zh")


def _foreign_date(text: str) -> datetime | None:
    """A full date in another language's words, by dateparser (loaded only for such dates); else None."""
    if not re.search(r"\d", text) or len(text) > 80:
        return None
    import dateparser as multilingual

    try:
        return multilingual.parse(text, languages=list(_DATE_LANGUAGES), settings={"STRICT_PARSING": True})
    except (ValueError, OverflowError, TypeError):
        return None


class UnknownZone(ValueError):
    """A date names a time zone that is not in zones.toml."""


class PartialDate(ValueError):
    """A date without its day, month or year ("2003-12"): brief never completes one from today."""


# Two defaults that differ in every field: what the text does not give, dateutil fills from them.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def _parsed(text: str, dayfirst: bool) -> datetime:
    first, second = (
        dateparser.parse(text, dayfirst=dayfirst, default=default, tzinfos=_zone) for default in _DEFAULTS
    )
    if first.date() != second.date():
        raise PartialDate(f"{text.strip()[:60]!r} is only part of a date (no day, month or year)")
    return first


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's tzinfos: a named zone from zones.toml, else a numeric offset; an unknown name raises."""
    if name:
        hours = zone_table().get(name.upper())
        if hours is None:
            if offset is not None:
                return dateutil_tz.tzoffset(name, offset)  # "GMT+09:00": the number says it
            raise UnknownZone(f"unknown time zone {name!r}: not read as local time (see zones.toml)")
        return dateutil_tz.tzoffset(name, int(hours * 3600))
    return dateutil_tz.tzoffset(None, offset) if offset is not None else None


@functools.cache
def zone_table() -> dict[str, float]:
    """zones.toml: named time zones and their offsets from UTC in hours, read once."""
    with _ZONES.open("rb") as handle:
        return {name.upper(): float(hours) for name, hours in tomllib.load(handle)["zones"].items()}


def local_day(moment: datetime, timezone: str) -> date:
    """The calendar day of `moment` in `timezone`; a time without a zone is already local there."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(timezone))
    return moment.date()


# URLs

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)


def normalize_url(url: str, ignore: tuple[str, ...] = ()) -> str:
    """The form a release URL is stored and identified by.

    Lower-case scheme and host, no default port, no fragment, no tracking parameters
    (utm_*, fbclid, ...) nor those named in `ignore` (a board's list position, such as
    "pageIndex"); the path and the order of the other parameters are kept.
    normalize_url("HTTPS://Example.org:443/a?id=3&utm_source=rss#top") -> "https://example.org/a?id=3"
    """
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not _TRACKING.match(key) and key not in ignore]
    query = urlencode(kept)
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def absolute(base: str, href: str, ignore: tuple[str, ...] = ()) -> str:
    return normalize_url(urljoin(base, href.strip()), ignore)


def ignored_parameters(source: Source) -> tuple[str, ...]:
    """The source's `ignore_parameters`: query parameters that do not tell releases apart."""
    value = source.options.get("ignore_parameters", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BriefError(f"source {source.name!r}: ignore_parameters should be a list of names")
    return tuple(value)


def title_key(title: str) -> str:
    """Titles compared across sources: NFKC, case-folded, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


# HTML -> clean text

# Never part of a release's text.
_NOISE = (
    "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, input, select, "
    "textarea, nav, header, footer, aside, menu, [role=navigation], [role=banner], [role=contentinfo], "
    "[role=menu], [role=search], [aria-hidden=true], [hidden]"
)
_BLOCKS = frozenset(
    {
        *("address", "article", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section"),
        *("table", "tbody", "thead", "tfoot", "tr", "ul"),
    }
)
_CELLS = frozenset({"td", "th"})
# Where the text of an article page usually is, when no body selector is configured.
_MAIN_CANDIDATES = ("article", "main", "[role=main]", "#content", ".content", "body")


def html_text(html: str | Tag, remove: tuple[str, ...] = ()) -> str:
    """Clean text of an HTML fragment: no scripts, navigation or menus; one paragraph per block.

    Paragraphs are separated by a blank line, spacing inside them collapsed;
    a single <br> is a space, two in a row end a paragraph.
    """
    if isinstance(html, str):
        with warnings.catch_warnings():
            # A title such as "report.pdf" looks like a file name to BeautifulSoup: it is text here.
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            node = BeautifulSoup(html, "lxml")
    else:
        node = html
    for selector in (_NOISE, *remove):
        for element in node.select(selector):
            element.decompose()
    pieces: list[str] = []
    _flatten(node, pieces)
    text = "".join(pieces)
    paragraphs = (" ".join(chunk.split()) for chunk in re.split(r"\n[ \t\r\f\v]*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _flatten(node: Tag, pieces: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString or child.__class__.__name__ == "CData":
                pieces.append(str(child).replace("\n", " "))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            pieces.append("\n")
        elif name in _BLOCKS:
            pieces.append("\n\n")
            _flatten(child, pieces)
            pieces.append("\n\n")
        elif name in _CELLS:
            pieces.append(" ")
            _flatten(child, pieces)
            pieces.append(" ")
        else:
            _flatten(child, pieces)


def select_one(node: Tag, selector: str | None) -> Tag | None:
    return node.select_one(selector) if selector else None


def element_text(node: Tag | None) -> str:
    """An element's visible text on one line."""
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def article_body(page: Page, selector: str | None, remove: tuple[str, ...] = ()) -> str:
    """The clean text of an article page, paragraphs separated by a blank line.

    With a `selector`, that element's text, unless it is boilerplate-heavy (a selector wide enough to
    take in menus and related-story lists): then the article text trafilatura finds inside it.
    Without one, the article text trafilatura finds on the page; else the first main-content element
    (`<article>`, `<main>`, ...) that has text.
    """
    soup = BeautifulSoup(page.text, "lxml")
    if selector:
        node = soup.select_one(selector)
        if node is None:
            raise ValueError(f"no element matches the body selector {selector!r}")
        text = html_text(node, remove)  # drops scripts, navigation and `remove` from the node
        if boilerplate_share(node) > _BOILERPLATE_SHARE:
            return main_text(str(node)) or text
        return text
    for element in soup.select(", ".join(remove)) if remove else ():
        element.decompose()
    found = main_text(str(soup))
    if found:
        return found
    for candidate in _MAIN_CANDIDATES:
        node = soup.select_one(candidate)
        if node is not None:
            text = html_text(node)
            if text:
                return text
    return ""


# A body element is boilerplate-heavy when this share of its text is in blocks that are mostly links
# (menus, "most read" lists, related stories, share bars).
_BOILERPLATE_SHARE = 0.2


def boilerplate_share(node: Tag) -> float:
    """The share of an element's visible text in innermost blocks whose text is mostly link text."""
    total = _visible_length(node)
    if not total:
        return 0.0
    linky = 0
    for block in node.find_all(_BLOCKS):
        if block.find(_BLOCKS) is not None:
            continue  # only innermost blocks: a paragraph, a list item, a menu bar
        length = _visible_length(block)
        links = sum(_visible_length(a) for a in block.find_all("a"))
        if length and links / length > 0.5:
            linky += length
    return linky / total


def _visible_length(node: Tag) -> int:
    return len("".join(node.get_text().split()))


def main_text(html: str) -> str:
    """The article text of a page by trafilatura, paragraphs separated by a blank line; '' if none.

    trafilatura (favouring precision) scores best on the public article-extraction benchmarks and
    on brief's corpus of real pages (benchmarks/RESULTS.md); it loads only when a page needs it.
    """
    import trafilatura

    text = trafilatura.extract(html, favor_precision=True, include_comments=False, include_tables=True)
    paragraphs = (" ".join(line.split()) for line in (text or "").splitlines())
    return "\n\n".join(p for p in paragraphs if p)


def checked_selector(value: Any, where: str) -> str:
    """A CSS selector from brief.toml, compiled once so a typo is a config error, not a crash later."""
    if not isinstance(value, str) or not value.strip():
        raise BriefError(f"{where}: expected a CSS selector")
    try:
        soupsieve.compile(value)
    except soupsieve.SelectorSyntaxError as exc:
        raise BriefError(f"{where}: bad CSS selector {value!r} ({str(exc).splitlines()[0]})") from None
    return value


def source_option(source: Source, key: str, default: Any, kind: type) -> Any:
    """A typed option of a source; a wrong type is a BriefError naming it."""
    value = source.options.get(key, default)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise BriefError(f"source {source.name!r}: {key} = {value!r} should be a {kind.__name__}")
    return value


def remove_selectors(source: Source) -> tuple[str, ...]:
    value = source.options.get("remove", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise BriefError(f"source {source.name!r}: remove should be a list of CSS selectors")
    return tuple(checked_selector(v, f"source {source.name!r}: remove") for v in value)


def rejection(source: Source, url: str, reason: str) -> Rejection:
    """An entry of `source` that could not be read; the others go on."""
    return Rejection(f"{source.name}: {url}", reason.removeprefix(f"{url}: "))


# Deduplication


def store_release(store: Any, release: Release) -> tuple[str, str]:
    """Store a release read from a live source: ('new' | 'updated' | 'unchanged', the stored id).

    One release however often and wherever it is seen:
    - the same (normalized) URL is the same release, so a re-read updates it when its text changed;
    - else a release of another source with the same title (compared by `title_key`) published within
      a day is the same release seen elsewhere (a feed's link and a board's link differ): the source
      that stored it first keeps it, and this one counts it unchanged, so two sources never take
      turns rewriting it;
    - else a release of this source with that title and day is this one when it has no URL (it was
      read from a dump) or the same text (a board whose links carry the list page they were on):
      it keeps its id and gains the new text. Two releases of one source with the same title and
      different texts stay two.
    """
    if store.release(release.id) is None:
        twin = _twin(store, release)
        if twin is not None:
            if twin.source != release.source:
                return "unchanged", twin.id
            release = replace(release, id=twin.id, url=twin.url or release.url)
    return store.upsert_release(release), release.id


def _twin(store: Any, release: Release) -> Release | None:
    key = title_key(release.title)
    day = timedelta(days=1)
    candidates = [
        stored
        for stored in store.releases_between(release.published - day, release.published + day)
        if title_key(stored.title) == key
        and (
            stored.source != release.source
            or stored.url is None
            or stored.body.split() == release.body.split()
        )
    ]
    candidates.sort(key=lambda stored: abs((stored.published - release.published).days))
    return candidates[0] if candidates else None
