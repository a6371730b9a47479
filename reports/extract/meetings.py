"""Engagements of officials reported in a release (being built: see the meeting log issue)."""

from __future__ import annotations

from reports.records import Meeting, Release


def extract_meetings(release: Release) -> list[Meeting]:
    """Every meeting, visit, call or signing the release reports."""
    return []
