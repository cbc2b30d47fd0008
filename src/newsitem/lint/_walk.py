"""The values of an item a rule looks at, each with its place in the file.

The walk follows the model's declared fields (a subclass's own fields too)
and the unknown keys kept in ``model_extra``. A :class:`Slot` is one string
value: where it is (``loc``, in file keys), what kind it is, and how to put a
repaired value back through the model (so that assignment is validated, and
the dumper writes only that value's lines).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from types import UnionType
from typing import Any, Union, cast, get_args, get_origin

import pydantic
from pydantic import AfterValidator

from newsitem import _lists
from newsitem._validation import Loc
from newsitem.models import Article, HttpUrlStr, RelatedItem

from ._text import suspect

__all__ = ["Slot", "Walk"]

_ROLE_OWNERS = (Article, RelatedItem)
_ROLES = frozenset({"title", "excerpt"})
_OPAQUE = frozenset({"secured"})  # base64: text rules do not apply


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


class Walk:
    """The strings of an item that a rule may flag, and its models, in one pass.

    ``urls`` says whether URL strings are wanted (for ``tracking-param``,
    those with a query).
    """

    __slots__ = ("models", "slots", "urls")

    def __init__(self, model: pydantic.BaseModel, *, urls: bool) -> None:
        self.urls = urls
        self.slots: list[Slot] = []
        self.models: list[tuple[Loc, pydantic.BaseModel]] = []
        self._model(model, ())

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
