"""The native visit of an item's models (``_native.visit``) against the pure one.

``Walk._models`` hands the value rules every model they look at, with its
place, and the whitespace rule every title with odd spacing. The native build
does the visit in C; these tests hold it to ``Walk._models_pure``: the same
models (the same objects, at the same places, in the same order) and the same
title slots, on the project's examples, generated items in the styles of
real files, and hand-built models the files cannot give (a title that is not a string, a
list holding other things than models, a nesting deeper than the recursion
limit).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, Field
from test_places import item_text, value_item_text

import newsitem
from newsitem import NewsItemError
from newsitem.lint import _walk
from newsitem.models import Article, ModelList, Provider, RelatedItem

pytestmark = pytest.mark.skipif(
    _walk._native_visit is None,  # pyright: ignore[reportPrivateUsage]
    reason="the native build is not there, or NEWSITEM_PURE=1: the pure visit alone",
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402


def visited(model: BaseModel, native: bool) -> tuple[list[object], list[object]]:
    """The models (place, identity) and the title slots a walk of ``model`` gives."""
    walk = _walk.Walk.__new__(_walk.Walk)
    walk.urls, walk.slots, walk.models = False, [], []
    if native:
        walk._models(model, ())  # pyright: ignore[reportPrivateUsage]
    else:
        walk._models_pure(model, ())  # pyright: ignore[reportPrivateUsage]
    models: list[object] = [(loc, id(found)) for loc, found in walk.models]
    slots: list[object] = [(s.loc, s.value, s.url, s.role, id(s.owner), s.key) for s in walk.slots]
    return models, slots


def same_visit(model: BaseModel) -> tuple[list[object], list[object]]:
    native = visited(model, True)
    assert native == visited(model, False)
    return native


def articles() -> list[Article]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples").rglob("*.md"))]
    rng = random.Random(3)
    texts += [item_text(rng) for _ in range(60)] + [value_item_text(rng) for _ in range(60)]
    texts += [synth.item(n) for n in range(60)]
    return [article for text in texts if (article := read(text)) is not None]


def read(text: str) -> Article | None:
    try:
        return newsitem.loads(text).article
    except NewsItemError:
        return None


def test_the_native_visit_is_the_pure_one_on_examples_and_generated_items() -> None:
    found = articles()
    assert len(found) > 150
    visits = [same_visit(article) for article in found]
    assert sum(len(models) for models, _ in visits) > 3 * len(found)  # related, images
    assert sum(bool(slots) for _, slots in visits) > 20  # titles with odd spacing


class Deep(RelatedItem):
    """A related item that holds its own kind, in a field and in a list with other things."""

    child: Deep | None = None
    children: list[Deep | int | str] = Field(default_factory=list)


def test_what_files_cannot_give_is_visited_alike() -> None:
    odd = Article.model_construct(
        title=42,  # not a str: no title slot
        web_url="https://e.com/a",
        provider=Provider.model_construct(name="P", domain="e.com"),
        related=ModelList(
            [
                "not a model",
                RelatedItem.model_construct(title=" spaced", web_url="https://e.com/b"),
                None,
            ]
        ),
    )
    models, slots = same_visit(odd)
    assert models == [((), id(odd)), (("related", 1), id(odd.related[1]))]
    assert [slot[0] for slot in slots] == [("related", 1, "title")]
    leaf = Deep.model_construct(title="d ")
    tree = Deep.model_construct(
        title="a  b", child=Deep.model_construct(title=" c"), children=[3, leaf, "e"]
    )
    models, slots = same_visit(tree)
    assert models == [((), id(tree)), (("child",), id(tree.child)), (("children", 1), id(leaf))]
    assert [slot[0] for slot in slots] == [("title",), ("child", "title"), ("children", 1, "title")]


def test_a_nesting_past_the_recursion_limit_is_a_recursion_error_in_both() -> None:
    model = Deep.model_construct()
    for _ in range(sys.getrecursionlimit() + 100):
        model = Deep.model_construct(child=model)
    with pytest.raises(RecursionError):
        visited(model, True)
    with pytest.raises(RecursionError):
        visited(model, False)


def test_an_error_of_the_shape_is_raised_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(kind: type) -> object:
        raise LookupError(kind.__name__)

    monkeypatch.setattr(_walk, "_shape", broken)
    with pytest.raises(LookupError, match="Article"):
        visited(Article.model_construct(title="t"), True)
    monkeypatch.setattr(_walk, "_shape", lambda kind: (True, None, None, (("x",),)))
    with pytest.raises(TypeError, match="nested field"):
        visited(Article.model_construct(title="t"), True)
