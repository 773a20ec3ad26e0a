"""Forms a blind set of real pages showed in session 15 (issue 12). Every sentence is our own wording of a
form seen in real text."""

from __future__ import annotations

from refgraph import extract

from .conftest import first_by_key

_by_key = first_by_key


# ---- "luật" that makes a common noun ---------------------------------------------------------------------


def test_a_lawyer_a_jurist_and_a_field_of_lawyers_are_no_law():
    for text in (
        "Luật sư Trần Thị Bình cho rằng quy định này chưa rõ.",
        "Luật gia Lê Văn Cường phân tích thêm về vụ việc.",
        "| II | LĨNH VỰC LUẬT SƯ (05 TTHC) | | |",
    ):
        assert extract(text) == [], text


def test_the_law_on_lawyers_is_still_a_law():
    (m,) = extract("Căn cứ Luật Luật sư ngày 29 tháng 6 năm 2006;")
    assert m.doc_type == "Luật" and m.relation == "based_on"
    assert "named" in m.flags


# ---- issuers and dates of a sentence's opening ------------------------------------------------------------


def test_a_person_signing_for_a_body_gives_the_body_and_the_lead_date():
    text = (
        "Ngày 12/3/2025, thay mặt Ban Bí thư, đồng chí Nguyễn Văn Hùng ký ban hành Kết luận 131-KL/TW về "
        "công tác cán bộ."
    )
    found = _by_key(text)["131-KL/TW"]
    assert found.issuer == "Ban Bí thư"
    assert found.date is not None and found.date.isoformat() == "2025-03-12"


def test_a_social_insurance_body_opening_a_news_lead_issued_the_plan():
    text = "Ngày 04/9/2025, Bảo hiểm xã hội Việt Nam đã có Kế hoạch 1850/KH-BHXH về việc vận động người dân."
    found = _by_key(text)["1850/KH-BHXH"]
    assert found.issuer == "Bảo hiểm xã hội Việt Nam"
    assert found.date is not None and found.date.isoformat() == "2025-09-04"


def test_a_councils_committee_in_lower_case_is_named_whole():
    # a line break inside the committee's name, and a dash between the words of another's
    text = (
        "Xét Báo cáo thẩm tra số 88/BC-BPC ngày 02 tháng 12 năm 2025 của Ban pháp\nchế Hội đồng nhân dân "
        "tỉnh; Báo cáo số 90/BC-KTNS ngày 03 tháng 12 năm 2025 của Ban kinh tế - ngân sách Hội đồng nhân "
        "dân tỉnh; ý kiến thảo luận của đại biểu."
    )
    found = _by_key(text)
    assert found["88/BC-BPC"].issuer == "Ban pháp chế Hội đồng nhân dân tỉnh"
    assert found["90/BC-KTNS"].issuer == "Ban kinh tế - ngân sách Hội đồng nhân dân tỉnh"


# ---- titles that go on, and titles that end -------------------------------------------------------------


def test_an_amending_title_goes_on_past_the_document_it_located():
    text = (
        "Bãi bỏ Quyết định số 40/2016/QĐ-UBND ngày 10/5/2016 của UBND tỉnh quy định về bến thủy nội địa và "
        "Quyết định số 12/2022/QĐ-UBND ngày 01/3/2022 của UBND tỉnh sửa đổi, bổ sung một số điều của Quy "
        "định ban hành kèm theo Quyết định số 40/2016/QĐ-UBND và bãi bỏ một phần Quyết định số "
        "31/2018/QĐ-UBND ngày 20/8/2018 của UBND tỉnh."
    )
    got = [(m.key, m.relation) for m in extract(text)]
    assert got == [
        ("40/2016/QĐ-UBND", "repeals"),
        ("12/2022/QĐ-UBND", "repeals"),
        ("40/2016/QĐ-UBND", "cites"),
        ("31/2018/QĐ-UBND", "cites"),  # the amending decision's own act, named in its title
    ]


def test_a_later_document_after_and_is_not_in_the_amending_title():
    # issued after the amending decision: its title cannot name it, so the text repeals it too
    text = (
        "Bãi bỏ Quyết định số 12/2022/QĐ-UBND ngày 01/3/2022 của UBND tỉnh sửa đổi, bổ sung một số điều "
        "của Quy định ban hành kèm theo Quyết định số 40/2016/QĐ-UBND và bãi bỏ Quyết định số 05/2024/QĐ-UBND."
    )
    assert _by_key(text)["05/2024/QĐ-UBND"].relation == "repeals"


def test_a_document_named_above_then_its_title():
    text = (
        "Đồng ý đề nghị của Sở Công Thương tại Tờ trình số 315/TTr-SCT nêu trên về danh sách dự án áp dụng "
        "cơ chế theo Nghị quyết số 70/2025/NQ-CP của Chính phủ."
    )
    assert _by_key(text)["70/2025/NQ-CP"].relation == "cites"


def test_and_on_the_basis_of_opens_a_new_ground_after_a_title():
    text = (
        "Thực hiện Kết luận số 22-KL/ĐU ngày 03/10/2025 của Ban Thường vụ Đảng ủy về việc thí điểm cơ chế "
        "riêng trên địa bàn tỉnh và trên cơ sở đề xuất của Sở Xây dựng tại Công văn số 4410/SXD-QLN ngày "
        "15/10/2025 về danh sách công trình, Ủy ban nhân dân tỉnh chỉ đạo như sau:"
    )
    found = _by_key(text)
    assert found["22-KL/ĐU"].relation == "implements"
    letter = found["4410/SXD-QLN"]
    assert letter.relation == "cites"  # a proposal, not what the text carries out
    assert letter.issuer == "Sở Xây dựng"


def test_a_later_ground_after_a_comma_ends_the_title_before_it():
    text = (
        "Chế độ trợ cấp theo Quyết định số 62/2011/QĐ-TTg ngày 09/11/2011 của Thủ tướng Chính phủ về chế độ "
        "đối với đối tượng tham gia chiến tranh bảo vệ Tổ quốc, thực hiện theo hướng dẫn tại Thông tư số "
        "08/2012/TTLT-BQP-BLĐTBXH-BTC ngày 26/01/2012."
    )
    assert _by_key(text)["08/2012/TTLT-BQP-BLĐTBXH-BTC"].relation == "implements"


def test_grounds_said_to_be_above_do_not_ground_a_later_document():
    text = (
        "Căn cứ các quy định trên đối với trường hợp doanh nghiệp thuộc đối tượng quy định tại Nghị quyết số "
        "110/2025/UBTVQH15 thì kê khai theo hướng dẫn."
    )
    assert _by_key(text)["110/2025/UBTVQH15"].relation == "cites"


def test_a_decree_after_a_law_in_a_guiding_title_is_in_that_title():
    # (a regression test of a form seen in session 15; the reading predates it)
    text = (
        "Căn cứ Thông tư số 40/2021/TT-BTC ngày 01/6/2021 của Bộ Tài chính hướng dẫn thuế giá trị gia tăng "
        "đối với hộ kinh doanh theo Luật Quản lý thuế và Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 của "
        "Chính phủ.\n"
    )
    found = _by_key(text)
    assert found["40/2021/TT-BTC"].relation == "based_on"
    assert found["126/2020/NĐ-CP"].relation == "cites"  # named in 40/2021's title, issued before it


def test_a_decree_issued_after_the_circular_is_not_in_its_title():
    text = (
        "Căn cứ Thông tư số 40/2021/TT-BTC ngày 01/6/2021 của Bộ Tài chính hướng dẫn thuế đối với hộ kinh "
        "doanh theo Luật Quản lý thuế và Nghị định số 70/2025/NĐ-CP ngày 20/3/2025 của Chính phủ.\n"
    )
    assert _by_key(text)["70/2025/NĐ-CP"].relation == "based_on"


# ---- issuers of proposals, and of headlines ---------------------------------------------------------------


def test_a_proposer_named_before_a_list_is_the_body_of_each_item_under_its_code():
    text = (
        "Theo đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 75/TTr-SXD ngày 02 tháng 10 năm 2025, Công "
        "văn số 3311/SXD-QLN ngày 09 tháng 10 năm 2025; ý kiến của các sở."
    )
    found = _by_key(text)
    assert found["75/TTr-SXD"].issuer == "Giám đốc Sở Xây dựng"
    assert found["3311/SXD-QLN"].issuer == "Giám đốc Sở Xây dựng"


def test_a_body_that_proposed_in_a_letter_issued_it():
    text = "(Sở Nội vụ đã đề nghị tại Văn bản số 2105/SNV-CCVC ngày 11/7/2025):"
    assert _by_key(text)["2105/SNV-CCVC"].issuer == "Sở Nội vụ"


def test_a_former_bodys_aside_stands_between_it_and_its_letter():
    text = (
        "Việc này trái với chỉ đạo của Tổng cục Thuế (trước đây) tại công văn số 4120/TCT-CS ngày 02/10/2023."
    )
    assert _by_key(text)["4120/TCT-CS"].issuer == "Tổng cục Thuế"


def test_a_headline_closed_by_the_body_and_a_question():
    for text in (
        "# Toàn văn Thông báo 95-TB/TW 2025 Kết luận về chủ trương xây dựng nhà văn hóa của Bộ Chính trị ra sao?",
        "Toàn văn Kết luận 140-KL/TW năm 2025 về công tác cán bộ của Bộ Chính trị thế nào?",
    ):
        (m,) = extract(text)
        assert m.issuer == "Bộ Chính trị", text


def test_the_attached_plan_of_a_decision_is_no_pronoun_for_an_earlier_plan():
    text = (
        "Căn cứ Kế hoạch số 31/KH-UBND ngày 12/6/2025 của UBND tỉnh về triển khai Kế hoạch hành động số "
        "210-KHHĐ/TU ngày 05 tháng 5 năm 2025 của Ban Thường vụ Tỉnh ủy;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm "
        "theo Quyết định này Kế hoạch triển khai Quyết định số 06/QĐ-TTg ngày 06 tháng 01 năm 2022."
    )
    assert [m.text for m in extract(text) if m.key == "210-KHHĐ/TU"] == ["Kế hoạch hành động số 210-KHHĐ/TU"]


def test_a_page_quoting_a_notice_that_names_itself_still_reports_it():
    from refgraph.extract.pipeline import extract_mentions

    text = (
        "# Toàn văn Thông báo 95-TB/TW năm 2025 của Bộ Chính trị\n\n"
        "Ngày 20/8/2025, Bộ Chính trị ban hành Thông báo 95-TB/TW. Nội dung như sau:\n\n"
        "Giao Đảng ủy Chính phủ chỉ đạo thực hiện. Thông báo kết luận này được phổ biến đến chi bộ.\n\n"
        "Theo Điều 7 Nghị định 34/2014/NĐ-CP, hoạt động trong khu vực biên giới được quy định như sau: "
        "công dân phải đăng ký tạm trú với cơ quan công an xã theo quy định của pháp luật về cư trú.\n"
    ) + "Thông tin thêm về khu vực biên giới và cư trú của công dân. " * 20
    found = {m.key: m for m in extract_mentions(text, reported=True)}
    assert found["34/2014/NĐ-CP"].relation == "cites"


# ---- law names, passives and provisions (set 59) ------------------------------------------------------------


def test_a_known_law_name_runs_on_past_a_stop_word():
    text = (
        "Luật bổ sung quy định để sửa đổi Luật Phí và lệ phí, Luật Đầu tư theo phương thức đối tác công tư."
    )
    names = [m.text for m in extract(text) if "named" in m.flags]
    assert "Luật Đầu tư theo phương thức đối tác công tư" in names
    assert "Luật Đầu tư" not in names


def test_a_laws_year_after_its_name_is_not_a_short_number():
    text = "Nội dung này thực hiện theo quy định tại Điều 26 Luật Quy hoạch 2017."
    assert [m.text for m in extract(text)] == ["Luật Quy hoạch"]


def test_a_law_passed_by_the_assembly_in_a_session_gives_body_and_date():
    text = "Luật Đường bộ số 35/2024/QH15 được Quốc hội khóa XV tại Kỳ họp thứ 7 thông qua ngày 27/06/2024."
    m = _by_key(text)["35/2024/QH15"]
    assert m.issuer == "Quốc hội"  # the term is not part of the name
    assert m.date is not None and m.date.isoformat() == "2024-06-27"


def test_a_rate_qualified_by_words_then_located_in_a_circular_is_followed():
    text = (
        "c) Chi đón tiếp: Mức chi thực hiện theo mức chi tiếp khách trong nước quy định tại Thông tư số "
        "71/2018/TT-BTC ngày 10 tháng 8 năm 2018 của Bộ Tài chính."
    )
    assert _by_key(text)["71/2018/TT-BTC"].relation == "implements"


def test_a_fee_schedule_issued_with_a_circular_is_a_provision_followed():
    text = (
        "2. Số tiền thanh toán theo quy định tại Biểu phí thẩm định ban hành kèm theo Thông tư số "
        "243/2016/TT-BTC ngày 11 tháng 11 năm 2016 của Bộ Tài chính."
    )
    assert _by_key(text)["243/2016/TT-BTC"].relation == "implements"


def test_a_document_named_in_a_title_that_amends_its_heading_stays_in_that_title():
    text = (
        "Bãi bỏ Quyết định số 31/2021/QĐ-UBND ngày 02 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh sửa đổi, bổ "
        "sung tiêu đề và một số nội dung Quyết định số 12/2017/QĐ-UBND ngày 5 tháng 4 năm 2017 của Ủy ban nhân "
        "dân tỉnh về hỗ trợ học sinh."
    )
    found = [(m.key, m.relation) for m in extract(text)]
    assert found == [("31/2021/QĐ-UBND", "repeals"), ("12/2017/QĐ-UBND", "cites")]


def test_a_list_ended_by_this_document_reaches_past_the_titles_named_in_it():
    text = (
        "2. Quyết định số 12/2017/QĐ-UBND ngày 5 tháng 4 năm 2017 của Ủy ban nhân dân tỉnh quy định mức hỗ "
        "trợ học sinh bán trú theo Nghị định số 116/2016/NĐ-CP ngày 18 tháng 7 năm 2016 của Chính phủ và "
        "Quyết định số 31/2021/QĐ-UBND ngày 02 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh sửa đổi, bổ sung "
        "tiêu đề và một số nội dung Quyết định số 12/2017/QĐ-UBND ngày 5 tháng 4 năm 2017 của Ủy ban nhân "
        "dân tỉnh về việc quy định mức hỗ trợ học sinh bán trú theo Nghị định số 116/2016/NĐ-CP ngày 18 "
        "tháng 7 năm 2016 của Chính phủ hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành."
    )
    got = [(m.key, m.relation) for m in extract(text)]
    assert got[0] == ("12/2017/QĐ-UBND", "repeals")
    assert ("31/2021/QĐ-UBND", "repeals") in got
    assert got[-2:] == [("12/2017/QĐ-UBND", "cites"), ("116/2016/NĐ-CP", "cites")]


# ---- sets 60 and 61 ------------------------------------------------------------------------------------------


def test_the_governor_opening_a_lead_issued_the_decision():
    text = "Ngày 05/3/2025, Thống đốc Ngân hàng Nhà nước Việt Nam đã ban hành Quyết định 411/QĐ-NHNN về lãi suất."
    m = _by_key(text)["411/QĐ-NHNN"]
    assert m.issuer == "Thống đốc Ngân hàng Nhà nước Việt Nam"
    assert m.date is not None and m.date.isoformat() == "2025-03-05"


def test_a_ministry_after_lien_bo_is_whole_however_cased():
    text = (
        "theo Thông tư liên tịch số 09/2008/TTLT-BTC-BLĐTBXH ngày 20/02/2008 của liên Bộ Tài chính, Lao động "
        "Thương binh và xã hội hướng dẫn chế độ hỗ trợ."
    )
    m = _by_key(text)["09/2008/TTLT-BTC-BLĐTBXH"]
    assert m.issuer == "liên Bộ Tài chính, Lao động Thương binh và xã hội"
    assert m.title == "hướng dẫn chế độ hỗ trợ"


def test_a_decree_number_with_its_year_and_date_counts_no_days():
    text = "Căn cứ Nghị định số 80/2025/NĐ-CP ngày 1/4/2025 sửa đổi Nghị định số\n123/2020 ngày 19/10/2020 của Chính phủ."
    assert "123/2020/NĐ-CP" in _by_key(text)
    # another type's number without its code is still left out
    assert [m.key for m in extract("Trả lời công văn số 88/2025 ngày 05/11/2025 của Công ty B.")] == []


def test_a_portals_download_label_ends_the_issuer():
    text = "(4) Văn bản 3120/BCA-C06 năm 2025 ngày 14/10/2025 của Bộ Công an TẢI VỀ\n"
    assert _by_key(text)["3120/BCA-C06"].issuer == "Bộ Công an"


def test_a_joint_resolution_of_three_bodies_keeps_its_long_code():
    text = "Nghị quyết liên tịch 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 24/6/2025 hướng dẫn bầu cử."
    assert list(_by_key(text)) == ["102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"]


def test_a_ministry_that_submitted_a_paper_issued_it():
    text = "Chính phủ thống nhất với dự án do Bộ Công an trình tại Văn bản 702/TTr-BCA ngày 05/11/2025."
    assert _by_key(text)["702/TTr-BCA"].issuer == "Bộ Công an"


# ---- set 62 -------------------------------------------------------------------------------------------------


def test_a_body_acting_in_a_paper_after_a_bare_year_and_no_comma():
    text = "Tại Công điện 215/CĐ-TTg 2025 Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương triển khai."
    assert _by_key(text)["215/CĐ-TTg"].issuer == "Thủ tướng Chính phủ"


def test_a_ministry_proposing_in_its_report_issued_it():
    text = "Theo đó, trong Báo cáo 9120/BC-BNV năm 2025, Bộ Nội vụ đề nghị các địa phương rà soát bộ máy."
    assert _by_key(text)["9120/BC-BNV"].issuer == "Bộ Nội vụ"


def test_a_body_acting_after_a_decree_it_did_not_issue_is_not_its_issuer():
    text = "Căn cứ quy định tại Nghị định 123/2020/NĐ-CP, Cục Thuế trân trọng đề nghị các tổ chức tiếp tục."
    assert _by_key(text)["123/2020/NĐ-CP"].issuer is None


def test_a_list_heading_does_not_reach_into_the_next_article():
    text = (
        "Điều 4. Áp dụng\nMức lương được áp dụng theo quy định của pháp luật lao động như sau:\na) Mức lương "
        "theo tháng.\n\n**Điều 5. Hiệu lực thi hành**\n\n1. Nghị định này có hiệu lực từ ngày 01 tháng 01 năm "
        "2026.\n\n2. Nghị định số 74/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy định mức lương tối "
        "thiểu hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.\n"
    )
    assert _by_key(text)["74/2024/NĐ-CP"].relation == "repeals"


# ---- set 63: a markdown table's legal-basis column ------------------------------------------------------------


def test_a_markdown_tables_legal_basis_column_grounds_every_document_its_cells_list():
    text = (
        "| TT | Tên thủ tục | Cách thức thực hiện | Phí | Căn cứ pháp lý |  |\n"
        "|---|---|---|---|---|---|\n"
        "| Mức độ | Thực hiện qua bưu chính |  |  |  |  |\n"
        "| 1 | Chứng thực bản sao | 2 | Không | 2.000 đồng | - Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của "
        "Chính phủ. - Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ Tư pháp. |\n"
        "| 2 | Chứng thực chữ ký (hủy bỏ yêu cầu cũ) | 2 | Không | 10.000 đồng | - Thông tư số 226/2016/TT-BTC "
        "ngày 11/11/2016 của Bộ Tài chính. |\n"
    )
    got = {m.key: m.relation for m in extract(text)}
    assert got == {"23/2015/NĐ-CP": "based_on", "01/2020/TT-BTP": "based_on", "226/2016/TT-BTC": "based_on"}


def test_a_table_column_of_another_heading_is_no_basis():
    from refgraph.extract.relations import table_column

    text = "| TT | Văn bản bị bãi bỏ |\n|---|---|\n| 1 | Quyết định số 12/2019/QĐ-UBND |\n"
    assert table_column(text, text.index("Quyết định")) == " Văn bản bị bãi bỏ "
    assert table_column("Căn cứ Nghị định số 23/2015/NĐ-CP.", 8) is None
    # a line that is no row ends the table: a later row-like line is under no header
    broken = "| TT | Căn cứ pháp lý |\n|---|---|\nĐoạn văn.\n| 1 | Nghị định số 23/2015/NĐ-CP |\n"
    assert table_column(broken, broken.index("Nghị định")) is None


def test_the_assemblys_full_name_is_whole():
    text = "Căn cứ Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam;"
    assert _by_key(text)["190/2025/QH15"].issuer == "Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam"


def test_a_known_body_after_a_comma_with_its_verb_opens_the_next_clause():
    text = (
        "theo ý kiến chỉ đạo tại Công văn 17220-CV/VPTW 2025 của Văn phòng Trung ương Đảng, Thủ tướng Chính "
        "phủ đã yêu cầu các bộ khẩn trương thực hiện."
    )
    assert _by_key(text)["17220-CV/VPTW"].issuer == "Văn phòng Trung ương Đảng"


def test_a_steering_committee_named_by_its_topic_without_ve_opens_a_lead():
    text = (
        "Trước đó, Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa "
        "phương 2 cấp đã có Công văn 150/CV-BCĐ năm 2025 về kiện toàn bộ máy."
    )
    assert _by_key(text)["150/CV-BCĐ"].issuer == (
        "Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 2 cấp"
    )
    # the lead of a later bracket that restates the number holds a citation: no name is read across it
    text = "Ngày 20/3/2025, Ban Chỉ đạo Trung ương đã ban hành Công văn 43-CV/BCĐ năm 2025 (Công văn 43-CV/BCĐ) về X."
    assert [m.issuer for m in extract(text)] == ["Ban Chỉ đạo Trung ương", None]
