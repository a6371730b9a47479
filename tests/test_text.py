"""The shared text layer: one sentence splitter and tokenizer for every extractor."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.extract.text import month_number, sentences, tokens, words


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences(text)]


def test_a_full_stop_glued_to_the_next_sentence_ends_it():
    text = "Figures came from the customs agency.Shipments abroad climbed 4.1 percent."
    assert split(text) == ["Figures came from the customs agency.", "Shipments abroad climbed 4.1 percent."]


def test_a_figure_glued_to_the_next_sentence_ends_it():
    assert split("Output grew 3%.The rest held.") == ["Output grew 3%.", "The rest held."]
    assert split("Sales reached 2,100 units.Imports fell.") == ["Sales reached 2,100 units.", "Imports fell."]


def test_decimals_and_scales_do_not_end_a_sentence():
    text = "Trade was worth £1,743.5bn and 5.2 percent more."
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Shipments to the U.S. rose by a fifth.",
        "Chips were the No. 1 export item.",
        "In the Dec. 1-20 period steel shipments fell.",
        "Jan.-Nov. exports climbed 6 percent.",
        "Mr. Park met executives of a carmaker.",
        "Hyundai Motor Co. shipped more cars.",
        "The E.U. bloc bought less steel.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text):
    assert split(text) == [text]


def test_an_abbreviation_ends_a_sentence_when_a_sentence_starter_follows():
    assert split("Chips went to the U.S. The ministry said so.") == [
        "Chips went to the U.S.",
        "The ministry said so.",
    ]


def test_an_abbreviation_ends_a_sentence_when_a_possessive_name_follows():
    assert split("The two makers are Acme Co. and Globex Inc. Chile's copper exports rose.") == [
        "The two makers are Acme Co. and Globex Inc.",
        "Chile's copper exports rose.",
    ]


def test_closing_brackets_and_quotes_stay_with_their_sentence():
    expected = ["He said (up 3%).", '"We grew."', "Then it ended."]
    assert split('He said (up 3%). "We grew." Then it ended.') == expected


def test_paragraphs_and_bullets_are_sentences_of_their_own():
    assert split("Heading\n\nExports rose") == ["Heading", "Exports rose"]
    assert split("Results:\n▲ Exports rose 2%\n▲ Imports fell 1%") == [
        "Results:",
        "▲ Exports rose 2%",
        "▲ Imports fell 1%",
    ]


def test_a_bullet_after_a_full_stop_opens_a_sentence_of_its_own_without_the_bullet():
    text = "The balance showed a surplus of 4.1 billion dollars. - The goods surplus grew. • Tin fell."
    assert split(text) == [
        "The balance showed a surplus of 4.1 billion dollars.", "The goods surplus grew.", "Tin fell.",
    ]
    assert split("Rates fell 2.5 - 3 percent.") == ["Rates fell 2.5 - 3 percent."]


def test_a_run_on_text_is_read_in_bounded_pieces():
    text = ", ".join(["exports rose 2 percent"] * 500)
    spans = sentences(text, max_length=300)
    assert all(end - start <= 300 for start, end in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_tokens_keep_abbreviations_ranges_and_decimals_whole():
    found = [t.text for t in tokens("Dec. 1-20 shipments to the U.S. rose 5.2 percent")]
    assert found == ["Dec", "1-20", "shipments", "to", "the", "U.S", "rose", "5.2", "percent"]
    assert tokens("ab cd", 3)[0].start == 3


def test_months_are_data():
    assert month_number("Sept.") == 9 and month_number("december") == 12 and month_number("Mayor") is None
    data = words()
    assert len(set(data.months.values())) == 12
    assert "U.S" not in data.abbreviations and "No" in data.abbreviations
    assert data.sentence_starters and all(word[0].isupper() for word in data.sentence_starters)


@given(st.text(alphabet=st.sampled_from(list("aZ .,!?\n()\"'1%$U.S")), max_size=300))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = sentences(text, max_length=50)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


def test_acronyms_a_text_defines_in_brackets_are_found_with_their_long_names():
    from reports.extract.text import acronyms_defined

    text = (
        "Sales of liquefied petroleum gas (LPG) rose. The Organisation for Economic Co-operation and "
        "Development (OECD) said so, in Busan (Korea), and plug-in hybrid vehicles (PHEVs) gained."
    )
    found = {acronym: pattern.pattern for pattern, acronym in acronyms_defined(text)}
    assert set(found) == {"LPG", "OECD", "PHEV"}
    assert found["LPG"].replace("\\", "") == "bliquefied petroleum gasb"


def test_a_long_run_cut_at_its_last_space_ends_on_no_space():
    text = "1" * 49 + " 1"
    assert sentences(text, max_length=50) == [(0, 49), (50, 51)]
