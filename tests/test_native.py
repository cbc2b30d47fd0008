"""The native build of the values reader (``_native.c``) against the pure one.

The contract: for every text, ``_native.values`` returns exactly the dict the
pure ``values()`` path builds (keys, value types, order, alias identity), or
``None``; and ``None`` whenever the pure reader raises. These tests hold it to
that on every text the project and the shared corpus have, on hand-written
cases of each construct, and on random mutations of all of them.

``_native.located`` is held the same way to ``_located.pure_located``: the
same data, the same spots (offsets, type for type) and first key, or ``None``.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsitem import NewsItemError, _located, _parser, _scalars, _split, _yaml
from newsitem.limits import DEFAULT_LIMITS, Limits

native = pytest.importorskip(
    "newsitem._native",
    reason="the native reader is not built (no C compiler at install): the pure one alone",
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSITEM_CORPUS") or ROOT.parent / "shared" / "corpus")
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

UTC = dt.timezone.utc


def _native(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    source = _parser.normalized(text)
    return native.values(source, limits.max_nodes, limits.max_depth, _scalars.resolve)


def _pure(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The pure reader's values, or the error it raises."""
    try:
        return _yaml.pure_values(_parser.normalized(text), text, limits=limits)
    except NewsItemError as exc:
        return exc


def _same(pure: Any, other: Any, seen: dict[int, int]) -> bool:
    """Equal type for type, in order, and sharing objects where ``pure`` shares them."""
    if type(pure) is not type(other):
        return False
    if isinstance(pure, dict | list):
        if id(pure) in seen:
            return seen[id(pure)] == id(other)
        seen[id(pure)] = id(other)
    if isinstance(pure, dict):
        return (
            list(map(type, pure)) == list(map(type, other))
            and list(pure) == list(other)
            and all(_same(pure[key], other[key], seen) for key in pure)
        )
    if isinstance(pure, list):
        return len(pure) == len(other) and all(
            _same(a, b, seen) for a, b in zip(pure, other, strict=True)
        )
    if isinstance(pure, float) and math.isnan(pure):
        return math.isnan(other)
    if isinstance(pure, dt.date):  # an equal instant in another zone is not the same value
        return bool(pure.isoformat() == other.isoformat())
    return bool(pure == other)


def _check(text: str, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Assert the contract on one text; whether the native reader took it."""
    got = _native(text, limits)
    if got is None:
        return False
    pure = _pure(text, limits)
    assert not isinstance(pure, Exception), f"native accepted what the pure reader refuses: {pure}"
    assert _same(pure, got, {}), f"{text!r}:\npure   {pure!r}\nnative {got!r}"
    return True


# -- every text at hand --------------------------------------------------------


def _yaml_texts(paths: Iterator[Path]) -> Iterator[str]:
    for path in paths:
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if path.suffix in (".yaml", ".yml"):
            yield text
            continue
        try:
            yield _split.split(text).yaml
        except NewsItemError:
            continue


def _project_texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*")) + sorted(
        (ROOT / "examples").rglob("*")
    )
    return list(_yaml_texts(iter(paths)))


def _corpus_texts() -> list[str]:
    return list(_yaml_texts(iter(sorted(CORPUS.rglob("*"))))) if CORPUS.is_dir() else []


SYNTH = [_split.split(item).yaml for item in synth.corpus(2000)]


def test_the_native_reader_knows_the_same_first_characters() -> None:
    assert set(native.NOT_ONLY_STR) == set(_scalars.NOT_ONLY_STR)


@pytest.mark.parametrize(
    "text",
    [
        *sorted(_scalars._WORDS),  # pyright: ignore[reportPrivateUsage]
        *("n", "no", "nul", "nulls", "truE", "tRUE", "falsE", "t", "f", "~~", "Nope!"),
        *("0", "-0", "+0", "007", "-12", "+12", "999999999999999999", "9999999999999999999"),
        *("-9223372036854775808", "12345678901234567890123", "1_000", "0x1F", "0o17", "1.0"),
        *("+", "+-1", "1-", "1e3"),
        *("2024-05-01", "2024-5-01", "2024-02-30", "0000-01-01", "2024-05-01x", "2024-05"),
        *("2024-05-01T10:00:00Z", "2024-5-1t1:02:03", "2024-05-01 \t 10:00:00.1234567 +05:30"),
        *("2024-05-01T10:00:00-07", "2024-05-01T10:00:00+00:00", "2024-05-01T10:00:00.Z"),
        *("2024-05-01T24:00:00Z", "2024-05-01T10:00:60Z", "2024-05-01T10:00:00+24:00"),
        *("2024-05-01T10:00:00+23:59", "2024-05-01T10:00:00+0530", "2024-05-01T10:00:00 Z"),
        *("2024-05-01T10:00:00+01:0", "2024-05-01T10:0:00Z", "2024-05-01T100:00:00Z"),
        *("2024-05-01T10:00:00z", "2024-05-01T10:00", "20245-01-01", "2024-05-01T10:00:00ZZ"),
    ],
)
def test_words_and_numbers_read_natively_as_resolve_reads_them(text: str) -> None:
    """The native reader reads null, true, false, small integers and timestamps itself."""
    expected = _scalars.resolve(text)
    assert _same({"k": expected}, _native(f"k: {text}\n"), {})
    if not text.startswith("-"):  # "-x" keys are left to the pure reader
        assert _same({"k": expected, expected: "v"}, _native(f"k: {text}\n{text}: v\n"), {})


def test_every_fixture_and_example_reads_the_same() -> None:
    texts = _project_texts()
    assert len(texts) > 40
    taken = sum(_check(text) for text in texts)
    assert taken > len(texts) // 2


def test_every_corpus_file_reads_the_same_and_nearly_all_natively() -> None:
    texts = _corpus_texts()
    if not texts:
        pytest.skip("the shared corpus is absent")
    taken = sum(_check(text) for text in texts)
    front_matter = [
        text
        for text in _yaml_texts(iter(sorted(CORPUS.rglob("*.md"))))
        if not isinstance(_pure(text), Exception)
    ]
    front_matter = [
        text
        for folder in sorted(CORPUS.iterdir())
        if folder.is_dir() and not folder.name.startswith("yaml+")
        for text in _yaml_texts(iter(sorted(folder.rglob("*"))))
        if not isinstance(_pure(text), Exception)
    ]
    native_share = sum(_native(text) is not None for text in front_matter) / len(front_matter)
    assert taken > 0
    assert native_share >= 0.97


def test_at_least_97_percent_of_the_benchmark_items_take_the_native_path() -> None:
    taken = sum(_check(text) for text in SYNTH)
    assert taken / len(SYNTH) >= 0.97


# -- each construct, with its values written out ------------------------------

CASES: list[tuple[str, dict[Any, Any]]] = [
    ("", {}),
    ("# only a comment\n\n", {}),
    ("title: Hello world\n", {"title": "Hello world"}),
    ("\ufefftitle: x\n", {"title": "x"}),
    ("---\ntitle: x\n", {"title": "x"}),
    ("--- # the start\na: 1\n", {"a": 1}),
    (
        "a: 1\nb: -2\nc: 1.5\nd: true\ne: null\nf: ~\ng:\n",
        {
            "a": 1,
            "b": -2,
            "c": 1.5,
            "d": True,
            "e": None,
            "f": None,
            "g": None,
        },
    ),
    (
        "when: 2024-05-01T10:00:00Z\nday: 2024-05-01\n",
        {
            "when": dt.datetime(2024, 5, 1, 10, tzinfo=UTC),
            "day": dt.date(2024, 5, 1),
        },
    ),
    ("q: '2024-05-01'\nd: \"2024-05-01\"\n", {"q": "2024-05-01", "d": "2024-05-01"}),
    ("2024: year\n1: one\n", {2024: "year", 1: "one"}),
    # a nested mapping whose first key is quoted, and one anchored
    ("m:\n  'k': v\n  l: w\nn: &a\n  \"o\": p\n", {"m": {"k": "v", "l": "w"}, "n": {"o": "p"}}),
    ("a: b # a comment\n# a line\n  # indented\nc: d\t# tab in a comment\n", {"a": "b", "c": "d"}),
    ("url: http://x.org/a#b\nratio: a:b\n", {"url": "http://x.org/a#b", "ratio": "a:b"}),
    ("text: one\n  two\n\n  three\nnext: x\n", {"text": "one two\nthree", "next": "x"}),
    ("k:\n  below the key\n  and on\n", {"k": "below the key and on"}),
    ('s: "tab\\there \\"q\\" \\u00e9 \\x41 \\\\"\n', {"s": 'tab\there "q" é A \\'}),
    ('s: "one\n  two\n\n  three \\\n  four"\n', {"s": "one two\nthree four"}),
    ("s: 'it''s'\nt: 'a\n  b'\n", {"s": "it's", "t": "a b"}),
    ("l: |\n  one\n   two\n\nf: >\n  a\n  b\n\n  c\n", {"l": "one\n two\n", "f": "a b\nc\n"}),
    ("l: |-\n  x\n\nk: |+\n  y\n\nz: >2\n   lead\n", {"l": "x", "k": "y\n\n", "z": " lead\n"}),
    ("e: |\n\nnext: 1\n", {"e": "", "next": 1}),
    ("m:\n  a: 1\n  b:\n    c: 2\nd: 3\n", {"m": {"a": 1, "b": {"c": 2}}, "d": 3}),
    ("l:\n  - a\n  - b\nz:\n- x\n- y\n", {"l": ["a", "b"], "z": ["x", "y"]}),
    (
        "r:\n  - id: 1\n    t: a\n  - id: 2\n    t: b\n",
        {"r": [{"id": 1, "t": "a"}, {"id": 2, "t": "b"}]},
    ),
    ("r:\n- - a\n  - b\n-\n  k: v\n- \n", {"r": [["a", "b"], {"k": "v"}, None]}),
    ("f: [a, 'b', \"c\", 1, [x], {k: v}]\n", {"f": ["a", "b", "c", 1, ["x"], {"k": "v"}]}),
    ("f: [\n  a,   # one\n  b,\n]\ng: []\nh: {}\n", {"f": ["a", "b"], "g": [], "h": {}}),
    (
        'm: {a: 1, "b": 2, c, d: , e:f}\n',
        {"m": {"a": 1, "b": 2, "c": None, "d": None, "e:f": None}},
    ),
    ('j: {"a":1}\n', {"j": {"a": 1}}),
    ("\"quoted key\": 1\n'single': 2\n", {"quoted key": 1, "single": 2}),
    ("a: &x v\nb: *x\n", {"a": "v", "b": "v"}),
    (
        "a: &m\n  k: v\nb: *m\nc: &l [1]\nd: *l\n",
        {"a": {"k": "v"}, "b": {"k": "v"}, "c": [1], "d": [1]},
    ),
    ("a: &e\nb: *e\n", {"a": None, "b": None}),
    ("a: 1\r\nb:\r\n  - 'x\r\n    y'\r\n", {"a": 1, "b": ["x y"]}),
    # a closing quote on a line of its own, indented one more than its key
    ("k: 'a\n '\nm:\n  j: \"b\n   \"\n", {"k": "a ", "m": {"j": "b "}}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_construct_is_read_natively_to_its_values(text: str, expected: dict[Any, Any]) -> None:
    got = _native(text)
    assert got is not None, "the native reader declined"
    assert _same(expected, got, {})
    assert _check(text)


def test_an_alias_shares_its_anchored_value_as_the_pure_reader_does() -> None:
    got = _native("a: &m {k: [1]}\nb: *m\nc:\n- *m\n")
    assert got["a"] is got["b"] is got["c"][0]


DECLINED = [
    "k: !!str 1\n",  # a tag
    "%YAML 1.2\n---\nk: v\n",  # a directive
    "a: 1\n---\nb: 2\n",  # a second document
    "a: 1\n...\n",  # a document end
    "? a\n: b\n",  # an explicit key
    "&a k: v\n",  # an anchored key
    "k:\n  &a\nj: 1\n",  # properties below their key (here of an empty value)
    "[a]: v\n",  # a collection as a key
    "- a\n",  # not a mapping
    "a: 1\na: 2\n",  # a duplicate key
    "1: a\ntrue: b\n",  # keys equal in Python (1 == True)
    "k: *nowhere\n",  # an alias to no anchor
    "a: b: c\n",  # a key on a value's line
    "k: 'open\n",  # not closed
    "k: 'a\n'\n",  # a closing quote indented too little
    'm:\n  k: "a\n  "\n',
    'k: "\\q"\n',  # an unknown escape
    'k: "\\ud800"\n',  # a lone surrogate
    "k: v\x07\n",  # a character YAML does not allow
    "k: v\n  bad: indent\n",
    "k:\tv\n\tx: y\n",  # a tab as indentation
    "k: [a, b\n",  # a flow collection not closed
    "k: [a: b]\n",  # a pair in a flow sequence
    "k: [a]#x\n",
    'k: "v"#x\n',  # a comment needs a blank before it
    "a: 1\n# a last comment, no line break",
    "k: |0\n  x\n",  # an invalid block scalar header
]


@pytest.mark.parametrize("text", DECLINED)
def test_what_the_native_reader_leaves_to_the_pure_one(text: str) -> None:
    assert _native(text) is None


def test_limits_are_counted_as_the_pure_reader_counts_them() -> None:
    text = "a: &x [1, 2, 3]\nb: [*x, *x]\n"  # 1 + 4 + 1 + (1 + 1 + 4 + 4) = 16 values
    assert _check(text, Limits(max_nodes=16))
    assert _native(text, Limits(max_nodes=15)) is None
    assert isinstance(_pure(text, Limits(max_nodes=15)), NewsItemError)
    nested = "a:\n  b:\n    c: [d]\n"  # four collections
    assert _check(nested, Limits(max_depth=4))
    assert _native(nested, Limits(max_depth=3)) is None


def test_values_takes_the_native_path_and_the_pure_one_for_errors() -> None:
    """``_yaml.values`` returns the native dict; a refused text raises the pure error."""
    text = "a: 1\r\nb: [x]\r\n"
    assert _yaml.values(text) == {"a": 1, "b": ["x"]}
    assert _native(text) == {"a": 1, "b": ["x"]}
    with pytest.raises(NewsItemError) as caught:
        _yaml.values("a: 1\r\na: 2\r\n", line_offset=1)
    assert (caught.value.line, caught.value.column) == (3, 1)


def test_NEWSITEM_PURE_keeps_to_the_pure_build() -> None:
    code = "from newsitem import _yaml; print(_yaml._native_values is None)"
    for pure, expected in (("1", "True"), ("0", "False")):
        env = dict(os.environ, NEWSITEM_PURE=pure)
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected


# -- random mutations ------------------------------------------------------------

_SUITE = [
    text
    for name in ("yaml+yaml-test-suite", "yaml+yaml-test-suite-errors")
    if (CORPUS / name).is_dir()
    for text in _yaml_texts(iter(sorted((CORPUS / name).glob("*.md"))))
]
_SEEDS = [text for text, _ in CASES] + DECLINED + SYNTH[:200] + _project_texts() + _SUITE
_ALPHABET = ":#-[]{}&*!|>'\"\t\n ,?%@`\\ax1.~\ufeff\x85é"


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.text(st.sampled_from(_ALPHABET), min_size=1, max_size=3))
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + len(piece) :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


@settings(max_examples=int(os.environ.get("NEWSITEM_HYPOTHESIS_EXAMPLES", "1500")))
@given(_mutated())
def test_a_mutated_text_reads_the_same_or_is_left_to_the_pure_reader(text: str) -> None:
    _check(text)


# -- located: the values with their spots ----------------------------------------


def _native_located(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    source = _parser.normalized(text)
    return native.located(source, limits.max_nodes, limits.max_depth, _scalars.resolve)


def _same_spot(pure: Any, other: Any) -> bool:
    """Spots equal type for type: ints, bools, tables (dicts by key in order, lists)."""
    if type(pure) is not type(other):
        return False
    if isinstance(pure, tuple):
        return len(pure) == len(other) and all(
            _same_spot(a, b) for a, b in zip(pure, other, strict=True)
        )
    if isinstance(pure, dict):
        return (
            list(map(type, pure)) == list(map(type, other))
            and list(pure) == list(other)
            and all(_same_spot(pure[key], other[key]) for key in pure)
        )
    if isinstance(pure, list):
        return len(pure) == len(other) and all(
            _same_spot(a, b) for a, b in zip(pure, other, strict=True)
        )
    return bool(pure == other)


def _check_located(text: str, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Assert the located contract on one text; whether the native reader took it."""
    got = _native_located(text, limits)
    if got is None:
        return False
    pure = _located.pure_located(text, limits=limits)
    assert pure is not None, f"native located what the pure sink refuses: {text!r}"
    data, root, first_key = got
    assert _same(pure.data, data, {}), f"{text!r}:\npure   {pure.data!r}\nnative {data!r}"
    pure_root = pure.root
    assert _same_spot(pure_root, root), f"{text!r}:\npure   {pure_root!r}\nnative {root!r}"
    assert type(first_key) is type(pure.first_key)
    assert first_key == pure.first_key
    return True


LOCATED_CASES: list[tuple[str, tuple[Any, ...], int | None]] = [
    ("", (0, 0, False, {}), None),
    ("# c\n", (4, 4, False, {}), None),
    (
        "a: 1\nb: [x, y]\n",
        (
            0,
            14,
            False,
            {
                "a": (3, 4, False, None),
                "b": (8, 14, False, [(9, 10, False, None), (12, 13, False, None)]),
            },
        ),
        0,
    ),
    # offsets in characters: "é" is one; a block scalar ends at its last text
    ("t: é\nu: |\n  x\n", (0, 13, False, {"t": (3, 4, False, None), "u": (8, 13, True, None)}), 0),
    ("\ufeffa: 1\n", (1, 5, False, {"a": (4, 5, False, None)}), 1),
    # an empty value right after its ":" or "-"; a nested mapping at its first key
    (
        "k:\nl:\n- \nm:\n  n: {o}\n",
        (
            0,
            20,
            False,
            {
                "k": (2, 2, False, None),
                "l": (6, 7, False, [(7, 7, False, None)]),
                "m": (14, 20, False, {"n": (17, 20, False, {"o": (19, 19, False, None)})}),
            },
        ),
        0,
    ),
    # an alias holds the table of its anchor's value
    (
        "a: &x [1]\nb: *x\n",
        (
            0,
            15,
            False,
            {
                "a": (6, 9, False, [(7, 8, False, None)]),
                "b": (13, 15, False, [(7, 8, False, None)]),
            },
        ),
        0,
    ),
]


@pytest.mark.parametrize(("text", "root", "first_key"), LOCATED_CASES)
def test_located_records_the_offsets_of_each_value(
    text: str, root: tuple[Any, ...], first_key: int | None
) -> None:
    got = _native_located(text)
    assert got is not None, "the native reader declined"
    assert _same_spot(root, got[1])
    assert got[2] == first_key
    assert _check_located(text)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_construct_is_located_natively_as_the_pure_sink_locates_it(
    text: str, expected: dict[Any, Any]
) -> None:
    assert _check_located(text), "the native reader declined"
    assert _same(expected, _native_located(text)[0], {})


@pytest.mark.parametrize("text", DECLINED)
def test_located_declines_what_values_declines(text: str) -> None:
    assert _native_located(text) is None


def test_every_fixture_example_and_corpus_file_is_located_the_same() -> None:
    texts = _project_texts()
    assert sum(_check_located(text) for text in texts) > len(texts) // 2
    corpus = _corpus_texts()
    if corpus:
        assert sum(_check_located(text) for text in corpus) > 0


def test_at_least_97_percent_of_the_benchmark_items_are_located_natively() -> None:
    taken = sum(_check_located(text) for text in SYNTH)
    assert taken / len(SYNTH) >= 0.97


def test_located_counts_limits_as_the_pure_sink_counts_them() -> None:
    text = "a: &x [1, 2, 3]\nb: [*x, *x]\n"
    assert _check_located(text, Limits(max_nodes=16))
    assert _native_located(text, Limits(max_nodes=15)) is None
    assert _located.pure_located(text, limits=Limits(max_nodes=15)) is None
    nested = "a:\n  b:\n    c: [d]\n"
    assert _check_located(nested, Limits(max_depth=4))
    assert _native_located(nested, Limits(max_depth=3)) is None


def test_located_takes_the_native_path_and_the_pure_one_for_the_rest() -> None:
    """``_located.located``: the native result, CRLF counted back; else the pure sink's."""
    text = "a: 1\r\nb: [x]\r\n"
    found = _located.located(text)
    assert found is not None
    assert found.data == {"a": 1, "b": ["x"]}
    assert found.start(["b", 0]) == 10  # after "a: 1\r\nb: [", the CR counted
    assert found.ends(["a"]) == [4]
    explicit = "? a\n: b\n"  # an explicit key: the pure sink models it, natively declined
    assert _native_located(explicit) is None
    pure = _located.located(explicit)
    assert pure is not None
    assert pure.data == {"a": "b"}


def test_NEWSITEM_PURE_keeps_located_to_the_pure_sink() -> None:
    code = "from newsitem import _located; print(_located._native_located is None)"
    for pure, expected in (("1", "True"), ("0", "False")):
        env = dict(os.environ, NEWSITEM_PURE=pure)
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected


@settings(max_examples=int(os.environ.get("NEWSITEM_HYPOTHESIS_EXAMPLES", "1500")))
@given(_mutated())
def test_a_mutated_text_is_located_the_same_or_left_to_the_pure_sink(text: str) -> None:
    _check_located(text)
