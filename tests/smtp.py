"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the delivery tests, with scripted replies."""

from __future__ import annotations

import json
import socket
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
def smtp_server(mailbox: Mailbox | None = None) -> Iterator[tuple[Mailbox, int]]:
    """Run an SMTP server on 127.0.0.1 for the duration; yields the mailbox and the port."""
    mailbox = mailbox or Mailbox()
    port = free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=mailbox.authenticate,
        auth_require_tls=False,  # loopback test server: AUTH over plain SMTP
    )
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


def write_config(folder: Path, port: int | None, recipients: list[str], **email: object) -> Path:
    """brief.toml in `folder` sending through 127.0.0.1:`port` (no SMTP host when port is None)."""
    lines = ["[email]"]
    if port is not None:
        lines += ['smtp_host = "127.0.0.1"', f"smtp_port = {port}", 'tls = "none"']
    settings: dict[str, object] = {
        "sender": "briefs@example.org",
        "subject": "Trade briefing {period}",
        "retry_delay": 0,
        "timeout": 10,
        **email,
    }
    lines += [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    lines.append("recipients = " + json.dumps(recipients))
    path = folder / "brief.toml"
    path.write_text("\n".join(lines) + "\n")
    return path
