"""The changes seam: a change stated by direction, noun or amount, its basis (yoy, mom ...), the level it
belongs to, and the release-level steps that join or move changes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from reports.extract import grammar as g
from reports.extract.confidence import RELEASE_DATE_PERIOD
from reports.extract.grammar import Caseless
from reports.extract.metrics.clauses import _CLAUSE_END, _WORD
from reports.extract.metrics.model import _Figure
from reports.extract.metrics.periods import _COMPARED_BEFORE, _MONTH_PERIOD, _NUMBER_NOT_A_YEAR, _month
from reports.extract.metrics.words import words
from reports.extract.numbers import DESCRIBED_COUNT, Quantity
from reports.periods import figure_period, valid_figure_period
from reports.records import Change, Metric

_TO_LEVEL_GAP = re.compile(
    r"^\s*(?:[\w-]+\s+){0,5}?(?:to|at|worth)\s+(?:(?:a|an|the|new|fresh|all-time|record|historic|historical|"
    r"annual|monthly|high|peak|of|about|around|nearly|almost|roughly|approximately|over|more\s+than|some|"
    r"an\s+estimated)\s+)*$",
    re.I,
)


_ATTACH_GAP = re.compile(
    # "($20.2 billion/10.8% increase)": the level and its change, a slash between
    r"^[\s,(\[/]*(?:(?:or|and|which\s+is|which\s+was|an?|or\s+an?|registering|recording|posting|logging|marking|"
    r"showing|seeing|is|are|(?:was|were)(?:\s+also)?|"
    # "808,059 units, accounting for a drop of 17.7 percent", "$184.5 million, representing a decline of"
    r"accounting\s+for|representing|reflecting|amounting\s+to|translating\s+into)"
    r"\s+)?(?:an?\s+)?[\s,(\[]*$",  # "Exports of $101.8 billion were 2.6% more than ..."
    re.I,
)


_UNCHANGED = re.compile(r"\s*,?\s*(?:unchanged|flat|steady)\b", re.I)


_COMPARED_MONTH = Caseless(
    r"\b(?:compared\s+(?:with|to)|from|than|versus|over)\s+(?:[$€£¥₩+]?[\d.,]+\s*(?:billion|million|trillion|bn|mln)?"
    r"\s+)?(?:(?:[a-z][\w'’-]*\s+){0,4}?(?:in|for|of)\s+|in\s+)?(?:the\s+previous\s+month,?\s+)?(?P<m>January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
    r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?(?!\w)"
)


# Most sentences with a figure hold a digit: that cheap test comes first, the words only without one.
_DIGIT = re.compile(r"\d")


# Every basis phrase holds one of these (a cheap test before the full pattern).
_BASIS_KEYS = words().basis_keys


_BASIS_KEY = re.compile("|".join(re.escape(key) for key in _BASIS_KEYS))


_GAP_OF = re.compile(
    r"^\s+(?:worth\s+)?of\s+(?:[\w’'-]+\s+){0,8}?[\w’'-]+(?=\s*(?:,|\bin\b|\bfor\b|\bduring\b|\bover\b|\blast\b|\bthis\b|\())"
)


_GAP_PERIOD = re.compile(
    r"\s*\b(?:in|for|during|at\s+the\s+end\s+of|as\s+of)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+"
    r"(?:half|quarter)(?:\s+of)?\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s*)?(?:(?:19|20)\d{2})?(?=\s*[,(])|\s*\b(?:last|this)\s+(?:year|month|quarter)\b"
    r"|\s*\b(?:in|for|during|over)\s+the\s+(?:[\w-]+\s+){0,2}?(?:period|months|days|weeks)"
    # "in the first three months of 2012"
    r"(?:\s+of\s+(?:this|last|the)\s+year|\s+of\s+(?:19|20)\d{2})?(?=\s*[,(])"
)
_GAP_PARTICIPLE = re.compile(  # "2.4 million vehicles sold in May, up 13 percent"
    r"^\s+(?:(?:were|was)\s+)?(?:sold|produced|exported|imported|shipped|registered|delivered|manufactured)\b",
    re.I,
)


# Between a level and its change: the unit's acronym "(TEU)", a measure "in contract value", "in value terms",
# where it was sold: "in the domestic market", "at home".
_GAP_ASIDE = re.compile(
    r"^\s*\([A-Z][A-Za-z]{1,7}\)|^\s*\b(?:in|by)\s+(?:[\w-]+\s+)?(?:value|volume|terms|tonnage)(?:\s+terms)?\b"
    r"|^\s*\bin\s+(?:[\w-]+\s+)?(?:orders|sales|exports|imports|shipments|revenues?|investments?)\b"
    r"|^\s*\b(?:in|on)\s+the\s+(?:[\w-]+\s+)?markets?\b|^\s*\b(?:at\s+home(?:\s+and\s+abroad)?|abroad|overseas|"
    r"domestically|locally|worldwide|globally)\b"
    r"|^\s*(?:per|a|an)\s+(?:metric\s+)?(?:ton|tonne|barrel|unit|kg|kilogram|pound|ounce|bushel|liter|litre|"
    r"gallon|MWh|kWh|head|share|vehicle|month|year|night|person|capita|day|week)\b",
    re.I,
)


_RESPECTIVELY = Caseless(r"\brespectively\b")


# A level restated in another currency, between the level and its change (the restatement is no figure).
_GAP_RESTATED = re.compile(
    r"^\s*,\s*or\s+(?:about\s+|around\s+|approximately\s+|roughly\s+)?(?:US\$|\$|€|£|¥)?\s*[\d.,]+\s*"
    r"(?:billion|million|trillion)?(?:\s+(?:U\.S\.|US|American))?\s*(?:dollars|euros|yen|yuan|won)?(?=\s*,)",
    re.I,
)


_BASIS_STOP = re.compile(r"[;(]|\d")


_SEMICOLON_OR_BRACKET = re.compile(r"[;(]")


_COMMA_ALONE = re.compile(r"\s*,\s*")


_STOP_IN_GAP = re.compile(r"[;:]|\d")


_CONJUNCTION = re.compile(r"\b(?:while|whereas|but|and)\b")


MAX_JOINED_QUOTE = 700  # characters: a change and a level further apart than this stay two figures


def _changes_joined_to_levels(metrics: list[Metric], body: str) -> list[Metric]:
    """A change stated alone and a level of the same subject and period without one are one figure:
    'Exports rose 10.6 percent in the first 20 days of January.' ... 'Exports stood at $28.2 billion in
    the period.' The figure quotes both sentences and what lies between them, so the change can still
    be traced; the lone change is dropped. Of two lone changes the year-on-year one joins the level
    (the other stays a figure of its own); a lone change that repeats the change its level already has
    is the same figure stated twice, and is dropped."""
    levels: dict[tuple[str, str | None], int] = {}
    for index, metric in enumerate(metrics):
        if metric.value is not None and metric.unit != "percent":
            levels.setdefault(_join_key(metric), index)
    lone: dict[tuple[str, str | None], list[int]] = {}
    for index, m in enumerate(metrics):
        if m.value is None and m.change is not None and m.change.unit == "percent":
            lone.setdefault(_join_key(m), []).append(index)
    joined, dropped = list(metrics), set()
    owned = {(_OWNER.sub("", subject), period): index for (subject, period), index in levels.items()}
    for key, indices in lone.items():
        target = levels.get(key)
        if target is None:  # "Taiwan's export orders soared 26.0 percent" and export orders "up 26.0%"
            mentioned = owned.get((_OWNER.sub("", key[0]), key[1]))
            told = metrics[mentioned].change if mentioned is not None else None
            named = metrics[indices[0]].subject
            undated = [i for i in indices if RELEASE_DATE_PERIOD in metrics[i].doubts]
            if undated and mentioned is None:
                # "Even a 20 per cent narrowing of the surplus ..." with no period, then "the surplus in July
                # fell to $1.55 billion": the level that the release dates is the change's
                own = next((i for (subject, _), i in levels.items() if subject == key[0]), None)
                if own is not None and metrics[own].change is None and len(undated) == len(indices):
                    target = own
            if target is None and mentioned is None and _PLACE_OWNER.match(named):
                # "New Zealand exports rose 11 percent" ... "Exports hit NZ$4.6 billion": the reporter's own
                own = levels.get((_PLACE_OWNER.sub("", named).casefold(), key[1]))
                if own is not None and metrics[own].change is None:
                    target = own
        if target is None:
            if told is not None:
                dropped.update(i for i in indices if _same_change(metrics[i].change, told))
            else:  # a lead's "exports rose 29.1 percent", later "total car exports ... up 29.1 percent"
                dropped.update(i for i in indices if _told_again(metrics, metrics[i], levels))
            continue
        level = joined[target]
        if level.change is not None:
            dropped.update(i for i in indices if _same_change(metrics[i].change, level.change))
            continue
        index = _joining_change(metrics, indices, level)
        if index is None:
            continue
        metric = metrics[index]
        span = (min(level.span[0], metric.span[0]), max(level.span[1], metric.span[1]))
        if span[1] - span[0] > MAX_JOINED_QUOTE:
            continue
        quote = body[span[0] : span[1]]
        record = level.record or metric.record
        joined[target] = replace(level, change=metric.change, record=record, span=span, quote=quote)
        dropped.add(index)
    return [metric for index, metric in enumerate(joined) if index not in dropped]


_OWNER = re.compile(r"^[^,;]{1,40}?['’]s\s+")  # "the country's exports" -> "exports"
_PLACE_OWNER = re.compile(r"^(?:[A-Z][\w.-]*\s+){1,3}(?=[a-z])")  # "New Zealand exports" -> "exports"


def _told_again(metrics: list[Metric], lone: Metric, levels: dict[tuple[str, str | None], int]) -> bool:
    """A lone change that a level of the same period states again, the level's name holding every word of
    the change's: the same figure, told first in a lead."""
    words = set(_WORDS.findall(_OWNER.sub("", lone.subject.casefold())))
    for (subject, period), index in levels.items():
        told = metrics[index].change
        same = period == lone.period and told is not None and _same_change(lone.change, told)
        if same and words and words <= set(_WORDS.findall(subject)):
            return True
    return False


_WORDS = re.compile(r"[a-z0-9]+")


def _join_key(metric: Metric) -> tuple[str, str | None]:
    return metric.subject.casefold(), metric.period


def _joining_change(metrics: list[Metric], indices: list[int], level: Metric) -> int | None:
    """Which lone change joins the level: the only one, else the one in the level's own sentence, else the
    first year-on-year one, else the first without a basis. None where two in one sentence are alike
    ("to grow between 2 and 3 percent": a range)."""
    alike = Counter((metrics[i].span[0], metrics[i].change.basis) for i in indices)

    def alone(index: int) -> int | None:  # not one of two alike in one sentence: a range, a list
        return None if alike[(metrics[index].span[0], metrics[index].change.basis)] > 1 else index

    beside = [i for i in indices if metrics[i].span[0] == level.span[0]]
    if len(beside) == 1:
        return alone(beside[0])
    for basis in ("yoy", None):  # the first, a lead's; confidence doubts the pick where another is alike
        chosen = next((i for i in indices if metrics[i].change.basis == basis), None)
        if chosen is not None:
            return alone(chosen)
    return indices[0] if len(indices) == 1 else None


def _same_change(a: Change | None, b: Change | None) -> bool:
    """The same change stated twice: value, unit and direction, and no basis that differs."""
    if a is None or b is None:
        return False
    same_basis = a.basis is None or b.basis is None or a.basis == b.basis
    return (a.value, a.unit, a.direction) == (b.value, b.unit, b.direction) and same_basis


_A_YEAR_OR_MONTH_AGO = Caseless(r"\ba\s+(?:year|month)\s+(?:ago|earlier|before)\b")


def _basis_from_compared_levels(metrics: list[Metric], first: int) -> None:
    """'rose 6.6 percent to 928.3 MT in 2018 from 870.9 MT in 2017': the change compares with the year
    before (yoy); with the month or quarter before, mom or qoq. Only the sentence's own figures."""
    own = metrics[first:]
    if len(own) < 2:
        return
    for index, metric in enumerate(own, start=first):
        change = metric.change
        if change is None or change.basis is not None or not metric.period:
            continue
        if not valid_figure_period(metric.period):
            continue
        period = figure_period(metric.period)
        # a change read apart from its level ("35.86 million CGT (717 ships) ..., up 26 percent from 28.5
        # million CGT a year ago") is weighed against the levels of its subject in any unit
        apart = metric.value is None  # a change read apart from its level: "up 26 percent from 28.5 million
        if apart and not _A_YEAR_OR_MONTH_AGO.search(metric.quote):  # CGT (618 ships) a year ago"
            continue
        earlier = {
            m.period
            for m in own
            if m is not metric and m.value is not None and m.subject == metric.subject
            and (apart or m.unit == metric.unit)
        }
        basis = None
        if period.year_before().key in earlier:
            basis = "yoy"
        elif period.kind in ("month", "quarter") and period.previous().key in earlier:
            basis = "mom" if period.kind == "month" else "qoq"
        if basis:
            metrics[index] = replace(metric, change=replace(change, basis=basis))


def _amount_change_apart(metric: Metric) -> list[Metric]:
    """A change stated as an amount is a figure of its own: 'exports were $165.2 billion, $10.0 billion
    more than in July' is exports 165.2e9 and 'change in exports' +10.0e9, in the level's unit."""
    change = metric.change
    if change is None or change.value is None or change.unit in ("percent", "percentage points"):
        return [metric]
    amount = -change.value if change.direction == "down" else change.value
    subject = metric.subject
    if not subject.lower().startswith("change in "):
        subject = f"change in {subject}"
    moved = replace(
        metric, subject=subject, value=amount, unit=change.unit, change=None, record=False, metric_id=None
    )
    if metric.value is None:
        return [moved]
    return [replace(metric, change=None), moved]


_TO_OR_AT = re.compile(r"\b(?:to|at|worth)\s")
_FROM_GAP = re.compile(r"\s*(?:(?:year-on-year|on-year|y-o-y)\s+)?from\s+(?:a\s+|an\s+)?", re.I)
_TO_BETWEEN = re.compile(
    r"(?:\s+(?:in|during|for)\s+[^,;$€£¥₩\d]{0,20}?(?:\d{4})?)?\s+to\s+(?:a\s+|an\s+)?(?:record\s+)?", re.I
)


_THAN_AFTER = re.compile(r"\s*(?P<w>less|lower|fewer|more|higher|greater)\s+than\b", re.I)


_UP_CHANGE_NOUNS = words().up_change_nouns


_DOWN_CHANGE_NOUNS = words().down_change_nouns


_CHANGE_NOUNS = {**dict.fromkeys(_UP_CHANGE_NOUNS, "up"), **dict.fromkeys(_DOWN_CHANGE_NOUNS, "down")}


_NOUN_ALTERNATION = "|".join(_CHANGE_NOUNS)


_NOUN_CHANGE_BEFORE = re.compile(
    rf"\b(?:an?|the)\s+(?P<noun>{_NOUN_ALTERNATION})\s+in\s+(?P<np>[^,;()\d]{{2,60}}?)\s+of\s+$", re.I
)


_NOUN_CHANGE_AFTER = re.compile(  # "a $54.7 billion (12%) increase in credits": the bracket restates it
    rf"\s+(?:\(\s*[+−-]?[\d.,]+\s*(?:%|percent|per\s*cent)\s*\)\s+)?(?P<noun>{_NOUN_ALTERNATION})\s+(?:in|of)\s+(?P<np>[^,;()\d]{{2,60}}?)"
    r"(?=\s+(?:was|were|is|are|came|led|drove|offset|set|cut|hit|in|for|during|from|over|between|and|while|as|"
    r"\w{3,}ed)\b"
    r"|\s*[,.;]|\s*$)",
    re.I,
)


def _noun_change(sentence: str, q: Quantity) -> _Figure | None:
    """'an increase in the goods deficit of $3.0 billion', 'a $6.2 billion narrowing of the trade deficit':
    a change in an amount named by its noun, whose phrase names the subject."""
    if q.kind not in ("money", "count"):
        return None
    after = _NOUN_CHANGE_AFTER.match(sentence, q.end)
    before = None if after else _NOUN_CHANGE_BEFORE.search(sentence, max(0, q.start - 90), q.start)
    found = after or before
    if found is None:
        return None
    direction = _CHANGE_NOUNS[found.group("noun").lower()]
    figure = _Figure(
        replace(q, value=abs(q.value)),
        "change",
        found.start() if before else q.start,
        Change(abs(q.value), q.unit or "units", direction, None),
    )
    figure.stated_subject = found.group("np")
    return figure


def _amount_change(sentence: str, q: Quantity) -> _Figure | None:
    """'up 193,000 from a year earlier', 'widened by £1.4 billion': a change in the figure's own unit."""
    if q.kind in ("year", "day"):
        return None  # "fell in October 2025": the year of the period, not an amount
    before = sentence[max(0, q.start - 60) : q.start]
    cue = g.CHANGE_BEFORE.search(before, g.cue_start(before))
    if cue is None or not (cue.group("dir") or cue.group("noun") or cue.group("bare")):
        than = _THAN_AFTER.match(sentence, q.end)
        if than and before.rstrip().endswith(","):
            # "exports were $271.4 billion, $3.1 billion less than December exports"
            direction = "down" if than.group("w").lower() in ("less", "lower", "fewer") else "up"
            change = Change(abs(q.value), q.unit or "units", direction, None)
            return _Figure(replace(q, value=abs(q.value)), "change", q.start, change)
        return None
    word = (cue.group("dir") or cue.group("noun") or cue.group("bare")).lower()
    direction = _direction(word)
    if direction is None or word in ("higher", "lower"):
        return None
    if word in ("loss", "losses") and not cue.group("dir"):
        return None  # "an operating loss of 120 billion won" is a level: the loss itself
    if "up to" in before and _ADDS_UP_TO.search(before):
        return None  # "arrivals added up to $14.8 billion": the level reached
    if word == "up" and _MAKES_UP.search(before):
        return None  # "schemes in Hanoi making up $8.8 billion": what they come to, a level
    cue_start = q.start - len(before) + cue.start()
    basis = _basis_near(sentence, q.end, cue_start)
    return _Figure(
        replace(q, value=abs(q.value)),
        "change",
        cue_start,
        Change(abs(q.value), q.unit or "units", direction, basis),
    )


_MAKES_UP = Caseless(r"\b(?:make|makes|made|making)\s+up\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$")
_ADDS_UP_TO = Caseless(r"\b(?:add|adds|added|adding)\s+up\s+to\s+(?:about\s+|around\s+|nearly\s+)?$")


def _change_figure(q: Quantity, direction: str | None, cue_start: int, sentence: str) -> _Figure:
    value = abs(q.value)
    unit = "percentage points" if q.kind == "points" else "percent"
    if direction is None:
        direction = "down" if q.value < 0 else ("flat" if value == 0 else "up")
    basis = _basis_near(sentence, q.end, cue_start)
    return _Figure(q, "change", cue_start, Change(value, unit, direction, basis))


def _direction(word: str) -> str | None:
    word = " ".join(word.split())
    if word in g.UP_WORDS:
        return "up"
    if word in g.DOWN_WORDS:
        return "down"
    return None


def _direction_nearby(before: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(before[-40:])]
    for word in reversed(words):
        direction = _direction(word)
        if direction:
            return direction
    return None


def _basis_near(sentence: str, after: int, cue_start: int) -> str | None:
    """The comparison a change states right by it: 'year-on-year', 'from a year earlier', 'from 2024'."""
    window_end = after + 70
    nxt = _BASIS_STOP.search(sentence[after:window_end])
    stop = after + nxt.start() if nxt else window_end
    back = max(0, cue_start - 40)
    # "on-year in 2025, while zinc edged up": a basis before the clause's start is the other clause's
    back = max((m.end() for m in _CLAUSE_END.finditer(sentence, back, cue_start)), default=back)
    for text in (sentence[after:stop], sentence[back : cue_start + 1]):
        found = _basis_in(text)
        if found:
            return found
    hinted = _BASIS_ADJECTIVE_HINT.search(sentence, back, after)
    adjective = _BASIS_ADJECTIVE.search(sentence, back, after) if hinted else None  # "monthly increases of"
    return _BASIS_ADJECTIVES[adjective.group(1).lower()] if adjective else None


_BASIS_ADJECTIVES = {
    "monthly": "mom",
    "month-on-month": "mom",
    "annual": "yoy",
    "yearly": "yoy",
    "quarterly": "qoq",
}
_BASIS_ADJECTIVE_HINT = re.compile(r"ly\s|annual|month-on")
_BASIS_ADJECTIVE = re.compile(
    r"\b(monthly|month-on-month|annual|yearly|quarterly)\s+(?:[\w-]+\s+)?(?:increase|rise|gain|growth|decline|"
    r"decrease|fall|drop|contraction|expansion)s?\s+(?:of|by)\b",
    re.I,
)


def _month_basis(sentence: str, period: str | None) -> str | None:
    """'compared with January' in a February figure: mom; 'from February 2025' for February 2026: yoy."""
    match = _COMPARED_MONTH.search(sentence)
    if not match or not period or not _MONTH_PERIOD.fullmatch(period):
        return None
    month = _month(match.group("m"))
    year = int(match.group("y")) if match.group("y") else None
    current_year, current_month = int(period[:4]), int(period[5:])
    if month == current_month and year in (None, current_year - 1):
        return "yoy"
    if month == (current_month - 2) % 12 + 1 and year in (None, current_year, current_year - 1):
        return "mom"
    return None


_MONTH_WORD = Caseless(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
# The next number after a change that is not a year: where the comparison it states ends.
_NEXT_NUMBER = re.compile(r"[;(]|" + _NUMBER_NOT_A_YEAR.pattern)


def _own_month_basis(sentence: str, figure: _Figure, period: str | None) -> str | None:
    """The month a change is compared with, right after it: '12.4% higher than in December 2023 and 3.1%
    higher than in November', for December 2024, is yoy and then mom."""
    after = figure.quantity.end
    month = _MONTH_WORD.search(sentence, after)
    if month is None:
        return None  # most changes: no month named after them
    stop = _NEXT_NUMBER.search(sentence, after)
    end = stop.start() if stop else len(sentence)
    return _month_basis(sentence[after:end], period) if month.start() < end else None


def _basis_of_clause(sentence: str, figure: _Figure, period: str | None) -> str | None:
    """The basis a sentence states, for a change in the same clause ('up 5.1 percent on-year, while steel
    rose 1.9 percent': the steel change states none) or in a list sharing it ('30.2 and 15.6 percent
    on-year, respectively')."""
    if _RESPECTIVELY.search(sentence):
        return _basis_in(sentence) or _month_basis(sentence, period)
    start = figure.quantity.start
    begin = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    following = _CLAUSE_END.search(sentence, figure.quantity.end)
    clause = sentence[begin : following.start() if following else len(sentence)]
    if begin and not _basis_in(clause):
        # an opening with no figure of its own governs the clauses after it ("Compared to a year
        # earlier, exports rose 2 percent while imports fell 1 percent")
        comma = sentence.find(",")
        opening = sentence[:comma] if comma > 0 else ""
        return None if _DIGIT.search(opening) else _basis_in(opening) or _month_basis(opening, period)
    return _basis_in(clause) or _month_basis(clause, period)


def _basis_in(text: str) -> str | None:
    if not _BASIS_KEY.search(text.lower()):
        return None
    match = g.basis_phrase(text)
    return match.lastgroup if match else None


def _attach_changes(sentence: str, masked: str, figures: list[_Figure]) -> None:
    if "espectively" in sentence and _RESPECTIVELY.search(sentence):
        _paired_respectively(sentence, figures)
    levels = [f for f in figures if f.role == "level"]
    rates = [f for f in figures if f.role in ("level", "share")]
    range_ends = {id(f) for f in figures if f.range_of is not None} | {
        id(f.range_of) for f in figures if f.range_of is not None
    }
    for n, figure in enumerate(figures):
        if figure.role != "change" or id(figure) in range_ends:
            continue  # a range of changes ("between 3 and 4 percent") is not one level's change
        # a change in percentage points can belong to a share: "51.6 percent of GDP, up 2.5 points"
        points = figure.change is not None and figure.change.unit == "percentage points"
        target = _level_after(sentence, figure, figures[n + 1 :]) or _level_before(
            sentence, masked, figure, rates if points else levels
        )
        before = target.quantity.start if target is not None else 0
        if target is not None and _COMPARED_BEFORE.search(sentence, max(0, before - 25), before):
            target = _compared_from(target, rates if points else levels)
        if target is not None and target.change is None:
            target.change = figure.change
            figure.attached = True
            if target.quantity.start > figure.quantity.start:
                target.named_by = figure
    _year_on_year_to_the_level(figures)


def _year_on_year_to_the_level(figures: list[_Figure]) -> None:
    """'totaled 2.92 million tons, increasing by 3.5 percent from the previous month and by 40.0 percent year
    on year': the level takes the year-on-year change, and the month-on-month one stands alone."""
    for n, figure in enumerate(figures):
        offered = figure.change
        if figure.role != "change" or figure.attached or offered is None or offered.basis != "yoy":
            continue
        level = next((f for f in reversed(figures[:n]) if f.role == "level"), None)
        held = level.change if level is not None else None
        if held is None or held.basis != "mom":
            continue
        first = next((f for f in figures[:n] if f.attached and f.change is held), None)
        if first is not None and first.quantity.start > level.quantity.start:
            first.attached, figure.attached = False, True
            level.change = offered


def _compared_from(compared: _Figure, levels: list[_Figure]) -> _Figure:
    """'reached 1,808.6 million tons in 2024 from 1,729.8 million tons in 2023, up 4.6%': the change after a
    level compared with belongs to the level it is compared with, the one stated before it in its unit."""
    unit, start = compared.quantity.unit, compared.quantity.start
    earlier = [f for f in levels if f.quantity.end <= start and f.quantity.unit == unit]
    return earlier[-1] if earlier and earlier[-1].change is None else compared


_LIST_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*")


def _paired_respectively(sentence: str, figures: list[_Figure]) -> None:
    """'reached $5.1 billion and $4.2 billion, up 3.1% and 2.2%, respectively' (or the changes first): the
    k-th change belongs to the k-th level."""
    runs: list[list[_Figure]] = []
    for figure in figures:
        last = runs[-1] if runs else None
        joined = last is not None and _LIST_JOIN.fullmatch(
            sentence, last[-1].quantity.end, figure.quantity.start
        )
        lead = last[0].change if last else None
        if joined and lead and figure.role == "level" and figure.quantity.kind == "percent":
            # "up 3.1% and 2.2%": the second percentage is a change like the first
            figure.role = "change"
            figure.change = Change(abs(figure.quantity.value), "percent", lead.direction, lead.basis)
        if joined and last[-1].role == figure.role:
            last.append(figure)
        else:
            runs.append([figure])
    levels = [run for run in runs if len(run) > 1 and run[0].role == "level"]
    changes = [run for run in runs if len(run) > 1 and run[0].role == "change"]
    if len(levels) != 1 or len(changes) != 1 or len(levels[0]) != len(changes[0]):
        return
    for level, change in zip(levels[0], changes[0], strict=True):
        if level.change is None and change.change is not None and change.change.unit == "percent":
            level.change, change.attached = change.change, True
            if level.quantity.start > change.quantity.start:
                level.named_by = change


def _level_after(sentence: str, change: _Figure, later: list[_Figure]) -> _Figure | None:
    """'rose 5.8 percent year-on-year to $151.3 billion'."""
    if not later or later[0].role != "level":
        return None
    gap = sentence[change.quantity.end : later[0].quantity.start]
    if len(gap) > 60 or _SEMICOLON_OR_BRACKET.search(gap):
        return None
    from_gap = _FROM_GAP.fullmatch(gap) or ("from" in gap and _FROM_GAP.fullmatch(_without_basis(gap)))
    if from_gap and len(later) > 1 and later[1].role == "level":
        # "increased by 6.5% from $6.6 billion to $7.0 billion": the change is the later level's
        between = sentence[later[0].quantity.end : later[1].quantity.start]
        return later[1] if _TO_BETWEEN.fullmatch(between) else None
    if _COMMA_ALONE.fullmatch(gap) and sentence.rfind("(", 0, change.quantity.start) > sentence.rfind(
        ")", 0, change.quantity.start
    ):
        return later[0]  # '(up 27.3 percent, $14.8 billion)': one bracket, one item
    if _TO_LEVEL_GAP.match(gap):
        return later[0]
    # "dropped 8% year on year in the second quarter to 28.6 million units": basis and period between
    if not _TO_OR_AT.search(gap):
        return None
    bare = _without_basis(g.PERIOD.sub(" ", gap))
    return later[0] if bare != gap and _TO_LEVEL_GAP.match(bare) else None


def _without_basis(text: str) -> str:
    """The text with its basis phrases ('compared to the same month a year ago') blanked."""
    for _name_of_basis, pattern in g.BASIS:
        text = pattern.sub(" ", text)
    return _AGO.sub(" ", text)


_AGO = re.compile(r"\ba\s+(?:year|month|quarter)\s+(?:ago|earlier|before)\b", re.I)


def _level_before(sentence: str, masked: str, change: _Figure, levels: list[_Figure]) -> _Figure | None:
    """'USD 264.3 billion, up 12.4 percent', '$14.8 billion (up 30 percent)', '2.7 million units, were
    exported
    (down 1.7 percent)'."""
    previous = [f for f in levels if f.quantity.end <= change.cue_start]
    if not previous:
        return None
    level = previous[-1]
    gap = sentence[level.quantity.end : change.cue_start]
    described = DESCRIBED_COUNT.match(gap) if level.quantity.kind == "count" else None
    gap = gap[described.end() :] if described else gap  # "220,643 commercial vehicles were sold ..."
    gap = _GAP_RESTATED.sub("", gap)  # "326.18 billion yuan, or about 51.85 billion U.S. dollars, shrinking"
    gap = _GAP_PERIOD.sub(" ", _GAP_OF.sub(" ", _GAP_ASIDE.sub(" ", _GAP_PARTICIPLE.sub(" ", gap)), count=1))
    if len(gap) > 40 or _STOP_IN_GAP.search(gap):
        return None
    if _ATTACH_GAP.match(gap):
        return level
    # A passive ("were exported") may come between; a new subject with its own verb may not.
    words = gap.strip(" ,([").lower()
    if g.PASSIVE_AFTER.match(words) and not _CONJUNCTION.search(words):
        return level
    return None
