"""Positions are counted in one place, with ``\\r\\n``, ``\\r`` and ``\\n`` each one line break."""

from __future__ import annotations

import pytest

from newsitem._positions import line_column


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("abc", 3, (1, 4)),
        ("a\nbc", 2, (2, 1)),
        ("a\nbc", 3, (2, 2)),
        ("a\rbc", 2, (2, 1)),
        ("a\rbc", 3, (2, 2)),
        ("a\r\nbc", 3, (2, 1)),
        ("a\r\nbc", 4, (2, 2)),
        ("a\r\nbc", 1, (1, 2)),  # on the "\r"
        ("a\r\nbc", 2, (1, 3)),  # on the "\n" of the same break
        ("a\r\rb", 2, (2, 1)),
        ("a\r\rb", 3, (3, 1)),
        ("a\n\r\nb\rc\nd", 7, (4, 2)),
        ("\n\n", 2, (3, 1)),
    ],
)
def test_line_column_counts_every_kind_of_line_break(
    text: str, offset: int, expected: tuple[int, int]
) -> None:
    """Each break ends one line, a CRLF counting once; columns start at 1 after the break."""
    assert line_column(text, offset) == expected


def test_line_offset_moves_the_line_only() -> None:
    """``line_offset`` is added to the line (the lines above the text), never to the column."""
    assert line_column("a\rbc", 3, 1) == (3, 2)
    assert line_column("abc", 1, 5) == (6, 2)
