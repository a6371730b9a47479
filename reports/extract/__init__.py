"""Extraction: figures (`Metric`) and engagements (`Meeting`) from a release's text."""

from __future__ import annotations

from dataclasses import dataclass

from reports.extract.meetings import extract_meetings
from reports.extract.metrics import extract_metrics
from reports.records import Meeting, Metric, Release

__all__ = ["VERSION", "Extraction", "extract", "extract_meetings", "extract_metrics"]


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one release."""

    metrics: list[Metric]
    meetings: list[Meeting]


def extract(release: Release) -> Extraction:
    """Run every extractor on one release."""
    return Extraction(extract_metrics(release), extract_meetings(release))


def _extractor_version() -> str:
    """A fingerprint of the extraction code and data: when it changes, stored figures are redone."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256()
    folder = Path(__file__).parent
    # the metrics package's modules and word lists too: a rule edited there redoes stored figures
    for path in sorted([*folder.rglob("*.py"), *folder.rglob("*.toml")]):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


VERSION = _extractor_version()
