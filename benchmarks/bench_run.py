"""What a scheduled re-run costs when nothing changed, against a full rebuild, in the same session.

    python benchmarks/bench_run.py [--repeat 5]

Runs `brief run --weekly --as-of 2026-01-19` on the built-in sample (2026-W03) in a
temporary folder, writing the message as briefing.eml (no SMTP server): first with
--force (collect, extract, build, render the PDF, write the message, rebuild the
index) and then without (inputs unchanged: nothing is rebuilt). Each is a fresh
process, as cron or systemd starts it; `brief --version` is the start-up baseline.
Prints medians and the ratio of the re-run to the full run.
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
RUN = ["run", "--weekly", "--as-of", "2026-01-19", "--quiet"]


def timed(args: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    command = [sys.executable, "-m", "reports", *args]
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        timed(RUN, workdir)  # warm-up: the store and the archive exist from here on
        results = {
            "startup (brief --version)": [timed(["--version"], workdir) for _ in range(repeat)],
            "full run (--force)": [timed([*RUN, "--force"], workdir) for _ in range(repeat)],
            "re-run, inputs unchanged": [timed(RUN, workdir) for _ in range(repeat)],
        }
    medians = {name: statistics.median(times) for name, times in results.items()}
    for name, median in medians.items():
        print(f"{name:28} median {median:6.2f} s  (n={repeat})")
    ratio = medians["re-run, inputs unchanged"] / medians["full run (--force)"]
    print(f"re-run / full run: {ratio:.2f}")


if __name__ == "__main__":
    main()
