"""Edits at the edges of the editor's geometry: each expected text is written out in full.

An edit touches only its own lines; comments, quoting, indentation and key
order elsewhere stay as they were. Each case writes the text before, the edit
and the text after by hand, with the lines that must stay commented.
"""

from __future__ import annotations

from typing import Any

import pytest
from _support import assert_same_data

from newsitem import frontmatter


def dumps_checked(before: str, edit: Any) -> str:
    """``before`` loaded, edited and dumped, after checking that it reads back as the data."""
    doc = frontmatter.loads(before)
    edit(doc.data)
    out = frontmatter.dumps(doc)
    assert_same_data(frontmatter.loads(out).data, doc.data)
    return out


# -- a comment on the dash line of an item whose content is on the next line -------------

_DASH_LINE_COMMENTS = [
    pytest.param(
        "---\nl:\n- # a-b\n  a: 1\n---\n",
        lambda d: d["l"].append({"x": 1}),
        # the commented item keeps its lines; the new one goes at the dash's column
        "---\nl:\n- # a-b\n  a: 1\n- x: 1\n---\n",
        id="mapping-appended-after-a-commented-dash",
    ),
    pytest.param(
        "---\nl:\n- # a-b\n  a: 1\n- c\n---\n",
        lambda d: d["l"].insert(0, "z"),
        "---\nl:\n- z\n- # a-b\n  a: 1\n- c\n---\n",
        id="item-inserted-before-a-commented-dash",
    ),
    pytest.param(
        "---\nl:\n  - # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].insert(1, "z"),
        "---\nl:\n  - # a-b\n    a: 1\n  - z\n  - c\n---\n",
        id="item-inserted-after-an-indented-commented-dash",
    ),
    pytest.param(
        "---\nl:\n  - # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].__setitem__(0, [1, 2]),
        # the comment stays on the dash line; the list takes the mapping's lines
        "---\nl:\n  - # a-b\n    - 1\n    - 2\n  - c\n---\n",
        id="commented-item-set-to-a-list",
    ),
    pytest.param(
        "---\nl:\n- # a-b\n  a: 1\n- c  # c\n---\n",
        lambda d: d["l"].pop(0),
        "---\nl:\n- c  # c\n---\n",
        id="commented-item-removed",
    ),
    pytest.param(
        "---\nl:\n  - &x-y # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].insert(1, "z"),
        "---\nl:\n  - &x-y # a-b\n    a: 1\n  - z\n  - c\n---\n",
        id="item-inserted-after-an-anchored-commented-dash",
    ),
    pytest.param(
        "---\nl:\n  -\n    # a-b\n    a: 1\n  - c\n---\n",
        lambda d: d["l"].insert(0, "z"),
        "---\nl:\n  - z\n  -\n    # a-b\n    a: 1\n  - c\n---\n",
        id="item-inserted-before-a-comment-line-below-a-dash",
    ),
]


@pytest.mark.parametrize(("before", "edit", "after"), _DASH_LINE_COMMENTS)
def test_a_dash_in_a_comment_is_not_the_items_dash(before: str, edit: Any, after: str) -> None:
    """The item's dash is the one before the comment: the list is patched, not written anew."""
    assert dumps_checked(before, edit) == after
