"""The graph built from the seeds (acceptance) and from the bundled sample corpus."""

from __future__ import annotations

import pytest

from refgraph.builder import build
from refgraph.queries import Graph, QueryError

from .conftest import DATA


def _flatten(tree: dict) -> list[dict]:
    out = []
    stack = [tree["root"]]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n["children"])
    return out[1:]


@pytest.fixture(scope="session")
def seeds_db(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "g.db"
    build([seeds_dir], db=db, jobs=1)
    return db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("sample") / "g.db"
    report = build(None, db=db, jobs=1)
    assert report.files >= 8
    return db


def test_every_gold_edge_is_in_the_graph_with_provenance(seeds_db, seeds_dir):
    with Graph(seeds_db) as g:
        edges = g.store.all_edges()
    have = {}
    for e in edges:
        have.setdefault((e.source.split("@")[0], e.relation, e.target.split("@")[0]), []).append(e)
    checked = 0
    for line in (seeds_dir / "gold" / "edges.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith(("#", "subject")):
            continue
        checked += 1
        a, rel, b, _where = line.split("\t")
        found = have.get((a, rel, b))
        assert found, (a, rel, b)
        e = found[0]
        assert e.file.endswith(".txt") and e.line >= 1 and e.snippet
    assert checked > 0  # an empty or unreadable gold file must not pass


def test_implements_46(seeds_db):
    with Graph(seeds_db) as g:
        r = g.implements("46-CT/TW")
    ids = {n["id"].split("@")[0] for n in _flatten(r["implemented_by"])}
    assert {"15-KL/TW", "77-KH/TU", "000_8aa7b9fb24859f86", "002_be6f04c7cac3f54d"} <= ids


def test_lineage_up_reaches_09_through_44(seeds_db):
    with Graph(seeds_db) as g:
        r = g.lineage("001_80820d76dd93bd83", "up")
    kl44 = next(n for n in r["root"]["children"] if n["id"] == "44-KL/TW")
    assert [c["id"] for c in kl44["children"]] == ["09-CT/TW"]


def test_12_nq_tw_cited_by_seeds_is_one_node_of_2022(seeds_db):
    with Graph(seeds_db) as g:
        numbered = [
            (m, status)
            for d in g.store.ids_for_key("12-NQ/TW")
            for m, status in g.store.mentions_of(d)
            if "plenum" not in m.flags
        ]
        docs = {g.store.document(d).date.isoformat() for d in g.store.ids_for_key("12-NQ/TW")}
        owners = {
            d
            for d in g.store.ids_for_key("12-NQ/TW")
            if any("plenum" not in m.flags for m, _ in g.store.mentions_of(d))
        }
    assert len(numbered) == 3  # 002 twice, 003 once; the plenum reference of 002 is 12-NQ/TW of 2012
    assert len(owners) == 1
    assert "2022-03-16" in docs
    (owner,) = owners
    assert owner.endswith("2022")


def test_conflicting_dates_stay_one_node(seeds_db):
    with Graph(seeds_db) as g:
        kl15 = g.show("15-KL/TW")
        nq28 = g.show("28-NQ/TW")
    assert kl15["conflicts"]["dates"] == ["2001-09-30", "2021-09-30"]
    assert nq28["conflicts"]["dates"] == ["2013-10-25", "2014-10-25"]


def test_local_numbers_are_scoped_by_province(seeds_dir, tmp_path):
    db = tmp_path / "both.db"
    build([seeds_dir, DATA / "corpus"], db=db, jobs=1)
    with Graph(db) as g:
        with pytest.raises(QueryError) as e:
            g.find("38-CT/TU")
        assert "ambiguous" in str(e.value)
        assert {c["id"] for c in e.value.candidates} == {"38-CT/TU@hung-yen", "38-CT/TU@quang-binh"}
        assert g.show("38-CT/TU@quang-binh")["document"]["province"] == "Quảng Bình"
        # a relative reference ("của Ban Thường vụ Tỉnh ủy") takes the citing document's province
        cited_by = g.cited_by("38-CT/TU@quang-binh")["cited_by"]
        assert [c["id"] for c in cited_by] == ["102/KH-UBND@quang-binh"]


def test_unscoped_local_reference(seeds_db):
    with Graph(seeds_db) as g:
        d = g.show("02-NQ/TU")["document"]
    assert "unscoped" in d["flags"]


def test_sample_corpus_chain_three_deep(sample_db):
    with Graph(sample_db) as g:
        r = g.lineage("45/KH-UBND", "up")
        depth = 0

        def walk(n, k):
            nonlocal depth
            depth = max(depth, k)
            for c in n["children"]:
                walk(c, k + 1)

        walk(r["root"], 0)
        assert depth >= 3
        down = {n["id"] for n in _flatten(g.implements("46-CT/TW")["implemented_by"])}
    assert {"21-CT/TU@ha-tinh", "88-KH/TU@ha-tinh", "45/KH-UBND@ha-tinh", "12-KH/HU@ha-tinh"} <= down


def test_sample_relations_and_aliases(sample_db):
    with Graph(sample_db) as g:
        qd = g.cites("1234/QĐ-UBND")["cites"]
        plan = g.cites("102/KH-UBND")["cites"]
    assert {(c["id"], c["relation"]) for c in qd} >= {
        ("45/KH-UBND@ha-tinh", "amends"),
        ("13/2023/NĐ-CP", "based_on"),
    }
    # "(sau đây gọi tắt là Đề án 06)": the later "Đề án 06" is the Decision 06/QĐ-TTg
    assert sum(1 for c in plan if c["id"] == "06/QĐ-TTg") >= 2


def test_news_article_is_its_own_node(sample_db):
    with Graph(sample_db) as g:
        article = g.show("ha-tinh-trien-khai-kh-88")
        assert article["document"]["type"] == "Tin bài"  # from the sidecar .meta
        assert any(c["id"] == "88-KH/TU@ha-tinh" for c in article["cites"])
        assert g.show("88-KH/TU")["document"]["path"].endswith("kh-88-kh-tu.md")


@pytest.mark.parametrize("typed", ["46-CT/TW", "46/CT-TW", "Chỉ thị 46-CT/TW", "chỉ thị số 46-CT/TW"])
def test_loose_keys(sample_db, typed):
    with Graph(sample_db) as g:
        assert g.find(typed) == "46-CT/TW"


def test_unknown_key_gets_suggestions(sample_db):
    with Graph(sample_db) as g, pytest.raises(QueryError) as e:
        g.find("46-CT/TU")
    assert "46-CT/TW" in str(e.value)


def test_search_is_diacritics_insensitive(sample_db):
    with Graph(sample_db) as g:
        ids = [d["id"] for d in g.search("chi thi 46")["results"]]
        assert ids[0] == "46-CT/TW"
        assert any(d["id"] == "57-NQ/TW" for d in g.search("chuyen doi so")["results"])


def test_path(sample_db):
    with Graph(sample_db) as g:
        r = g.path("12-KH/HU", "46-CT/TW")
    assert r["direction"] == "forward"
    assert [s["id"] for s in r["steps"]][-1] == "46-CT/TW"
    assert r["length"] == 3


def test_stats(sample_db):
    with Graph(sample_db) as g:
        s = g.stats()
    assert s["documents"] >= 14 and s["in_corpus"] == 11
    assert s["edges"] > 0 and s["mentions"] >= s["edges"]
    counts = [r["cited"] for r in s["most_cited"]]
    assert counts == sorted(counts, reverse=True)
    assert "46-CT/TW" in [r["id"] for r in s["most_cited"][:5]]
