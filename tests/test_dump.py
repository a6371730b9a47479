from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reports.collect.dump import parse_dump, parse_dump_file
from reports.errors import BriefError


def test_sample_corpus_holds_ten_dated_releases(sample: Path) -> None:
    result = parse_dump_file(sample)
    assert len(result.releases) == 10 and result.rejected == []
    first = result.releases[0]
    assert first.category == "Trade/Investment"
    assert first.title == "Automobile Exports Hit Record High of $72 Billion in 2025"
    assert first.published == date(2026, 1, 15)
    assert first.body.startswith("Korea’s automobile exports in 2025 totaled USD 72.0 billion")
    assert "date2026" not in first.body


def test_every_malformed_entry_is_rejected_with_line_and_reason(fixtures: Path) -> None:
    result = parse_dump_file(fixtures / "malformed.txt")
    reasons = {r.location: r.reason for r in result.rejected}
    assert [r.title for r in result.releases] == [
        "A Good Release About Steel Exports",
        "A Third Good Release",
    ]
    assert reasons["malformed.txt:1"].startswith("stray text before the first '-' separator")
    assert reasons["malformed.txt:7"].startswith("no date")
    assert reasons["malformed.txt:11"] == "bad date '2026-02-30': no such day"
    assert reasons["malformed.txt:15"].startswith("empty body")  # title, then the date at once
    assert reasons["malformed.txt:18"].startswith("empty body")
    assert reasons["malformed.txt:22"].startswith("stray text after the date")
    assert result.entries == len(result.releases) + len(result.rejected) == 8


def test_entry_with_only_a_category_has_no_title() -> None:
    result = parse_dump("-\nIndustry date2026-01-02\n", name="x.txt")
    assert [str(r) for r in result.rejected] == [
        "x.txt:2: no title: expected a category line, a title line and a body"
    ]


def test_a_body_over_several_lines_keeps_its_paragraphs() -> None:
    text = "-\nIndustry\nTitle\nFirst paragraph.\nSecond paragraph. date2026-01-02\n"
    (release,) = parse_dump(text).releases
    assert release.body == "First paragraph.\n\nSecond paragraph."


def test_same_title_and_date_give_the_same_id_across_files() -> None:
    one = parse_dump("-\nA\nSame Title\nBody one. date2026-01-02\n").releases[0]
    two = parse_dump("-\nB\nSame  Title\nBody two. date2026-01-02\n").releases[0]
    assert one.id == two.id


def test_a_file_that_is_not_utf8_is_one_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("-\nA\nCaf\xe9 title\nbody date2026-01-02\n".encode("latin-1"))
    with pytest.raises(BriefError, match=r"latin1.txt:3: not UTF-8 text \(byte 0xe9 at offset 7\)"):
        parse_dump_file(path)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="nope.txt: no such file"):
        parse_dump_file(tmp_path / "nope.txt")


def test_windows_line_endings_and_a_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeff-\r\nIndustry\r\nTitle\r\nBody. date2026-01-02\r\n".encode())
    (release,) = parse_dump_file(path).releases
    assert (release.title, release.body) == ("Title", "Body.")
