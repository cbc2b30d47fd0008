"""The one configured YAML parser, and the composer that builds values.

ruamel.yaml's parser turns the YAML text into events with positions. Our
composer (not ruamel's) turns those events into two trees at once: plain
Python values for the caller, and the source tree (``_nodes``) that records
where each value was written. Composing ourselves lets us keep alias sites,
reject duplicate keys and unknown tags, bound alias expansion, and resolve
scalars by the YAML 1.2 core schema whatever the parser's own resolver does.
"""

from __future__ import annotations

import base64
import importlib
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, cast

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from . import _scalars
from ._nodes import AliasNode, MappingNode, Node, ScalarNode, SequenceNode, last_offset
from ._positions import line_column
from ._render import as_list, as_mapping
from ._scalars import FrozenMapping
from .errors import (
    DuplicateKeyError,
    LimitExceededError,
    StructureError,
    UnsupportedTagError,
    YAMLSyntaxError,
)
from .limits import DEFAULT_LIMITS, Limits

Value = Any  # dict | list | Scalar: recursive, so typed loosely


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


class _Mark(Protocol):
    index: int
    line: int
    column: int


class _Event(Protocol):
    """The parts of a ruamel.yaml event the composer reads (ruamel is untyped)."""

    start_mark: _Mark
    end_mark: _Mark
    anchor: str | None
    tag: str | None
    value: str
    style: str | None
    flow_style: bool | None


# Event classes, compared by identity: the composer's hot path.
_SCALAR: type[Any] = ev.ScalarEvent
_ALIAS: type[Any] = ev.AliasEvent
_MAPPING_START: type[Any] = ev.MappingStartEvent
_SEQUENCE_START: type[Any] = ev.SequenceStartEvent
_MAPPING_END: type[Any] = ev.MappingEndEvent
_SEQUENCE_END: type[Any] = ev.SequenceEndEvent
_DOCUMENT_START: type[Any] = ev.DocumentStartEvent
_STREAM_END: type[Any] = ev.StreamEndEvent

# Where libyaml and ruamel.yaml's own parser part ways: tabs (libyaml takes
# some that ruamel refuses) and anchor or alias names with characters other
# than letters, digits, "-" and "_" (libyaml ends the name there). Such texts
# go to the pure parser, so that both paths always give the same result.
_LIBYAML_DIFFERS = re.compile(r"\t|(?:^|[\s\[{,])[&*][\w-]*[^\w\s-]", re.MULTILINE)


# libyaml also takes a "#" glued to a block scalar header ("|#c") and a BOM
# inside the YAML, which ruamel.yaml refuses.
_GLUED_COMMENT = re.compile(r"[|>][-+0-9]*#")
# A tag or anchor, then a plain scalar that starts with ":" ("[! :x]"):
# libyaml reads an empty key, ruamel.yaml the scalar ":x".
_PROPERTY_THEN_COLON = re.compile(r"[!&][^ \t\r\n]*[ \t]+:")
# A lone CR (old Mac line ends): libyaml and ruamel.yaml part ways on what
# starts a line after one ("\r---", "\r...").
LONE_CR = re.compile(r"\r(?!\n)")
# A value right after the ":" of a flow or quoted key ("[{a: 1}:b]", '["a":b]'):
# YAML 1.2 and libyaml allow it in flow lists, ruamel.yaml does not.
ADJACENT_VALUE = re.compile(r"[}\]\"']:(?=\S)")
# ruamel.yaml refuses a block scalar whose first line is blank with fewer
# spaces than the text after it (" \n  text"); YAML 1.2 and libyaml allow it.
# Such texts go to ruamel.yaml, the reference, on every route.
SHORT_BLANK_FIRST_LINE = re.compile(
    r"[|>][-+0-9]*[ \t]*(?:#[^\r\n]*)?\r?\n( +)\r?\n(?:[ \t]*\r?\n)*\1 "
)


def _libyaml_differs(text: str) -> bool:
    # One character each first: found in C, where a regex steps through the text.
    return (
        "\ufeff" in text
        or (("\t" in text or "&" in text or "*" in text) and bool(_LIBYAML_DIFFERS.search(text)))
        or ("#" in text and bool(_GLUED_COMMENT.search(text)))
        or (("|" in text or ">" in text) and bool(SHORT_BLANK_FIRST_LINE.search(text)))
        or bool(ADJACENT_VALUE.search(text))
        or ("\r" in text and bool(LONE_CR.search(text)))
        or (("!" in text or "&" in text) and bool(_PROPERTY_THEN_COLON.search(text)))
        # "..." lines: ruamel.yaml opens an empty document after a second one
        or "\n..." in text
        or text.startswith("...")
    )


_CParser: Any
try:  # ruamel.yaml's own libyaml binding (the "libyaml" extra of ruamel.yaml)
    _CParser = importlib.import_module("ruamel.yaml.cyaml").CParser
except ImportError:  # pragma: no cover - PyPy, or a platform without a wheel
    _CParser = None


class _Local(threading.local):
    """ruamel.yaml objects keep parse state, so each thread gets its own."""

    def __init__(self) -> None:
        self.yaml: Any = YAML(typ="safe", pure=True)


_local = _Local()


def pure_events(text: str) -> Iterable[_Event]:
    """ruamel.yaml's pure-Python event stream for ``text`` (errors are ruamel's own)."""
    return cast("Iterable[_Event]", _local.yaml.parse(text))


def c_events(text: str) -> Iterator[_Event]:
    """The same events from ruamel.yaml's libyaml parser, about 30 times faster."""
    assert _CParser is not None
    parser = _CParser(text)
    while True:
        event: _Event = parser.get_event()
        yield event
        if type(event) is _STREAM_END:
            return


_YAML_DIRECTIVE = re.compile(r"^%YAML", re.MULTILINE)
# A "\U" escape past U+10FFFF: no character at all.
_BAD_ESCAPE = re.compile(
    r"\\U(?:00(?:1[1-9a-fA-F]|[2-9a-fA-F][0-9a-fA-F])|0[1-9a-fA-F]|[1-9a-fA-F])"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def compose(
    text: str,
    *,
    line_offset: int = 0,
    limits: Limits = DEFAULT_LIMITS,
    fast: bool | None = None,
) -> Composed:
    """Build the values and the source tree of the YAML ``text``.

    ``line_offset`` is added to every line number reported, so that errors
    count lines in the whole file rather than in the YAML text. The libyaml
    parser is used when it is installed (``fast=None``); whatever it rejects
    is parsed again by the pure-Python parser, whose verdict and error
    positions are the reference. ``fast=False`` forces the pure parser.
    """
    if fast is not False and _CParser is not None and not _libyaml_differs(text):
        composer = _Composer(text, line_offset, limits)
        try:
            for event in c_events(text):
                composer.feed(event)
            return composer.result()
        except (YAMLError, AssertionError):
            pass  # the pure parser decides, and words the error
    return _compose_pure(text, line_offset, limits)


def _compose_pure(text: str, line_offset: int, limits: Limits) -> Composed:
    composer = _Composer(text, line_offset, limits)
    try:
        for event in pure_events(text):
            composer.feed(event)
    except MarkedYAMLError as exc:
        error: Any = exc  # ruamel.yaml is untyped
        mark: _Mark | None = error.problem_mark or error.context_mark
        problem = str(error.problem or error.context or "invalid YAML")
        if error.context_mark is not None and (mark is None or not text[mark.index :].strip()):
            # Stopped at the end of the text ("found unexpected end of stream"):
            # what was left open is the problem, so point at where it opens.
            mark = error.context_mark
            problem = f"{error.context}: {problem}" if error.context else problem
        line, column = (mark.line, mark.column) if mark is not None else (0, 0)
        raise YAMLSyntaxError(
            f"invalid YAML: {problem}", line=line + line_offset + 1, column=column + 1
        ) from exc
    except YAMLError as exc:  # ReaderError and friends: a character YAML forbids
        position: object = getattr(exc, "position", None)
        line, column = (
            composer.line_column(position) if isinstance(position, int) else (line_offset + 1, 1)
        )
        raise YAMLSyntaxError(f"invalid YAML: {exc}", line=line, column=column) from exc
    except (ValueError, OverflowError, TypeError, IndexError, KeyError, AttributeError) as exc:
        # ruamel.yaml's scanner calls chr() on a "\U" escape without checking
        # that it names a character; any other such slip of the parser on odd
        # input is reported the same way, never raised as it is.
        escape = _BAD_ESCAPE.search(text)
        at = escape.start() if escape else 0
        message = (
            f"the escape {text[at : at + 10]} is past U+10FFFF, the last character"
            if escape
            else str(exc)
        )
        line, column = composer.line_column(at)
        raise YAMLSyntaxError(f"invalid YAML: {message}", line=line, column=column) from exc
    except AssertionError as exc:
        # ruamel.yaml asserts that a %YAML directive names version 1.1 or 1.2.
        directive = _YAML_DIRECTIVE.search(text)
        line, _ = composer.line_column(directive.start() if directive else 0)
        raise YAMLSyntaxError(f"invalid YAML: {exc}", line=line, column=1) from exc
    except RecursionError as exc:
        raise LimitExceededError("the YAML is nested too deeply") from exc
    return composer.result()


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

    # -- events --------------------------------------------------------------

    def feed(self, event: _Event) -> None:
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is None and event.tag is None and not event.style:
                self._plain_scalar(event)
                return
            node = self._scalar(event)
            self._count(1, event.start_mark.index)
            self._add(node, node.value, event.anchor)
        elif kind is _ALIAS:
            self._alias(event)
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            self._open(event, mapping=kind is _MAPPING_START)
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            self._close(event)
        elif kind is _DOCUMENT_START:
            self.documents += 1
            if self.documents > 1:
                line, column = self.line_column(event.start_mark.index)
                raise StructureError(
                    "front matter holds more than one YAML document",
                    code="not-a-mapping",
                    line=line,
                    column=column,
                )

    def _plain_scalar(self, event: _Event) -> None:
        """The most common event, a plain scalar with no properties: ``_add`` inlined."""
        start = event.start_mark.index
        end = event.end_mark.index
        value = _scalars.resolve(event.value)
        node = ScalarNode(value, start, end, None)
        self.expanded += 1
        if self.expanded > self.max_nodes:
            self._count(0, start)
        stack = self.stack
        if not stack:
            self.root = (node, value)
            return
        parent, container, _, _ = stack[-1]
        if start == end:
            self._place_empty(node, parent)
        if isinstance(parent, SequenceNode):
            parent.items.append(node)
            container.append(value)
            return
        pending = self.pending_key
        key = pending[-1]
        if key is None:
            pending[-1] = node
            return
        pending[-1] = None
        if key.value in container:
            self._duplicate(parent, key)
        parent.keys.append(key)
        parent.values.append(node)
        container[key.value] = value

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

    def _scalar(self, event: _Event) -> ScalarNode:
        start, end = event.start_mark.index, event.end_mark.index
        tag = event.tag
        if event.anchor is not None or tag is not None:
            start = _skip_properties(self.text, start)
        style = event.style or None
        if style in self.quotes:
            self.quotes[style] += 1
        if style in ("|", ">"):
            end = _block_scalar_end(self.text, start, end)
        value = self._scalar_value(event, tag, style)
        if (
            style == '"'
            and isinstance(value, str)
            and not value.isascii()
            and _SURROGATE.search(value)
        ):
            value = self._join_surrogates(value, start)
        return ScalarNode(value, start, end, style, tagged=tag is not None)

    def _join_surrogates(self, value: str, start: int) -> str:
        """``"\\ud83d\\ude00"`` is one character, as in JSON; a lone half is an error."""
        try:
            return value.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeDecodeError as exc:
            line, column = self.line_column(start)
            raise YAMLSyntaxError(
                "invalid YAML: an escape makes a lone surrogate, which is not a character",
                line=line,
                column=column,
            ) from exc

    def _scalar_value(self, event: _Event, tag: str | None, style: str | None) -> Value:
        text = event.value
        if tag is None:
            return _scalars.resolve(text) if style is None else text
        properties = _properties_start(self.text, event.start_mark.index)
        written = self.text[properties : _skip_properties(self.text, properties)]
        if "!!!" in written:  # ruamel.yaml reads "!!!str" as "!!str", libyaml as unknown
            self._bad_tag(event, f"the tag in {written.strip()!r} is not supported")
        if tag == "!" or tag == f"{_CORE}str":
            return text
        if tag in _TAGGED_SCALARS:
            kind = tag[len(_CORE) :]
            value = _tagged_scalar(kind, text)
            if value is _INVALID:
                self._bad_tag(event, f"'{text}' is not a valid !!{kind}")
            return value
        if tag == _TIMESTAMP_TAG:
            stamp = _scalars.parse_timestamp(text)
            if stamp is None:
                self._bad_tag(event, f"'{text}' is not a valid !!timestamp")
            return stamp
        if tag == _BINARY_TAG:
            try:
                base64.b64decode("".join(text.split()), validate=True)
            except ValueError:
                self._bad_tag(event, "!!binary value is not base64")
            return text  # kept as its text: front matter values are plain
        self._bad_tag(event, f"the tag {tag!r} is not supported")
        raise AssertionError  # pragma: no cover - _bad_tag always raises

    def _bad_tag(self, event: _Event, message: str) -> None:
        line, column = self.line_column(_properties_start(self.text, event.start_mark.index))
        raise UnsupportedTagError(message, line=line, column=column)

    def _alias(self, event: _Event) -> None:
        name = event.anchor
        start, end = event.start_mark.index, event.end_mark.index
        if name not in self.anchors:
            line, column = self.line_column(start)
            raise YAMLSyntaxError(
                f"invalid YAML: the alias *{name} names no anchor", line=line, column=column
            )
        target, value, size = self.anchors[name]
        self._count(size, start)
        self._add(AliasNode(target, start, end), value, None)

    def _open(self, event: _Event, *, mapping: bool) -> None:
        if event.tag is not None and event.tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
            self._bad_tag(event, f"the tag {event.tag!r} is not supported")
        if len(self.stack) >= self.max_depth:
            line, column = self.line_column(event.start_mark.index)
            raise LimitExceededError(
                f"the front matter is nested more than {self.max_depth} levels deep",
                line=line,
                column=column,
            )
        start = event.start_mark.index
        flow = bool(event.flow_style)
        if event.anchor is not None or event.tag is not None:
            start = _skip_properties(self.text, start)
        self._count(1, start)
        node: MappingNode | SequenceNode
        value: dict[Any, Any] | list[Any]
        if mapping:
            node, value = MappingNode(flow, start), {}
            self.pending_key.append(None)
        else:
            node, value = SequenceNode(flow, start), []
        self.stack.append((node, value, event.anchor, self.expanded))

    def _close(self, event: _Event) -> None:
        node, value, anchor, counted_before = self.stack.pop()
        if isinstance(node, MappingNode):
            self.pending_key.pop()
        node.end = event.end_mark.index if node.flow else event.start_mark.index
        if anchor is not None:
            self.anchors[anchor] = (node, value, self.expanded - counted_before + 1)
            anchor = None  # recorded here; _add must not record it again
        self._add(node, value, anchor)

    def _add(self, node: Node, value: Value, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = (node, value, 1)
        if not self.stack:
            self.root = (node, value)
            return
        parent, container, _, _ = self.stack[-1]
        if isinstance(node, ScalarNode) and node.start == node.end and node.style is None:
            self._place_empty(node, parent)
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
            raise StructureError(
                f"the front matter must be a mapping of keys to values, not {kind}",
                code="not-a-mapping",
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


def _properties_start(text: str, start: int) -> int:
    """Back up over ``!tag``/``&anchor`` tokens on the line before ``start``.

    The two parsers put a node's start at different properties; the first one
    is where a tag error is reported.
    """
    while True:
        end = start
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        token = end
        while token > 0 and text[token - 1] not in " \t\r\n":
            token -= 1
        if token == end or text[token] not in "&!":
            return start
        start = token


def _skip_properties(text: str, start: int) -> int:
    """The offset of a node's content, past its ``&anchor`` and ``!tag``."""
    pos = start
    while pos < len(text) and text[pos] in "&!":
        while pos < len(text) and text[pos] not in " \t\r\n":
            pos += 1
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
    return pos


def _block_scalar_end(text: str, start: int, end: int) -> int:
    """End of a block scalar's last non-blank line: trailing blank lines are layout.

    With keep chomping (``|+``) they are content, so the span keeps them.
    """
    header_end = text.find("\n", start, end)
    header = text[start:header_end] if header_end != -1 else text[start:end]
    if "+" in header.split("#", 1)[0]:
        return end
    stripped = text[start:end].rstrip(" \t\r\n")
    return start + len(stripped)
