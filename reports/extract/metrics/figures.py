"""Which numbers of a sentence are figures, and of what kind: level, change or share."""

from __future__ import annotations

import re
from dataclasses import replace

from reports.extract import grammar as g
from reports.extract.metrics.changes import (
    _NOUN_ALTERNATION,
    _amount_change,
    _basis_near,
    _change_figure,
    _direction,
    _direction_nearby,
    _noun_change,
)
from reports.extract.metrics.model import _Figure
from reports.extract.metrics.units import _is_threshold, _list_inherited, _named_unit, _ranges
from reports.extract.numbers import Quantity
from reports.records import Change

# "a(?<=\ba)nd" is "\band": both alternatives open with a character, so the engine skips to those
_GAPPED = re.compile(
    r"(?:,\s*(?:and\s+)?|a(?<=\ba)nd\s+)(?:(?P<prep>to|from|in)\s+)?(?P<name>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"\s+(?:by\s+)?$"
)


_GAPPED_AFTER = re.compile(r"\s+to\s|\s*(?:,|;|\band\b|\.|$)")


_SHARE_WORD = g.Caseless(r"\bshare\b")


_LEVEL_BEFORE_BRACKET = re.compile(r"\d\s*(?:[A-Za-z]+\s*)?\(\s*$")


_BETWEEN_TAIL = re.compile(r"\s+between\s+$", re.I)


# A bare number an index stands at: "The Newbuilding Price Index was 154.73", "the index rose to 105.3"
_INDEX_AT = re.compile(
    r"\bindex\s+(?:was|is|stood\s+at|stands\s+at|came\s+in\s+at|reached|hit|(?:rose|fell|climbed|dropped|"
    r"increased|decreased|jumped|slipped)\s+to)\s+(?:a\s+|an\s+)?$",
    re.I,
)


def _figures(sentence: str, quantities: list[Quantity], context_unit: str | None = None) -> list[_Figure]:
    quantities, pairs = _ranges(sentence, quantities) if len(quantities) > 1 else (quantities, {})
    by_quantity: dict[int, _Figure] = {}
    figures: list[_Figure] = []
    inferred: set[int] = set()
    previous_change: _Figure | None = None
    last_unit: Quantity | None = None
    for index, q in enumerate(quantities):
        paired = by_quantity.get(pairs.get(index, -1))
        if paired is not None and paired.role in ("change", "share"):
            # the upper end of a range is what the lower end is: "grow between 3 and 4 percent"
            change = paired.change and replace(paired.change, value=abs(q.value))
            figure = _Figure(q, paired.role, q.start, change, range_of=paired)
            figures.append(figure)
            by_quantity[index] = figure
            continue
        if q.kind == "bare" and _percent_list_ends(sentence, quantities, index):
            q = replace(q, unit="percent", kind="percent")  # "fell 30.2 and 15.6 percent"
        elif q.kind == "bare" and (listed := _count_list_end(sentence, quantities, index)) is not None:
            q = replace(q, unit=listed.unit, kind="count")  # "9.58 million and 9.49 million units"
        if q.kind == "bare":
            typed = _list_inherited(sentence, q, last_unit) or _named_unit(sentence, q, None)
            if typed is None and context_unit:
                typed = _named_unit(sentence, q, context_unit)
                inferred.add(q.start)  # the unit of an earlier sentence's count
            if typed is None and _INDEX_AT.search(sentence, max(0, q.start - 40), q.start):
                typed = replace(q, unit="points", kind="count")  # "the price index stood at 161.57"
            if typed is None:
                continue
            q = typed
        if q.kind in ("percent", "points"):
            figure = _percentage(sentence, q)
            before_change = figures[-1] if figures else None
            if (
                before_change is not None
                and before_change.role == "change"
                and before_change.change is not None
                and before_change.change.unit not in ("percent", "percentage points")
                and _OR_AFTER_CHANGE.fullmatch(sentence, before_change.quantity.end, q.start)
            ):  # "decreased $6.5 billion, or 8.7 percent": the same change in percent
                moved = before_change.change
                restated = Change(abs(q.value), "percent", moved.direction, moved.basis)
                figure = _Figure(q, "change", q.start, restated)
            if (
                figure.role == "level"
                and previous_change is not None
                and _GAPPED.search(sentence, max(0, q.start - 50), q.start)
                and _GAPPED_AFTER.match(sentence, q.end)
            ):
                change = previous_change.change
                figure = _Figure(
                    q,
                    "change",
                    q.start,
                    Change(abs(q.value), "percent", change.direction if change else None, None),
                )
            # "grew 8.2 percent in May and 1.1 percent in June"; "followed by Chile (3.6 percent)"
            after_change = previous_change is not None and figure.role == "level"
            if after_change and any(rule(sentence, previous_change, q) for rule in _CHANGE_CONTINUED):
                change = previous_change.change
                basis = _basis_near(sentence, q.end, q.start)
                figure = _Figure(
                    q,
                    "change",
                    q.start,
                    Change(abs(q.value), "percent", change.direction if change else None, basis),
                )
            if figure.role == "change":
                previous_change = figure
            figures.append(figure)
            by_quantity[index] = figure
            continue
        if _is_threshold(sentence, q):
            continue
        signed = _signed_in_brackets(sentence, q, figures[-1] if figures else None)
        if signed is not None:  # "a surplus of $51.8 billion (+$62.1 billion year-on-year)": its change
            figures.append(signed)
            continue
        restated = _amount_restating(sentence, q, figures[-1] if figures else None)
        if restated is not None:  # "rose 12.5 percent, or $1.2 billion": the same change as an amount
            figures.append(restated)
            continue
        as_change = _noun_change(sentence, q) or _amount_change(sentence, q)
        as_change = as_change or _amount_gapped(sentence, q, figures)
        if as_change is not None:
            figures.append(as_change)
            continue
        figures.append(_Figure(q, "level", q.start, range_of=by_quantity.get(pairs.get(index, -1))))
        last_unit = q
        by_quantity[index] = figures[-1]
    for figure in figures:
        figure.unit_inferred = figure.quantity.start in inferred
    return figures


_AND_BY = re.compile(r"(?:,\s*(?:and\s+)?|\band\s+)by\s+(?:about\s+|some\s+|nearly\s+)?$")


def _amount_gapped(sentence: str, q: Quantity, figures: list[_Figure]) -> _Figure | None:
    """'increased by $363 million with Mexico and by $1.6 billion with Japan': an amount after 'and by'
    moves as the amount change before it did."""
    before = figures[-1] if figures else None
    if before is None or before.role != "change" or before.change is None or before.attached:
        return None
    if before.change.unit in ("percent", "percentage points") or before.quantity.unit != q.unit:
        return None
    gap = sentence[before.quantity.end : q.start]
    if not _AND_BY.search(gap) or any(ch.isdigit() for ch in gap) or g.VERB.search(gap):
        return None
    change = Change(abs(q.value), q.unit or "units", before.change.direction, before.change.basis)
    return _Figure(replace(q, value=abs(q.value)), "change", q.start - 3, change)


_SIGN_IN_BRACKET = re.compile(r"\(\s*(?P<sign>[-+−])\s*$")


def _signed_in_brackets(sentence: str, q: Quantity, before: _Figure | None) -> _Figure | None:
    """'$51.8 billion (+$62.1 billion year-on-year)', '$5.1 billion (-$0.4 billion)': an amount signed in
    brackets right after a level in its unit is the level's change, stated as an amount."""
    if before is None or before.role != "level" or q.kind not in ("money", "count"):
        return None
    if q.unit != before.quantity.unit:
        return None
    sign = _SIGN_IN_BRACKET.search(sentence, max(0, before.quantity.end), q.start)
    if sign is None or sentence[before.quantity.end : sign.start()].strip():
        return None
    direction = "up" if sign.group("sign") == "+" else "down"
    basis = _basis_near(sentence, q.end, sign.start())
    change = Change(abs(q.value), q.unit, direction, basis)
    return _Figure(replace(q, value=abs(q.value)), "change", sign.start(), change)


# "grew by 12.5 per cent or 11,315 units", "a 20% yoy drop, equivalent to NZD 332 million"
_OR_AMOUNT = re.compile(
    rf"(?:\s+(?:yoy|y-o-y|on-year|year-on-year))?(?:\s+(?:{_NOUN_ALTERNATION}))?"
    r"\s*,?\s+(?:or|equivalent\s+to|equal\s+to|amounting\s+to|worth)\s+"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?"
)


def _amount_restating(sentence: str, q: Quantity, before: _Figure | None) -> _Figure | None:
    """'grew by 12.5 per cent or 11,315 units': an amount after a change in percent and 'or' is the same
    change, stated as an amount (a figure of its own, 'change in ...')."""
    if before is None or before.role != "change" or before.change is None or before.change.unit != "percent":
        return None
    if q.kind not in ("money", "count") or not _OR_AMOUNT.fullmatch(sentence, before.quantity.end, q.start):
        return None
    change = Change(abs(q.value), q.unit, before.change.direction, before.change.basis)
    return _Figure(replace(q, value=abs(q.value)), "change", q.start, change)


def _count_list_end(sentence: str, quantities: list[Quantity], index: int) -> Quantity | None:
    """The count that ends a list of bare numbers from `index` on, whose unit they share: '9.58 million and
    9.49 million units'; scaled alike, so a year or a rank before a count is no part of it."""
    q = quantities[index]
    for before, after in zip(quantities[index:], quantities[index + 1 :], strict=False):
        if not _PERCENT_LIST_NEXT.fullmatch(sentence, before.end, after.start) or after.scaled != q.scaled:
            return None
        if after.kind != "bare":
            return after if after.kind == "count" else None
    return None


def _percent_list_ends(sentence: str, quantities: list[Quantity], index: int) -> bool:
    """Whether the bare numbers listed from `index` on end in a percentage: 'rose 3, 4 and 5 percent'."""
    for before, after in zip(quantities[index:], quantities[index + 1 :], strict=False):
        if not _PERCENT_LIST_NEXT.fullmatch(sentence, before.end, after.start):
            return False
        if after.kind != "bare":
            return after.kind == "percent"
    return False


_AND_THEN = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:by\s+)?$")
_PERIOD_OR_END = re.compile(
    r"\s*(?:$|[.,;)]|(?:in|during|for|over|on|the\s+(?:following|previous|preceding|same))\b"
    r"|(?:from|than|compared|versus|year-on-year|on-year|y-o-y|yoy)\b)",  # "and 0.7% from last year"
    re.I,
)


def _gapped_change(sentence: str, change: _Figure, q: Quantity) -> bool:
    """A second percentage joined to a change with its verb left out, and nothing but a period between:
    'rose 8.2 percent in May and 1.1 percent in June' -> the second is a change too."""
    if change.change is None or change.change.unit != "percent":
        return False
    between = sentence[change.quantity.end : q.start]
    if len(between) > 60 or not _AND_THEN.search(between) or g.VERB.search(between):
        return False
    if any(ch.isdigit() for ch in between) and not g.PERIOD.search(between):
        return False
    return bool(_PERIOD_OR_END.match(sentence, q.end))


def _followed_by_item(sentence: str, change: _Figure, q: Quantity) -> bool:
    """'jumped 15.4 percent, followed by the EU (15.2 percent), China (8.6 percent)': a bare percentage in
    brackets after a name, in a list a change leads with 'followed by', is a change of the same kind."""
    if change.change is None or change.change.unit != "percent":
        return False
    if not sentence[: q.start].rstrip().endswith("(") or not sentence[q.end :].lstrip().startswith(")"):
        return False
    leads = list(_FOLLOWED_BY.finditer(sentence, 0, q.start))
    if not leads or change.quantity.start >= q.start:
        return False
    lead = leads[-1]
    # the list after "followed by" holds its numbers in brackets only
    return not any(ch.isdigit() for ch in _BRACKETED.sub(" ", sentence[lead.end() : q.start]))


def _did_so(sentence: str, change: _Figure, q: Quantity) -> bool:
    """'those to Canada fell 2.6% and those to the rest of the world did so by 7.7%': the verb stands for
    the change before it."""
    if change.change is None or change.change.unit != "percent":
        return False
    return bool(_DID_SO.search(sentence, max(0, q.start - 30), q.start))


_DID_SO = g.Caseless(r"\b(?:did|do|does)\s+(?:so|the\s+same)\s+(?:by\s+)?(?:about\s+|nearly\s+)?$")
_FOLLOWED_BY = g.Caseless(r"\b(?:followed\s+by|trailed\s+by)\b")
_BRACKETED = re.compile(r"\([^()]*\)")
# A percentage after a change that continues it with the verb left out, tried in order.
_CHANGE_CONTINUED = (_gapped_change, _followed_by_item, _did_so)
_PERCENT_LIST_NEXT = re.compile(r"\s*(?:,|and|,\s*and|to|-|–)\s*")


def _percentage(sentence: str, q: Quantity) -> _Figure:
    before = sentence[max(0, q.start - 60) : q.start]
    move = _contribution(sentence, q, before) if q.kind == "points" else None
    if move:  # "contributed 0.3 percentage point to the drop in manufacturing": a contribution, in points
        return _Figure(q, "level", q.start, contributes_to=move)
    if "between" in before.lower():  # the pattern's test, some ten times faster than running it
        before = _BETWEEN_TAIL.sub(" ", before)
    listed = _bracketed_change(sentence, q, before) if before.rstrip().endswith("(") else None
    if listed:  # "Sales increased across all regions: the Americas (37.7%)", "to December (12.4%)"
        return _change_figure(q, listed, q.start, sentence)
    more = _MORE_GOODS.match(sentence, q.end) if q.kind == "percent" else None
    if more:  # "Germany exported 5.6% more goods to the United States": a change in what was shipped
        return _change_figure(q, "up" if more.group("cmp").lower() == "more" else "down", q.start, sentence)
    caused = _CAUSED_BY.search(before) if "by" in before[-14:] else None
    if caused:  # "helped drive up exports to the U.S. by 2.5 per cent": a change in what was driven
        direction = "down" if (caused.group("dir") or caused.group("verb")).lower() in _DOWNWARD else "up"
        figure = _change_figure(q, direction, q.start - len(before) + caused.start(), sentence)
        figure.stated_subject = caused.group("np")
        return figure
    after = sentence[q.end : q.end + 40]
    start = g.cue_start(before)
    cue = g.CHANGE_BEFORE.search(before, start)
    share_before = g.SHARE_BEFORE.search(before, start)
    if share_before and (
        cue is None or share_before.start() > cue.start() or share_before.end() > cue.start()
    ):
        return _Figure(q, "share", q.start - len(before) + share_before.start())
    if cue is not None:
        word = (cue.group("dir") or cue.group("noun") or cue.group("bare")).lower()
        direction = _direction(word)
        if direction is not None or q.kind == "points":
            return _change_figure(q, direction, q.start - len(before) + cue.start(), sentence)
    after_cue = g.CHANGE_AFTER.match(after)
    if after_cue is not None:
        named = (after_cue.group(name) for name in ("noun", "cmp", "cmp2", "cmp3", "post", "vs"))
        word = next((w for w in named if w), "").lower()
        direction = _direction(word) if word else _direction_nearby(before)
        if direction is None and q.signed:
            direction = "down" if q.signed == "-" else "up"
        if direction is None:  # "fell ..., by 0.7 and 0.5 percent compared to September"
            direction = _changed_by(sentence, q)
        return _change_figure(q, direction, q.start, sentence)
    if q.signed or q.kind == "points":
        direction = "down" if q.signed == "-" else ("up" if q.signed == "+" else _direction_nearby(before))
        return _change_figure(q, direction, q.start, sentence)
    if q.value == 0 and before.rstrip().endswith("(") and _LEVEL_BEFORE_BRACKET.search(before):
        return _change_figure(q, "flat", q.start, sentence)  # "USD 0.64 billion (0.0%)": no change
    if g.SHARE_AFTER.match(after):
        return _Figure(q, "share", q.start)
    by_verb = _changed_by(sentence, q) if _BY_BEFORE.search(before) else None
    if by_verb is not None:
        return _change_figure(q, by_verb, q.start, sentence)
    return _Figure(q, "share" if _SHARE_WORD.search(before[-40:]) else "level", q.start)


_MORE_GOODS = re.compile(
    r"\s+(?P<cmp>more|less|fewer)\s+(?:goods|products|merchandise|cars|vehicles|chips|oil|gas|steel)\b", re.I
)


def _bracketed_change(sentence: str, q: Quantity, before: str) -> str | None:
    """A percentage in brackets after a name, in a list that a change verb opens with a colon ('increased
    across all regions: the Americas (37.7%), Europe (21.7%)'), right after the verb's place ('increased
    slightly in Europe (0.9%), but fell in Japan (-0.9%)') or after each month of a series ('continued to
    rise from November (3.9%) to December (12.4%)'): a change in the verb's direction."""
    if not sentence.startswith(")", q.end):
        return None
    if q.signed:
        return "down" if q.signed == "-" else "up"
    placed = _VERB_IN_PLACE.search(before)
    if placed:
        return _direction(placed.group("verb").lower())
    opened = q.start if MONTH_IN_BRACKET.search(before) else sentence.rfind(":", 0, q.start)
    if opened == -1 or any(ch.isdigit() for ch in _BRACKETED.sub(" ", sentence[opened : q.start])):
        return None
    verbs = list(g.CHANGE_VERB_ANY.finditer(sentence, 0, opened))
    return _direction(verbs[-1].group("dir").lower()) if verbs else None


_VERB_IN_PLACE = re.compile(
    rf"\b(?P<verb>{g.alternation(g.CHANGE_VERBS)})\s+(?:[a-z]+ly\s+)?in\s+(?:the\s+)?"
    r"[A-Z][\w/ .-]{1,30}\(\s*$"
)
# "from November (3.9%) to December (12.4%)": a month, then the bracket its figure stands in
MONTH_IN_BRACKET = re.compile(rf"{g._MONTH}\.?(?:\s+(?:19|20)\d\d)?\s*\(\s*$")
# "helped drive up Canadian exports by 2.5 per cent", "pushed down import costs by 4 percent", "lifted
# sales by 3%": a causative verb, what it moved, and by how much
_CAUSED_BY = re.compile(
    r"\b(?P<verb>drive|drove|driven|driving|push|pushed|pushing|pull|pulled|pulling|drag|dragged|dragging|"
    r"lift|lifted|lifting|boost|boosted|boosting|raise|raised|raising|cut|cutting|send|sent|sending|"
    r"nudge|nudged|nudging|knock|knocked|knocking)"
    r"(?:\s+(?P<dir>up|down))?\s+(?P<np>[A-Za-z][^,;:()$€£¥₩\d]{1,60}?)\s+by\s+"
    r"(?:about\s+|some\s+|nearly\s+|around\s+|almost\s+)?$",
    re.I,
)
_DOWNWARD = frozenset(
    {"down", "drag", "dragged", "dragging", "cut", "cutting", "knock", "knocked", "knocking"}
)


def _contribution(sentence: str, q: Quantity, before: str) -> str | None:
    """'contributed 0.3 percentage point to the drop in manufacturing', 'about 0.6 percentage point of the
    drop in output resulted from ...': the move a number of points is a part of ('drop in manufacturing')."""
    move = _TO_A_MOVE.match(sentence, q.end)
    if move is None or (move.group("prep").lower() == "to" and not _CONTRIBUTED.search(before)):
        return None
    return move.group("move")


_CONTRIBUTED = re.compile(
    r"\b(?:contributed|added|subtracted|accounted\s+for)\s+(?:about\s+|around\s+|some\s+)?$", re.I
)
_TO_A_MOVE = re.compile(
    rf"\s+(?P<prep>of|to)\s+(?:the\s+)?(?P<move>(?:[\w-]+\s+){{0,2}}?(?:{_NOUN_ALTERNATION})"
    r"(?:\s+(?:in|of)\s+(?:the\s+)?[a-z][\w -]{1,40}?)?)"
    r"(?=\s*(?:[,.;]|$|\b(?:in|during|for|resulted|came|was|were|stemmed)\b))",
    re.I,
)
_BY_BEFORE = g.Caseless(r"\bby\s+(?:about\s+|some\s+|nearly\s+|around\s+|roughly\s+|almost\s+)?$")
_PERCENTAGE = re.compile(r"[\d.,]+\s*(?:%|percent|per\s*cent)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LISTED = re.compile(r"[\d.,]+\s*(?:,|and\b)\s*$")  # "by 0.7 and 0.5 percent": the list's earlier items


def _changed_by(sentence: str, q: Quantity) -> str | None:
    """'fell in October, according to adjusted data, by 0.7 percent', 'fell the most, by 1.4 percent in the
    euro area and by 0.9 percent in the EU': 'by' a percentage after the clause's change verb, with no
    other number between but the percentages it lists, is a change in the verb's direction."""
    low = max(0, q.start - 140)
    verbs = list(g.CHANGE_VERB_ANY.finditer(sentence, low, q.start))
    if not verbs:
        return None
    verb = verbs[-1]
    between = _LISTED.sub(" ", _YEAR.sub(" ", _PERCENTAGE.sub(" ", sentence[verb.end() : q.start])))
    if any(ch.isdigit() for ch in between) or ";" in between:
        return None
    return _direction(verb.group("dir").lower())


# "decreased $6.5 billion, or 8.7 percent", "rose by NZ$250 million ($171.95 million), or 29 percent"
_OR_AFTER_CHANGE = re.compile(rf"\s*(?:{g.RESTATED_IN_BRACKETS}\s*)?(?:,?\s*or|\()\s*")
