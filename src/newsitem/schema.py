"""The JSON Schema of a news item's front matter, and a table of a model's fields.

>>> from newsitem import schema
>>> document = schema.json_schema()  # of Article; pass model= for a subclass
>>> document["required"] == ["title", "webUrl"]
True

:func:`json_schema` gives JSON Schema draft 2020-12, made from the models, so
that it says what they say: the file's camelCase keys as property names, a
title and a description (the field's docstring) for every field, the URL and
timestamp fields as strings that must match :data:`~newsitem.models.URL_RULE`
and :data:`~newsitem.models.TIMESTAMP_RULE` (the very patterns the models
check), and unknown keys allowed at every level, as the models keep them.

What a JSON Schema cannot say, because a JSON document (and a YAML editor)
does not see it: that ``5.0`` is not an integer (JSON has one kind of
number), that a key is not a string, and that a timestamp was written plain
rather than quoted. :doc:`schema` lists the consequences.
"""

from __future__ import annotations

import html
import types
import typing
from typing import Annotated, Any, Union, cast, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import Article, HttpUrlStr, Text, Timestamp

__all__ = ["DRAFT", "field_table", "json_schema"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of what :func:`json_schema` returns."""

# The annotated types shown by name in field_table.
_NAMED: tuple[tuple[object, str], ...] = (
    (HttpUrlStr, "HttpUrlStr"),
    (Timestamp, "Timestamp"),
    (Text, "Text"),
)


def json_schema(model: type[BaseModel] = Article) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``model``'s front matter, as a JSON-able dict.

    Property names are the file keys (the aliases); the models the fields use
    (``Provider``, ``RelatedItem``, ``Image``) are in ``$defs``. Write it out
    with ``json.dumps(schema, indent=2)``.
    """
    document = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DRAFT, **document}


def field_table(model: type[BaseModel]) -> str:
    """``model``'s fields as a Markdown table: key, attribute, type, required, description.

    One row per field, in declaration order (the format's key order); the
    description is the field's docstring. The API reference is built from it.
    """
    rows = [
        "| key | attribute | type | required | description |",
        "|---|---|---|---|---|",
    ]
    for name, info in model.model_fields.items():
        key = info.alias or name
        cells = (
            f"`{key}`",
            f"`{name}`",
            # Not a code span: a pipe is escaped there as "\\|", shown as it is.
            "<code>" + html.escape(_field_type(info)).replace("|", "&#124;") + "</code>",
            "yes" if info.is_required() else "",
            (info.description or "").replace("\n", " ").replace("|", "\\|"),
        )
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def _field_type(info: FieldInfo) -> str:
    base: object = info.annotation
    if not info.metadata:
        return _type_text(base)
    # pydantic moves a field's own Annotated[...] metadata to info.metadata.
    metadata: list[object] = info.metadata
    return _type_text(_annotated(base, metadata))


def _annotated(base: object, metadata: list[object]) -> object:
    rebuilt = Annotated.__class_getitem__((base, *metadata))  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]
    return cast("object", rebuilt)


def _type_text(annotation: object) -> str:
    for named, name in _NAMED:
        if annotation == named:
            return name
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Union or origin is types.UnionType:
        return " | ".join(_type_text(arg) for arg in args)
    if origin is Annotated:
        return _type_text(args[0])
    if origin is not None:
        inner = ", ".join(_type_text(arg) for arg in args)
        return f"{getattr(origin, '__name__', str(origin))}[{inner}]"
    if annotation is types.NoneType:
        return "None"
    if annotation is typing.Any:
        return "Any"
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation)
