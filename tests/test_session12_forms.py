"""Forms a further blind set of real pages showed (issue 12). Every sentence is our own wording of a form
seen in real text."""

from __future__ import annotations

from refgraph import extract

from .conftest import first_by_key

_by_key = first_by_key


def test_a_plan_of_a_kind_described_without_number_carries_the_verb_of_its_title():
    # "Kế hoạch hành động của … về triển khai X": X is in that plan's title, this text only names it
    text = (
        "Thực hiện Kế hoạch số 40/KH-UBND ngày 2/5/2025 của UBND tỉnh về thực hiện Nghị quyết số 12/NQ-CP "
        "ngày 1/3/2025 của Chính phủ và Kế hoạch hành động của Ban Thường vụ Tỉnh ủy về triển khai Nghị "
        "quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"
    )
    found = _by_key(text)
    assert found["40/KH-UBND"].relation == "implements"
    assert found["57-NQ/TW"].relation == "cites"
    # the bare "Kế hoạch" the text announces itself by is no second mention of 40/KH-UBND
    assert [m.key for m in extract(text)].count("40/KH-UBND") == 1


def test_a_text_announcing_its_own_programme_names_no_other_document():
    text = (
        "Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban "
        "hành Kế hoạch bồi dưỡng năng lực xây dựng pháp luật cho cán bộ giai đoạn 2026 - 2030 như sau:\n\n"
        "I. MỤC ĐÍCH"
    )
    mentions = extract(text)
    assert [m.key for m in mentions] == ["14-KH/TU"]
    # a plan the text names in running text, with no "như sau" after it, is still a reference
    other = "Tiếp tục thực hiện Chương trình Chuyển đổi số quốc gia đến năm 2030 của Thủ tướng Chính phủ."
    assert [(m.doc_type, m.key) for m in extract(other)] == [("Chương trình", None)]


def test_a_passive_goes_on_over_the_verbs_joined_to_it():
    text = (
        "Căn cứ Quyết định số 10/2024/QĐ-TTg ngày 3/4/2024 của Thủ tướng Chính phủ quy định tiêu chí phân "
        "bổ vốn, đã được sửa đổi, bổ sung và bãi bỏ một số điều tại Quyết định số 20/2025/QĐ-TTg ngày "
        "5/6/2025 của Thủ tướng Chính phủ;"
    )
    found = _by_key(text)
    assert found["10/2024/QĐ-TTg"].relation == "based_on"
    # the passive gives it the relation of the clause (convention: "được sửa đổi, bổ sung bởi B" → B as A)
    assert found["20/2025/QĐ-TTg"].relation == "based_on"
    # the active verb still repeals
    own = "Điều 3. Bãi bỏ Quyết định số 20/2025/QĐ-UBND ngày 5/6/2025 của Ủy ban nhân dân tỉnh."
    assert _by_key(own)["20/2025/QĐ-UBND"].relation == "repeals"


def test_a_body_written_in_capitals_keeps_the_dash_of_its_name():
    text = (
        "Ngày 18/11/2025, Thuế tỉnh nhận được Công văn số 15/2025/CV-NSHN ngày 17/11/2025 của CÔNG TY CỔ "
        "PHẦN NƯỚC SẠCH HÀ – NAM vướng mắc về thuế."
    )
    issuer = _by_key(text)["15/2025/CV-NSHN"].issuer
    assert issuer is not None and issuer.lower() == "công ty cổ phần nước sạch hà – nam"


def test_a_mention_names_its_body_in_the_current_spelling():
    text = "Bãi bỏ Quyết định số 45/2021/QĐ-UBND ngày 2/3/2021 của Uỷ ban nhân dân tỉnh Nam Định."
    m = _by_key(text)["45/2021/QĐ-UBND"]
    assert m.issuer == "Ủy ban nhân dân tỉnh Nam Định"


def test_a_law_firms_name_is_no_law():
    text = (
        "**Kính gửi:** Công ty Luật Hoàng Long.\n\nCục Thuế nhận được Công văn số 15/CV-HL của Công ty Luật "
        "Hoàng Long về thuế. Đề nghị Công\nty Luật Hoàng Long thực hiện theo Luật Quản lý thuế."
    )
    named = [m.text for m in extract(text) if m.key is None]
    assert named == ["Luật Quản lý thuế"]


def test_a_post_misspelt_with_a_mark_on_the_wrong_letter_is_respelt():
    text = (
        "Thực hiện Chỉ thị số 05/CT-TTg ngày 1/3/2025 của Thủ tưởng Chính phủ; Căn cứ Thông tư số "
        "12/2024/TT-BTC ngày 3/4/2024 của Bộ trường Bộ Tài chính."
    )
    found = _by_key(text)
    assert found["05/CT-TTg"].issuer == "Thủ tướng Chính phủ"
    assert found["12/2024/TT-BTC"].issuer == "Bộ trưởng Bộ Tài chính"
    assert _by_key("Căn cứ Nghị định số 89/2008/NĐ-CP ngày 13/8/2008 của Chỉnh phủ;")[
        "89/2008/NĐ-CP"
    ].issuer == ("Chính phủ")


# ---- pages that report documents ------------------------------------------------------------------------


def _page(body: str) -> str:
    # a reported page is long enough not to be a snippet (relations.PAGE_MIN)
    filler = "Người dân và doanh nghiệp cần theo dõi các hướng dẫn mới để thực hiện cho đúng. " * 20
    return body + "\n\n" + filler


def test_this_provision_on_a_page_points_back_and_does_not_make_the_page_a_document():
    text = _page(
        "Bộ Y tế ban hành Thông tư số 40/2025/TT-BYT thay thế Thông tư số 07/2024/TT-BYT. Việc mua thuốc "
        "thực hiện theo quy định tại Nghị định số 32/2019/NĐ-CP. Quy định này bảo đảm sự thống nhất."
    )
    assert {m.key: m.relation for m in extract(text, reported=True)} == {
        "40/2025/TT-BYT": "cites",
        "07/2024/TT-BYT": "cites",
        "32/2019/NĐ-CP": "cites",
    }


def test_a_letters_basis_quoted_whole_after_the_pages_lead_is_not_the_pages_own():
    text = _page(
        "Theo Công văn 11357/BTC-KBNN năm 2025 do Bộ Tài chính ban hành quy định như sau:\n\n"
        "Căn cứ Nghị quyết 190/2025/QH15 ngày 19/02/2025 của Quốc hội; Nghị định 150/2025/NĐ-CP ngày "
        "12/6/2025 của Chính phủ, Kho bạc Nhà nước hướng dẫn việc mở tài khoản như sau:\n\n1. Các đơn vị …"
    )
    assert {m.relation for m in extract(text, reported=True)} == {"cites"}
    # the writer's own basis that introduces a quotation is still its basis
    own = "Căn cứ Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định như sau:\n\n“Điều 7 …”"
    assert [m.relation for m in extract(own)] == ["based_on"]


def test_an_official_title_goes_on_after_a_semicolon_in_lower_case():
    text = (
        "Căn cứ Thông tư liên tịch số 39/2014/TTLT-BCT-BTC ngày 29 tháng 10 năm 2014 của Liên Bộ Công Thương - "
        "Tài chính quy định về phương pháp tính giá cơ sở; cơ chế hình thành, quản lý, sử dụng Quỹ Bình ổn "
        "giá và điều hành giá xăng dầu theo quy định tại Nghị định số 83/2014/NĐ-CP ngày 03 tháng 9 năm 2014 "
        "của Chính phủ về kinh doanh xăng dầu;\nCăn cứ Nghị định số 95/2021/NĐ-CP ngày 1/11/2021 của Chính phủ;"
    )
    found = _by_key(text)
    assert found["39/2014/TTLT-BCT-BTC"].relation == "based_on"
    assert found["83/2014/NĐ-CP"].relation == "cites"  # in 39/2014's title
    assert found["83/2014/NĐ-CP"].subject == "39/2014/TTLT-BCT-BTC"
    assert found["95/2021/NĐ-CP"].relation == "based_on"  # the next line, a capital after ";"


def test_a_heading_in_capitals_runs_on_over_a_semicolon_to_the_second_amended_document():
    text = (
        "**THÔNG TƯ**\n\n**SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 09/2025/TT-BCT NGÀY 01 THÁNG 02 NĂM 2025 "
        "CỦA BỘ TRƯỞNG BỘ CÔNG THƯƠNG QUY ĐỊNH PHƯƠNG PHÁP XÁC ĐỊNH, PHÊ DUYỆT KHUNG GIÁ PHÁT ĐIỆN; QUY ĐỊNH "
        "HỒ SƠ XÂY DỰNG, PHÊ DUYỆT KHUNG GIÁ NHẬP KHẨU ĐIỆN VÀ THÔNG TƯ SỐ 12/2025/TT-BCT NGÀY 01 THÁNG 02 "
        "NĂM 2025 CỦA BỘ TRƯỞNG BỘ CÔNG THƯƠNG QUY ĐỊNH GIÁ DỊCH VỤ PHÁT ĐIỆN**\n"
    )
    found = _by_key(text)
    assert found["09/2025/TT-BCT"].relation == "amends"
    assert found["12/2025/TT-BCT"].relation == "amends"


def test_every_paper_in_a_bracket_after_its_presenter_has_that_body():
    text = (
        "Xem xét đề nghị của Ban Tổ chức Trung ương (Tờ trình số 224-TTr/BTCTW, ngày 09/01/2025 và Báo cáo "
        "số 60-BC/BTCTW, ngày 16/01/2025), Bộ Chính trị thống nhất như sau."
    )
    found = _by_key(text)
    assert found["224-TTr/BTCTW"].issuer == found["60-BC/BTCTW"].issuer == "Ban Tổ chức Trung ương"
    # another code in the bracket is no paper of that body
    other = (
        "Xem xét đề nghị của Ban Tổ chức Trung ương (Tờ trình số 224-TTr/BTCTW, ngày 09/01/2025 và Công văn "
        "số 75-CV/VPTW, ngày 16/01/2025), Bộ Chính trị thống nhất như sau."
    )
    assert _by_key(other)["75-CV/VPTW"].issuer != "Ban Tổ chức Trung ương"


def test_a_body_with_a_comma_in_its_name_after_the_year():
    text = "Giữ nguyên thành viên tại Quyết định 336-QĐ/BCSCLTW năm 2025 của Trưởng Ban Chính sách, chiến lược Trung ương."
    assert _by_key(text)["336-QĐ/BCSCLTW"].issuer == "Trưởng Ban Chính sách, chiến lược Trung ương"


def test_the_opening_words_of_a_preamble_line_left_in_a_paragraph_of_their_own():
    text = (
        "*Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;*\n\n*Căn cứ *\n\n*Nghị định số 84/2020/NĐ-CP ngày 17 "
        "tháng 7 năm 2020 của Chính phủ quy định chi tiết một số điều của Luật Giáo dục;*\n\n*Theo đề nghị "
        "của Cục trưởng Cục Nhà giáo;*"
    )
    assert _by_key(text)["84/2020/NĐ-CP"].relation == "based_on"


def test_a_part_pinpointed_after_tai_in_a_title_is_located_in_the_document_it_names():
    text = (
        "Các nội dung chi khác thực hiện theo quy định tại Nghị quyết 05/2025/NQ-HĐND sửa đổi, bổ sung một "
        "số nội dung, mức chi tại Phụ lục 03 Nghị quyết số 09/2017/NQ-HĐND ngày 05/12/2017 của HĐND Thành phố."
    )
    found = _by_key(text)
    assert found["05/2025/NQ-HĐND"].relation == "implements"
    assert (found["09/2017/NQ-HĐND"].relation, found["09/2017/NQ-HĐND"].subject) == (
        "cites",
        "05/2025/NQ-HĐND",
    )


def test_a_document_described_as_still_to_be_issued_is_no_citation():
    text = (
        "Xét Tờ trình số 434/TTr-UBND ngày 21 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố về việc ban hành "
        "Nghị quyết của Hội đồng nhân dân Thành phố quy định một số nội dung về sử dụng ngân sách để đầu tư."
    )
    assert [m.key for m in extract(text)] == ["434/TTr-UBND"]
    # one already issued, described the same way, is still named
    issued = "Thực hiện Nghị quyết của Hội đồng nhân dân Thành phố về phát triển nhà ở xã hội, Sở Xây dựng báo cáo."
    assert [m.doc_type for m in extract(issued)] == ["Nghị quyết"]


def test_the_quoted_title_of_the_documents_own_annex_says_what_it_does():
    text = (
        "Điều 1. Ban hành kèm theo Quyết định này “Kế hoạch triển khai thực hiện Thông tư số 09/2013/TT-BXD "
        "ngày 01 tháng 7 năm 2013 của Bộ Xây dựng hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg”."
    )
    found = _by_key(text)
    assert found["09/2013/TT-BXD"].relation == "implements"
    assert found["22/2013/QĐ-TTg"].relation == "cites"
    # words quoted elsewhere stay words
    words = "Thay thế cụm từ “thực hiện Nghị định số 15/2020/NĐ-CP” bằng cụm từ “thực hiện pháp luật”."
    assert _by_key(words)["15/2020/NĐ-CP"].relation != "implements"


def test_the_provisions_of_a_document_in_a_title_guiding_them():
    text = (
        "Căn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng "
        "dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa;"
    )
    found = _by_key(text)
    assert found["01/2018/TT-VPCP"].relation == "based_on"
    assert (found["61/2018/NĐ-CP"].relation, found["61/2018/NĐ-CP"].subject) == ("cites", "01/2018/TT-VPCP")


def test_a_law_still_to_be_made_to_replace_another_is_no_law_named_thay():
    text = "Bộ đang xây dựng Pháp lệnh thay thế Pháp lệnh Ưu đãi người có công với cách mạng."
    assert [m.text for m in extract(text)] == ["Pháp lệnh Ưu đãi người có công với cách mạng"]


def test_amendments_under_a_heading_of_recommendations_are_the_plans_proposals():
    text = (
        "**1. Thủ tục cấp giấy phép**\n\n**1.1. Nội dung đơn giản hóa**\n\nGiảm thời gian giải quyết từ 10 ngày "
        "xuống 09 ngày.\n\n**1.2. Kiến nghị thực thi**\n\nSửa đổi điểm b khoản 2 Điều 5 Nghị định 147/2025/NĐ-CP "
        "ngày 12/6/2025 của Chính phủ.\n\n**1.3. Lợi ích**\n\nTiết kiệm chi phí.\n\n"
        "Điều 2. Sửa đổi Điều 3 Quyết định số 15/2024/QĐ-UBND ngày 2/3/2024 của Ủy ban nhân dân tỉnh."
    )
    found = _by_key(text)
    assert found["147/2025/NĐ-CP"].relation == "cites"
    assert found["15/2024/QĐ-UBND"].relation == "amends"  # past the next numbered heading: its own act


def test_the_body_acting_after_theo_a_number_whose_code_it_issues_under():
    text = (
        "Theo Nghị quyết số 1404/NQ-UBTVQH15, Ủy ban Thường vụ Quốc hội phê chuẩn việc thôi giữ chức vụ. "
        "Đồng thời, tại Nghị quyết số 126/NQ-CP ngày 9/5/2025, Chính phủ cũng đã thông qua 34 hồ sơ. "
        "Theo Quyết định số 318/QĐ-TTg, Bộ Tài chính giao các đơn vị rà soát."
    )
    found = _by_key(text)
    assert found["1404/NQ-UBTVQH15"].issuer == "Ủy ban Thường vụ Quốc hội"
    assert found["126/NQ-CP"].issuer == "Chính phủ"
    assert found["318/QĐ-TTg"].issuer is None  # Bộ Tài chính acts under it, did not issue it


def test_a_dash_with_a_space_on_one_side_in_a_bodys_name():
    text = "Căn cứ Thông tư số 01/2019/TT-BLĐTBXH ngày 2/11/2019 của Bộ Lao động- Thương binh và Xã hội;"
    assert _by_key(text)["01/2019/TT-BLĐTBXH"].issuer == "Bộ Lao động - Thương binh và Xã hội"


def test_a_unit_numbered_after_a_dot_inside_a_code():
    text = "Cục Thuế nhận được công văn số 4814/CCTKV.05-TTKT3 ngày 30/06/2025 của Chi cục Thuế khu vực V."
    assert [m.key for m in extract(text)] == ["4814/CCTKV.05-TTKT3"]
    assert [m.key for m in extract("Theo Công văn số 12/UBND. 05 đơn vị đã báo cáo.")] == ["12/UBND"]


def test_an_amending_title_over_some_articles_and_annexes_of_a_decree():
    text = (
        "Căn cứ Nghị định số 62/2024/NĐ-CP ngày 07/6/2024 của Chính phủ sửa đổi, bổ sung một số điều, phụ lục "
        "của Nghị định số 94/2016/NĐ-CP ngày 01/7/2016 của Chính phủ quy định chi tiết Luật Thống kê;"
    )
    found = _by_key(text)
    assert (found["94/2016/NĐ-CP"].relation, found["94/2016/NĐ-CP"].subject) == ("cites", "62/2024/NĐ-CP")


def test_a_departments_name_holding_a_type_word_is_no_anaphor():
    text = (
        "Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 1/3/2025 của Ban Chỉ đạo Trung ương. Vụ trưởng Vụ Kế hoạch, "
        "Tài chính chủ trì; các Cục báo cáo Vụ Kế hoạch, Tài chính."
    )
    assert [m.key for m in extract(text)] == ["02-KH/BCĐTW"]


def test_measures_to_carry_out_a_law_in_a_decrees_own_title_guide_it():
    text = (
        "**NGHỊ ĐỊNH**\n\nQUY ĐỊNH CHI TIẾT VỀ QUỸ NHÀ Ở QUỐC GIA VÀ BIỆN PHÁP THI HÀNH NGHỊ QUYẾT SỐ "
        "201/2025/QH15 NGÀY 29 THÁNG 5 NĂM 2025 CỦA QUỐC HỘI\n\n*Căn cứ Luật Nhà ở số 27/2023/QH15;*\n"
    )
    found = _by_key(text)
    assert found["201/2025/QH15"].relation == "guides"
    # in another decree's title, the measures are that decree's
    cited = "Căn cứ Nghị định số 100/2025/NĐ-CP của Chính phủ quy định chi tiết và biện pháp thi hành Luật Nhà ở số 27/2023/QH15;"
    assert _by_key(cited)["27/2023/QH15"].relation == "cites"


def test_a_consolidated_texts_notes_name_what_amended_it():
    text = (
        "**VĂN BẢN HỢP NHẤT**\n\n**THÔNG TƯ**\n\nQuy định về điều tra, khảo sát bom mìn\n\nThông tư số "
        "195/2019/TT-BQP ngày 12 tháng 12 năm 2019 của Bộ trưởng Bộ Quốc phòng, có hiệu lực kể từ ngày "
        "01/02/2020, được sửa đổi, bổ sung bởi:\n\nThông tư số 101/2025/TT-BQP ngày 3/11/2025.\n\nĐể thực hiện "
        "thống nhất các quy định[1], Bộ trưởng Bộ Quốc phòng ban hành Thông tư.\n\nĐiều 1. Phạm vi\n\n"
        "[1] Thông tư số 101/2025/TT-BQP sửa đổi, bổ sung một số điều các Thông tư về điều tra, khảo sát.\n"
    )
    assert {m.relation for m in extract(text) if m.key == "101/2025/TT-BQP"} == {"cites"}


def test_a_petition_a_reply_quotes_under_its_heading_is_the_petitioners_words():
    text = (
        "Cục Thuế nhận được đơn phản ánh kiến nghị của độc giả. Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
        "**Nội dung kiến nghị:**\nTheo Nghị định số 151/2025/NĐ-CP ngày 12/6/2025, hồ sơ không yêu cầu tờ khai. "
        "Tuy nhiên, theo Thông tư số 80/2021/TT-BTC, cơ quan thuế vẫn yêu cầu.\n**Trả lời:**\n"
        "Thực hiện theo quy định tại Nghị định số 103/2024/NĐ-CP ngày 30/7/2024 của Chính phủ.\n"
    )
    found = _by_key(text)
    assert found["151/2025/NĐ-CP"].relation == "cites"
    assert found["80/2021/TT-BTC"].relation == "cites"
    assert found["103/2024/NĐ-CP"].relation == "implements"  # the answer, past the next bold line


def test_the_basis_written_in_a_forms_template_is_the_future_documents():
    text = (
        "Điều 3. Thông tư này có hiệu lực từ ngày 1/1/2026.\n\n**PHỤ LỤC**\n\n**Mẫu số 02: Quyết định ban hành "
        "Kế hoạch kiểm tra**\n\n|\n………(1)\n|\nSố:\n/QĐ-(3)\n|\n*……., ngày … tháng … năm ……*\n|\n\n"
        "**QUYẾT ĐỊNH**\n\n*Căn cứ Nghị định số 217/2025/NĐ-CP ngày 05/8/2025 của Chính phủ về hoạt động kiểm "
        "tra chuyên ngành;*\n"
    )
    assert _by_key(text)["217/2025/NĐ-CP"].relation == "cites"
    # the document's own preamble, with no form above it, rests on it
    own = "*Căn cứ Nghị định số 217/2025/NĐ-CP ngày 05/8/2025 của Chính phủ về hoạt động kiểm tra chuyên ngành;*\n"
    assert _by_key(own)["217/2025/NĐ-CP"].relation == "based_on"


def test_joint_ministries_listed_after_lien_bo_and_a_colon():
    text = (
        "Căn cứ Thông tư liên tịch số 25/2010/TTLT-BLĐTBXH-BTC-BYT ngày 11/9/2010 của Liên Bộ: Lao động Thương "
        "binh và Xã hội, Tài chính, Y tế về việc sửa đổi, bổ sung Thông tư liên tịch số 17/2006/TTLT-BLĐTBXH-BTC-BYT;"
    )
    found = _by_key(text)
    assert (
        found["25/2010/TTLT-BLĐTBXH-BTC-BYT"].issuer
        == "Liên Bộ Lao động Thương binh và Xã hội, Tài chính, Y tế"
    )
    assert found["17/2006/TTLT-BLĐTBXH-BTC-BYT"].subject == "25/2010/TTLT-BLĐTBXH-BTC-BYT"


def test_a_title_verb_after_a_portals_year_opens_the_title():
    text = "Văn bản liên quan: Nghị quyết 73/NQ-HĐND năm 2025 bãi bỏ Nghị quyết 370/2024/NQ-HĐND quy định thẩm quyền."
    found = _by_key(text)
    assert (found["370/2024/NQ-HĐND"].relation, found["370/2024/NQ-HĐND"].subject) == ("cites", "73/NQ-HĐND")
