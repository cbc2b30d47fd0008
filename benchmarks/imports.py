"""How long ``import newsitem`` takes, and what it pulls in, measured in fresh processes.

Two ways, each run ``runs`` times after one unmeasured run of each (which
warms the bytecode caches):

- wall clock: ``python -c "import newsitem"`` against ``python -c pass``, the
  difference of the medians being the import's own cost;
- ``python -X importtime -c "import newsitem"``: the interpreter's own count
  of the cumulative time under ``newsitem``, and which packages take it.

And once, the modules ``import newsitem`` leaves in ``sys.modules`` that it
should not load until they are used (multiprocessing, Dask, pyarrow, ...).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

# Imported only when a feature that needs them is used (issue: `import newsitem` stays fast).
LAZY = (
    "multiprocessing",
    "concurrent.futures",
    "dask",
    "distributed",
    "pyarrow",
    "pandas",
    "polars",
    "psutil",
)


@dataclass(frozen=True)
class Line:
    """One line of ``-X importtime``: microseconds, nesting depth, module name."""

    self_us: int
    cumulative_us: int
    depth: int
    name: str


def parse_importtime(stderr: str) -> list[Line]:
    """The lines of ``-X importtime`` output (``import time: self | cumulative | name``)."""
    lines: list[Line] = []
    for raw in stderr.splitlines():
        if not raw.startswith("import time:") or "imported package" in raw:
            continue
        own, cumulative, name = raw[len("import time:") :].split("|", 2)
        stripped = name.lstrip(" ")
        depth = (len(name) - len(stripped) - 1) // 2  # one space after the bar, two per level
        lines.append(Line(int(own), int(cumulative), depth, stripped.rstrip()))
    return lines


def subtree(lines: list[Line], name: str) -> tuple[Line | None, list[Line]]:
    """The line of module ``name`` and every import under it (printed before it)."""
    for index, line in enumerate(lines):
        if line.name != name:
            continue
        below: list[Line] = []
        for before in reversed(lines[:index]):
            if before.depth <= line.depth:
                break
            below.append(before)
        return line, below
    return None, []


def by_package(lines: list[Line]) -> dict[str, float]:
    """Own import time (ms) summed per top-level package."""
    totals: dict[str, float] = {}
    for line in lines:
        top = line.name.split(".", 1)[0]
        totals[top] = totals.get(top, 0.0) + line.self_us / 1000
    return totals


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def _importtime() -> list[Line]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import newsitem"],
        check=True,
        capture_output=True,
        text=True,
    )
    return parse_importtime(done.stderr)


def measure(runs: int) -> dict[str, object]:
    """The numbers, in milliseconds, as a JSON-ready dict."""
    _wall("pass")
    _wall("import newsitem")
    bare: list[float] = []
    with_import: list[float] = []
    for _ in range(runs):  # taking turns, so that a noisy moment hits both
        bare.append(_wall("pass"))
        with_import.append(_wall("import newsitem"))
    _importtime()
    cumulative: list[float] = []
    packages: dict[str, list[float]] = {}
    for _ in range(runs):
        top, below = subtree(_importtime(), "newsitem")
        if top is None:
            raise RuntimeError("-X importtime printed no line for newsitem")
        cumulative.append(top.cumulative_us / 1000)
        for package, ms in by_package([top, *below]).items():
            packages.setdefault(package, []).append(ms)
    largest = sorted(packages.items(), key=lambda kv: -statistics.median(kv[1]))[:6]
    probe = "import json, sys, newsitem; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)
    modules = set(json.loads(done.stdout))
    return {
        "runs": runs,
        "python_pass_ms": statistics.median(bare) * 1000,
        "python_import_ms": statistics.median(with_import) * 1000,
        "import_ms": (statistics.median(with_import) - statistics.median(bare)) * 1000,
        "importtime_cumulative_ms": statistics.median(cumulative),
        "largest_packages_ms": {name: statistics.median(ms) for name, ms in largest},
        "lazy_loaded_eagerly": [name for name in LAZY if name in modules],
        "modules_loaded": len(modules),
    }
