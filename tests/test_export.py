"""newsitem.export: rows read back with pyarrow, csv and json, as the docs describe them.

Expected values are written by hand from the items below.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import newsitem
from newsitem import Article, NewsItem, export, loads

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

UTC = timezone.utc

FULL = """\
---
category: news
title: "Port deal"
publishedDateTime: 2024-06-21T14:30:00-07:00
webUrl: "https://example.com/port"
quality: 23
heat: -1
published: false
provider:
  name: Harbor Ledger
  domain: harborledger.com
  images: []
  logoColour: teal
topics:
  - Robotics
  - Logistics
related:
  - title: "Kestrel raises $120M"
    publishedDateTime: 2024-02-27T14:02:00Z
    webUrl: "https://example.net/kestrel"
    quality: 87
    images:
      - url: "https://img.example.net/k.jpg"
        width: 1200
        isCached: true
  - title: "Union asks for review"
    webUrl: "https://example.org/union"
    images: []
wireDesk: europe
---
Body text.
"""

MINIMAL = "---\ntitle: Bare\nwebUrl: https://example.com/bare\n---\n"


@pytest.fixture
def items() -> list[NewsItem[Article]]:
    """The full item, then the minimal one."""
    return [loads(FULL), loads(MINIMAL)]


def test_arrow_types(items: list[NewsItem[Article]]) -> None:
    """Timestamps are UTC instants with an offset column; models are structs; lists are lists."""
    schema = export.to_arrow(items).schema
    assert schema.names[:6] == [
        *("file", "category", "title", "excerpt"),
        *("publishedDateTime", "publishedDateTimeOffset"),
    ]
    assert schema.names[-2:] == ["extra", "body"]
    assert schema.field("publishedDateTime").type == pa.timestamp("us", tz="UTC")
    assert schema.field("publishedDateTimeOffset").type == pa.int16()
    assert schema.field("quality").type == pa.int64()
    assert schema.field("published").type == pa.bool_()
    assert schema.field("topics").type == pa.list_(pa.string())
    image = pa.struct(
        [
            ("url", pa.string()),
            ("width", pa.int64()),
            ("height", pa.int64()),
            ("isCached", pa.bool_()),
            ("title", pa.string()),
            ("attribution", pa.string()),
            ("extra", pa.string()),
        ]
    )
    provider = pa.struct(
        [
            ("name", pa.string()),
            ("domain", pa.string()),
            ("images", pa.list_(image)),
            ("extra", pa.string()),
        ]
    )
    assert schema.field("provider").type == provider
    related = schema.field("related").type.value_type
    assert related.field("publishedDateTime").type == pa.timestamp("us", tz="UTC")
    assert related.field("provider").type == provider
    assert related.field("images").type == pa.list_(image)
    assert schema == export.arrow_schema()


def test_arrow_values_and_nulls(items: list[NewsItem[Article]]) -> None:
    """Each value is the attribute's; a -07:00 time is its UTC instant plus -420 minutes."""
    rows = export.to_arrow(items).to_pylist()
    full, bare = rows
    assert full["file"] is None  # read from text, not from a file
    assert full["title"] == "Port deal"
    assert full["publishedDateTime"] == datetime(2024, 6, 21, 21, 30, tzinfo=UTC)
    assert full["publishedDateTimeOffset"] == -420
    assert (full["quality"], full["heat"], full["published"]) == (23, -1, False)
    assert full["provider"] == {
        "name": "Harbor Ledger",
        "domain": "harborledger.com",
        "images": [],
        "extra": '{"logoColour":"teal"}',
    }
    assert full["topics"] == ["Robotics", "Logistics"]
    first, second = full["related"]
    assert first["publishedDateTime"] == datetime(2024, 2, 27, 14, 2, tzinfo=UTC)
    assert first["publishedDateTimeOffset"] == 0
    assert first["images"] == [
        {
            "url": "https://img.example.net/k.jpg",
            "width": 1200,
            "height": None,
            "isCached": True,
            "title": None,
            "attribution": None,
            "extra": None,
        }
    ]
    assert second["publishedDateTime"] is None
    assert second["publishedDateTimeOffset"] is None
    assert json.loads(full["extra"]) == {"wireDesk": "europe"}
    assert full["body"] == "Body text.\n"
    assert bare["title"] == "Bare"
    for key in ("category", "publishedDateTime", "quality", "provider", "extra"):
        assert bare[key] is None, key
    assert bare["body"] == ""


def test_parquet_reads_back_in_row_groups(tmp_path: Path) -> None:
    """A Parquet file holds every row, in batches of batch_size rows per row group."""
    five = [loads(FULL.replace("Port deal", f"Deal {n}")) for n in range(5)]
    out = tmp_path / "items.parquet"
    assert export.write(five, out, to="parquet", batch_size=2) == 5
    parquet = pq.ParquetFile(out)
    assert parquet.metadata.num_row_groups == 3
    table = parquet.read()
    assert table.schema == export.arrow_schema()
    assert table.column("title").to_pylist() == [f"Deal {n}" for n in range(5)]
    assert table.column("publishedDateTimeOffset").to_pylist() == [-420] * 5
    related = table.column("related").to_pylist()[4]
    assert related[0]["images"][0]["width"] == 1200


def test_parquet_of_no_items_has_the_columns(tmp_path: Path) -> None:
    """Nothing to export still writes a file with every column and no rows."""
    out = tmp_path / "none.parquet"
    assert export.write([], out, to="parquet") == 0
    table = pq.read_table(out)
    assert table.num_rows == 0
    assert table.schema == export.arrow_schema()


def test_csv_reads_back_with_the_csv_module(items: list[NewsItem[Article]]) -> None:
    """CSV: text as written, timestamps with their offset, nested fields as JSON, null empty."""
    out = io.BytesIO()
    assert export.write(items, out, to="csv") == 2
    full, bare = csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline=""))
    assert full["publishedDateTime"] == "2024-06-21T14:30:00-07:00"
    assert full["publishedDateTimeOffset"] == "-420"
    assert (full["quality"], full["published"]) == ("23", "false")
    assert json.loads(full["provider"]) == {
        "name": "Harbor Ledger",
        "domain": "harborledger.com",
        "images": [],
        "extra": {"logoColour": "teal"},
    }
    assert json.loads(full["topics"]) == ["Robotics", "Logistics"]
    related = json.loads(full["related"])
    assert related[0]["publishedDateTime"] == "2024-02-27T14:02:00Z"
    assert related[0]["images"][0]["isCached"] is True
    assert json.loads(full["extra"]) == {"wireDesk": "europe"}
    assert full["body"] == "Body text.\n"
    assert bare["provider"] == bare["publishedDateTime"] == bare["extra"] == ""


def test_jsonl_reads_back_with_json(items: list[NewsItem[Article]]) -> None:
    """JSON Lines: one object per item, the same keys, nested values as JSON."""
    out = io.BytesIO()
    export.write(items, out, to="jsonl")
    lines = out.getvalue().decode("utf-8").splitlines()
    assert len(lines) == 2
    full, bare = (json.loads(line) for line in lines)
    assert list(full) == export.arrow_schema().names
    assert full["publishedDateTime"] == "2024-06-21T14:30:00-07:00"
    assert full["provider"]["extra"] == {"logoColour": "teal"}
    assert full["related"][1] == {
        "title": "Union asks for review",
        "excerpt": None,
        "publishedDateTime": None,
        "publishedDateTimeOffset": None,
        "webUrl": "https://example.org/union",
        "ampWebUrl": None,
        "cdnAmpWebUrl": None,
        "type": None,
        "provider": None,
        "quality": None,
        "images": [],
        "extra": None,
    }
    assert full["extra"] == {"wireDesk": "europe"}
    assert bare["title"] == "Bare"
    assert bare["topics"] == loads(MINIMAL).article.topics  # absent: the attribute's default


class PipelineArticle(Article):
    """An article with a key of a pipeline's own."""

    pipeline_score: int = 0


def test_a_subclass_adds_its_columns() -> None:
    """A subclass's fields are columns of their own; with model=Article they go to extra."""
    item = loads(MINIMAL.replace("---\n", "---\npipelineScore: 7\n", 1), model=PipelineArticle)
    table = export.to_arrow([item])
    assert table.column("pipelineScore").to_pylist() == [7]
    assert table.schema.field("pipelineScore").type == pa.int64()
    as_article = export.to_arrow([item], model=Article)
    assert "pipelineScore" not in as_article.schema.names
    assert json.loads(as_article.column("extra")[0].as_py()) == {"pipelineScore": 7}


def test_values_json_cannot_hold_are_written_as_yaml_spells_them() -> None:
    """Unknown values with no JSON form (NaN, infinities, dates) become text, not an error."""
    text = MINIMAL.replace("---\n", "---\nscore: .nan\nlow: -.inf\nday: 2024-01-02\n", 1)
    extra = json.loads(export.to_arrow([loads(text)]).column("extra")[0].as_py())
    assert extra == {"score": ".nan", "low": "-.inf", "day": "2024-01-02"}


def _failing(items: list[NewsItem[Article]]) -> Iterator[NewsItem[Article]]:
    yield from items
    raise RuntimeError("the source broke")


@pytest.mark.parametrize("to", export.FORMATS)
def test_a_failed_export_leaves_the_target_as_it_was(
    tmp_path: Path, items: list[NewsItem[Article]], to: export.Format
) -> None:
    """An error half-way leaves the old file untouched and no temporary file behind."""
    out = tmp_path / f"items.{to}"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="the source broke"):
        export.write(_failing(items), out, to=to, batch_size=1)
    assert out.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == [out.name]


def test_without_pyarrow_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, items: list[NewsItem[Article]], tmp_path: Path
) -> None:
    """Without pyarrow, Arrow and Parquet raise an ImportError naming the extra; CSV works."""
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'newsitem\[arrow\]'"):
        export.to_arrow(items)
    with pytest.raises(ImportError, match=r"newsitem\[arrow\]"):
        export.write(items, tmp_path / "x.parquet", to="parquet")
    assert not (tmp_path / "x.parquet").exists()
    assert export.write(items, tmp_path / "x.csv", to="csv") == 2


def test_import_newsitem_does_not_import_pyarrow() -> None:
    """`import newsitem` (and its export module) leaves pyarrow unimported until it is used."""
    code = "import sys, newsitem, newsitem.export; print('pyarrow' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "False\n"


def test_batch_size_must_be_positive(items: list[NewsItem[Article]]) -> None:
    """A batch of no items is a mistake, said at once."""
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        next(export.record_batches(items, batch_size=0))


def _written(tmp_path: Path, to: export.Format) -> Path:
    out = tmp_path / f"items.{to}"
    export.write([loads(FULL), loads(MINIMAL)], out, to=to)
    return out


def test_pandas_reads_parquet_and_csv(tmp_path: Path) -> None:
    """pandas reads the Parquet file with a UTC time column, and the CSV file."""
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(_written(tmp_path, "parquet"))
    assert list(frame["title"]) == ["Port deal", "Bare"]
    assert str(frame["publishedDateTime"].dtype) == "datetime64[us, UTC]"
    assert frame["publishedDateTime"][0] == pd.Timestamp("2024-06-21T21:30:00Z")
    assert frame["provider"][0]["name"] == "Harbor Ledger"
    table = pd.read_csv(_written(tmp_path, "csv"))
    assert list(table["quality"].fillna(-99)) == [23, -99]


def test_polars_reads_parquet_and_jsonl(tmp_path: Path) -> None:
    """polars reads the Parquet file (structs and lists) and the JSON Lines file."""
    pl = pytest.importorskip("polars")
    frame = pl.read_parquet(_written(tmp_path, "parquet"))
    assert frame["title"].to_list() == ["Port deal", "Bare"]
    assert frame["provider"].struct.field("name").to_list() == ["Harbor Ledger", None]
    assert frame.schema["publishedDateTime"] == pl.Datetime("us", "UTC")
    lines = pl.read_ndjson(_written(tmp_path, "jsonl"))
    assert lines["quality"].to_list() == [23, None]


def test_duckdb_queries_parquet(tmp_path: Path) -> None:
    """DuckDB queries the nested columns of the Parquet file with SQL."""
    duckdb = pytest.importorskip("duckdb")
    path = _written(tmp_path, "parquet")
    rows: list[Any] = duckdb.sql(
        f"SELECT title, provider.name, related[1].images[1].width, len(related[2].images) "
        f"FROM '{path}' ORDER BY title"
    ).fetchall()
    assert rows == [("Bare", None, None, None), ("Port deal", "Harbor Ledger", 1200, 0)]


def test_the_package_exposes_the_module() -> None:
    """`newsitem.export` is reachable from the package, as the docs use it."""
    assert newsitem.export is export
