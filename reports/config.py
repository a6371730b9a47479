"""brief.toml: sources, recipients, SMTP, locale, timezone, branding.

Secrets never live here: the SMTP login comes from BRIEF_SMTP_USER and
BRIEF_SMTP_PASSWORD in the environment.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
class EmailConfig:
    smtp_host: str | None = None
    smtp_port: int = 587
    tls: str = "starttls"  # starttls | ssl | none
    sender: str = "brief@localhost"
    recipients: tuple[str, ...] = ()
    subject: str = "Trade briefing {period}"
    timeout: float = 30.0


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
    locale = _choice(data, "locale", LOCALES, "en", path)
    sources = tuple(
        _source(entry, base, f"{path}: sources[{n}]") for n, entry in enumerate(data.get("sources", []))
    )
    branding = data.get("branding", {})
    return Config(
        locale=locale,
        timezone=str(data.get("timezone", "Asia/Seoul")),
        output=base / str(data.get("output", "output")),
        store=_store_url(str(data.get("store", "sqlite:///output/brief.sqlite")), base),
        sources=sources or (BUILTIN_SOURCE,),
        email=_email(data.get("email", {}), path),
        title=str(branding.get("title", Config.title)),
        **_pdf_settings(data, branding, path),
        path=path,
    )


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
    known = {"name", "kind", "url", "path", "label"}
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


def _email(data: dict[str, Any], path: Path) -> EmailConfig:
    recipients = data.get("recipients", [])
    if isinstance(recipients, str):
        recipients = [recipients]
    port = data.get("smtp_port", 587)
    if not isinstance(port, int) or not 0 < port < 65536:
        raise BriefError(f"{path}: email.smtp_port: {port!r} is not a port number")
    return EmailConfig(
        smtp_host=data.get("smtp_host"),
        smtp_port=port,
        tls=_choice(data, "tls", ("starttls", "ssl", "none"), "starttls", path, "email."),
        sender=str(data.get("sender", EmailConfig.sender)),
        recipients=tuple(str(r) for r in recipients),
        subject=str(data.get("subject", EmailConfig.subject)),
        timeout=float(data.get("timeout", 30.0)),
    )


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
