"""Exports: each format from the seeds' graph, read back where a reader exists, byte-identical reruns."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import networkx as nx
import pytest

from refgraph.builder import build
from refgraph.graph import open_graph


@pytest.fixture(scope="module")
def db(seeds_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("exp") / "g.db"
    build([seeds_dir], db=path, jobs=1)
    return path


def export(db, fmt, out, *extra):
    r = subprocess.run(
        [sys.executable, "-m", "refgraph.cli", "export", *extra, "-f", fmt, "-o", str(out), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    return out


def _same(g: nx.MultiDiGraph, ref: nx.MultiDiGraph):
    assert set(g.nodes) == set(ref.nodes)
    assert sorted((u, v, k) for u, v, k in g.edges(keys=True)) == sorted(
        (u, v, k) for u, v, k in ref.edges(keys=True)
    )
    for n in ("46-CT/TW", "15-KL/TW", "002_be6f04c7cac3f54d"):
        for attr in ("key", "doc_type", "date", "issuer", "term", "title", "province", "level", "dates_seen"):
            assert str(g.nodes[n].get(attr, "")) == str(ref.nodes[n].get(attr, "")), (n, attr)
        assert str(g.nodes[n]["in_corpus"]).lower() == str(ref.nodes[n]["in_corpus"]).lower()
    u, v, k = "15-KL/TW", "46-CT/TW", "implements"
    assert int(g.edges[u, v, k]["mentions"]) == ref.edges[u, v, k]["mentions"] == 2
    assert g.edges[u, v, k]["relation"] == "implements"


def test_graphml_round_trip(db, tmp_path):
    _same(
        nx.read_graphml(export(db, "graphml", tmp_path / "g.graphml"), force_multigraph=True), open_graph(db)
    )


def test_gexf_round_trip(db, tmp_path):
    g = nx.read_gexf(export(db, "gexf", tmp_path / "g.gexf"))
    ref = open_graph(db)
    # the GEXF reader keys multi-edges by their ids; compare (u, v, relation) instead
    assert set(g.nodes) == set(ref.nodes)
    assert sorted((u, v, d["relation"]) for u, v, d in g.edges(data=True)) == sorted(
        (u, v, d["relation"]) for u, v, d in ref.edges(data=True)
    )
    assert g.nodes["15-KL/TW"]["dates_seen"] == "2001-09-30;2021-09-30"
    assert g.nodes["46-CT/TW"]["title"] == ref.nodes["46-CT/TW"]["title"]
    assert g.nodes["46-CT/TW"]["key"] == "46-CT/TW"  # not renamed networkx_key


# GEXF 1.2 as its schema (gexf.xsd, with the dynamics module) defines it: which attributes each element
# may carry, which it must, and the values of the enumerated ones. The schema itself is not shipped in
# any package this project can install, so its constraints are written out here.
GEXF_ALLOWED = {
    "gexf": ({"version"}, {"version", "variant"}),
    "meta": (set(), {"lastmodifieddate"}),
    "creator": (set(), set()),
    "description": (set(), set()),
    "keywords": (set(), set()),
    "graph": (
        set(),
        {"timeformat", "start", "end", "startopen", "endopen", "defaultedgetype", "idtype", "mode"},
    ),
    "attributes": ({"class"}, {"class", "mode", "start", "end", "startopen", "endopen"}),
    "attribute": ({"id", "title", "type"}, {"id", "title", "type"}),
    "nodes": (set(), {"count"}),
    "node": ({"id"}, {"id", "label", "start", "end", "startopen", "endopen", "pid"}),
    "attvalues": (set(), set()),
    "attvalue": ({"for", "value"}, {"for", "value", "start", "end", "startopen", "endopen"}),
    "edges": (set(), {"count"}),
    "edge": (
        {"id", "source", "target"},
        {"id", "source", "target", "label", "type", "weight", "kind", "start", "end", "startopen", "endopen"},
    ),
}
GEXF_ENUMS = {
    ("graph", "defaultedgetype"): {"directed", "undirected", "mutual"},
    ("graph", "mode"): {"static", "dynamic"},
    ("graph", "timeformat"): {"integer", "double", "date", "dateTime"},
    ("attributes", "class"): {"node", "edge"},
    ("attributes", "mode"): {"static", "dynamic"},
    ("attribute", "type"): {
        "integer",
        "long",
        "double",
        "float",
        "boolean",
        "liststring",
        "string",
        "anyURI",
    },
}


def test_gexf_keeps_to_the_gexf_1_2_schema(db, tmp_path):
    import datetime as dt
    from xml.etree import ElementTree as ET

    root = ET.parse(export(db, "gexf", tmp_path / "g.gexf")).getroot()
    ns = "{http://www.gexf.net/1.2draft}"
    assert root.tag == ns + "gexf" and root.get("version") == "1.2"
    types: dict[tuple[str, str], str] = {}
    for el in root.iter():
        tag = el.tag.removeprefix(ns)
        assert tag in GEXF_ALLOWED, tag
        required, allowed = GEXF_ALLOWED[tag]
        assert required <= set(el.attrib) <= allowed, (tag, el.attrib)
        for (t, a), values in GEXF_ENUMS.items():
            if t == tag and a in el.attrib:
                assert el.get(a) in values, (tag, a, el.get(a))
    graph = root.find(ns + "graph")
    for attrs in graph.findall(ns + "attributes"):
        for a in attrs.findall(ns + "attribute"):
            types[(attrs.get("class"), a.get("id"))] = a.get("type")
    node_ids = [n.get("id") for n in graph.iter(ns + "node")]
    assert len(node_ids) == len(set(node_ids))
    for kind in ("node", "edge"):
        for el in graph.iter(ns + kind):
            for v in el.iter(ns + "attvalue"):
                t = types[(kind, v.get("for"))]  # every value belongs to a declared attribute
                if t == "integer":
                    int(v.get("value"))
                elif t == "boolean":
                    assert v.get("value") in ("true", "false")
            if el.get("start"):  # timeformat="date": xs:date
                dt.date.fromisoformat(el.get("start"))
    edges = list(graph.iter(ns + "edge"))
    assert {e.get("source") for e in edges} | {e.get("target") for e in edges} <= set(node_ids)
    # one edge per (source, target, relation), its kind naming the relation: Gephi keeps them apart
    triples = [(e.get("source"), e.get("target"), e.get("kind")) for e in edges]
    assert len(triples) == len(set(triples)) == open_graph(db).number_of_edges()
    assert all(e.get("kind") == e.get("label") for e in edges)
    assert graph.get("timeformat") == "date" and any(n.get("start") for n in graph.iter(ns + "node"))


def test_json_node_link_round_trip(db, tmp_path):
    import warnings

    data = json.loads(export(db, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the defaults of the NetworkX the project pins, without a warning
        g = nx.node_link_graph(data)
    _same(g, open_graph(db))


def test_csv_opens_in_excel_and_gephi(db, tmp_path):
    export(db, "csv", tmp_path / "csv")
    raw = (tmp_path / "csv" / "nodes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8-sig")))
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open(encoding="utf-8-sig")))
    ref = open_graph(db)
    assert list(nodes[0])[:2] == ["Id", "Label"]  # Gephi's spreadsheet import recognises these
    assert {n["Id"] for n in nodes} == set(ref.nodes)
    assert len(edges) == ref.number_of_edges()
    row = next(e for e in edges if (e["Source"], e["Target"]) == ("15-KL/TW", "46-CT/TW"))
    assert row["Label"] == "implements" and row["Weight"] == "2" and row["Type"] == "Directed"
    assert ".txt:" in row["provenance"]
    assert len({e["Id"] for e in edges}) == len(edges)
    export(db, "csv", tmp_path / "plain", "--no-bom")
    assert (tmp_path / "plain" / "nodes.csv").read_bytes().startswith(b"Id,Label,")


def test_neo4j_admin_csv(db, tmp_path):
    export(db, "neo4j-csv", tmp_path / "neo")
    docs = list(csv.reader((tmp_path / "neo" / "documents.csv").open(encoding="utf-8")))
    rels = list(csv.reader((tmp_path / "neo" / "citations.csv").open(encoding="utf-8")))
    ref = open_graph(db)
    assert docs[0][0] == "id:ID(Document)" and docs[0][-1] == ":LABEL"
    assert "in_corpus:boolean" in docs[0] and "dates_seen:string[]" in docs[0]
    assert rels[0][:3] == [":START_ID(Document)", ":END_ID(Document)", ":TYPE"]
    assert len(docs) - 1 == ref.number_of_nodes() and len(rels) - 1 == ref.number_of_edges()
    ids = {r[0] for r in docs[1:]}
    assert all(r[0] in ids and r[1] in ids for r in rels[1:])  # neo4j-admin refuses dangling ends
    assert {r[2] for r in rels[1:]} <= {"CITES", "IMPLEMENTS", "BASED_ON", "AMENDS", "REPLACES", "GUIDES"} | {
        r[2] for r in rels[1:] if r[2].isupper()
    }


def test_dot_and_cypher(db, tmp_path):
    import re

    dot = export(db, "dot", tmp_path / "g.dot").read_text(encoding="utf-8")
    assert dot.startswith("digraph refgraph {") and '"15-KL/TW" -> "46-CT/TW"' in dot
    cy = export(db, "cypher", tmp_path / "g.cypher").read_text(encoding="utf-8")
    ref = open_graph(db)
    statements = [s.strip() for s in re.split(r";\n", cy) if s.strip() and not s.startswith("//")]
    params = [s for s in statements if s.startswith(":param rows => [")]
    merges = [s for s in statements if s.startswith("UNWIND $rows AS row")]
    # every batch of rows is followed by the statement that merges it, in batched transactions
    assert len(params) == len(merges) >= 2
    assert all("IN TRANSACTIONS OF" in m and "CALL {" in m for m in merges)
    # endpoints matched one by one: no cartesian product (Neo4j warns about "MATCH (a …), (b …)")
    assert not re.search(r"MATCH \([^)]*\), \(", cy)
    assert cy.count('{id: "') == ref.number_of_nodes()  # one row per document
    assert cy.count("{source: ") == ref.number_of_edges()
    assert "-[e:IMPLEMENTS]->" in cy


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "dot", "cypher"])
def test_byte_identical_reruns(db, tmp_path, fmt):
    a = export(db, fmt, tmp_path / f"a.{fmt}").read_bytes()
    b = export(db, fmt, tmp_path / f"b.{fmt}").read_bytes()
    assert a == b


def test_neighbourhood(db, tmp_path):
    data = json.loads(
        export(db, "json", tmp_path / "n.json", "46-CT/TW", "--down", "--depth", "1").read_text()
    )
    ids = {n["id"] for n in data["nodes"]}
    assert "46-CT/TW" in ids and "15-KL/TW" in ids and "28-NQ/TW" not in ids
    assert all(link["target"] == "46-CT/TW" for link in data["edges"])
