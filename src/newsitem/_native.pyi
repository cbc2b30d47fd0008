from collections.abc import Callable
from typing import Any

NOT_ONLY_STR: str

def values(
    text: str, max_nodes: int, max_depth: int, resolve: Callable[[str], object], /
) -> dict[Any, Any] | None: ...
def located(
    text: str, max_nodes: int, max_depth: int, resolve: Callable[[str], object], /
) -> tuple[dict[Any, Any], tuple[int, int, bool, Any], int | None] | None: ...
def places(
    text: str, marks: str, leads: str, continuations: str, spaced: str, blanks: str, /
) -> list[int]: ...
def visit(
    model: object,
    loc: tuple[Any, ...],
    shape_of: Callable[
        [type], tuple[bool, str | None, str | None, tuple[tuple[str, str], ...]] | None
    ],
    models: list[tuple[tuple[Any, ...], Any]],
    titles: list[tuple[tuple[Any, ...], Any, str, str]],
    /,
) -> None: ...
