"""Deliver: email an archived briefing (PDF attached) to the configured recipients.

One message per recipient, so each recipient sees only their own address and
each outcome is known: a temporary failure (a 4xx reply, a dropped or refused
connection, a timeout) is retried with a doubling delay; a permanent one (5xx)
is recorded for that recipient while the others still get theirs. Every
outcome goes into the store's deliveries table, and a recipient who already
has the period's briefing is not sent it again unless forced.

The SMTP login comes only from BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD; the
password is never logged, stored or written into a message.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from reports import __version__
from reports.archive import ArchivedBriefing, read_briefing, read_manifest, sha256
from reports.config import EmailConfig
from reports.errors import BriefError
from reports.store import Store

log = logging.getLogger("brief.deliver")

EML = "briefing.eml"
MAX_RETRY_DELAY = 600.0  # seconds: a doubling delay stops growing here

Sleep = Callable[[float], None]


# The message -------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingLine:
    """One row of the archived meetings.csv, as the email lists it."""

    date: date | None
    official: str
    counterpart: str
    role: str
    location: str
    topic: str
    source: str


def compose(
    briefing: ArchivedBriefing, email: EmailConfig, to: Sequence[str], pdf: bytes | None = None
) -> EmailMessage:
    """The email for an archived briefing: plain text and HTML bodies, the PDF (`pdf`, else the file)."""
    from reports.render import environment

    env = environment(briefing.locale)
    context = {
        "b": briefing,
        "locale": briefing.locale,
        "meetings": read_meetings(briefing.folder),
        "archive": archive_location(briefing, email),
        "archive_is_link": bool(email.archive_url),
        "attachment": attachment_name(briefing),
    }
    message = EmailMessage()
    message["Subject"] = subject(email.subject, briefing.key)
    message["From"] = email.sender
    if to:
        message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=parseaddr(email.sender)[1].rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a scheduled mailing
    message["X-Mailer"] = f"brief {__version__}"
    message.set_content(env.get_template("email.txt.j2").render(context))
    message.add_alternative(env.get_template("email.html.j2").render(context), subtype="html")
    message.add_attachment(
        briefing.pdf.read_bytes() if pdf is None else pdf,
        maintype="application",
        subtype="pdf",
        filename=context["attachment"],
    )
    return message


def subject(template: str, period: str) -> str:
    """'Trade briefing {period}' -> 'Trade briefing 2026-W03'."""
    try:
        text = template.format(period=period)
    except (KeyError, IndexError, ValueError) as exc:
        raise BriefError(f"email.subject {template!r}: only {{period}} may be filled in ({exc})") from None
    if "\n" in text or "\r" in text:
        raise BriefError(f"email.subject {template!r}: must be one line")
    return text


def attachment_name(briefing: ArchivedBriefing) -> str:
    return f"briefing-{briefing.key}.pdf"


def archive_location(briefing: ArchivedBriefing, email: EmailConfig) -> str:
    """Where readers find the archived copy: under email.archive_url if set, else the folder's path."""
    if email.archive_url:
        return f"{email.archive_url.rstrip('/')}/{briefing.key}/briefing.html"
    return str(briefing.folder.resolve())


def read_meetings(folder: Path) -> list[MeetingLine]:
    """The meetings of an archived briefing, from its meetings.csv (none if it has no such file)."""
    from reports.tables import read_rows

    return [_meeting_line(row) for row in read_rows(folder / "meetings.csv") or []]


def _meeting_line(row: dict[str, str]) -> MeetingLine:
    try:
        day = date.fromisoformat(row.get("date") or "")
    except ValueError:
        day = None
    roles = [part for part in (row.get("counterpart_role"), row.get("organization")) if part]
    return MeetingLine(
        date=day,
        official=row.get("official", ""),
        counterpart=row.get("counterpart", ""),
        role="; ".join(dict.fromkeys(roles)),
        location=row.get("location", ""),
        topic=row.get("topic", ""),
        source=row.get("source", ""),
    )


def write_eml(message: EmailMessage, folder: Path) -> Path:
    """Write the message into the archive folder as briefing.eml (what would have been sent)."""
    target = folder / EML
    staging = folder / f".{EML}.{os.getpid()}"
    staging.write_bytes(bytes(message))
    os.replace(staging, target)
    return target


# Sending ----------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)


def credentials(environ: Mapping[str, str] = os.environ) -> Credentials | None:
    """The SMTP login from BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD, or None to send without one."""
    user, password = environ.get("BRIEF_SMTP_USER"), environ.get("BRIEF_SMTP_PASSWORD")
    if user and password:
        return Credentials(user, password)
    if user or password:
        have, missing = (
            ("BRIEF_SMTP_USER", "BRIEF_SMTP_PASSWORD") if user else ("BRIEF_SMTP_PASSWORD", "BRIEF_SMTP_USER")
        )
        raise BriefError(f"{have} is set but {missing} is not: set both to log in, or neither")
    return None


def is_loopback_host(host: str) -> bool:
    """'localhost', '127.0.0.1', '::1': a server on this machine, where nothing crosses a network."""
    import ipaddress

    name = host.strip().rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def check_login(email: EmailConfig, login: Credentials | None) -> None:
    """Refuse to send a password over an unencrypted link, unless to loopback or explicitly allowed."""
    if login is None or email.tls != "none" or not email.smtp_host:
        return
    if is_loopback_host(email.smtp_host) or email.allow_plaintext_login:
        return
    raise BriefError(
        f"email.tls = \"none\": refusing to send the SMTP password to {email.smtp_host} in clear text; "
        "use tls = \"starttls\" or \"ssl\", or set allow_plaintext_login = true if the link is private"
    )


def secret_forms(login: Credentials) -> list[str]:
    """Every form in which an SMTP exchange may carry the password: as is, base64 of it, and base64 of
    the AUTH PLAIN string ('\\0user\\0password'), padded or not; longest first."""
    import base64

    user, password = login.user.encode(), login.password.encode()
    raw = [password, b"\0" + user + b"\0" + password, user + b"\0" + password]
    forms = {login.password}
    for blob in raw:
        encoded = base64.b64encode(blob).decode()
        forms |= {encoded, encoded.rstrip("="), base64.urlsafe_b64encode(blob).decode().rstrip("=")}
    forms.add(repr(login.password)[1:-1])  # as Python shows it inside an error message
    return sorted((f for f in forms if f), key=len, reverse=True)


@dataclass(frozen=True)
class Outcome:
    """What happened to one recipient's message."""

    recipient: str
    status: str  # sent | failed
    attempts: int
    error: str | None = None


class _Failure(Exception):
    """An SMTP failure, classified: temporary ones are retried."""

    def __init__(self, reason: str, temporary: bool, connection: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.temporary = temporary
        self.connection = connection  # the server could not be used at all: no recipient will fare better


class Mailer:
    """One SMTP session shared by a run's messages, reconnecting after a failure."""

    def __init__(self, email: EmailConfig, login: Credentials | None = None, *, sleep: Sleep = time.sleep):
        if not email.smtp_host:
            raise BriefError("email.smtp_host: not set, so there is no server to send through")
        check_login(email, login)
        self.email = email
        self.login = login
        self.sleep = sleep
        self._smtp: smtplib.SMTP | None = None
        self._broken: str | None = None  # why the server is unusable for the rest of this session

    def __enter__(self) -> Mailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def deliver(self, message: EmailMessage, recipient: str) -> Outcome:
        """Send `message` to one recipient, retrying temporary failures with a doubling delay."""
        attempts = self.email.attempts
        for attempt in range(1, attempts + 1):
            if self._broken:
                return Outcome(recipient, "failed", attempt - 1, self._broken)
            try:
                sender, address = parseaddr(self.email.sender)[1], parseaddr(recipient)[1]
                self._connection().send_message(message, from_addr=sender, to_addrs=[address])
                return Outcome(recipient, "sent", attempt)
            except Exception as exc:  # classified below; anything unexpected is re-raised
                failure = self._classify(exc)
            self._drop()
            reason = self.redact(failure.reason)
            if not failure.temporary or attempt == attempts:
                if failure.connection:
                    self._broken = reason
                return Outcome(recipient, "failed", attempt, reason)
            delay = self.retry_delay(attempt)
            log.warning(
                "%s: %s (attempt %d of %d); retrying in %g s", recipient, reason, attempt, attempts, delay
            )
            self.sleep(delay)
        raise AssertionError("unreachable: the last attempt always returns")

    def retry_delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt `attempt` (1-based): retry_delay, doubling, capped."""
        return min(self.email.retry_delay * 2 ** (attempt - 1), MAX_RETRY_DELAY)

    def redact(self, text: str) -> str:
        """`text` with the password blotted out in every encoding, in case a server echoes it back."""
        if self.login and self.login.password:
            for form in secret_forms(self.login):
                text = text.replace(form, "***")
        return text

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self._smtp = self._connect()
        return self._smtp

    def _connect(self) -> smtplib.SMTP:
        email = self.email
        host, port, timeout = email.smtp_host or "", email.smtp_port, email.timeout
        where = f"{host}:{port}"
        try:
            if email.tls == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    host, port, timeout=timeout, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(host, port, timeout=timeout)
        except Exception as exc:
            raise self._classify(exc, f"cannot connect to {where}") from None
        try:
            smtp.ehlo()
            if email.tls == "starttls":
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if self.login:
                smtp.login(self.login.user, self.login.password)
        except Exception as exc:
            smtp.close()
            raise self._classify(exc, f"{where}: session setup failed") from None
        return smtp

    def _classify(self, exc: BaseException, context: str | None = None) -> _Failure:
        if isinstance(exc, _Failure):
            return exc
        prefix = f"{context}: " if context else ""
        connection = context is not None
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            code, text = next(iter(exc.recipients.values()))
            return _Failure(f"{prefix}{code} {_text(text)}", 400 <= code < 500)
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return _Failure(f"{prefix}login refused: {exc.smtp_code} {_text(exc.smtp_error)}", False, True)
        if isinstance(exc, smtplib.SMTPResponseException):
            code = exc.smtp_code
            return _Failure(f"{prefix}{code} {_text(exc.smtp_error)}", 400 <= code < 500, connection)
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return _Failure(f"{prefix}connection dropped ({exc or 'no reason given'})", True, connection)
        if isinstance(exc, ssl.SSLError | ssl.CertificateError):
            return _Failure(f"{prefix}TLS failed: {exc}", False, True)
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return _Failure(f"{prefix}{exc}", False, True)
        if isinstance(exc, TimeoutError):
            return _Failure(f"{prefix}timed out after {self.email.timeout:g} s", True, True)
        if isinstance(exc, OSError):
            return _Failure(f"{prefix}{exc.strerror or exc}", True, True)
        if isinstance(exc, smtplib.SMTPException):
            return _Failure(f"{prefix}{exc}", False, connection)
        raise exc

    def _drop(self) -> None:
        """Forget the session after a failure: the next attempt starts a clean one."""
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


# Sending an archived briefing ---------------------------------------------------


@dataclass
class SendReport:
    """What sending one period's briefing did, recipient by recipient."""

    period: str
    outcomes: list[Outcome] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    eml: Path | None = None  # written instead of sending

    @property
    def sent(self) -> list[str]:
        return [o.recipient for o in self.outcomes if o.status == "sent"]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed


def verified_pdf(briefing: ArchivedBriefing) -> bytes:
    """The archived PDF's bytes, checked against the sha256 its manifest records; a mismatch is refused."""
    manifest = read_manifest(briefing.folder) or {}
    files = [f for f in manifest.get("files", []) if isinstance(f, dict)]
    recorded = next((f.get("sha256") for f in files if f.get("path") == "briefing.pdf"), None)
    pdf = briefing.pdf.read_bytes()
    if recorded is None:
        raise BriefError(f"{briefing.folder}/manifest.json: lists no sha256 for briefing.pdf; not sending it")
    if sha256(pdf) != recorded:
        raise BriefError(
            f"{briefing.pdf}: does not match the sha256 in its manifest (changed or damaged since it was "
            f"built); not sending it. Rebuild it with brief generate"
        )
    return pdf


def send_briefing(
    folder: Path,
    email: EmailConfig,
    store: Store,
    *,
    force: bool = False,
    dry_run: bool = False,
    sleep: Sleep = time.sleep,
    environ: Mapping[str, str] = os.environ,
    draft: bool = False,
) -> SendReport:
    """Email the briefing archived in `folder` to every recipient who does not have it yet.

    With `dry_run`, or when no SMTP host is configured, the message is written to
    folder/briefing.eml instead and nothing is recorded as delivered. A `draft` goes
    to email.reviewers only, "DRAFT" in its subject, recorded apart from the final.
    """
    briefing = read_briefing(folder)
    if not draft and (read_manifest(folder) or {}).get("draft"):
        approve = f"brief approve {briefing.period.options}"
        raise BriefError(
            f"{briefing.key}: a DRAFT awaiting approval; {approve} sends the final to the recipients"
        )
    if draft:
        email = replace(email, subject=f"DRAFT: {email.subject}", recipients=email.reviewers)
    report = SendReport(briefing.key)
    delivery_key = f"{briefing.key} draft" if draft else briefing.key
    if dry_run or not email.smtp_host:
        report.eml = write_eml(compose(briefing, email, email.recipients, verified_pdf(briefing)), folder)
        why = "dry run" if dry_run else "no email.smtp_host configured"
        log.info("%s: %s; wrote the message to %s", briefing.key, why, report.eml)
        return report
    login = credentials(environ)
    check_login(email, login)
    if not email.recipients:
        log.warning("%s: no email.recipients configured; nothing to send", briefing.key)
        return report
    pdf = verified_pdf(briefing)
    pdf_sha256 = sha256(pdf)
    due = []
    for recipient in dict.fromkeys(email.recipients):
        earlier = None if force else store.delivered(delivery_key, recipient)
        if earlier is None:
            due.append(recipient)
            continue
        report.already_sent.append(recipient)
        rebuilt = "" if earlier["pdf_sha256"] == pdf_sha256 else " (an earlier build; --force sends this one)"
        log.info("%s: already sent to %s at %s%s", briefing.key, recipient, earlier["sent_at"], rebuilt)
    if not due:
        return report
    with Mailer(email, login, sleep=sleep) as mailer:
        for recipient in due:
            outcome = mailer.deliver(compose(briefing, email, [recipient], pdf), recipient)
            store.record_delivery(
                delivery_key, recipient, pdf_sha256, outcome.status, outcome.attempts, outcome.error
            )
            report.outcomes.append(outcome)
            if outcome.status == "sent":
                tries = "" if outcome.attempts == 1 else f" after {outcome.attempts} attempts"
                log.info("%s: sent to %s%s", briefing.key, recipient, tries)
            else:
                log.error("%s: not sent to %s: %s", briefing.key, recipient, outcome.error)
    return report
