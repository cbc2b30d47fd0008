"""Values with the offsets they were written at: what a position needs, and no more.

A reader that will ask where a few values are (lint, for its findings) needs
each value's start, where its text ends (the comment on that line silences a
rule) and nothing else the source tree holds for an edit (nodes for keys,
styles, quote counts). The sink here builds the values as ``_yaml.values``
does and, beside each mapping and sequence, a table of its values' *spots*: a
dict by key for a mapping, a list for a sequence. A spot is the tuple
``(start, last, block, table)``:

* ``start``: where :meth:`FrontMatterDocument.position` puts the value (a
  block mapping at its first key, an alias at the ``*``);
* ``last``: where its text ends, its last descendant's for a block collection,
  its value's for a flow pair (``[k: v]``, a mapping without braces) (where
  :meth:`FrontMatterDocument.comment` looks for the comment);
* ``block``: a ``|`` or ``>`` scalar (whose header line may hold the comment);
* ``table``: its children's spots (an alias: those of its anchor's value), or
  ``None`` for a scalar.

Offsets are recorded for every value, as ints in tuples; lines and columns
are counted only for the values asked about. What the sink does not model (a
collection as a mapping key, ``[a]: b``) or refuses (anything ``_yaml.values``
refuses) gives ``None``: the caller composes the tree, which reports the error
or holds the positions. A differential test holds the spots to the tree's
position and comment of every value of every fixture, example and corpus file.

Where the native build is installed (``_native.located``, the C reader of
``_yaml.values`` recording the same spots) it reads the text first and gives
exactly what this sink gives, or ``None`` for what it leaves to this sink;
``NEWSITEM_PURE=1`` keeps to this sink. tests/test_native.py holds the two
to the same result.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, cast

from . import _parser
from ._scanner import ScanError
from ._yaml import (
    _MAP_TAGS,  # pyright: ignore[reportPrivateUsage]
    _NO_KEY,  # pyright: ignore[reportPrivateUsage]
    _NOT_ONLY_STR,  # pyright: ignore[reportPrivateUsage]
    _SEQ_TAGS,  # pyright: ignore[reportPrivateUsage]
    _checked_tag_value,  # pyright: ignore[reportPrivateUsage]
    _hashable,  # pyright: ignore[reportPrivateUsage]
    _Refused,  # pyright: ignore[reportPrivateUsage]
    _resolve,  # pyright: ignore[reportPrivateUsage]
    crlf_breaks,
)
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["Located", "located", "pure_located"]

# The native build (src/newsitem/_native.c), as _yaml.values uses it.
_native_located: Any = None
if os.environ.get("NEWSITEM_PURE", "") != "1":
    try:
        from ._native import located as _native_located
    except ImportError:  # no compiler at install: the pure build alone
        _native_located = None

Spot = tuple[int, int, bool, Any]  # (start, last, block, table: dict | list | None)


class Located:
    """The values of a YAML text, and where each was written in that text."""

    __slots__ = ("_breaks", "data", "first_key", "root", "source", "text")

    def __init__(
        self, text: str, source: str, data: dict[Any, Any], root: Spot, first_key: int | None
    ) -> None:
        self.text = text
        self.source = source
        """``text`` as the parser read it (line breaks made ``\\n``): what the offsets count in."""
        self.data = data
        self.root = root
        """The spot of the whole mapping: its table holds every value's."""
        self.first_key = first_key
        self._breaks: list[int] | None = None

    def start(self, path: Sequence[str | int]) -> int | None:
        """The offset of the value at ``path``, as the tree's ``position`` finds it.

        Where ``path`` goes further than the text, the deepest value that
        exists; the first key when not even the first step does; ``None`` for
        an empty mapping.
        """
        found: Spot | None = None
        spot = self.root
        for step in path:
            child = _child(spot[3], step)
            if child is None:
                break
            spot = found = child
        if found is None:
            return None if self.first_key is None else self._moved(self.first_key)
        return self._moved(found[0])

    def ends(self, path: Sequence[str | int]) -> list[int] | None:
        """Where the comment of the value at ``path`` may start: after a block scalar's
        header, then after its text. ``None`` when there is no such value.
        """
        spot = self.root
        for step in path:
            child = _child(spot[3], step)
            if child is None:
                return None
            spot = child
        if spot is self.root:
            return None
        start, last, block, _ = spot
        return [self._moved(start), self._moved(last)] if block else [self._moved(last)]

    def _moved(self, offset: int) -> int:
        """An offset into the text as read (the parser counts ``\\r\\n`` as one character)."""
        if self._breaks is None:
            self._breaks = crlf_breaks(self.text)
        return offset + bisect_left(self._breaks, offset) if self._breaks else offset


def _child(table: Any, step: object) -> Spot | None:
    if type(table) is dict:
        spots = cast("dict[object, Spot]", table)
        try:
            spot = spots.get(step)
        except TypeError:  # an unhashable step names no key
            return None
        if spot is None or type(step) is str:
            return spot
        # A number: the key must be of its type (the tree's test: 1 is not 1.0 nor True).
        for key in spots:
            if key == step and type(key) is type(step):
                return spot
        return None
    if type(table) is list and isinstance(step, int):
        items = cast("list[Spot]", table)
        return items[step] if 0 <= step < len(items) else None
    return None


def located(text: str, *, limits: Limits = DEFAULT_LIMITS) -> Located | None:
    """The values of the YAML ``text`` with their spots; ``None`` where the tree is needed.

    The native build first, where installed; what it leaves, this module's sink.
    """
    source = _parser.normalized(text)
    if _native_located is not None:
        native = _native_located(source, limits.max_nodes, limits.max_depth, _resolve)
        if native is not None:
            data, root, first_key = native
            return Located(text, source, data, root, first_key)
    return _pure(source, text, limits)


def pure_located(text: str, *, limits: Limits = DEFAULT_LIMITS) -> Located | None:
    """:func:`located` by this module's sink alone, the native build aside."""
    return _pure(_parser.normalized(text), text, limits)


def _pure(source: str, text: str, limits: Limits) -> Located | None:
    sink = _Sink(source, limits)
    try:
        _parser.parse(source, sink)
    except (ScanError, _Refused, RecursionError):
        return None
    root = sink.root
    if root is _NO_KEY:  # empty, or only comments
        return Located(text, source, {}, (len(source), len(source), False, {}), None)
    if type(root) is not dict:
        return None
    return Located(text, source, root, sink.root_spot, sink.root_first_key)  # pyright: ignore[reportUnknownArgumentType]


class _Sink:
    """``_yaml._Values`` with a spot for each value, the composer's offsets.

    Each frame of the stack: ``[container, table, anchor, expanded at its
    start, start, flow, first key's start]``.
    """

    def __init__(self, text: str, limits: Limits) -> None:
        self.text = text
        self.max_nodes = limits.max_nodes
        self.max_depth = limits.max_depth
        self.expanded = 0
        self.documents = 0
        self.anchors: dict[str, tuple[Any, int, Spot]] = {}
        self.stack: list[list[Any]] = []
        self.keys: list[Any] = []  # per open mapping: (key, its end) pending, or _NO_KEY
        self.taken: Any = _NO_KEY  # the pending key the last value was added under
        self.root: Any = _NO_KEY
        self.root_spot: Spot = (0, 0, False, None)
        self.root_first_key: int | None = None

    def document(self, start: int) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _Refused

    def _add(self, value: Any, spot: Spot) -> None:
        stack = self.stack
        if not stack:
            self.root, self.root_spot = value, spot
            return
        frame = stack[-1]
        container: Any = frame[0]
        if type(container) is list:
            container.append(value)  # pyright: ignore[reportUnknownMemberType]
            frame[1].append(spot)
            return
        keys = self.keys
        key = keys[-1]
        if key is _NO_KEY:
            if not _hashable(value):
                raise _Refused  # a collection as a key: the composer places it
            keys[-1] = (value, spot[1])
            if frame[6] is None:
                frame[6] = spot[0]
            return
        keys[-1] = _NO_KEY
        self.taken = key
        key = key[0]
        if key in container:
            raise _Refused
        container[key] = value
        frame[1][key] = spot

    def plain(self, value: str, start: int, end: int) -> None:
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        resolved = value if value and value[0] not in _NOT_ONLY_STR else _resolve(value)
        self._add(resolved, (start, end, False, None))

    def entry(
        self,
        key: str,
        key_start: int,
        key_end: int,
        value: str,
        start: int,
        end: int,
        style: str | None,
    ) -> None:
        key_value = key if key and key[0] not in _NOT_ONLY_STR else _resolve(key)
        self.expanded += 2
        frame = self.stack[-1]
        container: Any = frame[0]
        if self.expanded > self.max_nodes or key_value in container:
            raise _Refused
        if style is None and value[0] in _NOT_ONLY_STR:  # never empty: see _parser._VALUE
            container[key_value] = _resolve(value)
        else:
            container[key_value] = value
        frame[1][key_value] = (start, end, False, None)
        if frame[6] is None:
            frame[6] = key_start

    def item(self, value: str, start: int, end: int, style: str | None) -> None:
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        frame = self.stack[-1]
        if style is None and value[0] in _NOT_ONLY_STR:  # never empty: see _parser._VALUE
            frame[0].append(_resolve(value))
        else:
            frame[0].append(value)
        frame[1].append((start, end, False, None))

    def scalar(
        self,
        value: str,
        start: int,
        end: int,
        style: str | None,
        anchor: str | None,
        tag: str | None,
        properties: int,
    ) -> None:
        if tag is None:
            resolved = _resolve(value) if style is None else value
        else:
            resolved = _checked_tag_value(value, tag)
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        if start == end and style is None and anchor is None and tag is None:
            start = end = self._empty_at(start)
        spot = (start, end, style == "|" or style == ">", None)
        if anchor is not None:
            self.anchors[anchor] = (resolved, 1, spot)
        self._add(resolved, spot)

    def _empty_at(self, start: int) -> int:
        """Where the composer puts an empty value: right after its ``:``, ``-``, ``?`` or ``,``."""
        if not self.stack:
            return start
        text = self.text
        if type(self.stack[-1][0]) is dict:
            key = self.keys[-1]
            if key is not _NO_KEY:
                key_end: int = key[1]
                at = key_end
                while at < len(text) and text[at] in " \t":
                    at += 1
                return at + 1 if at < len(text) and text[at] == ":" else key_end
            if text.startswith(":", start):
                return start  # an empty key (":" alone), at its ":"
        at = start
        while at > 0 and text[at - 1] in " \t\r\n":
            at -= 1
        return at

    def alias(self, name: str, start: int, end: int) -> None:
        if name not in self.anchors:
            raise _Refused
        value, size, spot = self.anchors[name]
        self.expanded += size
        if self.expanded > self.max_nodes:
            raise _Refused
        self._add(value, (start, end, False, spot[3]))

    def open(
        self, mapping: bool, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None:
        if tag is not None and tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
            raise _Refused
        if len(self.stack) >= self.max_depth:
            raise _Refused
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        if mapping:
            self.stack.append([{}, {}, anchor, self.expanded, start, flow, None])
            self.keys.append(_NO_KEY)
        else:
            self.stack.append([[], [], anchor, self.expanded, start, flow, None])

    def close(self, end: int) -> None:
        frame = self.stack.pop()
        container, table = frame[0], frame[1]
        spot: Spot
        if type(container) is dict:
            self.keys.pop()
            first_key = frame[6]
            spots: dict[object, Spot] = table
            if frame[5] and self.text[end - 1] == "}":  # a flow mapping, to its "}"
                spot = (frame[4], end, False, table)
            else:
                # A block mapping, or a flow pair (``[k: v]``): it starts at its first
                # key's text (past the key's properties) and ends with its last value.
                spot = (first_key, next(reversed(spots.values()))[1], False, spots)
            if not self.stack:
                self.root_first_key = first_key
        else:
            items: list[Spot] = table
            spot = (frame[4], end if frame[5] or not items else items[-1][1], False, items)
        if frame[2] is not None:  # an anchor
            self.anchors[frame[2]] = (container, self.expanded - frame[3] + 1, spot)
        self._add(container, spot)

    def key_of_last(
        self, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None:
        """The value just added is the first key of a new mapping (``"a": 1``, ``[a]: b``)."""
        value: Any
        spot: Spot
        if not self.stack:
            value, spot = self.root, self.root_spot
        else:
            frame = self.stack[-1]
            items: Any = frame[0]
            if type(items) is list:
                value, spot = items.pop(), frame[1].pop()  # pyright: ignore[reportUnknownVariableType]
            elif self.keys[-1] is _NO_KEY:
                # The value of the last key (``m:`` then ``  "k": v``): that key is
                # pending again, for the new mapping.
                _, value = items.popitem()
                _, spot = frame[1].popitem()
                self.keys[-1] = self.taken
            else:  # a key (``? "k": v``): the new mapping would be a key, for the composer
                raise _Refused
        self.open(True, flow, start, anchor, tag, at)
        self._add(value, spot)  # refused when a collection: the composer places such keys
