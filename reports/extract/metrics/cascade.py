"""One release, sentence by sentence: the steps each sentence goes through, in order, and the figure each
step leaves becomes a `Metric`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from reports.extract import confidence
from reports.extract import grammar as g
from reports.extract.catalog import analyst_words, metric_id_for
from reports.extract.confidence import INVALID_PERIOD, SAME_SUBJECT_TWICE, Evidence, doubts_of
from reports.extract.grammar import Caseless
from reports.extract.metrics.changes import (
    _DIGIT,
    _OWNER,
    _UNCHANGED,
    _amount_change_apart,
    _attach_changes,
    _basis_from_compared_levels,
    _basis_in,
    _basis_near,
    _basis_of_clause,
    _changes_joined_to_levels,
    _direction,
    _month_basis,
    _own_month_basis,
)
from reports.extract.metrics.clauses import _masked, sentences
from reports.extract.metrics.figures import _PERCENTAGE, _YEAR, MONTH_IN_BRACKET, _figures
from reports.extract.metrics.lists import _coordinated_changes
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.periods import (
    _OPEN_BRACKET,
    _SPAN,
    _compared_level,
    _compared_periods,
    _earlier_change_end,
    _last_month,
    _period_of,
    _period_source,
    _periods,
    _set_running_period,
    _shift,
    _title_period,
)
from reports.extract.metrics.phrases import (
    _BALANCE_OWNER,
    _abbreviated,
    _as_modifier,
    _balance_name,
    _clean_np,
    _head_of,
    _is_place,
    _places_pattern,
    _proper_words,
    _strip_place,
    _title_topic,
    _to_place,
    _topic,
    _with_topic,
    canonical_subject,
)
from reports.extract.metrics.records import _FROM_RECORD_OF, _RECORD_HINT, _mark_record, _record_claim
from reports.extract.metrics.subjects import _CHANGE_NOUNS, FLOW_VERBS, _colon_label, _dimension, _name
from reports.extract.metrics.units import (
    _as_local_dollar,
    _as_named_unit,
    _counted_after_pattern,
    _economy_dollar,
    _learn_abbreviations,
    _local_dollar,
    _qualifier,
    _without_restatements,
)
from reports.extract.metrics.words import words
from reports.extract.numbers import Quantity, find_quantities, normalize
from reports.extract.text import acronyms_defined
from reports.periods import calendar_form, figure_period, valid_figure_period
from reports.records import Change, Metric, Release

_ALONE = re.compile(r"^(?:In|For|During)\s+[^,]{3,40}?\balone\b", re.I)


_HINT = Caseless(
    r"record|all-time|high|last\s+(?:year|month)|this\s+(?:year|month)|previous\s+(?:year|month)"
    r"|half|quarter|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
    r"|percent|per\s+cent|billion|million|trillion"  # "down eight-point-eight percent": numbers in words
)


def extract_metrics(release: Release) -> list[Metric]:
    """Every figure stated in the release, each with its sentence and span."""
    body = release.body or ""
    if not body.strip():
        return []
    text = normalize(body)
    context = _Context(release.published, _title_period(release), title=normalize(release.title or ""))
    context.dollar = _local_dollar(text) or _economy_dollar(context.title, text)
    context.acronyms = acronyms_defined(text)
    context.topic = _title_topic(context.title)  # the first level may name another (_name_figures)
    context.opening = f"{context.title}\n{text[:300]}"
    for start, end in sentences(text):
        _read_sentence(release, body, text, start, end, context)
    metrics = _repeats_dropped(_changes_joined_to_levels(context.metrics, body))
    return confidence.reviewed(_conflicts_doubted(metrics))


def _repeats_dropped(metrics: list[Metric]) -> list[Metric]:
    """The same figure stated twice (subject, value, unit and period) is one figure, where it was first
    stated: "a surplus of $809 million in the first quarter" ... "translating into an $809 million
    surplus". A record the repeat claims is kept."""
    first: dict[tuple, int] = {}
    kept: list[Metric] = []
    for m in metrics:
        key = (m.subject.casefold(), m.value, m.unit, m.period)
        earlier = first.get(key) if m.value is not None else None
        if earlier is not None and (m.change is None or m.change == kept[earlier].change):
            if m.record and not kept[earlier].record:
                kept[earlier] = replace(kept[earlier], record=True)
            continue
        first.setdefault(key, len(kept))
        kept.append(m)
    return kept


def _conflicts_doubted(metrics: list[Metric]) -> list[Metric]:
    """Two different values for one subject, unit and period cannot both be right: both are doubted
    ('trade surplus' $6.6 billion and $195.5 billion for April)."""
    values: dict[tuple, set] = {}
    for m in metrics:
        if m.value is not None:
            values.setdefault((m.subject.casefold(), m.unit, m.period), set()).add(m.value)
    result = []
    for m in metrics:
        key = (m.subject.casefold(), m.unit, m.period)
        if m.value is not None and len(values[key]) > 1 and SAME_SUBJECT_TWICE not in m.doubts:
            m = replace(m, confidence="low", doubts=(*m.doubts, SAME_SUBJECT_TWICE))
        result.append(m)
    return result


_FORECAST_STEMS = r"forecast|expect|predict|project|anticipat|consensus|likely"
_FORECAST_HINT = Caseless(_FORECAST_STEMS)
# Every word of _FORECAST_HINT and _EXPECTED_BY (a forecast's "estimated")
_FORECAST_WORDS = Caseless(rf"{_FORECAST_STEMS}|estimat")
_FORECAST_BEFORE = re.compile(
    r"(?:\b(?:forecasts?|expectations?|projections?|consensus)\s+(?:of|for)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:increase|rise|gain|growth|decline|fall|drop|contraction)\s+of\s+)?"
    r"|\b(?:expected|predicted|forecast|projected|anticipated)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:surplus|deficit|increase|rise|gain|growth|decline|fall|drop)\s+of\s+)?"
    r"|\b(?:is|are)\s+likely\s+to\s+(?:[\w-]+\s+){0,5}?(?:stay|remain|reach|hit|be|come\s+in)\s+(?:at\s+)?"
    r"(?:about\s+|around\s+)?"
    r"|\b(?:(?:is|are|was|were)\s+(?:expected|forecast|projected|predicted)|(?:expects?|expected|forecasts?|"
    r"predicts?|predicted|projects|projected)\s+(?:[\w'’-]+\s+){1,4}?)to\s+"
    r"(?:rise|grow|increase|fall|decline|drop|reach|hit|expand|contract)\s+(?:by\s+)?(?:about\s+|around\s+)?)$",
    re.IGNORECASE,
)
_EXPECTED_BY = Caseless(
    r"\s*(?:percent|%)?\s*(?:decline|decrease|fall|drop|increase|rise|gain|growth)?\s*"
    r"(?:expected|forecast|predicted|projected|estimated|anticipated)\s+(?:by|in)\b"
)


@dataclass(slots=True)
class _Sentence:
    """One sentence as the steps read it: each step fills in what the steps after it need."""

    release: Release
    body: str
    start: int
    end: int
    text: str  # the sentence, normalized
    context: _Context
    quantities: list[Quantity] = field(default_factory=list)
    masked: str = ""
    periods: list[tuple[int, int, str, str]] = field(default_factory=list)
    primary: tuple[int, int, str, str] | None = None  # the sentence's own period phrase
    dimension: str | None = None  # "By product, ...": what the sentence breaks its figures down by
    figures: list[_Figure] = field(default_factory=list)
    period_now: str | None = None
    basis: str | None = None  # the basis the sentence states for its changes
    compared: frozenset[int] = frozenset()  # starts of the periods of levels compared with
    places: list[str | None] | None = None  # the place stated right after each figure (_place_of_its_figure)
    forecast_words: bool | None = None  # whether the sentence holds a forecast's word (_forecasts_marked)


def _read_sentence(release: Release, body: str, text: str, start: int, end: int, context: _Context) -> None:
    sentence = text[start:end]
    if not _DIGIT.search(sentence) and not _HINT.search(sentence):
        return
    read = _Sentence(release, body, start, end, sentence, context)
    for step in SENTENCE_STEPS:
        if not step(read):
            return


def _read_quantities(s: _Sentence) -> bool:
    """The numbers, in the units and currency the release states them in."""
    sentence, context = s.text, s.context
    quantities = [q for q in find_quantities(sentence) if q.kind not in ("year", "day")]
    quantities = _without_restatements(sentence, quantities)
    _learn_abbreviations(sentence, quantities, context)
    if context.units_named:
        quantities = [_as_named_unit(sentence, q, context.units_named) for q in quantities]
    if context.dollar:
        quantities = [_as_local_dollar(sentence, q, context.dollar) for q in quantities]
    s.quantities = quantities
    return True


def _read_periods(s: _Sentence) -> bool:
    """The masked sentence and its period phrases."""
    s.masked = _masked(s.text)
    s.periods = _periods(s.text, s.context, s.masked)
    s.primary = next((p for p in s.periods if p[3] in ("", "target")), None)
    return True


def _read_figures(s: _Sentence) -> bool:
    """Which numbers are figures; a sentence with none may still claim a record or set the period."""
    if s.quantities:
        s.dimension = _dimension(s.text, s.context)
        s.figures = _figures(s.text, s.quantities, s.context.count_unit)
    if not s.figures:
        _record_claim(s.text, s.primary, s.context)
        _set_running_period(s.text, s.periods, s.primary, s.context)
        return False
    return True


def _changes_to_levels(s: _Sentence) -> bool:
    """'$14.8 billion (up 30 percent)': a change goes into the level it describes."""
    _attach_changes(s.text, s.masked, s.figures)
    return True


def _flat_changes(s: _Sentence) -> bool:
    """'$3.2 billion, unchanged from a year earlier': a change of zero."""
    sentence = s.text
    for figure in s.figures:
        if (
            figure.role == "level"
            and figure.change is None
            and _UNCHANGED.match(sentence, figure.quantity.end)
        ):
            unit = "percentage points" if figure.quantity.unit == "percent" else "percent"
            basis = _basis_near(sentence, figure.quantity.end, figure.quantity.end)
            figure.change = Change(0.0, unit, "flat", basis)
    return True


def _sentence_basis(s: _Sentence) -> bool:
    """The basis the sentence states, for the changes that state none by them."""
    s.period_now = s.primary[2] if s.primary else s.context.period
    s.basis = _basis_in(s.text) or _month_basis(s.text, s.period_now)
    return True


def _name_figures(s: _Sentence) -> bool:
    """Each figure's subject (the first of SUBJECT_SOURCES that names it), period and record."""
    sentence, context, figures, periods = s.text, s.context, s.figures, s.periods
    lists: dict[str, str | None] = {}
    record_hint = _RECORD_HINT.search(sentence) is not None
    s.compared = _compared_periods(sentence, figures, periods) if periods else frozenset()
    for figure in figures:
        for source in SUBJECT_SOURCES:
            if source(s, figure, lists):
                break
        expected = _EXPECTATIONS_FOR.match(figure.subject or "")
        if expected and figure.subject[expected.end() :]:  # "market expectations for exports": a forecast of
            named = [f.subject for f in figures[: figures.index(figure)] if f.subject]
            running = named[-1] if named else context.subject
            figure.subject = _expected_thing(figure.subject[expected.end() :], running)  # (_forecasts_marked)
        if figure.role == "level" and not context.lead and figure.subject:
            context.lead = figure.subject
            context.topic = _topic(figure.subject, context.title) or context.topic
        figure.period = _period_of(sentence, figure, periods, s.primary, context, figures, s.compared)
        figure.period_source = _period_source(figure.period, periods, context)
        _compared_level(sentence, figure, figures, periods)
        if record_hint:
            _mark_record(sentence, s.masked, figure)
    return True


def _name_coordinated_changes(s: _Sentence) -> bool:
    """'Exports of chips and ships fell 30.2 and 15.6 percent, respectively': one subject per change."""
    _coordinated_changes(s.text, s.figures, s.context)
    return True


def _carry_period(s: _Sentence) -> bool:
    """The period later sentences inherit ('In March alone, ...' sets none)."""
    if not _ALONE.match(s.text):
        _set_running_period(
            s.text, [p for p in s.periods if p[0] not in s.compared], s.primary, s.context, s.figures
        )
    return True


def _emit_metrics(s: _Sentence) -> bool:
    """Each figure not folded into another becomes a Metric (an amount change a Metric of its own)."""
    context = s.context
    quote = s.body[s.start : s.end]
    first_new = len(context.metrics)
    for figure in s.figures:
        if figure.role == "change" and figure.attached:
            continue
        for finish in FIGURE_FINISHES:
            finish(s, figure)
        if context.fiscal and g.FISCAL_PERIOD.search(s.text):  # read by its economy's fiscal year
            figure.notes.add(confidence.FISCAL_READ)
        metric = _metric(s.release, figure, quote, (s.start, s.end))
        owner = _BALANCE_OWNER.match(metric.subject)
        if owner and not figure.member and owner.group("what").lower() in ("surplus", "deficit", "balance"):
            context.balance_owner = re.sub(r"\s+(?:balance|account)$", "", owner.group("owner"), flags=re.I)
            if owner.group("owner").lower().endswith("account"):
                context.balance_owner = owner.group("owner")
        for each in _both_changed(metric):
            context.metrics.extend(_amount_change_apart(each))
        if figure.role == "level" and figure.quantity.kind == "count":
            context.count_unit = figure.quantity.unit
        if figure.role == "level" and not figure.member:
            context.subject = metric.subject
    _basis_from_compared_levels(context.metrics, first_new)
    return True


def _both_changed(metric: Metric) -> list[Metric]:
    """'Both exports and imports decreased by 1 percent': one change, told of each."""
    both = _BOTH_AND.fullmatch(metric.subject) if metric.value is None and metric.change is not None else None
    if both is None:
        return [metric]
    return [replace(metric, subject=canonical_subject(both.group(n)), metric_id=None) for n in ("a", "b")]


_BOTH_AND = re.compile(r"both\s+(?P<a>[\w -]+?)\s+and\s+(?P<b>[\w -]+)", re.I)


def _carry_basis(s: _Sentence) -> bool:
    """The basis and the breakdown later sentences may refer back to."""
    if s.basis:
        s.context.basis = s.basis
    s.context.dimension = (s.dimension, "") if s.dimension else None
    return True


# Where a figure's subject comes from, tried in order: each source names the figure and returns True, or
# leaves it and returns False.


def _as_range_end(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'between $95 billion and $100 billion': the upper end is what the lower end is."""
    return figure.range_of is not None and _named_as(figure, figure.range_of)


def _as_its_change(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'ASEAN 14.0 percent to $10.4 billion': the level is what the change before it names."""
    return figure.named_by is not None and _named_as(figure, figure.named_by)


def _named_as(figure: _Figure, source: _Figure) -> bool:
    if not source.subject:
        return False
    figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
    return True


def _as_its_phrase(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'an increase in the goods deficit of $3.0 billion': the phrase stating the figure names it."""
    if not figure.stated_subject or not _clean_np(figure.stated_subject):
        return False
    figure.subject = _with_topic(_clean_np(figure.stated_subject), s.context)
    return True


def _as_its_label(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'Exports: +9.4%', 'Semiconductors: up 31.2%': a change after a fact sheet's label is the label's."""
    if figure.role != "change" or ":" not in s.text[max(0, figure.cue_start - 45) : figure.cue_start + 1]:
        return False
    named = _colon_label(s.text, figure, None, s.context, start=figure.cue_start)
    if named:
        figure.subject = named
    return named is not None


# "a $7.84 billion trade surplus, $700 million more than a month earlier", "up 65.2 percent, or $9.57
# billion": what lies between an amount change and the figure before it, a comma and no verb
_AMOUNT_BESIDE_GAP = re.compile(r"[^,;:()$€£¥₩\d]{0,40}?,\s*(?:or\s+)?(?:about\s+|some\s+|nearly\s+)?")


def _as_amount_beside(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'a $7.84 billion trade surplus, $700 million more than a month earlier': an amount change set off by
    a comma from the figure before it is the change of what that figure measures ('change in trade
    surplus'); an attached percent change gives its level's subject."""
    if figure.role != "change" or figure.attached or figure.quantity.unit in ("percent", "percentage points"):
        return False
    at = s.figures.index(figure)
    if at == 0:
        return False
    before = s.figures[at - 1]
    if before.attached:
        before = next((f for f in s.figures if f.role == "level" and f.change is before.change), before)
    gap = s.text[max(before.quantity.end, s.figures[at - 1].quantity.end) : figure.quantity.start]
    if not before.subject or not _AMOUNT_BESIDE_GAP.fullmatch(gap) or g.VERB.search(gap):
        return False
    return _named_as(figure, before)


# "The main components of the fall were wheat, down $300 million (8%), wool, down $120 million (5%)": an
# item of a list, named right before the comma that sets off its move
_ITEM_OPENS = re.compile(
    r"\b(?:were|was|are|is|included|include|includes|including)\s+|[:;]\s*|\)\s*,?\s*(?:and\s+)?"
)
_ITEM = re.compile(
    r"(?!(?:in|on|at|for|during|from|to|by|with|over|after|before|since|compared|year|month)\b)"
    r"(?P<item>[A-Za-z][^,;:()$€£¥₩\d]{1,50}?),\s*$",
    re.I,
)
_COPULA = re.compile(r"(?:were|was|are|is)\s+")
_ITEMS_WHOLE = re.compile(
    r"\b(?:components|contributors|drivers|items|categories|sectors|products|goods)\b", re.I
)


@cache
def _place_after_bracket() -> re.Pattern[str]:
    return re.compile(rf"\s*\)\s+in\s+{_places_pattern().pattern}")


_MOVE_CUE = re.compile(r"(?:down|up|lower|higher|rising|falling|increasing|decreasing)\b", re.I)


def _as_listed_item(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'..., were wheat, down $300 million (8%), wool, down $120 million (5%)': each move is its item's,
    and the percentage in brackets after an amount is the amount's item's."""
    if figure.role != "change":
        return False
    at = s.figures.index(figure)
    before = s.figures[at - 1] if at else None
    if (
        lists.get("item")
        and before is not None
        and before.role == "change"
        and before.subject
        and _OPEN_BRACKET.fullmatch(s.text, before.quantity.end, figure.quantity.start)
    ):
        return _named_as(figure, before)  # "down $300 million (8%)": the 8% is wheat's too
    if not _MOVE_CUE.match(s.text, figure.cue_start):
        return False
    low = max(0, figure.cue_start - 70)
    opens = list(_ITEM_OPENS.finditer(s.text, low, figure.cue_start))
    item = _ITEM.match(s.text, opens[-1].end(), figure.cue_start) if opens else None
    if item and _COPULA.fullmatch(opens[-1].group(0)):
        said = s.text[max(0, opens[-1].start() - 60) : opens[-1].start()].rsplit(",", 1)[-1]
        if not _ITEMS_WHOLE.search(said):
            # "Coal imports were weaker, down 5 per cent", "orders were transacted in the global market, up
            # 19 percent": a predicate, not a list's item; a list is of "the main components", "the items"
            return False
    named = _clean_np(item.group("item")) if item else None
    if not named or g.VERB.search(item.group("item")) or named.lower() in g.PRONOUNS:
        return False
    if _head_of(named) is None:  # "wheat" after the release's export figures: wheat exports
        flows = (_head_of(m.subject) for m in reversed(s.context.metrics[-6:]))
        head = next((h for h in flows if h and h.lower() in g.FLOW_HEADS), None)
        named = f"{_as_modifier(named)} {head}" if head else named
    figure.subject = named
    lists["item"] = named
    return True


def _as_month_of_a_series(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """'Exports have continued to rise from November (3.9%) to December (12.4%), January (11.4%)': each
    month's change is of what the first one names."""
    def after_a_month(f: _Figure) -> bool:
        return MONTH_IN_BRACKET.search(s.text, max(0, f.quantity.start - 20), f.quantity.start) is not None

    if figure.role != "change" or not after_a_month(figure):
        return False
    at = s.figures.index(figure)
    earlier = next((f for f in reversed(s.figures[:at]) if f.subject and f.role == "change"), None)
    if earlier is None or not after_a_month(earlier):
        return False
    return _named_as(figure, earlier)




def _by_its_clause(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """A list member, a level naming itself (subjects.LEVEL_NAMES), else the subject of its clause."""
    _name(s.text, s.masked, figure, s.figures, s.dimension, s.context, lists)
    return True


SUBJECT_SOURCES = (
    _as_range_end,
    _as_its_change,
    _as_its_phrase,
    _as_its_label,
    _as_amount_beside,
    _as_listed_item,
    _as_month_of_a_series,
    _by_its_clause,
)


# What is settled about a figure just before it becomes a Metric, in order.


def _basis_of_its_clause(s: _Sentence, figure: _Figure) -> None:
    """'up 5.1 percent on-year, while steel rose 1.9 percent': the sentence's basis, as its clause has it."""
    change = figure.change
    if change is not None and change.basis is None and change.value is not None:
        basis = _own_month_basis(s.text, figure, s.period_now) or _compared_period_basis(s, figure) or (
            _basis_of_clause(s.text, figure, s.period_now) if s.basis else None
        ) or _comparing_basis(s)
        if basis is not None:  # else the change stays as it is: no copy of a frozen record for nothing
            figure.change = replace(change, basis=basis)


def _comparing_basis(s: _Sentence) -> str | None:
    """'Comparing November 2018 with November 2017, prices rose 2.5%': yoy; '... with the same period in
    2017': yoy; with the month or quarter before: mom or qoq."""
    opening = _COMPARING.match(s.text) if s.text[:12].lower().startswith(("comparing", "compared")) else None
    if opening is None:
        return None
    if _SAME_PERIOD.search(opening.group("b")):
        return "yoy"
    a = next((p[2] for p in s.periods if opening.start("a") <= p[0] < opening.end("a")), None)
    b = next((p[2] for p in s.periods if opening.start("b") <= p[0] < opening.end("b")), None)
    if not valid_figure_period(a) or not valid_figure_period(b):
        return None
    current = figure_period(a or "")
    if current.year_before().key == b:
        return "yoy"
    if current.kind in ("month", "quarter") and current.previous().key == b:
        return "mom" if current.kind == "month" else "qoq"
    return None


_COMPARING = re.compile(
    r"\s*compar(?:ing|ed)\s+(?P<a>[^,;]{3,60}?)\s+(?:with|to)\s+(?P<b>[^,;]{3,60}?)\s*,", re.I
)
_SAME_PERIOD = re.compile(r"\bsame\s+(?:period|month|quarter|time)\b", re.I)


def _compared_period_basis(s: _Sentence, figure: _Figure) -> str | None:
    """The period a change is compared with (a base period of the sentence) right after it: 'an increase
    of 23.5% from the first quarter of 2024' in a figure for the first quarter of 2025 is yoy; 'from the
    fourth quarter of 2024', qoq."""
    period = figure.period or s.period_now
    if not any(p[3] == "base" for p in s.periods) or not period or not valid_figure_period(period):
        return None  # no period of the sentence is one compared with
    for start, _end, key, kind in s.periods:
        if start < figure.quantity.end or kind != "base":
            continue
        # a level's own change may lie between it and the period compared with, but no other number
        if _DIGIT.search(_YEAR.sub(" ", _PERCENTAGE.sub(" ", s.text[figure.quantity.end : start]))):
            return None
        current = figure_period(period)
        if key == current.year_before().key:
            return "yoy"
        if current.kind in ("month", "quarter") and key == current.previous().key:
            return "mom" if current.kind == "month" else "qoq"
        return None
    return None




def _actor_of_its_flow(s: _Sentence, figure: _Figure) -> None:
    """'Japan produced 104.3 million tons of crude steel': the production is Japan's; who produced, exported
    or sold is part of what an analyst compares ('Japan crude steel production', 'India production')."""
    if figure.role != "level" or not figure.subject:
        return
    start = figure.quantity.start
    if not _FLOW_VERB.search(s.text, max(0, start - 50), start):
        return
    acted = list(_ACTOR_FLOW.finditer(s.text, max(0, start - 160), start))
    if not acted or start - acted[-1].end() > 25:
        return
    verb = " ".join(acted[-1].group("verb").lower().split())  # "shipped  out" -> "shipped out"
    actor = acted[-1].group("acronym") or _THE.sub("", acted[-1].group("actor"))
    nominal = g.NOMINAL[verb]
    subject = figure.subject
    if actor.lower() in g.PRONOUNS or (actor.lower() in _HOME_ACTORS and _HOME.search(s.context.opening)):
        return  # "South Korea imported goods worth $27.8 billion": the economy a release is about by default
    running = _running_measure(s.context) if subject.casefold() in (actor.casefold(), nominal) else None
    if running and running.endswith(nominal):  # "World crude steel production was ... China produced 99.5 Mt"
        figure.subject = f"{actor} {running}"
    elif subject.casefold() == actor.casefold():  # "Russia is estimated to have produced 73.4 Mt"
        figure.subject = f"{actor} {nominal}"
    elif nominal in subject and actor.lower() not in subject.lower():
        figure.subject = f"{actor} {subject}"
    else:
        return
    for later in s.figures[s.figures.index(figure) + 1 :]:  # "..., down 750,000 bpd": the same actor's
        if later.role == "change" and later.subject == subject:
            later.subject = figure.subject


_HOME_ACTORS = frozenset({"korea", "south korea", "country", "nation"})  # as grammar.LEADING_NOISE drops them
_HOME = re.compile(r"\bKorea|\bcountry|\bnation")  # a release that opens on Korea is about it


# "Japan produced", "The United States, at the 4th position, produced", "the Organization of the Petroleum
# Exporting Countries (OPEC) has pumped": a named actor (or its acronym) and its flow verb
_ACTOR_FLOW = re.compile(
    r"(?:(?<![\w’'-])(?P<actor>(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}"
    r"(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,2})?)"  # "Asia and Oceania"
    r"(?:\s*\(\d{1,3}\))?(?:,[^,;]{1,40},)?"  # "The EU (27)": its members counted
    r"|\((?P<acronym>[A-Z][A-Za-z]{1,7})\))\s+"
    r"(?:also\s+)?(?:(?:has|have|had)\s+)?"
    r"(?:(?:is|are|was|were)\s+(?:estimated|expected|projected|forecast)\s+to\s+have\s+)?"
    rf"(?P<verb>{FLOW_VERBS})\s+"
    r"(?:a\s+(?:total|record)\s+of\s+|about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?"
)
# "\b(?:imported|...)\s" with the word boundary tested after each first letter ("i(?<=\bi)mported"), so the
# engine skips to those letters instead of trying every position of the window
_FLOW_VERB = re.compile(
    "(?:" + "|".join(rf"{verb[0]}(?<=\b{verb[0]}){verb[1:]}" for verb in FLOW_VERBS.split("|")) + r")\s"
)
_THE = re.compile(r"^[Tt]he\s+")
_EXPORTS_TITLE = re.compile(r"\bexports?\b", re.I)


def _shipments_as_exports(s: _Sentence, figure: _Figure) -> None:
    """In an export release (its lead or title says exports), 'shipments to China' are exports to China."""
    if not figure.subject or "shipment" not in figure.subject or not _SHIPMENTS.search(figure.subject):
        return
    if _head_of(s.context.lead or "") == "exports" or _EXPORTS_TITLE.search(s.context.title):
        figure.subject = _SHIPMENTS.sub("exports", figure.subject)


def _changed_thing_not_its_change(s: _Sentence, figure: _Figure) -> None:
    """A change is of the thing, not of its noun: 'export growth was 3.1 percent' is a change in exports;
    'the rate of decrease was 35.8% for consumer electronics', in an export release, one in consumer
    electronics exports; 'imports growth eased to 30.7%', a growth rate stated as a level, is a change in
    imports too."""
    subject = figure.subject or ""
    q = figure.quantity
    rate = figure.role == "level" and q.unit == "percent" and figure.change is None
    if rate and subject.lower().endswith(" growth") and _head_of(subject[: -len(" growth")]):
        figure.role = "change"
        figure.change = Change(abs(q.value), "percent", "down" if q.value < 0 else "up", None)
    last = subject.rsplit(" ", 1)[-1].lower().removesuffix("s")
    if figure.role != "change" or (last not in _CHANGE_NOUN_SET and " of" not in subject):
        return
    named = _CHANGE_NAMED.match(subject)
    if named is None:
        return
    item = _FOR_ITEM.match(s.text, figure.quantity.end)
    head = _head_of(s.context.lead or "")
    if item and head:
        figure.subject = f"{_as_modifier(item.group('np'))} {head}"
    elif named.group("what"):
        head, _, last = named.group("what").rpartition(" ")
        figure.subject = f"{head} {_FLOW_PLURALS.get(last.lower(), last)}".strip()


_CHANGE_NOUN_SET = frozenset((*words().up_change_nouns, *words().down_change_nouns, "change"))
_CHANGE_NAMED = re.compile(
    rf"^(?:(?:the\s+)?(?:rate|pace)\s+of(?:\s+{_CHANGE_NOUNS})?"
    rf"|(?P<what>[\w'’ -]+?)\s+{_CHANGE_NOUNS})$",
    re.I,
)
_FOR_ITEM = re.compile(
    r"\s*(?:percent|per\s*cent|%)?\s+for\s+(?P<np>[A-Za-z][\w'’ -]{1,40}?)(?=\s*(?:[,;.]|\band\b|$))"
)
_FLOW_PLURALS = {"export": "exports", "import": "imports", "shipment": "shipments", "sale": "sales",
                 "order": "orders", "arrival": "arrivals", "delivery": "deliveries"}


def _earlier_change_period(s: _Sentence, figure: _Figure) -> None:
    """'rose 1 percent in October, following a revised 2.7 percent fall in September', 'after rising 0.7
    percent a month earlier': a change told after 'following' or 'after' is for the period named after it."""
    end = _earlier_change_end(s.text, figure)
    if end is None:
        return
    named = next((key for begin, _end, key, _kind in s.periods if figure.quantity.end <= begin < end), None)
    now = s.period_now
    month_before = named is None and _MONTH_EARLIER.search(s.text, figure.quantity.end, end)
    if month_before and now and valid_figure_period(now):  # "a month earlier": before the sentence's own
        named = figure_period(now).previous().key
    if named and valid_figure_period(named):
        figure.period = named


_MONTH_EARLIER = re.compile(
    r"\b(?:a\s+month\s+earlier|the\s+(?:previous|preceding|prior)\s+month|the\s+month\s+before)\b", re.I
)


def _whose_balance(s: _Sentence, figure: _Figure) -> None:
    """A bare 'surplus' or 'deficit' is the balance the release last named, else the trade balance."""
    if figure.subject and figure.subject.lower() in ("surplus", "deficit"):
        figure.subject = _balance_name(figure.subject, None, s.context)


def _contribution_named(s: _Sentence, figure: _Figure) -> None:
    """'Net exports added 1.2 percentage points to growth': net exports' contribution to growth; 'they
    contributed 0.3 percentage point to the drop in manufacturing': a contribution to that drop."""
    if figure.role != "level" or not figure.contributes_to:
        return
    # "growth in September": the period is the figure's, no part of the move
    moved = g.PERIOD_TAIL.sub("", " ".join(figure.contributes_to.split()))
    subject = figure.subject or ""
    who = subject if _head_of(subject) and moved not in subject else None
    figure.subject = f"{who} contribution to {moved}" if who else f"contribution to {moved}"


def _daily_average(s: _Sentence, figure: _Figure) -> None:
    """'..., with a daily average of $738 million', '$548 million per business day': the daily average of
    what the figure is."""
    q = figure.quantity
    if figure.role != "level" or q.kind != "money" or not figure.subject or "daily" in figure.subject.lower():
        return
    before = s.text[max(0, q.start - 30) : q.start]
    if _DAILY_BEFORE.search(before) or _PER_DAY_AFTER.match(s.text, q.end):
        figure.subject = f"daily average {_OWNER.sub('', figure.subject)}"


_DAILY_BEFORE = re.compile(r"\b(?:a\s+)?(?:daily|per-day)\s+average\s+of\s+(?:about\s+)?$", re.I)
_PER_DAY_AFTER = re.compile(r"\s+(?:per|a)\s+(?:business\s+|working\s+|trading\s+)?day\b", re.I)


def _balance_in_the_red(s: _Sentence, figure: _Figure) -> None:
    """'The goods account, which ..., finished in the red for the third month with USD 480 million': a
    deficit of that account ('in the black': a surplus)."""
    q = figure.quantity
    if figure.role != "level" or q.kind != "money" or " the " not in s.text:
        return
    colored = _IN_THE_RED.search(s.text, max(0, q.start - 160), q.start)
    if colored is None:
        return
    owner = " ".join(_THE.sub("", colored.group("owner")).split())
    figure.subject = _signed(owner, "deficit" if colored.group("color").lower() == "red" else "surplus")
    figure.notes.discard(confidence.SUBJECT_CARRIED)


_IN_THE_RED = re.compile(
    r"(?P<owner>(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}(?:account|balance))\b[^.;$€£¥₩\d]{0,100}?\bin\s+the\s+"
    r"(?P<color>red|black)\b(?:[^.;$€£¥₩\d]|(?:19|20)\d\d|\d{1,2}(?=\s+(?:consecutive|straight|successive)))"
    r"{0,60}?\b(?:with|at|of|by)\s+(?:about\s+)?"
    r"(?:US\$|USD\s|\$|[A-Z]{3}\s)?$",
    re.I,
)


def _balance_of_its_sign(s: _Sentence, figure: _Figure) -> None:
    """'Canada's trade balance remained in a surplus position, growing to Can$1.9 billion', 'Mexico had a
    deficit in its trade balance of $96 million': a balance its clause calls a surplus (or a deficit) is
    that surplus."""
    subject = figure.subject or ""
    if figure.role != "level" or not subject.lower().endswith("balance") or figure.quantity.value < 0:
        return
    before = s.text[max(0, figure.quantity.start - 90) : figure.quantity.start]
    signs = {m.group(0).lower() for m in _SIGN_WORD.finditer(before)}
    if len(signs) != 1:
        return
    signed = _signed(subject, signs.pop())
    earlier = {f.subject for f in s.figures if f is not figure and f.quantity.end <= figure.quantity.start}
    if earlier <= {subject, signed}:  # "growing from Can$736 million in July to Can$1.9 billion": both
        figure.subject = signed


_SIGN_WORD = re.compile(r"\b(?:surplus|deficit)\b", re.I)


def _signed(name: str, sign: str) -> str:
    """A balance named by its sign: 'trade balance' -> 'trade surplus'; 'goods account' -> 'goods account
    deficit'."""
    return f"{name[: -len('balance')]}{sign}" if name.endswith("balance") else f"{name} {sign}"


_VEHICLE_WORDS = words().vehicle_words
_LETTERS = re.compile(r"[A-Za-z]+")  # "electric-vehicle sales": "electric", "vehicle", "sales"


def _vehicles_counted(s: _Sentence, figure: _Figure) -> None:
    """'Car exports came to 130,209 units', 'the Trax (308,000 units)' in a list of models: vehicles."""
    q = figure.quantity
    if q.unit != "units" or not figure.subject:
        return
    named = _LETTERS.findall(figure.subject)
    if figure.dimension == "model" or any(word in _VEHICLE_WORDS for word in named):
        figure.quantity = replace(q, unit="vehicles")


def _acronyms_used(s: _Sentence, figure: _Figure) -> None:
    """'foreign direct investment' -> 'FDI' where the release defines 'FDI'."""
    if s.context.acronyms and figure.subject:
        figure.subject = _abbreviated(figure.subject, s.context.acronyms)


def _place_of_its_figure(s: _Sentence, figure: _Figure) -> None:
    """'fell by 0.7% in the euro area and by 0.6% in the EU', 'Industrial production in the eurozone and EU
    fell by 0.7 and 0.5 percent': each figure is its place's ('euro area industrial production')."""
    if not figure.subject or " in " not in s.text:
        return
    if s.places is None:  # once a sentence
        s.places = [_place_after(s.text, f) for f in s.figures]
    places = s.places
    place = places[s.figures.index(figure)]
    if place is None:
        _places_of_pair(s, figure)
        return
    # "In September, it fell by 1 percent in the eurozone": the place stated replaces one carried
    carried = _places_pattern().match(figure.subject)
    alone = len({p.casefold() for p in places if p}) < 2
    if (alone and not carried) or place.casefold() in figure.subject.casefold():
        return
    rest = figure.subject[carried.end() :].strip() if carried else figure.subject
    figure.subject = f"{analyst_words(place)} {rest}"


_IN_AFTER = re.compile(r"\s*(?:percent|per\s+cent|%)?\s+(?:in|for)\s+")


def _place_after(sentence: str, figure: _Figure) -> str | None:
    """The place right after a figure: '0.7% in the euro area' -> 'euro area'."""
    after = _IN_AFTER.match(sentence, figure.quantity.end)
    place = _places_pattern().match(sentence, after.end()) if after else None
    return place.group("place") if place else None


def _places_of_pair(s: _Sentence, figure: _Figure) -> None:
    """'production in the eurozone and EU fell by 0.7 and 0.5 percent': the first figure is the first place's,
    the second the second's."""
    pair = _IN_TWO_PLACES.search(figure.subject or "")
    if not pair:
        return
    places = [_places_pattern().fullmatch(pair.group(n)) for n in ("p1", "p2")]
    alike = [f for f in s.figures if f.subject == figure.subject]
    if not all(places) or len(alike) != 2:
        return
    what = figure.subject[: pair.start()].strip()
    for f, place in zip(alike, places, strict=True):
        f.subject = f"{analyst_words(place.group('place'))} {what}"


_IN_TWO_PLACES = re.compile(
    r"\s+in\s+(?P<p1>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+and\s+(?P<p2>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)$"
)


def _whole_without_topic(s: _Sentence, figure: _Figure) -> None:
    """'Korea's total trade surplus stood at $6 billion' in an ICT release: the whole economy's, not ICT's."""
    topic = s.context.topic
    if not topic or not figure.subject or not figure.subject.startswith(f"{topic} "):
        return
    rest = figure.subject[len(topic) + 1 :]
    # "Korea's total outbound shipments reached ..." in a chip-led release: all exports
    said = rf"{re.escape(rest)}|shipments" if rest in ("exports", "imports") else re.escape(rest)
    whole = rf"\b(?:total|overall|whole)\s+(?:outbound\s+|inbound\s+|overseas\s+)?(?:{said})\b"
    if re.search(whole, s.text, re.I):
        figure.subject = rest


def _record_of_the_running(s: _Sentence, figure: _Figure) -> None:
    """'The previous record was $29.51 billion in 2021': the record of what the release is about; 'the
    previous trade deficit record was $9.16 billion': the record of the trade deficit."""
    if not _RECORD_OR_FIGURE_WORD.search(figure.subject or ""):
        return  # most subjects: neither a record nor a figure word
    named = _RECORD_OF.fullmatch(figure.subject or "") if figure.role == "level" else None
    month = g.MONTHS.get(named.group("what").lower().rstrip(".")) if named is not None else None
    if month and s.context.subject:  # "The previous November record was $47.91 billion in 2013"
        figure.subject = s.context.subject
        if figure.period and figure.period.isdigit():
            figure.period = f"{figure.period}-{month:02d}"
        return
    if named is not None:
        figure.subject = named.group("what")
        return
    running = s.context.subject
    if not figure.subject or not running:
        return
    if (_RECORD_ALONE.fullmatch(figure.subject) and figure.role == "level") or _PERIOD_FIGURE.fullmatch(
        figure.subject
    ):  # also "August's figure is 2.5% above ...": the running subject's
        figure.subject = running
        figure.notes.add(confidence.SUBJECT_CARRIED)


_RECORD_OR_FIGURE_WORD = re.compile(r"record|high|peak|figure|total|tally|reading|number", re.I)
_PERIOD_FIGURE = re.compile(
    r"(?:the\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"the\s+month|the\s+year|last\s+month|this\s+month)['’]s?\s+)?(?:figure|total|tally|reading|number)",
    re.I,
)
_RECORD_OF = re.compile(
    r"(?:the\s+)?(?:previous|prior|former|old|earlier)\s+(?P<what>[\w\s-]+?)\s+(?:all-time\s+)?(?:record|high|peak)",
    re.I,
)
_RECORD_ALONE = re.compile(
    r"(?:the\s+)?(?:(?:previous|prior|former|old|earlier)\s+)?(?:all-time\s+)?(?:record|high|peak)(?:\s+high)?",
    re.I,
)


def _investment_named(s: _Sentence, figure: _Figure) -> None:
    """'FDI pledged to Korea', 'investment newly pledged from China', 'the FDI that actually arrived': FDI
    pledges and arrivals, as investment releases and analysts name them."""
    if not figure.subject or "FDI" not in s.release.body and "direct investment" not in s.release.body:
        return
    bare = _AMOUNT_OF_NEW_FDI.sub("", figure.subject.lower(), count=1)  # "the amount of new FDI that arrived"
    if bare in _INVESTMENT_WORDS and _ARRIVED_AFTER.search(s.text):
        figure.subject = "FDI arrivals"  # "The FDI that actually arrived fell 3 percent"
        return
    if bare in ("arrived", "actually arrived", "those arrived"):
        # "FDI pledged from the U.S. dipped ..., while that actually arrived declined": arrivals from there
        placed = next((f.subject for f in reversed(s.figures[: s.figures.index(figure)]) if f.subject
                       and " from " in f.subject), None) if figure in s.figures else None
        figure.subject = "FDI arrivals" + (placed[placed.index(" from ") :] if placed else "")
        return
    pledged = _PLEDGED.fullmatch(figure.subject)
    named = pledged or _ARRIVED.fullmatch(figure.subject)
    if named is None:
        return
    kind = "pledges" if pledged else "arrivals"
    tail = named.group("tail") or ""
    tail = _HOME_TAIL.sub("", tail)  # "pledged (from the U.S.) to Korea": where all of it goes
    mods = _RECEIVED.sub("", named.group("mods") or "")  # "manufacturing received pledged FDI of"
    figure.subject = f"{mods}FDI {kind}{tail}"


# "the amount of new FDI ...", "fresh FDI ...": the analyst names the pledges or arrivals alone
_AMOUNT_OF_NEW = r"(?:(?:the\s+)?amount\s+of\s+)?(?:(?:fresh|new)\s+)?"
_PLEDGED = re.compile(
    _AMOUNT_OF_NEW +
    r"(?P<mods>(?:[\w-]+\s+)*?)(?:(?:FDIs?|foreign\s+direct\s+investments?|investments?)\s+(?:(?:newly\s+)?"
    r"(?:pledged|committed)|commitments?|pledges?)"
    # "pledged FDI"
    r"|(?:newly\s+)?(?:pledged|committed)\s+(?:FDIs?|foreign\s+direct\s+investments?|investments?))"
    r"(?P<tail>\s+(?:(?:to|from|in|into|by)\s+.+|here))?",
    re.I,
)
_RECEIVED = re.compile(r"\b(?:received|attracted|drew|got|won|saw|logged|posted)\s+", re.I)
_AMOUNT_OF_NEW_FDI = re.compile("^" + _AMOUNT_OF_NEW, re.I)
_INVESTMENT_WORDS = frozenset({"fdi", "investment", "amount of investment", "amount of fdi", "the fdi"})
_ARRIVED = re.compile(
    _AMOUNT_OF_NEW +
    r"(?P<mods>(?:[\w-]+\s+)*?)(?:(?:FDIs?|investments?)\s+(?:that\s+)?(?:actually\s+)?arriv(?:ed|ing)|actual\s+(?:FDIs?|"
    r"investments?))(?P<tail>\s+(?:(?:to|from|in|into)\s+.+|here))?",
    re.I,
)
_ARRIVED_AFTER = re.compile(r"\b(?:FDI|investment)\s+(?:(?:that|which)\s+)?(?:actually\s+)?arrived\b", re.I)
_HOME_TAIL = re.compile(r"\s+(?:(?:to|into|in)\s+(?:(?:South\s+)?Korea|the\s+country)|here)$", re.I)


def _moves_in_brackets(s: _Sentence, figure: _Figure) -> None:
    """'The increase in exports of goods reflected increases in consumer goods ($1.0 billion) and in capital
    goods ($0.4 billion)', 'Decreases in industrial supplies ($1.0 billion) ... offset the increases': each
    amount is the change in its item's flow."""
    q = figure.quantity
    if figure.role != "level" or q.kind != "money" or not s.text.endswith("(", 0, q.start):
        return
    item = _ITEM_IN.search(s.text, max(0, q.start - 90), q.start - 1)
    moves = list(_MOVE_NOUN.finditer(s.text, max(0, q.start - 200), item.start("item"))) if item else []
    if not moves:
        return
    down = moves[-1].group("noun").lower().removesuffix("s") in words().down_change_nouns
    flow = _FLOW_OF.search(s.text)
    flows = (_FLOW_HEAD.search(m.subject) for m in reversed(s.context.metrics))
    named = flow or next((f for f in flows if f), None)
    head = named.group(1).lower() if named else ""
    name = " ".join(item.group("item").split())
    figure.subject = f"{name} {head}".strip()
    figure.role = "change"
    figure.change = Change(abs(q.value), q.unit, "down" if down else "up", None)


# "increases in consumer goods (", "and in capital goods (": the item a bracketed amount moved, after a
# change noun of the word lists (metric_words.toml)
_MOVE_NOUNS = g.alternation((*words().up_change_nouns, *words().down_change_nouns))
_ITEM_IN = re.compile(
    rf"\b(?:(?:{_MOVE_NOUNS})s?|and|,)\s+in\s+(?P<item>(?:(?!\bin\b)[^()$;]){{2,70}}?)\s*$", re.I
)
_MOVE_NOUN = re.compile(rf"\b(?P<noun>(?:{_MOVE_NOUNS})s?)\s+in\b", re.I)
_FLOW_HEAD = re.compile(r"\b(exports|imports)\b", re.I)
_FLOW_OF = re.compile(r"\b(exports|imports)\s+of\s+(?:goods|services)", re.I)


def _orders_won_in_tonnage(s: _Sentence, figure: _Figure) -> None:
    """'Chinese shipbuilders posted 620,000 CGT': the tonnage a builder wins is its orders."""
    q = figure.quantity
    if figure.role != "level" or q.unit not in ("CGT", "ships") or not figure.subject:
        return
    if _head_of(figure.subject):
        return
    if _WON.search(s.text, max(0, q.start - 40), q.start):
        figure.subject = f"{figure.subject} orders"


def _contributors_in_brackets(s: _Sentence, figure: _Figure) -> None:
    """'The increase was largely due to ICs (25.8 per cent) and disk media (26.9 per cent)', 'the increase in
    manufacturing (9 %), construction (7.7 %) ... offset by the fall in mining (0.6 %)': each bracketed
    percent is its item's change, in the direction of the change noun before it, in the measure of the
    figure just stated (so its subject is doubted)."""
    q = figure.quantity
    if q.unit != "percent" or figure.role == "change" or figure.change is not None:
        return
    if not s.text.endswith("(", 0, q.start):
        return
    cause = _CAUSE.search(s.text, 0, q.start)
    if cause is None:
        return
    item = _BRACKETED_ITEM.match(s.text, cause.end() - 4, q.start)  # from the cause's last word ("to")
    measure = next((m for m in map(_measure_of, reversed(s.context.metrics)) if m), None)
    if item is None or measure is None:
        return
    name = _clean_np(item.group("item"))
    if not name or _head_of(name):
        return
    nearest = [m.group("noun").lower() for m in _CHANGE_NOUN.finditer(s.text, 0, item.start("item"))]
    down = bool(nearest) and nearest[-1] in words().down_change_nouns
    _item_changed(figure, name, measure, "down" if (down and q.signed != "+") or q.signed == "-" else "up")
    where = _place_after_bracket().match(s.text, q.end)
    if where and measure.endswith(("exports", "imports")):  # "wireless devices (162%) in China": there
        towards = "to" if measure.endswith("exports") else "from"
        figure.subject = f"{figure.subject} {towards} {where.group('place')}"


def _item_changed(figure: _Figure, name: str, measure: str, direction: str) -> None:
    """The bracketed or listed percent is the item's change, in the measure of the figure stated before it
    (borrowed, so its subject is doubted)."""
    figure.role = "change"
    figure.subject = f"{_as_modifier(name)} {measure}"
    figure.change = Change(abs(figure.quantity.value), "percent", direction, None)
    figure.notes.add(confidence.SUBJECT_CARRIED)


def _measure_of(metric: Metric) -> str | None:
    """The measure a stated figure is of, with its flow's modifiers: 'non-oil domestic exports'."""
    flow = _FLOW_NAMED.search(metric.subject)
    if flow:
        return flow.group(0).lower()
    head = _head_of(_places_pattern().sub("", _strip_place(metric.subject)).strip())
    return head.lower() if head and head.lower() in _CONTRIBUTED_MEASURES else None


_CHANGE_NOUNS_ALTERNATION = g.alternation((*words().up_change_nouns, *words().down_change_nouns))
_CHANGE_NOUN = re.compile(rf"\b(?P<noun>{_CHANGE_NOUNS_ALTERNATION})s?\b", re.I)
_CAUSE = re.compile(
    rf"\b(?P<noun>{_CHANGE_NOUNS_ALTERNATION})s?\b(?:\s+in\b|[^()]{{0,40}}?"
    r"\b(?:due\s+to|driven\s+by|led\s+by|came\s+from|supported\s+by|thanks\s+to|owing\s+to|on\s+the\s+back\s+of|"
    r"attributed\s+to|contributed\s+by|were|are|included)\b)",
    re.I,
)
# the item right before the bracket: after the last comma, "and" or preposition before it
_BRACKETED_ITEM = re.compile(
    r".*(?:,|\band\b|\bto\b|\bby\b|\bof\b|\bfrom\b|\bin\b|\bwere\b|\bwas\b|\bare\b|\bis\b|\))\s*"
    r"(?P<item>[^,()]{2,60}?)\s*\(\s*[-+]?$",
    re.S,
)
_FLOW_NAMED = re.compile(r"\b(?:domestic\s+|non-oil\s+)*(?:re-)?(?:exports|imports)\b", re.I)
_CONTRIBUTED_MEASURES = frozenset({"production", "output", "sales", "registrations", "orders", "investment"})


def _year_before_level(s: _Sentence, figure: _Figure) -> None:
    """'Services trade turned to a surplus of ¥2.3 billion from the year-before deficit of ¥180.3 billion':
    the level a year before, of what the figure before it measures."""
    if figure.role != "level" or not _YEAR_BEFORE_HINT.search(s.text):
        return  # most sentences: no "year-before" at all
    year_before = _shift(figure.period, months=12)
    if year_before is None:
        return
    q = figure.quantity
    if _YEAR_BEFORE_RIGHT_BEFORE.search(s.text, max(0, q.start - 24), q.start):
        figure.period = year_before  # "above the year-earlier $4.1 billion"
        return
    match = _YEAR_BEFORE.match(figure.subject or "")
    if match is None:
        return
    named = (figure.subject or "")[match.end() :]
    earlier = [f for f in s.figures if f.quantity.end <= q.start and f.role == "level" and f.subject]
    owner = _BALANCE_END.sub("", earlier[-1].subject) if earlier else ""
    if named.lower() in ("deficit", "surplus", "balance") and owner and owner != earlier[-1].subject:
        named = f"{owner} {named}"  # "services trade" with this level's own word: its deficit
    figure.subject = named
    figure.period = year_before


_YEAR_BEFORE_HINT = re.compile(r"year-(?:before|earlier|ago)|previous-year|prior-year|last-year", re.I)
_YEAR_BEFORE = re.compile(r"(?:year-(?:before|earlier|ago)|previous-year|prior-year|last-year['’]s)\s+", re.I)
_YEAR_BEFORE_RIGHT_BEFORE = re.compile(
    r"\bthe\s+(?:year-(?:before|earlier|ago)|previous-year|prior-year)\s+$", re.I
)
_BALANCE_END = re.compile(r"\s+(?:deficit|surplus|balance)$", re.I)


def _listed_after_a_change(s: _Sentence, figure: _Figure) -> None:
    """'All items decreased: fuel and energy (C&E), 33.8%; primary products (PP), 31.0%; ...', 'imports of
    fuels were reduced by 42.6%; intermediate goods (BI), 12.4%': each item of a list set off by semicolons
    moved as the clause that opens the list says, in that clause's measure (so its subject is doubted)."""
    q = figure.quantity
    if q.unit != "percent" or figure.role == "change" or figure.change is not None or ";" not in s.text:
        return
    start = max(s.text.rfind(";", 0, q.start), s.text.rfind(":", 0, q.start))
    item = _LISTED_ITEM.fullmatch(s.text, start + 1, q.start) if start > 0 else None
    if item is None:
        return
    opening = s.text[: min(i for i in (s.text.find(":"), s.text.find(";")) if i >= 0)]
    verb = g.CHANGE_VERB_ANY.search(opening)
    direction = _direction(verb.group("dir").lower()) if verb else None
    measure = next((m for m in map(_measure_of, reversed(s.context.metrics)) if m), None)
    name = _clean_np(item.group("item"))
    if direction is None or measure is None or not name or _head_of(name):
        return
    _item_changed(figure, name, measure, direction)


def _actor_of_its_measure(s: _Sentence, figure: _Figure) -> None:
    """'Taiwan claimed the largest market with sales of $17.12 billion': Taiwan's sales; 'Equipment makers
    worldwide logged sales of $59.8 billion': global equipment sales. A measure named alone takes who the
    clause's subject is: a place, or the makers of a product (the product, then)."""
    q = figure.quantity
    if figure.role != "level" or not figure.subject or not confidence.bare_measure(figure.subject):
        return
    measured = _MEASURE_OF_BEFORE.search(s.text, max(0, q.start - 40), q.start)
    if measured is None or measured.group("measure").lower() != figure.subject.lower():
        return
    opening = s.text[: measured.start()]
    dateline = _DATELINE_END.search(opening, 0, 100)  # "MILPITAS, California, April 14, 2020 /PRNewswire/ --"
    intro = _INTRO_PHRASE.match(opening, dateline.end() if dateline else 0)
    at = intro.end() if intro else 0
    place = _places_pattern().match(opening, at)
    if place is not None and _VERB_NEXT.match(opening, place.end()):
        figure.subject = f"{place.group('place')} {figure.subject}"
        return
    makers = _MAKERS.match(opening, at)
    if makers is not None:
        where = "global " if makers.group("where") else ""
        figure.subject = f"{where}{makers.group('product').lower()} {figure.subject}"


_MEASURE_OF_BEFORE = re.compile(
    r"\b(?:with\s+)?(?:total\s+)?(?P<measure>[a-z]+)\s+of\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$", re.I
)
_DATELINE_END = re.compile(r"\s(?:--|—|–)\s")
_INTRO_PHRASE = re.compile(r"[\W_]*(?:(?:In|During|For|Last)\b[^,]{1,40},\s*)?")
_VERB_NEXT = re.compile(r"\s+(?:also\s+)?[a-z]+(?:ed|s)\b")
# "Semiconductor equipment manufacturers worldwide logged": the makers of a product, and where
_MAKERS = re.compile(
    r"(?:the\s+)?(?P<product>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+"
    r"(?:manufacturers|makers|producers|vendors|suppliers)(?:\s+(?P<where>worldwide|globally))?"
    r"\s+(?:also\s+)?[a-z]+(?:ed|s)\b",
    re.I,
)


def _goods_named_after(s: _Sentence, figure: _Figure) -> None:
    """'registrations totaled 1,662,399 for new battery-electric cars': the registrations of those cars."""
    if figure.role != "level" or not figure.subject or not confidence.bare_measure(figure.subject):
        return
    goods = _counted_after_pattern().match(s.text, figure.quantity.end)  # the count's unit read the same
    if goods:
        figure.subject = f"{_as_modifier(goods.group('goods'))} {figure.subject}"


def _record_compared_with(s: _Sentence, figure: _Figure) -> None:
    """'sales of $59.8 billion, a 7 percent drop from the all-time high of $64.5 billion': the record compared
    with is of what the level before it measures."""
    if figure.role != "level" or not figure.previous_record:
        return
    q = figure.quantity
    if not _FROM_RECORD_OF.search(s.text, max(0, q.start - 50), q.start):
        return
    earlier = [f for f in s.figures if f.quantity.end <= q.start and f.role == "level"]
    if earlier and earlier[-1].subject and earlier[-1].change is not None:
        figure.subject = earlier[-1].subject


def _places_after_a_change(s: _Sentence, figure: _Figure) -> None:
    """'Sales were also up in Asia Pacific (11.4%), Europe (7.4%), and Japan (0.1%)': a percent in brackets
    after each place of a list that a change opens is that place's change of what the clause names."""
    q = figure.quantity
    if q.unit != "percent" or figure.role == "change" or figure.change is not None or "(" not in s.text:
        return
    if not s.text[: q.start].rstrip().endswith("("):
        return
    openings = list(_CHANGED_IN_PLACES.finditer(s.text, 0, q.start))
    if not openings:
        return
    opening = openings[-1]
    listed = s.text[opening.end() : q.start]
    place = _LISTED_PLACE.fullmatch(listed)
    if place is None:
        return
    word = (opening.group("dir") or opening.group("verb") or "").lower()
    direction = {"higher": "up", "lower": "down"}.get(word) or _direction(word)
    what = _clean_np(opening.group("what"))
    if direction is None or not what:
        return
    figure.role = "change"
    figure.subject = f"{place.group('place')} {what}"
    figure.change = Change(abs(q.value), "percent", direction, None)


# "Sales were also up in", "shipments rose in": a change, then the places it happened in
_CHANGED_IN_PLACES = re.compile(
    rf"(?:^|[,;:]\s*)(?P<what>[A-Za-z][\w\s-]{{1,40}}?)\s+"
    rf"(?:(?:were|was)\s+(?:also\s+)?(?P<dir>up|down|higher|lower)|(?:also\s+)?(?P<verb>{g.alternation(g.CHANGE_VERBS)}))"
    r"\s+in\s+(?:the\s+)?"
)
# the places listed so far, each with its bracketed percent, up to the one being read
_LISTED_PLACE = re.compile(
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*\([^()]{1,12}\)\s*,?\s*(?:and\s+)?)*"
    r"(?:and\s+)?(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*\(\s*"
)


_LISTED_ITEM = re.compile(r"\s*(?:and\s+)?(?P<item>[^,;:()]{2,60}?)(?:\s*\([^()]{1,12}\))?\s*,\s*[-+]?")


def _from_level_of_a_change(s: _Sentence, figure: _Figure) -> None:
    """'declined by 8.0 percent on the year from $5.134 billion to $4.725 billion': the level it came from
    is the earlier period's, a year (or a month) before the level it went to."""
    q = figure.quantity
    if figure.role != "level" or not s.text.endswith("from ", max(0, q.start - 6), q.start):
        return
    later = [f for f in s.figures if f.quantity.start > q.end]
    to = later[0] if later and later[0].role == "level" and later[0].quantity.unit == q.unit else None
    change = to.change if to is not None else None
    if change is None or change.basis not in ("yoy", "mom") or figure.period != to.period:
        return
    if _TO_NEXT.fullmatch(s.text, q.end, to.quantity.start):
        figure.period = _shift(figure.period, months=12 if change.basis == "yoy" else 1) or figure.period


_TO_NEXT = re.compile(r"\s+to\s+(?:a\s+|an\s+)?(?:record\s+)?")


def _change_between_months(s: _Sentence, figure: _Figure) -> None:
    """'The deficit increased by $363 million from February to March': a change between two months in a
    row is the later month's, from the month before."""
    if figure.role != "change" or not figure.period or not _SPAN.fullmatch(figure.period):
        return
    first, end = figure.period.split("/")
    if figure_period(end).previous().key != first or not _FROM_MONTH_TO.search(s.text):
        return
    figure.period = end
    if figure.change is not None and figure.change.basis is None:
        figure.change = replace(figure.change, basis="mom")


_FROM_MONTH_TO = re.compile(rf"\bfrom\s+{g._MONTH}\s+to\s+{g._MONTH}\b")


def _month_on_month_is_a_month(s: _Sentence, figure: _Figure) -> None:
    """'On a month-on-month basis, imports rose 3.9 percent' after a January-May total: a change from the
    month before is one month's, the carried span's last."""
    change = figure.change
    if change is None or change.basis != "mom" or figure.period_source != "carried":
        return
    if figure.period and _SPAN.fullmatch(figure.period):
        figure.period = _last_month(figure.period)


def _place_with_its_figure(s: _Sentence, figure: _Figure) -> None:
    """'China topped the list with $2.7 billion, followed by Peru with $2.3 billion and Japan with $1.3
    billion': each place named right before "with" owns the figure, measured as the sentence's first."""
    q = figure.quantity
    if figure.role not in ("level", "share") or figure is s.figures[0] or " with " not in s.text:
        return
    window = s.text[max(0, q.start - 60) : q.start]
    if " with" not in window:
        return
    owner = _place_with().search(window)
    if owner is None:
        return
    first = s.figures[0].subject or ""
    measure = _places_pattern().match(first)
    rest = first[measure.end() :].strip() if measure else ""
    if measure is None or (figure.role == "share") != (s.figures[0].role == "share"):
        return
    glue = "" if rest[:1] in "'’" else " "  # "China's share ..., followed by Japan with 6.7%": Japan's share
    figure.subject = f"{owner.group('place')}{glue}{rest}".strip()


def _partner_after(s: _Sentence, figure: _Figure) -> None:
    """'The trade deficit increased by $363 million with Mexico': a partner named right after the figure
    is the subject's ('change in trade deficit with Mexico'); likewise 'exports ... $2 billion to Chile'."""
    subject = figure.subject or ""
    tail = s.text[figure.quantity.end : figure.quantity.end + 7]
    if not subject or " with " in subject or _to_place(subject) or not any(w in tail for w in _PARTNER_WORDS):
        return
    partner = _partner_pattern().match(s.text, figure.quantity.end)
    if partner is None:
        return
    prep = partner.group("prep").lower()
    head = (_head_of(subject) or "").lower()
    fits = {"with": _BALANCE_HEAD.search(head), "to": head in ("exports", "shipments")}
    if fits.get(prep) or (prep == "from" and head == "imports"):
        figure.subject = f"{subject} {prep} {partner.group('place')}"


_BALANCE_HEAD = re.compile(r"surplus|deficit|balance|trade")
_PARTNER_WORDS = (" with ", " to ", " from ")


@cache
def _partner_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s+(?P<prep>with|to|from)\s+{_places_pattern().pattern}(?=\s+(?:and|from|in|during)\b|\s*[,.;]|$)"
    )


def _place_ranked_with(s: _Sentence, figure: _Figure) -> None:
    """'By country, China ranked first with 41 million tons in production', 'Chile topped the list with $2.7
    billion': the place the ranking names owns the figure, measured as the clause says or as the release's
    lead figure is."""
    q = figure.quantity
    if figure.role != "level" or " with" not in s.text[max(0, q.start - 60) : q.start]:
        return
    owner = _ranked_with().search(s.text, max(0, q.start - 60), q.start)
    subject = figure.subject or ""
    if owner is None or _places_pattern().match(subject) or _to_place(subject):
        return
    head = _head_of(subject) or _head_of(s.context.lead or "")
    if head:
        figure.subject = f"{owner.group('place')} {subject if _head_of(subject) else head}"


@cache
def _ranked_with() -> re.Pattern[str]:
    return re.compile(
        rf"{_places_pattern().pattern}\s+(?:(?:ranked|came|placed|stood|finished)\s+(?:first|second|third|top|"
        r"\w+th)(?:\s+place)?|(?:topped|led|headed)(?:\s+the\s+(?:list|ranking|table|pack))?)\s+with\s+"
        r"(?:about\s+|around\s+|nearly\s+|some\s+|just\s+)?$"
    )


@cache
def _place_with() -> re.Pattern[str]:
    return re.compile(
        rf"(?:\bfollowed\s+by|\band|,|\bthen|\bwhile|\bbehind)\s+{_places_pattern().pattern}\s+with\s+"
        r"(?:about\s+|around\s+|nearly\s+|some\s+|just\s+)?$"
    )


def _its_owner(s: _Sentence, figure: _Figure) -> None:
    """'The US produced 7.1 million tons in June. Its output was 4.7 million tons a year earlier': the
    output of the place the figure before was for."""
    subject = figure.subject
    if not subject or not s.context.metrics or ("its " not in s.text and "Its " not in s.text):
        return
    if _places_pattern().match(subject) or not _head_of(subject):
        return
    if f"its {subject.lower()}" not in s.text.lower():
        return
    owner = _places_pattern().match(s.context.metrics[-1].subject)
    if owner:
        figure.subject = f"{owner.group('place')} {subject}"


def _trade_with_a_partner(s: _Sentence, figure: _Figure) -> None:
    """'Trade with countries outside the EU resulted in a surplus of SEK 12.4 billion, while the EU trade
    resulted in a deficit of SEK 15.1 billion': the balance of trade with that partner."""
    q = figure.quantity
    if figure.role != "level" or ("rade with" not in s.text and " trade " not in s.text):
        return
    window = s.text[max(0, q.start - 120) : q.start]
    named = _TRADE_WITH.search(window) or _PARTNER_TRADE.search(window)
    if named is None:
        return
    partner = " ".join(named.group("partner").split())
    figure.subject = canonical_subject(f"trade {named.group('kind').lower()} with {partner}")


_BALANCE_AFTER = (
    r"\s+(?:resulted\s+in|showed|recorded|posted|produced|registered|yielded|saw|had)\s+(?:a\s+|an\s+)?"
    r"(?:net\s+)?(?P<kind>surplus|deficit)\s+of\s+(?:about\s+|around\s+|nearly\s+)?$"
)
_TRADE_WITH = re.compile(rf"\b[Tt]rade\s+with\s+(?P<partner>[^,;()]{{2,50}}?){_BALANCE_AFTER}")
_PARTNER_TRADE = re.compile(
    rf"\b(?:the\s+)?(?P<partner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})\s+trade{_BALANCE_AFTER}"
)


def _tonnage_of_a_place(s: _Sentence, figure: _Figure) -> None:
    """'China topped the list with 4.74 million CGTs', 'In terms of order backlog, Japan had 13.6 million
    CGTs': compensated tonnage (or ships) a country is credited with is its shipbuilding orders, or its
    order backlog, a stock at the period's end."""
    q = figure.quantity
    if figure.role != "level" or q.unit not in ("CGT", "ships"):
        return
    place = _places_pattern().match(figure.subject or "")
    rest = (figure.subject or "")[place.end() :].strip().lower() if place else None
    if place is None or (rest and not rest.endswith(("orders", "order backlog"))):
        return  # the place alone, or with a measure borrowed from the figure before
    backlog = _BACKLOG.search(s.text, 0, q.start) is not None
    figure.subject = f"{place.group('place')} {'order backlog' if backlog else 'shipbuilding orders'}"
    if backlog and figure.period and _SPAN.fullmatch(figure.period):
        figure.period = _last_month(figure.period)  # a backlog is what stands at the end of the span


_BACKLOG = re.compile(r"\bbacklogs?\b", re.I)


_WON = re.compile(
    r"\b(?:won|wins|posted|secured|clinched|bagged|earned|received|took|grabbed|landed|booked)\s+"
    r"(?:a\s+(?:combined|total\s+of)\s+|about\s+|some\s+)?$",
    re.I,
)


def _excluding_opening(s: _Sentence, figure: _Figure) -> None:
    """'Excluding erratic commodities (mainly aircraft), the deficit widened ...': the figure leaves them
    out."""
    opening = _EXCLUDING.match(s.text) if s.text[:9].lower() == "excluding" else None
    if opening and figure.subject and "excluding" not in figure.subject.lower():
        figure.subject = f"{figure.subject} excluding {' '.join(opening.group('what').split())}"


_EXCLUDING = re.compile(r"\s*excluding\s+(?P<what>[^,()]{3,50}?)\s*(?:\([^()]*\))?\s*,", re.I)


def _place_alone_named(s: _Sentence, figure: _Figure) -> None:
    """'... Finland fell 2.8% and Latvia dropped 2.4%' in a release on industrial output: each place's
    output (the measure borrowed from the release, so doubted)."""
    if figure.role == "share" or not figure.subject or _head_of(figure.subject):
        return  # most subjects name their measure: no place alone
    place = _places_pattern().fullmatch(figure.subject)
    if not place:
        return
    measure_name = _running_measure(s.context)
    if measure_name:
        figure.subject = f"{place.group('place')} {measure_name}"
        figure.notes.add(confidence.SUBJECT_CARRIED)


def _goods_alone_named(s: _Sentence, figure: _Figure) -> None:
    """'Displays fell 0.5 percent to $740 million' after 'Exports bound for Vietnam grew ...': the goods'
    part of the flow the figure before measured, where it went ('display exports to Vietnam'); borrowed,
    so doubted."""
    if figure.role == "share" or not figure.subject or _head_of(figure.subject):
        return
    subject = figure.subject
    if _places_pattern().fullmatch(subject) or not _GOODS_ALONE.fullmatch(subject):
        return
    if subject.split()[-1].lower() in _NOT_GOODS:
        return
    running = s.context.metrics[-1].subject if s.context.metrics else s.context.subject or ""
    flow = _FLOW_RUNNING.match(running)
    if flow is None:
        return
    figure.subject = f"{_as_modifier(subject)} {flow.group('flow').lower()}{flow.group('where') or ''}"
    figure.notes.add(confidence.SUBJECT_CARRIED)


# goods alone, up to three words ending in a plural noun: "displays", "mobile phones", "plug-in hybrids"
_GOODS_ALONE = re.compile(r"(?:[A-Za-z][\w-]*\s+){0,2}[a-z][\w-]*[a-z]s")
_NOT_GOODS = frozenset(
    {"goods", "services", "companies", "firms", "countries", "economies", "markets", "sectors"}
)
# the flow the figure before measured, and where: "exports to Vietnam", "ICT exports"
_FLOW_RUNNING = re.compile(
    r"^(?:[\w-]+\s+){0,2}?(?P<flow>exports|imports|shipments)(?P<where>\s+(?:to|from)\s+.+)?$", re.I
)


def _running_measure(context: _Context) -> str | None:
    """The measure the release is running on, without whose it is: the running subject, else the lead,
    else the last figure named, else the title's, the first that names more than a bare measure
    ('crude steel production' of 'world crude steel production', not 'production' of 'China production')."""
    named = (m.subject for m in reversed(context.metrics) if _head_of(m.subject))
    for running in (context.subject, context.lead, next(named, None), _title_measure(context.title)):
        measure = _places_pattern().match(running or "")
        measure_name = running[measure.end() :].strip() if measure and running else running or ""
        first, _, rest = measure_name.partition(" ")
        # "Chinese shipyards orders", "world crude steel production": the measure, without whose
        if rest and (first in _proper_words() or first.lower() in ("world", "global", "worldwide")):
            measure_name = rest
        if _head_of(measure_name) and not confidence.bare_measure(measure_name):
            return measure_name
    return None


@lru_cache(maxsize=256)
def _title_measure(title: str) -> str | None:
    """'Commercial vehicle registrations: +12.9% in the first half': the measure a title opens with."""
    opening = _TITLE_OPENING.split(title, maxsplit=1)[0]
    named = _clean_np(opening) if opening else None
    return named if named and _head_of(named) else None


_TITLE_OPENING = re.compile(r"\s*[:;|–—]\s*|\s+(?=[+-]?\d)")


def _forecasts_marked(s: _Sentence, figure: _Figure) -> None:
    """'a 3.0% decline expected by economists', 'beat forecasts for an increase of 1.2 percent', 'had
    expected a $2.6-billion deficit', 'exports are expected to rise 3 percent': a forecast, not the figure."""
    if not figure.subject:
        return
    possessive = "'s " in figure.subject or "’s " in figure.subject
    owned = _WHOSE_FORECAST.fullmatch(figure.subject) if possessive else None
    running = s.context.subject
    if owned and running and figure.role == "level":  # "The central bank's forecast for the year is $84bn"
        kind = "target" if owned.group("kind").lower() in ("target", "goal") else "forecast"
        figure.subject = f"{running} {kind}"
        figure.notes.add(confidence.SUBJECT_CARRIED)
        if _FOR_THE_YEAR.search(s.text) and figure.period and valid_figure_period(figure.period):
            figure.period = str(figure_period(figure.period).start.year)
        return
    if "forecast" in figure.subject:
        return
    if s.forecast_words is None:  # once a sentence: most hold none, and then no figure of theirs is looked at
        s.forecast_words = _FORECAST_WORDS.search(s.text) is not None
    if not s.forecast_words:
        return
    start = figure.quantity.start
    hinted = _FORECAST_HINT.search(s.text, max(0, start - 60), start)
    before = _FORECAST_BEFORE.search(s.text, max(0, start - 60), start) if hinted else None
    if before or _EXPECTED_BY.match(s.text, figure.quantity.end):
        figure.subject = f"{figure.subject} forecast"
        ahead = _AHEAD.search(s.text, max(0, start - 80), start)  # an outlook, not a consensus for the month
        source = figure.period_source
        undated = source == "release date" or (source == "carried" and _past(s, figure))
        if ahead and undated:
            # an outlook that names no period, or only one already past: the year it is published in
            figure.period, figure.period_source = str(s.context.published.year), "derived"


def _expected_thing(named: str, running: str | None) -> str:
    """What expectations are for: 'exports' after 'Tin exports rose ...' is tin exports."""
    return running if running and (_head_of(running) or "").lower() == named.lower() else named


_EXPECTATIONS_FOR = re.compile(
    r"(?:(?:the|market|analysts['’]?|economists['’]?|median|consensus)\s+)*"
    r"(?:expectations?|forecasts?|estimates?|consensus|projections?)\s+(?:for|of)\s+",
    re.I,
)
# what a body forecasts, named by whose forecast it is: "the central bank's forecast", "the ministry's target"
_WHOSE_FORECAST = re.compile(
    r"(?:the\s+)?(?:[\w.’'-]+\s+){0,3}[\w.-]+['’]s\s+(?:own\s+|latest\s+|new\s+|revised\s+|annual\s+)?"
    r"(?P<kind>forecast|projection|estimate|outlook|target|goal)",
    re.I,
)
_FOR_THE_YEAR = re.compile(r"\bfor\s+(?:the|this)\s+(?:full\s+|whole\s+)?year\b", re.I)
_AHEAD = re.compile(
    r"\b(?:will|(?:is|are)\s+(?:likely|expected|forecast|projected|set)\s+to|expects?|projects?)\b", re.I
)


def _past(s: _Sentence, figure: _Figure) -> bool:
    """Does the figure's period end before its release was published?"""
    return valid_figure_period(figure.period) and figure_period(figure.period or "").end < s.context.published


FIGURE_FINISHES = (
    _moves_in_brackets,  # "reflected increases in consumer goods ($1.0 billion)"
    _contributors_in_brackets,  # "The increase was due to ICs (25.8 per cent)"
    _listed_after_a_change,  # "All items decreased: fuel (C&E), 33.8%; primary products (PP), 31.0%"
    _places_after_a_change,  # "Sales were also up in Asia Pacific (11.4%), Europe (7.4%)"
    _actor_of_its_measure,  # "Taiwan claimed the largest market with sales of $17.12 billion"
    _goods_named_after,  # "registrations totaled 1,662,399 for new battery-electric cars"
    _record_compared_with,  # "a 7 percent drop from the all-time high of $64.5 billion": of the same
    _basis_of_its_clause,  # the sentence's basis, where the figure's clause states it
    _shipments_as_exports,  # "shipments" in an export release
    _changed_thing_not_its_change,  # "export growth was 3.1 percent", "imports growth eased to 30.7%"
    _actor_of_its_flow,  # "Japan produced 104.3 million tons": Japan's production
    _earlier_change_period,  # "following a 2.7 percent fall in September": September's
    _month_on_month_is_a_month,  # a change from the month before, after a span: the span's last month
    _change_between_months,  # "increased by $363 million from February to March": March's
    _year_before_level,  # "from the year-before deficit of ¥180.3 billion"
    _from_level_of_a_change,  # "down 8.0 percent on the year from $5.1 billion to $4.7 billion"
    _whose_balance,  # a bare "surplus": whose
    _balance_of_its_sign,  # "the trade balance remained in a surplus position ... at $1.9 billion": a surplus
    _balance_in_the_red,  # "the goods account finished in the red with USD 480 million": its deficit
    _daily_average,  # "with a daily average of $738 million": the daily average exports
    _contribution_named,  # "Net exports added 1.2 percentage points to growth": their contribution
    _acronyms_used,  # the release's own acronyms
    _vehicles_counted,  # "car exports came to 130,209 units": vehicles
    _investment_named,  # "FDI pledged to Korea": FDI pledges
    _place_of_its_figure,  # "by 0.7% in the euro area and by 0.6% in the EU"
    _place_with_its_figure,  # "followed by Peru with $2.3 billion": Peru's
    _place_ranked_with,  # "China ranked first with 41 million tons in production": China's
    _partner_after,  # "the deficit increased by $363 million with Mexico": the deficit with Mexico
    _place_alone_named,  # "Finland fell 2.8%" in an output release
    _goods_alone_named,  # "Displays fell 0.5 percent" after "Exports bound for Vietnam grew"
    _whole_without_topic,  # "Korea's total trade surplus" in an ICT release
    _record_of_the_running,  # "The previous record was $29.51 billion"
    _orders_won_in_tonnage,  # "Chinese shipbuilders posted 620,000 CGT"
    _tonnage_of_a_place,  # "China topped the list with 4.74 million CGTs": China's orders
    _its_owner,  # "The US produced 7.1 million tons. Its output was ...": the US's
    _trade_with_a_partner,  # "Trade with countries outside the EU resulted in a surplus of"
    _excluding_opening,  # "Excluding erratic commodities, the deficit widened"
    _forecasts_marked,  # "expected by": a forecast
)


# The steps of one sentence, in order; a step returns False when the sentence holds nothing more to read.
SENTENCE_STEPS = (
    _read_quantities,  # numbers, units, currencies (units.py)
    _read_periods,  # the masked sentence (clauses.py) and its period phrases (periods.py)
    _read_figures,  # which numbers are figures: level, change or share (figures.py); else records.py
    _changes_to_levels,  # a change goes into its level (changes.py)
    _flat_changes,  # "unchanged": a change of zero
    _sentence_basis,  # the basis the sentence states
    _name_figures,  # subjects (subjects.py, lists.py), periods, records
    _name_coordinated_changes,  # "A and B rose 3 and 4 percent, respectively" (lists.py)
    _carry_period,  # the running period later sentences inherit
    _emit_metrics,  # one Metric per figure
    _carry_basis,  # the basis and breakdown later sentences refer back to
)


_SHIPMENTS = re.compile(r"(?:(?<=\w )|^)shipments?\b(?=$|\s+to\s)")


_DEFICIT = re.compile(r"\bdeficits?\b", re.I)


def _metric(release: Release, figure: _Figure, quote: str, span: tuple[int, int]) -> Metric:
    q = figure.quantity
    subject = canonical_subject(figure.subject or "figure")
    value, unit, qualifier = q.value, q.unit, _qualifier(q)
    record = figure.record or figure.previous_record  # "the previous record of $X": a record too
    if figure.role == "change":
        value, unit, qualifier = None, None, q.qualifier
        metric_id = metric_id_for(subject)
    elif figure.role == "share":
        subject = subject if subject.endswith("share") or " share of " in subject else f"{subject} share"
        unit, record, metric_id, qualifier = "percent", False, None, q.qualifier
    else:
        metric_id = metric_id_for(subject) if not figure.member or not _is_place(figure.dimension) else None
        if value < 0 and _DEFICIT.search(subject):
            value = -value  # "a deficit of NZD -2.3B": a deficit is its size, as a surplus is
    evidence = Evidence(
        subject=subject,
        subject_found=bool(figure.subject),
        period=figure.period,
        period_source=figure.period_source,
        unit_stated=not figure.unit_inferred,
        catalogued=metric_id is not None,
        percent_level=unit == "percent" and value is not None and figure.change is None,
        notes=frozenset(figure.notes),
        change_only=value is None,
        sentence=quote,
        at=(q.start, q.end),
    )
    doubts = doubts_of(evidence)
    period = None if INVALID_PERIOD in doubts else calendar_form(figure.period)  # never emitted as valid
    return Metric(
        release.id,
        subject,
        value,
        unit,
        period,
        quote,
        span,
        metric_id,
        figure.change,
        record,
        qualifier,
        figure.dimension,
        figure.member,
        "low" if doubts else "high",
        doubts,
    )
