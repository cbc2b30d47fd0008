"""A mapping assigned with its keys in another order reads back in that order.

Each test writes out the full text expected: only the entries whose place
changed move, with the comments above them; the rest keep their bytes.
"""

from __future__ import annotations

from _support import assert_same_data, examples
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsitem
from newsitem import frontmatter


def dumps_checked(doc: frontmatter.FrontMatterDocument) -> str:
    """``dumps(doc)``, after checking it reads back as the data (key order is compared too)."""
    out = frontmatter.dumps(doc)
    again = frontmatter.loads(out)
    assert_same_data(again.data, doc.data)
    return out


def test_reordered_list_item_mapping_is_written_in_the_new_order() -> None:
    """The first reproduction: both keys change, so the item is written anew after its dash."""
    doc = frontmatter.loads(
        "---\ntitle: alpha\nexcerpt: alpha\nwebUrl:\n- 0\ntype:\n"
        "- title: alpha\n  provider: alpha\n- title: alpha\n---"
    )
    doc.data["type"][0] = {"provider": "", "title": ""}
    assert dumps_checked(doc) == (
        "---\ntitle: alpha\nexcerpt: alpha\nwebUrl:\n- 0\ntype:\n"
        '- provider: ""\n  title: ""\n- title: alpha\n---'
    )
    assert list(frontmatter.loads(frontmatter.dumps(doc)).data["type"][0]) == [
        "provider",
        "title",
    ]


def test_reordered_mapping_of_nulls_is_written_in_the_new_order() -> None:
    """The second reproduction: nulls in a list item, keys swapped."""
    doc = frontmatter.loads("---\ntitle:\n- 0\nexcerpt:\n- title: alpha\n  excerpt: alpha\n---")
    doc.data["excerpt"][0] = {"excerpt": None, "title": None}
    assert dumps_checked(doc) == ("---\ntitle:\n- 0\nexcerpt:\n- excerpt: null\n  title: null\n---")


def test_reordered_root_moves_only_the_entry_that_changed_place() -> None:
    """New front matter with two keys swapped: one entry moves, its comments with it."""
    doc = frontmatter.loads(
        "---\n# about notes\nnotes: kept  # inline\n# about title\ntitle: Old\nend: 1\n---\nBody\n"
    )
    doc.data = {"title": "", "notes": None, "end": 1}
    assert dumps_checked(doc) == (
        '---\n# about title\ntitle: ""\n# about notes\nnotes: null  # inline\nend: 1\n---\nBody\n'
    )


def test_two_keys_over_two_in_the_other_order() -> None:
    """``{'title': '', 'notes': None}`` over ``notes`` then ``title``."""
    doc = frontmatter.loads("---\nnotes: a\ntitle: b\n---\n")
    doc.data = {"title": "", "notes": None}
    assert dumps_checked(doc) == '---\ntitle: ""\nnotes: null\n---\n'


def test_nested_block_mapping_moves_one_entry_with_its_comment() -> None:
    """Inside a nested mapping, the one key that changed place moves; values stay as written."""
    doc = frontmatter.loads(
        "---\ntitle: T\nprovider:\n  name: 'N'\n  # the domain\n  domain: d.example\n  id: 7\n---\n"
    )
    doc.data["provider"] = {"domain": "d.example", "name": "N", "id": 7}
    assert dumps_checked(doc) == (
        "---\ntitle: T\nprovider:\n  # the domain\n  domain: d.example\n  name: 'N'\n  id: 7\n---\n"
    )


def test_reordered_flow_mapping_is_rewritten_in_flow() -> None:
    """A flow mapping cannot move entries as lines: it is written anew, still in flow."""
    doc = frontmatter.loads("---\na: {x: 1, y: 2}\nb: 3\n---\n")
    doc.data["a"] = {"y": 2, "x": 1}
    assert dumps_checked(doc) == "---\na: {y: 2, x: 1}\nb: 3\n---\n"


def test_setting_values_and_adding_keys_keeps_the_file_order() -> None:
    """Setting an existing key keeps its place; a new key goes at the end."""
    doc = frontmatter.loads("---\nb: 1\na: 2\n---\n")
    doc.data["a"] = 3
    doc.data["c"] = 4
    assert dumps_checked(doc) == "---\nb: 1\na: 3\nc: 4\n---\n"


def test_typed_edit_keeps_the_file_order_of_the_models_keys() -> None:
    """A typed item's fields keep the file's order (not the model's) through an edit."""
    item = newsitem.loads("---\nwebUrl: https://example.com/a\ntitle: Old\n---\n")
    item.article.title = "New"
    assert newsitem.dumps(item) == "---\nwebUrl: https://example.com/a\ntitle: New\n---\n"


KEYS = ["title", "excerpt", "webUrl", "notes"]
TEXT = "---\n# t\ntitle: a\nexcerpt: b  # e\n# w\n# w2\nwebUrl: c\nnotes:\n  - d\n---\nBody\n"
BLOCKS = {
    "title": "# t\ntitle: a\n",
    "excerpt": "excerpt: b  # e\n",
    "webUrl": "# w\n# w2\nwebUrl: c\n",
    "notes": "notes:\n  - d\n",
}


@settings(max_examples=examples(60), deadline=None)
@given(st.permutations(KEYS))
@example(["excerpt", "title", "webUrl", "notes"])
@example(["notes", "webUrl", "excerpt", "title"])
def test_any_order_of_the_same_keys_reads_back_and_keeps_each_entry(order: list[str]) -> None:
    """Any permutation of the keys: the entries, comments included, in exactly that order."""
    doc = frontmatter.loads(TEXT)
    doc.data = {key: doc.data[key] for key in order}
    assert dumps_checked(doc) == "---\n" + "".join(BLOCKS[k] for k in order) + "---\nBody\n"


def test_an_item_whose_first_key_is_on_its_dash_line_moves_entries_with_their_comments() -> None:
    """``- a: 1  # a``: the entries move as text; each comment stays with its own key."""
    doc = frontmatter.loads("---\nitems:\n- a: 1  # a\n  b: 2  # b\n---\n")
    doc.data["items"][0] = {"b": 2, "a": 1}
    assert dumps_checked(doc) == "---\nitems:\n- b: 2  # b\n  a: 1  # a\n---\n"


def test_an_entry_moved_onto_the_dash_line_takes_its_comment_lines_along() -> None:
    doc = frontmatter.loads(
        "---\nrelated:\n  - title: T  # t\n    webUrl: https://e.com/\n"
        "    # the domain\n    domain: e.com\n---\n"
    )
    doc.data["related"][0] = {"domain": "e.com", "title": "T", "webUrl": "https://e.com/"}
    assert dumps_checked(doc) == (
        "---\nrelated:\n  - # the domain\n    domain: e.com\n"
        "    title: T  # t\n    webUrl: https://e.com/\n---\n"
    )


def test_a_dash_line_entry_moved_down_keeps_its_nested_lines_and_crlf() -> None:
    doc = frontmatter.loads("---\r\nitems:\r\n-   a:\r\n      x: 1  # x\r\n    b: 2\r\n---\r\n")
    doc.data["items"][0] = {"b": 2, "a": {"x": 1}}
    assert dumps_checked(doc) == "---\r\nitems:\r\n-   b: 2\r\n    a:\r\n      x: 1  # x\r\n---\r\n"
