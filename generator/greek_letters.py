"""The names of Greek letters as TeX writes them (`theta`, `Sigma`): listings that lost
their backslashes write them as words. Ingest keeps `theta~N(0,1)` ("distributed as")
by them; the renderer finds math by them."""

from __future__ import annotations

GREEK_LETTERS: tuple[str, ...] = tuple(
    (
        "alpha beta gamma delta epsilon varepsilon theta Theta lambda Lambda mu sigma Sigma "
        "tau rho phi Phi varphi psi Psi pi omega Omega eta kappa nu xi zeta chi"
    ).split()
)
# Letters that are also words or names ("Delta Lake", "Gamma rays", "not one iota"):
# math reads them as letters where they are shaped like math (`Delta(x)`, `Gamma_t`), and
# ingest keeps no tie after them ("Xi~et~al." is a name). Pi and Xi are left out: as
# "Raspberry Pi(4B)" and "Xi(2021)" they are prose more often than math.
MORE_GREEK_LETTERS: tuple[str, ...] = tuple("Gamma Delta Upsilon upsilon iota".split())
