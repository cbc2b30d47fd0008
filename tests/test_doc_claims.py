"""What docs/format.md, docs/safety.md and docs/errors.md say, tested claim by claim.

Expected values come from the pages (and YAML 1.2's core schema), never from
the library's output.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import newsitem
from newsitem import Limits, errors, frontmatter
from newsitem import api as api_module


def _value(yaml: str) -> Any:
    """The value of key ``a`` in front matter ``a: <yaml>``."""
    return frontmatter.loads(f"---\na: {yaml}\n---\n").data["a"]


def _refusal(yaml: str) -> errors.NewsItemError:
    with pytest.raises(errors.NewsItemError) as info:
        frontmatter.loads(f"---\na: {yaml}\n---\n")
    return info.value


# -- format.md: the core schema -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
    ],
)
def test_the_six_boolean_spellings_are_booleans(text: str, value: bool) -> None:
    """YAML 1.2 core: true/True/TRUE and false/False/FALSE are the only booleans."""
    assert _value(text) is value


@pytest.mark.parametrize("text", ["tRuE", "fAlSe", "TRue", "yes", "no", "on", "off", "Yes", "y"])
def test_other_spellings_of_truth_are_strings(text: str) -> None:
    """Mixed case and YAML 1.1's yes/no/on/off are strings, as written."""
    assert _value(text) == text


@pytest.mark.parametrize("text", ["~", "null", "Null", "NULL", ""])
def test_null_spellings(text: str) -> None:
    """Nulls are written ``~``, ``null`` (three cases) or nothing at all."""
    assert _value(text) is None


@pytest.mark.parametrize("text", ["nULL", "none", "None", "nil"])
def test_other_null_like_words_are_strings(text: str) -> None:
    """Only the core schema's null spellings are null."""
    assert _value(text) == text


# -- safety.md: each core tag, valid and invalid ----------------------------------------------


@pytest.mark.parametrize(
    ("yaml", "value"),
    [
        ("!!str 12", "12"),
        ("!!str true", "true"),
        ("! 12", "12"),
        ("!!int 12", 12),
        ("!!int 0x1F", 31),
        ("!!int -3", -3),
        ("!!float 1.5", 1.5),
        ("!!float 2", 2.0),
        ("!!bool true", True),
        ("!!bool FALSE", False),
        ("!!null ~", None),
        ("!!null null", None),
        ("!!null", None),
        ("!!timestamp 2024-03-11", dt.date(2024, 3, 11)),
        (
            "!!timestamp 2024-03-11T09:15:00Z",
            dt.datetime(2024, 3, 11, 9, 15, tzinfo=dt.timezone.utc),
        ),
        ("!!binary aGVsbG8=", "aGVsbG8="),
        ("!!map {b: 1}", {"b": 1}),
        ("!!seq [1, x]", [1, "x"]),
    ],
)
def test_core_tags_are_read(yaml: str, value: Any) -> None:
    """Each core tag is read with its YAML meaning; ``!!binary`` stays its base64 text."""
    got = _value(yaml)
    assert got == value
    assert type(got) is type(value)


def test_tagged_values_round_trip() -> None:
    """A tagged value is written back as it was, tag and all."""
    text = "---\na: !!int 12\nb: !!binary aGVsbG8=\nc: !!seq [1]\nd: !!str x\n---\nbody\n"
    assert frontmatter.dumps(frontmatter.loads(text)) == text


@pytest.mark.parametrize(
    "yaml",
    [
        "!!int abc",
        "!!int 1.5",
        "!!int",
        "!!float x",
        "!!bool yes",
        "!!bool 1",
        "!!null x",
        "!!timestamp soon",
        "!!timestamp 2024-13-45",
        "!!binary xyz",
        "!!binary a$b=",
        "!!map x",
        "!!seq x",
        "!!map [1]",
        "!!seq {b: 1}",
        "!!str [1]",
        "!!int {b: 1}",
    ],
)
def test_core_tag_on_a_value_it_does_not_fit_is_invalid_tag_value(yaml: str) -> None:
    """``!!int abc``, an invalid ``!!binary``, ``!!map`` on a scalar: ``invalid-tag-value``."""
    error = _refusal(yaml)
    assert type(error) is errors.YAMLSyntaxError
    assert error.code == "invalid-tag-value"
    assert (error.line, error.column) == (2, 4)  # at the tag


@pytest.mark.parametrize(
    "yaml",
    [
        "!!set {b}",
        "!!omap [x]",
        "!!python/object:os.system x",
        "!!python/object/apply:os.system [ls]",
        "!!python/name:os.system x",
        "!foo x",
        "!<tag:example.com,2024:x> y",
    ],
)
def test_other_tags_are_unsupported(yaml: str) -> None:
    """Any tag but the core ones raises UnsupportedTagError at the tag."""
    error = _refusal(yaml)
    assert isinstance(error, errors.UnsupportedTagError)
    assert error.code == "unsupported-tag"
    assert (error.line, error.column) == (2, 4)


# -- format.md: tabs ------------------------------------------------------------------------


@pytest.mark.parametrize(("yaml", "line"), [("\ta: 1", 2), ("a:\n\tb: 1", 3)])
def test_a_tab_used_as_indentation_is_refused(yaml: str, line: int) -> None:
    """As docs/format.md says: a tab that indents a line is a ``yaml-syntax`` error on that line."""
    with pytest.raises(errors.YAMLSyntaxError) as info:
        frontmatter.loads(f"---\n{yaml}\n---\n")
    assert (info.value.code, info.value.line) == ("yaml-syntax", line)


@pytest.mark.parametrize(
    ("yaml", "value"),
    [
        ("a:\tb", "b"),
        ("a: b\t", "b"),
        ("a: x\ty", "x\ty"),
        ("a:\n-\tx", ["x"]),
        ("a:\n \tb", "b"),
        ("a:\n \t!!str 1", "1"),
        ("a:\n \t&x\n  b", "b"),
    ],
)
def test_a_tab_as_separating_white_space_is_accepted(yaml: str, value: Any) -> None:
    """YAML 1.2: a tab may separate a key's ``:`` or a ``-`` from the value, and words;
    below a key, it may follow the line's spaces, before the value or its properties."""
    assert frontmatter.loads(f"---\n{yaml}\n---\n").data["a"] == value


@pytest.mark.parametrize(
    ("yaml", "value"),
    [
        ('a: "x\ty"', "x\ty"),
        ("a: 'x\ty'", "x\ty"),
        ("a: |\n  \tx", "\tx\n"),
        ("a: b #\tc", "b"),
        ("a: [x,\ty]", ["x", "y"]),
        ("a: [\tx\t, y]", ["x", "y"]),
        ("a: {b:\tc}", {"b": "c"}),
    ],
)
def test_tabs_in_quotes_block_scalars_comments_and_flow_are_kept(yaml: str, value: Any) -> None:
    """Tabs inside quoted and block scalars are text, in a comment comment, in flow spacing."""
    assert frontmatter.loads(f"---\n{yaml}\n---\n").data["a"] == value


# -- safety.md: limits ----------------------------------------------------------------------


def test_limit_defaults_are_the_documented_ones() -> None:
    """16 MiB, 100,000 values and 100 levels, as the table in docs/safety.md says."""
    limits = Limits()
    assert limits.max_bytes == 16 * 1024 * 1024 == 16_777_216
    assert limits.max_nodes == 100_000
    assert limits.max_depth == 100
    assert newsitem.MAX_DEPTH == 200


def _nodes(count: int) -> str:
    """Front matter of exactly ``count`` values: the mapping and ``(count - 1) // 2`` pairs."""
    pairs = (count - 1) // 2
    assert 1 + 2 * pairs == count
    return "---\n" + "".join(f"k{i}: {i}\n" for i in range(pairs)) + "---\n"


def test_default_max_nodes_allows_exactly_100000_values() -> None:
    """The default bound counts every key, value and mapping: 100,000 pass, 100,001 do not."""
    assert len(frontmatter.loads(_nodes(99_999)).data) == 49_999
    with pytest.raises(errors.LimitExceededError):
        frontmatter.loads(_nodes(100_001))


def test_default_max_depth_allows_exactly_100_levels() -> None:
    """The front matter's own mapping is level 1; 100 levels load, 101 do not."""
    inside = "a: " + "[" * 99 + "]" * 99  # levels 2..100
    assert frontmatter.loads(f"---\n{inside}\n---\n").data["a"] is not None
    with pytest.raises(errors.LimitExceededError) as info:
        frontmatter.loads("---\na: " + "[" * 100 + "]" * 100 + "\n---\n")
    assert info.value.line == 2


@pytest.mark.parametrize("name", ["max_bytes", "max_nodes", "max_depth"])
def test_a_limit_below_one_is_refused_when_made(name: str) -> None:
    """Every bound is at least 1: 0 and -1 raise ValueError, 1 is allowed."""
    for bad in (0, -1):
        with pytest.raises(ValueError, match=name):
            Limits(**{name: bad})
    assert getattr(Limits(**{name: 1}), name) == 1


def test_max_depth_is_capped_at_max_depth_constant() -> None:
    """``max_depth`` may be raised to ``MAX_DEPTH`` (200) and no further."""
    assert Limits(max_depth=200).max_depth == 200
    with pytest.raises(ValueError, match="at most 200"):
        Limits(max_depth=201)


def test_max_depth_of_one_allows_only_the_top_mapping() -> None:
    """``Limits(max_depth=1)``: flat front matter loads, a nested list does not."""
    limits = Limits(max_depth=1)
    assert frontmatter.loads("---\na: 1\n---\n", limits=limits).data == {"a": 1}
    with pytest.raises(errors.LimitExceededError):
        frontmatter.loads("---\na: [1]\n---\n", limits=limits)


# -- errors.md: a byte-order mark is not a column --------------------------------------------


def test_bad_byte_after_a_bom_is_counted_without_the_bom() -> None:
    """A bad byte right after BOM and ``--`` is at column 3 of line 1."""
    with pytest.raises(errors.DecodeError) as info:
        newsitem.frontmatter.load(_bytes_file(b"\xef\xbb\xbf--\xff-\n---\n"))
    assert (info.value.line, info.value.column, info.value.offset) == (1, 3, 5)


def test_nul_after_a_bom_is_counted_without_the_bom() -> None:
    """A NUL right after BOM and ``--`` is at column 3 of line 1; on line 2 the BOM is gone."""
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.loads("\ufeff--\x00\n")
    assert (info.value.line, info.value.column) == (1, 3)
    with pytest.raises(errors.DecodeError) as info:
        frontmatter.loads("\ufeff---\nab\x00\n")
    assert (info.value.line, info.value.column) == (2, 3)


def _bytes_file(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


# -- format.md: URLs ------------------------------------------------------------------------


def _item(url: str) -> str:
    return f"---\ntitle: T\nwebUrl: {url}\n---\n"


@pytest.mark.parametrize(
    "url",
    [
        "HTTPS://Example.com:8443/a",
        "Http://example.com:80/",
        "hTtPs://[::1]:8443/x",
        "https://example.com:8443",
    ],
)
def test_url_scheme_in_any_case_is_accepted_and_kept(url: str) -> None:
    """An http(s) URL with an upper-case scheme (and a port) is valid, kept exactly as written."""
    item = newsitem.loads(_item(url))
    assert item.article.web_url == url


@pytest.mark.parametrize("url", ["FTP://example.com:21/a", "mailto:x@example.com", "/relative"])
def test_other_schemes_are_refused(url: str) -> None:
    """Only http and https URLs are valid."""
    with pytest.raises(errors.ValidationError) as info:
        newsitem.loads(_item(url))
    assert [issue.field for issue in info.value.issues] == ["webUrl"]


# -- README: an unchanged item returns the exact input ----------------------------------------


def test_an_unchanged_item_is_not_merged_or_revalidated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dumping an unchanged item returns the input text itself, without redoing any work."""
    text = _item("https://example.com/a") + "body\n"
    item = newsitem.loads(text)

    def fail(*args: object, **kwargs: object) -> object:
        raise AssertionError("an unchanged item was merged or revalidated")

    # The values are still compared with those read (model_dump, in C); what
    # the shortcut skips is the validation and the merge into the document.
    monkeypatch.setattr(api_module, "_Merger", fail)
    monkeypatch.setattr(api_module, "_revalidate", fail)
    assert newsitem.dumps(item) is text
    item.article.title = "New"  # and a changed one still takes the full route
    with pytest.raises(AssertionError, match="merged or revalidated"):
        newsitem.dumps(item)
