"""The extraction core's lazy and cached forms must answer exactly what the plain forms they replace do."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import vocab
from refgraph.extract import context, extract, issuers, parse, pipeline, relations
from refgraph.models import Mention
from refgraph.text import DASHES

# sentence material: words, the punctuation a boundary is made of, quotes, bars, blank lines, headings
BITS = [
    "Một",
    "hai",
    "Ba",
    "3.",
    "1.2.",
    "a)",
    ". ",
    "! ",
    "?",
    "…",
    "\n",
    "\n\n",
    " \n",
    '"',
    "”",
    ")",
    "|",
    "# ",
    "x",
    " ",
]
sentence_text = st.lists(st.sampled_from(BITS), max_size=80).map("".join)


def _by_full_scan(text: str) -> list[int]:
    return [m.end() for m in relations._BOUNDARY.finditer(text)]


@given(sentence_text, st.integers(1, 40), st.data())
@settings(max_examples=400, deadline=None)
def test_sentence_blocks_answer_as_the_scan_of_the_whole_text(text, block, data):
    full = _by_full_scan(text)
    old = relations.SENTENCE_BLOCK
    relations.SENTENCE_BLOCK = block  # small blocks: many cuts inside a short text
    try:
        s = relations._Sentences(text)
        for _ in range(6):
            hi = data.draw(st.integers(0, len(text)))
            lo = data.draw(st.integers(0, hi + 1))
            i = bisect.bisect_right(full, hi) - 1
            assert s.last_in(lo, hi) == (full[i] if i >= 0 and full[i] >= lo else None)
            assert s.start_of(hi) == (full[i] if i >= 0 else 0)
        every = [e for k in range(len(text) // block + 2) for e in s._block(k)]
        assert every == full
    finally:
        relations.SENTENCE_BLOCK = old


def test_mentions_built_without_init_equal_those_init_builds():
    text = (
        "Căn cứ Nghị định số 15/2020/NĐ-CP ngày 3/2/2020 của Chính phủ;\n"
        "Thực hiện Thông tư liên tịch số 84/2005/TTLT-BTC-BLĐTBXH của Bộ Tài chính – Bộ Lao động – Thương"
        " binh và Xã hội về chế độ, Chỉ thị số 05-CT/TW."
    )
    mentions = extract(text, source="a.txt")
    assert len(mentions) == 3
    for m in mentions:
        assert m == Mention(**vars(m))
        assert list(vars(m)) == list(Mention.__dataclass_fields__)
    assert "–" in mentions[1].issuer  # the text's own dash given back


@given(st.text(alphabet=st.sampled_from(list("ab -–—") + ["\u2212"]), max_size=40), st.data())
@settings(max_examples=300, deadline=None)
def test_dash_positions_answer_as_a_search_of_the_stretch(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text) + 3))
    found = pipeline._Dashes(text).near(lo, hi)
    assert found == any(c in DASHES for c in text[lo:hi])


@given(
    st.lists(
        st.sampled_from(["của", "Bộ", "Tài", "chính", "UBND", "tỉnh", "Cà", "Mau", "về", "và", ","]),
        max_size=10,
    ),
    st.integers(0, 5),
)
@settings(max_examples=300, deadline=None)
def test_issuer_cut_remembered_answers_as_the_cut_of_the_words_in_place(words, pad):
    text = "x" * pad + " ".join(words)
    offsets, at = [], pad
    for w in words:
        offsets.append((at, at + len(w)))
        at += len(w) + 1
    rel = tuple((s - pad, e - pad) for s, e in offsets)
    for _ in range(2):  # the second answer comes from memory
        got = issuers.cut_at(text, pad, rel)
        want = issuers.cut(text, tuple(offsets))
        shift = lambda x: None if x is None else x + pad  # noqa: E731
        assert (got.name, shift(got.end), shift(got.title_start), got.rule) == tuple(want)


GUARD_BITS = [
    "đã",
    "Đã",
    "ĐÃ",
    "việc",
    "VIỆC",
    "về",
    "Về",
    "VỀ",
    "v/v",
    "V/V",
    "tổng kết",
    "Kế hoạch",
    "của",
    "Bộ",
]
guarded_text = st.lists(st.sampled_from(GUARD_BITS + [" ", ",", "\n", "x", "*", "İ"]), max_size=14).map(
    " ".join
)


@given(guarded_text, st.data())
@settings(max_examples=400, deadline=None)
def test_a_pattern_asked_only_where_its_word_is_finds_what_it_finds_everywhere(s, data):
    lo = data.draw(st.integers(0, len(s)))
    hi = data.draw(st.integers(lo, len(s)))
    for word, rx in (
        ("đã", relations._REPORTED),
        ("việc", relations._REVIEWED),
        ("về", relations._described_regex()),
    ):
        if relations._absent(s, word, lo, hi) and (word != "về" or relations._absent(s, "v/v", lo, hi)):
            assert rx.search(s, lo, hi) is None


def _plain_word_alts(phrases) -> str:
    return rf"(?<![^\W\d_])(?:{context._alts(phrases)})"


VERB_BITS = [
    "đã ban hành",
    "ban hành",
    "ký",
    "(",
    "tại",
    "Tại",
    "vừa ký",
    "Chính phủ",
    "Thủ tướng",
    "Bộ",
    "UBND",
]
verb_text = st.lists(st.sampled_from(VERB_BITS + [" ", "*", "x", "\n", "đã", "ừa"]), max_size=12).map("".join)


@given(verb_text, st.data())
@settings(max_examples=400, deadline=None)
def test_grouped_word_alternatives_match_as_the_plain_alternation(s, data):
    lo = data.draw(st.integers(0, len(s)))
    hi = data.draw(st.integers(lo, len(s)))
    verbs = vocab.issuer_phrases("issues") + vocab.issuer_phrases("issues_dated")
    plain_verbs = re.compile(rf"(?:{_plain_word_alts(verbs)}(?![^\W\d_])[\s*]*)+$|\([\s*]*$")
    plain_heads = re.compile(rf"{_plain_word_alts(vocab.issuer_phrases('head'))}(?![^\W\d_])")
    for fast, plain in ((context._verbs_at_end(), plain_verbs), (context._heads(), plain_heads)):
        assert [m.span() for m in fast.finditer(s, lo, hi)] == [m.span() for m in plain.finditer(s, lo, hi)]
        got, want = fast.search(s, lo, hi), plain.search(s, lo, hi)
        assert (got and got.span()) == (want and want.span())


CONNECTIVE_BITS = [
    "gắn với",
    "Gắn  với",
    "GẮN VỚI",
    "đồng thời",
    "cùng\nvới",
    "kết hợp với",
    "xgắn với",
    "ı",
    "İ",
]
connective_text = st.lists(st.sampled_from(CONNECTIVE_BITS + [" ", ",", "a", "\n"]), max_size=10).map("".join)


@given(connective_text, st.data())
@settings(max_examples=300, deadline=None)
def test_last_connective_found_as_the_case_insensitive_pattern_finds_it(s, data):
    lo = data.draw(st.integers(0, len(s)))
    hi = data.draw(st.integers(lo, len(s)))
    slow = None
    for m in relations._connective_regex().finditer(s, lo, hi):
        slow = m
    fast = relations._last_connective(s, lo, hi)
    assert (fast and fast.span()) == (slow and slow.span())


def test_a_list_heading_names_the_body_of_its_items_only():
    # the citations under the heading, up to the blank line that ends its list, found by bisection
    text = (
        "Trước đó có Chỉ thị số 03-CT/TU năm 2019.\n\n"
        "Thực hiện các chỉ thị của Ban Thường vụ Tỉnh ủy:\n"
        "- Chỉ thị số 05-CT/TU ngày 2/3/2020 về công tác cán bộ;\n"
        "- Kế hoạch số 11-KH/TU ngày 3/3/2020 về đào tạo;\n"
        "- Chỉ thị số 07-CT/TU ngày 4/5/2021 về chuyển đổi số.\n\n"
        "Sau đó Chỉ thị số 09-CT/TU năm 2022 được ban hành."
    )
    issuers_by_key = {m.key: m.issuer for m in extract(text)}
    assert issuers_by_key["05-CT/TU"] == issuers_by_key["07-CT/TU"] == "Ban Thường vụ Tỉnh ủy"
    assert issuers_by_key["03-CT/TU"] is None and issuers_by_key["09-CT/TU"] is None
    assert issuers_by_key["11-KH/TU"] is None  # a plan under a heading of directives


def test_the_document_named_by_its_own_number_is_the_subject_of_the_act_after_it():
    # its own number is looked for among the citations of that key only
    text = (
        "Bài viết giới thiệu văn bản mới. Nội dung chính: Thông tư 128/2025/TT-BQP đã sửa đổi một số điểm của "
        "Thông tư 67/2024/TT-BQP về chế độ trang phục. Nghị định 15/2020/NĐ-CP vẫn giữ nguyên."
    )
    own = {m.key: m.relation for m in extract(text, own="128/2025/TT-BQP")}
    assert own == {"128/2025/TT-BQP": "cites", "67/2024/TT-BQP": "amends", "15/2020/NĐ-CP": "cites"}
    other = {m.key: m.relation for m in extract(text, own="01/2025/TT-BQP")}  # not named in the text
    assert set(other.values()) == {"cites"}


# material for "X này": type words in several cases, "này" glued to letters or not, case-changing letters
SELF_BITS = [
    "Kế hoạch",
    "KẾ HOẠCH",
    "kế hoạch",
    "Quyết định",
    "Văn bản",
    "văn  bản",
    "Nghị quyết",
    " ",
    "\n",
    "này",
    "NÀY",
    "nàyx",
    "x",
    "đã",
    "İ",
    ".",
    "Thông tư liên tịch",
]


@given(st.lists(st.sampled_from(SELF_BITS), max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_self_mentions_are_those_of_the_whole_text_scan(text):
    # looking only before each "này" must find what the pattern finds run over the whole text
    want = [(m.start(), m.end()) for m in relations._self_regex().finditer(text)]
    assert [(m.start(), m.end()) for m in relations._self_mentions(text)] == want


# windows as the scan cuts them: a type word (or an alias intro, an abbreviation) first, then the pieces
# citations and the prose around them are made of
WINDOW_HEADS = ["Nghị quyết", "quyết định", "Quy định", "Chỉ thị", "Kế hoạch", "Luật", "văn bản", "NQ", "("]
WINDOW_BITS = [
    ",", ";", ":", "-", "/", ".", "(", ")", "_", "|", "số", "Số:", "SỐ", "12", "05", "1", "2020", "1945",
    "12.1", "5A", "12/NQ-CP", "31/2024/QH15", "05-CT/TW", "12.1/2019/QĐ-UBND", "5A/QĐ", "3/NQ/1976", "NQ",
    "QĐ-TTg", "CT/TW", "TW", "của", "Chính phủ", "Bộ Chính trị", "Đất đai", "ngày", "tháng", "năm",
    "Trung ương", "khóa", "XII", "về", "tại", "khoản", "Điều", "này", "sau đây gọi tắt là", "liên tịch",
]  # fmt: skip
window_text = st.tuples(
    st.sampled_from(WINDOW_HEADS),
    st.lists(
        st.tuples(st.sampled_from([" ", " ", "", "\n", " *"]), st.sampled_from(WINDOW_BITS)), max_size=10
    ),
).map(lambda t: t[0] + "".join(sep + bit for sep, bit in t[1]))


def _parsed_without_the_test(window: str):
    old = parse.could_parse
    parse.could_parse = lambda w: True
    try:
        return parse.parse_window(window)
    finally:
        parse.could_parse = old


@given(window_text)
@settings(max_examples=1500, deadline=None)
def test_windows_not_given_to_the_parser_are_those_it_would_refuse(window):
    if not parse.could_parse(window):
        assert _parsed_without_the_test(window) is None


def test_the_parser_is_spared_prose_and_still_given_each_citation_form():
    for citation in (
        "Chỉ thị 07 của Ban Bí thư",
        "Nghị quyết Trung ương 4 khóa XII",
        "Nghị quyết số 12-NQ/TW",
        "Luật Đất đai 2024 số 31/2024/QH15",
        "Quyết định của Thủ tướng Chính phủ số 5/QĐ-TTg",
        "Thông tư 84/2005/TTLT-BTC",
        "Quyết định 12.1/2019/QĐ-UBND",
    ):
        assert parse.could_parse(citation) and parse.parse_window(citation) is not None, citation
    for prose in ("quy định tại khoản 1 Điều 15", "Kế hoạch này.\n\n2. Nội dung", "chương trình | [86]"):
        assert not parse.could_parse(prose), prose
        assert _parsed_without_the_test(prose) is None, prose
