"""MkDocs hooks: the field tables of the API reference, made from the models.

A line ``<!-- fields: newsitem.models.Article -->`` in a page becomes the
table of that model's fields (:func:`newsitem.schema.field_table`), so that
the reference lists each field once, with its key, attribute, type and
description, and never disagrees with the code.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from newsitem.schema import field_table

_MARKER = re.compile(r"^<!-- fields: ([\w.]+)\.(\w+) -->$", re.MULTILINE)


def on_page_markdown(markdown: str, **_: Any) -> str:
    def table(match: re.Match[str]) -> str:
        model = getattr(importlib.import_module(match[1]), match[2])
        return field_table(model)

    return _MARKER.sub(table, markdown)
