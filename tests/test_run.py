"""`brief run`: the scheduled job end to end, with a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reports.archive import write_index
from reports.errors import BriefError
from reports.job import due_periods, schedule_files
from reports.resources import sample_corpus
from tests.conftest import ROOT, run_brief
from tests.smtp import Mailbox, Received, write_config

WEEK = "2026-W03"
MONDAY = "2026-01-19"  # the Monday after the sample's week: the job's usual day
RECIPIENTS = ["ana@example.org", "ben@example.net"]

# A process that takes the run lock and then waits, as a long run would.
HOLDER = (
    "import sys, time; from pathlib import Path; from reports.job import RunLock; "
    "RunLock(Path(sys.argv[1])).acquire(); print('locked', flush=True); time.sleep(120)"
)


@pytest.fixture(scope="module")
def first_run(server, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    """One weekly run on a fresh install (builds and sends 2026-W03); tests work on copies of it."""
    mailbox, port = server
    mailbox.reset()
    workdir = tmp_path_factory.mktemp("install")
    write_config(workdir, port, RECIPIENTS)
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir)
    return workdir, run, list(mailbox.received)


@pytest.fixture
def mailbox(server) -> Mailbox:  # noqa: ANN001
    server[0].reset()
    return server[0]


@pytest.fixture
def workdir(first_run, server, tmp_path: Path) -> Path:  # noqa: ANN001
    """A copy of the install after its first run: archive, store and brief.toml."""
    shutil.copytree(first_run[0] / "output", tmp_path / "output")
    write_config(tmp_path, server[1], RECIPIENTS)
    return tmp_path


def spawn_lock_holder(output: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(output)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def subjects(received: list[Received]) -> list[str]:
    return [r.message["Subject"] for r in received]


def test_the_weekly_run_builds_sends_and_indexes_the_last_complete_week(first_run) -> None:  # noqa: ANN001
    workdir, run, received = first_run
    assert run.code == 0, run.stderr
    folder = workdir / "output" / WEEK
    assert sorted(r.rcpt_tos[0] for r in received) == RECIPIENTS
    assert subjects(received) == ["Trade briefing 2026-W03"] * 2
    for r in received:
        [attachment] = list(r.message.iter_attachments())
        assert attachment.get_content() == (folder / "briefing.pdf").read_bytes()
    index = (workdir / "output" / "index.html").read_text()
    assert 'href="2026-W03/briefing.pdf"' in index and 'href="2026-W03/briefing.html"' in index
    assert "brief: run --weekly: 2026-W03 (run 1)" in run.stderr
    assert "brief: 2026-W03: built from 10 releases" in run.stderr
    assert not (workdir / "output" / "brief.lock").exists()


def test_a_rerun_rebuilds_nothing_and_sends_nothing(workdir: Path, mailbox: Mailbox) -> None:
    folder = workdir / "output" / WEEK
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir)
    assert run.code == 0, run.stderr
    assert mailbox.received == [] and mailbox.rcpt_attempts == []
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert "2026-W03: inputs unchanged (10 releases); archived briefing kept" in run.stderr
    assert "0 built, 1 unchanged; 0 sent, 0 failed, 2 already sent" in run.stderr


def test_a_changed_input_rebuilds_the_week_but_mails_it_once(workdir: Path, mailbox: Mailbox) -> None:
    late = workdir / "late.txt"
    late.write_text("-\nTrade/Investment\nLate Release on Exports\nExports rose. date2026-01-16\n")
    config = workdir / "brief.toml"
    config.write_text(
        config.read_text()
        + '\n[[sources]]\nname = "sample"\nkind = "dump"\npath = "'
        + str(sample_corpus())
        + '"\n\n[[sources]]\nname = "late"\nkind = "dump"\npath = "late.txt"\n'
    )
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir)
    assert run.code == 0, run.stderr
    assert "2026-W03: built from 11 releases" in run.stderr
    assert mailbox.received == []
    assert "already sent to ana@example.org" in run.stderr and "--force sends this one" in run.stderr


def test_force_rebuilds_and_sends_again(workdir: Path, mailbox: Mailbox) -> None:
    run = run_brief("run", "--weekly", "--as-of", MONDAY, "--force", cwd=workdir)
    assert run.code == 0, run.stderr
    assert "2026-W03: built from 10 releases" in run.stderr
    assert sorted(r.rcpt_tos[0] for r in mailbox.received) == RECIPIENTS


def test_catch_up_builds_and_sends_every_missed_week_in_order(workdir: Path, mailbox: Mailbox) -> None:
    run = run_brief("run", "--weekly", "--as-of", MONDAY, "--since", "2026-W01", cwd=workdir)
    assert run.code == 0, run.stderr
    assert subjects(mailbox.received) == ["Trade briefing 2026-W01"] * 2 + ["Trade briefing 2026-W02"] * 2
    empty_week = mailbox.received[0].message.get_body(("plain",)).get_content()
    assert "Jan 1, 2026" not in empty_week and "Dec 29, 2025 – Jan 4, 2026" in empty_week
    assert "No releases were published in this period." in empty_week
    assert "brief: run --weekly: 2026-W01..2026-W03" in run.stderr
    index = (workdir / "output" / "index.html").read_text()
    rows = re.findall(r'<tr id="p-([^"]+)">', index)
    assert rows == ["2026-W03", "2026-W02", "2026-W01"]


def test_a_refused_recipient_fails_the_run_and_no_one_else(workdir: Path, mailbox: Mailbox) -> None:
    write_config(workdir, mailbox_port(workdir), [*RECIPIENTS, "gone@example.org"])
    mailbox.rcpt_replies["gone@example.org"] = ["550 5.1.1 No such user here"]
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir)
    assert run.code == 1
    assert mailbox.received == []  # the other two already have it
    assert "not sent to gone@example.org: 550 5.1.1 No such user here" in run.stderr
    runs = run_brief("runs", cwd=workdir)
    assert runs.code == 0, runs.stderr
    latest = runs.stdout.splitlines()[1]
    assert "run --weekly" in latest and "failed" in latest and "gone@example.org" in latest


def mailbox_port(workdir: Path) -> int:
    match = re.search(r"smtp_port = (\d+)", (workdir / "brief.toml").read_text())
    assert match
    return int(match.group(1))


def test_a_lock_left_by_a_killed_run_does_not_block_the_next(workdir: Path, mailbox: Mailbox) -> None:
    holder = spawn_lock_holder(workdir / "output")
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = workdir / "output" / "brief.lock"
    assert lock.read_text().split()[0] == str(holder.pid)  # the killed run left its lock behind
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir)
    assert run.code == 0, run.stderr
    assert f"taking over the lock {Path('output') / 'brief.lock'} left by pid {holder.pid}" in run.stderr
    assert not lock.exists()


def test_a_live_lock_makes_a_second_run_exit_1(workdir: Path, mailbox: Mailbox) -> None:
    holder = spawn_lock_holder(workdir / "output")
    try:
        run = run_brief("run", "--weekly", "--as-of", MONDAY, "--force", cwd=workdir)
        send = run_brief("send", "--week", WEEK, "--force", cwd=workdir)
    finally:
        holder.kill()
        holder.wait()
    for blocked in (run, send):
        assert blocked.code == 1
        assert blocked.stderr.startswith(f"brief: error: another brief run is in progress (pid {holder.pid}")
    assert mailbox.received == []


def test_runs_lists_recent_runs_newest_first(workdir: Path, mailbox: Mailbox) -> None:
    assert run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir).code == 0
    run = run_brief("runs", cwd=workdir)
    assert run.code == 0, run.stderr
    header, second, first = run.stdout.splitlines()[:3]
    assert header.split()[:3] == ["run", "command", "period"]
    assert second.split()[:4] == ["2", "run", "--weekly", WEEK] and " ok " in second
    assert "already_sent=2" in second
    assert first.split()[:4] == ["1", "run", "--weekly", WEEK] and "built=1" in first and "sent=2" in first


def test_schedule_prints_units_and_a_cron_line_for_this_install(workdir: Path) -> None:
    run = run_brief("schedule", cwd=workdir)
    assert run.code == 0, run.stderr
    config = str((workdir / "brief.toml").resolve())
    [exec_start] = [line for line in run.stdout.splitlines() if line.startswith("ExecStart=")]
    command = shlex.split(exec_start.removeprefix("ExecStart="))
    assert command[-4:] == ["run", "--weekly", "--config", config]
    assert f"WorkingDirectory={workdir}" in run.stdout
    assert "OnCalendar=Mon *-*-* 07:00:00 Asia/Seoul" in run.stdout
    [cron] = [line for line in run.stdout.splitlines() if line.startswith("0 7 * * 1 ")]
    assert f"cd {workdir} &&" in cron and f"run --weekly --quiet --config {config}" in cron
    assert "@" not in exec_start and "@BRIEF@" not in run.stdout
    # The printed command is this brief: it runs.
    version = subprocess.run(
        [*command[:-4], "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert version.returncode == 0 and "brief, version" in version.stdout


def test_since_must_name_a_period_of_the_runs_kind(workdir: Path) -> None:
    run = run_brief("run", "--monthly", "--since", "2026-W01", cwd=workdir)
    assert run.code == 2
    assert run.stderr.strip() == (
        "brief: error: --since '2026-W01': a monthly run catches up from a month such as 2026-01"
    )


def test_run_needs_a_cadence(workdir: Path) -> None:
    run = run_brief("run", cwd=workdir)
    assert run.code == 2 and "give --weekly or --monthly" in run.stderr


def test_due_periods_are_the_last_complete_week_or_month() -> None:
    assert [p.key for p in due_periods("week", date(2026, 1, 19))] == ["2026-W03"]
    assert [p.key for p in due_periods("week", date(2026, 1, 18))] == ["2026-W02"]  # Sunday: W03 not over
    assert [p.key for p in due_periods("month", date(2026, 2, 1))] == ["2026-01"]
    assert [p.key for p in due_periods("month", date(2026, 1, 31))] == ["2025-12"]
    caught_up = due_periods("week", date(2026, 1, 5), since="2025-W52")
    assert [p.key for p in caught_up] == ["2025-W52", "2026-W01"]
    with pytest.raises(BriefError, match="later than the last complete week, 2026-W03"):
        due_periods("week", date(2026, 1, 19), since="2026-W04")


def test_index_lists_every_briefing_folder_newest_first(tmp_path: Path) -> None:
    lead = {"label": "<i>Chip</i> exports", "value": "USD 17.3 billion", "change": "+22.1% y/y"}
    for key, generated in [
        ("2025-12", "2026-01-02T09:00:00+09:00"),
        ("2026-W03", "2026-01-19T07:00:00+09:00"),
        ("2026-01", "2026-02-02T07:00:00+09:00"),
        ("2026-01-01_2026-01-15", "2026-01-16T10:00:00+09:00"),
    ]:
        folder = tmp_path / key
        folder.mkdir()
        (folder / "briefing.pdf").write_bytes(b"%PDF-1.7")
        (folder / "briefing.html").write_text("<html></html>")
        summary = {"generated_at": generated, "releases": 3, "headlines": [lead] if key == "2026-01" else []}
        (folder / "manifest.json").write_text(json.dumps({"period": key, "summary": summary}))
    (tmp_path / "notes").mkdir()  # not a briefing folder
    (tmp_path / ".2026-02.tmp").mkdir()  # one being written
    html = write_index(tmp_path).read_text()
    rows = re.findall(r'<tr id="p-([^"]+)">', html)
    assert rows == ["2026-01", "2026-W03", "2026-01-01_2026-01-15", "2025-12"]
    assert "&lt;i&gt;Chip&lt;/i&gt; exports: <span class=\"value\">USD 17.3 billion</span>" in html
    assert "Feb 2, 2026" in html  # generation date of 2026-01
    assert "<style>" in html and "<link" not in html and "<script" not in html  # self-contained


def test_schedule_can_write_the_unit_files(workdir: Path) -> None:
    units = workdir / "units"
    run = run_brief("schedule", "--monthly", "--write", units, cwd=workdir)
    assert run.code == 0, run.stderr
    assert run.stdout.split() == [str(units / n) for n in ("brief.service", "brief.timer", "brief.cron")]
    assert "OnCalendar=*-*-01 07:00:00 Asia/Seoul" in (units / "brief.timer").read_text()
    assert "run --monthly --config" in (units / "brief.service").read_text()


def test_schedule_files_escape_paths_for_systemd_and_cron() -> None:
    files = schedule_files(
        "week",
        brief="'/opt/my brief/bin/brief'",
        workdir=Path("/srv/briefs 100%"),
        config=Path("/srv/briefs 100%/brief.toml"),
        timezone="Europe/Berlin",
    )
    service, timer, cron = files["brief.service"], files["brief.timer"], files["brief.cron"]
    assert "WorkingDirectory=/srv/briefs 100%%\n" in service  # % is a systemd specifier
    start = "ExecStart='/opt/my brief/bin/brief' run --weekly --config '/srv/briefs 100%%/brief.toml'"
    assert start in service
    assert "OnCalendar=Mon *-*-* 07:00:00 Europe/Berlin" in timer
    assert "cd '/srv/briefs 100\\%' &&" in cron and "--config '/srv/briefs 100\\%/brief.toml'" in cron
