"""The parser's flow collections and the stream around the document.

Expected values follow YAML 1.2 (chapter 7, flow styles; chapter 9, the
stream): flow sequences and mappings nested in one another, single pairs
in a sequence, explicit ``?`` entries, empty keys and values, trailing
commas, comments and line breaks between entries, JSON-like keys with a
value right after the ``:``, scalars over several lines; then the stream:
document markers, directives, a byte order mark, ``\\r\\n`` and ``\\r`` line
ends, and the end of the text in each of these places. A refused text is
given with its message, line and column (1-based), the same on the full
route of a load and the values-only one.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import node_spans, read_alike, refused_alike

from newsitem import StructureError, _parser, frontmatter
from newsitem._scalars import FrozenMapping

_NO_ITEMS: list[Any] = []
_NO_KEYS: dict[Any, Any] = {}


# -- flow collections: the values read ---------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        # nesting
        pytest.param("k: [a, [b, c], {d: e}]\n", ["a", ["b", "c"], {"d": "e"}], id="nested"),
        pytest.param("k: [[[a]]]\n", [[["a"]]], id="three-lists-deep"),
        pytest.param("k: {a: {b: {c: d}}}\n", {"a": {"b": {"c": "d"}}}, id="three-mappings-deep"),
        pytest.param(
            "k: [[], {}, [ ], { }]\n", [_NO_ITEMS, _NO_KEYS, _NO_ITEMS, _NO_KEYS], id="empties"
        ),
        pytest.param(
            "k: {a: [], b: {}}\n", {"a": _NO_ITEMS, "b": _NO_KEYS}, id="empty-collections-as-values"
        ),
        pytest.param("k: [[a],[b]]\n", [["a"], ["b"]], id="lists-without-blanks"),
        pytest.param("k: {a: [b],c: d}\n", {"a": ["b"], "c": "d"}, id="a-comma-after-a-list"),
        pytest.param(
            "k: [1, -2, 3.5, true, null, ~]\n", [1, -2, 3.5, True, None, None], id="cores"
        ),
        pytest.param("k: [a b, c  d]\n", ["a b", "c  d"], id="plain-scalars-of-words"),
        pytest.param("k: [a,b,c]\n", ["a", "b", "c"], id="no-blanks-after-commas"),
        pytest.param("k: [ a , b ]\n", ["a", "b"], id="blanks-around-entries"),
        pytest.param("k: [\ta,\tb\t]\n", ["a", "b"], id="tabs-around-entries"),
        pytest.param("k: [a-b, -c, ?d, :e]\n", ["a-b", "-c", "?d", ":e"], id="indicators-in-words"),
        pytest.param("k: [a#b]\n", ["a#b"], id="a-hash-inside-a-word"),
        pytest.param("k: [a:b]\n", ["a:b"], id="a-colon-inside-a-word"),
        pytest.param("k: {a:b}\n", {"a:b": None}, id="a-colon-inside-a-key"),
        pytest.param("k: {:a}\n", {":a": None}, id="a-key-starting-with-a-colon"),
        pytest.param("k: {?a: b}\n", {"?a": "b"}, id="a-key-starting-with-a-question-mark"),
        pytest.param("k: {? :a}\n", {":a": None}, id="an-explicit-key-starting-with-a-colon"),
        pytest.param("k: [? :a]\n", [{":a": None}], id="an-explicit-colon-word-in-a-sequence"),
        pytest.param('k: ["1", \'2\', !!int "3"]\n', ["1", "2", 3], id="quoted-numbers"),
        pytest.param("k: [&x , *x]\n", [None, None], id="an-anchored-empty-item-and-its-alias"),
        pytest.param(
            "k: [a, #c\n  b]\n", ["a", "b"], id="a-comment-without-a-blank-after-the-hash"
        ),
        pytest.param("k: [cd e,\n  f]\n", ["cd e", "f"], id="a-blank-fourth-character"),
        # single pairs in a sequence
        pytest.param("k: [a: 1, b: 2]\n", [{"a": 1}, {"b": 2}], id="two-pairs"),
        pytest.param("k: [a b: c d]\n", [{"a b": "c d"}], id="a-pair-of-words"),
        pytest.param("k: [a: [b]]\n", [{"a": ["b"]}], id="a-pair-with-a-list-value"),
        pytest.param("k: [a: {b: c}]\n", [{"a": {"b": "c"}}], id="a-pair-with-a-mapping-value"),
        pytest.param("k: [[a]: b]\n", [{("a",): "b"}], id="a-pair-with-a-list-key"),
        pytest.param("k: [a:\n  b]\n", [{"a": "b"}], id="a-pair's-value-on-the-next-line"),
        pytest.param("k: [a: b\n  c]\n", [{"a": "b c"}], id="a-pair's-value-on-two-lines"),
        pytest.param("k: [a :b]\n", ["a :b"], id="a-colon-word-is-no-value"),
        pytest.param("k: [a, b:c :d]\n", ["a", "b:c :d"], id="colons-inside-words"),
        pytest.param("k: [a b: 1 c]\n", [{"a b": "1 c"}], id="a-pair-of-words-and-a-number"),
        pytest.param("k: [a:,b]\n", [{"a": None}, "b"], id="a-pair-then-a-comma"),
        pytest.param("k: [a:]\n", [{"a": None}], id="a-pair-then-the-bracket"),
        pytest.param("k: [a:\t]\n", [{"a": None}], id="a-pair-then-a-tab"),
        pytest.param("k: [&x a: b, *x]\n", [{"a": "b"}, "a"], id="an-anchored-pair-key"),
        pytest.param("k: [!!str 1: 2]\n", [{"1": 2}], id="a-tagged-pair-key"),
        pytest.param("k: [a\t: b]\n", [{"a": "b"}], id="a-tab-before-a-pair's-colon"),
        # explicit keys
        pytest.param("k: {? a : b}\n", {"a": "b"}, id="an-explicit-entry"),
        pytest.param("k: {? a: b}\n", {"a": "b"}, id="an-explicit-entry-without-a-blank"),
        pytest.param("k: {? [a, b] : c}\n", {("a", "b"): "c"}, id="an-explicit-list-key"),
        pytest.param(
            "k: {? {a: b} : c}\n", {FrozenMapping({"a": "b"}): "c"}, id="an-explicit-mapping-key"
        ),
        pytest.param("k: [? a : b, c]\n", [{"a": "b"}, "c"], id="an-explicit-pair-then-an-item"),
        pytest.param("k: [? a]\n", [{"a": None}], id="an-explicit-key-alone"),
        pytest.param("k: [? a, ? b]\n", [{"a": None}, {"b": None}], id="two-explicit-keys"),
        pytest.param("k: {? a, b}\n", {"a": None, "b": None}, id="an-explicit-key-then-a-key"),
        pytest.param("k: {?\n  a\n  : b}\n", {"a": "b"}, id="an-explicit-entry-on-three-lines"),
        pytest.param("k: {? # c\n  a : b}\n", {"a": "b"}, id="a-comment-after-the-question-mark"),
        pytest.param('k: {? "a" :b}\n', {"a": "b"}, id="an-explicit-json-key-then-a-blank"),
        pytest.param(
            "k: {? &x a : b, c: *x}\n", {"a": "b", "c": "a"}, id="an-anchored-explicit-key"
        ),
        pytest.param("k: {? a :\n  b}\n", {"a": "b"}, id="a-value-on-the-next-line"),
        # empty keys and values
        pytest.param("k: {a, b}\n", {"a": None, "b": None}, id="keys-without-values"),
        pytest.param("k: {a,}\n", {"a": None}, id="a-key-then-a-trailing-comma"),
        pytest.param("k: {a: , b: }\n", {"a": None, "b": None}, id="empty-values"),
        pytest.param("k: {a:,b:}\n", {"a": None, "b": None}, id="empty-values-without-blanks"),
        pytest.param("k: {: a}\n", {None: "a"}, id="an-empty-key"),
        pytest.param("k: {:}\n", {None: None}, id="an-empty-key-and-value"),
        pytest.param("k: [:, a]\n", [{None: None}, "a"], id="an-empty-pair-then-an-item"),
        pytest.param("k: [:\n  a]\n", [{None: "a"}], id="an-empty-key-then-a-line-break"),
        pytest.param("k: [:\ta]\n", [{None: "a"}], id="an-empty-key-then-a-tab"),
        pytest.param("k: [:]\n", [{None: None}], id="an-empty-pair"),
        pytest.param("k: [a, :]\n", ["a", {None: None}], id="an-empty-pair-after-an-item"),
        pytest.param("k: {&x : a}\n", {None: "a"}, id="an-anchored-empty-key"),
        pytest.param("k: {!!str : a}\n", {"": "a"}, id="a-tagged-empty-key"),
        pytest.param("k: [!!str]\n", [""], id="a-tagged-empty-item"),
        pytest.param("k: [!!str,a]\n", ["", "a"], id="a-tag-then-a-comma"),
        pytest.param("k: [&x]\n", [None], id="an-anchored-empty-item"),
        pytest.param("k: {a: &x}\n", {"a": None}, id="an-anchored-empty-value"),
        pytest.param("k: {a: !!str}\n", {"a": ""}, id="a-tagged-empty-value"),
        # trailing commas
        pytest.param("k: [a,]\n", ["a"], id="a-trailing-comma"),
        pytest.param("k: {a: 1,}\n", {"a": 1}, id="a-trailing-comma-in-a-mapping"),
        pytest.param("k: {a: 1, }\n", {"a": 1}, id="a-trailing-comma-and-a-blank"),
        pytest.param("k: [a,\n  ]\n", ["a"], id="a-trailing-comma-then-a-line-break"),
        pytest.param("k: [[a,],]\n", [["a"]], id="trailing-commas-nested"),
        # comments and line breaks
        pytest.param("k: [ # c\n  a, # d\n  b # e\n  ]\n", ["a", "b"], id="comments-everywhere"),
        pytest.param("k: {a: 1 # c\n  , b: 2}\n", {"a": 1, "b": 2}, id="a-comma-on-the-next-line"),
        pytest.param("k: {\n  a: 1,\n\n  b: 2\n  }\n", {"a": 1, "b": 2}, id="a-mapping-over-lines"),
        pytest.param("k: {a\n  : 1}\n", {"a": 1}, id="a-colon-on-the-next-line"),
        pytest.param("k: {a\n  b: 1}\n", {"a b": 1}, id="a-mapping-key-on-two-lines"),
        pytest.param("k: [a,\n \tb]\n", ["a", "b"], id="a-space-then-a-tab"),
        pytest.param("k: [a,\n  #c\n  b]\n", ["a", "b"], id="a-comment-line"),
        pytest.param("k: [a,\n# c\n  b]\n", ["a", "b"], id="a-comment-line-at-column-one"),
        pytest.param("k: [a,\n\n\n  b]\n", ["a", "b"], id="blank-lines"),
        pytest.param("k: [a] # c\n", ["a"], id="a-comment-after-the-collection"),
        pytest.param("k: [a]\t# c\n", ["a"], id="a-tab-then-a-comment-after-the-collection"),
        pytest.param("k: [a]  \n", ["a"], id="blanks-after-the-collection"),
        # JSON-like keys: a value right after the colon
        pytest.param('k: {"a":b}\n', {"a": "b"}, id="a-double-quoted-key"),
        pytest.param("k: {'a':b}\n", {"a": "b"}, id="a-single-quoted-key"),
        pytest.param('k: {"a" :b}\n', {"a": "b"}, id="a-blank-before-the-colon"),
        pytest.param('k: {"a":[b]}\n', {"a": ["b"]}, id="a-list-value"),
        pytest.param('k: {"a":"b"}\n', {"a": "b"}, id="a-quoted-value"),
        pytest.param('k: ["a":b]\n', [{"a": "b"}], id="in-a-sequence"),
        pytest.param("k: [[a]:b]\n", [{("a",): "b"}], id="a-list-key-in-a-sequence"),
        pytest.param("k: {[a]:b}\n", {("a",): "b"}, id="a-list-key"),
        pytest.param("k: {{a: b}:c}\n", {FrozenMapping({"a": "b"}): "c"}, id="a-mapping-key"),
        pytest.param('k: {&x "a":b, c: *x}\n', {"a": "b", "c": "a"}, id="an-anchored-key"),
        pytest.param('k: {!!str "a":b}\n', {"a": "b"}, id="a-tagged-key"),
        pytest.param('k: {"a":}\n', {"a": None}, id="an-empty-value"),
        pytest.param('k: {"a"\n  :b}\n', {"a": "b"}, id="the-colon-on-the-next-line"),
        pytest.param('k: {"a", "b"}\n', {"a": None, "b": None}, id="json-keys-without-values"),
        pytest.param("k: [\"a\", 'b']\n", ["a", "b"], id="quoted-items-are-no-keys"),
        # scalars over several lines
        pytest.param("k: [a\n  b, c]\n", ["a b", "c"], id="a-plain-item-on-two-lines"),
        pytest.param("k: [a\n\n  b]\n", ["a\nb"], id="a-plain-item-past-a-blank-line"),
        pytest.param("k: {a: b\n  c}\n", {"a": "b c"}, id="a-plain-value-on-two-lines"),
        pytest.param('k: ["a\n  b"]\n', ["a b"], id="a-double-quoted-item-on-two-lines"),
        pytest.param("k: ['a\n\n  b']\n", ["a\nb"], id="a-single-quoted-item-past-a-blank-line"),
        pytest.param('k: ["a\\\n  b"]\n', ["ab"], id="an-escaped-line-break"),
        pytest.param("k: [a\n  # c\n  ]\n", ["a"], id="a-comment-line-ends-a-plain-item"),
        # properties and aliases
        pytest.param("k: [&x a, *x]\n", ["a", "a"], id="an-anchor-and-its-alias"),
        pytest.param("k: [&x [a], *x]\n", [["a"], ["a"]], id="an-anchored-list"),
        pytest.param("k: [!!str 1, !!int '2']\n", ["1", 2], id="tags"),
        pytest.param("k: [&x !!str 1, *x]\n", ["1", "1"], id="an-anchor-and-a-tag"),
        pytest.param("k: [&x\n  a, *x]\n", ["a", "a"], id="an-anchor-then-a-line-break"),
        pytest.param("k: [!!str\n  # c\n  a]\n", ["a"], id="a-tag-then-a-comment-line"),
    ],
)
def test_a_flow_collection_is_read(yaml: str, expected: Any) -> None:
    assert read_alike(yaml)["k"] == expected


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param('k: [!!str "a":b]\n', [{"a": "b"}], id="a-tagged-json-key-in-a-sequence"),
        pytest.param('k: {&x\n  "a":b}\n', {"a": "b"}, id="an-anchor-on-the-line-above"),
        pytest.param("k: {&x  [a]:b}\n", {("a",): "b"}, id="an-anchored-list-key"),
        pytest.param('k: {&x # c\n  "a":b}\n', {"a": "b"}, id="an-anchor-then-a-comment"),
    ],
)
def test_a_json_like_key_after_its_properties(yaml: str, expected: Any) -> None:
    """Spec 7.4.2: a key is JSON-like by its content, after its properties."""
    assert read_alike(yaml)["k"] == expected


def test_a_json_like_key_at_column_one_below_its_anchor() -> None:
    """A flow mapping that is the document may have lines at column 1 (nothing is above it)."""
    assert read_alike('{&x\n"a":b, c: *x}\n') == {"a": "b", "c": "a"}


@pytest.mark.parametrize(
    ("yaml", "message", "column"),
    [
        # A plain key or an alias that ends with a quote is not JSON-like: its ":"
        # needs a blank after it (it was read as a key with the value "[b]").
        ("k: {a':[b]}\n", "expected ',' or '}' in a flow collection", 7),
        ('k: {a":[b]}\n', "expected ',' or '}' in a flow collection", 7),
        ("k: [a':[b]]\n", "expected ',' or ']' in a flow collection", 7),
        ('k: [a":{b: c}]\n', "expected ',' or ']' in a flow collection", 7),
        ("k: {? a':[b]}\n", "a value needs a blank after ':'", 10),
    ],
)
def test_a_plain_key_ending_with_a_quote_takes_no_adjacent_value(
    yaml: str, message: str, column: int
) -> None:
    assert refused_alike(yaml) == (f"invalid YAML: {message}", 1, column)


def test_an_alias_ending_with_a_quote_takes_no_adjacent_value() -> None:
    assert refused_alike("x: &a' 1\nk: {*a' :[b]}\n") == (
        "invalid YAML: expected ',' or '}' in a flow collection",
        2,
        9,
    )


# -- the root node and the stream ---------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        # a flow mapping as the document
        pytest.param("{a: 1, b: [x, y]}\n", {"a": 1, "b": ["x", "y"]}, id="a-flow-mapping"),
        pytest.param("{a: 1}", {"a": 1}, id="a-flow-mapping-ends-the-text"),
        pytest.param("{a: 1} # c\n", {"a": 1}, id="a-comment-after-it"),
        pytest.param("{a: 1}\n# c\n", {"a": 1}, id="a-comment-line-after-it"),
        pytest.param("{a: 1}\n...\n", {"a": 1}, id="an-end-marker-after-it"),
        pytest.param("--- {a: 1}\n", {"a": 1}, id="on-the-marker-line"),
        pytest.param("---\n{a: 1}\n", {"a": 1}, id="below-the-marker"),
        pytest.param(
            "{\na: 1,\nb: [x,\ny]\n}\n", {"a": 1, "b": ["x", "y"]}, id="its-lines-at-column-one"
        ),
        pytest.param("{a: [b,\n---x]}\n", {"a": ["b", "---x"]}, id="three-dashes-and-a-letter"),
        pytest.param("{a: [b,\n...]}\n", {"a": ["b", "..."]}, id="three-dots-and-a-bracket"),
        pytest.param(
            "{a: [b,\ncd e]}\n", {"a": ["b", "cd e"]}, id="a-line-with-a-blank-fourth-character"
        ),
        pytest.param("\n&x a: 1\nb: 2\n", {"a": 1, "b": 2}, id="properties-after-a-blank-line"),
        pytest.param("\n\n  a: 1\n  b: 2\n", {"a": 1, "b": 2}, id="an-indented-mapping"),
        # nothing but what is no document
        pytest.param("", {}, id="empty"),
        pytest.param("\n\n", {}, id="blank-lines"),
        pytest.param("# c", {}, id="a-comment-ends-the-text"),
        pytest.param("# c\n\n  # d\n", {}, id="comment-lines"),
        pytest.param("...", {}, id="an-end-marker-alone"),
        pytest.param("...\n... # c\n", {}, id="two-end-markers"),
        pytest.param("\ufeff", {}, id="a-byte-order-mark-alone"),
        pytest.param("\ufeff# c\n", {}, id="a-byte-order-mark-then-a-comment"),
        # markers
        pytest.param("---\na: 1", {"a": 1}, id="a-start-marker-then-a-line"),
        pytest.param("--- \na: 1\n", {"a": 1}, id="a-start-marker-and-a-blank"),
        pytest.param("---\t# c\na: 1\n", {"a": 1}, id="a-start-marker-a-tab-and-a-comment"),
        pytest.param("---#c: 1\n", {"---#c": 1}, id="three-dashes-and-a-hash-are-a-key"),
        pytest.param("a: 1\n---x: 2\n", {"a": 1, "---x": 2}, id="a-key-of-three-dashes"),
        pytest.param("a: 1\n...x: 2\n", {"a": 1, "...x": 2}, id="a-key-of-three-dots"),
        pytest.param("a: 1\n...", {"a": 1}, id="an-end-marker-ends-the-text"),
        pytest.param("a: 1\n...\t\n", {"a": 1}, id="an-end-marker-and-a-tab"),
        pytest.param("a: 1\n...\n\n# c\n...\n", {"a": 1}, id="end-markers-after-the-document"),
        pytest.param("a: b\n...", {"a": "b"}, id="an-end-marker-ends-a-plain-value"),
        pytest.param("a:\n...\n", {"a": None}, id="an-end-marker-ends-an-empty-value"),
        pytest.param("a:\n- b\n...\n", {"a": ["b"]}, id="an-end-marker-ends-a-list"),
        pytest.param("---\na: 1\n...\n", {"a": 1}, id="both-markers"),
        pytest.param("---\na: 1\n...\n...\n", {"a": 1}, id="two-end-markers-after-a-document"),
        pytest.param("  ... : 1\n", {"...": 1}, id="an-indented-key-of-three-dots"),
        pytest.param("  --- : 1\n", {"---": 1}, id="an-indented-key-of-three-dashes"),
        pytest.param("a: 1\nbc : 2\n", {"a": 1, "bc": 2}, id="a-blank-fourth-character"),
        pytest.param("a: 1\n&x : b\n", {"a": 1, None: "b"}, id="an-anchored-empty-key"),
        pytest.param("a:\n \t&x b\n", {"a": "b"}, id="a-tab-then-properties-below-a-key"),
        pytest.param("a:\n \t&x", {"a": None}, id="a-tab-then-properties-end-the-text"),
        pytest.param("k: 'a' # b#c\n", {"k": "a"}, id="a-hash-inside-a-comment"),
        pytest.param("k: [a] #c\n", {"k": ["a"]}, id="a-comment-without-a-blank-after-the-hash"),
        pytest.param("# c\n---\na: 1\n...\n# d\n", {"a": 1}, id="comments-around-the-markers"),
        # directives
        pytest.param("%YAML 1.2\n---\na: 1", {"a": 1}, id="a-directive"),
        pytest.param("%YAML 1.2\n--- {a: 1}\n", {"a": 1}, id="a-directive-then-flow"),
        pytest.param("%YAML 1.2\n# c\n\n---\na: 1\n", {"a": 1}, id="lines-after-a-directive"),
        pytest.param(
            "%TAG !e! tag:yaml.org,2002:\n---\na: !e!int '1'\n", {"a": 1}, id="a-tag-directive"
        ),
        pytest.param(
            "%TAG ! tag:yaml.org,2002:\n---\na: !str 1\n", {"a": "1"}, id="the-primary-handle"
        ),
        pytest.param("a: !!str 1\n", {"a": "1"}, id="a-core-tag-without-directives"),
        pytest.param("---\na: !!int '1'\n", {"a": 1}, id="a-core-tag-after-a-marker"),
        # the byte order mark
        pytest.param("\ufeffab: 1\n", {"ab": 1}, id="a-byte-order-mark"),
        pytest.param("\ufeff---\nab: 1\n", {"ab": 1}, id="a-byte-order-mark-then-a-marker"),
        pytest.param(
            "\ufeff%YAML 1.2\n---\nab: 1\n", {"ab": 1}, id="a-byte-order-mark-then-a-directive"
        ),
        pytest.param("\ufeff{ab: 1}\n", {"ab": 1}, id="a-byte-order-mark-then-flow"),
        pytest.param("\ufeff\nab: 1\n", {"ab": 1}, id="a-byte-order-mark-then-a-blank-line"),
        pytest.param("\ufeffa: 1\nb: 2\n", {"a": 1, "b": 2}, id="a-byte-order-mark-then-keys"),
        pytest.param(
            "\ufeff  a: 1\n  b: 2\n", {"a": 1, "b": 2}, id="a-byte-order-mark-then-indented-keys"
        ),
        pytest.param("\ufeff? a\n: 1\nb: 2\n", {"a": 1, "b": 2}, id="a-byte-order-mark-then-?"),
        # line ends
        pytest.param("a: 1\r\nb: 2\r\n", {"a": 1, "b": 2}, id="crlf"),
        pytest.param("a: 1\rb: 2\r", {"a": 1, "b": 2}, id="cr"),
        pytest.param("a: 1\r\nb: 2\rc: 3\n", {"a": 1, "b": 2, "c": 3}, id="mixed"),
        pytest.param("a: 'x\r\n  y'\r\n", {"a": "x y"}, id="a-quoted-value-over-crlf"),
        pytest.param("a: 'x\r\r\n  y'\r\n", {"a": "x\ny"}, id="a-cr-then-a-crlf"),
        pytest.param('a: "x\\\r\n  y"\r\n', {"a": "xy"}, id="an-escaped-crlf"),
        pytest.param("a: |\r\n  x\r\n  y\r\n", {"a": "x\ny\n"}, id="a-literal-over-crlf"),
        pytest.param("a: [x,\r\n  y]\r\n", {"a": ["x", "y"]}, id="a-flow-list-over-crlf"),
        pytest.param("a: {x: 1,\r  y: 2}\r", {"a": {"x": 1, "y": 2}}, id="a-flow-mapping-over-cr"),
        pytest.param("---\r\na: 1\r\n...\r\n", {"a": 1}, id="markers-over-crlf"),
        pytest.param("a: b\r\n  c\r\n", {"a": "b c"}, id="a-plain-value-over-crlf"),
    ],
)
def test_a_stream_is_read(yaml: str, expected: Any) -> None:
    assert read_alike(yaml) == expected


def test_a_byte_order_mark_after_the_fence_is_no_indentation() -> None:
    """The YAML between the fences may start with a byte order mark, as a YAML stream may:
    the keys below the first one are at its column (they were refused, the mark counted)."""
    doc = frontmatter.loads("---\n\ufeffa: 1\nb: 2\n---\nBody\n")
    assert doc.data == {"a": 1, "b": 2}
    assert frontmatter.dumps(doc) == "---\n\ufeffa: 1\nb: 2\n---\nBody\n"


def test_normalized_makes_each_line_break_one_newline() -> None:
    assert _parser.normalized("a\r\nb\rc\n\r\r\nd") == "a\nb\nc\n\n\nd"
    assert _parser.normalized("a\nb\n") == "a\nb\n"


@pytest.mark.parametrize(
    ("yaml", "spans"),
    [
        pytest.param(
            "a: [x,\r\n  y]\r\nb: 'z'\r\n",
            ["a: [x,\r\n  y]\r\nb: 'z'\r\n", "a", "[x,\r\n  y]", "x", "y", "b", "'z'"],
            id="crlf",
        ),
        pytest.param(
            "{a: [x, {y: z}], b: 'c'}\n",
            ["{a: [x, {y: z}], b: 'c'}", "a", "[x, {y: z}]", "x", "{y: z}", "y", "z", "b", "'c'"],
            id="a-flow-mapping-as-the-document",
        ),
        pytest.param(
            "k: [a: b, : c, ? d]\n",
            [
                "k: [a: b, : c, ? d]\n",
                "k",
                "[a: b, : c, ? d]",
                "a: b",
                "a",
                "b",
                ": c",
                "",
                "c",
                "? d",
                "d",
                "",
            ],
            id="pairs-in-a-sequence",
        ),
        pytest.param(
            "k: [? : c]\n",
            ["k: [? : c]\n", "k", "[? : c]", "? : c", "", "c"],
            id="an-explicit-empty-key",
        ),
        pytest.param(
            "k: [&x , b]\n",
            ["k: [&x , b]\n", "k", "[&x , b]", "", "b"],
            id="an-anchored-empty-item",
        ),
        pytest.param(
            'k: {a, b: , "c":d}\n',
            ['k: {a, b: , "c":d}\n', "k", '{a, b: , "c":d}', "a", "", "b", "", '"c"', "d"],
            id="keys-and-empty-values",
        ),
        pytest.param(
            "---\nk: [&x a, *x]\n...\n",
            ["k: [&x a, *x]\n", "k", "[&x a, *x]", "a", "*x"],
            id="between-markers",
        ),
        pytest.param("\ufeffk: v\n", ["k: v\n", "k", "v"], id="after-a-byte-order-mark"),
    ],
)
def test_each_flow_node_spans_its_text(yaml: str, spans: list[str]) -> None:
    assert node_spans(yaml) == spans


# -- refused texts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        # a collection left open: the error is at its bracket
        pytest.param("k: [", "a flow collection is not closed (expected ']')", 1, 4, id="["),
        pytest.param("k: {", "a flow collection is not closed (expected '}')", 1, 4, id="{"),
        pytest.param("k: [a,\n", "a flow collection is not closed (expected ']')", 1, 4, id="[a,"),
        pytest.param("k: {a: b", "a flow collection is not closed (expected '}')", 1, 4, id="{a:b"),
        pytest.param("k: [a # c", "a flow collection is not closed (expected ']')", 1, 4, id="#"),
        pytest.param(
            "k: [a, [b]\n", "a flow collection is not closed (expected ']')", 1, 4, id="outer"
        ),
        pytest.param(
            "k: [a, [b\n", "a flow collection is not closed (expected ']')", 1, 8, id="inner"
        ),
        pytest.param("k: [? &x", "a flow collection is not closed (expected ']')", 1, 4, id="? &x"),
        pytest.param(
            '{a: "b"', "a flow collection is not closed (expected '}')", 1, 1, id="the-document"
        ),
        pytest.param("k: [? :", "a flow collection is not closed (expected ']')", 1, 4, id="? :"),
        pytest.param("k: [:", "a flow collection is not closed (expected ']')", 1, 4, id=":"),
        # separators
        pytest.param("k: {,}\n", "unexpected ',' in a flow collection", 1, 5, id="a-comma-first"),
        pytest.param("k: [a,,]\n", "unexpected ',' in a flow collection", 1, 7, id="two-commas"),
        pytest.param("k: [a, ]]\n", "unexpected ']' after a node", 1, 9, id="a-second-bracket"),
        pytest.param(
            "k: {a: 1 b: 2}\n", "expected ',' or '}' in a flow collection", 1, 11, id="no-comma"
        ),
        pytest.param(
            "x: &x a\nk: [*x :b]\n",
            "expected ',' or ']' in a flow collection",
            2,
            8,
            id="an-alias-and-a-colon-word",
        ),
        pytest.param(
            "k: [a: b: c]\n", "expected ',' or ']' in a flow collection", 1, 9, id="a:b:c"
        ),
        # entries
        pytest.param("k: [?]\n", "unexpected '?'", 1, 5, id="a-question-mark-alone"),
        pytest.param("k: [@a]\n", "unexpected '@'", 1, 5, id="an-at-sign"),
        pytest.param("k: [`a`]\n", "unexpected '`'", 1, 5, id="a-backquote"),
        pytest.param("k: {a: %}\n", "unexpected '%'", 1, 8, id="a-percent-sign"),
        pytest.param("k: [a, > b]\n", "unexpected '>'", 1, 8, id="a-folded-scalar"),
        pytest.param("k: {? |}\n", "unexpected '|'", 1, 7, id="a-literal-key"),
        pytest.param(
            "x: &a 1\nk: [!!str *a]\n", "an alias cannot have properties", 2, 5, id="a-tagged-alias"
        ),
        pytest.param("k: {a: *}\n", "an alias needs a name", 1, 8, id="an-alias-without-a-name"),
        pytest.param(
            "k: [a\n  b: c]\n", "an implicit key must be on one line", 2, 4, id="a-key-on-two-lines"
        ),
        pytest.param(
            'k: ["a\n  b": c]\n', "an implicit key must be on one line", 2, 5, id="a-quoted-key"
        ),
        pytest.param(
            "k: [a\n  : b]\n", "an implicit key must be on one line", 2, 3, id="a-colon-below"
        ),
        # comments and lines
        pytest.param("k: [a,#c\n  b]\n", "a comment needs a blank before it", 1, 7, id="#-after-,"),
        pytest.param("{#c\n}\n", "a comment needs a blank before it", 1, 2, id="#-after-{"),
        pytest.param("k: [a]#c\n", "a comment needs a blank before it", 1, 7, id="#-after-]"),
        pytest.param("k: [a]#c#d\n", "a comment needs a blank before it", 1, 7, id="#-twice"),
        pytest.param("k: [a] b\n", "unexpected 'b' after a node", 1, 8, id="a-word-after-]"),
        pytest.param("k: 'a' b\n", "unexpected 'b' after a node", 1, 8, id="a-word-after-a-quote"),
        pytest.param("{a: 1} b", "unexpected 'b' after a node", 1, 8, id="after-the-document"),
        pytest.param(
            "k: [a,\nb]\n", "a flow collection's line is not indented enough", 2, 1, id="column-1"
        ),
        pytest.param(
            "k: [a,\n\tb]\n", "a flow collection's line is not indented enough", 2, 2, id="a-tab"
        ),
        pytest.param(
            "a:\n  k: [x,\n  y]\n",
            "a flow collection's line is not indented enough",
            3,
            3,
            id="at-the-key's-column",
        ),
        pytest.param(
            "a:\n  k: [x,\n\t\ty]\n",
            "a flow collection's line is not indented enough",
            3,
            3,
            id="tabs-are-no-indentation",
        ),
        pytest.param(
            "k: {a: b,\nc: d}\n",
            "a flow collection's line is not indented enough",
            2,
            1,
            id="a-mapping's-line",
        ),
        pytest.param(
            "k: [a,\nXb]\n", "a flow collection's line is not indented enough", 2, 1, id="a-capital"
        ),
        pytest.param(
            "{a: [b,\n--- c]}\n", "a document marker inside a flow collection", 2, 1, id="---"
        ),
        pytest.param(
            "{a: [b,\n---", "a document marker inside a flow collection", 2, 1, id="--- at the end"
        ),
        pytest.param(
            "{a: [b,\n...\tc]}\n", "a document marker inside a flow collection", 2, 1, id="..."
        ),
        pytest.param(
            "{a: [b, # c\n...\n",
            "a document marker inside a flow collection",
            2,
            1,
            id="# then ...",
        ),
        # block context
        pytest.param("a: 1\n|\n", "a block scalar cannot be a key", 2, 1, id="a-literal-as-a-key"),
        pytest.param(
            "a: 1\n&x >\n  t\n", "a block scalar cannot be a key", 2, 4, id="a-folded-key"
        ),
        pytest.param("a: 1\n@b: 2\n", "unexpected '@'", 2, 1, id="an-at-sign-as-a-key"),
        # the stream
        pytest.param(
            "{a: 1}\nb: 2\n", "unexpected content after the document", 2, 1, id="a-key-after"
        ),
        pytest.param(
            "--- {a: 1}\nb: 2\n", "unexpected content after the document", 2, 1, id="---{}"
        ),
        pytest.param("{a: 1}\n  b\n", "unexpected content after the document", 2, 3, id="indented"),
        pytest.param("a: 1\n... b\n", "unexpected 'b' after a node", 2, 5, id="after-..."),
        pytest.param("a: 1\n...#c\n", "expected ':' after a mapping key", 2, 6, id="...#c"),
        pytest.param(
            "\ufeff\ufeffa: 1\n", "the character U+FEFF is not allowed in YAML", 1, 2, id="two-boms"
        ),
        pytest.param(
            "\ufeff\x07: 1\n",
            "the character U+0007 is not allowed in YAML",
            1,
            2,
            id="bom-then-bell",
        ),
        pytest.param(
            "a: 1\nb: \U000e0000\x9f\n",
            "the character U+009F is not allowed in YAML",
            2,
            5,
            id="c1",
        ),
        pytest.param(
            "\ufeffa: 1\nb: [\n", "a flow collection is not closed (expected ']')", 2, 4, id="bom"
        ),
        pytest.param(
            "a: 1\r\nb: [\r\n", "a flow collection is not closed (expected ']')", 2, 4, id="crlf"
        ),
        pytest.param(
            "a: 1\rb: [x,\r  y", "a flow collection is not closed (expected ']')", 2, 4, id="cr"
        ),
        pytest.param("a: 1\r\n  b: 2\r\n", "unexpected ':' after a node", 2, 4, id="crlf-indent"),
        pytest.param(
            "%YAML 1.2\n",
            "directives must be followed by '---'",
            1,
            1,
            id="a-directive-ends-the-text",
        ),
        pytest.param(
            "# c\n%YAML 1.2\n\na: 1\n",
            "directives must be followed by '---'",
            2,
            1,
            id="a-document",
        ),
    ],
)
def test_a_refused_text_says_what_and_where(
    yaml: str, message: str, line: int, column: int
) -> None:
    assert refused_alike(yaml) == (f"invalid YAML: {message}", line, column)


@pytest.mark.parametrize(
    ("yaml", "line", "column"),
    [
        pytest.param("a: 1\n---\n", 2, 1, id="a-start-marker-after-a-document"),
        pytest.param("---\n---\n", 2, 1, id="two-start-markers"),
        pytest.param("a: 1\n---", 2, 1, id="a-start-marker-ends-the-text"),
        pytest.param("a: 1\n---\t# c\n", 2, 1, id="a-start-marker-and-a-tab"),
        pytest.param("{a: 1}\n--- {b: 2}\n", 2, 1, id="two-flow-documents"),
        pytest.param("a: 1\n...\n\n---\n", 4, 1, id="an-end-then-a-start"),
        pytest.param("a: 1\n...\nb: 2\n", 3, 1, id="a-document-after-an-end"),
        pytest.param("---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n", 5, 1, id="directives-then-a-second"),
        pytest.param("a:\n---\n", 2, 1, id="a-start-marker-ends-an-empty-value"),
    ],
)
def test_a_second_document_is_refused(yaml: str, line: int, column: int) -> None:
    assert refused_alike(yaml, StructureError) == (
        "front matter holds more than one YAML document",
        line,
        column,
    )


@pytest.mark.parametrize(
    ("yaml", "kind", "line", "column"),
    [
        pytest.param("---\n", "a single value", 1, 4, id="a-start-marker-alone"),
        pytest.param("%YAML 1.2\n---", "a single value", 2, 4, id="a-directive-and-a-marker"),
        pytest.param("--- 'a'\n", "a single value", 1, 5, id="a-quoted-document"),
        pytest.param("--- [a]\n", "a list", 1, 5, id="a-flow-list-document"),
        pytest.param("[a: 1]\n", "a list", 1, 1, id="a-list-of-one-pair"),
    ],
)
def test_a_document_that_is_no_mapping(yaml: str, kind: str, line: int, column: int) -> None:
    assert refused_alike(yaml, StructureError) == (
        f"the front matter must be a mapping of keys to values, not {kind}",
        line,
        column,
    )


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        pytest.param("k: !!map [a]\n", "a sequence cannot be a !!map", 1, 4, id="!!map-[]"),
        pytest.param("k: !!seq {a: b}\n", "a mapping cannot be a !!seq", 1, 4, id="!!seq-{}"),
        pytest.param("k: [a, !!map [b]]\n", "a sequence cannot be a !!map", 1, 8, id="[!!map-[]]"),
        pytest.param('k: [!!map "a"]\n', "'a' is a scalar, not a !!map", 1, 5, id='!!map-"a"'),
        pytest.param("k: [!!map 'a']\n", "'a' is a scalar, not a !!map", 1, 5, id="!!map-'a'"),
        pytest.param("k: [!!map a]\n", "'a' is a scalar, not a !!map", 1, 5, id="!!map-a"),
        pytest.param("k: [!!map , a]\n", "'' is a scalar, not a !!map", 1, 5, id="!!map-empty"),
    ],
)
def test_a_tag_a_flow_node_cannot_have_is_refused_at_the_tag(
    yaml: str, message: str, line: int, column: int
) -> None:
    assert refused_alike(yaml) == (message, line, column)
