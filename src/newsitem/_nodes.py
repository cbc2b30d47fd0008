"""The source tree: where each value of the front matter was written.

The composer builds these next to the plain Python values. They hold only
immutable facts (offsets into the YAML text, styles, scalar values), so the
tree stays a faithful record of the source however the values are edited.
Offsets are 0-based character indexes into the YAML text between the fences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._scalars import Scalar


@dataclass(slots=True, eq=False)
class ScalarNode:
    """A scalar. ``start:end`` is its own text, after any anchor or tag."""

    value: Scalar
    start: int
    end: int
    style: str | None
    """``None`` plain, ``"'"``, ``'"'``, ``"|"`` or ``">"``."""
    tagged: bool = False


@dataclass(slots=True, eq=False)
class AliasNode:
    """``*name``: the same value as the node the anchor is on."""

    target: Node
    start: int
    end: int


@dataclass(slots=True, eq=False)
class MappingNode:
    """A mapping, block or flow. For flow, ``end`` is just after the ``}``."""

    flow: bool
    start: int
    end: int = 0
    keys: list[ScalarNode] = field(default_factory=list["ScalarNode"])
    values: list[Node] = field(default_factory=list["Node"])


@dataclass(slots=True, eq=False)
class SequenceNode:
    """A sequence, block or flow. For flow, ``end`` is just after the ``]``."""

    flow: bool
    start: int
    end: int = 0
    items: list[Node] = field(default_factory=list["Node"])


Node = ScalarNode | AliasNode | MappingNode | SequenceNode


def resolved(node: Node) -> ScalarNode | MappingNode | SequenceNode:
    """The node an alias stands for (the node itself otherwise)."""
    while isinstance(node, AliasNode):
        node = node.target
    return node


def last_offset(node: Node) -> int:
    """Where the text of ``node`` ends, its last descendant included."""
    while True:
        if isinstance(node, ScalarNode | AliasNode):
            return node.end
        if node.flow:
            return node.end
        if isinstance(node, MappingNode):
            if not node.values:
                return node.end
            node = node.values[-1]
        else:
            if not node.items:
                return node.end
            node = node.items[-1]
