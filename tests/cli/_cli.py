"""Running the real ``newsitem`` command in a subprocess, on files the tests write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]

VALID = "---\ntitle: One\nwebUrl: https://example.com/one\n---\nBody\n"


class Done(NamedTuple):
    """What a run gave: exit status, stdout and stderr (UTF-8, line breaks untouched)."""

    status: int
    out: str
    err: str


def newsitem(*argv: str, cwd: Path, stdin: bytes | str = b"") -> Done:
    """``python -m newsitem ARGV...`` in ``cwd``, with ``stdin`` as standard input."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COLUMNS", "NO_COLOR"))}
    done = subprocess.run(
        [sys.executable, "-m", "newsitem", *argv],
        cwd=cwd,
        input=data,
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    return Done(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def write(folder: Path, files: dict[str, bytes | str]) -> None:
    """Write ``files`` (relative path -> text or bytes) under ``folder``, exactly."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
