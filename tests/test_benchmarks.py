"""The benchmark runs end to end in its quick mode and reports every case and target.

No timing is asserted: only that each number is there, is consistent with the
others (a median never above the 95th percentile), and that the corpus the
benchmark generates holds the styles it says it holds.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import imports  # noqa: E402  (benchmarks/ is not a package: on the path just above)
import run  # noqa: E402
import synth  # noqa: E402

STATS = ("mean", "p50", "p95", "p99", "max")


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """stdout and the JSON numbers of one quick run (50 items, one pass, 100 streamed files)."""
    out = tmp_path_factory.mktemp("bench") / "numbers.json"
    argv = [sys.executable, str(BENCH / "run.py"), "--quick", "--stream-items", "100"]
    argv += ["--import-runs", "1", "--json", str(out)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    numbers: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return done.stdout, numbers


def test_quick_run_times_every_contender_of_every_case(quick: tuple[str, dict[str, Any]]) -> None:
    """Every case has newsitem and its peers, each with mean <= max and p50 <= p95 <= p99 <= max."""
    _, numbers = quick
    stats = numbers["stats_us"]
    assert set(stats) == {run.LOAD, run.DUMP, run.EDIT}
    expected = {
        run.LOAD: {run.OURS, run.FM, run.RT, "pydantic-yaml", run.VALIDATE_ONLY},
        run.DUMP: {run.OURS, run.RT_DUMP},
        run.EDIT: {run.OURS, run.RT_EDIT},
    }
    for case, names in expected.items():
        assert names <= set(stats[case]), case
        for name, s in stats[case].items():
            assert set(s) == set(STATS), (case, name)
            assert 0 < s["p50"] <= s["p95"] <= s["p99"] <= s["max"], (case, name)
            assert 0 < s["mean"] <= s["max"], (case, name)
    floor = set(numbers["floor"])
    assert floor == {
        "yaml-rs loads",
        "PyYAML CSafeLoader (YAML 1.1)",
        "rapidyaml, tree to JSON to values",
    }
    assert floor <= set(stats[run.LOAD])
    assert numbers["items"] == 50
    assert numbers["passes"] == 1


def test_quick_run_prints_each_target_with_a_verdict(quick: tuple[str, dict[str, Any]]) -> None:
    """The targets of the issue, each once in the table, each with yes or no."""
    stdout, numbers = quick
    names = [t["name"] for t in numbers["targets"]]
    starts = [
        "load + validate, mean: faster than python-frontmatter + pydantic",
        "load + validate, mean: faster than ruamel.yaml rt + pydantic",
        "load + validate, mean: within 3x of the fastest bare parse",
        "no slow tail",
        "load, edit one field, dump, mean: faster than ruamel.yaml rt load + edit + dump",
        "dump, unchanged, mean: faster than ruamel.yaml rt dump",
        "memory flat when streaming",
        "`import newsitem` loads nothing",
    ]
    assert len(names) == len(starts)
    for name, start in zip(names, starts, strict=True):
        assert name.startswith(start)
    assert all(t["met"] in (True, False) for t in numbers["targets"])
    rows = [line for line in stdout.splitlines() if line.startswith("| ")]
    for name in names:
        (row,) = [r for r in rows if r.startswith(f"| {name} |")]
        assert row.endswith((" | yes |", " | **no** |"))
    assert "| target | measured | required | met? |" in stdout
    assert "| contender | mean | median | p95 | p99 | max | its mean ÷ newsitem's |" in stdout
    assert "| habit | items | newsitem mean | python-frontmatter + pydantic mean |" in stdout
    assert stdout.startswith("Command: `python benchmarks/run.py --quick")
    assert "Load average (1 / 5 / 15 min)" in stdout


def test_quick_run_speed_up_distribution(quick: tuple[str, dict[str, Any]]) -> None:
    """The item-by-item speed-ups are ordered: min <= p1 <= p5 <= median; shares are shares."""
    _, numbers = quick
    s = numbers["speedup_over_frontmatter"]
    assert 0 < s["min"] <= s["p1"] <= s["p5"] <= s["p50"]
    assert 0 <= s["share_at_least_1_5x"] <= 1
    assert s["below_1x"] >= 0
    # shares of the same items, which no item is in both of (up to float rounding)
    assert s["below_1x"] + s["share_at_least_1_5x"] <= 1 + 1e-9


def test_quick_run_corpus_values_and_streams(quick: tuple[str, dict[str, Any]]) -> None:
    """Every peer reads the values newsitem reads; every streamed file is a valid item."""
    stdout, numbers = quick
    assert numbers["corpus"]["items"] == 50
    assert list(numbers["corpus"]["habits"]) == list(synth.SHARES)
    for habit in synth.SHARES:
        start = f"| {habit} | {synth.SHARES[habit]:.1%} | "  # the corpus table: habit, share set
        assert len([line for line in stdout.splitlines() if line.startswith(start)]) == 1
    for peer, counts in numbers["agreement"].items():
        assert counts == {"same": 50, "different": 0, "failed": 0}, peer
    assert numbers["fidelity"]["newsitem"] == 50
    streams = numbers["streams"]
    assert [(s["mode"], s["workers"]) for s in streams] == [
        ("iter", 1),
        ("iter", 2),
        ("map", 1),
        ("map", 2),
    ]
    for s in streams:
        assert (s["items"], s["invalid"], s["checkpoint"]) == (100, 0, 10)
        assert s["main_peak_at_checkpoint_mb"] <= s["main_peak_mb"]
    imp = numbers["import"]
    assert imp["runs"] == 1
    assert imp["python_import_ms"] > 0
    assert imp["importtime_cumulative_ms"] > 0
    assert set(imp["lazy_loaded_eagerly"]) <= set(imports.LAZY)


# -- the corpus -------------------------------------------------------------


def test_items_are_reproducible() -> None:
    """The same seed gives the same text; another seed another one."""
    assert synth.item(7) == synth.item(7)
    assert synth.item(7) != synth.item(8)
    assert synth.corpus(3, seed=7) == [synth.item(7), synth.item(8), synth.item(9)]


def test_the_corpus_holds_each_habit_at_its_share() -> None:
    """In 2,000 items every habit is present, within a point of the share synth.py sets."""
    total, counts = synth.survey(synth.corpus(2000))
    assert total == 2000
    for habit, share in synth.SHARES.items():
        assert counts[habit] > 0, habit
        assert abs(counts[habit] / total - share) <= 0.01, (habit, counts[habit])


def test_the_corpus_has_0_to_6_related_items() -> None:
    """Each count from 0 to 6 occurs, and no other."""
    counts = [synth.style_for(seed, random.Random(seed)).related for seed in range(1000)]
    assert set(counts) == set(range(7))
    for related, weight in synth.RELATED_WEIGHTS.items():
        assert abs(counts.count(related) / 1000 - weight) <= 0.02, related


REFERENCE_STYLE = """---
category: news
title: "A title"
publishedDateTime: 2021-09-27T18:46:00Z
webUrl: "https://example.com/a"
provider:
  name: Example
  domain: example.com
topics:
  - AI
related: []
---

"""

MANY_HABITS = (
    "\ufeff---\r\n"
    "# from the feed:\tedited\r\n"
    "title: 'A title'\r\n"
    "excerpt: >-\r\n"
    "  folded\r\n"
    'publishedDateTime: "2021-09-27T18:46:00.0000000+00:00"\r\n'
    "webUrl: https://example.com/a\r\n"
    "updatedDateTime: ~\r\n"
    "provider: &p {name: Example, domain: example.com}\r\n"
    "topics: [AI, Privacy]\r\n"
    "related:\r\n"
    "- title: B\r\n"
    "  webUrl: https://example.com/b\r\n"
    "  provider: *p\r\n"
    "locale: en-us\r\n"
    "---\r\n"
    "## Heading\r\n"
    "---\r\n"
    "text"
)


def test_habits_of_hand_written_texts() -> None:
    """The reference style shows no habit; a text written with many shows exactly those."""
    assert synth.habits(REFERENCE_STYLE) == set()
    assert synth.habits(MANY_HABITS) == {
        "CRLF line breaks",
        "byte-order mark",
        "comments",
        "tab in a comment",
        "anchors and aliases",
        "flow mapping",
        "flow sequence",
        "quoted date",
        "block scalar",
        "single quotes",
        "`- item` at the key's column",
        "7-digit fraction (.0000000)",
        "numeric offset (+00:00, -07:00)",
        "null updatedDateTime",
        "extra keys",
        "Markdown body",
        "`---` line in the body",
        "no final newline",
    }


def test_long_excerpts_and_four_space_indentation_are_found() -> None:
    """An excerpt of 1,000 characters or more, and a file indented by four spaces only."""
    long = REFERENCE_STYLE.replace('title: "A title"', 'title: "A"\nexcerpt: "' + "x" * 1000 + '"')
    assert synth.habits(long) == {"long excerpt (1-4 KB)"}
    four = REFERENCE_STYLE.replace("\n  ", "\n    ")
    assert synth.habits(four) == {"four-space indentation"}


# -- the statistics ---------------------------------------------------------


def test_percentiles_interpolate_between_ranks() -> None:
    """As numpy's default: rank (n - 1) * q / 100, linear between neighbours."""
    values = [4.0, 1.0, 3.0, 2.0]
    assert run.percentile(values, 0) == 1.0
    assert run.percentile(values, 50) == 2.5
    assert run.percentile(values, 100) == 4.0
    assert run.percentile([float(n) for n in range(101)], 95) == 95.0
    assert run.summary([1.0, 2.0, 6.0]) == {
        "mean": 3.0,
        "p50": 2.0,
        "p95": pytest.approx(5.6),
        "p99": pytest.approx(5.92),
        "max": 6.0,
    }


def test_speed_up_share_counts_items_at_1_5x_or_more() -> None:
    """Peer 3 us vs ours 2 us is exactly 1.5x and counts; 2.9 vs 2 does not."""
    ratios = run.speedups([3.0, 2.9, 10.0, 1.0], [2.0, 2.0, 1.0, 2.0])
    assert ratios == [1.5, 1.45, 10.0, 0.5]
    s = run.speedup_summary(ratios)
    assert s["share_at_least_1_5x"] == 0.5
    assert s["below_1x"] == 0.25
    assert s["min"] == 0.5


IMPORTTIME = """import time: self [us] | cumulative | imported package
import time:       100 |        100 |   _io
import time:        50 |         50 |       pydantic.fields
import time:       200 |        250 |     pydantic
import time:        30 |         30 |     ruamel.yaml
import time:        20 |        300 |   newsitem.models
import time:        10 |        410 | newsitem
import time:         5 |          5 | json
"""


def test_importtime_output_is_read_as_a_tree() -> None:
    """Depths from the indentation; the subtree of newsitem is what precedes it, deeper."""
    lines = imports.parse_importtime(IMPORTTIME)
    assert [(line.name, line.depth) for line in lines] == [
        ("_io", 1),
        ("pydantic.fields", 3),
        ("pydantic", 2),
        ("ruamel.yaml", 2),
        ("newsitem.models", 1),
        ("newsitem", 0),
        ("json", 0),
    ]
    top, below = imports.subtree(lines, "newsitem")
    assert top is not None
    assert top.cumulative_us == 410
    assert {line.name for line in below} == {
        "_io",
        "pydantic.fields",
        "pydantic",
        "ruamel.yaml",
        "newsitem.models",
    }
    assert imports.by_package([top, *below]) == pytest.approx(
        {"newsitem": 0.03, "_io": 0.1, "pydantic": 0.25, "ruamel": 0.03}
    )


def test_the_lint_benchmark_reports_each_corpus_against_check() -> None:
    """benchmarks/lint.py: a row per corpus, each with check, lint, the ratio of the
    medians and, in process, the ratio without the mojibake rule; the tail item by item;
    then the commands on each.
    """
    argv = [sys.executable, str(BENCH / "lint.py"), "--items", "20", "--repeat", "1"]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "x |" in line]
    names = [row.split(" (")[0].removeprefix("| ") for row in rows]
    assert names == [
        "multilingual, 10% damaged",
        "multilingual, clean",
        "multilingual, all damaged",
        "synth",
        "multilingual, 10% damaged, the commands",
        "multilingual, clean, the commands",
        "multilingual, all damaged, the commands",
        "synth, the commands",
    ]
    for row in rows:
        cells = row.strip("| ").split(" | ")
        ratios = [cell for cell in cells if cell.endswith("x")]
        assert len(ratios) == (1 if "commands" in row else 2), row
        assert all(float(ratio.removesuffix("x")) > 0 for ratio in ratios)
    clean = rows[1]
    assert "(0% of items, 0 findings)" in clean
    # The tail, item by item: median, mean, 95th and 99th percentile and largest.
    tails = [line for line in done.stdout.splitlines() if line.startswith("| ") and "x) |" in line]
    assert [row.split(" | ")[0].removeprefix("| ") for row in tails] == names[:4]
    for row in tails:
        cells = row.strip("| ").split(" | ")[1:]
        assert len(cells) == 5, row
        for cell in cells:
            check, lint = cell.split(" (")[0].split(" / ")
            assert float(check) > 0, row
            assert float(lint) > 0, row
