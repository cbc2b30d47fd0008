"""One item's lint: the rules in order, positions and suppressions looked up on need.

Positions come from the document the item was read from (the offsets
recorded at load for lint, else its source tree, composed on the first
position), counted only for findings; comments are looked up only in a text
that may hold a suppression. A finding whose value's line carries
``# newsitem: ignore[CODE]`` (or a bare ``# newsitem: ignore``) is dropped,
and its repair is not made.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any, cast

from newsitem._validation import Loc, _dotted  # pyright: ignore[reportPrivateUsage]
from newsitem.api import NewsItem
from newsitem.frontmatter import FrontMatterDocument

from . import _text, _urls, _values, _walk
from ._finding import DEFAULT_RULES, RULES, Finding

__all__ = ["ignores", "lint_item", "parse_codes", "resolve_rules"]

_IGNORE = re.compile(r"newsitem:\s*ignore(?:\[([^\]]*)\])?")


def resolve_rules(
    select: object = None, ignore: object = None, *, base: frozenset[str] | None = None
) -> frozenset[str]:
    """The codes to run: ``select`` (or ``base``, or the default rules) less ``ignore``.

    Raises:
        ValueError: for a code that names no rule.
    """
    chosen = parse_codes(select, "select") if select is not None else base
    return (DEFAULT_RULES if chosen is None else chosen) - parse_codes(ignore, "ignore")


def parse_codes(codes: object, what: str) -> frozenset[str]:
    """The rule codes of a list or a comma-separated string; ValueError for unknown ones."""
    if codes is None:
        return frozenset()
    if isinstance(codes, str):
        codes = codes.split(",")
    if not isinstance(codes, list | tuple | set | frozenset):
        raise ValueError(f"{what} must be a list of rule codes, not {type(codes).__name__}")
    texts = [str(code).strip() for code in cast("Iterable[object]", codes)]
    found = frozenset(text for text in texts if text)
    unknown = sorted(found - RULES.keys())
    if unknown:
        raise ValueError(
            f"unknown rule code(s) in {what}: {', '.join(unknown)} "
            f"(the rules are: {', '.join(RULES)})"
        )
    return found


class _Source:
    """Where the item's values were written, looked up only for values that need it."""

    def __init__(self, item: NewsItem[Any]) -> None:
        document = item._document  # pyright: ignore[reportPrivateUsage] - the item's source
        # An item edited since it was read still points at the text it came
        # from; a value not in that text gets no position.
        self.document: FrontMatterDocument | None = document
        self.comments = document is not None and may_suppress(document.original)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        if self.document is None:
            return None, None
        position = self.document.position(loc)
        return position if position is not None else (None, None)

    def suppressed(self, loc: Loc, code: str) -> bool:
        if not self.comments or self.document is None:
            return False
        return ignores(self.document.comment(loc), code)


def may_suppress(text: str) -> bool:
    """Whether ``text`` may hold a ``# newsitem: ignore`` comment: most texts have none,
    and their values' comments are not looked up.
    """
    return "newsitem" in text


def ignores(comment: str | None, code: str) -> bool:
    """Whether ``comment`` (a line's comment) is ``newsitem: ignore`` for ``code``, or for all."""
    if comment is None:
        return False
    match = _IGNORE.search(comment)
    if match is None:
        return False
    codes = match.group(1)
    return codes is None or code in {part.strip() for part in codes.split(",")}


def lint_item(
    item: NewsItem[Any], rules: frozenset[str], *, now: datetime | None, repair: bool
) -> list[Finding]:
    """Every finding of ``rules`` on ``item``; with ``repair``, the fixable ones repaired."""
    source: _Source | None = None  # looked up on the first finding: most items have none
    findings: list[Finding] = []

    def report(code: str, loc: Loc, message: str, fixable: bool) -> bool:
        """Record a finding unless suppressed; whether it was recorded."""
        nonlocal source
        if source is None:
            source = _Source(item)
        if source.suppressed(loc, code):
            return False
        line, column = source.position(loc)
        findings.append(Finding(code, message, _dotted(loc), line, column, fixable))
        return True

    text_rules = _text_rules(rules)
    if "mojibake" in rules:
        _text.require_ftfy()
    tracking = "tracking-param" in rules
    walk = _walk.walk(item, urls=tracking)
    for slot in walk.slots:
        if slot.url:
            if tracking:
                problem = _urls.tracking_param(slot.value)
                if (
                    problem is not None
                    and report("tracking-param", slot.loc, problem.message, True)
                    and repair
                    and problem.repaired is not None
                ):
                    slot.set(problem.repaired)
            continue
        current = slot.value
        for code, rule, roles in text_rules:
            if roles is not None and slot.role not in roles:
                continue
            problem = rule(current)
            if problem is None:
                continue
            fixable = problem.repaired is not None
            if report(code, slot.loc, problem.message, fixable) and problem.repaired is not None:
                current = problem.repaired
        if repair and current != slot.value:
            slot.set(current)
    if not rules.isdisjoint(_VALUE_RULES):
        when = _now(now)
        for code, loc, message in _values.value_problems(walk.models, rules, when):
            report(code, loc, message, False)
    findings.sort(key=lambda f: (f.line is None, f.line or 0, f.column or 0))
    return findings


@functools.lru_cache(maxsize=64)  # a run asks with the same rules for every item
def _text_rules(rules: frozenset[str]) -> tuple[_text.TextRule, ...]:
    """The text rules among ``rules``, in the order they run on a value."""
    return tuple(rule for rule in _text.TEXT_RULES if rule[0] in rules)


_VALUE_RULES = frozenset(
    {
        "domain-mismatch",
        "duplicate-related",
        "self-related",
        "heat-range",
        "quality-range",
        "image-size",
        "future-date",
    }
)


def _now(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (with a time zone)")
    return now
