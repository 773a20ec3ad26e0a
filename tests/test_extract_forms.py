"""Table-driven: each form a citation takes in real documents, and what must come out of it."""

from __future__ import annotations

import datetime as dt

import pytest

from refgraph import extract

D = dt.date

# (text, [(key, {field: expected, ...}), ...]) — every mention in the text, in order
CASES = [
    (
        "Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về bảo vệ nền tảng.",
        [
            (
                "35-NQ/TW",
                {
                    "date": D(2018, 10, 22),
                    "issuer": "Bộ Chính trị",
                    "doc_type": "Nghị quyết",
                    "type_code": "NQ",
                    "issuer_code": "TW",
                    "family": "party",
                    "relation": "implements",
                    "title": "bảo vệ nền tảng",
                },
            )
        ],
    ),
    (
        "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15/7/2013 của Chính phủ;",
        [
            (
                "72/2013/NĐ-CP",
                {
                    "year": 2013,
                    "date": D(2013, 7, 15),
                    "issuer": "Chính phủ",
                    "relation": "based_on",
                    "type_code": "NĐ",
                    "issuer_code": "CP",
                    "family": "state",
                },
            )
        ],
    ),
    (
        "theo Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ",
        [("15/CT-TTg", {"issuer_code": "TTg", "year": None})],
    ),
    ("Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014", [("07/CT-BCA-V28", {"issuer_code": "BCA-V28"})]),
    (
        "Luật An ninh mạng số 24/2018/QH14 được thông qua",
        [("24/2018/QH14", {"doc_type": "Luật", "type_code": None, "issuer_code": "QH14", "year": 2018})],
    ),
    (
        "Thông tư liên tịch số 01/2015/TTLT-BCA-BQP hướng dẫn",
        [("01/2015/TTLT-BCA-BQP", {"type_code": "TTLT"})],
    ),
    ("Quy định số 132-QĐ/TW, ngày 27/10/2023", [("132-QĐ/TW", {"doc_type": "Quy định", "type_code": "QĐ"})]),
    (
        "Quyết định số 58/QĐ-UBND ngày 26/4/2023 của Ủy ban nhân dân tỉnh",
        [("58/QĐ-UBND", {"issuer": "Ủy ban nhân dân tỉnh"})],
    ),
    # without "số"; zero padding
    ("Kết luận 1-KL/TW ngày 18/5/2021", [("01-KL/TW", {"number": "01", "date": D(2021, 5, 18)})]),
    # date forms
    ("Chỉ thị số 12-CT/TW ngày 05-01-2017", [("12-CT/TW", {"date": D(2017, 1, 5)})]),
    ("Chỉ thị số 12-CT/TW ngày 05.01.2017", [("12-CT/TW", {"date": D(2017, 1, 5)})]),
    ("Chỉ thị số 55-CT/TU ngày 20 tháng 12 năm 2023", [("55-CT/TU", {"date": D(2023, 12, 20)})]),
    (
        "Chỉ thị số 55-CT/TU, ngày 20 tháng 12 năm 2023 về an toàn giao thông",
        [("55-CT/TU", {"date": D(2023, 12, 20), "title": "an toàn giao thông"})],
    ),
    ("Nghị quyết số 12-NQ/TW về công an", [("12-NQ/TW", {"date": None})]),
    (
        "Chỉ thị số 31-CT/TW ngày 31/02/2020",
        [("31-CT/TW", {"date": None, "date_text": "31/02/2020", "flags": ("impossible_date",)})],
    ),
    # terms
    (
        "Nghị quyết số 28-NQ/TW, ngày 25/10/2014 của Ban Chấp hành Trung ương Đảng (khóa XI) về Chiến lược",
        [("28-NQ/TW", {"term": "XI", "issuer": "Ban Chấp hành Trung ương Đảng", "title": "Chiến lược"})],
    ),
    (
        "Chỉ thị số 48-CT/TW của Bộ Chính trị khóa X về phòng, chống tội phạm",
        [("48-CT/TW", {"term": "X", "issuer": "Bộ Chính trị"})],
    ),
    ("Chỉ thị số 05-CT/TW của Bộ Chính trị (khoá XII)", [("05-CT/TW", {"term": "XII"})]),
    # quoted title
    (
        "Nghị quyết số 35-NQ/TW về “Tăng cường bảo vệ nền tảng tư tưởng của Đảng”",
        [("35-NQ/TW", {"title": "Tăng cường bảo vệ nền tảng tư tưởng của Đảng"})],
    ),
    # non-standard forms: party numbers in the state pattern, stray space, other punctuation
    (
        "Nghị quyết số 28/NQ-TW ngày 25/10/2013",
        [("28-NQ/TW", {"flags": ("nonstandard_form", "state_pattern_for_party")})],
    ),
    ("Chỉ thị số 09/CT-TW ngày 01/12/2011", [("09-CT/TW", {"family": "party"})]),
    (
        "Chỉ thị số 55 -CT/TU ngày 20 tháng 12 năm 2023",
        [("55-CT/TU", {"flags": ("nonstandard_form", "stray_space")})],
    ),
    ("Nghị quyết số 28-NQ-TW", [("28-NQ/TW", {"flags": ("nonstandard_form", "party_punctuation")})]),
    ("Nghị quyết số 28/NQ/TW", [("28-NQ/TW", {"flags": ("nonstandard_form", "party_punctuation")})]),
    # a type word shared by a list
    (
        "Thực hiện Nghị quyết số 29-NQ/TW và 30-NQ/TW của Bộ Chính trị",
        [
            ("29-NQ/TW", {"relation": "implements", "doc_type": "Nghị quyết"}),
            ("30-NQ/TW", {"relation": "implements", "doc_type": "Nghị quyết", "text": "30-NQ/TW"}),
        ],
    ),
    (
        "Căn cứ các Nghị định số 15/2020/NĐ-CP, 14/2022/NĐ-CP;",
        [("15/2020/NĐ-CP", {"relation": "based_on"}), ("14/2022/NĐ-CP", {"relation": "based_on"})],
    ),
    # line breaks, page breaks, repeated spaces inside a citation
    ("Nghị\n\nquyết số 30-NQ/TW, ngày 25/7/2018", [("30-NQ/TW", {"line": 1, "date": D(2018, 7, 25)})]),
    ("Nghị định   số  15/2020/NĐ-\nCP", [("15/2020/NĐ-CP", {})]),
    # abbreviated type words before a full number code
    (
        "Căn cứ NĐ 15/2020/NĐ-CP và TT36/2017/TT-BCA;",
        [
            ("15/2020/NĐ-CP", {"doc_type": "Nghị định", "text": "NĐ 15/2020/NĐ-CP", "relation": "based_on"}),
            ("36/2017/TT-BCA", {"doc_type": "Thông tư", "text": "TT36/2017/TT-BCA", "relation": "based_on"}),
        ],
    ),
    # issuer before the number
    (
        "Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997",
        [("31-QĐ/TW", {"issuer": "Bộ Chính trị", "date": D(1997, 10, 1)})],
    ),
    # relations
    ("sửa đổi, bổ sung Nghị định số 72/2013/NĐ-CP", [("72/2013/NĐ-CP", {"relation": "amends"})]),
    ("thay thế Thông tư số 01/2021/TT-BCA", [("01/2021/TT-BCA", {"relation": "replaces"})]),
    ("bãi bỏ Quyết định số 749/QĐ-TTg", [("749/QĐ-TTg", {"relation": "repeals"})]),
    ("quy định chi tiết Luật số 24/2018/QH14", [("24/2018/QH14", {"relation": "guides"})]),
    ("Phê duyệt Đề án số 06/ĐA-UBND về chuyển đổi số", [("06/ĐA-UBND", {"relation": "approves"})]),
    # a thing issued with another document is located there, not approved by the citing one
    (
        "lập theo Mẫu số 03 ban hành kèm theo Nghị định số 77/2025/NĐ-CP",
        [("77/2025/NĐ-CP", {"relation": "cites"})],
    ),
    ("Báo cáo nêu Chỉ thị số 15/CT-TTg.", [("15/CT-TTg", {"relation": "cites"})]),
    # nested: a citation inside another's title
    (
        "Kết luận số 15-KL/TW, ngày 30/9/2021 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện Chỉ thị số "
        "46-CT/TW của Bộ Chính trị khóa XI về công tác bảo đảm an ninh, trật tự.",
        [
            ("15-KL/TW", {"subject": None}),
            # the citing document only cites it; 15-KL/TW implements it (the graph's edge)
            (
                "46-CT/TW",
                {"subject": "15-KL/TW", "relation": "cites", "subject_relation": "implements", "term": "XI"},
            ),
        ],
    ),
    # a connective: the citing document's own action, not the title's
    (
        "Chỉ thị số 39-CT/TW về bảo vệ nội bộ gắn với thực hiện Nghị quyết số 18-NQ/TW",
        [("39-CT/TW", {}), ("18-NQ/TW", {"subject": None, "relation": "implements"})],
    ),
    # aliases and short forms
    (
        "Thực hiện Chỉ thị số 07/CT-BCA-V28 (sau đây gọi tắt là Chỉ thị 07). Kết quả thực hiện Chỉ thị 07 tốt.",
        [
            ("07/CT-BCA-V28", {}),
            ("07/CT-BCA-V28", {"text": "Chỉ thị 07", "flags": ("short_form", "alias", "alias_definition")}),
            ("07/CT-BCA-V28", {"text": "Chỉ thị 07", "flags": ("short_form", "alias")}),
        ],
    ),
    (
        "Thực hiện có hiệu quả Đề án số 06 của Chính phủ",
        [(None, {"text": "Đề án số 06", "flags": ("short_form",)})],
    ),
    (
        "Tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng",
        [
            (
                None,
                {
                    "text": "Nghị quyết Trung ương 4 (khóa XII)",
                    "term": "XII",
                    "flags": ("short_form", "plenum"),
                },
            )
        ],
    ),
]

NOT_CITATIONS = [
    "Năm 2020 là năm diễn ra nhiều sự kiện chính trị.",
    "Theo Điều 5, khoản 2 của Luật, các cơ quan phải báo cáo.",
    "Liên hệ số điện thoại 0912 345 678 hoặc 024-3825-1234.",
    "Công an 8 xã thuộc 03 huyện Ân Thi, Kim Động.",
    "Các nghị quyết, chỉ thị của Đảng về bảo đảm an ninh mạng giai đoạn 2021-2025.",
    "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX và Nghị quyết Đại hội nhiệm kỳ 2020 – 2025.",
    "Chỉ thị này được phổ biến đến chi bộ.",
    "Xe mang biển CT 15 và KH 2024 đỗ trước trụ sở.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_form(text, expected):
    got = extract(text)
    assert [m.key for m in got] == [k for k, _ in expected], [m.text for m in got]
    for m, (_, fields) in zip(got, expected):
        assert text[m.start : m.end] == m.text
        for name, want in fields.items():
            assert getattr(m, name) == want, (name, m)


@pytest.mark.parametrize("text", NOT_CITATIONS)
def test_not_a_citation(text):
    assert extract(text) == []


def test_offsets_into_text_as_given_when_normalized():
    # NFD input, Ð (U+00D0) for Đ, an en dash, a no-break space and a zero-width space
    import unicodedata

    text = unicodedata.normalize("NFD", "Căn cứ Nghị định\u00a0số 72/2013/NÐ\u2013CP\u200b ngày 15/7/2013.")
    (m,) = extract(text)
    assert m.key == "72/2013/NĐ-CP"
    assert m.text == text[m.start : m.end]
    assert unicodedata.normalize("NFC", m.text).startswith("Nghị định")


def test_ascii_d_for_dj():
    (m,) = extract("Nghị định số 15/2020/ND-CP")
    assert m.key == "15/2020/NĐ-CP"
    assert "code_spelling" in m.flags


def test_source_and_line():
    (m,) = extract("Dòng một.\nDòng hai có Chỉ thị số 15/CT-TTg.", source="a.txt")
    assert (m.source, m.line) == ("a.txt", 2)


def test_extract_rejects_bytes():
    with pytest.raises(TypeError):
        extract(b"Ch\xe1\xbb\x89 th\xe1\xbb\x8b")  # type: ignore[arg-type]


def test_title_ends_where_the_citing_sentence_resumes():
    (m,) = extract(
        "Thực hiện Chỉ thị số 38-CT/TU, ngày 23/12/2022 của Ban Thường vụ Tỉnh ủy về nhiệm vụ bảo đảm "
        "an ninh, trật tự năm 2023, dưới sự lãnh đạo của Tỉnh ủy, tình hình ổn định."
    )
    assert m.title == "nhiệm vụ bảo đảm an ninh, trật tự năm 2023"


def test_van_ban_with_a_number_code_and_no_so_and_a_roman_department():
    from refgraph.extract import extract

    text = "Theo chỉ đạo tại Văn bản 6721 /VPCP-V.I và Văn bản số 812/VPCP-V.II của Văn phòng Chính phủ."
    assert [m.key for m in extract(text)] == ["6721/VPCP-V.I", "812/VPCP-V.II"]


def test_a_count_of_posts_is_not_a_plan_number():
    from refgraph.extract import extract

    assert extract("Đơn vị được đưa vào quy hoạch 02 trong 03 chức danh lãnh đạo.") == []


def test_a_short_form_takes_the_key_of_the_one_full_citation_of_its_type_and_number():
    from refgraph.extract import extract

    text = (
        "Theo Chỉ thị số 45-CT/TW ngày 14/4/2015 của Bộ Chính trị.\n\nSau khi tổng kết Chỉ thị số 45 và các "
        "kết luận.\n\nChỉ thị số 12 chưa có số hiệu.\n\nNghị định 15/2020/NĐ-CP và Nghị định 15/2015/NĐ-CP; "
        "Nghị định 15 nói trên.\n"
    )
    got = [(m.text, m.key) for m in extract(text)]
    assert ("Chỉ thị số 45", "45-CT/TW") in got
    assert ("Chỉ thị số 12", None) in got  # no full citation of it
    assert ("Nghị định 15", None) in got  # two documents share the type and number: left unresolved


def test_a_short_form_wrapped_before_its_number_goes_on_with_its_issuer():
    from refgraph.extract import extract

    text = (
        "Ban hành Quy định số 377-QĐ/TW ngày 8/10/2025 (sau đây gọi tắt là Quy định 377).\n\nCăn cứ Quy định\n"
        "377 của Bộ Chính trị và các quy định liên quan.\n\nThực hiện theo Kế hoạch\n2. Nội dung kiểm tra.\n"
    )
    got = [(m.text, m.key) for m in extract(text)]
    assert ("Quy định\n377", "377-QĐ/TW") in got
    assert all(not t.startswith("Kế hoạch") for t, _ in got)  # a list item's number on the next line


def test_a_list_whose_later_items_give_only_so_and_the_number_code():
    from refgraph.extract import extract

    text = (
        "Quyết định số 12/QĐ-UBND về giao chỉ tiêu; số lượng 15/20 người.\n\n"
        "Bảo đảm thống nhất với các quy hoạch mà Thủ tướng Chính phủ phê duyệt tại các Quyết định: số "
        "36/QĐ-TTg ngày 11/01/2024 về quy hoạch hạ tầng; số 1569/QĐ-TTg ngày 12/12/2024 về quy hoạch Thủ đô và "
        "số 1668/QĐ-TTg ngày 27/12/2024 về quy hoạch chung; phối hợp với các sở.\n\n"
        "Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ngày 8/6/2010 về thủ tục;\nsố 118/2025/NĐ-CP ngày "
        "9/6/2025 về một cửa;\n"
    )
    got = [(m.key, m.issuer, m.relation) for m in extract(text)]
    assert got == [
        ("12/QĐ-UBND", None, "cites"),
        ("36/QĐ-TTg", "Thủ tướng Chính phủ", "cites"),
        ("1569/QĐ-TTg", "Thủ tướng Chính phủ", "cites"),
        ("1668/QĐ-TTg", "Thủ tướng Chính phủ", "cites"),
        ("63/2010/NĐ-CP", "Chính phủ", "based_on"),
        ("118/2025/NĐ-CP", "Chính phủ", "based_on"),
    ]


def test_a_list_whose_heading_names_the_type_and_whose_first_item_gives_only_so():
    from refgraph.extract import extract

    text = (
        "[3] Các Quyết định của Thủ tướng Chính phủ phê duyệt, gồm: số 1341/QĐ-TTg ngày 4/6/2019 phê duyệt đề án "
        "đào tạo; số 1437/QĐ-TTg ngày 2/8/2017 phê duyệt chương trình.\n\n- Các Nghị định về việc chọn nhà đầu tư: "
        "số 115/2024/NĐ-CP ngày 6/9/2024, số 225/2025/NĐ-CP ngày 5/8/2025 của Chính phủ.\n\nCác văn bản: số lượng "
        "12/15 người.\n"
    )
    got = [(m.key, m.doc_type, m.issuer) for m in extract(text)]
    assert got == [
        ("1341/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"),
        ("1437/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"),
        # one "của Chính phủ" after the list names both items, a date between them or not
        ("115/2024/NĐ-CP", "Nghị định", "Chính phủ"),
        ("225/2025/NĐ-CP", "Nghị định", "Chính phủ"),
    ]


def test_a_headed_list_item_is_read_under_the_heading_above_it():
    from refgraph.extract import extract

    text = (
        "*2.3. Quán triệt và thực hiện đầy đủ các quy định pháp luật sau:*\n\n- Nghị định số "
        "214/2025/NĐ-CP ngày 4/8/2025 của Chính phủ.\n\n- Các Nghị định về việc chọn nhà đầu tư: số "
        "115/2024/NĐ-CP ngày 6/9/2024 về đầu tư; số 243/2025/NĐ-CP ngày 11/9/2025 về đối tác công tư.\n"
    )
    assert [(m.key, m.relation) for m in extract(text)] == [
        ("214/2025/NĐ-CP", "implements"),
        ("115/2024/NĐ-CP", "implements"),
        ("243/2025/NĐ-CP", "implements"),
    ]


def test_a_verb_and_a_count_after_it_are_no_short_form():
    # "quy định" is the verb here, "7" counts circulars; options under discussion are no documents either
    text = (
        "Tại Điều 40 Thông tư 12/2025/TT-BCA quy định 5 Thông tư hết hiệu lực. Hai Nghị định quy định 03 nội "
        "dung mới.\n\n**Phương án 1:** giữ nguyên tổ chức. **Phương án 2:** sáp nhập vào Trung tâm.\n\n"
        "Căn cứ Quy định 377 của Bộ Chính trị và Phương án số 08/PA-UBND ngày 2/3/2024."
    )
    got = [(m.text, m.key) for m in extract(text)]
    assert got == [
        ("Thông tư 12/2025/TT-BCA", "12/2025/TT-BCA"),
        ("Quy định 377", None),
        ("Phương án số 08/PA-UBND", "08/PA-UBND"),
    ]


def test_a_number_with_a_letter_in_either_case_and_in_the_party_pattern():
    text = (
        "Căn cứ Nghị quyết số 318b/NQ-UBTVQH14 ngày 5/5/2017 của Ủy ban Thường vụ Quốc hội;\n"
        "Thực hiện Kế hoạch 21B-KH/TU ngày 5/5/2020 của Tỉnh ủy;"
    )
    got = {m.key: (m.issuer, m.date) for m in extract(text)}
    assert got == {
        "318b/NQ-UBTVQH14": ("Ủy ban Thường vụ Quốc hội", dt.date(2017, 5, 5)),
        "21B-KH/TU": ("Tỉnh ủy", dt.date(2020, 5, 5)),
    }


def test_a_table_of_type_words_and_their_codes_names_no_law():
    text = "|\nKý hiệu viết tắt\n|\nLuật\nCT Chỉ\nthị\nTB Thông\nbáo\nKL Kết\nluận\n|"
    assert [m.text for m in extract(text)] == []
    # on its own line a code-like word after "Luật" is the law's short name
    assert [m.text for m in extract("Theo Luật KH, CN&ĐMST có hiệu lực từ ngày 01/10/2025 thì.")] == [
        "Luật KH"
    ]


def test_a_capitalised_counting_verb_and_its_count_in_a_heading():
    text = "**Hướng dẫn 5 thủ tục cấp phép trực tuyến nêu tại Công văn 2040-CV/VPTW thế nào?**"
    assert [m.text for m in extract(text)] == ["Công văn 2040-CV/VPTW"]
    # a short form goes on with its topic or body
    text = "Hướng dẫn 43 về kiểm điểm; Quy định 366 của Bộ Chính trị."
    assert [m.text for m in extract(text)] == ["Hướng dẫn 43", "Quy định 366"]


def test_two_slips_of_the_keyboard_in_a_type_word():
    text = (
        "Theo Nghi định số 38/2021/NĐ-CP của Chính phủ và Quyết dịnh số 512/QĐ-BYT ngày 2/3/2025 của Bộ Y tế."
    )
    got = [(m.text, m.key, m.doc_type) for m in extract(text)]
    assert got == [
        ("Nghi định số 38/2021/NĐ-CP", "38/2021/NĐ-CP", "Nghị định"),
        ("Quyết dịnh số 512/QĐ-BYT", "512/QĐ-BYT", "Quyết định"),
    ]
