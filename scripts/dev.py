#!/usr/bin/env python3
"""Developer tasks for newsitem. Needs only Python 3.10+; builds its own .venv.

    python3 scripts/dev.py test                  lint, type-check, test, build the docs
    python3 scripts/dev.py check-examples        run `newsitem check` on examples/
    python3 scripts/dev.py test --skip pyright   leave a step out (repeatable)

The YAML reader has two builds, pure Python and native (C, where a compiler
was found at install): "pytest" runs the suite on the native build (with
tests/test_native.py holding the two to the same values), and "pytest-pure"
runs the reader's, front matter's and API's tests again with NEWSITEM_PURE=1.

Each step prints its command first; the first step that fails stops the run,
which exits with that step's exit code.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")

TEST_STEPS = ["ruff", "format", "mypy", "pyright", "pytest", "pytest-pure", "docs"]
# The tests that the pure build of the reader runs again (NEWSITEM_PURE=1).
PURE_TESTS = [
    "tests/frontmatter",
    "tests/hostile",
    "tests/test_api.py",
    "tests/test_api_edges.py",
    "tests/test_positions.py",
    "tests/test_messages.py",
]
EXAMPLE_STEPS = ["valid", "invalid"]
ALL_STEPS = ["install", *TEST_STEPS, *EXAMPLE_STEPS]


def tool(name: str) -> str:
    return str(BIN / name)


def run(
    step: str, argv: list[str], *, capture: bool = False, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one command from the repository root with the venv first on PATH."""
    shown = "".join(f"{name}={value} " for name, value in (extra or {}).items())
    print(f"==> {step}: {shown}{' '.join(argv)}", flush=True)
    env = dict(os.environ, VIRTUAL_ENV=str(VENV), **(extra or {}))
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # mkdocs-material's banner
    return subprocess.run(argv, cwd=ROOT, env=env, text=True, capture_output=capture, check=False)


def fail(step: str, code: int, why: str = "") -> int:
    detail = f": {why}" if why else ""
    print(f"dev.py: step '{step}' failed (exit code {code}){detail}", file=sys.stderr)
    return code if code != 0 else 1


def setup(skip: set[str]) -> int:
    """Create .venv when missing, then install the package, every extra, and the dev tools."""
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print(f"==> venv: creating {VENV}", flush=True)
        venv.create(VENV, with_pip=True)
    if "install" in skip:
        return 0
    argv = [tool("python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # The development tools are PEP 735 dependency groups, which pip installs
    # from version 25.1 on; the pip that venv brings may be older.
    code = run("install", [*argv, "-U", "pip>=25.1"]).returncode
    if not code:
        code = run("install", [*argv, "-e", ".[all]", "--group", "dev"]).returncode
    return fail("install", code) if code else 0


def test(skip: set[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="newsitem-site-") as site:
        steps = {
            "ruff": [tool("ruff"), "check", "."],
            "format": [tool("ruff"), "format", "--check", "."],
            "mypy": [tool("mypy")],
            "pyright": [tool("pyright")],
            "pytest": [tool("pytest"), "-n", "2"],
            "pytest-pure": [tool("pytest"), "-n", "2", "-q", *PURE_TESTS],
            "docs": [tool("mkdocs"), "build", "--strict", "--site-dir", site],
        }
        for step in TEST_STEPS:
            if step in skip:
                print(f"==> {step}: skipped", flush=True)
                continue
            extra = {"NEWSITEM_PURE": "1"} if step == "pytest-pure" else None
            code = run(step, steps[step], extra=extra).returncode
            if step.startswith("pytest") and code == 5:
                return fail(step, code, "no tests were collected")
            if code:
                return fail(step, code)
    print("dev.py: all steps passed")
    return 0


def check_examples(skip: set[str]) -> int:
    """Valid examples must pass; every invalid example must be reported."""
    newsitem = tool("newsitem")
    if "valid" not in skip:
        code = run("valid", [newsitem, "check", "examples/valid"]).returncode
        if code:
            return fail("valid", code, "the valid examples must all pass")
    if "invalid" not in skip:
        result = run("invalid", [newsitem, "check", "examples/invalid"], capture=True)
        print(result.stdout, end="")
        print(result.stderr, end="", file=sys.stderr)
        if result.returncode != 1:
            return fail("invalid", result.returncode, "expected exit code 1")
        output = result.stdout + result.stderr
        names = sorted(p.name for p in (ROOT / "examples" / "invalid").iterdir() if p.is_file())
        missed = [name for name in names if name not in output]
        if missed:
            return fail("invalid", 1, "not reported: " + ", ".join(missed))
    print("dev.py: examples check out (valid pass, every invalid one reported)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py", description="Developer tasks for newsitem.")
    parser.add_argument("task", choices=["test", "check-examples"])
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=ALL_STEPS,
        metavar="STEP",
        help=f"leave out a step; one of: {', '.join(ALL_STEPS)}",
    )
    args = parser.parse_args(argv)
    skip = set(args.skip)
    code = setup(skip)
    if code:
        return code
    return test(skip) if args.task == "test" else check_examples(skip)


if __name__ == "__main__":
    sys.exit(main())
