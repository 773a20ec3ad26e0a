"""Fast paths in extraction must find exactly what the slower forms they replace find."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import extract
from refgraph.extract import context, named, relations, scan
from refgraph.text import lowered

# letters of the type words in both cases, the characters the regex engine folds specially, and a few
# that change length when lower-cased
LETTERS = "luậtLUẬTbộBỘpháplệnhPHÁPLỆNHhiếnHIẾNchươngtrìnhCHƯƠNGTRÌNHđềánĐỀÁNkếhoạchKẾHOẠCHdanhmụcvănkiện"
ODD = "ıſİKẞΣσς"
text_strategy = st.text(alphabet=st.sampled_from(list(LETTERS + ODD + " \n,.1")), max_size=60) | st.lists(
    st.sampled_from(
        ["Luật", "luật", "LUẬT", "Bộ luật", "bộ  luật", "chương\ntrình", "Kế hoạch", "kiện", "ı", "İ"]
    ),
    max_size=12,
).map(" ".join)


@given(text_strategy)
@settings(max_examples=400, deadline=None)
def test_lowered_text_matches_without_ignore_case_as_with_it(s):
    low = lowered(s)
    if low is None:
        return
    with_i = [m.span() for m in named.named_type_regex().finditer(s.lower())]
    without = [m.span() for m in named.named_type_regex(False).finditer(low)]
    assert without == with_i


def test_lowered_refuses_text_whose_offsets_or_folding_would_differ():
    assert lowered("Luật Đất đai") == "luật đất đai"
    assert lowered("İstanbul") is None  # lower-cased, the dotted capital I becomes two characters
    assert lowered("chương trınh") is None  # dotless ı: re.I equates it with i, lower() keeps it


CAPITAL_WORDS = [
    "Nghị quyết",
    "nghị định",
    "NGHỊ ĐỊNH",
    "Thông Báo",
    "thông Báo cáo",
    "Luật",
    "Bộ luật",
    "kế Hoạch",
]
capital_text = st.lists(
    st.sampled_from(CAPITAL_WORDS + ["quy", "Định", "x", ",", "\n", "ı", "İ", "Kế", "hoạch"]), max_size=14
).map(" ".join)


@given(capital_text | text_strategy)
@settings(max_examples=400, deadline=None)
def test_capital_type_words_found_as_the_case_sensitive_lookahead_finds_them(s):
    for named_too in (False, True):
        slow = [m.span() for m in named._capital_type_regex(named_too).finditer(s)]
        assert list(named.capital_types(s, named_too)) == slow


def test_a_lower_case_type_word_does_not_hide_a_capital_one_it_overlaps():
    # "thông Báo cáo": the lower-case "thông báo" is no hit, and the search goes on to "Báo cáo"
    s = "thông Báo cáo"
    assert list(named.capital_types(s, False)) == [(6, 13)]


def _word_before_by_pattern(text: str, pos: int) -> str:
    m = re.search(r"([^\W\d_]+)[\s*_]*$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


@given(st.text(alphabet=st.sampled_from(list("aĐb Xyz*_\n\t\u00a0\u2003129٣²½,.")), max_size=50), st.data())
@settings(max_examples=500, deadline=None)
def test_word_before_reads_backwards_what_the_pattern_finds(s, data):
    pos = data.draw(st.integers(0, len(s)))
    assert named._word_before(s, pos) == _word_before_by_pattern(s, pos)


@given(st.text(alphabet=st.sampled_from(list("a ;\n1٣²x")), max_size=120))
@settings(max_examples=400, deadline=None)
def test_digit_soon_agrees_with_the_lazy_pattern(tail):
    # a type word is kept as an anchor only when a digit follows soon, before any semicolon
    text = "nghị định " + tail
    kept = scan._word_anchors(text) == [0]
    assert kept == (re.compile(r"[^;]{0,90}?\d").match(text, len("nghị định")) is not None)


def test_digit_reach_is_ninety_characters_after_the_type_word():
    assert scan._word_anchors("nghị định" + " " * 90 + "1") == [0]
    assert scan._word_anchors("nghị định" + " " * 91 + "1") == []
    assert scan._word_anchors("nghị định ; 1") == []


PHRASE_BITS = [
    "Căn cứ",
    "căn  cứ",
    "CĂN CỨ",
    "thực hiện",
    "Thực **hiện",
    "sửa đổi, bổ sung",
    "bãi bỏ",
    "xcăn cứ",
]
phrase_text = st.lists(
    st.sampled_from(PHRASE_BITS + ["ı", "İ", " ", "\n", "(", ")", "a", ","]), max_size=12
).map("".join)


@given(phrase_text, st.data())
@settings(max_examples=400, deadline=None)
def test_relation_phrases_found_as_the_case_insensitive_pattern_finds_them(s, data):
    lo = data.draw(st.integers(0, len(s)))
    hi = data.draw(st.integers(lo, len(s)))
    slow = [(m.start(), m.end(), m.group()) for m in relations._phrase_regex().finditer(s, lo, hi)]
    assert [(m.start(), m.end(), m.group()) for m in relations.phrases(s, lo, hi)] == slow


def _open_bracket_by_walking(text: str, lo: int, pos: int) -> int | None:
    depth = 0
    for j in range(pos - 1, lo - 1, -1):
        if text[j] == ")":
            depth += 1
        elif text[j] == "(":
            if depth == 0:
                return j + 1
            depth -= 1
    return None


@given(st.text(alphabet=st.sampled_from(list("()ab ")), max_size=30), st.data())
@settings(max_examples=400, deadline=None)
def test_open_bracket_agrees_with_the_walk_back(s, data):
    lo = data.draw(st.integers(0, len(s)))
    pos = data.draw(st.integers(lo, len(s)))
    assert relations._open_bracket(s, lo, pos) == _open_bracket_by_walking(s, lo, pos)


@given(
    st.lists(
        st.sampled_from(["hết hiệu lực", "HẾT hiệu lực", "xhết hiệu lực", "hết", "ı", " ", "a"]), max_size=8
    )
)
@settings(max_examples=200, deadline=None)
def test_expiry_search_from_the_first_word_finds_what_the_full_search_finds(parts):
    s = " ".join(parts)
    start = relations._first_of(s, "hết", 0, len(s))
    fast = relations._EXPIRES.search(s, start, len(s))
    slow = relations._EXPIRES.search(s, 0, len(s))
    assert (fast and fast.span()) == (slow and slow.span())


def test_the_capitals_of_each_first_letter_are_every_character_python_folds_to_it():
    # the table of extra cases must hold for this Python's Unicode: every character that the
    # case-insensitive pattern matches with the letter and the capital lookahead lets through
    patterns = (scan.type_word_regex().pattern, named.named_type_regex().pattern)
    letters = {a[:1] for p in patterns for a in named._split_alternatives(named._alternatives(p))} | {
        "i",
        "s",
    }
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for letter in letters:
        found = {m.group() for m in re.finditer(f"(?=(?-i:[^\\W\\d_a-zà-ỹđ])){letter}", every, re.I)}
        assert set(named.capitals_of(letter)) == found, letter


BODY_BITS = ["Chính phủ", "Bộ trưởng", " đã ban hành", " vừa ký", "ban hành", "(", "*", " ", "\n", "x", "."]


@given(st.lists(st.sampled_from(BODY_BITS), max_size=10).map("".join))
@settings(max_examples=400, deadline=None)
def test_body_before_asks_the_last_character_only_where_the_pattern_would_fail(s):
    class Every:  # the early exit switched off: every last character may end a verb
        def __contains__(self, _: object) -> bool:
            return True

    with mock.patch.object(context, "_verb_ends", Every):
        slow = context.body_before(s, 0, len(s))
    assert context.body_before(s, 0, len(s)) == slow


SELF_BITS = [
    "Quyết định này",
    "QUYẾT ĐỊNH NÀY",
    "văn bản  này",
    "Căn cứ pháp lý",
    "CƠ SỞ PHÁP LÝ",
    "là căn cứ",
    "ı",
    " ",
]


@given(st.lists(st.sampled_from(SELF_BITS + ["x", "\n", "nàyx"]), max_size=8).map("".join), st.data())
@settings(max_examples=300, deadline=None)
def test_lower_cased_searches_find_what_the_case_insensitive_ones_find(s, data):
    lo = data.draw(st.integers(0, len(s)))
    hi = data.draw(st.integers(lo, len(s)))
    fast = relations._search_lowered(s, relations._self_regex(), relations._self_regex(False), lo, hi)
    assert fast == (relations._self_regex().search(s, lo, hi) is not None)
    low = lowered(s)
    if low is not None:
        spans = [m.span() for m in relations._LEGAL_BASIS_LOWER.finditer(low, lo, hi)]
        assert spans == [m.span() for m in relations._LEGAL_BASIS.finditer(s, lo, hi)]


@given(
    st.lists(
        st.sampled_from(["Nghị định số 12/2020/NĐ-CP", "Luật Đất đai", "\n", "\r\n", " x ", "̀"]), max_size=12
    )
)
@settings(max_examples=150, deadline=None)
def test_line_numbers_counted_between_mentions_are_the_lines_of_their_starts(parts):
    text = "".join(parts)
    for m in extract(text):
        assert m.line == 1 + text.count("\n", 0, m.start)


def test_the_named_reference_parser_is_kept_between_processes_and_reads_the_same(tmp_path, monkeypatch):
    from refgraph.extract import parse

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("REFGRAPH_NO_CACHE", raising=False)
    starts = ["named_head", "named_tail", "alias_definition", "amending_head", "described_head"]
    built = parse.cached_lark(starts, "named")  # analyses the grammar and keeps the tables
    kept = list((tmp_path / "refgraph").glob("named-grammar-*.cache"))
    assert len(kept) == 1
    seen = []
    real_lark = parse.Lark

    def recording(*args, **kwargs):
        seen.append(kwargs.get("cache"))
        return real_lark(*args, **kwargs)

    monkeypatch.setattr(parse, "Lark", recording)
    loaded = parse.cached_lark(starts, "named")  # from the kept tables
    assert seen == [str(kept[0])]  # the second parser was built from the file the first one kept
    window = " ngày 25 tháng 11 năm 2015 của Quốc hội"
    assert str(built.parse(window, start="named_tail")) == str(loaded.parse(window, start="named_tail"))


HEADING_BITS = [
    "Căn cứ các Luật của Quốc hội:",
    "CÁC QUYẾT ĐỊNH CỦA Thủ tướng",
    " số 12",
    "xcác Luật của Bộ:",
    "\n",
    " ",
    "ı",
]


@given(st.lists(st.sampled_from(HEADING_BITS), max_size=6).map("".join))
@settings(max_examples=300, deadline=None)
def test_list_headings_found_on_lower_cased_text_as_the_case_insensitive_pattern_finds_them(s):
    low = lowered(s)
    if low is None:
        return
    slow = [(m.span(), m.span(2), m.group(1).lower()) for m in context._LIST_HEADING.finditer(s)]
    fast = [(m.span(), m.span(2), m.group(1)) for m in context._LIST_HEADING_LOWER.finditer(low)]
    assert fast == slow


ARTICLE_BITS = ["Điều 1.", "ĐIỀU 2:", "**Điều 3.**", "điều 4a.", "\n", "| ", "x", " ", "Điều"]


@given(st.lists(st.sampled_from(ARTICLE_BITS), max_size=10).map("".join))
@settings(max_examples=300, deadline=None)
def test_article_headings_found_in_two_parts_as_the_alternation_finds_them(s):
    assert relations.article_starts(s) == [m.start(1) for m in relations._ARTICLE.finditer(s)]
