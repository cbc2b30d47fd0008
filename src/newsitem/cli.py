"""The ``newsitem`` command. ``newsitem check PATH...`` validates items in bulk.

Each problem is printed to stdout as ``path:line:column: CODE message`` (the
parts of the position that are unknown are left out), a summary goes to
stderr, and the exit status is 0 when every item is valid, 1 when any is not,
2 on a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator, Sequence
from importlib import metadata
from typing import TextIO

from . import corpus
from .errors import NewsItemError, ValidationError
from .models import Article

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1  # usage errors exit 2, through argparse


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    # argparse takes the paths before the first option only: `check a --strict b`
    # leaves `b` over. Paths after options are paths too; anything else is an error.
    unknown = [arg for arg in extra if arg.startswith("-") and arg != "-"]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.paths.extend(extra)
    for path in args.paths:
        problem = _missing(path)
        if problem is not None:
            parser.error(problem)
    try:
        return _check(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # stdout closed early, as by `| head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INVALID


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsitem",
        description="Read, validate, edit and write news-item files without losing a byte.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate news items and report every problem",
        description=(
            "Validate every news item in the given files and folders and print each "
            "problem as 'path:line:column: CODE message'."
        ),
        epilog="exit status: 0 all valid, 1 any invalid or unreadable, 2 usage error",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder (searched recursively), or a quoted glob such as 'items/*.md'",
    )
    check.add_argument(
        "--pattern",
        default="**/*.md",
        help="the files to check inside folders, relative to each (default: %(default)s)",
    )
    check.add_argument(
        "--strict", action="store_true", help="report keys the format does not define"
    )
    check.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="check in N processes (default: %(default)s)",
    )
    check.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print the problems only: no progress, no summary",
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _missing(path: str) -> str | None:
    """Why ``path`` names nothing to check, or None when it does."""
    if os.path.exists(path):
        return None
    first = next(corpus.paths(path), None)  # a glob: its first file
    if first is None:
        return f"no file matches {path!r}"
    if first == path:  # not a glob, given back as it is
        return f"no such file or directory: {path!r}"
    return None


def _check(args: argparse.Namespace) -> int:
    meter = _Meter(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    checked = invalid = 0
    outcomes = corpus.map_files(
        _outcome,
        args.paths,
        pattern=args.pattern,
        strict=args.strict,
        workers=args.workers,
        progress=meter.update if meter is not None else None,
    )
    try:
        for source, error in outcomes:
            checked += 1
            if error is None:
                continue
            invalid += 1
            if meter is not None:
                meter.clear()
            for line in _problem_lines(source, error):
                print(line)
    finally:  # also on ^C: leave no half-drawn line behind
        if meter is not None:
            meter.clear()
    if not args.quiet:
        files = "file" if checked == 1 else "files"
        print(
            f"checked {checked} {files}: {checked - invalid} valid, {invalid} invalid",
            file=sys.stderr,
        )
    return EXIT_INVALID if invalid else EXIT_OK


def _outcome(result: corpus.Result[Article]) -> tuple[str, NewsItemError | None]:
    # Runs in the workers: only the path and the error come back, not the item.
    return result.source, result.error


def _problem_lines(source: str, error: NewsItemError) -> Iterator[str]:
    """``path:line:column: CODE message`` for ``error``: one line per issue when it has them."""
    if isinstance(error, ValidationError) and error.issues:
        for issue in error.issues:
            message = f"{issue.field}: {issue.message}" if issue.field else issue.message
            yield f"{_where(source, issue.line, issue.column)}: {issue.code} {message}"
        return
    yield f"{_where(source, error.line, error.column)}: {error.code} {error.message}"


def _where(source: str, line: int | None, column: int | None) -> str:
    if line is None:
        return source
    return f"{source}:{line}" if column is None else f"{source}:{line}:{column}"


class _Meter:
    """A one-line progress display on a terminal, redrawn at most ten times a second.

    Plain ``\\r`` and spaces, no escape sequences, so any terminal shows it.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._width = 0  # of the line on screen; 0 when none is
        self._last = float("-inf")  # the first call draws

    def update(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and done != total:
            return
        self._last = now
        text = f"checking: {done}/{total} files" if total is not None else f"checking: {done} files"
        if total:
            text += f" ({100 * done // total}%)"
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def clear(self) -> None:
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def _version() -> str:
    try:
        return metadata.version("newsitem")
    except metadata.PackageNotFoundError:
        return "unknown"
