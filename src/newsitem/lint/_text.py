"""The rules on text: mojibake, html-entity, markup, whitespace.

Each rule takes a string and returns ``None`` when it finds nothing, or a
:class:`Problem`: what is wrong and, for the rules that can fix it, the
repaired string. Rules run on a value in this order, each on the repair of
the one before, so that a title with mojibake and a stray space reads the
same to ``check`` and ``fix``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._places import CONTINUATIONS, has_pair

__all__ = [
    "TEXT_RULES",
    "Problem",
    "odd_spacing",
    "require_ftfy",
    "suspect",
]


@dataclass(frozen=True, slots=True)
class Problem:
    message: str
    repaired: str | None = None


# -- mojibake ---------------------------------------------------------------

_INSTALL = (
    "the mojibake rule needs ftfy: install it with pip install 'newsitem[lint]' "
    "(or leave the rule out with --ignore mojibake)"
)

_ftfy: Any = None  # the module and its configuration, imported on first need
_config: Any = None


def require_ftfy() -> None:
    """Import ftfy, or raise ModuleNotFoundError saying which extra installs it."""
    global _ftfy, _config
    if _ftfy is not None:
        return
    try:
        import ftfy
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(_INSTALL, name="ftfy") from exc
    # Only the encoding repair: every other fix ftfy knows (quotes, ligatures,
    # width, HTML, line breaks, control characters, normalisation) is off, so
    # the repaired text is the text as it was before it was mangled.
    _config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    _ftfy = ftfy


def _unlikely(fixed: str, text: str) -> bool:
    """Whether a repair gives characters no text is written with: private-use,
    unassigned or control characters, or U+FFFD, that were not there before. Real text
    decoded wrongly comes back as real characters; strings that only look
    like mojibake ("ïœ" in a made-up word) decode to such characters.
    """
    new = set(fixed) - set(text)
    return "\ufffd" in new or any(
        unicodedata.category(char) in _NOT_TEXT for char in new if not char.isascii()
    )


_NOT_TEXT = frozenset({"Co", "Cn", "Cc", "Cs"})

_CODECS = {"sloppy-windows-1252": "Windows-1252", "latin-1": "Latin-1"}


def mojibake(text: str) -> Problem | None:
    if text.isascii() or not has_pair(text):
        return None  # what ftfy would say too, at a fraction of its cost (a test holds it)
    return repaired_mojibake(text)


def repaired_mojibake(text: str) -> Problem | None:
    """:func:`mojibake` without its prefilter: what ftfy finds and repairs."""
    require_ftfy()
    fixed, steps = _fixed_encoding(text)
    if fixed == text or _unlikely(fixed, text):
        return None
    encodings = [name for step, name in steps if step == "encode"]
    if any(name not in _CODECS for name in encodings):
        return None  # another codec (Mac Roman, cp437...): a guess, and not this rule's
    codecs = [_CODECS[name] for name in encodings]
    how = f"UTF-8 read as {codecs[0]}" if codecs else "UTF-8 read with the wrong codec"
    if len(codecs) > 1:
        how += f", {len(codecs)} times over"
    return Problem(f"{how}: {_change(text, fixed)}", fixed)


# ftfy costs about half a microsecond a character, and most of a long string
# is ASCII that mojibake never touches. Its tests and repairs look at a few
# characters around each non-ASCII one (its longest pattern spans 7; a run of
# mojibake it decodes holds at most 3 ASCII characters in a row), and test
# whether the text fits a codec, which ASCII always does. So a long run of
# ASCII is cut to its two ends before ftfy looks, and the plan it finds is
# applied to the whole text. A repair that does not come out the same when
# cut is asked for again on the whole text.
_CONTEXT = 16
_LONG_ASCII = re.compile(f"[\\x00-\\x7f]{{{2 * _CONTEXT + 1},}}")


def _cut(match: re.Match[str]) -> str:
    start, end = match.span()
    run = match.group()
    # At an end of the text a run has a neighbour on one side only.
    head = run[:_CONTEXT] if start > 0 else ""
    tail = run[-_CONTEXT:] if end < len(match.string) else ""
    return head + tail


def shrunk(text: str) -> str:
    """``text`` with each run of ASCII longer than twice the context cut to its ends."""
    return _LONG_ASCII.sub(_cut, text)


def _fixed_encoding(text: str) -> tuple[str, list[tuple[str, str]]]:
    """What ``ftfy.fix_encoding_and_explain`` gives for ``text``: the text and the steps."""
    small = shrunk(text)
    if len(small) == len(text) or small.isascii():
        return _explained(text)
    fixed_small, steps = _explained(small)
    if not steps:
        return text, steps
    try:
        fixed: str = _ftfy.apply_plan(text, steps)
    except (UnicodeError, ValueError):
        return _explained(text)
    return (fixed, steps) if shrunk(fixed) == fixed_small else _explained(text)


def _explained(text: str) -> tuple[str, list[tuple[str, str]]]:
    fixed, steps = _ftfy.fix_encoding_and_explain(text, _config)
    return fixed, [(step, name) for step, name in steps]


# -- html-entity ------------------------------------------------------------

# Character references with their semicolon only: "AT&T" and "R&D" stay text.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescape(match: re.Match[str]) -> str:
    return html.unescape(match.group())


def html_entity(text: str) -> Problem | None:
    if "&" not in text:
        return None
    fixed = _REFERENCE.sub(_unescape, text)  # once: "&amp;amp;" becomes "&amp;"
    if fixed == text:  # only names HTML does not define, such as "&foo;"
        return None
    found = [m.group() for m in _REFERENCE.finditer(text) if html.unescape(m.group()) != m.group()]
    return Problem(f"HTML character reference {_list(found)}: {_change(text, fixed)}", fixed)


# -- markup -----------------------------------------------------------------

# The elements of HTML, so that "a <b> c" is a tag and "x<y and z>w" or
# "List<T>" are not.
_ELEMENT_NAMES = (
    "a abbr address area article aside audio b bdi bdo blockquote body br button canvas "
    "caption cite code col colgroup data dd del details dfn dialog div dl dt em embed "
    "fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i "
    "iframe img input ins kbd label legend li link main map mark meta meter nav noscript "
    "object ol optgroup option output p picture pre progress q rp rt ruby s samp script "
    "section select small source span strong style sub summary sup svg table tbody td "
    "template textarea tfoot th thead time title tr track u ul var video wbr center big tt "
)
_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
_TAG = re.compile(
    rf"</?(?:{'|'.join(sorted(_ELEMENTS, key=len, reverse=True))})(?:\s[^<>]*)?/?>|<!--",
    re.IGNORECASE,
)


def markup(text: str) -> Problem | None:
    if "<" not in text:
        return None
    found = [m.group() for m in _TAG.finditer(text)]
    if not found:
        return None
    return Problem(f"HTML markup {_list(found)}")


# -- whitespace -------------------------------------------------------------

_NO_BREAK = {"\u00a0": "no-break space", "\u2007": "figure space", "\u202f": "narrow no-break"}
_ZERO_WIDTH = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "zero-width"}
# The control characters (category Cc), no-break and zero-width spaces.
_ODD_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u00a0\u2007\u202f\u200b\u2060\ufeff]")
_ODD = re.compile(f"{_ODD_CHAR.pattern}|  |^ | $")


def whitespace(text: str) -> Problem | None:
    if _ODD.search(text) is None:
        return None
    found: list[str] = []
    if text[:1] == " ":
        found.append("a leading space")
    if text[-1:] == " ":
        found.append("a trailing space")
    if "  " in text:
        found.append("a run of spaces")
    odd = dict.fromkeys(_ODD_CHAR.findall(text))
    for char in odd:
        name = _NO_BREAK.get(char) or _ZERO_WIDTH.get(char) or "control character"
        found.append(f"a {name} (U+{ord(char):04X})")
    # translate() looks each character up: only worth it where there is one to change.
    return Problem(", ".join(found), _clean(text.translate(_CLEAN) if odd else text))


# Spacing controls and no-break spaces become a space, other controls and
# zero-width spaces go; then runs of spaces are one, and the ends trimmed.
_SPACING = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85"
_CLEAN: dict[int, str | None] = {
    **dict.fromkeys((*range(0x20), *range(0x7F, 0xA0))),
    **{ord(char): " " for char in (*_SPACING, *_NO_BREAK)},
    **{ord(char): None for char in _ZERO_WIDTH},
}
_RUN = re.compile(" {2,}")


def _clean(text: str) -> str:
    """``text`` with its runs of spaces made one, and its ends trimmed."""
    return _RUN.sub(" ", text).strip(" ")


# -- helpers ----------------------------------------------------------------


def _list(found: list[str]) -> str:
    unique = list(dict.fromkeys(found))
    shown = ", ".join(repr(text) for text in unique[:3])
    return shown + (f" and {len(unique) - 3} more" if len(unique) > 3 else "")


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix (by halving: the comparisons run in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _change(old: str, new: str, context: int = 12) -> str:
    """``'old' should read 'new'``: the part that changes, with a little context."""
    start = _common_prefix(old, new)
    end = _common_prefix(old[start:][::-1], new[start:][::-1])
    lo = max(0, start - context)

    def part(text: str) -> str:
        hi = min(len(text), len(text) - end + context)
        return ("..." if lo else "") + text[lo:hi] + ("..." if hi < len(text) else "")

    return f"{part(old)!r} should read {part(new)!r}"


# The readings of a lead byte followed by a continuation byte (or a space),
# as one pair of character classes: what mojibake must hold, tested fast.
_PAIR = re.compile(
    "[\xc2-\xf4][\x80-\xbf "
    + re.escape("".join(sorted(set(CONTINUATIONS) - set(map(chr, range(0x80, 0xC0))))))
    + "]"
)


def suspect(text: str, title: bool) -> bool:
    """Whether any text rule may flag ``text`` (a title when ``title``): most text is not.

    A superset of what the rules test, in the cheapest order: an ``&`` or a
    ``<``; a lead-and-continuation pair in non-ASCII text; in a title, a
    character that is not printable (controls, no-break and zero-width
    spaces), a double space or an edge space.
    """
    if "&" in text or "<" in text:
        return True
    if not text.isascii() and _PAIR.search(text) is not None:
        return True
    return title and odd_spacing(text)


def odd_spacing(text: str) -> bool:
    """Whether the whitespace rule may flag the title ``text``: a character that is not
    printable (controls, no-break and zero-width spaces), a double space or an edge space.
    """
    return "  " in text or text[:1] == " " or text[-1:] == " " or not text.isprintable()


# The text rules in the order they run on a value, with the fields they look
# at: None for every text field, else the roles (see _walk.Slot.role).
TextRule = tuple[str, Callable[[str], "Problem | None"], "frozenset[str] | None"]
TEXT_RULES: tuple[TextRule, ...] = (
    ("mojibake", mojibake, None),
    ("html-entity", html_entity, None),
    ("whitespace", whitespace, frozenset({"title"})),
    ("markup", markup, frozenset({"title", "excerpt"})),
)
