"""Find the ``---`` fences. Knows nothing of YAML.

A news item is ``[BOM]---<eol><yaml>---<eol><body>``. Splitting is pure
string work, so the YAML layer gets exactly the bytes between the fences and
the offsets it needs to report positions in the file as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ._positions import line_column
from .errors import FrontMatterError

BOM = "\ufeff"

# A fence line: three dashes, optional trailing blanks, then the line break.
_FENCE = re.compile(r"---[ \t]*(\r\n|\n|\r|\Z)")


@dataclass(frozen=True, slots=True)
class Split:
    """The parts of a news-item text. ``text == bom + head + yaml + tail + body``."""

    bom: str
    """``"\\ufeff"`` when the text starts with a byte-order mark, else ``""``."""
    head: str
    """The opening fence line, line break included."""
    yaml: str
    """The YAML text between the fences."""
    tail: str
    """The closing fence line, with its line break when it has one."""
    body: str
    """Everything after the closing fence line."""
    newline: str
    """The line break of the opening fence: the file's style for new lines."""

    @property
    def yaml_first_line(self) -> int:
        """1-based file line on which the YAML text starts (fences counted)."""
        return 2


def split(text: str) -> Split:
    """Split ``text`` at its fences, or raise :class:`FrontMatterError`."""
    bom = BOM if text.startswith(BOM) else ""
    rest = text[len(bom) :]
    opening = _FENCE.match(rest)
    if opening is None:
        raise FrontMatterError(  # its class's own code: no-front-matter
            "no front matter: the text must start with a '---' line",
            line=1,
            column=1,
        )
    # A fence without a line break ends the text: no closing fence follows,
    # and the loop below finds none.
    newline = opening.group(1)
    head = rest[: opening.end()]
    start = opening.end()
    for at in _dashes_lines(rest, start):
        closing = _FENCE.match(rest, at)
        if closing is not None:
            return Split(
                bom=bom,
                head=head,
                yaml=rest[start:at],
                tail=closing.group(0),
                body=rest[closing.end() :],
                newline=newline,
            )
        after = rest[at + 3 : at + 4]
        if after in (" ", "\t"):
            # "--- text": a document marker with content, never valid inside
            # front matter, so it is a closing fence with junk after it.
            line = line_column(rest, at)[0]
            raise FrontMatterError(
                "the closing '---' fence has text after it",
                code="fence-trailing-text",
                line=line,
                column=4,
            )
    raise FrontMatterError(
        "front matter is not closed: no '---' line after the opening one",
        code="unclosed-front-matter",
        line=1,
        column=1,
    )


def _dashes_lines(text: str, start: int) -> Iterator[int]:
    """Offsets of lines that begin with ``---`` (candidate closing fences).

    ``start`` begins a line. A lone CR ends a line too, as it does for YAML.
    ``str.find`` rather than a regex: this runs over every item's YAML.
    """
    at = text.find("---", start)
    while at != -1:
        if at == start or text[at - 1] in "\n\r":
            yield at
        at = text.find("---", at + 1)
