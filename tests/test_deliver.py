"""Emailing an archived briefing, checked through what a real SMTP server on 127.0.0.1 receives."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import socket
import sqlite3
import ssl
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from reports.config import load_config
from reports.deliver import SendReport, send_briefing
from reports.errors import BriefError
from reports.store import Store
from tests.conftest import run_brief
from tests.smtp import Mailbox, free_port, self_signed_certificate, smtp_server, write_config

WEEK = "2026-W03"
PASSWORD = "s3cret-Pa55word-for-tests"




@pytest.fixture
def port(server: tuple[Mailbox, int]) -> int:
    return server[1]


def deliveries(workdir: Path) -> dict[str, dict[str, object]]:
    with Store(f"sqlite:///{workdir / 'output' / 'brief.sqlite'}") as store:
        return {row["recipient"]: row for row in store.deliveries(WEEK)}


def send_in_process(workdir: Path, slept: list[float]) -> SendReport:
    """Send through the library API with brief.toml's settings, recording the backoff instead of sleeping."""
    config = load_config(workdir / "brief.toml")
    with Store(f"sqlite:///{workdir / 'output' / 'brief.sqlite'}") as store:
        return send_briefing(workdir / "output" / WEEK, config.email, store, sleep=slept.append, environ={})


def bodies(message) -> tuple[str, str]:  # noqa: ANN001
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def test_each_recipient_gets_subject_both_bodies_and_the_archived_pdf(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org", "ben@example.net"])
    run = run_brief("send", "--week", WEEK, cwd=workdir)
    assert run.code == 0, run.stderr
    folder = workdir / "output" / WEEK
    summary = json.loads((folder / "manifest.json").read_text())["summary"]
    assert sorted(r.rcpt_tos[0] for r in mailbox.received) == ["ana@example.org", "ben@example.net"]
    for received in mailbox.received:
        message = received.message
        assert received.mail_from == "briefs@example.org"
        assert message["To"] == received.rcpt_tos[0]  # nobody sees the other recipients
        assert message["Subject"] == "Trade briefing 2026-W03"
        text, html = bodies(message)
        for body in (text, html):
            assert "Jan 12, 2026 – Jan 18, 2026" in body and WEEK in body
            assert "Headline figures" in body and "Meetings" in body
            assert str(folder.resolve()) in body  # where the archive copy is
            for headline in summary["headlines"]:
                assert headline["value"] in body
        for meeting in csv.DictReader(io.StringIO((folder / "meetings.csv").read_text())):
            assert meeting["counterpart"] in text
        assert f"{summary['releases']} releases" in text
        [attachment] = list(message.iter_attachments())
        assert attachment.get_filename() == "briefing-2026-W03.pdf"
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_content() == (folder / "briefing.pdf").read_bytes()
    rows = deliveries(workdir)
    assert {r["status"] for r in rows.values()} == {"sent"} and {r["attempts"] for r in rows.values()} == {1}
    assert "2026-W03: sent to ana@example.org" in run.stderr


def test_a_451_reply_is_retried_after_a_backoff_and_delivered(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org"], retry_delay=7)
    mailbox.rcpt_replies["ana@example.org"] = ["451 4.3.0 Mailbox busy, try later"]
    slept: list[float] = []
    report = send_in_process(workdir, slept)
    assert report.ok and report.sent == ["ana@example.org"]
    assert mailbox.rcpt_attempts == ["ana@example.org", "ana@example.org"]
    assert len(mailbox.to("ana@example.org")) == 1
    assert slept == [7.0]
    assert deliveries(workdir)["ana@example.org"]["attempts"] == 2


def test_backoff_doubles_until_the_attempts_run_out(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org"], retry_delay=2, attempts=3)
    mailbox.rcpt_replies["ana@example.org"] = ["452 4.2.2 Over quota"] * 3
    slept: list[float] = []
    report = send_in_process(workdir, slept)
    assert slept == [2.0, 4.0]
    [failed] = report.failed
    assert failed.attempts == 3 and failed.error.startswith("452 4.2.2 Over quota")
    assert mailbox.received == []


def test_a_dropped_connection_is_retried_on_a_new_one(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org"])
    mailbox.drop_first_data = True
    run = run_brief("send", "--week", WEEK, cwd=workdir)
    assert run.code == 0, run.stderr
    assert len(mailbox.to("ana@example.org")) == 1
    assert "retrying" in run.stderr
    assert deliveries(workdir)["ana@example.org"]["attempts"] == 2


def test_a_550_fails_that_recipient_only_and_exits_1(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org", "gone@example.org", "ben@example.net"])
    mailbox.rcpt_replies["gone@example.org"] = ["550 5.1.1 No such user here"]
    run = run_brief("send", "--week", WEEK, cwd=workdir)
    assert run.code == 1
    assert sorted(r.rcpt_tos[0] for r in mailbox.received) == ["ana@example.org", "ben@example.net"]
    assert mailbox.rcpt_attempts.count("gone@example.org") == 1  # permanent: not retried
    assert "not sent to gone@example.org: 550 5.1.1 No such user here" in run.stderr
    rows = deliveries(workdir)
    assert rows["gone@example.org"]["status"] == "failed"
    assert "550 5.1.1" in str(rows["gone@example.org"]["error"])
    assert rows["ana@example.org"]["status"] == rows["ben@example.net"]["status"] == "sent"


def test_sending_the_same_week_again_sends_nothing_unless_forced(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org", "ben@example.net"])
    assert run_brief("send", "--week", WEEK, cwd=workdir).code == 0
    assert len(mailbox.received) == 2
    again = run_brief("send", "--week", WEEK, cwd=workdir)
    assert again.code == 0, again.stderr
    assert len(mailbox.received) == 2
    assert "already sent to ana@example.org" in again.stderr
    forced = run_brief("send", "--week", WEEK, "--force", cwd=workdir)
    assert forced.code == 0 and len(mailbox.received) == 4


def test_a_recipient_added_later_gets_it_and_the_others_do_not_again(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org"])
    assert run_brief("send", "--week", WEEK, cwd=workdir).code == 0
    write_config(workdir, port, ["ana@example.org", "cho@example.kr"])
    assert run_brief("send", "--week", WEEK, cwd=workdir).code == 0
    assert [r.rcpt_tos for r in mailbox.received] == [["ana@example.org"], ["cho@example.kr"]]


def test_the_password_logs_in_but_is_never_in_stderr_store_or_eml(workdir: Path, mailbox, port) -> None:
    mailbox.password = PASSWORD
    write_config(workdir, port, ["ana@example.org", "gone@example.org"])
    mailbox.rcpt_replies["gone@example.org"] = ["550 5.1.1 No such user here"]
    env = {"BRIEF_SMTP_USER": "briefs", "BRIEF_SMTP_PASSWORD": PASSWORD}
    run = run_brief("send", "--week", WEEK, "--debug", cwd=workdir, env=env)
    assert run.code == 1
    assert mailbox.logins == [("briefs", PASSWORD)]  # the login was really made with it
    assert len(mailbox.to("ana@example.org")) == 1
    dry = run_brief("send", "--week", WEEK, "--dry-run", cwd=workdir, env=env)
    assert dry.code == 0, dry.stderr
    for text in (run.stdout, run.stderr, dry.stdout, dry.stderr):
        assert PASSWORD not in text
    for path in (workdir / "output").rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_a_refused_login_fails_everyone_without_showing_the_password(workdir: Path, mailbox, port) -> None:
    mailbox.password = "the-right-one"
    write_config(workdir, port, ["ana@example.org", "ben@example.net"])
    env = {"BRIEF_SMTP_USER": "briefs", "BRIEF_SMTP_PASSWORD": PASSWORD}
    run = run_brief("send", "--week", WEEK, cwd=workdir, env=env)
    assert run.code == 1
    assert mailbox.received == [] and mailbox.logins
    assert "login refused: 535" in run.stderr and PASSWORD not in run.stderr
    rows = deliveries(workdir)
    assert {r["status"] for r in rows.values()} == {"failed"}
    # A refused login is permanent: no retry, and no second session for the next recipient.
    assert (rows["ana@example.org"]["attempts"], rows["ben@example.net"]["attempts"]) == (1, 0)


def test_half_a_login_is_a_usage_error(workdir: Path, port) -> None:
    write_config(workdir, port, ["ana@example.org"])
    run = run_brief("send", "--week", WEEK, cwd=workdir, env={"BRIEF_SMTP_USER": "briefs"})
    assert run.code == 2
    assert run.stderr.strip() == (
        "brief: error: BRIEF_SMTP_USER is set but BRIEF_SMTP_PASSWORD is not: set both to log in, or neither"
    )


def test_an_unreachable_server_fails_each_recipient_once_after_its_retries(workdir: Path) -> None:
    write_config(workdir, free_port(), ["ana@example.org", "ben@example.net"], attempts=3)
    slept: list[float] = []
    report = send_in_process(workdir, slept)
    assert [o.attempts for o in report.failed] == [3, 0]  # the second is not retried against a dead server
    assert all("cannot connect to 127.0.0.1" in (o.error or "") for o in report.failed)
    assert len(slept) == 2


def test_dry_run_writes_a_parseable_eml_and_sends_nothing(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org", "ben@example.net"])
    run = run_brief("send", "--week", WEEK, "--dry-run", cwd=workdir)
    assert run.code == 0, run.stderr
    eml = workdir / "output" / WEEK / "briefing.eml"
    assert run.stdout.strip() == str(Path("output") / WEEK / "briefing.eml")
    assert mailbox.received == [] and mailbox.rcpt_attempts == []
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Trade briefing 2026-W03"
    assert message["To"] == "ana@example.org, ben@example.net"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content() == (workdir / "output" / WEEK / "briefing.pdf").read_bytes()
    assert "Jan 12, 2026 – Jan 18, 2026" in bodies(message)[0]
    assert deliveries(workdir) == {}  # a dry run delivers nothing


def test_without_an_smtp_host_send_writes_the_eml(workdir: Path) -> None:
    write_config(workdir, None, ["ana@example.org"])
    run = run_brief("send", "--week", WEEK, cwd=workdir)
    assert run.code == 0, run.stderr
    assert "no email.smtp_host configured" in run.stderr
    eml = (workdir / "output" / WEEK / "briefing.eml").read_bytes()
    assert message_from_bytes(eml)["To"] == "ana@example.org"


def test_headlines_and_meetings_are_listed_and_escaped_in_both_bodies(workdir: Path) -> None:
    folder = workdir / "output" / WEEK
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["summary"]["headlines"] = [
        {"label": "<b>Chip</b> exports", "value": "USD 17.3 billion", "change": "+22.1% y/y",
         "period": "Dec 2025", "record": True, "source": 4},
    ]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "meetings.csv").write_text(
        "source,release_id,date,official,counterpart,counterpart_role,organization,location,topic,kind\n"
        "2,abc,2026-01-14,Minister Kim,Jamieson Greer,Trade Representative,USTR,Washington,"
        "tariffs & <script>,meeting\n"
    )
    write_config(workdir, None, ["ana@example.org"])
    assert run_brief("send", "--week", WEEK, cwd=workdir).code == 0
    message = message_from_bytes((folder / "briefing.eml").read_bytes(), policy=policy.default)
    text, html = bodies(message)
    assert "- <b>Chip</b> exports: USD 17.3 billion, +22.1% y/y (Dec 2025), record [4]" in text
    assert "&lt;b&gt;Chip&lt;/b&gt; exports: <strong>USD 17.3 billion</strong>" in html
    assert "Jan 14, 2026 · Minister Kim with Jamieson Greer (Trade Representative; USTR), Washington" in text
    assert "tariffs & <script> [2]" in text
    assert "tariffs &amp; &lt;script&gt;" in html and "<script>" not in html


def test_sending_a_period_that_was_never_generated_is_a_usage_error(tmp_path: Path) -> None:
    run = run_brief("send", "--week", "2026-W05", cwd=tmp_path)
    assert run.code == 2
    assert "no archived briefing for 2026-W05" in run.stderr


def test_store_file_holds_the_delivery_record(workdir: Path, mailbox, port) -> None:
    write_config(workdir, port, ["ana@example.org"])
    assert run_brief("send", "--week", WEEK, cwd=workdir).code == 0
    pdf = (workdir / "output" / WEEK / "briefing.pdf").read_bytes()
    db = sqlite3.connect(workdir / "output" / "brief.sqlite")
    [(period, recipient, digest, status, sent_at)] = db.execute(
        "SELECT period, recipient, pdf_sha256, status, sent_at FROM deliveries"
    ).fetchall()
    assert (period, recipient, status) == (WEEK, "ana@example.org", "sent")
    assert digest == hashlib.sha256(pdf).hexdigest() and sent_at


# TLS ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ssl.SSLContext]:
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = self_signed_certificate(tmp_path_factory.mktemp("tls"))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return cert, context


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_tls_modes_deliver_and_log_in_over_an_encrypted_link(workdir: Path, certificate, tls: str) -> None:
    cert, context = certificate
    with smtp_server(Mailbox(password=PASSWORD), tls=tls, context=context) as (mailbox, port):
        write_config(workdir, port, ["ana@example.org"], tls=tls)
        env = {"BRIEF_SMTP_USER": "briefs", "BRIEF_SMTP_PASSWORD": PASSWORD, "SSL_CERT_FILE": str(cert)}
        run = run_brief("send", "--week", WEEK, cwd=workdir, env=env)
    assert run.code == 0, run.stderr
    assert mailbox.logins == [("briefs", PASSWORD)] and len(mailbox.to("ana@example.org")) == 1


def test_an_untrusted_certificate_stops_before_the_login(workdir: Path, certificate) -> None:
    _, context = certificate
    with smtp_server(Mailbox(password=PASSWORD), tls="starttls", context=context) as (mailbox, port):
        write_config(workdir, port, ["ana@example.org"], tls="starttls")
        env = {"BRIEF_SMTP_USER": "briefs", "BRIEF_SMTP_PASSWORD": PASSWORD}
        run = run_brief("send", "--week", WEEK, cwd=workdir, env=env)
    assert run.code == 1
    assert "TLS failed" in run.stderr and "CERTIFICATE_VERIFY_FAILED" in run.stderr
    assert mailbox.logins == [] and mailbox.received == []
    assert deliveries(workdir)["ana@example.org"]["attempts"] == 1  # not retried: it will not get better


def test_starttls_required_but_not_offered_sends_nothing_in_clear(workdir: Path, mailbox, port) -> None:
    mailbox.password = PASSWORD
    write_config(workdir, port, ["ana@example.org"], tls="starttls")
    env = {"BRIEF_SMTP_USER": "briefs", "BRIEF_SMTP_PASSWORD": PASSWORD}
    run = run_brief("send", "--week", WEEK, cwd=workdir, env=env)
    assert run.code == 1
    assert "STARTTLS extension not supported by server" in run.stderr
    assert mailbox.logins == [] and mailbox.received == [] and mailbox.rcpt_attempts == []


def test_generate_rebuilds_the_archive_index(archived: Path) -> None:
    index = (archived / "output" / "index.html").read_text()
    assert re.findall(r'<tr id="p-([^"]+)">', index) == [WEEK]
    assert "Jan 12, 2026 – Jan 18, 2026" in index


def test_recipients_with_display_names_get_it_at_their_address(workdir: Path, mailbox, port) -> None:
    desk = "Briefing Desk <briefs@example.org>"
    write_config(workdir, port, ["Ana Analyst <ana@example.org>"], sender=desk)
    run = run_brief("send", "--week", WEEK, cwd=workdir)
    assert run.code == 0, run.stderr
    [received] = mailbox.received
    assert (received.mail_from, received.rcpt_tos) == ("briefs@example.org", ["ana@example.org"])
    assert received.message["To"] == "Ana Analyst <ana@example.org>"
    assert received.message["From"] == "Briefing Desk <briefs@example.org>"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ({"recipients": ["ana@example.org", "bob"]}, "email.recipients[1]: 'bob' is not an email address"),
        ({"recipients": "ana@example.org, ben@example.net"}, "is not one email address"),
        ({"sender": "nobody"}, "email.sender: 'nobody' is not an email address"),
        ({"attempts": 0}, "email.attempts: 0 is not a whole number from 1 to 100"),
        ({"retry_delay": "soon"}, "email.retry_delay: 'soon' is not a number of at least 0"),
    ],
)
def test_bad_email_settings_name_the_key(tmp_path: Path, email: dict, message: str) -> None:
    recipients = email.pop("recipients", ["ana@example.org"])
    path = write_config(tmp_path, 25, recipients, **email)
    with pytest.raises(BriefError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)


def test_a_bad_email_setting_is_a_one_line_usage_error(tmp_path: Path) -> None:
    write_config(tmp_path, 25, ["ana@example.org", "bob"])
    run = run_brief("send", "--week", WEEK, cwd=tmp_path)
    assert run.code == 2
    assert run.stderr == "brief: error: brief.toml: email.recipients[1]: 'bob' is not an email address\n"


def test_a_server_that_never_answers_times_out_and_is_retried(workdir: Path) -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        write_config(workdir, silent.getsockname()[1], ["ana@example.org"], timeout=0.3, attempts=2)
        slept: list[float] = []
        report = send_in_process(workdir, slept)
    [failed] = report.failed
    assert failed.attempts == 2 and len(slept) == 1
    assert "timed out" in (failed.error or "")
