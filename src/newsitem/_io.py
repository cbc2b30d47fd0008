"""The file edge: bytes in and out, decoding, and atomic writes."""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
from collections.abc import Generator
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from ._positions import line_column
from .errors import DecodeError, LimitExceededError

Source = str | os.PathLike[str] | BinaryIO | TextIO
Target = str | os.PathLike[str] | BinaryIO | TextIO

_ACCEPTED = "a path (str or os.PathLike) or a file object opened in binary or text mode"

_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")


def read(source: Source, *, max_bytes: int) -> tuple[str, str | None]:
    """The text of ``source`` (a path, a binary or a text file) and its path, if it has one.

    More than ``max_bytes`` is refused before it is read into memory (for a
    text file, more than ``max_bytes`` characters).
    """
    path: str | None
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    else:
        read = getattr(source, "read", None)
        if not callable(read):
            raise TypeError(f"load() takes {_ACCEPTED}, not {type(source).__name__}")
        name = getattr(source, "name", None)
        path = name if isinstance(name, str) else None
        chunk: object = read(max_bytes + 1)
        if isinstance(chunk, str):  # a text file: already decoded
            if len(chunk) > max_bytes:
                raise LimitExceededError(
                    f"the file is larger than the limit of {max_bytes} characters", path=path
                )
            check(chunk, path=path)
            return chunk, path
        if not isinstance(chunk, bytes | bytearray):
            raise TypeError(f"load() takes {_ACCEPTED}; read() gave {type(chunk).__name__}")
        data = bytes(chunk)
    if len(data) > max_bytes:
        raise LimitExceededError(
            f"the file is larger than the limit of {max_bytes} bytes", path=path
        )
    return decode(data, path=path), path


def same_file(target: Target, path: str | None) -> bool:
    """Whether ``target`` is the file at ``path`` (which it was read from).

    A file that is gone counts as the same when the two paths name one place,
    so that writing refuses to bring back a file someone deleted.
    """
    if path is None or not isinstance(target, str | os.PathLike):
        return False
    try:
        return os.path.samefile(target, path)
    except OSError:
        return os.path.realpath(target) == os.path.realpath(path)


def unchanged_on_disk(path: str, original: str) -> bool:
    """Whether the file at ``path`` still holds ``original`` (a vanished file has changed)."""
    try:
        return Path(path).read_bytes() == original.encode("utf-8")
    except OSError:
        return False


def decode(data: bytes, *, path: str | None = None) -> str:
    """``data`` as strict UTF-8, or :class:`DecodeError` at the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_column(data[: exc.start].decode("utf-8", "replace"))
        raise DecodeError(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            offset=exc.start,
            path=path,
            line=line,
            column=column,
        ) from exc
    check(text, path=path)
    return text


def check(text: str, *, path: str | None = None) -> None:
    """Reject characters no news item may hold: NUL and lone surrogates."""
    if "\x00" not in text:
        try:
            text.encode("utf-8")  # in C: faster than a regex scan
        except UnicodeEncodeError:
            pass  # a lone surrogate: find and report it below
        else:
            return
    bad = _FORBIDDEN.search(text)
    if bad is None:  # pragma: no cover - NUL or a surrogate is in the text
        return
    char = bad.group(0)
    before = text[: bad.start()]
    line, column = _line_column(before)
    what = "a NUL byte" if char == "\x00" else f"a lone surrogate U+{ord(char):04X}"
    offset = len(before.encode("utf-8", "surrogatepass"))
    raise DecodeError(
        f"{what} at offset {offset}",
        offset=offset,
        path=path,
        line=line,
        column=column,
        code="invalid-character",
    )


def _line_column(before: str) -> tuple[int, int]:
    """1-based position just after ``before``; a BOM is not a column."""
    line, column = line_column(before, len(before))
    if line == 1 and before.startswith("\ufeff"):
        column -= 1
    return line, column


def write(text: str, target: Target) -> None:
    """Write ``text``: to a path atomically (UTF-8), to a binary file (UTF-8), or to a text file."""
    if isinstance(target, str | os.PathLike):
        write_atomic(Path(os.fspath(target)), text.encode("utf-8"))
        return
    if isinstance(target, io.TextIOBase):
        cast("TextIO", target).write(text)
        return
    write = getattr(target, "write", None)
    if not callable(write):
        raise TypeError(f"dump() takes {_ACCEPTED}, not {type(target).__name__}")
    write(text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old file or the new.

    The bytes go to a temporary file in the same folder, are flushed to disk,
    and the file is renamed over the target, keeping the target's permissions
    (a new file gets what ``open()`` gives: 0o666 less the umask). A symlink
    stays a link: the file it points to is replaced. On any failure the
    temporary file is removed and the target is untouched.
    """
    with atomic_stream(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_stream(path: Path) -> Generator[BinaryIO, None, None]:
    """A binary file that replaces ``path`` when the block ends (see :func:`write_atomic`).

    For output written a piece at a time: until the block ends without an
    exception, ``path`` is untouched; on an exception the temporary file is
    removed.
    """
    path = Path(os.path.realpath(path))
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, temporary = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, created with mode 0o666 so the umask applies."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = str(path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp"))
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
