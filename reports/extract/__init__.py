"""Extraction: figures (`Metric`) and engagements (`Meeting`) from a release's text."""

from __future__ import annotations

from dataclasses import dataclass

from reports.extract.meetings import extract_meetings
from reports.extract.metrics import extract_metrics
from reports.records import Meeting, Metric, Release

__all__ = ["Extraction", "extract", "extract_meetings", "extract_metrics"]


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one release."""

    metrics: list[Metric]
    meetings: list[Meeting]


def extract(release: Release) -> Extraction:
    """Run every extractor on one release."""
    return Extraction(extract_metrics(release), extract_meetings(release))
