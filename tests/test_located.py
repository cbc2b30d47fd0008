"""Positions recorded at load (``_located``) are the source tree's, value for value.

A document read for lint records where each value was written in the parse
that reads the values, instead of composing the source tree. Both must give
the same ``position`` and ``comment`` for every path: every value of every
fixture, example and corpus file, paths that go past the file, and steps of
the wrong type.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsitem import _yaml, frontmatter
from newsitem.errors import NewsItemError
from newsitem.limits import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
OWN = sorted(
    [
        *(ROOT / "tests" / "fixtures" / "frontmatter" / "valid").glob("*.md"),
        *(ROOT / "examples" / "valid").glob("*.md"),
    ]
)

# Written for this test: the shapes where a position is not simply a scalar's start.
SHAPES = {
    "empty values": "---\na:\nb: \nc:   # why\nlist:\n- \n-\n- x\n---\n",
    "block scalars": "---\nbody: |  # keep\n  one\n  two\nnext: >-\n  folded\n---\n",
    "nested blocks": (
        "---\nm:\n  n:\n    - a\n    - b: 1\n      c: [x, {y: z}]  # flow\nend: 1\n---\n"
    ),
    "flow at the top": "---\n{a: 1, b: [2, 3]}\n---\n",
    "anchors": (
        "---\np: &p {name: N, domain: d.com}\nq: *p  # alias\nr: &s [1, &t two]\nu: *t\n---\n"
    ),
    "a mapping anchored": "---\nbase: &b\n  x: 1\n  y: 2\nother: *b\n---\n",
    "crlf": "---\r\ntitle: T  # c\r\nlist:\r\n  - a\r\n  - b\r\nm: {k: v}\r\n---\r\n",
    "lone cr": "---\rtitle: T  # c\rm:\r  k: v\r---\r",
    "numbers as keys": "---\n1: one\n2.5: half\nfalse: no\nnull: nothing\n---\n",
    "explicit key": "---\n? a\n: 1\n? b\n:\nc: 3\n---\n",
    "tags": "---\na: !!str 1\nb: !!int '2'\nc: ! x\n---\n",
    "a complex key": "---\n[a, b]: 1\nc: 2\n---\n",
    "a flow pair": "---\nlist: [a: 1, b]\nm: {[x]: y}\n---\n",
    "keys in a sequence": "---\nlist:\n- 'a': 1\n  b: 2\n- \"c\": [3]\n---\n",
    "only comments": "---\n# nothing\n---\n",
    "empty": "---\n---\n",
    "quoted keys": "---\n'a b': 1\n\"c\": {'d': [e]}\n---\n",
    "multi-line plain": "---\ntitle: one\n  two\n  three  # c\nx: 1\n---\n",
    "a quoted key under a key": "---\nm:\n  'k': v  # k\n  l: w\nn: &a\n  \"o\": p\nq: *a\n---\n",
    "kept block scalars": "---\na: |+\n  x\n\nb: y  # b\nc: >+  # c\n  z\r\n\r\nd: 1  # d\n---\n",
}


def paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into ``value``, and beside each some that go past it or miss."""
    yield path
    yield (*path, "no such key")
    yield (*path, 0)
    yield (*path, True)
    if isinstance(value, dict):
        for key, inner in value.items():  # pyright: ignore[reportUnknownVariableType]
            yield from paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):  # pyright: ignore[reportUnknownVariableType]
            yield from paths(inner, (*path, index))
        yield (*path, len(value))  # pyright: ignore[reportUnknownArgumentType]
        yield (*path, -1)


def differences(text: str) -> tuple[list[str], bool]:
    """Where the recorded positions and the tree's differ; whether the record was used."""
    try:
        tree = frontmatter.loads(text)
        tree._tree()  # pyright: ignore[reportPrivateUsage] - the reference: the source tree's
    except NewsItemError:
        with pytest.raises(NewsItemError):
            frontmatter.typed_loads(text, DEFAULT_LIMITS, located=True)
        return [], False
    located = frontmatter.typed_loads(text, DEFAULT_LIMITS, located=True)
    used = located._located is not None  # pyright: ignore[reportPrivateUsage]
    found: list[str] = []
    assert located.data == tree.data
    for path in paths(tree.data):
        for what in ("position", "comment"):
            want = getattr(tree, what)(path)
            got = getattr(located, what)(path)
            if got != want:
                found.append(f"{what}{path!r}: {got!r} != {want!r}")
    built = located._root is not None  # pyright: ignore[reportPrivateUsage]
    assert built != used  # the record, or else the tree: never both
    return found, used


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shapes(name: str) -> None:
    """Each written shape gives the tree's positions and comments, from the record."""
    found, used = differences(SHAPES[name])
    assert found == []
    # A collection as a key is the one shape the record leaves to the tree.
    assert used == (name not in ("a complex key", "a flow pair"))


def test_own_files() -> None:
    """Every fixture and example: the same positions, all from the record."""
    unused = []
    for path in OWN:
        text = path.read_bytes().decode("utf-8")
        found, used = differences(text)
        assert found == [], path.name
        if not used:
            unused.append(path.name)
    assert unused == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_corpus() -> None:
    """Every corpus file that reads: the same positions; the record serves nearly all."""
    files = sorted(path for path in CORPUS.rglob("*") if path.is_file() and path.suffix != ".json")
    used = 0
    for path in files:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        found, with_record = differences(text)
        assert found == [], path
        used += with_record
    assert used > 0.95 * len(files)


SEEDS = [*SHAPES.values(), *(path.read_text(encoding="utf-8") for path in OWN[:20])]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A seed text with a few characters inserted, deleted or replaced: often invalid."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 2))
        insert = draw(st.text(st.sampled_from(list(" \t\n\r:#-?,[]{}&*!|>'\"ab1")), max_size=3))
        text = text[:at] + insert + text[at + cut :]
    return text


@settings(max_examples=500)
@given(mutated())
def test_mutated_texts(text: str) -> None:
    """Mutated texts: both refuse, or both read the same values at the same places."""
    found, _ = differences(text)
    assert found == []


@pytest.mark.parametrize("tree", [False, True])
def test_a_kept_block_scalar_has_not_the_comment_of_the_next_line(tree: bool) -> None:
    """``|+`` keeps its line breaks: the next line, and its comment, are another value's."""
    text = "---\nkept: |+\n  k\n\nend: x  # end\nlast: >+  # last\n  l\r\n\r\nz: 1  # z\n---\n"
    document = frontmatter.loads(text)
    if tree:
        document._tree()  # pyright: ignore[reportPrivateUsage]
    assert document.comment(("kept",)) is None
    assert document.comment(("end",)) == "end"
    assert document.comment(("last",)) == "last"
    assert document.comment(("z",)) == "z"


@pytest.mark.parametrize("tree", [False, True])
def test_a_flow_pair_has_the_comment_of_its_value_s_line(tree: bool) -> None:
    """A flow pair (``[p: v]``) ends with its value, an empty one right after its
    ``:``; a mapping in braces ends at its ``}``: the comment is on that line.
    """
    text = (
        "---\npair: [p:  # one\n  , q]  # end\nbare: [p:\n  , q]  # two\n"
        "filled: [p: v  # three\n  ]\nbraces: {q: 1, p:  # four\n  }  # five\n---\n"
    )
    document = frontmatter.loads(text)
    if tree:
        document._tree()  # pyright: ignore[reportPrivateUsage]
    assert document.comment(("pair", 0)) == "one"
    assert document.comment(("pair", 0, "p")) == "one"
    assert document.comment(("pair", 1)) == "end"
    assert document.comment(("bare", 0)) is None
    assert document.comment(("bare", 1)) == "two"
    assert document.comment(("filled", 0)) == "three"
    assert document.comment(("filled",)) is None
    assert document.comment(("braces",)) == "five"
    assert document.comment(("braces", "p")) == "four"


def test_a_document_read_for_values_records_offsets_on_need(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first position of a values-only document records offsets; no tree is composed."""
    text = "---\r\ntitle: A  # keep\r\nlist:\r\n  - x\r\n  - {k: v}\r\n---\r\nBody\r\n"
    document = frontmatter.loads(text)
    composed: list[str] = []
    monkeypatch.setattr(_yaml, "compose", lambda *args, **kwargs: composed.append("x"))
    assert document.position(("list", 1, "k")) == (5, 9)
    assert document.position(("list", 7)) == (4, 3)  # past the file: the list, at its "-"
    assert document.comment(("title",)) == "keep"
    assert document.position(()) == (2, 1)
    assert composed == []
    assert document._root is None  # pyright: ignore[reportPrivateUsage]
