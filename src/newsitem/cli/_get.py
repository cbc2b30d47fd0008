"""``newsitem get FIELD PATH...``: print the value of a field of each item."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import _fields
from ._common import EXIT_OK, EXIT_PROBLEMS, Commands, UsageError
from ._items import loaded, several
from ._paths import iter_inputs
from ._report import Problem, Reporter

__all__ = ["register", "run"]


def register(commands: Commands) -> None:
    get = commands.add_parser(
        "get",
        help="print the value of a field of each item",
        description=(
            "Print the value at FIELD of each item: a string as a bare line, anything "
            "else as JSON, one line per value; with several files, each line starts "
            "with 'path: '. FIELD is a file key or an attribute name, with .name, [N] "
            "and [*] steps: title, provider.domain, related[0].webUrl, related[*].web_url."
        ),
        epilog="exit status: 0 found in every item, 1 a field missing or an item invalid, "
        "2 usage error",
    )
    get.add_argument("field", metavar="FIELD", help="the field path")
    get.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, a folder, a quoted glob, or -"
    )
    get.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        steps = _fields.parse(args.field)
    except _fields.FieldPathError as exc:
        raise UsageError(exc.message) from None
    prefix = several(args.paths)
    with Reporter("text", sys.stderr) as reporter:
        for one, _, item in loaded(iter_inputs(args.paths), reporter):
            data = item.article.model_dump(mode="json", by_alias=True, exclude_unset=True)
            try:
                found = _fields.select(data, steps)
            except _fields.Missing as exc:
                reporter.add(Problem(one.path, None, None, "missing-field", exc.message, exc.field))
                continue
            for _, value in found:
                line = _line(value)
                print(f"{one.path}: {line}" if prefix else line)
    return EXIT_PROBLEMS if reporter.count else EXIT_OK


def _line(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
