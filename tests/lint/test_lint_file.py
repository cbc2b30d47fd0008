"""``lint.lint_file``: a file loaded and linted in one parse, with the same findings."""

from __future__ import annotations

import functools
import io
import sys
from pathlib import Path
from typing import Any

import pytest

from newsitem import DuplicateKeyError, _located, _parser, _yaml, corpus, frontmatter, lint
from newsitem.cli import main
from newsitem.limits import DEFAULT_LIMITS

# A BOM, CRLF line breaks, a comment and a block scalar: the positions must
# count lines and columns in the file as it is.
DAMAGED = (
    "\ufeff---\r\n"
    "# fetched from a feed\r\n"
    "title: Trust Stamp\u00e2\u20ac\u2122s deal\r\n"
    "excerpt: |\r\n"
    "  Fish &amp; chips\r\n"
    "webUrl: https://www.example.com/a?utm_source=feed&id=3\r\n"
    "related:\r\n"
    "  - title: 'Caf\u00c3\u00a9  news'\r\n"
    "    webUrl: https://www.other.org/b\r\n"
    "---\r\n"
    "Body\r\n"
)
CLEAN = "---\ntitle: Clean\nwebUrl: https://www.example.com/c\n---\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _seen(report: lint.Report) -> list[tuple[str, str, int | None, int | None, bool]]:
    return [(f.code, f.field, f.line, f.column, f.fixable) for f in report.findings]


def test_findings_at_their_place(tmp_path: Path) -> None:
    """Every finding of a damaged file, at the line and column of its value."""
    path = _write(tmp_path, "a.md", DAMAGED)
    report = lint.lint_file(path, select="mojibake,html-entity,whitespace,tracking-param")
    assert report.error is None
    assert report.source == str(path)
    assert _seen(report) == [
        ("mojibake", "title", 3, 8, True),
        ("html-entity", "excerpt", 4, 10, True),
        ("tracking-param", "webUrl", 6, 9, True),
        ("mojibake", "related[0].title", 8, 12, True),
        ("whitespace", "related[0].title", 8, 12, True),
    ]


def test_same_report_as_lint_result_of_load_file(tmp_path: Path) -> None:
    """The one-parse path and the two-parse path agree, report for report."""
    paths = [_write(tmp_path, "a.md", DAMAGED), _write(tmp_path, "b.md", CLEAN)]
    for path in paths:
        for fix in (False, True):
            expected = lint.lint_result(corpus.load_file(path), fix=fix)
            assert lint.lint_file(path, fix=fix) == expected


def test_fix_rewrites_only_the_repaired_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", DAMAGED)
    report = lint.lint_file(path, select="mojibake,html-entity,whitespace", fix=True)
    assert report.original == DAMAGED
    assert report.fixed == (
        DAMAGED.replace("Stamp\u00e2\u20ac\u2122s", "Stamp\u2019s")
        .replace("Fish &amp; chips", "Fish & chips")
        .replace("'Caf\u00c3\u00a9  news'", "'Café news'")
    )
    assert path.read_bytes() == DAMAGED.encode("utf-8")  # lint_file writes nothing


def test_invalid_and_unreadable_files(tmp_path: Path) -> None:
    """Their errors, as check reports them; nothing linted."""
    duplicate = _write(tmp_path, "dup.md", "---\ntitle: A\ntitle: B\nwebUrl: x\n---\n")
    report = lint.lint_file(duplicate)
    assert isinstance(report.error, DuplicateKeyError)
    assert (report.error.path, report.error.line, report.error.column) == (str(duplicate), 3, 1)
    assert report.findings == ()
    missing = lint.lint_file(tmp_path / "missing.md")
    assert missing.error is not None
    assert missing.error.code == "unreadable"


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The texts the YAML reader parses from now on, one entry a parse: by the
    pure parser, or by the native build (of the values or of the values with
    their offsets) where it reads the text rather than leaving it to the pure one."""
    calls: list[object] = []
    parse = _parser.parse

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        return parse(*args, **kwargs)

    monkeypatch.setattr(_parser, "parse", counted)
    for module, name in ((_yaml, "_native_values"), (_located, "_native_located")):
        native = getattr(module, name)
        if native is not None:
            monkeypatch.setattr(module, name, functools.partial(_counted_native, native, calls))
    return calls


def _counted_native(native: Any, calls: list[object], *args: Any) -> Any:
    result = native(*args)
    if result is not None:
        calls.append(args[0])
    return result


# One read of the values alone is one parse, natively or not.
VALUES_PARSES = 1

EXPECTED = [
    ("mojibake", "title", 3, 8, True),
    ("html-entity", "excerpt", 4, 10, True),
    ("mojibake", "related[0].title", 8, 12, True),
    ("whitespace", "related[0].title", 8, 12, True),
]


def test_one_parse_for_an_item_with_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The positions are recorded with the values: the YAML is parsed once, not twice."""
    path = _write(tmp_path, "a.md", DAMAGED)
    calls = _count_parses(monkeypatch)
    assert _seen(lint.lint_file(path)) == EXPECTED
    assert len(calls) == 1
    calls.clear()
    assert _seen(lint.lint_result(corpus.load_file(path))) == EXPECTED
    assert len(calls) == VALUES_PARSES + 1  # values alone, then the positions


def test_one_parse_a_file_over_a_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """map_files and map_texts of lint_result (or of a partial of it) read each item once."""
    folder = tmp_path / "items"
    folder.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        _write(folder, name, DAMAGED)
    _write(folder, "d.md", CLEAN)
    calls = _count_parses(monkeypatch)
    reports = list(corpus.map_files(lint.lint_result, folder))
    assert [_seen(report) for report in reports] == [EXPECTED, EXPECTED, EXPECTED, []]
    assert len(calls) == 4
    calls.clear()
    work = functools.partial(lint.lint_result, ignore=["whitespace"])
    reports = list(corpus.map_files(functools.partial(work, now=None), folder, workers=1))
    assert [_seen(report) for report in reports] == [EXPECTED[:3]] * 3 + [[]]
    assert len(calls) == 4
    calls.clear()
    reports = list(corpus.map_texts(lint.lint_result, [DAMAGED, CLEAN]))
    assert [_seen(report) for report in reports] == [EXPECTED, []]
    assert len(calls) == 2
    calls.clear()
    # Another function over the corpus reads the values alone, as check does.
    titles = list(corpus.map_files(lambda result: result.unwrap().article.title, folder))
    assert titles[3] == "Clean"
    assert len(calls) == 4 * VALUES_PARSES


def test_one_parse_for_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``newsitem lint -`` reads the item once; the findings are at their place."""
    calls = _count_parses(monkeypatch)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DAMAGED.encode("utf-8"))))
    assert main(["lint", "-q", "--no-config", "-"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "<stdin>:3:8: mojibake title: UTF-8 read as Windows-1252: "
        "'Trust Stampâ€™s deal' should read 'Trust Stamp’s deal'",
        "<stdin>:4:10: html-entity excerpt: HTML character reference '&amp;': "
        "'Fish &amp; chips\\n' should read 'Fish & chips\\n'",
        "<stdin>:8:12: mojibake related[0].title: UTF-8 read as Latin-1: "
        "'CafÃ©  news' should read 'Café  news'",
        "<stdin>:8:12: whitespace related[0].title: a run of spaces",
    ]
    assert len(calls) == 1


def test_document_with_its_tree_at_load_edits_as_any() -> None:
    """A document composed at load: same values, positions, comments, and edits."""
    text = "---\ntitle: Old  # keep me\ntags:\n  - a\n  - 'b'\n---\nBody\n"
    document = frontmatter.typed_loads(text, DEFAULT_LIMITS, located=True)
    assert document.data == {"title": "Old", "tags": ["a", "b"]}
    assert document.position(("tags", 1)) == (5, 5)
    assert document.comment(("title",)) == "keep me"
    assert document.render() == text
    # "c: d" needs quotes: the file's single ones (its quotes, counted at load).
    document.data = {"title": "New", "tags": ["a", "b", "c: d"]}
    assert document.render() == (
        "---\ntitle: New  # keep me\ntags:\n  - a\n  - 'b'\n  - 'c: d'\n---\nBody\n"
    )


def test_a_kept_block_scalar_is_not_silenced_by_the_next_lines_comment(tmp_path: Path) -> None:
    """``|+`` keeps its line breaks; the ``ignore`` on the key after it is that key's only."""
    text = (
        "---\ntitle: T\nexcerpt: |+\n  Fish &amp; chips\n\n"
        "webUrl: https://www.example.com/c  # newsitem: ignore\n---\n"
    )
    report = lint.lint_file(_write(tmp_path, "a.md", text), select="html-entity")
    assert _seen(report) == [("html-entity", "excerpt", 3, 10, True)]
