"""Forms a further blind set of real pages showed (issue 12). Every sentence is our own wording of a form
seen in real text."""

from __future__ import annotations

from refgraph import extract


def _by_key(text: str) -> dict:
    out: dict = {}
    for m in extract(text):
        if m.key:
            out.setdefault(m.key, m)  # the first mention of each key
    return out


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
    assert found["20/2025/QĐ-TTg"].relation != "repeals"
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
    assert "Uỷ ban" in m.text or "Uỷ ban" in text  # the text itself is left as written
