"""corrections.toml: figures an analyst dropped, corrected, confirmed or added, applied after extraction.

The file is written by `brief review` and may be edited by hand. One table per correction:

    [[correction]]
    action = "set"                       # drop | set | confirm | add
    key = "3f9a1c2e"                     # the figure's key as `brief review` lists it
    release_id = "0123456789abcdef"
    release = "https://www.example.org/press/123"
    quote = "Exports rose 3.1 percent to USD 58.0 billion in December."
    old = { subject = "exports", value = 58000000000.0, unit = "USD", period = "2025-12" }
    new = { period = "2026-01" }
    by = "kim"
    at = 2026-01-20T09:12:00Z

Values in `old` and `new` are as a reader writes them: `value` in base units (a number, or text such
as "58 billion"), `change` as "+3.1%yoy", "-0.4pp", "+2%" ("" for none), `period` as in DESIGN.md.
An empty string clears a field. Corrections of one key apply in file order; the last word wins.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from reports.errors import BriefError
from reports.periods import valid_figure_period
from reports.records import Change, Metric, Release

if TYPE_CHECKING:
    from reports.store import Stated, Store

Action = Literal["drop", "set", "confirm", "add"]
ACTIONS: tuple[str, ...] = ("drop", "set", "confirm", "add")
FIELDS: tuple[str, ...] = ("subject", "value", "unit", "period", "change", "metric_id", "qualifier", "record")
KEYS: tuple[str, ...] = ("action", "key", "release_id", "release", "quote", "old", "new", "by", "at", "note")
TABLE = "correction"

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6,
           "bn": 1e9, "b": 1e9, "tn": 1e12}
_CHANGE = re.compile(
    r"^\s*(?P<value>[+\-−]?\d+(?:\.\d+)?)\s*(?P<unit>%|pp|percent|points?)?\s*"
    r"(?P<basis>yoy|mom|qoq|cumulative)?\s*$",
    re.IGNORECASE,
)
_HEADER = re.compile(r"^\s*\[\[\s*correction\s*\]\]\s*(#.*)?$")
_TOML_LINE = re.compile(r"at line (\d+)")


# Keys -----------------------------------------------------------------------------------------------


def normalize_quote(text: str) -> str:
    """A sentence as compared across extractions: NFKC, one space between words, no outer space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def figure_key(metric: Metric) -> str:
    """A short key for a figure that survives re-extraction while its sentence and its text are unchanged.

    It hashes the release, the sentence and what the figure itself says (its subject's words, its
    value and unit; a change's own digits when it has no level), never positions or the extractor's
    version, so a new extractor reading the same figure gives the same key.
    figure_key(Metric("0123...", "ICT exports", 2.2e10, "USD", "2025-12", "...", (0, 80))) -> "5b2c91de"
    """
    if metric.review_key:
        return metric.review_key
    words = " ".join(re.findall(r"\w+", metric.subject.casefold()))
    quote = normalize_quote(metric.quote)
    parts = [metric.release_id, quote, words, _digits(metric.value), metric.unit or ""]
    if metric.value is None and metric.change is not None:
        parts += [_digits(metric.change.value), metric.change.unit]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def _digits(value: float | None) -> str:
    return "" if value is None else format(value, ".10g")


def keyed(metrics: Iterable[Metric]) -> list[tuple[str, Metric]]:
    """Each metric with its key; a key two figures would share gets '-2', '-3' on the later ones."""
    seen: dict[str, int] = {}
    result = []
    for metric in metrics:
        key = figure_key(metric)
        seen[key] = seen.get(key, 0) + 1
        result.append((key if seen[key] == 1 else f"{key}-{seen[key]}", metric))
    return result


# The file -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Correction:
    """One table of corrections.toml."""

    action: Action
    key: str
    release_id: str
    quote: str
    release: str = ""  # the release's URL, else where it came from ("motir-2026-01.txt:12")
    old: Mapping[str, Any] = field(default_factory=dict)
    new: Mapping[str, Any] = field(default_factory=dict)
    by: str = ""
    at: datetime | None = None
    line: int = 0  # the line of its [[correction]] header


@dataclass(frozen=True)
class Corrections:
    """The corrections file as read: where it is, its entries, and its sha256 ('' when there is no file)."""

    path: Path
    entries: tuple[Correction, ...] = ()
    sha256: str = ""


def load_corrections(path: Path) -> Corrections:
    """Read and check corrections.toml (none: no corrections); bad content is a BriefError naming its line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Corrections(path)
    except OSError as exc:
        raise BriefError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise BriefError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = found[1] if found else "1"
        reason = _TOML_LINE.sub("", str(exc)).replace("(, column", "(column").strip()
        raise BriefError(f"{path}:{line}: not valid TOML: {reason}") from None
    lines = text.splitlines()
    for name in data:
        if name != TABLE:
            raise BriefError(f"{path}:{_line_of(lines, name, 0, len(lines))}: unknown key {name!r} "
                             f"(each correction is a [[{TABLE}]] table)")
    tables = data.get(TABLE, [])
    if not isinstance(tables, list):
        line = _line_of(lines, TABLE, 0, len(lines))
        raise BriefError(f"{path}:{line}: {TABLE} must be [[{TABLE}]] tables")
    headers = [n for n, line in enumerate(lines) if _HEADER.match(line)] + [len(lines)]
    entries = []
    for n, table in enumerate(tables):
        start, end = (headers[n], headers[n + 1]) if n + 1 < len(headers) else (0, len(lines))
        entries.append(_correction(table, path, lines, start, end))
    return Corrections(path, tuple(entries), hashlib.sha256(raw).hexdigest())


def _correction(table: dict[str, Any], path: Path, lines: list[str], start: int, end: int) -> Correction:
    def fail(key: str, reason: str) -> BriefError:
        return BriefError(f"{path}:{_line_of(lines, key, start, end)}: {reason}")

    for key in table:
        if key not in KEYS:
            raise fail(key, f"unknown key {key!r} (use {', '.join(KEYS)})")
    action = table.get("action")
    if action not in ACTIONS:
        raise fail("action", f"action {action!r} is not one of {', '.join(ACTIONS)}")
    for key in ("release_id", "quote"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise fail(key, f"{key}: missing (a correction names its release and its sentence)")
    fields_of = {}
    for part in ("old", "new"):
        values = table.get(part, {})
        if not isinstance(values, dict):
            raise fail(part, f"{part}: expected a table of fields ({', '.join(FIELDS)})")
        for name, value in values.items():
            if name not in FIELDS:
                raise fail(name, f"{part}.{name}: unknown field (use {', '.join(FIELDS)})")
            try:
                check_field(name, value)
            except BriefError as exc:
                raise fail(name, f"{part}.{exc}") from None
        fields_of[part] = values
    new = fields_of["new"]
    if action == "set" and not new:
        raise fail("new", "a set correction needs new fields")
    if action == "add":
        missing = [name for name in ("subject", "period") if not new.get(name)]
        if missing or ("value" not in new and not new.get("change")):
            raise fail("new", "an added figure needs new.subject, new.period and new.value or new.change")
    key = table.get("key")
    if action != "add" and not (isinstance(key, str) and key.strip()):
        raise fail("key", "key: missing (the figure's key as brief review lists it)")
    at = table.get("at")
    if at is not None and not isinstance(at, datetime | date):
        raise fail("at", f"at: {at!r} is not a date and time")
    correction = Correction(
        action=action, key=str(key or "").strip(), release_id=table["release_id"].strip(),
        quote=table["quote"], release=str(table.get("release", "")), old=fields_of["old"], new=new,
        by=str(table.get("by", "")), at=at if isinstance(at, datetime) else None, line=start + 1,
    )
    if action == "add" and not correction.key:
        correction = replace(correction, key=figure_key(added_metric(correction, (0, 0))))
    return correction


def _line_of(lines: list[str], key: str, start: int, end: int) -> int:
    """The 1-based line in lines[start:end] where `key` is set (or its table opens); else the first."""
    pattern = re.compile(rf"(^|[{{,\s])\"?{re.escape(key)}\"?\s*=|^\s*\[+\s*{re.escape(key)}\b")
    for n in range(start, min(end, len(lines))):
        if pattern.search(lines[n].split("#", 1)[0] if '"' not in lines[n] else lines[n]):
            return n + 1
    return start + 1


# Field values -----------------------------------------------------------------------------------------


def check_field(name: str, value: Any) -> Any:
    """A field's value as the file or `--set` gives it, parsed; a bad one is a BriefError naming it.

    check_field("value", "58 billion") -> 58000000000.0; check_field("change", "+3.1%yoy") -> Change(...)
    """
    if value == "" and name != "subject":
        return None
    if name == "value":
        return parse_value(value)
    if name == "change":
        return parse_change(value)
    if name == "record":
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("yes", "true", "no", "false"):
            return str(value).lower() in ("yes", "true")
        raise BriefError(f"record: {value!r} is not yes or no")
    if not isinstance(value, str):
        raise BriefError(f"{name}: {value!r} is not text")
    if name == "subject" and not value.strip():
        raise BriefError("subject: empty")
    if name == "period" and not valid_figure_period(value):
        raise BriefError(f"period: {value!r} is not a period (2025, 2025-Q4, 2025-12, 2025-01/2025-11, ...)")
    return value.strip()


def parse_value(value: Any) -> float:
    """58e9, 58000000000, '58 billion', '1.2 trillion' -> a float in base units."""
    if isinstance(value, bool):
        raise BriefError(f"value: {value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    match = re.fullmatch(r"\s*([+-]?[\d,]*\.?\d+(?:e[+-]?\d+)?)\s*([a-z]*)\s*", str(value), re.IGNORECASE)
    scale = _SCALES.get(match[2].lower()) if match and match[2] else 1.0
    if not match or scale is None:
        raise BriefError(f"value: {value!r} is not a number (58e9, 58000000000 or '58 billion')")
    from decimal import Decimal  # 265.1 billion is 265100000000.0, not 265100000000.00003

    return float(Decimal(match[1].replace(",", "")) * Decimal(repr(scale)))


def parse_change(value: Any) -> Change:
    """'+3.1%yoy' -> Change(3.1, 'percent', 'up', 'yoy'); '-0.4pp' -> percentage points, down."""
    match = _CHANGE.match(str(value))
    if not match:
        raise BriefError(f"change: {value!r} is not a change (+3.1%yoy, -0.4pp mom, +2%)")
    number = float(match["value"].replace("−", "-"))
    unit = "percentage points" if (match["unit"] or "%").lower().startswith(("pp", "point")) else "percent"
    direction = "up" if number > 0 else "down" if number < 0 else "flat"
    basis = match["basis"].lower() if match["basis"] else None
    return Change(abs(number), unit, direction, basis)


def change_text(change: Change | None) -> str:
    """The inverse of parse_change: Change(3.1, 'percent', 'up', 'yoy') -> '+3.1%yoy'."""
    if change is None or change.value is None:
        return ""
    sign = "-" if change.direction == "down" else "+"
    unit = "pp" if change.unit == "percentage points" else "%"
    return f"{sign}{change.value:g}{unit}{change.basis or ''}"


def metric_fields(metric: Metric) -> dict[str, Any]:
    """The fields a correction records of a figure, as TOML values (None fields left out)."""
    values: dict[str, Any] = {
        "subject": metric.subject, "value": metric.value, "unit": metric.unit, "period": metric.period,
        "change": change_text(metric.change) or None, "metric_id": metric.metric_id,
        "qualifier": metric.qualifier, "record": metric.record or None,
    }
    return {name: value for name, value in values.items() if value is not None}


def _changes(new: Mapping[str, Any]) -> dict[str, Any]:
    return {name: check_field(name, value) for name, value in new.items()}


def added_metric(correction: Correction, span: tuple[int, int]) -> Metric:
    """The figure an `add` correction states."""
    values = _changes(correction.new)
    return Metric(
        release_id=correction.release_id, subject=values["subject"], value=values.get("value"),
        unit=values.get("unit"), period=values.get("period"), quote=correction.quote, span=span,
        metric_id=values.get("metric_id"), change=values.get("change"), record=bool(values.get("record")),
        qualifier=values.get("qualifier"), checked="added",
    )


# Applying them -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stale:
    """A correction that could not be applied, and why."""

    correction: Correction
    reason: str


@dataclass(frozen=True)
class Applied:
    """The period's figures after corrections, and which corrections were applied or are stale."""

    metrics: list[Metric]
    applied: tuple[Correction, ...] = ()
    stale: tuple[Stale, ...] = ()
    path: Path | None = None
    sha256: str = ""

    @property
    def keys(self) -> list[str]:
        return sorted({c.key for c in self.applied})

    def manifest(self) -> dict[str, Any]:
        """What the archive's manifest records of the corrections."""
        return {
            "file": self.path.name if self.path else None,
            "sha256": self.sha256 or None,
            "applied": [{"key": c.key, "action": c.action, "line": c.line} for c in self.applied],
            "stale": [{"key": s.correction.key, "line": s.correction.line, "reason": s.reason}
                      for s in self.stale],
        }


def apply_corrections(
    metrics: Sequence[Metric], corrections: Corrections | None, releases: Mapping[str, Release]
) -> Applied:
    """The figures with every correction of these releases applied (dropped ones left out).

    A corrected or confirmed figure is high confidence and marked `checked`. A correction whose
    sentence is no longer in its release, or whose figure is no longer read from it, is stale and
    not applied. Corrections of releases not in `releases` are not this period's and are ignored.
    """
    if corrections is None or not corrections.entries:
        figures = [replace(metric, review_key=key) for key, metric in keyed(metrics)]
        return Applied(figures, path=corrections.path if corrections else None)
    relevant = [c for c in corrections.entries if c.release_id in releases]
    stale: list[Stale] = []
    live = []
    for correction in relevant:
        body = normalize_quote(releases[correction.release_id].body)
        if normalize_quote(correction.quote) not in body:
            stale.append(Stale(correction, "its sentence is no longer in the release"))
        else:
            live.append(correction)
    by_key: dict[str, list[Correction]] = {}
    for correction in live:
        by_key.setdefault(correction.key, []).append(correction)
    result, applied, matched = _apply_to_figures(keyed(metrics), by_key)
    for key, group in by_key.items():
        if key in matched:
            continue
        adds = [c for c in group if c.action == "add"]
        if adds:
            release = releases[adds[-1].release_id]
            added = replace(added_metric(adds[0], _span(release, adds[0].quote)), review_key=key)
            metric = _fold(added, group[group.index(adds[0]) + 1:])
            if metric is not None:
                _insert_after_its_release(result, metric, list(releases))
            applied.extend(group)
        else:
            stale.extend(Stale(c, "its figure is no longer read from that sentence") for c in group)
    return Applied(result, tuple(applied), tuple(stale), corrections.path, corrections.sha256)


def correct_history(
    by_metric: Mapping[str, list[Stated]], corrections: Corrections | None, store: Store
) -> dict[str, list[Stated]]:
    """Earlier periods' figures (for comparisons, charts and checks) corrected as the period's are:
    a dropped figure is not compared with, a corrected one is. Only the releases a correction
    names are read from the store."""
    from reports.store import Stated

    if corrections is None or not corrections.entries:
        return dict(by_metric)
    named = {c.release_id for c in corrections.entries}
    touched = {row.metric.release_id for rows in by_metric.values() for row in rows} & named
    if not touched:
        return dict(by_metric)
    releases = store.releases_by_id(touched)
    result = {}
    for metric_id, rows in by_metric.items():
        published = {row.metric.release_id: row.published for row in rows}
        published.update({r.id: r.published for r in releases.values()})
        applied = apply_corrections([row.metric for row in rows], corrections, releases)
        result[metric_id] = [Stated(m, published[m.release_id]) for m in applied.metrics
                             if m.metric_id == metric_id and m.release_id in published]
    return result


def _insert_after_its_release(metrics: list[Metric], added: Metric, order: list[str]) -> None:
    """An added figure goes after its release's other figures (else before the next release's)."""
    same = [n for n, m in enumerate(metrics) if m.release_id == added.release_id]
    if same:
        metrics.insert(same[-1] + 1, added)
        return
    rank = {release_id: n for n, release_id in enumerate(order)}
    mine = rank.get(added.release_id, len(rank))
    later = [n for n, m in enumerate(metrics) if rank.get(m.release_id, -1) > mine]
    metrics.insert(later[0] if later else len(metrics), added)


def _apply_to_figures(
    figures: list[tuple[str, Metric]], by_key: dict[str, list[Correction]]
) -> tuple[list[Metric], list[Correction], set[str]]:
    result, applied = [], []
    matched = {key for key, _ in figures}  # a key still read is no other figure's by the fallback
    for key, metric in figures:
        group = by_key.get(key) or _by_figure(metric, by_key, matched)
        if not group:
            result.append(replace(metric, review_key=key))
            continue
        matched.add(group[0].key)
        applied.extend(group)
        folded = _fold(replace(metric, review_key=group[0].key), group)
        if folded is not None:
            result.append(folded)
    return result, applied, matched


def _by_figure(metric: Metric, by_key: dict[str, list[Correction]], matched: set[str]) -> list[Correction]:
    """A correction whose key the figure no longer has (its subject read anew) but whose sentence,
    value and unit it still has: the same figure."""
    quote = normalize_quote(metric.quote)
    for key, group in by_key.items():
        first = group[0]
        if key in matched or first.release_id != metric.release_id or first.action == "add":
            continue
        old = first.old
        if not old or not (normalize_quote(first.quote) in quote or quote in normalize_quote(first.quote)):
            continue
        same_value = (check_field("value", old["value"]) if "value" in old else None) == metric.value
        if same_value and old.get("unit") == metric.unit and (metric.value is not None or (
                change_text(metric.change) == old.get("change", ""))):
            return group
    return []


def _fold(metric: Metric, group: list[Correction]) -> Metric | None:
    """Apply one figure's corrections in file order; None when the last word is a drop."""
    dropped = False
    state: Metric = metric
    for correction in group:
        if correction.action == "drop":
            dropped = True
            continue
        dropped = False
        values = _changes(correction.new) if correction.action in ("set", "add") else {}
        if "record" in values:
            values["record"] = bool(values["record"])
        if "subject" in values and not values["subject"]:
            values.pop("subject")
        if correction.action == "set":
            checked = "added" if state.checked == "added" else "corrected"
        else:  # confirm (or the add itself): a corrected figure stays corrected
            checked = state.checked or "confirmed"
        state = replace(state, **values, confidence="high", doubts=(), checked=checked)
    return None if dropped else state


def _span(release: Release, quote: str) -> tuple[int, int]:
    """Where the sentence is in the body (its first words, when spacing differs)."""
    at = release.body.find(quote)
    if at < 0:
        at = max(release.body.find(quote.split()[0]) if quote.split() else 0, 0)
    return (at, at + len(quote))


# Writing ------------------------------------------------------------------------------------------


HEADER_COMMENT = (
    "# Corrections to extracted figures, applied by brief generate and brief run.\n"
    "# Written by `brief review`; may be edited by hand. One [[correction]] table each.\n"
)


def who(by: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """Who made a correction: --by, else BRIEF_REVIEWER, else the login name."""
    import getpass

    for value in (by, environ.get("BRIEF_REVIEWER")):
        if value and value.strip():
            return value.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name and no passwd entry (some containers)
        return "unknown"


def append_correction(path: Path, correction: Correction) -> None:
    """Add one [[correction]] table to the end of the file (made if missing), replacing it atomically."""
    load_corrections(path)  # never append to a file that is already broken
    before = path.read_text(encoding="utf-8") if path.is_file() else HEADER_COMMENT
    table = format_correction(correction)
    text = before.rstrip("\n") + "\n\n" + table if before.strip() else table
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)


def format_correction(c: Correction) -> str:
    """One correction as a TOML table."""
    at = (c.at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    rows: list[tuple[str, Any]] = [("action", c.action), ("key", c.key), ("release_id", c.release_id)]
    if c.release:
        rows.append(("release", c.release))
    rows.append(("quote", c.quote))
    if c.old:
        rows.append(("old", dict(c.old)))
    if c.new or c.action in ("set", "add"):
        rows.append(("new", dict(c.new)))
    rows += [("by", c.by), ("at", at)]
    return f"[[{TABLE}]]\n" + "".join(f"{key} = {toml_value(value)}\n" for key, value in rows)


def toml_value(value: Any) -> str:
    """A TOML literal: strings escaped, floats in full, tables inline, times in UTC."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }" if value else "{}"
    return _toml_string(str(value))


def _toml_string(text: str) -> str:
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
