"""``newsitem set FIELD=VALUE... PATH...``: change fields, validated, only their lines rewritten."""

from __future__ import annotations

import argparse
import copy
import re
from typing import Any

from .. import frontmatter
from .._validation import validate
from ..api import NewsItem, dumps
from ..errors import NewsItemError
from ..models import Article
from . import _fields
from ._common import Commands, UsageError
from ._items import edit_files

__all__ = ["parse_value", "register", "rewrite", "run"]

_ASSIGNMENT = re.compile(r"([^=\s]+)=(.*)", re.DOTALL)


def register(commands: Commands) -> None:
    verb = commands.add_parser(
        "set",
        help="set fields of items, rewriting only their lines",
        description=(
            "Set each FIELD to VALUE in every item, validated against the model before "
            "anything is written; only the lines of what changed are rewritten. VALUE "
            'is a YAML 1.2 flow value: quality=5, published=true, title="A: b", '
            'topics="[AI, Policy]", excerpt=null.'
        ),
        epilog="exit status: 0 all written, 1 a value invalid for an item (that item is "
        "left as it was) or, with --dry-run, a file would change, 2 usage error",
    )
    verb.add_argument(
        "paths",
        nargs="+",
        metavar="FIELD=VALUE... PATH",
        help="assignments, then files, folders, quoted globs or - (standard input, "
        "written to standard output)",
    )
    add_edit_options(verb)
    verb.set_defaults(run=run)


def add_edit_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print a unified diff of what would change and write nothing",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    assignments: list[tuple[list[_fields.Step], Any]] = []
    arguments: list[str] = list(args.paths)
    while arguments and (match := _ASSIGNMENT.fullmatch(arguments[0])):
        try:
            steps = _fields.parse(match.group(1))
        except _fields.FieldPathError:
            break  # a path with '=' in its name
        assignments.append((steps, parse_value(match.group(1), match.group(2))))
        arguments.pop(0)
    if not assignments:
        raise UsageError("no FIELD=VALUE given (such as quality=5)")
    if not arguments:
        raise UsageError("no PATH given after the assignments")

    def edit(text: str, item: NewsItem[Article]) -> str:
        data = item.article.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        for steps, value in assignments:
            _fields.assign(data, steps, copy.deepcopy(value))
        return rewrite(item, data)

    return edit_files("set", arguments, edit, dry_run=args.dry_run, quiet=args.quiet)


def parse_value(field: str, text: str) -> Any:
    """``text`` read as a YAML 1.2 flow value by newsitem's own reader; UsageError if not one."""
    try:
        document = frontmatter.loads(f"---\nvalue: {text}\n---\n")
    except NewsItemError as exc:
        raise UsageError(f"{field}: not a YAML value: {text!r} ({exc.message})") from None
    if list(document.data) != ["value"]:
        raise UsageError(f"{field}: not one YAML value: {text!r}")
    return document.data["value"]


def rewrite(item: NewsItem[Article], data: dict[str, Any]) -> str:
    """The text of ``item`` with its article replaced by ``data`` (file keys), validated.

    Raises :class:`~newsitem.errors.ValidationError` when ``data`` does not fit the model.
    """
    item.article = validate(type(item.article), data)
    return dumps(item)
