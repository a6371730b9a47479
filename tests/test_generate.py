"""`brief generate` end to end, checked through what a reader opens: the PDF and the HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports.archive import sha256
from reports.collect.dump import parse_dump_file
from tests.briefings import pdf_text
from tests.conftest import run_brief


@pytest.fixture(scope="module")
def january(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The sample month generated once, as on a fresh checkout: no config, no network."""
    workdir = tmp_path_factory.mktemp("fresh")
    run = run_brief("generate", "--month", "2026-01", cwd=workdir)
    return workdir, run


def test_generate_on_a_fresh_checkout_writes_pdf_and_html(january, sample: Path) -> None:
    workdir, run = january
    assert run.code == 0, run.stderr
    folder = workdir / "output" / "2026-01"
    assert run.stdout.strip() == str(Path("output") / "2026-01" / "briefing.pdf")
    assert "10 read = 10 ingested (10 new, 0 updated, 0 unchanged) + 0 rejected" in run.stderr
    text = pdf_text(folder / "briefing.pdf")
    html = (folder / "briefing.html").read_text()
    assert "2026-01" in text and "Jan 1, 2026 – Jan 31, 2026" in text
    for release in parse_dump_file(sample).releases:
        assert " ".join(release.title.split()) in text
        assert release.title.replace("’", "&#39;") in html or release.title in html


def test_archive_folder_has_sources_and_a_manifest_of_hashes(january) -> None:
    workdir, _ = january
    folder = workdir / "output" / "2026-01"
    sources = json.loads((folder / "sources.json").read_text())
    assert [s["number"] for s in sources["sources"]] == list(range(1, 11))
    assert sources["sources"][0]["source"] == "Ministry of Trade, Industry and Resources (MOTIR)"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert len(manifest["inputs"]) == 10
    for entry in manifest["files"]:
        assert sha256((folder / entry["path"]).read_bytes()) == entry["sha256"]
    assert {"briefing.pdf", "briefing.html", "sources.json"} <= {f["path"] for f in manifest["files"]}
    assert not [p for p in (workdir / "output").iterdir() if p.name.startswith(".")]


def test_title_block_counts_releases_and_sources(january) -> None:
    workdir, _ = january
    text = pdf_text(workdir / "output" / "2026-01" / "briefing.pdf")
    assert "10 releases from 1 source" in text


def test_a_period_with_no_releases_says_so_and_exits_0(tmp_path: Path) -> None:
    run = run_brief("generate", "--month", "2025-06", cwd=tmp_path)
    assert run.code == 0, run.stderr
    text = pdf_text(tmp_path / "output" / "2025-06" / "briefing.pdf")
    assert "No releases were published in this period" in text
    assert "0 releases" in text


def test_release_text_is_escaped_in_the_html(tmp_path: Path) -> None:
    dump = tmp_path / "evil.txt"
    dump.write_text(
        "-\nTrade/Investment\n<script>alert('x')</script> Exports Rise\n"
        "Exports rose <b>5</b> percent. <img src=http://127.0.0.1:9/x.png> date2026-03-03\n"
    )
    run = run_brief("generate", "--month", "2026-03", "--input", dump, cwd=tmp_path)
    assert run.code == 0, run.stderr
    html = (tmp_path / "output" / "2026-03" / "briefing.html").read_text()
    assert "<script>alert" not in html and "<img src=" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Exports Rise" in html


def test_week_and_range_periods_name_their_folders(tmp_path: Path) -> None:
    assert run_brief("generate", "--week", "2026-W03", cwd=tmp_path).code == 0
    assert run_brief("generate", "--from", "2026-01-14", "--to", "2026-01-14", cwd=tmp_path).code == 0
    assert "Trade Minister Visits CSIS" in pdf_text(tmp_path / "output" / "2026-W03" / "briefing.pdf")
    ranged = pdf_text(tmp_path / "output" / "2026-01-14_2026-01-14" / "briefing.pdf")
    assert "8 releases" in ranged and "ICT Exports Post Record" not in ranged


@pytest.mark.parametrize(
    "args",
    [
        ["--month", "2026-13"],
        ["--week", "2026-W54"],
        ["--month", "../etc"],
        ["--from", "2026-02-30", "--to", "2026-03-01"],
    ],
)
def test_bad_periods_exit_2_with_one_line(tmp_path: Path, args: list[str]) -> None:
    run = run_brief("generate", *args, cwd=tmp_path)
    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1 and run.stderr.startswith("brief: error: --")
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").glob("*/briefing.pdf"))


def test_a_file_that_is_not_utf8_exits_2_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"-\nA\n\xff\xfe title\nbody date2026-01-02\n")
    run = run_brief("collect", "--input", bad, cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.strip() == f"brief: error: {bad}:3: not UTF-8 text (byte 0xff at offset 4)"


def test_rejected_entries_are_reported_and_counted(tmp_path: Path, fixtures: Path) -> None:
    run = run_brief("collect", "--input", fixtures / "malformed.txt", cwd=tmp_path)
    assert run.code == 0
    assert "malformed.txt: 8 read = 2 ingested (2 new, 0 updated, 0 unchanged) + 6 rejected" in run.stderr
    assert run.stderr.count("brief: rejected ") == 6
    assert "brief: rejected malformed.txt:11: bad date '2026-02-30': no such day" in run.stderr


def test_collecting_twice_reports_unchanged(tmp_path: Path, sample: Path) -> None:
    run_brief("collect", "--input", sample, cwd=tmp_path)
    run = run_brief("collect", "--input", sample, cwd=tmp_path)
    assert "10 read = 10 ingested (0 new, 0 updated, 10 unchanged) + 0 rejected" in run.stderr


def test_the_installed_command_works_outside_the_checkout(tmp_path: Path) -> None:
    """`pip install .` (not editable) must carry templates, chart style and the sample corpus."""
    import os
    import subprocess
    import sys

    script = Path(sys.executable).parent / "brief"
    if not script.exists():
        pytest.skip("brief is not installed next to this Python (run through `make test`)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(script), "generate", "--week", "2026-W03"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Trade Minister Visits CSIS" in pdf_text(tmp_path / "output" / "2026-W03" / "briefing.pdf")
