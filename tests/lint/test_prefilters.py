"""The prefilters drop no finding: with them, lint finds exactly what it finds without.

Lint does not hand every string to every rule. The walk keeps only the
strings some text rule may flag (``_text.suspect``); ``mojibake`` calls ftfy
only on text holding the reading of a UTF-8 lead byte and a continuation
byte; suppression comments are looked up only in files that hold the word
``newsitem``. Each is checked against the unfiltered path, on generated clean
and damaged strings of many scripts and on random strings of the characters
that matter.
"""

from __future__ import annotations

import random

import pytest
from _lint_text import strings
from hypothesis import given, settings
from hypothesis import strategies as st

import newsitem
from newsitem import lint
from newsitem.lint import _run, _text, _walk

GENERATED = strings(150, 11)

# The characters that decide: lead and continuation bytes read as Windows-1252
# and Latin-1 (C1 controls aside: see test_a_lone_c1_control), ASCII, the
# characters of other scripts, spaces of every kind, & and <.
ALPHABET = st.sampled_from(
    [chr(code) for code in range(0xA0, 0x100)]
    + list("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    + list("abcXYZ019 ;#&<>/")
    + list("абвΑβγאבأب日本한\u2007\u202f\u200b\u2060\ufeff\u200d\t\n😀")
)
RANDOM = st.text(ALPHABET, min_size=1, max_size=12)


def rules_for(title: bool) -> list[tuple[str, object]]:
    """The text rules that run on a title, or on an excerpt (which every other field's are in)."""
    role = "title" if title else "excerpt"
    return [
        (code, rule) for code, rule, roles in _text.TEXT_RULES if roles is None or role in roles
    ]


def unsuspected_findings(text: str) -> list[str]:
    """The rules that find something in ``text`` though the walk would not keep it."""
    found = []
    for title in (True, False):
        if _text.suspect(text, title):
            continue
        found += [code for code, rule in rules_for(title) if rule(text) is not None]  # type: ignore[operator]
    return found


def test_the_walk_keeps_every_string_a_rule_flags() -> None:
    """On clean and damaged sentences, no rule flags a string the walk leaves out."""
    kept = 0
    for text in GENERATED:
        assert unsuspected_findings(text) == [], text
        kept += _text.suspect(text, False)
    # Not vacuous: the damaged ones are kept, and most of the clean ones are not.
    assert 0.3 * len(GENERATED) < kept < 0.9 * len(GENERATED)


@settings(max_examples=400)
@given(RANDOM)
def test_the_walk_keeps_every_random_string_a_rule_flags(text: str) -> None:
    """On random strings of the characters that matter, the same."""
    assert unsuspected_findings(text) == []


def test_mojibake_asks_ftfy_only_where_it_can_find_something() -> None:
    """The prefiltered rule gives exactly what ftfy gives, on clean and damaged sentences."""
    found = 0
    for text in GENERATED:
        problem = _text.mojibake(text)
        assert problem == _text.repaired_mojibake(text), text
        found += problem is not None
    assert found > len(GENERATED) / 10  # the damaged sentences are found


@settings(max_examples=400)
@given(RANDOM)
def test_mojibake_prefilter_on_random_strings(text: str) -> None:
    """On random strings of the characters that matter, the same."""
    assert _text.mojibake(text) == _text.repaired_mojibake(text)


def test_a_lone_c1_control() -> None:
    """The one thing the prefilter leaves out by design: a C1 control with no lead before it.

    ftfy reads it again as Windows-1252 (``\\x85`` as ``…``), which is not UTF-8
    mojibake; in a title the whitespace rule reports it as a control character.
    """
    assert _text.repaired_mojibake("Rates\x85 rise") is not None
    assert _text.mojibake("Rates\x85 rise") is None
    item = newsitem.loads('---\ntitle: "Rates\\x85 rise"\nwebUrl: https://e.com/a\n---\n')
    assert [(f.code, f.line, f.column) for f in lint.check(item)] == [("whitespace", 2, 8)]


def item_text(rng: random.Random, pool: list[str]) -> str:
    """An item whose text fields hold ``pool``'s strings; some lines silence a rule."""
    article = newsitem.Article(
        category="news",
        title=rng.choice(pool),
        excerpt=rng.choice(pool),
        web_url="https://www.example.com/a",
        provider=newsitem.Provider(name=rng.choice(pool), domain="example.com"),
        topics=[rng.choice(pool) for _ in range(rng.randint(0, 3))],
        related=[
            newsitem.RelatedItem(
                title=rng.choice(pool),
                excerpt=rng.choice(pool),
                web_url=f"https://other.example.org/{n}",
                provider=newsitem.Provider(name=rng.choice(pool), domain="example.org"),
            )
            for n in range(rng.randint(0, 2))
        ],
    )
    lines = newsitem.dumps(newsitem.NewsItem(article)).split("\n")
    for index, line in enumerate(lines):
        if line.endswith('"') and rng.random() < 0.3:
            code = rng.choice(["mojibake", "html-entity", "whitespace", "markup"])
            lines[index] = f"{line}  # newsitem: ignore[{code}]"
    return "\n".join(lines)


def test_lint_finds_the_same_without_any_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole items, with suppression comments: the findings and the repairs are the same."""
    rng = random.Random(5)
    texts = [item_text(rng, GENERATED) for _ in range(150)]

    def run() -> list[object]:
        out: list[object] = []
        for text in texts:
            item = newsitem.loads(text)
            out.append([(f.code, f.field, f.line, f.column, f.message) for f in lint.check(item)])
            lint.fix(item)
            out.append(newsitem.dumps(item))
        return out

    filtered = run()
    assert sum(bool(found) for found in filtered[::2]) > 50  # not vacuous
    monkeypatch.setattr(_walk, "suspect", lambda text, title: True)
    unfiltered_rules = tuple(
        (code, _text.repaired_mojibake if code == "mojibake" else rule, roles)
        for code, rule, roles in _text.TEXT_RULES
    )
    monkeypatch.setattr(_text, "TEXT_RULES", unfiltered_rules)
    monkeypatch.setattr(_run, "may_suppress", lambda text: True)
    assert run() == filtered
