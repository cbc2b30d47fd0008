"""Scalar values: the YAML 1.2 core schema plus timestamps, both ways.

``resolve`` turns the text of a plain scalar into its Python value;
``format_*`` write a value back as text. They are each other's inverse, and
the writers are checked against the reader where it matters.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Scalar = str | int | float | bool | None | dt.datetime | dt.date


class FrozenMapping(Mapping[Any, Any]):
    """A read-only, hashable mapping: the value of a mapping used as a key.

    YAML allows ``{a: 1}: value``; a Python ``dict`` cannot be a key, so such a
    key is read as a ``FrozenMapping`` (and a list used as a key as a tuple).
    """

    __slots__ = ("_hash", "_items")

    def __init__(self, items: Mapping[Any, Any]) -> None:
        self._items = dict(items)
        self._hash: int | None = None

    def __getitem__(self, key: Any) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __reduce__(self) -> tuple[Any, ...]:
        # The cached hash is not pickled: another process has another hash seed.
        return (FrozenMapping, (self._items,))

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._items.items()))
        return self._hash

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"


_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT_DEC = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")
_DATE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})\Z")
_TIMESTAMP = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?P<sep>[Tt]|[ \t]+)(?P<H>[0-9]{1,2}):(?P<M>[0-9]{2}):(?P<S>[0-9]{2})"
    r"(?:\.(?P<frac>[0-9]*))?"
    r"(?P<space>[ \t]*)(?P<tz>Z|(?P<sign>[-+])(?P<tzh>[0-9]{1,2})(?::(?P<tzm>[0-9]{2}))?)?\Z"
)
# Characters that can start a plain scalar's value as something else.
_FIRST_CHARS_NUMERIC = frozenset("0123456789+-.~nNtTfF")
_WORD_FIRST = frozenset("~nNtTfF")
_WORDS: dict[str, Scalar] = {
    **dict.fromkeys(_NULL - {""}),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
NOT_ONLY_STR = _FIRST_CHARS_NUMERIC
"""First characters of a plain scalar that may be other than a string: the rest are strings."""


def resolve(text: str) -> Scalar:
    """The value of a plain (unquoted, untagged) scalar written as ``text``."""
    if not text or text[0] not in _FIRST_CHARS_NUMERIC:
        return None if text == "" else text
    if text[0] in _WORD_FIRST:  # no number starts with a letter or "~"
        return _WORDS.get(text, text)
    if len(text) > 4 and text[4] == "-" and text[:4].isdigit():
        # "dddd-": no number has this shape, only a date or timestamp may.
        return parse_timestamp(text) or text
    if _INT_DEC.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text  # every date and timestamp starts "dddd-": read above


def parse_timestamp(text: str) -> dt.datetime | dt.date | None:
    """A YAML timestamp's value; ``None`` when ``text`` is not one.

    A time without an offset is UTC (YAML's rule), so every datetime is aware.
    Fractions beyond microseconds are cut off; the text keeps them.
    """
    m = _DATE.match(text)
    if m is not None:
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    m = _TIMESTAMP.match(text)
    if m is None:
        return None
    frac = (m["frac"] or "")[:6].ljust(6, "0")
    tz = dt.timezone.utc
    if m["sign"]:
        minutes = int(m["tzh"]) * 60 + int(m["tzm"] or 0)
        if minutes >= 24 * 60:
            return None
        tz = dt.timezone(dt.timedelta(minutes=-minutes if m["sign"] == "-" else minutes))
    try:
        return dt.datetime(
            int(m["y"]),
            int(m["m"]),
            int(m["d"]),
            int(m["H"]),
            int(m["M"]),
            int(m["S"]),
            int(frac),
            tzinfo=tz,
        )
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class TimestampStyle:
    """How a timestamp was written, so that a new value can be written alike."""

    separator: str = "T"
    fraction_digits: int = 0
    space_before_offset: str = ""
    offset: str = "Z"
    """``Z``, ``z``, ``+HH:MM`` (as a shape: ``":"`` kept or not), or ``""`` for none."""

    @classmethod
    def of(cls, text: str) -> TimestampStyle | None:
        """The style of the timestamp ``text``, or ``None`` for a date alone."""
        m = _TIMESTAMP.match(text)
        if m is None:
            return None
        return cls(
            separator=m["sep"],
            fraction_digits=len(m["frac"]) if m["frac"] is not None else -1,
            space_before_offset=m["space"],
            offset=m["tz"] or "",
        )


REFERENCE_TIMESTAMP = TimestampStyle()


def format_timestamp(value: dt.datetime, style: TimestampStyle = REFERENCE_TIMESTAMP) -> str:
    """Write an aware datetime in ``style`` (separator, fraction width, offset form)."""
    offset = value.utcoffset()
    if offset is None:
        value = value.replace(tzinfo=dt.timezone.utc)
        offset = dt.timedelta(0)
    # Not strftime: its %Y does not pad years before 1000 on every platform.
    text = (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}{style.separator}"
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )
    text += _format_fraction(value.microsecond, style.fraction_digits)
    if style.offset == "" and offset == dt.timedelta(0):
        return text  # written without an offset, which means UTC
    if style.offset in ("Z", "z") and offset == dt.timedelta(0):
        return text + style.space_before_offset + style.offset
    return text + style.space_before_offset + _format_offset(offset, style.offset)


def _format_fraction(microsecond: int, digits: int) -> str:
    if digits < 0:  # the original had no fraction (not even a bare dot)
        digits = 0
    six = f"{microsecond:06d}"
    if digits >= 6:
        return "." + six + "0" * (digits - 6)
    kept, lost = six[:digits], six[digits:]
    if lost.strip("0"):  # keep precision rather than the width
        return "." + six.rstrip("0")
    return "." + kept if digits else ""


def _format_offset(offset: dt.timedelta, shape: str) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    if shape[:1] in ("+", "-") and ":" not in shape and mins == 0:
        return f"{sign}{hours:0{len(shape) - 1}d}"  # "+5" or "+05": hours alone
    return f"{sign}{hours:02d}:{mins:02d}"


def format_plain(value: Scalar) -> str | None:
    """Plain text for a non-string value (``None`` for strings: they need checks)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)  # a finite float's repr always holds "." or "e": 1.0, 1e+16
    if isinstance(value, dt.datetime):
        return format_timestamp(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def format_like(value: Scalar, original: str, original_value: Scalar) -> str | None:
    """Write a non-string ``value`` the way ``original`` was written, when that is known."""
    if isinstance(value, bool) and isinstance(original_value, bool):
        spelled = "true" if value else "false"
        if original.isupper():
            return spelled.upper()
        if original[:1].isupper():
            return spelled.capitalize()
        return spelled
    if value is None and original_value is None and original in _NULL:
        return original if original else None
    if isinstance(value, dt.datetime):
        style = TimestampStyle.of(original)
        if style is not None:
            return format_timestamp(value, style)
    if type(value) is int and type(original_value) is int and value >= 0:
        if _INT_HEX.match(original):
            return f"0x{value:X}" if original[2:].isupper() else f"0x{value:x}"
        if _INT_OCT.match(original):
            return f"0o{value:o}"
    return format_plain(value)
