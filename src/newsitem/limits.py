"""Bounds on what newsitem reads, so hostile input fails fast and small."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """How large an input may be before it is refused with ``LimitExceededError``.

    Pass ``limits=Limits(max_bytes=...)`` to any loader to change one bound.
    """

    max_bytes: int = 16 * 1024 * 1024
    """Size of a whole file (bytes) or text (characters)."""
    max_nodes: int = 100_000
    """Values in the front matter, an alias counting its whole value each time
    it is used: a "billion laughs" stops here, after little work and memory."""
    max_depth: int = 100
    """Lists and mappings nested in one another."""


DEFAULT_LIMITS = Limits()
