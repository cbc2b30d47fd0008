"""Edits touch only their own lines: each test writes out the full text before and after."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest
from _support import UTC, assert_same_data, lines_of, tz

from newsitem import errors, frontmatter
from newsitem.frontmatter import FrontMatterDocument


def dumps_checked(doc: FrontMatterDocument) -> str:
    """``dumps(doc)``, after checking that the output reads back as exactly the edited data."""
    out = frontmatter.dumps(doc)
    again = frontmatter.loads(out)
    assert_same_data(again.data, doc.data)
    assert again.body == doc.body
    return out


def assert_lines_kept_except(before: str, after: str, first: int, count: int) -> None:
    """Lines outside ``before[first:first + count]`` are byte-identical in ``after``, in order."""
    old, new = lines_of(before), lines_of(after)
    kept_tail = len(old) - first - count
    assert new[:first] == old[:first]
    assert new[len(new) - kept_tail :] == old[len(old) - kept_tail :]


# -- scalars -------------------------------------------------------------------------------


def test_set_plain_scalar_stays_plain() -> None:
    """A plain string set to another safe plain string is written plain, on its own line only."""
    doc = frontmatter.loads(
        """\
---
category: news   # the section
title: Old title
quality: 15
---
Body
"""
    )
    doc.data["title"] = "A new title"
    assert (
        dumps_checked(doc)
        == """\
---
category: news   # the section
title: A new title
quality: 15
---
Body
"""
    )


def test_set_scalar_keeps_its_end_of_line_comment() -> None:
    """Only the scalar's text is replaced: the gap and the comment after it stay as written."""
    doc = frontmatter.loads("---\ntitle: Old  # keep me\nnext: 1\n---\n")
    doc.data["title"] = "Newer title"
    assert dumps_checked(doc) == "---\ntitle: Newer title  # keep me\nnext: 1\n---\n"


def test_set_single_quoted_stays_single_quoted() -> None:
    """A single-quoted scalar stays single-quoted, doubling an apostrophe."""
    doc = frontmatter.loads(
        """\
---
title: 'Old title'
excerpt: plain
---
"""
    )
    doc.data["title"] = "It's new"
    assert (
        dumps_checked(doc)
        == """\
---
title: 'It''s new'
excerpt: plain
---
"""
    )


def test_set_double_quoted_stays_double_quoted() -> None:
    """A double-quoted scalar stays double-quoted, with escapes; its quotes are never dropped."""
    doc = frontmatter.loads(
        """\
---
title: "Old title"
webUrl: "https://a.test/1"
---
"""
    )
    doc.data["title"] = 'Say "hi" \\ bye'
    doc.data["webUrl"] = "https://b.test/2"
    assert (
        dumps_checked(doc)
        == """\
---
title: "Say \\"hi\\" \\\\ bye"
webUrl: "https://b.test/2"
---
"""
    )


def test_value_needing_quotes_gets_double_quotes_by_default() -> None:
    """In a file without quoted scalars, a plain value that now needs quotes gets double quotes."""
    doc = frontmatter.loads(
        """\
---
title: Old
type: article
---
"""
    )
    doc.data["title"] = "Colon: inside"
    doc.data["type"] = "true"
    assert (
        dumps_checked(doc)
        == """\
---
title: "Colon: inside"
type: "true"
---
"""
    )


def test_value_needing_quotes_follows_the_dominant_single_style() -> None:
    """Where quoted scalars are single-quoted, a value that needs quotes gets single quotes."""
    doc = frontmatter.loads(
        """\
---
title: 'Single quoted'
excerpt: 'Also single'
type: article
---
"""
    )
    doc.data["type"] = "# not a comment"
    assert (
        dumps_checked(doc)
        == """\
---
title: 'Single quoted'
excerpt: 'Also single'
type: '# not a comment'
---
"""
    )


def test_single_quoted_value_with_a_line_break_becomes_double_quoted() -> None:
    """Single quotes cannot hold a line break on one line, so such a new value is double-quoted."""
    doc = frontmatter.loads("---\ntitle: 'Old'\n---\n")
    doc.data["title"] = "two\nlines"
    assert dumps_checked(doc) == '---\ntitle: "two\\nlines"\n---\n'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("123", '"123"'),
        ("", '""'),
        ("null", '"null"'),
        ("~", '"~"'),
        ("True", '"True"'),
        ("1e3", '"1e3"'),
        ("0x1F", '"0x1F"'),
        (".inf", '".inf"'),
        ("2021-09-27", '"2021-09-27"'),
        ("2021-09-27T18:46:00Z", '"2021-09-27T18:46:00Z"'),
        (" padded", '" padded"'),
        ("trailing ", '"trailing "'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("- item", '"- item"'),
        ("-", '"-"'),
        ("[x]", '"[x]"'),
        ("{x}", '"{x}"'),
        ("*star", '"*star"'),
        ("&amp", '"&amp"'),
        ("!bang", '"!bang"'),
        ("@at", '"@at"'),
        ("%pct", '"%pct"'),
        ("`tick", '"`tick"'),
        ("'quoted'", "\"'quoted'\""),
        ('"dq"', '"\\"dq\\""'),
        ("line\nbreak", '"line\\nbreak"'),
        ("yes", "yes"),
        ("on", "on"),
        ("1_000", "1_000"),
        ("12:30", "12:30"),
        ("a:b", "a:b"),
        ("http://x.test/a#b", "http://x.test/a#b"),
        ("café ☕", "café ☕"),
        ("it's", "it's"),
    ],
)
def test_plain_scalar_is_quoted_only_when_needed(value: str, written: str) -> None:
    """A new string replacing a plain one stays plain if it reads back the same, else is quoted."""
    doc = frontmatter.loads("---\ntitle: x\ntype: article\nquality: 1\n---\n")
    doc.data["type"] = value
    assert dumps_checked(doc) == f"---\ntitle: x\ntype: {written}\nquality: 1\n---\n"


def test_set_numbers_and_booleans() -> None:
    """Ints and booleans are rewritten in place as plain YAML."""
    doc = frontmatter.loads(
        """\
---
quality: 15
heat: -1
published: false
ratio: 1.5
---
"""
    )
    doc.data["quality"] = 16
    doc.data["heat"] = 3
    doc.data["published"] = True
    doc.data["ratio"] = 3.0
    assert (
        dumps_checked(doc)
        == """\
---
quality: 16
heat: 3
published: true
ratio: 3.0
---
"""
    )


def test_set_scalar_to_another_type() -> None:
    """A scalar can change type: an int becomes a string, a null becomes an int or a string."""
    doc = frontmatter.loads(
        """\
---
quality: 15
heat: ~
updatedDateTime:
last: 1
---
"""
    )
    doc.data["quality"] = "high"
    doc.data["heat"] = 5
    doc.data["updatedDateTime"] = "soon"
    assert (
        dumps_checked(doc)
        == """\
---
quality: high
heat: 5
updatedDateTime: soon
last: 1
---
"""
    )


def test_set_scalar_to_none_touches_only_its_line() -> None:
    """Setting a value to None rewrites only that entry's line, whatever null spelling is chosen."""
    before = "---\ntitle: x\nheat: 5\nlast: 1\n---\n"
    doc = frontmatter.loads(before)
    doc.data["heat"] = None
    after = dumps_checked(doc)
    assert_lines_kept_except(before, after, 2, 1)
    assert len(lines_of(after)) == len(lines_of(before))


def test_set_literal_block_scalar() -> None:
    """A literal block scalar stays a literal block at its indentation."""
    doc = frontmatter.loads(
        """\
---
title: x
notes: |
  line one
  line two
after: y
---
"""
    )
    doc.data["notes"] = "line one\nline three\n"
    assert (
        dumps_checked(doc)
        == """\
---
title: x
notes: |
  line one
  line three
after: y
---
"""
    )


def test_set_folded_block_scalar() -> None:
    """A folded, stripped block scalar stays ``>-`` with the new text."""
    doc = frontmatter.loads(
        """\
---
summary: >-
    old folded
    text
after: y
---
"""
    )
    doc.data["summary"] = "new text"
    assert (
        dumps_checked(doc)
        == """\
---
summary: >-
    new text
after: y
---
"""
    )


def test_long_string_is_never_folded() -> None:
    """A very long new string is written on one line, whatever its length."""
    long = "word " * 150 + "end: with a colon"
    doc = frontmatter.loads('---\ntitle: "short"\nnext: 1\n---\n')
    doc.data["title"] = long
    assert dumps_checked(doc) == f'---\ntitle: "{long}"\nnext: 1\n---\n'


def test_equal_values_change_nothing() -> None:
    """Assigning values equal to the loaded ones keeps every byte, spellings included."""
    text = """\
---
quality: +15
hex: 0x1F
published: True
nothing: NULL
t: 2021-09-27T18:46:00.0000000Z
s: 'x'
f: 1e3
---
"""
    doc = frontmatter.loads(text)
    doc.data["quality"] = 15
    doc.data["hex"] = 31
    doc.data["published"] = True
    doc.data["nothing"] = None
    doc.data["t"] = dt.datetime(2021, 9, 27, 18, 46, tzinfo=UTC)
    doc.data["s"] = "x"
    doc.data["f"] = 1000.0
    assert frontmatter.dumps(doc) == text


# -- timestamps ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "value", "new"),
    [
        pytest.param(
            "2021-09-27T18:46:00Z",
            dt.datetime(2022, 1, 2, 3, 4, 5, tzinfo=UTC),
            "2022-01-02T03:04:05Z",
            id="Z",
        ),
        pytest.param(
            "2021-09-27T18:46:00+00:00",
            dt.datetime(2022, 1, 2, 3, 4, 5, tzinfo=UTC),
            "2022-01-02T03:04:05+00:00",
            id="plus-zero",
        ),
        pytest.param(
            "2021-09-27T11:46:00-07:00",
            dt.datetime(2022, 1, 2, 3, 4, 5, tzinfo=tz(-7)),
            "2022-01-02T03:04:05-07:00",
            id="minus-seven",
        ),
        pytest.param(
            "2021-09-27T18:46:00.0000000Z",
            dt.datetime(2022, 1, 2, 3, 4, 5, 123456, tzinfo=UTC),
            "2022-01-02T03:04:05.1234560Z",
            id="seven-digits",
        ),
        pytest.param(
            "2021-09-27T18:46:00.123Z",
            dt.datetime(2022, 1, 2, 3, 4, 5, 456000, tzinfo=UTC),
            "2022-01-02T03:04:05.456Z",
            id="three-digits",
        ),
        pytest.param(
            "2021-09-27 18:46:00.1234567 -07:00",
            dt.datetime(2022, 1, 2, 3, 4, 5, 654321, tzinfo=tz(-7)),
            "2022-01-02 03:04:05.6543210 -07:00",
            id="space-separated",
        ),
        pytest.param(
            "2001-12-14t21:59:43.10-05:00",
            dt.datetime(2022, 1, 2, 3, 4, 5, 500000, tzinfo=tz(-5)),
            "2022-01-02t03:04:05.50-05:00",
            id="lowercase-t",
        ),
        pytest.param(
            "2021-09-27T18:46:00Z",
            dt.datetime(2022, 1, 2, 3, 4, 5, 5, tzinfo=UTC),
            "2022-01-02T03:04:05.000005Z",
            id="fraction-needed",
        ),
        pytest.param("2021-09-27", dt.date(2022, 1, 2), "2022-01-02", id="date"),
    ],
)
def test_changed_timestamp_keeps_the_old_style(old: str, value: dt.date, new: str) -> None:
    """A new timestamp is written with the old one's separator, offset form and fraction digits."""
    doc = frontmatter.loads(f"---\ntitle: x\npublishedDateTime: {old}\nquality: 1\n---\n")
    doc.data["publishedDateTime"] = value
    assert dumps_checked(doc) == f"---\ntitle: x\npublishedDateTime: {new}\nquality: 1\n---\n"


# -- adding keys ---------------------------------------------------------------------------


def test_add_key_at_the_end_of_the_top_mapping() -> None:
    """A new top-level key goes after the last entry, below its nested lines."""
    doc = frontmatter.loads(
        """\
---
title: x
tags:
  - a
---
Body
"""
    )
    doc.data["heat"] = 5
    assert (
        dumps_checked(doc)
        == """\
---
title: x
tags:
  - a
heat: 5
---
Body
"""
    )


def test_add_key_to_a_nested_mapping() -> None:
    """A new key of a nested block mapping goes after its last key, at its indentation."""
    doc = frontmatter.loads(
        """\
---
provider:
  name: X
  domain: x.test
title: t
---
"""
    )
    doc.data["provider"]["url"] = "https://x.test"
    assert (
        dumps_checked(doc)
        == """\
---
provider:
  name: X
  domain: x.test
  url: https://x.test
title: t
---
"""
    )


def test_add_key_to_a_four_space_mapping() -> None:
    """A mapping indented by four spaces gets its new key at four spaces."""
    doc = frontmatter.loads(
        """\
---
provider:
    name: X
title: t
---
"""
    )
    doc.data["provider"]["domain"] = "x.test"
    assert (
        dumps_checked(doc)
        == """\
---
provider:
    name: X
    domain: x.test
title: t
---
"""
    )


def test_add_key_to_a_flow_mapping() -> None:
    """A new key of a flow mapping goes inside its braces."""
    doc = frontmatter.loads("---\nprovider: {name: X}\ntitle: t\n---\n")
    doc.data["provider"]["domain"] = "x.test"
    assert dumps_checked(doc) == "---\nprovider: {name: X, domain: x.test}\ntitle: t\n---\n"


def test_insert_key_at_an_index() -> None:
    """``insert`` puts a new key at the named position, first or in the middle."""
    doc = frontmatter.loads(
        """\
---
title: x
quality: 1
provider:
  name: X
---
"""
    )
    frontmatter.insert(doc.data, 1, "subtitle", "Sub")
    frontmatter.insert(doc.data, 0, "id", 7)
    frontmatter.insert(doc.data["provider"], 0, "rank", 2)
    assert list(doc.data) == ["id", "title", "subtitle", "quality", "provider"]
    assert (
        dumps_checked(doc)
        == """\
---
id: 7
title: x
subtitle: Sub
quality: 1
provider:
  rank: 2
  name: X
---
"""
    )


def test_insert_refuses_an_existing_key() -> None:
    """``insert`` only adds new keys."""
    doc = frontmatter.loads("---\ntitle: x\n---\n")
    with pytest.raises(KeyError):
        frontmatter.insert(doc.data, 0, "title", "y")


def test_add_key_to_a_list_item_mapping() -> None:
    """A new key of a mapping inside a block list goes at that mapping's column."""
    doc = frontmatter.loads(
        """\
---
related:
  - title: a
    url: b
  - title: c
next: 1
---
"""
    )
    doc.data["related"][0]["quality"] = 5
    doc.data["related"][1]["url"] = "d"
    assert (
        dumps_checked(doc)
        == """\
---
related:
  - title: a
    url: b
    quality: 5
  - title: c
    url: d
next: 1
---
"""
    )


def test_add_key_with_collection_values() -> None:
    """New lists and mappings are written in block style, following the file's list indentation."""
    doc = frontmatter.loads(
        """\
---
title: x
tags:
  - a
---
"""
    )
    doc.data["topics"] = ["x", "y"]
    doc.data["provider"] = {"name": "N", "domain": "n.test"}
    assert (
        dumps_checked(doc)
        == """\
---
title: x
tags:
  - a
topics:
  - x
  - y
provider:
  name: N
  domain: n.test
---
"""
    )


def test_add_list_in_a_four_space_file() -> None:
    """A new list in a file indented by four follows its width."""
    doc = frontmatter.loads(
        """\
---
provider:
    name: X
tags:
    - a
---
"""
    )
    doc.data["topics"] = ["x", "y"]
    assert (
        dumps_checked(doc)
        == """\
---
provider:
    name: X
tags:
    - a
topics:
    - x
    - y
---
"""
    )


def test_add_key_needing_quotes_and_a_timestamp() -> None:
    """A new string needing quotes gets double quotes; a new UTC timestamp is written with Z."""
    doc = frontmatter.loads("---\ntitle: x\n---\n")
    doc.data["excerpt"] = "Note: quoted"
    doc.data["plain"] = "just words"
    doc.data["publishedDateTime"] = dt.datetime(2022, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert dumps_checked(doc) == (
        "---\n"
        "title: x\n"
        'excerpt: "Note: quoted"\n'
        "plain: just words\n"
        "publishedDateTime: 2022-01-02T03:04:05Z\n"
        "---\n"
    )


def test_add_key_to_empty_front_matter() -> None:
    """A key added to empty front matter goes between the fences."""
    doc = frontmatter.loads("---\n---\nBody\n")
    doc.data["title"] = "x"
    assert dumps_checked(doc) == "---\ntitle: x\n---\nBody\n"


def test_add_key_when_the_closing_fence_ends_the_file() -> None:
    """Adding a key to a file without a final newline keeps it without one."""
    doc = frontmatter.loads("---\na: 1\n---")
    doc.data["b"] = 2
    assert dumps_checked(doc) == "---\na: 1\nb: 2\n---"


def test_replace_scalar_with_a_list() -> None:
    """A scalar replaced by a list becomes a block list under its key."""
    doc = frontmatter.loads("---\ntags: none\nnext: 1\n---\n")
    doc.data["tags"] = ["a", "b"]
    assert dumps_checked(doc) == "---\ntags:\n  - a\n  - b\nnext: 1\n---\n"


# -- removing keys -------------------------------------------------------------------------


def test_remove_key_with_its_comment() -> None:
    """Removing a key removes the comment lines directly above it and its end-of-line comment."""
    doc = frontmatter.loads(
        """\
---
title: x
# about the excerpt
# second line of it
excerpt: y  # eol
quality: 1
---
"""
    )
    del doc.data["excerpt"]
    assert (
        dumps_checked(doc)
        == """\
---
title: x
quality: 1
---
"""
    )


def test_remove_key_keeps_a_comment_after_a_blank_line() -> None:
    """A comment separated from the key by a blank line is not the key's, and stays."""
    doc = frontmatter.loads(
        """\
---
title: x
# section header

# about the excerpt
excerpt: y
quality: 1
---
"""
    )
    del doc.data["excerpt"]
    assert (
        dumps_checked(doc)
        == """\
---
title: x
# section header

quality: 1
---
"""
    )


def test_remove_key_with_a_nested_mapping() -> None:
    """Removing a key removes all the lines of its nested value."""
    doc = frontmatter.loads(
        """\
---
title: x
provider:
  name: X
  domain: x.test
topics:
  - a
---
"""
    )
    del doc.data["provider"]
    assert (
        dumps_checked(doc)
        == """\
---
title: x
topics:
  - a
---
"""
    )


def test_remove_key_with_a_block_scalar() -> None:
    """Removing a key removes its block scalar, blank lines inside it included."""
    doc = frontmatter.loads(
        """\
---
notes: |
  one

  two
after: 1
---
"""
    )
    del doc.data["notes"]
    assert dumps_checked(doc) == "---\nafter: 1\n---\n"


def test_remove_last_and_nested_keys() -> None:
    """Removing the last key of a mapping and of a nested mapping removes just their lines."""
    doc = frontmatter.loads(
        """\
---
title: x
provider:
  name: X
  domain: x.test
quality: 1
---
Body
"""
    )
    del doc.data["quality"]
    del doc.data["provider"]["domain"]
    assert (
        dumps_checked(doc)
        == """\
---
title: x
provider:
  name: X
---
Body
"""
    )


def test_remove_the_only_key() -> None:
    """Removing every key leaves empty front matter between the fences."""
    doc = frontmatter.loads("---\na: 1\n---\nBody\n")
    del doc.data["a"]
    assert dumps_checked(doc) == "---\n---\nBody\n"


def test_remove_first_key_of_a_list_item_mapping() -> None:
    """Removing the key on the dash line moves the next key onto the dash."""
    doc = frontmatter.loads(
        """\
---
related:
  - title: x
    url: y
  - title: z
    url: w
---
"""
    )
    del doc.data["related"][0]["title"]
    assert (
        dumps_checked(doc)
        == """\
---
related:
  - url: y
  - title: z
    url: w
---
"""
    )


def test_remove_first_key_of_a_list_item_mapping_at_key_column() -> None:
    """The same holds for a list written at its key's column."""
    doc = frontmatter.loads("---\nrelated:\n- title: x\n  url: y\n---\n")
    del doc.data["related"][0]["title"]
    assert dumps_checked(doc) == "---\nrelated:\n- url: y\n---\n"


def test_remove_key_from_a_flow_mapping() -> None:
    """Removing a key of a flow mapping removes it and one separator."""
    doc = frontmatter.loads("---\nm: {a: 1, b: 2, c: 3}\n---\n")
    del doc.data["m"]["b"]
    assert dumps_checked(doc) == "---\nm: {a: 1, c: 3}\n---\n"


# -- lists ---------------------------------------------------------------------------------


def test_append_to_an_indented_block_list() -> None:
    """An item appended to a block list follows its dash column."""
    doc = frontmatter.loads(
        """\
---
topics:
  - a
  - b
next: 1
---
"""
    )
    doc.data["topics"].append("c")
    assert (
        dumps_checked(doc)
        == """\
---
topics:
  - a
  - b
  - c
next: 1
---
"""
    )


def test_append_to_a_block_list_at_key_column() -> None:
    """A list written at its key's column gets its new item at that column."""
    doc = frontmatter.loads("---\ntopics:\n- a\n- b\nnext: 1\n---\n")
    doc.data["topics"].append("c")
    assert dumps_checked(doc) == "---\ntopics:\n- a\n- b\n- c\nnext: 1\n---\n"


def test_append_to_flow_lists() -> None:
    """Flow lists grow inside their brackets, empty ones included."""
    doc = frontmatter.loads("---\ntags: [a, b]\nnone: []\n---\n")
    doc.data["tags"].append("c")
    doc.data["none"].append("a")
    assert dumps_checked(doc) == "---\ntags: [a, b, c]\nnone: [a]\n---\n"


def test_insert_into_block_and_flow_lists() -> None:
    """``list.insert`` puts the item at its position in block and flow lists."""
    doc = frontmatter.loads(
        """\
---
topics:
  - a
  - c
tags: [a, b]
---
"""
    )
    doc.data["topics"].insert(0, "z")
    doc.data["topics"].insert(2, "b")
    doc.data["tags"].insert(1, "x")
    assert (
        dumps_checked(doc)
        == """\
---
topics:
  - z
  - a
  - b
  - c
tags: [a, x, b]
---
"""
    )


def test_remove_from_block_and_flow_lists() -> None:
    """Removing an item removes its line (with its comment) or its flow entry."""
    doc = frontmatter.loads(
        """\
---
topics:
  - a
  - b  # about b
  - c
tags: [a, b, c]
---
"""
    )
    doc.data["topics"].remove("b")
    doc.data["tags"].remove("b")
    assert (
        dumps_checked(doc)
        == """\
---
topics:
  - a
  - c
tags: [a, c]
---
"""
    )


def test_set_item_of_a_flow_list() -> None:
    """Changing one item of a flow list rewrites only that item."""
    doc = frontmatter.loads("---\ntags: [a,  b]\n---\n")
    doc.data["tags"][0] = "z"
    assert dumps_checked(doc) == "---\ntags: [z,  b]\n---\n"


RELATED = """\
---
title: "Item"
related:
  - title: "First"
    webUrl: "https://a.test/1"
    quality: 166
    images:
      - url: "https://a.test/1.png"
        width: 1
        isCached: true
  - title: "Second"
    webUrl: "https://a.test/2"
    quality: 42

secured: "abc;def"
---

"""


def test_append_mapping_to_a_list_of_mappings() -> None:
    """A new related item is written like its siblings: dash under the key, keys at four spaces."""
    doc = frontmatter.loads(RELATED)
    doc.data["related"].append({"title": "Third", "webUrl": "https://a.test/3"})
    assert dumps_checked(doc) == RELATED.replace(
        "    quality: 42\n",
        "    quality: 42\n  - title: Third\n    webUrl: https://a.test/3\n",
    )


def test_append_to_a_nested_list_of_mappings() -> None:
    """A new image goes after the last one, at the images list's dash column."""
    doc = frontmatter.loads(RELATED)
    doc.data["related"][0]["images"].append({"url": "https://a.test/2.png", "width": 2})
    assert dumps_checked(doc) == RELATED.replace(
        "        isCached: true\n",
        "        isCached: true\n      - url: https://a.test/2.png\n        width: 2\n",
    )


def test_insert_mapping_at_the_start_of_a_list_of_mappings() -> None:
    """A related item inserted first is written before the old first one, in the same shape."""
    doc = frontmatter.loads(RELATED)
    doc.data["related"].insert(0, {"title": "Zeroth", "quality": 1})
    assert dumps_checked(doc) == RELATED.replace(
        'related:\n  - title: "First"\n',
        'related:\n  - title: Zeroth\n    quality: 1\n  - title: "First"\n',
    )


def test_remove_mapping_from_a_list_of_mappings() -> None:
    """Removing a related item removes all its lines, nested images included."""
    doc = frontmatter.loads(RELATED)
    del doc.data["related"][0]
    assert (
        dumps_checked(doc)
        == """\
---
title: "Item"
related:
  - title: "Second"
    webUrl: "https://a.test/2"
    quality: 42

secured: "abc;def"
---

"""
    )


def test_set_scalar_inside_a_list_of_mappings() -> None:
    """Changing a nested value rewrites only its own text."""
    doc = frontmatter.loads(RELATED)
    doc.data["related"][1]["quality"] = 43
    doc.data["related"][0]["images"][0]["isCached"] = False
    expected = RELATED.replace("quality: 42", "quality: 43").replace(
        "isCached: true", "isCached: false"
    )
    assert dumps_checked(doc) == expected


# -- body ----------------------------------------------------------------------------------


def test_replace_body_keeps_front_matter_bytes() -> None:
    """A new body leaves every byte of the front matter and fences as it was."""
    front = "---\n# odd   spacing\ntitle:    'x'   \nlist: [ a ,b ]\n---\n"
    doc = frontmatter.loads(front + "Old body\n")
    doc.body = "New body\n---\nwith a rule\n"
    assert frontmatter.dumps(doc) == front + "New body\n---\nwith a rule\n"


def test_set_body_after_a_fence_without_newline() -> None:
    """A body given to a file ending at its closing fence starts on a new line (CRLF kept)."""
    doc = frontmatter.loads("---\na: 1\n---")
    doc.body = "Body\n"
    assert dumps_checked(doc) == "---\na: 1\n---\nBody\n"
    doc = frontmatter.loads("---\r\na: 1\r\n---")
    doc.body = "Body\r\n"
    assert dumps_checked(doc) == "---\r\na: 1\r\n---\r\nBody\r\n"


def test_edit_front_matter_keeps_body_bytes() -> None:
    """An edit of the data leaves the body exactly as it was, odd line endings included."""
    body = "Line one  \r\n---\n\n\tTabbed\r\nno newline at end"
    doc = frontmatter.loads("---\ntitle: x\n---\n" + body)
    doc.data["title"] = "y"
    assert frontmatter.dumps(doc) == "---\ntitle: y\n---\n" + body


def test_clear_body() -> None:
    """An empty body leaves the file ending at the closing fence line."""
    doc = frontmatter.loads("---\ntitle: x\n---\nBody\n")
    doc.body = ""
    assert frontmatter.dumps(doc) == "---\ntitle: x\n---\n"


# -- line endings and BOM ------------------------------------------------------------------


def test_crlf_file_edits_use_crlf() -> None:
    """In a CRLF file, rewritten and new lines end with CRLF too."""
    doc = frontmatter.loads(
        "---\r\ntitle: Old\r\ntopics:\r\n  - a\r\nprovider:\r\n  name: X\r\n---\r\nBody\r\n"
    )
    doc.data["title"] = "New"
    doc.data["topics"].append("b")
    doc.data["provider"]["domain"] = "x.test"
    doc.data["heat"] = -1
    assert dumps_checked(doc) == (
        "---\r\n"
        "title: New\r\n"
        "topics:\r\n"
        "  - a\r\n"
        "  - b\r\n"
        "provider:\r\n"
        "  name: X\r\n"
        "  domain: x.test\r\n"
        "heat: -1\r\n"
        "---\r\n"
        "Body\r\n"
    )


def test_crlf_file_new_collection_uses_crlf() -> None:
    """A new nested list in a CRLF file has CRLF on every line."""
    doc = frontmatter.loads("---\r\ntitle: x\r\n---\r\n")
    doc.data["topics"] = ["a", "b"]
    assert dumps_checked(doc) == "---\r\ntitle: x\r\ntopics:\r\n  - a\r\n  - b\r\n---\r\n"


def test_bom_is_kept_after_edits() -> None:
    """The byte-order mark stays in front after data and body edits."""
    doc = frontmatter.loads("\ufeff---\ntitle: x\n---\nBody\n")
    doc.data["title"] = "y"
    doc.data["quality"] = 1
    doc.body = "New\n"
    assert dumps_checked(doc) == "\ufeff---\ntitle: y\nquality: 1\n---\nNew\n"


def test_bom_crlf_file_edit_through_files(tmp_path: Path) -> None:
    """``load``/``dump`` of a BOM + CRLF file keep both around an edit."""
    path = tmp_path / "item.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n")
    doc = frontmatter.load(path)
    doc.data["title"] = "y"
    frontmatter.dump(doc, path)
    assert path.read_bytes() == b"\xef\xbb\xbf---\r\ntitle: y\r\n---\r\n"


# -- untouched surroundings ----------------------------------------------------------------


def test_comments_and_layout_elsewhere_are_untouched() -> None:
    """Comments, blank lines and odd spacing away from the edit keep every byte."""
    before = """\
---
# header comment

title:   Old     # spaced comment
excerpt: 'kept'   # another
provider:   {name: X,   domain: y}

topics:
- a   # note
- b
# footer comment
---
"""
    doc = frontmatter.loads(before)
    doc.data["excerpt"] = "changed"
    after = dumps_checked(doc)
    assert after == before.replace("excerpt: 'kept'", "excerpt: 'changed'")


def test_alias_target_change_keeps_the_alias_value() -> None:
    """Changing an anchored value while its alias keeps the old value still reads back as edited."""
    before = "---\nbase: &b https://example.test\nhome: *b\nlast: 1\n---\n"
    doc = frontmatter.loads(before)
    doc.data["base"] = "https://other.test"
    after = dumps_checked(doc)
    assert lines_of(after)[0] == "---\n"
    assert lines_of(after)[-2:] == ["last: 1\n", "---\n"]


def test_change_through_an_alias() -> None:
    """Setting a key that was an alias to a new value reads back as that value, anchor kept."""
    before = "---\nbase: &b https://example.test\nhome: *b\nlast: 1\n---\n"
    doc = frontmatter.loads(before)
    doc.data["home"] = "elsewhere"
    after = dumps_checked(doc)
    assert after == "---\nbase: &b https://example.test\nhome: elsewhere\nlast: 1\n---\n"


# -- harder neighbourhoods -----------------------------------------------------------------


def test_remove_list_keeps_the_next_keys_comment() -> None:
    """A comment after a key-column list belongs to the next key and outlives the list."""
    doc = frontmatter.loads(
        """\
---
topics:
- a
- b
# about title
title: x
---
"""
    )
    del doc.data["topics"]
    assert dumps_checked(doc) == "---\n# about title\ntitle: x\n---\n"


def test_add_key_after_a_keep_block_scalar() -> None:
    """A key added after a ``|+`` scalar goes after its trailing blank lines (its value)."""
    doc = frontmatter.loads("---\nnotes: |+\n  kept\n\n---\n")
    doc.data["b"] = 1
    assert dumps_checked(doc) == "---\nnotes: |+\n  kept\n\nb: 1\n---\n"


def test_add_nested_key_before_a_trailing_comment() -> None:
    """A key added to the last nested mapping goes inside it, before a comment at column zero."""
    doc = frontmatter.loads("---\nprovider:\n  name: X\n# trailing\n---\n")
    doc.data["provider"]["domain"] = "d"
    assert dumps_checked(doc) == "---\nprovider:\n  name: X\n  domain: d\n# trailing\n---\n"


def test_append_to_a_list_followed_by_a_blank_line() -> None:
    """A new item goes right after the last item, before the blank line above the next key."""
    doc = frontmatter.loads("---\ntopics:\n  - a\n\ntitle: x\n---\n")
    doc.data["topics"].append("b")
    assert dumps_checked(doc) == "---\ntopics:\n  - a\n  - b\n\ntitle: x\n---\n"


def test_set_multi_line_plain_scalar() -> None:
    """A plain scalar written over two lines is replaced as a whole by the new one-line text."""
    doc = frontmatter.loads("---\ntitle: this is\n  continued\nnext: 1\n---\n")
    doc.data["title"] = "short"
    assert dumps_checked(doc) == "---\ntitle: short\nnext: 1\n---\n"


def test_remove_the_only_item_of_a_block_list() -> None:
    """A block list emptied by removals is written as an empty flow list."""
    doc = frontmatter.loads("---\ntopics:\n  - a\nnext: 1\n---\n")
    del doc.data["topics"][0]
    assert dumps_checked(doc) == "---\ntopics: []\nnext: 1\n---\n"


def test_remove_every_key_of_a_nested_mapping() -> None:
    """A block mapping emptied by removals is written as an empty flow mapping."""
    doc = frontmatter.loads("---\nprovider:\n  name: X\nnext: 1\n---\n")
    del doc.data["provider"]["name"]
    assert dumps_checked(doc) == "---\nprovider: {}\nnext: 1\n---\n"


def test_insert_key_into_a_flow_mapping() -> None:
    """``insert`` at index 0 of a flow mapping puts the new entry first inside the braces."""
    doc = frontmatter.loads("---\nm: {a: 1}\n---\n")
    frontmatter.insert(doc.data["m"], 0, "z", 2)
    assert dumps_checked(doc) == "---\nm: {z: 2, a: 1}\n---\n"


def test_add_key_to_a_list_item_mapping_at_key_column() -> None:
    """A mapping item of a key-column list gets its new key two columns in, under the first key."""
    doc = frontmatter.loads("---\nrelated:\n- title: a\nnext: 1\n---\n")
    doc.data["related"][0]["url"] = "b"
    assert dumps_checked(doc) == "---\nrelated:\n- title: a\n  url: b\nnext: 1\n---\n"


def test_anchor_kept_when_its_scalar_changes() -> None:
    """An anchored scalar without aliases keeps its anchor when its value changes."""
    doc = frontmatter.loads("---\nbase: &b x\nnext: 1\n---\n")
    doc.data["base"] = "y"
    assert dumps_checked(doc) == "---\nbase: &b y\nnext: 1\n---\n"


def test_edit_inside_an_aliased_mapping_reads_back() -> None:
    """Changing a mapping that an alias also names still reads back as the edited data."""
    before = "---\nprovider: &p\n  name: X\nother: *p\nlast: 1\n---\n"
    doc = frontmatter.loads(before)
    doc.data["provider"]["name"] = "Y"
    after = dumps_checked(doc)
    assert after.endswith("last: 1\n---\n")


def test_crlf_block_scalar_edit_uses_crlf() -> None:
    """A rewritten literal block in a CRLF file has CRLF line ends."""
    doc = frontmatter.loads("---\r\nnotes: |\r\n  one\r\nnext: 1\r\n---\r\n")
    doc.data["notes"] = "two\nthree\n"
    assert dumps_checked(doc) == "---\r\nnotes: |\r\n  two\r\n  three\r\nnext: 1\r\n---\r\n"


# -- lists of equal items (issue 12) ------------------------------------------------------


def test_removing_an_item_among_equal_items_removes_its_own_line() -> None:
    """``del tags[1]`` of ``a, b, a, b`` removes the first ``b`` line; the comment stays."""
    doc = frontmatter.loads("---\ntags:\n- a\n- b\n- a\n- b  # keep me\n---\n")
    del doc.data["tags"][1]
    assert dumps_checked(doc) == "---\ntags:\n- a\n- a\n- b  # keep me\n---\n"


REPEATED = ["a", "b", "a", "b", "a"]
REPEATED_TEXT = (
    "---\ntags:\n  - a  # 0\n  - b  # 1\n  - a  # 2\n  - b  # 3\n  - a  # 4\nnext: 1\n---\n"
)


@pytest.mark.parametrize("index", range(len(REPEATED)))
def test_removal_at_every_index_of_a_list_with_repeats(index: int) -> None:
    """Removing item ``index`` removes exactly the line that carries its comment."""
    doc = frontmatter.loads(REPEATED_TEXT)
    del doc.data["tags"][index]
    expected = REPEATED_TEXT.replace(f"  - {REPEATED[index]}  # {index}\n", "")
    assert dumps_checked(doc) == expected


@pytest.mark.parametrize("index", range(len(REPEATED) + 1))
@pytest.mark.parametrize("value", ["a", "b"])
def test_insertion_at_every_index_of_a_list_with_repeats(index: int, value: str) -> None:
    """An inserted item adds one line, after any equal items it was put before; all else stays.

    Inserting ``a`` before an ``a`` gives the same list as inserting it after
    that ``a``: the new line goes after the run of equal items.
    """
    doc = frontmatter.loads(REPEATED_TEXT)
    doc.data["tags"].insert(index, value)
    position = index
    while position < len(REPEATED) and REPEATED[position] == value:
        position += 1
    lines = REPEATED_TEXT.splitlines(keepends=True)
    lines.insert(2 + position, f"  - {value}\n")  # after "---" and "tags:"
    assert dumps_checked(doc) == "".join(lines)


def test_pop_of_a_list_of_equal_items_removes_the_last_line() -> None:
    """Among equal items, the one ``pop()`` took is the last: its line goes."""
    doc = frontmatter.loads("---\ntags:\n  - a  # first\n  - a  # last\n---\n")
    doc.data["tags"].pop()
    assert dumps_checked(doc) == "---\ntags:\n  - a  # first\n---\n"


def test_append_to_a_list_of_equal_items_adds_a_last_line() -> None:
    """Among equal items, an appended one is written after the others."""
    doc = frontmatter.loads("---\ntags:\n  - a  # first\n  - a  # last\n---\n")
    doc.data["tags"].append("a")
    assert dumps_checked(doc) == "---\ntags:\n  - a  # first\n  - a  # last\n  - a\n---\n"


# -- aliases stay where their anchor still holds their value ------------------------------


def test_editing_another_key_keeps_an_alias_into_a_flow_list() -> None:
    """Setting ``c`` leaves ``b: *x`` as written, though its anchor is inside a flow list."""
    doc = frontmatter.loads("---\na: [&x v]\nb: *x\nc: 1\n---\n")
    doc.data["c"] = 2
    assert dumps_checked(doc) == "---\na: [&x v]\nb: *x\nc: 2\n---\n"


def test_changing_an_anchored_value_writes_its_aliases_out() -> None:
    """Aliases inside an unchanged list still read the old value: they are written out."""
    doc = frontmatter.loads("---\na: &x 1\nb: [*x, 2]\nc: *x\n---\n")
    doc.data["a"] = 5
    assert dumps_checked(doc) == "---\na: &x 5\nb: [1, 2]\nc: 1\n---\n"


def test_removing_an_anchor_writes_its_aliases_out() -> None:
    """With its anchor gone, each alias is replaced by the value it stood for."""
    doc = frontmatter.loads("---\na: &x 1\nb: [*x, 2]\nc: *x\n---\n")
    del doc.data["a"]
    assert dumps_checked(doc) == "---\nb: [1, 2]\nc: 1\n---\n"


def test_an_alias_set_to_another_value_is_written_out() -> None:
    """``c`` set to 3 is no longer ``*x``: only its own text changes."""
    doc = frontmatter.loads("---\na: &x 1\nb: [*x, 2]\nc: *x\n---\n")
    doc.data["c"] = 3
    assert dumps_checked(doc) == "---\na: &x 1\nb: [*x, 2]\nc: 3\n---\n"


def test_inserting_before_an_anchored_flow_item_keeps_the_anchor_on_it() -> None:
    """A new first flow item goes before ``&x v``, so ``*x`` still reads ``v``."""
    doc = frontmatter.loads("---\na: [&x v, w]\nb: *x\n---\n")
    doc.data["a"].insert(0, "n")
    assert dumps_checked(doc) == "---\na: [n, &x v, w]\nb: *x\n---\n"


def test_changing_an_anchored_block_item_writes_the_alias_out() -> None:
    """The anchor stays on the changed item; the alias keeps the old value as text."""
    doc = frontmatter.loads("---\na:\n- &x v\n- w\nb: *x\n---\n")
    doc.data["a"][0] = "n"
    assert dumps_checked(doc) == "---\na:\n- &x n\n- w\nb: v\n---\n"


# -- an empty flow list in a block file ---------------------------------------------------


def test_mapping_appended_to_an_empty_flow_list_is_written_as_block_items() -> None:
    """``related: []`` gets block items under the key, indented as the file's other list."""
    doc = frontmatter.loads("---\ntags:\n  - a\nrelated: []\nnext: 1\n---\n")
    doc.data["related"].append({"title": "t", "url": "u"})
    assert (
        dumps_checked(doc)
        == "---\ntags:\n  - a\nrelated:\n  - title: t\n    url: u\nnext: 1\n---\n"
    )


def test_block_items_after_an_empty_flow_list_keep_its_comment_on_the_key_line() -> None:
    """The comment after ``[]`` stays on the key's line; dashes like the file's."""
    doc = frontmatter.loads("---\ntags:\n- a\nrelated: []  # none yet\nnext: 1\n---\n")
    doc.data["related"].append({"title": "t"})
    assert dumps_checked(doc) == "---\ntags:\n- a\nrelated:  # none yet\n- title: t\nnext: 1\n---\n"


def test_scalar_appended_to_an_empty_flow_list_stays_flow() -> None:
    """A plain item in an empty flow list keeps the list on its line."""
    doc = frontmatter.loads("---\ntags: []\nnext: 1\n---\n")
    doc.data["tags"].append("a")
    assert dumps_checked(doc) == "---\ntags: [a]\nnext: 1\n---\n"


def test_mapping_appended_to_an_empty_flow_list_inside_flow_stays_flow() -> None:
    """Inside a flow mapping there are no block items: the list stays flow."""
    doc = frontmatter.loads("---\nm: {a: []}\n---\n")
    doc.data["m"]["a"].append({"url": "u"})
    assert dumps_checked(doc) == "---\nm: {a: [{url: u}]}\n---\n"


# -- lone CR line ends ---------------------------------------------------------------------


def test_body_starting_with_a_newline_after_a_lone_cr_fence_reads_back() -> None:
    """The fence's CR and the body's LF would read as one CRLF: the fence ends in CRLF."""
    doc = frontmatter.loads("---\ra: 1\r---\rbody\r")
    doc.body = "\nhello\n"
    out = dumps_checked(doc)
    assert out == "---\ra: 1\r---\r\n\nhello\n"


def test_key_inserted_at_position_one_of_a_lone_cr_file() -> None:
    """``insert(..., 1, ...)`` writes the key second, with a lone CR and no blank line."""
    doc = frontmatter.loads("---\ra: 1\rb: 2\r---\r")
    frontmatter.insert(doc.data, 1, "z", 3)
    assert dumps_checked(doc) == "---\ra: 1\rz: 3\rb: 2\r---\r"


def test_lone_cr_file_edits_keep_lone_crs() -> None:
    """Set, delete and append in a lone-CR file touch only their lines, ending them in CR."""
    doc = frontmatter.loads("---\rtitle: Old  # c\rgone: 1\rtags:\r  - a\rnext: 1\r---\rBody\r")
    doc.data["title"] = "New"
    del doc.data["gone"]
    doc.data["tags"].append("b")
    assert dumps_checked(doc) == "---\rtitle: New  # c\rtags:\r  - a\r  - b\rnext: 1\r---\rBody\r"


# -- every edit lands: explicit, anchored, tagged and alias keys; flow roots --------------


_UNUSUAL = [
    pytest.param(
        "---\n? a\n: b\nc: 1\n---\n",
        lambda d: d.pop("a"),
        "---\nc: 1\n---\n",
        id="delete-explicit-key",
    ),
    pytest.param(
        "---\n? a\n: b\n---\n",
        lambda d: d.pop("a"),
        "---\n---\n",
        id="delete-the-only-explicit-key",
    ),
    pytest.param(
        "---\n? key\n# comment\n: value\n---\n",
        lambda d: d.__setitem__("key", 1),
        "---\n? key\n# comment\n: 1\n---\n",
        id="set-explicit-value-after-a-comment",
    ),
    pytest.param(
        "---\n? a\n? b\nc:\n---\n",
        lambda d: d.__setitem__("a", 1),
        "---\n? a\n: 1\n? b\nc:\n---\n",
        id="value-for-an-explicit-key-without-one",
    ),
    pytest.param(
        "---\n? a\n? b\nc:\n---\n",
        lambda d: d.__setitem__("b", [1]),
        "---\n? a\n? b\n:\n  - 1\nc:\n---\n",
        id="list-for-an-explicit-key-without-value",
    ),
    pytest.param(
        "---\n? a\n: b\nc: 1\n---\n",
        lambda d: d.__setitem__("a", [1, 2]),
        "---\n? a\n:\n  - 1\n  - 2\nc: 1\n---\n",
        id="list-for-an-explicit-key",
    ),
    pytest.param(
        "---\nm:\n  ? >\n    a\n  :\n---\n",
        lambda d: d["m"].__setitem__("a\n", ""),
        '---\nm:\n  ? >\n    a\n  : ""\n---\n',
        id="value-after-a-lone-colon",
    ),
    pytest.param(
        "---\nm:\n  ? >\n    a\n  :\n---\n",
        lambda d: d["m"].__setitem__("x", 1),
        "---\nm:\n  ? >\n    a\n  :\n  x: 1\n---\n",
        id="key-added-after-a-lone-colon",
    ),
    pytest.param(
        "---\nx: 1\n? [a, b]\n: pair\n---\n",
        lambda d: d.__setitem__("x", 2),
        "---\nx: 2\n? [a, b]\n: pair\n---\n",
        id="list-key-kept-as-written",
    ),
    pytest.param(
        "---\nx: 1\n? [a, b]\n: pair\n---\n",
        lambda d: d.__setitem__(("a", "b"), [1]),
        "---\nx: 1\n? [a, b]\n:\n  - 1\n---\n",
        id="list-key-value-set",
    ),
    pytest.param(
        "---\nx: 1\n? [a, b]\n: pair\n---\n",
        lambda d: d.pop(("a", "b")),
        "---\nx: 1\n---\n",
        id="list-key-deleted",
    ),
    pytest.param(
        "---\na: 1\n---\n",
        lambda d: d.__setitem__(("x", "y"), 2),
        "---\na: 1\n? [x, y]\n: 2\n---\n",
        id="new-list-key-is-explicit",
    ),
    pytest.param(
        "---\nm: {a: 1}\n---\n",
        lambda d: d["m"].__setitem__(("x", "y"), 2),
        "---\nm: {a: 1, ? [x, y] : 2}\n---\n",
        id="new-list-key-in-flow",
    ),
    pytest.param(
        "---\n&k a: 1\nb: 2\n---\n",
        lambda d: frontmatter.insert(d, 0, "n", 1),
        "---\nn: 1\n&k a: 1\nb: 2\n---\n",
        id="insert-before-an-anchored-key",
    ),
    pytest.param(
        "---\n&k a: 1\nb: 2\n---\n",
        lambda d: d.pop("a"),
        "---\nb: 2\n---\n",
        id="delete-an-anchored-key",
    ),
    pytest.param(
        "---\n&a a: &b b\n*b : *a\nc: 1  # c\n---\n",
        lambda d: d.pop("a"),
        "---\nb: a\nc: 1\n---\n",
        id="anchor-of-an-alias-key-removed-at-the-root",
    ),
    pytest.param(
        "---\n# top\nx: 1  # keep\nm:\n  &a a: &b b\n  *b : *a\n  c: 1  # c\n---\n",
        lambda d: d["m"].pop("a"),
        "---\n# top\nx: 1  # keep\nm:\n  b: a\n  c: 1  # c\n---\n",
        id="anchor-of-an-alias-key-removed-in-a-nested-mapping",
    ),
    pytest.param(
        "---\n{a: 1, b: 2}\n---\n",
        lambda d: d.pop("a"),
        "---\n{b: 2}\n---\n",
        id="delete-from-a-flow-root",
    ),
    pytest.param(
        "---\n{a: 1, b: 2}\n---\n",
        lambda d: d.__setitem__("n", [1, {"k": 2}]),
        "---\n{a: 1, b: 2, n: [1, {k: 2}]}\n---\n",
        id="add-to-a-flow-root",
    ),
    pytest.param(
        "---\nl: [a: b]\n---\n",
        lambda d: d["l"][0].__setitem__("new", 1),
        "---\nl: [{a: b, new: 1}]\n---\n",
        id="key-added-to-a-single-pair-flow-mapping",
    ),
    pytest.param(
        "---\nc: !!int 42\nd: 1\n---\n",
        lambda d: d.__setitem__("c", "x"),
        "---\nc: x\nd: 1\n---\n",
        id="tag-dropped-for-another-type",
    ),
    pytest.param(
        "---\nc: !!int 42\nd: 1\n---\n",
        lambda d: d.__setitem__("c", 7),
        "---\nc: !!int 7\nd: 1\n---\n",
        id="tag-kept-for-the-same-type",
    ),
    pytest.param(
        "---\nc: &q !!int 42\nd: *q\n---\n",
        lambda d: d.__setitem__("c", "x"),
        "---\nc: &q x\nd: 42\n---\n",
        id="anchor-kept-when-the-tag-goes",
    ),
    pytest.param(
        "---\na: &anchor\nb: *anchor\n---\n",
        lambda d: d.__setitem__("a", 1),
        "---\na: &anchor 1\nb: null\n---\n",
        id="empty-anchored-value-set",
    ),
    pytest.param(
        "---\nl:\n-\n- b\n---\n",
        lambda d: d["l"].__setitem__(0, {"k": 1}),
        "---\nl:\n- k: 1\n- b\n---\n",
        id="empty-list-item-set-to-a-mapping",
    ),
    pytest.param(
        "---\na: |+\n  x\n\nb: 1\nc: 2\n---\n",
        lambda d: d.pop("a"),
        "---\nb: 1\nc: 2\n---\n",
        id="delete-keep-chomped-block-scalar",
    ),
    pytest.param(
        "---\nfoo: |\n  x\n   \nb: 1\n---\n",
        lambda d: frontmatter.insert(d, 1, "n", 1),
        "---\nfoo: |\n  x\n   \nn: 1\nb: 1\n---\n",
        id="insert-after-a-block-scalar-ending-in-spaces",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _UNUSUAL)
def test_edit_lands_where_a_key_or_root_is_unusual(before: str, edit: Any, after: str) -> None:
    """Each edit is written, in place where it can be, else its enclosing mapping anew."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


# -- values replaced by another shape, entries moved, the front matter written anew --------


def _reorder(*keys: str) -> Any:
    """An edit that puts the mapping's keys in the order ``keys``."""

    def edit(d: dict[str, Any]) -> None:
        items = {key: d[key] for key in keys}
        d.clear()
        d.update(items)

    return edit


def _both(first: Any, second: Any) -> Any:
    def edit(d: dict[str, Any]) -> None:
        first(d)
        second(d)

    return edit


_REPLACED = [
    pytest.param(
        "---\nm: {a, b: 1}\n---\n",
        lambda d: d["m"].__setitem__("a", [1, 2]),
        "---\nm: {a: [1, 2], b: 1}\n---\n",
        id="flow-key-without-a-colon-gets-one",
    ),
    pytest.param(
        "---\nm: {a:, b: 1}\n---\n",
        lambda d: d["m"].__setitem__("a", [1, 2]),
        "---\nm: {a: [1, 2], b: 1}\n---\n",
        id="flow-colon-without-a-value-gets-a-space",
    ),
    pytest.param(
        '---\nm: {"a":1, b: 2}\n---\n',
        lambda d: d["m"].__setitem__("a", [1, 2]),
        '---\nm: {"a":[1, 2], b: 2}\n---\n',
        id="flow-value-right-after-its-colon",
    ),
    pytest.param(
        "---\nm: {a: &x 1, b: 2}\n---\n",
        lambda d: d["m"].__setitem__("a", [1, 2]),
        "---\nm: {a: [1, 2], b: 2}\n---\n",
        id="flow-value-replaced-with-its-anchor",
    ),
    pytest.param(
        "---\nt: 'x y'\nm: {a: 'b', c: d}\n---\n",
        lambda d: d["m"].__setitem__("c", ["x: y"]),
        "---\nt: 'x y'\nm: {a: 'b', c: ['x: y']}\n---\n",
        id="flow-value-replaced-in-the-files-quotes",
    ),
    pytest.param(
        "---\nt: 'x y'\nl: ['a', b]\n---\n",
        lambda d: d["l"].__setitem__(1, {"k": "x: y"}),
        "---\nt: 'x y'\nl: ['a', {k: 'x: y'}]\n---\n",
        id="flow-item-replaced-in-the-files-quotes",
    ),
    pytest.param(
        "---\nt: 'x y'\nl: ['a']\n---\n",
        lambda d: d["l"].append("x: y"),
        "---\nt: 'x y'\nl: ['a', 'x: y']\n---\n",
        id="flow-item-appended-in-the-files-quotes",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  b: 1\n---\n",
        lambda d: d["m"].__setitem__("a", [1]),
        "---\nm:\n  ? a\n  :\n    - 1\n  b: 1\n---\n",
        id="nested-explicit-key-gets-its-colon-at-its-column",
    ),
    pytest.param(
        "---\nl:\n- &x a\n- b\n---\n",
        lambda d: d["l"].__setitem__(0, {"k": 1}),
        "---\nl:\n- k: 1\n- b\n---\n",
        id="anchored-item-replaced-anchor-and-all",
    ),
    pytest.param(
        "---\nl:\n- &x !!str a\n- b\n---\n",
        lambda d: d["l"].__setitem__(0, {"k": 1}),
        "---\nl:\n- k: 1\n- b\n---\n",
        id="anchored-tagged-item-replaced-properties-and-all",
    ),
    pytest.param(
        "---\nl:\n-   k: 1\n-\n---\n",
        lambda d: d["l"].__setitem__(1, {"a": 1, "b": 2}),
        "---\nl:\n-   k: 1\n-   a: 1\n    b: 2\n---\n",
        id="empty-item-set-to-a-mapping-takes-the-lists-offset",
    ),
    pytest.param(
        "---\nl:\n-   k: 1\n- x\n---\n",
        lambda d: d["l"].__setitem__(1, {"a": 1, "b": 2}),
        "---\nl:\n-   k: 1\n- a: 1\n  b: 2\n---\n",
        id="item-set-to-a-mapping-starts-where-the-old-value-did",
    ),
    pytest.param(
        "---\nl:\n-   x\n- y\n---\n",
        lambda d: d["l"].__setitem__(0, {"a": 1, "b": 2}),
        "---\nl:\n-   a: 1\n    b: 2\n- y\n---\n",
        id="wide-dash-item-set-to-a-mapping",
    ),
    pytest.param(
        "---\nl:\n-   x\n- y\n---\n",
        lambda d: d["l"].__setitem__(0, [1, 2]),
        "---\nl:\n-   - 1\n    - 2\n- y\n---\n",
        id="wide-dash-item-set-to-a-list",
    ),
    pytest.param(
        "---\nl:\n-   k: 1\n---\n",
        lambda d: d["l"].append({"a": 1, "b": 2}),
        "---\nl:\n-   k: 1\n-   a: 1\n    b: 2\n---\n",
        id="appended-mapping-takes-the-lists-offset",
    ),
    pytest.param(
        "---\na: &x {k: 1}\nb:\n  - *x\nc: 1\n---\n",
        lambda d: d.__setitem__("a", {"k": 2}),
        "---\na: &x {k: 2}\nb:\n  - k: 1\nc: 1\n---\n",
        id="alias-to-a-changed-mapping-written-out",
    ),
    pytest.param(
        "---\na: &x [1, 2]\nb:\n  - *x\nc: 1\n---\n",
        lambda d: d.__setitem__("a", [3]),
        "---\na: &x [3]\nb:\n  - - 1\n    - 2\nc: 1\n---\n",
        id="alias-to-a-changed-list-written-out",
    ),
    pytest.param(
        "---\na: 1\nb:\n  x: 1\n  y: 2\nc: 3\n---\n",
        _both(lambda d: d["b"].update({"x": 7, "y": 8}), _reorder("b", "a", "c")),
        "---\nb:\n  x: 7\n  y: 8\na: 1\nc: 3\n---\n",
        id="moved-entry-keeps-two-edits-inside-it",
    ),
    pytest.param(
        "---\na: 1\nb:\n  - 1\n  - 2\n  - 3\n  - 4\nc: 3\n---\n",
        _both(lambda d: d["b"].__delitem__(slice(2, 4)), _reorder("b", "a", "c")),
        "---\nb:\n  - 1\n  - 2\na: 1\nc: 3\n---\n",
        id="moved-entry-loses-its-last-two-items",
    ),
    pytest.param(
        "---\na: 1\nb:\n  - 1\n  - 2\n  - 3\n  - 4\nc: 3\n---\n",
        _both(lambda d: d["b"].__delitem__(slice(1, 3)), _reorder("b", "a", "c")),
        "---\nb:\n  - 1\n  - 4\na: 1\nc: 3\n---\n",
        id="moved-entry-loses-two-middle-items",
    ),
    pytest.param(
        "---\n# one\n# two\n\n? a\n: 1\nb: 2\n# t1\n# t2\n---\n",
        _reorder("b", "a"),
        "---\n# one\n# two\n\nb: 2\na: 1\n# t1\n# t2\n---\n",
        id="front-matter-anew-keeps-the-comment-lines-around-it",
    ),
    pytest.param(
        "---\n# one\nt: 'x y'\n? a\n: 1\nb: [1]\n---\n",
        _both(
            lambda d: d.__setitem__("n", {"k": "x: y", "l": [1, {"m": 2}]}),
            _reorder("n", "b", "a", "t"),
        ),
        "---\n# one\nn:\n  k: 'x: y'\n  l:\n    - 1\n    - m: 2\nb:\n  - 1\na: 1\nt: x y\n---\n",
        id="front-matter-anew-in-the-files-layout",
    ),
    pytest.param(
        "---\n{a: 'p q', b: 1}\n---\n",
        _both(lambda d: d.__setitem__("c", "x: y"), _reorder("c", "b", "a")),
        "---\n{c: 'x: y', b: 1, a: p q}\n---\n",
        id="flow-front-matter-anew-stays-flow-on-one-line",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _REPLACED)
def test_value_replaced_moved_or_written_anew(before: str, edit: Any, after: str) -> None:
    """Each edit's text in full: the rest of the file is kept byte for byte."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


_FLOW_AND_DASH = [
    pytest.param(
        "---\nl: [ a, b ]  # c\nn: 1\n---\n",
        lambda d: d.__setitem__("l", []),
        "---\nl: [  ]  # c\nn: 1\n---\n",
        id="flow-list-emptied-inside-its-brackets",
    ),
    pytest.param(
        "---\nl: []  # c\nn: 1\n---\n",
        lambda d: d["l"].extend(["x", "y"]),
        "---\nl: [x, y]  # c\nn: 1\n---\n",
        id="empty-flow-list-gets-two-items",
    ),
    pytest.param(
        "---\nl: [a, b, c, d, e]  # c\nn: 1\n---\n",
        lambda d: d.__setitem__("l", ["a", "d"]),
        "---\nl: [a, d]  # c\nn: 1\n---\n",
        id="flow-list-loses-a-run-and-its-last-item",
    ),
    pytest.param(
        "---\nl: [a,b, c]  # c\n---\n",
        lambda d: d["l"].__delitem__(1),
        "---\nl: [a,c]  # c\n---\n",
        id="flow-item-goes-with-the-separator-after-it",
    ),
    pytest.param(
        "---\nl: [a, b, c]  # c\n---\n",
        lambda d: d["l"].__delitem__(slice(1, 3)),
        "---\nl: [a]  # c\n---\n",
        id="flow-list-loses-its-last-two-items",
    ),
    pytest.param(
        "---\nl: [a]  # c\n---\n",
        lambda d: d["l"].extend(["b", "c"]),
        "---\nl: [a, b, c]  # c\n---\n",
        id="flow-list-gets-two-items-at-its-end",
    ),
    pytest.param(
        "---\nl: [c]  # c\n---\n",
        lambda d: d.__setitem__("l", ["a", "b", "c"]),
        "---\nl: [a, b, c]  # c\n---\n",
        id="flow-list-gets-two-items-at-its-start",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2, c: 3}  # c\n---\n",
        lambda d: d.__setitem__("m", {"a": 1, "x": 9, "y": 8}),
        "---\nm: {a: 1, x: 9, y: 8}  # c\n---\n",
        id="flow-mapping-loses-two-keys-and-gets-two",
    ),
    pytest.param(
        "---\nm: {a: 1, b: 2}  # c\n---\n",
        lambda d: d.__setitem__("m", {"x": 9, "y": 8}),
        "---\nm: {x: 9, y: 8}  # c\n---\n",
        id="flow-mapping-with-none-of-its-keys-left",
    ),
    pytest.param(
        "---\nt: 'x y'\nm: {a: [1]}\n---\n",
        lambda d: d["m"].__setitem__("b", "x: y"),
        "---\nt: 'x y'\nm: {a: [1], b: 'x: y'}\n---\n",
        id="flow-entry-added-in-the-files-quotes",
    ),
    pytest.param(
        "---\nl:\n- &a-b x  # one\n---\n",
        lambda d: d["l"].append("y"),
        "---\nl:\n- &a-b x  # one\n- y\n---\n",
        id="append-after-an-anchor-with-a-hyphen",
    ),
    pytest.param(
        "---\nl:\n- &a-b !!str x  # one\n---\n",
        lambda d: d["l"].append("y"),
        "---\nl:\n- &a-b !!str x  # one\n- y\n---\n",
        id="append-after-an-anchor-with-a-hyphen-and-a-tag",
    ),
    pytest.param(
        "---\nk:\n  l:\n    - &a-b x  # one\n    - z\n---\n",
        lambda d: d["k"]["l"].insert(0, "y"),
        "---\nk:\n  l:\n    - y\n    - &a-b x  # one\n    - z\n---\n",
        id="insert-before-an-anchor-with-a-hyphen",
    ),
    pytest.param(
        "---\nl:\n  -\n    x  # one\n  - z\n---\n",
        lambda d: d["l"].insert(1, "y"),
        "---\nl:\n  -\n    x  # one\n  - y\n  - z\n---\n",
        id="insert-after-an-item-below-its-dash",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _FLOW_AND_DASH)
def test_flow_and_dash_edits_keep_the_comments_around_them(
    before: str, edit: Any, after: str
) -> None:
    """Each edit's text in full; a rewrite of the list would lose its comment."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


_SCALARS = [
    pytest.param(
        "---\na: |\nb: 1\n---\n",
        lambda d: d.__setitem__("a", "x\ny\n"),
        "---\na: |\n  x\n  y\nb: 1\n---\n",
        id="empty-literal-gets-lines-indented-from-its-key",
    ),
    pytest.param(
        "---\nm:\n  a: >\n  b: 1\n---\n",
        lambda d: d["m"].__setitem__("a", "x\n"),
        "---\nm:\n  a: >\n    x\n  b: 1\n---\n",
        id="empty-folded-in-a-nested-mapping",
    ),
    pytest.param(
        "---\nm:\n    a: |\n    b: 1\n---\n",
        lambda d: d["m"].__setitem__("a", "x\n"),
        "---\nm:\n    a: |\n        x\n    b: 1\n---\n",
        id="empty-literal-in-a-four-space-file",
    ),
    pytest.param(
        "---\nl:\n- |\n- b\n---\n",
        lambda d: d["l"].__setitem__(0, "x\n"),
        "---\nl:\n- |\n  x\n- b\n---\n",
        id="empty-literal-list-item",
    ),
    pytest.param(
        "---\nl:\n  - a: |\n    b: 1\n---\n",
        lambda d: d["l"][0].__setitem__("a", "x\n"),
        "---\nl:\n  - a: |\n      x\n    b: 1\n---\n",
        id="empty-literal-in-a-list-item-mapping",
    ),
    pytest.param(
        "---\n? k\n: |\nb: 1\n---\n",
        lambda d: d.__setitem__("k", "x\n"),
        "---\n? k\n: |\n  x\nb: 1\n---\n",
        id="empty-literal-of-an-explicit-key",
    ),
    pytest.param(
        "---\na: |\n  x\nb: 1\n---\n",
        lambda d: d.__setitem__("a", "  y\nz\n"),
        '---\na: "  y\\nz\\n"\nb: 1\n---\n',
        id="literal-whose-first-line-starts-with-spaces-is-double-quoted",
    ),
    pytest.param(
        "---\na: |\n  x\nb: 1\n---\n",
        lambda d: d.__setitem__("a", "\ty\n"),
        '---\na: "\\ty\\n"\nb: 1\n---\n',
        id="literal-starting-with-a-tab-is-double-quoted",
    ),
    pytest.param(
        "---\na: >\n  x\nb: 1\n---\n",
        lambda d: d.__setitem__("a", "\n\n"),
        '---\na: "\\n\\n"\nb: 1\n---\n',
        id="folded-set-to-line-breaks-only-is-double-quoted",
    ),
    pytest.param(
        "---\nl: [a, b]  # c\n---\n",
        lambda d: d["l"].__setitem__(0, "x, y"),
        '---\nl: ["x, y", b]  # c\n---\n',
        id="plain-item-of-a-flow-list-quoted-for-its-comma",
    ),
    pytest.param(
        "---\na: True  # c\n---\n",
        lambda d: d.__setitem__("a", False),
        "---\na: False  # c\n---\n",
        id="boolean-keeps-its-capital",
    ),
    pytest.param(
        "---\nn: 0xFF  # c\n---\n",
        lambda d: d.__setitem__("n", 16),
        "---\nn: 0x10  # c\n---\n",
        id="hexadecimal-stays-hexadecimal",
    ),
    pytest.param(
        "---\nn: !!int 0x1F\n---\n",
        lambda d: d.__setitem__("n", 32),
        "---\nn: !!int 32\n---\n",
        id="tagged-integer-is-written-anew-after-its-tag",
    ),
    pytest.param(
        "---\nb: 1\n? a\n---\n",
        lambda d: d.__setitem__("a", 1),
        "---\nb: 1\n? a\n: 1\n---\n",
        id="last-explicit-key-gets-its-value",
    ),
    pytest.param(
        "---\nb: 1\n? a\n---\n",
        lambda d: d.__setitem__("a", [1]),
        "---\nb: 1\n? a\n:\n  - 1\n---\n",
        id="last-explicit-key-gets-a-list",
    ),
    pytest.param(
        "---\nm: {a: 'b'}\n---\n",
        lambda d: d["m"].__setitem__("k: v", 1),
        "---\nm: {a: 'b', 'k: v': 1}\n---\n",
        id="flow-key-in-the-files-quotes",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _SCALARS)
def test_scalar_written_in_its_place_and_style(before: str, edit: Any, after: str) -> None:
    """Each edit's text in full: a block scalar that cannot hold the value is double-quoted."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


_THREE = "---\nl:\n  - a  # 1\n  - b  # 2\n  - c  # 3\nn: 1\n---\n"
_FOUR = "---\nl:\n  - a  # 1\n  - b  # 2\n  - c  # 3\n  - d  # 4\nn: 1\n---\n"


_LISTS = [
    pytest.param(
        _THREE,
        ["a", "b", "c", "d"],
        "---\nl:\n  - a  # 1\n  - b  # 2\n  - c  # 3\n  - d\nn: 1\n---\n",
        id="append",
    ),
    pytest.param(
        _THREE,
        ["x", "a", "b", "c"],
        "---\nl:\n  - x\n  - a  # 1\n  - b  # 2\n  - c  # 3\nn: 1\n---\n",
        id="insert-first",
    ),
    pytest.param(
        _THREE,
        ["a", "c"],
        "---\nl:\n  - a  # 1\n  - c  # 3\nn: 1\n---\n",
        id="delete-the-middle",
    ),
    pytest.param(
        _THREE,
        ["a", "x", "c"],
        "---\nl:\n  - a  # 1\n  - x  # 2\n  - c  # 3\nn: 1\n---\n",
        id="set-the-middle",
    ),
    pytest.param(
        _THREE,
        ["x", "b", "c"],
        "---\nl:\n  - x  # 1\n  - b  # 2\n  - c  # 3\nn: 1\n---\n",
        id="set-the-first",
    ),
    pytest.param(
        _THREE,
        ["a", "x", "y", "c"],
        "---\nl:\n  - a  # 1\n  - x  # 2\n  - y\n  - c  # 3\nn: 1\n---\n",
        id="set-one-and-insert-one-after-it",
    ),
    pytest.param(
        _FOUR,
        ["a", "d"],
        "---\nl:\n  - a  # 1\n  - d  # 4\nn: 1\n---\n",
        id="delete-a-run",
    ),
    pytest.param(
        _FOUR,
        ["a", "b", "x", "c", "d"],
        "---\nl:\n  - a  # 1\n  - b  # 2\n  - x\n  - c  # 3\n  - d  # 4\nn: 1\n---\n",
        id="insert-between-the-same-start-and-end",
    ),
    pytest.param(
        _FOUR,
        ["x", "y", "d"],
        "---\nl:\n  - x  # 1\n  - y  # 2\n  - d  # 4\nn: 1\n---\n",
        id="set-two-and-delete-one",
    ),
    pytest.param(
        _THREE,
        ["c", "b", "a"],
        "---\nl:\n  - c\n  - b\n  - a  # 1\nn: 1\n---\n",
        id="reversed-keeps-the-first-old-item",
    ),
    pytest.param(
        _FOUR,
        ["b", "a", "d", "c"],
        "---\nl:\n  - b\n  - a  # 1\n  - d  # 2\n  - c  # 3\nn: 1\n---\n",
        id="pairs-swapped",
    ),
    pytest.param(
        "---\nl:\n  - a  # 1\n  - a  # 2\n  - b  # 3\nn: 1\n---\n",
        ["a", "b", "a", "b"],
        "---\nl:\n  - a  # 1\n  - b\n  - a  # 2\n  - b  # 3\nn: 1\n---\n",
        id="repeated-items-keep-their-lines",
    ),
]


@pytest.mark.parametrize(("before", "new", "after"), _LISTS)
def test_list_edits_keep_every_kept_items_line(before: str, new: list[str], after: str) -> None:
    """Items of a longest common run keep their lines and comments; only the others change."""
    doc = frontmatter.loads(before)
    doc.data["l"] = new
    assert dumps_checked(doc) == after


def test_item_appended_to_an_inner_list_keeps_the_outer_comments() -> None:
    doc = frontmatter.loads("---\nl:\n  - - a  # 1\n    - b  # 2\n  - - c  # 3\nn: 1\n---\n")
    doc.data["l"][1].append("d")
    assert (
        dumps_checked(doc)
        == "---\nl:\n  - - a  # 1\n    - b  # 2\n  - - c  # 3\n    - d\nn: 1\n---\n"
    )


def test_mapping_inserted_between_mapping_items_keeps_their_comments() -> None:
    doc = frontmatter.loads("---\nl:\n  - k: a  # 1\n  - k: b  # 2\nn: 1\n---\n")
    doc.data["l"].insert(1, {"k": "x", "j": 1})
    assert (
        dumps_checked(doc)
        == "---\nl:\n  - k: a  # 1\n  - k: x\n    j: 1\n  - k: b  # 2\nn: 1\n---\n"
    )


def test_flow_items_set_and_inserted_in_place() -> None:
    doc = frontmatter.loads("---\nl: [a, b, c]  # c\nm: [a, {k: 1}, c]\n---\n")
    doc.data["l"] = ["a", "x", "y", "c"]
    doc.data["m"][1]["k"] = "x, y"
    assert dumps_checked(doc) == '---\nl: [a, x, y, c]  # c\nm: [a, {k: "x, y"}, c]\n---\n'


def test_items_kept_between_a_changed_first_and_last_keep_their_lines() -> None:
    doc = frontmatter.loads(_FOUR)
    doc.data["l"] = ["b", "x", "c", "e"]
    assert dumps_checked(doc) == "---\nl:\n  - b  # 2\n  - x\n  - c  # 3\n  - e  # 4\nn: 1\n---\n"


def test_a_long_list_changed_at_both_ends_keeps_every_other_line() -> None:
    """600 x 600 items are aligned by difflib's matcher (linear memory): the same lines stay."""
    lines = [f"  - i{i}  # {i}\n" for i in range(600)]
    doc = frontmatter.loads("---\nl:\n" + "".join(lines) + "n: 1\n---\n")
    doc.data["l"][0] = "first"
    doc.data["l"][-1] = "last"
    del doc.data["l"][300]
    doc.data["l"].insert(100, "new")
    kept = [*lines[1:100], "  - new\n", *lines[100:300], *lines[301:599]]
    expected = "---\nl:\n  - first  # 0\n" + "".join(kept) + "  - last  # 599\nn: 1\n---\n"
    assert dumps_checked(doc) == expected


_ALIASES = [
    pytest.param(
        "---\nl: []\nn: 1\n---\n",
        lambda d: d["l"].append([1, 2]),
        "---\nl:\n  - - 1\n    - 2\nn: 1\n---\n",
        id="list-appended-to-an-empty-flow-list-is-a-block-item",
    ),
    pytest.param(
        "---\na: &x\nb: *x\n---\n",
        lambda d: d.update({"a": 1, "b": 1}),
        "---\na: &x 1\nb: *x\n---\n",
        id="alias-kept-when-it-reads-as-the-new-value-of-its-empty-anchor",
    ),
    pytest.param(
        "---\nl: [a, &x b]\nm: *x\n---\n",
        lambda d: d["l"].__delitem__(0),
        "---\nl: [&x b]\nm: *x\n---\n",
        id="alias-kept-when-the-item-before-its-anchor-goes",
    ),
    pytest.param(
        "---\na: &x 1\nl: [*x, b]\n---\n",
        _both(lambda d: d.__setitem__("a", 2), lambda d: d["l"].__delitem__(0)),
        "---\na: &x 2\nl: [b]\n---\n",
        id="deleted-first-alias-of-a-changed-anchor",
    ),
    pytest.param(
        "---\na: &x 1\nl: [b, *x]\n---\n",
        _both(lambda d: d.__setitem__("a", 2), lambda d: d["l"].__delitem__(1)),
        "---\na: &x 2\nl: [b]\n---\n",
        id="deleted-last-alias-of-a-changed-anchor",
    ),
    pytest.param(
        "---\n? k\n: 1\na: b\n  XX\n---\n",
        _reorder("a", "k"),
        "---\na: b XX\nk: 1\n---\n",
        id="front-matter-anew-ends-with-a-continued-plain-scalar",
    ),
    pytest.param(
        "---\n? k\n: 1\na: b\n  \u3000\n---\n",
        _reorder("a", "k"),
        "---\na: b \u3000\nk: 1\n---\n",
        id="front-matter-anew-ends-with-an-ideographic-space-line",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _ALIASES)
def test_aliases_and_last_lines_read_as_the_new_data(before: str, edit: Any, after: str) -> None:
    """An alias stays while it reads as its new value; the front matter's last line is content."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


_MAPPINGS = [
    pytest.param(
        "---\nm:\n  ? a\n  :\nn: 1\n---\n",
        lambda d: frontmatter.insert(d, 1, "k", 1),
        "---\nm:\n  ? a\n  :\nk: 1\nn: 1\n---\n",
        id="key-inserted-after-a-mapping-ending-in-a-lone-colon",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  :\nn: 1\n---\n",
        lambda d: d.pop("m"),
        "---\nn: 1\n---\n",
        id="mapping-ending-in-a-lone-colon-deleted",
    ),
    pytest.param(
        "---\nl:\n  - ? a\n    :\nn: 1\n---\n",
        lambda d: d["l"].append("b"),
        "---\nl:\n  - ? a\n    :\n  - b\nn: 1\n---\n",
        id="item-appended-after-an-explicit-key-item-keeps-two-columns",
    ),
    pytest.param(
        "---\nl:\n- &x a: 1\n---\n",
        lambda d: d["l"].append({"b": 1, "c": 2}),
        "---\nl:\n- &x a: 1\n- b: 1\n  c: 2\n---\n",
        id="item-appended-after-an-anchored-first-key-keeps-two-columns",
    ),
    pytest.param(
        "---\nl:\n  - a: 1  # one\n    b: 2  # two\n---\n",
        lambda d: d["l"][0].pop("a"),
        "---\nl:\n  - b: 2  # two\n---\n",
        id="first-key-on-the-dash-line-deleted",
    ),
    pytest.param(
        "---\nl:\n  - a: 1  # one\n    b: 2  # two\n    c: 3\n---\n",
        lambda d: [d["l"][0].pop("a"), d["l"][0].pop("b")],
        "---\nl:\n  - c: 3\n---\n",
        id="first-two-keys-of-an-item-deleted",
    ),
    pytest.param(
        "---\nl:\n  - a: 1\n    b: 2\n---\n",
        lambda d: d["l"].__setitem__(0, {"z": 1}),
        "---\nl:\n  - z: 1\n---\n",
        id="every-key-of-an-item-replaced",
    ),
    pytest.param(
        "---\nl:\n  - a: 1\n    b: 2  # two\n---\n",
        lambda d: d["l"].__setitem__(0, {"b": 2, "c": 3}),
        "---\nl:\n  - b: 2  # two\n    c: 3\n---\n",
        id="first-key-of-an-item-deleted-and-one-added",
    ),
    pytest.param(
        "---\nl:\n  - a: 1  # one\n---\n",
        lambda d: d["l"].__setitem__(0, {"z": 0, "a": 1}),
        "---\nl:\n  - z: 0\n    a: 1  # one\n---\n",
        id="key-inserted-before-the-first-on-the-dash-line",
    ),
    pytest.param(
        "---\nl:\n  - a: 1  # one\n---\n",
        lambda d: d["l"].__setitem__(0, {"y": 0, "z": 0, "a": 1}),
        "---\nl:\n  - y: 0\n    z: 0\n    a: 1  # one\n---\n",
        id="two-keys-inserted-before-the-first-on-the-dash-line",
    ),
    pytest.param(
        "---\nl:\n  - a: 1  # one\n    b: 2\n---\n",
        lambda d: d["l"].__setitem__(0, {"z": 0, "b": 2}),
        "---\nl:\n  - z: 0\n    b: 2\n---\n",
        id="first-key-on-the-dash-line-replaced-by-another",
    ),
    pytest.param(
        "---\nm:  # m\n  a: 1\n  b: 2  # b\nn: 1\n---\n",
        lambda d: d.__setitem__("m", {"x": 1}),
        "---\nm:  # m\n  x: 1\nn: 1\n---\n",
        id="every-key-of-a-mapping-replaced-keeps-its-keys-comment",
    ),
    pytest.param(
        "---\nm:\n  a: 1\nn: 1\n---\n",
        lambda d: d.__setitem__("m", {}),
        "---\nm: {}\nn: 1\n---\n",
        id="mapping-emptied",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _MAPPINGS)
def test_keys_deleted_and_added_around_the_first(before: str, edit: Any, after: str) -> None:
    """Each edit's text in full, the comments of the entries that stay kept."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


_MORE = [
    pytest.param(
        "---\nl:\n  -\n    k: 1\n---\n",
        lambda d: d["l"].append({"a": 1, "b": 2}),
        "---\nl:\n  -\n    k: 1\n  - a: 1\n    b: 2\n---\n",
        id="mapping-appended-after-a-mapping-below-its-dash",
    ),
    pytest.param(
        "---\na: |\n  x\n    y\nb: 1\n---\n",
        lambda d: d.__setitem__("a", "p\n"),
        "---\na: |\n  p\nb: 1\n---\n",
        id="literal-keeps-the-indentation-of-its-first-line",
    ),
    pytest.param(
        "---\n1: a\nb: 2\n---\n",
        lambda d: d.__setitem__("b", 3),
        "---\n1: a\nb: 3\n---\n",
        id="edit-beside-an-integer-key",
    ),
    pytest.param(
        "---\nl:\n- &x\n- b\n---\n",
        lambda d: d["l"].__setitem__(0, 1),
        "---\nl:\n- &x 1\n- b\n---\n",
        id="empty-anchored-item-set",
    ),
    pytest.param(
        "---\na: &x  # c\nb: 1\n---\n",
        lambda d: d.__setitem__("a", 1),
        "---\na: &x 1  # c\nb: 1\n---\n",
        id="empty-anchored-value-set-before-its-comment",
    ),
    pytest.param(
        "---\nl:\n  - k: a  # 1\n  - k: b  # 2\n  - k: c  # 3\n---\n",
        lambda d: d.__setitem__("l", [OrderedDict(k="a"), OrderedDict(k="c")]),
        "---\nl:\n  - k: a  # 1\n  - k: c  # 3\n---\n",
        id="list-of-ordered-dicts-loses-its-middle-item",
    ),
    pytest.param(
        "---\na: &x 1\nm:\n  k: *x  # c\n---\n",
        lambda d: d.__setitem__("a", 2),
        "---\na: &x 2\nm:\n  k: 1  # c\n---\n",
        id="alias-in-an-unchanged-mapping-written-out",
    ),
    pytest.param(
        "---\na: &x\n  k: 1\nb: *x\n---\n",
        lambda d: d["a"].__setitem__("k", 2),
        "---\na: &x\n  k: 2\nb: *x\n---\n",
        id="alias-to-an-edited-anchored-mapping-kept",
    ),
    pytest.param(
        "---\nm: &x\n  k: 1\n  j: 2\nb: *x\n---\n",
        lambda d: d["m"].pop("k"),
        "---\nm: &x\n  j: 2\nb: *x\n---\n",
        id="first-key-of-an-anchored-mapping-deleted-below-its-anchor",
    ),
    pytest.param(
        "---\nl:\n  - a  # 1\n  - b\n---\n",
        lambda d: d.__setitem__("l", []),
        "---\nl: []\n---\n",
        id="block-list-emptied",
    ),
    pytest.param(
        "---\nm:\n  ? a\n  b: 1\n---\n",
        lambda d: d["m"].__setitem__("a", 1),
        "---\nm:\n  ? a\n  : 1\n  b: 1\n---\n",
        id="nested-explicit-key-gets-a-scalar-at-its-column",
    ),
    pytest.param(
        "---\nm: {? a, b: 1}\n---\n",
        lambda d: d["m"].__setitem__("a", 1),
        "---\nm: {? a : 1, b: 1}\n---\n",
        id="flow-explicit-key-gets-a-scalar-on-its-line",
    ),
    pytest.param(
        "---\na: &X\nb: 1\n---\n",
        lambda d: d.__setitem__("a", 1),
        "---\na: &X 1\nb: 1\n---\n",
        id="empty-value-after-an-anchor-named-x",
    ),
    pytest.param(
        '---\nm: {"a":1}\n---\n',
        lambda d: d["m"].__setitem__("a", 2),
        '---\nm: {"a":2}\n---\n',
        id="flow-scalar-right-after-its-colon",
    ),
    pytest.param(
        "---\na: |+\n  x\n\nb: 1  # b\n---\n",
        lambda d: frontmatter.insert(d, 1, "n", 1),
        "---\na: |+\n  x\n\nn: 1\nb: 1  # b\n---\n",
        id="key-inserted-after-a-keep-block-scalar",
    ),
    pytest.param(
        "---\nl:\n- &aXb a\n- b\n---\n",
        lambda d: d["l"].__setitem__(0, {"k": 1}),
        "---\nl:\n- k: 1\n- b\n---\n",
        id="item-with-an-anchor-named-axb-replaced",
    ),
    pytest.param(
        "---\nm: {Xa: 1}  # c\n---\n",
        lambda d: d["m"].__setitem__("Xa", [1]),
        "---\nm: {Xa: [1]}  # c\n---\n",
        id="flow-value-of-a-key-starting-with-x-replaced",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _MORE)
def test_edits_beside_anchors_aliases_and_odd_layouts(before: str, edit: Any, after: str) -> None:
    """Each edit's text in full."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "---\r\na: |+\r\n  x\r\n\r\nb: 1  # b\r\n---\r\n",
            "---\r\na: |+\r\n  x\r\n\r\nn: 1\r\nb: 1  # b\r\n---\r\n",
            id="crlf",
        ),
        pytest.param(
            "---\ra: |+\r  x\r\rb: 1  # b\r---\r",
            "---\ra: |+\r  x\r\rn: 1\rb: 1  # b\r---\r",
            id="lone-cr",
        ),
    ],
)
def test_key_inserted_after_a_keep_block_scalar_keeps_its_breaks(before: str, after: str) -> None:
    doc = frontmatter.loads(before)
    frontmatter.insert(doc.data, 1, "n", 1)
    assert dumps_checked(doc) == after


def test_a_list_of_tuples_is_aligned_as_lists() -> None:
    """Tuples are written as lists; the items equal to the old ones keep their lines."""
    doc = frontmatter.loads("---\nl:\n  - [a, b]  # 1\n  - [c]  # 2\n  - [d]  # 3\n---\n")
    doc.data["l"] = [("a", "b"), ("d",)]
    out = frontmatter.dumps(doc)
    assert out == "---\nl:\n  - [a, b]  # 1\n  - [d]  # 3\n---\n"
    assert frontmatter.loads(out).data == {"l": [["a", "b"], ["d"]]}


def test_mapping_appended_after_a_mapping_below_its_dash_in_a_lone_cr_file() -> None:
    doc = frontmatter.loads("---\rl:\r  -\r    k: 1\r---\r")
    doc.data["l"].append({"a": 1, "b": 2})
    assert dumps_checked(doc) == "---\rl:\r  -\r    k: 1\r  - a: 1\r    b: 2\r---\r"


def test_keep_block_scalar_set_in_a_crlf_file() -> None:
    doc = frontmatter.loads("---\r\na: |+\r\n  x\r\n\r\nb: 1\r\n---\r\n")
    doc.data["a"] = "y\n\n"
    assert dumps_checked(doc) == "---\r\na: |+\r\n  y\r\n\r\nb: 1\r\n---\r\n"


def test_delete_after_the_last_crlf_of_a_mixed_file() -> None:
    """A file whose first lines end in CRLF and last in LF: the last key's own line goes."""
    doc = frontmatter.loads("---\r\na: 1\r\nb: 2\nc: 3\n---\n")
    del doc.data["c"]
    assert dumps_checked(doc) == "---\r\na: 1\r\nb: 2\n---\n"


@pytest.mark.parametrize(("value", "name"), [({1, 2}, "set"), (object(), "object")])
def test_a_value_yaml_cannot_hold_is_refused_by_type(value: object, name: str) -> None:
    doc = frontmatter.loads("---\na: 1\n---\n")
    doc.data["x"] = value
    with pytest.raises(errors.EditError, match=f"cannot write a value of type {name} as YAML"):
        frontmatter.dumps(doc)


_REORDERED = [
    pytest.param(
        "---\na: 1\nb:\n  x: 1  # x\n  y: 2  # y\nc: 3\n---\n",
        _both(lambda d: d["b"].update({"x": 7, "y": 8}), _reorder("b", "a", "c")),
        "---\nb:\n  x: 7  # x\n  y: 8  # y\na: 1\nc: 3\n---\n",
        id="moved-entry-keeps-its-comments-and-two-edits",
    ),
    pytest.param(
        "---\na: 1\nb:\n  - 1  # one\n  - 2\n  - 3\n  - 4\nc: 3\n---\n",
        _both(lambda d: d["b"].__delitem__(slice(2, 4)), _reorder("b", "a", "c")),
        "---\nb:\n  - 1  # one\n  - 2\na: 1\nc: 3\n---\n",
        id="moved-list-loses-its-last-two-items-and-keeps-its-comment",
    ),
    pytest.param(
        "---\na: 1\nb:\n  - 1  # one\n  - 2\n  - 3\n  - 4  # four\nc: 3\n---\n",
        _both(lambda d: d["b"].__delitem__(slice(1, 3)), _reorder("b", "a", "c")),
        "---\nb:\n  - 1  # one\n  - 4  # four\na: 1\nc: 3\n---\n",
        id="moved-list-loses-two-middle-items-and-keeps-its-comments",
    ),
    pytest.param(
        "---\n? a\n: 1\nb: 2\n# t\n---\n",
        _reorder("b", "a"),
        "---\nb: 2\na: 1\n# t\n---\n",
        id="front-matter-anew-keeps-its-last-comment-once",
    ),
    pytest.param(
        "---\na: &x 1\nb: 2\nc: 3\n---\n",
        _reorder("b", "c", "a"),
        "---\nb: 2\nc: 3\na: 1\n---\n",
        id="reordered-with-an-anchor-in-its-first-entry-written-anew",
    ),
    pytest.param(
        "---\na: 1\nb: 2\nc: &x 3\n---\n",
        _reorder("c", "a", "b"),
        "---\nc: 3\na: 1\nb: 2\n---\n",
        id="reordered-with-an-anchor-in-its-last-entry-written-anew",
    ),
    pytest.param(
        "---\nx: &x 1\nm:\n  a: 1\n  b: *x\n---\n",
        lambda d: d.__setitem__("m", {"b": d["m"]["b"], "a": 1}),
        "---\nx: &x 1\nm:\n  b: 1\n  a: 1\n---\n",
        id="reordered-with-an-alias-written-anew",
    ),
    pytest.param(
        "---\n---\n",
        lambda d: d.update({"l": [1], "m": {"k": [2]}}),
        "---\nl:\n  - 1\nm:\n  k:\n    - 2\n---\n",
        id="collections-added-to-an-empty-front-matter",
    ),
    pytest.param(
        "---\n? a\n? b\nc: 1\n---\n",
        lambda d: d.pop("c"),
        "---\n? a\n? b\n---\n",
        id="key-deleted-after-explicit-keys-without-values",
    ),
    pytest.param(
        "---\n? a\n:\nc: 1\n---\n",
        lambda d: frontmatter.insert(d, 1, "n", 1),
        "---\n? a\n:\nn: 1\nc: 1\n---\n",
        id="key-inserted-after-a-lone-colon",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _REORDERED)
def test_reordered_entries_and_explicit_keys(before: str, edit: Any, after: str) -> None:
    """Moved entries keep their text; a mapping with anchors or aliases is written anew."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    assert dumps_checked(doc) == after


def _setting_l(cases: list[Any]) -> list[Any]:
    """``(before, new, after)`` cases as ``(before, edit, after)`` ones: the edit sets ``l``."""
    return [
        pytest.param(before, lambda d, new=new: d.__setitem__("l", new), after, id=case.id)
        for case in cases
        for before, new, after in [case.values]
    ]


def _with_an_edit_elsewhere(cases: list[Any], rewritten: set[str]) -> list[Any]:
    """Each case with a commented list ``zz`` added at the end, which the edit appends to."""
    out = []
    for case in cases:
        before, edit, after = case.values
        if case.id in rewritten:
            continue
        assert before.endswith("\n---\n")
        assert after.endswith("\n---\n")
        out.append(
            pytest.param(
                before[:-4] + "zz:\n  - s  # keep\n---\n",
                edit,
                after[:-4] + "zz:\n  - s  # keep\n  - t\n---\n",
                id=case.id,
            )
        )
    return out


# Cases whose edit is written by rewriting a collection (so an edit elsewhere
# is written anew too), that reorder or replace the whole front matter, that
# add a key at its end (after ``zz``), or whose file writes items four
# columns from their dash (so ``t`` would be too).
_NOT_IN_PLACE = {
    "new-list-key-is-explicit",
    "item-set-to-a-mapping-starts-where-the-old-value-did",
    "appended-mapping-takes-the-lists-offset",
    "anchor-of-an-alias-key-removed-at-the-root",
    "anchor-of-an-alias-key-removed-in-a-nested-mapping",
    "delete-from-a-flow-root",
    "add-to-a-flow-root",
    "key-added-to-a-single-pair-flow-mapping",
    "empty-item-set-to-a-mapping-takes-the-lists-offset",
    "moved-entry-keeps-two-edits-inside-it",
    "moved-entry-loses-its-last-two-items",
    "moved-entry-loses-two-middle-items",
    "front-matter-anew-keeps-the-comment-lines-around-it",
    "front-matter-anew-in-the-files-layout",
    "flow-front-matter-anew-stays-flow-on-one-line",
    "front-matter-anew-ends-with-a-continued-plain-scalar",
    "front-matter-anew-ends-with-an-ideographic-space-line",
}


@pytest.mark.parametrize(
    ("before", "edit", "after"),
    _with_an_edit_elsewhere(
        _UNUSUAL
        + _REPLACED
        + _FLOW_AND_DASH
        + _SCALARS
        + _ALIASES
        + _MAPPINGS
        + _MORE
        + _REORDERED[-2:]
        + _setting_l(_LISTS),
        _NOT_IN_PLACE,
    ),
)
def test_each_edit_is_made_in_place_beside_another(before: str, edit: Any, after: str) -> None:
    """The edit is patched where it is: an edit of another list keeps that list's comment.

    A first patch that does not read back is retried by writing the changed
    collections anew, which would drop ``# keep``.
    """
    doc = frontmatter.loads(before)
    edit(doc.data)
    doc.data["zz"].append("t")
    assert dumps_checked(doc) == after
