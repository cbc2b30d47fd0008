"""Shared helpers for the hostile-input tests: a full item template and strict comparison."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Line:
    """One line of the template: the field it holds and how it is written.

    ``key`` is None for an item of a list of scalars (``  - AI``); ``value`` is
    None when a block collection follows on the next lines.
    """

    path: Path
    prefix: str
    key: str | None
    value: str | None
    kind: str = ""
    required: bool = False

    def text(self, value: str | None = None) -> str:
        """The line, with ``value`` instead of the template's value when given."""
        written = self.value if value is None else value
        head = self.prefix + (f"{self.key}:" if self.key is not None else "")
        if written is None:
            return head
        if self.key is None:
            return head + written
        return f"{head} {written}"

    def value_column(self) -> int:
        """1-based column at which the value starts."""
        if self.key is None:
            return len(self.prefix) + 1
        return len(self.prefix) + len(self.key) + 3


def _l(path: Path, prefix: str, key: str | None, value: str | None, kind: str = "") -> Line:
    required = kind.endswith("!")
    return Line(path, prefix, key, value, kind.rstrip("!"), required)


# A valid item that uses every field of every model, one field per line. The
# opening fence is line 1, so TEMPLATE[i] is on line i + 2.
TEMPLATE: list[Line] = [
    _l(("category",), "", "category", "news", "str"),
    _l(("title",), "", "title", '"A title"', "str!"),
    _l(("excerpt",), "", "excerpt", '"An excerpt"', "str"),
    _l(("publishedDateTime",), "", "publishedDateTime", "2021-09-27T18:46:00Z", "time"),
    _l(("originalUrl",), "", "originalUrl", '"https://example.com/original"', "url"),
    _l(("webUrl",), "", "webUrl", '"https://example.com/web"', "url!"),
    _l(("type",), "", "type", "article", "str"),
    _l(("quality",), "", "quality", "15", "int"),
    _l(("heat",), "", "heat", "-1", "int"),
    _l(("published",), "", "published", "false", "bool"),
    _l(("provider",), "", "provider", None, "model"),
    _l(("provider", "name"), "  ", "name", "Example", "str!"),
    _l(("provider", "domain"), "  ", "domain", "example.com", "str"),
    _l(("provider", "images"), "  ", "images", None, "models"),
    _l(("provider", "images", 0, "url"), "    - ", "url", '"https://example.com/logo.png"', "url!"),
    _l(("provider", "images", 0, "width"), "      ", "width", "64", "int"),
    _l(("provider", "images", 0, "height"), "      ", "height", "32", "int"),
    _l(("provider", "images", 0, "isCached"), "      ", "isCached", "true", "bool"),
    _l(("provider", "images", 0, "title"), "      ", "title", "Logo", "str"),
    _l(("provider", "images", 0, "attribution"), "      ", "attribution", "Example Inc", "str"),
    _l(("topics",), "", "topics", None, "strs"),
    _l(("topics", 0), "  - ", None, "AI", "str!"),
    _l(("related",), "", "related", None, "models"),
    _l(("related", 0, "title"), "  - ", "title", '"Related"', "str!"),
    _l(("related", 0, "excerpt"), "    ", "excerpt", '"Related excerpt"', "str"),
    _l(
        ("related", 0, "publishedDateTime"),
        "    ",
        "publishedDateTime",
        "2021-09-24T18:20:00Z",
        "time",
    ),
    _l(("related", 0, "webUrl"), "    ", "webUrl", '"https://example.org/related"', "url!"),
    _l(("related", 0, "ampWebUrl"), "    ", "ampWebUrl", '"https://example.org/amp/r"', "url"),
    _l(
        ("related", 0, "cdnAmpWebUrl"), "    ", "cdnAmpWebUrl", '"https://cdn.example.org/r"', "url"
    ),
    _l(("related", 0, "type"), "    ", "type", "article", "str"),
    _l(("related", 0, "provider"), "    ", "provider", None, "model"),
    _l(("related", 0, "provider", "name"), "      ", "name", "Other", "str!"),
    _l(("related", 0, "provider", "domain"), "      ", "domain", "example.org", "str"),
    _l(("related", 0, "quality"), "    ", "quality", "166", "int"),
    _l(("related", 0, "images"), "    ", "images", None, "models"),
    _l(
        ("related", 0, "images", 0, "url"), "      - ", "url", '"https://example.org/i.jpg"', "url!"
    ),
    _l(("related", 0, "images", 0, "width"), "        ", "width", "701", "int"),
    _l(("related", 0, "images", 0, "height"), "        ", "height", "526", "int"),
    _l(("related", 0, "images", 0, "isCached"), "        ", "isCached", "true", "bool"),
    _l(("secured",), "", "secured", '"AAECAwQFBgcICQoLDA0ODw==;EBESExQVFhcYGRobHB0eHw=="', "str"),
    _l(("updatedDateTime",), "", "updatedDateTime", "2021-09-27T19:00:00Z", "time"),
    _l(("tags",), "", "tags", None, "strs"),
    _l(("tags", 0), "  - ", None, "ai", "str!"),
    _l(("locale",), "", "locale", "en-us", "str"),
    _l(("categories",), "", "categories", None, "strs"),
    _l(("categories", 0), "  - ", None, "science", "str!"),
    _l(("path",), "", "path", "/news/a", "str"),
]


def item_text(replace: Path | None = None, value: str | None = None) -> str:
    """The template as a file; the field at ``replace`` written as ``value`` instead.

    The lines below a replaced collection are left out, so ``value`` is the
    whole new value. ``value=""`` writes the key with nothing after it.
    """
    lines = ["---"]
    for line in TEMPLATE:
        if replace is not None and line.path[: len(replace)] == replace:
            if line.path == replace:
                lines.append(line.text(value).rstrip(" ") if value == "" else line.text(value))
            continue
        lines.append(line.text())
    return "\n".join([*lines, "---", ""])


def template_line(path: Path) -> tuple[int, Line]:
    """The file line number (1-based) of the field at ``path``, and its template line."""
    for index, line in enumerate(TEMPLATE):
        if line.path == path:
            return index + 2, line
    raise KeyError(path)


def dotted(path: Path) -> str:
    """``related[0].images[0].url`` for ``("related", 0, "images", 0, "url")``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def same(left: Any, right: Any, *, ordered: bool = False) -> bool:
    """Type-strict equality: ``True`` is not ``1``, ``1.0`` is not ``1``, NaN equals NaN.

    Key order is compared only when ``ordered``: a mapping written over
    another keeps the file's order of the keys they share (the smaller diff).
    """
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        keys_match = list(left) == list(right) if ordered else left.keys() == right.keys()
        return keys_match and all(same(left[k], right[k], ordered=ordered) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(
            same(a, b, ordered=ordered) for a, b in zip(left, right, strict=True)
        )
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, dt.datetime):
        return left == right and left.utcoffset() == right.utcoffset()
    return bool(left == right)
