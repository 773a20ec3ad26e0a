"""Forms further blind sets of real pages showed (issue 12). Every sentence is our own wording of a form
seen in real text."""

from __future__ import annotations

from refgraph.identity import from_text

# ---- the writer of a letter printed without its header -------------------------------------------------


def _letter(body: str, signature: str = "**TL. CỤC TRƯỞNG**\n**Nguyễn Văn A**\n") -> str:
    return (
        "**Kính gửi:** Công ty TNHH Sông Xanh.\n\n"
        + body
        + "\n\nĐề nghị Công ty thực hiện theo đúng quy định.\n\n"
        + "*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n|\n"
        + signature
    )


def test_a_headerless_reply_is_written_by_the_body_that_received_the_question():
    text = _letter(
        "Cục Thuế nhận được công văn số 12/CV-SX ngày 3/9/2025 của Công ty về thuế suất. "
        "Về vấn đề này, Cục Thuế có ý kiến như sau:\n\nTại Điều 4 Thông tư số 80/2021/TT-BTC quy định …"
    )
    i = from_text(text)
    assert (i.doc_type, i.issuer) == ("Công văn", "Cục Thuế")
    assert next(s.rule for s in i.sources if s.field == "issuer") == "letter.subject"


def test_a_dated_lead_before_the_writer_of_a_headerless_letter():
    text = _letter(
        "Ngày 20/11/2025, Bộ Tài chính đã nhận được văn bản số 77/VPCP-KTTH của Văn phòng Chính phủ."
    )
    assert from_text(text).issuer == "Bộ Tài chính"


def test_a_local_writer_of_a_headerless_letter_takes_the_place_its_text_names_most():
    text = _letter(
        "Để bảo đảm quy định về cho thuê lại lao động trên địa bàn tỉnh Lào Cai. Sở Nội vụ đề nghị các "
        "doanh nghiệp trên địa bàn tỉnh Lào Cai tự rà soát.",
        signature="**KT. GIÁM ĐỐC**\n**PHÓ GIÁM ĐỐC**\n**Trần Thị B**\n",
    )
    i = from_text(text)
    assert (i.issuer, i.province) == ("Sở Nội vụ tỉnh Lào Cai", "Lào Cai")


def test_a_sentence_whose_subject_is_no_body_names_no_writer():
    # "Công ty" is the addressee, and a sentence about it says nothing of who writes
    text = _letter("Công ty đề nghị được hướng dẫn về hồ sơ hoàn thuế theo Thông tư số 80/2021/TT-BTC.")
    assert from_text(text).issuer is None


def test_a_header_without_its_body_takes_the_central_body_it_is_signed_for():
    text = (
        "**NGHỊ QUYẾT**\n\nVỀ VIỆC ĐIỀU CHỈNH DỰ ÁN ĐƯỜNG VEN BIỂN\n\n"
        "*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*\n\n**QUYẾT NGHỊ:**\n\n"
        "Điều 1. Điều chỉnh dự án.\n\n*Nơi nhận:*\n- Các bộ;\n- Lưu: VT.\n|\n"
        "**TM. CHÍNH PHỦ**\n**KT. THỦ TƯỚNG**\n**PHÓ THỦ TƯỚNG**\n**Lê Văn C**\n"
    )
    i = from_text(text)
    assert (i.doc_type, i.issuer) == ("Nghị quyết", "Chính phủ")


# ---- relations and issuers in running text ---------------------------------------------------------------


def _one(text: str, key: str):
    from refgraph.extract import extract

    return next(m for m in extract(text) if m.key == key)


def test_carrying_out_the_provisions_in_a_decree_implements_it():
    for text in (
        "Thực hiện quy định tại Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư.",
        "Thực hiện đúng các quy định tại Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư.",
        "Thực hiện các quy định tại Điều 8 Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư.",
    ):
        assert _one(text, "30/2020/NĐ-CP").relation == "implements", text


def test_a_procedure_located_in_a_decree_is_only_cited():
    text = "Cơ quan thực hiện thủ tục quy định tại Nghị định số 30/2020/NĐ-CP của Chính phủ."
    assert _one(text, "30/2020/NĐ-CP").relation == "cites"


def test_a_hard_wrapped_line_that_opens_with_cac_goes_on_the_sentence_before():
    text = (
        "Các tỉnh hoàn thành việc dựng lại nhà ở theo chỉ đạo tại các công điện của Thủ tướng Chính phủ, nhất là\n"
        "các Công điện số 190/CĐ-TTg ngày 02 tháng 10 năm 2025 và Công điện số 196/CĐ-TTg ngày 09 tháng 10 "
        "năm 2025;\n"
    )
    first, second = _one(text, "190/CĐ-TTg"), _one(text, "196/CĐ-TTg")
    assert (first.relation, second.relation) == ("implements", "implements")
    assert first.issuer == second.issuer == "Thủ tướng Chính phủ"


def test_a_line_that_opens_with_cac_under_a_heading_is_an_item_of_its_list():
    text = "Triển khai các văn bản sau đây:\ncác Nghị quyết số 12/NQ-CP và số 14/NQ-CP của Chính phủ."
    assert [_one(text, k).relation for k in ("12/NQ-CP", "14/NQ-CP")] == ["implements", "implements"]


def test_a_news_lead_subject_written_as_a_ministry_code_issues_the_letter():
    text = "Ngày 02/10/2025, BYT đã có Công văn 5120/BYT-KCB về việc bảo đảm thuốc điều trị."
    m = _one(text, "5120/BYT-KCB")
    assert (m.issuer, m.date.isoformat()) == ("BYT", "2025-10-02")


def test_money_allocated_on_top_in_a_resolution_is_no_amendment_of_it():
    text = "Bố trí từ nguồn vốn được giao bổ sung tại Nghị quyết số 310/NQ-CP ngày 05/10/2025 của Chính phủ."
    assert _one(text, "310/NQ-CP").relation == "cites"
    assert _one("Bổ sung Nghị quyết số 310/NQ-CP của Chính phủ như sau:", "310/NQ-CP").relation == "amends"


def test_an_open_name_keeps_its_capitalised_verb_and_its_lower_case_words():
    text = (
        "Căn cứ Quyết định số 410/QĐ-TTPVHCC ngày 02/10/2025 của Trung tâm Phục vụ hành chính công tỉnh "
        "Quảng Ninh về việc công bố quy trình."
    )
    assert _one(text, "410/QĐ-TTPVHCC").issuer == "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh"


def test_a_post_before_an_open_name_heads_it():
    text = (
        "Căn cứ Quyết định số 411/QĐ-TTPVHCC của Giám đốc Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh "
        "ban hành quy trình nội bộ."
    )
    assert _one(text, "411/QĐ-TTPVHCC").issuer == "Giám đốc Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh"


def test_emphasis_around_the_number_of_a_van_ban():
    for text in (
        "Theo Văn bản **số 512**/SNV-VP ngày 03/11/2025 của Sở Nội vụ về việc rà soát.",
        "Theo Văn bản *số 512*/SNV-VP ngày 03/11/2025 của Sở Nội vụ về việc rà soát.",
    ):
        assert _one(text, "512/SNV-VP").date.isoformat() == "2025-11-03", text


def test_emphasis_inside_a_number_code_after_its_dash():
    m = _one("Xét Tờ trình số 212/TTr-**CP** ngày 09/5/2025 của Chính phủ.", "212/TTr-CP")
    assert (m.issuer, m.date.isoformat()) == ("Chính phủ", "2025-05-09")


def test_the_term_of_the_committee_that_held_a_plenum():
    text = "Nghị quyết số 61-NQ/TW ngày 14/4/2025 của Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khóa XIII;"
    m = _one(text, "61-NQ/TW")
    assert (m.issuer, m.term) == ("Ban Chấp hành Trung ương Đảng", "XIII")


def test_a_body_that_opens_its_sentence_issues_what_it_ban_hanh_without_a_date():
    text = (
        "Ủy ban Trung ương Hội Liên hiệp Thanh niên Việt Nam ban hành Hướng dẫn 05-HD/TWH về đại hội các cấp."
    )
    assert _one(text, "05-HD/TWH").issuer == "Ủy ban Trung ương Hội Liên hiệp Thanh niên Việt Nam"


def test_a_body_inside_a_sentence_needs_a_date_to_issue_what_it_ban_hanh():
    text = "Đề nghị các đơn vị phối hợp để Sở Nội vụ ban hành Hướng dẫn 05-HD/TWH về đại hội các cấp."
    assert _one(text, "05-HD/TWH").issuer is None


# ---- tables of procedures and lists under a heading ------------------------------------------------------


def _procedure_table(rows: int) -> str:
    head = "|\n**STT**\n|\n**Tên thủ tục**\n|\n**Căn cứ pháp lý**\n|\n**Ghi chú**\n|\n"
    row = (
        "|\n{n:02d}\n|\nCấp lại chứng chỉ hành nghề\n|\n- Trong thời hạn 10 ngày, Sở thẩm định hồ sơ theo quy định "
        "tại khoản 2\nĐiều 16 của Luật và trả kết quả cho người đề nghị.\n|\n"
        "- Nghị định số 85/2013/NĐ-CP\nngày 29 tháng 7 năm 2013 của Chính phủ quy định chi tiết Luật Giám định tư pháp;\n"
        "|\nKhông\n|\n"
    )
    return head + "".join(row.format(n=n) for n in range(1, rows + 1))


def test_a_legal_basis_column_reaches_every_row_of_a_long_table():
    from refgraph.extract import extract

    found = [m for m in extract(_procedure_table(12)) if m.key == "85/2013/NĐ-CP"]
    assert len(found) == 12
    assert {m.relation for m in found} == {"based_on"}


def test_a_legal_basis_cell_whose_items_are_numbered_in_brackets():
    text = (
        "|\n**Căn cứ pháp lý**\n|\n|\n01\n|\n(1) Luật Địa chất và khoáng sản số 54/2024/QH15 ngày 29/11/2024; "
        "(2) Nghị định số 193/2025/NĐ-CP ngày 02/7/2025.\n|\n"
    )
    assert [_one(text, k).relation for k in ("54/2024/QH15", "193/2025/NĐ-CP")] == ["based_on", "based_on"]


def test_a_list_heading_names_no_body_past_its_preamble_line():
    text = (
        "*Căn cứ các Quyết định của Bộ trưởng Bộ Tư pháp: Số 524/QĐ-BTP ngày 05/4/2021; số 853/QĐ-BTP ngày "
        "17/5/2024;*\n*Căn cứ Quyết định số 964/QĐ-UBND ngày 29/8/2025 về việc ban hành danh mục;*\n"
    )
    assert _one(text, "853/QĐ-BTP").issuer == "Bộ trưởng Bộ Tư pháp"
    assert _one(text, "964/QĐ-UBND").issuer is None


def test_following_the_requirements_a_law_sets_implements_it():
    text = "Chủ đầu tư tự thẩm định thiết kế theo các yêu cầu quy định tại Điều 23 Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15."
    assert _one(text, "55/2024/QH15").relation == "implements"
    text = "Người đề nghị nộp kèm theo hồ sơ quy định tại khoản 1 Điều 6 Thông tư số 11/2020/TT-BTP."
    assert _one(text, "11/2020/TT-BTP").relation == "cites"


def test_a_quoted_part_heading_with_a_dot_ends_no_sentence():
    text = (
        "(bản sao hồ sơ được thực hiện theo quy định tại Mục 5 của “Phần VI. TRÌNH TỰ, THỦ TỤC CUNG CẤP DỮ LIỆU "
        "ĐẤT ĐAI” của Phụ lục 1 kèm theo Nghị định số 101/2024/NĐ-CP ngày 29/7/2024 của Chính phủ)."
    )
    assert _one(text, "101/2024/NĐ-CP").relation == "implements"


def test_a_time_a_law_gives_is_no_act_on_it():
    text = "Trách nhiệm thực hiện đối với nhà xưởng đưa vào sử dụng trước khi Luật Xây dựng số 50/2014/QH13 có hiệu lực."
    assert _one(text, "50/2014/QH13").relation == "cites"


def test_every_item_of_a_list_that_ends_from_this_documents_date_is_repealed():
    text = (
        "2. Quyết định số 12/2019/QĐ-UBND ngày 02/3/2019 của Ủy ban nhân dân tỉnh về mức hỗ trợ học sinh theo "
        "Nghị định số 116/2016/NĐ-CP và Quyết định số 31/2021/QĐ-UBND ngày 05/8/2021 của Ủy ban nhân dân tỉnh "
        "sửa đổi Quyết định số 12/2019/QĐ-UBND về mức hỗ trợ học sinh hết hiệu lực kể từ ngày Quyết định này có "
        "hiệu lực thi hành."
    )
    from refgraph.extract import extract

    rel = {(m.key, m.start): m.relation for m in extract(text)}
    first, second = sorted(k for k in rel if k[0] == "12/2019/QĐ-UBND")
    assert rel[first] == "repeals"
    assert _one(text, "31/2021/QĐ-UBND").relation == "repeals"
    assert _one(text, "116/2016/NĐ-CP").relation == "cites"


def test_a_capitalised_level_before_a_known_province_ends_the_name_with_the_place():
    text = "Theo Nghị quyết 31/2025/NQ-HĐND của Hội đồng nhân dân Thành phố Hồ Chí Minh bắt đầu từ ngày 01/7/2025."
    assert _one(text, "31/2025/NQ-HĐND").issuer == "Hội đồng nhân dân Thành phố Hồ Chí Minh"


def test_a_heading_over_papers_of_any_type_names_their_body():
    text = (
        "[2] Các văn bản của Văn phòng Trung ương Đảng: Quy định số 11-QĐ/VPTW ngày 02/10/2018 về chế độ chi; "
        "Văn bản số 15020-CV/VPTW ngày 06/5/2019."
    )
    assert (
        _one(text, "11-QĐ/VPTW").issuer == _one(text, "15020-CV/VPTW").issuer == "Văn phòng Trung ương Đảng"
    )
