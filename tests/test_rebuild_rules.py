"""A store built by other extraction rules is not reused: the same file reads differently now."""

from __future__ import annotations

from refgraph import builder


def test_a_change_of_rules_re_extracts_every_file(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ.\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.\n", encoding="utf-8"
    )
    db = tmp_path / "g.db"
    first = builder.build([corpus], db)
    assert first.extracted == 2
    again = builder.build([corpus], db)
    assert again.extracted == 0 and again.reused == 2  # same rules, same files: nothing read again
    monkeypatch.setattr(builder, "_EXTRACTOR", "rules-of-another-version")
    changed = builder.build([corpus], db)
    assert changed.extracted == 2 and changed.reused == 0
    assert changed.mentions == first.mentions


def test_a_file_without_a_dated_header_takes_no_date_from_what_others_say(tmp_path):
    import json

    from .conftest import run_cli

    corpus = tmp_path / "c"
    corpus.mkdir()
    # a decree whose copy lost its place/date line, and a plan that cites it with a date
    (corpus / "decree.txt").write_text(
        "CHÍNH PHỦ\nSố: 41/2023/NĐ-CP\n\nNGHỊ ĐỊNH\nVề việc quản lý kho bạc xã\n\nĐiều 1. Phạm vi.\n",
        encoding="utf-8",
    )
    (corpus / "plan.txt").write_text(
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 02 tháng 5 năm 2024\n\nKẾ HOẠCH\n"
        "Thực hiện Nghị định số 41/2023/NĐ-CP ngày 20/6/2023 của Chính phủ.\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.db"
    assert builder.build([corpus], db).files == 2
    card = json.loads(run_cli("show", "41/2023/NĐ-CP", "--json", db=db).stdout)
    doc = card.get("document", card)
    assert doc["date"] is None and "2023-06-20" in doc["dates_seen"]
