"""Broken and hostile input: one NewsItemError subclass, a stable code and a position, nothing else.

Positions are 1-based and counted in the whole file (the opening fence is line
1); each expected position below is counted by hand from the text beside it.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _hostile import TEMPLATE, Line, dotted, item_text, template_line
from _hostile import Path as FieldPath

import newsitem
from newsitem import (
    MAX_DEPTH,
    DecodeError,
    DuplicateKeyError,
    FrontMatterError,
    LimitExceededError,
    Limits,
    NewsItemError,
    StructureError,
    UnsupportedTagError,
    ValidationError,
    YAMLSyntaxError,
    frontmatter,
)

Loader = Callable[[str], Any]

# Both layers see the same text errors: the schema-free document and the typed item.
LOADERS = [
    pytest.param(frontmatter.loads, id="frontmatter"),
    pytest.param(newsitem.loads, id="newsitem"),
]

# A "billion laughs": nine levels, each a list of nine aliases of the level above.
BOMB = (
    "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{above}'] * 9)}]\n"
        for above, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "---\n"
)


def _raises(loader: Loader, text: str, cls: type[NewsItemError]) -> Any:
    """The error ``loader(text)`` raises, checked to be exactly of class ``cls``."""
    with pytest.raises(NewsItemError) as info:
        loader(text)
    assert type(info.value) is cls, repr(info.value)
    return info.value


def _where(error: NewsItemError) -> tuple[str, int | None, int | None]:
    return error.code, error.line, error.column


# -- fences and structure -----------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "cls", "code", "line", "column"),
    [
        pytest.param("", FrontMatterError, "no-front-matter", 1, 1, id="empty-file"),
        pytest.param("\ufeff", FrontMatterError, "no-front-matter", 1, 1, id="bom-only"),
        pytest.param("\n\n", FrontMatterError, "no-front-matter", 1, 1, id="blank-lines"),
        pytest.param(
            "title: x\nwebUrl: https://e.com/\n",
            FrontMatterError,
            "no-front-matter",
            1,
            1,
            id="no-front-matter",
        ),
        pytest.param("# Just Markdown\n", FrontMatterError, "no-front-matter", 1, 1, id="markdown"),
        pytest.param(
            "---\ntitle: x\nwebUrl: https://e.com/\n",
            FrontMatterError,
            "unclosed-front-matter",
            1,
            1,
            id="no-closing-fence",
        ),
        pytest.param("---", FrontMatterError, "unclosed-front-matter", 1, 1, id="fence-only"),
        pytest.param(
            "---\r\ntitle: x\r\n", FrontMatterError, "unclosed-front-matter", 1, 1, id="crlf"
        ),
        pytest.param(
            "---\ntitle: x\n--- junk\nbody\n",
            FrontMatterError,
            "fence-trailing-text",
            3,
            4,
            id="closing-fence-junk",
        ),
        pytest.param(
            "---\ntitle: x\n---\tjunk\n",
            FrontMatterError,
            "fence-trailing-text",
            3,
            4,
            id="closing-fence-tab-junk",
        ),
        pytest.param("---\n- a\n- b\n---\n", StructureError, "not-a-mapping", 2, 1, id="list"),
        pytest.param("---\n[a, b]\n---\n", StructureError, "not-a-mapping", 2, 1, id="flow-list"),
        pytest.param(
            "---\njust some words\n---\n", StructureError, "not-a-mapping", 2, 1, id="scalar"
        ),
        pytest.param(
            "---\n# a comment\n  42\n---\n", StructureError, "not-a-mapping", 3, 3, id="number"
        ),
        pytest.param(
            '---\n"quoted"\n---\n', StructureError, "not-a-mapping", 2, 1, id="quoted-scalar"
        ),
    ],
)
def test_fence_and_structure_errors(
    loader: Loader, text: str, cls: type[NewsItemError], code: str, line: int, column: int
) -> None:
    """Missing, unclosed or junk-carrying fences and non-mapping front matter are located."""
    error = _raises(loader, text, cls)
    assert _where(error) == (code, line, column)


# -- encoding -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "offset", "line", "column"),
    [
        # "---\n" (4) + "title: ok\n" (10) + "excerpt: " (9) = 23
        pytest.param(b"---\ntitle: ok\nexcerpt: \xc3\x28\n---\n", 23, 3, 10, id="bad-continuation"),
        # a surrogate encoded as UTF-8 (CESU): not strict UTF-8
        pytest.param(b"---\na: \xed\xa0\x80\n---\n", 7, 2, 4, id="encoded-surrogate"),
        pytest.param(b"---\na: \xc0\xaf\n---\n", 7, 2, 4, id="overlong"),
        pytest.param(b"---\na: 1\n---\n\xe2\x82", 13, 4, 1, id="truncated-in-body"),
        pytest.param(b"\xef\xbb\xbf---\na: \xff\n---\n", 10, 2, 4, id="after-bom"),
        pytest.param(b"\xff\xfe-\x00-\x00-\x00\n\x00", 0, 1, 1, id="utf-16"),
    ],
)
@pytest.mark.parametrize("load", [frontmatter.load, newsitem.load], ids=["frontmatter", "newsitem"])
def test_invalid_utf8_reports_the_byte_offset(
    load: Callable[[Any], Any], raw: bytes, offset: int, line: int, column: int
) -> None:
    """Bytes that are not strict UTF-8 raise DecodeError at the first bad byte's offset."""
    with pytest.raises(NewsItemError) as info:
        load(io.BytesIO(raw))
    error = info.value
    assert type(error) is DecodeError
    assert (error.code, error.offset, error.line, error.column) == (
        "invalid-encoding",
        offset,
        line,
        column,
    )


def test_invalid_utf8_from_a_path_names_the_file(tmp_path: Path) -> None:
    """A DecodeError from ``newsitem.load(path)`` carries the path and the byte offset."""
    path = tmp_path / "latin1.md"
    path.write_bytes(b"---\ntitle: caf\xe9\nwebUrl: https://e.com/\n---\n")
    with pytest.raises(DecodeError) as info:
        newsitem.load(path)
    assert (info.value.path, info.value.offset, info.value.line, info.value.column) == (
        str(path),
        14,
        2,
        11,
    )


@pytest.mark.parametrize(
    ("raw", "offset", "line", "column"),
    [
        pytest.param(b"---\ntitle: a\x00b\n---\n", 12, 2, 9, id="in-front-matter"),
        pytest.param(b"---\na: 1\n---\nbody\x00", 17, 4, 5, id="in-body"),
        pytest.param(b"\x00---\na: 1\n---\n", 0, 1, 1, id="first-byte"),
        # "é" is two bytes but one column
        pytest.param("---\ntitle: é\x00\n---\n".encode(), 13, 2, 9, id="after-multibyte"),
    ],
)
@pytest.mark.parametrize("load", [frontmatter.load, newsitem.load], ids=["frontmatter", "newsitem"])
def test_nul_bytes_are_refused(
    load: Callable[[Any], Any], raw: bytes, offset: int, line: int, column: int
) -> None:
    """A NUL byte, valid UTF-8 but never text, raises DecodeError at its offset."""
    with pytest.raises(NewsItemError) as info:
        load(io.BytesIO(raw))
    error = info.value
    assert type(error) is DecodeError
    assert (error.code, error.offset, error.line, error.column) == (
        "invalid-character",
        offset,
        line,
        column,
    )


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "offset", "line", "column"),
    [
        pytest.param("---\ntitle: a\ud800\n---\n", 12, 2, 9, id="high-surrogate"),
        pytest.param("---\na: 1\n---\nbody\udfff", 17, 4, 5, id="low-surrogate-in-body"),
        pytest.param("---\nx: \x00\n---\n", 7, 2, 4, id="nul-in-str"),
    ],
)
def test_lone_surrogates_and_nul_in_text_are_refused(
    loader: Loader, text: str, offset: int, line: int, column: int
) -> None:
    """A str holding a lone surrogate or NUL raises DecodeError; offset counts UTF-8 bytes."""
    error = _raises(loader, text, DecodeError)
    assert (error.code, error.offset, error.line, error.column) == (
        "invalid-character",
        offset,
        line,
        column,
    )


# The same text read by each parser the library may route it to: the plainest
# text, one with an anchor (never the values-only fast path) and one with a tab
# (only the pure-Python parser).
PARSER_ROUTES = [
    pytest.param("", id="plain"),
    pytest.param("anchored: &a x\n", id="anchor"),
    pytest.param('tabbed: "a\tb"\n', id="tab"),
]


@pytest.mark.parametrize("extra", PARSER_ROUTES)
@pytest.mark.parametrize("loader", LOADERS)
def test_escaped_lone_surrogate_is_refused(loader: Loader, extra: str) -> None:
    """A double-quoted ``\\ud800`` escape makes a lone surrogate: refused at the scalar."""
    text = f'---\ntitle: "\\ud800"\nwebUrl: https://e.com/\n{extra}---\n'
    with pytest.raises(NewsItemError) as info:
        loader(text)
    assert (info.value.line, info.value.column) == (2, 8)


@pytest.mark.parametrize("extra", PARSER_ROUTES)
def test_escaped_surrogate_pair_is_one_character(extra: str) -> None:
    """``"\\ud83d\\ude00"`` is JSON's spelling of one character, U+1F600, on every parser."""
    doc = frontmatter.loads(f'---\ntitle: "\\ud83d\\ude00"\n{extra}---\n')
    # ascii(): a failure report must not hold lone surrogates (xdist cannot send them)
    assert ascii(doc.data["title"]) == ascii("\U0001f600")


# -- YAML syntax ----------------------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param("---\nprovider:\n\tname: x\n---\n", 3, 1, id="tab-indent"),
        pytest.param("---\nprovider:\n  name: x\n\tdomain: y\n---\n", 4, 1, id="tab-second-key"),
        pytest.param(
            "---\nprovider:\n  name: x\n  \tdomain: y\n---\n", 4, 3, id="tab-after-spaces"
        ),
        pytest.param("---\ntopics:\n\t- a\n---\n", 3, 1, id="tab-before-dash"),
        pytest.param("---\nprovider:\n  name: x\n domain: y\n---\n", 4, 2, id="dedent-in-mapping"),
        pytest.param("---\ntitle: a\n  b: c\n---\n", 3, 4, id="indented-key-under-scalar"),
        pytest.param("---\ntopics:\n    - a\n  - b\n---\n", 4, 3, id="dedent-in-list"),
        pytest.param("---\ntitle: x\nkey: value: other\n---\n", 3, 11, id="colon-in-plain"),
        pytest.param('---\ntitle: "a\\qb"\n---\n', 2, 11, id="invalid-escape"),
        pytest.param('---\ntitle: "\\x4"\n---\n', 2, 11, id="short-hex-escape"),
        pytest.param('---\ntitle: "\\uZZZZ"\n---\n', 2, 11, id="bad-unicode-escape"),
        pytest.param("---\ntitle: @x\n---\n", 2, 8, id="reserved-indicator"),
        pytest.param("---\ntitle: *nowhere\n---\n", 2, 8, id="undefined-alias"),
    ],
)
def test_yaml_syntax_errors_are_located(loader: Loader, text: str, line: int, column: int) -> None:
    """Tabs, bad indentation and bad escapes raise YAMLSyntaxError at the offending character."""
    error = _raises(loader, text, YAMLSyntaxError)
    assert _where(error) == ("yaml-syntax", line, column)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param('---\ntitle: "abc\n---\n', 2, 8, id="double-quote"),
        pytest.param("---\ntitle: 'abc\n---\n", 2, 8, id="single-quote"),
        pytest.param('---\ntitle: "abc\nwebUrl: x\n---\n', 2, 8, id="double-quote-runs-on"),
        pytest.param("---\ntopics: [a, b\n---\n", 2, 9, id="flow-sequence"),
        pytest.param("---\nprovider: {name: x\n---\n", 2, 11, id="flow-mapping"),
        pytest.param("---\ntopics: [a, {b: c\n---\n", 2, 13, id="nested-flow"),
    ],
)
def test_unterminated_scalars_and_collections_point_at_their_start(
    loader: Loader, text: str, line: int, column: int
) -> None:
    """An unterminated quote or flow collection is reported where it opens, not at the fence."""
    error = _raises(loader, text, YAMLSyntaxError)
    assert _where(error) == ("yaml-syntax", line, column)


# -- duplicate keys -------------------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "line", "column", "first_line", "first_column"),
    [
        pytest.param("---\ntitle: a\ntype: b\ntitle: c\n---\n", 4, 1, 2, 1, id="top-level"),
        pytest.param('---\ntitle: a\n"title": b\n---\n', 3, 1, 2, 1, id="quoted-second"),
        pytest.param("---\nprovider:\n  name: a\n  name: b\n---\n", 4, 3, 3, 3, id="nested"),
        pytest.param("---\nprovider: {name: a, name: b}\n---\n", 2, 21, 2, 12, id="flow-mapping"),
        pytest.param(
            "---\nrelated:\n  - title: a\n    webUrl: x\n    title: b\n---\n",
            5,
            5,
            3,
            5,
            id="in-list-item",
        ),
        pytest.param("---\n1: a\n0x1: b\n---\n", 3, 1, 2, 1, id="same-int-two-spellings"),
        pytest.param("\ufeff---\r\ntitle: a\r\ntitle: b\r\n---\r\n", 3, 1, 2, 1, id="bom-crlf"),
    ],
)
def test_duplicate_keys_report_both_positions(
    loader: Loader, text: str, line: int, column: int, first_line: int, first_column: int
) -> None:
    """A key given twice points at the second, and ``first_line``/``first_column`` at the first."""
    error = _raises(loader, text, DuplicateKeyError)
    assert _where(error) == ("duplicate-key", line, column)
    assert (error.first_line, error.first_column) == (first_line, first_column)


# -- tags -----------------------------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("value", "column"),
    [
        pytest.param('!!python/object/apply:os.system ["echo pwned > {marker}"]', 8, id="apply"),
        pytest.param("!!python/object/new:os.system [echo pwned > {marker}]", 8, id="new"),
        pytest.param("!!python/name:os.system", 8, id="name"),
        pytest.param('!!python/name:os.system ""', 8, id="name-with-value"),
        pytest.param("!!python/object:pathlib.Path {{path: {marker}}}", 8, id="object"),
        pytest.param("!!python/tuple [1, 2]", 8, id="tuple"),
        pytest.param('!<tag:yaml.org,2002:python/name:os.system> ""', 8, id="verbatim"),
        pytest.param("!foo bar", 8, id="local"),
        pytest.param("!foo {{a: 1}}", 8, id="local-on-mapping"),
        pytest.param("!foo [a]", 8, id="local-on-sequence"),
        pytest.param("!!set {{a, b}}", 8, id="core-set"),
        pytest.param("!!omap [a: 1]", 8, id="core-omap"),
        pytest.param("&anchor !foo bar", 8, id="after-anchor"),
    ],
)
def test_object_and_unknown_tags_are_refused_not_run(
    loader: Loader, value: str, column: int, tmp_path: Path
) -> None:
    """Tags that would build or call Python objects, and unknown tags, are refused unrun."""
    marker = tmp_path / "pwned"
    text = f"---\ntitle: {value.format(marker=marker)}\nwebUrl: https://e.com/\n---\n"
    error = _raises(loader, text, UnsupportedTagError)
    assert _where(error) == ("unsupported-tag", 2, column)
    assert not marker.exists()


def test_tag_on_a_key_is_refused() -> None:
    """A tag on a mapping key is refused at the tag."""
    error = _raises(frontmatter.loads, "---\n!foo key: v\n---\n", UnsupportedTagError)
    assert _where(error) == ("unsupported-tag", 2, 1)


def test_apply_tag_never_calls_os_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """``!!python/object/apply:os.system`` is refused without os.system ever being called."""
    import os

    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *args: calls.append(args) or 0)
    text = '---\ntitle: !!python/object/apply:os.system ["echo pwned > /tmp/x"]\n---\n'
    with pytest.raises(UnsupportedTagError):
        newsitem.loads(text)
    assert calls == []


# -- limits ---------------------------------------------------------------------


@pytest.mark.parametrize("loader", LOADERS)
def test_billion_laughs_is_stopped_with_little_memory(loader: Loader) -> None:
    """Nine levels of nine aliases stop at the node limit, using well under 20 MB."""
    # Values counted up to line 7 (`f:`): the root 1; `a:` key, list and nine
    # items 11; `b:` key, list and nine aliases of 10 values 92; `c:` 2 + 9 * 91;
    # `d:` 2 + 9 * 820; `e:` 2 + 9 * 7381, total 74,738. `f:` adds its key and
    # list, and its first alias (column 8) adds 66,430: past 100,000.
    tracemalloc.start()
    try:
        error = _raises(loader, BOMB, LimitExceededError)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _where(error) == ("limit-exceeded", 7, 8)
    assert peak < 20 * 1024 * 1024


def test_billion_laughs_from_bytes_is_stopped() -> None:
    """The same bomb read from bytes by ``load`` is refused the same way."""
    with pytest.raises(LimitExceededError) as info:
        newsitem.load(io.BytesIO(BOMB.encode()))
    assert _where(info.value) == ("limit-exceeded", 7, 8)


def test_block_style_alias_bomb_is_stopped() -> None:
    """A bomb of block mappings whose values alias the level above is refused too."""
    text = "---\nl0: &l0\n  k0: x\n  k1: x\n"
    for level in range(1, 30):
        text += f"l{level}: &l{level}\n  k0: *l{level - 1}\n  k1: *l{level - 1}\n"
    error = _raises(frontmatter.loads, text + "---\n", LimitExceededError)
    assert error.code == "limit-exceeded"


@pytest.mark.parametrize(
    ("max_nodes", "outcome"),
    [
        # root 1, `a` 1, its list 1 + 3 items = 6; `b` 1, list 1 = 8; each `*a` counts 4
        # (columns 5, 9, 13): 12, 16, 20. A count over the limit is refused.
        pytest.param(20, None, id="exactly-enough"),
        pytest.param(19, (3, 13), id="third-alias"),
        pytest.param(16, (3, 13), id="second-alias-reaches-the-limit"),
        pytest.param(15, (3, 9), id="second-alias"),
        pytest.param(11, (3, 5), id="first-alias"),
        # the third "x" (column 14) is the sixth value
        pytest.param(5, (2, 14), id="before-any-alias"),
    ],
)
def test_node_limit_is_configurable(max_nodes: int, outcome: tuple[int, int] | None) -> None:
    """``Limits(max_nodes=...)`` moves the alias-expansion limit, counted value by value."""
    text = "---\na: &a [x, x, x]\nb: [*a, *a, *a]\n---\n"
    limits = Limits(max_nodes=max_nodes)
    if outcome is None:
        doc = frontmatter.loads(text, limits=limits)
        assert doc.data["b"] == [["x", "x", "x"]] * 3
        return
    with pytest.raises(LimitExceededError) as info:
        frontmatter.loads(text, limits=limits)
    assert (info.value.line, info.value.column) == outcome


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # root mapping is level 1; the n-th "[" (column 3 + n) is level n + 1
        pytest.param("---\na: " + "[" * 10_000 + "]" * 10_000 + "\n---\n", 2, 103, id="flow-list"),
        pytest.param("---\na: " + "[" * 10_000 + "\n---\n", 2, 103, id="flow-list-unclosed"),
        pytest.param("---\n" + "[" * 10_000 + "\n---\n", 2, 101, id="flow-list-at-root"),
        # each "{a: " is 4 characters; the 100th opens at column 3 + 4 * 99 + 1
        pytest.param("---\na: " + "{a: " * 10_000 + "\n---\n", 2, 400, id="flow-mapping"),
        # the n-th "- " is at column 2n + 1 and opens level n + 1
        # (a valid item after it, so that nothing else stops the typed loader first)
        pytest.param(
            "---\na:\n  " + "- " * 10_000 + "x\ntitle: t\nwebUrl: https://e.com/\n---\n",
            3,
            201,
            id="block-list",
        ),
        # line 2 + j holds j spaces and "k:", which opens level j + 1
        pytest.param(
            "---\n" + "".join(" " * j + "k:\n" for j in range(2_000)) + "---\n",
            102,
            101,
            id="block-mapping",
        ),
    ],
)
def test_deep_nesting_hits_the_depth_limit(
    loader: Loader, text: str, line: int, column: int
) -> None:
    """10,000 levels of flow or block nesting raise LimitExceededError, never RecursionError."""
    error = _raises(loader, text, LimitExceededError)
    assert _where(error) == ("limit-exceeded", line, column)


@pytest.mark.parametrize("extra", ["", "anchored: &a x\n"], ids=["fast", "full"])
def test_empty_flow_mapping_counts_as_a_level(extra: str) -> None:
    """``[[{}]]`` is four levels with the root: refused under ``max_depth=3`` on every route."""
    text = f"---\na: [[{{}}]]\n{extra}---\n"
    with pytest.raises(LimitExceededError) as info:
        frontmatter.loads(text, limits=Limits(max_depth=3))
    assert _where(info.value) == ("limit-exceeded", 2, 6)
    assert frontmatter.loads(text, limits=Limits(max_depth=4)).data["a"] == [[{}]]


def test_depth_limit_is_configurable() -> None:
    """``Limits(max_depth=3)`` allows three levels of lists and mappings, not four."""
    assert frontmatter.loads("---\na: [[x]]\n---\n", limits=Limits(max_depth=3)).data == {
        "a": [["x"]]
    }
    with pytest.raises(LimitExceededError) as info:
        frontmatter.loads("---\na: [[[x]]]\n---\n", limits=Limits(max_depth=3))
    assert _where(info.value) == ("limit-exceeded", 2, 6)


def test_depth_limit_cannot_be_raised_past_what_python_can_recurse() -> None:
    """``Limits(max_depth=...)`` above ``MAX_DEPTH`` is refused when made, not at a deep file."""
    with pytest.raises(ValueError, match="max_depth may be at most 200"):
        Limits(max_depth=3_000)
    with pytest.raises(ValueError, match="max_nodes must be at least 1"):
        Limits(max_nodes=0)


def test_deepest_allowed_document_loads_dumps_and_edits() -> None:
    """At ``max_depth=MAX_DEPTH``, a document nested that deep loads, dumps and edits."""
    limits = Limits(max_depth=MAX_DEPTH)
    depth = MAX_DEPTH - 1  # the root mapping is the first level
    text = "---\na: " + "[" * depth + "]" * depth + "\nb: 1\n---\n"
    doc = frontmatter.loads(text, limits=limits)
    assert frontmatter.dumps(doc) == text
    doc.data["b"] = 2
    assert frontmatter.dumps(doc) == text.replace("b: 1", "b: 2")
    doc.data["a"] = [[[]]]
    assert frontmatter.dumps(doc) == "---\na: [[[]]]\nb: 2\n---\n"


def test_raised_depth_limit_allows_edits_of_deep_documents() -> None:
    """A document within a raised depth limit can be edited: the check uses the same limits."""
    limits = Limits(max_depth=150)
    text = "---\na: " + "[" * 140 + "]" * 140 + "\nb: 1\n---\n"
    doc = frontmatter.loads(text, limits=limits)
    doc.data["b"] = 2
    assert frontmatter.dumps(doc) == text.replace("b: 1", "b: 2")


def test_five_megabyte_line_loads_and_round_trips() -> None:
    """A 5 MB single-line title is well inside the default limits and comes back unchanged."""
    title = "x" * (5 * 1024 * 1024)
    text = f'---\ntitle: "{title}"\nwebUrl: "https://example.com/a"\n---\n'
    item = newsitem.loads(text)
    assert item.article.title == title
    assert newsitem.dumps(item) == text


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A file one byte over ``Limits(max_bytes=...)`` is refused; one at the limit is read."""
    path = tmp_path / "item.md"
    text = "---\ntitle: t\nwebUrl: https://e.com/\n---\n"  # 4 + 9 + 23 + 4 = 40 bytes
    path.write_text(text, encoding="utf-8")
    assert newsitem.load(path, limits=Limits(max_bytes=40)).article.title == "t"
    with pytest.raises(LimitExceededError) as info:
        newsitem.load(path, limits=Limits(max_bytes=39))
    assert (info.value.code, info.value.path, info.value.line) == (
        "limit-exceeded",
        str(path),
        None,
    )
    with pytest.raises(LimitExceededError):
        frontmatter.load(io.BytesIO(text.encode()), limits=Limits(max_bytes=39))


def test_text_over_the_size_limit_is_refused() -> None:
    """``loads`` counts characters against ``max_bytes``: "é" is one, so 40 pass, 39 do not."""
    text = "---\ntitle: é\nwebUrl: https://e.com/\n---\n"  # 40 characters, 41 bytes
    assert frontmatter.loads(text, limits=Limits(max_bytes=40)).data["title"] == "é"
    with pytest.raises(LimitExceededError) as info:
        newsitem.loads(text, limits=Limits(max_bytes=39))
    assert info.value.code == "limit-exceeded"


def test_default_size_limit_is_16_mib(tmp_path: Path) -> None:
    """A file of 16 MiB + 1 bytes is refused by default, before YAML sees it."""
    path = tmp_path / "big.md"
    head = b"---\ntitle: t\n---\n"
    path.write_bytes(head + b"x" * (16 * 1024 * 1024 + 1 - len(head)))
    with pytest.raises(LimitExceededError):
        frontmatter.load(path)


# -- wrong types in every field of every model ----------------------------------

# What goes wrong, by the kind of field: (YAML text of the value, issue code).
WRONG: dict[str, list[tuple[str, str]]] = {
    "str": [
        ("42", "wrong-type"),
        ("1.5", "wrong-type"),
        ("true", "wrong-type"),
        ("2021-09-27", "wrong-type"),
        ("[a, b]", "wrong-type"),
        ("{a: b}", "wrong-type"),
    ],
    "url": [
        ("42", "wrong-type"),
        ("[https://e.com/]", "wrong-type"),
        ("{a: b}", "wrong-type"),
        ("not a url", "invalid-value"),
        ("/relative/path", "invalid-value"),
        ("ftp://example.com/x", "invalid-value"),
    ],
    "int": [
        ('"15"', "wrong-type"),
        ("lots", "wrong-type"),
        ("1.5", "wrong-type"),
        ("true", "wrong-type"),
        ("[1]", "wrong-type"),
        ("{a: 1}", "wrong-type"),
    ],
    "bool": [
        ('"true"', "wrong-type"),
        ("yes", "wrong-type"),
        ("1", "wrong-type"),
        ("[true]", "wrong-type"),
        ("{a: b}", "wrong-type"),
    ],
    "time": [
        ("42", "wrong-type"),
        ("true", "wrong-type"),
        ("[a]", "wrong-type"),
        ("{a: b}", "wrong-type"),
        ("2021-09-27", "wrong-type"),
        ("yesterday", "invalid-value"),
        ("2021-13-45T00:00:00Z", "invalid-value"),
    ],
    "strs": [("AI", "wrong-type"), ("42", "wrong-type"), ("{a: b}", "wrong-type")],
    "model": [("Example", "wrong-type"), ("42", "wrong-type"), ("[a, b]", "wrong-type")],
    "models": [("oops", "wrong-type"), ("{url: a}", "wrong-type"), ("42", "wrong-type")],
}

NULLS = ["~", "null", ""]


def _cases() -> list[Any]:
    cases = []
    for line in TEMPLATE:
        if line.key is None:
            continue  # list items: see the element cases below
        for value, code in WRONG[line.kind]:
            cases.append(pytest.param(line, value, code, id=f"{dotted(line.path)}={value}"))
        if line.required:
            cases.extend(
                pytest.param(line, value, "wrong-type", id=f"{dotted(line.path)}={value}")
                for value in NULLS
            )
    return cases


@pytest.mark.parametrize(("line", "value", "code"), _cases())
def test_wrong_type_in_every_field(line: Line, value: str, code: str) -> None:
    """A value of the wrong kind in any field is one issue, at that field and its value."""
    number, _ = template_line(line.path)
    column = line.value_column() - 1 if value == "" else line.value_column()
    with pytest.raises(NewsItemError) as info:
        newsitem.loads(item_text(line.path, value))
    error = info.value
    assert type(error) is ValidationError, repr(error)
    assert [(i.field, i.code, i.line, i.column) for i in error.issues] == [
        (dotted(line.path), code, number, column)
    ]


@pytest.mark.parametrize(
    ("path", "value", "field", "line", "column"),
    [
        pytest.param(("topics",), "[AI, 42]", "topics[1]", 22, 14, id="topics-int"),
        pytest.param(("topics",), "[[AI]]", "topics[0]", 22, 10, id="topics-list"),
        pytest.param(("topics",), "[{a: b}]", "topics[0]", 22, 10, id="topics-mapping"),
        pytest.param(("topics",), "[~]", "topics[0]", 22, 10, id="topics-null"),
        pytest.param(("tags",), "[true]", "tags[0]", 43, 8, id="tags-bool"),
        pytest.param(("categories",), "[1.5]", "categories[0]", 46, 14, id="categories-float"),
        pytest.param(("related",), "[oops]", "related[0]", 24, 11, id="related-string"),
        pytest.param(("related",), "[~]", "related[0]", 24, 11, id="related-null"),
        pytest.param(("related",), "[[a]]", "related[0]", 24, 11, id="related-list"),
        pytest.param(("provider", "images"), "[42]", "provider.images[0]", 15, 12, id="images-int"),
        pytest.param(
            ("related", 0, "images"),
            "[~]",
            "related[0].images[0]",
            36,
            14,
            id="related-images-null",
        ),
    ],
)
def test_wrong_type_in_list_elements(
    path: FieldPath, value: str, field: str, line: int, column: int
) -> None:
    """A wrong element of a list is reported at its index and its own position."""
    with pytest.raises(ValidationError) as info:
        newsitem.loads(item_text(path, value))
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        (field, "wrong-type", line, column)
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "column"),
    [
        # a missing key points at the first key of the mapping that lacks it
        pytest.param('title: "A title"\n', "", "title", 2, 1, id="title"),
        pytest.param('webUrl: "https://example.com/web"\n', "", "webUrl", 2, 1, id="webUrl"),
        pytest.param("  name: Example\n", "", "provider.name", 13, 3, id="provider-name"),
        pytest.param(
            '    webUrl: "https://example.org/related"\n',
            "",
            "related[0].webUrl",
            25,
            5,
            id="related-webUrl",
        ),
        pytest.param(
            '    - url: "https://example.com/logo.png"\n      width',
            "    - width",
            "provider.images[0].url",
            16,
            7,
            id="image-url",
        ),
    ],
)
def test_missing_required_field(old: str, new: str, field: str, line: int, column: int) -> None:
    """A required key that is absent is a missing-field issue at the mapping that lacks it."""
    text = item_text()
    assert text.count(old) == 1
    with pytest.raises(ValidationError) as info:
        newsitem.loads(text.replace(old, new))
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        (field, "missing-field", line, column)
    ]


def test_every_wrong_field_is_reported_at_once() -> None:
    """Three wrong fields in one file are three issues, in file order."""
    text = item_text().replace("quality: 15", "quality: lots")
    text = text.replace("isCached: true\n      title", 'isCached: "no"\n      title')
    text = text.replace("    quality: 166", "    quality: [1]")
    with pytest.raises(ValidationError) as info:
        newsitem.loads(text)
    assert [(i.field, i.code, i.line, i.column) for i in info.value.issues] == [
        ("quality", "wrong-type", 9, 10),
        ("provider.images[0].isCached", "wrong-type", 19, 17),
        ("related[0].quality", "wrong-type", 35, 14),
    ]


def test_nulls_in_optional_fields_are_fine() -> None:
    """Null in every optional top-level field loads as None."""
    text = item_text()
    for key in ("category", "excerpt", "quality", "heat", "published", "type", "secured"):
        text = text.replace(f"\n{key}: ", f"\n{key}: ~ #", 1)
    item = newsitem.loads(text)
    assert (item.article.quality, item.article.published, item.article.excerpt) == (
        None,
        None,
        None,
    )


def test_the_template_itself_is_valid() -> None:
    """The item every wrong-type case starts from loads, so each case tests one thing."""
    item = newsitem.loads(item_text())
    assert item.article.related is not None
    assert item.article.related[0].images is not None
    assert item.article.related[0].images[0].width == 701
