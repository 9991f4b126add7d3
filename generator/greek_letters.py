"""The names of Greek letters as TeX writes them (`theta`, `Sigma`): listings that lost
their backslashes write them as words. Ingest keeps `theta~N(0,1)` ("distributed as")
by them; the renderer finds math by them."""

from __future__ import annotations

GREEK_LETTERS: tuple[str, ...] = tuple(
    (
        "alpha beta gamma delta epsilon varepsilon theta Theta lambda Lambda mu sigma Sigma "
        "tau rho phi Phi varphi psi Psi pi omega Omega eta kappa nu xi zeta chi "
        "Gamma Delta Xi Pi Upsilon upsilon iota"
    ).split()
)
