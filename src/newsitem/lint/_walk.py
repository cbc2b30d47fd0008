"""The values of an item a rule looks at, each with its place in the file.

The walk follows the model's declared fields (a subclass's own fields too)
and the unknown keys kept in ``model_extra``. A :class:`Slot` is one string
value: where it is (``loc``, in file keys), what kind it is, and how to put a
repaired value back through the model (so that assignment is validated, and
the dumper writes only that value's lines).

An item that holds the values of its text as read, with the offsets
recorded at load, is not walked string by string: :func:`walk` goes to the
values whose text holds a place a rule may fire (``_places``), and to the
titles, and visits the rest of the models only for the value rules. Read
without the offsets, from a front matter that holds no place at all (lint
records them only where it does), it goes to the titles alone.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from datetime import date, datetime
from types import UnionType
from typing import Any, Union, cast, get_args, get_origin

import pydantic
from pydantic import AfterValidator
from pydantic.fields import FieldInfo

from newsitem import _lists
from newsitem._validation import Loc
from newsitem.api import NewsItem
from newsitem.frontmatter import FrontMatterDocument
from newsitem.models import Article, HttpUrlStr, RelatedItem

from . import _places
from ._text import odd_spacing, suspect
from ._values import RULED

__all__ = ["Slot", "Walk", "walk"]

_ROLE_OWNERS = (Article, RelatedItem)
_MISSING = object()
_ROLES = frozenset({"title", "excerpt"})
_OPAQUE = frozenset({"secured"})  # base64: text rules do not apply

# The native build (src/newsitem/_native.c) of Walk._models; NEWSITEM_PURE=1 keeps to Python.
_native_visit: Any = None
if os.environ.get("NEWSITEM_PURE", "") != "1":
    try:
        from newsitem._native import visit as _native_visit
    except ImportError:  # no compiler at install: the pure build alone
        _native_visit = None


@dataclass(slots=True)
class Slot:
    """One string of the item."""

    loc: Loc
    value: str
    url: bool
    """A field declared as a URL (``webUrl``, image ``url``...)."""
    role: str
    """``"title"`` or ``"excerpt"`` of the article or a related item, else ``""``."""
    owner: Any
    key: str | int

    def set(self, value: str) -> None:
        """Put ``value`` in place of this string, through the model's validation."""
        if isinstance(self.owner, pydantic.BaseModel):
            setattr(self.owner, cast("str", self.key), value)
        else:  # a list or an unknown key's dict, changed in place: say so
            self.owner[self.key] = value
            _lists.changed()
        self.value = value


@dataclass(frozen=True, slots=True)
class _Field:
    attr: str
    key: str
    url: bool
    role: str  # "title" or "excerpt" of the article or a related item, else ""


@dataclass(frozen=True, slots=True)
class _Plan:
    """What :func:`walk` needs of a model class, beside :func:`_fields`."""

    by_key: dict[str, _Field]
    """The string-holding fields by file key and by attribute name (both are read)."""
    title: _Field | None
    nested: tuple[_Field, ...]
    """The fields that may hold models (alone or in a list)."""
    defaults: tuple[_Field, ...]
    """The string-holding fields whose default holds something: it is not from the text."""
    models: tuple[type[pydantic.BaseModel], ...]
    """The model classes the nested fields are declared with."""
    ruled: bool
    """Whether the value rules look at a model of this class (see ``_values``)."""


@functools.cache
def _plan(model: type[pydantic.BaseModel]) -> _Plan:
    fields = _fields(model)
    by_key = {field.key: field for field in fields} | {
        field.attr: field for field in fields if field.attr != field.key
    }
    infos = model.model_fields
    nested = tuple(field for field in fields if _models_in(infos[field.attr].annotation))
    return _Plan(
        by_key,
        next((field for field in fields if field.role == "title"), None),
        nested,
        tuple(field for field in fields if not field.url and _has_default(infos[field.attr])),
        tuple(
            dict.fromkeys(
                kind for field in nested for kind in _models_in(infos[field.attr].annotation)
            )
        ),
        issubclass(model, RULED),
    )


Shape = tuple[bool, str | None, str | None, tuple[tuple[str, str], ...]]


@functools.cache
def _shape(kind: type) -> Shape | None:
    """What the native visit needs of a class (see ``_native.c``): None for a class that
    is not a model; else whether the value rules look at its models, its title's
    attribute and key, and the attribute and key of each field that may hold models.
    """
    if not issubclass(kind, pydantic.BaseModel):
        return None
    plan = _plan(kind)
    title = plan.title
    nested = tuple((field.attr, field.key) for field in plan.nested)
    if title is None:
        return (plan.ruled, None, None, nested)
    return (plan.ruled, title.attr, title.key, nested)


@functools.cache
def _defaults_below(model: type[pydantic.BaseModel]) -> bool:
    """Whether a model of this class, or one it may hold, has a default to look at."""
    seen: set[type[pydantic.BaseModel]] = set()
    todo = [model]
    while todo:
        kind = todo.pop()
        if kind in seen:
            continue
        seen.add(kind)
        plan = _plan(kind)
        if plan.defaults:
            return True
        todo.extend(plan.models)
    return False


def _has_default(info: FieldInfo) -> bool:
    """Whether the field's default holds something (not None, not an empty list)."""
    if info.is_required():
        return False
    return bool(info.get_default(call_default_factory=True, validated_data={}))


def _models_in(annotation: object) -> list[type[pydantic.BaseModel]]:
    """The model classes in a field's annotation (``Provider | None``, ``list[Image]``...)."""
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return [annotation]
    return [kind for arg in get_args(annotation) for kind in _models_in(arg)]


@functools.cache
def _fields(model: type[pydantic.BaseModel]) -> tuple[_Field, ...]:
    """The fields whose values may hold strings (not ints, bools, datetimes), in order."""
    role_owner = issubclass(model, _ROLE_OWNERS)
    return tuple(
        _Field(name, key, _is_url(info.metadata, info.annotation), key if key in _ROLES else "")
        if role_owner
        else _Field(name, key, _is_url(info.metadata, info.annotation), "")
        for name, info in model.model_fields.items()
        if (key := info.alias or name) not in _OPAQUE and not _scalar(info.annotation)
    )


_SCALARS = (int, float, bool, datetime, date, type(None))


def _scalar(annotation: object) -> bool:
    """Whether every type in ``annotation`` is a number, boolean, date or None."""
    args = get_args(annotation)
    if get_origin(annotation) is not None and args and not isinstance(annotation, type):
        if hasattr(annotation, "__metadata__"):  # Annotated[X, ...]
            return _scalar(args[0])
        return get_origin(annotation) in (Union, UnionType) and all(map(_scalar, args))
    return isinstance(annotation, type) and issubclass(annotation, _SCALARS)


# What marks a field as newsitem's URL type: the validator of ``HttpUrlStr``,
# which pydantic keeps in the metadata of every field declared with it.
_URL_MARKS = tuple(
    m for m in getattr(HttpUrlStr, "__metadata__", ()) if isinstance(m, AfterValidator)
)


def _is_url(metadata: list[Any], annotation: object) -> bool:
    """Whether the field is declared as ``HttpUrlStr`` (alone, optional, or in a list)."""
    for meta in (*metadata, *getattr(annotation, "__metadata__", ())):
        if any(meta is mark for mark in _URL_MARKS):
            return True
    return any(_is_url([], arg) for arg in get_args(annotation))


def _as_dict(table: object) -> dict[Any, Any] | None:
    """A mapping's table of spots, or None."""
    if type(table) is dict:
        return cast("dict[Any, Any]", table)  # type: ignore[redundant-cast]  # pyright needs it
    return None


def _as_list(table: object) -> list[Any]:
    """A sequence's table of spots, or an empty one."""
    if type(table) is list:
        return cast("list[Any]", table)  # type: ignore[redundant-cast]  # pyright needs it
    return []


def walk(item: NewsItem[Any], *, urls: bool) -> Walk:
    """The :class:`Walk` of ``item``'s article: by the places a rule may fire where the
    article holds the values of its text as read (see the module's doc), else whole.
    """
    document = item._document  # pyright: ignore[reportPrivateUsage]
    if not urls and document is not None and item._as_read():  # pyright: ignore[reportPrivateUsage]
        article: pydantic.BaseModel = item.article
        located = document.recorded_offsets()
        if located is None:
            # Read without the offsets: where the front matter holds no place
            # and no alias, no value but a title can hold anything to flag.
            if not _defaults_below(type(article)) and not _offsets_wanted(document):
                return Walk(article, urls=False, paths=[])
        else:
            paths = _places.holders(located)
            if paths is not None:
                table = located.root[3] if _defaults_below(type(article)) else None
                return Walk(article, urls=False, paths=paths, table=table)
    return Walk(item.article, urls=urls)


def _offsets_wanted(document: FrontMatterDocument) -> bool:
    """:func:`_places.offsets_wanted` of the document's front matter (asked at its read)."""
    wanted = _places.offsets_wanted
    if document._offsets_declined_by(wanted):  # pyright: ignore[reportPrivateUsage]
        return False
    return wanted(document._split.yaml)  # pyright: ignore[reportPrivateUsage]


class Walk:
    """The strings of an item that a rule may flag, and its models, in one pass.

    ``urls`` says whether URL strings are wanted (for ``tracking-param``,
    those with a query). With ``paths`` (where in the file a rule may fire;
    see :func:`walk`), only the strings at those paths, the titles and the
    strings that are defaults are looked at.
    """

    __slots__ = ("models", "slots", "urls")

    def __init__(
        self,
        model: pydantic.BaseModel,
        *,
        urls: bool,
        paths: list[tuple[Any, ...]] | None = None,
        table: Any = None,
    ) -> None:
        self.urls = urls
        self.slots: list[Slot] = []
        self.models: list[tuple[Loc, pydantic.BaseModel]] = []
        if paths is None:
            self._model(model, ())
            return
        if table is None:
            self._models(model, ())
        else:
            self._models_with_defaults(model, (), table)
        if paths:
            seen = {slot.loc for slot in self.slots}
            for path in paths:
                self._at(model, path, seen)

    def _models(self, model: pydantic.BaseModel, loc: Loc) -> None:
        """The models, and the titles the whitespace rule may flag (the other rules need
        a place in the text, see :func:`walk`).
        """
        if _native_visit is None:
            self._models_pure(model, loc)
            return
        titles: list[tuple[Loc, pydantic.BaseModel, str, str]] = []
        _native_visit(model, loc, _shape, self.models, titles)
        for where, owner, attr, title in titles:
            if odd_spacing(title):
                self.slots.append(Slot(where, title, False, "title", owner, attr))

    def _models_pure(self, model: pydantic.BaseModel, loc: Loc) -> None:
        """:meth:`_models` in Python alone."""
        plan = _plan(type(model))
        if plan.ruled:
            self.models.append((loc, model))
        values = model.__dict__
        if plan.title is not None:
            self._spaced_title(model, plan.title, loc)
        for field in plan.nested:
            value = values.get(field.attr)
            if value is None:
                continue
            if isinstance(value, list):
                entries = cast("list[object]", value)
                for index, entry in enumerate(entries):
                    if isinstance(entry, pydantic.BaseModel):
                        self._models_pure(entry, (*loc, field.key, index))
            elif isinstance(value, pydantic.BaseModel):
                self._models_pure(value, (*loc, field.key))

    def _spaced_title(self, model: pydantic.BaseModel, title: _Field, loc: Loc) -> bool:
        """A slot for the title when the whitespace rule may flag it; whether it got one."""
        value = model.__dict__.get(title.attr)
        if isinstance(value, str) and odd_spacing(value):
            self.slots.append(Slot((*loc, title.key), value, False, "title", model, title.attr))
            return True
        return False

    def _models_with_defaults(self, model: pydantic.BaseModel, loc: Loc, table: Any) -> None:
        """:meth:`_models`, and the strings of defaults: a field whose key is not in
        ``table`` (the spots of the model's values) holds its default, from no text.
        """
        self.models.append((loc, model))
        plan = _plan(type(model))
        values = model.__dict__
        title = plan.title
        spaced = title is not None and self._spaced_title(model, title, loc)
        spots = _as_dict(table) or {}
        for field in plan.defaults:
            in_text = field.key in spots or field.attr in spots
            if not in_text and not (spaced and field is title):
                self._default(model, field, loc)
        for field in plan.nested:
            value = values.get(field.attr)
            spot: Any = spots.get(field.key)
            child: Any = spot[3] if spot is not None else None
            if isinstance(value, list):
                children = _as_list(child)
                for index, entry in enumerate(cast("list[object]", value)):
                    if isinstance(entry, pydantic.BaseModel):
                        below: Any = children[index][3] if index < len(children) else None
                        self._models_with_defaults(entry, (*loc, field.key, index), below)
            elif isinstance(value, pydantic.BaseModel):
                self._models_with_defaults(value, (*loc, field.key), child)

    def _default(self, model: pydantic.BaseModel, field: _Field, loc: Loc) -> None:
        """A field's value that is not in the text: looked at as the full walk does."""
        value = model.__dict__.get(field.attr)
        if isinstance(value, str):
            if suspect(value, field.role == "title"):
                self.slots.append(
                    Slot((*loc, field.key), value, False, field.role, model, field.attr)
                )
        elif isinstance(value, list):
            for index, entry in enumerate(cast("list[object]", value)):
                if isinstance(entry, str) and suspect(entry, False):
                    self.slots.append(
                        Slot((*loc, field.key, index), entry, False, "", value, index)
                    )

    def _at(self, model: pydantic.BaseModel, path: tuple[Any, ...], seen: set[Loc]) -> None:
        """The string at ``path`` (file keys) when the full walk would look at it."""
        owner: Any = model
        key: Any = None  # what Slot.set needs: the attribute, or the key or index
        field: _Field | None = None  # the field the value is in, while in a model's field
        plain = False  # in an unknown key's value
        loc: list[str | int] = []
        value: Any = model
        for step in path:
            owner, key = value, step
            if plain:
                if not isinstance(step, str | int) or isinstance(step, bool) or step in _OPAQUE:
                    return
                if isinstance(owner, dict):
                    value = cast("dict[object, object]", owner).get(step, _MISSING)
                elif isinstance(owner, list) and isinstance(step, int):
                    items = cast("list[object]", owner)
                    value = items[step] if 0 <= step < len(items) else _MISSING
                else:
                    return
                if value is _MISSING:
                    return
                loc.append(step)
            elif isinstance(owner, pydantic.BaseModel):
                field = _plan(type(owner)).by_key.get(step) if isinstance(step, str) else None
                if field is not None:
                    value = owner.__dict__.get(field.attr)
                    loc.append(field.key)
                    key = field.attr
                else:
                    extra: dict[Any, Any] | None = owner.__pydantic_extra__
                    if not extra or step not in extra or step in _OPAQUE:
                        return
                    if not isinstance(step, str | int) or isinstance(step, bool):
                        return
                    value = extra[step]
                    loc.append(step)
                    plain = True
            elif isinstance(owner, list) and isinstance(step, int) and field is not None:
                items = cast("list[object]", owner)
                if not 0 <= step < len(items):
                    return
                value = items[step]
                if not isinstance(value, str | pydantic.BaseModel):
                    return
                loc.append(step)
            else:
                return  # a mapping in a declared field: not walked
        if not isinstance(value, str):
            return
        if plain:
            url, role = value.startswith(("http://", "https://")), ""
        elif isinstance(owner, pydantic.BaseModel) and field is not None:
            url, role = field.url, field.role
        else:  # an item of a declared field's list
            url, role = field.url if field is not None else False, ""
        where = tuple(loc)
        if url or where in seen:
            return  # URLs are not wanted here; a title with odd spacing is in already
        self.slots.append(Slot(where, value, False, role, owner, key))

    def _model(self, model: pydantic.BaseModel, loc: Loc) -> None:
        self.models.append((loc, model))
        values = model.__dict__
        urls = self.urls
        for field in _fields(type(model)):
            value = values.get(field.attr)
            if value is None:
                continue
            if isinstance(value, str):
                # Only the strings a rule may flag get a Slot (most get none).
                if (urls and "?" in value) if field.url else suspect(value, field.role == "title"):
                    slot = Slot((*loc, field.key), value, field.url, field.role, model, field.attr)
                    self.slots.append(slot)
            elif isinstance(value, list):
                self._list(cast("list[object]", value), (*loc, field.key), field.url)
            elif isinstance(value, pydantic.BaseModel):
                self._model(value, (*loc, field.key))
        extra = model.__pydantic_extra__
        if extra:
            self._plain(extra, loc)

    def _list(self, items: list[object], loc: Loc, url: bool) -> None:
        for index, item in enumerate(items):
            if isinstance(item, str):
                if (self.urls and "?" in item) if url else suspect(item, False):
                    self.slots.append(Slot((*loc, index), item, url, "", items, index))
            elif isinstance(item, pydantic.BaseModel):
                self._model(item, (*loc, index))

    def _plain(self, values: object, loc: Loc) -> None:
        """Strings in unknown keys' values; those that look like URLs count as URLs."""
        pairs: Any
        if isinstance(values, dict):
            pairs = cast("dict[object, object]", values).items()
        elif isinstance(values, list):
            pairs = enumerate(cast("list[object]", values))
        else:
            return
        for key, value in pairs:
            if not isinstance(key, str | int) or isinstance(key, bool) or key in _OPAQUE:
                continue
            if isinstance(value, str):
                url = value.startswith(("http://", "https://"))
                if (self.urls and "?" in value) if url else suspect(value, False):
                    self.slots.append(Slot((*loc, key), value, url, "", values, key))
            else:
                self._plain(value, (*loc, key))
