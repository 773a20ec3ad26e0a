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


def test_json_node_link_round_trip(db, tmp_path):
    data = json.loads(export(db, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    _same(nx.node_link_graph(data, edges="links"), open_graph(db))


def test_csv(db, tmp_path):
    export(db, "csv", tmp_path / "csv")
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open(encoding="utf-8")))
    ref = open_graph(db)
    assert {n["id"] for n in nodes} == set(ref.nodes)
    assert len(edges) == ref.number_of_edges()
    row = next(e for e in edges if (e["source"], e["target"]) == ("15-KL/TW", "46-CT/TW"))
    assert row["relation"] == "implements" and row["mentions"] == "2" and ".txt:" in row["provenance"]


def test_dot_and_cypher(db, tmp_path):
    dot = export(db, "dot", tmp_path / "g.dot").read_text(encoding="utf-8")
    assert dot.startswith("digraph refgraph {") and '"15-KL/TW" -> "46-CT/TW"' in dot
    cy = export(db, "cypher", tmp_path / "g.cypher").read_text(encoding="utf-8")
    ref = open_graph(db)
    assert cy.count("MERGE (d:Document") == ref.number_of_nodes()
    assert cy.count("MERGE (a)-[e:") == ref.number_of_edges()
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
    assert all(link["target"] == "46-CT/TW" for link in data["links"])
