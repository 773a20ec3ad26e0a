"""Exports: GraphML, GEXF, node-link JSON, CSV, Graphviz DOT, Cypher.

Every format is deterministic: nodes and edges are written in sorted order and nothing depends on the
clock (GEXF's modification date is the store's build date), so the same store gives byte-identical files
that can live in version control.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..errors import InputError
from ..graph import node_attributes, to_networkx
from ..models import Document, Edge

FORMATS = ("graphml", "gexf", "json", "csv", "dot", "cypher")
EDGE_FIELDS = ("source", "target", "relation", "mentions", "provenance")


def _edge_rows(edges: list[Edge]) -> list[dict]:
    grouped: dict[tuple[str, str, str], list[Edge]] = {}
    for e in edges:
        grouped.setdefault((e.source, e.target, e.relation), []).append(e)
    return [
        {
            "source": s,
            "target": t,
            "relation": r,
            "mentions": len(es),
            "provenance": "; ".join(f"{e.file}:{e.line}" for e in es),
        }
        for (s, t, r), es in sorted(grouped.items())
    ]


def _node_rows(docs: dict[str, Document], edges: list[Edge]) -> list[dict]:
    rows = {d.id: {"id": d.id, **node_attributes(d)} for d in docs.values()}
    for e in edges:  # an edge's far end outside the documents read (never in a full export)
        for n in (e.source, e.target):
            rows.setdefault(n, {"id": n, "label": n})
    return [rows[k] for k in sorted(rows)]


def write(
    fmt: str, docs: dict[str, Document], edges: list[Edge], out: Path | None, built_at: str | None
) -> list[Path]:
    """Write ``fmt``; to ``out`` (a file, or a folder for csv) or to standard output when None."""
    try:
        return _write(fmt, docs, edges, out, built_at)
    except OSError as e:
        raise InputError(f"{out}: cannot write ({e.strerror or e})") from None


def _write(
    fmt: str, docs: dict[str, Document], edges: list[Edge], out: Path | None, built_at: str | None
) -> list[Path]:
    if fmt == "csv":
        folder = out or Path("refgraph-export")
        folder.mkdir(parents=True, exist_ok=True)
        nodes, rels = _node_rows(docs, edges), _edge_rows(edges)
        paths = [folder / "nodes.csv", folder / "edges.csv"]
        for path, rows, fields in ((paths[0], nodes, _node_fields(nodes)), (paths[1], rels, EDGE_FIELDS)):
            with path.open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
                w.writeheader()
                w.writerows({k: spreadsheet_cell(v) for k, v in r.items()} for r in rows)
        return paths
    text = render(fmt, docs, edges, built_at)
    if out is None:
        import sys

        sys.stdout.write(text)
        return []
    out.write_text(text, encoding="utf-8")
    return [out]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A value safe to open in a spreadsheet. Titles and issuers come from other people's documents; a
    cell that starts like a formula (``=HYPERLINK(…)``) would run as one in Excel or LibreOffice, so it
    is prefixed with an apostrophe (OWASP's guidance for CSV injection). Numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _node_fields(nodes: list[dict]) -> list[str]:
    fields: list[str] = []
    for n in nodes:
        for k in n:
            if k not in fields:
                fields.append(k)
    return fields


def render(fmt: str, docs: dict[str, Document], edges: list[Edge], built_at: str | None = None) -> str:
    if fmt == "graphml":
        import networkx as nx

        return "\n".join(nx.generate_graphml(to_networkx(docs, edges))) + "\n"
    if fmt == "gexf":
        import networkx as nx

        text = "\n".join(nx.generate_gexf(to_networkx(docs, edges))) + "\n"
        # the writer stamps today's date; the store's build date keeps the file reproducible
        import re

        return re.sub(
            r'lastmodifieddate="[^"]*"',
            f'lastmodifieddate="{(built_at or "1970-01-01")[:10]}"',
            text,
            count=1,
        )
    if fmt == "json":
        return json.dumps(_node_link(docs, edges), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if fmt == "dot":
        return _dot(docs, edges)
    if fmt == "cypher":
        return _cypher(docs, edges)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def _node_link(docs, edges) -> dict:
    """networkx's node-link layout (readable with nx.node_link_graph(data, edges="links"))."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": _node_rows(docs, edges),
        "links": [{**r, "key": r["relation"]} for r in _edge_rows(edges)],
    }


def _dot_quote(s: str) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot(docs, edges) -> str:
    out = io.StringIO()
    out.write('digraph refgraph {\n  rankdir=BT;\n  node [shape=box, fontname="Helvetica"];\n')
    for n in _node_rows(docs, edges):
        attrs = {k: v for k, v in n.items() if k != "id"}
        style = "solid" if attrs.get("in_corpus") else "dashed"
        rendered = ", ".join(f"{k}={_dot_quote(v)}" for k, v in attrs.items())
        out.write(f"  {_dot_quote(n['id'])} [{rendered}, style={style}];\n")
    for r in _edge_rows(edges):
        out.write(
            f"  {_dot_quote(r['source'])} -> {_dot_quote(r['target'])} [label={_dot_quote(r['relation'])}, "
            f"relation={_dot_quote(r['relation'])}, mentions={r['mentions']}];\n"
        )
    out.write("}\n")
    return out.getvalue()


def _cy_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid Cypher string literal


def _cypher(docs, edges) -> str:
    """A script for cypher-shell: one MERGE per document and per relation (re-running it is harmless)."""
    out = io.StringIO()
    out.write("// refgraph export: load with `cypher-shell -f graph.cypher`\n")
    out.write("CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;\n")
    for n in _node_rows(docs, edges):
        props = ", ".join(f"{k}: {_cy_value(v)}" for k, v in n.items() if k != "id")
        out.write(f"MERGE (d:Document {{id: {_cy_value(n['id'])}}}) SET d += {{{props}}};\n")
    for r in _edge_rows(edges):
        rel = r["relation"].upper()
        out.write(
            f"MATCH (a:Document {{id: {_cy_value(r['source'])}}}), (b:Document {{id: {_cy_value(r['target'])}}}) "
            f"MERGE (a)-[e:{rel}]->(b) SET e.mentions = {r['mentions']}, e.provenance = {_cy_value(r['provenance'])};\n"
        )
    return out.getvalue()
