"""Nothing hung, nothing leaked: live sources, SMTP and the scheduled run under hostile conditions.

Every server here is real and on 127.0.0.1 (an HTTP server of its own, aiosmtpd); nothing is sent to
any other address. Deadlines are set small so each test takes a few seconds at most.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.smtp import AuthResult

from reports import pipeline
from reports.collect import fetch
from reports.config import FetchSettings, Source
from reports.errors import BriefError
from reports.resources import sample_corpus
from reports.store import Store
from tests.conftest import ROOT, run_brief
from tests.smtp import Mailbox, smtp_server, write_config

WEEK = "2026-W03"
MONDAY = "2026-01-19"
PASSWORD = "s3cret-Pa55word"

Route = Callable[[BaseHTTPRequestHandler], None]


class Web:
    """An HTTP server on 127.0.0.1 whose paths are answered by the test's functions."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                web.hits.append(self.path)
                route = web.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture
def web() -> Iterator[Web]:
    server = Web()
    server.thread.start()
    try:
        yield server
    finally:
        server.server.shutdown()
        server.server.server_close()


def answer(body: bytes, content_type: str = "application/rss+xml", status: int = 200) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def drip(every: float, count: int, headers_too: bool = False) -> Route:
    """One byte each `every` seconds, `count` of them: in the body, or (headers_too) in the header."""

    def route(handler: BaseHTTPRequestHandler) -> None:
        if headers_too:
            head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * count + b"\r\nContent-Length: 0\r\n\r\n"
            for byte in head[:-4]:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(every)
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", str(count))
        handler.end_headers()
        for _ in range(count):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(every)

    return route


# 3. A total deadline per request and per source; Crawl-delay capped ---------------------------------


def test_a_server_dripping_its_body_is_cut_off_at_the_deadline(web: Web) -> None:
    web.routes["/feed.xml"] = drip(0.25, 40)  # 10 s in all, each read answered well within the timeout
    fetcher = fetch.Fetcher(FetchSettings(timeout=2, deadline=1.0, retries=0, delay=0))
    started = time.monotonic()
    with pytest.raises(fetch.FetchError, match=r"took longer than 1 s in all \(fetch.deadline\)"):
        fetcher.get(web.url("/feed.xml"))
    assert time.monotonic() - started < 4


def test_a_server_dripping_its_headers_is_cut_off_at_the_deadline(web: Web) -> None:
    web.routes["/feed.xml"] = drip(0.25, 40, headers_too=True)
    fetcher = fetch.Fetcher(FetchSettings(timeout=2, deadline=1.0, retries=0, delay=0))
    started = time.monotonic()
    with pytest.raises(fetch.FetchError, match="fetch.deadline"):
        fetcher.get(web.url("/feed.xml"))
    assert time.monotonic() - started < 4


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Exports rise</title><link>http://127.0.0.1:{port}/a1</link>
<pubDate>Wed, 14 Jan 2026 09:00:00 +0900</pubDate>
<description>Exports rose 5% in December.</description></item></channel></rss>"""


def feed_source(web: Web) -> Source:
    return Source("feed", "feed", url=web.url("/feed.xml"), options={"article": "never"})


def test_a_crawl_delay_beyond_the_cap_skips_the_source_with_a_reason(web: Web, tmp_path: Path) -> None:
    web.routes["/robots.txt"] = answer(b"User-agent: *\nCrawl-delay: 86400\n", "text/plain")
    web.routes["/feed.xml"] = answer(RSS.replace(b"{port}", str(web.port).encode()))
    slept: list[float] = []
    fetcher = fetch.Fetcher(FetchSettings(delay=0), sleep=slept.append)
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        (report,) = pipeline.collect(store, [feed_source(web)], fetcher=fetcher)
    assert report.failed and "Crawl-delay" in report.failed and "86400 s" in report.failed
    assert "fetch.max_crawl_delay" in report.failed
    assert all(s <= 60 for s in slept)
    assert "/feed.xml" not in web.hits


ARTICLES = (
    b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>"""
    + b"".join(
        b"<item><title>Release %d</title><link>http://127.0.0.1:{port}/a%d</link>"
        b"<pubDate>Wed, 14 Jan 2026 09:00:00 +0900</pubDate></item>" % (n, n)
        for n in (1, 2, 3)
    )
    + b"</channel></rss>"
)


def test_a_live_release_over_the_body_limit_is_rejected_and_counted(web: Web, tmp_path: Path) -> None:
    web.routes["/feed.xml"] = answer(RSS.replace(b"{port}", str(web.port).encode()))
    fetcher = fetch.Fetcher(FetchSettings(delay=0), sleep=lambda s: None)
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        (report,) = pipeline.collect(store, [feed_source(web)], fetcher=fetcher, body_limit=10)
        assert store.count_releases() == 0
    assert (report.entries, report.ingested, report.failed) == (1, 0, None)
    (rejection,) = report.rejected
    assert rejection.reason == "body of 28 bytes is over the limit of 10 (body_limit in brief.toml)"
    assert rejection.location.endswith("/a1")


def test_a_source_past_its_deadline_stops_and_keeps_what_it_stored(web: Web, tmp_path: Path) -> None:
    now = [0.0]
    web.routes["/feed.xml"] = answer(ARTICLES.replace(b"{port}", str(web.port).encode()))
    for n in (1, 2, 3):
        page = answer(
            b"<html><body><div class='text'>Exports rose %d%%.</div></body></html>" % n, "text/html"
        )

        def slow(handler: BaseHTTPRequestHandler, page: Route = page) -> None:
            now[0] += 200.0  # each article takes 200 s on the fetcher's clock
            page(handler)

        web.routes[f"/a{n}"] = slow
    fetcher = fetch.Fetcher(
        FetchSettings(delay=0, source_deadline=300), sleep=lambda s: None, clock=lambda: now[0]
    )
    source = Source(
        "feed", "feed", url=web.url("/feed.xml"), options={"article": "always", "body": "div.text"}
    )
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        (report,) = pipeline.collect(store, [source], fetcher=fetcher)
        stored = sorted(r.title for r in store.releases_of("feed"))
    assert report.failed == (
        "source 'feed': stopped after 300 s (fetch.source_deadline); what was stored before is kept"
    )
    assert stored == ["Release 1", "Release 2"] and report.ingested == 2
    assert "/a3" not in web.hits


# 13. Redirects to internal addresses from a public source -------------------------------------------


def resolver(table: dict[str, list[str]]) -> Callable[[str], list[str]]:
    return lambda host: table.get(host, [])


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/",
        "http://192.168.1.1/admin",
        "http://127.0.0.1:8080/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://metadata.internal/",
    ],
)
def test_a_public_source_may_not_redirect_to_an_internal_address(target: str) -> None:
    names = {
        "www.motir.go.kr": ["203.0.113.20"],
        "metadata.internal": ["169.254.169.254"],
        **{h: [h] for h in ("169.254.169.254", "10.0.0.5", "192.168.1.1", "127.0.0.1")},
        "::1": ["::1"],
        "fe80::1": ["fe80::1"],
        "::ffff:127.0.0.1": ["::ffff:127.0.0.1"],
    }
    names["www.motir.go.kr"] = ["8.8.8.8"]  # a global address (the table only; nothing is sent)
    refusal = fetch.redirect_refusal("https://www.motir.go.kr/press", target, resolver(names))
    assert refusal is not None and "refused" in refusal


def test_redirects_between_public_hosts_or_inside_an_intranet_are_followed() -> None:
    names = {
        "a.example": ["8.8.8.8"],
        "b.example": ["8.8.4.4"],
        "intranet": ["10.1.2.3"],
        "wiki": ["10.1.2.4"],
    }
    assert fetch.redirect_refusal("https://a.example/x", "https://b.example/y", resolver(names)) is None
    assert fetch.redirect_refusal("http://intranet/x", "http://wiki/y", resolver(names)) is None


def test_a_redirect_to_loopback_from_a_public_source_is_not_followed(web: Web) -> None:
    # 127.0.0.1 stands in for a public site (the resolver says so); the redirect leads to localhost.
    web.routes["/feed.xml"] = redirect(web.url("/secret", host="localhost"))
    web.routes["/secret"] = answer(b"internal", "text/plain")
    names = {"127.0.0.1": ["8.8.8.8"], "localhost": ["127.0.0.1"]}
    fetcher = fetch.Fetcher(FetchSettings(delay=0, retries=0), resolve=resolver(names))
    with pytest.raises(fetch.FetchError, match=r"redirect to localhost \(127.0.0.1\) refused"):
        fetcher.get(web.url("/feed.xml"))
    assert "/secret" not in web.hits
    on_loopback = fetch.Fetcher(FetchSettings(delay=0, retries=0))  # a source on loopback may
    assert on_loopback.get(web.url("/feed.xml")).content == b"internal"


# 2. A failed source never yields an empty briefing over a good one, nor an empty mail -------------------


def source_config(folder: Path, port: int | None, dump: Path) -> None:
    write_config(folder, port, ["ana@example.org"])
    text = (folder / "brief.toml").read_text()
    sources = f'[[sources]]\nname = "motir"\nkind = "dump"\npath = "{dump}"\n\n'
    (folder / "brief.toml").write_text(sources + text)


def test_generate_with_a_failed_source_keeps_the_archived_briefing(tmp_path: Path) -> None:
    shutil.copy(sample_corpus(), tmp_path / "releases.txt")
    source_config(tmp_path, None, tmp_path / "releases.txt")
    first = run_brief("generate", "--week", WEEK, cwd=tmp_path)
    assert first.code == 0, first.stderr
    manifest = (tmp_path / "output" / WEEK / "manifest.json").read_bytes()
    (tmp_path / "releases.txt").unlink()  # the source now fails; a new store knows none of its releases
    again = run_brief("generate", "--week", WEEK, "--store", "sqlite:///fresh.sqlite", cwd=tmp_path)
    assert again.code == 1
    assert "not built: source motir failed (the archived briefing is kept)" in again.stderr
    assert (tmp_path / "output" / WEEK / "manifest.json").read_bytes() == manifest
    assert json.loads(manifest)["summary"]["releases"] > 0


def test_a_run_whose_source_failed_mails_nothing_and_the_next_run_sends_the_period(
    tmp_path: Path, server: tuple[Mailbox, int], mailbox: Mailbox
) -> None:
    source_config(tmp_path, server[1], tmp_path / "releases.txt")  # no such file yet: the source fails
    failed = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=tmp_path)
    assert failed.code == 1
    assert mailbox.received == []  # no "No releases were published in this period"
    assert not (tmp_path / "output" / WEEK).exists()
    assert f"{WEEK}: not built or sent (source motir failed); the next run tries it again" in failed.stderr
    shutil.copy(sample_corpus(), tmp_path / "releases.txt")
    # The next scheduled run is a week later: it builds and sends the held week as well as its own.
    later = run_brief("run", "--weekly", "--as-of", "2026-01-26", cwd=tmp_path)
    assert later.code == 0, later.stderr
    subjects = sorted(r.message["Subject"] for r in mailbox.received)
    assert subjects == ["Trade briefing 2026-W03", "Trade briefing 2026-W04"]
    held = next(r for r in mailbox.received if r.message["Subject"].endswith(WEEK))
    assert "No releases were published" not in held.message.get_body(("plain",)).get_content()


# 3. A run stopped by SIGTERM is recorded as ended, and its lock freed ------------------------------------


def test_a_run_killed_by_sigterm_is_recorded_as_ended(web: Web, tmp_path: Path) -> None:
    web.routes["/feed.xml"] = drip(0.2, 1000)  # a feed that takes minutes to arrive
    (tmp_path / "brief.toml").write_text(
        f'[[sources]]\nname = "slow"\nkind = "feed"\nurl = "{web.url("/feed.xml")}"\n'
        "[fetch]\ndelay = 0\ntimeout = 5\n"
    )
    job = subprocess.Popen(
        [sys.executable, "-m", "reports", "run", "--weekly", "--as-of", MONDAY],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while "/feed.xml" not in web.hits and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "/feed.xml" in web.hits
        job.send_signal(signal.SIGTERM)
        _, stderr = job.communicate(timeout=20)
    finally:
        job.kill()
    assert job.returncode == 1, stderr
    with sqlite3.connect(tmp_path / "output" / "brief.sqlite") as db:
        status, ended, error = db.execute("SELECT status, ended_at, error FROM runs").fetchone()
    assert (status, error) == ("error", "stopped by signal SIGTERM") and ended
    assert not (tmp_path / "output" / "brief.lock").exists()


def test_a_run_left_running_by_a_kill_is_closed_by_the_next(workdir: Path) -> None:
    with Store(f"sqlite:///{workdir / 'output' / 'brief.sqlite'}") as store:
        store.start_run("run --weekly", WEEK)  # as a SIGKILLed run leaves it
    run = run_brief("send", "--week", WEEK, "--dry-run", cwd=workdir)
    assert run.code == 0, run.stderr
    with sqlite3.connect(workdir / "output" / "brief.sqlite") as db:
        rows = db.execute("SELECT command, status, error FROM runs ORDER BY id").fetchall()
    assert rows == [
        ("run --weekly", "error", "ended without finishing (killed or crashed)"),
        ("send", "ok", None),
    ]


# 4. No password over a clear-text link to another machine --------------------------------------------




def send(workdir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SEND, str(workdir)],
        cwd=workdir,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


# `brief send`, with every SMTP connection made to 127.0.0.1 whatever the configured host: the
# config can name a remote mail server while no packet leaves this machine.
SEND = """
import smtplib, socket, sys
port = int(open(sys.argv[1] + "/port").read())
def loopback(self, host, p, timeout):
    return socket.create_connection(("127.0.0.1", port), timeout)
smtplib.SMTP._get_socket = loopback
from reports.cli import main
main(["send", "--week", "2026-W03"])
"""


def test_no_login_in_clear_text_to_a_host_off_this_machine(workdir: Path, server, mailbox: Mailbox) -> None:  # noqa: ANN001
    mailbox.password = PASSWORD
    write_config(workdir, server[1], ["ana@example.org"], smtp_host="mail.example.org")
    (workdir / "port").write_text(str(server[1]))
    done = send(workdir, BRIEF_SMTP_USER="briefs", BRIEF_SMTP_PASSWORD=PASSWORD)
    assert done.returncode == 2, done.stderr
    assert "refusing to send the SMTP password to mail.example.org in clear text" in done.stderr
    assert mailbox.logins == [] and mailbox.received == []
    write_config(
        workdir, server[1], ["ana@example.org"], smtp_host="mail.example.org", allow_plaintext_login=True
    )
    allowed = send(workdir, BRIEF_SMTP_USER="briefs", BRIEF_SMTP_PASSWORD=PASSWORD)
    assert allowed.returncode == 0, allowed.stderr
    assert mailbox.logins == [("briefs", PASSWORD)]


# 11. A server echoing the AUTH argument never gets the password into stderr or the store -------------------


def test_an_echoed_auth_argument_is_redacted_in_every_encoding(workdir: Path, mailbox: Mailbox) -> None:
    echo = Mailbox()
    plain = base64.b64encode(f"\0briefs\0{PASSWORD}".encode()).decode()

    def refuse_echoing(server, session, envelope, mechanism, auth_data):  # noqa: ANN001, ANN202
        return AuthResult(success=False, handled=False, message=f"535 5.7.8 bad credentials {plain}")

    echo.authenticate = refuse_echoing  # type: ignore[method-assign]
    with smtp_server(echo) as (_, port):
        write_config(workdir, port, ["ana@example.org"])
        run = run_brief(
            "send",
            "--week",
            WEEK,
            cwd=workdir,
            env={"BRIEF_SMTP_USER": "briefs", "BRIEF_SMTP_PASSWORD": PASSWORD},
        )
    assert run.code == 1 and "login refused: 535" in run.stderr
    with sqlite3.connect(workdir / "output" / "brief.sqlite") as db:
        stored = json.dumps(
            db.execute("SELECT * FROM deliveries").fetchall() + db.execute("SELECT * FROM runs").fetchall()
        )
    for text in (run.stderr, stored):
        assert plain not in text and plain.rstrip("=") not in text and PASSWORD not in text
    assert "bad credentials ***" in run.stderr


# 9. An archived PDF that no longer matches its manifest is not mailed -------------------------------------


def test_a_pdf_changed_since_it_was_archived_is_not_mailed(workdir: Path, server, mailbox: Mailbox) -> None:  # noqa: ANN001
    pdf = workdir / "output" / WEEK / "briefing.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"%tampered\n")
    write_config(workdir, server[1], ["ana@example.org"])
    run = run_brief("send", "--week", WEEK, cwd=workdir)
    assert run.code == 2 and mailbox.received == []
    assert "briefing.pdf: does not match the sha256 in its manifest" in run.stderr
    dry = run_brief("send", "--week", WEEK, "--dry-run", cwd=workdir)  # nor written as the message to send
    assert dry.code == 2 and not (workdir / "output" / WEEK / "briefing.eml").exists()


def test_plaintext_login_refusal_is_a_config_error_before_any_connection() -> None:
    from reports.config import EmailConfig
    from reports.deliver import Credentials, check_login

    login = Credentials("u", "p")
    with pytest.raises(BriefError, match="in clear text"):
        check_login(EmailConfig(smtp_host="smtp.example.org", tls="none"), login)
    check_login(EmailConfig(smtp_host="127.0.0.1", tls="none"), login)
    check_login(EmailConfig(smtp_host="localhost", tls="none"), login)
    check_login(EmailConfig(smtp_host="smtp.example.org", tls="starttls"), login)


def test_a_run_rebuilds_a_damaged_pdf_instead_of_keeping_it(workdir: Path, server, mailbox: Mailbox) -> None:  # noqa: ANN001
    pdf = workdir / "output" / WEEK / "briefing.pdf"
    pdf.write_bytes(pdf.read_bytes()[:-200])  # cut short on disk after it was built
    write_config(workdir, server[1], ["ana@example.org"])
    run = run_brief("run", "--weekly", "--as-of", MONDAY, cwd=workdir)
    assert run.code == 0, run.stderr
    (received,) = mailbox.received
    attached = next(part for part in received.message.iter_attachments()).get_content()
    manifest = json.loads((workdir / "output" / WEEK / "manifest.json").read_text())
    recorded = next(f["sha256"] for f in manifest["files"] if f["path"] == "briefing.pdf")
    assert hashlib.sha256(attached).hexdigest() == recorded == hashlib.sha256(pdf.read_bytes()).hexdigest()
