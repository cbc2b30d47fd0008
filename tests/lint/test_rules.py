"""Every rule and every fix, on files written out in full: the findings, and the text after.

Each case gives a whole item, the findings expected (code, field, line,
column, read off the text by eye) and, for the rules that fix, the whole text
that ``fix`` and ``dumps`` must give, written by hand: only the lines of the
repaired values differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

import newsitem
from newsitem import lint

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Case:
    before: str
    found: list[tuple[str, str, int, int]]
    after: str | None = None  # None: nothing can be fixed, the text stays as it is
    select: tuple[str, ...] | None = None
    left: tuple[tuple[str, str], ...] = ()  # fixable findings after one fix


CASES: dict[str, Case] = {
    "mojibake-once-windows-1252": Case(
        """\
---
title: "ICE pays for Trust Stampâ€™s software"
excerpt: "Itâ€™s the agencyâ€™s second contract â€” a “rapid” one."
webUrl: "https://www.example.com/ice"
---
""",
        [("mojibake", "title", 2, 8), ("mojibake", "excerpt", 3, 10)],
        """\
---
title: "ICE pays for Trust Stamp’s software"
excerpt: "It’s the agency’s second contract — a “rapid” one."
webUrl: "https://www.example.com/ice"
---
""",
    ),
    "mojibake-twice-and-latin-1": Case(
        """\
---
title: Trust StampÃ¢â‚¬â„¢s deal
webUrl: https://www.example.com/a
topics:
  - "CafÃ©s"
  - "Stamp\\u00e2\\u0080\\u0099s"
related:
  - title: "MÃ¼nchen â€“ Berlin"
    webUrl: https://other.example.org/b
    provider:
      name: "SÃ¼ddeutsche Zeitung"
---
Body text stays as it is: Ã©.
""",
        [
            ("mojibake", "title", 2, 8),
            ("mojibake", "topics[0]", 5, 5),
            ("mojibake", "topics[1]", 6, 5),
            ("mojibake", "related[0].title", 8, 12),
            ("mojibake", "related[0].provider.name", 11, 13),
        ],
        """\
---
title: Trust Stamp’s deal
webUrl: https://www.example.com/a
topics:
  - "Cafés"
  - "Stamp’s"
related:
  - title: "München – Berlin"
    webUrl: https://other.example.org/b
    provider:
      name: "Süddeutsche Zeitung"
---
Body text stays as it is: Ã©.
""",
    ),
    "html-entity": Case(
        """\
---
title: "Q&amp;A: AT&T&#8217;s &quot;plan&quot;"
excerpt: "Tom &amp;amp; Jerry, R&D &foo; and &copy 2024"
webUrl: "https://www.example.com/?a=1&amp;b=2"
tags: [Fish &amp; Chips, plain]
---
""",
        [
            ("html-entity", "title", 2, 8),
            ("html-entity", "excerpt", 3, 10),
            ("html-entity", "tags[0]", 5, 8),
        ],
        """\
---
title: "Q&A: AT&T’s \\"plan\\""
excerpt: "Tom &amp; Jerry, R&D &foo; and &copy 2024"
webUrl: "https://www.example.com/?a=1&amp;b=2"
tags: [Fish & Chips, plain]
---
""",
        # Unescaped once: "&amp;amp;" was escaped twice, and one "&amp;" is left.
        left=(("html-entity", "excerpt"),),
    ),
    "markup": Case(
        """\
---
title: "Rates <b>rise</b> again"
excerpt: "<p>Read more</p> about List<T> and x<y and z>w"
webUrl: https://www.example.com/rates
related:
  - title: "Line<br/>break"
    excerpt: "a < b > c"
    webUrl: https://www.example.com/other
---
""",
        [
            ("markup", "title", 2, 8),
            ("markup", "excerpt", 3, 10),
            ("markup", "related[0].title", 6, 12),
        ],
    ),
    "whitespace": Case(
        """\
---
title: "  Leading, trailing and  double spaces "
webUrl: https://www.example.com/w
related:
  - title: "No-break\\u00a0space, zero\\u200bwidth, tab\\there"
    excerpt: "  excerpts are not titles  "
    webUrl: https://www.example.com/x
  - title: "Emoji 👨\\u200d👩\\u200d👧 and ZWNJ می\\u200cخواهم stay"
    webUrl: https://www.example.com/y
---
""",
        [("whitespace", "title", 2, 8), ("whitespace", "related[0].title", 5, 12)],
        """\
---
title: "Leading, trailing and double spaces"
webUrl: https://www.example.com/w
related:
  - title: "No-break space, zerowidth, tab here"
    excerpt: "  excerpts are not titles  "
    webUrl: https://www.example.com/x
  - title: "Emoji 👨\\u200d👩\\u200d👧 and ZWNJ می\\u200cخواهم stay"
    webUrl: https://www.example.com/y
---
""",
    ),
    "domain-mismatch": Case(
        """\
---
title: Domains
webUrl: https://www.news.example.co.uk/a
provider:
  name: Example
  domain: example.co.uk
related:
  - title: Parent domain of the host
    webUrl: https://EDITION.Example.com/b
    provider:
      name: Example
      domain: example.com
  - title: Another site
    webUrl: https://www.other.org/c
    provider:
      name: Example
      domain: example.com
  - title: A subdomain is not a parent
    webUrl: https://example.net/d
    provider: {name: Example, domain: www.example.net}
---
""",
        [
            ("domain-mismatch", "related[1].provider.domain", 17, 15),
            ("domain-mismatch", "related[2].provider.domain", 20, 39),
        ],
    ),
    "duplicate-and-self-related": Case(
        """\
---
title: Related
webUrl: https://www.example.com/self
related:
  - title: One
    webUrl: https://www.example.com/one
  - title: Myself
    webUrl: https://www.example.com/self
  - title: One again
    webUrl: https://www.example.com/one
  - title: One, another page
    webUrl: https://www.example.com/one?page=2
---
""",
        [
            ("self-related", "related[1].webUrl", 8, 13),
            ("duplicate-related", "related[2].webUrl", 10, 13),
        ],
    ),
    "ranges": Case(
        """\
---
title: Ranges
webUrl: https://www.example.com/r
quality: -3
heat: -2
related:
  - title: Fine values
    webUrl: https://www.example.com/s
    quality: 0
    images:
      - url: https://img.example.com/1.jpg
        width: 0
        height: 10
  - title: Negative
    webUrl: https://www.example.com/t
    quality: -1
    provider:
      name: P
      images:
        - {url: "https://img.example.com/2.jpg", width: 5, height: -7}
---
""",
        [
            ("quality-range", "quality", 4, 10),
            ("heat-range", "heat", 5, 7),
            ("image-size", "related[0].images[0].width", 12, 16),
            ("quality-range", "related[1].quality", 16, 14),
            ("image-size", "related[1].provider.images[0].height", 20, 68),
        ],
    ),
    "heat-minus-one-is-unknown": Case(
        """\
---
title: Unknown heat
webUrl: https://www.example.com/h
quality: 0
heat: -1
---
""",
        [],
    ),
    "future-date": Case(
        """\
---
title: Dates
publishedDateTime: 2024-05-02T13:00:00Z
webUrl: https://www.example.com/d
updatedDateTime: 2024-05-02T12:00:00Z
related:
  - title: Within a day
    publishedDateTime: 2024-05-02T11:59:00Z
    webUrl: https://www.example.com/e
  - title: Far ahead
    publishedDateTime: 2025-01-01T00:00:00+01:00
    webUrl: https://www.example.com/f
---
""",
        [
            ("future-date", "publishedDateTime", 3, 20),
            ("future-date", "publishedDateTime", 3, 20),
            ("future-date", "related[1].publishedDateTime", 11, 24),
        ],
    ),
    "tracking-param": Case(
        """\
---
title: Tracking
originalUrl: "https://www.example.com/a?utm_source=feed&utm_medium=rss"
webUrl: "https://www.example.com/a?id=7&UTM_Campaign=x&q=a%20b;c&fbclid=IwAR0#top"
related:
  - title: Clean
    webUrl: https://www.example.com/b?utm=1&notgclid=2
    images:
      - url: 'https://img.example.com/1.jpg?gclid=abc&w=100&&h=2'
---
""",
        [
            ("tracking-param", "originalUrl", 3, 14),
            ("tracking-param", "webUrl", 4, 9),
            ("tracking-param", "related[0].images[0].url", 9, 14),
        ],
        """\
---
title: Tracking
originalUrl: "https://www.example.com/a"
webUrl: "https://www.example.com/a?id=7&q=a%20b;c#top"
related:
  - title: Clean
    webUrl: https://www.example.com/b?utm=1&notgclid=2
    images:
      - url: 'https://img.example.com/1.jpg?w=100&&h=2'
---
""",
        select=("tracking-param",),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_findings(name: str) -> None:
    """The rule reports each problem of the file at its value's field, line and column."""
    case = CASES[name]
    item = newsitem.loads(case.before)
    found = lint.check(item, select=case.select, now=NOW)
    assert [(f.code, f.field, f.line, f.column) for f in found] == case.found
    expected_fixable = case.after is not None
    assert all(f.fixable is expected_fixable for f in found)


@pytest.mark.parametrize("name", list(CASES))
def test_fix(name: str) -> None:
    """``fix`` repairs in place and ``dumps`` writes exactly the expected text."""
    case = CASES[name]
    item = newsitem.loads(case.before)
    fixed = lint.fix(item, select=case.select, now=NOW)
    after = case.before if case.after is None else case.after
    assert newsitem.dumps(item) == after
    assert len(fixed) == (len(case.found) if case.after is not None else 0)
    # Once repaired, nothing fixable is left (but what was escaped twice).
    again = lint.check(newsitem.loads(after), select=case.select, now=NOW)
    assert tuple((f.code, f.field) for f in again if f.fixable) == case.left


def test_tracking_param_is_off_by_default() -> None:
    """Without ``select``, tracking parameters are not reported."""
    item = newsitem.loads(CASES["tracking-param"].before)
    assert lint.check(item, now=NOW) == []


def test_rules_chain_on_one_value() -> None:
    """Mojibake, an entity and stray spaces on one title: three findings, one repaired line."""
    before = '---\ntitle: " CafÃ© &amp;  bar "  # keep me\nwebUrl: https://a.example.com/\n---\n'
    item = newsitem.loads(before)
    assert [f.code for f in lint.check(item)] == ["mojibake", "html-entity", "whitespace"]
    lint.fix(item)
    assert newsitem.dumps(item) == (
        '---\ntitle: "Café & bar"  # keep me\nwebUrl: https://a.example.com/\n---\n'
    )


def test_unknown_keys_are_linted() -> None:
    """A pipeline's own keys are text fields too; URLs in them are not text."""
    before = (
        "---\ntitle: T\nwebUrl: https://a.example.com/\n"
        'wire:\n  desk: "Ã‰dition"\n  link: "https://a.example.com/?x=&amp;"\n---\n'
    )
    item = newsitem.loads(before)
    assert [(f.code, f.field, f.line) for f in lint.check(item)] == [("mojibake", "wire.desk", 5)]
    lint.fix(item)
    assert newsitem.dumps(item) == before.replace("Ã‰dition", "Édition")


def test_secured_is_not_text() -> None:
    """``secured`` is opaque base64: the walk over text fields leaves it out."""
    from newsitem.lint._walk import _fields  # pyright: ignore[reportPrivateUsage]

    assert "secured" not in [field.key for field in _fields(newsitem.Article)]
    secured = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
    text = f'---\ntitle: T\nwebUrl: https://a.example.com/\nsecured: "{secured}"\n---\n'
    assert lint.check(newsitem.loads(text)) == []


def test_item_built_in_code_has_no_positions() -> None:
    """An item made in code is linted; its findings have no line or column."""
    item = newsitem.NewsItem(
        newsitem.Article(title="Caf\u00c3\u00a9", web_url="https://a.example.com/", heat=-4)
    )
    found = lint.check(item)
    assert [(f.code, f.field, f.line, f.column) for f in found] == [
        ("mojibake", "title", None, None),
        ("heat-range", "heat", None, None),
    ]
    lint.fix(item)
    assert item.article.title == "Café"


def test_select_and_ignore() -> None:
    """``select`` replaces the default rules, ``ignore`` takes some out; codes are checked."""
    text = CASES["ranges"].before
    item = newsitem.loads(text)
    assert {f.code for f in lint.check(item, select="heat-range,quality-range")} == {
        "heat-range",
        "quality-range",
    }
    assert {f.code for f in lint.check(item, ignore=["image-size", "quality-range"])} == {
        "heat-range"
    }
    with pytest.raises(ValueError, match="unknown rule code"):
        lint.check(item, select=["mojibak"])
    with pytest.raises(ValueError, match="aware"):
        lint.check(item, now=datetime(2024, 1, 1))  # naive on purpose


def test_a_projects_rules_with_options_given_for_every_file() -> None:
    """Worked out once a run where the options can key a cache, and alike every time."""
    config = lint.Config(ignore=frozenset({"future-date"}))
    for _ in range(2):
        assert config.rules("mojibake,future-date") == {"mojibake"}
        assert config.rules(frozenset({"markup"}), "markup") == frozenset()
        assert lint.Config().rules("mojibake,future-date") == {"mojibake", "future-date"}
        assert config.rules(["heat-range"], ("quality-range",)) == {"heat-range"}
        with pytest.raises(ValueError, match="unknown rule code"):
            config.rules(None, "mojibak")


def test_now_decides_future_date() -> None:
    """``future-date`` counts from ``now``: a day later, the same item is fine."""
    text = "---\ntitle: T\npublishedDateTime: 2024-05-02T13:00:00Z\nwebUrl: https://a.example.com/\n---\n"
    item = newsitem.loads(text)
    assert [f.code for f in lint.check(item, now=NOW)] == ["future-date"]
    later = datetime(2024, 5, 2, 12, 0, tzinfo=timezone.utc)
    assert lint.check(item, now=later) == []


def test_fix_keeps_the_file_habits() -> None:
    """CRLF, a byte-order mark, comments, flow lists and single quotes stay; one value changes."""
    before = (
        "\ufeff---\r\n"
        "# wire copy\r\n"
        "title: 'Trust Stampâ€™s deal'   # from the feed\r\n"
        "webUrl: https://www.example.com/a\r\n"
        "topics: [AI, 'CafÃ© culture', Privacy]\r\n"
        "related:\r\n"
        '    -   title: "Fish &amp; Chips"\r\n'
        "        webUrl: https://www.example.com/b\r\n"
        "---\r\n"
        "Body stays: Ã©.\r\n"
    )
    after = (
        "\ufeff---\r\n"
        "# wire copy\r\n"
        "title: 'Trust Stamp’s deal'   # from the feed\r\n"
        "webUrl: https://www.example.com/a\r\n"
        "topics: [AI, 'Café culture', Privacy]\r\n"
        "related:\r\n"
        '    -   title: "Fish & Chips"\r\n'
        "        webUrl: https://www.example.com/b\r\n"
        "---\r\n"
        "Body stays: Ã©.\r\n"
    )
    item = newsitem.loads(before)
    assert [(f.code, f.field, f.line, f.column) for f in lint.check(item)] == [
        ("mojibake", "title", 3, 8),
        ("mojibake", "topics[1]", 5, 14),
        ("html-entity", "related[0].title", 7, 16),
    ]
    lint.fix(item)
    assert newsitem.dumps(item) == after
