"""The parser: the structure of a YAML 1.2 text, and where a text that breaks it is refused.

Expected values follow the specification (chapters 6 to 9): block
collections by indentation, compact nested ones after ``-``, explicit
``?``/``:`` entries, properties on the node's line or on a line of their
own, flow collections with implicit and explicit pairs, directives and
document markers. A refused text is given with the reader's message, line
and column (1-based, in the YAML text), the same on both routes of a load.
Front matter is one mapping: a list, a single value or a second document
is refused as ``not-a-mapping`` after the text itself has been read.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import node_spans, read_alike, refused_alike

from newsitem import (
    DuplicateKeyError,
    NewsItemError,
    StructureError,
    UnsupportedTagError,
    YAMLSyntaxError,
    _yaml,
)
from newsitem._scalars import FrozenMapping

# -- block structure -------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k:\n- a\n- b\n", {"k": ["a", "b"]}, id="a-list-at-its-key's-column"),
        pytest.param("k:\n  - a\n   - b\n", {"k": ["a - b"]}, id="a-dash-on-a-continuation-line"),
        pytest.param("k: &x\n  - a\nj: *x\n", {"k": ["a"], "j": ["a"]}, id="an-anchored-list"),
        pytest.param("k: !!seq\n- a\n", {"k": ["a"]}, id="a-tagged-list"),
        pytest.param("k:\n- &x a\n- *x\n", {"k": ["a", "a"]}, id="an-alias-item"),
        pytest.param("k:\n-\ta\n", {"k": ["a"]}, id="a-tab-after-the-dash"),
        pytest.param("k:\n- - a\n  - b\n", {"k": [["a", "b"]]}, id="a-compact-list"),
        pytest.param("k:\n- a: 1\n  b: 2\n", {"k": [{"a": 1, "b": 2}]}, id="a-compact-mapping"),
        pytest.param(
            "k:\n-   a: 1\n    b: 2\n", {"k": [{"a": 1, "b": 2}]}, id="a-compact-mapping-further-in"
        ),
        pytest.param("k:\n- ? a\n  : b\n", {"k": [{"a": "b"}]}, id="a-compact-explicit-entry"),
        pytest.param("k:\n-\n  a\n", {"k": ["a"]}, id="an-item-on-the-next-line"),
        pytest.param("k:\n-\n- b\n", {"k": [None, "b"]}, id="an-empty-item"),
        pytest.param("k:\n- # c\n  a\n", {"k": ["a"]}, id="a-comment-after-the-dash"),
        pytest.param("k:\n- a\n# c\n- b\n", {"k": ["a", "b"]}, id="a-comment-line-between-items"),
        pytest.param("k:\n- a\n\n- b\n", {"k": ["a", "b"]}, id="a-blank-line-between-items"),
        pytest.param("k:\n- 'a'\n- \"b\"\n", {"k": ["a", "b"]}, id="quoted-items"),
        pytest.param("k:\n- 'a' # c\n- b\n", {"k": ["a", "b"]}, id="a-quoted-item-and-a-comment"),
        pytest.param("k:\n- a\n  b\n- c\n", {"k": ["a b", "c"]}, id="an-item-on-two-lines"),
        pytest.param("k:\n- a\n\n  b\n", {"k": ["a\nb"]}, id="an-item-past-a-blank-line"),
        pytest.param("k:\n- a\nj: 1\n", {"k": ["a"], "j": 1}, id="a-key-after-the-list"),
        pytest.param("k:\n  - a\nj: 1\n", {"k": ["a"], "j": 1}, id="a-key-after-an-indented-list"),
        pytest.param(
            "k:\n- a: b\nj: 1\n", {"k": [{"a": "b"}], "j": 1}, id="a-key-after-a-compact-mapping"
        ),
        pytest.param(
            "k:\n- a: '1'\n- c: \"2\"\n",
            {"k": [{"a": "1"}, {"c": "2"}]},
            id="compact-mappings-of-quoted-values",
        ),
        pytest.param(
            "k:\n- a: b\n  c:\n  - d\n",
            {"k": [{"a": "b", "c": ["d"]}]},
            id="a-list-in-a-compact-mapping",
        ),
        pytest.param(
            "k:\n- a: b\n    c\n", {"k": [{"a": "b c"}]}, id="a-compact-entry-on-two-lines"
        ),
        pytest.param(
            "k:\n- a: b\n\n    c\n", {"k": [{"a": "b\nc"}]}, id="a-compact-entry-past-a-blank-line"
        ),
        pytest.param(
            "k:\n-  ab: 1\nj: 2\n", {"k": [{"ab": 1}], "j": 2}, id="two-spaces-before-a-compact-key"
        ),
        pytest.param("k:\n-   ab: 1\n", {"k": [{"ab": 1}]}, id="three-spaces-before-a-compact-key"),
        pytest.param(
            "k:\n- a: b # c\n- d\n", {"k": [{"a": "b"}, "d"]}, id="a-compact-entry-and-a-comment"
        ),
        pytest.param("k:\n- a: b", {"k": [{"a": "b"}]}, id="a-compact-entry-ends-the-text"),
        pytest.param("k:\n- a", {"k": ["a"]}, id="an-item-ends-the-text"),
        pytest.param("k:\n- a\n-x: 1\n", {"k": ["a"], "-x": 1}, id="a-key-starting-with-a-dash"),
        pytest.param("k:\n- a\n-", {"k": ["a", None]}, id="a-dash-ends-the-text"),
        pytest.param("k:\n- a\n-\tb\n", {"k": ["a", "b"]}, id="a-tab-after-a-later-dash"),
        pytest.param("---\nk:\n- a\n- b\n", {"k": ["a", "b"]}, id="items-after-a-start-marker"),
        pytest.param("k:\n-  a\n-  b\n", {"k": ["a", "b"]}, id="two-spaces-after-the-dash"),
        pytest.param("k:\n-\n  - a\n", {"k": [["a"]]}, id="a-list-below-a-dash"),
        pytest.param("k:\n- [a, b]\n- {c: d}\n", {"k": [["a", "b"], {"c": "d"}]}, id="flow-items"),
        pytest.param("k:\n- |\n  a\n- b\n", {"k": ["a\n", "b"]}, id="a-block-scalar-item"),
        pytest.param(
            "a:\n  b: 1\n  c: 2\nd: 3\n", {"a": {"b": 1, "c": 2}, "d": 3}, id="a-nested-mapping"
        ),
        pytest.param(
            "a:\n  b:\n    c: 1\n  d: 2\n", {"a": {"b": {"c": 1}, "d": 2}}, id="two-levels"
        ),
        pytest.param("a: 1\n\nb: 2\n", {"a": 1, "b": 2}, id="a-blank-line-between-entries"),
        pytest.param("a: 1\n# c\nb: 2\n", {"a": 1, "b": 2}, id="a-comment-line-between-entries"),
        pytest.param("a: 1\n  # c\nb: 2\n", {"a": 1, "b": 2}, id="an-indented-comment-line"),
        pytest.param("a: b\n  c\nd: e\n", {"a": "b c", "d": "e"}, id="a-value-on-two-lines"),
        pytest.param(
            "a: b\n\n  c\nd: e\n", {"a": "b\nc", "d": "e"}, id="a-value-past-a-blank-line"
        ),
        pytest.param("a:\n  b\n", {"a": "b"}, id="a-value-below-its-key"),
        pytest.param("a:\n  'b'\n", {"a": "b"}, id="a-quoted-value-below-its-key"),
        pytest.param("a:\n\n  b\n", {"a": "b"}, id="a-value-below-a-blank-line"),
        pytest.param("a:   b\n", {"a": "b"}, id="spaces-after-the-colon"),
        pytest.param("a:\tb\n", {"a": "b"}, id="a-tab-after-the-colon"),
        pytest.param("a:\n  b:\t1\n", {"a": {"b": 1}}, id="a-tab-after-a-nested-colon"),
        pytest.param("a : b\n", {"a": "b"}, id="a-space-before-the-colon"),
        pytest.param("a:b: c\n", {"a:b": "c"}, id="a-colon-inside-a-key"),
        pytest.param(
            "a: 'b' # c\nd: \"e\" # f\n", {"a": "b", "d": "e"}, id="quoted-values-and-comments"
        ),
        pytest.param(
            "a: 'b'\n  # c\nd: 1\n", {"a": "b", "d": 1}, id="a-comment-below-a-quoted-value"
        ),
        pytest.param("a: b\n\td: 1\n", None, id="a-tab-before-a-key"),
        pytest.param("? a\n: b\n", {"a": "b"}, id="an-explicit-entry"),
        pytest.param("? a\n", {"a": None}, id="an-explicit-key-alone"),
        pytest.param("? a\n? b\n: c\n", {"a": None, "b": "c"}, id="two-explicit-keys"),
        pytest.param("? - a\n  - b\n: c\n", {("a", "b"): "c"}, id="a-list-as-a-key"),
        pytest.param("? a\n:\n", {"a": None}, id="an-explicit-empty-value"),
        pytest.param("? a\n: b\nc: d\n", {"a": "b", "c": "d"}, id="an-implicit-entry-after-it"),
        pytest.param(": b\n", {None: "b"}, id="an-empty-key"),
        pytest.param("&a : b\n", {None: "b"}, id="an-anchored-empty-key"),
        pytest.param("a: 1\n: b\n", {"a": 1, None: "b"}, id="an-empty-key-second"),
        pytest.param("a:\n  ? b\n  : c\n", {"a": {"b": "c"}}, id="a-nested-explicit-entry"),
        pytest.param(
            "a:\n  ? b\n  : c\n  d: e\n",
            {"a": {"b": "c", "d": "e"}},
            id="a-nested-explicit-entry-then-more",
        ),
        pytest.param('"a": b\n', {"a": "b"}, id="a-double-quoted-key"),
        pytest.param("'a': b\n", {"a": "b"}, id="a-single-quoted-key"),
        pytest.param('"a"  : b\n', {"a": "b"}, id="spaces-before-the-colon-of-a-quoted-key"),
        pytest.param('a: 1\n"b": 2\n', {"a": 1, "b": 2}, id="a-quoted-key-second"),
        pytest.param("a: 1\n[b]: 2\n", {"a": 1, ("b",): 2}, id="a-flow-key-second"),
        pytest.param("[a]: b\n", {("a",): "b"}, id="a-flow-list-as-a-key"),
        pytest.param("&x a: b\nc: *x\n", {"a": "b", "c": "a"}, id="an-anchored-key"),
        pytest.param(
            "a: 1\n&x b: 2\nc: *x\n", {"a": 1, "b": 2, "c": "b"}, id="an-anchored-key-second"
        ),
        pytest.param("a: 1\n!!str 2: b\n", {"a": 1, "2": "b"}, id="a-tagged-key-second"),
        pytest.param(
            "a: 1\n&x 'b': 2\nc: *x\n", {"a": 1, "b": 2, "c": "b"}, id="an-anchored-quoted-key"
        ),
        pytest.param("a: &v 1\n*v : 2\n", {"a": 1, 1: 2}, id="an-alias-as-a-key"),
        pytest.param("a: 1\n? b\n", {"a": 1, "b": None}, id="an-explicit-key-second"),
    ],
)
def test_a_block_mapping(yaml: str, expected: Any) -> None:
    if expected is None:
        assert refused_alike(yaml) == ("invalid YAML: bad indentation of a mapping entry", 2, 1)
        return
    assert read_alike(yaml) == expected


# -- properties ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("!!map\na: 1\n", {"a": 1}, id="a-tag-above-the-root"),
        pytest.param("!!map &x\na: 1\n", {"a": 1}, id="a-tag-and-an-anchor-above-the-root"),
        pytest.param(
            "a:\n  &x\n  b: 1\nc: *x\n",
            {"a": {"b": 1}, "c": {"b": 1}},
            id="an-anchor-on-its-own-line",
        ),
        pytest.param(
            "a:\n  &x b: 1\nc: *x\n", {"a": {"b": 1}, "c": "b"}, id="an-anchor-on-the-first-key"
        ),
        pytest.param("a: !!map\n  b: 1\n", {"a": {"b": 1}}, id="a-tag-after-the-colon"),
        pytest.param(
            "a: &x\n  &y b: 1\nc: *x\nd: *y\n",
            {"a": {"b": 1}, "c": {"b": 1}, "d": "b"},
            id="an-anchor-above-and-one-on-the-key",
        ),
        pytest.param(
            "a: &x\n  !!map\n  b: 1\nc: *x\n",
            {"a": {"b": 1}, "c": {"b": 1}},
            id="anchor-above-tag-below",
        ),
        pytest.param("a:\n  - &x\n    - b\n", {"a": [["b"]]}, id="an-anchor-before-a-nested-list"),
        pytest.param("a:\n- !!str\n  b\n", {"a": ["b"]}, id="a-tag-then-the-item-below"),
        pytest.param("a: &x !!str b\n", {"a": "b"}, id="an-anchor-then-a-tag"),
        pytest.param("a: !!str &x b\nc: *x\n", {"a": "b", "c": "b"}, id="a-tag-then-an-anchor"),
        pytest.param("a: &x\nb: *x\n", {"a": None, "b": None}, id="an-anchored-empty-value"),
        pytest.param("a: !!str\nb: 1\n", {"a": "", "b": 1}, id="a-tagged-empty-value"),
        pytest.param("a: &x # c\nb: *x\n", {"a": None, "b": None}, id="an-anchor-and-a-comment"),
        pytest.param("a: &a* x\n", {"a": "x"}, id="a-star-in-an-anchor-name"),
        pytest.param("a: &a#c\n", {"a": None}, id="a-hash-in-an-anchor-name"),
        pytest.param(
            "a: &x\n  |\n  t\nb: *x\n",
            {"a": "t\n", "b": "t\n"},
            id="an-anchored-block-scalar-below",
        ),
        pytest.param(
            "a: &x |\n  t\nb: *x\n", {"a": "t\n", "b": "t\n"}, id="an-anchored-block-scalar"
        ),
        pytest.param(
            "a: &x\n  [b]\nc: *x\n", {"a": ["b"], "c": ["b"]}, id="an-anchored-flow-list-below"
        ),
        pytest.param("a: ! x\n", {"a": "x"}, id="the-non-specific-tag"),
        pytest.param("a: !<tag:yaml.org,2002:str> 1\n", {"a": "1"}, id="a-verbatim-tag"),
        pytest.param("a: !!str%31 1\n", None, id="an-escaped-suffix"),
        pytest.param(
            "%TAG !! tag:yaml.org,2002:\n---\na: !!int '1'\n",
            {"a": 1},
            id="a-declared-secondary-handle",
        ),
        pytest.param(
            "%TAG !e! tag:yaml.org,2002:\n---\na: !e!int '1'\n", {"a": 1}, id="a-named-handle"
        ),
        pytest.param(
            "%TAG ! tag:yaml.org,2002:\n---\na: !int '1'\n", {"a": 1}, id="the-primary-handle"
        ),
        pytest.param(
            "a: [&x , !!str , b]\n",
            {"a": [None, "", "b"]},
            id="empty-nodes-with-properties-in-a-flow-list",
        ),
        pytest.param("a: [&x,b]\n", {"a": [None, "b"]}, id="an-anchor-before-a-comma"),
        pytest.param("a: [!!str]\n", {"a": [""]}, id="a-tag-before-a-bracket"),
        pytest.param(
            "a: [&x\n  b, *x]\n", {"a": ["b", "b"]}, id="an-anchor-then-a-line-break-in-flow"
        ),
        pytest.param(
            "a: [&x # c\n  b, *x]\n", {"a": ["b", "b"]}, id="an-anchor-then-a-comment-in-flow"
        ),
    ],
)
def test_properties(yaml: str, expected: Any) -> None:
    if expected is None:
        assert refused_alike(yaml, UnsupportedTagError) == (
            "the tag '!!str1' is not supported",
            1,
            4,
        )
        return
    assert read_alike(yaml) == expected


# -- flow collections ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: [a, ? b : c]\n", ["a", {"b": "c"}], id="an-explicit-pair-in-a-list"),
        pytest.param("k: [? b]\n", [{"b": None}], id="an-explicit-key-alone-in-a-list"),
        pytest.param("k: [? : c]\n", [{None: "c"}], id="an-explicit-empty-key-in-a-list"),
        pytest.param("k: [? , a]\n", [{None: None}, "a"], id="an-explicit-empty-pair"),
        pytest.param("k: [: b]\n", [{None: "b"}], id="an-empty-key-in-a-list"),
        pytest.param("k: [:]\n", [{None: None}], id="an-empty-pair"),
        pytest.param("k: [a: b]\n", [{"a": "b"}], id="a-pair-in-a-list"),
        pytest.param("k: [a: b, c]\n", [{"a": "b"}, "c"], id="a-pair-then-an-item"),
        pytest.param("k: [a:]\n", [{"a": None}], id="a-pair-without-a-value"),
        pytest.param("k: [a: ]\n", [{"a": None}], id="a-pair-with-a-blank-value"),
        pytest.param('k: ["a":b]\n', [{"a": "b"}], id="a-json-key-and-an-adjacent-value"),
        pytest.param('k: {"a":b}\n', {"a": "b"}, id="a-json-key-in-a-mapping"),
        pytest.param("k: {'a':b}\n", {"a": "b"}, id="a-single-quoted-json-key"),
        pytest.param("k: [[a]:b]\n", [{("a",): "b"}], id="a-flow-key-and-an-adjacent-value"),
        pytest.param(
            "k: [{a: b}: c]\n", [{FrozenMapping({"a": "b"}): "c"}], id="a-mapping-as-a-pair's-key"
        ),
        pytest.param("k: {? a}\n", {"a": None}, id="an-explicit-key-in-a-mapping"),
        pytest.param("k: {? a : b, c}\n", {"a": "b", "c": None}, id="an-explicit-entry-then-a-key"),
        pytest.param("k: {? }\n", {None: None}, id="an-explicit-empty-entry"),
        pytest.param("k: {a, b: c}\n", {"a": None, "b": "c"}, id="a-key-without-a-value"),
        pytest.param("k: {: b}\n", {None: "b"}, id="an-empty-key-in-a-mapping"),
        pytest.param("k: {a: }\n", {"a": None}, id="an-empty-value"),
        pytest.param("k: {a:}\n", {"a": None}, id="a-colon-before-the-brace"),
        pytest.param("k: {a: ,b: c}\n", {"a": None, "b": "c"}, id="an-empty-value-before-a-comma"),
        pytest.param("k: {?: x}\n", {"?": "x"}, id="a-question-mark-as-a-key"),
        pytest.param("k: {a\n  : b}\n", {"a": "b"}, id="a-colon-on-the-next-line"),
        pytest.param("k: {a: [b, {c: d}]}\n", {"a": ["b", {"c": "d"}]}, id="nested"),
        pytest.param("k: [a, b, ]\n", ["a", "b"], id="a-trailing-comma"),
        pytest.param("k: [\n  a,\n  b\n  ]\n", ["a", "b"], id="lines"),
        pytest.param("k: [a, # c\n  b]\n", ["a", "b"], id="a-comment"),
        pytest.param("k: [a,\n  # c\n  b]\n", ["a", "b"], id="a-comment-line"),
        pytest.param("k: [a,\n\n  b]\n", ["a", "b"], id="a-blank-line"),
        pytest.param("k: []\n", [], id="empty-list"),
        pytest.param("k: {}\n", {}, id="empty-mapping"),
        pytest.param("k: [ ]\n", [], id="empty-list-with-a-space"),
        pytest.param("k: ['a', \"b\"]\n", ["a", "b"], id="quoted-items"),
        pytest.param("j: &x 1\nk: [*x, *x]\n", [1, 1], id="aliases"),
        pytest.param("k: [a\n]\n", ["a"], id="the-bracket-at-column-one"),
        pytest.param("k: [a]  # c\nj: 1\n", ["a"], id="a-comment-after-the-list"),
        pytest.param("k: !!seq [a]\n", ["a"], id="a-tagged-list"),
        pytest.param("k: &x {a: b}\nj: *x\n", {"a": "b"}, id="an-anchored-mapping"),
    ],
)
def test_a_flow_collection(yaml: str, expected: Any) -> None:
    assert read_alike(yaml)["k"] == expected


# -- documents and directives --------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("---\na: 1\n", {"a": 1}, id="a-start-marker"),
        pytest.param("--- # c\na: 1\n", {"a": 1}, id="a-comment-after-the-marker"),
        pytest.param("---\ta\n", None, id="a-tab-after-the-marker"),
        pytest.param("---\na: 1\n...\n", {"a": 1}, id="an-end-marker"),
        pytest.param("a: 1\n...\n", {"a": 1}, id="an-end-marker-after-a-bare-document"),
        pytest.param("a: 1\n... # c\n", {"a": 1}, id="a-comment-after-the-end-marker"),
        pytest.param("a: 1\n...\n# c\n", {"a": 1}, id="a-comment-after-the-end"),
        pytest.param("...\na: 1\n", {"a": 1}, id="an-end-marker-first"),
        pytest.param("---a: 1\n", {"---a": 1}, id="no-marker-before-a-letter"),
        pytest.param("....: 1\n", {"....": 1}, id="four-dots"),
        pytest.param("%YAML 1.2\n---\na: 1\n", {"a": 1}, id="a-yaml-directive"),
        pytest.param("%YAML 1.3\n---\na: 1\n", {"a": 1}, id="a-later-minor-version"),
        pytest.param("%YAML 1.2 # c\n---\na: 1\n", {"a": 1}, id="a-comment-after-a-directive"),
        pytest.param("%FOO bar\n---\na: 1\n", {"a": 1}, id="a-reserved-directive"),
        pytest.param("%YAML 1.2\n\n# c\n---\na: 1\n", {"a": 1}, id="lines-between"),
        pytest.param(
            "%TAG !e! tag:e.com,2000:\n%YAML 1.2\n---\na: 1\n", {"a": 1}, id="two-directives"
        ),
        pytest.param("\ufeffa: 1\n", {"a": 1}, id="a-byte-order-mark"),
        pytest.param("\ufeff---\na: 1\n", {"a": 1}, id="a-byte-order-mark-then-a-marker"),
        pytest.param("# c\n---\na: 1\n", {"a": 1}, id="a-comment-before-the-marker"),
        pytest.param("", {}, id="empty"),
        pytest.param("---\n# c\n", None, id="a-marker-then-nothing"),
    ],
)
def test_documents(yaml: str, expected: Any) -> None:
    if expected is None:
        # an empty document or a scalar one: not a mapping
        with pytest.raises(StructureError):
            _yaml.compose(yaml)
        return
    assert read_alike(yaml) == expected


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        pytest.param(
            "a: 1\n--- \n",
            "front matter holds more than one YAML document",
            2,
            1,
            id="a-second-start-marker",
        ),
        pytest.param(
            "a: 1\n...\n---\nb: 1\n",
            "front matter holds more than one YAML document",
            3,
            1,
            id="a-start-after-an-end",
        ),
        pytest.param(
            "a: 1\n...\nb: 1\n",
            "front matter holds more than one YAML document",
            3,
            1,
            id="a-bare-document-after-an-end",
        ),
        pytest.param(
            "a: 1\n...\n%YAML 1.2\n---\nb: 1\n",
            "front matter holds more than one YAML document",
            4,
            1,
            id="directives-of-a-second-document",
        ),
        pytest.param(
            "a\n--- b\n",
            "front matter holds more than one YAML document",
            2,
            1,
            id="a-marker-ends-a-plain-scalar",
        ),
        pytest.param(
            "k:\n- a\n---\n",
            "front matter holds more than one YAML document",
            3,
            1,
            id="a-marker-after-items",
        ),
        pytest.param(
            "- a\n",
            "the front matter must be a mapping of keys to values, not a list",
            1,
            1,
            id="a-list",
        ),
        pytest.param(
            "&a: b\n",
            "the front matter must be a mapping of keys to values, not a single value",
            1,
            5,
            id="a-colon-in-an-anchor-name",
        ),
    ],
)
def test_not_a_mapping(yaml: str, message: str, line: int, column: int) -> None:
    assert refused_alike(yaml, StructureError) == (message, line, column)


# -- refused texts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        # characters
        pytest.param(
            "k: a\x01\n",
            "the character U+0001 is not allowed in YAML",
            1,
            5,
            id="a-control-character",
        ),
        pytest.param(
            "\x01k: a\n",
            "the character U+0001 is not allowed in YAML",
            1,
            1,
            id="a-control-character-first",
        ),
        pytest.param(
            "k: a\ufeff\n",
            "the character U+FEFF is not allowed in YAML",
            1,
            5,
            id="a-byte-order-mark-inside",
        ),
        pytest.param(
            "k: a\x7f\n", "the character U+007F is not allowed in YAML", 1, 5, id="delete"
        ),
        pytest.param(
            "k: a\ufffe\n",
            "the character U+FFFE is not allowed in YAML",
            1,
            5,
            id="a-non-character",
        ),
        # after a node
        pytest.param(
            "k: 'a'#c\n", "a comment needs a blank before it", 1, 7, id="a-comment-without-a-blank"
        ),
        pytest.param(
            "k: 'a'#\n", "a comment needs a blank before it", 1, 7, id="a-bare-hash-without-a-blank"
        ),
        pytest.param(
            "k: [a]#c\n", "a comment needs a blank before it", 1, 7, id="a-comment-after-a-bracket"
        ),
        pytest.param(
            "k: {a: b}#\n", "a comment needs a blank before it", 1, 10, id="a-hash-after-a-brace"
        ),
        pytest.param(
            "k: 'a' x\n", "unexpected 'x' after a node", 1, 8, id="text-after-a-quoted-scalar"
        ),
        pytest.param("k: [a, b]]\n", "unexpected ']' after a node", 1, 10, id="a-second-bracket"),
        pytest.param("k: [a]b]\n", "unexpected 'b' after a node", 1, 7, id="text-after-a-list"),
        pytest.param(
            "---\na: 1\n... x\n", "unexpected 'x' after a node", 3, 5, id="text-after-an-end-marker"
        ),
        # documents and directives
        pytest.param(
            "%YAML 1.2\n%YAML 1.2\n---\na: 1\n",
            "a second %YAML directive",
            2,
            1,
            id="two-yaml-directives",
        ),
        pytest.param(
            "%YAML 1.2 x\n---\na: 1\n",
            "a %YAML directive needs one version such as 1.2",
            1,
            1,
            id="two-versions",
        ),
        pytest.param(
            "%YAML\n---\na: 1\n",
            "a %YAML directive needs one version such as 1.2",
            1,
            1,
            id="no-version",
        ),
        pytest.param(
            "%YAML 1\n---\na: 1\n",
            "a %YAML directive needs one version such as 1.2",
            1,
            1,
            id="no-minor-version",
        ),
        pytest.param(
            "%YAML 2.0\n---\na: 1\n",
            "YAML version 2.0 is not supported",
            1,
            1,
            id="a-later-major-version",
        ),
        pytest.param(
            "%TAG !x!\n---\na: 1\n",
            "a %TAG directive needs a handle and a prefix",
            1,
            1,
            id="no-prefix",
        ),
        pytest.param(
            "%TAG x y\n---\na: 1\n",
            "a %TAG directive needs a handle and a prefix",
            1,
            1,
            id="not-a-handle",
        ),
        pytest.param(
            "%TAG !a b c\n---\na: 1\n",
            "a %TAG directive needs a handle and a prefix",
            1,
            1,
            id="three-words",
        ),
        pytest.param(
            "%YAML 1.2\na: 1\n", "directives must be followed by '---'", 1, 1, id="no-start-marker"
        ),
        pytest.param(
            "%YAML 1.2\n...\n",
            "directives must be followed by '---'",
            1,
            1,
            id="an-end-marker-after-directives",
        ),
        pytest.param(
            "%YAML 1.2 x\n",
            "a %YAML directive needs one version such as 1.2",
            1,
            1,
            id="a-bad-directive-alone",
        ),
        pytest.param(
            "%YAML 1.2\n---\na: 1\n%TAG ! !x\n",
            "unexpected '%'",
            4,
            1,
            id="a-directive-inside-a-document",
        ),
        pytest.param(
            "--- a: 1\n",
            "a mapping cannot start here (a key on a value's line)",
            1,
            6,
            id="a-mapping-on-the-marker-line",
        ),
        pytest.param(
            "--- 'a'\nb\n",
            "unexpected content after the document",
            2,
            1,
            id="content-after-the-document",
        ),
        # block structure
        pytest.param(
            "k:\n  - a\n - b\n",
            "bad indentation of a mapping entry",
            3,
            2,
            id="a-less-indented-item",
        ),
        pytest.param(
            "k:\n  - a\n  b: c\n",
            "bad indentation of a mapping entry",
            3,
            3,
            id="a-key-at-a-list's-column",
        ),
        pytest.param(
            "k:\n  a: 1\n - b\n",
            "bad indentation of a mapping entry",
            3,
            2,
            id="a-dash-between-columns",
        ),
        pytest.param(
            "k:\n  a: 1\n   b: 2\n", "unexpected ':' after a node", 3, 5, id="a-more-indented-key"
        ),
        pytest.param(
            "k:\n  a: 1\n  - b\n",
            "a sequence entry where a mapping key was expected",
            3,
            3,
            id="a-dash-among-keys",
        ),
        pytest.param(
            "k:\n  a: 1\n  -\n",
            "a sequence entry where a mapping key was expected",
            3,
            3,
            id="a-bare-dash-among-keys",
        ),
        pytest.param("k: - a\n", "unexpected '-'", 1, 4, id="a-list-on-a-key's-line"),
        pytest.param(
            "k:\n  &x - a\n",
            "a block sequence cannot start after properties on a line",
            2,
            6,
            id="properties-then-a-dash",
        ),
        pytest.param(
            "a: b: c\n", "unexpected ':' after a node", 1, 5, id="a-key-on-a-value's-line"
        ),
        pytest.param(
            "a: 'b': c\n",
            "a mapping cannot start here (a key on a value's line)",
            1,
            7,
            id="a-quoted-key-on-a-value's-line",
        ),
        pytest.param(
            "a:\n  b\n  c: d\n",
            "an implicit key must be on one line",
            2,
            3,
            id="a-key-on-two-lines",
        ),
        pytest.param(
            '"a\nb": c\n',
            "an implicit key must be on one line",
            1,
            1,
            id="a-quoted-key-on-two-lines",
        ),
        pytest.param(
            'a: 1\n"b\n c": 2\n',
            "an implicit key must be on one line",
            2,
            1,
            id="a-later-quoted-key-on-two-lines",
        ),
        pytest.param(
            "a: 1\nb\n", "expected ':' after a mapping key", 2, 2, id="a-key-without-a-colon"
        ),
        pytest.param(
            "a: 1\n'b'\n",
            "expected ':' after a mapping key",
            2,
            4,
            id="a-quoted-key-without-a-colon",
        ),
        pytest.param(
            "a: 1\n'b':x\n", "expected ':' after a mapping key", 2, 4, id="a-colon-without-a-blank"
        ),
        pytest.param(
            "a: b\n\td: 1\n", "bad indentation of a mapping entry", 2, 1, id="a-tab-before-a-key"
        ),
        pytest.param(
            "a:\n\t- b\n", "bad indentation of a mapping entry", 2, 1, id="a-tab-before-a-dash"
        ),
        pytest.param(
            "k: a\n\tb\n",
            "bad indentation of a mapping entry",
            2,
            1,
            id="a-tab-on-a-continuation-line",
        ),
        pytest.param(
            "a: 1\n  b: 2\n", "unexpected ':' after a node", 2, 4, id="a-more-indented-second-key"
        ),
        pytest.param(
            "a:\n  b: 1\n c: 2\n",
            "bad indentation of a mapping entry",
            3,
            2,
            id="a-key-between-columns",
        ),
        pytest.param(
            "k:\n- a: 1\n   b: 2\n",
            "unexpected ':' after a node",
            3,
            5,
            id="a-more-indented-compact-key",
        ),
        pytest.param(
            "a: 1\n&x [b\n ]: 2\n",
            "an implicit key must be on one line",
            2,
            4,
            id="a-flow-key-on-two-lines",
        ),
        pytest.param(
            "a: 1\n? b\n: c\n-\n",
            "a sequence entry where a mapping key was expected",
            4,
            1,
            id="a-dash-after-an-explicit-entry",
        ),
        pytest.param(
            "a: 1\n|\n", "a block scalar cannot be a key", 2, 1, id="a-block-scalar-as-a-key"
        ),
        pytest.param(
            "a: 1\n>\n", "a block scalar cannot be a key", 2, 1, id="a-folded-scalar-as-a-key"
        ),
        pytest.param(
            "a:\n  ? b\n  -\n",
            "a sequence entry where a mapping key was expected",
            3,
            3,
            id="a-dash-after-a-nested-explicit-key",
        ),
        pytest.param(
            "- a\n- b: c\n  d\n",
            "expected ':' after a mapping key",
            3,
            4,
            id="a-key-without-a-colon-in-a-compact-mapping",
        ),
        pytest.param(
            "k:\n- 'a'\n  - b\n",
            "bad indentation of a sequence entry",
            3,
            3,
            id="a-more-indented-dash",
        ),
        pytest.param(
            "a: 1\n&x\nb: 2\n",
            "expected ':' after a mapping key",
            2,
            3,
            id="properties-alone-above-a-key",
        ),
        # properties
        pytest.param("k: &a &b x\n", "a node has two anchors", 1, 7, id="two-anchors"),
        pytest.param("k: !!str !!str x\n", "a node has two tags", 1, 10, id="two-tags"),
        pytest.param(
            "k: &a\n  &b x\n", "a node has two anchors", 2, 3, id="two-anchors-on-two-lines"
        ),
        pytest.param(
            "k: !!str\n  !!str x\n", "a node has two tags", 2, 3, id="two-tags-on-two-lines"
        ),
        pytest.param(
            "a: &x\n  &y\n  b: 1\n",
            "a node has two anchors",
            2,
            3,
            id="two-anchors-above-a-mapping",
        ),
        pytest.param(
            "a: !!map\n  !!map\n  b: 1\n",
            "a node has two tags",
            2,
            3,
            id="two-tags-above-a-mapping",
        ),
        pytest.param(
            "a: &x\n  &y [b]\n", "a node has two anchors", 2, 3, id="two-anchors-on-a-flow-list"
        ),
        pytest.param(
            "a: &x\n  &y |\n  b\n",
            "a node has two anchors",
            2,
            3,
            id="two-anchors-on-a-block-scalar",
        ),
        pytest.param("k: & x\n", "an anchor needs a name", 1, 4, id="an-anchor-without-a-name"),
        pytest.param(
            "k: [&]\n", "an anchor needs a name", 1, 5, id="an-anchor-without-a-name-in-flow"
        ),
        pytest.param(
            "k: &a,x\n", "properties must be followed by a blank", 1, 6, id="an-anchor-then-a-comma"
        ),
        pytest.param(
            "k: !!str,x\n", "properties must be followed by a blank", 1, 9, id="a-tag-then-a-comma"
        ),
        pytest.param(
            "k: !a[ y\n", "properties must be followed by a blank", 1, 6, id="a-tag-then-a-bracket"
        ),
        pytest.param("k: !<> x\n", "invalid verbatim tag", 1, 4, id="an-empty-verbatim-tag"),
        pytest.param(
            "k: !<a^b> x\n", "invalid verbatim tag", 1, 4, id="a-bad-character-in-a-verbatim-tag"
        ),
        pytest.param("k: !<a b> x\n", "invalid tag '!<'", 1, 4, id="a-space-in-a-verbatim-tag"),
        pytest.param('k: !a"b y\n', "invalid tag '!a\"'", 1, 4, id="a-quote-in-a-tag"),
        pytest.param(
            "k: !! x\n", "the tag '!!' needs a suffix", 1, 4, id="the-secondary-handle-alone"
        ),
        pytest.param(
            "k: !e!x y\n",
            "the tag handle !e! is not declared by a %TAG directive",
            1,
            4,
            id="an-undeclared-handle",
        ),
        pytest.param(
            "%TAG !e! tag:e.com,2000:\n---\nk: !e! y\n",
            "the tag !e! needs a suffix",
            3,
            4,
            id="a-named-handle-alone",
        ),
        pytest.param("k: *\n", "an alias needs a name", 1, 4, id="an-alias-without-a-name"),
        pytest.param(
            "k: [a, *]\n", "an alias needs a name", 1, 8, id="an-alias-without-a-name-in-flow"
        ),
        pytest.param("k: &a *b\n", "an alias cannot have properties", 1, 4, id="an-anchored-alias"),
        pytest.param("k: !!str *b\n", "an alias cannot have properties", 1, 4, id="a-tagged-alias"),
        pytest.param(
            "k: [&a *b]\n", "an alias cannot have properties", 1, 5, id="an-anchored-alias-in-flow"
        ),
        # flow collections
        pytest.param(
            "k: [a\n", "a flow collection is not closed (expected ']')", 1, 4, id="an-open-list"
        ),
        pytest.param(
            "k: [a,\n",
            "a flow collection is not closed (expected ']')",
            1,
            4,
            id="an-open-list-after-a-comma",
        ),
        pytest.param(
            "k: [\n",
            "a flow collection is not closed (expected ']')",
            1,
            4,
            id="an-open-empty-list",
        ),
        pytest.param(
            "k: {a: b\n",
            "a flow collection is not closed (expected '}')",
            1,
            4,
            id="an-open-mapping",
        ),
        pytest.param(
            "k: [a b\n",
            "a flow collection is not closed (expected ']')",
            1,
            4,
            id="an-open-list-of-words",
        ),
        pytest.param(
            "k: [a}\n", "expected ',' or ']' in a flow collection", 1, 6, id="a-brace-in-a-list"
        ),
        pytest.param(
            "k: {a]\n",
            "expected ',' or '}' in a flow collection",
            1,
            6,
            id="a-bracket-in-a-mapping",
        ),
        pytest.param(
            "k: ['a' 'b']\n",
            "expected ',' or ']' in a flow collection",
            1,
            9,
            id="two-items-without-a-comma",
        ),
        pytest.param("k: [,a]\n", "unexpected ',' in a flow collection", 1, 5, id="a-comma-first"),
        pytest.param("k: [a,,b]\n", "unexpected ',' in a flow collection", 1, 7, id="two-commas"),
        pytest.param("k: {]\n", "unexpected ']' in a flow collection", 1, 5, id="a-bracket-first"),
        pytest.param("k: [}\n", "unexpected '}' in a flow collection", 1, 5, id="a-brace-first"),
        pytest.param(
            "k: [a\n---\n]\n",
            "a document marker inside a flow collection",
            2,
            1,
            id="a-start-marker-in-flow",
        ),
        pytest.param(
            "k: [a\n...\n]\n",
            "a document marker inside a flow collection",
            2,
            1,
            id="an-end-marker-in-flow",
        ),
        pytest.param(
            "k: [a,\n--- ]\n",
            "a document marker inside a flow collection",
            2,
            1,
            id="a-marker-then-a-space",
        ),
        pytest.param(
            "k:\n  j: [a,\n  b]\n",
            "a flow collection's line is not indented enough",
            3,
            3,
            id="a-line-not-indented",
        ),
        pytest.param(
            "k: [a,\nb]\n",
            "a flow collection's line is not indented enough",
            2,
            1,
            id="a-line-at-column-one",
        ),
        pytest.param(
            "k: [a,\n\tb]\n",
            "a flow collection's line is not indented enough",
            2,
            2,
            id="a-tab-is-no-indentation",
        ),
        pytest.param(
            "k: [a,#c\n  b]\n",
            "a comment needs a blank before it",
            1,
            7,
            id="a-comment-after-a-comma",
        ),
        pytest.param(
            "k: [a,\n  b]#c\n",
            "a comment needs a blank before it",
            2,
            5,
            id="a-comment-after-the-bracket",
        ),
        pytest.param("k: [?]\n", "unexpected '?'", 1, 5, id="a-question-mark-alone"),
        pytest.param(
            "k: [a\n  : b]\n",
            "an implicit key must be on one line",
            2,
            3,
            id="a-pair's-key-on-two-lines",
        ),
        pytest.param(
            'k: ["a"\n  : b]\n',
            "an implicit key must be on one line",
            2,
            3,
            id="a-quoted-pair-key-on-two-lines",
        ),
        pytest.param("k: [|]\n", "unexpected '|'", 1, 5, id="a-block-scalar-in-flow"),
        pytest.param("k: [a, -]\n", "unexpected '-'", 1, 8, id="a-dash-in-flow"),
        pytest.param(
            "k: {a: [b}\n", "expected ',' or ']' in a flow collection", 1, 10, id="nested-unclosed"
        ),
        pytest.param(
            'k: {"a":b, "c"d}\n',
            "expected ',' or '}' in a flow collection",
            1,
            15,
            id="a-quoted-key-then-text",
        ),
    ],
)
def test_a_refused_text_says_what_and_where(
    yaml: str, message: str, line: int, column: int
) -> None:
    assert refused_alike(yaml) == (f"invalid YAML: {message}", line, column)


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: &a#\n", {"k": None}, id="a-hash-is-part-of-an-anchor-name"),
        pytest.param("k: &a\n  #c\n  b\n", {"k": "b"}, id="a-comment-line-after-an-anchor"),
        pytest.param("k: [a:b, c :d]\n", {"k": ["a:b", "c :d"]}, id="a-colon-before-a-letter"),
        pytest.param("k: {a: b:c}\n", {"k": {"a": "b:c"}}, id="a-colon-inside-a-value"),
        pytest.param("k: [a: :b]\n", {"k": [{"a": ":b"}]}, id="a-value-starting-with-a-colon"),
        pytest.param("k: {a :b}\n", {"k": {"a :b": None}}, id="a-key-and-a-colon-word"),
        pytest.param(
            "k:\n  j: [a,\n   b]\n",
            {"k": {"j": ["a", "b"]}},
            id="a-nested-flow-line-indented-enough",
        ),
        pytest.param(
            "k:\n- a\n  - b\n", {"k": ["a - b"]}, id="a-dash-on-an-item's-continuation-line"
        ),
        pytest.param("a: |\n b\n |\n", {"a": "b\n|\n"}, id="a-bar-inside-a-block-scalar"),
        pytest.param("k: &x\n- a\n", {"k": ["a"]}, id="an-anchor-above-a-list-at-the-key's-column"),
    ],
)
def test_texts_close_to_errors_are_read(yaml: str, expected: Any) -> None:
    assert read_alike(yaml) == expected


def test_an_alias_key_that_names_the_key_before_it_is_a_duplicate() -> None:
    with pytest.raises(DuplicateKeyError) as info:
        _yaml.compose("&x a: b\n*x : c\n")
    assert (info.value.line, info.value.column) == (2, 1)


def test_a_hash_is_part_of_a_tag() -> None:
    """``#`` is a URI character: ``!!str#c`` is one tag, which newsitem does not know."""
    assert refused_alike("k: !!str#c\n", UnsupportedTagError) == (
        "the tag '!!str#c' is not supported",
        1,
        4,
    )


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("--- {a: 1}\n", {"a": 1}),
        ("--- !!map\na: 1\n", {"a": 1}),
        ("--- &x\na: 1\n", {"a": 1}),
        ("--- # c\n# d\na: 1\n", {"a": 1}),
        ("--- \n  a: 1\n", {"a": 1}),
        ("---\n&x\na: 1\n", {"a": 1}),
        ("a: 1\n...", {"a": 1}),
        ("a: 1\n ---\n", {"a": "1 ---"}),
        ("k: \t\n  a\n", {"k": "a"}),
        ("k:\t# c\n  a\n", {"k": "a"}),
        ("k: #c\n  a\n", {"k": "a"}),
        ("k: &x#c\n  a\n", {"k": "a"}),
        ("k: &x #c\n  a\n", {"k": "a"}),
        ("%YAML 1.2 # c\n---\na: 1\n", {"a": 1}),
    ],
)
def test_what_follows_a_marker_or_an_indicator(yaml: str, expected: Any) -> None:
    """The node on the marker's line or below it; blanks, tabs and comments after ``:``."""
    assert read_alike(yaml) == expected


@pytest.mark.parametrize(
    ("yaml", "kind", "message", "line", "column"),
    [
        (
            "\ufeff\x01k: a\n",
            YAMLSyntaxError,
            "invalid YAML: the character U+0001 is not allowed in YAML",
            1,
            2,
        ),
        (" %YAML 1.2\n---\na: 1\n", YAMLSyntaxError, "invalid YAML: unexpected '%'", 1, 2),
        (
            "%YAML 1.2#c\n---\na: 1\n",
            YAMLSyntaxError,
            "invalid YAML: a comment needs a blank before it",
            1,
            10,
        ),
        (
            "%YAML 10.0\n---\na: 1\n",
            YAMLSyntaxError,
            "invalid YAML: YAML version 10.0 is not supported",
            1,
            1,
        ),
        (
            "%YAML a.b\n---\na: 1\n",
            YAMLSyntaxError,
            "invalid YAML: a %YAML directive needs one version such as 1.2",
            1,
            1,
        ),
        (
            "%TAG !e b\n---\na: 1\n",
            YAMLSyntaxError,
            "invalid YAML: a %TAG directive needs a handle and a prefix",
            1,
            1,
        ),
        (
            "a: 1\n...#c\n",
            YAMLSyntaxError,
            "invalid YAML: expected ':' after a mapping key",
            2,
            6,
        ),
        (
            "k:\n-\ta: 1\nj: 2\n",
            YAMLSyntaxError,
            "invalid YAML: a mapping cannot start here (a key on a value's line)",
            2,
            4,
        ),
        ("a: 1\n---", StructureError, "front matter holds more than one YAML document", 2, 1),
        (
            "k:#c\n  a\n",
            StructureError,
            "the front matter must be a mapping of keys to values, not a single value",
            1,
            1,
        ),
        (
            "---\n- a\n",
            StructureError,
            "the front matter must be a mapping of keys to values, not a list",
            2,
            1,
        ),
    ],
)
def test_markers_directives_and_indicators_refused(
    yaml: str, kind: type[NewsItemError], message: str, line: int, column: int
) -> None:
    assert refused_alike(yaml, kind) == (message, line, column)


# -- where each node is written ------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "spans"),
    [
        pytest.param(
            "a: b\nc: 'd'\ne: \"f\"\n",
            ["a: b\nc: 'd'\ne: \"f\"\n", "a", "b", "c", "'d'", "e", '"f"'],
            id="entries",
        ),
        pytest.param(
            "a: b # c\nd:   e\n",
            ["a: b # c\nd:   e\n", "a", "b", "d", "e"],
            id="a-comment-and-spaces",
        ),
        pytest.param(
            "a:\n- x\n- 'y'\n- \"z\"\n- w # c\n",
            [
                "a:\n- x\n- 'y'\n- \"z\"\n- w # c\n",
                "a",
                "- x\n- 'y'\n- \"z\"\n- w # c\n",
                "x",
                "'y'",
                '"z"',
                "w",
            ],
            id="items",
        ),
        pytest.param(
            "a:\n  - x\n  - y\nb: 1\n",
            ["a:\n  - x\n  - y\nb: 1\n", "a", "- x\n  - y\n", "x", "y", "b", "1"],
            id="an-indented-list-then-a-key",
        ),
        pytest.param(
            "a:\n- k: v\n  l: 'w'\n- m: \"n\"\n",
            [
                "a:\n- k: v\n  l: 'w'\n- m: \"n\"\n",
                "a",
                "- k: v\n  l: 'w'\n- m: \"n\"\n",
                "k: v\n  l: 'w'\n",
                "k",
                "v",
                "l",
                "'w'",
                'm: "n"\n',
                "m",
                '"n"',
            ],
            id="compact-mappings",
        ),
        pytest.param(
            "a:\n- k: 'v'\n- m: n",
            [
                "a:\n- k: 'v'\n- m: n",
                "a",
                "- k: 'v'\n- m: n",
                "k: 'v'\n",
                "k",
                "'v'",
                "m: n",
                "m",
                "n",
            ],
            id="a-compact-mapping-ends-the-text",
        ),
        pytest.param(
            "a: [x, 'y', {k: v}]\n",
            ["a: [x, 'y', {k: v}]\n", "a", "[x, 'y', {k: v}]", "x", "'y'", "{k: v}", "k", "v"],
            id="flow",
        ),
        pytest.param(
            "a: [k: v, ? l : w]\n",
            ["a: [k: v, ? l : w]\n", "a", "[k: v, ? l : w]", "k: v", "k", "v", "? l : w", "l", "w"],
            id="flow-pairs",
        ),
        pytest.param(
            "&x a: &y b\nc: !!str d\n",
            ["a: &y b\nc: !!str d\n", "a", "b", "c", "d"],
            id="properties-are-not-in-the-span",
        ),
        pytest.param(
            "a: |\n  t\nb: >-\n  u\n",
            ["a: |\n  t\nb: >-\n  u\n", "a", "|\n  t", "b", ">-\n  u"],
            id="block-scalars",
        ),
        pytest.param("? a\n: b\n", ["? a\n: b\n", "a", "b"], id="an-explicit-entry"),
        pytest.param(
            "a:\n  b: c\n  d: 'e'\n",
            ["a:\n  b: c\n  d: 'e'\n", "a", "b: c\n  d: 'e'\n", "b", "c", "d", "'e'"],
            id="nested",
        ),
        pytest.param("a: b\n  c\n", ["a: b\n  c\n", "a", "b\n  c"], id="a-value-on-two-lines"),
        pytest.param(
            "k:\n- a\n- b", ["k:\n- a\n- b", "k", "- a\n- b", "a", "b"], id="items-to-the-end"
        ),
        pytest.param(
            "'a': b\n\"c\": d\n[e]: f\n",
            ["'a': b\n\"c\": d\n[e]: f\n", "'a'", "b", '"c"', "d", "[e]", "f"],
            id="keys-that-are-not-plain",
        ),
        pytest.param(
            "k:\n- a: '1'\n- b: \"2\"\n- c: 3",
            [
                "k:\n- a: '1'\n- b: \"2\"\n- c: 3",
                "k",
                "- a: '1'\n- b: \"2\"\n- c: 3",
                "a: '1'\n",
                "a",
                "'1'",
                'b: "2"\n',
                "b",
                '"2"',
                "c: 3",
                "c",
                "3",
            ],
            id="compact-mappings-to-the-end-of-the-text",
        ),
        pytest.param(
            "k:\n- a: 'b'",
            ["k:\n- a: 'b'", "k", "- a: 'b'", "a: 'b'", "a", "'b'"],
            id="a-compact-mapping-of-a-quoted-value-ends-the-text",
        ),
        pytest.param(
            'k:\n- a: "b"',
            ['k:\n- a: "b"', "k", '- a: "b"', 'a: "b"', "a", '"b"'],
            id="a-compact-mapping-of-a-double-quoted-value-ends-the-text",
        ),
        pytest.param(
            "a: &v x\n*v : y\n", ["a: &v x\n*v : y\n", "a", "x", "*v", "y"], id="an-alias-key"
        ),
    ],
)
def test_each_node_spans_its_text(yaml: str, spans: list[str]) -> None:
    assert node_spans(yaml) == spans


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param(
            "%TAG !E! tag:yaml.org,2002:\n---\na: !E!int '1'\n", {"a": 1}, id="a-capital-handle"
        ),
        pytest.param("a: !!str", {"a": ""}, id="a-tag-ends-the-text"),
        pytest.param("a: &x", {"a": None}, id="an-anchor-ends-the-text"),
        pytest.param(
            "a: [&x\n  !!str b, *x]\n",
            {"a": ["b", "b"]},
            id="an-anchor-and-a-tag-on-two-lines-in-flow",
        ),
        pytest.param("a: [&x", None, id="an-anchor-ends-the-text-in-flow"),
        pytest.param(
            "a: &x\n  [b]\nc:\n  [d]: e\nf: *x\n",
            {"a": ["b"], "c": {("d",): "e"}, "f": ["b"]},
            id="an-anchor-above-a-flow-list-that-is-no-key",
        ),
        pytest.param(
            "a: &x\n  [b]: c\nd: *x\n",
            {"a": {("b",): "c"}, "d": {("b",): "c"}},
            id="an-anchor-above-a-mapping-with-a-flow-key",
        ),
        pytest.param(
            "a: &x\n  'b': c\nd: *x\n",
            {"a": {"b": "c"}, "d": {"b": "c"}},
            id="an-anchor-above-a-mapping-with-a-quoted-key",
        ),
        pytest.param(
            "a: &x\n  'b'\nd: *x\n", {"a": "b", "d": "b"}, id="an-anchor-above-a-quoted-value"
        ),
        pytest.param(
            "b: &y k\na: &x\n  *y : c\nd: *x\n",
            {"b": "k", "a": {"k": "c"}, "d": {"k": "c"}},
            id="an-anchor-above-a-mapping-with-an-alias-key",
        ),
        pytest.param(
            "a: !!map\n  [b]:",
            {"a": {("b",): None}},
            id="a-tag-above-a-flow-key-that-ends-the-text",
        ),
    ],
)
def test_properties_above_a_node_belong_to_it(yaml: str, expected: Any) -> None:
    """Properties on the line of ``key:`` belong to the node below: a mapping if it is one."""
    if expected is None:
        assert refused_alike(yaml) == (
            "invalid YAML: a flow collection is not closed (expected ']')",
            1,
            4,
        )
        return
    assert read_alike(yaml) == expected


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        ("a: !x 1\n", "the tag '!x' is not supported", 1, 4),
        (
            "%TAG !! tag:e.com,2000:\n---\na: !!x 1\n",
            "the tag 'tag:e.com,2000:x' is not supported",
            3,
            4,
        ),
        (
            "%TAG ! tag:e.com,2000:\n---\na: !x 1\n",
            "the tag 'tag:e.com,2000:x' is not supported",
            3,
            4,
        ),
    ],
)
def test_a_tag_is_resolved_by_its_handle(yaml: str, message: str, line: int, column: int) -> None:
    """``!x`` is a local tag; ``%TAG`` gives ``!!`` and ``!`` other prefixes."""
    assert refused_alike(yaml, UnsupportedTagError) == (message, line, column)


@pytest.mark.parametrize(
    ("yaml", "message", "column"),
    [
        ("---", "the front matter must be a mapping of keys to values, not a single value", 4),
        ("--- X\n", "the front matter must be a mapping of keys to values, not a single value", 5),
    ],
)
def test_a_document_of_one_value(yaml: str, message: str, column: int) -> None:
    assert refused_alike(yaml, StructureError) == (message, 1, column)


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: {? 'a':b}\n", {"a": "b"}, id="an-explicit-json-key-and-an-adjacent-value"),
        pytest.param("k: [? 'a':b]\n", [{"a": "b"}], id="an-explicit-json-key-in-a-list"),
        pytest.param(
            "k: {? [a]:b}\n", {("a",): "b"}, id="an-explicit-flow-key-and-an-adjacent-value"
        ),
        pytest.param("k: [? a\n  : b]\n", [{"a": "b"}], id="an-explicit-key-then-a-line-break"),
        pytest.param(
            "k: {? a\n  : b}\n", {"a": "b"}, id="an-explicit-key-then-a-line-break-in-a-mapping"
        ),
        pytest.param("k: {? a : b, ? c}\n", {"a": "b", "c": None}, id="two-explicit-entries"),
        pytest.param("k: [?\ta : b]\n", [{"a": "b"}], id="a-tab-after-the-question-mark"),
        pytest.param("k: [? :\tb]\n", [{None: "b"}], id="an-empty-key-then-a-tab"),
        pytest.param("k: [? :\n  b]\n", [{None: "b"}], id="an-empty-key-then-a-line-break"),
        pytest.param("k: [? :, a]\n", [{None: None}, "a"], id="an-empty-key-then-a-comma"),
        pytest.param("k: [? :]\n", [{None: None}], id="an-empty-key-then-a-bracket"),
        pytest.param("k: {? :}\n", {None: None}, id="an-empty-key-then-a-brace"),
        pytest.param("k: [? X]\n", [{"X": None}], id="a-capital-letter-key"),
        pytest.param("k: [?\n  a : b]\n", [{"a": "b"}], id="the-key-on-the-next-line"),
    ],
)
def test_an_explicit_flow_entry(yaml: str, expected: Any) -> None:
    """Spec 7.4: after ``?``, a JSON-like key (quoted, or a flow collection) takes a value
    right after its ``:``; any other key needs a blank there."""
    assert read_alike(yaml)["k"] == expected


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        ("x: &x a\nk: {? *x :b}\n", "a value needs a blank after ':'", 2, 11),
        ("x: &x a\nk: [? *x :b]\n", "a value needs a blank after ':'", 2, 11),
        ("x: &x a\nk: {? *x :X}\n", "a value needs a blank after ':'", 2, 11),
        ("k: {a:", "a flow collection is not closed (expected '}')", 1, 4),
        ("k: [a:", "a flow collection is not closed (expected ']')", 1, 4),
        ("k: {? a :", "a flow collection is not closed (expected '}')", 1, 4),
        ("k: [?", "expected a node", 1, 6),
        ("k: {? :]\n", "expected ',' or '}' in a flow collection", 1, 8),
        ("k:\n  j: [?\n  a]\n", "a flow collection's line is not indented enough", 3, 3),
    ],
)
def test_a_flow_value_refused(yaml: str, message: str, line: int, column: int) -> None:
    assert refused_alike(yaml) == (f"invalid YAML: {message}", line, column)


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        ("k: !!map\n- a\n", "a sequence cannot be a !!map", 1, 4),
        ("k:\n  !!map\n  - a\n", "a sequence cannot be a !!map", 2, 3),
        ("k: !!seq\n  a: 1\n", "a mapping cannot be a !!seq", 1, 4),
        ("k: !!seq\n  [a]:", "a mapping cannot be a !!seq", 1, 4),
        ("k: !!seq\n  {a: 1}:", "a mapping cannot be a !!seq", 1, 4),
    ],
)
def test_a_collection_with_a_tag_it_cannot_have(
    yaml: str, message: str, line: int, column: int
) -> None:
    """The error is at the tag, above the collection."""
    assert refused_alike(yaml) == (message, line, column)
