"""The exceptions newsitem raises, and their stable codes.

Every failure a caller can cause is a :class:`NewsItemError`. Third-party
exceptions (pydantic's) never escape: they are chained as
``__cause__`` of the error raised here.

::

    NewsItemError                       (root; code, message, path, line, column)
    ├── DecodeError                     not UTF-8, NUL bytes, lone surrogates
    ├── FrontMatterError                the --- fences: missing, unclosed, junk
    ├── YAMLSyntaxError                 the YAML between the fences does not parse
    │   ├── DuplicateKeyError           a key given twice in one mapping
    │   └── UnsupportedTagError         a tag newsitem will not construct
    ├── StructureError                  parses, but is not a mapping of plain values
    ├── LimitExceededError              size, depth or alias-expansion limit hit
    ├── ValidationError                 values do not fit the model (``.issues``); a ValueError
    ├── EditError                       a change that cannot be written back
    └── ConflictError                   the file changed on disk since it was loaded

Lines and columns are 1-based and counted in the file as a whole: the opening
fence is line 1, and a byte-order mark is not a column.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ConflictError",
    "DecodeError",
    "DuplicateKeyError",
    "EditError",
    "FrontMatterError",
    "Issue",
    "LimitExceededError",
    "NewsItemError",
    "StructureError",
    "UnsupportedTagError",
    "ValidationError",
    "YAMLSyntaxError",
]


class NewsItemError(Exception):
    """The root of every error newsitem raises on behalf of its input.

    Attributes:
        code: a stable, machine-readable code such as ``"yaml-syntax"``.
        message: what is wrong, without the position.
        path: the file the text came from, when it came from a file.
        line: 1-based line in the file, when the error has a position.
        column: 1-based column in the file, when the error has a position.
    """

    code: str = "newsitem-error"

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path: str | None = os.fspath(path) if path is not None else None
        self.line = line
        self.column = column
        if code is not None:
            self.code = code

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (parallel corpus runs): rebuild them
        # from their attributes, not from ``args``, which holds only the message.
        return (_rebuild, (type(self), self.__dict__.copy()))

    def with_path(self, path: str | os.PathLike[str]) -> NewsItemError:
        """Set the file this error came from, and return the error."""
        self.path = os.fspath(path)
        return self

    def location(self) -> str:
        """``path:line:column``, leaving out the parts that are unknown."""
        parts = [self.path if self.path is not None else "<string>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, "
            f"path={self.path!r}, line={self.line!r}, column={self.column!r})"
        )


def _rebuild(cls: type[NewsItemError], state: dict[str, Any]) -> NewsItemError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class DecodeError(NewsItemError):
    """The bytes are not a text newsitem reads: not UTF-8, or a NUL byte.

    ``offset`` is the 0-based byte offset of the first bad byte.
    """

    code = "invalid-encoding"

    def __init__(
        self,
        message: str,
        *,
        offset: int,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line, column=column, code=code)
        self.offset = offset


class FrontMatterError(NewsItemError):
    """The ``---`` fences are missing, unclosed, or carry trailing text.

    Codes: ``no-front-matter``, ``unclosed-front-matter``, ``fence-trailing-text``.
    """

    code = "no-front-matter"


class YAMLSyntaxError(NewsItemError):
    """The text between the fences is not valid YAML."""

    code = "yaml-syntax"


class DuplicateKeyError(YAMLSyntaxError):
    """A mapping has the same key twice. ``first_line``/``first_column`` is the first."""

    code = "duplicate-key"

    def __init__(
        self,
        message: str,
        *,
        first_line: int,
        first_column: int,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message, path=path, line=line, column=column)
        self.first_line = first_line
        self.first_column = first_column


class UnsupportedTagError(YAMLSyntaxError):
    """A tag such as ``!!python/object`` that newsitem never constructs."""

    code = "unsupported-tag"


class StructureError(NewsItemError):
    """The YAML parses but is not what front matter must be.

    Code: ``not-a-mapping`` (the front matter is a list or a scalar, or holds
    more than one YAML document).
    """

    code = "not-a-mapping"


class LimitExceededError(NewsItemError):
    """The input is larger, deeper or expands further than the configured limit."""

    code = "limit-exceeded"


class EditError(NewsItemError):
    """A value put into a document cannot be written as YAML (for example a set)."""

    code = "unrepresentable-value"


class ConflictError(NewsItemError):
    """The file on disk changed after it was loaded; nothing was written."""

    code = "file-changed"


@dataclass(frozen=True)
class Issue:
    """One problem found while validating an item.

    ``field`` is the path of the value, such as ``related[1].images[0].width``
    (empty for the item as a whole); ``line`` and ``column`` point at the value
    in the file when it came from one.
    """

    field: str
    message: str
    code: str = "invalid-value"
    line: int | None = None
    column: int | None = None


class ValidationError(NewsItemError, ValueError):
    """The values do not fit the model. ``issues`` lists every problem found.

    Raised by loading, by building a model (``Article(...)``,
    ``Article.model_validate``), by an assignment and by adding to a model's
    list; pydantic's own error is chained as ``__cause__``. It is a
    ``ValueError``, as pydantic's is.

    ``str(error)`` prints one ``path:line:column: field: message`` line per issue.
    """

    code = "invalid-item"

    def __init__(
        self,
        issues: Sequence[Issue],
        *,
        path: str | os.PathLike[str] | None = None,
    ) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        first = self.issues[0] if self.issues else None
        summary = f"{len(self.issues)} invalid value(s)"
        super().__init__(
            summary,
            path=path,
            line=first.line if first else None,
            column=first.column if first else None,
        )

    def __str__(self) -> str:
        where = self.path if self.path is not None else "<string>"
        lines: list[str] = []
        for issue in self.issues:
            position = where
            if issue.line is not None:
                position += f":{issue.line}"
                if issue.column is not None:
                    position += f":{issue.column}"
            label = f"{issue.field}: " if issue.field else ""
            lines.append(f"{position}: {label}{issue.message}")
        return "\n".join(lines) if lines else f"{where}: {self.message}"
