"""The graph: neighbourhoods read from the store, and NetworkX views of them.

A question about one document needs only its neighbourhood: a breadth-first walk over the store's
indexed edge table reads exactly that (one query per layer), never the whole graph. ``to_networkx``
turns any such neighbourhood, or the whole store (``open_graph``), into a ``networkx.MultiDiGraph`` for
exports and for notebook users. NetworkX is imported only there: importing it costs about twice the
start-up of the CLI itself, which query commands do not pay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Document, Edge
from .store import Store, open_store

UP = "up"  # towards what a document builds on (its outgoing citations)
DOWN = "down"  # towards what builds on it (incoming citations)
LISTED, COUNTED = "listed", "counted"  # what a walk keeps of the citations it reads (walk's ``links``)


# One citation a walk read: (source, target, relation, file, line, rowid), the first of its (source,
# target, relation). Plain tuples, not Edges: a lineage on a large graph reads ten thousand of them and
# keeps a few hundred as tree edges (read whole, snippet included, as Edges).
Link = tuple[str, str, str, "str | None", "int | None", int]


@dataclass
class Neighbourhood:
    root: list[str]
    direction: str
    depth: dict[str, int] = field(default_factory=dict)  # node -> layers from the root
    parent: dict[str, tuple[str, Edge]] = field(default_factory=dict)  # tree edge that first reached it
    links: list[Link] = field(default_factory=list)  # every (source, target, relation) walked, in order
    # walked with links=COUNTED: node -> how many (other end, relation) its links have, instead of links
    link_counts: dict[str, int] | None = None
    truncated: bool = False  # stopped by the depth limit with more beyond

    @property
    def nodes(self) -> list[str]:
        return list(self.depth)


def walk(
    store: Store,
    start: Iterable[str],
    direction: str = UP,
    depth: int | None = None,
    relations: Iterable[str] | None = None,
    until: str | None = None,
    links: str | None = LISTED,
) -> Neighbourhood:
    """Breadth-first from ``start`` along citations (UP: what it cites; DOWN: who cites it); stops at
    the first layer that reaches ``until`` when given (a shortest path needs no more). ``links``: LISTED
    (nb.links), COUNTED per node (nb.link_counts) or None (the tree alone): the same tree either way,
    without reading every citation between documents already found unless they are listed."""
    rels = set(relations) if relations else None
    start = list(dict.fromkeys(start))
    nb = Neighbourhood(root=start, direction=direction, depth={s: 0 for s in start})
    if links == COUNTED:
        nb.link_counts = {}
    column = "source" if direction == UP else "target"
    here_at, there_at = (0, 1) if direction == UP else (1, 0)
    seen = nb.depth
    tree: dict[str, tuple[str, int]] = {}  # node -> (parent, rowid of the citation that reached it)
    frontier = start
    level = 0
    while frontier:
        if depth is not None and level >= depth:
            nb.truncated = store.any_edge(column, frontier, rels)
            break
        level += 1
        if links == LISTED:
            found = store.first_citations(column, frontier, rels)
            nb.links.extend(found)
            reached = [(row[there_at], row[here_at], row[5]) for row in found]
        else:
            # the first citation reaching a document is the first of its (source, target, relation): the
            # same tree edges, in the same order, as the listed links give
            reached = store.first_reaches(column, frontier, rels)
            if nb.link_counts is not None:
                nb.link_counts.update(store.link_counts(column, frontier, rels))
        nxt = []
        for there, here, rowid in reached:
            if there not in seen:
                seen[there] = level
                tree[there] = (here, rowid)
                nxt.append(there)
        frontier = nxt
        if until is not None and until in seen:
            break
    edges = store.edges_by_rowid(rowid for _, rowid in tree.values())
    nb.parent = {node: (parent, edges[rowid]) for node, (parent, rowid) in tree.items()}
    return nb


def to_networkx(documents: dict[str, Document], edges: Iterable[Edge]):
    """A MultiDiGraph: one node per document (its fields as attributes), one edge per (source, target,
    relation) with the number of mentions behind it and their provenance."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for d in sorted(documents.values(), key=lambda d: d.id):
        g.add_node(d.id, **node_attributes(d))
    grouped: dict[tuple[str, str, str], list[Edge]] = {}
    for e in edges:
        grouped.setdefault((e.source, e.target, e.relation), []).append(e)
    for (s, t, rel), es in sorted(grouped.items()):
        for n in (s, t):
            if n not in g:
                g.add_node(n, key=n, label=n)
        g.add_edge(
            s,
            t,
            key=rel,
            relation=rel,
            mentions=len(es),
            provenance="; ".join(f"{e.file}:{e.line}" for e in es),
        )
    return g


def node_attributes(d: Document) -> dict:
    """Flat attributes (strings, ints, booleans) so every export format can carry them."""
    return {
        "label": d.key or d.id,
        "key": d.key or "",
        "doc_type": d.doc_type or "",
        "date": d.date.isoformat() if d.date else "",
        "issuer": d.issuer or "",
        "issuer_code": d.issuer_code or "",
        "term": d.term or "",
        "title": d.title or "",
        "province": d.province or "",
        "family": d.family or "",
        "level": level_of(d),
        "in_corpus": d.in_corpus,
        "path": d.path or "",
        "dates_seen": ";".join(d.dates_seen),
        "flags": ";".join(d.flags),
    }


def level_of(d: Document) -> str:
    """central-party | central-state | local | corpus (a file known by its stem only)."""
    from . import vocab

    if d.key is None:
        if "named" in d.flags:
            return "named"  # known by name only: no number says whose it is
        return "local" if d.province else "corpus"
    if vocab.is_local(d.issuer_code):
        return "local"
    return "central-party" if d.family == "party" else "central-state"


def open_graph(db=None):
    """The whole store as a NetworkX MultiDiGraph (for notebooks and exports)."""
    with open_store(db) as store:
        docs = {d.id: d for d in store.all_documents()}
        return to_networkx(docs, store.all_edges())
