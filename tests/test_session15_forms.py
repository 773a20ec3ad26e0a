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
