from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from reports.resources import sample_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_brief(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run the `brief` command as a user would, in `cwd`, with no brief.toml unless the test writes one."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "reports", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def sample() -> Path:
    return sample_corpus()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


# The rendered briefing with figures, charts and meetings, made once per session (tests/briefings.py).
from tests.briefings import rich_folder  # noqa: E402, F401
