"""A PostgreSQL store against a real throwaway server on 127.0.0.1 (tests/postgres.py): the same
briefing as SQLite, one run at a time across hosts, nothing half-written, `brief store copy`."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg
import pytest

from reports.errors import BriefError
from reports.postgres import PASSWORD_VARIABLE
from reports.store import SCHEMA_VERSION, TABLES, Store
from tests.conftest import ROOT, run_brief
from tests.postgres import PASSWORD, Server
from tests.smtp import Mailbox, smtp_server, write_config

sys.path.insert(0, str(ROOT))  # the benchmarks' corpus builder
from benchmarks.bench_scale import make_corpus  # noqa: E402

WEEK = "2026-W03"
MONDAY = "2026-01-19"
RECIPIENTS = ["ana@example.org", "ben@example.net"]


def brief_process(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reports", *map(str, args)],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def with_store(config: Path, url: str) -> None:
    config.write_text(f'store = "{url}"\n' + config.read_text())


# The same briefing on both back-ends ---------------------------------------------------------


def test_the_sample_week_built_from_postgresql_matches_the_one_built_from_sqlite(
    archived: Path, pg_url: str, tmp_path: Path
) -> None:
    run = run_brief("generate", "--week", WEEK, "--store", pg_url, cwd=tmp_path)
    assert run.code == 0, run.stderr
    for name in ("metrics.csv", "meetings.csv", "sources.json"):
        built = (tmp_path / "output" / WEEK / name).read_text()
        assert built == (archived / "output" / WEEK / name).read_text(), name
    with Store(pg_url) as store:
        assert store.count_releases() == 10 and store.schema_version == SCHEMA_VERSION


def test_an_older_postgresql_store_is_migrated_and_its_version_recorded(
    postgres: Server, pg_url: str
) -> None:
    Store(pg_url).close()
    postgres.sql(pg_url, "ALTER TABLE meetings DROP COLUMN planned")
    postgres.sql(pg_url, "UPDATE schema_version SET version = 1")
    with Store(pg_url) as store:
        assert store.schema_version == SCHEMA_VERSION
    columns = postgres.sql(
        pg_url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'meetings'"
    )
    assert ("planned",) in columns
    assert postgres.sql(pg_url, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]


def test_the_named_indexes_exist_in_postgresql(postgres: Server, pg_url: str) -> None:
    Store(pg_url).close()
    indexes = postgres.sql(pg_url, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
    names = {row[0] for row in indexes}
    assert {"releases_published", "metrics_metric_id"} <= names


def test_without_psycopg_a_postgresql_store_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails, as where it is missing
    with pytest.raises(BriefError, match=r"needs psycopg: pip install 'brief\[postgres\]'"):
        Store("postgresql://brief@127.0.0.1/brief")


# Connection errors: one line, exit 2, no password -------------------------------------------


def test_a_refused_connection_is_one_line_naming_the_host(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = run_brief("runs", "--store", f"postgresql://brief@127.0.0.1:{port}/brief", cwd=tmp_path,
                    env={PASSWORD_VARIABLE: "not-to-be-shown"})
    assert run.code == 2
    [line] = run.stderr.splitlines()
    assert line.startswith(f"brief: error: --store postgresql://brief@127.0.0.1:{port}/brief: cannot connect")
    assert f"127.0.0.1:{port}" in line and "not-to-be-shown" not in line and "Traceback" not in run.stderr


def test_a_wrong_password_is_refused_without_showing_it(pg_url: str, tmp_path: Path) -> None:
    run = run_brief("runs", "--store", pg_url, cwd=tmp_path, env={PASSWORD_VARIABLE: "wrong-secret-31"})
    assert run.code == 2
    [line] = run.stderr.splitlines()
    assert "password authentication failed" in line and "wrong-secret-31" not in line


def test_a_password_in_the_url_is_refused_and_not_echoed(postgres: Server, tmp_path: Path) -> None:
    url = f"postgresql://brief:{PASSWORD}@127.0.0.1:{postgres.port}/postgres"
    run = run_brief("runs", "--store", url, cwd=tmp_path)
    assert run.code == 2
    [line] = run.stderr.splitlines()
    assert PASSWORD not in line and "brief:***@127.0.0.1" in line and PASSWORD_VARIABLE in line


def test_the_password_can_come_from_a_pgpass_file(postgres: Server, pg_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres.port}:*:brief:{PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    run = run_brief("collect", "--store", pg_url, "--input", ROOT / "reports/data/motir-2026-01.txt",
                    cwd=tmp_path)
    assert run.code == 0, run.stderr
    with Store(pg_url) as store:
        assert store.count_releases() == 10


@pytest.mark.parametrize("url", ["mysql://brief@127.0.0.1/brief", "postgresql://brief@127.0.0.1:notaport/b",
                                 "postgresql://brief@127.0.0.1:5432"])
def test_a_bad_store_url_is_one_line_and_exit_2(url: str, tmp_path: Path) -> None:
    run = run_brief("runs", "--store", url, cwd=tmp_path)
    assert run.code == 2, run.stderr
    assert len(run.stderr.splitlines()) == 1 and run.stderr.startswith("brief: error: --store")


# One run at a time across hosts ---------------------------------------------------------------


def test_the_run_lock_is_held_in_the_database_until_the_store_is_closed(pg_url: str) -> None:
    first, second = Store(pg_url), Store(pg_url)
    assert first.try_run_lock()
    assert not second.try_run_lock()
    first.close()
    assert second.try_run_lock()
    second.close()


HOLDER = (
    "import sys, time; from reports.store import Store; store = Store(sys.argv[1]); "
    "print('locked' if store.try_run_lock() else 'busy', flush=True); time.sleep(120)"
)


def test_the_lock_of_a_killed_run_is_freed_when_its_connection_ends(pg_url: str) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, pg_url], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    with Store(pg_url) as store:
        assert not store.try_run_lock()
        holder.kill()
        holder.wait(timeout=30)
        deadline = time.monotonic() + 20
        while not store.try_run_lock():
            assert time.monotonic() < deadline, "the killed holder's lock was never freed"
            time.sleep(0.1)


def test_two_hosts_running_the_weekly_job_on_one_store_send_each_recipient_one_message(
    pg_url: str, tmp_path: Path
) -> None:
    hosts = [tmp_path / "host-a", tmp_path / "host-b"]  # own folders and lock files, one store
    with smtp_server(Mailbox()) as (mailbox, port):
        for host in hosts:
            host.mkdir()
            with_store(write_config(host, port, RECIPIENTS), pg_url)
        runs = [brief_process("run", "--weekly", "--as-of", MONDAY, cwd=host) for host in hosts]
        done = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
        received = list(mailbox.received)
    assert sorted(r.rcpt_tos[0] for r in received) == RECIPIENTS, done
    codes = sorted(code for code, _ in done)
    if codes == [0, 1]:  # they overlapped: the second was refused at once
        [refused] = [stderr for code, stderr in done if code == 1]
        assert "another brief run holds the store's run lock" in refused
    else:  # one ran after the other: the second found both recipients served
        assert codes == [0, 0], done
        assert any("2 already sent" in stderr for _, stderr in done), done
    with Store(pg_url) as store:
        sent = [(d["period"], d["recipient"]) for d in store.deliveries() if d["status"] == "sent"]
    assert sorted(sent) == [(WEEK, r) for r in RECIPIENTS]


def test_a_run_is_refused_while_another_host_holds_the_store_lock(pg_url: str, tmp_path: Path) -> None:
    with Store(pg_url) as holder:
        assert holder.try_run_lock()
        run = run_brief("run", "--weekly", "--as-of", MONDAY, "--store", pg_url, cwd=tmp_path)
    assert run.code == 1
    assert "another brief run holds the store's run lock" in run.stderr
    assert not (tmp_path / "output" / WEEK).exists()


def test_two_analysts_reading_the_same_releases_into_one_store_at_once_both_finish(
    pg_url: str, tmp_path: Path
) -> None:
    """Both ingest and extract the same 300 releases at the same moment: neither collides with the
    other's rows, and both list the same figures."""
    (tmp_path / "corpus.txt").write_text(make_corpus(300))
    args = ["review", "--input", "corpus.txt", "--from", "2025-01-01", "--to", "2025-12-31",
            "--format", "json", "--store", pg_url]
    runs = [brief_process(*args, cwd=tmp_path) for _ in range(2)]
    done = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    assert [code for code, _, _ in done] == [0, 0], [stderr for _, _, stderr in done]
    assert done[0][1] == done[1][1] and json.loads(done[0][1])["figures"]
    with Store(pg_url) as store:
        assert store.count_releases() == 300


# A killed run -----------------------------------------------------------------------------------


def test_a_run_killed_mid_ingest_leaves_no_half_written_release(
    postgres: Server, pg_url: str, tmp_path: Path
) -> None:
    from reports.pipeline import BATCH

    size = 4 * BATCH
    (tmp_path / "corpus.txt").write_text(make_corpus(size))
    run = brief_process("generate", "--input", "corpus.txt", "--from", "2025-01-01", "--to", "2025-12-31",
                        "--store", pg_url, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and run.poll() is None:
        try:
            rows = postgres.sql(pg_url, "SELECT COUNT(*) FROM releases")
        except psycopg.errors.UndefinedTable:  # the run has not made the schema yet
            rows = [(0,)]
        if rows[0][0]:
            break
        time.sleep(0.02)
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert run.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    releases = postgres.sql(pg_url, "SELECT title, category, body, body_sha256, extracted_with FROM releases")
    assert len(releases) % BATCH == 0  # whole batches only: each is one transaction
    for title, category, body, digest, _ in releases:  # each text whole, as its hash says
        assert hashlib.sha256(f"{title}\n{category}\n{body}".encode()).hexdigest() == digest
    extracted = [row[0] for row in releases if row[4]]
    assert len(extracted) % BATCH == 0
    orphans = postgres.sql(pg_url, "SELECT COUNT(*) FROM metrics m JOIN releases r ON r.id = m.release_id "
                                   "WHERE r.extracted_with IS NULL")
    assert orphans == [(0,)]  # no figure of a release whose extraction was not committed
    again = run_brief("collect", "--input", "corpus.txt", "--store", pg_url, cwd=tmp_path)
    assert again.code == 0, again.stderr
    with Store(pg_url) as store:
        assert store.count_releases() == size


# brief store copy ------------------------------------------------------------------------------


@pytest.fixture
def filled(workdir: Path) -> Path:
    """The archived sample week's SQLite store with a delivery, a held period and an approval added."""
    path = workdir / "output" / "brief.sqlite"
    with Store(f"sqlite:///{path}") as store:
        store.finish_run(store.start_run("run --weekly", WEEK), "ok", {"sent": 1, "failed": 1})
        store.finish_run(store.start_run("send", WEEK), "failed", error="550 no such user")
        store.record_delivery(WEEK, "ana@example.org", "ab" * 32, "sent", 1)
        store.record_delivery(WEEK, "ben@example.net", "ab" * 32, "failed", 3, "550 no such user")
        store.hold_period("2026-W04", "week", "source motir failed")
        store.hold_for_approval("2026-01", ["rev@example.org"])
        store.save_fetch_state("https://example.org/feed", '"e1"', None, 200)
        first = store.releases_between(date(2026, 1, 1), date(2026, 1, 31))[0]
        assert store.upsert_release(replace(first, body=first.body + " Corrected.")) == "updated"
    return path


def rows(url: str) -> dict[str, list[tuple]]:
    with Store(url) as store:
        found = {}
        for table in TABLES:
            cursor = store.db.execute(f"SELECT * FROM {table}")
            names = [c[0] for c in cursor.description]
            found[table] = sorted(tuple(zip(names, row, strict=True)) for row in cursor.fetchall())
        return found


def test_store_copy_round_trips_the_sample_with_identical_counts(filled: Path, pg_url: str,
                                                                 tmp_path: Path) -> None:
    source = f"sqlite:///{filled}"
    run = run_brief("store", "copy", "--from", source, "--to", pg_url, cwd=tmp_path)
    assert run.code == 0, run.stderr
    with Store(source) as sqlite, Store(pg_url) as pg:
        counts = {table: sqlite.count_rows(table) for table in TABLES}
        assert counts == {table: pg.count_rows(table) for table in TABLES}
    assert counts["releases"] == 10 and counts["metrics"] > 0 and counts["meetings"] > 0
    assert counts["runs"] == 2 and counts["deliveries"] == 2 and counts["held_periods"] == 1
    assert counts["release_versions"] == 1
    assert f"10 releases, {counts['metrics']} metrics, {counts['meetings']} meetings" in run.stderr
    back = f"sqlite:///{tmp_path / 'back.sqlite'}"
    run = run_brief("store", "copy", "--from", pg_url, "--to", back, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert rows(back) == rows(source)  # every row of every table, value for value
    with Store(pg_url) as pg:  # the copied runs' ids continue, not restart at 1
        last = max(r["id"] for r in pg.runs(1000))
        assert pg.start_run("generate", WEEK) == last + 1


def test_store_copy_refuses_a_store_that_is_not_empty(filled: Path, pg_url: str, tmp_path: Path) -> None:
    assert run_brief("store", "copy", "--from", f"sqlite:///{filled}", "--to", pg_url, cwd=tmp_path).code == 0
    run = run_brief("store", "copy", "--from", f"sqlite:///{filled}", "--to", pg_url, cwd=tmp_path)
    assert run.code == 2
    [line] = run.stderr.splitlines()
    assert "not an empty store (10 releases" in line


def test_store_copy_that_loses_rows_is_refused_and_rolled_back(
    postgres: Server, filled: Path, pg_url: str, tmp_path: Path
) -> None:
    Store(pg_url).close()
    postgres.sql(pg_url, "CREATE FUNCTION drop_row() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ "
                         "LANGUAGE plpgsql")
    postgres.sql(pg_url, "CREATE TRIGGER lose BEFORE INSERT ON metrics FOR EACH ROW WHEN (NEW.position > 0) "
                         "EXECUTE FUNCTION drop_row()")
    run = run_brief("store", "copy", "--from", f"sqlite:///{filled}", "--to", pg_url, cwd=tmp_path)
    assert run.code == 2
    [line] = run.stderr.splitlines()
    assert "store copy: metrics:" in line and "nothing was copied" in line
    assert postgres.sql(pg_url, "SELECT COUNT(*) FROM releases") == [(0,)]


def test_store_copy_with_a_bad_url_is_one_line_and_exit_2(filled: Path, tmp_path: Path) -> None:
    source = f"sqlite:///{filled}"
    run = run_brief("store", "copy", "--from", source, "--to", "pg://somewhere/x", cwd=tmp_path)
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1 and "expected sqlite:///PATH or postgresql://" in run.stderr


def test_copying_a_store_into_itself_is_refused(filled: Path) -> None:
    with pytest.raises(BriefError, match="the same store"):
        from reports.store import copy_store

        copy_store(f"sqlite:///{filled}", f"sqlite:///{filled}")
