"""Which values the models watch, and what happens to those they cannot.

An item untouched since it was read, or since a dump found it equal to its file,
dumps its text without looking at its values (docs/editing.md). That holds for
models of your own whose fields all hold values that cannot change in place; an
item holding anything that can change unseen (a dict, a plain list, a model of
another kind, a value the caller still holds) is compared on every dump instead,
so what changed is written. The models here are defined inside the tests, as a
user's own models are defined after newsitem is imported.
"""

from __future__ import annotations

import datetime as dt
import enum
import pickle
from decimal import Decimal
from typing import Annotated, Any, Literal, NewType

import pydantic
import pytest
from pydantic import Field

import newsitem
from newsitem import EditError, ValidatedList, ValidationError
from newsitem.models import Article, Image, ModelList, NewsModel, Provider, RelatedItem

HEAD = "---\ntitle: Harbor news\nwebUrl: https://example.com/a\n"
TAIL = "---\nBody\n"


def _fail(*args: object, **kwargs: object) -> object:
    raise AssertionError("the values of an untouched item were looked at")


def _not_compared(item: newsitem.NewsItem[Any], text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The item dumps ``text`` as it was read, without turning its model into values."""
    with monkeypatch.context() as patched:
        patched.setattr(pydantic.BaseModel, "model_dump", _fail)
        assert newsitem.dumps(item) is text


class _Color(enum.Enum):
    RED = "red"


class _Venue(NewsModel):
    name: str


def _watched_kinds() -> list[tuple[str, Any, Any]]:
    return [
        ("str", str | None, None),
        ("an int or a str", int | str | None, None),
        ("a Literal", Literal["a", "b"] | None, None),
        ("an Annotated int", Annotated[int, Field(ge=0)] | None, None),
        ("a date", dt.date | None, None),
        ("a Decimal", Decimal | None, None),
        ("an Enum", _Color | None, None),
        ("AwareDatetime", pydantic.AwareDatetime | None, None),
        ("NaiveDatetime", pydantic.NaiveDatetime | None, None),
        ("PastDatetime", pydantic.PastDatetime | None, None),
        ("FutureDatetime", pydantic.FutureDatetime | None, None),
        ("PastDate", pydantic.PastDate | None, None),
        ("FutureDate", pydantic.FutureDate | None, None),
        ("a model of yours", _Venue | None, None),
        ("a list of your models", ModelList[_Venue], Field(default_factory=list)),
    ]


@pytest.mark.parametrize(
    ("annotation", "default"),
    [(k[1], k[2]) for k in _watched_kinds()],
    ids=[k[0] for k in _watched_kinds()],
)
def test_an_untouched_item_with_fields_of_watched_kinds_is_not_compared(
    annotation: Any, default: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = pydantic.create_model("Mine", __base__=Article, mine=(annotation, default))
    text = HEAD + TAIL
    item = newsitem.loads(text, model=mine)
    _not_compared(item, text, monkeypatch)
    item.article.title = "Changed"
    assert newsitem.dumps(item) == text.replace("Harbor news", "Changed")


class _Info(pydantic.BaseModel):  # a model of another kind: its changes reach no counter
    name: str


def test_a_dict_field_of_yours_changed_in_place_is_written() -> None:
    mine = pydantic.create_model(
        "Mine", __base__=Article, meta=(dict[str, int], Field(default_factory=dict))
    )
    text = HEAD + "meta:\n  a: 1\n" + TAIL
    item = newsitem.loads(text, model=mine)
    assert newsitem.dumps(item) is text
    item.article.meta["b"] = 2
    assert newsitem.dumps(item) == HEAD + "meta:\n  a: 1\n  b: 2\n" + TAIL


def test_a_bare_dict_field_of_yours_changed_in_place_is_written() -> None:
    mine = pydantic.create_model("Mine", __base__=Article, meta=(dict, Field(default_factory=dict)))
    text = HEAD + "meta:\n  a: 1\n" + TAIL
    item = newsitem.loads(text, model=mine)
    assert newsitem.dumps(item) is text
    item.article.meta["a"] = 3
    assert newsitem.dumps(item) == HEAD + "meta:\n  a: 3\n" + TAIL


def test_a_plain_list_field_of_yours_changed_in_place_is_written() -> None:
    mine = pydantic.create_model(
        "Mine", __base__=Article, desks=(list[str], Field(default_factory=list))
    )
    text = HEAD + "desks:\n  - Europe\n" + TAIL
    item = newsitem.loads(text, model=mine)
    assert type(item.article.desks) is list  # not a model list: nothing validates it
    assert newsitem.dumps(item) is text
    item.article.desks.append("Asia")
    assert newsitem.dumps(item) == HEAD + "desks:\n  - Europe\n  - Asia\n" + TAIL


def test_a_model_of_another_kind_changed_in_place_is_written() -> None:
    mine = pydantic.create_model("Mine", __base__=Article, info=(_Info | None, None))
    text = HEAD + "info:\n  name: I\n" + TAIL
    item = newsitem.loads(text, model=mine)
    assert newsitem.dumps(item) is text
    assert item.article.info is not None
    item.article.info.name = "J"
    assert newsitem.dumps(item) == HEAD + "info:\n  name: J\n" + TAIL


def test_a_field_of_a_new_type_loads_and_its_changes_are_written() -> None:
    code = NewType("code", str)
    mine = pydantic.create_model("Mine", __base__=Article, code=(code | None, None))
    text = HEAD + "code: X1\n" + TAIL
    item = newsitem.loads(text, model=mine)
    assert newsitem.dumps(item) is text
    item.article.code = code("X2")
    assert newsitem.dumps(item) == HEAD + "code: X2\n" + TAIL


def test_a_model_that_holds_models_of_its_own_kind_is_watched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Node(NewsModel):
        name: str
        children: ModelList[Node] = Field(default_factory=list)

    mine = pydantic.create_model("Mine", __base__=Article, node=(Node | None, None))
    text = HEAD + "node:\n  name: root\n  children:\n    - name: leaf\n" + TAIL
    item = newsitem.loads(text, model=mine)
    _not_compared(item, text, monkeypatch)
    item.article.node.children[0].children.append({"name": "twig"})
    assert newsitem.dumps(item) == (
        HEAD + "node:\n  name: root\n  children:\n    - name: leaf\n"
        "      children:\n        - name: twig\n" + TAIL
    )


# -- the lists and models of your own models ------------------------------------------------


def test_your_own_list_and_model_fields_validate_and_name_their_place() -> None:
    class Desk(NewsModel):
        size: int
        label: str | None = None

    class Desks(Article):
        desk_list: ModelList[Desk] = Field(default_factory=list)
        venue: _Venue | None = None

    text = HEAD + "deskList:\n  - size: 1\nvenue:\n  name: Hall\n" + TAIL
    item = newsitem.loads(text, model=Desks)
    desks = item.article.desk_list
    assert type(desks) is ValidatedList
    assert item.article.desk_list is desks  # read again: the same list
    with pytest.raises(ValidationError) as appended:
        desks.append({"size": "x"})  # type: ignore[arg-type]  # the mistake under test
    assert [(i.field, i.message, i.line, i.column) for i in appended.value.issues] == [
        ("deskList[1].size", "expected an integer, got a string 'x'", 5, 3)
    ]
    with pytest.raises(ValidationError) as assigned:
        desks[0].size = "y"  # type: ignore[assignment]  # the mistake under test
    assert [(i.field, i.line, i.column) for i in assigned.value.issues] == [
        ("deskList[0].size", 5, 11)
    ]
    assert item.article.venue is not None
    with pytest.raises(ValidationError) as nested:
        item.article.venue.name = 5  # type: ignore[assignment]  # the mistake under test
    assert [(i.field, i.line, i.column) for i in nested.value.issues] == [("venue.name", 7, 9)]
    desks.append({"size": 2, "label": "B"})
    assert type(desks[1]) is Desk
    assert newsitem.dumps(item) == (
        HEAD + "deskList:\n  - size: 1\n  - size: 2\n    label: B\nvenue:\n  name: Hall\n" + TAIL
    )


def test_a_list_of_models_of_another_kind_is_a_model_list_too() -> None:
    """Entries without newsitem's links (a plain pydantic model) are held all the same."""
    mine = pydantic.create_model(
        "Mine", __base__=Article, infos=(ModelList[_Info], Field(default_factory=list))
    )
    text = HEAD + "infos:\n  - name: I\n" + TAIL
    item = newsitem.loads(text, model=mine)
    assert type(item.article.infos) is ValidatedList
    assert type(item.article.infos[0]) is _Info
    item.article.infos.append({"name": "J"})
    assert newsitem.dumps(item) == HEAD + "infos:\n  - name: I\n  - name: J\n" + TAIL


def test_a_list_field_read_through_the_class_is_no_attribute() -> None:
    with pytest.raises(AttributeError, match="topics"):
        Article.topics  # noqa: B018  # like any pydantic field


def test_a_list_stored_around_the_model_reads_as_its_list() -> None:
    """``object.__setattr__`` stores the list as it is; reading it makes it the model's list."""
    article = Article(title="T", web_url="https://example.com/t")
    object.__setattr__(article, "topics", ["Ports"])
    assert article.topics == ["Ports"]
    assert type(article.topics) is ValidatedList
    with pytest.raises(ValidationError):
        article.topics.append(5)  # type: ignore[arg-type]  # the mistake under test


def test_model_list_is_shown_by_name_and_reads_a_null_in_the_schema() -> None:
    assert repr(ModelList[int]).endswith(", VALIDATED]")
    topics = Article.model_json_schema()["properties"]["topics"]
    assert topics["anyOf"] == [{"items": {"type": "string"}, "type": "array"}, {"type": "null"}]


# -- links follow the model a value is read through ---------------------------------------

TEXT = HEAD + "provider:\n  name: Harbor\n  domain: harbor.example\n" + TAIL


def test_a_model_shared_by_a_copy_names_the_model_it_was_last_read_through(
    tmp_path: Any,
) -> None:
    path = tmp_path / "item.md"
    path.write_bytes(TEXT.encode())
    item = newsitem.load(path)
    twin = item.article.model_copy()  # shallow: the same provider
    assert twin.provider is item.article.provider
    assert twin.provider is not None
    with pytest.raises(ValidationError) as through_twin:
        twin.provider.name = 5  # type: ignore[assignment]  # the mistake under test
    assert through_twin.value.path is None  # the copy is in no item
    assert through_twin.value.issues[0].line is None
    assert item.article.provider is not None
    with pytest.raises(ValidationError) as through_item:
        item.article.provider.name = 5  # type: ignore[assignment]  # the mistake under test
    assert through_item.value.path == str(path)
    assert (through_item.value.issues[0].line, through_item.value.issues[0].column) == (5, 9)


def test_a_list_shared_by_a_copy_marks_the_model_it_was_last_read_through() -> None:
    item = newsitem.loads(TEXT)
    _ = item.article.topics  # read (and linked) through the article first
    twin = item.article.model_copy()
    twin.topics.append("Ports")
    assert "topics" in twin.model_fields_set
    assert "topics" not in item.article.model_fields_set


# -- values put in: watched, or compared on every dump --------------------------------------

WIRE = HEAD + "provider:\n  name: Harbor\n  domain: harbor.example\nwire:\n  desk: Europe\n" + TAIL


def test_a_model_of_another_kind_put_in_an_unknown_key_is_compared() -> None:
    item = newsitem.loads(WIRE)
    wire = _Info(name="Europe")  # equal to what the file has, but under "name"
    item.article.wire = {"desk": "Europe"}  # type: ignore[attr-defined]
    assert newsitem.dumps(item) == WIRE
    item.article.other = wire  # type: ignore[attr-defined]  # an unknown key
    assert newsitem.dumps(item) == WIRE.replace("---\nBody", "other:\n  name: Europe\n---\nBody")
    wire.name = "Asia"  # the caller's model; no newsitem model is told
    assert newsitem.dumps(item) == WIRE.replace("---\nBody", "other:\n  name: Asia\n---\nBody")


def test_a_model_of_another_kind_equal_to_the_file_is_compared_after_a_dump() -> None:
    class Wire(pydantic.BaseModel):
        desk: str

    item = newsitem.loads(WIRE)
    wire = Wire(desk="Europe")
    item.article.wire = wire  # type: ignore[attr-defined]  # the values the file has
    assert newsitem.dumps(item) == WIRE
    wire.desk = "Asia"
    assert newsitem.dumps(item) == WIRE.replace("desk: Europe", "desk: Asia")


def test_a_model_whose_fields_set_was_handed_out_is_compared_where_it_is_put() -> None:
    item = newsitem.loads(WIRE)
    provider = Provider(name="Harbor", domain="harbor.example")  # as the file has it
    fields = provider.model_fields_set  # handed out: may change unseen
    assert newsitem.dumps(item) is WIRE
    item.article.provider = provider
    assert newsitem.dumps(item) == WIRE
    fields.discard("domain")  # unset: not written
    assert newsitem.dumps(item) == WIRE.replace("  domain: harbor.example\n", "")


def test_a_model_of_yours_in_an_unknown_key_whose_fields_set_was_handed_out_is_compared() -> None:
    class Wire(NewsModel):
        desk: str

    item = newsitem.loads(WIRE)
    wire = Wire(desk="Europe")
    item.article.wire = wire  # type: ignore[attr-defined]  # the values the file has
    assert newsitem.dumps(item) == WIRE
    fields = wire.model_fields_set
    assert newsitem.dumps(item) == WIRE
    fields.discard("desk")
    assert newsitem.dumps(item) == WIRE.replace("wire:\n  desk: Europe\n", "wire: {}\n")


def test_a_provider_assigned_as_a_dict_is_watched(monkeypatch: pytest.MonkeyPatch) -> None:
    item = newsitem.loads(WIRE)
    item.article.provider = {"name": "Harbor", "domain": "harbor.example"}  # type: ignore[assignment]
    assert newsitem.dumps(item) == WIRE
    _not_compared(item, WIRE, monkeypatch)  # the model made of it is the article's own


def test_an_unknown_key_in_a_provider_assigned_as_a_dict_is_compared() -> None:
    text = WIRE.replace(
        "  domain: harbor.example\n", "  domain: harbor.example\n  meta:\n    a: 1\n"
    )
    item = newsitem.loads(text)
    meta = {"a": 1}
    item.article.provider = {"name": "Harbor", "domain": "harbor.example", "meta": meta}  # type: ignore[assignment]
    assert newsitem.dumps(item) == text
    meta["a"] = 2  # still the caller's dict, inside the provider
    assert newsitem.dumps(item) == text.replace("    a: 1\n", "    a: 2\n")


RELATED = (
    HEAD + "related:\n"
    "  - title: First\n"
    "    webUrl: https://example.com/r1\n"
    "    notes:\n"
    "      a: 1\n"
    "  - title: First\n"
    "    webUrl: https://example.com/r1\n"
    "    notes:\n"
    "      a: 1\n" + TAIL
)


def test_a_list_assigned_with_an_entry_holding_the_callers_dict_is_compared() -> None:
    item = newsitem.loads(RELATED)
    notes = {"a": 1}
    entry = {"title": "First", "webUrl": "https://example.com/r1"}
    item.article.related = [{**entry, "notes": notes}, {**entry, "notes": {"a": 1}}]  # type: ignore[list-item]
    assert newsitem.dumps(item) == RELATED
    notes["a"] = 2
    assert newsitem.dumps(item) == RELATED.replace("      a: 1\n", "      a: 2\n", 1)


def test_an_entry_set_with_the_callers_dict_is_compared() -> None:
    item = newsitem.loads(RELATED)
    notes = {"a": 1}
    item.article.related[0] = {"title": "First", "webUrl": "https://example.com/r1", "notes": notes}  # type: ignore[call-overload]
    assert newsitem.dumps(item) == RELATED
    notes["a"] = 2
    assert newsitem.dumps(item) == RELATED.replace("      a: 1\n", "      a: 2\n", 1)


def test_an_entry_holding_one_image_twice_and_the_callers_dict_is_compared() -> None:
    text = (
        HEAD + "related:\n"
        "  - title: First\n"
        "    webUrl: https://example.com/r1\n"
        "    provider:\n"
        "      name: Wire\n"
        "      meta:\n"
        "        a: 1\n"
        "    images:\n"
        "      - url: https://example.com/i.png\n"
        "      - url: https://example.com/i.png\n" + TAIL
    )
    item = newsitem.loads(text)
    meta = {"a": 1}
    image = Image(url="https://example.com/i.png")
    entry = RelatedItem.model_validate(  # built at once: nothing in it is marked yet
        {
            "title": "First",
            "webUrl": "https://example.com/r1",
            "provider": {"name": "Wire", "meta": meta},
            "images": [image, image],  # the same image twice
        }
    )
    assert entry.images[0] is entry.images[1]
    item.article.related[0] = entry
    assert newsitem.dumps(item) == text
    meta["a"] = 2
    assert newsitem.dumps(item) == text.replace("        a: 1\n", "        a: 2\n")


def test_an_exposed_model_found_past_an_entry_held_twice_is_compared() -> None:
    text = (
        HEAD + "provider:\n  name: Harbor\nrelated:\n"
        "  - title: First\n"
        "    webUrl: https://example.com/r1\n"
        "  - title: First\n"
        "    webUrl: https://example.com/r1\n" + TAIL
    )
    item = newsitem.loads(text)
    item.article.related[1] = item.article.related[0]  # the same entry twice, equal to both
    assert item.article.provider is not None
    extra = item.article.provider.model_extra  # handed out
    assert extra is not None
    assert newsitem.dumps(item) == text
    extra["desk"] = "Europe"  # after the dump, no model told
    assert newsitem.dumps(item) == text.replace(
        "  name: Harbor\n", "  name: Harbor\n  desk: Europe\n"
    )


def test_instances_put_in_unvalidated_inside_dicts_and_lists_are_validated_on_dump() -> None:
    item = newsitem.loads(RELATED)
    item.article.related.append(
        {
            "title": "Third",
            "webUrl": "https://example.com/r3",
            "provider": Provider.model_construct(name=5),  # type: ignore[arg-type]
        }
    )
    with pytest.raises(ValidationError) as in_a_dict:
        newsitem.dumps(item)
    assert [i.field for i in in_a_dict.value.issues] == ["related[2].provider.name"]
    other = newsitem.loads(RELATED)
    other.article.related = [RelatedItem.model_construct(title=1, web_url="https://example.com/x")]  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as in_a_list:
        newsitem.dumps(other)
    assert [i.field for i in in_a_list.value.issues] == ["related[0].title"]


def test_an_article_of_another_kind_put_in_a_loaded_item_is_written() -> None:
    class Plain(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="allow")
        title: str
        webUrl: str  # the file's key

    item = newsitem.loads(WIRE)
    plain = Plain(title="Plain", webUrl="https://example.com/p")
    item.article = plain  # type: ignore[assignment]
    assert newsitem.dumps(item).startswith("---\ntitle: Plain\nwebUrl: https://example.com/p\n")
    plain.title = "Changed"  # a model of another kind: compared on every dump
    assert newsitem.dumps(item).startswith("---\ntitle: Changed\n")


def test_a_plain_dict_put_in_a_model_field_unvalidated_is_compared() -> None:
    """``model_construct`` may leave a dict where a model goes: it is the caller's still."""
    text = (
        HEAD + "related:\n"
        "  - title: First\n"
        "    webUrl: https://example.com/r1\n"
        "    provider:\n"
        "      name: Wire\n" + TAIL
    )
    item = newsitem.loads(text)
    provider = {"name": "Wire"}
    item.article.related[0] = RelatedItem.model_construct(
        title="First",
        web_url="https://example.com/r1",
        provider=provider,  # type: ignore[arg-type]  # a dict where a Provider goes
    )
    assert newsitem.dumps(item) == text
    provider["name"] = "Other"
    assert newsitem.dumps(item) == text.replace("name: Wire", "name: Other")


def test_models_of_yours_put_in_are_watched_and_not_compared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Wire(NewsModel):
        desk: str

    text = (
        HEAD + "related:\n"
        "  - title: First\n"
        "    webUrl: https://example.com/r1\n"
        "    provider:\n"
        "      name: Wire\n"
        "      wire:\n"
        "        desk: Europe\n" + TAIL
    )
    item = newsitem.loads(text)
    provider = Provider.model_validate({"name": "Wire", "wire": Wire(desk="Europe")})
    item.article.related[0] = RelatedItem(
        title="First", web_url="https://example.com/r1", provider=provider
    )
    assert newsitem.dumps(item) == text
    _not_compared(item, text, monkeypatch)  # every model in it is watched
    provider.wire.desk = "Asia"  # type: ignore[attr-defined]  # watched: moves the counter
    assert newsitem.dumps(item) == text.replace("desk: Europe", "desk: Asia")


def test_a_model_put_inside_itself_is_held() -> None:
    """A model appended to its own list: the append returns, the list holds it."""

    class Node(NewsModel):
        name: str
        children: ModelList[Node] = Field(default_factory=list)

    mine = pydantic.create_model("Mine", __base__=Article, node=(Node | None, None))
    item = newsitem.loads(HEAD + "node:\n  name: root\n" + TAIL, model=mine)
    node = item.article.node
    node.children.append(node)
    node.children.append(node)  # into a node that holds itself already
    assert node.children == [node, node]
    assert node.children[1] is node
    with pytest.raises(EditError, match=r"cannot write a model that holds itself as YAML$") as err:
        newsitem.dumps(item)  # no YAML text holds it
    assert err.value.code == "unrepresentable-value"
    with pytest.raises(EditError):
        newsitem.dumps(newsitem.NewsItem(item.article))  # nor a new item's


class _WithInfos(Article):
    infos: ModelList[_Info] = Field(default_factory=list)
    info: _Info | None = None


class _Plain(pydantic.BaseModel):
    title: str


def test_models_of_another_kind_read_through_the_models_keep_only_their_fields() -> None:
    """newsitem's links and marks go on its own models; a pydantic model of yours still pickles."""
    text = HEAD + "infos:\n  - name: I\ninfo:\n  name: J\n" + TAIL
    item = newsitem.loads(text, model=_WithInfos)
    info, listed = item.article.info, item.article.infos[0]
    item.article.infos.append(_Info(name="K"))
    assert [vars(model) for model in (info, listed, item.article.infos[1])] == [
        {"name": "J"},
        {"name": "I"},
        {"name": "K"},
    ]
    assert pickle.loads(pickle.dumps(info)) == info
    again = pickle.loads(pickle.dumps(item))
    assert newsitem.dumps(again) == (
        HEAD + "infos:\n  - name: I\n  - name: K\ninfo:\n  name: J\n" + TAIL
    )


def test_an_article_of_another_kind_in_a_loaded_item_still_pickles() -> None:
    item = newsitem.loads(WIRE)
    item.article = _Plain(title="Plain")  # type: ignore[assignment]
    assert vars(item.article) == {"title": "Plain"}
    again = pickle.loads(pickle.dumps(item))
    assert again.article == _Plain(title="Plain")


def test_an_entry_of_your_own_list_is_named_by_file_keys_whatever_the_models_locations() -> None:
    """A model of yours may have pydantic report attribute names; the issue still names keys."""

    class Desk(NewsModel):
        model_config = pydantic.ConfigDict(loc_by_alias=False)
        desk_size: int

    class Desks(Article):
        desk_list: ModelList[Desk] = Field(default_factory=list)

    item = newsitem.loads(HEAD + "deskList:\n  - deskSize: 1\n" + TAIL, model=Desks)
    with pytest.raises(ValidationError) as caught:
        item.article.desk_list.append({"deskSize": "x"})  # type: ignore[arg-type]  # the mistake
    assert [i.field for i in caught.value.issues] == ["deskList[1].deskSize"]


def test_a_value_put_in_around_the_models_is_written_unvalidated() -> None:
    """docs/editing.md: writes around the models are not watched, nor validated."""
    text = HEAD + "topics:\n  - Ports\n" + TAIL
    item = newsitem.loads(text)
    list.append(item.article.topics, 5)  # type: ignore[arg-type]  # around the list's own append
    item.article.related.append({"title": "R", "webUrl": "https://example.com/r"})  # watched
    assert newsitem.dumps(item) == (
        HEAD + "topics:\n  - Ports\n  - 5\n"
        "related:\n  - title: R\n    webUrl: https://example.com/r\n" + TAIL
    )
