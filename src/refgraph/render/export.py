"""Exports: GraphML, GEXF, node-link JSON, CSV, Graphviz DOT, Cypher, and CSV for neo4j-admin.

Every format is deterministic: nodes and edges are written in sorted order and nothing depends on the
clock (GEXF's modification date is the store's build date), so the same store gives byte-identical files
that can live in version control. Each is shaped for the tool that reads it:

- csv: UTF-8 with a byte-order mark (Excel on Windows reads Vietnamese only then; ``bom=False`` drops
  it), Gephi's column names (Id, Label / Source, Target, Type, Weight), formula-like cells neutralised.
- gexf: GEXF 1.3 as its schema defines it (``gexf-1.2``: GEXF 1.2draft, for older readers), written here
  rather than by networkx (whose writer adds a graph name the schema does not allow and renames an
  attribute called ``key``): one edge per (source, target, relation) whose ``kind`` keeps relations
  apart in Gephi, and document dates as node ``start`` times (``timeformat="date"``) for the timeline.
- json: node-link data under ``edges``, so ``networkx.node_link_graph(data)`` reads it with the
  defaults of NetworkX 3.6 and later (older: ``node_link_graph(data, link="edges")``).
- cypher: batches of rows (``:param rows => […]``) merged with ``UNWIND $rows`` inside
  ``CALL (row) { … } IN TRANSACTIONS``, for cypher-shell on Neo4j 5.23 or later and 2025.x (Cypher 5 and
  Cypher 25; the scoped ``CALL (row)`` is what both accept without a deprecation warning).
- neo4j-csv: a folder for ``neo4j-admin database import full`` (Neo4j 5), the fast path past ~100k nodes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..errors import InputError
from ..graph import node_attributes, to_networkx
from ..models import Document, Edge

FORMATS = ("graphml", "gexf", "gexf-1.2", "json", "csv", "dot", "cypher", "neo4j-csv")
CYPHER_BATCH = 5000  # rows per :param block (one statement for cypher-shell)
CYPHER_TX = 1000  # rows per transaction inside it
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
    fmt: str,
    docs: dict[str, Document],
    edges: list[Edge],
    out: Path | None,
    built_at: str | None,
    bom: bool = True,
) -> list[Path]:
    """Write ``fmt``; to ``out`` (a file, or a folder for csv and neo4j-csv) or to standard output."""
    try:
        return _write(fmt, docs, edges, out, built_at, bom)
    except OSError as e:
        raise InputError(f"{out}: cannot write ({e.strerror or e})") from None


def _write(
    fmt: str, docs: dict[str, Document], edges: list[Edge], out: Path | None, built_at: str | None, bom: bool
) -> list[Path]:
    if fmt in ("csv", "neo4j-csv"):
        folder = out or Path("refgraph-export" if fmt == "csv" else "refgraph-neo4j")
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            tables = _csv_tables(docs, edges)
            encoding = "utf-8-sig" if bom else "utf-8"
        else:
            tables = _neo4j_tables(docs, edges)
            encoding = "utf-8"
        paths = []
        for name, fields, rows in tables:
            path = folder / name
            with path.open("w", encoding=encoding, newline="") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(fields)
                w.writerows(rows)
            paths.append(path)
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


def _csv_tables(docs, edges) -> list[tuple[str, list[str], list[list]]]:
    """nodes.csv and edges.csv with the column names Gephi's spreadsheet import recognises."""
    nodes = _node_rows(docs, edges)
    extra = [f for f in _node_fields(nodes) if f not in ("id", "label")]
    node_rows = [
        [spreadsheet_cell(v) for v in (n["id"], n.get("label", n["id"]), *(n.get(f, "") for f in extra))]
        for n in nodes
    ]
    edge_rows = [
        [
            spreadsheet_cell(v)
            for v in (
                r["source"],
                r["target"],
                "Directed",
                _edge_id(r),
                r["relation"],
                r["mentions"],
                r["provenance"],
            )
        ]
        for r in _edge_rows(edges)
    ]
    return [
        ("nodes.csv", ["Id", "Label", *extra], node_rows),
        ("edges.csv", ["Source", "Target", "Type", "Id", "Label", "Weight", "provenance"], edge_rows),
    ]


def _edge_id(r: dict) -> str:
    return f"{r['source']} {r['relation']} {r['target']}"


NEO4J_TYPES = {"in_corpus": "boolean", "dates_seen": "string[]", "flags": "string[]"}


def _neo4j_tables(docs, edges) -> list[tuple[str, list[str], list[list]]]:
    """documents.csv and citations.csv in neo4j-admin's header format (ID spaces, types, arrays split
    on ';', the label and relationship type as columns)."""
    nodes = _node_rows(docs, edges)
    extra = [f for f in _node_fields(nodes) if f != "id"]
    head = ["id:ID(Document)", *(f"{f}:{NEO4J_TYPES[f]}" if f in NEO4J_TYPES else f for f in extra), ":LABEL"]
    node_rows = [[n["id"], *(_neo4j_value(n.get(f, "")) for f in extra), "Document"] for n in nodes]
    rel_head = [":START_ID(Document)", ":END_ID(Document)", ":TYPE", "mentions:int", "provenance"]
    rel_rows = [
        [r["source"], r["target"], r["relation"].upper(), r["mentions"], r["provenance"]]
        for r in _edge_rows(edges)
    ]
    return [("documents.csv", head, node_rows), ("citations.csv", rel_head, rel_rows)]


def _neo4j_value(v):
    return ("true" if v else "false") if isinstance(v, bool) else v


def render(fmt: str, docs: dict[str, Document], edges: list[Edge], built_at: str | None = None) -> str:
    if fmt == "graphml":
        import networkx as nx

        return "\n".join(nx.generate_graphml(to_networkx(docs, edges))) + "\n"
    if fmt in ("gexf", "gexf-1.2"):
        return _gexf(docs, edges, built_at, kinds=fmt == "gexf")
    if fmt == "json":
        return json.dumps(_node_link(docs, edges), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if fmt == "dot":
        return _dot(docs, edges)
    if fmt == "cypher":
        return _cypher(docs, edges)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def _node_link(docs, edges) -> dict:
    """networkx's node-link layout, edges under "edges": ``nx.node_link_graph(data)`` with NetworkX
    3.6's defaults; older versions: ``nx.node_link_graph(data, link="edges")``."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": _node_rows(docs, edges),
        "edges": [{**r, "key": r["relation"]} for r in _edge_rows(edges)],
    }


# GEXF 1.3 is the first version whose schema has an edge ``kind``, the one thing that makes Gephi keep two
# relations between the same documents apart (it merges parallel edges of one kind); 1.2 (``gexf-1.2``,
# for older readers) has the same content without it.
GEXF_VERSIONS = {True: ("http://gexf.net/1.3", "1.3"), False: ("http://www.gexf.net/1.2draft", "1.2")}
GEXF_TYPES = {bool: "boolean", int: "integer", float: "double"}


def _gexf(docs, edges, built_at: str | None, kinds: bool = True) -> str:
    from xml.etree import ElementTree as ET

    nodes = _node_rows(docs, edges)
    ns, version = GEXF_VERSIONS[kinds]
    root = ET.Element("gexf", {"xmlns": ns, "version": version})
    meta = ET.SubElement(root, "meta", lastmodifieddate=(built_at or "1970-01-01")[:10])
    ET.SubElement(meta, "creator").text = "refgraph"
    ET.SubElement(meta, "description").text = "Citations between Vietnamese Party and State documents"
    graph = ET.SubElement(root, "graph", defaultedgetype="directed", mode="dynamic", timeformat="date")
    fields = [f for f in _node_fields(nodes) if f not in ("id", "label")]
    types = {}
    for f in fields:
        sample = next((n[f] for n in nodes if f in n and n[f] != ""), "")
        types[f] = GEXF_TYPES.get(type(sample), "string")
    node_attrs = ET.SubElement(graph, "attributes", {"class": "node", "mode": "static"})
    for f in fields:
        ET.SubElement(node_attrs, "attribute", id=f, title=f, type=types[f])
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge", "mode": "static"})
    for f, t in (("relation", "string"), ("mentions", "integer"), ("provenance", "string")):
        ET.SubElement(edge_attrs, "attribute", id=f, title=f, type=t)
    xnodes = ET.SubElement(graph, "nodes")
    for n in nodes:
        attrs = {"id": n["id"], "label": str(n.get("label", n["id"]))}
        if n.get("date"):
            attrs["start"] = n["date"]  # the document exists from its date on: Gephi's timeline
        node = ET.SubElement(xnodes, "node", attrs)
        values = ET.SubElement(node, "attvalues")
        for f in fields:
            v = n.get(f, "")
            if v == "" or v is None:
                continue
            ET.SubElement(values, "attvalue", {"for": f, "value": _gexf_value(v)})
    xedges = ET.SubElement(graph, "edges")
    for i, r in enumerate(_edge_rows(edges)):
        attrs = {"id": str(i), "source": r["source"], "target": r["target"], "label": r["relation"]}
        if kinds:
            attrs["kind"] = r["relation"]
        edge = ET.SubElement(xedges, "edge", {**attrs, "weight": str(r["mentions"])})
        values = ET.SubElement(edge, "attvalues")
        for f in ("relation", "mentions", "provenance"):
            ET.SubElement(values, "attvalue", {"for": f, "value": _gexf_value(r[f])})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _gexf_value(v) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


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
    if isinstance(v, dict):
        return _cy_map(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid Cypher string literal


def _cy_map(d: dict) -> str:
    return "{" + ", ".join(f"{k}: {_cy_value(v)}" for k, v in d.items()) + "}"


def _cy_name(name: str) -> str:
    """A relationship type quoted as Cypher quotes names (backticks, a backtick doubled)."""
    return "`" + name.replace("`", "``") + "`"


def _cy_rows(rows: list[dict]):
    for i in range(0, len(rows), CYPHER_BATCH):
        yield ":param rows => [" + ",\n  ".join(_cy_map(r) for r in rows[i : i + CYPHER_BATCH]) + "];\n"


def _cypher(docs, edges) -> str:
    """A script for cypher-shell: rows passed as a parameter, merged in batched transactions (re-running
    it is harmless). Relationships are matched endpoint by endpoint, never as a cartesian product."""
    out = io.StringIO()
    out.write(
        "// refgraph export for Neo4j 5.23+ and 2025.x: cypher-shell -u neo4j -p PASSWORD -f graph.cypher\n"
        "// each :param block is one statement; CALL (row) { … } IN TRANSACTIONS commits every "
        f"{CYPHER_TX} rows\n"
    )
    out.write("CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;\n")
    nodes = [
        {"id": n["id"], "props": {k: v for k, v in n.items() if k != "id"}} for n in _node_rows(docs, edges)
    ]
    for block in _cy_rows(nodes):
        out.write(block)
        out.write(
            "UNWIND $rows AS row\n"
            "CALL (row) { MERGE (d:Document {id: row.id}) SET d += row.props }\n"
            f"IN TRANSACTIONS OF {CYPHER_TX} ROWS;\n"
        )
    by_type: dict[str, list[dict]] = {}
    for r in _edge_rows(edges):
        by_type.setdefault(r["relation"].upper(), []).append(
            {
                "source": r["source"],
                "target": r["target"],
                "mentions": r["mentions"],
                "provenance": r["provenance"],
            }
        )
    for rel, rows in sorted(by_type.items()):
        for block in _cy_rows(rows):
            out.write(block)
            out.write(
                "UNWIND $rows AS row\n"
                "CALL (row) {\n"
                "  MATCH (a:Document {id: row.source})\n"
                "  MATCH (b:Document {id: row.target})\n"
                f"  MERGE (a)-[e:{_cy_name(rel)}]->(b) SET e.mentions = row.mentions, e.provenance = row.provenance }}\n"
                f"IN TRANSACTIONS OF {CYPHER_TX} ROWS;\n"
            )
    return out.getvalue()
