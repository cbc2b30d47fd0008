"""What a rule reports, and the rules there are."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_RULES", "RULES", "Finding", "Rule"]


@dataclass(frozen=True)
class Finding:
    """One problem a rule found in an item.

    ``field`` is the value's path in file keys (``related[1].title``);
    ``line`` and ``column`` (1-based, counted in the file) point at the value
    when the item was read from text. ``fixable`` says whether
    :func:`newsitem.lint.fix` repairs it.
    """

    code: str
    message: str
    field: str
    line: int | None = None
    column: int | None = None
    fixable: bool = False

    def __str__(self) -> str:
        where = "" if self.line is None else f"{self.line}:{self.column or 1}: "
        return f"{where}{self.code} {self.field}: {self.message}"


@dataclass(frozen=True)
class Rule:
    """A lint rule: its ``code``, whether it can be fixed and is on by default."""

    code: str
    summary: str
    fixable: bool = False
    default: bool = True


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("mojibake", "text decoded with the wrong codec (UTF-8 read as Windows-1252)", True),
        Rule("html-entity", "an HTML character reference such as &amp; in text", True),
        Rule("markup", "an HTML tag in a title or excerpt"),
        Rule("whitespace", "stray, repeated, invisible or control spaces in a title", True),
        Rule("domain-mismatch", "a provider domain that is not the host of webUrl"),
        Rule("duplicate-related", "two related items with the same webUrl"),
        Rule("self-related", "a related item whose webUrl is the article's own"),
        Rule("heat-range", "heat below -1"),
        Rule("quality-range", "quality below 0"),
        Rule("image-size", "an image width or height of 0 or less"),
        Rule("future-date", "publishedDateTime over a day ahead, or after updatedDateTime"),
        Rule("tracking-param", "utm_*, fbclid or gclid in a URL", True, default=False),
        Rule("duplicate-item", "two items of one run with the same webUrl"),
    )
}
"""Every rule, by code, in the order of the documentation."""

DEFAULT_RULES: frozenset[str] = frozenset(code for code, rule in RULES.items() if rule.default)
"""The codes of the rules that run when no ``select`` is given."""
