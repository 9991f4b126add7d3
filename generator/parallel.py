"""Spread independent work over the machine's cores, in forked worker processes.

Workers are forked, so they start with everything the parent holds (corpus, analysis,
templates) and only their results travel back. Results come back in input order, so
output does not depend on the number of workers. `PAPERSITE_WORKERS` sets the number
of workers (1: no worker processes at all); the default is one per core.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

WORKERS_ENV = "PAPERSITE_WORKERS"
CHUNKS_PER_WORKER = 4  # smaller pieces even out uneven work

# The job of the current pool, inherited by the forked workers (functions and closures
# cannot be pickled, so they are never sent: workers receive only chunk numbers).
_job: tuple[Callable[[Any], Any], Sequence[Sequence[Any]]] | None = None


def worker_count(items: int, min_items_per_worker: int) -> int:
    """Workers worth starting for `items` items: one per core, none below the minimum."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    cores = int(configured) if configured.isdigit() and int(configured) > 0 else os.cpu_count()
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(cores or 1, items // max(1, min_items_per_worker)))


def map_chunked(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], min_items_per_worker: int
) -> list[R]:
    """`work` applied to consecutive chunks of `items`, results concatenated in order."""
    return start_chunked(work, items, min_items_per_worker).get()


def start_chunked(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], min_items_per_worker: int
) -> Pending[R] | Deferred[R]:
    """`map_chunked` started in worker processes, for the caller to do other work before
    `get`; with one worker, `work` runs at `get`."""
    workers = worker_count(len(items), min_items_per_worker)
    if workers == 1:
        return Deferred(lambda: work(items))
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    return run_chunks_async(work, chunks, workers)


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

    def __init__(self, pool: Any, result: Any) -> None:
        self._pool = pool
        self._result = result

    def get(self) -> list[R]:
        """Wait for every chunk; the results in input order. Shuts the workers down."""
        try:
            parts = self._result.get()
        finally:
            self._pool.terminate()
            self._pool.join()
        return [result for part in parts for result in part]

    def cancel(self) -> None:
        """Stop the workers without waiting for their results."""
        self._pool.terminate()
        self._pool.join()


def run_chunks_async(
    work: Callable[[Sequence[T]], list[R]], chunks: Sequence[Sequence[T]], workers: int
) -> Pending[R]:
    """Start `work` on each of `chunks` in `workers` forked processes."""
    global _job
    _job = (work, chunks)
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)  # workers inherit _job
    finally:
        _job = None
    return Pending(pool, pool.map_async(_run_chunk, range(len(chunks)), chunksize=1))


class Background(Generic[R]):
    """`work`'s result, computed meanwhile in a forked process if there is a core to
    spare (with one core, or no fork, `get` runs `work` itself)."""

    def __init__(self, work: Callable[[], R]) -> None:
        self._work = work
        self._pending: Pending[R] | None = None
        if worker_count(2, 1) > 1:
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


def _run_chunk(number: int) -> list[Any]:
    """In a worker: run the inherited job on one chunk."""
    assert _job is not None, "worker started without a job"
    work, chunks = _job
    return list(work(chunks[number]))
