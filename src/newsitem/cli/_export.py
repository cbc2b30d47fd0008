"""``newsitem export``: items as one table, in Parquet, CSV or JSON Lines."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from .. import export
from ..api import NewsItem, load, loads
from ..errors import NewsItemError
from ..models import Article
from ._common import EXIT_OK, EXIT_PROBLEMS, Commands, UsageError, positive, progress
from ._paths import Input, iter_inputs
from ._report import Reporter, problems_from_error
from ._schema import MODEL_HELP, model_argument

__all__ = ["register", "run"]

_SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "jsonl"}
_SUFFIXES[".ndjson"] = "jsonl"


def register(commands: Commands) -> None:
    command = commands.add_parser(
        "export",
        help="write items as one table: Parquet, CSV or JSON Lines, one row per item",
        description=(
            "Write every valid item of the given files and folders as one row of a "
            "Parquet, CSV or JSON Lines file. Invalid items are reported as "
            "'path:line:column: CODE message' and left out."
        ),
        epilog="exit status: 0 all exported, 1 some items invalid (left out), 2 usage error",
    )
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder (searched recursively for files that start with '---'), "
        "a quoted glob such as 'items/*.md', or - for standard input",
    )
    command.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the file to write (replaced atomically, once every row is written); "
        "- for standard output (csv and jsonl)",
    )
    command.add_argument(
        "--to",
        choices=export.FORMATS,
        help="the format (default: from the suffix of OUT: .parquet, .csv, .jsonl)",
    )
    command.add_argument("--model", metavar="MODULE:CLASS", help=MODEL_HELP)
    command.add_argument(
        "--pattern",
        default=None,
        metavar="GLOB",
        help="inside folders, only the files whose relative path matches GLOB",
    )
    command.add_argument(
        "--batch-size",
        type=positive,
        default=export.BATCH_SIZE,
        metavar="N",
        help="items held in memory at once, and Parquet rows per row group (default: %(default)s)",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="print the problems only: no summary"
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    to = _format(args.output, args.to)
    model = model_argument(args.model, Article)
    if to == "parquet":
        try:
            export.arrow_schema(model)
        except ImportError as exc:
            raise UsageError(str(exc)) from None
    found = iter_inputs(args.paths, pattern=args.pattern)
    show = not args.quiet and sys.stderr.isatty()
    inputs: Iterable[Input] = list(found) if show else _started(found)
    total = len(inputs) if isinstance(inputs, list) else None
    failed = 0
    with Reporter("text", sys.stdout) as reporter, progress(total, enabled=show) as bar:

        def items() -> Iterator[NewsItem[Any]]:
            nonlocal failed
            for one in bar.track(inputs):
                item, error = _load(one, model)
                if item is not None:
                    yield item
                    continue
                assert error is not None
                failed += 1
                with bar.output():
                    for problem in problems_from_error(one.path, error):
                        reporter.add(problem)

        if args.output == "-":
            written = export.write(
                items(), sys.stdout.buffer, to=to, model=model, batch_size=args.batch_size
            )
            sys.stdout.flush()
        else:
            written = export.write(
                items(), args.output, to=to, model=model, batch_size=args.batch_size
            )
    if not args.quiet:
        rows = "row" if written == 1 else "rows"
        where = "standard output" if args.output == "-" else args.output
        print(f"exported {written} {rows} to {where}; {failed} invalid left out", file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _format(output: str, given: str | None) -> export.Format:
    if output != "-" and os.path.isdir(output):
        raise UsageError(f"{output!r} is a folder: -o names the file to write")
    if given is None:
        suffix = os.path.splitext(output)[1].lower()
        if suffix not in _SUFFIXES:
            raise UsageError(
                f"cannot tell the format from {output!r}: give --to parquet, csv or jsonl"
            )
        given = _SUFFIXES[suffix]
    if output == "-" and given == "parquet":
        raise UsageError("Parquet is written to a file, not to standard output")
    return given  # type: ignore[return-value]  # one of export.FORMATS, checked above


def _load(
    one: Input, model: type[Article]
) -> tuple[NewsItem[Article], None] | tuple[None, NewsItemError]:
    """The item of ``one``, or the error that says why there is none."""
    try:
        if one.is_stdin:
            return loads(one.read_text(), model=model), None
        return load(one.path, model=model), None
    except NewsItemError as exc:
        if one.is_stdin:
            exc.path = one.path
        return None, exc
    except OSError as exc:
        error = NewsItemError(
            f"cannot read the file: {exc.strerror or exc}", path=one.path, code="unreadable"
        )
        error.__cause__ = exc
        return None, error


def _started(inputs: Iterator[Input]) -> Iterator[Input]:
    """``inputs``, with its first step (which checks every path) taken now."""
    first = next(inputs, None)
    return inputs if first is None else itertools.chain([first], inputs)
