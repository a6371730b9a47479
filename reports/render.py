"""Render a Briefing to one self-contained HTML page and a PDF (Jinja2 + WeasyPrint).

One template and one stylesheet make both outputs: the same sections, anchors and
citations appear in the browser and on paper. The PDF is made from the template's
print rendering (`for_print`): charts as images of the same SVG, and for a period
longer than a month the summary instead of the full lists. It adds what only paper
has (page size, running header and footer, page numbers in the contents), from the
print rules of the same stylesheet.
"""

from __future__ import annotations

import gettext
import io
import logging
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from reports import __version__
from reports.briefing import Briefing
from reports.config import DEFAULT_PDF_VARIANT, paper_size, pdf_variant
from reports.formatting import format_change, format_period, format_value
from reports.resources import templates_dir

log = logging.getLogger(__name__)

STYLESHEETS = ("briefing.css", "components.css", "print.css")


# Templates -------------------------------------------------------------------------


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The message catalog of a locale, compiled from its .po in memory (English needs none)."""
    po_file = templates_dir() / "locale" / locale / "LC_MESSAGES" / "messages.po"
    if not po_file.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with po_file.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


@cache
def environment(locale: str = "en") -> Environment:
    """The template environment of a locale, made once: autoescaped, strict, gettext and babel filters."""
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html", "j2", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(locale), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        day=_format_day,
        moment=_format_moment,
        number=_format_number,
        value=format_value,
        change=format_change,
        period=format_period,
        page_counter=_page_counter,
        chart_image=_chart_image,
    )
    env.tests["web_link"] = _is_web_link
    return env


@cache
def stylesheet() -> str:
    """The house stylesheet, inlined into every page."""
    return "\n".join((templates_dir() / name).read_text(encoding="utf-8") for name in STYLESHEETS)


def render_html(
    briefing: Briefing,
    charts: dict[str, Any] | None = None,
    *,
    author: str = "brief",
    for_print: bool = False,
    **extra: Any,
) -> str:
    """The briefing as one HTML document: CSS and SVG charts inline, nothing fetched.

    `for_print`: the document the PDF is made from: charts as images of their SVG, and for a
    period longer than a month the summary and the sources it cites, not the full lists (which
    stay in the HTML).
    """
    template = environment(briefing.locale).get_template("briefing.html.j2")
    return template.render(
        b=briefing,
        for_print=for_print,
        css=Markup(stylesheet()),
        locale=briefing.locale,
        charts=charts or {},
        author=author,
        generator=f"brief {__version__}",
        created=briefing.generated_at.isoformat(),
        **extra,
    )


# PDF -------------------------------------------------------------------------------


def render_pdf(
    html: str,
    allowed_roots: Iterable[Path] = (),
    *,
    paper: str = "A4",
    variant: str | None = DEFAULT_PDF_VARIANT,
) -> bytes:
    """The PDF of a briefing's HTML: `paper` A4 or Letter, a PDF/UA or PDF/A `variant`.

    Only files under templates/ and `allowed_roots` may be read; fonts are
    embedded as subsets. The same HTML gives the same bytes.
    """
    load_weasyprint()  # heavy import: only when a PDF is made
    from weasyprint import CSS, HTML

    roots = (templates_dir(), *allowed_roots)
    fetcher = _local_only_fetcher(roots)
    size = CSS(string=f"@page {{ size: {paper_size(paper)}; }}", url_fetcher=fetcher)
    document = HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher)
    chosen = pdf_variant(variant)
    return document.write_pdf(
        stylesheets=[size],
        pdf_variant=chosen,
        # PDF/A wants a file identifier; pydyf derives it from the content, so it is reproducible.
        pdf_identifier=True if chosen.startswith("pdf/a") else None,
        full_fonts=False,
    )


@cache
def load_weasyprint() -> None:
    """Import WeasyPrint without its search for library files by other names.

    WeasyPrint opens Pango, HarfBuzz and fontconfig by trying a list of names; each name that
    does not open at once costs a ctypes.util.find_library search (ldconfig and compiler
    subprocesses, about 0.25 s in all). The names that open at once are tried without the search;
    only if one library is then missing is the import repeated with it.
    """
    import ctypes.util
    import sys

    if "weasyprint" in sys.modules:
        return
    search = ctypes.util.find_library
    ctypes.util.find_library = _no_search
    try:
        import weasyprint  # noqa: F401
    except OSError:  # a library reachable only through the search: import again with it
        for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = search
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = search


def _no_search(name: str) -> None:
    return None


def _local_only_fetcher(roots: Iterable[Path]) -> Any:
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
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if any(path.is_relative_to(root) for root in resolved):
                    return super().fetch(url, headers)
            log.warning("renderer refused to fetch %s", url)
            raise ValueError(f"brief does not fetch {url!r} while rendering")

    return LocalOnlyFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


# Filters ---------------------------------------------------------------------------


def _format_day(value: date | None, locale: str = "en", format: str = "medium") -> str:
    return format_date(value, format=format, locale=locale) if value else ""


def _format_moment(value: datetime | None, locale: str = "en", format: str = "medium") -> str:
    return format_datetime(value, format=format, locale=locale) if value else ""


def _format_number(value: float | None, locale: str = "en") -> str:
    return format_decimal(value, locale=locale) if value is not None else ""


def _page_counter(label: str) -> Markup:
    """'Page %(page)s of %(pages)s' -> CSS content: "Page " counter(page) " of " counter(pages).

    The words come from the locale's catalog, so the footer reads naturally in
    every language; only the counters are CSS.
    """
    parts = re.split(r"(%\((?:page|pages)\)s)", str(label))
    tokens = []
    for part in parts:
        if part == "%(page)s":
            tokens.append("counter(page)")
        elif part == "%(pages)s":
            tokens.append("counter(pages)")
        elif part:
            tokens.append('"' + part.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"')
    return Markup(" ".join(tokens))


def _chart_image(svg: str, alt: str) -> Markup:
    """A chart's SVG as an <img> of itself, for the PDF: drawn the same (the page images are identical)
    but WeasyPrint need not parse and style each element of the drawing as part of the page."""
    import base64

    width = re.search(r'\swidth="([\d.]+)pt"', svg[: svg.index(">")])
    size = f' style="width: {width[1]}pt"' if width else ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup(f'<img class="chart" alt="{escape(alt)}" src="data:image/svg+xml;base64,{data}"{size}>')


def _is_web_link(url: str | None) -> bool:
    """Only http(s) addresses become links; anything else stays plain text."""
    return bool(url) and re.match(r"https?://[^\s\"'<>]+$", str(url), re.IGNORECASE) is not None
