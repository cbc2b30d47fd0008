"""List fields that validate what is added, and the links that give a model its place.

A list field of a model (``related``, ``topics``, every ``images``) holds a
:class:`ValidatedList`: a ``list`` whose ``append``, ``extend``, ``insert``,
``+=`` and item assignment validate the new entries at once, so a dict
appended to ``related`` becomes a ``RelatedItem`` or the call raises. The
list knows the model that holds it, so that adding to a list the file did not
have marks the field as set (and so written).

Each model and list also keeps a weak link to what holds it; an error raised
deep inside an item names the value's full path (``related[0].images[0]``)
and, for an item read from a file, the file and the line.
"""

from __future__ import annotations

import contextlib
import functools
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, SupportsIndex, TypeVar, cast, get_args, overload

import pydantic
from pydantic import GetCoreSchemaHandler, TypeAdapter
from pydantic_core import core_schema

if TYPE_CHECKING:
    from ._validation import Loc

__all__ = [
    "VALIDATED",
    "Holder",
    "ValidatedList",
    "adopt",
    "child_fields",
    "link_root",
    "list_place",
    "place",
]

T = TypeVar("T")


class Holder(Protocol):
    """What holds a whole article (a ``NewsItem``): it knows the file, if any."""

    @property
    def article(self) -> Any: ...

    def _where(
        self, loc: Loc, old: object, *, check: bool = True
    ) -> tuple[str | None, Callable[[Loc], tuple[int, int] | None] | None]: ...


class _Items:
    """How to validate one entry of a list of ``item_type``; built on first use."""

    def __init__(self, item_type: Any) -> None:
        self.item_type = item_type
        self._adapter: TypeAdapter[Any] | None = None
        self.model = _model_in(item_type)

    def validate(self, value: object) -> Any:
        if self._adapter is None:
            self._adapter = TypeAdapter(self.item_type)
        # A model entry follows its own (strict) config; a scalar is held to
        # the strictness of the models: "5" is not an int.
        return self._adapter.validate_python(value, strict=None if self.model else True)


@functools.lru_cache(maxsize=256)
def _items(item_type: Any) -> _Items:
    return _Items(item_type)


def _model_in(annotation: object) -> type[pydantic.BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


class ValidatedList(list[T]):
    """A model's list field: entries added to it are validated as they are added.

    ``append``, ``extend``, ``insert``, ``+=`` and item assignment turn each
    new entry into the field's item type (a dict into a ``RelatedItem``) or
    raise :class:`~newsitem.errors.ValidationError`, which names the entry's
    field path. Everything else is a plain ``list``; ``model_dump`` gives
    plain lists.
    """

    __slots__ = ("__weakref__", "_items", "_name", "_owner")

    def __init__(self, iterable: Iterable[T] = (), /) -> None:
        super().__init__(iterable)
        self._items: _Items | None = None
        self._owner: weakref.ref[pydantic.BaseModel] | None = None
        self._name: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # The owner link is weak and rebuilt by the owner; only the item type pickles.
        item_type = self._items.item_type if self._items is not None else None
        return (_rebuild, (item_type, list(self)))

    def _check(self, value: object, index: int) -> T:
        if self._items is None:
            return cast("T", value)
        try:
            checked = cast("T", self._items.validate(value))
        except pydantic.ValidationError as exc:
            from ._validation import list_error  # _validation imports the models

            raise list_error(exc, self, index, self._items.model) from exc
        if isinstance(checked, pydantic.BaseModel):
            _link(checked, self, None)
        return checked

    def _grew(self) -> None:
        """Mark the field as set on its owner: a list the file did not have is written."""
        owner = self._owner() if self._owner is not None else None
        if owner is not None and self._name is not None:
            owner.__pydantic_fields_set__.add(self._name)

    def append(self, value: T, /) -> None:
        super().append(self._check(value, len(self)))
        self._grew()

    def insert(self, index: SupportsIndex, value: T, /) -> None:
        position = min(
            max(index.__index__() + (len(self) if index.__index__() < 0 else 0), 0), len(self)
        )
        super().insert(index, self._check(value, position))
        self._grew()

    def extend(self, values: Iterable[T], /) -> None:
        start = len(self)
        checked = [self._check(value, start + offset) for offset, value in enumerate(values)]
        super().extend(checked)
        if checked:
            self._grew()

    def __iadd__(self, values: Iterable[T], /) -> ValidatedList[T]:  # type: ignore[override,misc]
        self.extend(values)
        return self

    @overload
    def __setitem__(self, index: SupportsIndex, value: T, /) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[T], /) -> None: ...
    def __setitem__(self, index: SupportsIndex | slice, value: Any, /) -> None:
        if isinstance(index, slice):
            start = index.indices(len(self))[0]
            checked = [self._check(entry, start + offset) for offset, entry in enumerate(value)]
            super().__setitem__(index, checked)
        else:
            position = index.__index__()
            super().__setitem__(index, self._check(value, position % len(self) if self else 0))
        self._grew()


def _rebuild(item_type: Any, values: list[Any]) -> ValidatedList[Any]:
    return _wrap(values, _items(item_type) if item_type is not None else None)


def _wrap(values: list[Any], items: _Items | None) -> ValidatedList[Any]:
    wrapped: ValidatedList[Any] = ValidatedList(values)
    wrapped._items = items  # pyright: ignore[reportPrivateUsage] - this module's class
    for value in values:
        if isinstance(value, pydantic.BaseModel):
            _link(value, wrapped, None)
    return wrapped


class _Validated:
    """Annotation metadata: the field holds a :class:`ValidatedList` of its item type."""

    def __repr__(self) -> str:
        return "VALIDATED"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        arguments = get_args(source)
        items = _items(arguments[0]) if arguments else None
        return core_schema.no_info_after_validator_function(
            functools.partial(_wrap, items=items), handler(source)
        )


VALIDATED = _Validated()


def _link(child: object, container: object, name: str | None) -> None:
    """Record that ``child`` sits in ``container`` (under the field ``name``)."""
    with contextlib.suppress(AttributeError, TypeError):  # a model without the slot
        object.__setattr__(child, "_newsitem_parent", (weakref.ref(container), name))


@functools.cache
def child_fields(model: type[pydantic.BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that hold a model or a :class:`ValidatedList`."""
    return tuple(
        name
        for name, info in model.model_fields.items()
        if VALIDATED in info.metadata or _model_in(info.annotation) is not None
    )


def adopt(model: pydantic.BaseModel) -> None:
    """Link the lists and models held by ``model``'s fields to it."""
    names = child_fields(type(model))
    if not names:
        return
    values = model.__dict__
    owner: weakref.ref[pydantic.BaseModel] | None = None
    for name in names:
        value = values.get(name)
        if isinstance(value, ValidatedList):
            owner = owner or weakref.ref(model)
            value._owner = owner  # pyright: ignore[reportPrivateUsage]
            value._name = name  # pyright: ignore[reportPrivateUsage]
        elif isinstance(value, pydantic.BaseModel):
            _link(value, model, name)


def link_root(article: object, holder: object) -> None:
    """Record that ``article`` is the front matter of ``holder`` (a ``NewsItem``)."""
    _link(article, holder, None)


def place(model: pydantic.BaseModel) -> tuple[Loc, Holder | None]:
    """Where ``model`` sits: its path in file keys, and the item holding it (if any).

    The path is followed up as long as each link still holds: a model moved
    out of its list, or a list replaced, ends the path there.
    """
    loc: list[str | int] = []
    node: object = model
    while True:
        link = getattr(node, "_newsitem_parent", None)
        if link is None:
            break
        container = link[0]()
        if isinstance(container, ValidatedList):
            entries = cast("ValidatedList[object]", container)
            index = next((i for i, entry in enumerate(entries) if entry is node), None)
            owner = entries._owner() if entries._owner is not None else None  # pyright: ignore[reportPrivateUsage]
            name = entries._name  # pyright: ignore[reportPrivateUsage]
            if index is None or owner is None or name is None:
                break
            if owner.__dict__.get(name) is not entries:
                break
            loc += [index, _key(owner, name)]
            node = owner
        elif isinstance(container, pydantic.BaseModel):
            name = cast("str", link[1])
            if container.__dict__.get(name) is not node:
                break
            loc.append(_key(container, name))
            node = container
        elif container is not None and getattr(container, "article", None) is node:
            return tuple(reversed(loc)), cast("Holder", container)
        else:
            break
    return tuple(reversed(loc)), None


def list_place(values: ValidatedList[Any]) -> tuple[Loc, Holder | None]:
    """Where the list ``values`` sits, as :func:`place` gives it for a model."""
    owner = values._owner() if values._owner is not None else None  # pyright: ignore[reportPrivateUsage]
    name = values._name  # pyright: ignore[reportPrivateUsage]
    if owner is None or name is None or owner.__dict__.get(name) is not values:
        return (), None
    loc, holder = place(owner)
    return (*loc, _key(owner, name)), holder


def _key(model: pydantic.BaseModel, name: str) -> str:
    info = type(model).model_fields.get(name)
    return (info.alias or name) if info is not None else name
