"""``newsitem convert``: items to JSON objects, and JSON objects (ours or Bing's) to items."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from .. import _io
from .._validation import validate
from ..api import NewsItem, dumps
from ..errors import NewsItemError, ValidationError
from ..models import Article
from ._common import EXIT_OK, EXIT_PROBLEMS, Commands, UsageError
from ._items import loaded
from ._paths import STDIN, Input, iter_inputs
from ._report import Problem, Reporter, problems_from_error

__all__ = ["from_bing", "item_json", "register", "run"]

BODY = "body"
"""The key of the body in an item's JSON object."""


def register(commands: Commands) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert items to JSON, or JSON objects to items",
        description=(
            "--to json: print each item as one JSON object (the file's keys, and "
            "'body'), one line per item (JSON Lines). --from json: read such objects, "
            "or Bing News Search API article objects, from FILE or standard input (a "
            "JSON object, an array of objects, a Bing answer with 'value', or JSON "
            "Lines) and write each as a news-item file in the reference style under "
            "--out DIR. Converting the files back gives the same JSON."
        ),
        epilog="exit status: 0 all converted, 1 an item or object could not be, 2 usage error",
    )
    way = convert.add_mutually_exclusive_group(required=True)
    way.add_argument("--to", choices=["json"], help="write items as JSON objects")
    way.add_argument("--from", dest="source", choices=["json"], help="read JSON objects")
    convert.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="--to: files, folders, quoted globs or -; --from: one JSON file or - (default)",
    )
    convert.add_argument("--out", metavar="DIR", help="--from: the folder to write items to")
    convert.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.to is not None:
        if args.out is not None:
            raise UsageError("--out goes with --from json; --to json prints to standard output")
        if not args.paths:
            raise UsageError("no PATH given")
        return _to_json(args.paths)
    if args.out is None:
        raise UsageError("--from json needs --out DIR")
    if len(args.paths) > 1:
        raise UsageError("--from json reads one FILE (or - for standard input)")
    return _from_json(args.paths[0] if args.paths else "-", Path(args.out))


def item_json(item: NewsItem[Article]) -> dict[str, Any]:
    """The JSON object of an item: its keys as in the file, values as JSON, and ``body``."""
    data = item.article.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if BODY in data:
        raise NewsItemError(
            f"the front matter has a key {BODY!r}, which the JSON form gives the body",
            code="unrepresentable-value",
        )
    data[BODY] = item.body
    return data


def _to_json(paths: list[str]) -> int:
    with Reporter("text", sys.stderr) as reporter:
        for one, _, item in loaded(iter_inputs(paths), reporter):
            try:
                line = json.dumps(item_json(item), ensure_ascii=False)
            except NewsItemError as exc:
                for problem in problems_from_error(one.path, exc):
                    reporter.add(problem)
                continue
            print(line)
    return EXIT_PROBLEMS if reporter.count else EXIT_OK


def _from_json(source: str, out: Path) -> int:
    if source != "-" and not os.path.isfile(source):
        raise UsageError(f"no such file: {source!r}")
    one = Input(STDIN if source == "-" else source)
    written = 0
    with Reporter("text", sys.stderr) as reporter:
        try:
            objects = list(_objects(one.path, one.read_text()))
        except NewsItemError as exc:
            for problem in problems_from_error(one.path, exc):
                reporter.add(problem)
            return EXIT_PROBLEMS
        width = max(3, len(str(len(objects) - 1)))
        for number, (line, where, value) in enumerate(objects):
            try:
                item = _item(value)
                name = _name(number, width, item.article.web_url)
                _create(out / name, dumps(item))
            except ValidationError as exc:
                for issue in exc.issues:
                    field = where + issue.field if where else issue.field
                    reporter.add(Problem(one.path, line, None, issue.code, issue.message, field))
                continue
            except NewsItemError as exc:
                place = where.rstrip(".") or None
                reporter.add(Problem(one.path, line, None, exc.code, exc.message, place))
                continue
            written += 1
    files = "file" if written == 1 else "files"
    print(f"convert: wrote {written} {files} to {out}", file=sys.stderr)
    return EXIT_PROBLEMS if reporter.count else EXIT_OK


def _objects(path: str, text: str) -> Iterator[tuple[int | None, str, Any]]:
    """``(line, where, value)`` of each object: JSON Lines have a line, an array a ``[N]``."""
    try:
        whole: Any = json.loads(text)
    except json.JSONDecodeError as first:
        if first.msg != "Extra data":  # not one value after another: not JSON Lines
            raise _json_error(path, first) from None
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _json_error(path, exc, line=number) from None
            yield number, "", value
        return
    answer = _mapping(whole)
    if answer is not None and isinstance(answer.get("value"), list):
        whole = answer["value"]  # a Bing News answer: {"_type": "News", "value": [...]}
    if isinstance(whole, list):
        for index, value in enumerate(_list(whole)):
            yield None, f"[{index}].", value
    else:
        yield None, "", whole


def _json_error(path: str, exc: json.JSONDecodeError, *, line: int | None = None) -> NewsItemError:
    return NewsItemError(
        f"not JSON: {exc.msg}",
        path=path,
        line=line if line is not None else exc.lineno,
        column=exc.colno,
        code="invalid-json",
    )


def _item(value: Any) -> NewsItem[Article]:
    mapping = _mapping(value)
    if mapping is None:
        raise NewsItemError(
            f"expected a JSON object, got {type(value).__name__}", code="not-an-object"
        )
    data = dict(mapping)
    if _is_bing(data):
        data = from_bing(data)
    body = data.pop(BODY, "\n")
    if not isinstance(body, str):
        raise NewsItemError(f"'{BODY}' must be a string", code="wrong-type")
    return NewsItem(validate(Article, data), body)


def _is_bing(data: dict[str, Any]) -> bool:
    return "webUrl" not in data and "title" not in data and "url" in data and "name" in data


def from_bing(article: dict[str, Any]) -> dict[str, Any]:
    """A Bing News Search API ``NewsArticle`` as a news item's keys.

    ``name`` → ``title``, ``url`` → ``webUrl``, ``description`` → ``excerpt``,
    ``datePublished`` → ``publishedDateTime`` (UTC when it has no zone),
    ``category`` → ``category``, the first ``provider`` → ``provider`` (its
    logo as ``provider.images``), ``image.thumbnail`` → ``images`` (a key of
    the pipeline's own: the format's article has no image), each of
    ``clusteredArticles`` → ``related``, and ``type`` is ``video`` for an
    article with a ``video``, else ``article``. Other fields are left out.
    """
    data: dict[str, Any] = {}
    if "category" in article:
        data["category"] = article["category"]
    data.update(_bing_common(article))
    data["type"] = "video" if article.get("video") else "article"
    provider = _bing_provider(article)
    if provider is not None:
        data["provider"] = provider
    related = [_bing_related(one) for one in _list(article.get("clusteredArticles"))]
    if related:
        data["related"] = related
    image = _bing_image(article.get("image"))
    if image is not None:
        data["images"] = [image]
    return data


def _bing_common(article: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"title": article.get("name")}
    if "description" in article:
        data["excerpt"] = article["description"]
    published = article.get("datePublished")
    if isinstance(published, str):
        data["publishedDateTime"] = published if _has_zone(published) else published + "Z"
    data["webUrl"] = article.get("url")
    return data


def _bing_related(article: Any) -> dict[str, Any]:
    one = _mapping(article) or {}
    data = _bing_common(one)
    data["type"] = "video" if one.get("video") else "article"
    provider = _bing_provider(one)
    if provider is not None:
        data["provider"] = provider
    image = _bing_image(one.get("image"))
    if image is not None:
        data["images"] = [image]
    return data


def _bing_provider(article: dict[str, Any]) -> dict[str, Any] | None:
    providers = _list(article.get("provider"))
    first = _mapping(providers[0]) if providers else None
    if first is None:
        return None
    provider: dict[str, Any] = {"name": first.get("name")}
    logo = _bing_image(first.get("image"))
    if logo is not None:
        provider["images"] = [logo]
    return provider


def _bing_image(image: Any) -> dict[str, Any] | None:
    """``{"thumbnail": {"contentUrl", "width", "height"}}`` as an image: url, width, height."""
    thumbnail = _mapping((_mapping(image) or {}).get("thumbnail"))
    if thumbnail is None or "contentUrl" not in thumbnail:
        return None
    found: dict[str, Any] = {"url": thumbnail["contentUrl"]}
    for key in ("width", "height"):
        if key in thumbnail:
            found[key] = thumbnail[key]
    return found


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        return []
    items: list[Any] = value  # pyright: ignore[reportUnknownVariableType]
    return items


def _mapping(value: Any) -> dict[str, Any] | None:
    return cast("dict[str, Any]", value) if isinstance(value, dict) else None


def _has_zone(text: str) -> bool:
    tail = text[10:]
    return tail.endswith(("Z", "z")) or "+" in tail or "-" in tail


def _name(number: int, width: int, web_url: str) -> str:
    """``NNN_HASH.md``: the object's number, and 16 hex digits of its URL's SHA-256."""
    digest = hashlib.sha256(web_url.encode("utf-8")).hexdigest()[:16]
    return f"{number:0{width}d}_{digest}.md"


def _create(path: Path, text: str) -> None:
    """Write a new file atomically; an existing one is left alone and reported."""
    if path.exists():
        raise NewsItemError(f"{path} exists; it was left as it is", code="file-exists")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _io.write(text, path)
    except OSError as exc:
        raise NewsItemError(
            f"cannot write {path}: {exc.strerror or exc}", code="unwritable"
        ) from exc
