"""List fields that validate what is added, and the links that give a model its place.

A list field of a model (``related``, ``topics``, every ``images``) holds a
:class:`ValidatedList`: a ``list`` whose ``append``, ``extend``, ``insert``,
``+=`` and item assignment validate the new entries at once, so a dict
appended to ``related`` becomes a ``RelatedItem`` or the call raises. The
list knows the model that holds it, so that adding to a list the file did not
have marks the field as set (and so written). Loading builds plain lists in
pydantic's core; a field's list becomes a ``ValidatedList`` when the field
is first read, so loading pays for no Python call per list.

Each model and list also keeps a weak link to what holds it; an error raised
deep inside an item names the value's full path (``related[0].images[0]``)
and, for an item read from a file, the file and the line.

Every change made through a model or one of these lists (an assignment, a
``del``, any list method that changes the list) moves one counter,
:data:`epoch`: an item that was known to equal its file when the counter
last stood where it stands now is unchanged, and dumps its text without
comparing anything. What a model hands out that it cannot watch (its
``model_extra``, an unknown key holding a dict, ``model_fields_set``, a
value put in from outside that the caller may still hold) marks the model
*exposed*: an item holding an exposed model is compared on every dump.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import operator
import threading
import types
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, SupportsIndex, TypeVar, get_args, overload

import pydantic
from pydantic import GetJsonSchemaHandler, TypeAdapter
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

if TYPE_CHECKING:
    from ._validation import Loc

__all__ = [
    "VALIDATED",
    "Holder",
    "ValidatedList",
    "adopt",
    "adopt_assigned",
    "changed",
    "epoch",
    "expose",
    "exposed",
    "exposed_epoch",
    "install",
    "link_root",
    "list_place",
    "place",
    "unchecked",
    "unchecked_epoch",
]

T = TypeVar("T")

# -- change tracking -----------------------------------------------------------

_COUNTER = itertools.count(1)
epoch = 0
"""Moves on every change made through a model or a :class:`ValidatedList`, anywhere.

Each value is new (taken from one counter) and written once, after the
change: a reader that saw a value before a change never sees it again after."""
unchecked_epoch = 0
exposed_epoch = 0
"""Moves whenever a model is marked exposed, or an exposed one is put somewhere:
an item that was not exposed stays so until it moves (or its article is replaced)."""
"""Moves when a model instance is put into a model or a list: pydantic takes an
instance as it is, without validating it again (``model_construct`` builds one
that may hold anything), so an item holding one is validated before it is written."""


def changed() -> None:
    """Record that a model or a list was changed (see :data:`epoch`)."""
    global epoch
    epoch = next(_COUNTER)


def unchecked() -> None:
    """Record that a model instance went into a model or a list unvalidated."""
    global unchecked_epoch
    unchecked_epoch = next(_COUNTER)


# Values no one can change in place: handing them out needs no watching.
_FROZEN: tuple[type[Any], ...] = (
    str,
    int,
    float,
    bytes,
    type(None),
    dt.date,  # datetime too
    dt.time,
    dt.timedelta,
    Decimal,
    enum.Enum,
)


def frozen(value: object) -> bool:
    """Whether ``value`` cannot be changed in place (a str, a number, a date...)."""
    return isinstance(value, _FROZEN)


def expose(model: object) -> None:
    """Mark ``model`` as having handed out a value it cannot watch (see the module doc)."""
    global exposed_epoch
    if slotted(type(model)):  # a model of another kind is compared on every dump anyway
        object.__setattr__(model, "_newsitem_exposed", True)
    exposed_epoch = next(_COUNTER)
    changed()


def slotted(cls: type[Any]) -> bool:
    """Whether ``cls`` is a newsitem model: one with the slots for its link and its mark.

    A model of another kind has none; set on it, they would land in its
    ``__dict__``, and a weak reference there cannot be pickled.
    """
    return isinstance(getattr(cls, "_newsitem_parent", None), types.MemberDescriptorType)


def is_exposed(model: object) -> bool:
    """Whether :func:`expose` marked ``model`` (read without pydantic's ``__getattr__``)."""
    try:
        return bool(object.__getattribute__(model, "_newsitem_exposed"))
    except AttributeError:  # never exposed, or a model without the slot
        return False


def _holds_model(value: Any) -> bool:
    """Whether ``value`` is or holds (in dicts, lists, tuples) a pydantic model instance."""
    if isinstance(value, pydantic.BaseModel):
        return True
    if isinstance(value, dict):
        return any(_holds_model(v) for v in value.values())  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, list | tuple):
        return any(_holds_model(v) for v in value)  # pyright: ignore[reportUnknownVariableType]
    return False


def adopt(value: object, holder: pydantic.BaseModel, given: object = None) -> None:
    """Take ``value``, just stored in ``holder`` by a tracked path, under watch.

    ``given`` is what the caller passed (for an assignment): when it is or
    holds a model instance, that instance was stored unvalidated. A value the
    caller may still hold and change unseen (a dict, a plain list, a model
    whose fields are not watched) marks ``holder`` exposed. The plain lists
    of a model's list fields are made the model's own (validated) lists now,
    as their first read would, so a list the caller passed in is no longer
    the one the model holds.
    """
    if _holds_model(given):
        unchecked()
    if frozen(value):
        return
    if not isinstance(value, pydantic.BaseModel):
        expose(holder)
        return
    stack: list[pydantic.BaseModel] = [value]
    seen: set[int] = set()
    while stack:
        model = stack.pop()
        if id(model) in seen:
            continue
        seen.add(id(model))
        cls = type(model)
        if not tracked_class(cls) or is_exposed(model):
            expose(holder)
            return
        fields = _list_fields(cls)
        for name in list(vars(model)):
            item = vars(model)[name]
            if frozen(item):
                continue
            if isinstance(item, pydantic.BaseModel):
                stack.append(item)
            elif isinstance(item, list) and name in fields:
                entries: list[Any] = getattr(model, name)  # wrapped and linked, as on a read
                stack.extend(e for e in entries if isinstance(e, pydantic.BaseModel))
            else:
                expose(holder)
                return
        extra = model.__pydantic_extra__
        if extra:
            for item in extra.values():
                if isinstance(item, pydantic.BaseModel):
                    stack.append(item)
                elif not frozen(item):
                    expose(holder)
                    return


def adopt_assigned(model: pydantic.BaseModel, name: str, given: object) -> None:
    """:func:`adopt` what an assignment of ``given`` to ``model.name`` stored.

    A list field's list is read as the model's own validated list (a copy of
    what pydantic stored, so never the caller's) and its entries adopted.
    """
    if name in _list_fields(type(model)):
        if _holds_model(given):
            unchecked()
        entries: list[Any] = getattr(model, name)
        for entry in entries:
            adopt(entry, model)
        return
    # An unknown key holds the very value given: pydantic keeps it as it is.
    adopt(vars(model).get(name, given), model, given)


def exposed(article: pydantic.BaseModel) -> bool:
    """Whether any model in ``article`` is exposed, or of a kind whose changes go unseen."""
    stack: list[pydantic.BaseModel] = [article]
    seen: set[int] = set()
    while stack:
        model = stack.pop()
        if id(model) in seen:
            continue
        seen.add(id(model))
        if is_exposed(model) or not tracked_class(type(model)):
            return True
        for item in vars(model).values():
            if isinstance(item, pydantic.BaseModel):
                stack.append(item)
            elif isinstance(item, list):
                stack.extend(_models(item))  # pyright: ignore[reportUnknownArgumentType]
        extra = model.__pydantic_extra__
        if extra:
            stack.extend(v for v in extra.values() if isinstance(v, pydantic.BaseModel))
    return False


def _models(values: list[Any]) -> Iterator[pydantic.BaseModel]:
    return (value for value in values if isinstance(value, pydantic.BaseModel))


@functools.cache
def _list_fields(model: type[pydantic.BaseModel]) -> frozenset[str]:
    return frozenset(name for name, items in _children(model) if items is not None)


_TRACKING: set[type[Any]] = set()  # classes being decided (a model that holds itself)


@functools.cache
def tracked_class(model: type[Any]) -> bool:
    """Whether every change to a ``model`` instance goes through a tracked path.

    A newsitem model (it has the ``_newsitem_exposed`` slot) whose fields hold
    only values that cannot change in place, newsitem models of such kinds,
    or validated lists of those. A field of another type (a dict, a plain
    list, a model of another kind) could be changed unseen: items holding
    such a model are compared on every dump.
    """
    if not issubclass(model, pydantic.BaseModel):
        return False
    if not slotted(model):
        return False
    if model in _TRACKING:
        return True
    _TRACKING.add(model)
    try:
        return all(
            _tracked_annotation(
                get_args(info.annotation)[0]
                if VALIDATED in info.metadata and get_args(info.annotation)
                else info.annotation
            )
            for info in model.model_fields.values()
        )
    finally:
        _TRACKING.discard(model)


# pydantic's own date and datetime kinds: classes whose values are dates and datetimes.
_PYDANTIC_DATES: tuple[Any, ...] = (
    pydantic.AwareDatetime,
    pydantic.NaiveDatetime,
    pydantic.PastDatetime,
    pydantic.FutureDatetime,
    pydantic.PastDate,
    pydantic.FutureDate,
)


def _tracked_annotation(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _tracked_annotation(get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return all(_tracked_annotation(arg) for arg in get_args(annotation))
    if origin is typing.Literal:  # its values are ints, strs, bytes, bools, enums and None
        return True
    if annotation in _PYDANTIC_DATES:
        return True
    if origin is not None or not isinstance(annotation, type):
        return False
    if issubclass(annotation, pydantic.BaseModel):
        return tracked_class(annotation)
    return issubclass(annotation, _FROZEN)


class Holder(Protocol):
    """What holds a whole article (a ``NewsItem``): it knows the file, if any."""

    @property
    def article(self) -> Any: ...

    def _where(
        self, loc: Loc, old: object, *, check: bool
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
    # Set by the model holding the list (see adopt); a list made by hand has
    # none, and validates nothing.
    _items: _Items | None
    _owner: weakref.ref[pydantic.BaseModel]
    _name: str  # the field's name, set with _owner

    def __reduce__(self) -> tuple[Any, ...]:
        # The links are rebuilt by the model that holds the list when it is unpickled.
        return (ValidatedList, (list(self),))

    def _check(self, value: T, index: int) -> T:
        items = getattr(self, "_items", None)
        if items is None:
            return value
        try:
            checked: T = items.validate(value)
        except pydantic.ValidationError as exc:
            from ._validation import list_error  # _validation imports the models

            raise list_error(exc, self, index, items.model) from exc
        if not frozen(checked):
            owner = self._owner()  # set with _items, when the model's field was read
            if owner is not None:  # else the list is no model's now: no item holds it
                adopt(checked, owner, value)
        if isinstance(checked, pydantic.BaseModel):
            _link(checked, self, None)
        return checked

    def _changed(self, held: int = 0) -> None:
        """Record a change; mark the field set on its owner if the list holds or ``held`` entries.

        A field that is set is written: a list the file did not have that
        gains entries, and a default list of a field of your own changed in
        place. An empty list left empty sets nothing (it writes nothing).
        """
        if held or self:
            link = getattr(self, "_owner", None)
            owner = link() if link is not None else None
            if owner is not None:
                owner.__pydantic_fields_set__.add(self._name)
        changed()

    def append(self, value: T, /) -> None:
        super().append(self._check(value, len(self)))
        self._changed()

    def insert(self, index: SupportsIndex, value: T, /) -> None:
        at = operator.index(index)  # a TypeError for a str, as from a list
        position = min(max(at + len(self) if at < 0 else at, 0), len(self))
        super().insert(position, self._check(value, position))
        self._changed()

    def extend(self, values: Iterable[T], /) -> None:
        start = len(self)
        checked = [self._check(value, start + offset) for offset, value in enumerate(values)]
        super().extend(checked)
        self._changed()

    def __iadd__(self, values: Iterable[T], /) -> ValidatedList[T]:  # type: ignore[override,misc]
        self.extend(values)
        return self

    @overload
    def __setitem__(self, index: SupportsIndex, value: T, /) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[T], /) -> None: ...
    def __setitem__(self, index: SupportsIndex | slice, value: Any, /) -> None:
        held = len(self)
        if isinstance(index, slice):
            entries = list(value)
            start, stop, step = index.indices(held)
            if step == 1:  # entries take the place of the slice's: start, start + 1...
                positions = range(start, start + len(entries))
            else:  # an extended slice: one entry for each place, as a list requires
                positions = range(start, stop, step)
                if len(positions) != len(entries):
                    raise ValueError(
                        f"attempt to assign sequence of size {len(entries)} "
                        f"to extended slice of size {len(positions)}"
                    )
            checked = [self._check(entry, positions[at]) for at, entry in enumerate(entries)]
            super().__setitem__(index, checked)
            self._changed(held)
        else:
            try:
                position = operator.index(index)
            except TypeError:
                name = type(index).__name__
                raise TypeError(f"list indices must be integers or slices, not {name}") from None
            if not -held <= position < held:  # the place is checked before the value
                raise IndexError("list assignment index out of range")
            super().__setitem__(position, self._check(value, position % held))
            self._changed()

    # What takes entries away or moves them adds nothing to validate; it is
    # recorded as a change all the same.

    def __delitem__(self, index: SupportsIndex | slice, /) -> None:
        held = len(self)
        super().__delitem__(index)
        self._changed(held)

    def __imul__(self, count: SupportsIndex, /) -> ValidatedList[T]:
        held = len(self)
        super().__imul__(count)
        self._changed(held)
        return self

    def pop(self, index: SupportsIndex = -1, /) -> T:
        value = super().pop(index)
        self._changed(True)
        return value

    def remove(self, value: T, /) -> None:
        super().remove(value)
        self._changed(True)

    def clear(self) -> None:
        held = len(self)
        super().clear()
        self._changed(held)

    def sort(self, *, key: Callable[[T], Any] | None = None, reverse: bool = False) -> None:
        try:
            super().sort(key=key, reverse=reverse)  # pyright: ignore[reportCallIssue,reportArgumentType]
        finally:
            self._changed()  # a comparison that raises may leave the list partly sorted

    def reverse(self) -> None:
        super().reverse()
        self._changed()


class _Validated:
    """Annotation metadata: the field holds a :class:`ValidatedList` of its item type."""

    def __repr__(self) -> str:
        return "VALIDATED"

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A null is read as an empty list (`topics: ~`): the schema accepts it too.
        return {"anyOf": [handler(schema), {"type": "null"}]}


VALIDATED = _Validated()


def _link(child: object, container: object, name: str | None) -> None:
    """Record that ``child`` (a model) sits in ``container`` (under the field ``name``)."""
    if slotted(type(child)):
        object.__setattr__(child, "_newsitem_parent", (weakref.ref(container), name))


@functools.cache
def _children(model: type[pydantic.BaseModel]) -> tuple[tuple[str, _Items | None], ...]:
    """The fields of ``model`` that hold a model or a list of items, with the item type."""
    found: list[tuple[str, _Items | None]] = []
    for name, info in model.model_fields.items():
        if VALIDATED in info.metadata:
            arguments = get_args(info.annotation)
            found.append((name, _items(arguments[0]) if arguments else None))
        elif _model_in(info.annotation) is not None:
            found.append((name, None))
    return tuple(found)


_WRAPPING = threading.Lock()


class _ChildField:
    """The attribute of a field holding a list or a model: links the value to its model.

    Loading builds plain lists in pydantic's core; the first read of the
    attribute makes the list a :class:`ValidatedList` and links it (and a
    nested model) to the model it belongs to, so nothing is paid for at load.
    The value stays in the model's ``__dict__``, where pydantic keeps it.
    """

    __slots__ = ("items", "name")

    def __init__(self, name: str, items: _Items | None) -> None:
        self.name = name
        self.items = items

    def __get__(self, model: pydantic.BaseModel | None, cls: type[Any] | None = None) -> Any:
        # Not there: pydantic's own __getattr__ (the class's or the model's) then
        # answers, with its message. A field is not an attribute of the class.
        if model is None:
            raise AttributeError
        values = vars(model)
        try:
            value: Any = values[self.name]
        except KeyError:
            raise AttributeError from None
        items = self.items
        if items is None:
            if isinstance(value, pydantic.BaseModel):
                link = getattr(value, "_newsitem_parent", None)
                if link is None or link[0]() is not model:
                    _link(value, model, self.name)
            return value
        held: ValidatedList[Any]
        if _is_validated_list(value):
            held = value
        elif isinstance(value, list):
            with _WRAPPING:  # two threads reading it first must get the same list
                current: Any = values.get(self.name)
                if _is_validated_list(current):
                    held = current
                else:
                    held = values[self.name] = _wrap(value, items)  # pyright: ignore[reportUnknownArgumentType]
        else:
            return value
        owner = getattr(held, "_owner", None)
        if owner is None or owner() is not model:
            held._owner = weakref.ref(model)  # pyright: ignore[reportPrivateUsage]
            held._name = self.name  # pyright: ignore[reportPrivateUsage]
            held._items = items  # pyright: ignore[reportPrivateUsage]
        return held

    def __set__(self, model: pydantic.BaseModel, value: Any) -> None:
        # pydantic's __setattr__ validates and stores in __dict__ without coming here.
        vars(model)[self.name] = value


def _is_validated_list(value: object) -> bool:
    return type(value) is ValidatedList


def install(model: type[pydantic.BaseModel]) -> None:
    """Put a :class:`_ChildField` on ``model`` for each field that holds a list or a model."""
    for name, items in _children(model):
        setattr(model, name, _ChildField(name, items))


def _wrap(values: list[Any], items: _Items) -> ValidatedList[Any]:
    wrapped: ValidatedList[Any] = ValidatedList(values)
    if items.model is not None:
        link = (weakref.ref(wrapped), None)
        for entry in wrapped:
            if slotted(type(entry)):  # pyright: ignore[reportUnknownArgumentType]
                object.__setattr__(entry, "_newsitem_parent", link)
    return wrapped


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
            index = _index(container, node)  # pyright: ignore[reportUnknownArgumentType]
            place = list_place(container)  # pyright: ignore[reportUnknownArgumentType]
            if index is None or not place[0]:
                break
            return (*place[0], index, *reversed(loc)), place[1]
        elif isinstance(container, pydantic.BaseModel):
            name: str = link[1]
            if container.__dict__.get(name) is not node:
                break
            loc.append(_key(container, name))
            node = container
        elif container is not None and container.article is node:  # a NewsItem
            return tuple(reversed(loc)), container
        else:
            break
    return tuple(reversed(loc)), None


def _index(values: list[Any], entry: object) -> int | None:
    """The index of ``entry`` itself (not an equal value) in ``values``; None if it is not in it."""
    return next((i for i, value in enumerate(values) if value is entry), None)


def list_place(values: ValidatedList[Any]) -> tuple[Loc, Holder | None]:
    """Where the list ``values`` sits, as :func:`place` gives it for a model.

    ``values`` is a model's list: its link to the model was set when it was
    first read (a list made by hand validates nothing, so never comes here).
    """
    owner = values._owner()  # pyright: ignore[reportPrivateUsage]
    name = values._name  # pyright: ignore[reportPrivateUsage]
    if owner is None or owner.__dict__.get(name) is not values:
        return (), None
    loc, holder = place(owner)
    return (*loc, _key(owner, name)), holder


def _key(model: pydantic.BaseModel, name: str) -> str:
    """The file key of the field ``name`` of ``model`` (a field that holds a list or a model)."""
    return type(model).model_fields[name].alias or name
