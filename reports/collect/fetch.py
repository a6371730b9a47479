"""A polite HTTP fetcher for live sources (httpx).

Polite means: a User-Agent that says who is asking and how to reach them;
robots.txt honoured (urllib.robotparser, with its Crawl-delay); one request
at a time with a delay between two requests to the same host; retries with
exponential backoff on 5xx, 429, timeouts and dropped connections, waiting
as long as Retry-After asks; conditional GET with the ETag and Last-Modified
of the last successful fetch, kept in the store's ``fetch_state`` table.

    fetcher = Fetcher(FetchSettings(contact="analyst@example.org"), store=store)
    page = fetcher.get("https://example.org/press", conditional=True)
    if not page.not_modified:
        ...  # use page.text, then fetcher.remember(page) once what it held is stored

Sleeping and the clock are injectable, so tests of retries and delays are fast.
"""

from __future__ import annotations

import codecs
import email.message
import email.utils
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx
from bs4.dammit import EncodingDetector

from reports.config import FetchSettings
from reports.errors import BriefError

__all__ = ["Fetcher", "FetchError", "FetchSettings", "Page", "decode_html", "retry_after"]

log = logging.getLogger(__name__)

# Statuses worth asking again for: the server is busy or broken for now.
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
# The WHATWG Encoding Standard decodes every label of "EUC-KR" as windows-949 (CP949), its superset:
# Korean pages labelled euc-kr routinely use CP949's extra syllables.
_KOREAN_LABELS = frozenset(
    {
        "cseuckr",
        "csksc56011987",
        "euc-kr",
        "euc_kr",
        "euckr",
        "iso-ir-149",
        "korean",
        "ks_c_5601-1987",
        "ks_c_5601-1989",
        "ksc5601",
        "ksc_5601",
        "windows-949",
        "x-windows-949",
        "cp949",
        "uhc",
    }
)
# Tried in order when neither the HTTP header nor the page names an encoding that decodes it.
FALLBACK_ENCODINGS = ("utf-8", "cp949")


class FetchError(BriefError):
    """A page could not be fetched: the message names the URL and the reason."""


class SourceStopped(BriefError):
    """The whole source stops, not one page: its time is up, or its site asks too long a Crawl-delay.

    Not a FetchError, so a collector that skips a page it cannot fetch does not swallow it.
    """


Resolver = Callable[[str], list[str]]


def resolve_host(host: str) -> list[str]:
    """The addresses `host` resolves to ('127.0.0.1' -> ['127.0.0.1']); [] when it does not resolve."""
    import socket

    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})
    except (socket.gaierror, UnicodeError, OSError):
        return []


def is_internal(address: str) -> bool:
    """Loopback, private, link-local (169.254.169.254: cloud metadata), or otherwise not public."""
    import ipaddress

    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address at all: treat as unsafe
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_loopback or ip.is_link_local or ip.is_private


def redirect_refusal(source: str, target: str, resolve: Resolver = resolve_host) -> str | None:
    """Why a redirect from `source` to `target` must not be followed, or None when it may.

    A source on a public address may not send brief to an internal one (loopback, private,
    link-local); a source that is itself on such an address may (an intranet site).
    """
    source_host, target_host = _host(source), _host(target)
    if target_host is None:
        return f"redirect to {target!r}: not an http(s) address"
    targets = resolve(target_host)
    internal = [a for a in targets if is_internal(a)]
    if not internal:
        return None
    sources = resolve(source_host) if source_host else []
    if sources and all(is_internal(a) for a in sources):
        return None
    return (
        f"redirect to {target_host} ({internal[0]}) refused: a public source may not lead brief "
        "to a loopback, private or link-local address"
    )


def _host(url: str) -> str | None:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return None
    return parsed.host


class FetchStateStore(Protocol):
    """Where validators of earlier fetches live (reports.store.Store implements it)."""

    def fetch_state(self, key: str) -> tuple[str | None, str | None] | None: ...

    def save_fetch_state(
        self, key: str, etag: str | None, last_modified: str | None, status: int
    ) -> None: ...


@dataclass(frozen=True)
class Page:
    """One fetched document."""

    url: str  # after redirects
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    not_modified: bool = False  # answered 304 to a conditional GET
    key: str | None = None  # the fetch_state key its validators go under

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def text(self) -> str:
        return decode_html(self.content, self.content_type)


class Fetcher:
    """Fetches pages one at a time, politely; see the module docstring."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        store: FetchStateStore | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver = resolve_host,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.store = store
        self._sleep = sleep
        self._clock = clock
        self._resolve = resolve
        self._source: tuple[str, float] | None = None  # (name, monotonic time it must end by)
        self._skipped: dict[str, str] = {}  # origin -> why its whole site is skipped
        # Each read waits at most this long, and never past the request's whole deadline (0: none).
        self._read_timeout = min(self.settings.timeout, self.settings.deadline or math.inf)
        self._transport = transport
        self._client = self._new_client()
        self._robots: dict[str, RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}
        self._host_delays: dict[str, float] = {}  # Crawl-delay of robots.txt, by origin
        self.requested: list[str] = []  # every URL requested, in order (robots.txt included)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, conditional: bool = False, key: str | None = None) -> Page:
        """GET `url`, following redirects; raises FetchError when it cannot be had.

        With `conditional`, the validators stored under `key` (default: the URL) are
        sent, and a 304 answer gives a Page with `not_modified` set and no content.
        """
        key = key or url
        headers = self._validators(key) if conditional else {}
        first = url
        for _ in range(_MAX_REDIRECTS + 1):
            self._check_time()
            self._check_robots(url)
            response = self._request(url, headers)
            if response.status_code in _REDIRECTS and "location" in response.headers:
                url = self._redirect(first, url, response.headers["location"])
                continue
            return self._page(url, response, key)
        raise FetchError(f"{url}: more than {_MAX_REDIRECTS} redirects")

    def begin_source(self, name: str) -> None:
        """Start the clock of one source: past settings.source_deadline, every get() raises SourceStopped."""
        limit = self.settings.source_deadline
        self._source = (name, self._clock() + limit) if limit > 0 else None  # 0: no deadline

    def _check_time(self) -> None:
        if self._source is not None and self._clock() > self._source[1]:
            raise SourceStopped(
                f"source {self._source[0]!r}: stopped after {self.settings.source_deadline:g} s "
                "(fetch.source_deadline); what was stored before is kept"
            )

    def _redirect(self, first: str, url: str, location: str) -> str:
        target = urljoin(url, location)
        refusal = redirect_refusal(first, target, self._resolve)
        if refusal is not None:
            raise FetchError(f"{url}: {refusal}")
        return target

    def remember(self, page: Page) -> None:
        """Keep the page's validators for the next conditional GET (call once its content is stored)."""
        if self.store is None or page.not_modified or page.key is None:
            return
        etag, modified = page.headers.get("etag"), page.headers.get("last-modified")
        if etag or modified:
            self.store.save_fetch_state(page.key, etag, modified, page.status)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's site lets this user agent fetch it."""
        robots = self._robots_for(url)
        return robots is None or robots.can_fetch(self.settings.user_agent, url)

    # Internals

    def _validators(self, key: str) -> dict[str, str]:
        state = self.store.fetch_state(key) if self.store is not None else None
        if state is None:
            return {}
        etag, modified = state
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    def _page(self, url: str, response: _Response, key: str) -> Page:
        status = response.status_code
        if status == 304:
            return Page(url, status, not_modified=True, key=key)
        if status >= 400:
            raise FetchError(f"{url}: HTTP {status} {response.reason}".rstrip())
        if status != 200:
            raise FetchError(f"{url}: unexpected HTTP {status} {response.reason}".rstrip())
        return Page(url, status, response.content, response.headers, key=key)

    def _check_robots(self, url: str) -> None:
        if not self.allowed(url):
            raise FetchError(f"{url}: robots.txt of {_origin(url)} disallows it for brief")

    def _robots_for(self, url: str) -> RobotFileParser | None:
        """The site's parsed robots.txt; None when it has none (everything allowed)."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._fetch_robots(origin)
        if origin in self._skipped:
            raise SourceStopped(self._skipped[origin])
        return self._robots[origin]

    def _fetch_robots(self, origin: str) -> RobotFileParser | None:
        robots_url = f"{origin}/robots.txt"
        url = robots_url
        for _ in range(_MAX_REDIRECTS + 1):
            try:
                response = self._request(url, {})
            except FetchError as exc:
                # RFC 9309: an unreachable robots.txt means the whole site is off limits.
                raise FetchError(f"{exc}; without its robots.txt nothing on {origin} is fetched") from None
            if response.status_code in _REDIRECTS and "location" in response.headers:
                url = self._redirect(robots_url, url, response.headers["location"])
                continue
            break
        parser = RobotFileParser(robots_url)
        if response.status_code in (401, 403):
            parser.disallow_all = True
        elif response.status_code >= 400:
            return None  # no robots.txt: everything is allowed
        else:
            parser.parse(decode_html(response.content, response.headers.get("content-type", "")).splitlines())
        delay = parser.crawl_delay(self.settings.user_agent)
        if delay:
            self._host_delays[origin] = float(delay)
            cap = self.settings.max_crawl_delay
            if float(delay) > cap:
                self._skipped[origin] = (
                    f"{origin}: robots.txt asks {float(delay):g} s between requests (Crawl-delay), more than "
                    f"the {cap:g} s brief waits (fetch.max_crawl_delay); site skipped"
                )
        return parser

    def _request(self, url: str, headers: dict[str, str]) -> _Response:
        """One GET with retries; the last failure becomes a FetchError."""
        settings = self.settings
        reason = ""
        for attempt in range(settings.retries + 1):
            self._wait_turn(url)
            wait = settings.backoff * 2**attempt
            try:
                response = self._send_within_deadline(url, headers)
            except _DeadlinePassed:
                reason = f"took longer than {settings.deadline:g} s in all (fetch.deadline)"
            except httpx.TimeoutException:
                reason = f"timed out after {self._read_timeout:g} s"
            except httpx.TransportError as exc:
                reason = f"connection failed ({type(exc).__name__}: {exc})".replace(" ()", "")
            else:
                if response.status_code not in _RETRY_STATUSES:
                    return response
                reason = f"HTTP {response.status_code} {response.reason}".rstrip()
                asked = retry_after(response.headers.get("retry-after"), self._now())
                if asked is not None:
                    if asked > settings.max_retry_after:
                        raise FetchError(
                            f"{url}: {reason}, Retry-After {asked:g} s is longer than the "
                            f"{settings.max_retry_after:g} s brief waits"
                        )
                    wait = max(asked, 0.0)
            if attempt < settings.retries:
                log.info("%s: %s; retrying in %g s", url, reason, wait)
                self._sleep(wait)
        attempts = settings.retries + 1
        raise FetchError(f"{url}: {reason} ({attempts} attempt{'s' if attempts > 1 else ''})")

    def _send_within_deadline(self, url: str, headers: dict[str, str]) -> _Response:
        """_send, given settings.deadline seconds in all: a server trickling bytes is cut off.

        The body is checked as it arrives; a request stuck before its body (headers sent one byte at a
        time) is run in a worker thread that is abandoned at the deadline, its socket shut.
        """
        import threading

        deadline = self.settings.deadline
        if deadline <= 0:  # 0: no deadline beyond the timeout of each read
            return self._send(url, headers)
        outcome: dict[str, object] = {}

        def work() -> None:
            try:
                outcome["response"] = self._send(url, headers, time.monotonic() + deadline)
            except BaseException as exc:  # handed to the caller below
                outcome["error"] = exc

        worker = threading.Thread(target=work, name=f"fetch {url}", daemon=True)
        worker.start()
        worker.join(deadline + 0.5)
        if worker.is_alive():
            self._client.close()  # the stuck connection goes with it; later requests use a new client
            self._client = self._new_client()
            self._last_request[_origin(url)] = self._clock()
            raise _DeadlinePassed
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["response"]  # type: ignore[return-value]

    def _new_client(self) -> httpx.Client:
        return httpx.Client(
            headers={"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self._read_timeout),
            follow_redirects=False,  # each hop is checked against robots.txt and the host delay
            transport=self._transport,
        )

    def _send(self, url: str, headers: dict[str, str], ends_by: float | None = None) -> _Response:
        self.requested.append(url)
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    if ends_by is not None and time.monotonic() > ends_by:
                        raise _DeadlinePassed
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        raise FetchError(f"{url}: larger than {self.settings.max_bytes} bytes")
                    chunks.append(chunk)
                return _Response(
                    response.status_code,
                    response.reason_phrase,
                    b"".join(chunks),
                    {name.lower(): value for name, value in response.headers.items()},
                )
        except httpx.InvalidURL as exc:
            raise FetchError(f"{url}: not a URL brief can fetch ({exc})") from None
        except httpx.UnsupportedProtocol:
            raise FetchError(f"{url}: only http and https URLs can be fetched") from None
        finally:
            self._last_request[_origin(url)] = self._clock()

    def _wait_turn(self, url: str) -> None:
        origin = _origin(url)
        last = self._last_request.get(origin)
        if last is None:
            return
        delay = max(self.settings.delay, self._host_delays.get(origin, 0.0))
        remaining = delay - (self._clock() - last)
        if remaining > 0:
            self._sleep(remaining)

    def _now(self) -> datetime:
        return datetime.now(UTC)


class _DeadlinePassed(Exception):
    """A request went past settings.deadline."""


@dataclass(frozen=True)
class _Response:
    status_code: int
    reason: str
    content: bytes
    headers: dict[str, str]


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks to wait: '120' -> 120.0; an HTTP date -> seconds until it."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def decode_html(content: bytes, content_type: str = "") -> str:
    """Bytes of a page as text: the HTTP charset, else the page's own declaration, else UTF-8, else CP949.

    Each candidate must decode the whole page strictly; the first that does wins. A BOM
    beats everything. Labels of EUC-KR decode as CP949, as browsers do.
    """
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    candidates = [
        _charset(content_type),
        EncodingDetector.find_declared_encoding(content[:4096], is_html=True),
        *FALLBACK_ENCODINGS,
    ]
    for label in candidates:
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return content.decode(codec)
        except UnicodeDecodeError:
            continue
    return content.decode("utf-8", errors="replace")


def _charset(content_type: str) -> str | None:
    if not content_type:
        return None
    message = email.message.Message()
    message["content-type"] = content_type
    return message.get_content_charset()


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _KOREAN_LABELS:
        return "cp949"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp949" if name == "euc_kr" else name


def _origin(url: str) -> str:
    """'https://Example.org:443/a?b' -> 'https://example.org'."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return url
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}"
