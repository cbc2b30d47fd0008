"""Turn changed values into the smallest text patches on the original YAML.

``diff`` walks the new values beside the source tree. Equal subtrees are left
alone; a changed scalar gets its own span rewritten in its own style; keys and
items that come or go take or give whole lines (block) or ``, ``-separated
spans (flow). Nothing outside a patch is ever touched.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import pickle
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal, cast

from . import _render, _scalars
from ._nodes import AliasNode, MappingNode, Node, ScalarNode, SequenceNode, last_offset, resolved
from ._positions import line_start
from ._render import Layout
from .errors import EditError, NewsItemError


def freeze(value: Any) -> Hashable:
    """A hashable, type-strict image of a value: ``1``, ``1.0`` and ``True`` differ.

    A mapping's image holds its key order: ``{"a": 1, "b": 2}`` and
    ``{"b": 2, "a": 1}`` are different data, as a dict shows them.
    """
    kind = value.__class__
    if kind is str:
        return cast(str, value)  # the common case first; no other image is a str
    if kind is dict:  # key order is part of the data: dicts show it
        return ("m", tuple([(freeze(k), freeze(v)) for k, v in value.items()]))
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
        return ("m", tuple([(freeze(k), freeze(v)) for k, v in mapping.items()]))
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
        for (key, value), (other, other_value) in zip(left.items(), right.items(), strict=True):
            if key.__class__ is not str:  # 1 and True are one dict key: compare images
                return freeze(left) == freeze(right)
            if key != other or other.__class__ is not str or not same(value, other_value):
                return False
        return True
    if kind is list:
        return len(left) == len(right) and all(map(same, left, right))
    return freeze(left) == freeze(right)


def identical(left: Any, right: Any) -> bool:
    """:func:`same`, told at once by pickle (written in C) when both pickle to the same bytes.

    Equal bytes unpickle to the same values, type for type, so they are the
    same; unequal bytes (a ``Quoted`` string, an object shared differently)
    prove nothing, and :func:`same` decides.
    """
    try:
        if pickle.dumps(left, protocol=5) == pickle.dumps(right, protocol=5):
            return True
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        pass
    return same(left, right)


def freeze_node(node: Node) -> Hashable:
    """``freeze`` of the value a source node was read as."""
    node = resolved(node)
    if isinstance(node, ScalarNode):
        return freeze(node.value)
    if isinstance(node, MappingNode):
        pairs = zip(node.keys, node.values, strict=True)
        return ("m", tuple([(freeze(k.value), freeze_node(v)) for k, v in pairs]))
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


# What a patch that does not read back (or a construct the walk cannot patch)
# raises on the way: the next, larger rewrite is tried instead.
_RETRY = (NewsItemError, LookupError, ValueError, TypeError, AttributeError)


def diff(
    text: str,
    root: MappingNode,
    data: Mapping[Any, Any],
    layout: Layout,
    check: Callable[[str], None],
) -> str:
    """The YAML ``text`` with ``root`` changed into ``data``, patched minimally.

    ``check`` reads a candidate text back and raises ``EditError`` when it
    does not hold ``data``. Where the smallest patch does not read back (an
    explicit or anchored key, an alias as a key, a flow root), the
    collections the change was made in are rewritten whole, in the file's
    layout; failing that, the whole front matter.
    """
    freeze(data)  # a value YAML cannot hold is refused before any text is made
    first = _Editor(text, layout)
    candidate = _attempt(first, root, data, check)
    if candidate is not None:
        return candidate
    if first.sites and id(root) not in first.sites:
        candidate = _attempt(_Editor(text, layout, set(first.sites)), root, data, check)
        if candidate is not None:
            return candidate
    candidate = rewrite_root(text, root, data, layout)
    check(candidate)
    return candidate


def _attempt(
    editor: _Editor, root: MappingNode, data: Mapping[Any, Any], check: Callable[[str], None]
) -> str | None:
    """The patched text ``editor`` makes, if it reads back; ``None`` if it does not."""
    try:
        editor.mapping(root, data, None, flow=False)
        editor.aliases(root)
        candidate = editor.apply()
        check(candidate)
    except _RETRY:
        return None
    return candidate


def rewrite_root(text: str, root: MappingNode, data: Mapping[Any, Any], layout: Layout) -> str:
    """The whole front matter written anew from ``data``, in the file's layout and style.

    A flow root stays a flow mapping on one line; the comment lines before
    the first entry and after the last are kept.
    """
    lines = _lines(text)
    head = 0
    while head < len(lines) and _comment_or_blank(lines[head]):
        head += 1
    tail = len(lines)
    while tail > head and _comment_or_blank(lines[tail - 1]):
        tail -= 1
    nl = layout.newline
    if root.flow:
        body = _render.inline(data, layout=layout) + nl
    else:
        body = "".join(
            " " * column + line + nl for column, line in _render.mapping_lines(data, 0, layout)
        )
    # The text ends in a line break (the closing fence starts a line), so
    # the kept lines do too.
    return "".join(lines[:head]) + body + "".join(lines[tail:])


def _lines(text: str) -> list[str]:
    lines: list[str] = []
    at = 0
    while at < len(text):
        end = line_end(text, at)
        lines.append(text[at:end])
        at = end
    return lines


def _comment_or_blank(line: str) -> bool:
    stripped = line.strip(" \t\r\n")
    return not stripped or stripped.startswith("#")


class _Editor:
    def __init__(self, text: str, layout: Layout, rewrite: set[int] | None = None) -> None:
        self.text = text
        self.layout = layout
        self.nl = layout.newline
        self.patches: list[_Patch] = []
        # Collections to write anew rather than patch, by id.
        self.rewrite = rewrite or set()
        # The collection whose entries are being walked, and (by id) every
        # collection a patch was made in: what is rewritten whole if the patches fail.
        self.owner: MappingNode | SequenceNode | None = None
        self.sites: set[int] = set()
        # Nodes walked beside a new value, with that value (_GONE: replaced).
        self.kept_anchors: dict[int, Any] = {}
        # Aliases walked beside a new value: (value, slot, flow).
        self.alias_sites: dict[int, tuple[Any, _Slot, bool]] = {}

    # -- text geometry ---------------------------------------------------------

    def line_start(self, offset: int) -> int:
        return line_start(self.text, offset)

    def line_end(self, offset: int) -> int:
        """Just past the line break (``\r\n``, ``\r`` or ``\n``) of the line holding ``offset``."""
        return line_end(self.text, offset)

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

    def head(self, key: ScalarNode) -> int:
        return entry_head(self.text, key)

    def dash(self, item: Node) -> int:
        """The offset of the ``-`` that introduces a block sequence item."""
        return self.dash_before(item.start)

    def dash_before(self, start: int) -> int:
        """The offset of the ``-`` before the item text at ``start``.

        Between them: blanks, comments (``- # a-b`` then the item on the next
        line) and the item's ``&anchor`` and ``!tag`` when ``start`` is past them,
        each on the dash line or on a line of its own (``- &a`` then ``!!map``).
        """
        end = _content_before(self.text, start)
        while found := _properties(self.text, end, lines=False):
            end = _content_before(self.text, found[-1][0])
        return end - 1

    def patch(self, start: int, end: int, text: str) -> None:
        self.patches.append(_Patch(start, end, text))
        if self.owner is not None:
            self.sites.add(id(self.owner))

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

    # -- aliases ---------------------------------------------------------------

    def aliases(self, root: MappingNode) -> None:
        """Keep each ``*name`` that reads as its value still; write the value out otherwise.

        An alias reads what its anchor's node now holds: the new value where
        the walk changed that node in place, the old one where it left it
        alone, nothing where the anchor's text was removed or rewritten. An
        alias the walk never reached (inside an unchanged value) must go on
        reading its old value.
        """
        if not self.alias_sites and not self.patches:
            return
        if "*" not in self.text:
            return
        stack: list[tuple[Node, _Slot | None, bool]] = [(root, None, root.flow)]
        while stack:
            node, slot, flow = stack.pop()
            if isinstance(node, MappingNode):
                flow = flow or node.flow
                stack.extend((v, _Slot(node, i), flow) for i, v in enumerate(node.values))
            elif isinstance(node, SequenceNode):
                flow = flow or node.flow
                stack.extend((v, _Slot(node, i), flow) for i, v in enumerate(node.items))
            elif isinstance(node, AliasNode) and slot is not None and not self.removed(node):
                site = self.alias_sites.get(id(node))
                if site is None:
                    new_image = freeze_node(node.target)
                    site = (node_value(node.target), slot, flow)
                else:
                    new_image = freeze(site[0])
                if self.anchor_reads(node.target) != new_image:
                    self.owner = site[1].parent
                    self.replace(site[1], site[0], flow=site[2])

    def anchor_reads(self, target: Node) -> Hashable:
        """The image of what the anchored ``target`` reads as after the patches."""
        anchor = _anchor_span(self.text, _content_start(self.text, target))
        if anchor is None or any(
            p.start < anchor[1] and p.end > anchor[0] for p in self.patches if p.end > p.start
        ):
            return _GONE
        value: object = self.kept_anchors.get(id(target), _UNVISITED)
        if value is _GONE:
            return _GONE
        return freeze_node(target) if value is _UNVISITED else freeze(value)

    def removed(self, node: AliasNode) -> bool:
        """Whether a patch already removed or rewrote the text of ``node``."""
        return any(p.start <= node.start and p.end >= node.end > p.start for p in self.patches)

    # -- values ----------------------------------------------------------------

    def value(self, node: Node, new: Any, slot: _Slot, *, flow: bool) -> None:
        if self.rewrite and id(node) in self.rewrite:
            self.kept_anchors[id(node)] = _GONE
            self.replace(slot, new, flow=flow)
            return
        if isinstance(node, AliasNode):
            # Decided once every anchor's fate is known (see ``aliases``).
            self.alias_sites[id(node)] = (new, slot, flow)
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
            if node.flow and not node.items and not flow and _holds_collection(sequence):
                # "related: []" in a block file: new mapping items are block
                # items under the key, as the file's other lists are.
                self.kept_anchors[id(node)] = _GONE
                self.replace(slot, new, flow=False)
                return
            self.kept_anchors[id(node)] = new
            self.sequence(node, list(sequence), slot, flow=flow or node.flow)
        elif isinstance(node, ScalarNode) and _render.is_scalar(new):
            self.kept_anchors[id(node)] = new
            text = self.scalar_text(node, new, slot, flow=flow)
            # An empty value ("a: &x") is placed just after its anchor or tag.
            start, stop = node.start, node.end
            if node.tagged and type(new) is not type(node.value):
                # "!!int 42" set to a string: the tag goes, an anchor stays.
                found = _properties(self.text, start)
                if found:
                    start = found[-1][0]
                    anchors = [self.text[a:b] for a, b in reversed(found) if self.text[a] == "&"]
                    text = "".join(anchor + " " for anchor in anchors) + text
            key = slot.parent.keys[slot.index] if isinstance(slot.parent, MappingNode) else None
            colon = self.colon_after(key) if key is not None and start == stop else None
            if colon is not None and start < colon:
                start = stop = colon + 1  # "? key" then ":" alone: the value goes after it
            if start == stop and key is not None and colon is None:
                # "? key" with no value: the value gets its ":" (on a line of its own).
                head = " " if flow else self.nl + " " * self.column(self.head(key))
                text = head + ": " + text
            elif start == stop and start > 0 and self.text[start - 1] not in " \t\r\n[{,":
                text = " " + text  # an empty value sits right after its ":", "-" or anchor
            self.patch(start, self.before_break(stop), text)
        else:
            self.kept_anchors[id(node)] = _GONE  # an anchor here may not read as before
            self.replace(slot, new, flow=flow)

    def scalar_text(
        self, old: ScalarNode, new: Any, slot: _Slot | None = None, *, flow: bool
    ) -> str:
        original = self.text[old.start : old.end]
        if isinstance(new, str):
            if old.style in ("|", ">") and slot is not None:  # patch_scalars hands no block
                indent = self.block_indent(old, slot)
                block = _render.block_scalar(new, old.style, indent, self.nl)
                if block is not None and _reads_back(block, new):
                    return block
                return _render.double_quoted(new)
            return _render.string(new, style=old.style, layout=self.layout, flow=flow)
        if old.style is None and not old.tagged:
            written = _scalars.format_like(new, original, old.value)
            if written is not None:
                return written
        return _render.scalar(new, layout=self.layout, flow=flow)

    def block_indent(self, old: ScalarNode, slot: _Slot) -> int:
        """The content column of a block scalar: its lines', or, when it has none, the
        column of its key (or of its dash) at ``slot`` plus the file's indent."""
        for line in self.text[old.start : old.end].splitlines()[1:]:
            if line.strip():
                return len(line) - len(line.lstrip(" "))
        parent = slot.parent
        if isinstance(parent, MappingNode):
            column = self.column(self.head(parent.keys[slot.index]))
        else:
            column = self.column(self.dash(old))
        return column + self.layout.indent

    def replace(self, slot: _Slot, new: Any, *, flow: bool) -> None:
        """Write ``new`` where the value at ``slot`` was, whatever its shape."""
        parent = slot.parent
        if isinstance(parent, MappingNode):
            key, node = parent.keys[slot.index], parent.values[slot.index]
            end = self.before_break(self.last_offset(node))
            colon = self.colon_after(key)
            if flow or parent.flow:
                text = _render.inline(new, layout=self.layout)
                if colon is None:
                    self.patch(key.end, key.end, ": " + text)
                elif node.start == node.end == colon + 1:
                    self.patch(node.start, end, " " + text)  # "a:" then "[]": "a: []"
                else:  # the new value takes the old one's place, its properties too
                    self.patch(max(_properties_start(self.text, node.start), colon + 1), end, text)
                return
            if colon is None:  # "? key" with no value: the value gets its ":" line
                column = self.column(self.head(key))
                first, *rest = _render.value_lines(new, column, self.layout)
                lines = [" " * column + ":" + first, *rest]
                self.patch(key.end, max(key.end, end), "".join(self.nl + line for line in lines))
                return
            start = colon + 1
            # Lines below are indented from the key, or from the ":" of an
            # explicit entry ("? key" then ": value"), whichever is further left.
            column = min(self.column(self.head(key)), self.column(colon))
            first, *rest = _render.value_lines(new, column, self.layout)
            after = self.line_end(end)
            on_key_line = self.line_start(end) == self.line_start(key.start)
            if rest and on_key_line and self.text[end:after].strip(" \t\r\n").startswith("#"):
                # "key: []  # note": the comment stays on the key's line.
                self.patch(start, max(end, start), first)
                self.patch(after, after, "".join(line + self.nl for line in rest))
                return
            self.patch(start, max(end, start), first + "".join(self.nl + line for line in rest))
            return
        node = parent.items[slot.index]
        end = self.before_break(self.last_offset(node))
        # The new value takes the old one's place, its &anchor and !tag too.
        content = _content_start(self.text, node)
        found = _properties(self.text, content)
        start = found[-1][0] if found else content
        if flow or parent.flow:
            self.patch(start, end, _render.inline(new, layout=self.layout))
            return
        dash = self.dash_before(start)
        offset = self.item_offset(parent)
        if start > dash + 1 and not self.text[dash + 1 : start].strip(" "):
            # The new value starts where the old one did ("-   a"): the lines
            # after the first line up with it.
            offset = start - dash
        lines = _render.item_lines(new, self.column(dash), self.layout, offset=offset)
        # "-" alone: the value goes after the dash, at the list's offset from it.
        cut = 1 if start == end == dash + 1 else offset
        text = lines[0][cut:] + "".join(self.nl + line for line in lines[1:])
        self.patch(start, max(start, end), text)

    def last_offset(self, node: Node) -> int:
        """Where the text of ``node`` ends, its last descendant included.

        An empty value of an explicit key (``? key`` then ``:`` alone) ends
        at its ``:``, not at the key, where the parser puts it.
        """
        end = last_offset(node)
        while isinstance(node, MappingNode) and not node.flow and node.values:
            key, node = node.keys[-1], node.values[-1]
            if isinstance(node, ScalarNode) and node.start == node.end == key.end:
                colon = self.colon_after(key)
                if colon is not None:
                    return colon + 1
        return end

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
        owner, self.owner = self.owner, node
        try:
            self.mapping_entries(node, new, slot, flow=flow)
        finally:
            self.owner = owner

    def mapping_entries(
        self, node: MappingNode, new: Mapping[Any, Any], slot: _Slot | None, *, flow: bool
    ) -> None:
        index = {key.value: i for i, key in enumerate(node.keys)}
        heads = [self.head(key) for key in node.keys]
        moved = self.moved_keys(node, new, heads, slot, flow=flow)
        if moved is None:
            return  # written anew
        deleted: set[int] = set()
        texts: dict[int, str] = {}
        for i, (key, child) in enumerate(zip(node.keys, node.values, strict=True)):
            if key.value not in new:
                deleted.add(i)
                continue
            before = len(self.patches)
            self.value(child, new[key.value], _Slot(node, i), flow=flow or node.flow)
            if key.value in moved:
                texts[i] = self.lift(heads[i], self.last_offset(child), before, dash_line=i == 0)
                deleted.add(i)
        groups: dict[int, list[Any]] = {}
        anchor = -1
        for key in new:
            if key in index and key not in moved:
                anchor = index[key]
            else:
                groups.setdefault(anchor, []).append(key)
        if not deleted and not groups:
            return
        column = self.column(heads[0]) if node.keys else 0
        rendered = {
            a: [
                _Moved(texts[index[k]])
                if k in moved
                else self.render_entry(k, new[k], column, flow=flow or node.flow)
                for k in keys
            ]
            for a, keys in groups.items()
        }
        tails = [self.last_offset(value) for value in node.values]
        for i, (key, value) in enumerate(zip(node.keys, node.values, strict=True)):
            if isinstance(value, ScalarNode) and value.start == value.end == key.end:
                colon = self.colon_after(key)  # "? key" then ":" alone
                tails[i] = colon + 1 if colon is not None else tails[i]
        self.entries(
            node, new, slot, heads, tails, deleted, rendered, column, flow=flow or node.flow
        )

    def moved_keys(
        self,
        node: MappingNode,
        new: Mapping[Any, Any],
        heads: list[int],
        slot: _Slot | None,
        *,
        flow: bool,
    ) -> set[Any] | None:
        """The keys whose entries must move for the mapping to read in ``new``'s order.

        As few as possible move: those outside a longest run of shared keys in
        the same order on both sides. Where entries cannot be moved as text (a
        flow mapping, explicit keys, anchors or aliases), the mapping is
        written anew and ``None`` returned.
        """
        old_order = [key.value for key in node.keys if key.value in new]
        shared = set(old_order)
        new_order = [key for key in new if key in shared]
        if old_order == new_order:
            return set()
        span = self.text[heads[0] : self.last_offset(node.values[-1])]
        movable = (
            not flow
            and not node.flow
            and not any(self.text[h] == "?" for h in heads)
            and "&" not in span
            and "*" not in span
        )
        if movable:
            stay = {old_order[i] for i, _ in _common(cast(Any, old_order), cast(Any, new_order))}
            return set(old_order) - stay
        if slot is None:  # the root: the whole front matter is written anew
            self.sites.add(id(node))
            raise EditError("the keys of the front matter change order")
        self.replace(slot, new, flow=flow or node.flow)
        return None

    def lift(self, head: int, tail: int, before: int, *, dash_line: bool = False) -> str:
        """The text of the entry from ``head`` to ``tail`` (its comments above included),
        with the patches made in it since ``before`` applied, and those patches dropped.

        A first entry on its item's dash line (``- a: 1``, ``dash_line``) is
        lifted from its key on, indented as its siblings are.
        """
        on_dash = dash_line and not self.alone_on_line(head)
        start = head if on_dash else self.comments_above(self.line_start(head))
        end = self.line_end(self.before_break(tail))
        inner = sorted(self.patches[before:], key=lambda p: (p.start, p.end))
        del self.patches[before:]
        out: list[str] = []
        position = start
        for p in inner:
            if p.start < position or p.end > end:
                raise EditError("internal error: an edit outside a moved entry")
            out.append(self.text[position : p.start])
            out.append(p.text)
            position = p.end
        out.append(self.text[position:end])
        text = "".join(out)
        if on_dash:
            text = " " * self.column(head) + text
        return text if text.endswith(("\n", "\r")) else text + self.nl

    def sequence(self, node: SequenceNode, new: list[Any], slot: _Slot, *, flow: bool) -> None:
        owner, self.owner = self.owner, node
        try:
            self.sequence_items(node, new, slot, flow=flow)
        finally:
            self.owner = owner

    def sequence_items(
        self, node: SequenceNode, new: list[Any], slot: _Slot, *, flow: bool
    ) -> None:
        old = [freeze_node(item) for item in node.items]
        deleted: set[int] = set()
        groups: dict[int, list[Any]] = {}
        for _, i1, i2, j1, j2 in align(old, [freeze(v) for v in new]):
            # Equal runs pair item for item; a changed run pairs as many as
            # both sides have, then deletes or inserts the rest.
            paired = min(i2 - i1, j2 - j1)
            for k in range(paired):
                self.value(node.items[i1 + k], new[j1 + k], _Slot(node, i1 + k), flow=flow)
            deleted.update(range(i1 + paired, i2))
            if j1 + paired < j2:
                groups.setdefault(i1 + paired - 1, []).extend(new[j1 + paired : j2])
        if not deleted and not groups:
            return
        heads = [
            self.dash(item) if not flow else _properties_start(self.text, item.start)
            for item in node.items
        ]
        column = self.column(heads[0]) if heads else 0
        offset = self.item_offset(node)  # unread in flow
        rendered = {
            a: [self.render_item(v, column, offset, flow=flow) for v in values]
            for a, values in groups.items()
        }
        tails = [self.last_offset(item) for item in node.items]
        self.entries(node, new, slot, heads, tails, deleted, rendered, column, flow=flow)

    def render_entry(self, key: Any, value: Any, column: int, *, flow: bool) -> str:
        if flow:
            return f"{_render.flow_key(key, self.layout)}: " + _render.inline(
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
            self.patch(start, self.line_end(self.before_break(tails[i])), "")
        indent = " " * column

        def lines(t: str) -> str:
            return t if isinstance(t, _Moved) else indent + t + self.nl

        for after, texts in rendered.items():
            if after >= 0:
                at = self.line_end(self.before_break(tails[after]))
                self.patch(at, at, "".join(lines(t) for t in texts))
            elif first_shares_line:
                # On the dash line: a moved entry loses its first line's
                # indentation and its last line break, as a new one has none.
                texts = [_on_dash_line(t, column) if isinstance(t, _Moved) else t for t in texts]
                self.patch(heads[0], heads[0], "".join(t + self.nl + indent for t in texts))
            elif heads:
                at = self.comments_above(self.line_start(heads[0]))
                self.patch(at, at, "".join(lines(t) for t in texts))
            else:  # the front matter has no keys yet: it is written anew, comments kept
                raise EditError("an empty front matter is written anew")

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


class _Moved(str):
    """An entry's own text, moved elsewhere in its mapping: written as it is."""

    __slots__ = ()


def _on_dash_line(text: str, column: int) -> str:
    """A moved entry's lines, to start after an item's ``- ``."""
    text = text.removesuffix("\n").removesuffix("\r")  # it ends in one line break
    return text[column:] if text[:column].strip(" ") == "" else text.lstrip(" ")


def entry_head(text: str, key: ScalarNode) -> int:
    """Where a mapping entry starts: its key's ``&anchor`` or ``!tag``, or the ``?`` of ``? k``."""
    at = _properties_start(text, key.start)
    before = at
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before > 0 and text[before - 1] == "?":
        return before - 1
    return at


def _content_start(text: str, node: Node) -> int:
    """Where the content of ``node`` starts: its own ``&anchor`` and ``!tag`` come before.

    A block mapping starts at its first entry's head: the properties on the
    first key's line are the key's (``&k a: 1``), those above it the mapping's.
    """
    if isinstance(node, MappingNode) and not node.flow and node.keys:
        return entry_head(text, node.keys[0])
    return node.start


def _holds_collection(items: Sequence[Any]) -> bool:
    """Whether a list holds a non-empty mapping or list, which flow style would cram on a line."""
    return any(_render.as_mapping(v) or _render.as_list(v) for v in items)


_UNVISITED = object()


def node_value(node: Node) -> Any:
    """The value a source node was read as, built again from the tree."""
    node = resolved(node)
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, MappingNode):
        return {k.value: node_value(v) for k, v in zip(node.keys, node.values, strict=True)}
    return [node_value(item) for item in node.items]


def _properties(text: str, start: int, *, lines: bool = True) -> list[tuple[int, int]]:
    """The ``&anchor`` and ``!tag`` tokens written before the node content at ``start``.

    ``lines=False`` looks on the line of ``start`` only, as for a key, whose
    properties are on its line (those on the line above are its mapping's).
    """
    found: list[tuple[int, int]] = []
    end = start
    blanks = " \t\r\n" if lines else " \t"
    for _ in range(2):  # an anchor and a tag, in either order
        while end > 0 and text[end - 1] in blanks:
            end -= 1
        token = end
        while token > 0 and text[token - 1] not in " \t\r\n[{,":  # no name holds these
            token -= 1
        if token == end or text[token] not in "&!":
            break
        found.append((token, end))
        end = token
    return found


_COMMENT = re.compile(r"(?:^|[ \t])#")


def _content_before(text: str, start: int) -> int:
    """Just past the last character before ``start`` that is neither blank nor in a comment.

    Only blank and comment lines come between an item's dash line and its
    content, and a comment on the dash line starts at its first ``#`` after a
    blank (a ``#`` inside an ``&anchor`` or ``!tag`` follows no blank).
    """
    at = start
    while at > 0:
        line = line_start(text, at - 1)
        segment = text[line:at]
        comment = _COMMENT.search(segment)
        if comment is not None:
            segment = segment[: comment.start()]
        kept = len(segment.rstrip(" \t\r\n"))
        if kept:
            return line + kept
        at = line
    return at


def _properties_start(text: str, start: int) -> int:
    """Where a key's or flow item's text starts on its line, ``&anchor`` and ``!tag`` included."""
    found = _properties(text, start, lines=False)
    return found[-1][0] if found else start


def _anchor_span(text: str, start: int) -> tuple[int, int] | None:
    """Where the ``&name`` before the node content at ``start`` is written, if any."""
    for token, end in _properties(text, start):
        if text[token] == "&":
            return token, end
    return None


def line_end(text: str, offset: int) -> int:
    """Just past the line break (``\r\n``, ``\r`` or ``\n``) of the line holding ``offset``."""
    newline = text.find("\n", offset)
    if "\r" in text:
        cr = text.find("\r", offset)
        if cr != -1 and (newline == -1 or cr < newline):
            return cr + 2 if text.startswith("\r\n", cr) else cr + 1
    return len(text) if newline == -1 else newline + 1


Opcode = tuple[Literal["equal", "change"], int, int, int, int]

# Above this many cells, the alignment of a list's middle uses difflib, which
# is not always the longest match but takes linear memory.
_MAX_ALIGNMENT_CELLS = 250_000


def align(old: list[Hashable], new: list[Hashable]) -> list[Opcode]:
    """Runs of ``old`` and ``new`` items: ``equal`` ones, and ``change`` ones between them.

    The equal items are a longest common subsequence, so that as many of the
    old items as possible keep their lines (and their comments). Where several
    choices keep as many, the earliest old items are kept: after an append or
    a ``pop()`` on a list of equal items, the new item comes last or the last
    one goes. ``(tag, i1, i2, j1, j2)``: ``old[i1:i2]`` becomes ``new[j1:j2]``.
    """
    n, m = len(old), len(new)
    lead = 0
    while lead < n and lead < m and old[lead] == new[lead]:
        lead += 1
    trail = 0
    while trail < n - lead and trail < m - lead and old[n - 1 - trail] == new[m - 1 - trail]:
        trail += 1
    pairs = [(i, i) for i in range(lead)]
    middle_old, middle_new = old[lead : n - trail], new[lead : m - trail]
    pairs += [(lead + i, lead + j) for i, j in _common(middle_old, middle_new)]
    pairs += [(n - trail + k, m - trail + k) for k in range(trail)]
    opcodes: list[Opcode] = []
    i = j = 0
    for a, b in [*pairs, (n, m)]:
        if a > i or b > j:
            opcodes.append(("change", i, a, j, b))
        if a < n:
            if opcodes and opcodes[-1][0] == "equal" and opcodes[-1][2] == a:
                _, i1, _, j1, _ = opcodes[-1]
                opcodes[-1] = ("equal", i1, a + 1, j1, b + 1)
            else:
                opcodes.append(("equal", a, a + 1, b, b + 1))
        i, j = a + 1, b + 1
    return opcodes


def _common(old: list[Hashable], new: list[Hashable]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence, the earliest old items preferred."""
    n, m = len(old), len(new)
    if n * m > _MAX_ALIGNMENT_CELLS:
        matcher = SequenceMatcher(None, old, new, autojunk=False)
        return [(a + k, b + k) for a, b, size in matcher.get_matching_blocks() for k in range(size)]
    # longest[i][j]: the longest common subsequence of old[i:] and new[j:].
    longest = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = longest[i], longest[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if old[i] == new[j] else max(below[j], row[j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if old[i] == new[j] and longest[i][j] == longest[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif longest[i][j + 1] >= longest[i + 1][j]:
            j += 1  # an inserted item: the old one may still be kept further on
        else:
            i += 1
    return pairs


def item_offset(text: str, node: SequenceNode) -> int | None:
    """Columns from a dash to the first entry of its mapping item (``-   key``: 4).

    The entry starts at its ``?``, ``&anchor`` or ``!tag`` if it has one
    (``- ? key``: 2).

    ``None`` when no item is a block mapping starting on its dash's line.
    """
    for item in node.items:
        target = resolved(item)
        if isinstance(target, MappingNode) and not target.flow and target.keys:
            key = entry_head(text, target.keys[0])
            dash = text.rfind("-", 0, key)
            if dash >= 0 and "\n" not in text[dash:key] and "\r" not in text[dash:key]:
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


# -- top-level scalars, without the source tree ---------------------------------

_LINE_BREAK = re.compile(r"[\r\n]")
_COMMENT_START = re.compile(r"[ \t]#")
_LINE_REST = re.compile(r"[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|$)")


def patch_scalars(text: str, old: Mapping[Any, Any], changes: Mapping[str, Any]) -> str | None:
    """``text`` with the top-level scalars ``changes`` names rewritten, found without a parse.

    Each key must be written once, plain, at the start of a line, with a
    single-line scalar after it (plain or quoted, no anchor, tag or alias);
    the new value is written as :meth:`_Editor.scalar_text` writes it for the
    full route. ``None`` whenever any of that is not so: the full route
    then does the edit. What this returns is not known to be right until it
    is read back: the caller verifies it, as every patch is.
    """
    patches: list[tuple[int, int, str]] = []
    editors: tuple[_Editor, _Editor] | None = None
    for key, value in changes.items():
        span = _top_scalar(text, key)
        if span is None or not _render.is_scalar(value) or not _render.is_scalar(old[key]):
            return None
        start, end, style = span
        node = ScalarNode(old[key], start, end, style)
        if editors is None:  # the file's quote is used only where the old one cannot be kept
            editors = (_Editor(text, Layout(quote='"')), _Editor(text, Layout(quote="'")))
        written = {editor.scalar_text(node, value, flow=False) for editor in editors}
        if len(written) != 1:
            return None
        # On one line: with no slot, no block scalar is written, and quotes escape breaks.
        patches.append((start, end, written.pop()))
    out: list[str] = []
    position = 0
    for start, end, new in sorted(patches):
        if start < position:
            return None
        out += [text[position:start], new]
        position = end
    out.append(text[position:])
    return "".join(out)


def _top_scalar(text: str, key: str) -> tuple[int, int, str | None] | None:
    """Where the single-line scalar of the top-level ``key: value`` line is, and its style."""
    lines = _key_lines(key)
    if lines is None:
        return None
    # The key's text is searched for (quick: a literal), then kept at line starts.
    found = [m for m in lines.finditer(text) if m.start() == 0 or text[m.start() - 1] in "\r\n"]
    if len(found) != 1:
        return None  # none, or written twice: let the parser say which is which
    start = found[0].end()
    while start < len(text) and text[start] in " \t":
        start += 1
    if start >= len(text) or text[start] in "\r\n&*!|>[{#":
        return None
    first = text[start]
    if first == '"':
        end = start + 1
        while end < len(text) and text[end] != '"':
            if text[end] in "\r\n" or text.startswith(("\\\n", "\\\r"), end):
                return None
            end += 2 if text[end] == "\\" else 1
        if end >= len(text):
            return None
        end += 1
        style: str | None = '"'
    elif first == "'":
        end = start + 1
        while True:
            end = text.find("'", end)
            if end == -1 or any(c in text[start:end] for c in "\r\n"):
                return None
            if text.startswith("''", end):
                end += 2
                continue
            break
        end += 1
        style = "'"
    else:
        stop = _LINE_BREAK.search(text, start)
        after = stop.start() if stop is not None else len(text)
        comment = _COMMENT_START.search(text, start, after)
        end = comment.start() if comment is not None else after
        while end > start and text[end - 1] in " \t":
            end -= 1
        style = None
        if _continues(text, after):
            return None
    if _LINE_REST.match(text, end) is None:
        return None
    return start, end, style


@functools.lru_cache(maxsize=256)
def _key_lines(key: str) -> re.Pattern[str] | None:
    """``key`` and the ``:`` after it, as a pattern; None if ``key`` is not written plain."""
    if not key or _render.plain(key) != key:
        return None
    return re.compile(rf"{re.escape(key)}[ \t]*:(?=[ \t\r\n]|\Z)")


def _continues(text: str, at: int) -> bool:
    """Whether an indented line (after blank ones) follows: a plain scalar may go on there."""
    while at < len(text):
        following = line_end(text, at)
        line = text[at:following]
        stripped = line.strip(" \t\r\n")
        if stripped:
            return line[0] in " \t" and not stripped.startswith("#")
        at = following
    return False
