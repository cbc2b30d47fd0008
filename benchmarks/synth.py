"""A synthetic corpus of news items, in the styles FORMAT.md allows.

Each item is built from a seed: the same seed gives the same text. About half
are written like the reference item (``000_997734302f4bacca.txt``); the rest
vary one or more habits of files in the wild: CRLF, a byte-order mark,
comments, blank lines, four-space indentation, ``- item`` at the key's
column, flow lists, single quotes, block scalars, 3- or 7-digit fractions of
a second, ``+00:00``/``-07:00`` offsets, nulls as ``~``/``null``/nothing,
extra keys, bodies with ``---`` lines, no final newline. Most items are
about the reference's size (3 KB); one in eight is a large one (10 to 20 KB).

Every value means the same thing in YAML 1.1 and 1.2 (no plain ``yes``,
``no``, ``on``, octal-looking numbers), so that every peer reads the same
values: the benchmark checks it before timing.
"""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass

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
    """The habits one item is written with."""

    newline: str = "\n"
    bom: bool = False
    indent: int = 2
    indent_sequences: bool = True
    quote: str = '"'
    flow_topics: bool = False
    block_excerpt: str = ""  # "", ">-" or "|"
    fraction: str = ""  # "", ".123" or ".0000000"
    offset: str = "Z"  # "Z", "+00:00" or "-07:00"
    comments: bool = False
    blank_lines: bool = True
    null: str | None = None  # updatedDateTime written as "~", "null" or "" (nothing)
    extra_keys: bool = False
    body: str = "reference"  # "reference" (a lone newline), "markdown", "fences", "none"
    final_newline: bool = True


def style_for(rng: random.Random) -> Style:
    """Half reference style; the other half varies a few habits at random."""
    if rng.random() < 0.5:
        return Style()
    return Style(
        newline="\r\n" if rng.random() < 0.25 else "\n",
        bom=rng.random() < 0.1,
        indent=4 if rng.random() < 0.2 else 2,
        indent_sequences=rng.random() < 0.7,
        quote="'" if rng.random() < 0.25 else '"',
        flow_topics=rng.random() < 0.3,
        block_excerpt=rng.choice(("", "", ">-", "|")),
        fraction=rng.choice(("", "", ".123", ".0000000")),
        offset=rng.choice(("Z", "Z", "+00:00", "-07:00")),
        comments=rng.random() < 0.3,
        blank_lines=rng.random() < 0.7,
        null=rng.choice((None, "~", "null", "")),
        extra_keys=rng.random() < 0.4,
        body=rng.choice(("reference", "markdown", "fences", "none")),
        final_newline=rng.random() < 0.9,
    )


def item(seed: int) -> str:
    """The text of synthetic item number ``seed``."""
    rng = random.Random(seed)
    return _Writer(rng, style_for(rng), large=rng.random() < 0.125).text()


def corpus(count: int, *, seed: int = 0) -> list[str]:
    """``count`` items, from seeds ``seed``, ``seed + 1``, ..."""
    return [item(seed + n) for n in range(count)]


class _Writer:
    def __init__(self, rng: random.Random, style: Style, *, large: bool) -> None:
        self.rng = rng
        self.s = style
        self.large = large
        self.lines: list[str] = []

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
        return stamp + self.s.fraction + self.s.offset

    def quoted(self, text: str) -> str:
        if self.s.quote == "'":
            return "'" + text.replace("'", "''") + "'"
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    # -- layout ------------------------------------------------------------

    def add(self, line: str) -> None:
        self.lines.append(line)

    def blank(self) -> None:
        if self.s.blank_lines:
            self.add("")

    def comment(self, at: int, text: str) -> None:
        if self.s.comments:
            self.add(" " * at + "# " + text)

    def seq_column(self, key_column: int) -> int:
        return key_column + self.s.indent if self.s.indent_sequences else key_column

    def text(self) -> str:
        s = self.s
        self.comment(0, f"synthetic item, style {s.quote}{s.indent}{s.offset}")
        self.add("category: news")
        self.add(f"title: {self.quoted(self.sentence(8, 20))}")
        self.excerpt(0)
        self.add(f"publishedDateTime: {self.timestamp()}")
        domain = self.rng.choice(PROVIDERS)[1]
        web = self.quoted(self.url(domain))
        self.add(f"originalUrl: {web}")
        self.add(f"webUrl: {web}")
        self.add(f"type: {self.rng.choice(TYPES)}")
        quality = f"quality: {self.rng.randint(0, 400)}"
        self.add(quality + ("  # rank from the feed" if s.comments else ""))
        self.add(f"heat: {self.rng.choice((-1, -1, 0, 12, 87))}")
        self.add(f"published: {self.rng.choice(('false', 'true'))}")
        if s.null is not None:
            self.add(f"updatedDateTime: {s.null}".rstrip())
        self.blank()
        self.provider(0)
        self.blank()
        self.topics()
        self.blank()
        self.related()
        self.blank()
        self.secured()
        if s.extra_keys:
            self.extras()
        yaml = "".join(line + s.newline for line in self.lines)
        text = f"---{s.newline}{yaml}---" + self.body()
        return ("\ufeff" if s.bom else "") + text

    def excerpt(self, column: int, key: str = "excerpt") -> None:
        text = self.sentence(15, 40)
        pad = " " * column
        if not self.s.block_excerpt or column:
            self.add(f"{pad}{key}: {self.quoted(text)}")
            return
        self.add(f"{pad}{key}: {self.s.block_excerpt}")
        words = text.split(" ")
        inner = pad + " " * self.s.indent
        while words:
            self.add(inner + " ".join(words[:9]))
            words = words[9:]

    def provider(self, column: int) -> None:
        name, domain = self.rng.choice(PROVIDERS)
        pad = " " * column
        inner = pad + " " * self.s.indent
        self.add(f"{pad}provider:")
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
        count = self.rng.randint(6, 14) if self.large else self.rng.randint(1, 3)
        self.add("related:")
        dash = self.seq_column(0)
        for n in range(count):
            if n and self.s.comments and n % 3 == 0:
                self.comment(dash, "more from the same story")
            self.add(" " * dash + f"- title: {self.quoted(self.sentence(8, 22))}")
            self.related_body(dash + 2)

    def related_body(self, column: int) -> None:
        pad = " " * column
        name, domain = self.rng.choice(PROVIDERS)
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
        inner = pad + " " * self.s.indent
        self.add(f"{pad}provider:")
        self.add(f"{inner}name: {name}")
        self.add(f"{inner}domain: {domain}")
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
        tags = ", ".join(self.rng.sample(WORDS, 3))
        self.add(f"tags: [{tags}]")

    def body(self) -> str:
        s = self.s
        nl = s.newline
        if s.body == "none":
            return nl if s.final_newline else ""
        if s.body == "reference":
            return nl + nl  # the fence's newline, then a body of one empty line
        paragraphs = [self.sentence(20, 60) + "." for _ in range(self.rng.randint(1, 4))]
        if s.body == "fences":
            paragraphs.insert(1, "---")
        body = "## " + self.sentence(3, 6) + nl + nl + (nl + nl).join(paragraphs)
        return nl + nl + body + (nl if s.final_newline else "")
