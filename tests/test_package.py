"""The package as it installs: every folder of Python modules is a package."""

from __future__ import annotations

from paths import REPO

PACKAGE = REPO / "generator"
DATA = ("theme", "templates", "files")  # package data, not code


def test_every_folder_of_modules_has_an_init_file() -> None:
    """Without `__init__.py` a folder imports from a checkout (a namespace package) but is
    left out of the wheel: `pip install .` would then lack it."""
    missing = sorted(
        str(folder.relative_to(REPO))
        for folder in [PACKAGE, *PACKAGE.rglob("*")]
        if folder.is_dir()
        and any(folder.glob("*.py"))
        and not (folder / "__init__.py").is_file()
        and not set(folder.relative_to(PACKAGE).parts) & set(DATA)
    )
    assert missing == []
