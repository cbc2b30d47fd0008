"""What ``lint`` costs over what ``check`` costs, on the same generated items.

    python benchmarks/lint.py                  # 2,000 items a corpus, 5 rounds
    python benchmarks/lint.py --items 5000 --repeat 9

Corpora, each written to a temporary folder:

* ``multilingual``: items in reference style whose titles, excerpts, topics,
  provider names and related items are sentences in fourteen scripts (so
  every string reaches the text rules), ``--damaged`` of them (default one in
  ten) damaged: mojibake, an entity, a double space, a tracking parameter;
* the same with no item damaged, and with every item damaged;
* ``synth``: the peers benchmark's corpus (the habits of files in the wild:
  CRLF, BOM, comments, anchors, flow mappings, block scalars...), as it is:
  about one sentence in 27 carries ``Stampâ€™s`` (three in ten carry an odd
  word, one odd word in eight is that one), so about a quarter of its items
  hold mojibake.

Lint reads each file in one parse (``lint.lint_file``): the values alone, as
``check`` reads them, where its front matter holds nothing a text rule may
flag; the values and where each was written where it does (the offsets
locate the findings).

Each case is timed ``--repeat`` rounds, check and lint taking turns, in CPU
seconds of the process (``time.process_time``; the commands: the children's
user + system time), which a busy machine disturbs less than the wall clock:

* in process, the work per file: ``corpus.load_file(path)`` (what ``check``
  does) against ``lint.lint_file(path)`` (what ``lint`` does) and
  ``lint.duplicate_items`` over the run, with the reader as installed (run
  it again with ``NEWSITEM_PURE=1`` for the pure build);
* the commands ``newsitem check -q DIR`` and ``newsitem lint -q DIR`` on
  each corpus, a fresh process each (start-up included).

Prints the median and mean of the rounds, and the ratio of the medians (lint /
check); in process, also lint with ``mojibake`` left out: the rule that hands
each string holding mojibake to ftfy, whose repair costs 25 to 100 µs a
string, so that what the rule costs on damaged corpora is seen apart from the
rest. Then the tail, item by item: each file checked and linted once more on
its own, timed apart, with the median, mean, 95th and 99th percentile and
largest time an item, and their ratios. Nothing asserts; the numbers depend
on the machine.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import synth

import newsitem
from newsitem import corpus, lint

SENTENCES = {
    "de": "Die Süddeutsche Zeitung berichtet über Größe und Straßen in München",
    "fr": "Le gouvernement français annonce une réforme de l'hôpital à Besançon",
    "es": "El niño y el señor hablan de la economía en España",
    "pl": "Wrocław i Łódź: gęś, źródło i żółć w wiadomościach",
    "cs": "Česká škola a řeka v Brně, kůň a úterý",
    "el": "Η Ελλάδα και οι ειδήσεις από την Αθήνα",
    "ru": "Новости из Москвы: правительство и экономика",
    "he": "חדשות מירושלים על הממשלה והכלכלה",
    "ar": "أخبار القاهرة عن الحكومة والاقتصاد",
    "hi": "दिल्ली से समाचार: सरकार और अर्थव्यवस्था",
    "ja": "日本経済新聞が東京のニュースを伝える",
    "zh": "北京政府发布经济新闻",
    "ko": "서울 정부가 경제 뉴스를 발표했다",
    "en": "Rates rise “again” — and markets… react 😀",
}
DAMAGE = (
    lambda text: text.encode("utf-8").decode("cp1252", "replace"),
    lambda text: text.replace(" ", " &amp; ", 1),
    lambda text: text.replace(" ", "  ", 1),
)


def multilingual(seed: int, damaged: float = 0.1) -> str:
    """An item in reference style with text in several scripts; ``damaged`` of them damaged."""
    rng = random.Random(seed)
    langs = list(SENTENCES)

    def text() -> str:
        return SENTENCES[rng.choice(langs)]

    title = text()
    url = f"https://www.example{seed % 50}.com/news/{seed}"
    if rng.random() < damaged:
        title = rng.choice(DAMAGE)(title)
        url += "?utm_source=feed&id=3"
    related = [
        newsitem.RelatedItem(
            title=text(),
            excerpt=text(),
            web_url=f"https://www.other{n}.org/{seed}/{n}",
            provider=newsitem.Provider(name=text(), domain=f"other{n}.org"),
            quality=rng.randint(0, 200),
            images=[
                newsitem.Image(url=f"https://img.other{n}.org/{seed}.jpg", width=640, height=480)
            ],
        )
        for n in range(rng.randint(0, 3))
    ]
    article = newsitem.Article(
        category="news",
        title=title,
        excerpt=" ".join(text() for _ in range(3)),
        web_url=url,
        type="article",
        quality=rng.randint(0, 100),
        heat=-1,
        published=True,
        provider=newsitem.Provider(name=text(), domain=f"example{seed % 50}.com"),
        topics=[text() for _ in range(rng.randint(1, 4))],
        related=related,
    )
    return newsitem.dumps(newsitem.NewsItem(article))


def write_corpus(folder: Path, texts: Iterable[str]) -> list[str]:
    folder.mkdir()
    for n, text in enumerate(texts):
        (folder / f"{n:06d}.md").write_text(text, encoding="utf-8", newline="")
    return sorted(str(path) for path in folder.iterdir())


def native_reader() -> bool:
    """Whether the native build of the reader is installed (and not turned off)."""
    return importlib.util.find_spec("newsitem._native") is not None and (
        os.environ.get("NEWSITEM_PURE") != "1"
    )


def check_pass(paths: list[str]) -> None:
    for path in paths:
        corpus.load_file(path)


def lint_pass(paths: list[str], ignore: str | None = None) -> None:
    reports = [lint.lint_file(path, ignore=ignore) for path in paths]
    lint.duplicate_items(reports)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rounds(
    cases: dict[str, Callable[[], object]], repeat: int, clock: Callable[[], float]
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in cases}
    names = list(cases)
    for round_ in range(repeat):
        for name in names if round_ % 2 == 0 else reversed(names):
            gc.collect()
            start = clock()
            cases[name]()
            times[name].append(clock() - start)
    return times


def in_process(paths: list[str], repeat: int) -> dict[str, list[float]]:
    cases: dict[str, Callable[[], object]] = {
        "check": lambda: check_pass(paths),
        "lint": lambda: lint_pass(paths),
        "no mojibake": lambda: lint_pass(paths, ignore="mojibake"),
    }
    return rounds(cases, repeat, time.process_time)


def command(*argv: str) -> Callable[[], object]:
    exe = Path(sys.executable).with_name("newsitem")

    def run() -> object:
        return subprocess.run([str(exe), *argv], capture_output=True, check=False)

    return run


def report(label: str, times: dict[str, list[float]], count: int) -> None:
    check, linted = times["check"], times["lint"]
    ratio = statistics.median(linted) / statistics.median(check)
    cells = [label]
    for values in (check, linted):
        median = statistics.median(values)
        cells.append(f"{median:.3f} / {statistics.mean(values):.3f} ({median / count * 1e6:.0f})")
    cells.append(f"{ratio:.2f}x")
    if "no mojibake" in times:  # what the rule that calls ftfy costs
        cells.append(f"{statistics.median(times['no mojibake']) / statistics.median(check):.2f}x")
    print("| " + " | ".join(cells) + " |", flush=True)


def per_item(paths: list[str]) -> dict[str, list[float]]:
    """Each file checked, then linted, timed on its own (CPU seconds), once each."""
    times: dict[str, list[float]] = {"check": [], "lint": []}
    clock = time.process_time
    gc.collect()
    for path in paths:
        start = clock()
        corpus.load_file(path)
        middle = clock()
        lint.lint_file(path)
        times["lint"].append(clock() - middle)
        times["check"].append(middle - start)
    return times


def quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report_tail(label: str, times: dict[str, list[float]]) -> None:
    def cell(values: list[float]) -> list[float]:
        return [
            statistics.median(values),
            statistics.mean(values),
            quantile(values, 0.95),
            quantile(values, 0.99),
            max(values),
        ]

    check, linted = cell(times["check"]), cell(times["lint"])
    parts = [
        f"{c * 1e6:.0f} / {li * 1e6:.0f} ({li / c:.2f}x)"
        for c, li in zip(check, linted, strict=True)
    ]
    print("| " + " | ".join([label, *parts]) + " |", flush=True)


def findings_share(paths: list[str]) -> str:
    reports = [lint.lint_file(path) for path in paths]
    with_findings = sum(bool(report.findings) for report in reports)
    total = sum(len(report.findings) for report in reports)
    return f"{100 * with_findings / len(paths):.0f}% of items, {total} findings"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--items", type=int, default=2000, help="items per corpus")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per case")
    parser.add_argument("--damaged", type=float, default=0.1, help="share of damaged items")
    args = parser.parse_args()
    count = args.items
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {count} items a corpus, "
        f"{args.repeat} rounds; native reader: {native_reader()}\n"
    )
    print(
        "| case | check: median / mean CPU s (µs an item) | lint: the same | lint / check "
        "| lint without mojibake / check |"
    )
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="newsitem-lint-bench-") as tmp:
        root = Path(tmp)
        corpora: dict[str, Callable[[int], str]] = {
            f"multilingual, {args.damaged:.0%} damaged": lambda n: multilingual(n, args.damaged),
            "multilingual, clean": lambda n: multilingual(n, 0.0),
            "multilingual, all damaged": lambda n: multilingual(n, 1.0),
            "synth": synth.item,
        }
        folders: dict[str, list[str]] = {}
        for index, (name, make) in enumerate(corpora.items()):
            paths = folders[name] = write_corpus(root / str(index), map(make, range(count)))
            label = f"{name} ({findings_share(paths)})"
            report(label, in_process(paths, args.repeat), count)
        print(
            "\nItem by item, CPU µs, check / lint (ratio):\n\n"
            "| case | median | mean | 95th percentile | 99th percentile | largest |\n"
            "|---|---|---|---|---|---|"
        )
        for name, paths in folders.items():
            report_tail(name, per_item(paths))
        print()
        for index, name in enumerate(folders):
            folder = str(root / str(index))
            times = rounds(
                {"check": command("check", "-q", folder), "lint": command("lint", "-q", folder)},
                args.repeat,
                children_cpu,
            )
            report(f"{name}, the commands (start-up included)", times, count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
