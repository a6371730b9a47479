"""The `brief` command line: parse options, load config, call the pipeline, report."""

from __future__ import annotations

import functools
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from reports import __version__
from reports.config import Config, load_config
from reports.errors import BriefError, Busy, Terminated
from reports.periods import Period, parse_period, today_in

if TYPE_CHECKING:
    from reports.pipeline import SourceReport  # imported by the commands that run the pipeline

err = Console(stderr=True, highlight=False, soft_wrap=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: BriefError -> one line on stderr and exit 2; a bug -> exit 1."""
    try:
        cli.main(args=argv, prog_name="brief", standalone_mode=False)
    except click.exceptions.Abort:
        err.print("brief: aborted")
        sys.exit(1)
    except click.ClickException as exc:
        err.print(f"brief: {exc.format_message()}", markup=False)
        sys.exit(exc.exit_code)
    except BriefError as exc:
        err.print(f"brief: error: {exc}", markup=False)
        sys.exit(2)
    except Busy as exc:  # another run holds the output folder or the store: not a usage error
        err.print(f"brief: error: {exc}", markup=False)
        sys.exit(1)
    except Terminated as exc:  # SIGTERM during a run: recorded in the runs table, the lock released
        err.print(f"brief: {exc}; the run is recorded as ended in error", markup=False)
        sys.exit(1)
    except _store_errors() as exc:  # a store damaged, locked, full or gone under a running command
        why = " ".join(str(exc).split()) or type(exc).__name__
        err.print(f"brief: error: the store cannot be used: {why} (check --store or store in brief.toml)",
                  markup=False)
        sys.exit(1 if "full" in str(exc) or "locked" in str(exc) else 2)
    except Exception as exc:  # a bug: say so plainly, traceback only with --debug
        if "--debug" in (argv if argv is not None else sys.argv):
            raise
        err.print(
            f"brief: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", markup=False
        )
        sys.exit(1)
    sys.exit(0)


def _store_errors() -> tuple[type[BaseException], ...]:
    """The store drivers' error classes: sqlite3's, and psycopg's once a PostgreSQL store loaded it."""
    from reports.postgres import errors

    return (sqlite3.DatabaseError, *errors())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brief")
def cli() -> None:
    """Turn a period's government press releases into a cited briefing."""


def common_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --store, --output, --locale, --debug: the options every command takes."""
    options = [
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path),
            help="brief.toml (default: ./brief.toml, else built-in defaults).",
        ),
        click.option("--store", "store_url", help="Store URL (default: sqlite:///output/brief.sqlite; "
                     "postgresql://USER@HOST/DB for a shared store)."),
        click.option(
            "--output",
            "output_dir",
            type=click.Path(path_type=Path),
            help="Archive folder (default: output/).",
        ),
        click.option(
            "--locale", type=click.Choice(["en", "ko"]), help="Language and number formats of the briefing."
        ),
        click.option("--debug", is_flag=True, help="Show tracebacks and debug logs."),
    ]
    for option in reversed(options):
        command = option(command)

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        debug = kwargs.pop("debug")
        _setup_logging(debug)
        config = load_config(kwargs.pop("config_path"))
        settings = Settings(config, kwargs.pop("store_url"), kwargs.pop("output_dir"), kwargs.pop("locale"))
        return command(settings, **kwargs)

    return wrapper


def _setup_logging(debug: bool) -> None:
    """Log lines on stderr that read well in a terminal, the journal and cron mail."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_LogFormat())
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, handlers=[handler])
    # The layout and chart engines' own notes (font subsetting and fallback, CSS they skip) are noise
    # unless debugging.
    for noisy in ("weasyprint", "fontTools", "httpx", "httpcore", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.ERROR)


class _LogFormat(logging.Formatter):
    """'brief: sent to a@example.org', 'brief: warning: ...', 'brief: error: ...': one line each,
    as the journal and cron mail show them (both add their own timestamps)."""

    def format(self, record: logging.LogRecord) -> str:
        level = "" if record.levelno == logging.INFO else f"{record.levelname.lower()}: "
        return f"brief: {level}{record.getMessage()}"


class Settings:
    """Config file values overridden by command-line options."""

    def __init__(self, config: Config, store_url: str | None, output: Path | None, locale: str | None):
        self.config = config
        self.output = output or config.output
        if store_url:
            self.store_url = store_url
        elif output and config.path is None:
            self.store_url = f"sqlite:///{output / 'brief.sqlite'}"
        else:
            self.store_url = config.store
        self.locale = locale or config.locale

    def open_store(self) -> Any:
        from reports.store import Store

        return Store(self.store_url)


def period_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--month", help="A calendar month: YYYY-MM, or 'last'."),
        click.option("--week", help="An ISO week: YYYY-Www, or 'last'."),
        click.option("--from", "start", help="First day, YYYY-MM-DD (with --to)."),
        click.option("--to", "end", help="Last day, YYYY-MM-DD (with --from)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _period(
    settings: Settings, month: str | None, week: str | None, start: str | None, end: str | None
) -> Period:
    today = today_in(settings.config.timezone) if "last" in (month, week) else None
    return parse_period(month, week, start, end, today=today)


@cli.command()
@period_options
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Dump file to ingest (repeatable).",
)
@common_options
def collect(
    settings: Settings,
    month: str | None,
    week: str | None,
    start: str | None,
    end: str | None,
    inputs: tuple[Path, ...],
) -> None:
    """Fetch the configured sources (or the given dump files) into the store.

    With a period, live sources read only that period's releases.
    """
    from reports import pipeline

    period = _period(settings, month, week, start, end) if (month or week or start or end) else None
    with settings.open_store() as store:
        reports = pipeline.collect_configured(store, settings.config, period, inputs)
    _report_collection(reports)
    if any(r.failed for r in reports):
        sys.exit(1)


@cli.command()
@period_options
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Ingest these dump files first (repeatable).",
)
@common_options
def generate(
    settings: Settings,
    month: str | None,
    week: str | None,
    start: str | None,
    end: str | None,
    inputs: tuple[Path, ...],
) -> None:
    """Build the period's briefing into output/<period>/ (briefing.pdf, briefing.html, ...)."""
    from reports import pipeline
    from reports.archive import check_output

    period = _period(settings, month, week, start, end)
    check_output(settings.output)
    with settings.open_store() as store:
        collected = pipeline.collect_configured(store, settings.config, period, inputs)
        _report_collection(collected)
        failed = [r.source for r in collected if r.failed]
        if failed:  # part of the period only: never built over the archive, nor shown as all there is
            archived = (settings.output / period.key).is_dir()
            kept = "the archived briefing is kept" if archived else "nothing built"
            err.print(
                f"brief: error: {period.key} not built: source {', '.join(failed)} failed ({kept}); "
                "run again once it answers",
                markup=False,
            )
            sys.exit(1)
        result = pipeline.generate(
            store, settings.config, period, output=settings.output, locale=settings.locale
        )
    b = result.briefing
    counts = f"{_plural(b.release_count, 'release')} from {_plural(b.source_count, 'source')}"
    err.print(f"briefing {period.key}: {counts}")
    click.echo(str(result.folder / "briefing.pdf"))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv", "table"]), default="json", show_default=True
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def extract(paths: tuple[Path, ...], fmt: str, debug: bool) -> None:
    """Print the figures and meetings found in dump files, without a store."""
    from reports.extract import formats as extracting

    result = extracting.extract_files(paths)
    for rejection in result.rejected:
        err.print(f"brief: rejected {rejection}", markup=False)
    click.echo(extracting.formats[fmt](result), nl=False)
    err.print(f"{result.entries} entries: {len(result.releases)} extracted, {len(result.rejected)} rejected")


def _report_collection(reports: list[SourceReport]) -> None:
    for report in reports:
        for rejection in report.rejected:
            err.print(f"brief: rejected {rejection}", markup=False)
        if report.failed:
            err.print(f"brief: source {report.source} failed: {report.failed}", markup=False)
            if not report.entries:
                continue  # else: what it stored before failing
        err.print(
            f"{report.source}: {report.entries} read = {report.ingested} ingested "
            f"({report.new} new, {report.updated} updated, {report.unchanged} unchanged) "
            f"+ {len(report.rejected)} rejected",
            markup=False,
        )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# The scheduled job, sending, run history, scheduling --------------------------------


@cli.command("run")
@click.option("--weekly", is_flag=True, help="Build and send the last complete ISO week.")
@click.option("--monthly", is_flag=True, help="Build and send the last complete month.")
@click.option("--since", help="Catch up: every period from this one (2026-W01 or 2026-01) to the last.")
@click.option("--force", is_flag=True, help="Rebuild even with unchanged inputs; send to everyone again.")
@click.option("--dry-run", is_flag=True, help="Write each message to its folder as briefing.eml instead.")
@click.option("--as-of", "as_of", help="Run as if today were this day, YYYY-MM-DD (default: today).")
@click.option("--quiet", is_flag=True, help="Only warnings and errors on stderr (cron mails only those).")
@common_options
def run_command(
    settings: Settings,
    weekly: bool,
    monthly: bool,
    since: str | None,
    force: bool,
    dry_run: bool,
    as_of: str | None,
    quiet: bool,
) -> None:
    """The scheduled job: collect, build the last complete period, send it, rebuild output/index.html."""
    from reports.job import run_job
    from reports.periods import parse_day

    if weekly == monthly:
        raise click.UsageError("give --weekly or --monthly" + (", not both" if weekly else ""))
    cadence = "week" if weekly else "month"
    if quiet:
        logging.getLogger().setLevel(logging.WARNING)
    try:
        report = run_job(
            settings.config,
            store_url=settings.store_url,
            output=settings.output,
            cadence=cadence,
            locale=settings.locale,
            since=since,
            force=force,
            dry_run=dry_run,
            today=parse_day(as_of, "--as-of") if as_of else None,
        )
    except OverflowError:
        raise BriefError(f"--as-of {as_of}: outside the calendar brief can work with") from None
    counts = report.counts()
    periods = ", ".join(p.period.key for p in report.periods)
    summary = (
        f"{report.command} {periods}: {counts['built']} built, {counts['unchanged']} unchanged; "
        f"{counts['sent']} sent, {counts['failed']} failed, {counts['already_sent']} already sent"
    )
    if report.ok:
        logging.getLogger("brief").info(summary)
        return
    logging.getLogger("brief").error(f"{summary} (run {report.run_id}: {report.error()})")
    sys.exit(1)


@cli.command()
@period_options
@click.option("--dry-run", is_flag=True, help="Write the message to the folder as briefing.eml instead.")
@click.option("--force", is_flag=True, help="Send even to recipients who already have this briefing.")
@common_options
def send(
    settings: Settings,
    month: str | None,
    week: str | None,
    start: str | None,
    end: str | None,
    dry_run: bool,
    force: bool,
) -> None:
    """Email an archived briefing to the configured recipients."""
    from reports.archive import check_output, recover_archive
    from reports.deliver import send_briefing
    from reports.job import RunLock, lock_store, terminated_as_error

    period = _period(settings, month, week, start, end)
    folder = settings.output / period.key
    check_output(settings.output)
    with terminated_as_error(), RunLock(settings.output), settings.open_store() as store:
        lock_store(store)
        recover_archive(settings.output)  # under the lock: a run swapping a folder is not "repaired"
        if not folder.is_dir():
            raise BriefError(
                f"no archived briefing for {period.key} in {settings.output}/ "
                "(make it with brief generate first)"
            )
        store.end_abandoned_runs()
        run_id = store.start_run("send", period.key)
        try:
            report = send_briefing(folder, settings.config.email, store, force=force, dry_run=dry_run)
        except BaseException as exc:
            store.finish_run(run_id, "error", error=f"{type(exc).__name__}: {exc}")
            raise
        counts = {"sent": len(report.sent), "failed": len(report.failed)}
        counts["already_sent"] = len(report.already_sent)
        errors = "; ".join(f"{o.recipient}: {o.error}" for o in report.failed) or None
        store.finish_run(run_id, "ok" if report.ok else "failed", counts, errors)
    if report.eml:
        click.echo(str(report.eml))
        return
    summary = (
        f"{period.key}: {counts['sent']} sent, {counts['failed']} failed, "
        f"{counts['already_sent']} already sent"
    )
    if not report.ok:
        logging.getLogger("brief").error(summary)
        sys.exit(1)
    logging.getLogger("brief").info(summary)


@cli.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="How many runs.")
@common_options
def runs(settings: Settings, limit: int) -> None:
    """The latest runs, newest first: when, what, counts, status and error."""
    from rich.table import Table
    from rich.text import Text

    with settings.open_store() as store:
        rows = store.runs(limit)
        waiting = store.awaiting_approval()
    _print_awaiting(waiting)
    if not rows:
        err.print("brief: no runs recorded yet")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("run", "command", "period", "started (UTC)", "took", "status"):
        table.add_column(column, no_wrap=True)
    table.add_column("counts", overflow="fold", min_width=16)
    table.add_column("error", overflow="fold", min_width=16)
    styles = {"ok": "green", "failed": "red", "error": "red", "running": "yellow"}
    for row in rows:
        counts = " ".join(f"{key}={value}" for key, value in sorted(row["counts"].items()) if value)
        table.add_row(
            str(row["id"]),
            Text(row["command"]),
            Text(row["period"] or ""),
            Text(row["started_at"].replace("T", " ").removesuffix("+00:00")),
            _took(row["started_at"], row["ended_at"]),
            Text(row["status"], style=styles.get(row["status"], "")),
            Text(counts),
            Text(row["error"] or ""),
        )
    # Piped or in cron mail there is no terminal width: lay the table out wide rather than fold it.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _print_awaiting(waiting: list[dict[str, Any]]) -> None:
    """Briefings held for review: whose draft went to whom, and the command that sends the final."""
    from reports.periods import parse_key

    for held in waiting:
        when = held["drafted_at"].replace("T", " ").removesuffix("+00:00")
        click.echo(
            f"awaiting approval: {held['period']} "
            f"(DRAFT sent to {', '.join(held['reviewers'])} at {when} UTC; "
            f"send it with: brief approve {parse_key(held['period']).options})"
        )


def _took(started: str, ended: str | None) -> str:
    from datetime import datetime

    if not ended:
        return ""
    seconds = (datetime.fromisoformat(ended) - datetime.fromisoformat(started)).total_seconds()
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


@cli.command()
@click.option("--weekly/--monthly", "weekly", default=True, help="The weekly job (default) or monthly.")
@click.option(
    "--write",
    "write_to",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write brief.service, brief.timer and brief.cron into this folder instead of printing them.",
)
@common_options
def schedule(settings: Settings, weekly: bool, write_to: Path | None) -> None:
    """Print a systemd service and timer, and a cron line, set up for this install."""
    from reports.job import brief_command, schedule_files

    config = settings.config.path.resolve() if settings.config.path else None
    files = schedule_files(
        "week" if weekly else "month",
        brief=brief_command(),
        workdir=Path.cwd(),
        config=config,
        timezone=settings.config.timezone,
    )
    places = {
        "brief.service": "~/.config/systemd/user/brief.service",
        "brief.timer": "~/.config/systemd/user/brief.timer",
        "brief.cron": "crontab -e (instead of the timer)",
    }
    if write_to is not None:
        write_to.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (write_to / name).write_text(text, encoding="utf-8")
            click.echo(str(write_to / name))
    else:
        for name, text in files.items():
            click.echo(f"# ===== {places[name]}")
            click.echo(text)
    if config is None:
        err.print("brief: note: no brief.toml here, so the job runs on the built-in defaults", markup=False)


# Checking source configs -------------------------------------------------------------


@cli.group()
def sources() -> None:
    """Work with the configured sources."""


@sources.command("check")
@common_options
def sources_check(settings: Settings) -> None:
    """Fetch each configured source once and show whether its selectors match (nothing is stored)."""
    from reports.collect.check import check_sources

    checks = check_sources(settings.config)
    for check in checks:
        click.echo(f"{check.source} ({check.kind}): {'ok' if check.ok else 'PROBLEM'}  {check.where}")
        if check.matches:
            found = ", ".join(f"{name} {matched}" for name, matched in check.matches.items())
            click.echo(f"  selectors: {found}")
        click.echo(f"  items: {check.items}")
        if check.newest_title is not None:
            day = check.newest_date.isoformat() if check.newest_date else "no date"
            click.echo(f"  newest: {day}  {check.newest_title}")
        if check.body_line is not None:
            click.echo(f"  body: {check.body_line}")
        for problem in check.problems:
            click.echo(f"  problem: {problem}")
    if not all(check.ok for check in checks):
        sys.exit(1)


# Review, corrections and approval -------------------------------------------------------


@cli.command()
@click.argument("args", nargs=-1)
@period_options
@click.option("--drop", is_flag=True, help="Leave the figure KEY out of every briefing.")
@click.option("--set", "set_fields", is_flag=True, help="Correct KEY's fields: FIELD=VALUE ... after KEY.")
@click.option("--confirm", is_flag=True, help="Mark KEY as checked: high confidence, as extracted.")
@click.option("--add", "add_release", metavar="RELEASE_ID", help="Add a figure the extractor missed.")
@click.option("--quote", help="With --add: the release's sentence that states the figure.")
@click.option("--by", help="Who makes the correction (default: $BRIEF_REVIEWER, else the login name).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--input", "inputs", multiple=True, type=click.Path(path_type=Path), help="Ingest these dump files first."
)
@common_options
def review(
    settings: Settings,
    args: tuple[str, ...],
    month: str | None,
    week: str | None,
    start: str | None,
    end: str | None,
    drop: bool,
    set_fields: bool,
    confirm: bool,
    add_release: str | None,
    quote: str | None,
    by: str | None,
    fmt: str,
    inputs: tuple[Path, ...],
) -> None:
    """List a period's cover, low-confidence and failed-check figures; or correct one by its KEY.

    \b
    brief review --month 2026-01
    brief review KEY --drop | --confirm | --set subject="ICT exports" period=2025-12 value=22e9
    brief review --add RELEASE_ID --quote "..." subject=... value=... unit=USD period=2025-12
    """
    from reports import pipeline
    from reports import review as reviewing
    from reports.corrections import append_correction, load_corrections, who

    keys = [a for a in args if "=" not in a]
    pairs = [a for a in args if "=" in a]
    actions = [name for name, on in (("drop", drop), ("set", set_fields), ("confirm", confirm),
                                     ("add", add_release is not None)) if on]
    if len(actions) > 1:
        raise click.UsageError(f"give one of --drop, --set, --confirm, --add (not {' and '.join(actions)})")
    has_period = bool(month or week or start or end)
    period = _period(settings, month, week, start, end) if has_period else None
    path = settings.config.corrections
    with settings.open_store() as store:
        if inputs or (period is not None and not actions):
            _report_collection(pipeline.collect_configured(store, settings.config, period, inputs))
        if not actions:
            if keys or pairs:
                raise click.UsageError("a KEY or FIELD=VALUE needs --drop, --set, --confirm or --add")
            if period is None:
                raise click.UsageError("give a period (--month, --week or --from/--to) to list its figures")
            listed = reviewing.review_period(store, settings.config, period, locale=settings.locale)
            _print_review(listed, fmt)
            return
        action = actions[0]
        if action == "add":
            if keys:
                raise click.UsageError("--add takes no KEY: give RELEASE_ID, --quote and FIELD=VALUE ...")
            release = reviewing.find_release(store, add_release or "")
            correction = reviewing.added_correction(
                release, quote or "", reviewing.parse_assignments(pairs), by=who(by)
            )
        else:
            if len(keys) != 1:
                raise click.UsageError(f"--{action} takes one KEY (brief review --month ... lists them)")
            if pairs and action != "set":
                raise click.UsageError(f"FIELD=VALUE goes with --set, not --{action}")
            found = reviewing.find_figure(store, keys[0], period, load_corrections(path))
            correction = reviewing.correction_for(
                action, found, reviewing.parse_assignments(pairs), by=who(by)  # type: ignore[arg-type]
            )
    append_correction(path, correction)
    err.print(f"{path}: {correction.action} {correction.key} by {correction.by}", markup=False)
    click.echo(correction.key)


def _print_review(result: Any, fmt: str) -> None:
    import json

    from rich.table import Table
    from rich.text import Text

    if fmt == "json":
        click.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
        return
    for stale in result.stale:
        err.print(f"brief: warning: stale correction {stale.correction.key} (line {stale.correction.line}): "
                  f"{stale.reason}; not applied", markup=False)
    if not result.items and not result.checks:
        err.print(f"brief: {result.period.key}: nothing to review (no figures on the cover, none doubtful)")
        return
    title = f"Figures to review, {result.period.key}"
    table = Table(box=None, header_style="bold", pad_edge=False, title=title)
    for column in ("key", "why", "figure", "value", "change", "period", "[n]"):
        table.add_column(column, no_wrap=column in ("key", "[n]"))
    table.add_column("confidence", overflow="fold")
    table.add_column("sentence", overflow="fold", min_width=30)
    for item in result.items:
        f = item.figure
        confidence = f.metric.checked or f.metric.confidence
        if f.metric.doubts:
            confidence += ": " + "; ".join(f.metric.doubts)
        table.add_row(
            item.key, ", ".join(item.reasons), Text(f.label), Text(f.value_text), Text(f.change_text),
            Text(f.period_text), f"[{f.cite.ref}]", Text(confidence), Text(f.metric.quote),
        )
    console = Console(width=None if sys.stdout.isatty() else 200)
    console.print(table)
    for failed in result.checks:
        keys = ", ".join(failed.keys) or "-"
        console.print(Text(f"failed check: {failed.check.description}: {failed.check.arithmetic} "
                           f"(figures {keys})"))


@cli.command()
@period_options
@click.option("--dry-run", is_flag=True, help="Write the message to the folder as briefing.eml instead.")
@common_options
def approve(
    settings: Settings, month: str | None, week: str | None, start: str | None, end: str | None, dry_run: bool
) -> None:
    """Send a briefing held for review (a DRAFT sent to the reviewers) to the recipients, once."""
    from reports.job import approve_period

    period = _period(settings, month, week, start, end)
    report = approve_period(
        settings.config, store_url=settings.store_url, output=settings.output, period=period,
        locale=settings.locale, dry_run=dry_run,
    )
    if report is None:
        logging.getLogger("brief").info(f"{period.key}: already approved and sent; nothing sent")
        return
    if report.eml:
        click.echo(str(report.eml))
        return
    summary = f"{period.key} approved: {len(report.sent)} sent, {len(report.failed)} failed, " \
              f"{len(report.already_sent)} already sent"
    if not report.ok:
        logging.getLogger("brief").error(summary)
        sys.exit(1)
    logging.getLogger("brief").info(summary)


@cli.group("store")
def store_group() -> None:
    """The store itself: copy it from one back-end to another."""


@store_group.command("copy")
@click.option("--from", "source", required=True, help="The store to read: sqlite:///PATH or postgresql://...")
@click.option("--to", "target", required=True, help="An empty store to fill: postgresql://... or sqlite:///PATH")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logs.")
def store_copy(source: str, target: str, debug: bool) -> None:
    """Copy every release, figure, meeting, run and delivery into an empty store, counts checked."""
    from reports.store import copy_store

    _setup_logging(debug)
    copied = copy_store(source, target)
    rows = ", ".join(f"{n} {table}" for table, n in copied.items())
    logging.getLogger("brief").info(f"store copy: {rows}; the same counts on both sides")
