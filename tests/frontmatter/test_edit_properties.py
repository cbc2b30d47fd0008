"""Random edits of every kind land: on the YAML suite, the corpus and texts written here.

Every accepted text, edited at random paths (set, add, delete, insert, append,
replace), dumps without error and reads back as the edited data; where the
text is plain block YAML, the entries the edit did not touch keep their bytes.
The corpus (``../shared/corpus``) is sampled; its part is skipped when absent.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest
from _support import FIXTURES, examples, lines_of
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsitem import errors, frontmatter

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
PER_FOLDER = 30  # corpus files sampled from each folder, evenly spread

# Texts written for this module: each construct that cannot always be patched
# in place (explicit, anchored, tagged and alias keys, flow roots, aliases,
# empty values with properties), and the ordinary styles around them.
OWN_TEXTS = [
    "---\n? a\n: b\nc: 1\n---\n",
    "---\n? a\n? b\nc:\n---\nBody\n",
    "---\n? [x, y]\n: pair\nz: 1\n---\n",
    "---\n&k a: 1\nb: *k\nc: [2, 3]\n---\n",
    "---\n&a a: &b b\n*b : *a\n---\n",
    "---\n!!str a: b\nc: !!int 42\ne: !!str f\n---\n",
    "---\n{a: 1, b: [x, y], c: {d: e}}\n---\n",
    "---\n{? a, b: 1}\n---\n",
    "---\na: [&x v]\nb: *x\nc: 1\n---\n",
    "---\nbase: &p\n  name: X\n  url: u\nother: *p\nlist:\n- *p\n- plain\n---\n",
    "---\na: &e\nb: *e\nl:\n- &f\n- *f\n---\n",
    "---\ntags:\n- a\n- b\n- a\n- b  # keep me\nrelated: []\n---\n",
    '---\r\ntitle: "Quoted"  # c\r\nlist:\r\n  - 1\r\n  - 2\r\nmap:\r\n  k: v\r\n---\r\nB\r\n',
    "---\rtitle: Old\r# about gone\rgone: 1\rtags:\r  - a\rnext: {x: 1}\r---\rBody\r",
    "---\nnotes: |\n  one\n  two\nfolded: >-\n  a b\nq: 'it''s'\n---\n",
    "---\n# top comment\nrelated:\n  -   title: a\n      url: b\n  -   title: c\n---\n",
    "---\nempty:\nnull_value: ~\nlist:\n-\n- x\n---\n",
]


def _accepted(text: str) -> bool:
    try:
        frontmatter.loads(text)
    except errors.NewsItemError:
        return False
    return True


def _corpus_texts() -> list[str]:
    """An even sample of each corpus folder (every suite case), accepted texts only."""
    if not CORPUS.is_dir():
        return []
    texts: list[str] = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        if folder.name.endswith("-errors"):
            continue
        files = sorted(
            p
            for p in folder.rglob("*")
            if p.is_file()
            and not p.name.startswith(("_", "."))
            and not p.name.endswith(".json")
            and p.name != "README.md"
        )
        step = 1 if folder.name == "yaml+yaml-test-suite" else max(1, len(files) // PER_FOLDER)
        for path in files[::step]:
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _accepted(text):
                texts.append(text)
    return texts


FIXTURE_TEXTS = [p.read_bytes().decode("utf-8") for p in sorted((FIXTURES / "valid").glob("*.md"))]
LOCAL_TEXTS = [t for t in OWN_TEXTS + FIXTURE_TEXTS if _accepted(t)]
CORPUS_TEXTS = _corpus_texts()

SETTINGS = settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ZONES = [dt.timezone.utc, dt.timezone(dt.timedelta(hours=-7, minutes=-30))]
scalars = st.one_of(
    st.text(alphabet=st.sampled_from([*"ab Z0#:'\"\\-,[]{}&*!|>%@`é\n\t"]), max_size=12),
    st.sampled_from(["plain", "yes", "null", "1.5", "-", "? x", "a: b", "#c", "---", ""]),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, width=64),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(
        min_value=dt.datetime(1970, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from(ZONES),
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["k", "title", "url", "a b", "1"]), inner, max_size=3),
    ),
    max_leaves=5,
)
OPERATIONS = ["set", "add", "delete", "insert", "append", "replace"]
# One edit: the operation, which collection (an index into all of them, in
# document order), which key or index in it, and the new value.
edits = st.lists(
    st.tuples(st.sampled_from(OPERATIONS), st.integers(0, 50), st.integers(0, 50), values),
    min_size=1,
    max_size=3,
)


def _collections(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every dict and list in ``value`` with its path, in document order, ``value`` first."""
    found: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(value, dict):
        found.append((path, value))
        for key, inner in value.items():
            found += _collections(inner, (*path, key))
    elif isinstance(value, list):
        found.append((path, value))
        for index, inner in enumerate(value):
            found += _collections(inner, (*path, index))
    return found


def _apply(doc: frontmatter.FrontMatterDocument, edit: tuple[str, int, int, Any]) -> Any:
    """Make one edit to ``doc.data``; return the top-level key it touched (None: all)."""
    operation, which, where, new = edit
    new = copy.deepcopy(new)
    path, target = _collections(doc.data)[which % len(_collections(doc.data))]
    if operation == "replace":
        if not path:
            doc.data = {**doc.data, "replaced": new}  # a new root mapping object
            return None
        parent = doc.data
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = new
        return path[0]
    if isinstance(target, dict):
        keys = list(target)
        if operation in ("set", "delete") and keys:
            key = keys[where % len(keys)]
            if operation == "delete":
                del target[key]
            else:
                target[key] = new
            return path[0] if path else key
        key = next(k for k in ("added", "added2", "added3", "added4") if k not in target)
        if operation == "insert":
            frontmatter.insert(target, where % (len(target) + 1), key, new)
        else:
            target[key] = new
        return path[0] if path else key
    if operation in ("set", "delete") and target:
        index = where % len(target)
        if operation == "delete":
            del target[index]
        else:
            target[index] = new
    elif operation == "insert":
        target.insert(where % (len(target) + 1), new)
    else:
        target.append(new)
    return path[0]


def _image(value: Any) -> Any:
    """A comparable image of a value: kinds strict (1, 1.0, True differ), key order free."""
    if isinstance(value, dict):
        return ("map", frozenset((_image(k), _image(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return ("seq", tuple(_image(v) for v in value))
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    if isinstance(value, dt.datetime):
        return ("datetime", value, value.utcoffset())
    if hasattr(value, "items"):  # a mapping used as a key
        return ("map", frozenset((_image(k), _image(v)) for k, v in value.items()))
    return (type(value).__name__, value)


_PLAIN_KEY_LINE = re.compile(r"[A-Za-z_][\w.-]*:(?:[ \t\r\n]|$)")


def _segments(yaml_lines: list[str]) -> dict[str, str] | None:
    """Top-level entries of plain block YAML as ``key -> its text``, or None for other YAML.

    An entry takes the comment lines directly above it and ends at its last
    non-blank line, as the format's editing rules say. Texts with anchors are
    not plain: an edit at an anchor rightly rewrites its aliases elsewhere.
    """
    if any("&" in line for line in yaml_lines):
        return None
    starts: list[tuple[int, str]] = []
    for number, line in enumerate(yaml_lines):
        if line[:1] not in ("", " ", "\t", "#", "-", "\r", "\n"):
            match = _PLAIN_KEY_LINE.match(line)
            if match is None:
                return None
            starts.append((number, match.group(0).rstrip(": \t\r\n")))
    if not starts:
        return None
    segments: dict[str, str] = {}
    for (first, key), (after, _) in zip(starts, [*starts[1:], (len(yaml_lines), "")], strict=True):
        top = first
        while top > 0 and yaml_lines[top - 1].lstrip(" \t").startswith("#"):
            top -= 1
        end = after
        while end > first + 1 and (
            not yaml_lines[end - 1].strip(" \t\r\n")  # blank lines are layout
            or yaml_lines[end - 1].lstrip(" \t").startswith("#")  # the next entry's comments
        ):
            end -= 1
        segments[key] = "".join(yaml_lines[top:end])
    return segments


def _check(text: str, chosen: list[tuple[str, int, int, Any]]) -> None:
    doc = frontmatter.loads(text)
    touched: set[Any] = set()
    whole = False
    for edit in chosen:
        key = _apply(doc, edit)
        whole = whole or key is None
        touched.add(key)
    out = frontmatter.dumps(doc)
    again = frontmatter.loads(out)
    assert _image(again.data) == _image(doc.data), (text, out)
    assert again.body == doc.body
    lines = lines_of(text)
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == "---")
    segments = _segments(lines[1:closing])
    if segments is None or whole:
        return
    position = 0
    for key, segment in segments.items():
        if key in touched:
            continue
        found = out.find(segment, position)
        assert found != -1, (key, segment, out)
        position = found + len(segment)


@SETTINGS
@given(st.sampled_from(LOCAL_TEXTS), edits)
@example("---\ntags:\n- a\n- b\n- a\n- b  # keep me\nrelated: []\n---\n", [("delete", 1, 1, None)])
@example("---\n? a\n: b\nc: 1\n---\n", [("delete", 0, 0, None)])
@example("---\na: [&x v]\nb: *x\nc: 1\n---\n", [("set", 0, 2, 2)])
def test_random_edits_of_own_texts_land(text: str, chosen: list[tuple[str, int, int, Any]]) -> None:
    """Every edit of the texts written here and of the fixtures is written and reads back."""
    _check(text, chosen)


@pytest.mark.skipif(not CORPUS_TEXTS, reason=f"no corpus at {CORPUS}")
@SETTINGS
@given(st.sampled_from(CORPUS_TEXTS or ["---\n---\n"]), edits)
def test_random_edits_of_suite_and_corpus_texts_land(
    text: str, chosen: list[tuple[str, int, int, Any]]
) -> None:
    """Every edit of the YAML suite's cases and of sampled corpus files reads back."""
    _check(text, chosen)


@SETTINGS
@given(
    st.lists(st.sampled_from(["a", "b"]), min_size=2, max_size=6),
    st.integers(0, 6),
    st.booleans(),
)
@example(["a", "b", "a", "b"], 1, False)
def test_list_of_repeated_items_loses_or_gains_exactly_one_line(
    items: list[str], index: int, insert: bool
) -> None:
    """Removing item ``index`` removes its own line (its comment names it); inserting adds one."""
    text = "---\ntags:\n" + "".join(f"- {item}  # {i}\n" for i, item in enumerate(items)) + "---\n"
    doc = frontmatter.loads(text)
    before = lines_of(text)
    if insert:
        index %= len(items) + 1
        doc.data["tags"].insert(index, "a")
        after = lines_of(frontmatter.dumps(doc))
        added = after.index("- a\n")  # old lines all carry a comment
        assert after[:added] + after[added + 1 :] == before
        position = added - 2  # after "---" and "tags:"
        assert [*items[:position], "a", *items[position:]] == doc.data["tags"]
    else:
        index %= len(items)
        del doc.data["tags"][index]
        after = lines_of(frontmatter.dumps(doc))
        # Equal neighbours are one run: any of its lines may be the one that goes.
        run = [j for j in range(len(items)) if items[j] == items[index]]
        run = [
            j
            for j in run
            if all(items[k] == items[index] for k in range(min(j, index), max(j, index) + 1))
        ]
        allowed = [before[: j + 2] + before[j + 3 :] for j in run]
        assert after in allowed, (after, allowed)


SUITE_CASES = ["2SXE", "5WE3", "6BFJ", "7W2P", "E76Z", "L24T-00", "L24T-01", "X8DW"]


@pytest.mark.parametrize("name", SUITE_CASES)
def test_every_edit_of_the_hard_suite_cases_lands(name: str) -> None:
    """Explicit, anchored and alias keys, flow roots: each key set, deleted, and one added."""
    path = CORPUS / "yaml+yaml-test-suite" / f"{name}.md"
    if not path.is_file():
        pytest.skip(f"no {path}")
    text = path.read_bytes().decode("utf-8")
    keys = list(frontmatter.loads(text).data)
    chosen: list[list[tuple[str, int, int, Any]]] = [
        [("add", 0, 0, {"k": [1, 2]})],
        [("insert", 0, 0, "new")],
        [("replace", 0, 0, [1])],
    ]
    for where in range(len(keys)):
        chosen += [[("set", 0, where, [1, {"k": "v"}])], [("delete", 0, where, None)]]
        chosen += [[("set", 0, where, "a: b")]]
    for edit in chosen:
        _check(text, edit)
