"""Extraction accuracy held to a floor: the measured scores on the gold files, rounded down a little.

The floors only go up: when the extractor gets better, raise them to the new measurement
(`python -m reports.extract.score_metrics` prints it). See reports/extract/score_metrics.py for
what counts as a match.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.extract.score_metrics import score_file

GOLD = Path(__file__).resolve().parent / "gold"

# gold file: (value F1 floor, tuple F1 floor), from the measurement noted beside it.
FLOORS = {
    # measured 1.000 / 1.000 (45 figures, 10 releases: a figure stated twice is labeled once, as
    # LABELING.md counts it)
    "metrics-sample": (0.99, 0.98),
    # 249 figures, 28 releases written by another developer. Not blind any more: rules were generalized
    # after reading its errors. Its first, blind score was 0.928 / 0.283. Relabeled to the real-text
    # conventions (amount changes as figures, a basis only where its clause states it): 0.992 / 0.827;
    # 0.992 / 0.831 after the period families of tests/test_extract_periods_real.py.
    # 0.992 / 0.835 after the families of the second real-text day, 0.992 / 0.843 after the fourth session's,
    # 0.992 / 0.847 after the seventh's
    "metrics-written": (0.99, 0.845),
    # 127 figures, 15 releases in styles none of the rules were written for (fisheries, tourism, TEU,
    # current account, Australian and Canadian statements, "mln"/"bln"). First contact 0.864 / 0.344;
    # its errors were then read and grouped into families, each fixed by a general rule tested in
    # sentences of our own, so it is no longer blind: measured 0.992 / 0.811, then 0.996 / 0.822.
    "metrics-heldout": (0.99, 0.82),
    # 38 figures, 6 short releases written and labeled after the held-out work, before the extractor ever
    # ran on them (US Census, Eurostat, Yonhap, battery earnings, steel prices, farm exports).
    # First contact 0.872 / 0.385; relabeled to the real-text conventions; measured 0.987 / 0.800, then
    # 0.987 / 0.853 after the seventh session's families.
    "metrics-fresh": (0.98, 0.85),
}


# Real public text nobody on the project wrote, labeled by LABELING.md in shared/corpora/real-text (CI has
# shared/ beside the checkout). (value F1, tuple F1, high-confidence tuple precision) floors.
REAL_TEXT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "real-text"
REAL_FLOORS = {
    # 30 passages, 346 figures: Korean news-agency and ministry items, 10- and 20-day customs data.
    # First contact (before any rule was written for it): 0.793 / 0.196. Now 0.917 / 0.552 after the
    # clause families of tests/test_extract_clauses.py (0.875 / 0.474 before them), high confidence right
    # 0.810 of the time on 57% of the figures (0.670 on 60% before the confidence signals of borrowed
    # subjects, changes read apart and compared periods; both developed on this set). The period families
    # of tests/test_extract_periods_real.py (read on both real-text sets): 0.917 / 0.591, 0.835 on 59%.
    # After the change joins, repeats, report leads, listed clauses, forecasts and numbers of
    # tests/test_extract_clauses.py (read on both sets and a blind set outside the repo): 0.953 / 0.640,
    # 0.851 on 61%. After the pronoun, title-topic, place, FDI, value-of and list families (read on both
    # sets and two development sets outside the repo): 0.955 / 0.693, 0.897 on 64%. After the change
    # units, glued percent signs, history periods, anaphors and the third round of families (read on a new
    # development set outside the repo): 0.955 / 0.715, 0.912 on 65%. After the fourth session's families
    # (read on three new sets outside the repo, two more never read): 0.956 / 0.717, 0.912 on 66%. After
    # the sixth session's (two development sets outside the repo, three never read): 0.958 / 0.732, 0.929
    # on 66%. After the seventh's: 0.958 / 0.732, 0.925 on 66%.
    "korea": (0.95, 0.73, 0.92),
    # 20 passages, 272 figures: other governments' statistics releases and wires.
    # First contact: 0.595 / 0.220. Now 0.871 / 0.546 (0.842 / 0.430 before the clause families), high
    # confidence 0.689 on 58% (0.556 on 53% before the same signals; this set was their held-out check,
    # and the clause families were read on both sets). After the period families: 0.871 / 0.582, 0.738 on 58%.
    # After the same families as korea's last: 0.915 / 0.675, 0.821 on 62%. After the same again: 0.918 /
    # 0.696, 0.831 on 64%. After the same third round: 0.918 / 0.710, 0.836 on 66%. With the scorer counting
    # `units` and `vehicles` as one unit (its labeler writes `vehicles` for 19 counts of cars): 0.958 / 0.714.
    # After the sixth session's families: 0.960 / 0.723, 0.851 on 66%. After the seventh's (two more
    # development sets outside the repo, four never read): 0.960 / 0.726, 0.857 on 66%.
    "world": (0.95, 0.725, 0.855),
}


# Every scored set: its gold file and its floors (value F1, tuple F1[, high-confidence precision]).
SETS = {
    **{name: (GOLD / f"{name}.json", floors) for name, floors in FLOORS.items()},
    **{name: (REAL_TEXT / f"{name}.json", floors) for name, floors in REAL_FLOORS.items()},
}


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request: pytest.FixtureRequest):
    path, floors = SETS[request.param]
    if not path.is_file():
        real = request.param in REAL_FLOORS
        pytest.skip(f"{path.name}: {'the real-text corpus is not beside the checkout' if real else 'absent'}")
    return request.param, floors, score_file(path)


def test_value_f1_stays_above_its_floor(scored) -> None:
    name, floors, score = scored
    assert score.value.f1 >= floors[0], f"{name}: value F1 {score.value.f1:.3f}"


def test_tuple_f1_stays_above_its_floor(scored) -> None:
    name, floors, score = scored
    assert score.tuple.f1 >= floors[1], f"{name}: tuple F1 {score.tuple.f1:.3f}"


# Of the figures whose value is found, the share whose period agrees with the label (the scorer's
# "period N/M"): korea 278/324 and world 226/244 before the period families of
# tests/test_extract_periods_real.py, 316/324 (0.975) and 240/244 (0.984) after them, 329/338 (0.973) and
# 248/252 (0.984) with more values found; the gold sets of tests/gold 37/37, 126/126, 45/45 and 246/247.
PERIOD_FLOORS = {
    "korea": 0.97,
    "world": 0.98,
    "metrics-fresh": 0.97,
    "metrics-heldout": 0.99,
    "metrics-sample": 0.99,
    "metrics-written": 0.99,
}


def test_periods_agree_where_the_value_matches(scored) -> None:
    name, _floors, score = scored
    agree, compared = score.fields["period"]
    assert agree / compared >= PERIOD_FLOORS[name], f"{name}: period {agree}/{compared}"


def test_high_confidence_figures_of_real_text_are_right_more_often_than_the_rest(scored) -> None:
    name, floors, score = scored
    if len(floors) > 2:  # held on real text, where confidence is measured against text nobody here wrote
        assert score.high.precision >= floors[2], f"{name}: high precision {score.high.precision:.3f}"
    assert score.high.precision >= score.tuple.precision, "high confidence must mean at least as often right"


# The share of found figures marked high confidence, held from below on every set: confidence earns its
# precision by doubting the figures it cannot trust, never by doubting nearly all of them (the cover and
# the charts show only high-confidence figures). Measured beside each floor.
HIGH_SHARE_FLOORS = {
    "metrics-sample": 0.95,  # 1.00
    "metrics-written": 0.76,  # 0.78
    "metrics-heldout": 0.67,  # 0.69
    "metrics-fresh": 0.78,  # 0.81
    "korea": 0.63,  # 0.654
    "world": 0.63,  # 0.661
}


def test_confidence_keeps_at_least_its_share_of_figures_high(scored) -> None:
    name, _floors, score = scored
    assert score.high_share >= HIGH_SHARE_FLOORS[name], f"{name}: high share {score.high_share:.3f}"


def test_every_gold_file_has_a_floor() -> None:
    names = {path.stem for path in GOLD.glob("metrics-*.json")}
    assert names <= set(FLOORS), f"add a floor for {sorted(names - set(FLOORS))}"
    assert set(SETS) <= set(HIGH_SHARE_FLOORS), "add a high-share floor for every scored set"
    assert set(SETS) <= set(PERIOD_FLOORS), "add a period floor for every scored set"


def test_the_scorer_counts_a_wrong_subject_against_the_tuple_only(tmp_path: Path) -> None:
    import json
    import shutil

    shutil.copy(GOLD / "metrics-sample.txt", tmp_path / "g.txt")
    labels = json.loads((GOLD / "metrics-sample.json").read_text())
    labels["releases"][1]["metrics"][0]["subject"] = "steel exports"  # was "ICT exports"
    (tmp_path / "g.json").write_text(json.dumps(labels))
    score = score_file(tmp_path / "g.json")
    assert score.value.matched == score.value.gold
    assert score.tuple.matched == score.tuple.gold - 1


@pytest.mark.parametrize(
    ("gold", "found"),
    [
        ("exports of frozen shrimp", "frozen shrimp exports"),
        ("imports (customs basis)", "imports"),
        ("employment rate (ages 15-64)", "employment rate for people aged 15 to 64"),
        ("steel export forecast", "steel exports"),
        ("visitor arrivals target", "visitor arrivals"),
        ("cargo throughput at the port", "port cargo throughput"),
        ("LPG imports from the U.S.", "LPG imports from the United States"),
        ("UK exports to the EU", "United Kingdom exports to the European Union"),
        ("euro area energy production", "eurozone energy production"),
        ("FDI pledges from China", "FDIs pledged from China"),
        ("cosmetic exports", "cosmetics exports"),
    ],
)
def test_the_scorer_accepts_what_an_analyst_would_call_the_same_subject(gold: str, found: str) -> None:
    from reports.extract.score_metrics import subjects_match

    assert subjects_match(gold, found)


@pytest.mark.parametrize(
    ("gold", "found"),
    [
        ("LNG imports", "crude oil import value"),
        ("steel exports", "steel imports"),
        ("tuna exports", "fishery exports"),
        ("export forecast", "import forecast"),
        ("exports (customs basis)", "imports (customs basis)"),
        ("current account surplus", "goods account deficit"),
        ("exports to the U.S.", "exports to the U.K."),
    ],
)
def test_the_scorer_refuses_a_different_subject(gold: str, found: str) -> None:
    from reports.extract.score_metrics import subjects_match

    assert not subjects_match(gold, found)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2018-Q2", "2018-04/2018-06", True),
        ("2019", "2019-01/2019-12", True),
        ("2025-H1", "2025-01/2025-06", True),
        ("2024-12", "2024-12-01/2024-12-31", True),
        ("2024-12", "2024-12-01/2024-12-20", False),
        ("2025-Q3", "2025-07/2025-08", False),
        ("2020-04/2020-03", "2020-04/2020-03", True),  # unreadable, but the same string
    ],
)
def test_the_scorer_compares_periods_by_their_days(a: str, b: str, same: bool) -> None:
    from reports.extract.score_metrics import same_period

    assert same_period(a, b) is same
