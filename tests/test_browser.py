"""The HTML briefing in a real browser: headless Chromium, driven by Playwright.

Checks what a reader on a desktop or a phone would notice: errors in the
console, requests leaving the file, horizontal scrolling at 390 px, charts
that do not show. Screenshots land in the test's tmp folder for a look.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.briefings import EPOCH
from tests.conftest import run_brief

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on PATH: `bash scripts/system-deps.sh test` installs Debian's",
                allow_module_level=True)
from playwright import sync_api  # noqa: E402  (a test dependency: missing, it is an error, not a skip)

DESKTOP, PHONE = 1280, 390


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory, rich_folder: Path) -> dict[str, Path]:
    """A briefing with figures, charts and meetings, and the sample month as generated today."""
    rich = rich_folder / "briefing.html"
    workdir = tmp_path_factory.mktemp("sample")
    run = run_brief("generate", "--month", "2026-01", cwd=workdir, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert run.code == 0, run.stderr
    long_words = workdir / "long.txt"
    long_words.write_text(
        "-\nTrade/Investment\nStatement posted at https://www.example.org/releases/a/very/long/path/that/"
        "must/wrap/on/a/phone/2026-03-11-statement-of-the-ministry.html today\nWordswithoutanyspaces"
        "thatgoonandonforlongerthanaphonescreeniswide appear here. date2026-03-03\n", encoding="utf-8")
    run = run_brief("generate", "--month", "2026-03", "--input", long_words, cwd=workdir)
    assert run.code == 0, run.stderr
    return {"rich": rich, "sample": workdir / "output" / "2026-01" / "briefing.html",
            "long words": workdir / "output" / "2026-03" / "briefing.html"}


class Visit:
    """One page load: what the console said and every request the page made."""

    def __init__(self, browser, path: Path, width: int, scheme: str = "light") -> None:  # noqa: ANN001
        self.context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url, wait_until="load")

    def _route(self, route) -> None:  # noqa: ANN001
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser) -> Iterator:  # noqa: ANN001
    visits: list[Visit] = []

    def open_page(path: Path, width: int, scheme: str = "light") -> Visit:
        visits.append(Visit(browser, path, width, scheme))
        return visits[-1]

    yield open_page
    for opened in visits:
        opened.close()


@pytest.mark.parametrize("which", ["rich", "sample"])
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_page_loads_without_errors_or_requests(
    visit, briefings, tmp_path: Path, which: str, width: int  # noqa: ANN001
) -> None:
    page = visit(briefings[which], width)
    assert page.errors == []
    assert page.requests == [page.url], "the page asked for something beyond its own file"
    shot = tmp_path / f"{which}-{width}.png"
    page.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize("which", ["rich", "sample", "long words"])
def test_no_horizontal_scrolling_on_a_phone(visit, briefings, which: str) -> None:
    page = visit(briefings[which], PHONE).page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
             .filter(e => !e.closest('.table-scroll') && !e.closest('.visually-hidden'))
             .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
             .map(e => e.tagName + '.' + e.className)"""
    )
    assert wide == []


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_every_chart_is_visible_and_fits(visit, briefings, width: int) -> None:
    page = visit(briefings["rich"], width).page
    charts = page.locator("figure.chart-figure svg")
    assert charts.count() == 6
    for n in range(charts.count()):
        chart = charts.nth(n)
        chart.scroll_into_view_if_needed()
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box["width"] > 250 and box["height"] > 60
        assert box["x"] >= 0 and box["x"] + box["width"] <= width


def test_wide_tables_scroll_inside_their_box_on_a_phone(visit, briefings) -> None:
    page = visit(briefings["rich"], PHONE).page
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.table-scroll')].map(
             e => [e.clientWidth, e.scrollWidth, e.getBoundingClientRect().right])"""
    )
    assert boxes
    for client, _scroll, right in boxes:
        assert right <= PHONE and client <= PHONE


def test_dark_scheme_changes_the_colours(visit, briefings) -> None:
    def background(scheme: str) -> str:
        page = visit(briefings["rich"], DESKTOP, scheme).page
        return page.evaluate("getComputedStyle(document.documentElement).backgroundColor")

    assert background("light") == "rgb(255, 255, 255)"
    dark = background("dark")
    red, green, blue = (int(v) for v in dark[dark.index("(") + 1 : -1].split(","))
    assert red + green + blue < 150, dark


def test_print_media_is_black_on_white(visit, briefings) -> None:
    page = visit(briefings["rich"], DESKTOP, "dark").page
    page.emulate_media(media="print")
    colours = page.evaluate(
        "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
    )
    assert colours[0] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)") and colours[1] == "rgb(22, 25, 29)"
    assert page.pdf(format="A4")[:4] == b"%PDF"
