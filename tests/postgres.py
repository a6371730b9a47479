"""A throwaway PostgreSQL server for the store tests: initdb in a temp folder, 127.0.0.1 only.

PostgreSQL refuses to run as root; when the suite runs as root the server runs as
the unprivileged `nobody`, which owns the temp folder. Each test gets a fresh
database (CREATE DATABASE is a file copy of template1, a fraction of a second).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

USER = "brief"
PASSWORD = "pg-test-secret-7d1f"
SERVER_USER = "nobody"  # who runs the server when the suite runs as root


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian keeps them off PATH), or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    for folder in [*reversed(candidates), *(str(Path(w).parent) for w in [shutil.which("initdb")] if w)]:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def unavailable() -> str | None:
    """Why no server can be started here, or None."""
    if binaries() is None:
        return "PostgreSQL is not installed (scripts/system-deps.sh test installs Debian's postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: cannot start PostgreSQL as an unprivileged user"
    return None


@dataclass
class Server:
    port: int
    folder: Path
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def admin(self):  # noqa: ANN201 - a psycopg connection to the maintenance database
        import psycopg

        return psycopg.connect(self.url("postgres"), password=PASSWORD, autocommit=True)

    def new_database(self) -> str:
        """A fresh, empty database; its URL (no password in it)."""
        name = f"t{os.getpid()}_{next(self._numbers)}"
        with self.admin() as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def sql(self, database_url: str, statement: str) -> list[tuple]:
        import psycopg

        with psycopg.connect(database_url, password=PASSWORD, autocommit=True) as db:
            cursor = db.execute(statement)
            return cursor.fetchall() if cursor.description else []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", SERVER_USER, "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres_server() -> Iterator[Server]:
    """Start a server on 127.0.0.1 (and a socket in its own folder), stop it and remove it after."""
    bin_dir = binaries()
    assert bin_dir is not None
    folder = Path(tempfile.mkdtemp(prefix="brief-pg-"))
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, SERVER_USER)
        (folder / "pw").write_text(PASSWORD + "\n")
        if os.geteuid() == 0:
            shutil.chown(folder / "pw", SERVER_USER)
        data = folder / "data"
        subprocess.run(
            _as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", USER,
                             "--pwfile", str(folder / "pw"),
                             "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8",
                             "--locale=C.UTF-8", "--no-sync"]),
            check=True, capture_output=True, cwd=folder,
        )
        port = _free_port()
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
                   "-c shared_buffers=32MB")
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
                             "-t", "60", "-o", options, "start"]),
            check=True, capture_output=True, cwd=folder,
        )
        try:
            yield Server(port, folder)
        finally:
            subprocess.run(
                _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                capture_output=True, cwd=folder,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
