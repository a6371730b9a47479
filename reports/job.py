"""The scheduled job: collect, build the last complete period, send it, rebuild the index.

Safe to re-run: a period whose inputs (release ids and hashes), extractor and
tool version are unchanged is not rebuilt, and a recipient who already has a
period's briefing is not sent it again. One run at a time: a lock file in the
output folder holds the running process's id, and a lock its process no longer
holds (the process was killed) is taken over. With a PostgreSQL store, shared by
hosts, a run also holds the database's advisory lock (lock_store).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from reports import __version__
from reports import extract as extraction
from reports.archive import check_output, process_alive, read_manifest, recover_archive, sha256, write_index
from reports.config import Config
from reports.corrections import load_corrections
from reports.deliver import SendReport, Sleep, check_login, credentials, send_briefing
from reports.errors import BriefError, Busy, Terminated
from reports.periods import Period, parse_month, parse_week, range_period, today_in
from reports.pipeline import SourceReport, collect_configured, generate
from reports.store import Store

log = logging.getLogger("brief.job")

LOCK = "brief.lock"
CADENCES = ("week", "month")


class RunLock:
    """An exclusive lock on an output folder: output/brief.lock, holding the owner's pid.

    The kernel's flock does the locking, so a lock whose process died (killed,
    crashed, machine rebooted) is free again at once; the pid in the file names
    the owner in messages. Use as a context manager.
    """

    def __init__(self, output: Path) -> None:
        self.path = output / LOCK
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the lock, or raise Busy naming the process that has it."""
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            try:  # never through a link: a planted brief.lock -> ~/.bashrc must not be truncated
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            except OSError as exc:
                if self.path.is_symlink():
                    raise BriefError(
                        f"{self.path}: is a symbolic link, not brief's lock file; remove it and run again"
                    ) from None
                raise BriefError(f"{self.path}: cannot open the lock file ({exc.strerror})") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid, since = _read_lock(fd)
                os.close(fd)
                raise Busy(
                    f"another brief run is in progress (pid {pid or '?'}, started {since or '?'}; "
                    f"lock file {self.path}); not starting a second one"
                ) from None
            if not _same_file(fd, self.path):  # a finishing run removed it between open and lock
                os.close(fd)
                continue
            pid, _ = _read_lock(fd)
            if pid and pid != os.getpid():
                state = "no longer running" if not process_alive(pid) else "running but not holding it"
                log.warning("taking over the lock %s left by pid %d (%s)", self.path, pid, state)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n{datetime.now(UTC).isoformat(timespec='seconds')}\n".encode(), 0)
            self._fd = fd
            return

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)  # removed while still held, so no one locks a stale file
        finally:
            os.close(self._fd)
            self._fd = None


def lock_store(store: Store) -> None:
    """Take the store's run lock as well: with PostgreSQL, runs on other hosts share the store but not
    the output folder's lock file, and the database's advisory lock keeps them from overlapping."""
    if not store.try_run_lock():
        raise Busy(
            f"another brief run holds the store's run lock (a PostgreSQL advisory lock in {store.url}, "
            "taken by a run on this or another host); not starting a second one"
        )


def _read_lock(fd: int) -> tuple[int | None, str | None]:
    lines = os.pread(fd, 200, 0).decode("ascii", "replace").splitlines()
    pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
    return pid, (lines[1].strip() if len(lines) > 1 else None)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


# Which periods a run builds -------------------------------------------------------


def due_periods(cadence: str, today: date, since: str | None = None) -> list[Period]:
    """The last complete week (or month) before `today`; with `since`, every one from it on, in order.

    due_periods("week", date(2026, 1, 19)) -> [2026-W03]
    due_periods("week", date(2026, 1, 19), since="2026-W01") -> [2026-W01, 2026-W02, 2026-W03]
    """
    if cadence not in CADENCES:
        raise BriefError(f"cadence {cadence!r}: expected one of {', '.join(CADENCES)}")
    parse = parse_week if cadence == "week" else parse_month
    last = parse("last", today)
    if since is None:
        return [last]
    try:
        first = parse(since)
    except BriefError:
        form = "an ISO week such as 2026-W01" if cadence == "week" else "a month such as 2026-01"
        raise BriefError(f"--since {since!r}: a {cadence}ly run catches up from {form}") from None
    if first.start > last.start:
        raise BriefError(f"--since {since}: later than the last complete {cadence}, {last.key}")
    periods = [first]
    while periods[-1].key != last.key:
        periods.append(periods[-1].next())
    return periods


def up_to_date(
    folder: Path, inputs: list[tuple[str, str]], locale: str, corrections: str = "", draft: bool = False
) -> bool:
    """True if `folder` holds a briefing built by this version from exactly these (id, sha256) inputs,
    with the corrections file of this sha256 ('' for none), as a draft or not."""
    manifest = read_manifest(folder)
    if manifest is None or not (folder / "briefing.pdf").is_file():
        return False
    built_with = (manifest.get("corrections") or {}).get("sha256") or ""
    if bool(manifest.get("draft")) != draft or built_with != corrections:
        return False
    built_from = sorted((i.get("release_id"), i.get("sha256")) for i in manifest.get("inputs", []))
    recorded = {f.get("path"): f.get("sha256") for f in manifest.get("files", []) if isinstance(f, dict)}
    return (
        recorded.get("briefing.pdf") == sha256((folder / "briefing.pdf").read_bytes())  # not damaged since
        and manifest.get("version") == __version__
        and manifest.get("extractor", extraction.VERSION) == extraction.VERSION
        and manifest.get("locale", locale) == locale
        and built_from == sorted(inputs)
    )


# The run --------------------------------------------------------------------------


@dataclass
class PeriodResult:
    period: Period
    built: bool
    releases: int
    send: SendReport | None = None
    held: str | None = None  # why it was neither built nor sent (a source failed)
    draft: bool = False  # sent to the reviewers, awaiting approval


@dataclass
class RunReport:
    """What one run did: sources collected, periods built or kept, deliveries."""

    command: str
    run_id: int = 0
    sources: list[SourceReport] = field(default_factory=list)
    periods: list[PeriodResult] = field(default_factory=list)

    @property
    def failed_sources(self) -> list[SourceReport]:
        return [s for s in self.sources if s.failed]

    @property
    def failed_recipients(self) -> list[tuple[str, str, str]]:
        """(period, recipient, error) for every delivery that failed."""
        return [
            (p.period.key, o.recipient, o.error or "")
            for p in self.periods
            if p.send
            for o in p.send.failed
        ]

    @property
    def ok(self) -> bool:
        return not self.failed_sources and not self.failed_recipients

    def counts(self) -> dict[str, Any]:
        sends = [p.send for p in self.periods if p.send]
        return {
            "periods": len(self.periods),
            "built": sum(p.built for p in self.periods),
            "unchanged": sum(not p.built and not p.held for p in self.periods),
            "held": sum(bool(p.held) for p in self.periods),
            "releases": sum(p.releases for p in self.periods),
            "new_releases": sum(s.new + s.updated for s in self.sources),
            "sent": sum(len(s.sent) for s in sends),
            "failed": sum(len(s.failed) for s in sends),
            "already_sent": sum(len(s.already_sent) for s in sends),
            "eml": sum(1 for s in sends if s.eml),
            "drafts": sum(p.draft for p in self.periods),
        }

    def error(self) -> str | None:
        """One line saying what went wrong, for the runs table; None if nothing did."""
        problems = [f"source {s.source}: {s.failed}" for s in self.failed_sources]
        problems += [f"{key} to {recipient}: {error}" for key, recipient, error in self.failed_recipients]
        return "; ".join(problems) or None


@dataclass(frozen=True)
class RunOptions:
    """How a run builds and sends, beyond which periods."""

    locale: str
    force: bool = False
    dry_run: bool = False
    sleep: Sleep = time.sleep
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)


def run_job(
    config: Config,
    *,
    store_url: str,
    output: Path,
    cadence: str,
    locale: str | None = None,
    since: str | None = None,
    force: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    sleep: Sleep = time.sleep,
    environ: Mapping[str, str] = os.environ,
) -> RunReport:
    """The scheduled job, start to end; raises Busy if another run holds the output folder."""
    periods = due_periods(cadence, today or today_in(config.timezone), since)
    options = RunOptions(locale or config.locale, force, dry_run, sleep, environ)
    report = RunReport(f"run --{cadence}ly")
    with _exclusive(config, output, store_url, dry_run=dry_run, environ=environ) as store:
        store.end_abandoned_runs()
        periods = _with_held(store, cadence, periods)
        label = periods[0].key if len(periods) == 1 else f"{periods[0].key}..{periods[-1].key}"
        report.run_id = store.start_run(report.command, label)
        log.info("%s: %s (run %d)", report.command, label, report.run_id)
        try:
            _run(report, store, config, periods, output, options)
        except BaseException as exc:
            store.finish_run(report.run_id, "error", report.counts(), _why(exc))
            raise
        store.finish_run(report.run_id, "ok" if report.ok else "failed", report.counts(), report.error())
    return report


@contextmanager
def terminated_as_error() -> Iterator[None]:
    """Turn SIGTERM into Terminated while the block runs, so a killed run is recorded as ended."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated(f"stopped by signal {signal.Signals(signum).name}")

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _why(exc: BaseException) -> str:
    if isinstance(exc, Terminated | KeyboardInterrupt):
        return str(exc) or "interrupted (Ctrl-C)"
    return f"{type(exc).__name__}: {exc}"


def _with_held(store: Store, cadence: str, periods: list[Period]) -> list[Period]:
    """The due periods and any earlier ones held back because a source failed, oldest first."""
    parse = parse_week if cadence == "week" else parse_month
    held = [parse(key) for key in store.held_periods(cadence)]
    due = {p.key: p for p in [*held, *periods]}
    return sorted(due.values(), key=lambda p: p.start)


def _run(
    report: RunReport, store: Store, config: Config, periods: list[Period], output: Path, options: RunOptions
) -> None:
    report.sources = collect_configured(store, config, range_period(periods[0].start, periods[-1].end))
    for source in report.sources:
        _log_source(source)
    cadence = "week" if report.command == "run --weekly" else "month"
    if report.failed_sources:
        # What was collected may be part of the period only: nothing is built over an archived
        # briefing or mailed from it; the next run tries these periods again.
        reason = "; ".join(f"source {s.source} failed" for s in report.failed_sources)
        for period in periods:
            store.hold_period(period.key, cadence, reason)
            report.periods.append(PeriodResult(period, False, 0, held=reason))
            log.error("%s: not built or sent (%s); the next run tries it again", period.key, reason)
        write_index(output, title=config.title, locale=options.locale)
        return
    for period in periods:
        releases = store.releases_between(period.start, period.end)
        folder = output / period.key
        inputs = [(r.id, r.body_sha256) for r in releases]
        draft = held_for_review(store, config, period)
        fixes = load_corrections(config.corrections).sha256
        built = options.force or not up_to_date(folder, inputs, options.locale, fixes, draft)
        if built:
            generate(store, config, period, output=output, locale=options.locale, draft=draft)
            log.info("%s: built from %d releases%s", period.key, len(releases), " (DRAFT)" if draft else "")
        else:
            log.info("%s: inputs unchanged (%d releases); archived briefing kept", period.key, len(releases))
        result = PeriodResult(period, built, len(releases), draft=draft)
        report.periods.append(result)
        result.send = send_briefing(
            folder,
            config.email,
            store,
            force=options.force,
            dry_run=options.dry_run,
            sleep=options.sleep,
            environ=options.environ,
            draft=draft,
        )
        if result.send.ok:
            store.release_period(period.key)
        if draft and not options.dry_run:
            store.hold_for_approval(period.key, config.email.reviewers)
            log.info("%s: DRAFT sent to the reviewers; awaiting approval (brief approve %s)",
                     period.key, period.options)
    write_index(output, title=config.title, locale=options.locale)


def held_for_review(store: Store, config: Config, period: Period) -> bool:
    """With email.reviewers set, a period is a DRAFT for them until `brief approve` approves it."""
    if not config.email.reviewers:
        return False
    approval = store.approval(period.key)
    return approval is None or approval["status"] != "approved"


@contextmanager
def _exclusive(
    config: Config, output: Path, store_url: str, *, dry_run: bool, environ: Mapping[str, str]
) -> Iterator[Store]:
    """What a command that builds and sends opens with: the login checked before anything is built (a
    half-set one, or one that would go out in clear, is a usage error), the output folder checked, the run
    lock taken (the folder's, and a PostgreSQL store's), and an archive left by a killed run repaired."""
    if config.email.smtp_host and not dry_run:
        check_login(config.email, credentials(environ))
    check_output(output)
    with terminated_as_error(), RunLock(output), Store(store_url) as store:
        lock_store(store)
        recover_archive(output)
        yield store


def approve_period(
    config: Config,
    *,
    store_url: str,
    output: Path,
    period: Period,
    locale: str | None = None,
    dry_run: bool = False,
    sleep: Sleep = time.sleep,
    environ: Mapping[str, str] = os.environ,
) -> SendReport | None:
    """Rebuild a period held for review as final (with today's corrections) and send it to the
    recipients, once; None when it was approved and sent before. Not held: a BriefError."""
    with _exclusive(config, output, store_url, dry_run=dry_run, environ=environ) as store:
        approval = store.approval(period.key)
        if approval is None:
            raise BriefError(f"{period.key}: no briefing awaits approval (brief run with [email] reviewers "
                             "sends a draft first)")
        if approval["status"] == "approved":
            return None
        run_id = store.start_run("approve", period.key)
        try:
            generate(store, config, period, output=output, locale=locale or config.locale)
            report = send_briefing(output / period.key, config.email, store, dry_run=dry_run, sleep=sleep,
                                   environ=environ)
        except BaseException as exc:
            store.finish_run(run_id, "error", error=_why(exc))
            raise
        if report.ok and not dry_run:
            store.mark_approved(period.key)
        counts = {"sent": len(report.sent), "failed": len(report.failed),
                  "already_sent": len(report.already_sent), "built": 1}
        errors = "; ".join(f"{o.recipient}: {o.error}" for o in report.failed) or None
        store.finish_run(run_id, "ok" if report.ok else "failed", counts, errors)
        write_index(output, title=config.title, locale=locale or config.locale)
    return report


def _log_source(report: SourceReport) -> None:
    for rejection in report.rejected:
        log.warning("rejected %s", rejection)
    if report.failed:
        log.error("source %s failed: %s", report.source, report.failed)
        return
    log.info(
        "%s: %d read = %d ingested (%d new, %d updated, %d unchanged) + %d rejected",
        report.source, report.entries, report.ingested, report.new, report.updated, report.unchanged,
        len(report.rejected),
    )


# Scheduling -----------------------------------------------------------------------

SCHEDULE_FILES = ("brief.service", "brief.timer", "brief.cron")
_WHEN = {
    "week": ("weekly", "Mondays at 07:00", "Mon *-*-* 07:00:00", "0 7 * * 1"),
    "month": ("monthly", "on the 1st at 07:00", "*-*-01 07:00:00", "0 7 1 * *"),
}


def schedule_files(
    cadence: str, *, brief: str, workdir: Path, config: Path | None, timezone: str
) -> dict[str, str]:
    """deploy/'s systemd service, timer and cron line with this install's command, folder and config.

    `brief` is the command as a shell would run it ('/opt/brief/.venv/bin/brief').
    """
    import shlex

    from reports.resources import deploy_dir

    name, when, calendar, cron_time = _WHEN[cadence]
    fields = {
        "@BRIEF@": brief,
        "@WORKDIR@": str(workdir),
        "@CONFIG@": shlex.quote(str(config)) if config else "",
        "@CADENCE@": name,
        "@CADENCE_NAME@": name,
        "@WHEN@": f"{when} ({timezone})",
        "@ON_CALENDAR@": f"{calendar} {timezone}",
        "@CRON_TIME@": cron_time,
    }
    files = {}
    for filename in SCHEDULE_FILES:
        text = (deploy_dir() / filename).read_text(encoding="utf-8")
        if config is None:  # no brief.toml: the job runs on the built-in defaults
            text = text.replace(" --config @CONFIG@", "")
        for placeholder, value in fields.items():
            text = text.replace(placeholder, _escape_for(filename, placeholder, value))
        files[filename] = text
    return files


def _escape_for(filename: str, placeholder: str, value: str) -> str:
    """A value as each file's syntax needs it: systemd doubles %, crontab escapes it, shells quote."""
    import shlex

    if filename.endswith(".cron"):
        if placeholder == "@WORKDIR@":
            value = shlex.quote(value)
        return value.replace("%", "\\%")  # a bare % ends the command in a crontab line
    return value.replace("%", "%%")  # WorkingDirectory= takes the path as it is, but % is a specifier


def brief_command() -> str:
    """How this brief was started, as a command line a scheduler can run."""
    import shlex
    import sys

    script = Path(sys.argv[0])
    if script.name == "brief" and script.is_file():
        return shlex.quote(str(script.absolute()))
    return f"{shlex.quote(sys.executable)} -m reports"
