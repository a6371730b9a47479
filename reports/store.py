"""The store: releases, their extracted metrics and meetings, and run history.

SQLite through the standard library by default; PostgreSQL (postgresql://...) through
psycopg, with the same schema and SQL (reports/postgres.py translates what differs).
Metrics and meetings are kept as their JSON records beside the columns that
queries need, so a new optional field needs no migration.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from reports.errors import BriefError
from reports.records import Meeting, Metric, Release

SCHEMA_VERSION = 3  # 2: meetings.planned; 3: release_versions
_IDS_PER_QUERY = 10_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS releases (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published DATE NOT NULL,
    fetched_at TEXT,
    language TEXT NOT NULL,
    location TEXT,
    body_sha256 TEXT NOT NULL,
    extracted_with TEXT
);
CREATE INDEX IF NOT EXISTS releases_published ON releases (published);
CREATE TABLE IF NOT EXISTS metrics (
    release_id TEXT NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    metric_id TEXT,
    period TEXT,
    value REAL,
    unit TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (release_id, position)
);
CREATE INDEX IF NOT EXISTS metrics_metric_id ON metrics (metric_id, period);
CREATE TABLE IF NOT EXISTS meetings (
    release_id TEXT NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date DATE,
    data TEXT NOT NULL,
    planned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (release_id, position)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    command TEXT NOT NULL,
    period TEXT,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    status TEXT NOT NULL,
    counts TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS deliveries (
    period TEXT NOT NULL,
    recipient TEXT NOT NULL,
    pdf_sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    sent_at TEXT,
    PRIMARY KEY (period, recipient, pdf_sha256)
);
CREATE TABLE IF NOT EXISTS held_periods (
    period TEXT PRIMARY KEY,
    cadence TEXT NOT NULL,
    reason TEXT NOT NULL,
    held_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS approvals (
    period TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    reviewers TEXT NOT NULL,
    drafted_at TEXT NOT NULL,
    approved_at TEXT
);
CREATE TABLE IF NOT EXISTS collections (
    source TEXT PRIMARY KEY,
    collected_at TEXT NOT NULL,
    failed TEXT
);
CREATE TABLE IF NOT EXISTS release_versions (
    release_id TEXT NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    body_sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    metrics TEXT NOT NULL,
    extracted_with TEXT,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (release_id, body_sha256)
);
CREATE TABLE IF NOT EXISTS fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT,
    status INTEGER
);
"""


def sqlite_path(url: str) -> str:
    """'sqlite:///output/brief.sqlite' -> 'output/brief.sqlite'; 'sqlite:////abs' -> '/abs'."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        from reports.postgres import shown

        raise BriefError(f"--store {shown(url)!r}: expected sqlite:///PATH or postgresql://user@host/database")
    path = url[len(prefix) :]
    if not path:
        raise BriefError(f"--store {url!r}: no file named")
    if "?" in path or "#" in path:  # else '?mode=ro' would become part of a new file's name
        raise BriefError(
            f"--store {url!r}: options after '?' are not supported (the store must be writable)"
        )
    return path


def _check_file(path: str, url: str) -> None:
    """A store brief cannot write, or one cut short, is bad input: say so before any work is done."""
    import os

    if path == ":memory:":
        return
    file = Path(path)
    if file.is_dir():
        raise BriefError(f"--store {url!r}: {path} is a folder, not a database file")
    folder = file.parent
    if file.exists() and not os.access(file, os.W_OK):
        raise BriefError(f"--store {url!r}: {path} is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BriefError(f"--store {url!r}: its folder {folder} is not writable (SQLite writes a journal)")
    if file.exists() and _truncated(file):
        raise BriefError(f"--store {url!r}: {path} is shorter than its header says: a truncated copy?")


def _truncated(file: Path) -> bool:
    """SQLite's header records the page size and, when valid, the page count (fileformat.html 1.3)."""
    with file.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False  # empty (a new store) or not SQLite at all: connect() says which
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96] and pages > 0
    return valid and file.stat().st_size < pages * page_size


@dataclass(frozen=True)
class Stated:
    """A stored figure with the date of the release stating it: a history row, without the release's text."""

    metric: Metric
    published: date

    @property
    def release_id(self) -> str:
        return self.metric.release_id


@dataclass(frozen=True)
class ReleaseVersion:
    """An earlier text of a release, kept when a collection replaced it, with the figures read from it."""

    release_id: str
    body_sha256: str
    title: str
    body: str
    metrics: tuple[Metric, ...]
    replaced_at: datetime


class Store:
    """Releases and what was extracted from them, keyed by release id."""

    _in_batch = False

    def __init__(self, url: str) -> None:
        from reports import postgres

        if postgres.is_postgres(url):
            self.db = postgres.connect(url)
            self.url = postgres.shown(url)
            try:
                self._migrate()
            except postgres.errors() as exc:
                self.db.close()
                raise BriefError(f"--store {self.url}: not a usable brief store ({exc})") from None
            return
        path = sqlite_path(url)
        if path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise BriefError(f"--store {url!r}: cannot make its folder ({exc.strerror})") from None
        _check_file(path, url)
        try:
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise BriefError(f"--store {url!r}: not a usable SQLite database ({exc})") from None
        self.url = url

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.db:
            yield self.db

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes, one commit: inside, upsert_release and save_extraction do not commit each.

        An error inside rolls the whole batch back; nesting joins the outer batch.
        """
        if self._in_batch:
            yield
            return
        self._in_batch = True
        try:
            with self.db:
                yield
        finally:
            self._in_batch = False

    def _migrate(self) -> None:
        with self.db:
            self.db.executescript(_SCHEMA)
            row = self.db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self.db.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise BriefError(
                    f"store schema version {row[0]} is newer than this brief understands ({SCHEMA_VERSION})"
                )
            else:
                self._upgrade(row[0])

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return getattr(self.db, "backend", "sqlite")

    def _columns(self, table: str) -> set[str]:
        if self.backend == "postgresql":
            return self.db.columns(table)
        return {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}

    def try_run_lock(self) -> bool:
        """Take the store's own run lock, held until the store is closed: with PostgreSQL an advisory
        lock in the database, so runs on two hosts never overlap; False when another run holds it.
        A SQLite store is one machine's file: the output folder's lock file (RunLock) covers it."""
        return self.db.try_run_lock() if self.backend == "postgresql" else True

    def _upgrade(self, version: int) -> None:
        """Bring a store written by an older brief up to SCHEMA_VERSION, step by step."""
        columns = self._columns("meetings")
        if version < 2 and "planned" not in columns:
            # Meetings stored before `planned` existed were all logged as held.
            self.db.execute("ALTER TABLE meetings ADD COLUMN planned INTEGER NOT NULL DEFAULT 0")
        # 3: release_versions is made by _SCHEMA (IF NOT EXISTS); a store before it kept no earlier text,
        # so its releases have no versions until their text next changes: there is nothing to fill in.
        if version < SCHEMA_VERSION:
            self.db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT version FROM schema_version").fetchone()[0])

    # Releases

    def upsert_release(self, release: Release) -> str:
        """Insert or update by release id: 'new', 'updated' or 'unchanged'.

        A changed title or body replaces the stored text and drops its extracted
        figures, so they are extracted again; the text replaced and the figures extracted
        from it are kept in release_versions (see `release_version`).
        """
        row = self.db.execute("SELECT body_sha256 FROM releases WHERE id = ?", (release.id,)).fetchone()
        if row is not None and row[0] == release.body_sha256:
            return "unchanged"
        values = _release_row(release)
        with self.batch():  # its own commit, or the open batch's
            if row is None:
                columns = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                cursor = self.db.execute(
                    f"INSERT INTO releases ({columns}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING",
                    tuple(values.values()),
                )
                if cursor.rowcount == 1:
                    return "new"
                # Another process sharing the store wrote it meanwhile: compare with what it stored.
                stored = self.db.execute("SELECT body_sha256 FROM releases WHERE id = ?", (release.id,))
                if stored.fetchone()[0] == release.body_sha256:
                    return "unchanged"
            self._keep_version(release.id)
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.db.execute(
                f"UPDATE releases SET {assignments}, extracted_with = NULL WHERE id = ?",
                (*values.values(), release.id),
            )
            self.db.execute("DELETE FROM metrics WHERE release_id = ?", (release.id,))
            self.db.execute("DELETE FROM meetings WHERE release_id = ?", (release.id,))
        return "updated"

    def _keep_version(self, release_id: str) -> None:
        """Copy the stored text of a release about to be replaced, with its extracted figures."""
        row = self.db.execute(
            "SELECT body_sha256, title, body, extracted_with FROM releases WHERE id = ?", (release_id,)
        ).fetchone()
        figures = [
            json.loads(data)
            for (data,) in self.db.execute(
                "SELECT data FROM metrics WHERE release_id = ? ORDER BY position", (release_id,)
            )
        ]
        self.db.execute(
            "INSERT INTO release_versions (release_id, body_sha256, title, body, metrics, extracted_with, "
            "replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, body_sha256) DO NOTHING",
            (release_id, row[0], row[1], row[2], json.dumps(figures), row[3], _now()),
        )

    def release_version(self, release_id: str, body_sha256: str) -> ReleaseVersion | None:
        """An earlier text of a release (by the hash of its title, category and body), if it was kept."""
        row = self.db.execute(
            "SELECT release_id, body_sha256, title, body, metrics, replaced_at FROM release_versions "
            "WHERE release_id = ? AND body_sha256 = ?",
            (release_id, body_sha256),
        ).fetchone()
        return _version_from(row) if row else None

    def release_versions(self, release_id: str) -> list[ReleaseVersion]:
        """Every earlier text kept of a release, the first replaced first."""
        rows = self.db.execute(
            "SELECT release_id, body_sha256, title, body, metrics, replaced_at FROM release_versions "
            "WHERE release_id = ? ORDER BY replaced_at, body_sha256",
            (release_id,),
        ).fetchall()
        return [_version_from(row) for row in rows]

    def body_hashes(self, release_ids: Iterable[str]) -> dict[str, str]:
        """release id -> the hash of its stored text, for these ids (without reading a body)."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(release_ids))):
            rows = self.db.execute(
                f"SELECT id, body_sha256 FROM releases WHERE id IN ({_marks(chunk)})", chunk
            ).fetchall()
            found.update((row[0], row[1]) for row in rows)
        return found

    def release(self, release_id: str) -> Release | None:
        row = self.db.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE id = ?", (release_id,)
        ).fetchone()
        return _release_from(row) if row else None

    def releases_between(self, start: date, end: date) -> list[Release]:
        """Releases published from `start` to `end` inclusive, oldest first."""
        rows = self.db.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE published BETWEEN ? AND ? "
            "ORDER BY published, title, id",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        return [_release_from(row) for row in rows]

    def count_releases(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM releases").fetchone()[0])

    def count_rows(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"not a store table: {table}")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def has_releases_before(self, day: date) -> bool:
        """Whether any stored release was published before `day` (an earlier period is stored)."""
        row = self.db.execute("SELECT 1 FROM releases WHERE published < ? LIMIT 1", (day.isoformat(),))
        return row.fetchone() is not None

    # Extraction results

    def unextracted_between(self, start: date, end: date, version: str) -> list[Release]:
        """Releases published from `start` to `end` not yet extracted by extractor `version`: only their
        bodies are read (a store whose earlier releases are all extracted reads none)."""
        rows = self.db.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE published BETWEEN ? AND ? "
            "AND (extracted_with IS NULL OR extracted_with != ?) ORDER BY published, title, id",
            (start.isoformat(), end.isoformat(), version),
        ).fetchall()
        return [_release_from(row) for row in rows]

    def unextracted(self, releases: Iterable[Release], version: str) -> list[Release]:
        """Those of `releases` not yet extracted by extractor `version`."""
        done: set[str] = set()
        for chunk in _chunks([release.id for release in releases]):
            done.update(
                row[0]
                for row in self.db.execute(
                    f"SELECT id FROM releases WHERE extracted_with = ? AND id IN ({_marks(chunk)})",
                    (version, *chunk),
                )
            )
        return [release for release in releases if release.id not in done]

    def save_extraction(
        self, release_id: str, metrics: list[Metric], meetings: list[Meeting], version: str
    ) -> None:
        """Replace what is stored as extracted from one release."""
        with self.batch():  # its own commit, or the open batch's
            # The release's row first: a second process extracting it from a shared store waits here
            # for this commit, then replaces these rows, rather than colliding with them.
            self.db.execute("UPDATE releases SET extracted_with = ? WHERE id = ?", (version, release_id))
            self.db.execute("DELETE FROM metrics WHERE release_id = ?", (release_id,))
            self.db.execute("DELETE FROM meetings WHERE release_id = ?", (release_id,))
            self.db.executemany(
                "INSERT INTO metrics (release_id, position, metric_id, period, value, unit, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (release_id, n, m.metric_id, m.period, m.value, m.unit, json.dumps(m.to_json()))
                    for n, m in enumerate(metrics)
                ],
            )
            self.db.executemany(
                "INSERT INTO meetings (release_id, position, date, planned, data) VALUES (?, ?, ?, ?, ?)",
                [
                    (release_id, n, m.date.isoformat() if m.date else None, int(m.planned),
                     json.dumps(m.to_json()))
                    for n, m in enumerate(meetings)
                ],
            )

    def metrics_for(self, release_ids: Iterable[str]) -> list[Metric]:
        """Metrics of these releases, in release order then body order."""
        ids = list(release_ids)
        rows = self.db.execute(
            f"SELECT release_id, data FROM metrics WHERE release_id IN ({_marks(ids)}) "
            "ORDER BY release_id, position",
            ids,
        ).fetchall()
        order = {release_id: n for n, release_id in enumerate(ids)}
        rows.sort(key=lambda row: order[row[0]])
        return [Metric.from_json(row[0], json.loads(row[1])) for row in rows]

    def meetings_for(self, release_ids: Iterable[str]) -> list[Meeting]:
        ids = list(release_ids)
        rows = self.db.execute(
            f"SELECT release_id, data FROM meetings WHERE release_id IN ({_marks(ids)}) "
            "ORDER BY release_id, position",
            ids,
        ).fetchall()
        order = {release_id: n for n, release_id in enumerate(ids)}
        rows.sort(key=lambda row: order[row[0]])
        return [Meeting.from_json(row[0], json.loads(row[1])) for row in rows]

    def metrics_between(self, start: date, end: date) -> list[Metric]:
        """Metrics of the releases published from `start` to `end`, in releases_between's order."""
        return [Metric.from_json(rid, data) for rid, data in self._extracted_between("metrics", start, end)]

    def meetings_between(self, start: date, end: date) -> list[Meeting]:
        """Meetings of the releases published from `start` to `end`, in releases_between's order."""
        return [Meeting.from_json(rid, data) for rid, data in self._extracted_between("meetings", start, end)]

    def _extracted_between(self, table: str, start: date, end: date) -> list[tuple[str, dict[str, Any]]]:
        rows = self.db.execute(
            f"SELECT m.release_id, m.data FROM {table} m JOIN releases r ON r.id = m.release_id "
            "WHERE r.published BETWEEN ? AND ? ORDER BY r.published, r.title, r.id, m.position",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        return [(row[0], json.loads(row[1])) for row in rows]

    def history(self, metric_ids: Iterable[str]) -> dict[str, list[Stated]]:
        """Every stored figure with one of these catalog ids, oldest release first, in one query.

        Only the metric rows and each release's date are read, never a release's text.
        """
        ids = sorted(set(metric_ids))
        history: dict[str, list[Stated]] = {metric_id: [] for metric_id in ids}
        if not ids:
            return history
        rows = self.db.execute(
            "SELECT m.metric_id, m.release_id, m.data, r.published FROM metrics m "
            f"JOIN releases r ON r.id = m.release_id WHERE m.metric_id IN ({_marks(ids)}) "
            "ORDER BY r.published, r.title, r.id, m.position",
            ids,
        ).fetchall()
        for metric_id, release, data, published in rows:
            metric = Metric.from_json(release, json.loads(data))
            history[metric_id].append(Stated(metric, date.fromisoformat(published)))
        return history

    def releases_by_id(self, release_ids: Iterable[str]) -> dict[str, Release]:
        """The stored releases with these ids, in one query (missing ids are left out)."""
        ids = list(dict.fromkeys(release_ids))
        if not ids:
            return {}
        rows = self.db.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE id IN ({_marks(ids)})", ids
        ).fetchall()
        return {release.id: release for release in map(_release_from, rows)}

    def metric_history(self, metric_id: str) -> list[tuple[Metric, Release]]:
        """Every stored figure with this catalog id, with the release stating it (bodies included).

        One query per id: a briefing reads its whole history at once with `history`.
        """
        rows = self.db.execute(
            f"SELECT m.data, {_release_columns('r')} FROM metrics m JOIN releases r "
            "ON r.id = m.release_id WHERE m.metric_id = ? ORDER BY r.published, m.position",
            (metric_id,),
        ).fetchall()
        history = []
        for row in rows:
            release = _release_from(row[1:])
            history.append((Metric.from_json(release.id, json.loads(row[0])), release))
        return history

    # Runs

    def start_run(self, command: str, period: str | None = None) -> int:
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO runs (command, period, started_at, status) VALUES (?, ?, ?, 'running') "
                "RETURNING id",
                (command, period, _now()),
            )
            return int(cursor.fetchone()[0])

    def finish_run(
        self, run_id: int, status: str, counts: dict[str, Any] | None = None, error: str | None = None
    ) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET ended_at = ?, status = ?, counts = ?, error = ? WHERE id = ?",
                (_now(), status, json.dumps(counts or {}, sort_keys=True), error, run_id),
            )

    def end_abandoned_runs(self) -> int:
        """Mark runs still 'running' as ended in error: call only while holding the run lock,
        when no other run can be live (those were killed without a chance to record it)."""
        with self.db:
            cursor = self.db.execute(
                "UPDATE runs SET ended_at = ?, status = 'error', "
                "error = 'ended without finishing (killed or crashed)' WHERE status = 'running'",
                (_now(),),
            )
        return cursor.rowcount

    # Periods a scheduled run held back (a source failed), so the next run builds them

    def hold_period(self, period: str, cadence: str, reason: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO held_periods (period, cadence, reason, held_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (period) DO UPDATE SET reason = excluded.reason",
                (period, cadence, reason, _now()),
            )

    def held_periods(self, cadence: str) -> list[str]:
        rows = self.db.execute(
            "SELECT period FROM held_periods WHERE cadence = ? ORDER BY period", (cadence,)
        ).fetchall()
        return [row[0] for row in rows]

    def release_period(self, period: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM held_periods WHERE period = ?", (period,))

    # The last collection of each source, for the briefing's freshness block

    def record_collection(self, source: str, failed: str | None = None) -> None:
        """Note that `source` was just collected, and why it failed (None: it was read).

        Inside a `batch`, it is written with the batch's commit."""
        with self.batch():  # its own commit, or the open batch's
            self.db.execute(
                "INSERT INTO collections (source, collected_at, failed) VALUES (?, ?, ?) "
                "ON CONFLICT (source) DO UPDATE SET collected_at = excluded.collected_at, "
                "failed = excluded.failed",
                (source, _now(), failed),
            )

    def last_collections(self) -> dict[str, tuple[str, str | None]]:
        """source -> (when it was last collected, why that collection failed or None)."""
        rows = self.db.execute("SELECT source, collected_at, failed FROM collections").fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def newest_release_dates(self, until: date) -> dict[str, date]:
        """source -> the date of its newest stored release published on or before `until`."""
        rows = self.db.execute(
            "SELECT source, MAX(published) FROM releases WHERE published <= ? GROUP BY source",
            (until.isoformat(),),
        ).fetchall()
        return {row[0]: date.fromisoformat(str(row[1])[:10]) for row in rows if row[1]}

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest runs, newest first."""
        cursor = self.db.execute(
            "SELECT id, command, period, started_at, ended_at, status, counts, error "
            "FROM runs ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        names = [column[0] for column in cursor.description]
        runs = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for run in runs:
            run["counts"] = json.loads(run["counts"]) if run["counts"] else {}
        return runs

    # Deliveries: which recipient got which period's briefing, so a re-run never sends twice

    def record_delivery(
        self,
        period: str,
        recipient: str,
        pdf_sha256: str,
        status: str,
        attempts: int,
        error: str | None = None,
    ) -> None:
        """Record one recipient's outcome ('sent' or 'failed') for the briefing with this PDF."""
        sent_at = _now() if status == "sent" else None
        with self.db:
            self.db.execute(
                "INSERT INTO deliveries (period, recipient, pdf_sha256, status, attempts, error, sent_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (period, recipient, pdf_sha256) DO UPDATE SET "
                "status = excluded.status, attempts = excluded.attempts, error = excluded.error, "
                "sent_at = COALESCE(excluded.sent_at, deliveries.sent_at)",
                (period, recipient, pdf_sha256, status, attempts, error, sent_at),
            )

    def delivered(self, period: str, recipient: str) -> dict[str, Any] | None:
        """The latest successful delivery of the period's briefing to `recipient`, if any."""
        cursor = self.db.execute(
            "SELECT period, recipient, pdf_sha256, status, attempts, error, sent_at FROM deliveries "
            "WHERE period = ? AND recipient = ? AND status = 'sent' ORDER BY sent_at DESC LIMIT 1",
            (period, recipient),
        )
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None

    def deliveries(self, period: str | None = None) -> list[dict[str, Any]]:
        """Every recorded delivery (of one period), in period then recipient order."""
        where, args = ("WHERE period = ?", (period,)) if period else ("", ())
        cursor = self.db.execute(
            "SELECT period, recipient, pdf_sha256, status, attempts, error, sent_at FROM deliveries "
            f"{where} ORDER BY period, recipient, sent_at",
            args,
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # Approvals: a briefing held for its reviewers until `brief approve` sends it to the recipients

    def hold_for_approval(self, period: str, reviewers: Iterable[str]) -> None:
        """Record that the period's draft went to its reviewers (kept as approved once it is)."""
        with self.db:
            self.db.execute(
                "INSERT INTO approvals (period, status, reviewers, drafted_at) VALUES (?, 'awaiting', ?, ?) "
                "ON CONFLICT (period) DO UPDATE SET reviewers = excluded.reviewers, "
                "drafted_at = excluded.drafted_at WHERE approvals.status = 'awaiting'",
                (period, json.dumps(list(reviewers)), _now()),
            )

    def approval(self, period: str) -> dict[str, Any] | None:
        """The period's approval: status ('awaiting' | 'approved'), reviewers, drafted_at, approved_at."""
        found = self._approvals("WHERE period = ?", (period,))
        return found[0] if found else None

    def mark_approved(self, period: str) -> None:
        with self.db:
            self.db.execute(
                "UPDATE approvals SET status = 'approved', approved_at = ? WHERE period = ?", (_now(), period)
            )

    def awaiting_approval(self) -> list[dict[str, Any]]:
        """Every period whose draft awaits approval, oldest first."""
        return self._approvals("WHERE status = 'awaiting' ORDER BY drafted_at, period", ())

    def _approvals(self, where: str, parameters: tuple[Any, ...]) -> list[dict[str, Any]]:
        cursor = self.db.execute(
            f"SELECT period, status, reviewers, drafted_at, approved_at FROM approvals {where}", parameters
        )
        names = [c[0] for c in cursor.description]
        found = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        for approval in found:
            approval["reviewers"] = json.loads(approval["reviewers"])
        return found

    # Live sources: validators for conditional GET, and lookups for deduplication

    def fetch_state(self, key: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) kept from the last complete fetch of `key` (a URL), or None."""
        row = self.db.execute("SELECT etag, last_modified FROM fetch_state WHERE url = ?", (key,)).fetchone()
        return (row[0], row[1]) if row else None

    def save_fetch_state(self, key: str, etag: str | None, last_modified: str | None, status: int) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO fetch_state (url, etag, last_modified, fetched_at, status) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, "
                "status = excluded.status",
                (key, etag, last_modified, _now(), status),
            )

    def release_by_url(self, url: str) -> Release | None:
        row = self.db.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE url = ? ORDER BY id LIMIT 1", (url,)
        ).fetchone()
        return _release_from(row) if row else None

    def releases_of(self, source: str, start: date | None = None, end: date | None = None) -> list[Release]:
        """Releases stored from `source`, published from `start` to `end` when given, oldest first."""
        rows = self.db.execute(
            f"SELECT {_RELEASE_COLUMNS} FROM releases WHERE source = ? "
            "AND published >= COALESCE(?, published) AND published <= COALESCE(?, published) "
            "ORDER BY published, title, id",
            (source, start.isoformat() if start else None, end.isoformat() if end else None),
        ).fetchall()
        return [_release_from(row) for row in rows]


_FIELDS = (
    "id",
    "source",
    "url",
    "category",
    "title",
    "body",
    "published",
    "fetched_at",
    "language",
    "location",
)
_RELEASE_COLUMNS = ", ".join(_FIELDS)


def _release_columns(alias: str) -> str:
    return ", ".join(f"{alias}.{name}" for name in _FIELDS)


def _release_row(release: Release) -> dict[str, Any]:
    return {
        "id": release.id,
        "source": release.source,
        "url": release.url,
        "category": release.category,
        "title": release.title,
        "body": release.body,
        "published": release.published.isoformat(),
        "fetched_at": release.fetched_at.isoformat() if release.fetched_at else None,
        "language": release.language,
        "location": release.location,
        "body_sha256": release.body_sha256,
    }


def _release_from(row: tuple[Any, ...]) -> Release:
    values = dict(zip(_FIELDS, row, strict=True))
    values["published"] = date.fromisoformat(values["published"])
    if values["fetched_at"]:
        values["fetched_at"] = datetime.fromisoformat(values["fetched_at"])
    return Release(**values)


def _version_from(row: tuple[Any, ...]) -> ReleaseVersion:
    release_id, sha, title, body, metrics, replaced_at = row
    figures = tuple(Metric.from_json(release_id, data) for data in json.loads(metrics))
    return ReleaseVersion(release_id, sha, title, body, figures, datetime.fromisoformat(replaced_at))


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    """Ids a query at a time: SQLite allows 32,766 parameters in one."""
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield ids[start : start + _IDS_PER_QUERY]


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# The schema's tables, in the order foreign keys need them filled.
TABLES = tuple(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", _SCHEMA))
_COPY_ROWS = 2_000


def copy_store(source_url: str, target_url: str) -> dict[str, int]:
    """Copy every row of one store into another, empty one (SQLite to PostgreSQL or back) in one
    transaction; table -> rows copied. Each table's count is checked in the source, in what was read
    and in the target before the commit: any difference rolls the copy back with a BriefError."""
    with Store(source_url) as source, Store(target_url) as target:
        if source.url == target.url:
            raise BriefError(f"--from and --to are the same store ({source.url})")
        tables = [table for table in TABLES if table != "schema_version"]
        filled = {table: n for table in tables if (n := target.count_rows(table))}
        if filled:
            rows = ", ".join(f"{n} {table}" for table, n in filled.items())
            raise BriefError(f"--to {target.url}: not an empty store ({rows}); copy into a new database")
        copied: dict[str, int] = {}
        with target.db:
            for table in tables:
                cursor = source.db.execute(f"SELECT * FROM {table}")
                names = [column[0] for column in cursor.description]
                insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({_marks(names)})"
                copied[table] = 0
                while rows := cursor.fetchmany(_COPY_ROWS):
                    target.db.executemany(insert, rows)
                    copied[table] += len(rows)
            if target.backend == "postgresql":
                target.db.reset_identity("runs")
            for table in tables:
                counts = (source.count_rows(table), copied[table], target.count_rows(table))
                if len(set(counts)) != 1:
                    raise BriefError(
                        f"store copy: {table}: {counts[0]} rows in {source.url}, {counts[1]} read, "
                        f"{counts[2]} in {target.url}; nothing was copied"
                    )
    return copied
