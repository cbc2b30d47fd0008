"""The rules on values: domain-mismatch, duplicate-related, self-related, heat-range,
quality-range, image-size, future-date. None of them can be fixed: the right
value is not in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pydantic

from newsitem._validation import Loc
from newsitem.models import Article, Image, RelatedItem

from ._urls import domain_matches, host_of

__all__ = ["value_problems"]

Found = tuple[str, Loc, str]  # code, where, message

_A_DAY = timedelta(days=1)


def value_problems(
    models: list[tuple[Loc, pydantic.BaseModel]], rules: frozenset[str], now: datetime
) -> Iterator[Found]:
    """The value rules in ``rules`` over the item's ``models`` (article first, with places)."""
    for loc, model in models:
        if isinstance(model, Article | RelatedItem):
            yield from _item(model, loc, rules, now)
            # The stored values, read past the fields' accessors (which wrap a
            # list or link a child model to its parent, for edits): read only.
            if isinstance(model, Article) and (related := model.__dict__.get("related")):
                yield from _related(model, related, rules)
        elif isinstance(model, Image) and "image-size" in rules:
            for key, value in (("width", model.width), ("height", model.height)):
                if value is not None and value <= 0:
                    yield "image-size", (*loc, key), f"image {key} {value} is not positive"


def _item(
    model: Article | RelatedItem, loc: Loc, rules: frozenset[str], now: datetime
) -> Iterator[Found]:
    provider: Any = model.__dict__.get("provider")  # read only: see value_problems
    if "domain-mismatch" in rules and provider is not None and provider.domain:
        host = host_of(model.web_url)
        if host is not None and not domain_matches(provider.domain, host):
            yield (
                "domain-mismatch",
                (*loc, "provider", "domain"),
                f"provider domain {provider.domain!r} is not the host of webUrl ({host}) "
                "nor a parent domain of it",
            )
    if "quality-range" in rules and model.quality is not None and model.quality < 0:
        yield "quality-range", (*loc, "quality"), f"quality {model.quality} is below 0"
    heat = model.heat if isinstance(model, Article) else None
    if "heat-range" in rules and heat is not None and heat < -1:
        yield "heat-range", (*loc, "heat"), f"heat {heat} is below -1 (unknown)"
    published = model.published_date_time
    if "future-date" in rules and published is not None:
        where = (*loc, "publishedDateTime")
        if published > now + _A_DAY:
            yield "future-date", where, f"published {_when(published)}, over a day after now"
        updated = model.updated_date_time if isinstance(model, Article) else None
        if updated is not None and published > updated:
            yield (
                "future-date",
                where,
                f"published {_when(published)}, after the item was updated ({_when(updated)})",
            )


def _related(
    article: Article, related: list[RelatedItem], rules: frozenset[str]
) -> Iterator[Found]:
    seen: dict[str, int] = {}
    for index, entry in enumerate(related):
        where: Loc = ("related", index, "webUrl")
        url = entry.web_url
        if "self-related" in rules and url == article.web_url:
            yield "self-related", where, "a related item with the article's own webUrl"
        if url in seen:
            if "duplicate-related" in rules:
                yield "duplicate-related", where, f"the same webUrl as related[{seen[url]}]"
        else:
            seen[url] = index


def _when(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)
