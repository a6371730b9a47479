"""Files that ship with brief: templates, the sample corpus, the metric catalog."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """templates/ at the top of a checkout, or reports/templates inside an installed wheel."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if (candidate / "briefing.html.j2").is_file():
            return candidate
    raise FileNotFoundError("brief's templates are missing from this installation")


def sample_corpus() -> Path:
    """The built-in default source: ten MOTIR releases of January 2026."""
    return _PACKAGE / "data" / "motir-2026-01.txt"


def data_file(name: str) -> Path:
    """A data file shipped in reports/data/ (topics.toml, ...)."""
    return _PACKAGE / "data" / name


def deploy_dir() -> Path:
    """deploy/ (systemd and cron templates) at the top of a checkout, or reports/deploy in a wheel."""
    for candidate in (_PACKAGE / "deploy", _PACKAGE.parent / "deploy"):
        if (candidate / "brief.service").is_file():
            return candidate
    raise FileNotFoundError("brief's deploy templates are missing from this installation")
