"""Loading, editing and dumping from many threads at once gives the results one thread gives."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsitem
from newsitem import NewsItemError, frontmatter

THREADS = 8
ITEMS = 200

# Front-matter shapes in the styles files come in; {n} is the item's number.
STYLES = [
    # the reference style
    '---\ncategory: news\ntitle: "Item {n}"\nwebUrl: "https://example.com/{n}"\n'
    "quality: {n}\nheat: -1\npublished: false\n\ntopics:\n  - AI\n  - Robotics\n---\n",
    # CRLF, a BOM and a comment
    "\ufeff---\r\n# feed item\r\ntitle: Item {n}   # plain\r\n"
    "webUrl: https://example.com/{n}\r\nquality: {n}\r\n---\r\nBody {n}\r\n",
    # flow collections, single quotes, four-space indentation
    "---\ntitle: 'Item {n}'\nwebUrl: https://example.com/{n}\ntags: [a, b, '{n}']\n"
    "provider:\n    name: P{n}\n    domain: p.io\nrelated: [{{title: R, webUrl: 'https://r.io/{n}'}}]\n---\n",
    # block scalars and a body with a rule
    "---\ntitle: Item {n}\nwebUrl: https://example.com/{n}\nexcerpt: >-\n  folded\n  {n}\n"
    "secured: |\n  line\n  {n}\n---\n# Heading\n\n---\n\ntext\n",
    # anchors and aliases (the libyaml route)
    "---\nbase: &b {{name: P{n}, domain: p.io}}\ntitle: Item {n}\n"
    "webUrl: https://example.com/{n}\nprovider: *b\n---\n",
    # a tab inside quotes (the pure-Python route) and timestamps with fractions
    '---\ntitle: "Item\t{n}"\nwebUrl: https://example.com/{n}\n'
    "publishedDateTime: 2024-01-02T03:04:05.0000000Z\nupdatedDateTime: ~\n---\n",
    # invalid: a duplicate key
    "---\ntitle: Item {n}\nwebUrl: https://example.com/{n}\ntitle: again\n---\n",
    # invalid: a value of the wrong type
    "---\ntitle: Item {n}\nwebUrl: https://example.com/{n}\nquality: lots\n---\n",
    # invalid: unclosed front matter
    "---\ntitle: Item {n}\n",
    # invalid: an unsupported tag
    "---\ntitle: !!python/name:os.system\nwebUrl: https://example.com/{n}\n---\n",
]


def _text(n: int) -> str:
    """Item ``n``: every other round of the styles has a tab in quotes, for the pure parser."""
    text = STYLES[n % len(STYLES)].format(n=n)
    if (n // len(STYLES)) % 2:
        fence_end = text.index("\n") + 1
        text = text[:fence_end] + 'route: "\t"\n' + text[fence_end:]
    return text


def _error(exc: NewsItemError) -> tuple[Any, ...]:
    return ("error", type(exc).__name__, exc.code, exc.line, exc.column)


def _work(n: int, folder: Path, slot: int) -> tuple[Any, ...]:
    """Everything one item goes through: loads, edits, dumps, and a load/dump of a file."""
    text = _text(n)
    try:
        item = newsitem.loads(text)
    except NewsItemError as exc:
        return _error(exc)
    unchanged = newsitem.dumps(item)
    if n % 3 == 0:  # some items are edited
        item.article.title = f"Edited {n}"
        item.article.quality = n * 2
        item.body = f"New body {n}\n"
    edited = newsitem.dumps(item)
    again = newsitem.loads(edited)
    doc = frontmatter.loads(text)
    doc.data["pipeline"] = {"run": n, "ok": True}
    doc_text = frontmatter.dumps(doc)
    written = b""
    if n % 4 == 0:  # and some go through a file (each write is synced to disk: slow)
        path = folder / f"{slot}.md"
        path.write_text(text, encoding="utf-8", newline="")
        on_disk = newsitem.load(path)
        on_disk.article.heat = n
        newsitem.dump(on_disk, path)
        written = path.read_bytes()
    return (
        unchanged == text,
        edited,
        again.article.title,
        again.article.quality,
        doc_text,
        frontmatter.loads(doc_text).data["pipeline"],
        written,
    )


def test_styles_cover_valid_and_invalid_items() -> None:
    """The sample holds items that load and items that fail, so both paths run in threads."""

    def kind(n: int) -> str:
        try:
            newsitem.loads(_text(n))
        except NewsItemError as exc:
            return type(exc).__name__
        return "ok"

    assert {kind(n) for n in range(len(STYLES))} == {
        "ok",
        "DuplicateKeyError",
        "ValidationError",
        "FrontMatterError",
        "UnsupportedTagError",
    }


def test_concurrent_load_edit_dump_matches_sequential(tmp_path: Path) -> None:
    """8 threads x 200 items, in shuffled order, give exactly the single-threaded results."""
    sequential_folder = tmp_path / "sequential"
    sequential_folder.mkdir()
    expected = [_work(n, sequential_folder, n) for n in range(ITEMS)]
    for n, result in enumerate(expected):
        if result[0] != "error":
            assert result[0] is True  # the unchanged item round-tripped
            if n % 3 == 0:
                assert (result[2], result[3]) == (f"Edited {n}", n * 2)
            assert result[5] == {"run": n, "ok": True}

    threaded_folder = tmp_path / "threaded"
    threaded_folder.mkdir()
    tasks = [n for n in range(ITEMS) for _ in range(THREADS)]
    random.Random(8).shuffle(tasks)
    start = threading.Barrier(THREADS)

    def run(worker: int) -> list[tuple[int, tuple[Any, ...]]]:
        start.wait()
        mine = tasks[worker::THREADS]
        return [(n, _work(n, threaded_folder, worker * len(tasks) + i)) for i, n in enumerate(mine)]

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = [pair for chunk in pool.map(run, range(THREADS)) for pair in chunk]

    assert len(results) == ITEMS * THREADS
    mismatches = [n for n, result in results if result != expected[n]]
    assert mismatches == []


@pytest.mark.parametrize(
    "extra", ["", 'zz: "\t"\n', "zz: &a 1\n"], ids=["plain", "pure", "libyaml"]
)
def test_concurrent_errors_keep_their_positions(extra: str) -> None:
    """Errors raised in many threads at once each carry their own text's position."""

    def text(n: int) -> str:
        keys = "".join(f"k{i}: 1\n" for i in range(n))
        return f"---\n{keys}{extra}title: x\ntitle: y\n---\n"

    def position(n: int) -> tuple[Any, ...]:
        try:
            frontmatter.loads(text(n))
        except NewsItemError as exc:
            return (type(exc).__name__, exc.line, exc.column, getattr(exc, "first_line", None))
        return ("no error",)

    numbers = list(range(40)) * 5
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        found = list(pool.map(position, numbers))
    # After the fence, n keys and the extra line: the first title is on line 2 + n (+ 1).
    shift = 1 if extra else 0
    assert found == [("DuplicateKeyError", 3 + n + shift, 1, 2 + n + shift) for n in numbers]
