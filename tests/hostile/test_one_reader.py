"""One reader: every text is read by newsitem's own YAML 1.2 parser.

There is no route to choose any more, so these tests hold that one parser to
the YAML 1.2 specification: the concrete cases where the parsers newsitem
used to pick between gave different values, the error cases of the YAML test
suite (each refused with a position), and line breaks of every kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsitem import (
    DuplicateKeyError,
    NewsItemError,
    YAMLSyntaxError,
    _edit,
    _io,
    _split,
    _yaml,
    frontmatter,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SUITE_ERRORS = CORPUS / "yaml+yaml-test-suite-errors"


def _data(yaml: str) -> dict[Any, Any]:
    return frontmatter.loads(f"---\n{yaml}---\n").data


# -- the cases of the issue: values that once depended on the parser ---------


@pytest.mark.parametrize(
    "text", [".iNf", ".Nan", "+.iNf", "2E6_", ".5_", "75.5_2", "1e3_0", "._7", "1_000", "0b101"]
)
def test_numbers_outside_the_core_schema_are_strings(text: str) -> None:
    """Only the core schema's spellings are numbers: ``.iNf`` and ``1e3_0`` are text."""
    assert _data(f"k: a\nx: {text}\n") == {"k": "a", "x": text}


@pytest.mark.parametrize(("text", "value"), [(".inf", math.inf), ("-.Inf", -math.inf)])
def test_core_schema_infinities_are_floats(text: str, value: float) -> None:
    assert _data(f"x: {text}\n") == {"x": value}


def test_a_key_that_is_no_core_number_stays_a_string_and_edits_keep_its_comment() -> None:
    """``1.5_4`` is the string "1.5_4"; an unrelated edit leaves the comment above it."""
    doc = frontmatter.loads("---\n# about the key\n1.5_4: x\nk: a\n---\n")
    assert doc.data == {"1.5_4": "x", "k": "a"}
    doc.data["k"] = "b"
    assert frontmatter.dumps(doc) == "---\n# about the key\n1.5_4: x\nk: b\n---\n"


def test_an_unrelated_edit_does_not_rewrite_an_odd_number() -> None:
    """Setting ``k`` leaves ``x: .iNf`` as it was written."""
    doc = frontmatter.loads("---\nk: a\nx: .iNf\n---\n")
    doc.data["k"] = "b"
    assert frontmatter.dumps(doc) == "---\nk: b\nx: .iNf\n---\n"


def test_an_anchor_elsewhere_does_not_change_a_value() -> None:
    assert _data("a: &x 1\nb: *x\nx: .iNf\n") == {"a": 1, "b": 1, "x": ".iNf"}


def test_a_sexagesimal_time_is_a_string_and_round_trips() -> None:
    """``12:30:45`` is text in YAML 1.2; the document dumps back as it was read."""
    text = "---\nk: 12:30:45\n---\n"
    doc = frontmatter.loads(text)
    assert doc.data == {"k": "12:30:45"}
    assert frontmatter.dumps(doc) == text


def test_an_empty_key_in_a_flow_list_is_spec_example_7_21_and_can_be_edited() -> None:
    """``[: b]`` is a list holding the pair null: "b"; an edit elsewhere is written."""
    doc = frontmatter.loads("---\nk: [: b]\nt: x\n---\n")
    assert doc.data == {"k": [{None: "b"}], "t": "x"}
    doc.data["t"] = "y"
    assert frontmatter.dumps(doc) == "---\nk: [: b]\nt: y\n---\n"


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("k:\t1\n", {"k": 1}, id="tab-after-colon"),
        pytest.param("k: [a,\tb]\n", {"k": ["a", "b"]}, id="tab-in-flow"),
        pytest.param("k: {a: 1, # c\n  b: 2}\n", {"k": {"a": 1, "b": 2}}, id="comment-in-flow"),
        pytest.param("k: {a\n  b: 1}\n", {"k": {"a b": 1}}, id="multi-line-flow-key"),
        pytest.param("? a\n: b\n", {"a": "b"}, id="explicit-key"),
        pytest.param("k: >-\n \n  text\n", {"k": "\ntext"}, id="short-leading-blank-line"),
        pytest.param("k: |2\n   x\n", {"k": " x\n"}, id="indentation-indicator"),
        pytest.param('k: "a\\\n  b"\n', {"k": "ab"}, id="escaped-line-break"),
    ],
)
def test_yaml_1_2_constructs_are_read(yaml: str, expected: dict[str, Any]) -> None:
    assert _data(yaml) == expected


# -- line breaks -----------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_duplicate_key_is_reported_on_its_line_whatever_the_line_breaks(newline: str) -> None:
    """The fence is line 1: the second ``a`` is on line 4, column 1."""
    text = newline.join(["---", "a: 1", "b: 2", "a: 3", "---", ""])
    with pytest.raises(DuplicateKeyError) as info:
        frontmatter.loads(text)
    assert (info.value.line, info.value.column) == (4, 1)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_breaks_read_as_newlines(newline: str) -> None:
    yaml = "a: |\n  x\n  y\nb: [1,\n 2]\n".replace("\n", newline)
    assert _data(yaml) == {"a": "x\ny\n", "b": [1, 2]}


def test_a_crlf_edit_lands_where_the_value_is() -> None:
    """Offsets into a CRLF text are the text's own: the edit replaces exactly the value."""
    doc = frontmatter.loads("---\r\na: 1\r\nb: two  # c\r\n---\r\n")
    doc.data["b"] = "three"
    assert frontmatter.dumps(doc) == "---\r\na: 1\r\nb: three  # c\r\n---\r\n"


# -- the error cases of the YAML test suite --------------------------------------


def _suite_errors() -> list[Path]:
    return sorted(SUITE_ERRORS.glob("*.md")) if SUITE_ERRORS.is_dir() else []


@pytest.mark.skipif(not SUITE_ERRORS.is_dir(), reason="the shared corpus is absent")
@pytest.mark.parametrize("path", _suite_errors(), ids=lambda p: p.stem)
def test_every_error_case_of_the_suite_is_refused_with_a_position(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    with pytest.raises(NewsItemError) as info:
        frontmatter.loads(text)
    assert info.value.line is not None
    assert info.value.column is not None
    assert 1 <= info.value.line <= text.count("\n") + 1


@pytest.mark.parametrize(
    ("yaml", "line", "column"),
    [
        pytest.param("a: b: c\n", 2, 5, id="mapping-on-a-value-line"),
        pytest.param("a:\n\tb: 1\n", 3, 1, id="tab-indentation"),
        pytest.param('a: "x\nb: 1\n', 2, 4, id="unclosed-quote"),
        pytest.param("a: [1, 2\n", 2, 4, id="unclosed-flow-list"),
        pytest.param("a: 'x'y\n", 2, 7, id="junk-after-a-quoted-scalar"),
        pytest.param("a: *nowhere\n", 2, 4, id="unknown-alias"),
    ],
)
def test_syntax_errors_are_located(yaml: str, line: int, column: int) -> None:
    with pytest.raises(YAMLSyntaxError) as info:
        frontmatter.loads(f"---\n{yaml}---\n")
    assert (info.value.line, info.value.column) == (line, column)


# -- the values-only half of a load ----------------------------------------------


def _texts() -> list[Path]:
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.md")) + sorted(
        (ROOT / "examples").rglob("*.md")
    )
    if CORPUS.is_dir():
        files += sorted(CORPUS.rglob("*.md"))
    return files


def _outcome(read: Callable[[str], Any], yaml: str) -> Any:
    try:
        return ("ok", _edit_freeze(read(yaml)))
    except NewsItemError as exc:
        return (type(exc), exc.code, exc.line, exc.column, exc.message)


def _edit_freeze(value: Any) -> Any:
    return _edit.freeze(value)


def _values_alone(yaml: str) -> Any:
    return _yaml.values(yaml, line_offset=1)


def _composed(yaml: str) -> Any:
    return _yaml.compose(yaml, line_offset=1).data


def test_values_alone_are_the_composed_values_on_every_file() -> None:
    """A load reads values without the source tree; they, and every error, are compose's."""
    checked = 0
    for path in _texts():
        try:
            yaml = _split.split(_io.decode(path.read_bytes())).yaml
        except NewsItemError:
            continue
        checked += 1
        alone = _outcome(_values_alone, yaml)
        composed = _outcome(_composed, yaml)
        assert alone == composed, path.name
    assert checked > 10


@pytest.mark.parametrize(
    "yaml",
    [
        "a: 1\na: 2\n",
        "a: &x [1, 2]\nb: *x\nc: *y\n",
        "k: !!int x\n",
        "k: !foo x\n",
        "- a\n",
        "a: 1\n---\nb: 2\n",
        "? [a, b]\n: c\n[x]: y\n",
        "a: {b: [c, {d: e}]}\nf: [g: h]\n",
        "k: .nan\n.nan: 1\n.nan: 2\n",
    ],
)
def test_values_alone_agree_on_the_odd_cases(yaml: str) -> None:
    alone = _outcome(_values_alone, yaml)
    composed = _outcome(_composed, yaml)
    assert alone == composed


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        ("a: 1\n# end", {"a": 1}),
        ("a: 1\n#", {"a": 1}),
        ("a:\n  b: 1\n  # end", {"a": {"b": 1}}),
        ("a: |\n  x\n# end", {"a": "x\n"}),
        ("# only a comment", {}),
    ],
)
def test_a_comment_line_may_end_the_text_without_a_line_break(
    yaml: str, expected: dict[str, Any]
) -> None:
    """YAML does not need a line break after the last comment (``l-comment`` ends at the end)."""
    assert _yaml.compose(yaml).data == expected
    assert _yaml.values(yaml) == expected
