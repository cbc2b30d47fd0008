"""The scanner: what each kind of scalar holds, where it ends, and how a bad one is refused.

Every expected value is written from the YAML 1.2 specification (chapter 6
for line folding and comments, 7 for flow scalars, 8 for block scalars):
plain scalars fold their lines and end at ``: ``, `` #``, a comment line, a
document marker or a less indented line; quoted scalars fold the same way,
with ``''`` and the escapes of 5.7; literal and folded scalars keep or fold
their lines by the chomping and indentation indicators. A refused text is
given with the message, the line and the column (1-based, in the YAML text)
the reader reports, on both routes of a load.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsitem import StructureError, YAMLSyntaxError, _yaml
from newsitem._scanner import plain_run


def _read(yaml: str) -> dict[Any, Any]:
    """The values of ``yaml``, the same on the full route and the values-only one."""
    data = _yaml.compose(yaml).data
    assert _yaml.values(yaml) == data
    return data


def _refused(yaml: str) -> tuple[str, int | None, int | None]:
    """The message, line and column of the error ``yaml`` raises, the same on both routes."""
    with pytest.raises(YAMLSyntaxError) as composed:
        _yaml.compose(yaml)
    with pytest.raises(YAMLSyntaxError) as alone:
        _yaml.values(yaml)
    found = (composed.value.message, composed.value.line, composed.value.column)
    assert (alone.value.message, alone.value.line, alone.value.column) == found
    assert composed.value.code == "yaml-syntax"
    return found


def _written(yaml: str, key: str) -> str:
    """The text the value of the top-level ``key`` spans in ``yaml``."""
    root = _yaml.compose(yaml).root
    for node, value in zip(root.keys, root.values, strict=True):
        if node.value == key:
            return yaml[value.start : value.end]
    raise AssertionError(key)


# -- plain scalars ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: a\n  b\n", "a b", id="a-continuation-line"),
        pytest.param("k: a  \n  b  \n", "a b", id="trailing-blanks-dropped"),
        pytest.param("k: a\n\n  b\n", "a\nb", id="one-blank-line"),
        pytest.param("k: a\n\n\n  b\n", "a\n\nb", id="two-blank-lines"),
        pytest.param("k: a\n  \t\n  b\n", "a\nb", id="a-blank-line-of-blanks"),
        pytest.param("k: a\n  b\n  c\n", "a b c", id="three-lines"),
        pytest.param("k: a\n  # c\n", "a", id="a-comment-line-ends-it"),
        pytest.param("k: a\n  b#c\n", "a b#c", id="a-hash-inside-a-word"),
        pytest.param("k: a\n  :b\n", "a :b", id="a-continuation-starting-with-a-colon"),
        pytest.param("k: a\n  -b\n", "a -b", id="a-continuation-starting-with-a-dash"),
        pytest.param("k: a\n  b  ", "a b", id="the-text-ends-in-blanks"),
        pytest.param("k: a\n  ", "a", id="the-text-ends-in-an-indented-blank-line"),
        pytest.param("k: a:b c\n", "a:b c", id="a-colon-before-a-non-blank"),
        pytest.param("k: a,b]c}\n", "a,b]c}", id="flow-indicators-in-block-context"),
        pytest.param("k: -a\n", "-a", id="a-dash-first"),
        pytest.param("k: ?a\n", "?a", id="a-question-mark-first"),
        pytest.param("k: :a\n", ":a", id="a-colon-first"),
        pytest.param("k: -,\n", "-,", id="a-dash-before-a-comma-in-block-context"),
    ],
)
def test_a_plain_value_folds_its_lines(yaml: str, expected: str) -> None:
    assert _read(yaml) == {"k": expected}


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: [a\n  b]\n", ["a b"], id="a-continuation-line"),
        pytest.param("k: [a\n\n  b]\n", ["a\nb"], id="a-blank-line"),
        pytest.param("k: [a\n  , b]\n", ["a", "b"], id="a-comma-ends-it"),
        pytest.param("k: [a\n  ]\n", ["a"], id="a-bracket-ends-it"),
        pytest.param("k: {a\n  : b}\n", {"a": "b"}, id="a-colon-ends-a-key"),
        pytest.param("k: [a\n  :b]\n", ["a :b"], id="a-colon-before-a-non-blank-goes-on"),
        pytest.param("k: [a,b]\n", ["a", "b"], id="a-comma-ends-a-word"),
        pytest.param("k: [a]b]\n", None, id="a-bracket-ends-a-word"),
        pytest.param("k: [-a, ?b, :c]\n", ["-a", "?b", ":c"], id="indicators-first"),
        pytest.param("k: [a:b]\n", ["a:b"], id="a-colon-inside-a-word"),
        pytest.param("k: {a:b}\n", {"a:b": None}, id="a-colon-inside-a-key"),
        pytest.param("k: [a #c\n  ]\n", ["a"], id="a-comment-ends-it"),
    ],
)
def test_a_plain_scalar_in_a_flow_collection(yaml: str, expected: Any) -> None:
    if expected is None:
        message, line, column = _refused(yaml)
        assert (message, line, column) == (
            "invalid YAML: unexpected 'b' after a node",
            1,
            7,
        )
        return
    assert _read(yaml) == {"k": expected}


@pytest.mark.parametrize(
    ("yaml", "span"),
    [
        pytest.param("k: a b  # c\nn: 1\n", "a b", id="before-a-comment"),
        pytest.param("k: a\n  b  \nn: 1\n", "a\n  b", id="the-last-line-without-its-blanks"),
        pytest.param("k: a\n\n  b\n\nn: 1\n", "a\n\n  b", id="blank-lines-after-it"),
        pytest.param("k: a\n  b: c\n", None, id="a-key-on-a-continuation-line"),
    ],
)
def test_a_plain_scalar_ends_after_its_last_character(yaml: str, span: str | None) -> None:
    if span is None:
        assert _refused(yaml)[1:] == (2, 4)
        return
    assert _written(yaml, "k") == span


@pytest.mark.parametrize(
    ("text", "flow", "match"),
    [
        ("a b: c", False, "a b"),
        ("a b #c", False, "a b"),
        ("a b#c d", False, "a b#c d"),
        ("a:b c", False, "a:b c"),
        ("a,b]c", False, "a,b]c"),
        ("a b  \t", False, "a b"),
        ("a:\tb", False, "a"),
        ("a b,c", True, "a b"),
        ("a]b", True, "a"),
        ("a}b", True, "a"),
        ("a{b", True, "a"),
        ("a[b", True, "a"),
        ("a:,b", True, "a"),
        ("a:b,c", True, "a:b"),
        ("a :b", True, "a :b"),
        ("a #b", True, "a"),
        ("aXb cX", False, "aXb cX"),
        ("aXb cX", True, "aXb cX"),
    ],
)
def test_the_run_of_a_plain_line(text: str, flow: bool, match: str) -> None:
    """``plain_run`` builds the regexes of the reader: where one line of a plain scalar ends."""
    found = re.match(plain_run(flow), text)
    assert found is not None
    assert found.group(0) == match


@pytest.mark.parametrize("yaml", ["a\n--- b\n", "a\n---", "a\n...\n--- b\n", "a\n---\tb\n"])
def test_a_document_marker_ends_a_plain_scalar_at_the_top_level(yaml: str) -> None:
    """``a`` is a document and the marker starts a second one: front matter holds one."""
    with pytest.raises(StructureError) as info:
        _yaml.compose(yaml)
    assert (info.value.message, info.value.column) == (
        "front matter holds more than one YAML document",
        1,
    )


# -- single-quoted scalars --------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: 'it''s'\n", "it's", id="a-doubled-quote"),
        pytest.param("k: 'a''''b'\n", "a''b", id="two-doubled-quotes"),
        pytest.param("k: ''''\n", "'", id="only-a-quote"),
        pytest.param("k: 'a\n  b'\n", "a b", id="two-lines"),
        pytest.param("k: 'a  \n  b'\n", "a b", id="blanks-around-the-break"),
        pytest.param("k: 'a\n\n  b'\n", "a\nb", id="a-blank-line"),
        pytest.param("k: 'a\n\n\n  b'\n", "a\n\nb", id="two-blank-lines"),
        pytest.param("k: ' a\n  b '\n", " a b ", id="blanks-at-the-ends-kept"),
        pytest.param("k: 'a\n  b\n  c'\n", "a b c", id="three-lines"),
        pytest.param("k: 'a\n \n  b'\n", "a\nb", id="a-less-indented-blank-line"),
        pytest.param("k: 'a''\n  b'\n", "a' b", id="a-doubled-quote-before-a-break"),
        pytest.param("k: 'x\\ny'\n", "x\\ny", id="no-escapes"),
    ],
)
def test_a_single_quoted_value(yaml: str, expected: str) -> None:
    assert _read(yaml) == {"k": expected}


# -- double-quoted scalars --------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "char"),
    [
        ("0", "\0"),
        ("a", "\a"),
        ("b", "\b"),
        ("t", "\t"),
        ("\t", "\t"),
        ("n", "\n"),
        ("v", "\v"),
        ("f", "\f"),
        ("r", "\r"),
        ("e", "\x1b"),
        (" ", " "),
        ('"', '"'),
        ("/", "/"),
        ("\\", "\\"),
        ("N", "\x85"),
        ("_", "\xa0"),
        ("L", "\u2028"),
        ("P", "\u2029"),
        ("x41", "A"),
        ("xe9", "\xe9"),
        ("u00E9", "\xe9"),
        ("u2028", "\u2028"),
        ("U0001F600", "\U0001f600"),
        ("U0010FFFF", "\U0010ffff"),
    ],
)
def test_each_escape_of_the_spec(escape: str, char: str) -> None:
    """Spec 5.7: each escape stands for one character, here between two letters."""
    assert _read(f'k: "a\\{escape}b"\n') == {"k": f"a{char}b"}


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param('k: "a\n  b"\n', "a b", id="two-lines"),
        pytest.param('k: "a  \n  b"\n', "a b", id="blanks-around-the-break"),
        pytest.param('k: "a\n\n  b"\n', "a\nb", id="a-blank-line"),
        pytest.param('k: "a\n\n\n  b"\n', "a\n\nb", id="two-blank-lines"),
        pytest.param('k: "a\\\n  b"\n', "ab", id="an-escaped-break"),
        pytest.param('k: "a \\\n  b"\n', "a b", id="a-blank-before-an-escaped-break"),
        pytest.param('k: "a\\\n\n  b"\n', "a\nb", id="an-escaped-break-then-a-blank-line"),
        pytest.param('k: "a\\\n\n\n  b"\n', "a\n\nb", id="an-escaped-break-then-two"),
        pytest.param('k: "a\\t\n  b"\n', "a\t b", id="an-escaped-tab-before-a-break"),
        pytest.param('k: "a\\ \n  b"\n', "a  b", id="an-escaped-space-before-a-break"),
        pytest.param('k: "\\ud83d\\ude00"\n', "\U0001f600", id="a-surrogate-pair"),
        pytest.param('k: "a\\"b"\n', 'a"b', id="an-escaped-quote"),
        pytest.param('k: "a\\\\"\n', "a\\", id="an-escaped-backslash-last"),
        pytest.param('k: "a\n \n  b"\n', "a\nb", id="a-less-indented-blank-line"),
    ],
)
def test_a_double_quoted_value(yaml: str, expected: str) -> None:
    assert _read(yaml) == {"k": expected}


@pytest.mark.parametrize(
    ("yaml", "span"),
    [
        pytest.param('k: "a"  # c\nn: 1\n', '"a"', id="one-line"),
        pytest.param('k: "a\\"b"  # c\nn: 1\n', '"a\\"b"', id="an-escaped-quote"),
        pytest.param('k: "a\n  b" # c\nn: 1\n', '"a\n  b"', id="two-lines"),
        pytest.param("k: 'a''b' # c\nn: 1\n", "'a''b'", id="single-quoted"),
        pytest.param("k: 'a\n  b' # c\nn: 1\n", "'a\n  b'", id="single-quoted-two-lines"),
    ],
)
def test_a_quoted_scalar_spans_its_quotes(yaml: str, span: str) -> None:
    assert _written(yaml, "k") == span


# -- refused flow scalars ---------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        pytest.param("k: 'a\n", "a single-quoted scalar is not closed", 1, 4, id="single-open"),
        pytest.param(
            "k: 'a''\n",
            "a single-quoted scalar is not closed",
            1,
            4,
            id="single-a-doubled-quote-last",
        ),
        pytest.param('k: "a\n', "a double-quoted scalar is not closed", 1, 4, id="double-open"),
        pytest.param(
            'k: "a\\"\n',
            "a double-quoted scalar is not closed",
            1,
            4,
            id="double-an-escaped-quote-last",
        ),
        pytest.param(
            "k: 'a\nb'\n",
            "a quoted scalar's line is not indented enough",
            2,
            1,
            id="single-not-indented",
        ),
        pytest.param(
            'k: "a\nb"\n',
            "a quoted scalar's line is not indented enough",
            2,
            1,
            id="double-not-indented",
        ),
        pytest.param(
            "k: 'a\n  b\nc\n  d'\n",
            "a quoted scalar's line is not indented enough",
            3,
            1,
            id="the-middle-line-not-indented",
        ),
        pytest.param(
            "k: 'a\n\tb'\n",
            "a quoted scalar's line is not indented enough",
            2,
            2,
            id="a-tab-is-no-indentation",
        ),
        pytest.param(
            "k:\n  j: 'a\n  b'\n",
            "a quoted scalar's line is not indented enough",
            3,
            3,
            id="nested-not-indented",
        ),
        pytest.param(
            "k: 'a\n...\n'\n",
            "a document marker inside a quoted scalar",
            2,
            1,
            id="single-end-marker",
        ),
        pytest.param(
            'k: "a\n---\n"\n',
            "a document marker inside a quoted scalar",
            2,
            1,
            id="double-start-marker",
        ),
        pytest.param(
            'k: "a\n--- b"\n',
            "a document marker inside a quoted scalar",
            2,
            1,
            id="marker-then-a-space",
        ),
        pytest.param(
            'k: "a\n---\tb"\n',
            "a document marker inside a quoted scalar",
            2,
            1,
            id="marker-then-a-tab",
        ),
        pytest.param(
            'k: "a\n  b\n...\n"\n',
            "a document marker inside a quoted scalar",
            3,
            1,
            id="marker-on-the-third-line",
        ),
        pytest.param(
            'k: "a\n---b"\n',
            "a quoted scalar's line is not indented enough",
            2,
            1,
            id="no-marker-before-a-letter",
        ),
        pytest.param(
            "k: 'a\n....'\n",
            "a quoted scalar's line is not indented enough",
            2,
            1,
            id="four-dots-are-no-marker",
        ),
        pytest.param('k: "\\q"\n', "unknown escape \\q", 1, 6, id="unknown-escape"),
        pytest.param(
            'k: "ab\\x4"\n', "the escape \\x needs 2 hexadecimal digits", 1, 9, id="short-x"
        ),
        pytest.param(
            'k: "\\u12G4"\n', "the escape \\u needs 4 hexadecimal digits", 1, 7, id="short-u"
        ),
        pytest.param(
            'k: "\\U0000004"\n', "the escape \\U needs 8 hexadecimal digits", 1, 7, id="short-U"
        ),
        pytest.param(
            'k: "a\\U00110000"\n',
            "the escape \\U00110000 is past U+10FFFF",
            1,
            6,
            id="past-the-last-character",
        ),
        pytest.param(
            'k: "\\ud800"\n',
            "an escape makes a lone surrogate, which is not a character",
            1,
            4,
            id="lone-surrogate",
        ),
        pytest.param(
            'k: "\\ude00\\ud83d"\n',
            "an escape makes a lone surrogate, which is not a character",
            1,
            4,
            id="surrogates-out-of-order",
        ),
        pytest.param(
            'k: "\\\n', "a double-quoted scalar is not closed", 1, 4, id="a-backslash-then-the-end"
        ),
    ],
)
def test_a_bad_quoted_scalar_is_refused_where_it_goes_wrong(
    yaml: str, message: str, line: int, column: int
) -> None:
    assert _refused(yaml) == (f"invalid YAML: {message}", line, column)


# YAML 1.2 (7.3.1-7.3.2, 6.3): in a block collection at indentation n a flow
# node is at n+1, and every line of a quoted scalar after a break, the closing
# quote's line included, starts with s-flow-line-prefix(n+1), that is n+1
# spaces (a tab is no indentation); an empty line of the fold alone may have
# fewer. A quote at column 0 under a key at column 0 is one space short.
@pytest.mark.parametrize(
    ("yaml", "line", "column"),
    [
        pytest.param("k: 'a\n'\n", 2, 1, id="single-the-quote-at-column-0"),
        pytest.param('k: "a\n"\n', 2, 1, id="double-the-quote-at-column-0"),
        pytest.param("k: 'a\n' # c\n", 2, 1, id="a-comment-after-the-quote"),
        pytest.param("k: 'a\n  b\n'\n", 3, 1, id="after-an-indented-line"),
        pytest.param("k: 'a\n\n'\n", 3, 1, id="after-an-empty-line"),
        pytest.param("k: 'a\n \n'\n", 3, 1, id="after-a-blank-line"),
        pytest.param("k: 'a\n\t'\n", 2, 2, id="a-tab-before-the-quote"),
        pytest.param('k: "a\\\n"\n', 2, 1, id="after-an-escaped-break"),
        pytest.param("m:\n  k: 'a\n  '\n", 3, 3, id="nested-at-the-key-s-column"),
        pytest.param('m:\n  k: "a\n  "\n', 3, 3, id="nested-double"),
        pytest.param("m:\n  k: 'a\n '\n", 3, 2, id="nested-one-space"),
        pytest.param("k:\n- 'a\n'\n", 3, 1, id="an-item-at-column-0"),
        pytest.param("k:\n  - 'a\n  '\n", 3, 3, id="an-item-at-column-2"),
        pytest.param("k:\n- j: 'a\n  '\n", 3, 3, id="a-compact-mapping-in-an-item"),
        pytest.param("? 'a\n'\n: b\n", 2, 1, id="an-explicit-key"),
        pytest.param("k: [ 'a\n' ]\n", 2, 1, id="in-a-flow-sequence-under-a-key"),
        pytest.param("k: { j: 'a\n' }\n", 2, 1, id="in-a-flow-mapping-under-a-key"),
    ],
)
def test_a_quoted_scalar_s_closing_line_indented_too_little_is_refused(
    yaml: str, line: int, column: int
) -> None:
    message = "invalid YAML: a quoted scalar's line is not indented enough"
    assert _refused(yaml) == (message, line, column)


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: 'a\n '\n", {"k": "a "}, id="single-the-quote-at-column-1"),
        pytest.param('k: "a\n "\n', {"k": "a "}, id="double-the-quote-at-column-1"),
        pytest.param("k: 'a\n\n '\n", {"k": "a\n"}, id="after-an-empty-line"),
        pytest.param("m:\n  k: 'a\n   '\n", {"m": {"k": "a "}}, id="nested-at-column-3"),
        pytest.param("k:\n- 'a\n '\n", {"k": ["a "]}, id="an-item-at-column-0"),
        pytest.param("k:\n- j: 'a\n   '\n", {"k": [{"j": "a "}]}, id="a-compact-mapping"),
        pytest.param("k: [ 'a\n ' ]\n", {"k": ["a "]}, id="in-a-flow-sequence-under-a-key"),
        # a flow mapping at the root is a flow node at indentation 0: no space needed
        pytest.param("{ k: 'a\n' }\n", {"k": "a "}, id="in-a-flow-mapping-at-the-root"),
        pytest.param('{ k: "a\n" }\n', {"k": "a "}, id="double-in-a-flow-mapping-at-the-root"),
    ],
)
def test_a_quoted_scalar_s_closing_line_indented_enough_is_read(
    yaml: str, expected: dict[str, Any]
) -> None:
    assert _read(yaml) == expected


def test_a_document_marker_is_only_one_at_the_start_of_a_line() -> None:
    """A text that starts with ``---`` has its quoted scalars checked line by line."""
    assert _read("---\nk: 'a\n  b c'\n") == {"k": "a b c"}
    assert _read('--- \nk: "a\n  b c"\n') == {"k": "a b c"}
    assert _read("k: 'a\n  b'\n...\n") == {"k": "a b"}
    assert _read('k: "a\n  b"\n...\n') == {"k": "a b"}
    assert _refused("---\nk: 'a\n--- b'\n") == (
        "invalid YAML: a document marker inside a quoted scalar",
        3,
        1,
    )


# -- block scalars -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k: |\n  a\n  b\n", "a\nb\n", id="literal"),
        pytest.param("k: |-\n  a\n  b\n", "a\nb", id="literal-strip"),
        pytest.param("k: |+\n  a\n\n", "a\n\n", id="literal-keep"),
        pytest.param("k: |\n  a\n\n\n", "a\n", id="literal-clip"),
        pytest.param("k: |-\n  a\n\n", "a", id="literal-strip-blank-lines"),
        pytest.param("k: |\n  a\n   b\n  c\n", "a\n b\nc\n", id="literal-more-indented"),
        pytest.param("k: |\n  a\n\n  b\n", "a\n\nb\n", id="literal-blank-line-inside"),
        pytest.param("k: |\n\n  a\n", "\na\n", id="literal-leading-blank-line"),
        pytest.param("k: |\n  \n  a\n", "\na\n", id="literal-leading-line-of-spaces"),
        pytest.param("k: |\n  a  \n", "a  \n", id="literal-trailing-spaces-kept"),
        pytest.param(
            "k: |\n  a\n    \n", "a\n  \n", id="literal-a-line-of-spaces-past-the-indentation"
        ),
        pytest.param("k: |2\n   a\n", " a\n", id="literal-indentation-indicator"),
        pytest.param("k: |1-\n  a\n", " a", id="literal-indicator-then-strip"),
        pytest.param("k: |-1\n  a\n", " a", id="literal-strip-then-indicator"),
        pytest.param("k: |+2\n   a\n\n", " a\n\n", id="literal-keep-then-indicator"),
        pytest.param("k: | # c\n  a\n", "a\n", id="literal-header-comment"),
        pytest.param("k: |\t\n  a\n", "a\n", id="literal-header-tab"),
        pytest.param("k: |\n", "", id="literal-empty"),
        pytest.param("k: |+\n\n\n", "\n\n", id="literal-empty-keep"),
        pytest.param("k: |-\n", "", id="literal-empty-strip"),
        pytest.param("k: |\n    \n  ", "", id="literal-only-blank-lines-to-the-end"),
        pytest.param("k: |\n  a\n  # c\n", "a\n# c\n", id="literal-a-hash-is-text"),
        pytest.param("k: |\n  a\n# c\n", "a\n", id="literal-a-comment-ends-it"),
        pytest.param("k: >\n  a\n  b\n", "a b\n", id="folded"),
        pytest.param("k: >\n  a\n\n  b\n", "a\nb\n", id="folded-blank-line"),
        pytest.param("k: >\n  a\n\n\n  b\n", "a\n\nb\n", id="folded-two-blank-lines"),
        pytest.param("k: >\n  a\n   b\n  c\n", "a\n b\nc\n", id="folded-more-indented"),
        pytest.param(
            "k: >\n  a\n\n   b\n\n  c\n",
            "a\n\n b\n\nc\n",
            id="folded-more-indented-with-blank-lines",
        ),
        pytest.param("k: >2\n   a\n  b\n", " a\nb\n", id="folded-more-indented-first"),
        pytest.param(
            "k: >\n  a\n  \tb\n  c\n", "a\n\tb\nc\n", id="folded-a-tab-starts-a-more-indented-line"
        ),
        pytest.param("k: >\n\n  a\n", "\na\n", id="folded-leading-blank-line"),
        pytest.param("k: >\n\n\n  a\n  b\n", "\n\na b\n", id="folded-leading-blank-lines"),
        pytest.param("k: >-\n  a\n  b\n", "a b", id="folded-strip"),
        pytest.param("k: >+\n  a\n\n", "a\n\n", id="folded-keep"),
        pytest.param("k: >\n  X\n  Y\n", "X Y\n", id="folded-letters"),
        pytest.param("k: >2\n    a\n   b\n", "  a\n b\n", id="folded-indentation-indicator"),
    ],
)
def test_a_block_scalar_value(yaml: str, expected: str) -> None:
    assert _read(yaml) == {"k": expected}


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("- |\n  a\n- >\n  b\n  c\n", ["a\n", "b c\n"], id="in-a-list"),
        pytest.param("- |1\n  a\n", [" a\n"], id="in-a-list-with-an-indicator"),
        pytest.param("- - |\n    a\n", [["a\n"]], id="nested-list"),
    ],
)
def test_a_block_scalar_in_a_list(yaml: str, expected: Any) -> None:
    assert _read(f"k:\n{yaml}") == {"k": expected}


@pytest.mark.parametrize(
    ("yaml", "span"),
    [
        pytest.param("k: |\n  a\n\nn: 1\n", "|\n  a", id="clip-ends-after-the-text"),
        pytest.param("k: |-\n  a  \n\nn: 1\n", "|-\n  a", id="strip-ends-before-trailing-blanks"),
        pytest.param("k: |+\n  a\n\nn: 1\n", "|+\n  a\n\n", id="keep-ends-after-the-blank-lines"),
        pytest.param("k: |\nn: 1\n", "|", id="empty"),
        pytest.param(
            "k: |\n  a\n    \nn: 1\n", "|\n  a\n    ", id="a-line-of-spaces-past-the-indentation"
        ),
    ],
)
def test_a_block_scalar_span(yaml: str, span: str) -> None:
    assert _written(yaml, "k") == span


@pytest.mark.parametrize(
    ("yaml", "message", "line", "column"),
    [
        pytest.param("k: |0\n  a\n", "invalid block scalar header", 1, 5, id="indicator-zero"),
        pytest.param("k: |x\n  a\n", "invalid block scalar header", 1, 5, id="a-letter"),
        pytest.param(
            "k: |-+\n  a\n", "invalid block scalar header", 1, 7, id="two-chomping-indicators"
        ),
        pytest.param("k: |12\n  a\n", "invalid block scalar header", 1, 7, id="two-digits"),
        pytest.param(
            "k: |#c\n  a\n", "invalid block scalar header", 1, 5, id="a-comment-without-a-blank"
        ),
        pytest.param(
            "k: >\n    \n  a\n",
            "a leading blank line of a block scalar has more spaces than its text",
            3,
            1,
            id="a-wide-leading-line",
        ),
        pytest.param(
            "k: |\n  \n    \n a\n",
            "a leading blank line of a block scalar has more spaces than its text",
            4,
            1,
            id="a-wide-second-line",
        ),
        pytest.param(
            "k: |\n  a\n \t\n",
            "a tab where a block scalar's indentation is",
            3,
            2,
            id="a-tab-in-the-indentation",
        ),
        pytest.param(
            "k: |\n  a\n\t\n", "a tab where a block scalar's indentation is", 3, 1, id="a-tab-first"
        ),
        pytest.param(
            "k: |\n  a\n\xa0\n",
            "expected ':' after a mapping key",
            3,
            2,
            id="a-no-break-space-ends-it",
        ),
        pytest.param(
            "k: |\n  a\nX\n", "expected ':' after a mapping key", 3, 2, id="a-letter-ends-it"
        ),
    ],
)
def test_a_bad_block_scalar_is_refused_where_it_goes_wrong(
    yaml: str, message: str, line: int, column: int
) -> None:
    assert _refused(yaml) == (f"invalid YAML: {message}", line, column)


def test_a_root_block_scalar_ends_at_a_document_marker() -> None:
    """At the top level the content is not indented: a ``---`` line starts a second document."""
    with pytest.raises(StructureError) as info:
        _yaml.compose("--- |\na\n--- b\n")
    assert (info.value.message, info.value.line, info.value.column) == (
        "front matter holds more than one YAML document",
        3,
        1,
    )
