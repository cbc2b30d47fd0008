"""A load reads a valid text once, through the values sink; only what it refuses is composed.

``_yaml.values`` builds the values without the source tree. When the sink
refuses a text (a syntax error, a duplicate key, a bad tag, a limit, a second
document), the full composer reads it again so that the error has its
message and position. A valid text must not take that second reading, and
the values must be the ones YAML 1.2 (core schema) gives: the expected values
below are written from the specification.

The limits count as the format's docs say: every value (mapping, list,
scalar, key) is one, an alias counts its whole value again each time it is
used, and each list or mapping opens one level.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsitem import DuplicateKeyError, LimitExceededError, Limits, _yaml
from newsitem._scalars import FrozenMapping

UTC = dt.timezone.utc
_COMPOSE = _yaml.compose  # the full route, unobserved


@pytest.fixture
def composed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the full composer is asked to read during the test."""
    texts: list[str] = []
    compose = _yaml.compose

    def spy(text: str, **kwargs: Any) -> _yaml.Composed:
        texts.append(text)
        return compose(text, **kwargs)

    monkeypatch.setattr(_yaml, "compose", spy)
    return texts


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("", {}, id="empty"),
        pytest.param("# only a comment\n", {}, id="comment-only"),
        pytest.param("a: b\nc: d e\n", {"a": "b", "c": "d e"}, id="plain-entries"),
        pytest.param(
            "a: 1\nb: true\nc: ~\nd: null\ne: 1.5\n",
            {"a": 1, "b": True, "c": None, "d": None, "e": 1.5},
            id="core-schema-entries",
        ),
        pytest.param(
            "a: '1'\nb: \"true\"\nc: ''\n", {"a": "1", "b": "true", "c": ""}, id="quoted-entries"
        ),
        pytest.param("a:\nb: \n", {"a": None, "b": None}, id="empty-values"),
        pytest.param("2: a\ntrue: b\n~: c\n", {2: "a", True: "b", None: "c"}, id="typed-keys"),
        pytest.param(
            "a:\n  - x\n  - 2\n  - '3'\n  - \"\"\n  -\n  - null\n",
            {"a": ["x", 2, "3", "", None, None]},
            id="block-items",
        ),
        pytest.param(
            "a: [x, 1, y z, '2', ~]\nb: {k: v, 2: 3, n: null}\n",
            {"a": ["x", 1, "y z", "2", None], "b": {"k": "v", 2: 3, "n": None}},
            id="flow-collections",
        ),
        pytest.param("a: b\n  c\n", {"a": "b c"}, id="multi-line-plain"),
        pytest.param("a:\n  b:\n    c: d\n", {"a": {"b": {"c": "d"}}}, id="nested-mappings"),
        pytest.param("a: &x 1\nb: *x\n", {"a": 1, "b": 1}, id="scalar-alias"),
        pytest.param("a: &x '1'\nb: *x\n", {"a": "1", "b": "1"}, id="quoted-alias"),
        pytest.param(
            "a: &l [1, 2]\nb: *l\nc: &m {k: v}\nd: *m\n",
            {"a": [1, 2], "b": [1, 2], "c": {"k": "v"}, "d": {"k": "v"}},
            id="collection-aliases",
        ),
        pytest.param(
            "a: !!int '7'\nb: !!float '1'\nc: !!bool 'true'\nd: !!null ''\n"
            "e: !!str 12\nf: ! 12\ng: !!timestamp 2021-01-02T03:04:05Z\nh: !!binary aGk=\n",
            {
                "a": 7,
                "b": 1.0,
                "c": True,
                "d": None,
                "e": "12",
                "f": "12",
                "g": dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=UTC),
                "h": "aGk=",
            },
            id="core-tags",
        ),
        pytest.param(
            "a: !!map {k: v}\nb: !!seq [1]\nc: ! {k: v}\nd: ! [1]\n",
            {"a": {"k": "v"}, "b": [1], "c": {"k": "v"}, "d": [1]},
            id="collection-tags",
        ),
        pytest.param("a: [k: v, x]\n", {"a": [{"k": "v"}, "x"]}, id="flow-pair-in-a-list"),
        pytest.param("b: !!binary aGVsbA= =\n", {"b": "aGVsbA= ="}, id="binary-with-blanks"),
        pytest.param("[a, b]: c\n", {("a", "b"): "c"}, id="flow-list-key-at-the-root"),
        pytest.param("x: 1\n[a]: c\n", {"x": 1, ("a",): "c"}, id="flow-list-key-later"),
        pytest.param("? a\n: b\n", {"a": "b"}, id="explicit-key"),
        pytest.param("? [a, b]\n: c\n", {("a", "b"): "c"}, id="explicit-list-key"),
        pytest.param("? {x: 1}\n: y\n", {FrozenMapping({"x": 1}): "y"}, id="explicit-mapping-key"),
        pytest.param("a: {[b]: c}\n", {"a": {("b",): "c"}}, id="flow-key-in-a-flow-mapping"),
        pytest.param(
            "x: &m\n  [a]: b\ny: *m\n",
            {"x": {("a",): "b"}, "y": {("a",): "b"}},
            id="anchored-flow-key-mapping",
        ),
        pytest.param(
            "? [a]: b\n: c\n", {FrozenMapping({("a",): "b"}): "c"}, id="flow-key-in-a-key"
        ),
        pytest.param("? a\n: [b]: c\n", {"a": {("b",): "c"}}, id="flow-key-in-a-value"),
        pytest.param(
            "a: 1\nb: 'x'\nc: d\ne:\n  - 'f'\n  - g\n  - h\n",
            {"a": 1, "b": "x", "c": "d", "e": ["f", "g", "h"]},
            id="one-line-routes",
        ),
    ],
)
def test_a_valid_text_is_read_once_to_its_values(
    yaml: str, expected: dict[Any, Any], composed: list[str]
) -> None:
    assert _yaml.values(yaml) == expected
    assert composed == []
    assert _COMPOSE(yaml).data == expected


def test_a_key_frozen_from_a_list_of_lists_is_hashable(composed: list[str]) -> None:
    assert _yaml.values("? [[a], {b: c}]\n: d\n") == {(("a",), FrozenMapping({"b": "c"})): "d"}
    assert composed == []


@pytest.mark.parametrize(
    ("yaml", "count"),
    [
        # root mapping, a, 1, then b and '2' on the one-line route for entries
        pytest.param("a: 1\nb: '2'\n", 5, id="entry"),
        # root, a, the list, x, then 'y' on the one-line route for items
        pytest.param("a:\n  - x\n  - 'y'\n", 5, id="block-items"),
        # root, a, the list, x, y
        pytest.param("a: [x, y]\n", 5, id="flow-items"),
        # root, a, 'x'
        pytest.param("a: !!str x\n", 3, id="tagged-scalar"),
        # root, a, 1, b, then the alias: its value again (1)
        pytest.param("a: &x 1\nb: *x\n", 5, id="scalar-alias"),
        # root, a, the list, 1, 2, b, then the alias: the list and its two items (3)
        pytest.param("a: &l [1, 2]\nb: *l\n", 9, id="collection-alias"),
        # root, the key list, a, c
        pytest.param("[a]: c\n", 4, id="flow-key"),
        # root, a, then the list, the last value counted
        pytest.param("a: []\nb: []\n", 5, id="empty-lists"),
    ],
)
def test_a_text_of_exactly_max_nodes_values_is_read_once(
    yaml: str, count: int, composed: list[str]
) -> None:
    """At the limit the sink reads it alone; one fewer allowed and the composer refuses it."""
    assert _yaml.values(yaml, limits=Limits(max_nodes=count)) == _yaml.compose(yaml).data
    assert len(composed) == 1  # only the call in this assertion
    with pytest.raises(LimitExceededError, match=f"more than {count - 1} values"):
        _yaml.values(yaml, limits=Limits(max_nodes=count - 1))


@pytest.mark.parametrize(
    ("yaml", "depth"),
    [
        pytest.param("a: {b: 1}\n", 2, id="flow-mapping"),
        pytest.param("a: [[1]]\n", 3, id="flow-lists"),
        pytest.param("a:\n  b:\n    - 1\n", 3, id="block"),
    ],
)
def test_a_text_of_exactly_max_depth_levels_is_read_once(
    yaml: str, depth: int, composed: list[str]
) -> None:
    values = _yaml.values(yaml, limits=Limits(max_depth=depth))
    assert composed == []
    assert values == _yaml.values(yaml)
    with pytest.raises(LimitExceededError, match=f"more than {depth - 1} levels deep"):
        _yaml.values(yaml, limits=Limits(max_depth=depth - 1))


# -- the native build first ------------------------------------------------------


@pytest.fixture
def native_first(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``values()`` with the native build in use (whatever NEWSITEM_PURE says); the
    texts it hands to the pure build are recorded."""
    native = pytest.importorskip(
        "newsitem._native", reason="the native reader is not built: the pure one alone"
    )
    monkeypatch.setattr(_yaml, "_native_values", native.values)
    texts: list[str] = []
    pure = _yaml.pure_values

    def spy(source: str, text: str, **kwargs: Any) -> dict[Any, Any]:
        texts.append(text)
        return pure(source, text, **kwargs)

    monkeypatch.setattr(_yaml, "pure_values", spy)
    return texts


def test_the_native_build_reads_a_plain_text_alone(native_first: list[str]) -> None:
    """What the native build reads never reaches the pure one; its values are YAML's."""
    yaml = "title: a\ncount: 3\nratio: 0.5\nflag: true\nnone: ~\ntags:\n  - x\n  - 2\n"
    expected = {
        "title": "a",
        "count": 3,
        "ratio": 0.5,
        "flag": True,
        "none": None,
        "tags": ["x", 2],
    }
    values = _yaml.values(yaml)
    assert values == expected
    assert [type(v) for v in values.values()] == [str, int, float, bool, type(None), list]
    assert native_first == []


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("a: !!str 1\n", {"a": "1"}, id="a-tag"),
        pytest.param("a: 1\r\nb: x\r\n", {"a": 1, "b": "x"}, id="crlf"),
    ],
)
def test_what_the_native_build_leaves_the_pure_one_reads(
    yaml: str, expected: dict[Any, Any], native_first: list[str]
) -> None:
    values = _yaml.values(yaml)
    assert values == expected
    if native_first:  # the native build left it: the pure one read the text as given
        assert native_first == [yaml]


def test_the_native_build_is_held_to_the_limits_given(native_first: list[str]) -> None:
    """Past a limit the native build gives up, and the pure one reports it."""
    yaml = "a: [1, 2, 3]\n"  # root, a, the list, 1, 2, 3: 6 values, 3 levels deep at most
    assert _yaml.values(yaml, limits=Limits(max_nodes=6, max_depth=2)) == {"a": [1, 2, 3]}
    assert native_first == []
    with pytest.raises(LimitExceededError, match="more than 5 values"):
        _yaml.values(yaml, limits=Limits(max_nodes=5))
    with pytest.raises(LimitExceededError, match="more than 1 levels deep"):
        _yaml.values(yaml, limits=Limits(max_depth=1))
    assert native_first == [yaml, yaml]


def test_the_pure_build_counts_lines_in_the_yaml_text_by_default() -> None:
    """``pure_values`` without a line offset: line 1 is the YAML text's first line."""
    yaml = "a: 1\na: 2\n"
    with pytest.raises(DuplicateKeyError) as caught:
        _yaml.pure_values(yaml, yaml)
    error = caught.value
    assert (error.line, error.column, error.first_line, error.first_column) == (2, 1, 1, 1)
