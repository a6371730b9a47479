"""The hand-labeled gold files under tests/gold are consistent with their releases and the conventions.

These tests check the labels themselves (not any extractor): every release parses, every label sits on
its release, quotes are real sentences of the body holding the figure's digits, and only the shared
vocabulary is used. A labeled set is a pair NAME.txt (dump format) + NAME.json (`brief extract` JSON).
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from reports.collect.dump import parse_dump_file
from reports.records import Release, release_id

GOLD = Path(__file__).resolve().parent / "gold"
PAIRS = sorted(path.with_suffix("") for path in GOLD.glob("*.json") if path.with_suffix(".txt").exists())

CURRENCIES = {"USD", "KRW", "EUR", "JPY", "CNY", "GBP", "AUD", "CAD"}
UNITS = CURRENCIES | {
    "units",
    "vehicles",
    "tons",
    "barrels",
    "barrels per day",
    "cubic feet per day",
    "cubic feet",
    "cubic meters",
    "jobs",
    "companies",
    "ships",
    "CGT",
    "GWh",
    "MW",
    "TEU",
    "visitors",
    "points",
    "percent",
}
CHANGE_UNITS = {"percent", "percentage points"}
DIRECTIONS = {"up", "down", "flat"}
BASES = {"yoy", "mom", "qoq", "cumulative", None}
QUALIFIERS = {
    None,
    "about",
    "over",
    "nearly",
    "more than",
    "almost",
    "around",
    "up to",
    "at least",
    "less than",
    "under",
}
KINDS = {"meeting", "visit", "call", "video_call", "talks", "forum", "signing", "roundtable", "courtesy_call"}
METRIC_KEYS = {
    "subject",
    "metric_id",
    "value",
    "unit",
    "period",
    "change",
    "record",
    "qualifier",
    "dimension",
    "member",
    "quote",
    "span",
}
MEETING_KEYS = {
    "date",
    "official",
    "counterpart",
    "counterpart_role",
    "organization",
    "location",
    "topic",
    "kind",
    "planned",
    "attendees",
    "quote",
    "span",
}
_MONTHLY = r"\d{4}-(0[1-9]|1[0-2])"
PERIOD = re.compile(rf"^(\d{{4}}|{_MONTHLY}|\d{{4}}-Q[1-4]|\d{{4}}-H[12]|{_MONTHLY}/{_MONTHLY})$")


def _pair_id(stem: Path) -> str:
    return stem.name


@pytest.fixture(params=PAIRS, ids=_pair_id, scope="module")
def pair(request: pytest.FixtureRequest) -> tuple[list[Release], list[dict]]:
    stem: Path = request.param
    parsed = parse_dump_file(stem.with_suffix(".txt"))
    assert parsed.rejected == [], [str(r) for r in parsed.rejected]
    labels = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    assert set(labels) == {"releases"}
    return parsed.releases, labels["releases"]


def _significant_digits(value: float) -> str:
    """61040000000.0 -> '6104'; 0.9 -> '9'; 97115.0 -> '97115'."""
    digits = "".join(map(str, Decimal(repr(abs(value))).normalize().as_tuple().digits))
    return digits.strip("0") or "0"


def _digits_in(quote: str, value: float) -> bool:
    """The significant digits appear in the quote once thousands separators and points are dropped."""
    joined = re.sub(r"(?<=\d)[.,](?=\d)", "", quote)
    return any(_significant_digits(value) in run for run in re.findall(r"\d+", joined))


def _each_metric(releases: list[Release], labels: list[dict]):
    for release, label in zip(releases, labels, strict=True):
        for metric in label["metrics"]:
            yield release, metric


def _each_meeting(releases: list[Release], labels: list[dict]):
    for release, label in zip(releases, labels, strict=True):
        for meeting in label["meetings"]:
            yield release, meeting


def test_the_gold_directory_holds_labeled_pairs() -> None:
    assert [p.name for p in PAIRS if p.name.endswith("-written")] == ["meetings-written", "metrics-written"]


def test_one_label_entry_per_release_with_its_index_title_date_and_id(pair) -> None:
    releases, labels = pair
    assert len(labels) == len(releases)
    for index, (release, label) in enumerate(zip(releases, labels, strict=True)):
        assert label["index"] == index
        assert label["title"] == release.title
        assert label["date"] == release.published.isoformat()
        assert label["id"] in ("", release.id, release_id(None, release.title, release.published))
        assert isinstance(label["metrics"], list) and isinstance(label["meetings"], list)


def test_every_quote_is_a_sentence_of_its_release_and_spans_point_at_it(pair) -> None:
    releases, labels = pair
    items = [*_each_metric(releases, labels), *_each_meeting(releases, labels)]
    assert items, "a gold file with no labels"
    for release, item in items:
        quote = item["quote"]
        assert quote and quote in release.body, (release.title, quote)
        start, end = item["span"]
        assert (start, end) == (0, 0) or release.body[start:end] == quote, (release.title, quote)


def test_metrics_use_the_contract_fields_and_the_shared_vocabulary(pair) -> None:
    releases, labels = pair
    for release, metric in _each_metric(releases, labels):
        where = (release.title, metric["subject"], metric["quote"][:60])
        assert set(metric) == METRIC_KEYS, where
        assert metric["subject"] and metric["subject"] == metric["subject"].strip(), where
        assert metric["period"] is not None and PERIOD.match(metric["period"]), where
        assert isinstance(metric["record"], bool), where
        assert metric["qualifier"] in QUALIFIERS, where
        assert (metric["dimension"] is None) == (metric["member"] is None), where
        if metric["value"] is None:
            assert metric["change"] is not None, ("a metric with neither a level nor a change", where)
            assert metric["unit"] is None, where
        else:
            assert isinstance(metric["value"], float) and metric["unit"] in UNITS, where
            if metric["unit"] == "percent":
                assert 0 <= metric["value"] <= 100, where
        change = metric["change"]
        if change is not None:
            assert set(change) == {"value", "unit", "direction", "basis"}, where
            assert change["unit"] in CHANGE_UNITS | UNITS, where
            assert change["direction"] in DIRECTIONS and change["basis"] in BASES, where
            assert isinstance(change["value"], float) and change["value"] >= 0, where
            assert (change["value"] == 0) == (change["direction"] == "flat"), where


def test_every_figure_and_change_has_its_digits_in_the_quote(pair) -> None:
    releases, labels = pair
    for release, metric in _each_metric(releases, labels):
        if metric["value"] is not None:
            assert _digits_in(metric["quote"], metric["value"]), (
                release.title,
                metric["subject"],
                metric["value"],
            )
        change = metric["change"]
        if change is not None and change["value"]:
            assert _digits_in(metric["quote"], change["value"]), (release.title, metric["subject"], change)


def test_periods_of_ranges_run_forward(pair) -> None:
    releases, labels = pair
    for _, metric in _each_metric(releases, labels):
        if "/" in metric["period"]:
            first, last = metric["period"].split("/")
            assert first < last, metric["period"]


def test_meetings_use_the_contract_fields_valid_dates_and_known_kinds(pair) -> None:
    releases, labels = pair
    for release, meeting in _each_meeting(releases, labels):
        where = (release.title, meeting["counterpart"])
        assert set(meeting) == MEETING_KEYS, where
        assert meeting["kind"] in KINDS, where
        assert (
            meeting["date"] is None or date.fromisoformat(meeting["date"]).isoformat() == meeting["date"]
        ), where
        if meeting["date"] is not None:
            held = date.fromisoformat(meeting["date"])
            assert abs((release.published - held).days) <= 31, ("a meeting far from its release date", where)
        assert isinstance(meeting["attendees"], list), where
        for field in ("official", "counterpart", "counterpart_role", "organization", "location", "topic"):
            assert meeting[field] is None or (isinstance(meeting[field], str) and meeting[field].strip()), (
                where
            )
        for name in [meeting["counterpart"], *meeting["attendees"]]:
            if name is not None:
                assert name in release.body, ("a name not in the release", where, name)


def test_the_written_sets_are_big_enough() -> None:
    sizes = {}
    for stem in PAIRS:
        labels = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))["releases"]
        sizes[stem.name] = labels
    metrics = sizes["metrics-written"]
    assert len(metrics) >= 25 and sum(len(r["metrics"]) for r in metrics) >= 150
    meetings = sizes["meetings-written"]
    assert sum(1 for r in meetings if r["meetings"]) >= 15
    assert any(not r["meetings"] for r in meetings), "no release that is not a meeting"
    assert any(m["counterpart"] is None for r in meetings for m in r["meetings"]), (
        "no meeting without a counterpart"
    )
