"""A changed scalar is written in the spelling of the one it replaces, or in YAML's core spelling.

Expected texts follow the rules in docs/editing.md and docs/format.md: a
timestamp keeps the shape of the original (separator, fraction width, offset
form; ``Z`` for UTC as in the reference style), a boolean its case, an int
its base; a new float is written the way YAML 1.2's core schema reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import newsitem
from newsitem import errors, frontmatter, models

UTC = dt.timezone.utc


def _tz(hours: int, minutes: int = 0) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours, minutes=minutes))


def _edited(yaml: str, edit: Callable[[dict[str, Any]], None]) -> str:
    """The front-matter lines after ``edit`` of ``---\\n<yaml>\\n---\\n``."""
    doc = frontmatter.loads(f"---\n{yaml}\n---\n")
    edit(doc.data)
    return frontmatter.dumps(doc).removeprefix("---\n").removesuffix("---\n")


def _set(value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.__setitem__("a", value)


NEW = dt.datetime(2024, 3, 12, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("original", "value", "written"),
    [
        ("2024-03-11T09:15:00Z", NEW, "2024-03-12T10:30:00Z"),
        ("2024-03-11t09:15:00z", NEW, "2024-03-12T10:30:00Z"),
        ("2024-03-11 09:15:00", NEW, "2024-03-12 10:30:00"),
        ("2024-03-11 09:15:00", NEW.replace(tzinfo=_tz(2)), "2024-03-12 10:30:00+02:00"),
        ("2024-03-11T09:15:00Z", NEW.replace(tzinfo=_tz(1)), "2024-03-12T10:30:00+01:00"),
        ("2024-03-11T09:15:00+05", NEW.replace(tzinfo=_tz(5)), "2024-03-12T10:30:00+05"),
        ("2024-03-11T09:15:00+05", NEW.replace(tzinfo=_tz(5, 30)), "2024-03-12T10:30:00+05:30"),
        ("2024-03-11T09:15:00-7", NEW.replace(tzinfo=_tz(-7)), "2024-03-12T10:30:00-7"),
        ("2024-03-11T09:15:00-07:00", NEW.replace(tzinfo=_tz(-7)), "2024-03-12T10:30:00-07:00"),
        (
            "2024-03-11T09:15:00-07:00",
            NEW.replace(tzinfo=_tz(-3, -30)),
            "2024-03-12T10:30:00-03:30",
        ),
        (
            "2024-03-11T09:15:00.0000000Z",
            NEW.replace(microsecond=123456),
            "2024-03-12T10:30:00.1234560Z",
        ),
        ("2024-03-11T09:15:00.5Z", NEW.replace(microsecond=250000), "2024-03-12T10:30:00.25Z"),
        ("2024-03-11T09:15:00.5Z", NEW, "2024-03-12T10:30:00.0Z"),
        ("2024-03-11T09:15:00.123456Z", NEW.replace(microsecond=5), "2024-03-12T10:30:00.000005Z"),
        ("2024-03-11T09:15:00Z", NEW.replace(microsecond=500000), "2024-03-12T10:30:00.5Z"),
    ],
)
def test_a_changed_timestamp_keeps_the_shape_of_the_original(
    original: str, value: dt.datetime, written: str
) -> None:
    """Separator, fraction width (widened only to keep precision) and offset form are kept."""
    assert _edited(f"a: {original}\nb: 1", _set(value)) == f"a: {written}\nb: 1\n"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("2024-01-01T00:00:00+05:30", dt.timedelta(hours=5, minutes=30)),
        ("2024-01-01T00:00:00-05:30", -dt.timedelta(hours=5, minutes=30)),
        ("2024-01-01T00:00:00+23:59", dt.timedelta(hours=23, minutes=59)),
    ],
)
@pytest.mark.parametrize("anchor", ["", "&t "])  # an anchor takes the full parser
def test_timestamp_offsets_are_read_in_full(text: str, offset: dt.timedelta, anchor: str) -> None:
    """Hours and minutes of an offset both count, with the offset's sign."""
    value = frontmatter.loads(f"---\na: {anchor}{text}\n---\n").data["a"]
    assert isinstance(value, dt.datetime)
    assert value.utcoffset() == offset


@pytest.mark.parametrize("anchor", ["", "&t "])
def test_an_offset_of_a_day_or_more_is_no_timestamp(anchor: str) -> None:
    """``+24:00`` is not a valid offset, so the scalar is a string."""
    assert frontmatter.loads(f"---\na: {anchor}2024-01-01T00:00:00+24:00\n---\n").data["a"] == (
        "2024-01-01T00:00:00+24:00"
    )


def test_a_naive_datetime_cannot_be_written() -> None:
    """A datetime without a zone would read back as UTC, so it is an EditError, not a guess."""
    doc = frontmatter.loads("---\na: 2024-03-11T09:15:00Z\n---\n")
    doc.data["a"] = dt.datetime(2024, 3, 12, 10, 30)
    with pytest.raises(errors.EditError):
        frontmatter.dumps(doc)


@pytest.mark.parametrize(
    ("original", "written"), [("TRUE", "FALSE"), ("True", "False"), ("true", "false")]
)
def test_a_changed_boolean_keeps_its_case(original: str, written: str) -> None:
    """``TRUE`` becomes ``FALSE``, ``True`` ``False``, ``true`` ``false``."""
    assert _edited(f"a: {original}", _set(False)) == f"a: {written}\n"


def test_a_boolean_replacing_another_type_is_lower_case() -> None:
    """A boolean where there was none is written ``true``/``false``."""
    assert _edited("a: TRUE_ISH", _set(True)) == "a: true\n"
    assert _edited("a: 1", _set(False)) == "a: false\n"


def test_null_replacing_a_value_is_written_null() -> None:
    """A value set to None is written ``null``."""
    assert _edited("a: 5", _set(None)) == "a: null\n"
    assert _edited("a: ~", _set(5)) == "a: 5\n"


@pytest.mark.parametrize("null", ["~", "null", "Null", "NULL"])
@pytest.mark.parametrize(("value", "written"), [(5, "5"), (True, "true"), (1.5, "1.5")])
def test_a_value_replacing_a_nested_null_is_written_in_its_own_spelling(
    null: str, value: Any, written: str
) -> None:
    """A nested null set to a value: the value's core spelling, in place, its comment kept."""
    doc = frontmatter.loads(f"---\nx:\n  a: {null}  # c\n  b: 1\n---\n")
    doc.data["x"]["a"] = value
    assert frontmatter.dumps(doc) == f"---\nx:\n  a: {written}  # c\n  b: 1\n---\n"


def test_nulls_and_booleans_in_a_rewritten_flow_list_keep_their_spelling() -> None:
    """Appending to ``[~, Null, True, x]`` rewrites the list with ``~``, ``Null``, ``True`` kept."""
    assert _edited("a: [~, Null, True, x]", lambda d: d["a"].append("y")) == (
        "a: [~, Null, True, x, y]\n"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (float("inf"), ".inf"),
        (float("-inf"), "-.inf"),
        (float("nan"), ".nan"),
        (1.0, "1.0"),
        (-3.0, "-3.0"),
        (1e20, "1e+20"),
        (-2.5e-8, "-2.5e-08"),
        (0.5, "0.5"),
    ],
)
def test_a_new_float_is_written_as_a_core_schema_float(value: float, written: str) -> None:
    """Floats are written so YAML reads a float back: ``.inf``, ``.nan``, ``1.0`` not ``1``."""
    out = _edited("a: x", _set(value))
    assert out == f"a: {written}\n"
    again = frontmatter.loads(f"---\n{out}---\n").data["a"]
    assert type(again) is float


@pytest.mark.parametrize(
    ("original", "value", "written"),
    [
        ("0x1F", 255, "0xFF"),
        ("0x1f", 255, "0xff"),
        ("0o17", 8, "0o10"),
        ("0x1F", -1, "-1"),
        ("0x1F", 0, "0x0"),
        ("0xA1", 255, "0xFF"),
        ("17", 8, "8"),
    ],
)
def test_a_changed_int_keeps_its_base(original: str, value: int, written: str) -> None:
    """Hex stays hex (in its case), octal octal; a negative value is decimal."""
    assert _edited(f"a: {original}", _set(value)) == f"a: {written}\n"


def test_mapping_keys_are_hashable_and_compare_by_content() -> None:
    """A mapping key reads as a read-only mapping; two equal ones are one duplicate key."""
    data = frontmatter.loads("---\n? {b: 1, c: 2}\n: x\n---\n").data
    (key,) = data
    assert dict(key) == {"b": 1, "c": 2}
    assert list(key) == ["b", "c"]
    assert hash(key) == hash(key)
    assert data[key] == "x"
    with pytest.raises(errors.DuplicateKeyError):
        frontmatter.loads("---\n? {b: 1}\n: x\n? {b: 1}\n: y\n---\n")


def test_quoted_keys_are_found_in_subclasses_and_nested_models() -> None:
    """Fields written quoted: titles, excerpts, URLs, ``secured``, and a subclass's own."""

    class Mine(newsitem.Article):
        note: models.Text | None = None
        links: list[models.Image] | None = None

    assert models.quoted_keys(Mine) == {
        "title",
        "excerpt",
        "originalUrl",
        "webUrl",
        "ampWebUrl",
        "cdnAmpWebUrl",
        "secured",
        "url",
        "note",
    }
    assert repr(models.QUOTED) == "WrittenQuoted()"


def test_a_new_quoted_field_is_written_in_double_quotes() -> None:
    """A string set on a subclass's ``Text`` field is written double-quoted, like a title."""

    class Quoting(newsitem.Article):
        remark: models.Text | None = None

    item = newsitem.loads("---\ntitle: T\nwebUrl: https://example.com/a\n---\n", model=Quoting)
    item.article.remark = "plain words"
    assert '\nremark: "plain words"\n' in newsitem.dumps(item)


@pytest.mark.parametrize("text", ["2024-01-01 10:00:00", "2024-01-01T10:00:00"])
def test_a_plain_timestamp_without_zone_is_invalid(text: str) -> None:
    """format.md: a timestamp field without a zone is ``invalid-value``, quoted or not."""
    with pytest.raises(errors.ValidationError) as info:
        newsitem.loads(f"---\ntitle: T\nwebUrl: https://e.com/a\npublishedDateTime: {text}\n---\n")
    (issue,) = info.value.issues
    assert (issue.field, issue.code, issue.line) == ("publishedDateTime", "invalid-value", 4)


def test_a_quoted_timestamp_without_zone_is_invalid() -> None:
    """A quoted date-time without a zone is ``invalid-value``, with what was expected."""
    with pytest.raises(errors.ValidationError) as info:
        newsitem.loads(
            "---\ntitle: T\nwebUrl: https://e.com/a\n"
            'publishedDateTime: "2024-01-01T00:00:00"\n---\n'
        )
    (issue,) = info.value.issues
    assert (issue.field, issue.code) == ("publishedDateTime", "invalid-value")
    assert issue.message == (
        "expected an ISO 8601 date-time with a time zone, such as 2021-09-27T18:46:00Z, "
        "got a string '2024-01-01T00:00:00'"
    )


def test_a_relative_url_message_says_what_was_expected() -> None:
    """The URL issue reads as docs/cli.md shows it."""
    with pytest.raises(errors.ValidationError) as info:
        newsitem.loads("---\ntitle: T\nwebUrl: /news/a\n---\n")
    (issue,) = info.value.issues
    assert (
        issue.message
        == "expected an absolute http or https URL with a host, got a string '/news/a'"
    )
