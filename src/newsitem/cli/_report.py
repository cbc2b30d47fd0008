"""The problem printer of every verb: text, JSON Lines, GitHub annotations, SARIF 2.1.0."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Literal, TextIO
from urllib.parse import quote

from ..errors import NewsItemError, ValidationError

__all__ = ["FORMATS", "Problem", "Reporter", "problems_from_error"]

FORMATS = ("text", "json", "github", "sarif")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one file, at a 1-based line and column when known."""

    path: str
    line: int | None
    column: int | None
    code: str  # e.g. "wrong-type", "mojibake"
    message: str
    field: str | None = None  # field path, e.g. "related[1].images[0].width"
    severity: Severity = "error"

    def text(self) -> str:
        """``path:line:column: CODE field: message``, the unknown parts left out."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {self.code} {message}"


def problems_from_error(path: str, error: NewsItemError) -> list[Problem]:
    """The problems ``error`` stands for: one per issue of a validation error."""
    if isinstance(error, ValidationError) and error.issues:
        return [
            Problem(path, issue.line, issue.column, issue.code, issue.message, issue.field or None)
            for issue in error.issues
        ]
    return [Problem(path, error.line, error.column, error.code, error.message)]


class Reporter:
    """Prints problems to ``stream`` in format ``fmt`` (one of :data:`FORMATS`).

    ``text``, ``json`` and ``github`` print each problem as it is added;
    ``sarif`` prints the whole log on :meth:`close`, problems or not.
    """

    def __init__(self, fmt: str, stream: TextIO, *, tool: str = "newsitem") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        self._fmt = fmt
        self._stream = stream
        self._tool = tool
        self._results: list[dict[str, Any]] = []
        self._rules: dict[str, None] = {}  # codes in order of first use
        self._closed = False
        self.count = 0
        """How many problems were added."""
        self.errors = 0
        """How many of them are errors (not warnings)."""

    def add(self, problem: Problem) -> None:
        self.count += 1
        self.errors += problem.severity == "error"
        if self._fmt == "text":
            self._print(problem.text())
        elif self._fmt == "json":
            self._print(json.dumps(_as_json(problem), ensure_ascii=False))
        elif self._fmt == "github":
            self._print(_annotation(problem))
        else:
            self._rules.setdefault(problem.code)
            self._results.append(_sarif_result(problem))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._fmt == "sarif":
            log = _sarif_log(self._tool, list(self._rules), self._results)
            self._print(json.dumps(log, indent=2, ensure_ascii=False))
        self._stream.flush()

    def _print(self, line: str) -> None:
        self._stream.write(line + "\n")

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _as_json(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "field": problem.field,
        "message": problem.message,
        "severity": problem.severity,
    }


def _annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: ``::error file=...,line=...,col=...::message``."""
    properties = [f"file={_escape_property(problem.path)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={_escape_property(problem.code)}")
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # The escapes of @actions/core's command.ts.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _sarif_result(problem: Problem) -> dict[str, Any]:
    region: dict[str, int] = {}
    if problem.line is not None:
        region["startLine"] = problem.line
        if problem.column is not None:
            region["startColumn"] = problem.column
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(problem.path)}}
    if region:
        physical["region"] = region
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    result: dict[str, Any] = {
        "ruleId": problem.code,
        "level": problem.severity,
        "message": {"text": message},
        "locations": [{"physicalLocation": physical}],
    }
    if problem.field:
        result["properties"] = {"field": problem.field}
    return result


def _uri(path: str) -> str:
    """A relative URI reference for a path: forward slashes, reserved characters escaped."""
    return quote(path.replace("\\", "/"), safe="/")


def _sarif_log(tool: str, rules: list[str], results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": tool,
                        "version": _version(),
                        "rules": [{"id": code} for code in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _version() -> str:
    try:
        return metadata.version("newsitem")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"
