"""The composer: its errors word for word, its counts at the limits, and a source tree
that edits can rely on.

Expected texts follow YAML 1.2 and the format's rules: an empty value is
written after its ``:`` or ``-``; a flow collection used as a key (``[a]: c``)
and a flow pair (``[k: v]``) are mappings; the quote a file uses most is the
one new strings get; offsets of a file with ``\\r\\n`` line breaks point into
that file. Lines and columns are 1-based, counted in the YAML text itself
unless a line offset is given.
"""

from __future__ import annotations

import datetime as dt
import inspect
import sys
from collections.abc import Callable
from typing import Any

import pytest

from newsitem import (
    DuplicateKeyError,
    LimitExceededError,
    Limits,
    NewsItemError,
    StructureError,
    UnsupportedTagError,
    YAMLSyntaxError,
    _yaml,
    frontmatter,
)

# -- errors, word for word ------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "kind", "code", "message", "line", "column"),
    [
        pytest.param(
            "a: 1\n---\nb: 2\n",
            StructureError,
            "not-a-mapping",
            "front matter holds more than one YAML document",
            2,
            1,
            id="two-documents",
        ),
        pytest.param(
            "- a\n",
            StructureError,
            "not-a-mapping",
            "the front matter must be a mapping of keys to values, not a list",
            1,
            1,
            id="a-list",
        ),
        pytest.param(
            "x\n",
            StructureError,
            "not-a-mapping",
            "the front matter must be a mapping of keys to values, not a single value",
            1,
            1,
            id="a-single-value",
        ),
        pytest.param(
            "k: !!int x\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "'x' is not a valid !!int",
            1,
            4,
            id="int",
        ),
        pytest.param(
            "k: !!timestamp x\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "'x' is not a valid !!timestamp",
            1,
            4,
            id="timestamp",
        ),
        pytest.param(
            "k: !!binary aGk=!\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "'aGk=!' is not a valid !!binary (not base64)",
            1,
            4,
            id="binary",
        ),
        pytest.param(
            "k: !!map x\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "'x' is a scalar, not a !!map",
            1,
            4,
            id="scalar-map",
        ),
        pytest.param(
            "k: !!seq x\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "'x' is a scalar, not a !!seq",
            1,
            4,
            id="scalar-seq",
        ),
        pytest.param(
            "k: !!str [a]\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "a sequence cannot be a !!str",
            1,
            4,
            id="sequence-str",
        ),
        pytest.param(
            "k: !!int {a: 1}\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "a mapping cannot be a !!int",
            1,
            4,
            id="mapping-int",
        ),
        pytest.param(
            "x: !!str\n  [a]: b\n",
            YAMLSyntaxError,
            "invalid-tag-value",
            "a mapping cannot be a !!str",
            1,
            4,
            id="flow-key-mapping-str",
        ),
        pytest.param(
            "k: !!set x\n",
            UnsupportedTagError,
            "unsupported-tag",
            "the tag '!!set' is not supported",
            1,
            4,
            id="core-tag-not-supported",
        ),
        pytest.param(
            "k: !<tag:example.com,2000:x> y\n",
            UnsupportedTagError,
            "unsupported-tag",
            "the tag 'tag:example.com,2000:x' is not supported",
            1,
            4,
            id="other-tag",
        ),
        pytest.param(
            "a: 1\na: 2\n",
            DuplicateKeyError,
            "duplicate-key",
            "duplicate key 'a' (first given at line 1, column 1)",
            2,
            1,
            id="duplicate-key",
        ),
    ],
)
@pytest.mark.parametrize("read", [_yaml.compose, _yaml.values], ids=["compose", "values"])
def test_an_error_says_what_and_where(
    read: Callable[[str], Any],
    yaml: str,
    kind: type[NewsItemError],
    code: str,
    message: str,
    line: int,
    column: int,
) -> None:
    with pytest.raises(kind) as info:
        read(yaml)
    error = info.value
    assert (error.code, error.message, error.line, error.column) == (code, message, line, column)


def test_tagged_values_that_fit_their_tag() -> None:
    """``!!timestamp`` takes a date; ``!!binary`` takes base64 with blanks in it."""
    text = "d: !!timestamp 2021-01-02\nb: !!binary aGVsbA= =\n"
    expected = {"d": dt.date(2021, 1, 2), "b": "aGVsbA= ="}
    assert _yaml.compose(text).data == expected
    assert _yaml.values(text) == expected


# -- the limits, counted on the full route ----------------------------------------


@pytest.mark.parametrize(
    ("yaml", "count", "line", "column"),
    [
        # the root, a, 1, then b and '2' on the one-line route for entries
        pytest.param("a: 1\nb: '2'\n", 5, 2, 4, id="entry"),
        # the root, a, the list, x, then 'y' on the one-line route for items
        pytest.param("a:\n  - x\n  - 'y'\n", 5, 3, 5, id="block-items"),
        # the root, a, the list, x, y
        pytest.param("a: [x, y]\n", 5, 1, 8, id="flow-items"),
        # the root, a, the tagged x
        pytest.param("a: !!str x\n", 3, 1, 10, id="tagged-scalar"),
        # the root, a, 1, b, then the alias: its value again
        pytest.param("a: &x 1\nb: *x\n", 5, 2, 4, id="scalar-alias"),
        # the root, a, the list and its two items, b, then the alias: three again
        pytest.param("a: &l [1, 2]\nb: *l\n", 9, 2, 4, id="collection-alias"),
        # the key list, a, the mapping, c
        pytest.param("[a]: c\n", 4, 1, 6, id="flow-key"),
    ],
)
def test_the_composer_counts_values_to_the_limit(
    yaml: str, count: int, line: int, column: int
) -> None:
    """Exactly ``max_nodes`` values are read; one more is refused where it is written."""
    assert _yaml.compose(yaml, limits=Limits(max_nodes=count)).data == _yaml.compose(yaml).data
    with pytest.raises(LimitExceededError) as info:
        _yaml.compose(yaml, limits=Limits(max_nodes=count - 1))
    assert info.value.message == (
        f"the front matter expands to more than {count - 1} values "
        "(aliases count each time they are used)"
    )
    assert (info.value.line, info.value.column) == (line, column)


# -- the file's quote -----------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "quote"),
    [
        pytest.param("a: 'x'\n", "'", id="one-single"),
        pytest.param("a: 'x'\nb: 'y'\nc: \"z\"\nd: 1\n", "'", id="entries"),
        pytest.param("a: 'x'\nb:\n  - \"y\"\n", '"', id="entry-and-item-tie"),
        pytest.param("a: \"x\"\nb:\n  - 'y'\n", '"', id="item-and-entry-tie"),
        pytest.param("b:\n  - 'y'\n  - 'z'\nc: \"x\"\nd: 1\n", "'", id="items"),
        pytest.param("b:\n  - 'y'\n", "'", id="one-item"),
        pytest.param("a: ['x', 'y']\nc: \"z\"\nd: 1\n", "'", id="flow"),
        pytest.param("a: ['x']\nc: \"z\"\n", '"', id="flow-and-entry-tie"),
        pytest.param("a: !!str 'x'\nb: !!str 'y'\nc: \"z\"\nd: 1\n", "'", id="tagged"),
    ],
)
def test_a_new_string_takes_the_quote_the_file_uses_most(yaml: str, quote: str) -> None:
    """Every quoted scalar counts once, whatever route read it; a tie goes to ``"``."""
    doc = frontmatter.loads(f"---\n{yaml}---\n")
    doc.data["n"] = "a: b"
    assert frontmatter.dumps(doc) == f"---\n{yaml}n: {quote}a: b{quote}\n---\n"


# -- a source tree edits can use ---------------------------------------------------


def _edited(yaml: str, edit: Callable[[Any], None], newline: str = "\n") -> str:
    doc = frontmatter.loads(f"---{newline}{yaml}---{newline}")
    edit(doc.data)
    out = frontmatter.dumps(doc)
    assert frontmatter.loads(out).data == doc.data
    return out.removeprefix(f"---{newline}").removesuffix(f"---{newline}")


@pytest.mark.parametrize(
    ("yaml", "edit", "expected"),
    [
        pytest.param("", lambda d: d.__setitem__("a", 1), "a: 1\n", id="empty"),
        pytest.param("# c\n", lambda d: d.__setitem__("a", 1), "# c\na: 1\n", id="comment-only"),
        pytest.param(
            "a:\n  -\n  - b\n",
            lambda d: d["a"].__setitem__(0, "x"),
            "a:\n  - x\n  - b\n",
            id="empty-first-item",
        ),
        pytest.param(
            "a:\n  - b\n  -\n",
            lambda d: d["a"].__setitem__(1, "x"),
            "a:\n  - b\n  - x\n",
            id="empty-last-item",
        ),
        pytest.param(
            "a:\n  - &x\n  - b\n",
            lambda d: d["a"].__setitem__(0, "z"),
            "a:\n  - &x z\n  - b\n",
            id="empty-anchored-item",
        ),
        pytest.param(
            "a :\nb: 1\n", lambda d: d.__setitem__("a", 1), "a : 1\nb: 1\n", id="space-colon"
        ),
        pytest.param(
            "a \t:\nb: 1\n", lambda d: d.__setitem__("a", 1), "a \t: 1\nb: 1\n", id="tab-colon"
        ),
        pytest.param(
            "a:  # note\nb: 1\n",
            lambda d: d.__setitem__("a", 1),
            "a: 1  # note\nb: 1\n",
            id="empty-value-before-a-comment",
        ),
        pytest.param(
            "a:\n  -  # note\n  - b\n",
            lambda d: d["a"].__setitem__(0, "x"),
            "a:\n  - x  # note\n  - b\n",
            id="empty-item-before-a-comment",
        ),
        pytest.param(
            "a:\n# c\nb: 1\n",
            lambda d: d.__setitem__("a", 1),
            "a: 1\n# c\nb: 1\n",
            id="empty-value-before-a-comment-line",
        ),
        pytest.param(
            "a: &k x\n? *k\nc: 1\n",
            lambda d: d.__setitem__("x", "z"),
            "a: &k x\n? *k\n: z\nc: 1\n",
            id="alias-key-without-a-value",
        ),
        pytest.param(
            "? [a, b]\nd: 1\n",
            lambda d: d.__setitem__(("a", "b"), "z"),
            "? [a, b]\n: z\nd: 1\n",
            id="list-key-without-a-value",
        ),
        pytest.param(
            "x: [k: v]\n",
            lambda d: d["x"][0].__setitem__("k", "a,b"),
            'x: [k: "a,b"]\n',
            id="flow-pair-value-in-flow-context",
        ),
        pytest.param(
            "a: &x\nb: 1\n",
            lambda d: d.__setitem__("a", 2),
            "a: &x 2\nb: 1\n",
            id="empty-anchored-value",
        ),
        pytest.param(
            "a: !!str\nb: 1\n",
            lambda d: d.__setitem__("a", "v"),
            "a: !!str v\nb: 1\n",
            id="empty-tagged-value",
        ),
        pytest.param(
            "a:\n  - 'x'\n  - y\n",
            lambda d: d["a"].__setitem__(0, "z"),
            "a:\n  - 'z'\n  - y\n",
            id="quoted-item-keeps-its-quotes",
        ),
        pytest.param(
            "a:\n  - k: 'x'\n    m: y\n",
            lambda d: d["a"][0].__setitem__("k", "z"),
            "a:\n  - k: 'z'\n    m: y\n",
            id="quoted-first-entry-of-an-item-keeps-its-quotes",
        ),
        pytest.param(
            'a:\n  - k: "x"\n',
            lambda d: d["a"][0].__setitem__("k", "z"),
            'a:\n  - k: "z"\n',
            id="double-quoted-first-entry-of-an-item-keeps-its-quotes",
        ),
        pytest.param(
            "a: &k x\n*k : y\n",
            lambda d: d.__setitem__("x", "z"),
            "a: &k x\n*k : z\n",
            id="alias-key",
        ),
        pytest.param(
            "[a]: c\nx: 1\n",
            lambda d: d.__setitem__(("a",), "d"),
            "[a]: d\nx: 1\n",
            id="flow-key-at-the-root",
        ),
        pytest.param(
            "x: [k: v, z]\n",
            lambda d: d["x"][0].__setitem__("k", "w"),
            "x: [k: w, z]\n",
            id="flow-pair",
        ),
        pytest.param(
            "x:\n  y: [k: v]\n",
            lambda d: d["x"]["y"][0].__setitem__("k", "w"),
            "x:\n  y: [k: w]\n",
            id="flow-pair-two-levels-down",
        ),
        pytest.param(
            "x: [[a]: b]\n",
            lambda d: d["x"][0].__setitem__(("a",), "c"),
            "x: [[a]: c]\n",
            id="flow-key-in-a-flow-pair",
        ),
        pytest.param(
            "? a\n: [b]: c\n",
            lambda d: d["a"].__setitem__(("b",), "d"),
            "? a\n: [b]: d\n",
            id="flow-key-in-an-explicit-value",
        ),
        pytest.param(
            "? [a]: b\n: c\n",
            lambda d: d.__setitem__(next(iter(d)), "z"),
            "? [a]: b\n: z\n",
            id="flow-key-in-an-explicit-key",
        ),
    ],
)
def test_an_edit_lands_where_the_value_is(
    yaml: str, edit: Callable[[Any], None], expected: str
) -> None:
    assert _edited(yaml, edit) == expected


@pytest.mark.parametrize(
    ("yaml", "edit", "expected"),
    [
        pytest.param(
            "a: 1\r\nb: 2\r\n\r\nc: 3\r\nd: 4\r\n",
            lambda d: d.__setitem__("d", 5),
            "a: 1\r\nb: 2\r\n\r\nc: 3\r\nd: 5\r\n",
            id="after-a-blank-line",
        ),
        pytest.param(
            "a: 1\r\nb: 2\r\nc: 3\r\nd: [4, 5]\r\n",
            lambda d: d["d"].__setitem__(1, 6),
            "a: 1\r\nb: 2\r\nc: 3\r\nd: [4, 6]\r\n",
            id="fourth-line",
        ),
        pytest.param(
            "a: &x [1, 2]\r\nb: *x\r\nc: 3\r\n",
            lambda d: d.__setitem__("c", 5),
            "a: &x [1, 2]\r\nb: *x\r\nc: 5\r\n",
            id="after-an-alias",
        ),
        pytest.param(
            "k:\r\n  - a\r\n  - b\r\n  - c\r\n",
            lambda d: d["k"].__setitem__(2, "z"),
            "k:\r\n  - a\r\n  - b\r\n  - z\r\n",
            id="last-item",
        ),
        pytest.param(
            "a: 1\r\nb: 2\r\n\r\nc: 3\r\nd:\r\n  - 4   # four\r\n  - [5,  7]   # five\r\n",
            lambda d: d["d"][1].__setitem__(0, 6),
            "a: 1\r\nb: 2\r\n\r\nc: 3\r\nd:\r\n  - 4   # four\r\n  - [6,  7]   # five\r\n",
            id="nested-after-a-blank-line-comments-kept",
        ),
    ],
)
def test_an_edit_of_a_crlf_file_lands_where_the_value_is(
    yaml: str, edit: Callable[[Any], None], expected: str
) -> None:
    assert _edited(yaml, edit, "\r\n") == expected


def test_a_stack_too_small_for_the_nesting_is_a_limit_error() -> None:
    """Where Python's stack runs out before ``max_depth`` (a low recursion limit, a
    thread with a small stack), the reader raises LimitExceededError, not RecursionError."""
    yaml = "a: " + "[" * 150 + "]" * 150 + "\n"  # within the largest max_depth, 200
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 60)
    try:
        with pytest.raises(LimitExceededError) as caught:
            _yaml.compose(yaml, limits=Limits(max_depth=200))
    finally:
        sys.setrecursionlimit(limit)
    assert caught.value.message == "the YAML is nested too deeply"
    assert caught.value.code == "limit-exceeded"
