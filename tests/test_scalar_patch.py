"""Top-level scalars changed in a typed item are patched without composing the source tree.

The shortcut finds the ``key: value`` line by its text, and is trusted only once
the patched text is read back and holds the edited data. These tests hold it to
the full route's very text on every example and many values, and show that
whatever it cannot be sure of goes the full route.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import newsitem
from newsitem import _edit, frontmatter
from newsitem.models import NewsModel

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "valid").glob("*.md"))
CORPUS = Path(os.environ.get("NEWSITEM_CORPUS") or ROOT / ".." / "shared" / "corpus")
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402  (benchmarks/ is not a package: on the path just above)

VALUES: dict[str, list[Any]] = {
    "title": ["Plain words", "Needs: quotes", 'Has "double" quotes', "It's", "", "a #b", "x\ny"],
    "excerpt": ["Short", "- leading dash", "true", "12"],
    "category": ["sport", "Two words"],
    "quality": [0, 7, 1234],
    "heat": [-5, 3],
    "published": [True, False],
    "publishedDateTime": [
        datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
        datetime(2025, 1, 2, 3, 4, 5, 120000, tzinfo=timezone(timedelta(hours=2))),
    ],
}
ATTRIBUTES = {"publishedDateTime": "published_date_time"}


class _Page(NewsModel):
    """Any front matter with a title: the pages of the corpus."""

    title: str | None = None


def _both_routes(
    text: str, change: Callable[[newsitem.NewsItem[Any]], None], model: type[Any] = newsitem.Article
) -> tuple[str, str]:
    """The text written after ``change``, by the shortcut and by the full route."""
    outputs: list[str] = []
    for patch in (True, False):
        item = newsitem.loads(text, model=model)
        change(item)
        previous = frontmatter.FrontMatterDocument._PATCH_SCALARS  # pyright: ignore[reportPrivateUsage]
        frontmatter.FrontMatterDocument._PATCH_SCALARS = patch  # pyright: ignore[reportPrivateUsage]
        try:
            outputs.append(newsitem.dumps(item))
        finally:
            frontmatter.FrontMatterDocument._PATCH_SCALARS = previous  # pyright: ignore[reportPrivateUsage]
    return outputs[0], outputs[1]


def _edits(text: str) -> list[tuple[str, Any]]:
    data = frontmatter.loads(text).data
    return [(key, value) for key, values in VALUES.items() if key in data for value in values]


def _set(key: str, value: Any) -> Callable[[newsitem.NewsItem[Any]], None]:
    def change(item: newsitem.NewsItem[Any]) -> None:
        setattr(item.article, ATTRIBUTES.get(key, key), value)

    return change


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_shortcut_writes_the_full_routes_text_on_every_example(path: Path) -> None:
    text = path.read_bytes().decode()
    edits = _edits(text)
    assert edits
    for key, value in edits:
        patched, full = _both_routes(text, _set(key, value))
        assert patched == full, (key, value)
        again = newsitem.loads(patched)
        assert getattr(again.article, ATTRIBUTES.get(key, key)) == value


def test_the_shortcut_writes_the_full_routes_text_on_generated_items() -> None:
    for text in synth.corpus(60, seed=7):
        for key, value in _edits(text)[::3]:
            patched, full = _both_routes(text, _set(key, value))
            assert patched == full, (text, key, value)


def test_the_shortcut_writes_the_full_routes_text_on_the_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    checked = 0
    for path in sorted(CORPUS.rglob("*.md")):
        try:
            text = path.read_bytes().decode()
            title = newsitem.loads(text, model=_Page).article.title
        except (newsitem.NewsItemError, UnicodeDecodeError):
            continue
        if title is None:
            continue
        for value in ("New title", "New: title", ""):
            patched, full = _both_routes(text, _set("title", value), _Page)
            assert patched == full, (path, value)
            checked += 1
    assert checked > 0


def _both_routes_schema_free(text: str, key: str, value: Any) -> tuple[str, str]:
    outputs: list[str] = []
    for patch in (True, False):
        doc = frontmatter.loads(text)
        doc.data[key] = value
        previous = frontmatter.FrontMatterDocument._PATCH_SCALARS  # pyright: ignore[reportPrivateUsage]
        frontmatter.FrontMatterDocument._PATCH_SCALARS = patch  # pyright: ignore[reportPrivateUsage]
        try:
            outputs.append(frontmatter.dumps(doc))
        finally:
            frontmatter.FrontMatterDocument._PATCH_SCALARS = previous  # pyright: ignore[reportPrivateUsage]
    return outputs[0], outputs[1]


def test_the_schema_free_layer_writes_the_full_routes_text() -> None:
    texts = [p.read_bytes().decode() for p in EXAMPLES] + synth.corpus(30, seed=11)
    for text in texts:
        for key, value in _edits(text)[::2]:
            patched, full = _both_routes_schema_free(text, key, value)
            assert patched == full, (text, key, value)
            assert frontmatter.loads(patched).data[key] == value


def test_the_schema_free_layer_takes_the_full_route_for_other_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object) -> object:
        raise AssertionError("the shortcut was tried for a change it does not cover")

    monkeypatch.setattr(_edit, "patch_scalars", fail)
    text = "---\ntitle: T\ntags: [a]\nn: 1\n---\n"
    for change, expected in [
        (lambda d: d["tags"].append("b"), "---\ntitle: T\ntags: [a, b]\nn: 1\n---\n"),
        (lambda d: d.pop("n"), "---\ntitle: T\ntags: [a]\n---\n"),
        (lambda d: d.update(m=2), "---\ntitle: T\ntags: [a]\nn: 1\nm: 2\n---\n"),
        (lambda d: d.update(title=["x"]), "---\ntitle:\n  - x\ntags: [a]\nn: 1\n---\n"),
    ]:
        doc = frontmatter.loads(text)
        change(doc.data)
        assert frontmatter.dumps(doc) == expected
    unchanged = frontmatter.loads(text)
    unchanged.data["n"] = 1  # the same value: nothing to patch
    assert frontmatter.dumps(unchanged) is text


TRICKY = [
    # a plain title going on over an indented line: found, and left to the full route
    "---\ntitle: A long\n  title\nwebUrl: https://e.com/a\n---\n",
    "---\ntitle: A long\n\n  title\nwebUrl: https://e.com/a\n---\n",
    # an anchor on the title, an alias to it elsewhere
    "---\ntitle: &t Anchored\nwebUrl: https://e.com/a\nalso: *t\n---\n",
    # a quoted key, a tagged value, a block scalar, a multi-line quoted one
    '---\n"title": Quoted key\nwebUrl: https://e.com/a\n---\n',
    "---\ntitle: !!str Tagged\nwebUrl: https://e.com/a\n---\n",
    "---\ntitle: |\n  Block\nwebUrl: https://e.com/a\n---\n",
    '---\ntitle: "Two\n  lines"\nwebUrl: https://e.com/a\n---\n',
    # "title:" inside another value, at the start of a line of its own
    "---\nnote: |\n  title: not this one\ntitle: This one\nwebUrl: https://e.com/a\n---\n",
    # comments and trailing spaces after the value; lone-CR and CRLF lines
    "---\ntitle: 'Single'   # keep\nwebUrl: https://e.com/a\n---\n",
    "---\rtitle: Lone CR  \rwebUrl: https://e.com/a\r---\rbody\r",
    '---\r\ntitle: "CRLF"\r\nwebUrl: https://e.com/a\r\n---\r\n',
    # a flow mapping as the front matter
    "---\n{title: Flow, webUrl: 'https://e.com/a'}\n---\n",
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("title", ["New", "New: with colon", "x # y", "multi\nline"])
def test_tricky_texts_write_the_full_routes_text(text: str, title: str) -> None:
    patched, full = _both_routes(text, _set("title", title))
    assert patched == full
    assert newsitem.loads(patched).article.title == title
    patched, full = _both_routes_schema_free(text, "title", title)
    assert patched == full
    assert frontmatter.loads(patched).data["title"] == title


def test_the_line_is_found_only_where_it_is_certain() -> None:
    top = _edit._top_scalar  # pyright: ignore[reportPrivateUsage]
    assert top("a: 1\ntitle: 'x'  # c\n", "title") == (12, 15, "'")
    assert top('title: "a \\" b"\n', "title") == (7, 15, '"')
    assert top("title: plain words  \nnext: 1\n", "title") == (7, 18, None)
    assert top("title: a\n  b\n", "title") is None  # may go on
    assert top("title: a\n  # a comment\nb: 1\n", "title") == (7, 8, None)
    assert top("title: a\ntitle: b\n", "title") is None  # twice
    assert top("  title: a\n", "title") is None  # not at the top level
    assert top("title: &x a\n", "title") is None
    assert top("title: [a]\n", "title") is None
    assert top('title: "a\\\n  b"\n', "title") is None  # an escaped line break
    assert top("title: 'a' b\n", "title") is None  # junk after the quote: no guess
    assert top("titles: a\n", "title") is None


def test_a_patch_that_does_not_read_back_goes_the_full_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "---\ntitle: Old\nwebUrl: https://e.com/a\nquality: 3\n---\n"
    item = newsitem.loads(text)
    item.article.title = "New"
    # A shortcut gone wrong (it changes another value too): the read-back refuses it.
    monkeypatch.setattr(
        _edit,
        "patch_scalars",
        lambda yaml, old, changes: yaml.replace("Old", "New").replace("3", "4"),
    )
    assert newsitem.dumps(item) == "---\ntitle: New\nwebUrl: https://e.com/a\nquality: 3\n---\n"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda a: a.topics.append("B"), "topics:\n  - A\n  - B\n"),
        (lambda a: setattr(a, "locale", "en-GB"), "topics:\n  - A\nlocale: en-GB\n"),
        (lambda a: delattr(a, "quality"), "topics:\n  - A\n"),
        (lambda a: setattr(a.provider, "name", "Q"), "provider:\n  name: Q\n"),
    ],
    ids=["a list", "a new key", "a removed key", "a nested scalar"],
)
def test_changes_beyond_top_level_scalars_take_the_full_route(
    change: Callable[[Any], None], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "---\ntitle: T\nwebUrl: https://e.com/a\nquality: 3\n"
        "provider:\n  name: P\ntopics:\n  - A\n---\n"
    )
    item = newsitem.loads(text)
    item.article.title = "U"  # with a top-level scalar as well
    change(item.article)

    def fail(*args: object) -> object:
        raise AssertionError("the shortcut was tried for a change it does not cover")

    monkeypatch.setattr(_edit, "patch_scalars", fail)
    written = newsitem.dumps(item)
    assert written.startswith("---\ntitle: U\n")
    assert expected in written
    again = newsitem.loads(written)
    assert again.article.model_dump() == item.article.model_dump()
