"""Turn changed values into the smallest text patches on the original YAML.

``diff`` walks the new values beside the source tree. Equal subtrees are left
alone; a changed scalar gets its own span rewritten in its own style; keys and
items that come or go take or give whole lines (block) or ``, ``-separated
spans (flow). Nothing outside a patch is ever touched.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, cast

from . import _render, _scalars
from ._nodes import AliasNode, MappingNode, Node, ScalarNode, SequenceNode, last_offset, resolved
from ._render import Layout
from .errors import EditError


def freeze(value: Any) -> Hashable:
    """A hashable, type-strict image of a value: ``1``, ``1.0`` and ``True`` differ."""
    kind = value.__class__
    if kind is str:
        return cast(str, value)  # the common case first; no other image is a str
    if kind is dict:  # key order is the file's business, not the value's
        return ("m", frozenset([(freeze(k), freeze(v)) for k, v in value.items()]))
    if kind is list:
        return ("l", tuple([freeze(v) for v in value]))
    if kind is int or kind is bool or value is None:
        return (kind, value)
    return _freeze_other(value)


def _freeze_other(value: Any) -> Hashable:
    if isinstance(value, str):
        return str(value)  # a str subclass (such as _render.Quoted) is a str
    mapping = _render.as_mapping(value)
    if mapping is not None:
        return ("m", frozenset([(freeze(k), freeze(v)) for k, v in mapping.items()]))
    sequence = _render.as_list(value)
    if sequence is not None:
        return ("l", tuple([freeze(v) for v in sequence]))
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    if isinstance(value, dt.datetime):
        return (dt.datetime, value, value.utcoffset())
    if not _render.is_scalar(value):
        raise EditError(f"cannot write a value of type {type(value).__name__} as YAML")
    kind: type[Any] = value.__class__
    return (kind, value)


def same(left: Any, right: Any) -> bool:
    """``freeze(left) == freeze(right)``, without building either image."""
    kind = left.__class__
    if kind is not right.__class__:  # a str subclass (Quoted) is a str: let freeze say
        return freeze(left) == freeze(right)
    if kind is str or kind is int or kind is bool or left is None:
        return bool(left == right)
    if kind is dict:
        if len(left) != len(right):
            return False
        for key, value in left.items():
            if key.__class__ is not str:  # 1 and True are one dict key: compare images
                return freeze(left) == freeze(right)
            if key not in right or not same(value, right[key]):
                return False
        return True
    if kind is list:
        return len(left) == len(right) and all(map(same, left, right))
    return freeze(left) == freeze(right)


def freeze_node(node: Node) -> Hashable:
    """``freeze`` of the value a source node was read as."""
    node = resolved(node)
    if isinstance(node, ScalarNode):
        return freeze(node.value)
    if isinstance(node, MappingNode):
        pairs = zip(node.keys, node.values, strict=True)
        return ("m", frozenset([(freeze(k.value), freeze_node(v)) for k, v in pairs]))
    return ("l", tuple(freeze_node(item) for item in node.items))


@dataclass(frozen=True, slots=True)
class _Patch:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where a value sits, so that it can be replaced by one of another shape."""

    parent: MappingNode | SequenceNode
    index: int


def diff(text: str, root: MappingNode, data: Mapping[Any, Any], layout: Layout) -> str:
    """The YAML ``text`` with ``root`` changed into ``data``, patched minimally."""
    editor = _Editor(text, layout)
    editor.mapping(root, data, None, flow=False)
    return editor.apply()


class _Editor:
    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout
        self.nl = layout.newline
        self.patches: list[_Patch] = []
        # Nodes whose text (and so whose &anchor) stays, with their new values.
        self.kept_anchors: dict[int, Any] = {}

    # -- text geometry ---------------------------------------------------------

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def line_end(self, offset: int) -> int:
        """Just past the line break of the line holding ``offset``."""
        at = self.text.find("\n", offset)
        return len(self.text) if at == -1 else at + 1

    def column(self, offset: int) -> int:
        return offset - self.line_start(offset)

    def alone_on_line(self, offset: int) -> bool:
        return self.text[self.line_start(offset) : offset].strip(" \t") == ""

    def comments_above(self, start: int) -> int:
        """Extend a line start upward over the comment lines directly above it."""
        while start > 0:
            previous = self.line_start(start - 1)
            if not self.text[previous:start].lstrip(" \t").startswith("#"):
                break
            start = previous
        return start

    def dash(self, item: Node) -> int:
        """The offset of the ``-`` that introduces a block sequence item."""
        at = item.start - 1
        while at >= 0 and self.text[at] in " \t\r\n":
            at -= 1
        if at >= 0 and self.text[at] == "-":
            return at
        return self.text.rfind("-", 0, item.start)

    def patch(self, start: int, end: int, text: str) -> None:
        self.patches.append(_Patch(start, end, text))

    def apply(self) -> str:
        out: list[str] = []
        position = 0
        for p in sorted(self.patches, key=lambda p: (p.start, p.end)):
            if p.start < position:
                raise EditError("internal error: overlapping edits")  # pragma: no cover
            out.append(self.text[position : p.start])
            out.append(p.text)
            position = p.end
        out.append(self.text[position:])
        return "".join(out)

    # -- values ----------------------------------------------------------------

    def value(self, node: Node, new: Any, slot: _Slot, *, flow: bool) -> None:
        if isinstance(node, AliasNode):
            # "*name" stays only if it still reads as the value now written at
            # its anchor; otherwise the value is written out in its place.
            anchored = self.kept_anchors.get(id(node.target), _GONE)
            if anchored is _GONE or freeze(anchored) != freeze(new):
                self.replace(slot, new, flow=flow)
            return
        # A mapping is compared key by key as it is walked (an unchanged one
        # gets no patches): comparing whole subtrees at every level would
        # freeze each value once per level above it. A list is compared
        # whole first, which is cheaper than matching its items.
        if isinstance(node, MappingNode) and (mapping := _render.as_mapping(new)) is not None:
            self.kept_anchors[id(node)] = new
            self.mapping(node, mapping, slot, flow=flow or node.flow)
        elif freeze_node(node) == freeze(new):
            self.kept_anchors[id(node)] = new
        elif isinstance(node, SequenceNode) and (sequence := _render.as_list(new)) is not None:
            self.kept_anchors[id(node)] = new
            self.sequence(node, list(sequence), slot, flow=flow or node.flow)
        elif isinstance(node, ScalarNode) and _render.is_scalar(new):
            self.kept_anchors[id(node)] = new
            text = self.scalar_text(node, new, flow=flow)
            if node.start == node.end and self.text[node.start - 1 : node.start] in ":-":
                text = " " + text  # an empty value sits right after its ":" or "-"
            self.patch(node.start, self.before_break(node.end), text)
        else:
            self.replace(slot, new, flow=flow)

    def scalar_text(self, old: ScalarNode, new: Any, *, flow: bool) -> str:
        original = self.text[old.start : old.end]
        if isinstance(new, str):
            if old.style in ("|", ">"):
                block = _render.block_scalar(new, old.style, self.block_indent(old), self.nl)
                if block is not None and _reads_back(block, new):
                    return block
                return _render.double_quoted(new)
            return _render.string(new, style=old.style, layout=self.layout, flow=flow)
        if old.style is None and not old.tagged:
            written = _scalars.format_like(new, original, old.value)
            if written is not None:
                return written
        return _render.scalar(new, layout=self.layout, flow=flow)

    def block_indent(self, old: ScalarNode) -> int:
        """The content column of a block scalar (the key's column + 2 when empty)."""
        for line in self.text[old.start : old.end].splitlines()[1:]:
            if line.strip():
                return len(line) - len(line.lstrip(" "))
        return self.column(old.start) + self.layout.indent

    def replace(self, slot: _Slot, new: Any, *, flow: bool) -> None:
        """Write ``new`` where the value at ``slot`` was, whatever its shape."""
        parent = slot.parent
        if isinstance(parent, MappingNode):
            key, node = parent.keys[slot.index], parent.values[slot.index]
            end = self.before_break(last_offset(node))
            colon = self.colon_after(key)
            if flow or parent.flow:
                text = _render.inline(new, layout=self.layout)
                if colon is None:
                    self.patch(key.end, key.end, ": " + text)
                elif node.start == node.end == colon + 1:
                    self.patch(node.start, end, " " + text)  # "a:" then "[]": "a: []"
                else:
                    self.patch(node.start, end, text)
                return
            if colon is None:
                raise EditError("internal error: a block mapping entry without ':'")
            start = colon + 1
            # Lines below are indented from the key, or from the ":" of an
            # explicit entry ("? key" then ": value"), whichever is further left.
            column = min(self.column(key.start), self.column(colon))
            first, *rest = _render.value_lines(new, column, self.layout)
            self.patch(start, max(end, start), first + "".join(self.nl + line for line in rest))
            return
        node = parent.items[slot.index]
        end = self.before_break(last_offset(node))
        if flow or parent.flow:
            self.patch(node.start, end, _render.inline(new, layout=self.layout))
            return
        dash = self.dash(node)
        offset = self.item_offset(parent)
        if not self.text[dash + 1 : node.start].strip(" "):
            # The new value starts where the old one did ("-   a"): the lines
            # after the first line up with it.
            offset = node.start - dash
        lines = _render.item_lines(new, self.column(dash), self.layout, offset=offset)
        text = lines[0][offset:] + "".join(self.nl + line for line in lines[1:])
        self.patch(node.start, end, text)

    def before_break(self, end: int) -> int:
        """``end``, less the line break a keep-chomping (``|+``) block scalar's span ends with.

        The break ends the line the value is on: what replaces the value must
        leave it there, or the next line joins this one.
        """
        if self.text.endswith("\r\n", 0, end):
            return end - 2
        if self.text.endswith(("\n", "\r"), 0, end):
            return end - 1
        return end

    def item_offset(self, node: SequenceNode) -> int:
        """Columns from a dash to its item's content here, or the file's habit."""
        return item_offset(self.text, node) or self.layout.item_offset

    def colon_after(self, key: ScalarNode) -> int | None:
        """The ``:`` after ``key``: on its line, or on a later one after ``? key``."""
        at = key.end
        while at < len(self.text) and self.text[at] in " \t\r\n":
            at += 1
        return at if at < len(self.text) and self.text[at] == ":" else None

    # -- collections -----------------------------------------------------------

    def mapping(
        self, node: MappingNode, new: Mapping[Any, Any], slot: _Slot | None, *, flow: bool
    ) -> None:
        index = {key.value: i for i, key in enumerate(node.keys)}
        deleted: set[int] = set()
        for i, (key, child) in enumerate(zip(node.keys, node.values, strict=True)):
            if key.value in new:
                self.value(child, new[key.value], _Slot(node, i), flow=flow or node.flow)
            else:
                deleted.add(i)
        groups: dict[int, list[Any]] = {}
        anchor = -1
        for key in new:
            if key in index:
                anchor = index[key]
            else:
                groups.setdefault(anchor, []).append(key)
        if not deleted and not groups:
            return
        column = self.column(node.keys[0].start) if node.keys else 0
        rendered = {
            a: [self.render_entry(k, new[k], column, flow=flow or node.flow) for k in keys]
            for a, keys in groups.items()
        }
        heads = [key.start for key in node.keys]
        tails = [last_offset(value) for value in node.values]
        self.entries(
            node, new, slot, heads, tails, deleted, rendered, column, flow=flow or node.flow
        )

    def sequence(self, node: SequenceNode, new: list[Any], slot: _Slot, *, flow: bool) -> None:
        old = [freeze_node(item) for item in node.items]
        matcher = SequenceMatcher(None, old, [freeze(v) for v in new], autojunk=False)
        deleted: set[int] = set()
        groups: dict[int, list[Any]] = {}
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self.value(node.items[i1 + k], new[j1 + k], _Slot(node, i1 + k), flow=flow)
                continue
            paired = min(i2 - i1, j2 - j1)
            for k in range(paired):
                self.value(node.items[i1 + k], new[j1 + k], _Slot(node, i1 + k), flow=flow)
            deleted.update(range(i1 + paired, i2))
            if j1 + paired < j2:
                groups.setdefault(i1 + paired - 1, []).extend(new[j1 + paired : j2])
        if not deleted and not groups:
            return
        heads = [self.dash(item) if not flow else item.start for item in node.items]
        column = self.column(heads[0]) if heads else 0
        offset = 2 if flow else self.item_offset(node)
        rendered = {
            a: [self.render_item(v, column, offset, flow=flow) for v in values]
            for a, values in groups.items()
        }
        tails = [last_offset(item) for item in node.items]
        self.entries(node, new, slot, heads, tails, deleted, rendered, column, flow=flow)

    def render_entry(self, key: Any, value: Any, column: int, *, flow: bool) -> str:
        if flow:
            return f"{_render.scalar(key, layout=self.layout, flow=True)}: " + _render.inline(
                value, layout=self.layout
            )
        return self.nl.join(_render.entry_lines(key, value, column, self.layout))

    def render_item(self, value: Any, column: int, offset: int, *, flow: bool) -> str:
        if flow:
            return _render.inline(value, layout=self.layout)
        return self.nl.join(_render.item_lines(value, column, self.layout, offset=offset))

    def entries(
        self,
        node: MappingNode | SequenceNode,
        new: Any,
        slot: _Slot | None,
        heads: list[int],
        tails: list[int],
        deleted: set[int],
        rendered: dict[int, list[str]],
        column: int,
        *,
        flow: bool,
    ) -> None:
        """Delete entries and insert rendered ones (after old entry ``a``; -1: first)."""
        kept = [i for i in range(len(heads)) if i not in deleted]
        if flow:
            self.flow_entries(node, heads, tails, deleted, rendered, kept)
            return
        first_shares_line = bool(heads) and not self.alone_on_line(heads[0])
        if slot is not None and not kept and (first_shares_line or not rendered):
            self.replace(slot, new, flow=False)  # nothing of it stays: write it anew
            return
        skip: set[int] = set()
        if first_shares_line and 0 in deleted:
            following = kept[0]
            self.patch(heads[0], heads[following], "")
            skip.update(range(following))
        for i in sorted(deleted - skip):
            start = self.comments_above(self.line_start(heads[i]))
            self.patch(start, self.line_end(tails[i]), "")
        indent = " " * column
        for after, texts in rendered.items():
            if after >= 0:
                at = self.line_end(tails[after])
                lead = "" if at == 0 or self.text[at - 1] == "\n" else self.nl
                self.patch(at, at, lead + "".join(indent + t + self.nl for t in texts))
            elif first_shares_line:
                self.patch(heads[0], heads[0], "".join(t + self.nl + indent for t in texts))
            elif heads:
                at = self.comments_above(self.line_start(heads[0]))
                self.patch(at, at, "".join(indent + t + self.nl for t in texts))
            else:  # an empty root: the front matter had no keys yet
                at = len(self.text)
                lead = "" if at == 0 or self.text.endswith("\n") else self.nl
                self.patch(at, at, lead + "".join(t + self.nl for t in texts))

    def flow_entries(
        self,
        node: MappingNode | SequenceNode,
        heads: list[int],
        tails: list[int],
        deleted: set[int],
        rendered: dict[int, list[str]],
        kept: list[int],
    ) -> None:
        if not kept:  # nothing of the old content stays: rewrite inside the brackets
            texts = [t for _, ts in sorted(rendered.items()) for t in ts]
            if heads:
                self.patch(heads[0], tails[-1], ", ".join(texts))
            else:
                self.patch(node.start + 1, node.end - 1, ", ".join(texts))
            return
        for first, last in _runs(sorted(deleted)):
            if last + 1 < len(heads):
                self.patch(heads[first], heads[last + 1], "")
            else:
                self.patch(tails[first - 1], tails[last], "")
        for after, texts in rendered.items():
            if after >= 0:
                self.patch(tails[after], tails[after], "".join(", " + t for t in texts))
            else:
                self.patch(heads[0], heads[0], "".join(t + ", " for t in texts))


_GONE = object()


def item_offset(text: str, node: SequenceNode) -> int | None:
    """Columns from a dash to the first key of its mapping item (``-   key``: 4).

    ``None`` when no item is a block mapping starting on its dash's line.
    """
    for item in node.items:
        target = resolved(item)
        if isinstance(target, MappingNode) and not target.flow and target.keys:
            key = target.keys[0].start
            dash = text.rfind("-", 0, key)
            if dash >= 0 and "\n" not in text[dash:key]:
                return max(key - dash, 2)
    return None


def _reads_back(block: str, value: str) -> bool:
    """Whether a rendered block scalar reads back as ``value`` (its rules are subtle)."""
    from ._yaml import compose  # here, not at the top: _yaml does not need _edit

    try:
        return compose("k: " + block + "\n").data == {"k": value}
    except Exception:
        return False


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted indexes, as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
