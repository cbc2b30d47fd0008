"""A YAML 1.2 parser: the structure of the text, told straight to a composer.

The text is read line by line, with regexes for the runs of characters in
between: block mappings and sequences by their indentation, flow collections
by their brackets, scalars by ``_scanner``. Instead of events, the parser
calls the composer's methods (``scalar``, ``plain``, ``alias``, ``open``,
``close``, ``key_of_last``, ``document``) with offsets into the text.

The text it reads has every line break made ``\\n`` (``normalized``): YAML
treats ``\\r\\n``, ``\\r`` and ``\\n`` alike, and offsets are mapped back by
the caller. Anything the spec does not allow raises ``ScanError`` at the
offset of the problem.
"""

from __future__ import annotations

import re
from typing import Protocol

from ._scanner import (
    ScanError,
    block_scalar,
    double_quoted,
    plain,
    plain_first,
    plain_run,
    single_quoted,
)

__all__ = ["Sink", "normalized", "parse"]

_CORE = "tag:yaml.org,2002:"


class Sink(Protocol):
    """What the parser tells: the composer's side of the conversation."""

    def plain(self, value: str, start: int, end: int) -> None: ...

    def scalar(
        self,
        value: str,
        start: int,
        end: int,
        style: str | None,
        anchor: str | None,
        tag: str | None,
        properties: int,
    ) -> None: ...

    def alias(self, name: str, start: int, end: int) -> None: ...

    def open(
        self, mapping: bool, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None: ...

    def close(self, end: int) -> None: ...

    def key_of_last(
        self, flow: bool, start: int, anchor: str | None, tag: str | None, at: int
    ) -> None: ...

    def entry(
        self,
        key: str,
        key_start: int,
        key_end: int,
        value: str,
        start: int,
        end: int,
        style: str | None,
    ) -> None: ...

    def item(self, value: str, start: int, end: int, style: str | None) -> None: ...

    def document(self, start: int) -> None: ...


_LINE_BREAKS = re.compile(r"\r\n?")


def normalized(text: str) -> str:
    """``text`` with each ``\\r\\n`` and lone ``\\r`` made one ``\\n``."""
    return _LINE_BREAKS.sub("\n", text) if "\r" in text else text


# Blank and comment lines (the last may end the text without a line break,
# a comment or blanks alone), then the spaces of the next line (group 1).
_SKIP = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*(?:[ \t]*(?:#[^\n]*)?\Z)?( *)")
# Spaces and tabs, then a comment, up to the line break.
_REST = re.compile(r"[ \t]*(?:#[^\n]*)?")
_WHITE = re.compile(r"[ \t]*")
# Separation in flow context: blanks, line breaks, comments.
_FLOW_SKIP = re.compile(r"(?:[ \t]|\n|(?<=[ \t\n])#[^\n]*|^#[^\n]*)*")
# The common block mapping key: plain, on one line, then ":" and a blank.
_PLAIN_FIRST = r"(?=[^\-?:,\[\]{}#&*!|>'\"%@` \t\n])"
_PLAIN_KEY = re.compile(f"({_PLAIN_FIRST}{plain_run(False)})" r"[ \t]*:(?=[ \t\n]|\Z)")
# The common lines, read whole by one match: ``key: value`` and ``- value``
# where the value is plain or quoted without escapes and ends its line
# (a comment may follow). Group "i" is the next line's indentation and "c"
# its first character, so that the next step needs no match of its own.
_VALUE = (
    f"(?:({_PLAIN_FIRST}{plain_run(False)})"
    r"|\"([^\"\\\n]*)\"|'([^'\n]*)'(?!'))"
    r"(?:[ \t]+#[^\n]*|[ \t]*)(?:\n(?=( *)(.?))|\Z)"
)
_FAST_ENTRY = re.compile(f"(?P<key>{_PLAIN_FIRST}{plain_run(False)})" r"[ \t]*: +" + _VALUE)
_FAST_ITEM = re.compile(r"- +" + _VALUE)
# A one-line quoted scalar or alias, then ":" and a blank: an implicit key.
_KEY_LOOKAHEAD = re.compile(
    r"(?:\"(?:[^\"\\\n]|\\[^\n])*\"|'(?:[^'\n]|'')*'|\*(?=([^ \t\n,\[\]{}]+))\1)"
    r"[ \t]*:(?=[ \t\n]|\Z)"
)
_FLOW_KEY_LOOKAHEAD = re.compile(r"[\]}][ \t]*:(?=[ \t]|\Z)")
_ANCHOR = re.compile(r"[^ \t\n,\[\]{}]+")
_TAG = re.compile(
    r"!(?:<([^>\s]*)>|([0-9A-Za-z-]*!)?((?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$_.~*'()])*))"
)
_URI = re.compile(r"(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])+\Z")
_NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_DIRECTIVE = re.compile(r"%([^ \t\n]*)([^\n#]*)")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")


def parse(text: str, sink: Sink) -> None:
    """Parse the YAML stream ``text`` (line breaks normalized) into ``sink``."""
    bad = _NOT_PRINTABLE.search(text, 1 if text.startswith("\ufeff") else 0)
    if bad is not None:
        char = bad.group(0)
        raise ScanError(f"the character U+{ord(char):04X} is not allowed in YAML", bad.start())
    _Parser(text, sink).stream()


def _marker(text: str, at: int) -> bool:
    """Whether a ``---`` or ``...`` line starts at ``at`` (a line start)."""
    return text.startswith(("---", "..."), at) and text[at + 3 : at + 4] in ("", " ", "\t", "\n")


class _Parser:
    __slots__ = ("handles", "pos", "sink", "size", "text")

    def __init__(self, text: str, sink: Sink) -> None:
        self.text = text
        self.size = len(text)
        self.sink = sink
        self.pos = 0
        self.handles: dict[str, str] = {}

    # -- helpers ---------------------------------------------------------

    def fail(self, message: str, at: int) -> ScanError:
        return ScanError(message, at)

    def column(self, at: int) -> int:
        start = self.text.rfind("\n", 0, at) + 1
        if start == 0 and self.text.startswith("\ufeff"):
            start = 1  # a byte order mark is no part of the first line's indentation
        return at - start

    def skip_lines(self) -> tuple[int, int]:
        """From a line start: past blank and comment lines. (content offset, indent)."""
        m = _SKIP.match(self.text, self.pos)
        at = m.end()  # type: ignore[union-attr]
        indent = at - m.start(1)  # type: ignore[union-attr]
        self.pos = m.start(1)  # type: ignore[union-attr]
        return at, indent

    def end_line(self, at: int) -> None:
        """After a node on its line: only blanks and a comment, then the next line."""
        text = self.text
        end = _REST.match(text, at).end()  # type: ignore[union-attr]
        # (no "#" can stop the match: _REST reads it as the start of a comment)
        if end < self.size and text[end] != "\n":
            raise self.fail(f"unexpected {text[end]!r} after a node", end)
        if "#" in text[at:end]:
            hash_at = text.index("#", at)
            if text[hash_at - 1] not in " \t":
                raise self.fail("a comment needs a blank before it", hash_at)
        self.pos = min(end + 1, self.size)

    # -- documents -------------------------------------------------------

    def stream(self) -> None:
        text, sink = self.text, self.sink
        if text.startswith("\ufeff"):
            self.pos = 1
        while True:
            at, indent = self.skip_lines()
            if at >= self.size:
                return
            directives = False
            directive_at = at
            if indent == 0 and text[at] == "%":
                self.directives()
                directives = True
                at, indent = self.skip_lines()
            if indent == 0 and text.startswith("---", at) and _marker(text, at):
                if not directives:
                    self.handles = {}
                sink.document(at)
                self.document_node(at + 3)
            elif directives:
                raise self.fail("directives must be followed by '---'", directive_at)
            elif indent == 0 and _marker(text, at):  # "...": "---" is read above
                self.end_line(at + 3)
                continue
            else:
                sink.document(at)
                self.pos = at
                self.node(-1, "root", at)
            at, indent = self.skip_lines()
            if at >= self.size:
                return
            if indent == 0 and _marker(text, at):
                continue  # the next document, or "...": read at the top
            raise self.fail("unexpected content after the document", at)

    def directives(self) -> None:
        text = self.text
        seen_yaml = False
        while True:
            at, indent = self.skip_lines()
            if at >= self.size or indent != 0 or text[at] != "%":
                return
            m = _DIRECTIVE.match(text, at)
            assert m is not None
            name, args = m.group(1), m.group(2).split()
            if name == "YAML":
                if seen_yaml:
                    raise self.fail("a second %YAML directive", at)
                seen_yaml = True
                if len(args) != 1 or not re.fullmatch(r"[0-9]+\.[0-9]+", args[0]):
                    raise self.fail("a %YAML directive needs one version such as 1.2", at)
                if args[0].split(".")[0] != "1":
                    raise self.fail(f"YAML version {args[0]} is not supported", at)
            elif name == "TAG":
                if len(args) != 2 or not re.fullmatch(r"!(?:[0-9A-Za-z-]*!)?", args[0]):
                    raise self.fail("a %TAG directive needs a handle and a prefix", at)
                self.handles[args[0]] = args[1]
            self.end_line(m.end())

    def document_node(self, after: int) -> None:
        """The node after ``---``: on its line (not a block collection) or below."""
        text = self.text
        at = _WHITE.match(text, after).end()  # type: ignore[union-attr]
        if at < self.size and text[at] not in "\n#":  # "---" and a blank, then the node
            self.node(-1, "document", at)
            return
        self.end_line(after)
        self.node_below(-1, "root", after)

    # -- block nodes -----------------------------------------------------

    def node(self, indent: int, context: str, after: int) -> None:
        """A block node after its indicator (``-``, ``?``, ``:``, ``---``) at ``after``.

        ``indent`` is the indentation of the collection the node is in.
        ``context``: "value" (after ``:``: no compact collection on the line),
        "entry" (after ``-``, ``?`` or an explicit ``:``), "root", "document".
        It reads from ``after`` (the root's first character) and leaves
        ``self.pos`` at the start of the next line.
        """
        text = self.text
        at = _WHITE.match(text, after).end()  # type: ignore[union-attr]
        # every indicator is followed by a blank, so a "#" here starts a comment
        if at >= self.size or text[at] in "\n#":
            self.end_line(at)
            self.node_below(indent, context, after)
            return
        # a compact collection on the line needs spaces after its indicator, not a tab
        inline_context = "value" if "\t" in text[after:at] else context
        if text[at] in "&!":
            anchor, tag, properties, at = self.properties(at, indent, flow=False)
            if at >= self.size or text[at] in "\n#":
                self.end_line(at)
                # an empty node with properties is placed right after them
                end_of_properties = at
                while text[end_of_properties - 1] in " \t":
                    end_of_properties -= 1
                self.node_below(indent, context, end_of_properties, anchor, tag, properties)
                return
        else:
            anchor = tag = None
            properties = at
        self.inline(indent, inline_context, at, anchor, tag, properties)

    def node_below(
        self,
        indent: int,
        context: str,
        after: int,
        anchor: str | None = None,
        tag: str | None = None,
        properties: int = -1,
    ) -> None:
        """The node on the lines after its indicator (and properties), or an empty node."""
        text = self.text
        at, spaces = self.skip_lines()
        char = text[at : at + 1]
        if at < self.size and not (spaces == 0 and _marker(text, at)):
            # A tab after the line's spaces is separation (s-separate-lines),
            # never indentation: what follows it cannot start a block
            # collection on that line.
            tab = char == "\t"
            if tab:
                at = _WHITE.match(text, at).end()  # type: ignore[union-attr]
                char = text[at]  # (a line of blanks alone was skipped)
            if char in "&!" and spaces > indent:
                line_anchor, line_tag, line_at, content = self.properties(at, indent, flow=False)
                alone = content >= self.size or text[content] in "\n#"
                if alone or tab:  # the node's properties, with any above
                    anchor, tag, properties = self.merged(
                        (anchor, tag, properties), (line_anchor, line_tag, line_at)
                    )
                    if alone:  # the node is on a later line, or empty
                        self.end_line(content)
                        # an empty node starts at its properties, so it is placed
                        # right after them, as on its indicator's line
                        end_of_properties = content
                        while text[end_of_properties - 1] in " \t":
                            end_of_properties -= 1
                        self.node_below(indent, context, end_of_properties, anchor, tag, properties)
                    else:  # after a tab, as any node on the line: no block collection
                        self.inline(indent, "value", content, anchor, tag, properties)
                    return
                self.inline(
                    spaces,
                    "entry",
                    content,
                    line_anchor,
                    line_tag,
                    line_at,
                    below=True,
                    parent=indent,
                    outer=(anchor, tag, properties),
                )
                return
            elif tab:
                if spaces > indent:
                    self.inline(indent, "value", at, anchor, tag, properties)
                    return
            else:
                sequence = char == "-" and text[at + 1 : at + 2] in ("", " ", "\t", "\n")
                if spaces > indent or (
                    spaces == indent and sequence and context in ("value", "explicit")
                ):
                    if sequence:
                        self.block_sequence(at, spaces, anchor, tag, properties)
                        return
                    self.inline(
                        spaces,
                        "entry",
                        at,
                        None,
                        None,
                        at,
                        below=True,
                        parent=indent,
                        outer=(anchor, tag, properties),
                    )
                    return
        start = after
        self.sink.scalar(
            "", start, start, None, anchor, tag, properties if anchor or tag else start
        )

    def merged(
        self,
        outer: tuple[str | None, str | None, int],
        inner: tuple[str | None, str | None, int],
    ) -> tuple[str | None, str | None, int]:
        """One node's properties written in two places."""
        if outer[0] is not None and inner[0] is not None:
            raise self.fail("a node has two anchors", inner[2])
        if outer[1] is not None and inner[1] is not None:
            raise self.fail("a node has two tags", inner[2])
        start = outer[2] if outer[0] is not None or outer[1] is not None else inner[2]
        return outer[0] or inner[0], outer[1] or inner[1], start

    def inline(
        self,
        indent: int,
        context: str,
        at: int,
        anchor: str | None,
        tag: str | None,
        properties: int,
        *,
        below: bool = False,
        parent: int = -2,
        outer: tuple[str | None, str | None, int] = (None, None, -1),
    ) -> None:
        """The content of a node starting at ``at`` (its properties on the line
        already read). It may be the first key of a compact block mapping or,
        ``below``, of a block mapping on the lines after its parent's
        indicator; ``outer`` then holds the properties written above it."""
        text, sink = self.text, self.sink
        char = text[at]
        has_properties = anchor is not None or tag is not None
        first = properties if has_properties else at
        column = first - self.pos if below else self.column(first)
        mapping_ok = below or context in ("entry", "explicit", "root")
        block_indent = parent if below else indent
        blank_after = text[at + 1 : at + 2] in ("", " ", "\t", "\n")
        if char == "-" and blank_after and mapping_ok:
            if has_properties:
                raise self.fail("a block sequence cannot start after properties on a line", at)
            # (properties above a list reach block_sequence from node_below)
            self.block_sequence(at, column, None, None, at)
            return
        if not below or outer[2] < 0:
            outer_anchor = outer_tag = None
            outer_at = first
        else:
            outer_anchor, outer_tag, outer_at = outer
        if char in "|>":
            anchor, tag, properties = self.merged(outer, (anchor, tag, properties))
            value, style, end, next_line = block_scalar(text, at, block_indent)
            sink.scalar(value, at, end, style, anchor, tag, properties)
            self.pos = next_line
            return
        if (char == "?" or char == ":") and blank_after:
            if not mapping_ok:
                raise self.fail(f"unexpected {char!r}", at)
            if has_properties and char == ":":  # properties of an empty key
                sink.open(True, False, first, outer_anchor, outer_tag, outer_at)
                sink.scalar("", at, at, None, anchor, tag, properties)
                self.node(column, "explicit", at + 1)
                self.block_mapping(at, column, first=False)
                return
            if has_properties:  # "&a ? b": the properties need a line of their own
                raise self.fail("a block mapping cannot start after properties on a line", at)
            anchor, tag, properties = self.merged(outer, (anchor, tag, properties))
            sink.open(True, False, at, anchor, tag, properties)
            self.block_mapping(at, column, first=True)
            return
        key = _PLAIN_KEY.match(text, at) if mapping_ok else None
        if key is not None:
            sink.open(True, False, at, outer_anchor, outer_tag, outer_at)
            if has_properties:
                sink.scalar(key.group(1), at, key.end(1), None, anchor, tag, properties)
            else:
                sink.plain(key.group(1), at, key.end(1))
            self.block_mapping_value(key.end() - 1, column)
            self.block_mapping(at, column, first=False)
            return
        # a flow node (maybe a key), or a plain scalar on one or more lines
        line_end = text.find("\n", at)
        if line_end == -1:
            line_end = self.size
        node_anchor, node_tag, node_at = anchor, tag, properties
        if not mapping_ok or outer[2] < 0 or not self.looks_like_key(at):
            node_anchor, node_tag, node_at = self.merged(outer, (anchor, tag, properties))
            outer_anchor = outer_tag = None
        end = self.flow_node(at, block_indent, node_anchor, node_tag, node_at, block=True)
        after = _WHITE.match(text, end).end()  # type: ignore[union-attr]
        if text[after : after + 1] == ":" and text[after + 1 : after + 2] in ("", " ", "\t", "\n"):
            if not mapping_ok:
                raise self.fail("a mapping cannot start here (a key on a value's line)", after)
            if end > line_end:
                raise self.fail("an implicit key must be on one line", at)
            sink.key_of_last(False, at, outer_anchor, outer_tag, outer_at)
            self.block_mapping_value(after, column)
            self.block_mapping(at, column, first=False)
            return
        self.end_line(end)

    def looks_like_key(self, at: int) -> bool:
        """Whether the quoted scalar or alias at ``at`` is followed by ``:`` on its line."""
        if self.text[at] in "[{":
            line_end = self.text.find("\n", at)
            line = self.text[at : line_end if line_end != -1 else self.size]
            return _FLOW_KEY_LOOKAHEAD.search(line) is not None
        return _KEY_LOOKAHEAD.match(self.text, at) is not None

    def block_mapping_value(self, colon: int, indent: int) -> None:
        """The value after a key's ``:`` at ``colon``; on to the next line."""
        text = self.text
        at = colon + 1
        # The common case first: a plain scalar alone on its line.
        if text[at : at + 1] == " ":
            start = at + 1
            while text[start : start + 1] == " ":
                start += 1
            char = text[start : start + 1]
            if char and char not in "-?:,[]{}#&*!|>'\"%@`\t\n":
                value, end = plain(text, start, indent, False)
                self.sink.plain(value, start, end)
                self.end_line(end)
                return
        self.node(indent, "value", at)

    def block_mapping(self, start: int, indent: int, *, first: bool) -> None:
        """Entries at column ``indent`` until a line is less indented; closes it."""
        text, sink = self.text, self.sink
        fast = _FAST_ENTRY.match
        entry = sink.entry
        pending_first = first
        while True:
            if pending_first:
                at = start
                pending_first = False
            else:
                at, spaces = self.skip_lines()
                if at >= self.size or spaces < indent or (spaces == 0 and _marker(text, at)):
                    sink.close(at)  # (the blank lines skipped end at the text's end at most)
                    return
                if spaces > indent or text[at] == "\t":
                    raise self.fail("bad indentation of a mapping entry", at)
            # The fast lane: whole "key: value" lines, one match each.
            m = fast(text, at)
            while m is not None:
                key, plain_value, double, single, spaces_text, next_char = m.groups()
                if plain_value is not None:
                    if next_char == "":
                        break  # a blank line: the value may go on after it
                    if next_char != "#" and len(spaces_text or "") > indent:
                        break  # a more indented line: the value may go on
                    start, end = m.span(2)
                    entry(key, at, at + len(key), plain_value, start, end, None)
                elif double is not None:
                    start, end = m.span(3)
                    entry(key, at, at + len(key), double, start - 1, end + 1, '"')
                else:
                    start, end = m.span(4)
                    entry(key, at, at + len(key), single, start - 1, end + 1, "'")
                end = m.end()
                if spaces_text is None:  # the end of the text
                    self.pos = end
                    sink.close(end)
                    return
                if next_char == "" or next_char == "#" or next_char == "\t":
                    self.pos = end
                    at = -1
                    break
                spaces = len(spaces_text)
                at = end + spaces
                if spaces != indent or (spaces == 0 and next_char in "-." and _marker(text, at)):
                    if spaces > indent:
                        raise self.fail("bad indentation of a mapping entry", at)
                    self.pos = end
                    sink.close(at)
                    return
                m = fast(text, at)
            if at == -1:
                continue
            char = text[at]
            after = text[at + 1 : at + 2]
            if char == "?" and after in ("", " ", "\t", "\n"):
                self.node(indent, "explicit", at + 1)
                colon, spaces = self.skip_lines()
                if (
                    colon < self.size
                    and spaces == indent
                    and text[colon] == ":"
                    and text[colon + 1 : colon + 2] in ("", " ", "\t", "\n")
                ):
                    self.node(indent, "explicit", colon + 1)
                else:
                    sink.scalar("", colon, colon, None, None, None, colon)
                continue
            if char == ":" and after in ("", " ", "\t", "\n"):
                sink.scalar("", at, at, None, None, None, at)
                self.node(indent, "explicit", at + 1)  # (a list may start at its column)
                continue
            key = _PLAIN_KEY.match(text, at)
            if key is not None:
                sink.plain(key.group(1), at, key.end(1))
                if text[key.end() : key.end() + 1] == "\n":  # "key:" alone: the value below
                    self.pos = key.end() + 1
                    self.node_below(indent, "value", key.end())
                else:
                    self.block_mapping_value(key.end() - 1, indent)
                continue
            if char == "-" and after in ("", " ", "\t", "\n"):
                raise self.fail("a sequence entry where a mapping key was expected", at)
            anchor = tag = None
            properties = at
            content = at
            if char in "&!":
                anchor, tag, properties, content = self.properties(at, indent, flow=False)
                key = _PLAIN_KEY.match(text, content)
                if key is not None:
                    sink.scalar(key.group(1), content, key.end(1), None, anchor, tag, properties)
                    self.block_mapping_value(key.end() - 1, indent)
                    continue
            end = self.flow_node(content, indent, anchor, tag, properties, block=True)
            if "\n" in text[content:end]:
                raise self.fail("an implicit key must be on one line", content)
            colon = _WHITE.match(text, end).end()  # type: ignore[union-attr]
            if text[colon : colon + 1] != ":" or text[colon + 1 : colon + 2] not in (
                "",
                " ",
                "\t",
                "\n",
            ):
                raise self.fail("expected ':' after a mapping key", colon)
            self.block_mapping_value(colon, indent)

    def block_sequence(
        self, at: int, indent: int, anchor: str | None, tag: str | None, properties: int
    ) -> None:
        """Entries ``- `` at column ``indent``, from the first at ``at``; closes it."""
        text, sink = self.text, self.sink
        sink.open(False, False, at, anchor, tag, properties if anchor or tag else at)
        fast = _FAST_ITEM.match
        item = sink.item
        while True:
            m = fast(text, at)
            if m is not None:
                plain_value, double, single, spaces_text, next_char = m.groups()
                if plain_value is not None:
                    if (next_char == "" and spaces_text is not None) or (
                        next_char != "#" and len(spaces_text or "") > indent
                    ):
                        m = None  # the value may go on over the next lines
                    else:
                        start, end = m.span(1)
                        item(plain_value, start, end, None)
                elif double is not None:
                    start, end = m.span(2)
                    item(double, start - 1, end + 1, '"')
                else:
                    start, end = m.span(3)
                    item(single, start - 1, end + 1, "'")
            if m is None:
                # "- key: value": a compact mapping, its first entry read whole
                content = at + 2
                while text[content : content + 1] == " ":
                    content += 1
                entry_match = (
                    _FAST_ENTRY.match(text, content) if text[at + 1 : at + 2] == " " else None
                )
                column = content - at + indent
                if entry_match is not None and (
                    entry_match.group(2) is None
                    or (
                        entry_match.group(6) not in ("", None)
                        and (entry_match.group(6) == "#" or len(entry_match.group(5)) <= column)
                    )
                ):
                    key, plain_value, double, single = entry_match.groups()[:4]
                    key_end = content + len(key)
                    sink.open(True, False, content, None, None, content)
                    if plain_value is not None:
                        start, end = entry_match.span(2)
                        sink.entry(key, content, key_end, plain_value, start, end, None)
                    elif double is not None:
                        start, end = entry_match.span(3)
                        sink.entry(
                            key, content, content + len(key), double, start - 1, end + 1, '"'
                        )
                    else:
                        start, end = entry_match.span(4)
                        sink.entry(
                            key, content, content + len(key), single, start - 1, end + 1, "'"
                        )
                    self.pos = entry_match.end()
                    if entry_match.group(5) is None:
                        sink.close(self.size)
                        sink.close(self.size)
                        return
                    self.block_mapping(content, column, first=False)
                else:
                    self.node(indent, "entry", at + 1)
            else:
                end = m.end()
                self.pos = end
                if m.group(4) is None:
                    sink.close(end)
                    return
            at, spaces = self.skip_lines()
            if at >= self.size or spaces < indent:  # (a "---" or "..." line is no entry)
                sink.close(at)
                return
            if spaces > indent:
                raise self.fail("bad indentation of a sequence entry", at)
            if text[at] != "-" or text[at + 1 : at + 2] not in ("", " ", "\t", "\n"):
                sink.close(at)
                return

    # -- properties ------------------------------------------------------

    def properties(
        self, at: int, indent: int, *, flow: bool
    ) -> tuple[str | None, str | None, int, int]:
        """``&anchor`` and ``!tag`` from ``at``: anchor, tag, their start, the content's."""
        text = self.text
        anchor: str | None = None
        tag: str | None = None
        start = at
        while at < self.size and text[at] in "&!":
            if text[at] == "&":
                if anchor is not None:
                    raise self.fail("a node has two anchors", at)
                m = _ANCHOR.match(text, at + 1)
                if m is None:
                    raise self.fail("an anchor needs a name", at)
                anchor = m.group(0)
                end = m.end()
            else:
                if tag is not None:
                    raise self.fail("a node has two tags", at)
                tag, end = self.tag(at)
            sep = _WHITE.match(text, end).end()  # type: ignore[union-attr]
            if (sep < self.size and text[sep] == "\n") or (sep < self.size and text[sep] == "#"):
                # (a "#" right after an anchor or a tag is part of its name)
                # the content is on a later line: separation over lines
                if flow:
                    at = self.flow_skip(sep, indent)
                    continue
                return anchor, tag, start, sep
            if sep == end and sep < self.size and not (flow and text[sep] in ",]}"):
                raise self.fail("properties must be followed by a blank", sep)
            at = sep
        return anchor, tag, start, at

    def tag(self, at: int) -> tuple[str, int]:
        text = self.text
        m = _TAG.match(text, at)
        assert m is not None  # "!" alone is a tag
        verbatim, handle, suffix = m.groups()
        end = m.end()
        if end < self.size and text[end] not in " \t\n,[]{}":
            raise self.fail(f"invalid tag {text[at : end + 1]!r}", at)
        if verbatim is not None:
            if not verbatim or not _URI.match(verbatim):
                raise self.fail("invalid verbatim tag", at)
            return verbatim, end
        suffix = _PERCENT.sub(lambda p: chr(int(p.group(1), 16)), suffix)
        if handle is not None:
            handle = "!" + handle
        if handle is None:
            if not suffix:
                return "!", end
            prefix = self.handles.get("!", "!")
            return prefix + suffix, end
        if handle == "!!":
            if not suffix:
                raise self.fail("the tag '!!' needs a suffix", at)
            return self.handles.get("!!", _CORE) + suffix, end
        if handle not in self.handles:
            raise self.fail(f"the tag handle {handle} is not declared by a %TAG directive", at)
        if not suffix:
            raise self.fail(f"the tag {handle} needs a suffix", at)
        return self.handles[handle] + suffix, end

    # -- flow nodes ------------------------------------------------------

    def flow_skip(self, at: int, indent: int) -> int:
        """Past blanks, line breaks and comments inside a flow collection."""
        text = self.text
        while True:
            m = _WHITE.match(text, at)
            at = m.end()  # type: ignore[union-attr]
            if at >= self.size:
                return at
            char = text[at]
            if char == "#":  # (never first: a bracket or an indicator comes before)
                if text[at - 1] not in " \t\n":
                    raise self.fail("a comment needs a blank before it", at)
                at = text.find("\n", at)
                if at == -1:
                    return self.size
                char = "\n"
            if char != "\n":
                return at
            line = at + 1
            if _marker(text, line):
                raise self.fail("a document marker inside a flow collection", line)
            at = _WHITE.match(text, line).end()  # type: ignore[union-attr]
            spaces = len(text[line:at]) - len(text[line:at].lstrip(" "))
            if at < self.size and text[at] not in "\n#]}" and spaces <= indent:
                raise self.fail("a flow collection's line is not indented enough", at)

    def flow_node(
        self,
        at: int,
        indent: int,
        anchor: str | None,
        tag: str | None,
        properties: int,
        *,
        block: bool = False,
    ) -> int:
        """A flow node (or, ``block``, a plain scalar in block context) at ``at``.

        Returns the offset after it.
        """
        text, sink = self.text, self.sink
        # (a block node's properties are read before it: its properties may
        # end its line, and the node is then on a later one, or empty)
        if at < self.size and text[at] in "&!" and anchor is None and tag is None:
            anchor, tag, properties, at = self.properties(at, indent, flow=True)
        if anchor is None and tag is None:
            properties = at
        char = text[at : at + 1]
        if char == "[" or char == "{":
            return self.flow_collection(at, indent, anchor, tag, properties)
        if char == '"':
            value, end = double_quoted(text, at, indent)
            sink.scalar(value, at, end, '"', anchor, tag, properties)
            return end
        if char == "'":
            value, end = single_quoted(text, at, indent)
            sink.scalar(value, at, end, "'", anchor, tag, properties)
            return end
        if char == "*":
            if anchor is not None or tag is not None:
                raise self.fail("an alias cannot have properties", properties)
            m = _ANCHOR.match(text, at + 1)
            if m is None:
                raise self.fail("an alias needs a name", at)
            sink.alias(m.group(0), at, m.end())
            return m.end()
        if char and plain_first(text, at, not block):
            value, end = plain(text, at, indent, not block)
            if anchor is None and tag is None:
                sink.plain(value, at, end)
            else:
                sink.scalar(value, at, end, None, anchor, tag, properties)
            return end
        if block and char in ("|", ">"):
            raise self.fail("a block scalar cannot be a key", at)
        if anchor is not None or tag is not None:
            sink.scalar("", at, at, None, anchor, tag, properties)
            return at
        if not char:  # (a line break is skipped before a flow node, and ends a block one)
            raise self.fail("expected a node", at)
        raise self.fail(f"unexpected {char!r}", at)

    def flow_collection(
        self, at: int, indent: int, anchor: str | None, tag: str | None, properties: int
    ) -> int:
        text, sink = self.text, self.sink
        mapping = text[at] == "{"
        closing = "}" if mapping else "]"
        sink.open(mapping, True, at, anchor, tag, properties)
        pos = at + 1
        while True:
            pos = self.flow_skip(pos, indent)
            if pos >= self.size:
                raise self.fail(f"a flow collection is not closed (expected {closing!r})", at)
            char = text[pos]
            if char == closing:
                sink.close(pos + 1)
                return pos + 1
            if char in ",]}":
                raise self.fail(f"unexpected {char!r} in a flow collection", pos)
            pos = self.flow_entry(pos, indent, mapping)
            pos = self.flow_skip(pos, indent)
            if pos >= self.size:
                raise self.fail(f"a flow collection is not closed (expected {closing!r})", at)
            char = text[pos]
            if char == ",":
                pos += 1
            elif char != closing:
                raise self.fail(f"expected ',' or {closing!r} in a flow collection", pos)

    def flow_entry(self, at: int, indent: int, mapping: bool) -> int:
        """One entry of a flow collection: a node, or a key and value pair."""
        text, sink = self.text, self.sink
        char = text[at]
        blankish = text[at + 1 : at + 2] in ("", " ", "\t", "\n")
        if char == "?" and blankish:  # explicit key
            if not mapping:
                sink.open(True, True, at, None, None, at)
            pos = self.flow_skip(at + 1, indent)
            if (pos < self.size and text[pos] in ",]}") or (
                text[pos : pos + 1] == ":"
                and text[pos + 1 : pos + 2] in ("", " ", "\t", "\n", ",", "]", "}")
            ):
                sink.scalar("", pos, pos, None, None, None, pos)
                json_like = False
            else:
                start = pos
                pos = self.flow_node(pos, indent, None, None, pos)
                json_like = self.json_like(start, pos)
            # a JSON-like key may have its value right after the ":" (spec 7.4.2)
            pos = self.flow_value(pos, indent, adjacent=json_like)
            if not mapping:
                sink.close(pos)
            return pos
        single_line = text.find("\n", at)
        if char == ":" and text[at + 1 : at + 2] in ("", " ", "\t", "\n", ",", "]", "}"):
            # an empty key
            if not mapping:
                sink.open(True, True, at, None, None, at)
            sink.scalar("", at, at, None, None, None, at)  # an empty key
            pos = self.flow_value(at, indent, adjacent=True)
            if not mapping:
                sink.close(pos)
            return pos
        start = at
        end = self.flow_node(at, indent, None, None, at)
        json_like = self.json_like(start, end)
        pos = self.flow_skip(end, indent)
        if text[pos : pos + 1] == ":" and (
            json_like or text[pos + 1 : pos + 2] in ("", " ", "\t", "\n", ",", "]", "}")
        ):
            if not mapping:
                if single_line != -1 and single_line < pos:
                    raise self.fail("an implicit key must be on one line", pos)
                sink.key_of_last(True, start, None, None, start)
            return self.flow_value(pos, indent, adjacent=json_like, pair=not mapping)
        if mapping:
            sink.scalar("", end, end, None, None, None, end)
        return end

    def json_like(self, start: int, end: int) -> bool:
        """Whether the flow node from ``start`` to ``end`` is JSON-like (spec 7.4.2): its
        content, after any properties, a quoted scalar or a flow collection. A plain
        scalar or an alias is not, even one that ends with a quote."""
        text = self.text
        if text[start] in "&!":  # properties already read once: they hold no error
            start = self.properties(start, -1, flow=True)[3]
        return text[start : start + 1] in ('"', "'", "[", "{")

    def flow_value(self, pos: int, indent: int, *, adjacent: bool, pair: bool = False) -> int:
        """After a key: ``:`` and a value, or an empty value. Closes a pair."""
        text, sink = self.text, self.sink
        pos = self.flow_skip(pos, indent)
        if text[pos : pos + 1] != ":":  # after "? key" alone (a pair always has its ":")
            sink.scalar("", pos, pos, None, None, None, pos)
            return pos
        colon = pos
        pos = self.flow_skip(pos + 1, indent)
        if pos >= self.size or text[pos] in ",]}":
            sink.scalar("", colon + 1, colon + 1, None, None, None, colon + 1)
        else:
            if pos == colon + 1 and not adjacent and text[pos] not in ",]}":
                raise self.fail("a value needs a blank after ':'", pos)
            pos = self.flow_node(pos, indent, None, None, pos)
        if pair:
            sink.close(pos)
        return pos
