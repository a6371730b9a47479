"""The Briefing model: what a period's briefing says, ready for the templates.

Templates only lay out a Briefing; every choice (which figures lead, how they
are grouped, numbered and cited, which checks and charts there are) is made
here, from the store's records for the period.
"""

from __future__ import annotations

import re
import tomllib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from reports.corrections import Applied, Corrections, apply_corrections, correct_history
from reports.extract import catalog
from reports.extract.meetings import group_trips
from reports.formatting import format_change, format_period, format_value, is_currency
from reports.periods import Period, figure_period, valid_figure_period
from reports.records import Meeting, Metric, Release
from reports.resources import data_file
from reports.store import Stated, Store

if TYPE_CHECKING:
    from reports.revisions import ArchivedView

MAX_HEADLINES = 8
MIN_HEADLINES = 4
PER_RELEASE_HEADLINES = 3
LONG_PERIOD_DAYS = 31  # longer than a month: the PDF summarizes, the HTML and CSVs list


def is_long(period: Period) -> bool:
    """A period longer than any month (a quarter, a year, a long range) is summarized, not listed."""
    return (period.end - period.start).days + 1 > LONG_PERIOD_DAYS


# Citations -----------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A sentence of a release that the briefing relies on; citations link here."""

    ref: int
    n: int
    text: str
    span: tuple[int, int]

    @property
    def anchor(self) -> str:
        return f"q-{self.ref}-{self.n}"


@dataclass
class Reference:
    """A numbered source: every claim in the briefing cites one as [n]."""

    number: int
    release: Release
    source: str  # how the source is named: "Ministry of Trade, Industry and Resources (MOTIR)"
    in_period: bool = True  # False: an earlier release, cited for a comparison
    quotes: list[Quote] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"ref-{self.number}"

    def quote(self, text: str, span: tuple[int, int]) -> Quote:
        """The Quote for this sentence, added once however often it is cited."""
        for quote in self.quotes:
            if quote.span == tuple(span):
                return quote
        quote = Quote(self.number, len(self.quotes) + 1, text, tuple(span))  # type: ignore[arg-type]
        self.quotes.append(quote)
        return quote


# Figures ---------------------------------------------------------------------


@dataclass(frozen=True)
class Earlier:
    """The same catalog metric in the period before, from the store."""

    value: float
    period: str
    cite: Quote

    def change_from(self, value: float) -> float | None:
        return None if not self.value else (value / self.value - 1) * 100


@dataclass(frozen=True)
class Comparison:
    """A figure's change against an earlier period: as the text states it and as two stored levels give it."""

    basis: str  # prev (the previous period) | yoy (the same period a year before)
    stated: str  # '+12.4% y/y' from the text, or ''
    computed: str  # '+11.9%' from the stored levels, or ''
    earlier: Earlier | None  # the stored level the computed change is from (its citation)
    locale: str = "en"

    @property
    def period_text(self) -> str:
        """The earlier period compared with: 'Jan 2026'; '' for a stated change with no stored level."""
        return format_period(self.earlier.period, self.locale) if self.earlier else ""


_PREVIOUS_BASIS = {"9999-99": "mom", "9999-Q9": "qoq", "9999": "yoy"}


def _shape(period: str | None) -> str:
    return re.sub(r"\d", "9", period or "")


@dataclass(frozen=True)
class Figure:
    """One extracted metric as the briefing shows it, with its citation."""

    metric: Metric
    label: str
    cite: Quote
    locale: str = "en"
    earlier: Earlier | None = None
    year_ago: Earlier | None = None  # the same period a year before, from the store

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        """The change against the previous period and a year before: stated by the text, computed
        from two stored levels, or both side by side."""
        found = []
        pairs = (("prev", self.earlier), ("yoy", self.year_ago))
        if _shape(self.metric.period) == "9999":  # for a year the previous period is the year before
            pairs = (("yoy", self.year_ago or self.earlier),)
        for basis, earlier in pairs:
            change = self.metric.change
            wanted = "yoy" if basis == "yoy" else _PREVIOUS_BASIS.get(_shape(self.metric.period), "")
            stated = format_change(change, self.locale) if change and change.basis == wanted else ""
            computed = None
            if earlier is not None and self.metric.value is not None:
                computed = earlier.change_from(self.metric.value)
            if stated or computed is not None:
                text = "" if computed is None else f"{computed:+.1f}%".replace("-", "−")
                found.append(Comparison(basis, stated, text, earlier, self.locale))
        return tuple(found)

    @property
    def card_comparisons(self) -> tuple[Comparison, ...]:
        """What a headline card adds to its 'vs <previous period>' line: a change computed from a stored
        level, beside the stated one (a stated change alone is already the card's change line)."""
        return tuple(c for c in self.comparisons if c.computed and (c.basis == "yoy" or c.stated))

    @property
    def trusted(self) -> bool:
        """High confidence: every part read by a rule the extractor trusts (only these go on the cover
        and in charts; the others stay in the tables, marked, with their reasons)."""
        return self.metric.confidence == "high"

    @property
    def doubts_text(self) -> str:
        return "; ".join(self.metric.doubts)

    @property
    def value_text(self) -> str:
        return format_value(self.metric.value, self.metric.unit, self.locale)

    @property
    def change_text(self) -> str:
        return format_change(self.metric.change, self.locale)

    @property
    def period_text(self) -> str:
        return format_period(self.metric.period, self.locale)

    @property
    def earlier_text(self) -> str:
        """'vs Nov 2025: USD 28.1 billion (+6.8%)', or '' when the store has no earlier figure."""
        if self.earlier is None or self.metric.value is None:
            return ""
        level = format_value(self.earlier.value, self.metric.unit, self.locale)
        change = self.earlier.change_from(self.metric.value)
        moved = "" if change is None else f" ({change:+.1f}%)".replace("-", "−")
        return f"vs {format_period(self.earlier.period, self.locale)}: {level}{moved}"


@dataclass(frozen=True)
class Headline:
    """A headline card: a figure and the rule that put it on the cover."""

    figure: Figure
    reason: str  # lead figure | record | total over its parts | largest change

    @property
    def label(self) -> str:
        return self.figure.label

    @property
    def value_text(self) -> str:
        return self.figure.value_text

    @property
    def change_text(self) -> str:
        return self.figure.change_text


@dataclass(frozen=True)
class Topic:
    """A section of figures on one subject family, with its charts."""

    title: str
    anchor: str
    figures: tuple[Figure, ...]
    charts: tuple[object, ...] = ()  # charts.ChartSpec, drawn later


# Meetings --------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    cite: Quote

    @property
    def date(self) -> date | None:
        return self.meeting.date

    @property
    def counterpart(self) -> str | None:
        return self.meeting.counterpart

    @property
    def location(self) -> str | None:
        return self.meeting.location

    @property
    def role(self) -> str:
        """Role and organization as one cell: 'Director of the OMB'."""
        parts = [self.meeting.counterpart_role, self.meeting.organization]
        seen: list[str] = []
        for part in parts:
            if part and not any(part in other for other in seen):
                seen.append(part)
        return "; ".join(seen)


@dataclass(frozen=True)
class TripGroup:
    label: str
    rows: tuple[MeetingRow, ...]


# A long period's summary -------------------------------------------------------

MAX_MOVERS = 10
MAX_COUNTERPARTS = 30
MAX_TRIPS = 20
MAX_FAILED_CHECKS = 25
CITES_PER_ROW = 3


@dataclass(frozen=True)
class Counterpart:
    """Every engagement with one counterpart over the period, as one row."""

    name: str
    role: str
    engagements: int
    first: date | None
    last: date | None
    locations: tuple[str, ...]
    cites: tuple[Quote, ...]  # the first CITES_PER_ROW; the others are in the full meeting log
    more: int = 0


@dataclass(frozen=True)
class TripLine:
    """A trip as one line: its label, its counterparts and its first sources."""

    label: str
    counterparts: tuple[str, ...]
    cites: tuple[Quote, ...]
    more: int = 0


@dataclass(frozen=True)
class CitedSource:
    """A reference and the quotes of it that the summary cites."""

    reference: Reference
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Summary:
    """What the PDF of a period longer than a month shows instead of the full lists.

    The full figure tables, meeting log and checks stay in the HTML and the CSVs.
    """

    trends: tuple[object, ...]  # charts.ChartSpec: one line per followed metric, the period's months
    movers: tuple[Figure, ...]  # the largest stated changes
    counterparts: tuple[Counterpart, ...]
    counterpart_count: int
    trips: tuple[TripLine, ...]
    trip_count: int
    failed_checks: tuple[object, ...]  # reports.checks.Check
    failed_count: int
    sources: tuple[CitedSource, ...]  # only the references the summary cites
    figure_count: int
    meeting_count: int


# History -----------------------------------------------------------------------


@dataclass(frozen=True)
class History:
    """Every stored figure of the catalog metrics a period states, read from the store once.

    Checks and charts read it; none of them queries the store. `stated(metric_id)`
    is oldest release first; `latest(...)` answers "the figure for this period" by lookup.
    """

    by_metric: dict[str, list[Stated]] = field(default_factory=dict)
    _latest: dict[tuple[str, str | None, str | None], Stated] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls, store: Store, metric_ids: Iterable[str | None], corrections: Corrections | None = None
    ) -> History:
        """The history, with corrections.toml applied as to the period's own figures."""
        return cls(correct_history(store.history(m for m in metric_ids if m), corrections, store))

    def __post_init__(self) -> None:
        for metric_id, rows in self.by_metric.items():
            for row in rows:  # oldest first: the latest release stating a figure wins
                if row.metric.value is not None:
                    self._latest[(metric_id, row.metric.period, row.metric.unit)] = row

    def stated(self, metric_id: str) -> list[Stated]:
        return self.by_metric.get(metric_id, [])

    def latest(self, metric_id: str, period: str | None, unit: str | None) -> Stated | None:
        """The stored level of `metric_id` for `period` in `unit` from the latest release stating it."""
        return self._latest.get((metric_id, period, unit))


# Freshness ---------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFreshness:
    """How complete one source is for the period: releases collected, its newest, its last collection."""

    name: str
    label: str
    releases: int  # collected for the period
    newest: date | None  # its newest stored release up to the period's end
    failed: str | None = None  # why its last collection failed; None: it was read (or never collected)
    collected: bool = False  # the store records a collection of it

    @property
    def warning(self) -> str:
        """'failed' or 'empty' (no release in the period): the briefing may be partial; else ''."""
        if self.failed:
            return "failed"
        return "empty" if self.releases == 0 else ""


def source_freshness(
    store: Store, period: Period, references: Iterable[Reference], labels: dict[str, str]
) -> tuple[SourceFreshness, ...]:
    """Every configured source (the keys of `labels`) and every source of the period's releases."""
    counts: dict[str, int] = {name: 0 for name in labels}
    for ref in references:
        if ref.in_period:
            counts[ref.release.source] = counts.get(ref.release.source, 0) + 1
    newest = store.newest_release_dates(period.end)
    collections = store.last_collections()
    return tuple(
        SourceFreshness(
            name, labels.get(name, name), count, newest.get(name),
            failed=collections.get(name, ("", None))[1], collected=name in collections,
        )
        for name, count in counts.items()
    )


# The briefing ----------------------------------------------------------------


@dataclass(frozen=True)
class Briefing:
    title: str
    period: Period
    generated_at: datetime
    locale: str
    headlines: tuple[Headline, ...]
    topics: tuple[Topic, ...]
    trips: tuple[TripGroup, ...]
    checks: tuple[object, ...]  # reports.checks.Check
    other_releases: tuple[Reference, ...]  # releases with no figure and no meeting
    references: tuple[Reference, ...]
    timeline: object | None = None  # charts.ChartSpec of the period's engagements
    corrections: Applied | None = None  # what corrections.toml changed
    draft: bool = False  # held for review: the cover says DRAFT
    upcoming: tuple[MeetingRow, ...] = ()  # engagements announced for later, not yet reported held
    summary: Summary | None = None  # a period longer than a month: what its PDF shows
    key_points: tuple[object, ...] = ()  # reports.keypoints.KeyPoint: the sentences at the top
    no_earlier_periods: bool = False  # the store holds no release before the period (no comparison yet)
    freshness: tuple[SourceFreshness, ...] = ()  # per source: releases, newest date, last collection
    revisions: tuple[object, ...] = ()  # reports.revisions.Revision: releases revised since the last briefing
    whats_new: object | None = None  # reports.revisions.WhatsNew: a week's news since the last week

    @property
    def freshness_warnings(self) -> tuple[SourceFreshness, ...]:
        return tuple(source for source in self.freshness if source.warning)

    @property
    def is_summarized(self) -> bool:
        return self.summary is not None

    @property
    def release_count(self) -> int:
        return sum(1 for ref in self.references if ref.in_period)

    @property
    def source_count(self) -> int:
        return len({ref.source for ref in self.references if ref.in_period})

    @property
    def is_empty(self) -> bool:
        return self.release_count == 0

    @property
    def meetings(self) -> tuple[MeetingRow, ...]:
        return tuple(row for trip in self.trips for row in trip.rows)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(figure for topic in self.topics for figure in topic.figures)

    @property
    def charts(self) -> tuple[object, ...]:
        charts = [chart for topic in self.topics for chart in topic.charts]
        if self.summary is not None:
            charts = [*self.summary.trends, *charts]
        return tuple([*charts, self.timeline] if self.timeline is not None else charts)


def build_briefing(
    store: Store,
    period: Period,
    *,
    title: str,
    generated_at: datetime,
    locale: str = "en",
    source_labels: dict[str, str] | None = None,
    corrections: Corrections | None = None,
    earlier: Sequence[ArchivedView] | None = None,
) -> Briefing:
    """Everything the period's releases say, selected, grouped and numbered for citation.

    `corrections` (reports.corrections.Corrections) are applied to the figures as extracted;
    `earlier` (reports.revisions.earlier_views) are the archived briefings a reader last saw, which
    revisions and what's new compare with (None: no archive to compare with).
    """
    from charts.plan import plan_timeline, plan_trends
    from reports.checks import figure_checks
    from reports.keypoints import key_points

    labels = source_labels or {}
    releases = store.releases_between(period.start, period.end)
    references = [
        Reference(n, release, labels.get(release.source, release.source))
        for n, release in enumerate(releases, start=1)
    ]
    by_release = {ref.release.id: ref for ref in references}
    stated = store.metrics_between(period.start, period.end)
    corrected = apply_corrections(stated, corrections, {release.id: release for release in releases})
    metrics = _restated_once(corrected.metrics)
    history = History.load(store, (metric.metric_id for metric in metrics), corrections)
    figures = [_figure(metric, by_release[metric.release_id], locale) for metric in metrics]
    figures = _with_earlier(store, history, figures, references, labels)
    figures = _with_year_ago(store, history, figures, references, labels)
    rows = [
        MeetingRow(meeting, by_release[meeting.release_id].quote(meeting.quote, meeting.span))
        for meeting in store.meetings_between(period.start, period.end)
    ]
    rows, upcoming = held_and_upcoming(rows)
    summarized = is_long(period)
    # A long period's sections are lists (in the HTML): its charts are the summary's trends.
    topics = tuple(
        Topic(t.title, t.anchor, t.figures, _charts(t, history, locale, summarized))
        for t in _topics(figures, by_release)
    )
    cited = {f.metric.release_id for f in figures} | {r.meeting.release_id for r in (*rows, *upcoming)}
    headlines = headline_figures(figures)
    trips = _trips(rows, locale)
    checks = tuple(figure_checks(figures, history, locale))
    points = key_points(figures, headlines, trips, history, locale)
    revisions, news = _since_last_briefing(
        store, earlier, period, references, labels, locale, corrections, figures, headlines, rows
    )
    summary = None
    if summarized:
        trends = plan_trends([f for f in figures if f.trusted], period, locale)
        key_quotes = [q for point in points for q in point.cites]
        key_quotes += [c.cite for r in revisions for c in r.changes if c.cite]  # type: ignore[attr-defined]
        revised_refs = {r.cite_ref for r in revisions}  # type: ignore[attr-defined]
        summary = _summary(references, figures, headlines, trips, checks, trends, key_quotes, revised_refs)
    return Briefing(
        title=title,
        period=period,
        generated_at=generated_at,
        locale=locale,
        headlines=headlines,
        topics=topics,
        trips=trips,
        checks=checks,
        other_releases=tuple(r for r in references if r.in_period and r.release.id not in cited),
        references=tuple(references),
        timeline=plan_timeline(rows, locale, period),
        summary=summary,
        corrections=corrected,
        upcoming=upcoming,
        key_points=points,
        freshness=source_freshness(store, period, references, labels),
        no_earlier_periods=not store.has_releases_before(period.start),
        revisions=revisions,
        whats_new=news,
    )


def _since_last_briefing(
    store: Store,
    views: Sequence[ArchivedView] | None,
    period: Period,
    references: list[Reference],
    labels: dict[str, str],
    locale: str,
    corrections: Corrections | None,
    figures: list[Figure],
    headlines: tuple[Headline, ...],
    rows: list[MeetingRow],
) -> tuple[tuple[object, ...], object | None]:
    """Releases revised since the last archived briefing, and (for a week) what the last week lacked."""
    if views is None:
        return (), None
    from reports.revisions import find_revisions, whats_new

    revisions = find_revisions(store, views, references, labels, locale, corrections)
    news = None
    if period.kind == "week":
        previous = next((view for view in views if view.key != period.key), None)
        news = whats_new(previous, figures, (h.figure for h in headlines), rows)
    return revisions, news


def _charts(topic: _TopicDraft, history: History, locale: str, summarized: bool) -> tuple[object, ...]:
    """A topic's charts, drawn from its high-confidence figures only."""
    from charts.plan import plan_topic_charts

    if summarized:
        return ()
    trusted = replace(topic, figures=tuple(f for f in topic.figures if f.trusted))
    return tuple(plan_topic_charts(trusted, history, locale))


def _summary(
    references: list[Reference],
    figures: list[Figure],
    headlines: tuple[Headline, ...],
    trips: tuple[TripGroup, ...],
    checks: tuple[object, ...],
    trends: list[object],
    key_quotes: Iterable[Quote] = (),
    cited_refs: Iterable[int] = (),
) -> Summary:
    """The headline figures' companions on a long period's PDF, and the sources they cite."""
    movers = largest_movers(figures)
    counterparts = _counterparts([row for trip in trips for row in trip.rows])
    # A single engagement is a row of the counterparts table, not a trip.
    journeys = [trip for trip in trips if len(trip.rows) > 1]
    trip_lines = [_trip_line(trip) for trip in journeys[:MAX_TRIPS]]
    failed = [check for check in checks if getattr(check, "failed", False)]
    shown_failed = failed[:MAX_FAILED_CHECKS]
    quotes: list[Quote] = [
        *(h.figure.cite for h in headlines),
        *(h.figure.earlier.cite for h in headlines if h.figure.earlier),
        *(f.cite for f in movers),
        *(q for c in shown_failed for q in getattr(c, "cites", ())),
        *(q for row in counterparts[:MAX_COUNTERPARTS] for q in row.cites),
        *(q for line in trip_lines for q in line.cites),
        *key_quotes,
    ]
    trend_refs = {ref for spec in trends for ref in getattr(spec, "refs", ())} | set(cited_refs)
    return Summary(
        trends=tuple(trends),
        movers=movers,
        counterparts=tuple(counterparts[:MAX_COUNTERPARTS]),
        counterpart_count=len(counterparts),
        trips=tuple(trip_lines),
        trip_count=len(journeys),
        failed_checks=tuple(shown_failed),
        failed_count=len(failed),
        sources=_cited_sources(references, quotes, trend_refs),
        figure_count=len(figures),
        meeting_count=sum(len(trip.rows) for trip in trips),
    )


def largest_movers(figures: Iterable[Figure], limit: int = MAX_MOVERS) -> tuple[Figure, ...]:
    """The figures with the largest stated percent change, one per quantity and period."""
    best: dict[tuple[str, str | None], Figure] = {}
    for figure in figures:
        change = figure.metric.change
        if change is None or change.value is None or change.unit != "percent":
            continue
        key = (figure.metric.metric_id or figure.metric.subject.casefold(), figure.metric.period)
        held = best.get(key)
        if held is None or abs(change.value) > abs(held.metric.change.value or 0):  # type: ignore[union-attr]
            best[key] = figure
    ranked = sorted(best.values(), key=lambda f: -abs(f.metric.change.value or 0))  # type: ignore[union-attr]
    return tuple(ranked[:limit])


def _counterparts(rows: list[MeetingRow]) -> list[Counterpart]:
    """Engagements by counterpart, the most frequent first (then the earliest)."""
    groups: dict[str, list[MeetingRow]] = {}
    for row in rows:
        name = row.meeting.counterpart or row.meeting.organization or "?"
        groups.setdefault(name.casefold(), []).append(row)
    result = []
    for group in groups.values():
        dates = [row.date for row in group if row.date]
        places = tuple(dict.fromkeys(row.location for row in group if row.location))
        cites = tuple(dict.fromkeys(row.cite for row in group))
        result.append(Counterpart(
            name=group[0].meeting.counterpart or group[0].meeting.organization or "?",
            role=next((row.role for row in group if row.role), ""),
            engagements=len(group),
            first=min(dates) if dates else None,
            last=max(dates) if dates else None,
            locations=places[:2],
            cites=cites[:CITES_PER_ROW],
            more=max(0, len(cites) - CITES_PER_ROW),
        ))
    result.sort(key=lambda c: (-c.engagements, c.first or date.max))
    return result


def _trip_line(trip: TripGroup) -> TripLine:
    names = tuple(dict.fromkeys(row.counterpart or row.meeting.organization or "?" for row in trip.rows))
    cites = tuple(dict.fromkeys(row.cite for row in trip.rows))
    return TripLine(trip.label, names[:4], cites[:CITES_PER_ROW], max(0, len(cites) - CITES_PER_ROW))


def _cited_sources(
    references: list[Reference], quotes: list[Quote], refs: set[int]
) -> tuple[CitedSource, ...]:
    """The references the summary cites, in number order, each with the quotes it cites."""
    by_number = {ref.number: ref for ref in references}
    wanted: dict[int, dict[Quote, None]] = {number: {} for number in refs}
    for quote in quotes:
        wanted.setdefault(quote.ref, {})[quote] = None
    return tuple(
        CitedSource(by_number[number], tuple(sorted(found, key=lambda q: q.n)))
        for number, found in sorted(wanted.items()) if number in by_number
    )


def _restated_once(metrics: Iterable[Metric]) -> list[Metric]:
    """A figure a release states twice (in its lead and again in its summary) is shown once.

    The first statement is kept; a restatement that adds a record claim or a change
    the first lacked lends them to it.
    """
    kept: dict[tuple[object, ...], Metric] = {}
    for metric in metrics:
        key = (metric.release_id, metric.subject.casefold(), metric.value, metric.unit, metric.period,
               metric.dimension, metric.member, metric.change if metric.value is None else None)
        first = kept.get(key)
        if first is None:
            kept[key] = metric
        elif metric.value is not None:
            kept[key] = replace(
                first, record=first.record or metric.record, change=first.change or metric.change
            )
    return list(kept.values())


def _figure(metric: Metric, ref: Reference, locale: str) -> Figure:
    return Figure(metric, _label(metric.subject), ref.quote(metric.quote, metric.span), locale)


def _label(subject: str) -> str:
    """'automobile exports' -> 'Automobile exports'; 'ICT exports' stays as written."""
    return subject[:1].upper() + subject[1:] if subject else subject


# Headline figures ------------------------------------------------------------


def headline_figures(figures: list[Figure]) -> tuple[Headline, ...]:
    """The 4-8 figures that matter most in the period, best first.

    The rule, in order of weight:
      1. a release's lead figure: the first level (money or a count) it states
         for its own main period, which is what the release is about;
      2. a record ("record high", "all-time high");
      3. a total whose parts the period also states;
      4. a stated change, more for a larger one;
      5. any other level of the release's own period, to fill up to four cards.
    Only high-confidence figures are cards (see `Figure.trusted`); only levels are
    cards (a change with no level is not); a figure for a period
    before its release's lead period (a previous record, a base year) is not a
    card; one quantity appears once; at most three cards come from one release
    unless fewer than four cards would result.
    """
    leads = _leads(figures)
    parts = parts_table(figures)
    scored = [
        (score, reason, figure)
        for figure in figures
        if figure.trusted  # a doubtful figure never goes on the cover
        for score, reason in [_score(figure, leads.get(figure.metric.release_id), parts)]
        if score > 0
    ]
    scored.sort(key=lambda item: -item[0])
    chosen: list[Headline] = []
    seen: set[tuple[str, str | None]] = set()
    for cap in (PER_RELEASE_HEADLINES, MAX_HEADLINES):
        for _, reason, figure in scored:
            key = (figure.metric.metric_id or figure.metric.subject.lower(), figure.metric.period)
            from_release = sum(h.figure.metric.release_id == figure.metric.release_id for h in chosen)
            if key in seen or from_release >= cap or len(chosen) >= MAX_HEADLINES:
                continue
            seen.add(key)
            chosen.append(Headline(figure, reason))
        if len(chosen) >= MIN_HEADLINES:
            break
    rank = {id(h.figure): n for n, (_, _, f) in enumerate(scored) for h in chosen if h.figure is f}
    return tuple(sorted(chosen, key=lambda h: rank[id(h.figure)]))


def _score(figure: Figure, lead: Figure | None, parts: PartsTable) -> tuple[float, str]:
    metric = figure.metric
    if metric.value is None or not _is_level(metric.unit):
        return 0.0, ""
    if lead is not None and _period_before(metric.period, lead.metric.period):
        return 0.0, ""
    score, reasons = 0.0, []
    if lead is figure:
        score, reasons = score + 4, ["lead figure"]
    if metric.record:
        score, reasons = score + 3, [*reasons, "record"]
    if parts_of(figure, parts):
        score, reasons = score + 2, [*reasons, "total over its parts"]
    if metric.change is not None and metric.change.value is not None:
        score += 1 + min(abs(metric.change.value) / 25, 1)
        reasons = reasons or ["largest change"]
    # Any other level of the release's own period may fill the cover up to four cards.
    return score + 0.5, reasons[0] if reasons else "stated level"


def _is_level(unit: str | None) -> bool:
    return bool(unit) and unit != "percent"


def _leads(figures: Iterable[Figure]) -> dict[str, Figure]:
    """Each release's lead figure: the first level it states."""
    leads: dict[str, Figure] = {}
    for f in figures:
        if f.metric.value is not None and _is_level(f.metric.unit):
            leads.setdefault(f.metric.release_id, f)
    return leads


PartsTable = dict[tuple[str, str | None, str | None, str], list[Figure]]


def parts_table(figures: Iterable[Figure]) -> PartsTable:
    """Figures with a level, by (release, period, unit, catalog parent): parts_of looks totals up here."""
    table: PartsTable = {}
    for f in figures:
        parent = parent_id(f.metric.metric_id)
        if parent is not None and f.metric.value is not None:
            key = (f.metric.release_id, f.metric.period, f.metric.unit, parent)
            table.setdefault(key, []).append(f)
    return table


def parts_of(total: Figure, figures: Iterable[Figure] | PartsTable) -> list[Figure]:
    """Figures of the same release, period and unit whose catalog parent is `total`.

    `figures` is a list of figures, or (for many totals) the parts_table of one.
    """
    metric = total.metric
    if metric.metric_id is None or metric.value is None:
        return []
    table = figures if isinstance(figures, dict) else parts_table(figures)
    return list(table.get((metric.release_id, metric.period, metric.unit, metric.metric_id), ()))


def parent_id(metric_id: str | None) -> str | None:
    """The catalog parent of a metric id: exports.autos.hybrid -> exports.autos.eco_friendly."""
    if not metric_id:
        return None
    try:
        return catalog.entry(metric_id).parent
    except KeyError:  # an id the catalog does not hold takes its dotted prefix
        head, _, _ = metric_id.rpartition(".")
        return head if head.count(".") >= 1 else None


def _period_before(period: str | None, other: str | None) -> bool:
    """'2023' is before '2025'; periods of other shapes compare by their first year-month."""
    if not period or not other:
        return False
    return _period_start(period) < _period_start(other)


def _period_start(period: str) -> str:
    first = period.split("/", 1)[0]
    match = re.match(r"(\d{4})(?:-(\d{2}))?", first)
    if not match:
        return first
    quarter = re.match(r"\d{4}-([QH])(\d)", first)
    if quarter:
        month = (int(quarter[2]) - 1) * (3 if quarter[1] == "Q" else 6) + 1
        return f"{match[1]}-{month:02d}"
    return f"{match[1]}-{match[2] or '01'}"


# Comparison with earlier periods -----------------------------------------------


_CALENDAR_KINDS = ("year", "half", "quarter", "month")


def previous_period(period: str | None) -> str | None:
    """'2025' -> '2024', '2025-01' -> '2024-12', '2025-Q1' -> '2024-Q4', '2025-H2' -> '2025-H1';
    None for a span or part of a month, which has no previous period of its kind."""
    if not valid_figure_period(period):
        return None
    found = figure_period(period or "")
    return found.previous().key if found.kind in _CALENDAR_KINDS else None


def year_before(period: str | None) -> str | None:
    """'2025-12' -> '2024-12', '2025-Q1' -> '2024-Q1', '2025-H2' -> '2024-H2'; a year (or a span) -> None:
    a year's year before is its previous period, compared already."""
    if not valid_figure_period(period):
        return None
    found = figure_period(period or "")
    return found.year_before().key if found.kind in _CALENDAR_KINDS[1:] else None


def _with_earlier(
    store: Store, history: History, figures: list[Figure], references: list[Reference], labels: dict[str, str]
) -> list[Figure]:
    """Attach the stored figure of the previous period, citing (and numbering) its release."""
    found = [_find_earlier(history, figure) for figure in figures]
    return _attached(store, figures, found, references, labels, "earlier")


def _with_year_ago(
    store: Store, history: History, figures: list[Figure], references: list[Reference], labels: dict[str, str]
) -> list[Figure]:
    """Attach the stored, trusted figure of the same period a year before, citing (numbering) its release."""
    found: list[Stated | None] = []
    for figure in figures:
        metric, wanted = figure.metric, year_before(figure.metric.period)
        row = None
        if metric.metric_id and metric.value is not None and wanted:
            row = history.latest(metric.metric_id, wanted, metric.unit)
        found.append(row if row is not None and row.metric.confidence == "high" else None)
    return _attached(store, figures, found, references, labels, "year_ago")


def _attached(
    store: Store,
    figures: list[Figure],
    found: list[Stated | None],
    references: list[Reference],
    labels: dict[str, str],
    field_name: str,
) -> list[Figure]:
    """Each figure with its stored comparison figure as `field_name`, citing the release that states it.

    The releases cited only for a comparison are read in one query and numbered after the period's own.
    """
    by_release = {ref.release.id: ref for ref in references}
    missing = [row.release_id for row in found if row is not None and row.release_id not in by_release]
    earlier_releases = store.releases_by_id(missing)
    result = []
    for figure, row in zip(figures, found, strict=True):
        if row is None or (row.release_id not in by_release and row.release_id not in earlier_releases):
            result.append(figure)
            continue
        ref = by_release.get(row.release_id)
        if ref is None:
            release = earlier_releases[row.release_id]
            ref = Reference(len(references) + 1, release, labels.get(release.source, release.source), False)
            references.append(ref)
            by_release[release.id] = ref
        metric = row.metric
        earlier = Earlier(metric.value or 0.0, metric.period or "", ref.quote(metric.quote, metric.span))
        result.append(replace(figure, **{field_name: earlier}))
    return result


def _find_earlier(history: History, figure: Figure) -> Stated | None:
    metric = figure.metric
    wanted = previous_period(metric.period)
    if metric.metric_id is None or metric.value is None or wanted is None:
        return None
    # The latest release that states the earlier figure is the best-revised one.
    return history.latest(metric.metric_id, wanted, metric.unit)


# Sections by topic -------------------------------------------------------------


@dataclass(frozen=True)
class _TopicDraft:
    title: str
    anchor: str
    figures: tuple[Figure, ...]


def _topics(figures: list[Figure], by_release: dict[str, Reference]) -> list[_TopicDraft]:
    """Figures grouped by the subject family of their release, in order of first appearance."""
    of_release: dict[str, list[Figure]] = {}
    for figure in figures:
        of_release.setdefault(figure.metric.release_id, []).append(figure)
    groups: OrderedDict[str, list[Figure]] = OrderedDict()
    for release_id, ref in by_release.items():
        own = of_release.get(release_id)
        if own:
            groups.setdefault(_topic_title(own, ref.release), []).extend(own)
    return [_TopicDraft(title, _anchor(title), tuple(group)) for title, group in groups.items()]


def _topic_title(figures: list[Figure], release: Release) -> str:
    """The family most of a release's catalogued figures belong to, else the release's title."""
    families: dict[str, int] = {}
    for figure in figures:
        family = _family(figure.metric.metric_id)
        if family:
            families[family] = families.get(family, 0) + 1
    titles = _topic_titles()
    for family, _ in sorted(families.items(), key=lambda item: -item[1]):
        if family in titles:
            return titles[family]
    return release.title


def _family(metric_id: str | None) -> str | None:
    parts = (metric_id or "").split(".")
    return parts[1] if len(parts) >= 2 else None


@cache
def _topic_titles() -> dict[str, str]:
    with open(data_file("topics.toml"), "rb") as handle:
        return dict(tomllib.load(handle)["topics"])


def _anchor(text: str) -> str:
    """'Trade/Investment' -> 'sec-trade-investment'."""
    return "sec-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other")


# Meeting log -------------------------------------------------------------------


def _trips(rows: list[MeetingRow], locale: str) -> tuple[TripGroup, ...]:
    """Engagements grouped into trips (same city within a few days), chronological."""
    if not rows:
        return ()
    by_meeting = {row.meeting: row for row in rows}
    groups = []
    for trip in group_trips([row.meeting for row in rows], locale=locale):
        members = tuple(by_meeting[m] for m in trip.meetings if m in by_meeting)
        groups.append(TripGroup(trip.label, members))
    return tuple(groups)


def value_is_money(figure: Figure) -> bool:
    return is_currency(figure.metric.unit)


# Upcoming engagements ------------------------------------------------------------


def held_and_upcoming(rows: list[MeetingRow]) -> tuple[list[MeetingRow], tuple[MeetingRow, ...]]:
    """Held engagements (for the trip tables) and planned ones (for the Upcoming table).

    A planned engagement that a release reports as held (same counterpart, same day or a day left
    open on either side) is shown once, as held; one announced twice is listed once. Upcoming rows
    are in date order, undated ones last.
    """
    held = [row for row in rows if not row.meeting.planned]
    upcoming: list[MeetingRow] = []
    for row in rows:
        if not row.meeting.planned:
            continue
        # Only another release can report the engagement as held: in its own release a held meeting with
        # the same person ("after a video call, they agreed to meet in Beijing") is an earlier one.
        others = (other.meeting for other in held if other.meeting.release_id != row.meeting.release_id)
        reported = any(_same_engagement(row.meeting, other) for other in others)
        if reported or any(_same_engagement(row.meeting, other.meeting) for other in upcoming):
            continue
        upcoming.append(row)
    upcoming.sort(key=lambda row: row.meeting.date or date.max)
    return held, tuple(upcoming)


def _same_engagement(planned: Meeting, other: Meeting) -> bool:
    def names(meeting: Meeting) -> set[str]:
        return set(re.findall(r"\w+", (meeting.counterpart or "").casefold()))

    a, b = names(planned), names(other)
    if not a or not b or not (a <= b or b <= a):
        return False
    return planned.date is None or other.date is None or planned.date == other.date
