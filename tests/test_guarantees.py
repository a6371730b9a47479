"""Nothing lost, nothing leaked: hostile or mistaken input handled with a reason, never silently.

Each test reproduces one defect found by trying the tool as an operator and an attacker would
(issue 17), through the command line or the library call a user's command makes.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reports import archive, config, pipeline, tables
from reports import extract as extraction
from reports.archive import write_period_folder
from reports.briefing import build_briefing
from reports.collect.dump import parse_dump
from reports.config import load_config
from reports.errors import BriefError
from reports.job import RunLock
from reports.periods import parse_month
from reports.records import Meeting, Metric
from reports.store import Store
from tests.conftest import ROOT, run_brief


def dump(*entries: tuple[str, str, str]) -> str:
    """Dump text of (title, body, date) entries."""
    return "".join(f"-\nTrade/Investment\n{title}\n{body} date{day}\n" for title, body, day in entries)


def store_rows(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT title, body FROM releases ORDER BY title, body").fetchall()


# 1. A long body is rejected at ingest, with a reason, and counted -----------------------------------


def test_a_body_over_the_limit_is_rejected_with_a_reason_and_counted(tmp_path: Path) -> None:
    big = "Exports rose. " * 80_000  # about 1.1 MB
    (tmp_path / "in.txt").write_text(
        dump(("Huge", big, "2026-01-05"), ("Small", "Exports rose 5%.", "2026-01-06"))
    )
    run = run_brief("collect", "--input", "in.txt", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "rejected in.txt:2: body of 1,119,999 bytes is over the limit of 1,000,000" in run.stderr
    assert "in.txt: 2 read = 1 ingested (1 new, 0 updated, 0 unchanged) + 1 rejected" in run.stderr
    assert [title for title, _ in store_rows(tmp_path / "output" / "brief.sqlite")] == ["Small"]


def test_the_body_limit_is_a_config_key(tmp_path: Path, store_url: str) -> None:
    (tmp_path / "brief.toml").write_text("body_limit = 20\n")
    limit = load_config(tmp_path / "brief.toml").body_limit
    (tmp_path / "in.txt").write_text(
        dump(("A", "short body", "2026-01-05"), ("B", "a body longer than twenty", "2026-01-05"))
    )
    with Store(store_url) as store:
        (report,) = pipeline.collect_files(store, [tmp_path / "in.txt"], body_limit=limit)
        assert (report.ingested, [str(r) for r in report.rejected]) == (
            1,
            ["in.txt:6: body of 25 bytes is over the limit of 20 (body_limit in brief.toml)"],
        )
        assert report.entries == 2 and store.count_releases() == 1


# 5. Same title and date twice in one dump: both kept, or the second reported as a duplicate ----------


def test_two_releases_with_one_title_and_date_are_both_kept(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text(
        dump(
            ("Minister's schedule", "Meets the EU.", "2026-01-05"),
            ("Minister's schedule", "Visits Ulsan.", "2026-01-05"),
        )
    )
    run = run_brief("collect", "--input", "in.txt", cwd=tmp_path)
    assert "2 read = 2 ingested (2 new" in run.stderr
    bodies = [body for _, body in store_rows(tmp_path / "output" / "brief.sqlite")]
    assert bodies == ["Meets the EU.", "Visits Ulsan."]
    again = run_brief("collect", "--input", "in.txt", cwd=tmp_path)  # ids are stable: nothing new
    assert "2 read = 2 ingested (0 new, 0 updated, 2 unchanged)" in again.stderr


def test_the_same_entry_twice_is_reported_as_a_duplicate() -> None:
    result = parse_dump(
        dump(("Title", "Same text.", "2026-01-05"), ("Title", "Same text.", "2026-01-05")), "d.txt"
    )
    assert len(result.releases) == 1
    assert [str(r) for r in result.rejected] == [
        "d.txt:6: duplicate of the entry at d.txt:2 (same title, date and text)"
    ]


# 6. CSV cells are safe to open in a spreadsheet --------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralized() -> None:
    (release,) = parse_dump(
        dump(("T", "Exports fell 3.1% to USD 5 billion. The minister met HQ.", "2026-01-05"))
    ).releases
    store = Store("sqlite:///:memory:")
    store.upsert_release(release)
    metric = Metric(
        release.id,
        '=HYPERLINK("http://evil.example/","click")',
        5e9,
        "USD",
        "2026-01",
        "-3.1% +cmd|' /C calc'!A0",
        (0, 36),
        metric_id="exports.total",
    )
    meeting = Meeting(
        release.id,
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3",
        "The minister met HQ.",
        (37, 57),
        date(2026, 1, 5),
        "+Chair",
        None,
        "Seoul",
        "\tTab topic",
    )
    store.save_extraction(release.id, [metric], [meeting], extraction.VERSION)
    briefing = build_briefing(store, parse_month("2026-01"), title="T", generated_at=datetime.now(UTC))
    metrics = list(csv.DictReader(io.StringIO(tables.metrics_csv(briefing).decode())))
    assert metrics[0]["subject"] == "'" + metric.subject
    assert metrics[0]["quote"].startswith("'-3.1%")
    assert metrics[0]["value"] == "5000000000.0"
    meetings = list(csv.DictReader(io.StringIO(tables.meetings_csv(briefing).decode())))
    assert meetings[0]["official"].startswith("'@SUM")
    assert meetings[0]["counterpart"] == "'-2+3"
    assert meetings[0]["counterpart_role"] == "'+Chair" and meetings[0]["topic"] == "'\tTab topic"
    assert tables.neutralize("-12.5") == "-12.5" and tables.unneutralize("'=A1") == "=A1"


# 7. The lock file is never followed through a link ----------------------------------------------------


def test_a_symlinked_lock_file_is_refused_and_its_target_left_alone(tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    output = tmp_path / "output"
    output.mkdir()
    (output / "brief.lock").symlink_to(victim)
    with pytest.raises(BriefError, match="brief.lock: is a symbolic link"):
        RunLock(output).acquire()
    assert victim.read_text() == "keep me\n"


# 8. A kill between the two renames of a replacement is undone by the next run -----------------------


def archive_files(text: str) -> dict[str, bytes]:
    return {"briefing.pdf": text.encode(), "briefing.html": b"<p>" + text.encode() + b"</p>"}


def test_a_briefing_left_only_at_its_old_name_is_restored(tmp_path: Path) -> None:
    output = tmp_path / "output"
    write_period_folder(output, "2026-W03", archive_files("first"), [])
    # What a kill between `final -> .old` and `staging -> final` leaves: the good folder under .old,
    # and the new one still staging, written by a process that is gone.
    (output / "2026-W03").rename(output / ".2026-W03.old")
    dead = _dead_pid()
    (output / f".2026-W03.staging-{dead}.abc123").mkdir()
    run = run_brief("send", "--week", "2026-W03", "--dry-run", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert (output / "2026-W03" / "briefing.pdf").read_bytes() == b"first"
    assert sorted(p.name for p in output.iterdir()) == ["2026-W03", "brief.sqlite"]
    assert archive.recover_archive(output) == []


def test_generate_after_a_kill_leaves_no_staging_or_old_folder(tmp_path: Path) -> None:
    write_period_folder(tmp_path, "2026-W03", archive_files("first"), [])
    (tmp_path / "2026-W03").rename(tmp_path / ".2026-W03.old")
    (tmp_path / f".2026-W04.staging-{_dead_pid()}.x").mkdir()
    write_period_folder(tmp_path, "2026-W05", archive_files("other"), [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W03", "2026-W05"]
    write_period_folder(tmp_path, "2026-W03", archive_files("second"), [])
    assert (tmp_path / "2026-W03" / "briefing.pdf").read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W03", "2026-W05"]


def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(child.stdout)


# 10. Unknown config keys are errors naming the key ----------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        (
            '[email]\nsmtp_hostname = "mail.example.org"\n',
            "email.smtp_hostname: unknown key (did you mean 'smtp_host'?)",
        ),
        ('timezon = "Asia/Seoul"\n', "timezon: unknown key (did you mean 'timezone'?)"),
        ('[branding]\ntitel = "X"\n', "branding.titel: unknown key (did you mean 'title'?)"),
        (
            '[[sources]]\nname = "m"\nkind = "feed"\nurl = "http://127.0.0.1/f"\nartcle = "always"\n',
            "sources[0].artcle: unknown key (did you mean 'article'?)",
        ),
        ("[fetch]\ndeadlin = 5\n", "fetch.deadlin: unknown key (did you mean 'deadline'?)"),
    ],
)
def test_an_unknown_config_key_is_an_error_naming_it(tmp_path: Path, toml: str, named: str) -> None:
    (tmp_path / "brief.toml").write_text(toml)
    run = run_brief("send", "--week", "2026-W03", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.strip() == f"brief: error: brief.toml: {named}"


def test_every_key_the_readme_and_examples_use_is_known(tmp_path: Path) -> None:
    for example in sorted((ROOT / "examples").glob("*.toml")):
        load_config(example)  # raises on an unknown key


def test_every_source_option_a_collector_reads_is_a_known_key() -> None:
    """The collectors read options by name; each name must be declared in config.SourceOptions."""
    import re

    read = set()
    for module in (ROOT / "reports" / "collect").glob("*.py"):
        text = module.read_text()
        read |= set(re.findall(r"source_option\(\s*source,\s*\"(\w+)\"", text))
        read |= set(re.findall(r"options\.get\(\s*\"(\w+)\"", text))
    assert read and read <= set(config.SOURCE_OPTION_KEYS), sorted(read - set(config.SOURCE_OPTION_KEYS))


# 12. Bad input is one line and exit 2, never "internal error" -----------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('timezone = "Mars/Olympus"\n', "brief.toml: timezone: 'Mars/Olympus' is not an IANA time zone"),
        (
            "[email]\nattempts = 1e9\n",
            "brief.toml: email.attempts: 1000000000.0 is not a whole number from 1 to 100",
        ),
        ("[email]\nsmtp_host = 5\n", "brief.toml: email.smtp_host: 5 is not a host name"),
        (
            '[email]\narchive_url = "javascript:alert(1)"\n',
            "brief.toml: email.archive_url: 'javascript:alert(1)' is not an http:// or https:// address",
        ),
        ('store = "sqlite:///output/brief.sqlite?mode=ro"\n', "options after '?' are not supported"),
    ],
)
def test_a_wrongly_typed_config_value_is_one_line_and_exit_2(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "brief.toml").write_text(toml)
    run = run_brief("runs", cwd=tmp_path)
    assert run.code == 2, run.stderr
    assert run.stderr.count("\n") == 1 and message in run.stderr, run.stderr
    assert not any(p.name.endswith("mode=ro") for p in tmp_path.rglob("*"))


def test_output_naming_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    run = run_brief("generate", "--week", "2026-W03", "--output", "afile", cwd=tmp_path)
    assert (run.code, run.stderr.count("\n")) == (2, 1), run.stderr
    assert "afile" in run.stderr and "internal error" not in run.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_or_store_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir()
    os.chmod(tmp_path / "ro", 0o555)
    try:
        run = run_brief("generate", "--week", "2026-W03", "--output", "ro", cwd=tmp_path)
        assert (run.code, run.stderr.count("\n")) == (2, 1), run.stderr
        assert "not writable" in run.stderr
    finally:
        os.chmod(tmp_path / "ro", 0o755)
    (tmp_path / "output").mkdir()
    Store(f"sqlite:///{tmp_path / 'output' / 'brief.sqlite'}").close()
    os.chmod(tmp_path / "output" / "brief.sqlite", 0o444)
    run = run_brief("collect", "--input", str(ROOT / "tests" / "fixtures" / "three-months.txt"), cwd=tmp_path)
    assert (run.code, run.stderr.count("\n")) == (2, 1), run.stderr
    assert "brief.sqlite is read-only" in run.stderr


def test_a_truncated_store_is_one_line_and_exit_2(tmp_path: Path) -> None:
    store = tmp_path / "output" / "brief.sqlite"
    with Store(f"sqlite:///{store}") as s:
        s.upsert_release(parse_dump(dump(("A", "x" * 20_000, "2026-01-05"))).releases[0])
    data = store.read_bytes()
    store.write_bytes(data[: len(data) // 2])
    run = run_brief("runs", cwd=tmp_path)
    assert (run.code, run.stderr.count("\n")) == (2, 1), run.stderr
    assert "truncated" in run.stderr


def test_a_week_past_the_calendar_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = run_brief("generate", "--week", "9999-W52", cwd=tmp_path)
    assert run.code == 2 and run.stderr.strip() == (
        "brief: error: --week 9999-W52: outside the calendar brief can work with"
    )


# Minor ---------------------------------------------------------------------------------------------------


def test_an_endless_input_is_refused_not_read_to_exhaustion(tmp_path: Path) -> None:
    run = run_brief("collect", "--input", "/dev/zero", cwd=tmp_path)
    assert run.code == 2 and run.stderr.strip() == (
        "brief: error: /dev/zero: larger than 200,000,000 bytes; split it into smaller dump files"
    )


def test_run_with_both_cadences_is_a_usage_error(tmp_path: Path) -> None:
    run = run_brief("run", "--weekly", "--monthly", cwd=tmp_path)
    assert run.code == 2 and "not both" in run.stderr


def test_a_release_dated_years_ahead_is_rejected_with_a_reason() -> None:
    result = parse_dump(dump(("T", "Exports rose.", "2062-01-05")), "d.txt", today=date(2026, 1, 20))
    assert result.releases == []
    assert [str(r) for r in result.rejected] == [
        "d.txt:2: dated 2062-01-05, more than 31 days from now: a mistyped date?"
    ]


def test_an_unreadable_later_input_stores_nothing(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(dump(("A", "Exports rose.", "2026-01-05")))
    run = run_brief("collect", "--input", "good.txt", "--input", "missing.txt", cwd=tmp_path)
    assert run.code == 2 and run.stderr.strip() == "brief: error: missing.txt: no such file"
    with Store(f"sqlite:///{tmp_path / 'output' / 'brief.sqlite'}") as store:
        assert store.count_releases() == 0  # nothing stored that the report did not show


def test_form_feeds_line_separators_and_control_bytes_are_spaces_in_the_body() -> None:
    text = "-\nTrade/Investment\nTitle\x07 one\nFirst\x0cpart\u2028second\x1b[31m part\x00. date2026-01-05\n"
    (release,) = parse_dump(text).releases
    assert release.title == "Title  one"
    assert release.body == "First part second [31m part ."
    assert "\n" not in release.body


def test_counts_add_up_for_a_dump_of_every_kind_of_bad_entry(tmp_path: Path, store_url: str) -> None:
    entries = dump(("A", "x", "2026-01-05"), ("A", "x", "2026-01-05"), ("B", "y" * 30, "2026-01-05"))
    (tmp_path / "in.txt").write_text(entries + "-\nno date here\n" + dump(("C", "z", "2099-01-01")))
    with Store(store_url) as store:
        (report,) = pipeline.collect_files(store, [tmp_path / "in.txt"], body_limit=10)
        assert store.count_releases() == report.ingested == 1
    assert (report.entries, len(report.rejected)) == (5, 4)
    reasons = sorted(r.reason.split(" ")[0] for r in report.rejected)
    assert reasons == ["body", "dated", "duplicate", "no"]


# A process killed (SIGKILL) between the two renames of a replacement, as the operator found it.
KILLED_MID_SWAP = """
import os, signal, sys
from pathlib import Path
from reports.archive import write_period_folder
output = Path(sys.argv[1])
rename = Path.rename
def rename_then_die(self, target):
    if Path(target).name == "2026-W03" and (output / ".2026-W03.old").exists():
        os.kill(os.getpid(), signal.SIGKILL)
    return rename(self, target)
Path.rename = rename_then_die
write_period_folder(output, "2026-W03", {"briefing.pdf": b"second"}, [])
"""


def test_a_process_killed_mid_swap_leaves_a_briefing_the_next_command_restores(tmp_path: Path) -> None:
    import subprocess
    import sys

    output = tmp_path / "output"
    write_period_folder(output, "2026-W03", archive_files("first"), [])
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_MID_SWAP, str(output)], env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert killed.returncode == -9
    assert not (output / "2026-W03").exists()  # what the kill left: only .2026-W03.old and a staging folder
    run = run_brief("send", "--week", "2026-W03", "--dry-run", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert (output / "2026-W03" / "briefing.pdf").read_bytes() == b"first"
    assert sorted(p.name for p in output.iterdir()) == ["2026-W03", "brief.sqlite"]
