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
import pickle
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from reports import __version__
from reports.config import DEFAULT_PDF_VARIANT, paper_size, pdf_variant
from reports.formatting import format_change, format_period, format_value
from reports.resources import templates_dir

if TYPE_CHECKING:
    from reports.briefing import Briefing

log = logging.getLogger(__name__)

STYLESHEETS = ("briefing.css", "components.css", "print.css")
CHART_REFERENCE = "brief-chart:"  # the PDF document's image of a chart not yet drawn: brief-chart:<id>


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
    if for_print and charts:  # a chart still being drawn is named by reference: render_pdf(charts=...)
        charts = {chart_id: _ReferencedChart(chart.spec, ChartReference(chart_id))
                  if isinstance(chart, PendingChart) else chart for chart_id, chart in charts.items()}
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
    charts: Mapping[str, str] | None = None,
) -> bytes:
    """The PDF of a briefing's HTML: `paper` A4 or Letter, a PDF/UA or PDF/A `variant`.

    Only files under templates/ and `allowed_roots` may be read; fonts are
    embedded as subsets. The same HTML gives the same bytes. `charts`: the SVG of each
    chart the HTML names by reference (brief-chart:<id>), by chart id; a chart named
    and not given stops the layout (KeyError), never leaves a hole in the page. Where
    `charts` also knows a chart's size before its SVG (`size(chart_id)`, as the layout
    helper's does), the pages are laid out around a box of that size and the drawing is
    put in before the PDF is written: the same bytes, without the layout waiting for it.
    """
    load_weasyprint()  # heavy import: only when a PDF is made
    from weasyprint import CSS, HTML
    from weasyprint.urls import FatalURLFetchingError

    roots = (templates_dir(), *allowed_roots)
    sized: dict[str, tuple[str, str]] = {}  # the charts laid out by their size alone, by id
    fetcher = _local_only_fetcher(roots, charts, sized)
    size = CSS(string=f"@page {{ size: {paper_size(paper)}; }}", url_fetcher=fetcher)
    chosen = pdf_variant(variant)
    # PDF/A wants a file identifier; pydyf derives it from the content, so it is reproducible.
    options = {"pdf_variant": chosen, "pdf_identifier": True if chosen.startswith("pdf/a") else None,
               "full_fonts": False}
    images: dict[str, Any] = {}  # WeasyPrint's images by URL: where a chart laid out by its size is
    try:
        document = HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher).render(
            stylesheets=[size], cache=images, **options)
        if sized and not _put_in_drawings(images, sized, charts if charts is not None else {}):
            # a drawing not of the size it was laid out at: laid out again around the drawings
            fetcher = _local_only_fetcher(roots, charts)
            size = CSS(string=f"@page {{ size: {paper_size(paper)}; }}", url_fetcher=fetcher)
            document = HTML(string=html, base_url=str(templates_dir()), url_fetcher=fetcher).render(
                stylesheets=[size], **options)
        return document.write_pdf(**options)
    except FatalURLFetchingError as exc:  # a chart named and not given: no PDF with a hole in it
        raise KeyError(str(exc)) from exc.__cause__


def _sized_svg(width: str, height: str) -> str:
    """An empty drawing of a chart's size: what the layout needs of it (width and height in pt)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
            f'viewBox="0 0 {width} {height}"></svg>')


def _put_in_drawings(images: dict[str, Any], sized: dict[str, tuple[str, str]],
                     charts: Mapping[str, str]) -> bool:
    """Each chart laid out by its size gets its drawing (waited for here); False, and nothing changed
    that matters, when a drawing's own size is not the one laid out or WeasyPrint keeps images otherwise."""
    from weasyprint.images import ElementTree, SVGImage

    kept = ("_svg", "_base_url", "_url_fetcher", "_context")  # what WeasyPrint 70's SVGImage keeps
    drawings = {}
    for chart_id, (width, height) in sized.items():
        svg = charts[chart_id]  # KeyError: a chart named and not drawn
        opening = svg[: svg.index(">")]
        own = tuple(re.search(rf'\s{name}="([^"]*)"', opening) for name in ("width", "height", "viewBox"))
        image = images.get(CHART_REFERENCE + quote(chart_id, safe=""))
        if (None in own or tuple(m[1] for m in own) != (f"{width}pt", f"{height}pt", f"0 0 {width} {height}")
                or not isinstance(image, SVGImage)
                or not all(hasattr(image, name) for name in kept)):
            return False
        drawn = SVGImage(ElementTree.fromstring(svg.encode("utf-8")), image._base_url, image._url_fetcher,
                         image._context)
        drawings[image] = drawn._svg
    for image, drawing in drawings.items():
        image._svg = drawing  # what the page draws: the same as if the drawing had been there to lay out
    return True


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


def _local_only_fetcher(roots: Iterable[Path], charts: Mapping[str, str] | None = None,
                        sized: dict[str, tuple[str, str]] | None = None) -> Any:
    """A WeasyPrint fetcher that reads data: URIs, files under `roots` and `charts`, nothing else.

    URLs found in a release (http://..., file:///etc/passwd) are refused, so
    rendering a briefing never reaches the network or the rest of the disk.
    `charts` is where a chart named by reference (brief-chart:<id>) is read, as
    the data: URI of its SVG (so the PDF is the same as with the URI in the page).
    With `sized` given, a chart not drawn yet whose size `charts` knows (`size(chart_id)`)
    is read as an empty drawing of that size, and noted in `sized`.
    """
    import base64
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    resolved = tuple(root.resolve() for root in roots)
    drawn = charts if charts is not None else {}
    size_of = getattr(drawn, "size", None) if sized is not None else None

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith(CHART_REFERENCE):
                chart_id = unquote(url[len(CHART_REFERENCE):])
                try:
                    size = size_of(chart_id) if size_of is not None and chart_id not in drawn else None
                    if size is not None:
                        sized[chart_id] = size
                    svg = _sized_svg(*size) if size is not None else drawn[chart_id]
                except Exception as exc:  # any other error WeasyPrint would log, leave the image out, go on
                    raise FatalURLFetchingError(f"chart {chart_id!r} was not drawn") from exc
                url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
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
    but WeasyPrint need not parse and style each element of the drawing as part of the page. Its size
    is the SVG's own (width and height in pt). A ChartReference (a chart still being drawn) becomes a
    brief-chart:<id> image, which render_pdf reads from its `charts`: the same PDF as the data: URI."""
    import base64

    if isinstance(svg, ChartReference):
        source = CHART_REFERENCE + quote(str(svg), safe="")
    else:
        source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup(f'<img class="chart" alt="{escape(alt)}" src="{source}">')


def _is_web_link(url: str | None) -> bool:
    """Only http(s) addresses become links; anything else stays plain text."""
    return bool(url) and re.match(r"https?://[^\s\"'<>]+$", str(url), re.IGNORECASE) is not None


# Two more processes: one draws the charts, one lays out the PDF --------------------------


class RenderWorker:
    """Two helper processes: one draws the charts, the other lays out the PDF.

    Started before extraction, one imports matplotlib and draws a bar, the other imports WeasyPrint
    and lays out a line (fonts, C types), while this process imports the extraction rules, extracts
    and builds the briefing: on two cores that start-up is off the critical path. The charts are drawn
    while the PDF's document is rendered here and parsed and styled there: `charts()` returns at once,
    a chart's SVG is waited for when it is first read, and the PDF's document names a chart not yet
    drawn by reference (`brief-chart:<id>`). The drawer measures every chart before it writes their SVGs
    and sends the sizes ahead: the layout goes on around boxes of those sizes while the SVGs are written,
    and puts the drawings in before the PDF is written (the same bytes).
    `charts()` and `pdf()` give what `draw()` and `render_pdf()` give here, the same bytes. Where no
    process can be forked (no os.fork, or threads running that a fork would copy mid-work), or when a
    helper fails, its work is done in this process instead; an error then surfaces as it would
    without it. The helpers never outlive this process: they end on "stop", when their pipe closes,
    or (Linux) by a signal the moment this process dies.
    """

    def __init__(self, drawer: _Helper | None = None, layout: _Helper | None = None) -> None:
        self._drawer = drawer
        self._layout = layout
        self._asked: list[Any] = []  # the specs sent to the drawer, their SVGs not yet received
        self._svgs: dict[str, str] = {}  # the SVG of every chart drawn, by chart id
        self._layout_waits = False  # the layout was sent a document whose charts it has not been sent

    @classmethod
    def start(cls) -> RenderWorker:
        import os
        import threading

        if not hasattr(os, "fork") or threading.active_count() > 1:
            return cls()
        # What is loaded by now stays: no collection, here or in a helper, walks it again (nor makes a
        # helper copy the pages it shares with this process by touching their objects).
        import gc

        gc.freeze()
        drawer = _Helper.start("brief-charts", (_warm_charts,))
        layout = _Helper.start("brief-pdf", (load_weasyprint, _warm_pdf)) if drawer else None
        return cls(drawer, layout)

    @property
    def processes(self) -> list[Any]:
        """The helper processes still running."""
        return [h.process for h in (self._drawer, self._layout) if h is not None and h.process.is_alive()]

    def charts(self, specs: Iterable[Any]) -> dict[str, Any]:
        """Each spec drawn (as `charts.draw`), by chart id; a chart's `svg` waits for its drawing."""
        from charts import draw

        specs = list(specs)
        self._receive_charts()  # one batch at a time
        if not specs or self._drawer is None or not self._drawer.send("charts", specs):
            return {spec.id: draw(spec) for spec in specs}
        self._asked = specs
        return {spec.id: PendingChart(spec, self) for spec in specs}

    def pdf(self, html: str, allowed_roots: Iterable[Path] = (), **options: Any) -> Any:
        """Start laying out the PDF of `html` (as `render_pdf`); the returned function waits for its bytes."""
        roots = tuple(allowed_roots)
        waits = bool(self._asked) and CHART_REFERENCE in html
        sent = self._layout is not None and self._layout.send(
            "pdf", (html, roots, options, None if waits else dict(self._svgs)))
        if not sent:
            return lambda: self._pdf_here(html, roots, options)
        self._layout_waits = waits

        def result() -> bytes:
            self._receive_charts()  # and on to the layout, if it waits for them
            pdf = self._layout.receive() if self._layout is not None else None
            return self._pdf_here(html, roots, options) if pdf is None else pdf

        return result

    def svg(self, chart_id: str) -> str:
        """The SVG of a chart asked for: received from the drawer (or drawn here, if it failed)."""
        self._receive_charts()
        return self._svgs[chart_id]

    def close(self) -> None:
        """Stop the helpers: at once if one is still working on something nobody will read."""
        for helper in (self._drawer, self._layout):
            if helper is not None:
                helper.close()
        self._drawer = self._layout = None

    def __enter__(self) -> RenderWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _receive_charts(self) -> None:
        from charts import draw

        specs, self._asked = self._asked, []
        if not specs:
            return
        def forward(sizes: list[tuple[str, str]]) -> None:  # the layout goes on from the sizes
            if self._layout_waits and self._layout is not None:
                self._layout.send("sizes", {spec.id: size for spec, size in zip(specs, sizes, strict=True)})

        svgs = self._drawer.receive(forward) if self._drawer is not None else None
        if svgs is None:  # the drawer failed: drawn here (an error surfaces as without it)
            svgs = [draw(spec).svg for spec in specs]
        self._svgs.update((spec.id, svg) for spec, svg in zip(specs, svgs, strict=True))
        if self._layout_waits and self._layout is not None:
            self._layout_waits = False
            self._layout.send("svgs", dict(self._svgs))

    def _pdf_here(self, html: str, roots: tuple[Path, ...], options: dict[str, Any]) -> bytes:
        self._receive_charts()
        return render_pdf(html, roots, charts=self._svgs, **options)


class PendingChart:
    """A chart being drawn by the RenderWorker: its spec at once, its `svg` when first read.

    The PDF's document names it by reference instead (`render_html(for_print=True)`), so that
    document is made, and laid out up to the charts, while the chart is drawn.
    """

    def __init__(self, spec: Any, worker: RenderWorker) -> None:
        self.spec = spec
        self._worker = worker

    @property
    def svg(self) -> str:
        return self._worker.svg(self.spec.id)


class ChartReference(str):
    """What the print template is given for a chart not yet drawn: `_chart_image` makes it a reference."""


@dataclass(frozen=True)
class _ReferencedChart:
    spec: Any
    svg: ChartReference


class _AwaitedCharts(dict):
    """In the layout process: the charts' SVGs by id, received from the parent when one is first needed.

    The parent sends the charts' sizes ("sizes", as the drawer measures them before it writes the SVGs)
    and then their SVGs ("svgs"); `size()` waits only for the first, a missing SVG for the second.
    """

    def __init__(self, connection: Any) -> None:
        super().__init__()
        self._connection = connection
        self._sizes: dict[str, tuple[str, str]] = {}
        self._drawn = False  # the SVGs arrived: what is not among them was not drawn

    def size(self, chart_id: str) -> tuple[str, str] | None:
        """A chart's width and height in pt (as its SVG will give them), or None if its SVG came first."""
        while not self._sizes and not self._drawn:
            self._next()
        return None if self._drawn else self._sizes.get(chart_id)  # None: its SVG is waited for

    def __missing__(self, chart_id: str) -> str:
        while not self._drawn:
            self._next()
        return self[chart_id] if chart_id in self else _no_chart(chart_id)

    def _next(self) -> None:
        kind, payload = self._connection.recv()  # EOFError when the parent is gone
        if kind == "sizes":
            self._sizes.update(payload)
        elif kind == "svgs":
            self.update(payload)
            self._drawn = True


def _no_chart(chart_id: str) -> str:
    raise KeyError(chart_id)


class _Helper:
    """One forked helper process and this process's end of its pipe."""

    def __init__(self, process: Any, connection: Any) -> None:
        self.process = process
        self._connection = connection
        self._busy = False  # a request sent and not yet answered

    @classmethod
    def start(cls, name: str, warm_ups: tuple[Any, ...]) -> _Helper | None:
        import multiprocessing
        import os
        import sys

        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice
            stream.flush()
        try:
            process = context.Process(target=_serve, args=(theirs, ours, os.getpid(), warm_ups), daemon=True,
                                      name=name)
            process.start()
        except OSError as exc:  # out of processes or memory: the work is done here
            log.debug("%s not started: %s", name, exc)
            ours.close()
            theirs.close()
            return None
        theirs.close()
        return cls(process, ours)

    def send(self, kind: str, payload: Any) -> bool:
        if self.process is None:
            return False
        try:
            self._connection.send((kind, payload))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:  # unpicklable: nothing was sent
            log.debug("render worker: cannot send %s: %s", kind, exc)
            return False
        except (OSError, ValueError) as exc:  # a dead helper or a closed pipe
            log.debug("render worker: %s", exc)
            self._drop()
            return False
        self._busy = self._busy or kind not in ("stop", "svgs")
        return True

    def receive(self, sizes: Any = None) -> Any:
        """The helper's answer, or None when it failed (the caller then does the work itself).

        The charts' sizes, which the drawer sends ahead of their SVGs, go to `sizes` on the way."""
        if self.process is None:
            return None
        try:
            status, answer = self._connection.recv()
            while status == "sizes":
                if sizes is not None:
                    sizes(answer)
                status, answer = self._connection.recv()
        except (OSError, EOFError) as exc:
            log.debug("render worker gone: %s", exc)
            self._drop()
            return None
        self._busy = False
        if status != "ok":
            log.debug("render worker: %s", answer)
            return None
        return answer

    def close(self) -> None:
        if self.process is not None and not self._busy and self.send("stop", None):
            self.process.join(timeout=5)
        self._drop()

    def _drop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            self._connection.close()
            if process.is_alive():
                process.kill()
            process.join()


def _serve(connection: Any, parents: Any, parent: int, warm_ups: tuple[Any, ...]) -> None:  # pragma: no cover
    """A helper's loop: answer ("charts", specs) and ("pdf", ...) until "stop", warming up meanwhile.

    Until the first request it takes the next warm-up step; a request that is waiting is answered
    before any further step, and after it none is taken (what it warms up is warm now).
    """
    import gc

    parents.close()  # the parent's end of the pipe: when the parent's closes, recv() below ends
    _die_with(parent)
    steps = iter(warm_ups)
    while True:
        step = None if connection.poll(0) else next(steps, None)
        if step is not None:
            try:
                step()
            except Exception as exc:  # a warm-up is only a head start
                log.debug("render worker warm-up: %s", exc)
            continue
        try:
            kind, payload = connection.recv()
        except (EOFError, OSError):
            return
        if kind == "stop":
            return
        if kind in ("sizes", "svgs"):  # charts sent for a layout that had them already
            continue
        steps = iter(())
        # What is loaded by now (modules, fonts) lives as long as the process: no collection walks it
        # again; and none runs while a request is worked on (a layout spent a tenth of its time
        # collecting, and freed next to nothing: its boxes live until the PDF is written).
        gc.freeze()
        gc.disable()
        try:
            if kind == "charts":  # measured first: the sizes go ahead, so the layout need not wait
                from charts.draw import sketch

                sketches = [sketch(spec) for spec in payload]
                connection.send(("sizes", [drawing.size for drawing in sketches]))
                answer: Any = ("ok", [drawing.finish().svg for drawing in sketches])
            else:
                html, roots, options, svgs = payload
                charts = _AwaitedCharts(connection) if svgs is None else svgs
                answer = ("ok", render_pdf(html, roots, charts=charts, **options))
        except (EOFError, OSError):  # the parent is gone while the layout waited for its charts
            return
        except Exception as exc:
            answer = ("failed", f"{kind}: {type(exc).__name__}: {exc}")
        try:
            connection.send(answer)
        except OSError:  # the parent is gone or stopped listening
            return
        gc.enable()


def _die_with(parent: int) -> None:  # pragma: no cover - the worker process
    """Signals meant for the command are the parent's to handle; the worker ends with the parent.

    Ctrl-C and SIGTERM reach the whole process group: the parent stops the worker itself (the
    worker inherited its handlers, which would print a second traceback or a second error).
    """
    import os
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:  # Linux: killed the moment the parent dies, even by SIGKILL (no lock or file held past it)
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(0)


def _warm_charts() -> None:
    """Import matplotlib and draw one bar (fonts found and loaded), so the first real chart starts warm."""
    from charts.draw import ChartSpec, Frame, draw

    draw(ChartSpec("warm-up", "bar", "brief", Frame({"label": ["a"], "value": [1.0]}), "", "", ""))


def _warm_pdf() -> None:
    """Lay out one heading and a line (fontconfig, Pango, the C types WeasyPrint declares on first use)."""
    render_pdf('<html lang="en"><body><h1 style="font-family: serif">brief</h1><p>brief</p></body></html>')
