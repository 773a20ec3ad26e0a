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
        "178/2024/NĐ-CP thì được hưởng bù."
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
