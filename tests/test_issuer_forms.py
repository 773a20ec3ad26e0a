"""Issuers a careful reader gives where the text names the body loosely: a ministry's own "Bộ", a post in
a heading, a name the parse window cut, a body after the date without "của", a past "sau khi … ban hành",
two words glued. Sentences of our own wording."""

from __future__ import annotations

import datetime as dt

from refgraph.extract import extract


def _issuer(text: str, key: str) -> str | None:
    return next(m.issuer for m in extract(text) if m.key == key)


def test_a_ministrys_own_bo_is_the_ministry_its_letter_number_names():
    text = "Các sở lập biểu theo Công văn số 512/LĐTBXH-KHTC ngày 2/3/2019 của Bộ về việc lập dự toán."
    assert _issuer(text, "512/LĐTBXH-KHTC") == "Bộ Lao động - Thương binh và Xã hội"


def test_minister_of_the_ministry_in_the_number():
    text = "Bãi bỏ Thông tư số 09/2018/TT-BCT ngày 4/5/2018 của Bộ trưởng Bộ về xuất khẩu gạo."
    assert _issuer(text, "09/2018/TT-BCT") == "Bộ trưởng Bộ Công Thương"


def test_bare_bo_stays_when_the_number_names_no_ministry():
    text = "Thực hiện Quyết định số 77/QĐ-UBND ngày 2/3/2019 của Bộ về việc giao chỉ tiêu."
    assert _issuer(text, "77/QĐ-UBND") == "Bộ"


def test_heading_post_before_a_ministry_in_capitals():
    text = (
        "THÔNG TƯ\nSỬA ĐỔI THÔNG TƯ SỐ 21/2021/TT-BCT NGÀY 9 THÁNG 3 NĂM 2021\n"
        "CỦA BỘ TRƯỞNG BỘ CÔNG THƯƠNG HƯỚNG DẪN THƯƠNG NHÂN\n"
    )
    assert _issuer(text, "21/2021/TT-BCT") == "Bộ trưởng Bộ Công Thương"


def test_heading_ministry_alone_in_capitals():
    text = "SỬA ĐỔI THÔNG TƯ SỐ 21/2021/TT-BTC NGÀY 9 THÁNG 3 NĂM 2021 CỦA BỘ TÀI CHÍNH QUY ĐỊNH VỀ PHÍ\n"
    assert _issuer(text, "21/2021/TT-BTC") == "Bộ Tài chính"


def test_known_body_whose_name_holds_a_type_word_is_not_cut_at_it():
    # "luật" inside "Ủy ban Pháp luật và Tư pháp" starts the next parse window
    text = "Xét Báo cáo thẩm tra số 51/BC-UBPLTP15 ngày 3/6/2025 của Ủy ban Pháp luật và Tư pháp;"
    assert _issuer(text, "51/BC-UBPLTP15") == "Ủy ban Pháp luật và Tư pháp"


def test_body_right_after_the_date_that_issues_under_the_number():
    text = (
        "Hồ sơ được lưu theo Nghị định số 30/2020/NĐ-CP ngày 5 tháng 3 năm 2020 Chính phủ quy định về "
        "công tác văn thư."
    )
    assert _issuer(text, "30/2020/NĐ-CP") == "Chính phủ"


def test_subject_after_the_date_that_does_not_issue_under_the_number_is_not_its_issuer():
    text = (
        "Theo Nghị định số 30/2020/NĐ-CP ngày 5 tháng 3 năm 2020 Ủy ban nhân dân tỉnh giao Sở Nội vụ "
        "hướng dẫn công tác văn thư."
    )
    assert _issuer(text, "30/2020/NĐ-CP") is None


def test_sau_khi_a_body_issued_it():
    text = (
        "Sau khi Bộ Y tế ban hành Thông tư số 14/2016/TT-BYT ngày 12/5/2016 hướng dẫn khám sức khỏe, "
        "các địa phương đã triển khai."
    )
    m = next(m for m in extract(text) if m.key == "14/2016/TT-BYT")
    assert (m.issuer, m.relation) == ("Bộ Y tế", "cites")


def test_a_bare_issuing_verb_without_date_or_sau_khi_names_no_issuer():
    # (unless the body is one whose own code the number carries: see the test of that below)
    text = "Bộ Nội vụ ban hành Thông tư số 14/2016/TT-BYT hướng dẫn khám sức khỏe."
    assert _issuer(text, "14/2016/TT-BYT") is None


def test_two_words_glued_in_the_issuer_are_parted():
    text = "Căn cứ Quyết định số 318/QĐ-BGDĐT ngày 3/5/2023 của Bộ trưởngBộ Giáo dục và Đào tạo về khung năm học;"
    assert _issuer(text, "318/QĐ-BGDĐT") == "Bộ trưởng Bộ Giáo dục và Đào tạo"


def test_lien_before_ministries_each_named_in_full_is_kept_as_written():
    text = "Theo Thông tư liên tịch số 12/2009/TTLT-BTC-BYT ngày 1/6/2009 của liên Bộ Tài chính - Bộ Y tế về phí."
    assert _issuer(text, "12/2009/TTLT-BTC-BYT") == "liên Bộ Tài chính - Bộ Y tế"


def test_lien_bo_shared_by_short_names_is_kept():
    text = "Theo Thông tư liên tịch số 12/2009/TTLT-BTC-BYT ngày 1/6/2009 của liên Bộ Tài chính, Y tế về phí."
    assert _issuer(text, "12/2009/TTLT-BTC-BYT") == "liên Bộ Tài chính, Y tế"


def test_a_body_named_between_the_type_word_and_the_number():
    text = "Triển khai Kết luận liên ngành Tư pháp Trung ương số 14/KL-LNTPTW ngày 2/3/2024 giữa các cơ quan."
    m = extract(text)[0]
    assert (m.key, m.issuer) == ("14/KL-LNTPTW", "Liên ngành Tư pháp Trung ương")


def test_a_plan_name_before_the_number_is_no_body():
    assert _issuer("Thực hiện Kế hoạch hành động số 52-KH/TU ngày 2/3/2025.", "52-KH/TU") is None


def test_and_before_a_document_ends_the_issuers_name():
    text = "Căn cứ Quyết định số 761/QĐ-BCA ngày 2/4/2024 của Bộ trưởng Bộ Công an và Kế hoạch của tỉnh, các sở triển khai."
    assert _issuer(text, "761/QĐ-BCA") == "Bộ trưởng Bộ Công an"


def test_a_proposal_at_several_letters_names_the_body_of_each():
    text = (
        "Theo đề nghị của Bộ trưởng Bộ Y tế tại các văn bản số: 801/BYT-KH ngày 1/10/2025, 802/BYT-KH ngày "
        "2/10/2025 và 990/BYT-KH ngày 6/11/2025."
    )
    assert {m.issuer for m in extract(text)} == {"Bộ trưởng Bộ Y tế"}


def test_two_numbers_sharing_one_code_share_its_date():
    got = [
        (m.key, m.date)
        for m in extract("Căn cứ các Kết luận số 17, 18-KL/TW ngày 29/8/2025 của Bộ Chính trị;")
    ]
    assert [k for k, _ in got] == ["17-KL/TW", "18-KL/TW"]
    assert got[0][1] == got[1][1] is not None


def test_a_date_opening_the_sentence_before_tai_dates_the_citation():
    m = extract("Ngày 10/10/2024, tại Công văn số 515/CT-HKD gửi các đơn vị, Cục Thuế tỉnh nêu như sau.")[0]
    assert m.date is not None and (m.date.year, m.date.month, m.date.day) == (2024, 10, 10)


def test_a_bodys_later_name_in_brackets_before_its_verb():
    text = (
        "Ngày 5/6/2024, Cục Thuế tỉnh Hà Nam (nay là Thuế tỉnh Ninh Bình) có Thông báo số 71/TB-CTHN về giá."
    )
    assert _issuer(text, "71/TB-CTHN") == "Cục Thuế tỉnh Hà Nam"


def test_a_steering_committee_named_by_a_number():
    text = (
        "Quyết định số 41/QĐ-BCĐ ngày 5/10/2025 của Trưởng Ban Chỉ đạo 934 giao nhiệm vụ. Kế hoạch số "
        "12/KH-BCĐ389 của Ban Chỉ đạo 389 quốc gia về chống buôn lậu. Quyết định số 15/QĐ-BCĐ của Ban Chỉ đạo "
        "2025 năm nay."
    )
    assert [m.issuer for m in extract(text)] == [
        "Trưởng Ban Chỉ đạo 934",
        "Ban Chỉ đạo 389 quốc gia",
        "Ban Chỉ đạo",  # a year is no committee's number
    ]


def test_a_capitalised_title_after_a_known_province_ends_the_body():
    text = (
        "17. Quyết định số 52/2002/QĐ-UB ngày 27/9/2002 của Ủy ban nhân dân tỉnh Tây Ninh Thành lập trường "
        "xã.\n18. Quyết định số 63/2002/QĐ-UB ngày 3/10/2002 của Ủy ban nhân dân tỉnh Tây Ninh Tách xã."
    )
    assert [m.issuer for m in extract(text)] == ["Ủy ban nhân dân tỉnh Tây Ninh"] * 2


def test_a_number_written_with_leading_zeros_keeps_them_and_resolves_with_the_plain_number():
    # four of five careful readers keep "0129" as the issuer printed it; at least two digits otherwise
    from refgraph.extract.keys import same_number

    got = [
        (m.key, "zero_padding" in m.flags)
        for m in extract("Theo Quyết định số 02110/QĐ-UBND và Thông tư số 5/2019/TT-BTC.")
    ]
    assert got == [("02110/QĐ-UBND", True), ("05/2019/TT-BTC", False)]
    assert (
        same_number("02110/QĐ-UBND") == "2110/QĐ-UBND" and same_number("004/2025/TT-BNV") == "04/2025/TT-BNV"
    )
    assert same_number("05/2019/TT-BTC") == "05/2019/TT-BTC"


def test_a_plan_numbered_with_a_leading_zero_is_one_document_with_its_plain_citations(tmp_path):
    from refgraph.builder import build

    (tmp_path / "plan.txt").write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 0129/KH-UBND\nĐắk Lắk, ngày 21 tháng 11 năm 2025\n\nKẾ HOẠCH\n"
        "Khắc phục hậu quả mưa lũ\n",
        encoding="utf-8",
    )
    (tmp_path / "letter.txt").write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 140/UBND-KT\nĐắk Lắk, ngày 25 tháng 11 năm 2025\n\n"
        "Triển khai Kế hoạch số 129/KH-UBND ngày 21/11/2025 của Ủy ban nhân dân tỉnh.\n",
        encoding="utf-8",
    )
    from refgraph.queries import Graph

    db = tmp_path / "g.db"
    build([tmp_path], db=db, catalogs=[], jobs=1)
    with Graph(db) as g:
        plan = g.find("0129/KH-UBND")
        assert g.find("129/KH-UBND") == plan
        assert [c["key"] for c in g.cited_by(plan)["cited_by"]] == ["140/UBND-KT"]


def test_a_body_before_a_bracket_that_does_not_issue_under_the_party_units_code():
    text = (
        "Sau khi nghe Ban Tổ chức Trung ương báo cáo tiến độ theo ý kiến, kết luận của Trung ương, Bộ Chính trị "
        "(Công văn số 512-CV/BTCTW, ngày 3/3/2024), Bộ Chính trị có ý kiến.\n\n"
        "Ngày 2/10/2024, Ban chấp hành Trung ương ký ban hành Công văn 733-CV/BTCTW về biên chế."
    )
    assert [m.issuer for m in extract(text)] == ["Ban Tổ chức Trung ương", "Ban chấp hành Trung ương"]


def test_a_body_that_sets_something_out_in_the_document_issued_it():
    text = (
        "Tờ khai lập theo mẫu do Bộ Tài chính quy định tại Thông tư số 80/2021/TT-BTC ngày 29/9/2021 về thuế."
    )
    assert _issuer(text, "80/2021/TT-BTC") == "Bộ Tài chính"
    text = "Đơn vị lập hồ sơ theo quy định tại Thông tư số 80/2021/TT-BTC ngày 29/9/2021 về thuế."
    assert _issuer(text, "80/2021/TT-BTC") is None


def test_a_joint_issuer_in_a_heading_in_capitals_gets_its_running_spelling():
    text = "# TOÀN VĂN: THÔNG BÁO 212-TB/TW CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ CÔNG TÁC CÁN BỘ"
    assert _issuer(text, "212-TB/TW") == "Bộ Chính trị, Ban Bí thư"


def test_a_body_that_signed_and_issued_it_before_the_number():
    text = "Ngày 5/3/2026, Ban Chấp hành Trung ương đã ký ban hành Nghị quyết 80-NQ/TW về phát triển văn hóa."
    assert _issuer(text, "80-NQ/TW") == "Ban Chấp hành Trung ương"
    # signed for bodies by one of their members: the bodies, not the member's posts
    behalf = (
        "Ngày 9/3/2026, thay mặt Bộ Chính trị, Ban Bí thư, đồng chí Nguyễn Văn A, Ủy viên Bộ Chính trị, "
        "Thường trực Ban Bí thư đã ký ban hành Quy định 320-QĐ/TW về công tác kiểm tra."
    )
    assert _issuer(behalf, "320-QĐ/TW") == "Bộ Chính trị, Ban Bí thư"


def test_a_body_that_has_a_letter_dated_after_its_number():
    text = "Về nội dung này, Bộ Tài chính có công văn số 1020/BTC-CST ngày 3/2/2026 gửi các địa phương."
    assert _issuer(text, "1020/BTC-CST") == "Bộ Tài chính"


def test_a_word_the_source_doubled_over_a_line_break_is_read_once():
    text = "Bãi bỏ Quyết định số 21/2017/QĐ-UBND ngày 2/3/2017 của Ủy ban nhân dân\ntỉnh tỉnh ban hành Quy chế chợ."
    assert _issuer(text, "21/2017/QĐ-UBND") == "Ủy ban nhân dân tỉnh"


def test_a_former_provinces_body_keeps_the_word_that_says_so():
    text = (
        "Bãi bỏ Quyết định số 07/2014/QĐ-UBND ngày 25/01/2014 của UBND tỉnh Hà Giang (cũ) ban hành Quy chế."
    )
    assert _issuer(text, "07/2014/QĐ-UBND") == "UBND tỉnh Hà Giang (cũ)"


def test_a_deputys_own_direction_is_the_deputys_but_a_deputy_signs_the_heads_document():
    text = "Các bộ báo cáo theo đúng chỉ đạo của Phó Thủ tướng Chính phủ tại Thông báo số 600/TB-VPCP ngày 3/11/2025."
    assert _issuer(text, "600/TB-VPCP") == "Phó Thủ tướng Chính phủ"
    # one who signs a directive of the Prime Minister's signs for him: the head's document, not the deputy's
    signed = "Phó Thủ tướng Chính phủ vừa ký Chỉ thị số 30/CT-TTg về kỷ luật ngân sách."
    assert _issuer(signed, "30/CT-TTg") == "Thủ tướng Chính phủ"


def test_the_president_named_with_the_states_full_name():
    text = "Theo Lệnh số 12/2026/L-CTN ngày 9/3/2026 của Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam về công bố Luật."
    assert _issuer(text, "12/2026/L-CTN") == "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam"


def test_the_body_acting_in_a_decision_before_an_auxiliary_verb():
    text = "Ngày 2 tháng 3 năm 2026, tại Quyết định 310/QĐ-TTg, Thủ tướng có quyết định bổ nhiệm ông A."
    assert _issuer(text, "310/QĐ-TTg") == "Thủ tướng Chính phủ"


def test_a_reference_by_name_owned_by_a_country_has_no_issuer():
    from refgraph.extract import extract

    text = "Chiến lược biển của Trung Quốc đặt mục tiêu xây dựng hải quân mạnh."
    assert [(m.text, m.issuer) for m in extract(text)] == [("Chiến lược biển", None)]


def test_a_national_bank_and_a_provincial_police_propose_in_their_papers():
    text = (
        "Xét đề nghị của Ngân hàng Chính sách xã hội tại Tờ trình số 130/TTr-HĐQT ngày 2 tháng 10 năm 2025."
    )
    assert _issuer(text, "130/TTr-HĐQT") == "Ngân hàng Chính sách xã hội"
    police = "Theo đề nghị của Công an tỉnh tại Văn bản số 270/TTr-CAT-PCCC ngày 5/11/2025."
    assert _issuer(police, "270/TTr-CAT-PCCC") == "Công an tỉnh"


def test_a_civil_judgment_enforcement_department_is_named_whole():
    text = "Tại Điều 3 Quyết định số 470/QĐ-CTHADS ngày 4/12/2023 của Cục trưởng Cục Thi hành án dân sự tỉnh Nghệ An có nêu."
    assert _issuer(text, "470/QĐ-CTHADS") == "Cục trưởng Cục Thi hành án dân sự tỉnh Nghệ An"


def test_the_post_that_signs_is_the_issuer_not_the_person_named_after_it():
    # a post, then the holder's name, then "đã ký": the name is no part of the issuer
    text = "Ngày 2/4/2023, Bộ trưởng Bộ Y tế Lê Văn Minh đã ký Thông tư số 05/2023/TT-BYT về khám bệnh."
    assert _issuer(text, "05/2023/TT-BYT") == "Bộ trưởng Bộ Y tế"


def test_a_complete_body_before_the_holders_name_after_a_recent_signing():
    text = "Thủ tướng Chính phủ Trần Văn Bình mới đây đã ký Chỉ thị số 19/CT-TTg về phòng chống thiên tai."
    assert _issuer(text, "19/CT-TTg") == "Thủ tướng Chính phủ"


def test_the_short_post_of_the_prime_minister_is_given_in_full():
    text = "Ngày 8/9/2022, Thủ tướng Đỗ Minh Quang đã ký Quyết định số 1040/QĐ-TTg giao chỉ tiêu."
    assert _issuer(text, "1040/QĐ-TTg") == "Thủ tướng Chính phủ"


def test_the_body_a_post_signs_for_is_the_issuer():
    text = (
        "Thay mặt Bộ Chính trị, Tổng Bí thư Tô Văn Nam đã ký ban hành Quy định số 301-QĐ/TW ngày 2/6/2025 "
        "về công tác cán bộ."
    )
    assert _issuer(text, "301-QĐ/TW") == "Bộ Chính trị"


def test_a_province_whose_name_opens_like_a_surname_is_not_cut_as_a_person():
    text = "Ngày 3/5/2024, Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng đã ký Quyết định số 210/QĐ-UBND về đất đai."
    assert _issuer(text, "210/QĐ-UBND") == "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng"


def test_a_post_of_a_complete_body_before_the_holders_name_gives_the_body():
    text = "Chủ tịch Quốc hội Lê Văn Hòa đã ký ban hành Nghị quyết số 201/2025/QH15 quy định về thí điểm."
    assert _issuer(text, "201/2025/QH15") == "Quốc hội"


def test_a_steering_body_named_by_its_level_and_topic_ends_at_the_title_verb():
    text = (
        "Bãi bỏ Quyết định số 12/QĐ-BCĐCĐS ngày 3 tháng 4 năm 2024 của Trưởng ban Chỉ đạo quốc gia về "
        "chuyển đổi số ban hành Quy chế làm việc của Ban Chỉ đạo."
    )
    assert _issuer(text, "12/QĐ-BCĐCĐS") == "Trưởng ban Chỉ đạo quốc gia về chuyển đổi số"


def test_a_colon_closes_a_steering_bodys_topic():
    text = (
        "Làm theo Kế hoạch 04-KH/BCĐTW ngày 2 tháng 7 năm 2025 của Ban Chỉ đạo Trung ương về phát triển khoa "
        "học, công nghệ và chuyển đổi số: Các địa phương báo cáo hằng tháng."
    )
    assert _issuer(text, "04-KH/BCĐTW") == (
        "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ và chuyển đổi số"
    )


def test_the_year_after_a_body_is_not_part_of_its_name():
    text = (
        "Trong Chỉ thị số 30/CT-TW của Ban Bí thư Trung ương Đảng năm 1998 về dân chủ ở cơ sở, Đảng nêu rõ."
    )
    assert _issuer(text, "30-CT/TW") == "Ban Bí thư Trung ương Đảng"


def test_a_lower_case_word_after_a_comma_is_not_part_of_the_name_after_the_year():
    text = "Theo Mục 3 Công văn 905/HD-SGDĐT năm 2024 của Sở Giáo dục và Đào tạo TP Huế, lịch học như sau."
    assert _issuer(text, "905/HD-SGDĐT") == "Sở Giáo dục và Đào tạo TP Huế"


def test_a_predicates_first_word_after_a_place_ends_the_name():
    text = (
        "Các điều khác của Quyết định số 31/2023/QĐ-UBND ngày 4/5/2023 của UBND Thành phố Hà Nội không đổi."
    )
    assert _issuer(text, "31/2023/QĐ-UBND") == "UBND Thành phố Hà Nội"


def test_a_committee_with_its_term_in_figures_before_its_verb():
    text = (
        "Ngày 2/4/2014, Ủy ban Thường vụ Quốc hội khóa 13 đã thông qua Pháp lệnh số 07/2014/UBTVQH13 về phí."
    )
    m = next(m for m in extract(text) if m.key == "07/2014/UBTVQH13")
    assert (m.issuer, m.date) == ("Ủy ban Thường vụ Quốc hội", dt.date(2014, 4, 2))


def test_a_body_that_acts_in_the_decisions_listed_after_tai_issues_them():
    text = (
        "Phần đất đã được UBND huyện Tân Yên thu hồi tại các Quyết định: Số 105/QĐ-UBND ngày 1/9/2018, "
        "số 125/QĐ-UBND ngày 6/8/2019."
    )
    assert [m.issuer for m in extract(text)] == ["UBND huyện Tân Yên"] * 2


def test_a_former_provinces_post_before_tai_names_the_issuer():
    text = "Lập sổ theo dõi theo Kết luận của Chủ tịch UBND tỉnh Hà Tây (cũ) tại Thông báo 49/TB-UBND ngày 2/7/2007."
    assert _issuer(text, "49/TB-UBND") == "Chủ tịch UBND tỉnh Hà Tây"


def test_a_body_that_appoints_in_the_decision_named_before_it_issued_it():
    text = (
        "Cụ thể, tại Quyết định số 1790/QĐ-TTg, Thủ tướng Chính phủ Lê Văn Tâm bổ nhiệm ông B giữ chức Thứ "
        "trưởng. Tại Quyết định số 1791/QĐ-TTg, Thủ tướng Chính phủ điều động ông C."
    )
    assert [m.issuer for m in extract(text)] == ["Thủ tướng Chính phủ"] * 2


def test_a_bracket_that_holds_the_citation_closes_the_topic_of_the_body_named_in_it():
    text = (
        "QUY CHẾ LÀM VIỆC\n\n*(Ban hành kèm theo Quyết định số 88/QĐ-BCĐNNDL ngày 3 tháng 4 năm 2024 của Trưởng\n"
        "Ban Chỉ đạo Nhà nước về Du lịch)*\n\n**Chương I**\n"
    )
    assert _issuer(text, "88/QĐ-BCĐNNDL") == "Trưởng Ban Chỉ đạo Nhà nước về Du lịch"


def test_a_body_before_tai_that_another_code_names_is_not_the_issuer():
    # the ministry's tasks stand in the Government's resolution; the ministry reported to the Government in
    # its own letter: the body told ("Chính phủ", right before "tại") is not who issued under the number's
    # code, the subject opening the sentence is (its code BTP names it)
    text = (
        "Nhiệm vụ của Bộ Công an tại Nghị quyết 201/NQ-CP được giao cụ thể. Bộ Tư pháp đã báo cáo Chính phủ "
        "tại Công văn số 4410/BTP-VP ngày 2/10/2025. Ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy tại Văn bản số "
        "88-CV/TU ngày 3/10/2025."
    )
    got = {m.key: m.issuer for m in extract(text)}
    assert got["201/NQ-CP"] is None and got["4410/BTP-VP"] == "Bộ Tư pháp"
    assert got["88-CV/TU"] == "Ban Thường vụ Tỉnh ủy"  # no central body's code to disagree with


def test_a_lower_case_word_after_cua_is_no_issuer():
    text = (
        "Bộ trả lời đề nghị nâng mức hỗ trợ theo Nghị định 178/2024/NĐ-CP của cử tri tỉnh Nam Định. "
        "Nghị quyết số 12-NQ/TW, ngày 2/1/1960 Hội nghị lần thứ ba mươi hai của Ban Chấp hành Trung ương. "
        "Công văn số 318/CT-TTHT ngày 4/3/2025 của Cục Thuế tỉnh Nam Định."
    )
    # (the body named in capitals after "của" is read as before)
    assert [m.issuer for m in extract(text)] == [None, None, "Cục Thuế tỉnh Nam Định"]


def test_emphasis_markers_between_the_words_of_a_name_are_dropped():
    text = "*- Quyết định số* *15/2025/QĐ-TTg ngày* *3/4/2025\ncủa Thủ tướng* *Chính phủ về quản lý chợ*"
    assert _issuer(text, "15/2025/QĐ-TTg") == "Thủ tướng Chính phủ"


def test_an_offices_letter_carries_the_direction_of_the_body_it_serves():
    text = (
        "Làm theo chỉ đạo của Thủ tướng Chính phủ tại Công văn số 5120/VPCP-NN ngày 4/7/2025 và chỉ đạo của "
        "Ban Bí thư tại Công văn số 9020-CV/VPTW ngày 5/7/2025."
    )
    got = {m.key: m.issuer for m in extract(text)}
    assert got == {"5120/VPCP-NN": "Thủ tướng Chính phủ", "9020-CV/VPTW": "Ban Bí thư"}


def test_a_steering_body_with_its_level_is_named_to_the_bracket_that_holds_the_citation():
    text = (
        "*(Kèm theo Quyết định số 31/QĐ-BCĐ ngày 2 tháng 6 năm 2025 của Trưởng\n"
        "Ban Chỉ đạo quốc gia về phòng, chống thiên tai)*\n\n**Chương I**"
    )
    assert _issuer(text, "31/QĐ-BCĐ") == "Trưởng Ban Chỉ đạo quốc gia về phòng, chống thiên tai"


def test_joint_ministries_after_lien_with_the_first_name_in_lower_case():
    text = (
        "Căn cứ Thông tư liên tịch số 75/2015/TTLT-BTC-BYT\nngày 2 tháng 6 năm 2015 của Liên Bộ tài chính - Y tế "
        "sửa đổi một số điều về giá dịch vụ;"
    )
    assert _issuer(text, "75/2015/TTLT-BTC-BYT") == "Liên Bộ tài chính - Y tế"


def test_the_body_heard_presenting_a_paper_is_the_issuer_of_the_paper_in_brackets():
    text = (
        "Tại phiên họp, sau khi nghe Ban cán sự đảng Bộ Nội vụ báo cáo về việc sửa đổi chế độ phụ cấp đối với "
        "cán bộ cơ sở (Tờ trình số 15-TTr/BCSĐ, ngày 3/3/2025), Bộ Chính trị kết luận như sau:"
    )
    assert _issuer(text, "15-TTr/BCSĐ") == "Ban cán sự đảng Bộ Nội vụ"


def test_a_body_whose_code_the_number_carries_issues_it_without_a_date_opening_the_sentence():
    text = "Bộ trưởng Bộ Y tế ban hành Thông tư 14/2025/TT-BYT hướng dẫn khám sức khỏe định kỳ."
    assert _issuer(text, "14/2025/TT-BYT") == "Bộ trưởng Bộ Y tế"
    # a body under another code still needs the date ("Sở Y tế ban hành Thông tư …" reports, it does not issue)
    assert _issuer("Sở Y tế ban hành Thông tư 14/2025/TT-BYT cho các bệnh viện.", "14/2025/TT-BYT") is None


def test_a_council_named_with_its_term_and_session_before_its_verb():
    text = (
        "Ngày 4/12/2025, Hội đồng nhân dân tỉnh Nghệ An khóa XVIII, kỳ họp thứ 35 đã thông qua Nghị quyết "
        "41/2025/NQ-HĐND về mức chi hỗ trợ bầu cử."
    )
    got = next(m for m in extract(text) if m.key == "41/2025/NQ-HĐND")
    assert got.issuer == "Hội đồng nhân dân tỉnh Nghệ An" and got.date == dt.date(2025, 12, 4)


def test_the_standing_committee_resolves_in_the_resolution_named_before_it():
    text = "**Lào Cai:** Tại Nghị quyết số 1690/NQ-UBTVQH15, Ủy ban Thường vụ Quốc hội quyết nghị sắp xếp các xã."
    assert _issuer(text, "1690/NQ-UBTVQH15") == "Ủy ban Thường vụ Quốc hội"


def test_a_title_verb_in_capitals_after_the_year_is_no_body():
    text = (
        "Ngày 2/6/2025, Bộ Xây dựng đã có Quyết định 880/QĐ-BXD năm 2025 Ban hành kế hoạch thực hiện "
        "Chỉ thị 11/CT-TTg năm 2025 ngày 21/4/2025 của Thủ tướng Chính phủ về an toàn giao thông."
    )
    got = {m.key: m for m in extract(text)}
    assert got["880/QĐ-BXD"].issuer == "Bộ Xây dựng"
    assert got["11/CT-TTg"].issuer == "Thủ tướng Chính phủ" and got["11/CT-TTg"].date == dt.date(2025, 4, 21)


def test_a_local_bodys_place_after_a_line_the_conversion_broke():
    text = (
        "Quyết định này thay thế Quyết định số 902/QĐ-UBND ngày 3 tháng 9 năm 2024 của Ủy ban nhân\ndân thành\n\n"
        "phố Hải Phòng về việc ban hành quy chế thi đua."
    )
    assert _issuer(text, "902/QĐ-UBND") == "Ủy ban nhân dân thành phố Hải Phòng"


def test_the_body_that_acts_in_the_letter_named_after_trong():
    text = "Trong Công văn 5120/BCT-TTTN năm 2025, Bộ Công Thương yêu cầu các sở kiểm tra giá xăng dầu."
    assert _issuer(text, "5120/BCT-TTTN") == "Bộ Công Thương"


def test_the_body_that_appraised_a_draft_in_its_report():
    text = (
        "*Theo đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 71/TTr-SXD ngày 2/10/2025 (được\n"
        "Sở Tư pháp thẩm định tại Báo cáo số 540/BC-STP ngày 28/9/2025);*"
    )
    assert _issuer(text, "540/BC-STP") == "Sở Tư pháp"


def test_a_committee_of_the_national_assembly_keeps_whose_it_is():
    text = "Căn cứ Báo cáo thẩm tra số 45/BC-UBKT15 của Ủy ban Kinh tế của Quốc hội về dự án Luật Thương mại;"
    assert _issuer(text, "45/BC-UBKT15") == "Ủy ban Kinh tế của Quốc hội"


def test_the_body_after_a_bracket_that_follows_the_number():
    text = (
        "*Căn cứ Nghị định số 06/2019/NĐ-CP (đã được sửa đổi,\nbổ sung tại Nghị định số 84/2021/NĐ-CP) của "
        "Chính phủ về quản lý thủy sản;*"
    )
    got = {m.key: m.issuer for m in extract(text)}
    assert got["06/2019/NĐ-CP"] == "Chính phủ"


def test_the_body_after_the_date_it_was_issued_on():
    text = "Nghị định số 41/2021/NĐ-CP được ban hành ngày 2/4/2021 của Chính phủ quy định về dân quân."
    assert _issuer(text, "41/2021/NĐ-CP") == "Chính phủ"


def test_an_article_heading_on_the_next_line_ends_the_name():
    text = (
        "thay thế Danh mục thủ tục số 01 tại Quyết định số\n2210/QĐ-UBND ngày 3/7/2025 của Chủ tịch UBND tỉnh\n"
        "**Điều 3. **Chánh Văn phòng UBND tỉnh chịu trách nhiệm thi hành."
    )
    assert _issuer(text, "2210/QĐ-UBND") == "Chủ tịch UBND tỉnh"


def test_the_assembly_to_which_a_government_submission_goes_is_not_its_issuer():
    text = "Dự án Luật Thuế (sửa đổi) đã được Chính phủ trình Quốc hội tại Tờ trình số 610/TTr-CP ngày 2/10/2025."
    assert _issuer(text, "610/TTr-CP") == "Chính phủ"  # who submitted it, the number's own body
    text = "Dự án Luật Thuế (sửa đổi) đã được trình Quốc hội tại Tờ trình số 610/TTr-CP ngày 2/10/2025."
    assert _issuer(text, "610/TTr-CP") is None
    # a body whose own code the number carries stays the issuer
    text = "Các tỉnh thực hiện ý kiến của Bộ Tài chính tại Công văn số 812/BTC-NSNN ngày 2/10/2025."
    assert _issuer(text, "812/BTC-NSNN") == "Bộ Tài chính"


def test_the_body_a_citation_was_issued_by_named_after_it():
    text = "**Nghị quyết số 88/NQ-CP ngày 2/6/2025 được Chính phủ ban hành để làm gì?**"
    assert _issuer(text, "88/NQ-CP") == "Chính phủ"
    # a body that only handled it is none
    assert _issuer("Quyết định số 15/QĐ-UBND được Sở Tư pháp thẩm định kỹ.", "15/QĐ-UBND") is None


def test_a_news_leads_subject_is_its_issuer_however_its_name_is_written():
    # an abbreviated department with "&", a steering body named in lower case, a topic with commas in it
    text = "Ngày 02/3/2025, Sở GD&ĐT TP Huế ban hành Kế hoạch 812/KH-SGDĐT năm 2025 về dạy bơi cho học sinh."
    got = next(m for m in extract(text) if m.key == "812/KH-SGDĐT")
    assert (got.issuer, got.date) == ("Sở GD&ĐT TP Huế", dt.date(2025, 3, 2))
    text = "Trước đó, Ban Chỉ đạo chuyển đổi số các cấp đã có Công văn 31/CV-BCĐ năm 2025 về lộ trình."
    assert _issuer(text, "31/CV-BCĐ") == "Ban Chỉ đạo chuyển đổi số các cấp"
    text = (
        "Ngày 3/4/2025, Ban Chỉ đạo của Chính phủ về cải cách hành chính, chuyển đổi số và Đề án 06 "
        "ban hành Quyết định 48/QĐ-BCĐCP năm 2025 về kế hoạch hoạt động."
    )
    assert _issuer(text, "48/QĐ-BCĐCP") == (
        "Ban Chỉ đạo của Chính phủ về cải cách hành chính, chuyển đổi số và Đề án 06"
    )
    # a subject that does not open its sentence, or one that goes on past a capitalised comma, is not read so
    text = "Theo báo cáo, nhiều đơn vị và Sở GD&ĐT TP Huế ban hành Kế hoạch 812/KH-SGDĐT năm 2025 về dạy bơi."
    assert _issuer(text, "812/KH-SGDĐT") is None


def test_a_body_whose_name_goes_on_in_lower_case():
    text = "Chúng tôi nhận được Báo cáo số 64/BC-HĐTV ngày 8/9/2024 của Hội đồng tư vấn chính sách dân tộc gửi Bộ."
    assert _issuer(text, "64/BC-HĐTV") == "Hội đồng tư vấn chính sách dân tộc"
    text = (
        "Nhận Công văn số 512/QLD-NV ngày 9/6/2025 của Cục Quản lý Hành nghề dược, Bộ Y tế nói về giá thuốc."
    )
    assert _issuer(text, "512/QLD-NV") == "Cục Quản lý Hành nghề dược"
    text = "Trả lời công văn số 27/CV-TL ngày 8/10/2025 của Chi nhánh Công ty TNHH vận tải biển Sao Mai tại Hải Phòng về thuế."
    assert _issuer(text, "27/CV-TL") == "Chi nhánh Công ty TNHH vận tải biển Sao Mai tại Hải Phòng"
    # a council whose name is known stops where its title starts, as before
    text = "Căn cứ Nghị quyết số 12/2025/NQ-HĐND ngày 5/5/2025 của Hội đồng nhân dân tỉnh Cà Mau quy định mức chi;"
    assert _issuer(text, "12/2025/NQ-HĐND") == "Hội đồng nhân dân tỉnh Cà Mau"


def test_a_headline_title_that_closes_with_the_body_of_the_numbers_codes():
    text = "# Đọc nhanh Nghị quyết 68-NQ/TW về phát triển kinh tế tư nhân của Bộ Chính trị?"
    assert _issuer(text, "68-NQ/TW") == "Bộ Chính trị"
    # nested in another citation's title, the same
    text = "**Nghị quyết 139/NQ-CP thực hiện Nghị quyết 68-NQ/TW về phát triển kinh tế tư nhân của Bộ Chính trị**"
    assert _issuer(text, "68-NQ/TW") == "Bộ Chính trị"
    # a body that does not issue under the number's codes, or words after it, leave it unnamed
    assert _issuer("Quyết định 12/QĐ-UBND về nâng cao năng lực của Bộ Chính trị.", "12/QĐ-UBND") is None
    text = "Nghị định 81/2024/NĐ-CP về quản lý giá của Chính phủ có hiệu lực từ tháng sau."
    assert _issuer(text, "81/2024/NĐ-CP") is None


def test_the_body_before_trong_the_document_it_speaks_in():
    text = "**Định hướng của Bộ Chính trị trong Nghị quyết 66-NQ/TW năm 2025 ra sao?**"
    assert _issuer(text, "66-NQ/TW") == "Bộ Chính trị"
    text = "Thủ tục hoàn thuế mà Cục Thuế hướng dẫn trong Công văn 2214/CT-CS năm 2024 gồm:"
    assert _issuer(text, "2214/CT-CS") == "Cục Thuế"
    # a body whose tasks a law lays down does not issue the law
    text = "Việc của Bộ trưởng Bộ Tư pháp trong Luật Tổ chức Chính phủ năm 2025 gồm những gì?"
    assert all(m.issuer is None for m in extract(text))


def test_a_date_past_a_blank_line_and_a_capital_is_the_next_paragraphs():
    text = (
        "**Khi nào giáo viên được hoàn học phí theo Nghị định 204/2025/NĐ-CP**\n\n"
        "Ngày 12/8/2025, Chính phủ đã ban hành Nghị định 204/2025/NĐ-CP sửa đổi quy định về học phí."
    )
    first, second = (m for m in extract(text) if m.key == "204/2025/NĐ-CP")
    assert first.date is None
    assert (second.date, second.issuer) == (dt.date(2025, 8, 12), "Chính phủ")
    # a date wrapped onto the next line stays the citation's
    text = "Căn cứ Nghị định 204/2025/NĐ-CP\nngày 2/7/2025 của Chính phủ;"
    assert next(m for m in extract(text)).date == dt.date(2025, 7, 2)


def test_a_steering_bodys_topic_after_its_year_and_a_lead_over_a_citation_in_its_name():
    text = (
        "Các bộ triển khai theo Kế hoạch số 05-KH/BCĐTW năm 2024 của Ban Chỉ đạo Trung ương về cải cách tư pháp, "
        "phòng chống tham nhũng và kinh tế số cho các địa phương như sau:"
    )
    assert _issuer(text, "05-KH/BCĐTW") == (
        "Ban Chỉ đạo Trung ương về cải cách tư pháp, phòng chống tham nhũng và kinh tế số"
    )
    text = (
        "Ngày 06/02/2025, Ban Chỉ đạo về sơ kết việc thi hành Nghị quyết 27-NQ/TW của Chính phủ đã có Công văn "
        "44/CV-BCĐ về việc tinh gọn bộ máy."
    )
    got = next(m for m in extract(text) if m.key == "44/CV-BCĐ")
    assert got.issuer == "Ban Chỉ đạo về sơ kết việc thi hành Nghị quyết 27-NQ/TW của Chính phủ"
    assert got.date == dt.date(2025, 2, 6)
    # a body on a hard-wrapped line is no lead's subject: the proposer after "của" stays whole
    text = "*Xét đề xuất của Giám đốc\nSở Ngoại vụ tại Tờ trình số 19/TTr-SNgV ngày 2/10/2024;*"
    assert _issuer(text, "19/TTr-SNgV") == "Giám đốc Sở Ngoại vụ"


def test_names_a_heading_or_a_bracket_closes():
    text = "Làm theo Thông báo số 401/TB-VPCP ngày 3/9/2024 của Văn phòng Chính phủ Kết luận Hội nghị trực tuyến."
    assert _issuer(text, "401/TB-VPCP") == "Văn phòng Chính phủ"
    text = "Cục Thuế nhận được công văn số 77/CCTKV.II-HKD ngày 14/3/2025 của Chi cục thuế Khu vực II (nay là Thuế tỉnh)."
    assert _issuer(text, "77/CCTKV.II-HKD") == "Chi cục thuế Khu vực II"
    text = "Bộ Tài chính ban hành văn bản hợp nhất Nghị định về phí trước bạ (Văn bản 07/VBHN-BTC năm 2025)."
    assert _issuer(text, "07/VBHN-BTC") == "Bộ Tài chính"
    # "Chính phủ đã ban hành …" after the comma is the next clause's subject, no co-issuer
    text = "Dựa vào Thông báo số 21-TB/TW ngày 2/12/2023 của Bộ Chính trị, Chính phủ vừa ban hành Nghị quyết riêng."
    assert _issuer(text, "21-TB/TW") == "Bộ Chính trị"


def test_a_short_name_in_brackets_a_tax_office_and_a_year_without_nam():
    text = "Bộ Tài nguyên và Môi trường (TNMT) vừa ban hành Thông tư số 09/2025/TT-BTNMT về quan trắc."
    assert _issuer(text, "09/2025/TT-BTNMT") == "Bộ Tài nguyên và Môi trường"
    text = "*Theo đề nghị của Thuế thành\nphố Hải Phòng tại Tờ trình số 512/TTr-HPH-QLĐ ngày 3/11/2025.*"
    assert _issuer(text, "512/TTr-HPH-QLĐ") == "Thuế thành phố Hải Phòng"
    text = "Những điểm còn lại vẫn theo Quyết định 718/QĐ-UBND 2018 của UBND tỉnh."
    assert _issuer(text, "718/QĐ-UBND") == "UBND tỉnh"


def test_a_circular_whose_header_names_no_body_takes_the_state_banks_full_name_from_its_code():
    from refgraph.identity import from_text

    text = (
        "Số: 12/2025/TT-NHNN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 3 tháng 4 năm 2025\n\n"
        "THÔNG TƯ\nQUY ĐỊNH VỀ THANH TOÁN\n\nĐiều 1. Phạm vi\n"
    )
    assert from_text(text).issuer == "Ngân hàng Nhà nước Việt Nam"
    # and a letter naming the bank without "Việt Nam" is still the bank's
    text = (
        "Ngày 18/12/2023, Thống đốc Ngân hàng Nhà nước ban hành Quyết định 2345/QĐ-NHNN năm 2023 về bảo mật."
    )
    # (the governor's post is kept, as a minister's is: readers give "Thống đốc Ngân hàng Nhà nước …")
    assert _issuer(text, "2345/QĐ-NHNN") == "Thống đốc Ngân hàng Nhà nước"
