"""`brief extract` output: what extraction finds in dump files, as JSON, CSV or a table."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reports.collect.dump import DumpResult, Rejection, parse_dump_file
from reports.extract import Extraction, extract
from reports.records import Metric, Release


@dataclass(frozen=True)
class ExtractedFiles:
    """Each release read, with its 0-based position among the input's entries."""

    items: list[tuple[int, Release, Extraction]]
    rejected: list[Rejection]

    @property
    def releases(self) -> list[Release]:
        return [release for _, release, _ in self.items]

    @property
    def entries(self) -> int:
        return len(self.items) + len(self.rejected)


def extract_files(paths: Iterable[Path]) -> ExtractedFiles:
    """Parse dump files in order and extract every release."""
    dump = DumpResult()
    for path in paths:
        dump.extend(parse_dump_file(path))
    items = [
        (position, release, extract(release))
        for position, release in zip(dump.positions, dump.releases, strict=True)
    ]
    return ExtractedFiles(items, dump.rejected)


def as_json(result: ExtractedFiles) -> str:
    """The JSON contract of DESIGN.md: {"releases": [{"index", "id", ..., "metrics", "meetings"}]}."""
    releases = [
        {
            "index": position,
            "id": release.id,
            "title": release.title,
            "date": release.published.isoformat(),
            "metrics": [metric.to_json() for metric in found.metrics],
            "meetings": [meeting.to_json() for meeting in found.meetings],
        }
        for position, release, found in result.items
    ]
    return json.dumps({"releases": releases}, ensure_ascii=False, indent=2) + "\n"


METRIC_COLUMNS = (
    "index",
    "release_id",
    "subject",
    "metric_id",
    "value",
    "unit",
    "period",
    "change_value",
    "change_unit",
    "change_direction",
    "change_basis",
    "record",
    "confidence",
    "doubts",
    "quote",
)


def as_csv(result: ExtractedFiles) -> str:
    """One row per metric, with the release's position and id."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(METRIC_COLUMNS)
    for position, release, found in result.items:
        for metric in found.metrics:
            change = metric.change
            writer.writerow(
                [
                    position,
                    release.id,
                    metric.subject,
                    metric.metric_id or "",
                    "" if metric.value is None else repr(metric.value),
                    metric.unit or "",
                    metric.period or "",
                    "" if change is None or change.value is None else change.value,
                    change.unit if change else "",
                    (change.direction or "") if change else "",
                    (change.basis or "") if change else "",
                    "yes" if metric.record else "",
                    metric.confidence,
                    "; ".join(metric.doubts),
                    metric.quote,
                ]
            )
    return buffer.getvalue()


def as_table(result: ExtractedFiles) -> str:
    """A readable table per release for a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console(record=True, width=160, file=io.StringIO())
    for position, release, found in result.items:
        console.print(f"[{position}] {release.title} ({release.published})", markup=False, style="bold")
        table = Table()
        for column in ("subject", "value", "unit", "period", "change", "record", "metric id", "confidence"):
            table.add_column(column)
        for metric in found.metrics:
            table.add_row(
                metric.subject,
                "" if metric.value is None else f"{metric.value:,.6g}",
                metric.unit or "",
                metric.period or "",
                _change_text(metric),
                "record" if metric.record else "",
                metric.metric_id or "",
                metric.confidence if not metric.doubts else f"low: {'; '.join(metric.doubts)}",
            )
        console.print(table)
        for meeting in found.meetings:
            console.print(
                f"  {'planned' if meeting.planned else 'meeting'} {meeting.date or '?'}: "
                f"{meeting.official or '?'} — {meeting.counterpart or '?'}"
                f" ({meeting.counterpart_role or ''}) at {meeting.location or '?'}",
                markup=False,
            )
    return console.export_text()


def _change_text(metric: Metric) -> str:
    change = metric.change
    if change is None:
        return ""
    value = "" if change.value is None else f"{change.value:g}"
    return " ".join(part for part in (change.direction, value, change.basis) if part)


formats: dict[str, Callable[[ExtractedFiles], str]] = {"json": as_json, "csv": as_csv, "table": as_table}
