"""An unchanged document dumps as read; any change, even in place and type for type, is written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsitem import EditError, frontmatter

TEXT = """\
---
title: Harbour lights  # the old title
count: 1
ratio: 0.5
published: 2024-05-01T10:00:00Z
tags: [boats, night]
related:
  - title: Ferry times
    pages: 2
---
Body.
"""


def test_an_untouched_document_is_its_text() -> None:
    doc = frontmatter.loads(TEXT)
    assert doc.data["related"] == [{"title": "Ferry times", "pages": 2}]  # reading changes nothing
    assert frontmatter.dumps(doc) == TEXT


@pytest.mark.parametrize(
    ("edit", "line"),
    [
        (lambda d: d["related"][0].__setitem__("pages", 3), "    pages: 3\n"),
        (lambda d: d["tags"].append("wind"), "tags: [boats, night, wind]\n"),
        (lambda d: d.__setitem__("count", 1.0), "count: 1.0\n"),
        (lambda d: d.__setitem__("count", True), "count: true\n"),
        (lambda d: d.__setitem__("count", "1"), 'count: "1"\n'),
        (
            lambda d: d.__setitem__(
                "published", d["published"].astimezone(dt.timezone(dt.timedelta(hours=2)))
            ),
            "published: 2024-05-01T12:00:00+02:00\n",
        ),
    ],
    ids=["nested", "append", "int-to-float", "int-to-bool", "int-to-str", "offset"],
)
def test_a_change_in_place_is_written(edit: Any, line: str) -> None:
    doc = frontmatter.loads(TEXT)
    edit(doc.data)
    assert line in frontmatter.dumps(doc)


def test_a_change_undone_gives_the_text_back() -> None:
    doc = frontmatter.loads(TEXT)
    doc.data["related"][0]["pages"] = 3
    assert frontmatter.dumps(doc) != TEXT
    doc.data["related"][0]["pages"] = 2
    assert frontmatter.dumps(doc) == TEXT


def test_a_value_pickle_cannot_write_is_refused_as_yaml_would() -> None:
    doc = frontmatter.loads(TEXT)
    doc.data["count"] = lambda: 1
    with pytest.raises(EditError, match="function"):
        frontmatter.dumps(doc)


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("2024-05-01", dt.date(2024, 5, 1)),
        ("2024-05-01 10:00:00", dt.datetime(2024, 5, 1, 10, tzinfo=dt.timezone.utc)),
        ("2024-13-01", "2024-13-01"),  # the shape of a date, not a date
        ("2024-5", "2024-5"),
        ("1234-", "1234-"),
        ("123e-5", 0.00123),  # a "-" at the fifth character of a number
        ("12345", 12345),
        ("-2024-05-01", "-2024-05-01"),
    ],
)
def test_plain_scalars_that_look_like_dates(plain: str, value: object) -> None:
    """Values, keys and list entries read alike: the YAML 1.2 core schema with timestamps."""
    doc = frontmatter.loads(f"---\nv: {plain}\n{plain}: k\nl:\n  - {plain}\n---\n")
    assert doc.data == {"v": value, value: "k", "l": [value]}
    assert type(doc.data["v"]) is type(value)


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("~", None),
        ("Null", None),
        ("nULL", "nULL"),
        ("TRUE", True),
        ("tRue", "tRue"),
        ("False", False),
        ("fal", "fal"),
        ("~x", "~x"),
        ("news", "news"),
    ],
)
def test_plain_words_of_the_core_schema(plain: str, value: object) -> None:
    doc = frontmatter.loads(f"---\nv: {plain}\nl:\n  - {plain}\n---\n")
    assert doc.data == {"v": value, "l": [value]}
    assert type(doc.data["v"]) is type(value)
