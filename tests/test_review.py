"""`brief review` and corrections.toml: keys that hold, corrections that reach every output, bad files."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports import corrections as fix
from reports import extract as extraction
from reports.config import Config, Source, load_config
from reports.periods import parse_month
from reports.pipeline import collect_configured, ensure_extracted, generate
from reports.review import review_period
from reports.store import Store
from tests.briefings import EPOCH, MARCH, page_texts, rich_store
from tests.conftest import run_brief

MONTH = "2026-01"


def review_json(workdir: Path, *args: str) -> dict:
    run = run_brief("review", "--month", MONTH, "--format", "json", *args, cwd=workdir)
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)


def by_label(listing: dict, label: str) -> dict:
    return next(f for f in listing["figures"] if f["label"] == label)


def pdf_text(folder: Path) -> str:
    return " ".join(page_texts(folder / "briefing.pdf"))


def csv_rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "metrics.csv").read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A fresh install that has listed January's figures once (the store is filled); tests copy it."""
    workdir = tmp_path_factory.mktemp("review")
    return workdir, review_json(workdir)


@pytest.fixture
def workdir(listed, tmp_path: Path) -> Path:  # noqa: ANN001
    shutil.copytree(listed[0] / "output", tmp_path / "output")
    return tmp_path


# Listing ----------------------------------------------------------------------------------------


def test_review_lists_the_cover_figures_with_keys_sources_and_sentences(listed) -> None:  # noqa: ANN001
    _, listing = listed
    cover = [f for f in listing["figures"] if "cover" in f["reasons"]]
    assert 4 <= len(cover) <= 8
    ict = by_label(listing, "ICT exports")
    assert ict["value_text"] == "USD 264.3 billion" and ict["source"] >= 1
    assert "ICT exports in 2025 totaled USD 264.3 billion" in ict["quote"]
    keys = [f["key"] for f in listing["figures"]]
    assert len(set(keys)) == len(keys) and all(len(k) == 8 for k in keys)


def doubtful_store() -> Store:
    """The rich store with its memory-chip figure read with a doubt, as extraction would mark it."""
    store = rich_store()
    february = store.releases_between(parse_month(MARCH).start, parse_month(MARCH).end)[0]
    metrics = [replace(m, confidence="low", doubts=("subject guessed",)) if m.subject == "memory chip exports"
               else m for m in store.metrics_for([february.id])]
    store.save_extraction(february.id, metrics, [], extraction.VERSION)
    return store


def test_review_lists_low_confidence_figures_and_a_confirm_trusts_them(tmp_path: Path) -> None:
    from reports.review import correction_for, find_figure

    store = doubtful_store()
    config = Config(sources=(Source("motir", "dump", path=tmp_path / "none.txt"),),
                    corrections=tmp_path / "corrections.toml")
    listing = review_period(store, config, parse_month(MARCH)).to_json()
    [low] = [f for f in listing["figures"] if "low confidence" in f["reasons"]]
    assert low["subject"] == "memory chip exports" and low["doubts"] == ["subject guessed"]
    found = find_figure(store, low["key"])
    fix.append_correction(config.corrections, correction_for("confirm", found, by="t"))
    review = review_period(store, config, parse_month(MARCH))
    # No longer doubtful; trusted now, it may go on the cover (where it is listed as such).
    assert all("low confidence" not in item.reasons for item in review.items if item.key == low["key"])
    [chips] = [f for f in review.briefing.figures if f.metric.subject == "memory chip exports"]
    assert chips.metric.confidence == "high" and chips.metric.checked == "confirmed" and chips.trusted


def test_the_table_names_each_figure_by_its_key(listed) -> None:  # noqa: ANN001
    workdir, listing = listed
    run = run_brief("review", "--month", MONTH, cwd=workdir)
    assert run.code == 0, run.stderr
    for figure in listing["figures"]:
        assert figure["key"] in run.stdout
    assert "ICT exports" in run.stdout and "key" in run.stdout


def test_a_key_survives_re_extraction_by_a_changed_extractor(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, config, period = Store(store_url), load_config(None), parse_month(MONTH)
    collect_configured(store, config)
    before = {f.key: f.figure.metric.quote for f in review_period(store, config, period).items}
    monkeypatch.setattr(extraction, "VERSION", "a-later-extractor")
    assert ensure_extracted(store, store.releases_between(period.start, period.end)) == 10
    after = {f.key: f.figure.metric.quote for f in review_period(store, config, period).items}
    assert after == before


def test_a_key_changes_with_the_figure_or_its_sentence() -> None:
    from reports.records import Metric

    quote = "ICT exports rose to $22 billion."
    figure = Metric("r1", "ICT exports", 2.2e10, "USD", "2025-12", quote, (0, 31))
    assert fix.figure_key(figure) == fix.figure_key(replace(figure, span=(5, 36), period="2025"))
    assert fix.figure_key(figure) != fix.figure_key(replace(figure, value=2.3e10))
    assert fix.figure_key(figure) != fix.figure_key(replace(figure, quote="ICT exports rose to $23 billion."))


# Corrections reach every output ----------------------------------------------------------------


def test_a_drop_removes_the_figure_from_the_pdf_and_the_csv(workdir: Path, listed) -> None:  # noqa: ANN001
    used = by_label(listed[1], "Used-car exports")
    run = run_brief("review", used["key"], "--drop", "--by", "analyst@example.org", cwd=workdir)
    assert run.code == 0, run.stderr
    text = (workdir / "corrections.toml").read_text()
    assert 'action = "drop"' in text and 'by = "analyst@example.org"' in text and used["quote"] in text
    assert run_brief("generate", "--month", MONTH, cwd=workdir).code == 0
    folder = workdir / "output" / MONTH
    assert "USD 8.9 billion" not in pdf_text(folder) and "Used-car exports" not in pdf_text(folder)
    assert not [r for r in csv_rows(folder) if r["subject"] == "used-car exports"]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert [c["key"] for c in manifest["corrections"]["applied"]] == [used["key"]]
    assert manifest["corrections"]["sha256"] == fix.load_corrections(workdir / "corrections.toml").sha256
    assert used["key"] not in [f["key"] for f in review_json(workdir)["figures"]]


def test_a_set_changes_the_cover_card_and_holds_over_two_generates(workdir: Path, listed) -> None:  # noqa: ANN001
    ict = by_label(listed[1], "ICT exports")
    run = run_brief("review", ict["key"], "--set", "subject=ICT goods exports", "value=265.1 billion",
                    "change=+12.9%yoy", cwd=workdir, env={"BRIEF_REVIEWER": "Kim"})
    assert run.code == 0, run.stderr
    folder = workdir / "output" / MONTH
    for _ in range(2):
        assert run_brief("generate", "--month", MONTH, cwd=workdir).code == 0
        html = (folder / "briefing.html").read_text()
        card = html[html.index('<p class="card-label">ICT goods exports'):]
        card = card[: card.index("</li>")]
        assert "USD 265.1 billion" in card and "+12.9% y/y" in card and "checked" in card
        assert "USD 264.3 billion" not in card
        assert "ICT goods exports USD 265.1 billion" in " ".join(pdf_text(folder).split())
        [row] = [r for r in csv_rows(folder) if r["subject"] == "ICT goods exports"]
        assert row["value"] == "265100000000.0" and row["checked"] == "corrected"
    listing = review_json(workdir)
    corrected = next(f for f in listing["figures"] if f["key"] == ict["key"])
    assert corrected["checked"] == "corrected" and corrected["confidence"] == "high"
    assert 'by = "Kim"' in (workdir / "corrections.toml").read_text()


def test_an_added_figure_appears_in_the_csv_marked_added(workdir: Path, listed) -> None:  # noqa: ANN001
    ict = by_label(listed[1], "ICT exports")
    run = run_brief("review", "--add", ict["release_id"][:8], "--quote", ict["quote"],
                    "subject=ICT exports to Mongolia", "value=95.2e9", "unit=USD", "period=2025", cwd=workdir)
    assert run.code == 0, run.stderr
    assert run_brief("generate", "--month", MONTH, cwd=workdir).code == 0
    [row] = [r for r in csv_rows(workdir / "output" / MONTH) if r["subject"] == "ICT exports to Mongolia"]
    assert row["value"] == "95200000000.0" and row["checked"] == "added" and row["quote"] == ict["quote"]


def test_a_quote_that_is_not_in_the_release_is_refused(workdir: Path, listed) -> None:  # noqa: ANN001
    ict = by_label(listed[1], "ICT exports")
    run = run_brief("review", "--add", ict["release_id"], "--quote", "Exports tripled.", "subject=x",
                    "value=1", "unit=USD", "period=2025", cwd=workdir)
    assert run.code == 2 and "not in release" in run.stderr and not (workdir / "corrections.toml").exists()


def test_a_correction_whose_sentence_left_the_release_is_stale_and_not_applied(workdir: Path, listed) -> None:  # noqa: ANN001, E501
    ict = by_label(listed[1], "ICT exports")
    assert run_brief("review", ict["key"], "--set", "value=1e9", cwd=workdir).code == 0
    path = workdir / "corrections.toml"
    path.write_text(path.read_text().replace("totaled USD 264.3 billion", "totaled USD 265.0 billion"))
    run = run_brief("generate", "--month", MONTH, cwd=workdir)
    assert run.code == 0, run.stderr
    stale = f"stale correction {ict['key']} (set) not applied: its sentence is no longer in the release"
    assert stale in run.stderr
    folder = workdir / "output" / MONTH
    assert "USD 264.3 billion" in pdf_text(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["corrections"]["applied"] == []
    assert manifest["corrections"]["stale"][0]["key"] == ict["key"]
    assert review_json(workdir)["stale"][0]["key"] == ict["key"]


def test_a_figure_read_anew_keeps_its_correction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later extractor names the subject differently (so the key differs): the same sentence, value
    and unit are still the same figure, and its correction holds."""
    store, period = Store("sqlite:///:memory:"), parse_month(MONTH)
    config = replace(load_config(None), corrections=tmp_path / "corrections.toml")
    collect_configured(store, config)
    item = next(i for i in review_period(store, config, period).items if i.figure.label == "ICT imports")
    from reports.review import correction_for, find_figure

    found = find_figure(store, item.key)
    fix.append_correction(config.corrections, correction_for("set", found, {"period": "2025-Q4"}, by="t"))
    real = extraction.extract

    def renamed(release):  # noqa: ANN001, ANN202
        found = real(release)
        metrics = [replace(m, subject="imports of ICT goods") if m.subject == "ICT imports" else m
                   for m in found.metrics]
        return extraction.Extraction(metrics, found.meetings)

    monkeypatch.setattr(extraction, "extract", renamed)
    monkeypatch.setattr(extraction, "VERSION", "a-later-extractor")
    figures = review_period(store, config, period).briefing.figures
    [figure] = [f for f in figures if f.metric.subject == "imports of ICT goods"
                and f.metric.quote == found.metric.quote and f.metric.value == found.metric.value]
    assert figure.metric.period == "2025-Q4" and figure.metric.checked == "corrected"


def test_a_dropped_figure_leaves_the_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rich store's February balance does not add up (58 - 49 != 12): a failed check, listed with
    its figures; dropping the wrong surplus removes the check from the briefing."""
    store = rich_store()
    config = Config(sources=(Source("motir", "dump", path=tmp_path / "none.txt"),),
                    corrections=tmp_path / "corrections.toml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    listing = review_period(store, config, parse_month(MARCH)).to_json()
    [failed] = [c for c in listing["failed_checks"] if c["kind"] == "balance"]
    compared = [f for f in listing["figures"] if f["key"] in failed["keys"]]
    surplus = next(f for f in compared if f["label"] == "Trade surplus")
    assert "failed check" in surplus["reasons"]
    from reports.review import correction_for, find_figure

    found = find_figure(store, surplus["key"])
    fix.append_correction(config.corrections, correction_for("drop", found, by="t"))
    folder = generate(store, config, parse_month(MARCH), output=tmp_path / "output").folder
    html = (folder / "briefing.html").read_text()
    assert failed["description"] == "Exports − Imports = Trade surplus (Feb 2026)"
    assert failed["description"] not in html and '<th scope="row">Trade surplus' not in html
    assert '<th scope="row">Imports' in html
    assert not [r for r in csv_rows(folder) if r["subject"] == "trade surplus" and r["period"] == "2026-02"]


def test_a_dropped_figure_of_an_earlier_period_is_not_compared_with(tmp_path: Path) -> None:
    from datetime import datetime

    from reports.briefing import build_briefing
    from reports.review import correction_for, find_figure

    store, path, march = rich_store(), tmp_path / "corrections.toml", parse_month(MARCH)

    def exports() -> object:
        briefing = build_briefing(store, march, title="t", generated_at=datetime(2026, 3, 2),
                                  corrections=fix.load_corrections(path))
        return next(f for f in briefing.figures if f.metric.metric_id == "exports.total")

    assert exports().earlier_text.startswith("vs Jan 2026: USD 55.0 billion")
    january = next(key for key, m in fix.keyed(store.metrics_for([r.id for r in store.releases_between(
        parse_month("2026-02").start, parse_month("2026-02").end)])) if m.metric_id == "exports.total")
    fix.append_correction(path, correction_for("drop", find_figure(store, january), by="t"))
    assert exports().earlier is None


# The file ----------------------------------------------------------------------------------------


def test_a_corrections_file_with_a_syntax_error_exits_2_naming_the_line(workdir: Path) -> None:
    (workdir / "corrections.toml").write_text('[[correction]]\naction = "drop"\nkey = "abc\n')
    for args in (("generate", "--month", MONTH), ("review", "--month", MONTH)):
        run = run_brief(*args, cwd=workdir)
        assert run.code == 2, run.stderr
        [line] = run.stderr.strip().splitlines()[-1:]
        assert line.startswith("brief: error: corrections.toml:3: not valid TOML")
        assert "Traceback" not in run.stderr


def test_an_unknown_key_exits_2_naming_its_line(workdir: Path) -> None:
    text = ('[[correction]]\naction = "drop"\nkey = "abcd1234"\nrelease_id = "r"\nquote = "q"\n\n'
            '[[correction]]\naction = "set"\nkey = "abcd1235"\nrelease_id = "r"\nquote = "q"\n'
            'new = { valeu = 3 }\n')
    (workdir / "corrections.toml").write_text(text)
    run = run_brief("generate", "--month", MONTH, cwd=workdir)
    assert run.code == 2
    assert "brief: error: corrections.toml:12: new.valeu: unknown field" in run.stderr
    (workdir / "corrections.toml").write_text(text.replace("new = { valeu = 3 }", 'reason = "typo"'))
    run = run_brief("review", "--month", MONTH, cwd=workdir)
    assert run.code == 2 and "corrections.toml:12: unknown key 'reason'" in run.stderr


def test_the_corrections_path_comes_from_brief_toml(workdir: Path, listed) -> None:  # noqa: ANN001
    (workdir / "brief.toml").write_text('corrections = "review/fixes.toml"\n')
    key = listed[1]["figures"][0]["key"]
    assert run_brief("review", key, "--confirm", cwd=workdir).code == 0
    assert 'action = "confirm"' in (workdir / "review" / "fixes.toml").read_text()


@settings(max_examples=60, deadline=None)
@given(quote=st.text(min_size=1, max_size=80).filter(str.strip),
       subject=st.text(min_size=1, max_size=30).filter(str.strip),
       value=st.floats(allow_nan=False, allow_infinity=False))
def test_a_written_correction_reads_back_as_written(tmp_path_factory, quote: str, subject: str, value: float) -> None:  # noqa: ANN001, E501
    path = tmp_path_factory.mktemp("fixes") / "corrections.toml"
    correction = fix.Correction("set", "abcd1234", "r1", quote, "https://example.org/r?a=1&b=\"2\"",
                                {"subject": "x", "value": 1.0}, {"subject": subject, "value": value}, "kim")
    fix.append_correction(path, correction)
    [read] = fix.load_corrections(path).entries
    assert (read.quote, read.release, read.new, read.old) == (quote, correction.release, correction.new,
                                                              correction.old)


def test_the_readme_names_every_field_of_the_json(listed) -> None:  # noqa: ANN001
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("`--format json` prints one object")
    named = set(re.findall(r"`(\w+)`", readme[start: readme.index("\n\n", start)]))
    listing = listed[1]
    fields = set(listing) | set(listing["figures"][0])
    assert fields <= named, fields - named


@pytest.mark.parametrize("text", ["a3.1%", "x-0.4pp", "3.1 %% yoy"])
def test_a_change_that_is_not_one_is_a_one_line_error(text: str) -> None:
    from reports.corrections import parse_change
    from reports.errors import BriefError

    with pytest.raises(BriefError, match="is not a change"):
        parse_change(text)
