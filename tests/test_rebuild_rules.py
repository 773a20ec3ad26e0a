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
