"""The archive: one folder per period, written whole or not at all."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reports import __version__

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ArchiveInput:
    """A release the briefing was built from, as the manifest records it."""

    release_id: str
    sha256: str


def write_period_folder(
    output: Path,
    key: str,
    files: dict[str, bytes],
    inputs: list[ArchiveInput],
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write `files` (relative name -> bytes) and manifest.json into output/<key>/ atomically.

    The folder is built beside its final place and renamed into it, so a reader
    sees the old folder or the new one, never a half-written one.
    """
    output.mkdir(parents=True, exist_ok=True)
    final = output / key
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=output))
    try:
        for name, content in sorted(files.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        manifest = _manifest(key, files, inputs, extra or {})
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        os.chmod(staging, 0o755)
        _replace(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of an archived period, or None if there is none."""
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _manifest(
    key: str, files: dict[str, bytes], inputs: list[ArchiveInput], extra: dict[str, Any]
) -> dict[str, Any]:
    return {
        "tool": "brief",
        "version": __version__,
        "period": key,
        "inputs": [{"release_id": i.release_id, "sha256": i.sha256} for i in inputs],
        "files": [
            {"path": name, "sha256": sha256(content), "bytes": len(content)}
            for name, content in sorted(files.items())
        ],
        **extra,
    }


def _replace(staging: Path, final: Path) -> None:
    if not final.exists():
        staging.rename(final)
        return
    retired = final.with_name(f".{final.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    final.rename(retired)
    staging.rename(final)
    shutil.rmtree(retired, ignore_errors=True)
