"""The archive's CSV tables: every metric and every meeting of the briefing, with their sources."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the readers below load without the briefing (the mail job reads archived CSVs)
    from reports.briefing import Briefing

METRIC_FIELDS = (
    "source", "release_id", "metric_id", "subject", "value", "unit", "period", "change_value",
    "change_unit", "change_direction", "change_basis", "record", "qualifier", "confidence", "doubts", "quote",
    "checked",
)
MEETING_FIELDS = (
    "source", "release_id", "date", "official", "counterpart", "counterpart_role", "organization",
    "location", "topic", "kind", "attendees", "trip", "quote",
)


def metrics_csv(briefing: Briefing) -> bytes:
    """metrics.csv: one row per figure, citing [n] and its release id."""
    rows = []
    for figure in briefing.figures:
        m, change = figure.metric, figure.metric.change
        rows.append({
            "source": figure.cite.ref, "release_id": m.release_id, "metric_id": m.metric_id or "",
            "subject": m.subject, "value": "" if m.value is None else repr(m.value), "unit": m.unit or "",
            "period": m.period or "",
            "change_value": "" if change is None or change.value is None else repr(change.value),
            "change_unit": change.unit if change else "",
            "change_direction": (change.direction or "") if change else "",
            "change_basis": (change.basis or "") if change else "", "record": "yes" if m.record else "",
            "qualifier": m.qualifier or "", "confidence": m.confidence, "doubts": "; ".join(m.doubts),
            "quote": m.quote, "checked": m.checked or "",
        })
    return _csv(METRIC_FIELDS, rows)


def meetings_csv(briefing: Briefing) -> bytes:
    """meetings.csv: one row per engagement, chronological within trips."""
    rows = []
    for trip in briefing.trips:
        for row in trip.rows:
            m = row.meeting
            rows.append({
                "source": row.cite.ref,
                "release_id": m.release_id,
                "date": m.date.isoformat() if m.date else "",
                "official": m.official or "", "counterpart": m.counterpart or "",
                "counterpart_role": m.counterpart_role or "", "organization": m.organization or "",
                "location": m.location or "", "topic": m.topic or "", "kind": m.kind,
                "attendees": "; ".join(m.attendees), "trip": trip.label, "quote": m.quote,
            })
    return _csv(MEETING_FIELDS, rows)


# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): it starts with one of these.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """A cell safe to open in a spreadsheet: "=HYPERLINK(...)" -> "'=HYPERLINK(...)"; numbers as they are."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value  # "-5.2" is a number, not a formula


def unneutralize(value: str) -> str:
    """The cell as it was before `neutralize`: "'=x" -> "=x"."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_STARTS) and neutralize(value[1:]) == value:
        return value[1:]
    return value


def read_rows(path: Path) -> list[dict[str, str]] | None:
    """An archived CSV's rows, each cell as it was before `neutralize`; None when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    rows = csv.DictReader(io.StringIO(text))
    return [{k: unneutralize(v or "") for k, v in row.items() if k} for row in rows]


def _csv(fields: tuple[str, ...], rows: list[dict[str, object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: neutralize(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue().encode("utf-8")
