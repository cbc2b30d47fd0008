"""The writer's paths through values, mappings, moved keys and aliases, each text in full.

Each case writes the text before, the edit and the text after by hand. An
edit touches only its own lines: comments, quoting, indentation, key order
and anchors elsewhere stay as they were, and the comments on the lines that
must stay tell a patch from the front matter written anew (which reads back
the same data but loses them). Top-level scalars take a shorter route
(``patch_scalars``), so the scalar cases here edit nested values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from _support import assert_same_data

from newsitem import _edit, frontmatter
from newsitem._nodes import SequenceNode
from newsitem._yaml import compose
from newsitem.errors import EditError
from newsitem.limits import Limits


def dumps_checked(before: str, edit: Any) -> str:
    """``before`` loaded, edited and dumped, after checking that it reads back as the data."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    out = frontmatter.dumps(doc)
    assert_same_data(frontmatter.loads(out).data, doc.data)
    return out


def setter(*path: Any) -> Any:
    """An edit that sets the value at ``path`` (keys and indexes) to the value given."""

    def make(value: Any) -> Any:
        def edit(data: Any) -> None:
            for step in path[:-1]:
                data = data[step]
            data[path[-1]] = value

        return edit

    return make


# -- value(): a changed scalar gets its own span, in its own style ------------------------

_SCALARS = [
    pytest.param(
        "---\n# top\nm:\n  a: 1  # one\n  b: x  # two\n---\n",
        setter("m", "a")(2),
        "---\n# top\nm:\n  a: 2  # one\n  b: x  # two\n---\n",
        id="plain-int",
    ),
    pytest.param(
        "---\nm:\n  a: 'x'  # one\n  b: \"y\"  # two\n---\n",
        setter("m", "a")("z"),
        "---\nm:\n  a: 'z'  # one\n  b: \"y\"  # two\n---\n",
        id="single-quoted-kept",
    ),
    pytest.param(
        "---\nm:\n  a: 'x'  # one\n  b: \"y\"  # two\n---\n",
        setter("m", "b")("z"),
        "---\nm:\n  a: 'x'  # one\n  b: \"z\"  # two\n---\n",
        id="double-quoted-kept",
    ),
    pytest.param(
        "---\nm:\n  a: 0x1f  # hex\n  b: 1\n---\n",
        setter("m", "a")(255),
        "---\nm:\n  a: 0xff  # hex\n  b: 1\n---\n",
        id="hex-kept",
    ),
    pytest.param(
        "---\nm:\n  a: True  # cap\n  b: 1\n---\n",
        setter("m", "a")(False),
        "---\nm:\n  a: False  # cap\n  b: 1\n---\n",
        id="bool-spelling-kept",
    ),
    pytest.param(
        "---\nm:\n  a: !!int 42  # tagged\n  b: 1\n---\n",
        setter("m", "a")(43),
        "---\nm:\n  a: !!int 43  # tagged\n  b: 1\n---\n",
        id="tag-kept-for-the-same-type",
    ),
    pytest.param(
        "---\nm:\n  a: !!int 42  # tagged\n  b: 1\n---\n",
        setter("m", "a")("s"),
        "---\nm:\n  a: s  # tagged\n  b: 1\n---\n",
        id="tag-dropped-for-another-type",
    ),
    pytest.param(
        "---\nm:\n  a: &x !!int 42  # tagged\n  b: 1\n---\n",
        setter("m", "a")("s"),
        "---\nm:\n  a: &x s  # tagged\n  b: 1\n---\n",
        id="anchor-kept-tag-dropped",
    ),
    pytest.param(
        "---\nm:\n  a: !!int &x 42  # tagged\n  b: 1\n---\n",
        setter("m", "a")("s"),
        "---\nm:\n  a: &x s  # tagged\n  b: 1\n---\n",
        id="tag-before-anchor-dropped",
    ),
    pytest.param(
        "---\nm:\n  a: !!int &idX 42  # tagged\n  b: 1\n---\n",
        setter("m", "a")("s"),
        # the anchor's whole name is kept
        "---\nm:\n  a: &idX s  # tagged\n  b: 1\n---\n",
        id="anchor-named-with-capitals-kept-tag-dropped",
    ),
    pytest.param(
        "---\nm:\n  a:  # empty\n  b: 1\n---\n",
        setter("m", "a")(5),
        "---\nm:\n  a: 5  # empty\n  b: 1\n---\n",
        id="empty-value-filled",
    ),
    pytest.param(
        "---\nm:\n  a: &x  # empty\n  b: 1\n---\n",
        setter("m", "a")(5),
        "---\nm:\n  a: &x 5  # empty\n  b: 1\n---\n",
        id="empty-anchored-value-filled",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")(5),
        "---\nm:\n  ? a\n  : 5\n  # keep\n  b: 1  # b\n---\n",
        id="explicit-key-gets-its-colon-line",
    ),
    pytest.param(
        "---\nm:\n  # keep\n  ? a\n  X: 1  # X\n---\n",
        setter("m", "a")(5),
        # the ":" on the next line is X's, not a's
        "---\nm:\n  # keep\n  ? a\n  : 5\n  X: 1  # X\n---\n",
        id="explicit-key-then-a-key-starting-with-x",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  :\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")(5),
        "---\nm:\n  ? a\n  : 5\n  # keep\n  b: 1  # b\n---\n",
        id="explicit-key-lone-colon",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # flow\nn: 1\n---\n",
        setter("m", "a")("x y"),
        "---\nm: {a: x y, b: 2}  # flow\nn: 1\n---\n",
        id="flow-mapping-scalar",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # flow\nn: 1\n---\n",
        setter("m", "a")("x, y"),
        '---\nm: {a: "x, y", b: 2}  # flow\nn: 1\n---\n',
        id="flow-mapping-scalar-needing-quotes",
    ),
    pytest.param(
        "---\nl:\n- 1  # one\n- 2  # two\n---\n",
        setter("l", 1)(3),
        "---\nl:\n- 1  # one\n- 3  # two\n---\n",
        id="list-item",
    ),
    pytest.param(
        "---\nl: [a, b]  # flow\n---\n",
        setter("l", 1)("c"),
        "---\nl: [a, c]  # flow\n---\n",
        id="flow-list-item",
    ),
    pytest.param(
        "---\nm:\n  a: |\n    one\n    two\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")("three\nfour\n"),
        "---\nm:\n  a: |\n    three\n    four\n  # keep\n  b: 1  # b\n---\n",
        id="literal-block",
    ),
    pytest.param(
        "---\nm:\n  a: >\n    one\n    two\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")("three four\n"),
        "---\nm:\n  a: >\n    three four\n  # keep\n  b: 1  # b\n---\n",
        id="folded-block",
    ),
    pytest.param(
        "---\nm:\n  a: |\n    one\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")("  lead\n"),
        # a first line starting with blanks needs an indentation indicator:
        # the value is written double-quoted instead
        '---\nm:\n  a: "  lead\\n"\n  # keep\n  b: 1  # b\n---\n',
        id="block-that-cannot-hold-it",
    ),
    pytest.param(
        "---\nm:\n  a: |\n    one\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")("\n  lead\n"),
        # after an empty first line, an indented one would set the block's
        # indentation and lose its own blanks: double-quoted instead
        '---\nm:\n  a: "\\n  lead\\n"\n  # keep\n  b: 1  # b\n---\n',
        id="block-whose-indented-line-follows-an-empty-one",
    ),
    pytest.param(
        "---\nm:\n  a: |\n  # keep\n  b: 1  # b\n---\n",
        setter("m", "a")("x\n"),
        # an empty block: its lines go at the key's column plus the indent
        "---\nm:\n  a: |\n    x\n  # keep\n  b: 1  # b\n---\n",
        id="empty-literal-block",
    ),
    pytest.param(
        "---\nl:\n  - |\n  - 1  # one\n---\n",
        setter("l", 0)("x\n"),
        "---\nl:\n  - |\n    x\n  - 1  # one\n---\n",
        id="empty-literal-block-item",
    ),
    pytest.param(
        "---\nm:\n  a: 2026-12-01T10:00:00Z  # t\n  b: 1\n---\n",
        setter("m", "a")(dt.datetime(2026, 12, 2, 11, 30, tzinfo=dt.timezone.utc)),
        "---\nm:\n  a: 2026-12-02T11:30:00Z  # t\n  b: 1\n---\n",
        id="timestamp-style-kept",
    ),
    pytest.param(
        "---\nm:\n  a: ~  # null\n  b: 1\n---\n",
        setter("m", "a")(None),
        "---\nm:\n  a: ~  # null\n  b: 1\n---\n",
        id="null-unchanged",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # null\n  b: 1\n---\n",
        setter("m", "a")(1.5),
        "---\nm:\n  a: 1.5  # null\n  b: 1\n---\n",
        id="int-to-float",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _SCALARS)
def test_a_changed_scalar_is_rewritten_in_its_span(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


# -- value(): a value of another shape takes the old one's place ---------------------------

_SHAPES = [
    pytest.param(
        "---\nm:\n  a: 1  # one\n  # keep\n  b: 2  # two\n---\n",
        setter("m", "a")([1, 2]),
        # the comment stays on the key's line; no list in the file: the items
        # are indented from the key (the default)
        "---\nm:\n  a:  # one\n    - 1\n    - 2\n  # keep\n  b: 2  # two\n---\n",
        id="scalar-to-list",
    ),
    pytest.param(
        "---\nm:\n  a:\n    x: 1\n  # keep\n  b: 2  # two\n---\n",
        setter("m", "a")("s"),
        "---\nm:\n  a: s\n  # keep\n  b: 2  # two\n---\n",
        id="mapping-to-scalar",
    ),
    pytest.param(
        "---\nm:\n  a:\n  - 1\n  # keep\n  b: 2  # two\n---\n",
        setter("m", "a")({"x": 1}),
        "---\nm:\n  a:\n    x: 1\n  # keep\n  b: 2  # two\n---\n",
        id="list-to-mapping",
    ),
    pytest.param(
        "---\nrelated: []  # none yet\nn: 1\n---\n",
        setter("related")([{"a": 1}]),
        # mapping items in a block file: block items, not a flow list, indented
        # from the key (the file has no block list to follow); the comment stays
        "---\nrelated:  # none yet\n  - a: 1\nn: 1\n---\n",
        id="empty-flow-list-takes-block-items",
    ),
    pytest.param(
        "---\nrelated: []  # none yet\nn: 1\n---\n",
        setter("related")(["a"]),
        "---\nrelated: [a]  # none yet\nn: 1\n---\n",
        id="empty-flow-list-takes-scalars",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # flow\nn: 1\n---\n",
        setter("m", "a")([1, 2]),
        "---\nm: {a: [1, 2], b: 2}  # flow\nn: 1\n---\n",
        id="flow-scalar-to-list",
    ),
    pytest.param(
        "---\nl: [[1], 2]  # flow\n---\n",
        setter("l", 0)([{"a": 1}]),
        "---\nl: [[{a: 1}], 2]  # flow\n---\n",
        id="list-of-mappings-inside-a-flow-list",
    ),
    pytest.param(
        "---\nl:\n- x  # x\n- !!map &i\n  &k a: 1\n  # keep\n  b: 2\nn: 1  # n\n---\n",
        setter("l", 1)("c"),
        # the item's tag and anchor go with it; &k was its first key's
        "---\nl:\n- x  # x\n- c\nn: 1  # n\n---\n",
        id="item-with-a-tag-an-anchor-and-an-anchored-first-key",
    ),
    pytest.param(
        "---\nl:\n- !!map &i\n  &k a: 1\n  b: 2\n- x  # x\nn: 1  # n\n---\n",
        setter("l", 0)([1]),
        "---\nl:\n- - 1\n- x  # x\nn: 1  # n\n---\n",
        id="first-item-with-three-properties-to-a-list",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _SHAPES)
def test_a_value_of_another_shape_takes_its_place(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


# -- mapping_entries(): keys that come and go ---------------------------------------------

_KEYS = [
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        lambda d: d["m"].pop("b"),
        "---\nm:\n  a: 1  # a\n  c: 3  # c\n---\n",
        id="middle-key-deleted",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  # about b\n  b: 2  # b\n  c: 3  # c\n---\n",
        lambda d: d["m"].pop("b"),
        # the comment line above a deleted entry goes with it
        "---\nm:\n  a: 1  # a\n  c: 3  # c\n---\n",
        id="key-deleted-with-its-comment",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  c: 3  # c\n---\n",
        lambda d: d.__setitem__("m", {"a": 1, "b": 2, "c": 3}),
        "---\nm:\n  a: 1  # a\n  b: 2\n  c: 3  # c\n---\n",
        id="key-inserted-in-the-middle",
    ),
    pytest.param(
        "---\nm:\n  # first\n  b: 2  # b\n---\n",
        lambda d: d.__setitem__("m", {"a": 1, "b": 2}),
        # before the first key and its comment lines
        "---\nm:\n  a: 1\n  # first\n  b: 2  # b\n---\n",
        id="key-inserted-first",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n---\n",
        lambda d: d["m"].update(b={"c": [1]}),
        "---\nm:\n  a: 1  # a\n  b:\n    c:\n      - 1\n---\n",
        id="nested-value-appended",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n---\n",
        lambda d: d.__setitem__("m", {"x": 0, "b": 3}),
        # a goes, x comes before b, b is patched in place
        "---\nm:\n  x: 0\n  b: 3  # b\n---\n",
        id="replaced-first-key-and-changed-second",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # flow\nn: 1\n---\n",
        lambda d: d["m"].update(c=3),
        "---\nm: {a: 1, b: 2, c: 3}  # flow\nn: 1\n---\n",
        id="flow-key-appended",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2, c: 3}  # flow\nn: 1\n---\n",
        lambda d: d["m"].pop("b"),
        "---\nm: {a: 1, c: 3}  # flow\nn: 1\n---\n",
        id="flow-key-deleted",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # flow\nn: 1\n---\n",
        lambda d: d.__setitem__("m", {"z": 0, "a": 1, "b": 2}),
        "---\nm: {z: 0, a: 1, b: 2}  # flow\nn: 1\n---\n",
        id="flow-key-inserted-first",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  :\n  b: 2  # b\n---\n",
        lambda d: d["m"].update(c=3),
        "---\nm:\n  ? a\n  :\n  b: 2  # b\n  c: 3\n---\n",
        id="key-appended-after-explicit-entries",
    ),
    pytest.param(
        "---\nm:\n  b: 2  # b\n  ? a\n  :\n---\n",
        lambda d: d["m"].update(c=3),
        # after the lone ":" that ends the explicit entry, not after its key
        "---\nm:\n  b: 2  # b\n  ? a\n  :\n  c: 3\n---\n",
        id="key-appended-after-a-lone-colon",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  :\n  c: 3  # c\n---\n",
        lambda d: d.__setitem__("m", {"a": None, "x": 0, "c": 3}),
        # the explicit entry ends at its lone ":": x goes on the line after it
        "---\nm:\n  ? a\n  :\n  x: 0\n  c: 3  # c\n---\n",
        id="key-inserted-after-a-lone-colon",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  :\n  # about c\n  c: 3  # c\n---\n",
        lambda d: d["m"].pop("a"),
        # its lines go, to its lone ":", and no further
        "---\nm:\n  # about c\n  c: 3  # c\n---\n",
        id="entry-ending-in-a-lone-colon-deleted",
    ),
    pytest.param(
        "---\nl:\n- a: 1  # a\n  b: 2  # b\n---\n",
        lambda d: d["l"][0].pop("a"),
        # the entry on the dash line goes; the next one takes its place there
        "---\nl:\n- b: 2  # b\n---\n",
        id="dash-line-entry-deleted",
    ),
    pytest.param(
        "---\nl:\n- a: 1  # a\n  b: 2  # b\n---\n",
        lambda d: d["l"].__setitem__(0, {"z": 0, "a": 1, "b": 2}),
        "---\nl:\n- z: 0\n  a: 1  # a\n  b: 2  # b\n---\n",
        id="key-inserted-on-a-dash-line",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _KEYS)
def test_keys_that_come_and_go_take_their_own_lines(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


# -- moved_keys(): as few entries move as keep the new order ------------------------------

_ORDERS = [
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        {"b": 2, "c": 3, "a": 1},
        # b and c keep their order: only a moves, its comment with it
        "---\nm:\n  b: 2  # b\n  c: 3  # c\n  a: 1  # a\n---\n",
        id="first-moves-last",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        {"c": 3, "a": 1, "b": 2},
        "---\nm:\n  c: 3  # c\n  a: 1  # a\n  b: 2  # b\n---\n",
        id="last-moves-first",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  # about b\n  b: 2  # b\n  c: 3  # c\n---\n",
        {"b": 2, "a": 1, "c": 3},
        # a longest run of keys in the same order is [a, c] (the earliest old
        # keys kept): b moves up, with its comment line
        "---\nm:\n  # about b\n  b: 2  # b\n  a: 1  # a\n  c: 3  # c\n---\n",
        id="swap-moves-one-with-its-comment",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        {"b": 2, "a": 5, "c": 3},
        # the moved entry carries its own patch
        "---\nm:\n  b: 2  # b\n  a: 5  # a\n  c: 3  # c\n---\n",
        id="moved-and-changed",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        {"c": 3, "b": 2, "x": 0},
        "---\nm:\n  c: 3  # c\n  b: 2  # b\n  x: 0\n---\n",
        id="moved-deleted-and-added",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # flow\nn: 1  # n\n---\n",
        {"b": 2, "a": 1},
        # a flow mapping is written anew in its place, on its line
        "---\nm: {b: 2, a: 1}  # flow\nn: 1  # n\n---\n",
        id="flow-written-anew",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  : 1\n  b: 2\nn: 1  # n\n---\n",
        {"b": 2, "a": 1},
        # explicit keys are not moved as text: the mapping is written anew
        "---\nm:\n  b: 2\n  a: 1\nn: 1  # n\n---\n",
        id="explicit-key-written-anew",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1\n  b: 2\nn: 1  # n\n---\n",
        {"b": 2, "a": 1},
        "---\nm:\n  b: 2\n  a: 1\nn: 1  # n\n---\n",
        id="anchor-written-anew",
    ),
    pytest.param(
        "---\nl: [{a: 1, b: 2}]  # flow\nn: 1  # n\n---\n",
        {"b": 2, "a": 1},
        "---\nl: [{b: 2, a: 1}]  # flow\nn: 1  # n\n---\n",
        id="mapping-in-a-flow-list",
    ),
]


@pytest.mark.parametrize(("before", "order", "after"), _ORDERS)
def test_keys_in_a_new_order_move_the_fewest_entries(
    before: str, order: dict[str, Any], after: str
) -> None:
    def edit(d: dict[str, Any]) -> None:
        if "l" in d:
            d["l"][0] = order
        else:
            d["m"] = order

    assert dumps_checked(before, edit) == after


def test_the_front_matter_in_a_new_order_is_written_anew_when_it_holds_an_anchor() -> None:
    before = "---\n# head\na: &x 1  # a\nb: 2\n# tail\n---\n"

    def edit(d: dict[str, Any]) -> None:
        d["b"] = d.pop("b")
        d.clear()
        d.update({"b": 2, "a": 1})

    # the comment lines before the first entry and after the last are kept
    assert dumps_checked(before, edit) == "---\n# head\nb: 2\na: 1\n# tail\n---\n"


def test_the_front_matter_in_a_new_order_moves_its_entries() -> None:
    before = "---\n# head\n\n# about a\na: 1  # a\nb: 2  # b\n---\n"

    def edit(d: dict[str, Any]) -> None:
        d.clear()
        d.update({"b": 2, "a": 1})

    # b moves up, above a's comment line; the comment after a blank line stays first
    after = "---\n# head\n\nb: 2  # b\n# about a\na: 1  # a\n---\n"
    assert dumps_checked(before, edit) == after


# -- aliases(): an alias stays while it reads its value, and is written out otherwise -----

_ALIASES = [
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  b: *x  # b\n---\n",
        setter("m", "a")(2),
        # b must still read 1: it is written out, a takes the new value
        "---\nm:\n  a: &x 2  # a\n  b: 1  # b\n---\n",
        id="anchor-changed-alias-kept-value",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  b: *x  # b\n---\n",
        lambda d: d["m"].update(a=2, b=2),
        # both read 2: the alias reads the anchor's new value
        "---\nm:\n  a: &x 2  # a\n  b: *x  # b\n---\n",
        id="both-changed-alias-stays",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  b: *x  # b\n---\n",
        setter("m", "b")(3),
        "---\nm:\n  a: &x 1  # a\n  b: 3  # b\n---\n",
        id="alias-set-to-a-value",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  c: 5\n  b: *x  # b\n---\n",
        setter("m", "c")(6),
        # an unrelated change: the alias is left as it is
        "---\nm:\n  a: &x 1  # a\n  c: 6\n  b: *x  # b\n---\n",
        id="unrelated-change",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  l: [*x, 2]  # l\n---\n",
        setter("m", "a")(2),
        # an alias in a flow list, written out as a flow item
        "---\nm:\n  a: &x 2  # a\n  l: [1, 2]  # l\n---\n",
        id="alias-in-a-flow-list",
    ),
    pytest.param(
        "---\nm:\n  a: &x {p: 1}  # a\n  b: *x  # b\n---\n",
        setter("m", "a")({"p": 2}),
        # written out as a value of its block mapping, the comment on the key's line
        "---\nm:\n  a: &x {p: 2}  # a\n  b:  # b\n    p: 1\n---\n",
        id="alias-to-a-flow-mapping",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  b: *x  # b\n---\n",
        lambda d: d["m"].pop("a"),
        # the anchor's text goes: the alias is written out
        "---\nm:\n  b: 1  # b\n---\n",
        id="anchor-deleted",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\n  b: *x  # b\n---\n",
        lambda d: d["m"].update(a=[1]),
        # the anchored node replaced by a list: the anchor goes with it
        "---\nm:\n  a:  # a\n    - 1\n  b: 1  # b\n---\n",
        id="anchored-node-replaced",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\nl:\n- b: *x  # b\n  c: 2  # c\n---\n",
        setter("m", "a")(2),
        # l is unchanged (the walk never enters it): the alias in its mapping
        # is written out there
        "---\nm:\n  a: &x 2  # a\nl:\n- b: 1  # b\n  c: 2  # c\n---\n",
        id="alias-in-a-mapping-in-an-unchanged-list",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\nl:\n- *x  # alias\n- 2\n---\n",
        lambda d: d["m"].update(a=2),
        "---\nm:\n  a: &x 2  # a\nl:\n- 1  # alias\n- 2\n---\n",
        id="alias-in-a-block-list",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\nl:\n- *x  # alias\n- 2\n---\n",
        lambda d: (d["m"].update(a=2), d["l"].pop()),
        "---\nm:\n  a: &x 2  # a\nl:\n- 1  # alias\n---\n",
        id="alias-in-an-edited-list",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1  # a\nl:\n- *x  # alias\n- 2\n---\n",
        lambda d: d["l"].pop(0),
        "---\nm:\n  a: &x 1  # a\nl:\n- 2\n---\n",
        id="alias-removed",
    ),
    pytest.param(
        "---\nm: &x\n  &k a: 1\n  # keep\n  b: 2\nn: *x  # n\n---\n",
        lambda d: d["m"].pop("a"),
        # &k is a's own anchor, &x the mapping's: m changed in place, n reads it still
        "---\nm: &x\n  # keep\n  b: 2\nn: *x  # n\n---\n",
        id="alias-to-a-mapping-whose-first-key-is-anchored",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _ALIASES)
def test_an_alias_is_kept_only_while_it_reads_its_value(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


# -- line breaks: each edit ends its lines as the file does -------------------------------

_BREAKS = [
    pytest.param(
        "---\r\nm:\r\n  a: 1  # a\r\n  b: 2  # b\r\n---\r\n",
        lambda d: d["m"].update(c=3),
        "---\r\nm:\r\n  a: 1  # a\r\n  b: 2  # b\r\n  c: 3\r\n---\r\n",
        id="crlf-key-appended",
    ),
    pytest.param(
        "---\rm:\r  a: 1  # a\r  b: 2  # b\r---\r",
        lambda d: d["m"].update(c=3),
        "---\rm:\r  a: 1  # a\r  b: 2  # b\r  c: 3\r---\r",
        id="cr-key-appended",
    ),
    pytest.param(
        "---\rm:\r  a: 1  # a\r  b: 2  # b\r  c: 3  # c\r---\r",
        lambda d: d["m"].pop("b"),
        "---\rm:\r  a: 1  # a\r  c: 3  # c\r---\r",
        id="cr-key-deleted",
    ),
    pytest.param(
        "---\r\nm:\r\n  a: 1  # a\r\n  b: 2  # b\r\n  c: 3  # c\r\n---\r\n",
        lambda d: d["m"].pop("b"),
        "---\r\nm:\r\n  a: 1  # a\r\n  c: 3  # c\r\n---\r\n",
        id="crlf-key-deleted",
    ),
    pytest.param(
        "---\r\nm:\r\n  a: |+\r\n    x\r\n\r\n  b: 2  # b\r\n---\r\n",
        setter("m", "a")("y\n"),
        # the kept blank line was the old value's; the new block ends on its own
        # line, before b's (the keep-chomped span ended in a line break)
        "---\r\nm:\r\n  a: |\r\n    y\r\n  b: 2  # b\r\n---\r\n",
        id="crlf-keep-chomped-block-replaced",
    ),
    pytest.param(
        "---\rm:\r  a: 1  # a\r---\r",
        setter("m", "a")([1, 2]),
        "---\rm:\r  a:  # a\r    - 1\r    - 2\r---\r",
        id="cr-scalar-to-list",
    ),
    pytest.param(
        "---\r\nl:\r\n- a  # a\r\n- b  # b\r\n---\r\n",
        lambda d: d["l"].insert(1, "x"),
        "---\r\nl:\r\n- a  # a\r\n- x\r\n- b  # b\r\n---\r\n",
        id="crlf-item-inserted",
    ),
    pytest.param(
        "---\rl:\r- a  # a\r- b  # b\r---\r",
        lambda d: d["l"].pop(0),
        "---\rl:\r- b  # b\r---\r",
        id="cr-item-deleted",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _BREAKS)
def test_edits_keep_the_files_line_breaks(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


@pytest.mark.parametrize(
    ("text", "offset", "end"),
    [
        ("ab\ncd", 0, 3),
        ("ab\ncd", 2, 3),  # on the break itself
        ("ab\ncd", 3, 5),  # the last line, no break: the text's end
        ("ab\r\ncd", 0, 4),
        ("ab\r\ncd", 2, 4),
        ("ab\rcd", 0, 3),
        ("ab\rcd\n", 3, 6),  # past the "\r": the next break is the "\n"
        ("ab\ncd\r", 0, 3),  # a "\n" before a later "\r"
        ("ab\rcd\ne", 0, 3),  # a "\r" before a later "\n"
        ("a\n\rb", 0, 2),
        ("a\r\rb", 0, 2),  # "\r" then "\r": two lines
        ("", 0, 0),
        ("abc", 1, 3),
    ],
)
def test_line_end_is_just_past_the_lines_break(text: str, offset: int, end: int) -> None:
    assert _edit.line_end(text, offset) == end


@pytest.mark.parametrize(
    ("text", "lines", "found"),
    [
        ("k: v", True, []),
        ("k: &x v", True, [(3, 5)]),
        ("k: !t v", True, [(3, 5)]),
        ("k: &x !t v", True, [(6, 8), (3, 5)]),  # nearest first
        ("k: !t &x v", True, [(6, 8), (3, 5)]),
        ("k: &x\n  v", True, [(3, 5)]),  # on the line above
        ("k: &x\n  v", False, []),  # a key's own line only
        ("k: &x\t\tv", False, [(3, 5)]),
        ("[&a v]", True, [(1, 3)]),
        ("{&a v}", True, [(1, 3)]),
        ("[x,&a v]", True, [(3, 5)]),
        ("&a v", True, [(0, 2)]),  # at the text's start
        ("k: &a &b v", True, [(6, 8), (3, 5)]),  # two tokens at most are looked at
        ("k: x&a v", True, []),  # "x&a" is no anchor token
        ("k: &aX v", True, [(3, 6)]),  # a name is any run of non-blanks
        ("k: !!str &aX\n  v", True, [(9, 12), (3, 8)]),
        ("v", True, []),
    ],
)
def test_properties_are_the_anchor_and_tag_before_the_content(
    text: str, lines: bool, found: list[tuple[int, int]]
) -> None:
    assert _edit._properties(text, text.rindex("v"), lines=lines) == found


def _first_list(text: str) -> SequenceNode:
    root = compose(text).root
    assert root is not None
    node = root.values[0]
    assert isinstance(node, SequenceNode)
    return node


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("l:\n- a: 1\n", 2),
        ("l:\n-   a: 1\n", 4),
        ("l:\n- ? a\n  : 1\n", 2),  # the entry starts at its "?"
        ("l:\n-   ? a\n    : 1\n", 4),
        ("l:\n- &x a: 1\n", 2),  # or at its anchor
        ("l:\n-   !!str a: 1\n", 4),
        ("l:\n- x\n-   a: 1\n", 4),  # the first mapping item tells
        ("l:\n-\n  a: 1\n-    b: 1\n", 5),  # an item below its dash does not
        ("l:\n- {a: 1}\n-   b: 1\n", 4),  # nor a flow mapping
        ("l:\n- {}\n", None),
        ("l:\n- x\n- [a]\n", None),
        ("l:\n-\n  a: 1\n", None),
        ("l:\n-\r  a: 1\n", None),
        ("l:\n-\r\n  a: 1\n", None),
    ],
)
def test_item_offset_is_read_from_the_first_mapping_item_on_its_dash_line(
    text: str, offset: int | None
) -> None:
    assert _edit.item_offset(text, _first_list(text)) == offset


def test_an_appended_mapping_item_takes_the_offset_of_another_list() -> None:
    before = "---\na:\n-   k: 1\n    j: 2\nb:\n- x  # x\n---\n"
    after = "---\na:\n-   k: 1\n    j: 2\nb:\n- x  # x\n-   p: 1\n    q: 2\n---\n"
    assert dumps_checked(before, lambda d: d["b"].append({"p": 1, "q": 2})) == after


def test_a_value_yaml_cannot_hold_is_refused_before_any_text_is_made() -> None:
    doc = frontmatter.loads("---\nm:\n  a: 1\n---\nbody\n")
    doc.data["m"]["a"] = object()
    with pytest.raises(EditError) as caught:
        frontmatter.dumps(doc)
    assert caught.value.message == "cannot write a value of type object as YAML"


_EMPTY_AND_FLOW = [
    pytest.param(
        "---\nl:\n-  # none\n- b\n---\n",
        setter("l", 0)("x"),
        "---\nl:\n- x  # none\n- b\n---\n",
        id="empty-item-filled-after-its-dash",
    ),
    pytest.param(
        "---\nm:\n  a: !!str  # e\n  b: 1\n---\n",
        setter("m", "a")("x"),
        # a string still: the tag stays, the value goes after it
        "---\nm:\n  a: !!str x  # e\n  b: 1\n---\n",
        id="empty-tagged-string-filled",
    ),
    pytest.param(
        "---\nm: {? a, b: 1}\nn: 1\n---\n",
        setter("m", "a")(5),
        # "? a" with no value in flow: its ":" and the value go after the key
        "---\nm: {? a : 5, b: 1}\nn: 1\n---\n",
        id="flow-explicit-key-gets-its-colon",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2\n---\n",
        setter("m", "a")("x, y"),
        # plain in a block mapping; a flow one would need quotes
        "---\nm:\n  a: x, y  # a\n  b: 2\n---\n",
        id="comma-plain-in-block",
    ),
    pytest.param(
        "---\nl: [1, 2]  # l\n---\n",
        setter("l", 0)("x, y"),
        '---\nl: ["x, y", 2]  # l\n---\n',
        id="comma-quoted-in-a-flow-list",
    ),
    pytest.param(
        "---\nm:\n  a: &x 1\n  f: {b: *x, c: 2}  # f\n---\n",
        setter("m", "a")(2),
        "---\nm:\n  a: &x 2\n  f: {b: 1, c: 2}  # f\n---\n",
        id="alias-in-a-flow-mapping-written-out",
    ),
    pytest.param(
        "---\nm:\n  a: &x [1, 2]\n  f: [*x]  # f\n---\n",
        setter("m", "a")([3]),
        "---\nm:\n  a: &x [3]\n  f: [[1, 2]]  # f\n---\n",
        id="alias-to-a-list-written-out-in-flow",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _EMPTY_AND_FLOW)
def test_empty_and_flow_values_are_filled_in_place(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


def deleter(*path: Any) -> Any:
    """An edit that deletes the key or item at ``path``."""

    def edit(data: Any) -> None:
        for step in path[:-1]:
            data = data[step]
        del data[path[-1]]

    return edit


# An empty value whose anchor or tag is on the line below its key: the node is
# its properties (YAML 1.2, 6.9), so it is set on their line, by the rules of
# one whose properties are on its key's line (the anchor stays, a tag stays
# while the value fits it, a collection takes the lines below the key), and
# the `# keep` comments elsewhere in its mapping stay.
_PROPERTIES_BELOW = [
    pytest.param(
        "---\na:\n  &x\nb: 1  # keep\n---\n",
        setter("a")("v"),
        "---\na:\n  &x v\nb: 1  # keep\n---\n",
        id="an-anchor",
    ),
    pytest.param(
        "---\na:\n  !!str\nb: 1  # keep\n---\n",
        setter("a")("v"),
        "---\na:\n  !!str v\nb: 1  # keep\n---\n",
        id="a-tag-it-fits",
    ),
    pytest.param(
        "---\na:\n  !!str\nb: 1  # keep\n---\n",
        setter("a")(5),
        "---\na:\n  5\nb: 1  # keep\n---\n",
        id="a-tag-it-does-not-fit",
    ),
    pytest.param(
        "---\na:\n  &x !!str\nb: 1  # keep\n---\n",
        setter("a")("v"),
        "---\na:\n  &x !!str v\nb: 1  # keep\n---\n",
        id="an-anchor-and-a-tag",
    ),
    pytest.param(
        "---\na:\n  &x !!str\nb: 1  # keep\n---\n",
        setter("a")(5),
        "---\na:\n  &x 5\nb: 1  # keep\n---\n",
        id="an-anchor-and-a-tag-it-does-not-fit",
    ),
    pytest.param(
        "---\na:\n  &x  # c\nb: 1  # keep\n---\n",
        setter("a")("v"),
        "---\na:\n  &x v  # c\nb: 1  # keep\n---\n",
        id="a-comment-after-them",
    ),
    pytest.param(
        "---\na: &x\n  !!str\nb: 1  # keep\n---\n",
        setter("a")("v"),
        "---\na: &x\n  !!str v\nb: 1  # keep\n---\n",
        id="an-anchor-on-the-key's-line-and-a-tag-below",
    ),
    pytest.param(
        "---\nl:\n- a:\n    &x\n  b: 1  # keep\n---\n",
        setter("l", 0, "a")("v"),
        "---\nl:\n- a:\n    &x v\n  b: 1  # keep\n---\n",
        id="in-a-list-item",
    ),
    pytest.param(
        "---\nl:\n-\n  &x\n- c  # keep\n---\n",
        setter("l", 0)("v"),
        "---\nl:\n-\n  &x v\n- c  # keep\n---\n",
        id="an-item-below-its-dash",
    ),
    pytest.param(
        "---\nb: 1  # keep\na:\n  &x\n---\n",
        setter("a")("v"),
        "---\nb: 1  # keep\na:\n  &x v\n---\n",
        id="the-last-key",
    ),
    pytest.param(
        "---\na:\n  &x\nb: *x  # keep\n---\n",
        setter("a")("v"),
        # the alias read the old value, null: it is written out
        "---\na:\n  &x v\nb: null  # keep\n---\n",
        id="an-alias-to-it",
    ),
    pytest.param(
        "---\na:\n  &x\nb: 1  # keep\n---\n",
        setter("a")({"k": 1}),
        "---\na:\n  k: 1\nb: 1  # keep\n---\n",
        id="set-to-a-mapping",
    ),
    pytest.param(
        "---\na:\n  !!str\nb: 1  # keep\n---\n",
        setter("a")([1, 2]),
        "---\na:\n  - 1\n  - 2\nb: 1  # keep\n---\n",
        id="set-to-a-list",
    ),
    pytest.param(
        "---\nb: 1  # keep\na:\n  &x !!str\n---\n",
        setter("a")({"k": 1}),
        "---\nb: 1  # keep\na:\n  k: 1\n---\n",
        id="the-last-key-set-to-a-mapping",
    ),
    pytest.param(
        "---\na:\n  &x\nb: 1  # keep\n---\n",
        deleter("a"),
        "---\nb: 1  # keep\n---\n",
        id="deleted",
    ),
    pytest.param(
        "---\nc: 2  # keep\na:\n  &x !!str\nb: 1\n---\n",
        deleter("a"),
        "---\nc: 2  # keep\nb: 1\n---\n",
        id="deleted-between-two-keys",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _PROPERTIES_BELOW)
def test_an_empty_value_below_its_key_is_set_on_its_properties_line(
    before: str, edit: Any, after: str
) -> None:
    assert dumps_checked(before, edit) == after


@pytest.mark.parametrize(
    ("edit", "after"),
    [
        pytest.param(
            setter("m")({"a": None, "z": 2, "b": 1}),
            "---\nm: {? a\n  :, z: 2, b: 1}  # m\nn: 1  # n\n---\n",
            id="entry-inserted-after-it",
        ),
        pytest.param(
            lambda d: d["m"].pop("b"),
            "---\nm: {? a\n  :}  # m\nn: 1  # n\n---\n",
            id="entry-after-it-deleted",
        ),
    ],
)
def test_a_flow_entry_whose_colon_is_on_the_line_below_ends_at_it(edit: Any, after: str) -> None:
    """``? a`` then ``:`` alone on the next line: the entry's text ends just after that
    colon, where a new entry goes and where a deletion after it starts."""
    before = "---\nm: {? a\n  :, b: 1}  # m\nn: 1  # n\n---\n"
    assert dumps_checked(before, edit) == after


# -- freeze(): a change is what YAML tells apart, type for type ---------------------------

_UTC = dt.timezone.utc
_PLUS_ONE = dt.timezone(dt.timedelta(hours=1))

_TYPES = [
    pytest.param(
        "---\nm:\n  a: 1  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")(True),
        "---\nm:\n  a: true  # a\n  # keep\n  b: 2\n---\n",
        id="int-to-bool",
    ),
    pytest.param(
        "---\nm:\n  a: true  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")(1),
        "---\nm:\n  a: 1  # a\n  # keep\n  b: 2\n---\n",
        id="bool-to-int",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")(1.0),
        "---\nm:\n  a: 1.0  # a\n  # keep\n  b: 2\n---\n",
        id="int-to-equal-float",
    ),
    pytest.param(
        "---\nm:\n  a: 2026-12-01T10:00:00Z  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")(dt.datetime(2026, 12, 1, 11, tzinfo=_PLUS_ONE)),
        # the same instant at another offset is another value
        "---\nm:\n  a: 2026-12-01T11:00:00+01:00  # a\n  # keep\n  b: 2\n---\n",
        id="same-instant-other-offset",
    ),
    pytest.param(
        "---\nm:\n  a: 2026-12-01  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")(dt.datetime(2026, 12, 1, tzinfo=_UTC)),
        "---\nm:\n  a: 2026-12-01T00:00:00Z  # a\n  # keep\n  b: 2\n---\n",
        id="date-to-datetime",
    ),
    pytest.param(
        "---\nm:\n  a: ''  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")(None),
        "---\nm:\n  a: null  # a\n  # keep\n  b: 2\n---\n",
        id="empty-string-to-null",
    ),
    pytest.param(
        "---\nm:\n  a: [1, 2]  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")([1, 2.0]),
        "---\nm:\n  a: [1, 2.0]  # a\n  # keep\n  b: 2\n---\n",
        id="float-in-a-list",
    ),
    pytest.param(
        "---\nm:\n  a: {x: 1}  # a\n  # keep\n  b: 2\n---\n",
        setter("m", "a")({"x": False}),
        "---\nm:\n  a: {x: false}  # a\n  # keep\n  b: 2\n---\n",
        id="bool-in-a-mapping",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _TYPES)
def test_a_value_of_another_type_is_a_change(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


@pytest.mark.parametrize(
    ("before", "edit"),
    [
        pytest.param("---\nm:\n  a: .nan  # a\n---\n", setter("m", "a")(float("nan")), id="nan"),
        pytest.param(
            "---\nm:\n  a: [.NaN, 1]\n---\n",
            setter("m", "a")([float("nan"), 1]),
            id="nan-in-a-list",
        ),
        pytest.param(
            "---\nm:\n  a: 2026-12-01T10:00:00Z\n---\n",
            setter("m", "a")(dt.datetime(2026, 12, 1, 10, tzinfo=_UTC)),
            id="equal-datetime",
        ),
        pytest.param(
            "---\nm:\n  a:\n    x: [1]\n    y: {z: 1}\n---\n",
            setter("m", "a")({"x": [1], "y": {"z": 1}}),
            id="equal-mapping",
        ),
    ],
)
def test_an_equal_value_leaves_the_text_as_it_was(before: str, edit: Any) -> None:
    assert dumps_checked(before + "body\n", edit) == before + "body\n"


# -- entry heads, block indentation and keep-chomped ends ---------------------------------

_HEADS = [
    pytest.param(
        "---\nm:\n  &k a: 1  # a\n  b: 2  # b\n---\n",
        lambda d: d["m"].pop("a"),
        # the entry starts at its key's anchor: the whole line goes
        "---\nm:\n  b: 2  # b\n---\n",
        id="anchored-key-deleted",
    ),
    pytest.param(
        "---\nm:\n  !!str a: 1  # a\n  b: 2  # b\n---\n",
        lambda d: d.__setitem__("m", {"z": 0, "a": 1, "b": 2}),
        "---\nm:\n  z: 0\n  !!str a: 1  # a\n  b: 2  # b\n---\n",
        id="key-inserted-before-a-tagged-key",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  : 1\n  b: 2  # b\n---\n",
        lambda d: d["m"].pop("a"),
        "---\nm:\n  b: 2  # b\n---\n",
        id="explicit-entry-deleted-from-its-question-mark",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  : 1  # a\n  b: 2  # b\n---\n",
        lambda d: d.__setitem__("m", {"z": 0, "a": 1, "b": 2}),
        # at the column of the "?"
        "---\nm:\n  z: 0\n  ? a\n  : 1  # a\n  b: 2  # b\n---\n",
        id="key-inserted-before-an-explicit-entry",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n---\n",
        lambda d: d.__setitem__("m", {"x": 0, "a": 1, "y": 0, "b": 2, "z": 0}),
        # each new key goes after the old key it follows in the new order
        "---\nm:\n  x: 0\n  a: 1  # a\n  y: 0\n  b: 2  # b\n  z: 0\n---\n",
        id="keys-inserted-at-three-places",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        lambda d: d.__setitem__("m", {"c": 3, "x": 0, "a": 1, "b": 2}),
        # a and b stay; c moves up first, x comes after it
        "---\nm:\n  c: 3  # c\n  x: 0\n  a: 1  # a\n  b: 2  # b\n---\n",
        id="moved-key-then-new-key",
    ),
    pytest.param(
        "---\nm:\n  a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        lambda d: d.__setitem__("m", {"b": 2, "c": 3, "x": 0, "a": 1}),
        "---\nm:\n  b: 2  # b\n  c: 3  # c\n  x: 0\n  a: 1  # a\n---\n",
        id="new-key-then-moved-key",
    ),
    pytest.param(
        "---\nm:\n  a: |\n      deep\n  # keep\n  b: 2\n---\n",
        setter("m", "a")("new\n"),
        # the block keeps its own content column
        "---\nm:\n  a: |\n      new\n  # keep\n  b: 2\n---\n",
        id="block-keeps-its-column",
    ),
    pytest.param(
        "---\nm:\n  a: |\n\n     x\n  # keep\n  b: 2\n---\n",
        setter("m", "a")("y\n"),
        # the column of its first line that is not blank
        "---\nm:\n  a: |\n     y\n  # keep\n  b: 2\n---\n",
        id="block-column-after-a-blank-line",
    ),
    pytest.param(
        "---\nl:\n    - |\n    - 1  # one\n---\n",
        setter("l", 0)("x\n"),
        # an empty block item: its dash's column plus the indent
        "---\nl:\n    - |\n      x\n    - 1  # one\n---\n",
        id="empty-block-item-from-its-dash",
    ),
    pytest.param(
        "---\nm:\n  a: |+\n    x\n\n  # keep\n  b: 2\n---\n",
        setter("m", "a")("y"),
        # its own style, chomped to fit; the kept line break ended a's line:
        # b's lines stay below it
        "---\nm:\n  a: |-\n    y\n  # keep\n  b: 2\n---\n",
        id="keep-chomped-set-to-plain",
    ),
    pytest.param(
        "---\r\nm:\r\n  a: |+\r\n    x\r\n\r\n  # keep\r\n  b: 2\r\n---\r\n",
        setter("m", "a")("y"),
        "---\r\nm:\r\n  a: |-\r\n    y\r\n  # keep\r\n  b: 2\r\n---\r\n",
        id="crlf-keep-chomped-set-to-plain",
    ),
    pytest.param(
        "---\rm:\r  a: |+\r    x\r\r  # keep\r  b: 2\r---\r",
        setter("m", "a")("y"),
        "---\rm:\r  a: |-\r    y\r  # keep\r  b: 2\r---\r",
        id="cr-keep-chomped-set-to-plain",
    ),
    pytest.param(
        "---\r\nm:\r\n  a: |+\r\n    x\r\n\r\n  # keep\r\n  b: 2\r\n---\r\n",
        setter("m", "a")([1]),
        "---\r\nm:\r\n  a:\r\n    - 1\r\n  # keep\r\n  b: 2\r\n---\r\n",
        id="crlf-keep-chomped-set-to-a-list",
    ),
    pytest.param(
        "---\r\nl:\r\n- |+\r\n  x\r\n\r\n- 2  # two\r\n---\r\n",
        setter("l", 0)("y"),
        "---\r\nl:\r\n- |-\r\n  y\r\n- 2  # two\r\n---\r\n",
        id="crlf-keep-chomped-item-set-to-plain",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _HEADS)
def test_entries_start_at_their_heads_and_end_at_their_lines(
    before: str, edit: Any, after: str
) -> None:
    assert dumps_checked(before, edit) == after


def test_a_retry_writes_anew_only_the_mapping_the_change_was_made_in() -> None:
    """m's patch does not read back (its alias key loses its anchor): m is written anew,
    in the file's layout; n, which did not change, keeps its comment line."""
    before = (
        "---\n# top\nn:\n  p: 1\n  # inner\n  q: 2\nm:\n  &a a: &b b\n  *b : *a\n  c: 1  # c\n---\n"
    )
    after = "---\n# top\nn:\n  p: 1\n  # inner\n  q: 2\nm:\n  b: a\n  c: 1  # c\n---\n"
    assert dumps_checked(before, lambda d: d["m"].pop("a")) == after


def test_an_edit_that_would_pass_the_documents_limits_is_refused() -> None:
    """What is written is read back under the limits the document was read with; a
    text that would go past them is refused, not returned (even written anew)."""
    text = "---\nm:\n  a: 1  # a\n---\n"
    doc = frontmatter.loads(text, limits=Limits(max_depth=3))
    doc.data["m"]["a"] = [1]  # the front matter, m, the list: three levels
    assert frontmatter.dumps(doc) == "---\nm:\n  a:  # a\n    - 1\n---\n"
    doc = frontmatter.loads(text, limits=Limits(max_depth=3))
    doc.data["m"]["a"] = [[1]]  # four
    with pytest.raises(EditError) as caught:
        frontmatter.dumps(doc)
    assert caught.value.message.startswith("the change could not be written as valid YAML: ")
    assert "more than 3 levels deep" in caught.value.message
    doc = frontmatter.loads(text, limits=Limits(max_nodes=6))
    doc.data["m"]["a"] = [1, 2, 3, 4]  # the front matter, m, its mapping, a, the list, 4 items: 9
    with pytest.raises(EditError) as caught:
        frontmatter.dumps(doc)
    assert caught.value.message.startswith("the change could not be written as valid YAML: ")


def _both(*edits: Any) -> Any:
    def edit(data: Any) -> None:
        for one in edits:
            one(data)

    return edit


@pytest.mark.parametrize(
    ("before", "edit", "after"),
    [
        pytest.param(
            "---\nm:\n  a: &x [1, 2]  # a\n  f: [*x, 5]  # f\n---\n",
            _both(setter("m", "a")([3]), setter("m", "f")([[3], 5])),
            "---\nm:\n  a: &x [3]  # a\n  f: [*x, 5]  # f\n---\n",
            id="list",
        ),
        pytest.param(
            "---\nm:\n  a: &x\n    p: 1\n  f: [*x, 5]  # f\n---\n",
            _both(setter("m", "a")({"p": 2}), setter("m", "f")([{"p": 2}, 5])),
            "---\nm:\n  a: &x\n    p: 2\n  f: [*x, 5]  # f\n---\n",
            id="mapping",
        ),
        pytest.param(
            "---\nm:\n  a: &x 1  # a\n  f: [*x, 5]  # f\n---\n",
            _both(setter("m", "a")(2), setter("m", "f")([2, 5])),
            "---\nm:\n  a: &x 2  # a\n  f: [*x, 5]  # f\n---\n",
            id="scalar",
        ),
    ],
)
def test_an_alias_set_to_its_anchors_new_value_stays_an_alias(
    before: str, edit: Any, after: str
) -> None:
    """The anchored value is changed in place and the alias reads it: ``*x`` stays."""
    assert dumps_checked(before, edit) == after


def test_the_empty_value_of_an_empty_key_is_filled_after_its_colon() -> None:
    """``:`` alone is a null key with a null value, the value just after the colon at
    the text's second character: it gets its blank there too."""
    before = "---\n:\nb: 1  # b\n---\n"
    assert dumps_checked(before, lambda d: d.__setitem__(None, 5)) == "---\n: 5\nb: 1  # b\n---\n"


def test_a_retry_after_a_change_at_the_root_writes_the_whole_front_matter_anew() -> None:
    """z is added at the root and m's patch does not read back: the root is among the
    collections changed, so the front matter is written anew, its first comment kept."""
    before = "---\n# top\nx: 1  # keep\nm:\n  &a a: &b b\n  *b : *a\n  c: 1  # c\n---\n"
    after = "---\n# top\nx: 1\nm:\n  b: a\n  c: 1\nz: 1\n---\n"
    assert dumps_checked(before, _both(lambda d: d["m"].pop("a"), setter("z")(1))) == after


@pytest.mark.parametrize(
    ("before", "edit", "after"),
    [
        pytest.param(
            "---\n# top\nx: 1  # keep\nm:\n  l:\n  - 1  # one\n"
            "  a: &b b\n  *b : 2\n  c: 1  # c\n---\n",
            _both(lambda d: d["m"]["l"].append(2), lambda d: d["m"].pop("a")),
            "---\n# top\nx: 1  # keep\nm:\n  l:\n  - 1\n  - 2\n  b: 2\n  c: 1  # c\n---\n",
            id="after-a-list",
        ),
        pytest.param(
            "---\n# top\nx: 1  # keep\nm:\n  p:\n    q: 1  # q\n"
            "  a: &b b\n  *b : 2\n  c: 1  # c\n---\n",
            _both(lambda d: d["m"]["p"].__setitem__("q", 2), lambda d: d["m"].pop("a")),
            "---\n# top\nx: 1  # keep\nm:\n  p:\n    q: 2\n  b: 2\n  c: 1  # c\n---\n",
            id="after-a-mapping",
        ),
    ],
)
def test_a_retry_writes_anew_the_mapping_changed_after_a_changed_collection_in_it(
    before: str, edit: Any, after: str
) -> None:
    """A value of m changes, then m's deletion does not read back (its alias key loses
    its anchor): m, where both were made, is written anew; the root, which did not
    change, keeps its comment on x."""
    assert dumps_checked(before, edit) == after


def test_a_retry_writes_anew_the_mapping_an_alias_was_written_out_in() -> None:
    """x changes, so p's alias is written out, a change made in p; q's deletion does not
    read back (its alias key loses its anchor): r, p and q are written anew, p losing its
    comment line; the root keeps the comment on n."""
    before = (
        "---\nr:\n  x: &x 1  # x\np:\n  # keep p\n  v: *x\n"
        "q:\n  a: &b b\n  *b : 2\n  c: 1  # c\nn: 1  # n\n---\n"
    )
    after = "---\nr:\n  x: 2  # x\np:\n  v: 1\nq:\n  b: 2\n  c: 1  # c\nn: 1  # n\n---\n"
    edit = _both(lambda d: d["r"].__setitem__("x", 2), lambda d: d["q"].pop("a"))
    assert dumps_checked(before, edit) == after


@pytest.mark.parametrize(
    ("before", "edit", "after"),
    [
        pytest.param(
            "---\nm: { a: 1,  b: 'q' }  # m\n---\n",
            setter("m", "a")("x, y"),
            # in flow, a comma needs quotes: the file's quote, as b's
            "---\nm: { a: 'x, y',  b: 'q' }  # m\n---\n",
            id="scalar-in-a-flow-mapping",
        ),
        pytest.param(
            "---\nl: [ 1,  'q' ]  # l\n---\n",
            setter("l", 0)("x, y"),
            "---\nl: [ 'x, y',  'q' ]  # l\n---\n",
            id="item-of-a-flow-list",
        ),
        pytest.param(
            "---\nl: [ {a: 1},  'q' ]  # l\n---\n",
            lambda d: d["l"][0].__setitem__("a", "x: y"),
            "---\nl: [ {a: 'x: y'},  'q' ]  # l\n---\n",
            id="scalar-in-a-flow-mapping-in-a-flow-list",
        ),
        pytest.param(
            "---\nm: { a: 1,  b: 'q' }  # m\n---\n",
            setter("m", "c")("x, y"),
            "---\nm: { a: 1,  b: 'q', c: 'x, y' }  # m\n---\n",
            id="key-added-to-a-flow-mapping",
        ),
    ],
)
def test_flow_values_are_patched_in_their_own_spacing(before: str, edit: Any, after: str) -> None:
    """Written in place, each in flow style: the spacing around the others stays."""
    assert dumps_checked(before, edit) == after


@pytest.mark.parametrize(
    ("before", "edit", "after"),
    [
        pytest.param(
            "---\n{ a: 1,  b: 2 }\n---\n",
            setter("a")("x, y"),
            '---\n{ a: "x, y",  b: 2 }\n---\n',
            id="scalar",
        ),
        pytest.param(
            "---\n{ a: 1,  b: 2 }\n---\n",
            setter("c")("x, y"),
            '---\n{ a: 1,  b: 2, c: "x, y" }\n---\n',
            id="key-added",
        ),
        pytest.param(
            "---\n{ a: 1,  b: 2,  c: 3 }\n---\n",
            lambda d: d.pop("b"),
            "---\n{ a: 1,  c: 3 }\n---\n",
            id="key-deleted",
        ),
        pytest.param(
            "---\n{ a: [1],  b: 2 }\n---\n",
            lambda d: d["a"].append("x, y"),
            '---\n{ a: [1, "x, y"],  b: 2 }\n---\n',
            id="item-appended",
        ),
        pytest.param(
            "---\n{ a: 1,  b: 2 }\n---\n",
            setter("a")({"p": [1]}),
            "---\n{ a: {p: [1]},  b: 2 }\n---\n",
            id="scalar-to-mapping",
        ),
    ],
)
def test_a_flow_front_matter_is_patched_in_flow_style(before: str, edit: Any, after: str) -> None:
    """The root itself is a flow mapping: what is written in it is flow, in place."""
    assert dumps_checked(before, edit) == after
