"""Shortcuts taken for speed in check, status and the store give exactly what the plain code gives: the
province search, the passive statement test, the store's bulk read of mentions."""

from __future__ import annotations

import dataclasses
import random
import re
import sys

from refgraph import status
from refgraph.builder import build
from refgraph.checks import rules
from refgraph.models import Mention
from refgraph.store import mention_from_json, open_store

from .conftest import DATA


def test_only_four_characters_beyond_ascii_match_ascii_letters_ignoring_case():
    # the fast paths lower-case text and search case-sensitively unless one of these is present
    letter = re.compile("[a-z0-9]", re.I)
    twins = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c))}
    assert twins == set(status._CASE_TWINS)
    assert all(rules._CASE_TWINS.fullmatch(c) for c in twins) and not rules._CASE_TWINS.search("iskIS")


_PLACES = [
    "Hà Nội",
    "hà nội",
    "Thành phố Hồ Chí Minh",
    "TP.HCM",
    "Tp. Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu",
    "Điện Biên Phủ",
    "diễn biến",
    "Hòa Bình",
    "Huế",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Cần Thơ",
    "Bắc Ninh",
]
_GLUE = [" ", ", ", "x", "2", "-", ". ", " tỉnh ", "\n", "ı", "K", "İ", "ſ", "Ha Noi", "HA NOI"]


def test_province_hits_are_those_of_the_plain_pattern():
    rnd = random.Random(7)
    plain = rules._province_regex()
    for _ in range(400):
        text = "".join(rnd.choice(_PLACES + _GLUE) for _ in range(rnd.randint(1, 12)))
        folded = rules._fold_keep_case(text)
        assert list(rules._province_hits(folded)) == [m.span() for m in plain.finditer(folded)], text


def test_provinces_named_in_a_sentence():
    said = "Ủy ban nhân dân tỉnh Bắc Ninh phối hợp với TP.HCM; tình hình diễn biến phức tạp ở Hanoi"
    assert rules.provinces_in(said) == {"bac ninh", "ho chi minh"}


_BEFORE = ["Nghị định này ", "đã được ", "được ", "bị ", "Được ", "ĐÃ BỊ ", "không "]
_VERBS = [
    "sửa đổi",
    "sửa đổi, bổ sung",
    "bổ  sung",
    "thay thế",
    "bãi bỏ",
    "hủy bỏ",
    "ban hành",
    "điều chỉnh, ",
]
_AFTER = ["", " một số điều", " bởi", " tại", " theo ", " bằng\n", " của", " Bởi", "  ", "\n\n", "ı", "."]


def test_passive_test_agrees_with_the_pattern():
    rnd = random.Random(3)
    for _ in range(2000):
        parts = [rnd.choice(_BEFORE), rnd.choice(_VERBS), rnd.choice(_AFTER), rnd.choice(_AFTER)]
        between = "".join(parts[: rnd.randint(1, 4)])
        fast, plain = status._passive(between), status._PASSIVE.search(between)
        assert (fast and fast.span()) == (plain and plain.span()), repr(between)


def test_bulk_read_of_mentions_is_the_per_file_read(tmp_path):
    db = tmp_path / "g.db"
    build([DATA / "corpus"], db=db, jobs=1)
    with open_store(db) as store:
        paths = sorted(store.cached_files())
        bulk = store.all_cached_mentions([*paths, "not/in/the/store.md"])
        assert bulk["not/in/the/store.md"] == ([], [])
        assert sum(len(bulk[p][0]) for p in paths) == store.count("mentions") > 0
        for p in paths:
            assert bulk[p] == store.cached_mentions(p)


def test_a_mention_row_missing_newer_fields_still_reads():
    m = Mention(10, 20, 3, "Luật Đất đai", None, "Luật", name="Luật Đất đai", flags=("named",))
    import json

    row = m.to_dict()
    assert mention_from_json(json.dumps(row), "a.md") == dataclasses.replace(m, source="a.md")
    del row["name"], row["passage"]  # what an older writer left out
    assert mention_from_json(json.dumps(row), "a.md") == dataclasses.replace(m, source="a.md", name=None)


def test_check_takes_statements_from_a_store_built_of_the_same_inputs(tmp_path, monkeypatch):
    import shutil

    from refgraph import builder
    from refgraph.checks import check

    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    db = tmp_path / "g.db"
    build([corpus], db=db, jobs=1)
    fresh = [d.to_dict() for d in check([corpus], db=tmp_path / "none.db", jobs=1)]

    calls: list[int] = []
    real = status.statements
    monkeypatch.setattr(status, "statements", lambda col: calls.append(1) or real(col))
    assert [d.to_dict() for d in check([corpus], db=db, jobs=1)] == fresh
    assert calls == []  # read from the store

    monkeypatch.setattr(builder, "code_fingerprint", lambda: "other code")
    assert [d.to_dict() for d in check([corpus], db=db, jobs=1)] == fresh
    assert calls == [1]  # other code: computed again

    monkeypatch.undo()
    monkeypatch.setattr(status, "statements", lambda col: calls.append(1) or real(col))
    page = corpus / "ha-tinh" / "kh-45-kh-ubnd.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMột dòng thêm vào cuối.\n", encoding="utf-8")
    check([corpus], db=db, jobs=1)
    assert calls == [1, 1]  # a file changed: computed again
