"""One release, sentence by sentence: the steps each sentence goes through, in order, and the figure each
step leaves becomes a `Metric`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reports.extract import confidence
from reports.extract import grammar as g
from reports.extract.catalog import metric_id_for
from reports.extract.confidence import INVALID_PERIOD, SAME_SUBJECT_TWICE, Evidence, doubts_of
from reports.extract.grammar import Caseless
from reports.extract.metrics.changes import (
    _DIGIT,
    _UNCHANGED,
    _amount_change_apart,
    _attach_changes,
    _basis_from_compared_levels,
    _basis_in,
    _basis_near,
    _basis_of_clause,
    _changes_joined_to_levels,
    _month_basis,
    _own_month_basis,
)
from reports.extract.metrics.clauses import _masked, sentences
from reports.extract.metrics.figures import _PERCENTAGE, _YEAR, _figures
from reports.extract.metrics.lists import _coordinated_changes
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.periods import (
    _compared_level,
    _compared_periods,
    _earlier_change_end,
    _period_of,
    _period_source,
    _periods,
    _set_running_period,
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
    _topic,
    _with_topic,
    canonical_subject,
)
from reports.extract.metrics.records import _RECORD_HINT, _mark_record, _record_claim
from reports.extract.metrics.subjects import _CHANGE_NOUNS, FLOW_VERBS, _dimension, _name
from reports.extract.metrics.units import (
    _as_local_dollar,
    _as_named_unit,
    _economy_dollar,
    _learn_abbreviations,
    _local_dollar,
    _qualifier,
    _without_restatements,
)
from reports.extract.metrics.words import words
from reports.extract.numbers import Quantity, find_quantities, normalize
from reports.extract.text import acronyms_defined
from reports.periods import figure_period, valid_figure_period
from reports.records import Change, Metric, Release

_ALONE = re.compile(r"^(?:In|For|During)\s+[^,]{3,40}?\balone\b", re.I)


_HINT = Caseless(
    r"record|all-time|high|last\s+(?:year|month)|this\s+(?:year|month)|previous\s+(?:year|month)"
    r"|half|quarter|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
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


_FORECAST_HINT = Caseless(r"forecast|expect|predict|project|anticipat|consensus")
_FORECAST_BEFORE = re.compile(
    r"(?:\b(?:forecasts?|expectations?|projections?|consensus)\s+(?:of|for)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:increase|rise|gain|growth|decline|fall|drop|contraction)\s+of\s+)?"
    r"|\b(?:expected|predicted|forecast|projected|anticipated)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:surplus|deficit|increase|rise|gain|growth|decline|fall|drop)\s+of\s+)?"
    r"|\b(?:is|are|was|were)\s+(?:expected|forecast|projected|predicted)\s+to\s+"
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
            unit = "percentage_points" if figure.quantity.unit == "percent" else "percent"
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
        if figure.role == "level" and not context.lead and figure.subject:
            context.lead = figure.subject
            context.topic = _topic(figure.subject, context.title)
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
        metric = _metric(s.release, figure, quote, (s.start, s.end))
        owner = _BALANCE_OWNER.match(metric.subject)
        if owner and not figure.member and owner.group("what").lower() in ("surplus", "deficit", "balance"):
            context.balance_owner = re.sub(r"\s+(?:balance|account)$", "", owner.group("owner"), flags=re.I)
            if owner.group("owner").lower().endswith("account"):
                context.balance_owner = owner.group("owner")
        context.metrics.extend(_amount_change_apart(metric))
        if figure.role == "level" and figure.quantity.kind == "count":
            context.count_unit = figure.quantity.unit
        if figure.role == "level" and not figure.member:
            context.subject = metric.subject
    _basis_from_compared_levels(context.metrics, first_new)
    return True


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


def _by_its_clause(s: _Sentence, figure: _Figure, lists: dict[str, str | None]) -> bool:
    """A list member, a level naming itself (subjects.LEVEL_NAMES), else the subject of its clause."""
    _name(s.text, s.masked, figure, s.figures, s.dimension, s.context, lists)
    return True


SUBJECT_SOURCES = (_as_range_end, _as_its_change, _as_its_phrase, _by_its_clause)


# What is settled about a figure just before it becomes a Metric, in order.


def _basis_of_its_clause(s: _Sentence, figure: _Figure) -> None:
    """'up 5.1 percent on-year, while steel rose 1.9 percent': the sentence's basis, as its clause has it."""
    change = figure.change
    if change is not None and change.basis is None and change.value is not None:
        basis = _own_month_basis(s.text, figure, s.period_now) or _compared_period_basis(s, figure) or (
            _basis_of_clause(s.text, figure, s.period_now) if s.basis else None
        )
        if basis is not None:  # else the change stays as it is: no copy of a frozen record for nothing
            figure.change = replace(change, basis=basis)


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
    actor, nominal = _THE.sub("", acted[-1].group("actor")), g.NOMINAL[acted[-1].group("verb").lower()]
    subject = figure.subject
    if actor.lower() in g.PRONOUNS:
        return
    if subject.casefold() == actor.casefold():  # "Russia is estimated to have produced 73.4 Mt"
        figure.subject = f"{actor} {nominal}"
    elif nominal in subject and actor.lower() not in subject.lower():
        figure.subject = f"{actor} {subject}"


# "Japan produced", "The United States, at the 4th position, produced": a named actor and its flow verb
_ACTOR_FLOW = re.compile(
    r"(?<![\w’'-])(?P<actor>(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3})(?:,[^,;]{1,40},)?\s+"
    r"(?:also\s+)?(?:(?:is|are|was|were)\s+(?:estimated|expected|projected|forecast)\s+to\s+have\s+)?"
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
    if not figure.subject or "shipments" not in figure.subject or not _SHIPMENTS.search(figure.subject):
        return
    if _head_of(s.context.lead or "") == "exports" or _EXPORTS_TITLE.search(s.context.title):
        figure.subject = _SHIPMENTS.sub("exports", figure.subject)


def _changed_thing_not_its_change(s: _Sentence, figure: _Figure) -> None:
    """A change is of the thing, not of its noun: 'export growth was 3.1 percent' is a change in exports;
    'the rate of decrease was 35.8% for consumer electronics', in an export release, one in consumer
    electronics exports."""
    subject = figure.subject or ""
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


def _acronyms_used(s: _Sentence, figure: _Figure) -> None:
    """'foreign direct investment' -> 'FDI' where the release defines 'FDI'."""
    if s.context.acronyms and figure.subject:
        figure.subject = _abbreviated(figure.subject, s.context.acronyms)


def _forecasts_marked(s: _Sentence, figure: _Figure) -> None:
    """'a 3.0% decline expected by economists', 'beat forecasts for an increase of 1.2 percent', 'had
    expected a $2.6-billion deficit', 'exports are expected to rise 3 percent': a forecast, not the figure."""
    if not figure.subject or "forecast" in figure.subject:
        return
    start = figure.quantity.start
    hinted = _FORECAST_HINT.search(s.text, max(0, start - 60), start)
    before = _FORECAST_BEFORE.search(s.text, max(0, start - 60), start) if hinted else None
    if before or _EXPECTED_BY.match(s.text, figure.quantity.end):
        figure.subject = f"{figure.subject} forecast"


FIGURE_FINISHES = (
    _basis_of_its_clause,  # the sentence's basis, where the figure's clause states it
    _shipments_as_exports,  # "shipments" in an export release
    _changed_thing_not_its_change,  # "export growth was 3.1 percent": a change in exports
    _actor_of_its_flow,  # "Japan produced 104.3 million tons": Japan's production
    _earlier_change_period,  # "following a 2.7 percent fall in September": September's
    _whose_balance,  # a bare "surplus": whose
    _acronyms_used,  # the release's own acronyms
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


_SHIPMENTS = re.compile(r"(?:(?<=\w )|^)shipments\b(?=$|\s+to\s)")


def _metric(release: Release, figure: _Figure, quote: str, span: tuple[int, int]) -> Metric:
    q = figure.quantity
    subject = canonical_subject(figure.subject or "figure")
    value, unit, record, qualifier = q.value, q.unit, figure.record, _qualifier(q)
    if figure.role == "change":
        value, unit, qualifier = None, None, q.qualifier
        metric_id = metric_id_for(subject)
    elif figure.role == "share":
        subject = subject if subject.endswith("share") or " share of " in subject else f"{subject} share"
        unit, record, metric_id, qualifier = "percent", False, None, q.qualifier
    else:
        metric_id = metric_id_for(subject) if not figure.member or not _is_place(figure.dimension) else None
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
    period = None if INVALID_PERIOD in doubts else figure.period  # never emitted as a valid period
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
