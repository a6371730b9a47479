"""Property tests: whatever the text, extraction never raises, spans lie in the body and quote it,
and each quoted sentence holds the digits of its figure."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.extract.metrics import extract_metrics
from reports.extract.numbers import find_quantities, normalize
from reports.periods import valid_figure_period
from reports.records import Metric, Release

WORDS = [
    "exports",
    "imports",
    "rose",
    "fell",
    "to",
    "of",
    "in",
    "the",
    "by",
    "percent",
    "billion",
    "million",
    "units",
    "tons",
    "record",
    "high",
    "year-on-year",
    "December",
    "2025",
    "(",
    ")",
    ",",
    ".",
    "and",
    "while",
    "up",
    "down",
    "USD",
    "$",
    "KRW",
    "won",
    "%",
    "accounting for",
    "By",
    "destination",
    "Taiwan",
    "&amp;",
    "&#36;",
    "\u2212",
    "\u0663",
    "\u00a0",
    "1,2,3",
    "12..5",
    "$.5",
    "—",
    "–",
    "respectively",
    "April-March",
    "Feb. 1-30",
    "first 40 days of",
    "the 20-day period",
    "Service.Imports",
    "[",
    ";",
]
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
)
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=6)), max_size=80).map(" ".join)


def release(body: str) -> Release:
    return Release("r", "test", "Exports Rise in December 2025", body, date(2026, 1, 15))


_SPACED_GROUPS = re.compile(r"(?<![\d.])\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d,])")


def numbers_in(text: str) -> list[float]:
    """The quote's numbers as written; thousands grouped by spaces ('€2 204.2') also read whole."""
    grouped = _SPACED_GROUPS.sub(lambda m: m.group(0).replace(" ", ""), text)
    return [float(q.digits.replace(",", "")) for t in {text, grouped} for q in find_quantities(normalize(t))]


def holds_its_digits(metric: Metric) -> bool:
    """The figure's value (or its change) is one of the quote's numbers, times a scale word."""
    targets = [abs(metric.value)] if metric.value is not None else []
    if metric.change is not None and metric.change.value is not None:
        targets.append(metric.change.value)
    stated = numbers_in(metric.quote)
    return any(
        abs(number * scale - target) <= 1e-6 * max(target, 1.0)
        for target in targets
        for number in stated
        for scale in (1, 1e3, 1e6, 1e9, 1e12)
    )


def check(body: str) -> list[Metric]:
    found = extract_metrics(release(body))
    for metric in found:
        start, end = metric.span
        assert 0 <= start <= end <= len(body)
        assert body[start:end] == metric.quote
        assert numbers_in(metric.quote)  # the quote states its number, in digits or spelled
        assert holds_its_digits(metric), metric
        assert metric.confidence in ("high", "low") and (metric.confidence == "low") == bool(metric.doubts)
        assert metric.period is None or valid_figure_period(metric.period), metric.period
    return found


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_extracts_without_error_with_spans_in_the_body(body: str) -> None:
    check(body)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_raises(body: str) -> None:
    check(body)


def test_a_sentence_of_200_numbers_gives_typed_figures_only() -> None:
    body = "Exports came to " + ", ".join(f"${n}.5 billion" for n in range(200)) + " in 2025."
    found = check(body)
    assert len(found) == 200 and all(m.unit == "USD" for m in found)


def test_a_sentence_of_200_bare_numbers_gives_none() -> None:
    assert check("The codes were " + " ".join(str(n) for n in range(200)) + ".") == []


def test_a_one_megabyte_body_is_read_to_its_end() -> None:
    filler = "The ministry will continue to support the industry with policy measures. " * 13_700
    body = "Exports in 2025 totaled $700.1 billion. " + filler + "Imports in 2025 totaled $630.2 billion."
    assert len(body) > 1_000_000
    found = check(body)
    assert [m.value for m in found] == [700.1e9, 630.2e9]


def test_an_empty_body_has_no_figures() -> None:
    assert extract_metrics(release("")) == [] and extract_metrics(release("   \n ")) == []


def test_malformed_numbers_are_left_out() -> None:
    assert check("Exports reached $1,2,3 billion, imports $.5 billion and output 12..5 percent.") == []


# Words of the grammar's patterns, in every case, with the letters where str.lower() and re.IGNORECASE part
# ways ('İ', 'ı', 'ſ', the Kelvin sign) and non-ASCII punctuation.
CASE_WORDS = ["Rose", "ROSE", "up", "UP", "Up", "year-on-year", "Year-On-Year", "of", "the", "a", "increase"]
CASE_WORDS += ["respectively", "RECORD", "ſhare", "rıse", "İncrease", "\u212aorea", "US$", "usd", "won"]
CASE_WORDS += ["accounting", "for", "from", "a year earlier", "more than", "2025", "5", ",", "(", "’", " "]
CASE_TEXT = st.lists(st.sampled_from(CASE_WORDS), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(CASE_TEXT, st.integers(min_value=0, max_value=120))
def test_caseless_patterns_find_what_re_ignorecase_finds(text: str, cut: int) -> None:
    from reports.extract import grammar as g
    from reports.extract import numbers

    for pattern in (g.VERB, g.CHANGE_BEFORE, g.SHARE_BEFORE, g.BASIS_ANY, g.RECORD, numbers._BEFORE_CURRENCY):
        fast, exact = pattern.search(text[cut:]), pattern.ignorecase.search(text[cut:])
        assert (fast and (fast.span(), fast.lastgroup)) == (exact and (exact.span(), exact.lastgroup))
        fast_all = [m.span() for m in pattern.finditer(text, cut)]
        assert fast_all == [m.span() for m in pattern.ignorecase.finditer(text, cut)]


def test_caseless_pattern_reads_a_dotless_i_as_re_ignorecase_does() -> None:
    from reports.extract import grammar as g

    assert g.VERB.search("Exports RıSE") is not None  # 'ı' is 'i' to re.IGNORECASE, not to str.lower()
    assert g.VERB.search("Exports ROSE sharply").span() == (8, 12)


def test_a_period_that_cannot_exist_is_never_emitted() -> None:
    body = (
        "Exports rose 5 percent to $3.1 billion in the Feb. 1-30 period. "
        "Imports fell 2 percent to $2.0 billion."
    )
    found = check(body)
    assert [m.value for m in found] == [3.1e9, 2.0e9]
    assert all(m.period is None or "02-30" not in m.period for m in found)


def test_glued_sentences_are_read_apart() -> None:
    body = "The data came from the customs agency.Imports jumped 7.5 percent to $5.0 billion in May 2025."
    (metric,) = check(body)
    assert (metric.subject, metric.value, metric.period) == ("imports", 5.0e9, "2025-05")


def test_unbalanced_brackets_never_raise() -> None:
    check("Exports (up 5 percent [to $3 billion in 2025. Imports) fell 2 percent] to $2 billion (in 2024.")


def test_a_list_of_500_items_is_read_in_linear_pieces() -> None:
    items = ", ".join(f"product{n} {n % 50 + 1}.5 percent" for n in range(500))
    found = check(f"Exports of gadgets rose 3.5 percent, {items}.")
    assert found and all(m.change is None or m.change.unit == "percent" for m in found)
