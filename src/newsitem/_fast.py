"""The fast read path: values only, from a native parser, when it is safe.

With the ``fast`` extra installed, ``yaml-rs`` (a YAML 1.2 parser in Rust)
builds the values of ordinary front matter about ten times faster than the
full path. It gives no positions or styles, so the source tree is composed
only when an edit or an error needs it.

yaml-rs differs from the full path on a few constructs (it reads ``1_000``
and ``0b101`` as integers, quoted dates as dates, naive timestamps as naive
datetimes; it ignores tags; it does not share alias values). Texts that hold
any of them, or anything else outside the plainest YAML, go to the full path:
``values`` returns ``None``. A differential test holds the two paths to the
same values on every fixture and corpus file.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from ._yaml import ADJACENT_VALUE, LONE_CR, SHORT_BLANK_FIRST_LINE
from .limits import DEFAULT_LIMITS, Limits

_loads: Any
try:
    _loads = importlib.import_module("yaml_rs").loads
except ImportError:  # the "fast" extra is not installed
    _loads = None

# The guard looks for rare trigger characters, then at each one's context in
# Python: a regex per construct would cost more than yaml-rs's whole parse.
_TRIGGERS = re.compile(r"[\t!&*?<{_]")
_RADIX = re.compile(r"0[bBoOxX]")
_DATE_MIDDLE = re.compile(r"-[0-9][0-9]?-[0-9]")  # "-09-2" in 2021-09-27
_SAFE_DATE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2}))?\Z"
)
_TIME_TAIL = re.compile(r"(?:[Tt]|[ \t]+)[0-9][0-9:.]*(?:[ \t]*(?:Z|[-+][0-9:]+))?")
_TOKEN_START = frozenset(" \n\r[{,")
# Characters YAML does not allow in a document (the full parser refuses them;
# yaml-rs keeps them), and the ones the two read differently: NEL, which
# ruamel.yaml takes for a line break, the line and paragraph separators, and a
# byte-order mark, which starts a stream inside the front matter.
_ODD_CHARACTER = re.compile(
    r"[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# Escapes of UTF-16 surrogates ("\ud83d"), which the full path joins in pairs
# and refuses alone.
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
# In flow lists, yaml-rs takes "|" and ">" as the start of a plain scalar
# ("[| b]", which YAML refuses) and "b:" before "]" or "," as a mapping.
_FLOW_ODD = re.compile(r"[\[,][ \t\r\n]*[|>]|:[\]},]")
# ".nan" may be a key, and two NaN keys are one duplicate key to the full path
# but two keys to yaml-rs: such texts take the full path.
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
# A block scalar header on the last line: yaml-rs reads the empty scalar as "\n".
_BLOCK_HEADER = re.compile(r"[^\n]*[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\Z")
_SIGNS = frozenset("+-")


def available() -> bool:
    """Whether the fast parser is installed."""
    return _loads is not None


def _at_token_start(text: str, at: int) -> bool:
    """Whether ``text[at]`` starts a token (a sign before it allowed)."""
    if text[at - 1] in _SIGNS:
        at -= 1
    return text[at - 1] in _TOKEN_START


def _has_trigger(text: str) -> bool:
    """Tabs, merge keys, flow mappings, tags, anchors, aliases, ``?`` keys, ``1_000``."""
    for match in _TRIGGERS.finditer(text):
        char, at = match.group(0), match.start()
        if char == "\t":
            return True  # the parsers disagree on where tabs may stand
        if char == "<":
            if text.startswith("<<", at):
                return True
        elif char == "{":
            if text[at + 1 :].lstrip(" \r\n")[:1] != "}":
                return True  # a flow mapping that is not empty
        elif char == "_":
            start = at
            while text[start - 1] not in _TOKEN_START and text[start - 1] not in ":":
                start -= 1
            token = text[start:at].lstrip("+-")
            if token == "" or token.replace("_", "").isdigit():
                return True  # "_1", "1_000": numbers to yaml-rs, text to YAML 1.2
        elif _at_token_start(text, at):
            return True  # "!tag", "&anchor", "*alias", "? key"
    return False


def _has_radix(text: str) -> bool:
    """``0b101``, ``0O17``, ``-0x1F``: integers to yaml-rs, text to YAML 1.2."""
    return any(_at_token_start(text, m.start()) for m in _RADIX.finditer(text))


def _has_odd_date(text: str) -> bool:
    """A date or timestamp outside the two shapes both paths read alike, or quoted."""
    for match in _DATE_MIDDLE.finditer(text):
        start = match.start() - 4
        if start < 1 or not text[start : match.start()].isdigit():
            continue
        if text[start - 1] in "'\"":
            return True  # a quoted date: a date to yaml-rs
        if text[start - 1] not in _TOKEN_START:
            continue
        end = match.end()
        while end < len(text) and text[end].isdigit():
            end += 1
        tail = _TIME_TAIL.match(text, end)
        token = text[start : tail.end() if tail else end]
        if not _SAFE_DATE.match(token):
            return True
    return False


def _may_be_deep(text: str, max_depth: int) -> bool:
    """Whether the nesting could reach ``max_depth``, so the full path must check it.

    Each level of block nesting takes at least one column of indentation or a
    ``- `` (``- - - x``), and each flow level a ``[`` or ``{`` (only empty
    flow mappings come here), so the depth is at most the widest run of those
    at the start of a line plus the number of brackets.
    """
    room = max_depth - 1 - text.count("[") - text.count("{")
    return room <= 0 or re.search(f"\n[ -]{{{room}}}", text) is not None


def _has_odd_line(text: str) -> bool:
    """Document markers and directives (``...``, ``%YAML``; the fence split took
    the ``---`` lines), or a block scalar header on the last line."""
    if "\n..." in text or ("%" in text and "\n%" in text):
        return True
    stripped = text.rstrip()
    return _BLOCK_HEADER.match(stripped, stripped.rfind("\n") + 1) is not None


def values(yaml: str, limits: Limits = DEFAULT_LIMITS) -> dict[Any, Any] | None:
    """The front matter's values, or ``None`` when the full path must read it.

    Texts that could reach a limit go to the full path too, which enforces
    the limits with positions (and never recurses natively on deep input).
    """
    if _loads is None or len(yaml) > limits.max_nodes:
        return None
    text = "\n" + yaml
    if (
        _may_be_deep(text, limits.max_depth)
        or _ODD_CHARACTER.search(yaml)
        or ("\\" in yaml and _SURROGATE_ESCAPE.search(yaml))
        or ("[" in yaml and (_FLOW_ODD.search(yaml) or ADJACENT_VALUE.search(yaml)))
        or (("|" in yaml or ">" in yaml) and SHORT_BLANK_FIRST_LINE.search(yaml))
        or ("\r" in yaml and LONE_CR.search(yaml))
        or _NAN.search(yaml)
        or _has_odd_line(text)
        or _has_trigger(text)
        or _has_radix(text)
        or _has_odd_date(text)
    ):
        return None
    try:
        data = _loads(yaml)
    except Exception:
        return None
    if not isinstance(data, dict):  # None too: "~" is not a mapping, "" is an empty one
        return None
    mapping: dict[Any, Any] = data  # pyright: ignore[reportUnknownVariableType]
    return mapping
