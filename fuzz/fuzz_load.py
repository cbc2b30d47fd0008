"""Coverage-guided fuzz target (atheris) for the whole load/dump pipeline.

Each input is raw bytes, read as a file would be. The properties checked:

- reading never raises anything but a ``NewsItemError`` subclass, through
  ``frontmatter.load`` (bytes), ``frontmatter.loads`` (text) and
  ``newsitem.load``/``newsitem.loads`` (typed);
- a text that loads dumps back byte for byte, unchanged;
- where newsitem's parser and ruamel.yaml's both accept a text, they read
  the same nesting of mappings and lists (newsitem has one reader; the YAML
  test suite, not ruamel.yaml, judges what is valid, so a refusal by either
  is not a finding);
- an edit (a value picked from the input's own bytes, put at a key picked the
  same way) dumps to a text that reads back to exactly the edited values, or
  is refused with ``EditError``, never anything else.

Run it with the command in ``fuzz/README.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import sys
from typing import Any

import atheris

with atheris.instrument_imports(include=["newsitem", "ruamel"]):
    from ruamel.yaml import YAML

    import newsitem
    from newsitem import _io, _split, _yaml, errors, frontmatter

_RUAMEL = YAML(typ="safe", pure=True)

# Values an edit puts into a document: the awkward strings are the ones a
# renderer must quote, escape or refuse.
EDIT_VALUES: list[Any] = [
    "plain",
    "",
    " ",
    "yes",
    "null",
    "~",
    "123",
    "1.5",
    "2021-09-27T18:46:00Z",
    "a: b",
    "- x",
    "# not a comment",
    "'",
    '"',
    "\\",
    "line\nbreak",
    "trailing\n",
    "\ttab",
    "---",
    "...",
    "[x]",
    "{x}",
    "&a",
    "*a",
    "!tag",
    "%",
    "@",
    "`",
    "café ™ 漢字",
    "\u2028",
    "\x85",
    "\ufeff",
    "x" * 300,
    0,
    -1,
    10**30,
    1.5,
    float("inf"),
    float("nan"),
    True,
    False,
    None,
    [],
    {},
    ["a", 1, None],
    {"k": "v", "n": [1, 2]},
    dt.datetime(2021, 9, 27, 18, 46, tzinfo=dt.timezone.utc),
    dt.date(2021, 9, 27),
]

TITLES = ["New title", "", "yes", "a: b", "'\"", "line\nbreak", "x" * 200, "#hash", "é"]


def _by_key(mapping: dict[Any, Any]) -> dict[Any, Any]:
    """``mapping`` keyed by a type-strict image of each key; NaN keys equal each other."""
    return {
        ("nan",) if isinstance(key, float) and math.isnan(key) else (type(key), key): value
        for key, value in mapping.items()
    }


def same(left: Any, right: Any) -> bool:
    """Type-strict equality: ``True`` is not ``1``, ``1.0`` is not ``1``, NaN equals NaN.

    Key order is not compared: a mapping written over another keeps the
    file's order of the keys they share.
    """
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        left, right = _by_key(left), _by_key(right)
        return left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(map(same, left, right))
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, dt.datetime):
        return left == right and left.utcoffset() == right.utcoffset()
    return bool(left == right)


def _shape(value: Any) -> Any:
    """The nesting of ``value``: mappings and lists with their sizes, scalars as ``None``.

    The two parsers resolve some scalars differently (ruamel.yaml reads
    ``1_000`` and ``0b1`` as integers, timestamps as naive datetimes), so only
    the structure is compared.
    """
    if isinstance(value, dict):
        return ("map", [_shape(v) for v in value.values()])
    if isinstance(value, list):
        return ("seq", [_shape(v) for v in value])
    return None


def check_parsers(text: str) -> None:
    """Where ruamel.yaml and newsitem both accept the YAML of ``text``, the structure agrees."""
    try:
        _io.check(text)  # the public loaders refuse NUL and surrogates before any parser
        yaml = _split.split(text).yaml
        ours: Any = _yaml.compose(yaml, line_offset=1).data
    except errors.NewsItemError:
        return
    try:
        theirs = _RUAMEL.load(yaml)
    except Exception:  # any refusal of ruamel.yaml's is no finding here
        return
    if isinstance(theirs, dict):
        assert _shape(ours) == _shape(theirs), "newsitem and ruamel.yaml read different shapes"


def check_document(text: str, pick: atheris.FuzzedDataProvider) -> None:
    """``text`` loaded: it round-trips, and an edit reads back as made."""
    try:
        doc = frontmatter.loads(text)
    except errors.NewsItemError:
        return
    dumped = frontmatter.dumps(doc)
    assert dumped == text, "unchanged document does not round-trip"
    if not doc.data:
        key: Any = "added"
    else:
        keys = list(doc.data)
        key = keys[pick.ConsumeIntInRange(0, len(keys) - 1)] if pick.ConsumeBool() else "added"
    value = EDIT_VALUES[pick.ConsumeIntInRange(0, len(EDIT_VALUES) - 1)]
    doc.data[key] = value
    expected = dict(doc.data)
    try:
        edited = frontmatter.dumps(doc)
    except errors.EditError:
        return
    reread = frontmatter.loads(edited)
    assert same(reread.data, expected), f"edit of {key!r} to {value!r} read back differently"
    assert reread.body == doc.body


def check_item(text: str, pick: atheris.FuzzedDataProvider) -> None:
    """``text`` loaded as a news item: it round-trips, and a new title reads back."""
    try:
        item = newsitem.loads(text)
    except errors.NewsItemError:
        return
    assert newsitem.dumps(item) == text, "unchanged item does not round-trip"
    title = TITLES[pick.ConsumeIntInRange(0, len(TITLES) - 1)]
    item.article.title = title
    try:
        edited = newsitem.dumps(item)
    except errors.EditError:
        return
    assert newsitem.loads(edited).article.title == title


def test_one_input(data: bytes) -> None:
    """One fuzz input: bytes through every loader, then the round-trip and edit checks."""
    pick = atheris.FuzzedDataProvider(data[-8:])  # edit choices from the tail
    with contextlib.suppress(errors.NewsItemError):
        frontmatter.load(io.BytesIO(data))
    with contextlib.suppress(errors.NewsItemError):
        newsitem.load(io.BytesIO(data))
    # Bytes that are not UTF-8 still reach the parser: as replacement
    # characters, and as lone surrogates (which must be refused).
    texts = dict.fromkeys(
        (data.decode("utf-8", "replace"), data.decode("utf-8", "surrogateescape"))
    )
    for text in texts:
        check_parsers(text)
        check_document(text, pick)
        check_item(text, pick)


def main() -> None:
    """Run atheris with the command-line options (corpus folders, -max_total_time, ...)."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
