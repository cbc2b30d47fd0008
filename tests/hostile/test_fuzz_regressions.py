"""Regression tests for what the coverage-guided fuzzer (``fuzz/fuzz_load.py``) found.

Each test is the smallest input that shows one finding, reduced by hand from
the crash file the fuzzer wrote, and fails without the fix.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from _hostile import same

import newsitem
from newsitem import (
    DuplicateKeyError,
    NewsItemError,
    StructureError,
    YAMLSyntaxError,
    _yaml,
    frontmatter,
)
from newsitem._scalars import FrozenMapping

# Lines that, added at the end of the front matter, send the text to each of
# the parsers newsitem may use: none (the fast path when installed), an anchor
# (libyaml) and a tab inside quotes (the pure-Python parser).
ROUTES = ["", "zz: &zz 1\n", 'zz: "\t"\n']


def _outcome(text: str) -> Any:
    """The data ``frontmatter.loads`` reads, or the (class, code, line, column) it raises."""
    try:
        return frontmatter.loads(text).data
    except NewsItemError as exc:
        return (type(exc), exc.code, exc.line, exc.column)


# -- FZ1: the fast path accepted what the full parser refuses ------------------


@pytest.mark.parametrize(
    "char",
    [
        pytest.param("\x06", id="C0-control"),
        pytest.param("\x0b", id="vertical-tab"),
        pytest.param("\x7f", id="DEL"),
        pytest.param("\x9b", id="C1-control"),
        pytest.param("\ufffe", id="noncharacter"),
    ],
)
def test_non_printable_character_is_refused_on_every_route(char: str) -> None:
    """A character YAML does not allow in a document is a YAMLSyntaxError at 2:9, always."""
    # Found as: the text loaded, and the first edit raised YAMLSyntaxError from dumps.
    text = f"---\ntitle: a{char}b\n---\n"
    with pytest.raises(YAMLSyntaxError) as info:
        frontmatter.loads(text)
    assert (info.value.code, info.value.line, info.value.column) == ("yaml-syntax", 2, 9)


def test_bom_after_the_fence_is_not_part_of_the_key() -> None:
    """A BOM right after the opening fence starts the YAML stream, so it is not in the key."""
    assert frontmatter.loads("---\n\ufeffa: 1\n---\n").data == {"a": 1}


def test_block_scalar_indicator_after_a_bom_is_refused() -> None:
    """``\\ufeff>-a: 1`` is a broken block scalar header, not a key: refused at the "a"."""
    with pytest.raises(YAMLSyntaxError) as info:
        frontmatter.loads("---\n\ufeff>-a: 1\n---\n")
    assert (info.value.line, info.value.column) == (2, 4)


def test_next_line_character_reads_the_same_on_every_route() -> None:
    """U+0085 gives the same value whichever parser reads the text."""
    outcomes = [_outcome(f"---\nt: a\x85b\n{extra}---\n") for extra in ROUTES]
    values = [outcome["t"] for outcome in outcomes if isinstance(outcome, dict)]
    assert len(values) == len(ROUTES), outcomes
    assert values[0] == values[1] == values[2]


# -- FZ2: a lone CR before the closing fence ------------------------------------


def test_added_key_after_a_cr_fence_reloads() -> None:
    """``---\\r`` then ``\\n`` lines: a new key must not make the closing fence unreadable."""
    doc = frontmatter.loads("---\ra: 1\n---\n")
    doc.data["b"] = 2
    assert frontmatter.loads(frontmatter.dumps(doc)).data == {"a": 1, "b": 2}


def test_cr_only_line_breaks_are_read_or_refused_consistently() -> None:
    """The opening fence may end in a lone CR, so a closing fence after one is found too."""
    assert frontmatter.loads("---\ra: 1\r---\r").data == {"a": 1}


# -- FZ3: an assertion inside ruamel.yaml escaped ------------------------------


@pytest.mark.parametrize(
    "loader", [frontmatter.loads, newsitem.loads], ids=["frontmatter", "newsitem"]
)
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("---\n%YAML 1.3\n---\n", id="alone"),
        pytest.param("---\ntitle: x\n%YAML 1.215\nwebUrl: https://e.com/\n---\n", id="mid"),
    ],
)
def test_yaml_directive_with_unknown_minor_version_is_a_syntax_error(
    loader: Any, text: str
) -> None:
    """A ``%YAML 1.x`` line with x > 2 raises YAMLSyntaxError at it, not AssertionError."""
    with pytest.raises(YAMLSyntaxError) as info:
        loader(text)
    assert (info.value.line, info.value.column) == (2 if "1.3" in text else 3, 1)


def test_yaml_directive_with_major_version_2_is_a_syntax_error() -> None:
    """``%YAML 2.0`` is already refused as YAML (the neighbour of the finding above)."""
    with pytest.raises(YAMLSyntaxError) as info:
        frontmatter.loads("---\na: 1\n%YAML 2.0\n---\n")
    assert (info.value.line, info.value.column) == (3, 1)


# -- FZ4: an added key lands before a trailing null key -------------------------


def test_added_key_goes_after_an_empty_key_entry() -> None:
    """After ``a:`` and ``:`` (null key, null value), a new key is written last."""
    doc = frontmatter.loads("---\na:\n:\n---\n")
    assert doc.data == {"a": None, None: None}
    doc.data["b"] = 2
    text = frontmatter.dumps(doc)
    assert text == "---\na:\n:\nb: 2\n---\n"
    assert same(frontmatter.loads(text).data, {"a": None, None: None, "b": 2})


def test_added_key_goes_after_a_null_key_with_a_value() -> None:
    """A null key with a value (``: x``) is not affected: the new key goes last."""
    doc = frontmatter.loads("---\na: 1\n: x\n---\n")
    doc.data["b"] = 2
    assert frontmatter.dumps(doc) == "---\na: 1\n: x\nb: 2\n---\n"


# -- FZ5: libyaml and the pure parser disagree on a block scalar ----------------


def test_block_scalar_with_a_short_leading_blank_line_is_read() -> None:
    """YAML 1.2 (8.1.1.1) allows leading empty lines with fewer spaces than the text."""
    outcomes = [_outcome(f"---\nexcerpt: >-\n \n  text\n{extra}---\n") for extra in ROUTES]
    assert [{k: v for k, v in o.items() if k != "zz"} for o in outcomes] == [
        {"excerpt": "\ntext"}
    ] * 3


def test_block_scalar_with_an_equal_leading_blank_line_is_read() -> None:
    """A leading blank line as indented as the text is no problem for any parser."""
    outcomes = [_outcome(f"---\nexcerpt: >-\n  \n  text\n{extra}---\n") for extra in ROUTES]
    assert [o["excerpt"] if isinstance(o, dict) else o for o in outcomes] == ["\ntext"] * 3


# -- FZ6: an empty block scalar at the end --------------------------------------


@pytest.mark.parametrize("header", ["|", ">", "|+"])
def test_empty_block_scalar_at_the_end_is_empty(header: str) -> None:
    """A block scalar with no lines, last in the front matter, is ``""``."""
    assert frontmatter.loads(f"---\nz: 0\na: {header}\n---\n").data["a"] == ""


@pytest.mark.parametrize("header", ["|", ">", "|+"])
@pytest.mark.parametrize("extra", ROUTES[1:], ids=["libyaml", "pure"])
def test_empty_block_scalar_at_the_end_is_empty_on_the_full_path(header: str, extra: str) -> None:
    """The full path (libyaml or pure) already reads it as ``""``."""
    assert frontmatter.loads(f"---\n{extra}a: {header}\n---\n").data["a"] == ""


# -- FZ7: a document end marker first -------------------------------------------


@pytest.mark.parametrize(
    "yaml", [pytest.param("...\n", id="alone"), pytest.param("...\na: 1\n", id="before-a-key")]
)
def test_document_end_marker_first_is_read(yaml: str) -> None:
    """``...`` first ends no document: YAML 1.2 allows document suffixes before any."""
    assert frontmatter.loads(f"---\n{yaml}---\n").data == ({} if yaml == "...\n" else {"a": 1})


# -- FZ8: a null front matter -----------------------------------------------------


@pytest.mark.parametrize("yaml", ["~\n", "null\n", "# a comment\n~\n"])
def test_null_front_matter_is_not_a_mapping(yaml: str) -> None:
    """A front matter that is the single value null is a scalar: StructureError at the value."""
    with pytest.raises(StructureError) as info:
        frontmatter.loads(f"---\n{yaml}---\n")
    line = yaml.count("\n") + 1
    assert (info.value.code, info.value.line, info.value.column) == ("not-a-mapping", line, 1)


def test_empty_and_comment_only_front_matter_is_an_empty_mapping() -> None:
    """Nothing at all (or only comments) between the fences is an empty mapping, not null."""
    assert frontmatter.loads("---\n---\n").data == {}
    assert frontmatter.loads("---\n# nothing yet\n---\n").data == {}


# -- FZ9: libyaml accepts what the pure parser refuses ----------------------------


def test_bom_inside_the_front_matter_is_refused_on_every_route() -> None:
    """U+FEFF on a line of its own inside the YAML is refused whichever parser reads it."""
    outcomes = [_outcome(f"---\na: 1\n\ufeff\nb: 2\n{extra}---\n") for extra in ROUTES]
    assert outcomes == [(YAMLSyntaxError, "yaml-syntax", 3, 1)] * 3


@pytest.mark.parametrize(("header", "column"), [("|#c", 5), (">-#c", 6)])
def test_comment_glued_to_a_block_scalar_header_is_refused(header: str, column: int) -> None:
    """A ``#`` right after a block scalar header is not a comment: refused on every route."""
    outcomes = [_outcome(f"---\na: {header}\n  x\n{extra}---\n") for extra in ROUTES]
    assert outcomes == [(YAMLSyntaxError, "yaml-syntax", 2, column)] * 3


def test_bom_starting_a_key_reads_the_same_on_every_route() -> None:
    """A key that starts with U+FEFF reads the same whichever parser reads it."""
    outcomes = [_outcome(f"---\n! \n\ufeffb: !\n{extra}---\n") for extra in ROUTES]
    keys = [sorted(set(o) - {"zz"}) if isinstance(o, dict) else o for o in outcomes]
    assert keys[0] == keys[1] == keys[2], [ascii(k) for k in keys]


# -- FZ10: a tag with three "!" ---------------------------------------------------


def test_tag_with_three_exclamation_marks_is_refused_on_every_route() -> None:
    """``!!!str`` is not ``!!str`` ("!" cannot be in a tag's suffix): refused at the tag."""
    outcomes = [_outcome(f"---\nk: !!!str a\n{extra}---\n") for extra in ROUTES]
    assert outcomes == [(YAMLSyntaxError, "yaml-syntax", 2, 4)] * 3


# -- FZ11: flow list entries the fast parser read leniently -----------------------


@pytest.mark.parametrize(
    ("yaml", "line", "column"),
    [
        pytest.param("tags: [a,| b]\n", 2, 10, id="bar-after-comma"),
        pytest.param("tags: [> b]\n", 2, 8, id="folded-first"),
    ],
)
@pytest.mark.parametrize("extra", ROUTES, ids=["plain", "libyaml", "pure"])
def test_block_indicator_starting_a_flow_entry_is_refused(
    yaml: str, line: int, column: int, extra: str
) -> None:
    """``[a,| b]``: "|" and ">" cannot start a plain scalar; refused on every route."""
    # Found as: the fast path read '| b' as a string, the full path refused the text.
    outcome = _outcome(f"---\n{yaml}{extra}---\n")
    assert outcome == (YAMLSyntaxError, "yaml-syntax", line, column)


@pytest.mark.parametrize("extra", ROUTES, ids=["plain", "libyaml", "pure"])
def test_colon_before_the_end_of_a_flow_list_is_a_pair(extra: str) -> None:
    """``[b:]``: a ":" before "]" ends the plain scalar (YAML 1.2, 7.3.3): the pair b: null."""
    assert _outcome(f"---\na: [b:]\n{extra}---\n")["a"] == [{"b": None}]


# -- FZ12: a NaN key ---------------------------------------------------------------


def test_document_with_a_nan_key_can_be_edited() -> None:
    """``.nan: x`` is a key no other NaN equals; an added key still goes last, read back whole."""
    # Found as: the fuzz target compared keys with ==, under which NaN never matches.
    doc = frontmatter.loads("---\r\nt: |\n  le\n.nan: |\n\n---\r\nB")
    doc.data["added"] = "---"
    text = frontmatter.dumps(doc)
    assert text == '---\r\nt: |\n  le\n.nan: |\nadded: "---"\n\n---\r\nB'
    data = frontmatter.loads(text).data
    nan_keys = [key for key in data if isinstance(key, float) and math.isnan(key)]
    assert len(nan_keys) == 1
    assert data[nan_keys[0]] == ""
    assert data["added"] == "---"
    assert data["t"] == "le\n"


# -- FZ13: a \U escape past the last character -----------------------------------


@pytest.mark.parametrize("extra", ROUTES, ids=["plain", "libyaml", "pure"])
@pytest.mark.parametrize("escape", ["\\U01e901e9", "\\U00110000", "\\Uffffffff"])
def test_escape_past_the_last_character_is_a_syntax_error(escape: str, extra: str) -> None:
    """``"\\U00110000"`` names no character: a YAMLSyntaxError at the escape, not ValueError."""
    # Found as: ruamel.yaml's scanner raised ValueError from chr().
    outcome = _outcome(f'---\ntitle: "esc {escape}"\n{extra}---\n')
    assert outcome == (YAMLSyntaxError, "yaml-syntax", 2, 13)


def test_escape_of_the_last_character_is_read() -> None:
    """``"\\U0010FFFF"`` is U+10FFFF, the last code point: read, not refused."""
    assert frontmatter.loads('---\nt: "\\U0010FFFF"\n---\n').data == {"t": "\U0010ffff"}


# -- FZ14: a value glued to the ":" of a flow or quoted key ----------------------


@pytest.mark.parametrize("extra", ROUTES, ids=["plain", "libyaml", "pure"])
@pytest.mark.parametrize(
    ("flow", "key"),
    [
        ("[{a: 1}:b]", FrozenMapping({"a": 1})),
        ('["a":b]', "a"),
        ("[[x]:y]", ("x",)),
        ("['a':b]", "a"),
    ],
    ids=["mapping-key", "double-quoted-key", "list-key", "single-quoted-key"],
)
def test_value_glued_to_a_flow_key_colon_is_a_pair(flow: str, key: Any, extra: str) -> None:
    """``[{a: 1}:b]``: after a JSON-like key the value may follow the ":" (YAML 1.2, 7.4.2)."""
    value = "y" if flow == "[[x]:y]" else "b"
    assert _outcome(f"---\nt: {flow}\n{extra}---\n")["t"] == [{key: value}]


@pytest.mark.parametrize("extra", ROUTES, ids=["plain", "libyaml", "pure"])
def test_flow_pair_with_a_space_after_the_colon_is_read(extra: str) -> None:
    """``["a": b]`` is a one-pair mapping in a list on every route."""
    assert _outcome(f'---\nt: ["a": b]\n{extra}---\n')["t"] == [{"a": "b"}]


# -- FZ15: lone CR line breaks inside the YAML -----------------------------------


@pytest.mark.parametrize(
    "yaml",
    [
        "a: 1\rb: 2\r",
        "a: 1\r...\rb: 2\n",
        "a: 1\r...\r...\n",
        "a: 1\n...\r...\n",
        "a: |\r  x\r  y\rb: 2\n",
        "a: [1,\r 2]\r",
    ],
    ids=["plain", "document-end", "two-document-ends", "cr-after-end", "block-scalar", "flow"],
)
def test_lone_cr_line_breaks_are_line_breaks(yaml: str) -> None:
    """A lone CR is a line break (YAML 1.2, 5.4), read as ``\\n`` would be."""
    # Found as: libyaml read a "\r---" line as text, the pure parser as a new document.
    assert _outcome(f"---\n{yaml}---\n") == _outcome(f"---\n{yaml.replace(chr(13), chr(10))}---\n")


# -- FZ16: two document end markers ----------------------------------------------


def _composed(yaml: str) -> Any:
    try:
        return _yaml.compose(yaml, line_offset=1).data
    except NewsItemError as exc:
        return (type(exc), exc.code, exc.line, exc.column)


@pytest.mark.parametrize(
    ("yaml", "expected"),
    [
        pytest.param("a: 1\n...\n", {"a": 1}, id="one"),
        pytest.param("a: 1\n...\n...\n", {"a": 1}, id="two"),
    ],
)
def test_document_end_markers_end_one_document(yaml: str, expected: Any) -> None:
    """``...`` lines after the values end the one document; more of them open none."""
    # Found as: libyaml read one document, the pure parser an empty second one.
    assert _composed(yaml) == expected


def test_second_document_end_marker_before_a_key_is_refused() -> None:
    """A key after ``...`` starts a second document, which front matter cannot hold."""
    with pytest.raises(StructureError) as info:
        frontmatter.loads("---\na: 1\n...\nb: 2\n---\n")
    assert (info.value.code, info.value.line, info.value.column) == ("not-a-mapping", 4, 1)


# -- FZ17: a tag or anchor before a scalar that starts with ":" -----------------


@pytest.mark.parametrize("flow", ["[! :x]", "[&a :x]", "[!  :.5, b]"])
def test_property_before_a_colon_scalar_reads_the_same_on_every_parser(flow: str) -> None:
    """``[! :x]`` holds the string ``:x`` whichever parser reads it (the reference's reading)."""
    # Found as: libyaml read an empty key with the value x, the pure parser ":x".
    yaml = f"base: {flow}\n"
    assert _composed(yaml)["base"][0] == (":x" if "x" in flow else ":.5")


# -- FZ18: an extra value JSON cannot hold ---------------------------------------


def test_edit_of_an_item_whose_extra_value_json_cannot_hold_is_written() -> None:
    """A mapping used as a key (no JSON form) must not make every item look unchanged."""
    # Found as: both fingerprints were None, so a new title was silently dropped.
    text = "---\ntitle: flow\nwebUrl: https://e.com/d\nodd: [{{url: x}: 1}]\n---\n"
    item = newsitem.loads(text)
    assert newsitem.dumps(item) == text
    item.article.title = "New title"
    assert newsitem.dumps(item) == text.replace("title: flow", "title: New title")


# -- FZ19: NaN keys twice ----------------------------------------------------------


@pytest.mark.parametrize("extra", ROUTES, ids=["plain", "libyaml", "pure"])
def test_two_nan_keys_are_a_duplicate_key_on_every_route(extra: str) -> None:
    """``.nan:`` twice is a duplicate key (one value, one object), wherever the text goes."""
    # Found as: StopIteration from the duplicate-key report, and the fast path
    # reading two keys.
    outcome = _outcome(f"---\na: 1\n.nan: x\n.nan: y\n{extra}---\n")
    assert outcome == (DuplicateKeyError, "duplicate-key", 4, 1)
