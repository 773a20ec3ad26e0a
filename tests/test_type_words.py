"""The one scan for type words (scan.type_words): each list it gives must be exactly what the regex it
stands for finds on its own, or None where it cannot tell (then the caller runs that regex)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import extract
from refgraph.extract import named, scan
from refgraph.text import lowered

# syllables of the type words of both terminals (and words around them), in the cases texts write them
PIECES = [
    "Luật", "luật", "LUẬT", "bộ", "Bộ", "BỘ", "pháp", "Pháp", "lệnh", "Lệnh", "hiến", "Hiến",
    "chương", "Chương", "trình", "Trình", "đề", "Đề", "án", "kế", "Kế", "hoạch", "Hoạch",
    "chiến", "Chiến", "CHIẾN", "lược", "LƯỢC", "danh", "Danh", "mục", "văn", "Văn", "kiện",
    "bản", "số", "5", "hợp", "nhất", "nghị", "Nghị", "quyết", "định", "Định", "quy", "Quy",
    "thông", "Thông", "tư", "báo", "Báo", "cáo", "công", "Công", "liên", "tịch", "tờ", "x",
    "Đất", "đai", "các", "này", "12", "05/2020/NĐ-CP", "x" * 40, ";",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ".", "", "(", "“", "; "]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=16).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def _reference(text: str) -> dict[object, list[tuple[int, int]]]:
    low = lowered(text)
    assert low is not None
    return {
        "type": [m.span() for m in scan.anchor_regex().finditer(low)],
        "named": [m.span() for m in named.named_type_regex(False).finditer(low)],
        True: [m.span() for m in named._capital_type_regex(True).finditer(text)],
        False: [m.span() for m in named._capital_type_regex(False).finditer(text)],
    }


def _derived(text: str) -> dict[object, list[tuple[int, int]] | None]:
    tw = scan.type_words(text)
    assert tw is not None
    return {
        "type": tw.type_spans(),
        "named": tw.named_spans(),
        True: tw.capital_spans(True),
        False: tw.capital_spans(False),
    }


@given(texts)
@settings(max_examples=600, deadline=None)
def test_each_list_is_what_its_own_regex_finds_or_none(text):
    if lowered(text) is None:
        return
    ref, got = _reference(text), _derived(text)
    for k in ref:
        assert got[k] is None or got[k] == ref[k], (k, text)
    # the digit test the union makes after each TYPE_WORD hit is the numbered scan's own
    low, tw = lowered(text), scan.type_words(text)
    for s, e in ref["type"]:
        d = scan._DIGIT_OR_SEMICOLON.search(low, e, e + scan.DIGIT_REACH + 1)
        assert (s in tw.digit_soon) == (d is not None and low[d.start()] != ";"), text


@given(texts)
@settings(max_examples=600, deadline=None)
def test_the_keyed_scan_finds_the_matches_the_union_finds(text):
    low = text.lower()
    union = scan._union_regex()
    expected = [(m.start(), m.end(), m.lastindex) for m in union.finditer(low)]
    assert scan._union_matches(low, union) == expected


def test_the_keyed_scan_stops_at_every_type_word_whatever_letter_keys_it():
    words = "nghị quyết, chỉ thị, kết luận, quy định, quyết định, thông tư, văn bản hợp nhất, phương án, bộ luật, "
    words += "luật, hiến pháp, pháp lệnh, lệnh, kế hoạch, hướng dẫn, chương trình, đề án, công văn, báo cáo, "
    words += "tờ trình, điều lệ, chiến lược, danh mục, văn kiện, văn bản số 5"
    union = scan._union_regex()
    got = scan._union_matches(words, union)
    assert got == [(m.start(), m.end(), m.lastindex) for m in union.finditer(words)]
    assert len(got) == 25


def test_ordinary_text_is_read_from_the_one_scan():
    text = "Căn cứ Luật Đất đai; Nghị định số 5/2020/NĐ-CP và Chương trình mục tiêu quốc gia, Chiến lược này."
    ref, got = _reference(text), _derived(text)
    assert got == ref  # no list fell back
    assert ref["named"] == [(7, 11), (50, 62), (82, 92)]  # Luật, Chương trình, Chiến lược
    assert ref[True] == [(7, 11), (21, 30), (50, 62), (82, 92)]  # and Nghị định
    assert ref[False] == [(7, 11), (21, 30), (50, 62)]  # "Chiến lược" is NAMED_TYPE only


def test_a_match_the_union_steps_over_makes_the_list_irregular_not_wrong():
    # "công văn" (TYPE_WORD) hides NAMED_TYPE's "văn kiện" that starts inside it; "bộ Luật" (lower-case
    # hit) hides a capital "Luật"; "Chiến lược" (NAMED_TYPE only) is no TYPE_WORD hit
    for text in ("công văn kiện toàn bộ máy", "theo bộ Luật này", "thông Báo cáo", "CHIẾN LƯỢC phát triển"):
        ref, got = _reference(text), _derived(text)
        for k in ref:
            assert got[k] is None or got[k] == ref[k], (k, text)
    assert _derived("công văn kiện toàn")["named"] is None
    assert _derived("theo bộ Luật này")[True] is None


def test_extraction_reads_the_same_through_the_scan_and_without_it(monkeypatch):
    text = (
        "Thực hiện Luật Đất đai năm 2024 và Nghị định số 102/2024/NĐ-CP, Ủy ban ban hành Kế hoạch triển "
        "khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới; các văn bản hướng dẫn Luật, công văn "
        "kiện toàn bộ Luật Đất đai."
    )
    with_scan = extract(text)
    monkeypatch.setattr(scan, "type_words", lambda t: None)
    monkeypatch.setattr(named, "type_words", lambda t: None)
    assert extract(text) == with_scan


def test_a_text_with_greek_letters_is_read_from_the_scan_as_the_case_insensitive_regexes_read_it():
    # lowered() refuses a text with "μ" (the engine folds it with "µ"); no type word has such a letter
    text = "Kết quả đo 5 μm theo Luật Đo lường và Chiến lược quốc gia; công thức κ = 2 trong Nghị định này."
    assert lowered(text) is None
    tw = scan.type_words(text)
    assert tw is not None
    low = text.lower()
    assert tw.named_spans() == [m.span() for m in named.named_type_regex().finditer(low)]
    assert tw.type_spans() == [m.span() for m in scan.anchor_regex().finditer(low)]
    assert tw.capital_spans(True) == [m.span() for m in named._capital_type_regex(True).finditer(text)]
    # a dotless "ı" is folded with "i" (as in "hiến"): such a text keeps the case-insensitive scans
    assert scan.type_words("Luật Hıến pháp") is None


def test_the_digit_test_reaches_as_far_as_the_numbered_scan_and_stops_at_a_semicolon():
    for gap in (0, 1, 89, 90, 91, 120):
        text = "Nghị định" + " " * min(gap, 1) + "a" * max(gap - 1, 0) + "5"
        tw = scan.type_words(text)
        # the digit sits `gap` characters after the type word: within DIGIT_REACH it counts
        assert (0 in tw.digit_soon) == (gap <= scan.DIGIT_REACH), gap
    assert 0 not in scan.type_words("Nghị định; 5").digit_soon
    assert 0 in scan.type_words("Nghị định về 5; 6").digit_soon
