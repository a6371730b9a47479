"""Revised since the last briefing, what's new this week, the current point of a trend line.

The scenario, end to end through the archive: three sources are collected (the fourteen months of trade
releases as `motir`, a few weekly releases of our own as `motir-news`, and `customs`, whose dump file is
missing, so its collection fails). The briefings of week 2026-W09 and of March 2026 are generated. Then
`motir` is collected again with its February release revised (exports USD 58.9 -> 59.4 billion, the
surplus 7.1 -> 7.6, chips 17.5 -> 17.8, autos newly stated), and week 2026-W10 and March are generated
again. Every claim is read from the PDF (pdftotext), the HTML, the manifest or the email.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from reports.archive import read_briefing
from reports.config import Config, EmailConfig, Source
from reports.deliver import compose
from reports.periods import parse_month, parse_week
from reports.pipeline import collect, collect_files, generate
from reports.records import Change, Metric
from reports.store import SCHEMA_VERSION, Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = FIXTURES / "trade-14-months.txt"
WEEKS = FIXTURES / "trade-weeks.txt"
REVISED = FIXTURES / "trade-revised-feb-2026.txt"
FEBRUARY_ENTRY = "-\nTrade/Investment\nExports and imports, February 2026\n"


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def _cards_text(pdf: Path) -> str:
    """pypdf keeps a card's lines together where pdftotext reads across the cover's three columns."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


def _html_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" ,", ",")


@pytest.fixture(scope="module", params=["en", "ko"])
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    locale = request.param
    output = tmp_path_factory.mktemp(f"revisions-{locale}")
    motir = output / "motir.txt"
    shutil.copy(CORPUS, motir)
    config = Config(sources=(
        Source("motir", "dump", path=motir, label="MOTIR"),
        Source("motir-news", "dump", path=WEEKS, label="MOTIR news"),
        Source("customs", "dump", path=output / "customs.txt", label="Korea Customs Service"),
    ))
    with Store(f"sqlite:///{output / 'brief.sqlite'}") as store:
        first = collect(store, config.sources)
        assert [r.failed is not None for r in first] == [False, False, True]
        week9 = generate(store, config, parse_week("2026-W09"), output=output, locale=locale)
        generate(store, config, parse_month("2026-03"), output=output, locale=locale)
        text = motir.read_text(encoding="utf-8")
        motir.write_text(text[: text.index(FEBRUARY_ENTRY)] + REVISED.read_text(encoding="utf-8"),
                         encoding="utf-8")
        second = collect(store, config.sources)
        assert (second[0].updated, second[0].unchanged) == (1, 13)
        week10 = generate(store, config, parse_week("2026-W10"), output=output, locale=locale)
        march = generate(store, config, parse_month("2026-03"), output=output, locale=locale)
        versions = store.release_versions(week10.briefing.revisions[0].reference.release.id)
    return SimpleNamespace(locale=locale, output=output, week9=week9, week10=week10, march=march,
                           versions=versions)


def _pdf(result) -> str:  # noqa: ANN001
    return _text(result.folder / "briefing.pdf")


def _html(result) -> str:  # noqa: ANN001
    return _html_text((result.folder / "briefing.html").read_text(encoding="utf-8"))


def _manifest(result) -> dict:  # noqa: ANN001
    return json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))


EXPORTS = {  # the revised figure, old -> new, as each locale prints it
    "en": "Exports (Feb 2026): USD 58.9 billion, +12.0% y/y → USD 59.4 billion, +12.9% y/y [4]",
    "ko": "Exports (2026년 2월): 589.0억 달러, +12.0% 전년 대비 → 594.0억 달러, +12.9% 전년 대비 [4]",
}
SURPLUS = {"en": "Trade surplus (Feb 2026): USD 7.1 billion → USD 7.6 billion [4]",
           "ko": "Trade surplus (2026년 2월): 71.0억 달러 → 76.0억 달러 [4]"}
ADDED = {"en": "Automobile exports (Feb 2026): newly stated: USD 6.1 billion [4]",
         "ko": "Automobile exports (2026년 2월): 새로 발표됨: 61.0억 달러 [4]"}
TITLE = {"en": "Revised since the last briefing", "ko": "지난 브리핑 이후 수정된 보도자료"}


def test_the_week_after_lists_the_revised_release_with_old_and_new_values(archive) -> None:
    locale = archive.locale
    for text in (_pdf(archive.week10), _html(archive.week10)):
        section = text[text.index(TITLE[locale], text.index(TITLE[locale]) + 1):]  # after the contents
        assert "[4] Exports and imports, February 2026" in section
        assert EXPORTS[locale] in section
        assert SURPLUS[locale] in section
        assert ADDED[locale] in section
        assert ("used by the briefing of 2026-W09" if locale == "en" else "2026-W09 브리핑에 사용") in section
    # [4] is the revised release, cited though it is not of the week, with its new sentence quoted
    sources = _pdf(archive.week10)
    assert "Korea's exports in February 2026 totaled USD 59.4 billion" in sources


def test_the_week_before_the_revision_lists_none_and_the_first_week_has_no_earlier_briefing(archive) -> None:
    text = _pdf(archive.week9)
    assert TITLE[archive.locale] not in text
    wanted = {"en": "No earlier weekly briefing is archived: everything in this briefing is new.",
              "ko": "보관된 이전 주간 브리핑이 없습니다."}
    assert wanted[archive.locale] in text


def test_the_manifest_records_each_difference(archive) -> None:
    [revision] = _manifest(archive.week10)["summary"]["revisions"]
    assert revision["since"] == "2026-W09" and revision["source"] == 4
    changes = {(c["kind"], c["metric_id"]): (c["old"], c["new"], c["unverified"])
               for c in revision["changes"]}
    assert changes == {
        ("changed", "exports.total"): (58.9e9, 59.4e9, False),
        ("changed", "trade_balance.total"): (7.1e9, 7.6e9, False),
        ("changed", "exports.semiconductors"): (17.5e9, 17.8e9, False),
        ("added", "exports.autos"): (None, 6.1e9, False),
    }
    assert revision["replaced_at"] is not None  # the store kept the earlier text


def test_the_store_keeps_the_replaced_text_with_its_figures(archive) -> None:
    [kept] = archive.versions
    assert "totaled USD 58.9 billion" in kept.body
    kept_figures = {(m.metric_id, m.value) for m in kept.metrics}
    assert kept_figures >= {("exports.total", 58.9e9), ("exports.semiconductors", 17.5e9)}


def test_rebuilding_the_month_compares_with_its_own_earlier_build(archive) -> None:
    text = _pdf(archive.march)
    assert TITLE[archive.locale] in text
    assert EXPORTS[archive.locale].replace("[4]", "[1]") in text
    [revision] = _manifest(archive.march)["summary"]["revisions"]
    assert revision["since"] == "2026-03"


def test_the_weekly_email_says_so_in_its_first_line(archive) -> None:
    message = compose(read_briefing(archive.week10.folder), EmailConfig(), ["analyst@example.org"])
    first = message.get_body(("plain",)).get_content().splitlines()[0]
    wanted = {"en": "Revised since the last briefing: 1 release (listed in the briefing)",
              "ko": "지난 브리핑 이후 수정된 보도자료: 1건(브리핑에 목록이 있습니다)"}
    assert first == wanted[archive.locale]
    html = message.get_body(("html",)).get_content()
    assert html.index(first) < html.index("<h1")
    quiet = compose(read_briefing(archive.week9.folder), EmailConfig(), ["analyst@example.org"])
    assert "Revised" not in quiet.get_body(("plain",)).get_content().splitlines()[0]


def test_whats_new_lists_what_the_previous_week_did_not_show(archive) -> None:
    locale = archive.locale
    news = _manifest(archive.week10)["summary"]["whats_new"]
    assert news["since"] == "2026-W09"
    assert {(f["subject"], f["period"]) for f in news["figures"]} >= {
        ("ICT exports", "Feb 2026" if locale == "en" else "2026년 2월"),
        ("Automobile exports", "Feb 2026" if locale == "en" else "2026년 2월")}
    # January's ICT exports were in the W09 briefing: restated in W10, they are not news
    assert all(f["value"] not in ("USD 23.4 billion", "234.0억 달러") for f in news["figures"])
    assert [m["counterpart"] for m in news["meetings"]] == ["Laura Bennett"]
    heading = "What's new this week" if locale == "en" else "이번 주 새 소식"
    for text in (_pdf(archive.week10), _html(archive.week10).replace("&#39;", "'")):
        section = text[text.index(heading, text.index(heading) + 1):]
        assert ("Not in the briefing of 2026-W09: 3 figures, 1 engagement." if locale == "en"
                else "2026-W09 브리핑에 없던 내용: 수치 3개, 일정 1건.") in section
        assert ("ICT exports: USD 21.9 billion (+19.6% y/y), Feb 2026 [3]" if locale == "en"
                else "ICT exports: 219.0억 달러 (+19.6% 전년 대비), 2026년 2월 [3]") in section
        assert "Laura Bennett, Washington [2]" in section
    assert "What's new" not in _pdf(archive.march)  # weekly briefings only


def test_the_month_shows_trends_changes_and_freshness_of_each_source(archive) -> None:
    locale = archive.locale
    briefing, text = archive.march.briefing, _pdf(archive.march)
    lines = [spec for spec in briefing.charts if spec.kind == "line"]
    exports = next(spec for spec in lines if spec.title.startswith("Exports,"))
    assert len(exports.data) == 14 and exports.current == "Feb 2026" == exports.data["period"][-1]
    assert exports.data["value"][-1] == 59.4e9  # the current point is the revised figure
    svg = (archive.march.folder / "charts" / f"{exports.id}.svg").read_text(encoding="utf-8")
    # the period's point: its axis label and its value in bold, in the marking colour, and a ring round it
    assert re.search(r'<text[^>]*font-weight="700"[^>]*fill="#c8553d"[^>]*>Feb 2026</text>', svg)
    assert re.search(r'<text[^>]*font-weight="700"[^>]*fill="#c8553d"[^>]*>59\.4</text>', svg)
    assert 'stroke="#c8553d"' in svg and "marked: Feb 2026" in exports.alt
    others = re.findall(r'<text[^>]*fill="#c8553d"[^>]*>([^<]*)</text>', svg)
    assert sorted(others) == ["59.4", "Feb 2026"]  # no other point is marked
    cards = _cards_text(archive.march.folder / "briefing.pdf")
    if locale == "en":
        assert "vs a year before (Feb 2025): +12.9% y/y STATED · +12.9% COMPUTED [" in cards
    else:
        assert "전년 동기 대비 (2025년 2월): +12.9% 전년 대비 발표 · +12.9% 계산 [" in cards
    for label in ("MOTIR", "MOTIR news", "Korea Customs Service"):
        assert label in text
    failed = ("The last collection of Korea Customs Service failed" if locale == "en"
              else "Korea Customs Service의 마지막 수집이 실패했습니다")
    assert failed in text


def test_a_figure_gone_and_a_doubtful_one_are_listed_with_their_marks() -> None:
    from reports.briefing import Reference
    from reports.records import Release
    from reports.render import environment
    from reports.revisions import Revision, Shown, _differences

    release = Release("r1", "motir", "Exports, May", "x" * 80, datetime(2026, 6, 1).date())
    ref = Reference(7, release, "MOTIR", False)
    up = Change(3.0, "percent", "up", "yoy")
    old = [Shown("r1", "exports.total", "exports", 50e9, "USD", "2026-05", up, "high"),
           Shown("r1", "", "ship exports", 2e9, "USD", "2026-05", None, "high")]
    new = [Metric("r1", "exports", 51e9, "USD", "2026-05", "xxxx", (0, 4), metric_id="exports.total",
                  change=Change(3.0, "percent", "up", "yoy"), confidence="low",
                  doubts=("another value for the same subject and period",))]
    changes = _differences(old, new, ref, "en")
    assert [(c.kind, c.unverified) for c in changes] == [("changed", True), ("gone", False)]
    revision = Revision(ref, "2026-W22", None, tuple(changes))
    generated = datetime(2026, 6, 2, tzinfo=UTC)
    html = environment("en").get_template("partials/revisions.html.j2").render(
        b=SimpleNamespace(revisions=(revision,), generated_at=generated), locale="en")
    text = _html_text(html)
    assert ("Exports (May 2026): USD 50.0 billion, +3.0% y/y → USD 51.0 billion, +3.0% y/y "
            "unverified: another value for the same subject and period [7]") in text
    assert "Ship exports (May 2026): no longer stated (was USD 2.0 billion) [7]" in text


def test_input_files_are_recorded_as_collections(tmp_path: Path) -> None:
    from reports.briefing import build_briefing

    with Store(f"sqlite:///{tmp_path / 'brief.sqlite'}") as store:
        collect_files(store, [WEEKS])
        assert store.last_collections()["trade-weeks"][1] is None
        briefing = build_briefing(store, parse_week("2026-W10"), title="t", generated_at=datetime.now(UTC))
    [source] = briefing.freshness
    assert (source.name, source.releases, source.collected, source.failed) == ("trade-weeks", 3, True, None)


def test_an_older_store_is_upgraded_and_keeps_versions_from_then_on(tmp_path: Path) -> None:
    from reports.collect.dump import parse_dump_file

    path = tmp_path / "old.sqlite"
    with Store(f"sqlite:///{path}"):
        pass
    with sqlite3.connect(path) as db:  # as version 2 left it: no release_versions
        db.execute("DROP TABLE release_versions")
        db.execute("UPDATE schema_version SET version = 2")
    feb = parse_dump_file(CORPUS).releases[-1]
    revised = parse_dump_file(REVISED, "trade-14-months").releases[0]
    assert feb.id == revised.id
    with Store(f"sqlite:///{path}") as store:
        assert store.schema_version == SCHEMA_VERSION == 3
        assert store.upsert_release(feb) == "new"
        assert store.release_versions(feb.id) == []
        assert store.upsert_release(revised) == "updated"
        [kept] = store.release_versions(feb.id)
        assert kept.body_sha256 == feb.body_sha256 and kept.body == feb.body
        assert store.release(feb.id).body == revised.body  # type: ignore[union-attr]
        assert store.upsert_release(revised) == "unchanged" and len(store.release_versions(feb.id)) == 1
