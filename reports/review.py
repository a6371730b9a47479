"""Review: the figures of a period an analyst should look at, each with a short stable key, and the
corrections `brief review` writes for them (see reports/corrections.py for the file)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from reports import corrections as fix
from reports.briefing import Briefing, Figure
from reports.checks import Check
from reports.config import Config
from reports.errors import BriefError
from reports.periods import Period
from reports.records import Metric, Release
from reports.store import Store

COVER, LOW, FAILED_CHECK = "cover", "low confidence", "failed check"


@dataclass(frozen=True)
class ReviewItem:
    """A figure to look at: its key, why it is listed, and the figure as the briefing shows it."""

    key: str
    reasons: tuple[str, ...]
    figure: Figure

    def to_json(self) -> dict[str, Any]:
        m = self.figure.metric
        return {
            "key": self.key, "reasons": list(self.reasons), "source": self.figure.cite.ref,
            "release_id": m.release_id, "label": self.figure.label, "subject": m.subject,
            "metric_id": m.metric_id, "value": m.value, "unit": m.unit, "period": m.period,
            "change": fix.change_text(m.change) or None, "value_text": self.figure.value_text,
            "change_text": self.figure.change_text, "record": m.record, "confidence": m.confidence,
            "doubts": list(m.doubts), "checked": m.checked, "quote": m.quote,
        }


@dataclass(frozen=True)
class FailedCheck:
    check: Check
    keys: tuple[str, ...]  # the figures it compared

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.check.kind, "description": self.check.description,
                "arithmetic": self.check.arithmetic, "status": self.check.status, "keys": list(self.keys),
                "sources": sorted({cite.ref for cite in self.check.cites})}


@dataclass(frozen=True)
class Review:
    period: Period
    items: tuple[ReviewItem, ...]
    checks: tuple[FailedCheck, ...]
    briefing: Briefing

    @property
    def stale(self) -> tuple[fix.Stale, ...]:
        return self.briefing.corrections.stale if self.briefing.corrections else ()

    def to_json(self) -> dict[str, Any]:
        applied = self.briefing.corrections
        return {
            "period": self.period.key,
            "corrections": str(applied.path) if applied and applied.path else None,
            "figures": [item.to_json() for item in self.items],
            "failed_checks": [check.to_json() for check in self.checks],
            "applied": applied.keys if applied else [],
            "stale": [{"key": s.correction.key, "action": s.correction.action, "line": s.correction.line,
                       "reason": s.reason} for s in self.stale],
        }


def review_period(store: Store, config: Config, period: Period, *, locale: str | None = None) -> Review:
    """What `brief review` lists for a period: cover figures, low-confidence figures, failed checks."""
    from reports.pipeline import build_period

    return review_of(build_period(store, config, period, locale=locale))


def review_of(briefing: Briefing) -> Review:
    figures = list(briefing.figures)
    keys = {id(f): fix.figure_key(f.metric) for f in figures}
    failed = [c for c in briefing.checks if isinstance(c, Check) and c.failed]
    checked = [FailedCheck(c, tuple(keys[id(f)] for f in _compared(c, figures))) for c in failed]
    in_checks = {key for check in checked for key in check.keys}
    cover = [h.figure for h in briefing.headlines]
    items = []
    for figure in [*cover, *(f for f in figures if all(f is not c for c in cover))]:
        key = keys.get(id(figure)) or fix.figure_key(figure.metric)
        reasons = [COVER] if any(figure is c for c in cover) else []
        if figure.metric.confidence == "low":
            reasons.append(LOW)
        if key in in_checks:
            reasons.append(FAILED_CHECK)
        if reasons:
            items.append(ReviewItem(key, tuple(reasons), figure))
    return Review(briefing.period, tuple(items), tuple(checked), briefing)


def _compared(check: Check, figures: list[Figure]) -> list[Figure]:
    """The figures a check compared: those of its sentences its description names, else all of them."""
    cited = [f for f in figures if f.cite in check.cites]
    named = [f for f in cited if f.label and f.label in check.description]
    return named or cited


# Finding a figure by its key ------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    key: str
    metric: Metric  # as extracted, before any correction
    release: Release


def find_figure(
    store: Store, key: str, period: Period | None = None, corrections: fix.Corrections | None = None
) -> Found:
    """The stored figure with this key (in the period, else anywhere), or a figure `corrections` added;
    an unknown key is a BriefError."""
    from reports.pipeline import ensure_extracted

    start, end = (period.start, period.end) if period else (date.min, date.max)
    releases = store.releases_between(start, end)
    ensure_extracted(store, releases)
    by_id = {r.id: r for r in releases}
    wanted = key.strip().lower()
    for figure_key, metric in fix.keyed(store.metrics_between(start, end)):
        if figure_key == wanted:
            return Found(figure_key, metric, by_id[metric.release_id])
    added = fix.apply_corrections([], corrections, by_id).metrics if corrections else []
    for metric in added:
        if metric.review_key == wanted:
            return Found(wanted, metric, by_id[metric.release_id])
    where = f"in {period.key}" if period else "in the store"
    raise BriefError(f"no figure with key {key!r} {where} (brief review --month ... lists them)")


def find_release(store: Store, release_id: str) -> Release:
    """A stored release by its id, or by a prefix of it that only one release has."""
    release = store.release(release_id)
    if release is not None:
        return release
    matches = [r for r in store.releases_between(date.min, date.max) if r.id.startswith(release_id)]
    if len(matches) == 1 and len(release_id) >= 4:
        return matches[0]
    raise BriefError(f"--add {release_id!r}: no such release in the store" if not matches
                     else f"--add {release_id!r}: more than one release starts so; give more of the id")


def parse_assignments(pairs: Sequence[str]) -> dict[str, Any]:
    """['subject=ICT exports', 'value=22e9', 'change=+3.1%yoy'] -> the fields, checked (TOML values)."""
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or name not in fix.FIELDS:
            raise BriefError(f"{pair!r}: expected FIELD=VALUE with FIELD one of {', '.join(fix.FIELDS)}")
        try:
            parsed = fix.check_field(name, value.strip())
        except BriefError as exc:
            raise BriefError(f"{pair!r}: {exc}") from None
        if name == "value" and parsed is not None:
            values[name] = parsed
        elif name == "change" and parsed is not None:
            values[name] = fix.change_text(parsed)
        elif name == "record":
            values[name] = bool(parsed)
        else:
            values[name] = value.strip()
    return values


def correction_for(
    action: fix.Action, found: Found, new: Mapping[str, Any] | None = None, *, by: str,
    at: datetime | None = None,
) -> fix.Correction:
    """A drop, set or confirm of a found figure, ready to append to the file."""
    if action == "set" and not new:
        raise BriefError("--set needs at least one FIELD=VALUE (subject, value, unit, period, change, ...)")
    return fix.Correction(
        action=action, key=found.key, release_id=found.release.id, quote=found.metric.quote,
        release=release_place(found.release), old=fix.metric_fields(found.metric), new=dict(new or {}),
        by=by, at=at or datetime.now(UTC),
    )


def added_correction(
    release: Release, quote: str, new: Mapping[str, Any], *, by: str, at: datetime | None = None
) -> fix.Correction:
    """An `add` of a figure the extractor missed; its sentence must be in the release."""
    if not quote.strip() or fix.normalize_quote(quote) not in fix.normalize_quote(release.body):
        raise BriefError(f"--quote: that sentence is not in release {release.id} ({release.title!r})")
    draft = fix.Correction("add", "", release.id, quote.strip(), release_place(release), {}, dict(new), by,
                           at or datetime.now(UTC))
    if not new.get("subject") or not new.get("period") or ("value" not in new and not new.get("change")):
        raise BriefError("--add needs subject=..., period=... and value=... or change=...")
    key = fix.figure_key(fix.added_metric(draft, (0, 0)))
    return fix.Correction(**{**draft.__dict__, "key": key})


def release_place(release: Release) -> str:
    return release.url or release.location or release.title
