"""The PDF and HTML as a reader gets them: cover, contents, bookmarks, links, metadata, locales, safety.

PDFs are made once per module (pipeline.generate on a store with figures,
charts, checks and meetings) and read back with pypdf.
"""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from reports.config import Config, Source
from reports.periods import parse_month
from reports.pipeline import generate
from reports.render import render_pdf
from tests.briefings import EPOCH, MARCH, generate_rich, page_texts
from tests.conftest import run_brief

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rich(rich_folder: Path) -> Path:
    return rich_folder


@pytest.fixture(scope="module")
def rich_pdf(rich: Path) -> PdfReader:
    return PdfReader(rich / "briefing.pdf")


@pytest.fixture(scope="module")
def rich_html(rich: Path) -> BeautifulSoup:
    return BeautifulSoup((rich / "briefing.html").read_text(encoding="utf-8"), "html.parser")


# The PDF -------------------------------------------------------------------------------


def test_cover_holds_title_period_generation_date_and_headline_cards(rich: Path) -> None:
    cover = page_texts(rich / "briefing.pdf")[0]
    assert "Trade and Industry Briefing" in cover
    assert "Mar 1, 2026 – Mar 31, 2026" in cover
    assert "Mar 2, 2026, 7:00:00" in cover  # SOURCE_DATE_EPOCH in the configured timezone
    assert "Headline figures" in cover
    assert "USD 58.0 billion" in cover and "+7.0% y/y" in cover


def test_every_section_is_a_bookmark_in_reading_order(rich_pdf: PdfReader) -> None:
    # Top-level bookmarks are the sections; nested lists are their parts (the meeting log's trips).
    titles = [item.title for item in rich_pdf.outline if not isinstance(item, list)]
    assert titles == [
        "Key points", "Headline figures", "Contents", "Trade", "Meeting log", "Figure checks", "Sources"]


def test_contents_page_numbers_are_the_pages_sections_start_on(rich_pdf: PdfReader) -> None:
    contents = " ".join(rich_pdf.pages[0].extract_text().split())
    contents = contents[contents.index("Contents"):]
    for item in rich_pdf.outline:
        if isinstance(item, list) or item.title == "Contents":
            continue
        stated = re.search(re.escape(item.title) + r"\s*\.*\s*(\d+)", contents)
        assert stated, f"{item.title} is missing from the contents"
        assert int(stated[1]) == rich_pdf.get_destination_page_number(item) + 1, item.title


def test_running_header_and_page_x_of_y_footer(rich: Path) -> None:
    pages = page_texts(rich / "briefing.pdf")
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    for text in pages[1:]:
        assert "Trade and Industry Briefing" in text and "Mar 1, 2026 – Mar 31, 2026" in text


def test_citations_are_internal_links_to_quoted_sentences(rich_pdf: PdfReader) -> None:
    destinations = set(rich_pdf.named_destinations)
    links = [
        annotation.get_object()
        for page in rich_pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]
    targets = {str(link["/Dest"]) for link in links if "/Dest" in link}
    assert {"q-1-1", "q-2-1", "q-3-1", "ref-1"} <= targets
    assert targets <= destinations
    # A link must be something a reader can click: a box with height and width.
    for link in links:
        x0, y0, x1, y1 = (float(v) for v in link["/Rect"])
        assert abs(x1 - x0) > 1 and abs(y1 - y0) > 1


def test_charts_are_vector_drawings_with_text(rich_pdf: PdfReader) -> None:
    for page in rich_pdf.pages:
        objects = page["/Resources"].get_object().get("/XObject", {})
        for name in objects:
            assert objects[name].get_object().get("/Subtype") != "/Image", "a chart was embedded as an image"
    text = " ".join(page.extract_text() for page in rich_pdf.pages)
    assert "Exports by region, Feb 2026" in text and "ASEAN" in text and "+12.5" in text


def test_pdf_is_tagged_pdf_ua_with_title_language_author_and_creator(rich_pdf: PdfReader) -> None:
    catalog = rich_pdf.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    info = rich_pdf.metadata
    assert info.title == "Trade and Industry Briefing — 2026-03"
    assert info.author == "brief" and info.creator.startswith("brief ")
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp and "2026-03-02T19:00:00+09:00" in xmp


def test_every_chart_is_a_tagged_figure_with_alternative_text(rich_pdf: PdfReader) -> None:
    figures = []

    def walk(node: object) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Figure":
            figures.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(rich_pdf.trailer["/Root"]["/StructTreeRoot"])
    assert len(figures) == 6
    assert "Exports by region, Feb 2026: ASEAN +12.5%, The United States +4.0%, China -3.1%." in figures
    assert all(len(alt) > 20 for alt in figures)


def test_fonts_are_embedded_as_subsets(rich_pdf: PdfReader) -> None:
    fonts = {}
    for page in rich_pdf.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        assert re.match(r"/[A-Z]{6}\+", name), f"{name} is not a subset"
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{name} is not embedded"


def test_same_inputs_give_byte_identical_pdf_and_html(rich: Path, tmp_path: Path) -> None:
    again = generate_rich(tmp_path)
    for name in ("briefing.pdf", "briefing.html", "charts/sec-trade-line-1.svg"):
        assert (again / name).read_bytes() == (rich / name).read_bytes(), name


def test_letter_paper_and_pdf_a_from_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "brief.toml").write_text('paper = "letter"\npdf_variant = "pdf/a-3b"\n')
    run = run_brief("generate", "--month", "2026-01", cwd=tmp_path)
    assert run.code == 0, run.stderr
    reader = PdfReader(tmp_path / "output" / "2026-01" / "briefing.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_a4_is_the_default_paper(rich_pdf: PdfReader) -> None:
    box = rich_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.mark.parametrize(
    ("line", "named"), [('paper = "legal"', "paper"), ('pdf_variant = "pdf/z"', "pdf_variant")]
)
def test_an_unknown_paper_or_variant_exits_2_naming_it(tmp_path: Path, line: str, named: str) -> None:
    (tmp_path / "brief.toml").write_text(line + "\n")
    run = run_brief("generate", "--month", "2026-01", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith("brief: error: brief.toml: " + named) and len(run.stderr.splitlines()) == 1


# Nothing is fetched --------------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP server on 127.0.0.1 that records every request it receives."""
    requests: list[str] = []
    handler = type("Recorder", (_Recorder,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def test_urls_in_a_release_are_never_fetched(tmp_path: Path, loopback: tuple[str, list[str]]) -> None:
    base, requests = loopback
    dump = tmp_path / "hostile.txt"
    dump.write_text(
        f"-\nTrade/Investment\nExports <img src={base}/title.png> Rise\n"
        f"Exports rose. See {base}/body.png and file:///etc/passwd. <img src=\"{base}/img.png\"> "
        f"<link rel=stylesheet href={base}/style.css><style>@import url({base}/import.css);</style> "
        f"<svg><image href=\"{base}/svg.png\"/></svg> date2026-03-03\n",
        encoding="utf-8",
    )
    run = run_brief("generate", "--month", "2026-03", "--input", dump, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert requests == []
    text = " ".join(page_texts(tmp_path / "output" / "2026-03" / "briefing.pdf"))
    assert "root:x:0" not in text
    assert "Exports <img src=" in text  # the title, shown as text


def test_the_renderer_refuses_remote_and_outside_files(
    tmp_path: Path, loopback: tuple[str, list[str]]
) -> None:
    """Even markup that asks for resources (were a template ever to let one through) fetches nothing."""
    base, requests = loopback
    inside = tmp_path / "allowed.svg"
    inside.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    html = (
        f"<html><head><link rel=stylesheet href='{base}/a.css'><style>@import url('{base}/b.css');"
        f"body {{ background: url('{base}/c.png') }}</style></head><body><p>x</p>"
        f"<img src='{base}/d.png'><img src='file:///etc/passwd'><img src='file://{inside}'>"
        f"<svg><image href='{base}/e.png' width='5' height='5'/></svg></body></html>"
    )
    pdf = render_pdf(html, (tmp_path,))
    assert pdf.startswith(b"%PDF") and requests == []


# The HTML ------------------------------------------------------------------------------------


def test_html_is_one_self_contained_file(rich_html: BeautifulSoup) -> None:
    assert not rich_html.find_all(["script", "link", "img", "iframe", "object", "embed"])
    assert not [tag for tag in rich_html.find_all(src=True)]
    for tag in rich_html.find_all(href=True):
        assert tag["href"].startswith("#"), tag
    css = " ".join(style.get_text() for style in rich_html.find_all("style"))
    assert "@import" not in css and not re.search(r"url\((?!['\"]?data:)", css)
    assert len(rich_html.find_all("svg")) == 6


def test_every_citation_points_at_an_anchor_of_the_page(rich_html: BeautifulSoup) -> None:
    all_ids = [tag["id"] for tag in rich_html.find_all(id=True)]
    assert len(all_ids) == len(set(all_ids)), "an id repeats (charts inline in one page?)"
    ids = set(all_ids)
    cites = [a["href"][1:] for a in rich_html.select("a.cite")]
    assert cites and set(cites) <= ids
    contents = [a["href"][1:] for a in rich_html.select("nav.toc a")]
    assert contents == ["key-points", "headlines", "sec-trade", "meetings", "checks", "sources"]
    assert set(contents) <= ids


def test_pdf_has_the_html_sections_anchors_and_citations(
    rich_html: BeautifulSoup, rich_pdf: PdfReader
) -> None:
    wanted = {a["href"][1:] for a in rich_html.select("a[href^='#']")}
    assert wanted <= set(rich_pdf.named_destinations)


def test_markup_is_semantic(rich_html: BeautifulSoup) -> None:
    assert [h.get_text() for h in rich_html.find_all("h1")] == ["Trade and Industry Briefing"]
    assert all(th.get("scope") in ("col", "row") for th in rich_html.find_all("th"))
    for figure in rich_html.select("figure.chart-figure"):
        assert figure.find("figcaption")
        svg = figure.find("svg")
        assert svg["role"] == "img" and len(svg["aria-label"]) > 20
    assert rich_html.find("html")["lang"] == "en"
    assert rich_html.find("main") and rich_html.find("nav")


def test_html_has_light_and_dark_schemes_and_print_rules(rich_html: BeautifulSoup) -> None:
    css = " ".join(style.get_text() for style in rich_html.find_all("style"))
    assert "prefers-color-scheme: dark" in css and "@media print" in css and "max-width: 40rem" in css


# Locales -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def korean_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("ko")
    run = run_brief("generate", "--month", "2026-01", "--locale", "ko", cwd=workdir,
                    env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.stderr
    return workdir / "output" / "2026-01" / "briefing.pdf"


def test_korean_briefing_has_korean_labels_and_dates(korean_sample: Path) -> None:
    text = " ".join(page_texts(korean_sample))
    for label in ("목차", "출처 목록", "면담 일지", "출처 1곳, 보도자료 10건", "작성 일시"):
        assert label in text, label
    assert "2026. 1. 1. – 2026. 1. 31." in text  # Korean date format
    assert "1 / 3쪽" in text or re.search(r"1 / \d+쪽", text)
    assert "Sources" not in text and "Contents" not in text


def test_the_command_gives_the_same_bytes_twice(korean_sample: Path, tmp_path: Path) -> None:
    run = run_brief("generate", "--month", "2026-01", "--locale", "ko", cwd=tmp_path,
                    env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.stderr
    again = tmp_path / "output" / "2026-01"
    for name in ("briefing.pdf", "briefing.html"):
        assert (again / name).read_bytes() == (korean_sample.parent / name).read_bytes(), name


def test_korean_briefing_embeds_a_korean_font(korean_sample: Path) -> None:
    reader = PdfReader(korean_sample)
    names = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"].get_object().get("/Font", {}).values()}
    assert any("Nanum" in name for name in names), names
    assert reader.trailer["/Root"]["/Lang"] == "ko"


def test_korean_headline_values_use_korean_compact_numbers(tmp_path: Path) -> None:
    text = " ".join(page_texts(generate_rich(tmp_path, "ko") / "briefing.pdf"))
    assert "주요 수치" in text and "580.0억 달러" in text and "2026년 2월" in text
    assert "불일치" in text  # the failed balance check, in Korean


def template_messages() -> set[str]:
    """Every message the briefing's templates ask to translate, extracted as `pybabel extract` does."""
    from babel.messages.extract import extract_from_dir

    from reports.resources import templates_dir

    method_map = [("briefing.html.j2", "jinja2"), ("partials/**.j2", "jinja2")]
    settings = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}
    options = {pattern: settings for pattern, _ in method_map}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(templates_dir()), method_map, options
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_label_of_the_briefing_has_a_korean_translation() -> None:
    from babel.messages.pofile import read_po

    from reports.resources import templates_dir

    with (templates_dir() / "locale" / "ko" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="ko")
    with (templates_dir() / "locale" / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    wanted = template_messages()
    assert wanted and wanted <= {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    for message_id in wanted:
        message = next((m for m in catalog if m.id and (m.id == message_id or m.id[0] == message_id)), None)
        assert message is not None and not message.fuzzy, message_id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message_id


def test_korean_works_from_the_installed_command(tmp_path: Path) -> None:
    """`pip install .` carries templates/ (with the catalogs) as reports/templates; nothing is compiled."""
    import os
    import subprocess
    import sys

    from reports.resources import templates_dir

    script = Path(sys.executable).parent / "brief"
    if not script.exists():
        pytest.skip("brief is not installed next to this Python (run through `make test`)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"SOURCE_DATE_EPOCH": EPOCH}
    probe = "from reports.resources import templates_dir as t; print(t())"
    where = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                           capture_output=True, text=True)
    catalog = Path("locale", "ko", "LC_MESSAGES", "messages.po")
    installed = Path(where.stdout.strip()) / catalog
    if not installed.is_file() or installed.read_bytes() != (templates_dir() / catalog).read_bytes():
        pytest.skip("the installed brief is not this checkout's (run `make install-test`)")
    done = subprocess.run([str(script), "generate", "--week", "2026-W03", "--locale", "ko"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    text = " ".join(page_texts(tmp_path / "output" / "2026-W03" / "briefing.pdf"))
    assert "목차" in text and "2026. 1. 12." in text


def test_no_table_row_is_split_across_pages(tmp_path: Path) -> None:
    from tests.briefings import long_table_store

    config = Config(sources=(Source("motir", "dump", path=tmp_path / "none.txt"),))
    folder = generate(long_table_store(), config, parse_month(MARCH), output=tmp_path).folder
    pages = page_texts(folder / "briefing.pdf")
    table_pages = [n for n, text in enumerate(pages) if "alpha" in text]
    assert len(table_pages) >= 2, "the table should run over pages for this test to mean anything"
    for n in range(70):
        first = [p for p, text in enumerate(pages) if re.search(rf"\balpha{n}\b", text)]
        last = [p for p, text in enumerate(pages) if re.search(rf"\bomega{n}\b", text)]
        assert first and first == last, f"row {n} starts on page {first} and ends on page {last}"
    for page in table_pages[1:]:
        assert "SUBJECT" in pages[page], "the table header repeats on every page"
