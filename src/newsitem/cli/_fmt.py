"""``newsitem fmt [--check] PATH...``: rewrite items in the reference style."""

from __future__ import annotations

import argparse

from ..api import NewsItem
from ..models import Article
from ._common import Commands
from ._items import edit_files
from ._set import add_edit_options
from ._style import reference_style

__all__ = ["register", "run"]


def register(commands: Commands) -> None:
    fmt = commands.add_parser(
        "fmt",
        help="rewrite items in the reference style",
        description=(
            "Rewrite each item's front matter in the reference style: the format's "
            "key order, two-space indentation, lists under their key, titles, "
            "excerpts, URLs and 'secured' double-quoted, other strings plain, "
            "timestamps plain, a blank line around top-level lists and mappings. "
            "Comments, the line endings, a byte-order mark and the body are kept; "
            "a formatted file is left as it is."
        ),
        epilog="exit status: 0 all formatted, 1 an item invalid or (with --check or "
        "--dry-run) a file would change, 2 usage error",
    )
    fmt.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, quoted globs or -")
    fmt.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print each file that would change and exit 1 if any would",
    )
    add_edit_options(fmt)
    fmt.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def edit(text: str, item: NewsItem[Article]) -> str:
        return reference_style(text, type(item.article))

    return edit_files(
        "fmt",
        args.paths,
        edit,
        dry_run=args.dry_run,
        quiet=args.quiet,
        check=args.check,
        check_message="not in the reference style (newsitem fmt rewrites it)",
    )
