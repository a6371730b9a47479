"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the delivery tests, with scripted replies."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    """One message as the server accepted it: the envelope and the parsed content."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """The handler: records what arrives and answers from a script.

    `rcpt_replies[address]` is a list of replies given to the next RCPT TO of that
    address, one per attempt ("451 ..." then nothing left: accepted).
    """

    rcpt_replies: dict[str, list[str]] = field(default_factory=dict)
    drop_first_data: bool = False  # close the connection on the first DATA, as a crashing relay would
    password: str | None = None  # when set, AUTH must give it
    received: list[Received] = field(default_factory=list)
    rcpt_attempts: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)

    def reset(self) -> None:
        self.rcpt_replies.clear()
        self.drop_first_data = False
        self.received.clear()
        self.rcpt_attempts.clear()
        self.logins.clear()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, N802
        self.rcpt_attempts.append(address)
        script = self.rcpt_replies.get(address)
        if script:
            return script.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802
        if self.drop_first_data:
            self.drop_first_data = False
            server.transport.close()
            return "451 4.3.0 connection lost"
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):  # noqa: ANN001
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        return AuthResult(success=password == self.password, handled=False)

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if r.rcpt_tos == [address]]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(
    mailbox: Mailbox | None = None, *, tls: str = "none", context: ssl.SSLContext | None = None
) -> Iterator[tuple[Mailbox, int]]:
    """Run an SMTP server on 127.0.0.1 for the duration; yields the mailbox and the port.

    tls="starttls" offers STARTTLS (and AUTH only after it); tls="ssl" speaks TLS from the start.
    """
    mailbox = mailbox or Mailbox()
    port = free_port()
    options: dict[str, object] = {"authenticator": mailbox.authenticate}
    if tls == "starttls":
        options.update(tls_context=context, require_starttls=True)
    elif tls == "ssl":
        # The whole link is TLS; aiosmtpd only counts STARTTLS as such, so it must be told.
        options.update(ssl_context=context, auth_require_tls=False)
    else:
        options.update(auth_require_tls=False)  # loopback test server: AUTH over plain SMTP
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate and key for 127.0.0.1, made with the openssl command (cert.pem, key.pem)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", str(key),
         "-out", str(cert), "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


def write_config(folder: Path, port: int | None, recipients: list[str], **email: object) -> Path:
    """brief.toml in `folder` sending through 127.0.0.1:`port` (no SMTP host when port is None)."""
    settings: dict[str, object] = {}
    if port is not None:
        settings.update(smtp_host="127.0.0.1", smtp_port=port, tls="none")
    settings.update(
        sender="briefs@example.org",
        subject="Trade briefing {period}",
        retry_delay=0,
        timeout=10,
        recipients=recipients,
    )
    settings.update(email)
    lines = ["[email]", *(f"{key} = {json.dumps(value)}" for key, value in settings.items())]
    path = folder / "brief.toml"
    path.write_text("\n".join(lines) + "\n")
    return path
