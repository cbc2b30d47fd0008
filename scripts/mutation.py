#!/usr/bin/env python3
"""Mutation testing, one core module at a time, with mutmut.

    .venv/bin/python scripts/mutation.py _io             mutate src/newsitem/_io.py
    .venv/bin/python scripts/mutation.py _io --show      also print each survivor's diff
    .venv/bin/python scripts/mutation.py _io --survivors test the last run's survivors again
    .venv/bin/python scripts/mutation.py _edit --only 'x_diff*' 'x_value__*'
                                                         only the mutants of these functions
    .venv/bin/python scripts/mutation.py --list          the modules and their tests

Each module is mutated in its own copy of the project under
``build/mutation/MODULE/`` (so runs of different modules do not share state,
and a rerun only tests what changed), against the test files that exercise it.
The last line reads ``newsitem/MODULE.py: killed K/N (P%)``, then each
survivor is listed by name; ``--show`` prints its diff. A rerun tests only
the mutants of functions that changed since: after adding tests, run it once
more with ``--survivors`` to test the last run's survivors against them. The
property tests run under hypothesis's ``mutation`` profile (25 derandomised
examples each, none shrunk). Needs the ``mutation`` dependency group
(``pip install --group mutation``, part of ``dev``). Runs one worker, ``nice``d.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORK = ROOT / "build" / "mutation"

# The tests that exercise each module: every mutant is run against the tests
# among these that reach the function it changes (mutmut tracks which). Files
# whose tests start worker processes (test_corpus_api.py, the Dask recipe) are
# left out: a spawned worker re-runs mutmut's own entry point.
_CLAIMS = "tests/test_doc_claims.py"
_MESSAGES = "tests/test_messages.py"
_WRITTEN = "tests/test_written_scalars.py"
# The reader: the composer (_yaml), the parser and the scanner of scalars.
_READER = [
    "tests/frontmatter/test_values_sink.py",
    "tests/frontmatter/test_composer.py",
    "tests/frontmatter/test_scanner.py",
    "tests/frontmatter/test_parser.py",
    "tests/frontmatter/test_parser_flow.py",
    "tests/frontmatter/test_parser_blocks.py",
    "tests/hostile/test_one_reader.py",
    "tests/hostile/test_fuzz_regressions.py",
    "tests/frontmatter/test_roundtrip.py",
    "tests/frontmatter/test_errors.py",
    "tests/frontmatter/test_lone_cr.py",
    "tests/hostile/test_bad_input.py",
    "tests/frontmatter/test_corpus.py",
    "tests/frontmatter/test_edits.py",
    "tests/test_positions.py",
    _MESSAGES,
    _CLAIMS,
]
TESTS: dict[str, list[str]] = {
    "_split": [
        "tests/frontmatter/test_roundtrip.py",
        "tests/frontmatter/test_errors.py",
        "tests/frontmatter/test_edits.py",
        "tests/hostile/test_bad_input.py",
        _CLAIMS,
        _MESSAGES,
    ],
    "_edit": [
        "tests/frontmatter/test_edits.py",
        "tests/frontmatter/test_edit_edges.py",
        "tests/frontmatter/test_edit_paths.py",
        "tests/frontmatter/test_key_order.py",
        "tests/frontmatter/test_unchanged.py",
        "tests/frontmatter/test_lone_cr.py",
        "tests/frontmatter/test_edit_properties.py",
        "tests/frontmatter/test_properties.py",
        "tests/test_api.py",
        "tests/test_api_edges.py",
        "tests/hostile/test_fuzz_regressions.py",
        "tests/test_scalar_patch.py",
    ],
    "_render": [
        "tests/frontmatter/test_edits.py",
        "tests/frontmatter/test_properties.py",
        "tests/test_api.py",
        _WRITTEN,
        "tests/test_written_strings.py",
        "tests/test_written_collections.py",
    ],
    "errors": [
        "tests/frontmatter/test_errors.py",
        "tests/test_api.py",
        "tests/cli/test_cli_check.py",
        "tests/test_validation.py",
        "tests/hostile/test_bad_input.py",
        _CLAIMS,
        _MESSAGES,
    ],
    "models": [
        "tests/test_models.py",
        "tests/test_validation.py",
        "tests/test_api.py",
        "tests/test_api_edges.py",
        "tests/test_change_tracking.py",
        _CLAIMS,
        _WRITTEN,
    ],
    "limits": ["tests/hostile/test_bad_input.py", "tests/test_api.py", _CLAIMS, _MESSAGES],
    "_io": [
        "tests/hostile/test_bad_input.py",
        "tests/hostile/test_safe_writes.py",
        "tests/test_api.py",
        "tests/frontmatter/test_errors.py",
        _CLAIMS,
        "tests/test_io.py",
    ],
    "_scalars": [
        "tests/frontmatter/test_roundtrip.py",
        "tests/frontmatter/test_edits.py",
        "tests/test_api.py",
        "tests/test_models.py",
        _CLAIMS,
        _WRITTEN,
    ],
    "_yaml": _READER,
    "_parser": _READER,
    "_scanner": _READER,
    # Change tracking: an unchanged item dumps its text, every change is written.
    "_lists": [
        "tests/test_change_tracking.py",
        "tests/test_list_operations.py",
        "tests/test_watched_values.py",
        "tests/test_api_edges.py",
        "tests/test_api.py",
        "tests/test_validation.py",
        "tests/test_models.py",
    ],
    # Where each value was written, read without the source tree (lint, positions).
    "_located": [
        "tests/test_located_spots.py",
        "tests/test_located.py",
        "tests/test_positions.py",
        "tests/test_validation.py",
        "tests/lint/test_lint_api.py",
        "tests/lint/test_rules.py",
        "tests/lint/test_lint_file.py",
        # The native build's record against the pure sink's, spot for spot.
        "tests/test_native.py",
    ],
    "_validation": [
        "tests/test_validation.py",
        "tests/test_models.py",
        "tests/test_api.py",
        "tests/test_api_edges.py",
        _WRITTEN,
        _MESSAGES,
    ],
}
# Tests in the files above that start worker processes.
DESELECT = "not workers"
# Copied into the scratch project: what the tests read.
COPY = ["src", "tests", "examples", "fuzz", "docs", "benchmarks", "README.md", "pyproject.toml"]


def _config(module: str) -> str:
    """The ``[tool.mutmut]`` table for one module."""
    tests = ", ".join(f'"{name}"' for name in TESTS[module] if (ROOT / name).exists())
    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f'only_mutate = ["src/newsitem/{module}.py"]\n'
        # mutmut runs the tests in its own copy, with tests/ but not what they read.
        # benchmarks/: tests/test_scalar_patch.py imports its item generator.
        'also_copy = ["examples", "fuzz", "docs", "benchmarks", "README.md"]\n'
        f"pytest_add_cli_args_test_selection = [{tests}]\n"
        # -x: the first failing test kills the mutant; no xdist, no cache.
        'pytest_add_cli_args = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", '
        f'"-k", "{DESELECT}"]\n'
        # A mutant that loops forever is stopped after four times its tests' CPU
        # time (mutmut's default is thirty): a timeout counts as a kill either way,
        # and the reader's loops made each one cost minutes.
        "timeout_multiplier = 2.0\n"
    )


# mutmut's trampoline adds frames to every call of the mutated module, so the
# parser's recursion through 100 nested flow mappings (the depth-limit tests)
# would meet Python's default recursion limit of 1,000 before the depth limit.
_RUN_MUTMUT = (
    "import sys; sys.setrecursionlimit(4000); sys.argv[0] = 'mutmut'; "
    "from mutmut.__main__ import cli; sys.exit(cli())"
)


def _prepare(module: str) -> Path:
    """A scratch copy of the project for ``module``, refreshed from the sources."""
    work = WORK / module
    work.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        source, target = ROOT / name, work / name
        if source.is_dir():
            shutil.copytree(
                source,
                target,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__", ".hypothesis", "corpus", "crashes"),
            )
        else:
            shutil.copy2(source, target)
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text + _config(module), encoding="utf-8")
    return work


def _results(work: Path) -> dict[str, str]:
    """Mutant name -> status, from ``mutmut results --all true``."""
    out = subprocess.run(
        [str(BIN / "mutmut"), "results", "--all", "true"],
        cwd=work,
        text=True,
        capture_output=True,
        check=True,
    ).stdout
    # Statuses may be two words ("no tests"): such a mutant counts, as one not killed.
    return dict(re.findall(r"^\s*(\S+): (\S.*?)\s*$", out, re.MULTILINE))


def _matches(name: str, patterns: list[str]) -> bool:
    """Whether ``name`` is one of the mutants asked for (all of them when none are)."""
    return not patterns or any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mutation.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("module", nargs="?", choices=sorted(TESTS))
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    parser.add_argument(
        "--survivors", action="store_true", help="test the last run's survivors again"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="GLOB",
        help="only the mutants whose names match (mutmut names them newsitem.MODULE.x_FUNCTION"
        "__mutmut_N; a bare pattern is matched after 'newsitem.MODULE.'); the figure counts these",
    )
    args = parser.parse_args(argv)
    only = [
        pattern if pattern.startswith("newsitem.") else f"newsitem.{args.module}.{pattern}"
        for pattern in args.only or []
    ]
    if args.list or args.module is None:
        for module, tests in TESTS.items():
            print(f"{module}: {' '.join(tests)}")
        return 0
    work = _prepare(args.module)
    # Each mutant runs the property tests again: 25 derandomised examples each
    # (tests/conftest.py). Fewer examples can only let more mutants survive.
    # NEWSITEM_PURE=1: the reader's Python code, the code mutated, reads every
    # text (the native build of values() would read most of them first).
    env = dict(os.environ, NEWSITEM_HYPOTHESIS_PROFILE="mutation", NEWSITEM_PURE="1")
    corpus = ROOT.parent / "shared" / "corpus"
    env.setdefault("NEWSITEM_CORPUS", str(corpus))
    argv_run = ["nice", sys.executable, "-c", _RUN_MUTMUT, "run", "--max-children", "1"]
    if args.survivors and (work / "mutants").is_dir():
        argv_run += sorted(
            n
            for n, status in _results(work).items()
            if status in ("survived", "no tests") and _matches(n, only)
        )
    elif only:
        argv_run += only
    log = work / "mutmut-run.log"
    print(f"mutation.py: mutating src/newsitem/{args.module}.py; progress in {log}", flush=True)
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.run(argv_run, cwd=work, env=env, stdout=out, stderr=out).returncode
    if code:
        print(f"mutation.py: mutmut run failed (exit code {code}); see {log}", file=sys.stderr)
        return code
    statuses = {n: s for n, s in _results(work).items() if _matches(n, only)}
    total = len(statuses)
    killed = sum(status in ("killed", "timeout") for status in statuses.values())
    survivors = sorted(name for name, status in statuses.items() if status == "survived")
    other = sorted(
        f"{name} ({status})"
        for name, status in statuses.items()
        if status not in ("killed", "timeout", "survived")
    )
    share = 100 * killed / total if total else 0.0
    for name in survivors:
        print(f"survived: {name}")
        if args.show:
            diff = subprocess.run(
                [str(BIN / "mutmut"), "show", name], cwd=work, text=True, capture_output=True
            )
            print(diff.stdout)
    for name in other:
        print(f"not tested: {name}")
    scope = f" (mutants matching {' '.join(args.only)})" if only else ""
    print(f"newsitem/{args.module}.py{scope}: killed {killed}/{total} ({share:.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
