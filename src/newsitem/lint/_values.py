"""The rules on values: domain-mismatch, duplicate-related, self-related, heat-range,
quality-range, image-size, future-date. None of them can be fixed: the right
value is not in the file.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import Any

import pydantic

from newsitem._validation import Loc
from newsitem.models import Article, Image, RelatedItem

from ._urls import host_mismatch

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
    quality = "quality-range" in rules
    heat = "heat-range" in rules
    dates = "future-date" in rules
    for loc, model in models:
        # The stored values, read past the fields' accessors (which wrap a list
        # or link a child model to its parent, for edits): read only.
        values = model.__dict__
        kind = _kind(type(model))
        if kind is _IMAGE:
            if images:
                for key in ("width", "height"):
                    value = values.get(key)
                    if value is not None and value <= 0:
                        found.append(
                            ("image-size", (*loc, key), f"image {key} {value} is not positive")
                        )
            continue
        if kind is _OTHER:
            continue
        article = kind is _ARTICLE
        if domains and (provider := values.get("provider")) is not None:
            _domain(provider.__dict__.get("domain"), values["web_url"], loc, found)
        if quality and (value := values.get("quality")) is not None and value < 0:
            found.append(("quality-range", (*loc, "quality"), f"quality {value} is below 0"))
        if article and heat and (value := values.get("heat")) is not None and value < -1:
            found.append(("heat-range", (*loc, "heat"), f"heat {value} is below -1 (unknown)"))
        if dates and (published := values.get("published_date_time")) is not None:
            updated = values.get("updated_date_time") if article else None
            _dates(published, updated, limit, loc, found)
        if article and (related := values.get("related")):
            _related(values["web_url"], related, rules, found)
    return found


RULED = (Article, RelatedItem, Image)
"""The models these rules look at; the walk hands them over, in the order of the item."""

_ARTICLE, _RELATED, _IMAGE, _OTHER = "article", "related", "image", "other"


@functools.cache
def _kind(model_class: type) -> str:
    """Which rules a model of this class gets (a class test per item costs more)."""
    if issubclass(model_class, Article):
        return _ARTICLE
    if issubclass(model_class, RelatedItem):
        return _RELATED
    return _IMAGE if issubclass(model_class, Image) else _OTHER


def _domain(domain: str | None, url: str, loc: Loc, found: list[Found]) -> None:
    if not domain:
        return
    host = host_mismatch(domain, url)
    if host is not None:
        found.append(
            (
                "domain-mismatch",
                (*loc, "provider", "domain"),
                f"provider domain {domain!r} is not the host of webUrl ({host}) "
                "nor a parent domain of it",
            )
        )


def _dates(published: Any, updated: Any, limit: datetime, loc: Loc, found: list[Found]) -> None:
    """future-date; ``limit`` is a day after now, ``updated`` the article's update time."""
    where = (*loc, "publishedDateTime")
    if published > limit:
        found.append(("future-date", where, f"published {_when(published)}, over a day after now"))
    if updated is not None and published > updated:
        found.append(
            (
                "future-date",
                where,
                f"published {_when(published)}, after the item was updated ({_when(updated)})",
            )
        )


def _related(
    own_url: str, related: list[RelatedItem], rules: frozenset[str], found: list[Found]
) -> None:
    """duplicate-related and self-related over the article's related items."""
    seen: dict[str, int] = {}
    for index, entry in enumerate(related):
        where: Loc = ("related", index, "webUrl")
        url = entry.web_url
        if "self-related" in rules and url == own_url:
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
