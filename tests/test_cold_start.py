"""What a cold `brief generate` leaves out or hands to its render worker, and that the output is the same.

Charts are drawn on a bare matplotlib Figure (no pyplot); the extraction rules load only when
something is extracted; charts and the PDF are made in a second process that starts up while
the first extracts. None of this may change a byte of what a reader gets.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from charts.draw import ChartSpec, Frame, draw
from reports.render import RenderWorker, _chart_image, render_pdf
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def spec(**changes: object) -> ChartSpec:
    values = {
        "id": "chart-models",
        "kind": "bar",
        "title": "Production by model, 2025",
        "data": Frame({"label": ["Kona", "Trax", "Avante"], "value": [270.0, 308.0, 269.0]}),
        "unit_label": "thousand units",
        "source_note": "Source: [9]",
        "alt": "Production by model, 2025: Trax 308.0, Kona 270.0, Avante 269.0.",
    }
    return ChartSpec(**{**values, **changes})


def line_spec() -> ChartSpec:
    data = Frame({"period": ["Nov 2025", "Dec 2025", "Jan 2026"], "value": [55.1, 60.2, 58.0]})
    return spec(id="chart-line", kind="line", title="Exports by month", data=data, unit_label="USD billion")


def page(chart_svg: str, alt: str) -> str:
    """The smallest printed page holding one chart, as the briefing's print rendering gives it."""
    return f'<html lang="en"><body><figure>{_chart_image(chart_svg, alt)}</figure></body></html>'


def python(code: str, cwd: Path) -> str:
    """Run `code` in a new interpreter (one thread, nothing imported yet) and return what it printed."""
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_chart_is_drawn_without_pyplot_and_keeps_its_words_as_text(tmp_path: Path) -> None:
    out = python(
        "import sys\n"
        "from tests.test_cold_start import spec\n"
        "from charts import draw\n"
        "svg = draw(spec()).svg\n"
        "print('pyplot' if 'matplotlib.pyplot' in sys.modules else 'no pyplot')\n"
        "print(svg)\n",
        tmp_path,
    )
    verdict, svg = out.split("\n", 1)
    assert verdict == "no pyplot"
    words = ("Production by model, 2025", "Kona", "Trax", "Avante", "308.0", "thousand units", "Source: [9]")
    for word in words:
        assert f">{word}</text>" in svg, word
    assert "<path" in svg and "glyph" not in svg  # text is text, not outlines of letters


def test_a_chart_svg_holds_nothing_that_draws_nothing() -> None:
    """What the PDF renderer would enter and leave for nothing: bare groups, turns by -0 degrees, a dozen
    font names on every text. Slanted labels keep their turn; the drawing stays well-formed."""
    from xml.etree import ElementTree

    slanted = spec(id="chart-slanted", kind="line", data=Frame({"period": [f"M{n}" for n in range(10)],
                                                                 "value": [float(n) for n in range(10)]}))
    for drawn in (draw(spec()), draw(line_spec()), draw(slanted)):
        root = ElementTree.fromstring(drawn.svg)
        groups = list(root.iter("{http://www.w3.org/2000/svg}g"))
        assert all(group.attrib for group in groups), drawn.spec.id
        texts = list(root.iter("{http://www.w3.org/2000/svg}text"))
        assert texts and {t.get("font-family") for t in texts} == {"'DejaVu Sans', 'NanumGothic', sans-serif"}
        assert "rotate(-0 " not in drawn.svg and "rotate(0 " not in drawn.svg
    assert "rotate(-45 " in draw(slanted).svg


def test_the_chart_words_are_text_in_the_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    drawn = draw(spec())
    (tmp_path / "chart.pdf").write_bytes(render_pdf(page(drawn.svg, drawn.spec.alt)))
    text = PdfReader(tmp_path / "chart.pdf").pages[0].extract_text()
    for words in ("Production by model, 2025", "Kona", "Trax", "308.0", "thousand units", "Source: [9]"):
        assert words in text, words


def test_the_worker_draws_and_lays_out_the_same_bytes_as_this_process(tmp_path: Path) -> None:
    out = python(
        "from reports.render import RenderWorker, render_pdf\n"
        "from charts import draw\n"
        "from tests.test_cold_start import line_spec, page, spec\n"
        "specs = [spec(), line_spec()]\n"
        "with RenderWorker.start() as worker:\n"
        "    processes = worker.processes\n"
        "    assert len(processes) == 2, 'no helper processes'\n"
        "    drawn = worker.charts(specs)\n"
        "    html = page(drawn['chart-line'].svg, 'Exports by month')\n"
        "    pdf = worker.pdf(html)()\n"
        "assert not any(p.is_alive() for p in processes), 'a helper outlived its use'\n"
        "assert [drawn[s.id].svg for s in specs] == [draw(s).svg for s in specs], 'charts differ'\n"
        "assert drawn['chart-models'].spec is specs[0]\n"
        "assert pdf == render_pdf(html), 'PDF differs'\n"
        "print('same')\n",
        tmp_path,
    )
    assert out.strip() == "same"


def test_a_worker_that_died_leaves_the_work_to_this_process() -> None:
    worker = RenderWorker.start()
    try:
        for process in worker.processes:
            process.kill()
            process.join()
        drawn = worker.charts([spec()])
        assert drawn["chart-models"].svg == draw(spec()).svg
        html = page(drawn["chart-models"].svg, "models")
        assert worker.pdf(html)()[:5] == b"%PDF-"
    finally:
        worker.close()


def test_a_spec_the_worker_cannot_be_sent_is_drawn_here() -> None:
    odd = spec(value_format=lambda value: f"{value:.0f} k")  # a lambda does not pickle
    with RenderWorker.start() as worker:
        drawn = worker.charts([odd])
    assert ">308 k</text>" in drawn["chart-models"].svg


def test_a_drawing_error_surfaces_as_without_the_worker() -> None:
    with RenderWorker.start() as worker, pytest.raises(KeyError):
        _ = worker.charts([spec(kind="pie")])["chart-models"].svg  # waited for: drawn here, and fails


# What a script needs to generate the built-in sample's month.
SAMPLE_MONTH_IMPORTS = (
    "from pathlib import Path\n"
    "from reports import pipeline\n"
    "from reports.config import Config\n"
    "from reports.periods import parse_month\n"
    "from reports.resources import sample_corpus\n"
    "from reports.store import Store\n"
)


def test_generate_leaves_no_worker_process_behind(tmp_path: Path) -> None:
    out = python(
        "import multiprocessing\n"
        + SAMPLE_MONTH_IMPORTS
        + "config = Config()\n"
        "with Store('sqlite:///brief.sqlite') as store:\n"
        "    pipeline.collect_files(store, [sample_corpus()])\n"
        "    folder = pipeline.generate(store, config, parse_month('2026-01'), output=Path('out')).folder\n"
        "print(len(multiprocessing.active_children()), (folder / 'briefing.pdf').read_bytes()[:5])\n",
        tmp_path,
    )
    assert out.split() == ["0", "b'%PDF-'"]


GENERATE = (
    "import sys, threading, time\n"
    + SAMPLE_MONTH_IMPORTS
    + "if sys.argv[1] == 'one process':  # a running thread: no helper is forked\n"
    "    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()\n"
    "with Store('sqlite:///brief.sqlite') as store:\n"
    "    pipeline.collect_files(store, [sample_corpus()])\n"
    "    pipeline.generate(store, Config(), parse_month('2026-01'), output=Path('out'))\n"
)


def test_the_sample_month_is_the_same_with_and_without_the_helpers(tmp_path: Path) -> None:
    """With helpers the charts are drawn while the PDF's document is laid out up to them (it names them
    by reference); in one process they are drawn first (the document holds them): the same files."""
    files = {}
    for how in ("helpers", "one process"):
        folder = tmp_path / how.replace(" ", "-")
        folder.mkdir()
        environment = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1772445600"}
        done = subprocess.run([sys.executable, "-c", GENERATE, how], cwd=folder, capture_output=True,
                              text=True, timeout=300, env=environment)
        assert done.returncode == 0, done.stderr
        month = folder / "out" / "2026-01"
        files[how] = {p.relative_to(month).as_posix(): p.read_bytes() for p in month.rglob("*")
                      if p.is_file()}
    assert files["helpers"].keys() == files["one process"].keys()
    assert sum(name.startswith("charts/") for name in files["helpers"]) == 9
    charts = tuple(name for name in files["helpers"] if name.startswith("charts/"))
    for name in ("briefing.pdf", "briefing.html", *charts):
        assert files["helpers"][name] == files["one process"][name], name
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(month / "briefing.pdf").pages)
    assert "Source: [" in text  # the charts' words are in the PDF, not a page with holes


def test_a_chart_named_by_reference_and_not_drawn_stops_the_layout() -> None:
    from reports.render import ChartReference

    drawn = draw(spec())
    html = page(ChartReference("chart-models"), "models")
    assert render_pdf(html, charts={"chart-models": drawn.svg}) == render_pdf(page(drawn.svg, "models"))
    with pytest.raises(KeyError, match="chart-models"):
        render_pdf(html, charts={})


def every_kind() -> list[ChartSpec]:
    """One chart of each kind the briefing draws."""
    from datetime import date

    return [
        spec(),
        line_spec(),
        spec(id="chart-diverging", kind="diverging", title="Change by market",
             data=Frame({"label": ["US", "China", "EU"], "value": [12.5, -3.0, 4.4]}), unit_label="% y/y"),
        spec(id="chart-part", kind="part", title="Parts of the total",
             data=Frame({"label": ["Eco-friendly", "Used cars"], "value": [25.8, 8.9]}), total=72.0,
             total_label="Automobile exports", unit_label="USD billion"),
        spec(id="chart-timeline", kind="timeline", title="Engagements",
             data=Frame({"date": ["2026-01-13", "2026-01-14"], "label": ["Washington", "Washington"]}),
             span=(date(2026, 1, 1), date(2026, 1, 31)), unit_label=""),
    ]


def test_a_chart_is_measured_before_its_svg_is_written() -> None:
    """The size the layout starts from is the one the drawing gives itself, for every kind of chart."""
    import re

    from charts.draw import sketch

    for chart in every_kind():
        measured = sketch(chart)
        width, height = measured.size
        svg = measured.finish().svg
        opening = svg[: svg.index(">")]
        own = {name: re.search(rf'\s{name}="([^"]*)"', opening)[1] for name in ("width", "height", "viewBox")}
        expected = {"width": f"{width}pt", "height": f"{height}pt", "viewBox": f"0 0 {width} {height}"}
        assert own == expected, chart.id
        assert svg == draw(chart).svg, chart.id


class SizesFirst(dict):
    """The charts as the layout helper has them: the sizes at once, an SVG only when first read."""

    def __init__(self, svgs: dict[str, str], sizes: dict[str, tuple[str, str]]) -> None:
        super().__init__()
        self._svgs, self._sizes, self.asked = svgs, sizes, []

    def size(self, chart_id: str) -> tuple[str, str]:
        self.asked.append(("size", chart_id))
        return self._sizes[chart_id]

    def __missing__(self, chart_id: str) -> str:
        self.asked.append(("svg", chart_id))
        self.update(self._svgs)
        if chart_id not in self:
            raise KeyError(chart_id)
        return self[chart_id]


def test_the_pages_are_laid_out_from_the_charts_sizes_and_are_the_same() -> None:
    """Laid out around boxes of the charts' sizes, their drawings put in after: the same bytes as with the
    drawings there from the start; a drawing of another size than announced is laid out again."""
    from charts.draw import sketch
    from reports.render import ChartReference

    charts = [spec(), line_spec()]
    svgs = {chart.id: draw(chart).svg for chart in charts}
    sizes = {chart.id: sketch(chart).size for chart in charts}
    referenced = '<html lang="en"><body>' + "".join(
        f"<figure>{_chart_image(ChartReference(chart.id), chart.alt)}</figure><p>{chart.title}</p>"
        for chart in charts) + "</body></html>"
    inline = '<html lang="en"><body>' + "".join(
        f"<figure>{_chart_image(svgs[chart.id], chart.alt)}</figure><p>{chart.title}</p>"
        for chart in charts) + "</body></html>"
    first = SizesFirst(svgs, sizes)
    assert render_pdf(referenced, charts=first) == render_pdf(inline)
    assert first.asked[:2] == [("size", "chart-models"), ("size", "chart-line")]  # the layout did not wait
    assert first.asked[2:] == [("svg", "chart-models")]  # the drawings (all at once), once laid out
    width, height = sizes["chart-line"]
    wider = SizesFirst(svgs, {**sizes, "chart-line": (str(float(width) + 40), height)})
    assert render_pdf(referenced, charts=wider) == render_pdf(inline)
    with pytest.raises(KeyError, match="chart-line"):
        render_pdf(referenced, charts=SizesFirst({"chart-models": svgs["chart-models"]}, sizes))


def test_the_layout_helper_goes_on_from_the_sizes_before_the_drawings_arrive() -> None:
    """The parent's messages over a real pipe: sizes, and the drawings only once the layout asks for them."""
    import multiprocessing
    import threading

    from charts.draw import sketch
    from reports.render import ChartReference, _AwaitedCharts

    chart = spec()
    svg = draw(chart).svg
    html = page(ChartReference(chart.id), chart.alt)
    parent, helper = multiprocessing.get_context("fork").Pipe()
    asked = []

    class Watched(_AwaitedCharts):
        def size(self, chart_id: str) -> tuple[str, str] | None:
            asked.append(("size", chart_id))
            return super().size(chart_id)

        def __missing__(self, chart_id: str) -> str:
            asked.append(("svg", chart_id))
            return super().__missing__(chart_id)

    charts = Watched(helper)
    parent.send(("sizes", {chart.id: sketch(chart).size}))
    result = {}
    layout = threading.Thread(target=lambda: result.update(pdf=render_pdf(html, charts=charts)), daemon=True)
    layout.start()
    for _ in range(600):  # the layout runs on, and asks for the drawing only when the pages are made
        if ("svg", chart.id) in asked:
            break
        layout.join(0.1)
    assert asked == [("size", chart.id), ("svg", chart.id)] and layout.is_alive()
    parent.send(("svgs", {chart.id: svg}))
    layout.join(60)
    assert result["pdf"] == render_pdf(page(svg, chart.alt))


def test_a_layout_helper_that_died_waiting_for_the_charts_leaves_the_pdf_to_this_process() -> None:
    from datetime import UTC, datetime

    from reports.briefing import build_briefing
    from reports.periods import parse_month
    from reports.render import render_html
    from tests.briefings import MARCH, rich_store

    briefing = build_briefing(rich_store(), parse_month(MARCH), title="Test",
                              generated_at=datetime(2026, 3, 2, 10, tzinfo=UTC))
    with RenderWorker.start() as worker:
        drawn = worker.charts(briefing.charts)
        printed = render_html(briefing, charts=drawn, for_print=True)
        assert "brief-chart:" in printed and "data:image/svg+xml" not in printed
        laid_out = worker.pdf(printed)
        worker.processes[1].kill()
        pdf = laid_out()
    here = {spec.id: draw(spec) for spec in briefing.charts}
    assert pdf == render_pdf(render_html(briefing, charts=here, for_print=True))


def test_commands_that_extract_nothing_do_not_load_the_extraction_rules(tmp_path: Path) -> None:
    out = python(
        "import sys\n"
        "from reports import pipeline\n"
        "print('loaded' if 'reports.extract' in sys.modules else 'not loaded')\n"
        "print(pipeline.extraction.VERSION == __import__('reports.extract').extract.VERSION)\n",
        tmp_path,
    )
    assert out.split() == ["not", "loaded", "True"]


@pytest.mark.skipif(sys.platform != "linux", reason="the parent-death signal is Linux's")
def test_the_worker_dies_with_a_killed_command(tmp_path: Path) -> None:
    import signal
    import time

    # The worker is given a long layout (many seconds of pages), so only the parent-death signal,
    # not the end of its pipe, can stop it at once.
    script = ("import time\nfrom reports.render import RenderWorker\nworker = RenderWorker.start()\n"
              "worker.pdf('<p>' + 'A long page of words. ' * 200 + '</p>' + '<p>more</p>' * 20000)\n"
              "print(worker.processes[1].pid, flush=True)\ntime.sleep(60)\n")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, stdout=subprocess.PIPE,
                               text=True, env=environment)
    try:
        worker = int(command.stdout.readline())
        time.sleep(1.5)  # past the warm-up: laying out the long document
        assert not _gone(worker)
        command.send_signal(signal.SIGKILL)
        command.wait(timeout=10)
        deadline = time.monotonic() + 3
        while not _gone(worker):
            assert time.monotonic() < deadline, f"worker {worker} still running after its command was killed"
            time.sleep(0.05)
    finally:
        command.kill()
        command.wait()


def _gone(pid: int) -> bool:
    """Whether the process has ended (a zombie waiting for init to reap it has ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return _zombie(pid)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False
