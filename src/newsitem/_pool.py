"""A small process pool for corpus runs: ordered results, and a dead worker is not the end.

``concurrent.futures`` breaks the whole pool when one worker dies (killed,
out of memory) and cannot tell which task it held. Here each worker has its
own pipe and the tasks it holds are known: when a worker dies, the chunk it
was working on is retried one input at a time in a new worker, and an input
that kills a worker again comes back as an error result (code
``worker-died``); the run goes on. Unstarted chunks go to the other workers.

Workers that cannot start at all (a script without an
``if __name__ == "__main__":`` guard, re-run by each spawned worker) end the
run at once with an error that says what to do.

multiprocessing is imported here, and this module only when a run has
``workers > 1``: ``import newsitem`` stays light.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar, cast

from .corpus import UnguardedMainError

__all__ = ["BOOTSTRAP_EXIT", "refuse_in_bootstrap", "run"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")

BOOTSTRAP_EXIT = 87
"""The exit code of a worker that found itself re-running the caller's script."""

_UNGUARDED = (
    "the worker processes re-ran your script from the top and started workers of their own: "
    'put the code that calls newsitem.corpus under `if __name__ == "__main__":` '
    "(the workers import your script; the guard keeps them from running it), "
    "or pass workers=1"
)


def refuse_in_bootstrap() -> None:
    """In a worker that is importing the caller's script, exit with :data:`BOOTSTRAP_EXIT`.

    A spawned worker imports the main script; without a guard, that import
    calls the corpus function again, which would start workers of its own.
    The parent sees the exit code and raises :class:`UnguardedMainError`.
    """
    # multiprocessing sets _inheriting while a new process imports the main script.
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        sys.stderr.write(f"newsitem: {_UNGUARDED}\n")
        raise SystemExit(BOOTSTRAP_EXIT)


@dataclass
class _Slot(Generic[_In, _Out]):
    """One chunk of inputs, in order, and the outputs that came back for it."""

    inputs: list[_In]
    outputs: list[_Out | None]
    missing: int

    def done(self) -> bool:
        return self.missing == 0


@dataclass
class _Task(Generic[_In, _Out]):
    slot: _Slot[_In, _Out]
    offset: int
    inputs: list[_In]
    retry: bool = False  # a part of a chunk whose worker died


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    tasks: deque[int] = field(default_factory=deque[int])


def _serve(conn: Connection, work: Callable[[list[Any]], list[Any]]) -> None:
    """A worker: run ``work`` on each chunk sent, send back its outputs or its exception."""
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        key, chunk = message
        try:
            reply: tuple[Any, ...] = (key, "ok", work(chunk))
        except BaseException as exc:  # handed back to the caller, who re-raises
            reply = (key, "raised", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # an output that does not pickle
            conn.send((key, "raised", RuntimeError(f"a result could not be sent back: {exc!r}")))


def run(
    inputs: Iterable[_In],
    work: Callable[[list[_In]], list[_Out]],
    failed: Callable[[list[_In], str], list[_Out]],
    workers: int,
    size: int,
) -> Generator[_Out, None, None]:
    """``work`` over ``inputs`` in ``workers`` processes, in order, ``size`` inputs per task.

    At most two tasks per worker are in flight. ``failed(inputs, why)`` gives
    the outputs for inputs whose worker died on them.
    """
    context = _context()
    chunks = _chunks(inputs, size)
    pool: list[_Worker] = []
    slots: deque[_Slot[_In, _Out]] = deque()
    queue: deque[_Task[_In, _Out]] = deque()
    held: dict[int, _Task[_In, _Out]] = {}
    keys = iter(range(sys.maxsize))
    exhausted = False
    try:
        pool.extend(_start(context, work) for _ in range(workers))
        while True:
            while not exhausted and len(slots) < 2 * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                slot: _Slot[_In, _Out] = _Slot(chunk, [None] * len(chunk), len(chunk))
                slots.append(slot)
                queue.append(_Task(slot, 0, chunk))
            while slots and slots[0].done():
                yield from cast("list[_Out]", slots.popleft().outputs)
            if not slots:
                if exhausted:
                    return
                continue  # every chunk in flight came back: read the next ones
            _assign(pool, queue, held, keys)
            _wait(pool, context, work, queue, held, failed)
    finally:  # also when the caller stops early: end the workers
        _stop(pool)


def _assign(
    pool: list[_Worker],
    queue: deque[_Task[Any, Any]],
    held: dict[int, _Task[Any, Any]],
    keys: Iterator[int],
) -> None:
    for worker in pool:
        # A retried input goes alone to a worker with nothing else to lose.
        while queue and worker.ready and len(worker.tasks) < 2:
            if queue[0].retry and worker.tasks:
                break
            task = queue.popleft()
            key = next(keys)
            held[key] = task
            worker.tasks.append(key)
            worker.conn.send((key, task.inputs))
            if task.retry:
                break


def _wait(
    pool: list[_Worker],
    context: BaseContext,
    work: Callable[[list[Any]], list[Any]],
    queue: deque[_Task[Any, Any]],
    held: dict[int, _Task[Any, Any]],
    failed: Callable[[list[Any], str], list[Any]],
) -> None:
    """Take what the workers sent; replace a worker that died, settling its tasks."""
    waitables: list[Any] = [worker.conn for worker in pool]
    waitables += [worker.process.sentinel for worker in pool]
    ready = set(multiprocessing.connection.wait(waitables))
    for index, worker in enumerate(pool):
        alive = True
        if worker.conn in ready or worker.process.sentinel in ready:
            try:
                while worker.conn.poll():
                    _receive(worker, worker.conn.recv(), held)
            except (EOFError, OSError):
                alive = False
        if alive and worker.process.sentinel not in ready:
            continue
        worker.process.join()
        if not worker.ready:
            _startup_failed(worker)
        _settle(worker, queue, held, failed)
        worker.conn.close()
        pool[index] = _start(context, work)


def _receive(worker: _Worker, message: tuple[Any, ...], held: dict[int, _Task[Any, Any]]) -> None:
    if message[0] == "ready":
        worker.ready = True
        return
    key, status, payload = message
    worker.tasks.remove(key)
    task = held.pop(key)
    if status == "raised":
        raise payload
    _fill(task, payload)


def _fill(task: _Task[Any, Any], outputs: list[Any]) -> None:
    task.slot.outputs[task.offset : task.offset + len(outputs)] = outputs
    task.slot.missing -= len(outputs)


def _settle(
    worker: _Worker,
    queue: deque[_Task[Any, Any]],
    held: dict[int, _Task[Any, Any]],
    failed: Callable[[list[Any], str], list[Any]],
) -> None:
    """A dead worker's tasks: the one it was on retried by parts, or failed; the rest requeued."""
    tasks = [held.pop(key) for key in worker.tasks]
    worker.tasks.clear()
    if not tasks:
        return
    current, *waiting = tasks
    queue.extendleft(reversed(waiting))
    if len(current.inputs) > 1:
        parts = [
            _Task(current.slot, current.offset + i, [one], retry=True)
            for i, one in enumerate(current.inputs)
        ]
        queue.extendleft(reversed(parts))
    else:
        _fill(current, failed(current.inputs, _death(worker.process.exitcode)))


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = ", perhaps out of memory" if name == "SIGKILL" else ""
        return f"the worker process loading it was killed by {name}{hint}"
    return f"the worker process loading it exited with code {exitcode}"


def _startup_failed(worker: _Worker) -> None:
    code = worker.process.exitcode
    if code == BOOTSTRAP_EXIT:
        raise UnguardedMainError(_UNGUARDED)
    raise RuntimeError(
        f"a worker process could not start (exit code {code}); its error is on standard "
        "error. If this is a script, the code that calls newsitem.corpus must be under "
        '`if __name__ == "__main__":`'
    )


def _start(context: BaseContext, work: Callable[[list[Any]], list[Any]]) -> _Worker:
    ours, theirs = context.Pipe()
    # Each concrete context has a Process class; BaseContext declares none.
    process: BaseProcess = cast("Any", context).Process(
        target=_serve, args=(theirs, work), daemon=True
    )
    process.start()
    theirs.close()
    return _Worker(process, ours)


def _stop(pool: list[_Worker]) -> None:
    for worker in pool:
        with contextlib.suppress(OSError, ValueError):  # a worker already gone
            worker.conn.send(None)
    for worker in pool:
        worker.process.join(timeout=5)
        if worker.process.exitcode is None:
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def _chunks(items: Iterable[_In], size: int) -> Iterator[list[_In]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _context() -> BaseContext:
    """The start method: ``fork`` where it is safe, else ``forkserver`` or the platform's.

    Forked workers need nothing of the caller's script, so a script without a
    ``__main__`` guard works. Forking a process that runs threads can
    deadlock the child (and warns from Python 3.12), so with more than one
    thread running, ``fork`` becomes ``forkserver``, which starts workers from
    a clean process. A start method the caller chose is kept, and so are its
    forkserver preloads.
    """
    chosen = cast("str | None", multiprocessing.get_start_method(allow_none=True))
    methods = multiprocessing.get_all_start_methods()
    method = chosen or methods[0]
    threads = threading.active_count()
    if chosen is None and method == "forkserver" and "fork" in methods and threads == 1:
        method = "fork"
    elif method == "fork" and threads > 1 and "forkserver" in methods:
        method = "forkserver"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        server = getattr(multiprocessing.forkserver, "_forkserver", None)
        preload = getattr(server, "_preload_modules", None)
        if isinstance(preload, list) and "newsitem.corpus" not in preload:
            context.set_forkserver_preload([*cast("list[str]", preload), "newsitem.corpus"])
    return context
