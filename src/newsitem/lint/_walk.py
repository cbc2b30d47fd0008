"""The values of an item a rule looks at, each with its place in the file.

The walk follows the model's declared fields (a subclass's own fields too)
and the unknown keys kept in ``model_extra``. A :class:`Slot` is one string
value: where it is (``loc``, in file keys), what kind it is, and how to put a
repaired value back through the model (so that assignment is validated, and
the dumper writes only that value's lines).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast, get_args

import pydantic
from pydantic.json_schema import WithJsonSchema

from newsitem._validation import Loc
from newsitem.models import Article, RelatedItem

__all__ = ["Slot", "models", "slots"]

_ROLE_OWNERS = (Article, RelatedItem)
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
        else:
            self.owner[self.key] = value
        self.value = value


@dataclass(frozen=True, slots=True)
class _Field:
    attr: str
    key: str
    url: bool


@functools.cache
def _fields(model: type[pydantic.BaseModel]) -> tuple[_Field, ...]:
    return tuple(
        _Field(name, info.alias or name, _is_url(info.metadata, info.annotation))
        for name, info in model.model_fields.items()
        if (info.alias or name) not in _OPAQUE
    )


def _is_url(metadata: list[Any], annotation: object) -> bool:
    """Whether the field's type says ``format: uri`` (newsitem's ``HttpUrlStr``)."""
    for meta in (*metadata, *getattr(annotation, "__metadata__", ())):
        if isinstance(meta, WithJsonSchema) and (meta.json_schema or {}).get("format") == "uri":
            return True
    return any(_is_url([], arg) for arg in get_args(annotation))


def slots(model: pydantic.BaseModel, loc: Loc = ()) -> Iterator[Slot]:
    """Every string under ``model``, declared fields first, in declaration order."""
    values = model.__dict__
    role_owner = isinstance(model, _ROLE_OWNERS)
    for field in _fields(type(model)):
        value = values.get(field.attr)
        if value is None:
            continue
        here = (*loc, field.key)
        if isinstance(value, str):
            role = field.key if role_owner and field.key in ("title", "excerpt") else ""
            yield Slot(here, value, field.url, role, model, field.attr)
        elif isinstance(value, pydantic.BaseModel):
            yield from slots(value, here)
        elif isinstance(value, list):
            yield from _list_slots(cast("list[object]", value), here, field.url)
    extra = model.__pydantic_extra__
    if extra:
        yield from _plain_slots(extra, loc)


def _list_slots(items: list[object], loc: Loc, url: bool) -> Iterator[Slot]:
    for index, item in enumerate(items):
        if isinstance(item, str):
            yield Slot((*loc, index), item, url, "", items, index)
        elif isinstance(item, pydantic.BaseModel):
            yield from slots(item, (*loc, index))


def _plain_slots(values: Any, loc: Loc) -> Iterator[Slot]:
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
            yield Slot((*loc, key), value, url, "", values, key)
        else:
            yield from _plain_slots(value, (*loc, key))


def models(model: pydantic.BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, pydantic.BaseModel]]:
    """``model`` and every model inside it, each with its place."""
    yield loc, model
    values = model.__dict__
    for field in _fields(type(model)):
        value = values.get(field.attr)
        if isinstance(value, pydantic.BaseModel):
            yield from models(value, (*loc, field.key))
        elif isinstance(value, list):
            for index, item in enumerate(cast("list[object]", value)):
                if isinstance(item, pydantic.BaseModel):
                    yield from models(item, (*loc, field.key, index))
