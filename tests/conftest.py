from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reports.postgres import PASSWORD_VARIABLE
from reports.resources import sample_corpus
from tests.postgres import PASSWORD, Server, postgres_server, unavailable
from tests.smtp import Mailbox, smtp_server

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


@pytest.fixture(scope="session")
def archived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample week (2026-W03) generated once per session; tests read it or work on a copy (workdir)."""
    folder = tmp_path_factory.mktemp("archived")
    run = run_brief("generate", "--week", "2026-W03", cwd=folder)
    assert run.code == 0, run.stderr
    return folder


@pytest.fixture
def workdir(archived: Path, tmp_path: Path) -> Path:
    """A copy of the archived sample week's output folder (a module's own workdir overrides it)."""
    shutil.copytree(archived / "output", tmp_path / "output")
    return tmp_path


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    """One throwaway PostgreSQL server for the session (skips, saying why, where none can run)."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    with postgres_server() as server:
        yield server


@pytest.fixture
def pg_url(postgres: Server, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh database on the session's server; its password in BRIEF_STORE_PASSWORD, as a user sets it."""
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    return postgres.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty store on each back-end."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'brief.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Mailbox, int]]:
    """A loopback SMTP server (tests/smtp.py) for one module's tests, and its port."""
    with smtp_server() as running:
        yield running


@pytest.fixture
def mailbox(server: tuple[Mailbox, int]) -> Mailbox:
    """The module's SMTP server, emptied and without a password, for one test."""
    server[0].reset()
    server[0].password = None
    return server[0]


# The rendered briefing with figures, charts and meetings, made once per session (tests/briefings.py).
from tests.briefings import rich_folder, sample_january  # noqa: E402, F401
