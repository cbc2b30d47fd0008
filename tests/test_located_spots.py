"""Where each value was written, by hand: the positions lint reads from the record.

A document asked for a position records where each value was written in one
parse (``_located``), without composing the source tree (docs/lint.md). Each
text below is written for this test in one of the shapes FORMAT.md and YAML
allow; beside it, the line and column of each value, counted by hand (the
opening fence is line 1, columns from 1), and the comment on its line. Every
test runs twice: with the native build's record where it is installed, and
with the pure sink alone. Composing the source tree fails the test: these
positions must come from the record.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsitem import _located, _yaml, errors, frontmatter
from newsitem.errors import LimitExceededError
from newsitem.limits import DEFAULT_LIMITS, Limits

Path = tuple[Any, ...]


@pytest.fixture(params=["native", "pure"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """``native``: the native build's record first, what it leaves to the pure sink
    (whatever ``NEWSITEM_PURE`` says); ``pure``: the pure sink alone.
    """
    if request.param == "native":
        native = pytest.importorskip("newsitem._native", reason="the native reader is not built")
        monkeypatch.setattr(_located, "_native_located", native.located)
    else:
        monkeypatch.setattr(_located, "_native_located", None)
    return str(request.param)


def _no_tree(*args: object, **kwargs: object) -> None:
    raise AssertionError("the source tree was composed: the record did not serve")


def check(
    text: str,
    monkeypatch: pytest.MonkeyPatch,
    positions: dict[Path, tuple[int, int] | None],
    comments: dict[Path, str | None],
    data: dict[Any, Any] | None = None,
) -> None:
    """``text`` read as lint reads it (values and offsets in one parse) and as a
    document asked for a position later: the same positions and comments, from the
    record (composing the source tree fails).
    """
    monkeypatch.setattr(_yaml, "compose", _no_tree)
    documents = [
        frontmatter.typed_loads(text, DEFAULT_LIMITS, located=True),
        frontmatter.loads(text),
    ]
    for document in documents:
        if data is not None:
            assert document.data == data
            assert [type(key) for key in document.data] == [type(key) for key in data]
        assert {path: document.position(path) for path in positions} == positions
        assert {path: document.comment(path) for path in comments} == comments


PLAIN = """\
---
title: Hello world
a:
b:\x20\x20\x20
c:   # why
n: 12
spaced :
tabbed\t:
---
"""


def test_plain_and_empty_values(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain value at its first character; an empty one right after its ``:``."""
    check(
        PLAIN,
        monkeypatch,
        {
            ("title",): (2, 8),
            ("a",): (3, 3),
            ("b",): (4, 3),
            ("c",): (5, 3),
            ("n",): (6, 4),
            ("spaced",): (7, 9),
            ("tabbed",): (8, 9),
            (): (2, 1),  # the mapping: at its first key
            ("missing",): (2, 1),  # not even the first step: the first key
            ("title", "deeper"): (2, 8),  # past a scalar: the scalar
            ("title", 0): (2, 8),
        },
        {
            ("title",): None,
            ("b",): None,
            ("c",): "why",
            ("missing",): None,
            (): None,
        },
        {
            "title": "Hello world",
            "a": None,
            "b": None,
            "c": None,
            "n": 12,
            "spaced": None,
            "tabbed": None,
        },
    )


QUOTED = """\
---
s: 'it''s'   # single
d: "a \\"b\\""
m: "one
  two"  # after
p: first
  second  # plain
e: ''
h: 'a # b'
---
"""


def test_quoted_and_multi_line_values(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quoted value at its quote; a value over lines has the comment of its last line."""
    check(
        QUOTED,
        monkeypatch,
        {("s",): (2, 4), ("d",): (3, 4), ("m",): (4, 4), ("p",): (6, 4), ("e",): (8, 4)},
        {
            ("s",): "single",
            ("d",): None,
            ("m",): "after",
            ("p",): "plain",
            ("e",): None,
            ("h",): None,  # a "#" inside the quotes is text
        },
        {
            "s": "it's",
            "d": 'a "b"',
            "m": "one two",
            "p": "first second",
            "e": "",
            "h": "a # b",
        },
    )


BLOCK = """\
---
body: |  # keep
  one
  two
next: >-
  folded
  text
kept: |+
  k

end: x  # last
---
"""


def test_block_scalars(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block scalar at its ``|`` or ``>``; its comment is on that header line."""
    check(
        BLOCK,
        monkeypatch,
        {("body",): (2, 7), ("next",): (5, 7), ("kept",): (8, 7), ("end",): (11, 6)},
        {("body",): "keep", ("next",): None, ("kept",): None, ("end",): "last"},
        {"body": "one\ntwo\n", "next": "folded text", "kept": "k\n\n", "end": "x"},
    )


FLOW = """\
---
list: [a, 'b', {k: v}]  # flow
map: {x: 1, y: [2, 3]}
empty: []
none: {}
pairs: [p: 1, q]
gaps: {x: , y}
---
"""


def test_flow_collections(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A flow collection at its bracket; a flow pair (``[p: 1]``) at its key."""
    check(
        FLOW,
        monkeypatch,
        {
            ("list",): (2, 7),
            ("list", 0): (2, 8),
            ("list", 1): (2, 11),
            ("list", 2): (2, 16),
            ("list", 2, "k"): (2, 20),
            ("list", 3): (2, 7),  # past the end: the list
            ("list", -1): (2, 7),  # no index from the end
            ("list", "x"): (2, 7),  # a key in a list names nothing
            ("map",): (3, 6),
            ("map", "x"): (3, 10),
            ("map", "y"): (3, 16),
            ("map", "y", 1): (3, 20),
            ("map", 0): (3, 6),
            ("empty",): (4, 8),
            ("none",): (5, 7),
            ("pairs",): (6, 8),
            ("pairs", 0): (6, 9),
            ("pairs", 0, "p"): (6, 12),
            ("pairs", 1): (6, 15),
            ("gaps", "x"): (7, 10),  # empty: right after its ":"
            ("gaps", "y"): (7, 14),  # no ":" at all: at the key's end
        },
        {
            ("list",): "flow",
            ("list", 0): "flow",  # on the line where the value ends
            ("list", 2, "k"): "flow",
            ("map",): None,
            ("pairs", 0): None,
        },
        {
            "list": ["a", "b", {"k": "v"}],
            "map": {"x": 1, "y": [2, 3]},
            "empty": [],
            "none": {},
            "pairs": [{"p": 1}, "q"],
            "gaps": {"x": None, "y": None},
        },
    )


def test_a_flow_mapping_at_the_top(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    check(
        "---\n{a: 1, b: [2, 3]}  # top\n---\n",
        monkeypatch,
        {(): (2, 2), ("a",): (2, 5), ("b",): (2, 11), ("b", 1): (2, 15), ("c",): (2, 2)},
        {("a",): "top", ("b", 0): "top"},
        {"a": 1, "b": [2, 3]},
    )


NESTED = """\
---
m:
  n:
    - a
    - b: 1
      c: [x, {y: z}]  # flow
  o: 2
end: 1
---
"""


def test_nested_block_collections(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A block mapping at its first key, a block sequence at its first ``-``; a block
    collection's comment is on the line where its last value ends.
    """
    check(
        NESTED,
        monkeypatch,
        {
            ("m",): (3, 3),
            ("m", "n"): (4, 5),
            ("m", "n", 0): (4, 7),
            ("m", "n", 1): (5, 7),
            ("m", "n", 1, "b"): (5, 10),
            ("m", "n", 1, "c"): (6, 10),
            ("m", "n", 1, "c", 1, "y"): (6, 18),
            ("m", "n", 1, "c", 1, "nope"): (6, 14),  # the mapping, at its "{"
            ("m", "o"): (7, 6),
            ("end",): (8, 6),
        },
        {
            ("m",): None,
            ("m", "n"): "flow",
            ("m", "n", 1): "flow",
            ("m", "n", 0): None,
            ("m", "nope"): None,  # no such value, no comment
            ("end",): None,
        },
        {"m": {"n": ["a", {"b": 1, "c": ["x", {"y": "z"}]}], "o": 2}, "end": 1},
    )


SEQUENCE = """\
---
list:
- x
-
-\x20
- y  # last
- '1'
- "2"
- 'a # b'
- - inner
  - 'q'  # q
k: v
---
"""


def test_a_sequence_at_its_keys_column(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``- item`` at the key's column; an empty item right after its ``-``."""
    check(
        SEQUENCE,
        monkeypatch,
        {
            ("list",): (3, 1),
            ("list", 0): (3, 3),
            ("list", 1): (4, 2),
            ("list", 2): (5, 2),
            ("list", 3): (6, 3),
            ("list", 4): (7, 3),
            ("list", 5): (8, 3),
            ("list", 6): (9, 3),
            ("list", 7): (10, 3),
            ("list", 7, 0): (10, 5),
            ("list", 7, 1): (11, 5),
            ("k",): (12, 4),
        },
        {
            ("list",): "q",
            ("list", 3): "last",
            ("list", 6): None,  # a "#" inside the quotes is text
            ("list", 7): "q",
            ("list", 7, 0): None,
        },
        # Quoted items are strings, whatever they look like.
        {"list": ["x", None, None, "y", "1", "2", "a # b", ["inner", "q"]], "k": "v"},
    )


ANCHORS = """\
---
p: &p {name: N}
q: *p  # alias
r: &s [1, &t two]
u: *t
base: &b
  x: 1
  y: 2
other: *b
e: &e
f: *e
---
"""


def test_anchors_and_aliases(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An anchored value at its content; an alias at its ``*``, the values under it
    where its anchor's values are.
    """
    check(
        ANCHORS,
        monkeypatch,
        {
            ("p",): (2, 7),
            ("p", "name"): (2, 14),
            ("q",): (3, 4),
            ("q", "name"): (2, 14),
            ("q", "missing"): (3, 4),
            ("r",): (4, 7),
            ("r", 1): (4, 14),
            ("u",): (5, 4),
            ("base",): (7, 3),
            ("base", "y"): (8, 6),
            ("other",): (9, 8),
            ("other", "x"): (7, 6),
            ("e",): (10, 6),  # empty, after its anchor
            ("f",): (11, 4),
        },
        {("q",): "alias", ("q", "name"): None, ("base",): None, ("other",): None},
        {
            "p": {"name": "N"},
            "q": {"name": "N"},
            "r": [1, "two"],
            "u": "two",
            "base": {"x": 1, "y": 2},
            "other": {"x": 1, "y": 2},
            "e": None,
            "f": None,
        },
    )


CRLF = (
    "---\r\ntitle: T  # c\r\nlist:\r\n  - a\r\n  - b\r\nempty:\r\n"
    "m: {k: v}  # end\r\nbody: |  # b\r\n  x\r\n---\r\n"
)


def test_crlf_lines(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ``\\r\\n`` is one line break: columns count from the line's start."""
    check(
        CRLF,
        monkeypatch,
        {
            ("title",): (2, 8),
            ("list",): (4, 3),
            ("list", 1): (5, 5),
            ("empty",): (6, 7),
            ("m",): (7, 4),
            ("m", "k"): (7, 8),
            ("body",): (8, 7),
        },
        {
            ("title",): "c",
            ("list",): None,
            ("empty",): None,
            ("m",): "end",
            ("m", "k"): "end",
            ("body",): "b",
        },
        {"title": "T", "list": ["a", "b"], "empty": None, "m": {"k": "v"}, "body": "x\n"},
    )


def test_lone_cr_lines_bom_and_tabs(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone ``\\r`` ends a line; a byte-order mark is not a column; a tab before ``#``."""
    check(
        "---\rtitle: T  # c\rm:\r  k: v\r---\r",
        monkeypatch,
        {("title",): (2, 8), ("m",): (4, 3), ("m", "k"): (4, 6)},
        {("title",): "c", ("m", "k"): None},
    )
    check(
        "\ufeff---\ntitle: T\t# tab\nn: 1 \t# t2\n---\n",
        monkeypatch,
        {("title",): (2, 8), ("n",): (3, 4)},
        {("title",): "tab", ("n",): "t2"},
        {"title": "T", "n": 1},
    )


EXPLICIT = """\
---
? a
: 1
? c
d:
---
"""


def test_explicit_keys(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``? key`` then ``: value``; a key without ``:`` has its empty value at its end."""
    check(
        EXPLICIT,
        monkeypatch,
        {(): (2, 3), ("a",): (3, 3), ("c",): (4, 4), ("d",): (5, 3)},
        {("a",): None},
        {"a": 1, "c": None, "d": None},
    )


def test_an_empty_key(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mapping whose first key is empty (``: v``) starts at that ``:``."""
    check(
        "---\nm:\n  : v\n  x: 1\n---\n",
        monkeypatch,
        {("m",): (3, 3), ("m", None): (3, 5), ("m", "x"): (4, 6)},
        {("m", None): None},
        {"m": {None: "v", "x": 1}},
    )


QUOTED_KEYS = """\
---
"t": 1
m:
  'k': v
  l: w
seq:
- 'a': 1
  b: 2
- "c": [3]
anch: &n
  "z": 0
again: *n
---
"""


def test_quoted_keys(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mapping whose first key is quoted, at the top, under a key, in a sequence."""
    check(
        QUOTED_KEYS,
        monkeypatch,
        {
            (): (2, 1),
            ("t",): (2, 6),
            ("m",): (4, 3),
            ("m", "k"): (4, 8),
            ("m", "l"): (5, 6),
            ("seq", 0): (7, 3),
            ("seq", 0, "a"): (7, 8),
            ("seq", 0, "b"): (8, 6),
            ("seq", 1): (9, 3),
            ("seq", 1, "c"): (9, 8),
            ("seq", 1, "c", 0): (9, 9),
            ("anch",): (11, 3),
            ("anch", "z"): (11, 8),
            ("again",): (12, 8),
            ("again", "z"): (11, 8),
        },
        {("m",): None, ("seq",): None},
        {
            "t": 1,
            "m": {"k": "v", "l": "w"},
            "seq": [{"a": 1, "b": 2}, {"c": [3]}],
            "anch": {"z": 0},
            "again": {"z": 0},
        },
    )


NUMBERS = """\
---
1: one
2.5: half
false: no
null: nothing
'1': str
---
"""


def test_keys_that_are_not_strings(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A step names a key of its own type only: ``1`` is not ``1.0``, ``True`` nor ``"1"``."""
    check(
        NUMBERS,
        monkeypatch,
        {
            (1,): (2, 4),
            (2.5,): (3, 6),
            (False,): (4, 8),
            (None,): (5, 7),
            ("1",): (6, 6),
        },
        {(1,): None},
        {1: "one", 2.5: "half", False: "no", None: "nothing", "1": "str"},
    )
    # Steps equal to a key but of another type (a dict would take them as one).
    document = frontmatter.typed_loads(NUMBERS, DEFAULT_LIMITS, located=True)
    steps: list[Any] = [1.0, True, 0, 0.0, 2.5 + 0j, [1]]  # [1]: unhashable, names no key
    for step in steps:
        assert document.position([step]) == (2, 1), step  # no such key: the first key
        assert document.comment([step]) is None


@pytest.mark.parametrize("text", ["---\n---\n", "---\n# only a comment\n---\n"])
def test_an_empty_front_matter_has_no_positions(
    text: str, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(text, monkeypatch, {(): None, ("a",): None}, {(): None, ("a",): None}, {})


# 16 values: the mapping, a and b, the list and its 3 items, b's list, and
# each alias counts what it stands for (4).
ALIASED = "---\na: &x [1, 2, 3]\nb: [*x, *x]\n---\n"
# 8: the mapping, l, the list, its 3 items, k, v.
ITEMS = "---\nl:\n- a\n- 'b'\n- \"c\"\nk: v\n---\n"
# 8: the mapping, l, the list, the item's mapping, k, v, j, w.
ENTRIES = "---\nl:\n- k: v\n  j: w\n---\n"
# 7: the mapping, x, 1, y, the alias (1), z, 2.
SCALARS = "---\nx: &a 1\ny: *a\nz: !!str 2\n---\n"


# The last value counted: an item of a list (8), a compact entry's (6: the
# comment after it lets it be read whole), a
# collection, counted when it opens (5).
LAST_ITEM = "---\nk: v\nl:\n- a\n- 'b'\n- \"c\"\n---\n"
LAST_ENTRY = "---\nl:\n- k: v\n# the end\n---\n"
LAST_OPEN = "---\na: 1\nb: []\n---\n"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (ALIASED, 16),
        (ITEMS, 8),
        (ENTRIES, 8),
        (SCALARS, 7),
        (LAST_ITEM, 8),
        (LAST_ENTRY, 6),
        (LAST_OPEN, 5),
    ],
)
def test_the_value_limit_is_counted_as_the_reader_counts(
    text: str, values: int, reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the limit the record serves; one value over it, the load is refused."""
    compose = _yaml.compose
    monkeypatch.setattr(_yaml, "compose", _no_tree)
    document = frontmatter.typed_loads(text, Limits(max_nodes=values), located=True)
    assert document.position(()) == (2, 1)
    monkeypatch.setattr(_yaml, "compose", compose)
    with pytest.raises(LimitExceededError):
        frontmatter.typed_loads(text, Limits(max_nodes=values - 1), located=True)


# 4 levels: the mapping, a's, b's, the list.
DEEP = "---\na:\n  b:\n    c: [d]\n---\n"


def test_the_depth_limit_is_counted_as_the_reader_counts(
    reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    compose = _yaml.compose
    monkeypatch.setattr(_yaml, "compose", _no_tree)
    document = frontmatter.typed_loads(DEEP, Limits(max_depth=4), located=True)
    assert document.position(("a", "b", "c", 0)) == (4, 9)
    monkeypatch.setattr(_yaml, "compose", compose)
    with pytest.raises(LimitExceededError):
        frontmatter.typed_loads(DEEP, Limits(max_depth=3), located=True)


FLOW_LINES = """\
---
m: {a: 1,  # one
  b: 2}  # two
l: [a,  # la
  b
  ]  # lb
---
"""


def test_flow_collections_over_lines(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A flow collection ends at its closing bracket: its comment is on that line."""
    check(
        FLOW_LINES,
        monkeypatch,
        {("m",): (2, 4), ("m", "b"): (3, 6), ("l",): (4, 4), ("l", 1): (5, 3)},
        {("m",): "two", ("m", "a"): "one", ("l",): "lb", ("l", 0): "la", ("l", 1): None},
        {"m": {"a": 1, "b": 2}, "l": ["a", "b"]},
    )


TAGGED = """\
---
m: !!map {a: 1}
l: !!seq [a]
b: !!map
  c: d
s: !!str 1
---
"""


def test_collections_with_their_own_tags(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``!!map`` and ``!!seq`` on a collection: the value at its content, after the tag."""
    check(
        TAGGED,
        monkeypatch,
        {("m",): (2, 10), ("m", "a"): (2, 14), ("l", 0): (3, 11), ("b", "c"): (5, 6)},
        {("m",): None},
        {"m": {"a": 1}, "l": ["a"], "b": {"c": "d"}, "s": "1"},
    )


@pytest.mark.parametrize(
    ("text", "error", "line"),
    [
        ("---\nm: !foo {a: 1}\n---\n", errors.UnsupportedTagError, 2),
        ("---\nl: !!map [a]\n---\n", errors.YAMLSyntaxError, 2),
        ("---\nm: !!seq {a: 1}\n---\n", errors.YAMLSyntaxError, 2),
        ("---\na: 1\n...\nb: 2\n---\n", errors.StructureError, 4),
        # the tag before a mapping whose first key is quoted is the mapping's
        ('---\nm: !!seq\n  "k": v\n---\n', errors.YAMLSyntaxError, 2),
        ('---\nm: !foo\n  "k": v\n---\n', errors.UnsupportedTagError, 2),
        ("---\na: 1\n...\n---\n", None, 0),  # "..." ends the one document
    ],
)
def test_what_the_record_refuses_is_refused_with_its_error(
    text: str, error: type[Exception] | None, line: int, reader: str
) -> None:
    """A tag the format refuses, or a second document: the load's typed error, as without
    the record.
    """
    if error is None:
        assert frontmatter.typed_loads(text, DEFAULT_LIMITS, located=True).data == {"a": 1}
        return
    with pytest.raises(error) as caught:
        frontmatter.typed_loads(text, DEFAULT_LIMITS, located=True)
    assert caught.value.line == line


def test_an_empty_front_matter_with_crlf_lines(
    reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    check("---\r\n# c\r\n---\r\n", monkeypatch, {(): None, ("a",): None}, {(): None}, {})


@pytest.mark.parametrize("read", [_located.located, _located.pure_located])
def test_a_text_without_a_last_line_break(read: Any, reader: str) -> None:
    """The record of a YAML text as given (offsets in it, ``\\r\\n`` counted as two)."""
    found = read("? a")  # an explicit key, no ":", no line break: empty, at the key's end
    assert found is not None
    assert (found.data, found.start(["a"]), found.ends(["a"])) == ({"a": None}, 3, [3])
    found = read("k: v\r\nb :")
    assert found is not None
    assert found.text == "k: v\r\nb :"
    assert found.source == "k: v\nb :"
    assert (found.data, found.start(["b"]), found.start([])) == ({"k": "v", "b": None}, 9, 0)
    found = read("")
    assert found is not None
    assert (found.text, found.source, found.data, found.start([]), found.ends([])) == (
        "",
        "",
        {},
        None,
        None,
    )


EMPTY_KEYS = """\
---
m: {a: 1,
  ?
  }
n: {a: 1, ?  }
o: {?
  }
p: [a, ?
  ]
---
"""


def test_empty_keys_in_flow_collections(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``?`` with no key, then no value: the value right after the ``?``, whatever
    blanks and line breaks come before the bracket.
    """
    check(
        EMPTY_KEYS,
        monkeypatch,
        {
            ("m", None): (3, 4),
            ("n", None): (5, 12),
            ("o", None): (6, 6),
            ("p", 1): (8, 9),  # a flow pair, at its first key: empty, just after the "?"
            ("p", 1, None): (8, 9),
        },
        {("m", None): None},
        {
            "m": {"a": 1, None: None},
            "n": {"a": 1, None: None},
            "o": {None: None},
            "p": ["a", {None: None}],
        },
    )


PAIRS_OVER_LINES = """\
---
pair: [p:  # one
  , q]  # end
closed: [p:  # two
  ]
bare: [p:
  , q]  # three
filled: [p: v  # four
  , q]
braces: {q: 1, p:  # five
  }  # six
keyed: [? k  # seven
  ]
lone: [:  # eight
  , q]  # nine
multi: [p: 'a
  b'  # ten
  , q]
---
"""


def test_a_flow_pair_ends_with_its_value(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A flow pair (``[p: v]``, a mapping without braces) ends where its value ends,
    an empty value right after its ``:``: its comment is on that line, not on the line
    of the ``,`` or ``]`` after it. A mapping in braces ends at its ``}``.
    """
    check(
        PAIRS_OVER_LINES,
        monkeypatch,
        {
            ("pair", 0): (2, 8),
            ("pair", 0, "p"): (2, 10),
            ("pair", 1): (3, 5),
            ("closed", 0): (4, 10),
            ("closed", 0, "p"): (4, 12),
            ("bare", 0, "p"): (6, 10),
            ("bare", 1): (7, 5),
            ("filled", 0, "p"): (8, 13),
            ("braces",): (10, 9),
            ("braces", "p"): (10, 18),
            ("keyed", 0): (12, 11),  # at its first key's text, as a block mapping
            ("keyed", 0, "k"): (12, 12),  # no ":": at the key's end
            ("lone", 0): (14, 8),  # an empty key: at its ":"
            ("lone", 0, None): (14, 9),
            ("lone", 1): (15, 5),
            ("multi", 0): (16, 9),
            ("multi", 0, "p"): (16, 12),
        },
        {
            ("pair",): "end",
            ("pair", 0): "one",
            ("pair", 0, "p"): "one",
            ("pair", 1): "end",
            ("closed",): None,
            ("closed", 0): "two",
            ("closed", 0, "p"): "two",
            ("bare", 0): None,
            ("bare", 0, "p"): None,
            ("bare", 1): "three",
            ("filled", 0): "four",
            ("filled", 0, "p"): "four",
            ("filled", 1): None,
            ("braces",): "six",
            ("braces", "q"): "five",
            ("braces", "p"): "five",
            ("keyed", 0): "seven",
            ("keyed", 0, "k"): "seven",
            ("lone", 0): "eight",
            ("lone", 0, None): "eight",
            ("lone", 1): "nine",
            ("multi", 0): "ten",  # where its value ends
            ("multi", 0, "p"): "ten",
        },
        {
            "pair": [{"p": None}, "q"],
            "closed": [{"p": None}],
            "bare": [{"p": None}, "q"],
            "filled": [{"p": "v"}, "q"],
            "braces": {"q": 1, "p": None},
            "keyed": [{"k": None}],
            "lone": [{None: None}, "q"],
            "multi": [{"p": "a b"}, "q"],
        },
    )


PAIRS_IN_A_BLOCK_LIST = """\
---
list:
- [p:  # one
  , q]  # end
- [p:  # two
  ]
- [p: v  # three
  , q]
- [p:
  , q]  # four
---
"""


def test_a_flow_pair_in_a_block_list(reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same pairs as items of a block list's flow lists."""
    check(
        PAIRS_IN_A_BLOCK_LIST,
        monkeypatch,
        {
            ("list", 0): (3, 3),
            ("list", 0, 0): (3, 4),
            ("list", 0, 0, "p"): (3, 6),
            ("list", 0, 1): (4, 5),
            ("list", 3, 1): (10, 5),
        },
        {
            ("list",): "four",
            ("list", 0): "end",
            ("list", 0, 0): "one",
            ("list", 0, 0, "p"): "one",
            ("list", 0, 1): "end",
            ("list", 1): None,
            ("list", 1, 0): "two",
            ("list", 2, 0): "three",
            ("list", 2, 0, "p"): "three",
            ("list", 2, 1): None,
            ("list", 3): "four",
            ("list", 3, 0): None,
            ("list", 3, 0, "p"): None,
            ("list", 3, 1): "four",
        },
        {
            "list": [
                [{"p": None}, "q"],
                [{"p": None}],
                [{"p": "v"}, "q"],
                [{"p": None}, "q"],
            ]
        },
    )


PAIR_PROPERTIES = """\
---
tagged: [!!str t: 1]
anchored: [a, &k t: 2]
braced: [{&j t: 3}]
listed:
- &i t: 4
---
"""


def test_a_flow_pair_starts_at_its_first_key_s_text(
    reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pair whose key has a tag or an anchor is placed at the key's text, past them, as
    a block mapping in a list is (``- &i t: 4``); a braced mapping at its ``{``. The
    source tree says the same.
    """
    positions: dict[Path, tuple[int, int] | None] = {
        ("tagged", 0): (2, 16),
        ("tagged", 0, "t"): (2, 19),
        ("anchored", 1): (3, 18),
        ("braced", 0): (4, 10),
        ("listed", 0): (6, 6),
    }
    check(PAIR_PROPERTIES, monkeypatch, positions, {})
    monkeypatch.undo()
    document = frontmatter.loads(PAIR_PROPERTIES)
    document._tree()  # pyright: ignore[reportPrivateUsage] - the tree's positions
    assert {path: document.position(path) for path in positions} == positions
