"""The ``newsitem`` command: one module per verb, each listed in :data:`VERBS`.

Every verb takes files, folders and ``-`` (standard input), prints each
problem as ``path:line:column: CODE message``, and exits with
:data:`~newsitem.cli._common.EXIT_OK` (0, all well),
:data:`~newsitem.cli._common.EXIT_PROBLEMS` (1, problems found or a file would
change) or :data:`~newsitem.cli._common.EXIT_USAGE` (2, a usage error or input
that cannot be read at all).

A verb module has ``register(commands)``, which adds its sub-parser and calls
``set_defaults(run=run)``, and ``run(args) -> int``. Its files are in
``args.paths`` (``nargs="+"`` or ``"*"``): arguments left over after its
options are added there, so paths may come before and after options.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import metadata
from typing import Protocol

from . import _check, _convert, _del, _export, _fmt, _get, _lint, _schema, _set
from ._common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Commands, UsageError

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "VERBS", "Verb", "main"]


class Verb(Protocol):
    """What a verb module provides."""

    def register(self, commands: Commands) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


VERBS: tuple[Verb, ...] = (_check, _get, _set, _del, _fmt, _convert, _schema, _export, _lint)
"""The verb modules, in the order ``newsitem --help`` lists them."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser, commands = _parser()
    try:
        args, extra = parser.parse_known_args(argv)
        # argparse gives a verb the paths before its first option only: `check a
        # --strict b` leaves `b` over. Paths after options are paths too.
        sub = commands.choices[args.command]
        unknown = [arg for arg in extra if arg.startswith("-") and arg != "-"]
        if unknown or (extra and not hasattr(args, "paths")):
            sub.error(f"unrecognized arguments: {' '.join(unknown or extra)}")
        if extra:
            args.paths = [*(args.paths or ()), *extra]
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        status: int = args.run(args)
    except UsageError as exc:
        sub.print_usage(sys.stderr)
        print(f"{sub.prog}: error: {exc.message}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # stdout closed early, as by `| head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    return status


def _parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser = argparse.ArgumentParser(
        prog="newsitem",
        description="Read, validate, edit and write news-item files without losing a byte.",
        epilog="exit status: 0 all well, 1 problems found or a file would change, "
        "2 usage error or unreadable input",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for verb in VERBS:
        verb.register(commands)
    return parser, commands


def _version() -> str:
    try:
        return metadata.version("newsitem")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"
