"""Lint over a corpus: in parallel through corpus.map_files, and duplicate-item over a run."""

from __future__ import annotations

import functools
import pickle
from pathlib import Path

import newsitem
from newsitem import corpus, lint

A = '---\ntitle: "Caf\u00c3\u00a9"\nwebUrl: https://www.example.com/same\n---\n'
B = "---\ntitle: Clean\nwebUrl: https://www.example.com/other\n---\n"
C = "---\ntitle: Copy\ncategory: news\nwebUrl: https://www.example.com/same\n---\n"
D = (
    "---\ntitle: Silenced\n"
    "webUrl: https://www.example.com/same  # newsitem: ignore[duplicate-item]\n---\n"
)
BAD = "---\ntitle: No URL\n---\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "items"
    folder.mkdir()
    for name, text in {"a.md": A, "b.md": B, "c.md": C, "d.md": D, "e.md": BAD}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_map_files_in_two_workers(tmp_path: Path) -> None:
    """Reports come back in file order from two processes; invalid items carry their error."""
    folder = _corpus(tmp_path)
    work = functools.partial(lint.lint_result, project=False)
    reports = list(corpus.map_files(work, folder, workers=2, chunksize=1))
    assert [Path(r.source).name for r in reports] == ["a.md", "b.md", "c.md", "d.md", "e.md"]
    assert [[f.code for f in r.findings] for r in reports] == [["mojibake"], [], [], [], []]
    assert reports[0].findings[0].line == 2
    error = reports[4].error
    assert error is not None
    assert error.code == "invalid-item"
    assert reports[4].findings == ()
    assert [r.ok for r in reports] == [False, True, True, True, False]


def test_duplicate_items_reported_on_each(tmp_path: Path) -> None:
    """Same webUrl in a, c and d: a and c name the others at their webUrl line; d is silenced."""
    folder = _corpus(tmp_path)
    reports = list(corpus.map_files(lint.lint_result, folder))
    duplicates = lint.duplicate_items(reports)
    a, c, d = (str(folder / name) for name in ("a.md", "c.md", "d.md"))
    assert sorted(duplicates) == [a, c]
    assert [(f.code, f.field, f.line, f.column) for f in duplicates[a]] == [
        ("duplicate-item", "webUrl", 3, 9)
    ]
    assert duplicates[a][0].message == f"the same webUrl as {c}, {d}"
    assert [(f.line, f.message) for f in duplicates[c]] == [(4, f"the same webUrl as {a}, {d}")]
    off = functools.partial(lint.lint_result, ignore=["duplicate-item"])
    assert lint.duplicate_items(corpus.map_files(off, folder)) == {}


def test_fix_gives_the_new_text(tmp_path: Path) -> None:
    """With fix, a report holds the text read and the repaired text; the file is not written."""
    folder = _corpus(tmp_path)
    report = lint.lint_result(corpus.load_file(folder / "a.md"), fix=True)
    assert report.original == A
    assert report.fixed == A.replace("Caf\u00c3\u00a9", "Café")
    assert (folder / "a.md").read_text(encoding="utf-8") == A
    clean = lint.lint_result(corpus.load_file(folder / "b.md"), fix=True)
    assert (clean.original, clean.fixed) == (None, None)


def test_reports_and_findings_pickle() -> None:
    """What crosses back from a worker pickles and compares equal."""
    report = lint.lint_result(corpus.load_text(A))
    assert pickle.loads(pickle.dumps(report)) == report


def test_texts_have_no_project_settings() -> None:
    """``map_texts`` works the same; texts have no file, so no pyproject.toml applies."""
    reports = list(corpus.map_texts(lint.lint_result, [A, B]))
    assert [r.source for r in reports] == ["<text 0>", "<text 1>"]
    assert [len(r.findings) for r in reports] == [1, 0]
    assert newsitem.loads(A).article.web_url == reports[0].web_url
