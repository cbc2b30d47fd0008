"""Mojibake made on purpose from clean text is found, and repaired to the text it was.

The seed item of the format's folder is read where it is (never copied), and
clean generated sentences are mangled with the codecs the rule is about.
"""

from __future__ import annotations

import difflib
import random
import shutil
from pathlib import Path

import ftfy.bad_codecs  # registers "sloppy-windows-1252": cp1252 that decodes every byte
import pytest
from _lint_text import sentence

import newsitem
from newsitem import lint

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "format" / "000_997734302f4bacca.txt"

assert ftfy.bad_codecs  # imported for its side effect


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed item is not here")
def test_seed_title_is_found_and_repaired(tmp_path: Path) -> None:
    """The reference item's title: one mojibake finding at 3:8, and a one-line repair."""
    item = newsitem.load(SEED)
    found = lint.check(item)
    assert [(f.code, f.field, f.line, f.column, f.fixable) for f in found] == [
        ("mojibake", "title", 3, 8, True)
    ]
    lint.fix(item)
    assert item.article.title == (
        "ICE drops $3.9M for Trust Stamp\u2019s facial recognition, London Met taps NEC for $4.2M"
    )
    before = SEED.read_text(encoding="utf-8")
    after = newsitem.dumps(item)
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))
    ]
    assert changed == [
        '-title: "ICE drops $3.9M for Trust Stamp\u00e2\u20ac\u2122s facial recognition, '
        'London Met taps NEC for $4.2M"',
        '+title: "ICE drops $3.9M for Trust Stamp\u2019s facial recognition, '
        'London Met taps NEC for $4.2M"',
    ]
    # Written to a copy, the file reads back clean.
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    written = newsitem.load(copy)
    lint.fix(written)
    newsitem.dump(written, copy)
    assert lint.check(newsitem.load(copy)) == []


@pytest.mark.parametrize(
    ("codec", "times"), [("sloppy-windows-1252", 1), ("latin-1", 1), ("sloppy-windows-1252", 2)]
)
def test_generated_mojibake_is_repaired(codec: str, times: int) -> None:
    """Clean sentences mangled once or twice: found nearly always, repaired exactly.

    ftfy stays quiet on a few short strings (a two-letter word mangled once)
    rather than guess; a repair, when made, is the text before the mangling
    (or, twice mangled, at least one step of it).
    """
    rng = random.Random(7)
    sentences = [s for s in (sentence(rng) for _ in range(1500)) if not s.isascii()]
    missed = 0
    for clean in sentences:
        mangled = clean
        steps = [clean]
        for _ in range(times):
            mangled = mangled.encode("utf-8").decode(codec)
            steps.append(mangled)
        text = f'---\ntitle: "{_escaped(mangled)}"\nwebUrl: https://a.example.com/\n---\n'
        item = newsitem.loads(text)
        found = [f.code for f in lint.check(item, select=["mojibake"])]
        if not found:
            missed += 1
            continue
        assert found == ["mojibake"]
        lint.fix(item, select=["mojibake"])
        assert item.article.title in steps[:-1], clean
        if times == 1:
            assert item.article.title == clean
    assert missed <= len(sentences) // 100


def _escaped(text: str) -> str:
    """``text`` for a double-quoted YAML scalar: C1 controls may not be written raw."""
    return "".join(f"\\u{ord(c):04x}" if "\x80" <= c <= "\x9f" else c for c in text)
