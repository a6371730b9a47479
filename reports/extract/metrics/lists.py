"""Lists: members named before a bracket or after a colon, rankings, and coordinated changes.

    "Exports of chips and ships fell 30.2 and 15.6 percent, respectively."
    "Shipments of steel fell 17.6 percent, wireless devices 15.6 percent, and vessels 22.9 percent."
    "Exports to ASEAN increased 5.3 percent; Vietnam, 1.8 percent; India, 3.7 percent."

A percentage after a change, joined to it by a list, is a change in the same direction of the next item."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from reports.extract import grammar as g
from reports.extract.metrics.figures import _GAPPED
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.phrases import (
    _INTRODUCTION,
    _LAST_COMMA,
    _THE,
    _as_modifier,
    _bare_head,
    _breakdown,
    _clean_np,
    _head_of,
    _is_place,
    _strip_place,
    _to_place,
    _with_topic,
    canonical_subject,
)
from reports.records import Change


@cache
def _list_delimiter_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|,\s*(?:and\s+|or\s+)?|;\s*|\band\s+|\bor\s+|\bto\s+|\bby\s+|\bfor\s+|\bin\s+|\bwith\s+|"
        r"\bincluding\s+|:\s*|\bfollowed\s+by\s+|\bled\s+by\s+|\bthen\s+)(?:the\s+)?"
    )


# "exports to both Brazil (...) and Mexico (...)": the coordinating word is no part of a name
_BOTH = re.compile(r"\b(?:both|either)\s+", re.I)
_LIST_NAME = re.compile(r"(?P<name>[A-Za-z][\w.’'&/-]*(?:\s+(?!and\b|or\b|the\b)[\w.’'&/-]+){0,4})\s*\(\s*")


_PLACE_LIST = re.compile(r"\b(?:to|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*\(")


_CONNECTIVES = re.compile(
    r"^(?:(?:and|or|while|whereas|but|the|with|including|followed\s+by|led\s+by|"
    r"then|as\s+well\s+as|such\s+as|notably|overtaking|surpassing|ahead\s+of|behind|than|versus)\s+)+",
    re.I,
)


_FIGURE_WORDS = re.compile(r"\d[\d,.]*\s*(?:percent|%|billion|million|units)")


_INTRODUCED = re.compile(r"\b(?:led\s+by|including|such\s+as|followed\s+by|notably)\s+(?:the\s+)?$")


_PLAIN_WORDS = re.compile(r"[A-Za-z][\w.’'&/ -]*")


_LIST_GAP = re.compile(
    r"^\s*(?:percent|per\s*cent|%)?\s*(?:,|;|,?\s*and\b|,?\s*while\b)\s*(?P<item>[^\d;:()]{0,60}?)"
    # "with car exports down 8.8 percent and oil product exports down 5 percent": the item without its cue
    r"\s*(?:,\s*)?(?:(?:up|down|higher|lower)\s+)?(?:by\s+|at\s+)?(?:a\s+|an\s+)?$",
    re.I,
)


_RESPECTIVELY_AFTER = re.compile(r"\s*(?:percent|per\s*cent|%)?\s*,?\s*respectively\b", re.I)


_ITEM_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+)\s*")


_ASIDE_DASHES = re.compile(r"\s+--.*?--\s+|\s+—.*?—\s+")


_PLACE_BASE = re.compile(
    r"^(?P<base>.*?\b(?:exports|imports|shipments|sales|trade|investment))\s+(?:to|from|with)\s+\S"
)


def _coordinated_changes(sentence: str, figures: list[_Figure], context: _Context) -> None:
    ordered = sorted(figures, key=lambda f: f.quantity.start)
    group: list[_Figure] = []
    for figure in ordered:
        change = figure.change
        if figure.role == "change" and change and change.unit == "percent" and change.direction:
            if group and _joined_to(sentence, group[-1], figure):
                group.append(figure)
                continue
            _name_coordinated(sentence, group, context)
            group = [figure]
        elif group and _misread_percentage(figure) and _joined_to(sentence, group[-1], figure):
            direction = group[0].change.direction if group[0].change else None
            figure.role, figure.attached = "change", False
            figure.change = Change(abs(figure.quantity.value), "percent", direction, None)
            figure.subject = None
            group.append(figure)
        else:
            _name_coordinated(sentence, group, context)
            group = []
    _name_coordinated(sentence, group, context)


def _misread_percentage(figure: _Figure) -> bool:
    """A percentage read as a level (a share or a rate) that names no share or rate."""
    if figure.role != "level" or figure.quantity.kind != "percent":
        return False
    return not figure.subject or not re.search(r"\b(?:share|rate|ratio|proportion)\b", figure.subject, re.I)


def _joined_to(sentence: str, before: _Figure, figure: _Figure) -> bool:
    gap = sentence[before.quantity.end : figure.quantity.start]
    joined = _LIST_GAP.match(gap)
    return bool(joined) and not g.VERB.search(gap) and not _NOT_AN_ITEM.search(joined.group("item"))


_NOT_AN_ITEM = re.compile(r"\b\w+ing\b|\b(?:to|of|from|than|with)$", re.I)


_REPORTING_TAIL = re.compile(
    r"\s+(?:\w+ed|saw|showed|made|had|took|won|got|hit|set|met|grew|rose|fell)(?:\s+(?:an?|the))?$", re.I
)


def _name_coordinated(sentence: str, group: list[_Figure], context: _Context) -> None:
    if len(group) < 2:
        return
    last = group[-1]
    if _RESPECTIVELY_AFTER.match(sentence, last.quantity.end):
        _name_respectively(sentence, group, context)
        return
    lead = group[0]
    paired = lead.subject and group[1].subject == lead.subject and _PAIR.fullmatch(lead.subject)
    if len(group) == 2 and paired:
        # "imports and total trade grew by 3.9 per cent and 0.4 per cent": in order, as if respectively
        _name_respectively(sentence, group, context)
        if group[1].subject != lead.subject:
            return
    for before, figure in zip(group, group[1:], strict=False):
        if figure.subject and figure.subject != lead.subject:
            continue  # named by its own clause
        item = _LIST_GAP.match(sentence[before.quantity.end : figure.quantity.start])
        name = item.group("item").strip(" ,") if item else ""
        figure.subject = _item_subject(name, lead.subject, context) or figure.subject or lead.subject
        figure.member, figure.dimension = None, None


# measures that go to or come from a place: "exports to India", "FDI from Japan", "a surplus with China"
_DIRECTED = re.compile(
    r"\b(?:exports?|imports?|shipments?|sales|trade|investments?|FDI|pledges|inflows?|outflows?|surplus|"
    r"deficit|balance|orders|purchases|deliveries|arrivals|visitors|tourists|remittances|flights|"
    r"(?:exported|imported|shipped)\b)",
    re.I,
)


_PAIR = re.compile(r"[^,]+\s+and\s+[^,]+")


def _item_subject(item: str, lead: str | None, context: _Context) -> str | None:
    """The subject of a list item: 'vessels' after 'steel product exports' -> 'vessel exports';
    'Vietnam' after 'exports to ASEAN' -> 'exports to Vietnam'."""
    named = _clean_np(item) if item else None
    if not named or not lead or named.lower().endswith(" than"):
        return None  # "... and stronger than the 9.9 percent rise": a comparison, not an item
    place = _PLACE_BASE.match(lead)
    if item.lstrip()[:1].isupper() and place:  # a proper name after a destination is a destination
        return canonical_subject(f"{place.group('base')} to {item.strip()}")
    item = named
    head = _head_of(lead)
    if head is None:
        return None
    if g.HEAD.search(item):
        return canonical_subject(item)
    return canonical_subject(f"{_as_modifier(item)} {head}")


def _name_respectively(sentence: str, group: list[_Figure], context: _Context) -> None:
    """'Exports of A and B rose 19.5 and 7.2 percent, respectively': the items are named before the
    first change's verb, in order."""
    verb = None
    for match in g.VERB.finditer(sentence, 0, group[0].quantity.start):
        verb = match
    if verb is None:
        return
    clause = _REPORTING_TAIL.sub("", _ASIDE_DASHES.sub(" ", sentence[: verb.start()]).strip())
    clause = _ASIDE_TAIL.sub("", clause)  # "Exports to Peru and Chile, however, dropped ..."
    each = _WITH_EACH.search(clause)
    if each:  # "Exports to the U.S. and Japan grew as well, with each increasing by 17.7 and 22.4 percent"
        main = clause[: each.start()]
        own_verb = g.VERB.search(main)
        clause = main[: own_verb.start()].strip() if own_verb else main
    last = _LAST_COMMA.split(clause)[-1].strip()
    those = _THOSE_PART.match(last)
    head = _head_of(group[0].subject or "") or _head_of(context.lead or "")
    if those and head:  # "..., while those to the U.S. and the EU dipped ...": exports to the U.S., ...
        last = f"{head} {last[those.end() :]}"
    names = _items_named(last, len(group))
    opened = _without_opening(clause) if names is None else None
    if opened:  # "By destination, exports to the U.S., the EU and Singapore rose ...": the whole list
        names = _items_named(opened, len(group))
    if names is None:  # "Among the key items, chips, ships and cars posted gains of ...": a bare list
        head = _head_of(group[0].subject or "") or _head_of(context.lead or "")
        items = [_ALL_AFTER.sub("", item) for item in _ITEM_SPLIT.split(clause)[-len(group) :]]
        if len(items) == len(group) and all(g.HEAD.search(item) for item in items):
            names = [_clean_np(item) for item in items]  # "output, sales and exports all rose"
        elif head and len(items) == len(group):
            # "intermediate and consumer goods output slid ...": an item holding the head keeps it once
            names = [
                _clean_np(item if g.HEAD.search(item) else f"{_as_modifier(item)} {head}") for item in items
            ]
    if names is None or len(names) != len(group) or not all(names):
        return
    for figure, name in zip(group, names, strict=True):
        figure.subject, figure.member, figure.dimension = canonical_subject(name or ""), None, None


_THOSE_PART = re.compile(
    r"^(?:(?:while|whereas|and|but)\s+)?(?:those|that)\s+(?=(?:to|from|in|for|with)\s)", re.I
)
_ALL_AFTER = re.compile(r"\s+(?:all|both|each|alike)$", re.I)
_WITH_EACH = re.compile(r",\s*with\s+(?:each|both|all)(?:\s+of\s+them)?$", re.I)
_ASIDE_TAIL = re.compile(
    r",\s*(?:however|meanwhile|also|though|in\s+contrast|by\s+contrast|on\s+the\s+other\s+hand),?$"
    # "Exports to China and the U.S., the two largest markets, rose ...": what they are, no item
    r"|,\s+(?:the|its|their|an?)\s[^,;\d]{0,60},$",
    re.I,
)


def _without_opening(clause: str) -> str | None:
    """'By destination, exports to the U.S., the EU and Singapore' -> 'exports to the U.S., the EU and
    Singapore': a list of three or more, its opening phrase dropped; None where it is no such list."""
    parts = [p.strip() for p in clause.split(",") if p.strip()]
    while len(parts) > 2 and _INTRODUCTION.match(parts[0]):
        parts = parts[1:]
    if len(parts) < 3 and not (len(parts) == 2 and " and " in parts[-1]):
        return None
    if " and " not in parts[-1] or any(ch.isdigit() for p in parts for ch in p):
        return None
    return ", ".join(parts)


def _items_named(clause: str, count: int) -> list[str | None] | None:
    """'exports of A and B' -> ['A exports', 'B exports'];
    'shipments to A and B' -> ['shipments to A', 'shipments to B']; 'trade with A and B' alike."""
    of = re.match(r"^(?P<head>.*?\b\w+)\s+of\s+(?P<items>.+)$", clause)
    to = re.match(r"^(?P<head>.*?\b\w+)\s+(?P<prep>to|from|with)\s+(?P<items>.+)$", clause)
    if to and not of:
        items = _ITEM_SPLIT.split(to.group("items").strip())
        names = [_clean_np(f"{to.group('head')} {to.group('prep')} {item}") for item in items]
    elif of:
        items = _ITEM_SPLIT.split(of.group("items").strip())
        names = [_clean_np(f"{of.group('head')} of {item}") for item in items]
    else:
        return None
    return names if len(names) == count else None


def _gapped_member(sentence: str, figure: _Figure, figures: list[_Figure]) -> str | None:
    """'..., ASEAN 14.0 percent to $10.4 billion and Taiwan 41.2 percent': a name standing for the clause."""
    if figure.role != "change" or figure is figures[0]:
        return None
    match = _GAPPED.search(sentence, max(0, figure.quantity.start - 50), figure.quantity.start)
    if not match or g.VERB.search(match.group("name")):
        return None
    return _THE.sub("", match.group("name"))


_COLON_ITEM = re.compile(r"[:;]\s*(?:and\s+)?(?P<name>[A-Za-z][\w’'/ -]{1,40}?)\s*,\s*(?:[A-Z]{3}\s*)?$")


def _colon_item(sentence: str, figure: _Figure) -> str | None:
    """'the figures were as follows: water pumps, USD 1.2 billion (+3.0%); valves, USD 0.8 billion': in a
    list after a colon, the words before the comma name the item."""
    if figure.role != "level" or ":" not in sentence[: figure.quantity.start]:
        return None
    match = _COLON_ITEM.search(sentence, max(0, figure.quantity.start - 50), figure.quantity.start)
    if not match or g.VERB.search(match.group("name")) or len(match.group("name").split()) > 5:
        return None
    return match.group("name").strip()


_LED_WITH = re.compile(
    r"(?:^|[,;]\s*(?:and\s+)?|\bfollowed\s+by\s+|\bwhile\s+|\bahead\s+of\s+)(?:the\s+)?"
    r"(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})\s+(?:led\s+with|came\s+(?:second|third|next)\s+with|"
    r"at|with)\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$"
)


def _led_with(sentence: str, figure: _Figure) -> str | None:
    """'Brand A led with 11.2 million units, followed by Brand B at 6.4 million': a ranking's members."""
    if figure.role != "level":
        return None
    low, start = max(0, figure.quantity.start - 60), figure.quantity.start
    if sentence.find(" at ", low, start) == -1 and sentence.find(" with ", low, start) == -1:
        return None
    match = _LED_WITH.search(sentence, low, start)
    if not match or g.PERIOD.fullmatch(match.group("name")) or g.VERB.search(match.group("name")):
        return None
    return match.group("name")


def _list_member(sentence: str, figure: _Figure, figures: list[_Figure]) -> str | None:
    """'Taiwan (up 64.8 percent)', 'the Kona (270,000)': the name before the bracket holding the figure."""
    gapped = (
        _gapped_member(sentence, figure, figures)
        or _colon_item(sentence, figure)
        or _led_with(sentence, figure)
    )
    if gapped:
        return gapped
    opening = sentence.rfind("(", 0, figure.cue_start + 1)
    if opening == -1 or sentence[opening + 1 : figure.cue_start].strip(" ~"):
        return None
    if any(f.quantity.end <= opening and opening - f.quantity.end <= 2 for f in figures):
        return None  # '$14.8 billion (up 30 percent)': the bracket belongs to the level before it
    name = _name_after_punctuation(sentence, opening)
    if name is None:
        for delimiter in _list_delimiter_pattern().finditer(sentence, max(0, opening - 60), opening):
            match = _LIST_NAME.fullmatch(sentence, delimiter.end(), opening + 1)
            if match:
                name = match.group("name").strip()
    if not name or g.PERIOD.fullmatch(name):
        return None  # "compared with December 2024 (EUR 234.2 bn)": a period, not a member
    if sentence[:opening].strip() == name and name[:1].isupper() and name[1:2].islower():
        name = name[0].lower() + name[1:]  # a common noun that opens the sentence: 'Semiconductors (up ...)'

    if g.VERB.search(name) or _FIGURE_WORDS.search(name):
        return None
    items = _bracketed_count(sentence, tuple(f.cue_start for f in figures))
    introduced = _INTRODUCED.search(
        sentence[max(0, opening - len(name) - 30) : opening - len(name)].rstrip() + " ",
    )
    if not name[:1].isupper() and items < 2 and not introduced:
        return None
    return name


def _name_after_punctuation(sentence: str, opening: int) -> str | None:
    """The words between the last ')', ',', ';' or ':' and the bracket, without 'and', 'while', 'the'."""
    low = max(0, opening - 60)
    cut = max(sentence.rfind(mark, low, opening) for mark in "),;:")
    start = cut + 1 if cut >= 0 else (0 if low == 0 else -1)
    if start < 0:
        return None
    words = _CONNECTIVES.sub("", sentence[start:opening].strip())
    if not words or len(words.split()) > 5 or g.VERB.search(words) or not _PLAIN_WORDS.fullmatch(words):
        return None
    return words


@lru_cache(maxsize=16)
def _bracketed_count(sentence: str, cue_starts: tuple[int, ...]) -> int:
    """How many figures of the sentence open a bracket right after a word: 'Taiwan (up 64.8 percent)'."""
    count = 0
    for cue_start in cue_starts:
        opening = sentence.rfind("(", max(0, cue_start - 12), cue_start + 1)
        if (
            opening > 0
            and not sentence[opening + 1 : cue_start].strip(" ~")
            and sentence[max(0, opening - 3) : opening].rstrip()[-1:].isalpha()
        ):
            count += 1
    return count


_THOSE_PLACED = re.compile(r"those\s+(?=(?:to|from|in)\s)", re.I)


def _name_member(
    sentence: str, figure: _Figure, item: str, base: str | None, dimension: str | None, context: _Context
) -> None:
    base = base or context.subject or ""
    head = _head_of(base) or _head_of(context.lead or "") or ""  # never a headless name: "Apple Samsung"
    member = _THE.sub("", _BOTH.sub("", item))  # "to both Brazil (...) and Mexico (...)"
    those = _THOSE_PLACED.match(member)
    if those and _to_place(base):  # "whereas those from the U.S. (down ...)": the base's, placed
        member = f"{_strip_place(base)} {member[those.end() :]}"
    cleaned = _clean_np(member) or member
    if g.HEAD.search(cleaned):
        figure.subject = _with_topic(cleaned, context)
        figure.member, figure.dimension = None, dimension
        sub, mem, dim = _breakdown(figure.subject or cleaned, dimension or "item", context)
        figure.member, figure.dimension = mem, dim
        return
    placed = _to_place(base)
    if dimension is None and placed and placed.group("prep") in ("to", "from") and member[:1].isupper():
        # "Shipments to Chile rose ..., overtaking Peru (...)": the member is a place like the base's
        dimension = "destination" if placed.group("prep") == "to" else "origin"
    if dimension is None:
        dimension = "destination" if _PLACE_LIST.search(sentence) else "item"
    if _is_place(dimension) and _to_place(member):  # the first item holds its own head and place
        figure.subject = canonical_subject(member)
    elif _is_place(dimension) and not _DIRECTED.search(_strip_place(base) or head):
        # "China ranked first with 41 million tons in production, followed by India (4.1 million tons)": a
        # measure that goes nowhere is the place's own, not one "to" it
        figure.subject = f"{member} {_strip_place(base) or head}".strip()
    elif _is_place(dimension):
        prep = "from" if dimension in ("origin", "source") else "to"
        figure.subject = f"{_strip_place(base)} {prep} {member}".strip()
    else:
        modifier = member if member[:1].isupper() else _as_modifier(member)
        figure.subject = f"{modifier} {_bare_head(base, head)}".strip()
    figure.member, figure.dimension = member, dimension
