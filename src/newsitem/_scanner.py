"""YAML 1.2 scalars: where each one ends in the text, and what it says.

The parser (``_parser``) finds the structure; the functions here read one
scalar each, from its first character: plain, single-quoted, double-quoted,
literal and folded, with the spec's line folding, escapes, chomping and
indentation rules. They work on the text with every line break made ``\\n``
(the parser's view) and return offsets into it. A scalar that breaks a rule
raises :class:`ScanError` with the offset of the problem.
"""

from __future__ import annotations

import re

__all__ = ["ScanError", "block_scalar", "double_quoted", "plain", "single_quoted"]


class ScanError(Exception):
    """A YAML syntax error at ``offset`` in the parser's text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def plain_run(flow: bool) -> str:
    """A regex for a plain scalar's line from its first character.

    ``": "`` and ``" #"`` end it, and in flow context the flow indicators
    too; trailing blanks are left out. It is written as words (a ":" inside a
    word only before a non-blank) separated by blanks, so that each run of
    characters is taken in one step and a failing match backtracks little.
    """
    stop = " \\t\\n,\\[\\]{}" if flow else " \\t\\n"
    word = f"(?:[^{stop}:#]|:(?=[^{stop}]))[^{stop}:]*(?::(?=[^{stop}])[^{stop}:]*)*"
    return f"{word}(?:[ \\t]+{word})*"


PLAIN_BLOCK = re.compile(plain_run(False))
PLAIN_FLOW = re.compile(plain_run(True))
INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
SPACE = frozenset(" \t\n")
FLOW_INDICATORS = frozenset(",[]{}")
# Blank lines, then the indentation of the next line.
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*( *)")
_SPACES = re.compile(r" *")
_WHITE = re.compile(r"[ \t]*")


def plain_first(text: str, at: int, flow: bool) -> bool:
    """Whether a plain scalar may start at ``text[at]``."""
    char = text[at : at + 1]
    if not char or char in SPACE:
        return False
    if char not in INDICATORS:
        return True
    if char not in "-?:":
        return False
    after = text[at + 1 : at + 2]
    return bool(after) and after not in SPACE and not (flow and after in FLOW_INDICATORS)


def _document_marker(text: str, at: int) -> bool:
    """Whether a ``---`` or ``...`` line starts at the line start ``at``."""
    return text.startswith(("---", "..."), at) and text[at + 3 : at + 4] in ("", " ", "\t", "\n")


def plain(text: str, at: int, indent: int, flow: bool) -> tuple[str, int]:
    """A plain scalar from ``at`` (a valid first character): its value and end.

    Continuation lines must be indented more than ``indent``; a comment line,
    a document marker or a less indented line ends the scalar.
    """
    run = PLAIN_FLOW if flow else PLAIN_BLOCK
    # a valid first character is a word of the run on its own: the match never fails
    end = run.match(text, at).end()  # type: ignore[union-attr]
    if text[end : end + 1] != "\n" and _WHITE.match(text, end).end() != text.find("\n", end):  # type: ignore[union-attr]
        return text[at:end], end  # the common case: the line goes on (": ", " #", ",")
    value = text[at:end]
    parts: list[str] = []
    while True:
        eol = _WHITE.match(text, end).end()  # type: ignore[union-attr]
        if text[eol : eol + 1] != "\n":
            break
        blank = _BLANK_LINES.match(text, eol + 1)
        line = blank.start(1)  # type: ignore[union-attr]
        start = _WHITE.match(text, line).end()  # type: ignore[union-attr]
        if blank.end(1) - line <= indent or _document_marker(text, line):  # type: ignore[union-attr]
            break
        # The run does not start at what cannot go on: the end of the text, a
        # comment, ": " (or ":" before a flow indicator, or one, in flow context).
        more = run.match(text, start)
        if more is None:
            break
        new_end = more.end()
        breaks = text.count("\n", eol, line) - 1
        parts.append("\n" * breaks if breaks else " ")
        parts.append(text[start:new_end])
        end = new_end
    if parts:
        value += "".join(parts)
    return value, end


def single_quoted(text: str, at: int, indent: int) -> tuple[str, int]:
    """A single-quoted scalar from its opening quote: its value and end."""
    close = at + 1
    while True:
        close = text.find("'", close)
        if close == -1:
            raise ScanError("a single-quoted scalar is not closed", at)
        if text.startswith("''", close):
            close += 2
            continue
        break
    raw = text[at + 1 : close]
    if "\n" in raw:
        _check_lines(text, at, close, indent)
        raw = _fold(raw)
    return raw.replace("''", "'"), close + 1


def _check_lines(text: str, at: int, close: int, indent: int) -> None:
    """Continuation lines of a quoted scalar: indented, and no document marker.

    Every line after a break, the one holding the closing quote included, is
    indented more than ``indent`` (YAML 1.2's ``s-flow-line-prefix(n+1)``);
    only a line with nothing but blanks (an empty line of the fold) may be
    indented less.
    """
    line = text.find("\n", at, close)
    while line != -1:
        line += 1
        if _document_marker(text, line):
            raise ScanError("a document marker inside a quoted scalar", line)
        spaces = _SPACES.match(text, line).end() - line  # type: ignore[union-attr]
        # (blanks never run past the closing quote: ``white <= close``)
        white = _WHITE.match(text, line).end()  # type: ignore[union-attr]
        if spaces <= indent and text[white] != "\n":
            raise ScanError("a quoted scalar's line is not indented enough", white)
        line = text.find("\n", line, close)


_FOLD = re.compile(r"[ \t]*\n((?:[ \t]*\n)*)[ \t]*")


def _fold_break(match: re.Match[str]) -> str:
    empty = match.group(1)
    return "\n" * empty.count("\n") if empty else " "


def _fold(raw: str) -> str:
    return _FOLD.sub(_fold_break, raw)


_DOUBLE_SIMPLE = re.compile(r'[^"\\\n]*"')
_DOUBLE_END = re.compile(r'(?:[^"\\]|\\.)*"', re.DOTALL)
_DOUBLE_PART = re.compile(
    r"\\(?:(\n[ \t]*((?:\n[ \t]*)*))|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))"
    r"|[ \t]*\n((?:[ \t]*\n)*)[ \t]*",
    re.DOTALL,
)
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}
_SURROGATE = re.compile("[\ud800-\udfff]")


def double_quoted(text: str, at: int, indent: int) -> tuple[str, int]:
    """A double-quoted scalar from its opening quote: its value and end."""
    simple = _DOUBLE_SIMPLE.match(text, at + 1)
    if simple is not None:
        return text[at + 1 : simple.end() - 1], simple.end()
    match = _DOUBLE_END.match(text, at + 1)
    if match is None:
        raise ScanError("a double-quoted scalar is not closed", at)
    close = match.end() - 1
    raw = text[at + 1 : close]
    if "\n" in raw:
        _check_lines(text, at, close, indent)
    base = at + 1

    def part(m: re.Match[str]) -> str:
        escaped_break, empty, x, u, big, char, folded = m.groups()
        if escaped_break is not None:
            return "\n" * empty.count("\n")
        if folded is not None:
            return "\n" * folded.count("\n") if folded else " "
        code = x or u or big
        if code is not None:
            number = int(code, 16)
            if number > 0x10FFFF:
                raise ScanError(f"the escape \\{m.group(0)[1:]} is past U+10FFFF", base + m.start())
            return chr(number)
        if char in _ESCAPES:
            return _ESCAPES[char]
        at = base + m.start() + 1
        if char in _HEX_LENGTH:
            at += 1
            message = f"the escape \\{char} needs {_HEX_LENGTH[char]} hexadecimal digits"
            raise ScanError(message, at)
        raise ScanError(f"unknown escape \\{char}", at)

    value = _DOUBLE_PART.sub(part, raw)
    if _SURROGATE.search(value):
        try:
            value = value.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeDecodeError:
            raise ScanError(
                "an escape makes a lone surrogate, which is not a character", at
            ) from None
    return value, close + 1


_HEADER_START = re.compile(r"[|>][-+1-9]*")
_HEADER = re.compile(r"([|>])(?:([1-9])([-+]?)|([-+])([1-9]?))?([ \t]+(?:#[^\n]*)?)?(?=\n|\Z)")


def block_scalar(text: str, at: int, indent: int) -> tuple[str, str, int, int]:
    """A literal or folded scalar from its ``|``/``>``: value, style, end, next line.

    ``indent`` is the indentation of the node it belongs to; the content is
    indented more. ``end`` is the end of the last non-blank line (with ``+``
    chomping, the start of the line after the last line break kept); the next
    line is where the parser goes on.
    """
    header = _HEADER.match(text, at)
    if header is None:
        bad = _HEADER_START.match(text, at).end()  # type: ignore[union-attr]
        raise ScanError("invalid block scalar header", bad)
    style, digit1, chomp1, chomp2, digit2, _ = header.groups()
    digit = digit1 or digit2
    chomp = chomp1 or chomp2
    size = len(text)
    pos = min(header.end() + 1, size)
    if digit:
        content_indent = max(indent, 0) + int(digit)
    else:  # the first non-empty line's indentation
        probe, widest = pos, 0
        while probe < size:
            spaces = _SPACES.match(text, probe).end() - probe  # type: ignore[union-attr]
            eol = text.find("\n", probe)
            eol = size if eol == -1 else eol
            if probe + spaces != eol:
                if spaces < widest:
                    raise ScanError(
                        "a leading blank line of a block scalar has more spaces than its text",
                        probe,
                    )
                content_indent = max(spaces, indent + 1)
                break
            widest = max(widest, spaces)
            probe = eol + 1
        else:  # no text at all: every line is empty
            content_indent = max(widest, indent + 1)
    lines: list[str] = []
    line = pos
    last_text_end = header.end()
    body_count = 0
    while line < size:
        if content_indent == 0 and _document_marker(text, line):
            break
        eol = text.find("\n", line)
        eol = size if eol == -1 else eol
        spaces = _SPACES.match(text, line, eol).end() - line  # type: ignore[union-attr]
        if spaces >= content_indent:
            content = text[line + content_indent : eol]
            lines.append(content)
            if content:
                body_count = len(lines)
                stripped = len(text[line:eol].rstrip(" \t"))
                # a line of blanks past the indentation is text too: it ends there
                last_text_end = line + stripped if stripped > content_indent else eol
        elif line + spaces == eol:
            lines.append("")
        elif not text[line:eol].strip(" \t"):
            raise ScanError("a tab where a block scalar's indentation is", line + spaces)
        else:
            break
        line = eol + 1
    line = min(line, size)
    body = lines[:body_count]
    trailing = len(lines) - body_count
    value = "\n".join(body) if style == "|" else _fold_block(body)
    if body and chomp != "-":
        value += "\n"
    if chomp == "+":
        value += "\n" * trailing
        end = line
    else:
        end = last_text_end
    return value, style, end, line


def _fold_block(lines: list[str]) -> str:
    """Folded content: lines of text joined by spaces, more-indented lines kept."""
    out: list[str] = []
    previous_text = False  # the previous line was a (not more-indented) text line
    pending = 0  # line breaks not yet written
    for line in lines:
        if not line:
            pending += 1
            continue
        more = line[0] in " \t"
        if out:
            if previous_text and not more:
                out.append("\n" * pending if pending else " ")
            else:
                out.append("\n" * (pending + 1))
        else:
            out.append("\n" * pending)
        pending = 0
        out.append(line)
        previous_text = not more
    return "".join(out)
