"""The subjects seam: the measured thing a figure is about, from its clause or the noun it attaches to."""

from __future__ import annotations

import re
from functools import cache

from reports.extract import confidence
from reports.extract import grammar as g
from reports.extract.grammar import Caseless
from reports.extract.metrics.changes import _RESPECTIVELY
from reports.extract.metrics.clauses import _clause_start, _inside_figure, _marks, _outside_parens
from reports.extract.metrics.lists import (
    _BOTH,
    _CONNECTIVES,
    _gapped_member,
    _list_member,
    _name_member,
    _without_opening,
)
from reports.extract.metrics.model import _Context, _Figure
from reports.extract.metrics.phrases import (
    _INCLUDING,
    _THE,
    _as_modifier,
    _balance_name,
    _breakdown,
    _clean_np,
    _head_of,
    _lower_first,
    _placed,
    _strip_place,
    _to_place,
    _with_topic,
    canonical_subject,
)
from reports.extract.metrics.words import words
from reports.extract.numbers import DESCRIBED_COUNT

_FUNCTION_WORD = (
    r"(?!(?:a|an|the|in|of|to|with|for|on|at|by|its|their|and|or|as|from|into|posted|recorded|"
    r"posting|recording|resulting|reached|reaching|logged|logging|hit|marked|marking|showed|showing)\b)"
)


@cache
def _np_of_level_pattern() -> Caseless:
    return Caseless(
        rf"(?<![\w’'-])(?P<np>(?:{_FUNCTION_WORD}[\w’'-]+\s+){{0,3}}{_FUNCTION_WORD}[\w’'-]+)\s+(?:of|worth|valued\s+at|amounting\s+to|totaling|totalling)\s+"
        r"(?:(?:about|around|nearly|almost|roughly|approximately|over|more\s+than|some|an\s+estimated|between)\s+)?$"
    )


_NOT_SUBJECT = Caseless(
    r"\b(?:record|high|peak|level|total|sum|amount|figure|increase|decrease|rise|"
    r"drop|growth|decline|gain|low|mark|threshold|share|range|average|estimate|value|volume)\b"
)


_ANNUAL_RATE = re.compile(r"\b(?:annual|annualized|annualised|adjusted)\s+rate$", re.I)


_UNITS_OF = re.compile(
    r"\s+of\s+(?P<np>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?=\s*(?:,|\.|;|\band\b|\bor\b|\(|$|"
    r"\bin\b|\bto\b|\bfrom\b|\bwere\b|\bwas\b))",
    re.I,
)


@cache
def _np_after_level_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s+(?:worth\s+of\s+)?(?!(?:in|of|for|to|at|by|on|with|from|and|or|as|than|the|a|an)\b)"
        rf"(?P<np>(?:(?!(?:while|whereas|but|when|after|before|since|because|although|though|and|or|as)\b)[\w-]+\s+){{0,2}}?(?:{g.alternation(g.HEADS)}))\b(?!\s+(?:of|to)\b)",
        re.I,
    )


@cache
def _np_to_level_pattern() -> Caseless:
    return Caseless(
        rf"\b(?:bring|push|lift|rais|tak|put|leav|left|brought|drove|driv|widen|narrow|keep|kept|hold|held|set|send|sent|"
        rf"expand|boost|increas|cut|reduc|lower|peg|estimat|project|forecast)\w*\s+(?:the\s+|its\s+)?"
        rf"(?P<np>(?:{_FUNCTION_WORD}[\w’'-]+\s+){{0,3}}{_FUNCTION_WORD}[\w’'-]+)\s+(?:to|at)\s+"
        r"(?:(?:a|an|the|new|record|all-time|high|of|about|around|nearly|almost|over|more\s+than|between)\s+)*$"
    )


# The verbs of a flow an actor makes: "Korea exported $5 billion", "Japan produced 104.3 million tons".
# "OPEC pumped 28.9 million bpd" (production); not "bought": "Japan bought $820 million worth of Korean
# seafood" in an export release is the release's exports to Japan, not Japan's purchases.
FLOW_VERBS = r"imported|exported|produced|sold|shipped\s+out|shipping\s+out|shipped|manufactured|pumped"


@cache
def _active_flow_pattern() -> Caseless:
    return Caseless(
        rf"\b(?<!were\s)(?<!was\s)({FLOW_VERBS})\s+"
        r"(?:a\s+(?:total|record)\s+of\s+|about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+|"
        # "imported goods worth $27.8 billion"
        r"(?:goods|products|items|merchandise)\s+worth\s+(?:about\s+|some\s+)?)?"
        r"(?=[$€£¥₩\d]|US\$|USD|KRW)",
        re.I,
    )


_FLOW_HINT = Caseless(r"ed\s|sold\s|ing\s+out\s")
_FLOW_WORD = Caseless(rf"(?:{FLOW_VERBS})\s")  # in every active flow: a cheap test before its pattern


_OF_OR_TO_WORDS = words().level_naming_words


@cache
def _with_np_to_pattern() -> Caseless:
    return Caseless(
        r"\bwith\s+(?:the\s+|its\s+|their\s+)?(?P<np>(?:(?!(?:with|and|by|of|in)\b)[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
        r"(?:[a-z]+ing)\s+(?:(?:by\s+)?[\d.,]+\s*(?:percent|%)\s+)?(?:to|at)\s+"
        r"(?:(?:a|an|the|new|record|about|around|nearly|almost|over|more\s+than)\s+)*$"
    )


@cache
def _won_for_pattern() -> Caseless:
    return Caseless(
        r"\b(?:won|secured|received|booked|clinched|landed|bagged|took|placed)\s+(?:new\s+)?"
        r"(?P<what>orders|contracts|deals)\s+(?:for|worth|of|totaling|totalling|amounting\s+to|equal\s+to)\s+"
        r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
    )


_DIRECTION_TAIL = re.compile(r"\s+(?:up|down|higher|lower|unchanged|flat)\b[^,;]*$", re.I)


@cache
def _np_in_after_level_pattern() -> re.Pattern[str]:
    return re.compile(
        r"\s+(?:in|of|for|worth\s+of)\s+(?P<np>(?:(?!(?:in|for|to|by|under|with|from|at|on|and|the)\b)[\w’'-]+\s+){0,3}"
        r"(?!(?:in|for|to|by|under|with|from|at|on|and|the)\b)[\w’'-]+)(?=\s*(?:[,.;(]|$|\b(?:in|for|to|by|under|"
        r"with|from|at|on|and)\b))",
        re.I,
    )


_SHARE_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<np>(?:(?!(?:in|for|during|while|and|as|from|by|to)\b)[\w’'-]+\s*){1,5}?)"
    r"(?=\s*(?:[,.;(]|$|\b(?:in|for|during|while|and|as|from|by|to)\b))",
    re.I,
)


_THOSE = re.compile(
    r"^(?:those|that|the\s+ones?)\s+(?:[a-z]+ed\s+|bound\s+)?(?P<rest>(?:to|from|in|for)\s+.+)$", re.I
)
_THOSE_OF = re.compile(r"^(?:those|that)\s+of\s+(?P<what>[^,;]{2,40})$", re.I)
# "Within farm exports, those to Japan fell": the opening names what "those" are
_WITHIN = re.compile(r"^\W*(?:within|among|of)\s+(?:the\s+)?(?P<np>[A-Za-z][^,;]{1,40}?),", re.I)


def _name(
    sentence: str,
    masked: str,
    figure: _Figure,
    figures: list[_Figure],
    dimension: str | None,
    context: _Context,
    lists: dict[str, str | None],
) -> None:
    if figure.role == "share":
        index = figures.index(figure)
        before = figures[index - 1] if index else None
        if (
            before is not None
            and before.role == "level"
            and before.subject
            and _SHARE_OF_LEVEL_GAP.fullmatch(sentence, before.quantity.end, figure.quantity.start)
        ):  # "11.2 million units (39% share)", "$4.0 billion, or 12 percent of the total"
            figure.subject, figure.member, figure.dimension = before.subject, before.member, before.dimension
            figure.subject = _share_subject(sentence, figure, before.subject, context)
            return
    at = _outside_parens(masked, figure.quantity.start)
    item = _list_member(sentence, figure, figures)
    noted = set(figure.notes)
    if item is not None and lists.get("base"):
        base = lists["base"]
    elif item is not None and lists.get("last") and _gapped_member(sentence, figure, figures):
        base = lists["last"]
    else:
        clause = _clause_start(masked, at)
        base = _clause_subject(sentence, masked, clause, at, figure, figures, context, lists.get("last"))
        if (
            item is not None
            and (base is None or (_head_of(base) is None and not _placed(base)) or base == context.subject)
            and context.lead
        ):
            base = _strip_place(context.lead)
    if item is not None:
        lists.setdefault("base", base)
        _name_member(sentence, figure, item, base, dimension, context)
        if figure.subject and _to_place(figure.subject) and _to_place(item):
            lists["base"] = figure.subject  # "FDI from Japan (...) and China (...)": China's from China
        return
    if figure.role == "level":
        for rule in LEVEL_NAMES:
            named = rule(sentence, figure, base, context)
            if named:
                figure.subject = named
                # the level names itself ("Exports of $101.8 billion"): no subject was borrowed for it
                figure.notes -= {confidence.SUBJECT_CARRIED, confidence.SUBJECT_OF_NEIGHBOUR} - noted
                return
    figure.notes |= {confidence.FALLBACK} if base else {confidence.FALLBACK, confidence.SUBJECT_CARRIED}
    subject = base or context.subject or "figure"
    head = _head_of(subject)
    if head is None and lists.get("head") and len(subject.split()) <= 5:
        member_words = subject
        subject = f"{subject} {lists['head']}"  # 'while computers and peripherals increased 3.8 percent'
        if dimension:
            figure.subject, figure.member, figure.dimension = subject, member_words, dimension
            return
    elif head is not None:
        lists.setdefault("head", head.lower())
    figure.subject, member, dim = _breakdown(subject, dimension, context)
    lists["last"] = figure.subject
    if member:
        figure.member, figure.dimension = member, dim
    if figure.role == "share":
        figure.subject = _share_subject(sentence, figure, figure.subject, context)


# How a level names itself, tried in order before its clause's subject: the first rule that names it wins.
# Each rule is (sentence, figure, the clause's subject, context) -> the name, or None.


def _count_described(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'1,400 Australian businesses': the count names what it counts."""
    if figure.quantity.kind != "count":
        return None
    described = DESCRIBED_COUNT.match(sentence, figure.quantity.end)
    return _lower_first(" ".join(described.group(0).split())) if described else None


def _noun_after_level(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'a $6.6 billion trade surplus', '2.7 million vehicle exports': the noun right after the level."""
    after = _np_after_level_pattern().match(sentence, figure.quantity.end)
    if not after or _NOT_SUBJECT.search(after.group("np")):
        return None
    named = _clean_np(after.group("np"))
    if named and named.lower() in ("surplus", "deficit"):
        named = _balance_name(named, _account_before(sentence, figure.quantity.start) or base, context)
    return _with_topic(named, context)


# "The primary income account reversed from its 0.60 billion dollar deficit": whose deficit
_ACCOUNT_NAMED = re.compile(
    r"(?<![\w'’-])(?P<owner>(?:[a-z][\w'’-]*\s+){1,3}account)\b(?!\s+(?:surplus|deficit|balance)\b)", re.I
)


def _account_before(sentence: str, at: int) -> str | None:
    """The account the clause names before a bare surplus or deficit, as the clause's subject."""
    found = list(_ACCOUNT_NAMED.finditer(sentence, 0, at))
    if not found:
        return None
    owner = _clean_np(found[-1].group("owner"))
    return owner if owner and not g.VERB.search(owner) else None


def _with_noun_to_level(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'..., with the travel deficit narrowing to $0.9 billion'."""
    low = max(0, figure.quantity.start - 90)
    if sentence.find("with ", low, figure.quantity.start) == -1:
        return None
    absolute = _with_np_to_pattern().search(sentence, low, figure.quantity.start)
    named = _clean_np(absolute.group("np")) if absolute else None
    if not named or _NOT_SUBJECT.search(named):
        return None
    return _with_topic(named, context)


def _orders_won(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'won orders worth $2.1 billion' -> 'orders'; 'Chinese shipbuilders bagged orders amounting to 200,000
    CGTs' -> the builders' orders."""
    won = _won_for_pattern().search(sentence, max(0, figure.quantity.start - 40), figure.quantity.start)
    if won is None:
        return None
    what = won.group("what").lower()
    builders = _BUILDERS_BEFORE.search(sentence, max(0, won.start() - 50), won.start())
    if builders is None and base is not None and len(base.split()) <= 4:
        builders = _BUILDERS.search(base)
    if builders is None or what != "orders":
        return what
    whose = _HOME_WORD.sub("", builders.group("who")).strip()
    return f"{whose} shipbuilding orders".strip()  # "local shipyards": the home country's


# who the builders are, in at most three words before them: "Chinese shipbuilders", "local shipyards"
_BUILDERS_NAMED = (
    r"(?P<who>(?:\b[\w'’-]+\s+){0,3})(?:shipbuilders|shipyards|yards|builders|shipbuilding\s+companies)"
)
_BUILDERS = re.compile(rf"{_BUILDERS_NAMED}$", re.I)
_BUILDERS_BEFORE = re.compile(rf"{_BUILDERS_NAMED}\s+$", re.I)
_HOME_WORD = re.compile(r"^(?:local|domestic|home-grown|the\s+country['’]s|the\s+nation['’]s)\b", re.I)


def _flow_in_after(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'Korea saw $644.4 billion in outbound shipments', 'clinched 16.27 million CGTs in new orders': the flow
    the amount is counted in."""
    if figure.role != "level":
        return None
    flow = _FLOW_IN.match(sentence, figure.quantity.end)
    if flow is None or g.PERIOD.fullmatch(flow.group("np")):
        return None
    named = _clean_np(flow.group("np"))
    if not named or not g.HEAD.search(named) or _head_of(named) not in g.FLOW_HEADS:
        return None
    if base and _head_of(base):
        return None  # the clause names its own measure
    if base and base.lower() not in g.PRONOUNS and named.lower() not in base.lower():
        return f"{base} {named}"  # "the chip industry recorded $28.7 billion in export orders"
    return named


_FLOW_IN = re.compile(
    r"\s+in\s+(?P<np>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"(?=\s*(?:[,.;(]|$|\b(?:in|for|to|by|last|this|from|at|on|and|during)\b))"
)


_PASSIVE_VALUED = Caseless(r"\b(?:was|were|is|are|been|be)$")


def _np_of_level(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'resulting in a trade surplus of $113.0 billion' -> 'trade surplus' ('a record high of' is no name);
    'bringing the trade surplus to $9.77 billion' -> 'trade surplus'."""
    before = sentence[max(0, figure.quantity.start - 60) : figure.quantity.start]
    if not _OF_OR_TO_WORDS.intersection(before[-40:].lower().split()[-4:]):
        return None
    match = _np_of_level_pattern().search(before)
    raised = None if match else _np_to_level_pattern().search(before)
    match = match or raised
    if not match:
        return None
    if _PASSIVE_VALUED.search(before[: match.end("np")]):
        return None  # "exports and imports were valued at": the clause's subject names the figures
    np = _clean_np(before[match.start("np") : match.end("np")])  # the text's own case, not the match's
    if np and np.lower() in g.FLAT_WORDS:
        return None  # "the jobless rate held steady at 4.3%": how it moved, not what it is
    # "expand trade insurance to", "sets total expenditure at": the verb's object is named, whatever its head
    if not np or _NOT_SUBJECT.search(np) or not (g.HEAD.search(np) or (raised and len(np.split()) <= 4)):
        return None
    if _ANNUAL_RATE.search(np):  # "at a seasonally adjusted annual rate of $589.4 billion": how it's measured
        return None
    if np.lower() in ("surplus", "deficit"):
        return _balance_name(np, _account_before(sentence, figure.quantity.start) or base, context)
    hinted = _RECEIVED_HINT.search(np) is not None
    received = _SECTOR_RECEIVED.search(sentence, 0, figure.quantity.start) if hinted else None
    if received and g.HEAD.search(received.group("what")):
        # "the manufacturing sector received investment pledges of $7.63 billion": manufacturing's pledges
        whom = _THE.sub("", received.group("whom"))
        return f"{whom if whom[:2].isupper() else whom.lower()} {received.group('what')}"
    return _with_topic(np, context)


_RECEIVING = r"(?:received|attracted|drew|secured)"
_RECEIVED_HINT = re.compile(rf"\b{_RECEIVING}\s", re.I)
_SECTOR_RECEIVED = re.compile(
    r"(?:^|,\s*|\bthe\s+)(?P<whom>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
    rf"(?:\s+(?:sector|industry|field))?\s+{_RECEIVING}\s+"
    r"(?P<what>[A-Za-z][\w -]{2,40}?)\s+(?:of|worth|totaling|totalling)\s+(?:about\s+|some\s+|nearly\s+)?$",
    re.I,
)


def _units_of(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'30,000 units of imported vehicles' (in a sentence on sales) -> 'imported vehicle sales'."""
    if figure.quantity.kind != "count":
        return None
    match = _UNITS_OF.match(sentence, figure.quantity.end)
    if not match:
        return None
    named = match.group("np").strip()
    if _head_of(named):  # "3.41 million CGT of new shipbuilding orders": the orders, as they are named
        return named
    what = _as_modifier(named)
    head = _head_of(base or "")
    return f"{what} {head}" if head else what


# Goods counted by the piece; "tons" or "787,626 units registered" name no goods (the clause or a compared
# level names those).
_COUNTED_GOODS = frozenset({"vehicles", "ships"})
_COUNT_THEN_PARTICIPLE = re.compile(
    rf"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?P<verb>{'|'.join(g.NOMINAL)})\b", re.I
)


_VERB_THEN_COUNT = re.compile(
    rf"\b(?P<verb>{'|'.join(g.NOMINAL)})\s+(?:a\s+total\s+of\s+|about\s+|some\s+|nearly\s+|over\s+)?$", re.I
)


def _goods_counted(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'2,462,431 vehicles sold in September' -> 'vehicle sales'; 'commercial vehicles were sold'."""
    if figure.quantity.kind != "count" or figure.quantity.unit not in _COUNTED_GOODS:
        return None
    described = DESCRIBED_COUNT.match(sentence, figure.quantity.end)
    done = _COUNT_THEN_PARTICIPLE.match(sentence, described.end() if described else figure.quantity.end)
    # "Tesla registered 27,285 new vehicles": the verb before the count
    low = max(0, figure.quantity.start - 40)
    # "registered 12,400 new vehicles"; a bare "carmakers produced 342,000 vehicles" is named by its clause
    if not done and described:
        done = _VERB_THEN_COUNT.search(sentence, low, figure.quantity.start)
    if not done:
        return None
    written = described.group(0) if described else sentence[figure.quantity.start : figure.quantity.end]
    counted = " ".join(written.split() if described else written.split()[-1:])
    return f"{_as_modifier(counted.lower())} {g.NOMINAL[done.group('verb').lower()]}"


_COLON_LABEL = re.compile(r"(?:^|[.;:•□■▪◦\-–—]\s*)(?P<label>[A-Z][A-Za-z&/'’ -]{1,40}?)\s*:\s*$")


def _colon_label(
    sentence: str, figure: _Figure, base: str | None, context: _Context, start: int | None = None
) -> str | None:
    """'Exports: US$62.1 billion (+9.4% y/y)', 'Semiconductors: US$17.9 billion': a fact sheet's label names
    the figure after it (a product by the release's flow). `start`: where the figure's words begin."""
    start = figure.quantity.start if start is None else start
    before = sentence[max(0, start - 45) : start]
    label = _COLON_LABEL.search(before) if ":" in before else None
    if label is None or len(label.group("label").split()) > 5 or g.VERB.search(label.group("label")):
        return None
    named = _clean_np(label.group("label"))
    if not named:
        return None
    if g.HEAD.search(named):
        return _with_topic(named, context)
    running = context.lead or context.subject or (context.metrics[0].subject if context.metrics else "")
    head = _head_of(running)
    return f"{_as_modifier(named)} {head}" if head else None


LEVEL_NAMES = (
    _goods_counted,  # "2,462,431 vehicles sold"
    _count_described,  # "1,400 Australian businesses"
    _noun_after_level,  # "a $6.6 billion trade surplus"
    _colon_label,  # "Exports: US$62.1 billion"
    _with_noun_to_level,  # "with the travel deficit narrowing to $0.9 billion"
    _orders_won,  # "won orders worth $2.1 billion"
    _flow_in_after,  # "$644.4 billion in outbound shipments"
    _np_of_level,  # "a trade surplus of $113.0 billion", "bringing the trade surplus to $9.77 billion"
    _units_of,  # "30,000 units of imported vehicles"
)


# The change nouns of the word lists ("growth", "a rise", "increases"), and the noun phrase after them up to
# the next clause word: what the patterns below name.
_CHANGE_NOUNS = rf"(?:{'|'.join(sorted((*words().up_change_nouns, *words().down_change_nouns, 'change')))})s?"
_NP_UP_TO_CLAUSE = (
    # "a drop in exports to China": a place after "to" or "from" stays in the name
    r"(?P<np>[A-Za-z][^,;()%$€£¥₩\d]*?)(?=\s*[,;(.]|\s+(?:and|from(?!\s+(?:the\s+)?[A-Z])|compared|than|while|in|"
    r"during|over|on|to(?!\s+(?:the\s+)?[A-Z])|for|"
    r"as|amid|was|were|is|are|has|have|had|will|would|valued|worth|totaling|totalling|amounting)\b|\s*$)"
)
# "there was/were <a rise, growth ...> in <what>": the existential opening names no subject itself.
_THERE_WAS = re.compile(
    r"\s*(?:[^,]{0,60},\s*)?there\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:an?\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?{_CHANGE_NOUNS}\s+(?:of\s+[^,;]{{0,30}}?\s+)?(?:in|of)\s+"
    r"(?P<np>[A-Za-z][^,;()%$€£¥₩\d]*?)(?=\s*[,;(]|\s+(?:and|from|compared|than|while|to\s+\S+\s+(?:from|in))\b|\s*$)",
    re.I,
)
_SHARE_HOLDER = re.compile(
    r"(?P<np>[^,;]+?)\s+(?:hold|holds|held|claim|claims|claimed|command|commands|commanded|capture|"
    r"captures|captured|takes?\s+up|makes?\s+up)\s+(?:an?\s+)?(?:(?:combined|estimated|record)\s+)?$",
    re.I,
)
_SHARE_HELD = re.compile(
    r"\s*(?:(?P<market>(?:market|global)\s+share)|share\s+of\s+(?P<of>[^,;.()]+?))"
    r"(?=\s*(?:[,;.()]|\b(?:in|during|for|as\s+of|while|and|compared|up|down)\b|$))",
    re.I,
)
# A report's verb before the clause's subject: "Figures from the agency showed (that) wine exports rose".
_SAW_IT_CHANGE = re.compile(
    r"\bsaw\s+(?!an?\s)(?P<np>(?:(?:the|its|their)\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4}?)\s+"
    r"(?:rise|fall|decline|grow|drop|increase|decrease|jump|surge|climb|shrink|contract|expand|rebound|slip|dip)"
    r"\b[^,;]*$",
    re.I,
)
_LED_BY_WHICH = re.compile(
    r"\b(?:led|driven|boosted|dragged|weighed\s+down)\s+by\s+(?P<what>[^,;\d]{1,40}),\s+which\s", re.I
)
# "It followed ...", "The rise compared with a 30.9% increase expected": the figure just stated
_PRONOUN_START = re.compile(
    # "The 2023 figure topped 2018's $15.75 billion": the figure just stated, named by its period
    rf"\W*(?:it|that|this|the\s+(?:{_CHANGE_NOUNS}|reading|(?:(?:19|20)\d\d\s+|latest\s+|new\s+)?"
    r"(?:figure|tally|total|amount)))\s+"
    r"(?:was|is|had|has|beat|followed|came|marked|compared|exceeded|outpaced|missed|topped)\b",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(r"(?:^|,)\W*(?:it|they)\s+(?:also\s+|each\s+|both\s+)?$", re.I)


_SAW_ITS = Caseless(
    r"\b(?:saw|sees|see|has\s+seen|had\s+seen)\s+(?:its|their|the)\s+(?P<np>[^,;()]{2,60}?)\s+"
    r"(?:rise|fall|increase|decline|drop|decrease|grow|widen|narrow|shrink|jump|surge|climb|slip|contract|"
    r"improve|turn|swing|reach|hit|top|soar|plunge|tumble)\b"
)


def _pronoun_before_verb(masked: str, clause: int, at: int) -> bool:
    """'They rose 5 percent on-year', 'In September, it fell by 1 percent': a pronoun is the clause's
    subject when the clause's first verb follows it (after an opening phrase at most)."""
    if masked.find("it ", clause, at) == -1 and masked.find("It ", clause, at) == -1 and (
        masked.find("hey ", clause, at) == -1
    ):
        return False  # most clauses: no "it" or "they" at all
    verbs = _marks(masked).verbs_between(clause, at)
    return bool(verbs) and _PRONOUN_SUBJECT.search(masked, clause, verbs[0][0]) is not None


_SUBORDINATOR = re.compile(r"\s(?:as|because|since|after|when|although|though|whereas|but)\s+(?=\S)")
_ANAPHORIC_NOUNS = frozenset({"figure", "tally", "reading"})  # as a cleaned phrase names them
_REPORTING_VERBS = frozenset({"reported", "said", "says", "noted", "announced", "estimated", "stated"})
_REPORTING_HINT = Caseless(r"show|indicat|reveal|suggest|confirm")
_REPORTED_LEAD = re.compile(
    r"^.*?\b(?:show(?:s|ed)?|indicat(?:es|ed)|reveal(?:s|ed)?|suggest(?:s|ed)?|confirm(?:s|ed)?)\s+(?:that\s+)?"
    r"(?=\S)",
    re.I,
)
_CHANGE_NOUN_IN = re.compile(
    rf"\s*(?:(?:year-on-year|on-year|month-on-month|on-month|y-o-y|m-o-m)\s+)?{_CHANGE_NOUNS}\s+(?:in|of)\s+"
    rf"{_NP_UP_TO_CLAUSE}",
    re.I,
)
_CHANGE_OF_NP = re.compile(rf"(?:[a-z-]+\s+)?{_CHANGE_NOUNS}\s+(?:in|of)\s+(?P<np>[A-Za-z].*)$", re.I)
_CHANGE_NOUN_OF = re.compile(rf"\b{_CHANGE_NOUNS}\s+of\s+(?:about\s+|around\s+|nearly\s+)?$", re.I)
_IN_NP = re.compile(rf"\s+in\s+{_NP_UP_TO_CLAUSE}", re.I)
_NP_CHANGE_OF = re.compile(
    rf"(?:^|\bthe\s+|\ban?\s+)(?P<np>(?:[\w'’-]+\s+){{1,4}}?){_CHANGE_NOUNS}\s+of\s+(?:about\s+|around\s+|nearly\s+)?$",
    re.I,
)


# Nouns that, standing alone as a clause's subject ("the index climbed 0.3 percent"), point back at the
# figure named before with that noun ("the import price index"); "the volume", "the value" at the running
# subject.
_ANAPHORS = frozenset({"index", "rate", "ratio", "volume", "value"})


def _named_before(subject: str, context: _Context) -> str | None:
    """'The import price index rose 0.7 percent ... the index climbed 0.3 percent': the import price index."""
    noun = subject.lower()
    if noun not in _ANAPHORS:
        return None
    ending = f" {noun}"
    named = next((m.subject for m in reversed(context.metrics) if m.subject.lower().endswith(ending)), None)
    return named or (context.subject if noun in ("volume", "value") else None)


_POINTING_TAIL = re.compile(
    r"\s+(?:in|of|for)\s+(?:this|that|the\s+same)\s+(?:segment|sector|category|field|area|industry|market|item)$",
    re.I,
)
_BEFORE_THAT = re.compile(r"(?:^|[,;]\s*)(?P<np>[^,;()]{2,90}?)\s*,?\s+(?:that|which)\s*$", re.I)
_WHICH_BEFORE = re.compile(r"(?P<np>[^,;()]{2,90}?)\s*,\s*(?:which|that)\s+[^,;()]*$", re.I)
_THROUGH_PREPOSITION = re.compile(
    r"^.*\b(?:by|in|for|with|on|at|amid|after|due\s+to|thanks\s+to|led\s+by|driven\s+by)\s+", re.I
)


def _relative_before(masked: str, clause: int, at: int) -> re.Match[str] | None:
    """'the FDI that arrived' right before the clause, or ', which reached' between the clause's start
    and the figure: the relative clause whose noun names the figure."""
    low = max(0, clause - 80)
    if masked.find("that", low, clause) != -1 or masked.find("which", low, clause) != -1:
        found = _BEFORE_THAT.search(masked, low, clause)
        if found:
            return found
    low = max(clause, at - 120)
    comma = max(masked.rfind(", which", low, at), masked.rfind(", that", low, at))
    if comma == -1:
        return None
    return _WHICH_BEFORE.search(masked, max(clause, comma - 90), at)


def _share_subject(sentence: str, figure: _Figure, part: str, context: _Context) -> str:
    """'semiconductor exports ..., accounting for 28.3 percent of total exports' -> 'semiconductor share of
    total exports'; '... 81 percent of the total' -> '<part> share of <the part's flow>'."""
    whole = _SHARE_OF.match(sentence, figure.quantity.end)
    if not whole:
        return part
    head = _head_of(part)
    of = re.sub(r"^the\s+", "", " ".join(whole.group("np").split()), flags=re.I)
    if of.lower() in ("total", "the total", "all", "whole"):
        of = head or _head_of(context.lead or "") or "total"
    # the part's head is dropped only when the whole repeats it: "semiconductor share of total exports",
    # but "national debt share of GDP"
    same_head = head and part.lower().endswith(head.lower()) and head.lower() in of.lower()
    modifier = part[: len(part) - len(head)].strip() if same_head else part
    return f"{modifier or part} share of {of}"


def _clause_subject(
    sentence: str,
    masked: str,
    clause: int,
    at: int,
    figure: _Figure,
    figures: list[_Figure],
    context: _Context,
    earlier: str | None = None,
) -> str | None:
    """The noun phrase before the clause's verb: 'Korea's ICT exports in 2025 totaled' -> 'ICT exports'.
    `earlier` is the subject of the sentence's figure before this one."""
    # "That beat forecasts for ...", "It followed a 4.1% fall": the last subject ("that" also ends a clause,
    # so a sentence's opening pronoun is looked for from its start)
    which = sentence.rfind(", which ", clause, at)
    if which != -1 and not _DIGIT_IN.search(sentence, which, at - 1):
        # "... helped lift overall exports, which jumped 11.3 percent": the noun the relative clause is of
        before = _clean_np(_THROUGH_VERB.sub("", sentence[max(clause, which - 60) : which]))
        if before and g.HEAD.search(before):
            return _with_topic(before, context)
        led = _LED_BY_WHICH.search(sentence, max(0, which - 60), which + 8)
        head = _head_of(earlier or context.subject or "") if led else None
        what = _clean_np(led.group("what")) if head else None
        if what:  # "Manufacturing output rose 2.1%, led by chips, which jumped 7.8%": chip output
            return f"{_as_modifier(what)} {head}"
    compared = _COMPARED_LEVEL.search(masked, max(clause, at - 40), at) if " than " in masked else None
    prior = _placed_before(figure, figures, placed=False) if compared and figure.role == "level" else None
    if prior:  # "a surplus of $474 million, smaller than the $1.09 billion expected": the same quantity
        return prior
    seen = masked.find("saw ", clause, at) != -1 or masked.find("see", clause, at) != -1
    saw = _SAW_ITS.search(masked, clause, at) if seen else None
    if saw:  # "The country saw its services deficit narrow $9.05 billion": the deficit
        named = _clean_np(saw.group("np"))
        if named and g.HEAD.search(named):
            return _with_topic(named, context)
    opening = _PRONOUN_START.match(masked) if clause < 8 and masked.lstrip(' "“')[:1] in "IiTt" else None
    leading = masked[clause : clause + 6].lstrip()[:1]
    if opening or (leading in ("I", "i", "T", "t") and _PRONOUN_START.match(masked, clause)) or (
        _pronoun_before_verb(masked, clause, at)
    ):
        last = context.subject or (context.metrics[-1].subject if context.metrics else None)
        if last:
            return last
    existential = _THERE_WAS.match(masked, clause, at) if masked.find("here ", clause, at) != -1 else None
    if existential:  # "There was growth in exports to the EU (up 24.3% ...)": what grew is the subject
        named = _clean_np(_BOTH.sub("", existential.group("np")))
        if named and named.lower() not in g.PRONOUNS:
            return _with_topic(named, context)
    if figure.role == "change":
        named = _changed_thing(masked, clause, at, figure)
        if named:
            return _with_topic(named, context)
    verbs = [v for v in _marks(masked).verbs_between(clause, at) if not _inside_figure(v[0], figures)]
    holder = _SHARE_HOLDER.search(masked, clause, at) if figure.role == "share" and not verbs else None
    if holder:  # "hybrid cars hold a 24% market share": the holder of the share is its subject
        named = _clean_np(holder.group("np"))
        if named and named.lower() not in g.PRONOUNS:
            held = _SHARE_HELD.match(masked, figure.quantity.end)
            if held and held.group("of"):
                return f"{named} share of {_THE.sub('', ' '.join(held.group('of').split()))}"
            return f"{named} market share" if held and held.group("market") else named
    flow = None
    if _FLOW_HINT.search(masked, clause, at) and _FLOW_WORD.search(masked, clause, at + 8):
        flow = _active_flow_pattern().search(masked, clause, at + 8)
    if flow and (not verbs or flow.start() < verbs[0][0]):
        nominal = g.NOMINAL[" ".join(flow.group(1).lower().split())]
        # "sold a total of 585,607 vehicles ..., down 5 percent": the count names the flow and its change
        counted = next((f.quantity.unit for f in figures if f.quantity.start >= flow.end()
                        and f.quantity.unit in ("vehicles", "ships")), None)
        what = _flow_object(sentence, figure) if figure.role in ("level", "change") else None
        if what:  # "exported $5 billion worth of chips to China": semiconductor exports to China
            return what.replace("\0", nominal)
        topical = _with_topic(nominal, context)
        if counted and topical == nominal:  # the release's topic names it first: "automobile production"
            return f"{counted[:-1]} {nominal}"
        return topical
    if len(verbs) > 1 and masked[verbs[0][0] : verbs[0][1]].lower() in _REPORTING_VERBS:
        said_by = _clean_np(masked[clause : verbs[0][0]])
        named = said_by and all(word[:1].isupper() for word in said_by.split())  # an agency's name
        if not said_by or named or not _head_of(said_by):  # "the Federal Reserve reported the rate was"
            clause, verbs = verbs[0][1], verbs[1:]
    if verbs:
        phrase = masked[clause : verbs[0][0]]
        running = context.subject or (context.metrics[-1].subject if context.metrics else None)
        bare = phrase.strip(" ,\"“").lower()
        alone = bare in ("each", "both", "", "thus", "also", "then", "so", "hence", "therefore", "further")
        shared = _shared_subject(masked, clause, clause + 1, running) if alone else None
        if shared and bare and " and " in shared and _RESPECTIVELY.search(sentence):
            # "Exports to the U.S. and Japan grew, with each increasing by 17.7 and 22.4 percent, ..."
            return _with_topic(_respective(shared, figure, figures, 0, at), context)
        if shared:  # "The trade surplus is likely to be robust and stay at $50bn": the surplus stays
            return _with_topic(shared, context)
        reported = _REPORTED_LEAD.match(phrase) if _REPORTING_HINT.search(phrase) else None
        if reported:  # "Data compiled by the agency showed wine exports totaled": what the data showed
            phrase = phrase[reported.end() :]
        subject = _clean_np(phrase)
        if subject is None and _SUBORDINATOR.search(phrase):
            # "China stayed the largest source of the deficit as the U.S. deficit with China rose": the
            # clause after the conjunction is the figure's
            subject = _clean_np(_SUBORDINATOR.split(phrase)[-1])
        anaphoric = subject and figure.role != "change" and subject.lower() in _ANAPHORIC_NOUNS
        if anaphoric and (earlier or context.metrics):
            # "..., but the figure went down to 32.7 percent": the figure just stated
            return earlier or context.metrics[-1].subject
        changed = _CHANGE_OF_NP.match(subject) if subject else None
        if changed:  # "The decline in imports was also significant, dropping by 15%": imports
            subject = changed.group("np")
        if subject and _QUALIFIERS_ONLY.fullmatch(subject) and (earlier or context.subject):
            return earlier or context.subject  # "after a year-on-year decrease of 3.7% in April": the same
        named_thing = subject and g.HEAD.search(_strip_place(subject))
        # "... helped lift overall exports, which jumped 11.3 percent": the noun the relative clause is of
        restrictive = None if named_thing else _relative_before(masked, clause, at)
        if restrictive:
            # "the FDI that actually arrived fell": the FDI; "led by chip exports, which reached": those
            named = _clean_np(_THROUGH_PREPOSITION.sub("", restrictive.group("np")))
            if named and g.HEAD.search(named):
                return _with_topic(named, context)
        # "while those to the U.S. gained": read before the cleaning drops "those"
        those = _THOSE.match(subject or "")
        raw = ""
        refers = any(word in phrase for word in ("those", "Those", "that ", "That ", "ones"))
        if those is None and refers:
            raw = _CONNECTIVES.sub("", " ".join(_INCLUDING.sub(" ", phrase).split())).rstrip(" ,")
            raw = raw.rsplit(",", 1)[-1].strip() if _THOSE.match(raw) is None else raw
            those = _THOSE.match(raw)
        those_of = _THOSE_OF.match(raw) if those is None and raw else None
        # "Exports of autos gained 15.7 percent. Those of phones soared": what the figure just stated measured
        stated = context.metrics[-1].subject if those_of and context.metrics else None
        running = earlier or stated or context.subject
        if those_of and running:  # "sales of Korean cars rose ..., those of imported cars grew"
            what = _clean_np(those_of.group("what").strip(" ,")) or those_of.group("what").strip(" ,")
            if " of " in running:
                return f"{running[: running.index(' of ')]} of {what}"
            # the first of them that names a measure: "manufacturing received pledged FDI" is read later
            measured = next((m for m in (running, stated, context.subject) if m and _head_of(m)), None)
            head = _head_of(measured) if measured else None
            if head:
                return f"{_as_modifier(what)} {head}"
        within = _WITHIN.match(masked) if those else None
        # "Tin exports to Peru rose 5.7 percent. Those to Chile ...": the last figure stated for a place
        recent = reversed(context.metrics[-3:]) if those else ()
        last = next((m.subject for m in recent if _placed(m.subject)), None)
        owner = _clean_np(within.group("np")) if within else earlier or last or context.subject
        placed = _placed_before(figure, figures) if those and not within else None
        owner = placed or owner  # "FDI from Japan (...) ..., whereas those from the U.S.": FDI
        if those and owner:
            place = canonical_subject(those.group("rest").split(",")[0].strip())  # "..., however,": an aside
            base = _strip_place(owner)
            # "pledges to manufacturing rose ..., while those to services fell": pledges to services
            cut = base.lower().rfind(f" {place.split()[0].lower()} ")
            base = base[:cut] if cut > 0 else base
            named = f"{base} {place}"
            if " and " in place and _RESPECTIVELY.search(sentence):  # "those from the U.S. and the EU ...,
                named = _respective(named, figure, figures, clause, at)  # respectively"
            return named
        pointing = _POINTING_TAIL.search(subject) if subject and " th" in subject else None
        running = earlier or context.subject
        if pointing and running and _head_of(running):  # "surplus in this segment" after "ICT exports"
            owner = running[: len(running) - len(_head_of(running) or "")].strip()
            named = subject[: pointing.start()].strip()
            return f"{owner} {named}".strip() if owner and named else subject
        named_before = _named_before(subject, context) if subject and " " not in subject else None
        if named_before:
            return named_before
        if subject and subject.lower() not in g.PRONOUNS:
            if " and " in subject and _RESPECTIVELY.search(sentence):
                # "exports to the U.S., the EU and Singapore rose ..., respectively": the whole list
                subject = _respective(_listed(phrase) or subject, figure, figures, clause, at)
            return _with_topic(subject, context)
        if subject and subject.lower() in g.PRONOUNS:
            last = context.metrics[-1] if context.metrics else None
            if last is not None and figure.quantity.unit == "percent" and last.unit == "percent":
                return last.subject  # "China took 24.5 percent. The metric stood at 32.8 percent in 2023."
            return context.subject or (last.subject if last else None)
    if not verbs and _BARE_VERB_PHRASE.fullmatch(masked, clause, at):  # "... and stay at $50bn"
        running = context.subject or (context.metrics[-1].subject if context.metrics else None)
        shared = _shared_subject(masked, clause, clause + 1, running)
        if shared:
            return _with_topic(shared, context)
    if not verbs and _WITH_A.search(masked, max(0, clause - 8), at):  # "..., with a 2.2 percent on-year gain"
        shared = _shared_subject(masked, clause, clause + 1)
        if shared:
            return _with_topic(shared, context)
    passive = g.PASSIVE_AFTER.match(masked[figure.quantity.end : figure.quantity.end + 60].lstrip(" ,"))
    if passive:
        return _with_topic(g.NOMINAL[passive.group("verb").lower()], context)
    leading = _clean_np(_DIRECTION_TAIL.sub("", masked[clause:at]))
    if leading and _head_of(leading) and len(leading.split()) <= 6:
        return _with_topic(leading, context)
    if figure.role == "level":
        after = _np_in_after_level_pattern().match(sentence, figure.quantity.end)
        if after and not g.PERIOD.fullmatch(after.group("np")):  # "in August" is a period, not a name
            named = _clean_np(after.group("np"))
            if named and not _NOT_SUBJECT.search(named):
                return named
    figure.notes.add(confidence.SUBJECT_OF_NEIGHBOUR if earlier else confidence.SUBJECT_CARRIED)
    return earlier or context.subject


def _flow_object(sentence: str, figure: _Figure) -> str | None:
    """What a flow verb's amount is 'worth of' and where it went: '$5 billion worth of chips to China' ->
    'chip \\0 to China' (the flow's noun goes where \\0 stands)."""
    after = _WORTH_OF.match(sentence, figure.quantity.end)
    if after is None:
        return None
    product = _clean_np(after.group("what"))
    if not product or g.PERIOD.fullmatch(product):
        return None
    place = after.group("place")
    if place and g.PERIOD.match(place):  # "worth of chips from January to September": a span, no place
        place = None
    placed = f" {after.group('prep')} {place}" if place else ""
    return f"{_as_modifier(product)} \0{placed}"


_WORTH_OF = re.compile(
    # "$5 billion worth of chips to China"; "5.6% more goods to the United States"
    r"\s+(?:worth\s+of|(?:percent\s+|per\s+cent\s+)?(?:more|less|fewer))\s+(?P<what>(?:[\w-]+\s+){0,3}?[\w-]+?)"
    r"(?:\s+(?P<prep>to|from)\s+(?P<place>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*))?"
    r"(?=\s+(?:in|during|for|last|this|over|from|to|on)\b|\s*[,.;]|\s*$)"
)


# Words that qualify a change and name nothing: "a year-on-year (decrease)", "a sharp (rise)"
_QUALIFIERS_ONLY = re.compile(
    r"(?:(?:year-on-year|on-year|month-on-month|on-month|quarter-on-quarter|y-o-y|m-o-m|annual|monthly|"
    r"quarterly|yearly|sharp|steep|slight|modest|marginal|revised|preliminary|further|similar|smaller|larger)"
    r"\s*)+",
    re.I,
)


def _listed(phrase: str) -> str | None:
    """A list of three or more before the verb, its opening phrase dropped and its first item cleaned."""
    opened = _without_opening(phrase.strip(" ,"))
    first, comma, rest = (opened or "").partition(",")
    named = _clean_np(first) if comma else None
    return f"{named},{rest}" if named else None


def _shared_subject(masked: str, clause: int, verb: int, running: str | None = None) -> str | None:
    """The subject of the clause before 'and' or 'but', for a clause that opens with its verb; where that
    subject is 'it' or 'they', the running subject."""
    joined = _JOINED_BEFORE.search(masked, max(0, clause - 8), clause)
    if not joined or verb - clause > 2:
        return None
    before = _clause_start(masked, joined.start())
    verbs = _marks(masked).verbs_between(before, joined.start())
    if verbs and running and _PRONOUN_ALONE.fullmatch(masked, before, verbs[0][0]):
        return running  # "It was the seventh straight month of declines, and followed a 4.1 percent fall"
    named = _clean_np(masked[before : verbs[0][0]].lstrip(" \"“")) if verbs else None
    named = re.sub(r"^the\s+", "", named or "", flags=re.I)
    return named if named and g.HEAD.search(_strip_place(named)) and named.lower() not in g.PRONOUNS else None


_JOINED_BEFORE = re.compile(r"\b(?:and|but|with)\s*$")
_PRONOUN_ALONE = re.compile(r"\W*(?:it|they|this|that)\s*", re.I)
_WITH_A = re.compile(r",\s*with\s+(?:an?\s+)?$")
# A clause of a verb alone before its figure, one the verb list has not: "stay at", "come in at"
_BARE_VERB_PHRASE = re.compile(
    r"\s*(?:stay|stays|stayed|remain|remains|remained|settle|settles|settled|end|ends|ended|come\s+in|came\s+in|"
    r"followed|follows|came\s+after|marked|marks)(?:\s+(?:at|around|about|near|an?))?\s*"
)


def _placed_before(figure: _Figure, figures: list[_Figure], placed: bool = True) -> str | None:
    """The subject of the sentence's figure before this one; with `placed`, only where it names a place
    ('... from Japan')."""
    before = figures[: figures.index(figure)] if figure in figures else []
    named = next((f.subject for f in reversed(before) if f.subject and f.role == figure.role), None)
    return named if named and (not placed or _to_place(named)) else None


_DIGIT_IN = re.compile(r"\d")
# what comes before the noun a relative clause is of: "... helped lift (overall exports, which ...)"
_THROUGH_VERB = re.compile(
    r"^.*\b(?:by|in|for|with|on|at|amid|after|due\s+to|thanks\s+to|led\s+by|driven\s+by|lift|lifted|boost|"
    r"boosted|drive|drove|push|pushed|help|helped|as)\s+",
    re.I,
)
# "..., smaller than the $1.09 billion expected", "higher than last year's $5 billion": a level compared
_COMPARED_LEVEL = re.compile(
    r"\b(?:smaller|larger|bigger|greater|higher|lower|less|more|wider|narrower)\s+than\s+(?:the|a|an|its)?\s*$"
)


def _changed_thing(masked: str, clause: int, at: int, figure: _Figure) -> str | None:
    """What a change names by its own words: 'N percent more exports than', 'a 12 percent rise in shipments
    of wine', 'increases of 1.9% in imports of rice', 'the order backlog increase of 4.2 percent'."""
    seen = _SAW_IT_CHANGE.search(masked, clause, at) if masked.find(" saw ", clause, at) != -1 else None
    if seen:  # "Singapore saw its non-oil exports decline by 3.1 percent": what changed is the object
        named = _clean_np(seen.group("np"))
        # "petroleum products saw exports decline": a bare flow is the one named before "saw"
        if named and named.lower() not in g.PRONOUNS and _head_of(named) != named.lower():
            return named
    end = figure.quantity.end
    comparative = masked.find(" more ", end, end + 6) != -1 or masked.find(" less ", end, end + 6) != -1
    compared = g.CHANGE_AFTER.match(masked, end) if comparative else None
    than = compared.group("than_what") if compared else None
    named = _clean_np(than) if than else None
    if named and g.HEAD.search(named):
        return named
    window = masked[end : end + 30]
    after = _CHANGE_NOUN_IN.match(masked, end) if " in " in window or " of " in window else None
    low = max(0, at - 40)
    if after is None and masked.find(" in ", end, end + 4) == end and masked.find(" of", low, at) != -1:
        after = _IN_NP.match(masked, end) if _CHANGE_NOUN_OF.search(masked, low, at) else None
    named = _clean_np(_BOTH.sub("", after.group("np"))) if after else None
    if named and named.lower() not in g.PRONOUNS and not g.PERIOD.fullmatch(after.group("np")):
        return named
    low = max(clause, at - 80)
    before = _NP_CHANGE_OF.search(masked, low, at) if masked.find(" of ", low, at) != -1 else None
    named = _clean_np(before.group("np")) if before else None
    return named if named and g.HEAD.search(named) else None


def _respective(subject: str, figure: _Figure, figures: list[_Figure], clause: int, at: int) -> str:
    """'ICT exports and imports ... $30.0 billion and $14.9 billion, respectively': k-th level, k-th name."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", subject) if p.strip()]
    if len(parts) < 2:
        return subject
    same_kind = [f for f in figures if f.role == figure.role and f.quantity.start >= clause]
    # "took 4.96 million CGT (115 ships) and 4.39 million CGT (203 ships), respectively": each unit in turn
    same_unit = [f for f in same_kind if f.quantity.unit == figure.quantity.unit]
    if len(same_unit) == len(parts) < len(same_kind):
        same_kind = same_unit
    k = same_kind.index(figure) if figure in same_kind else 0
    k = min(k, len(parts) - 1)
    first_words = parts[0].split()
    chosen = parts[k]
    placed = _to_place(parts[0])
    if k > 0 and placed and _to_place(f"x to {chosen}") and not _head_of(chosen):
        return f"{placed.group('base')} {placed.group('prep')} {chosen}"  # "FDI from the U.S. and the EU"
    if k > 0 and len(chosen.split()) == 1 and len(first_words) > 1 and not chosen[:1].isupper():
        chosen = " ".join([*first_words[:-1], chosen])  # the shared modifier: "ICT exports and imports"
    head = _head_of(parts[-1])
    if k < len(parts) - 1 and head and not _head_of(chosen):
        chosen = f"{chosen} {head}"  # the shared head: "tea and coffee exports"
    return chosen


# "$4.0 billion, or 12 percent of the total", "NZ$332 million ($228.35 million), or 7.1 percent of exports"
_SHARE_OF_LEVEL_GAP = re.compile(
    rf"\s*(?:{g.RESTATED_IN_BRACKETS}\s*)?(?:\(|,\s*(?:or|equal\s+to|equivalent\s+to)?)\s*", re.I
)


def _dimension(sentence: str, context: _Context) -> str | None:
    match = g.BY_DIMENSION.search(sentence[:120])
    if match:
        word = match.group("dim").lower()
        word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        return g.DIMENSION_NAMES.get(word, word)
    if context.dimension and re.match(
        r"^\s*(?:by\s+contrast|in\s+contrast|meanwhile|on\s+the\s+other\s+hand|"
        r"however|similarly|likewise|also)\b",
        sentence,
        re.I,
    ):
        return context.dimension[0]
    return None
