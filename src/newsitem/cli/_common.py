"""What every verb shares: exit statuses, usage errors, argument types, progress."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias, TypeVar

if TYPE_CHECKING:
    from tqdm import tqdm

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Commands",
    "UsageError",
    "positive",
    "progress",
]

EXIT_OK = 0
"""All well: every item is valid, nothing would change."""
EXIT_PROBLEMS = 1
"""Problems found, or (``fmt --check``, ``--dry-run``) a file would change."""
EXIT_USAGE = 2
"""A usage error, or input that cannot be read at all (no such file, no item in a folder)."""

T = TypeVar("T")

# A string: the class is not subscriptable at run time before Python 3.14.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # pyright: ignore[reportPrivateUsage]
"""What a verb's ``register`` gets: ``parser.add_subparsers()``, to ``add_parser`` to."""


class UsageError(Exception):
    """A mistake in the command line: printed as ``newsitem: error: ...``, exit 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


class Progress:
    """A progress bar on stderr when it is a terminal and tqdm is installed; else nothing.

    ``output()`` is a context manager to print other text while the bar is
    drawn: the bar is cleared first and drawn again after.
    """

    def __init__(self, total: int | None, *, unit: str, enabled: bool = True) -> None:
        self._bar: tqdm[NoReturn] | None = None
        if not enabled or not sys.stderr.isatty():
            return
        try:
            from tqdm import tqdm  # the `cli` extra
        except ImportError:
            return
        self._bar = tqdm(total=total, unit=f" {unit}", file=sys.stderr, leave=False)

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, advancing the bar by one for each."""
        for item in items:
            yield item
            if self._bar is not None:
                self._bar.update(1)

    def output(self) -> AbstractContextManager[Any]:
        if self._bar is None:
            return nullcontext()
        return self._bar.external_write_mode(file=sys.stdout)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress(total: int | None, *, unit: str = "files", enabled: bool = True) -> Progress:
    """A :class:`Progress` for ``total`` things (``None``: unknown)."""
    return Progress(total, unit=unit, enabled=enabled)
