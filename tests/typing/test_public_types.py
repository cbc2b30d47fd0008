"""The public API's types, as a downstream project sees them under mypy and pyright (strict).

``assert_type`` is checked statically by both type checkers (this folder is in
their configuration) and is a no-op at run time, where the same calls run on a
small item so that the types pinned here are the values the code returns.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import Field
from typing_extensions import assert_type

import newsitem
from newsitem import (
    Article,
    ConflictError,
    Image,
    Issue,
    Limits,
    NewsItem,
    NewsItemError,
    Provider,
    RelatedItem,
    SecuredParts,
    ValidatedList,
    ValidationError,
    frontmatter,
)
from newsitem.models import ModelList

TEXT = """\
---
title: "Typed item"
publishedDateTime: 2024-01-02T03:04:05Z
webUrl: "https://www.citynews.example/typed"
quality: 3
provider:
  name: City News
related:
  - title: "Related"
    webUrl: "https://www.citynews.example/related"
    images:
      - url: "https://www.citynews.example/img.jpg"
        width: 10
wireDesk: europe
---

"""


class WireArticle(Article):
    """A downstream pipeline's article, with a key of its own."""

    wire_desk: str | None = None


def test_item_and_article_types() -> None:
    """``loads`` gives ``NewsItem[Article]``; its article's fields have their declared types."""
    item = newsitem.loads(TEXT)
    assert_type(item, NewsItem[Article])
    article = item.article
    assert_type(article, Article)
    assert_type(item.body, str)
    assert_type(item.path, str | None)
    assert_type(article.title, str)
    assert_type(article.web_url, str)
    assert_type(article.excerpt, str | None)
    assert_type(article.published_date_time, datetime | None)
    assert_type(article.quality, int | None)
    assert_type(article.published, bool | None)
    assert_type(article.provider, Provider | None)
    assert_type(article.topics, list[str])
    assert_type(article.related, list[RelatedItem])
    assert_type(article.secured_parts(), SecuredParts | None)
    assert_type(article.model_extra, dict[str, Any] | None)

    assert article.published_date_time == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    related = article.related[0]
    assert_type(related, RelatedItem)
    assert_type(related.images[0], Image)
    assert_type(related.images[0].width, int | None)
    assert related.images[0].width == 10
    assert article.model_extra == {"wireDesk": "europe"}


MINIMAL = '---\ntitle: "Minimal"\nwebUrl: "https://www.citynews.example/m"\n---\n'


class TaggedArticle(Article):
    """A downstream article with a list field of its own, declared as the models do."""

    desks: ModelList[str] = Field(default_factory=list)


def test_list_fields_are_lists_without_none() -> None:
    """Every list field is a ``list`` of its item type, never None: no check before ``append``."""
    article = newsitem.loads(MINIMAL).article
    assert_type(article.topics, list[str])
    assert_type(article.tags, list[str])
    assert_type(article.categories, list[str])
    assert_type(article.related, list[RelatedItem])
    article.related.append(RelatedItem(title="R", web_url="https://www.citynews.example/r"))
    images = article.related[0].images
    assert_type(images, list[Image])
    images.append(Image(url="https://www.citynews.example/i.jpg", width=4))
    assert_type(images[0].width, int | None)
    provider = Provider(name="P")
    assert_type(provider.images, list[Image])
    plain: list[RelatedItem] = article.related  # a list[RelatedItem] wherever one is wanted
    article.topics = ["AI"]  # a plain list assigns; the model wraps it
    assert isinstance(article.topics, ValidatedList)
    assert isinstance(plain, ValidatedList)
    assert images[0].width == 4


def test_validated_list_and_model_list_types() -> None:
    """``ValidatedList[T]`` is a ``list[T]``; a subclass's ``ModelList[str]`` is a ``list[str]``."""
    values: ValidatedList[str] = ValidatedList(["a"])
    assert_type(values, ValidatedList[str])
    as_list: list[str] = values
    assert_type(as_list[0], str)
    article = TaggedArticle(title="T", web_url="https://www.citynews.example/t")
    assert_type(article.desks, list[str])
    article.desks.append("europe")
    assert article.desks == ["europe"]
    assert isinstance(article.desks, ValidatedList)


def test_subclass_model_is_seen_by_type_checkers() -> None:
    """``model=WireArticle`` gives ``NewsItem[WireArticle]``, for ``loads`` and ``load`` alike."""
    item = newsitem.loads(TEXT, model=WireArticle, strict=True, limits=Limits())
    assert_type(item, NewsItem[WireArticle])
    assert_type(item.article, WireArticle)
    assert_type(item.article.wire_desk, str | None)
    assert item.article.wire_desk == "europe"

    loaded = newsitem.load(io.BytesIO(TEXT.encode("utf-8")), model=WireArticle)
    assert_type(loaded, NewsItem[WireArticle])
    assert_type(newsitem.load(io.BytesIO(TEXT.encode("utf-8"))), NewsItem[Article])


def test_new_items_and_dumping(tmp_path: Path) -> None:
    """Items built in code keep their model's type; ``dumps`` is a str and ``dump`` takes paths."""
    article = Article(title="Built", web_url="https://www.citynews.example/built", quality=1)
    item = NewsItem(article)
    assert_type(item, NewsItem[Article])
    wire = NewsItem(WireArticle(title="W", web_url="https://www.citynews.example/w"), "Body\n")
    assert_type(wire, NewsItem[WireArticle])
    assert_type(wire.article, WireArticle)

    text = newsitem.dumps(item)
    assert_type(text, str)
    path = tmp_path / "built.md"
    newsitem.dump(item, path)
    newsitem.dump(wire, str(tmp_path / "wire.md"), overwrite=True)
    assert newsitem.load(path).article == article


def test_frontmatter_document_types() -> None:
    """The schema-free layer gives plain ``dict[Any, Any]`` data and a ``str`` body."""
    document = frontmatter.loads(TEXT)
    assert_type(document, frontmatter.FrontMatterDocument)
    assert_type(document.data, dict[Any, Any])
    assert_type(document.body, str)
    assert_type(frontmatter.dumps(document), str)
    assert document.data["quality"] == 3


def test_error_attribute_types() -> None:
    """Errors expose typed positions, codes and issues."""
    try:
        newsitem.loads(
            '---\ntitle: "T"\nwebUrl: "https://www.citynews.example/t"\nquality: x\n---\n'
        )
    except ValidationError as error:
        assert_type(error.issues, tuple[Issue, ...])
        assert_type(error.line, int | None)
        assert_type(error.column, int | None)
        assert_type(error.path, str | None)
        assert_type(error.code, str)
        assert_type(error.message, str)
        issue = error.issues[0]
        assert_type(issue.field, str)
        assert_type(issue.code, str)
        assert_type(issue.line, int | None)
        assert_type(issue.column, int | None)
        assert (issue.field, issue.code, issue.line, issue.column) == (
            "quality",
            "wrong-type",
            4,
            10,
        )
    else:  # pragma: no cover - the text above is invalid
        raise AssertionError("no ValidationError")

    base: NewsItemError = ConflictError("changed", path="a.md")
    assert_type(base.location(), str)
    assert base.location() == "a.md"


def test_limits_type() -> None:
    """``Limits`` is a frozen dataclass of ints, and ``DEFAULT_LIMITS`` one of them."""
    limits = Limits(max_bytes=1024)
    assert_type(limits, Limits)
    assert_type(limits.max_bytes, int)
    assert_type(limits.max_depth, int)
    assert_type(newsitem.DEFAULT_LIMITS, Limits)
    assert limits.max_bytes == 1024
