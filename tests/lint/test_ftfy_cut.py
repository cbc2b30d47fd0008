"""ftfy looks at a long string with its long runs of ASCII cut: the same answer, cheaper.

``_text.shrunk`` cuts each run of ASCII longer than twice the context to its
two ends; ``mojibake`` hands ftfy the cut text and applies the plan ftfy finds
to the whole. These tests hold that to ftfy's own answer on the whole text,
on generated strings built to sit where a cut could tell: mojibake of every
kind next to, and far from, long runs of ASCII holding spaces, ``?`` and
``\\x1a`` (the bytes ftfy's repairs look for), at both ends of the text.
"""

from __future__ import annotations

import random
import types
from typing import Any

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsitem.lint import _text

_text.require_ftfy()
CONFIG = _text._config  # pyright: ignore[reportPrivateUsage]
CONTEXT = _text._CONTEXT  # pyright: ignore[reportPrivateUsage]


def whole(text: str) -> tuple[str, list[tuple[str, str]]]:
    """What ftfy gives for the whole text, uncut."""
    fixed, steps = ftfy.fix_encoding_and_explain(text, CONFIG)
    return fixed, [(step, name) for step, name in steps or ()]


def cut(text: str) -> tuple[str, list[tuple[str, str]]]:
    return _text._fixed_encoding(text)  # pyright: ignore[reportPrivateUsage]


def test_shrunk_keeps_the_context_on_each_side_of_non_ascii() -> None:
    a, b, c = "a" * 100, "b" * 40, "c" * 33
    assert _text.shrunk(f"{a}é{b}ü{c}") == "a" * 16 + "é" + "b" * 32 + "ü" + "c" * 16
    # A run in the middle keeps both ends; one of 33 between two letters is cut.
    assert _text.shrunk(f"é{'x' * 33}ü") == "é" + "x" * 32 + "ü"
    assert _text.shrunk(f"é{'x' * 32}ü") == f"é{'x' * 32}ü"
    # At the text's ends only the side next to the non-ASCII is kept.
    assert _text.shrunk("q" * 33 + "é") == "q" * 16 + "é"
    assert _text.shrunk("é" + "q" * 33) == "é" + "q" * 16
    assert _text.shrunk("Süd") == "Süd"


def test_the_seed_title_in_a_long_excerpt_is_repaired_whole() -> None:
    words = "the company said on Tuesday that its results would follow " * 3
    text = f"{words}Trust Stampâ€™s shares rose, and {words}"
    problem = _text.mojibake(text)
    assert problem is not None
    assert problem.repaired == f"{words}Trust Stamp’s shares rose, and {words}"
    assert len(_text.shrunk(text)) < 60  # ftfy was handed the cut text


# Mojibake of every kind ftfy repairs: UTF-8 read as Windows-1252 or Latin-1,
# once or twice, with its no-break spaces turned to spaces, or its undefined
# bytes replaced; and clean non-ASCII text beside it.
WORDS = ["Stamp’s", "café", "Süddeutsche", "naïve", "日本", "Ελλάδα", "à la", "€4", "—", "😀"]


def damaged(word: str, how: int) -> str:
    if how == 0:
        return word
    once = word.encode("utf-8").decode("cp1252", "replace")
    if how == 1:
        return once
    if how == 2:
        return word.encode("utf-8").decode("latin-1")
    if how == 3:
        return once.replace("\xa0", " ")
    return once.encode("utf-8").decode("cp1252", "replace")  # twice over


ASCII = st.text(st.sampled_from(list("abc XYZ 019 ?\x1a.,'-")), min_size=0, max_size=90)
PIECE = st.builds(damaged, st.sampled_from(WORDS), st.integers(0, 4))
TEXT = st.lists(st.tuples(ASCII, PIECE), min_size=1, max_size=5).map(
    lambda parts: "".join(run + piece for run, piece in parts)
) | st.tuples(ASCII, st.lists(st.tuples(PIECE, ASCII), max_size=4)).map(
    lambda parts: parts[0] + "".join(piece + run for piece, run in parts[1])
)


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_cut_text_gives_what_ftfy_gives_for_the_whole(text: str) -> None:
    assert cut(text) == whole(text)


def test_generated_texts_are_cut_and_repaired() -> None:
    """The same on 2,000 texts drawn at random, which are cut and repaired often enough
    for the comparison to mean something."""
    rng = random.Random(11)
    letters = "abc XYZ 019 ?\x1a.,'-"
    cut_ones = repaired = 0
    for _ in range(2000):
        text = "".join(
            "".join(rng.choice(letters) for _ in range(rng.randrange(0, 90)))
            + damaged(rng.choice(WORDS), rng.randrange(5))
            for _ in range(rng.randint(1, 5))
        )
        assert cut(text) == whole(text), text
        if len(_text.shrunk(text)) < len(text):
            cut_ones += 1
            repaired += whole(text)[0] != text
    assert cut_ones > 1000
    assert repaired > 500


def test_a_plan_that_does_not_hold_for_the_whole_is_asked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the plan found on the cut text repairs the whole differently, ftfy is asked
    about the whole text."""

    def apply_plan(text: str, plan: Any) -> str:
        return ftfy.apply_plan(text, plan).replace("s", "z")  # a repair that does not hold

    fake = types.SimpleNamespace(
        fix_encoding_and_explain=ftfy.fix_encoding_and_explain, apply_plan=apply_plan
    )
    monkeypatch.setattr(_text, "_ftfy", fake)
    words = "results follow shortly " * 4
    text = f"{words}Stampâ€™s {words}"
    assert cut(text) == (
        f"{words}Stamp’s {words}",
        [("encode", "sloppy-windows-1252"), ("decode", "utf-8")],
    )


def test_a_character_the_codec_cannot_write_far_from_the_mojibake() -> None:
    """``\\x1a`` is the one ASCII character ftfy's sloppy codecs cannot encode: cut away,
    the plan found on the cut text does not apply to the whole, which ftfy is asked about.
    """
    text = "\x1a" + "x" * 40 + " Stampâ€™s"
    assert "\x1a" not in _text.shrunk(text)
    assert cut(text) == (
        "\x1a" + "x" * 40 + " Stamp’s",
        [("apply", "decode_inconsistent_utf8")],
    )
