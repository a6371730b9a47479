"""What a scheduled re-run costs when nothing changed, against a full rebuild, in the same session.

    python benchmarks/bench_run.py [--repeat 5]

Runs `brief run --weekly --as-of 2026-01-19` on the built-in sample (2026-W03) in a
temporary folder, writing the message as briefing.eml (no SMTP server): first with
--force (collect, extract, build, render the PDF, write the message, rebuild the
index) and then without (inputs unchanged: nothing is rebuilt). Each is a fresh
process, as cron or systemd starts it; `brief --version` is the start-up baseline.
Prints medians of wall and CPU time (user + system, with the processes the command
waited for) and the ratios of the re-run to the full run. Every process gets a bytecode
cache (PYTHONPYCACHEPREFIX in a temporary folder), as an installed package has.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = tempfile.mkdtemp(prefix="brief-bench-pycache-")
RUN = ["run", "--weekly", "--as-of", "2026-01-19", "--quiet"]


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `brief` process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": CACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    command = [sys.executable, "-m", "reports", *args]
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"brief {' '.join(args)} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    print(f"load average {os.getloadavg()[0]:.1f} before the runs")
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        timed(RUN, workdir)  # warm-up: the store and the archive exist from here on
        results = {
            "startup (brief --version)": [timed(["--version"], workdir) for _ in range(repeat)],
            "full run (--force)": [timed([*RUN, "--force"], workdir) for _ in range(repeat)],
            "re-run, inputs unchanged": [timed(RUN, workdir) for _ in range(repeat)],
        }
    print(f"load average {os.getloadavg()[0]:.1f} after the runs")
    medians = {name: [statistics.median(t[n] for t in got) for n in (0, 1)] for name, got in results.items()}
    for name, (wall, cpu) in medians.items():
        print(f"{name:28} median {wall:6.2f} s wall, {cpu:6.2f} s CPU  (n={repeat})")
    rerun, full = medians["re-run, inputs unchanged"], medians["full run (--force)"]
    print(f"re-run / full run: {rerun[0] / full[0]:.2f} wall, {rerun[1] / full[1]:.2f} CPU")


if __name__ == "__main__":
    main()
