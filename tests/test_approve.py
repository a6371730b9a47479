"""The approval gate: with [email] reviewers, the weekly job mails a DRAFT to them only, and
`brief approve` sends the final to the recipients once (a real SMTP server on 127.0.0.1)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader

from tests.briefings import pdf_text
from tests.conftest import run_brief
from tests.smtp import Received, smtp_server, write_config

WEEK = "2026-W03"
MONDAY = "2026-01-19"
RECIPIENTS = ["ana@example.org", "ben@example.net"]
REVIEWERS = ["desk@example.org"]


def attached_text(received: Received) -> str:
    [attachment] = list(received.message.iter_attachments())
    return pdf_text(io.BytesIO(attachment.get_content()))


def test_reviewers_get_the_draft_and_recipients_the_final_once_approved(tmp_path: Path) -> None:
    with smtp_server() as (mailbox, port):
        write_config(tmp_path, port, RECIPIENTS, reviewers=REVIEWERS)
        run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=tmp_path)
        assert run.code == 0, run.stderr
        [draft] = mailbox.received
        assert draft.rcpt_tos == REVIEWERS and draft.message["Subject"] == f"DRAFT: Trade briefing {WEEK}"
        assert "DRAFT" in attached_text(draft) and "Used-car exports" in attached_text(draft)
        runs = run_brief("runs", cwd=tmp_path)
        assert f"awaiting approval: {WEEK}" in runs.stdout and f"brief approve --week {WEEK}" in runs.stdout

        send = run_brief("send", "--week", WEEK, cwd=tmp_path)
        assert send.code == 2 and "a DRAFT awaiting approval" in send.stderr

        mailbox.reset()  # a re-run while it awaits approval: nothing to anyone
        assert run_brief("run", "--weekly", "--as-of", MONDAY, cwd=tmp_path).code == 0
        assert mailbox.received == []

        listing = json.loads(run_brief("review", "--week", WEEK, "--format", "json", cwd=tmp_path).stdout)
        used = next(f for f in listing["figures"] if f["label"] == "Used-car exports")
        assert run_brief("review", used["key"], "--drop", cwd=tmp_path).code == 0

        approve = run_brief("approve", "--week", WEEK, cwd=tmp_path)
        assert approve.code == 0, approve.stderr
        assert sorted(r.rcpt_tos[0] for r in mailbox.received) == RECIPIENTS
        for final in mailbox.received:
            assert final.message["Subject"] == f"Trade briefing {WEEK}"
            text = attached_text(final)
            # No DRAFT mark, and the correction made after the draft went out holds.
            assert "DRAFT" not in text and "Used-car exports" not in text
        manifest = json.loads((tmp_path / "output" / WEEK / "manifest.json").read_text())
        assert manifest["draft"] is False
        assert [c["key"] for c in manifest["corrections"]["applied"]] == [used["key"]]

        mailbox.reset()
        again = run_brief("approve", "--week", WEEK, cwd=tmp_path)
        assert again.code == 0 and "already approved" in again.stderr and mailbox.received == []
        assert run_brief("run", "--weekly", "--as-of", MONDAY, cwd=tmp_path).code == 0
        assert mailbox.received == [] and mailbox.rcpt_attempts == []
        assert "awaiting approval:" not in run_brief("runs", cwd=tmp_path).stdout


def test_approving_a_week_that_was_never_held_exits_2(tmp_path: Path) -> None:
    write_config(tmp_path, None, RECIPIENTS, reviewers=REVIEWERS)
    run = run_brief("approve", "--week", WEEK, cwd=tmp_path)
    assert run.code == 2 and f"{WEEK}: no briefing awaits approval" in run.stderr


def test_a_changed_corrections_file_makes_the_weekly_run_rebuild(tmp_path: Path) -> None:
    write_config(tmp_path, None, RECIPIENTS)
    assert run_brief("run", "--weekly", "--as-of", MONDAY, cwd=tmp_path).code == 0
    listing = json.loads(run_brief("review", "--week", WEEK, "--format", "json", cwd=tmp_path).stdout)
    used = next(f for f in listing["figures"] if f["label"] == "Used-car exports")
    assert run_brief("review", used["key"], "--drop", cwd=tmp_path).code == 0
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=tmp_path)
    assert run.code == 0 and f"{WEEK}: built from 10 releases" in run.stderr
    pdf = PdfReader(tmp_path / "output" / WEEK / "briefing.pdf")
    assert "Used-car exports" not in " ".join(page.extract_text() or "" for page in pdf.pages)
