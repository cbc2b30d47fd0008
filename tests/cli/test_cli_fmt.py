"""``newsitem fmt``: the reference style, comments, line breaks and body kept, idempotent.

The expected texts are written by hand from FORMAT.md's description of the
reference file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _cli import ROOT, newsitem, write

from newsitem import NewsItemError, NewsModel, loads
from newsitem.cli._style import reference_style

MESSY = (
    "---\n"
    "# From the feed.\n"
    "webUrl: 'https://example.com/a'\n"
    "title: Port deal   # the desk's title\n"
    "wireDesk: europe\n"
    "provider: {domain: ledger.com, name: Ledger}\n"
    "topics: [AI, Policy]\n"
    "excerpt: >-\n"
    "    A long excerpt\n"
    "    on two lines.\n"
    "publishedDateTime: '2024-03-11T09:15:00Z'\n"
    "category: 'news'\n"
    "related:\n"
    "-   webUrl: https://example.com/r\n"
    "    # the related title\n"
    "    title: R\n"
    "    images:\n"
    "    - {url: 'https://example.com/i.jpg', width: 10}\n"
    "\n"
    "\n"
    "published: false\n"
    "---\n"
    "Body\n"
    "---\n"
    "more body\n"
)

FORMATTED = (
    "---\n"
    "category: news\n"
    'title: "Port deal"   # the desk\'s title\n'
    "wireDesk: europe\n"
    'excerpt: "A long excerpt on two lines."\n'
    "publishedDateTime: 2024-03-11T09:15:00Z\n"
    "# From the feed.\n"
    'webUrl: "https://example.com/a"\n'
    "published: false\n"
    "\n"
    "provider:\n"
    "  name: Ledger\n"
    "  domain: ledger.com\n"
    "\n"
    "topics:\n"
    "  - AI\n"
    "  - Policy\n"
    "\n"
    "related:\n"
    "  # the related title\n"
    '  - title: "R"\n'
    '    webUrl: "https://example.com/r"\n'
    "    images:\n"
    '      - url: "https://example.com/i.jpg"\n'
    "        width: 10\n"
    "---\n"
    "Body\n"
    "---\n"
    "more body\n"
)


def test_fmt_writes_the_reference_style(tmp_path: Path) -> None:
    """Key order, quotes, indentation, blank lines; comments go with their entry; body kept."""
    write(tmp_path, {"a.md": MESSY})
    assert newsitem("fmt", "a.md", cwd=tmp_path) == (0, "", "fmt: 1 of 1 file changed\n")
    assert (tmp_path / "a.md").read_text() == FORMATTED


def test_fmt_of_a_formatted_file_changes_nothing(tmp_path: Path) -> None:
    """Idempotent: the formatted text, and the reference-style example, stay as they are."""
    write(tmp_path, {"a.md": FORMATTED})
    (tmp_path / "ref.md").write_bytes((ROOT / "examples/valid/01-reference-style.md").read_bytes())
    assert newsitem("fmt", "a.md", "ref.md", cwd=tmp_path) == (0, "", "fmt: 0 of 2 files changed\n")
    assert (tmp_path / "a.md").read_text() == FORMATTED
    assert (tmp_path / "ref.md").read_bytes() == (
        ROOT / "examples/valid/01-reference-style.md"
    ).read_bytes()


def test_fmt_keeps_crlf_and_the_bom(tmp_path: Path) -> None:
    """CRLF line breaks and a byte-order mark are kept; new lines take CRLF too."""
    text = "\ufeff---\r\nwebUrl: https://e.com/a\r\ntitle: T\r\ntopics: [A]\r\n---\r\n"
    write(tmp_path, {"a.md": text})
    assert newsitem("fmt", "-q", "a.md", cwd=tmp_path).status == 0
    assert (tmp_path / "a.md").read_bytes() == (
        '\ufeff---\r\ntitle: "T"\r\nwebUrl: "https://e.com/a"\r\n\r\ntopics:\r\n  - A\r\n---\r\n'
    ).encode()


def test_fmt_check_writes_nothing(tmp_path: Path) -> None:
    """``--check`` names each file that would change on stdout and exits 1."""
    write(tmp_path, {"a.md": MESSY, "b.md": FORMATTED})
    assert newsitem("fmt", "--check", "a.md", "b.md", cwd=tmp_path) == (
        1,
        "a.md: would-change not in the reference style (newsitem fmt rewrites it)\n",
        "fmt: 1 of 2 files would change\n",
    )
    assert (tmp_path / "a.md").read_text() == MESSY
    assert newsitem("fmt", "--check", "b.md", cwd=tmp_path) == (
        0,
        "",
        "fmt: 0 of 1 file would change\n",
    )


def test_fmt_dry_run_prints_a_diff(tmp_path: Path) -> None:
    """``--dry-run`` shows the change as a unified diff and writes nothing."""
    text = "---\nwebUrl: https://e.com/a\ntitle: T\n---\n"
    write(tmp_path, {"a.md": text})
    assert newsitem("fmt", "--dry-run", "a.md", cwd=tmp_path) == (
        1,
        "--- a/a.md\n"
        "+++ b/a.md\n"
        "@@ -1,4 +1,4 @@\n"
        " ---\n"
        "-webUrl: https://e.com/a\n"
        "-title: T\n"
        '+title: "T"\n'
        '+webUrl: "https://e.com/a"\n'
        " ---\n",
        "fmt: 1 of 1 file would change\n",
    )
    assert (tmp_path / "a.md").read_text() == text


def test_fmt_standard_input(tmp_path: Path) -> None:
    """``-`` prints the formatted text."""
    assert newsitem("fmt", "-q", "-", cwd=tmp_path, stdin=MESSY) == (0, FORMATTED, "")


def test_fmt_reports_invalid_items(tmp_path: Path) -> None:
    """An item that does not validate is reported and left as it is."""
    text = "---\ntopics: [A]\ntitle: T\n---\n"
    write(tmp_path, {"a.md": text})
    assert newsitem("fmt", "a.md", cwd=tmp_path) == (
        1,
        "",
        "a.md:2:1: missing-field webUrl: required field is missing\nfmt: 0 of 0 files changed\n",
    )
    assert (tmp_path / "a.md").read_text() == text


CORPUS = ROOT.parent / "shared" / "corpus"


class Loose(NewsModel):
    """Any mapping validates: the corpus holds front matter of other kinds."""


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")
def test_formatter_on_the_corpus() -> None:
    """On real front matter: same values read back, idempotent, every comment line kept."""
    formatted = 0
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file() or path.suffix == ".json":
            continue
        try:
            text = path.read_bytes().decode("utf-8")
            before = loads(text, model=Loose)
            out = reference_style(text, Loose)
        except (UnicodeDecodeError, NewsItemError):
            continue  # not front matter, or a complex key the style cannot write
        after = loads(out, model=Loose)
        assert after.article.model_dump_json() == before.article.model_dump_json(), path
        assert after.body == before.body, path
        assert reference_style(out, Loose) == out, path
        if ": |" not in text and ": >" not in text:  # no block scalar to hold '#' lines
            comments = [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]
            kept = {line.strip() for line in out.splitlines()}
            assert all(comment in kept for comment in comments), path
        formatted += 1
    assert formatted > 3000


def test_fmt_nulls_unknown_keys_and_nested_timestamps(tmp_path: Path) -> None:
    """Nulls as ``null``; keys before any known key stay first; quoted timestamps go plain."""
    text = (
        "---\n"
        "id: 7\n"
        "title: T\n"
        "webUrl: https://e.com/a\n"
        "excerpt: ~\n"
        "path:\n"
        "related:\n"
        "- {webUrl: 'https://e.com/r',"
        " publishedDateTime: '2024-01-09T16:45:00.0000000Z', title: R}\n"
        "topics:\n"
        "- A\n"
        "# about the topics\n"
        "---\n"
    )
    assert newsitem("fmt", "-q", "-", cwd=tmp_path, stdin=text) == (
        0,
        "---\n"
        "id: 7\n"
        'title: "T"\n'
        "excerpt: null\n"
        'webUrl: "https://e.com/a"\n'
        "\n"
        "topics:\n"
        "  - A\n"
        "\n"
        "related:\n"
        '  - title: "R"\n'
        "    publishedDateTime: 2024-01-09T16:45:00.0000000Z\n"
        '    webUrl: "https://e.com/r"\n'
        "\n"
        "path: null\n"
        "# about the topics\n"
        "---\n",
        "",
    )
