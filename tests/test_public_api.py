"""The public surface: what ``newsitem`` exports, and nothing it leaks."""

from __future__ import annotations

import types

import newsitem


def test_all_names_exist() -> None:
    """Every name in ``__all__`` is importable from the package."""
    missing = [name for name in newsitem.__all__ if not hasattr(newsitem, name)]
    assert missing == []


def test_all_is_complete() -> None:
    """Every public name the package holds is listed in ``__all__`` (modules named there too)."""
    public = {
        name
        for name, value in vars(newsitem).items()
        if not name.startswith("_")
        and (not isinstance(value, types.ModuleType) or name in {"corpus", "frontmatter"})
    }
    assert public - set(newsitem.__all__) == set()


def test_errors_share_one_root() -> None:
    """Every exception the package exports derives from ``NewsItemError``."""
    exported = [getattr(newsitem, name) for name in newsitem.__all__]
    exceptions = [obj for obj in exported if isinstance(obj, type) and issubclass(obj, Exception)]
    assert exceptions
    assert all(issubclass(exc, newsitem.NewsItemError) for exc in exceptions)
