"""One small JSON-able record per file: what a check spread over a cluster keeps.

An engine maps :func:`check_file` over paths (or :func:`record` over the
:class:`~newsitem.corpus.Result` of :func:`~newsitem.corpus.load_file`) and
writes the records out, one JSON object per line::

    {"source": "items/a.md", "ok": true, "errors": []}
    {"source": "items/b.md", "ok": false, "errors": [{"code": "missing-field",
     "field": "webUrl", "line": 2, "column": 1, "message": "..."}]}

A :class:`~newsitem.errors.ValidationError` gives one error per issue, with
the issue's field; any other error gives one, with ``field`` set to ``None``.
Records hold only str, int, bool, None and lists and dicts of them, so
``json.dumps`` takes them as they are.
"""

from __future__ import annotations

import os
from typing import Any, TypedDict

from ..corpus import Result, load_file
from ..errors import NewsItemError, ValidationError
from ..limits import DEFAULT_LIMITS, Limits
from ..models import Article

__all__ = ["ErrorRecord", "Record", "check_file", "error_records", "record"]


class ErrorRecord(TypedDict):
    """One problem of a file: a stable ``code``, the ``field`` path, its position."""

    code: str
    field: str | None
    line: int | None
    column: int | None
    message: str


class Record(TypedDict):
    """What checking one file gave: its ``source`` path, ``ok``, and every error."""

    source: str
    ok: bool
    errors: list[ErrorRecord]


def error_records(error: NewsItemError) -> list[ErrorRecord]:
    """``error`` as records: one per issue of a validation error, else one."""
    if isinstance(error, ValidationError) and error.issues:
        return [
            ErrorRecord(
                code=issue.code,
                field=issue.field or None,
                line=issue.line,
                column=issue.column,
                message=issue.message,
            )
            for issue in error.issues
        ]
    return [
        ErrorRecord(
            code=error.code,
            field=None,
            line=error.line,
            column=error.column,
            message=error.message,
        )
    ]


def record(result: Result[Any]) -> Record:
    """The record of one :class:`~newsitem.corpus.Result`."""
    errors = [] if result.error is None else error_records(result.error)
    return Record(source=result.source, ok=result.ok, errors=errors)


def check_file(
    path: str | os.PathLike[str],
    *,
    model: type[Article] = Article,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Record:
    """Load and validate one file and return its record; never raises for bad input.

    Pure, and its arguments and result pickle: the function to map over a
    corpus with Dask, Spark or any other engine (``model`` must be defined at
    the top level of a module that the workers can import).
    """
    return record(load_file(path, model=model, strict=strict, limits=limits))
