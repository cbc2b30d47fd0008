"""Writing an edited file back: atomically, refusing a file changed since it was read."""

from __future__ import annotations

import difflib
import re
import sys
from typing import TextIO

from .. import _io
from ..errors import ConflictError
from ._paths import STDIN

__all__ = ["unified_diff", "write_changes"]

# Lines as YAML and the format count them: only CR, LF and CRLF end one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+\Z")


def write_changes(
    path: str, old_text: str, new_text: str, *, dry_run: bool, stdout: TextIO | None = None
) -> bool:
    """Replace the text of ``path`` with ``new_text``; return whether it changed.

    The file is replaced atomically (temporary file, fsync, rename, permissions
    kept), and only if it still holds ``old_text``: otherwise
    :class:`~newsitem.errors.ConflictError` and nothing is written. With
    ``dry_run``, a unified diff goes to ``stdout`` instead and no file is
    touched. Standard input (``<stdin>``) is written to ``stdout`` whole.
    """
    out = stdout if stdout is not None else sys.stdout
    changed = new_text != old_text
    if dry_run:
        if changed:
            out.write(unified_diff(path, old_text, new_text))
        return changed
    if path == STDIN:
        out.write(new_text)
        return changed
    if not changed:
        return False
    if not _io.unchanged_on_disk(path, old_text):
        raise ConflictError(
            "the file changed on disk since it was read; nothing was written", path=path
        )
    _io.write(new_text, path)
    return True


def unified_diff(path: str, old_text: str, new_text: str) -> str:
    """A unified diff (``a/PATH``, ``b/PATH``, three lines of context) of two texts."""
    lines = difflib.unified_diff(
        _LINE.findall(old_text),
        _LINE.findall(new_text),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out: list[str] = []
    for line in lines:
        if line.endswith(("\n", "\r")):
            out.append(line)
        else:  # the last line of a text without a final line break
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
