"""Figures stated in a release: one `Metric` per figure, with its subject, period, change and sentence.

The rules read the grammar of release English, never a list of any release's subjects:
  - a level (money or a count) is named by the noun phrase that governs it: the subject of its
    clause ("Korea's ICT exports in 2025 totaled ..." -> "ICT exports"), "a trade surplus of $X",
    "X units of imported vehicles", or the passive after it ("..., were exported");
  - a percentage is a change when a direction or comparison frames it ("rose 22.1 percent",
    "(down 0.6 percent year-on-year)"), a share when "accounting for", "of the total" or ", or
    <level>" frames it, else a level in percent (a rate);
  - a change goes into the level it describes ("up 12.4 percent" right after a level, "rose 5.8
    percent to $151.3 billion"); with no level it is a metric of its own with value None;
  - list items ("Taiwan (up 64.8 percent), Vietnam (...)", "the Trax (308,000 units), the Kona
    (270,000)") are one metric each, with the shared subject and unit and a dimension/member;
  - the period is the nearest one the sentence states for the figure, else the running period of
    the release, else the title's, else the release month.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from reports.extract import confidence
from reports.extract import grammar as g
from reports.extract.catalog import analyst_words, dollar_economies, metric_id_for
from reports.extract.confidence import INVALID_PERIOD, SAME_SUBJECT_TWICE, Evidence, doubts_of
from reports.extract.grammar import Caseless
from reports.extract.numbers import DESCRIBED_COUNT, Quantity, find_quantities, normalize
from reports.extract.text import MAX_SENTENCE, acronyms_defined
from reports.extract.text import sentences as text_sentences
from reports.periods import figure_period, valid_figure_period
from reports.records import Change, Metric, Release

MAX_SENTENCE_LOOKBACK = 400  # characters of a sentence searched back for a figure's subject

_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_PAREN = re.compile(r"\([^()]*\)")
_INCLUDING = re.compile(r",?\s*\b(?:including|excluding|except|especially|notably|such\s+as)\b[^,]*,?", re.I)
_INTERJECTION = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in\s+turn|for\s+its\s+part|in\s+particular|"
    r"as\s+a\s+result|in\s+contrast|by\s+contrast|notably|moreover|in\s+addition)\s*,",
    re.I,
)
_OF_NP = re.compile(
    r"^(?:(?P<mods>(?:[\w-]+\s+){1,2}?)(?=\S+\s+of\s)|)(?P<head>exports?|imports?|sales|production|output|"
    r"shipments|orders|investments?|deliveries|consumption|purchases|prices?|value|volume)\s+(?:of|in)\s+"
    r"(?P<what>.+)$",
    re.I,
)
_MEASURES = frozenset({"value", "volume"})
_TO_PLACE = re.compile(
    r"^(?P<base>.+?)\s+(?P<prep>to|from|in)\s+(?P<place>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+(?:[A-Z][\w.’'-]*|and|of))*)$"
)
_FUNCTION_WORD = (
    r"(?!(?:a|an|the|in|of|to|with|for|on|at|by|its|their|and|or|as|from|into|posted|recorded|"
    r"posting|recording|resulting|reached|reaching|logged|logging|hit|marked|marking|showed|showing)\b)"
)
_NP_OF_LEVEL = Caseless(
    rf"(?<![\w’'-])(?P<np>(?:{_FUNCTION_WORD}[\w’'-]+\s+){{0,3}}{_FUNCTION_WORD}[\w’'-]+)\s+(?:of|worth|valued\s+at|amounting\s+to|totaling|totalling)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|approximately|over|more\s+than|some|an\s+estimated|between)\s+)?$"
)
_NOT_SUBJECT = re.compile(
    r"\b(?:record|high|peak|level|total|sum|amount|figure|increase|decrease|rise|"
    r"drop|growth|decline|gain|low|mark|threshold|share|range|average|estimate)\b",
    re.I,
)
_UNITS_OF = re.compile(
    r"\s+of\s+(?P<np>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)(?=\s*(?:,|\.|;|\band\b|\bor\b|\(|$|"
    r"\bin\b|\bto\b|\bfrom\b|\bwere\b|\bwas\b))",
    re.I,
)
_TO_LEVEL_GAP = re.compile(
    r"^\s*(?:[\w-]+\s+){0,4}?(?:to|at)\s+(?:(?:a|an|the|new|fresh|all-time|record|historic|historical|"
    r"annual|monthly|high|peak|of|about|around|nearly|almost|roughly|approximately|over|more\s+than|some|"
    r"an\s+estimated)\s+)*$",
    re.I,
)
_ATTACH_GAP = re.compile(r"^[\s,(\[]*(?:(?:or|and|which\s+is|which\s+was|an?|or\s+an?)\s+)?[\s,(\[]*$", re.I)
_LIST_DELIMITER = re.compile(
    r"(?:^|,\s*(?:and\s+|or\s+)?|;\s*|\band\s+|\bor\s+|\bto\s+|\bby\s+|\bfor\s+|\bin\s+|\bwith\s+|"
    r"\bincluding\s+|:\s*|\bfollowed\s+by\s+|\bled\s+by\s+|\bthen\s+)(?:the\s+)?"
)
_LIST_NAME = re.compile(r"(?P<name>[A-Za-z][\w.’'&/-]*(?:\s+(?!and\b|or\b|the\b)[\w.’'&/-]+){0,4})\s*\(\s*")
_PLACE_LIST = re.compile(r"\b(?:to|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s*\(")
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 .,'-]{0,40}?"
    r"(?:\([A-Za-z .]+\)\s*(?:--|—|–|-)\s*|\((?:[A-Z]{2,6}|[A-Z][a-z]+ [A-Z][a-z]+)\)\s+)"
)
_RELATIVE = re.compile(
    r",\s+(?:which|who|whose)\s[^,;()]*,"
    r"|,\s+(?:led|driven|followed|supported|boosted|helped|dragged|weighed)\s+(?:down\s+)?by\s[^,;]{0,80},"
    r"|,\s+(?:mostly|mainly|largely|chiefly|primarily|partly|almost\s+all|all)\s+(?:from|to|in|by|for)\s[^,;]{0,60},"
    r"|,\s+(?:the|a|an|its|South\s+Korea['’]s|Korea['’]s|the\s+country['’]s)\s[^,;()\d]{0,60},"
    rf"(?=\s+(?:{g.alternation(g.ALL_VERBS)})\b)",
    re.I,
)
_NP_AFTER_LEVEL = re.compile(
    rf"\s+(?!(?:in|of|for|to|at|by|on|with|from|and|or|as|than|the|a|an)\b)"
    rf"(?P<np>(?:(?!(?:while|whereas|but|when|after|before|since|because|although|though|and|or|as)\b)[\w-]+\s+){{0,2}}?(?:{g.alternation(g.HEADS)}))\b(?!\s+(?:of|to)\b)",
    re.I,
)
_GAPPED = re.compile(
    r"(?:,\s*(?:and\s+)?|\band\s+)(?:(?P<prep>to|from|in)\s+)?(?P<name>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"\s+(?:by\s+)?$"
)
_NP_TO_LEVEL = Caseless(
    rf"\b(?:bring|push|lift|rais|tak|put|leav|left|brought|drove|driv|widen|narrow|keep|kept|hold|held|set|"
    rf"expand|boost|increas|cut|reduc|lower|peg|estimat|project|forecast)\w*\s+(?:the\s+|its\s+)?"
    rf"(?P<np>(?:{_FUNCTION_WORD}[\w’'-]+\s+){{0,3}}{_FUNCTION_WORD}[\w’'-]+)\s+(?:to|at)\s+"
    r"(?:(?:a|an|the|new|record|all-time|high|of|about|around|nearly|almost|over|more\s+than|between)\s+)*$"
)
_ALONE = re.compile(r"^(?:In|For|During)\s+[^,]{3,40}?\balone\b", re.I)
_CONNECTIVES = re.compile(
    r"^(?:(?:and|or|while|whereas|but|the|with|including|followed\s+by|led\s+by|"
    r"then|as\s+well\s+as|such\s+as|notably|overtaking|surpassing|ahead\s+of|behind|than|versus)\s+)+",
    re.I,
)
_PLACE_ALIASES = (
    (re.compile(r"\bU\.S\.?(?=$|[\s,;])"), "United States"),
    (re.compile(r"\bU\.K\.?(?=$|[\s,;])"), "United Kingdom"),
)
_TARGET_BEFORE = Caseless(r"\b(?:by|through|toward|towards)\s+(?:the\s+end\s+of\s+)?$")
_LOCAL_PERIOD = Caseless(
    r"\b(?:set|recorded|posted|reached|hit|registered|logged)\s+(?:in|during)\s+(?:the\s+)?$"
)
_EARLIER_LEVEL = re.compile(
    r"\s*,?\s*(?:(?:tallied|posted|recorded|logged|registered|reported|seen)\s+)?"
    r"(?:(?:in|during|over|for)\s+)?(?:the\s+same\s+(?:period|month|quarter|time)\s+)?"
    r"(?:a\s+year\s+(?:earlier|ago|before)|(?:of\s+|in\s+)?last\s+year|(?:of\s+|in\s+)?the\s+previous\s+year|"
    r"(?P<month>a\s+month\s+(?:earlier|ago)|the\s+previous\s+month|last\s+month))\b",
    re.I,
)
_ACTIVE_FLOW = Caseless(
    r"\b(?<!were\s)(?<!was\s)(imported|exported|produced|sold|shipped|manufactured)\s+"
    r"(?:a\s+(?:total|record)\s+of\s+|about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?"
    r"(?=[$€£¥₩\d]|US\$|USD|KRW)",
    re.I,
)
_BARE_CHANGE = Caseless(
    r"(?:,\s*|\()(?:up|down)\s+(?:by\s+)?$|\b(?:rose|fell|increased|decreased|declined|"
    r"dropped|grew|gained|lost|added|shed)\s+by\s+$"
)
_UNCHANGED = re.compile(r"\s*,?\s*(?:unchanged|flat|steady)\b", re.I)
_COMPARED_MONTH = Caseless(
    r"\b(?:compared\s+(?:with|to)|from|than|versus|over)\s+(?:[$€£¥₩+]?[\d.,]+\s*(?:billion|million|trillion|bn|mln)?"
    r"\s+in\s+)?(?:the\s+previous\s+month,?\s+)?(?P<m>January|February|"
    r"March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<y>(?:19|20)\d{2}))?\b"
)
# Most sentences with a figure hold a digit: that cheap test comes first, the words only without one.
_DIGIT = re.compile(r"\d")
_HINT = Caseless(
    r"record|all-time|high|last\s+(?:year|month)|this\s+(?:year|month)|previous\s+(?:year|month)"
    r"|half|quarter|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_FLOW_HINT = re.compile(r"ed\s", re.I)
_OF_OR_TO_WORDS = frozenset({"of", "worth", "at", "to", "totaling", "totalling"})
_CLAUSE_END = re.compile(r";|\bwhile\b|\bwhereas\b|,\s*(?:and|but)\b")
_RECORD_HINT = Caseless(r"record|all-time|high|best|largest|biggest|unprecedented|peak")
# Every basis phrase holds one of these (a cheap test before the full pattern).
_BASIS_KEYS = (
    "year",
    "month",
    "quarter",
    "y-o-y",
    "yoy",
    "y/y",
    "m-o-m",
    "m/m",
    "q-o-q",
    "q/q",
    "cumulative",
    "annually",
    "same",
    "19",
    "20",
    "to-date",
    "so far",
)
_BASIS_KEY = re.compile("|".join(re.escape(key) for key in _BASIS_KEYS))
_GAP_OF = re.compile(
    r"^\s+of\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+(?=\s*(?:,|\bin\b|\bfor\b|\blast\b|\bthis\b|\())"
)
_GAP_PERIOD = re.compile(
    r"\s*\b(?:in|for|during|at\s+the\s+end\s+of|as\s+of)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+"
    r"(?:half|quarter)(?:\s+of)?\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s*)?(?:(?:19|20)\d{2})?(?=\s*[,(])|\s*\b(?:last|this)\s+(?:year|month|quarter)\b"
)
# Between a level and its change: the unit's acronym "(TEU)", a measure "in contract value", "in value terms".
_GAP_ASIDE = re.compile(
    r"^\s*\([A-Z][A-Za-z]{1,7}\)|^\s*\b(?:in|by)\s+(?:[\w-]+\s+)?(?:value|volume|terms|tonnage)(?:\s+terms)?\b"
    r"|^\s*(?:per|a|an)\s+(?:metric\s+)?(?:ton|tonne|barrel|unit|kg|kilogram|pound|ounce|bushel|liter|litre|"
    r"gallon|MWh|kWh|head|share|vehicle|month|year|night|person|capita|day|week)\b",
    re.I,
)
_GAPPED_AFTER = re.compile(r"\s+to\s|\s*(?:,|;|\band\b|\.|$)")
_COUNT_WORDS = {
    "companies": "companies",
    "firms": "companies",
    "enterprises": "companies",
    "jobs": "jobs",
    "workers": "workers",
    "vehicles": "vehicles",
    "cars": "vehicles",
    "ships": "ships",
    "units": "units",
    "employees": "workers",
    "people": "people",
    "startups": "companies",
    "vessels": "ships",
}
_NUMBER_OF = Caseless(
    rf"\b(?:number|total)\s+of\s+(?:[\w-]+\s+){{0,3}}?(?P<unit>{g.alternation(_COUNT_WORDS)})\b"
    r"(?:(?!\d)[^.;])*?\b(?:stood\s+at|was|were|reached|totaled|totalled|came\s+to|hit|rose\s+to|fell\s+to)\s+"
    r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
    rf"|\b(?P<unit2>{g.alternation(_COUNT_WORDS)})\b[^.;\d]{{0,40}}?\b(?:fell|rose|dropped|increased|decreased|"
    r"declined|grew|gained|lost|added|shed)\s+by\s+$"
)
_PEOPLE_WORDS = ("visitor", "tourist", "travel", "passenger", "arrival")
_PEOPLE_BEFORE = Caseless(
    r"\b(?P<who>visitors?|tourists?|travell?ers|passengers?|arrivals)\b[^.;\d$€£¥₩]{0,60}?\b(?:numbered|reached|"
    r"totaled|totalled|came\s+to|stood\s+at|hit|rose\s+to|fell\s+to|topped|exceeded|was|were)\s+"
    r"(?:an?\s+(?:all-time|record|new)\s+(?:high|peak)\s+of\s+|a\s+record\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
)
_WITH_NP_TO = Caseless(
    r"\bwith\s+(?:the\s+|its\s+|their\s+)?(?P<np>(?:(?!(?:with|and|by|of|in)\b)[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
    r"(?:[a-z]+ing)\s+(?:(?:by\s+)?[\d.,]+\s*(?:percent|%)\s+)?(?:to|at)\s+"
    r"(?:(?:a|an|the|new|record|about|around|nearly|almost|over|more\s+than)\s+)*$"
)
_WON_FOR = Caseless(
    r"\b(?:won|secured|received|booked|clinched|landed|bagged|took|placed)\s+(?:new\s+)?"
    r"(?P<what>orders|contracts|deals)\s+(?:for|worth|of|totaling|totalling)\s+"
    r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$"
)
_DIRECTION_TAIL = re.compile(r"\s+(?:up|down|higher|lower|unchanged|flat)\b[^,;]*$", re.I)
_NP_IN_AFTER_LEVEL = re.compile(
    r"\s+(?:in|of|for|worth\s+of)\s+(?P<np>(?:(?!(?:in|for|to|by|under|with|from|at|on|and|the)\b)[\w’'-]+\s+){0,3}"
    r"(?!(?:in|for|to|by|under|with|from|at|on|and|the)\b)[\w’'-]+)(?=\s*(?:[,.;(]|$|\b(?:in|for|to|by|under|"
    r"with|from|at|on|and)\b))",
    re.I,
)
_FIGURE_IN_NAME = re.compile(
    r"[$€£¥₩%]|\d[\d,]*\.\d|\d{1,3},\d{3}|\b(?:19|20)\d{2}\b|\d+\s*(?:percent|billion|"
    r"million|trillion|thousand)",
    re.I,
)
_SHARE_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<np>(?:(?!(?:in|for|during|while|and|as|from|by|to)\b)[\w’'-]+\s*){1,5}?)"
    r"(?=\s*(?:[,.;(]|$|\b(?:in|for|during|while|and|as|from|by|to)\b))",
    re.I,
)
_LAST_COMMA = re.compile(r",(?!\d{3})")
_RESPECTIVELY = Caseless(r"\brespectively\b")
# Small patterns of the rules below, compiled once.
_SHARE_WORD = re.compile(r"\bshare\b", re.I)
_BASIS_STOP = re.compile(r"[;(]|\d")
_MONTH_PERIOD = re.compile(r"\d{4}-\d{2}")
_SEMICOLON_OR_BRACKET = re.compile(r"[;(]")
_COMMA_ALONE = re.compile(r"\s*,\s*")
_STOP_IN_GAP = re.compile(r"[;:]|\d")
_CONJUNCTION = re.compile(r"\b(?:while|whereas|but|and)\b")
_THE = re.compile(r"^the\s+")
_FIGURE_WORDS = re.compile(r"\d[\d,.]*\s*(?:percent|%|billion|million|units)")
_INTRODUCED = re.compile(r"\b(?:led\s+by|including|such\s+as|followed\s+by|notably)\s+(?:the\s+)?$")
_PLAIN_WORDS = re.compile(r"[A-Za-z][\w.’'&/ -]*")
_THOSE = re.compile(r"^(?:those|that|the\s+ones?)\s+(?P<rest>(?:to|from|in|for)\s+.+)$", re.I)
_COMPARED_BEFORE = re.compile(r"\b(?:from|than|versus|compared\s+(?:with|to))\s+$")
_TITLE_NP = re.compile(
    r"^(?P<np>.+?)\s+(?:\b(?:hit|hits|post|posts|reach|reaches|top|tops|rise|rises|fall|"
    r"falls|jump|jumps|surge|surges|record|records|climb|climbs|decline|declines|grow|"
    r"grows|total|totals|set|sets|mark|marks|exceed|exceeds)\b)",
    re.I,
)


@dataclass
class _Context:
    """What a release has established so far: running period, topic, last subject, last basis."""

    published: date
    title_period: str | None
    topic: str | None = None
    lead: str | None = None  # the subject of the release's first level
    count_unit: str | None = None  # the unit of the last count the release stated
    title: str = ""
    period: str | None = None
    basis: str | None = None
    subject: str | None = None
    dimension: tuple[str, str] | None = None  # (dimension, head) carried into the next sentence
    dollar: str | None = None  # the release's own dollar when it writes "C$" and never "US$": CAD
    balance_owner: str | None = None  # whose surplus/deficit the release last named: "current account"
    # abbreviations the release defines for a scaled unit: "928.3 million tonnes (MT)" -> MT = 1e6 tons
    units_named: dict[str, tuple[float, str]] = field(default_factory=dict)
    # what the release abbreviates: "foreign direct investment (FDI)" -> names say "FDI"
    acronyms: tuple[tuple[re.Pattern[str], str], ...] = ()
    metrics: list[Metric] = field(default_factory=list)


@dataclass
class _Figure:
    quantity: Quantity
    role: str  # level | change | share
    cue_start: int  # where the phrase stating it begins ("up" of "up 12.4 percent")
    change: Change | None = None
    attached: bool = False
    subject: str | None = None
    dimension: str | None = None
    member: str | None = None
    period: str | None = None
    record: bool = False
    previous_record: bool = False
    range_of: _Figure | None = None  # the lower end of the range this figure is the upper end of
    named_by: _Figure | None = (
        None  # the change before a level that names it: "ASEAN 14.0 percent to $10.4 billion"
    )
    unit_inferred: bool = False  # a bare number given the unit of an earlier sentence's count
    stated_subject: str | None = None  # the phrase that names it: "the goods deficit" of "an increase in ..."
    period_source: str = "stated"  # stated | carried | derived | release date (confidence.Evidence)
    notes: set[str] = field(default_factory=set)  # how its parts were found (confidence.Evidence.notes)


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
    return confidence.reviewed(_conflicts_doubted(_changes_joined_to_levels(context.metrics, body)))


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


MAX_JOINED_QUOTE = 700  # characters: a change and a level further apart than this stay two figures


def _changes_joined_to_levels(metrics: list[Metric], body: str) -> list[Metric]:
    """A change stated alone and a level of the same subject and period without one are one figure:
    'Exports rose 10.6 percent in the first 20 days of January.' ... 'Exports stood at $28.2 billion in
    the period.' The figure quotes both sentences and what lies between them, so the change can still
    be traced; the lone change is dropped."""
    levels: dict[tuple[str, str | None], int] = {}
    for index, metric in enumerate(metrics):
        if metric.value is not None and metric.unit != "percent":
            levels.setdefault((metric.subject.casefold(), metric.period), index)
    lone = [
        index
        for index, m in enumerate(metrics)
        if m.value is None and m.change is not None and m.change.unit == "percent" and not m.member
    ]
    keys = Counter((metrics[i].subject.casefold(), metrics[i].period) for i in lone)
    joined, dropped = list(metrics), set()
    for index in lone:
        metric, change = metrics[index], metrics[index].change
        if keys[(metric.subject.casefold(), metric.period)] > 1:
            continue  # "to grow between 2 and 3 percent": a range, not one change
        target = levels.get((metric.subject.casefold(), metric.period))
        if target is None or joined[target].change is not None:
            continue
        level = joined[target]
        span = (min(level.span[0], metric.span[0]), max(level.span[1], metric.span[1]))
        if span[1] - span[0] > MAX_JOINED_QUOTE:
            continue
        quote = body[span[0] : span[1]]
        record = level.record or metric.record
        joined[target] = replace(level, change=change, record=record, span=span, quote=quote)
        dropped.add(index)
    return [metric for index, metric in enumerate(joined) if index not in dropped]


_OWN_DOLLAR = re.compile(r"(?<![A-Za-z])(A|AU|C|NZ|S|HK|NT)\$")
_US_DOLLAR = re.compile(r"\bUS\$|\bU\.S\.\s?\$|\bUSD\b|\bU\.?S\.? dollars?\b|\bUS dollars?\b")


_DOLLAR_CODES = {"A": "AUD", "AU": "AUD", "C": "CAD", "NZ": "NZD", "S": "SGD", "HK": "HKD", "NT": "TWD"}


def _local_dollar(text: str) -> str | None:
    """A release that writes its figures as 'C$65.0 billion' (one such dollar, and never US$ or USD) means
    the same dollar by a bare '$0.4 billion': Canadian, Australian ... statements drop the letter."""
    if "$" not in text:
        return None
    kinds = {m.group(1).upper() for m in _OWN_DOLLAR.finditer(text)}
    if len(kinds) != 1 or _US_DOLLAR.search(text):
        return None
    return _DOLLAR_CODES[kinds.pop()]


def _abbreviated(subject: str, acronyms: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """'information and communication technology goods exports' -> 'ICT goods exports' where the release
    wrote 'information and communication technology (ICT)'."""
    for pattern, acronym in acronyms:
        subject = pattern.sub(acronym, subject)
    return subject


_EXPECTED_BY = re.compile(
    r"\s*(?:percent|%)?\s*(?:decline|decrease|fall|drop|increase|rise|gain|growth)?\s*"
    r"(?:expected|forecast|predicted|projected|estimated|anticipated)\s+(?:by|in)\b",
    re.IGNORECASE,
)
_EXCHANGE_RATE = re.compile(
    r"\(\s*(?:US|U\.S\.\s?)?\$\s?1\s*=\s*[^()]{1,30}\)|\(\s*1\s+(?:USD|dollar)\s*=[^()]{1,30}\)"
)
_IN_BRACKETS_AFTER = re.compile(r"\s*\(\s*(?:about|around|or|approximately|some)?\s*$")


def _without_restatements(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """An exchange rate ('($1 = 150.2 yen)') is no figure, and neither is a level restated in another
    currency in brackets ('512.3 billion yen ($3.41 billion)'): the figure is stated once."""
    if "(" not in sentence:
        return quantities
    rates = [m.span() for m in _EXCHANGE_RATE.finditer(sentence)] if "=" in sentence else []
    kept: list[Quantity] = []
    for q in quantities:
        if any(start <= q.start < end for start, end in rates):
            continue
        before = kept[-1] if kept else None
        if (
            before is not None
            and q.kind == "money"
            and before.kind == "money"
            and before.unit != q.unit
            and _IN_BRACKETS_AFTER.fullmatch(sentence, before.end, q.start)
        ):
            continue
        kept.append(q)
    return kept


_UNIT_ABBREVIATION = re.compile(r"\s*\(\s*(?P<abbr>[A-Za-z]{1,5})\s*\)")


def _learn_abbreviations(sentence: str, quantities: list[Quantity], context: _Context) -> None:
    """'928.3 million tonnes (MT)': later bare 'MT' figures of the release are millions of tonnes."""
    if "(" not in sentence:
        return
    for q in quantities:
        if q.kind != "count" or not q.scaled or q.unit is None or q.digits_start >= q.end:
            continue
        named = _UNIT_ABBREVIATION.match(sentence, q.end)
        number = float(q.digits.replace(",", "")) if named else 0.0
        if not named or not number:
            continue
        abbreviation = named.group("abbr")
        words = _WORD.findall(sentence[q.digits_start + len(q.digits) : q.end])
        initials = "".join(word[0] for word in words).upper()
        letters = abbreviation.upper().rstrip("S") if len(abbreviation) > 2 else abbreviation.upper()
        if letters == initials:  # "million tonnes (MT)": the scale is part of the abbreviation
            scale = 10.0 ** round(math.log10(q.value / number))  # a power of ten, not 999,999.99...
            context.units_named[abbreviation] = (scale, q.unit)
        elif letters == initials[1:]:  # "million compensated gross tons (CGTs)": the unit alone
            context.units_named[abbreviation] = (1.0, q.unit)


def _as_named_unit(sentence: str, q: Quantity, named: dict[str, tuple[float, str]]) -> Quantity:
    if q.kind != "bare" or q.scaled:
        return q  # "1.16 million CGT" states its own scale
    word = _WORD.match(sentence, q.end + 1) if sentence[q.end : q.end + 1] == " " else None
    if word is None or word.group(0) not in named:
        return q
    scale, unit = named[word.group(0)]
    return replace(q, value=q.value * scale, unit=unit, kind="count", end=word.end(), scaled=True)


def _economy_dollar(title: str, text: str) -> str | None:
    """The dollar of the one dollar economy a release's title (or its opening) is about, when its figures
    are bare '$' and it never writes US$ or USD: 'International Trade, Australia' -> AUD."""
    if "$" not in text or _US_DOLLAR.search(text) or _OWN_DOLLAR.search(text):
        return None
    opening = f"{title} {text[:200]}"
    codes = {code for pattern, code in dollar_economies() if pattern.search(opening)}
    return codes.pop() if len(codes) == 1 else None


def _as_local_dollar(sentence: str, q: Quantity, code: str) -> Quantity:
    if q.unit == "USD" and sentence[q.start : q.digits_start].strip(" -+") == "$":
        return replace(q, unit=code)
    return q


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the shared text layer (reports/extract/text.py)."""
    return text_sentences(text, MAX_SENTENCE)


# One sentence -----------------------------------------------------------------------------------


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


def _basis_from_compared_levels(metrics: list[Metric], first: int) -> None:
    """'rose 6.6 percent to 928.3 MT in 2018 from 870.9 MT in 2017': the change compares with the year
    before (yoy); with the month or quarter before, mom or qoq. Only the sentence's own figures."""
    own = metrics[first:]
    if len(own) < 2:
        return
    for index, metric in enumerate(own, start=first):
        change = metric.change
        if metric.value is None or change is None or change.basis is not None or not metric.period:
            continue
        if not valid_figure_period(metric.period):
            continue
        period = figure_period(metric.period)
        earlier = {
            m.period
            for m in own
            if m is not metric and m.value is not None
            and (m.subject, m.unit) == (metric.subject, metric.unit)
        }
        basis = None
        if period.year_before().key in earlier:
            basis = "yoy"
        elif period.kind in ("month", "quarter") and period.previous().key in earlier:
            basis = "mom" if period.kind == "month" else "qoq"
        if basis:
            metrics[index] = replace(metric, change=replace(change, basis=basis))


_SHIPMENTS = re.compile(r"(?:(?<=\w )|^)shipments\b(?=$|\s+to\s)")
_FORWARD = Caseless(
    r"\b(?:will|aims?\s+to|plans?\s+to|is\s+expected|are\s+expected|expects|projects|forecasts|is\s+projected|"
    r"are\s+projected|is\s+forecast|are\s+forecast|targets?)\b"
)
_WHOLE_YEARS = re.compile(r"\d{4}-01/\d{4}-12")


def _set_running_period(
    sentence: str,
    periods: list[tuple[int, int, str, str]],
    primary: tuple[int, int, str, str] | None,
    context: _Context,
) -> None:
    """The period later sentences without one inherit. A plan or forecast ('will', 'aims to', 'is
    expected') does not move it; of several periods the title's wins ('from $0.4 billion in October to
    $1.2 billion in November' under a November title); a span of months does not, a span of years does."""
    stated = [p[2] for p in periods if not p[3]]
    if not stated or (_FORWARD.search(sentence) and not _WHOLE_YEARS.fullmatch(stated[0])):
        return
    period = context.title_period if context.title_period in stated else stated[0]
    if "/" not in period or _WHOLE_YEARS.fullmatch(period) or _DAY_SPAN.fullmatch(period):
        context.period = period


_COMPARED_WITH = Caseless(r"\b(?:compared\s+(?:with|to)|versus|against|from|than)\s+(?:an?\s+)?[+]?$")
_COMPARED_HINT = re.compile(r"compared|versus|against|from|than")
_BRACKET_AFTER_PERIOD = re.compile(r"\(\s*$")


def _compared_level(
    sentence: str, figure: _Figure, figures: list[_Figure], periods: list[tuple[int, int, str, str]]
) -> None:
    """The level a figure is compared with is the same quantity at another time: 'up 61 percent from
    $9.5 billion in 2024', 'compared with +EUR 2.4 bn in December 2024', '... compared with December 2024
    (EUR 234.2 bn)' (the bracket holds the level of the period before it)."""
    if figure.role != "level" or figure is figures[0]:
        return
    q = figure.quantity
    window = sentence[max(0, q.start - 30) : q.start]
    if "(" not in window and not _COMPARED_HINT.search(window):
        return
    earlier = [f for f in figures if f.role == "level" and f.quantity.end <= q.start and f.subject]
    earlier = [f for f in earlier if f.quantity.unit == q.unit]
    if not earlier:
        return
    source = earlier[-1]
    if _COMPARED_WITH.search(sentence, max(0, q.start - 30), q.start):
        figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
        return
    opening = _BRACKET_AFTER_PERIOD.search(sentence, max(0, q.start - 3), q.start)
    if opening is None:
        return
    stated = [p for p in periods if p[1] <= opening.start() and not sentence[p[1] : opening.start()].strip()]
    if stated:
        figure.subject, figure.member, figure.dimension = source.subject, source.member, source.dimension
        figure.period = stated[-1][2]


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


def _period_source(period: str | None, periods: list[tuple[int, int, str, str]], context: _Context) -> str:
    """Where a figure's period came from, for its confidence."""
    if any(p[2] == period for p in periods):
        return "stated"
    if period is not None and period in (context.period, context.title_period):
        return "carried"
    if period == f"{context.published.year}-{context.published.month:02d}":
        return "release date"
    return "derived"  # "a year earlier", "the previous month": shifted from a stated period


# Coordinated changes ----------------------------------------------------------------------------------
# "Exports of chips and ships fell 30.2 and 15.6 percent, respectively."
# "Shipments of steel fell 17.6 percent, wireless devices 15.6 percent, and vessels 22.9 percent."
# "Exports to ASEAN increased 5.3 percent; Vietnam, 1.8 percent; India, 3.7 percent."
# A percentage after a change, joined to it by a list, is a change in the same direction of the next item.

_LIST_GAP = re.compile(
    r"^\s*(?:percent|per\s*cent|%)?\s*(?:,|;|,?\s*and\b|,?\s*while\b)\s*(?P<item>[^\d;:()]{0,60}?)"
    r"\s*(?:,\s*)?(?:by\s+|at\s+)?(?:a\s+|an\s+)?$",
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
    for before, figure in zip(group, group[1:], strict=False):
        if figure.subject and figure.subject != lead.subject:
            continue  # named by its own clause
        item = _LIST_GAP.match(sentence[before.quantity.end : figure.quantity.start])
        name = item.group("item").strip(" ,") if item else ""
        figure.subject = _item_subject(name, lead.subject, context) or figure.subject or lead.subject
        figure.member, figure.dimension = None, None


def _item_subject(item: str, lead: str | None, context: _Context) -> str | None:
    """The subject of a list item: 'vessels' after 'steel product exports' -> 'vessel exports';
    'Vietnam' after 'exports to ASEAN' -> 'exports to Vietnam'."""
    named = _clean_np(item) if item else None
    if not named or not lead:
        return None
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
    names = _items_named(_LAST_COMMA.split(clause)[-1].strip(), len(group))
    if names is None:  # "Among the key items, chips, ships and cars posted gains of ...": a bare list
        head = _head_of(group[0].subject or "") or _head_of(context.lead or "")
        items = _ITEM_SPLIT.split(clause)[-len(group) :]
        if head and len(items) == len(group):
            names = [_clean_np(f"{_as_modifier(item)} {head}") for item in items]
    if names is None or len(names) != len(group) or not all(names):
        return
    for figure, name in zip(group, names, strict=True):
        figure.subject, figure.member, figure.dimension = canonical_subject(name or ""), None, None


def _items_named(clause: str, count: int) -> list[str | None] | None:
    """'exports of A and B' -> ['A exports', 'B exports'];
    'shipments to A and B' -> ['shipments to A', 'shipments to B']."""
    of = re.match(r"^(?P<head>.*?\b\w+)\s+of\s+(?P<items>.+)$", clause)
    to = re.match(r"^(?P<head>.*?\b\w+)\s+(?P<prep>to|from)\s+(?P<items>.+)$", clause)
    if to and not of:
        items = _ITEM_SPLIT.split(to.group("items").strip())
        names = [_clean_np(f"{to.group('head')} {to.group('prep')} {item}") for item in items]
    elif of:
        items = _ITEM_SPLIT.split(of.group("items").strip())
        names = [_clean_np(f"{of.group('head')} of {item}") for item in items]
    else:
        return None
    return names if len(names) == count else None


def _amount_change_apart(metric: Metric) -> list[Metric]:
    """A change stated as an amount is a figure of its own: 'exports were $165.2 billion, $10.0 billion
    more than in July' is exports 165.2e9 and 'change in exports' +10.0e9, in the level's unit."""
    change = metric.change
    if change is None or change.value is None or change.unit in ("percent", "percentage_points"):
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


def canonical_subject(subject: str) -> str:
    """The catalog's name where the text uses a synonym: 'chip exports' -> 'semiconductor exports',
    'car exports to the U.S.' -> 'automobile exports to the United States' (catalog.toml, [subject_words])."""
    if "U." in subject:
        for alias, name in _PLACE_ALIASES:
            subject = alias.sub(name, subject)
    return analyst_words(subject)


def _qualifier(q: Quantity) -> str | None:
    return q.qualifier


def _is_place(dimension: str | None) -> bool:
    return dimension in g.PLACE_DIMENSIONS


# Which numbers are figures, and of what kind ----------------------------------------------------------


_LEVEL_BEFORE_BRACKET = re.compile(r"\d\s*(?:[A-Za-z]+\s*)?\(\s*$")
_TO_OR_AT = re.compile(r"\b(?:to|at)\s")
_BETWEEN_TAIL = re.compile(r"\s+between\s+$", re.I)
_RANGE_GAP = re.compile(r"\s*(?:to|and|-|–|—)\s*")
_BETWEEN = re.compile(r"\bbetween\s+(?:[$€£¥₩]|US\$|USD\s|KRW\s)?$", re.I)


def _ranges(sentence: str, quantities: list[Quantity]) -> tuple[list[Quantity], dict[int, int]]:
    """'between 3 and 4 percent', '10 to 12 percent', 'between $95 billion and $100 billion': the first
    end takes the unit (and scale) of the second; returns the quantities and {second index: first index}."""
    typed = list(quantities)
    pairs: dict[int, int] = {}
    for n in range(len(typed) - 1):
        first, second = typed[n], typed[n + 1]
        if second.kind in ("bare", "year", "day") or first.kind in ("year", "day"):
            continue
        gap = sentence[first.end : second.start]
        if not _RANGE_GAP.fullmatch(gap):
            continue
        between = _BETWEEN.search(sentence, max(0, first.start - 12), first.start)
        if gap.strip() == "and" and not between:
            continue
        if first.kind == "bare":
            number = float(second.digits.replace(",", "") or 0) or 1.0
            scale = abs(second.value) / number if second.scaled else 1.0
            first = replace(first, value=first.value * scale, unit=second.unit, kind=second.kind)
            typed[n] = first
        elif first.unit != second.unit:
            continue
        pairs[n + 1] = n
    return typed, pairs


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
        if q.kind == "bare" and index + 1 < len(quantities) and _PERCENT_LIST_NEXT.fullmatch(
            sentence, q.end, quantities[index + 1].start
        ) and quantities[index + 1].kind == "percent":
            q = replace(q, unit="percent", kind="percent")  # "fell 30.2 and 15.6 percent"
        if q.kind == "bare":
            typed = _list_inherited(sentence, q, last_unit) or _named_unit(sentence, q, None)
            if typed is None and context_unit:
                typed = _named_unit(sentence, q, context_unit)
                inferred.add(q.start)  # the unit of an earlier sentence's count
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
                and before_change.change.unit not in ("percent", "percentage_points")
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
            if figure.role == "change":
                previous_change = figure
            figures.append(figure)
            by_quantity[index] = figure
            continue
        if _is_threshold(sentence, q):
            continue
        as_change = _noun_change(sentence, q) or _amount_change(sentence, q)
        if as_change is not None:
            figures.append(as_change)
            continue
        figures.append(_Figure(q, "level", q.start, range_of=by_quantity.get(pairs.get(index, -1))))
        last_unit = q
        by_quantity[index] = figures[-1]
    for figure in figures:
        figure.unit_inferred = figure.quantity.start in inferred
    return figures


_PERCENT_LIST_NEXT = re.compile(r"\s*(?:,|and|,\s*and|to|-|–)\s*")


def _named_unit(sentence: str, q: Quantity, context_unit: str | None) -> Quantity | None:
    """'The number of certified venture companies stood at 41,200' -> companies; 'Manufacturing jobs fell by
    51,000' -> jobs; a change 'by' a bare number after the release stated a count takes that count's unit."""
    before = sentence[max(0, q.start - 120) : q.start]
    lowered = before.lower()
    people = _PEOPLE_BEFORE.search(before) if any(w in lowered for w in _PEOPLE_WORDS) else None
    if people:  # "Visitors from Chile numbered 2.1 million", "arrivals reached a record 9.5 million"
        word = people.group("who").lower()
        return replace(q, unit="passengers" if word.startswith("passenger") else "visitors", kind="count")
    if q.scaled or "." in q.digits:
        return None
    named = _NUMBER_OF.search(before)
    if named:
        word = named.group("unit") or named.group("unit2")
        return replace(q, unit=_COUNT_WORDS[word.lower()], kind="count")
    if context_unit and _BARE_CHANGE.search(sentence, max(0, q.start - 25), q.start):
        return replace(q, unit=context_unit, kind="count")
    return None


def _list_inherited(sentence: str, q: Quantity, last: Quantity | None) -> Quantity | None:
    """'(270,000)' after 'the Trax (308,000 units)': a bare number in a list takes the list's unit;
    '29.04 million jobs, up 193,000': a change by a bare number takes the level's unit."""
    if (
        last is not None
        and last.kind == "count"
        and _BARE_CHANGE.search(sentence, max(0, q.start - 25), q.start)
    ):
        return replace(q, unit=last.unit, kind=last.kind)
    if last is None or last.kind not in ("money", "count") or (last.scaled and not q.scaled):
        return None
    before = sentence[max(0, q.start - 2) : q.start]
    after = sentence[q.end : q.end + 2]
    if "(" not in before or not after.lstrip().startswith(")"):
        return None
    return replace(q, unit=last.unit, kind=last.kind)


def _percentage(sentence: str, q: Quantity) -> _Figure:
    before = _BETWEEN_TAIL.sub(" ", sentence[max(0, q.start - 60) : q.start])
    after = sentence[q.end : q.end + 40]
    cue = g.CHANGE_BEFORE.search(before)
    share_before = g.SHARE_BEFORE.search(before)
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
        word = (after_cue.group("noun") or after_cue.group("cmp") or "").lower()
        direction = _direction(word) if word else _direction_nearby(before)
        if direction is None and q.signed:
            direction = "down" if q.signed == "-" else "up"
        return _change_figure(q, direction, q.start, sentence)
    if q.signed or q.kind == "points":
        direction = "down" if q.signed == "-" else ("up" if q.signed == "+" else _direction_nearby(before))
        return _change_figure(q, direction, q.start, sentence)
    if q.value == 0 and before.rstrip().endswith("(") and _LEVEL_BEFORE_BRACKET.search(before):
        return _change_figure(q, "flat", q.start, sentence)  # "USD 0.64 billion (0.0%)": no change
    if g.SHARE_AFTER.match(after):
        return _Figure(q, "share", q.start)
    return _Figure(q, "share" if _SHARE_WORD.search(before[-40:]) else "level", q.start)


_THAN_AFTER = re.compile(r"\s*(?P<w>less|lower|fewer|more|higher|greater)\s+than\b", re.I)
_OR_AFTER_CHANGE = re.compile(r"\s*(?:,\s*or|\()\s*")


_UP_CHANGE_NOUNS = ("increase", "rise", "gain", "growth", "jump", "widening", "expansion", "surge")
_DOWN_CHANGE_NOUNS = ("decrease", "decline", "fall", "drop", "narrowing", "contraction", "reduction")
_CHANGE_NOUNS = {**dict.fromkeys(_UP_CHANGE_NOUNS, "up"), **dict.fromkeys(_DOWN_CHANGE_NOUNS, "down")}
_NOUN_ALTERNATION = "|".join(_CHANGE_NOUNS)
_NOUN_CHANGE_BEFORE = re.compile(
    rf"\b(?:an?|the)\s+(?P<noun>{_NOUN_ALTERNATION})\s+in\s+(?P<np>[^,;()\d]{{2,60}}?)\s+of\s+$", re.I
)
_NOUN_CHANGE_AFTER = re.compile(
    rf"\s+(?P<noun>{_NOUN_ALTERNATION})\s+(?:in|of)\s+(?P<np>[^,;()\d]{{2,60}}?)"
    r"(?=\s+(?:was|were|is|are|came|led|drove|offset|set|cut|hit|in|for|during|from|over|between|\w{3,}ed)\b"
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
    before = sentence[max(0, q.start - 60) : q.start]
    cue = g.CHANGE_BEFORE.search(before)
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
    cue_start = q.start - len(before) + cue.start()
    basis = _basis_near(sentence, q.end, cue_start)
    return _Figure(
        replace(q, value=abs(q.value)),
        "change",
        cue_start,
        Change(abs(q.value), q.unit or "units", direction, basis),
    )


def _change_figure(q: Quantity, direction: str | None, cue_start: int, sentence: str) -> _Figure:
    value = abs(q.value)
    unit = "percentage_points" if q.kind == "points" else "percent"
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
    return None


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
    match = g.BASIS_ANY.search(text)
    return match.lastgroup if match else None


def _is_threshold(sentence: str, q: Quantity) -> bool:
    """'surpassed the $30 billion mark', 'remaining above 4.0 million units for the third straight year'."""
    before = sentence[max(0, q.start - 30) : q.start]
    if q.qualifier in ("above", "over", "below", "under"):
        before = before[: before.lower().rfind(q.qualifier)]
    if not g.THRESHOLD_BEFORE.search(before) and q.qualifier not in ("above", "below"):
        return False
    return bool(g.THRESHOLD_AFTER.match(sentence, q.end) or g.THRESHOLD_CONTEXT.search(sentence))


# Changes belong to levels ----------------------------------------------------------------------------


def _attach_changes(sentence: str, masked: str, figures: list[_Figure]) -> None:
    levels = [f for f in figures if f.role == "level"]
    rates = [f for f in figures if f.role in ("level", "share")]
    range_ends = {id(f) for f in figures if f.range_of is not None} | {
        id(f.range_of) for f in figures if f.range_of is not None
    }
    for n, figure in enumerate(figures):
        if figure.role != "change" or id(figure) in range_ends:
            continue  # a range of changes ("between 3 and 4 percent") is not one level's change
        # a change in percentage points can belong to a share: "51.6 percent of GDP, up 2.5 points"
        points = figure.change is not None and figure.change.unit == "percentage_points"
        target = _level_after(sentence, figure, figures[n + 1 :]) or _level_before(
            sentence, masked, figure, rates if points else levels
        )
        if target is not None and target.change is None:
            target.change = figure.change
            figure.attached = True
            if target.quantity.start > figure.quantity.start:
                target.named_by = figure


def _level_after(sentence: str, change: _Figure, later: list[_Figure]) -> _Figure | None:
    """'rose 5.8 percent year-on-year to $151.3 billion'."""
    if not later or later[0].role != "level":
        return None
    gap = sentence[change.quantity.end : later[0].quantity.start]
    if len(gap) > 60 or _SEMICOLON_OR_BRACKET.search(gap):
        return None
    if _COMMA_ALONE.fullmatch(gap) and sentence.rfind("(", 0, change.quantity.start) > sentence.rfind(
        ")", 0, change.quantity.start
    ):
        return later[0]  # '(up 27.3 percent, $14.8 billion)': one bracket, one item
    if _TO_LEVEL_GAP.match(gap):
        return later[0]
    # "dropped 8% year on year in the second quarter to 28.6 million units": basis and period between
    if not _TO_OR_AT.search(gap):
        return None
    bare = g.PERIOD.sub(" ", gap)
    for _name_of_basis, pattern in g.BASIS:
        bare = pattern.sub(" ", bare)
    return later[0] if bare != gap and _TO_LEVEL_GAP.match(bare) else None


def _level_before(sentence: str, masked: str, change: _Figure, levels: list[_Figure]) -> _Figure | None:
    """'USD 264.3 billion, up 12.4 percent', '$14.8 billion (up 30 percent)', '2.7 million units, were
    exported
    (down 1.7 percent)'."""
    previous = [f for f in levels if f.quantity.end <= change.cue_start]
    if not previous:
        return None
    level = previous[-1]
    gap = sentence[level.quantity.end : change.cue_start]
    gap = _GAP_PERIOD.sub(" ", _GAP_OF.sub(" ", _GAP_ASIDE.sub(" ", gap), count=1))
    if len(gap) > 40 or _STOP_IN_GAP.search(gap):
        return None
    if _ATTACH_GAP.match(gap):
        return level
    # A passive ("were exported") may come between; a new subject with its own verb may not.
    words = gap.strip(" ,([").lower()
    if g.PASSIVE_AFTER.match(words) and not _CONJUNCTION.search(words):
        return level
    return None


# Names -------------------------------------------------------------------------------------------------


def _masked(sentence: str) -> str:
    """The sentence with brackets, relative clauses, appositives and a news dateline blanked (same length):
    a subject is never inside them."""
    masked = _DATELINE.sub(lambda m: " " * len(m.group(0)), sentence)
    for _ in range(3):
        new = _PAREN.sub(lambda m: " " * len(m.group(0)), masked)
        if new == masked:
            break
        masked = new
    if "--" in masked or "—" in masked:  # "shipments to China -- its largest market -- jumped ..."
        masked = _DASH_ASIDE.sub(lambda m: " " * len(m.group(0)), masked)
    return _RELATIVE.sub(lambda m: " " * len(m.group(0)), masked)


_DASH_ASIDE = re.compile(r"\s(?:--|—)\s[^\d]*?\s(?:--|—)\s")


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
        return
    if figure.role == "level" and figure.quantity.kind == "count":
        described = DESCRIBED_COUNT.match(sentence, figure.quantity.end)
        if described:  # "1,400 Australian businesses": the count names what it counts
            figure.subject = _lower_first(" ".join(described.group(0).split()))
            return
    if figure.role == "level":
        after = _NP_AFTER_LEVEL.match(sentence, figure.quantity.end)
        if after and not _NOT_SUBJECT.search(after.group("np")):
            named = _clean_np(after.group("np"))
            if named and named.lower() in ("surplus", "deficit"):
                named = _balance_name(named, base, context)
            figure.subject = _with_topic(named, context)
            if figure.subject:
                return
        low = max(0, figure.quantity.start - 90)
        has_with = sentence.find("with ", low, figure.quantity.start) != -1
        absolute = _WITH_NP_TO.search(sentence, low, figure.quantity.start) if has_with else None
        if absolute:  # "..., with the travel deficit narrowing to $0.9 billion"
            named = _clean_np(absolute.group("np"))
            if named and not _NOT_SUBJECT.search(named):
                figure.subject = _with_topic(named, context)
                return
        won = _WON_FOR.search(sentence, max(0, figure.quantity.start - 40), figure.quantity.start)
        if won:
            figure.subject = won.group("what").lower()
            return
        of_subject = _np_of_level(sentence, figure, base, context)
        if of_subject:
            figure.subject = of_subject
            return
        units_of = _units_of(sentence, figure, base)
        if units_of:
            figure.subject = units_of
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


@lru_cache(maxsize=16)
def _marks(masked: str) -> _Marks:
    verbs = tuple((m.start(), m.end()) for m in g.VERB.finditer(masked))
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
        start = b_end
    return start


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
    verbs = [v for v in _marks(masked).verbs_between(clause, at) if not _inside_figure(v[0], figures)]
    flow = _ACTIVE_FLOW.search(masked, clause, at + 8) if _FLOW_HINT.search(masked, clause, at) else None
    if flow and (not verbs or flow.start() < verbs[0][0]):
        return _with_topic(g.NOMINAL[flow.group(1).lower()], context)
    if verbs:
        phrase = masked[clause : verbs[0][0]]
        subject = _clean_np(phrase)
        # "while those to the U.S. gained": read before the cleaning drops "those"
        those = _THOSE.match(subject or "")
        if those is None and ("those" in phrase or "that " in phrase or "ones" in phrase):
            raw = _CONNECTIVES.sub("", " ".join(_INCLUDING.sub(" ", phrase).split())).rstrip(" ,")
            those = _THOSE.match(raw)
        if those and (earlier or context.subject):
            place = canonical_subject(those.group("rest").strip(" ,"))
            return f"{_strip_place(earlier or context.subject or '')} {place}"
        if subject and subject.lower() not in g.PRONOUNS:
            if " and " in subject and _RESPECTIVELY.search(sentence):
                subject = _respective(subject, figure, figures, clause, at)
            return _with_topic(subject, context)
        if subject and subject.lower() in g.PRONOUNS:
            return context.subject
    passive = g.PASSIVE_AFTER.match(masked[figure.quantity.end : figure.quantity.end + 60].lstrip(" ,"))
    if passive:
        return _with_topic(g.NOMINAL[passive.group("verb").lower()], context)
    leading = _clean_np(_DIRECTION_TAIL.sub("", masked[clause:at]))
    if leading and _head_of(leading) and len(leading.split()) <= 6:
        return _with_topic(leading, context)
    if figure.role == "level":
        after = _NP_IN_AFTER_LEVEL.match(sentence, figure.quantity.end)
        if after and not g.PERIOD.fullmatch(after.group("np")):  # "in August" is a period, not a name
            named = _clean_np(after.group("np"))
            if named and not _NOT_SUBJECT.search(named):
                return named
    figure.notes.add(confidence.SUBJECT_OF_NEIGHBOUR if earlier else confidence.SUBJECT_CARRIED)
    return earlier or context.subject


def _inside_figure(position: int, figures: list[_Figure]) -> bool:
    return any(f.quantity.start <= position < f.quantity.end for f in figures)


def _respective(subject: str, figure: _Figure, figures: list[_Figure], clause: int, at: int) -> str:
    """'ICT exports and imports ... $30.0 billion and $14.9 billion, respectively': k-th level, k-th name."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", subject) if p.strip()]
    if len(parts) < 2:
        return subject
    same_kind = [f for f in figures if f.role == figure.role and f.quantity.start >= clause]
    k = same_kind.index(figure) if figure in same_kind else 0
    k = min(k, len(parts) - 1)
    first_words = parts[0].split()
    chosen = parts[k]
    if k > 0 and len(chosen.split()) == 1 and len(first_words) > 1:
        chosen = " ".join([*first_words[:-1], chosen])  # the shared modifier: "ICT exports and imports"
    return chosen


# "The ministry expects exports (to grow)": the object of a forecast verb is the subject of the figure.
_REPORTING_PREFIX = re.compile(
    r"^.*?\b(?:expects|projects|forecasts|predicts|sees|anticipates|estimates|said|says|announced|reported)\s+"
    r"(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+)?(?:that\s+)?"
    r"(?=\S)",
    re.I,
)
# "the first estimate for euro area exports": the estimate is of the subject
_ESTIMATE_OF = re.compile(
    r"^(?:the\s+)?(?:(?:first|preliminary|flash|latest|final|revised|advance)\s+)?(?:estimate|reading|data)\s+"
    r"(?:for|of|on)\s+",
    re.I,
)
# "two-way trade between A and B", "throughput at the country's ports", "cargo handled at all ports":
# the relation or place after the head is not part of the name.
_NP_TAIL = re.compile(
    r"(?<=\w)\s+(?:(?:handled|recorded|processed|registered)\s+)?(?:between|at|among)\s+\S.*$"
    r"|(?<=\w)\s+(?:in|by)\s+(?:value|volume|dollar|nominal|real)(?:\s+terms)?$",
    re.I,
)


@lru_cache(maxsize=2048)
def _clean_np(phrase: str) -> str | None:
    """The analyst's name for a noun phrase: no intro, possessive country, period, article or adverb."""
    phrase = _INTERJECTION.sub(" ", phrase)
    phrase = _INCLUDING.sub(" ", phrase)
    phrase = _REPORTING_PREFIX.sub("", phrase)
    phrase = _ESTIMATE_OF.sub("", phrase.strip())
    phrase = _NP_TAIL.sub("", phrase)
    phrase = phrase.replace("’", "'").rstrip(" ,")
    phrase = _LAST_COMMA.split(phrase)[-1]  # "In December 2025, exports" -> "exports"; "2,711" stays whole
    phrase = " ".join(phrase.split())
    phrase = g.PERIOD_TAIL.sub("", phrase)
    phrase = g.LEADING_NOISE.sub("", phrase)
    phrase = g.TRAILING_NOISE.sub("", phrase)
    phrase = phrase.strip(" .,;:'\"")
    # "exports of goods to the rest of the world" may run longer than other names
    too_long = len(phrase.split()) > (12 if _OF_NP.match(phrase) else 8)
    if not phrase or too_long or _FIGURE_IN_NAME.search(phrase):
        return None
    for pattern, word in g.SYNONYM_PHRASES:
        phrase = pattern.sub(word, phrase)
    phrase = _of_to_modifier(phrase)
    verb = _VERB_AFTER_HEAD.search(phrase)
    if verb and g.HEAD.search(phrase[: verb.start()]):  # "export orders smashed": a verb no list knows
        phrase = phrase[: verb.start()]
    figure_word = _FIGURE_WORD_TAIL.search(phrase)
    if figure_word and g.HEAD.search(phrase[: figure_word.start()]):  # "the daily exports figure"
        phrase = phrase[: figure_word.start()]
    return _lower_first(phrase)


_FIGURE_WORD_TAIL = re.compile(r"\s+(?:figures?|tally|number|total|data|reading)$", re.I)


_VERB_AFTER_HEAD = re.compile(r"\s+[a-z]{3,}ed$")


def _of_to_modifier(phrase: str) -> str:
    """'exports of eco-friendly vehicles' -> 'eco-friendly vehicle exports'; keeps '... to China'."""
    match = _OF_NP.match(phrase)
    if not match:
        return phrase
    what, tail = match.group("what"), ""
    place = re.search(r"\s+(?:to|from)\s+\S.*$|\s+in\s+(?:the\s+)?[A-Z]\S*(?:\s+[A-Z]\S*)*$", what)
    if place:
        what, tail = what[: place.start()], place.group(0)
    head = match.group("head").lower()
    mods = match.group("mods") or ""
    if head in _MEASURES:  # "value of exports" -> "export value"; "volume of rice imports" stays a volume
        if mods or not g.HEAD.search(what):
            return phrase
        return f"{_as_modifier(what)} {head}{tail}"
    return f"{mods}{_as_modifier(what)} {head}{tail}"


_PLURAL_NOUNS = frozenset(
    {"goods", "arms", "clothes", "news", "series", "species", "means", "savings", "earnings"}
)


def _as_modifier(words: str) -> str:
    """'vehicles' -> 'vehicle', 'semiconductors' -> 'semiconductor'; 'computers and peripherals' stays."""
    parts = words.split()
    if not parts or " and " in f" {words} " or parts[-1].lower() in _PLURAL_NOUNS:
        return words
    last = parts[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "shes", "ches", "xes")) and len(last) > 5:
        last = last[:-2]  # "mattresses" -> "mattress", "switches" -> "switch"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is", "ics")) and len(last) > 3:
        last = last[:-1]
    return " ".join([*parts[:-1], last])


def _lower_first(phrase: str) -> str:
    words = phrase.split(" ")
    first = words[0]
    following_capital = len(words) > 1 and words[1][:1].isupper()
    possessive_name = len(words) > 1 and first.endswith(("'s", "’s"))  # "Canada's exports": a proper noun
    if first[:1].isupper() and first[1:2].islower() and not following_capital and not possessive_name:
        words[0] = first[0].lower() + first[1:]
    return " ".join(words)


_MEASURE_OF_FLOW = re.compile(
    r"(?:export|import|shipment|sales?|production|output)\s+(?:bill|value|volumes?|earnings|receipts|revenue|"
    r"tonnage|prices?)",
    re.I,
)


def _with_topic(subject: str | None, context: _Context) -> str | None:
    """'imports' in an ICT release -> 'ICT imports'; 'domestic sales' -> 'domestic automobile sales'."""
    if not subject or not context.topic:
        return subject
    place = _TO_PLACE.match(subject)
    if place and place.group("prep") in ("to", "from"):
        based = _with_topic(place.group("base"), context)
        return f"{based} {place.group('prep')} {place.group('place')}"
    if _MEASURE_OF_FLOW.fullmatch(subject) and context.topic.lower() not in subject.lower():
        return f"{context.topic} {subject}"  # "the import bill" in a corn release: "corn import bill"
    words = subject.split()
    head = _head_of(subject)
    if head is None or head.lower() not in g.FLOW_HEADS:
        return subject
    modifiers = words[: len(words) - len(head.split())]
    if any(w.lower() not in g.GENERIC_MODIFIERS for w in modifiers):
        return subject
    if context.topic.lower() in subject.lower():
        return subject
    return " ".join([*modifiers, context.topic, head])


@lru_cache(maxsize=4096)
def _head_of(subject: str) -> str | None:
    place = _TO_PLACE.match(subject)
    if place and place.group("prep") in ("to", "from"):
        subject = place.group("base")
    match = g.HEAD.search(subject)
    return match.group(0) if match else None


def _topic(subject: str, title: str) -> str | None:
    """The release's own product, from its first level when the title names it too: 'ICT', 'automobile'."""
    head = _head_of(subject)
    if head is None or head.lower() not in g.FLOW_HEADS:
        return None
    words = [
        w
        for w in subject.split()[: len(subject.split()) - len(head.split())]
        if w.lower() not in g.GENERIC_MODIFIERS
    ]
    if not words or len(words) > 3:
        return None
    topic = " ".join(words)
    return topic if topic.lower() in title.lower() else None


def _np_of_level(sentence: str, figure: _Figure, base: str | None, context: _Context) -> str | None:
    """'resulting in a trade surplus of $113.0 billion' -> 'trade surplus' ('a record high of' is no name);
    'bringing the trade surplus to $9.77 billion' -> 'trade surplus'."""
    before = sentence[max(0, figure.quantity.start - 60) : figure.quantity.start]
    if not _OF_OR_TO_WORDS.intersection(before[-40:].lower().split()[-4:]):
        return None
    match = _NP_OF_LEVEL.search(before)
    raised = None if match else _NP_TO_LEVEL.search(before)
    match = match or raised
    if not match:
        return None
    np = _clean_np(before[match.start("np") : match.end("np")])  # the text's own case, not the match's
    # "expand trade insurance to", "sets total expenditure at": the verb's object is named, whatever its head
    if not np or _NOT_SUBJECT.search(np) or not (g.HEAD.search(np) or (raised and len(np.split()) <= 4)):
        return None
    if np.lower() in ("surplus", "deficit"):
        return _balance_name(np, base, context)
    return _with_topic(np, context)


# An economy: a proper name ("Japan", "the EU") or an area, region, union ... ("the euro area").
_ECONOMY = re.compile(r"^(?:the\s+)?[A-Z]|\b(?:area|region|zone|union|bloc|country|nation|economy)$")
_BALANCE_OWNER = re.compile(r"^(?P<owner>.+?)\s+(?P<what>balance|account|surplus|deficit)$", re.I)


def _balance_name(word: str, base: str | None, context: _Context) -> str:
    """Whose surplus or deficit: the clause's account or balance ('the services account posted a deficit
    of' -> 'services account deficit', 'the fiscal balance will post a deficit of' -> 'fiscal balance
    deficit'), else the balance the release last named ('the surplus reached' after 'current account
    surplus' -> 'current account surplus'), else the trade balance."""
    word = word.lower()
    owner = _BALANCE_OWNER.match(base or "")
    if owner and owner.group("what").lower() == "account":
        return f"{base} {word}"
    if owner and owner.group("what").lower() == "balance":
        return f"{owner.group('owner')} {word}"
    if base and _head_of(base) is None and len(base.split()) <= 3 and _ECONOMY.search(base):
        return f"{base} trade {word}"  # "the euro area recorded a surplus of" -> "euro area trade surplus"
    if context.balance_owner:
        return f"{context.balance_owner} {word}"
    return f"trade {word}"


def _units_of(sentence: str, figure: _Figure, base: str | None) -> str | None:
    """'30,000 units of imported vehicles' (in a sentence on sales) -> 'imported vehicle sales'."""
    if figure.quantity.kind != "count":
        return None
    match = _UNITS_OF.match(sentence, figure.quantity.end)
    if not match:
        return None
    what = _as_modifier(match.group("np").strip())
    head = _head_of(base or "")
    return f"{what} {head}" if head else what


def _breakdown(subject: str, dimension: str | None, context: _Context) -> tuple[str, str | None, str | None]:
    """'ICT exports to China' -> member 'China' (destination); under 'By product', 'semiconductor exports'
    -> member 'semiconductor'."""
    place = _TO_PLACE.match(subject)
    if place and place.group("prep") in ("to", "from"):
        member = _THE.sub("", place.group("place"))
        dim = (
            dimension
            if _is_place(dimension)
            else ("destination" if place.group("prep") == "to" else "origin")
        )
        return subject, member, dim
    if dimension and not _is_place(dimension):
        head = _head_of(subject)
        if head:
            member = subject[: len(subject) - len(head)].strip()
            if member and member.lower() not in g.GENERIC_MODIFIERS:
                return subject, member, dimension
    return subject, None, None


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


_SHARE_OF_LEVEL_GAP = re.compile(r"\s*(?:\(|,\s*(?:or|equal\s+to|equivalent\s+to)?)\s*", re.I)
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
        for delimiter in _LIST_DELIMITER.finditer(sentence, max(0, opening - 60), opening):
            match = _LIST_NAME.fullmatch(sentence, delimiter.end(), opening + 1)
            if match:
                name = match.group("name").strip()
    if not name or g.PERIOD.fullmatch(name):
        return None  # "compared with December 2024 (EUR 234.2 bn)": a period, not a member
    if sentence[:opening].strip() == name and name[:1].isupper() and not name.isupper():
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


def _name_member(
    sentence: str, figure: _Figure, item: str, base: str | None, dimension: str | None, context: _Context
) -> None:
    base = base or context.subject or ""
    head = _head_of(base) or _head_of(context.lead or "") or ""  # never a headless name: "Apple Samsung"
    member = _THE.sub("", item)
    cleaned = _clean_np(member) or member
    if g.HEAD.search(cleaned):
        figure.subject = _with_topic(cleaned, context)
        figure.member, figure.dimension = None, dimension
        sub, mem, dim = _breakdown(figure.subject or cleaned, dimension or "item", context)
        figure.member, figure.dimension = mem, dim
        return
    placed = _TO_PLACE.match(base)
    if dimension is None and placed and placed.group("prep") in ("to", "from") and member[:1].isupper():
        # "Shipments to Chile rose ..., overtaking Peru (...)": the member is a place like the base's
        dimension = "destination" if placed.group("prep") == "to" else "origin"
    if dimension is None:
        dimension = "destination" if _PLACE_LIST.search(sentence) else "item"
    if _is_place(dimension):
        prep = "from" if dimension in ("origin", "source") else "to"
        figure.subject = f"{_strip_place(base)} {prep} {member}".strip()
    else:
        modifier = member if member[:1].isupper() else _as_modifier(member)
        figure.subject = f"{modifier} {_bare_head(base, head)}".strip()
    figure.member, figure.dimension = member, dimension


def _placed(base: str) -> bool:
    """'visitors from Chile', 'shipments to Peru': a name with a place after it."""
    place = _TO_PLACE.match(base)
    return bool(place and place.group("prep") in ("to", "from"))


def _strip_place(base: str) -> str:
    place = _TO_PLACE.match(base)
    return place.group("base") if place else base


def _bare_head(base: str, head: str) -> str:
    """'production' stays; the topic is not repeated for a model ('Trax production')."""
    return head


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


# Periods ---------------------------------------------------------------------------------------------


def _periods(sentence: str, context: _Context, masked: str | None = None) -> list[tuple[int, int, str, bool]]:
    """(start, end, period, is_base) for each period phrase; dates ('January 15, 2026') and periods in
    brackets ('(23.0 days this year versus ...)') are left out."""
    found = []
    for match in g.PERIOD.finditer(sentence):
        if match.group("date"):
            continue
        if masked is not None and masked[match.start()] == " " and sentence[match.start()] != " ":
            continue
        period = _period_value(match, context)
        if period is None:
            continue
        before = sentence[max(0, match.start() - 40) : match.start()]
        if match.group("range") or match.group("yrange") or match.group("days"):
            kind = ""  # "from January to November", "from 2026 to 2030": the figure's own span
        elif g.BASE_BEFORE.search(before):
            kind = "base"
        elif _LOCAL_PERIOD.search(before):
            kind = "local"
        elif _TARGET_BEFORE.search(before):
            kind = "target"  # "35 percent by 2030": the figure's period, not the release's
        else:
            kind = ""
        found.append((match.start(), match.end(), period, kind))
    return found


def _period_value(match: re.Match[str], context: _Context) -> str | None:
    year = _context_year(context)
    if match.group("days") or match.group("firstdays") or match.group("cited"):
        return _part_month(match, context)
    if match.group("range"):
        y = int(match.group("ry")) if match.group("ry") else year
        m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
        if m1 and m2 and m2 == m1 + 2 and m1 % 3 == 1 and _QUARTER_NEXT.match(match.string, match.end()):
            return f"{y}-Q{m2 // 3}"  # "the January-March quarter"
        if m1 and m2 and m2 < m1:  # "April-March": a fiscal year, ending in the year given
            return f"{y - 1}-{m1:02d}/{y}-{m2:02d}" if match.group("ry") else f"{y}-{m1:02d}/{y + 1}-{m2:02d}"
        return f"{y}-{m1:02d}/{y}-{m2:02d}" if m1 and m2 else None
    if match.group("firstn"):
        y = int(match.group("fy")) if match.group("fy") else year
        n = int(match.group("fn")) if match.group("fn").isdigit() else g.COUNTS[match.group("fn").lower()]
        last = n * 3 if match.group("fu").lower().startswith("quarter") else n
        return f"{y}-01/{y}-{last:02d}" if last <= 12 else None
    if match.group("upto"):
        return _months_to(match, context)
    if match.group("half"):
        y = int(match.group("hy")) if match.group("hy") else year
        return f"{y}-H{g.ORDINALS[match.group('hn').lower()]}"
    if match.group("hcode"):
        y = int(match.group("hcy")) if match.group("hcy") else year
        return f"{y}-H{match.group('hc')}"
    if match.group("quarter"):
        y = int(match.group("qy")) if match.group("qy") else year
        return f"{y}-Q{g.ORDINALS[match.group('qn').lower()]}"
    if match.group("qcode"):
        y = int(match.group("qcy")) if match.group("qcy") else year
        return f"{y}-Q{match.group('qc')}"
    if match.group("month"):
        name = match.group("mn")
        if name == "May" and not match.group("my") and match.start() == 0:
            return None
        if not name[:1].isupper():
            return None
        month = _month(name)
        if month is None:
            return None
        y = int(match.group("my")) if match.group("my") else _year_for_month(month, context)
        return f"{y}-{month:02d}"
    if match.group("yrange"):
        first, last = int(match.group("y1")), int(match.group("y2"))
        return f"{first}-01/{last}-12" if first < last else None
    if match.group("year"):
        return match.group("yy")
    if match.group("yend"):  # "by year-end": the end of the release's own year
        return str(context.published.year)
    if match.group("ytd"):  # January to the month the release is about
        running = context.period or context.title_period or ""
        if _MONTH_PERIOD.fullmatch(running):
            year, month = running[:4], running[5:]
        else:
            year, month = str(context.published.year), f"{context.published.month:02d}"
        return f"{year}-{month}" if month == "01" else f"{year}-01/{year}-{month}"
    if match.group("rel"):
        which, unit = match.group(0).lower().split()[0], match.group("rw").lower()
        back = 0 if which == "this" else 1
        published = context.published
        if unit == "year":
            return str(published.year - back)
        month = published.month - back
        return f"{published.year - (month < 1)}-{(month - 1) % 12 + 1:02d}"
    return None


_QUARTER_NEXT = re.compile(r"\s+quarter\b", re.I)
_DAY_COUNTS = {"ten": 10, "twenty": 20}


def _part_month(match: re.Match[str], context: _Context) -> str | None:
    """'Dec. 1-20' / 'the first 20 days of December' -> '2024-12-01/2024-12-20'; 'the 20-day period' and
    'the cited period' -> the part of a month the release is already about."""
    if match.group("cited"):
        running = context.period or ""
        return running if _DAY_SPAN.fullmatch(running) else None
    if match.group("days"):
        month, first, last = _month(match.group("dm")), int(match.group("d1")), int(match.group("d2"))
        year = int(match.group("dy")) if match.group("dy") else None
    else:
        count = match.group("fdn")
        first, last = 1, int(count) if count.isdigit() else _DAY_COUNTS[count.lower()]
        month = _month(match.group("fdm")) if match.group("fdm") else None
        year = int(match.group("fdy")) if match.group("fdy") else None
        if month is None:
            running = context.period or context.title_period or ""
            if _MONTH_PERIOD.fullmatch(running) and not match.group("fdthis"):
                year, month = int(running[:4]), int(running[5:])
            else:
                year, month = context.published.year, context.published.month
    if month is None or last <= first:
        return None
    year = year or _year_for_month(month, context)
    try:
        return f"{date(year, month, first).isoformat()}/{date(year, month, last).isoformat()}"
    except ValueError:
        return None  # "February 1-30": no such days


_DAY_SPAN = re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}")


def _months_to(match: re.Match[str], context: _Context) -> str | None:
    """'three months to September 2025' -> '2025-Q3'; 'twelve months to Sept 2025' -> '2024-10/2025-09'."""
    words = match.group("un").lower()
    n = int(words) if words.isdigit() else g.COUNTS[words]
    month = _month(match.group("um"))
    if month is None:
        return None
    y = int(match.group("uy")) if match.group("uy") else _year_for_month(month, context)
    if n == 3 and month % 3 == 0:
        return f"{y}-Q{month // 3}"
    if n == 6 and month % 6 == 0:
        return f"{y}-H{month // 6}"
    if n == 12 and month == 12:
        return str(y)
    first = month - n + 1
    start_year = y if first >= 1 else y - 1
    return f"{start_year}-{(first - 1) % 12 + 1:02d}/{y}-{month:02d}"


def _month(name: str) -> int | None:
    return g.MONTHS.get(name.lower().rstrip("."))


def _context_year(context: _Context) -> int:
    for period in (context.period, context.title_period):
        if period and period[:4].isdigit():
            return int(period[:4])
    return context.published.year


def _year_for_month(month: int, context: _Context) -> int:
    """The year of a month named without one: the title's, else that of the latest such month on or
    before the release ('In August' in an October 2021 release is August 2021, whatever year an
    earlier sentence named: 'In April 2020, ...' is background, not the release's running year)."""
    title = context.title_period
    if title and title[:4].isdigit():
        year = int(title[:4])
        # "from $63.3 billion in December" in a January 2026 release published in March: 2025
        return year - 1 if (year, month) > (context.published.year, context.published.month) else year
    published = context.published
    return published.year - 1 if month > published.month else published.year


def _period_of(
    sentence: str,
    figure: _Figure,
    periods: list[tuple[int, int, str, bool]],
    primary: tuple[int, int, str, bool] | None,
    context: _Context,
    others: list[_Figure] = (),
    compared: frozenset[int] = frozenset(),
) -> str:
    q = figure.quantity
    for start, _end, period, is_base in periods:
        if start >= q.end and is_base != "base" and g.PERIOD_RIGHT_AFTER.match(sentence[q.end : start]):
            return period
    earlier = _EARLIER_LEVEL.match(sentence, q.end)
    if (
        figure.role in ("level", "share")
        and earlier
        and _COMPARED_BEFORE.search(sentence[max(0, q.start - 20) : q.start])
    ):
        current = primary[2] if primary else (context.period or context.title_period)
        shifted = _shift(current, months=1 if earlier.group("month") else 12)
        if shifted:
            return shifted
    # A period right after an earlier figure is that figure's ("from a surplus of $0.4 billion in October
    # to a deficit of $1.2 billion"): the later figure does not inherit it.
    taken = (
        {
            p[0]
            for p in periods
            if p[1] <= q.start
            and _THEN_TO.match(sentence, p[1], q.start)
            and any(_owns_period(sentence, f, p) for f in others if f is not figure)
        }
        if len(others) > 1
        else set()
    )
    # "narrowed to $96.7 billion from $102.4 billion in September": the compared level's period is its own
    taken |= compared
    before = [p for p in periods if p[1] <= figure.cue_start and p[3] in ("", "target") and p[0] not in taken]
    if before:
        return before[-1][2]
    later_target = primary is not None and primary[3] == "target" and primary[0] > q.end
    if later_target and _verb_between(sentence, q.end, primary[0]):
        primary = None  # "shipped 21.5 GWh ... and expects ... by year-end": another clause's target
    if primary is not None and primary[0] not in compared and (primary[0] not in taken or primary[0] > q.end):
        return primary[2]
    if primary is not None and context.period is None and context.title_period is None:
        return primary[2]
    return context.period or context.title_period or f"{context.published.year}-{context.published.month:02d}"


_THEN_TO = re.compile(r"\s*,?\s*(?:and\s+)?to\b")


def _compared_periods(
    sentence: str, figures: list[_Figure], periods: list[tuple[int, int, str, str]]
) -> frozenset[int]:
    """Starts of the periods right after a level compared with ('from $102.4 billion in September')."""
    levels = [
        f
        for f in figures
        if f.role == "level"
        and _COMPARED_WITH.search(sentence, max(0, f.quantity.start - 30), f.quantity.start)
    ]
    return frozenset(p[0] for p in periods for f in levels if _owns_period(sentence, f, p))


def _verb_between(sentence: str, start: int, end: int) -> bool:
    return g.VERB.search(sentence, start, end) is not None


def _owns_period(sentence: str, figure: _Figure, period: tuple[int, int, str, str]) -> bool:
    end = figure.quantity.end
    if period[0] < end or period[3] == "base":
        return False
    return bool(g.PERIOD_RIGHT_AFTER.match(sentence[end : period[0]]))


def _shift(period: str | None, months: int) -> str | None:
    """The period a comparison level is for: a year back ('2026-03' -> '2025-03', '2026-01/2026-09' ->
    '2025-01/2025-09', '2025' -> '2024') or, for a month, one month back ('2026-03' -> '2026-02')."""
    if not valid_figure_period(period):
        return None
    found = figure_period(period or "")
    if months == 12:
        return found.year_before().key
    return found.previous().key if months == 1 and found.kind == "month" else None


def _title_period(release: Release) -> str | None:
    context = _Context(release.published, None)
    title = normalize(release.title or "")
    for start, _end, period, is_base in _periods(title, context):
        if not is_base:
            return period
        del start
    return None


# Records ---------------------------------------------------------------------------------------------


def _mark_record(sentence: str, masked: str, figure: _Figure) -> None:
    """A level its own clause calls a record; the sentence is known to hold a record word (_RECORD_HINT)."""
    if figure.role != "level":
        return
    before = sentence[max(0, figure.quantity.start - 40) : figure.quantity.start]
    if g.PREVIOUS_RECORD.search(before):
        figure.previous_record = True
        return
    clause = _clause_start(masked, figure.quantity.start)
    end = _clause_end(masked, figure.quantity.end)
    if g.RECORD.search(sentence, clause, end):
        figure.record = True


def _clause_end(masked: str, at: int) -> int:
    match = _CLAUSE_END.search(masked, at)
    return match.start() if match else len(masked)


def _record_claim(sentence: str, primary: tuple[int, int, str, bool] | None, context: _Context) -> None:
    """'This marked a new all-time high.' / 'Annual ICT exports reached an all-time high.' with no figure:
    the record belongs to the figure of that subject stated before."""
    if (
        not context.metrics
        or not g.RECORD.search(sentence)
        or re.search(r"\b(?:previous|not|no)\b", sentence)
    ):
        return
    verb = g.VERB.search(sentence)
    if verb is None:
        return
    # The record must be what the main clause says ("... reached an all-time high"), not an aside after
    # a comma ("... extended their upward trend, recording an all-time monthly high").
    main_end = sentence.find(",", verb.end())
    if not g.RECORD.search(sentence, verb.start(), main_end if main_end != -1 else len(sentence)):
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
