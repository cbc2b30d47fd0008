"""``load``, ``loads``, ``dump``, ``dumps``: typed news items over the lossless core.

An item read from text remembers its document. On dump, the model is turned
back into plain values and compared with what was read: values that did not
change keep their original text exactly (a quoted timestamp stays quoted),
and only what changed is handed to the front-matter layer, which rewrites
just those lines. A new field goes where the format's key order puts it.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar, cast, get_args, overload

import pydantic
from pydantic_core import PydanticSerializationError

from . import _render
from ._edit import freeze, same
from ._io import Source, Target
from ._io import write as _write
from ._render import as_list, as_mapping
from ._scalars import REFERENCE_TIMESTAMP, TimestampStyle, format_timestamp
from ._validation import from_pydantic_error, validate
from .errors import EditError
from .frontmatter import FrontMatterDocument
from .frontmatter import load as _load_document
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

    __slots__ = ("_base", "_document", "_fingerprint", "_raw", "article", "body")

    def __init__(self, article: A, body: str = "\n") -> None:
        self.article: A = article
        self.body: str = body
        self._document: FrontMatterDocument | None = None
        self._raw: dict[Any, Any] = {}
        self._base: dict[str, Any] = {}
        self._fingerprint: Fingerprint | None = None

    @property
    def path(self) -> str | None:
        """The file the item was read from, if any."""
        return self._document.path if self._document is not None else None

    def _rebase(self, document: FrontMatterDocument) -> None:
        """Take ``document`` as what the item was read from."""
        self._document = document
        self._raw = document.data
        self._fingerprint = _fingerprint(self.article)
        # The plain values as read (a copy: later edits of the model in place
        # do not reach it), to tell an edit's changed parts from the rest.
        self._base = _plain(self.article)

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
        document.write(target, overwrite=overwrite)
        if document.original is not before:  # written back to its own file: the new base
            self._rebase(document)

    def _sync(self) -> FrontMatterDocument | None:
        """Hand the model's changes to the document, keeping unchanged values as written."""
        document = self._document
        if document is None:
            return None
        document.body = self.body
        fingerprint = _fingerprint(self.article)
        if fingerprint is not None and fingerprint == self._fingerprint:
            document.data = self._raw
            return document
        new = _plain(self.article)
        _revalidate(self.article, new)
        document.data = _merge(self._raw, self._base, new, quoted_keys(type(self.article)))
        return document

    def __repr__(self) -> str:
        return f"NewsItem(article={self.article!r}, body={self.body!r})"


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
    """
    return _read(FrontMatterDocument(text, limits=limits), model, strict)


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
    """Read a news item from a path or a binary file; see :func:`loads`."""
    return _read(_load_document(source, limits=limits), model, strict)


def dumps(item: NewsItem[Any]) -> str:
    """The text of ``item``: byte for byte the input where nothing changed."""
    return item.render()


def dump(item: NewsItem[Any], target: Target, *, overwrite: bool = False) -> None:
    """Write ``item`` to a path (atomically) or to a binary file.

    A path is replaced atomically (temporary file, fsync, rename; permissions
    kept): a crash leaves the old file or the new. Writing back to the file
    the item was read from raises :class:`~newsitem.errors.ConflictError` if
    that file changed on disk since, unless ``overwrite=True``.
    """
    item.write(target, overwrite=overwrite)


def _read(document: FrontMatterDocument, model: type[A], strict: bool) -> NewsItem[A]:
    article = validate(
        model, document.data, strict=strict, locate=document.position, path=document.path
    )
    item = NewsItem(article, document.body)
    item._rebase(document)  # pyright: ignore[reportPrivateUsage] - the item's own module
    return item


def _plain(article: pydantic.BaseModel) -> dict[str, Any]:
    """The article as plain values under file keys: what was read, plus what was set."""
    # warnings=False: a wrong value put in a list in place is reported by
    # _revalidate as our ValidationError, not as pydantic's serializer warning.
    return article.model_dump(by_alias=True, exclude_unset=True, warnings=False)


# The article's JSON, and a type-strict image of its extra values.
Fingerprint = tuple[str, Hashable]


def _fingerprint(article: pydantic.BaseModel) -> Fingerprint | None:
    """The article's values: equal exactly when nothing was changed.

    JSON tells ``1`` from ``1.0`` and ``true``, and pydantic writes it in Rust,
    so this is the cheap test that lets an unchanged item return its text.
    The fields' types are fixed, but extra values may be anything, and JSON
    writes some of them alike (a datetime and its string, NaN and null, the
    key ``1`` and ``"1"``): those are compared by their frozen image.
    ``None`` (never equal) for extra values that cannot be compared.
    """
    try:
        json = article.model_dump_json(by_alias=True, exclude_unset=True, warnings=False)
        return json, _extras(article)
    except (PydanticSerializationError, EditError):
        return None


def _extras(model: pydantic.BaseModel) -> Hashable:
    """``freeze`` of the extra values of ``model`` and of the models inside it."""
    images: list[Hashable] = []

    def walk(model: pydantic.BaseModel) -> None:
        if model.__pydantic_extra__:
            images.append(freeze(model.__pydantic_extra__))
        values = model.__dict__
        for name in _model_fields(type(model)):
            value = values.get(name)
            if isinstance(value, pydantic.BaseModel):
                walk(value)
            elif isinstance(value, list):
                for entry in cast("list[object]", value):
                    if isinstance(entry, pydantic.BaseModel):
                        walk(entry)

    walk(model)
    return tuple(images)


@functools.cache
def _model_fields(model: type[pydantic.BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose type has a model in it (``Provider``, ``list[Image]``)."""

    def has_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
            return True
        return any(has_model(argument) for argument in get_args(annotation))

    return tuple(name for name, field in model.model_fields.items() if has_model(field.annotation))


def _revalidate(article: pydantic.BaseModel, data: dict[str, Any]) -> None:
    """Catch invalid values that reached the model without validation (list.append)."""
    try:
        type(article).model_validate(data, by_alias=True, by_name=False)
    except pydantic.ValidationError as exc:
        raise from_pydantic_error(exc, type(article)) from exc


def _merge(raw: Any, base: Any, new: Any, quoted: frozenset[str], key: Any = None) -> Any:
    """``new``, except that parts equal to ``base`` (as read) are ``raw`` (as written).

    New strings under a key in ``quoted`` (fields the format writes quoted)
    are marked to be written in quotes; ``key`` is the one ``new`` is under.
    """
    # ``==`` first: it rules out most changed parts in C, and freezing only
    # the parts that are equal keeps the walk linear.
    if base == new and same(base, new):
        return raw
    if isinstance(raw, str) and isinstance(new, datetime):
        # The file wrote this timestamp as a string (quoted): it stays one,
        # in the same shape, so it keeps its quotes and reads back as written.
        return format_timestamp(new, TimestampStyle.of(raw) or REFERENCE_TIMESTAMP)
    new_map, base_map, raw_map = as_mapping(new), as_mapping(base), as_mapping(raw)
    if new_map is not None and base_map is not None and raw_map is not None:
        return {
            k: _merge(raw_map[k], base_map[k], value, quoted, k)
            if k in base_map and k in raw_map
            else _mark_quoted(value, quoted, k)
            for k, value in new_map.items()
        }
    new_list, base_list, raw_list = as_list(new), as_list(base), as_list(raw)
    if new_list is not None and base_list is not None and raw_list is not None:
        if len(base_list) != len(raw_list):
            return _mark_quoted(new, quoted, key)
        return _merge_lists(list(raw_list), list(base_list), list(new_list), quoted)
    return _mark_quoted(new, quoted, key)


def _merge_lists(
    raw: list[Any], base: list[Any], new: list[Any], quoted: frozenset[str]
) -> list[Any]:
    matcher = SequenceMatcher(None, [freeze(v) for v in base], [freeze(v) for v in new])
    out: list[Any] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(raw[i1:i2])
            continue
        paired = min(i2 - i1, j2 - j1)
        out.extend(_merge(raw[i1 + k], base[i1 + k], new[j1 + k], quoted) for k in range(paired))
        out.extend(_mark_quoted(value, quoted) for value in new[j1 + paired : j2])
    return out


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
