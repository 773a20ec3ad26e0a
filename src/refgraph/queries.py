"""Questions about the graph. Each returns plain, JSON-ready data; the CLI only renders it.

from refgraph.queries import Graph
g = Graph("refgraph.db")
g.lineage("46-CT/TW", direction="down")
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from typing import Any

from .errors import QueryError, UsageError
from .graph import COUNTED, DOWN, UP, Neighbourhood, walk
from .models import RELATIONS, Document, Edge
from .store import Store, open_store
from .text import fold


def _one_snapshot(method):
    """Run a query in one read transaction: all its reads see the same build."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self.store.reading():
            return method(self, *args, **kwargs)

    return wrapper


def doc_dict(d: Document | None, doc_id: str | None = None, cited: int | None = None) -> dict:
    if d is None:
        return {"id": doc_id, "key": None}
    out: dict[str, Any] = {
        "id": d.id,
        "key": d.key,
        "type": d.doc_type,
        "date": d.date.isoformat() if d.date else None,
        "issuer": d.issuer,
        "issuer_code": d.issuer_code,
        "term": d.term,
        "title": d.title,
        "province": d.province,
        "family": d.family,
        "in_corpus": d.in_corpus,
        "path": d.path,
        "dates_seen": list(d.dates_seen),
        "flags": list(d.flags),
    }
    if cited is not None:
        out["cited"] = cited
    return out


def _identity_sources(ident: dict | None) -> dict | None:
    """Where the file's own text gave each identity field: {field: {value, rule, line, text}}, notes."""
    if not ident:
        return None
    fields = {
        s["field"]: {"value": ident.get(s["field"]), "rule": s["rule"], "line": s["line"], "text": s["text"]}
        for s in ident.get("sources") or ()
    }
    return {"kind": ident.get("kind"), "fields": fields, "notes": list(ident.get("notes") or ())}


class Graph:
    """Read-only queries over a built store."""

    def __init__(self, db: str | os.PathLike | Store | None = None) -> None:
        # an open Store is used as it is (the export and html commands already hold one)
        self.store: Store = db if isinstance(db, Store) else open_store(db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- finding a document from what a user types
    @_one_snapshot
    def find(self, text: str) -> str:
        """The document id for a loosely typed key: "46-CT/TW", "46/CT-TW", "Chỉ thị 46-CT/TW", an id
        such as "12-NQ/TW@2022" or a file stem. Raises QueryError with suggestions or candidates."""
        text = " ".join(text.split())
        if not text:
            raise QueryError("empty document key")
        if self.store.document(text):
            return text
        by_file = self.store.doc_for_file(text)
        if by_file:
            return by_file
        # a key typed canonically needs no parser (and no Lark import: start-up matters here)
        key = text if self.store.ids_for_key(text) else _parse_key(text)
        if key:
            ids = self.store.ids_for_key(key) or self._ids_for_number(key)
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                docs = self.store.documents(ids)
                cands = [doc_dict(docs[i]) for i in ids]
                raise QueryError(
                    f"'{text}' is ambiguous: {len(ids)} documents have the key {key}; name one by its id",
                    cands,
                    ambiguous=True,
                )
        ids = self._by_name(text)
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            docs = self.store.documents(ids)
            raise QueryError(
                f"'{text}' is ambiguous: {len(ids)} documents have that name; name one by its id",
                [doc_dict(docs[i]) for i in ids],
            )
        suggestions = self._suggest(text, key)
        hint = f"; did you mean: {', '.join(s['id'] for s in suggestions[:5])}" if suggestions else ""
        raise QueryError(f"unknown document '{text}'{hint}", suggestions)

    def _ids_for_number(self, key: str) -> list[str]:
        """Documents whose key is ``key`` with the number spelt with other leading zeros ("129/KH-UBND" typed,
        "0129/KH-UBND" printed and kept; resolution reads them as one number)."""
        if not key[:1].isdigit():
            return []
        plain = key.lstrip("0")
        plain = plain if plain[:2].isdigit() else "0" + plain  # at least two digits: "05/2019/…"
        for spelt in [plain] + ["0" * n + plain for n in (1, 2, 3)]:
            if spelt != key and (ids := self.store.ids_for_key(spelt)):
                return ids
        return []

    def _by_name(self, text: str) -> list[str]:
        """Documents a name stands for ("Luật Đất đai"): nodes kept by that name (one per year) and
        documents with that title."""
        from .extract.named import fold_name

        want = fold_name(text)
        if not want:
            return []
        out = []
        for d in self.store.search(want.split(), limit=200):
            bare = d.id.rsplit(" (", 1)[0] if "named" in d.flags else None
            if want in (fold_name(d.title or ""), fold_name(bare or "")):
                out.append(d.id)
        return sorted(out)

    def _suggest(self, text: str, key: str | None) -> list[dict]:
        """Documents the user may have meant: first those whose key is the typed one written in the other
        family's form (47/CT-TW for 47-CT/TW) or with its spacing repaired ("57- NQ/TW"), then those
        sharing its number, ranked by how much of the type and issuer codes they share."""
        exact: list[str] = []
        for variant in key_variants(key or text):
            exact.extend(i for i in self.store.ids_for_key(variant) if i not in exact)
        tokens = _key_tokens(key or text)
        number = next((t for t in tokens if t.isdigit()), None)
        found = self.store.search([number] if number else tokens[:1], limit=80) if tokens else []
        codes = [t for t in tokens if not t.isdigit()]

        def rank(d: Document) -> tuple:
            theirs = _key_tokens(d.key or d.id)
            same_number = bool(number) and bool(theirs) and theirs[0] == number
            shared = sum(2 if i == 0 else 1 for i, c in enumerate(codes) if c in theirs)
            return (-same_number, -shared, d.id)

        docs = self.store.documents(exact)
        out = [docs[i] for i in exact if i in docs]
        out += sorted((d for d in found if d.id not in docs), key=rank)
        return [doc_dict(d) for d in out[:8]]

    # ---- the questions
    @_one_snapshot
    def show(self, text: str, limit: int | None = None) -> dict:
        """The document's card; ``limit`` caps each list (a hub is cited tens of thousands of times) while
        ``counts`` says how long the lists are."""
        doc_id = self.find(text)
        d = self.store.document(doc_id)
        assert d is not None  # find() returned it
        out_edges = self.store.edges_from([doc_id], limit=limit)
        in_edges = self.store.edges_to([doc_id], limit=limit)
        docs = self.store.documents([e.target for e in out_edges] + [e.source for e in in_edges])
        mentions = self.store.mentions_of(doc_id, limit)
        return {
            "document": doc_dict(d, cited=self.store.cited_count(doc_id)),
            "counts": {
                "mentions": self.store.count_where("mentions", "doc_id", doc_id),
                "cites": self.store.count_where("edges", "source", doc_id),
                "cited_by": self.store.count_where("edges", "target", doc_id),
                # the lists above count citations; these, the distinct documents behind them
                "cites_documents": self._distinct("target", "source", doc_id),
                "cited_by_documents": self._distinct("source", "target", doc_id),
            },
            "conflicts": {"dates": list(d.dates_seen)} if len(d.dates_seen) > 1 else {},
            "identity": _identity_sources(self.store.file_identity(d.path)) if d.path else None,
            "mentions": [
                {
                    "file": m.source,
                    "line": m.line,
                    "text": m.text,
                    "date": m.date.isoformat() if m.date else None,
                    "status": status,
                }
                for m, status in mentions
            ],
            "cites": [_edge_with(e, docs.get(e.target), "target") for e in out_edges],
            "cited_by": [_edge_with(e, docs.get(e.source), "source") for e in in_edges],
        }

    @_one_snapshot
    def cites(self, text: str, limit: int | None = None) -> dict:
        doc_id = self.find(text)
        edges = self.store.edges_from([doc_id], limit=limit)
        docs = self.store.documents(e.target for e in edges)
        return {
            "id": doc_id,
            "total": self.store.count_where("edges", "source", doc_id),
            "documents": self._distinct("target", "source", doc_id),
            "cites": [_edge_with(e, docs.get(e.target), "target") for e in edges],
        }

    @_one_snapshot
    def cited_by(self, text: str, limit: int | None = None) -> dict:
        doc_id = self.find(text)
        edges = self.store.edges_to([doc_id], limit=limit)
        docs = self.store.documents(e.source for e in edges)
        return {
            "id": doc_id,
            "total": self.store.count_where("edges", "target", doc_id),
            "documents": self._distinct("source", "target", doc_id),
            "cited_by": [_edge_with(e, docs.get(e.source), "source") for e in edges],
        }

    @_one_snapshot
    def lineage(
        self,
        text: str,
        direction: str | None = UP,
        depth: int | None = None,
        relations: list[str] | None = None,
        brief: int | None = None,
    ) -> dict:
        """What a document builds on, all the way up (``up``), or what builds on it, all the way down
        (``down``): one tree. With ``direction`` None, both: ``{"id", "up": tree, "down": tree}``.

        ``brief`` (what a summarised terminal view needs): a tree that would take more lines than this (a
        line per root, child and cross-reference) gives each node's cross-references to documents already
        in the tree as a number, ``also_count``, instead of the list ``also``; reading every one of them
        is most of the work of a large lineage."""
        if direction is None:
            doc_id = self.find(text)
            return {
                "id": doc_id,
                "up": self.lineage(doc_id, UP, depth, relations, brief),
                "down": self.lineage(doc_id, DOWN, depth, relations, brief),
            }
        if direction not in (UP, DOWN):
            raise QueryError(f"direction must be '{UP}' or '{DOWN}'")
        bad = [r for r in relations or [] if r not in RELATIONS]
        if bad:
            raise QueryError(f"unknown relation(s) {', '.join(bad)}; known: {', '.join(RELATIONS)}")
        doc_id = self.find(text)
        return self._walk_tree(doc_id, direction, depth, relations, brief)

    def _walk_tree(
        self, doc_id: str, direction: str, depth: int | None, relations: list[str] | None, brief: int | None
    ) -> dict:
        if brief is not None:
            nb = walk(self.store, [doc_id], direction, depth, relations, links=COUNTED)
            assert nb.link_counts is not None
            # a line per root, and one per link: a child (a tree edge) or a cross-reference (any other)
            lines = len(nb.root) + sum(nb.link_counts.values())
            if lines > brief:
                return self._tree(nb)
        return self._tree(walk(self.store, [doc_id], direction, depth, relations))

    @_one_snapshot
    def neighbourhood(
        self, text: str | None = None, depth: int | None = None, direction: str | None = None
    ) -> tuple[dict[str, Document], list[Edge]]:
        """(documents by id, edges) around a document: both ways unless ``direction`` is up or down,
        ``depth`` steps at most; with no document, the whole graph. Each edge carries every citation
        behind it (exports and the HTML view show them), not one row per relation as the trees do."""
        if direction not in (None, UP, DOWN):
            raise UsageError(f"direction must be '{UP}', '{DOWN}' or neither (both ways)")
        if text is None:
            if direction or depth:
                raise UsageError("--up, --down and --depth need a document KEY")
            return {d.id: d for d in self.store.all_documents()}, self.store.all_edges()
        root = self.find(text)
        triples: set[tuple[str, str, str]] = set()
        nodes: set[str] = {root}
        for way in [UP, DOWN] if direction is None else [direction]:
            nb = walk(self.store, [root], way, depth)
            nodes.update(nb.nodes)
            triples.update(link[:3] for link in nb.links)
        sources = {s for s, _, _ in triples}
        edges = [e for e in self.store.edges_from(sources) if (e.source, e.target, e.relation) in triples]
        return self.store.documents(nodes), edges

    @_one_snapshot
    def implements(self, text: str, depth: int | None = None, brief: int | None = None) -> dict:
        """What implements this document, transitively, and what it implements (``brief``: as in
        lineage)."""
        doc_id = self.find(text)
        return {
            "id": doc_id,
            "implemented_by": self._walk_tree(doc_id, DOWN, depth, ["implements"], brief),
            "implements": self._walk_tree(doc_id, UP, depth, ["implements"], brief),
        }

    @_one_snapshot
    def path(self, a: str, b: str, max_depth: int = 12) -> dict:
        """The shortest chain of citations from A to B (or from B to A when there is none)."""
        src, dst = self.find(a), self.find(b)
        for s, t, direction in ((src, dst, "forward"), (dst, src, "backward")):
            steps = self._shortest(s, t, max_depth)
            if steps is not None:
                docs = self.store.documents([s] + [e.target for e in steps])
                return {
                    "from": src,
                    "to": dst,
                    "direction": direction,
                    "length": len(steps),
                    "start": doc_dict(docs.get(s), s),
                    "steps": [_edge_with(e, docs.get(e.target), "target") for e in steps],
                }
        return {"from": src, "to": dst, "direction": None, "length": None, "steps": []}

    def _shortest(self, s: str, t: str, max_depth: int) -> list[Edge] | None:
        if s == t:
            return []
        nb = walk(self.store, [s], UP, max_depth, until=t, links=None)
        if t not in nb.parent:
            return None
        steps = []
        node = t
        while node != s:
            parent, edge = nb.parent[node]
            steps.append(edge)
            node = parent
        return steps[::-1]

    @_one_snapshot
    def stats(self, top: int = 10) -> dict:
        st = self.store
        docs = st.all_documents()
        by_type = Counter(d.doc_type or "(unknown)" for d in docs)
        by_issuer = Counter(issuer_name(d) for d in docs)
        by_year = Counter(str(d.date.year) if d.date else "(undated)" for d in docs)
        relations = Counter(r[0] for r in st.scalar_rows("SELECT relation FROM edges"))
        statuses = Counter(r[0] for r in st.scalar_rows("SELECT status FROM mentions"))
        # cited by how many documents (one citing ten times is one), the citations beside it
        most = st.scalar_rows(
            "SELECT target, COUNT(DISTINCT source) AS n, COUNT(*) AS m FROM edges GROUP BY target "
            "ORDER BY n DESC, m DESC, target LIMIT ?",
            (top,),
        )
        return {
            "documents": len(docs),
            "in_corpus": sum(1 for d in docs if d.in_corpus),
            "cited_only": sum(1 for d in docs if not d.in_corpus),
            "mentions": st.count("mentions"),
            "edges": st.count("edges"),
            "files": st.count("files"),
            "unresolved": statuses.get("unresolved", 0),
            "ambiguous": statuses.get("ambiguous", 0),
            "unscoped": statuses.get("unscoped", 0),
            "date_conflicts": sum(1 for d in docs if "date_conflict" in d.flags),
            "by_type": dict(by_type.most_common()),
            "by_issuer": dict(by_issuer.most_common()),
            "by_year": dict(sorted(by_year.items())),
            "by_relation": dict(relations.most_common()),
            "most_cited": [{"id": i, "cited": n, "mentions": m} for i, n, m in most],
            "built_at": st.meta().get("built_at"),
        }

    @_one_snapshot
    def search(self, text: str, limit: int = 20) -> dict:
        """Documents by key or title, diacritics-insensitive ("chi thi 46" finds 46-CT/TW)."""
        tokens = fold(text).split()
        found = self.store.search(tokens, limit * 5)

        def in_name(
            d: Document,
        ) -> int:  # documents whose type and key match rank above titles that mention them
            name = fold(f"{d.doc_type or ''} {d.key or d.id}")
            return sum(t in name for t in tokens)

        docs = sorted(found, key=lambda d: -in_name(d))[:limit]
        return {"query": text, "results": [doc_dict(d, cited=self.store.cited_count(d.id)) for d in docs]}

    def citing_counts(self) -> dict[str, int]:
        """Document id -> how many distinct documents cite it (a document citing another ten times
        counts once; ``mentions`` in the stats say how many citations there are)."""
        return dict(
            self.store.scalar_rows("SELECT target, COUNT(DISTINCT source) FROM edges GROUP BY target")
        )

    def mention_places(self, ids: set[str] | None = None) -> dict[str, list[tuple[str, int]]]:
        """Document id -> (file, line) of every mention of it, in file order."""
        out: dict[str, list[tuple[str, int]]] = {}
        for doc_id, file, line in self.store.scalar_rows(
            "SELECT doc_id, file, line FROM mentions WHERE doc_id IS NOT NULL ORDER BY file, seq"
        ):
            if ids is None or doc_id in ids:
                out.setdefault(doc_id, []).append((file, line))
        return out

    # ---- helpers
    def _distinct(self, count: str, where: str, doc_id: str) -> int:
        """How many distinct documents stand at the ``count`` end of the edges whose ``where`` end is
        the document (columns are ours, never the user's)."""
        q = f"SELECT COUNT(DISTINCT {count}) FROM edges WHERE {where}=?"
        return self.store.scalar_rows(q, (doc_id,))[0][0]

    def _tree(self, nb: Neighbourhood) -> dict:
        docs = self.store.documents(nb.nodes)
        children: dict[str, list[tuple[str, Edge]]] = {}
        for child, (parent, edge) in nb.parent.items():
            children.setdefault(parent, []).append((child, edge))
        # every other edge that reached a node already placed: shown as a cross-reference
        placed = {(p, n, e.relation) for n, (p, e) in nb.parent.items()}
        also: dict[str, list[dict]] = {}
        counts = nb.link_counts
        up = nb.direction == UP
        for source, target, relation, file, line, _ in nb.links:
            here, there = (source, target) if up else (target, source)
            if (here, there, relation) not in placed and there in nb.depth:
                also.setdefault(here, []).append(
                    {"id": there, "relation": relation, "line": line, "file": file}
                )

        def node(doc_id: str, edge: Edge | None, seen: frozenset) -> dict:
            out = doc_dict(docs.get(doc_id), doc_id)
            if edge is not None:
                out["relation"] = edge.relation
                out["via"] = {"file": edge.file, "line": edge.line, "snippet": edge.snippet}
            kids = sorted(children.get(doc_id, []), key=lambda c: (_date_key(docs.get(c[0])), c[0]))
            out["children"] = [node(k, e, seen | {doc_id}) for k, e in kids if k not in seen]
            if counts is not None:  # its links less its own tree edges (every child was reached by one)
                out["also_count"] = counts.get(doc_id, 0) - len(kids)
            else:
                # a walk reads each (source, target, relation) once, and the tree's own are not among
                # these: no cross-reference repeats another or a child
                out["also"] = also.get(doc_id, [])
            return out

        roots = [node(r, None, frozenset()) for r in nb.root]
        return {
            "direction": nb.direction,
            "root": roots[0] if len(roots) == 1 else roots,
            "count": len(nb.depth) - len(nb.root),
            "truncated": nb.truncated,
        }


def _date_key(d: Document | None) -> str:
    """Oldest first; undated documents last."""
    return d.date.isoformat() if d is not None and d.date else "9999"


def _edge_with(e: Edge, d: Document | None, side: str) -> dict:
    other = getattr(e, side)
    return {
        **doc_dict(d, other),
        "relation": e.relation,
        "file": e.file,
        "line": e.line,
        "snippet": e.snippet,
    }


def _parse_key(text: str) -> str | None:
    """Read a loosely typed key with the grammar's key parser (imported only when needed: start-up)."""
    from .extract.keys import parse_key

    info = parse_key(text)
    return info.key if info else None


def _key_tokens(text: str) -> list[str]:
    """Numbers and codes of a key, folded: "46-CT/TW" and "46/CT-TW" both give ['46', 'ct', 'tw']."""
    return re.findall(r"[0-9]+|[a-z]+[0-9]*", fold(text))


_LOOSE_KEY = re.compile(
    r"(?P<n>\d+)\s*(?:[-/]\s*(?P<y>(?:19|20)\d\d)\s*)?[-/\s]\s*(?P<t>[^\W\d_]+)\s*[-/\s]\s*"
    r"(?P<i>[^\W_]+(?:\s*-\s*[^\W_]+)*)"
)


def key_variants(text: str) -> list[str]:
    """The typed key in both families' forms and with its spacing repaired: "47/CT-TW" gives 47-CT/TW and
    47/CT-TW; "57- NQ/TW" gives 57-NQ/TW. Codes take their canonical spelling (ND -> NĐ)."""
    from . import vocab

    m = _LOOSE_KEY.search(text)
    if not m:
        return []
    n, year = m["n"], m["y"]
    t = vocab.canonical_code(m["t"])
    issuer = "-".join(vocab.canonical_code(p.strip()) for p in m["i"].split("-"))
    if year:
        return [f"{n}/{year}/{t}-{issuer}"]
    return list(dict.fromkeys([f"{n}-{t}/{issuer}", f"{n}/{t}-{issuer}"]))


def issuer_name(d: Document) -> str:
    """The issuing body by name for counting: the name the document gives when it is a known organ,
    else the name of its number's issuer code (CP -> Chính phủ, BTC -> Bộ Tài chính); an unknown code
    as written."""
    from . import vocab

    if d.issuer:
        known = vocab.known_organs().get(fold(d.issuer))
        if known:
            return known
    if not d.issuer_code:
        return d.issuer or "(none)"
    code = d.issuer_code.split("-")[0]
    return vocab.code_name(vocab.canonical_code(code)) or code
