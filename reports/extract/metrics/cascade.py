"""One release, sentence by sentence: the steps each sentence goes through, in order, and the figure each
step leaves becomes a `Metric`."""

from __future__ import annotations

import re
from dataclasses import replace

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
)
from reports.extract.metrics.clauses import _masked, sentences
from reports.extract.metrics.figures import _figures
from reports.extract.metrics.lists import _coordinated_changes
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.periods import (
    _compared_level,
    _compared_periods,
    _period_of,
    _period_source,
    _periods,
    _set_running_period,
    _title_period,
)
from reports.extract.metrics.phrases import (
    _BALANCE_OWNER,
    _abbreviated,
    _balance_name,
    _clean_np,
    _head_of,
    _is_place,
    _topic,
    _with_topic,
    canonical_subject,
)
from reports.extract.metrics.records import _RECORD_HINT, _mark_record, _record_claim
from reports.extract.metrics.subjects import _dimension, _name
from reports.extract.metrics.units import (
    _as_local_dollar,
    _as_named_unit,
    _economy_dollar,
    _learn_abbreviations,
    _local_dollar,
    _qualifier,
    _without_restatements,
)
from reports.extract.numbers import find_quantities, normalize
from reports.extract.text import acronyms_defined
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
    return _conflicts_doubted(_changes_joined_to_levels(context.metrics, body))


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


_EXPECTED_BY = re.compile(
    r"\s*(?:percent|%)?\s*(?:decline|decrease|fall|drop|increase|rise|gain|growth)?\s*"
    r"(?:expected|forecast|predicted|projected|estimated|anticipated)\s+(?:by|in)\b",
    re.IGNORECASE,
)


def _read_sentence(release: Release, body: str, text: str, start: int, end: int, context: _Context) -> None:
    sentence = text[start:end]
    if not _DIGIT.search(sentence) and not _HINT.search(sentence):
        return
    quantities = [q for q in find_quantities(sentence) if q.kind not in ("year", "day")]
    quantities = _without_restatements(sentence, quantities)
    _learn_abbreviations(sentence, quantities, context)
    if context.units_named:
        quantities = [_as_named_unit(sentence, q, context.units_named) for q in quantities]
    if context.dollar:
        quantities = [_as_local_dollar(sentence, q, context.dollar) for q in quantities]
    masked = _masked(sentence)
    periods = _periods(sentence, context, masked)
    primary = next((p for p in periods if p[3] in ("", "target")), None)
    if not quantities:
        _record_claim(sentence, primary, context)
        _set_running_period(sentence, periods, primary, context)
        return
    dimension = _dimension(sentence, context)
    figures = _figures(sentence, quantities, context.count_unit)
    if not figures:
        _record_claim(sentence, primary, context)
        _set_running_period(sentence, periods, primary, context)
        return
    _attach_changes(sentence, masked, figures)
    for figure in figures:
        if (
            figure.role == "level"
            and figure.change is None
            and _UNCHANGED.match(sentence, figure.quantity.end)
        ):
            unit = "percentage_points" if figure.quantity.unit == "percent" else "percent"
            basis = _basis_near(sentence, figure.quantity.end, figure.quantity.end)
            figure.change = Change(0.0, unit, "flat", basis)
    period_now = primary[2] if primary else context.period
    sentence_basis = _basis_in(sentence) or _month_basis(sentence, period_now)
    lists: dict[str, str | None] = {}
    record_hint = _RECORD_HINT.search(sentence) is not None
    compared = _compared_periods(sentence, figures, periods) if periods else frozenset()
    for figure in figures:
        if figure.range_of is not None and figure.range_of.subject:
            source = figure.range_of
            figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
        elif figure.named_by is not None and figure.named_by.subject:
            source = figure.named_by
            figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
        elif figure.stated_subject and _clean_np(figure.stated_subject):
            figure.subject = _with_topic(_clean_np(figure.stated_subject), context)
        else:
            _name(sentence, masked, figure, figures, dimension, context, lists)
        if figure.role == "level" and not context.lead and figure.subject:
            context.lead = figure.subject
            context.topic = _topic(figure.subject, context.title)
        figure.period = _period_of(sentence, figure, periods, primary, context, figures, compared)
        figure.period_source = _period_source(figure.period, periods, context)
        _compared_level(sentence, figure, figures, periods)
        if record_hint:
            _mark_record(sentence, masked, figure)
    _coordinated_changes(sentence, figures, context)
    if not _ALONE.match(sentence):
        _set_running_period(sentence, [p for p in periods if p[0] not in compared], primary, context)
    quote = body[start:end]
    first_new = len(context.metrics)
    for figure in figures:
        if figure.role == "change" and figure.attached:
            continue
        if figure.change is not None and figure.change.basis is None and figure.change.value is not None:
            basis = _basis_of_clause(sentence, figure, period_now) if sentence_basis else None
            figure.change = replace(figure.change, basis=basis)
        if figure.subject and _SHIPMENTS.search(figure.subject) and _head_of(context.lead or "") == "exports":
            figure.subject = _SHIPMENTS.sub("exports", figure.subject)  # in an export release, shipments
        if figure.subject and figure.subject.lower() in ("surplus", "deficit"):
            figure.subject = _balance_name(figure.subject, None, context)
        if context.acronyms and figure.subject:
            figure.subject = _abbreviated(figure.subject, context.acronyms)
        if figure.subject and _EXPECTED_BY.match(sentence, figure.quantity.end):
            figure.subject = f"{figure.subject} forecast"  # "a 3.0% decline expected by economists"
        metric = _metric(release, figure, quote, (start, end))
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
    if sentence_basis:
        context.basis = sentence_basis
    context.dimension = (dimension, "") if dimension else None


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
