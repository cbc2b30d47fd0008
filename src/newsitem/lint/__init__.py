"""Lint and repair: the data-quality problems of news feeds, at their line.

>>> import newsitem
>>> from newsitem import lint
>>> item = newsitem.loads('---\\ntitle: "Trust Stamp\\u00e2\\u20ac\\u2122s deal"\\nwebUrl: https://example.com/a\\n---\\n')
>>> [(f.code, f.field, f.line, f.column) for f in lint.check(item)]
[('mojibake', 'title', 2, 8)]
>>> [f.code for f in lint.fix(item)]
['mojibake']
>>> item.article.title == 'Trust Stamp\u2019s deal'
True

:func:`check` reports, :func:`fix` repairs in place (through the models, so
:func:`newsitem.dumps` rewrites only the repaired values' lines). Over a
corpus, map :func:`lint_result` with :func:`newsitem.corpus.map_files` (or
call :func:`lint_file` on each path, which reads each file in one parse),
then :func:`duplicate_items` over the reports. Rules are listed in :data:`RULES`;
see the documentation's lint page for each one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsitem.api import NewsItem

from ._config import Config, find_config
from ._corpus import Report, duplicate_items, lint_file, lint_result
from ._finding import DEFAULT_RULES, RULES, Finding, Rule
from ._run import lint_item as _lint_item
from ._run import resolve_rules as _resolve_rules

__all__ = [
    "DEFAULT_RULES",
    "RULES",
    "Config",
    "Finding",
    "Report",
    "Rule",
    "check",
    "duplicate_items",
    "find_config",
    "fix",
    "lint_file",
    "lint_result",
]


def check(
    item: NewsItem[Any],
    *,
    select: object = None,
    ignore: object = None,
    now: datetime | None = None,
) -> list[Finding]:
    """The findings of the rules on ``item``, in the order of the file.

    ``select`` (rule codes, a list or a comma-separated string) replaces the
    default rules, ``ignore`` takes codes out; ``now`` is the time of the run
    for ``future-date`` (default: the clock). ``duplicate-item`` needs a run
    of files: see :func:`duplicate_items`. Values whose line carries
    ``# newsitem: ignore[CODE]`` are not reported.

    Raises:
        ValueError: for an unknown rule code, or a naive ``now``.
        ModuleNotFoundError: when the ``mojibake`` rule runs without ftfy
            (``pip install 'newsitem[lint]'``).
    """
    return _lint_item(item, _resolve_rules(select, ignore), now=now, repair=False)


def fix(
    item: NewsItem[Any],
    *,
    select: object = None,
    ignore: object = None,
    now: datetime | None = None,
) -> list[Finding]:
    """Repair what the rules can repair, in place; return the findings repaired.

    Same options as :func:`check`. What cannot be fixed is left for
    :func:`check` to report; suppressed values are not touched.
    """
    findings = _lint_item(item, _resolve_rules(select, ignore), now=now, repair=True)
    return [finding for finding in findings if finding.fixable]
