"""One row per item: an Arrow table, or a Parquet, CSV or JSON Lines file, written in batches.

>>> import newsitem
>>> from newsitem import export
>>> item = newsitem.loads("---\\ntitle: Hi\\nwebUrl: https://example.com/a\\n---\\n")
>>> export.to_arrow([item]).num_rows  # doctest: +SKIP
1

The columns come from the model, in its order: ``file`` (the path the item was
read from), one column per field under its file key, ``extra``, then
``body``. Each column holds the attribute's value:

- strings, integers and booleans as they are;
- a timestamp as the instant, in UTC (Arrow ``timestamp[us, tz=UTC]``), and
  beside it ``<key>Offset``: the offset it was written with, in minutes east
  of UTC (``-420`` for ``-07:00``), so that the local time is not lost;
- a model (``provider``) as a struct, a list (``topics``, ``related``) as a
  list, ``related`` as a list of structs whose ``images`` are a list of
  structs;
- keys the model does not know, at any level, in ``extra``: a JSON object
  as text, or null when there are none.

Parquet keeps those types. CSV holds text: a timestamp in ISO 8601 with the
offset it was written with, a boolean as ``true``/``false``, null as an empty
field, and the nested columns (``provider``, ``topics``, ``related``,
``extra``) as JSON text. JSON Lines holds one object per item with the same
keys, nested values as JSON.

Arrow and Parquet need pyarrow (``pip install "newsitem[arrow]"``), imported
only when they are used; CSV and JSON Lines need nothing more.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import os
import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    BinaryIO,
    Literal,
    Union,
    cast,
    get_args,
    get_origin,
)

from pydantic import AwareDatetime, BaseModel

from . import _io
from ._scalars import format_timestamp
from .api import NewsItem
from .models import Article

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "BATCH_SIZE",
    "FORMATS",
    "Format",
    "arrow_schema",
    "record_batches",
    "to_arrow",
    "write",
]

FORMATS = ("parquet", "csv", "jsonl")
"""The file formats :func:`write` writes."""

Format = Literal["parquet", "csv", "jsonl"]

BATCH_SIZE = 1000
"""Items per record batch (and per Parquet row group) unless told otherwise."""

FILE, EXTRA, BODY = "file", "extra", "body"
OFFSET = "Offset"  # the suffix of a timestamp's offset column

_SCALARS: dict[object, str] = {str: "str", int: "int", bool: "bool", float: "float"}


@dataclass(frozen=True)
class _Column:
    """One column (or struct field): its key, the attribute it reads, and its kind."""

    key: str
    attr: str | None  # None for extra
    kind: str  # str int bool float timestamp offset list struct json extra
    item: _Column | None = None  # of a list
    fields: tuple[_Column, ...] = ()  # of a struct
    model: type[BaseModel] | None = None  # of a struct


def _columns(model: type[BaseModel], seen: frozenset[type[BaseModel]]) -> tuple[_Column, ...]:
    columns: list[_Column] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        column = _column(key, name, info.annotation, seen | {model})
        columns.append(column)
        if column.kind == "timestamp":
            columns.append(_Column(key + OFFSET, name, "offset"))
    columns.append(_Column(EXTRA, None, "extra"))
    keys = [column.key for column in columns]
    clash = sorted({key for key in keys if keys.count(key) > 1})
    if clash:
        raise ValueError(f"{model.__name__}: more than one column named {', '.join(clash)}")
    return tuple(columns)


def _column(key: str, attr: str, annotation: object, seen: frozenset[type[BaseModel]]) -> _Column:
    annotation = _strip(annotation)
    if annotation in _SCALARS:
        return _Column(key, attr, _SCALARS[annotation])
    if annotation in (datetime, AwareDatetime):
        return _Column(key, attr, "timestamp")
    if get_origin(annotation) is list:
        (inner,) = get_args(annotation) or (Any,)
        item = _column(key, attr, inner, seen)
        if item.kind in ("timestamp", "list"):  # no offset column inside a list
            return _Column(key, attr, "json")
        return _Column(key, attr, "list", item=item)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return _Column(key, attr, "json")  # a model inside itself: no fixed type
        fields = _columns(annotation, seen)
        return _Column(key, attr, "struct", fields=fields, model=annotation)
    return _Column(key, attr, "json")


def _strip(annotation: object) -> object:
    """The type inside ``Annotated[...]`` and ``X | None``; a union of several stays."""
    while True:
        origin = get_origin(annotation)
        args = get_args(annotation)
        if origin is Annotated:
            annotation = args[0]
        elif origin is Union or origin is types.UnionType:
            rest = [arg for arg in args if arg is not types.NoneType]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


@dataclass(frozen=True)
class _Layout:
    """The columns of a model's rows: ``file``, the article's fields, ``body``."""

    article: _Column  # a struct of the model's fields (and extra)

    @property
    def columns(self) -> tuple[_Column, ...]:
        return (_Column(FILE, None, "str"), *self.article.fields, _Column(BODY, None, "str"))


def _layout(model: type[BaseModel]) -> _Layout:
    return _Layout(_Column("", None, "struct", fields=_columns(model, frozenset()), model=model))


def _peek(
    items: Iterable[NewsItem[Any]], model: type[BaseModel] | None
) -> tuple[_Layout, Iterator[NewsItem[Any]]]:
    """The layout (of ``model``, else of the first item's model) and all the items."""
    iterator = iter(items)
    first = next(iterator, None)
    if model is None:
        model = Article if first is None else cast("type[BaseModel]", type(first.article))
    rest = iterator if first is None else itertools.chain([first], iterator)
    return _layout(model), rest


# --- values -------------------------------------------------------------------


def _extra(column: _Column, obj: BaseModel) -> dict[str, Any] | None:
    """What ``obj`` holds beyond ``column.model``'s fields: unknown keys, a subclass's fields."""
    assert column.model is not None
    declared = column.model.model_fields
    found: dict[str, Any] = {}
    for name, info in type(obj).model_fields.items():
        if name not in declared:
            found[info.alias or name] = _plain(getattr(obj, name))
    for key, value in (obj.model_extra or {}).items():
        found[str(key)] = _plain(value)
    return found or None


def _struct(column: _Column, obj: BaseModel, leaf: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in column.fields:
        if field.kind == "extra":
            extra = _extra(column, obj)
            row[field.key] = leaf(field, extra)
        else:
            row[field.key] = _value(field, getattr(obj, field.attr or "", None), leaf)
    return row


def _value(column: _Column, value: Any, leaf: Any) -> Any:
    if value is None:
        return None
    if column.kind == "struct":
        return _struct(column, value, leaf)
    if column.kind == "list":
        assert column.item is not None
        return [_value(column.item, one, leaf) for one in value]
    return leaf(column, value)


def _arrow_leaf(column: _Column, value: Any) -> Any:
    kind = column.kind
    if kind == "offset":
        return _offset(value)
    if kind in ("json", "extra"):
        return None if value is None else _dumps(_plain(value))
    return value


def _json_leaf(column: _Column, value: Any) -> Any:
    kind = column.kind
    if kind == "timestamp":
        return format_timestamp(value)
    if kind == "offset":
        return _offset(value)
    if kind == "json":
        return _plain(value)
    if kind == "float" and not math.isfinite(value):
        return _plain(value)
    return value


def _offset(value: datetime) -> int:
    offset = value.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def _plain(value: Any) -> Any:
    """A value as JSON holds it; what JSON has no form for is written as YAML spells it."""
    if isinstance(value, BaseModel):
        return _plain(value.model_dump(by_alias=True))
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        return {_key(key): _plain(item) for key, item in mapping.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in cast("list[object]", value)]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def _key(key: object) -> str:
    if isinstance(key, str):
        return key
    plain = _plain(key)
    return plain if isinstance(plain, str) else _dumps(plain)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _row(layout: _Layout, item: NewsItem[Any], leaf: Any) -> dict[str, Any]:
    return {FILE: item.path, **_struct(layout.article, item.article, leaf), BODY: item.body}


# --- Arrow ---------------------------------------------------------------------


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # pyright: ignore[reportUnusedImport] - pa.parquet
    except ImportError as exc:
        raise ImportError(
            "Arrow and Parquet export need pyarrow: pip install 'newsitem[arrow]'"
        ) from exc
    return pyarrow


def arrow_schema(model: type[BaseModel] = Article) -> pyarrow.Schema:
    """The Arrow schema of the rows of ``model``'s items (see the module's docs)."""
    schema: pyarrow.Schema = _schema(_pyarrow(), _layout(model))
    return schema


def _schema(pa: Any, layout: _Layout) -> Any:
    return pa.schema([_arrow_field(pa, column) for column in layout.columns])


def _arrow_field(pa: Any, column: _Column) -> Any:
    return pa.field(column.key, _arrow_type(pa, column))


def _arrow_type(pa: Any, column: _Column) -> Any:
    kind = column.kind
    if kind == "struct":
        return pa.struct([_arrow_field(pa, field) for field in column.fields])
    if kind == "list":
        assert column.item is not None
        return pa.list_(_arrow_type(pa, column.item))
    types_ = {
        "str": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "float": pa.float64(),
        "timestamp": pa.timestamp("us", tz="UTC"),
        "offset": pa.int16(),
        "json": pa.string(),
        "extra": pa.string(),
    }
    return types_[kind]


def record_batches(
    items: Iterable[NewsItem[Any]],
    *,
    model: type[BaseModel] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[pyarrow.RecordBatch]:
    """The rows of ``items`` as Arrow record batches of ``batch_size`` rows, made as needed.

    ``model`` gives the columns; by default the model of the first item (so a
    subclass of :class:`~newsitem.models.Article` adds its fields). What an
    item holds beyond ``model``'s fields goes to ``extra``.
    """
    pa = _pyarrow()
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    layout, rest = _peek(items, model)
    schema = _schema(pa, layout)
    while True:
        rows = [_row(layout, item, _arrow_leaf) for item in islice(rest, batch_size)]
        if not rows:
            return
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def to_arrow(
    items: Iterable[NewsItem[Any]], *, model: type[BaseModel] | None = None
) -> pyarrow.Table:
    """The rows of ``items`` as one ``pyarrow.Table`` (see the module's docs for the columns).

    Raises ImportError naming the ``arrow`` extra when pyarrow is not installed.
    """
    pa = _pyarrow()
    layout, rest = _peek(items, model)
    batches = list(record_batches(rest, model=layout.article.model))
    table: pyarrow.Table = pa.Table.from_batches(batches, schema=_schema(pa, layout))
    return table


# --- files ---------------------------------------------------------------------


def write(
    items: Iterable[NewsItem[Any]],
    target: str | os.PathLike[str] | BinaryIO,
    *,
    to: Format,
    model: type[BaseModel] | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Write the rows of ``items`` to ``target`` as ``to`` (parquet, csv or jsonl); the row count.

    Items are taken ``batch_size`` at a time, so memory stays flat however many
    there are. A path is written atomically: until the last row is written the
    file is untouched, and if anything fails it stays so. A binary file is
    written as it goes.
    """
    if to not in FORMATS:
        raise ValueError(f"unknown format {to!r}; one of {', '.join(FORMATS)}")
    if to == "parquet":
        _pyarrow()  # the ImportError before anything is written
    if isinstance(target, str | os.PathLike):
        with _io.atomic_stream(Path(os.fspath(target))) as stream:
            return _write(items, stream, to, model, batch_size)
    return _write(items, target, to, model, batch_size)


def _write(
    items: Iterable[NewsItem[Any]],
    stream: BinaryIO,
    to: Format,
    model: type[BaseModel] | None,
    batch_size: int,
) -> int:
    if to == "parquet":
        return _write_parquet(items, stream, model, batch_size)
    layout, rest = _peek(items, model)
    columns = layout.columns
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    count = 0
    writer = csv.writer(text)
    try:
        if to == "csv":
            writer.writerow([column.key for column in columns])
        for item in rest:
            row = _row(layout, item, _json_leaf)
            if to == "csv":
                writer.writerow([_csv_cell(column, row[column.key]) for column in columns])
            else:
                text.write(_dumps(row) + "\n")
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller closes the stream
    return count


def _csv_cell(column: _Column, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if column.kind in ("struct", "list", "json", "extra"):
        return _dumps(value)
    return str(value)


def _write_parquet(
    items: Iterable[NewsItem[Any]],
    stream: BinaryIO,
    model: type[BaseModel] | None,
    batch_size: int,
) -> int:
    pa = _pyarrow()
    layout, rest = _peek(items, model)
    count = 0
    with pa.parquet.ParquetWriter(stream, _schema(pa, layout)) as writer:
        for batch in record_batches(rest, model=layout.article.model, batch_size=batch_size):
            writer.write_batch(batch)
            count += batch.num_rows
    return count
