"""Writes are atomic, keep permissions, never lose someone else's edit, and survive a kill."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsitem
from newsitem import ConflictError, NewsItemError, frontmatter

ORIGINAL = (
    b"---\n"
    b'title: "Original title"  # a comment\n'
    b"webUrl: https://example.com/a\n"
    b"quality: 15\n"
    b"---\n"
    b"Body.\n"
)
EDITED = ORIGINAL.replace(b"Original title", b"New title")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")


class Api:
    """One of the two writers: the typed item or the schema-free document."""

    def __init__(self, name: str) -> None:
        self.name = name

    def load_and_edit(self, path: Path) -> Any:
        """Load ``path`` and change its title to "New title"."""
        if self.name == "newsitem":
            item = newsitem.load(path)
            item.article.title = "New title"
            return item
        doc = frontmatter.load(path)
        doc.data["title"] = "New title"
        return doc

    def dump(self, loaded: Any, path: Path, *, overwrite: bool = False) -> None:
        """Write ``loaded`` to ``path`` with this API's ``dump``."""
        if self.name == "newsitem":
            newsitem.dump(loaded, path, overwrite=overwrite)
        else:
            frontmatter.dump(loaded, path, overwrite=overwrite)


@pytest.fixture(params=["newsitem", "frontmatter"])
def api(request: pytest.FixtureRequest) -> Api:
    """``newsitem.dump`` and ``frontmatter.dump``, each in turn."""
    return Api(request.param)


@pytest.fixture
def item_path(tmp_path: Path) -> Path:
    """A news item alone in a fresh folder."""
    path = tmp_path / "item.md"
    path.write_bytes(ORIGINAL)
    return path


def _boom(*args: object, **kwargs: object) -> None:
    raise OSError(errno.EIO, "injected failure")


class _FailingWrite:
    """A file object that writes half of what it is given, then fails like a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device (injected)")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _FailingWrite:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _failing_fdopen(real: Callable[..., Any]) -> Callable[..., Any]:
    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _FailingWrite(real(fd, *args, **kwargs))

    return fdopen


INJECTIONS = {
    "os.replace": lambda mp: mp.setattr(os, "replace", _boom),
    "os.fsync": lambda mp: mp.setattr(os, "fsync", _boom),
    "fdopen-write": lambda mp: mp.setattr(os, "fdopen", _failing_fdopen(os.fdopen)),
    "os.chmod": lambda mp: mp.setattr(os, "chmod", _boom),
}


@pytest.mark.parametrize("where", sorted(INJECTIONS))
def test_failed_write_leaves_the_original_and_no_temporary_file(
    api: Api, item_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure at any step of the write leaves the file byte-identical and the folder clean."""
    loaded = api.load_and_edit(item_path)
    with monkeypatch.context() as patch:
        INJECTIONS[where](patch)
        with pytest.raises(OSError, match="injected"):
            api.dump(loaded, item_path)
    assert item_path.read_bytes() == ORIGINAL
    assert sorted(os.listdir(item_path.parent)) == ["item.md"]
    # The failure changed nothing: the same edit can be written now.
    api.dump(loaded, item_path)
    assert item_path.read_bytes() == EDITED
    assert sorted(os.listdir(item_path.parent)) == ["item.md"]


def test_interrupt_during_write_cleans_up(
    api: Api, item_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyboardInterrupt while syncing leaves the original and removes the temporary file."""
    loaded = api.load_and_edit(item_path)

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        api.dump(loaded, item_path)
    assert item_path.read_bytes() == ORIGINAL
    assert sorted(os.listdir(item_path.parent)) == ["item.md"]


def test_unwritable_folder_leaves_the_original(api: Api, item_path: Path) -> None:
    """When no temporary file can be made in the folder, the error says so and nothing changes."""
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders")
    loaded = api.load_and_edit(item_path)
    item_path.parent.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            api.dump(loaded, item_path)
    finally:
        item_path.parent.chmod(0o755)
    assert item_path.read_bytes() == ORIGINAL


def test_write_is_a_rename_of_a_synced_file_in_the_same_folder(
    api: Api, item_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new bytes are synced to a file beside the target, which is then renamed over it."""
    events: list[tuple[str, Any]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.fstat(fd).st_size))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append(("replace", (Path(src).parent, Path(dst))))
        real_replace(src, dst)

    loaded = api.load_and_edit(item_path)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    api.dump(loaded, item_path)
    assert events[0] == ("fsync", len(EDITED))
    assert ("replace", (item_path.parent, item_path)) in events
    assert events.index(("replace", (item_path.parent, item_path))) > 0


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o604, 0o755])
def test_permissions_of_the_target_are_kept(api: Api, item_path: Path, mode: int) -> None:
    """The rewritten file keeps the mode bits the old one had."""
    item_path.chmod(mode)
    api.dump(api.load_and_edit(item_path), item_path)
    assert item_path.read_bytes() == EDITED
    assert stat.S_IMODE(item_path.stat().st_mode) == mode


def test_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    """A file that did not exist is created as ``open()`` would: 0o666 less the umask."""
    umask = os.umask(0o022)
    try:
        target = tmp_path / "new.md"
        item = newsitem.loads("---\ntitle: t\nwebUrl: https://e.com/\n---\n")
        newsitem.dump(item, target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    finally:
        os.umask(umask)


def test_writing_through_a_symlink_updates_the_target(api: Api, item_path: Path) -> None:
    """Dumping to a symlink rewrites the file it points to and leaves the link a link."""
    link = item_path.with_name("link.md")
    link.symlink_to(item_path.name)
    api.dump(api.load_and_edit(link), link)
    assert link.is_symlink()
    assert item_path.read_bytes() == EDITED


# -- conflicts --------------------------------------------------------------------

OTHER = ORIGINAL.replace(b"quality: 15", b"quality: 99")


def test_changed_file_raises_conflict_and_keeps_the_other_edit(api: Api, item_path: Path) -> None:
    """If the file changed since it was loaded, dump refuses and the other writer's bytes stay."""
    loaded = api.load_and_edit(item_path)
    item_path.write_bytes(OTHER)
    with pytest.raises(NewsItemError) as info:
        api.dump(loaded, item_path)
    error = info.value
    assert type(error) is ConflictError
    assert (error.code, error.path) == ("file-changed", str(item_path))
    assert item_path.read_bytes() == OTHER
    assert sorted(os.listdir(item_path.parent)) == ["item.md"]


def test_file_replaced_by_rename_is_a_conflict(api: Api, item_path: Path) -> None:
    """Another atomic writer (a new file renamed over ours) is seen as a change too."""
    loaded = api.load_and_edit(item_path)
    other = item_path.with_name("other.tmp")
    other.write_bytes(OTHER)
    os.replace(other, item_path)
    with pytest.raises(ConflictError):
        api.dump(loaded, item_path)
    assert item_path.read_bytes() == OTHER


def test_unchanged_item_does_not_revert_a_change_on_disk(api: Api, item_path: Path) -> None:
    """Even without edits, dumping over a file changed on disk is a conflict, not a revert."""
    loaded = newsitem.load(item_path) if api.name == "newsitem" else frontmatter.load(item_path)
    item_path.write_bytes(OTHER)
    with pytest.raises(ConflictError):
        api.dump(loaded, item_path)
    assert item_path.read_bytes() == OTHER


def test_overwrite_true_writes_over_a_changed_file(api: Api, item_path: Path) -> None:
    """``overwrite=True`` replaces the changed file with the caller's version."""
    loaded = api.load_and_edit(item_path)
    item_path.write_bytes(OTHER)
    api.dump(loaded, item_path, overwrite=True)
    assert item_path.read_bytes() == EDITED


def test_deleted_file_is_a_conflict(api: Api, item_path: Path) -> None:
    """A file removed since it was loaded has changed: dump refuses to bring it back."""
    loaded = api.load_and_edit(item_path)
    item_path.unlink()
    with pytest.raises(ConflictError):
        api.dump(loaded, item_path)
    assert not item_path.exists()


def test_second_dump_after_own_write_is_no_conflict(api: Api, item_path: Path) -> None:
    """After writing its own file, the loaded object stands for the new text: no false conflict."""
    loaded = api.load_and_edit(item_path)
    api.dump(loaded, item_path)
    if api.name == "newsitem":
        loaded.article.title = "Third title"
    else:
        loaded.data["title"] = "Third title"
    api.dump(loaded, item_path)
    assert item_path.read_bytes() == ORIGINAL.replace(b"Original title", b"Third title")


def test_dump_to_another_path_needs_no_check(api: Api, item_path: Path) -> None:
    """Writing to a different file than the one loaded is a plain (atomic) write."""
    loaded = api.load_and_edit(item_path)
    copy = item_path.with_name("copy.md")
    copy.write_bytes(OTHER)
    api.dump(loaded, copy)
    assert copy.read_bytes() == EDITED
    assert item_path.read_bytes() == ORIGINAL


# -- a writer killed mid-write ------------------------------------------------------

BIG = 500_000  # characters in the title the child writes: each dump takes a while

CHILD = textwrap.dedent(
    """
    import sys
    import newsitem

    path, size = sys.argv[1], int(sys.argv[2])
    item = newsitem.load(path)
    n = 0
    while True:
        item.article.title = ("A" if n % 2 == 0 else "B") * size
        newsitem.dump(item, path)
        n += 1
        if n == 2:
            print("ready", flush=True)
    """
)

SLOW_CHILD = textwrap.dedent(
    """
    import os, sys, time
    import newsitem

    def fsync(fd):
        print("writing", flush=True)
        time.sleep(60)

    os.fsync = fsync
    item = newsitem.load(sys.argv[1])
    item.article.title = "New title"
    newsitem.dump(item, sys.argv[1])
    """
)


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.stdout is not None
    child.stdout.close()


def _expected_versions(size: int) -> set[bytes]:
    versions = {ORIGINAL}
    for letter in "AB":
        item = newsitem.loads(ORIGINAL.decode())
        item.article.title = letter * size
        versions.add(newsitem.dumps(item).encode())
    return versions


def test_writer_killed_while_looping_leaves_a_whole_file(item_path: Path) -> None:
    """SIGKILL at random moments of a dump loop leaves the old or the new file, never a mix."""
    versions = _expected_versions(BIG)
    chance = random.Random(4)
    for _ in range(5):
        child = _spawn(CHILD, str(item_path), str(BIG))
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        try:
            # Let the child get somewhere inside a dump (each takes ~0.1 s).
            time.sleep(chance.uniform(0, 0.3))
        finally:
            _kill(child)
        assert item_path.read_bytes() in versions
        # A killed writer can leave its temporary file; it never has the target's name.
        strays = [name for name in os.listdir(item_path.parent) if name != "item.md"]
        assert all(name.startswith(".item.md.") and name.endswith(".tmp") for name in strays)


def test_writer_killed_before_the_rename_leaves_the_original(item_path: Path) -> None:
    """Killed after writing its temporary file but before the rename, the target is untouched."""
    # The temporary file (.item.md.XXXXXXXX.tmp, complete) is left behind: a
    # killed process cannot remove it, and a later dump is not disturbed by it.
    child = _spawn(SLOW_CHILD, str(item_path))
    assert child.stdout is not None
    try:
        assert child.stdout.readline() == "writing\n"
    finally:
        _kill(child)
    assert item_path.read_bytes() == ORIGINAL
    strays = [name for name in os.listdir(item_path.parent) if name != "item.md"]
    assert len(strays) == 1
    assert strays[0].startswith(".item.md.")
    assert strays[0].endswith(".tmp")
    assert (item_path.parent / strays[0]).read_bytes() == EDITED
    item = newsitem.load(item_path)
    item.article.title = "New title"
    newsitem.dump(item, item_path)
    assert item_path.read_bytes() == EDITED
