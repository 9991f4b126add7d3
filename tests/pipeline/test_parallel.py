"""Work spread over forked worker processes gives the same results as one process."""

from __future__ import annotations

import os

import pytest

from generator.parallel import (
    WORKERS_ENV,
    balanced_chunks,
    map_chunked,
    start_chunked,
    worker_count,
)


def _squares_with_pid(chunk: list[int]) -> list[tuple[int, int]]:
    return [(n * n, os.getpid()) for n in chunk]


def test_workers_return_results_in_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "2")
    items = list(range(1000))
    results = map_chunked(_squares_with_pid, items, min_items_per_worker=100)
    assert [square for square, _ in results] == [n * n for n in items]
    assert os.getpid() not in {pid for _, pid in results}  # really done by workers


def test_closures_run_in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "2")
    offset = 7  # a closure cannot be pickled: workers inherit it by forking

    def shifted(chunk: list[int]) -> list[int]:
        return [n + offset for n in chunk]

    assert map_chunked(shifted, list(range(300)), 10) == [n + 7 for n in range(300)]


def test_small_inputs_and_one_worker_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "4")
    assert worker_count(10, 100) == 1
    assert {pid for _, pid in map_chunked(_squares_with_pid, [1, 2], 100)} == {os.getpid()}
    monkeypatch.setenv(WORKERS_ENV, "1")
    assert worker_count(10_000, 1) == 1
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert worker_count(10_000, 1) == 3


def test_balanced_chunks_even_out_weights() -> None:
    items = ["a", "b", "c", "d", "e"]
    chunks = balanced_chunks(items, [10, 1, 1, 1, 7], 2)
    assert sorted(x for chunk in chunks for x in chunk) == items
    loads = sorted(sum({"a": 10, "b": 1, "c": 1, "d": 1, "e": 7}[x] for x in c) for c in chunks)
    assert loads == [10, 10]
    assert balanced_chunks(["x"], [1], 3) == [["x"]]  # no empty chunks


def test_started_work_runs_while_the_caller_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "2")
    pending = start_chunked(_squares_with_pid, list(range(400)), 100)
    meanwhile = sum(range(1000))  # the caller's own work
    results = pending.get()
    assert meanwhile == 499500
    assert [square for square, _ in results] == [n * n for n in range(400)]
    assert os.getpid() not in {pid for _, pid in results}


def test_started_work_in_one_process_runs_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_ENV, "1")
    calls: list[int] = []

    def record(chunk: list[int]) -> list[int]:
        calls.extend(chunk)
        return chunk

    pending = start_chunked(record, [1, 2, 3], 1)
    assert calls == []  # nothing ran yet
    assert pending.get() == [1, 2, 3] and calls == [1, 2, 3]
    start_chunked(record, [4], 1).cancel()  # cancelled before `get`: never runs
    assert calls == [1, 2, 3]
