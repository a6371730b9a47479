"""The figure extractor's word lists (reports/extract/metric_words.toml): they load, and each word does
what its list says when it appears in a release."""

from __future__ import annotations

import re
from datetime import date

import pytest

from reports.extract.metrics import extract_metrics
from reports.extract.metrics.words import words
from reports.records import Release

WORDS = words()


def _figures(body: str):  # noqa: ANN202
    return extract_metrics(Release("r1", "test", "Trade in March 2026", body, date(2026, 4, 1)))


def test_every_list_loads_without_duplicates_or_stray_space() -> None:
    lists = {
        "up_change_nouns": WORDS.up_change_nouns,
        "down_change_nouns": WORDS.down_change_nouns,
        "basis_keys": WORDS.basis_keys,
        "people_words": WORDS.people_words,
    }
    for name, items in lists.items():
        assert items, name
        assert len(set(items)) == len(items), name
        assert all(w == w.strip() and w == w.lower() for w in items), name
    assert not set(WORDS.up_change_nouns) & set(WORDS.down_change_nouns)
    for table in (WORDS.count_units, WORDS.dollar_codes, WORDS.day_counts):
        assert table and all(key == key.strip() and key for key in table)
    assert all(len(code) == 3 and code.isupper() for code in WORDS.dollar_codes.values())
    assert WORDS.plural_nouns and WORDS.measures and WORDS.level_naming_words


@pytest.mark.parametrize(
    "noun,direction",
    [*((n, "up") for n in WORDS.up_change_nouns), *((n, "down") for n in WORDS.down_change_nouns)],
)
def test_a_change_noun_states_a_change_in_its_direction(noun: str, direction: str) -> None:
    (figure,) = _figures(f"The ministry reported a {noun} in the goods deficit of $3.0 billion in March.")
    assert figure.subject == "change in goods deficit"
    assert figure.value == (3.0e9 if direction == "up" else -3.0e9) and figure.unit == "USD"


@pytest.mark.parametrize("word,unit", sorted(WORDS.count_units.items()))
def test_a_count_word_gives_the_count_its_unit(word: str, unit: str) -> None:
    (figure,) = _figures(f"The number of new {word} stood at 41,200 in March.")
    assert (figure.value, figure.unit, figure.period) == (41_200, unit, "2026-03")


@pytest.mark.parametrize("letters,code", sorted(WORDS.dollar_codes.items()))
def test_a_release_in_its_own_dollar_reads_bare_dollars_as_that_dollar(letters: str, code: str) -> None:
    found = _figures(f"Exports rose to {letters}$65.0 billion in March. Imports were $40.1 billion.")
    assert [f.unit for f in found if f.value] == [code, code]


def test_the_package_readme_lists_the_sentence_steps_in_their_order() -> None:
    from pathlib import Path

    from reports.extract.metrics.cascade import SENTENCE_STEPS

    readme = (Path(__file__).parent.parent / "reports" / "extract" / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\d+\. `(_\w+)`", readme, flags=re.M)
    assert listed == [step.__name__ for step in SENTENCE_STEPS]
