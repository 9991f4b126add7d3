"""Work spread over forked worker processes gives the same results as one process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.workers import Background, balanced_chunks, map_chunked, start_chunked, worker_count


def _squares_with_pid(chunk: list[int]) -> list[tuple[int, int]]:
    return [(n * n, os.getpid()) for n in chunk]


def test_workers_return_results_in_input_order() -> None:
    items = list(range(1000))
    results = map_chunked(_squares_with_pid, items, min_items_per_worker=100, workers=2)
    assert [square for square, _ in results] == [n * n for n in items]
    assert os.getpid() not in {pid for _, pid in results}  # really done by workers


def test_closures_run_in_workers() -> None:
    offset = 7  # a closure cannot be pickled: workers are handed it by forking

    def shifted(chunk: list[int]) -> list[int]:
        return [n + offset for n in chunk]

    assert map_chunked(shifted, list(range(300)), 10, workers=2) == [n + 7 for n in range(300)]


def test_small_inputs_and_one_worker_stay_in_process() -> None:
    assert worker_count(10, 100, workers=4) == 1
    assert {pid for _, pid in map_chunked(_squares_with_pid, [1, 2], 100, 4)} == {os.getpid()}
    assert worker_count(10_000, 1, workers=1) == 1
    assert worker_count(10_000, 1, workers=3) == 3
    assert worker_count(5, 1, workers=8) == 5  # never more workers than items


def test_balanced_chunks_even_out_weights() -> None:
    items = ["a", "b", "c", "d", "e"]
    chunks = balanced_chunks(items, [10, 1, 1, 1, 7], 2)
    assert sorted(x for chunk in chunks for x in chunk) == items
    loads = sorted(sum({"a": 10, "b": 1, "c": 1, "d": 1, "e": 7}[x] for x in c) for c in chunks)
    assert loads == [10, 10]
    assert balanced_chunks(["x"], [1], 3) == [["x"]]  # no empty chunks


def test_started_work_runs_while_the_caller_works() -> None:
    pending = start_chunked(_squares_with_pid, list(range(400)), 100, workers=2)
    meanwhile = sum(range(1000))  # the caller's own work
    results = pending.get()
    assert meanwhile == 499500
    assert [square for square, _ in results] == [n * n for n in range(400)]
    assert os.getpid() not in {pid for _, pid in results}


def test_started_work_in_one_process_runs_when_asked() -> None:
    calls: list[int] = []

    def record(chunk: list[int]) -> list[int]:
        calls.extend(chunk)
        return chunk

    pending = start_chunked(record, [1, 2, 3], 1, workers=1)
    assert calls == []  # nothing ran yet
    assert pending.get() == [1, 2, 3] and calls == [1, 2, 3]
    start_chunked(record, [4], 1, workers=1).cancel()  # cancelled before `get`: never runs
    assert calls == [1, 2, 3]


def test_background_work_runs_in_another_process_only_with_a_second_worker() -> None:
    assert Background(os.getpid, workers=2).get() != os.getpid()
    assert Background(os.getpid, workers=1).get() == os.getpid()


def test_a_failing_chunk_fails_the_caller_with_its_error() -> None:
    def fail_on_five(chunk: list[int]) -> list[int]:
        if 5 in chunk:
            raise ValueError("five")
        return chunk

    try:
        map_chunked(fail_on_five, list(range(20)), 1, workers=2)
    except ValueError as error:
        assert str(error) == "five"
    else:
        raise AssertionError("the worker's error was lost")


SLOW_JOB = """
import sys, time
from generator.workers import map_chunked

def slow(chunk):
    time.sleep(0.3)
    return chunk

print("started", flush=True)
map_chunked(slow, list(range(40)), 1, workers=2)
"""


def test_workers_of_a_killed_run_print_no_traceback(tmp_path: Path) -> None:
    """`kill -9` of a run: its workers end quietly, nothing but silence on the terminal."""
    run = subprocess.Popen(
        [sys.executable, "-c", SLOW_JOB], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert run.stdout is not None and run.stdout.readline() == b"started\n"
    time.sleep(1.0)  # the workers are at their chunks
    run.send_signal(signal.SIGKILL)
    run.wait()
    _, stderr = run.communicate(timeout=30)  # the workers have let go of the pipe
    assert b"Traceback" not in stderr and b"Error" not in stderr, stderr.decode()


def _term_disposition(chunk: list[int]) -> list[bool]:
    return [signal.getsignal(signal.SIGTERM) == signal.SIG_DFL for _ in chunk]


def test_workers_end_on_sigterm_whatever_the_command_does_with_it() -> None:
    """The command turns SIGTERM into an interrupt (console.py); a worker, which the pool
    stops with SIGTERM, must end on it as before."""
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        assert map_chunked(_term_disposition, [1, 2, 3, 4], 1, workers=2) == [True] * 4
    finally:
        signal.signal(signal.SIGTERM, previous)


STOPPING = """
import os, signal, sys, threading, time
from generator.workers import run_chunks_async, start_chunked

def interrupt(*_):
    raise KeyboardInterrupt

def interrupt_after(seconds):
    signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)

def work(chunk):
    kind = chunk[0]
    if kind == "kill":
        time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "big":
        time.sleep(0.5)
        return [b"x" * 100_000_000]  # sent for a while when the interrupt comes
    if kind == "fail":
        raise ValueError("failed")
    if isinstance(kind, float):
        time.sleep(kind)
        return [b"x" * 50_000_000]
    time.sleep(60 if kind == "slow" else 0)
    return chunk

started = time.monotonic()
scenario = sys.argv[1]
if scenario == "cancel after get":
    pending = start_chunked(work, ["quick"] * 400, 100, workers=2)
    pending.get()
    pending.cancel()
else:
    chunks = {"interrupt": [["slow"], ["slow"]], "killed worker": [["kill"], ["slow"]],
              "interrupt while sending": [["big"], ["slow"]],
              "failed chunk after a slow one": [["slow"], ["fail"], ["slow"]],
              "ctrl+c": [[0.2], [0.2], [0.3], [0.3], [0.4], [0.4]]}[scenario]
    pending = run_chunks_async(work, chunks, len(chunks) if "failed" in scenario else 2)
    if scenario.startswith("interrupt"):
        interrupt_after(0.6)
    if scenario == "ctrl+c":  # a terminal's Ctrl+C: SIGINT to the whole process group
        threading.Timer(float(sys.argv[2]), os.killpg, (0, signal.SIGINT)).start()
    try:
        pending.get()
    except BaseException as error:
        print(type(error).__name__)
print(round(time.monotonic() - started, 1))
"""


def _stopping(*arguments: str) -> tuple[list[str], float, str]:
    """Run STOPPING in a process group of its own (a Ctrl+C stays in it): what it
    raised, if anything, how long it took (a hang fails at the timeout), and its output."""
    run = subprocess.run(
        [sys.executable, "-c", STOPPING, *arguments],
        capture_output=True,
        text=True,
        timeout=30,
        start_new_session=True,
    )
    *error, seconds = run.stdout.split()
    return error, float(seconds), run.stdout + run.stderr


@pytest.mark.parametrize(
    ("scenario", "raised"),
    [
        ("interrupt", "KeyboardInterrupt"),
        ("interrupt while sending", "KeyboardInterrupt"),
        ("killed worker", "BrokenProcessPool"),
        ("cancel after get", None),
        ("failed chunk after a slow one", "ValueError"),
    ],
)
def test_stopping_a_run_ends_its_workers_at_once(scenario: str, raised: str | None) -> None:
    """SIGTERM or Ctrl+C in the wait for results (console.py turns both into an
    interrupt) used to let every worker finish its chunk (a sharded build's is a whole
    share of the pages) before the clean-up; ending them must never hang either: not
    when a worker is sending a large result, has been killed, or has already ended."""
    error, seconds, output = _stopping(scenario)
    assert error == ([raised] if raised else []), output
    assert seconds < 10, output  # not the 60 s of the slow chunks


def test_ctrl_c_to_the_whole_group_never_hangs_the_run() -> None:
    """A terminal's Ctrl+C reaches the workers too: one interrupted while sending its
    result left half of it in the pool's pipe, and the run waited for the rest forever
    (a review: 24 runs in 40). Workers leave Ctrl+C to the run, which stops them."""
    for delay in (0.25, 0.45, 0.65, 0.85):
        error, seconds, output = _stopping("ctrl+c", str(delay))
        assert error in ([], ["KeyboardInterrupt"]), output
        assert seconds < 10, output


def _int_disposition(chunk: list[int]) -> list[bool]:
    return [signal.getsignal(signal.SIGINT) == signal.SIG_IGN for _ in chunk]


def test_workers_leave_ctrl_c_to_the_run() -> None:
    assert map_chunked(_int_disposition, [1, 2, 3, 4], 1, workers=2) == [True] * 4
