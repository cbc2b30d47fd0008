"""Field paths (``provider.domain``, ``related[0].webUrl``, ``related[*].webUrl``) over plain data.

A path is a name, then ``.name``, ``[N]`` (``-1`` is the last) or ``[*]``
(every item) steps. Names are file keys (``webUrl``) or the models'
snake_case attributes (``web_url``); the models are followed down the path to
translate them. A name that is no field is taken as a key of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import EllipsisType
from typing import Any, get_args

import pydantic

from .._render import as_list, as_mapping
from ..models import Article

__all__ = [
    "ALL",
    "FieldPathError",
    "Missing",
    "Step",
    "assign",
    "parse",
    "remove",
    "select",
    "text",
]

Step = str | int | EllipsisType
"""A key, a list index, or ``...`` for every item of a list."""
ALL: EllipsisType = ...

# A name holds no '.', brackets, '=', blank, '/' or glob character: `items/*.md` is no field.
_STEP = re.compile(r"\.?([^.\[\]=\s/*?]+)|\[(-?\d+|\*)\]")


class FieldPathError(Exception):
    """A field path that cannot be read, or does not fit the data."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Missing(FieldPathError):
    """No value at ``field`` (the path up to the first step that is not there)."""

    def __init__(self, field: str) -> None:
        super().__init__("not in the item")
        self.field = field


def parse(path: str, model: type[pydantic.BaseModel] = Article) -> list[Step]:
    """The steps of ``path``, names turned into the file keys of ``model`` and its models."""
    steps: list[Step] = []
    at = 0
    while at < len(path):
        match = _STEP.match(path, at)
        if match is None or (at == 0 and match.group(0).startswith((".", "["))):
            raise FieldPathError(f"not a field path: {path!r} (such as 'related[0].webUrl')")
        name, index = match.groups()
        if name is not None:
            steps.append(name)
        else:
            steps.append(ALL if index == "*" else int(index))
        at = match.end()
    if not steps:
        raise FieldPathError("an empty field path")
    return _keys(steps, model)


def text(steps: list[Step]) -> str:
    """``steps`` written as a field path: ``related[0].webUrl``."""
    out = ""
    for step in steps:
        if isinstance(step, str):
            out += f".{step}" if out else step
        else:
            out += "[*]" if step is ALL else f"[{step}]"
    return out


def select(data: Any, steps: list[Step]) -> list[tuple[list[Step], Any]]:
    """Every value at ``steps``, with its concrete path; :class:`Missing` when there is none.

    Under ``[*]``, items without the rest of the path are left out.
    """
    found = list(_select(data, steps, [], wild=False))
    return found


def _select(
    value: Any, steps: list[Step], done: list[Step], *, wild: bool
) -> Iterator[tuple[list[Step], Any]]:
    if not steps:
        yield done, value
        return
    step, rest = steps[0], steps[1:]
    if step is ALL:
        items = as_list(value)
        if items is None:
            if wild:
                return
            raise Missing(text([*done, step]))
        for index, item in enumerate(items):
            yield from _select(item, rest, [*done, index], wild=True)
        return
    child = _child(value, step)
    if child is _NOTHING:
        if wild:
            return
        raise Missing(text([*done, step]))
    yield from _select(child, rest, [*done, _concrete(value, step)], wild=wild)


def assign(data: dict[str, Any], steps: list[Step], value: Any) -> int:
    """Set the value at ``steps`` (at each item for ``[*]``); return how many were set.

    Missing keys on the way are made mappings; a list index must exist.
    """
    return _assign(data, steps, value, [])


def _assign(container: Any, steps: list[Step], value: Any, done: list[Step]) -> int:
    step, rest = steps[0], steps[1:]
    if step is ALL:
        items = _list_at(container, done, step)
        return sum(_assign_one(items, index, rest, value, done) for index in range(len(items)))
    if isinstance(step, int):
        items = _list_at(container, done, step)
        if not -len(items) <= step < len(items):
            raise FieldPathError(f"{text([*done, step])}: no such item (the list has {len(items)})")
        return _assign_one(items, step, rest, value, done)
    mapping = as_mapping(container)
    if not isinstance(mapping, dict):
        raise FieldPathError(f"{text(done)} is not a mapping: cannot set {text([*done, step])}")
    if not rest:
        mapping[step] = value
        return 1
    if step not in mapping or mapping[step] is None:
        mapping[step] = {}
    return _assign(mapping[step], rest, value, [*done, step])


def _assign_one(
    items: list[Any], index: int, rest: list[Step], value: Any, done: list[Step]
) -> int:
    if not rest:
        items[index] = value
        return 1
    return _assign(items[index], rest, value, [*done, index % len(items)])


def remove(data: dict[str, Any], steps: list[Step]) -> int:
    """Delete the value at ``steps`` (at each item for ``[*]``); return how many were there."""
    *parents, last = steps
    found: list[tuple[list[Step], Any]]
    try:
        found = select(data, parents) if parents else [([], data)]
    except Missing:
        return 0
    removed = 0
    for _, container in found:
        if last is ALL:
            items = as_list(container)
            if isinstance(items, list) and items:
                removed += len(items)
                items.clear()
            continue
        if isinstance(last, int):
            items = as_list(container)
            if isinstance(items, list) and -len(items) <= last < len(items):
                del items[last]
                removed += 1
            continue
        mapping = as_mapping(container)
        if isinstance(mapping, dict) and last in mapping:
            del mapping[last]
            removed += 1
    return removed


_NOTHING = object()


def _child(value: Any, step: Step) -> Any:
    if isinstance(step, int):
        items = as_list(value)
        if items is None or not -len(items) <= step < len(items):
            return _NOTHING
        return items[step]
    mapping = as_mapping(value)
    if mapping is None or step not in mapping:
        return _NOTHING
    return mapping[step]


def _concrete(value: Any, step: Step) -> Step:
    """A negative index as the index it stands for."""
    if isinstance(step, int) and step < 0:
        items = as_list(value)
        return step + len(items) if items is not None else step
    return step


def _list_at(container: Any, done: list[Step], step: Step) -> list[Any]:
    items = as_list(container)
    if not isinstance(items, list):
        raise FieldPathError(f"{text(done)} is not a list: cannot set {text([*done, step])}")
    return items


def _keys(steps: list[Step], model: type[pydantic.BaseModel] | None) -> list[Step]:
    """``steps`` with attribute names turned into file keys, following the models down."""
    out: list[Step] = []
    for step in steps:
        if not isinstance(step, str):
            out.append(step)
            continue
        if model is None:
            out.append(step)
            continue
        field = _field(model, step)
        if field is None:
            out.append(step)
            model = None
            continue
        key, annotation = field
        out.append(key)
        model = _model_in(annotation)
    return out


def _field(model: type[pydantic.BaseModel], name: str) -> tuple[str, Any] | None:
    """The file key and annotation of the field of ``model`` named or keyed ``name``."""
    for attribute, info in model.model_fields.items():
        key = info.alias or attribute
        if name in (attribute, key):
            return key, info.annotation
    return None


def _model_in(annotation: Any) -> type[pydantic.BaseModel] | None:
    """The model a field holds (``Provider | None``), or holds a list of (``list[Image]``)."""
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def model_of(model: type[pydantic.BaseModel], key: str) -> type[pydantic.BaseModel] | None:
    """The model of the value under file key ``key`` of ``model`` (of its items, for a list)."""
    field = _field(model, key)
    return None if field is None else _model_in(field[1])
