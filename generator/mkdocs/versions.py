"""The version gate: speed-ups that lean on other packages' internals run only on the
versions they were tested with (so does serve's hold on a failed rebuild: plugin.py).

Each speed-up names the packages whose private code or undocumented files it uses. On
an installed version outside the tested range (pyproject.toml pins the same ranges),
the speed-up is off and the build is plain MkDocs and plain Pagefind, with a one-line
notice; tests check that such a build gives the same site.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

# The ranges the speed-ups were tested with (keep in step with pyproject.toml).
TESTED = {
    "mkdocs": SpecifierSet(">=1.6.1,<1.7"),
    "mkdocs-material": SpecifierSet(">=9.8.2,<9.9"),
    "markdown": SpecifierSet(">=3.11,<3.12"),  # Python-Markdown
    "pagefind-bin": SpecifierSet(">=1.5,<1.6"),
}

# What each speed-up leans on.
SPEEDUPS = {
    # MkDocs' Page internals and Python-Markdown's output format
    "fast_markdown": ("mkdocs", "markdown"),
    # MkDocs' private page-building steps, run in worker processes
    "parallel_pages": ("mkdocs", "mkdocs-material"),
    # Material's partials, rendered once per folder
    "shared_partials": ("mkdocs-material",),
    # Pagefind's undocumented bundle files: stable order, reuse of the last index
    "stable_search_index": ("pagefind-bin",),
    # Material's stylesheets and how its scripts name classes (trim_styles.py)
    "trim_styles": ("mkdocs-material",),
}


@dataclass(frozen=True)
class Gate:
    """Which speed-ups may run, and why the others may not."""

    untested: dict[str, str]  # package -> installed version, for those outside TESTED

    def allows(self, speedup: str) -> bool:
        """Whether every package the speed-up leans on is at a tested version."""
        return not any(package in self.untested for package in SPEEDUPS[speedup])

    def tested(self, package: str) -> bool:
        """Whether the installed `package` is at a tested version."""
        return package not in self.untested

    def notice(self, wanted: list[str]) -> str | None:
        """One line naming the speed-ups turned off and the versions that did it."""
        off = [name for name in wanted if not self.allows(name)]
        if not off:
            return None
        packages = sorted({p for name in off for p in SPEEDUPS[name] if p in self.untested})
        found = ", ".join(f"{p} {self.untested[p]} (tested: {TESTED[p]})" for p in packages)
        return f"speed-ups {', '.join(off)} are off for untested versions: {found}"


def check_versions() -> Gate:
    """The gate for the packages installed here."""
    untested = {}
    for package, tested in TESTED.items():
        installed = _installed(package)
        if installed is None or installed not in tested:
            untested[package] = str(installed) if installed is not None else "missing"
    return Gate(untested)


def _installed(package: str) -> Version | None:
    try:
        return Version(version(package))
    except (PackageNotFoundError, InvalidVersion):
        return None
