"""The speed devices of extraction change no result: a case-insensitive pattern run on a lower-cased copy
(grammar.Caseless, which keeps the copy of the text it read last) finds what re.IGNORECASE finds, and a
release's figures do not depend on the releases read before it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.collect.dump import parse_dump_file
from reports.extract import grammar as g
from reports.extract.grammar import Caseless
from reports.extract.metrics import extract_metrics
from reports.records import Release

GOLD = Path(__file__).parent / "gold"

# Pieces of release English, cased every way, with the characters where lower() and re.IGNORECASE part
# ways ("İ", dotless "ı", long "ſ") and one that lower-cases to ASCII (the Kelvin sign).
PIECES = [
    "Exports", "EXPORTS", "rose", "ROSE", "fell", "up", "Up", "percent", "from", "a year earlier", "the",
    "previous", "month", "last month", "(", ")", ",", ".", " ", "  ", "\n", "12.3", "2025", "$", "İ", "ı",
    "ſ", "\u212a", "é", "’s", "respectively", "While", "and", "between", "so far this year",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)

PATTERNS = [
    g.VERB,
    g.CHANGE_BEFORE,
    g.BASIS_ANY,
    g.HEAD,
    g.CLAUSE_BOUNDARY,
    Caseless(r"\b(?:up|rose)\s+(?P<n>[\d.]+)\s*percent"),
    Caseless(r"previous|preceding|ago|earlier"),
]


def _spans(match: re.Match[str] | None) -> tuple | None:
    if match is None:
        return None
    return tuple(match.span(n) for n in range(len(match.groups()) + 1))


@settings(max_examples=150, deadline=None)
@given(TEXTS, TEXTS, st.integers(0, 80), st.integers(0, 200))
def test_caseless_finds_what_ignorecase_finds(text: str, other: str, pos: int, endpos: int) -> None:
    for pattern in PATTERNS:
        reference = pattern.ignorecase
        # twice on the same text (the kept copy is used), and after another text (it is replaced)
        for probe in (text, text, other, text):
            assert _spans(pattern.search(probe)) == _spans(reference.search(probe))
            assert _spans(pattern.search(probe, pos, endpos)) == _spans(reference.search(probe, pos, endpos))
            assert _spans(pattern.match(probe, pos)) == _spans(reference.match(probe, pos))
            found = [_spans(m) for m in pattern.finditer(probe, pos, endpos)]
            assert found == [_spans(m) for m in reference.finditer(probe, pos, endpos)]


def test_a_release_reads_the_same_whatever_was_read_before() -> None:
    """No memo of one release leaks into the next: each release's figures are the same read first, read
    last, or read after every other."""
    releases = [*parse_dump_file(GOLD / "metrics-sample.txt").releases]
    releases += parse_dump_file(GOLD / "metrics-written.txt").releases[:10]
    releases.append(
        Release(
            "glued",
            "test",
            "March Exports",
            "Exports in March 2025 totaled US$58.3 billion, up 3.1 percent from a year earlier. Imports rose "
            "2.0% to $51.2 billion.By destination, exports increased to China (up 12.3 percent) and Japan "
            "(up 4.5 percent), respectively.",
            date(2025, 4, 1),
        )
    )
    forward = [extract_metrics(release) for release in releases]
    backward = [extract_metrics(release) for release in reversed(releases)][::-1]
    alone = []
    for release in releases:
        extract_metrics(releases[-1])  # something else read just before
        alone.append(extract_metrics(release))
    assert sum(len(found) for found in forward) > 50
    assert forward == backward == alone
