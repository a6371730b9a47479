"""Cost of a long period: `brief generate` over a year of 10 to 5,000 releases.

    python benchmarks/bench_scale.py                          # sizes 10 100 1000 5000
    python benchmarks/bench_scale.py --sizes 10 100 1000      # fewer sizes
    python benchmarks/bench_scale.py --timeout 300 --write    # and write benchmarks/RESULTS.md ("Scale")

Each size is a corpus of releases made from the sample month (see `make_corpus`: dates spread
over 2025, every amount scaled and every stated change moved by a seeded random draw, month
names and years moved with the date), written as one dump file and given to a fresh process:

    brief generate --input corpus.txt --from 2025-01-01 --to 2025-12-31

in a new folder with a new store, so one run is collect, extract, build, chart, render and
archive. Measured per run: wall time, CPU time (user + system of the child), peak RSS (the
child's ru_maxrss), PDF pages (pypdf), bytes the child wrote to disk (ru_oublock, the block
output the kernel charged to it) and the size of what it left (output folder and store):
written minus left is what went to temporary files. A run that passes `--timeout` is killed
and reported as such. The growth exponent between two sizes is log(t2 / t1) / log(n2 / n1)
on wall time: 1.0 is linear, 2.0 quadratic.

Baselines in the same run: a new process that imports WeasyPrint and writes a one-paragraph
PDF, and the cold sample month (`brief generate --month 2026-01`), each the median of --runs.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = tempfile.mkdtemp(prefix="brief-bench-pycache-")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SAMPLE = ROOT / "reports" / "data" / "motir-2026-01.txt"
BASELINE = "import weasyprint; weasyprint.HTML(string='<p>baseline</p>').write_pdf()"
YEAR = ["--from", "2025-01-01", "--to", "2025-12-31"]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_AMOUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+\.\d+|\d+)"
                     r"(?=( billion| million| trillion| units|\)|,? \w))")
_CHANGE = re.compile(r"(\b(?:up|down|rose|increased|declined|climbed|fell|edged down)\D{0,24}?)"
                     r"(\d+(?:\.\d+)?)(?= percent)")
# "January 14, 2026" (a meeting's day), "December 2025" (the month before) or any other year.
_DATES = re.compile(r"\b(?:(?P<day>(?:" + "|".join(MONTHS) + r") \d{1,2}, 2026)|(?P<month>December 2025)"
                    r"|(?P<year>20[12]\d))\b")


# The corpus ------------------------------------------------------------------------------


def sample_entries() -> list[tuple[str, str, str]]:
    """(category, title, body without its date) of every release in the sample month."""
    entries = []
    for chunk in SAMPLE.read_text(encoding="utf-8").split("\n-\n"):
        lines = [line for line in chunk.strip("-\n").split("\n") if line.strip()]
        if len(lines) >= 3:
            body = re.sub(r"\s*date\d{4}-\d{2}-\d{2}\s*$", "", " ".join(lines[2:]))
            entries.append((lines[0], lines[1], body))
    return entries


def make_corpus(size: int, seed: int = 16) -> str:
    """`size` releases in the dump format, published evenly over 2025, from the sample's ten.

    Each is a sample release moved to its new date (its "January 14, 2026" becomes the day
    before publication, its "December 2025" the month before, other years one back) with its
    amounts scaled by one factor (0.85-1.15, so a release's own sums still add up) and each
    stated change moved by up to 3 points.
    """
    rng = random.Random(seed)
    entries = sample_entries()
    out = []
    for n in range(size):
        category, title, body = entries[n % len(entries)]
        published = date(2025, 1, 1) + timedelta(days=n * 365 // size)
        factor = rng.uniform(0.85, 1.15)
        text = _moved(body, published, factor, rng)
        out.append(f"-\n{category}\n{_moved(title, published, 1.0, rng)} ({n + 1})\n{text} "
                   f"date{published.isoformat()}\n")
    return "".join(out)


def _moved(text: str, published: date, factor: float, rng: random.Random) -> str:
    before = published - timedelta(days=1)
    last_month = published.replace(day=1) - timedelta(days=1)
    day = f"{MONTHS[before.month - 1]} {before.day}, {before.year}"
    month = f"{MONTHS[last_month.month - 1]} {last_month.year}"
    text = _DATES.sub(lambda m: day if m["day"] else month if m["month"] else str(int(m["year"]) - 1), text)
    text = _CHANGE.sub(lambda m: m[1] + f"{max(0.1, float(m[2]) + rng.uniform(-3, 3)):.1f}", text)
    return _AMOUNT.sub(lambda m: _scaled(m[1], factor), text) if factor != 1.0 else text


def _scaled(number: str, factor: float) -> str:
    if re.fullmatch(r"(19|20)\d\d", number) or (number.isdigit() and int(number) < 100):
        return number  # a year or a count of years, months, times
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number.replace(",", "")) * factor
    return f"{value:,.{decimals}f}" if "," in number else f"{value:.{decimals}f}"


# Measuring -------------------------------------------------------------------------------


@dataclass
class Run:
    size: int
    wall: float
    cpu: float
    rss_mib: float
    pages: int | None
    written: int  # bytes
    left: int  # bytes of the output folder and store
    timed_out: bool = False

    @property
    def temp(self) -> int:
        return max(0, self.written - self.left)


def measure(args: list[str], cwd: Path, timeout: float) -> tuple[float, float, float, int, bool]:
    """Wall s, CPU s, peak RSS MiB, bytes written and whether it timed out, for one child."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1772445600",
           "PYTHONPYCACHEPREFIX": CACHE}  # compiled modules kept, as an installed package has them
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, *args], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, start_new_session=True)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            os.killpg(child.pid, signal.SIGKILL)
            _, status, usage = os.wait4(child.pid, 0)
            timed_out = True
            break
        time.sleep(0.05)
    wall = time.perf_counter() - start
    errors = child.stderr.read().decode() if child.stderr else ""
    if not timed_out and os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{errors}")
    return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, usage.ru_oublock * 512,
            timed_out)


def run_size(size: int, timeout: float) -> Run:
    with tempfile.TemporaryDirectory(prefix="brief-scale-") as name:
        folder = Path(name)
        (folder / "corpus.txt").write_text(make_corpus(size), encoding="utf-8")
        os.sync()  # the corpus's own blocks are not charged to the child
        wall, cpu, rss, written, timed_out = measure(
            ["-m", "reports", "generate", "--input", "corpus.txt", *YEAR, "--output", "out"], folder, timeout)
        pdfs = list((folder / "out").glob("*/briefing.pdf"))
        pages = _pages(pdfs[0]) if pdfs and not timed_out else None
        left = sum(p.stat().st_size for p in (folder / "out").rglob("*") if p.is_file())
        return Run(size, wall, cpu, rss, pages, written, left, timed_out)


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def baselines(count: int) -> dict[str, float]:
    """Medians of `count` cold runs: the one-paragraph WeasyPrint PDF and the sample month."""
    result: dict[str, list[float]] = {"baseline": [], "sample month": []}
    for _ in range(count):
        for name, args in (("baseline", ["-c", BASELINE]),
                           ("sample month", ["-m", "reports", "generate", "--month", "2026-01"])):
            with tempfile.TemporaryDirectory(prefix="brief-scale-") as folder:
                result[name].append(measure(args, Path(folder), 120)[0])
    return {name: statistics.median(values) for name, values in result.items()}


def exponent(small: Run, large: Run) -> float | None:
    if small.timed_out or large.timed_out or small.wall <= 0:
        return None
    return math.log(large.wall / small.wall) / math.log(large.size / small.size)


# Report ----------------------------------------------------------------------------------


def table(runs: list[Run], base: dict[str, float], timeout: float, command: str) -> str:
    load = os.getloadavg()
    lines = [
        "## Scale",
        "",
        f"Command: `{command}` (from the checkout root).",
        f"Machine: {os.cpu_count()} cores shared with other work (load average {load[0]:.1f} / "
        f"{load[1]:.1f} when the table was written), Python {platform.python_version()}; one run per size, "
        f"each a new process in a new folder with a new store; timeout {timeout:.0f} s per run.",
        "",
        f"Same-run baselines (medians): one-paragraph WeasyPrint PDF {base['baseline']:.2f} s; cold "
        f"`brief generate --month 2026-01` {base['sample month']:.2f} s "
        f"(**{base['sample month'] / base['baseline']:.2f}x** the baseline).",
        "",
        "| releases | wall | CPU | peak RSS | PDF pages | written to disk | left (output + store) | "
        "temp (written − left) | growth exponent from the size before |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, run in enumerate(runs):
        grow = exponent(runs[n - 1], run) if n else None
        if run.timed_out:
            lines.append(f"| {run.size:,} | > {timeout:.0f} s (killed) | {run.cpu:.1f} s | "
                         f"{run.rss_mib:.0f} MiB | – | {_mib(run.written)} | – | – | – |")
            continue
        lines.append(
            f"| {run.size:,} | {run.wall:.1f} s | {run.cpu:.1f} s | {run.rss_mib:.0f} MiB | {run.pages} | "
            f"{_mib(run.written)} | {_mib(run.left)} | {_mib(run.temp)} | "
            f"{'' if grow is None else f'{grow:.2f}'} |")
    done = [run for run in runs if not run.timed_out]
    small = next((run for run in done if run.size >= 1000), None)
    if small is not None and done[-1].size > small.size:
        large = done[-1]
        cpu = math.log(large.cpu / small.cpu) / math.log(large.size / small.size)
        lines += ["", f"Growth exponent from {small.size:,} to {large.size:,} releases: "
                  f"**{exponent(small, large):.2f}** on wall time, {cpu:.2f} on CPU time."]
    return "\n".join(lines) + "\n"


def _mib(count: int) -> str:
    return f"{count / 2**20:,.1f} MiB"


def write_section(section: str, name: str = "## Scale") -> None:
    """Replace the named section of RESULTS.md, keeping everyone else's sections."""
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find(name + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end:] if end >= 0 else "")
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 5000])
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run before it is killed")
    parser.add_argument("--runs", type=int, default=3, help="runs of each baseline (medians)")
    parser.add_argument("--corpus", type=int, help="print a corpus of this many releases and stop")
    parser.add_argument("--write", action="store_true", help="write the table into benchmarks/RESULTS.md")
    args = parser.parse_args()
    if args.corpus:
        sys.stdout.write(make_corpus(args.corpus))
        return
    base = baselines(args.runs)
    runs = []
    for size in args.sizes:
        run = run_size(size, args.timeout)
        print(f"{size} releases: {run}", file=sys.stderr, flush=True)
        runs.append(run)
    command = "python benchmarks/bench_scale.py " + " ".join(sys.argv[1:])
    section = table(runs, base, args.timeout, command.strip())
    print(section)
    if args.write:
        write_section(section)


if __name__ == "__main__":
    main()
