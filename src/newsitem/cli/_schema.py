"""``newsitem schema``: print the JSON Schema of the front matter."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from typing import TypeVar, cast

from pydantic import BaseModel

from .._io import write
from ..models import Article
from ..schema import json_schema
from ._common import EXIT_OK, Commands, UsageError

__all__ = ["model_argument", "register", "run"]

M = TypeVar("M", bound=BaseModel)

MODEL_HELP = (
    "the model, as module:Class, such as mypipeline.models:PipelineArticle "
    "(a subclass of newsitem.Article; the module is looked for in the current "
    "folder too; default: newsitem:Article)"
)


def register(commands: Commands) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the front matter, for editors and validators",
        description=(
            "Print the JSON Schema (draft 2020-12) of a news item's front matter: "
            "the file's keys, with a title and a description for each field."
        ),
        epilog="write it to a file (newsitem schema -o article.schema.json) "
        "and point your editor at it; see the docs' schema page",
    )
    schema.add_argument("--model", metavar="MODULE:CLASS", help=MODEL_HELP)
    schema.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the schema to FILE (atomically) instead of standard output",
    )
    schema.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    model = model_argument(args.model, BaseModel)
    text = json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        write(text, args.output)
    return EXIT_OK


def model_argument(spec: str | None, base: type[M]) -> type[M]:
    """The model class ``spec`` (``module:Class``) names; :class:`UsageError` when it names none."""
    if spec is None:
        return cast("type[M]", Article)
    module_name, colon, name = spec.partition(":")
    if not colon or not module_name or not name:
        raise UsageError(f"--model {spec!r}: expected module:Class")
    if os.getcwd() not in sys.path and "" not in sys.path:  # as `python -m` would
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # any failure of the user's module is theirs to see
        raise UsageError(f"cannot import module {module_name!r}: {exc}") from exc
    found: object = module
    for part in name.split("."):
        if not hasattr(found, part):
            raise UsageError(f"module {module_name!r} has no {name!r}")
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, base)):
        what = "a pydantic model" if base is BaseModel else f"a subclass of {base.__name__}"
        raise UsageError(f"{spec!r} is not {what}")
    return found
