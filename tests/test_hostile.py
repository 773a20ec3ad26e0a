"""Hostile text: the extractor stays linear, never raises, and keeps its spans honest."""

from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import extract
from refgraph.extract import pipeline

from .test_cli_extract import to_cp1258

HOSTILE = {
    "repeated open citations": lambda n: "Nghị quyết số 1-" * (n // 16),
    "endless digits": lambda n: "Chỉ thị số " + "7" * n,
    "digits and dashes": lambda n: "Nghị định số " + "12/" * (n // 3),
    "nested quotes": lambda n: "Quyết định số 5/QĐ-TTg về " + "“" * (n // 2) + "”" * (n // 2),
    "type words only": lambda n: "Nghị quyết Chỉ thị Kết luận " * (n // 28) + "1",
    "list continuations": lambda n: "Nghị quyết số 29-NQ/TW" + " và 30-NQ/TW" * (n // 12),
    "alias intros": lambda n: "(sau đây gọi tắt là Chỉ thị 07) " * (n // 32),
}


def best_time(text: str) -> float:
    times = []
    for _ in range(3):
        pipeline._CACHE.clear()
        t = time.perf_counter()
        extract(text)
        times.append(time.perf_counter() - t)
    return min(times)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_ten_times_the_input_takes_about_ten_times_as_long(name):
    make = HOSTILE[name]
    small, large = make(20_000), make(200_000)
    t1, t10 = best_time(small), best_time(large)
    # linear: 10x the text, about 10x the time (a quadratic scan would be ~100x); the floor keeps
    # timer noise on tiny inputs from deciding
    assert t10 <= 25 * max(t1, 0.002), (name, t1, t10)


@given(st.text(max_size=400, alphabet=st.characters(blacklist_categories=("Cs",))))
@settings(max_examples=200, deadline=None)
def test_never_raises_on_any_string(s):
    for m in extract(s):
        assert s[m.start : m.end] == m.text


CITING = (
    "Tiếp tục thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về bảo vệ nền tảng; "
    "Chỉ thị số 15/CT-TTg ngày 17/6/2014 của Thủ tướng Chính phủ và Kết luận số 15-KL/TW về tiếp tục "
    "thực hiện Chỉ thị số 46-CT/TW của Bộ Chính trị khóa XI. Căn cứ Nghị định số 72/2013/NĐ-CP."
)


@given(st.lists(st.booleans(), min_size=CITING.count(" "), max_size=CITING.count(" ")))
@settings(max_examples=100, deadline=None)
def test_line_splits_do_not_change_the_citations(breaks):
    words = CITING.split(" ")
    text = words[0]
    for w, brk in zip(words[1:], breaks):
        text += ("\n" if brk else " ") + w
    assert [(m.key, m.date) for m in extract(text)] == [(m.key, m.date) for m in extract(CITING)]


TCVN3_ENCODE = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
)
# (TCVN3 has no accented capitals in its ordinary font: the sample keeps to letters it can write)
SAMPLE = (
    "Thực hiện Chỉ thị số 46-CT/TW, ngày 22/6/2015 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng "
    "đối với công tác bảo đảm an ninh, trật tự; Kết luận số 15-KL/TW, ngày 30/9/2021 của Ban Bí thư và "
    "Nghị định số 13/2023/NĐ-CP, ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân trong tình hình mới."
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "nfd"])
def test_every_supported_encoding_gives_the_utf8_mentions(tmp_path, encoding):
    from refgraph.sources import read_source

    if encoding == "cp1258":
        data = to_cp1258(SAMPLE)
    elif encoding == "tcvn3":
        data = SAMPLE.translate(TCVN3_ENCODE).encode("latin-1")
    elif encoding == "nfd":
        data = unicodedata.normalize("NFD", SAMPLE).encode("utf-8")
    else:
        data = SAMPLE.encode(encoding)
    f = tmp_path / "doc.txt"
    f.write_bytes(data)
    src = read_source(f)
    want = [(m.key, m.date, m.issuer, m.relation) for m in extract(SAMPLE)]
    assert [(m.key, m.date, m.issuer, m.relation) for m in extract(src.text)] == want
    assert len(want) == 3
