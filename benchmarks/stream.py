"""One streaming run in a fresh process: time and peak memory, printed as JSON.

    python benchmarks/stream.py FOLDER --workers 2 --mode iter

``iter`` consumes ``corpus.iter_files`` (each whole item comes back to this
process); ``map`` consumes ``corpus.map_files`` with the check record of
``newsitem.contrib.records`` (only the record comes back). Each result is
dropped as soon as it is counted, as a checker or an indexer would.

Memory: this process's peak RSS is the kernel's high-water mark (``VmHWM`` in
``/proc/self/status``, else ``ru_maxrss``). The workers (children of a fork
server, so not ours to ``wait`` for) are sampled every 50 ms with psutil: the
largest worker's high-water mark, and the largest sum of RSS over the whole
process tree at any sample.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from typing import Any

try:
    import psutil
except ImportError:  # the tree is not measured; this process still is
    psutil = None


def _status_mb(pid: int | str, field: str) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


_highest_mb = 0.0


def peak_mb() -> float:
    """This process's peak RSS so far, in MiB.

    Linux reports VmHWM as the larger of a high-water mark it updates only now
    and then and the current, approximate RSS, so two readings can go down by
    a page: the highest reading seen is kept, so the peak never falls.
    """
    global _highest_mb
    hwm = _status_mb("self", "VmHWM")
    if hwm is None:
        scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
        hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1024 / 1024
    _highest_mb = max(_highest_mb, hwm)
    return _highest_mb


class TreeSampler(threading.Thread):
    """Samples the RSS of every process below this one until stopped."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.worker_peak: dict[int, float] = {}
        self.tree_peak = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._done.wait(self.interval):
            total = me.memory_info().rss / 1024 / 1024
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 1024 / 1024
                except psutil.Error:
                    continue
                total += rss
                hwm = _status_mb(child.pid, "VmHWM") or rss
                self.worker_peak[child.pid] = max(self.worker_peak.get(child.pid, 0.0), hwm)
            self.tree_peak = max(self.tree_peak, total)

    def stop(self) -> None:
        self._done.set()
        self.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--mode", choices=("iter", "map"), default="iter")
    parser.add_argument("--pattern", default="**/*.md")
    parser.add_argument("--chunksize", type=int, default=64)
    parser.add_argument(
        "--checkpoint", type=int, default=5000, help="also note the peaks after this many files"
    )
    args = parser.parse_args(argv)

    from newsitem import corpus
    from newsitem.contrib.records import record

    baseline = peak_mb()
    sampler = TreeSampler() if psutil is not None else None
    if sampler is not None:
        sampler.start()
    options: dict[str, Any] = {
        "pattern": args.pattern,
        "workers": args.workers,
        "chunksize": args.chunksize,
    }
    results = (
        corpus.iter_files(args.folder, **options)
        if args.mode == "iter"
        else corpus.map_files(record, args.folder, **options)
    )
    count = invalid = 0
    early: float | None = None
    early_worker: float | None = None
    start = time.perf_counter()
    for result in results:
        count += 1
        ok = result.ok if args.mode == "iter" else result["ok"]
        invalid += not ok
        if count == args.checkpoint:
            early = peak_mb()
            if sampler is not None:
                early_worker = max(sampler.worker_peak.values(), default=None)
    seconds = time.perf_counter() - start
    if sampler is not None:
        sampler.stop()
    report = {
        "workers": args.workers,
        "mode": args.mode,
        "items": count,
        "invalid": invalid,
        "seconds": seconds,
        "items_per_s": count / seconds if seconds else 0.0,
        "baseline_mb": baseline,
        "checkpoint": args.checkpoint,
        "main_peak_at_checkpoint_mb": early,
        "worker_peak_at_checkpoint_mb": early_worker,
        "main_peak_mb": peak_mb(),
        "worker_peak_mb": max(sampler.worker_peak.values(), default=None) if sampler else None,
        "tree_peak_mb": sampler.tree_peak if sampler else None,
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
