"""Forms seen in real documents (issue 12), each in a sentence written for the test: what a careful reader
takes from it as key, date, issuer and relation."""

from __future__ import annotations

import datetime as dt

import pytest

from refgraph import extract


def one(text: str, key: str):
    found = [m for m in extract(text) if m.key == key]
    assert len(found) == 1, [(m.key, m.text) for m in extract(text)]
    return found[0]


def keys(text: str) -> list[str | None]:
    return [m.key for m in extract(text)]


# ---- finding ------------------------------------------------------------------------------------------


def test_heading_in_capitals_gives_key_date_and_running_text_issuer():
    m = one(
        "KẾ HOẠCH\nTRIỂN KHAI CHỈ THỊ SỐ 12/CT-TTG NGÀY 03 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ CẢI CÁCH",
        "12/CT-TTg",
    )
    assert (m.date, m.issuer, m.relation) == (dt.date(2024, 5, 3), "Thủ tướng Chính phủ", "implements")


def test_heading_issuer_stops_where_the_body_text_resumes():
    text = "THEO QUYẾT ĐỊNH SỐ 45/2003/QĐ-TTG NGÀY 8/4/2003 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Quyết định số 45/2003/QĐ-TTg;"
    heading, body = extract(text)
    assert heading.issuer == "Thủ tướng Chính phủ"
    assert body.relation == "based_on"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kết luận số 41, 42- KL/TW của Ban Bí thư", ["41-KL/TW", "42-KL/TW"]),
        ("các Nghị định số 11/2021/NĐ-CP và 12/2022/NĐ-CP", ["11/2021/NĐ-CP", "12/2022/NĐ-CP"]),
        ("Thông báo số 5/TB-VPCP ngày 1/2/2024 và số 61/TB-VPCP ngày 3/4/2024", ["05/TB-VPCP", "61/TB-VPCP"]),
        ("theo Chỉ thị 09/CTTg ngày 2/3/2021", ["09/CT-TTg"]),
        ("Nghị quyết số 12.5/2025/NQ-CP ngày 2/7/2025", ["12.5/2025/NQ-CP"]),
        ("Nghị quyết số** 88**/2025/QH15 của Quốc hội", ["88/2025/QH15"]),
        ("Quyết định số 21A-HĐBT về việc chia huyện", ["21A-HĐBT"]),
        ("Nghị định số 7/NQ/1977 về việc hợp nhất", ["07/NQ/1977"]),
        ("Nghị định số 140/2024-NĐ-CP của Chính phủ", ["140/2024/NĐ-CP"]),
        ("Quyết định số 12/QĐ-SKH&ĐT của Sở", ["12/QĐ-SKH&ĐT"]),
    ],
)
def test_number_codes_as_real_texts_write_them(text, want):
    assert keys(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Căn cứ Luật Bảo vệ, chăm sóc trẻ em số 11/2016/QH14;", "11/2016/QH14"),
        ("Căn cứ Luật Đầu tư công 2024 số 58/2024/QH15;", "58/2024/QH15"),
        ("Căn cứ Luật quản lý, sử dụng vũ khí 14/2017/QH14;", "14/2017/QH14"),
        ("thực hiện Chương trình hành động 215-CTr/TU của Tỉnh ủy", "215-CTr/TU"),
        ("Báo cáo thẩm tra số 77/BC-KTNS của Ban Kinh tế", "77/BC-KTNS"),
        ("theo Phương án số 31/PA-UBND ngày 2/5/2025", "31/PA-UBND"),
        ("tại Văn bản số 4410/BNV-CQĐP ngày 9/9/2025", "4410/BNV-CQĐP"),
        ("Văn bản hợp nhất số 12/VBHN-BTC", "12/VBHN-BTC"),
    ],
)
def test_type_words_and_names_before_the_number(text, want):
    assert want in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "xây dựng kế hoạch 5 năm của ngành",
        "điều chỉnh quy hoạch 02 cấp của tỉnh",
        "theo quy định tại Phụ lục số 3 ban hành kèm theo Thông tư này",
        "các văn bản 02 cấp",
        "CHẾ ĐỘ BÁO CÁO**\n\n**1. Theo dõi",
    ],
)
def test_not_citations(text):
    assert [m for m in extract(text) if m.key is None and "alias" not in m.flags] == []


def test_a_list_item_number_is_not_a_list_continuation():
    text = "hưởng theo Nghị định số 31/2020/NĐ-CP; 2- Chính sách đối với cán bộ"
    assert keys(text) == ["31/2020/NĐ-CP"]


def test_state_pattern_number_of_a_party_body_gets_the_party_key():
    m = one("theo Thông tư số 12/TT-TC ngày 4/5/1961 của Ban Tổ chức Trung ương", "12-TT/TC")
    assert "state_pattern_for_party" in m.flags


# ---- fields --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "issuer"),
    [
        (
            "Căn cứ Nghị định số 25/2025/NĐ-CP của Chính phủ quy định mức phí cấp bản sao;",
            "25/2025/NĐ-CP",
            "Chính phủ",
        ),
        (
            "Căn cứ Thông tư số 8/2024/TT-BTC của Bộ Tài chính hướng dẫn thi hành;",
            "08/2024/TT-BTC",
            "Bộ Tài chính",
        ),
        (
            "Căn cứ Quyết định số 7/QĐ-UBND của Ủy ban nhân dân tỉnh Đồng Nai quy định mức thu;",
            "07/QĐ-UBND",
            "Ủy ban nhân dân tỉnh Đồng Nai",
        ),
        (
            "Căn cứ Thông tư số 3/2020/TT-BNNPTNT của Bộ Nông nghiệp và Phát triển nông thôn quy định tiêu chuẩn;",
            "03/2020/TT-BNNPTNT",
            "Bộ Nông nghiệp và Phát triển nông thôn",
        ),
        (
            "Căn cứ Nghị quyết số 9/NQ-TW của Ban chấp hành Trung ương Đảng về X;",
            "09-NQ/TW",
            "Ban chấp hành Trung ương Đảng",
        ),
        (
            "Căn cứ Thông tư số 1/2019/TT-VPCP của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn X;",
            "01/2019/TT-VPCP",
            "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        ),
        (
            "Thực hiện Kết luận số 99-KL/TW của Bộ Chính trị, Ban Bí thư về X;",
            "99-KL/TW",
            "Bộ Chính trị, Ban Bí thư",
        ),
        (
            "Đại biểu thảo luận Báo cáo số 7/BC-KTNS của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; sau đó",
            "07/BC-KTNS",
            "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh",
        ),
        (
            "theo Nghị quyết 19-NQ/TW ngày 16/6/2022, Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về X",
            "19-NQ/TW",
            "Ban Chấp hành Trung ương Đảng",
        ),
    ],
)
def test_issuer_ends_where_the_title_begins(text, key, issuer):
    assert one(text, key).issuer == issuer


@pytest.mark.parametrize(
    ("text", "key", "issuer"),
    [
        ("Nghị định 13/2024/NĐ-CP của Chính phủ Quy định Chi tiết Luật X", "13/2024/NĐ-CP", "Chính phủ"),
        (
            "Quyết định 88/QĐ-UBND của Ủy ban nhân dân tỉnh Lào Cai Ban hành Quy chế Y",
            "88/QĐ-UBND",
            "Ủy ban nhân dân tỉnh Lào Cai",
        ),
        (
            "Nghị định số 4/NĐ-CP của Chính phủ Lâm thời Cộng hòa X",
            "04/NĐ-CP",
            "Chính phủ Lâm thời Cộng hòa X",
        ),
    ],
)
def test_titles_in_title_case_are_not_part_of_the_issuer(text, key, issuer):
    assert one(text, key).issuer == issuer


def test_body_named_by_its_topic_keeps_its_topic():
    m = one("Căn cứ Kế hoạch số 4-KH/BCĐ của Ban Chỉ đạo về chuyển đổi số tỉnh;", "04-KH/BCĐ")
    assert m.issuer == "Ban Chỉ đạo về chuyển đổi số tỉnh"


@pytest.mark.parametrize(
    ("text", "key", "date", "issuer"),
    [
        (
            "Ngày 12/3/2025, Chính phủ ban hành Nghị định số 61/2025/NĐ-CP về X.",
            "61/2025/NĐ-CP",
            dt.date(2025, 3, 12),
            "Chính phủ",
        ),
        (
            "Ngày 2 tháng 9 năm 1976, Bộ Chính trị ban hành Nghị quyết số 8-NQ/TW về X.",
            "08-NQ/TW",
            dt.date(1976, 9, 2),
            "Bộ Chính trị",
        ),
        (
            "Ngày 27 tháng 12 năm 2023:\n\n- Chính phủ ban hành Nghị định số 91/2023/NĐ-CP về X",
            "91/2023/NĐ-CP",
            dt.date(2023, 12, 27),
            "Chính phủ",
        ),
        (
            "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 55/TTr-SNV.",
            "55/TTr-SNV",
            None,
            "Giám đốc Sở Nội vụ",
        ),
        ("Sở Y tế đã có Công văn số 90/SYT-NV về X.", "90/SYT-NV", None, "Sở Y tế"),
        (
            "Cụ thể, tại Quyết định số 301/QĐ-TTg, Thủ tướng quyết định bổ nhiệm",
            "301/QĐ-TTg",
            None,
            "Thủ tướng Chính phủ",
        ),
    ],
)
def test_issuer_and_date_named_before_or_around_the_citation(text, key, date, issuer):
    m = one(text, key)
    assert (m.date, m.issuer) == (date, issuer)


def test_a_headline_verb_alone_does_not_name_the_issuer():
    # a bare "ban hành" with no date is a report, as the seeds' gold reads it
    assert one("(Báo X) - Tỉnh ủy Y ban hành Kế hoạch số 7-KH/TU về Z", "07-KH/TU").issuer is None


def test_a_sentence_after_another_is_not_a_body_before_the_citation():
    m = one(
        "Ông được bầu vào Ban Thường vụ Tỉnh ủy. Tại Quyết định số 64/QĐ-TTg, Thủ tướng giao", "64/QĐ-TTg"
    )
    assert m.issuer == "Thủ tướng Chính phủ"


def test_date_belongs_to_its_own_item_in_a_list():
    a, b = extract("Nghị định số 1/2020/NĐ-CP ngày 2/1/2020 và Nghị định số 9/2021/NĐ-CP ngày 5/6/2021")
    assert (a.date, b.date) == (dt.date(2020, 1, 2), dt.date(2021, 6, 5))


def test_markdown_inside_a_date():
    m = one("Xét Công văn số 418/BNV-VP ngày 7 tháng 10 năm* *2024 gửi các tỉnh;", "418/BNV-VP")
    assert m.date == dt.date(2024, 10, 7)


def test_session_of_the_assembly_names_the_issuer():
    m = one(
        "Căn cứ Nghị quyết số 14/2024/QH15 ngày 29 tháng 6 năm 2024 kỳ họp thứ 7 Quốc hội khóa XV;",
        "14/2024/QH15",
    )
    # the term field is the Party term (ANNOTATION.md); the Assembly's "khóa XV" is no Party term
    assert (m.issuer, m.term) == ("Quốc hội", None)


def test_slip_of_month_for_year_before_four_digits():
    assert one(
        "Thực hiện Quyết định số 36/QĐ-TTg ngày 8 tháng 4 tháng 2021 về X;", "36/QĐ-TTg"
    ).date == dt.date(2021, 4, 8)


def test_reference_entry_date_is_not_the_access_date():
    text = (
        '**^**"Nghị quyết số 42/NQ-HĐND về việc sáp nhập xã". *Cổng thông tin*. ngày 3 tháng 4 năm 2019. '
        "Truy cập ngày 7 tháng 5 năm 2024.**^**\n"
        '**^**"Quyết định số 9/QĐ-UBND về việc đổi tên". Lưu trữ bản gốc ngày 1 tháng 1 năm 2020.'
    )
    a, b = extract(text)
    assert a.date == dt.date(2019, 4, 3)
    assert b.date is None


# ---- relations -----------------------------------------------------------------------------------------


def test_governing_phrase_over_a_numbered_list():
    text = (
        "Điều 3. Bãi bỏ các văn bản sau:\n"
        "1. Quyết định số 11/2015/QĐ-UBND ngày 2/3/2015 của Ủy ban nhân dân tỉnh phê duyệt Đề án X;\n"
        "2. Quyết định số 12/2016/QĐ-UBND ngày 4/5/2016 của Ủy ban nhân dân tỉnh ban hành Quy chế Y;\n"
        "3. Quyết định số 13/2017/QĐ-UBND ngày 6/7/2017 của Ủy ban nhân dân tỉnh."
    )
    assert [m.relation for m in extract(text) if m.key] == ["repeals", "repeals", "repeals"]


def test_governing_phrase_over_a_lettered_list():
    text = "Tiếp tục thực hiện các văn bản sau:\na) Chỉ thị số 5-CT/TW của Bộ Chính trị;\nb) Kết luận số 6-KL/TW của Ban Bí thư."
    assert [m.relation for m in extract(text) if m.key] == ["implements", "implements"]


def test_each_legal_basis_line_is_based_on():
    text = "Căn cứ Luật Đất đai số 31/2024/QH15;\nCăn cứ Nghị định số 102/2024/NĐ-CP của Chính phủ;"
    assert [m.relation for m in extract(text)] == ["based_on", "based_on"]


def test_legal_basis_heading_governs_the_items_listed_under_it():
    text = "**1.11. Căn cứ pháp lý:**\n\n- Nghị định số 55/2025/NĐ-CP ngày 1/3/2025 của Chính phủ;\n- Thông tư số 6/2025/TT-BNV."
    assert [m.relation for m in extract(text)] == ["based_on", "based_on"]


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Nghị định số 70/2025/NĐ-CP của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 123/2020/NĐ-CP;",
        "Căn cứ Kết luận số 15-KL/TW của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 46-CT/TW;",
        "thực hiện Quyết định 2597/QĐ-TTg phê duyệt Đề án thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị",
        "Ngày 12/3/2024, Bộ Công Thương ban hành Thông tư số 05/2024/TT-BCT sửa đổi Thông tư số 21/2019/TT-BCT.",
    ],
)
def test_a_document_named_in_another_ones_title_is_only_cited(text):
    outer, inner = extract(text)
    assert inner.relation == "cites"
    assert inner.subject == outer.key and inner.subject_relation not in (None, "cites")


def test_passive_amendment_takes_the_governing_clause():
    text = "Căn cứ Nghị định số 8/2015/NĐ-CP của Chính phủ về hải quan, được sửa đổi, bổ sung bởi Nghị định số 59/2018/NĐ-CP;"
    assert [m.relation for m in extract(text)] == ["based_on", "based_on"]


def test_alias_definition_restates_the_citation_before_it():
    text = "Căn cứ Nghị quyết số 48/NQ-CP ngày 3/4/2023 của Chính phủ về X (sau đây gọi tắt là Nghị quyết số 48/NQ-CP);"
    ms = [m for m in extract(text) if m.key]
    assert [m.relation for m in ms] == ["based_on", "based_on"]
    assert "relation: restates 48/NQ-CP (alias)" in ms[1].why  # the alias rule decided, not a list rule


def test_title_verb_does_not_leak_onto_the_next_item():
    text = (
        "Thực hiện các văn bản:\n"
        "- Quyết định số 4/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Đề án X;\n"
        "- Nghị quyết số 9/NQ-CP của Chính phủ."
    )
    assert [m.relation for m in extract(text) if m.key] == ["implements", "implements"]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("hồ sơ theo Mẫu số 02 ban hành kèm theo Nghị định số 30/2020/NĐ-CP", "cites"),
        ("Bãi bỏ Phụ lục II ban hành kèm theo Thông tư số 5/2023/TT-BTP", "repeals"),
        ("Thay thế cụm từ “cấp huyện” bằng cụm từ “cấp xã” tại Thông tư số 6/2023/TT-BTP", "amends"),
        ("Sửa đổi, bãi bỏ một số điều của Thông tư số 4/2022/TT-BTP", "amends"),
        ("xếp loại đơn vị theo quy định tại khoản 3 Điều 5 của Nghị định số 46/2024/NĐ-CP", "implements"),
        ("thiết bị quy định tại khoản 2 Điều 19 Nghị định số 64/2024/NĐ-CP", "cites"),
        ("căn cứ tiêu chí quy định tại Điều 7 của Nghị định số 27/2025/NĐ-CP", "based_on"),
        ("Theo đề nghị của Sở Tư pháp tại Tờ trình số 12/TTr-STP", "cites"),
        ("Đề nghị Bộ Nội vụ sửa đổi Nghị định số 17/2024/NĐ-CP", "cites"),
        ("đến khi có Thông tư khác thay thế Thông tư số 41/2018/TT-BYT", "cites"),
        ("Kế hoạch này thay thế Kế hoạch số 37/KH-UBND ngày 1/7/2023", "replaces"),
        ("Nghị quyết của Ủy ban Thường vụ Quốc hội (thay thế Nghị quyết số 12/2016/UBTVQH13)", "cites"),
        ("Thông tư số 3/2025/TT-BYT của Bộ Y tế hướng dẫn Nghị định số 11/2025/NĐ-CP", "cites"),
        ("Xét Tờ trình số 38/TTr-UBND ngày 1/1/2025 của Ủy ban nhân dân", "cites"),
        (
            "Việc kiểm tra mẫu được thực hiện theo khoản 4 Điều 12 Nghị định số 33/2024/NĐ-CP",
            "implements",
        ),
        ("Căn cứ theo Mục 1 Hướng dẫn số 43-HD/BTCTW của Ban Tổ chức Trung ương", "based_on"),
        ("(Ban hành kèm **theo Quyết định số 25/2016/QĐ-TTg của Thủ tướng Chính phủ)", "cites"),
    ],
)
def test_whose_act_the_phrase_names(text, relation):
    assert extract(text)[-1].relation == relation


def test_footnote_in_brackets_reads_its_own_sentence():
    text = "Các cơ quan đã tổ chức thực hiện các nhiệm vụ (Bộ Tài chính đã có Văn bản số 77/BTC-NSNN ngày 1/2/2025)."
    m = one(text, "77/BTC-NSNN")
    assert (m.relation, m.issuer) == ("cites", "Bộ Tài chính")


def test_a_note_listing_documents_takes_the_relation_of_the_sentence_carrying_its_mark():
    text = (
        "Các sở tổ chức quán triệt các văn bản có liên quan[2] trong tháng 12.\n\n"
        "Nơi nhận: như trên.\n\n"
        "[2] Nghị quyết số 16/2024/QH15 ngày 2/2/2024 của Quốc hội; Nghị quyết số 5/NQ-CP của Chính phủ."
    )
    assert [m.relation for m in extract(text) if m.key] == ["implements", "implements"]


def test_why_names_the_rules():
    m = one("Căn cứ Nghị định số 5/2025/NĐ-CP ngày 1/2/2025 của Chính phủ;", "05/2025/NĐ-CP")
    assert any(w.startswith("relation: phrase 'Căn cứ'") for w in m.why)
    assert any(w.startswith("issuer:") for w in m.why) and "date:grammar" in m.why


def test_a_slash_for_the_dash_after_a_type_code_keeps_the_whole_number():
    # "…/TTLT/BTC-…": the slash stands where the dash belongs; the number keeps its issuers and is flagged
    (m,) = extract("Bãi bỏ Thông tư liên tịch số 31/2006/TTLT/BTC-BYT ngày 10/4/2006 của liên Bộ.\n")
    assert m.key == "31/2006/TTLT-BTC-BYT"
    assert {"nonstandard_form", "slash_for_dash"} <= set(m.flags)
    assert m.text == "Thông tư liên tịch số 31/2006/TTLT/BTC-BYT"


def test_a_year_glued_to_the_type_code_keeps_the_whole_number():
    (m,) = extract("Thực hiện Thông tư số 21/2024TT-BCT ngày 01/8/2024 của Bộ Công Thương.\n")
    assert m.key == "21/2024/TT-BCT" and "slash_lost" in m.flags


def test_a_doubled_date_word_still_dates_the_citation():
    (m,) = extract(
        "Theo Thông tư số 49/2025/TT-BCT ngày ngày 09 tháng 9 năm 2025 của Bộ trưởng Bộ Công Thương.\n"
    )
    assert m.date == dt.date(2025, 9, 9) and m.issuer == "Bộ trưởng Bộ Công Thương"


def test_a_lower_case_plan_with_a_year_is_that_years_plan_not_a_number():
    assert extract("Bố trí vốn cho các địa phương trong kế hoạch 2013 và giai đoạn tiếp theo.\n") == []
    # the constitution of a year is still the document
    (m,) = extract("Chế định chủ tịch nước trong hiến pháp 1946 khác với các bản sau.\n")
    assert m.doc_type.lower() == "hiến pháp"
