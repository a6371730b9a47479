"""The pipeline's entry points: each CLI command is one call here.

collect -> store -> extract -> build -> render -> archive
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from reports.archive import ArchiveInput, briefing_summary, write_index, write_period_folder
from reports.collect.dump import DumpResult, Rejection, parse_dump_file
from reports.config import Config, FetchSettings, Source
from reports.corrections import load_corrections
from reports.errors import BriefError
from reports.periods import Period
from reports.records import Release
from reports.render import RenderWorker, render_html
from reports.store import Store

if TYPE_CHECKING:  # live sources (httpx, feedparser, bs4) load only when a feed or board is collected
    from reports.briefing import Briefing  # with the extractors: imported by the commands that build
    from reports.collect.fetch import Fetcher
    from reports.collect.web import WebContext

log = logging.getLogger(__name__)


def __getattr__(name: str) -> object:
    """`pipeline.extraction`: the extractors, imported on first use (their rules compile at import,
    which commands that extract nothing need not pay)."""
    if name == "extraction":
        from reports import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

BATCH = 500  # releases written per commit when ingesting or extracting
HISTORY_YEARS = 2  # how far back generate extracts stored releases for comparisons and trend lines


@dataclass
class SourceReport:
    """What collecting one source did. Entries read = ingested + rejected."""

    source: str
    ingested: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    failed: str | None = None  # why the source could not be read at all

    @property
    def entries(self) -> int:
        return self.ingested + len(self.rejected)


def collect(
    store: Store,
    sources: Sequence[Source],
    period: Period | None = None,
    *,
    fetch: FetchSettings | None = None,
    fetcher: Fetcher | None = None,
    timezone: str = "Asia/Seoul",
    body_limit: int = Config.body_limit,
) -> list[SourceReport]:
    """Collect every source into the store; one failing source never stops the others.

    Live sources (feed, html) share one `fetcher` (default: a polite one made from `fetch`),
    so robots.txt and the per-host delay hold across sources; `period` limits what they read.
    """
    reports = []
    own: Fetcher | None = None
    try:
        for source in sources:
            if source.kind in ("feed", "html"):
                from reports.collect.fetch import Fetcher
                from reports.collect.web import WebContext

                if fetcher is None:
                    fetcher = own = Fetcher(fetch, store=store)
                context = WebContext(fetcher, store, period, timezone)
                reports.append(_collect_web(store, source, context, body_limit))
                continue
            try:
                reports.append(_collect_source(store, source, period, body_limit))
            except BriefError as exc:
                reports.append(SourceReport(source.name, failed=str(exc)))
    finally:
        if own is not None:
            own.close()
    for report in reports:  # the briefing's freshness block says when each source was last read
        store.record_collection(report.source, report.failed)
    return reports


def collect_configured(
    store: Store, config: Config, period: Period | None = None, inputs: Sequence[Path] = ()
) -> list[SourceReport]:
    """What every command collects: the dump files given, else the configured sources for `period`."""
    if inputs:
        return collect_files(store, inputs, body_limit=config.body_limit)
    return collect(
        store,
        config.sources,
        period,
        fetch=config.fetch,
        timezone=config.timezone,
        body_limit=config.body_limit,
    )


def collect_files(
    store: Store, paths: Iterable[Path], *, body_limit: int = Config.body_limit
) -> list[SourceReport]:
    """Ingest dump files given on the command line; an unreadable file is a BriefError.

    Every file is read before any is stored, so an unreadable one leaves the store as it was.
    """
    parsed = [(path, parse_dump_file(path)) for path in list(paths)]
    # Freshness: the sources a file holds were read just now (recorded with its last batch's commit).
    return [
        _store_dump(store, path.name, result, body_limit,
                    collected=list(dict.fromkeys([r.source for r in result.releases] or [path.stem])))
        for path, result in parsed
    ]


def _collect_source(store: Store, source: Source, period: Period | None, body_limit: int) -> SourceReport:
    if source.kind == "dump":
        assert source.path is not None
        return _store_dump(store, source.name, parse_dump_file(source.path, source.name), body_limit)
    raise BriefError(f"source {source.name!r}: kind {source.kind!r} is not supported by this version")


def oversized(release: Release, limit: int) -> Rejection | None:
    """A rejection for a release whose body is longer than `limit` bytes of UTF-8, else None."""
    size = len(release.body.encode("utf-8"))
    if size <= limit:
        return None
    where = release.location or release.url or release.title[:60]
    return Rejection(
        where, f"body of {size:,} bytes is over the limit of {limit:,} (body_limit in brief.toml)"
    )


def _collect_web(store: Store, source: Source, context: WebContext, body_limit: int) -> SourceReport:
    """A feed or board into the store; a failure midway keeps what was stored before it."""
    from reports.collect import feed, html
    from reports.collect.web import Unchanged, store_release

    collector = feed.collect if source.kind == "feed" else html.collect
    from reports.collect.dump import clean_text

    report = SourceReport(source.name)
    counted: set[str] = set()
    context.fetcher.begin_source(source.name)
    try:
        for item in collector(source, context):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                continue
            if isinstance(item, Unchanged):
                outcome, stored_id = "unchanged", item.release.id
            else:
                too_long = oversized(item, body_limit)
                if too_long is not None:
                    report.rejected.append(too_long)
                    continue
                item = replace(item, title=clean_text(item.title), body=clean_text(item.body))
                outcome, stored_id = store_release(store, item)
            if stored_id in counted:
                continue  # seen twice in one run (a board listing it twice)
            counted.add(stored_id)
            setattr(report, outcome, getattr(report, outcome) + 1)
            report.ingested += 1
    except BriefError as exc:
        report.failed = str(exc)
    except Exception as exc:  # what a site sends is not ours to trust: fail the source, not the run
        log.debug("source %s", source.name, exc_info=True)
        report.failed = f"unexpected {type(exc).__name__}: {exc}"
    return report


def _store_dump(
    store: Store, name: str, result: DumpResult, body_limit: int = Config.body_limit,
    collected: Sequence[str] = (),
) -> SourceReport:
    """Store a parsed dump; `collected` names the sources to record as read, with the last batch."""
    report = SourceReport(name, rejected=list(result.rejected))
    releases = list(result.releases)
    for start in range(0, max(len(releases), 1), BATCH):
        with store.batch():  # one commit per batch, not per release
            for release in releases[start : start + BATCH]:
                too_long = oversized(release, body_limit)
                if too_long is not None:
                    report.rejected.append(too_long)
                    continue
                outcome = store.upsert_release(release)
                setattr(report, outcome, getattr(report, outcome) + 1)
                report.ingested += 1
            if start + BATCH >= len(releases):
                for source in collected:
                    store.record_collection(source)
    return report


def ensure_extracted(store: Store, releases: Sequence[Release]) -> int:
    """Extract figures and meetings from releases the current extractor has not read; returns how many."""
    from reports import extract as extraction

    return _extract(store, store.unextracted(releases, extraction.VERSION))


def _extract(store: Store, pending: Sequence[Release]) -> int:
    from reports import extract as extraction

    for start in range(0, len(pending), BATCH):
        with store.batch():  # one commit per batch: an interrupted run keeps the batches before
            for release in pending[start : start + BATCH]:
                found = extraction.extract(release)
                store.save_extraction(release.id, found.metrics, found.meetings, extraction.VERSION)
    return len(pending)


@dataclass(frozen=True)
class Generated:
    folder: Path
    briefing: Briefing


def generate(
    store: Store,
    config: Config,
    period: Period,
    *,
    output: Path,
    locale: str | None = None,
    draft: bool = False,
) -> Generated:
    """Build, render and archive the period's briefing into output/<period>/.

    The figures are corrected by corrections.toml; `draft` marks a briefing held for review.
    Charts and the PDF are made by a RenderWorker, which starts up while this process extracts.
    """
    with RenderWorker.start() as worker:
        return _generate(store, config, period, worker, output=output, locale=locale, draft=draft)


def build_period(
    store: Store,
    config: Config,
    period: Period,
    *,
    locale: str | None = None,
    output: Path | None = None,
    releases: Sequence[Release] | None = None,
) -> Briefing:
    """The period's briefing from the store, as `generate` and `brief review` see it: the period's releases
    and the HISTORY_YEARS before it extracted, corrections applied and, with `output`, compared with the
    briefings archived there (a release revised since is extracted from its text now). `releases` are
    the period's, when the caller has read them already."""
    from reports import extract as extraction
    from reports.briefing import build_briefing
    from reports.revisions import earlier_views, revised_ids

    if releases is None:
        releases = store.releases_between(period.start, period.end)
    ensure_extracted(store, releases)
    # Comparisons and trend lines read the figures of the HISTORY_YEARS before the period too.
    earlier_start = period.start.replace(year=period.start.year - HISTORY_YEARS, day=1)
    day_before = period.start - timedelta(days=1)
    _extract(store, store.unextracted_between(earlier_start, day_before, extraction.VERSION))
    earlier = earlier_views(output, period) if output is not None else None
    if earlier:
        ensure_extracted(store, list(store.releases_by_id(revised_ids(store, earlier)).values()))
    return build_briefing(
        store,
        period,
        title=config.title,
        generated_at=generation_time(config.timezone),
        locale=locale or config.locale,
        source_labels={s.name: s.label or s.name for s in config.sources},
        corrections=load_corrections(config.corrections),
        earlier=earlier,
    )


def _generate(
    store: Store,
    config: Config,
    period: Period,
    worker: RenderWorker,
    *,
    output: Path,
    locale: str | None,
    draft: bool,
) -> Generated:
    from reports import extract as extraction
    from reports import tables

    releases = store.releases_between(period.start, period.end)
    briefing = build_period(store, config, period, locale=locale, output=output, releases=releases)
    briefing = replace(briefing, draft=draft)
    report_stale(briefing)
    drawn = worker.charts(briefing.charts)
    # The PDF's document: charts as images of their SVG, and a long period's summary. The worker
    # lays it out while the HTML page is rendered here.
    printed = render_html(briefing, charts=drawn, author=config.author, for_print=True)
    laid_out = worker.pdf(printed, (output / period.key,), paper=config.page_size, variant=config.pdf_variant)
    html = render_html(briefing, charts=drawn, author=config.author)
    pdf = laid_out()
    files = {
        "briefing.html": html.encode("utf-8"),
        "briefing.pdf": pdf,
        "sources.json": _sources_json(briefing),
        "metrics.csv": tables.metrics_csv(briefing),
        "meetings.csv": tables.meetings_csv(briefing),
    }
    for chart_id, chart in drawn.items():
        files[f"charts/{chart_id}.svg"] = chart.svg.encode("utf-8")
    inputs = [ArchiveInput(r.id, r.body_sha256) for r in releases]
    summary = briefing_summary(briefing)
    extra = {"locale": briefing.locale, "extractor": extraction.VERSION, "summary": summary}
    extra["draft"] = draft
    extra["corrections"] = briefing.corrections.manifest() if briefing.corrections else None
    folder = write_period_folder(output, period.key, files, inputs, extra)
    write_index(output, title=config.title, locale=briefing.locale)
    return Generated(folder, briefing)


def report_stale(briefing: Briefing) -> None:
    """Warn of each correction that no longer fits its release: it was not applied."""
    for stale in briefing.corrections.stale if briefing.corrections else ():
        where = f"{briefing.corrections.path}:{stale.correction.line}" if briefing.corrections.path else ""
        log.warning("%s: stale correction %s (%s) not applied: %s", where, stale.correction.key,
                    stale.correction.action, stale.reason)


def generation_time(timezone: str) -> datetime:
    """Now in the configured timezone, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    zone = ZoneInfo(timezone)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).astimezone(zone)
        except ValueError:
            raise BriefError(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970") from None
    return datetime.now(zone).replace(microsecond=0)


def _sources_json(briefing: Briefing) -> bytes:
    sources = [
        {
            "number": ref.number,
            "release_id": ref.release.id,
            "title": ref.release.title,
            "source": ref.source,
            "category": ref.release.category,
            "date": ref.release.published.isoformat(),
            "url": ref.release.url,
            "location": ref.release.location,
        }
        for ref in briefing.references
    ]
    return (
        json.dumps({"period": briefing.period.key, "sources": sources}, indent=2, ensure_ascii=False) + "\n"
    ).encode()
