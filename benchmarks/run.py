"""newsitem against its peers, in one run, on a corpus it generates; prints markdown tables.

    python benchmarks/run.py                         # the default run, several minutes
    python benchmarks/run.py --quick                 # a smoke test, well under a minute
    python benchmarks/run.py --corpus DIR            # real news-item files timed too
    python benchmarks/run.py --stream-items 100000   # the full streaming case
    python benchmarks/run.py --survey DIR...         # the style shares of folders, and exit

In every case the contenders are timed item by item, taking turns on each item
(the order rotating from item to item and pass to pass), so that a noisy moment
hits all of them and the item-by-item ratios compare like with like. An item's
time is the median of its ``--passes`` passes; the tables give the mean, the
median, the 95th and 99th percentiles and the largest of those times over the
items, and ratios of means. Nothing here asserts: the targets are printed with
"met?".
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import imports
import peers
import synth

import newsitem

HERE = Path(__file__).resolve().parent
OURS = "newsitem"
FM = "python-frontmatter + pydantic"
RT = "ruamel.yaml rt + pydantic"
RT_EDIT = "ruamel.yaml rt load + edit + dump"
RT_DUMP = "ruamel.yaml rt dump"
VALIDATE_ONLY = "pydantic validation alone (parsed values in)"
LOAD, DUMP, EDIT = "load + validate", "dump, unchanged", "load, edit one field, dump"
TAIL = 1.5  # the per-item speed-up over python-frontmatter + pydantic ...
TAIL_SHARE = 0.95  # ... that this share of the items must reach

QUICK = {"items": 50, "passes": 1, "check_items": 50, "stream_items": 300, "import_runs": 3}
DEFAULTS = {"items": 2000, "passes": 3, "check_items": 300, "stream_items": 10_000}
DEFAULTS["import_runs"] = 20


# -- timing ----------------------------------------------------------------


@dataclass
class Contender:
    name: str
    fn: Callable[[Any], object]
    inputs: Sequence[Any]
    times: list[list[float]] = field(default_factory=list)

    def per_item_us(self) -> list[float]:
        """Each item's median over the passes, in microseconds."""
        return [statistics.median(t) * 1e6 for t in self.times]


def tolerant(fn: Callable[[Any], object]) -> Callable[[Any], object]:
    """``fn``, returning the exception it raises: a peer that rejects an item is timed too."""

    def call(x: Any) -> object:
        try:
            return fn(x)
        except Exception as exc:
            return exc

    return call


def measure(contenders: list[Contender], passes: int, label: str) -> dict[str, list[float]]:
    """Per contender, each item's time in microseconds (the median over ``passes``).

    On each item every contender takes its turn, starting with a different
    one from item to item and pass to pass.
    """
    count = len(contenders[0].inputs)
    if any(len(c.inputs) != count for c in contenders):
        raise ValueError("every contender must have one input per item")
    calls = [tolerant(c.fn) for c in contenders]
    for c, call in zip(contenders, calls, strict=True):
        c.times = [[] for _ in range(count)]
        for x in c.inputs[:20]:  # warm up: imports, caches
            call(x)
    slots = [(call, c.inputs, c.times) for call, c in zip(calls, contenders, strict=True)]
    turns = [slots[k:] + slots[:k] for k in range(len(slots))]
    clock = time.perf_counter
    for p in range(passes):
        print(f"  {label}: pass {p + 1}/{passes}", file=sys.stderr, flush=True)
        gc.collect()
        for i in range(count):
            for call, inputs, times in turns[(i + p) % len(turns)]:
                x = inputs[i]
                start = clock()
                call(x)
                times[i].append(clock() - start)
    return {c.name: c.per_item_us() for c in contenders}


# -- statistics ------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100), interpolated between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "mean": statistics.fmean(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values),
    }


def speedups(peer: Sequence[float], ours: Sequence[float]) -> list[float]:
    """Item by item, how many times faster newsitem is than the peer."""
    return [p / o for p, o in zip(peer, ours, strict=True)]


def speedup_summary(ratios: Sequence[float]) -> dict[str, float]:
    return {
        "share_at_least_1_5x": sum(r >= TAIL for r in ratios) / len(ratios),
        "p1": percentile(ratios, 1),
        "p5": percentile(ratios, 5),
        "p50": percentile(ratios, 50),
        "min": min(ratios),
        "below_1x": sum(r < 1 for r in ratios) / len(ratios),
    }


# -- the cases -------------------------------------------------------------


@dataclass
class Results:
    """Per case, per contender, each item's time in microseconds."""

    texts: list[str]
    times: dict[str, dict[str, list[float]]]
    floor: list[str]
    tree_only: list[str]

    def stats(self) -> dict[str, dict[str, dict[str, float]]]:
        return {
            case: {name: summary(values) for name, values in by.items()}
            for case, by in self.times.items()
        }


def run_cases(texts: list[str], passes: int, label: str) -> Results:
    """Load + validate (with the floor), unchanged dump, and one edit, timed on ``texts``."""
    yamls = [peers.split(t)[0] for t in texts]
    floor = peers.floor_parsers()
    tree = peers.tree_only()
    load = [
        Contender(OURS, peers.newsitem_load, texts),
        Contender(RT, peers.ruamel_rt_load, texts),
        Contender(FM, peers.frontmatter_load, texts),
    ]
    if peers.pydantic_yaml is not None:
        load.append(Contender("pydantic-yaml", peers.pydantic_yaml_load, texts))
    load += [Contender(name, fn, yamls) for name, fn in {**floor, **tree}.items()]
    parsed = [peers.SAFE.load(y) for y in yamls]
    load.append(Contender(VALIDATE_ONLY, newsitem.Article.model_validate, parsed))
    times = {LOAD: measure(load, passes, f"{label} load")}
    del parsed

    items = [newsitem.loads(t) for t in texts]
    rt_loaded = [(peers.RT.load(y), peers.split(t)[1]) for y, t in zip(yamls, texts, strict=True)]
    dump = [
        Contender(OURS, newsitem.dumps, items),
        Contender(RT_DUMP, lambda pair: peers.ruamel_rt_dump(*pair), rt_loaded),
    ]
    times[DUMP] = measure(dump, passes, f"{label} dump")
    del items, rt_loaded, dump

    edit = [
        Contender(OURS, peers.newsitem_edit, texts),
        Contender("newsitem.frontmatter (no model)", peers.newsitem_document_edit, texts),
        Contender(RT_EDIT, peers.ruamel_rt_edit, texts),
    ]
    times[EDIT] = measure(edit, passes, f"{label} edit")
    return Results(texts, times, list(floor), list(tree))


# -- agreement: every contender reads the same values ------------------------


def values(article: Any) -> Any:
    return article.model_dump(mode="json", by_alias=True)


def agreement(texts: Sequence[str]) -> dict[str, dict[str, int]]:
    """Per peer, on ``texts``: how many items give newsitem's values, other ones, or fail."""
    loaders: dict[str, Callable[[str], Any]] = {
        RT: peers.ruamel_rt_load,
        FM: peers.frontmatter_load,
    }
    if peers.pydantic_yaml is not None:
        loaders["pydantic-yaml"] = peers.pydantic_yaml_load
    counts = {name: {"same": 0, "different": 0, "failed": 0} for name in loaders}
    for text in texts:
        expected = values(peers.newsitem_load(text))
        for name, load in loaders.items():
            try:
                got = values(load(text))
            except Exception:
                counts[name]["failed"] += 1
                continue
            counts[name]["same" if got == expected else "different"] += 1
    return counts


def fidelity(texts: Sequence[str]) -> dict[str, int]:
    """How many items each dumper gives back byte for byte, unchanged."""
    same_ours = sum(newsitem.dumps(newsitem.loads(t)) == t for t in texts)
    same_rt = 0
    for text in texts:
        yaml, body = peers.split(text)
        same_rt += peers.ruamel_rt_dump(peers.RT.load(yaml), body) == text
    return {OURS: same_ours, "ruamel.yaml rt": same_rt}


# -- streaming -------------------------------------------------------------


def write_stream_corpus(folder: Path, count: int, seed: int) -> None:
    """``count`` items as ``folder/NNNNNN.md``, one flat folder (kept if already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{count}-{seed}-{synth.VERSION}"
    if marker.exists():
        return
    print(f"  writing {count} items to {folder}", file=sys.stderr, flush=True)
    for n in range(count):
        (folder / f"{n:06d}.md").write_bytes(synth.item(seed + n).encode("utf-8"))
    marker.touch()


def stream(folder: Path, workers: int, mode: str, checkpoint: int) -> dict[str, Any]:
    print(f"  stream: workers={workers} mode={mode}", file=sys.stderr, flush=True)
    argv = [sys.executable, str(HERE / "stream.py"), str(folder), "--workers", str(workers)]
    argv += ["--mode", mode, "--pattern", "*.md", "--checkpoint", str(checkpoint)]
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def growth(s: dict[str, Any]) -> float:
    """MB gained by the largest process after the checkpoint (the first tenth of the files)."""
    main: float = s["main_peak_mb"] - (s["main_peak_at_checkpoint_mb"] or s["main_peak_mb"])
    worker = 0.0
    if s["worker_peak_mb"] is not None and s["worker_peak_at_checkpoint_mb"] is not None:
        worker = s["worker_peak_mb"] - s["worker_peak_at_checkpoint_mb"]
    return max(main, worker)


FLAT_MB = 5.0  # "memory flat": at most this much growth after the first tenth of the files


# -- report ----------------------------------------------------------------


def us(value: float) -> str:
    return f"{value:,.0f} µs" if value >= 100 else f"{value:,.1f} µs"


def mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MB"


def pct(value: float) -> str:
    return f"{value:.1%}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


PACKAGES = (
    "newsitem",
    "pydantic",
    "ruamel.yaml",
    "ruamel.yaml.clibz",
    "yaml-rs",
    "PyYAML",
    "python-frontmatter",
    "pydantic-yaml",
    "rapidyaml",
)


def versions() -> str:
    return ", ".join(f"{name} {_version(name)}" for name in PACKAGES)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def cpu() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def loadavg() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


@dataclass
class Target:
    name: str
    measured: str
    required: str
    met: bool | None

    def row(self) -> list[str]:
        met = "—" if self.met is None else ("yes" if self.met else "**no**")
        return [self.name, self.measured, self.required, met]


def targets(r: Results, stats: dict[str, dict[str, dict[str, float]]]) -> list[Target]:
    load, dump, edit = stats[LOAD], stats[DUMP], stats[EDIT]
    ours = load[OURS]["mean"]
    out: list[Target] = []

    def faster(case: str, by: dict[str, dict[str, float]], peer: str, at_least: float) -> None:
        ratio = by[peer]["mean"] / by[OURS]["mean"]
        out.append(
            Target(
                f"{case}, mean: faster than {peer}",
                f"{ratio:,.1f}x ({us(by[OURS]['mean'])} vs {us(by[peer]['mean'])})",
                f">= {at_least:g}x",
                ratio >= at_least,
            )
        )

    faster(LOAD, load, FM, 2.5)
    faster(LOAD, load, RT, 40)
    if r.floor:
        fastest = min(r.floor, key=lambda name: load[name]["mean"])
        over = ours / load[fastest]["mean"]
        out.append(
            Target(
                f"{LOAD}, mean: within 3x of the fastest bare parse ({fastest})",
                f"{over:,.1f}x its time ({us(ours)} vs {us(load[fastest]['mean'])})",
                "<= 3x",
                over <= 3,
            )
        )
    tail = speedup_summary(speedups(r.times[LOAD][FM], r.times[LOAD][OURS]))
    out.append(
        Target(
            f"no slow tail: items {TAIL:g}x or more faster than {FM}",
            f"{pct(tail['share_at_least_1_5x'])} (5th percentile {tail['p5']:,.2f}x)",
            f">= {TAIL_SHARE:.0%} of the items",
            tail["share_at_least_1_5x"] >= TAIL_SHARE,
        )
    )
    faster(EDIT, edit, RT_EDIT, 20)
    faster(DUMP, dump, RT_DUMP, 200)
    return out


def corpus_section(texts: list[str], title: str, drawn: bool) -> list[str]:
    total, counts = synth.survey(texts)
    sizes = [len(t.encode("utf-8")) for t in texts]
    related: dict[int, int] = {}
    for text in texts:
        n = len(newsitem.loads(text).article.related or ())
        related[n] = related.get(n, 0) + 1
    plain = sum(not synth.habits(t) for t in texts)
    header = ["habit", "share set in synth.py", "items here", "share here"]
    rows = [
        [habit, pct(synth.SHARES[habit]) if drawn else "—", str(n), pct(n / total)]
        for habit, n in counts.items()
    ]
    if not drawn:
        header, rows = ["habit", "items", "share"], [row[::2][:1] + row[2:] for row in rows]
    spread = ", ".join(f"{k}: {related[k]}" for k in sorted(related))
    return [
        f"{title}: {total} items, {plain} of them ({pct(plain / total)}) with none of these "
        f"habits; size median {percentile(sizes, 50):,.0f} bytes, 95th percentile "
        f"{percentile(sizes, 95):,.0f}, largest {max(sizes):,}. Related items per item "
        f"(count: items): {spread}.",
        "",
        table(header, rows),
        "",
    ]


def case_tables(r: Results, stats: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    out: list[str] = []
    header = ["contender", "mean", "median", "p95", "p99", "max", "its mean ÷ newsitem's"]
    for case, by in stats.items():
        ours = by[OURS]["mean"]
        rows = []
        for name, s in by.items():
            kind = " (floor)" if name in r.floor else ""
            rows.append(
                [
                    f"{name}{kind}",
                    *(us(s[k]) for k in ("mean", "p50", "p95", "p99", "max")),
                    f"{s['mean'] / ours:,.2f}",
                ]
            )
        out += [f"**{case}** (µs per item)", "", table(header, rows), ""]
    return out


def speedup_section(r: Results) -> list[str]:
    ours = r.times[LOAD][OURS]
    peers_here = [name for name in (FM, "pydantic-yaml", RT) if name in r.times[LOAD]]
    buckets = ((0, 1), (1, TAIL), (TAIL, 2.5), (2.5, 5), (5, 40), (40, float("inf")))
    rows = []
    for name in peers_here:
        ratios = speedups(r.times[LOAD][name], ours)
        s = speedup_summary(ratios)
        spread = [pct(sum(lo <= x < hi for x in ratios) / len(ratios)) for lo, hi in buckets]
        rows.append(
            [name, pct(s["share_at_least_1_5x"])]
            + [f"{s[k]:,.2f}x" for k in ("min", "p1", "p5", "p50")]
            + spread
        )
    labels = [f"{lo:g}-{hi:g}x" if hi != float("inf") else f">= {lo:g}x" for lo, hi in buckets]
    header = ["item by item, over", f">= {TAIL:g}x", "min", "p1", "p5", "median", *labels]
    out = [f"**Speed-up item by item** ({LOAD}: the peer's time ÷ newsitem's)", ""]
    out += [table(header, rows), ""]
    ratios = speedups(r.times[LOAD][FM], ours)
    worst = sorted(range(len(ratios)), key=ratios.__getitem__)[:5]
    rows = [
        [
            str(i),
            f"{len(r.texts[i].encode('utf-8')):,}",
            f"{ratios[i]:,.2f}x",
            us(ours[i]),
            us(r.times[LOAD][FM][i]),
            ", ".join(sorted(synth.habits(r.texts[i]))) or "(reference style)",
        ]
        for i in worst
    ]
    header = ["item", "bytes", "speed-up", "newsitem", FM, "habits"]
    out += [f"The five items with the smallest speed-up over {FM}:", "", table(header, rows), ""]
    out += [f"By habit ({LOAD}; an item counts under each of its habits):", ""]
    out += [table(*by_habit(r.texts, ours, r.times[LOAD][FM])), ""]
    return out


def by_habit(
    texts: Sequence[str], ours: Sequence[float], peer: Sequence[float]
) -> tuple[list[str], list[list[str]]]:
    """Per habit: newsitem's and the peer's mean, and the share of items at 1.5x or more."""
    found = [synth.habits(t) for t in texts]
    groups: dict[str, list[int]] = {"(none: the reference style)": []}
    groups.update({habit: [] for habit in synth.SHARES})
    for i, habits in enumerate(found):
        for habit in habits or ("(none: the reference style)",):
            groups[habit].append(i)
    rows = []
    for habit, members in groups.items():
        if not members:
            continue
        mine = [ours[i] for i in members]
        theirs = [peer[i] for i in members]
        fast = sum(p / o >= TAIL for p, o in zip(theirs, mine, strict=True)) / len(members)
        rows.append(
            [
                habit,
                str(len(members)),
                us(statistics.fmean(mine)),
                us(statistics.fmean(theirs)),
                f"{statistics.fmean(theirs) / statistics.fmean(mine):,.2f}x",
                pct(fast),
            ]
        )
    header = ["habit", "items", "newsitem mean", f"{FM} mean", "ratio of means", f">= {TAIL:g}x"]
    return header, rows


def import_section(numbers: dict[str, Any]) -> list[str]:
    lazy = numbers["lazy_loaded_eagerly"]
    packages = ", ".join(f"{k} {v:,.0f} ms" for k, v in numbers["largest_packages_ms"].items())
    rows = [
        ["`python -c pass` (median)", f"{numbers['python_pass_ms']:,.0f} ms"],
        ['`python -c "import newsitem"` (median)', f"{numbers['python_import_ms']:,.0f} ms"],
        ["import newsitem, the difference", f"{numbers['import_ms']:,.0f} ms"],
        [
            "`-X importtime`, cumulative under newsitem",
            f"{numbers['importtime_cumulative_ms']:,.0f} ms",
        ],
        ["own import time by package, largest", packages],
        ["modules loaded after `import newsitem`", str(numbers["modules_loaded"])],
        ["loaded before they are used (should be none)", ", ".join(lazy) or "none"],
    ]
    return [
        f"**`import newsitem`**, {numbers['runs']} fresh processes each",
        "",
        table(["measure", "value"], rows),
        "",
    ]


def stream_section(streams: list[dict[str, Any]]) -> list[str]:
    by = {(s["mode"], s["workers"]): s for s in streams}
    rows = []
    for s in streams:
        one = by[(s["mode"], 1)]["items_per_s"]
        rows.append(
            [
                f"`{s['mode']}`",
                str(s["workers"]),
                f"{s['items']:,}",
                f"{s['seconds']:,.1f} s",
                f"{s['items_per_s']:,.0f}",
                f"{s['items_per_s'] / one:,.2f}x",
                f"{mb(s['baseline_mb'])} → {mb(s['main_peak_at_checkpoint_mb'])} → "
                f"{mb(s['main_peak_mb'])}",
                mb(s["worker_peak_mb"]),
                mb(s["tree_peak_mb"]),
            ]
        )
    header = [
        "mode",
        "workers",
        "files",
        "time",
        "items/s",
        "vs 1 worker",
        "main peak RSS: start → a tenth of the files → end",
        "largest worker peak",
        "all processes, peak sum",
    ]
    return ["**Streaming**", "", table(header, rows), ""]


def stream_target(streams: list[dict[str, Any]]) -> Target:
    worst = max(streams, key=growth)
    peak = max(max(s["main_peak_mb"], s["worker_peak_mb"] or 0.0) for s in streams)
    return Target(
        f"memory flat when streaming {worst['items']:,} files ({len(streams)} runs)",
        f"largest growth after the first tenth {growth(worst):,.1f} MB "
        f"(`{worst['mode']}`, workers={worst['workers']}); largest peak {mb(peak)}",
        f"<= {FLAT_MB:g} MB",
        growth(worst) <= FLAT_MB,
    )


def read_folder(folder: Path) -> tuple[list[str], int]:
    """The texts under ``folder`` that load as news items, and how many files did not."""
    texts: list[str] = []
    skipped = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            text = path.read_bytes().decode("utf-8")
            newsitem.loads(text)
        except (UnicodeDecodeError, newsitem.NewsItemError):
            skipped += 1
            continue
        texts.append(text)
    return texts, skipped


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--quick", action="store_true", help=f"a smoke test: {QUICK}")
    parser.add_argument("--items", type=int, help=f"synthetic items timed ({DEFAULTS['items']})")
    parser.add_argument("--passes", type=int, help=f"timed passes ({DEFAULTS['passes']})")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--check-items",
        type=int,
        help=f"items whose values are compared ({DEFAULTS['check_items']})",
    )
    parser.add_argument("--corpus", type=Path, help="a folder of real news items to time too")
    parser.add_argument(
        "--stream-items", type=int, help=f"files streamed, 0 to skip ({DEFAULTS['stream_items']})"
    )
    parser.add_argument(
        "--stream-dir", type=Path, help="where to write the streamed files (kept and reused)"
    )
    parser.add_argument(
        "--import-runs",
        type=int,
        help=f"fresh processes per import measure ({DEFAULTS['import_runs']})",
    )
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument(
        "--survey", type=Path, nargs="+", help="print the style shares of folders and exit"
    )
    args = parser.parse_args(argv)
    for key, default in DEFAULTS.items():
        if getattr(args, key) is None:
            setattr(args, key, QUICK[key] if args.quick else default)
    return args


def survey_only(folders: list[Path]) -> int:
    """The habits of every file with a front matter under ``folders`` (names ``_*`` left out)."""
    texts: list[str] = []
    for folder in folders:
        paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("_"))
        texts += [path.read_bytes().decode("utf-8", errors="replace") for path in paths]
    fenced = [t for t in texts if synth.has_front_matter(t)]
    total, counts = synth.survey(fenced)
    rows = [[habit, str(n), pct(n / total)] for habit, n in counts.items()]
    print(f"{len(texts)} files, {total} with a front matter, in {len(folders)} folder(s)\n")
    print(table(["habit", "files", "share"], rows))
    return 0


@dataclass
class Run:
    """Everything one run measured."""

    command: str
    load_before: str
    texts: list[str]
    agreed: dict[str, dict[str, int]]
    kept: dict[str, int]
    synthetic: Results
    real: Results | None
    skipped: int
    import_numbers: dict[str, Any]
    streams: list[dict[str, Any]]


def measure_all(args: argparse.Namespace, command: str) -> Run:
    load_before = loadavg()
    print(f"generating {args.items} items", file=sys.stderr, flush=True)
    texts = synth.corpus(args.items, seed=args.seed)
    print(f"checking values on {args.check_items} items", file=sys.stderr, flush=True)
    agreed = agreement(texts[: args.check_items])
    kept = fidelity(texts[: args.check_items])
    synthetic = run_cases(texts, args.passes, "synthetic")
    real: Results | None = None
    skipped = 0
    if args.corpus is not None:
        real_texts, skipped = read_folder(args.corpus)
        if real_texts:
            real = run_cases(real_texts, args.passes, "real")
    print("  import newsitem", file=sys.stderr, flush=True)
    import_numbers = imports.measure(args.import_runs)
    streams: list[dict[str, Any]] = []
    if args.stream_items:
        with contextlib.ExitStack() as stack:
            folder = args.stream_dir
            if folder is None:
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nsb-")))
            write_stream_corpus(folder, args.stream_items, args.seed + 1_000_000)
            checkpoint = max(1, args.stream_items // 10)
            streams = [
                stream(folder, w, mode, checkpoint) for mode in ("iter", "map") for w in (1, 2)
            ]
    return Run(
        command, load_before, texts, agreed, kept, synthetic, real, skipped, import_numbers, streams
    )


def all_targets(run: Run, stats: dict[str, dict[str, dict[str, float]]]) -> list[Target]:
    goals = targets(run.synthetic, stats)
    if run.streams:
        goals.append(stream_target(run.streams))
    numbers = run.import_numbers
    lazy = numbers["lazy_loaded_eagerly"]
    goals.append(
        Target(
            "`import newsitem` loads nothing it does not need yet",
            f"{numbers['import_ms']:,.0f} ms; loaded early: {', '.join(lazy) or 'nothing'}",
            f"none of {', '.join(imports.LAZY)}",
            not lazy,
        )
    )
    return goals


def targets_table(title: str, goals: Sequence[Target]) -> list[str]:
    rows = [g.row() for g in goals]
    return [
        f"**Targets** ({title})",
        "",
        table(["target", "measured", "required", "met?"], rows),
        "",
    ]


def report(args: argparse.Namespace, run: Run, goals: Sequence[Target]) -> list[str]:
    stats = run.synthetic.stats()
    out = [
        f"Command: `{run.command}`",
        "",
        f"Machine: {cpu()}, {os.cpu_count()} cores; Python {platform.python_version()} "
        f"on {platform.system()} {platform.release()}. Load average (1 / 5 / 15 min) "
        f"{run.load_before} at the start, {loadavg()} at the end.",
        "",
        f"Packages: {versions()}.",
        "",
        f"Each item's time is the median of {args.passes} pass(es); contenders take turns on "
        "every item. Times are per item.",
        "",
    ]
    out += corpus_section(run.texts, f"Corpus: synthetic (seed {args.seed})", drawn=True)
    out += targets_table("synthetic corpus", goals)
    out += case_tables(run.synthetic, stats)
    out += speedup_section(run.synthetic)
    out += import_section(run.import_numbers)
    if run.streams:
        out += stream_section(run.streams)
    agree_rows = [
        [name, str(c["same"]), str(c["different"]), str(c["failed"])]
        for name, c in run.agreed.items()
    ]
    checked, kept = len(run.texts[: args.check_items]), run.kept
    out += [
        table(["values checked on", "same as newsitem", "different", "failed"], agree_rows),
        "",
        f"Unchanged load + dump gives the input back byte for byte: newsitem "
        f"{kept[OURS]} of {checked}, ruamel.yaml rt {kept['ruamel.yaml rt']} of {checked}.",
        "",
    ]
    if args.corpus is not None:
        out += [f"## Real files: {args.corpus}", ""]
        out += [f"{run.skipped} files did not load as news items and were left out.", ""]
    if run.real is not None:
        real_stats = run.real.stats()
        out += corpus_section(run.real.texts, "Corpus", drawn=False)
        out += targets_table("these files", targets(run.real, real_stats))
        out += case_tables(run.real, real_stats)
        out += speedup_section(run.real)
    return out


def numbers(args: argparse.Namespace, run: Run, goals: Sequence[Target]) -> dict[str, Any]:
    """What the run measured, for ``--json``."""
    load = run.synthetic.times[LOAD]
    return {
        "command": run.command,
        "python": platform.python_version(),
        "items": len(run.texts),
        "passes": args.passes,
        "corpus": dict(zip(("items", "habits"), synth.survey(run.texts), strict=True)),
        "stats_us": run.synthetic.stats(),
        "speedup_over_frontmatter": speedup_summary(speedups(load[FM], load[OURS])),
        "floor": run.synthetic.floor,
        "targets": [g.__dict__ for g in goals],
        "import": run.import_numbers,
        "streams": run.streams,
        "agreement": run.agreed,
        "fidelity": run.kept,
        "real": None
        if run.real is None
        else {"items": len(run.real.texts), "stats_us": run.real.stats()},
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.survey is not None:
        return survey_only(args.survey)
    command = shlex.join(["python", "benchmarks/run.py", *(sys.argv[1:] if argv is None else argv)])
    run = measure_all(args, command)
    goals = all_targets(run, run.synthetic.stats())
    print("\n".join(report(args, run, goals)).rstrip())
    if args.json is not None:
        text = json.dumps(numbers(args, run, goals), indent=2) + "\n"
        args.json.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
