"""Many items at once: streaming, parallel, one result per input, no stop at the first failure.

>>> from newsitem import corpus
>>> for result in corpus.iter_files("items/", workers=4):  # doctest: +SKIP
...     if not result.ok:
...         print(result.error)

:func:`iter_files` and :func:`iter_texts` yield a :class:`Result` per input,
in the order of the input, whatever the number of workers: the item, or the
:class:`~newsitem.errors.NewsItemError` that input raised. :func:`map_files`
and :func:`map_texts` run a function of yours on each result in the workers
and bring back only what it returns. Inputs are taken as they are needed and
at most two chunks per worker are in flight, so memory stays flat however
large the folder.

With ``workers > 1``, a worker that dies (killed, out of memory) does not end
the run: the file it was loading comes back as an error result with code
``worker-died``, and the rest go on. Where workers are forked (Linux, with
one thread running) a script needs no ``if __name__ == "__main__":`` guard;
where they are spawned (macOS, Windows, or a start method you chose), a
script without one stops at once with an error that says to add it.

The work for one file, :func:`load_file`, is a pure module-level function that
never raises for bad input, and its arguments and result pickle: an existing
engine (``dask.bag``, Spark's ``RDD.map``) can spread a corpus over a cluster
with it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from typing import Any, Generic, TypeVar, overload

from .api import (
    NewsItem,
    _read,  # pyright: ignore[reportPrivateUsage] - the typed read of a document
    loads,
)
from .errors import NewsItemError
from .frontmatter import Locating, typed_load, typed_loads
from .limits import DEFAULT_LIMITS, Limits
from .models import Article

__all__ = [
    "Progress",
    "Result",
    "Sources",
    "UnguardedMainError",
    "iter_files",
    "iter_texts",
    "load_file",
    "load_text",
    "map_files",
    "map_texts",
    "paths",
]

A = TypeVar("A", bound=Article)
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
_In = TypeVar("_In")
_Out = TypeVar("_Out")

StrPath = str | os.PathLike[str]
Sources = StrPath | Iterable[StrPath]
"""What :func:`paths` accepts: a folder, a glob, a file, or an iterable of those."""

Progress = Callable[[int, int | None], None]
"""Called as ``progress(done, total)``; ``total`` is ``None`` while it is unknown."""

_GLOB_CHARS = frozenset("*?[")


class UnguardedMainError(RuntimeError):
    """Workers could not start: each one re-ran a script that has no ``__main__`` guard.

    Raised at once by a parallel run whose workers are spawned (macOS,
    Windows, or a start method chosen by the caller) when the calling script
    starts the run at its top level: put that code under
    ``if __name__ == "__main__":``.
    """


@dataclass(frozen=True)
class Result(Generic[A]):
    """What one input gave: its ``item``, or the ``error`` it raised (never both).

    ``source`` is the file's path, or ``<text N>`` (``N`` counted from 0) for
    the N-th of the texts given to :func:`iter_texts`.
    """

    source: str
    item: NewsItem[A] | None = None
    error: NewsItemError | None = None

    @property
    def ok(self) -> bool:
        """Whether the input loaded and validated."""
        return self.error is None

    def unwrap(self) -> NewsItem[A]:
        """The item; raises the input's :class:`~newsitem.errors.NewsItemError` when not ok."""
        if self.error is not None:
            raise self.error
        assert self.item is not None  # a Result holds an item or an error
        return self.item


@overload
def load_file(
    path: StrPath, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Result[Article]: ...
@overload
def load_file(
    path: StrPath, *, model: type[A], strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Result[A]: ...
def load_file(
    path: StrPath,
    *,
    model: type[Any] = Article,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Result[Any]:
    """Load and validate one file; its error, if any, is in the result, never raised.

    A file that cannot be read (missing, a folder, no permission) gives an
    error with code ``unreadable``, chained to the ``OSError``. This is the
    function to map over a corpus with a distributed engine: it is pure, and
    its arguments and result pickle (``model`` must be importable, that is
    defined at the top level of a module).
    """
    return _load_file(path, model=model, strict=strict, limits=limits, located=False)


def _load_file(
    path: StrPath, *, model: type[Any], strict: bool, limits: Limits, located: Locating
) -> Result[Any]:
    """:func:`load_file`; with ``located``, where each value was written is recorded too
    (for every file, or for those whose front matter the test passes: see ``Locating``).

    For a caller that will look up the positions of values (lint does, for
    every finding): one parse that records them, instead of a values-only
    one and, on the first position, a second that builds the source tree.
    """
    source = os.fspath(path)
    try:
        item = _read(typed_load(source, limits, located=located), model, strict)
        return Result(source, item=item)
    except NewsItemError as exc:
        return Result(source, error=exc)
    except OSError as exc:
        error = NewsItemError(
            f"cannot read the file: {exc.strerror or exc}", path=source, code="unreadable"
        )
        error.__cause__ = exc
        return Result(source, error=error)


@overload
def load_text(
    text: str, *, source: str = "<text>", strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Result[Article]: ...
@overload
def load_text(
    text: str,
    *,
    model: type[A],
    source: str = "<text>",
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Result[A]: ...
def load_text(
    text: str,
    *,
    model: type[Any] = Article,
    source: str = "<text>",
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Result[Any]:
    """Load and validate one text, like :func:`load_file`; ``source`` names it in the result."""
    try:
        return Result(source, item=loads(text, model=model, strict=strict, limits=limits))
    except NewsItemError as exc:
        return Result(source, error=exc)


def paths(source: Sources, *, pattern: str = "**/*.md") -> Iterator[str]:
    """The files ``source`` names, in a stable order, found as they are needed.

    ``source`` is a folder (its files matching ``pattern``, relative to it, at
    any depth), a glob of files such as ``"items/2024-*/*.md"``, a file (yielded
    whatever ``pattern`` says), or an iterable of these. Files and folders
    whose names start with ``.`` are skipped inside a folder or glob. A
    folder's files come sorted by path; an iterable's entries in its order.

    In ``pattern``, ``*`` and ``?`` match within one name, ``[...]`` one
    character of a set, and ``**/`` any number of folders, including none. A
    path that does not exist and is not a glob is yielded as it is, so that
    loading it reports the error for that path. Links to folders are not
    followed; a folder that cannot be listed is yielded, to be reported.
    """
    if isinstance(source, str | os.PathLike):
        yield from _expand(os.fspath(source), pattern)
        return
    for entry in source:
        yield from _expand(os.fspath(entry), pattern)


@overload
def iter_files(
    source: Sources,
    *,
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[Result[Article], None, None]: ...
@overload
def iter_files(
    source: Sources,
    *,
    model: type[A],
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[Result[A], None, None]: ...
def iter_files(
    source: Sources,
    *,
    model: type[Any] = Article,
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[Result[Any], None, None]:
    """Load every file of ``source`` (see :func:`paths`): one :class:`Result` each, in order.

    ``workers > 1`` loads in that many processes, ``chunksize`` files per
    task, with at most two tasks per worker in flight; the results still come
    in the order of the files. ``progress(done, total)`` is called once before
    the first result and once per result. To know ``total``, a folder, glob or
    collection is walked once more first (names only, no file is read) when
    ``progress`` is given; for a one-shot iterator it stays ``None`` until the
    paths run out.

    With workers, each item is pickled back to this process, which costs a
    good part of what loading it did: to keep only part of each result (a
    field, the error), :func:`map_files` does that part in the workers.
    """
    _check_workers(workers, chunksize)
    total = _count(source, pattern) if progress is not None else None
    work = partial(_load_files, apply=None, model=model, strict=strict, limits=limits)
    failed = partial(_failed_files, apply=None)
    return _stream(
        paths(source, pattern=pattern), work, failed, workers, chunksize, progress, total
    )


@overload
def map_files(
    fn: Callable[[Result[Article]], T],
    source: Sources,
    *,
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[T, None, None]: ...
@overload
def map_files(
    fn: Callable[[Result[A]], T],
    source: Sources,
    *,
    model: type[A],
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[T, None, None]: ...
def map_files(
    fn: Callable[[Result[Any]], T],
    source: Sources,
    *,
    model: type[Any] = Article,
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[T, None, None]:
    """``fn(result)`` for the :class:`Result` of every file, in order, run in the workers.

    Like :func:`iter_files`, but only what ``fn`` returns crosses back from
    the workers: return what you need (a title, the error, a row for an
    index) and the run scales with the workers. With ``workers > 1``, ``fn``
    must pickle (a function defined at the top level of a module) and what it
    returns too. An exception raised by ``fn`` ends the run.
    """
    return _map_files(
        fn,
        source,
        model=model,
        pattern=pattern,
        strict=strict,
        workers=workers,
        progress=progress,
        chunksize=chunksize,
        limits=limits,
        located=_locating(fn),
    )


def _map_files(
    fn: Callable[[Result[Any]], T],
    source: Sources,
    *,
    model: type[Any] = Article,
    pattern: str = "**/*.md",
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
    located: Locating,
) -> Generator[T, None, None]:
    """:func:`map_files`; ``located`` as :func:`_load_file` has it."""
    _check_workers(workers, chunksize)
    total = _count(source, pattern) if progress is not None else None
    work = partial(
        _load_files, apply=fn, model=model, strict=strict, limits=limits, located=located
    )
    failed = partial(_failed_files, apply=fn)
    return _stream(
        paths(source, pattern=pattern), work, failed, workers, chunksize, progress, total
    )


@overload
def iter_texts(
    texts: Iterable[str],
    *,
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[Result[Article], None, None]: ...
@overload
def iter_texts(
    texts: Iterable[str],
    *,
    model: type[A],
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[Result[A], None, None]: ...
def iter_texts(
    texts: Iterable[str],
    *,
    model: type[Any] = Article,
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[Result[Any], None, None]:
    """Load every text: one :class:`Result` each, in order, named ``<text N>`` from 0.

    Workers, chunks and progress as for :func:`iter_files`; ``total`` is
    ``len(texts)`` when ``texts`` has a length.
    """
    _check_workers(workers, chunksize)
    total = len(texts) if isinstance(texts, Collection) else None
    work = partial(
        _load_texts, apply=None, model=model, strict=strict, limits=limits, located=False
    )
    failed = partial(_failed_texts, apply=None)
    return _stream(enumerate(texts), work, failed, workers, chunksize, progress, total)


@overload
def map_texts(
    fn: Callable[[Result[Article]], T],
    texts: Iterable[str],
    *,
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[T, None, None]: ...
@overload
def map_texts(
    fn: Callable[[Result[A]], T],
    texts: Iterable[str],
    *,
    model: type[A],
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[T, None, None]: ...
def map_texts(
    fn: Callable[[Result[Any]], T],
    texts: Iterable[str],
    *,
    model: type[Any] = Article,
    strict: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    chunksize: int = 64,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[T, None, None]:
    """``fn(result)`` for the :class:`Result` of every text, in order; see :func:`map_files`."""
    _check_workers(workers, chunksize)
    total = len(texts) if isinstance(texts, Collection) else None
    work = partial(
        _load_texts, apply=fn, model=model, strict=strict, limits=limits, located=_locating(fn)
    )
    failed = partial(_failed_texts, apply=fn)
    return _stream(enumerate(texts), work, failed, workers, chunksize, progress, total)


def _load_files(
    batch: list[str],
    *,
    apply: Callable[[Result[Any]], Any] | None,
    model: type[Any],
    strict: bool,
    limits: Limits,
    located: Locating = False,
) -> list[Any]:
    results = [
        _load_file(path, model=model, strict=strict, limits=limits, located=located)
        for path in batch
    ]
    return results if apply is None else [apply(result) for result in results]


def _load_texts(
    batch: list[tuple[int, str]],
    *,
    apply: Callable[[Result[Any]], Any] | None,
    model: type[Any],
    strict: bool,
    limits: Limits,
    located: Locating,
) -> list[Any]:
    results = [
        _load_text(text, model, f"<text {index}>", strict=strict, limits=limits, located=located)
        for index, text in batch
    ]
    return results if apply is None else [apply(result) for result in results]


def _load_text(
    text: str, model: type[Any], source: str, *, strict: bool, limits: Limits, located: Locating
) -> Result[Any]:
    """:func:`load_text`; ``located`` as :func:`_load_file` has it."""
    if located is False:
        return load_text(text, model=model, source=source, strict=strict, limits=limits)
    try:
        return Result(source, item=_read(typed_loads(text, limits, located=located), model, strict))
    except NewsItemError as exc:
        return Result(source, error=exc)


# The functions that look up their items' positions (lint's), with what their
# items are read with: the positions recorded, in one parse, for every text or
# for those a test passes (see ``Locating``).
_LOCATING: list[tuple[Callable[..., Any], Locating]] = []


def _locating(fn: Callable[..., Any]) -> Locating:
    """What ``fn`` (or the function a ``functools.partial`` wraps) asks of positions."""
    while isinstance(fn, partial):
        fn = fn.func  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
    return next((located for known, located in _LOCATING if fn is known), False)


def _asks_positions(  # pyright: ignore[reportUnusedFunction] - lint's
    located: Locating = True,
) -> Callable[[F], F]:
    """Mark a function for :func:`map_files` as one that asks for positions (``located``)."""

    def mark(fn: F) -> F:
        _LOCATING.append((fn, located))
        return fn

    return mark


def _died(source: str, why: str) -> Result[Any]:
    error = NewsItemError(f"not checked: {why}", path=source, code="worker-died")
    return Result(source, error=error)


def _failed_files(
    batch: list[str], why: str, *, apply: Callable[[Result[Any]], Any] | None
) -> list[Any]:
    """The results of files whose worker died on them (``apply`` runs here, in the caller)."""
    results = [_died(path, why) for path in batch]
    return results if apply is None else [apply(result) for result in results]


def _failed_texts(
    batch: list[tuple[int, str]], why: str, *, apply: Callable[[Result[Any]], Any] | None
) -> list[Any]:
    results = [_died(f"<text {index}>", why) for index, _ in batch]
    return results if apply is None else [apply(result) for result in results]


def _count(source: Sources, pattern: str) -> int | None:
    """How many files ``source`` names, when it can be walked twice (not an iterator)."""
    if isinstance(source, Iterator):
        return None
    return sum(1 for _ in paths(source, pattern=pattern))


def _check_workers(workers: int, chunksize: int) -> None:
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")


def _stream(
    inputs: Iterable[_In],
    work: Callable[[list[_In]], list[_Out]],
    failed: Callable[[list[_In], str], list[_Out]],
    workers: int,
    chunksize: int,
    progress: Progress | None,
    total: int | None,
) -> Generator[_Out, None, None]:
    """``work`` over ``inputs`` in order, in this process or in a pool of ``workers``."""
    counted = _Counted(inputs)
    if workers == 1:
        results = _serial(counted, work)
    else:
        from . import _pool  # multiprocessing is imported only for a parallel run

        _pool.refuse_in_bootstrap()
        size = _chunk_size(chunksize, workers, total)
        results = _pool.run(counted, work, failed, workers, size)
    if progress is None:
        return results
    return _reporting(results, progress, total, counted)


def _serial(
    inputs: Iterable[_In], work: Callable[[list[_In]], list[_Out]]
) -> Generator[_Out, None, None]:
    for one in inputs:
        yield from work([one])


def _reporting(
    results: Generator[_Out, None, None],
    progress: Progress,
    total: int | None,
    counted: _Counted[Any],
) -> Generator[_Out, None, None]:
    with closing(results):
        progress(0, total)
        for done, result in enumerate(results, 1):
            progress(done, total if total is not None else counted.total)
            yield result


class _Counted(Iterator[_In]):
    """An iterator that knows how many items it gave once it has run out."""

    def __init__(self, items: Iterable[_In]) -> None:
        self._items = iter(items)
        self._count = 0
        self.total: int | None = None

    def __next__(self) -> _In:
        try:
            item = next(self._items)
        except StopIteration:
            self.total = self._count
            raise
        self._count += 1
        return item


def _chunk_size(chunksize: int, workers: int, total: int | None) -> int:
    """``chunksize``, made smaller when a short run would leave workers idle."""
    if total is None:
        return chunksize
    return max(1, min(chunksize, -(-total // (4 * workers))))


def _expand(source: str, pattern: str) -> Iterator[str]:
    if os.path.isdir(source):
        yield from _walk(source, "", _compile(pattern))
    elif os.path.exists(source) or not _GLOB_CHARS.intersection(source):
        yield source
    else:
        parts = PurePath(source).parts
        first = next(i for i, part in enumerate(parts) if _GLOB_CHARS.intersection(part))
        root = os.path.join(*parts[:first]) if first else ""
        if root == "" or os.path.isdir(root):
            yield from _walk(root, "", _compile("/".join(parts[first:])))


def _walk(folder: str, relative: str, match: Callable[[str], object]) -> Iterator[str]:
    """Files under ``folder`` whose path relative to the top matches, sorted by path.

    Sorting each folder's entries with folder names followed by ``/`` gives
    the order of sorting all relative paths at once, one folder in memory.
    """
    try:
        with os.scandir(folder or ".") as scan:
            entries = [
                (entry.name + "/" if entry.is_dir(follow_symlinks=False) else entry.name, entry)
                for entry in scan
                if not entry.name.startswith(".")
            ]
    except OSError:
        yield folder  # unreadable: loading it reports why
        return
    entries.sort(key=lambda pair: pair[0])
    for key, entry in entries:
        path = os.path.join(folder, entry.name)
        if key.endswith("/"):
            yield from _walk(path, relative + key, match)
        elif match(relative + entry.name):
            yield path


def _compile(pattern: str) -> Callable[[str], object]:
    """A matcher of ``/``-separated relative paths for the glob ``pattern``."""
    regex = ""
    segments = pattern.replace(os.sep, "/").split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            regex += ".*" if last else "(?:[^/]+/)*"
            continue
        regex += _translate(segment) + ("" if last else "/")
    return re.compile(regex + r"\Z", re.DOTALL).match


def _translate(segment: str) -> str:
    """One name of a glob as a regex: ``*``, ``?`` and ``[...]`` stay within the name."""
    out = ""
    i = 0
    while i < len(segment):
        char = segment[i]
        i += 1
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[" and (end := segment.find("]", i + 1)) != -1:
            body = segment[i:end]
            negate = body.startswith("!")
            body = re.escape(body[1:] if negate else body).replace(r"\-", "-")
            out += f"[{'^' if negate else ''}{body}]"
            i = end + 1
        else:
            out += re.escape(char)
    return out
