"""Files refgraph ships: the citation grammar, the catalog and the sample corpus.

One source of truth: they live at the top of the repository (``grammar/citation.lark``, ``data/``),
where a reader of the project looks for them. The wheel copies them into the package
(``refgraph/grammar/``, ``refgraph/data/``; see ``[tool.hatch.build.targets.wheel.force-include]`` in
pyproject.toml), so an installed refgraph reads them with :mod:`importlib.resources` and a source
checkout or editable install reads the originals. Nothing is duplicated in git.
"""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from .errors import InternalError

_REPO = Path(__file__).resolve().parents[2]
_EXTRACTED = contextlib.ExitStack()  # keeps a zip-imported package's extracted copies alive


def find(*parts: str) -> Path | None:
    """The shipped file or folder ``parts`` (e.g. ``("data", "catalog.tsv")``) as a real path, or None.

    The package copy wins (a wheel install); otherwise the checkout's top-level copy."""
    packaged = resources.files(__package__).joinpath(*parts)
    if packaged.is_file() or packaged.is_dir():
        return Path(_EXTRACTED.enter_context(resources.as_file(packaged)))
    repo = _REPO.joinpath(*parts)
    if repo.exists():
        return repo
    return None


def require(*parts: str) -> Path:
    """As :func:`find`, but a missing file is a broken installation."""
    p = find(*parts)
    if p is None:
        raise InternalError(f"{'/'.join(parts)} is missing from this refgraph installation")
    return p


def grammar_file() -> Path:
    return require("grammar", "citation.lark")


def catalog_file() -> Path | None:
    return find("data", "catalog.tsv")


def mined_catalog_file() -> Path | None:
    return find("data", "catalog_mined.tsv")


def sample_corpus() -> Path:
    return require("data", "corpus")
