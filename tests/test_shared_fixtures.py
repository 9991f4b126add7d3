"""The test harness's sharing between xdist workers (sitebuild.once_per_run): computed
once, every later caller gets the same result, and a failure reaches later callers as
the failure it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import once_per_run


def test_computed_once_and_taken_by_every_later_caller(tmp_path: Path) -> None:
    calls: list[Path] = []

    def compute(folder: Path) -> dict[str, int]:
        calls.append(folder)
        (folder / "made.txt").write_text("x", encoding="utf-8")
        return {"answer": 42}

    assert once_per_run(tmp_path, "thing", compute) == {"answer": 42}
    assert once_per_run(tmp_path, "thing", compute) == {"answer": 42}
    assert calls == [tmp_path / "thing"] and (tmp_path / "thing" / "made.txt").is_file()
    assert not list(tmp_path.glob("*.partial"))


def test_a_failure_reaches_later_callers_as_itself(tmp_path: Path) -> None:
    def broken(folder: Path) -> int:
        raise RuntimeError("the build broke")

    with pytest.raises(RuntimeError, match="the build broke"):
        once_per_run(tmp_path, "thing", broken)
    with pytest.raises(pytest.fail.Exception, match="the build broke"):
        once_per_run(tmp_path, "thing", broken)
