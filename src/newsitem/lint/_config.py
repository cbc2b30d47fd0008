"""``[tool.newsitem.lint]`` in the nearest ``pyproject.toml``, as ruff reads its own.

::

    [tool.newsitem.lint]
    select = ["mojibake", "html-entity", "tracking-param"]   # instead of the default rules
    ignore = ["future-date"]                                 # taken out of them
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from newsitem.errors import NewsItemError

from ._run import parse_codes, resolve_rules

if sys.version_info >= (3, 11):
    from tomllib import TOMLDecodeError
    from tomllib import load as _load_toml
else:  # pragma: no cover - Python 3.10: tomli, the library tomllib came from
    _tomli = importlib.import_module("tomli")
    _load_toml: Callable[[BinaryIO], dict[str, Any]] = _tomli.load
    TOMLDecodeError: type[ValueError] = _tomli.TOMLDecodeError

__all__ = ["Config", "config_for_file", "find_config"]


@dataclass(frozen=True)
class Config:
    """A project's lint settings: ``select`` (None: the default rules) and ``ignore``.

    ``path`` is the ``pyproject.toml`` they were read from (None: no file had any).
    """

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    path: str | None = None

    def rules(self, select: object = None, ignore: object = None) -> frozenset[str]:
        """The codes to run: ``select`` given here replaces the project's, ``ignore`` adds."""
        if select is None and ignore is None:
            return _own_rules(self)
        if type(select) in _KEYS and type(ignore) in _KEYS:
            return _given_rules(self, select, ignore)
        return resolve_rules(select, ignore, base=self.select) - self.ignore


@functools.lru_cache(maxsize=256)
def _own_rules(config: Config) -> frozenset[str]:
    """The codes a project's settings run, worked out once (a run asks for each file)."""
    return resolve_rules(None, None, base=config.select) - config.ignore


# The kinds of select and ignore that can key a cache (a list cannot).
_KEYS = (str, frozenset, type(None))


@functools.lru_cache(maxsize=256)
def _given_rules(config: Config, select: object, ignore: object) -> frozenset[str]:
    """:meth:`Config.rules` with options given, worked out once a run (given for each file)."""
    return resolve_rules(select, ignore, base=config.select) - config.ignore


def find_config(start: str | os.PathLike[str]) -> Config:
    """The settings of the nearest ``pyproject.toml`` with a ``[tool.newsitem.lint]`` table.

    The search starts in ``start`` (a file's folder, or a folder) and goes up.
    Without such a file, the default :class:`Config`.

    Raises:
        newsitem.NewsItemError: code ``invalid-config``, when the file is not
            valid TOML or names a rule that does not exist.
    """
    folder = os.path.abspath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    return _find(folder)


def config_for_file(path: str) -> Config:
    """:func:`find_config` for a file's path, without looking at the file itself."""
    if not os.path.isabs(path):
        path = os.path.abspath(path)
    if os.altsep is not None:  # two separators (Windows): let dirname find the folder
        return _find_for(os.path.dirname(path))
    # The folder as written, cut at the last separator: a run asks for every
    # file, and this costs a fraction of dirname (_find_for normalises it).
    return _find_for(path[: path.rfind(os.sep)] or os.sep)


@functools.lru_cache(maxsize=256)
def _find_for(folder: str) -> Config:
    """:func:`_find` of an absolute folder as written (many files share one)."""
    return _find(os.path.normpath(folder))


@functools.lru_cache(maxsize=256)
def _find(folder: str) -> Config:
    here = Path(folder)
    for candidate in (here, *here.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            config = _read(path)
            if config is not None:
                return config
    return Config()


def _read(path: Path) -> Config | None:
    try:
        with path.open("rb") as file:
            data = _load_toml(file)
    except (OSError, TOMLDecodeError) as exc:
        raise NewsItemError(
            f"cannot read the lint settings: {exc}", path=path, code="invalid-config"
        ) from exc
    table = data.get("tool", {}).get("newsitem", {}).get("lint")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise NewsItemError(
            "[tool.newsitem.lint] must be a table", path=path, code="invalid-config"
        )
    settings = cast("dict[str, object]", table)
    try:
        select = settings.get("select")
        return Config(
            select=None if select is None else parse_codes(select, "select"),
            ignore=parse_codes(settings.get("ignore"), "ignore"),
            path=str(path),
        )
    except ValueError as exc:
        raise NewsItemError(
            f"[tool.newsitem.lint]: {exc}", path=path, code="invalid-config"
        ) from exc
