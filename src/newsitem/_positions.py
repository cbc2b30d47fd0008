"""Line and column of an offset: the one place positions are counted.

YAML 1.2 and the format have three line breaks, ``\\r\\n``, ``\\r`` and ``\\n``,
each ending one line. Every position the library reports (errors, the
position of a value) is counted here, so that a file with old Mac line ends
(a lone ``\\r``) is numbered like any other.
"""

from __future__ import annotations


def line_column(text: str, offset: int, line_offset: int = 0) -> tuple[int, int]:
    """1-based ``(line, column)`` of ``text[offset]``, the line moved down by ``line_offset``.

    ``\\r\\n``, ``\\r`` and ``\\n`` each end one line; an offset between the
    ``\\r`` and the ``\\n`` of a CRLF is still on the line they end. The column
    counts characters from the start of the line, the first being column 1.
    """
    offset = max(0, min(offset, len(text)))
    end = offset
    if 0 < offset < len(text) and text[offset] == "\n" and text[offset - 1] == "\r":
        end = offset - 1  # on the "\n" of a "\r\n": the break has not ended yet
    breaks = text.count("\n", 0, end)
    if "\r" in text:
        breaks += text.count("\r", 0, end) - text.count("\r\n", 0, end)
    start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
    return breaks + 1 + line_offset, offset - start + 1


def line_start(text: str, offset: int) -> int:
    """The offset at which the line holding ``text[offset]`` starts."""
    end = offset
    if 0 < offset < len(text) and text[offset] == "\n" and text[offset - 1] == "\r":
        end = offset - 1
    return max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
