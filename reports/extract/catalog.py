"""The metric catalog (catalog.toml): canonical ids for subjects, so a quantity can be followed over time.

metric_id_for("hybrid-vehicle exports") -> "exports.autos.hybrid"
metric_id_for("ICT exports to Taiwan") -> None   (a breakdown item is not the total)
entry("exports.autos.hybrid").parent -> "exports.autos.eco_friendly"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_CATALOG = Path(__file__).with_name("catalog.toml")
_WORD = re.compile(r"[a-z0-9]+(?:['’]s)?")


@dataclass(frozen=True)
class Entry:
    """One catalog id: how a briefing labels it, and the id it is part of."""

    id: str
    label: str
    parent: str | None = None


@dataclass(frozen=True)
class _Catalog:
    entries: dict[str, Entry]
    phrases: dict[str, str]  # normalized subject -> id
    ignore: tuple[str, ...]


def normalize_subject(text: str) -> str:
    """Lower case, hyphens as spaces, no final plural 's': 'Hybrid-Vehicles' -> 'hybrid vehicle'."""
    words = _WORD.findall(text.lower().replace("’", "'"))
    return " ".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    if word.endswith("'s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


@cache
def _catalog_data() -> dict[str, Any]:
    """catalog.toml, read once."""
    with _CATALOG.open("rb") as handle:
        return tomllib.load(handle)


@cache
def _catalog() -> _Catalog:
    data = _catalog_data()
    entries: dict[str, Entry] = {}
    phrases: dict[str, str] = {}
    products = data.get("products", {})
    for flow, flow_data in data.get("flows", {}).items():
        for product, product_data in products.items():
            metric = f"{flow}.{product}"
            label = " ".join(p for p in (product_data["label"], flow_data["label"]) if p)
            parent = None if product == "total" else f"{flow}.{product_data.get('parent', 'total')}"
            entries[metric] = Entry(metric, label[:1].upper() + label[1:], parent)
            for flow_words in flow_data["words"]:
                for words in product_data["words"]:
                    phrases_here = [f"{words} {flow_words}", f"{flow_words} of {words}" if words else ""]
                    phrases_here += [
                        f"{extra} {phrase}"
                        for extra in flow_data.get("situating", [])
                        for phrase in phrases_here
                        if phrase
                    ]
                    for phrase in phrases_here:
                        key = normalize_subject(phrase)
                        if key:
                            phrases.setdefault(key, metric)
    for metric, item in data.get("metrics", {}).items():
        entries[metric] = Entry(metric, item["label"], item.get("parent"))
        for phrase in item.get("match", []):
            phrases[normalize_subject(phrase)] = metric  # an explicit entry wins over a generated one
    ignore = tuple(sorted((normalize_subject(w) for w in data.get("ignore", [])), key=len, reverse=True))
    return _Catalog(entries, phrases, ignore)


def entry(metric_id: str) -> Entry:
    """The catalog entry of an id; KeyError if the catalog has no such id."""
    return _catalog().entries[metric_id]


@lru_cache(maxsize=4096)
def metric_id_for(subject: str | None) -> str | None:
    """The catalog id a subject names, or None when no entry fits exactly (never a near miss)."""
    if not subject:
        return None
    catalog = _catalog()
    key = normalize_subject(subject)
    found = catalog.phrases.get(key)
    if found:
        return found
    stripped = _without_ignored(key, catalog.ignore)
    return catalog.phrases.get(stripped) if stripped != key else None


def _without_ignored(key: str, ignore: tuple[str, ...]) -> str:
    words = f" {key} "
    for phrase in ignore:
        words = words.replace(f" {phrase} ", " ")
    return " ".join(words.split())


@cache
def dollar_economies() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(economy name, its dollar's ISO code) from catalog.toml, [dollar_economies]."""
    economies = _catalog_data().get("dollar_economies", {})
    return tuple((re.compile(rf"\b{re.escape(name)}\b"), code) for name, code in economies.items())


@cache
def fiscal_economies() -> tuple[tuple[re.Pattern[str], int, bool], ...]:
    """(economy name, the month its fiscal year starts, whether its fiscal years are named by the year they
    end in) from catalog.toml, [fiscal_years]."""
    economies = _catalog_data().get("fiscal_years", {})
    found = []
    for name, rule in economies.items():
        month, named_by = rule.split()
        found.append((re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w-])"), int(month), named_by == "end"))
    return tuple(found)


@cache
def _subject_words(table: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    words = _catalog_data().get(table, {})
    return tuple(
        (re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE), name)
        for word, name in words.items()
    )


_TRADE_FLOW = re.compile(r"\b(?:exports?|imports?|shipments?)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def analyst_words(subject: str) -> str:
    """'chip exports' -> 'semiconductor exports', 'car exports' -> 'automobile exports', but 'car
    registrations' as written (catalog.toml, [subject_words] and [trade_item_words])."""
    tables = ("subject_words", "trade_item_words") if _TRADE_FLOW.search(subject) else ("subject_words",)
    for table in tables:
        for pattern, name in _subject_words(table):
            subject = pattern.sub(name, subject)
    if "output" in subject:
        pattern, name = _output_words()
        subject = pattern.sub(name, subject)
    return subject


@cache
def _output_words() -> tuple[re.Pattern[str], str]:
    """'crude steel output' -> 'crude steel production', 'industrial output' as it is ([output_words])."""
    table = _catalog_data().get("output_words", {})
    kept = "".join(rf"(?<!\b{re.escape(word)}\s)" for word in table.get("kept_after", []))
    return re.compile(rf"(?<![\w-]){kept}output(?![\w-])", re.IGNORECASE), table.get("name", "output")


def ids() -> list[str]:
    """Every id in the catalog."""
    return sorted(_catalog().entries)
