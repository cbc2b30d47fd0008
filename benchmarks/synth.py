"""A synthetic corpus of news items, in the styles real files have, in set shares.

Each item is built from a seed: the same seed gives the same text. Every item
starts in the reference item's style (``000_997734302f4bacca.txt``: two-space
indentation, double-quoted long strings on one line, plain ``Z`` timestamps,
a body of one empty line); then each habit of :data:`SHARES` is given to its
share of the items, independently of the others (:func:`draws`). The shares
are stated, and justified, in ``benchmarks/README.md``; :func:`survey` finds
the same habits in any text, so that the run prints the shares the timed
corpus really has (and those of a folder of real files: ``run.py --survey``).

Every value means the same thing in YAML 1.1 and 1.2 (no plain ``yes``,
``no``, ``on``, octal-looking numbers), so that every peer reads the same
values: the benchmark checks it before timing.
"""

from __future__ import annotations

import base64
import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

VERSION = 2  # changes whenever the same seed would give another text

# The chance that an item has each habit, drawn independently per item.
SHARES: dict[str, float] = {
    "CRLF line breaks": 0.05,
    "byte-order mark": 0.02,
    "comments": 0.08,
    "tab in a comment": 0.02,  # a quarter of the commented items
    "anchors and aliases": 0.03,
    "flow mapping": 0.04,
    "flow sequence": 0.20,
    "quoted date": 0.05,
    "block scalar": 0.05,
    "long excerpt (1-4 KB)": 0.05,
    "single quotes": 0.06,
    "four-space indentation": 0.03,
    "`- item` at the key's column": 0.10,
    "7-digit fraction (.0000000)": 0.15,
    "3-digit fraction": 0.05,
    "numeric offset (+00:00, -07:00)": 0.10,
    "null updatedDateTime": 0.20,
    "extra keys": 0.20,
    "Markdown body": 0.30,
    "`---` line in the body": 0.05,  # one in six of the Markdown bodies
    "no final newline": 0.10,
}

# How many related items an item has: the reference has 2.
RELATED_WEIGHTS: dict[int, float] = {0: 0.10, 1: 0.20, 2: 0.25, 3: 0.20, 4: 0.12, 5: 0.08, 6: 0.05}

_WORD_TEXT = """
agency market facial recognition contract system police signs million data privacy
chip model cloud court ruling startup funding launch platform network research team
camera airport border identity vendor report biometric security city council budget
drone satellite battery factory quarter profit growth users update open source code
regulator fine audit policy school hospital patient trial vaccine energy grid
storage
"""
WORDS = tuple(_WORD_TEXT.split())
ODD_WORDS = ("Stampâ€™s", "café", "naïve", "Zürich", "€4.2M", "$3.9M", "“quoted”", "O'Brien")
TOPICS = (
    "AI",
    "Computer Vision",
    "Natural Language Processing",
    "Robotics",
    "Privacy",
    "Cloud Computing",
    "Semiconductors",
    "Startups",
    "Regulation",
    "Machine Learning",
    "Data Centers",
    "Cybersecurity",
)
PROVIDERS = (
    ("Business Insider", "businessinsider.com"),
    ("Daily Mail", "dailymail.co.uk"),
    ("Biometric Companies", "biometricupdate.com"),
    ("The Verge", "theverge.com"),
    ("Reuters", "reuters.com"),
    ("Ars Technica", "arstechnica.com"),
    ("Le Monde", "lemonde.fr"),
    ("Heise", "heise.de"),
)
TYPES = ("article", "video", "slideshow")
LOCALES = ("en-us", "en-gb", "fr-fr", "de-de")


@dataclass(frozen=True)
class Style:
    """The habits one item is written with (the defaults: the reference item's)."""

    newline: str = "\n"
    bom: bool = False
    comments: bool = False
    tab_in_comment: bool = False
    anchors: bool = False
    flow_mapping: bool = False
    flow_topics: bool = False
    quoted_dates: bool = False
    block_excerpt: str = ""  # "", ">-" or "|"
    long_excerpt: bool = False
    quote: str = '"'
    indent: int = 2
    indent_sequences: bool = True
    fraction: str = ""  # "", ".123" or ".0000000"
    offset: str = "Z"  # "Z", "+00:00" or "-07:00"
    null: str | None = None  # updatedDateTime written as "~", "null" or "" (nothing)
    extra_keys: bool = False
    body: str = "reference"  # "reference" (a lone newline), "markdown", "fences"
    final_newline: bool = True
    related: int = 2


_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79)


def draws(seed: int) -> dict[str, float]:
    """One number in [0, 1) per habit, and one for ``related``, for item number ``seed``.

    Each is the fractional part of ``(seed + 1) * sqrt(p)``, a distinct prime ``p`` per
    habit (a Weyl sequence): over any run of consecutive seeds each habit
    comes out at its share to within a few items, and the habits are
    independent of each other, which random draws give only on average.
    """
    names = [*SHARES, "related"]
    return {
        name: ((seed + 1) * math.sqrt(p)) % 1.0 for name, p in zip(names, _PRIMES, strict=False)
    }


def style_for(seed: int, rng: random.Random) -> Style:
    """The habits of item number ``seed``: each of :data:`SHARES` at its share."""
    u = draws(seed)

    def has(habit: str) -> bool:
        return u[habit] < SHARES[habit]

    seven, three = SHARES["7-digit fraction (.0000000)"], SHARES["3-digit fraction"]
    fraction_draw = u["7-digit fraction (.0000000)"]
    fraction = ".0000000" if fraction_draw < seven else ""
    if seven <= fraction_draw < seven + three:
        fraction = ".123"
    comments, markdown = has("comments"), has("Markdown body")
    anchors = has("anchors and aliases")
    related, cumulative = 0, 0.0
    for count, weight in RELATED_WEIGHTS.items():
        cumulative += weight
        if u["related"] < cumulative:
            related = count
            break
    return Style(
        newline="\r\n" if has("CRLF line breaks") else "\n",
        bom=has("byte-order mark"),
        comments=comments,
        tab_in_comment=u["comments"] < SHARES["tab in a comment"],  # a subset of the commented
        anchors=anchors,
        flow_mapping=has("flow mapping"),
        flow_topics=has("flow sequence"),
        quoted_dates=has("quoted date"),
        block_excerpt=rng.choice((">-", "|")) if has("block scalar") else "",
        long_excerpt=has("long excerpt (1-4 KB)"),
        quote="'" if has("single quotes") else '"',
        indent=4 if has("four-space indentation") else 2,
        indent_sequences=not has("`- item` at the key's column"),
        fraction=fraction,
        offset=rng.choice(("+00:00", "-07:00")) if has("numeric offset (+00:00, -07:00)") else "Z",
        null=rng.choice(("~", "null", "")) if has("null updatedDateTime") else None,
        extra_keys=has("extra keys"),
        body="fences"
        if u["Markdown body"] < SHARES["`---` line in the body"]
        else "markdown"
        if markdown
        else "reference",
        final_newline=not has("no final newline"),
        related=max(related, 1) if anchors else related,  # the alias goes in a related item
    )


def item(seed: int) -> str:
    """The text of synthetic item number ``seed``."""
    rng = random.Random(seed)
    return _Writer(rng, style_for(seed, rng)).text()


def corpus(count: int, *, seed: int = 0) -> list[str]:
    """``count`` items, from seeds ``seed``, ``seed + 1``, ..."""
    return [item(seed + n) for n in range(count)]


# -- finding the habits in any text ----------------------------------------

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$(.*)", re.DOTALL | re.MULTILINE)
_DETECT: dict[str, re.Pattern[str]] = {
    "comments": re.compile(r"(?:^|[ \t])#", re.MULTILINE),
    "tab in a comment": re.compile(r"(?:^|[ \t])#[^\n]*\t", re.MULTILINE),
    "anchors and aliases": re.compile(r"(?:^|[:\-\[,{][ \t]*)[&*][\w-]+", re.MULTILINE),
    "flow mapping": re.compile(r"(?:^|[:\-\[,][ \t]*)(?:[&!]\S+[ \t]+)?\{[ \t]*[^}\s]", re.M),
    "flow sequence": re.compile(r":[ \t]+\[[ \t]*[^\]\s]"),
    "quoted date": re.compile(r"""[:\-][ \t]+["']\d{4}-\d\d-\d\d"""),
    "block scalar": re.compile(r":[ \t]+[|>][-+1-9]*[ \t]*(?:#.*)?\r?$", re.MULTILINE),
    "long excerpt (1-4 KB)": re.compile(r"^[ \t]*excerpt:[^\n]{1000,}", re.MULTILINE),
    "single quotes": re.compile(r"[:\-][ \t]+'"),
    "four-space indentation": re.compile(r"\A(?!.*^  \S).*^    \S", re.DOTALL | re.MULTILINE),
    "`- item` at the key's column": re.compile(r"^( *)[\w-]+:[ \t]*\r?\n\1- ", re.MULTILINE),
    "7-digit fraction (.0000000)": re.compile(r"T\d\d:\d\d:\d\d\.\d{7}"),
    "3-digit fraction": re.compile(r"T\d\d:\d\d:\d\d\.\d{3}(?!\d)"),
    "numeric offset (+00:00, -07:00)": re.compile(r"T\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d"),
    "null updatedDateTime": re.compile(r"^updatedDateTime:(?:[ \t]+(?:~|null))?[ \t]*\r?$", re.M),
    "extra keys": re.compile(r"^(?:locale|pipelineId|tags):", re.MULTILINE),
}


def has_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a front matter between two ``---`` lines."""
    return _FENCE.match(text.removeprefix("\ufeff")) is not None


def habits(text: str) -> set[str]:
    """The habits of :data:`SHARES` that ``text`` shows (found by pattern, not parsed)."""
    found: set[str] = set()
    if "\r\n" in text:
        found.add("CRLF line breaks")
    if text.startswith("\ufeff"):
        found.add("byte-order mark")
        text = text[1:]
    if not text.endswith(("\n", "\r")):
        found.add("no final newline")
    match = _FENCE.match(text)
    if match is None:
        return found
    yaml, body = match.groups()
    found.update(name for name, pattern in _DETECT.items() if pattern.search(yaml))
    if body.strip():
        found.add("Markdown body")
    if re.search(r"^---[ \t]*\r?$", body, re.MULTILINE):
        found.add("`---` line in the body")
    return found


def survey(texts: Iterable[str]) -> tuple[int, dict[str, int]]:
    """How many texts, and how many of them show each habit of :data:`SHARES`."""
    counts = dict.fromkeys(SHARES, 0)
    total = 0
    for text in texts:
        total += 1
        for habit in habits(text):
            counts[habit] += 1
    return total, counts


# -- writing ---------------------------------------------------------------


class _Writer:
    def __init__(self, rng: random.Random, style: Style) -> None:
        self.rng = rng
        self.s = style
        self.lines: list[str] = []
        self.source: tuple[str, str] = rng.choice(PROVIDERS)

    # -- values ------------------------------------------------------------

    def sentence(self, low: int, high: int) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(ODD_WORDS))
        words[0] = words[0].capitalize()
        return " ".join(words)

    def url(self, domain: str) -> str:
        slug = "-".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(4, 12)))
        month = f"{self.rng.randint(2015, 2024)}{self.rng.randint(1, 12):02}"
        return f"https://www.{domain}/{month}/{slug}"

    def timestamp(self) -> str:
        r = self.rng
        stamp = (
            f"{r.randint(2015, 2024)}-{r.randint(1, 12):02}-{r.randint(1, 28):02}"
            f"T{r.randint(0, 23):02}:{r.randint(0, 59):02}:{r.randint(0, 59):02}"
        )
        stamp += self.s.fraction + self.s.offset
        return self.quoted(stamp) if self.s.quoted_dates else stamp

    def quoted(self, text: str) -> str:
        if self.s.quote == "'":
            return "'" + text.replace("'", "''") + "'"
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    # -- layout ------------------------------------------------------------

    def add(self, line: str) -> None:
        self.lines.append(line)

    def comment(self, at: int, text: str) -> None:
        if self.s.comments:
            sep = "\t" if self.s.tab_in_comment else " "
            self.add(" " * at + "#" + sep + text)

    def trailing(self, text: str) -> str:
        return f"  # {text}" if self.s.comments else ""

    def seq_column(self, key_column: int) -> int:
        return key_column + self.s.indent if self.s.indent_sequences else key_column

    def text(self) -> str:
        s = self.s
        self.comment(0, "from the feed; edited by hand")
        self.add("category: news")
        self.add(f"title: {self.quoted(self.sentence(8, 20))}")
        self.excerpt(0)
        self.add(f"publishedDateTime: {self.timestamp()}")
        web = self.quoted(self.url(self.source[1]))
        self.add(f"originalUrl: {web}")
        self.add(f"webUrl: {web}")
        self.add(f"type: {self.rng.choice(TYPES)}")
        self.add(f"quality: {self.rng.randint(0, 400)}" + self.trailing("rank from the feed"))
        self.add(f"heat: {self.rng.choice((-1, -1, 0, 12, 87))}")
        self.add(f"published: {self.rng.choice(('false', 'true'))}")
        if s.null is not None:
            self.add(f"updatedDateTime: {s.null}".rstrip())
        self.add("")
        self.provider(0, self.source, anchor=" &source" if s.anchors else "")
        self.add("")
        self.topics()
        self.add("")
        self.related()
        self.add("")
        self.secured()
        if s.extra_keys:
            self.extras()
        yaml = "".join(line + s.newline for line in self.lines)
        text = f"---{s.newline}{yaml}---" + self.body()
        return ("\ufeff" if s.bom else "") + text

    def excerpt(self, column: int) -> None:
        pad = " " * column
        if self.s.long_excerpt and not column:
            text = self.sentence(1, 1)
            while len(text) < self.rng.randint(1000, 4000):
                text += ". " + self.sentence(10, 30)
            self.add(f"excerpt: {self.quoted(text)}")
            return
        text = self.sentence(15, 40)
        if not self.s.block_excerpt or column:
            self.add(f"{pad}excerpt: {self.quoted(text)}")
            return
        self.add(f"{pad}excerpt: {self.s.block_excerpt}")
        words = text.split(" ")
        inner = pad + " " * self.s.indent
        while words:
            self.add(inner + " ".join(words[:9]))
            words = words[9:]

    def provider(self, column: int, source: tuple[str, str], anchor: str = "") -> None:
        name, domain = source
        pad = " " * column
        if self.s.flow_mapping:
            self.add(f"{pad}provider:{anchor} {{name: {name}, domain: {domain}}}")
            return
        inner = pad + " " * self.s.indent
        self.add(f"{pad}provider:{anchor}")
        self.add(f"{inner}name: {name}")
        self.add(f"{inner}domain: {domain}")

    def topics(self) -> None:
        topics = self.rng.sample(TOPICS, self.rng.randint(1, 5))
        if self.s.flow_topics:
            self.add(f"topics: [{', '.join(topics)}]")
            return
        self.add("topics:")
        dash = " " * self.seq_column(0)
        for topic in topics:
            self.add(f"{dash}- {topic}")

    def related(self) -> None:
        if not self.s.related:
            self.add("related: []")
            return
        self.add("related:")
        dash = self.seq_column(0)
        for n in range(self.s.related):
            if n and n % 2 == 0:
                self.comment(dash, "more from the same story")
            self.add(" " * dash + f"- title: {self.quoted(self.sentence(8, 22))}")
            self.related_body(dash + 2, alias=n == 0 and self.s.anchors)

    def related_body(self, column: int, *, alias: bool) -> None:
        pad = " " * column
        source = self.source if alias else self.rng.choice(PROVIDERS)
        domain = source[1]
        self.excerpt(column)
        self.add(f"{pad}publishedDateTime: {self.timestamp()}")
        url = self.url(domain)
        self.add(f"{pad}webUrl: {self.quoted(url)}")
        if self.rng.random() < 0.4:
            amp = url.replace(f"www.{domain}/", f"www.{domain}/amp/")
            self.add(f"{pad}ampWebUrl: {self.quoted(amp)}")
            cdn = f"https://{domain.replace('.', '-')}.cdn.ampproject.org/c/s/{amp[8:]}"
            self.add(f"{pad}cdnAmpWebUrl: {self.quoted(cdn)}")
        self.add(f"{pad}type: article")
        if alias:
            self.add(f"{pad}provider: *source" + self.trailing("same as the item's"))
        else:
            self.provider(column, source)
        self.add(f"{pad}quality: {self.rng.randint(0, 400)}")
        images = self.rng.randint(0, 2)
        if not images:
            return
        self.add(f"{pad}images:")
        dash = " " * self.seq_column(column)
        for _ in range(images):
            image = f"https://images.{domain}/{self.rng.getrandbits(64):016x}?format=jpeg"
            self.add(f"{dash}- url: {self.quoted(image)}")
            more = dash + "  "
            self.add(f"{more}width: {self.rng.randint(200, 1600)}")
            self.add(f"{more}height: {self.rng.randint(150, 1200)}")
            self.add(f"{more}isCached: {self.rng.choice(('true', 'false'))}")

    def secured(self) -> None:
        ciphertext = self.rng.randbytes(16 * self.rng.randint(20, 40))
        iv = self.rng.randbytes(16)
        value = base64.b64encode(ciphertext).decode() + ";" + base64.b64encode(iv).decode()
        self.add(f"secured: {self.quoted(value)}")

    def extras(self) -> None:
        self.add(f"locale: {self.rng.choice(LOCALES)}")
        self.add(f"pipelineId: {self.rng.randint(10_000, 99_999)}")
        self.add(f"score: {self.rng.randint(1, 999) / 1000}")
        self.add("reviewed: true")
        tags = self.rng.sample(WORDS, 3)
        if self.s.flow_topics:
            self.add(f"tags: [{', '.join(tags)}]")
            return
        self.add("tags:")
        dash = " " * self.seq_column(0)
        for tag in tags:
            self.add(f"{dash}- {tag}")

    def body(self) -> str:
        s = self.s
        nl = s.newline
        end = nl if s.final_newline else ""
        if s.body == "reference":  # the fence's line break, then a body of one empty line
            return nl + end if s.final_newline else ""
        paragraphs = [self.sentence(20, 60) + "." for _ in range(self.rng.randint(1, 4))]
        if s.body == "fences":
            paragraphs.insert(1, "---")
        body = "## " + self.sentence(3, 6) + nl + nl + (nl + nl).join(paragraphs)
        return nl + nl + body + end
