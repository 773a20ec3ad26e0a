"""The normalizer: idempotent, and NFD/NFC or noisy spellings give the same keys at the same places."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import extract
from refgraph import text as text_mod
from refgraph.text import _clean, fold, normalize

from .conftest import ROOT

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
    # one dash: an en dash in a ministry's name folds like the hyphen
    assert fold("Lao động – Thương binh") == fold("Lao động - Thương binh") == "lao dong - thuong binh"


# ---- the sparse normalizer against the reference: one character and its marks at a time, with an
# offset per normalized character (simple, slow, and what the offsets mean)
_REF_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


def _reference(original: str) -> tuple[str, list[int] | None]:
    """(text before noise translation, original offset of each normalized character or None)."""
    if unicodedata.is_normalized("NFC", original):
        return original, None
    out: list[str] = []
    starts: list[int] = []
    for m in _REF_CLUSTER.finditer(original):
        cluster = m.group()
        nfc = unicodedata.normalize("NFC", cluster) if len(cluster) > 1 else cluster
        out.append(nfc)
        starts.extend([m.start()] * len(nfc))
    text = "".join(out)
    if starts == list(range(len(original))):
        return text, None
    return text, starts


def _check_against_reference(s: str) -> None:
    ref_text, ref_starts = _reference(s)
    n = normalize(s)
    assert n.text == _clean(ref_text)
    wanted = [
        i if ref_starts is None else (ref_starts[i] if i < len(ref_starts) else len(s))
        for i in range(len(n.text) + 1)
    ]
    for i, want in enumerate(wanted):
        assert n.to_original(i) == want, (s, i)
    # the map resumes from the offset asked before when it can: asked backwards and out of order too
    order = list(range(len(wanted)))[::-1]
    order = order[::2] + order[1::2]
    n = normalize(s)
    for i in order:
        assert n.to_original(i) == wanted[i], (s, i)


MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b", "\u0340", "\u0344"]
EXOTIC = ["\u2126", "\u0374", "\u1100", "\u1161", "\u11a8", "가", "\u0e48", "\u0e32", "\u093c", "\u05b0", "Ω"]
nfd_text = st.lists(
    st.sampled_from(list(VI + "aeiouyAEIOUDdx -/\n0123456789") + MARKS + EXOTIC), max_size=120
).map(lambda cs: unicodedata.normalize("NFD", "".join(cs)) if len(cs) % 2 else "".join(cs))


@given(nfd_text | st.text(max_size=60))
@settings(max_examples=600, deadline=None)
def test_sparse_map_gives_the_reference_offsets(s):
    _check_against_reference(s)


@pytest.mark.parametrize("block", [1, 2, 3, 7])
def test_sparse_map_across_many_blocks(block, monkeypatch):
    """Tiny blocks put block boundaries everywhere: next to marks, exotic characters and clusters."""
    monkeypatch.setattr(text_mod, "BLOCK", block)
    samples = [
        unicodedata.normalize("NFD", " ".join(CITING)),
        "\u0301\u0323a" + unicodedata.normalize("NFD", CITING[0]),  # opens with marks
        "x\u0301 Ω \u0340y\u0344 " + unicodedata.normalize("NFD", CITING[1]),
        "\u1100\u1161\u11a8 " + unicodedata.normalize("NFD", "Nghị quyết") + "\u0e01\u0e48\u0e32",
    ]
    for s in samples:
        _check_against_reference(s)


def test_unsafe_table_matches_this_pythons_unicode():
    """vocab/nfc_unsafe.tsv lists every character that could make bulk NFC differ from cluster NFC."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_nfc_unsafe", ROOT / "scripts" / "make_nfc_unsafe.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    listed = set()
    for line in (
        (ROOT / "src" / "refgraph" / "vocab" / "nfc_unsafe.tsv").read_text(encoding="utf-8").splitlines()
    ):
        if line and not line.startswith("#"):
            a, b = (int(x, 16) for x in line.split("\t"))
            listed.update(range(a, b + 1))
    assert {cp for cp in gen.unsafe() if cp <= 0xFFFF} <= listed  # beyond the BMP all are unsafe


def test_decomposed_text_costs_a_few_bytes_per_byte():
    """The offset map is sparse: composing decomposed text holds about the text twice, not a tuple per
    character (that was 50 bytes per input byte)."""
    import tracemalloc

    s = unicodedata.normalize("NFD", " ".join(CITING) + "\n") * 3000
    tracemalloc.start()
    n = normalize(s)
    n.span_to_original(10, 20)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak / len(s.encode("utf-8")) <= 5


def test_emphasis_splitting_a_number_does_not_make_two_numbers():
    from refgraph.extract import extract

    text = "Căn cứ Thông tư số 21/2019/TT-BYT ngày 05/8/**201**9** và Nghị định số **4**7/2020/NĐ-CP."
    found = {m.key: m.date and m.date.isoformat() for m in extract(text)}
    assert found == {"21/2019/TT-BYT": "2019-08-05", "47/2020/NĐ-CP": None}
    n = normalize(text)
    assert len(n.text) == len(text) and "2019****" in n.text and "**47**/2020" in n.text


# ---- fast forms of the normalizer's and the folder's steps against their plain forms


@given(st.text(alphabet=st.sampled_from(list("0123456789AZĐa*/- \n.x")), max_size=60))
@settings(max_examples=400, deadline=None)
def test_split_numbers_joined_stretch_by_stretch_as_on_the_whole_text(s):
    assert text_mod._join_split_numbers(s) == text_mod._SPLIT_NUMBER.sub(text_mod._join_number, s)


@given(st.text(max_size=60) | st.text(alphabet=alphabet, max_size=60))
@settings(max_examples=300, deadline=None)
def test_fold_by_table_is_the_reference_fold(s):
    assert text_mod._fold(s) == text_mod._fold_reference(s)


def test_fold_by_table_on_every_character():
    every = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    assert text_mod._fold(every) == text_mod._fold_reference(every)


def test_a_text_normalized_again_gives_the_same_and_its_top_is_the_tops_normalization():
    body = "Căn cứ Nghị định số **4**7/2020/NĐ\u2013CP;\r\n" * 40 + "Ngày 5/12/2025\n" * 20
    first = normalize(body)
    assert normalize(body) is first  # remembered: one text, normalized once
    assert first == text_mod._normalize(("." + body)[1:])
    cut = body.find("\n", 300)
    assert text_mod.normalized_top(body, cut) == normalize(body[:cut]).text
    # decomposed text has a map: its top is normalized on its own
    nfd = unicodedata.normalize("NFD", body)
    normalize(nfd)
    assert text_mod.normalized_top(nfd, nfd.find("\n", 300)) is None
    assert text_mod.normalized_top("another text " * 30, 10) is None
