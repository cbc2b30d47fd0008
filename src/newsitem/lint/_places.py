"""Where a text rule may fire, found in the text of the front matter at once.

Every string a text rule flags (``mojibake``, ``html-entity``, ``markup``)
holds an ``&``, a ``<``, or the reading of a UTF-8 lead byte followed by a
continuation byte (what ``_text.mojibake`` asks for before it calls ftfy).
A value read from a text holds such a thing only where its text does: in
its characters as written, across a line it folds (a lead byte's reading at
the end of a line, before a space, a tab or the line break), or by an escape
(a ``\\``). So one scan of the text finds every *place* a rule may fire, and
the offsets recorded at load (``_located``) say which values hold them: the
rules look at those values and at no other (titles aside: the whitespace
rule looks at every title). Aliases repeat a value at another path, so a
text with a ``*`` is not used this way. A front matter with no place and no
alias needs no offsets at all (:func:`offsets_wanted`): lint reads it for its
values alone, and looks at its titles only.

The same scan, with a space alone after the six leads, is ``mojibake``'s
prefilter on one string (:func:`has_pair`). Both run in C where the native
build is installed (``_native.places``); in Python, the scan runs on the
UTF-8 bytes of the text, where every pair starts with the byte ``0xC3`` (the
lead readings are U+00C2 to U+00F4), so the regex engine skips to it.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any, cast

from newsitem._located import Located, Spot

__all__ = [
    "CONTINUATIONS",
    "SPACED_LEADS",
    "has_pair",
    "holders",
    "offsets_wanted",
    "places",
    "pure_places",
]

# UTF-8 read as Windows-1252 or Latin-1 always holds the reading of a lead
# byte (0xC2-0xF4, the same letters in both codecs) followed by the reading
# of a continuation byte (0x80-0xBF). Text without such a pair cannot be that
# mojibake, and is not handed to ftfy (which costs far more than this test).
# Some tools turn the byte 0xA0 into a space: ftfy restores those, so a space
# after the lead bytes it knows for that counts too.
LEADS = "".join(chr(code) for code in range(0xC2, 0xF5))
CONTINUATIONS = "".join(
    sorted(
        {bytes([byte]).decode("latin-1") for byte in range(0x80, 0xC0)}
        | {bytes([byte]).decode("cp1252", "ignore") for byte in range(0x80, 0xC0)}
    )
)
SPACED_LEADS = "\xc2\xc3\xc5\xce\xd0\xd9"
_SUSPECT = re.compile(f"[{LEADS}][{re.escape(CONTINUATIONS)}]|[{SPACED_LEADS}] ")

Path = tuple[Any, ...]


def _alternatives(chars: Iterable[str]) -> bytes:
    """One bytes regex matching the UTF-8 form of any of ``chars``, grouped by leading bytes."""
    by_head: dict[bytes, list[int]] = {}
    for char in sorted(set(chars)):
        encoded = char.encode("utf-8")
        by_head.setdefault(encoded[:-1], []).append(encoded[-1])
    parts = [
        re.escape(head) + b"[" + b"".join(re.escape(bytes([last])) for last in lasts) + b"]"
        for head, lasts in by_head.items()
    ]
    return b"(?:" + b"|".join(parts) + b")"


# What _text.mojibake looks for, and the same lead readings before a folded
# line's space, tab or break: the pair in bytes.
_PAIR = re.compile(
    _alternatives(LEADS)
    + _alternatives(CONTINUATIONS)
    + b"|"
    + _alternatives(SPACED_LEADS)
    + b"[ \t\n]"
)
_MARKS = "&<\\"


# The native build (src/newsitem/_native.c) of places(); NEWSITEM_PURE=1 keeps to this module.
_native_places: Any = None
if os.environ.get("NEWSITEM_PURE", "") != "1":
    try:
        from newsitem._native import places as _native_places
    except ImportError:  # no compiler at install: the pure build alone
        _native_places = None

_BLANKS = " \t\n"  # after a lead, in a text: a folded line's space or break, or a tab
# The same in a front matter as written, before the reader makes every line break a "\n".
_WRITTEN_BLANKS = " \t\n\r"
_WRITTEN_PAIR = re.compile(
    _alternatives(LEADS)
    + _alternatives(CONTINUATIONS)
    + b"|"
    + _alternatives(SPACED_LEADS)
    + b"[ \t\n\r]"
)


def has_pair(text: str) -> bool:
    """Whether ``text`` (a value) holds a lead's reading before a continuation's, or
    one of the six before a space: what ``mojibake`` must find before it asks ftfy.
    """
    if _native_places is not None:
        return bool(_native_places(text, "", LEADS, CONTINUATIONS, SPACED_LEADS, " "))
    return _SUSPECT.search(text) is not None


def places(text: str) -> list[int]:
    """The offsets in ``text`` where a value's text may give a rule something to flag,
    in order (the ``&``, ``<`` and ``\\`` characters, and the start of each pair).
    """
    if _native_places is not None:
        found: list[int] = _native_places(text, _MARKS, LEADS, CONTINUATIONS, SPACED_LEADS, _BLANKS)
        return found
    return pure_places(text)


def offsets_wanted(front_matter: str) -> bool:
    """Whether lint may look up where the values of ``front_matter`` (as written) are:
    where it holds a place (see :func:`places`; a lead's reading before a ``\\r``
    counts) or an alias. Otherwise the text rules look at the titles alone, and
    only a finding asks for a position.
    """
    if "*" in front_matter:
        return True
    if _native_places is not None:
        return bool(
            _native_places(
                front_matter, _MARKS, LEADS, CONTINUATIONS, SPACED_LEADS, _WRITTEN_BLANKS
            )
        )
    if any(mark in front_matter for mark in _MARKS):
        return True
    return not front_matter.isascii() and (
        _WRITTEN_PAIR.search(front_matter.encode("utf-8", "surrogatepass")) is not None
    )


def pure_places(text: str) -> list[int]:
    """:func:`places` in Python alone."""
    found: list[int] = []
    for mark in _MARKS:  # str.find runs far faster than a regex over text that is not ASCII
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1)
    if not text.isascii():
        try:
            data = text.encode()  # the reader's copy when it has made one
        except UnicodeEncodeError:  # a lone surrogate, from a str given as it is
            data = text.encode("utf-8", "surrogatepass")
        pairs = [match.start() for match in _PAIR.finditer(data)]
        if pairs:
            found.extend(_characters(data, pairs))
    found.sort()
    return found


def _characters(data: bytes, offsets: list[int]) -> list[int]:
    """Byte offsets into the UTF-8 ``data`` as character offsets (``offsets`` in order)."""
    counted: list[int] = []
    chars = last = 0
    for offset in offsets:
        chars += len(data[last:offset].decode("utf-8", "surrogatepass"))
        counted.append(chars)
        last = offset
    return counted


def holders(located: Located) -> list[Path] | None:
    """The paths of the scalar values whose text holds one of :func:`places`.

    ``None`` when the text has an alias (whose value is written elsewhere).
    """
    source = located.source
    if "*" in source:
        return None
    offsets = places(source)
    found: list[Path] = []
    if offsets:
        _descend(located.root[3], (), offsets, found)
    return found


def _descend(table: Any, path: Path, offsets: list[int], found: list[Path]) -> None:
    pairs: Iterable[tuple[Any, Spot]] = (
        cast("dict[Any, Spot]", table).items()
        if type(table) is dict
        else enumerate(cast("list[Spot]", table))
    )
    last_place = offsets[-1]
    for key, spot in pairs:
        start = spot[0]
        if start > last_place:
            break  # the values are in the order of the text
        at = bisect_left(offsets, start)
        if at < len(offsets) and offsets[at] <= spot[1]:
            if spot[3] is None:
                found.append((*path, key))
            else:
                _descend(spot[3], (*path, key), offsets, found)
