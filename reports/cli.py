"""The `brief` command line: parse options, load config, call the pipeline, report."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from reports import __version__
from reports.config import Config, load_config
from reports.errors import BriefError
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
    except Exception as exc:  # a bug: say so plainly, traceback only with --debug
        if "--debug" in (argv if argv is not None else sys.argv):
            raise
        err.print(
            f"brief: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", markup=False
        )
        sys.exit(1)
    sys.exit(0)


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
        click.option("--store", "store_url", help="Store URL (default: sqlite:///output/brief.sqlite)."),
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
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.INFO,
        format="brief: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    # The layout engine's own notes (font subsetting, CSS it skips) are noise unless debugging.
    for noisy in ("weasyprint", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.ERROR)


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
@click.option(
    "--input",
    "inputs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Dump file to ingest (repeatable).",
)
@common_options
def collect(settings: Settings, inputs: tuple[Path, ...]) -> None:
    """Fetch the configured sources (or the given dump files) into the store."""
    from reports import pipeline

    with settings.open_store() as store:
        if inputs:
            reports = pipeline.collect_files(store, inputs)
        else:
            reports = pipeline.collect(store, settings.config.sources)
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

    period = _period(settings, month, week, start, end)
    with settings.open_store() as store:
        reports = (
            pipeline.collect_files(store, inputs)
            if inputs
            else pipeline.collect(store, settings.config.sources, period)
        )
        _report_collection(reports)
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
            continue
        err.print(
            f"{report.source}: {report.entries} read = {report.ingested} ingested "
            f"({report.new} new, {report.updated} updated, {report.unchanged} unchanged) "
            f"+ {len(report.rejected)} rejected",
            markup=False,
        )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
