"""The schema-free, lossless front-matter document.

Unchanged in, same bytes out: ``dumps(loads(text)) == text``. After an edit to
``doc.data`` or ``doc.body``, ``dumps`` rewrites only the text of what changed,
in the style of the text around it; comments, quoting, indentation, key
order, line endings, a byte-order mark and the body are kept.

>>> doc = loads("---\\ntitle: Old  # keep me\\n---\\nBody\\n")
>>> doc.data["title"] = "New"
>>> dumps(doc)
'---\\ntitle: New  # keep me\\n---\\nBody\\n'
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any, TypeAlias

from . import _edit, _io, _located, _split, _yaml
from ._io import Source, Target
from ._nodes import MappingNode, Node, ScalarNode, SequenceNode, last_offset, resolved
from ._positions import line_column, line_start
from ._render import Layout, is_scalar
from .errors import ConflictError, EditError, LimitExceededError, NewsItemError
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["FrontMatterDocument", "dump", "dumps", "insert", "load", "loads"]


class FrontMatterDocument:
    """A news-item text: its front matter as plain values, and its body.

    ``data`` is a ``dict`` of plain values (dict, list, str, int, float, bool,
    None, aware ``datetime``, ``date``); ``body`` is the text after the closing
    fence. Change either freely; :func:`dumps` writes what changed.
    """

    # Whether to keep a snapshot of the values read, so that an unchanged
    # document dumps without reading its text again.
    _SNAPSHOT = True
    # Whether to patch changed top-level scalars without the source tree (a
    # differential test holds the two routes to the same text).
    _PATCH_SCALARS = True
    # Whether to record where each value was written, with the values, in
    # one parse (``_located``): for readers that will ask for positions
    # (lint), instead of a values-only read now and a second, full parse (the
    # source tree) on the first position.
    _LOCATE = False

    __slots__ = (
        "_limits",
        "_located",
        "_looked",
        "_original_body",
        "_quotes",
        "_read_data",
        "_root",
        "_snapshot",
        "_split",
        "_text",
        "body",
        "data",
        "path",
    )

    def __init__(
        self, text: str, *, path: str | None = None, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self.path = path
        self._limits = limits
        self._read(text)

    def _read(self, text: str) -> None:
        path = self.path
        try:
            if len(text) > self._limits.max_bytes:
                raise LimitExceededError(
                    f"the text is longer than the limit of {self._limits.max_bytes} characters"
                )
            _io.check(text)
            parts = _split.split(text)
            self._split = parts
            self._root: MappingNode | None = None
            self._located: _located.Located | None = None
            self._looked = self._locates(parts.yaml)
            if self._looked:
                self._located = _located.located(parts.yaml, limits=self._limits)
                # What the offsets table does not model is composed in full.
                data = self._compose().data if self._located is None else self._located.data
            else:
                data = _yaml.values(parts.yaml, line_offset=1, limits=self._limits)
        except NewsItemError as exc:
            if path is not None:
                exc.path = path
            raise
        self._text = text
        self._original_body = parts.body
        self.data: dict[Any, Any] = data
        self._read_data = data
        self.body: str = parts.body
        # The values as read, in pickle's bytes (written in C): equal bytes
        # later mean the same values, type for type, even after edits in place.
        self._snapshot = _pickled(data) if self._SNAPSHOT else None

    def _locates(self, yaml: str) -> bool:
        """Whether to record the offsets of the values of ``yaml`` (the front matter) as it
        is read: ``_LOCATE``, unless a subclass asks the text.
        """
        return self._LOCATE

    def _compose(self) -> _yaml.Composed:
        composed = _yaml.compose(self._split.yaml, line_offset=1, limits=self._limits)
        self._root = composed.root
        self._quotes = composed.quotes
        return composed

    def _tree(self) -> MappingNode:
        """The source tree, composed on first need (an edit, a position)."""
        if self._root is None:
            try:
                return self._compose().root
            except NewsItemError as exc:
                if self.path is not None:
                    exc.path = self.path
                raise
        return self._root

    @property
    def original(self) -> str:
        """The text this document was read from."""
        return self._text

    @property
    def original_body(self) -> str:
        """The body as it was read."""
        return self._original_body

    def position(self, path: Sequence[str | int]) -> tuple[int, int] | None:
        """1-based (line, column) in the file of the value at ``path``, as loaded.

        ``path`` is a sequence of keys and list indexes, such as
        ``("related", 1, "title")``. Where the path goes further than the file
        does (a missing key), the position of the deepest value that exists is
        given; the first key's when not even the first step exists (the mapping
        starts there). ``None`` only for an empty front matter.
        """
        offsets = self._offsets()
        if offsets is not None:
            offset = offsets.start(path)
            return None if offset is None else self._line_column(offset)
        root = self._tree()
        node: Node = root
        found: Node | None = None
        for step in path:
            node = resolved(node)
            child = _child(node, step)
            if child is None:
                break
            node = found = child
        if found is None:
            node = root
            if not node.keys:
                return None
            found = node.keys[0]
        return self._line_column(_start_of(found, self._split.yaml))

    def comment(self, path: Sequence[str | int]) -> str | None:
        """The comment on the line of the value at ``path``, as loaded, without its ``#``.

        The comment is the one after the value on the line where the value
        ends (for a block scalar, also the one after its ``|`` or ``>``
        header). ``None`` when the value has none, or does not exist.
        """
        offsets = self._offsets()
        ends = self._ends(path) if offsets is None else offsets.ends(path)
        if ends is None:
            return None
        yaml = self._split.yaml
        for end in ends:
            if yaml[end - 1 : end] in ("\n", "\r"):
                # A kept block scalar (``|+``) ends after its line break: the line
                # it ends on holds only its text, and the next line is another value's.
                continue
            line_end = _LINE_BREAK.search(yaml, end)
            match = _COMMENT.search(yaml, end, line_end.start() if line_end else len(yaml))
            if match is not None:
                return match.group(1).strip()
        return None

    def _offsets(self) -> _located.Located | None:
        """Where the values were written, recorded on the first position asked for.

        A parse that records offsets costs less than composing the source
        tree; ``None`` when the tree is there (or must be, for what the
        record does not model).
        """
        if self._root is not None:
            return None
        if not self._looked:
            self._looked = True
            self._located = _located.located(self._split.yaml, limits=self._limits)
        return self._located

    def recorded_offsets(self) -> _located.Located | None:
        """The offsets recorded when the text was read, if they were; nothing is read anew."""
        return self._located if self._looked else None

    def _offsets_declined_by(self, test: Callable[[str], bool]) -> bool:
        """Whether ``test`` (see :data:`Locating`) said, of this text as read, not to record
        its offsets, and none were read since.
        """
        return False

    def _ends(self, path: Sequence[str | int]) -> list[int] | None:
        """Where the comment of the value at ``path`` may start (see :meth:`comment`)."""
        node: Node = self._tree()
        found: Node | None = None
        for step in path:
            child = _child(resolved(node), step)
            if child is None:
                return None
            node = found = child
        if found is None:
            return None
        end = last_offset(found)
        if isinstance(found, MappingNode) and found.flow and self._split.yaml[end - 1] != "}":
            # A flow pair (``[k: v]``, a mapping without braces) ends with its value:
            # the parser ends it at the next ``,`` or ``]``, maybe lines later.
            end = last_offset(found.values[-1])
        ends = [end]
        if isinstance(found, ScalarNode) and found.style in ("|", ">"):
            ends.insert(0, found.start)
        return ends

    def _line_column(self, offset: int) -> tuple[int, int]:
        return line_column(self._split.yaml, offset, 1)  # the opening fence is line 1

    def render(self) -> str:
        """The text of the document now (what :func:`dumps` returns)."""
        parts = self._split
        yaml = parts.yaml
        try:
            if not isinstance(self.data, dict):  # pyright: ignore[reportUnnecessaryIsInstance]
                raise EditError("the front matter must stay a mapping (a dict)")
            # Data replaced by another mapping (as the typed API does on an
            # edit) is most likely changed: the diff finds out, and patches
            # nothing when it is not.
            if self.data is not self._read_data or self._changed():
                data, limits = self.data, self._limits
                patched = self._scalars_patched() if self._PATCH_SCALARS else None
                if patched is not None:
                    yaml = patched
                else:
                    yaml = _edit.diff(
                        yaml, self._tree(), data, self._layout(), lambda t: _verify(t, data, limits)
                    )
        except NewsItemError as exc:
            if self.path is not None and exc.path is None:
                exc.path = self.path
            raise
        return self._assemble(yaml)

    def _assemble(self, yaml: str) -> str:
        """The whole text, with ``yaml`` between the fences and the body now."""
        parts = self._split
        if yaml is parts.yaml and self.body == self._original_body:
            return self._text
        tail = parts.tail
        if self.body and not tail.endswith(("\n", "\r")):
            tail += parts.newline
        if tail.endswith("\r") and self.body.startswith("\n"):
            # "\r" then "\n" would read as one CRLF, taking the body's first
            # line break into the fence: the fence ends in CRLF instead.
            tail += "\n"
        return parts.bom + parts.head + yaml + tail + self.body

    def write(self, target: Target, *, overwrite: bool = False) -> None:
        """Write the document (what :func:`dump` does).

        Writing back to the file it was read from refuses with
        :class:`~newsitem.errors.ConflictError` when that file changed on disk
        since, unless ``overwrite=True``. After a write to that file, the
        document stands for the new text.
        """
        text = self.render()
        own = _io.same_file(target, self.path)
        if own and not overwrite and not _io.unchanged_on_disk(str(self.path), self._text):
            raise ConflictError(
                "the file changed on disk since it was read; nothing was written "
                "(pass overwrite=True to replace it)",
                path=self.path,
            )
        _io.write(text, target)
        if own and text != self._text:
            self._read(text)

    def _scalars_patched(self) -> str | None:
        """The YAML with changed top-level scalars patched in, read back; None: the full route.

        The values read are the snapshot's; only when every top-level key is
        still there in its place, and each changed one held and holds a
        scalar, is the source tree spared.
        """
        if self._snapshot is None:
            return None
        old: dict[Any, Any] = pickle.loads(self._snapshot)
        data = self.data
        if list(old) != list(data):
            return None
        changes: dict[str, Any] = {}
        for key, value in data.items():
            before = old[key]
            if before == value and _edit.identical(before, value):
                continue
            if not (isinstance(key, str) and is_scalar(before) and is_scalar(value)):
                return None
            changes[key] = value
        return self._patch(old, changes) if changes else None

    def _patch(self, old: dict[Any, Any], changes: dict[str, Any]) -> str | None:
        """The YAML with ``changes`` patched in as scalars over ``old``, read back; or None."""
        yaml = _edit.patch_scalars(self._split.yaml, old, changes)
        if yaml is None:
            return None
        # What the text must read as, new strings as plain str (a Quoted one
        # pickles as another class): the same values, for a quicker compare.
        data = self.data
        expected = {
            key: str(changes[key]) if isinstance(changes.get(key), str) else value
            for key, value in data.items()
        }
        try:
            _verify(yaml, expected, self._limits)
        except EditError:
            return None  # the full route finds out what can be written, and says why not
        return yaml

    def _changed(self) -> bool:
        """Whether ``data`` differs, type for type, from what the text says."""
        if self._snapshot is not None and _pickled(self.data) == self._snapshot:
            return False
        new = _edit.freeze(self.data)
        if self._root is None:  # no tree yet: compare with the values read again
            return new != _edit.freeze(_yaml.values(self._split.yaml, limits=self._limits))
        return new != _edit.freeze_node(self._tree())

    def _layout(self) -> Layout:
        """The file's habits (indent width, sequence indentation, quotes, newline)."""
        yaml = self._split.yaml
        # New lines take the line break of the lines around them; the fence's
        # only when the YAML has none.
        first_break = _LINE_BREAK.search(yaml)
        newline = first_break.group(0) if first_break else self._split.newline
        root = self._tree()
        return _layout_of(yaml, root, newline, self._quotes)

    def __repr__(self) -> str:
        return f"FrontMatterDocument(data={self.data!r}, body={self.body!r})"


class _Typed(FrontMatterDocument):
    """The document under a typed item, which tells changes by its model's values.

    The item says which top-level keys it changed (:meth:`changed_scalars`);
    when they all hold scalars, their lines are patched without composing
    the source tree, and the text is read back as on the full route.
    """

    _SNAPSHOT = False
    __slots__ = ("_scalar_changes",)

    def changed_scalars(self, data: dict[Any, Any], changes: dict[str, Any] | None) -> None:
        """Take ``data`` as the new values, ``changes`` naming all that differs from those read.

        ``changes`` maps each changed top-level key to its new scalar value;
        ``None`` when the change is anything else.
        """
        self.data = data
        self._scalar_changes = (data, changes)

    def render(self) -> str:
        hint = getattr(self, "_scalar_changes", None)
        if self._PATCH_SCALARS and hint is not None and hint[0] is self.data and hint[1]:
            text = self._patched(hint[1])
            if text is not None:
                return text
        return super().render()

    def _patched(self, changes: dict[str, Any]) -> str | None:
        """The text with ``changes`` patched in as scalars, read back; None: the full route."""
        yaml = self._patch(self._read_data, changes)
        return None if yaml is None else self._assemble(yaml)

    def _changed(self) -> bool:
        # The typed item hands back the data it was read with only when its
        # model holds exactly the values read; any change is a new mapping.
        return False


class _TypedLocated(_Typed):
    """A typed item's document that records where its values were written, in the same parse."""

    _LOCATE = True
    __slots__ = ()


Locating: TypeAlias = "bool | Callable[[str], bool]"
"""Whether a reader will look up positions: ``True``, ``False``, or a test of the front
matter's text saying whether it will for that text (its values' offsets are then
recorded as they are read; for any other text, read on the first position asked for).
"""


class _TypedLocatedIf(_Typed):
    """A typed item's document that records where its values were written, in the same
    parse, when its test says the reader will ask (see :data:`Locating`).
    """

    __slots__ = ("_test",)

    def __init__(
        self,
        text: str,
        *,
        path: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
        test: Callable[[str], bool],
    ) -> None:
        self._test = test
        super().__init__(text, path=path, limits=limits)

    def _locates(self, yaml: str) -> bool:
        return self._test(yaml)

    def _offsets_declined_by(self, test: Callable[[str], bool]) -> bool:
        return test is self._test and not self._looked


def _typed(text: str, path: str | None, limits: Limits, located: Locating) -> FrontMatterDocument:
    if located is True or located is False:
        return (_TypedLocated if located else _Typed)(text, path=path, limits=limits)
    return _TypedLocatedIf(text, path=path, limits=limits, test=located)


def typed_loads(text: str, limits: Limits, *, located: Locating = False) -> FrontMatterDocument:
    """The document under a typed item read from ``text``: no snapshot.

    With ``located``, where each value was written is recorded with the
    values (one parse), for a caller that will look up positions.
    """
    return _typed(text, None, limits, located)


def typed_load(source: Source, limits: Limits, *, located: Locating = False) -> FrontMatterDocument:
    """The document under a typed item read from ``source``; see :func:`typed_loads`."""
    text, path = _io.read(source, max_bytes=limits.max_bytes)
    return _typed(text, path, limits, located)


def typed_update(
    document: FrontMatterDocument, data: dict[Any, Any], changes: dict[str, Any] | None
) -> None:
    """Give a typed item's document its new ``data`` (``changes``: see ``_Typed``)."""
    if isinstance(document, _Typed):
        document.changed_scalars(data, changes)
    else:
        document.data = data


def _pickled(data: object) -> bytes | None:
    """``data`` pickled, or ``None`` for values pickle cannot write (never equal)."""
    try:
        return pickle.dumps(data, protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return None


def loads(text: str, *, limits: Limits = DEFAULT_LIMITS) -> FrontMatterDocument:
    """Read a news-item text. Raises a :class:`~newsitem.errors.NewsItemError` subclass."""
    return FrontMatterDocument(text, limits=limits)


def load(source: Source, *, limits: Limits = DEFAULT_LIMITS) -> FrontMatterDocument:
    """Read a news item from a path or a binary file (strict UTF-8)."""
    text, path = _io.read(source, max_bytes=limits.max_bytes)
    return FrontMatterDocument(text, path=path, limits=limits)


def dumps(doc: FrontMatterDocument) -> str:
    """The text of ``doc``: the original bytes where nothing changed.

    Raises :class:`~newsitem.errors.EditError` when a value cannot be written
    as YAML (a set, an object) or would not read back as the same value.
    """
    return doc.render()


def dump(doc: FrontMatterDocument, target: Target, *, overwrite: bool = False) -> None:
    """Write ``doc`` to a path (atomically) or to a binary file.

    A path is replaced atomically: a crash leaves the old file or the new,
    never a mix. Writing back to the file ``doc`` was read from raises
    :class:`~newsitem.errors.ConflictError` if that file changed on disk since,
    unless ``overwrite=True``.
    """
    doc.write(target, overwrite=overwrite)


def insert(mapping: MutableMapping[Any, Any], index: int, key: Any, value: Any) -> None:
    """Add a new ``key`` at position ``index`` of ``mapping``, like ``list.insert``.

    The dumper writes a new key where it stands among the keys the file had:
    after the key before it, so ``insert(doc.data, 0, "id", 7)`` writes ``id``
    first. Raises ``KeyError`` when ``key`` is already there.
    """
    if key in mapping:
        raise KeyError(key)
    items = list(mapping.items())
    items.insert(index, (key, value))
    mapping.clear()
    mapping.update(items)


_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_COMMENT = re.compile(r"[ \t]#(.*)")


def _layout_of(text: str, root: MappingNode, newline: str, quotes: tuple[int, int]) -> Layout:
    """Indent width, sequence indentation and quotes most used in ``text``."""
    indent: int | None = None
    indent_sequences: bool | None = None
    item_offset: int | None = None

    def column(offset: int) -> int:
        return offset - line_start(text, offset)

    for node in _walk(root):
        if indent is not None and indent_sequences is not None and item_offset is not None:
            break  # all found: the rest of the tree cannot change them
        if isinstance(node, SequenceNode) and not node.flow and item_offset is None:
            item_offset = _edit.item_offset(text, node)
        if not isinstance(node, MappingNode) or node.flow:
            continue
        for key, value in zip(node.keys, node.values, strict=True):
            value = resolved(value)
            if isinstance(value, MappingNode) and not value.flow and value.keys and indent is None:
                head = _edit.entry_head(text, value.keys[0])
                indent = column(head) - column(_edit.entry_head(text, key)) or None
            if (
                isinstance(value, SequenceNode)
                and not value.flow
                and value.items
                and indent_sequences is None
            ):
                dash = text.rfind("-", 0, value.items[0].start)
                indent_sequences = column(dash) > column(_edit.entry_head(text, key))
    return Layout(
        indent=indent if indent is not None and indent > 0 else 2,
        indent_sequences=True if indent_sequences is None else indent_sequences,
        quote="'" if quotes[0] > quotes[1] else '"',
        newline=newline,
        item_offset=item_offset or 2,
    )


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    seen: set[int] = set()
    while stack:
        current = resolved(stack.pop())
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, MappingNode):
            stack.extend(reversed(current.values))
        elif isinstance(current, SequenceNode):
            stack.extend(reversed(current.items))


def _child(node: Node, step: str | int) -> Node | None:
    if isinstance(node, MappingNode):
        for key, value in zip(node.keys, node.values, strict=True):
            if key.value == step and type(key.value) is type(step):
                return value
        return None
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.items):
        return node.items[step]
    return None


def _start_of(node: Node, yaml: str) -> int:
    """Where a value starts: a block mapping, or a flow pair (``[k: v]``, no ``{``), at
    its first key's text, past the key's properties; any other node where it is written.
    """
    if not isinstance(node, MappingNode) or not node.keys:
        return node.start
    braced = node.flow and yaml[node.start : node.start + 1] == "{"
    return node.start if braced else node.keys[0].start


def _verify(yaml: str, data: dict[Any, Any], limits: Limits) -> None:
    """Read the patched YAML back: what is written must be exactly ``data``."""
    try:
        written = _yaml.values(yaml, line_offset=1, limits=limits)
    except NewsItemError as exc:
        raise EditError(f"the change could not be written as valid YAML: {exc.message}") from exc
    if not _edit.identical(written, data):
        raise EditError("the change could not be written so that it reads back the same")
