"""The inputs of a verb: files named, the items found in folders and globs, standard input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .. import _io, corpus
from ..api import NewsItem, load, loads
from ..errors import LimitExceededError, NewsItemError
from ..limits import DEFAULT_LIMITS
from ..models import Article
from ._common import UsageError

__all__ = ["STDIN", "Input", "is_item", "iter_inputs"]

STDIN = "<stdin>"
"""How standard input (``-``) is named in the output."""

_GLOB_CHARS = frozenset("*?[")
_SNIFF = 8  # bytes: a BOM (3), the fence (3) and what follows it


@dataclass(frozen=True, slots=True)
class Input:
    """One input of a verb: a file, or standard input (``path == "<stdin>"``)."""

    path: str
    """The name printed in the output: the path as found, or ``<stdin>``."""

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    def read_text(self) -> str:
        """The text, strict UTF-8; a :class:`~newsitem.errors.NewsItemError` when unreadable.

        A file that cannot be opened gives the code ``unreadable``.
        """
        if self.is_stdin:
            return _io.decode(_read_stdin(), path=STDIN)
        try:
            return _io.read(self.path, max_bytes=DEFAULT_LIMITS.max_bytes)[0]
        except OSError as exc:
            raise _unreadable(self.path, exc) from exc

    def parse(self, text: str, *, strict: bool = False) -> NewsItem[Article]:
        """The item of ``text`` (read from this input), validated; errors name this input."""
        try:
            return loads(text, strict=strict)
        except NewsItemError as exc:
            exc.path = self.path
            raise

    def load(self, *, strict: bool = False) -> NewsItem[Article]:
        """The item, validated; a file's item remembers its file, for a safe write back."""
        if self.is_stdin:
            return self.parse(self.read_text(), strict=strict)
        try:
            return load(self.path, strict=strict)
        except OSError as exc:
            raise _unreadable(self.path, exc) from exc


def iter_inputs(paths: Sequence[str], *, pattern: str | None = None) -> Iterator[Input]:
    """The inputs ``paths`` name, in order; :class:`UsageError` before any when one names none.

    A file is an input whatever its name or content. A folder gives the files
    under it (at any depth, in path order, names starting with ``.`` skipped)
    whose first bytes are a ``---`` fence, after an optional byte-order mark;
    with ``pattern``, only those whose path relative to the folder matches it.
    A glob such as ``'items/*.md'`` gives the items among the files it
    matches. ``-`` is standard input, at most once.
    """
    _check(paths, pattern)
    for path in paths:
        if path == "-":
            yield Input(STDIN)
        elif os.path.isfile(path) or not _found(path):
            yield Input(path)  # a file, or a dangling link: reading it says why
        else:
            yield from (Input(found) for found in _items(path, pattern))


def is_item(path: str) -> bool:
    """Whether the file at ``path`` starts with a fence; True when it cannot be read (to report)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF)
    except OSError:
        return True
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"---") and head[3:4] in (b"", b" ", b"\t", b"\r", b"\n")


def _found(path: str) -> bool:
    """Whether ``path`` is a folder or a glob, to be searched for items."""
    return os.path.isdir(path) or (not os.path.lexists(path) and bool(_GLOB_CHARS & set(path)))


def _items(path: str, pattern: str | None) -> Iterator[str]:
    """The items in the folder or glob ``path``."""
    pattern = pattern if os.path.isdir(path) and pattern is not None else "**/*"
    return (found for found in corpus.paths(path, pattern=pattern) if is_item(found))


def _check(paths: Sequence[str], pattern: str | None) -> None:
    if list(paths).count("-") > 1:
        raise UsageError("standard input ('-') given more than once")
    for path in paths:
        if path == "-" or os.path.isfile(path):
            continue
        if not os.path.lexists(path) and not _GLOB_CHARS & set(path):
            raise UsageError(f"no such file or directory: {path!r}")
        if not _found(path):
            continue  # a dangling link or a special file: reported when read
        if next(_items(path, pattern), None) is None:
            kind = "folder" if os.path.isdir(path) else "glob"
            what = f"file matching {pattern!r}" if kind == "folder" and pattern else "file"
            raise UsageError(
                f"no news item in {kind} {path!r}: no {what} there starts with a '---' line"
            )


def _read_stdin() -> bytes:
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
    if stream is None:  # a text stream put in place of stdin (tests, embedding)
        return sys.stdin.read().encode("utf-8", "surrogateescape")
    data = stream.read(DEFAULT_LIMITS.max_bytes + 1)
    if len(data) > DEFAULT_LIMITS.max_bytes:
        raise LimitExceededError(
            f"the input is larger than the limit of {DEFAULT_LIMITS.max_bytes} bytes", path=STDIN
        )
    return data


def _unreadable(path: str, exc: OSError) -> NewsItemError:
    return NewsItemError(
        f"cannot read the file: {exc.strerror or exc}", path=path, code="unreadable"
    )
