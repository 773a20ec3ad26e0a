"""check reuses a store built from the same files: unchanged files are not extracted again, and the
findings are the ones a fresh check gives."""

from __future__ import annotations

import shutil

from refgraph import builder
from refgraph.builder import build
from refgraph.checks import check

from .conftest import DATA


def _counting(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = builder.extract_file

    def counted(path, data):
        seen.append(path)
        return real(path, data)

    monkeypatch.setattr(builder, "extract_file", counted)
    return seen


def test_check_reads_unchanged_files_from_the_store(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    db = tmp_path / "g.db"
    build([corpus], db=db, jobs=1)
    fresh = check([corpus], db=tmp_path / "none.db", jobs=1)

    seen = _counting(monkeypatch)
    reused = check([corpus], db=db, jobs=1)
    assert seen == []  # nothing extracted again
    assert [d.to_dict() for d in reused] == [d.to_dict() for d in fresh]

    # one file edited: that one alone is read again, and what it now says is what check reports
    target = corpus / "ha-tinh" / "kh-45-kh-ubnd.md"
    target.write_text(
        target.read_text(encoding="utf-8") + "\nThực hiện Chỉ thị số 99-CT/TW.\n", encoding="utf-8"
    )
    after = check([corpus], db=db, jobs=1, closed=True)
    assert seen == [str(target)]
    assert any(d.code == "RG111" and "99-CT/TW" in (d.key or d.message) for d in after)


def test_a_file_that_is_not_a_store_is_ignored(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus" / "ha-tinh", corpus)
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite")
    assert [d.to_dict() for d in check([corpus], db=junk, jobs=1)] == [
        d.to_dict() for d in check([corpus], db=tmp_path / "none.db", jobs=1)
    ]
