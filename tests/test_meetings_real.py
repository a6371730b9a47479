"""The meeting log on real releases: planned engagements, counterparts that are parties, relative dates.

Phrasing tests are sentences of our own, one per family the real readouts showed; the real-text
development set (../shared/corpora/real-text/meetings.json) is scored with a floor.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from reports import extract as extraction
from reports.briefing import build_briefing
from reports.collect.dump import parse_dump_file
from reports.config import Config, Source
from reports.extract.meetings import extract_meetings
from reports.extract.score_meetings import report, score_file
from reports.periods import parse_month
from reports.pipeline import generate
from reports.records import Meeting, Release
from reports.store import SCHEMA_VERSION, Store
from tests.conftest import ROOT

REAL = ROOT.parent / "shared" / "corpora" / "real-text" / "meetings.json"


def meetings(
    body: str, published: date = date(2026, 3, 11), title: str = "Minister's Engagements"
) -> list[Meeting]:
    """2026-03-11 is a Wednesday."""
    return extract_meetings(Release(id="r1", source="test", title=title, body=body, published=published))


def only(body: str, published: date = date(2026, 3, 11)) -> Meeting:
    found = meetings(body, published)
    assert len(found) == 1, found
    return found[0]


# Planned engagements ----------------------------------------------------------------------------------


def test_will_meet_on_a_weekday_is_planned_on_the_coming_weekday() -> None:
    m = only("Trade Minister Park Ji-ho will meet Canadian Trade Minister Elena Frost in Ottawa on Friday.")
    assert (m.counterpart, m.planned, m.date, m.location) == (
        "Elena Frost",
        True,
        date(2026, 3, 13),
        "Ottawa",
    )


def test_a_weekday_of_the_release_itself_is_that_day_for_a_plan() -> None:
    m = only("Minister Park Ji-ho is set to meet Commissioner Anna Weiss on Wednesday.")
    assert (m.planned, m.date) == (True, date(2026, 3, 11))


def test_a_held_meeting_on_a_weekday_is_the_latest_such_day_on_or_before_the_release() -> None:
    m = only("Minister Park Ji-ho met with Commissioner Anna Weiss on Thursday.")
    assert (m.planned, m.date) == (False, date(2026, 3, 5))
    same = only("Minister Park Ji-ho on Wednesday met with Commissioner Anna Weiss.")
    assert same.date == date(2026, 3, 11)


def test_is_scheduled_to_hold_talks_and_plans_to_are_planned() -> None:
    talks = only(
        "Vice Minister Oh Se-jin is scheduled to hold talks with Deputy Secretary Mark Levin on March 20."
    )
    assert (talks.kind, talks.planned, talks.date) == ("talks", True, date(2026, 3, 20))
    plan = only("They plan to attend a trade fair in Osaka and meet with Governor Hideo Sato.")
    assert (plan.counterpart, plan.planned) == ("Hideo Sato", True)


def test_an_agreed_future_meeting_is_planned_without_a_day() -> None:
    m = only(
        "Minister Park Ji-ho said on Tuesday he had agreed to an in-person meeting with his Brazilian "
        "counterpart Lucas Prado in Brasilia in the near future."
    )
    assert (m.counterpart, m.planned, m.date, m.location) == ("Lucas Prado", True, None, "Brasilia")


def test_a_planned_meeting_takes_no_day_from_an_earlier_sentence() -> None:
    found = meetings(
        "Minister Park Ji-ho will leave for Vietnam on Monday for a three-day trip. During the "
        "trip, he will hold talks with Vietnamese Industry Minister Tran Van Bao in Hanoi."
    )
    assert [(m.counterpart, m.planned, m.date) for m in found] == [("Tran Van Bao", True, None)]


def test_called_off_talks_and_an_unnamed_committee_give_nothing() -> None:
    assert (
        meetings("Ruritania has cancelled the trade talks with the European Union planned for next week.")
        == []
    )
    assert (
        meetings("The joint committee would meet next month in Geneva to review the tariff schedule.") == []
    )
    assert (
        meetings("The government will not send its vice premier to Washington to meet Treasury officials.")
        == []
    )


def test_a_speech_at_a_celebration_is_not_an_engagement() -> None:
    assert (
        meetings(
            "Ambassador Claire Dubois delivered a speech at the National Day celebrations in Seoul, "
            "saying that the negotiating teams will meet in Paris."
        )
        == []
    )


# Counterparts -----------------------------------------------------------------------------------------


def test_a_place_or_a_document_is_never_a_counterpart() -> None:
    for body in (
        "Minister Park Ji-ho visited Jeju Island on Monday.",
        "Minister Park Ji-ho visited Liaoning Province on Monday.",
        "Minister Park Ji-ho met the Comprehensive Economic Partnership Agreement on Monday.",
        "Minister Park Ji-ho met Amb. on Monday.",
    ):
        assert meetings(body) == [], body


def test_exports_met_expectations_is_no_meeting() -> None:
    assert meetings("Exports met expectations in February, and shipments met with strong demand.") == []


def test_a_group_of_lawmakers_is_the_counterpart_phrase() -> None:
    m = only(
        "Minister Park Ji-ho met with U.S. congressmen who back the trade deal in Washington on March 9."
    )
    assert (m.counterpart, m.date, m.location) == ("U.S. congressmen", date(2026, 3, 9), "Washington")


def test_an_envoy_who_calls_on_the_minister_is_the_counterpart() -> None:
    m = only(
        "Swiss Ambassador Lukas Meier on Tuesday called on Minister for Trade Park Ji-ho and discussed "
        "machinery exports."
    )
    assert (m.kind, m.official, m.counterpart) == (
        "courtesy_call",
        "Minister for Trade Park Ji-ho",
        "Lukas Meier",
    )
    assert (m.counterpart_role, m.date) == ("Swiss Ambassador", date(2026, 3, 10))


def test_the_other_side_as_subject_keeps_the_home_official() -> None:
    found = meetings(
        "Minister Park Ji-ho on Tuesday held talks with Commerce Secretary Dana Whitlock. Whitlock "
        "is also set to meet Korea's Minister of SMEs Han Mi-rae on Friday."
    )
    assert [(m.official, m.counterpart, m.planned, m.date) for m in found] == [
        ("Minister Park Ji-ho", "Dana Whitlock", False, date(2026, 3, 10)),
        ("Korea's Minister of SMEs Han Mi-rae", "Dana Whitlock", True, date(2026, 3, 13)),
    ]


def test_people_who_agreed_during_a_call_told_before_are_its_parties() -> None:
    found = meetings(
        "The trade chiefs of Korea and Chile held a phone call on Monday. Minister Park Ji-ho and "
        "Chilean Foreign Minister Rosa Vidal agreed during the call to resume negotiations."
    )
    assert [(m.official, m.counterpart, m.kind, m.date) for m in found] == [
        ("Minister Park Ji-ho", "Rosa Vidal", "call", date(2026, 3, 9))
    ]


def test_a_meeting_named_in_a_phrase_and_a_family_name_later_are_one_meeting() -> None:
    found = meetings(
        "Minister Park Ji-ho met investors in New York on Monday. Following a meeting with "
        "Orion Capital Chairman and CEO Paul Hart, Park said the fund would expand in Korea. In a "
        "statement after his meeting with Hart, Park said more was planned."
    )
    assert [(m.counterpart, m.counterpart_role, m.date) for m in found] == [
        ("Paul Hart", "Orion Capital Chairman and CEO", date(2026, 3, 9))
    ]


def test_a_summary_of_meetings_with_a_group_is_not_one_more_meeting() -> None:
    found = meetings(
        "Minister Park Ji-ho held a series of meetings with global CEOs on Monday. He spoke with "
        "Mia Torres, CEO of Atlas Freight, on port investment."
    )
    assert [(m.counterpart, m.counterpart_role) for m in found] == [("Mia Torres", "CEO of Atlas Freight")]


def test_a_roundtable_organised_by_a_council_has_the_council_as_counterpart() -> None:
    m = only(
        "Minister Park Ji-ho later spoke at a business roundtable organised by the Korea-Nordic Business "
        "Council at the Oslo Stock Exchange on March 9."
    )
    assert (m.kind, m.counterpart, m.location) == (
        "roundtable",
        "Korea-Nordic Business Council",
        "Oslo Stock Exchange",
    )


def test_an_appositive_that_is_the_next_clause_is_not_a_role() -> None:
    m = only("After a meeting with Ruth Cole, Park said the two sides would deepen ties.")
    assert (m.counterpart, m.counterpart_role) == ("Ruth Cole", None)


# Dates ------------------------------------------------------------------------------------------------


def test_yesterday_tomorrow_morning_and_a_day_prior() -> None:
    assert only("Minister Park Ji-ho met Governor Lena Holt yesterday.").date == date(2026, 3, 10)
    ahead = only("Minister Park Ji-ho will meet Governor Lena Holt tomorrow morning.")
    assert (ahead.date, ahead.planned) == (date(2026, 3, 12), True)
    found = meetings(
        "Minister Park Ji-ho met Governor Lena Holt on March 6. A day prior, he held talks with "
        "Mayor Omar Diaz."
    )
    assert [(m.counterpart, m.date) for m in found] == [
        ("Lena Holt", date(2026, 3, 6)),
        ("Omar Diaz", date(2026, 3, 5)),
    ]


def test_today_with_its_date_in_brackets_and_the_following_day() -> None:
    found = meetings(
        "Minister Park Ji-ho met Governor Lena Holt today (Monday 9 March). The following day, he "
        "held talks with Mayor Omar Diaz."
    )
    assert [(m.counterpart, m.date) for m in found] == [
        ("Lena Holt", date(2026, 3, 9)),
        ("Omar Diaz", date(2026, 3, 10)),
    ]


def test_local_time_keeps_the_date_the_text_gives() -> None:
    m = only(
        "Minister Park Ji-ho met with Senator Ruth Cole in Washington on March 10 (local time).",
        published=date(2026, 3, 11),
    )
    assert (m.date, m.location) == (date(2026, 3, 10), "Washington")


def test_a_wire_dateline_date_is_not_the_meetings() -> None:
    m = only(
        "Lima [Peru], March 11 : Minister Park Ji-ho held discussions with Juan Soto, President of Andes "
        "Mining, on copper supply."
    )
    assert (m.counterpart, m.date) == ("Juan Soto", None)


def test_a_span_of_days_and_the_end_of_a_fair_name_no_day() -> None:
    m = only("Minister Park Ji-ho will visit Peru between Monday and Friday to meet Minister Ana Paz.")
    assert (m.counterpart, m.date, m.planned) == ("Ana Paz", None, True)
    fair = only(
        "Minister Park Ji-ho is to attend a fair held through Thursday and hold a meeting with the "
        "governor of Ica Region, Luis Vega, on trade."
    )
    assert (fair.counterpart, fair.date) == ("Luis Vega", None)


def test_the_day_a_statement_was_made_is_not_the_meetings() -> None:
    m = only(
        "The ministry this morning informed that Minister Park Ji-ho and Peruvian Minister of Energy and "
        "Mines Ana Paz signed a Memorandum of Understanding on lithium."
    )
    assert (m.kind, m.counterpart, m.date) == ("signing", "Ana Paz", None)


# Bad input --------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Minister",
                "Kim Lee",
                "will meet",
                "met with",
                "on Monday",
                "Friday",
                "yesterday",
                "tomorrow morning",
                "today (Monday 3 March)",
                "a day prior",
                "the following day",
                "(local time)",
                "called on",
                "Ambassador",
                "Jeju Island",
                "Agreement",
                "Amb.",
                "February 30",
                "cancelled",
                "during the call",
                "a series of meetings with",
                ",",
                "and",
                ".",
            ]
        ),
        max_size=40,
    ).map(" ".join),
    st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 24))
    | st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]),
)
def test_any_phrase_on_any_release_date_is_read_without_crashing(body: str, published: date) -> None:
    for m in meetings(body, published):
        assert m.quote and 0 <= m.span[0] <= m.span[1] <= len(body)
        assert m.counterpart is None or m.counterpart.strip()


def test_a_long_list_of_names_is_read_without_crashing() -> None:
    names = ", ".join(f"Delegate Nam{chr(97 + n % 26)}o Kwon{chr(97 + n // 26 % 26)}i" for n in range(300))
    found = meetings(f"Minister Park Ji-ho will meet {names} on Friday.")
    assert len(found) >= 200 and all(m.planned for m in found)


# The record, the store, the JSON contract -------------------------------------------------------------


def test_planned_round_trips_through_json_and_the_store() -> None:
    release = Release(id="r1", source="test", title="t", body="b", published=date(2026, 3, 11))
    planned = Meeting("r1", "Minister", "Lena Holt", "q", (0, 1), date=date(2026, 3, 13), planned=True)
    assert planned.to_json()["planned"] is True
    assert Meeting.from_json("r1", planned.to_json()) == planned
    assert (
        Meeting.from_json("r1", {k: v for k, v in planned.to_json().items() if k != "planned"}).planned
        is False
    )
    with Store("sqlite:///:memory:") as store:
        store.upsert_release(release)
        store.save_extraction("r1", [], [planned], "v1")
        assert store.meetings_for(["r1"]) == [planned]
        assert store.db.execute("SELECT planned FROM meetings").fetchone() == (1,)


def test_a_store_written_before_planned_existed_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);"
        "CREATE TABLE releases (id TEXT PRIMARY KEY, source TEXT NOT NULL, url TEXT, category TEXT NOT NULL,"
        " title TEXT NOT NULL, body TEXT NOT NULL, published DATE NOT NULL, fetched_at TEXT,"
        " language TEXT NOT NULL, location TEXT, body_sha256 TEXT NOT NULL, extracted_with TEXT);"
        "INSERT INTO releases VALUES"
        " ('r1', 's', NULL, 'c', 't', 'b', '2026-03-11', NULL, 'en', NULL, 'x', 'v1');"
        "CREATE TABLE meetings (release_id TEXT NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, date DATE, data TEXT NOT NULL, PRIMARY KEY (release_id, position));"
    )
    stored = {
        "date": "2026-03-10",
        "official": "Minister",
        "counterpart": "Lena Holt",
        "quote": "q",
        "span": [0, 1],
    }
    old.execute("INSERT INTO meetings VALUES ('r1', 0, '2026-03-10', ?)", (json.dumps(stored),))
    old.commit()
    old.close()
    with Store(f"sqlite:///{path}") as store:
        assert store.schema_version == SCHEMA_VERSION  # version 1 upgraded step by step to the current one
        columns = {row[1] for row in store.db.execute("PRAGMA table_info(meetings)")}
        assert "planned" in columns
        [meeting] = store.meetings_for(["r1"])
        assert (meeting.counterpart, meeting.planned) == ("Lena Holt", False)
    with Store(f"sqlite:///{path}") as again:  # opening a migrated store again changes nothing
        assert again.schema_version == SCHEMA_VERSION


def test_extract_json_gives_planned_for_every_meeting() -> None:
    from reports.extract.formats import extract_files

    path = ROOT / "tests" / "gold" / "meetings-heldout.txt"
    found = [m.to_json() for _, _, f in extract_files([path]).items for m in f.meetings]
    assert found and all(isinstance(m["planned"], bool) for m in found)
    assert any(m["planned"] for m in found) and not all(m["planned"] for m in found)


# The briefing -----------------------------------------------------------------------------------------

PLANNED = ROOT / "tests" / "fixtures" / "meetings-planned.txt"  # two announced, one then reported held


@pytest.fixture
def planned_store() -> Store:
    store = Store("sqlite:///:memory:")
    for release in parse_dump_file(PLANNED).releases:
        store.upsert_release(release)
        found = extraction.extract(release)
        store.save_extraction(release.id, found.metrics, found.meetings, extraction.VERSION)
    return store


def test_planned_engagements_are_upcoming_and_one_reported_held_later_is_shown_once(
    planned_store: Store,
) -> None:
    from datetime import datetime

    briefing = build_briefing(
        planned_store, parse_month("2026-03"), title="March", generated_at=datetime(2026, 4, 1)
    )
    held = [(row.counterpart, row.date) for row in briefing.meetings]
    upcoming = [(row.counterpart, row.date) for row in briefing.upcoming]
    assert held == [("Luc Tremblay", date(2026, 3, 5))]
    assert upcoming == [("Raul T. Mendez", date(2026, 3, 20))]


def test_the_upcoming_table_follows_the_meeting_log_in_the_html(planned_store: Store, tmp_path: Path) -> None:
    config = Config(sources=(Source("test", "dump", path=tmp_path / "none.txt"),))
    folder = generate(planned_store, config, parse_month("2026-03"), output=tmp_path).folder
    html = (folder / "briefing.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    log, upcoming = soup.find(id="meetings"), soup.find(id="upcoming")
    assert log is not None and upcoming is not None
    assert html.index('id="meetings"') < html.index('id="upcoming"')
    assert "Luc Tremblay" in log.get_text() and "Mendez" not in log.get_text()
    rows = upcoming.find("tbody").find_all("tr")
    assert [row.th.get_text(" ", strip=True) for row in rows] == ["Raul T. Mendez (talks)"]
    assert "Mexico City" in rows[0].get_text() and "Mar 20, 2026" in rows[0].get_text()
    assert soup.find("a", href="#upcoming") is not None  # listed in the contents
    assert "Luc Tremblay" not in upcoming.get_text()


# The real-text development set ------------------------------------------------------------------------


@pytest.mark.skipif(not REAL.exists(), reason="the shared real-text corpus (../shared/corpora) is not here")
def test_floor_on_the_real_text_meetings() -> None:
    # First contact, before any rule for its phrasings: P 0.412, R 0.219, F1 0.286 (planned not yet read).
    # After the rules for the families it showed (each tested above in sentences of our own; no name,
    # subject or sentence of the set in a word list or a test): P 1.000, R 0.938, F1 0.968; planned 1.000,
    # role 0.967, location 0.767, topic 0.600, kind 1.000. The floors sit a little below.
    score = score_file(REAL)
    assert score.f1 >= 0.93, report(score, REAL.name)
    assert score.precision >= 0.95
    assert score.accuracy("planned") >= 0.95
    assert score.accuracy("counterpart_role") >= 0.9
    assert score.accuracy("location") >= 0.7
    assert score.accuracy("topic") >= 0.55
    assert score.accuracy("kind") >= 0.95


@pytest.mark.skipif(not REAL.exists(), reason="the shared real-text corpus (../shared/corpora) is not here")
def test_the_real_figure_releases_give_only_their_labeled_meeting() -> None:
    # korea.* and world.* are releases about figures: one meeting labeled in all of them, and none found
    # that is not labeled.
    for name in ("korea.json", "world.json"):
        score = score_file(REAL.with_name(name))
        assert score.false_positives == 0 and score.false_negatives == 0, report(score, name)


def test_said_during_a_meeting_takes_the_day_the_story_says_it_was_said() -> None:
    found = meetings(
        "SEJONG, March 11 (Yonhap) -- The government said Wednesday it will expand support for "
        'shipyards. "Orders are recovering," Vice Minister Oh Se-jin said during a meeting with '
        "executives of shipbuilders."
    )
    assert [(m.counterpart, m.date) for m in found] == [("executives of shipbuilders", date(2026, 3, 11))]


def test_a_roundtable_told_by_its_name_gives_one_engagement_per_person_who_attended() -> None:
    found = meetings(
        "Minister Park Ji-ho presided over the 'Hydrogen Strategy Roundtable' on March 4 at the Grand Hotel "
        "Busan, held to launch a hydrogen alliance. The roundtable was attended by industry leaders, "
        "including Korea Hydrogen Association Chairman Yoon Dae-ho and Hanil Gas CEO Seo Mi-jin."
    )
    assert [(m.counterpart, m.counterpart_role, m.organization) for m in found] == [
        ("Yoon Dae-ho", "Chairman", "Korea Hydrogen Association"),
        ("Seo Mi-jin", "CEO", "Hanil Gas"),
    ]
    assert {(m.kind, m.date, m.location) for m in found} == {
        ("roundtable", date(2026, 3, 4), "Grand Hotel Busan")
    }


def test_a_place_in_a_quotation_is_not_where_they_met() -> None:
    found = meetings(
        "Minister Park Ji-ho held meetings with investors on Monday. Following a meeting with Paul Hart, CEO "
        'of Orion Capital, Park tweeted that they discussed "building new plants in Vietnam." Park also met '
        "Mia Torres, CEO of Atlas Freight."
    )
    assert [(m.counterpart, m.location) for m in found] == [("Paul Hart", None), ("Mia Torres", None)]


def test_the_scorer_pairs_a_planned_engagement_with_the_planned_label() -> None:
    from reports.extract.score_meetings import Score, _score_release

    held = {"date": None, "counterpart": "Lena Holt", "kind": "video_call", "planned": False}
    planned = {"date": None, "counterpart": "Lena Holt", "kind": "meeting", "planned": True}
    score = Score()
    _score_release(score, 0, [held, planned], [dict(planned)])
    assert (score.true_positives, score.false_negatives, score.false_positives) == (1, 1, 0)
    assert score.accuracy("planned") == 1.0 and score.accuracy("kind") == 1.0
    assert "[0] missed None 'Lena Holt'" in score.misses


def test_a_planned_visit_to_a_companys_site_has_the_company_as_counterpart() -> None:
    m = only(
        "On Friday, Minister Park Ji-ho will visit a plant in Ohio of Hanil Batteries Co., a cell maker."
    )
    assert (m.kind, m.counterpart, m.location, m.planned) == ("visit", "Hanil Batteries Co.", "Ohio", True)
    assert m.date == date(2026, 3, 13)


def test_a_visit_to_a_country_or_an_attribution_has_no_counterpart() -> None:
    assert (
        meetings(
            "Minister Park Ji-ho will visit the U.S. between Monday and Friday, according to the "
            "Ministry of Trade."
        )
        == []
    )
    found = meetings(
        "During his recent visit to the United States, Minister Park Ji-ho spoke at the Ohio Forum."
    )
    assert [m.counterpart for m in found] == ["Ohio Forum"]


def test_a_lower_case_appositive_with_a_rank_is_the_role_without_its_relative_clause() -> None:
    m = only(
        "Minister Park Ji-ho is set to meet with Sara Lind, the chairwoman of Nordhavn Group who also "
        "heads the shipowners' council, on Friday."
    )
    assert (m.counterpart, m.counterpart_role, m.organization) == (
        "Sara Lind",
        "chairwoman of Nordhavn Group",
        "Nordhavn Group",
    )
    assert (m.planned, m.date) == (True, date(2026, 3, 13))


def test_a_joint_committee_announced_by_two_named_chairs_is_planned() -> None:
    m = only(
        "Vice Minister Oh Se-jin, together with Mongolian Deputy Minister Bat Erdene, will hold the fifth "
        "Korea-Mongolia Energy Committee meeting in Seoul on Monday, March 16."
    )
    assert (m.official, m.counterpart, m.planned, m.date) == (
        "Vice Minister Oh Se-jin",
        "Bat Erdene",
        True,
        date(2026, 3, 16),
    )


def test_a_country_visited_is_not_a_person_visited() -> None:
    found = meetings(
        "Minister Park Ji-ho visited Costa Rica on Monday and met with President of Costa Rica Ana Solis."
    )
    assert [m.counterpart for m in found] == ["Ana Solis"]


def test_an_abbreviated_rank_is_a_role_not_part_of_the_name() -> None:
    m = only(
        "Minister Park Ji-ho held talks with a delegation from Oregon, led by Gov. Tina Kotek, in Seoul "
        "on Monday."
    )
    assert (m.counterpart, m.counterpart_role, m.kind) == ("Tina Kotek", "Gov.", "talks")


def test_a_date_with_commas_between_met_and_with() -> None:
    m = only(
        "Minister Park Ji-ho met on Monday, 9 March 2026, with Deputy Secretary of Commerce for "
        "Industry Affairs Laura N. Price."
    )
    assert (m.counterpart, m.date) == ("Laura N. Price", date(2026, 3, 9))
    assert m.counterpart_role == "Deputy Secretary of Commerce for Industry Affairs"


def test_an_ambassador_posted_in_a_city_is_a_role_not_a_place() -> None:
    m = only("Minister Park Ji-ho had a meeting with Brazilian Ambassador in Seoul Lucas Prado on Monday.")
    assert (m.counterpart, m.counterpart_role, m.location) == (
        "Lucas Prado",
        "Brazilian Ambassador in Seoul",
        None,
    )


def test_hosting_a_counterpart_and_two_weekdays_are_no_one_day() -> None:
    hosted = only("Trade Secretary Anne Lowe was hosting her Korean counterpart Park Ji-ho in Leeds.")
    assert (hosted.counterpart, hosted.location) == ("Park Ji-ho", "Leeds")
    talks = only("Minister Park Ji-ho will hold talks with Commissioner Anna Weiss on Monday and Tuesday.")
    assert (talks.date, talks.planned) == (None, True)


def test_a_meeting_told_as_history_is_not_logged() -> None:
    assert meetings("The two ministers last met in Lima three weeks ago.") == []
    assert meetings("Minister Park Ji-ho first met Commissioner Anna Weiss two years ago in Brussels.") == []


def test_executives_of_a_company_named_by_its_kind() -> None:
    m = only("Minister Park Ji-ho met with executives of Dutch lithography maker Veldhoven Optics on Monday.")
    assert (m.counterpart, m.counterpart_role) == ("Veldhoven Optics", "executive")


def test_a_group_named_after_a_person_is_a_counterpart_of_its_own() -> None:
    found = meetings(
        "Minister Park Ji-ho will meet his Peruvian counterpart Ana Paz and Peruvian lawmakers on Friday."
    )
    assert [(m.counterpart, m.planned, m.date) for m in found] == [
        ("Ana Paz", True, date(2026, 3, 13)),
        ("Peruvian lawmakers", True, date(2026, 3, 13)),
    ]


def test_a_courtesy_title_before_a_name_is_not_part_of_the_role() -> None:
    m = only("Secretary Dana Whitlock met with Korea's Minister of SMEs Mr. Han Mi-rae on Monday.")
    assert (m.counterpart, m.counterpart_role) == ("Han Mi-rae", "Korea's Minister of SMEs")


def test_here_is_the_place_of_the_dateline_or_the_headline() -> None:
    body = (
        "Minister Park Ji-ho held meetings with business leaders here. He met Orion Capital CEO Paul Hart "
        "on Monday."
    )
    m = only_titled(body, "Park Ji-ho in Toronto: meets investors")
    assert (m.counterpart, m.location) == ("Paul Hart", "Toronto")
    wire = only_titled(
        "OTTAWA - Minister Park Ji-ho met Governor Lena Holt here on Monday.", "Minister in Canada"
    )
    assert wire.location == "Ottawa"
    elsewhere = only_titled(
        "Minister Park Ji-ho met Governor Lena Holt on Monday.", "Park Ji-ho in Toronto: talks"
    )
    assert elsewhere.location is None  # no "here": the headline's place is not assumed


def only_titled(body: str, title: str) -> Meeting:
    found = meetings(body, title=title)
    assert len(found) == 1, found
    return found[0]


def test_people_named_only_as_a_group_in_lower_case_are_the_counterpart() -> None:
    carmaker = only("Minister Park Ji-ho met with executives of a carmaker in Ulsan on March 3.")
    assert (carmaker.counterpart, carmaker.location) == ("executives of a carmaker", "Ulsan")
    makers = only("Minister Park Ji-ho held a meeting with heads of 10 battery makers on March 3.")
    assert makers.counterpart == "heads of 10 battery makers"
    assert meetings("Minister Park Ji-ho met with reporters on March 3.") == []


def test_officials_of_relevant_agencies_are_no_counterpart() -> None:
    found = meetings(
        "Minister Park Ji-ho presided over a meeting with officials from relevant agencies on "
        "March 3 to review export support."
    )
    assert [m.counterpart for m in found] == [None]


def test_a_lead_summarising_the_ceos_named_after_it_is_not_one_more_meeting() -> None:
    found = meetings(
        "Minister Park Ji-ho met with chief executives of global firms here on Monday. He met "
        "Orion Capital CEO Paul Hart and Atlas Freight Chairman Mia Torres.",
        title="Park in Toronto: meets investors",
    )
    assert [m.counterpart for m in found] == ["Paul Hart", "Mia Torres"]


def test_a_speech_at_a_celebration_meets_no_one_but_an_expo_opening_is_the_event() -> None:
    assert (
        meetings(
            "Minister Park Ji-ho delivered a congratulatory speech at the opening ceremony of the "
            "Korea Shipbuilding Day celebration on June 9."
        )
        == []
    )
    assert (
        meetings(
            "Minister Park Ji-ho attended the 30th anniversary ceremony of the Korea Importers "
            "Association on June 9."
        )
        == []
    )
    expo = only(
        "Minister Park Ji-ho gave a welcoming speech at the opening ceremony of Robot Expo 2026 in "
        "Busan on June 9."
    )
    assert (expo.kind, expo.counterpart) == ("forum", "Robot Expo 2026")


def test_a_reaction_met_is_no_group_of_people() -> None:
    assert meetings("The proposal met with strong criticism from lawmakers on Monday.") == []


def test_an_official_named_by_family_name_is_the_one_named_in_full_before() -> None:
    found = meetings(
        "The forum was chaired by Korea's Minister for Trade Han Do-yun. On the sidelines, Han on "
        "Thursday held a bilateral meeting with Chilean Minister of Mining Rosa Vidal."
    )
    assert [(m.official, m.counterpart) for m in found] == [
        ("Korea's Minister for Trade Han Do-yun", "Rosa Vidal")
    ]


def test_a_group_of_lawmakers_named_by_their_states_is_one_group() -> None:
    m = only(
        "Minister Park Ji-ho met with a group of U.S. lawmakers from Ohio, Indiana and Texas on March 3."
    )
    assert (m.counterpart, m.date) == (
        "group of U.S. lawmakers from Ohio, Indiana and Texas",
        date(2026, 3, 3),
    )


def test_a_building_is_never_a_counterpart() -> None:
    assert meetings("Minister Park Ji-ho visited the Grand Hyatt Hotel on March 3.") == []
    m = only("Minister Park Ji-ho met with Senator Ruth Cole at the Russell Building on March 3.")
    assert (m.counterpart, m.location) == ("Ruth Cole", "Russell Building")


def test_every_word_list_of_meeting_words_loads_and_is_clean() -> None:
    import re
    import tomllib

    from reports.extract import meetings as extractor

    path = ROOT / "reports" / "extract" / "meeting_words.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lists = {key: value for key, value in data.items() if isinstance(value, list)}
    assert len(lists) >= 15
    for key, words in lists.items():
        assert words and all(isinstance(w, str) and w and w == w.strip() for w in words), key
        assert len(words) == len(set(words)), f"{key} repeats a word"
        for word in words:
            re.compile(re.escape(word))
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in data["nationalities"].items())
    built = extractor._words()
    assert built.nationalities["Japanese"] == "Japan" and "Island" in built.place_words
    assert "Agreement" in built.documents and "lawmakers" in built.group_people


def test_a_nationality_before_a_title_gives_the_country_served() -> None:
    m = only("Minister Park Ji-ho met with Japanese Ambassador to Korea Kenji Mori on Monday.")
    assert (m.counterpart, m.counterpart_role, m.organization) == (
        "Kenji Mori",
        "Japanese Ambassador to Korea",
        "Japan",
    )


def test_a_planned_video_conference_on_a_weekday() -> None:
    m = only("On Friday, Minister Park Ji-ho will hold a video conference with EU Commissioner Anna Weiss.")
    assert (m.kind, m.planned, m.date) == ("video_call", True, date(2026, 3, 13))


def test_a_weekday_with_no_release_date_is_left_empty() -> None:
    release = Release(
        id="r1",
        source="test",
        title="t",
        published=None,  # type: ignore[arg-type]
        body="Minister Park Ji-ho met with Senator Ruth Cole on Tuesday. The following day, he "
        "will meet Governor Lena Holt. On March 3, 2026 he met Mayor Omar Diaz.",
    )
    found = extract_meetings(release)
    assert [(m.counterpart, m.date) for m in found] == [
        ("Ruth Cole", None),
        ("Lena Holt", None),
        ("Omar Diaz", date(2026, 3, 3)),
    ]


def test_brief_extract_prints_planned_in_json_and_table(tmp_path: Path) -> None:
    from tests.conftest import run_brief

    run = run_brief("extract", PLANNED, "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    found = [
        (m["counterpart"], m["date"], m["planned"])
        for r in json.loads(run.stdout)["releases"]
        for m in r["meetings"]
    ]
    assert found == [
        ("Luc Tremblay", "2026-03-05", True),
        ("Raul T. Mendez", "2026-03-20", True),
        ("Luc Tremblay", "2026-03-05", False),
    ]
    table = run_brief("extract", PLANNED, "--format", "table", cwd=tmp_path)
    assert table.code == 0, table.stderr
    assert "planned 2026-03-20: Minister Kim Jung-kwan — Raul T. Mendez" in table.stdout
    assert "meeting 2026-03-05: Minister Kim Jung-kwan — Luc Tremblay" in table.stdout


def test_here_inside_a_quotation_places_nothing() -> None:
    m = only_titled(
        'Minister Park Ji-ho met Governor Lena Holt on Monday. "We are here to stay," he said.',
        "Park Ji-ho in Toronto: talks",
    )
    assert m.location is None


def test_a_planned_group_the_following_day_counts_from_the_planned_meeting() -> None:
    found = meetings(
        "Minister Park Ji-ho is scheduled to meet Commissioner Anna Weiss on Friday in Brussels. He will "
        "also hold a meeting with the heads of Korean companies operating in Belgium the following day."
    )
    assert [(m.counterpart, m.date, m.planned) for m in found] == [
        ("Anna Weiss", date(2026, 3, 13), True),
        ("heads of Korean companies operating", date(2026, 3, 14), True),
    ]


def test_a_topic_is_never_taken_from_history_or_from_inside_a_quotation_mark() -> None:
    found = meetings(
        "Minister Park Ji-ho on Tuesday met with Commerce Secretary Dana Whitlock. The two last met "
        "in Lima three weeks ago, when Korea asked for lower steel tariffs."
    )
    assert [(m.counterpart, m.topic) for m in found] == [("Dana Whitlock", None)]
    quoted = only('Minister Park Ji-ho met Paul Hart on Monday and exchanged views on "new plants," he said.')
    assert quoted.topic == "new plants"
