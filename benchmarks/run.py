"""newsitem against its peers, on a synthetic corpus it generates; prints markdown tables.

    python benchmarks/run.py                         # the default run, a few minutes
    python benchmarks/run.py --stream-items 100000   # the full streaming case

Every case times each contender on every item ``--repeat`` times, with the
contenders taking turns within each repetition, and keeps the median per item;
the tables give the median over the items of those medians (microseconds per
item), and ratios of those medians (peer / newsitem: how many times faster
newsitem is). Nothing here asserts: the targets are printed with a yes or no.

"newsitem (full path)" is newsitem with its fast read path switched off in
this process (``newsitem._fast._loads = None``), which is what an install
without the ``fast`` extra runs.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import peers
import synth

import newsitem
from newsitem import _split

_fast: Any
try:  # the fast read path of newsitem versions before the one reader
    from newsitem import _fast
except ImportError:
    _fast = None

HERE = Path(__file__).resolve().parent


# -- timing ----------------------------------------------------------------


@contextlib.contextmanager
def full_path(on: bool) -> Iterator[None]:
    """Switch newsitem's fast read path off for the duration (when ``on``)."""
    if _fast is None:  # one reader: nothing to switch
        yield
        return
    saved = _fast._loads
    if on:
        _fast._loads = None
    try:
        yield
    finally:
        _fast._loads = saved


@dataclass
class Contender:
    name: str
    fn: Callable[[Any], object]
    inputs: Sequence[Any]
    no_fast: bool = False
    times: list[list[float]] = field(default_factory=list)

    def medians(self) -> list[float]:
        return [statistics.median(per_item) for per_item in self.times]


def tolerant(fn: Callable[[Any], object]) -> Callable[[Any], object]:
    """``fn``, returning the exception it raises: a peer that rejects an item is timed too."""

    def call(x: Any) -> object:
        try:
            return fn(x)
        except Exception as exc:
            return exc

    return call


def measure(contenders: list[Contender], repeat: int, label: str) -> dict[str, float]:
    """Median over items of each contender's per-item median time, in microseconds.

    Every contender runs behind the same ``try`` (:func:`tolerant`), so that
    the few items a peer rejects (see the values table) do not stop the run.
    """
    for c in contenders:
        c.fn = tolerant(c.fn)
        c.times = [[] for _ in c.inputs]
        with full_path(c.no_fast):
            for x in c.inputs[:20]:  # warm up: imports, caches
                c.fn(x)
    for rep in range(repeat):
        for c in contenders:
            print(f"  {label}: {c.name} ({rep + 1}/{repeat})", file=sys.stderr, flush=True)
            gc.collect()
            fn, clock, times = c.fn, time.perf_counter, c.times
            with full_path(c.no_fast):
                for i, x in enumerate(c.inputs):
                    start = clock()
                    fn(x)
                    times[i].append(clock() - start)
    return {c.name: statistics.median(c.medians()) * 1e6 for c in contenders}


# -- agreement: every contender reads the same values ------------------------


def values(article: Any) -> Any:
    return article.model_dump(mode="json", by_alias=True)


def agreement(texts: Sequence[str]) -> dict[str, dict[str, int]]:
    """Per peer, on ``texts``: how many items give newsitem's values, other ones, or fail."""
    loaders: dict[str, Callable[[str], Any]] = {
        "newsitem (full path)": peers.newsitem_load,
        "ruamel.yaml rt + pydantic": peers.ruamel_rt_load,
        "python-frontmatter + pydantic": peers.frontmatter_load,
    }
    if peers.pydantic_yaml is not None:
        loaders["pydantic-yaml"] = peers.pydantic_yaml_load
    counts = {name: {"same": 0, "different": 0, "failed": 0} for name in loaders}
    for text in texts:
        expected = values(peers.newsitem_load(text))
        for name, load in loaders.items():
            try:
                with full_path(name == "newsitem (full path)"):
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
    return {"newsitem": same_ours, "ruamel.yaml rt": same_rt}


# -- streaming -------------------------------------------------------------


def write_stream_corpus(folder: Path, count: int, seed: int) -> None:
    """``count`` items as ``folder/NNNNNN.md``, one flat folder (kept if already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{count}-{seed}"
    if marker.exists():
        return
    print(f"  writing {count} items to {folder}", file=sys.stderr, flush=True)
    for n in range(count):
        (folder / f"{n:06d}.md").write_bytes(synth.item(seed + n).encode("utf-8"))
    marker.touch()


def stream(folder: Path, workers: int, mode: str) -> dict[str, Any]:
    print(f"  stream: workers={workers} mode={mode}", file=sys.stderr, flush=True)
    argv = [sys.executable, str(HERE / "stream.py"), str(folder), "--workers", str(workers)]
    done = subprocess.run(
        [*argv, "--mode", mode, "--pattern", "*.md"],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# -- report ----------------------------------------------------------------


def us(value: float) -> str:
    return f"{value:,.0f} µs" if value >= 100 else f"{value:,.1f} µs"


def mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MB"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def versions() -> str:
    names = [
        "newsitem",
        "pydantic",
        "ruamel.yaml",
        "ruamel.yaml.clibz",
        "yaml-rs",
        "PyYAML",
        "python-frontmatter",
        "pydantic-yaml",
        "rapidyaml",
    ]
    return ", ".join(f"{name} {_version(name)}" for name in names)


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


def ratio_row(
    case: str, ours: str, ours_us: float, peer: str, peer_us: float, target: float | None
) -> list[str]:
    ratio = peer_us / ours_us
    met = "—" if target is None else ("yes" if ratio >= target else "**no**")
    return [
        case,
        f"{ours}: {us(ours_us)}",
        f"{peer}: {us(peer_us)}",
        f"{ratio:,.1f}x",
        "—" if target is None else f">= {target:g}x",
        met,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--items", type=int, default=2000, help="items in the timed corpus")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--check-items", type=int, default=300, help="items on which values are compared"
    )
    parser.add_argument(
        "--stream-items", type=int, default=10_000, help="files in the streaming folder (0: skip)"
    )
    parser.add_argument(
        "--stream-dir",
        type=Path,
        default=None,
        help="where to write the streaming folder (kept, reused); default a temporary folder",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()
    print(f"generating {args.items} items", file=sys.stderr, flush=True)
    texts = synth.corpus(args.items, seed=args.seed)
    sizes = sorted(len(t.encode("utf-8")) for t in texts)
    fast_share = sum(_fast.values(_split.split(t).yaml) is not None for t in texts) if _fast else 0
    print(f"checking values on {args.check_items} items", file=sys.stderr, flush=True)
    agreed = agreement(texts[: args.check_items])
    kept = fidelity(texts[: args.check_items])

    # -- load + validate ---------------------------------------------------
    yamls = [peers.split(t)[0] for t in texts]
    floor = peers.floor_parsers()
    load = [
        Contender("newsitem", peers.newsitem_load, texts),
        Contender("newsitem (full path)", peers.newsitem_load, texts, no_fast=True),
        Contender("ruamel.yaml rt + pydantic", peers.ruamel_rt_load, texts),
        Contender("python-frontmatter + pydantic", peers.frontmatter_load, texts),
    ]
    if peers.pydantic_yaml is not None:
        load.append(Contender("pydantic-yaml", peers.pydantic_yaml_load, texts))
    load += [Contender(name, fn, yamls) for name, fn in floor.items()]
    parsed = [peers.yaml_rs.loads(y) if peers.yaml_rs else peers.RT.load(y) for y in yamls]
    validate_only = "pydantic validation alone (parsed values in)"
    load.append(Contender(validate_only, newsitem.Article.model_validate, parsed))
    load_us = measure(load, args.repeat, "load")

    # -- dump, edit --------------------------------------------------------
    items = [newsitem.loads(t) for t in texts]
    rt_loaded = [(peers.RT.load(y), peers.split(t)[1]) for y, t in zip(yamls, texts, strict=True)]
    dump_us = measure(
        [
            Contender("newsitem", newsitem.dumps, items),
            Contender("ruamel.yaml rt", lambda pair: peers.ruamel_rt_dump(*pair), rt_loaded),
        ],
        args.repeat,
        "dump",
    )
    del items, rt_loaded
    edit_us = measure(
        [
            Contender("newsitem", peers.newsitem_edit, texts),
            Contender("newsitem (full path)", peers.newsitem_edit, texts, no_fast=True),
            Contender("newsitem.frontmatter (no model)", peers.newsitem_document_edit, texts),
            Contender("ruamel.yaml rt", peers.ruamel_rt_edit, texts),
        ],
        args.repeat,
        "edit",
    )

    # -- streaming ---------------------------------------------------------
    streams: list[dict[str, Any]] = []
    if args.stream_items:
        with contextlib.ExitStack() as stack:
            folder = args.stream_dir
            if folder is None:
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nsb-")))
            write_stream_corpus(folder, args.stream_items, args.seed + 1_000_000)
            streams = [stream(folder, w, mode) for mode in ("iter", "map") for w in (1, 2)]

    # -- report ------------------------------------------------------------
    out: list[str] = []
    out.append(
        f"Machine: {cpu()}, {os.cpu_count()} cores; Python {platform.python_version()} "
        f"on {platform.system()} {platform.release()}. Load average (1 min) "
        f"{load_before[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end."
    )
    out.append(f"Packages: {versions()}.")
    out.append(
        f"Corpus: {len(texts)} synthetic items (seed {args.seed}), median "
        f"{sizes[len(sizes) // 2]:,} bytes, largest {sizes[-1]:,}; the fast path read "
        f"{fast_share} of {len(texts)}. Medians of {args.repeat} passes."
    )
    out.append("")
    rows: list[list[str]] = []
    ours = {"newsitem": "newsitem", "newsitem (full path)": "newsitem (full path)"}
    for peer_name, target in (
        ("ruamel.yaml rt + pydantic", 20.0),
        ("pydantic-yaml", 20.0),
        ("python-frontmatter + pydantic", 1.5),
    ):
        if peer_name not in load_us:
            continue
        rows.extend(
            ratio_row("load + validate", name, load_us[name], peer_name, load_us[peer_name], target)
            for name in ours
        )
    rows.append(
        ratio_row(
            "dump, unchanged",
            "newsitem",
            dump_us["newsitem"],
            "ruamel.yaml rt",
            dump_us["ruamel.yaml rt"],
            100,
        )
    )
    rows.extend(
        ratio_row(
            "load, edit one field, dump",
            name,
            edit_us[name],
            "ruamel.yaml rt",
            edit_us["ruamel.yaml rt"],
            10 if name in ours else None,
        )
        for name in (*ours, "newsitem.frontmatter (no model)")
    )
    for s in streams:
        peak = max(s["main_peak_mb"], s["worker_peak_mb"] or 0.0)
        rows.append(
            [
                f"stream {s['items']:,} files, `{s['mode']}`, workers={s['workers']}",
                f"peak RSS {mb(peak)} (largest process)",
                "—",
                "—",
                "< 150 MB",
                "yes" if peak < 150 else "**no**",
            ]
        )
    out.append(table(["case", "newsitem", "peer", "ratio", "target", "met?"], rows))
    out.append("")

    base = load_us["newsitem"]
    floor_rows = [
        [
            name,
            us(load_us[name]),
            f"{base / load_us[name]:,.1f}x",
            f"{load_us['newsitem (full path)'] / load_us[name]:,.1f}x",
        ]
        for name in (*floor, validate_only)
    ]
    out.append(
        table(
            [
                "floor: bare parse of the front matter",
                "median",
                "newsitem ÷ it",
                "newsitem (full path) ÷ it",
            ],
            floor_rows,
        )
    )
    out.append("")

    if streams:
        by = {(s["mode"], s["workers"]): s for s in streams}
        stream_rows = []
        for s in streams:
            one = by[(s["mode"], 1)]["items_per_s"]
            stream_rows.append(
                [
                    f"`{s['mode']}`",
                    str(s["workers"]),
                    f"{s['items']:,}",
                    f"{s['seconds']:,.1f} s",
                    f"{s['items_per_s']:,.0f}",
                    f"{s['items_per_s'] / one:,.2f}x",
                    f"{mb(s['baseline_mb'])} → {mb(s['main_peak_after_5000_mb'])} → "
                    f"{mb(s['main_peak_mb'])}",
                    mb(s["worker_peak_mb"]),
                    mb(s["tree_peak_mb"]),
                ]
            )
        out.append(
            table(
                [
                    "mode",
                    "workers",
                    "files",
                    "time",
                    "items/s",
                    "vs 1 worker",
                    "main RSS: start → 5,000 files → end",
                    "largest child peak",
                    "all processes, peak sum",
                ],
                stream_rows,
            )
        )
        out.append("")

    out.append(
        table(
            ["values checked on", "same as newsitem", "different", "failed"],
            [
                [name, str(c["same"]), str(c["different"]), str(c["failed"])]
                for name, c in agreed.items()
            ],
        )
    )
    out.append("")
    out.append(
        f"Unchanged load + dump gives the input back byte for byte: newsitem "
        f"{kept['newsitem']} of {args.check_items}, ruamel.yaml rt {kept['ruamel.yaml rt']} "
        f"of {args.check_items}."
    )
    print("\n".join(out))
    if args.json is not None:
        numbers = {
            "load_us": load_us,
            "dump_us": dump_us,
            "edit_us": edit_us,
            "streams": streams,
            "agreement": agreed,
            "fidelity": kept,
        }
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
