"""Typed records passed between pipeline stages (see DESIGN.md, "Records")."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any, Literal

Confidence = Literal["high", "low"]

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def release_id(url: str | None, title: str, published: date) -> str:
    """Stable release id: a hash of the source URL, else of title + date.

    release_id(None, "ICT Exports Post Record", date(2026, 1, 15)) -> 16 hex digits
    """
    key = url if url else f"{' '.join(title.split())}\n{published.isoformat()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def guess_language(text: str) -> str:
    """'ko' when Hangul makes up a visible part of the text, else 'en'."""
    letters = sum(ch.isalpha() for ch in text[:4000]) or 1
    return "ko" if len(_HANGUL.findall(text[:4000])) / letters > 0.2 else "en"


@dataclass(frozen=True)
class Release:
    """One press release as collected from a source."""

    id: str
    source: str
    title: str
    body: str
    published: date
    category: str = ""
    url: str | None = None
    fetched_at: datetime | None = None
    language: str = "en"
    # Where a release without a URL came from, for citations: "motir-2026-01.txt:12".
    location: str | None = None

    @property
    def body_sha256(self) -> str:
        """Hash of what extraction reads: a change here means re-extraction."""
        text = f"{self.title}\n{self.category}\n{self.body}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Change:
    """A change stated for a metric: "+12.4 percent year-on-year"."""

    value: float | None
    unit: str = "percent"  # percent | percentage points | the metric's own unit
    direction: str | None = None  # up | down | flat
    basis: str | None = None  # yoy | mom | qoq | None (the text states no comparison for this change)


def change_unit(unit: str | None) -> str:
    """A change's unit as records spell it: "percentage_points", how stores and CSVs written before
    the labeling conventions' spelling ("percentage points") held it, reads as that spelling."""
    return "percentage points" if unit == "percentage_points" else unit or "percent"


@dataclass(frozen=True)
class Metric:
    """One figure stated in a release, with the sentence it came from."""

    release_id: str
    subject: str
    value: float | None
    unit: str | None
    period: str | None
    quote: str
    span: tuple[int, int]
    metric_id: str | None = None
    change: Change | None = None
    record: bool = False
    qualifier: str | None = None  # about | over | nearly | more than | ...
    dimension: str | None = None  # a breakdown's dimension: destination | product | model | region ...
    member: str | None = None  # the item of that breakdown: "Taiwan", "semiconductors", "Trax"
    # "high" when every part of the figure was read from the text by a rule the extractor trusts;
    # else "low", with the reasons in `doubts` ("subject guessed", "period from the release date" ...).
    confidence: Confidence = "high"
    doubts: tuple[str, ...] = ()
    # Set when corrections.toml is applied, never by extraction: "corrected" | "confirmed" | "added",
    # and the key `brief review` lists the figure under (kept through a correction of its fields).
    checked: str | None = None
    review_key: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The metric as in `brief extract --format json` (DESIGN.md)."""
        data = asdict(self)
        data.pop("release_id")
        for name in ("checked", "review_key"):
            if data[name] is None:
                data.pop(name)
        data["span"] = list(self.span)
        data["doubts"] = list(self.doubts)
        return data

    @classmethod
    def from_json(cls, release_id: str, data: dict[str, Any]) -> Metric:
        """The inverse of `to_json` (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        change = values.get("change")
        values["change"] = Change(**{**change, "unit": change_unit(change.get("unit"))}) if change else None
        values["span"] = tuple(values["span"])
        values["doubts"] = tuple(values.get("doubts") or ())
        return cls(release_id=release_id, **values)


@dataclass(frozen=True)
class Meeting:
    """One engagement of an official: who met whom, when, where, about what."""

    release_id: str
    official: str | None
    counterpart: str | None
    quote: str
    span: tuple[int, int]
    date: date | None = None
    counterpart_role: str | None = None
    organization: str | None = None
    location: str | None = None
    topic: str | None = None
    # meeting | visit | call | video_call | talks | forum | signing | roundtable | courtesy_call
    kind: str = "meeting"
    attendees: tuple[str, ...] = field(default_factory=tuple)
    planned: bool = False  # announced for the future ("will meet", "is scheduled to"), not yet held

    def to_json(self) -> dict[str, Any]:
        """The meeting as in `brief extract --format json` (DESIGN.md)."""
        data = asdict(self)
        data.pop("release_id")
        data["date"] = self.date.isoformat() if self.date else None
        data["span"] = list(self.span)
        data["attendees"] = list(self.attendees)
        return data

    @classmethod
    def from_json(cls, release_id: str, data: dict[str, Any]) -> Meeting:
        """The inverse of `to_json` (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["date"] = date.fromisoformat(values["date"]) if values.get("date") else None
        values["span"] = tuple(values["span"])
        values["attendees"] = tuple(values.get("attendees") or ())
        values["planned"] = bool(values.get("planned", False))
        return cls(release_id=release_id, **values)
