"""Property tests over the whole pipeline: bytes in, one of two outcomes out.

Any input either loads or raises a ``NewsItemError``; whatever loads dumps
back byte for byte; an edit dumps to a text that reads back as the edit.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
from pathlib import Path
from typing import Any

import pytest
from _hostile import item_text, same
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsitem
from newsitem import EditError, NewsItemError, frontmatter

# NEWSITEM_HYPOTHESIS_EXAMPLES=5000 for a longer run than the suite's.
SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSITEM_HYPOTHESIS_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
SEED_FILES = sorted(
    [
        *(TESTS / "fixtures" / "frontmatter" / "valid").glob("*.md"),
        *(ROOT / "examples" / "valid").glob("*.md"),
        *(ROOT / "fuzz" / "seeds").glob("*.md"),
    ]
)
SEEDS: list[bytes] = [path.read_bytes() for path in SEED_FILES] + [item_text().encode()]

# Fragments that mean something to YAML or to the fences, for insertions.
TOKENS = [
    b"---\n",
    b"---",
    b"...\n",
    b"\n",
    b"\r\n",
    b"\r",
    b": ",
    b":",
    b"- ",
    b"? ",
    b"  ",
    b"\t",
    b"#",
    b"&a ",
    b"*a",
    b"!!str ",
    b"!foo ",
    b"!!python/name:os.system ",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b"'",
    b'"',
    b"\\",
    b"|",
    b">-",
    b"%TAG ! x\n",
    b"~",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xff",
    b"\xed\xa0\x80",
    b"\xc2\x85",
    b"2021-09-27T18:46:00Z",
    b"<<: ",
]


def _outcome(load: Any, source: Any) -> Any:
    """``load(source)``, or None for a NewsItemError; any other exception fails the test."""
    try:
        return load(source)
    except NewsItemError:
        return None


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid item with one to four byte or line mutations."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "lines"]))
        at = draw(st.integers(0, len(data)))
        if op == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=4)))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif op == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).splitlines(keepends=True)
            if len(lines) >= 2:
                i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
                how = draw(st.sampled_from(["swap", "duplicate", "drop", "move"]))
                if how == "swap":
                    lines[i], lines[j] = lines[j], lines[i]
                elif how == "duplicate":
                    lines.insert(j, lines[i])
                elif how == "drop":
                    del lines[i]
                else:
                    lines.insert(j, lines.pop(i))
                data = bytearray(b"".join(lines))
    return bytes(data)


def _fenced(body: bytes) -> bytes:
    return b"---\n" + body + b"\n---\n"


ARBITRARY = st.one_of(
    st.binary(max_size=200),
    st.binary(max_size=200).map(_fenced),
    st.lists(st.sampled_from([*TOKENS, b"a", b"b", b"1", b"x y"]), max_size=30)
    .map(b"".join)
    .map(_fenced),
)


def _check_bytes(data: bytes) -> None:
    """``data`` through every loader: loaded (and then round-tripped) or a NewsItemError."""
    doc = _outcome(frontmatter.load, io.BytesIO(data))
    item = _outcome(newsitem.load, io.BytesIO(data))
    text = data.decode("utf-8", "replace")
    doc_from_text = _outcome(frontmatter.loads, text)
    item_from_text = _outcome(newsitem.loads, text)
    if doc is not None:
        assert frontmatter.dumps(doc).encode("utf-8") == data
        assert item is None or newsitem.dumps(item).encode("utf-8") == data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:  # the same text from bytes or from str: the same verdict
        assert (doc is None) == (doc_from_text is None)
    if doc_from_text is not None:
        assert frontmatter.dumps(doc_from_text) == text
    if item_from_text is not None:
        assert newsitem.dumps(item_from_text) == text


@SETTINGS
@given(ARBITRARY)
@example(b"")
@example(b"---\n---\n")
@example(b"---\r\n\xff\r\n---\r\n")
def test_arbitrary_bytes_load_or_raise_newsitem_error(data: bytes) -> None:
    """Arbitrary bytes either load and round-trip, or raise a NewsItemError: nothing else."""
    _check_bytes(data)


@SETTINGS
@given(mutated())
def test_mutated_items_load_or_raise_newsitem_error(data: bytes) -> None:
    """Valid items with bytes inserted, deleted or replaced and lines moved: same two outcomes."""
    _check_bytes(data)


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_every_seed_round_trips(path: Path) -> None:
    """The seeds the mutations start from load and round-trip, so mutations test something."""
    data = path.read_bytes()
    assert frontmatter.dumps(frontmatter.load(io.BytesIO(data))).encode() == data


# -- edits ---------------------------------------------------------------------

TRICKY = [
    "",
    " ",
    "yes",
    "no",
    "null",
    "~",
    "123",
    "0x1F",
    "1e3",
    ".inf",
    "2021-09-27",
    "2021-09-27T18:46:00Z",
    "a: b",
    "- x",
    "#x",
    "x #y",
    "'",
    '"',
    "\\",
    "---",
    "...",
    "[x]",
    "{x}",
    "&a",
    "*a",
    "!x",
    "%x",
    "@x",
    "`x",
    "line\nbreak",
    "trailing\n",
    "\n",
    "\ttab",
    "café ™ 漢字 😀",
    "\x85",
    "\u2028",
    "\ufeff",
    "x" * 200,
]

OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
PLAIN_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
SCALARS = st.one_of(
    st.sampled_from(TRICKY),
    PLAIN_TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
    # Years before 1000 are left to test_datetime_before_year_1000_can_be_written.
    st.datetimes(min_value=dt.datetime(1000, 1, 1), timezones=OFFSETS),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "title", "x y", "1"]), children, max_size=3),
    ),
    max_leaves=6,
)
EDITABLE = [text for text in SEEDS if _outcome(frontmatter.loads, text.decode()) is not None]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key and index path into ``value`` (mappings with string keys, and lists)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            if isinstance(key, str):
                found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@SETTINGS
@given(seed=st.sampled_from(EDITABLE), choice=st.integers(0, 10**6), value=VALUES, data=st.data())
def test_random_edits_read_back_as_made(seed: bytes, choice: int, value: Any, data: Any) -> None:
    """Setting any value at any place (or under a new key) reads back as exactly that data."""
    doc = frontmatter.loads(seed.decode())
    paths = _paths(doc.data)
    new_key = data.draw(st.booleans()) or not paths
    if new_key:
        _set(doc.data, ("added key",), value)
    else:
        _set(doc.data, paths[choice % len(paths)], value)
    expected = doc.data
    try:
        text = frontmatter.dumps(doc)
    except EditError:
        pytest.fail(f"a plain value could not be written: {value!r}")
    again = frontmatter.loads(text)
    assert same(again.data, expected)
    assert again.body == doc.body
    assert frontmatter.dumps(again) == text


ITEM_SEEDS = [text.decode() for text in EDITABLE if _outcome(newsitem.loads, text.decode())]


@SETTINGS
@given(
    seed=st.sampled_from(ITEM_SEEDS),
    title=PLAIN_TEXT.filter(str.strip) | st.sampled_from(TRICKY),
    quality=st.none() | st.integers(-(10**9), 10**9),
    published=st.none() | st.booleans(),
    topics=st.none() | st.lists(PLAIN_TEXT | st.sampled_from(TRICKY), max_size=4),
    extra=VALUES,
)
def test_random_typed_edits_read_back_as_made(
    seed: str, title: str, quality: int | None, published: bool | None, topics: Any, extra: Any
) -> None:
    """Typed edits of an item (fields and an extra key) read back as the values set."""
    item = newsitem.loads(seed)
    item.article.title = title
    item.article.quality = quality
    item.article.published = published
    item.article.topics = topics
    item.article.pipeline = extra  # an extra key, kept as a plain value
    again = newsitem.loads(newsitem.dumps(item))
    assert again.article.title == title
    assert (again.article.quality, again.article.published, again.article.topics) == (
        quality,
        published,
        [] if topics is None else topics,  # a null list reads as an empty one
    )
    assert same(again.article.model_extra["pipeline"], extra)


# -- edits of extra values that must not be lost --------------------------------


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


@pytest.mark.parametrize(
    ("written", "new"),
    [
        pytest.param(".nan", None, id="nan-to-null"),
        pytest.param(".inf", float("-inf"), id="inf-to-minus-inf"),
        pytest.param(".inf", float("nan"), id="inf-to-nan"),
        pytest.param("2021-09-27T18:46:00Z", "2021-09-27T18:46:00Z", id="datetime-to-string"),
        pytest.param("2021-09-27", "2021-09-27", id="date-to-string"),
        pytest.param("{1: a}", {"1": "a"}, id="int-key-to-string-key"),
    ],
)
def test_edit_of_an_extra_value_is_not_lost(written: str, new: Any) -> None:
    """Changing an extra value to one JSON would write the same way is still a change."""
    item = newsitem.loads(f"---\ntitle: t\nwebUrl: https://e.com/\nextra: {written}\n---\n")
    item.article.extra = new
    again = newsitem.loads(newsitem.dumps(item)).article.model_extra["extra"]
    if _is_nan(new):
        assert _is_nan(again)
    else:
        assert same(again, new), f"{again!r} != {new!r}"


# -- what the edit properties found ---------------------------------------------


def test_datetime_before_year_1000_can_be_written() -> None:
    """A datetime in year 999 is written as ``0999-...`` and reads back as the same datetime."""
    doc = frontmatter.loads("---\na: 1\n---\n")
    doc.data["a"] = dt.datetime(999, 1, 1, tzinfo=dt.timezone.utc)
    text = frontmatter.dumps(doc)
    assert text == "---\na: 0999-01-01T00:00:00Z\n---\n"


@pytest.mark.parametrize(
    ("value", "written"),
    [([], ": []\n"), (["a"], ":\n  - a\n"), ({"b": 1}, ":\n  b: 1\n")],
    ids=["empty-list", "list", "mapping"],
)
def test_value_of_an_explicit_key_can_become_a_list(value: Any, written: str) -> None:
    """``? k`` / ``: v`` entries take a list or mapping value like any other entry."""
    doc = frontmatter.loads("---\n? complex\n: value\nz: 1\n---\n")
    doc.data["complex"] = value
    text = frontmatter.dumps(doc)
    assert text == f"---\n? complex\n{written}z: 1\n---\n"
    assert same(frontmatter.loads(text).data, {"complex": value, "z": 1})


@pytest.mark.parametrize(
    ("value", "written"),
    [
        pytest.param({"a": 1, "b": 2}, "-   a: 1\n    b: 2\n", id="mapping"),
        pytest.param(["x", "y"], "-   - x\n    - y\n", id="list"),
    ],
)
def test_item_after_a_wide_dash_can_become_a_mapping(value: Any, written: str) -> None:
    """An item written ``-   a`` (three spaces) can be replaced by a block mapping or list."""
    doc = frontmatter.loads("---\nl:\n-   a\n---\n")
    doc.data["l"][0] = value
    text = frontmatter.dumps(doc)
    assert same(frontmatter.loads(text).data, {"l": [value]})
    assert text == "---\nl:\n" + written + "---\n"


@pytest.mark.parametrize("style", ["|+", ">+"])
@pytest.mark.parametrize(
    ("value", "written"), [(None, "null"), (1, "1"), ([], "[]")], ids=["null", "int", "list"]
)
@pytest.mark.parametrize("after", ["b: y\n", ""], ids=["before-a-key", "last"])
def test_keep_chomping_block_scalar_can_become_another_value(
    style: str, value: Any, written: str, after: str
) -> None:
    """A ``|+`` or ``>+`` value replaced by a non-string keeps the next line on its own line."""
    # Found as: in the middle, an EditError; as the last value, dumps wrote
    # "a: null---", a file that no longer has a closing fence.
    doc = frontmatter.loads(f"---\na: {style}\n  keep me\n{after}---\n")
    doc.data["a"] = value
    assert frontmatter.dumps(doc) == f"---\na: {written}\n{after}---\n"


@pytest.mark.parametrize(
    ("value", "written"), [([], "[]"), ([1], "[1]"), ({"k": 1}, "{k: 1}")], ids=str
)
def test_empty_flow_value_can_become_a_collection(value: Any, written: str) -> None:
    """``{a: , b: ~}``: the empty value of ``a`` can be set to a flow list or mapping."""
    doc = frontmatter.loads("---\nm: {a: , b: ~}\n---\n")
    doc.data["m"]["a"] = value
    text = frontmatter.dumps(doc)
    assert same(frontmatter.loads(text).data, {"m": {"a": value, "b": None}})
    assert text == f"---\nm: {{a: {written} , b: ~}}\n---\n"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("new\n\n", "|+\n  new\n\n"),
        ("new\n", "|\n  new\n"),
        ("one line", "|-\n  one line\n"),
    ],
    ids=["keep", "clip", "strip"],
)
def test_keep_chomping_block_scalar_can_become_another_string(value: str, written: str) -> None:
    """A ``|+`` value set to another string takes the chomping the new string needs."""
    doc = frontmatter.loads("---\na: |+\n  keep me\n\nb: y\n---\n")
    doc.data["a"] = value
    assert frontmatter.dumps(doc) == f"---\na: {written}b: y\n---\n"
