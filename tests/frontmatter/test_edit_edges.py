"""Edits at the edges of the editor's geometry: each expected text is written out in full.

An edit touches only its own lines; comments, quoting, indentation and key
order elsewhere stay as they were. Each case writes the text before, the edit
and the text after by hand, with the lines that must stay commented.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pytest
from _support import assert_same_data

from newsitem import _edit, frontmatter


def dumps_checked(before: str, edit: Any) -> str:
    """``before`` loaded, edited and dumped, after checking that it reads back as the data."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    out = frontmatter.dumps(doc)
    assert_same_data(frontmatter.loads(out).data, doc.data)
    return out


# -- a comment on the dash line of an item whose content is on the next line -------------

_DASH_LINE_COMMENTS = [
    pytest.param(
        "---\nl:\n- # a-b\n  a: 1\n---\n",
        lambda d: d["l"].append({"x": 1}),
        # the commented item keeps its lines; the new one goes at the dash's column
        "---\nl:\n- # a-b\n  a: 1\n- x: 1\n---\n",
        id="mapping-appended-after-a-commented-dash",
    ),
    pytest.param(
        "---\nl:\n- # a-b\n  a: 1\n- c\n---\n",
        lambda d: d["l"].insert(0, "z"),
        "---\nl:\n- z\n- # a-b\n  a: 1\n- c\n---\n",
        id="item-inserted-before-a-commented-dash",
    ),
    pytest.param(
        "---\nl:\n  - # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].insert(1, "z"),
        "---\nl:\n  - # a-b\n    a: 1\n  - z\n  - c\n---\n",
        id="item-inserted-after-an-indented-commented-dash",
    ),
    pytest.param(
        "---\nl:\n  - # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].__setitem__(0, [1, 2]),
        # the comment stays on the dash line; the list takes the mapping's lines
        "---\nl:\n  - # a-b\n    - 1\n    - 2\n  - c\n---\n",
        id="commented-item-set-to-a-list",
    ),
    pytest.param(
        "---\nl:\n- # a-b\n  a: 1\n- c  # c\n---\n",
        lambda d: d["l"].pop(0),
        "---\nl:\n- c  # c\n---\n",
        id="commented-item-removed",
    ),
    pytest.param(
        "---\nl:\n  - &x-y # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].insert(1, "z"),
        "---\nl:\n  - &x-y # a-b\n    a: 1\n  - z\n  - c\n---\n",
        id="item-inserted-after-an-anchored-commented-dash",
    ),
    pytest.param(
        "---\nl:\n  -\n    # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].insert(0, "z"),
        "---\nl:\n  - z\n  -\n    # a-b\n    a: 1\n  - c\n---\n",
        id="item-inserted-before-a-comment-line-below-a-dash",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _DASH_LINE_COMMENTS)
def test_a_dash_in_a_comment_is_not_the_items_dash(before: str, edit: Any, after: str) -> None:
    """The item's dash is the one before the comment: the list is patched, not written anew."""
    assert dumps_checked(before, edit) == after


# -- the first entry of a dash-line item moved down ---------------------------------------

_DASH_LINE_MOVES = [
    pytest.param(
        "---\nl:\n- a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
        # b and c keep their order, so only a moves: off the dash line, to the end
        "---\nl:\n- b: 2  # b\n  c: 3  # c\n  a: 1  # a\n---\n",
        id="lf",
    ),
    pytest.param(
        "---\r\nl:\r\n- a: 1  # a\r\n  b: 2  # b\r\n  c: 3  # c\r\n---\r\n",
        "---\r\nl:\r\n- b: 2  # b\r\n  c: 3  # c\r\n  a: 1  # a\r\n---\r\n",
        id="crlf",
    ),
    pytest.param(
        "---\rl:\r-   a: 1  # a\r    b: 2  # b\r    c: 3  # c\r---\r",
        "---\rl:\r-   b: 2  # b\r    c: 3  # c\r    a: 1  # a\r---\r",
        id="lone-cr-four-columns",
    ),
]


@pytest.mark.parametrize(("before", "after"), _DASH_LINE_MOVES)
def test_the_first_entry_on_a_dash_line_moves_down_as_text(before: str, after: str) -> None:
    """It leaves the dash line to the next entry and lands at its siblings' column."""

    def edit(d: dict[str, Any]) -> None:
        d["l"][0] = {"b": 2, "c": 3, "a": 1}

    assert dumps_checked(before, edit) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "---\nl:\n- a: 1  # a\n  b: 2  # b\n  c: 3  # c\n---\n",
            "---\nl:\n- c: 3  # c\n  a: 1  # a\n  b: 2  # b\n---\n",
            id="lf",
        ),
        pytest.param(
            "---\r\nl:\r\n- a: 1  # a\r\n  b: 2  # b\r\n  c: 3  # c\r\n---\r\n",
            "---\r\nl:\r\n- c: 3  # c\r\n  a: 1  # a\r\n  b: 2  # b\r\n---\r\n",
            id="crlf",
        ),
        pytest.param(
            "---\rl:\r- a: 1  # a\r  b: 2  # b\r  c: 3  # c\r---\r",
            "---\rl:\r- c: 3  # c\r  a: 1  # a\r  b: 2  # b\r---\r",
            id="lone-cr",
        ),
    ],
)
def test_the_last_entry_moves_up_onto_the_dash_line(before: str, after: str) -> None:
    """Its line break goes with it to the dash line, whatever the file's line breaks."""

    def edit(d: dict[str, Any]) -> None:
        d["l"][0] = {"c": 3, "a": 1, "b": 2}

    assert dumps_checked(before, edit) == after


# -- values pickle cannot copy -------------------------------------------------------------


def test_a_mapping_that_cannot_be_pickled_is_written_and_compared_by_value() -> None:
    """A read-only mapping (``MappingProxyType``) is written as the mapping it holds."""
    doc = frontmatter.loads("---\na: 1  # a\n---\n")
    doc.data["m"] = MappingProxyType({"k": "v"})
    out = frontmatter.dumps(doc)
    assert out == "---\na: 1  # a\nm:\n  k: v\n---\n"
    assert frontmatter.loads(out).data == {"a": 1, "m": {"k": "v"}}


# -- an anchor kept on the line above a replaced value ------------------------------------


def test_an_anchor_left_above_a_replaced_flow_value_writes_its_alias_out() -> None:
    """``&x`` on the key's line stays and now anchors ``s``: the alias must say ``[1, 2]``."""
    before = "---\nm: {a: &x\n    [1, 2], b: *x}\nc: 1  # c\n---\n"
    after = "---\nm: {a: &x\n    s, b: [1, 2]}\nc: 1  # c\n---\n"
    assert dumps_checked(before, lambda d: d["m"].__setitem__("a", "s")) == after


# -- list items replaced, deleted and inserted in place -----------------------------------

_LIST_EDITS = [
    pytest.param(
        "---\nl: [a, b, c]  # l\nn: 1\n---\n",
        lambda d: d["l"].clear(),
        "---\nl: []  # l\nn: 1\n---\n",
        id="every-flow-item-deleted",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2, c: 3}  # m\nn: 1\n---\n",
        lambda d: d["m"].clear(),
        "---\nm: {}  # m\nn: 1\n---\n",
        id="every-flow-entry-deleted",
    ),
    pytest.param(
        "---\nl: ['a', b, c, d, 'e']\n---\n",
        lambda d: d["l"].__delitem__(slice(1, 4)),
        # the quotes of the items kept stay as written
        "---\nl: ['a', 'e']\n---\n",
        id="three-flow-items-in-a-row-deleted",
    ),
    pytest.param(
        "---\nl: ['a', b, 'c', d, e, 'f']\n---\n",
        lambda d: d["l"].__delitem__(slice(1, 5, 2)) or d["l"].__delitem__(2),
        "---\nl: ['a', 'c', 'f']\n---\n",
        id="flow-items-deleted-in-two-runs",
    ),
    pytest.param(
        "---\nl:\n- a\n- b  # b\n- c\n---\n",
        lambda d: d["l"].__setitem__(0, [1, 2, 3]),
        "---\nl:\n- - 1\n  - 2\n  - 3\n- b  # b\n- c\n---\n",
        id="item-replaced-by-a-list-of-three",
    ),
    pytest.param(
        "---\nl:\n-\n- b  # b\n- c\n---\n",
        lambda d: d["l"].__setitem__(0, {"k": 1, "j": 2}),
        # the empty item's value goes after its dash; the second key lines up with the first
        "---\nl:\n- k: 1\n  j: 2\n- b  # b\n- c\n---\n",
        id="empty-item-set-to-a-mapping-of-two",
    ),
    pytest.param(
        "---\nl:\n-\n  k: 1\n- b  # b\n- c\n---\n",
        lambda d: d["l"].__setitem__(0, [1, 2]),
        # the list starts where the mapping did, below the dash; its lines line up
        "---\nl:\n-\n  - 1\n  - 2\n- b  # b\n- c\n---\n",
        id="mapping-below-its-dash-replaced-by-a-list",
    ),
    pytest.param(
        "---\nl:\n- a  # 1\n- b  # 2\n- c  # 3\n---\n",
        lambda d: d["l"].__setitem__(slice(0, 2), [{"k": 1}, {"k": 2}]),
        # each new mapping takes the place of the item it pairs with
        "---\nl:\n- k: 1  # 1\n- k: 2  # 2\n- c  # 3\n---\n",
        id="two-items-in-a-row-set-to-mappings",
    ),
    pytest.param(
        "---\nl:\n- x  # x\n- a  # a\n---\n",
        lambda d: d.__setitem__("l", ["a", "y"]),
        # the last old item is the new first: it keeps its line
        "---\nl:\n- a  # a\n- y\n---\n",
        id="last-item-becomes-the-first",
    ),
    pytest.param(
        "---\nl:\n- a  # 1\n- b  # 2\n- a  # 3\n---\n",
        lambda d: d.__setitem__("l", ["b", "b"]),
        # as many lines as possible stay, the earliest first: a becomes b, the last a goes
        "---\nl:\n- b  # 1\n- b  # 2\n---\n",
        id="earliest-old-items-kept-among-equal-choices",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _LIST_EDITS)
def test_list_edits_touch_only_their_items(before: str, edit: Any, after: str) -> None:
    assert dumps_checked(before, edit) == after


def test_a_new_item_takes_its_own_lists_offset_from_the_dash() -> None:
    """One list writes ``-   k``, the other ``- k``: each new item follows its own list."""
    before = "---\na:\n-   k: 1\n    j: 2\nb:\n- k: 1\n  j: 2\n---\n"
    after = (
        "---\na:\n-   k: 1\n    j: 2\n-   x: 1\n    y: 2\nb:\n- k: 1\n  j: 2\n- x: 1\n  y: 2\n---\n"
    )

    def edit(d: dict[str, Any]) -> None:
        d["a"].append({"x": 1, "y": 2})
        d["b"].append({"x": 1, "y": 2})

    assert dumps_checked(before, edit) == after


# -- comments above a deleted key -----------------------------------------------------------


@pytest.mark.parametrize(
    "continued",
    [
        pytest.param(" \u3000# x", id="ideographic-space"),
        pytest.param(" X# x", id="letter"),
    ],
)
def test_a_continued_plain_scalar_line_is_no_comment_above_the_next_key(continued: str) -> None:
    """``b`` goes on in the line below (its ``#`` follows no space): deleting ``c`` keeps it."""
    before = f"---\na: b\n{continued}\nc: 1\nd: 2\n---\n"
    assert frontmatter.loads(before).data["a"] == "b " + continued.strip(" ")
    after = f"---\na: b\n{continued}\nd: 2\n---\n"
    assert dumps_checked(before, lambda d: d.pop("c")) == after


# -- the front matter written anew ---------------------------------------------------------


def test_the_front_matter_written_anew_indents_its_nested_values() -> None:
    """An anchored key cannot move as text: the front matter is written anew, in its layout."""
    before = "---\n# head\n&k a: 1\nb:\n    c: 2\n    l:\n    - x\n---\n"
    after = "---\n# head\nb:\n    c: 2\n    l:\n    - x\na: 1\n---\n"

    def edit(d: dict[str, Any]) -> None:
        d["a"] = d.pop("a")

    assert dumps_checked(before, edit) == after


# -- the alignment of a list's items ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "opcodes"),
    [
        pytest.param([], [], [], id="empty"),
        pytest.param([], ["x"], [("change", 0, 0, 0, 1)], id="one-added"),
        pytest.param(["a"], [], [("change", 0, 1, 0, 0)], id="one-removed"),
        pytest.param(["a", "b"], ["a", "b"], [("equal", 0, 2, 0, 2)], id="one-equal-run"),
        pytest.param(
            list("abcde"),
            list("acbxe"),
            # a and e are kept at the ends; of b and c, the earlier old item, b
            [
                ("equal", 0, 1, 0, 1),
                ("change", 1, 1, 1, 2),
                ("equal", 1, 2, 2, 3),
                ("change", 2, 4, 3, 4),
                ("equal", 4, 5, 4, 5),
            ],
            id="ends-kept-middle-aligned",
        ),
    ],
)
def test_align_gives_equal_runs_and_the_changes_between(
    old: list[str], new: list[str], opcodes: list[tuple[str, int, int, int, int]]
) -> None:
    assert _edit.align(list(old), list(new)) == opcodes


@pytest.mark.parametrize(
    ("old", "new", "pairs"),
    [
        pytest.param([], ["a"], [], id="no-old"),
        pytest.param(["a"], [], [], id="no-new"),
        pytest.param(["a"], ["a"], [(0, 0)], id="one"),
        pytest.param(["a", "b"], ["a", "b"], [(0, 0), (1, 1)], id="two-in-a-row"),
        pytest.param(["x", "a"], ["a", "y"], [(1, 0)], id="last-becomes-first"),
        pytest.param(list("bcd"), list("cbx"), [(0, 1)], id="earliest-old-of-two"),
        pytest.param(list("ab"), list("ba"), [(0, 1)], id="swapped"),
        pytest.param(list("aab"), list("aba"), [(0, 0), (1, 2)], id="repeats"),
        pytest.param(list("abb"), list("bbab"), [(0, 2), (1, 3)], id="earliest-old-of-two-pairs"),
    ],
)
def test_common_is_a_longest_match_keeping_the_earliest_old_items(
    old: list[str], new: list[str], pairs: list[tuple[int, int]]
) -> None:
    assert _edit._common(list(old), list(new)) == pairs  # pyright: ignore[reportPrivateUsage]


def _listed(values: list[str], comments: list[str | None]) -> str:
    """A front matter of one block list, each item with its comment (or none)."""
    lines = [
        f"- {v}  # {c}\n" if c is not None else f"- {v}\n"
        for v, c in zip(values, comments, strict=True)
    ]
    return "---\nl:\n" + "".join(lines) + "---\n"


_UNIQUE = [f"u{i}" for i in range(1, 497)]


def test_a_list_of_250_000_cells_is_aligned_by_the_table() -> None:
    """500 x 500 items, at the limit: the longest match keeping the earliest old items.

    Of the two ``b`` the old one could pair with, it pairs with the second:
    the first old ``a`` becomes the first ``b`` in place, and no line goes.
    """
    old = ["x", *_UNIQUE[:495], "a", "b", "a", "p"]
    new = ["y", *_UNIQUE[:495], "b", "b", "q", "r"]
    comments = [str(i) for i in range(500)]
    after = _listed(new, comments)
    assert dumps_checked(_listed(old, comments), lambda d: d.__setitem__("l", new)) == after


def test_a_longer_list_is_aligned_by_difflib() -> None:
    """501 x 501 items: difflib's matcher, whose first match is the earliest in both lists.

    The old ``b`` pairs with the first new ``b``: the old ``a`` before it goes,
    and an ``r`` is added at the end.
    """
    old = ["x", *_UNIQUE, "a", "b", "a", "p"]
    new = ["y", *_UNIQUE, "b", "b", "q", "r"]
    comments = [str(i) for i in range(501)]
    kept: list[str | None] = [*comments[:497], *comments[498:], None]
    after = _listed(new, kept)
    assert dumps_checked(_listed(old, comments), lambda d: d.__setitem__("l", new)) == after


def test_a_value_repeated_in_a_long_list_is_still_matched() -> None:
    """Ten ``a`` among 600 items are not junk to the matcher: ``b`` is a line of its own.

    (``c`` and ``d`` differ, so the ``a`` run is matched for itself, not as
    part of the run of unique items after it.)
    """
    unique = [f"u{i}" for i in range(590)]
    old = ["x", *["a"] * 10, "c", *unique, "p"]
    new = ["y", "b", *["a"] * 10, "d", *unique, "q"]
    comments = [str(i) for i in range(len(old))]
    kept: list[str | None] = [comments[0], None, *comments[1:]]
    after = _listed(new, kept)
    assert dumps_checked(_listed(old, comments), lambda d: d.__setitem__("l", new)) == after


# -- more edges the mutants showed ---------------------------------------------------------


def test_an_alias_into_an_unchanged_list_stays_an_alias() -> None:
    """``&x`` sits in a list the edit does not touch: ``*x`` still reads 1 and stays."""
    before = "---\nl: [&x 1, 2]\nm: *x\no: [a]\n---\n"
    after = "---\nl: [&x 1, 2]\nm: *x\no: [a, b]\n---\n"
    assert dumps_checked(before, lambda d: d["o"].append("b")) == after


def test_a_mapping_ending_in_a_lone_colon_replaced_keeps_the_comment_after_it() -> None:
    """The mapping's text ends at the ``:`` of its last, empty value; the comment stays."""
    before = "---\nm:\n  ? a\n  :  # c\nn: 1\n---\n"
    after = "---\nm: 5  # c\nn: 1\n---\n"
    assert dumps_checked(before, lambda d: d.__setitem__("m", 5)) == after


def test_an_entry_moved_onto_a_dash_line_keeps_its_lines_relative_indentation() -> None:
    """Its lines lose the mapping's column (2), no more: the comment keeps its 2 extra spaces."""
    before = "---\nl:\n- a: 1  # a\n    # about b\n  b: 2  # b\n---\n"
    after = "---\nl:\n-   # about b\n  b: 2  # b\n  a: 1  # a\n---\n"
    assert dumps_checked(before, lambda d: d["l"].__setitem__(0, {"b": 2, "a": 1})) == after


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        pytest.param({"a": 1}, {"a": 1, "b": 2}, False, id="a-key-more"),
        pytest.param({"a": 1}, {"b": 1}, False, id="another-key"),
        pytest.param({"a": 1}, {"a": 2}, False, id="another-value"),
        pytest.param({"a": 1, "b": 2}, {"b": 2, "a": 1}, False, id="key-order"),
        pytest.param({1: "a"}, {1: "a"}, True, id="int-keys"),
        pytest.param({1: "a"}, {True: "a"}, False, id="int-and-bool-keys"),
        pytest.param({"a": [1, {"b": None}]}, {"a": [1, {"b": None}]}, True, id="nested"),
        pytest.param([1, 2], [1, 2.0], False, id="int-and-float"),
        pytest.param(None, None, True, id="nulls"),
        pytest.param(True, 1, False, id="bool-and-int"),
    ],
)
def test_same_compares_type_for_type_and_in_key_order(
    left: object, right: object, expected: bool
) -> None:
    assert _edit.same(left, right) is expected
    assert _edit.identical(left, right) is expected
    assert (_edit.freeze(left) == _edit.freeze(right)) is expected


def test_an_empty_item_set_in_a_four_column_list_takes_the_lists_offset() -> None:
    """``-`` alone in a list written ``-   k``: the mapping goes 4 columns from its dash."""
    before = "---\nl:\n-   k: 1  # k\n-\nn: 1  # n\n---\n"
    after = "---\nl:\n-   k: 1  # k\n-   x: 1\n    y: 2\nn: 1  # n\n---\n"
    assert dumps_checked(before, lambda d: d["l"].__setitem__(1, {"x": 1, "y": 2})) == after


# -- the top-level scalar patch, called as the typed API calls it -------------------------

_PATCHED = [
    pytest.param("title: a\nn: 1\n", {"title": "b"}, "title: b\nn: 1\n", id="first-line"),
    pytest.param("n: 1\ntitle: a\n", {"title": "b"}, "n: 1\ntitle: b\n", id="last-line"),
    pytest.param("title: a  # t\n", {"title": "a, b"}, "title: a, b  # t\n", id="plain-in-block"),
    pytest.param('title: ""\n', {"title": "b"}, 'title: "b"\n', id="empty-double-quoted"),
    pytest.param('title: "aX"\n', {"title": "b"}, 'title: "b"\n', id="double-quoted-x"),
    pytest.param("title: Xa\n", {"title": "b"}, "title: b\n", id="plain-starting-with-x"),
    pytest.param("title: aX  # t\n", {"title": "b"}, "title: b  # t\n", id="plain-ending-with-x"),
    pytest.param("Xtitle: a\ntitle: b\n", {"title": "c"}, "Xtitle: a\ntitle: c\n", id="key-in-key"),
    pytest.param("title: a\nXn: 1\n", {"title": "b"}, "title: b\nXn: 1\n", id="next-key-x"),
    pytest.param(
        "title: a\nn: 1\nm: 2\n", {"title": "b", "m": 3}, "title: b\nn: 1\nm: 3\n", id="two"
    ),
    pytest.param('title: "abc"\n', {"title": "b"}, 'title: "b"\n', id="double-quoted-three"),
    pytest.param('title: "\\""\n', {"title": "b"}, 'title: "b"\n', id="escaped-quote-last"),
    pytest.param("title: ''\nn: 'c'\n", {"title": "b"}, "title: 'b'\nn: 'c'\n", id="empty-single"),
    pytest.param(
        "title: 'it''s'\nn: 'c'\n", {"title": "x"}, "title: 'x'\nn: 'c'\n", id="doubled-quote"
    ),
    pytest.param("title: 'aX'\n", {"title": "b"}, "title: 'b'\n", id="single-quoted-x"),
    pytest.param(
        # the doubled quote right before the closing one
        "title: 'a'''\nn: 'c'\n",
        {"title": "x"},
        "title: 'x'\nn: 'c'\n",
        id="doubled-quote-last",
    ),
]


@pytest.mark.parametrize(("text", "changes", "after"), _PATCHED)
def test_patch_scalars_rewrites_the_values_in_their_lines(
    text: str, changes: dict[str, Any], after: str
) -> None:
    old = frontmatter.loads("---\n" + text + "---\n").data
    assert _edit.patch_scalars(text, old, changes) == after


@pytest.mark.parametrize(
    ("text", "changes"),
    [
        pytest.param("title: a\n x\n", {"title": "b"}, id="continued-plain"),
        pytest.param("title: a\n X\n", {"title": "b"}, id="continued-by-x"),
        pytest.param("title: a\n \u3000\n", {"title": "b"}, id="continued-by-a-wide-space"),
        pytest.param("title: a\n", {"title": [1]}, id="new-value-a-list"),
        pytest.param("title: 'a\n b'\n", {"title": "c"}, id="single-quoted-on-two-lines"),
        # an escaped line break goes on to the next line, a lone CR being one
        pytest.param('title: "a\\\r b"\r', {"title": "c"}, id="double-quoted-escaped-lone-cr"),
        pytest.param("title: a\n", {"title": "a: c"}, id="quote-of-the-file-unknown"),
    ],
)
def test_patch_scalars_leaves_what_it_cannot_be_sure_of_to_the_full_route(
    text: str, changes: dict[str, Any]
) -> None:
    old = frontmatter.loads("---\n" + text + "---\n").data
    assert _edit.patch_scalars(text, old, changes) is None


def test_an_entry_whose_comment_is_left_of_its_key_moves_onto_the_dash_line() -> None:
    """The comment above ``b`` starts at column 1, left of the keys: it follows the dash."""
    before = "---\nl:\n- a: 1  # a\n # about b\n  b: 2  # b\n---\n"
    after = "---\nl:\n- # about b\n  b: 2  # b\n  a: 1  # a\n---\n"
    assert dumps_checked(before, lambda d: d["l"].__setitem__(0, {"b": 2, "a": 1})) == after


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param(" \t# about b", id="a-space-then-a-tab"),
        pytest.param("\t# about b", id="a-tab-at-the-line-start"),
    ],
)
def test_a_tab_before_a_moved_comment_is_kept_on_the_dash_line(comment: str) -> None:
    """Indentation is spaces only: the tab before the comment is its separation, kept."""
    before = f"---\nl:\n- a: 1  # a\n{comment}\n  b: 2  # b\n---\n"
    after = "---\nl:\n- \t# about b\n  b: 2  # b\n  a: 1  # a\n---\n"
    assert dumps_checked(before, lambda d: d["l"].__setitem__(0, {"b": 2, "a": 1})) == after


_PROPERTIES_ON_LINES_OF_THEIR_OWN = [
    pytest.param(
        "---\nl:\n- &a\n  !!map\n  k: v\n- b  # b\nn: 1  # n\n---\n",
        lambda d: d["l"].pop(0),
        # the whole item goes, its anchor and tag with it
        "---\nl:\n- b  # b\nn: 1  # n\n---\n",
        id="anchor-on-the-dash-line-tag-below",
    ),
    pytest.param(
        "---\nl:\n- !!map  # t\n  &a\n  k: v\n- b  # b\nn: 1  # n\n---\n",
        lambda d: d["l"].pop(0),
        "---\nl:\n- b  # b\nn: 1  # n\n---\n",
        id="tag-and-comment-on-the-dash-line-anchor-below",
    ),
    pytest.param(
        "---\nl:\n- &a\n  !!str\n  k\n- b  # b\nn: 1  # n\n---\n",
        lambda d: d["l"].pop(0),
        "---\nl:\n- b  # b\nn: 1  # n\n---\n",
        id="a-scalar-item",
    ),
    pytest.param(
        "---\nl:\n- x  # x\n- &a\n  !!map\n  k: v\nn: 1  # n\n---\n",
        lambda d: d["l"].pop(1),
        "---\nl:\n- x  # x\nn: 1  # n\n---\n",
        id="the-last-item",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _PROPERTIES_ON_LINES_OF_THEIR_OWN)
def test_an_item_whose_properties_are_on_separate_lines_is_deleted_from_its_dash(
    before: str, edit: Any, after: str
) -> None:
    """The item's dash is found past an ``&anchor`` and a ``!tag`` on lines of their own.

    Found past one of them only, the deletion began inside the item and left
    ``- &`` in front of the next one (the data read back, the text did not).
    """
    assert dumps_checked(before, edit) == after
