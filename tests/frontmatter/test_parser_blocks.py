"""Block structure: nodes after an indicator or below it, block mappings, properties.

Each text is written in one of the block shapes YAML 1.2 allows (chapter 8:
``s-l+block-node``, ``s-l+block-indented``, ``l+block-mapping`` and its
explicit and implicit entries, properties on the node's line or on lines
of their own), and the value expected is the one the specification gives
it. A refused text breaks a rule of that grammar; it is given with its
error class, message, line and column (1-based, in the YAML text), the
same on the full route of a load and on the values-only one.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import node_places, read_alike, refused_alike

from newsitem import StructureError, YAMLSyntaxError, _yaml, frontmatter
from newsitem._nodes import Node
from newsitem._scalars import FrozenMapping

_SYNTAX = "invalid YAML: "


# -- the node after an indicator -----------------------------------------------------


_AFTER_AN_INDICATOR = [
    # nothing after the indicator: the node is on the lines below, or empty
    pytest.param("k:", {"k": None}, id="a-key-ends-the-text"),
    pytest.param("k: ", {"k": None}, id="a-blank-ends-the-text"),
    pytest.param("k: # c", {"k": None}, id="a-comment-ends-the-text"),
    pytest.param("k: # c\n  v\n", {"k": "v"}, id="a-comment-then-the-value-below"),
    pytest.param("k:   \n  v\n", {"k": "v"}, id="blanks-then-the-value-below"),
    pytest.param("k:\n\n  # c\n\n  v\n", {"k": "v"}, id="blank-and-comment-lines-first"),
    pytest.param("k:\n  v\nj: 1\n", {"k": "v", "j": 1}, id="a-value-below-then-a-key"),
    pytest.param("k:\nj: 1\n", {"k": None, "j": 1}, id="an-empty-value-then-a-key"),
    pytest.param("k:\n...\n", {"k": None}, id="an-empty-value-then-the-end-marker"),
    pytest.param("k:\n ...\n", {"k": "..."}, id="an-indented-dots-line-is-a-value"),
    pytest.param("k:\n  ---\n", {"k": "---"}, id="an-indented-dashes-line-is-a-value"),
    # tabs: separation, never indentation
    pytest.param("k:\tv\n", {"k": "v"}, id="a-tab-after-the-colon"),
    pytest.param("k: \tv\n", {"k": "v"}, id="a-space-and-a-tab-after-the-colon"),
    pytest.param("k:\t\n  v\n", {"k": "v"}, id="a-tab-ends-the-line"),
    pytest.param("k:\n \tv\n", {"k": "v"}, id="a-space-then-a-tab-below"),
    pytest.param("k:\n  \t\n", {"k": None}, id="a-line-of-blanks-below"),
    # a last line of blanks without a line break is a comment line (l-comment)
    pytest.param("k:\n  \t", {"k": None}, id="blanks-below-end-the-text"),
    pytest.param("k:\n\t", {"k": None}, id="a-tab-ends-the-text"),
    pytest.param("k: 1\n\t", {"k": 1}, id="a-tab-after-the-last-entry"),
    pytest.param("k: 1\n \t ", {"k": 1}, id="blanks-after-the-last-entry"),
    pytest.param("k: [a]\n\t", {"k": ["a"]}, id="a-tab-after-a-flow-value"),
    pytest.param("k:\n- a\n  \t", {"k": ["a"]}, id="blanks-after-the-last-item"),
    # properties above, then a tab before the node
    pytest.param("k: &a\n  \tv\nj: *a\n", {"k": "v", "j": "v"}, id="an-anchor-then-a-tab"),
    pytest.param("k: !!str\n  \t1\n", {"k": "1"}, id="a-tag-then-a-tab"),
    pytest.param("k:\n-\tv\n", {"k": ["v"]}, id="a-tab-after-a-dash"),
    pytest.param("k:\n-\t[a]\n", {"k": [["a"]]}, id="a-flow-item-after-a-tab"),
    pytest.param("\t{a: 1}\n", {"a": 1}, id="a-tab-before-a-flow-root"),
    # a tab that ends the dash's line: the item is empty, as after a space
    pytest.param("k:\n-\t\n- x\n", {"k": [None, "x"]}, id="a-tab-ends-an-item's-line"),
    pytest.param("k:\n-\t# c\n- x\n", {"k": [None, "x"]}, id="a-tab-and-a-comment"),
    pytest.param(
        "k:\n-\t&a\n- x\nj: *a\n", {"k": [None, "x"], "j": None}, id="a-tab-and-an-anchor"
    ),
    pytest.param("k:\n-\t!!str\n- x\n", {"k": ["", "x"]}, id="a-tab-and-a-tag"),
    pytest.param("k:\t\n- x\n", {"k": ["x"]}, id="a-tab-after-a-key-then-a-list"),
    pytest.param("?\t\n- x\n: v\n", {("x",): "v"}, id="a-tab-after-a-question-mark"),
    # properties on the indicator's line, the node below them
    pytest.param("k: &a\n  v\nj: *a\n", {"k": "v", "j": "v"}, id="an-anchor-then-the-value"),
    pytest.param(
        "k: &a # c\n  v\nj: *a\n", {"k": "v", "j": "v"}, id="an-anchor-a-comment-the-value"
    ),
    pytest.param("k: !!str\n  1\n", {"k": "1"}, id="a-tag-then-the-value"),
    pytest.param("k: &a\nj: *a\n", {"k": None, "j": None}, id="an-anchored-empty-value"),
    pytest.param("k: !!str\nj: 1\n", {"k": "", "j": 1}, id="a-tagged-empty-value"),
    pytest.param("k: !!str", {"k": ""}, id="a-tag-ends-the-text"),
    pytest.param("k: &a\n- x\nj: *a\n", {"k": ["x"], "j": ["x"]}, id="an-anchored-list"),
    pytest.param("k: &a\n  b: 1\nj: *a\n", {"k": {"b": 1}, "j": {"b": 1}}, id="anchored-map"),
    # values that start with an indicator character
    pytest.param("k: -1\n", {"k": -1}, id="a-negative-number"),
    pytest.param("k: -a\n", {"k": "-a"}, id="a-dash-and-a-letter"),
    pytest.param("k: ?a\n", {"k": "?a"}, id="a-question-mark-and-a-letter"),
    pytest.param("k: :a\n", {"k": ":a"}, id="a-colon-and-a-letter"),
    pytest.param("k:  v\n", {"k": "v"}, id="two-spaces-before-the-value"),
    pytest.param("k:  v", {"k": "v"}, id="two-spaces-and-the-end-of-the-text"),
    pytest.param("k:  \tv\n", {"k": "v"}, id="spaces-and-a-tab-before-the-value"),
    pytest.param("ab:  cd\n", {"ab": "cd"}, id="two-spaces-then-two-letters"),
    pytest.param("ab:   cd\n", {"ab": "cd"}, id="three-spaces-then-two-letters"),
    pytest.param("a b:  c\n", {"a b": "c"}, id="a-key-with-a-space"),
    pytest.param("k: a, b\nj: c, [d]\n", {"k": "a, b", "j": "c, [d]"}, id="flow-indicators"),
    pytest.param("k:  # c\n  v\n", {"k": "v"}, id="spaces-and-a-comment"),
    pytest.param("k: !!str 1\n", {"k": "1"}, id="a-tag-and-the-value"),
    pytest.param("a: &x 1\nb: *x\n", {"a": 1, "b": 1}, id="an-alias-value"),
    pytest.param("k: 'a' # c\nj: \"b\"\n", {"k": "a", "j": "b"}, id="quoted-values"),
    pytest.param("k: [a, b]\nj: {c: d}\n", {"k": ["a", "b"], "j": {"c": "d"}}, id="flow"),
    pytest.param("k: |\n  a\nj: >\n  b\n  c\n", {"k": "a\n", "j": "b c\n"}, id="block-scalars"),
    pytest.param("k: &a v\nj: *a\n", {"k": "v", "j": "v"}, id="an-anchor-and-the-value"),
    pytest.param("k: a\n  b\nj: 1\n", {"k": "a b", "j": 1}, id="a-value-on-two-lines"),
    pytest.param("a:\n  b: x\n   y\n", {"a": {"b": "x y"}}, id="a-nested-value-on-two-lines"),
    pytest.param("a:\n  b: x\n\n   y\n", {"a": {"b": "x\ny"}}, id="past-a-blank-line"),
    # flow indicators inside a plain scalar of block context
    pytest.param("k:\n- a, [b]\n  c\n", {"k": ["a, [b] c"]}, id="commas-and-brackets-in-an-item"),
    pytest.param("k: &a x, y\n", {"k": "x, y"}, id="a-comma-after-an-anchor"),
    # capital letters: the same scalars as any other letter
    pytest.param("k:\n- X\n  Y\n", {"k": ["X Y"]}, id="an-item-of-capitals-on-two-lines"),
    pytest.param("k: &a X\n", {"k": "X"}, id="a-capital-after-an-anchor"),
    pytest.param("k:\n  X\n", {"k": "X"}, id="a-capital-below"),
    pytest.param("k:\n  &a\n  X\n", {"k": "X"}, id="a-capital-below-an-anchor-line"),
    pytest.param("X: 1\nY: 2\n", {"X": 1, "Y": 2}, id="capital-keys"),
    pytest.param("k:\n- X: 1\n  Y: 2\n", {"k": [{"X": 1, "Y": 2}]}, id="capital-compact-keys"),
    pytest.param("? X\n: Y\n", {"X": "Y"}, id="a-capital-explicit-entry"),
]


@pytest.mark.parametrize(("yaml", "expected"), _AFTER_AN_INDICATOR)
def test_the_node_after_an_indicator(yaml: str, expected: Any) -> None:
    assert read_alike(yaml) == expected


# -- properties ---------------------------------------------------------------------


_PROPERTIES = [
    # on a line of their own, below the indicator
    pytest.param("k:\n  &a\n  v\nj: *a\n", {"k": "v", "j": "v"}, id="an-anchor-line"),
    pytest.param(
        "k:\n  &a\n  !!str\n  1\nj: *a\n", {"k": "1", "j": "1"}, id="an-anchor-and-a-tag-line"
    ),
    pytest.param("k: &a\n  !!str\n  1\nj: *a\n", {"k": "1", "j": "1"}, id="above-and-below"),
    pytest.param("k: &a\n  !!str 1\nj: *a\n", {"k": "1", "j": "1"}, id="above-and-on-the-line"),
    pytest.param("k: !!str\n  &a 1\nj: *a\n", {"k": "1", "j": "1"}, id="a-tag-above"),
    pytest.param("k:\n  &a\n- x\nj: *a\n", {"k": ["x"], "j": ["x"]}, id="then-a-list"),
    pytest.param("k:\n  &a\n  - x\nj: *a\n", {"k": ["x"], "j": ["x"]}, id="then-a-list-in"),
    pytest.param("k:\n  &a\nj: *a\n", {"k": None, "j": None}, id="then-nothing"),
    pytest.param("k:\n  !!str\nj: 1\n", {"k": "", "j": 1}, id="a-tag-then-nothing"),
    pytest.param("k:\n  &a !!str\nj: *a\n", {"k": "", "j": ""}, id="both-then-nothing"),
    pytest.param("k:\n  &a  # c\nj: *a\n", {"k": None, "j": None}, id="a-comment-then-nothing"),
    pytest.param(
        "k:\n- a:\n    &x\n  b: *x\n", {"k": [{"a": None, "b": None}]}, id="compact-then-nothing"
    ),
    pytest.param("j: 1\nk:\n  !!str", {"j": 1, "k": ""}, id="a-last-tag-line-ends-the-text"),
    pytest.param("k:\n&a j: 1\n", {"k": None, "j": 1}, id="not-below-the-key"),
    pytest.param("k:\n  &a", {"k": None}, id="an-anchor-line-ends-the-text"),
    pytest.param("k:\n  &a X\nj: *a\n", {"k": "X", "j": "X"}, id="an-anchor-and-a-capital"),
    pytest.param("k:\n  !!str |\n x\n", {"k": "x\n"}, id="a-block-scalar-after-a-tag"),
    pytest.param("k: &a\n  -x\nj: *a\n", {"k": "-x", "j": "-x"}, id="a-dash-and-a-letter"),
    # after a space and a tab below the indicator: the tab is separation
    # (s-separate-lines), so properties there are the node's, which may follow
    # on a later line (s-l+flow-in-block, s-l+block-collection) or be empty
    pytest.param("k:\n \t&a\n  v\nj: *a\n", {"k": "v", "j": "v"}, id="tab-anchor-line"),
    pytest.param("k:\n \t&a\n v\nj: *a\n", {"k": "v", "j": "v"}, id="tab-anchor-one-space"),
    pytest.param("k:\n \t!!str\n  1\n", {"k": "1"}, id="tab-tag-line"),
    pytest.param("k:\n \t&a\n  - x\nj: *a\n", {"k": ["x"], "j": ["x"]}, id="tab-then-a-list"),
    pytest.param("k:\n \t&a\n- x\nj: *a\n", {"k": ["x"], "j": ["x"]}, id="tab-list-at-col"),
    pytest.param(
        "k:\n \t&a\n  b: c\nj: *a\n", {"k": {"b": "c"}, "j": {"b": "c"}}, id="tab-then-a-map"
    ),
    pytest.param(
        "k:\n \t&a\n  &b v: 1\nj: *a\nl: *b\n",
        {"k": {"v": 1}, "j": {"v": 1}, "l": "v"},
        id="tab-then-a-key's-anchor",
    ),
    pytest.param("k:\n \t&a\nj: *a\n", {"k": None, "j": None}, id="tab-then-a-key"),
    pytest.param("k:\n \t!!str\nj: 1\n", {"k": "", "j": 1}, id="tab-tag-then-a-key"),
    pytest.param("k:\n \t&a\n", {"k": None}, id="tab-anchor-line-ends-the-text"),
    pytest.param("k:\n \t&a # c\n  v\nj: *a\n", {"k": "v", "j": "v"}, id="tab-and-a-comment"),
    pytest.param(
        "k:\n \t&a\n\n  # c\n  v\nj: *a\n", {"k": "v", "j": "v"}, id="tab-blank-and-comment"
    ),
    pytest.param("k:\n \t&a\n  \tv\nj: *a\n", {"k": "v", "j": "v"}, id="tab-then-a-tab"),
    pytest.param(
        "k:\n \t&a\n  [b, c]\nj: *a\n", {"k": ["b", "c"], "j": ["b", "c"]}, id="tab-flow-seq"
    ),
    pytest.param(
        "k:\n \t&a\n  {b: c}\nj: *a\n", {"k": {"b": "c"}, "j": {"b": "c"}}, id="tab-flow-map"
    ),
    pytest.param("k:\n \t&a\n  'q'\nj: *a\n", {"k": "q", "j": "q"}, id="tab-quoted"),
    pytest.param(
        "k:\n \t&a\n  'q': 1\nj: *a\n", {"k": {"q": 1}, "j": {"q": 1}}, id="tab-quoted-key"
    ),
    pytest.param("k:\n \t&a\n  |\n   t\nj: *a\n", {"k": "t\n", "j": "t\n"}, id="tab-literal"),
    pytest.param("k:\n \t&a |\n   t\nj: *a\n", {"k": "t\n", "j": "t\n"}, id="tab-anchor-|"),
    pytest.param("k:\n \t&a [b]\nj: *a\n", {"k": ["b"], "j": ["b"]}, id="tab-anchor-flow"),
    pytest.param("k:\n \t&a\n \t!!str\n  1\nj: *a\n", {"k": "1", "j": "1"}, id="tab-twice"),
    pytest.param("k: &a\n \t!!str\n  1\nj: *a\n", {"k": "1", "j": "1"}, id="above-tab-line"),
    pytest.param("k: &a\n \t!!str 1\nj: *a\n", {"k": "1", "j": "1"}, id="above-tab-on-line"),
    # the same below a dash, and below a key in a list item
    pytest.param("k:\n-\n \t&a\n  v\nj: *a\n", {"k": ["v"], "j": "v"}, id="item-tab-anchor"),
    pytest.param(
        "k:\n-\n \t&a\n- v\nj: *a\n", {"k": [None, "v"], "j": None}, id="item-tab-then-item"
    ),
    pytest.param(
        "k:\n-\n \t&a\n  - v\nj: *a\n", {"k": [["v"]], "j": ["v"]}, id="item-tab-then-list"
    ),
    pytest.param("k:\n-\n \t&a # c\n  [v]\n", {"k": [["v"]]}, id="item-tab-comment-flow"),
    pytest.param(
        "k:\n- a:\n   \t&x\n    b\n  j: *x\n", {"k": [{"a": "b", "j": "b"}]}, id="compact-tab"
    ),
    pytest.param(
        "k:\n- a:\n   \t&x\n  b: c\n", {"k": [{"a": None, "b": "c"}]}, id="compact-tab-empty"
    ),
    pytest.param("k:\n- a:\n   \t&x\n  - b\n", {"k": [{"a": ["b"]}]}, id="compact-tab-list"),
    # the mapping's properties, or its first key's
    pytest.param(
        "k:\n  &m\n  a: 1\nj: *m\n", {"k": {"a": 1}, "j": {"a": 1}}, id="a-mapping's-anchor"
    ),
    pytest.param("k:\n  &m a: 1\nj: *m\n", {"k": {"a": 1}, "j": "a"}, id="its-first-key's"),
    pytest.param(
        "k: &m\n  &n a: 1\nj: *m\nl: *n\n",
        {"k": {"a": 1}, "j": {"a": 1}, "l": "a"},
        id="both",
    ),
    pytest.param(
        'k: &m\n  "a": 1\nj: *m\n', {"k": {"a": 1}, "j": {"a": 1}}, id="a-quoted-first-key"
    ),
    pytest.param(
        'k: &m\n  &n "a": 1\nj: *m\nl: *n\n',
        {"k": {"a": 1}, "j": {"a": 1}, "l": "a"},
        id="a-quoted-first-key-of-its-own",
    ),
    pytest.param('k: &m\n  "a"\nj: *m\n', {"k": "a", "j": "a"}, id="a-quoted-scalar"),
    pytest.param(
        "k: &m\n  ? a\n  : b\nj: *m\n", {"k": {"a": "b"}, "j": {"a": "b"}}, id="explicit-map"
    ),
    pytest.param("k: &a\n  |\n   x\nj: *a\n", {"k": "x\n", "j": "x\n"}, id="a-block-scalar"),
    pytest.param(
        "k: &a\n  !!str |\n   x\nj: *a\n", {"k": "x\n", "j": "x\n"}, id="a-tagged-block-scalar"
    ),
    # on the key's line
    pytest.param("&a k: 1\nj: *a\n", {"k": 1, "j": "k"}, id="an-anchored-key"),
    pytest.param("!!str 1: x\n", {"1": "x"}, id="a-tagged-key"),
    pytest.param("a: 1\n&b k: 2\nj: *b\n", {"a": 1, "k": 2, "j": "k"}, id="a-later-key"),
    pytest.param('a: 1\n&b "k": 2\nj: *b\n', {"a": 1, "k": 2, "j": "k"}, id="a-quoted-key"),
    # an explicit tag decides a quoted key's type too (YAML 1.2, 6.9.1)
    pytest.param("!!int '2': b\n", {2: "b"}, id="a-tagged-quoted-key"),
    pytest.param("a: 1\n!!int '2': b\n", {"a": 1, 2: "b"}, id="a-later-tagged-quoted-key"),
    pytest.param("k:\n- &x a: 1\n  b: *x\n", {"k": [{"a": 1, "b": "a"}]}, id="compact"),
    # properties of an empty node (the suite's case FH7J)
    pytest.param(
        "k:\n- !!str\n-\n  !!null : a\n  b: !!str\n- !!str : !!null\n",
        {"k": ["", {None: "a", "b": ""}, {"": None}]},
        id="empty-nodes-with-tags",
    ),
    pytest.param("&a : v\nb: *a\n", {None: "v", "b": None}, id="an-anchored-empty-key"),
    pytest.param(
        "k:\n- &a : v\n  b: *a\n",
        {"k": [{None: "v", "b": None}]},
        id="a-compact-anchored-empty-key",
    ),
    pytest.param(
        "k:\n- !!str : v\n  b: 1\n", {"k": [{"": "v", "b": 1}]}, id="a-compact-tagged-empty-key"
    ),
    pytest.param(
        "k: &m\n  &a : v\nj: *m\n",
        {"k": {None: "v"}, "j": {None: "v"}},
        id="an-anchored-empty-key-below-an-anchor",
    ),
    pytest.param("k:\n- &a :\n  - x\n", {"k": [{None: ["x"]}]}, id="a-list-after-an-empty-key"),
    pytest.param(
        "k:\n  &m a: 1\n  b: 2\nj: *m\n",
        {"k": {"a": 1, "b": 2}, "j": "a"},
        id="an-anchored-first-key-then-a-second",
    ),
    pytest.param('!!map\n"a": 1\n', {"a": 1}, id="a-root-tag-above-a-quoted-key"),
    pytest.param("!!map\n? a\n: b\n", {"a": "b"}, id="a-root-tag-above-an-explicit-key"),
    pytest.param('&m\n&n "a": 1\nb: *n\n', {"a": 1, "b": "a"}, id="root-and-key-anchors"),
]


@pytest.mark.parametrize(("yaml", "expected"), _PROPERTIES)
def test_properties(yaml: str, expected: Any) -> None:
    assert read_alike(yaml) == expected


# -- block mappings ---------------------------------------------------------------


_MAPPINGS = [
    pytest.param("a: 1\nb: 2", {"a": 1, "b": 2}, id="entries-to-the-end"),
    pytest.param("a : 1\nb  :  2\n", {"a": 1, "b": 2}, id="blanks-before-the-colon"),
    pytest.param("a: 1\n...\n", {"a": 1}, id="the-end-marker"),
    pytest.param("a: 1\n\n...\n", {"a": 1}, id="the-end-marker-after-a-blank-line"),
    pytest.param("a: 1\n# c\n...\n", {"a": 1}, id="the-end-marker-after-a-comment"),
    # an indicator alone on its line: an empty node, then the next entry
    pytest.param("?\na: 1\n", {None: None, "a": 1}, id="a-question-mark-alone"),
    pytest.param(":\na: 1\n", {None: None, "a": 1}, id="a-colon-alone"),
    pytest.param("? x\n:\na: 1\n", {"x": None, "a": 1}, id="an-explicit-colon-alone"),
    pytest.param("b: 0\n?\na: 1\n", {"b": 0, None: None, "a": 1}, id="a-later-question-mark"),
    pytest.param("b: 0\n:\na: 1\n", {"b": 0, None: None, "a": 1}, id="a-later-colon-alone"),
    pytest.param("a:\n  b: 1\n...\n", {"a": {"b": 1}}, id="the-end-marker-after-a-nested"),
    pytest.param("a: 1\n-x: 2\n", {"a": 1, "-x": 2}, id="a-key-starting-with-a-dash"),
    pytest.param("a: 1\n.b: 2\n", {"a": 1, ".b": 2}, id="a-key-starting-with-a-dot"),
    pytest.param("a: 1\n---x: 2\n", {"a": 1, "---x": 2}, id="a-key-starting-with-dashes"),
    pytest.param("a: 1\n...x: 2\n", {"a": 1, "...x": 2}, id="a-key-starting-with-dots"),
    pytest.param("a: 1\n# c\nb: 2\n", {"a": 1, "b": 2}, id="a-comment-line"),
    pytest.param("a: 1\n  # c\nb: 2\n", {"a": 1, "b": 2}, id="an-indented-comment-line"),
    pytest.param("a: 1\n\nb: 2\n", {"a": 1, "b": 2}, id="a-blank-line"),
    pytest.param("a: 1\n  \nb: 2\n", {"a": 1, "b": 2}, id="a-line-of-spaces"),
    pytest.param("a: 1 # c\nb: 2\n", {"a": 1, "b": 2}, id="a-comment-after-a-value"),
    pytest.param("a: x\n\n  y\nb: 2\n", {"a": "x\ny", "b": 2}, id="a-value-past-a-blank"),
    pytest.param("a: x\n  y\n  z\nb: 2\n", {"a": "x y z", "b": 2}, id="a-value-on-lines"),
    pytest.param("a: 'x'\n\nb: \"y\"\n", {"a": "x", "b": "y"}, id="quoted-and-a-blank"),
    pytest.param("a: 'x'\n# c\nb: 2\n", {"a": "x", "b": 2}, id="quoted-and-a-comment"),
    pytest.param("a: 'x'\nb: 'y'", {"a": "x", "b": "y"}, id="quoted-to-the-end"),
    pytest.param('a: "x"\nb: "y"', {"a": "x", "b": "y"}, id="double-quoted-to-the-end"),
    pytest.param("a:\n  b: 1\n  c: 2\nd: 3\n", {"a": {"b": 1, "c": 2}, "d": 3}, id="nested"),
    pytest.param(
        "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
        {"a": {"b": {"c": 1}, "d": 2}, "e": 3},
        id="nested-twice",
    ),
    pytest.param("a:\n  b:\nc: 1\n", {"a": {"b": None}, "c": 1}, id="an-empty-nested-value"),
    pytest.param("a:\n  b:\n  c: 1\n", {"a": {"b": None, "c": 1}}, id="empty-then-a-sibling"),
    pytest.param("a:\n  b:\n  - c\n", {"a": {"b": ["c"]}}, id="a-list-at-the-key's-column"),
    pytest.param("a:\n  - b\n  - c\n", {"a": ["b", "c"]}, id="an-indented-list"),
    # explicit entries
    pytest.param("? a\n: b\n", {"a": "b"}, id="an-explicit-entry"),
    pytest.param("? a\n? b\n: c\n", {"a": None, "b": "c"}, id="an-explicit-key-alone"),
    pytest.param("? a\n", {"a": None}, id="an-explicit-key-ends-the-text"),
    pytest.param("? a\n:", {"a": None}, id="an-empty-explicit-value-ends-the-text"),
    pytest.param("? a\n:\tb\n", {"a": "b"}, id="a-tab-after-the-colon"),
    pytest.param("? a\n: b\nc: d\n", {"a": "b", "c": "d"}, id="then-an-implicit-entry"),
    pytest.param("? a\nc: d\n", {"a": None, "c": "d"}, id="a-key-alone-then-an-entry"),
    pytest.param("? a\n:b: 1\n", {"a": None, ":b": 1}, id="a-key-alone-then-a-colon-key"),
    pytest.param("? a\n:\n- b\n", {"a": ["b"]}, id="a-list-at-the-colon's-column"),
    pytest.param("?\n- a\n: b\n", {("a",): "b"}, id="a-list-key-at-the-column"),
    pytest.param("? |\n  a\n: b\n", {"a\n": "b"}, id="a-block-scalar-key"),
    pytest.param("? a\n: # c\n  b\n", {"a": "b"}, id="a-comment-after-the-colon"),
    pytest.param("?\n: v\n", {None: "v"}, id="an-empty-explicit-key"),
    pytest.param(": v\n", {None: "v"}, id="an-empty-key"),
    pytest.param("a: 1\n: v\n", {"a": 1, None: "v"}, id="an-empty-key-later"),
    pytest.param("a: 1\n:\tv\n", {"a": 1, None: "v"}, id="an-empty-key-and-a-tab"),
    pytest.param("a: 1\n:", {"a": 1, None: None}, id="an-empty-key-ends-the-text"),
    # an empty key with properties: its value alone on the line, not the next entry
    pytest.param("&a :\nb: 1\nc: *a\n", {None: None, "b": 1, "c": None}, id="props-empty-key"),
    pytest.param("!!str :\n- x\n", {"": ["x"]}, id="a-list-after-a-tagged-empty-key"),
    # an empty key's value is a block node: a list may start at the key's column
    pytest.param(":\n- x\n", {None: ["x"]}, id="a-list-after-an-empty-key"),
    pytest.param("a: 1\n:\n- x\nb: 2\n", {"a": 1, None: ["x"], "b": 2}, id="then-a-key"),
    pytest.param("k:\n- :\n  - x\n", {"k": [{None: ["x"]}]}, id="in-a-compact-mapping"),
    pytest.param(":\n  a: 1\n", {None: {"a": 1}}, id="a-mapping-after-an-empty-key"),
    pytest.param("  a: 1\n  b: 2\n", {"a": 1, "b": 2}, id="an-indented-root"),
    pytest.param("k: >-\n  1\n", {"k": "1"}, id="a-block-scalar-is-a-string"),
    pytest.param("k:\n  ? a\n  : b\nj: 1\n", {"k": {"a": "b"}, "j": 1}, id="nested-explicit"),
    pytest.param("k:\n- ? a\n  : b\n", {"k": [{"a": "b"}]}, id="a-compact-explicit"),
    pytest.param("k:\n- : b\n", {"k": [{None: "b"}]}, id="a-compact-empty-key"),
    # keys that are not plain
    pytest.param("'a': 1\n\"b\": 2\n", {"a": 1, "b": 2}, id="quoted-keys"),
    pytest.param("'a' : 1\n", {"a": 1}, id="a-blank-before-the-colon"),
    pytest.param("'a':\n  b\n", {"a": "b"}, id="the-value-below-a-quoted-key"),
    pytest.param("'a':\tb\n", {"a": "b"}, id="a-tab-after-a-quoted-key"),
    pytest.param("'a':", {"a": None}, id="a-quoted-key-ends-the-text"),
    pytest.param("a: &x b\n*x : c\n", {"a": "b", "b": "c"}, id="an-alias-key"),
    pytest.param("[a, b]: c\n", {("a", "b"): "c"}, id="a-flow-key"),
    pytest.param("k:\n- 'a': 1\n  \"b\": 2\n", {"k": [{"a": 1, "b": 2}]}, id="compact-quoted"),
    pytest.param('k:\n- "a": 1', {"k": [{"a": 1}]}, id="compact-quoted-to-the-end"),
    pytest.param("k:\n- &x 'a': 1\n  b: *x\n", {"k": [{"a": 1, "b": "a"}]}, id="an-anchor"),
    pytest.param("&a [x]: 1\nb: *a\n", {("x",): 1, "b": ["x"]}, id="an-anchored-flow-key"),
    pytest.param("!!str &a k: 1\nb: *a\n", {"k": 1, "b": "k"}, id="a-tag-and-an-anchor"),
    pytest.param("a:\n  b: 1\n  ...: 2\n", {"a": {"b": 1, "...": 2}}, id="dots-key-indented"),
    pytest.param("a: 1\n?", {"a": 1, None: None}, id="a-question-mark-ends-the-text"),
    pytest.param("a: 1\n?\tb\n", {"a": 1, "b": None}, id="a-tab-after-a-question-mark"),
    pytest.param("a: 1\n?x: 2\n", {"a": 1, "?x": 2}, id="a-key-starting-with-a-question"),
    pytest.param("a: 1\n:x: 2\n", {"a": 1, ":x": 2}, id="a-key-starting-with-a-colon"),
    pytest.param("a: 1\n-x,y: 2\n", {"a": 1, "-x,y": 2}, id="a-dash-key-with-a-comma"),
    pytest.param("a: 1\nk:\n  v\n", {"a": 1, "k": "v"}, id="a-later-value-below"),
    pytest.param("a: 1\nk:\nj: 2\n", {"a": 1, "k": None, "j": 2}, id="a-later-empty-value"),
    pytest.param("a: 1\nk:\n- x\n", {"a": 1, "k": ["x"]}, id="a-later-list"),
    pytest.param("a: 1\n'b':", {"a": 1, "b": None}, id="a-later-quoted-key-ends-the-text"),
    pytest.param("a: 1\n'b':\t2\n", {"a": 1, "b": 2}, id="a-later-quoted-key-and-a-tab"),
    pytest.param("a: 1\n'b':\n  2\n", {"a": 1, "b": 2}, id="a-later-quoted-key-alone"),
    pytest.param("? x\n: b: 2\n", {"x": {"b": 2}}, id="a-compact-mapping-after-a-colon"),
    pytest.param("? x\n: - a\n  - b\n", {"x": ["a", "b"]}, id="a-compact-list-after-a-colon"),
    pytest.param("? a: 1\n: b\n", {FrozenMapping({"a": 1}): "b"}, id="a-compact-mapping-key"),
    pytest.param('a: "x\\ty"\nb: 1\n', {"a": "x\ty", "b": 1}, id="an-escape-in-a-value"),
    pytest.param(
        'k:\n- a: "x\\ty"\n  b: 1\n', {"k": [{"a": "x\ty", "b": 1}]}, id="an-escape-compact"
    ),
    pytest.param("k:\n- a: [1]\n  b: 2\n", {"k": [{"a": [1], "b": 2}]}, id="compact-flow-value"),
    pytest.param("k:\n- a:\n    b\n", {"k": [{"a": "b"}]}, id="a-compact-value-below"),
    pytest.param("k:\n- a: x\n\n    y\n", {"k": [{"a": "x\ny"}]}, id="compact-past-a-blank"),
    pytest.param("k:\n- -\ta\n", {"k": [["a"]]}, id="a-tab-after-an-inner-dash"),
    pytest.param("k:\n- -a\n", {"k": ["-a"]}, id="a-dash-and-a-letter-item"),
    pytest.param("k:\n- -", {"k": [[None]]}, id="an-inner-dash-ends-the-text"),
    pytest.param("k:\n- -\n- b\n", {"k": [[None], "b"]}, id="an-inner-dash-ends-its-line"),
    pytest.param("k:\n- ?\n", {"k": [{None: None}]}, id="a-question-mark-alone-in-an-item"),
    pytest.param("k:\n- :\n", {"k": [{None: None}]}, id="a-colon-alone-in-an-item"),
    pytest.param("k:\n- ?\ta\n", {"k": [{"a": None}]}, id="a-question-mark-and-a-tab"),
    pytest.param('k:\n- "a":\n    b\n', {"k": [{"a": "b"}]}, id="a-quoted-key-alone"),
    pytest.param('k:\n- "a":', {"k": [{"a": None}]}, id="a-quoted-key-ends-the-text"),
    pytest.param('k:\n- "a":\tb\n', {"k": [{"a": "b"}]}, id="a-quoted-key-and-a-tab"),
]


@pytest.mark.parametrize(("yaml", "expected"), _MAPPINGS)
def test_a_block_mapping(yaml: str, expected: Any) -> None:
    assert read_alike(yaml) == expected


# -- refused texts -------------------------------------------------------------------


_REFUSED = [
    # properties on a line, then a block collection on the same line
    pytest.param(
        "k:\n- &m ? a\n  : b\n",
        "a block mapping cannot start after properties on a line",
        2,
        6,
        id="an-anchor-then-an-explicit-key",
    ),
    pytest.param(
        "&m ? a\n: b\n",
        "a block mapping cannot start after properties on a line",
        1,
        4,
        id="an-anchor-then-an-explicit-key-at-the-root",
    ),
    pytest.param(
        "k:\n  !!map ? a\n  : b\n",
        "a block mapping cannot start after properties on a line",
        2,
        9,
        id="a-tag-then-an-explicit-key-below",
    ),
    pytest.param(
        "k:\n- &m - a\n",
        "a block sequence cannot start after properties on a line",
        2,
        6,
        id="an-anchor-then-a-dash",
    ),
    pytest.param(
        "k:\n  &m - a\n",
        "a block sequence cannot start after properties on a line",
        2,
        6,
        id="an-anchor-then-a-dash-below",
    ),
    # a compact collection needs spaces after the indicator, not a tab
    pytest.param(
        "k:\n-\ta: 1\n",
        "a mapping cannot start here (a key on a value's line)",
        2,
        4,
        id="a-tab-then-a-key",
    ),
    pytest.param(
        "? \ta: 1\n",
        "a mapping cannot start here (a key on a value's line)",
        1,
        5,
        id="a-tab-then-a-key-after-a-question-mark",
    ),
    pytest.param(
        "\ta: 1\n",
        "a mapping cannot start here (a key on a value's line)",
        1,
        3,
        id="a-tab-then-a-key-at-the-root",
    ),
    pytest.param(
        "k:\n  \ta: 1\n",
        "a mapping cannot start here (a key on a value's line)",
        2,
        5,
        id="a-tab-then-a-key-below",
    ),
    pytest.param("k:\n-\t- a\n", "unexpected '-'", 2, 3, id="a-tab-then-a-dash"),
    pytest.param(
        "k:\n-\t&a b: 1\n",
        "a mapping cannot start here (a key on a value's line)",
        2,
        7,
        id="a-tab-an-anchor-then-a-key",
    ),
    # a tab is no indentation
    pytest.param("k:\n\tv\n", "bad indentation of a mapping entry", 2, 1, id="a-tab-below"),
    pytest.param("k:\n\t&a\n  v\n", "bad indentation of a mapping entry", 2, 1, id="tab-anchor"),
    pytest.param(
        "k:\n- a:\n  \t&x\n   b\n",
        "bad indentation of a mapping entry",
        3,
        3,
        id="a-tab-at-a-compact-mapping's-column",
    ),
    # properties after a tab below the indicator, then what cannot follow them
    pytest.param(
        "k:\n \t&a\nb\n", "expected ':' after a mapping key", 3, 2, id="tab-anchor-then-no-key"
    ),
    pytest.param(
        "k:\n- a:\n   \t&x\n  b\n",
        "expected ':' after a mapping key",
        4,
        4,
        id="compact-tab-anchor-then-no-key",
    ),
    pytest.param(
        "k:\n \t&a b: c\n",
        "a mapping cannot start here (a key on a value's line)",
        2,
        7,
        id="tab-anchor-then-a-key-on-its-line",
    ),
    pytest.param("k:\n \t&a - b\n", "unexpected '-' after a node", 2, 6, id="tab-anchor-dash"),
    pytest.param("k:\n \t&a ? b\n", "unexpected '?'", 2, 6, id="tab-anchor-question-mark"),
    pytest.param("k: &a\n \t&b\n  v\n", "a node has two anchors", 2, 3, id="tab-two-anchors"),
    pytest.param("k:\n \t&a\n  &b v\n", "a node has two anchors", 3, 3, id="tab-then-anchor"),
    pytest.param("k: !!str\n \t!!int\n  1\n", "a node has two tags", 2, 3, id="tab-two-tags"),
    pytest.param("k:\n \t&a\n  *b\n", "an alias cannot have properties", 2, 3, id="tab-alias"),
    pytest.param("a: 1\n\tb: 2\n", "bad indentation of a mapping entry", 2, 1, id="tab-key"),
    pytest.param(
        "a: 'x'\n\tb: 2\n", "bad indentation of a mapping entry", 2, 1, id="tab-after-quoted"
    ),
    # what a plain scalar cannot start with
    pytest.param("k: %a\n", "unexpected '%'", 1, 4, id="a-percent-sign"),
    pytest.param("k: @a\n", "unexpected '@'", 1, 4, id="an-at-sign"),
    pytest.param("k: `a\n", "unexpected '`'", 1, 4, id="a-backquote"),
    pytest.param("k: ,a\n", "unexpected ','", 1, 4, id="a-comma"),
    pytest.param("k: ]\n", "unexpected ']'", 1, 4, id="a-closing-bracket"),
    pytest.param("k: }\n", "unexpected '}'", 1, 4, id="a-closing-brace"),
    pytest.param("k: - a\n", "unexpected '-'", 1, 4, id="a-dash-on-a-value's-line"),
    pytest.param(
        "a: 1\n-", "a sequence entry where a mapping key was expected", 2, 1, id="a-last-dash"
    ),
    pytest.param(
        "a: 1\n-\n",
        "a sequence entry where a mapping key was expected",
        2,
        1,
        id="a-dash-alone",
    ),
    pytest.param(
        "a: 1\n-\tb\n",
        "a sequence entry where a mapping key was expected",
        2,
        1,
        id="a-dash-and-a-tab",
    ),
    # a collection cannot start on a value's line
    pytest.param("k: ? a\n", "unexpected '?'", 1, 4, id="a-question-mark-after-a-key"),
    pytest.param("k: : a\n", "unexpected ':'", 1, 4, id="a-colon-after-a-key"),
    pytest.param(
        'k: "a": 1\n',
        "a mapping cannot start here (a key on a value's line)",
        1,
        7,
        id="a-quoted-key-on-a-value's-line",
    ),
    pytest.param(
        "--- a: 1\n",
        "a mapping cannot start here (a key on a value's line)",
        1,
        6,
        id="a-key-on-the-start-marker's-line",
    ),
    # keys
    pytest.param(
        'k:\n- "a\n  b": 1\n', "an implicit key must be on one line", 2, 3, id="two-line-key"
    ),
    pytest.param(
        '"a\n b": 1\n', "an implicit key must be on one line", 1, 1, id="a-two-line-first-key"
    ),
    pytest.param(
        'a: 1\n"b\n c": 2\n', "an implicit key must be on one line", 2, 1, id="two-line-later"
    ),
    pytest.param("a: 1\n&x\nb: 2\n", "expected ':' after a mapping key", 2, 3, id="props-line"),
    pytest.param("a: 1\n'b' c\n", "expected ':' after a mapping key", 2, 5, id="no-colon"),
    pytest.param("a: 1\n'b':c\n", "expected ':' after a mapping key", 2, 4, id="no-blank"),
    pytest.param('k:\n- "a" x\n', "unexpected 'x' after a node", 2, 7, id="after-a-node"),
    pytest.param('k:\n- "a":x\n', "unexpected ':' after a node", 2, 6, id="no-blank-compact"),
    pytest.param("'a':x\n", "unexpected ':' after a node", 1, 4, id="no-blank-first-key"),
    pytest.param(
        "a: 1\n- b\n", "a sequence entry where a mapping key was expected", 2, 1, id="a-dash"
    ),
    pytest.param(
        "a:\n  b: 1\n  - c\n",
        "a sequence entry where a mapping key was expected",
        3,
        3,
        id="a-dash-among-nested-keys",
    ),
    pytest.param(
        "a: 'x'\n\n  b: 2\n",
        "bad indentation of a mapping entry",
        3,
        3,
        id="deeper-past-a-blank",
    ),
    pytest.param(
        "a: 'x'\n\n\tb: 2\n", "bad indentation of a mapping entry", 3, 1, id="tab-past-a-blank"
    ),
    pytest.param(
        "a:\n  b: 1\n  ...\n", "expected ':' after a mapping key", 3, 6, id="indented-dots"
    ),
    # indentation
    pytest.param(
        "k:\n  a:\n- x\n",
        "a sequence entry where a mapping key was expected",
        3,
        1,
        id="a-dash-left-of-an-empty-value",
    ),
    pytest.param("a: 'x'\n  b: 2\n", "bad indentation of a mapping entry", 2, 3, id="deeper"),
    pytest.param('a: "x"\n b: 2\n', "bad indentation of a mapping entry", 2, 2, id="deeper-2"),
    pytest.param(
        "a:\n  b: 1\n   c: 2\n", "unexpected ':' after a node", 3, 5, id="deeper-than-a-key"
    ),
    pytest.param(
        "a:\n  b: 'x'\n   c: 2\n",
        "bad indentation of a mapping entry",
        3,
        4,
        id="deeper-than-a-quoted-entry",
    ),
    pytest.param(
        "a:\n  b:\n    c: 1\n   d: 2\n",
        "bad indentation of a mapping entry",
        4,
        4,
        id="between-two-levels",
    ),
    pytest.param("? a\n  : b\n", "bad indentation of a mapping entry", 2, 3, id="colon-in"),
    # properties
    pytest.param("k: &a\n  &b\n  v\n", "a node has two anchors", 2, 3, id="two-anchors"),
    pytest.param("k: &a\n  &b\nj: 1\n", "a node has two anchors", 2, 3, id="two-then-nothing"),
    pytest.param("k: !!str\n  !!str\n  v\n", "a node has two tags", 2, 3, id="two-tags"),
    pytest.param("k:\n  &a\n  &b v\n", "a node has two anchors", 3, 3, id="anchors-below"),
    pytest.param("k: !!str\n  !!str v\n", "a node has two tags", 2, 3, id="tags-on-a-line"),
    pytest.param(
        "k: &a\n  &b |\n   x\n", "a node has two anchors", 2, 3, id="anchors-of-a-block-scalar"
    ),
]


@pytest.mark.parametrize(("yaml", "message", "line", "column"), _REFUSED)
def test_refused(yaml: str, message: str, line: int, column: int) -> None:
    assert refused_alike(yaml, YAMLSyntaxError) == (_SYNTAX + message, line, column)


_TAGS_THAT_DO_NOT_FIT = [
    # a tag on a value it does not fit is reported at the tag
    pytest.param("k: !!int\n", "'' is not a valid !!int", 1, 4, id="an-empty-int"),
    pytest.param("k: !!int\nj: 1\n", "'' is not a valid !!int", 1, 4, id="then-a-key"),
    pytest.param("k:\n  !!int\nj: 1\n", "'' is not a valid !!int", 2, 3, id="on-its-own-line"),
    pytest.param("k:\n  &a !!int # c\nj: 1\n", "'' is not a valid !!int", 2, 3, id="below-both"),
    pytest.param("k:\n- a:\n    !!int\n", "'' is not a valid !!int", 3, 5, id="compact-below"),
    pytest.param("j: 1\nk:\n  !!int", "'' is not a valid !!int", 3, 3, id="below-the-last-key"),
    pytest.param("k: !!int\n  &a x\n", "'x' is not a valid !!int", 1, 4, id="the-tag-above"),
    # where the node's properties start, as when they are on one line
    pytest.param("k: &a !!int x\n", "'x' is not a valid !!int", 1, 4, id="after-an-anchor"),
    pytest.param("k: &a\n  !!int x\n", "'x' is not a valid !!int", 1, 4, id="an-anchor-above"),
    pytest.param("k:\n  &a\n  !!int x\n", "'x' is not a valid !!int", 2, 3, id="anchor-line"),
    pytest.param("k:\n- !!int\n", "'' is not a valid !!int", 2, 3, id="an-empty-item"),
    pytest.param("k: !!int\n  \tx\n", "'x' is not a valid !!int", 1, 4, id="then-a-tab"),
    pytest.param("k:\n \t!!int\n  x\n", "'x' is not a valid !!int", 2, 3, id="after-a-tab"),
    pytest.param(
        "k:\n \t!!str\n  - a\n", "a sequence cannot be a !!str", 2, 3, id="a-list-after-a-tab"
    ),
    pytest.param("k: !!int # c\n", "'' is not a valid !!int", 1, 4, id="and-a-comment"),
    pytest.param("k: !!int |\n  x\n", "'x\n' is not a valid !!int", 1, 4, id="a-block-scalar"),
    pytest.param(
        "k: !!str\n  - a\n", "a sequence cannot be a !!str", 1, 4, id="a-list-below-the-tag"
    ),
    pytest.param(
        "k: !!str\n  a: 1\n", "a mapping cannot be a !!str", 1, 4, id="a-mapping-below-the-tag"
    ),
    pytest.param("k: !!str\n  -", "a sequence cannot be a !!str", 1, 4, id="a-dash-ends"),
    pytest.param("k: !!str\n  -\ta\n", "a sequence cannot be a !!str", 1, 4, id="dash-tab"),
    pytest.param("k: !!str\n  -\n", "a sequence cannot be a !!str", 1, 4, id="dash-alone"),
    pytest.param("k: !!str\n-", "a sequence cannot be a !!str", 1, 4, id="a-dash-at-the-column"),
    pytest.param(
        "k: !!str\n  &a\n  a: 1\n", "a mapping cannot be a !!str", 1, 4, id="and-an-anchor"
    ),
    pytest.param(
        "k: !!str\n  &a : v\n", "a mapping cannot be a !!str", 1, 4, id="an-empty-first-key"
    ),
    pytest.param(
        "k: !!map\n  ? a\n  : b\nj: !!seq\n  ? a\n",
        "a mapping cannot be a !!seq",
        4,
        4,
        id="an-explicit-mapping-below-the-tag",
    ),
    pytest.param(
        'k: !!seq\n  "a": 1\n', "a mapping cannot be a !!seq", 1, 4, id="a-quoted-first-key"
    ),
    pytest.param("!!int a: 1\n", "'a' is not a valid !!int", 1, 1, id="a-tagged-first-key"),
    pytest.param("!!int : v\n", "'' is not a valid !!int", 1, 1, id="a-tagged-empty-key"),
    pytest.param("k:\n  !!int : v\n", "'' is not a valid !!int", 2, 3, id="empty-key-below"),
    pytest.param("k:\n- !!int a: 1\n", "'a' is not a valid !!int", 2, 3, id="a-compact-key"),
    pytest.param("a: 1\n!!int b: 2\n", "'b' is not a valid !!int", 2, 1, id="a-later-key"),
    pytest.param("a: 1\n&x !!int b: 2\n", "'b' is not a valid !!int", 2, 1, id="anchored-later"),
    pytest.param('!!str\n"a": 1\n', "a mapping cannot be a !!str", 1, 1, id="root-tag-quoted"),
    pytest.param("!!str\na: 1\n", "a mapping cannot be a !!str", 1, 1, id="root-tag-plain"),
    pytest.param("!!str\n[a]: 1\n", "a mapping cannot be a !!str", 1, 1, id="root-tag-flow"),
    pytest.param("!!str\n? a\n", "a mapping cannot be a !!str", 1, 1, id="root-tag-explicit"),
]


@pytest.mark.parametrize(("yaml", "message", "line", "column"), _TAGS_THAT_DO_NOT_FIT)
def test_a_tag_that_does_not_fit(yaml: str, message: str, line: int, column: int) -> None:
    assert refused_alike(yaml, YAMLSyntaxError) == (message, line, column)


def test_a_value_alone_is_not_front_matter() -> None:
    # "\tfoo" is a plain scalar after a tab (separation): a value, not a mapping
    message, line, column = refused_alike("\tfoo\n", StructureError)
    assert (line, column) == (1, 2)
    assert "not a single value" in message


# -- where each node is written ------------------------------------------------------


_WHERE = [
    # an empty value is placed right after its indicator, or after its properties
    pytest.param(
        "k:\nj: 1\n",
        [(1, 1, "k:\nj: 1\n"), (1, 1, "k"), (1, 3, ""), (2, 1, "j"), (2, 4, "1")],
        id="an-empty-value",
    ),
    pytest.param(
        "k: &a   \nj: 1\n",
        [(1, 1, "k: &a   \nj: 1\n"), (1, 1, "k"), (1, 6, ""), (2, 1, "j"), (2, 4, "1")],
        id="an-empty-value-after-an-anchor",
    ),
    pytest.param(
        "k: !!str\nj: 1\n",
        [(1, 1, "k: !!str\nj: 1\n"), (1, 1, "k"), (1, 9, ""), (2, 1, "j"), (2, 4, "1")],
        id="an-empty-value-after-a-tag",
    ),
    pytest.param(
        "k: &aX \nj: 1\n",
        [(1, 1, "k: &aX \nj: 1\n"), (1, 1, "k"), (1, 7, ""), (2, 1, "j"), (2, 4, "1")],
        id="an-empty-value-after-an-anchor-and-a-blank",
    ),
    pytest.param(
        "k: &a\t\nj: 1\n",
        [(1, 1, "k: &a\t\nj: 1\n"), (1, 1, "k"), (1, 6, ""), (2, 1, "j"), (2, 4, "1")],
        id="an-empty-value-after-an-anchor-and-a-tab",
    ),
    pytest.param(
        "k:\n  &a\nj: 1\n",
        [(1, 1, "k:\n  &a\nj: 1\n"), (1, 1, "k"), (2, 5, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-its-anchor-line",
    ),
    pytest.param(
        "k:\n  &aX \t\nj: 1\n",
        [(1, 1, "k:\n  &aX \t\nj: 1\n"), (1, 1, "k"), (2, 6, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-an-anchor-line-and-blanks",
    ),
    pytest.param(
        "k:\n  &a\n  !!str\nj: 1\n",
        [
            (1, 1, "k:\n  &a\n  !!str\nj: 1\n"),
            (1, 1, "k"),
            (3, 8, ""),
            (4, 1, "j"),
            (4, 4, "1"),
        ],
        id="an-empty-value-below-two-property-lines",
    ),
    pytest.param(
        "k:\n  !!str\nj: 1\n",
        [(1, 1, "k:\n  !!str\nj: 1\n"), (1, 1, "k"), (2, 8, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-its-tag-line",
    ),
    pytest.param(
        "k:\n  &a !!str\nj: 1\n",
        [(1, 1, "k:\n  &a !!str\nj: 1\n"), (1, 1, "k"), (2, 11, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-its-anchor-and-tag",
    ),
    pytest.param(
        "k:\n  &a  # c\nj: 1\n",
        [(1, 1, "k:\n  &a  # c\nj: 1\n"), (1, 1, "k"), (2, 5, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-its-anchor-and-a-comment",
    ),
    pytest.param(
        "k:\n  &a \t\nj: 1\n",
        [(1, 1, "k:\n  &a \t\nj: 1\n"), (1, 1, "k"), (2, 5, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-its-anchor-a-blank-and-a-tab",
    ),
    pytest.param(
        "k:\n  !!str # c\nj: 1\n",
        [(1, 1, "k:\n  !!str # c\nj: 1\n"), (1, 1, "k"), (2, 8, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-its-tag-a-blank-and-a-comment",
    ),
    pytest.param(
        "k: &a\n  !!str\nj: 1\n",
        [(1, 1, "k: &a\n  !!str\nj: 1\n"), (1, 1, "k"), (2, 8, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-after-an-anchor-and-below-a-tag",
    ),
    pytest.param(
        "k:\n- a:\n    &x\n  b: 1\n",
        [
            (1, 1, "k:\n- a:\n    &x\n  b: 1\n"),
            (1, 1, "k"),
            (2, 1, "- a:\n    &x\n  b: 1\n"),
            (2, 3, "a:\n    &x\n  b: 1\n"),
            (2, 3, "a"),
            (3, 7, ""),
            (4, 3, "b"),
            (4, 6, "1"),
        ],
        id="an-empty-value-below-its-anchor-in-a-list-item",
    ),
    pytest.param(
        "k:\n-\n  &x\n- c\n",
        [
            (1, 1, "k:\n-\n  &x\n- c\n"),
            (1, 1, "k"),
            (2, 1, "-\n  &x\n- c\n"),
            (3, 5, ""),
            (4, 3, "c"),
        ],
        id="an-empty-item-below-its-anchor",
    ),
    pytest.param(
        "j: 1\nk:\n  &a",
        [(1, 1, "j: 1\nk:\n  &a"), (1, 1, "j"), (1, 4, "1"), (2, 1, "k"), (3, 5, "")],
        id="the-last-value-below-its-anchor",
    ),
    # properties after a tab below the key: the node where its content is
    pytest.param(
        "k:\n \t&a\n  v\n",
        [(1, 1, "k:\n \t&a\n  v\n"), (1, 1, "k"), (3, 3, "v")],
        id="a-value-below-a-tab-and-its-anchor",
    ),
    pytest.param(
        "k:\n \t&a v\n",
        [(1, 1, "k:\n \t&a v\n"), (1, 1, "k"), (2, 6, "v")],
        id="a-value-after-a-tab-and-its-anchor",
    ),
    pytest.param(
        "k:\n \t&a\nj: 1\n",
        [(1, 1, "k:\n \t&a\nj: 1\n"), (1, 1, "k"), (2, 5, ""), (3, 1, "j"), (3, 4, "1")],
        id="an-empty-value-below-a-tab-and-its-anchor",
    ),
    pytest.param(
        "k:\n \t&m\n  a: 1\n",
        [(1, 1, "k:\n \t&m\n  a: 1\n"), (1, 1, "k"), (3, 3, "a: 1\n"), (3, 3, "a"), (3, 6, "1")],
        id="a-mapping-below-a-tab-and-its-anchor",
    ),
    # entries read whole, each with a line after it
    pytest.param(
        "a: 1\nbc: de\nf: 2\n",
        [
            (1, 1, "a: 1\nbc: de\nf: 2\n"),
            (1, 1, "a"),
            (1, 4, "1"),
            (2, 1, "bc"),
            (2, 5, "de"),
            (3, 1, "f"),
            (3, 4, "2"),
        ],
        id="a-plain-entry-between-two",
    ),
    pytest.param(
        "a: 1\nbc: 'de'\nf: \"g\"\nh: 2\n",
        [
            (1, 1, "a: 1\nbc: 'de'\nf: \"g\"\nh: 2\n"),
            (1, 1, "a"),
            (1, 4, "1"),
            (2, 1, "bc"),
            (2, 5, "'de'"),
            (3, 1, "f"),
            (3, 4, '"g"'),
            (4, 1, "h"),
            (4, 4, "2"),
        ],
        id="quoted-entries-between-two",
    ),
    pytest.param(
        "k:\n  ab: cd\n  e: f\nj: 1\n",
        [
            (1, 1, "k:\n  ab: cd\n  e: f\nj: 1\n"),
            (1, 1, "k"),
            (2, 3, "ab: cd\n  e: f\n"),
            (2, 3, "ab"),
            (2, 7, "cd"),
            (3, 3, "e"),
            (3, 6, "f"),
            (4, 1, "j"),
            (4, 4, "1"),
        ],
        id="nested-entries-then-a-key",
    ),
    pytest.param(
        "a: 1\nb: 'x'",
        [(1, 1, "a: 1\nb: 'x'"), (1, 1, "a"), (1, 4, "1"), (2, 1, "b"), (2, 4, "'x'")],
        id="a-quoted-entry-ends-the-text",
    ),
    pytest.param(
        'k:\n  a: 1\n  b: "x"',
        [
            (1, 1, 'k:\n  a: 1\n  b: "x"'),
            (1, 1, "k"),
            (2, 3, 'a: 1\n  b: "x"'),
            (2, 3, "a"),
            (2, 6, "1"),
            (3, 3, "b"),
            (3, 6, '"x"'),
        ],
        id="a-nested-quoted-entry-ends-the-text",
    ),
    pytest.param(
        "? a\nc: d\n",
        [(1, 1, "? a\nc: d\n"), (1, 3, "a"), (1, 4, ""), (2, 1, "c"), (2, 4, "d")],
        id="an-explicit-key-without-a-value",
    ),
    pytest.param(
        "a: 1\n: v\n",
        [(1, 1, "a: 1\n: v\n"), (1, 1, "a"), (1, 4, "1"), (2, 1, ""), (2, 3, "v")],
        id="an-empty-key-at-its-colon",
    ),
    # a mapping starts at its first key, its properties left out
    pytest.param(
        "k:\n  &m a: 1\n",
        [(1, 1, "k:\n  &m a: 1\n"), (1, 1, "k"), (2, 6, "a: 1\n"), (2, 6, "a"), (2, 9, "1")],
        id="a-key's-anchor",
    ),
    pytest.param(
        "k:\n  &m\n  a: 1\n",
        [(1, 1, "k:\n  &m\n  a: 1\n"), (1, 1, "k"), (3, 3, "a: 1\n"), (3, 3, "a"), (3, 6, "1")],
        id="a-mapping's-anchor-on-its-own-line",
    ),
    pytest.param(
        "k: &m\n  a: 1\n",
        [(1, 1, "k: &m\n  a: 1\n"), (1, 1, "k"), (2, 3, "a: 1\n"), (2, 3, "a"), (2, 6, "1")],
        id="a-mapping's-anchor-after-its-key",
    ),
    pytest.param(
        "&x a: 1\n", [(1, 4, "a: 1\n"), (1, 4, "a"), (1, 7, "1")], id="an-anchored-first-key"
    ),
    pytest.param(
        '&x "a": 1\n', [(1, 4, '"a": 1\n'), (1, 4, '"a"'), (1, 9, "1")], id="anchored-quoted"
    ),
    pytest.param(
        "a: 1\n&x b: 2\n",
        [(1, 1, "a: 1\n&x b: 2\n"), (1, 1, "a"), (1, 4, "1"), (2, 4, "b"), (2, 7, "2")],
        id="an-anchored-later-key",
    ),
    pytest.param(
        'k:\n  "a": 1\n  b: 2\n',
        [
            (1, 1, 'k:\n  "a": 1\n  b: 2\n'),
            (1, 1, "k"),
            (2, 3, '"a": 1\n  b: 2\n'),
            (2, 3, '"a"'),
            (2, 8, "1"),
            (3, 3, "b"),
            (3, 6, "2"),
        ],
        id="a-quoted-first-key",
    ),
    pytest.param(
        "k:\n  ? a\n  : b\n",
        [
            (1, 1, "k:\n  ? a\n  : b\n"),
            (1, 1, "k"),
            (2, 3, "? a\n  : b\n"),
            (2, 5, "a"),
            (3, 5, "b"),
        ],
        id="an-explicit-entry-below",
    ),
    pytest.param(
        "k:\n  |\n x\nj: 1\n",
        [(1, 1, "k:\n  |\n x\nj: 1\n"), (1, 1, "k"), (2, 3, "|\n x"), (4, 1, "j"), (4, 4, "1")],
        id="a-block-scalar-below",
    ),
    pytest.param("k:\n  v\n", [(1, 1, "k:\n  v\n"), (1, 1, "k"), (2, 3, "v")], id="a-value-below"),
    pytest.param(
        "k:\n- a: 1\n  b: 2\n",
        [
            (1, 1, "k:\n- a: 1\n  b: 2\n"),
            (1, 1, "k"),
            (2, 1, "- a: 1\n  b: 2\n"),
            (2, 3, "a: 1\n  b: 2\n"),
            (2, 3, "a"),
            (2, 6, "1"),
            (3, 3, "b"),
            (3, 6, "2"),
        ],
        id="a-compact-mapping",
    ),
    pytest.param(
        "a:   x\nb:\ty\n",
        [(1, 1, "a:   x\nb:\ty\n"), (1, 1, "a"), (1, 6, "x"), (2, 1, "b"), (2, 4, "y")],
        id="blanks-before-values",
    ),
    pytest.param(
        "a: x\n  y\nb: 'z'\n",
        [
            (1, 1, "a: x\n  y\nb: 'z'\n"),
            (1, 1, "a"),
            (1, 4, "x\n  y"),
            (3, 1, "b"),
            (3, 4, "'z'"),
        ],
        id="a-value-on-two-lines",
    ),
]


@pytest.mark.parametrize(("yaml", "where"), _WHERE)
def test_where_each_node_is_written(yaml: str, where: list[tuple[int, int, str]]) -> None:
    assert node_places(yaml) == where


@pytest.mark.parametrize(
    ("yaml", "path", "entries"),
    [
        pytest.param(
            "&a : v\nb: 1\n",
            (),
            [((1, 4, ""), (1, 6, "v")), ((2, 1, "b"), (2, 4, "1"))],
            id="at-the-root",
        ),
        pytest.param("&a :\n", (), [((1, 4, ""), (1, 5, ""))], id="no-value"),
        pytest.param("k:\n  !!str :\tv\n", ("k",), [((2, 9, ""), (2, 11, "v"))], id="below"),
        pytest.param("k:\n- &a : v\n", ("k", 0), [((2, 6, ""), (2, 8, "v"))], id="compact"),
    ],
)
def test_where_an_empty_key_with_properties_is_written(
    yaml: str, path: tuple[Any, ...], entries: list[tuple[tuple[int, int, str], ...]]
) -> None:
    # the key is placed at its ":", its properties left out, as any key is; an
    # empty value right after the ":"
    node: Any = _yaml.compose(yaml).root
    for step in path:
        if isinstance(step, str):
            node = node.values[[key.value for key in node.keys].index(step)]
        else:
            node = node.items[step]

    def place(part: Node) -> tuple[int, int, str]:
        line = yaml.count("\n", 0, part.start) + 1
        column = part.start - (yaml.rfind("\n", 0, part.start) + 1) + 1
        return line, column, yaml[part.start : part.end]

    pairs = zip(node.keys, node.values, strict=True)
    assert [(place(key), place(value)) for key, value in pairs] == entries


@pytest.mark.parametrize(
    ("yaml", "line"),
    [("a: 1\n---\n", 2), ("a: 1\n# c\n---\n", 3), ("a:\n  b: 1\n\n---\n", 4)],
)
def test_a_second_document_is_not_front_matter(yaml: str, line: int) -> None:
    # "---" at the start of a line ends the mapping: what follows is another document
    message = "front matter holds more than one YAML document"
    assert refused_alike(yaml, StructureError) == (message, line, 1)


@pytest.mark.parametrize(
    ("yaml", "path", "written"),
    [
        pytest.param("  a: 1\n", (), "  a: 1\n  b: 2\n", id="an-indented-root"),
        pytest.param(": v\n", (), ": v\nb: 2\n", id="an-empty-first-key"),
        pytest.param('!!map\n"a": 1\n', (), '!!map\n"a": 1\nb: 2\n', id="a-tag-above-the-root"),
        pytest.param("k:\n- &x a: 1\n", ("k", 0), "k:\n- &x a: 1\n  b: 2\n", id="compact"),
        pytest.param('k:\n- "a": 1\n', ("k", 0), 'k:\n- "a": 1\n  b: 2\n', id="compact-quoted"),
        pytest.param("k:\n- &a : v\n", ("k", 0), "k:\n- &a : v\n  b: 2\n", id="compact-empty-key"),
        pytest.param(
            "k:\n- ? a\n  : c\n", ("k", 0), "k:\n- ? a\n  : c\n  b: 2\n", id="compact-explicit"
        ),
        pytest.param("k:\n  &a : v\n", ("k",), "k:\n  &a : v\n  b: 2\n", id="an-empty-key-below"),
        pytest.param(
            "k: !!map\n  ? a\n  : c\n", ("k",), "k: !!map\n  ? a\n  : c\n  b: 2\n", id="explicit"
        ),
        pytest.param("k:\n  ? a\n", ("k",), "k:\n  ? a\n  b: 2\n", id="an-explicit-key-alone"),
        pytest.param(
            "k:\n  &m\n  a: 1\n", ("k",), "k:\n  &m\n  a: 1\n  b: 2\n", id="an-anchor-line-above"
        ),
        pytest.param(
            'k: &m\n  "a": 1\n',
            ("k",),
            'k: &m\n  "a": 1\n  b: 2\n',
            id="an-anchor-and-a-quoted-key",
        ),
        pytest.param(
            "k:\n  :\n  - x\n", ("k",), "k:\n  :\n  - x\n  b: 2\n", id="a-list-after-an-empty-key"
        ),
    ],
)
def test_a_key_added_to_a_block_mapping(yaml: str, path: tuple[Any, ...], written: str) -> None:
    # a block mapping gets the new entry on a line of its own, at its column, after its last
    doc = frontmatter.loads(f"---\n{yaml}---\n")
    mapping = doc.data
    for step in path:
        mapping = mapping[step]
    mapping["b"] = 2
    assert frontmatter.dumps(doc) == f"---\n{written}---\n"


@pytest.mark.parametrize(
    "item",
    [
        pytest.param("&a : v", id="an-anchored-empty-key"),
        pytest.param("!!str : v", id="a-tagged-empty-key"),
        pytest.param("&x a: 1", id="an-anchored-key"),
        pytest.param("? a\n  : v", id="an-explicit-key"),
    ],
)
def test_an_item_inserted_before_a_compact_mapping(item: str) -> None:
    # the mapping after the new item is unchanged: its text is kept as written
    doc = frontmatter.loads(f"---\nk:\n- {item}\n- 2\n---\n")
    doc.data["k"].insert(0, {"q": 1})
    assert frontmatter.dumps(doc) == f"---\nk:\n- q: 1\n- {item}\n- 2\n---\n"


@pytest.mark.parametrize(
    ("yaml", "path", "value", "written"),
    [
        pytest.param(
            "a:\n \t&x\n  b\nc: 1\n", ("a",), "z", "a:\n \t&x\n  z\nc: 1\n", id="below-a-key"
        ),
        pytest.param(
            "k:\n-\n \t&x\n  b\n- c\n", ("k", 0), "z", "k:\n-\n \t&x\n  z\n- c\n", id="in-a-list"
        ),
    ],
)
def test_a_value_below_a_tab_and_its_properties_is_set_in_place(
    yaml: str, path: tuple[Any, ...], value: str, written: str
) -> None:
    # the new value replaces the old on its own line; the tab and the anchor stay
    text = f"---\n{yaml}---\n"
    doc = frontmatter.loads(text)
    assert frontmatter.dumps(doc) == text
    *parents, last = path
    holder = doc.data
    for step in parents:
        holder = holder[step]
    holder[last] = value
    assert frontmatter.dumps(doc) == f"---\n{written}---\n"


# -- the same texts after an entry ---------------------------------------------------
#
# A block mapping's first entry and its later ones are read along different
# routes; each text above whose mapping starts at the left margin reads the
# same after one more entry above it, and is refused the same one line down.


def _at_the_margin(yaml: str) -> bool:
    return yaml[:1] not in ("", " ", "\t", "-", "%", "&", "!") and not yaml.startswith("---")


_LATER = "z0: 0\n"


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        case
        for case in _AFTER_AN_INDICATOR + _PROPERTIES + _MAPPINGS
        if _at_the_margin(str(case.values[0])) and isinstance(case.values[1], dict)
    ],
)
def test_a_later_entry_reads_the_same(yaml: str, expected: dict[Any, Any]) -> None:
    assert list(read_alike(_LATER + yaml).items()) == [("z0", 0), *expected.items()]


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        case
        for case in _REFUSED + _TAGS_THAT_DO_NOT_FIT
        # (a first key's `'a':x` is "unexpected ':' after a node", a later one's
        # "expected ':' after a mapping key": the same place, in other words)
        if _at_the_margin(str(case.values[0])) and case.id != "no-blank-first-key"
    ],
)
def test_a_later_entry_is_refused_the_same(yaml: str, message: str, line: int, column: int) -> None:
    found = refused_alike(_LATER + yaml, YAMLSyntaxError)
    assert found[0].removeprefix(_SYNTAX) == message.removeprefix(_SYNTAX)
    assert found[1:] == (line + 1, column)


@pytest.mark.parametrize(
    ("yaml", "where"),
    [
        case
        for case in _WHERE
        if _at_the_margin(str(case.values[0])) and case.values[1][0] == (1, 1, case.values[0])  # type: ignore[index]
    ],
)
def test_a_later_entry_is_written_the_same(yaml: str, where: list[tuple[int, int, str]]) -> None:
    # each node one line down, the root mapping from the new first entry on
    later = [(1, 1, _LATER + yaml), (1, 1, "z0"), (1, 5, "0")]
    assert node_places(_LATER + yaml) == later + [
        (line + 1, col, text) for line, col, text in where[1:]
    ]
