"""The ``newsitem check`` command: its output lines, summary, exit status and options.

Expected lines are written by hand from the documented form
``path:line:column: CODE message``, with positions counted in the file.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsitem.cli import main

ROOT = Path(__file__).resolve().parents[1]

EXAMPLE_FOLDERS = ("examples/valid", "examples/invalid")

VALID = "---\ntitle: One\nwebUrl: https://example.com/one\n---\nBody\n"


def write(folder: Path, files: dict[str, bytes | str]) -> None:
    """Write ``files`` (relative path -> text or bytes) under ``folder``."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``main(argv)`` with its exit status, stdout and stderr; argparse's exits included."""
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, so that paths in the output are short and relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_all_valid_exits_0_with_a_summary(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Valid items print nothing on stdout, a summary on stderr, and exit 0."""
    write(folder, {"items/a.md": VALID, "items/b.md": VALID})
    assert run(capsys, "check", "items") == (0, "", "checked 2 files: 2 valid, 0 invalid\n")


def test_every_issue_on_its_own_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid item gives one line per issue, in file order, and exit 1."""
    write(folder, {"bad.md": "---\ntitle: 5\nwebUrl: /relative\nquality: lots\n---\n"})
    assert run(capsys, "check", "bad.md") == (
        1,
        "bad.md:2:8: wrong-type title: expected a string, got an integer 5\n"
        "bad.md:3:9: invalid-value webUrl: expected an absolute http or https URL with a host,"
        " got a string '/relative'\n"
        "bad.md:4:10: wrong-type quality: expected an integer, got a string 'lots'\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def test_each_file_is_reported_and_the_run_goes_on(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors of every kind are reported per file, in path order, valid files counted."""
    write(
        folder,
        {
            "d/1.md": VALID,
            "d/2.md": "---\ntitle: Two\n---\n",
            "d/3.md": "---\ntitle: Three\n",
            "d/4.md": b"---\n\xff\n---\n",
            "d/5.md": "title: Five\n",
            "d/6.md": "---\ntitle: a\ntitle: b\n---\n",
            "d/7.md": VALID,
        },
    )
    status, out, err = run(capsys, "check", "d")
    assert status == 1
    assert out == (
        "d/2.md:2:1: missing-field webUrl: required field is missing\n"
        "d/3.md:1:1: unclosed-front-matter front matter is not closed:"
        " no '---' line after the opening one\n"
        "d/4.md:2:1: invalid-encoding not valid UTF-8: byte 0xff at offset 4\n"
        "d/5.md:1:1: no-front-matter no front matter: the text must start with a '---' line\n"
        "d/6.md:3:1: duplicate-key duplicate key 'title' (first given at line 2, column 1)\n"
    )
    assert err == "checked 7 files: 2 valid, 5 invalid\n"


def test_unreadable_file_has_no_position(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be read is reported as ``path: unreadable message``."""
    (folder / "d").mkdir()
    os.symlink(folder / "gone.md", folder / "d" / "dangling.md")
    assert run(capsys, "check", "d") == (
        1,
        "d/dangling.md: unreadable cannot read the file: No such file or directory\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def test_strict_reports_unknown_keys(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--strict`` turns a key the format does not define into an error."""
    write(folder, {"a.md": VALID.replace("---\nBody", "wireDesk: city\n---\nBody")})
    assert run(capsys, "check", "a.md")[0] == 0
    assert run(capsys, "check", "--strict", "a.md") == (
        1,
        "a.md:4:11: unknown-field wireDesk: unknown key 'wireDesk' (not a field of Article)\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def test_pattern_chooses_files_in_folders(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--pattern`` selects the files checked inside a folder."""
    write(folder, {"d/a.md": VALID, "d/b.markdown": "no front matter\n"})
    assert run(capsys, "check", "d")[0] == 0
    assert run(capsys, "check", "--pattern", "*.markdown", "d") == (
        1,
        "d/b.markdown:1:1: no-front-matter"
        " no front matter: the text must start with a '---' line\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def test_quoted_glob_is_expanded(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A glob the shell left alone is expanded by the command."""
    write(folder, {"d/a.md": VALID, "d/b.md": VALID, "d/c.txt": "not an item\n"})
    assert run(capsys, "check", "d/*.md") == (0, "", "checked 2 files: 2 valid, 0 invalid\n")


def test_workers_give_the_same_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--workers 2`` prints the same lines, in the same order, as one process."""
    write(folder, {f"d/{n:02d}.md": VALID if n % 3 else "---\ntitle: X\n---\n" for n in range(12)})
    expected = "".join(
        f"d/{n:02d}.md:2:1: missing-field webUrl: required field is missing\n" for n in (0, 3, 6, 9)
    )
    summary = "checked 12 files: 8 valid, 4 invalid\n"
    assert run(capsys, "check", "d") == (1, expected, summary)
    assert run(capsys, "check", "--workers", "2", "d") == (1, expected, summary)


def test_options_after_paths(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Paths may come before and after options."""
    write(folder, {"a.md": VALID, "b.md": VALID})
    assert run(capsys, "check", "a.md", "--workers", "1", "b.md") == (
        0,
        "",
        "checked 2 files: 2 valid, 0 invalid\n",
    )


def test_quiet_prints_problems_only(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--quiet`` leaves out the summary, not the problems; paths are joined to the folder."""
    write(folder, {"a.md": VALID, "b.md": "---\ntitle: B\n---\n"})
    assert run(capsys, "check", "-q", ".") == (
        1,
        "./b.md:2:1: missing-field webUrl: required field is missing\n",
        "",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "missing.md"], "newsitem: error: no such file or directory: 'missing.md'\n"),
        (["check", "nothing/*.md"], "newsitem: error: no file matches 'nothing/*.md'\n"),
        (["check"], "newsitem check: error: the following arguments are required: PATH\n"),
        (
            ["check", "--workers", "0", "."],
            "error: argument --workers: must be at least 1, not 0\n",
        ),
        (
            ["check", "--workers", "two", "."],
            "error: argument --workers: not a whole number: 'two'\n",
        ),
        (["check", ".", "--colour"], "newsitem: error: unrecognized arguments: --colour\n"),
        (["lint", "."], "error: argument COMMAND: invalid choice: 'lint'"),
        ([], "newsitem: error: the following arguments are required: COMMAND\n"),
    ],
)
def test_usage_errors_exit_2(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A usage error prints the usage and a clear message to stderr, and exits 2."""
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("usage: newsitem")
    assert message in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the installed version."""
    assert run(capsys, "--version") == (0, "newsitem 0.1.0\n", "")


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal a progress line is drawn on stderr and cleared before the summary."""
    write(folder, {"a.md": VALID, "b.md": VALID})
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["check", "."]) == 0
    text = stderr.getvalue()
    assert text.startswith("\rchecking: 0/2 files (0%)")
    assert text.endswith(
        "\rchecking: 2/2 files (100%)"
        "\r" + " " * 26 + "\r"  # the 26 characters above, blanked
        "checked 2 files: 2 valid, 0 invalid\n"
    )


def test_no_progress_line_when_quiet(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--quiet`` draws no progress line even on a terminal."""
    write(folder, {"a.md": VALID})
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(["check", "--quiet", "."]) == 0
    assert stderr.getvalue() == ""


def test_examples_valid_pass(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every shipped valid example passes."""
    monkeypatch.chdir(ROOT)
    assert run(capsys, "check", "examples/valid") == (
        0,
        "",
        "checked 7 files: 7 valid, 0 invalid\n",
    )


def test_examples_invalid_each_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every shipped invalid example is reported at the place examples/README.md gives."""
    monkeypatch.chdir(ROOT)
    assert run(capsys, "check", "examples/invalid") == (
        1,
        "examples/invalid/01-missing-weburl.md:2:1: missing-field webUrl:"
        " required field is missing\n"
        "examples/invalid/02-quality-lots.md:6:10: wrong-type quality:"
        " expected an integer, got a string 'lots'\n"
        "examples/invalid/03-relative-related-url.md:8:13: invalid-value related[0].webUrl:"
        " expected an absolute http or https URL with a host,"
        " got a string '/news/2024/05/tram-extension-route-stop-by-stop'\n"
        "examples/invalid/04-unclosed-fence.md:1:1: unclosed-front-matter"
        " front matter is not closed: no '---' line after the opening one\n",
        "checked 4 files: 0 valid, 4 invalid\n",
    )


def test_python_dash_m_runs_the_command() -> None:
    """``python -m newsitem check`` works, with workers, from a clean process."""
    done = subprocess.run(
        [sys.executable, "-m", "newsitem", "check", "--workers", "2", *EXAMPLE_FOLDERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.count("examples/invalid/") == 4
    assert done.stderr == "checked 11 files: 7 valid, 4 invalid\n"
