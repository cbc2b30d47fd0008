"""An item untouched since it was read dumps its text without a look at its values;
every way of changing an item is still written.

The shortcut trusts a change counter that the models and their lists move; these
tests change items through every public path there is (and the sly ones: a dict
kept from ``model_extra``, a list shared by ``model_copy``, a model in two items)
and check that the text written reads back as the item now holds.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsitem
from newsitem import ValidationError
from newsitem.models import Article, NewsModel, Provider, RelatedItem

TEXT = (
    "---\n"
    "title: Old title  # the headline\n"
    "webUrl: https://example.com/a\n"
    "provider:\n"
    "  name: Harbor\n"
    "  images:\n"
    "    - url: https://example.com/p.png\n"
    "topics:\n"
    "  - Ports\n"
    "  - Cranes\n"
    "related:\n"
    "  - title: First\n"
    "    webUrl: https://example.com/r1\n"
    "    images:\n"
    "      - url: https://example.com/i1.png\n"
    "  - title: Second\n"
    "    webUrl: https://example.com/r2\n"
    "wire:\n"
    "  desk: Europe\n"
    "  tags: [a, b]\n"
    "---\n"
    "Body\n"
)


def _reads_back(item: newsitem.NewsItem[Any]) -> newsitem.NewsItem[Any]:
    """The item's text read again: it must hold what the item holds now."""
    again = newsitem.loads(newsitem.dumps(item), model=type(item.article))
    assert again.article.model_dump() == item.article.model_dump()
    assert again.body == item.body
    return again


def test_an_untouched_item_dumps_its_text_without_model_dump(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = newsitem.loads(TEXT)
    item.article.related[0].images[0].url  # reading is not changing  # noqa: B018
    _ = item.article.topics, item.article.provider, item.article.title, repr(item)

    def fail(*args: object, **kwargs: object) -> object:
        raise AssertionError("the values of an untouched item were looked at")

    monkeypatch.setattr(NewsModel, "model_dump", fail)
    assert newsitem.dumps(item) is TEXT
    assert newsitem.dumps(item) is TEXT


def test_an_untouched_item_with_a_new_body_writes_the_body_without_model_dump(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = newsitem.loads(TEXT)
    item.body = "Another body\n"
    monkeypatch.setattr(NewsModel, "model_dump", _fail)
    assert newsitem.dumps(item) == TEXT.replace("Body\n", "Another body\n")


# Each change, and the lines it turns into: written by hand from the format.
EDITS: list[tuple[str, Callable[[newsitem.NewsItem[Any]], object], str, str]] = [
    (
        "assignment",
        lambda i: setattr(i.article, "title", "New"),
        "title: Old title  #",
        "title: New  #",
    ),
    (
        "nested model",
        lambda i: setattr(i.article.provider, "name", "Port"),
        "  name: Harbor\n",
        "  name: Port\n",
    ),
    (
        "del of a field",
        lambda i: delattr(i.article.provider, "images"),
        "  images:\n    - url: https://example.com/p.png\n",
        "",
    ),
    (
        "append to a nested list",
        lambda i: i.article.related[0].images.append({"url": "https://example.com/i2.png"}),
        "      - url: https://example.com/i1.png\n",
        "      - url: https://example.com/i1.png\n      - url: https://example.com/i2.png\n",
    ),
    ("pop", lambda i: i.article.topics.pop(), "  - Cranes\n", ""),
    ("remove", lambda i: i.article.topics.remove("Ports"), "  - Ports\n", ""),
    ("del of an entry", lambda i: i.article.topics.__delitem__(0), "  - Ports\n", ""),
    (
        "del of a slice",
        lambda i: i.article.related.__delitem__(slice(1, None)),
        "  - title: Second\n    webUrl: https://example.com/r2\n",
        "",
    ),
    ("item assignment", lambda i: i.article.topics.__setitem__(1, "Docks"), "Cranes", "Docks"),
    (
        "an unknown key's dict from model_extra",
        lambda i: i.article.model_extra["wire"].__setitem__("desk", "Asia"),  # type: ignore[index]
        "  desk: Europe\n",
        "  desk: Asia\n",
    ),
    (
        "an unknown key's dict read as an attribute",
        lambda i: i.article.wire.__setitem__("desk", "Asia"),
        "  desk: Europe\n",
        "  desk: Asia\n",
    ),
    (
        "an unknown key's list",
        lambda i: i.article.wire["tags"].append("c"),
        "  tags: [a, b]\n",
        "  tags: [a, b, c]\n",
    ),
    (
        "an unknown key's dict through dict(model)",
        lambda i: dict(i.article)["wire"].__setitem__("desk", "Asia"),
        "  desk: Europe\n",
        "  desk: Asia\n",
    ),
    (
        "a list through iteration",
        lambda i: dict(i.article)["topics"].append("Docks"),
        "  - Cranes\n",
        "  - Cranes\n  - Docks\n",
    ),
    (
        "another article",
        lambda i: setattr(i, "article", i.article.model_copy(update={"title": "Copied"})),
        "title: Old title  #",
        "title: Copied  #",
    ),
    ("the body", lambda i: setattr(i, "body", "New body\n"), "Body\n", "New body\n"),
]


@pytest.mark.parametrize(
    ("change", "old", "new"), [(e[1], e[2], e[3]) for e in EDITS], ids=[e[0] for e in EDITS]
)
@pytest.mark.parametrize("dumped_first", [False, True], ids=["fresh", "dumped-first"])
def test_every_change_is_written(
    change: Callable[[newsitem.NewsItem[Any]], object], old: str, new: str, dumped_first: bool
) -> None:
    item = newsitem.loads(TEXT)
    if dumped_first:  # the fast route taken once must not stick
        assert newsitem.dumps(item) is TEXT
    change(item)
    assert TEXT.count(old) == 1
    assert newsitem.dumps(item) == TEXT.replace(old, new)
    _reads_back(item)


@pytest.mark.parametrize(
    ("change", "topics"),
    [
        (lambda t: t.sort(), ["Cranes", "Ports"]),
        (lambda t: t.reverse(), ["Cranes", "Ports"]),
        (lambda t: t.clear(), []),
        (lambda t: t.__imul__(2), ["Ports", "Cranes", "Ports", "Cranes"]),
        (lambda t: t.__iadd__(["Docks"]), ["Ports", "Cranes", "Docks"]),
        (lambda t: t.extend(["Docks"]), ["Ports", "Cranes", "Docks"]),
        (lambda t: t.insert(0, "Docks"), ["Docks", "Ports", "Cranes"]),
        (lambda t: t.__setitem__(slice(1, None), ["Docks", "Piers"]), ["Ports", "Docks", "Piers"]),
    ],
    ids=["sort", "reverse", "clear", "imul", "iadd", "extend", "insert", "slice"],
)
def test_every_list_method_that_changes_a_list_is_written(
    change: Callable[[Any], object], topics: list[str]
) -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(item) is TEXT
    change(item.article.topics)
    assert newsitem.loads(newsitem.dumps(item)).article.topics == topics


def test_a_field_taken_out_of_model_fields_set_is_not_written() -> None:
    item = newsitem.loads(TEXT)
    fields = item.article.model_fields_set
    assert newsitem.dumps(item) is TEXT
    fields.discard("topics")  # unset: not written, as for any field not given
    assert newsitem.dumps(item) == TEXT.replace("topics:\n  - Ports\n  - Cranes\n", "")


def test_a_dict_kept_from_model_extra_is_watched_after_a_dump() -> None:
    item = newsitem.loads(TEXT)
    extra = item.article.model_extra
    assert extra is not None
    assert newsitem.dumps(item) is TEXT  # equal: the text as read
    extra["wire"]["desk"] = "Asia"  # after the dump, with no model told
    assert newsitem.dumps(item) == TEXT.replace("desk: Europe", "desk: Asia")
    extra["new"] = 1
    assert newsitem.loads(newsitem.dumps(item)).article.model_extra == {
        "wire": {"desk": "Asia", "tags": ["a", "b"]},
        "new": 1,
    }


def test_a_dict_kept_from_iterating_a_model_is_watched_after_a_dump() -> None:
    item = newsitem.loads(TEXT)
    wire = dict(item.article)["wire"]
    assert newsitem.dumps(item) is TEXT  # equal: the text as read
    wire["desk"] = "Asia"  # after the dump, with no model told
    assert newsitem.dumps(item) == TEXT.replace("desk: Europe", "desk: Asia")


def test_a_dict_put_in_an_unknown_key_is_watched_after_a_dump() -> None:
    item = newsitem.loads(TEXT)
    meta = {"x": 1}
    item.article.meta = meta  # type: ignore[attr-defined]  # an unknown key
    first = newsitem.dumps(item)
    assert newsitem.loads(first).article.model_extra["meta"] == {"x": 1}  # type: ignore[index]
    meta["y"] = 2  # the caller still holds it
    assert newsitem.loads(newsitem.dumps(item)).article.model_extra["meta"] == {"x": 1, "y": 2}  # type: ignore[index]


def test_a_dict_put_in_as_it_was_read_is_watched() -> None:
    item = newsitem.loads(TEXT)
    wire = {"desk": "Europe", "tags": ["a", "b"]}
    item.article.wire = wire  # type: ignore[attr-defined]  # the same values as read
    assert newsitem.dumps(item) == TEXT
    assert newsitem.dumps(item) == TEXT
    wire["desk"] = "Asia"
    assert newsitem.dumps(item) == TEXT.replace("desk: Europe", "desk: Asia")
    tags = ["a", "b"]
    item.article.related[1].tags = tags  # type: ignore[attr-defined]
    item.article.wire = {"desk": "Europe", "tags": ["a", "b"]}  # type: ignore[attr-defined]
    newsitem.dumps(item)
    tags.append("c")
    assert newsitem.loads(newsitem.dumps(item)).article.related[1].model_extra == {
        "tags": ["a", "b", "c"]
    }


def test_a_related_item_appended_with_a_dict_is_watched() -> None:
    item = newsitem.loads(TEXT)
    notes = {"a": 1}
    item.article.related.append(
        {"title": "Third", "webUrl": "https://example.com/r3", "notes": notes}
    )
    newsitem.dumps(item)
    notes["b"] = 2
    again = _reads_back(item)
    assert again.article.related[2].model_extra == {"notes": {"a": 1, "b": 2}}


def test_a_list_assigned_is_the_models_own_and_watched(monkeypatch: pytest.MonkeyPatch) -> None:
    item = newsitem.loads(TEXT)
    topics = ["Ports", "Cranes"]
    item.article.topics = topics  # the same values as read
    assert newsitem.dumps(item) == TEXT
    topics.append("Docks")  # the caller's list, not the model's
    assert item.article.topics == ["Ports", "Cranes"]
    with monkeypatch.context() as patched:  # watched: untouched again, without a compare
        patched.setattr(NewsModel, "model_dump", _fail)
        assert newsitem.dumps(item) == TEXT
    item.article.topics.append("Docks")
    assert newsitem.dumps(item) == TEXT.replace("  - Cranes\n", "  - Cranes\n  - Docks\n")
    notes = {"a": 1}
    related = [dict(r.model_dump(by_alias=True, exclude_unset=True)) for r in item.article.related]
    related[0]["notes"] = notes
    item.article.related = related
    newsitem.dumps(item)
    notes["b"] = 2  # held by the caller, inside an entry: compared on every dump
    assert newsitem.loads(newsitem.dumps(item)).article.related[0].model_extra == {
        "notes": {"a": 1, "b": 2}
    }


def test_a_list_passed_to_model_copy_is_not_shared_unseen() -> None:
    item = newsitem.loads(TEXT)
    topics = ["One"]
    item.article = item.article.model_copy(update={"topics": topics})
    assert newsitem.loads(newsitem.dumps(item)).article.topics == ["One"]
    topics.append("Two")  # the caller's list; the model made its own on the way in
    assert item.article.topics == ["One"]
    _reads_back(item)


def test_a_list_shared_by_model_copy_is_watched() -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(item) is TEXT
    topics = item.article.topics
    twin = item.article.model_copy()  # shallow: the same list
    twin.topics.append("Docks")
    assert topics == ["Ports", "Cranes", "Docks"]
    assert newsitem.dumps(item) == TEXT.replace("  - Cranes\n", "  - Cranes\n  - Docks\n")


def test_a_model_shared_by_model_copy_is_watched() -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(item) is TEXT
    twin = item.article.model_copy()
    assert twin.provider is item.article.provider
    assert twin.provider is not None
    twin.provider.name = "Shared"
    assert newsitem.dumps(item) == TEXT.replace("name: Harbor", "name: Shared")


def test_a_model_copy_of_an_exposed_model_stays_watched() -> None:
    item = newsitem.loads(TEXT)
    wire = item.article.model_extra["wire"]  # type: ignore[index]
    item.article = item.article.model_copy()  # its unknown keys share the dict above
    assert newsitem.dumps(item) == TEXT
    wire["desk"] = "Asia"
    assert newsitem.dumps(item) == TEXT.replace("desk: Europe", "desk: Asia")


def test_a_model_in_two_items_is_watched_in_both() -> None:
    first, second = newsitem.loads(TEXT), newsitem.loads(TEXT)
    assert newsitem.dumps(first) is TEXT
    second.article.related.append(first.article.related[1])
    moved = second.article.related[2]
    moved.title = "In both"
    assert first.article.related[1].title == "In both"
    assert newsitem.dumps(first) == TEXT.replace("title: Second", "title: In both")
    _reads_back(second)


def test_an_item_copied_with_copy_shares_its_article() -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(item) is TEXT
    twin = copy.copy(item)
    twin.article.title = "Twin"
    assert newsitem.dumps(item) == TEXT.replace("title: Old title", "title: Twin")
    assert newsitem.dumps(twin) == newsitem.dumps(item)


def test_pickled_items_keep_their_changes() -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(pickle.loads(pickle.dumps(item))) == TEXT
    item.article.title = "Pickled"
    restored = pickle.loads(pickle.dumps(item))
    assert newsitem.dumps(restored) == TEXT.replace("title: Old title", "title: Pickled")
    untouched = pickle.loads(pickle.dumps(newsitem.loads(TEXT)))
    assert newsitem.dumps(untouched) == TEXT
    untouched.article.provider.name = "After"  # type: ignore[union-attr]
    assert newsitem.dumps(untouched) == TEXT.replace("name: Harbor", "name: After")


def test_an_instance_put_in_unvalidated_is_still_validated_on_dump() -> None:
    item = newsitem.loads(TEXT)
    assert newsitem.dumps(item) is TEXT
    item.article.provider = Provider.model_construct(name=5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        newsitem.dumps(item)
    other = newsitem.loads(TEXT)
    other.article.related.append(RelatedItem.model_construct(title=1, web_url="x"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        newsitem.dumps(other)
    third = newsitem.loads(TEXT)
    third.article = Article.model_construct(title=2, web_url="y")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        newsitem.dumps(third)


class _Info(pydantic.BaseModel):  # another kind of model: its changes go unseen
    name: str


class _Custom(Article):
    meta: dict[str, int] = pydantic.Field(default_factory=dict)
    info: _Info | None = None


def test_fields_the_models_cannot_watch_are_compared() -> None:
    text = TEXT.replace("wire:", "meta:\n  a: 1\ninfo:\n  name: I\nwire:")
    item = newsitem.loads(text, model=_Custom)
    assert newsitem.dumps(item) is text
    item.article.meta["b"] = 2
    assert newsitem.dumps(item) == text.replace("  a: 1\n", "  a: 1\n  b: 2\n")
    again = newsitem.loads(text, model=_Custom)
    assert newsitem.dumps(again) is text
    assert again.article.info is not None
    again.article.info.name = "J"
    assert newsitem.dumps(again) == text.replace("  name: I\n", "  name: J\n")


def test_a_change_after_writing_to_its_own_file_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "item.md"
    path.write_bytes(TEXT.encode())
    item = newsitem.load(path)
    item.article.title = "Saved"
    newsitem.dump(item, path)
    saved = path.read_bytes().decode()
    assert saved == TEXT.replace("title: Old title", "title: Saved")
    with monkeypatch.context() as patched:  # the new base: untouched again
        patched.setattr(NewsModel, "model_dump", _fail)
        assert newsitem.dumps(item) == saved
    item.article.topics.pop()
    assert newsitem.dumps(item) == saved.replace("  - Cranes\n", "")


def _fail(*args: object, **kwargs: object) -> object:
    raise AssertionError("the values of an untouched item were looked at")


# -- random changes ----------------------------------------------------------------------

_STEPS: list[Callable[[newsitem.NewsItem[Any]], object]] = [
    lambda i: setattr(i.article, "title", i.article.title + "!"),
    lambda i: setattr(i.article.related[0], "excerpt", "An excerpt"),
    lambda i: i.article.topics.append("More"),
    lambda i: i.article.topics.reverse(),
    lambda i: i.article.topics and i.article.topics.pop(0),
    lambda i: i.article.related.reverse(),
    lambda i: i.article.related[0].images.append({"url": "https://example.com/n.png"}),
    lambda i: i.article.related[-1].images.clear(),
    lambda i: i.article.model_extra["wire"].__setitem__("desk", "Desk" + str(len(i.body))),  # type: ignore[index]
    lambda i: i.article.wire["tags"].append("t"),
    lambda i: setattr(i.article, "extra_key", [1, 2]),
    lambda i: setattr(i, "body", i.body + "more\n"),
    lambda i: setattr(i.article.provider, "domain", "example.org"),
    lambda i: delattr(i.article.provider, "domain"),
    lambda i: setattr(i, "article", i.article.model_copy()),
    lambda i: setattr(i, "article", copy.deepcopy(i.article)),
    lambda i: pickle.loads(pickle.dumps(i)),  # no change
    lambda i: newsitem.dumps(i),  # a dump between changes
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, len(_STEPS) - 1), max_size=8))
def test_random_changes_are_all_written(steps: list[int]) -> None:
    item = newsitem.loads(TEXT)
    for step in steps:
        _STEPS[step](item)
        _reads_back(item)
