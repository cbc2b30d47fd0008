"""The bulk API, ``newsitem.corpus``: paths, one result per input in order, workers, pickling.

Items are small texts written here by hand; every expected value (orders,
codes, positions, progress calls, texts after an edit) is written out from
the format's rules and the documented behaviour, not recorded from a run.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest

from newsitem import DEFAULT_LIMITS, Article, Limits, NewsItemError, ValidationError, dumps, load
from newsitem.corpus import (
    Result,
    iter_files,
    iter_texts,
    load_file,
    load_text,
    map_files,
    map_texts,
    paths,
)
from newsitem.errors import Issue

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

VALID = "---\ntitle: One\nwebUrl: https://example.com/one\n---\nBody\n"
MISSING_URL = "---\ntitle: Two\n---\n"
UNCLOSED = "---\ntitle: Three\n"


class DeskArticle(Article):
    """An article with a pipeline key of its own (top level, so workers can unpickle it)."""

    wire_desk: str | None = None


def write(folder: Path, files: dict[str, str]) -> None:
    """Write ``files`` (relative path -> text) under ``folder``, making folders as needed."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def relative(found: Iterator[str], folder: Path) -> list[str]:
    """The paths of ``found`` relative to ``folder``, with ``/`` separators."""
    return [Path(path).relative_to(folder).as_posix() for path in found]


def summary(result: Result[Article]) -> tuple[str, str | None, int | None, int | None]:
    """A result as (file name, error code, line, column); runs in workers too."""
    error = result.error
    if error is None:
        return Path(result.source).name, None, None, None
    return Path(result.source).name, error.code, error.line, error.column


def title_and_pid(result: Result[Article]) -> tuple[str, int]:
    """The item's title and the process that loaded it."""
    return result.unwrap().article.title, os.getpid()


def numbered(count: int) -> dict[str, str]:
    """``count`` items named ``item-NN.md``; every fifth one lacks its webUrl."""
    return {
        f"item-{n:02d}.md": MISSING_URL if n % 5 == 4 else VALID.replace("One", f"Item {n}")
        for n in range(count)
    }


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder with nested, hidden and non-Markdown files."""
    write(
        tmp_path,
        {
            "b.md": VALID,
            "a.md": VALID,
            "a-b.md": VALID,
            "a/z.md": VALID,
            "c/d/e.md": VALID,
            "notes.txt": VALID,
            ".hidden.md": VALID,
            ".git/x.md": VALID,
            "c/.cache/y.md": VALID,
        },
    )
    return tmp_path


def test_folder_is_walked_sorted_by_path_skipping_hidden(tree: Path) -> None:
    """A folder gives its .md files at any depth, sorted by path, without hidden ones."""
    assert relative(paths(tree), tree) == ["a-b.md", "a.md", "a/z.md", "b.md", "c/d/e.md"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.md", ["a-b.md", "a.md", "b.md"]),
        ("c/**/*.md", ["c/d/e.md"]),
        ("**/?.md", ["a.md", "a/z.md", "b.md", "c/d/e.md"]),
        ("[ab].md", ["a.md", "b.md"]),
        ("[!a]*.md", ["b.md"]),
        ("**/*.txt", ["notes.txt"]),
        ("**", ["a-b.md", "a.md", "a/z.md", "b.md", "c/d/e.md", "notes.txt"]),
    ],
)
def test_pattern_selects_files_relative_to_the_folder(
    tree: Path, pattern: str, expected: list[str]
) -> None:
    """``pattern`` matches paths relative to the folder; ``**/`` spans any folders."""
    assert relative(paths(tree, pattern=pattern), tree) == expected


def test_glob_string_is_expanded(tree: Path) -> None:
    """A path holding glob characters is expanded from its first literal folders."""
    assert relative(paths(str(tree / "a" / "*.md")), tree) == ["a/z.md"]
    assert relative(paths(str(tree / "**" / "e.md")), tree) == ["c/d/e.md"]
    assert relative(paths(str(tree / "?.md")), tree) == ["a.md", "b.md"]


def test_glob_relative_to_the_working_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A relative glob gives relative paths, without a leading ``./``."""
    monkeypatch.chdir(tree)
    assert list(paths("*.md")) == ["a-b.md", "a.md", "b.md"]


def test_files_and_iterables_keep_their_order(tree: Path) -> None:
    """A file is given whatever the pattern says; an iterable's entries keep their order."""
    source: list[str | Path] = [tree / "notes.txt", str(tree / "c"), tree / "a.md"]
    assert relative(paths(source), tree) == ["notes.txt", "c/d/e.md", "a.md"]


def test_missing_path_is_given_as_is(tmp_path: Path) -> None:
    """A path that does not exist and is no glob is yielded, so loading reports it."""
    missing = str(tmp_path / "missing.md")
    assert list(paths(missing)) == [missing]
    assert list(paths(str(tmp_path / "nowhere" / "*.md"))) == []


def test_load_file_returns_the_error_instead_of_raising(tmp_path: Path) -> None:
    """Invalid and unreadable files give a result holding their error."""
    write(tmp_path, {"ok.md": VALID, "bad.md": MISSING_URL})
    ok = load_file(tmp_path / "ok.md")
    assert ok.ok
    assert ok.source == str(tmp_path / "ok.md")
    assert ok.unwrap().article.title == "One"
    assert ok.error is None

    bad = load_file(str(tmp_path / "bad.md"))
    assert not bad.ok
    assert bad.item is None
    assert isinstance(bad.error, ValidationError)
    assert bad.error.issues == (
        Issue("webUrl", "required field is missing", "missing-field", 2, 1),
    )
    assert bad.error.path == str(tmp_path / "bad.md")
    with pytest.raises(ValidationError):
        bad.unwrap()


@pytest.mark.parametrize(
    ("name", "message", "cause"),
    [
        ("missing.md", "cannot read the file: No such file or directory", FileNotFoundError),
        ("folder.md", "cannot read the file: Is a directory", IsADirectoryError),
    ],
)
def test_unreadable_file_is_an_unreadable_error(
    tmp_path: Path, name: str, message: str, cause: type[OSError]
) -> None:
    """An OSError becomes a NewsItemError with code ``unreadable``, chained to it."""
    (tmp_path / "folder.md").mkdir()
    result = load_file(tmp_path / name)
    error = result.error
    assert type(error) is NewsItemError
    assert (error.code, error.message, error.path) == ("unreadable", message, str(tmp_path / name))
    assert (error.line, error.column) == (None, None)
    assert isinstance(error.__cause__, cause)


def test_iter_files_gives_every_result_in_order(tmp_path: Path) -> None:
    """Failures do not stop the run: each file has its result, in path order."""
    write(tmp_path, {"1.md": VALID, "2.md": MISSING_URL, "3.md": UNCLOSED, "4.md": VALID})
    assert [summary(result) for result in iter_files(tmp_path)] == [
        ("1.md", None, None, None),
        ("2.md", "invalid-item", 2, 1),
        ("3.md", "unclosed-front-matter", 1, 1),
        ("4.md", None, None, None),
    ]


def test_workers_give_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    """Two processes, in small chunks, give what one process gives, in file order."""
    write(tmp_path, numbered(30))
    expected = [
        (f"item-{n:02d}.md", "invalid-item", 2, 1)
        if n % 5 == 4
        else (f"item-{n:02d}.md", None, None, None)
        for n in range(30)
    ]
    serial = list(iter_files(tmp_path))
    parallel = list(iter_files(tmp_path, workers=2, chunksize=4))
    assert [summary(result) for result in serial] == expected
    assert [summary(result) for result in parallel] == expected
    assert [dumps(r.item) for r in parallel if r.item is not None] == [
        VALID.replace("One", f"Item {n}") for n in range(30) if n % 5 != 4
    ]


def test_map_files_runs_the_function_in_the_workers(tmp_path: Path) -> None:
    """``map_files`` returns the function's values in order, computed in other processes."""
    write(tmp_path, {f"{n:02d}.md": VALID.replace("One", f"Item {n}") for n in range(7)})
    found = list(map_files(title_and_pid, tmp_path, workers=2, chunksize=2))
    assert [title for title, _ in found] == [
        "Item 0", "Item 1", "Item 2", "Item 3", "Item 4", "Item 5", "Item 6"
    ]  # fmt: skip
    assert os.getpid() not in {pid for _, pid in found}


def test_map_files_in_this_process_with_one_worker(tmp_path: Path) -> None:
    """With one worker the function runs here, and sees every result."""
    write(tmp_path, {"a.md": VALID, "b.md": UNCLOSED})
    assert list(map_files(summary, tmp_path)) == [
        ("a.md", None, None, None),
        ("b.md", "unclosed-front-matter", 1, 1),
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_model_and_strict_reach_every_file(tmp_path: Path, workers: int) -> None:
    """``model`` and ``strict`` apply to each file, in workers as in this process."""
    text = VALID.replace("---\nBody", "wireDesk: city\n---\nBody")
    write(tmp_path, {"a.md": text, "b.md": text})
    typed = iter_files(tmp_path, model=DeskArticle, workers=workers)
    assert [(type(r.unwrap().article), r.unwrap().article.wire_desk) for r in typed] == [
        (DeskArticle, "city"),
        (DeskArticle, "city"),
    ]
    strict = iter_files(tmp_path, strict=True, workers=workers)
    assert [summary(r) for r in strict] == [
        ("a.md", "invalid-item", 4, 11),
        ("b.md", "invalid-item", 4, 11),
    ]


def test_limits_reach_every_file(tmp_path: Path) -> None:
    """``limits`` applies to each file: a file over ``max_bytes`` is refused."""
    write(tmp_path, {"a.md": VALID})
    (result,) = iter_files(tmp_path, limits=Limits(max_bytes=20), workers=2)
    assert result.error is not None
    assert result.error.code == "limit-exceeded"


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_counts_every_result(tmp_path: Path, workers: int) -> None:
    """Progress is called before the first result and after each, with the total."""
    write(tmp_path, {"a.md": VALID, "b.md": MISSING_URL, "c.md": VALID})
    calls: list[tuple[int, int | None]] = []
    results = iter_files(tmp_path, workers=workers, progress=lambda d, t: calls.append((d, t)))
    assert len(list(results)) == 3
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_progress_total_from_an_iterator_once_it_runs_out(tmp_path: Path) -> None:
    """A one-shot iterator's total is unknown until its paths have all been taken."""
    write(tmp_path, {"a.md": VALID, "b.md": VALID, "c.md": VALID})
    names = [tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"]

    serial: list[tuple[int, int | None]] = []
    list(iter_files(iter(names), progress=lambda d, t: serial.append((d, t))))
    assert serial == [(0, None), (1, None), (2, None), (3, None)]

    # Workers take paths ahead: all three are in the first chunk.
    parallel: list[tuple[int, int | None]] = []
    list(iter_files(iter(names), workers=2, progress=lambda d, t: parallel.append((d, t))))
    assert parallel == [(0, None), (1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(("workers", "taken"), [(1, 1), (2, 4)])
def test_paths_are_taken_as_needed(tmp_path: Path, workers: int, taken: int) -> None:
    """Streaming: one path ahead in this process; two chunks per worker in a pool."""
    write(tmp_path, numbered(20))
    drawn: list[Path] = []

    def source() -> Iterator[Path]:
        for n in range(20):
            drawn.append(tmp_path / f"item-{n:02d}.md")
            yield drawn[-1]

    results = iter_files(source(), workers=workers, chunksize=1)
    first = next(results)
    assert Path(first.source).name == "item-00.md"
    assert len(drawn) == taken
    assert len(list(results)) == 19  # the rest still comes, in order


@pytest.mark.parametrize("chunksize", [1, 3])
def test_many_small_chunks_all_come_back_in_order(chunksize: int) -> None:
    """Chunks that come back faster than they are read ahead: none is lost, the order holds."""
    texts = [f"---\ntitle: T{n}\nwebUrl: https://example.com/{n}\n---\n" for n in range(300)]
    titles = [r.unwrap().article.title for r in iter_texts(texts, workers=2, chunksize=chunksize)]
    assert titles == [f"T{n}" for n in range(300)]


def test_stopping_early_ends_the_workers(tmp_path: Path) -> None:
    """Closing the iterator part way shuts the pool down without waiting for the rest."""
    write(tmp_path, numbered(40))
    results = iter_files(tmp_path, workers=2, chunksize=2)
    assert [Path(r.source).name for r in islice(results, 3)] == [
        "item-00.md",
        "item-01.md",
        "item-02.md",
    ]
    results.close()


def test_workers_and_chunksize_are_checked() -> None:
    """``workers`` and ``chunksize`` below 1 are refused at the call."""
    with pytest.raises(ValueError, match="workers must be at least 1, not 0"):
        iter_files([], workers=0)
    with pytest.raises(ValueError, match="chunksize must be at least 1, not 0"):
        iter_texts([], chunksize=0)


@pytest.mark.parametrize("workers", [1, 2])
def test_iter_texts_names_each_text_by_its_index(workers: int) -> None:
    """Texts give results named ``<text N>`` from 0, in order, errors without a path."""
    results = list(iter_texts([VALID, UNCLOSED, VALID], workers=workers))
    assert [(r.source, r.ok) for r in results] == [
        ("<text 0>", True),
        ("<text 1>", False),
        ("<text 2>", True),
    ]
    error = results[1].error
    assert error is not None
    assert (error.code, error.path, error.line, error.column) == (
        "unclosed-front-matter",
        None,
        1,
        1,
    )


def test_iter_texts_progress_and_model() -> None:
    """A list's length is the total; ``model`` types every item."""
    calls: list[tuple[int, int | None]] = []
    texts = [VALID.replace("---\nBody", "wireDesk: desk\n---\nBody")] * 2
    results = iter_texts(texts, model=DeskArticle, progress=lambda d, t: calls.append((d, t)))
    assert [r.unwrap().article.wire_desk for r in results] == ["desk", "desk"]
    assert calls == [(0, 2), (1, 2), (2, 2)]


def test_map_texts_and_load_text() -> None:
    """``map_texts`` applies the function per text; ``load_text`` names its result."""
    assert list(map_texts(summary, [UNCLOSED, VALID], workers=2)) == [
        ("<text 0>", "unclosed-front-matter", 1, 1),
        ("<text 1>", None, None, None),
    ]
    assert load_text(VALID, source="feed:42").source == "feed:42"
    assert load_text(MISSING_URL).source == "<text>"


@pytest.mark.parametrize("path", sorted((EXAMPLES / "valid").glob("*.md")), ids=lambda p: p.name)
def test_loaded_item_survives_pickling(path: Path) -> None:
    """An item pickled and unpickled dumps the file's exact bytes, with every protocol."""
    item = load(path)
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(item, protocol=protocol))
        assert dumps(again) == path.read_bytes().decode("utf-8")
        assert again.article == item.article
        assert again.path == str(path)


def test_unpickled_item_can_still_be_edited() -> None:
    """An edit after unpickling rewrites only its own line, keeping the comment."""
    text = "---\ntitle: Old  # keep me\nwebUrl: 'https://example.com/a'\n---\nBody\n"
    item = pickle.loads(pickle.dumps(load_text(text).unwrap()))
    item.article.title = "New"
    item.body = "Other\n"
    assert (
        dumps(item) == "---\ntitle: New  # keep me\nwebUrl: 'https://example.com/a'\n---\nOther\n"
    )


def test_results_and_errors_survive_pickling(tmp_path: Path) -> None:
    """A result, its error with every issue, the limits and load_file itself pickle."""
    write(tmp_path, {"bad.md": "---\ntitle: 5\nwebUrl: /relative\n---\n"})
    result = pickle.loads(pickle.dumps(load_file(tmp_path / "bad.md")))
    assert result.source == str(tmp_path / "bad.md")
    assert isinstance(result.error, ValidationError)
    assert result.error.issues == (
        Issue("title", "expected a string, got an integer 5", "wrong-type", 2, 8),
        Issue(
            "webUrl",
            "expected an absolute http or https URL with a host, got a string '/relative'",
            "invalid-value",
            3,
            9,
        ),
    )
    assert result.error.path == str(tmp_path / "bad.md")
    assert pickle.loads(pickle.dumps(DEFAULT_LIMITS)) == DEFAULT_LIMITS
    assert pickle.loads(pickle.dumps(load_file)) is load_file


# -- workers that die, scripts without a guard, a light import ------------------------------------


def kill_on_doomed(result: Result[Article]) -> tuple[str, bool, str | None]:
    """In a worker, die by SIGKILL on the file named ``doomed.md`` (as the OOM killer would)."""
    name = Path(result.source).name
    if name == "doomed.md" and result.ok:  # the error result of a dead worker comes back here
        os.kill(os.getpid(), signal.SIGKILL)
    return name, result.ok, None if result.error is None else result.error.code


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this platform")
def test_a_killed_worker_costs_only_its_file(tmp_path: Path) -> None:
    """A worker killed mid-run: its file comes back as a worker-died error, the rest go on."""
    names = [f"item-{n:02d}.md" for n in range(12)]
    names.insert(5, "doomed.md")
    write(tmp_path, dict.fromkeys(names, VALID))
    found = list(map_files(kill_on_doomed, [tmp_path / name for name in names], workers=2))
    expected = [(name, True, None) for name in names]
    expected[5] = ("doomed.md", False, "worker-died")
    assert found == expected


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL on this platform")
def test_a_worker_died_result_names_the_file_and_the_signal(tmp_path: Path) -> None:
    """iter_files gives the dead worker's file as an error with its path, code and cause."""
    write(tmp_path, {"a.md": VALID, "doomed.md": VALID, "z.md": VALID})
    results = list(map_files(_doomed_error, tmp_path, workers=2, chunksize=1))
    assert results[0] is None
    assert results[2] is None
    error = results[1]
    assert error is not None
    assert error.path == str(tmp_path / "doomed.md")
    assert error.code == "worker-died"
    assert "SIGKILL" in error.message


def _doomed_error(result: Result[Article]) -> NewsItemError | None:
    kill_on_doomed(result)
    return result.error


UNGUARDED = """\
import sys
from newsitem import corpus

results = list(corpus.iter_files(sys.argv[1], workers=2))
print(len(results), sum(result.ok for result in results))
"""


SPAWN = "import multiprocessing; multiprocessing.set_start_method('spawn', force=True)\n"


def _run_script(tmp_path: Path, text: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "script.py"
    script.write_text(text, encoding="utf-8")
    folder = tmp_path / "items"
    write(folder, {"a.md": VALID, "b.md": VALID, "c.md": MISSING_URL})
    return subprocess.run(
        [sys.executable, str(script), str(folder)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=tmp_path,
    )


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_script_without_a_main_guard_works_where_workers_fork(tmp_path: Path) -> None:
    """A plain script calling iter_files(workers=2) at top level runs once and gets every result."""
    done = _run_script(tmp_path, UNGUARDED)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "3 2\n"
    assert "Traceback" not in done.stderr


def test_a_script_without_a_main_guard_fails_at_once_where_workers_spawn(tmp_path: Path) -> None:
    """With spawned workers, an unguarded script stops with an error that says to add the guard."""
    spawn = (
        "import multiprocessing\nmultiprocessing.set_start_method('spawn', force=True)\n"
        + UNGUARDED
    )
    done = _run_script(tmp_path, spawn)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "newsitem.corpus.UnguardedMainError" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr
    assert "BrokenProcessPool" not in done.stderr
    assert "leaked semaphore" not in done.stderr


def test_a_guarded_script_runs_with_spawned_workers(tmp_path: Path) -> None:
    """The same script under a ``__main__`` guard runs with spawned workers."""
    body = "\n".join("    " + line if line else "" for line in UNGUARDED.splitlines()[3:])
    guarded = (
        "import multiprocessing, sys\nfrom newsitem import corpus\n"
        "if __name__ == '__main__':\n    multiprocessing.set_start_method('spawn', force=True)\n"
        + body
        + "\n"
    )
    done = _run_script(tmp_path, guarded)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "3 2\n"


def test_import_newsitem_loads_no_process_or_dataframe_machinery() -> None:
    """``import newsitem`` leaves multiprocessing, concurrent.futures, dask and pyarrow unloaded."""
    heavy = ("multiprocessing", "concurrent.futures", "dask", "pyarrow")
    code = (
        "import sys, newsitem, newsitem.corpus\n"
        f"print([name for name in {heavy!r} if name in sys.modules])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "[]\n"
