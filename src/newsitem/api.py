"""``load``, ``loads``, ``dump``, ``dumps``: typed news items over the lossless core.

An item read from text remembers its document. An item nothing was changed
in since it was read (no assignment, ``del`` or list change in any model:
see :mod:`newsitem._lists`) dumps its text as read, without looking at its
values. Otherwise, on dump, the model is turned back into plain values and
compared with what was read: values that did not change keep their original
text exactly (a quoted timestamp stays quoted), and only what changed is
handed to the front-matter layer, which rewrites just those lines. A new
field goes where the format's key order puts it.
"""

from __future__ import annotations

import functools
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar, cast, get_args, overload

import pydantic
import pydantic_core
from pydantic_core import PydanticSerializationError

from . import _lists, _render
from ._edit import freeze, identical, same
from ._io import Source, Target
from ._io import write as _write
from ._lists import link_root
from ._render import as_list, as_mapping
from ._scalars import REFERENCE_TIMESTAMP, TimestampStyle, format_timestamp
from ._validation import Loc, Locator, from_pydantic_error, naive_timestamps, validate
from .errors import EditError
from .frontmatter import FrontMatterDocument, typed_load, typed_loads, typed_update
from .limits import DEFAULT_LIMITS, Limits
from .models import Article, quoted_keys

__all__ = ["NewsItem", "dump", "dumps", "load", "loads"]

A = TypeVar("A", bound=Article)

# The reference file's habits, for items built in code.
_REFERENCE = _render.Layout(indent=2, indent_sequences=True, quote='"', newline="\n")


class NewsItem(Generic[A]):
    """A news item: its typed front matter (``article``) and its ``body``.

    Build one in code with ``NewsItem(Article(...))``, or read one with
    :func:`load`/:func:`loads`; change ``article`` and ``body`` freely, then
    :func:`dump`/:func:`dumps` it.
    """

    __slots__ = (
        "__weakref__",
        "_article",
        "_base",
        "_base_json",
        "_checked",
        "_clean",
        "_document",
        "_exposed",
        "_exposed_at",
        "_raw",
        "body",
    )

    def __init__(self, article: A, body: str = "\n") -> None:
        if not isinstance(cast("object", article), pydantic.BaseModel):
            raise TypeError(
                f"NewsItem() takes an Article (or another model), not "
                f"{type(article).__name__}; build one with Article.model_validate(data)"
            )
        if not isinstance(cast("object", body), str):
            raise TypeError(f"the body of a NewsItem is a str, not {type(body).__name__}")
        self._document: FrontMatterDocument | None = None
        # The change counter (_lists.epoch) when the article was last known to
        # hold the values read (-1: not known); whether a model in it handed
        # out a value it cannot watch (then it is compared on every dump); and
        # the counter of unvalidated instances (_lists.unchecked_epoch) when
        # the article was last known valid.
        self._clean = -1
        self._exposed = True
        self._exposed_at = -1  # _lists.exposed_epoch when _exposed was found
        self._checked = -1
        self.article = article
        self.body: str = body
        self._raw: dict[Any, Any] = {}
        self._base: dict[str, Any] = {}
        self._base_json: bytes | None = None  # JSON of ``_base``, made on first need

    @property
    def article(self) -> A:
        """The front matter, a validated model (:class:`~newsitem.models.Article` by default)."""
        return self._article

    @article.setter
    def article(self, article: A) -> None:
        self._article = article
        link_root(article, self)  # errors raised inside the article name this item's file
        self._clean = self._exposed_at = -1  # another article: to be looked at anew
        if self._document is not None:  # the caller may hold parts of it, built in any way
            _lists.unchecked()
            _lists.adopt(article, article)

    def __eq__(self, other: object) -> bool:
        """Equal when the articles are equal (values, not text or file) and the bodies too."""
        if not isinstance(other, NewsItem):
            return NotImplemented
        known = cast("NewsItem[Any]", other)  # type: ignore[redundant-cast]  # pyright needs it
        return self.body == known.body and self.article == known.article

    __hash__ = None  # type: ignore[assignment]  # mutable, like the models

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt through __init__'s path, so the article is linked to its item again.
        state = (self._document, self._raw, self._base)
        return (_rebuild_item, (self.article, self.body, state))

    @property
    def path(self) -> str | None:
        """The file the item was read from, if any."""
        return self._document.path if self._document is not None else None

    def _rebase(self, document: FrontMatterDocument, epoch: int, checked: int) -> None:
        """Take ``document`` as what the item was read from.

        ``epoch`` and ``checked`` are the change counters read before the
        article was built from ``document`` (or checked against it).
        """
        self._document = document
        self._raw = document.data
        # The plain values as read (a copy: later edits of the model in place
        # do not reach it), to tell an edit's changed parts from the rest, and
        # an unchanged item from a changed one.
        self._base = _plain(self.article)
        self._base_json = None
        self._clean = epoch
        self._checked = checked

    def _as_read(self) -> bool:
        """Whether the article surely holds the values of its document's text: read
        from it, and no change made in any model since, nor any part handed out
        where changes go unseen.
        """
        return self._document is not None and self._clean == _lists.epoch and not self._exposed

    def render(self) -> str:
        """The text of the item now (what :func:`dumps` returns)."""
        document = self._sync()
        if document is None:
            return _render_new(self.article, self.body)
        if document.data is self._raw and self.body == document.original_body:
            return document.original  # nothing changed: the text as it was read
        return document.render()

    def write(self, target: Target, *, overwrite: bool = False) -> None:
        """Write the item (what :func:`dump` does); see :func:`dump`."""
        document = self._sync()
        if document is None:
            _write(_render_new(self.article, self.body), target)
            return
        before = document.original
        epoch, checked = _lists.epoch, _lists.unchecked_epoch
        document.write(target, overwrite=overwrite)
        if document.original is not before:  # written back to its own file: the new base
            exposures = _lists.exposed_epoch
            self._rebase(document, epoch, checked)
            self._exposed = _lists.exposed(self.article)
            self._exposed_at = exposures

    def _sync(self) -> FrontMatterDocument | None:
        """Hand the model's changes to the document, keeping unchanged values as written."""
        document = self._document
        if document is None:
            return None
        document.body = self.body
        if self._clean == _lists.epoch and not self._exposed:
            # Nothing changed in any model since the article last held the
            # values read: no need to look at them.
            document.data = self._raw
            return document
        epoch, checked, exposures = _lists.epoch, _lists.unchecked_epoch, _lists.exposed_epoch
        new = _plain(self.article)
        if self._exposed_at != exposures:  # something was exposed somewhere: is it in here?
            self._exposed = _lists.exposed(self.article)
            self._exposed_at = exposures
        if self._unchanged(new):
            document.data = self._raw
            self._clean = epoch
            return document
        if self._exposed or self._checked != checked:
            # Values that reached the model unvalidated: an instance put in as
            # it is (model_construct), or a change made where no one watches.
            _revalidate(self.article, new)
            self._checked = checked
        merger = _Merger(type(self.article), document)
        merged = merger.merge(self._raw, self._base, new)
        typed_update(document, merged, _scalar_changes(self._raw, merged))
        return document

    def _unchanged(self, new: dict[str, Any]) -> bool:
        """Whether the plain values ``new`` are, type for type, the values read.

        ``==`` runs in C and tells a datetime from its string; JSON (written
        in Rust) tells ``1`` from ``1.0`` and ``True``, ``-0.0`` from ``0.0``
        and one offset from another for the same instant. Values JSON cannot
        write count as changed: the full merge then says what they are.
        """
        try:
            if new != self._base:
                return False
            if self._base_json is None:
                self._base_json = pydantic_core.to_json(self._base)
            return pydantic_core.to_json(new) == self._base_json
        except (PydanticSerializationError, ValueError, TypeError):
            return False

    def _where(
        self, loc: Loc, old: object, *, check: bool = True
    ) -> tuple[str | None, Locator | None]:
        """The file, and a locator when the value at ``loc`` is still the one read.

        ``old`` is the value now at ``loc``; with ``check``, the position is
        given only when it equals what the file holds there.
        """
        document = self._document
        if document is None:
            return None, None
        if check:
            base = _at(self._base, loc)
            if base is _MISSING or not same(base, _plain_value(old)):
                return document.path, None
        return document.path, document.position

    def __repr__(self) -> str:
        parts = [] if self.path is None else [f"path={self.path!r}"]
        parts.append(f"title={getattr(self.article, 'title', None)!r}")
        body = self.body if len(self.body) <= 40 else self.body[:37] + "..."
        parts.append(f"body={body!r}")
        return f"NewsItem[{type(self.article).__name__}]({', '.join(parts)})"


def _scalar_changes(raw: dict[Any, Any], merged: dict[Any, Any]) -> dict[str, Any] | None:
    """The top-level keys whose scalar values the merge changed, when that is all it did.

    The merge keeps every part it did not change as the very object read, so
    a value that is not the one read is a changed one. ``None`` when a key
    was added, removed or moved, or a list or mapping changed.
    """
    if len(raw) != len(merged) or list(raw) != list(merged):
        return None
    changes: dict[str, Any] = {}
    for key, value in merged.items():
        if value is not raw[key]:
            if not isinstance(key, str) or not (
                _render.is_scalar(value) and _render.is_scalar(raw[key])
            ):
                return None
            changes[key] = value
    return changes


def _rebuild_item(article: Any, body: str, state: tuple[Any, ...]) -> NewsItem[Any]:
    item = NewsItem(article, body)
    item._document, item._raw, item._base = state  # pyright: ignore[reportPrivateUsage]
    return item


_MISSING: Any = object()


def _at(data: Any, loc: Loc) -> Any:
    """The plain value at ``loc`` in ``data``, or ``_MISSING``."""
    for step in loc:
        mapping, sequence = as_mapping(data), as_list(data)
        if mapping is not None and step in mapping:
            data = mapping[step]
        elif sequence is not None and isinstance(step, int) and 0 <= step < len(sequence):
            data = sequence[step]
        else:
            return _MISSING
    return data


def _plain_value(value: object) -> object:
    if isinstance(value, pydantic.BaseModel):
        return _plain(value)
    if isinstance(value, list):
        return [_plain_value(entry) for entry in cast("list[object]", value)]
    return value


@overload
def loads(
    text: str, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> NewsItem[Article]: ...
@overload
def loads(
    text: str, *, model: type[A], strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> NewsItem[A]: ...
def loads(
    text: str,
    *,
    model: type[Any] = Article,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> NewsItem[Any]:
    """Read a news item from text, validated against ``model`` (default :class:`Article`).

    ``strict=True`` reports keys the model does not declare. Raises a
    :class:`~newsitem.errors.NewsItemError` subclass: a
    :class:`~newsitem.errors.ValidationError` lists every invalid value.
    A ``text`` that is not a ``str`` is a ``TypeError``.
    """
    if not isinstance(cast("object", text), str):
        raise TypeError(
            f"loads() takes the text of an item as a str, not {type(text).__name__}; "
            "for bytes, a path or a file use load()"
        )
    return _read(typed_loads(text, limits), model, strict)


@overload
def load(
    source: Source, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> NewsItem[Article]: ...
@overload
def load(
    source: Source, *, model: type[A], strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> NewsItem[A]: ...
def load(
    source: Source,
    *,
    model: type[Any] = Article,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> NewsItem[Any]:
    """Read a news item from a path, or a file opened in binary or text mode; see :func:`loads`.

    A text file is read as it gives its text: open it with ``newline=""`` to
    keep CRLF line endings. Anything else is a ``TypeError``.
    """
    return _read(typed_load(source, limits), model, strict)


def dumps(item: NewsItem[Any]) -> str:
    """The text of ``item``: byte for byte the input where nothing changed."""
    return _item(item, "dumps").render()


def dump(item: NewsItem[Any], target: Target, *, overwrite: bool = False) -> None:
    """Write ``item`` to a path (atomically), or to a file opened in binary or text mode.

    A path is replaced atomically (temporary file, fsync, rename; permissions
    kept): a crash leaves the old file or the new. Writing back to the file
    the item was read from raises :class:`~newsitem.errors.ConflictError` if
    that file changed on disk since, unless ``overwrite=True``. A text file
    (``open(p, "w")``, ``io.StringIO()``) is given the text.
    """
    _item(item, "dump").write(target, overwrite=overwrite)


def _item(item: object, verb: str) -> NewsItem[Any]:
    if isinstance(item, NewsItem):
        return cast("NewsItem[Any]", item)  # type: ignore[redundant-cast]  # pyright needs it
    hint = (
        "; wrap the article: NewsItem(article, body)"
        if isinstance(item, pydantic.BaseModel)
        else ""
    )
    raise TypeError(f"{verb}() takes a NewsItem, not {type(item).__name__}{hint}")


def _read(document: FrontMatterDocument, model: type[A], strict: bool) -> NewsItem[A]:
    # The counters before any model is built.
    epoch, checked, exposures = _lists.epoch, _lists.unchecked_epoch, _lists.exposed_epoch
    text = document.original
    naive = naive_timestamps(
        model, document.data, text, len(text) - len(document.original_body), document.position
    )
    article = validate(
        model,
        document.data,
        strict=strict,
        locate=document.position,
        path=document.path,
        issues=naive,
    )
    item = NewsItem(article, document.body)
    item._rebase(document, epoch, checked)  # pyright: ignore[reportPrivateUsage] - its module
    # Models just built from the file's values: no one else holds any part of
    # them, so only a model of a kind whose changes go unseen needs comparing.
    item._exposed = not _lists.tracked_class(type(article))  # pyright: ignore[reportPrivateUsage]
    item._exposed_at = exposures  # pyright: ignore[reportPrivateUsage]
    return item


def _plain(article: pydantic.BaseModel) -> dict[str, Any]:
    """The article as plain values under file keys: what was read, plus what was set."""
    # warnings=False: a wrong value put in a list in place is reported by
    # _revalidate as our ValidationError, not as pydantic's serializer warning.
    try:
        return article.model_dump(by_alias=True, exclude_unset=True, warnings=False)
    except ValueError as exc:
        if not str(exc).startswith("Circular reference"):
            raise
        # A model appended into its own list (or below it): no YAML text holds it.
        raise EditError("cannot write a model that holds itself as YAML") from exc


def _revalidate(article: pydantic.BaseModel, data: dict[str, Any]) -> None:
    """Catch invalid values that reached the model without validation (list.append)."""
    try:
        type(article).model_validate(data, by_alias=True, by_name=False)
    except pydantic.ValidationError as exc:
        raise from_pydantic_error(exc, type(article)) from exc


class _Merger:
    """``new``, except that parts equal to ``base`` (as read) are ``raw`` (as written).

    New strings under a key in ``quoted`` (fields the format writes quoted)
    are marked to be written in quotes, except in a new entry of a list whose
    entries the file has: there a string is quoted as the same key is in the
    entries beside it (or, for a first entry, as the article's own key of that
    name). A model's field the file does not have is not written when its
    value is ``None`` or an empty list and that is its default.
    """

    def __init__(self, model: type[pydantic.BaseModel], document: FrontMatterDocument) -> None:
        self.quoted = quoted_keys(model)
        self.model = model
        self.document = document
        self.root: Any = None

    def merge(
        self,
        raw: Any,
        base: Any,
        new: Any,
        loc: Loc = (),
        model: type[pydantic.BaseModel] | None = None,
        loose: bool = False,
    ) -> Any:
        """Merge at ``loc``; ``model`` is the model whose mapping this is (None: not a model's).

        ``loose``: the value sits under a key no model declares (or in a mapping
        that is no model's). pydantic keeps such values as the objects read, so
        ``raw`` is the model's own object there, and may have been changed in place.
        """
        # ``==`` first: it rules out most changed parts in C, and freezing only
        # the parts that are equal keeps the walk linear.
        key = loc[-1] if loc and isinstance(loc[-1], str) else None
        if not loc:
            self.root = raw
            model = self.model
        # A whole mapping or list is told same by pickle's bytes at once, in C.
        nested = isinstance(cast("object", new), dict | list)
        if base == new and (identical(base, new) if nested else same(base, new)):
            return raw
        if isinstance(raw, str) and isinstance(new, datetime):
            # The file wrote this timestamp as a string (quoted): it stays one,
            # in the same shape, so it keeps its quotes and reads back as written.
            return format_timestamp(new, TimestampStyle.of(raw) or REFERENCE_TIMESTAMP)
        new_map, base_map, raw_map = as_mapping(new), as_mapping(base), as_mapping(raw)
        if new_map is not None and base_map is not None and raw_map is not None:
            # The keys the file has stay in the file's order (a model's order
            # is its own); a new key goes after the one the model puts before it.
            merged: dict[Any, Any] = {}
            added: dict[Any, list[Any]] = {}
            after: Any = _MISSING
            fields = _field_models(model) if model is not None else {}
            for k, value in new_map.items():
                if k in base_map and k in raw_map:
                    merged[k] = self.merge(
                        raw_map[k],
                        base_map[k],
                        value,
                        (*loc, k),
                        fields.get(k),
                        loose or k not in fields,
                    )
                    after = k
                elif as_mapping(value) or as_list(value):
                    added.setdefault(after, []).append(
                        (k, self.new_entry(value, [], (*loc, k), key=k))
                    )
                elif not (_nothing(value) and model is not None and k in _empty_defaults(model)):
                    added.setdefault(after, []).append((k, _mark_quoted(value, self.quoted, k)))
            out: dict[Any, Any] = dict(added.get(_MISSING, []))
            for k in raw_map:
                if k in merged:
                    out[k] = merged[k]
                    out.update(added.get(k, []))
            return out
        new_list, base_list, raw_list = as_list(new), as_list(base), as_list(raw)
        if new_list is not None and base_list is not None and raw_list is not None:
            if len(base_list) != len(raw_list) or (loose and raw_list != base_list):
                # Changed in place (``tags.reverse()`` on an unknown key's list): its
                # entries are not the ones read any more, so none is kept as written.
                return _mark_quoted(new, self.quoted, key)
            return self.merge_lists(
                list(raw_list), list(base_list), list(new_list), loc, model, loose
            )
        return _mark_quoted(new, self.quoted, key)

    def merge_lists(
        self,
        raw: list[Any],
        base: list[Any],
        new: list[Any],
        loc: Loc,
        model: type[pydantic.BaseModel] | None,
        loose: bool,
    ) -> list[Any]:
        matcher = SequenceMatcher(None, [freeze(v) for v in base], [freeze(v) for v in new])
        out: list[Any] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out.extend(raw[i1:i2])
                continue
            paired = min(i2 - i1, j2 - j1)
            out.extend(
                self.merge(raw[i1 + k], base[i1 + k], new[j1 + k], (*loc, i1 + k), model, loose)
                for k in range(paired)
            )
            out.extend(self.new_entry(value, raw, loc) for value in new[j1 + paired : j2])
        return out

    def new_entry(self, value: Any, siblings: list[Any], loc: Loc, key: Any = None) -> Any:
        """A new entry of the list at ``loc`` (or a new value under ``key``), quoted as beside it.

        Strings are quoted as the same key is in ``siblings``; failing that, as
        the article's own key of that name; failing that, by the field's marker.
        """

        def mark(value: Any, key: Any, relative: Loc) -> Any:
            if isinstance(value, str):
                quoted = self.sibling_quoted(siblings, loc, relative)
                if quoted is None:
                    quoted = key in self.quoted
                return _render.Quoted(value) if quoted else value
            mapping = as_mapping(value)
            if mapping is not None:
                return {k: mark(v, k, (*relative, k)) for k, v in mapping.items()}
            sequence = as_list(value)
            if sequence is not None:
                return [mark(v, None, (*relative, i)) for i, v in enumerate(sequence)]
            return value

        return mark(value, key, ())

    def sibling_quoted(self, siblings: list[Any], loc: Loc, relative: Loc) -> bool | None:
        """Whether the first sibling with a string at ``relative`` writes it quoted.

        With no such sibling (a list's first entry), a key that the article
        itself has as a string (``title``, ``webUrl``) is quoted as it is there.
        ``None`` when nothing in the file tells.
        """
        place: Loc | None = None
        for index, sibling in enumerate(siblings):
            steps = _steps(sibling, relative)
            if steps is not None:
                place = (*loc, index, *steps)
                break
        else:
            last = relative[-1] if relative else None
            if isinstance(last, str) and _steps(self.root, (last,)) is not None:
                place = (last,)
        if place is None:
            return None
        position = self.document.position(place)
        if position is None:
            return None
        return _char_at(self.document.original, position) in "\"'"


def _steps(value: Any, relative: Loc) -> Loc | None:
    """``relative`` in ``value``, an index past a list's end taken as 0; None when absent.

    Only a string at the end counts: its quotes are what a new string copies.
    """
    steps: list[str | int] = []
    for step in relative:
        mapping, sequence = as_mapping(value), as_list(value)
        if mapping is not None and not isinstance(step, int) and step in mapping:
            value = mapping[step]
        elif sequence is not None and isinstance(step, int) and sequence:
            step = step if step < len(sequence) else 0
            value = sequence[step]
        else:
            return None
        steps.append(step)
    return tuple(steps) if isinstance(value, str) else None


def _char_at(text: str, position: tuple[int, int]) -> str:
    line, column = position
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    if line == 1 and text.startswith("\ufeff"):
        start += 1
    index = start + column - 1
    return text[index] if 0 <= index < len(text) else ""


@functools.cache
def _field_models(model: type[pydantic.BaseModel]) -> dict[str, type[pydantic.BaseModel] | None]:
    """Each field's file key, and the model inside it (``Provider``, ``list[Image]``) or None."""
    return {
        info.alias or name: _model_of(info.annotation) for name, info in model.model_fields.items()
    }


def _model_of(annotation: Any) -> type[pydantic.BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_of(argument)
        if found is not None:
            return found
    return None


def _nothing(value: Any) -> bool:
    """``None`` or an empty list: not written under a key the file does not have."""
    return value is None or (isinstance(value, list) and not value)


@functools.cache
def _empty_defaults(model: type[pydantic.BaseModel]) -> frozenset[str]:
    """The file keys of the fields whose default is ``None`` or an empty list.

    Set to their default, they need not be written where the file has no key;
    a field whose default is another value is (``desks: []``), or reading the
    file would give that default back.
    """
    return frozenset(
        info.alias or name
        for name, info in model.model_fields.items()
        if not info.is_required()
        and _nothing(info.get_default(call_default_factory=True, validated_data={}))
    )


def _mark_quoted(value: Any, quoted: frozenset[str], key: Any = None) -> Any:
    """``value`` (under ``key``) with the new strings of quoted fields wrapped in ``Quoted``."""
    if isinstance(value, str):
        return _render.Quoted(value) if key in quoted else value
    mapping = as_mapping(value)
    if mapping is not None:
        return {k: _mark_quoted(v, quoted, k) for k, v in mapping.items()}
    sequence = as_list(value)
    if sequence is not None:
        return [_mark_quoted(v, quoted) for v in sequence]
    return value


def _render_new(article: pydantic.BaseModel, body: str) -> str:
    """A new item in the reference file's style.

    Key order of the model, two-space indentation, lists under their key,
    long strings double-quoted on one line, ``Z`` timestamps, and a blank line
    on either side of a top-level list or mapping.
    """
    plain = _plain(article)
    _revalidate(article, plain)
    data = _mark_quoted(plain, quoted_keys(type(article)))
    lines: list[str] = []
    previous_block = False
    for key, value in data.items():
        block = bool(as_mapping(value) or as_list(value))
        if lines and (block or previous_block):
            lines.append("")
        lines.extend(_render.entry_lines(key, value, 0, _REFERENCE))
        previous_block = block
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body
