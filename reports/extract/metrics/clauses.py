"""The sentence seam: sentence spans from the shared text layer, the masked sentence (brackets, asides,
relative clauses and a dateline blanked, same length) and where a clause starts and ends."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from reports.extract import grammar as g
from reports.extract.metrics.model import _Figure
from reports.extract.text import MAX_SENTENCE
from reports.extract.text import sentences as text_sentences

MAX_SENTENCE_LOOKBACK = 400  # characters of a sentence searched back for a figure's subject


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_PAREN = re.compile(r"\([^()]*\)")


_DATELINE_REACH = 40  # characters between a dateline's first letter and its bracket, at most
_DATELINE = re.compile(  # "SEOUL, Jan. 5 (Yonhap) --", "TOKYO (AP) ": capitalized words or numbers only
    rf"^(?=[^(]{{0,{_DATELINE_REACH}}}\()[A-Z][A-Za-z0-9.'-]*(?:[ ,]+[A-Z0-9][A-Za-z0-9.'-]*){{0,6}}?\s*"
    r"(?:\([A-Za-z .]+\)\s*(?:--|—|–|-)\s*|\((?:[A-Z]{2,6}|[A-Z][a-z]+ [A-Z][a-z]+)\)\s+)"
)

# "Seoul, Feb 4 South Korea's exports ...": a city and a date with no agency in brackets
_DATED_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2},\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*(?:--|—|–|-|:)?\s+(?=[A-Z])"
)


# "WELLINGTON - New Zealand exports ...", "BUENOS AIRES – ...": a city in capitals and a dash
_CAPITALS_DATELINE = re.compile(r"^[A-Z]{3,}(?:[ .,]+[A-Z]{2,}){0,3}\s*(?:--|—|–|-)\s+(?=[A-Z])")


@cache
def _relative_pattern() -> re.Pattern[str]:
    return re.compile(
        r",\s+(?:which|who|whose)\s[^,;()]*,"
        r"|,\s+(?:led|driven|followed|supported|boosted|helped|dragged|weighed)\s+(?:down\s+)?by\s[^,;]{0,80},"
        r"|,\s+(?:mostly|mainly|largely|chiefly|primarily|partly|almost\s+all|all)\s+(?:from|to|in|by|for)\s[^,;]{0,60},"
        r"|,\s+(?:(?:the|a|an|its|South\s+Korea['’]s|Korea['’]s|the\s+country['’]s)\s[^,;()\d]{0,60}"
        # "Daily exports, after taking fewer working days into account, however, rose": any aside without
        # a number right before the verb, except one that narrows the subject ("excluding energy")
        r"|(?!(?:excluding|including|except|ex|minus|not|apart|net|and|or|but)\b)(?P<aside>[^,;()\d]{3,70})),"
        rf"(?=\s+(?:(?:however|though|meanwhile|also|in\s+turn),\s+)?(?:{g.alternation(g.ALL_VERBS)})\b)",
        re.I,
    )


# "w(?<=\bw)hile" is "\bwhile": every alternative opens with its first character, so the engine skips to
# those (a leading \b made it try every position of the sentence).
_CLAUSE_END = re.compile(r";|w(?<=\bw)hile\b|w(?<=\bw)hereas\b|,\s*(?:and|but)\b")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the shared text layer (reports/extract/text.py)."""
    return text_sentences(text, MAX_SENTENCE)


def _masked(sentence: str) -> str:
    """The sentence with brackets, relative clauses, appositives and a news dateline blanked (same length):
    a subject is never inside them."""
    # both patterns need a bracket (a dateline's right after its first words): looked for first
    masked = sentence
    if sentence.find("(", 0, _DATELINE_REACH + 2) != -1:
        masked = _DATELINE.sub(_blank, sentence)
    elif sentence[:1].isupper() and sentence.find(",", 0, 30) != -1:
        masked = _DATED_DATELINE.sub(_blank, sentence)
    if sentence[1:3].isupper() and sentence[:3].isalpha():
        masked = _CAPITALS_DATELINE.sub(_blank, masked)
    for _ in range(3 if "(" in masked else 0):
        new = _PAREN.sub(_blank, masked)
        if new == masked:
            break
        masked = new
    if "--" in masked or "—" in masked:  # "shipments to China -- its largest market -- jumped ..."
        masked = _DASH_ASIDE.sub(_blank, masked)
    if " that " in masked:  # "exports of steel that were subject to a 25 per cent tariff fell 36.8 per cent"
        masked = _restrictive_pattern().sub(_blank, masked)
    return _relative_pattern().sub(_blank_aside, masked)


@cache
def _restrictive_pattern() -> re.Pattern[str]:
    """A 'that' clause of state between a noun and the clause's change verb: the noun is the subject."""
    return re.compile(
        r"(?<=\w)\s+that\s+(?:were|was|are|is|had\s+been|have\s+been)\s+[^,;()]{2,60}?"
        rf"(?=\s+(?:{g.alternation(g.CHANGE_VERBS)})\b)",
        re.I,
    )


def _blank(match: re.Match[str]) -> str:
    """The match as spaces: the masked sentence keeps every position of the sentence."""
    return " " * len(match.group(0))


def _blank_aside(match: re.Match[str]) -> str:
    """An aside blanked, unless it is a clause of its own: 'In January, imports of buses led the increase,
    climbing 18 percent' has its verb after a noun; 'hit by delays at the yards' opens with its verb."""
    aside = match.group("aside")
    if aside and (verb := g.VERB.search(aside)) and verb.start() > 0:
        return match.group(0)
    return _blank(match)


_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^\d]*?\s(?:--|—)\s")


def _outside_parens(masked: str, at: int) -> int:
    """A position inside brackets moves to the opening bracket."""
    if at < len(masked) and masked[at] == " ":
        opening = masked.rfind("(", 0, at)
        sentence_open = opening  # masked text keeps no "(": look for the blank run instead
        if sentence_open == -1:
            run = at
            while run > 0 and masked[run - 1] == " ":
                run -= 1
            return run
    return at


@dataclass(frozen=True)
class _Marks:
    """Verbs and clause boundaries of one (masked) sentence, found once."""

    verbs: tuple[tuple[int, int], ...]
    verb_starts: tuple[int, ...]
    boundaries: tuple[tuple[int, int, str], ...]

    def verbs_between(self, start: int, end: int) -> list[tuple[int, int]]:
        first = bisect_left(self.verb_starts, start)
        return [v for v in self.verbs[first:] if v[1] <= end] if first < len(self.verbs) else []

    def has_verb(self, start: int, end: int) -> bool:
        first = bisect_left(self.verb_starts, start)
        return first < len(self.verbs) and self.verbs[first][1] <= end


_HIT_BY = re.compile(r"hit\s+(?:hard\s+)?by\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+)?$")


def _hyphenated_start(masked: str, start: int) -> int:
    """Where a verb's hyphenated word begins: 'nose-dived' at 'nose'."""
    while start > 1 and masked[start - 1] == "-" and masked[start - 2].isalpha():
        start -= 1
        while start > 0 and masked[start - 1].isalpha():
            start -= 1
    return start


def _noun_use(masked: str, verb: tuple[int, int]) -> bool:
    """'the decline in imports', 'a sharp rise of 4%': a change word after a determiner and before 'in'
    or 'of' names the change; it is not the clause's verb."""
    start, end = verb
    if not masked.startswith((" in ", " of "), end):
        return False
    return _DETERMINER_BEFORE.search(masked, max(0, start - 24), start) is not None


@lru_cache(maxsize=16)
def _marks(masked: str) -> _Marks:
    # "With the shipping industry hit by a trade dispute, orders dropped": a participle, not the verb
    verbs = tuple((m.start(), m.end()) for m in g.VERB.finditer(masked))
    if "-" in masked:  # "exports nose-dived 20.9 percent": the verb is the whole hyphenated word
        verbs = tuple((_hyphenated_start(masked, v[0]), v[1]) for v in verbs)
    if "hit" in masked:
        verbs = tuple(v for v in verbs if not _HIT_BY.match(masked, v[0]))
    if " in " in masked or " of " in masked:  # "The decline in imports was ...": a noun, not the verb
        verbs = tuple(v for v in verbs if not _noun_use(masked, v))
    boundaries = tuple(
        (m.start(), m.end(), m.group(0).strip(" ,").lower()) for m in g.CLAUSE_BOUNDARY.finditer(masked)
    )
    return _Marks(verbs, tuple(v[0] for v in verbs), boundaries)


def _clause_start(masked: str, at: int) -> int:
    """Where the clause holding position `at` begins ('and' only ends a clause that has its own verb)."""
    marks = _marks(masked)
    low = max(0, at - MAX_SENTENCE_LOOKBACK)
    start = low
    for b_start, b_end, word in marks.boundaries:
        if b_start < low:
            continue
        if b_end > at:
            break
        if word in ("and", "as") and (
            not marks.has_verb(start, b_start) or not _WORD.search(masked, b_end, at)
        ):
            continue
        if word in ("that", "those") and _DEMONSTRATIVE.match(masked, b_end):
            continue  # "That from the U.S. decreased": the figure of the kind just named, not a clause
        measure = word == "as" and (
            _AS_MUCH.match(masked, b_end) or _AS_MUCH_BEFORE.search(masked, max(0, b_start - 12), b_start)
        )
        if measure:
            continue  # "falling as much as 24.43 percent": a measure of the change, no clause
        start = b_end
    return _after_listed_clause(masked, marks, start, at)


_DEMONSTRATIVE = re.compile(r"\s+(?:of|from|to|in|for|bound\s+for)\s", re.I)
_AS_MUCH = re.compile(r"\s*(?:much|many|high|low|large|little|far|long)\s+as\b", re.I)
_AS_MUCH_BEFORE = re.compile(r"\b(?:much|many|high|low|large|little|far|long)\s*$", re.I)


# ", consumption goods rose": a comma before a noun phrase and its own verb starts a clause
_LISTED_SUBJECT = re.compile(
    r"\s*(?:and\s+)?(?!(?:which|who|whose|that|where|when|it|they)\b)(?:the\s+)?"
    r"[A-Za-z][\w'’/&-]*(?:\s+[A-Za-z][\w'’/&-]*){0,5}\s*$"
)


def _after_listed_clause(masked: str, marks: _Marks, start: int, at: int) -> int:
    """'Wheat rose $289m (1%), barley rose $266m (14%)': the second figure's clause begins after the comma,
    where a clause with a verb of its own ends and a noun phrase with its own verb follows."""
    comma = masked.find(",", start, at)
    while comma != -1:
        verbs = marks.verbs_between(comma, at)
        if not verbs:
            break
        if marks.has_verb(start, comma) and _LISTED_SUBJECT.fullmatch(masked, comma + 1, verbs[0][0]):
            start = comma + 1
        comma = masked.find(",", comma + 1, at)
    return start


def _inside_figure(position: int, figures: list[_Figure]) -> bool:
    return any(f.quantity.start <= position < f.quantity.end for f in figures)


def _clause_end(masked: str, at: int) -> int:
    match = _CLAUSE_END.search(masked, at)
    return match.start() if match else len(masked)
