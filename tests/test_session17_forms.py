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
        "Lịch sử.\n\nNgày 13 tháng 1 năm 1959, Ban Chấp hành Trung ương Đảng họp Hội nghị lần thứ 15 ra "
        "Nghị quyết số 15-NQ/TW về cách mạng miền Nam."
    )
    found = _by_key(text)["15-NQ/TW"]
    assert found.issuer is None or "họp" not in found.issuer
