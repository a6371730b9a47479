"""The dump format: releases separated by a line holding only "-".

    -
    Trade/Investment
    <title>
    <body, one or more lines> date2026-01-15

A malformed entry is rejected with its file, line and reason; the others go
on, and ``len(releases) + len(rejected)`` is the number of entries read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from reports.errors import BriefError
from reports.records import Release, guess_language, release_id

_SEPARATOR = "-"
MAX_DUMP_BYTES = 200_000_000  # a larger file (or an endless one, /dev/zero) is refused, not read
FUTURE_DAYS = 31  # a release dated further ahead than this is a typo in its date, not news
# C0 and C1 controls, form feed and the Unicode line and paragraph separators: never text of a release.
# Only "\n" ends a line of a dump (and "\r" before it); these become spaces.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_DATE_MARK = re.compile(r"\s*\bdate(\S+)\s*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Rejection:
    """An entry that was not ingested, and why."""

    location: str  # "file.txt:12"
    reason: str

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass
class DumpResult:
    """What one or more dump files held: releases and the entries rejected."""

    releases: list[Release] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    # 0-based position of each release among all entries read, rejected ones included.
    positions: list[int] = field(default_factory=list)

    @property
    def entries(self) -> int:
        return len(self.releases) + len(self.rejected)

    def extend(self, other: DumpResult) -> None:
        offset = self.entries
        self.releases.extend(other.releases)
        self.rejected.extend(other.rejected)
        self.positions.extend(offset + position for position in other.positions)


def read_text(path: Path, limit: int = MAX_DUMP_BYTES) -> str:
    """A file's text, or one BriefError naming the file if it is unreadable, too large or not UTF-8."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise BriefError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BriefError(f"{path}: is a folder, not a dump file") from None
    except OSError as exc:
        raise BriefError(f"{path}: cannot read ({exc.strerror})") from None
    if len(raw) > limit:
        raise BriefError(f"{path}: larger than {limit:,} bytes; split it into smaller dump files")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise BriefError(
            f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None


def parse_dump_file(path: Path, source: str | None = None) -> DumpResult:
    """Parse one dump file; `source` names the source (default: the file's stem)."""
    return parse_dump(read_text(path), name=path.name, source=source or path.stem)


def parse_dump(
    text: str, name: str = "<dump>", source: str = "dump", today: date | None = None
) -> DumpResult:
    """Parse dump text; `name` is used in rejection messages ("name:line").

    Two entries with the same title and date are two releases (the second gets its own id)
    unless their text is the same too: then the second is rejected as a duplicate.
    """
    result = DumpResult()
    seen: dict[str, Release] = {}
    latest = (today or date.today()) + timedelta(days=FUTURE_DAYS)
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    for position, (first_line, chunk) in enumerate(_chunks(lines)):
        where = f"{name}:{first_line}"
        try:
            release = _entry(chunk, where, source)
            if release.published > latest:
                raise _Rejected(
                    f"dated {release.published.isoformat()}, more than {FUTURE_DAYS} days from now: "
                    "a mistyped date?"
                )
            release = _distinct(release, seen)
            result.releases.append(release)
            result.positions.append(position)
        except _Rejected as exc:
            reason = str(exc)
            if position == 0 and not _starts_with_separator(text):
                reason = f"stray text before the first '-' separator ({reason})"
            result.rejected.append(Rejection(where, reason))
    return result


class _Rejected(Exception):
    pass


def _distinct(release: Release, seen: dict[str, Release]) -> Release:
    """`release`, with an id of its own if an earlier entry of the dump has its title and date."""
    earlier = seen.get(release.id)
    n = 1
    while earlier is not None:
        if earlier.body_sha256 == release.body_sha256:
            raise _Rejected(f"duplicate of the entry at {earlier.location} (same title, date and text)")
        n += 1  # same title and date, another text: a second release, stably numbered by its order
        release = replace(release, id=release_id(None, f"{release.title} ({n})", release.published))
        earlier = seen.get(release.id)
    seen[release.id] = release
    return release


def clean_text(text: str) -> str:
    """Control characters and line separators as spaces: 'a\x0cb\u2028c' -> 'a b c'."""
    return _CONTROLS.sub(" ", text)


def _starts_with_separator(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.strip() == _SEPARATOR


def _chunks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Split into entries: (line number of the first non-blank line, its non-blank lines)."""
    chunks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if line.strip() == _SEPARATOR:
            if current:
                chunks.append((start, current))
            current = []
            continue
        line = clean_text(line)
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
    if current:
        chunks.append((start, current))
    return chunks


def _entry(lines: list[str], where: str, source: str) -> Release:
    mark = _DATE_MARK.search(lines[-1])
    if mark is None:
        if any(_DATE_MARK.search(line) for line in lines[:-1]):
            raise _Rejected("stray text after the date: nothing may follow 'dateYYYY-MM-DD'")
        raise _Rejected("no date: the body must end with 'dateYYYY-MM-DD'")
    published = _parse_date(mark.group(1))
    lines = [*lines[:-1], lines[-1][: mark.start()].strip()]
    if not lines[-1]:
        lines.pop()
    if len(lines) < 2:
        raise _Rejected("no title: expected a category line, a title line and a body")
    if len(lines) < 3:
        raise _Rejected("empty body: expected a category line, a title line and a body")
    category, title, body = lines[0], lines[1], "\n\n".join(lines[2:])
    return Release(
        id=release_id(None, title, published),
        source=source,
        category=category,
        title=title,
        body=body,
        published=published,
        language=guess_language(title + " " + body),
        location=where,
    )


def _parse_date(text: str) -> date:
    match = _ISO_DATE.match(text)
    if match is None:
        raise _Rejected(f"bad date {text!r}: expected YYYY-MM-DD")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise _Rejected(f"bad date {text!r}: no such day") from None
