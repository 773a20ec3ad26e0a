"""The normalizer: idempotent, and NFD/NFC or noisy spellings give the same keys at the same places."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import extract
from refgraph.text import fold, normalize

VI = "ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđĐ"
alphabet = st.sampled_from(list(VI + "abcNQTW-/ 0123456789\n\u00a0\u200b\u2013\u00d0") + ["\u0301", "\u0323"])


@given(st.text(alphabet=alphabet, max_size=80) | st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent_and_maps_offsets(s):
    n = normalize(s)
    assert normalize(n.text).text == n.text
    # every normalized offset maps inside the original, monotonically
    prev = 0
    for i in range(len(n.text) + 1):
        o = n.to_original(i)
        assert 0 <= o <= len(s)
        assert o >= prev
        prev = o


CITING = [
    "Tiếp tục thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về bảo vệ nền tảng.",
    "Căn cứ Nghị định số 72/2013/NĐ-CP; Chỉ thị số 15/CT-TTg ngày 17/6/2014 của Thủ tướng Chính phủ.",
    "Kết luận số 15-KL/TW về tiếp tục đẩy mạnh thực hiện Chỉ thị số 46-CT/TW (khóa XI) của Bộ Chính trị.",
]


@given(st.sampled_from(CITING), st.text(alphabet=st.sampled_from(list(VI + " .,\n")), max_size=30))
@settings(max_examples=150, deadline=None)
def test_nfd_and_nfc_give_same_keys_and_spans(citing, prefix):
    nfc = unicodedata.normalize("NFC", prefix + " " + citing)
    nfd = unicodedata.normalize("NFD", nfc)
    a, b = extract(nfc), extract(nfd)
    assert [m.key for m in a] == [m.key for m in b]
    assert [m.date for m in a] == [m.date for m in b]
    for ma, mb in zip(a, b):
        # the same characters, in each text's own offsets
        assert unicodedata.normalize("NFC", nfd[mb.start : mb.end]) == nfc[ma.start : ma.end]
        assert nfd[mb.start : mb.end] == mb.text


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_extract_never_raises_and_spans_are_surface(s):
    for m in extract(s):
        assert 0 <= m.start < m.end <= len(s)
        assert s[m.start : m.end] == m.text


@given(st.sampled_from(CITING), st.sampled_from([" ", "  ", "\n", "\u00a0", " \n\n "]))
@settings(max_examples=60, deadline=None)
def test_spacing_inside_citations_does_not_change_keys(citing, space):
    respaced = citing.replace(" ", space)
    assert [m.key for m in extract(respaced)] == [m.key for m in extract(citing)]


def test_fold():
    assert fold("Chỉ thị 46-CT/TW") == "chi thi 46-ct/tw"
    assert fold("ĐẢNG") == "dang"
