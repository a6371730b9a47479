"""Which charts a briefing gets: rules on the data, never on the subject.

  breakdown    three or more figures of one release sharing a dimension (by
               product, by destination, by model) and a basis: a sorted bar
               chart of levels, or a diverging bar chart of changes;
  part         a total stated with its parts (by the catalog): a part-of-whole bar;
  line         a catalogued metric the store holds for three or more periods;
  timeline     the period's dated engagements.
A single number never gets a chart.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from charts.draw import MAX_LISTED_REFS, ChartSpec, Frame
from reports.formatting import format_month_alone, format_period
from reports.periods import month_period

if TYPE_CHECKING:
    from reports.briefing import Figure, History, MeetingRow
    from reports.periods import Period

MIN_BREAKDOWN = 3
MIN_LINE_POINTS = 3
MAX_LINE_POINTS = 24  # a topic's line shows the last two years of months at most
MAX_TIMELINE_ROWS = 24
MAX_TRENDS = 12
MIN_TREND_POINTS = 2
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_DIMENSION_WORDS = {"destination": "destination", "region": "region", "product": "product", "item": "item",
                    "model": "model", "country": "country", "market": "market", "sector": "sector"}


def plan_topic_charts(topic, history: History, locale: str = "en") -> list[ChartSpec]:  # noqa: ANN001
    """Charts for one topic section, in the order their data appears."""
    figures = list(topic.figures)
    specs = [
        *_breakdowns(figures, topic.anchor),
        *_parts(figures, topic.anchor),
        *_lines(figures, history, topic.anchor),
    ]
    return specs


def plan_timeline(
    rows: Iterable[MeetingRow], locale: str = "en", period: Period | None = None
) -> ChartSpec | None:
    """The period's engagements on a day axis, when there are two or more dated ones.

    One row per counterpart; over a long period only the most frequent counterparts
    get a row (the meeting log lists them all), and the axis spans the whole period.
    """
    dated = [row for row in rows if row.date is not None]
    if len(dated) < 2:
        return None
    labels = [_meeting_label(row) for row in dated]
    counts = Counter(labels)
    shown = set(counts) if len(counts) <= MAX_TIMELINE_ROWS else {
        label for label, _ in sorted(counts.items(), key=lambda item: -item[1])[:MAX_TIMELINE_ROWS]}
    kept = [(row, label) for row, label in zip(dated, labels, strict=True) if label in shown]
    frame = _frame({"date": [row.date.isoformat() for row, _ in kept], "label": [label for _, label in kept]})
    refs = tuple(sorted({row.cite.ref for row, _ in kept}))
    first, last = min(row.date for row in dated), max(row.date for row in dated)
    from reports.briefing import is_long

    span = (period.start, period.end) if period is not None and is_long(period) else None
    if len(shown) == len(counts):
        title = "Engagements by day"
        alt = f"{len(dated)} engagements from {first.isoformat()} to {last.isoformat()}: " + "; ".join(labels)
    else:
        title = f"Engagements with the {len(shown)} most frequent counterparts"
        top = sorted(shown, key=lambda label: -counts[label])
        most = "; ".join(f"{lab} ({counts[lab]})" for lab in top)
        alt = (f"{len(dated)} engagements with {len(counts)} counterparts from {first.isoformat()} to "
               f"{last.isoformat()}; the most frequent: {most}")
    return ChartSpec(
        id="chart-engagements",
        kind="timeline",
        title=title,
        data=frame,
        unit_label="",
        source_note=f"Source: {_ref_list(refs)}",
        alt=alt,
        refs=refs,
        span=span,
    )


def _meeting_label(row: MeetingRow) -> str:
    meeting = row.meeting
    name = meeting.counterpart or meeting.organization or "?"
    return name if len(name) <= 42 else name[:40] + "…"


# breakdowns ------------------------------------------------------------------------


def _breakdowns(figures: list[Figure], anchor: str) -> list[ChartSpec]:
    groups: OrderedDict[tuple, list[Figure]] = OrderedDict()
    for figure in figures:
        key = _breakdown_key(figure)
        if key is not None:
            group = groups.setdefault(key, [])
            if _member(figure) not in {_member(f) for f in group}:
                group.append(figure)
    specs = []
    for n, (key, group) in enumerate(groups.items()):
        if len(group) >= MIN_BREAKDOWN:
            specs.append(_breakdown_spec(f"{anchor}-breakdown-{n + 1}", key, group))
    return specs


def _breakdown_key(figure: Figure) -> tuple | None:
    """Figures chart together when they share release, dimension and basis (a level unit, or a change)."""
    metric = figure.metric
    dimension = metric.dimension
    if not dimension or not metric.member:
        return None
    if metric.value is not None and metric.unit not in (None, "percent"):
        basis = ("level", metric.unit, metric.period)
    elif metric.value is None and metric.change is not None and metric.change.value is not None:
        basis = ("change", metric.change.unit, metric.change.basis, metric.period)
    else:
        return None
    return (metric.release_id, dimension, _base_subject(figure), basis)


def _member(figure: Figure) -> str:
    return str(figure.metric.member or figure.metric.subject)


def _base_subject(figure: Figure) -> str:
    """'ICT exports to Taiwan' with member 'Taiwan' -> 'ICT exports'."""
    subject, member = figure.metric.subject, _member(figure)
    base = re.sub(rf"\s*\b(to|from|of|in|for|by)?\s*{re.escape(member)}\b", "", subject, flags=re.I).strip()
    return base or subject


def _breakdown_spec(chart_id: str, key: tuple, group: list[Figure]) -> ChartSpec:
    _, dimension, base, basis = key
    refs = tuple(sorted({f.cite.ref for f in group}))
    period = format_period(group[0].metric.period)
    by = _DIMENSION_WORDS.get(dimension, dimension)
    labels = [_member(f)[:1].upper() + _member(f)[1:] for f in group]
    if basis[0] == "change":
        values = [_signed(f) for f in group]
        unit = "% change" + {"yoy": " y/y", "mom": " m/m", "qoq": " q/q"}.get(basis[2] or "", "")
        kind, scale = "diverging", 1.0
        words = ", ".join(f"{lab} {v:+.1f}%" for lab, v in zip(labels, values, strict=True))
    else:
        values = [f.metric.value for f in group]
        scale, unit = _scale(max(values), basis[1])
        kind = "bar"
        words = ", ".join(f"{lab} {f.value_text}" for lab, f in zip(labels, group, strict=True))
    title = f"{base[:1].upper() + base[1:]} by {by}" + (f", {period}" if period else "")
    return ChartSpec(
        id=chart_id, kind=kind, title=title, data=_frame({"label": labels, "value": values}),
        unit_label=unit, source_note=f"Source: {_ref_list(refs)}", alt=f"{title}: {words}.", refs=refs,
        scale=scale,
    )


def _signed(figure: Figure) -> float:
    change = figure.metric.change
    value = change.value or 0.0
    return -abs(value) if change.direction == "down" else value


# parts of a total ----------------------------------------------------------------------


def _parts(figures: list[Figure], anchor: str) -> list[ChartSpec]:
    from reports.briefing import parts_of, parts_table

    specs = []
    table = parts_table(figures)
    for n, total in enumerate(figures):
        parts = parts_of(total, table)
        if not parts or total.metric.value is None:
            continue
        scale, unit = _scale(total.metric.value, total.metric.unit)
        refs = tuple(sorted({total.cite.ref, *(p.cite.ref for p in parts)}))
        period = format_period(total.metric.period)
        title = f"{total.label}: parts of the total" + (f", {period}" if period else "")
        words = ", ".join(f"{p.label} {p.value_text}" for p in parts)
        specs.append(ChartSpec(
            id=f"{anchor}-parts-{n + 1}", kind="part", title=title,
            data=_frame({"label": [p.label for p in parts], "value": [p.metric.value for p in parts]}),
            unit_label=unit, source_note=f"Source: {_ref_list(refs)}",
            alt=f"{title}: total {total.value_text}; {words}.", refs=refs, total=total.metric.value,
            total_label=total.value_text, scale=scale,
        ))
    return specs


# one metric over periods ---------------------------------------------------------------------


def _lines(figures: list[Figure], history: History, anchor: str) -> list[ChartSpec]:
    specs, seen = [], set()
    for figure in figures:
        metric = figure.metric
        if metric.metric_id is None or metric.value is None or not metric.period:
            continue
        shape = _period_shape(metric.period)
        if (metric.metric_id, shape) in seen:
            continue
        seen.add((metric.metric_id, shape))
        points: dict[str, float] = {}
        for row in history.stated(metric.metric_id):
            stored = row.metric
            if stored.value is not None and stored.unit == metric.unit and stored.period \
                    and _period_shape(stored.period) == shape and stored.period <= metric.period \
                    and stored.confidence == "high":  # a doubtful stored figure joins no line
                points[stored.period] = stored.value  # a later release revises an earlier one
        points[metric.period] = metric.value  # the current point is the figure the briefing shows
        points = {p: points[p] for p in sorted(points)[-MAX_LINE_POINTS:]}
        if len(points) >= MIN_LINE_POINTS:
            specs.append(_line_spec(f"{anchor}-line-{len(specs) + 1}", figure, points))
    return specs


def plan_trends(figures: Iterable[Figure], period: Period, locale: str = "en") -> list[ChartSpec]:
    """One line per followed metric (a catalog id stated for several months of the period), largest first.

    Each month's point is the latest release's figure for that month, in the unit the metric was
    first stated in; at most MAX_TRENDS charts, the metrics stated for most months first.
    """
    months = _months(period)
    found: dict[str, dict[str, Figure]] = {}
    for figure in figures:
        metric = figure.metric
        if metric.metric_id is None or metric.value is None or metric.period not in months:
            continue
        held = found.setdefault(metric.metric_id, {})
        first = next(iter(held.values()), figure)
        if metric.unit == first.metric.unit and not metric.member:
            held[metric.period] = figure  # a later release revises an earlier one
    followed = [points for points in found.values() if len(points) >= MIN_TREND_POINTS]
    followed.sort(key=lambda points: -len(points))  # stable: equal counts keep their first appearance
    return [_trend_spec(f"trend-{n + 1}", points, locale) for n, points in enumerate(followed[:MAX_TRENDS])]


def _months(period: Period) -> set[str]:
    months, month = set(), month_period(period.start.year, period.start.month)
    while month.start <= period.end:
        months.add(month.key)
        month = month.next()
    return months


def _trend_spec(chart_id: str, points: dict[str, Figure], locale: str) -> ChartSpec:
    periods = sorted(points)
    figure = points[periods[-1]]
    values = [points[p].metric.value or 0.0 for p in periods]
    scale, unit = _scale(max(values), figure.metric.unit)
    names = [format_period(p, locale) for p in periods]
    first_year, last_year = periods[0][:4], periods[-1][:4]
    if first_year == last_year:  # one year: the title names it, the axis only the months
        names = [format_month_alone(p, locale) for p in periods]
    refs = tuple(sorted({points[p].cite.ref for p in periods}))
    span = f"{format_period(periods[0], locale)} to {format_period(periods[-1], locale)}"
    title = f"{figure.label} by month, {span}"
    return ChartSpec(
        id=chart_id, kind="line", title=title, data=_frame({"period": names, "value": values}),
        unit_label=unit, source_note=f"Source: {_ref_list(refs)}",
        alt=f"{title}: " + ", ".join(f"{format_period(p, locale)} {v / scale:,.1f}" for p, v in
                                     zip(periods, values, strict=True)) + f" ({unit}).",
        refs=refs, scale=scale, current=names[-1],
    )


def _line_spec(chart_id: str, figure: Figure, points: dict[str, float]) -> ChartSpec:
    periods = sorted(points)
    scale, unit = _scale(max(points.values()), figure.metric.unit)
    title = f"{figure.label}, {format_period(periods[0])} to {format_period(periods[-1])}"
    return ChartSpec(
        id=chart_id, kind="line", title=title,
        data=_frame({"period": [format_period(p) for p in periods], "value": [points[p] for p in periods]}),
        unit_label=unit, source_note=f"Source: [{figure.cite.ref}] and earlier releases in the store",
        alt=f"{title}: "
        + ", ".join(f"{format_period(p)} {points[p] / scale:,.1f}" for p in periods)
        + f" ({unit}); marked: {format_period(figure.metric.period)}, this briefing's figure.",
        refs=(figure.cite.ref,), scale=scale, current=format_period(figure.metric.period),
    )


def _period_shape(period: str) -> str:
    return re.sub(r"\d", "9", period)


# shared -------------------------------------------------------------------------------------


def _scale(largest: float, unit: str | None) -> tuple[float, str]:
    """(divisor, axis label): 2.6e11 USD -> (1e9, 'USD billion'); 308,000 units -> (1e3, 'thousand units')."""
    from reports.formatting import is_currency

    for factor, word in _SCALES:
        if abs(largest) >= factor:
            return factor, (f"{unit} {word}" if is_currency(unit) else f"{word} {unit or ''}".strip())
    return 1.0, unit or ""


def _frame(columns: dict[str, list]) -> Frame:
    """A chart's data: a few rows by column."""
    return Frame(columns)


def _ref_list(refs: tuple[int, ...]) -> str:
    """'[1], [3]'; a long list is named by its first and last: '[1] to [480] (212 releases)'."""
    if len(refs) > MAX_LISTED_REFS:
        return f"[{refs[0]}] to [{refs[-1]}] ({len(refs)} releases)"
    return ", ".join(f"[{r}]" for r in refs)
