"""The Briefing model: what a period's briefing says, ready for the templates.

Templates only lay out a Briefing; every choice (order, grouping, numbering)
is made here.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from reports.periods import Period
from reports.records import Release
from reports.store import Store


@dataclass(frozen=True)
class Reference:
    """A numbered source: every claim in the briefing cites one as [n]."""

    number: int
    release: Release
    source: str  # how the source is named: "Ministry of Trade, Industry and Resources (MOTIR)"

    @property
    def anchor(self) -> str:
        return f"ref-{self.number}"


@dataclass(frozen=True)
class Section:
    """Releases of one category, in date order."""

    title: str
    anchor: str
    entries: tuple[Reference, ...]


@dataclass(frozen=True)
class Briefing:
    title: str
    period: Period
    generated_at: datetime
    locale: str
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]

    @property
    def release_count(self) -> int:
        return len(self.references)

    @property
    def source_count(self) -> int:
        return len({reference.source for reference in self.references})

    @property
    def is_empty(self) -> bool:
        return not self.references


def build_briefing(
    store: Store,
    period: Period,
    *,
    title: str,
    generated_at: datetime,
    locale: str = "en",
    source_labels: dict[str, str] | None = None,
) -> Briefing:
    """Everything the period's releases say, numbered for citation."""
    labels = source_labels or {}
    releases = store.releases_between(period.start, period.end)
    references = tuple(
        Reference(number, release, labels.get(release.source, release.source))
        for number, release in enumerate(releases, start=1)
    )
    return Briefing(
        title=title,
        period=period,
        generated_at=generated_at,
        locale=locale,
        sections=_sections_by_category(references),
        references=references,
    )


def _sections_by_category(references: tuple[Reference, ...]) -> tuple[Section, ...]:
    groups: OrderedDict[str, list[Reference]] = OrderedDict()
    for reference in sorted(references, key=lambda r: (r.release.category or "Other", r.number)):
        groups.setdefault(reference.release.category or "Other", []).append(reference)
    return tuple(
        Section(title=category, anchor=_anchor(category), entries=tuple(entries))
        for category, entries in groups.items()
    )


def _anchor(text: str) -> str:
    """'Trade/Investment' -> 'trade-investment'."""
    return "sec-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other")
