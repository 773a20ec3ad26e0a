"""Loading the citation grammar (grammar/citation.lark), wherever refgraph is installed."""

from __future__ import annotations

import functools

from .assets import grammar_file


@functools.cache
def grammar_text() -> str:
    return grammar_file().read_text(encoding="utf-8")
