"""Shared helpers for the front-matter tests: fixture discovery, strict data comparison,
and reading a YAML text on both of the reader's routes.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "frontmatter"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"

UTC = dt.timezone.utc


def examples(count: int) -> int:
    """A property test's example count: ``count``, or more if the profile asks for more.

    Under the ``mutation`` profile (tests/conftest.py) the profile's own, smaller
    count: each mutant runs the properties again.
    """
    from hypothesis import settings

    if os.environ.get("NEWSITEM_HYPOTHESIS_PROFILE") == "mutation":
        return settings.default.max_examples
    return max(count, settings.default.max_examples)


def tz(hours: int, minutes: int = 0) -> dt.timezone:
    """A fixed UTC offset, for writing expected datetimes."""
    sign = -1 if hours < 0 else 1
    return dt.timezone(sign * dt.timedelta(hours=abs(hours), minutes=minutes))


def fixture_files(folder: Path) -> list[Path]:
    """The ``*.md`` fixture files of ``folder``, sorted by name."""
    return sorted(folder.glob("*.md"))


def expected_for(path: Path) -> dict[str, Any]:
    """The decoded sidecar ``NAME.expected.json`` of fixture ``NAME.md``."""
    raw = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    return {key: decode_expected(value) for key, value in raw.items()}


def decode_expected(value: Any) -> Any:
    """Turn the JSON encoding of the fixtures into Python values.

    ``{"$datetime": iso}`` is an aware datetime, ``{"$date": iso}`` a date and
    ``{"$float": text}`` a float (``nan``, ``inf`` and friends included).
    """
    if isinstance(value, dict):
        if len(value) == 1:
            ((key, inner),) = value.items()
            if key == "$datetime":
                parsed = dt.datetime.fromisoformat(inner)
                assert parsed.tzinfo is not None, inner
                return parsed
            if key == "$date":
                return dt.date.fromisoformat(inner)
            if key == "$float":
                return float(inner)
        return {key: decode_expected(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [decode_expected(item) for item in value]
    return value


def _kind(value: Any) -> str:
    """The plain kind of a value, telling apart what ``==`` confuses (bool, int, float, dates)."""
    for kind in (bool, int, float, str, dt.datetime, dt.date, dict, list, type(None)):
        if isinstance(value, kind):
            return kind.__name__
    return type(value).__name__


def data_differences(actual: Any, expected: Any, where: str = "$") -> list[str]:
    """Every place where ``actual`` differs from ``expected``, comparing kinds strictly.

    ``True`` is not ``1``, ``1000.0`` is not ``1000``, a date is not a datetime,
    NaN equals NaN, and datetimes compare as instants.
    """
    if _kind(actual) != _kind(expected):
        return [f"{where}: {actual!r} ({_kind(actual)}) != {expected!r} ({_kind(expected)})"]
    if isinstance(expected, dict):
        problems = []
        if list(actual) != list(expected):
            problems.append(f"{where}: keys {list(actual)!r} != {list(expected)!r}")
        for key in expected:
            if key in actual:
                problems += data_differences(actual[key], expected[key], f"{where}.{key}")
        return problems
    if isinstance(expected, list):
        if len(actual) != len(expected):
            return [f"{where}: {len(actual)} items != {len(expected)}: {actual!r}"]
        problems = []
        for index, (left, right) in enumerate(zip(actual, expected, strict=True)):
            problems += data_differences(left, right, f"{where}[{index}]")
        return problems
    if isinstance(expected, float) and math.isnan(expected):
        return [] if math.isnan(actual) else [f"{where}: {actual!r} != nan"]
    if isinstance(expected, dt.datetime) and actual.tzinfo is None:
        return [f"{where}: naive datetime {actual!r}"]
    if actual != expected:
        return [f"{where}: {actual!r} != {expected!r}"]
    return []


def assert_same_data(actual: Any, expected: Any) -> None:
    """Fail with every difference listed when ``actual`` is not ``expected``."""
    problems = data_differences(actual, expected)
    assert not problems, "\n".join(problems)


PLAIN_TYPES = (dict, list, str, int, float, bool, type(None), dt.datetime, dt.date)


def non_plain_values(value: Any, where: str = "$") -> list[str]:
    """Places holding a value whose type is not exactly one of the plain built-in types."""
    if type(value) not in PLAIN_TYPES:
        return [f"{where}: {type(value).__module__}.{type(value).__qualname__}"]
    found = []
    if type(value) is dict:
        for key, inner in value.items():
            if type(key) not in PLAIN_TYPES or type(key) in (dict, list):
                found.append(f"{where}: key {key!r} of type {type(key).__qualname__}")
            found += non_plain_values(inner, f"{where}.{key}")
    elif type(value) is list:
        for index, inner in enumerate(value):
            found += non_plain_values(inner, f"{where}[{index}]")
    elif type(value) is dt.datetime and value.tzinfo is None:
        found.append(f"{where}: naive datetime")
    return found


# The YAML timestamp forms, as the YAML 1.1 timestamp type defines them.
_TIMESTAMP = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]*))?"
    r"(?:[ \t]*(?P<tz>Z|(?P<sign>[-+])(?P<tzhour>[0-9]{1,2})(?::(?P<tzminute>[0-9]{2}))?))?)?"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def yaml_timestamp(text: str) -> dt.datetime | dt.date | None:
    """The value of a YAML timestamp per the contract, or None when ``text`` is not one."""
    if _DATE.fullmatch(text):
        return dt.date.fromisoformat(text)
    match = _TIMESTAMP.fullmatch(text)
    if match is None or match["hour"] is None:
        return None
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    offset = dt.timedelta(0)
    if match["sign"]:
        offset = dt.timedelta(hours=int(match["tzhour"]), minutes=int(match["tzminute"] or 0))
        if match["sign"] == "-":
            offset = -offset
    return dt.datetime(
        int(match["year"]),
        int(match["month"]),
        int(match["day"]),
        int(match["hour"]),
        int(match["minute"]),
        int(match["second"]),
        int(fraction),
        tzinfo=dt.timezone(offset),
    )


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` with their line breaks (``\\n``, ``\\r\\n`` or ``\\r``)."""
    return _LINE.findall(text)


def _is_fence(line: str) -> bool:
    return line.rstrip("\r\n").rstrip(" \t") == "---"


def split_front_matter(text: str) -> tuple[str, str, str] | None:
    """``(opening_line, yaml, rest)`` by the fence rules, or None without front matter.

    Independent of the library: the opening line is ``---`` right after an
    optional BOM, the closing one the next line that is ``---``; trailing
    blanks are allowed on both.
    """
    lines = lines_of(text)
    if not lines or not _is_fence(lines[0].removeprefix("\ufeff")):
        return None
    if lines[0] == lines[0].rstrip("\r\n"):
        return None
    for index in range(1, len(lines)):
        if _is_fence(lines[index]):
            return lines[0], "".join(lines[1:index]), "".join(lines[index:])
    return None


def read_alike(yaml: str) -> dict[Any, Any]:
    """The values of ``yaml``, the same on the full route and the values-only one."""
    from newsitem import _yaml

    data = _yaml.compose(yaml).data
    assert _yaml.values(yaml) == data
    return data


def refused_alike(
    yaml: str, kind: type[Exception] | None = None
) -> tuple[str, int | None, int | None]:
    """The message, line and column of the error ``yaml`` raises, the same on both routes
    (a :class:`~newsitem.YAMLSyntaxError` unless ``kind`` says otherwise).
    """
    import pytest

    from newsitem import YAMLSyntaxError, _yaml

    expected = YAMLSyntaxError if kind is None else kind
    with pytest.raises(expected) as composed:
        _yaml.compose(yaml)
    with pytest.raises(expected) as alone:
        _yaml.values(yaml)
    error: Any = composed.value
    other: Any = alone.value
    found = (error.message, error.line, error.column)
    assert (other.message, other.line, other.column) == found
    return found


def node_spans(yaml: str) -> list[str]:
    """The text of every node of the source tree, depth first, keys before their values."""
    return [text for _, _, text in node_places(yaml)]


def node_places(yaml: str) -> list[tuple[int, int, str]]:
    """Each node of the source tree, depth first, keys before their values:
    the 1-based line and column where it starts, and its text."""
    from newsitem import _yaml
    from newsitem._nodes import MappingNode, Node, SequenceNode

    found: list[tuple[int, int, str]] = []

    def walk(node: Node) -> None:
        assert 0 <= node.start <= node.end <= len(yaml)  # offsets into the text
        line = yaml.count("\n", 0, node.start) + 1
        column = node.start - (yaml.rfind("\n", 0, node.start) + 1) + 1
        found.append((line, column, yaml[node.start : node.end]))
        if isinstance(node, MappingNode):
            for key, value in zip(node.keys, node.values, strict=True):
                walk(key)
                walk(value)
        elif isinstance(node, SequenceNode):
            for item in node.items:
                walk(item)

    walk(_yaml.compose(yaml).root)
    return found
