"""`brief extract`: the JSON contract other tools read, and CSV/table output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.conftest import run_brief


def test_json_lists_every_release_with_its_position_and_contract_fields(tmp_path: Path, sample: Path) -> None:
    run = run_brief("extract", sample, "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    releases = json.loads(run.stdout)["releases"]
    assert [r["index"] for r in releases] == list(range(10))
    assert set(releases[0]) == {"index", "id", "title", "date", "metrics", "meetings"}
    assert releases[1]["title"] == "ICT Exports Post Record Annual Performance in 2025"
    assert releases[1]["date"] == "2026-01-15"
    for release in releases:
        for metric in release["metrics"]:
            contract = {"subject", "metric_id", "value", "unit", "period", "change", "record", "quote",
                        "span", "confidence", "doubts"}
            assert contract <= set(metric)
            assert metric["confidence"] in ("high", "low") and isinstance(metric["doubts"], list)
            assert (metric["confidence"] == "low") == bool(metric["doubts"])
        for meeting in release["meetings"]:
            assert {"date", "official", "counterpart", "counterpart_role", "organization", "location",
                    "topic", "kind", "quote", "span"} <= set(meeting)


def test_index_counts_rejected_entries_so_positions_match_the_input(tmp_path: Path, fixtures: Path) -> None:
    run = run_brief("extract", fixtures / "malformed.txt", cwd=tmp_path)
    releases = json.loads(run.stdout)["releases"]
    assert [(r["index"], r["title"]) for r in releases] == [
        (1, "A Good Release About Steel Exports"), (7, "A Third Good Release")]
    assert "8 entries: 2 extracted, 6 rejected" in run.stderr


def test_indexes_run_on_across_several_files(tmp_path: Path, sample: Path, fixtures: Path) -> None:
    run = run_brief("extract", sample, fixtures / "malformed.txt", cwd=tmp_path)
    assert [r["index"] for r in json.loads(run.stdout)["releases"]][-2:] == [11, 17]


def test_csv_has_a_header_and_one_row_per_metric(tmp_path: Path, sample: Path) -> None:
    as_json = json.loads(run_brief("extract", sample, cwd=tmp_path).stdout)
    run = run_brief("extract", sample, "--format", "csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == sum(len(r["metrics"]) for r in as_json["releases"])
    assert run.stdout.startswith("index,release_id,subject,metric_id,value,unit,period,")
    assert {row["confidence"] for row in rows} <= {"high", "low"}
    assert all(bool(row["doubts"]) == (row["confidence"] == "low") for row in rows)


def test_table_names_each_release(tmp_path: Path, sample: Path) -> None:
    run = run_brief("extract", sample, "--format", "table", cwd=tmp_path)
    assert "[1] ICT Exports Post Record Annual Performance in 2025 (2026-01-15)" in run.stdout


def test_a_missing_file_exits_2_naming_it(tmp_path: Path) -> None:
    run = run_brief("extract", tmp_path / "missing.txt", cwd=tmp_path)
    assert run.code == 2 and run.stderr.strip().endswith("missing.txt: no such file")
