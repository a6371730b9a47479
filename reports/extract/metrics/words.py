"""The figure extractor's word lists (`metric_words.toml`, beside `meeting_words.toml`), read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reports.extract.text import word_lists

WORDS_FILE = "metric_words.toml"


@dataclass(frozen=True)
class Words:
    """The lists of `metric_words.toml`, in the file's order."""

    up_change_nouns: tuple[str, ...]
    down_change_nouns: tuple[str, ...]
    basis_keys: tuple[str, ...]
    people_words: tuple[str, ...]
    plural_nouns: frozenset[str]
    es_plurals: frozenset[str]  # "buses" -> "bus"
    vehicle_words: frozenset[str]  # a count of "units" of these is a count of vehicles
    measures: frozenset[str]
    level_naming_words: frozenset[str]
    count_units: dict[str, str]  # "firms" -> "companies"
    dollar_codes: dict[str, str]  # "C" -> "CAD"
    day_counts: dict[str, int]  # "ten" -> 10
    economic_areas: tuple[str, ...]  # "euro area", "EU": places a figure is stated for, beyond countries


@cache
def words() -> Words:
    """The figure extractor's word lists: words().count_units["firms"] -> "companies"."""
    data = word_lists(WORDS_FILE)
    return Words(
        tuple(data["up_change_nouns"]),
        tuple(data["down_change_nouns"]),
        tuple(data["basis_keys"]),
        tuple(data["people_words"]),
        frozenset(data["plural_nouns"]),
        frozenset(data["es_plurals"]),
        frozenset(data["vehicle_words"]),
        frozenset(data["measures"]),
        frozenset(data["level_naming_words"]),
        dict(data["count_units"]),
        dict(data["dollar_codes"]),
        {word: int(count) for word, count in data["day_counts"].items()},
        tuple(data["economic_areas"]),
    )
