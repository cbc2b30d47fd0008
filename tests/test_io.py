"""The file edge: how much is read, which path an error names, what it says, how writes fail."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

import newsitem
from newsitem import Limits, errors, frontmatter
from newsitem import _io as io_module

ITEM = "---\ntitle: T\nwebUrl: https://example.com/a\n---\nbody\n"


class CountingReader(io.BytesIO):
    """A binary file that records how many bytes each ``read`` asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int | None] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.asked.append(size)
        return super().read(size)


@pytest.mark.parametrize("size", [len(ITEM), len(ITEM) + 1])
def test_a_file_up_to_max_bytes_loads(tmp_path: Path, size: int) -> None:
    """A file of exactly ``max_bytes`` bytes loads, from a path and from a binary file."""
    path = tmp_path / "item.md"
    path.write_text(ITEM, encoding="utf-8")
    limits = Limits(max_bytes=size)
    assert frontmatter.load(path, limits=limits).original == ITEM
    assert frontmatter.load(io.BytesIO(ITEM.encode()), limits=limits).original == ITEM


def test_a_file_one_byte_over_max_bytes_is_refused(tmp_path: Path) -> None:
    """One byte more than ``max_bytes`` raises LimitExceededError, saying the limit."""
    path = tmp_path / "item.md"
    path.write_text(ITEM, encoding="utf-8")
    limits = Limits(max_bytes=len(ITEM) - 1)
    for source in (path, io.BytesIO(ITEM.encode())):
        with pytest.raises(errors.LimitExceededError) as info:
            frontmatter.load(source, limits=limits)
        assert info.value.message == f"the file is larger than the limit of {len(ITEM) - 1} bytes"


def test_load_reads_at_most_max_bytes_plus_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """safety.md: ``load`` reads at most ``max_bytes + 1`` bytes before refusing."""
    data = ITEM.encode() * 100
    reader = CountingReader(data)
    with pytest.raises(errors.LimitExceededError):
        frontmatter.load(reader, limits=Limits(max_bytes=50))
    assert reader.asked == [51]

    opened: list[CountingReader] = []

    def fake_open(path: str, mode: str) -> CountingReader:
        assert mode == "rb"
        opened.append(CountingReader(data))
        return opened[-1]

    monkeypatch.setattr(io_module, "open", fake_open, raising=False)
    with pytest.raises(errors.LimitExceededError):
        frontmatter.load("item.md", limits=Limits(max_bytes=50))
    assert [reader.asked for reader in opened] == [[51]]


def test_an_error_names_the_binary_file_it_came_from(tmp_path: Path) -> None:
    """A binary file's ``name`` is the error's path; a nameless one has none."""
    path = tmp_path / "bad.md"
    path.write_bytes(b"---\na: [\n---\n")
    with path.open("rb") as handle, pytest.raises(errors.YAMLSyntaxError) as info:
        frontmatter.load(handle)
    assert info.value.path == str(path)
    with pytest.raises(errors.YAMLSyntaxError) as info:
        frontmatter.load(io.BytesIO(b"---\na: [\n---\n"))
    assert info.value.path is None


def test_a_file_opened_from_a_descriptor_has_no_path(tmp_path: Path) -> None:
    """A file object whose ``name`` is a descriptor number gives errors without a path."""
    path = tmp_path / "bad.md"
    path.write_bytes(b"---\na: [\n---\n")
    with open(os.open(path, os.O_RDONLY), "rb") as handle:
        assert isinstance(handle.name, int)
        with pytest.raises(errors.YAMLSyntaxError) as info:
            frontmatter.load(handle)
    assert info.value.path is None
    assert str(info.value).startswith("<string>:")


def test_invalid_utf8_message_says_byte_and_offset(tmp_path: Path) -> None:
    """The message names the bad byte in hex and its offset; the error names the file."""
    path = tmp_path / "bad.md"
    path.write_bytes(b"---\na: caf\xe9\n---\n")
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.load(path)
    assert info.value.message == "not valid UTF-8: byte 0xe9 at offset 10"
    assert (info.value.path, info.value.line, info.value.column) == (str(path), 2, 7)


def test_nul_in_a_file_names_the_file_and_the_offset(tmp_path: Path) -> None:
    """A NUL byte read from a path: ``invalid-character``, the path, the byte offset."""
    path = tmp_path / "nul.md"
    path.write_bytes("---\na: é\x00\n---\n".encode())
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.load(path)
    error = info.value
    assert (error.code, error.path, error.offset) == ("invalid-character", str(path), 9)
    assert error.message == "a NUL byte at offset 9"
    assert (error.line, error.column) == (2, 5)


def test_lone_surrogate_message_names_it() -> None:
    """A lone surrogate in a ``str`` is named by its code point, at its UTF-8 offset."""
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.loads("---\na: \ud800\n---\n")
    error = info.value
    assert error.code == "invalid-character"
    assert error.message == "a lone surrogate U+D800 at offset 7"
    assert (error.offset, error.line, error.column) == (7, 2, 4)


def test_dump_to_a_binary_file_writes_the_utf8_bytes() -> None:
    """Writing to a binary file object writes the text's UTF-8 bytes, nothing else."""
    text = "---\ntitle: Café\nwebUrl: https://example.com/a\n---\n"
    out = io.BytesIO()
    frontmatter.dump(frontmatter.loads(text), out)
    assert out.getvalue() == text.encode("utf-8")
    out = io.BytesIO()
    newsitem.dump(newsitem.loads(text), out)
    assert out.getvalue() == text.encode("utf-8")


def test_a_failed_rename_raises_its_own_error_even_if_the_temporary_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the rename fails and the temporary file is gone, the rename's own error is raised."""
    target = tmp_path / "item.md"

    def failing_replace(source: Any, destination: Any) -> None:
        os.unlink(source)
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk gone"):
        frontmatter.dump(frontmatter.loads(ITEM), target)
    assert list(tmp_path.iterdir()) == []


# -- text files and wrong arguments ------------------------------------------------------------

_ACCEPTED = "a path (str or os.PathLike) or a file object opened in binary or text mode"
WIDE = "---\ntitle: Café ü\nwebUrl: https://example.com/a\n---\n"  # 2 characters of 2 bytes


def test_a_text_file_is_limited_in_characters(tmp_path: Path) -> None:
    """From a text file ``max_bytes`` counts characters (it is decoded already): exactly
    that many load, one more is refused, naming the file and the limit in characters."""
    path = tmp_path / "wide.md"
    path.write_text(WIDE, encoding="utf-8")
    with path.open(encoding="utf-8") as handle:
        assert frontmatter.load(handle, limits=Limits(max_bytes=len(WIDE))).original == WIDE
    with path.open(encoding="utf-8") as handle, pytest.raises(errors.LimitExceededError) as info:
        frontmatter.load(handle, limits=Limits(max_bytes=len(WIDE) - 1))
    assert info.value.message == f"the file is larger than the limit of {len(WIDE) - 1} characters"
    assert info.value.path == str(path)


def test_a_nul_read_from_a_text_file_names_the_file_and_the_offset(tmp_path: Path) -> None:
    """A text file is checked as a ``str`` is: the NUL at its UTF-8 offset, the file named."""
    path = tmp_path / "nul.md"
    path.write_text("---\na: é\x00\n---\n", encoding="utf-8")
    with path.open(encoding="utf-8") as handle, pytest.raises(errors.DecodeError) as info:
        frontmatter.load(handle)
    error = info.value
    assert (error.code, error.path, error.offset) == ("invalid-character", str(path), 9)
    assert (error.message, error.line, error.column) == ("a NUL byte at offset 9", 2, 5)


def test_a_binary_file_may_give_a_bytearray() -> None:
    class Buffer:
        def read(self, size: int) -> bytearray:
            return bytearray(ITEM.encode())

    assert frontmatter.load(Buffer()).original == ITEM  # type: ignore[arg-type]


class _ReadsNumbers:
    def read(self, size: int) -> int:
        return 7


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (42, f"load() takes {_ACCEPTED}, not int"),
        (object(), f"load() takes {_ACCEPTED}, not object"),
        (_ReadsNumbers(), f"load() takes {_ACCEPTED}; read() gave int"),
    ],
)
def test_what_load_cannot_read_is_a_type_error_saying_what_it_takes(
    source: object, message: str
) -> None:
    with pytest.raises(TypeError) as info:
        io_module.read(source, max_bytes=100)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_a_text_file_is_written_the_text_itself() -> None:
    out = io.StringIO()
    io_module.write(WIDE, out)
    assert out.getvalue() == WIDE


@pytest.mark.parametrize(
    ("target", "name"), [(42, "int"), (io.BytesIO().read, "builtin_function_or_method")]
)
def test_what_dump_cannot_write_to_is_a_type_error_saying_what_it_takes(
    target: object, name: str
) -> None:
    with pytest.raises(TypeError) as info:
        io_module.write("x", target)  # type: ignore[arg-type]
    assert str(info.value) == f"dump() takes {_ACCEPTED}, not {name}"
