"""The records seam: a level its clause calls a record, and a record claimed by a sentence with no figure."""

from __future__ import annotations

import re
from dataclasses import replace

from reports.extract import grammar as g
from reports.extract.grammar import Caseless
from reports.extract.metrics.clauses import _clause_end, _clause_start
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.phrases import _clean_np, _with_topic

_RECORD_HINT = Caseless(r"record|all-time|high|best|largest|biggest|unprecedented|peak")
# "the second highest on record", "the third-largest ever": a rank among the records, no record
_RANKED = Caseless(
    r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th)[\s-]+(?:highest|largest|biggest|best)\b"
)


def _claims_record(sentence: str, start: int, end: int) -> bool:
    """Does the stretch call something a record, and not a rank among the records ('the third-highest
    ever', 'the second highest on record')?"""
    return g.RECORD.search(sentence, start, end) is not None and _RANKED.search(sentence, start, end) is None


def _mark_record(sentence: str, masked: str, figure: _Figure) -> None:
    """A level its own clause calls a record; the sentence is known to hold a record word (_RECORD_HINT)."""
    if figure.role != "level":
        return
    before = sentence[max(0, figure.quantity.start - 40) : figure.quantity.start]
    if g.PREVIOUS_RECORD.search(before) or _FROM_RECORD_OF.search(before):
        figure.previous_record = True  # "a 7 percent drop from the all-time high of $64.5 billion"
        return
    clause = _clause_start(masked, figure.quantity.start)
    end = _clause_end(masked, figure.quantity.end)
    if "of" in sentence[figure.quantity.end : end]:  # a record compared with is another number's
        sentence = _RECORD_OF_NUMBER.sub(lambda m: " " * len(m.group(0)), sentence)
    if _claims_record(sentence, clause, end):
        figure.record = True


# "a drop from the all-time high of $64.5 billion": a record the figure is compared with
_RECORD_COMPARED = (
    r"\b(?:from|than|below|under|versus|against)\s+(?:the|its|a)\s+(?:all-time\s+|record\s+)?"
    r"(?:record|high|peak)(?:\s+high)?\s+of\s+"
)
_FROM_RECORD_OF = g.Caseless(_RECORD_COMPARED + r"(?:about\s+)?$")  # right before that record's level
_RECORD_OF_NUMBER = re.compile(_RECORD_COMPARED + r"(?=[$€£¥₩]|(?:US|USD|KRW)\s?\$?\d|\d)", re.I)


def _record_claim(sentence: str, primary: tuple[int, int, str, bool] | None, context: _Context) -> None:
    """'This marked a new all-time high.' / 'Annual ICT exports reached an all-time high.' with no figure:
    the record belongs to the figure of that subject stated before."""
    if (
        not context.metrics
        or not _claims_record(sentence, 0, len(sentence))
        or re.search(r"\b(?:previous|not|no)\b", sentence)
    ):
        return
    verb = g.VERB.search(sentence)
    if verb is None:
        return
    # The record must be what the main clause says ("... reached an all-time high"), not an aside after
    # a comma ("... extended their upward trend, recording an all-time monthly high").
    main_end = sentence.find(",", verb.end())
    if not _claims_record(sentence, verb.start(), main_end if main_end != -1 else len(sentence)):
        return
    subject = _clean_np(sentence[: verb.start()])
    if not subject or subject.lower() in g.PRONOUNS:
        candidates = [m for m in context.metrics[-4:] if m.value is not None and m.unit != "percent"]
        target = candidates[0] if candidates else None
    else:
        subject = _with_topic(subject, context)
        period = primary[2] if primary else context.period
        target = next(
            (
                m
                for m in reversed(context.metrics)
                if m.subject.lower() == (subject or "").lower() and m.value is not None and m.period == period
            ),
            None,
        )
    if target is not None and not target.record:
        index = context.metrics.index(target)
        context.metrics[index] = replace(target, record=True)
