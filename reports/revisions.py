"""What changed since the last briefing: releases revised after a briefing used them, and what is new.

The reader's point of reference is the briefing they last received, so both compare with the archive,
not with the store: an archived folder's manifest.json lists the releases it was built from with the
hash of the text it read, and its metrics.csv / meetings.csv what it showed. A release whose stored text
no longer has that hash was revised since; its figures as that briefing showed them are matched with
the figures read from its text now:

    key   (catalog id, else the subject), period, unit
    kinds changed (old value -> new value), gone (no longer stated), added (newly stated)

A folder without metrics.csv falls back to the figures the store kept with the earlier text
(`Store.release_version`). A low-confidence figure is listed only with its "unverified" mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reports.archive import read_manifest
from reports.briefing import Figure, MeetingRow, Quote, Reference, _label, _restated_once
from reports.corrections import Corrections, apply_corrections
from reports.errors import BriefError
from reports.formatting import format_change, format_period, format_value
from reports.periods import Period, parse_key
from reports.records import Change, Metric, change_unit
from reports.store import Store
from reports.tables import read_rows

MAX_CHANGES = 12  # figure differences listed per revised release; the rest are counted
MAX_NEW_FIGURES = 8
MAX_NEW_MEETINGS = 6


# What an archived briefing showed ---------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A figure as an archived briefing showed it: one row of its metrics.csv (or a kept version)."""

    release_id: str
    metric_id: str
    subject: str
    value: float | None
    unit: str
    period: str
    change: Change | None
    confidence: str
    doubts: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.metric_id or self.subject.casefold(), self.period, self.unit)

    def text(self, locale: str) -> str:
        """'USD 58.9 billion, +12.0% y/y' (a change with no level: the change alone)."""
        parts = [format_value(self.value, self.unit or None, locale), format_change(self.change, locale)]
        return ", ".join(part for part in parts if part)

    @classmethod
    def of(cls, metric: Metric) -> Shown:
        return cls(metric.release_id, metric.metric_id or "", metric.subject, metric.value, metric.unit or "",
                   metric.period or "", metric.change, metric.confidence, "; ".join(metric.doubts))


@dataclass(frozen=True)
class ArchivedView:
    """One archived briefing: the releases it read (id -> text hash) and what it showed."""

    key: str
    period: Period
    generated_at: datetime | None
    inputs: dict[str, str]
    figures: tuple[Shown, ...] | None  # None: the folder has no readable metrics.csv
    meetings: frozenset[tuple[str, str]]  # (date, counterpart) of the engagements it listed


def read_view(folder: Path) -> ArchivedView | None:
    """The archived briefing in `folder`, or None when it is not one (no manifest, not a period)."""
    try:
        period = parse_key(folder.name)
    except BriefError:
        return None
    manifest = read_manifest(folder)
    if manifest is None:
        return None
    inputs = {
        str(item["release_id"]): str(item["sha256"])
        for item in manifest.get("inputs", [])
        if isinstance(item, dict) and "release_id" in item and "sha256" in item
    }
    generated = (manifest.get("summary") or {}).get("generated_at")
    try:
        generated_at = datetime.fromisoformat(generated) if isinstance(generated, str) else None
    except ValueError:
        generated_at = None
    return ArchivedView(folder.name, period, generated_at, inputs, _shown(folder / "metrics.csv"),
                        _meetings(folder / "meetings.csv"))


def _number(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _shown(path: Path) -> tuple[Shown, ...] | None:
    rows = read_rows(path)
    if rows is None:
        return None
    shown = []
    for row in rows:
        change = None
        if row.get("change_value") or row.get("change_direction"):
            change = Change(_number(row.get("change_value", "")), change_unit(row.get("change_unit")),
                            row.get("change_direction") or None, row.get("change_basis") or None)
        shown.append(Shown(row.get("release_id", ""), row.get("metric_id", ""), row.get("subject", ""),
                           _number(row.get("value", "")), row.get("unit", ""), row.get("period", ""), change,
                           row.get("confidence") or "high", row.get("doubts", "")))
    return tuple(shown)


def _meetings(path: Path) -> frozenset[tuple[str, str]]:
    return frozenset(
        (row.get("date", ""), row.get("counterpart", "").casefold()) for row in read_rows(path) or ()
    )


def earlier_views(output: Path, period: Period) -> tuple[ArchivedView, ...]:
    """The briefings a reader of `period`'s briefing last saw: the archived briefing of the same kind
    (week, month, range) just before it, and this period's own folder when it is being built again.

    Folders are chosen by name; only the chosen ones are read (an archive of years reads two).
    """
    if not output.is_dir():
        return ()
    same: ArchivedView | None = None
    earlier: list[tuple[Period, Path]] = []
    for folder in output.iterdir():
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            found = parse_key(folder.name)
        except BriefError:
            continue
        if found.kind != period.kind:
            continue
        if found.key == period.key:
            same = read_view(folder)
        elif found.start < period.start:
            earlier.append((found, folder))
    earlier.sort(key=lambda item: item[0].start, reverse=True)
    before = next((view for _, folder in earlier if (view := read_view(folder)) is not None), None)
    return tuple(view for view in (same, before) if view is not None)


def revised_ids(store: Store, views: Sequence[ArchivedView]) -> dict[str, tuple[ArchivedView, str]]:
    """release id -> (the briefing that read an earlier text of it, that text's hash), newest briefing
    first; a release no longer stored is left out."""
    wanted: dict[str, tuple[ArchivedView, str]] = {}
    for view in views:  # the period's own earlier build first: the newest a reader saw
        for release_id, sha in view.inputs.items():
            wanted.setdefault(release_id, (view, sha))
    now = store.body_hashes(wanted)
    return {rid: seen for rid, seen in wanted.items() if rid in now and now[rid] != seen[1]}


# Revisions -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureChange:
    """One figure of a revised release: changed (old -> new), gone or added."""

    kind: str  # changed | gone | added
    label: str
    period: str
    unit: str
    metric_id: str
    old: Shown | None
    new: Shown | None
    cite: Quote | None  # the sentence of the new text (changed, added); None for a figure gone
    locale: str = "en"

    @property
    def old_text(self) -> str:
        return self.old.text(self.locale) if self.old else ""

    @property
    def new_text(self) -> str:
        return self.new.text(self.locale) if self.new else ""

    @property
    def period_text(self) -> str:
        return format_period(self.period, self.locale) if self.period else ""

    @property
    def unverified(self) -> bool:
        """Read with doubts on either side: never a revision fact without this mark."""
        return any(shown is not None and shown.confidence != "high" for shown in (self.old, self.new))

    @property
    def doubts_text(self) -> str:
        return "; ".join(dict.fromkeys(s.doubts for s in (self.new, self.old) if s is not None and s.doubts))

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "subject": self.label, "metric_id": self.metric_id or None,
            "period": self.period or None, "unit": self.unit or None,
            "old": self.old.value if self.old else None, "new": self.new.value if self.new else None,
            "old_text": self.old_text or None, "new_text": self.new_text or None,
            "unverified": self.unverified, "quote": self.cite.anchor if self.cite else None,
        }


@dataclass(frozen=True)
class Revision:
    """A release revised since a briefing used it, and how its figures differ from what that showed."""

    reference: Reference
    since: str  # the key of the briefing that read the earlier text
    replaced_at: datetime | None  # when the store replaced that text (None: not kept)
    changes: tuple[FigureChange, ...]
    more: int = 0  # differences beyond MAX_CHANGES, in the HTML's count only
    earlier_known: bool = True  # False: neither the archive nor the store recorded the earlier figures

    @property
    def cite_ref(self) -> int:
        return self.reference.number

    def to_json(self) -> dict[str, object]:
        release = self.reference.release
        return {
            "release_id": release.id, "source": self.reference.number, "title": release.title,
            "published": release.published.isoformat(), "since": self.since,
            "replaced_at": self.replaced_at.isoformat() if self.replaced_at else None,
            "earlier_figures_known": self.earlier_known,
            "changes": [change.to_json() for change in self.changes], "more": self.more,
        }


def find_revisions(
    store: Store,
    views: Sequence[ArchivedView],
    references: list[Reference],
    labels: dict[str, str],
    locale: str = "en",
    corrections: Corrections | None = None,
) -> tuple[Revision, ...]:
    """Every release the last briefing(s) read whose text has changed since, numbered for citation
    (a release not of the period is appended to `references`, as a comparison's release is)."""
    revised = revised_ids(store, views)
    if not revised:
        return ()
    releases = store.releases_by_id(revised)
    current = apply_corrections(store.metrics_for(releases), corrections, releases).metrics
    now_by_release: dict[str, list[Metric]] = {}
    for metric in _restated_once(current):
        now_by_release.setdefault(metric.release_id, []).append(metric)
    by_id = {ref.release.id: ref for ref in references}
    found = []
    for release_id, (view, sha) in revised.items():
        release = releases[release_id]
        ref = by_id.get(release_id)
        if ref is None:
            ref = Reference(len(references) + 1, release, labels.get(release.source, release.source), False)
            references.append(ref)
            by_id[release_id] = ref
        kept = store.release_version(release_id, sha)
        earlier: Iterable[Shown] | None = None
        if view.figures is not None:
            earlier = [s for s in view.figures if s.release_id == release_id]
        elif kept is not None:
            earlier = [Shown.of(m) for m in _restated_once(kept.metrics)]
        changes = _differences(list(earlier or ()), now_by_release.get(release_id, []), ref, locale)
        found.append(Revision(ref, view.key, kept.replaced_at if kept else None, tuple(changes[:MAX_CHANGES]),
                              max(0, len(changes) - MAX_CHANGES), earlier is not None))
    found.sort(key=lambda r: r.reference.number)
    return tuple(found)


def _differences(old: list[Shown], new: list[Metric], ref: Reference, locale: str) -> list[FigureChange]:
    """Figures matched by (catalog id or subject, period, unit): changed values, figures gone, added."""
    olds: dict[tuple[str, str, str], list[Shown]] = {}
    for shown in old:
        olds.setdefault(shown.key, []).append(shown)
    news: dict[tuple[str, str, str], list[Metric]] = {}
    for metric in new:
        news.setdefault(Shown.of(metric).key, []).append(metric)
    changes = []
    for key in dict.fromkeys([*olds, *news]):
        before, after = olds.get(key, []), news.get(key, [])
        for n in range(max(len(before), len(after))):
            was = before[n] if n < len(before) else None
            metric = after[n] if n < len(after) else None
            now = Shown.of(metric) if metric is not None else None
            if was is not None and now is not None and _same(was, now):
                continue
            kind = "changed" if was and now else ("gone" if was else "added")
            either = now or was
            assert either is not None
            cite = ref.quote(metric.quote, metric.span) if metric is not None else None
            changes.append(FigureChange(kind, _label(either.subject), key[1], key[2], either.metric_id,
                                        was, now, cite, locale))
    return changes


def _same(a: Shown, b: Shown) -> bool:
    def close(x: float | None, y: float | None) -> bool:
        return x == y or (x is not None and y is not None and abs(x - y) <= 1e-9 * max(abs(x), abs(y)))

    ca, cb = a.change, b.change
    same_change = (ca is None) == (cb is None) and (
        ca is None or (close(ca.value, cb.value) and ca.direction == cb.direction))  # type: ignore[union-attr]
    return close(a.value, b.value) and same_change


# What's new this week ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WhatsNew:
    """Figures and engagements of a weekly briefing that the previous weekly briefing did not show."""

    since: str | None  # the previous weekly briefing's key; None: the archive holds none
    figures: tuple[Figure, ...] = ()  # trusted figures only
    meetings: tuple[MeetingRow, ...] = ()
    figure_count: int = 0  # every new trusted figure (figures holds the first MAX_NEW_FIGURES)
    meeting_count: int = 0
    unverified: int = 0  # new figures read with doubts: in the tables, marked, not listed here

    @property
    def empty(self) -> bool:
        return not self.figure_count and not self.meeting_count and not self.unverified

    def to_json(self) -> dict[str, object]:
        return {
            "since": self.since,
            "figures": [{"subject": f.label, "value": f.value_text, "period": f.period_text,
                         "source": f.cite.ref} for f in self.figures],
            "figure_count": self.figure_count,
            "meetings": [{"date": m.date.isoformat() if m.date else None, "counterpart": m.counterpart,
                          "source": m.cite.ref} for m in self.meetings],
            "meeting_count": self.meeting_count,
            "unverified": self.unverified,
        }


def whats_new(
    previous: ArchivedView | None, figures: Sequence[Figure], leading: Iterable[Figure],
    meetings: Sequence[MeetingRow],
) -> WhatsNew:
    """What the period shows that `previous` did not: a figure is the same when its catalog id (or
    subject), period, unit and value are; an engagement when its date and counterpart are.
    The headline figures (`leading`) come first."""
    if previous is None:
        return WhatsNew(None)
    seen = {(s.key, s.value) for s in previous.figures or ()}
    order = {id(f): n for n, f in enumerate(leading)}
    fresh = [f for f in figures if (Shown.of(f.metric).key, f.metric.value) not in seen]
    trusted = sorted((f for f in fresh if f.trusted), key=lambda f: order.get(id(f), len(order)))
    new_meetings = [
        row for row in meetings
        if ((row.date.isoformat() if row.date else ""), (row.counterpart or "").casefold())
        not in previous.meetings
    ]
    new_meetings.sort(key=lambda row: row.date or date.max)
    return WhatsNew(previous.key, tuple(trusted[:MAX_NEW_FIGURES]), tuple(new_meetings[:MAX_NEW_MEETINGS]),
                    len(trusted), len(new_meetings), len(fresh) - len(trusted))
