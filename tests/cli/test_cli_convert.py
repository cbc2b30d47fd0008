"""``newsitem convert``: items to JSON objects and back, and Bing News API articles to items."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from _cli import ROOT, newsitem, write

ITEM = (
    "---\n"
    "category: news  # a comment, not data\n"
    "title: 'Port: deal'\n"
    "publishedDateTime: 2024-06-21T14:30:00.0000000-07:00\n"
    "webUrl: https://example.com/a\n"
    "quality: 5\n"
    "topics: [AI, Policy]\n"
    "wireDesk: europe\n"
    "---\n"
    "Body.\n"
)

ITEM_JSON = {
    "category": "news",
    "title": "Port: deal",
    "publishedDateTime": "2024-06-21T14:30:00-07:00",
    "webUrl": "https://example.com/a",
    "quality": 5,
    "topics": ["AI", "Policy"],
    "wireDesk": "europe",
    "body": "Body.\n",
}


def name_for(number: int, url: str) -> str:
    """The documented file name: number, then 16 hex digits of the URL's SHA-256."""
    return f"{number:03d}_{hashlib.sha256(url.encode()).hexdigest()[:16]}.md"


def test_to_json_one_object_per_item(tmp_path: Path) -> None:
    """Each item is one line of JSON: its keys as in the file, JSON values, and ``body``."""
    write(tmp_path, {"a.md": ITEM, "d/b.txt": "---\ntitle: B\nwebUrl: https://e.com/b\n---\n"})
    status, out, err = newsitem("convert", "--to", "json", "a.md", "d", cwd=tmp_path)
    assert (status, err) == (0, "")
    assert [json.loads(line) for line in out.splitlines()] == [
        ITEM_JSON,
        {"title": "B", "webUrl": "https://e.com/b", "body": ""},
    ]


def test_to_json_reports_invalid_items(tmp_path: Path) -> None:
    """An invalid item is reported on stderr; the valid ones are still printed."""
    write(tmp_path, {"a.md": ITEM, "bad.md": "---\ntitle: B\n---\n"})
    status, out, err = newsitem("convert", "--to", "json", "a.md", "bad.md", cwd=tmp_path)
    assert status == 1
    assert [json.loads(line) for line in out.splitlines()] == [ITEM_JSON]
    assert err == "bad.md:2:1: missing-field webUrl: required field is missing\n"


def test_from_json_writes_reference_style_files(tmp_path: Path) -> None:
    """JSON objects become files in the reference style: order, quotes, blank lines, Z."""
    source = {
        "webUrl": "https://example.com/a",
        "title": "Port deal",
        "provider": {"domain": "ledger.com", "name": "Ledger"},
        "publishedDateTime": "2024-03-11T09:15:00.0000000Z",
        "topics": ["AI"],
        "type": "article",
        "body": "\n",
    }
    write(tmp_path, {"in.json": json.dumps(source)})
    assert newsitem("convert", "--from", "json", "in.json", "--out", "out", cwd=tmp_path) == (
        0,
        "",
        "convert: wrote 1 file to out\n",
    )
    written = tmp_path / "out" / name_for(0, "https://example.com/a")
    assert written.read_text() == (
        "---\n"
        'title: "Port deal"\n'
        "publishedDateTime: 2024-03-11T09:15:00Z\n"
        'webUrl: "https://example.com/a"\n'
        "type: article\n"
        "\n"
        "provider:\n"
        "  name: Ledger\n"
        "  domain: ledger.com\n"
        "\n"
        "topics:\n"
        "  - AI\n"
        "---\n"
        "\n"
    )


def test_round_trip_gives_the_same_json(tmp_path: Path) -> None:
    """Items to JSON Lines, to files, to JSON again: the same objects, every example."""
    first = newsitem("convert", "--to", "json", str(ROOT / "examples" / "valid"), cwd=tmp_path)
    assert first.status == 0
    write(tmp_path, {"all.jsonl": first.out})
    done = newsitem("convert", "--from", "json", "all.jsonl", "--out", "out", cwd=tmp_path)
    assert done == (0, "", "convert: wrote 7 files to out\n")
    again = newsitem("convert", "--to", "json", "out", cwd=tmp_path)
    assert again.status == 0
    assert [json.loads(line) for line in again.out.splitlines()] == [
        json.loads(line) for line in first.out.splitlines()
    ]
    assert newsitem("check", "out", cwd=tmp_path).status == 0


BING_ANSWER = {
    "_type": "News",
    "value": [
        {
            "name": "Port deal signed",
            "url": "https://www.contoso.com/port",
            "description": "The port signs a deal.",
            "datePublished": "2020-08-15T15:55:00.0000000Z",
            "category": "Business",
            "headline": True,
            "provider": [
                {
                    "_type": "Organization",
                    "name": "Contoso News",
                    "image": {"thumbnail": {"contentUrl": "https://www.bing.com/th?id=AR_1"}},
                }
            ],
            "image": {
                "thumbnail": {
                    "contentUrl": "https://www.bing.com/th?id=ON.1",
                    "width": 700,
                    "height": 367,
                }
            },
            "clusteredArticles": [
                {
                    "name": "Another view",
                    "url": "https://fabrikam.com/view",
                    "datePublished": "2020-08-15T16:00:00",
                    "provider": [{"_type": "Organization", "name": "Fabrikam"}],
                }
            ],
        }
    ],
}


def test_from_bing_news_articles(tmp_path: Path) -> None:
    """A Bing News answer: each article mapped to the format's keys, in the reference style."""
    write(tmp_path, {"answer.json": json.dumps(BING_ANSWER)})
    assert (
        newsitem(
            "convert",
            "--from",
            "json",
            "-",
            "--out",
            "o",
            cwd=tmp_path,
            stdin=json.dumps(BING_ANSWER),
        ).status
        == 0
    )
    written = tmp_path / "o" / name_for(0, "https://www.contoso.com/port")
    assert written.read_text() == (
        "---\n"
        "category: Business\n"
        'title: "Port deal signed"\n'
        'excerpt: "The port signs a deal."\n'
        "publishedDateTime: 2020-08-15T15:55:00Z\n"
        'webUrl: "https://www.contoso.com/port"\n'
        "type: article\n"
        "\n"
        "provider:\n"
        "  name: Contoso News\n"
        "  images:\n"
        '    - url: "https://www.bing.com/th?id=AR_1"\n'
        "\n"
        "related:\n"
        '  - title: "Another view"\n'
        "    publishedDateTime: 2020-08-15T16:00:00Z\n"
        '    webUrl: "https://fabrikam.com/view"\n'
        "    type: article\n"
        "    provider:\n"
        "      name: Fabrikam\n"
        "\n"
        "images:\n"
        '  - url: "https://www.bing.com/th?id=ON.1"\n'
        "    width: 700\n"
        "    height: 367\n"
        "---\n"
        "\n"
    )


def test_from_json_problems(tmp_path: Path) -> None:
    """Objects that do not fit are reported with their line and field; the rest are written."""
    lines = [
        json.dumps({"title": "A", "webUrl": "https://e.com/a"}),
        json.dumps({"title": "B", "webUrl": "/relative"}),
        json.dumps(["not", "an", "object"]),
    ]
    write(tmp_path, {"in.jsonl": "\n".join(lines) + "\n"})
    assert newsitem("convert", "--from", "json", "in.jsonl", "--out", "o", cwd=tmp_path) == (
        1,
        "",
        "in.jsonl:2: invalid-value webUrl: expected an absolute http or https URL with a host,"
        " got a string '/relative'\n"
        "in.jsonl:3: not-an-object expected a JSON object, got list\n"
        "convert: wrote 1 file to o\n",
    )
    assert [p.name for p in (tmp_path / "o").iterdir()] == [name_for(0, "https://e.com/a")]


def test_from_json_never_overwrites(tmp_path: Path) -> None:
    """A file already at the name is left as it is, and reported."""
    write(tmp_path, {"in.json": json.dumps([{"title": "A", "webUrl": "https://e.com/a"}])})
    name = name_for(0, "https://e.com/a")
    write(tmp_path, {f"o/{name}": "mine\n"})
    assert newsitem("convert", "--from", "json", "in.json", "--out", "o", cwd=tmp_path) == (
        1,
        "",
        f"in.json: file-exists [0]: o/{name} exists; it was left as it is\n"
        "convert: wrote 0 files to o\n",
    )
    assert (tmp_path / "o" / name).read_text() == "mine\n"


def test_from_json_that_does_not_parse(tmp_path: Path) -> None:
    """Text that is not JSON is reported at its line and column."""
    write(tmp_path, {"in.json": '{"title": "A",\n  "webUrl": }\n'})
    assert newsitem("convert", "--from", "json", "in.json", "--out", "o", cwd=tmp_path) == (
        1,
        "",
        "in.json:2:13: invalid-json not JSON: Expecting value\n",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "a.md"], "one of the arguments --to --from is required"),
        (["convert", "--to", "json"], "no PATH given"),
        (["convert", "--to", "json", "a.md", "--out", "o"], "--out goes with --from json"),
        (["convert", "--from", "json", "a.json"], "--from json needs --out DIR"),
        (
            ["convert", "--from", "json", "missing.json", "--out", "o"],
            "no such file: 'missing.json'",
        ),
        (["convert", "--to", "yaml", "a.md"], "argument --to: invalid choice: 'yaml'"),
    ],
)
def test_convert_usage_errors(tmp_path: Path, argv: list[str], message: str) -> None:
    """Wrong combinations of options exit 2 and say what is wrong."""
    status, out, err = newsitem(*argv, cwd=tmp_path)
    assert (status, out) == (2, "")
    assert message in err
