"""Invalid inputs raise the typed error with its code and its position in the file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from _support import INVALID, fixture_files

from newsitem import errors, frontmatter

FILES = fixture_files(INVALID)


def _expected(path: Path) -> dict[str, object]:
    """The sidecar of an invalid fixture: error class name, code, line, column."""
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


@pytest.fixture(params=FILES, ids=[path.stem for path in FILES])
def invalid(request: pytest.FixtureRequest) -> Path:
    """One invalid fixture file."""
    return request.param


def test_there_are_invalid_fixtures() -> None:
    """The invalid fixture folder covers fences, structure, syntax, duplicates and tags."""
    assert len(FILES) >= 30


def test_loads_raises_the_expected_error(invalid: Path) -> None:
    """``loads`` raises the expected class with the expected code, line and column."""
    expected = _expected(invalid)
    text = invalid.read_bytes().decode("utf-8")
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.loads(text)
    error = info.value
    assert type(error).__name__ == expected["error"], repr(error)
    assert isinstance(error, getattr(errors, str(expected["error"])))
    assert error.code == expected["code"], repr(error)
    assert (error.line, error.column) == (expected["line"], expected["column"]), repr(error)
    if "first_line" in expected:
        assert isinstance(error, errors.DuplicateKeyError)
        assert (error.first_line, error.first_column) == (
            expected["first_line"],
            expected["first_column"],
        ), repr(error)


def test_str_of_error_from_loads_is_located(invalid: Path) -> None:
    """``str(error)`` reads ``<string>:line:column: message`` for text given to ``loads``."""
    expected = _expected(invalid)
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.loads(invalid.read_bytes().decode("utf-8"))
    error = info.value
    prefix = f"<string>:{expected['line']}:{expected['column']}: "
    assert str(error).startswith(prefix), str(error)
    assert str(error) == prefix + error.message
    assert error.message.strip()


def test_load_from_path_names_the_file(invalid: Path) -> None:
    """An error from ``load(path)`` carries the path, in ``.path`` and in ``str(error)``."""
    expected = _expected(invalid)
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.load(invalid)
    error = info.value
    assert error.path == str(invalid)
    assert type(error).__name__ == expected["error"]
    assert (error.line, error.column) == (expected["line"], expected["column"])
    assert str(error).startswith(f"{invalid}:{expected['line']}:{expected['column']}: ")


def test_load_from_binary_file_raises_the_same_error(invalid: Path) -> None:
    """``load`` on a binary file object raises the same error as ``loads`` on the text."""
    expected = _expected(invalid)
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.load(io.BytesIO(invalid.read_bytes()))
    error = info.value
    assert type(error).__name__ == expected["error"]
    assert error.code == expected["code"]
    assert (error.line, error.column) == (expected["line"], expected["column"])


def test_yaml_errors_chain_the_parser_exception(invalid: Path) -> None:
    """A YAML error is newsitem's own type; whatever the parser raised is only its cause."""
    expected = _expected(invalid)
    if not issubclass(getattr(errors, str(expected["error"])), errors.YAMLSyntaxError):
        pytest.skip("not a YAML error")
    with pytest.raises(errors.YAMLSyntaxError) as info:
        frontmatter.loads(invalid.read_bytes().decode("utf-8"))
    assert type(info.value).__module__ == "newsitem.errors"
    # An undefined alias is found by the composer, which may be newsitem's own:
    # there is then no parser exception to chain.
    if expected["code"] == "yaml-syntax" and invalid.stem != "undefined_alias":
        assert info.value.__cause__ is not None


def test_error_codes_are_the_documented_ones() -> None:
    """The codes of the fence, structure and YAML errors are the stable documented strings."""
    assert errors.YAMLSyntaxError.code == "yaml-syntax"
    assert errors.DuplicateKeyError.code == "duplicate-key"
    assert errors.UnsupportedTagError.code == "unsupported-tag"
    assert errors.StructureError.code == "not-a-mapping"
    assert errors.DecodeError.code == "invalid-encoding"


@pytest.mark.parametrize(
    ("raw", "offset", "line", "column"),
    [
        pytest.param(b"---\ntitle: caf\xe9\n---\n", 14, 2, 11, id="latin-1-byte"),
        pytest.param(b"\xef\xbb\xbf---\nx: \xff\n---\n", 10, 2, 4, id="after-bom"),
        pytest.param(
            b"---\r\na: 1\r\nb: \xc3\x28\r\n---\r\n", 14, 3, 4, id="bad-continuation-crlf"
        ),
        pytest.param(b"---\na: 1\n---\nbody \xe2\x82", 18, 4, 6, id="truncated-in-body"),
        pytest.param(b"\xff\xfe-\x00-\x00-\x00\n\x00", 0, 1, 1, id="utf-16"),
    ],
)
def test_invalid_utf8_raises_decode_error(raw: bytes, offset: int, line: int, column: int) -> None:
    """Bytes that are not strict UTF-8 raise DecodeError at the first bad byte's offset."""
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.load(io.BytesIO(raw))
    error = info.value
    assert error.code == "invalid-encoding"
    assert error.offset == offset
    assert (error.line, error.column) == (line, column)


def test_decode_error_from_path_names_the_file(tmp_path: Path) -> None:
    """A DecodeError from ``load(path)`` carries the path and is located in ``str``."""
    path = tmp_path / "latin1.md"
    path.write_bytes(b"---\ntitle: caf\xe9\n---\n")
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.load(path)
    assert info.value.path == str(path)
    assert info.value.offset == 14
    assert str(info.value).startswith(f"{path}:2:11: ")


def test_broken_front_matter_is_never_body() -> None:
    """Text that fails to parse is an error, never silently turned into body text."""
    with pytest.raises(errors.YAMLSyntaxError):
        frontmatter.loads("---\ntitle: [unclosed\n---\nbody\n")


def test_unrepresentable_value_raises_edit_error() -> None:
    """Putting a value YAML cannot hold (a set) into the data makes ``dumps`` raise EditError."""
    doc = frontmatter.loads("---\ntitle: x\n---\n")
    doc.data["tags"] = {"a", "b"}
    with pytest.raises(errors.EditError) as info:
        frontmatter.dumps(doc)
    assert info.value.code == "unrepresentable-value"


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    """A ``!!python/object/apply`` tag raises before anything is run."""
    marker = tmp_path / "ran"
    text = f'---\nx: !!python/object/apply:pathlib.Path.touch ["{marker}"]\n---\n'
    with pytest.raises(errors.UnsupportedTagError):
        frontmatter.loads(text)
    assert not marker.exists()


def test_a_new_error_carries_its_message_as_its_only_argument() -> None:
    """``args`` holds the message, as for any exception built from one string."""
    error = errors.YAMLSyntaxError("mapping values are not allowed here", line=3, column=7)
    assert error.args == ("mapping values are not allowed here",)
    duplicate = errors.DuplicateKeyError(
        "duplicate key 'title'", first_line=2, first_column=1, line=4, column=1
    )
    assert duplicate.args == ("duplicate key 'title'",)
    invalid = errors.ValidationError([errors.Issue("title", "required field is missing")])
    assert invalid.args == ("1 invalid value(s)",)
    decode = errors.DecodeError("invalid UTF-8 byte 0xff", offset=9, line=2, column=5)
    assert decode.args == ("invalid UTF-8 byte 0xff",)
    assert (decode.message, decode.offset) == ("invalid UTF-8 byte 0xff", 9)
    assert str(decode) == "<string>:2:5: invalid UTF-8 byte 0xff"
