"""Loading the citation grammar (grammar/citation.lark), wherever refgraph is installed."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

GRAMMAR_NAME = "citation.lark"


@functools.cache
def grammar_text() -> str:
    # Installed wheel: the build copies the grammar into the package. Source checkout or editable
    # install: it sits at the top of the repository.
    packaged = resources.files(__package__).joinpath("grammar").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    repo = Path(__file__).resolve().parents[2] / "grammar" / GRAMMAR_NAME
    if repo.is_file():
        return repo.read_text(encoding="utf-8")
    raise FileNotFoundError(f"citation grammar {GRAMMAR_NAME} not found (looked in the package and {repo})")
