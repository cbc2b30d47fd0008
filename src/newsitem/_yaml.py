"""The YAML reader: newsitem's own YAML 1.2 parser, and the composer that builds values.

``_parser`` reads the YAML text (with ``_scanner`` for the scalars) and tells
the composer here what it finds, with offsets into the text. The composer
builds two trees at once: plain Python values for the caller, and the source
tree (``_nodes``) that records where each value was written. It keeps alias
sites, rejects duplicate keys and unknown tags, bounds alias expansion and
nesting, and resolves plain scalars by the YAML 1.2 core schema
(``_scalars``). There is one reader: every text is read the same way.
"""

from __future__ import annotations

import base64
import os
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from . import _parser, _scalars
from ._nodes import AliasNode, MappingNode, Node, ScalarNode, SequenceNode, last_offset
from ._positions import line_column
from ._render import as_list, as_mapping
from ._scalars import FrozenMapping
from ._scanner import ScanError
from .errors import (
    DuplicateKeyError,
    LimitExceededError,
    StructureError,
    UnsupportedTagError,
    YAMLSyntaxError,
)
from .limits import DEFAULT_LIMITS, Limits

Value = Any  # dict | list | Scalar: recursive, so typed loosely

# The native build of values() (src/newsitem/_native.c), where it was compiled
# at install; NEWSITEM_PURE=1 in the environment (read once, at import) keeps
# to the pure build. Both give the same values: see values().
_native_values: Any = None
if os.environ.get("NEWSITEM_PURE", "") != "1":
    try:
        from ._native import values as _native_values
    except ImportError:  # no compiler at install: the pure build alone
        _native_values = None


_CORE = "tag:yaml.org,2002:"
_TAGGED_SCALARS = frozenset(f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null"))
_TIMESTAMP_TAG = f"{_CORE}timestamp"
_BINARY_TAG = f"{_CORE}binary"
_MAP_TAGS = frozenset({f"{_CORE}map", "!"})
_SEQ_TAGS = frozenset({f"{_CORE}seq", "!"})


@dataclass(frozen=True, slots=True)
class Composed:
    """The result of composing one front matter."""

    data: dict[Any, Value]
    root: MappingNode
    quotes: tuple[int, int] = (0, 0)
    """How many scalars are single- and double-quoted: the file's habit."""


def compose(text: str, *, line_offset: int = 0, limits: Limits = DEFAULT_LIMITS) -> Composed:
    """Build the values and the source tree of the YAML ``text``.

    ``line_offset`` is added to every line number reported, so that errors
    count lines in the whole file rather than in the YAML text. Offsets in
    the source tree are offsets into ``text`` as given.
    """
    source = _parser.normalized(text)
    composer = _Composer(source, line_offset, limits)
    try:
        _parser.parse(source, composer)
    except ScanError as exc:
        line, column = composer.line_column(exc.offset)
        raise YAMLSyntaxError(f"invalid YAML: {exc.message}", line=line, column=column) from exc
    except RecursionError as exc:
        raise LimitExceededError("the YAML is nested too deeply") from exc
    result = composer.result()
    if source is not text:
        _remap(text, result.root)
    return result


def values(text: str, *, line_offset: int = 0, limits: Limits = DEFAULT_LIMITS) -> dict[Any, Value]:
    """The values of the YAML ``text`` alone, without the source tree: a load's fast half.

    The same parser reads the text, told to a sink that builds only values
    (no offsets, no styles). Whatever that sink refuses, or finds past a
    limit, is composed in full, so that every error is :func:`compose`'s own,
    with its message and position. A differential test holds the two to the
    same values on every fixture, example and corpus file.

    Where the native build is installed it reads the text first: it returns
    exactly the dict this sink builds, or ``None`` for anything it leaves to
    the pure path (errors, limits, tags, rare constructs), which then runs.
    """
    source = _parser.normalized(text)
    if _native_values is not None:
        native = _native_values(source, limits.max_nodes, limits.max_depth, _resolve)
        if native is not None:
            return native  # type: ignore[no-any-return]
    return pure_values(source, text, line_offset=line_offset, limits=limits)


def pure_values(
    source: str, text: str, *, line_offset: int = 0, limits: Limits = DEFAULT_LIMITS
) -> dict[Any, Value]:
    """:func:`values` by the pure build alone; ``source`` is ``text`` normalized."""
    sink = _Values(limits)
    try:
        _parser.parse(source, sink)
        result = sink.result()
    except (ScanError, _Refused, RecursionError):
        result = None
    if result is None:
        return compose(text, line_offset=line_offset, limits=limits).data
    return result


class _Refused(Exception):
    """The values sink stops; the full composer says why."""


class _Values:
    """A sink that builds only the values, with the composer's checks."""

    def __init__(self, limits: Limits) -> None:
        self.max_nodes = limits.max_nodes
        self.max_depth = limits.max_depth
        self.expanded = 0
        self.documents = 0
        self.anchors: dict[str, tuple[Value, int]] = {}
        # Each frame: (container, anchor, expanded-count at its start).
        self.stack: list[tuple[dict[Any, Any] | list[Any], str | None, int]] = []
        self.keys: list[Any] = []  # per open mapping: its pending key, or _NO_KEY
        self.root: Any = _NO_KEY

    def document(self, start: int) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _Refused

    def _add(self, value: Value) -> None:
        stack = self.stack
        if not stack:
            self.root = value
            return
        container = stack[-1][0]
        if type(container) is list:
            container.append(value)
            return
        keys = self.keys
        key = keys[-1]
        if key is _NO_KEY:
            keys[-1] = value if _hashable(value) else _frozen(value)
            return
        keys[-1] = _NO_KEY
        if key in container:
            raise _Refused
        container[key] = value

    def plain(self, value: str, start: int, end: int) -> None:
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        self._add(value if value and value[0] not in _NOT_ONLY_STR else _resolve(value))

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
        # Most plain scalars start with a letter: strings, without a call.
        key_value = key if key and key[0] not in _NOT_ONLY_STR else _resolve(key)
        self.expanded += 2
        container: Any = self.stack[-1][0]
        if self.expanded > self.max_nodes or key_value in container:
            raise _Refused
        if style is None and (not value or value[0] in _NOT_ONLY_STR):
            container[key_value] = _resolve(value)
        else:
            container[key_value] = value

    def item(self, value: str, start: int, end: int, style: str | None) -> None:
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        container: Any = self.stack[-1][0]
        if style is None and (not value or value[0] in _NOT_ONLY_STR):
            container.append(_resolve(value))
        else:
            container.append(value)

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
            resolved = _scalars.resolve(value) if style is None else value
        else:
            resolved = _checked_tag_value(value, tag)
        self.expanded += 1
        if self.expanded > self.max_nodes:
            raise _Refused
        if anchor is not None:
            self.anchors[anchor] = (resolved, 1)
        self._add(resolved)

    def alias(self, name: str, start: int, end: int) -> None:
        if name not in self.anchors:
            raise _Refused
        value, size = self.anchors[name]
        self.expanded += size
        if self.expanded > self.max_nodes:
            raise _Refused
        self._add(value)

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
            self.stack.append(({}, anchor, self.expanded))
            self.keys.append(_NO_KEY)
        else:
            self.stack.append(([], anchor, self.expanded))

    def close(self, end: int) -> None:
        container, anchor, counted_before = self.stack.pop()
        if type(container) is dict:
            self.keys.pop()
        if anchor is not None:
            self.anchors[anchor] = (container, self.expanded - counted_before + 1)
        self._add(container)

    def key_of_last(
        self, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None:
        value: Any
        if not self.stack:
            value = self.root
            self.root = _NO_KEY
        else:
            container = self.stack[-1][0]
            if type(container) is list:
                value = container.pop()
            elif self.keys[-1] is not _NO_KEY:
                value = self.keys[-1]
                self.keys[-1] = _NO_KEY
            else:  # the value of an explicit entry
                mapping: Any = container
                key, value = mapping.popitem()
                self.keys[-1] = key
        self.open(True, flow, start, anchor, tag, at)
        self._add(value)

    def result(self) -> dict[Any, Value] | None:
        root: Any = self.root
        if root is _NO_KEY:
            return {}
        return root if type(root) is dict else None  # pyright: ignore[reportUnknownVariableType]


_NO_KEY: Any = object()
_NOT_ONLY_STR = _scalars.NOT_ONLY_STR
_resolve = _scalars.resolve


def _hashable(value: Value) -> bool:
    return not isinstance(value, dict | list)


def _checked_tag_value(text: str, tag: str) -> Value:
    """A tagged scalar's value, as the composer reads it; ``_Refused`` where it refuses."""
    if tag == "!" or tag == f"{_CORE}str":
        return text
    if tag in _TAGGED_SCALARS:
        value = _tagged_scalar(tag[len(_CORE) :], text)
        if value is _INVALID:
            raise _Refused
        return value
    if tag == _TIMESTAMP_TAG:
        stamp = _scalars.parse_timestamp(text)
        if stamp is None:
            raise _Refused
        return stamp
    if tag == _BINARY_TAG:
        try:
            base64.b64decode("".join(text.split()), validate=True)
        except ValueError:
            raise _Refused from None
        return text
    raise _Refused


def crlf_breaks(text: str) -> list[int]:
    """Where each ``\r\n`` of ``text`` is, as an offset into the normalized text.

    The parser reads each ``\r\n`` as one ``\n``: an offset ``o`` into what
    it read is ``o + bisect_left(breaks, o)`` in ``text``.
    """
    removed: list[int] = []  # normalized offsets of the "\n" of each "\r\n"
    at = text.find("\r\n")
    while at != -1:
        removed.append(at - len(removed))
        at = text.find("\r\n", at + 2)
    return removed


def _remap(text: str, root: MappingNode) -> None:
    """Offsets into the normalized text made offsets into ``text`` (``\r\n`` lines)."""
    removed = crlf_breaks(text)
    if not removed:
        return

    def moved(offset: int) -> int:
        return offset + bisect_left(removed, offset)

    # Each node is in the tree once (an alias node does not lead to its
    # target), so each is moved once.
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        node.start, node.end = moved(node.start), moved(node.end)
        if isinstance(node, MappingNode):
            stack.extend(node.keys)
            stack.extend(node.values)
        elif isinstance(node, SequenceNode):
            stack.extend(node.items)


class _Composer:
    """Consumes events; a stack of open collections, values and nodes in step."""

    def __init__(self, text: str, line_offset: int, limits: Limits) -> None:
        self.text = text
        self.line_offset = line_offset
        # Every alias counts its whole value again, so a "billion laughs"
        # is stopped after little work.
        self.max_nodes = limits.max_nodes
        self.max_depth = limits.max_depth
        self.expanded = 0
        self.documents = 0
        self.anchors: dict[str, tuple[Node, Value, int]] = {}
        # Each frame: (node, value, anchor, expanded-count at its start).
        self.stack: list[tuple[MappingNode | SequenceNode, Any, str | None, int]] = []
        self.pending_key: list[ScalarNode | None] = []
        self.root: tuple[Node, Value] | None = None
        self.quotes = {"'": 0, '"': 0}

    # -- positions -----------------------------------------------------------

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of an offset into the YAML text."""
        return line_column(self.text, offset, self.line_offset)

    # -- what the parser tells ------------------------------------------

    def document(self, start: int) -> None:
        self.documents += 1
        if self.documents > 1:
            line, column = self.line_column(start)
            raise StructureError(  # its class's own code: not-a-mapping
                "front matter holds more than one YAML document",
                line=line,
                column=column,
            )

    def plain(self, value: str, start: int, end: int) -> None:
        """The most common node, a plain scalar with no properties: ``_add`` inlined."""
        # Most plain scalars start with a letter: strings, without a call
        # (the values sink's shortcut).
        resolved = value if value and value[0] not in _NOT_ONLY_STR else _resolve(value)
        node = ScalarNode(resolved, start, end, None)
        self.expanded += 1
        if self.expanded > self.max_nodes:
            self._count(0, start)
        stack = self.stack
        if not stack:
            self.root = (node, resolved)
            return
        parent, container, _, _ = stack[-1]
        if type(parent) is SequenceNode:
            parent.items.append(node)
            container.append(resolved)
            return
        pending = self.pending_key
        key = pending[-1]
        if key is None:
            pending[-1] = node
            return
        pending[-1] = None
        if key.value in container:
            self._duplicate(parent, key)  # type: ignore[arg-type]
        parent.keys.append(key)  # type: ignore[union-attr]
        parent.values.append(node)  # type: ignore[union-attr]
        container[key.value] = resolved

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
        """A block mapping entry ``key: value`` on one line (plain key, no properties)."""
        key_value = key if key and key[0] not in _NOT_ONLY_STR else _resolve(key)
        key_node = ScalarNode(key_value, key_start, key_end, None)
        if style is None:
            resolved = value if value and value[0] not in _NOT_ONLY_STR else _resolve(value)
        else:
            resolved = value
            self.quotes[style] += 1
        node = ScalarNode(resolved, start, end, style)
        self.expanded += 2
        if self.expanded > self.max_nodes:
            self._count(0, start)
        parent, container, _, _ = self.stack[-1]
        if key_value in container:
            self._duplicate(parent, key_node)  # type: ignore[arg-type]
        parent.keys.append(key_node)  # type: ignore[union-attr]
        parent.values.append(node)  # type: ignore[union-attr]
        container[key_value] = resolved

    def item(self, value: str, start: int, end: int, style: str | None) -> None:
        """A block sequence entry ``- value`` on one line (no properties)."""
        if style is None:
            resolved = value if value and value[0] not in _NOT_ONLY_STR else _resolve(value)
        else:
            resolved = value
            self.quotes[style] += 1
        self.expanded += 1
        if self.expanded > self.max_nodes:
            self._count(0, start)
        parent, container, _, _ = self.stack[-1]
        parent.items.append(ScalarNode(resolved, start, end, style))  # type: ignore[union-attr]
        container.append(resolved)

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
        if style in self.quotes:
            self.quotes[style] += 1
        resolved = self._scalar_value(value, tag, style, properties)
        node = ScalarNode(resolved, start, end, style, tagged=tag is not None)
        self._count(1, start)
        self._add(node, resolved, anchor)

    def _count(self, nodes: int, offset: int) -> None:
        self.expanded += nodes
        if self.expanded > self.max_nodes:
            line, column = self.line_column(offset)
            raise LimitExceededError(
                f"the front matter expands to more than {self.max_nodes} values "
                "(aliases count each time they are used)",
                line=line,
                column=column,
            )

    def _scalar_value(self, text: str, tag: str | None, style: str | None, at: int) -> Value:
        if tag is None:
            return _scalars.resolve(text) if style is None else text
        if tag == "!" or tag == f"{_CORE}str":
            return text
        if tag in _TAGGED_SCALARS:
            kind = tag[len(_CORE) :]
            value = _tagged_scalar(kind, text)
            if value is _INVALID:
                self._bad_value(at, f"'{text}' is not a valid !!{kind}")
            return value
        if tag == _TIMESTAMP_TAG:
            stamp = _scalars.parse_timestamp(text)
            if stamp is None:
                self._bad_value(at, f"'{text}' is not a valid !!timestamp")
            return stamp
        if tag == _BINARY_TAG:
            try:
                base64.b64decode("".join(text.split()), validate=True)
            except ValueError:
                self._bad_value(at, f"'{text}' is not a valid !!binary (not base64)")
            return text  # kept as its text: front matter values are plain
        if tag in _MAP_TAGS | _SEQ_TAGS:
            self._bad_value(at, f"'{text}' is a scalar, not a !!{tag[len(_CORE) :]}")
        self._bad_tag(at, f"the tag {_written(tag)!r} is not supported")
        raise AssertionError  # pragma: no cover - _bad_tag always raises

    def _bad_tag(self, at: int, message: str) -> None:
        line, column = self.line_column(at)
        raise UnsupportedTagError(message, line=line, column=column)

    def _bad_value(self, at: int, message: str) -> None:
        """A core tag on a value it does not fit (``!!int abc``): ``invalid-tag-value``."""
        line, column = self.line_column(at)
        raise YAMLSyntaxError(message, line=line, column=column, code="invalid-tag-value")

    def alias(self, name: str, start: int, end: int) -> None:
        if name not in self.anchors:
            line, column = self.line_column(start)
            raise YAMLSyntaxError(
                f"invalid YAML: the alias *{name} names no anchor", line=line, column=column
            )
        target, value, size = self.anchors[name]
        self._count(size, start)
        self._add(AliasNode(target, start, end), value, None)

    def open(
        self, mapping: bool, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None:
        if tag is not None and tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
            if tag in _TAGGED_SCALARS | _MAP_TAGS | _SEQ_TAGS or tag in (
                _TIMESTAMP_TAG,
                _BINARY_TAG,
            ):
                kind = "a mapping" if mapping else "a sequence"
                self._bad_value(at, f"{kind} cannot be a !!{tag[len(_CORE) :]}")
            self._bad_tag(at, f"the tag {_written(tag)!r} is not supported")
        if len(self.stack) >= self.max_depth:
            line, column = self.line_column(start)
            raise LimitExceededError(
                f"the front matter is nested more than {self.max_depth} levels deep",
                line=line,
                column=column,
            )
        self._count(1, start)
        node: MappingNode | SequenceNode
        value: dict[Any, Any] | list[Any]
        if mapping:
            node, value = MappingNode(flow, start), {}
            self.pending_key.append(None)
        else:
            node, value = SequenceNode(flow, start), []
        self.stack.append((node, value, anchor, self.expanded))

    def close(self, end: int) -> None:
        node, value, anchor, counted_before = self.stack.pop()
        if isinstance(node, MappingNode):
            self.pending_key.pop()
        node.end = end
        if anchor is not None:
            self.anchors[anchor] = (node, value, self.expanded - counted_before + 1)
            anchor = None  # recorded here; _add must not record it again
        self._add(node, value, anchor)

    def key_of_last(
        self, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None:
        """The node just added is the first key of a new mapping (``[a]: b``, ``[k: v]``)."""
        node: Node
        if not self.stack:
            assert self.root is not None
            node, value = self.root
            self.root = None
        else:
            parent, container, _, _ = self.stack[-1]
            if isinstance(parent, SequenceNode):
                node, value = parent.items.pop(), container.pop()
            elif self.pending_key[-1] is not None:
                key = self.pending_key[-1]
                self.pending_key[-1] = None
                node, value = key, key.value
            else:  # the value of an explicit entry
                key = parent.keys.pop()
                node = parent.values.pop()
                value = container.pop(key.value)
                self.pending_key[-1] = key
        self.open(True, flow, start, anchor, tag, at)
        self._add(node, value, None)

    def _add(self, node: Node, value: Value, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (node, value, 1)
        if not self.stack:
            self.root = (node, value)
            return
        parent, container, _, _ = self.stack[-1]
        if (
            isinstance(node, ScalarNode)
            and node.start == node.end
            and node.style is None
            and (anchor is None and not node.tagged)
        ):
            self._place_empty(node, parent)  # an empty node with properties: after them
        if isinstance(parent, SequenceNode):
            parent.items.append(node)
            container.append(value)
            return
        key = self.pending_key[-1]
        if key is None:
            self.pending_key[-1] = self._as_key(node, value)
            return
        self.pending_key[-1] = None
        if key.value in container:
            self._duplicate(parent, key)
        parent.keys.append(key)
        parent.values.append(node)
        container[key.value] = value

    def _place_empty(self, node: ScalarNode, parent: MappingNode | SequenceNode) -> None:
        """Put an empty value right after its ``:`` or ``-``, not at the next token.

        The parser marks an empty scalar where the next token starts, which can
        be lines further down; an edit must write the new value after the key.
        """
        key = self.pending_key[-1] if isinstance(parent, MappingNode) else None
        text = self.text
        if key is not None:
            at = key.end
            while at < len(text) and text[at] in " \t":
                at += 1
            node.start = node.end = at + 1 if at < len(text) and text[at] == ":" else key.end
        elif isinstance(parent, MappingNode) and text.startswith(":", node.start):
            pass  # an empty key (":" alone): at its ":", on its own line
        else:  # after the "-", "?" or "," before it: parsers disagree on where
            at = node.start
            while at > 0 and text[at - 1] in " \t\r\n":
                at -= 1
            node.start = node.end = at

    def _as_key(self, node: Node, value: Value) -> ScalarNode:
        """The key of a mapping entry; a list or mapping key is frozen to be hashable."""
        if isinstance(node, ScalarNode):
            return node
        if isinstance(node, AliasNode) and isinstance(node.target, ScalarNode):
            return ScalarNode(value, node.start, node.end, None, tagged=True)
        return ScalarNode(_frozen(value), node.start, last_offset(node), None, tagged=True)

    def _duplicate(self, parent: MappingNode, key: ScalarNode) -> None:
        # "is" too: a NaN key (".nan", one object) is found in a dict by
        # identity, though it is not equal to itself.
        first = next(k for k in parent.keys if k.value is key.value or k.value == key.value)
        first_line, first_column = self.line_column(first.start)
        line, column = self.line_column(key.start)
        raise DuplicateKeyError(
            f"duplicate key {key.value!r} (first given at line {first_line}, "
            f"column {first_column})",
            first_line=first_line,
            first_column=first_column,
            line=line,
            column=column,
        )

    def result(self) -> Composed:
        if self.root is None:  # empty, or only comments: no fields yet
            end = len(self.text)
            return Composed({}, MappingNode(False, end, end))
        node, value = self.root
        if not isinstance(node, MappingNode):
            line, column = self.line_column(node.start)
            kind = "a list" if isinstance(node, SequenceNode) else "a single value"
            raise StructureError(  # its class's own code: not-a-mapping
                f"the front matter must be a mapping of keys to values, not {kind}",
                line=line,
                column=column,
            )
        return Composed(value, node, (self.quotes["'"], self.quotes['"']))


_INVALID = object()


def _tagged_scalar(kind: str, text: str) -> Any:
    """The value of ``!!int``/``!!float``/``!!bool``/``!!null`` text, or ``_INVALID``."""
    value = _scalars.resolve(text)
    if kind == "int" and type(value) is int:
        return value
    if kind == "float" and type(value) in (int, float):
        return float(value)  # type: ignore[arg-type]  # narrowed by the check above
    if kind == "bool" and type(value) is bool:
        return value
    if kind == "null" and value is None:
        return None
    return _INVALID


def _frozen(value: Value) -> Any:
    """A hashable copy of a key that is a list (a tuple) or a mapping (FrozenMapping)."""
    mapping = as_mapping(value)
    if mapping is not None:
        return FrozenMapping({k: _frozen(v) for k, v in mapping.items()})
    sequence = as_list(value)
    if sequence is not None:
        return tuple(_frozen(v) for v in sequence)
    return value


def _written(tag: str) -> str:
    """A resolved tag as it is usually written: ``!!str`` for the core tags."""
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
