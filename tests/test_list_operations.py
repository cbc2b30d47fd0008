"""What each operation on a model's list does to the item and to the text ``dumps`` writes.

A model's list field behaves as a ``list`` does (the same values, return values
and errors), validates what is added to it, and every change made through it is
written; reading it changes nothing. Each expected text below is written by hand
from the format: a block list in the file's own indentation, one line per entry.
"""

from __future__ import annotations

import copy
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import Field

import newsitem
from newsitem import Issue, ValidatedList, ValidationError
from newsitem.models import Article, Image, ModelList, NewsModel, RelatedItem

HEAD = "---\ntitle: Harbor news\nwebUrl: https://example.com/a\nprovider:\n  name: Harbor\n"
RELATED = (
    "related:\n"
    "  - title: First\n"
    "    webUrl: https://example.com/r1\n"
    "    images:\n"
    "      - url: https://example.com/i1.png\n"
    "  - title: Second\n"
    "    webUrl: https://example.com/r2\n"
)
TAIL = "---\nBody\n"
TOPICS = ["Ports", "Cranes", "Docks"]


def text(topics: list[str]) -> str:
    """The item's text with ``topics`` as its topics, each on its line as the file writes them."""
    if topics:
        block = "topics:\n" + "".join(f"  - {topic}\n" for topic in topics)
    else:
        block = "topics: []\n"  # an emptied list keeps its key, as YAML writes an empty list
    return HEAD + block + RELATED + TAIL


TEXT = text(TOPICS)


def _fail(*args: object, **kwargs: object) -> object:
    raise AssertionError("the values of an untouched item were looked at")


def _untouched(item: newsitem.NewsItem[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """The item dumps the text it was read from, without looking at its values."""
    with monkeypatch.context() as patched:
        patched.setattr(NewsModel, "model_dump", _fail)
        assert newsitem.dumps(item) is TEXT


# -- each change, the list it leaves and the text written -------------------------------

CHANGES: list[tuple[str, Callable[[list[str]], object], list[str]]] = [
    ("append", lambda t: t.append("Piers"), ["Ports", "Cranes", "Docks", "Piers"]),
    ("insert at 0", lambda t: t.insert(0, "Piers"), ["Piers", "Ports", "Cranes", "Docks"]),
    ("insert at 1", lambda t: t.insert(1, "Piers"), ["Ports", "Piers", "Cranes", "Docks"]),
    ("insert at -1", lambda t: t.insert(-1, "Piers"), ["Ports", "Cranes", "Piers", "Docks"]),
    ("insert at -10", lambda t: t.insert(-10, "Piers"), ["Piers", "Ports", "Cranes", "Docks"]),
    ("insert at 10", lambda t: t.insert(10, "Piers"), ["Ports", "Cranes", "Docks", "Piers"]),
    (
        "extend",
        lambda t: t.extend(["Piers", "Quays"]),
        ["Ports", "Cranes", "Docks", "Piers", "Quays"],
    ),
    (
        "extend with a generator",
        lambda t: t.extend(name for name in ("Piers", "Quays")),
        ["Ports", "Cranes", "Docks", "Piers", "Quays"],
    ),
    ("iadd of a tuple", lambda t: t.__iadd__(("Piers",)), ["Ports", "Cranes", "Docks", "Piers"]),
    ("item 1", lambda t: t.__setitem__(1, "Piers"), ["Ports", "Piers", "Docks"]),
    ("item -1", lambda t: t.__setitem__(-1, "Piers"), ["Ports", "Cranes", "Piers"]),
    ("item -3", lambda t: t.__setitem__(-3, "Piers"), ["Piers", "Cranes", "Docks"]),
    ("slice 1:", lambda t: t.__setitem__(slice(1, None), ["Piers"]), ["Ports", "Piers"]),
    (
        "slice :0",
        lambda t: t.__setitem__(slice(None, 0), ["Piers"]),
        ["Piers", "Ports", "Cranes", "Docks"],
    ),
    (
        "slice 3:",
        lambda t: t.__setitem__(slice(3, None), ["Piers", "Quays"]),
        ["Ports", "Cranes", "Docks", "Piers", "Quays"],
    ),
    ("slice 1:2 emptied", lambda t: t.__setitem__(slice(1, 2), []), ["Ports", "Docks"]),
    (
        "extended slice ::2",
        lambda t: t.__setitem__(slice(None, None, 2), ["Piers", "Quays"]),
        ["Piers", "Cranes", "Quays"],
    ),
    (
        "extended slice ::-1",
        lambda t: t.__setitem__(slice(None, None, -1), ["Piers", "Quays", "Wharves"]),
        ["Wharves", "Quays", "Piers"],
    ),
    ("del 0", lambda t: t.__delitem__(0), ["Cranes", "Docks"]),
    ("del -1", lambda t: t.__delitem__(-1), ["Ports", "Cranes"]),
    ("del 1:", lambda t: t.__delitem__(slice(1, None)), ["Ports"]),
    ("del ::2", lambda t: t.__delitem__(slice(None, None, 2)), ["Cranes"]),
    ("del :", lambda t: t.__delitem__(slice(None)), []),
    ("imul 2", lambda t: t.__imul__(2), TOPICS + TOPICS),
    ("imul 0", lambda t: t.__imul__(0), []),
    ("pop", lambda t: t.pop(), ["Ports", "Cranes"]),
    ("pop 0", lambda t: t.pop(0), ["Cranes", "Docks"]),
    ("pop -2", lambda t: t.pop(-2), ["Ports", "Docks"]),
    ("remove", lambda t: t.remove("Cranes"), ["Ports", "Docks"]),
    ("clear", lambda t: t.clear(), []),
    ("sort", lambda t: t.sort(), ["Cranes", "Docks", "Ports"]),
    ("sort reversed", lambda t: t.sort(reverse=True), ["Ports", "Docks", "Cranes"]),
    # A stable sort: Ports and Docks (5 letters) keep their order, in both directions.
    ("sort by length", lambda t: t.sort(key=len), ["Ports", "Docks", "Cranes"]),
    (
        "sort by length reversed",
        lambda t: t.sort(key=len, reverse=True),
        ["Cranes", "Ports", "Docks"],
    ),
    ("reverse", lambda t: t.reverse(), ["Docks", "Cranes", "Ports"]),
]


@pytest.mark.parametrize(
    ("change", "topics"), [(c[1], c[2]) for c in CHANGES], ids=[c[0] for c in CHANGES]
)
@pytest.mark.parametrize("dumped_first", [False, True], ids=["fresh", "dumped-first"])
def test_each_change_to_a_list_is_held_and_written(
    change: Callable[[list[str]], object], topics: list[str], dumped_first: bool
) -> None:
    item = newsitem.loads(TEXT)
    held = item.article.topics
    if dumped_first:  # the untouched route taken once must not stick
        assert newsitem.dumps(item) is TEXT
    change(held)
    assert item.article.topics is held
    assert type(held) is ValidatedList
    assert held == topics
    assert newsitem.dumps(item) == text(topics)
    assert newsitem.loads(newsitem.dumps(item)).article.topics == topics


def test_changes_return_what_a_list_returns() -> None:
    item = newsitem.loads(TEXT)
    topics = item.article.topics
    assert topics.pop() == "Docks"
    assert topics.pop(0) == "Ports"
    assert topics.append("Piers") is None
    assert topics.insert(0, "Quays") is None
    assert topics.extend(["Wharves"]) is None
    assert topics.remove("Piers") is None
    assert topics.sort() is None
    assert topics.reverse() is None
    assert topics.__iadd__(["Moles"]) is topics
    assert topics.__imul__(1) is topics
    assert topics.clear() is None
    assert newsitem.dumps(item) == text([])


def test_in_place_operators_through_the_attribute_are_written() -> None:
    """``article.topics += [...]`` and ``*=`` assign the result back: the same list, set again."""
    item = newsitem.loads(TEXT)
    item.article.topics += ["Piers"]
    assert newsitem.dumps(item) == text([*TOPICS, "Piers"])
    item.article.topics *= 2
    assert item.article.topics == [*TOPICS, "Piers"] * 2
    assert type(item.article.topics) is ValidatedList
    assert newsitem.dumps(item) == text([*TOPICS, "Piers"] * 2)


def test_a_list_assigned_back_through_an_in_place_operator_still_validates() -> None:
    item = newsitem.loads(TEXT)
    item.article.topics += ["Piers"]
    with pytest.raises(ValidationError):
        item.article.topics.append(5)  # type: ignore[arg-type]  # the mistake under test
    assert item.article.topics == [*TOPICS, "Piers"]


def test_changes_that_change_nothing_leave_the_text_as_read() -> None:
    for change in (
        lambda t: t.extend([]),
        lambda t: t.__iadd__(()),
        lambda t: t.__imul__(1),
        lambda t: t.__setitem__(slice(3, None), []),
        lambda t: t.__delitem__(slice(5, None)),
        lambda t: t.sort(key=lambda name: 0),
    ):
        item = newsitem.loads(TEXT)
        change(item.article.topics)
        assert item.article.topics == TOPICS
        assert newsitem.dumps(item) == TEXT


def test_a_sort_that_fails_part_way_writes_what_the_list_holds() -> None:
    """A key that cannot be compared stops the sort; the list may be partly sorted by then."""
    names = ["Docks", "Cranes", "Anchors", "Buoys", "Piers"]
    order = {"Docks": 4, "Cranes": 3, "Anchors": 1, "Buoys": 2}
    item = newsitem.loads(text(names))
    assert newsitem.dumps(item) == text(names)
    with pytest.raises(TypeError):
        item.article.topics.sort(key=lambda name: order.get(name, name))  # "Piers" is a str
    now = list(item.article.topics)
    assert sorted(now) == sorted(names)  # the same entries...
    assert now != names  # ...moved before the comparison failed (CPython sorts runs first)
    assert newsitem.dumps(item) == text(now)


# -- what fails, fails as on a list, and changes nothing ------------------------------------


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda t: t.pop(3), IndexError, "pop index out of range"),
        (lambda t: t.remove("Piers"), ValueError, "list.remove(x): x not in list"),
        (lambda t: t.__setitem__(3, "Piers"), IndexError, "list assignment index out of range"),
        (lambda t: t.__setitem__(-4, "Piers"), IndexError, "list assignment index out of range"),
        # The place is checked before the value: a wrong place is an IndexError, whatever the value.
        (lambda t: t.__setitem__(7, 5), IndexError, "list assignment index out of range"),
        (lambda t: t.__setitem__(3, 5), IndexError, "list assignment index out of range"),
        (lambda t: t.__setitem__(-4, 5), IndexError, "list assignment index out of range"),
        (lambda t: t.__delitem__(3), IndexError, "list assignment index out of range"),
        (
            lambda t: t.__setitem__(slice(None, None, 2), ["Piers"]),
            ValueError,
            "attempt to assign sequence of size 1 to extended slice of size 2",
        ),
        (
            lambda t: t.__setitem__("a", "Piers"),
            TypeError,
            "list indices must be integers or slices, not str",
        ),
        (
            lambda t: t.__setitem__(1.0, "Piers"),
            TypeError,
            "list indices must be integers or slices, not float",
        ),
        (lambda t: t.insert("a", "Piers"), TypeError, "'str' object cannot be interpreted"),
        (lambda t: t.insert(1.0, "Piers"), TypeError, "'float' object cannot be interpreted"),
        (lambda t: t.__setitem__(slice(0, 1), 5), TypeError, "'int' object is not iterable"),
    ],
    ids=[
        "pop",
        "remove",
        "item 3",
        "item -4",
        "item 7 bad",
        "item 3 bad",
        "item -4 bad",
        "del 3",
        "slice size",
        "str index",
        "float index",
        "insert str",
        "insert float",
        "slice of an int",
    ],
)
def test_a_list_operation_that_fails_raises_as_a_list_does(
    change: Callable[[list[Any]], object], error: type[Exception], message: str
) -> None:
    item = newsitem.loads(TEXT)
    with pytest.raises(error, match="^" + re.escape(message)):
        change(item.article.topics)
    assert item.article.topics == TOPICS
    assert newsitem.dumps(item) is TEXT


def test_an_entry_set_in_an_empty_list_is_an_index_error() -> None:
    item = newsitem.loads(HEAD + TAIL)
    for value in ("Piers", 5):
        with pytest.raises(IndexError, match=r"^list assignment index out of range$"):
            item.article.topics[0] = value  # type: ignore[call-overload]  # the mistake under test
    with pytest.raises(IndexError, match=r"^pop from empty list$"):
        item.article.topics.pop()
    assert item.article.topics == []
    assert "topics" not in item.article.model_fields_set
    assert newsitem.dumps(item) == HEAD + TAIL


def _wrong(field: str, got: str, line: int | None = None, column: int | None = None) -> Issue:
    return Issue(field, f"expected a string, got {got}", "wrong-type", line, column)


# Each entry that does not fit, the issue it raises: the field names the place the entry
# would take; the line and column are the entry it replaces, or the list for an entry added
# at its end (not asserted where entries move: an insert, a slice of another length).
BAD = [
    ("append", lambda t: t.append(5), _wrong("topics[3]", "an integer 5", 7, 3)),
    ("insert at 1", lambda t: t.insert(1, 5), _wrong("topics[1]", "an integer 5")),
    ("insert at -1", lambda t: t.insert(-1, 5), _wrong("topics[2]", "an integer 5")),
    ("insert at -9", lambda t: t.insert(-9, 5), _wrong("topics[0]", "an integer 5")),
    ("insert at 9", lambda t: t.insert(9, 5), _wrong("topics[3]", "an integer 5", 7, 3)),
    ("extend", lambda t: t.extend(["Piers", 5]), _wrong("topics[4]", "an integer 5", 7, 3)),
    ("iadd", lambda t: t.__iadd__([5]), _wrong("topics[3]", "an integer 5", 7, 3)),
    ("item 1", lambda t: t.__setitem__(1, 5), _wrong("topics[1]", "an integer 5", 8, 5)),
    ("item -1", lambda t: t.__setitem__(-1, 5), _wrong("topics[2]", "an integer 5", 9, 5)),
    (
        "slice 1:2",
        lambda t: t.__setitem__(slice(1, 2), ["Piers", 5]),
        _wrong("topics[2]", "an integer 5"),
    ),
    (
        "slice 3:",
        lambda t: t.__setitem__(slice(3, None), ["Piers", 5]),
        _wrong("topics[4]", "an integer 5", 7, 3),
    ),
    (
        "extended slice 1::1",
        lambda t: t.__setitem__(slice(-2, None, 1), ["Piers", 5]),
        _wrong("topics[2]", "an integer 5", 9, 5),
    ),
    (
        "extended slice ::2",
        lambda t: t.__setitem__(slice(None, None, 2), ["Piers", 5]),
        _wrong("topics[2]", "an integer 5", 9, 5),
    ),
    (
        "extended slice ::-1",
        lambda t: t.__setitem__(slice(None, None, -1), ["Piers", "Quays", None]),
        _wrong("topics[0]", "null", 7, 5),
    ),
    (
        "extended slice 2::-2",
        lambda t: t.__setitem__(slice(2, None, -2), [5, "Piers"]),
        _wrong("topics[2]", "an integer 5", 9, 5),
    ),
]


@pytest.mark.parametrize(("change", "issue"), [(b[1], b[2]) for b in BAD], ids=[b[0] for b in BAD])
def test_an_entry_that_does_not_fit_is_refused_and_named(
    change: Callable[[list[Any]], object], issue: Issue
) -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(item) is TEXT
    with pytest.raises(ValidationError) as caught:
        change(item.article.topics)
    (raised,) = caught.value.issues
    assert (raised.field, raised.message, raised.code) == (issue.field, issue.message, issue.code)
    if issue.line is not None:
        assert raised == issue
        where = f"<string>:{issue.line}:{issue.column}"
        assert str(caught.value) == f"{where}: {issue.field}: {issue.message}"
    assert item.article.topics == TOPICS  # left as it was
    assert newsitem.dumps(item) == TEXT


def test_a_related_item_that_does_not_fit_names_its_field(tmp_path: Path) -> None:
    path = tmp_path / "news.md"
    path.write_bytes(TEXT.encode())
    item = newsitem.load(path)
    with pytest.raises(ValidationError) as caught:
        item.article.related.append({"title": "Third", "webUrl": "not a url"})
    assert caught.value.path == str(path)
    assert [(i.field, i.code, i.line, i.column) for i in caught.value.issues] == [
        ("related[2].webUrl", "invalid-value", 11, 3)
    ]
    with pytest.raises(ValidationError) as nested:
        item.article.related[0].images.insert(0, {"url": "https://example.com/x", "width": "9"})
    assert [(i.field, i.message) for i in nested.value.issues] == [
        ("related[0].images[0].width", "expected an integer, got a string '9'")
    ]
    assert newsitem.dumps(item) == TEXT


# -- added entries become the field's type, and are watched ---------------------------------


def test_dicts_added_in_every_way_become_models() -> None:
    item = newsitem.loads(TEXT)
    related = item.article.related
    related.append({"title": "Third", "webUrl": "https://example.com/r3"})
    related.insert(0, {"title": "Zeroth", "web_url": "https://example.com/r0"})
    related.extend([{"title": "Fourth", "webUrl": "https://example.com/r4"}])
    related[1] = {"title": "One", "webUrl": "https://example.com/r1"}
    related[4:] = [{"title": "Five", "webUrl": "https://example.com/r5"}]
    assert all(type(entry) is RelatedItem for entry in related)
    assert [entry.title for entry in related] == ["Zeroth", "One", "Second", "Third", "Five"]
    images = related[1].images
    images.append({"url": "https://example.com/i2.png"})
    assert type(images[0]) is Image
    assert newsitem.dumps(item) == (
        HEAD + "topics:\n  - Ports\n  - Cranes\n  - Docks\n" + "related:\n"
        "  - title: Zeroth\n"
        "    webUrl: https://example.com/r0\n"
        "  - title: One\n"
        "    webUrl: https://example.com/r1\n"
        "    images:\n"
        "      - url: https://example.com/i2.png\n"
        "  - title: Second\n"
        "    webUrl: https://example.com/r2\n"
        "  - title: Third\n"
        "    webUrl: https://example.com/r3\n"
        "  - title: Five\n"
        "    webUrl: https://example.com/r5\n" + TAIL
    )


def test_an_entry_added_to_a_list_is_watched_where_it_sits() -> None:
    """A model added to a list is the list's own: a change made in it later is written."""
    item = newsitem.loads(TEXT)
    item.article.related.append(RelatedItem(title="Third", web_url="https://example.com/r3"))
    third = item.article.related[2]
    assert newsitem.dumps(item) == TEXT.replace(
        "---\nBody", "  - title: Third\n    webUrl: https://example.com/r3\n---\nBody"
    )
    third.title = "Third, renamed"
    assert newsitem.dumps(item) == TEXT.replace(
        "---\nBody", "  - title: Third, renamed\n    webUrl: https://example.com/r3\n---\nBody"
    )
    with pytest.raises(ValidationError) as caught:
        third.quality = "high"  # type: ignore[assignment]  # the mistake under test
    assert caught.value.issues[0].field == "related[2].quality"


def test_a_model_moved_out_of_its_list_names_its_path_from_where_it_was_left() -> None:
    item = newsitem.loads(TEXT)
    second = item.article.related.pop(1)
    with pytest.raises(ValidationError) as caught:
        second.quality = "high"  # type: ignore[assignment]  # no longer in the list
    assert caught.value.issues[0].field == "quality"
    assert caught.value.issues[0].line is None
    first = item.article.related[0]
    old = first.images  # kept: the image is still in it
    image = old[0]
    first.images = [Image(url="https://example.com/i9.png")]  # the old list is replaced
    with pytest.raises(ValidationError) as replaced:
        image.width = "w"  # type: ignore[assignment]  # in a list no model holds now
    assert replaced.value.issues[0].field == "width"
    assert old == [image]
    provider = item.article.provider
    assert provider is not None
    item.article.provider = {"name": "Another"}  # type: ignore[assignment]  # replaced
    with pytest.raises(ValidationError) as left:
        provider.name = 5  # type: ignore[assignment]  # in no model now
    assert left.value.issues[0].field == "name"
    assert left.value.issues[0].line is None


def test_a_model_of_an_article_no_longer_the_items_names_no_file(tmp_path: Path) -> None:
    path = tmp_path / "news.md"
    path.write_bytes(TEXT.encode())
    item = newsitem.load(path)
    old = item.article
    item.article = old.model_copy(update={"title": "Another"})
    with pytest.raises(ValidationError) as caught:
        old.related[0].quality = "high"  # type: ignore[assignment]  # the mistake under test
    assert caught.value.path is None
    assert caught.value.issues[0].field == "related[0].quality"
    assert caught.value.issues[0].line is None
    article = newsitem.load(path).article  # the item is gone: nothing holds the article
    with pytest.raises(ValidationError) as orphan:
        article.title = 5  # type: ignore[assignment]  # the mistake under test
    assert orphan.value.path is None
    assert orphan.value.issues[0].field == "title"


def test_a_list_of_scalars_is_held_to_the_models_strictness() -> None:
    """ "5" is not an int in a list any more than in a field; a field of your own may opt out."""

    class Desk(NewsModel):
        size: int = Field(strict=False)

    class Desks(Article):
        counts: ModelList[int] = Field(default_factory=list)
        desks: ModelList[Desk] = Field(default_factory=list)

    item = newsitem.loads(HEAD + TAIL, model=Desks)
    with pytest.raises(ValidationError) as caught:
        item.article.counts.append("5")  # type: ignore[arg-type]  # the mistake under test
    assert caught.value.issues[0].message == "expected an integer, got a string '5'"
    item.article.desks.append({"size": "5"})  # type: ignore[arg-type]  # its own, lax, field
    assert item.article.desks[0].size == 5
    assert newsitem.dumps(item) == HEAD + "desks:\n  - size: 5\n" + TAIL


# -- lists the file did not have ------------------------------------------------------------

GROW: list[tuple[str, Callable[[list[str]], object]]] = [
    ("append", lambda t: t.append("Piers")),
    ("insert", lambda t: t.insert(0, "Piers")),
    ("extend", lambda t: t.extend(["Piers"])),
    ("iadd", lambda t: t.__iadd__(["Piers"])),
    ("slice", lambda t: t.__setitem__(slice(None), ["Piers"])),
]


@pytest.mark.parametrize("change", [g[1] for g in GROW], ids=[g[0] for g in GROW])
def test_an_absent_list_that_gains_an_entry_is_written(
    change: Callable[[list[str]], object],
) -> None:
    item = newsitem.loads(HEAD + RELATED + TAIL)
    assert newsitem.dumps(item) == HEAD + RELATED + TAIL
    change(item.article.topics)
    assert "topics" in item.article.model_fields_set
    assert newsitem.dumps(item) == HEAD + "topics:\n  - Piers\n" + RELATED + TAIL


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.extend([]),
        lambda t: t.__iadd__([]),
        lambda t: t.__setitem__(slice(None), []),
        lambda t: t.__delitem__(slice(None)),
        lambda t: t.__imul__(3),
        lambda t: t.clear(),
        lambda t: t.sort(),
        lambda t: t.reverse(),
    ],
    ids=["extend", "iadd", "slice", "del", "imul", "clear", "sort", "reverse"],
)
def test_an_absent_list_left_empty_stays_unset(change: Callable[[list[str]], object]) -> None:
    """Whether the key was given stays in ``model_fields_set``: an empty list left empty is not."""
    item = newsitem.loads(HEAD + TAIL)
    change(item.article.topics)
    assert item.article.topics == []
    assert "topics" not in item.article.model_fields_set
    assert newsitem.dumps(item) == HEAD + TAIL


class _Desk(Article):
    desks: ModelList[str] = Field(default_factory=lambda: ["Europe", "Asia"])


@pytest.mark.parametrize(
    ("change", "desks"),
    [
        (lambda d: d.append("Africa"), ["Europe", "Asia", "Africa"]),
        (lambda d: d.pop(), ["Europe"]),
        (lambda d: d.remove("Europe"), ["Asia"]),
        (lambda d: d.__delitem__(0), ["Asia"]),
        (lambda d: d.__setitem__(0, "Africa"), ["Africa", "Asia"]),
        (lambda d: d.__setitem__(slice(1, None), []), ["Europe"]),
        (lambda d: d.sort(), ["Asia", "Europe"]),
        (lambda d: d.reverse(), ["Asia", "Europe"]),
        (lambda d: d.__imul__(2), ["Europe", "Asia", "Europe", "Asia"]),
    ],
    ids=["append", "pop", "remove", "del", "item", "slice", "sort", "reverse", "imul"],
)
def test_a_default_list_changed_in_place_is_written(
    change: Callable[[list[str]], object], desks: list[str]
) -> None:
    """A field of your own whose default holds entries: a change to it is a value to write."""
    item = newsitem.loads(HEAD + TAIL, model=_Desk)
    assert item.article.desks == ["Europe", "Asia"]
    assert newsitem.dumps(item) == HEAD + TAIL
    change(item.article.desks)
    assert "desks" in item.article.model_fields_set
    written = "".join(f"  - {desk}\n" for desk in desks)
    assert newsitem.dumps(item) == HEAD + "desks:\n" + written + TAIL
    assert newsitem.loads(newsitem.dumps(item), model=_Desk).article.desks == desks


class _OneDesk(Article):
    desks: ModelList[str] = Field(default_factory=lambda: ["Europe"])


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop(),
        lambda d: d.remove("Europe"),
        lambda d: d.__delitem__(0),
        lambda d: d.__delitem__(slice(None)),
        lambda d: d.__setitem__(slice(None), []),
        lambda d: d.__imul__(0),
        lambda d: d.clear(),
    ],
    ids=["pop", "remove", "del", "del slice", "slice", "imul", "clear"],
)
def test_a_default_list_emptied_in_place_is_set(change: Callable[[list[str]], object]) -> None:
    """Its one entry taken away: the field now holds a value of its own, not its default."""
    item = newsitem.loads(HEAD + TAIL, model=_OneDesk)
    change(item.article.desks)
    assert item.article.desks == []
    assert "desks" in item.article.model_fields_set


def test_a_default_list_emptied_is_written_empty() -> None:
    """Its default holds entries: an empty list is a value to write, or the default comes back."""
    item = newsitem.loads(HEAD + TAIL, model=_Desk)
    item.article.desks.clear()
    assert newsitem.dumps(item) == HEAD + "desks: []\n" + TAIL
    assert newsitem.loads(newsitem.dumps(item), model=_Desk).article.desks == []


# -- reading a list changes nothing ---------------------------------------------------------


def test_reading_a_list_in_every_way_leaves_the_item_untouched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = newsitem.loads(TEXT)
    topics = item.article.topics
    assert newsitem.dumps(item) is TEXT
    assert len(topics) == 3
    assert topics
    assert (topics[0], topics[-1]) == ("Ports", "Docks")
    assert "Cranes" in topics
    assert "Piers" not in topics
    assert (topics.index("Docks"), topics.count("Ports")) == (2, 1)
    assert list(iter(topics)) == TOPICS
    assert list(reversed(topics)) == TOPICS[::-1]
    assert topics == TOPICS
    assert topics != ["Ports"]
    assert topics != tuple(TOPICS)
    assert topics < ["Ports", "Docks"]
    assert topics > ["Ports", "Cranes"]
    assert repr(topics) == "['Ports', 'Cranes', 'Docks']" == str(topics)
    with pytest.raises(TypeError, match="unhashable"):
        hash(topics)
    _untouched(item, monkeypatch)


@pytest.mark.parametrize(
    "made",
    [
        lambda t: t.copy(),
        lambda t: t[:],
        lambda t: t[1:],
        lambda t: t + ["Piers"],  # noqa: RUF005  # the operator under test
        lambda t: ["Piers"] + t,  # noqa: RUF005
        lambda t: t * 2,
        lambda t: 2 * t,
        lambda t: list(t),
        lambda t: sorted(t),
    ],
    ids=["copy", "[:]", "[1:]", "add", "radd", "mul", "rmul", "list", "sorted"],
)
def test_a_list_made_from_a_models_list_is_a_plain_list_apart_from_the_item(
    made: Callable[[list[str]], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    item = newsitem.loads(TEXT)
    new = made(item.article.topics)
    assert type(new) is list
    new.append(5)  # type: ignore[arg-type]  # a plain list validates nothing
    new.clear()
    assert item.article.topics == TOPICS
    _untouched(item, monkeypatch)


def test_a_copy_of_a_models_list_is_a_list_of_its_own() -> None:
    item = newsitem.loads(TEXT)
    for twin in (copy.copy(item.article.topics), copy.deepcopy(item.article.topics)):
        assert twin == TOPICS
        twin.append("Piers")
        twin.append(5)  # type: ignore[arg-type]  # held by no model: validates nothing
        assert item.article.topics == TOPICS
    assert newsitem.dumps(item) == TEXT


def test_a_list_made_by_hand_is_a_plain_list() -> None:
    values: ValidatedList[Any] = ValidatedList(["a"])
    values.append(5)
    values.insert(0, None)
    values.extend([2.5])
    values += ["b"]
    values[0] = "z"
    values[1:2] = ["y"]
    values *= 1
    assert values.pop() == "b"
    values.remove("y")
    values.sort(key=str)
    values.reverse()
    assert values == ["z", 5, 2.5]
    del values[0]
    values.clear()
    assert values == []


def test_a_list_pickles_and_copies_with_its_model() -> None:
    item = newsitem.loads(TEXT)
    topics = item.article.topics
    again = pickle.loads(pickle.dumps(topics))
    assert type(again) is ValidatedList
    assert again == TOPICS
    for article in (
        pickle.loads(pickle.dumps(item.article)),
        copy.deepcopy(item.article),
        item.article.model_copy(deep=True),
    ):
        assert article.topics == TOPICS
        assert article.topics is not topics
        assert type(article.topics) is ValidatedList
        with pytest.raises(ValidationError) as caught:
            article.related[0].images.append({"url": 5})
        assert caught.value.issues[0].field == "related[0].images[1].url"
        article.topics.append("Piers")
        assert topics == TOPICS  # its own list
    restored = pickle.loads(pickle.dumps(item))
    restored.article.topics.sort()
    assert newsitem.dumps(restored) == text(["Cranes", "Docks", "Ports"])
    assert newsitem.dumps(item) == TEXT


# -- dicts the models hand out --------------------------------------------------------------

WIRE = HEAD + "wire:\n  desk: Europe\n  tags: [a, b]\n" + TAIL


def _wire(item: newsitem.NewsItem[Any]) -> dict[str, Any]:
    extra = item.article.model_extra
    assert extra is not None
    wire: dict[str, Any] = extra["wire"]
    return wire


DICT_CHANGES: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("set", lambda d: d.__setitem__("desk", "Asia"), "  desk: Asia\n  tags: [a, b]\n"),
    ("add", lambda d: d.__setitem__("lead", 1), "  desk: Europe\n  tags: [a, b]\n  lead: 1\n"),
    ("del", lambda d: d.__delitem__("desk"), "  tags: [a, b]\n"),
    ("pop", lambda d: d.pop("tags"), "  desk: Europe\n"),
    ("popitem", lambda d: d.popitem(), "  desk: Europe\n"),
    (
        "setdefault",
        lambda d: d.setdefault("lead", 2),
        "  desk: Europe\n  tags: [a, b]\n  lead: 2\n",
    ),
    ("update", lambda d: d.update(desk="Asia"), "  desk: Asia\n  tags: [a, b]\n"),
    ("ior", lambda d: d.__ior__({"desk": "Asia"}), "  desk: Asia\n  tags: [a, b]\n"),
    ("clear", lambda d: d.clear(), None),
    ("a list inside", lambda d: d["tags"].append("c"), "  desk: Europe\n  tags: [a, b, c]\n"),
    # The list is the one read, changed in place: its old entries are not kept by place.
    ("a list sorted", lambda d: d["tags"].sort(reverse=True), "  desk: Europe\n  tags: [b, a]\n"),
    ("a list reversed", lambda d: d["tags"].reverse(), "  desk: Europe\n  tags: [b, a]\n"),
    ("a list's entry", lambda d: d["tags"].__setitem__(0, "c"), "  desk: Europe\n  tags: [c, b]\n"),
    (
        "a list replaced",
        lambda d: d.__setitem__("tags", ["b", "a"]),
        "  desk: Europe\n  tags: [b, a]\n",
    ),
]


@pytest.mark.parametrize(
    ("change", "written"),
    [(c[1], c[2]) for c in DICT_CHANGES],
    ids=[c[0] for c in DICT_CHANGES],
)
def test_each_change_to_an_unknown_keys_dict_is_written(
    change: Callable[[dict[str, Any]], object], written: str | None
) -> None:
    item = newsitem.loads(WIRE)
    wire = _wire(item)
    assert newsitem.dumps(item) == WIRE
    change(wire)
    expected = HEAD + ("wire: {}\n" if written is None else "wire:\n" + written) + TAIL
    assert newsitem.dumps(item) == expected


def test_an_unknown_key_set_to_a_list_is_watched() -> None:
    item = newsitem.loads(HEAD + TAIL)
    desks = ["Europe"]
    item.article.desks = desks  # type: ignore[attr-defined]  # an unknown key
    assert newsitem.dumps(item) == HEAD + "desks:\n  - Europe\n" + TAIL
    desks.append("Asia")  # the caller still holds it
    assert newsitem.dumps(item) == HEAD + "desks:\n  - Europe\n  - Asia\n" + TAIL


def test_a_model_of_another_kind_in_an_unknown_key_is_watched() -> None:
    class Wire(NewsModel):
        desk: str

    item = newsitem.loads(HEAD + TAIL)
    item.article.wire = Wire(desk="Europe")  # type: ignore[attr-defined]  # an unknown key
    assert newsitem.dumps(item) == HEAD + "wire:\n  desk: Europe\n" + TAIL
    item.article.wire.desk = "Asia"  # type: ignore[attr-defined]
    assert newsitem.dumps(item) == HEAD + "wire:\n  desk: Asia\n" + TAIL


def test_a_list_of_an_unknown_key_reordered_in_place_keeps_the_lines_that_stay() -> None:
    """The first entry moved to the end: the two others keep their lines and comments."""
    text = HEAD + "wire:\n  tags:\n    - a\n    - b  # kept\n    - c\n" + TAIL
    item = newsitem.loads(text)
    tags = _wire(item)["tags"]
    tags.append(tags.pop(0))
    assert (
        newsitem.dumps(item) == HEAD + "wire:\n  tags:\n    - b  # kept\n    - c\n    - a\n" + TAIL
    )


def test_a_list_of_an_unknown_key_in_a_related_item_reversed_is_written() -> None:
    text = (
        HEAD
        + "related:\n  - title: R\n    webUrl: https://example.com/r\n    tags: [a, b]\n"
        + TAIL
    )
    item = newsitem.loads(text)
    tags = item.article.related[0].tags  # type: ignore[attr-defined]  # an unknown key
    tags.reverse()
    assert newsitem.dumps(item) == text.replace("tags: [a, b]", "tags: [b, a]")


def test_a_field_of_yours_set_to_none_against_another_default_is_written() -> None:
    """``None`` differs from the field's default: it is written (as ``null``), to read back."""

    class Moded(Article):
        mode: str | None = "draft"

    item = newsitem.loads(HEAD + TAIL, model=Moded)
    item.article.mode = None
    assert newsitem.dumps(item) == HEAD + "mode: null\n" + TAIL
    item.article.locale = None  # the default of the format's own field: nothing to write
    assert newsitem.dumps(item) == HEAD + "mode: null\n" + TAIL
