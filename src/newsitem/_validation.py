"""Validate front-matter data against a model; turn pydantic's errors into Issues.

Each pydantic error becomes one :class:`~newsitem.errors.Issue` whose ``field``
is the dotted path in file keys (``related[1].images[0].width``) and whose
``code`` is one of a small stable set:

``missing-field``
    a required key is absent.
``wrong-type``
    a value of the wrong kind: a string where an integer belongs, a list
    where a mapping belongs.
``invalid-value``
    the right kind but a bad value: a relative URL, a date-time without a
    time zone.
``invalid-secured``
    ``secured`` is not ``base64(ciphertext);base64(iv)`` with a 16-byte IV.
``unknown-field``
    a key the model does not declare (only reported with ``strict=True``).

Errors raised by a model that sits in a loaded item (an assignment, a list
append) carry the model's full path, the item's file and the position of
the value they replace: see :func:`assignment_error` and :func:`list_error`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast, get_args, get_origin

import pydantic
from pydantic_core import ErrorDetails

from newsitem._lists import list_place, place
from newsitem.errors import Issue, ValidationError

if TYPE_CHECKING:
    from newsitem._lists import ValidatedList

__all__ = [
    "Loc",
    "Locator",
    "assignment_error",
    "from_pydantic_error",
    "list_error",
    "validate",
]

Loc: TypeAlias = tuple[str | int, ...]
"""A value's place: file keys and list indices, such as ``("related", 1, "title")``."""

Locator: TypeAlias = Callable[[Loc], tuple[int, int] | None]
"""Gives the 1-based ``(line, column)`` of the value at a :data:`Loc`, or None."""

M = TypeVar("M", bound=pydantic.BaseModel)

# pydantic error types that mean "wrong kind of value", with what was expected.
_EXPECTED: dict[str, str] = {
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "bool_type": "a boolean (true or false)",
    "bool_parsing": "a boolean (true or false)",
    "string_type": "a string",
    "datetime_type": "a date-time with a time zone",
    "list_type": "a list",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "dict_type": "a mapping",
    "invalid_key": "a string key",
}


def validate(
    model: type[M],
    data: Mapping[str, object],
    *,
    strict: bool = False,
    locate: Locator | None = None,
    path: str | None = None,
    issues: Iterable[Issue] = (),
) -> M:
    """Build ``model`` from front-matter ``data``, reporting every problem at once.

    Keys are matched by their file names (aliases) only. With ``strict=True``
    keys the model does not declare, at any depth, are issues too. Issues are
    sorted by position in the file; those without one come last. ``issues``
    found before (naive timestamps) are reported with the others.

    Raises:
        newsitem.errors.ValidationError: listing every issue, chained to
            pydantic's error when there was one.
    """
    issues = list(issues)
    cause: pydantic.ValidationError | None = None
    result: M | None = None
    try:
        # The validator itself: model_validate of our models raises our error.
        result = model.__pydantic_validator__.validate_python(data, by_alias=True, by_name=False)
    except pydantic.ValidationError as exc:
        cause = exc
        issues.extend(_issues(exc, model, (), locate))
    if strict:
        # A subclass with extra="forbid" has pydantic report these already.
        reported = {issue.field for issue in issues if issue.code == "unknown-field"}
        for loc, owner in _unknown_keys(model, data, ()):
            if _dotted(loc) not in reported:
                message = f"unknown key {loc[-1]!r} (not a field of {owner})"
                issues.append(_issue(loc, "unknown-field", message, locate))
    if issues:
        raise ValidationError(_sorted(issues), path=path) from cause
    assert result is not None  # no issues means model_validate returned
    return result


def from_pydantic_error(
    exc: pydantic.ValidationError,
    model: type[pydantic.BaseModel] | None,
    *,
    prefix: Loc = (),
    locate: Locator | None = None,
    path: str | None = None,
) -> ValidationError:
    """Our ValidationError for a pydantic one raised by ``model`` (say on assignment).

    ``prefix`` is where the model sits in the file, such as ``("related", 1)``;
    attribute names in pydantic's locations are turned into file keys. Raise
    the result ``from exc``.
    """
    return ValidationError(_sorted(_issues(exc, model, prefix, locate)), path=path)


def assignment_error(
    exc: pydantic.ValidationError | None, model: pydantic.BaseModel, name: str
) -> ValidationError:
    """The error of assigning (``exc``) or deleting (``exc`` None) ``model.name``.

    The issue's field is the full path from the article; for an item read
    from a file, the error names the file and, when the value replaced is
    the one the file holds, its line and column.
    """
    prefix, holder = place(model)
    info = type(model).model_fields.get(name)
    key = (info.alias or name) if info is not None else name
    path: str | None = None
    locate: Locator | None = None
    if holder is not None:
        path, locate = holder._where((*prefix, key), model.__dict__.get(name), check=True)  # pyright: ignore[reportPrivateUsage]
    if exc is None:
        message = "required field cannot be deleted"
        return ValidationError(
            [_issue((*prefix, key), "missing-field", message, locate)], path=path
        )
    return from_pydantic_error(exc, type(model), prefix=prefix, locate=locate, path=path)


def list_error(
    exc: pydantic.ValidationError,
    values: ValidatedList[Any],
    index: int,
    model: type[pydantic.BaseModel] | None,
) -> ValidationError:
    """The error of adding an invalid entry at ``index`` of the list field ``values``."""
    prefix, holder = list_place(values)
    path: str | None = None
    locate: Locator | None = None
    if holder is not None:
        path, locate = holder._where(prefix, values, check=False)  # pyright: ignore[reportPrivateUsage]
    return from_pydantic_error(exc, model, prefix=(*prefix, index), locate=locate, path=path)


def _issues(
    exc: pydantic.ValidationError,
    model: type[pydantic.BaseModel] | None,
    prefix: Loc,
    locate: Locator | None,
) -> Iterator[Issue]:
    for error in exc.errors(include_url=False):
        loc = prefix + _file_loc(model, error["loc"])
        if error["type"] == "invalid_key":  # a non-string key: name it as text
            loc = (*loc[:-1], str(loc[-1]))
        code, message = _describe_error(error)
        yield _issue(loc, code, message, locate)


def _describe_error(error: ErrorDetails) -> tuple[str, str]:
    kind = error["type"]
    found = _describe(error["input"])
    if kind == "missing":
        return "missing-field", "required field is missing"
    if kind == "extra_forbidden":  # a subclass that sets extra="forbid"
        return "unknown-field", "unknown key (extra keys are forbidden)"
    if kind in _EXPECTED:
        return "wrong-type", f"expected {_EXPECTED[kind]}, got {found}"
    if kind == "newsitem_secured":  # its template is "{detail}": the message is the detail
        return "invalid-secured", error["msg"]
    if kind == "timezone_aware":
        return "invalid-value", f"expected a date-time with a time zone, got {found}"
    # Our own errors (see models) read "expected <what>": the message as it is.
    return "invalid-value", f"{error['msg']}, got {found}"


def _describe(value: object) -> str:
    """What was found, in YAML's words: ``a string 'lots'``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"an integer {int(value)}"
    if isinstance(value, float):
        return f"a number {float(value)!r}"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return f"a string {text!r}"
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return f"a date-time {value.isoformat()} without a time zone"
        return f"a date-time {value.isoformat()}"
    if isinstance(value, date):
        return f"a date {value.isoformat()}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
        return "a list"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    return f"a {type(value).__name__}"


def _issue(loc: Loc, code: str, message: str, locate: Locator | None) -> Issue:
    position = _position(loc, locate)
    line, column = position if position is not None else (None, None)
    return Issue(field=_dotted(loc), message=message, code=code, line=line, column=column)


def _position(loc: Loc, locate: Locator | None) -> tuple[int, int] | None:
    # A missing key has no position of its own: point at the nearest
    # enclosing value the locator knows.
    if locate is None:
        return None
    for end in range(len(loc), -1, -1):
        position = locate(loc[:end])
        if position is not None:
            return position
    return None


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _sorted(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(
        issues, key=lambda issue: (issue.line is None, issue.line or 0, issue.column or 0)
    )


def _file_loc(model: type[pydantic.BaseModel] | None, loc: tuple[str | int, ...]) -> Loc:
    """pydantic's location with attribute names replaced by file keys."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, str) and model is not None:
            key = _file_key(model, part)
            if key is not None:
                part, model = key, _declared(model)[key]
            else:
                model = None  # an extra key: nothing below it is ours
        out.append(part)
    return tuple(out)


def _file_key(model: type[pydantic.BaseModel], part: str) -> str | None:
    """The file key of the field whose key or attribute name is ``part``."""
    for name, info in model.model_fields.items():
        if part in (info.alias, name):
            return info.alias or name
    return None


def _declared(model: type[pydantic.BaseModel]) -> dict[str, type[pydantic.BaseModel] | None]:
    """Each field's file key, and the model nested in it (None for a scalar)."""
    return {
        info.alias or name: _nested_model(info.annotation)
        for name, info in model.model_fields.items()
    }


def _nested_model(annotation: object) -> type[pydantic.BaseModel] | None:
    """The model inside ``X``, ``X | None``, ``list[X]``; None for a scalar."""
    if get_origin(annotation) is None and isinstance(annotation, type):
        return annotation if issubclass(annotation, pydantic.BaseModel) else None
    for arg in get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def _unknown_keys(
    model: type[pydantic.BaseModel], data: object, loc: Loc
) -> Iterator[tuple[Loc, str]]:
    """``(loc, model name)`` of each key, at any depth, that no field declares."""
    if isinstance(data, list):
        for index, item in enumerate(cast("list[object]", data)):
            yield from _unknown_keys(model, item, (*loc, index))
        return
    if not isinstance(data, Mapping):
        return  # pydantic reports the wrong type
    declared = _declared(model)
    for key, value in cast("Mapping[object, object]", data).items():
        if not isinstance(key, str):
            continue  # pydantic reports non-string keys
        if key not in declared:
            yield (*loc, key), model.__name__
            continue
        nested = declared[key]
        if nested is not None:
            yield from _unknown_keys(nested, value, (*loc, key))


_TIMESTAMP_TEXT = re.compile(
    r"\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?([ \t]*(?:[Zz]|[+-]\d))?"
)
# A time with no offset after it, anywhere in the front matter (after the key,
# a tag, an anchor or a line break): only then are the date-time fields
# looked at one by one. It starts on a literal ":", which the regex engine
# finds fast; a search starting on a digit costs more than validation.
_NAIVE = re.compile(r":\d\d:\d\d(?:\.\d*)?(?![\d.:]|[ \t]*(?:[Zz]|[+-]\d))")


def naive_timestamps(
    model: type[pydantic.BaseModel],
    data: Mapping[str, object],
    text: str,
    end: int,
    locate: Locator,
) -> list[Issue]:
    """Issues for date-time fields written without a time zone (``2021-09-27T18:46:00``).

    YAML reads such a timestamp as UTC, but a news item must say its zone:
    the model refuses the quoted form, and this finds the unquoted one in
    ``text`` (the front matter ends at ``end``).
    """
    if not _maybe_naive(text, end, _datetime_keys(model)):
        return []
    issues: list[Issue] = []
    for loc in _datetime_locs(model, data, ()):
        position = locate(loc)
        if position is None:
            continue
        written = _TIMESTAMP_TEXT.match(text, _offset(text, position))
        if written is not None and written.group(1) is None:
            message = (
                f"expected a date-time with a time zone, got {written.group(0)!r} "
                "without one (add Z for UTC)"
            )
            issues.append(_issue(loc, "invalid-value", message, locate))
    return issues


def _maybe_naive(text: str, end: int, keys: frozenset[str]) -> bool:
    # Any zone-less timestamp in the front matter, wherever it stands: after
    # the key, a tag, an anchor or a line break. The exact check is per field.
    return bool(keys) and _NAIVE.search(text, 0, end) is not None


@functools.cache
def _datetime_keys(model: type[pydantic.BaseModel]) -> frozenset[str]:
    """The file keys of the date-time fields of ``model`` and of the models inside it."""
    keys: set[str] = set()
    for name, info in model.model_fields.items():
        if _has_datetime(info.annotation):
            keys.add(info.alias or name)
        nested = _nested_model(info.annotation)
        if nested is not None and nested is not model:
            keys |= _datetime_keys(nested)
    return frozenset(keys)


def _datetime_locs(model: type[pydantic.BaseModel], data: object, loc: Loc) -> Iterator[Loc]:
    """The places of datetime values held by the date-time fields of ``model``."""
    if not isinstance(data, Mapping):
        return
    values = cast("Mapping[object, object]", data)
    for name, info in model.model_fields.items():
        key = info.alias or name
        value = values.get(key)
        if isinstance(value, datetime) and _has_datetime(info.annotation):
            yield (*loc, key)
            continue
        nested = _nested_model(info.annotation)
        if nested is None:
            continue
        if isinstance(value, list):
            for index, entry in enumerate(cast("list[object]", value)):
                yield from _datetime_locs(nested, entry, (*loc, key, index))
        else:
            yield from _datetime_locs(nested, value, (*loc, key))


def _has_datetime(annotation: object) -> bool:
    if annotation is datetime or annotation is pydantic.AwareDatetime:
        return True
    return any(_has_datetime(argument) for argument in get_args(annotation))


def _offset(text: str, position: tuple[int, int]) -> int:
    line, column = position
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    if line == 1 and text.startswith("\ufeff"):
        start += 1
    return start + column - 1
