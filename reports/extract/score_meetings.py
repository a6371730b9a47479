"""Score the meeting extractor against a hand-labeled gold file.

    python -m reports.extract.score_meetings tests/gold/meetings-sample.json [--text FILE.txt] [--verbose]

The gold file is the `brief extract --format json` object (DESIGN.md); its releases are the
dump file of the same name with `.txt` (or --text). Per release, extracted meetings are paired
with gold meetings on (date, counterpart):

  - dates must be equal (both missing counts as equal);
  - counterparts match by normalized name (of several found that match, one with the label's
    planned flag and kind is paired first): case, accents, punctuation and the words "the",
    "mr", "ms", "dr" are ignored, and one name's words may be a subset of the other's
    ("Vought" ~ "Russell Vought", "CSIS" ~ "Center for Strategic and International Studies (CSIS)").

Precision, recall and F1 count those pairs. On matched pairs, role, location, topic and kind are
scored for accuracy. Role, location and topic are lenient: each is a bag of lower-case words
(dots dropped, so "U.S." is "us"; stop words "the of a an and at in on for to with by" and a
possessive "'s" dropped); a field is right when both sides are empty, or both are given and the
word overlap has an F1 of at least 0.5 ("Washington, D.C." vs "U.S. Congress, Washington, D.C."
is right; "Seoul" vs "Washington, D.C." is not). Kind and planned must be equal (a label without
"planned" is an engagement that was held).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reports.errors import BriefError
from reports.extract.formats import extract_files

FIELDS = ("planned", "counterpart_role", "location", "topic", "kind")
LENIENT = {"counterpart_role", "location", "topic"}
MIN_OVERLAP_F1 = 0.5
_STOP = {"the", "of", "a", "an", "and", "at", "in", "on", "for", "to", "with", "by"}
_HONORIFICS = {"the", "mr", "ms", "mrs", "dr", "h", "e"}


@dataclass
class Score:
    """Pair counts and per-field accuracy on matched pairs."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.true_positives if self.true_positives else 0.0


def words(text: str | None) -> list[str]:
    """Lower-case words without accents, dots or possessives: "Korea’s U.S. side" -> [korea, us, side]."""
    if not text:
        return []
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’s", " ").replace("'s", " ").replace(".", "")
    return [w for w in "".join(ch if ch.isalnum() else " " for ch in text).split() if w]


def same_counterpart(gold: str | None, found: str | None) -> bool:
    """Normalized name match: equal, or one's words a subset of the other's."""
    a = {w for w in words(gold) if w not in _HONORIFICS}
    b = {w for w in words(found) if w not in _HONORIFICS}
    if not a or not b:
        return not a and not b
    return a <= b or b <= a


def lenient_match(gold: str | None, found: str | None) -> bool:
    """Word-overlap F1 of at least MIN_OVERLAP_F1, or both empty."""
    a = [w for w in words(gold) if w not in _STOP]
    b = [w for w in words(found) if w not in _STOP]
    if not a or not b:
        return not a and not b
    common = len(set(a) & set(b))
    if not common:
        return False
    precision, recall = common / len(set(b)), common / len(set(a))
    return 2 * precision * recall / (precision + recall) >= MIN_OVERLAP_F1


def score_file(gold_path: Path, text_path: Path | None = None) -> Score:
    """Extract the gold's dump file and compare it with the gold labels."""
    text_path = text_path or gold_path.with_suffix(".txt")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BriefError(f"{gold_path}: cannot read gold file ({error})") from error
    extracted = {position: found for position, _, found in extract_files([text_path]).items}
    score = Score()
    for release in gold.get("releases", []):
        index = release.get("index")
        found = [m.to_json() for m in extracted[index].meetings] if index in extracted else []
        _score_release(score, index, release.get("meetings", []), found)
    return score


def _score_release(score: Score, index: int, gold: list[dict], found: list[dict]) -> None:
    unmatched = list(found)
    pairs: dict[int, dict] = {}
    # Two engagements with one person on one day (a call held, a meeting planned): like is paired with like
    # first, so the order of the labels does not decide which is matched.
    for strict in (True, False):
        for n, label in enumerate(gold):
            if n in pairs:
                continue
            pair = next((m for m in unmatched if _pairs(label, m, strict)), None)
            if pair is not None:
                unmatched.remove(pair)
                pairs[n] = pair
    for n, label in enumerate(gold):
        pair = pairs.get(n)
        if pair is None:
            score.false_negatives += 1
            score.misses.append(f"[{index}] missed {label.get('date')} {label.get('counterpart')!r}")
            continue
        score.true_positives += 1
        for name in FIELDS:
            wanted, got = label.get(name), pair.get(name)
            if name == "planned":
                wanted, got = bool(wanted), bool(got)
            right = (lenient_match if name in LENIENT else _equal)(wanted, got)
            score.right[name] += right
            if not right:
                score.misses.append(
                    f"[{index}] {label.get('counterpart')!r} {name}: "
                    f"gold {label.get(name)!r}, found {pair.get(name)!r}"
                )
    for extra in unmatched:
        score.false_positives += 1
        score.misses.append(f"[{index}] extra {extra.get('date')} {extra.get('counterpart')!r}")


def _pairs(label: dict, found: dict, strict: bool) -> bool:
    if label.get("date") != found.get("date"):
        return False
    if not same_counterpart(label.get("counterpart"), found.get("counterpart")):
        return False
    return not strict or bool(label.get("planned")) == bool(found.get("planned"))


def _equal(gold: object, found: object) -> bool:
    return gold == found


def report(score: Score, name: str) -> str:
    """The table the command prints."""
    lines = [
        f"meetings gold: {name}",
        f"  pairs (date, counterpart): {score.true_positives} matched, {score.false_positives} extra, "
        f"{score.false_negatives} missed",
        f"  precision {score.precision:.3f}   recall {score.recall:.3f}   F1 {score.f1:.3f}",
        "  on matched pairs:",
    ]
    for field_name in FIELDS:
        how = "lenient word overlap" if field_name in LENIENT else "exact"
        lines.append(f"    {field_name:<17} accuracy {score.accuracy(field_name):.3f}  ({how})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reports.extract.score_meetings", description=__doc__.split("\n")[0]
    )
    parser.add_argument("gold", type=Path, help="gold JSON (the brief extract --format json object)")
    parser.add_argument("--text", type=Path, help="the dump file it labels (default: same name, .txt)")
    parser.add_argument("--verbose", action="store_true", help="list every miss, extra and wrong field")
    args = parser.parse_args(argv)
    try:
        score = score_file(args.gold, args.text)
    except BriefError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report(score, args.gold.name))
    if args.verbose:
        print("\n".join(score.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
