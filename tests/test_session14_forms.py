"""Forms a blind set of real pages showed in session 14 (issue 12), and the fast scans of issue 16 checked
against the plain patterns they stand for. Every sentence is our own wording of a form seen in real text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from refgraph import extract
from refgraph.extract import pipeline, relations, scan
from refgraph.text import matches_at, normalize

from .conftest import first_by_key

_by_key = first_by_key


# ---- issue 12: the body opening a sentence, when the number's code names it ------------------------------


def test_a_ministry_answering_in_a_letter_late_in_its_sentence_issued_it_on_the_lead_date():
    text = (
        "Ngày 15/12/2024, Bộ Nội vụ trả lời kiến nghị về trợ cấp theo Nghị định 29 của cử tri gửi tới "
        "trước kỳ họp thứ 8, Quốc hội khóa XV trong Công văn 8157/BNV-TCBC."
    )
    found = _by_key(text)["8157/BNV-TCBC"]
    assert found.issuer == "Bộ Nội vụ"
    assert found.date is not None and found.date.isoformat() == "2024-12-15"


def test_a_general_department_guiding_in_a_letter_is_its_issuer():
    text = "Tổng cục Thuế vừa hướng dẫn cách kê khai đối với hộ kinh doanh tại Công văn số 5678/TCT-CS."
    assert _by_key(text)["5678/TCT-CS"].issuer == "Tổng cục Thuế"


def test_a_body_the_code_does_not_name_is_not_taken_from_the_sentence_opening():
    text = "Sở Y tế đề nghị các đơn vị thực hiện nghiêm túc nội dung tại Công văn 4521/BYT-KCB."
    assert _by_key(text)["4521/BYT-KCB"].issuer is None


def test_the_lead_date_is_the_first_numbered_documents_not_a_later_ones():
    text = (
        "Ngày 03/6/2023, Chính phủ ban hành Nghị định 29/2023/NĐ-CP về tinh giản biên chế để thay thế "
        "Nghị định 108/2014/NĐ-CP về chính sách tinh giản biên chế."
    )
    found = _by_key(text)
    assert found["29/2023/NĐ-CP"].date.isoformat() == "2023-06-03"
    later = found["108/2014/NĐ-CP"]
    assert later.date is None
    assert later.issuer == "Chính phủ"


def test_a_reference_lists_previous_entry_is_no_subject_of_the_next():
    text = (
        'Truy cập ngày 2 tháng 1 năm 2018.**^**"Quy định về phân cấp" (PDF). Bộ Chính trị.**^**'
        '"Quyết định Số: 44-QĐ/TW Về việc quản lý cán bộ"'
    )
    assert _by_key(text)["44-QĐ/TW"].issuer is None


def test_a_code_glued_to_a_planning_name_is_no_document_number():
    text = "Ranh giới theo bản vẽ Quy hoạch tổng mặt bằng sử dụng đất ô đất H1-NO1 và H1-NO2, tỷ lệ 1/500."
    assert [m for m in extract(text) if m.key] == []


def test_a_paper_named_by_a_qualifier_before_so_is_a_citation():
    text = (
        "Xét Tờ trình số 12/TTr-UBND ngày 1/10/2025 của Ủy ban nhân dân Thành phố; Văn bản giải trình số "
        "6260/UBND-ĐT ngày 5/10/2025 của Ủy ban nhân dân Thành phố."
    )
    found = _by_key(text)["6260/UBND-ĐT"]
    assert text[found.start : found.end] == "Văn bản giải trình số 6260/UBND-ĐT"
    assert found.doc_type == "Văn bản"
    assert [m for m in extract("Các văn bản pháp luật số lượng lớn được ban hành năm 2024.") if m.key] == []


def test_a_conjunction_glued_to_the_code_by_a_lost_space_ends_it():
    text = "Sơ đồ quy định tại điểm b khoản 1 Điều 39 Thông tư 10/2024/TT-BTNMTvà phải liệt kê các đỉnh thửa."
    assert "10/2024/TT-BTNMT" in _by_key(text)


def test_a_report_verb_before_a_count_is_no_citation():
    text = "Các xã tổng hợp kết quả và báo cáo 04 loại danh sách gửi về Bộ Chỉ huy quân sự tỉnh."
    assert [m.text for m in extract(text)] == []


def test_the_body_that_issued_it_closing_its_title():
    text = (
        "Theo Điều 2 Nghị quyết 389/NQ-CP năm 2025 bổ sung danh sách các cửa khẩu cho người nước ngoài nhập "
        "cảnh bằng thị thực điện tử do Chính phủ ban hành quy định như sau:"
    )
    assert _by_key(text)["389/NQ-CP"].issuer == "Chính phủ"
    plan = (
        "Theo Mục III Kế hoạch 16/KH-UBND năm 2025 về việc gọi công dân nhập ngũ năm 2026 do thành phố "
        "Cần Thơ ban hành quy định như sau:"
    )
    assert _by_key(plan)["16/KH-UBND"].issuer == "thành phố Cần Thơ"  # a place for its committee
    other = "Quyết định 12/QĐ-TTg về việc công bố danh mục do Bộ Tài chính ban hành"
    assert _by_key(other)["12/QĐ-TTg"].issuer is None  # the ministry does not issue under TTg


def test_a_legal_basis_column_ends_where_the_next_tables_header_row_begins():
    text = (
        "**1. Danh mục thủ tục được sửa đổi**\n|\n**STT**\n|\n**Tên thủ tục**\n|\n**Căn cứ pháp lý**\n|\n"
        "1\n|\nCấp giấy phép\n|\nNghị định số 63/2014/NĐ-CP ngày 26/6/2014 của Chính phủ.\n|\n"
        "**2. Danh mục thủ tục bị bãi bỏ**\n|\n**STT**\n|\n**Tên thủ tục**\n|\n"
        "**Văn bản quy định việc bãi bỏ**\n|\n1\n|\nCấp lại chứng chỉ\n|\n"
        "Nghị định số 214/2025/NĐ-CP ngày 4/8/2025 của Chính phủ.\n|\n"
    )
    found = _by_key(text)
    assert found["63/2014/NĐ-CP"].relation == "based_on"
    assert found["214/2025/NĐ-CP"].relation == "cites"


def test_a_part_opening_with_its_section_heading_is_a_document_not_a_page():
    text = (
        "# 47_2009_TTLT_BTC_art3\nMỤC II. NỘI DUNG VÀ MỨC CHI\n\n"
        "Điều 3. Chi trợ cấp hằng tháng cho các đối tượng sau:\n\n"
        + "".join(
            f"{k}. Người hoạt động kháng chiến theo Quyết định số {100 + k}/2005/QĐ-TTg ngày 8/11/2005 của "
            "Thủ tướng Chính phủ về chế độ đối với người trực tiếp tham gia kháng chiến.\n\n"
            for k in range(1, 12)
        )
    )
    assert len(text) > 1500  # long enough to be read as a page were it not a part
    assert {m.relation for m in extract(text, reported=True) if m.key} == {"implements"}


def test_a_bracket_giving_the_source_of_the_direction_carried_out_takes_the_act():
    text = (
        "b) Khẩn trương thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ, Trưởng Ban Chỉ đạo các công trình "
        "trọng điểm (Thông báo số 627/TB-VPCP ngày 18/11/2025), chủ động phối hợp với Bộ Nội vụ."
    )
    assert _by_key(text)["627/TB-VPCP"].relation == "implements"
    heard = (
        "Sau khi nghe Báo cáo của Ban Tổ chức Trung ương về tình hình triển khai thực hiện sắp xếp bộ máy "
        "(Báo cáo số 386-BC/BTCTW, ngày 14/5/2025), Bộ Chính trị kết luận như sau:"
    )
    assert _by_key(heard)["386-BC/BTCTW"].relation == "cites"  # the act is in the report's title


def test_a_number_written_without_its_type_code_takes_the_one_the_text_gives_it():
    text = (
        "Quyết định 2690/NHNN ngày 18/12/2024 điều chỉnh lãi suất. Theo Quyết định 2690/QĐ-NHNN, lãi suất "
        "cho vay là 6,6%/năm."
    )
    assert [m.key for m in extract(text) if m.key] == ["2690/QĐ-NHNN", "2690/QĐ-NHNN"]
    old = (
        "sửa đổi Quyết định số 118/TTg ngày 27/02/1996 và Quyết định số 118/QĐ-TTg ngày 27/02/1996 của Thủ "
        "tướng Chính phủ"
    )
    assert [m.key for m in extract(old) if m.key] == ["118/TTg", "118/QĐ-TTg"]  # the 1990s' own writing
    assembly = "Nghị quyết 76/2025/UBTVQH15 và Nghị quyết 76/2025/NQ-UBTVQH15 về hướng dẫn"
    assert [m.key for m in extract(assembly) if m.key][0] == "76/2025/UBTVQH15"


def test_an_article_adopting_a_report_approves_the_papers_it_sits_in():
    text = (
        "**QUYẾT NGHỊ:**\n**Điều 1.**\nThông qua nội dung báo cáo của Ngân hàng Nhà nước Việt Nam tại Mục II Tờ "
        "trình số 207/TTr-NHNN ngày 21 tháng 11 năm 2025.\n**Điều 2.** Thống đốc hoàn thiện hồ sơ gửi thông "
        "qua Cổng thông tin theo Công văn số 12/VPCP-KTTH."
    )
    found = _by_key(text)
    assert found["207/TTr-NHNN"].relation == "approves"
    assert found["12/VPCP-KTTH"].relation != "approves"  # "thông qua" as "by way of"


def test_a_news_body_reporting_a_circular_in_its_voice_is_still_a_page():
    body = (
        "Theo đó, Thông tư này quy định về chế độ điều dưỡng phục hồi sức khỏe trong lực lượng.\n\n"
        + (
            "Thông tư này cũng quy định cán bộ thuộc diện quy định tại điểm d khoản 10 Điều 16 Thông tư số "
            "62/2023/TT-BCA của Bộ trưởng Bộ Công an được hưởng theo quy định tại Nghị định số 131/2021/NĐ-CP.\n\n"
        )
        * 8
    )
    assert len(body) > 1500
    assert {m.relation for m in extract(body, reported=True) if m.key} == {"cites"}


def test_a_bold_heading_line_ends_the_title_of_the_citation_in_it():
    text = (
        "**Bộ Xây dựng ban hành Công điện 96/CĐ-BXD về việc ứng phó mưa lũ**\n"
        "Triển khai chỉ đạo của Thủ tướng Chính phủ tại Công điện 225/CĐ-TTg ngày 20/11/2025 về việc ứng phó."
    )
    found = _by_key(text)["225/CĐ-TTg"]
    assert (found.relation, found.issuer) == ("implements", "Thủ tướng Chính phủ")


def test_a_sample_of_a_programme_is_no_reference_to_one():
    text = (
        "# Mẫu Đề án sáp nhập Hội Liên hiệp Thanh niên Việt Nam tại phường? Tải mẫu Đề án sáp nhập Hội LHTN."
    )
    assert [m.text for m in extract(text)] == []
    carried = "Thực hiện Đề án sáp nhập Hội Liên hiệp Thanh niên Việt Nam tại phường."
    assert [m.text for m in extract(carried)] == ["Đề án sáp nhập Hội Liên hiệp Thanh niên Việt Nam"]


# ---- issue 16: each fast scan finds what the plain pattern it stands for finds ---------------------------

# pieces of the forms the scans look for, with the characters around them that decide a match
_PIECES = [
    "Căn cứ ", "căn\ncứ ", "CĂN CỨ ", "Điều 1.", "điều 1. ", "Căn cứ theo quy định ", "Căn cứ Luật ",
    ": ", "(", "( ", "*", ":\n", "số 12/", "Số 5-", "SỐ 7/", "số 3 ", "số** 4/", "các ", "Các ",
    "NQ 57", "QĐ số 12", "NĐ12", "xNQ 5", "CT-TTg 5", "KH 3", "TT 1", "HD số 2", "Nghị định này", "nghị định  này",
    "Kế hoạch này", "Quyết\nđịnh này", "năm này", "việc này", "Văn bản này", "Thông tư này", "Điều này",
    "\n", " ", "a", "Ă", "ő", "1", "/", "-", ".", "|", "#",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_the_fast_scans_find_what_the_plain_patterns_find(pieces):
    text = normalize("".join(pieces)).text
    assert [m.span() for m in relations._preamble_lines(text)] == [
        m.span() for m in relations._OWN_PREAMBLE.finditer(text)
    ]
    assert [m.span() for m in pipeline._colon_items(text)] == [
        m.span() for m in pipeline._COLON_ITEMS.finditer(text)
    ]
    assert scan.abbreviation_starts(text) == [m.start() for m in scan.abbreviation_regex().finditer(text)]
    assert [m.span() for m in relations._self_mentions(text)] == [
        m.span() for m in relations._self_regex().finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab:( \n", max_size=30))
def test_matches_tried_at_their_possible_starts_are_finditer_s(text):
    rx = re.compile(r"[:(][ ]*(?=a)|b+a?")
    every = range(len(text) + 1)
    assert [m.span() for m in matches_at(rx, text, every)] == [m.span() for m in rx.finditer(text)]


def test_the_fast_scans_take_their_fast_paths():
    assert len(scan._abbreviation_passes()) > 1  # one pass per first letter, not the alternation
    assert relations._self_word_ends()  # the words a type word ends with, read from the pattern


def test_the_self_scan_skips_a_this_after_no_type_word_and_keeps_the_case_of_the_text():
    text = "Năm này, việc này đã xong. KẾ HOẠCH NÀY được gửi; Quyết định này có hiệu lực."
    got = [m.group() for m in relations._self_mentions(text)]
    assert got == ["KẾ HOẠCH NÀY", "Quyết định này"]


def test_a_head_without_marks_is_keyed_by_its_rarest_letter():
    keyed = scan._keyed_regex()
    assert keyed is not None
    _rx, heads = keyed
    assert "n" not in heads  # "nghi" (a typed "nghị") would stop the scan at the commonest letter
    assert any(head == "nghi" for k in heads for _j, head in heads[k])
    assert re.fullmatch(r"[a-z]+", scan._ASCII_BY_RARITY) and len(set(scan._ASCII_BY_RARITY)) == 26


def test_the_characters_lowered_into_odd_ones_are_all_listed():
    # every character of Unicode whose lower-case form holds a character the regex engine folds specially:
    # normalize's first scan looks for exactly these, and a text without them is lowered without a check
    from refgraph import text as text_mod

    odd = set(text_mod._CASE_ODD.pattern[1:-1])
    sources = {c for c in map(chr, range(0x110000)) if any(ch in odd for ch in c.lower())}
    assert sources == set(text_mod._CASE_ODD_SOURCES)


def test_a_text_with_a_greek_capital_is_not_lowered_for_the_case_free_scans():
    from refgraph.text import lowered, normalize

    plain = normalize("Nghị định số 15/2020/NĐ-CP quy định mức phạt " * 10)
    assert plain.plain  # the first scan found nothing: the text is lowered without the odd-character check
    assert lowered(plain.text) == plain.text.lower()
    greek = normalize("Hệ số Κ của Nghị định số 15/2020/NĐ-CP quy định mức phạt " * 10)
    assert not greek.plain
    assert (
        lowered(greek.text) is None
    )  # "κ" is one of the letters a case-insensitive pattern folds with others
