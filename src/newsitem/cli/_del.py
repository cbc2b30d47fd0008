"""``newsitem del FIELD... PATH...``: remove fields and their lines."""

from __future__ import annotations

import argparse
import os

from ..api import NewsItem
from ..models import Article
from . import _fields
from ._common import Commands, UsageError
from ._items import edit_files
from ._set import add_edit_options, rewrite

__all__ = ["register", "run"]


def register(commands: Commands) -> None:
    verb = commands.add_parser(
        "del",
        help="remove fields from items, and their lines",
        description=(
            "Remove each FIELD from every item that has it, with its lines (comments "
            "on them included); the rest of the file is kept byte for byte. The "
            "fields are the arguments before the first one that is an existing file "
            "or folder, a glob, or -."
        ),
        epilog="exit status: 0 all well, 1 an item would be invalid without the field "
        "(it is left as it was) or, with --dry-run, a file would change, 2 usage error",
    )
    verb.add_argument(
        "paths",
        nargs="+",
        metavar="FIELD... PATH",
        help="field paths, then files, folders, quoted globs or -",
    )
    add_edit_options(verb)
    verb.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    arguments: list[str] = list(args.paths)
    fields: list[list[_fields.Step]] = []
    while arguments and not _is_path(arguments[0]):
        fields.append(_fields.parse(arguments.pop(0)))  # parses: _is_path said so
    if not fields:
        raise UsageError("no FIELD given before the paths")
    if not arguments:
        named = ", ".join(repr(arg) for arg in args.paths)
        raise UsageError(f"no PATH given: none of {named} is an existing file or folder")

    def edit(text: str, item: NewsItem[Article]) -> str:
        data = item.article.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        if not sum(_fields.remove(data, steps) for steps in fields):
            return text
        return rewrite(item, data)

    return edit_files("del", arguments, edit, dry_run=args.dry_run, quiet=args.quiet)


def _is_path(argument: str) -> bool:
    """An existing file or folder, ``-``, or anything that is no field path (a glob)."""
    if argument == "-" or os.path.lexists(argument):
        return True
    try:
        _fields.parse(argument)
    except _fields.FieldPathError:
        return True
    return False
