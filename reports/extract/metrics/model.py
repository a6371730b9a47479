"""What the rules share: a release's running state (`_Context`) and a number read as a figure (`_Figure`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reports.extract.numbers import Quantity
from reports.records import Change, Metric


@dataclass
class _Context:
    """What a release has established so far: running period, topic, last subject, last basis."""

    published: date
    title_period: str | None
    topic: str | None = None
    lead: str | None = None  # the subject of the release's first level
    count_unit: str | None = None  # the unit of the last count the release stated
    title: str = ""
    period: str | None = None
    basis: str | None = None
    subject: str | None = None
    dimension: tuple[str, str] | None = None  # (dimension, head) carried into the next sentence
    dollar: str | None = None  # the release's own dollar when it writes "C$" and never "US$": CAD
    balance_owner: str | None = None  # whose surplus/deficit the release last named: "current account"
    # abbreviations the release defines for a scaled unit: "928.3 million tonnes (MT)" -> MT = 1e6 tons
    units_named: dict[str, tuple[float, str]] = field(default_factory=dict)
    # what the release abbreviates: "foreign direct investment (FDI)" -> names say "FDI"
    acronyms: tuple[tuple[re.Pattern[str], str], ...] = ()
    metrics: list[Metric] = field(default_factory=list)
    opening: str = ""  # the title and the body's first lines: what economy the release is about
    # its fiscal year (periods._fiscal_year) once it is asked for: () when the release names no economy's
    fiscal: tuple[int, bool] | tuple[()] | None = None


@dataclass
class _Figure:
    quantity: Quantity
    role: str  # level | change | share
    cue_start: int  # where the phrase stating it begins ("up" of "up 12.4 percent")
    change: Change | None = None
    attached: bool = False
    subject: str | None = None
    dimension: str | None = None
    member: str | None = None
    period: str | None = None
    record: bool = False
    previous_record: bool = False
    range_of: _Figure | None = None  # the lower end of the range this figure is the upper end of
    named_by: _Figure | None = (
        None  # the change before a level that names it: "ASEAN 14.0 percent to $10.4 billion"
    )
    unit_inferred: bool = False  # a bare number given the unit of an earlier sentence's count
    stated_subject: str | None = None  # the phrase that names it: "the goods deficit" of "an increase in ..."
    period_source: str = "stated"  # stated | carried | derived | release date (confidence.Evidence)
    notes: set[str] = field(default_factory=set)  # how its parts were found (confidence.Evidence.notes)
    contributes_to: str | None = None  # the move points are a part of: "the drop in manufacturing"
