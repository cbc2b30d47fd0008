"""``newsitem get``, ``set`` and ``del``: values out, edits in, only the lines of what changed.

Every run is the real command in a subprocess; the expected output and the
bytes expected on disk are written out by hand.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _cli import newsitem, write

ITEM = (
    "---\n"
    "category: news  # always news\n"
    'title: "Port deal"\n'
    "publishedDateTime: 2024-03-11T09:15:00Z\n"
    'webUrl: "https://example.com/a"\n'
    "quality: 23\n"
    "\n"
    "provider:\n"
    "  name: Harbor Ledger\n"
    "  domain: harborledger.com\n"
    "\n"
    "topics:\n"
    "  - Robotics\n"
    "  - Logistics\n"
    "\n"
    "related:\n"
    '  - title: "First"\n'
    '    webUrl: "https://example.com/r1"\n'
    "    quality: 87\n"
    '  - title: "Second"\n'
    '    webUrl: "https://example.com/r2"\n'
    "---\n"
    "Body text.\n"
)

OTHER = "---\ntitle: Other\nwebUrl: https://example.com/o\n---\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, {"item.md": ITEM, "items/b.txt": OTHER, "items/a.md": ITEM})
    return tmp_path


# get


@pytest.mark.parametrize(
    ("field", "out"),
    [
        ("title", "Port deal\n"),
        ("category", "news\n"),
        ("provider.domain", "harborledger.com\n"),
        ("related[0].webUrl", "https://example.com/r1\n"),
        ("related[-1].title", "Second\n"),
        ("related[0].web_url", "https://example.com/r1\n"),
        ("related[*].webUrl", "https://example.com/r1\nhttps://example.com/r2\n"),
        ("related[*].quality", "87\n"),  # items without it are left out
        ("quality", "23\n"),
        ("topics", '["Robotics", "Logistics"]\n'),
        ("provider", '{"name": "Harbor Ledger", "domain": "harborledger.com"}\n'),
        ("published_date_time", "2024-03-11T09:15:00Z\n"),
    ],
)
def test_get_prints_the_value(folder: Path, field: str, out: str) -> None:
    """A string is a bare line, anything else JSON; snake_case attributes work as keys."""
    assert newsitem("get", field, "item.md", cwd=folder) == (0, out, "")


def test_get_several_files_prefixes_the_path(folder: Path) -> None:
    """With a folder or several files, each line starts with ``path: ``, in path order."""
    assert newsitem("get", "title", "items", cwd=folder) == (
        0,
        "items/a.md: Port deal\nitems/b.txt: Other\n",
        "",
    )


def test_get_missing_field_exits_1_naming_it(folder: Path) -> None:
    """A field an item lacks is reported on stderr with the item's path; the others print."""
    assert newsitem("get", "provider.domain", "items", cwd=folder) == (
        1,
        "items/a.md: harborledger.com\n",
        "items/b.txt: missing-field provider: not in the item\n",
    )
    assert newsitem("get", "excerpt", "item.md", cwd=folder) == (
        1,
        "",
        "item.md: missing-field excerpt: not in the item\n",
    )


def test_get_from_standard_input(folder: Path) -> None:
    """``-`` reads the item from standard input."""
    assert newsitem("get", "webUrl", "-", cwd=folder, stdin=OTHER) == (
        0,
        "https://example.com/o\n",
        "",
    )


def test_get_an_invalid_item_is_reported(folder: Path) -> None:
    """An item that does not validate gives its problems on stderr and exit 1."""
    write(folder, {"bad.md": "---\ntitle: T\n---\n"})
    assert newsitem("get", "title", "bad.md", cwd=folder) == (
        1,
        "",
        "bad.md:2:1: missing-field webUrl: required field is missing\n",
    )


def test_get_bad_field_path_is_a_usage_error(folder: Path) -> None:
    """A field path that does not parse exits 2."""
    status, out, err = newsitem("get", "related[x]", "item.md", cwd=folder)
    assert (status, out) == (2, "")
    assert "not a field path: 'related[x]'" in err


# set


def test_set_rewrites_only_the_lines_of_what_changed(folder: Path) -> None:
    """Each assignment changes its own lines; comments, blank lines and body are kept."""
    done = newsitem(
        "set",
        "quality=5",
        'title="A: b"',
        "topics=[AI, Policy]",
        "related[1].quality=3",
        "item.md",
        cwd=folder,
    )
    assert done == (0, "", "set: 1 of 1 file changed\n")
    assert (folder / "item.md").read_bytes() == (
        ITEM.replace('title: "Port deal"', 'title: "A: b"')
        .replace("quality: 23", "quality: 5")
        .replace("  - Robotics\n  - Logistics\n", "  - AI\n  - Policy\n")
        .replace(
            '    webUrl: "https://example.com/r2"\n',
            '    webUrl: "https://example.com/r2"\n    quality: 3\n',
        )
    ).encode()


def test_set_by_attribute_name_and_a_new_field(folder: Path) -> None:
    """``published=true`` adds the key at its place in the format's order."""
    assert (
        newsitem(
            "set", "published=true", "web_url=https://example.com/b", "item.md", cwd=folder
        ).status
        == 0
    )
    assert (folder / "item.md").read_text() == ITEM.replace(
        'webUrl: "https://example.com/a"\nquality: 23\n',
        'webUrl: "https://example.com/b"\nquality: 23\npublished: true\n',
    )


def test_set_an_invalid_value_writes_nothing(folder: Path) -> None:
    """A value the model refuses is reported at the line of the value it replaces."""
    before = (folder / "item.md").read_bytes()
    assert newsitem("set", "quality=lots", "item.md", cwd=folder) == (
        1,
        "",
        "item.md:6:10: wrong-type quality: expected an integer, got a string 'lots'\n"
        "set: 0 of 1 file changed\n",
    )
    assert newsitem("set", "related[0].webUrl=/x", "item.md", cwd=folder).out == ""
    assert (folder / "item.md").read_bytes() == before


def test_set_dry_run_prints_a_diff_and_writes_nothing(folder: Path) -> None:
    """``--dry-run``: a unified diff on stdout, exit 1 because the file would change."""
    before = (folder / "item.md").read_bytes()
    assert newsitem("set", "--dry-run", "quality=5", "item.md", cwd=folder) == (
        1,
        "--- a/item.md\n"
        "+++ b/item.md\n"
        "@@ -3,7 +3,7 @@\n"
        ' title: "Port deal"\n'
        " publishedDateTime: 2024-03-11T09:15:00Z\n"
        ' webUrl: "https://example.com/a"\n'
        "-quality: 23\n"
        "+quality: 5\n"
        " \n"
        " provider:\n"
        "   name: Harbor Ledger\n",
        "set: 1 of 1 file would change\n",
    )
    assert (folder / "item.md").read_bytes() == before


def test_set_standard_input_goes_to_standard_output(folder: Path) -> None:
    """``-``: the edited text is printed; CRLF and the BOM are kept."""
    text = "\ufeff---\r\ntitle: In\r\nwebUrl: https://example.com/i\r\n---\r\n"
    assert newsitem("set", "-q", "title=Out", "-", cwd=folder, stdin=text) == (
        0,
        text.replace("title: In", "title: Out"),
        "",
    )


def test_set_every_item_of_a_list(folder: Path) -> None:
    """``related[*].quality=1`` sets the field in each related item."""
    assert newsitem("set", "-q", "related[*].quality=1", "item.md", cwd=folder).status == 0
    assert (folder / "item.md").read_text() == ITEM.replace("quality: 87", "quality: 1").replace(
        '    webUrl: "https://example.com/r2"\n',
        '    webUrl: "https://example.com/r2"\n    quality: 1\n',
    )


def test_set_keeps_the_file_mode_and_the_link(folder: Path) -> None:
    """The write is atomic through the library: permissions and a symbolic link survive."""
    os.chmod(folder / "item.md", 0o640)
    os.symlink("item.md", folder / "link.md")
    assert newsitem("set", "-q", "quality=1", "link.md", cwd=folder).status == 0
    assert (folder / "link.md").is_symlink()
    assert (folder / "item.md").stat().st_mode & 0o777 == 0o640
    assert "quality: 1\n" in (folder / "item.md").read_text()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["set", "item.md"], "no FIELD=VALUE given"),
        (["set", "quality=5"], "no PATH given after the assignments"),
        (["set", "title=[a", "item.md"], "title: not a YAML value: '[a'"),
        (["set", "title=a\nb: c", "item.md"], "title: not one YAML value"),
    ],
)
def test_set_usage_errors(folder: Path, argv: list[str], message: str) -> None:
    """Missing parts and values that are not YAML exit 2, writing nothing."""
    before = (folder / "item.md").read_bytes()
    status, out, err = newsitem(*argv, cwd=folder)
    assert (status, out) == (2, "")
    assert message in err
    assert (folder / "item.md").read_bytes() == before


def test_set_refuses_a_file_changed_since_it_was_read(folder: Path) -> None:
    """A file replaced between read and write is not overwritten (the library's check)."""
    # The edit runs in a process of ours, so the file can change at the right moment.
    script = (
        "import newsitem.cli._write as w, pathlib\n"
        "real = w._io.unchanged_on_disk\n"
        "def racing(path, text):\n"
        "    pathlib.Path(path).write_text('---\\ntitle: Theirs\\nwebUrl: https://e.com/\\n---\\n')\n"
        "    return real(path, text)\n"
        "w._io.unchanged_on_disk = racing\n"
        "from newsitem.cli import main\n"
        "raise SystemExit(main(['set', 'quality=1', 'item.md']))\n"
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr == (
        "item.md: file-changed the file changed on disk since it was read; nothing was written\n"
        "set: 0 of 1 file changed\n"
    )
    assert (folder / "item.md").read_text().startswith("---\ntitle: Theirs\n")


# del


def test_del_removes_the_lines_of_the_field(folder: Path) -> None:
    """``del`` takes the field's lines out, comments on them included, nothing else."""
    assert newsitem("del", "category", "provider.domain", "related[0]", "item.md", cwd=folder) == (
        0,
        "",
        "del: 1 of 1 file changed\n",
    )
    assert (folder / "item.md").read_text() == (
        ITEM.replace("category: news  # always news\n", "")
        .replace("  domain: harborledger.com\n", "")
        .replace('  - title: "First"\n    webUrl: "https://example.com/r1"\n    quality: 87\n', "")
    )


def test_del_of_an_absent_field_changes_nothing(folder: Path) -> None:
    """Items without the field are left byte for byte; exit 0."""
    assert newsitem("del", "excerpt", "items", cwd=folder) == (0, "", "del: 0 of 2 files changed\n")
    assert (folder / "items" / "b.txt").read_text() == OTHER


def test_del_every_item_field(folder: Path) -> None:
    """``related[*].quality`` removes the field from each related item that has it."""
    assert newsitem("del", "-q", "related[*].quality", "item.md", cwd=folder).status == 0
    assert (folder / "item.md").read_text() == ITEM.replace("    quality: 87\n", "")


def test_del_a_required_field_is_refused(folder: Path) -> None:
    """An item that would be invalid without the field is reported and left as it was."""
    assert newsitem("del", "webUrl", "item.md", cwd=folder) == (
        1,
        "",
        "item.md:5:9: missing-field webUrl: required field is missing\ndel: 0 of 1 file changed\n",
    )
    assert (folder / "item.md").read_text() == ITEM


def test_del_dry_run(folder: Path) -> None:
    """``--dry-run`` prints the diff of the removal and writes nothing."""
    assert newsitem("del", "--dry-run", "topics", "item.md", cwd=folder) == (
        1,
        "--- a/item.md\n"
        "+++ b/item.md\n"
        "@@ -9,9 +9,6 @@\n"
        "   name: Harbor Ledger\n"
        "   domain: harborledger.com\n"
        " \n"
        "-topics:\n"
        "-  - Robotics\n"
        "-  - Logistics\n"
        " \n"
        " related:\n"
        '   - title: "First"\n',
        "del: 1 of 1 file would change\n",
    )
    assert (folder / "item.md").read_text() == ITEM


def test_del_needs_a_path(folder: Path) -> None:
    """Fields without an existing path after them exit 2 and say so."""
    status, _, err = newsitem("del", "title", "nothere.md", cwd=folder)
    assert status == 2
    assert "no PATH given: none of 'title', 'nothere.md' is an existing file or folder" in err
