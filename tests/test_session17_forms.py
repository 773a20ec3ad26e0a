"""Forms a blind set of real pages showed in session 17 (issue 12). Every sentence is our own wording of a
form seen in real text."""

from __future__ import annotations

import datetime as dt

from refgraph import extract

from .conftest import first_by_key

_by_key = first_by_key


# ---- an applicant's request, numbered by its own series ---------------------------------------------------


def test_an_applicants_request_numbered_in_its_series_is_a_citation():
    # a customs notice rests on a firm's application: "Đơn đề nghị <what> số <series>-<item>/<codes>", dated
    # with "đề ngày" (the paper's own date, not the day it was received)
    text = (
        "Trên cơ sở Đơn đề nghị xác định mã số số 0412-03/AB-TCHQ đề ngày 02/6/2025 (nhận ngày 10/6/2025) "
        "của Công ty TNHH Điện tử Minh An và hồ sơ kèm theo, Cục Hải quan thông báo như sau:"
    )
    found = _by_key(text)["0412-03/AB-TCHQ"]
    assert found.doc_type == "Đơn đề nghị"
    assert found.date == dt.date(2025, 6, 2)
    assert found.issuer == "Công ty TNHH Điện tử Minh An"


def test_the_request_may_wrap_between_its_words_and_its_number():
    text = (
        "Căn cứ Đơn đề\nnghị xác định mã số\nsố 0412-04/AB-TCHQ đề ngày 02/6/2025 của Công ty TNHH Minh An;"
    )
    assert "0412-04/AB-TCHQ" in _by_key(text)


def test_the_series_may_be_a_month_and_year():
    # "02-1025/NMT": the second of October 2025's applications; the number may wrap onto the next line
    text = "Trên cơ sở Đơn đề nghị xác định mã số số\n02-1025/NMT ngày 20/10/2025 của Công ty TNHH Minh Tâm;"
    found = _by_key(text)["02-1025/NMT"]
    assert found.date == dt.date(2025, 10, 20)
    assert found.issuer == "Công ty TNHH Minh Tâm"


def test_a_request_without_a_number_is_no_citation():
    text = "Ủy ban nhân dân xã đã nhận đơn đề nghị của ông Nguyễn Văn Bình về việc cấp giấy chứng nhận."
    assert [m for m in extract(text) if m.key] == []


def test_a_name_ending_in_so_keeps_it_when_the_number_has_its_own():
    # "Luật Chuyển đổi số số 148/…": the first "số" is the law's name (digital transformation), the second
    # introduces its number
    found = _by_key("Căn cứ Luật Chuyển đổi số số 148/2025/QH15;")["148/2025/QH15"]
    assert found.name == "Luật Chuyển đổi số"
    assert found.relation == "based_on"


def test_de_ngay_dates_any_letter():
    found = _by_key("Sở Tài chính nhận được Công văn số 15/HT-KD đề ngày 03/4/2025 của Công ty Hòa Thịnh.")
    assert found["15/HT-KD"].date == dt.date(2025, 4, 3)


def test_a_firms_name_ends_before_its_request():
    text = (
        "Cục Hải quan nhận được công văn số 2025-007/MA-CHQ ngày 12/11/2025 của Công ty TNHH Minh An Vina "
        "đề nghị hướng dẫn việc khai báo hàng mẫu."
    )
    found = _by_key(text)["2025-007/MA-CHQ"]
    assert found.issuer == "Công ty TNHH Minh An Vina"
    assert found.date == dt.date(2025, 11, 12)


# ---- news leads -----------------------------------------------------------------------------------------


def test_a_person_signing_dates_the_document_and_names_no_issuer():
    # "Ngày …, Tổng Bí thư <name> đã ký ban hành Nghị quyết X của Bộ Chính trị": the date is the resolution's;
    # the issuer is the body named after it, never the person
    text = (
        "Tin mới.\n\nNgày 12 tháng 3 năm 2025, Tổng Bí thư Lê Văn An đã ký ban hành Nghị quyết 91-NQ/TW "
        "của Bộ Chính trị về phát triển kinh tế biển."
    )
    found = _by_key(text)["91-NQ/TW"]
    assert found.date == dt.date(2025, 3, 12)
    assert found.issuer == "Bộ Chính trị"


def test_a_person_signing_without_a_body_leaves_the_issuer_empty():
    text = "Tin mới.\n\nNgày 12/3/2025, Tổng Bí thư Lê Văn An đã ký ban hành Kết luận 171-KL/TW về công tác cán bộ."
    found = _by_key(text)["171-KL/TW"]
    assert found.date == dt.date(2025, 3, 12)
    assert found.issuer is None


def test_a_lead_dated_in_words_dates_its_document():
    # (a name read up to its verb, the lead's subject, needs the sentence to open before it: a date in words
    # opens it as one in figures does)
    text = "Lịch sử.\n\nNgày 11 tháng 7 năm 1994, Chính phủ Việt Nam ban hành Nghị định số 71-CP về việc thành lập huyện."
    found = _by_key(text)["71-CP"]
    assert found.date == dt.date(1994, 7, 11)
    assert found.issuer == "Chính phủ Việt Nam"


def test_a_body_opening_a_sentence_after_an_adverbial_issues_under_its_code():
    # "Đồng thời, Bộ Nội vụ đã có Quy chế ban hành kèm theo Quyết định X/QĐ-BNV": the code names the body
    text = (
        "Về chế độ thưởng.\n\nĐồng thời, Bộ Nội vụ đã có Quy chế ban hành kèm theo Quyết định 512/QĐ-BNV "
        "năm 2024 quy định về đối tượng áp dụng."
    )
    assert _by_key(text)["512/QĐ-BNV"].issuer == "Bộ Nội vụ"


def test_thi_stands_for_the_comma_before_the_body_acting_in_a_document():
    text = (
        "Cụ thể, tại Kết luận 160-KL/TW năm 2025 thì Bộ Chính trị đã giao Đảng ủy Chính phủ chỉ đạo rà soát."
    )
    assert _by_key(text)["160-KL/TW"].issuer == "Bộ Chính trị"


def test_a_body_that_meets_before_it_acts_is_not_named_by_the_meeting():
    # "Ban Chấp hành … họp Hội nghị lần thứ 15 ra Nghị quyết …": "họp" ends the subject; the meeting's words
    # are no part of the body's name
    text = (
        "Lịch sử.\n\nNgày 13 tháng 1 năm 1959, Ban chấp hành Trung ương Đảng Lao động Việt Nam họp Hội nghị lần "
        "thứ 15 ra Nghị quyết số 15-NQ/TW về cách mạng miền Nam."
    )
    found = _by_key(text)["15-NQ/TW"]
    # (a lead dated in words is read for its subject, up to the verb "ra": without "họp" as a clause word the
    # meeting was read into the body's name; the body alone, or none, is right)
    assert found.issuer in (None, "Ban chấp hành Trung ương Đảng Lao động Việt Nam")


# ---- a page that reports ----------------------------------------------------------------------------------


def test_a_lower_case_type_word_after_can_cu_is_no_preamble():
    # a question-and-answer page paraphrasing a rule: "Căn cứ báo cáo thành tích …" is the rule's wording, not a
    # preamble line of the page's own; the page acts on nothing it names
    text = (
        "# Tiền thưởng định kỳ được tính thế nào?\n\n"
        "Cán bộ, công chức được xét thưởng hằng năm theo Nghị định 88/2024/NĐ-CP về chế độ tiền thưởng. "
        "Mức thưởng do thủ trưởng cơ quan quyết định trong quỹ thưởng của đơn vị.\n\n"
        "Căn cứ báo cáo thành tích của các cá nhân thuộc đơn vị, người đứng đầu đơn vị đánh giá, chấm điểm "
        "thành tích công tác của từng người theo mẫu của quy chế.\n\n"
        "Quý khách cần hỏi thêm thông tin có thể để lại câu hỏi cho chúng tôi.\n\n"
        + "Bài viết chỉ mang tính tham khảo, không phải ý kiến tư vấn chính thức. "
        * 25  # a page, not a snippet
    )
    (found,) = [m for m in extract(text, reported=True) if m.key == "88/2024/NĐ-CP"]
    assert found.relation == "cites"


def test_a_capitalised_or_numbered_type_word_after_can_cu_is_a_preamble():
    for line in (
        "Căn cứ Nghị định 88/2024/NĐ-CP về chế độ tiền thưởng;",
        "căn cứ nghị định số 88/2024/NĐ-CP;",
    ):
        text = (
            f"{line}\nỦy ban nhân dân xã ban hành quy chế thưởng theo Nghị định 73/2024/NĐ-CP.\n"
            + "Nội dung. " * 30
        )
        found = {m.key: m for m in extract(text, reported=True)}  # a page whose header was not read
        assert found["88/2024/NĐ-CP"].relation == "based_on"
        assert found["73/2024/NĐ-CP"].relation == "implements"


def test_what_issued_the_part_a_text_rests_on_is_rested_on_too():
    # "Căn cứ Mục 4 Phần II Chương trình hành động ban hành kèm theo Nghị quyết X": the programme is the
    # resolution's own annex, so the page's basis is the resolution (as with "… Quy chế ban hành kèm theo …")
    text = (
        "Câu hỏi: nhiệm vụ về bảo hiểm y tế là gì?\n\nCăn cứ Mục 3 Phần II Chương trình hành động ban hành kèm "
        "theo Nghị quyết 190/NQ-CP năm 2025 quy định về nhiệm vụ phát triển bảo hiểm y tế như sau:"
    )
    assert _by_key(text)["190/NQ-CP"].relation == "based_on"


def test_a_body_spelt_with_the_old_tone_mark_opens_a_lead():
    text = (
        "Tin mới.\n\nNgày 22/4/2025, Uỷ ban nhân dân Thành phố Hải Phòng đã ban hành Công điện 07/CĐ-UBND năm "
        "2025 về việc phòng chống bão."
    )
    found = _by_key(text)["07/CĐ-UBND"]
    assert found.issuer == "Ủy ban nhân dân Thành phố Hải Phòng"  # respelt, as every issuer is
    assert found.date == dt.date(2025, 4, 22)


def test_a_passive_agent_after_a_portals_year():
    text = "Tin mới.\n\nNghị quyết 19-NQ/TW năm 2022 được Ban Chấp hành Trung ương ban hành về nông nghiệp."
    assert _by_key(text)["19-NQ/TW"].issuer == "Ban Chấp hành Trung ương"


# ---- lists and leads in explainers ---------------------------------------------------------------------------


def test_a_counted_heading_names_the_body_of_each_listed_item():
    # "Bộ Tài chính cũng ban hành 06 Thông tư …, gồm:⏎(1) Thông tư …": each item is the heading body's, when its
    # code agrees; a document named inside an item's text, and one after the list, are not
    text = (
        "Bộ Tài chính cũng ban hành 03 Thông tư về chuẩn mực kế toán công, gồm:\n\n"
        "(1) Thông tư 11/2024/TT-BTC ban hành chuẩn mực về hàng tồn kho theo Nghị định 25/2017/NĐ-CP;\n\n"
        "(2) Thông tư 12/2024/TT-BTC ban hành chuẩn mực về tài sản cố định.\n\n"
        "Ngoài ra, Thông tư 13/2024/TT-BTC quy định về báo cáo."
    )
    found = _by_key(text)
    assert found["11/2024/TT-BTC"].issuer == "Bộ Tài chính"
    assert found["12/2024/TT-BTC"].issuer == "Bộ Tài chính"
    assert found["25/2017/NĐ-CP"].issuer is None
    assert found["13/2024/TT-BTC"].issuer is None


def test_a_body_acting_in_a_document_may_follow_without_a_comma():
    text = (
        "Tin mới.\n\nTheo Nghị quyết 211/2025/QH15 Quốc hội yêu cầu các bộ, ngành rà soát chi thường xuyên."
    )
    assert _by_key(text)["211/2025/QH15"].issuer == "Quốc hội"


def test_a_leads_day_and_month_take_the_numbers_year():
    # "Ngày 10/11, Chính phủ ban hành Nghị định 293/2025/NĐ-CP …": the news gives no year; the number does
    text = "Tin mới.\n\nNgày 10/11, Chính phủ ban hành Nghị định 301/2025/NĐ-CP quy định mức lương tối thiểu."
    assert _by_key(text)["301/2025/NĐ-CP"].date == dt.date(2025, 11, 10)
    no_year = "Tin mới.\n\nNgày 10/11, Chính phủ ban hành Nghị định 301 quy định mức lương tối thiểu."
    assert [m.date for m in extract(no_year) if m.doc_type == "Nghị định"] == [None]


def test_a_plenum_after_a_portals_year_names_its_committee():
    text = (
        "Tại Mục II Nghị quyết 19-NQ/TW năm 2022, Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII "
        "về nông nghiệp, nông dân, nông thôn đã nêu rõ quan điểm."
    )
    found = _by_key(text)["19-NQ/TW"]
    assert found.issuer == "Ban Chấp hành Trung ương Đảng"
    assert found.term == "XIII"


def test_a_laws_name_before_the_bracket_with_its_number_names_it_elsewhere():
    # "Luật Đất đai năm 2024 (Luật số 31/2024/QH15)": the name is the numbered law's, so the same name
    # elsewhere on the page is that law; the passive after the bracket gives its body and date
    text = (
        "Tin mới.\n\nLuật Nhà ở năm 2023 có nhiều điểm mới.\n\n"
        "Trên cơ sở đó, Luật Nhà ở năm 2023 (Luật số 27/2023/QH15) được Quốc hội khóa XV ban hành ngày "
        "27/11/2023.\n\nViệc thi hành Luật Nhà ở còn vướng mắc."
    )
    found = [m for m in extract(text) if m.key == "27/2023/QH15"]
    assert [m.text for m in found][0] == "Luật Nhà ở năm 2023"
    assert len(found) == 3
    numbered = next(m for m in found if "số" in m.text)
    assert numbered.issuer == "Quốc hội"
    assert numbered.date == dt.date(2023, 11, 27)


def test_a_passive_agent_after_a_quoted_title_with_its_term():
    text = (
        "Tin mới.\n\nNghị quyết số 29-NQ/TW về “Tiếp tục đẩy mạnh công nghiệp hóa” được Ban Chấp hành Trung "
        "ương khóa XIII ban hành ngày 17/11/2022."
    )
    found = _by_key(text)["29-NQ/TW"]
    assert found.issuer == "Ban Chấp hành Trung ương"
    assert found.term == "XIII"
    assert found.date == dt.date(2022, 11, 17)


def test_a_lead_may_open_with_an_adverbial_and_its_date():
    text = (
        "Tin mới.\n\nTrước đó, ngày 12/9/2025, Ban Chỉ đạo về tổng kết thực hiện Nghị quyết 18-NQ/TW năm 2017 "
        "có Công văn 61-CV/BCĐ năm 2025 về việc sắp xếp đơn vị sự nghiệp."
    )
    found = _by_key(text)["61-CV/BCĐ"]
    assert found.issuer == "Ban Chỉ đạo về tổng kết thực hiện Nghị quyết 18-NQ/TW năm 2017"
    assert found.date == dt.date(2025, 9, 12)


def test_a_body_reporting_or_agreeing_in_a_document_issued_it():
    text = "Tin mới.\n\nTại Báo cáo 601-BC/BTCTW năm 2025, Ban Tổ chức Trung ương báo cáo tình hình bộ máy."
    assert _by_key(text)["601-BC/BTCTW"].issuer == "Ban Tổ chức Trung ương"
    text = "Tin mới.\n\nTại Kết luận 230-KL/TW năm 2025, Bộ Chính trị, Ban Bí thư cơ bản thống nhất với Tờ trình."
    assert _by_key(text)["230-KL/TW"].issuer == "Bộ Chính trị, Ban Bí thư"


def test_a_sectors_trade_union_opens_a_lead():
    text = "Tin mới.\n\nNgày 17/9/2025, Công đoàn Ngân hàng Việt Nam ban hành Kế hoạch 1500/KH-CĐNH về tổ chức Đại hội."
    found = _by_key(text)["1500/KH-CĐNH"]
    assert found.issuer == "Công đoàn Ngân hàng Việt Nam"
    assert found.date == dt.date(2025, 9, 17)


def test_a_repeal_to_be_asked_of_another_authority_is_cited():
    # "… rà soát, báo cáo cấp có thẩm quyền bãi bỏ Quyết định X": the resolution repeals nothing itself
    text = (
        "2. Bộ Xây dựng chủ trì rà soát, báo cáo cấp có thẩm quyền bãi bỏ Quyết định số 1620/QĐ-TTg ngày 3 "
        "tháng 9 năm 2014 của Thủ tướng Chính phủ."
    )
    assert _by_key(text)["1620/QĐ-TTg"].relation == "cites"
    assert (
        _by_key("Điều 2. Bãi bỏ Quyết định số 1620/QĐ-TTg ngày 3/9/2014.")["1620/QĐ-TTg"].relation
        == "repeals"
    )


def test_a_comma_may_stand_between_a_portals_year_and_the_date():
    text = "- Ưu tiên đầu tư theo Nghị quyết 57-NQ/TW năm 2024, ngày 22/12/2024 của Bộ Chính trị về khoa học."
    found = _by_key(text)["57-NQ/TW"]
    assert found.date == dt.date(2024, 12, 22)
    assert found.issuer == "Bộ Chính trị"
