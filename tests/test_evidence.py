"""The catalog built from evidence (refgraph.evidence, `refgraph catalog`): citations written for these
tests act as witnesses; two files agree on a date, a third dissents; a Party number of two terms stays
two documents; the export loads back with the catalog reader and yields to hand-made entries."""

from __future__ import annotations

import datetime as dt
import json

from refgraph import evidence
from refgraph.builder import build
from refgraph.catalog import load
from refgraph.checks import check
from refgraph.store import open_store

from .conftest import run_cli

DECREE = "Căn cứ Nghị định số 45/2019/NĐ-CP ngày {d} của Chính phủ quy định về quản lý kho hàng hóa dự trữ;\n"
PARTY = "Thực hiện Nghị quyết số 07-NQ/TW ngày {d} của Bộ Chính trị về công tác dân vận ở vùng biên;\n"
FILES = {
    "a.md": DECREE.format(d="12 tháng 3 năm 2019") + PARTY.format(d="05/4/2013"),
    "b.md": DECREE.format(d="12/3/2019") + PARTY.format(d="5 tháng 4 năm 2013"),
    "c.md": DECREE.format(d="21/3/2019") + PARTY.format(d="10/02/2022"),
    "d.md": "Theo Nghị định số 45/2019/NĐ-CP. " + PARTY.format(d="10 tháng 2 năm 2022"),
}


def _store(tmp_path, files=FILES):
    root = tmp_path / "docs"
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    db = tmp_path / "g.db"
    build([root], db, catalogs=[])
    return db


def _by_key(db):
    store = open_store(db)
    try:
        entries = evidence.build(store)
    finally:
        store.close()
    out: dict[str, list[evidence.Consensus]] = {}
    for c in entries:
        out.setdefault(c.key, []).append(c)
    return out


def test_two_files_agree_one_dissents(tmp_path):
    (c,) = _by_key(_store(tmp_path))["45/2019/NĐ-CP"]
    assert c.date == dt.date(2019, 3, 12) and c.agreeing == 2
    assert c.files == 3  # d.md's bare number says nothing about the document: no witness
    assert [(p.rsplit("/", 1)[1], d) for p, d in c.dissenters] == [("c.md", "2019-03-21")]
    assert c.issuer == "Chính phủ"
    assert not c.clean  # a dissenting date keeps it out of the exported catalog


def test_party_number_of_two_terms_stays_two_documents(tmp_path):
    got = _by_key(_store(tmp_path))["07-NQ/TW"]
    assert [(c.term, c.date, c.agreeing, c.clean) for c in got] == [
        ("XI", dt.date(2013, 4, 5), 2, True),
        ("XIII", dt.date(2022, 2, 10), 2, True),
    ]


def test_boilerplate_own_number_and_inferred_keys_are_no_witnesses():
    def row(path, **m):
        return path, json.dumps({"key": "45/2019/NĐ-CP", "date": "2019-03-12", "flags": [], **m})

    rows = [
        row("x.md", flags=["boilerplate"]),  # the same passage across many pages is one voice
        row("y.md"),  # y.md is 45/2019/NĐ-CP itself: its own number is no witness
        row("z.md", flags=["short_form"]),  # a key completed from elsewhere in the text
        row("w.md"),
    ]
    ws = evidence.witnesses(rows, own={"y.md": "45/2019/NĐ-CP"})
    assert [w.file for w in ws["45/2019/NĐ-CP"]] == ["w.md"]


def test_local_numbers_are_not_catalogued():
    rows = [
        (f"{p}.md", json.dumps({"key": "12/KH-UBND", "issuer_code": "UBND", "date": "2024-01-02"}))
        for p in "ab"
    ]
    assert evidence.witnesses(rows, own={}) == {}


def test_title_is_cut_where_the_sentence_takes_over():
    assert (
        evidence._title("quản lý kho hàng hóa được sửa đổi, bổ sung bởi Nghị định sau")
        == "Quản lý kho hàng hóa"
    )
    assert evidence._title("Quy định như sau") is None
    assert len(evidence._title("rất dài " * 60)) <= evidence.TITLE_MAX


def test_export_loads_back_and_yields_to_hand_entries(tmp_path):
    db = _store(tmp_path)
    r = run_cli("catalog", "export", "-o", tmp_path / "mined.tsv", "--db", db)
    assert r.returncode == 0 and "2 entries" in r.stdout
    mined = load([tmp_path / "mined.tsv"])
    assert sorted((e.key, e.term, e.witnesses) for e in mined) == [
        ("07-NQ/TW", "XI", 2),
        ("07-NQ/TW", "XIII", 2),
    ]
    hand = tmp_path / "hand.tsv"
    hand.write_text("key\ttype\tdate\n07-NQ/TW\tNghị quyết\t2013-04-05\n", encoding="utf-8")
    both = load([hand, tmp_path / "mined.tsv"])
    assert [(e.key, e.witnesses) for e in both] == [("07-NQ/TW", None)]


def test_summary_command_and_bad_store(tmp_path):
    db = _store(tmp_path)
    r = run_cli("catalog", "--db", db, "--min-witnesses", "2")
    assert r.returncode == 0 and "2 keys with witnesses" in r.stdout and "07-NQ/TW" in r.stdout
    bad = run_cli("catalog", "--db", tmp_path / "none.db")
    assert bad.returncode == 2 and bad.stderr.startswith("refgraph:") and "Traceback" not in bad.stderr


def test_mined_entry_resolves_but_never_makes_a_catalog_conflict(tmp_path):
    mined = tmp_path / "mined.tsv"
    mined.write_text(
        "key\ttype\tdate\tissuer\ttitle\twitnesses\n45/2019/NĐ-CP\tNghị định\t2019-03-12\tChính phủ\t\t5\n",
        encoding="utf-8",
    )
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.md").write_text(DECREE.format(d="21/3/2019"), encoding="utf-8")
    codes = [d.code for d in check([root], [mined], today=dt.date(2026, 1, 1))]
    assert "RG111" not in codes and "RG102" not in codes
    hand = tmp_path / "hand.tsv"
    hand.write_text(
        mined.read_text(encoding="utf-8").replace("\twitnesses", "\tnote").replace("\t5\n", "\tx\n")
    )
    assert "RG102" in [d.code for d in check([root], [hand], today=dt.date(2026, 1, 1))]


def test_one_line_copied_into_two_files_is_one_voice():
    def w(path, passage):
        return evidence.Witness(path, dt.date(2019, 3, 12), None, None, "Nghị định", "state", 2019, passage)

    (copied,) = evidence.consensus("45/2019/NĐ-CP", [w("a.md", "p1"), w("b.md", "p1")])
    assert copied.agreeing == 1 and not copied.clean
    (two,) = evidence.consensus("45/2019/NĐ-CP", [w("a.md", "p1"), w("b.md", "p2")])
    assert two.agreeing == 2 and two.clean


def test_the_mined_catalog_ships_after_the_hand_one():
    from refgraph.catalog import bundled_catalogs

    hand, mined = bundled_catalogs()
    assert (hand.name, mined.name) == ("catalog.tsv", "catalog_mined.tsv")
    entries = load([hand, mined])
    hand_keys = {e.key for e in entries if e.witnesses is None}
    mined_entries = [e for e in entries if e.witnesses is not None]
    assert len(mined_entries) > 500 and all(e.witnesses >= 2 and e.date for e in mined_entries)
    assert not hand_keys & {e.key for e in mined_entries}  # a hand entry wins its key
