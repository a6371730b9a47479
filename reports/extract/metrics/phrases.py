"""Noun phrases as an analyst names them: the cleaned phrase, its head, the release's topic, the catalog's
name, the owner of a balance, the place or item it breaks down into."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale

from reports.extract import grammar as g
from reports.extract.catalog import analyst_words
from reports.extract.metrics.model import _Context
from reports.extract.metrics.words import words
from reports.extract.text import word_lists

# "..., including crude oil, gas and coal, ...": the aside runs to the list's last item
_INCLUDING = re.compile(
    # "including passenger vehicles, trucks, and buses,": every item up to the one after "and"
    r",?\s*\b(?:including|especially|notably|such\s+as)\b[^,]*(?:(?:,[^,]*?)*?,?\s+(?:and|or)\s[^,]*)?,?",
    re.I,
)
# "Imports, excluding crude oil, rose": what the subject leaves out stays in its name, as it does without
# the commas ("exports excluding ships")
_EXCLUDING_ASIDE = re.compile(r",\s*((?:excluding|except(?:\s+for)?)\s[^,]{2,50}),", re.I)


_INTERJECTION = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in\s+turn|for\s+its\s+part|in\s+particular|"
    r"as\s+a\s+result|in\s+contrast|by\s+contrast|notably|moreover|in\s+addition)\s*,",
    re.I,
)


_OF_NP = re.compile(
    r"^(?:(?P<mods>(?:[\w-]+\s+){1,2}?)(?=\S+\s+of\s)|)(?P<head>exports?|imports?|sales|production|output|"
    r"shipments?|orders|investments?|deliveries|consumption|purchases|prices?|value|volume)\s+(?:of|in)\s+"
    r"(?P<what>.+)$",
    re.I,
)


_MEASURES = words().measures
_TRAILING_ADVERB = re.compile(r"\s+[a-z]{3,}ly$")
_MEASURE_MODS = frozenset({"total", "combined", "overall", "the total", "the combined"})


_TO_PLACE = re.compile(
    r"^(?P<base>.+?)\s+(?P<prep>to|from|in)\s+(?P<place>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+(?:[A-Z][\w.’'-]*|and|of))*)$"
)


@lru_cache(maxsize=64)
def _to_place(subject: str) -> re.Match[str] | None:
    """_TO_PLACE.match(subject), kept for the subjects asked again: the rules of a sentence test the same few
    subjects for their place some twenty times a release."""
    return _TO_PLACE.match(subject)


_PLACE_ALIASES = (
    (re.compile(r"\bU\.S\.?(?=$|[\s,;])|(?<=\s)US(?=$|[\s,;])"), "United States"),  # "exports to the US"
    (re.compile(r"\bU\.K\.?(?=$|[\s,;])|(?<=\s)UK(?=$|[\s,;])"), "United Kingdom"),
)


_FIGURE_IN_NAME = re.compile(
    r"[$€£¥₩%]|\d[\d,]*\.\d|\d{1,3},\d{3}|\b(?:19|20)\d{2}\b|\d+\s*(?:percent|billion|"
    r"million|trillion|thousand)",
    re.I,
)


_LAST_COMMA = re.compile(r",(?!\d{3})")


_THE = re.compile(r"^the\s+")


def _abbreviated(subject: str, acronyms: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """'information and communication technology goods exports' -> 'ICT goods exports' where the release
    wrote 'information and communication technology (ICT)'."""
    for pattern, acronym in acronyms:
        subject = pattern.sub(acronym, subject)
    return subject


def canonical_subject(subject: str) -> str:
    """The catalog's name where the text uses a synonym: 'chip exports' -> 'semiconductor exports',
    'car exports to the U.S.' -> 'automobile exports to the United States' (catalog.toml, [subject_words])."""
    if "U." in subject or " US" in subject or " UK" in subject:
        for alias, name in _PLACE_ALIASES:
            subject = alias.sub(name, subject)
    return analyst_words(subject)


def _is_place(dimension: str | None) -> bool:
    return dimension in g.PLACE_DIMENSIONS


# "The ministry expects exports (to grow)": the object of a forecast verb is the subject of the figure.
# "production in the mining, manufacturing, gas and electricity industries": industrial output, by definition
_INDUSTRIAL = re.compile(
    r"\b(?:production|output)\s+(?:in|of)\s+(?:the\s+)?mining,?\s+manufacturing,?\s+(?:and\s+)?"
    r"(?:(?:gas|electricity|power|utilities|water)(?:,?\s+(?:and\s+)?(?:gas|electricity|power|utilities|water))*)"
    r"(?:\s+(?:industries|sectors))?",
    re.I,
)
_REPORTING_PREFIX = re.compile(
    # "projects" a verb, not the noun of "investment projects have increased"
    r"^.*?\b(?:expects|projects(?!\s+(?:have|has|had|are|were|is|was|in|for|of|with|worth|from|at|on|that|which|made)\b)|forecasts|forecast(?!\s+(?:to|for|of)\b)|"
    r"predicts|sees|anticipates|estimates|said|(?:comes|came)\s+as|"  # "The result came as imports rose"
    r"says|announced|reported)\s+"
    r"(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}"
    r"(?:,\s*\d{4})?\s+)?(?:that\s+)?"
    r"(?=\S)",
    re.I,
)


# "the first estimate for euro area exports": the estimate is of the subject
_ESTIMATE_OF = re.compile(
    # "the flash estimate for exports", "the numbers for coal": what they are of
    r"^(?:the\s+)?(?:(?:first|preliminary|flash|latest|final|revised|advance)\s+)?"
    r"(?:estimate|reading|data|numbers|figures)\s+(?:for|of|on)\s+",
    re.I,
)


_PERIOD_OPENING = re.compile(r"^(?:in|during|for|over|through|throughout)\s+(?:the\s+)?", re.I)
_VALUE_OF_FLOWED = re.compile(
    r"^(?:the\s+)?(?:(?:accumulated|cumulative|total|combined)\s+)?value\s+of\s+(?:all\s+)?(?:the\s+)?"
    r"(?P<flow>exported|imported)\s+(?P<what>[A-Za-z][\w’' -]{1,40})$",
    re.I,
)
_SHIPPED = re.compile(
    r"^(?:the\s+)?(?:value\s+of\s+)?(?P<what>[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:shipped|sent|sold|exported)\s+"
    r"(?P<where>overseas|abroad|to\s+\S.*)$",
    re.I,
)
# a participle after the noun that says what it is for or where it came from, never part of its name
_REDUCED_RELATIVE = re.compile(
    r"(?<=\w)\s+(?:used|made|produced|built|manufactured|designed|destined|intended)\s+(?:for|in|by|from|with)\s+\S.*$",
    re.I,
)
# "two-way trade between A and B", "throughput at the country's ports", "cargo handled at all ports":
# the relation or place after the head is not part of the name.
_NP_TAIL = re.compile(
    # "consumer prices in Asia's fourth-largest economy": the country, by its epithet
    r"(?<=\w)\s+(?:in|of|for|from)\s+(?:the\s+)?(?:[A-Z][\w.-]*['’]s\s+|world['’]s\s+)?(?:[\w]+-)?(?:largest|biggest)"
    r"\s+economy$|"
    r"(?<=\w)\s+(?:(?:handled|recorded|processed|registered)\s+)?(?:between|at|among)\s+"
    # ... but the kind of seller is: "sales at non-store retailers", "spending at restaurants"
    r"(?!(?:[\w-]+\s+){0,3}?(?:retailers?|stores?|outlets?|shops?|dealers(?:hips)?|restaurants?|supermarkets?|"
    r"pharmacies|(?:gas|petrol|service)\s+stations?)\b)\S.*$"
    r"|(?<=\w)\s+(?:in|by)\s+(?:value|volume|dollar|nominal|real)(?:\s+terms)?$"
    # "monthly exports year-on-year": the basis, not the name
    r"|(?<=\w\w\w)\s+(?:year-on-year|on-year|month-on-month|on-month|y-o-y|yoy)$"
    # "production for the 70 countries reporting to the association": the coverage, not what is measured
    r"|(?<=\w)\s+(?:for|in|across|from)\s+(?:the\s+|all\s+)?(?:\d{1,3}\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:countries|economies|nations|member\s+states)\b.*$",
    re.I,
)


@lru_cache(maxsize=2048)
def _clean_np(phrase: str) -> str | None:
    """The analyst's name for a noun phrase: no intro, possessive country, period, article or adverb."""
    phrase = _INTERJECTION.sub(" ", phrase)
    phrase = _INDUSTRIAL.sub("industrial output", phrase)  # before a comma splits its list of industries
    if "xcluding" in phrase or "xcept" in phrase:
        phrase = _EXCLUDING_ASIDE.sub(r" \1 ", phrase)
    phrase = _INCLUDING.sub(" ", phrase)
    phrase = _REPORTING_PREFIX.sub("", phrase)
    phrase = _ESTIMATE_OF.sub("", phrase.strip())
    discourse = _DISCOURSE_TAIL.search(phrase) if "," in phrase else None
    if discourse:  # "Exports to China, the top market, also fell", "Gas imports, on the other hand, fell"
        phrase = phrase[: discourse.start()] + ","
    enclosed = phrase.rstrip().endswith(",")  # "chips, the top item, fell": the aside ends in a comma
    if not enclosed and "," in phrase and _PARTICIPLE_ASIDE.match(_LAST_COMMA.split(phrase)[-1]):
        enclosed = True  # "..., provisionally estimated at": the aside holds the figure
    phrase = phrase.replace("’", "'").rstrip(" ,")
    # "In December 2025, exports" -> "exports"; "2,711" stays whole
    phrase = _last_part(phrase) if enclosed else _LAST_COMMA.split(phrase)[-1]
    phrase = _NP_TAIL.sub("", phrase)
    phrase = " ".join(phrase.split())
    flowed = _VALUE_OF_FLOWED.match(phrase) if "ported" in phrase else None
    if flowed:  # "the accumulated value of all exported semiconductors": semiconductor exports
        flow = "exports" if flowed.group("flow").lower() == "exported" else "imports"
        phrase = f"{_as_modifier(flowed.group('what'))} {flow}"
    shipped = _SHIPPED.match(phrase)
    if shipped:  # "mobile phones shipped overseas", "ICT goods shipped to Vietnam": their exports
        where = shipped.group("where")
        phrase = f"{shipped.group('what')} exports" + (f" {where}" if where.lower().startswith("to ") else "")
    phrase = _REDUCED_RELATIVE.sub("", phrase)  # "memory chips used for servers": the chips
    # "In November new car registrations fell", "last month the country's exports": an opening period
    # with no comma after it
    opening = _PERIOD_OPENING.match(phrase)
    period = g.PERIOD.match(phrase, opening.end() if opening else 0)
    opens = period is not None and (opening is not None or period.lastgroup in ("rel", "lastm"))
    if opens and phrase.startswith(" ", period.end()) and len(phrase) > period.end() + 1:
        phrase = phrase[period.end() + 1 :]
    phrase = _PERIOD_POSSESSOR.sub("", phrase)  # "October's figures": the figures; the month is the period
    phrase = _YEAR_MODIFIER.sub("", phrase)  # "Korea's 2024 trade deficit": the year is the period
    phrase = _MONTH_MODIFIER.sub("", phrase)  # "China's October trade surplus": so is the month
    phrase = g.PERIOD_TAIL.sub("", phrase)
    phrase = g.LEADING_NOISE.sub("", phrase)
    phrase = g.TRAILING_NOISE.sub("", phrase)
    adverb = _TRAILING_ADVERB.search(phrase)
    if adverb and g.HEAD.search(phrase[: adverb.start()]):  # "the services surplus steadily widened"
        phrase = phrase[: adverb.start()]
    phrase = phrase.strip(" .,;:'\"")
    # "exports of goods to the rest of the world" may run longer than other names
    counted = g.REST_OF_WORLD.sub("elsewhere", phrase)  # "to the rest of the world": one place
    counted = _NAME_RUN.sub("Name", counted)  # "the Organization of the Petroleum Exporting Countries"
    too_long = len(counted.split()) > (12 if _OF_NP.match(phrase) else 8)
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


# After a comma, a phrase that renames the noun before it: "chips, the country's top export item,".
_APPOSITIVE = re.compile(
    r"^\s*(?:the|an?|one\s+of|among|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s)\s+\S"
)
_PARTICIPLE_ASIDE = re.compile(
    r"^\s*(?:mainly\s+|mostly\s+|largely\s+|widely\s+)?(?:used|made|produced|built|manufactured|designed|"
    r"destined|intended|known)\s+(?:for|in|by|from|with|as)\b"
    # "The value of retail sales, provisionally estimated at $33.8 billion, increased": the sales
    r"|^\s*(?:provisionally\s+|preliminarily\s+|initially\s+|officially\s+)?(?:estimated|valued|put|pegged|"
    r"calculated)\s+at\b",
    re.I,
)
_INTRODUCTION = re.compile(
    r"^\s*(?:in|by|for|on|at|during|according|as|from|after|before|since|with|over|through|amid|despite|"
    r"while|when|compared|meanwhile|however|also|moreover|but|and)\b",
    re.I,
)
_PERIOD_POSSESSOR = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d)"
    r"['’]s\s+(?=(?:figures?|data|readings?|numbers?)$)"
)
_YEAR_MODIFIER = re.compile(r"(?<![\w$€£¥₩.,-])(?:19|20)\d{2}\s+(?=[a-z])")
_MONTH_MODIFIER = re.compile(
    r"(?<='s )(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"(?=[a-z])"
)


# Words after a comma that link the clause to the one before and name nothing
_DISCOURSE_TAIL = re.compile(
    r"(?:,\s*(?:also|however|meanwhile|on\s+the\s+other\s+hand|in\s+turn|in\s+contrast|by\s+contrast|likewise|"
    r"similarly|though|too|in\s+particular|for\s+(?:its|their)\s+part|as\s+well|again|still|nonetheless|"
    r"nevertheless|moreover|furthermore|in\s+addition|additionally|instead|in\s+comparison)\s*)+,?\s*$",
    re.I,
)


def _last_part(phrase: str) -> str:
    """The comma-separated part of a noun phrase that names the figure: the last one, unless it is an
    appositive renaming the part before it ('exports of chips, one of the key items' -> the chips)."""
    parts = _LAST_COMMA.split(phrase)
    last = parts[-1]
    if len(parts) >= 2 and _PARTICIPLE_ASIDE.match(last) and parts[-2].strip():
        return parts[-2].strip()  # "lithium-ion batteries, used for phones and tablets,": the batteries
    if len(parts) < 2 or not _APPOSITIVE.match(last):
        return last
    before = parts[-2].strip()
    if not before or _INTRODUCTION.match(before) or _FIGURE_IN_NAME.search(before):
        return last
    place = _to_place(before)
    named = _of_to_modifier(place.group("base") if place else before)
    return before if g.HEAD.search(named) else last


_FIGURE_WORD_TAIL = re.compile(r"\s+(?:figures?|tally|number|total|data|reading)$", re.I)


# "export orders smashed", "exports have continued", "shipments had been": a verb no list knows
_VERB_AFTER_HEAD = re.compile(r"(?:\s+(?:ha(?:ve|s|d)(?:\s+been)?|will|would))?\s+[a-z]{3,}ed$")


# the name of an organisation: capitalised words, "of", "and" or "for" between ("the Organization of the
# Petroleum Exporting Countries", "the Bank of Korea")
_NAME_RUN = re.compile(r"\b[A-Z][\w.&'’-]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?[A-Z][\w.&'’-]*)+")


def _of_to_modifier(phrase: str) -> str:
    """'exports of eco-friendly vehicles' -> 'eco-friendly vehicle exports'; keeps '... to China'."""
    measured = _MEASURE_OF.match(phrase)
    if measured:  # "the value of imports of goods" -> "goods imports"; "the volume of ..." -> "... volume"
        inner = _of_to_modifier(measured.group("what"))
        if g.HEAD.search(_strip_place(inner)):
            return inner if measured.group("measure").lower() == "value" else f"{_as_modifier(inner)} volume"
    match = _OF_NP.match(phrase)
    if not match:
        return phrase
    what, tail = match.group("what"), ""
    if " of " in what and _NAME_RUN.fullmatch(_THE.sub("", what)):
        return phrase  # "production of the Organization of ... Countries": an owner's name, no product
    place = re.search(r"\s+(?:to|from)\s+\S.*$|\s+in\s+(?:the\s+)?[A-Z]\S*(?:\s+[A-Z]\S*)*$", what)
    if place:
        what, tail = what[: place.start()], place.group(0)
    head = match.group("head").lower()
    head = "shipments" if head == "shipment" else head  # "a shipment of resin": shipments
    mods = match.group("mods") or ""
    if head in _MEASURES:  # "value of exports" -> "exports"; "volume of rice imports" -> "rice import volume"
        if (mods and mods.strip().lower() not in _MEASURE_MODS) or not g.HEAD.search(what):
            return phrase
        if head == "value":  # the money a flow is worth is the flow, as an analyst names it
            return f"{g.LEADING_NOISE.sub('', what)}{tail}"
        return f"{_as_modifier(what)} {head}{tail}"
    return f"{mods}{_as_modifier(what)} {head}{tail}"


_PLURAL_NOUNS = words().plural_nouns
_ES_PLURALS = words().es_plurals


_MEASURE_OF = re.compile(
    r"^(?:the\s+)?(?P<measure>value|volume)\s+of\s+(?P<what>(?:\S+\s+){1,4}?of\s+.+)$", re.I
)


def _as_modifier(words: str) -> str:
    """'vehicles' -> 'vehicle', 'semiconductors' -> 'semiconductor'; 'computers and peripherals' stays."""
    parts = words.split()
    if not parts or " and " in f" {words} " or parts[-1].lower() in _PLURAL_NOUNS:
        return words
    last = parts[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "shes", "ches", "xes")) and len(last) > 5 or last.lower() in _ES_PLURALS:
        last = last[:-2]  # "mattresses" -> "mattress", "switches" -> "switch"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is", "ics")) and len(last) > 3:
        last = last[:-1]
    return " ".join([*parts[:-1], last])


def _lower_first(phrase: str) -> str:
    words = phrase.split(" ")
    first = words[0]
    following_capital = len(words) > 1 and words[1][:1].isupper()
    possessive_name = len(words) > 1 and first.endswith(("'s", "’s"))  # "Canada's exports": a proper noun
    proper = first in _proper_words()  # "China posted ...", "Korean cars": a place or its people
    named = following_capital or possessive_name or proper
    if first[:1].isupper() and first[1:2].islower() and not named:
        words[0] = first[0].lower() + first[1:]
    return " ".join(words)


@cache
def _proper_words() -> frozenset[str]:
    """One-word names of places (countries, the meeting lists' places, economic areas) and of their
    people ("Korean", "Chinese"), as written."""
    one_word = {name for name in _place_names() if " " not in name}
    return frozenset(one_word | set(word_lists("meeting_words.toml")["nationalities"]))


@cache
def _place_names() -> frozenset[str]:
    """Countries (babel's English names and the meeting lists' place words) and the economic areas of the
    word lists, as written."""
    names = {name for name in Locale("en").territories.values() if name[:1].isupper()}
    return frozenset(names | set(word_lists("meeting_words.toml")["places"]) | set(words().economic_areas))


_MEASURE_OF_FLOW = re.compile(
    r"(?:export|import|shipment|sales?|production|output)\s+(?:bill|value|volumes?|earnings|receipts|revenue|"
    r"tonnage|prices?)",
    re.I,
)


def _with_topic(subject: str | None, context: _Context) -> str | None:
    """'imports' in an ICT release -> 'ICT imports'; 'domestic sales' -> 'domestic automobile sales'."""
    if not subject or not context.topic:
        return subject
    place = _to_place(subject)
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
    place = _to_place(subject)
    if place and place.group("prep") in ("to", "from"):
        subject = place.group("base")
    match = g.HEAD.search(subject)
    return subject[match.start() : match.end()] if match else None


def _topic(subject: str, title: str) -> str | None:
    """The release's own product, from its first level when the title names it too: 'ICT', 'automobile';
    none from 'exports to China' (a place is no product)."""
    place = _to_place(subject)
    if place and place.group("prep") in ("to", "from"):
        subject = place.group("base")
    head = _head_of(subject)
    if head is None or head.lower() not in g.FLOW_HEADS:
        return None
    before_head = subject.split()[: len(subject.split()) - len(head.split())]
    owned = [n for n, w in enumerate(before_head) if w.endswith(("'s", "’s"))]
    if owned:  # "New Zealand's trade deficit": the owner is no product, nor any word of its name
        before_head = before_head[owned[-1] + 1 :]
    words = [w for w in before_head if w.lower() not in g.GENERIC_MODIFIERS and w.lower() not in _NO_TOPIC]
    if not words or len(words) > 3:  # "merchandise exports": all goods, no product
        return None
    topic = " ".join(words)
    if topic.lower() not in title.lower():
        return None
    for flow in _TITLE_FLOW_WORD.finditer(title):  # the flow the title names the topic for
        before = title[max(0, flow.start() - 40) : flow.start()].lower()
        at = before.rfind(topic.lower())
        if at != -1:
            # "exports dip ... despite strong chip sales": a chip-led aside in a release on all exports
            return None if _TITLE_ASIDE.search(before[:at]) else topic
    return None


def _title_topic(title: str) -> str | None:
    """The product a title's own subject names before its flow: 'S. Korea's Steel Exports to U.S. Drop' ->
    'steel', 'Korea's ICT exports down in April' -> 'ICT'; none where a verb, a period or a number comes
    first ('Korea's January exports reach ...', 'trade deficit balloons on a fall in chip exports')."""
    flow = _TITLE_FLOW.search(title)
    if not flow or g.VERB.search(title[: flow.start()]) or _DIGIT_OR_PERIOD.search(flow.group("topic")):
        return None
    words = [w for w in flow.group("topic").split() if not _PROPER_OR_PLACE.fullmatch(w)]
    if any(w.endswith(("'s", "’s")) for w in words):
        return None  # "New Zealand's exports down": an owner's name, not a product
    if not words or len(words) > 2 or any(w.lower() in g.GENERIC_MODIFIERS | _NO_TOPIC for w in words):
        return None
    return " ".join(w if w[1:2].isupper() else w.lower() for w in words)


_TITLE_ASIDE = re.compile(
    r"\b(?:despite|amid|on|with|as|after|while|but|led\s+by|thanks\s+to)\s+(?:\S+\s+){0,3}$"
)
_TITLE_FLOW_WORD = re.compile(r"\b(?:exports?|imports?|shipments|sales|production|output)\b", re.I)
_TITLE_FLOW = re.compile(
    r"^(?:[\w.]+\s+)?(?:[\w.]+['’]s\s+)?(?P<topic>(?:[\w.-]+\s+){1,3}?)(?P<flow>exports|imports|shipments|"
    r"production|output)\b",
    re.I,
)
_DIGIT_OR_PERIOD = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:first|second|third|fourth|half|"
    r"quarter|annual|monthly|yearly|record)\b",
    re.I,
)
_NO_TOPIC = frozenset(
    {"and", "or", "of", "the", "a", "an", "in", "for", "to", "on", "with", "by", "at", "from", "as", "its",
     "their", "exports", "imports", "export", "import", "shipments", "production", "output", "trade", "total",
     "merchandise"}
)
_PROPER_OR_PLACE = re.compile(r"(?:[A-Z]\.)+|U\.?S\.?|EU|UK|S\.")


# An economy: a proper name ("Japan", "the EU") or an area, region, union ... ("the euro area").
_ECONOMY = re.compile(r"^(?:the\s+)?[A-Z]|\b(?:area|region|zone|union|bloc|country|nation|economy)$")


_BALANCE_OWNER = re.compile(r"^(?P<owner>.+?)\s+(?P<what>balance|account|surplus|deficit)$", re.I)


_BALANCE_ON = re.compile(r"^(?:the\s+)?balance\s+(?:on|of|in)\s+(?:the\s+)?(?P<what>[\w\s&-]+?)$", re.I)


def _balance_name(word: str, base: str | None, context: _Context) -> str:
    """Whose surplus or deficit: the clause's account or balance ('the services account posted a deficit
    of' -> 'services account deficit', 'the fiscal balance will post a deficit of' -> 'fiscal balance
    deficit'), else the balance the release last named ('the surplus reached' after 'current account
    surplus' -> 'current account surplus'), else the trade balance."""
    word = word.lower()
    on = _BALANCE_ON.match(base or "")
    if on:  # "the balance on goods and services was a surplus of" -> "goods and services surplus"
        return f"{on.group('what')} {word}"
    owner = _BALANCE_OWNER.match(base or "")
    if owner and owner.group("what").lower() == "account":
        context.balance_owner = base  # a bare "deficit" later in the sentence is of it too
        return f"{base} {word}"
    if owner and owner.group("what").lower() == "balance":
        context.balance_owner = owner.group("owner")
        return f"{owner.group('owner')} {word}"
    if base and _head_of(base) is None and len(base.split()) <= 3 and _ECONOMY.search(base):
        return f"{base} trade {word}"  # "the euro area recorded a surplus of" -> "euro area trade surplus"
    if context.balance_owner:
        return f"{context.balance_owner} {word}"
    return f"trade {word}"


def _breakdown(subject: str, dimension: str | None, context: _Context) -> tuple[str, str | None, str | None]:
    """'ICT exports to China' -> member 'China' (destination); under 'By product', 'semiconductor exports'
    -> member 'semiconductor'."""
    place = _to_place(subject)
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


def _placed(base: str) -> bool:
    """'visitors from Chile', 'shipments to Peru': a name with a place after it."""
    place = _to_place(base)
    return bool(place and place.group("prep") in ("to", "from"))


def _strip_place(base: str) -> str:
    place = _to_place(base)
    return place.group("base") if place else base


def _bare_head(base: str, head: str) -> str:
    """'production' stays; the topic is not repeated for a model ('Trax production')."""
    return head


@cache
def _places_pattern() -> re.Pattern[str]:
    """The places of `_place_names`: what a figure can be stated 'in'."""
    alternatives = "|".join(re.escape(n) for n in sorted(_place_names(), key=len, reverse=True))
    return re.compile(rf"(?:the\s+)?(?P<place>{alternatives})(?![\w-])")
