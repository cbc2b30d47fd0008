"""The public surface of newsitem.lint: what it exports, and nothing it leaks."""

from __future__ import annotations

import types

from newsitem import lint


def test_all_is_complete_and_sorted() -> None:
    """Every public name of ``newsitem.lint`` is in ``__all__``, which is sorted, and exists."""
    public = {
        name
        for name, value in vars(lint).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    public -= {"annotations", "datetime", "Any", "NewsItem"}  # imports, not exports
    assert public == set(lint.__all__)
    assert lint.__all__ == sorted(lint.__all__, key=lambda name: (not name.isupper(), name))


def test_rules_are_documented() -> None:
    """Every rule has a section on the lint page, and the page's table lists each code."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "lint.md").read_text(encoding="utf-8")
    for code in lint.RULES:
        assert f"[`{code}`]" in page, code
    assert set(lint.RULES) - {"tracking-param"} == lint.DEFAULT_RULES
