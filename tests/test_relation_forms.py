"""Relations as a careful reader gives them, for forms a second set of real documents showed (issue 12):
article headings over their lists, parts replaced, "theo" over a pinpoint, footnotes, enacting lines.
Every sentence is our own wording of a form seen in real text."""

from __future__ import annotations

from refgraph.extract import extract


def _rel(text: str, **kw) -> list[tuple[str | None, str]]:
    return [(m.key, m.relation) for m in extract(text, **kw) if m.key]


def test_the_enacting_line_after_a_proposal_line_is_the_documents_own_act():
    # the type heading names the document although its number is not given
    text = (
        "**THÔNG TƯ**\n\nSỬA ĐỔI MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 11/2023/TT-NHNN\n\n"
        "*Căn cứ Luật Ngân hàng Nhà nước Việt Nam số 46/2010/QH12;*\n\n"
        "*Theo đề nghị của Vụ trưởng\nVụ Pháp chế;*\n\n"
        "*Thống đốc Ngân hàng Nhà nước ban hành Thông tư sửa đổi, bổ sung một số điều của "
        "Thông tư số 11/2023/TT-NHNN quy định về ví điện tử.*\n"
    )
    assert _rel(text)[-1] == ("11/2023/TT-NHNN", "amends")


def test_a_bare_type_word_in_running_text_or_a_table_cell_is_another_document():
    text = (
        "**NGHỊ ĐỊNH**\n\nVỀ CƯỠNG CHẾ\n\n*Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;*\n\n"
        "1. Việc cưỡng chế theo thẩm quyền quy định tại Điều 9 Luật số 15/2012/QH13 và Nghị định "
        "quy định chi tiết Luật số 15/2012/QH13 về thẩm quyền xử phạt.\n"
    )
    assert _rel(text)[-1] == ("15/2012/QH13", "cites")
    text = (
        "**NGHỊ QUYẾT**\n\nVỀ CHƯƠNG TRÌNH XÂY DỰNG VĂN BẢN NĂM 2026\n\n"
        "| STT | Tên văn bản |\n|\n| 3 |\n| Nghị quyết sửa đổi, bổ sung một số điều của Nghị quyết số "
        "71/2022/QH15 |\n"
    )
    assert _rel(text) == [("71/2022/QH15", "cites")]


def test_a_semicolon_ends_what_a_proposal_covers():
    text = (
        "d) Tham mưu, đề xuất việc kiện toàn bộ máy làm công tác gia đình; tổ chức thực hiện "
        "Quyết định số 512/QĐ-TTg ngày 3 tháng 4 năm 2022 của Thủ tướng Chính phủ.\n"
    )
    assert _rel(text) == [("512/QĐ-TTg", "implements")]
    # in the same clause the proposal still covers it
    text = "d) Đề xuất sửa đổi Quyết định số 512/QĐ-TTg ngày 3 tháng 4 năm 2022 của Thủ tướng Chính phủ.\n"
    assert _rel(text) == [("512/QĐ-TTg", "cites")]


def test_a_footnote_mark_on_a_noun_no_phrase_governs_directly_lends_its_list_nothing():
    text = (
        "Các sở triển khai có hiệu quả các chỉ tiêu về công tác gia đình theo Nghị quyết số 33-NQ/TW "
        "và các văn bản chỉ đạo của Chính phủ[2] trong năm 2026.\n\n"
        "Nơi nhận: như trên.\n\n"
        "[2] Chỉ thị số 06/CT-TTg ngày 2/3/2023 của Thủ tướng Chính phủ về tăng cường thực hiện công tác "
        "gia đình; Quyết định số 279/QĐ-TTg ngày 8/3/2022 của Thủ tướng Chính phủ về việc phê duyệt "
        "Chiến lược phát triển gia đình.\n"
    )
    assert _rel(text)[-2:] == [("06/CT-TTg", "cites"), ("279/QĐ-TTg", "cites")]


def test_an_article_heading_that_repeals_governs_its_list_without_a_colon():
    text = (
        "**Điều 1. Bãi\nbỏ toàn bộ một số quyết định của Ủy ban nhân dân tỉnh**\n\n"
        "1. Quyết định số 12/2010/QĐ-UBND ngày 5 tháng 2 năm 2010 của Ủy ban nhân dân tỉnh về việc phê "
        "duyệt Đề án hỗ trợ nông dân.\n\n"
        "2. Quyết định số 34/2011/QĐ-UBND ngày 6 tháng 3 năm 2011 của Ủy ban nhân dân tỉnh ban hành\n"
        "Quy chế phối hợp.\n\n"
        "3. Quyết định số 56/2012/QĐ-UBND ngày 7 tháng 4 năm 2012 của Ủy ban nhân dân tỉnh phê duyệt "
        "Chương trình đào tạo.\n\n"
        "**Điều 2. Hiệu lực thi hành**\n\n"
        "1. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
        "2. Quyết định số 78/2013/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.\n"
    )
    assert _rel(text) == [
        ("12/2010/QĐ-UBND", "repeals"),
        ("34/2011/QĐ-UBND", "repeals"),
        ("56/2012/QĐ-UBND", "repeals"),
        ("78/2013/QĐ-UBND", "repeals"),  # ended from this decision's date, not "thi hành" in the heading
    ]


def test_an_article_list_ends_at_a_paragraph_with_no_mark():
    text = (
        "**Điều 1. Bãi bỏ một số quyết định**\n\n"
        "1. Quyết định số 12/2010/QĐ-UBND ngày 5 tháng 2 năm 2010.\n\n"
        "Các sở rà soát văn bản có liên quan.\n\n"
        "2. Quyết định số 34/2011/QĐ-UBND ngày 6 tháng 3 năm 2011 là văn bản tham khảo.\n"
    )
    assert _rel(text) == [("12/2010/QĐ-UBND", "repeals"), ("34/2011/QĐ-UBND", "cites")]


def test_replacing_a_part_of_a_document_amends_it():
    text = (
        "3. Thay thế Mẫu số 02 (Tờ khai), Mẫu số 03 (Bản khai) tại Phụ lục III của Thông tư số "
        "15/2019/TT-BLĐTBXH bằng Mẫu số 02, Mẫu số 03 ban hành kèm theo Thông tư này.\n"
    )
    assert _rel(text) == [("15/2019/TT-BLĐTBXH", "amends")]
    # the whole document replaced by this one
    text = "Quyết định này thay thế Quyết định số 21/2019/QĐ-UBND ngày 4 tháng 5 năm 2019.\n"
    assert _rel(text) == [("21/2019/QĐ-UBND", "replaces")]


def test_acts_joined_in_an_article_heading_open_it_together():
    text = (
        "**Điều 1. Sửa đổi, bổ sung và\nthay thế một số nội dung của Thông tư số 07/2019/TT-BCT ngày 19 "
        "tháng 4 năm 2019 của Bộ trưởng Bộ Công Thương**\n"
    )
    assert _rel(text) == [("07/2019/TT-BCT", "amends")]
    # the same acts after other words are another document's ("… của Bộ Công Thương sửa đổi, bổ sung và
    # thay thế một số nội dung của Thông tư …" in a title quoted mid-sentence)
    text = (
        "Các doanh nghiệp thực hiện theo văn bản của Bộ Công Thương sửa đổi, bổ sung và thay thế một số nội "
        "dung của Thông tư số 07/2019/TT-BCT ngày 19 tháng 4 năm 2019.\n"
    )
    assert _rel(text) == [("07/2019/TT-BCT", "cites")]


def test_theo_over_a_request_or_a_pinpoint_implements():
    text = (
        "Đề nghị các cơ quan chức năng xem xét, giải quyết cho tôi được hưởng chế độ trợ cấp một lần "
        "theo Quyết định số 62/2011/QĐ-TTg của Thủ tướng Chính phủ.\n"
    )
    assert _rel(text) == [("62/2011/QĐ-TTg", "implements")]
    text = (
        "2. Các sở tiếp tục rà soát, giải quyết những hồ sơ trợ cấp chưa xong theo "
        "Công văn số 1234/LĐTBXH-NCC ngày 23/5/2011.\n"
    )
    assert _rel(text) == [("1234/LĐTBXH-NCC", "implements")]
    # a table row of what other bodies proposed is their words, reported
    text = (
        "| STT | Địa phương | Kiến nghị |\n|\n16\n|\nHuế\n|\nĐề nghị Bộ Khoa học và Công nghệ hướng dẫn triển "
        "khai các nền tảng số theo Quyết định số 2618/QĐ-BKHCN.\n|\n"
    )
    assert _rel(text) == [("2618/QĐ-BKHCN", "cites")]


def test_a_subject_with_its_tense_word_after_a_comma_ends_the_title_before_it():
    text = (
        "Trên cơ sở góp ý của Bộ Tài chính tại Công văn số 4410/BTC-NSNN ngày 02/9/2024 về định mức chi "
        "thường xuyên, Bộ Nội vụ đã hướng dẫn các sở tính định mức "
        "theo khoản 2 Công văn số 7120/BNV-KHTC ngày 20/9/2024.\n"
    )
    assert _rel(text) == [("4410/BTC-NSNN", "cites"), ("7120/BNV-KHTC", "implements")]


def _iss(text: str) -> list[tuple[str | None, str | None]]:
    return [(m.key, m.issuer) for m in extract(text) if m.key]


def test_every_co_issuer_a_joint_number_lists_is_named():
    text = (
        "Căn cứ Thông tư liên tịch số 17/2012/TTLT-BLĐTBXH-BNV-BTC ngày 3/8/2012 của Bộ trưởng Bộ Lao động - "
        "Thương binh và Xã hội, Bộ trưởng Bộ Nội vụ, Bộ trưởng Bộ Tài chính hướng dẫn chế độ;\n"
    )
    assert _iss(text) == [
        (
            "17/2012/TTLT-BLĐTBXH-BNV-BTC",
            "Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng Bộ Nội vụ, Bộ trưởng Bộ Tài chính",
        )
    ]
    text = (
        "Căn cứ Thông tư liên tịch số 17/2012/TTLT-BLĐTBXH-BNV-BTC ngày 3/8/2012 của liên Bộ Tài chính, "
        "Lao động Thương binh và Xã hội hướng dẫn chế độ;\n"
    )
    assert _iss(text)[0][1] == "liên Bộ Tài chính, Lao động Thương binh và Xã hội"
    # one issuer code, one issuer: the body after the comma is the sentence's own subject
    text = (
        "Thực hiện Quyết định số 62/2011/QĐ-TTg ngày 9/11/2011 của Thủ tướng Chính phủ, Ủy ban nhân dân "
        "tỉnh hướng dẫn như sau:\n"
    )
    assert _iss(text) == [("62/2011/QĐ-TTg", "Thủ tướng Chính phủ")]


def test_a_plenum_given_as_issuer_is_the_committee_that_held_it():
    text = "Thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 Hội nghị Trung ương 6 khóa XII về dân số;\n"
    assert _iss(text) == [("21-NQ/TW", "Ban Chấp hành Trung ương")]
    text = (
        "Thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban\nChấp hành "
        "Trung ương Khóa XII về dân số;\n"
    )
    assert _iss(text) == [("21-NQ/TW", "Ban Chấp hành Trung ương")]
    text = "Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Hội\nnghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII.\n"
    assert _iss(text) == [("21-NQ/TW", "Ban Chấp hành Trung ương Đảng")]
    text = "Nghị quyết số 05-NQ/TU của Hội nghị lần thứ 10 Ban Chấp hành Đảng bộ tỉnh khóa XV.\n"
    assert _iss(text) == [("05-NQ/TU", "Ban Chấp hành Đảng bộ tỉnh")]


def test_a_list_or_finding_located_in_a_document_is_cited():
    text = "b) Người mắc bệnh nghề nghiệp theo danh mục ban hành tại Quyết định số 167/QĐ-BYT của Bộ Y tế.\n"
    assert _rel(text) == [("167/QĐ-BYT", "cites")]
    text = (
        "2. Các phòng sửa chữa ngay những thiếu sót đã "
        "được chỉ ra tại Công văn số 1520/UBND-VX ngày 3/4/2024 và Công văn số 2011/UBND-VX ngày 5/6/2024.\n"
    )
    assert _rel(text) == [("1520/UBND-VX", "cites"), ("2011/UBND-VX", "cites")]


def test_a_consolidated_texts_note_is_not_a_list_under_its_title_in_capitals():
    text = (
        "VĂN BẢN HỢP NHẤT\n\nTHÔNG TƯ LIÊN TỊCH\n\nHƯỚNG DẪN THỰC HIỆN CHẾ ĐỘ TRỢ CẤP THEO QUYẾT ĐỊNH SỐ "
        "62/2011/QĐ-TTG NGÀY 9 THÁNG 11 NĂM 2011 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n"
        "Thông tư liên tịch số 17/2012/TTLT-BLĐTBXH-BNV-BTC ngày 3 tháng 8 năm 2012 của Bộ Lao động - "
        "Thương binh và Xã hội, Bộ Nội vụ, Bộ Tài chính, có hiệu lực kể từ ngày 20 tháng 9 năm 2012, được "
        "sửa đổi, bổ sung bởi:\n"
    )
    assert ("17/2012/TTLT-BLĐTBXH-BNV-BTC", "cites") in _rel(text)


def test_a_date_given_after_the_issuer_is_the_citations():
    ms = extract(
        "Thực hiện Công văn số 1234/LĐTBXH-NCC của Bộ Lao động - Thương binh và Xã hội ngày 23/5/2011 về "
        "chế độ trợ cấp;\n"
    )
    assert [(str(m.date), m.issuer, m.title) for m in ms] == [
        ("2011-05-23", "Bộ Lao động - Thương binh và Xã hội", "chế độ trợ cấp")
    ]
    ms = extract(
        "Nghị định số 115/2024/NĐ-CP của Chính phủ ngày 16 tháng 9\nnăm 2024 quy định chi tiết Luật.\n"
    )
    assert [(str(m.date), m.issuer) for m in ms if m.key] == [("2024-09-16", "Chính phủ")]


def test_following_a_part_of_a_document_located_in_it_implements_the_document():
    from refgraph.extract import extract

    text = (
        "Mẫu kê khai thực hiện theo quy định tại Phụ lục V kèm theo Thông tư số 11/2021/TT-BCT "
        "ngày 2/6/2021 của Bộ trưởng Bộ Công Thương.\n\n"
        "Các đơn vị gửi số liệu theo Quy chế ban hành tại Quyết định số 801/QĐ-BYT ngày 3/3/2023.\n\n"
        "Danh sách lập theo mẫu số C12-HD quy định tại Thông tư số 15/2019/TT-BTC.\n"
    )
    got = {m.key: m.relation for m in extract(text)}
    assert got == {"11/2021/TT-BCT": "implements", "801/QĐ-BYT": "implements", "15/2019/TT-BTC": "cites"}


def test_a_bracket_restating_the_citation_keeps_its_relation_and_the_list_goes_on():
    from refgraph.extract import extract

    text = (
        "Thực hiện Nghị quyết số 120/2024/QH15 ngày 2/11/2024 của Quốc hội về chủ trương đầu tư đường sắt "
        "(Nghị quyết số 120/2024/QH15), Nghị quyết số 31/NQ-CP ngày 3/3/2025 của Chính phủ về kế hoạch triển "
        "khai Nghị quyết số 120/2024/QH15 (Nghị quyết số 31/NQ-CP) và Quyết định số 88/QĐ-BGTVT ngày 5/5/2025, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
    )
    got = [(m.key, m.relation) for m in extract(text)]
    assert got == [
        ("120/2024/QH15", "implements"),
        ("120/2024/QH15", "implements"),
        ("31/NQ-CP", "implements"),
        ("120/2024/QH15", "cites"),
        ("31/NQ-CP", "implements"),
        ("88/QĐ-BGTVT", "implements"),
    ]


def test_a_bracket_naming_another_document_stays_cited():
    from refgraph.extract import extract

    text = "Thực hiện Kế hoạch số 12/KH-UBND ngày 2/3/2025 (Công văn số 45/UBND-VX ngày 1/2/2025) về y tế.\n"
    assert [(m.key, m.relation) for m in extract(text)] == [
        ("12/KH-UBND", "implements"),
        ("45/UBND-VX", "cites"),
    ]


def test_a_quoted_letter_over_several_sentences_is_the_letters_words():
    from refgraph.extract import extract

    text = (
        "Ngày 5/5/2024, tại Công văn số 77/CT-QLĐ của Cục Thuế tỉnh có nêu:\n*“Sau khi tỉnh ban hành bảng giá. "
        "Cục Thuế sẽ thực hiện điều chỉnh đơn giá theo Luật Đất đai số 31/2024/QH15.”*\n"
        "Tại Điều 12 Nghị định số 46/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định như sau.\n"
    )
    got = {m.key: m.relation for m in extract(text)}
    assert got["31/2024/QH15"] == "cites"  # inside the quotation, past its first sentence
    assert got["46/2014/NĐ-CP"] == "cites"  # the quotation's last sentence ends at .”* before it


def test_an_amendment_quoted_as_new_text_is_the_documents_own():
    from refgraph.extract import extract

    text = (
        "Điều 1. Sửa đổi, bổ sung Điều 4 như sau:\n“Điều 4. Tỷ lệ vốn đối ứng\nVốn được cấp đủ. Áp dụng trên "
        "địa bàn xã theo Nghị quyết số 76/NQ-UBTVQH15 về sắp xếp đơn vị hành chính.”\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [("76/NQ-UBTVQH15", "implements")]


def test_title_under_the_own_type_heading_past_a_blank_line_is_read_with_it():
    from refgraph.extract import extract

    text = (
        "BAN TỔ CHỨC TỈNH ỦY\n\nSố 12-HD/BTCTU\n\n**HƯỚNG DẪN**\n\nMỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY "
        "02/5/2024 CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ\n\nThông tư số 08/2012/TT-BNV ngày 2/3/2012 "
        "được hợp nhất.\n"
    )
    got = [(m.key, m.relation) for m in extract(text)]
    assert got[:2] == [("377-QĐ/TW", "guides"), ("08/2012/TT-BNV", "cites")]


def test_reviewing_how_a_document_was_carried_out_only_cites_it():
    from refgraph.extract import extract

    text = (
        "- Sớm tổng kết, đánh giá việc thực hiện Chỉ thị số 18/CT-TTg ngày 3/4/2014 của Thủ tướng Chính "
        "phủ.\n- Sơ kết 6 tháng việc thực hiện Chỉ thị số 9/CT-TTg.\n- Tiếp tục thực hiện Chỉ thị số 21/CT-TTg.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [
        ("18/CT-TTg", "cites"),
        ("09/CT-TTg", "cites"),
        ("21/CT-TTg", "implements"),
    ]


def test_the_document_named_by_its_own_number_as_the_subject_of_an_act():
    from refgraph.extract import extract

    text = (
        "BỘ QUỐC PHÒNG\n\nSố: 131/2025/TT-BQP\nHà Nội, ngày 25 tháng 11 năm 2025\n\nTHÔNG TƯ\nVỀ CHỨNG NHẬN XE\n\n"
        "Theo đó, Thông tư 131/2025/TT-BQP đã sửa đổi một số điểm của Thông tư 61/2024/TT-BQP về chứng nhận.\n\n"
        "- Tại Điều 1 Thông tư 131/2025/TT-BQP sửa đổi, bổ sung khoản 3 Điều 5 Thông tư 61/2024/TT-BQP về thẩm "
        "định.\n\nTheo đó, Nghị định số 12/2024/NĐ-CP quy định mức lương.\n"
    )
    got = [(m.key, m.relation) for m in extract(text, own="131/2025/TT-BQP") if m.key != "131/2025/TT-BQP"]
    assert got == [("61/2024/TT-BQP", "amends"), ("61/2024/TT-BQP", "amends"), ("12/2024/NĐ-CP", "cites")]


def test_theo_inside_what_a_capitalised_can_cu_relies_on():
    from refgraph.extract import extract

    text = (
        "- Căn cứ nhiệm vụ giám sát công tác đấu thầu theo quy định tại Điều 41 Nghị định 214/2025/NĐ-CP.\n"
        "- Đề nghị các tỉnh căn cứ mức chi đã xác định theo hướng dẫn tại Công văn số 9335/BNV-KHTC.\n"
        "- Căn cứ tình hình thực tế; thực hiện theo Quyết định số 12/QĐ-UBND.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [
        ("214/2025/NĐ-CP", "based_on"),
        ("9335/BNV-KHTC", "implements"),
        ("12/QĐ-UBND", "implements"),
    ]


def test_a_resolution_whose_title_and_aside_carry_verbs_still_expires_from_this_ones_date():
    text = (
        "**Điều 9. Hiệu lực thi hành**\n\n1. Nghị quyết này có hiệu lực từ ngày 1 tháng 3 năm 2026.\n\n"
        "2. Nghị quyết số 21/2023/NQ-HĐND\nngày 8 tháng 7 năm 2023 của Hội đồng nhân dân tỉnh quy định thực hiện\n"
        "chính sách hỗ trợ học phí (thực hiện khoản 3 Điều 99 Luật Giáo dục) hết hiệu lực thi hành kể từ ngày "
        "Nghị quyết\nnày có hiệu lực thi hành.\n"
    )
    assert _rel(text) == [("21/2023/NQ-HĐND", "repeals")]


def test_a_time_reckoned_from_a_decree_taking_effect_is_no_act_on_it():
    text = (
        "Sở Dân tộc chủ trì thực hiện việc rà soát, trong đó:\n\n- Số liệu về hộ nghèo được tổng hợp trong vòng 20 ngày "
        "kể từ ngày Nghị định số 310/2025/NĐ-CP có hiệu lực.\n"
    )
    assert _rel(text) == [("310/2025/NĐ-CP", "cites")]


def test_dash_items_between_blank_lines_are_clauses_of_their_own():
    text = (
        "*(2) Xác định ấp, xã khó khăn*\n\n- Ấp khó khăn là ấp đáp ứng theo quy định tại khoản 1 Điều 3 của Quyết "
        "định\n12/2024/QĐ-TTg;\n\n- Xã khó khăn là xã đáp ứng tiêu chí quy định tại khoản 2 Điều 3 của Quyết "
        "định\n12/2024/QĐ-TTg;\n"
    )
    assert _rel(text) == [("12/2024/QĐ-TTg", "implements"), ("12/2024/QĐ-TTg", "cites")]


def test_a_colon_heading_governs_its_dash_items_across_blank_lines():
    text = (
        "*(1) Mức phạt*\n\nCăn cứ quy định tại:\n\n- Khoản 2 Điều 5 Nghị định 91/2023/NĐ-CP về mức phạt;\n\n"
        "- Điều 40 Nghị định 91/2023/NĐ-CP được sửa đổi bởi khoản 3 Điều 1 Nghị định 12/2025/NĐ-CP;\n\n"
        "- Điểm c khoản 1 Điều 41 Nghị định 91/2023/NĐ-CP;\n\nTheo đó, người vi phạm bị phạt tiền."
    )
    assert {rel for _, rel in _rel(text)} == {"based_on"}


def test_a_pages_own_basis_opening_its_line_is_based_on_what_it_reports_stays_cited():
    text = (
        "**Lệ phí cấp giấy chứng nhận là bao nhiêu?**\n\nCăn cứ theo Điều 5 Thông tư 85/2019/TT-BTC thì lệ phí "
        "do Hội đồng nhân dân cấp tỉnh quyết định.\n\nBộ Tài chính vừa ban hành Thông tư 44/2025/TT-BTC thay thế "
        "Thông tư 106/2021/TT-BTC về phí thẩm định.\n\n"
    ) + "Người dân mang hồ sơ đến bộ phận một cửa của xã và nhận giấy hẹn trong ngày làm việc. " * 20
    assert _rel(text, reported=True) == [
        ("85/2019/TT-BTC", "based_on"),
        ("44/2025/TT-BTC", "cites"),
        ("106/2021/TT-BTC", "cites"),
    ]


def test_a_news_items_basis_in_a_bodys_policy_is_no_preamble_of_its_own():
    page = (
        "Bộ Chính trị đồng ý chủ trương điều chỉnh đối tượng áp dụng chính sách nghỉ hưu trước tuổi.\n\n"
        "Căn cứ chủ trương của Bộ Chính trị, Ban cán sự đảng Bộ Nội vụ khẩn trương chỉ đạo việc thể chế hóa.\n\n"
        "Cán bộ được nghỉ hưu theo Thông báo kết luận số 31-TB/TW ngày 2 tháng 3 năm 2023 của Bộ Chính trị.\n\n"
    ) + "Các cơ quan tăng cường công tác tuyên truyền để cán bộ, đảng viên hiểu rõ và đồng thuận. " * 20
    assert _rel(page, reported=True) == [("31-TB/TW", "cites")]


def test_what_the_draft_named_just_before_will_amend_is_the_drafts_act():
    text = (
        "- Để thống nhất ngưỡng doanh thu, theo đó dự thảo Luật này sẽ sửa đổi khoản 3 Điều 4 Luật Quản lý "
        "thuế số 38/2019/QH14. Nghị định này sửa đổi, bổ sung Điều 7 Nghị định số 126/2020/NĐ-CP."
    )
    assert _rel(text) == [("38/2019/QH14", "cites"), ("126/2020/NĐ-CP", "amends")]


def test_the_bare_type_word_taking_effect_is_the_document_itself():
    text = (
        "**Điều 3. Hiệu lực thi hành**\n\n1. Quyết định có hiệu lực kể từ ngày ký, đồng thời thay thế Quyết định "
        "số 812/QĐ-UBND ngày 2/4/2019 của UBND huyện về việc thành lập Ban quản lý chợ."
    )
    assert _rel(text) == [("812/QĐ-UBND", "replaces")]
    # without the document's own article over it, the bare word is the decree a news item reports
    news = "Nghị định có hiệu lực từ ngày ký, thay thế Nghị định số 44/2019/NĐ-CP về học phí."
    assert _rel(news) == [("44/2019/NĐ-CP", "cites")]


def test_this_circular_on_a_page_about_a_draft_circular_is_the_draft():
    page = (
        "Bộ Tài chính đang dự thảo Thông tư hướng dẫn nguồn kinh phí tinh giản biên chế.\n\n**Phạm vi điều chỉnh:** "
        "Thông tư này quy định nguồn kinh phí thực hiện chính sách theo quy định tại Nghị định số "
        "178/2024/NĐ-CP.\n\n"
    ) + "Người lao động được hướng dẫn làm hồ sơ tại cơ quan nơi công tác và nhận chế độ trong tháng. " * 20
    assert _rel(page, reported=True) == [("178/2024/NĐ-CP", "cites")]


def test_a_relation_word_inside_a_bodys_name_is_no_relation():
    text = "Cục Thi hành án dân sự tỉnh Nam Định có Công văn số 31/CV-THADS ngày 2/3/2025 gửi các đơn vị."
    got = next(m for m in extract(text) if m.key == "31/CV-THADS")
    assert got.relation == "cites"
    # the same words as the sentence's verb keep their relation
    text = "Các đơn vị thi hành Quyết định số 31/QĐ-UBND ngày 2/3/2025 của Ủy ban nhân dân tỉnh."
    assert next(m for m in extract(text) if m.key == "31/QĐ-UBND").relation == "implements"


def test_a_legal_basis_column_item_under_a_dash_left_alone_on_its_line():
    # a table flattened one cell per line, the dash of each item on a line of its own
    text = (
        "|\n**STT**\n|\n**Tên thủ tục**\n|\n**Căn cứ pháp lý**\n|\n|\n01\n|\nCấp phép khai thác\n|\n"
        "-\nLuật Khoáng sản năm 2010.\n-\nNghị định số 158/2024/NĐ-CP ngày 29/11/2024 của Chính phủ.\n"
        "-\nThông tư số 41/2024/TT-BTNMT ngày 30/12/2024 của Bộ Tài nguyên và Môi trường.\n|\n"
    )
    got = {m.key: m.relation for m in extract(text) if m.key}
    assert got == {"158/2024/NĐ-CP": "based_on", "41/2024/TT-BTNMT": "based_on"}
