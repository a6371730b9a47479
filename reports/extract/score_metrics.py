"""Score metric extraction against hand-labeled gold files.

    python -m reports.extract.score_metrics tests/gold/metrics-sample.json [--show-errors]
    python -m reports.extract.score_metrics            # every tests/gold/metrics-*.json

Each GOLD.json (the `brief extract --format json` object) is read with the GOLD.txt beside it; the
extractor runs on the .txt and its metrics are matched to the gold ones, release by release.

What counts as the same figure:
  value    same unit and the same value (relative difference below 1e-9; a count in `units` and one in
           `vehicles` are the same unit, the labelers writing a count of cars either way); a change
           stated with no level (value null) is keyed by its change instead: (value, unit, direction).
  tuple    value as above, and subject, period and change all agree:
             subject  lenient: both are lower-cased, split into words (hyphens split too), a final
                      plural "s" and a possessive "'s" dropped, words such as "the", "of", "to",
                      "at", "as", "Korea's", "total" left out, and so are
                        - optionally, a bracketed note (both readings are tried): "exports (balance
                          of payments basis)" = "exports", "employment rate (ages 15-64)" =
                          "employment rate for people aged 15 to 64"; the words outside the brackets
                          must still share one: "exports (customs basis)" != "imports (customs basis)";
                        - words giving the figure's status rather than what it measures: "forecast",
                          "target", "projected", "expected", "planned", "goal": "export forecast"
                          = "exports" (the value, period and change must still agree);
                      one spelling for places named either way ("U.S." = "United States", "U.K." =
                      "United Kingdom", "EU" = "European Union");
                      the two word sets match when they share at least half of their union
                      (Jaccard >= 0.5): "computers and peripherals exports" = "computer and
                      peripheral exports", "ICT exports" != "semiconductor exports",
                      "LNG imports" != "crude oil import value";
             period   the same days of the calendar however written ("2025-Q2" = "2025-04/2025-06");
             change   both null, or equal value, unit and direction, and equal basis.
  The table also shows the tuple score with the basis of changes left out, how often each field
  agrees on the figures that match by value, the tuple precision of the figures the extractor marks
  high confidence with their share of all it found, and for each doubt how many figures carry it and
  how many of those are right anyway.
Each predicted figure matches at most one gold figure (the best by subject, then period).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reports.collect.dump import parse_dump_file
from reports.errors import BriefError
from reports.extract.metrics import extract_metrics
from reports.periods import figure_period, valid_figure_period

_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "for",
        "and",
        "korea's",
        "korea",
        "korean",
        "total",
        "s",
        "by",
        "from",
        "on",
        "its",
        "south",
        "overall",
        "annual",
        # function words that never tell two subjects apart
        "at",
        "as",
        "with",
        "into",
        "than",
        # the figure's status, not what it measures
        "forecast",
        "forecasts",
        "target",
        "targets",
        "targeted",
        "projected",
        "projection",
        "expected",
        "planned",
        "goal",
    }
)
_BRACKETED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"[a-z0-9]+(?:'s)?")


# One spelling for the places an analyst names either way: "exports to the U.S." = "... United States".
_PLACE_SPELLINGS = (
    (re.compile(r"\bunited\s+states(?:\s+of\s+america)?\b|\bu\.\s?s\.(?:\s?a\.)?|\bus\b(?=\s+\w)"), " usa "),
    (re.compile(r"\bunited\s+kingdom\b|\bu\.\s?k\.|\bbritain\b"), " uk "),
    (re.compile(r"\beuropean\s+union\b|\be\.u\."), " eu "),
    (re.compile(r"\beuro[\s-]?zone\b|\beuro\s+area\b"), " euroarea "),
)


_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")


def subject_words(subject: str | None) -> frozenset[str]:
    """'Hybrid-vehicle exports' -> {'hybrid', 'vehicle', 'export'}."""
    text = _ACRONYM_PLURAL.sub(r"\1", subject or "").lower().replace("’", "'")  # "FDIs" = "FDI"
    for pattern, spelling in _PLACE_SPELLINGS:
        text = pattern.sub(spelling, text)
    words = _WORD.findall(text)
    words = [w[:-2] if w.endswith("'s") else w for w in words]  # "Japan's imports" = "Japan imports"
    return frozenset(_singular(w) for w in words if w not in _STOP)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]  # "cosmetics" = "cosmetic", "electronics" = "electronic", on both sides alike
    return word


def subjects_match(a: str | None, b: str | None) -> bool:
    if "(" in (a or "") + (b or ""):
        outside = subject_words(_BRACKETED.sub(" ", a or "")), subject_words(_BRACKETED.sub(" ", b or ""))
        if all(outside) and not outside[0] & outside[1]:
            return False  # a shared note alone is no match: "exports (customs basis)" != "imports (...)"
    return any(_words_match(x, y) for x in _readings(a) for y in _readings(b))


def _readings(subject: str | None) -> set[str]:
    """The subject as written and, when it holds a bracketed note, without it."""
    subject = subject or ""
    return {subject, _BRACKETED.sub(" ", subject)} if "(" in subject else {subject}


def _words_match(a: str, b: str) -> bool:
    left, right = subject_words(a), subject_words(b)
    if not left or not right:
        return left == right
    return len(left & right) / len(left | right) >= 0.5


# One spelling for a count the labelers name either way: LABELING.md lists both `units` and `vehicles`, and
# its labelers disagree on a count of cars the text gives in units (brief writes `vehicles`).
_UNIT_SPELLINGS = {"units": "vehicles"}


def _value_key(metric: dict[str, Any]) -> tuple:
    if metric.get("value") is not None:
        unit = metric.get("unit")
        return ("level", _UNIT_SPELLINGS.get(unit, unit), float(metric["value"]))
    change = metric.get("change") or {}
    value = change.get("value")
    return ("change", change.get("unit"), None if value is None else float(value), change.get("direction"))


def _same_value(a: tuple, b: tuple) -> bool:
    if a[0] != b[0] or a[1] != b[1] or a[3:] != b[3:]:
        return False
    x, y = a[2], b[2]
    if x is None or y is None:
        return x is y
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)


def _same_change(a: dict | None, b: dict | None, basis: bool = True) -> bool:
    if not a or not b:
        return not a and not b
    if a.get("unit") != b.get("unit") or a.get("direction") != b.get("direction"):
        return False
    if basis and a.get("basis") != b.get("basis"):
        return False
    x, y = a.get("value"), b.get("value")
    return (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-9)


def same_period(a: str | None, b: str | None) -> bool:
    """The same stretch of the calendar, however written: '2018-Q2' = '2018-04/2018-06', '2019' =
    '2019-01/2019-12'; an unreadable period only equals itself."""
    if a == b:
        return True
    if not valid_figure_period(a) or not valid_figure_period(b):
        return False
    x, y = figure_period(a or ""), figure_period(b or "")
    return (x.start, x.end) == (y.start, y.end)


def _tuple_match(gold: dict, found: dict, basis: bool = True) -> bool:
    return (
        _same_value(_value_key(gold), _value_key(found))
        and subjects_match(gold["subject"], found["subject"])
        and same_period(gold.get("period"), found.get("period"))
        and _same_change(gold.get("change"), found.get("change"), basis)
    )


@dataclass
class Counts:
    gold: int = 0
    found: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.found += other.found
        self.matched += other.matched


@dataclass
class Score:
    """The scores of one gold file."""

    name: str
    releases: int = 0
    value: Counts = field(default_factory=Counts)
    tuple: Counts = field(default_factory=Counts)
    tuple_no_basis: Counts = field(default_factory=Counts)
    fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [agree, compared]
    errors: list[str] = field(default_factory=list)
    # found = figures marked high confidence, matched = those right on the whole tuple
    high: Counts = field(default_factory=Counts)
    doubts: dict[str, list[int]] = field(default_factory=dict)  # doubt -> [right on the tuple, figures]

    @property
    def high_share(self) -> float:
        """The part of all found figures that are high confidence."""
        return self.high.found / self.value.found if self.value.found else 0.0


def _greedy(gold: list[dict], found: list[dict], same) -> list[tuple[int, int]]:  # noqa: ANN001
    pairs, used = [], set()
    for g_index, item in enumerate(gold):
        options = [
            f_index for f_index, other in enumerate(found) if f_index not in used and same(item, other)
        ]
        if not options:
            continue
        options.sort(
            key=lambda f: (
                not subjects_match(item["subject"], found[f]["subject"]),
                not same_period(item.get("period"), found[f].get("period")),
            )
        )
        used.add(options[0])
        pairs.append((g_index, options[0]))
    return pairs


def score_release(gold: list[dict], found: list[dict], score: Score, label: str) -> None:
    value_pairs = _greedy(gold, found, lambda a, b: _same_value(_value_key(a), _value_key(b)))
    tuple_pairs = _greedy(gold, found, _tuple_match)
    loose_pairs = _greedy(gold, found, lambda a, b: _tuple_match(a, b, basis=False))
    right = {f for _, f in tuple_pairs}
    high = [n for n, m in enumerate(found) if m.get("confidence", "high") == "high"]
    score.high.add(Counts(0, len(high), sum(1 for n in high if n in right)))
    for n, metric in enumerate(found):
        for doubt in metric.get("doubts") or ():
            tally = score.doubts.setdefault(doubt, [0, 0])
            tally[0] += n in right
            tally[1] += 1
    for counts, pairs in (
        (score.value, value_pairs),
        (score.tuple, tuple_pairs),
        (score.tuple_no_basis, loose_pairs),
    ):
        counts.add(Counts(len(gold), len(found), len(pairs)))
    checks = {
        "subject": lambda a, b: subjects_match(a["subject"], b["subject"]),
        "period": lambda a, b: same_period(a.get("period"), b.get("period")),
        "change": lambda a, b: _same_change(a.get("change"), b.get("change")),
        "record": lambda a, b: bool(a.get("record")) == bool(b.get("record")),
        "metric_id": lambda a, b: a.get("metric_id") == b.get("metric_id"),
    }
    for g_index, f_index in value_pairs:
        a, b = gold[g_index], found[f_index]
        for name, check in checks.items():
            if name == "metric_id" and a.get("metric_id") is None:
                continue
            tally = score.fields.setdefault(name, [0, 0])
            tally[0] += bool(check(a, b))
            tally[1] += 1
        if not _tuple_match(a, b):
            score.errors.append(
                f"{label} differs: gold {_brief(a)}\n{' ' * len(label)}        found {_brief(b)}"
            )
    matched_gold = {g for g, _ in value_pairs}
    matched_found = {f for _, f in value_pairs}
    score.errors += [f"{label} missed: {_brief(m)}" for n, m in enumerate(gold) if n not in matched_gold]
    score.errors += [f"{label} extra:  {_brief(m)}" for n, m in enumerate(found) if n not in matched_found]


def _brief(metric: dict) -> str:
    change = metric.get("change")
    moved = ""
    if change:
        moved = f" {change.get('direction')} {change.get('value')} {change.get('unit')} {change.get('basis')}"
    return f"{metric['subject']!r} {metric.get('value')} {metric.get('unit')} {metric.get('period')}{moved}"


def score_file(gold_path: Path) -> Score:
    """Run the extractor on the .txt beside `gold_path` and score it against the labels."""
    text_path = gold_path.with_suffix(".txt")
    if not text_path.is_file():
        raise BriefError(f"{gold_path}: no {text_path.name} beside it")
    try:
        labels = json.loads(gold_path.read_text(encoding="utf-8"))
        gold_releases = labels["releases"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BriefError(f"{gold_path}: not a gold file ({error})") from error
    dump = parse_dump_file(text_path)
    by_index = dict(zip(dump.positions, dump.releases, strict=True))
    score = Score(gold_path.stem)
    for entry in gold_releases:
        release = by_index.get(entry["index"])
        if release is None:
            raise BriefError(f"{gold_path}: release index {entry['index']} is not in {text_path.name}")
        found = [m.to_json() for m in extract_metrics(release)]
        score.releases += 1
        score_release(entry.get("metrics", []), found, score, f"[{entry['index']}]")
    return score


def format_scores(scores: Iterable[Score]) -> str:
    lines = [
        f"{'gold file':<24} {'rel':>4} {'gold':>5} {'found':>5}   {'value P/R/F1':<20}"
        f" {'tuple P/R/F1':<20} {'tuple, no basis':<20}"
    ]
    for s in scores:

        def prf(c: Counts) -> str:
            return f"{c.precision:.3f}/{c.recall:.3f}/{c.f1:.3f}"

        lines.append(
            f"{s.name:<24} {s.releases:>4} {s.value.gold:>5} {s.value.found:>5}   {prf(s.value):<20}"
            f" {prf(s.tuple):<20} {prf(s.tuple_no_basis):<20}"
        )
        agree = ", ".join(f"{name} {a}/{n}" for name, (a, n) in s.fields.items())
        lines.append(f"{'':<24} fields agreeing where the value matches: {agree}")
        lines.append(
            f"{'':<24} high confidence: {s.high.found} figures ({s.high_share:.0%} of found),"
            f" tuple precision {s.high.precision:.3f}"
        )
        if s.doubts:
            doubts = ", ".join(f"{name} {n} ({right} right)" for name, (right, n) in sorted(s.doubts.items()))
            lines.append(f"{'':<24} low confidence, by doubt: {doubts}")
    return "\n".join(lines)


def default_gold_files(root: Path) -> list[Path]:
    return sorted((root / "tests" / "gold").glob("metrics-*.json"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reports.extract.score_metrics", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "gold", nargs="*", type=Path, help="gold JSON files (default: tests/gold/metrics-*.json)"
    )
    parser.add_argument(
        "--show-errors", action="store_true", help="list every missed, extra or differing figure"
    )
    args = parser.parse_args(argv)
    paths = args.gold or default_gold_files(Path.cwd())
    if not paths:
        print("no gold files given and none under tests/gold/", file=sys.stderr)
        return 2
    try:
        scores = [score_file(path) for path in paths]
    except BriefError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_scores(scores))
    if args.show_errors:
        for s in scores:
            print(f"\n{s.name}:")
            print("\n".join(s.errors) or "  no differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
