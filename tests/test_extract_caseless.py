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
    "ſ", "\u212a", "é", "’s", "respectively", "While", "and", "between", "so far this year", "\x1c", "\x1f",
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


def test_the_ascii_copy_of_a_pattern_reads_separators_as_whitespace() -> None:
    """ASCII text is matched by a copy compiled with re.ASCII, where "\\s" is not "\\x1c"-"\\x1f" unless
    spelled so."""
    pattern = Caseless(r"up\s+(?P<n>\S+)[\s-]percent|[]\s]x")
    for text in ("up\x1c5\x1fpercent", "UP\x1d5-percent", "up 5 percent", "]x", "\x1ex", "up\x1e\x1f"):
        assert _spans(pattern.search(text)) == _spans(pattern.ignorecase.search(text))


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


# Pieces of period phrases and what stands near them, cased every way: each first word of grammar.PERIOD's
# alternatives, numbers glued to their suffixes, and the characters where lower() and re.IGNORECASE part ways.
PERIOD_PIECES = [
    "January", "Jan.", "Sept.", "May", "may", "and", "February", "between", "Between", "to", "-", "through",
    "the", "The", "first", "First", "FIRST", "second", "third", "Fourth", "half", "quarter", "of", "2025",
    "1999", "20", "12", "3", "1st", "2nd", "3rd", "4th", "15th", "ten", "days", "months", "quarters", "this",
    "last", "next", "year", "Year-to-date", "year-end", "so", "far", "end", "previous", "past", "cited",
    "period", "H1", "h2", "Q3", "from", "percent", "billion", ",", ".", "$", "(", "fırst", "ſo", "İ", "é",
    "so far this year", "the end of the year", "the previous month", "the first 10 days of",
    "the cited period", "first six months", "three months to March", "twelve months through May",
    "12 months ending June 2025", "two quarters through 2025", "8 days this month",
]  # fmt: skip
PERIOD_TEXTS = st.lists(st.sampled_from(PERIOD_PIECES), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(PERIOD_TEXTS, st.sampled_from([" ", "", "x", "2"]))
def test_period_phrases_are_what_period_finditer_finds(text: str, glue: str) -> None:
    text = text.replace(" ", glue, 1)  # and a word glued to the word before it ("x2025", "Jan2025")
    assert [_spans(m) for m in g.period_phrases(text)] == [_spans(m) for m in g.PERIOD.finditer(text)]


def test_period_phrases_of_the_gold_texts_are_what_period_finditer_finds() -> None:
    for path in sorted(GOLD.glob("*.txt")):
        for release in parse_dump_file(path).releases:
            found = g.period_phrases(release.body)
            assert [_spans(m) for m in found] == [_spans(m) for m in g.PERIOD.finditer(release.body)]


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_a_word_start_spelled_for_speed_finds_what_the_boundary_finds(text: str) -> None:
    for alternative in ("while", r"as(?!\s+well)\b", r"by\s+\w+", "and"):
        fast, plain = re.compile(g.word_start(alternative)), re.compile(rf"\b{alternative}")
        assert [_spans(m) for m in fast.finditer(text)] == [_spans(m) for m in plain.finditer(text)]


# Pieces of basis phrases: each first word of grammar.BASIS's alternatives and the words after it.
BASIS_PIECES = [
    "year-on-year", "on-year", "on", "year", "y-o-y", "YoY", "y/y", "over", "Year-over-year", "annually",
    "an", "annual", "a", "monthly", "quarterly", "yearly", "basis", "the", "compared", "to", "with", "from",
    "than", "earlier", "before", "ago", "in", "March", "previous", "prior", "last", "same", "period", "month",
    "quarter", "time", "of", "versus", "2024", "12.5", "units", "end", "month-on-month", "m-o-m", "m/m",
    "on-month",
    "quarter-on-quarter", "q-o-q", "Q/Q", "on-quarter", "preceding", ",", "fell", "3", "ſame", "İ", "\x1c",
    "from 2024", "same period of last year", "a monthly 3", "an annual 5", "from a year earlier",
    "than the previous month", "on a quarterly basis", "in the year to March", "the same period",
    "compared with 12.5 units last year", "over the same period of 2024", "versus a year ago",
]  # fmt: skip
BASIS_TEXTS = st.lists(st.sampled_from(BASIS_PIECES), max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(BASIS_TEXTS, st.sampled_from([" ", "", "x"]))
def test_basis_phrase_is_what_basis_any_finds(text: str, glue: str) -> None:
    text = text.replace(" ", glue, 1)
    assert _spans(g.basis_phrase(text)) == _spans(g.BASIS_ANY.search(text))


# Pieces of the words before a percentage, with the characters a change's cue never holds.
CUE_PIECES = [
    "up", "Up", "down", "rose", "fell", "an", "a", "the", "increase", "decline", "of", "by", "was",
    "stood at", "about", "year-on-year", "in", "March", "2024", "the first quarter", "(", "[", ",", ";", ":",
    ")", "$", "%", "58.3", "billion", "exports", "a sharp", "respectively", "ſ", "İ", "\x1c",
    "accounting for", "share of", "making up",
]  # fmt: skip
CUE_TEXTS = st.lists(st.sampled_from(CUE_PIECES), max_size=15).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(CUE_TEXTS, st.sampled_from(["", " ", "  ", "\n"]))
def test_a_cue_before_a_figure_is_what_its_pattern_finds(text: str, tail: str) -> None:
    before = text + tail
    for pattern in (g.CHANGE_BEFORE, g.SHARE_BEFORE):
        assert _spans(pattern.search(before, g.cue_start(before))) == _spans(pattern.search(before))
