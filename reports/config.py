"""brief.toml: sources, recipients, SMTP, locale, timezone, branding.

Secrets never live here: the SMTP login comes from BRIEF_SMTP_USER and
BRIEF_SMTP_PASSWORD in the environment.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from reports import __version__
from reports.errors import BriefError
from reports.resources import sample_corpus

SOURCE_KINDS = ("dump", "feed", "html")
LOCALES = ("en", "ko")
PAPER_SIZES = {"a4": "A4", "letter": "Letter"}
DEFAULT_PDF_VARIANT = "pdf/ua-1"  # tagged and accessible; "pdf/a-3b" for an archive copy
PDF_VARIANTS = (
    "pdf/ua-1", "pdf/ua-2", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-2a", "pdf/a-3a",
)


def paper_size(name: str) -> str:
    """'letter' -> 'Letter', 'A4' -> 'A4'; anything else is a BriefError."""
    try:
        return PAPER_SIZES[name.strip().lower()]
    except (KeyError, AttributeError):
        raise BriefError(f"paper {name!r} is not one of {', '.join(PAPER_SIZES)}") from None


def pdf_variant(name: str | None) -> str:
    """A PDF variant WeasyPrint writes: None -> 'pdf/ua-1'; 'PDF/A-3b' -> 'pdf/a-3b'."""
    if name is None:
        return DEFAULT_PDF_VARIANT
    variant = str(name).strip().lower()
    if variant not in PDF_VARIANTS:
        raise BriefError(f"pdf_variant {name!r} is not one of {', '.join(PDF_VARIANTS)}")
    return variant


@dataclass(frozen=True)
class Source:
    """One configured source of releases."""

    name: str
    kind: str  # dump | feed | html
    url: str | None = None
    path: Path | None = None
    label: str | None = None  # how citations name it: "Ministry of Trade, Industry and Resources"
    options: dict[str, Any] = field(default_factory=dict)  # selectors, language, delays...


@dataclass(frozen=True)
class SourceOptions:
    """What a feed or html source may set beyond Source's own fields; each lands in Source.options.

    A collector that reads a new option adds it here, which is what lets brief.toml set it.
    """

    selectors: dict[str, str] | None = None  # html: item, link, body, title, date, ...
    article: str | None = None  # feed: auto | always | never (read the linked page)
    body: str | None = None  # feed: selector of the article's text on its page
    category: str | None = None
    language: str | None = None
    timezone: str | None = None
    remove: list[str] | None = None  # selectors dropped from the text
    ignore_parameters: list[str] | None = None
    max_pages: int | None = None
    link_attribute: str | None = None
    link_pattern: str | None = None
    link_template: str | None = None
    page_parameter: str | None = None
    dayfirst: bool | None = None


SOURCE_OPTION_KEYS = tuple(f.name for f in fields(SourceOptions))


@dataclass(frozen=True)
class FetchSettings:
    """How to fetch: the [fetch] table of brief.toml, or the defaults."""

    contact: str | None = None  # a URL or e-mail address put in the User-Agent
    timeout: float = 20.0  # seconds, for connecting and for each read
    retries: int = 3  # further attempts after the first
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    delay: float = 1.0  # seconds between two requests to one host
    max_retry_after: float = 300.0  # a longer Retry-After fails the fetch instead of waiting
    max_bytes: int = 10_000_000  # larger responses are refused
    deadline: float = 120.0  # seconds one request may take in all, however slowly bytes arrive (0: none)
    source_deadline: float = 1800.0  # seconds collecting one source may take, then it fails (0: none)
    max_crawl_delay: float = 60.0  # a robots.txt Crawl-delay above this skips the site

    @property
    def user_agent(self) -> str:
        """'brief/0.1.0 (press-release briefing; +mailto:analyst@example.org)'."""
        contact = self.contact or "no contact configured"
        if "@" in contact and "://" not in contact and not contact.startswith("mailto:"):
            contact = f"mailto:{contact}"
        return f"brief/{__version__} (press-release briefing; +{contact})"


@dataclass(frozen=True)
class EmailConfig:
    smtp_host: str | None = None
    smtp_port: int = 587
    tls: str = "starttls"  # starttls | ssl | none
    sender: str = "brief@localhost"
    recipients: tuple[str, ...] = ()
    subject: str = "Trade briefing {period}"
    timeout: float = 30.0  # seconds for connecting and for each SMTP reply
    attempts: int = 4  # per recipient, counting the first; temporary failures (4xx, dropped link) retry
    retry_delay: float = 10.0  # seconds before the first retry, doubling after each
    archive_url: str | None = None  # where readers find the archive: "https://intranet/briefs/"
    # When set, `brief run` sends a DRAFT to these only and `brief approve` sends the final to recipients.
    reviewers: tuple[str, ...] = ()
    allow_plaintext_login: bool = False  # log in over an unencrypted link to a host not on loopback


@dataclass(frozen=True)
class Config:
    locale: str = "en"
    timezone: str = "Asia/Seoul"
    output: Path = Path("output")
    store: str = "sqlite:///output/brief.sqlite"
    sources: tuple[Source, ...] = ()
    email: EmailConfig = EmailConfig()
    title: str = "Trade and Industry Briefing"
    page_size: str = "A4"  # A4 | Letter: `paper = "letter"` in brief.toml
    pdf_variant: str | None = None  # None (PDF/UA-1, tagged), "pdf/a-3b" for an archive copy...
    author: str = "brief"  # the PDF's author metadata: `[branding] author = "Trade desk"`
    path: Path | None = None  # the file it was read from
    fetch: FetchSettings = FetchSettings()  # how live sources are fetched ([fetch])
    corrections: Path = Path("corrections.toml")  # `corrections = "..."`: beside brief.toml by default
    body_limit: int = 1_000_000  # bytes (UTF-8) of a release body; a longer one is rejected at ingest


BUILTIN_SOURCE = Source(
    name="motir",
    kind="dump",
    path=sample_corpus(),
    label="Ministry of Trade, Industry and Resources (MOTIR)",
)


def load_config(path: Path | None = None) -> Config:
    """Read `path`, else ./brief.toml if present, else the built-in defaults (the sample corpus)."""
    if path is None:
        default = Path("brief.toml")
        if not default.is_file():
            return Config(sources=(BUILTIN_SOURCE,))
        path = default
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BriefError(f"{path}: no such config file") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefError(f"{path}: not valid TOML ({exc})") from None
    return _config_from(data, path)


def _config_from(data: dict[str, Any], path: Path) -> Config:
    base = path.parent
    _known_keys(data, TOP_LEVEL_KEYS, f"{path}: ")
    _known_keys(_table(data, "branding", path), BRANDING_KEYS, f"{path}: branding.")
    _known_keys(_table(data, "pdf", path), ("variant",), f"{path}: pdf.")
    locale = _choice(data, "locale", LOCALES, "en", path)
    entries = data.get("sources", [])
    if not isinstance(entries, list):
        raise BriefError(f"{path}: sources: expected [[sources]] tables")
    sources = tuple(_source(entry, base, f"{path}: sources[{n}]") for n, entry in enumerate(entries))
    branding = _table(data, "branding", path)
    return Config(
        locale=locale,
        timezone=_timezone(_text(data, "timezone", Config.timezone, f"{path}: "), path),
        output=base / _text(data, "output", "output", f"{path}: "),
        store=_store_url(_text(data, "store", Config.store, f"{path}: "), base),
        sources=sources or (BUILTIN_SOURCE,),
        email=_email(_table(data, "email", path), path),
        title=_text(branding, "title", Config.title, f"{path}: branding."),
        **_pdf_settings(data, branding, path),
        path=path,
        fetch=_fetch(data.get("fetch", {}), path),
        corrections=base / _text(data, "corrections", "corrections.toml", f"{path}: "),
        body_limit=_whole(data, "body_limit", Config.body_limit, f"{path}: ", minimum=1),
    )


# Keys brief.toml may hold, derived from the dataclasses: a new field there is a new key at once.
_BRANDING_FIELDS = ("title", "author", "page_size")  # Config fields read from [branding]
TOP_LEVEL_KEYS = tuple(
    sorted({f.name for f in fields(Config)} - {"path", *_BRANDING_FIELDS} | {"branding", "paper", "pdf"})
)
BRANDING_KEYS = _BRANDING_FIELDS
EMAIL_KEYS = tuple(f.name for f in fields(EmailConfig))
FETCH_KEYS = tuple(f.name for f in fields(FetchSettings))


def _known_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    """A key brief does not read is a misspelling until proven otherwise: name it and stop."""
    for key in table:
        if key not in allowed:
            close = _closest(key, allowed)
            hint = f" (did you mean {close!r}?)" if close else f" (known: {', '.join(allowed)})"
            raise BriefError(f"{where}{key}: unknown key{hint}")


def _closest(key: str, allowed: tuple[str, ...]) -> str | None:
    import difflib

    found = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return found[0] if found else None


def _table(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise BriefError(f"{path}: {key}: expected a table ([{key}])")
    return value


def _text(data: dict[str, Any], key: str, default: str, where: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise BriefError(f"{where}{key}: {value!r} is not a string")
    return value


def _whole(
    data: dict[str, Any], key: str, default: int, where: str, minimum: int, maximum: int | None = None
) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum or (
        maximum is not None and value > maximum
    ):
        bounds = f"from {minimum} to {maximum}" if maximum is not None else f"of at least {minimum}"
        raise BriefError(f"{where}{key}: {value!r} is not a whole number {bounds}")
    return value


def _timezone(name: str, path: Path) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BriefError(f"{path}: timezone: {name!r} is not an IANA time zone (e.g. 'Asia/Seoul')") from None
    return name


def _pdf_settings(data: dict[str, Any], branding: dict[str, Any], path: Path) -> dict[str, Any]:
    """paper = "a4" | "letter" and pdf_variant = "pdf/ua-1" | "pdf/a-3b" | ... (top level)."""
    paper = data.get("paper", branding.get("page_size", "A4"))
    variant = data.get("pdf_variant", data.get("pdf", {}).get("variant"))
    try:
        return {
            "page_size": paper_size(str(paper)),
            "pdf_variant": pdf_variant(variant) if variant is not None else None,
            "author": str(branding.get("author", Config.author)),
        }
    except BriefError as exc:
        raise BriefError(f"{path}: {exc}") from None


def _source(entry: Any, base: Path, where: str) -> Source:
    if not isinstance(entry, dict):
        raise BriefError(f"{where}: expected a table")
    name, kind = entry.get("name"), entry.get("kind")
    if not name:
        raise BriefError(f"{where}.name: missing")
    if kind not in SOURCE_KINDS:
        raise BriefError(f"{where}.kind: {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    known = {f.name for f in fields(Source)} - {"options"}
    _known_keys(entry, tuple(sorted(known | set(SOURCE_OPTION_KEYS))), f"{where}.")
    for key in ("name", "url", "path", "label"):
        if key in entry:
            _text(entry, key, "", f"{where}.")
    if kind == "dump" and not entry.get("path"):
        raise BriefError(f"{where}.path: a dump source needs a path")
    if kind != "dump" and not entry.get("url"):
        raise BriefError(f"{where}.url: a {kind} source needs a url")
    return Source(
        name=str(name),
        kind=kind,
        url=entry.get("url"),
        path=(base / entry["path"]) if entry.get("path") else None,
        label=entry.get("label"),
        options={key: value for key, value in entry.items() if key not in known},
    )


def _fetch(data: Any, path: Path) -> FetchSettings:
    """[fetch]: contact (for the User-Agent), and the numbers of FetchSettings (timeout, retries, ...)."""
    if not isinstance(data, dict):
        raise BriefError(f"{path}: fetch: expected a table")
    _known_keys(data, FETCH_KEYS, f"{path}: fetch.")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "contact":
            values[key] = _text(data, key, "", f"{path}: fetch.")
            continue
        whole = isinstance(getattr(FetchSettings, key), int)
        if whole:
            values[key] = _whole(data, key, 0, f"{path}: fetch.", minimum=0, maximum=10**12)
        elif isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 10**9:
            raise BriefError(f"{path}: fetch.{key}: {value!r} is not a number of zero or more")
        else:
            values[key] = float(value)
    return FetchSettings(**values)


def _email(data: dict[str, Any], path: Path) -> EmailConfig:
    port = data.get("smtp_port", 587)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise BriefError(f"{path}: email.smtp_port: {port!r} is not a port number")
    _known_keys(data, EMAIL_KEYS, f"{path}: email.")
    where = f"{path}: email."
    host = data.get("smtp_host")
    if host is not None and (not isinstance(host, str) or not host.strip()):
        raise BriefError(f"{where}smtp_host: {host!r} is not a host name")
    plaintext = data.get("allow_plaintext_login", False)
    if not isinstance(plaintext, bool):
        raise BriefError(f"{where}allow_plaintext_login: {plaintext!r} is not true or false")
    return EmailConfig(
        smtp_host=host,
        allow_plaintext_login=plaintext,
        smtp_port=port,
        tls=_choice(data, "tls", ("starttls", "ssl", "none"), "starttls", path, "email."),
        sender=_address(data.get("sender", EmailConfig.sender), f"{path}: email.sender"),
        recipients=_addresses(data.get("recipients", []), f"{where}recipients"),
        subject=_text(data, "subject", EmailConfig.subject, where),
        timeout=_number(data, "timeout", 30.0, path, minimum=0.1),
        attempts=_whole(data, "attempts", EmailConfig.attempts, where, minimum=1, maximum=100),
        retry_delay=_number(data, "retry_delay", EmailConfig.retry_delay, path, minimum=0.0),
        archive_url=_archive_url(data.get("archive_url"), where),
        reviewers=_addresses(data.get("reviewers", []), f"{path}: email.reviewers"),
    )


def _addresses(value: Any, where: str) -> tuple[str, ...]:
    """A list of addresses (one address alone is a list of one)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise BriefError(f"{where}: expected a list of addresses")
    return tuple(_address(item, f"{where}[{n}]") for n, item in enumerate(value))


def _archive_url(value: Any, where: str) -> str | None:
    """A web address readers can open: http(s) only, so a message never carries a javascript: link."""
    if value is None or value == "":
        return None
    from urllib.parse import urlsplit

    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise BriefError(f"{where}archive_url: {value!r} is not an http:// or https:// address")
    return text


def _address(value: Any, where: str) -> str:
    """An email address as SMTP takes it: 'analyst@example.org' (a display name is allowed)."""
    from email.utils import getaddresses

    text = str(value).strip()
    found = getaddresses([text])
    if len(found) != 1:
        raise BriefError(f"{where}: {value!r} is not one email address (list them: [\"a@x.org\", ...])")
    local, at, domain = found[0][1].rpartition("@")
    if not (at and local and domain) or any(c in text for c in "\r\n"):
        raise BriefError(f"{where}: {value!r} is not an email address")
    return text


def _number(data: dict[str, Any], key: str, default: float, path: Path, minimum: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not minimum <= value <= 86_400:
        raise BriefError(f"{path}: email.{key}: {value!r} is not a number of at least {minimum:g}")
    return float(value)


def _choice(
    data: dict[str, Any], key: str, allowed: tuple[str, ...], default: str, path: Path, prefix: str = ""
) -> str:
    value = data.get(key, default)
    if value not in allowed:
        raise BriefError(f"{path}: {prefix}{key}: {value!r} is not one of {', '.join(allowed)}")
    return str(value)


def _store_url(url: str, base: Path) -> str:
    """Relative SQLite paths in a config file are relative to that file."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url[len(prefix) :].startswith("/"):
        return prefix + str(base / url[len(prefix) :])
    return url
