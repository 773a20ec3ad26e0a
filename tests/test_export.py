"""Exports: each format from the seeds' graph, read back where a reader exists, byte-identical reruns."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

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


@pytest.mark.parametrize("fmt", ["gexf", "gexf-1.2"])
def test_gexf_round_trip(db, tmp_path, fmt):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # NetworkX's GEXF reader, without a warning
        g = nx.read_gexf(export(db, fmt, tmp_path / "g.gexf"))
    ref = open_graph(db)
    # the GEXF reader keys multi-edges by their ids; compare (u, v, relation) instead
    assert set(g.nodes) == set(ref.nodes)
    assert sorted((u, v, d["relation"]) for u, v, d in g.edges(data=True)) == sorted(
        (u, v, d["relation"]) for u, v, d in ref.edges(data=True)
    )
    assert g.nodes["15-KL/TW"]["dates_seen"] == "2001-09-30;2021-09-30"
    assert g.nodes["46-CT/TW"]["title"] == ref.nodes["46-CT/TW"]["title"]
    assert g.nodes["46-CT/TW"]["key"] == "46-CT/TW"  # not renamed networkx_key


SCHEMAS = Path(__file__).parent / "schemas"  # the GEXF working group's XSDs (CC BY 4.0: schemas/README.md)


@pytest.mark.parametrize(
    ("fmt", "xsd", "kinds"), [("gexf", "gexf-1.3", True), ("gexf-1.2", "gexf-1.2draft", False)]
)
def test_gexf_is_valid_against_its_schema(db, tmp_path, fmt, xsd, kinds):
    import datetime as dt
    from xml.etree import ElementTree as ET

    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema (the test extras) validates GEXF")
    path = export(db, fmt, tmp_path / "g.gexf")
    schema = xmlschema.XMLSchema(SCHEMAS / xsd / "gexf.xsd")
    assert [e.reason for e in schema.iter_errors(str(path))] == []
    root = ET.parse(path).getroot()
    ns = root.tag.split("}")[0] + "}"
    graph = root.find(ns + "graph")
    node_ids = [n.get("id") for n in graph.iter(ns + "node")]
    edges = list(graph.iter(ns + "edge"))
    # one edge per (source, target, relation), labelled with it; GEXF 1.3 also gives it as the kind,
    # which is what makes Gephi keep two relations between the same documents apart
    triples = [(e.get("source"), e.get("target"), e.get("label")) for e in edges]
    assert len(triples) == len(set(triples)) == open_graph(db).number_of_edges()
    assert all((e.get("kind") == e.get("label")) if kinds else e.get("kind") is None for e in edges)
    # document dates as times (timeformat="date"): Gephi's timeline plays the graph in order of issue
    starts = [n.get("start") for n in graph.iter(ns + "node") if n.get("start")]
    assert graph.get("timeformat") == "date" and starts
    assert all(dt.date.fromisoformat(s) for s in starts) and len(node_ids) == len(set(node_ids))


def test_gexf_schema_check_catches_a_broken_file(tmp_path):
    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema (the test extras) validates GEXF")
    bad = tmp_path / "bad.gexf"  # what networkx writes: a graph name, which GEXF 1.2 does not define
    bad.write_text(
        '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph name="x"><nodes/><edges/></graph></gexf>',
        encoding="utf-8",
    )
    schema = xmlschema.XMLSchema(SCHEMAS / "gexf-1.2draft" / "gexf.xsd")
    assert any("name" in e.reason for e in schema.iter_errors(str(bad)))


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
    assert all("IN TRANSACTIONS OF" in m and "CALL (row) {" in m for m in merges)
    # endpoints matched one by one: no cartesian product (Neo4j warns about "MATCH (a …), (b …)")
    assert not re.search(r"MATCH \([^)]*\), \(", cy)
    assert cy.count('{id: "') == ref.number_of_nodes()  # one row per document
    assert cy.count("{source: ") == ref.number_of_edges()
    assert "-[e:`IMPLEMENTS`]->" in cy


LINTER = Path(__file__).parent / "cypher-lint"


def _lint_cypher(path: Path) -> list[dict]:
    if shutil.which("node") is None:
        pytest.skip("no node: Neo4j's Cypher linter runs on Node.js")
    if not (LINTER / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.skip("Neo4j's Cypher linter is not installed: bash scripts/install-test-npm.sh")
    r = subprocess.run(
        ["node", str(LINTER / "lint.mjs"), str(path)], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_cypher_passes_neo4js_own_linter(db, tmp_path):
    """No error and no warning (deprecations included) from the linter of Neo4j's editors, as Cypher 5
    and as Cypher 25; a broken script shows the linter is really reading."""
    assert _lint_cypher(export(db, "cypher", tmp_path / "g.cypher")) == []
    broken = tmp_path / "broken.cypher"
    broken.write_text("UNWIND $rows AS row\nCALL { WITH row MERGE (d:Document {id: row.id}) }\nMATCH (;\n")
    found = _lint_cypher(broken)
    assert {d["version"] for d in found} == {"CYPHER 5", "CYPHER 25"}
    assert any(d["severity"] == 1 for d in found) and any("deprecated" in d["message"] for d in found)


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
