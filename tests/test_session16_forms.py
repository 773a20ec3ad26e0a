"""Forms a blind set of real pages showed in session 16 (issue 12). Every sentence is our own wording of a
form seen in real text."""

from __future__ import annotations

from refgraph import extract

from .conftest import first_by_key

_by_key = first_by_key


# ---- lists ---------------------------------------------------------------------------------------------


def test_a_list_item_after_a_title_ending_in_phap_luat_is_no_law():
    # "… quy phạm pháp luật và số 150/…": the lower-case "luật" ends the previous item's title; "và" joins
    # the next item of the heading's list, which keeps the heading's type and body
    text = (
        "Căn cứ các Nghị định của Chính phủ: số 78/2025/NĐ-CP ngày 01/4/2025 quy định chi tiết một số điều "
        "của Luật Ban hành văn bản quy phạm pháp luật và số 150/2025/NĐ-CP ngày 12/6/2025 quy định tổ chức "
        "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh;"
    )
    found = _by_key(text)["150/2025/NĐ-CP"]
    assert found.doc_type == "Nghị định"
    assert found.issuer == "Chính phủ"
    assert found.relation == "based_on"
    assert found.name is None


# ---- anaphora --------------------------------------------------------------------------------------------


def test_a_type_word_in_a_titles_first_words_is_not_that_document():
    # "Thông tư 43/2023/TT-BTC sửa đổi Thông tư có quy định …": the bare "Thông tư" names other circulars
    # in 43/2023's title, never 43/2023 itself
    text = (
        "- Thông tư 80/2021/TT-BTC hướng dẫn Luật Quản lý thuế;\n"
        "- Thông tư 43/2023/TT-BTC sửa đổi Thông tư có quy định liên quan đến nộp, xuất trình sổ hộ khẩu;"
    )
    found = extract(text)
    assert [m.key for m in found] == ["80/2021/TT-BTC", "43/2023/TT-BTC"]


# ---- issuers ---------------------------------------------------------------------------------------------


def test_two_party_bodies_acting_after_the_citation_are_its_issuers():
    text = "Theo Kết luận 126-KL/TW năm 2025, Bộ Chính trị, Ban Bí thư giao Đảng ủy Chính phủ ba nhiệm vụ."
    assert _by_key(text)["126-KL/TW"].issuer == "Bộ Chính trị, Ban Bí thư"


def test_two_bodies_that_are_not_the_codes_body_are_not_the_issuer():
    # the province's departments act under the committee's decision; they did not issue it
    text = "Theo Quyết định 12/QĐ-UBND, Sở Tài chính, Sở Nội vụ phối hợp thực hiện việc rà soát."
    assert _by_key(text)["12/QĐ-UBND"].issuer is None


def test_a_body_after_a_comma_that_goes_on_tai_belongs_to_the_next_document():
    text = (
        "Căn cứ chỉ đạo của Tổng Bí thư, của Bộ Chính trị tại thông báo số 99-TB/TW ngày 21/11/2025, của "
        "Ban Bí thư tại văn bản số 213-KL/TW ngày 21/11/2025, Nghị quyết 380/NQ-CP ngày 25/11/2025 của Chính "
        "phủ về các giải pháp khắc phục hậu quả mưa lũ;"
    )
    found = _by_key(text)
    assert found["99-TB/TW"].issuer == "Bộ Chính trị"
    assert found["213-KL/TW"].issuer == "Ban Bí thư"
    assert found["380/NQ-CP"].issuer == "Chính phủ"
    assert {m.relation for m in found.values()} == {"based_on"}


# ---- names -----------------------------------------------------------------------------------------------


def test_a_law_named_by_initials_is_the_numbered_law_of_that_name():
    text = (
        "Căn cứ Luật Thuế giá trị gia tăng số 48/2024/QH15 ngày 26/11/2024; căn cứ quy định trên, Luật Thuế "
        "GTGT đã quy định rõ đối tượng chịu thuế."
    )
    short = [m for m in extract(text) if "named" in m.flags]
    assert [(m.text, m.key, m.name) for m in short] == [("Luật Thuế GTGT", "48/2024/QH15", "Luật Thuế GTGT")]


def test_initials_of_another_name_are_left_unresolved():
    text = "Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12; theo Luật BHXH người lao động được hưởng trợ cấp."
    (short,) = [m for m in extract(text) if "named" in m.flags]
    assert short.key is None and short.name == "Luật BHXH"


def test_a_name_in_capitals_is_given_in_sentence_case():
    (m,) = extract("CĂN CỨ LUẬT ĐẤT ĐAI NĂM 2024;")
    assert m.name == "Luật Đất đai"


def test_the_body_that_proposed_wrote_the_papers_in_the_bracket():
    text = (
        "Chính phủ thống nhất nội dung 08 chính sách do Bộ Tài chính đề xuất (tại Tờ trình 481/TTr-BTC ngày 10 "
        "tháng 8 năm 2025 và Tờ trình 482/TTr-BTC ngày 10 tháng 8 năm 2025)."
    )
    found = _by_key(text)
    assert found["481/TTr-BTC"].issuer == "Bộ Tài chính"
    assert found["482/TTr-BTC"].issuer == "Bộ Tài chính"
    # a proposer whose name the number's code does not carry is left out
    other = "các chính sách do Bộ Y tế đề xuất (tại Tờ trình 481/TTr-BTC ngày 10 tháng 8 năm 2025)."
    assert _by_key(other)["481/TTr-BTC"].issuer is None


def test_a_law_name_in_initials_ends_before_lower_case_words():
    for text in (
        "Theo Luật BHXH người lao động được hưởng trợ cấp.",
        "Theo Luật BHXH, người lao động được hưởng trợ cấp.",
    ):
        (m,) = extract(text)
        assert m.text == "Luật BHXH", text
    (m,) = extract("Theo Luật Bầu cử ĐBQH và đại biểu HĐND thì cử tri được bầu.")
    assert m.text == "Luật Bầu cử ĐBQH và đại biểu HĐND"


# ---- relations -------------------------------------------------------------------------------------------


def test_a_letter_asking_its_addressee_to_rest_on_a_law_rests_on_it():
    text = (
        "Đề nghị Công ty căn cứ quy định tại Điều 61, Điều 63 Luật Hải quan số 54/2014/QH13 ngày 23/6/2014; "
        "Điều 83 Nghị định 08/2015/NĐ-CP ngày 21/1/2015 của Chính phủ để thực hiện."
    )
    found = _by_key(text)
    assert found["54/2014/QH13"].relation == "based_on"
    assert found["08/2015/NĐ-CP"].relation == "based_on"


def test_a_proposal_still_only_cites_what_it_proposes_to_change():
    text = "Đề nghị Bộ Tài chính sửa đổi Thông tư số 38/2015/TT-BTC ngày 25/3/2015 cho phù hợp."
    assert _by_key(text)["38/2015/TT-BTC"].relation == "cites"


_FORM = (
    "MẪU SỐ 25\n\n| Số: /QĐ-SLĐTBXH | ........, ngày......tháng.....năm...... |\n\nQUYẾT ĐỊNH\n\n"
    "Về việc giải quyết trợ cấp mai táng\n\nGIÁM ĐỐC SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\n"
    "Căn cứ Quyết định số 170/2008/QĐ-TTg ngày 18 tháng 12 năm 2008 của Thủ tướng Chính phủ về chế độ "
    "trợ cấp mai táng;\n"
)


def test_a_page_that_is_a_form_rests_on_its_preamble():
    # the page is the form itself: its "Căn cứ" lines are its own basis
    assert _by_key("# Mẫu quyết định trợ cấp mai táng\n\n" + _FORM)["170/2008/QĐ-TTg"].relation == "based_on"


def test_a_form_inside_an_annex_cites_its_preamble():
    # a form in a circular's annex: its "Căn cứ" lines are the basis of documents still to be drawn up
    text = (
        "Điều 3. Hiệu lực thi hành\n\nThông tư này có hiệu lực từ ngày 01 tháng 7 năm 2024.\n\n"
        "Phụ lục\n\nCác mẫu văn bản\n\n" + _FORM
    )
    assert _by_key(text)["170/2008/QĐ-TTg"].relation == "cites"


# ---- number codes and kinds ------------------------------------------------------------------------------


def test_a_code_with_tu_for_trung_uong_is_read_whole():
    # "TƯ" (Trung ương) is the Party's central code; inside a longer unit code it is kept as written
    assert _by_key("Quyết định của Ban Bí thư số 100-QĐ/TƯ ngày 3 tháng 2 năm 1990 về việc thành lập hội.")[
        "100-QĐ/TW"
    ]
    (m,) = extract("Thực hiện Kế hoạch 11/KH-BCĐTƯATTP năm 2025, Cục An toàn thực phẩm đề nghị các Sở.")
    assert m.key == "11/KH-BCĐTƯATTP"


def test_type_words_listed_together_name_kinds_not_the_last_document():
    text = (
        "Căn cứ Chỉ thị 34-CT/TW của Ban Bí thư; Công điện 03/CĐ-TTg ngày 15/01/2025 của Thủ tướng Chính phủ;\n\n"
        "- Thực hiện lồng ghép với các nhiệm vụ đã được giao tại các Nghị quyết, Chỉ thị, Công điện của "
        "Chính phủ."
    )
    assert [m.key for m in extract(text)] == ["34-CT/TW", "03/CĐ-TTg"]


def test_a_body_acting_under_a_sub_item_of_a_conclusion_issued_it():
    text = "Theo tiểu mục 5.2 Mục 5 Kết luận 83-KL/TW năm 2024, Bộ Chính trị yêu cầu Ban Kinh tế rà soát."
    assert _by_key(text)["83-KL/TW"].issuer == "Bộ Chính trị"


def test_a_body_whose_name_holds_a_type_word_is_no_document():
    for text in (
        "Phó Trưởng Ban Thường trực Ban Chính sách, Chiến lược Trung ương, Phó Trưởng Đoàn kiểm tra.",
        "**C. Ban Chính sách, Chiến lược Trung ương.**",
    ):
        assert extract(text) == [], text
    (m,) = extract("Thực hiện Chiến lược phát triển văn hóa đến năm 2030;")
    assert m.doc_type == "Chiến lược"


def test_a_dated_citations_title_closed_by_its_body_gives_the_issuer():
    text = (
        "Bộ Xây dựng ban hành Kế hoạch thực hiện Công điện 03/CĐ-TTg ngày 15/01/2025 về tập trung chấn chỉnh "
        "việc thao túng giá bất động sản của Thủ tướng Chính phủ."
    )
    assert _by_key(text)["03/CĐ-TTg"].issuer == "Thủ tướng Chính phủ"


def test_a_police_department_named_with_ve_is_named_whole():
    text = (
        "Công văn số 6102/QLHC-TTDLDC ngày 01/9/2025 của Cục Cảnh sát quản lý hành chính về trật tự xã hội "
        "về việc cấp thẻ căn cước."
    )
    assert _by_key(text)["6102/QLHC-TTDLDC"].issuer == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"


def test_emphasis_closing_before_a_comma_keeps_the_passive_phrase():
    text = (
        "*Căn cứ Luật Kiểm toán nhà nước số 81/2015/QH13 ngày 24 tháng 6 năm 2015 được sửa đổi*, *bổ sung bởi "
        "Luật số 55/2019/QH14 ngày 26 tháng 11 năm 2019;*"
    )
    assert {m.key: m.relation for m in extract(text)} == {
        "81/2015/QH13": "based_on",
        "55/2019/QH14": "based_on",
    }


def test_a_ministry_setting_out_tasks_under_its_decision_issued_it():
    text = "Theo Quyết định 110/QĐ-BXD năm 2025, Bộ Xây dựng đã đề ra 09 nhiệm vụ trọng tâm."
    assert _by_key(text)["110/QĐ-BXD"].issuer == "Bộ Xây dựng"


def test_a_body_concluding_in_a_part_of_its_conclusion_issued_it():
    text = "Tại Mục 5 Kết luận 83-KL/TW năm 2024, Bộ Chính trị có kết luận về cải cách tiền lương như sau."
    assert _by_key(text)["83-KL/TW"].issuer == "Bộ Chính trị"


def test_a_body_acting_under_an_article_of_a_law_did_not_issue_it():
    text = (
        "Đối với dự án quy định tại điểm h khoản 2 Điều 12 Luật Thuế thu nhập doanh nghiệp số 67/2025/QH15, "
        "Thủ tướng Chính phủ quyết định kéo dài thời gian miễn thuế."
    )
    assert _by_key(text)["67/2025/QH15"].issuer is None


def test_an_english_circular_replacing_another_replaces_it():
    text = "2. This Circular replaces the Circular No. 01/2021/TT-BTC dated January 07, 2021."
    assert _by_key(text)["01/2021/TT-BTC"].relation == "replaces"


def test_a_trade_union_opening_a_news_lead_issued_the_guidance():
    text = (
        "Ngày 25/9/2025, Liên đoàn Lao động Thành phố Hồ Chí Minh đã ban hành Hướng dẫn 49/HD-LĐLĐ năm 2025 về "
        "công tác tài chính phục vụ đại hội."
    )
    found = _by_key(text)["49/HD-LĐLĐ"]
    assert found.issuer == "Liên đoàn Lao động Thành phố Hồ Chí Minh"
    assert found.date is not None and found.date.isoformat() == "2025-09-25"


def test_a_ministry_whose_name_holds_a_comma_acts_under_its_decision():
    text = "Theo Quyết định 12/QĐ-BVHTTDL, Bộ Văn hóa, Thể thao và Du lịch giao Cục Di sản văn hóa rà soát."
    assert _by_key(text)["12/QĐ-BVHTTDL"].issuer == "Bộ Văn hóa, Thể thao và Du lịch"
