"""A site's repeated text (a privacy notice on every page) keeps its mentions, flagged, and gives no edges;
a formula every decision repeats ("Căn cứ Luật … số …;") is each one's own legal basis and stays."""

from __future__ import annotations

from refgraph.builder import build, extract_files
from refgraph.extract import boilerplate
from refgraph.queries import Graph

NOTICE = "Thực hiện Nghị định 13/2023/NĐ-CP, trang này cập nhật quy chế bảo vệ dữ liệu cá nhân của bạn đọc bên dưới."


def _corpus(tmp_path, n=10):
    for i in range(n):
        (tmp_path / f"page_{i:02d}.txt").write_text(
            f"Tin số {i}\n\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
            f"Ủy ban nhân dân xã triển khai Kế hoạch số {100 + i}/KH-UBND về việc số {i}.\n\n{NOTICE}\n",
            encoding="utf-8",
        )
    return tmp_path


def test_repeated_notice_is_flagged_and_gives_no_edges(tmp_path):
    (tmp_path / "c").mkdir()
    corpus = _corpus(tmp_path / "c")
    db = tmp_path / "g.db"
    build([corpus], db=db, jobs=1)
    with Graph(db) as g:
        targets = {(e.target.split("@")[0], e.relation) for e in g.store.all_edges()}
    assert ("72/2025/QH15", "based_on") in targets  # the formula every page repeats is still a citation
    assert not any(t == "13/2023/NĐ-CP" for t, _ in targets)


def test_extract_keeps_the_mentions_with_a_flag(tmp_path):
    corpus = _corpus(tmp_path)
    rows = extract_files([corpus]).rows
    notice = [r for r in rows if r["key"] == "13/2023/NĐ-CP"]
    assert len(notice) == 10 and all(boilerplate.FLAG in r["flags"] for r in notice)
    assert not any(boilerplate.FLAG in r["flags"] for r in rows if r["key"] != "13/2023/NĐ-CP")


def test_a_passage_in_few_files_is_not_boilerplate(tmp_path):
    rows = extract_files([_corpus(tmp_path, n=boilerplate.MIN_FILES - 1)]).rows
    assert not any(boilerplate.FLAG in r["flags"] for r in rows)
