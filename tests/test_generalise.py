"""Forms seen in documents of other issuers than the development set: each rule stated on a sentence of
our own wording, with the relation, issuer or key it must give."""

from __future__ import annotations

import datetime as dt

import pytest

from refgraph.builder import build
from refgraph.extract import extract
from refgraph.queries import Graph


def _by_key(text: str) -> list[tuple[str | None, str, str | None]]:
    return [(m.key, m.relation, m.issuer) for m in extract(text)]


def test_heading_ending_the_listed_documents_from_this_one_repeals_each_item():
    text = (
        "Điều 4. Những Quyết định dưới đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực:\n"
        "a) Quyết định số 31/2017/QĐ-UBND ngày 4/5/2017 về giá đất;\n"
        "b) Quyết định số 08/2019/QĐ-UBND ngày 9/1/2019 về phí.\n"
    )
    assert [r for _, r, _ in _by_key(text)] == ["repeals", "repeals"]


def test_expiry_reported_of_another_document_stays_cites():
    text = "Thông tư mới của Bộ sẽ làm Thông tư số 11/2014/TT-BTC hết hiệu lực trong năm tới."
    assert all(r != "repeals" for _, r, _ in _by_key(text))


def test_document_located_inside_a_replaced_documents_title_is_only_cited():
    text = (
        "Quyết định này thay thế Quyết định số 17/2016/QĐ-UBND ngày 2/4/2016 ban hành Quy chế thi đua; "
        "Quyết định số 40/2020/QĐ-UBND ngày 6/7/2020 về sửa đổi, bổ sung Quy chế ban hành kèm theo "
        "Quyết định số 17/2016/QĐ-UBND."
    )
    got = _by_key(text)
    assert [r for _, r, _ in got] == ["replaces", "replaces", "cites"]


def test_standard_issued_under_a_circular_is_cited_not_implemented():
    text = "Các quy chuẩn áp dụng là quy chuẩn ban hành theo Thông tư số 19/2021/TT-BXD của Bộ Xây dựng."
    assert _by_key(text)[0][1] == "cites"


def test_as_provided_in_reads_like_according_to():
    text = "Chế độ báo cáo thực hiện như quy định tại Nghị định số 77/2018/NĐ-CP."
    assert _by_key(text)[0][1] == "implements"


def test_preamble_quoted_from_another_text_in_a_note_is_cited():
    text = (
        "[3] Thông tư số 21/2019/TT-BTC có căn cứ ban hành như sau:\n"
        "“Căn cứ Luật Kế toán số 88/2015/QH13 ngày 20 tháng 11 năm 2015;\n"
        "Căn cứ Nghị định số 87/2017/NĐ-CP ngày 26 tháng 7 năm 2017 của Chính phủ;”\n"
    )
    assert [r for _, r, _ in _by_key(text)] == ["cites", "cites", "cites"]


def test_own_preamble_outside_quotes_is_still_based_on():
    text = "Căn cứ Luật Kế toán số 88/2015/QH13 ngày 20 tháng 11 năm 2015;\n"
    assert _by_key(text)[0][1] == "based_on"


NEWS = (
    "Sáng nay, tỉnh công bố kế hoạch chuyển đổi số. Kế hoạch bám sát và triển khai Chỉ thị số "
    "05-CT/TW của Bộ Chính trị, thực hiện Quyết định số 749/QĐ-TTg của Thủ tướng Chính phủ.\n"
) + "Các sở, ngành đã có nhiều hoạt động hưởng ứng trong tháng qua. " * 30


def test_news_page_reports_acts_of_other_documents():
    assert {m.relation for m in extract(NEWS, reported=True)} == {"cites"}
    # read as a document of its own, the same words would be its acts
    assert "implements" in {m.relation for m in extract(NEWS)}


def test_page_with_own_preamble_is_a_document_whose_header_was_missed():
    text = NEWS + "\nCăn cứ Nghị định số 15/2020/NĐ-CP ngày 3/2/2020 của Chính phủ;\n"
    assert extract(text, reported=True)[-1].relation == "based_on"


def test_short_snippet_without_header_keeps_its_relations():
    text = "Thực hiện Chỉ thị số 15/CT-TTg ngày 17/6/2014 của Thủ tướng Chính phủ.\n"
    assert extract(text, reported=True)[0].relation == "implements"


def test_extract_files_treats_a_headerless_news_page_as_reported(tmp_path):
    from refgraph.builder import extract_files

    page = tmp_path / "tin-tuc.txt"
    page.write_text("# Tỉnh triển khai chuyển đổi số\n\n" + NEWS, encoding="utf-8")
    rows = extract_files([page]).rows
    assert rows and {r["relation"] for r in rows} == {"cites"}


def test_headerless_text_under_a_genre_heading_in_capitals_speaks_for_itself():
    text = "ĐỀ CƯƠNG: Tuyên truyền về an toàn giao thông\n\n" + NEWS
    assert "implements" in {m.relation for m in extract(text, reported=True)}


def test_ministry_name_with_a_comma_is_kept_whole():
    text = "Thực hiện Thông tư số 08/2022/TT-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch về quản lý di tích."
    (m,) = extract(text)
    assert m.issuer == "Bộ Văn hóa, Thể thao và Du lịch"
    assert m.title == "quản lý di tích"


def test_ministry_name_with_a_comma_is_kept_whole_after_a_post():
    # the post ("Bộ trưởng") before the ministry's name does not hide the known name with a comma
    text = (
        "Triển khai Quyết định số 1200/QĐ-BVHTTDL ngày 02/4/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"
        " ban hành Kế hoạch số hóa di sản."
    )
    (m,) = extract(text)
    assert m.issuer == "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"


def test_old_tone_mark_placement_is_respelt_for_mentions_and_documents(tmp_path):
    text = "Theo Quyết định số 210/QĐ-UBND ngày 4/3/2024 của Uỷ ban nhân dân tỉnh Nam Định.\n"
    (m,) = extract(text)
    # one body, one name: a mention's issuer is respelt as its document's is (its text stays as written)
    assert m.issuer == "Ủy ban nhân dân tỉnh Nam Định"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    build([tmp_path / "a.md"], db=tmp_path / "g.db", catalogs=[], jobs=1)
    with Graph(tmp_path / "g.db") as g:
        # the node's one spelling (one list by issuer whatever the texts wrote)
        assert g.show("210/QĐ-UBND")["document"]["issuer"] == "Ủy ban nhân dân tỉnh Nam Định"


def test_one_body_after_a_list_of_two_citations_issues_both():
    got = _by_key(
        "Quán triệt Chỉ thị số 21-CT/TW và Quy định số 105-QĐ/TW của Bộ Chính trị về công tác cán bộ."
    )
    assert [i for _, _, i in got] == ["Bộ Chính trị", "Bộ Chính trị"]


def test_body_after_a_list_is_not_shared_across_issuer_codes():
    got = _by_key(
        "Thực hiện Nghị quyết số 18-NQ/TW và Nghị định số 33/2021/NĐ-CP của Chính phủ về tinh giản."
    )
    assert [i for _, _, i in got] == [None, "Chính phủ"]


def test_date_with_a_slip_for_thang_keeps_its_issuer():
    (m,) = extract("Căn cứ Nghị định số 45/2019/NĐ-CP ngày 14 năm 5 năm 2019 của Chính phủ về du lịch;")
    assert (m.date.isoformat(), m.issuer) == ("2019-05-14", "Chính phủ")


def test_year_after_a_day_is_not_read_as_a_month():
    (m,) = extract("Căn cứ Nghị định số 45/2019/NĐ-CP ngày 14 năm 2019 của Chính phủ về du lịch;")
    assert m.date is None or m.date.month != 20


def test_body_named_after_the_year_without_cua():
    (m,) = extract("Triển khai Kế hoạch 47/KH-UBND năm 2025 UBND tỉnh Cà Mau về cải cách hành chính.")
    assert m.issuer == "UBND tỉnh Cà Mau"


def test_subject_of_the_next_clause_after_a_year_and_comma_is_not_the_issuer():
    (m,) = extract("Theo Kế hoạch 15/KH-UBND năm 2024, Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì.")
    assert m.issuer is None


def test_issuer_stops_before_the_title_verb():
    (m,) = extract(
        "Thực hiện Quyết định số 31/QĐ-UBND ngày 3/3/2024 của Ủy ban nhân dân tỉnh Hà Nam ban hành quy chế."
    )
    assert m.issuer == "Ủy ban nhân dân tỉnh Hà Nam"


def test_letter_spaced_header_line_is_rejoined_against_known_names():
    from refgraph.identity.lines import despace

    assert despace("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH") == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    )


def test_letter_spaced_header_gives_the_full_issuer():
    from refgraph.identity import identify

    text = (
        "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 77/QĐ-UBND\nThành phố Hồ Chí Minh, ngày 2 tháng 3 năm 2025\n\n"
        "QUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n"
    )
    assert identify(text).issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"


def test_code_with_a_four_digit_unit_is_kept_whole():
    (m,) = extract("Thực hiện Kế hoạch số 118/KH-BCĐQG1237 ngày 3/4/2025 về quy tập hài cốt.")
    assert m.key == "118/KH-BCĐQG1237"


def test_body_named_by_its_subject_keeps_the_commas_of_the_subject():
    from refgraph.identity.organs import split_organs

    (o,) = split_organs("BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ")
    assert o.name == "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập hài cốt liệt sĩ"
    # a known body after the subject is a second body, not more of the subject
    names = [o.name for o in split_organs("BAN CHỈ ĐẠO VỀ PHÒNG, CHỐNG MA TÚY, BỘ QUỐC PHÒNG")]
    assert names == ["Ban Chỉ đạo về phòng, chống ma túy", "Bộ Quốc phòng"]


def _identity(text: str):
    from refgraph.identity import identify

    return identify(text)


LAW_BODY = (
    "LUẬT\nPHÒNG, CHỐNG THIÊN TAI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    "Quốc hội ban hành Luật Phòng, chống thiên tai.\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về thiên tai.\n"
    "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 5 thông qua "
    "ngày 12 tháng 6 năm 2023.\n"
)


def test_law_without_an_issuer_cell_is_issued_by_the_national_assembly():
    ident = _identity(LAW_BODY + "QUỐC HỘICHỦ TỊCH\nVương Đình Huệ\n")
    assert ident.issuer == "Quốc hội"
    ident = _identity("Luật số: 21/2023/QH15\n" + LAW_BODY + "CHỦ TỊCH QUỐC HỘI\nVương Đình Huệ\n")
    assert (ident.key, ident.issuer) == ("21/2023/QH15", "Quốc hội")


def test_number_block_printed_after_the_last_article_is_read():
    text = (
        "NGHỊ ĐỊNH\nQuy định chi tiết về quản lý cảng cá\n\nCăn cứ Luật Thủy sản ngày 21 tháng 11 năm 2017;\n"
        "Chính phủ ban hành Nghị định.\nĐiều 1. Phạm vi\nNghị định này quy định chi tiết.\n"
        "Điều 2. Hiệu lực\nNghị định này có hiệu lực từ ngày ký.\n"
        "Số: 37/2024/NĐ-CP\nHà Nội, ngày 4 tháng 4 năm 2024\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nPhạm Minh Chính\n"
    )
    ident = _identity(text)
    assert (ident.key, ident.date.isoformat(), ident.issuer) == ("37/2024/NĐ-CP", "2024-04-04", "Chính phủ")


def test_space_in_place_of_the_dash_between_type_and_issuer_codes():
    (m,) = extract("Theo Quyết định 1460/QĐ TTg ngày 5/10/2023 về đề án.")
    assert m.key == "1460/QĐ-TTg"


def test_assembly_term_after_a_space_joins_its_code():
    (m,) = extract("Căn cứ Nghị quyết số 1211/2016/UBTVQH 13 về tiêu chuẩn đơn vị hành chính;")
    assert m.key == "1211/2016/UBTVQH13"


def test_year_slot_missing_a_digit_gives_no_key_rather_than_a_wrong_one():
    (m,) = extract("Thực hiện Quyết định số 35/202 /QĐ-UBND của UBND tỉnh.")
    assert m.key is None and "damaged_year" in m.flags


def test_ampersand_unit_codes_are_kept():
    got = _by_key("Thực hiện Kế hoạch số 88/KH-BCA-BNN&MT và Công văn số 4410/SXD-QLN& TTBĐS.")
    assert [k for k, _, _ in got] == ["88/KH-BCA-BNN&MT", "4410/SXD-QLN&TTBĐS"]


def test_law_named_in_the_title_of_an_amending_law_is_not_that_law():
    got = extract(
        "Căn cứ Luật số 43/2019/QH14 sửa đổi, bổ sung một số điều của Luật Giáo dục ngày 14 tháng 6 năm 2019;"
    )
    # the law the title names is not given the amending law's number: it stays words of that title
    assert [(m.key, m.title) for m in got] == [
        ("43/2019/QH14", "sửa đổi, bổ sung một số điều của Luật Giáo dục ngày 14 tháng 6 năm 2019")
    ]


def test_law_by_name_and_year_still_resolves_to_the_one_numbered_law_of_that_year():
    got = extract("Căn cứ Luật số 43/2019/QH14 ngày 14 tháng 6 năm 2019;\nCăn cứ Luật Giáo dục năm 2019;")
    assert [m.key for m in got] == ["43/2019/QH14", "43/2019/QH14"]


def test_programme_name_stops_before_a_purpose_clause():
    (m,) = extract("Thực hiện Chương trình chuyển đổi số quốc gia, đáp ứng yêu cầu phát triển của tỉnh.")
    assert m.name == "Chương trình chuyển đổi số quốc gia"


def test_act_reported_as_already_done_by_others_is_cited():
    text = (
        "Thời gian qua, các sở, ngành đã tổ chức thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương."
    )
    assert _by_key(text)[0][1] == "cites"
    text = "Tiếp tục thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương."
    assert _by_key(text)[0][1] == "implements"


def test_carrying_out_duties_a_decree_provides_implements_it():
    text = "Các sở thực hiện nhiệm vụ được quy định tại Điều 12 Nghị định số 45/2021/NĐ-CP của Chính phủ."
    assert _by_key(text)[0][1] == "implements"
    # a form located in a decree is only cited
    text = "Các sở lập báo cáo theo Mẫu số 02 ban hành kèm theo Nghị định số 45/2021/NĐ-CP của Chính phủ."
    assert _by_key(text)[0][1] == "cites"


def test_code_without_number_header_or_signature_is_still_the_assemblys():
    text = (
        "BỘ LUẬT\nHÀNG HẢI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
        "Quốc hội ban hành Bộ luật Hàng hải.\nĐiều 1. Phạm vi điều chỉnh\nBộ luật này quy định về hàng hải.\n"
    )
    ident = _identity(text)
    assert (ident.doc_type, ident.issuer) == ("Bộ luật", "Quốc hội")


def test_number_in_brackets_takes_the_body_named_with_its_type_before():
    text = "Theo Báo cáo của Ban Tuyên giáo Trung ương về công tác năm 2024 (Báo cáo số 31-BC/BTGTW), tình hình tốt."
    assert _by_key(text)[0][2] == "Ban Tuyên giáo Trung ương"
    # another type before the bracket names another document
    text = "Theo Tờ trình của Sở Y tế về nhân lực (Báo cáo số 12/BC-SYT), tình hình tốt."
    assert _by_key(text)[0][2] is None


def test_expiry_stated_after_the_citations_from_this_documents_date_repeals_them():
    text = (
        "Quyết định số 27/2019/QĐ-UBND ngày 4/9/2019 và Quyết định số 05/2022/QĐ-UBND hết hiệu lực "
        "kể từ ngày Quyết định này có hiệu lực thi hành."
    )
    assert [r for _, r, _ in _by_key(text)] == ["repeals", "repeals"]
    # an expiry told as a past fact is not this document's act
    assert _by_key("Quyết định số 27/2019/QĐ-UBND đã hết hiệu lực từ năm 2023.")[0][1] == "cites"


@pytest.mark.parametrize(
    "heading",
    [
        "3. Bãi bỏ các Thông tư\nsau:",
        "2. Các Thông tư sau đây hết\nhiệu lực kể từ ngày Thông tư này có hiệu lực thi hành:",
    ],
)
def test_a_list_heading_wrapped_over_lines_governs_every_item(heading):
    from refgraph.extract import extract

    text = (
        heading + "\n\na) Thông tư số\n41/2015/TT-BCT ngày 9 tháng 12 năm 2015 của Bộ trưởng Bộ Công Thương "
        "quy định giá bán buôn điện;\n\nb) Thông tư số 13/2020/TT-BCT ngày 1/6/2020 của Bộ Công Thương.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [
        ("41/2015/TT-BCT", "repeals"),
        ("13/2020/TT-BCT", "repeals"),
    ]


def test_a_list_heading_names_the_body_of_each_item_of_its_type():
    # "các Luật của Quốc hội: …" opens the list; each law in it is the Assembly's, up to the paragraph's end
    text = (
        "Căn cứ các Luật của Quốc hội nước Cộng hòa xã hội\nchủ nghĩa Việt Nam: Luật Thống kê số 89/2015/QH13,"
        " ngày 23/11/2015; Luật Lưu trữ số 33/2024/QH15, ngày 21/6/2024;\n\n"
        "Căn cứ Luật Dữ liệu số 60/2024/QH15;\n\n"
        "Căn cứ các Nghị định của Chính phủ: Nghị định số 88/2024/NĐ-CP về bồi thường; Thông tư số"
        " 05/2024/TT-BTC về phí;\n"
    )
    got = {m.key: m.issuer for m in extract(text)}
    assert got["89/2015/QH13"] == got["33/2024/QH15"] == "Quốc hội"
    assert got["60/2024/QH15"] is None  # another paragraph
    assert got["88/2024/NĐ-CP"] == "Chính phủ"
    assert got["05/2024/TT-BTC"] is None  # not of the heading's type


def test_a_body_named_by_its_topic_ends_before_a_second_ve():
    # "Ban Chỉ đạo … về <topic>" keeps its "về"; the next "về" opens the cited document's title
    text = (
        "Thực hiện Kế hoạch số 03-KH/BCĐTW ngày 10/7/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học,"
        " công nghệ, đổi mới sáng tạo và chuyển đổi số về dữ liệu dùng chung của các cơ quan Đảng;\n"
    )
    (m,) = extract(text)
    assert (
        m.issuer
        == "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
    )
    assert m.title == "dữ liệu dùng chung của các cơ quan Đảng"


def test_the_texts_own_listings_are_not_cited_documents():
    # a decision that publishes a list of procedures, and its annex headed by that list: both its own
    text = (
        "**QUYẾT ĐỊNH**\nVỀ VIỆC CÔNG BỐ DANH\nMỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC XÂY DỰNG\n\n"
        "Căn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ.\n\n"
        "**PHỤ LỤC II**\nDANH MỤC THỦ TỤC\nHÀNH CHÍNH BỊ BÃI BỎ LĨNH VỰC XÂY DỰNG\n\n"
        "Hàng hóa theo Danh mục hàng hóa xuất khẩu, nhập khẩu Việt Nam ban hành kèm theo Thông tư số 31/2022/TT-BTC.\n"
    )
    got = [(m.key, m.text.split()[0]) for m in extract(text)]
    assert got == [("01/2018/TT-VPCP", "Thông"), (None, "Danh"), ("31/2022/TT-BTC", "Thông")]


def test_a_joint_circular_calls_itself_this_circular():
    text = (
        "THÔNG TƯ LIÊN TỊCH\n\nCăn cứ Nghị định số 60/2003/NĐ-CP ngày 06/6/2003 của Chính phủ.\n\n"
        "Chế độ thực hiện theo Thông tư số 07/2005/TT-BTC ngày 01/02/2005 của Bộ Tài chính.\n\n"
        "1. Dự toán phải chi tiết theo nội dung chi nêu tại mục II Thông tư này.\n"
    )
    assert [m.key for m in extract(text)] == ["60/2003/NĐ-CP", "07/2005/TT-BTC"]


def test_a_list_heading_without_a_colon_names_the_body_of_its_numbers():
    text = (
        "thực hiện các Quyết định của Thủ tướng Chính phủ số 17/2009/QĐ-TTg ngày 02/3/2009, số 33/2012/QĐ-TTg"
        " ngày 01/8/2012 và số 48/2013/QĐ-TTg ngày 05/9/2013.\n"
    )
    assert {m.issuer for m in extract(text)} == {"Thủ tướng Chính phủ"}


def test_and_before_a_provision_ends_the_body_name():
    text = (
        "Đối tượng quy định tại Điều 2 Pháp lệnh số 26/2005/PL-UBTVQH11 ngày 29/6/2005 của Ủy ban thường vụ"
        " Quốc hội và Điều 1 Pháp lệnh số 35/2007/PL-UBTVQH11.\n"
    )
    assert extract(text)[0].issuer == "Ủy ban thường vụ Quốc hội"


def test_an_assembly_committee_named_with_a_comma_is_kept_whole():
    text = "Theo Báo cáo thẩm tra số 19/BC-UBQPANĐN15 ngày 03/6/2025 của Ủy ban Quốc phòng, An ninh và Đối ngoại.\n"
    assert extract(text)[0].issuer == "Ủy ban Quốc phòng, An ninh và Đối ngoại"


def test_an_issuer_keeps_the_dashes_the_text_writes():
    text = (
        "Căn cứ Thông tư liên tịch số 17/2006/TTLT-BLĐTBXH-BTC-BYT ngày 21/11/2006 của Bộ Lao động –\n"
        "Thương binh và Xã hội – Bộ Tài chính – Bộ Y tế hướng dẫn chế độ.\n"
        "Theo Quyết định số 09/2007/QĐ-BLĐTBXH của Bộ trưởng Bộ Lao động - Thương binh và Xã hội.\n"
    )
    a, b = extract(text)
    assert a.issuer == "Bộ Lao động – Thương binh và Xã hội – Bộ Tài chính – Bộ Y tế"
    assert b.issuer == "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"


def test_a_body_named_before_a_list_is_the_body_of_each_item_with_its_code():
    text = (
        "Xét đề nghị của Chính phủ tại Tờ trình số 201/TTr-CP và Đề án số 202/ĐA-CP ngày 09 tháng 5 năm 2025,"
        " Báo cáo số 14/BC-UBKTTC15 ngày 03 tháng 6 năm 2025 của Ủy ban Kinh tế và Tài chính.\n"
    )
    got = {m.key: m.issuer for m in extract(text)}
    assert got["201/TTr-CP"] == got["202/ĐA-CP"] == "Chính phủ"
    assert got["14/BC-UBKTTC15"] == "Ủy ban Kinh tế và Tài chính"


def test_a_model_decision_in_an_annex_speaks_of_itself():
    # a circular whose annex holds a model decision: "thi hành Quyết định này" there is the model itself
    circular = "THÔNG TƯ\n\nHướng dẫn chế độ trợ cấp.\n\n" + "Điều khoản hướng dẫn chi tiết.\n" * 160
    text = circular + (
        "Mẫu số 9\n\nQUYẾT ĐỊNH\nVề việc trợ cấp một lần\n\nCăn cứ Quyết định số 40/2011/QĐ-TTg ngày 27/7/2011"
        " của Thủ tướng Chính phủ;\n\nĐiều 1. Trợ cấp một lần cho ông (bà) có tên trong danh sách.\n"
        "Điều 2. Giám đốc Sở và các ông (bà) có tên trong danh sách chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert [m.key for m in extract(text)] == ["40/2011/QĐ-TTg"]


def test_every_known_body_of_a_joint_issue_is_named():
    text = (
        "Căn cứ Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV-BTC ngày 16/4/2012 của Bộ trưởng Bộ Lao động -"
        " Thương binh và Xã hội, Bộ trưởng Bộ Nội vụ, Bộ trưởng Bộ Tài chính hướng dẫn chế độ trợ cấp;\n"
        "Căn cứ Thông tư liên tịch số 12/2011/TTLT-BTC-BYT của Bộ Tài chính và Bộ Y tế về chi khám sức khỏe;\n"
        "Thực hiện Kết luận số 20-KL/TW của Bộ Chính trị, Ban Bí thư, Ban Chỉ đạo tổng kết yêu cầu các cấp ủy.\n"
    )
    a, b, c = extract(text)
    assert a.issuer == (
        "Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng Bộ Nội vụ, Bộ trưởng Bộ Tài chính"
    )
    assert b.issuer == "Bộ Tài chính và Bộ Y tế"
    assert c.issuer == "Bộ Chính trị, Ban Bí thư"  # a body named by its subject is no joint issuer


def test_this_decree_inside_a_quotation_is_the_quoted_texts_own_words():
    text = (
        "Căn cứ khoản 2 Điều 1 Nghị định số 132/2020/NĐ-CP ngày 05/11/2020 của Chính phủ, quy định:\n\n"
        "“2. Các giao dịch thuộc phạm vi điều chỉnh của Nghị định này là các giao dịch mua, bán hàng hóa.”\n"
    )
    assert [m.key for m in extract(text)] == ["132/2020/NĐ-CP"]


def test_a_preamble_line_that_lost_its_semicolon_still_ends_the_body():
    text = (
        "Căn cứ Thông tư số 76/2014/TT-BTC ngày 16/6/2014 của Bộ Tài chính Xét đề nghị của Sở Tài chính tỉnh Kon Tum"
        " tại Tờ trình số 318/TTr-STC ngày 02/3/2016,\n"
    )
    a, b = extract(text)
    assert (a.issuer, a.relation) == ("Bộ Tài chính", "based_on")
    assert (b.issuer, b.relation) == ("Sở Tài chính tỉnh Kon Tum", "cites")


def test_signed_and_issued_as_a_decision_provides_implements_it():
    text = "Văn bản đi được ký ban hành theo quy định tại Điều 4 Quyết định số 28/2018/QĐ-TTg.\n"
    assert extract(text)[0].relation == "implements"


def test_a_citation_nested_past_a_document_named_without_a_number():
    # 57-NQ/TW sits in 03/NQ-CP's title, behind the programme 03/NQ-CP issues (named without a number)
    text = (
        "Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động thực"
        " hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n"
    )
    got = {m.key: (m.relation, m.subject) for m in extract(text) if m.key}
    assert got["03/NQ-CP"] == ("implements", None)
    assert got["57-NQ/TW"] == ("cites", "03/NQ-CP")


def test_giving_concrete_form_to_tasks_set_out_in_a_resolution_only_cites_it():
    # "cụ thể hóa" is not among the phrases of carrying a document out; "triển khai thực hiện" is
    text = "- Cụ thể hóa các mục tiêu nêu tại Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
    assert extract(text)[0].relation == "cites"
    text = "- Cụ thể hóa và triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
    assert extract(text)[0].relation == "implements"


def test_according_to_the_provisions_in_articles_of_a_decree_implements_it():
    text = "Yêu cầu tạo lập hồ sơ điện tử thực hiện theo các quy định tại Điều 28, 29 Nghị định số 30/2020/NĐ-CP.\n"
    assert extract(text)[0].relation == "implements"
    # a thing the document merely locates stays cited
    text = "Mẫu đơn thực hiện theo mẫu quy định tại Phụ lục kèm theo Thông tư số 05/2018/TT-BCT.\n"
    assert extract(text)[0].relation == "cites"


def test_a_second_provision_in_an_outer_title_is_nested_too():
    text = (
        "Căn cứ Quyết định số 65/2012/QĐ-TTg ngày 10/5/2012 của Thủ tướng Chính phủ về việc sửa đổi"
        " Điều 2 của Quyết định số 41/2004/QĐ-TTg ngày 12/3/2004 và Điều 5, Quyết định số 09/2008/QĐ-TTg"
        " ngày 20/1/2008 về chế độ đối với cán bộ xã.\n"
    )
    got = {m.key: (m.relation, m.subject) for m in extract(text)}
    assert got["65/2012/QĐ-TTg"] == ("based_on", None)
    assert got["41/2004/QĐ-TTg"] == got["09/2008/QĐ-TTg"] == ("cites", "65/2012/QĐ-TTg")


def test_a_clause_that_opens_with_a_date_dates_what_its_body_issued():
    text = (
        "Sau khi tổng kết việc thực hiện mô hình mới ở ba tỉnh, ngày 04/9/2019 Bộ Lao động - Thương binh và"
        " Xã hội đã có Công văn số 2771/LĐTBXH-BTXH gửi các sở để mở rộng mô hình.\n"
    )
    (m,) = extract(text)
    assert (m.date, m.issuer) == (dt.date(2019, 9, 4), "Bộ Lao động - Thương binh và Xã hội")
    # the body's own past act of issuing it is what the sentence says; "thực hiện" governs the pilot
    assert m.relation == "cites"


def test_heading_ending_listed_documents_with_thi_hanh_repeals_each_item():
    text = (
        "3. Những Quyết định dưới đây hết hiệu lực thi hành kể từ ngày Quyết định này có hiệu lực:\n\n"
        "a) Quyết định số 17/2018/QĐ-UBND ngày 4/4/2018 về định mức;\n\nb) Quyết định số 06/2020/QĐ-UBND về phí.\n"
    )
    assert [r for _, r, _ in _by_key(text)] == ["repeals", "repeals"]
