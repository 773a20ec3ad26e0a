"""Relations, issuers and spans as a careful reader gives them (issue 12): each rule stated on sentences of
our own wording that reproduce a form seen in real documents."""

from __future__ import annotations

from refgraph.extract import extract


def _rel(text: str, **kw) -> list[tuple[str | None, str]]:
    return [(m.key, m.relation) for m in extract(text, **kw) if m.key]


FILLER = "Người dân trong tỉnh hưởng ứng tích cực các phong trào thi đua trong năm qua. " * 25


def test_on_a_page_this_plan_points_back_at_the_plan_it_reports():
    page = (
        "Ngày 3/12/2025, UBND tỉnh Bình Phước đã ban hành Kế hoạch số 221/KH-UBND về phát triển nhà ở.\n\n"
        "Theo đó, Kế hoạch này yêu cầu các sở triển khai thực hiện Chỉ thị số 34-CT/TW của Ban Bí thư.\n\n"
    ) + FILLER
    assert {r for _, r in _rel(page, reported=True)} == {"cites"}
    # with no plan named before it, "Kế hoạch này" is the text speaking of itself: a document
    own = "Kế hoạch này nhằm triển khai thực hiện Chỉ thị số 34-CT/TW của Ban Bí thư.\n\n" + FILLER
    assert ("34-CT/TW", "implements") in _rel(own, reported=True)


def test_amended_by_after_a_law_named_in_a_decree_title_reads_as_the_decree():
    text = (
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\n"
        "Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết thi hành "
        "Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP;\n"
    )
    assert ("187/2025/NĐ-CP", "based_on") in _rel(text)


def test_carrying_out_the_duties_of_a_named_party_that_a_decree_sets_implements_it():
    text = (
        "Điều 9. Trách nhiệm của người sử dụng\n\n"
        "1. Thực hiện trách nhiệm của người được cấp chứng thư số được quy định tại Điều 21 "
        "Nghị định 23/2025/NĐ-CP.\n"
    )
    assert _rel(text) == [("23/2025/NĐ-CP", "implements")]


def test_on_the_basis_of_a_plan_is_based_on_it_only_when_it_stands_next_to_it():
    text = (
        "- Các xã phối hợp rà soát dữ liệu địa chỉ trên cơ sở Kế hoạch số 77/KH-UBND ngày 2 tháng 9 năm 2025 "
        "của Ủy ban nhân dân tỉnh.\n"
    )
    assert _rel(text) == [("77/KH-UBND", "based_on")]
    text = (
        "- Các xã tổ chức tuyên truyền phòng chống bạo lực trên cơ sở giới trong năm 2025 theo "
        "Kế hoạch số 77/KH-UBND của Ủy ban nhân dân tỉnh.\n"
    )
    assert _rel(text) == [("77/KH-UBND", "implements")]


def test_a_report_of_what_other_bodies_did_with_a_directive_cites_it():
    text = (
        "(2) Công tác tiếp dân tiến bộ rõ. Các văn phòng cấp ủy đã chủ động nắm tình hình, phối hợp với "
        "các ngành liên quan tổ chức thực hiện nghiêm Chỉ thị số 35-CT/TW ngày 26/5/2014 của Bộ Chính trị.\n"
    )
    assert _rel(text) == [("35-CT/TW", "cites")]
    # a task given in the same words, with nothing reported as done, implements it
    text = (
        "(2) Các văn phòng cấp ủy chủ động nắm tình hình, phối hợp với các ngành liên quan tổ chức "
        "thực hiện nghiêm Chỉ thị số 35-CT/TW ngày 26/5/2014 của Bộ Chính trị.\n"
    )
    assert _rel(text) == [("35-CT/TW", "implements")]
    # "theo" is no act: a benefit received under a decision follows the decision, done or not
    for text in (
        "b) Người đã được hưởng trợ cấp một lần theo Quyết định số 62/2011/QĐ-TTg.\n",
        "b) Người đã hưởng trợ cấp theo Quyết định số 62/2011/QĐ-TTg.\n",
    ):
        assert _rel(text) == [("62/2011/QĐ-TTg", "implements")]


def test_a_heading_that_introduced_a_quotation_does_not_govern_the_paragraph_after_it():
    text = (
        "[2] Thông tư số 31/2025/TT-BCT sửa đổi Thông tư số 09/2025/TT-BCT có căn cứ ban hành như\n"
        "sau:\n\n"
        "*“Căn cứ Luật Điện lực số 61/2024/QH15;*\n\n"
        "*Bộ trưởng Bộ Công Thương ban hành Thông tư sửa đổi Thông tư số 09/2025/TT-BCT.”*\n\n"
        "Thông tư số\n44/2025/TT-BCT sửa đổi một số điều của Thông tư số 12/2025/TT-BCT.\n"
    )
    assert ("44/2025/TT-BCT", "cites") in _rel(text)


def _issuers(text: str) -> list[str | None]:
    return [m.issuer for m in extract(text) if m.key]


def test_a_place_after_a_level_word_ends_the_issuer_before_a_lower_case_word():
    text = "Kế hoạch 57/KH-UBND năm 2025 của Ủy ban nhân dân tỉnh Quảng Trị xây dựng nông thôn mới."
    assert _issuers(text) == ["Ủy ban nhân dân tỉnh Quảng Trị"]
    # a known province keeps its words whatever their case
    text = "Quyết định số 12/2019/QĐ-UBND của Ủy ban nhân dân tỉnh Thừa Thiên huế về giá đất."
    assert _issuers(text) == ["Ủy ban nhân dân tỉnh Thừa Thiên huế"]


def test_an_edition_in_brackets_does_not_cut_the_issuer_shared_by_a_list():
    text = "Các cấp ủy quán triệt Chỉ thị số 42-CT/TW và Quy định số 11-QĐi/TW (sửa đổi) của Ban Bí thư, bảo đảm."
    assert _issuers(text) == ["Ban Bí thư", "Ban Bí thư"]


def test_a_number_in_brackets_takes_the_body_of_a_description_wrapped_over_lines():
    text = (
        "Sau khi nghe Tờ trình của Ban Tuyên giáo và Dân vận Trung ương về kết quả công tác của\n"
        "quý III (Tờ trình số 88-TTr/BTGDVTW, ngày 2/10/2025), Ban Bí thư kết luận."
    )
    assert _issuers(text) == ["Ban Tuyên giáo và Dân vận Trung ương"]


def test_an_amending_law_ends_at_its_semicolon_inside_emphasis():
    text = (
        "*Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Thủy sản số 91/2025/QH15;*\n"
        "*Căn cứ Luật Trồng trọt số 31/2018/QH14;*\n"
    )
    got = [(m.text, m.key) for m in extract(text) if "named" not in m.flags]
    assert got[-1] == ("Luật Trồng trọt số 31/2018/QH14", "31/2018/QH14")
    # the law is one citation, not also a reference by name
    assert [m.text for m in extract(text)].count("Luật Trồng trọt") == 0


def test_the_documents_own_title_repeated_in_the_text_states_its_own_act():
    text = (
        "Văn bản này chưa có nội dung Tiếng Anh\n"
        "Nghị quyết 21/2025/NQ-HĐND ngày 3/11/2025 sửa đổi Quy định ban hành kèm theo Nghị quyết "
        "08/2021/NQ-HĐND quy định mức hỗ trợ do tỉnh Bắc Ninh ban hành\n"
    )
    assert ("08/2021/NQ-HĐND", "amends") in _rel(text, own="21/2025/NQ-HĐND")
    # another document's title: what it amends is only cited here
    assert ("08/2021/NQ-HĐND", "cites") in _rel(text)


def test_a_phrase_inside_an_aside_closed_before_the_citation_governs_nothing_after_it():
    text = (
        "2. Người thuộc diện quy định tại khoản 3 Điều 2 (xem chi tiết theo Phụ lục 2) Nghị quyết số "
        "05/2019/NQ-HĐND của Hội đồng nhân dân tỉnh được tiếp tục hưởng trợ cấp.\n"
    )
    assert _rel(text) == [("05/2019/NQ-HĐND", "cites")]


def test_a_markdown_heading_ends_the_reach_of_a_phrase_above_it():
    text = (
        "Công văn 51/CV-BCĐ ngày 2/12/2025 do Ban Chỉ đạo thực hiện sắp xếp đơn vị hành chính ban hành\n"
        "## Văn bản liên quan\n"
        "Ban hành:\n28/11/2025\nHiệu lực: Đã biết\n"
        "Kết luận 170-KL/TW năm 2025 rà soát tình hình chuẩn bị lễ công bố\n"
    )
    assert ("170-KL/TW", "cites") in _rel(text)


def test_what_was_achieved_before_a_connective_does_not_make_the_act_reported():
    text = (
        "3. Đổi mới sinh hoạt chi bộ trên cơ sở phát huy kết quả đã đạt được gắn với việc triển khai "
        "Chỉ thị số 50-CT/TW của Ban Bí thư.\n"
    )
    assert _rel(text) == [("50-CT/TW", "implements")]


def test_amending_is_the_documents_own_act_only_where_it_speaks_for_itself():
    # a ministry's future amendment, reported as a task
    text = (
        "5. Giao Bộ Tư pháp tổng hợp kiến nghị của tỉnh trong quá trình sửa đổi, bổ sung Nghị định số "
        "55/2011/NĐ-CP của Chính phủ.\n"
    )
    assert _rel(text) == [("55/2011/NĐ-CP", "cites")]
    # an article of the amending document
    text = "Điều 1. Sửa đổi, bổ sung một số điều của Quyết định số 12/2020/QĐ-UBND như sau:\n"
    assert _rel(text) == [("12/2020/QĐ-UBND", "amends")]
    # its own heading and enacting words name its own type before the verb
    text = (
        "NGHỊ QUYẾT\nSỬA ĐỔI MỘT SỐ ĐIỀU CỦA NGHỊ QUYẾT SỐ 10/2022/NQ-HĐND\n\n"
        "Hội đồng nhân dân ban hành Nghị quyết sửa đổi một số điều của Nghị quyết số 10/2022/NQ-HĐND.\n"
    )
    assert _rel(text, own="34/2025/NQ-HĐND") == [("10/2022/NQ-HĐND", "amends")] * 2
    # another type before the verb is a document still to come
    text = "2. Triển khai khi ban hành mới Quyết định thay thế Quyết định số 118/2008/QĐ-TTg.\n"
    assert _rel(text, own="980/KH-UBND") == [("118/2008/QĐ-TTg", "cites")]


def test_on_a_page_the_reported_plan_keeps_the_act_its_sentence_gives_it():
    page = (
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 31-KH/TU về công tác dân vận.\n\n"
        "Kế hoạch do Phó Bí thư Tỉnh ủy ký, yêu cầu thực hiện Kết luận số 20-KL/TW của Ban Bí thư. "
        "Theo đó, Kế hoạch này đề ra 8 nhiệm vụ.\n\n"
    ) + FILLER
    got = {m.key: m for m in extract(page, reported=True) if m.key}
    kl = got["20-KL/TW"]
    assert (kl.relation, kl.subject, kl.subject_relation) == ("cites", "31-KH/TU", "implements")


def test_a_count_before_a_type_word_makes_it_a_common_noun():
    text = (
        "Bộ sẽ trình Chính phủ ban hành các văn bản quy định chi tiết Luật Việc làm bao gồm 04 Nghị định "
        "về chính sách hỗ trợ tạo việc làm và bảo hiểm thất nghiệp."
    )
    assert [m.text for m in extract(text) if m.doc_type == "Nghị định"] == []
    # a number that an article word owns is a pinpoint: the decree described after it is one document
    text = "Theo khoản 2 Điều 5 Nghị định của Chính phủ về phân loại đơn vị hành chính, xã loại I."
    assert [m.doc_type for m in extract(text)] == ["Nghị định"]
    # the last of a list of article numbers, and a single document, are no count either
    text = "Người đã bị kết án về một trong các tội tại các điều 171, 173 và 290 Bộ luật Hình sự 2015."
    assert [m.doc_type for m in extract(text)] == ["Bộ luật"]
    text = "(Điều 123 Bộ luật Hình sự 2015 quy định về tội giết người)"
    assert [m.doc_type for m in extract(text)] == ["Bộ luật"]
    text = "Quốc hội khóa IV đã thông qua 1 Pháp lệnh Quy định việc bảo vệ rừng."
    assert [m.doc_type for m in extract(text)] == ["Pháp lệnh"]


def test_a_year_that_lost_a_digit_is_completed_only_by_the_citations_own_date():
    text = "Quyết định này thay thế Quyết định số 41/201 /QĐ-UBND ngày 5 tháng 3 năm 2018 của UBND tỉnh."
    (m,) = extract(text)
    assert m.key == "41/2018/QĐ-UBND" and "year_from_date" in m.flags
    # a date of another decade does not complete it
    (m,) = extract("Quyết định số 41/201 /QĐ-UBND ngày 5 tháng 3 năm 2021 của UBND tỉnh.")
    assert m.key is None


def test_a_listing_line_names_its_body_at_the_end_after_do():
    text = (
        "## Văn bản liên quan\nBan hành:\n30/06/2025\n9\n"
        "Kết luận 166-KL/TW năm 2025 về chuẩn bị đại hội đảng bộ các cấp do Bộ Chính trị ban hành\n"
        "Tiếng Anh\n"
    )
    assert _issuers(text) == ["Bộ Chính trị"]
    # a citation inside the line is in the first one's title: the body at the end is not its own
    text = (
        "Nghị quyết 21/2025/NQ-HĐND sửa đổi Nghị quyết 08/2021/NQ-HĐND về mức hỗ trợ do Hội đồng nhân dân "
        "tỉnh Bắc Ninh ban hành\n"
    )
    assert _issuers(text) == ["Hội đồng nhân dân tỉnh Bắc Ninh", None]


def test_a_title_cannot_name_a_document_issued_after_it():
    text = (
        "b) Người đã hưởng trợ cấp theo Quyết định số 40/2011/QĐ-TTg ngày 6 tháng 5 năm 2011 của Thủ tướng "
        "Chính phủ về việc sửa đổi Quyết định số 62/2008/QĐ-TTg ngày 2 tháng 1 năm 2008 về chế độ "
        "đối với thanh niên xung phong và Quyết định số 53/2011/QĐ-TTg ngày 20 tháng 8 năm 2011 của Thủ "
        "tướng Chính phủ về chế độ đối với dân công hỏa tuyến.\n"
    )
    assert _rel(text) == [
        ("40/2011/QĐ-TTg", "implements"),
        ("62/2008/QĐ-TTg", "cites"),
        ("53/2011/QĐ-TTg", "implements"),
    ]


def test_a_phrase_in_the_title_of_a_document_described_without_number_only_names_the_citation():
    text = (
        "- Tiếp tục thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương; "
        "Kế hoạch của Ủy ban nhân dân tỉnh Long An về thực hiện Nghị quyết số 26/NQ-CP ngày 05/3/2020 "
        "của Chính phủ.\n"
    )
    assert _rel(text) == [("36-NQ/TW", "implements"), ("26/NQ-CP", "cites")]


def test_a_phrase_before_a_modal_is_in_the_subject_and_governs_nothing_after_it():
    text = (
        "- Các nhiệm vụ và giải pháp triển khai thực hiện phải bám sát nội dung Chỉ thị 34-CT/TW, "
        "Quyết định 338/QĐ-TTg của Thủ tướng Chính phủ.\n"
    )
    assert _rel(text) == [("34-CT/TW", "cites"), ("338/QĐ-TTg", "cites")]
    text = "- Các sở, ngành phải triển khai thực hiện nghiêm Chỉ thị 34-CT/TW của Ban Bí thư.\n"
    assert _rel(text) == [("34-CT/TW", "implements")]
    # "cần thiết" is no modal
    text = "- Thực hiện các biện pháp cần thiết theo Chỉ thị 34-CT/TW của Ban Bí thư.\n"
    assert _rel(text) == [("34-CT/TW", "implements")]


def test_a_question_and_answer_page_quoting_provisions_has_no_preamble_of_its_own():
    page = (
        "# Thông tư 12/2025/TT-BCT sửa đổi quy định về kiểm tra thị trường?\n\n"
        "Căn cứ theo khoản 1 Điều 2 Thông tư 12/2025/TT-BCT sửa đổi Điều 4 Thông tư 27/2020/TT-BCT quy định:\n\n"
        "Các đơn vị chịu trách nhiệm thi hành Thông tư 12/2025/TT-BCT.\n\n"
    ) + FILLER
    # a page, not a document: what it reports is cited; the basis it gives its own answer ("Căn cứ theo …"
    # opening its line) is its own, and a document named in that one's title stays cited
    assert _rel(page, reported=True) == [
        ("12/2025/TT-BCT", "cites"),
        ("12/2025/TT-BCT", "based_on"),
        ("27/2020/TT-BCT", "cites"),
        ("12/2025/TT-BCT", "cites"),
    ]
    # a page that carries a document's own preamble is that document
    for line in (
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
        "Căn cứ theo Luật Tổ chức Chính phủ số 63/2025/QH15;",
    ):
        page = line + "\n\n" + FILLER
        assert _rel(page, reported=True) == [("63/2025/QH15", "based_on")]


def test_evaluating_is_not_considering_a_proposal():
    text = (
        "Việc nhận xét, đánh giá thời gian tập sự được thực hiện theo quy định tại Nghị định số "
        "138/2020/NĐ-CP của Chính phủ.\n"
    )
    assert _rel(text) == [("138/2020/NĐ-CP", "implements")]


def test_a_proposal_named_as_a_noun_ends_at_the_next_comma():
    text = (
        "Thủ trưởng cơ quan, trên cơ sở đề xuất của các đơn vị, chủ trì tổng hợp kinh phí để thực hiện "
        "theo quy định của Luật Ngân sách nhà nước số 83/2015/QH13.\n"
    )
    assert _rel(text) == [("83/2015/QH13", "implements")]
    # within the proposal's own words, the document it names is only cited
    text = "Xét đề nghị của Sở Tài chính tại Tờ trình số 421/TTr-STC ngày 29/10/2025.\n"
    assert _rel(text) == [("421/TTr-STC", "cites")]


def test_a_persons_name_after_a_post_is_not_part_of_the_issuer():
    text = "Ngày 5 tháng 3 năm 2024, Thủ tướng Chính phủ Trần Văn An ký Quyết định số 212/QĐ-TTg về nhân sự."
    assert _issuers(text) == ["Thủ tướng Chính phủ"]
    # a body named after a person keeps the name
    text = (
        "Thực hiện Kế hoạch số 12-KH/TWĐ của Ban Chấp hành Đoàn Thanh niên Cộng sản Hồ Chí Minh về việc đó."
    )
    assert _issuers(text) == ["Ban Chấp hành Đoàn Thanh niên Cộng sản Hồ Chí Minh"]


def test_names_with_kiem_sat_and_an_unspaced_dash_are_read_whole():
    text = "Quyết định số 91/QĐ-VKSTC ngày 9/6/2015 của Viện trưởng Viện kiểm sát nhân dân tối cao bổ nhiệm ông A."
    assert _issuers(text) == ["Viện trưởng Viện kiểm sát nhân dân tối cao"]
    text = "Thông tư số 07/2019/TT-BLĐTBXH ngày 2/11/2019 của Bộ Lao động-Thương binh và Xã hội quy định mức."
    assert _issuers(text) == ["Bộ Lao động-Thương binh và Xã hội"]


def test_guidance_coordinated_under_theo_follows_it():
    text = (
        "2. Việc xử lý hàng hóa dễ hư hỏng thực hiện theo pháp luật có liên quan và hướng dẫn Nghị định số "
        "77/2025/NĐ-CP của Chính phủ.\n"
    )
    assert _rel(text) == [("77/2025/NĐ-CP", "implements")]
    # alone, "hướng dẫn" after another body is that body's act on the decree
    text = "Bộ Tài chính đã có văn bản hướng dẫn Nghị định số 77/2025/NĐ-CP của Chính phủ.\n"
    assert _rel(text) == [("77/2025/NĐ-CP", "cites")]


def test_appointing_after_a_country_name_starts_the_title():
    text = "Quyết định số 98/QĐ-VKSTC ngày 9/6/2015 của Viện trưởng Viện kiểm sát nhân dân tối cao Việt Nam bổ nhiệm ông A."
    assert _issuers(text) == ["Viện trưởng Viện kiểm sát nhân dân tối cao Việt Nam"]


def test_quoted_provisions_headings_and_common_nouns_do_not_make_a_page_a_document():
    for opening, rel in (
        # (the page's own answer rests on the provision it quotes: its basis, though the page stays a page)
        ("Căn cứ vào Điều 36 Nghị định 118/2024/NĐ-CP có quy định như sau:", "based_on"),
        (
            "## Căn cứ xây dựng bảng giá đất năm 2026\n\nTheo Nghị định 118/2024/NĐ-CP, giá đất được điều chỉnh.",
            "cites",
        ),
        ("Doanh nghiệp lập kế hoạch này theo Nghị định 118/2024/NĐ-CP của Chính phủ.", "cites"),
    ):
        page = opening + "\n\n" + FILLER
        assert {r for _, r in _rel(page, reported=True)} == {rel}, opening


def test_a_title_verb_pair_ends_a_name_that_closes_with_a_capitalised_word():
    text = "Kế hoạch số 12-KH/TW của Ban Bí thư Trung ương Đảng triển khai nghị quyết về dân vận."
    assert _issuers(text) == ["Ban Bí thư Trung ương Đảng"]
    # the same syllable inside a name is kept ("Phát triển nông thôn")
    text = "Quyết định số 15/QĐ-BNNPTNT của Bộ Nông nghiệp và Phát triển nông thôn về việc giao nhiệm vụ."
    assert _issuers(text) == ["Bộ Nông nghiệp và Phát triển nông thôn"]


def test_a_new_predicate_after_a_past_clause_is_the_documents_own_act():
    text = (
        "- Các dự án đã khởi công thì tiếp tục triển khai Kế hoạch số 45/KH-UBND của Ủy ban nhân dân tỉnh.\n"
    )
    assert _rel(text) == [("45/KH-UBND", "implements")]


def test_a_committee_named_as_of_the_government_issues_with_its_whole_name():
    text = "Ngày 2 tháng 3 năm 1990, Ban Tôn giáo của Chính phủ ban hành Quyết định số 31/QĐ-TGCP về việc đó."
    (m,) = extract(text)
    assert (m.issuer, str(m.date)) == ("Ban Tôn giáo của Chính phủ", "1990-03-02")


def test_on_a_page_this_text_after_any_document_points_back_at_it():
    # "Văn bản này" names no type: after any citation it is that document, reported, and the page only cites
    page = (
        "Ngày 5/6/2025, Chính phủ ban hành Nghị định số 140/2025/NĐ-CP về phân cấp quản lý. Văn bản này "
        "thực hiện Kết luận số 127-KL/TW của Bộ Chính trị.\n\n"
    ) + FILLER
    assert {r for _, r in _rel(page, reported=True)} == {"cites"}
    # before any citation it is the text itself: a document, which keeps its relations
    own = "Văn bản này nhằm thực hiện Kết luận số 127-KL/TW của Bộ Chính trị.\n\n" + FILLER
    assert ("127-KL/TW", "implements") in _rel(own, reported=True)


# ---- forms read from a seventh blind set (session 5): each in our own words


def test_a_bill_under_debate_is_no_reference_but_an_issued_law_by_name_is():
    bill = "Chính phủ hoàn thiện hồ sơ dự án Luật Thuế giá trị gia tăng (sửa đổi) để trình Quốc hội."
    assert [m.text for m in extract(bill)] == []
    heading = "NGHỊ QUYẾT\nVỀ VIỆC TIẾP THU Ý KIẾN VỀ DỰ ÁN LUẬT THUẾ GIÁ TRỊ GIA TĂNG (SỬA ĐỔI)\n"
    assert [m.text for m in extract(heading)] == []
    issued = "Doanh nghiệp kê khai đúng quy định của Luật Thuế giá trị gia tăng và các văn bản hướng dẫn."
    assert [m.name for m in extract(issued)] == ["Luật Thuế giá trị gia tăng"]
    # an amending bill still names the law it would amend, which stays cited
    amending = "Bộ Tư pháp thẩm định dự án Luật sửa đổi, bổ sung một số điều của Luật Công chứng trong tháng."
    assert "Luật Công chứng" in [m.name for m in extract(amending)]


def test_a_programme_that_ends_a_steering_bodys_name_is_part_of_the_name():
    body = (
        "Ngày 02/10/2025, Ban Chỉ đạo của tỉnh về phát triển khoa học, công nghệ, chuyển đổi số và Đề án 06 "
        "họp phiên thứ ba; Tổ công tác triển khai Đề án 06 báo cáo tiến độ."
    )
    assert [m.text for m in extract(body)] == []
    # the same programme as the object of the text's own act is a reference
    acts = "Các sở, ngành tiếp tục triển khai Đề án 06 trên địa bàn tỉnh trong năm 2026."
    assert [m.text for m in extract(acts)] == ["Đề án 06"]


def test_a_director_generals_post_is_read_whole_as_the_issuer():
    text = (
        "Căn cứ Quyết định số 2214/QĐ-TCHQ ngày 09/7/2022 của Tổng cục trưởng Tổng cục Hải quan về việc ban "
        "hành quy trình kiểm tra."
    )
    assert [m.issuer for m in extract(text)] == ["Tổng cục trưởng Tổng cục Hải quan"]


def test_a_capital_heading_issuer_keeps_the_level_word_and_the_city():
    heading = (
        "**NGHỊ QUYẾT**\nBÃI BỎ NGHỊ QUYẾT SỐ 12/2016/NQ-HĐND NGÀY 08 THÁNG 7 NĂM 2016 CỦA HỘI ĐỒNG NHÂN "
        "DÂN THÀNH PHỐ ĐÀ\nNẴNG VỀ CHÍNH SÁCH HỖ TRỢ\n"
    )
    (m,) = extract(heading)
    assert (m.key, m.issuer, m.relation) == (
        "12/2016/NQ-HĐND",
        "Hội đồng nhân dân thành phố Đà Nẵng",
        "repeals",
    )


def test_a_quoted_procedure_name_does_not_carry_its_citation_onto_the_document_after_it():
    # the quotation closes the title of the circular it names; the decision after it is not a list item
    text = (
        "Bãi bỏ thủ tục hành chính: “Đăng ký chế độ kế toán theo Thông tư số 133/2016/TT-BTC hướng dẫn chế "
        "độ kế toán”* tại Quyết định số 1105/QĐ-BTC ngày 12/5/2017 của Bộ trưởng Bộ Tài chính."
    )
    ms = {m.key: m for m in extract(text)}
    assert ms["133/2016/TT-BTC"].title == "hướng dẫn chế độ kế toán"
    # the words before the quotation govern it: a part of the decision repealed
    assert ms["1105/QĐ-BTC"].relation == "repeals"


def test_a_citation_inside_another_documents_quoted_title_is_cited_by_that_title():
    text = (
        "Căn cứ Quyết định số 845/QĐ-UBND ngày 14/3/2024 của UBND tỉnh về việc phê duyệt “Đề án chuyển đổi số "
        "của tỉnh giai đoạn 2024 - 2030, thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ "
        "tướng Chính phủ”;"
    )
    assert _rel(text) == [("845/QĐ-UBND", "based_on"), ("749/QĐ-TTg", "cites")]


def test_a_recommendation_is_not_an_act_but_a_preamble_line_resting_on_it_is_a_basis():
    advice = (
        "Kiến nghị Bộ Nội vụ bãi bỏ thủ tục đã được công bố tại Quyết định số 530/QĐ-BNV ngày 08/4/2024 của "
        "Bộ trưởng Bộ Nội vụ."
    )
    assert _rel(advice) == [("530/QĐ-BNV", "cites")]
    basis = "Căn cứ kiến nghị của Ủy ban Kinh tế tại Báo cáo số 215/BC-UBKT15 ngày 17 tháng 12 năm 2024;"
    assert _rel(basis) == [("215/BC-UBKT15", "based_on")]


# ---- forms read from an eighth blind set (session 5)


def _key_issuers(text: str, **kw) -> list[tuple[str | None, str | None]]:
    return [(m.key, m.issuer) for m in extract(text, **kw) if m.key]


def test_one_body_after_a_list_names_every_item_over_dates_and_shared_type_words():
    text = (
        "Trên cơ sở xem xét Tờ trình số 120/TTr-CP ngày 03 tháng 4 năm 2025, Báo cáo số 121/BC-CP ngày 03 "
        "tháng 4 năm 2025 của Chính phủ; Báo cáo thẩm tra số 77/BC-UBPL ngày 09/4/2025 và Báo cáo thẩm tra bổ "
        "sung số 80/BC-UBPL15 ngày 12/4/2025 của Ủy ban Pháp luật;"
    )
    assert _key_issuers(text) == [
        ("120/TTr-CP", "Chính phủ"),
        ("121/BC-CP", "Chính phủ"),
        ("77/BC-UBPL", "Ủy ban Pháp luật"),
        ("80/BC-UBPL15", "Ủy ban Pháp luật"),
    ]
    shared = (
        "thực hiện yêu cầu tại Thông báo số 05-TB/BCĐTW ngày 10 tháng 02 năm 2025 và số 09-TB/BCĐTW ngày 15 "
        "tháng 3 năm 2025 của Ban Chỉ đạo Trung ương về thông báo ý kiến chỉ đạo."
    )
    assert _key_issuers(shared) == [
        ("05-TB/BCĐTW", "Ban Chỉ đạo Trung ương"),
        ("09-TB/BCĐTW", "Ban Chỉ đạo Trung ương"),
    ]


def test_a_body_after_the_year_with_of_and_the_party_term_apart():
    text = "theo Công văn 412/KBNN-KSC năm 2025 của Kho bạc Nhà nước Khu vực IV về tạm cấp kinh phí."
    assert _key_issuers(text) == [("412/KBNN-KSC", "Kho bạc Nhà nước Khu vực IV")]
    party = "tiếp tục thực hiện Nghị quyết 26-NQ/TW năm 2008 của Ban Chấp hành Trung ương Đảng khóa X về nông nghiệp."
    (m,) = extract(party)
    assert (m.issuer, m.term) == ("Ban Chấp hành Trung ương Đảng", "X")
    plenum = "Nghị quyết 30-NQ/TW năm 2021 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khoá XIII đã nêu."
    (m,) = extract(plenum)
    assert (m.issuer, m.term) == ("Ban Chấp hành Trung ương Đảng", "XIII")


def test_a_proposal_before_the_bracket_that_numbers_its_paper_names_the_issuer():
    text = (
        "Tại phiên họp ngày 05/8/2025, xem xét đề nghị của Bộ Y tế về chủ trương xây dựng bệnh viện tuyến "
        "tỉnh (Tờ trình số 410/TTr-BYT, ngày 01/8/2025), Bộ Chính trị kết luận như sau:"
    )
    assert _key_issuers(text) == [("410/TTr-BYT", "Bộ Y tế")]
    lower = "Căn cứ đề xuất của các địa phương về việc chi trả (Công văn số 55/BĐ-TCBC ngày 20/10/2018), Bộ đồng ý."
    assert _key_issuers(lower) == [("55/BĐ-TCBC", None)]


def test_a_body_named_before_its_letter_with_every_word_capitalised():
    text = (
        "Ngày 14/8/2025, Văn Phòng Tỉnh ủy Thanh Hóa có Công văn 112-CV/VPTU hướng dẫn việc bàn giao hồ sơ."
    )
    (m,) = extract(text)
    assert (m.issuer, str(m.date)) == ("Văn Phòng Tỉnh ủy Thanh Hóa", "2025-08-14")


def test_a_date_in_brackets_right_after_the_number():
    text = "sau khi sơ kết 5 năm thực hiện Nghị quyết số 19-NQ/TW (ngày 16/6/2022) về nông nghiệp."
    (m,) = extract(text)
    assert str(m.date) == "2022-06-16"


def test_a_steering_body_named_by_its_subject_runs_to_the_title():
    text = (
        "Triển khai Kế hoạch số 05-KH/BCĐ ngày 10/7/2025 của Ban Chỉ đạo\nphát triển khoa học, công nghệ, chuyển "
        "đổi số và đề án 06 về Kế hoạch hành động thực hiện Kế hoạch số\n03-KH/BCĐTW, ngày 02/6/2025 của Ban Chỉ "
        "đạo Trung ương, Ủy ban nhân dân tỉnh\nban hành Kế hoạch này."
    )
    ms = {m.key: m for m in extract(text)}
    assert ms["05-KH/BCĐ"].issuer == "Ban Chỉ đạo phát triển khoa học, công nghệ, chuyển đổi số và đề án 06"
    # the body after the comma is the sentence's own subject, with its verb: not a co-issuer
    assert ms["03-KH/BCĐTW"].issuer == "Ban Chỉ đạo Trung ương"
    assert ms["03-KH/BCĐTW"].relation == "cites"  # named in the plan's title


def test_a_numbered_section_heading_is_no_reference():
    text = "Kết quả năm 2025 đạt 90%.\n\n**3. Kế hoạch phát triển giai đoạn\n2026 - 2030**\n\nTrong giai đoạn tới."
    assert [m.text for m in extract(text)] == []
    # the same plan named in a sentence is one
    named = (
        "Kết quả năm 2025 đạt 90%.\n\nCác sở tiếp tục thực hiện Kế hoạch phát triển giai đoạn\n2026 - 2030."
    )
    assert [m.name for m in extract(named)] == ["Kế hoạch phát triển giai đoạn 2026 - 2030"]


def test_the_own_title_under_its_heading_and_the_enacting_words_amend_the_resolution_named():
    text = (
        "**NGHỊ QUYẾT**\n\nVỀ VIỆC SỬA ĐỔI, BỔ SUNG QUY ĐỊNH VỀ PHÍ TRÔNG GIỮ XE TẠI NGHỊ QUYẾT SỐ\n"
        "12/2022/NQ-HĐND NGÀY 08 THÁNG 7 NĂM 2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH\n\n"
        "*Căn cứ Luật Phí và lệ phí số 97/2015/QH13;*\n\n"
        "*Hội đồng nhân dân tỉnh ban hành Nghị quyết\nvề việc sửa đổi, bổ sung quy định về phí trông giữ xe tại "
        "Nghị quyết số 12/2022/NQ-HĐND ngày 08 tháng 7 năm 2022.*\n\nPHỤ LỤC\n*(Ban hành kèm Nghị quyết số "
        "31/2025/NQ-HĐND về việc sửa đổi, bổ sung quy định về phí tại Nghị quyết số 12/2022/NQ-HĐND)*\n"
    )
    rels = [(m.key, m.relation) for m in extract(text, own="31/2025/NQ-HĐND")]
    assert rels == [
        ("12/2022/NQ-HĐND", "amends"),
        ("97/2015/QH13", "based_on"),
        ("12/2022/NQ-HĐND", "amends"),
        ("31/2025/NQ-HĐND", "cites"),
        ("12/2022/NQ-HĐND", "amends"),
    ]


def test_a_ministrys_known_name_is_whole_however_it_is_cased_and_a_term_is_not_a_name():
    text = "[4] Thông tư số 08/2023/TT-BGDĐT ngày 14/4/2023 của Bộ giáo dục và Đào tạo về xếp hạng giáo viên."
    assert _key_issuers(text) == [("08/2023/TT-BGDĐT", "Bộ giáo dục và Đào tạo")]
    passed = "Ngày 18/6/2024, Quốc hội khóa XV đã thông qua Luật số 31/2024/QH15 về đất đai."
    (m,) = extract(passed)
    assert (m.issuer, str(m.date)) == ("Quốc hội", "2024-06-18")


# ---- forms read from a ninth blind set (session 5)


def test_an_alias_restates_the_citation_it_names_not_the_one_in_its_title():
    text = (
        "Căn cứ Nghị định số 60/2021/NĐ-CP ngày 01 tháng 7 năm 2021 của Chính phủ sửa đổi, bổ sung một số điều "
        "của Nghị định số 16/2015/NĐ-CP ngày 14 tháng 02 năm 2015 về cơ chế tự chủ (sau đây gọi tắt là Nghị "
        "định số 60/2021/NĐ-CP);"
    )
    assert _rel(text) == [
        ("60/2021/NĐ-CP", "based_on"),
        ("16/2015/NĐ-CP", "cites"),
        ("60/2021/NĐ-CP", "based_on"),
    ]


def test_amended_by_without_a_comma_reads_as_the_clause_it_amends():
    text = (
        "Căn cứ Nghị định số 15/2019/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Giáo dục nghề "
        "nghiệp được sửa đổi bổ sung bởi Nghị định số 24/2022/NĐ-CP;"
    )
    assert _rel(text) == [("15/2019/NĐ-CP", "based_on"), ("24/2022/NĐ-CP", "based_on")]


def test_what_a_basis_clause_relies_on_located_in_documents_is_a_basis():
    text = (
        "Căn cứ tình hình thị trường trong kỳ và căn cứ nguyên tắc tính giá, hướng dẫn quy định tại Nghị định "
        "số 45/2022/NĐ-CP, Thông tư số 12/2023/TT-BTC;"
    )
    assert _rel(text) == [("45/2022/NĐ-CP", "based_on"), ("12/2023/TT-BTC", "based_on")]
    # with no basis before it, a located thing is only cited
    plain = "Đơn vị lập hồ sơ theo mẫu, hướng dẫn quy định tại Nghị định số 45/2022/NĐ-CP."
    assert _rel(plain) == [("45/2022/NĐ-CP", "cites")]


def test_carrying_out_or_guiding_a_documents_provisions_acts_on_it():
    direct = "3. Thực hiện quy định tại khoản 4 Điều 12 Nghị định số 29/2023/NĐ-CP, cơ quan chi trả trợ cấp."
    assert _rel(direct) == [("29/2023/NĐ-CP", "implements")]
    own = (
        "Điều 1. Phạm vi điều chỉnh\n\nThông tư này hướng dẫn thực hiện chế độ đối với viên chức trong các đơn "
        "vị quy định tại Điều 2 Nghị định số 29/2023/NĐ-CP khi sắp xếp lại."
    )
    assert _rel(own) == [("29/2023/NĐ-CP", "guides")]
    table = (
        "Giá tính lệ phí được xác định theo quy định tại Bảng giá nhà ở, vật kiến trúc được quy định tại Quyết "
        "định số 15/2024/QĐ-UBND ngày 04 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh."
    )
    assert _rel(table) == [("15/2024/QĐ-UBND", "implements")]
    # another body's guidance, and a form located in a decree, stay cited
    other = "Bộ Tài chính hướng dẫn chế độ đối với người quy định tại Điều 1 Nghị định số 29/2023/NĐ-CP."
    assert _rel(other) == [("29/2023/NĐ-CP", "cites")]
    form = "Đơn vị lập hồ sơ theo mẫu số 02 quy định tại Nghị định số 29/2023/NĐ-CP."
    assert _rel(form) == [("29/2023/NĐ-CP", "cites")]


# ---- forms read from a tenth blind set (session 5)


def test_following_a_documents_direction_implements_it_past_a_modal():
    text = (
        "Các bệnh viện tuyến trên phải hướng dẫn người bệnh về tuyến dưới theo đúng chỉ đạo của Bộ Y tế tại "
        "Chỉ thị số 05/CT-BYT ngày 10/4/2019 của Bộ Y tế."
    )
    assert _rel(text) == [("05/CT-BYT", "implements")]


def test_a_consideration_in_the_title_does_not_reach_the_basis_lines_below_it():
    text = (
        "**NGHỊ QUYẾT**\n\nVỀ XÉT TẶNG DANH HIỆU CÔNG DÂN TIÊU BIỂU\n\n"
        "*Căn cứ Luật Tổ chức chính quyền địa phương **số**\n72/2025/QH15;*\n"
    )
    assert _rel(text) == [("72/2025/QH15", "based_on")]


def test_adjusted_by_reads_as_the_clause_and_a_list_of_decisions_lapsing_is_repealed():
    adjusted = (
        "Căn cứ Quyết định số 410/QĐ-BNV ngày 02 tháng 6 năm 2023 của Bộ trưởng Bộ Nội vụ (được điều chỉnh bổ "
        "sung bởi Quyết định số 95/QĐ-BNV ngày 11 tháng 3 năm 2024 của Bộ trưởng Bộ Nội vụ);"
    )
    assert _rel(adjusted) == [("410/QĐ-BNV", "based_on"), ("95/QĐ-BNV", "based_on")]
    lapsing = (
        "5. Các Quyết định sau đây hết hiệu lực kể từ ngày 01 tháng 7 năm 2026:\n\n"
        "- Quyết định số 12/2020/QĐ-UBND ngày 03 tháng 5 năm 2020 của Ủy ban nhân dân tỉnh quy định định mức;\n\n"
        "- Quyết định số 07/2023/QĐ-UBND ngày 14 tháng 2 năm 2023 của Ủy ban nhân dân tỉnh sửa đổi định mức.\n"
    )
    assert _rel(lapsing) == [("12/2020/QĐ-UBND", "repeals"), ("07/2023/QĐ-UBND", "repeals")]


def test_the_central_committees_office_is_a_known_body():
    text = "Ngày 02/12/2025, Văn phòng Ban chấp hành trung ương ban hành Công văn 20110-CV/VPTW về việc tập huấn."
    (m,) = extract(text)
    assert (m.issuer, str(m.date)) == ("Văn phòng Ban chấp hành trung ương", "2025-12-02")


def test_guidance_documents_are_a_noun_that_governs_only_the_document_right_after_it():
    listed = (
        "- Tiếp tục quán triệt, triển khai các quy định của pháp luật và các văn bản hướng dẫn thi hành công tác "
        "lưu trữ của Chính phủ, nhất là: Luật Lưu trữ, Chỉ thị số 35/CT-TTg ngày 07/9/2017 của Thủ tướng Chính phủ."
    )
    assert _rel(listed) == [("35/CT-TTg", "implements")]
    right_after = (
        "Triển khai thực hiện các văn bản hướng dẫn thi hành Nghị định số 13/2023/NĐ-CP trên địa bàn."
    )
    assert _rel(right_after) == [("13/2023/NĐ-CP", "cites")]


# ---- forms read from an eleventh blind set (session 5)


def test_a_list_of_numbers_goes_on_past_a_citation_in_an_items_title():
    text = (
        "Căn cứ các Nghị định của Chính phủ: số 24/2025/NĐ-CP ngày 01/3/2025 quy định chi tiết về đăng ký; số "
        "60/2025/NĐ-CP ngày 01/5/2025 sửa đổi, bổ sung một số điều của Nghị định số 24/2025/NĐ-CP ngày "
        "01/3/2025 quy định chi tiết về đăng ký; số 61/2025/NĐ-CP ngày 02/5/2025 về thống kê và số 99/2025/NĐ-CP ngày 10/6/2025 về lưu trữ;"
    )
    assert _rel(text) == [
        ("24/2025/NĐ-CP", "based_on"),
        ("60/2025/NĐ-CP", "based_on"),
        ("24/2025/NĐ-CP", "cites"),
        ("61/2025/NĐ-CP", "based_on"),
        ("99/2025/NĐ-CP", "based_on"),
    ]


def test_codes_with_look_alike_letters_split_digits_and_a_dotted_unit():
    cyrillic = "theo Nghị định số 15/2020/NĐ-\u0421\u0420 ngày 03/02/2020 của Chính phủ."
    assert [m.key for m in extract(cyrillic)] == ["15/2020/NĐ-CP"]
    split = "*Căn cứ Luật Đầu tư công số 58/2024/QH**1**5;*"
    assert [m.key for m in extract(split)] == ["58/2024/QH15"]
    dotted = "Trả lời công văn số 412/CCTKV.IV-NVDT.HCM ngày 05/11/2025 của Thuế cơ sở."
    assert [m.key for m in extract(dotted)] == ["412/CCTKV.IV-NVDT.HCM"]
    run_on = "theo Công văn số 12/UBND-KT.Các sở triển khai."
    assert [m.key for m in extract(run_on)] == ["12/UBND-KT"]


def test_a_consideration_reads_its_whole_list_of_papers_and_a_bold_article_still_opens_its_sentence():
    text = (
        "*Xét Tờ trình số 210/TTr-UBND ngày 10 tháng 11 năm 2025 của Ủy ban nhân dân Thành phố về mức thu "
        "theo quy định; Báo cáo thẩm tra số 88/BC-BKTNS ngày 20 tháng 11 năm 2025 của Ban Kinh tế - Ngân sách; "
        "ý kiến thảo luận của đại biểu.*\n"
    )
    assert _rel(text) == [("210/TTr-UBND", "cites"), ("88/BC-BKTNS", "cites")]
    bold = (
        "QUYẾT ĐỊNH:\n**Điều 1. **Sửa đổi, bổ sung một số nội dung tại mục II Định mức ban hành kèm theo\n"
        "Quyết định số 31/2024/QĐ-UBND ngày 22/7/2024 của Ủy ban nhân dân tỉnh như sau:"
    )
    assert _rel(bold, own="05/2025/QĐ-UBND") == [("31/2024/QĐ-UBND", "amends")]


def test_a_provision_amended_into_an_article_stays_in_the_amending_title():
    text = (
        "Căn cứ Nghị định số 70/2025/NĐ-CP ngày 20/3/2025 của Chính phủ sửa đổi, bổ sung khoản 1, khoản 2 và "
        "bổ sung khoản 9 vào Điều 4 Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ;"
    )
    assert _rel(text) == [("70/2025/NĐ-CP", "based_on"), ("123/2020/NĐ-CP", "cites")]


# ---- forms read from a twelfth blind set (session 5)


def test_issuers_a_doubled_of_an_abbreviation_a_body_before_its_term_and_a_list_sharing_its_body():
    doubled = (
        "**QUYẾT ĐỊNH**\nBÃI BỎ QUYẾT ĐỊNH SỐ 15/2019/QĐ-UBND NGÀY 02 THÁNG 5 NĂM 2019 VÀ QUYẾT ĐỊNH SỐ "
        "20/2023/QĐ-UBND\nNGÀY 10 THÁNG 3 NĂM 2023 CỦA CỦA ỦY BAN NHÂN DÂN TỈNH NINH BÌNH VỀ PHÂN CẤP\n"
    )
    assert _key_issuers(doubled) == [
        ("15/2019/QĐ-UBND", "Ủy ban nhân dân tỉnh Ninh Bình"),
        ("20/2023/QĐ-UBND", "Ủy ban nhân dân tỉnh Ninh Bình"),
    ]
    abbreviated = (
        "**QUYẾT ĐỊNH**\nBÃI BỎ QUYẾT ĐỊNH SỐ 11/2021/QĐ-UBND NGÀY 25/3/2021 CỦA UBND TỈNH VỀ QUY CHẾ\n"
    )
    assert _key_issuers(abbreviated) == [("11/2021/QĐ-UBND", "UBND tỉnh")]
    term = (
        "Bộ nhận được kiến nghị của cử tri do Ban Dân nguyện Quốc hội khóa XV chuyển đến tại Văn bản số "
        "812/BDN ngày 03 tháng 10 năm 2025 về việc chuyển kiến nghị."
    )
    assert _key_issuers(term) == [("812/BDN", "Ban Dân nguyện Quốc hội")]
    inspectorate = (
        "Các đoàn hoàn thành thanh tra theo chỉ đạo của Thủ tướng Chính phủ và hướng dẫn của Thanh tra Chính phủ "
        "tại Kế hoạch thanh tra số 920/KH-TTCP ngày 02/6/2025."
    )
    assert _key_issuers(inspectorate) == [("920/KH-TTCP", "Thanh tra Chính phủ")]
    listed = "theo hướng dẫn của Bộ Tài chính tại văn bản số 2210/BTC-QLCS ngày 02/10/2025, số 1870/BTC-QLCS ngày 02/8/2025."
    assert _key_issuers(listed) == [("2210/BTC-QLCS", "Bộ Tài chính"), ("1870/BTC-QLCS", "Bộ Tài chính")]


def test_carrying_out_a_plan_approved_in_a_decision_implements_it():
    text = (
        "- Hoàn thành thực thi phương án đơn giản hóa thủ tục đã được phê duyệt tại Quyết định số 870/QĐ-TTg."
    )
    assert _rel(text) == [("870/QĐ-TTg", "implements")]
    plain = "Đề án đã được phê duyệt tại Quyết định số 870/QĐ-TTg của Thủ tướng Chính phủ."
    assert _rel(plain) == [("870/QĐ-TTg", "cites")]


def test_a_regional_office_keeps_its_region_in_its_name():
    text = "Trả lời công văn số 512/CCTKV.VII-NVDT ngày 12/11/2025 của Chi cục Thuế khu vực VII về việc hoàn thuế."
    assert _key_issuers(text) == [("512/CCTKV.VII-NVDT", "Chi cục Thuế khu vực VII")]


def test_a_sentence_that_opens_with_a_vietnamese_capital_ends_a_list():
    # "Để" opens a new sentence ("Đ" is a capital though the range à-ỹ holds it): no later item of the list
    text = (
        "Căn cứ các Quyết định của Thủ tướng Chính phủ: số 12/QĐ-TTg ngày 02/01/2025 về phát triển du lịch. "
        "Để theo dõi, số 45/QĐ-BVHTTDL ngày 03/02/2025 được cập nhật."
    )
    assert [m.key for m in extract(text)] == ["12/QĐ-TTg"]
    # where the list goes on, its next item is read
    goes_on = text.replace(". Để theo dõi, số", "; số")
    assert [m.key for m in extract(goes_on)] == ["12/QĐ-TTg", "45/QĐ-BVHTTDL"]


def test_laws_that_each_give_their_number_in_an_amending_title_keep_it():
    text = (
        "Căn cứ Luật Nhà ở số 27/2023/QH15 ngày 27 tháng 11 năm 2023, được sửa đổi, bổ sung một số điều tại Luật "
        "sửa đổi, bổ sung một số điều của Luật Nhà ở số 27/2023/QH15, Luật Đấu giá tài sản số 01/2016/QH14 và "
        "Luật Xây dựng số 50/2014/QH13;\n"
    )
    got = [(m.text, m.key, m.relation) for m in extract(text) if m.key]
    assert got == [
        ("Luật Nhà ở số 27/2023/QH15", "27/2023/QH15", "based_on"),
        ("Luật Nhà ở số 27/2023/QH15", "27/2023/QH15", "cites"),
        ("Luật Đấu giá tài sản số 01/2016/QH14", "01/2016/QH14", "cites"),
        ("Luật Xây dựng số 50/2014/QH13", "50/2014/QH13", "cites"),
    ]
    # one number at the end of the list is the amending law's own
    single = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Hải quan số 90/2025/QH15;\n"
    assert [(m.key, m.text[:8]) for m in extract(single) if m.key] == [("90/2025/QH15", "Luật sửa")]


def test_laws_an_amending_title_names_without_a_number_are_its_words():
    text = (
        "Căn cứ Luật Đê điều ngày 29 tháng 11 năm 2006, được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung một số "
        "điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020;\n"
    )
    starts = [m.text.split()[1] for m in extract(text)]
    assert starts == ["Đê", "sửa"]  # the law relied on and the amending law; not the two laws in its title


def test_a_markdown_heading_ends_a_title_so_the_list_below_starts_afresh():
    text = (
        "Điều 1. Bãi bỏ Quyết định số 40/2020/QĐ-UBND ngày 4/5/2020 về quản lý chợ trên địa bàn tỉnh\n"
        "## Văn bản liên quan\nBan hành:\n3/3/2026\n2\nNghị quyết 12/2026/NQ-HĐND về phí chợ\n"
    )
    assert _rel(text) == [("40/2020/QĐ-UBND", "repeals"), ("12/2026/NQ-HĐND", "cites")]


def test_a_proposal_set_out_in_a_submission_names_its_body():
    text = "Thông qua Hiệp định như đề nghị của Bộ Ngoại giao nêu tại Tờ trình số 41/TTr-BNG ngày 6 tháng 10 năm 2025."
    assert [m.issuer for m in extract(text) if m.key] == ["Bộ Ngoại giao"]


def test_numbers_in_a_bracket_after_a_plural_type_heading_are_its_items():
    text = (
        "Căn cứ các Nghị định của Chính phủ quy định chi tiết thi hành Luật Đấu thầu (Số 24/2024/NĐ-CP ngày "
        "27/02/2024 và số 17/2025/NĐ-CP ngày 6/02/2025);\n"
    )
    got = [(m.key, m.relation, m.issuer) for m in extract(text) if m.key]
    assert got == [
        ("24/2024/NĐ-CP", "based_on", "Chính phủ"),
        ("17/2025/NĐ-CP", "based_on", "Chính phủ"),
    ]


def test_a_basis_line_without_its_own_can_cu_goes_on_with_the_line_above():
    text = (
        "*Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính;*\n"
        "*Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định "
        "liên quan đến kiểm soát thủ tục hành chính;*\n"
    )
    assert _rel(text) == [("63/2010/NĐ-CP", "based_on"), ("92/2017/NĐ-CP", "based_on")]


def test_what_a_draft_would_amend_it_does_not_amend_yet():
    text = "Văn bản này chưa cập nhật nội dung\nNghị quyết 375/NQ-CP ngày 20/11/2025 dự thảo Nghị quyết sửa đổi Nghị quyết 136/2024/QH15 về đô thị\n"
    assert _rel(text, own="375/NQ-CP") == [("375/NQ-CP", "cites"), ("136/2024/QH15", "cites")]
    enacted = "Chính phủ ban hành Nghị quyết sửa đổi Nghị quyết 136/2024/QH15 về chính quyền đô thị."
    assert _rel(enacted, own="375/NQ-CP") == [("136/2024/QH15", "amends")]


def test_a_verb_in_a_plural_headings_title_does_not_govern_the_items_after_its_colon():
    text = (
        "Căn cứ các Quyết định của Thủ tướng Chính phủ về phê duyệt quy hoạch tỉnh thời kỳ 2021 - 2030: Quyết "
        "định số 1740/QĐ-TTg ngày 27/12/2023 phê duyệt Quy hoạch tỉnh Ninh Bình; Quyết định số 326/QĐ-TTg "
        "ngày 28/3/2024 phê duyệt Quy hoạch tỉnh Lào Cai;\n"
    )
    assert _rel(text) == [("1740/QĐ-TTg", "based_on"), ("326/QĐ-TTg", "based_on")]


def test_a_legal_basis_item_heading_is_nearer_than_a_list_heading_above_it():
    text = (
        "i) Kết quả của việc thực hiện thủ tục hành chính:\nVăn bản chấp thuận.\n\n"
        "k) Yêu cầu, điều kiện thực hiện thủ tục hành chính\n\nKhông quy định.\n\n"
        "l) Căn cứ pháp lý của thủ tục hành chính\n\nNghị định số 118/2025/NĐ-CP ngày 9 tháng 6 năm 2025 của "
        "Chính phủ về thực hiện thủ tục hành chính.\n"
    )
    assert _rel(text) == [("118/2025/NĐ-CP", "based_on")]


def test_papers_of_any_type_listed_under_a_plural_heading_with_their_body():
    text = (
        "Theo đề nghị của Sở Xây dựng tại Tờ trình số 501/TTr-SXD ngày 3/11/2025; Các Văn bản thẩm định "
        "của Sở Tư pháp: Số 311/BC-STP ngày 2/10/2025, số 1902/STP-VB ngày 20/10/2025 và ý kiến của các sở."
    )
    got = [(m.key, m.issuer) for m in extract(text) if m.key]
    assert got == [
        ("501/TTr-SXD", "Sở Xây dựng"),
        ("311/BC-STP", "Sở Tư pháp"),
        ("1902/STP-VB", "Sở Tư pháp"),
    ]


def test_a_strategy_a_numbered_resolution_approves_is_words_of_its_title():
    text = (
        "Căn cứ Nghị quyết số 48/NQ-CP ngày 03/4/2023 của Chính phủ về việc phê duyệt Chiến lược khai thác bền "
        "vững tài nguyên biển đến năm 2030, tầm nhìn đến năm 2050;\n"
    )
    got = extract(text)
    assert [(m.key, m.relation) for m in got] == [("48/NQ-CP", "based_on")]
    assert got[0].title is not None and got[0].title.startswith("phê duyệt Chiến lược khai thác")
    # the same strategy in the text's own sentence is a reference of the text
    own = "Các sở triển khai Chiến lược khai thác bền vững tài nguyên biển đến năm 2030.\n"
    assert [m.name for m in extract(own)] == ["Chiến lược khai thác bền vững tài nguyên biển đến năm 2030"]


def test_a_decision_that_expires_wholly_from_this_ones_date_is_repealed():
    text = (
        "Điều 3. Hiệu lực thi hành\n1. Quyết định này có hiệu lực kể từ ngày 1 tháng 12 năm 2025.\n"
        "2. Quyết định số 1400/QĐ-BYT ngày 2 tháng 5 năm 2025 của Bộ Y tế hết hiệu lực toàn bộ kể từ ngày "
        "Quyết định này có hiệu lực thi hành.\n"
    )
    assert _rel(text) == [("1400/QĐ-BYT", "repeals")]


def test_procedures_amended_by_a_circular_are_what_is_amended_not_a_document_before():
    text = (
        "*Căn cứ Thông tư số 50/2025/TT-BYT ngày 1 tháng 11 năm 2025 của Bộ trưởng Bộ Y tế quy định về dược;*\n"
        "*Theo đề nghị của Cục trưởng Cục Quản lý Dược, Bộ Y tế.*\n**QUYẾT ĐỊNH:**\n"
        "**Điều 1.** Công bố kèm theo Quyết định này 12 thủ tục hành chính được sửa\nđổi, bổ sung trong lĩnh vực "
        "dược quy định tại Thông tư số\n50/2025/TT-BYT, áp dụng tại các cơ sở dược.\n"
    )
    assert _rel(text) == [("50/2025/TT-BYT", "based_on"), ("50/2025/TT-BYT", "cites")]
    # a document amended by another in its clause (after its title, or a stray semicolon): the amending one
    # is read as the clause reads it
    basis = (
        "*Căn cứ Nghị định số 70/2020/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Dược về "
        "quản lý thuốc được sửa đổi, bổ sung bởi Nghị định số 15/2025/NĐ-CP;*\n"
        "*Căn cứ Luật Dược số 105/2016/QH13; được sửa đổi, bổ sung bởi Luật số 44/2024/QH15;*\n"
    )
    assert _rel(basis) == [
        ("70/2020/NĐ-CP", "based_on"),
        ("105/2016/QH13", "cites"),  # "Luật Dược" in the decree's title, its number settled by the text
        ("15/2025/NĐ-CP", "based_on"),
        ("105/2016/QH13", "based_on"),
        ("44/2024/QH15", "based_on"),
    ]


def test_what_a_programme_by_name_follows_names_the_decision_that_issued_it():
    text = (
        "1. Đối tượng hỗ trợ\n\nTheo điểm b khoản 1 phần II Chương trình mục tiêu quốc gia phát triển vùng "
        "đồng bào dân tộc thiểu số giai đoạn 2021 - 2030 ban hành kèm theo Quyết định số 920/QĐ-TTg.\n"
    )
    assert _rel(text) == [("920/QĐ-TTg", "cites")]


def test_a_chapter_heading_of_the_text_amends_the_resolution_it_names():
    text = (
        "**Chương I**\n\n**SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY ĐỊNH KÈM THEO NGHỊ QUYẾT SỐ 11/2022/NQ-HĐND NGÀY "
        "14 THÁNG 7 NĂM 2022 CỦA HỘI ĐỒNG NHÂN DÂN TỈNH THỪA THIÊN HUẾ**\n\n**Điều 1.** Sửa đổi khoản 2 Điều 3.\n"
    )
    assert _rel(text, own="35/2025/NQ-HĐND") == [("11/2022/NQ-HĐND", "amends")]


def test_a_code_glued_to_the_next_word_by_a_lost_space_ends_before_it():
    text = "Căn cứ Quyết định số 36/2025/QĐ-TTgcủa Thủ tướng Chính phủ sửa đổi Quyết định số 12/QĐ-UBNDngày 3/3/2025."
    got = [(m.key, m.issuer) for m in extract(text) if m.key]
    assert got == [("36/2025/QĐ-TTg", "Thủ tướng Chính phủ"), ("12/QĐ-UBND", None)]


def test_the_date_a_document_was_issued_on_after_its_year():
    got = extract("Xem chi tiết tại Hướng dẫn 40-HD/BTGDVTW năm 2025 ban hành ngày 21/11/2025.")
    assert [(m.key, str(m.date)) for m in got] == [("40-HD/BTGDVTW", "2025-11-21")]


def test_a_colon_at_a_lines_end_closes_the_title_before_it():
    text = (
        "Trả lời công văn số 20600/HAN-QLDN5 ngày 3/10/2025 của Thuế thành phố Hà Nội về quản lý thuế, Cục Thuế "
        "có ý kiến như sau:\nCăn cứ Điều 365 Bộ luật Tố tụng hình sự số 101/2015/QH13 ngày 27/11/2015 quy định "
        "về giải thích bản án;\n"
    )
    assert ("101/2015/QH13", "based_on") in _rel(text)


def test_a_legal_basis_column_of_a_table_reaches_every_row():
    text = (
        "|\n**Tên thủ tục hành chính**\n|\n**Thời hạn giải quyết**\n|\n**Cơ sở pháp lý**\n|\n**Ghi chú**\n|\n|\n"
        "**I**\n|\n**Thủ tục cấp tỉnh**\n|\n|\n1\n|\nCấp giấy phép hoạt động\n|\n10 ngày\n|\n"
        "- Luật Dược số 105/2016/QH13 ngày 6 tháng 4 năm 2016.\n- Nghị định số 54/2017/NĐ-CP của Chính phủ.\n|\n"
        "Không\n|\n"
    )
    assert _rel(text) == [("105/2016/QH13", "based_on"), ("54/2017/NĐ-CP", "based_on")]


def test_so_with_its_tone_lost_still_introduces_the_number():
    # old PDF text: "sô" for "số"
    ms = extract("Thực hiện chế độ theo quyết định sô 61/2006/QĐ-TTg ngày 3 tháng 4 năm 2006.")
    assert [m.key for m in ms] == ["61/2006/QĐ-TTg"]


def test_a_new_dash_item_after_a_closed_quotation_is_not_governed_by_the_quotation():
    text = (
        'Nội dung như sau:\n*"Điều 12. Hồ sơ miễn giảm*\n*Thực hiện theo quy định của pháp luật về quản lý thuế ”*\n'
        "- Tại khoản 2 Điều 9 Nghị định số 45/2014/NĐ-CP ngày 15/5/2014 của Chính phủ quy định về thu tiền sử "
        "dụng đất.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [("45/2014/NĐ-CP", "cites")]


def test_a_type_word_after_a_count_in_words_is_several_documents_not_the_last_one():
    text = (
        "Chính phủ ban hành Nghị định số 21/2024/NĐ-CP, Nghị định số 22/2024/NĐ-CP và Nghị định số "
        "23/2024/NĐ-CP. Ba Nghị định nêu trên có hiệu lực từ tháng sau."
    )
    assert [m.key for m in extract(text)] == ["21/2024/NĐ-CP", "22/2024/NĐ-CP", "23/2024/NĐ-CP"]


def test_a_dash_item_wrapped_over_lines_is_still_a_new_item():
    text = (
        'Nội dung như sau:\n*"Điều 12. Hồ sơ miễn giảm*\n*Thực hiện theo quy định của pháp luật về đất đai. ”*\n'
        "- Tại khoản 2 Điều 11, khoản 5 Điều\n12 Nghị định số 45/2014/NĐ-CP ngày 15/5/2014 của Chính phủ về thu "
        "tiền sử dụng đất.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [("45/2014/NĐ-CP", "cites")]


def test_a_part_that_opens_with_its_own_section_keeps_its_relations_and_names_itself():
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Ủy ban nhân dân tỉnh:\n\n"
        "- Triển khai thực hiện theo Quyết định số 33/2015/QĐ-TTg ngày 10/8/2015 của Thủ tướng Chính phủ.\n\n"
        "- Các sở báo cáo kết quả thực hiện Quyết định này trước ngày 30 hằng tháng.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [("33/2015/QĐ-TTg", "implements")]


def test_a_legislatures_term_is_no_party_term():
    text = "Theo Điều 5 Pháp lệnh số 03/2019/UBTVQH14 ngày 2/5/2019 của Ủy ban Thường vụ Quốc hội khóa XIV về phí."
    assert [m.term for m in extract(text)] == [None]


def test_a_law_named_with_its_body_then_amended_by_a_numbered_resolution_is_the_basis():
    text = (
        "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
        "*Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân đã được sửa đổi, bổ sung một số "
        "điều tại Nghị quyết số 98/2023/QH15 ngày 24 tháng 6 năm 2023 của Quốc hội;*\n"
    )
    rel = {m.key: m.relation for m in extract(text) if m.key}
    assert rel == {"72/2025/QH15": "based_on", "98/2023/QH15": "based_on"}
