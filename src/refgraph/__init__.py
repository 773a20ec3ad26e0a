"""refgraph: a citation graph of Vietnamese Party and State documents.

Library API (the CLI is a thin layer over these):

    from refgraph import extract, build, Graph, open_graph, check
    mentions = extract(text, source="chi-thi-38.txt")   # list[Mention]
    build(["corpus/"], db="g.db")                        # BuildReport
    with Graph("g.db") as g: g.lineage("46-CT/TW", "down")
    G = open_graph("g.db")                               # networkx.MultiDiGraph
    findings = check(["corpus/"])                        # list[Diagnostic]
"""

from __future__ import annotations

from .extract import extract
from .models import Diagnostic, Document, Edge, Mention

__all__ = ["extract", "build", "Graph", "open_graph", "check", "Mention", "Document", "Edge", "Diagnostic"]
__version__ = "0.1.0"

# imported on first use: `refgraph --help` must not pay for the store, NetworkX or the checker
_LAZY = {
    "build": ("builder", "build"),
    "Graph": ("queries", "Graph"),
    "open_graph": ("graph", "open_graph"),
    "check": ("checks", "check"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'refgraph' has no attribute {name!r}")
