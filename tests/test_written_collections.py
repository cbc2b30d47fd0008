"""New lists and mappings are written in the shape YAML 1.2 gives them and the file uses.

A list or mapping key is written as an explicit entry (``? key`` then ``: value``
at the key's column, YAML 1.2 section 8.2.2) or, in a flow mapping, as
``? key`` before the ``:`` (section 7.4); the strings inside it are quoted
with the file's own quote when they cannot be plain. A new item of a list
whose items start further from their dash (``-   key``) starts as far, and
its later lines line up with its first. A value YAML cannot hold (a set) is
refused by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsitem import Article, EditError, NewsItem, frontmatter
from newsitem import dumps as dump_item


def _edited(yaml: str, edit: Callable[[Any], None]) -> str:
    doc = frontmatter.loads(f"---\n{yaml}---\n")
    edit(doc.data)
    out = frontmatter.dumps(doc)
    assert frontmatter.loads(out).data == doc.data
    return out.removeprefix("---\n").removesuffix("---\n")


def test_a_list_key_under_a_key_is_an_explicit_entry_at_its_column() -> None:
    """``? [...]`` and its ``:`` both sit two columns in, under ``b``; ``x: y`` in quotes."""
    out = _edited("a: 'q'\n", lambda d: d.__setitem__("b", {("x: y", 1): "v"}))
    assert out == "a: 'q'\nb:\n  ? ['x: y', 1]\n  : v\n"


def test_a_list_key_two_levels_down() -> None:
    out = _edited("a: 'q'\n", lambda d: d.__setitem__("b", {"m": {("x: y",): "v"}}))
    assert out == "a: 'q'\nb:\n  m:\n    ? ['x: y']\n    : v\n"


def test_a_list_key_in_a_flow_mapping() -> None:
    """In a flow mapping the key is ``? [...]`` before its ``:``; its string takes the quote."""
    out = _edited("a: 'q'\nb: {x: 1}\n", lambda d: d.__setitem__("b", {("x: y",): 1}))
    assert out == "a: 'q'\nb: {? ['x: y'] : 1}\n"


def test_a_mapping_key_read_from_the_file_can_be_written_under_a_new_key() -> None:
    """A mapping key (read as a frozen mapping) is written as ``? {x: 1}``."""
    doc = frontmatter.loads("---\nm:\n  ? {x: 1}\n  : 1\n---\n")
    key = next(iter(doc.data["m"]))
    doc.data["b"] = {key: 2}
    assert frontmatter.dumps(doc) == "---\nm:\n  ? {x: 1}\n  : 1\nb:\n  ? {x: 1}\n  : 2\n---\n"


def test_a_new_item_takes_the_offset_of_the_item_it_replaces() -> None:
    """``-   p`` replaced by a mapping: ``k`` four columns after the dash, ``l`` under it,
    though the file's other list puts its items two columns after the dash."""
    out = _edited("a:\n  - x\nb:\n  -   p\n", lambda d: d["b"].__setitem__(0, {"k": 1, "l": 2}))
    assert out == "a:\n  - x\nb:\n  -   k: 1\n      l: 2\n"


@pytest.mark.parametrize("value", [{1, 2}, {"k": [1, {2}]}])
def test_a_set_in_a_new_item_is_refused_by_name(value: object) -> None:
    """A new item is written without a source file; a set has no YAML form."""
    item = NewsItem(Article(title="T", web_url="https://www.citynews.example/t", tally=value))
    with pytest.raises(EditError, match="cannot write a value of type set as YAML"):
        dump_item(item)
