"""Drawing a chart spec in the house style, to SVG (HTML/PDF) and, when asked, PNG (for email)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

STYLE = Path(__file__).resolve().parent / "house.mplstyle"
UP, DOWN, NEUTRAL = "#0b5cad", "#c8553d", "#0b5cad"
MAX_LISTED_REFS = 12  # a chart drawn from more releases names the first and last, not each


class Frame:
    """A chart's few rows, by column: frame["value"] is a list, len(frame) the number of rows.

    Frame({"label": ["a", "b"], "value": [2.0, 1.0]}).sorted_by("value")["label"] -> ["b", "a"]
    """

    def __init__(self, columns: dict[str, Iterable[Any]]) -> None:
        self.columns = {name: list(values) for name, values in columns.items()}
        if len({len(values) for values in self.columns.values()}) > 1:
            raise ValueError(f"columns of different lengths: {list(self.columns)}")

    def __getitem__(self, name: str) -> list[Any]:
        return self.columns[name]

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), []))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Frame) and other.columns == self.columns

    def __repr__(self) -> str:
        return f"Frame({self.columns!r})"

    def sorted_by(self, *names: str) -> Frame:
        """The rows in order of these columns (stable: equal rows keep their order)."""
        order = sorted(range(len(self)), key=lambda n: tuple(self.columns[name][n] for name in names))
        return Frame({name: [values[n] for n in order] for name, values in self.columns.items()})


def one_decimal(value: float) -> str:
    """A chart's value label: 72,034.5."""
    return f"{value:,.1f}"


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: a kind, a frame of data and the words around it.

    kinds and their frames:
      bar        columns label, value           (sorted, largest on top)
      diverging  columns label, value           (changes: + right, − left)
      part       columns label, value; `total`  (parts of a total)
      line       columns period, value          (one metric over periods)
      timeline   columns date, label            (engagements on days)
    """

    id: str
    kind: str
    title: str
    data: Frame
    unit_label: str  # "USD billion", "% y/y", "thousand units"
    source_note: str  # "Source: [2] ICT Exports Post Record Annual Performance in 2025"
    alt: str  # a text alternative: what the chart shows, in words
    refs: tuple[int, ...] = ()
    total: float | None = None
    total_label: str | None = None
    scale: float = 1.0  # values are divided by this for display
    span: tuple[date, date] | None = None  # a timeline's whole period, when the axis should show it
    current: str | None = None  # a line's point for the briefing's own period (its "period" label), marked

    @property
    def listed_refs(self) -> tuple[int, ...]:
        """The sources the caption links one by one: all of them, unless there are too many to list."""
        return self.refs if len(self.refs) <= MAX_LISTED_REFS else ()
    # a module-level function, not a lambda: a spec is pickled to the process that draws it
    value_format: Callable[[float], str] = field(default=one_decimal)


@dataclass(frozen=True)
class DrawnChart:
    spec: ChartSpec
    svg: str  # an inline <svg> element, with role="img" and an aria-label


def draw(spec: ChartSpec) -> DrawnChart:
    """Draw once, as SVG: the page, the PDF and the archive all use it.

    The figure is a bare `matplotlib.figure.Figure` on an Agg canvas: no pyplot (its figure
    manager and backend switching), and matplotlib is imported only when a chart is drawn.
    """
    return sketch(spec).finish()


def sketch(spec: ChartSpec) -> Sketch:
    """The chart laid out and measured, not yet written: its `size` is known before its SVG is.

    `sketch(spec).finish()` is `draw(spec)`. What lays out a page around the chart can start
    from the size while the SVG is written.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _style(spec):
        figure = Figure(figsize=_size(spec))
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        _DRAWERS[spec.kind](axes, spec)
        axes.set_title(spec.title)
        # The tight box is measured once (the axes' box, which places the source note, and the
        # note's own): "tight" would lay the chart out again when it is saved.
        box = _source_note(figure, axes, spec.source_note, canvas.get_renderer())
        box = box.padded(matplotlib.rcParams["savefig.pad_inches"])
    return Sketch(spec, figure, box)


@dataclass
class Sketch:
    """A chart drawn on its figure and measured (`sketch`); `finish()` writes its SVG."""

    spec: ChartSpec
    figure: Any
    box: Any  # the figure's part that is saved, in inches

    @property
    def size(self) -> tuple[str, str]:
        """The SVG's width and height in pt, as its <svg> element will give them (viewBox "0 0 w h")."""
        return _points(self.box.width), _points(self.box.height)

    def finish(self) -> DrawnChart:
        svg = io.StringIO()
        with _style(self.spec):
            self.figure.savefig(svg, format="svg", bbox_inches=self.box,
                                metadata={"Date": None, "Creator": "brief"})
        return DrawnChart(self.spec, _inline_svg(svg.getvalue(), self.spec))


def _style(spec: ChartSpec) -> Any:
    """The house style, and the chart's own salt for the ids in its SVG."""
    import matplotlib

    return matplotlib.rc_context({**_house_style(), "svg.hashsalt": spec.id})


def _points(inches: float) -> str:
    """A length in inches as matplotlib's SVG writes it in pt: %f without its trailing zeros."""
    return f"{inches * 72:f}".rstrip("0").rstrip(".")


@cache
def _house_style() -> dict[str, Any]:
    """house.mplstyle's settings, read once (matplotlib.style.context would read the file per chart)."""
    import matplotlib

    return dict(matplotlib.rc_params_from_file(str(STYLE), use_default_template=False))


def _source_note(figure, axes, note: str, renderer):  # noqa: ANN001, ANN202 - matplotlib types
    """The source line under everything the axes draw (tick labels, axis label, legend).

    Returns the tight box of the whole chart in inches: the axes' box and the note's.
    """
    from matplotlib.transforms import Bbox

    drawn = axes.get_tightbbox(renderer)
    box = drawn.transformed(figure.transFigure.inverted())
    text = figure.text(box.x0, box.y0 - 0.03, note, fontsize=7.5, color="#5b6470", ha="left", va="top")
    whole = Bbox.union([drawn, text.get_window_extent(renderer)])
    return whole.transformed(figure.dpi_scale_trans.inverted())


def _size(spec: ChartSpec) -> tuple[float, float]:
    if spec.kind in ("bar", "diverging"):
        return (6.4, max(1.8, 0.6 + 0.32 * len(spec.data)))
    if spec.kind == "part":
        return (6.4, 1.3)
    if spec.kind == "timeline":
        return (6.4, max(1.8, 0.7 + 0.26 * len(set(spec.data["label"]))))
    return (6.4, 3.0)


def _scaled(values: Sequence[float], scale: float) -> list[float]:
    return [value / scale for value in values]


def _bars(axes, spec: ChartSpec) -> None:
    frame = spec.data.sorted_by("value")
    values = _scaled(frame["value"], spec.scale)
    bars = axes.barh(frame["label"], values, color=NEUTRAL, height=0.62)
    axes.bar_label(bars, labels=[spec.value_format(v) for v in values], padding=3, fontsize=8)
    axes.set_xlabel(spec.unit_label)
    axes.margins(x=0.15)


def _diverging(axes, spec: ChartSpec) -> None:
    frame = spec.data.sorted_by("value")
    values = frame["value"]
    colours = [UP if v >= 0 else DOWN for v in values]
    bars = axes.barh(frame["label"], values, color=colours, height=0.62)
    labels = [f"{v:+.1f}" for v in values]
    axes.bar_label(bars, labels=labels, padding=3, fontsize=8)
    axes.axvline(0, color="#444444", linewidth=0.8)
    axes.set_xlabel(spec.unit_label)
    low, high = min(min(values), 0), max(max(values), 0)
    span = (high - low) or 1.0
    axes.set_xlim(low - 0.18 * span, high + 0.18 * span)


def _part(axes, spec: ChartSpec) -> None:
    total = (spec.total or sum(spec.data["value"])) / spec.scale
    left = 0.0
    palette = ["#0b5cad", "#2a9d8f", "#e9c46a", "#c8553d", "#6c757d"]
    for n, (label, raw) in enumerate(zip(spec.data["label"], spec.data["value"], strict=True)):
        value = raw / spec.scale
        axes.barh([0], [value], left=left, color=palette[n % len(palette)], height=0.5,
                  label=f"{label}: {spec.value_format(value)}")
        left += value
    if left < total:
        axes.barh([0], [total - left], left=left, color="#d5dae0", height=0.5,
                  label=f"other: {spec.value_format(total - left)}")
    axes.set_xlim(0, max(total, left) * 1.02)
    axes.set_yticks([])
    axes.set_xlabel(f"{spec.unit_label} (total {spec.total_label or spec.value_format(total)})")
    axes.set_ylim(-0.45, 0.45)
    axes.legend(loc="upper left", bbox_to_anchor=(0.0, -0.75), ncol=min(3, len(spec.data) + 1))


def _line(axes, spec: ChartSpec) -> None:
    frame = spec.data
    values = _scaled(frame["value"], spec.scale)
    axes.plot(frame["period"], values, marker="o")
    for x, y in zip(frame["period"], values, strict=True):
        current = x == spec.current
        if current:  # the briefing's own period: a ring round its point, its value and period in bold
            axes.plot([x], [y], marker="o", markersize=11, markerfacecolor="none", markeredgecolor=DOWN,
                      markeredgewidth=1.8, linestyle="none", zorder=4)
        lift = 11 if current else 6
        axes.annotate(spec.value_format(y), (x, y), textcoords="offset points", xytext=(0, lift), ha="center",
                       fontsize=8.5 if current else 8, fontweight="bold" if current else "normal",
                      color=DOWN if current else None)
    slanted = len(frame) > 8  # many periods: slanted names, so neighbours do not run into each other
    if slanted:
        axes.tick_params(axis="x", labelrotation=45, labelsize=7.5)
    for label in axes.get_xticklabels():
        if slanted:
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
        if label.get_text() == spec.current:
            label.set_fontweight("bold")
            label.set_color(DOWN)
    axes.grid(axis="y")
    axes.set_ylabel(spec.unit_label)
    axes.margins(y=0.2)


def _timeline(axes, spec: ChartSpec) -> None:
    frame = spec.data.sorted_by("date", "label")
    order = list(dict.fromkeys(frame["label"]))  # one row per counterpart, earliest first
    row_of = {label: len(order) - 1 - n for n, label in enumerate(order)}
    days = [date.fromisoformat(day) for day in frame["date"]]
    axes.scatter(days, [row_of[label] for label in frame["label"]], color=NEUTRAL, zorder=3)
    axes.set_yticks(list(row_of.values()), labels=list(row_of))
    first, last = spec.span or (min(days), max(days))
    _day_ticks(axes, first, last)
    if spec.span:
        pad = timedelta(days=max(1, (last - first).days // 60))
        axes.set_xlim(first - pad, last + pad)
        axes.margins(y=0.08)
    else:
        axes.margins(x=0.3, y=0.08)
    axes.grid(axis="x")


def _day_ticks(axes, first: date, last: date) -> None:  # noqa: ANN001
    """Ticks a reader can tell apart: days over a fortnight, Mondays over two months, then months.

    Month ticks name the year on January and on the first tick only ("Jan 2025, Feb, ... Dec, Jan 2026").
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    days = (last - first).days
    if days <= 14:
        axes.xaxis.set_major_locator(mdates.DayLocator())
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
        return
    if days <= 62:
        axes.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
        return
    months = None if days <= 400 else (1, 4, 7, 10)
    axes.xaxis.set_major_locator(mdates.MonthLocator(bymonth=months))

    def label(value: float, position: int | None) -> str:
        day = mdates.num2date(value)
        return day.strftime("%b %Y") if day.month == 1 or position == 0 else day.strftime("%b")

    axes.xaxis.set_major_formatter(FuncFormatter(label))


_DRAWERS = {"bar": _bars, "diverging": _diverging, "part": _part, "line": _line, "timeline": _timeline}


def _inline_svg(document: str, spec: ChartSpec) -> str:
    """The <svg> element alone, labelled for screen readers, at its drawn size (the page may shrink it)."""
    start = document.index("<svg")
    svg = document[start:]
    # width and height stay (in pt): every chart keeps the type size it was drawn with, and the page's
    # CSS (max-width: 100%; height: auto) shrinks it on a narrow screen.
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    # Several charts share one page: keep only the ids a chart refers to (clip paths, markers, salted
    # per chart), not matplotlib's "figure_1", "axes_1"... which would repeat from chart to chart.
    referenced = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', svg))
    svg = re.sub(r'\sid="([^"]*)"', lambda m: m.group(0) if m.group(1) in referenced else "", svg)
    # matplotlib's <style>*{...}</style> would style the whole HTML page: its rules go on the <svg>.
    common = re.search(r'\s*<defs>\s*<style type="text/css">\*\{([^}]*)\}</style>\s*</defs>', svg)
    if common:
        svg = svg[: common.start()] + svg[common.end():]
        svg = svg.replace("<svg", "<svg " + _attributes(common[1]), 1)
    # Presentation attributes instead of style="": the page's CSS engine has nothing to parse.
    svg = re.sub(r'style="([^"]*)"', lambda m: _attributes(m[1]) or m[0], svg)
    # Nothing that draws nothing: the turn by -0 degrees matplotlib gives upright text, and the groups
    # left without attributes (they only wrapped an id), which a renderer would still enter and leave.
    svg = re.sub(r' transform="rotate\(-?0 [-\d.e]+ [-\d.e]+\)"', "", svg)
    svg = _without_bare_groups(svg)
    svg = svg.replace("<svg", f"<svg role=\"img\" aria-label={quoteattr(spec.alt)} class=\"chart\"", 1)
    # <title> is the text alternative a tagged PDF (PDF/UA) carries for the figure.
    opening = svg.index(">") + 1
    return f"{svg[:opening]}\n <title>{escape(spec.alt)}</title>{svg[opening:]}"


def _without_bare_groups(svg: str) -> str:
    """The SVG without its `<g>` elements that have no attributes (their children stay where they were)."""
    kept: list[str] = []
    bare: list[bool] = []  # for each open <g>: whether it is dropped
    position = 0
    for tag in re.finditer(r"<g>|</g>|<g\s", svg):
        kept.append(svg[position:tag.start()])
        position = tag.end()
        if tag[0] == "<g>":
            bare.append(True)
            continue
        if tag[0] != "</g>":
            bare.append(False)
        elif bare.pop():
            continue
        kept.append(tag[0])
    kept.append(svg[position:])
    return "".join(kept)


_PRESENTATION = {"fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
                 "stroke-dashoffset", "stroke-miterlimit", "stroke-opacity", "fill-opacity", "opacity",
                 "font-family", "font-size", "font-weight", "font-style", "text-anchor", "clip-path"}


def _attributes(declarations: str) -> str:
    """'fill: #fff; stroke-width: 0.6' -> 'fill="#fff" stroke-width="0.6"'; '' if one is not an attribute."""
    pairs = [part.split(":", 1) for part in declarations.split(";") if part.strip()]
    if any(len(pair) != 2 or pair[0].strip() not in _PRESENTATION for pair in pairs):
        return ""
    return " ".join(f"{name.strip()}={quoteattr(value.strip())}" for name, value in pairs)
