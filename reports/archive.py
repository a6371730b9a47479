"""The archive: one folder per period, written whole or not at all."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reports import __version__
from reports.errors import BriefError
from reports.periods import Period, parse_key

if TYPE_CHECKING:
    from reports.briefing import Briefing

MANIFEST = "manifest.json"
INDEX = "index.html"


@dataclass(frozen=True)
class ArchiveInput:
    """A release the briefing was built from, as the manifest records it."""

    release_id: str
    sha256: str


def write_period_folder(
    output: Path,
    key: str,
    files: dict[str, bytes],
    inputs: list[ArchiveInput],
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write `files` (relative name -> bytes) and manifest.json into output/<key>/ atomically.

    The folder is built beside its final place and renamed into it, so a reader
    sees the old folder or the new one, never a half-written one.
    """
    check_output(output)
    recover_archive(output)
    final = output / key
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.{STAGING}{os.getpid()}.", dir=output))
    try:
        manifest = _manifest(key, files, inputs, extra or {})
        everything = {**files, MANIFEST: (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()}
        for name, content in sorted(everything.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_synced(target, content)
        for folder in {(staging / name).parent for name in everything}:
            _fsync_dir(folder)
        os.chmod(staging, 0o755)
        _replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


STAGING = "staging-"  # .<key>.staging-<pid>.<random>: a folder being written by process <pid>
RETIRED = ".old"  # .<key>.old: the folder a new one is replacing, kept only between two renames


def check_output(output: Path) -> None:
    """The archive folder must be a folder brief can write: else one BriefError naming it."""
    if output.exists() and not output.is_dir():
        raise BriefError(f"--output {output}: is a file, not a folder")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefError(f"--output {output}: cannot make the folder ({exc.strerror})") from None
    if not os.access(output, os.W_OK | os.X_OK):
        raise BriefError(f"--output {output}: the folder is not writable")


def recover_archive(output: Path) -> list[str]:
    """Undo what a killed run left: restore .<key>.old when <key> is missing, else drop it, and remove
    staging folders of processes no longer running. Returns what it did, one line each."""
    done = []
    for entry in sorted(output.iterdir()) if output.is_dir() else ():
        name = entry.name
        if not (name.startswith(".") and entry.is_dir() and not entry.is_symlink()):
            continue
        if name.endswith(RETIRED):
            final = output / name[1 : -len(RETIRED)]
            if final.exists():
                shutil.rmtree(entry, ignore_errors=True)
                done.append(f"removed {name}")
            else:
                entry.rename(final)
                done.append(f"restored {final.name} from {name}")
        elif f".{STAGING}" in name:
            pid = name.split(f".{STAGING}", 1)[1].split(".", 1)[0]
            if pid.isdigit() and not process_alive(int(pid)):
                shutil.rmtree(entry, ignore_errors=True)
                done.append(f"removed {name}")
    if done:
        _fsync_dir(output)
    return done


def process_alive(pid: int) -> bool:
    """Does a process with this id run on this machine (this one included)?"""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_synced(path: Path, content: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of an archived period, or None if there is none."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _manifest(
    key: str, files: dict[str, bytes], inputs: list[ArchiveInput], extra: dict[str, Any]
) -> dict[str, Any]:
    return {
        "tool": "brief",
        "version": __version__,
        "period": key,
        "inputs": [{"release_id": i.release_id, "sha256": i.sha256} for i in inputs],
        "files": [
            {"path": name, "sha256": sha256(content), "bytes": len(content)}
            for name, content in sorted(files.items())
        ],
        **extra,
    }


def _replace(staging: Path, final: Path) -> None:
    """Rename staging into place. Replacing is two renames; a kill between them leaves .<key>.old,
    which recover_archive puts back."""
    if not final.exists():
        staging.rename(final)
        _fsync_dir(final.parent)
        return
    retired = final.with_name(f".{final.name}{RETIRED}")
    shutil.rmtree(retired, ignore_errors=True)
    final.rename(retired)
    staging.rename(final)
    _fsync_dir(final.parent)
    shutil.rmtree(retired, ignore_errors=True)


# The summary: what an email and the index show of a briefing, kept in its manifest ----------------


def briefing_summary(briefing: Briefing) -> dict[str, Any]:
    """The manifest's "summary": title, generation time, counts and headline figures as printed.

    Emails and the archive index read it, so they never rebuild the briefing.
    """
    return {
        "title": briefing.title,
        "generated_at": briefing.generated_at.isoformat(),
        "releases": briefing.release_count,
        "sources": briefing.source_count,
        "headlines": [
            {
                "label": h.label,
                "value": h.value_text,
                "change": h.change_text,
                "period": h.figure.period_text,
                "record": bool(h.figure.metric.record),
                "source": h.figure.cite.ref,
            }
            for h in briefing.headlines
        ],
        "freshness": [
            {
                "source": f.name,
                "label": f.label,
                "releases": f.releases,
                "newest": f.newest.isoformat() if f.newest else None,
                "last_collection_failed": f.failed,
                "warning": f.warning or None,
            }
            for f in briefing.freshness
        ],
        # What changed since the last archived briefing of the same kind (reports/revisions.py).
        "revisions": [r.to_json() for r in briefing.revisions],  # type: ignore[attr-defined]
        "whats_new": briefing.whats_new.to_json() if briefing.whats_new else None,  # type: ignore[attr-defined]
    }


@dataclass(frozen=True)
class HeadlineText:
    """A headline figure as the briefing printed it: 'ICT exports', 'USD 264.3 billion', '+22.2% y/y'."""

    label: str
    value: str
    change: str = ""
    period: str = ""
    record: bool = False
    source: int | None = None


@dataclass(frozen=True)
class SourceStatus:
    """A source's freshness as the manifest records it: a warning is 'failed', 'empty' or ''."""

    label: str
    releases: int
    failed: str | None = None
    warning: str = ""


@dataclass(frozen=True)
class ArchivedBriefing:
    """One period folder of the archive, as the index and the email describe it."""

    folder: Path
    period: Period
    generated_at: datetime | None
    title: str | None
    releases: int | None
    headlines: tuple[HeadlineText, ...]
    locale: str = "en"
    freshness: tuple[SourceStatus, ...] = ()
    revised: int = 0  # releases revised since the last briefing (the email's first line says so)

    @property
    def freshness_warnings(self) -> tuple[SourceStatus, ...]:
        return tuple(source for source in self.freshness if source.warning)

    @property
    def key(self) -> str:
        return self.period.key

    @property
    def lead(self) -> HeadlineText | None:
        return self.headlines[0] if self.headlines else None

    @property
    def pdf(self) -> Path:
        return self.folder / "briefing.pdf"

    @property
    def html(self) -> Path:
        return self.folder / "briefing.html"

    @property
    def has_html(self) -> bool:
        return self.html.is_file()


def read_briefing(folder: Path) -> ArchivedBriefing:
    """The archived briefing in `folder`; a folder with no manifest or no PDF is a BriefError."""
    try:
        period = parse_key(folder.name)
    except BriefError:
        raise BriefError(f"{folder}: not an archive folder (its name is not a period)") from None
    manifest = read_manifest(folder)
    if manifest is None or not (folder / "briefing.pdf").is_file():
        raise BriefError(f"{folder}: no archived briefing here (expected manifest.json and briefing.pdf)")
    summary = manifest.get("summary") or {}
    return ArchivedBriefing(
        folder=folder,
        period=period,
        generated_at=_generated_at(folder, summary),
        title=summary.get("title"),
        releases=summary.get("releases", _release_count(folder)),
        headlines=tuple(_headline(h) for h in summary.get("headlines", []) if isinstance(h, dict)),
        locale=str(manifest.get("locale") or "en"),
        freshness=tuple(_source_status(f) for f in summary.get("freshness", []) if isinstance(f, dict)),
        revised=len(summary.get("revisions") or []) if isinstance(summary.get("revisions"), list) else 0,
    )


def archived_briefings(output: Path) -> list[ArchivedBriefing]:
    """Every briefing folder under `output`, newest period first."""
    found = []
    for folder in output.iterdir() if output.is_dir() else ():
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            found.append(read_briefing(folder))
        except BriefError:
            continue  # not a briefing folder (or one being written): the index leaves it out
    return sorted(found, key=lambda b: (b.period.end, b.period.start, b.key), reverse=True)


def write_index(output: Path, *, title: str = "Briefings", locale: str = "en") -> Path:
    """Write output/index.html: every archived briefing, newest first, linking its PDF and HTML."""
    from reports.render import environment

    briefings = archived_briefings(output)
    template = environment(locale).get_template("index.html.j2")
    html = template.render(title=title, briefings=briefings, locale=locale)
    output.mkdir(parents=True, exist_ok=True)
    target = output / INDEX
    staging = target.with_name(f".{INDEX}.{os.getpid()}")
    staging.write_text(html, encoding="utf-8")
    os.replace(staging, target)
    return target


def _headline(data: dict[str, Any]) -> HeadlineText:
    source = data.get("source")
    return HeadlineText(
        label=str(data.get("label", "")),
        value=str(data.get("value", "")),
        change=str(data.get("change") or ""),
        period=str(data.get("period") or ""),
        record=bool(data.get("record")),
        source=source if isinstance(source, int) else None,
    )


def _source_status(data: dict[str, Any]) -> SourceStatus:
    releases = data.get("releases")
    failed = data.get("last_collection_failed")
    return SourceStatus(
        label=str(data.get("label") or data.get("source") or ""),
        releases=releases if isinstance(releases, int) else 0,
        failed=str(failed) if failed else None,
        warning=str(data.get("warning") or ""),
    )


def _generated_at(folder: Path, summary: dict[str, Any]) -> datetime | None:
    """From the summary; for folders written before it existed, when the PDF was written."""
    text = summary.get("generated_at")
    if isinstance(text, str):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    try:
        return datetime.fromtimestamp((folder / "briefing.pdf").stat().st_mtime, UTC)
    except OSError:
        return None


def _release_count(folder: Path) -> int | None:
    """For folders written before the summary existed: how many releases sources.json lists."""
    try:
        sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return len(sources) if isinstance(sources, list) else None
