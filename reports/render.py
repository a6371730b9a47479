"""Render a Briefing to one self-contained HTML page and a PDF (Jinja2 + WeasyPrint)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from reports.briefing import Briefing
from reports.formatting import format_change, format_period, format_value
from reports.resources import templates_dir

log = logging.getLogger(__name__)


@cache
def environment(locale: str = "en") -> Environment:
    """The template environment of a locale: autoescaped, strict, gettext and babel filters."""
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html", "j2", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        day=_format_day,
        moment=_format_moment,
        number=_format_number,
        value=format_value,
        change=format_change,
        period=format_period,
    )
    return env


def render_html(briefing: Briefing, **extra: Any) -> str:
    """The briefing as one HTML document with its CSS inline."""
    css = "\n".join(
        (templates_dir() / name).read_text(encoding="utf-8") for name in ("briefing.css", "components.css")
    )
    template = environment(briefing.locale).get_template("briefing.html.j2")
    return template.render(b=briefing, css=css, locale=briefing.locale, **extra)


def render_pdf(html: str, allowed_roots: tuple[Path, ...] = ()) -> bytes:
    """The PDF of an HTML document; only files under `allowed_roots` may be read."""
    from weasyprint import HTML  # heavy import: only when a PDF is made

    fetcher = _local_only_fetcher((templates_dir(), *allowed_roots))
    base = str(allowed_roots[0] if allowed_roots else templates_dir())
    return HTML(string=html, base_url=base, url_fetcher=fetcher).write_pdf()


def _local_only_fetcher(roots: tuple[Path, ...]) -> Any:
    """A WeasyPrint fetcher that reads data: URIs and files under `roots`, nothing else.

    URLs found in a release (http://..., file:///etc/passwd) are refused, so
    rendering a briefing never reaches the network or the rest of the disk.
    """
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    resolved = tuple(root.resolve() for root in roots)

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if any(path.is_relative_to(root) for root in resolved):
                    return super().fetch(url, headers)
            log.warning("renderer refused to fetch %s", url)
            raise ValueError(f"brief does not fetch {url!r} while rendering")

    return LocalOnlyFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def _format_day(value: date | None, locale: str = "en", format: str = "medium") -> str:
    return format_date(value, format=format, locale=locale) if value else ""


def _format_moment(value: datetime | None, locale: str = "en", format: str = "medium") -> str:
    return format_datetime(value, format=format, locale=locale) if value else ""


def _format_number(value: float | None, locale: str = "en") -> str:
    return format_decimal(value, locale=locale) if value is not None else ""
