"""Fast paths in reading a file's identity must read exactly what the plain forms they replace read."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import refgraph.identity as identity
from refgraph.identity import header
from refgraph.identity.lines import Block, Blocks, blocks, despace, has, top_text, upto
from refgraph.identity.portal import may_hold_portal, read_portal
from refgraph.text import fold

# lines a file's top is made of: header cells and lines, a portal's labels, markup, tables, headings, prose
LINES = [
    "",
    "",
    "**ỦY BAN NHÂN DÂN**",
    "TỈNH HÀ TĨNH",
    "--------",
    "|",
    "| BỘ TÀI CHÍNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
    "|---|---|",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 88/QĐ-UBND",
    "Số:",
    "3210/QĐ - UBND",
    "*Hà Tĩnh, ngày 19 tháng 11 năm 2025*",
    "QUYẾT ĐỊNH",
    "Về việc thử nghiệm một quy trình",
    "# Tin tức trong ngày",
    "## Văn bản mới",
    "**Số hiệu:**",
    "Số hiệu: 12/CV-BCĐ",
    "**Ký hiệu** :",
    "S**ố văn b**ản:",
    "SỐ**HIỆU:",
    "Loại văn bản:",
    "Ngày ban hành: 20/11/2025",
    "Kính gửi: Các sở.",
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Người dân đến làm thủ tục tại trụ sở từ sáng sớm, xếp hàng dài, chờ đến lượt được hướng dẫn"
    " điền tờ khai và nộp hồ sơ theo quy định mới của thành phố trong năm nay.",
]
top_lines = st.lists(st.sampled_from(LINES), max_size=30).map("\n".join)


@given(top_lines, st.lists(st.integers(-3, 40), max_size=8))
@settings(max_examples=300, deadline=None)
def test_blocks_made_as_asked_for_are_the_blocks_of_the_whole_top(text, asks):
    whole = blocks(text, 150)
    lazy = Blocks(top_text(text, 150))
    for n in asks:  # in any order: an index, a slice up to it, the helpers
        if -len(whole) <= n < len(whole):
            assert lazy[n] == whole[n]
        assert lazy[:n] == whole[:n] and lazy[n : n + 3] == whole[n : n + 3]
        assert upto(lazy, n) == max(0, min(len(whole), n)) and has(lazy, n) == (0 <= n < len(whole))
    assert list(lazy) == whole and len(lazy) == len(whole)


@given(top_lines)
@settings(max_examples=300, deadline=None)
def test_a_portal_is_never_skipped_by_the_label_test(text):
    top = top_text(text, 150)
    if read_portal(blocks(text, 150)) is not None:
        assert may_hold_portal(top)


@given(top_lines)
@settings(max_examples=200, deadline=None)
def test_identity_read_from_blocks_made_as_asked_for_is_that_read_from_all(text):
    with (
        mock.patch.object(identity, "Blocks", lambda top: blocks(top)),
        mock.patch.object(identity, "may_hold_portal", lambda top: True),
    ):
        plain = identity.from_text(text)
    assert identity.from_text(text) == plain


def test_the_label_test_passes_portal_labels_and_skips_other_colons():
    for top in ("**Số hiệu:**\n|\n88/QĐ-UBND", "Ký hiệu\n: 5/KH", "SỐ VĂN BẢN :", "S**ố hi**ệu**:"):
        assert may_hold_portal(top), top
    for top in ("Kính gửi: Các sở.", "Người ký:\nNguyễn Văn An", "lúc 10:30, hiệu lực", ""):
        assert not may_hold_portal(top), top


@given(st.text(), st.text())
@settings(max_examples=2000, deadline=None)
def test_a_join_folds_as_the_join_of_its_folds_but_for_the_capital_sigma(a, b):
    # what _rejoin_known relies on to fold each token once
    if "Σ" not in a + b:
        assert fold(a + b) == fold(a) + fold(b)


def test_letters_spaced_apart_are_joined_into_the_known_names_they_spell():
    assert despace("H Ồ C H Í M I N H") == "HỒ CHÍ MINH"
    assert despace("ỦY B AN NHÂN D Â N T ỈNH") == "ỦY BAN NHÂN DÂN TỈNH"


# a heading's first words, spaced apart or not, in capitals or not, then what may follow them
HEADS = [
    "QUYẾT ĐỊNH",
    "Q UYẾT ĐỊNH",
    "L U Ậ T",
    "LUẬT",
    "Luật",
    "lUẬT",
    "NGHỊ QUYẾT",
    "nghị quyết",
    "T",
    "Ủ",
    "",
]
HEAD_BITS = [" ", ".", ":", "Về", "về", "CỦA", "CHÍNH PHỦ", "T", "ỉnh", "Y BAN", "xã", "1", "\t"]
head_text = st.tuples(
    st.sampled_from(HEADS),
    st.sampled_from(["", " ", ". ", ":"]),
    st.lists(st.sampled_from(HEAD_BITS), max_size=6),
).map(lambda t: t[0] + t[1] + "".join(t[2]))


@given(head_text)
@settings(max_examples=500, deadline=None)
def test_a_block_passed_over_for_its_lower_case_head_is_no_type_heading(text):
    block = Block(text, 1, (0,), (1,))
    with mock.patch.object(header, "_lower_in_head", lambda t: False):
        plain = header.heading_in(block)
    assert header.heading_in(block) == plain
