"""The cluster recipes: one JSON record per file, checked on Dask (and Spark when present).

Twenty-one items written here by hand in the shapes FORMAT.md allows, seven of
them invalid. Every record expected below (order, ok, codes, fields, lines,
columns, validation messages) is written out from the format and the
documented rules, not recorded from a run. Messages of parse errors are the
parser's wording: for those the test asks only that there is one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

from newsitem.contrib.records import ErrorRecord, Record, check_file, record
from newsitem.corpus import load_text

REFERENCE = """\
---
category: news
title: "ICE drops $3.9M for Trust Stampâ€™s facial recognition"
excerpt: "The U.S. Immigration and Customs Enforcement signs a $3.9 million contract."
publishedDateTime: 2021-09-27T18:46:00Z
originalUrl: "https://www.biometricupdate.com/202109/ice-drops"
webUrl: "https://www.biometricupdate.com/202109/ice-drops"
type: article
quality: 15
heat: -1
published: false

provider:
  name: Biometric Companies
  domain: biometricupdate.com

topics:
  - AI
  - Computer Vision

related:
  - title: "Exclusive: ICE just paid $3.9 million"
    webUrl: "https://markets.businessinsider.com/news/ice"
    images:
      - url: "https://images2.markets.businessinsider.com/6010d456?format=jpeg"
        width: 701
        height: 526
        isCached: true

secured: "uNbqWiRPZ9g8iSxsRJ5tXg==;3352nqLe1lVY/Zak5Ef50w=="
---

"""

VALID: dict[str, str] = {
    "01-reference.md": REFERENCE,
    "02-crlf.md": "---\r\ntitle: CRLF\r\nwebUrl: https://example.com/crlf\r\n---\r\n\r\n",
    "03-bom.md": "\ufeff---\ntitle: BOM\nwebUrl: https://example.com/bom\n---\n",
    "04-comments.md": (
        "---\n# from the feed\ntitle: Comments  # kept\n\n"
        "webUrl: https://example.com/c\n# the end\n---\n"
    ),
    "05-flow-lists.md": (
        "---\ntitle: Flow\nwebUrl: https://example.com/f\ntopics: [AI, Robotics]\n---\n"
    ),
    "06-single-quotes.md": "---\ntitle: 'It''s here'\nwebUrl: 'https://example.com/q'\n---\n",
    "07-block-scalars.md": (
        "---\ntitle: Blocks\nexcerpt: >-\n  folded\n  text\nwebUrl: https://example.com/b\n"
        "category: |\n  literal\n---\nBody text.\n"
    ),
    "08-fractions.md": (
        "---\ntitle: Seven digits\nwebUrl: https://example.com/7\n"
        "publishedDateTime: 2021-09-27T18:46:00.0000000Z\n"
        "updatedDateTime: 2021-09-27T18:46:00.123Z\n---\n"
    ),
    "09-offsets.md": (
        "---\ntitle: Offsets\nwebUrl: https://example.com/o\n"
        "publishedDateTime: 2021-09-27T11:46:00-07:00\n"
        "related:\n  - title: Zero\n    webUrl: https://example.com/z\n"
        "    publishedDateTime: 2021-09-27T18:46:00+00:00\n---\n"
    ),
    "10-nulls.md": (
        "---\ntitle: Nulls\nwebUrl: https://example.com/n\n"
        "excerpt: ~\nupdatedDateTime: null\ntype:\n---\n"
    ),
    "11-extra-keys.md": (
        "---\ntitle: Extras\nwebUrl: https://example.com/e\n"
        "pipelineId: 42\nlocale: en-us\ntags: [a, b]\n---\n"
    ),
    "12-body-fences.md": (
        "---\ntitle: Fences\nwebUrl: https://example.com/fences\n---\nBefore\n---\nAfter\n---\n"
    ),
    "13-no-final-newline.md": "---\ntitle: Last\nwebUrl: https://example.com/l\n---",
    "14-indentless.md": (
        "---\ntitle: Four spaces\nwebUrl: https://example.com/4\ntype: yes\n"
        "provider:\n    name: Wide\ntopics:\n- on\n- off\n---\n"
    ),
}

INVALID: dict[str, str] = {
    "15-missing-url.md": "---\ntitle: No URL\n---\n",
    "16-wrong-types.md": (
        '---\ntitle: Types\nwebUrl: https://example.com/t\nquality: "15"\npublished: yes\n---\n'
    ),
    "17-relative-url.md": (
        "---\ntitle: Relative\nwebUrl: https://example.com/r\n"
        "related:\n  - title: Inner\n    webUrl: /news/1\n---\n"
    ),
    "18-yaml-syntax.md": "---\ntitle: One\n webUrl: x\n---\n",
    "19-duplicate-key.md": "---\ntitle: Once\nwebUrl: https://example.com/d\ntitle: Twice\n---\n",
    "20-no-front-matter.md": "# Just Markdown\n",
}
NOT_UTF8 = "21-not-utf8.md"


def error(
    code: str,
    line: int | None,
    column: int | None,
    message: str | None = None,
    field: str | None = None,
) -> dict[str, Any]:
    """An expected error record; ``message=None`` means "any message" (the parser's words)."""
    return {"code": code, "field": field, "line": line, "column": column, "message": message}


EXPECTED_ERRORS: dict[str, list[dict[str, Any]]] = {
    # A missing key points at the nearest value that exists: here the mapping's first key.
    "15-missing-url.md": [
        error("missing-field", 2, 1, "required field is missing", field="webUrl")
    ],
    "16-wrong-types.md": [
        error("wrong-type", 4, 10, "expected an integer, got a string '15'", field="quality"),
        error(
            "wrong-type",
            5,
            12,
            "expected a boolean (true or false), got a string 'yes'",
            field="published",
        ),
    ],
    "17-relative-url.md": [
        error(
            "invalid-value",
            6,
            13,
            "expected an absolute http or https URL with a host, got a string '/news/1'",
            field="related[0].webUrl",
        )
    ],
    "18-yaml-syntax.md": [error("yaml-syntax", 3, 8)],  # the ':' of a key inside a plain text
    "19-duplicate-key.md": [error("duplicate-key", 4, 1)],
    "20-no-front-matter.md": [error("no-front-matter", 1, 1)],
    NOT_UTF8: [error("invalid-encoding", 2, 11)],  # the byte after "title: caf"
}


def write_items(folder: Path) -> list[str]:
    """Write every item into ``folder``; return their paths in name order."""
    for name, text in {**VALID, **INVALID}.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    (folder / NOT_UTF8).write_bytes(b"---\ntitle: caf\xe9\nwebUrl: https://example.com/x\n---\n")
    return sorted(str(path) for path in folder.iterdir())


def check_records(records: list[Record], folder: Path) -> None:
    """Every record matches the hand-written expectation, in name order."""
    names = sorted([*VALID, *INVALID, NOT_UTF8])
    assert [Path(r["source"]).name for r in records] == names
    for rec in records:
        assert Path(rec["source"]).parent == folder
        name = Path(rec["source"]).name
        expected = EXPECTED_ERRORS.get(name, [])
        assert rec["ok"] is (not expected), name
        assert len(rec["errors"]) == len(expected), (name, rec["errors"])
        for got, want in zip(rec["errors"], expected, strict=True):
            assert isinstance(got["message"], str)
            assert got["message"]
            if want["message"] is None:
                want = {**want, "message": got["message"]}
            assert dict(got) == want, name


def test_record_of_a_valid_text_has_no_errors() -> None:
    """A valid item gives ok and an empty error list, under the name it was given."""
    assert record(load_text(VALID["05-flow-lists.md"], source="a.md")) == {
        "source": "a.md",
        "ok": True,
        "errors": [],
    }


def test_record_lists_every_issue_of_a_validation_error() -> None:
    """A validation error gives one record per issue, in file order, with its field."""
    result = load_text(INVALID["16-wrong-types.md"], source="t.md")
    assert record(result)["errors"] == [
        ErrorRecord(
            code="wrong-type",
            field="quality",
            line=4,
            column=10,
            message="expected an integer, got a string '15'",
        ),
        ErrorRecord(
            code="wrong-type",
            field="published",
            line=5,
            column=12,
            message="expected a boolean (true or false), got a string 'yes'",
        ),
    ]


def test_check_file_records_every_item(tmp_path: Path) -> None:
    """check_file, run here, gives the expected record for every file; records are JSON."""
    records = [check_file(path) for path in write_items(tmp_path)]
    check_records(records, tmp_path)
    assert [json.loads(json.dumps(r)) for r in records] == records


def test_check_file_reports_a_missing_file(tmp_path: Path) -> None:
    """A path that cannot be read is a record with code unreadable, not an exception."""
    missing = tmp_path / "gone.md"
    rec = check_file(missing)
    assert rec["source"] == str(missing)
    assert rec["ok"] is False
    assert [(e["code"], e["line"], e["column"]) for e in rec["errors"]] == [
        ("unreadable", None, None)
    ]


def test_dask_check_folder_on_a_local_cluster(tmp_path: Path) -> None:
    """check_folder on a two-process LocalCluster writes every record, in order, as JSON Lines."""
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from newsitem.contrib.dask import check_folder

    items = tmp_path / "items"
    items.mkdir()
    write_items(items)
    output = tmp_path / "results"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster),
    ):
        written = check_folder(items, output, npartitions=3)
    assert [Path(p).name for p in written] == [
        "part-00000.jsonl",
        "part-00001.jsonl",
        "part-00002.jsonl",
    ]
    lines = [
        line for path in written for line in Path(path).read_text(encoding="utf-8").splitlines()
    ]
    check_records([json.loads(line) for line in lines], items)


def test_spark_recipe_from_the_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Spark recipe of docs/scaling.md, on a local two-core Spark, gives the same records."""
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime")
    items = tmp_path / "items"
    items.mkdir()
    paths = write_items(items)
    output = tmp_path / "results"
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # workers run this Python

    spark = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("newsitem-check")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        spark.sparkContext.parallelize(paths, 3).map(check_file).map(json.dumps).saveAsTextFile(
            str(output)
        )
    finally:
        spark.stop()
    parts = sorted(output.glob("part-*"))
    lines = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    check_records([json.loads(line) for line in lines], items)


def test_without_dask_the_import_error_names_the_extra() -> None:
    """With dask not installed, importing the recipe says which extra to install."""
    code = (
        "import sys\n"
        "sys.modules['dask'] = None  # as if dask were not installed\n"
        "try:\n"
        "    import newsitem.contrib.dask\n"
        "except ImportError as exc:\n"
        "    print(type(exc).__name__, exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.startswith("ImportError ")
    assert "newsitem[dask]" in done.stdout
    assert '"dask" extra' in done.stdout


def test_check_bag_is_typed_as_a_dask_bag(tmp_path: Path) -> None:
    """check_bag is annotated to return ``dask.bag.Bag``, and returns one."""
    dask_bag = pytest.importorskip("dask.bag")
    from newsitem.contrib import dask as recipe

    assert typing.get_type_hints(recipe.check_bag)["return"] is dask_bag.Bag
    (tmp_path / "a.md").write_text(
        "---\ntitle: A\nwebUrl: https://example.com/a\n---\n", encoding="utf-8"
    )
    bag = recipe.check_bag(tmp_path, npartitions=1)
    assert isinstance(bag, dask_bag.Bag)
    assert [record["ok"] for record in bag.compute(scheduler="sync")] == [True]
