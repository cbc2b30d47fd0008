"""Every code example in README.md and docs/*.md runs.

For each page, its ```python blocks run in order in one namespace, and each
``newsitem ...`` line of its ```sh blocks (and ``$ newsitem ...`` of its
```console blocks) runs as ``python -m newsitem ...``, which must not exit
with 2 (a usage error); a console block's output lines must be what the
command prints. Both run in a fresh folder holding ``item.md`` (a copy of
examples/valid/01-reference-style.md), ``items/`` (a copy of examples/valid/)
and ``examples/`` (a copy of examples/, which the CLI page checks). A page
added later is picked up without touching this file.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = ROOT / "examples" / "valid"

# An opening fence (```lang, up to three spaces in), its body, the closing fence.
_FENCE = re.compile(
    r"^ {0,3}```[ \t]*(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^ {0,3}```[ \t]*$", re.M | re.S
)


@dataclass(frozen=True)
class Block:
    """A fenced code block: its page, the file line of its first code line, its text."""

    page: Path
    line: int
    lang: str
    code: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT).as_posix()}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of ``page``, in order."""
    text = page.read_text(encoding="utf-8")
    return [
        Block(page, text.count("\n", 0, match.start("body")) + 1, match["lang"], match["body"])
        for match in _FENCE.finditer(text)
    ]


@dataclass(frozen=True)
class Command:
    """A ``newsitem`` command of a shell block: its file line, its arguments, its output.

    ``output`` is None in a ```sh block, and in a ```console block the lines
    shown after the command.
    """

    line: int
    argv: list[str]
    output: list[str] | None


def commands(block: Block) -> list[Command]:
    """Each ``newsitem`` command of a shell block (``$ newsitem ...`` in a console block)."""
    found: list[Command] = []
    output: list[str] | None = None
    for offset, line in enumerate(block.code.splitlines()):
        stripped = line.strip()
        if block.lang == "console":
            if not stripped.startswith("$ "):
                if output is not None:
                    output.append(line)
                continue
            stripped = stripped[2:]
            output = None
        if stripped.startswith("newsitem "):
            argv = shlex.split(stripped, comments=True)[1:]
            output = [] if block.lang == "console" else None
            found.append(Command(block.line + offset, argv, output))
    return found


def _id(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


PYTHON_PAGES = [page for page in PAGES if any(b.lang == "python" for b in blocks(page))]
SHELL_PAGES = [
    page
    for page in PAGES
    if any(commands(b) for b in blocks(page) if b.lang in ("sh", "bash", "console"))
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder with ``item.md`` and ``items/``, made the working directory."""
    shutil.copyfile(EXAMPLES / "01-reference-style.md", tmp_path / "item.md")
    shutil.copytree(EXAMPLES, tmp_path / "items")
    shutil.copytree(EXAMPLES.parent, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pages_have_examples() -> None:
    """The pages are found and hold examples, so the tests below test something."""
    assert ROOT / "README.md" in PYTHON_PAGES
    assert ROOT / "README.md" in SHELL_PAGES
    assert len(PYTHON_PAGES) >= 5


def test_block_reader_finds_fences_and_lines(tmp_path: Path) -> None:
    """Blocks are found with their language and the file line of their first code line."""
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n```python\nx = 1\n```\n\ntext\n\n```sh\nnewsitem check a  # b\n```\n"
        "\n```console\n$ newsitem check c\nout 1\nout 2\n$ ls\nd\n```\n"
    )
    found = blocks(page)
    assert [(b.lang, b.line, b.code) for b in found] == [
        ("python", 4, "x = 1\n"),
        ("sh", 10, "newsitem check a  # b\n"),
        ("console", 14, "$ newsitem check c\nout 1\nout 2\n$ ls\nd\n"),
    ]
    assert commands(found[1]) == [Command(10, ["check", "a"], None)]
    assert commands(found[2]) == [Command(14, ["check", "c"], ["out 1", "out 2"])]


def missing_packages(block: Block) -> list[str]:
    """The top-level packages ``block`` imports that are not installed (``pyspark``)."""
    names = set()
    for node in ast.walk(ast.parse(block.code)):
        if isinstance(node, ast.Import):
            names.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.partition(".")[0])
    return sorted(name for name in names if importlib.util.find_spec(name) is None)


# As a user runs them: a warning (Dask's "port 8787 is in use" when another
# cluster runs on the machine) is shown, not raised.
@pytest.mark.filterwarnings("default")
@pytest.mark.parametrize("page", PYTHON_PAGES, ids=_id)
def test_python_examples_run(page: Path, folder: Path) -> None:
    """The page's ```python blocks run in order, in one namespace, without an error.

    A block that imports a package no extra installs (the Spark recipe's
    ``pyspark``) is left out, and the test says so as a skip after running the rest.
    """
    namespace: dict[str, object] = {"__name__": "__docs__"}
    left_out = []
    for block in blocks(page):
        if block.lang != "python":
            continue
        missing = missing_packages(block)
        if missing:
            left_out.append(f"{block.where} (needs {', '.join(missing)})")
            continue
        # Blank lines in front put the code at its line in the page, for tracebacks.
        code = compile("\n" * (block.line - 1) + block.code, str(page), "exec")
        try:
            exec(code, namespace)
        except Exception as exc:  # any failure of an example fails the test, with its place
            detail = "".join(traceback.format_exception(exc)[-3:])
            pytest.fail(f"the block at {block.where} raised:\n{detail}", pytrace=False)
    if left_out:
        pytest.skip("the other blocks ran; not run: " + "; ".join(left_out))


@pytest.mark.parametrize("page", SHELL_PAGES, ids=_id)
def test_newsitem_commands_are_not_usage_errors(page: Path, folder: Path) -> None:
    """Each ``newsitem ...`` command of the page runs and does not exit with 2 (usage)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for block in blocks(page):
        if block.lang not in ("sh", "bash", "console"):
            continue
        for command in commands(block):
            argv = command.argv
            result = subprocess.run(
                [sys.executable, "-m", "newsitem", *argv],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            where = f"{page.relative_to(ROOT).as_posix()}:{command.line}"
            shown = f"{where}: `newsitem {shlex.join(argv)}`"
            assert result.returncode != 2, f"{shown} is a usage error: {result.stderr}"
            assert "Traceback" not in result.stderr, f"{shown}: {result.stderr}"
            if command.output is not None:
                printed = (result.stdout + result.stderr).splitlines()
                assert printed == command.output, f"{shown} prints something else"
