"""Writing new values as YAML text, in a given layout and quoting style.

Only what an edit adds passes through here; unchanged text is never
re-rendered. Strings are never folded: a long string stays on one line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from . import _scalars
from .errors import EditError

# Characters that may not start a plain scalar.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}")
# Not printable in YAML, or read as a line break: escape in double quotes.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\x00": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')


@dataclass(frozen=True, slots=True)
class Layout:
    """The file's habits, used for whatever an edit has to write anew."""

    indent: int = 2
    """Columns a nested mapping is indented by."""
    indent_sequences: bool = True
    """``True``: ``  - item`` under its key; ``False``: ``- item`` at the key's column."""
    quote: str = '"'
    """Quote used when a string cannot be plain."""
    item_offset: int = 2
    """Columns from a dash to its item's content: 2 for ``- key``, 4 for ``-   key``."""
    newline: str = "\n"


class Quoted(str):
    """A new string to be written in quotes even where plain would do."""

    __slots__ = ()


def double_quoted(text: str) -> str:
    """``text`` as a double-quoted scalar on one line."""

    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        known = _ESCAPES.get(char)
        if known is not None:
            return known
        code = ord(char)
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


def single_quoted(text: str) -> str | None:
    """``text`` as a single-quoted scalar, or ``None`` when it cannot be one."""
    if "\n" in text or "\r" in text or "\t" in text or _UNPRINTABLE.search(text):
        return None
    return "'" + text.replace("'", "''") + "'"


def plain(text: str, *, flow: bool = False) -> str | None:
    """``text`` as a plain scalar, or ``None`` when it would read back differently."""
    if not text or text != text.strip(" \t") or _UNPRINTABLE.search(text):
        return None
    if "\n" in text or "\r" in text or "\t" in text:
        return None
    first = text[0]
    if first in _INDICATORS:
        if first not in "-?:" or len(text) == 1 or text[1] in " \t" or flow:
            return None
        if first == "-" and text.startswith("---"):
            return None
    if text.startswith("..."):
        return None
    if ": " in text or " #" in text or text.endswith(":"):
        return None
    if flow and (any(c in _FLOW_INDICATORS for c in text) or ":" in text):
        return None
    if _scalars.resolve(text) != text or not isinstance(_scalars.resolve(text), str):
        return None
    return text


def string(text: str, *, style: str | None, layout: Layout, flow: bool = False) -> str:
    """``text`` in ``style`` (``None`` plain, ``'`` or ``"``) or, failing that, the file's quote."""
    if style is None:
        written = plain(text, flow=flow)
        if written is not None:
            return written
        style = layout.quote
    if style == "'":
        written = single_quoted(text)
        if written is not None:
            return written
    return double_quoted(text)


def scalar(value: Any, *, layout: Layout, flow: bool = False) -> str:
    """A new scalar value, written as the reference file would write it."""
    if isinstance(value, str):
        style = layout.quote if isinstance(value, Quoted) else None
        return string(value, style=style, layout=layout, flow=flow)
    written = _scalars.format_plain(value)
    if written is None:
        raise EditError(f"cannot write a value of type {type(value).__name__} as YAML")
    return written


def is_scalar(value: Any) -> bool:
    """Whether ``value`` is written as a scalar (not a list or mapping)."""
    return value is None or isinstance(value, str | int | float | bool | dt.date)


def as_mapping(value: object) -> Mapping[Any, Any] | None:
    """``value`` as a mapping, or ``None`` when it is not one."""
    if not isinstance(value, Mapping):
        return None
    mapping: Mapping[Any, Any] = value  # pyright: ignore[reportUnknownVariableType]
    return mapping


def as_list(value: object) -> Sequence[Any] | None:
    """``value`` as a list or tuple, or ``None`` when it is neither."""
    return cast("Sequence[Any]", value) if isinstance(value, list | tuple) else None


def inline(value: Any, *, layout: Layout, flow: bool = True) -> str:
    """``value`` on one line: a scalar, or a flow collection."""
    mapping = as_mapping(value)
    if mapping is not None:
        items = [f"{flow_key(k, layout)}: {inline(v, layout=layout)}" for k, v in mapping.items()]
        return "{" + ", ".join(items) + "}"
    sequence = as_list(value)
    if sequence is not None:
        return "[" + ", ".join(inline(v, layout=layout) for v in sequence) + "]"
    if is_scalar(value):
        return scalar(value, layout=layout, flow=flow)
    raise EditError(f"cannot write a value of type {type(value).__name__} as YAML")


def _complex(key: Any) -> bool:
    """Whether ``key`` is a list or a mapping, which YAML writes as an explicit key."""
    return as_mapping(key) is not None or as_list(key) is not None


def flow_key(key: Any, layout: Layout) -> str:
    """A key inside a flow mapping; a list or mapping key as ``? key `` (YAML 1.2, 7.3)."""
    if _complex(key):
        return f"? {inline(key, layout=layout)} "
    return scalar(key, layout=layout, flow=True)


def entry_lines(key: Any, value: Any, column: int, layout: Layout) -> list[str]:
    """``key: value`` as block lines, the key at ``column`` (first line unindented).

    A list or mapping key is written as an explicit entry: ``? key`` then
    ``: value`` on the next line, at the key's column.
    """
    first, *rest = value_lines(value, column, layout)
    if _complex(key):
        return ["? " + inline(key, layout=layout), " " * column + ":" + first, *rest]
    head = scalar(key, layout=layout)
    if isinstance(key, str) and (head.startswith(("---", "..."))):
        head = double_quoted(key)
    return [head + ":" + first, *rest]


def value_lines(value: Any, column: int, layout: Layout) -> list[str]:
    """What follows ``key:`` for a key at ``column``: `` value``, or ``""`` then block lines."""
    if not _is_block(value):
        return [" " + inline(value, layout=layout, flow=False)]
    mapping = as_mapping(value)
    if mapping is not None:
        return ["", *_indent(mapping_lines(mapping, column + layout.indent, layout))]
    dash = column + (layout.indent if layout.indent_sequences else 0)
    return ["", *_indent(sequence_lines(value, dash, layout))]


def mapping_lines(value: Mapping[Any, Any], column: int, layout: Layout) -> list[tuple[int, str]]:
    """A block mapping as (column, text) lines."""
    lines: list[tuple[int, str]] = []
    for key, item in value.items():
        first, *rest = entry_lines(key, item, column, layout)
        lines.append((column, first))
        lines.extend(_dedent(rest))
    return lines


def sequence_lines(value: Sequence[Any], column: int, layout: Layout) -> list[tuple[int, str]]:
    """A block sequence, dashes at ``column``, as (column, text) lines."""
    lines: list[tuple[int, str]] = []
    for item in value:
        first, *rest = item_lines(item, column, layout)
        lines.append((column, first))
        lines.extend(_dedent(rest))
    return lines


def item_lines(value: Any, column: int, layout: Layout, *, offset: int | None = None) -> list[str]:
    """``- value`` as block lines, the dash at ``column`` (first line unindented).

    ``offset`` is where the item's content starts after the dash (``-   key``
    has 4), so that a new item takes the shape of its neighbours.
    """
    offset = layout.item_offset if offset is None else offset
    dash = "-" + " " * (offset - 1)
    if not _is_block(value):
        return [f"{dash}{inline(value, layout=layout, flow=False)}"]
    inner = column + offset
    mapping = as_mapping(value)
    nested = (
        mapping_lines(mapping, inner, layout)
        if mapping is not None
        else sequence_lines(value, inner, layout)
    )
    (_, first), *rest = nested
    return [f"{dash}{first}", *_indent(rest)]


def block_scalar(text: str, style: str, indent: int, newline: str) -> str | None:
    """``text`` as a block scalar with content at column ``indent``, or ``None``.

    The style (``|`` or ``>``) is kept and the chomping chosen to fit. A folded
    scalar is kept only for one line, which folding cannot change. The result
    ends where the last content line ends: trailing line breaks belong to the
    text around it.
    """
    body = text.rstrip("\n")
    if not body or body[0] in " \t" or "\r" in text or _UNPRINTABLE.search(text):
        return None
    if style == ">" and ("\n" in body or body != body.rstrip(" \t")):
        style = "|"
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    pad = " " * indent
    lines = [pad + line if line else "" for line in body.split("\n")]
    lines.extend([""] * max(trailing - 1, 0))
    return newline.join([style + chomp, *lines])


def _is_block(value: Any) -> bool:
    collection = as_mapping(value) or as_list(value)
    return bool(collection)


def _indent(lines: list[tuple[int, str]]) -> list[str]:
    return [" " * column + text for column, text in lines]


def _dedent(lines: list[str]) -> list[tuple[int, str]]:
    return [(0, text) for text in lines]
