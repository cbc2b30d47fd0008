"""Lint looks only where a rule may fire, and finds what it finds looking everywhere.

An item read with the offsets of its values, and not changed since, is not
walked string by string: lint scans its text once for the places a text rule
may fire (``_places.places``: ``&``, ``<``, ``\\``, and a UTF-8 lead byte's
reading before a continuation byte's), and looks at the values that hold one
(``_places.holders``), and at every title. These tests hold the scan to its
definition, the native scan to the pure one, and the findings and repairs of
that route to those of the full walk, on items written in every style a
value can take (plain, quoted, escaped, folded, block, flow, unknown keys,
comments, suppressions, CRLF, BOM).
"""

from __future__ import annotations

import json
import random
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, cast

import pytest
from _lint_text import strings
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import Field

import newsitem
from newsitem import _yaml, api, lint
from newsitem.errors import NewsItemError
from newsitem.frontmatter import typed_loads
from newsitem.limits import DEFAULT_LIMITS
from newsitem.lint import _places, _run, _walk
from newsitem.models import Article, ModelList

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"

# The definition, written out: a mark, or a lead byte's reading (U+00C2 to
# U+00F4) before a continuation byte's, or one of the six leads whose
# continuation may have become a space, before a space, a tab or a line break.
EXPECTED = re.compile(
    f"[&<\\\\]|[\u00c2-\u00f4](?=[{re.escape(_places.CONTINUATIONS)}])|[ÂÃÅÎÐÙ](?=[ \t\n])"
)

PAIR = re.compile(f"[\u00c2-\u00f4](?=[{re.escape(_places.CONTINUATIONS)}])|[ÂÃÅÎÐÙ](?= )")

CHARS = st.sampled_from(
    [chr(code) for code in range(0x80, 0x100)]
    + list("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    + list("abc 019:#&<>\\\t\n\"'")
    + list("абвΑβאأ日本한\u2007\u200b\ufeff😀\ud800")
)


def read(text: str, model: type[Any] = Article) -> newsitem.NewsItem[Any]:
    """An item as ``lint_file`` reads one: with the offsets of its values."""
    document = typed_loads(text, DEFAULT_LIMITS, located=True)
    return api._read(document, model, False)  # pyright: ignore[reportPrivateUsage]


@given(st.text(CHARS, max_size=40))
@example("Stampâ€™s")
@example("voilÃ\nle")
@example("Ã©Ã©")
@example("ÃÃ©")
def test_the_places_are_the_marks_and_the_pairs(text: str) -> None:
    expected = [match.start() for match in EXPECTED.finditer(text)]
    assert _places.pure_places(text) == expected
    assert _places.places(text) == expected  # the native scan, where it is built
    # mojibake's prefilter on one value: a pair, or one of the six leads before a space.
    assert _places.has_pair(text) == (PAIR.search(text) is not None)


def test_the_native_scan_agrees_on_every_corpus_file() -> None:
    if not CORPUS.is_dir():
        pytest.skip("no shared corpus")
    texts = [path.read_text("utf-8", "replace") for path in sorted(CORPUS.rglob("*.md"))]
    assert len(texts) > 1000
    assert sum(bool(_places.pure_places(text)) for text in texts) > 100  # not vacuous
    for text in texts:
        assert _places.places(text) == _places.pure_places(text)


def test_the_values_that_hold_a_place() -> None:
    text = (
        "---\n"
        'title: "Plain title"\n'
        "excerpt: Stampâ€™s deal\n"
        "webUrl: https://e.com/a?x=1&y=2\n"
        'topics: [a, "b &amp; c", d]\n'
        "provider:\n"
        '  name: "Stamp\\u00e2\\u20ac\\u2122s"  # a comment with & and Ã©\n'
        "  domain: e.com\n"
        "Ã©key: 1\n"
        "notes:\n"
        "  - plain\n"
        "  - voilÃ\n"
        "    le\n"
        "  - |\n"
        "    <b>bold</b>\n"
        "---\n"
    )
    item = read(text)
    document = item._document  # pyright: ignore[reportPrivateUsage]
    assert document is not None
    located = document.recorded_offsets()
    assert located is not None
    assert _places.holders(located) == [
        ("excerpt",),
        ("webUrl",),
        ("topics", 1),
        ("provider", "name"),
        ("notes", 1),
        ("notes", 2),
    ]
    # An alias repeats a value elsewhere: the text is walked in full.
    aliased = read("---\ntitle: &t Stampâ€™s\nwebUrl: https://e.com/a\nx: *t\n---\n")
    offsets = aliased._document.recorded_offsets()  # pyright: ignore[reportPrivateUsage, reportOptionalMemberAccess]
    assert offsets is not None
    assert _places.holders(offsets) is None


# -- the same findings by either route --------------------------------------

POOL = strings(60, 23)


def rendered(value: str, indent: int, rng: random.Random) -> str:
    """``value`` as a YAML scalar after ``key: `` at ``indent``, in a style chosen at random
    among those that read back as ``value`` (JSON's double quotes always do).
    """
    cont = " " * (indent + 2)
    words = value.split(" ")
    candidates = [
        value,
        "'" + value.replace("'", "''") + "'",
        json.dumps(value),  # every character that is not ASCII as an escape
        " ".join(words[: len(words) // 2]) + "\n" + cont + " ".join(words[len(words) // 2 :]),
        "|-\n" + cont + value,
        ">-\n" + cont + value,
    ]
    for text in rng.sample(candidates, len(candidates)):
        if reads_as(" " * indent + "k: " + text + "\n", value):
            return text
    return quoted(value)


# What YAML does not allow in a text (JSON does): escaped.
_NOT_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def quoted(value: str) -> str:
    """``value`` double-quoted, as JSON writes it, with what YAML does not allow escaped."""
    return _NOT_PRINTABLE.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)
    )


def reads_as(text: str, value: str) -> bool:
    try:
        return _yaml.values(text) == {"k": value}
    except NewsItemError:
        return False


def comment(rng: random.Random) -> str:
    return rng.choice(
        [
            "",
            "",
            "  # Ã© & <b>",
            "  # newsitem: ignore[mojibake]",
            "  # newsitem: ignore[html-entity]",
            "  # newsitem: ignore",
        ]
    )


def item_text(rng: random.Random) -> str:
    def s(indent: int) -> str:
        text = rendered(rng.choice(POOL), indent, rng)
        if text[:1] in "|>":  # a block scalar's comment goes on its header line
            header, _, rest = text.partition("\n")
            return header + comment(rng) + "\n" + rest
        return text if "\n" in text else text + comment(rng)  # a comment would end it

    lines = [
        f"title: {s(0)}",
        f"excerpt: {s(0)}",
        "webUrl: https://www.example.com/a?b=1&c=2",
        "provider:",
        f"  name: {s(2)}",
        "  domain: example.com",
        "topics:",
        *(f"  - {s(2)}" for _ in range(rng.randint(0, 3))),
        f"tags: [{quoted(rng.choice(POOL))}]",
        "related:",
    ]
    for n in range(rng.randint(0, 2)):
        lines += [
            f"  - title: {s(4)}",
            f"    excerpt: {s(4)}",
            f"    webUrl: https://other.example.org/{n}",
            f"    provider: {{name: {json.dumps(rng.choice(POOL))}, domain: example.org}}",
        ]
    lines += ["notes:", f"  deep: [{quoted(rng.choice(POOL))}]"]
    lines += ["  more:", f"    - {s(4)}", "  # Stampâ€™s & a comment"]
    if rng.random() < 0.1:  # an alias: the full walk either way
        lines += ["again: &a " + json.dumps(rng.choice(POOL)), "copy: *a"]
    text = "---\n" + "\n".join(lines) + "\n---\nThe body & more.\n"
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.2:
        text = "\ufeff" + text
    return text


def outcome(texts: list[str]) -> list[object]:
    """Each text's findings (all they say) and its text after ``fix``."""
    out: list[object] = []
    for text in texts:
        try:
            item = read(text)
        except NewsItemError as exc:
            out += [("invalid", exc.code), None]
            continue
        out.append([tuple(vars(finding).values()) for finding in lint.check(item)])
        lint.fix(item)
        out.append(newsitem.dumps(item))
    return out


def test_lint_by_places_finds_and_fixes_what_the_full_walk_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(7)
    texts = [item_text(rng) for _ in range(250)]
    routes: list[bool] = []
    whole = _walk.Walk.__init__

    def spy(self: _walk.Walk, *args: Any, **kwargs: Any) -> None:
        routes.append(kwargs.get("paths") is not None)
        whole(self, *args, **kwargs)

    monkeypatch.setattr(_walk.Walk, "__init__", spy)
    by_places = outcome(texts)
    findings = [found for found in by_places[::2] if isinstance(found, list)]
    assert len(findings) > 200  # the texts read
    assert sum(bool(found) for found in findings) > 150  # and most have findings
    # fix() reads each repaired item again, walking it whole; check() went by places.
    assert routes.count(True) > 200
    monkeypatch.setattr(_places, "holders", lambda located: None)
    routes.clear()
    assert outcome(texts) == by_places
    assert True not in routes


def test_an_item_changed_since_it_was_read_is_walked_whole() -> None:
    """Its values are no longer those of its text: the places of the text say nothing."""
    item = read("---\ntitle: Plain\nexcerpt: Plain too\nwebUrl: https://e.com/a\n---\n")
    assert lint.check(item) == []
    item.article.excerpt = "Tom &amp; Jerry"
    assert [(f.code, f.field) for f in lint.check(item)] == [("html-entity", "excerpt")]
    item.article.provider = newsitem.Provider(name="Stampâ€™s", domain="e.com")
    assert sorted((f.code, f.field) for f in lint.check(item)) == [
        ("html-entity", "excerpt"),
        ("mojibake", "provider.name"),
    ]


class Noted(Article):
    """A model whose default is not in the text of any item."""

    note: str = "Tom &amp; Jerry"
    labels: ModelList[str] = Field(default_factory=lambda: ["Stampâ€™s"])


def test_a_default_is_looked_at_though_no_text_holds_it() -> None:
    item = read("---\ntitle: Plain\nwebUrl: https://e.com/a\n---\n", Noted)
    assert item._as_read()  # pyright: ignore[reportPrivateUsage] - so lint goes by places
    found = _run.lint_item(item, _run.resolve_rules(), now=None, repair=False)
    # Not in the text: placed at the first key, as positions of missing keys are.
    assert [(f.code, f.field, f.line) for f in found] == [
        ("html-entity", "note", 2),
        ("mojibake", "labels[0]", 2),
    ]
    written = read(
        "---\ntitle: Plain\nnote: Plain\nlabels: [a]\nwebUrl: https://e.com/a\n---\n", Noted
    )
    assert _run.lint_item(written, _run.resolve_rules(), now=None, repair=False) == []


# -- read without the offsets: a front matter that holds no place -------------

# Where lint wants the offsets recorded at load, by the definition: an alias, or
# a place of the text once the reader has made every line break a "\n".
WRITTEN_CHARS = st.sampled_from([*"*\r ", *(chr(code) for code in range(0xC2, 0xC6)), "©"])


def as_read(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@given(st.text(st.one_of(CHARS, WRITTEN_CHARS), max_size=40))
@example("voilÃ\r\nle")  # a lead before a folded line's CRLF
@example("voilÃ\rle")
@example("x: *a")
@example("caf\u00e9 na\u00efve S\u00fcddeutsche \u65e5\u672c")  # real text: no place
def test_the_offsets_are_wanted_where_the_text_holds_a_place_or_an_alias(text: str) -> None:
    expected = "*" in text or EXPECTED.search(as_read(text)) is not None
    assert _places.offsets_wanted(text) is expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_places, "_native_places", None)  # the pure build
        assert _places.offsets_wanted(text) is expected


def read_as_lint_reads(text: str) -> newsitem.NewsItem[Any]:
    """An item as ``lint_file`` reads one: the offsets recorded only where they are wanted."""
    document = typed_loads(text, DEFAULT_LIMITS, located=_places.offsets_wanted)
    return api._read(document, Article, False)  # pyright: ignore[reportPrivateUsage]


CLEAN_TITLES = [
    "Plain words",
    "Café crème, naïve Süddeutsche",
    "日本経済新聞 の 記事",
    "עברית ו-Ελληνικά",
    "Emoji 😀 and “curly” quotes – dashes",
    " Leading space",
    "Trailing space ",
    "Two  spaces",
    "No-break\u00a0space",
    "Zero\u200bwidth",
    "Tab\tinside",
]
# Titles with a place: their items are read with the offsets.
DAMAGED_TITLES = ["Trust Stampâ€™s plan", "Tom &amp; Jerry", "A <b>bold</b> claim"]


def value_item_text(rng: random.Random) -> str:
    """An item whose text holds no place, with findings of the value rules and the
    whitespace rule, in the styles a value may take.
    """

    def title() -> str:
        damaged = rng.random() < 0.15
        return rendered(rng.choice(DAMAGED_TITLES if damaged else CLEAN_TITLES), 0, rng)

    domain = rng.choice(["example.com", "www.example.com", "other.org", "EXAMPLE.com."])
    lines = [
        f"title: {title()}",
        "webUrl: https://www.example.com/a/b" + rng.choice(["", "?x=1"]),
        f"quality: {rng.choice([-1, 0, 3])}",
        f"heat: {rng.choice([-2, -1, 5])}",
        f"publishedDateTime: {rng.choice(['2020-01-02T03:04:05Z', '2999-01-01T00:00:00Z'])}",
        f"updatedDateTime: {rng.choice(['2019-01-01T00:00:00Z', '2021-06-01T00:00:00Z'])}",
        "provider:" + rng.choice(["  # the site", ""]),
        f"  name: {rendered(rng.choice(CLEAN_TITLES[:5]), 2, rng)}",
        f"  domain: {domain}",
        "  images:",
        f"    - {{url: 'https://img.example.com/1.jpg', width: {rng.choice([0, -5, 640])}}}",
        "related:",
    ]
    urls = ["https://www.example.com/a/b", "https://other.org/x", "https://other.org/x"]
    for url in rng.sample(urls, rng.randint(0, 3)):
        lines += [
            f"  - title: {rendered(rng.choice(CLEAN_TITLES), 4, rng)}",
            f"    webUrl: {url}",
            f"    provider: {{name: Other, domain: {rng.choice(['other.org', 'example.com'])}}}",
        ]
    text = "---\n" + "\n".join(lines) + "\n---\nA body with & and <b>.\n"
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.2:
        text = "\ufeff" + text
    return text


def test_an_item_read_without_offsets_gets_the_findings_of_the_full_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(11)
    texts = [value_item_text(rng) for _ in range(200)]
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)

    def outcome(read: Any) -> list[object]:
        out: list[object] = []
        for text in texts:
            item = read(text)
            found = _run.lint_item(item, _run.resolve_rules(), now=now, repair=False)
            out.append([tuple(vars(finding).values()) for finding in found])
            _run.lint_item(item, _run.resolve_rules(), now=now, repair=True)
            out.append(newsitem.dumps(item))
        return out

    routes: list[object] = []
    whole = _walk.Walk.__init__

    def spy(self: _walk.Walk, *args: Any, **kwargs: Any) -> None:
        routes.append(kwargs.get("paths"))
        whole(self, *args, **kwargs)

    monkeypatch.setattr(_walk.Walk, "__init__", spy)
    documents = [read_as_lint_reads(text)._document for text in texts]
    # A title written with an escape (JSON's "\u00e9") holds a place: offsets.
    unread = sum(d is not None and d.recorded_offsets() is None for d in documents)
    assert unread > 90
    by_titles = outcome(read_as_lint_reads)
    findings = by_titles[::2]
    assert sum(bool(found) for found in findings) > 150
    codes = {entry[0] for found in findings for entry in cast("list[Any]", found)}
    assert codes >= {"whitespace", "domain-mismatch", "quality-range", "heat-range"}
    assert codes >= {"future-date", "image-size", "self-related", "duplicate-related"}
    assert codes >= {"mojibake", "html-entity", "markup"}
    assert routes.count([]) >= 2 * unread  # check() and fix() went by the titles alone
    # Read as newsitem.loads reads (no offsets at all): the same, by the same test.
    routes.clear()
    assert outcome(newsitem.loads) == by_titles
    assert routes.count([]) >= 2 * unread
    # The full walk: the offsets recorded, and no route by places.
    monkeypatch.setattr(_places, "offsets_wanted", lambda text: True)
    monkeypatch.setattr(_places, "holders", lambda located: None)
    routes.clear()
    assert outcome(read) == by_titles
    assert set(map(str, routes)) == {"None"}
