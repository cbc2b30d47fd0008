"""The lint API's types, as a downstream project sees them under mypy and pyright (strict)."""

from __future__ import annotations

from datetime import datetime, timezone

from typing_extensions import assert_type

import newsitem
from newsitem import corpus, lint

TEXT = '---\ntitle: "Caf\u00c3\u00a9 &amp; bar"\nwebUrl: "https://www.example.com/a"\n---\n'


def test_lint_types() -> None:
    """check and fix give lists of Finding; lint_result a Report; duplicate_items a dict."""
    item = newsitem.loads(TEXT)
    found = lint.check(item, select=["mojibake"], now=datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert_type(found, list[lint.Finding])
    assert_type(found[0].line, int | None)
    assert_type(found[0].fixable, bool)
    fixed = lint.fix(item)
    assert_type(fixed, list[lint.Finding])
    report = lint.lint_result(corpus.load_text(TEXT))
    assert_type(report, lint.Report)
    assert_type(report.findings, tuple[lint.Finding, ...])
    assert_type(report.fixed, str | None)
    duplicates = lint.duplicate_items([report])
    assert_type(duplicates, dict[str, list[lint.Finding]])
    assert_type(lint.RULES["mojibake"], lint.Rule)
    assert_type(lint.find_config("."), lint.Config)
    assert [f.code for f in found] == ["mojibake"]
    assert [f.code for f in fixed] == ["mojibake", "html-entity"]
    assert item.article.title == "Café & bar"
    assert duplicates == {}
