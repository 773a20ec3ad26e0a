"""Forms a blind set of real pages showed in session 13 (issue 12). Every sentence is our own wording of a
form seen in real text."""

from __future__ import annotations

from refgraph import extract


def _by_key(text: str) -> dict:
    out: dict = {}
    for m in extract(text):
        if m.key:
            out.setdefault(m.key, m)  # the first mention of each key
    return out


def test_a_notice_of_conclusions_is_one_type_word_and_takes_the_body_before_it():
    text = (
        "Các tỉnh hỗ trợ lương thực cho vùng lũ theo chỉ đạo của Bộ Chính trị tại\n"
        "Thông báo Kết luận số 98- TB/TW ngày 20 tháng 11 năm 2025."
    )
    found = _by_key(text)["98-TB/TW"]
    assert found.doc_type == "Thông báo"
    assert text[found.start : found.end].startswith("Thông báo Kết luận")
    assert found.issuer == "Bộ Chính trị"
    assert found.date is not None and found.date.isoformat() == "2025-11-20"


def test_a_deputy_signing_for_the_post_does_not_hide_the_opening_date():
    text = "Ngày 4/12/2025, Phó Thủ tướng Lê Văn Bình ký Quyết định 2650/QĐ-TTg ban hành Kế hoạch phát triển."
    found = _by_key(text)["2650/QĐ-TTg"]
    assert found.date is not None and found.date.isoformat() == "2025-12-04"
    assert found.issuer == "Thủ tướng Chính phủ"


def test_the_enacting_formula_before_the_articles_names_the_text_itself():
    text = (
        "*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*\n"
        "*Theo đề nghị của Bộ trưởng Bộ Tài chính;*\n"
        "*Chính phủ ban hành Nghị quyết về việc thí điểm cho phép người dân vào chơi trò chơi có thưởng "
        "tại một số dự án.*\n"
        "**Điều 1. Phạm vi điều chỉnh**\n"
        "Nghị quyết này quy định địa điểm thí điểm."
    )
    assert [(m.doc_type, m.key) for m in extract(text)] == [("Luật", "63/2025/QH15")]
    # the same described resolution in running text, with no articles after it, is still a reference
    other = (
        "Bộ Tài chính đã trình Chính phủ ban hành Nghị quyết về việc thí điểm cho phép người dân vào chơi "
        "trò chơi có thưởng, dự kiến trong quý IV."
    )
    assert [m.doc_type for m in extract(other)] == ["Nghị quyết"]


def test_an_assembly_code_with_a_slip_takes_the_term_that_sat_that_year():
    text = (
        "Căn cứ Luật Địa chất và khoáng sản số 54/2024/QH1;\n"
        "Căn cứ Luật Đấu thầu số 23/2023/OH15;\n"
        "Căn cứ Luật số 12/2016/QH1;\n"
        "Căn cứ Luật số 13/2024/QH14;"
    )
    keys = {m.key: m for m in extract(text)}
    assert "54/2024/QH15" in keys and "assembly_code_slip" in keys["54/2024/QH15"].flags
    assert "23/2023/QH15" in keys
    # 2016 saw two Assemblies sit: nothing is guessed; a real code that disagrees with its year is left
    # for the checks to report
    assert "12/2016/QH1" in keys
    assert "13/2024/QH14" in keys and "assembly_code_slip" not in keys["13/2024/QH14"].flags


def test_a_lost_tone_mark_on_the_issuer_word_still_names_the_body():
    text = "Căn cứ Nghị định số 240/2025/NĐ-CP ngày 10/9/2025 cua Chính phủ;"
    assert _by_key(text)["240/2025/NĐ-CP"].issuer == "Chính phủ"
    # the same letters before a word in lower case are another word, and name no issuer
    other = "Bán cua đồng theo Quyết định số 12/QĐ-UBND cua tôi."
    assert _by_key(other)["12/QĐ-UBND"].issuer is None


def test_a_standing_board_and_initials_joined_by_an_ampersand_stay_in_the_name():
    text = (
        "Ban hành bảng giá theo đề nghị của Thường trực HĐND tỉnh tại Công văn 210/HĐND-KTNS năm 2025.\n\n"
        "Thực hiện Công văn 430/VP-PCTT ngày 21/9/2025 của Văn phòng Ban Chỉ đạo Phòng thủ dân sự quốc gia về "
        "việc ứng phó với bão; Công điện 1600/CĐ-BGDĐT ngày 21/9/2025 của Bộ GD&ĐT và các văn bản khác."
    )
    found = _by_key(text)
    assert found["210/HĐND-KTNS"].issuer == "Thường trực HĐND tỉnh"
    assert found["430/VP-PCTT"].issuer == "Văn phòng Ban Chỉ đạo Phòng thủ dân sự quốc gia"
    assert found["1600/CĐ-BGDĐT"].issuer == "Bộ GD&ĐT"


def test_a_report_in_lower_case_with_a_qualifier_before_a_full_number():
    text = "Chủ đầu tư thực hiện kiến nghị của Sở Xây dựng tại báo cáo thẩm định số 10600/SXD-HĐXD ngày 18/11/2025."
    found = _by_key(text)["10600/SXD-HĐXD"]
    assert text[found.start : found.end] == "báo cáo thẩm định số 10600/SXD-HĐXD"
    assert found.issuer == "Sở Xây dựng"
    # a part of the text numbered after such words is no citation
    assert extract("Nội dung chi tiết tại phụ lục kèm theo số 2 của văn bản này.") == []


def test_a_described_document_takes_the_number_in_the_bracket_after_it():
    text = (
        "Tổng Bí thư đã ký ban hành Nghị quyết của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo "
        "(Nghị quyết số 71-NQ/TW). Cổng thông tin giới thiệu toàn văn."
    )
    mentions = extract(text)
    assert [(m.doc_type, m.key, "named" in m.flags) for m in mentions] == [
        ("Nghị quyết", "71-NQ/TW", True),
        ("Nghị quyết", "71-NQ/TW", False),
    ]
