"""``newsitem check``: validate items and report every problem."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator

from .. import corpus
from ..errors import NewsItemError
from ..models import Article
from ._common import EXIT_OK, EXIT_PROBLEMS, Commands, positive, progress
from ._paths import Input, iter_inputs
from ._report import FORMATS, Reporter, problems_from_error

__all__ = ["register", "run"]


def register(commands: Commands) -> None:
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
        help="a file, a folder (searched recursively for files that start with '---'), "
        "a quoted glob such as 'items/*.md', or - for standard input",
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="how problems are printed: text lines, JSON Lines, GitHub workflow "
        "annotations or a SARIF 2.1.0 log (default: %(default)s)",
    )
    check.add_argument(
        "--pattern",
        default=None,
        metavar="GLOB",
        help="inside folders, only the files whose relative path matches GLOB "
        "(such as '**/*.md'; default: every file)",
    )
    check.add_argument(
        "--strict", action="store_true", help="report keys the format does not define"
    )
    check.add_argument(
        "--workers",
        type=positive,
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
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = iter_inputs(args.paths, pattern=args.pattern)
    show = not args.quiet and sys.stderr.isatty()
    inputs: Iterable[Input]
    total = None
    if show:  # the bar's total: the inputs are listed first (names and first bytes only)
        inputs = list(found)
        total = len(inputs)
    else:
        inputs = _started(found)  # usage errors now, before any output
    checked = invalid = 0
    with Reporter(args.format, sys.stdout) as reporter, progress(total, enabled=show) as bar:
        for path, error in bar.track(_outcomes(inputs, strict=args.strict, workers=args.workers)):
            checked += 1
            if error is None:
                continue
            invalid += 1
            with bar.output():
                for problem in problems_from_error(path, error):
                    reporter.add(problem)
    if not args.quiet:
        files = "file" if checked == 1 else "files"
        print(
            f"checked {checked} {files}: {checked - invalid} valid, {invalid} invalid",
            file=sys.stderr,
        )
    return EXIT_PROBLEMS if invalid else EXIT_OK


def _started(inputs: Iterator[Input]) -> Iterator[Input]:
    """``inputs``, with its first step (which checks every path) taken now."""
    first = next(inputs, None)
    return inputs if first is None else itertools.chain([first], inputs)


def _outcomes(
    inputs: Iterable[Input], *, strict: bool, workers: int
) -> Iterator[tuple[str, NewsItemError | None]]:
    """``(path, error or None)`` for each input, in order; files go through the corpus run."""
    for stdin, group in itertools.groupby(inputs, key=lambda one: one.is_stdin):
        if stdin:
            yield from (_load_stdin(one, strict) for one in group)
            continue
        files = (one.path for one in group)
        yield from corpus.map_files(_outcome, files, strict=strict, workers=workers)


def _load_stdin(one: Input, strict: bool) -> tuple[str, NewsItemError | None]:
    try:
        one.load(strict=strict)
    except NewsItemError as exc:
        return one.path, exc
    return one.path, None


def _outcome(result: corpus.Result[Article]) -> tuple[str, NewsItemError | None]:
    # Runs in the workers: only the path and the error come back, not the item.
    return result.source, result.error
