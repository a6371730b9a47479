"""The text layer every extractor reads through: one sentence splitter, one tokenizer.

Scraped releases are not tidy prose. Pages lose the space after a full stop when paragraphs are
joined ("... the Korea Customs Service.Imports jumped ..."), abbreviations end in full stops ("U.S.",
"No. 1", "Dec. 1-20", "Jan.-Nov."), and figures carry decimal points. `sentences` cuts a body into
sentence spans with all of that in mind; the words it needs (abbreviations, words that start a
sentence, month names) are data in `text_words.toml`.

    sentences("Exports rose.Imports fell 2.5% in the U.S. market.") -> [(0, 13), (13, 51)]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MAX_SENTENCE = 2000  # characters: no real sentence is longer; a run-on text is read in pieces this long

_WORDS_FILE = Path(__file__).with_name("text_words.toml")


@dataclass(frozen=True)
class Words:
    """The word lists of `text_words.toml`."""

    abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    months: dict[str, int]  # "dec" -> 12, "december" -> 12 (lower-cased)


@cache
def word_lists(name: str) -> dict[str, Any]:
    """A word-list file beside the extractors, read once: word_lists("text_words.toml")["months"]."""
    return tomllib.loads(Path(__file__).with_name(name).read_text(encoding="utf-8"))


@cache
def words() -> Words:
    """The text layer's word lists, read once."""
    data = word_lists(_WORDS_FILE.name)
    months: dict[str, int] = {}
    for number, names in enumerate(data["months"].values(), start=1):
        for name in names:
            months[name.lower()] = number
    return Words(frozenset(data["abbreviations"]), frozenset(data["sentence_starters"]), months)


# A candidate boundary: a stop, closing quotes or brackets, then (maybe no) space and the next word.
_BOUNDARY = re.compile(
    # "... 8.68 billion dollars. - The goods account ...": a list's bullet may open the next sentence
    r"(?P<stop>[.!?])(?P<close>[\"'”’)\]]*)(?P<gap>\s*)(?=(?:[-–—•▪■□◦*]\s+)?[\"“‘(\[]?(?P<next>[A-Z0-9][\w’'-]*))"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*|\n[ \t]*(?=[•▲△■□○●◆◇※·▶-]\s)")
_POSSESSIVE = ("'s", "’s")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’]*)$")
_INITIALS = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b[A-Z]\.)$")
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’]*(?:[.-][\w'’]+)*")


@dataclass(frozen=True)
class Token:
    """One word or number of a text, with its place: `Token("U.S", 10, 13)`."""

    text: str
    start: int
    end: int


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and numbers of text[start:end], with offsets into text.

    tokens("Dec. 1-20 exports") -> [Token("Dec", 0, 3), Token("1-20", 5, 9), Token("exports", 10, 17)]
    """
    end = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def sentences(text: str, max_length: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """Sentence spans of text, trimmed of white space, each at most max_length characters.

    A full stop glued to the next sentence ("Service.Imports") ends a sentence; one after an
    abbreviation ("U.S.", "No.", "Dec.") does not unless a word that starts sentences follows it.
    """
    cuts = [0]
    for paragraph in _PARAGRAPH.finditer(text):
        cuts.append(paragraph.start())
    for match in _BOUNDARY.finditer(text):
        if _ends_sentence(text, match):
            cuts.append(match.end("close"))
    cuts.append(len(text))
    cuts.sort()
    spans = []
    for begin, finish in zip(cuts, cuts[1:], strict=False):
        begin, finish = _trimmed(text, begin, finish)
        if finish > begin:
            spans.extend(_bounded(text, begin, finish, max_length))
    return spans


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if not match.group("gap") and match.group("next")[0].isdigit():
        return False  # "5.2", "No.1": a decimal point or a numbered item, never a sentence end
    before = text[max(0, match.start() - 12) : match.start() + 1]
    if match.group("stop") == "." and _abbreviated(before):
        following = match.group("next")
        # "... and SK Hynix Inc. Korea's total exports reached ...": a possessive name opens a sentence
        possessive = bool(match.group("gap")) and following.endswith(_POSSESSIVE)
        return following in words().sentence_starters or possessive
    return bool(match.group("gap")) or _glued_end(text, match)


def _abbreviated(before: str) -> bool:
    """Does the text up to and including a full stop end in an abbreviation ("U.S.", "Mr.", "No.")?"""
    ends_a_word = before[-2:-1].islower() and before[-3:-2].isalpha()  # "rose.": no initials to test
    if not ends_a_word and _INITIALS.search(before):
        return True
    word = _WORD_BEFORE.search(before[:-1])
    return bool(word) and word.group(1) in words().abbreviations


def _glued_end(text: str, match: re.Match[str]) -> bool:
    """'Service.Imports', '7.5 percent.The', '(yoy).Exports': a stop with no space after it ends a
    sentence when a capitalized word follows and what precedes is a word, a figure's end or a bracket."""
    following = match.group("next")
    if len(following) < 2 or not (following[0].isupper() and following[1].islower()):
        return False  # "5.2", "1,743.5bn", "U.S.A", "Co.KR": not a new sentence
    start = match.start()
    before = text[max(0, start - 2) : start]
    if len(before) < 2:
        return False
    return (before.isalpha() and before.islower()) or before[-1].isdigit() or before[-1] in ")%]\"”’"


_BULLETS = frozenset("-–—•·▪■□◦*")


def _trimmed(text: str, begin: int, finish: int) -> tuple[int, int]:
    """The span without white space at its ends, nor a list's bullet at its start ("- The goods account")."""
    while begin < finish and text[begin].isspace():
        begin += 1
    if finish - begin > 2 and text[begin] in _BULLETS and text[begin + 1].isspace():
        begin += 1
        while begin < finish and text[begin].isspace():
            begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return begin, finish


def _bounded(text: str, begin: int, finish: int, max_length: int) -> list[tuple[int, int]]:
    """A span longer than max_length cut at a comma or space, so a 1 MB run-on body stays linear."""
    result = []
    while finish - begin > max_length:
        cut = max(text.rfind(", ", begin, begin + max_length), text.rfind(" ", begin, begin + max_length))
        cut = cut + 1 if cut > begin else begin + max_length
        piece = _trimmed(text, begin, cut)  # a cut after the space ends the piece on it: trimmed off
        if piece[1] > piece[0]:
            result.append(piece)
        begin, _ = _trimmed(text, cut, finish)
    if finish > begin:
        result.append((begin, finish))
    return result


def month_number(name: str) -> int | None:
    """month_number("Sept") -> 9; month_number("Dec.") -> 12; None for a word that is no month."""
    return words().months.get(name.rstrip(".").lower())


_ACRONYM = re.compile(r"\(\s*(?P<acronym>[A-Z][A-Za-z]{1,7}?)s?\s*\)")
_FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "&", "in", "on"})


def acronyms_defined(text: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The abbreviations a text defines in brackets, as (pattern of the long name, acronym).

    acronyms_defined("foreign direct investment (FDI) rose") -> ((<"foreign direct investment">, "FDI"),)
    """
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group("acronym")
        if not any(ch.isupper() for ch in acronym[1:]) and len(acronym) > 2:
            continue  # "(Seoul)": a word, not an abbreviation
        words = tokens(text, max(0, match.start() - 120), match.start())
        long_name = _long_name(words, acronym)
        if long_name:
            found.setdefault(long_name.lower(), acronym)
    return tuple(
        (re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE), acronym) for name, acronym in found.items()
    )


def _long_name(words: list[Token], acronym: str) -> str | None:
    """The words before '(ACR)' whose initials spell the acronym in order, first letters equal."""
    letters = acronym.upper()
    for size in range(min(len(words), len(letters) + 3), 1, -1):
        chosen = words[-size:]
        if chosen[0].text.lower() in _FUNCTION_WORDS:
            continue
        initials = "".join(t.text[0].upper() for t in chosen if t.text.lower() not in _FUNCTION_WORDS)
        if initials[0] == letters[0] and len(initials) >= 2 and _in_order(initials, letters):
            return " ".join(t.text for t in chosen)
    return None


def _in_order(initials: str, letters: str) -> bool:
    position = 0
    for letter in initials:
        position = letters.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True
