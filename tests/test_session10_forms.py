"""Forms a further blind set of real pages showed (issue 12): a city written "TP" or "TP." inside a body's
name, a portal's year before a date in words, "căn cứ" over what was said above, a portal footer that
repeats the own title's list of repealed decisions, and a condition that starts a clause of its own.
Every sentence is our own wording of a form seen in real text."""

from __future__ import annotations

import datetime as dt

from refgraph.extract import extract


def _one(text: str, key: str, **kw):
    return next(m for m in extract(text, **kw) if m.key == key)


# ---- "TP" and "TP." in a body's name -------------------------------------------------------------------


def test_two_acronyms_before_a_capitalised_place_are_running_text_not_a_heading():
    text = "Công văn 4120/UBND-KT của UBND TP Cần Thơ về việc tạm dừng thu phí chợ."
    assert _one(text, "4120/UBND-KT").issuer == "UBND TP Cần Thơ"


def test_the_dot_of_an_abbreviated_city_stays_inside_the_name():
    text = "Sở nhận được Công văn số 318/STC-NS ngày 06/8/2025 của Sở Tài chính TP. Đà Nẵng, về việc cấp vốn."
    m = _one(text, "318/STC-NS")
    assert (m.issuer, m.date) == ("Sở Tài chính TP. Đà Nẵng", dt.date(2025, 8, 6))


def test_a_news_lead_subject_with_an_abbreviated_city_issues_and_dates_the_document():
    text = "Ngày 14/10/2025, UBND TP. Hải Phòng ban hành Công văn 902/UBND-VX năm 2025 về việc nghỉ lễ."
    m = _one(text, "902/UBND-VX")
    assert (m.issuer, m.date) == ("UBND TP. Hải Phòng", dt.date(2025, 10, 14))


def test_a_heading_in_capitals_before_a_new_line_is_still_a_heading():
    # the capitals end their line; the capitalised word after them opens the next line's clause
    text = (
        "QUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 12/2019/QĐ-UBND NGÀY 02/3/2019 CỦA ỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    )
    assert _one(text, "12/2019/QĐ-UBND").issuer == "Ủy ban nhân dân tỉnh"


def test_an_abbreviated_city_ends_no_sentence_for_the_relation_either():
    text = "Thực hiện Kế hoạch số 71/KH-UBND của UBND TP. Huế về chuyển đổi số, Sở xây dựng kế hoạch."
    m = _one(text, "71/KH-UBND")
    assert (m.issuer, m.relation) == ("UBND TP. Huế", "implements")


# ---- a portal's year, then a date in words -------------------------------------------------------------


def test_a_date_in_words_after_a_portals_year_belongs_to_the_citation():
    text = (
        "Chương trình thực hiện Nghị quyết 66-NQ/TW năm 2025 ngày 30 tháng 4 năm 2025 của Bộ Chính trị "
        "về đổi mới công tác xây dựng pháp luật."
    )
    m = _one(text, "66-NQ/TW")
    assert (m.date, m.issuer) == (dt.date(2025, 4, 30), "Bộ Chính trị")


def test_a_date_in_words_of_another_year_is_not_taken():
    text = (
        "Quyết định 518/QĐ-BYT năm 2025 ngày 3 tháng 2 năm 2024 của Bộ trưởng Bộ Y tế về việc giao nhiệm vụ."
    )
    assert _one(text, "518/QĐ-BYT").date is None


# ---- "căn cứ" over what was said above -------------------------------------------------------------------


def test_can_cu_over_the_provisions_above_governs_none_of_the_citations_after_it():
    text = (
        "Căn cứ Nghị định số 70/2025/NĐ-CP ngày 20/3/2025 của Chính phủ quy định về hóa đơn.\n"
        "Căn cứ các quy định nêu trên:\n"
        "Từ ngày 01/7/2025, Luật Thuế thu nhập doanh nghiệp số 67/2025/QH15 và Nghị định số "
        "320/2025/NĐ-CP đã quy định cụ thể về ưu đãi thuế.\n"
    )
    rel = {m.key: m.relation for m in extract(text)}
    assert rel == {"70/2025/NĐ-CP": "based_on", "67/2025/QH15": "cites", "320/2025/NĐ-CP": "cites"}


def test_can_cu_with_its_own_object_after_it_still_governs():
    text = "Căn cứ các quy định tại Nghị định số 70/2025/NĐ-CP của Chính phủ, Cục Thuế trả lời như sau:"
    assert _one(text, "70/2025/NĐ-CP").relation == "based_on"


# ---- the own title's list of repealed decisions, repeated in a portal footer -------------------------


_FOOTER = (
    "Quyết định 40/2025/QĐ-UBND bãi bỏ Quyết định 31/2015/QĐ-UBND quy định về quản lý chợ trên địa bàn "
    "tỉnh, Quyết định 12/2019/QĐ-UBND sửa đổi Quy định về quản lý chợ kèm theo Quyết định 31/2015/QĐ-UBND "
    "và Quyết định 05/2022/QĐ-UBND sửa đổi Quy định kèm theo Quyết định 31/2015/QĐ-UBND\n"
)


def _rels(text: str, **kw) -> list[tuple[str | None, str]]:
    return [(m.key, m.relation) for m in extract(text, **kw)]


def test_every_decision_the_own_title_lists_after_bai_bo_is_repealed():
    assert _rels(_FOOTER, own="40/2025/QĐ-UBND") == [
        ("40/2025/QĐ-UBND", "cites"),
        ("31/2015/QĐ-UBND", "repeals"),
        ("12/2019/QĐ-UBND", "repeals"),
        ("31/2015/QĐ-UBND", "cites"),  # named in the title of 12/2019, that decision's act
        ("05/2022/QĐ-UBND", "repeals"),  # issued after 12/2019: not named in its title
        ("31/2015/QĐ-UBND", "cites"),
    ]


def test_the_same_list_in_another_documents_title_is_only_cited():
    assert {r for _, r in _rels(_FOOTER)} == {"cites"}


def test_the_own_number_after_the_footer_takes_no_relation_from_the_list():
    text = (
        _FOOTER + "Văn bản này chưa có nội dung tiếng Anh\nQuyết định 40/2025/QĐ-UBND ngày 02/12/2025 bãi bỏ."
    )
    assert _rels(text, own="40/2025/QĐ-UBND")[-1] == ("40/2025/QĐ-UBND", "cites")


# ---- a condition is a clause of its own -----------------------------------------------------------------


def test_a_condition_after_a_title_is_not_part_of_it_and_takes_no_relation_from_before_it():
    text = (
        "Người đã nghỉ hưởng chế độ theo Nghị định số 29/2023/NĐ-CP ngày 3 tháng 6 năm 2023 của Chính phủ "
        "quy định về tinh giản biên chế, nếu mức hưởng thấp hơn mức quy định tại Nghị định số "
        "178/2024/NĐ-CP thì được chi trả phần chênh lệch."
    )
    rel = {m.key: m.relation for m in extract(text)}
    assert rel == {"29/2023/NĐ-CP": "implements", "178/2024/NĐ-CP": "cites"}


# ---- a Q&A heading's question, a company's initials ------------------------------------------------------


def test_a_name_ends_before_the_question_a_heading_asks_of_it():
    texts = [m.text for m in extract("Chương trình hành động phát triển du lịch cộng đồng ra sao?")]
    assert texts == ["Chương trình hành động phát triển du lịch cộng đồng"]


def test_a_code_of_a_companys_initials_with_dots_is_read_whole():
    m = _one("Cục nhận được văn bản số 27/2025/CV-T.H.MK ngày 5/9/2025 của Công ty.", "27/2025/CV-T.H.MK")
    assert m.date == dt.date(2025, 9, 5)


def test_a_sentence_glued_after_a_code_is_not_read_into_it():
    keys = [m.key for m in extract("Theo Nghị định 15/2020/NĐ-CP.Theo đó, mức phạt tăng.")]
    assert keys == ["15/2020/NĐ-CP"]


def test_a_company_named_by_its_dotted_initials_is_the_issuer():
    m = _one(
        "Cục nhận được văn bản số 27/2025/CV-T.H.MK của Công ty cổ phần T.H.MK về hóa đơn.",
        "27/2025/CV-T.H.MK",
    )
    assert m.issuer == "Công ty cổ phần T.H.MK"


# ---- a preamble quoted from the document the line before names ---------------------------------------


_PAGE_HEAD = (
    "# Hướng dẫn mới về hồ sơ bảo hiểm xã hội năm 2025 ra sao?\n\n"
    + "Bài viết tổng hợp các điểm mới về hồ sơ bảo hiểm xã hội cho người lao động và doanh nghiệp. " * 20
    + "\n\n"
)


def test_basis_lines_quoted_from_a_letter_are_the_letters_acts_not_the_pages():
    text = _PAGE_HEAD + (
        "Tại Mục 1 Công văn 2210/BHXH-TST năm 2025 đã nêu các căn cứ hướng dẫn như sau:\n\n"
        "**Cơ sở pháp lý**\n\n"
        "- Căn cứ Nghị định 158/2025/NĐ-CP ngày 25/6/2025 của Chính phủ;\n\n"
        "- Căn cứ Thông tư 12/2025/TT-BNV ngày 30/6/2025 của Bộ Nội vụ;\n"
    )
    for reported in (False, True):
        rel = {m.key: m.relation for m in extract(text, reported=reported)}
        assert rel["158/2025/NĐ-CP"] == "cites" and rel["12/2025/TT-BNV"] == "cites"


def test_the_pages_own_basis_introducing_a_quote_stays_based_on():
    text = _PAGE_HEAD + (
        "**Hồ sơ hưởng chế độ gồm những gì?**\n\n"
        "Căn cứ Điều 5 Thông tư 12/2025/TT-BNV quy định hồ sơ như sau:\n\n"
        "(1) Sổ bảo hiểm xã hội.\n"
    )
    assert _one(text, "12/2025/TT-BNV", reported=True).relation == "based_on"


def test_a_question_heading_between_opens_a_new_part_not_a_quote():
    text = _PAGE_HEAD + (
        "Tại Phụ lục I Quyết định 901/QĐ-BHXH năm 2025 quy định mẫu biểu như sau:\n\n"
        "**Thời hạn nộp hồ sơ là bao lâu?**\n\n"
        "Căn cứ Nghị định 158/2025/NĐ-CP ngày 25/6/2025 của Chính phủ, thời hạn nộp hồ sơ là 30 ngày.\n"
    )
    assert _one(text, "158/2025/NĐ-CP", reported=True).relation == "based_on"


# ---- a consolidated text (văn bản hợp nhất) ------------------------------------------------------------


_CONSOLIDATED = (
    "| BỘ QUỐC PHÒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
    "| Số: 41/VBHN-BQP | Hà Nội, ngày 3 tháng 3 năm 2025 |\n\n"
    "QUYẾT ĐỊNH\nVỀ THỰC HIỆN CHẾ ĐỘ ĐỐI VỚI DÂN QUÂN ĐÃ THAM GIA BẢO VỆ BIÊN GIỚI\n"
    "Quyết định số 51/2012/QĐ-TTg ngày 8 tháng 11 năm 2012 của Thủ tướng Chính phủ về thực hiện chế độ đối "
    "với dân quân đã tham gia bảo vệ biên giới, được sửa đổi, bổ sung bởi:\n"
    "Quyết định số 19/2016/QĐ-TTg ngày 4 tháng 5 năm 2016 của Thủ tướng Chính phủ sửa đổi Quyết định số "
    "51/2012/QĐ-TTg.\n\n"
    "Điều 3. Mức trợ cấp\nMức trợ cấp thực hiện theo quy định tại Nghị định số 75/2021/NĐ-CP[1].\n\n"
    "[1] Điều này được sửa đổi, thay thế theo quy định tại khoản 1 Điều 1 Quyết định số 19/2016/QĐ-TTg, "
    "có hiệu lực kể từ ngày 20 tháng 6 năm 2016.\n"
    "[2] Cụm từ “Lao động - Thương binh và Xã hội” được thay thế bằng cụm từ “Nội vụ” theo quy định tại "
    "khoản 2 Điều 3 của Quyết định số 07/2025/QĐ-TTg, có hiệu lực kể từ ngày 1 tháng 7 năm 2025.\n"
    "Điều 3 của Quyết định số 07/2025/QĐ-TTg, có hiệu lực từ ngày 1 tháng 7 năm 2025, quy định như sau:\n"
    "“Điều 3. Điều khoản thi hành\n1. Quyết định này có hiệu lực từ ngày 1 tháng 7 năm 2025.\n"
    "2. Thay thế cụm từ “Lao động - Thương binh và Xã hội” bằng cụm từ “Nội vụ” tại Điều 4 Quyết định số "
    "51/2012/QĐ-TTg.”\n"
)


def test_a_consolidated_text_acts_only_where_its_body_speaks():
    got = [(m.key, m.relation) for m in extract(_CONSOLIDATED, own="41/VBHN-BQP") if m.key != "41/VBHN-BQP"]
    assert got == [
        ("51/2012/QĐ-TTg", "cites"),  # the consolidated decision, under the heading of its title
        ("19/2016/QĐ-TTg", "cites"),  # "được sửa đổi, bổ sung bởi:" reports another document's act
        ("51/2012/QĐ-TTg", "cites"),
        ("75/2021/NĐ-CP", "implements"),  # the consolidated provision's own "theo quy định tại"
        ("19/2016/QĐ-TTg", "cites"),  # a note: "được sửa đổi, thay thế theo quy định tại …"
        ("07/2025/QĐ-TTg", "cites"),  # a note: "được thay thế bằng … theo quy định tại …"
        ("07/2025/QĐ-TTg", "cites"),
        ("51/2012/QĐ-TTg", "cites"),  # inside the quoted article, past the quotations nested in it
    ]


def test_a_decision_heading_in_capitals_still_acts_on_what_it_names():
    text = "QUYẾT ĐỊNH\nVỀ VIỆC THỰC HIỆN QUYẾT ĐỊNH SỐ 51/2012/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
    assert _one(text, "51/2012/QĐ-TTg", own="41/VBHN-BQP").relation == "implements"


# ---- forms, a note's basis, an act ended in the own effect article -------------------------------------


def test_a_form_in_a_documents_annex_is_cited_not_carried_out():
    text = (
        "- Tờ khai lập theo mẫu số 05-HD quy định tại Quyết định số 12/2019/QĐ-BNV ngày 3/4/2019.\n"
        "- Giấy xác nhận theo mẫu tại Phụ lục II Thông tư số 08/2021/TT-BCT.\n"
    )
    rel = {m.key: m.relation for m in extract(text)}
    assert rel == {"12/2019/QĐ-BNV": "cites", "08/2021/TT-BCT": "cites"}


def test_a_labelled_note_opening_with_can_cu_is_the_pages_own_basis():
    text = _PAGE_HEAD + "**Lưu ý:** Căn cứ theo khoản 2 Điều 4 Nghị định 81/2024/NĐ-CP, mức phạt gấp đôi.\n"
    assert _one(text, "81/2024/NĐ-CP", reported=True).relation == "based_on"


def test_a_decision_ended_in_the_own_effect_article_is_repealed():
    text = (
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 5 tháng 1 năm 2026.\n\n"
        "Quyết định số 14/2020/QĐ-UBND ngày 2/6/2020 của Ủy ban nhân dân tỉnh ban hành Quy chế quản lý "
        "cụm công nghiệp hết hiệu lực thi hành.\n"
    )
    assert _one(text, "14/2020/QĐ-UBND").relation == "repeals"


def test_an_act_ended_elsewhere_without_the_own_effect_is_only_cited():
    text = "Quyết định số 14/2020/QĐ-UBND ngày 2/6/2020 của Ủy ban nhân dân tỉnh đã hết hiệu lực thi hành."
    assert _one(text, "14/2020/QĐ-UBND").relation == "cites"


# ---- a department named in lower case after its first words; a number given with its year only -------


def test_a_department_whose_name_goes_on_in_lower_case_is_named_whole():
    text = (
        "Ngày 5/11/2025, Cục Bảo vệ thực vật ban hành Công văn 1180/BVTV-KH năm 2025 về việc phòng trừ sâu."
    )
    m = _one(text, "1180/BVTV-KH")
    assert (m.issuer, m.date) == ("Cục Bảo vệ thực vật", dt.date(2025, 11, 5))


def test_a_verb_still_ends_such_a_name():
    text = "Công văn 77/ATTP-NĐ của Cục An toàn thực hiện kiểm tra về việc lấy mẫu."
    assert _one(text, "77/ATTP-NĐ").issuer == "Cục An toàn"


def test_a_number_with_its_year_only_takes_the_key_the_text_gives_in_full():
    text = (
        "Thông tư liên tịch 08/2025/TTLT-BTP-BNG quy định về ủy thác tư pháp. "
        "Theo Thông tư liên tịch 08/2025 thì hồ sơ gồm văn bản ủy thác."
    )
    keys = [(m.text, m.key) for m in extract(text)]
    assert keys[-1] == ("Thông tư liên tịch 08/2025", "08/2025/TTLT-BTP-BNG")


def test_a_decree_with_its_year_only_is_the_governments_decree():
    m = _one("Mức phạt tăng gấp đôi theo Nghị định 282/2025 từ tháng sau.", "282/2025/NĐ-CP")
    assert m.text == "Nghị định 282/2025"


def test_a_number_with_its_year_only_and_no_code_known_stays_unkeyed():
    got = [(m.text, m.key) for m in extract("Các xã thực hiện Kế hoạch 14/2025 của huyện về chuyển đổi số.")]
    assert got == [("Kế hoạch 14/2025", None)]


def test_a_maps_scale_and_a_full_number_with_emphasis_are_not_short_forms():
    assert extract("Lập quy hoạch 1/2000 khu đô thị mới phía nam.") == []
    m = _one(
        "Căn cứ Nghị định số 63**/**2010**/**NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;", "63/2010/NĐ-CP"
    )
    assert (m.date, m.issuer) == (dt.date(2010, 6, 8), "Chính phủ")


# ---- where a title ends in a list or a preamble ---------------------------------------------------------


def test_a_new_dash_item_ends_the_title_of_the_item_before_it():
    text = (
        "**Căn cứ pháp lý**\n"
        "- Luật Du lịch số 09/2017/QH14 ngày 19 tháng 6 năm 2017.\n"
        "- Nghị định số 168/2017/NĐ-CP ngày 31 tháng 12 năm 2017 của Chính phủ quy định chi tiết một số điều "
        "của Luật Du lịch.\n"
        "- Thông tư số 06/2017/TT-BVHTTDL ngày 15 tháng 12 năm 2017 của Bộ trưởng Bộ Văn hóa, Thể thao và Du "
        "lịch quy định chi tiết một số điều của Luật Du lịch.\n"
    )
    assert _one(text, "06/2017/TT-BVHTTDL").relation == "based_on"


def test_a_title_ends_at_its_sentence_end_before_closing_emphasis():
    text = (
        "*Căn cứ Quyết định số 98/QĐ-UBND ngày 15/8/2025 của Ủy ban nhân dân tỉnh về việc phê duyệt danh mục "
        "thủ tục hành chính.*\n"
        "*Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 77/TTr-STP ngày 08/11/2025.*\n"
    )
    m = _one(text, "77/TTr-STP")
    assert (m.relation, m.issuer) == ("cites", "Giám đốc Sở Tư pháp")


def test_decisions_listed_after_sau_het_hieu_luc_are_repealed():
    text = (
        "Các Quyết định sau hết hiệu lực kể từ ngày Quyết định này có hiệu lực: Quyết định số 310/2016/QĐ-UBND "
        "ngày 18/3/2016 của Ủy ban nhân dân thành phố về quy chế khai thác dữ liệu; Quyết định số "
        "12/2019/QĐ-UBND ngày 2/4/2019 của Ủy ban nhân dân thành phố sửa đổi quy chế đó.\n"
    )
    rel = {m.key: m.relation for m in extract(text)}
    assert rel == {"310/2016/QĐ-UBND": "repeals", "12/2019/QĐ-UBND": "repeals"}


def test_a_procedures_code_in_a_table_row_is_no_section_that_ends_the_basis_column():
    text = (
        "|\n**STT**\n|\n**Mã số TTHC**\n|\n**Tên thủ tục**\n|\n**Căn cứ pháp lý**\n|\n|\n01\n|\n"
        "1.014464. H12\n|\nThủ tục cấp giấy chứng nhận lưu hành tự do\n|\n"
        "- Nghị định số 146/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định về phân quyền.\n|\n"
    )
    assert _one(text, "146/2025/NĐ-CP").relation == "based_on"


# ---- a portal's English translation --------------------------------------------------------------------


def test_citations_in_a_translation_take_vietnamese_keys_types_and_dates():
    text = (
        "Pursuant to the Law on Fees and Charges No. 97/2015/QH13;\n"
        "Pursuant to the Government’s Decree No.120/2016/ND-CP dated August 23, 2016 on elaboration of the Law "
        "on Fees and Charges; the Government’s Decree No. 82/2023/ND-CP dated November 28, 2023 on amendments "
        "to the Government’s Decree No. 120/2016/ND-CP;\n"
    )
    got = [(m.key, m.doc_type, m.date, m.issuer, m.relation) for m in extract(text)]
    assert got == [
        ("97/2015/QH13", "Luật", None, None, "based_on"),
        # the body as the translation names it ("the Government’s"), as a Vietnamese text's is given
        ("120/2016/NĐ-CP", "Nghị định", dt.date(2016, 8, 23), "Government", "based_on"),
        ("82/2023/NĐ-CP", "Nghị định", dt.date(2023, 11, 28), "Government", "based_on"),
        ("120/2016/NĐ-CP", "Nghị định", None, "Government", "cites"),  # in 82/2023's title
    ]


def test_a_translation_that_complies_with_a_list_implements_it():
    text = (
        "Other contents shall comply with regulations of the following documents: the Decree No. 126/2020/ND-CP "
        "and the Circular No. 32/2025/TT-BTC.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [
        ("126/2020/NĐ-CP", "implements"),
        ("32/2025/TT-BTC", "implements"),
    ]


def test_english_type_words_need_a_number_code_after_no():
    assert extract("The Law No. 5 of physics and the Decision No. 3 of the board.") == []


def test_resolutions_that_end_when_this_one_takes_effect_are_repealed():
    text = (
        "2. Nghị quyết số 31/2021/QH15 ngày 28 tháng 7 năm 2021 của Quốc hội về cơ cấu Chính phủ và Nghị quyết "
        "số 140/2024/QH15 của Quốc hội hết hiệu lực từ khi Nghị quyết này có hiệu lực thi hành.\n"
    )
    rel = {m.key: m.relation for m in extract(text)}
    assert rel == {"31/2021/QH15": "repeals", "140/2024/QH15": "repeals"}


def test_a_form_numbered_after_a_documents_name_is_no_citation_of_that_document():
    texts = [
        "Cơ quan thuế gửi Thông báo không chấp thuận gia hạn nộp thuế theo mẫu số 03/GHAN kèm theo Thông tư này.",
        "Ủy ban nhân dân cấp xã ban hành Quyết định cưỡng chế kiểm đếm theo Mẫu số 01 của Nghị định.",
    ]
    for text in texts:
        assert extract(text) == [], text


def test_a_news_lead_subject_that_ra_a_decision_issued_it():
    m = _one(
        "Ngày 04/7/2025, UBND tỉnh Lai Châu ra Quyết định 1702/QĐ-UBND năm 2025 về thủ tục.", "1702/QĐ-UBND"
    )
    assert (m.issuer, m.date) == ("UBND tỉnh Lai Châu", dt.date(2025, 7, 4))


def test_following_up_a_telegram_is_no_act_of_carrying_it_out():
    text = "Tiếp theo Công điện 227/CĐ-TTg ngày 23/11/2025 của Thủ tướng Chính phủ, Thủ tướng yêu cầu các bộ khẩn trương."
    assert _one(text, "227/CĐ-TTg").relation == "cites"
    assert (
        _one("Các tỉnh thực hiện theo Công điện 227/CĐ-TTg của Thủ tướng.", "227/CĐ-TTg").relation
        == "implements"
    )
