"""Property tests: texts built from random style choices round-trip, and random edits stay local.

Each generated text is rendered line by line by this module together with
the value the YAML rules give it, so the expected data is known without
asking any parser.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from _support import assert_same_data, data_differences, examples, lines_of
from hypothesis import given, settings
from hypothesis import strategies as st

from newsitem import errors, frontmatter

# At least 150 examples; more under a profile that asks for more (tests/conftest.py).
SETTINGS = settings(max_examples=examples(150))

# Words that are plain-safe everywhere (block and flow) and resolve to strings.
WORDS = [
    "alpha",
    "Beta",
    "gamma",
    "x1",
    "café",
    "naïve",
    "a-b",
    "c.d",
    "e/f",
    "why?",
    "50pct",
    "Stamp\u00e2\u20ac\u2122s",
    "漢字",
    "yes",
    "no",
    "on",
    "Off",
    "y",
    "nullish",
    "truely",
]
KEYS = [
    "title",
    "excerpt",
    "webUrl",
    "type",
    "quality",
    "heat",
    "published",
    "provider",
    "topics",
    "related",
    "secured",
    "category",
    "tags",
    "notes",
    "updatedDateTime",
    "locale",
    "path",
    "extra",
]
QUOTED_ALPHABET = [*"ab Z09#:'\"\\-,[]{}&*!|>%@`é😀", "\n", "\t"]


@dataclass
class Scalar:
    """A scalar: its YAML text and its value."""

    text: str
    value: Any


@dataclass
class Entry:
    """One top-level key as rendered: its lines (without line breaks) and value."""

    key: str
    kind: str
    value: Any
    lines: list[str]
    comments: list[str] = field(default_factory=list)
    blanks: int = 0
    items: list[Scalar] = field(default_factory=list)
    dash: int = 0
    eol: str = ""


@dataclass
class Generated:
    """A whole generated text, where each entry's lines are, and its expected data."""

    text: str
    data: dict[str, Any]
    body: str
    newline: str
    entries: list[Entry]
    starts: list[int]
    """File line index of each entry's first attached comment (or key line)."""
    key_lines: list[int]
    ends: list[int]
    """File line index just after each entry's last line."""
    fence: int
    """File line index of the closing fence."""


# -- scalars -------------------------------------------------------------------------------


def _double(text: str) -> str:
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


plain_strings = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)


@st.composite
def string_scalars(draw: st.DrawFn) -> Scalar:
    """A string written plain, single- or double-quoted."""
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "plain":
        value = draw(plain_strings)
        return Scalar(value, value)
    alphabet = QUOTED_ALPHABET if style == "double" else QUOTED_ALPHABET[:-2]
    value = draw(
        st.one_of(
            st.text(alphabet=st.sampled_from(alphabet), max_size=12),
            st.sampled_from(["true", "123", "null", "~", "2021-09-27", "1e3", ""]),
        )
    )
    if style == "single":
        return Scalar("'" + value.replace("'", "''") + "'", value)
    return Scalar(_double(value), value)


@st.composite
def int_scalars(draw: st.DrawFn) -> Scalar:
    """An int in decimal, signed, hex or octal spelling."""
    number = draw(st.integers(-(10**6), 10**12))
    if number < 0:
        return Scalar(str(number), number)
    spelling = draw(st.sampled_from(["{}", "+{}", "0x{:X}", "0x{:x}", "0o{:o}", "00{}"]))
    return Scalar(spelling.format(number), number)


@st.composite
def float_scalars(draw: st.DrawFn) -> Scalar:
    """A float in decimal, exponent or special spelling."""
    kind = draw(st.sampled_from(["decimal", "exponent", "leading-dot", "special"]))
    if kind == "special":
        text = draw(st.sampled_from([".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN"]))
        value = float(text.lower().replace(".", ""))
        return Scalar(text, value)
    whole = draw(st.integers(-9999, 9999))
    digits = draw(st.text(alphabet="0123456789", min_size=1, max_size=4))
    if kind == "decimal":
        text = f"{whole}.{digits}"
    elif kind == "exponent":
        text = f"{whole}{draw(st.sampled_from(['e', 'E']))}{draw(st.integers(-8, 8))}"
    else:
        text = f"{draw(st.sampled_from(['', '-', '+']))}.{digits}"
    return Scalar(text, float(text))


@st.composite
def other_scalars(draw: st.DrawFn) -> Scalar:
    """A boolean or a null in one of its spellings."""
    text = draw(
        st.sampled_from(
            ["true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL"]
        )
    )
    value = {"t": True, "f": False}.get(text[0].lower())
    return Scalar(text, value)


@st.composite
def timestamp_scalars(draw: st.DrawFn) -> Scalar:
    """A timestamp: date only, or with any separator, precision and offset."""
    year, month, day = (
        draw(st.integers(1970, 2099)),
        draw(st.integers(1, 12)),
        draw(st.integers(1, 28)),
    )
    date = f"{year:04d}-{month:02d}-{day:02d}"
    if draw(st.booleans()):
        return Scalar(date, dt.date(year, month, day))
    hour, minute, second = (
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.integers(0, 59)),
    )
    digits = draw(st.sampled_from([0, 1, 3, 6, 7]))
    fraction = draw(st.text(alphabet="0123456789", min_size=digits, max_size=digits))
    separator = draw(st.sampled_from(["T", "t", " "]))
    zone = draw(st.sampled_from(["Z", "+00:00", "-07:00", "+05:30", ""]))
    zone_gap = draw(st.sampled_from(["", " "])) if separator == " " and zone else ""
    text = f"{date}{separator}{hour:02d}:{minute:02d}:{second:02d}"
    text += (f".{fraction}" if digits else "") + zone_gap + zone
    offset = dt.timedelta(0)
    if zone not in ("Z", ""):
        offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        offset = -offset if zone[0] == "-" else offset
    micro = int(fraction[:6].ljust(6, "0")) if digits else 0
    value = dt.datetime(year, month, day, hour, minute, second, micro, tzinfo=dt.timezone(offset))
    return Scalar(text, value)


scalars = st.one_of(
    string_scalars(), int_scalars(), float_scalars(), other_scalars(), timestamp_scalars()
)
empty_null = st.just(Scalar("", None))


# -- entries -------------------------------------------------------------------------------


def _with_comment(line: str, comment: str) -> str:
    return f"{line}  # {comment}" if comment else line


KINDS = ("scalar", "scalar", "blist", "flist", "bmap", "fmap", "maplist", "block")


@st.composite
def entries(draw: st.DrawFn, key: str, kinds: Sequence[str] = KINDS, min_items: int = 0) -> Entry:
    """One top-level entry of a random kind (one of ``kinds``) and style.

    Lists get at least ``min_items`` items (a block list at least one).
    """
    kind = draw(st.sampled_from(kinds))
    eol = draw(st.sampled_from(["", "", "note"]))
    if kind == "scalar":
        scalar = draw(st.one_of(scalars, empty_null))
        head = f"{key}: {scalar.text}" if scalar.text else f"{key}:"
        return Entry(key, kind, scalar.value, [_with_comment(head, eol)], items=[scalar], eol=eol)
    if kind == "blist":
        dash = draw(st.sampled_from([0, 2, 4]))
        items = draw(st.lists(scalars, min_size=max(1, min_items), max_size=4))
        lines = [f"{key}:"] + [
            _with_comment(" " * dash + f"- {item.text}", draw(st.sampled_from(["", "c"])))
            for item in items
        ]
        return Entry(key, kind, [i.value for i in items], lines, items=items, dash=dash)
    if kind == "flist":
        items = draw(st.lists(scalars, min_size=min_items, max_size=4))
        line = f"{key}: [" + ", ".join(item.text for item in items) + "]"
        return Entry(
            key, kind, [i.value for i in items], [_with_comment(line, eol)], items=items, eol=eol
        )
    if kind == "bmap":
        width = draw(st.sampled_from([2, 3, 4]))
        names = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=4, unique=True))
        values = [draw(st.one_of(scalars, empty_null)) for _ in names]
        lines = [f"{key}:"]
        for name, scalar in zip(names, values, strict=True):
            head = f"{name}: {scalar.text}" if scalar.text else f"{name}:"
            lines.append(" " * width + head)
        value = {name: scalar.value for name, scalar in zip(names, values, strict=True)}
        return Entry(key, kind, value, lines, items=values, dash=width)
    if kind == "fmap":
        names = draw(st.lists(st.sampled_from(KEYS), max_size=3, unique=True))
        values = [draw(scalars) for _ in names]
        inner = ", ".join(f"{n}: {s.text}" for n, s in zip(names, values, strict=True))
        line = _with_comment(f"{key}: {{{inner}}}", eol)
        value = {name: scalar.value for name, scalar in zip(names, values, strict=True)}
        return Entry(key, kind, value, [line], eol=eol)
    if kind == "maplist":
        dash = draw(st.sampled_from([0, 2, 4]))
        lines, value = [f"{key}:"], []
        for _ in range(draw(st.integers(1, 3))):
            names = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=3, unique=True))
            values = [draw(scalars) for _ in names]
            for index, (name, scalar) in enumerate(zip(names, values, strict=True)):
                lead = " " * dash + ("- " if index == 0 else "  ")
                lines.append(f"{lead}{name}: {scalar.text}")
            value.append({name: scalar.value for name, scalar in zip(names, values, strict=True)})
        return Entry(key, kind, value, lines, dash=dash)
    # No "|+": its value would take in the blank lines that follow it.
    style = draw(st.sampled_from(["|", "|-", ">", ">-"]))
    width = draw(st.sampled_from([2, 4]))
    words = draw(st.lists(plain_strings, min_size=1, max_size=3))
    lines = [f"{key}: {style}"] + [" " * width + w for w in words]
    joiner = "\n" if style.startswith("|") else " "
    value = joiner.join(words) + ("" if style.endswith("-") else "\n")
    return Entry(key, kind, value, lines)


@st.composite
def documents(draw: st.DrawFn, need: Mapping[str, int] | None = None) -> Generated:
    """A whole text with random layout: line endings, BOM, comments, blank lines and body.

    With ``need`` (entry kind -> least number of items), one entry, at a random
    place, is of one of those kinds, so that a test of that kind always has one.
    """
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=6, unique=True))
    forced = draw(st.integers(0, len(keys) - 1)) if need else -1
    items = []
    for index, key in enumerate(keys):
        if need and index == forced:
            kind = draw(st.sampled_from(sorted(need)))
            items.append(draw(entries(key, kinds=[kind], min_items=need[kind])))
        else:
            items.append(draw(entries(key)))
    lines = ["---"]
    if draw(st.booleans()):
        lines += ["# a header comment", ""]
    starts, key_lines, ends = [], [], []
    for entry in items:
        entry.blanks = draw(st.integers(0, 2)) if len(lines) > 1 else 0
        lines += [""] * entry.blanks
        entry.comments = [f"# about {entry.key}"] * draw(st.integers(0, 2))
        starts.append(len(lines))
        lines += entry.comments
        key_lines.append(len(lines))
        lines += entry.lines
        ends.append(len(lines))
    if draw(st.booleans()):
        lines += ["", "# a trailing comment"]
    fence = len(lines)
    body = draw(st.sampled_from(["", newline, f"Body{newline}", f"a{newline}---{newline}b", "x"]))
    final = draw(st.booleans()) or body != ""
    text = bom + newline.join([*lines, "---"]) + (newline if final else "") + body
    data = {entry.key: entry.value for entry in items}
    return Generated(text, data, body, newline, items, starts, key_lines, ends, fence)


# -- properties ----------------------------------------------------------------------------


@SETTINGS
@given(documents())
def test_generated_texts_round_trip(doc: Generated) -> None:
    """Any generated text dumps back byte for byte and has the data it was generated with."""
    loaded = frontmatter.loads(doc.text)
    assert frontmatter.dumps(loaded) == doc.text
    assert_same_data(loaded.data, doc.data)
    assert loaded.body == doc.body


def _edited(doc: Generated) -> tuple[frontmatter.FrontMatterDocument, list[str]]:
    loaded = frontmatter.loads(doc.text)
    return loaded, lines_of(doc.text)


def _check(loaded: frontmatter.FrontMatterDocument, body: str) -> list[str]:
    out = frontmatter.dumps(loaded)
    again = frontmatter.loads(out)
    assert_same_data(again.data, loaded.data)
    assert again.body == body
    assert out.endswith(body)
    return lines_of(out)


new_values = st.one_of(plain_strings, st.integers(-1000, 1000), st.booleans())


def _plain_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@SETTINGS
@given(documents(need={"scalar": 0}), st.data())
def test_set_scalar_changes_only_its_line(doc: Generated, data: st.DataObject) -> None:
    """Setting a top-level scalar rewrites that line only and reads back as the new data."""
    candidates = [i for i, e in enumerate(doc.entries) if e.kind == "scalar"]
    index = data.draw(st.sampled_from(candidates))
    entry = doc.entries[index]
    loaded, old = _edited(doc)
    loaded.data[entry.key] = data.draw(new_values)
    new = _check(loaded, doc.body)
    line = doc.key_lines[index]
    assert len(new) == len(old)
    assert new[:line] == old[:line]
    assert new[line + 1 :] == old[line + 1 :]
    assert new[line].startswith(f"{entry.key}:")


@SETTINGS
@given(documents(need={"bmap": 0}), st.data())
def test_set_nested_value_changes_only_its_line(doc: Generated, data: st.DataObject) -> None:
    """Setting a value of a nested block mapping rewrites that line only."""
    candidates = [i for i, e in enumerate(doc.entries) if e.kind == "bmap"]
    index = data.draw(st.sampled_from(candidates))
    entry = doc.entries[index]
    position = data.draw(st.integers(0, len(entry.value) - 1))
    name = list(entry.value)[position]
    loaded, old = _edited(doc)
    loaded.data[entry.key][name] = data.draw(new_values)
    new = _check(loaded, doc.body)
    line = doc.key_lines[index] + 1 + position
    assert len(new) == len(old)
    assert new[:line] == old[:line]
    assert new[line + 1 :] == old[line + 1 :]
    assert new[line].startswith(" " * entry.dash + f"{name}:")


@SETTINGS
@given(documents(), st.data())
def test_add_key_inserts_lines_after_the_last_entry(doc: Generated, data: st.DataObject) -> None:
    """A new top-level key adds its own line after the last entry, and changes nothing else."""
    key = data.draw(st.sampled_from(["brandNew", "zz_added", "another"]))
    value = data.draw(new_values)
    loaded, old = _edited(doc)
    loaded.data[key] = value
    new = _check(loaded, doc.body)
    assert len(new) == len(old) + 1
    at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    assert new[at + 1 :] == old[at:]
    assert doc.ends[-1] <= at <= doc.fence
    assert new[at] == f"{key}: {_plain_text(value)}{doc.newline}"


@SETTINGS
@given(documents(), st.data())
def test_delete_key_removes_its_lines_and_comments(doc: Generated, data: st.DataObject) -> None:
    """Deleting a key removes exactly its lines and the comment lines directly above it."""
    index = data.draw(st.integers(0, len(doc.entries) - 1))
    loaded, old = _edited(doc)
    del loaded.data[doc.entries[index].key]
    new = _check(loaded, doc.body)
    assert new == old[: doc.starts[index]] + old[doc.ends[index] :]


@SETTINGS
@given(documents(need={"blist": 1, "flist": 0}), st.data())
def test_append_to_a_list_follows_its_style(doc: Generated, data: st.DataObject) -> None:
    """Appending to a block list adds one line at its dash column; to a flow list, one entry."""
    candidates = [i for i, e in enumerate(doc.entries) if e.kind in ("blist", "flist")]
    index = data.draw(st.sampled_from(candidates))
    entry = doc.entries[index]
    word = data.draw(plain_strings)
    loaded, old = _edited(doc)
    loaded.data[entry.key].append(word)
    new = _check(loaded, doc.body)
    if entry.kind == "blist":
        end = doc.ends[index]
        added = " " * entry.dash + f"- {word}{doc.newline}"
        assert new == [*old[:end], added, *old[end:]]
    else:
        line = doc.key_lines[index]
        texts = [item.text for item in entry.items] + [word]
        rewritten = _with_comment(f"{entry.key}: [" + ", ".join(texts) + "]", entry.eol)
        assert new == [*old[:line], rewritten + doc.newline, *old[line + 1 :]]


@SETTINGS
@given(documents(need={"blist": 2, "flist": 1}), st.data())
def test_remove_from_a_list_follows_its_style(doc: Generated, data: st.DataObject) -> None:
    """Removing a list item removes its block line or its flow entry, nothing else.

    A plain list cannot tell equal items apart, so removing one of several
    equal items may take any of them.
    """
    candidates = [
        i
        for i, e in enumerate(doc.entries)
        if (e.kind == "blist" and len(e.items) > 1) or (e.kind == "flist" and e.items)
    ]
    index = data.draw(st.sampled_from(candidates))
    entry = doc.entries[index]
    position = data.draw(st.integers(0, len(entry.items) - 1))
    loaded, old = _edited(doc)
    del loaded.data[entry.key][position]
    new = _check(loaded, doc.body)
    removed = entry.items[position].value
    equal = [j for j, item in enumerate(entry.items) if not data_differences(item.value, removed)]
    allowed = []
    for j in equal:
        if entry.kind == "blist":
            line = doc.key_lines[index] + 1 + j
            allowed.append([*old[:line], *old[line + 1 :]])
        else:
            line = doc.key_lines[index]
            texts = [item.text for i, item in enumerate(entry.items) if i != j]
            rewritten = _with_comment(f"{entry.key}: [" + ", ".join(texts) + "]", entry.eol)
            allowed.append([*old[:line], rewritten + doc.newline, *old[line + 1 :]])
    assert new in allowed, (new, allowed)


NEW_KEYS = ["brandNew", "zz_added", "another", "camelCase", "with space", "x"]
ZONES = [
    dt.timezone.utc,
    dt.timezone(dt.timedelta(hours=-7)),
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
]
new_scalars = st.one_of(
    st.text(alphabet=st.sampled_from([*QUOTED_ALPHABET, "x", "y", "z", "é"]), max_size=15),
    plain_strings,
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, width=64),
    st.booleans(),
    st.none(),
    st.datetimes(
        min_value=dt.datetime(1970, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from(ZONES),
    ),
    st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 1, 1)),
)
new_anything = st.recursive(
    new_scalars,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3),
        st.dictionaries(st.sampled_from(KEYS), inner, min_size=1, max_size=3),
    ),
    max_leaves=6,
)


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every dict and list inside ``value`` with its path, ``value`` itself first."""
    found: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(value, dict):
        found.append((path, value))
        for key, inner in value.items():
            found += _containers(inner, (*path, key))
    elif isinstance(value, list):
        found.append((path, value))
        for index, inner in enumerate(value):
            found += _containers(inner, (*path, index))
    return found


def _random_edit(target: Any, data: st.DataObject) -> Any:
    """Apply one random edit to the dict or list ``target``; return the key or index touched."""
    operation = data.draw(st.sampled_from(["set", "add", "delete", "insert"]))
    value = data.draw(new_anything)
    if isinstance(target, dict):
        if operation in ("set", "delete") and target:
            key = data.draw(st.sampled_from(list(target)))
            if operation == "set":
                target[key] = value
            else:
                del target[key]
            return key
        key = data.draw(st.sampled_from([k for k in NEW_KEYS if k not in target] or ["zzz"]))
        if key in target:
            return key
        if operation == "insert":
            frontmatter.insert(target, data.draw(st.integers(0, len(target))), key, value)
        else:
            target[key] = value
        return key
    if operation in ("set", "delete") and target:
        index = data.draw(st.integers(0, len(target) - 1))
        if operation == "set":
            target[index] = value
        else:
            del target[index]
        return index
    if operation == "insert":
        index = data.draw(st.integers(0, len(target)))
        target.insert(index, value)
        return index
    target.append(value)
    return len(target) - 1


@SETTINGS
@given(documents(), st.data())
def test_random_edit_sequences_read_back(doc: Generated, data: st.DataObject) -> None:
    """Random edits anywhere read back as the edited data; untouched entries keep their bytes."""
    loaded = frontmatter.loads(doc.text)
    touched = set()
    for _ in range(data.draw(st.integers(1, 4))):
        path, target = data.draw(st.sampled_from(_containers(loaded.data)))
        changed = _random_edit(target, data)
        touched.add(path[0] if path else changed)
    out = frontmatter.dumps(loaded)
    again = frontmatter.loads(out)
    assert_same_data(again.data, loaded.data)
    assert again.body == doc.body
    old = lines_of(doc.text)
    for index, entry in enumerate(doc.entries):
        if entry.key not in touched:
            block = "".join(old[doc.starts[index] : doc.ends[index]])
            assert block in out, (entry.key, block)


@SETTINGS
@given(documents(), st.text(alphabet=st.sampled_from(list("ab #:-\n")), max_size=40))
def test_replace_body_keeps_front_matter(doc: Generated, body: str) -> None:
    """A new body leaves the front matter and the fences exactly as they were."""
    loaded = frontmatter.loads(doc.text)
    loaded.body = body
    out = frontmatter.dumps(loaded)
    head = doc.text[: len(doc.text) - len(doc.body)]
    if body and not head.endswith(("\n", "\r")):
        head += doc.newline
    assert out == head + body


YAMLISH = [*"ab1 :-#'\"[]{},&*!|>?%@\n\t.~", "  ", "\n  ", ": ", "- ", "---", "\r\n"]


@SETTINGS
@given(st.lists(st.sampled_from(YAMLISH), max_size=40).map("".join))
def test_any_text_loads_or_raises_a_typed_error(yaml: str) -> None:
    """Arbitrary text between fences either round-trips or raises a NewsItemError, nothing else."""
    text = f"---\n{yaml}\n---\nbody\n"
    try:
        doc = frontmatter.loads(text)
    except errors.NewsItemError as exc:
        error = exc
    else:
        assert frontmatter.dumps(doc) == text
        return
    assert error.line is not None, repr(error)
    assert error.line >= 1
    assert error.column is not None, repr(error)
    assert error.column >= 1
