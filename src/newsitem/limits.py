"""Bounds on what newsitem reads, so hostile input fails fast and small."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "MAX_DEPTH", "Limits"]


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
    """Lists and mappings nested in one another; at most ``MAX_DEPTH``."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_nodes", "max_depth"):
            if getattr(self, name) < 1:
                raise ValueError(f"Limits.{name} must be at least 1")
        if self.max_depth > MAX_DEPTH:
            raise ValueError(
                f"Limits.max_depth may be at most {MAX_DEPTH}: reading, comparing and "
                "writing nested values recurse, and Python's stack is finite"
            )


# Each level costs a few Python frames when values are compared or written,
# and CPython allows 1,000 by default.
MAX_DEPTH = 200


DEFAULT_LIMITS = Limits()
