"""``newsitem lint``: findings, formats, exit status, --fix and --dry-run, settings.

Each test runs the real command in a subprocess on files it writes; expected
lines and texts are written by hand, positions counted in the file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _cli import ROOT, newsitem, write

DAMAGED = """\
---
title: "Rates rise at Cafe\u0301 Crowns \u00e2\u20ac\u201c again"
excerpt: "Fish &amp; Chips"
webUrl: "https://www.example.com/rates?utm_source=rss&id=2"
heat: -4
---
Body
"""
# The same, repaired by --fix: the title and the excerpt lines only.
REPAIRED = """\
---
title: "Rates rise at Cafe\u0301 Crowns \u2013 again"
excerpt: "Fish & Chips"
webUrl: "https://www.example.com/rates?utm_source=rss&id=2"
heat: -4
---
Body
"""
CLEAN = "---\ntitle: Süddeutsche über 日本経済新聞 — “fine”\nwebUrl: https://b.example.com/\n---\n"
INVALID = "---\ntitle: No URL\nquality: lots\n---\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def test_findings_and_exit_1(folder: Path) -> None:
    """Each finding is a line `path:line:column: CODE field: message`; anything found exits 1."""
    write(folder, {"items/a.md": DAMAGED, "items/b.md": CLEAN})
    done = newsitem("lint", "items", cwd=folder)
    assert done.status == 1
    lines = done.out.splitlines()
    assert [line.split(" ", 2)[:2] for line in lines] == [
        ["items/a.md:2:8:", "mojibake"],
        ["items/a.md:3:10:", "html-entity"],
        ["items/a.md:5:7:", "heat-range"],
    ]
    assert lines[1] == (
        "items/a.md:3:10: html-entity excerpt: HTML character reference '&amp;': "
        "'Fish &amp; Chips' should read 'Fish & Chips'"
    )
    assert done.err == "linted 2 files: 3 problems in 1 file, 0 invalid\n"


def test_clean_exits_0(folder: Path) -> None:
    """Clean items print nothing and exit 0."""
    write(folder, {"a.md": CLEAN})
    assert newsitem("lint", "a.md", cwd=folder) == (
        0,
        "",
        "linted 1 file: 0 problems in 0 files, 0 invalid\n",
    )


def test_invalid_item_is_reported_as_check_does(folder: Path) -> None:
    """An invalid item gives check's lines and is linted no further."""
    write(folder, {"bad.md": INVALID})
    done = newsitem("lint", "bad.md", cwd=folder)
    assert done.status == 1
    assert done.out == (
        "bad.md:2:1: missing-field webUrl: required field is missing\n"
        "bad.md:3:10: wrong-type quality: expected an integer, got a string 'lots'\n"
    )
    assert newsitem("check", "bad.md", cwd=folder).out == done.out


def test_fix_rewrites_only_the_repaired_lines(folder: Path) -> None:
    """--fix writes the repaired file; what cannot be fixed is still reported."""
    write(folder, {"a.md": DAMAGED})
    done = newsitem("lint", "--fix", "a.md", cwd=folder)
    assert (folder / "a.md").read_text(encoding="utf-8") == REPAIRED
    assert done.status == 1
    assert [line.split(" ", 2)[:2] for line in done.out.splitlines()] == [
        ["a.md:5:7:", "heat-range"]
    ]
    assert done.err.endswith("; fixed 2 in 1 file\n")
    again = newsitem("lint", "--ignore", "heat-range", "a.md", cwd=folder)
    assert again.status == 0


def test_dry_run_prints_the_diff_and_writes_nothing(folder: Path) -> None:
    """--dry-run prints a unified diff of the repaired lines; the file is left as it was."""
    write(folder, {"a.md": DAMAGED})
    done = newsitem("lint", "--dry-run", "--select", "html-entity", "a.md", cwd=folder)
    assert (folder / "a.md").read_text(encoding="utf-8") == DAMAGED
    assert done.status == 1
    assert done.out == (
        "--- a/a.md\n"
        "+++ b/a.md\n"
        "@@ -1,6 +1,6 @@\n"
        " ---\n"
        ' title: "Rates rise at Cafe\u0301 Crowns \u00e2\u20ac\u201c again"\n'
        '-excerpt: "Fish &amp; Chips"\n'
        '+excerpt: "Fish & Chips"\n'
        ' webUrl: "https://www.example.com/rates?utm_source=rss&id=2"\n'
        " heat: -4\n"
        " ---\n"
    )


def test_select_tracking_param_and_fix_it(folder: Path) -> None:
    """tracking-param runs when selected; its fix keeps the rest of the URL byte for byte."""
    write(folder, {"a.md": DAMAGED})
    newsitem("lint", "--fix", "--select", "tracking-param", "a.md", cwd=folder)
    assert (folder / "a.md").read_text(encoding="utf-8") == DAMAGED.replace(
        "?utm_source=rss&id=2", "?id=2"
    )


def test_stdin_fix_writes_the_text_to_stdout(folder: Path) -> None:
    """`-` with --fix: the repaired text on stdout, the findings left on stderr."""
    done = newsitem("lint", "--fix", "--ignore", "heat-range", "-", cwd=folder, stdin=DAMAGED)
    assert done.out == REPAIRED
    assert done.status == 1


def test_formats(folder: Path) -> None:
    """JSON Lines, GitHub annotations and SARIF carry the same finding, as warnings."""
    write(folder, {"a.md": "---\ntitle: T\nwebUrl: https://a.example.com/\nheat: -3\n---\n"})
    out = newsitem("lint", "--format", "json", "a.md", cwd=folder).out
    assert json.loads(out) == {
        "path": "a.md",
        "line": 4,
        "column": 7,
        "code": "heat-range",
        "field": "heat",
        "message": "heat -3 is below -1 (unknown)",
        "severity": "warning",
    }
    github = newsitem("lint", "--format", "github", "a.md", cwd=folder).out
    assert github == (
        "::warning file=a.md,line=4,col=7,title=heat-range::heat: heat -3 is below -1 (unknown)\n"
    )
    sarif = json.loads(newsitem("lint", "--format", "sarif", "a.md", cwd=folder).out)
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "heat-range"
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 7,
    }


def test_duplicate_items_over_the_run(folder: Path) -> None:
    """Two files with one webUrl: each is reported, naming the other, after the others."""
    same = "---\ntitle: T\nwebUrl: https://a.example.com/x\n---\n"
    write(folder, {"in/a.md": same, "in/b.md": same, "in/c.md": DAMAGED})
    done = newsitem("lint", "--select", "duplicate-item,heat-range", "in", cwd=folder)
    assert done.out.splitlines() == [
        "in/c.md:5:7: heat-range heat: heat -4 is below -1 (unknown)",
        "in/a.md:3:9: duplicate-item webUrl: the same webUrl as in/b.md",
        "in/b.md:3:9: duplicate-item webUrl: the same webUrl as in/a.md",
    ]


def test_pyproject_settings_and_no_config(folder: Path) -> None:
    """[tool.newsitem.lint] in the nearest pyproject.toml applies; --no-config leaves it out."""
    write(
        folder,
        {
            "pyproject.toml": '[tool.newsitem.lint]\nignore = ["heat-range", "mojibake"]\n',
            "a.md": DAMAGED,
        },
    )
    assert [
        line.split(" ")[1] for line in newsitem("lint", "a.md", cwd=folder).out.splitlines()
    ] == ["html-entity"]
    all_rules = newsitem("lint", "--no-config", "a.md", cwd=folder).out.splitlines()
    assert [line.split(" ")[1] for line in all_rules] == ["mojibake", "html-entity", "heat-range"]
    write(folder, {"pyproject.toml": '[tool.newsitem.lint]\nselect = ["nope"]\n'})
    done = newsitem("lint", "a.md", cwd=folder)
    assert done.status == 1
    assert done.out.startswith("a.md: invalid-config ")
    piped = newsitem("lint", "-", cwd=folder, stdin=DAMAGED)
    assert piped.status == 1
    assert piped.out.startswith("<stdin>: invalid-config ")


def test_usage_errors(folder: Path) -> None:
    """An unknown rule code or a naive --now is a usage error, exit 2."""
    write(folder, {"a.md": CLEAN})
    bad_code = newsitem("lint", "--select", "mojibak", "a.md", cwd=folder)
    assert bad_code.status == 2
    assert "unknown rule code(s) in --select: mojibak" in bad_code.err
    bad_now = newsitem("lint", "--now", "2024-05-01T12:00:00", "a.md", cwd=folder)
    assert bad_now.status == 2
    assert "not a date-time with a time zone" in bad_now.err


def test_now_option(folder: Path) -> None:
    """--now sets the time future-date counts from."""
    text = "---\ntitle: T\npublishedDateTime: 2024-05-03T00:00:00Z\nwebUrl: https://a.example.com/\n---\n"
    write(folder, {"a.md": text})
    early = newsitem("lint", "--now", "2024-05-01T00:00:00Z", "a.md", cwd=folder)
    assert early.out.split(" ")[:2] == ["a.md:3:20:", "future-date"]
    late = newsitem("lint", "--now", "2024-05-02T12:00:00+02:00", "a.md", cwd=folder)
    assert (late.status, late.out) == (0, "")


def test_without_ftfy_it_names_the_extra(folder: Path) -> None:
    """Without ftfy, lint says which extra to install; without the mojibake rule it runs."""
    write(folder, {"a.md": DAMAGED})
    code = (
        "import sys; sys.modules['ftfy'] = None\n"
        "from newsitem.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *argv],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            env={"PYTHONPATH": str(ROOT / "src")},
        )

    missing = run("lint", "--workers", "2", "a.md")
    assert missing.returncode == 2
    assert "pip install 'newsitem[lint]'" in missing.stderr
    assert missing.stdout == ""
    without = run("lint", "--ignore", "mojibake", "a.md")
    assert without.returncode == 1
    assert [line.split(" ")[1] for line in without.stdout.splitlines()] == [
        "html-entity",
        "heat-range",
    ]
