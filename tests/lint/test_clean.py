"""No false alarms: clean text in many scripts gives no finding.

Hand-written items first, then a large set generated with a fixed seed from
real words and the alphabets of several scripts, each string put in every
kind of text field of an item that goes through a file.
"""

from __future__ import annotations

import random

import pytest
from _lint_text import sentence

import newsitem
from newsitem import lint

CLEAN_TEXTS = [
    "café",
    "naïve",
    "Süddeutsche Zeitung",
    "日本経済新聞",
    "עברית",
    "Ελληνικά",
    "Москва — Санкт-Петербург",
    "Łódź, Kraków i Gdańsk",
    "Český Krumlov, škola, žluťoučký kůň",
    "Ærøskøbing og Þórshöfn",
    "São Paulo à noite, coração",
    "İstanbul’da ılık bir gün",
    "Tiếng Việt có dấu",
    "cœur, œuvre, Œdipe",
    "“Curly quotes” and ‘single’ ones — em dash – en dash…",
    "„Deutsche“ und «français» und »so«",
    "¿Qué? ¡Olé!",
    "Price: £5, €10, ¥300, 25°C ± 2, ½ off, 3×4",
    "Emoji: 😀 🚀 👍🏽 👨‍👩‍👧 🇬🇧",
    "العربية الفصحى",
    "हिन्दी समाचार",
    "ภาษาไทย",
    "한국어 뉴스",
    "中文新闻报道",
    "Ça va? À bientôt, Éloïse",
    "MÜNCHEN, ZÜRICH, GRÖßE",
    "“café” — naïve…",
    "SÃO PAULO, IRMÃ, MÃE: Portuguese capitals",
    "x < y and z > w, List<T>, a <= b",
    "R&D, AT&T, Q&A, Tom & Jerry, &c",
    "ﬁ ligature and ｆｕｌｌ width stay",
]


def _item(texts: list[str]) -> str:
    """An item whose text fields hold ``texts``, written through the library."""
    head, *rest = texts
    related = [
        newsitem.RelatedItem(
            title=text,
            excerpt=text,
            web_url=f"https://related{index}.example.com/a",
            provider=newsitem.Provider(name=text, domain=f"related{index}.example.com"),
        )
        for index, text in enumerate(rest[:3])
    ]
    article = newsitem.Article(
        title=head,
        excerpt=" ".join(texts),
        web_url="https://www.example.com/item",
        category=texts[-1],
        topics=texts,
        tags=rest,
        provider=newsitem.Provider(name=head, domain="example.com"),
        related=related,
    )
    return newsitem.dumps(newsitem.NewsItem(article))


def test_hand_written_clean_texts() -> None:
    """Each clean text, in every kind of field, gives no finding."""
    for text in CLEAN_TEXTS:
        found = lint.check(newsitem.loads(_item([text, text])))
        assert found == [], text


def test_all_at_once() -> None:
    """All the clean texts in one item: still nothing."""
    assert lint.check(newsitem.loads(_item(CLEAN_TEXTS))) == []


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_generated_clean_corpus(seed: int) -> None:
    """About 1500 generated strings per seed, in 150 items: no finding at all."""
    rng = random.Random(seed)
    found: list[tuple[str, str]] = []
    for _ in range(150):
        texts = [sentence(rng) for _ in range(10)]
        item = newsitem.loads(_item(texts))
        found.extend((f.code, f.message) for f in lint.check(item))
    assert found == []


def test_pound_sign_written_on_purpose_needs_the_comment() -> None:
    """``Â£`` is mojibake to the rule; a comment on its line says it is meant."""
    text = '---\ntitle: "Â£5 off"\nwebUrl: https://a.example.com/\n---\n'
    assert [f.code for f in lint.check(newsitem.loads(text))] == ["mojibake"]
    meant = text.replace('off"', 'off"  # newsitem: ignore[mojibake]')
    assert lint.check(newsitem.loads(meant)) == []
