"""``newsitem export`` and ``newsitem schema``, run as the real command in a subprocess.

Expected output is written by hand from the documented forms; the files
written are read back with pyarrow, csv and json.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from _cli import VALID, newsitem, write

pq = pytest.importorskip("pyarrow.parquet")

BAD = "---\ntitle: Two\nwebUrl: https://example.com/two\nquality: lots\n---\n"
OFFSET = "---\ntitle: Three\nwebUrl: https://example.com/3\npublishedDateTime: 2024-06-21T14:30:00-07:00\n---\n"  # noqa: E501


def test_folder_to_parquet_leaves_invalid_items_out(tmp_path: Path) -> None:
    """Valid items become rows; an invalid one is reported on stdout, left out, and exit is 1."""
    write(tmp_path, {"items/a.md": VALID, "items/b.md": BAD, "items/c.md": OFFSET})
    done = newsitem("export", "items", "-o", "out.parquet", cwd=tmp_path)
    assert done.status == 1
    assert (
        done.out
        == "items/b.md:4:10: wrong-type quality: expected an integer, got a string 'lots'\n"
    )
    assert done.err == "exported 2 rows to out.parquet; 1 invalid left out\n"
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.column("file").to_pylist() == ["items/a.md", "items/c.md"]
    assert table.column("title").to_pylist() == ["One", "Three"]
    assert table.column("body").to_pylist() == ["Body\n", ""]
    assert table.column("publishedDateTimeOffset").to_pylist() == [None, -420]


def test_the_format_comes_from_the_suffix(tmp_path: Path) -> None:
    """`-o out.csv` writes CSV without --to; every valid item exits 0."""
    write(tmp_path, {"a.md": VALID, "c.md": OFFSET})
    done = newsitem("export", "a.md", "c.md", "-o", "out.csv", "-q", cwd=tmp_path)
    assert done == (0, "", "")
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(
        b"file,category,title,excerpt,publishedDateTime,publishedDateTimeOffset,"
    )
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert [row["title"] for row in rows] == ["One", "Three"]
    assert rows[1]["publishedDateTime"] == "2024-06-21T14:30:00-07:00"


def test_standard_input_to_standard_output_as_jsonl(tmp_path: Path) -> None:
    """`-` reads one item from stdin; `-o - --to jsonl` prints its row."""
    done = newsitem("export", "-", "-o", "-", "--to", "jsonl", "-q", cwd=tmp_path, stdin=OFFSET)
    assert (done.status, done.err) == (0, "")
    row = json.loads(done.out)
    assert (row["file"], row["title"], row["publishedDateTimeOffset"]) == (None, "Three", -420)
    assert done.out.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("a.md", "-o", "out.txt"), "cannot tell the format from 'out.txt'"),
        (("a.md", "-o", "-", "--to", "parquet"), "Parquet is written to a file"),
        (("a.md", "-o", "sub"), "'sub' is a folder"),
        (("nothing.md", "-o", "out.csv"), "no such file or directory: 'nothing.md'"),
        (("a.md", "-o", "out.csv", "--model", "newsitem:Image"), "is not a subclass of Article"),
        (("a.md", "-o", "out.csv", "--batch-size", "0"), "must be at least 1"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    tmp_path: Path, argv: tuple[str, ...], message: str
) -> None:
    """A mistake in the command line exits 2, says why, and leaves no file behind."""
    write(tmp_path, {"a.md": VALID, "sub/x.txt": "not an item"})
    before = sorted(path.name for path in tmp_path.iterdir())
    done = newsitem("export", *argv, cwd=tmp_path)
    assert (done.status, done.out) == (2, "")
    assert message in done.err
    assert "Traceback" not in done.err
    assert sorted(path.name for path in tmp_path.iterdir()) == before


def test_an_invalid_only_input_still_writes_the_columns(tmp_path: Path) -> None:
    """When every item is invalid, the file has its header and no rows, and exit is 1."""
    write(tmp_path, {"b.md": BAD})
    done = newsitem("export", "b.md", "-o", "out.jsonl", "-q", cwd=tmp_path)
    assert done.status == 1
    assert done.out.startswith("b.md:4:10: wrong-type ")
    assert (tmp_path / "out.jsonl").read_bytes() == b""


def test_schema_to_a_file(tmp_path: Path) -> None:
    """`newsitem schema -o FILE` writes the JSON Schema there and prints nothing."""
    done = newsitem("schema", "-o", "article.schema.json", cwd=tmp_path)
    assert done == (0, "", "")
    schema = json.loads((tmp_path / "article.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["webUrl"]["description"] == (
        "Where the article is read: an absolute http(s) URL."
    )
