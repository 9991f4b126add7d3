"""Worker processes, for the steps that pay for them at scale.

One setting says how many workers run: `workers` in papersite.yml or `--workers`
(default: one per core; 1: no worker process at all). The pipeline passes it down to
each step explicitly.

Workers come from the standard library's ProcessPoolExecutor with the fork start
method: they start with everything the parent holds (corpus, analysis, templates), and
the job (a function that may be a closure) reaches them through the executor's
initializer, which fork hands over by memory, never pickled. Only chunk numbers go out
and results come back, in input order, so output never depends on the worker count.

Forking after the analysis has used BLAS is safe here for a stated reason: no worker
calls into BLAS or OpenMP except the map's projection, whose worker limits both to one
thread (analyze/pipeline.py) and is forked before any OpenMP region runs in the parent;
OpenBLAS re-creates its thread pool in a forked child (pthread_atfork).

A run that stops early (Ctrl+C, SIGTERM, a failed chunk, a cancel) raises a flag in
memory shared with its workers; each worker's watch thread sees it within a tenth of a
second and ends the worker, but only while the worker is inside its job: one that is
sending a result or waiting for a chunk is left to the pool, whose pipes a process
ended mid-message would freeze. Raising the flag never blocks, whatever state the
workers are in.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNKS_PER_WORKER = 4  # smaller pieces even out uneven work
WATCH_SECONDS = 0.1  # how soon a worker notices that its run stopped or was killed

# The job of this worker process, set by the executor's initializer.
_job: tuple[Callable[[Any], Any], Sequence[Sequence[Any]]] | None = None
# Whether this worker is inside its job, changed and read under the lock: the watch
# thread ends the worker only from inside the job, never while a result is being sent.
_in_work = False
_in_work_lock = threading.Lock()


def default_workers() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


def worker_count(items: int, min_items_per_worker: int, workers: int) -> int:
    """Workers worth starting for `items` items: at most `workers`, none below the
    minimum of items each; 1 where processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(workers, items // max(1, min_items_per_worker)))


class Deferred(Generic[R]):
    """Results computed in this process when asked for (`Pending`'s one-worker twin)."""

    def __init__(self, work: Callable[[], list[R]]) -> None:
        self._work = work

    def get(self) -> list[R]:
        """Compute the results."""
        return self._work()

    def cancel(self) -> None:
        """Nothing runs meanwhile: nothing to stop."""


class Pending(Generic[R]):
    """Results that worker processes are computing; `get` waits for them."""

    def __init__(
        self, executor: ProcessPoolExecutor, futures: list[Future[list[R]]], stop: Any
    ) -> None:
        self._executor = executor
        self._futures = futures
        self._stop = stop

    def get(self) -> list[R]:
        """Wait for every chunk; the results in input order. Shuts the workers down; an
        interrupted wait or a failed chunk ends the other workers' chunks at once."""
        try:
            wait(self._futures, return_when=FIRST_EXCEPTION)  # a failed chunk: at once
            for future in self._futures:
                if future.done() and not future.cancelled() and future.exception():
                    future.result()  # raises its error
            return [result for future in self._futures for result in future.result()]
        except BaseException:
            self._stop.value = 1
            raise
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def cancel(self) -> None:
        """Stop the workers: the chunks they are on end at once, no other starts."""
        self._stop.value = 1
        self._executor.shutdown(wait=False, cancel_futures=True)


def start_chunked(
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    min_items_per_worker: int,
    workers: int,
) -> Pending[R] | Deferred[R]:
    """`work` over consecutive chunks of `items` in worker processes, started now for
    the caller to do other work before `get`; with one worker, `work` runs at `get`."""
    count = worker_count(len(items), min_items_per_worker, workers)
    if count == 1:
        return Deferred(lambda: work(items))
    size = -(-len(items) // (count * CHUNKS_PER_WORKER))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    return run_chunks_async(work, chunks, count)


def map_chunked(
    work: Callable[[Sequence[T]], list[R]],
    items: Sequence[T],
    min_items_per_worker: int,
    workers: int,
) -> list[R]:
    """`work` applied to consecutive chunks of `items`, results concatenated in order."""
    return start_chunked(work, items, min_items_per_worker, workers).get()


def run_chunks_async(
    work: Callable[[Sequence[T]], list[R]], chunks: Sequence[Sequence[T]], workers: int
) -> Pending[R]:
    """Start `work` on each of `chunks` in `workers` forked processes."""
    context = multiprocessing.get_context("fork")
    stop = context.RawValue("b", 0)  # shared memory, no lock: setting it never waits
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_take_job,
        initargs=((work, chunks), stop),
    )
    try:
        futures = [executor.submit(_run_chunk, number) for number in range(len(chunks))]
    except BaseException:
        stop.value = 1
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    return Pending(executor, futures, stop)


class Background(Generic[R]):
    """`work`'s result, computed meanwhile in a worker process when there is a second
    worker to spare (else `get` runs `work` itself)."""

    def __init__(self, work: Callable[[], R], workers: int) -> None:
        self._work = work
        self._pending: Pending[R] | None = None
        if worker_count(2, 1, workers) > 1:
            self._pending = run_chunks_async(lambda _: [work()], [[None]], 1)

    def get(self) -> R:
        """Wait for the result."""
        if self._pending is None:
            return self._work()
        pending, self._pending = self._pending, None
        return pending.get()[0]

    def cancel(self) -> None:
        """Stop the worker (the caller failed and will not ask for the result)."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None


def balanced_chunks(items: Sequence[T], weights: Sequence[float], count: int) -> list[list[T]]:
    """Split `items` into `count` chunks of about equal total weight (heaviest first)."""
    chunks: list[list[T]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for index in sorted(range(len(items)), key=lambda i: (-weights[i], i)):
        lightest = min(range(count), key=lambda c: (loads[c], c))
        chunks[lightest].append(items[index])
        loads[lightest] += weights[index]
    return [chunk for chunk in chunks if chunk]


def _take_job(job: tuple[Callable[[Any], Any], Sequence[Sequence[Any]]], stop: Any) -> None:
    """In a new worker: keep the job it was forked with, and end with its run.

    A killed run (`kill -9`) cannot stop its workers, which would wait for work forever:
    each one checks that its parent is alive and ends quietly when it is gone, or when
    the run raised its stop flag. Its errors reach the parent with the results, so what
    it would print itself is only that end: it goes nowhere, not into the user's
    terminal as a traceback.
    """
    global _job
    _job = job
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool's way to stop it (console.py)
    # Ctrl+C reaches every process of the terminal's group: the run stops its workers
    # itself (the stop flag), while one interrupted mid-send left half a result in the
    # pool's pipe, which the pool then waited on forever (a review: 24 hangs in 40).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the worker)
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent, stop), daemon=True).start()


def _watch(parent: int, stop: Any) -> None:
    """In a worker: end the process as soon as its parent is gone, or its run stopped
    while the worker is inside its job (a result half sent would freeze the pool)."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
        if stop.value:
            with _in_work_lock:
                if _in_work:
                    os._exit(0)
    os._exit(0)


def _run_chunk(number: int) -> list[Any]:
    """In a worker: run the job on one chunk."""
    assert _job is not None, "worker started without a job"
    work, chunks = _job
    global _in_work
    with _in_work_lock:
        _in_work = True
    try:
        return list(work(chunks[number]))
    finally:
        with _in_work_lock:
            _in_work = False
