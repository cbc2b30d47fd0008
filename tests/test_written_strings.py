"""A new string is written plain where YAML reads it back as that string, else quoted.

The expected texts follow the YAML 1.2 rules for plain scalars: no ``: `` or
`` #`` inside, no indicator (``-``, ``?``, ``:`` followed by a space, ``#``,
``[``...) or document marker first, nothing another type would read (``true``,
``12``), no leading or trailing blank; in a flow list no flow indicator or
``:`` at all. A multi-line string replacing a block scalar stays one, with
the chomping its line breaks need.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsitem import frontmatter


def _set(yaml: str, value: object) -> str:
    doc = frontmatter.loads(f"---\n{yaml}\n---\n")
    doc.data["a"] = value
    out = frontmatter.dumps(doc)
    assert frontmatter.loads(out).data["a"] == value
    return out.removeprefix("---\n").removesuffix("---\n")


@pytest.mark.parametrize(
    ("value", "block", "flow"),
    [
        ("plain words", "plain words", "plain words"),
        ("a: b", '"a: b"', '"a: b"'),
        ("a #b", '"a #b"', '"a #b"'),
        ("ends:", '"ends:"', '"ends:"'),
        ("- x", '"- x"', '"- x"'),
        ("-x", "-x", '"-x"'),
        ("? x", '"? x"', '"? x"'),
        ("?x", "?x", '"?x"'),
        (":x", ":x", '":x"'),
        ("-", '"-"', '"-"'),
        ("---x", '"---x"', '"---x"'),
        ("...x", '"...x"', '"...x"'),
        ("true", '"true"', '"true"'),
        ("12", '"12"', '"12"'),
        ("null", '"null"', '"null"'),
        ("", '""', '""'),
        (" lead", '" lead"', '" lead"'),
        ("trail ", '"trail "', '"trail "'),
        ("x\ty", '"x\\ty"', '"x\\ty"'),
        ("#c", '"#c"', '"#c"'),
        ("a,b", "a,b", '"a,b"'),
        ("[x", '"[x"', '"[x"'),
        ("x\u00a0y", "x\u00a0y", "x\u00a0y"),
        ("\x07bell", '"\\abell"', '"\\abell"'),
        ("é\x85", '"é\\N"', '"é\\N"'),
        ("\u2028", '"\\L"', '"\\L"'),
        ("\x01", '"\\x01"', '"\\x01"'),
        ("\ufffe", '"\\ufffe"', '"\\ufffe"'),
        ("-X", "-X", '"-X"'),
        ("a:b", "a:b", '"a:b"'),
        ("x\u00a0", "x\u00a0", "x\u00a0"),
        ("Xmas X", "Xmas X", "Xmas X"),
    ],
)
def test_a_new_string_is_plain_only_where_yaml_allows(value: str, block: str, flow: str) -> None:
    """Plain when it reads back as itself, double-quoted (with escapes) otherwise."""
    assert _set("a: 1", value) == f"a: {block}\n"
    assert _set("a: [1]", [value]) == f"a: [{flow}]\n"


@pytest.mark.parametrize(
    ("value", "literal", "folded"),
    [
        ("p\nq\n", "|\n  p\n  q\n", "|\n  p\n  q\n"),
        ("p\nq", "|-\n  p\n  q\n", "|-\n  p\n  q\n"),
        ("p\n\n", "|+\n  p\n\n", ">+\n  p\n\n"),
        ("p q\n", "|\n  p q\n", ">\n  p q\n"),
        ("p\n", "|\n  p\n", ">\n  p\n"),
        (" p\nq\n", '" p\\nq\\n"\n', '" p\\nq\\n"\n'),
        ("p\r\nq\n", '"p\\r\\nq\\n"\n', '"p\\r\\nq\\n"\n'),
        ("p\x07\nq\n", '"p\\a\\nq\\n"\n', '"p\\a\\nq\\n"\n'),
        ("X\nY\n", "|\n  X\n  Y\n", "|\n  X\n  Y\n"),
        ("p\nX", "|-\n  p\n  X\n", "|-\n  p\n  X\n"),
        ("pX\n", "|\n  pX\n", ">\n  pX\n"),
        ("p\u00a0\n", "|\n  p\u00a0\n", ">\n  p\u00a0\n"),
        ("", '""\n', '""\n'),
        ("\n", '"\\n"\n', '"\\n"\n'),
    ],
)
def test_a_string_replacing_a_block_scalar(value: str, literal: str, folded: str) -> None:
    """Literal stays literal; folded stays folded for one line, else turns literal; else quoted."""
    assert _set("a: |\n  x\n  y", value) == f"a: {literal}"
    assert _set("a: >\n  x", value) == f"a: {folded}"


@pytest.mark.parametrize(
    ("yaml", "edit", "written"),
    [
        ("a: |\n  x", lambda d: d.__setitem__("a", "p\n\nq\n"), "a: |\n  p\n\n  q\n"),
        ("a: >\n  x", lambda d: d.__setitem__("a", "p q  \n"), "a: |\n  p q  \n"),
        ("a: 'q'\nb: 'r'", lambda d: d.__setitem__("a", "it is"), "a: 'it is'\nb: 'r'\n"),
        ("a: 'q'\nb: 'r'", lambda d: d.__setitem__("a", "x\ty"), "a: \"x\\ty\"\nb: 'r'\n"),
        ("a: {x: 1}", lambda d: d.__setitem__("a", {"a,b": 1}), 'a: {"a,b": 1}\n'),
        ("a:\n  - x", lambda d: d["a"].append("a,b"), "a:\n  - x\n  - a,b\n"),
        ("a: [x]", lambda d: d["a"].append({"k,1": "v"}), 'a: [x, {"k,1": v}]\n'),
        ("a: {x: 1}", lambda d: d.__setitem__("a", {"k": "a,b"}), 'a: {k: "a,b"}\n'),
        ("a: {x: 'q'}", lambda d: d.__setitem__("a", {"k": ["a,b"]}), "a: {k: ['a,b']}\n"),
        ("a: 1", lambda d: d.__setitem__("a,b", 1), "a: 1\na,b: 1\n"),
        ("a: 'q'", lambda d: d.__setitem__("k: v", 1), "a: 'q'\n'k: v': 1\n"),
    ],
)
def test_context_decides_the_style(yaml: str, edit: Any, written: str) -> None:
    """Blank lines in a literal stay empty; trailing blanks cannot fold; a file's single
    quotes are used unless the text needs escapes (in new keys and flow collections too);
    flow context quotes what block allows."""
    doc = frontmatter.loads(f"---\n{yaml}\n---\n")
    edit(doc.data)
    assert frontmatter.dumps(doc) == f"---\n{written}---\n"
