"""Every hand-written valid fixture comes back byte for byte, with the values written beside it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from _support import (
    VALID,
    assert_same_data,
    expected_for,
    fixture_files,
    non_plain_values,
    tz,
)

from newsitem import frontmatter

FILES = fixture_files(VALID)


def test_there_are_enough_fixtures() -> None:
    """The valid fixture folder holds the forty-odd hand-written variations."""
    assert len(FILES) >= 40


@pytest.fixture(params=FILES, ids=[path.stem for path in FILES])
def fixture(request: pytest.FixtureRequest) -> Path:
    """One valid fixture file."""
    return request.param


def test_loads_dumps_is_byte_identical(fixture: Path) -> None:
    """An unchanged document dumps to exactly the text it was loaded from."""
    raw = fixture.read_bytes()
    text = raw.decode("utf-8")
    assert frontmatter.dumps(frontmatter.loads(text)).encode("utf-8") == raw


def test_load_dump_through_paths_is_byte_identical(fixture: Path, tmp_path: Path) -> None:
    """Loading from a path and dumping to a path gives back the same bytes."""
    doc = frontmatter.load(fixture)
    target = tmp_path / "out.md"
    frontmatter.dump(doc, target)
    assert target.read_bytes() == fixture.read_bytes()


def test_load_dump_through_str_paths_is_byte_identical(fixture: Path, tmp_path: Path) -> None:
    """Paths given as plain strings work like PathLike ones."""
    doc = frontmatter.load(str(fixture))
    target = tmp_path / "out.md"
    frontmatter.dump(doc, str(target))
    assert target.read_bytes() == fixture.read_bytes()


def test_load_dump_through_binary_files_is_byte_identical(fixture: Path) -> None:
    """Binary file objects are read and written as UTF-8 bytes, unchanged."""
    raw = fixture.read_bytes()
    doc = frontmatter.load(io.BytesIO(raw))
    out = io.BytesIO()
    frontmatter.dump(doc, out)
    assert out.getvalue() == raw


def test_data_matches_expected(fixture: Path) -> None:
    """The front matter's values are those the YAML rules give, written by hand in the sidecar."""
    doc = frontmatter.loads(fixture.read_bytes().decode("utf-8"))
    assert_same_data(doc.data, expected_for(fixture)["data"])


def test_body_matches_expected(fixture: Path) -> None:
    """The body is the text after the closing fence line, as written by hand in the sidecar."""
    doc = frontmatter.loads(fixture.read_bytes().decode("utf-8"))
    assert doc.body == expected_for(fixture)["body"]


def test_body_is_the_end_of_the_text(fixture: Path) -> None:
    """The body is a suffix of the file text: nothing of it is normalised."""
    text = fixture.read_bytes().decode("utf-8")
    doc = frontmatter.loads(text)
    assert text.endswith(doc.body)


def test_loaded_from_file_equals_loaded_from_text(fixture: Path) -> None:
    """``load`` on the bytes and ``loads`` on the decoded text agree on data and body."""
    from_text = frontmatter.loads(fixture.read_bytes().decode("utf-8"))
    from_file = frontmatter.load(fixture)
    assert_same_data(from_file.data, from_text.data)
    assert from_file.body == from_text.body


def test_data_holds_only_plain_types(fixture: Path) -> None:
    """``doc.data`` is a plain dict of plain built-in values, not parser node types."""
    doc = frontmatter.loads(fixture.read_bytes().decode("utf-8"))
    assert type(doc.data) is dict
    assert non_plain_values(doc.data) == []


def test_dumps_twice_gives_the_same_text(fixture: Path) -> None:
    """Dumping has no side effect on the document: a second dump is identical."""
    doc = frontmatter.loads(fixture.read_bytes().decode("utf-8"))
    assert frontmatter.dumps(doc) == frontmatter.dumps(doc)


def test_timestamp_values_keep_their_offset() -> None:
    """A timestamp's value carries the offset written in the file, not only the instant."""
    doc = frontmatter.load(VALID / "timestamps.md")
    data = doc.data
    assert data["utc_z"].utcoffset() == dt.timedelta(0)
    assert data["minus_seven"].utcoffset() == tz(-7).utcoffset(None)
    assert data["space_separated"].utcoffset() == tz(-7).utcoffset(None)
    assert data["hour_only_offset"].utcoffset() == tz(-5).utcoffset(None)
    assert data["in_flow"][1].utcoffset() == tz(1).utcoffset(None)
    assert data["no_offset"].utcoffset() == dt.timedelta(0)


def test_fractions_beyond_microseconds_are_truncated() -> None:
    """Seven fractional digits give the first six as microseconds (truncated, not rounded)."""
    doc = frontmatter.loads("---\nt: 2021-09-27T18:46:00.9999999Z\n---\n")
    assert doc.data["t"] == dt.datetime(2021, 9, 27, 18, 46, 0, 999999, tzinfo=dt.timezone.utc)


def test_loads_keeps_a_bom_given_as_text() -> None:
    """A BOM character at the start of the str given to ``loads`` is written back by ``dumps``."""
    text = "\ufeff---\na: 1\n---\n"
    doc = frontmatter.loads(text)
    assert doc.data == {"a": 1}
    assert doc.body == ""
    assert frontmatter.dumps(doc) == text


def test_crlf_body_keeps_its_line_endings() -> None:
    """In a CRLF file the body keeps its CRLF, and block scalar values use plain newlines."""
    doc = frontmatter.load(VALID / "crlf.md")
    assert doc.body == "Body line one.\r\n\r\nBody line three.\r\n"
    assert doc.data["notes"] == "first line\nsecond line\n"


def test_non_string_keys_resolve_like_values() -> None:
    """Plain keys follow the same YAML rules as values: ints, floats, nulls and dates."""
    text = "---\n1: a\n2.5: b\n~: c\n2021-01-01: d\n'1': e\n---\n"
    doc = frontmatter.loads(text)
    assert list(doc.data.items()) == [
        (1, "a"),
        (2.5, "b"),
        (None, "c"),
        (dt.date(2021, 1, 1), "d"),
        ("1", "e"),
    ]
    assert frontmatter.dumps(doc) == text
