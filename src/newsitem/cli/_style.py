"""The reference style: a news item's front matter written as the reference file writes it.

Keys in the format's order (a key the model does not know stays after the
known key it followed), two-space indentation, block lists under their key
(``  - item``), mappings in lists continued at four spaces, the format's
quoted fields (titles, excerpts, URLs, ``secured``) double-quoted on one line,
other strings plain where YAML allows, timestamps plain, and a blank line on
either side of a top-level list or mapping. Comments are kept: a comment on
its own line goes with the entry after it, a comment after a value stays at
the end of that entry's first line. The BOM, the line breaks and the body are
kept; scalars already in the reference style keep their exact text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any, get_args

import pydantic

from .. import _render, _scalars, _split, _yaml
from .._nodes import AliasNode, MappingNode, Node, ScalarNode, SequenceNode, resolved
from ..api import loads
from ..errors import EditError
from ..models import Article, Timestamp, field_keys, quoted_keys
from ._fields import model_of

__all__ = ["reference_style"]

Path = tuple[Any, ...]

_INDENT = 2
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_REFERENCE = _render.Layout(indent=2, indent_sequences=True, quote='"', newline="\n")


def reference_style(text: str, model: type[Article] = Article) -> str:
    """``text`` (a valid item of ``model``) in the reference style; the same text if it is.

    Raises :class:`~newsitem.errors.EditError` when the result would not read
    back as the same item (nothing should be written then).
    """
    parts = _split.split(text)
    composed = _yaml.compose(parts.yaml, line_offset=1)
    comments = _Comments.of(parts.yaml, composed.root)
    writer = _Writer(parts.yaml, comments, quoted_keys(model))
    lines = writer.top(composed.root, composed.data, model)
    lines.extend(comments.last)
    newline = parts.newline
    yaml = "".join(line + "\n" for line in lines).replace("\n", newline)
    tail_break = _LINE_BREAK.search(parts.tail)
    tail = "---" + (tail_break.group(0) if tail_break else "")
    result = parts.bom + "---" + newline + yaml + tail + parts.body
    if result != text:
        _check_same(text, result, model)
    return result


def _check_same(old: str, new: str, model: type[Article]) -> None:
    before, after = loads(old, model=model), loads(new, model=model)
    same = after.body == before.body and after.article.model_dump_json(
        by_alias=True, exclude_unset=True
    ) == before.article.model_dump_json(by_alias=True, exclude_unset=True)
    if not same:  # pragma: no cover - a bug of the formatter: refuse, do not write
        raise EditError("formatting would change the item's values; nothing was written")


@dataclass
class _Comments:
    """The comments of a YAML text, by the entry they belong to."""

    leading: dict[Path, list[str]] = field(default_factory=dict[Path, list[str]])
    trailing: dict[Path, str] = field(default_factory=dict[Path, str])
    last: list[str] = field(default_factory=list[str])
    """Comment lines after the last entry."""

    @classmethod
    def of(cls, yaml: str, root: MappingNode) -> _Comments:
        anchors: list[tuple[int, Path]] = []
        scalars: list[tuple[int, int]] = []
        _walk(yaml, root, (), anchors, scalars)
        anchors.sort(key=lambda anchor: anchor[0])
        scalars.sort()
        starts = [anchor[0] for anchor in anchors]
        found = cls()
        for start, gap, comment, alone in _find_comments(yaml, scalars):
            if alone:
                after = bisect.bisect_right(starts, start)
                if after == len(anchors):
                    found.last.append(comment)
                else:
                    found.leading.setdefault(anchors[after][1], []).append(comment)
                continue
            line_start = yaml.rfind("\n", 0, start) + 1
            first = bisect.bisect_left(starts, line_start)
            if first < len(anchors) and starts[first] < start:
                path = anchors[first][1]
            else:  # after a value that began on an earlier line: its entry
                before = bisect.bisect_left(starts, start) - 1
                if before < 0:
                    found.leading.setdefault(anchors[0][1] if anchors else (), []).append(comment)
                    continue
                path = anchors[before][1]
            joined = found.trailing.get(path)
            found.trailing[path] = " " * gap + comment if joined is None else joined + comment
        return found


def _walk(
    yaml: str,
    node: Node,
    path: Path,
    anchors: list[tuple[int, Path]],
    scalars: list[tuple[int, int]],
) -> None:
    """Record where each entry starts (a key, a dash) and the text spans of the scalars."""
    if isinstance(node, AliasNode):
        return
    if isinstance(node, ScalarNode):
        scalars.append((node.start, node.end))
    elif isinstance(node, MappingNode):
        for key, value in zip(node.keys, node.values, strict=True):
            scalars.append((key.start, key.end))
            anchors.append((key.start, (*path, key.value)))
            _walk(yaml, value, (*path, key.value), anchors, scalars)
    else:
        for index, item in enumerate(node.items):
            start = _item_start(item)
            if not node.flow:
                start = yaml.rfind("-", 0, start)
            anchors.append((start, (*path, index)))
            _walk(yaml, item, (*path, index), anchors, scalars)


def _item_start(node: Node) -> int:
    node_ = node
    if isinstance(node_, MappingNode) and not node_.flow and node_.keys:
        return node_.keys[0].start
    return node_.start


def _find_comments(yaml: str, scalars: list[tuple[int, int]]) -> list[tuple[int, int, str, bool]]:
    """``(offset, spaces before, text, alone on its line)`` of each comment of ``yaml``."""
    found: list[tuple[int, int, str, bool]] = []
    ends = [end for _, end in scalars]
    offset = 0
    for line in yaml.splitlines(keepends=True):
        at = -1
        while True:
            at = line.find("#", at + 1)
            if at < 0:
                break
            absolute = offset + at
            if at > 0 and line[at - 1] not in " \t":
                continue
            inside = bisect.bisect_right(ends, absolute)
            if inside < len(scalars) and scalars[inside][0] <= absolute:
                continue  # in a scalar's text
            comment = line[at:].rstrip("\r\n")
            before = line[:at]
            gap = len(before) - len(before.rstrip(" \t"))
            found.append((absolute, max(gap, 1), comment, not before.strip()))
            break
        offset += len(line)
    return found


class _Writer:
    def __init__(self, yaml: str, comments: _Comments, quoted: frozenset[str]) -> None:
        self._yaml = yaml
        self._comments = comments
        self._quoted = quoted

    def top(
        self, root: MappingNode, data: dict[Any, Any], model: type[pydantic.BaseModel]
    ) -> list[str]:
        lines: list[str] = []
        previous_block = False
        for key, node in _ordered(root, model):
            value = data[key]
            block = _is_block(value)
            if lines and (block or previous_block):
                lines.append("")
            lines.extend(self._entry(key, value, node, (key,), 0, model_of(model, key)))
            previous_block = block
        return lines

    def _entry(
        self,
        key: Any,
        value: Any,
        node: Node | None,
        path: Path,
        column: int,
        model: type[pydantic.BaseModel] | None,
    ) -> list[str]:
        """The lines of ``key: value`` with the key at ``column``, leading comments first."""
        pad = " " * column
        lines = [pad + comment for comment in self._comments.leading.get(path, ())]
        trailing = self._comments.trailing.get(path, "")
        head = f"{pad}{self._key(key)}:"
        target = resolved(node) if node is not None else None
        if not _is_block(value):
            scalar_node = target if isinstance(target, ScalarNode) else None
            text = self._inline(key, value, scalar_node)
            lines.append(f"{head} {text}{trailing}")
            return lines
        lines.append(head + trailing)
        lines.extend(self._block(key, value, target, path, column + _INDENT, model))
        return lines

    def _block(
        self,
        key: Any,
        value: Any,
        node: Node | None,
        path: Path,
        column: int,
        model: type[pydantic.BaseModel] | None,
    ) -> list[str]:
        """A non-empty list (dashes at ``column``) or mapping (keys at ``column``)."""
        entries = _render.as_mapping(value)
        if entries is not None:
            mapping = node if isinstance(node, MappingNode) else None
            lines: list[str] = []
            for child, child_node in _ordered_value(mapping, dict(entries), model):
                lines.extend(
                    self._entry(
                        child,
                        entries[child],
                        child_node,
                        (*path, child),
                        column,
                        model_of(model, child) if model is not None else None,
                    )
                )
            return lines
        sequence = node if isinstance(node, SequenceNode) else None
        lines = []
        for index, item in enumerate(value):
            item_node = sequence.items[index] if sequence is not None else None
            lines.extend(self._item(key, item, item_node, (*path, index), column, model))
        return lines

    def _item(
        self,
        key: Any,
        value: Any,
        node: Node | None,
        path: Path,
        column: int,
        model: type[pydantic.BaseModel] | None,
    ) -> list[str]:
        """``- value`` with the dash at ``column``; a mapping's first key on the dash line."""
        pad = " " * column
        lines = [pad + comment for comment in self._comments.leading.get(path, ())]
        trailing = self._comments.trailing.get(path, "")
        target = resolved(node) if node is not None else None
        if not _is_block(value):
            scalar_node = target if isinstance(target, ScalarNode) else None
            lines.append(f"{pad}- {self._inline(key, value, scalar_node)}{trailing}")
            return lines
        inner = self._block(key, value, target, path, column + _INDENT, model)
        # The first content line moves up onto the dash; comments before it stay above.
        first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
        lines.extend(pad + line.lstrip() for line in inner[:first])
        lines.append(f"{pad}- {inner[first][column + _INDENT :]}{trailing}")
        lines.extend(inner[first + 1 :])
        return lines

    def _key(self, key: Any) -> str:
        text = _render.scalar(key, layout=_REFERENCE)
        if isinstance(key, str) and text.startswith(("---", "...")):
            return _render.double_quoted(key)
        return text

    def _inline(self, key: Any, value: Any, node: ScalarNode | None) -> str:
        """A scalar (or an empty list or mapping) as the reference writes it."""
        if isinstance(value, list | dict):
            return "[]" if isinstance(value, list) else "{}"
        source = self._source(node)
        if isinstance(value, str):
            if key in self._quoted:
                if source is not None and node is not None and node.style == '"':
                    return source
                return _render.double_quoted(value)
            if key in _timestamp_keys() and isinstance(_scalars.resolve(value), dt.datetime):
                return value  # a quoted timestamp: plain, as the reference writes it
            if source is not None and node is not None and node.style is None:
                return source
            written = _render.plain(value)
            return written if written is not None else _render.double_quoted(value)
        if isinstance(value, dt.datetime):
            if source is not None and node is not None and node.style is None:
                return source
            return _scalars.format_timestamp(value)
        written = _scalars.format_plain(value)
        if written is None:  # pragma: no cover - the composer builds only these types
            raise EditError(f"cannot write a value of type {type(value).__name__}")
        return written

    def _source(self, node: ScalarNode | None) -> str | None:
        """The text of ``node`` when it is on one line and untagged, else None."""
        if node is None or node.tagged:
            return None
        text = self._yaml[node.start : node.end]
        return None if "\n" in text or "\r" in text else text


def _ordered(root: MappingNode, model: type[pydantic.BaseModel]) -> list[tuple[Any, Node]]:
    return [(key, node) for key, node in _ordered_value(root, None, model) if node is not None]


def _ordered_value(
    node: MappingNode | None,
    value: dict[Any, Any] | None,
    model: type[pydantic.BaseModel] | None,
) -> list[tuple[Any, Node | None]]:
    """The keys of a mapping in the format's order, each with its node when it has one.

    A key the model does not know follows the known key it followed in the file.
    """
    if node is not None:
        pairs: list[tuple[Any, Node | None]] = [
            (key.value, child) for key, child in zip(node.keys, node.values, strict=True)
        ]
    else:
        pairs = [(key, None) for key in value or {}]
    if model is None:
        return pairs
    order = {key: index for index, key in enumerate(field_keys(model))}
    groups: list[list[tuple[Any, Node | None]]] = [[]]  # [0]: unknown keys before any known
    known: list[tuple[int, int]] = []  # (place in the format, group)
    for pair in pairs:
        if isinstance(pair[0], str) and pair[0] in order:
            known.append((order[pair[0]], len(groups)))
            groups.append([pair])
        else:
            groups[-1].append(pair)
    result = list(groups[0])
    for _, group in sorted(known):
        result.extend(groups[group])
    return result


def _holds(annotation: Any, wanted: Any) -> bool:
    """Whether ``annotation`` is ``wanted`` or has it among its arguments (``X | None``)."""
    if annotation == wanted:
        return True
    return any(_holds(argument, wanted) for argument in get_args(annotation))


def _is_block(value: Any) -> bool:
    collection = _render.as_mapping(value) or _render.as_list(value)
    return bool(collection)


@functools.cache
def _timestamp_keys() -> frozenset[str]:
    """The file keys whose values are timestamps, in the article and the models inside it."""
    found: set[str] = set()
    pending: list[type[pydantic.BaseModel]] = [Article]
    seen: set[type[pydantic.BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            key = info.alias or name
            if _holds(info.annotation, Timestamp):
                found.add(key)
            inner = model_of(model, key)
            if inner is not None:
                pending.append(inner)
    return frozenset(found)
