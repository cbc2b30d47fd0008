"""A text whose lines end in a lone CR is numbered, read and edited like any other."""

from __future__ import annotations

import io

import pytest

from newsitem import errors, frontmatter
from newsitem.limits import Limits


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("---\ra: 1\rb: 2\ra: 3\r---\r", "duplicate-key", 4, 1),
        ("---\ra: 1\rb: !foo x\r---\r", "unsupported-tag", 3, 4),
        ("---\ra: 1\rb: *nope\r---\r", "yaml-syntax", 3, 4),
        ("---\ra: 1\rb: x\x00\r---\r", "invalid-character", 3, 5),
        ("---\ra: 1\rb: 2\r--- junk\r", "fence-trailing-text", 4, 4),
        ("---\ra: 1\rb: c: d\r---\r", "yaml-syntax", 3, 5),
        ("---\ra: 1\r\rb: [x\r---\r", "yaml-syntax", 4, 4),
    ],
)
def test_errors_name_the_real_line_and_column(text: str, code: str, line: int, column: int) -> None:
    """Every error in a lone-CR text points at the line and column a reader sees."""
    with pytest.raises(errors.NewsItemError) as caught:
        frontmatter.loads(text)
    assert (caught.value.code, caught.value.line, caught.value.column) == (code, line, column)


def test_duplicate_key_message_names_the_first_line() -> None:
    """The message's "first given at" counts lone CRs too."""
    with pytest.raises(errors.DuplicateKeyError) as caught:
        frontmatter.loads("---\rx: 0\ra: 1\ra: 3\r---\r")
    assert caught.value.message == "duplicate key 'a' (first given at line 3, column 1)"
    assert (caught.value.line, caught.value.column) == (4, 1)


def test_depth_limit_is_reported_at_its_line() -> None:
    """The nesting limit names the line of the mapping that goes too deep."""
    with pytest.raises(errors.LimitExceededError) as caught:
        frontmatter.loads("---\ra: 1\rb:\r  c:\r    d: 1\r---\r", limits=Limits(max_depth=2))
    assert (caught.value.line, caught.value.column) == (5, 5)


def test_node_limit_is_reported_at_its_line() -> None:
    """The node limit names the line of the value that passes it."""
    with pytest.raises(errors.LimitExceededError) as caught:
        frontmatter.loads("---\ra: 1\rb: 2\rc: [1, 2]\r---\r", limits=Limits(max_nodes=6))
    assert caught.value.line == 4


def test_invalid_utf8_is_reported_at_its_line() -> None:
    """A bad byte after lone CRs is on the line the CRs end."""
    with pytest.raises(errors.DecodeError) as caught:
        frontmatter.load(io.BytesIO(b"---\ra: 1\rb: \xff\r---\r"))
    assert (caught.value.line, caught.value.column) == (3, 4)


def test_position_of_a_value_counts_lone_crs() -> None:
    """``position`` gives the file line of a value below lone-CR lines."""
    doc = frontmatter.loads("---\ra: 1\rb:\r  - x\r  - y\r---\r")
    assert doc.position(("b", 1)) == (5, 5)
