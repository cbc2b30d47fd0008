"""The rules on values: domain-mismatch, duplicate-related, self-related, heat-range,
quality-range, image-size, future-date. None of them can be fixed: the right
value is not in the file.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pydantic

from newsitem._validation import Loc
from newsitem.models import Article, Image, RelatedItem

from ._urls import domain_matches, host_of

__all__ = ["RULED", "value_problems"]

Found = tuple[str, Loc, str]  # code, where, message

_A_DAY = timedelta(days=1)


def value_problems(
    models: list[tuple[Loc, pydantic.BaseModel]], rules: frozenset[str], now: datetime
) -> list[Found]:
    """The value rules in ``rules`` over the item's ``models`` (article first, with places)."""
    found: list[Found] = []
    limit = now + _A_DAY
    domains = "domain-mismatch" in rules
    images = "image-size" in rules
    for loc, model in models:
        if isinstance(model, _ITEMS):
            if domains:
                _domain(model, loc, found)
            _item(model, loc, rules, limit, found)
            # The stored values, read past the fields' accessors (which wrap a
            # list or link a child model to its parent, for edits): read only.
            if isinstance(model, Article) and (related := model.__dict__.get("related")):
                _related(model, related, rules, found)
        elif images and isinstance(model, Image):
            for key in ("width", "height"):
                value = model.__dict__.get(key)
                if value is not None and value <= 0:
                    found.append(
                        ("image-size", (*loc, key), f"image {key} {value} is not positive")
                    )
    return found


_ITEMS = (Article, RelatedItem)
RULED = (Article, RelatedItem, Image)
"""The models these rules look at; the walk hands them over, in the order of the item."""


def _domain(model: Article | RelatedItem, loc: Loc, found: list[Found]) -> None:
    provider: Any = model.__dict__.get("provider")  # read only: see value_problems
    if provider is None or not provider.domain:
        return
    host = host_of(model.web_url)
    if host is not None and not domain_matches(provider.domain, host):
        found.append(
            (
                "domain-mismatch",
                (*loc, "provider", "domain"),
                f"provider domain {provider.domain!r} is not the host of webUrl ({host}) "
                "nor a parent domain of it",
            )
        )


def _item(
    model: Article | RelatedItem,
    loc: Loc,
    rules: frozenset[str],
    limit: datetime,
    found: list[Found],
) -> None:
    """quality-range, heat-range and future-date; ``limit`` is a day after now."""
    values = model.__dict__
    quality = values.get("quality")
    if quality is not None and quality < 0 and "quality-range" in rules:
        found.append(("quality-range", (*loc, "quality"), f"quality {quality} is below 0"))
    heat = values.get("heat") if isinstance(model, Article) else None
    if heat is not None and heat < -1 and "heat-range" in rules:
        found.append(("heat-range", (*loc, "heat"), f"heat {heat} is below -1 (unknown)"))
    published = values.get("published_date_time")
    if published is not None and "future-date" in rules:
        where = (*loc, "publishedDateTime")
        if published > limit:
            found.append(
                ("future-date", where, f"published {_when(published)}, over a day after now")
            )
        updated = values.get("updated_date_time") if isinstance(model, Article) else None
        if updated is not None and published > updated:
            found.append(
                (
                    "future-date",
                    where,
                    f"published {_when(published)}, after the item was updated ({_when(updated)})",
                )
            )


def _related(
    article: Article, related: list[RelatedItem], rules: frozenset[str], found: list[Found]
) -> None:
    seen: dict[str, int] = {}
    for index, entry in enumerate(related):
        where: Loc = ("related", index, "webUrl")
        url = entry.web_url
        if "self-related" in rules and url == article.web_url:
            found.append(("self-related", where, "a related item with the article's own webUrl"))
        if url in seen:
            if "duplicate-related" in rules:
                found.append(
                    ("duplicate-related", where, f"the same webUrl as related[{seen[url]}]")
                )
        else:
            seen[url] = index


def _when(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)
