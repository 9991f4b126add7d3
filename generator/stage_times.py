"""Seconds spent in each stage of a run: the CLI's timings, the benchmarks' columns."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TypeVar

T = TypeVar("T")


@dataclass
class StageTimes:
    """Seconds spent in each stage, in order; `show` wraps each stage (a progress line)."""

    seconds: dict[str, float] = field(default_factory=dict)
    show: Callable[[str], AbstractContextManager[object]] = lambda _name: nullcontext()

    def run(self, name: str, work: Callable[[], T]) -> T:
        """Run `work`, recording how long it took under `name`."""
        start = time.perf_counter()
        with self.show(name):
            result = work()
        self.seconds[name] = time.perf_counter() - start
        return result
