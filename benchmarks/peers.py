"""What each contender does for one item, as a plain function of the item's text.

The peers get a minimal front-matter splitter (``split``) where they have none
of their own; its cost is part of their time, as ``newsitem``'s is of its.
Parsers that are missing are left out (``None``), and the table says so.
"""

from __future__ import annotations

import importlib
import io
import json
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML

import newsitem
from newsitem import Article

_FENCE = re.compile(r"^---[ \t]*\r?$\n?", re.MULTILINE)
NEW_TITLE = "An edited title: one field changed, the rest kept"


def optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def split(text: str) -> tuple[str, str]:
    """(front matter, body) of ``text``: what a peer without a splitter would do."""
    _, yaml, body = _FENCE.split(text.lstrip("\ufeff"), 2)
    return yaml, body


def _rt() -> Any:
    """ruamel.yaml's round-trip mode, set up as a user who wants fidelity would."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never fold the long quoted strings
    rt.indent(mapping=2, sequence=4, offset=2)  # the reference file's layout
    return rt


RT = _rt()
RT_LOAD = YAML(typ="rt")  # as it comes: what a load followed by validation would use


# -- load + validate -----------------------------------------------------


def newsitem_load(text: str) -> Any:
    return newsitem.loads(text).article


def ruamel_rt_load(text: str) -> Any:
    return Article.model_validate(RT_LOAD.load(split(text)[0]))


pydantic_yaml = optional("pydantic_yaml")


def pydantic_yaml_load(text: str) -> Any:
    return pydantic_yaml.parse_yaml_raw_as(Article, split(text)[0])


python_frontmatter = optional("frontmatter")


def frontmatter_load(text: str) -> Any:
    # python-frontmatter finds no front matter after a byte-order mark: strip it, as its
    # users must (without this, about one item in fifty would fail for this peer).
    return Article.model_validate(python_frontmatter.loads(text.removeprefix("\ufeff")).metadata)


# -- the floor: bare parses of the front matter, no split, no validation ---

yaml_rs = optional("yaml_rs")
pyyaml = optional("yaml")
ryml = optional("ryml")


def _ryml_values(yaml: str) -> Any:
    """rapidyaml to Python values: its C++ tree, aliases resolved, emitted as JSON, read back."""
    tree = ryml.parse_in_arena(yaml)
    tree.resolve()
    return json.loads(ryml.emit_json(tree))


def floor_parsers() -> dict[str, Callable[[str], Any]]:
    """The parsers that give Python values: the fastest of them is the floor."""
    parsers: dict[str, Callable[[str], Any]] = {}
    if yaml_rs is not None:
        parsers["yaml-rs loads"] = yaml_rs.loads
    if pyyaml is not None and getattr(pyyaml, "CSafeLoader", None) is not None:
        loader = pyyaml.CSafeLoader
        parsers["PyYAML CSafeLoader (YAML 1.1)"] = lambda y: pyyaml.load(y, Loader=loader)
    if ryml is not None:
        parsers["rapidyaml, tree to JSON to values"] = _ryml_values
    return parsers


def tree_only() -> dict[str, Callable[[str], Any]]:
    """Parsers timed for reference that build no Python values (not the floor)."""
    if ryml is None:
        return {}
    return {"rapidyaml parse_in_arena (C++ tree only)": ryml.parse_in_arena}


SAFE = YAML(typ="safe", pure=True)  # plain values for "validation alone"


# -- dump and edit -------------------------------------------------------


def ruamel_rt_dump(data: Any, body: str) -> str:
    out = io.StringIO()
    RT.dump(data, out)
    return "---\n" + out.getvalue() + "---\n" + body


def newsitem_edit(text: str) -> str:
    item = newsitem.loads(text)
    item.article.title = NEW_TITLE
    return newsitem.dumps(item)


def newsitem_document_edit(text: str) -> str:
    """The schema-free layer: no model, no validation."""
    doc = newsitem.frontmatter.loads(text)
    doc.data["title"] = NEW_TITLE
    return newsitem.frontmatter.dumps(doc)


def ruamel_rt_edit(text: str) -> str:
    yaml, body = split(text)
    data = RT.load(yaml)
    data["title"] = NEW_TITLE
    return ruamel_rt_dump(data, body)
