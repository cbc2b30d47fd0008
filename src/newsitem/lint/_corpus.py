"""Lint over many files: a picklable function per file, and duplicate-item over a run."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsitem.api import dumps
from newsitem.corpus import (
    Result,
    StrPath,
    _asks_positions,  # pyright: ignore[reportPrivateUsage] - positions recorded at load
    _load_file,  # pyright: ignore[reportPrivateUsage]
)
from newsitem.errors import NewsItemError
from newsitem.frontmatter import FrontMatterDocument, typed_load
from newsitem.limits import DEFAULT_LIMITS
from newsitem.models import Article

from ._config import Config, config_for_file
from ._finding import Finding
from ._places import offsets_wanted
from ._run import ignores, lint_item

__all__ = ["Report", "duplicate_items", "lint_file", "lint_result"]


@dataclass(frozen=True)
class Report:
    """What lint found in one input.

    ``error`` is the input's load or validation error (the item is linted no
    further); else ``findings``, in the order of the file. With ``fix``,
    ``fixed`` is the repaired text and ``original`` the text it was read
    from, when the repairs changed it. ``web_url`` is kept for
    :func:`duplicate_items` when that rule is on.
    """

    source: str
    findings: tuple[Finding, ...] = ()
    error: NewsItemError | None = None
    web_url: str | None = None
    original: str | None = None
    fixed: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the input loaded and nothing was found."""
        return self.error is None and not self.findings


_NO_CONFIG = Config()


@_asks_positions(offsets_wanted)
def lint_result(
    result: Result[Any],
    *,
    select: object = None,
    ignore: object = None,
    now: datetime | None = None,
    fix: bool = False,
    project: bool = True,
) -> Report:
    """Lint the item of one :mod:`newsitem.corpus` result; a pure, picklable function.

    Map it over a corpus, in parallel, with ``corpus.map_files(lint_result, ...)``
    (``functools.partial`` for the options): ``map_files`` and ``map_texts``
    then read each item as :func:`lint_file` does. With
    ``project``, the nearest ``pyproject.toml`` of a file sets the rules (see
    :func:`find_config`): ``select`` given here replaces its ``select``,
    ``ignore`` adds to its own.
    """
    if result.error is not None or result.item is None:
        return Report(result.source, error=result.error)
    try:
        source = result.source
        # A file, not "<text 0>": the settings of its project.
        config = config_for_file(source) if project and source[:1] != "<" else _NO_CONFIG
        rules = config.rules(select, ignore)
        item = result.item
        findings = lint_item(item, rules, now=now, repair=fix)
        original = fixed = None
        if fix and any(finding.fixable for finding in findings):
            text = dumps(item)
            document = item._document  # pyright: ignore[reportPrivateUsage]
            if document is not None and text != document.original:
                original, fixed = document.original, text
    except NewsItemError as exc:
        return Report(result.source, error=exc.with_path(result.source))
    web_url = item.article.web_url if "duplicate-item" in rules else None
    return Report(result.source, tuple(findings), None, web_url, original, fixed)


def lint_file(
    path: StrPath,
    *,
    select: object = None,
    ignore: object = None,
    now: datetime | None = None,
    fix: bool = False,
    project: bool = True,
) -> Report:
    """Load one file and lint it: :func:`lint_result` of the file, read in one parse.

    Where its front matter holds a place a text rule may fire (an ``&``, a
    ``<``, a ``\\`` or a mojibake pair) or an alias, the file's values and
    where each was written are read together; any other front matter is read
    for its values alone, as ``check`` reads it, and its positions only on a
    finding (of the value rules, or on a title).
    """
    result = _load_file(
        path, model=Article, strict=False, limits=DEFAULT_LIMITS, located=offsets_wanted
    )
    return lint_result(result, select=select, ignore=ignore, now=now, fix=fix, project=project)


def duplicate_items(reports: Iterable[Report]) -> dict[str, list[Finding]]:
    """``duplicate-item`` findings: inputs of one run with the same ``webUrl``, by source.

    Each input is reported with the other inputs' sources, at its ``webUrl``
    line when it is a file (read again, for these inputs only) or has a
    ``fixed`` text, unless that line has ``# newsitem: ignore[duplicate-item]``.
    """
    by_url: dict[str, list[Report]] = {}
    for report in reports:
        if report.web_url is not None:
            by_url.setdefault(report.web_url, []).append(report)
    found: dict[str, list[Finding]] = {}
    for group in by_url.values():
        if len(group) < 2:
            continue
        for report in group:
            document = _document(report)
            if document is not None and _ignored(document):
                continue
            others = [other.source for other in group if other is not report]
            shown = ", ".join(others[:3]) + (
                f" and {len(others) - 3} more" if len(others) > 3 else ""
            )
            position = document.position(("webUrl",)) if document is not None else None
            line, column = position if position is not None else (None, None)
            message = f"the same webUrl as {shown}"
            found.setdefault(report.source, []).append(
                Finding("duplicate-item", message, "webUrl", line, column)
            )
    return found


def _document(report: Report) -> FrontMatterDocument | None:
    try:
        if report.fixed is not None:
            return FrontMatterDocument(report.fixed, path=report.source)
        if os.path.isfile(report.source):  # its positions are wanted: read in the same parse
            return typed_load(report.source, DEFAULT_LIMITS, located=True)
    except (NewsItemError, OSError):
        pass
    return None


def _ignored(document: FrontMatterDocument) -> bool:
    return ignores(document.comment(("webUrl",)), "duplicate-item")
