"""Forms a blind set of real pages showed in session 13 (issue 12). Every sentence is our own wording of a
form seen in real text."""

from __future__ import annotations

from refgraph import extract

from .conftest import first_by_key

_by_key = first_by_key


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


def test_continuing_a_document_right_after_the_issuer_is_that_documents_title():
    text = (
        "Triển khai Kế hoạch số 15/KH-UBND ngày 3/3/2025; Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị "
        "tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương Đảng khóa XI."
    )
    found = _by_key(text)
    assert found["91-KL/TW"].relation == "implements"
    assert found["91-KL/TW"].issuer == "Bộ Chính trị"
    # 29-NQ/TW is named in 91-KL/TW's title: the text does not carry it out itself
    assert found["29-NQ/TW"].relation == "cites"
    # after a comma the words are the sentence's own: "tiếp tục thực hiện" acts again
    own = (
        "Thực hiện Kết luận số 92-KL/TW ngày 5/9/2024 của Bộ Chính trị, tiếp tục thực hiện Nghị quyết số "
        "30-NQ/TW ngày 1/1/2014 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch."
    )
    assert _by_key(own)["30-NQ/TW"].relation == "implements"


def test_a_plural_heading_that_ends_its_items_repeals_each_of_them():
    text = (
        "**Điều 5. Hiệu lực thi hành**\n\nNghị quyết này có hiệu lực thi hành kể từ ngày 08 tháng 12 năm 2025.\n\n"
        "Các Nghị quyết của Hội đồng nhân dân Thành phố sau đây hết hiệu lực kể từ ngày Nghị quyết này có "
        "hiệu lực thi hành: số 16/2013/NQ-HĐND ngày 17 tháng 7 năm 2013 về cơ chế tài chính; số "
        "15/2016/NQ-HĐND ngày 06 tháng 12 năm 2016 sửa đổi, bổ sung một số điều của Nghị quyết số "
        "16/2013/NQ-HĐND ngày 17 tháng 7 năm 2013 của Hội đồng nhân dân Thành phố về cơ chế tài chính."
    )
    mentions = [m for m in extract(text) if m.key]
    assert [(m.key, m.relation) for m in mentions] == [
        ("16/2013/NQ-HĐND", "repeals"),
        ("15/2016/NQ-HĐND", "repeals"),
        ("16/2013/NQ-HĐND", "cites"),  # named in the title of the amending resolution
    ]
    # "Nghị quyết này …" is the text itself, never the head of a citation
    assert not any(text[m.start : m.end].startswith("Nghị quyết này") for m in mentions)


def test_following_a_competence_a_document_provides_carries_it_out():
    text = (
        "Giao Bộ Xây dựng xem xét, quyết định theo thẩm quyền quy định tại Khoản 1 Điều 7 Nghị định số "
        "140/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính phủ và chỉ đạo của Phó Thủ tướng tại Công văn số "
        "7590/VPCP-CN ngày 14 tháng 8 năm 2025."
    )
    found = _by_key(text)
    assert found["140/2025/NĐ-CP"].relation == "implements"
    assert found["7590/VPCP-CN"].relation == "implements"


def test_a_translations_own_acts_in_english():
    text = (
        "1. Import licenses are issued in accordance with the provisions of the Government’s Decree No. "
        "69/2018/ND-CP dated May 15, 2018.\n2. Goods meeting the conditions as prescribed in the Decree No. "
        "206/2025/ND-CP are eligible.\n3. This Circular nullifies the Circular No. 56/2015/TT-BCT dated "
        "December 31, 2015."
    )
    found = _by_key(text)
    assert found["69/2018/NĐ-CP"].relation == "implements"
    assert found["206/2025/NĐ-CP"].relation == "implements"
    assert found["56/2015/TT-BCT"].relation == "repeals"


def test_a_portal_year_inside_a_list_keeps_the_list_and_its_body():
    text = (
        "Thực hiện theo chỉ đạo tại Văn bản 6720/VPCP-V.I năm 2025 và số 7510/VPCP-V.I năm 2025 của Văn phòng "
        "Chính phủ; báo cáo Thủ tướng Chính phủ."
    )
    found = _by_key(text)
    assert set(found) == {"6720/VPCP-V.I", "7510/VPCP-V.I"}
    assert {m.issuer for m in found.values()} == {"Văn phòng Chính phủ"}
    # a full date's year is the date's, not a portal's
    dated = "Theo các Thông báo số 48/TB-VPCP ngày 07 tháng 02 năm 2024 và số 161/TB-VPCP ngày 24/4/2023."
    assert _by_key(dated)["48/TB-VPCP"].date.isoformat() == "2024-02-07"


def test_a_writer_leading_into_a_document_is_no_preamble():
    # a page that opens "Căn cứ theo <document> …, như sau:" quotes it; the page itself still only reports
    lead = "Căn cứ theo Quyết định 610/QĐ-UBND năm 2025, hướng dẫn cách tính điểm thi vào lớp 10 như sau:\n\n"
    body = (
        "Điểm xét tuyển tính theo Thông tư 30/2024/TT-BGDĐT của Bộ Giáo dục và Đào tạo về quy chế thi. " * 20
    )
    found = {m.key: m for m in extract(lead + body, reported=True)}
    assert found["610/QĐ-UBND"].relation == "based_on"  # the page's own reasoning rests on it
    assert found["30/2024/TT-BGDĐT"].relation == "cites"
    # a preamble line ends with ";" and makes the text a document whose header was not read: it acts
    doc = "Căn cứ Quyết định 611/QĐ-UBND ngày 2/3/2025 của UBND tỉnh;\n\n" + body
    assert {m.key: m for m in extract(doc, reported=True)}["30/2024/TT-BGDĐT"].relation == "implements"


def test_a_space_for_the_slash_before_the_type_code():
    text = (
        "Theo Thông báo 610 TB/SNV ngày 3/3/2025 của Sở Nội vụ về tuyển dụng. Thông báo 610 nêu rõ điều kiện."
    )
    mentions = extract(text)
    assert mentions[0].key == "610/TB-SNV" and mentions[0].text == "Thông báo 610 TB/SNV"
    assert mentions[0].issuer == "Sở Nội vụ"
    # the short form later takes the key the text settles
    assert mentions[1].key == "610/TB-SNV"
    # a spaced dash before an ordinary word ends the number ("… – Wikisource" after a page title)
    assert _by_key("Nghị quyết số 550/NQ-HĐNN7 – Wikisource, bách khoa.").keys() == {"550/NQ-HĐNN7"}


def test_the_body_acting_after_a_pinpoint_or_a_reported_content_agrees_with_a_local_code():
    text = (
        "Theo nội dung Công văn 305-CV/ĐU năm 2025, Đảng ủy Chính phủ yêu cầu các đảng ủy trực thuộc thực hiện.\n\n"
        "Căn cứ theo Mục 3 Công văn 3620/SGDĐT-CTTTHSSV năm 2025, Sở Giáo dục và Đào tạo Hà Nội có nội dung "
        "hướng dẫn như sau."
    )
    found = _by_key(text)
    assert found["305-CV/ĐU"].issuer == "Đảng ủy Chính phủ"
    assert found["3620/SGDĐT-CTTTHSSV"].issuer == "Sở Giáo dục và Đào tạo Hà Nội"
    # a body the code does not name is only the sentence's subject
    other = "Theo Công văn 306-CV/ĐU năm 2025, Bộ Tài chính yêu cầu các đơn vị báo cáo."
    assert _by_key(other)["306-CV/ĐU"].issuer is None


def test_an_amending_title_names_its_second_object_after_the_firsts_title():
    text = (
        "Căn cứ Nghị định số 60/2024/NĐ-CP ngày 07 tháng 6 năm 2024 của Chính phủ sửa đổi, bổ sung một số "
        "điều, phụ lục của Nghị định số 90/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của Chính phủ quy định chi tiết "
        "và hướng dẫn thi hành một số điều của Luật Thống kê và Nghị định số 90/2022/NĐ-CP ngày 07 tháng 11 "
        "năm 2022 của Chính phủ quy định nội dung chỉ tiêu thống kê;"
    )
    found = _by_key(text)
    assert found["60/2024/NĐ-CP"].relation == "based_on"
    assert found["90/2016/NĐ-CP"].relation == "cites"
    assert found["90/2022/NĐ-CP"].relation == "cites"
    # a document issued after the amending one cannot be in its title: a new item of the list
    later = text.replace("90/2022/NĐ-CP ngày 07 tháng 11 năm 2022", "91/2025/NĐ-CP ngày 07 tháng 11 năm 2025")
    assert _by_key(later)["91/2025/NĐ-CP"].relation == "based_on"


def test_the_title_ends_at_a_full_stop_before_a_bold_heading():
    text = (
        "Ngày 2/12/2025, Thủ tướng Chính phủ ban hành Quyết định 2630/QĐ-TTg về việc bổ sung kinh phí cho "
        "các địa phương (đợt 2).****Bổ sung 2.615 tỷ đồng cho 27 địa phương**\n"
        "Trên cơ sở đề nghị của Bộ Tài chính tại văn bản số 18340/BTC-NSNN năm 2025 về việc bổ sung."
    )
    found = _by_key(text)
    assert found["2630/QĐ-TTg"].title == "bổ sung kinh phí cho các địa phương (đợt 2)"
    assert found["18340/BTC-NSNN"].issuer == "Bộ Tài chính"


def test_more_forms_of_a_body_issuing_and_of_a_date():
    text = (
        "Bên cạnh đó, Ngân hàng Nhà nước cũng đã ban hành Thông tư số 04/2025/TT-NHNN ngày 29/4/2025.\n\n"
        "- Chỉ thị số 06/CT-TTg ngày 01/3/2025/ của Thủ tướng Chính phủ về các nhiệm vụ."
    )
    found = _by_key(text)
    assert found["04/2025/TT-NHNN"].issuer == "Ngân hàng Nhà nước"
    assert found["06/CT-TTg"].issuer == "Thủ tướng Chính phủ"
    assert found["06/CT-TTg"].date.isoformat() == "2025-03-01"


def test_a_news_page_that_reports_a_circular_quotes_its_own_words():
    # "Thông tư nêu rõ, …" reports a circular; the page's "Thông tư này" is that circular's, not the page's
    text = (
        "Thông tư nêu rõ, vị trí việc làm về chuyển đổi số được hưởng mức hỗ trợ theo quy định tại Nghị định "
        "số 170/2025/NĐ-CP và thực hiện theo Phụ lục I ban hành kèm theo Thông tư này.\n\n"
    ) + "Các cơ quan rà soát vị trí việc làm theo Thông tư số 08/2023/TT-BTTTT của Bộ. " * 30
    found = {m.key: m for m in extract(text, reported=True) if m.key}
    assert found["170/2025/NĐ-CP"].relation == "cites"


def test_a_document_a_few_words_into_a_title_is_named_by_that_title():
    text = (
        "Căn cứ Quyết định số 2900/QĐ-UBND ngày 25 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố về tiếp tục\n"
        "áp dụng Quyết định số 88/2024/QĐ-UBND ngày 22 tháng 10 năm 2024 của Ủy ban nhân dân Thành phố;"
    )
    found = _by_key(text)
    assert found["2900/QĐ-UBND"].relation == "based_on"
    assert found["88/2024/QĐ-UBND"].relation == "cites"
    # "và" before it joins a second basis to the list, no title word
    two = "Căn cứ Quyết định số 2901/QĐ-UBND về quy chế và Quyết định số 89/2024/QĐ-UBND của Ủy ban nhân dân tỉnh;"
    assert _by_key(two)["89/2024/QĐ-UBND"].relation == "based_on"


def test_a_number_issued_after_the_title_that_named_its_head_goes_on_with_the_list():
    text = (
        "*Căn cứ Các Nghị định của Chính phủ quy định chi tiết thi hành một số điều của Luật Quy hoạch (Số "
        "36/2019/NĐ-CP ngày 07/5/2019, số 57/2023/NĐ-CP ngày 12/8/2023 sửa đổi, bổ sung một số điều của Nghị "
        "định số 36/2019/NĐ-CP và số 21/2025/NĐ-CP ngày 11/02/2025 sửa đổi, bổ sung một số điều của Nghị định "
        "số 36/2019/NĐ-CP);*"
    )
    mentions = [m for m in extract(text) if m.key]
    rel = {(m.key, m.start): m.relation for m in mentions}
    by_key = {}
    for (k, _s), r in rel.items():
        by_key.setdefault(k, []).append(r)
    assert by_key["57/2023/NĐ-CP"] == ["based_on"]
    assert by_key["21/2025/NĐ-CP"] == ["based_on"]  # issued after 57/2023: not in its title
    assert "cites" in by_key["36/2019/NĐ-CP"]  # named in the amending decrees' titles


def test_a_replaced_list_goes_on_past_a_title_that_names_a_scheme_in_quotes():
    # the scheme is named before (Điều 1), so the one in the replaced decision's title is read as a reference
    # too; the list of replaced decisions goes on past it to the semicolon
    text = (
        "**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Đề án “Nâng cao nhận\n"
        "thức cộng đồng về thiên tai, đến năm 2030”\ntrên địa bàn Thành phố.\n\n"
        "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký. Thay thế Quyết định số 3080/QĐ-UBND ngày 24 tháng 8 "
        "năm 2021 của Ủy ban nhân dân Thành phố về ban hành Kế hoạch triển khai thực hiện Đề án “Nâng cao nhận\n"
        "thức cộng đồng về thiên tai, đến năm 2030” trên địa bàn Thành phố;\nQuyết định số 1390/QĐ-UBND ngày 08 "
        "tháng 6 năm 2022 của Ủy ban nhân dân tỉnh Bình Dương về ban hành Kế hoạch thực hiện Đề án “Nâng cao nhận "
        "thức cộng đồng về thiên tai, đến năm 2030” trên địa bàn tỉnh."
    )
    found = _by_key(text)
    assert found["3080/QĐ-UBND"].relation == "replaces"
    assert found["1390/QĐ-UBND"].relation == "replaces"
    assert "relation: list continues after 3080/QĐ-UBND" in found["1390/QĐ-UBND"].why


def test_a_body_setting_out_what_a_document_says_after_it():
    text = (
        "Về việc này, Bộ Chính trị đã cho ý kiến. Từ Kết luận 130-KL/TW, Bộ Chính trị nêu cụ thể định hướng.\n\n"
        "Tại Nghị quyết 240/2025/QH15, Quốc hội đã nêu ra các mục tiêu tổng quát."
    )
    found = _by_key(text)
    assert found["130-KL/TW"].issuer == "Bộ Chính trị"
    assert found["240/2025/QH15"].issuer == "Quốc hội"
    # after "Từ" only a body the number's code names: another body acting from it is not its issuer
    other = "Từ Kết luận 131-KL/TW, Bộ Nội vụ nêu yêu cầu với các địa phương."
    assert _by_key(other)["131-KL/TW"].issuer is None


def test_replacing_items_published_in_a_decision_amends_it():
    text = (
        "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký và thay thế ba (03) thủ tục hành chính (số thứ tự "
        "03, 04, 05) được công bố tại Quyết định số 1530/QĐ-UBND ngày 22 tháng 10 năm 2025 của Chủ tịch Ủy ban "
        "nhân dân tỉnh."
    )
    assert _by_key(text)["1530/QĐ-UBND"].relation == "amends"
    # the whole decision replaced is still replaced
    whole = "**Điều 2.** Quyết định này thay thế Quyết định số 1531/QĐ-UBND ngày 2/3/2024 của UBND tỉnh."
    assert _by_key(whole)["1531/QĐ-UBND"].relation == "replaces"


def test_a_compound_heading_type_keeps_its_dictionary_form_and_its_title():
    from refgraph.identity import from_text

    text = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nVĂN PHÒNG\n\nSố 430-TB/VPTW\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\n"
        "THÔNG BÁO KẾT LUẬN CỦA ĐỒNG CHÍ TỔNG BÍ THƯ\n\ntại buổi làm việc về công tác chăm sóc trẻ em\n\n"
        "Ngày 20/11/2025, đồng chí Tổng Bí thư đã làm việc với các cơ quan.\n"
    )
    identity = from_text(text)
    assert identity.doc_type == "Thông báo"
    assert identity.title is not None and identity.title.lower().startswith("kết luận")
