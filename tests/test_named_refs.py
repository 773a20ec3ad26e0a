"""References without a number code: laws, codes, ordinances and the Constitution by name, programmes and
strategies named specifically, aliases and anaphora; their keys where the text settles them, and the
name-keyed nodes the resolver keeps for the rest. Sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from refgraph import extract
from refgraph.builder import build
from refgraph.checks import check
from refgraph.checks.formats import summary
from refgraph.extract.named import name_key
from refgraph.queries import Graph, QueryError


def named(text: str):
    return [m for m in extract(text) if "named" in m.flags]


def one(text: str):
    ms = named(text)
    assert len(ms) == 1, [(m.text, m.key) for m in ms]
    return ms[0]


# ---- laws, codes, ordinances, the Constitution ------------------------------------------------------
def test_law_by_name_and_date():
    m = one("Căn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020;")
    assert (m.text, m.doc_type, m.name) == ("Luật Bảo vệ môi trường", "Luật", "Luật Bảo vệ môi trường")
    assert m.date == dt.date(2020, 11, 17) and m.key is None
    assert m.relation == "based_on"


def test_law_date_in_figures_and_issuer():
    m = one("Căn cứ Luật Hải quan ngày 23/6/2014 của Quốc hội;")
    assert m.date == dt.date(2014, 6, 23) and m.issuer == "Quốc hội"


def test_law_name_with_comma_and_capital_words():
    assert one("theo Luật Quản lý, sử dụng tài sản công.").name == "Luật Quản lý, sử dụng tài sản công"
    assert one("Căn cứ Luật Tổ chức Chính phủ;").name == "Luật Tổ chức Chính phủ"
    # "pháp luật" inside a title is no second law
    m = one("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;")
    assert m.text == "Luật Ban hành văn bản quy phạm pháp luật"


def test_law_with_year_keeps_the_year_in_its_span():
    m = one("Nội dung này kế thừa Luật Bảo hiểm xã hội năm 2014 và mở rộng đối tượng.")
    assert m.text == "Luật Bảo hiểm xã hội năm 2014" and m.year == 2014


def test_code_and_constitution():
    m = one("Căn cứ Bộ luật Hàng hải Việt Nam ngày 25 tháng 11 năm 2015;")
    assert (m.doc_type, m.name) == ("Bộ luật", "Bộ luật Hàng hải Việt Nam")
    h = one("Quyền con người được ghi nhận trong Hiến pháp năm 2013.")
    assert (h.doc_type, h.text, h.year) == ("Hiến pháp", "Hiến pháp năm 2013", 2013)


def test_ordinance_named_in_lower_case():
    m = one("Xã rà soát các hộ được hưởng chính sách theo Pháp lệnh chăm sóc gia đình có công với cách mạng.")
    assert m.doc_type == "Pháp lệnh" and m.text == "Pháp lệnh chăm sóc gia đình có công với cách mạng"


def test_law_in_lower_case_only_when_its_name_is_known():
    # known from the bundled catalog
    assert one("bảo đảm thống nhất với Luật viên chức về tuyển dụng").name == "Luật Viên chức"
    # known because the same text writes it with capitals
    ms = named("thi hành Luật Cứu hộ ven biển. Nghị định hướng dẫn Luật cứu hộ ven biển sẽ được ban hành.")
    assert [m.name for m in ms if m.doc_type == "Luật"] == ["Luật Cứu hộ ven biển"] * 2
    # "Luật" before an unknown lower-case word is a clause, not a name
    assert named("Luật quy định rõ trách nhiệm của các bên.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Các cơ quan ban hành các văn bản hướng dẫn theo thẩm quyền.",
        "Tiếp tục lồng ghép các Chương trình mục tiêu quốc gia trên địa bàn.",
        "Nâng cao ý thức chấp hành pháp luật của Nhân dân.",
        "Kế hoạch này được triển khai đến các xã.",
        "Tham khảo tại trang Luật Việt Nam.",
        "Ủy ban xã lập Kế hoạch tổ chức thi hành Nghị định số 12/2025/NĐ-CP ngày 5/1/2025 của Chính phủ.",
    ],
)
def test_not_a_named_reference(text):
    assert named(text) == []


# ---- programmes, schemes, strategies, plans -----------------------------------------------------------
def test_national_target_programme_in_either_case():
    m = one("Tổ chức triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025.")
    assert m.doc_type == "Chương trình" and m.text.endswith("2021 - 2025")
    assert (
        one("kết quả thực hiện chương trình mục tiêu quốc gia giảm nghèo bền vững").doc_type == "Chương trình"
    )


def test_plan_needs_a_marker_of_a_specific_one():
    assert (
        one("để triển khai Kế hoạch hành động quốc gia về tăng trưởng xanh đến năm 2030").doc_type
        == "Kế hoạch"
    )
    assert named("xây dựng kế hoạch công tác năm tới") == []


def test_strategy_with_its_issuer_and_quoted_programme():
    m = one("phù hợp với Chiến lược chuyển đổi số của Bộ Y tế giai đoạn 2025-2030")
    assert m.issuer == "Bộ Y tế"
    q = one("Tỉnh đã hoàn thành Chương trình “Ánh sáng vùng cao” trước thời hạn.")
    assert q.text == "Chương trình “Ánh sáng vùng cao”"


def test_scheme_with_a_proper_name():
    assert one("Triển khai hiệu quả Đề án Mỗi xã một sản phẩm trên địa bàn.").doc_type == "Đề án"


def test_document_described_by_issuer_and_subject():
    ms = named(
        "Bộ Tư pháp chủ trì soạn Nghị định của Chính phủ về đăng ký hộ tịch trực tuyến và "
        "Nghị định hướng dẫn việc cấp phiếu lý lịch tư pháp."
    )
    assert [m.doc_type for m in ms] == ["Nghị định", "Nghị định"]
    assert ms[0].issuer == "Chính phủ"


# ---- keys the text settles ------------------------------------------------------------------------
def test_same_law_with_its_number_elsewhere_in_the_text():
    ms = extract("Căn cứ Luật Lưu trữ số 33/2024/QH15; hồ sơ được lập theo quy định của Luật Lưu trữ.")
    assert [(m.key, "named" in m.flags) for m in ms] == [("33/2024/QH15", False), ("33/2024/QH15", True)]
    assert "resolved_in_text" in ms[1].flags


def test_the_year_must_agree():
    ms = named("Luật Việc làm số 38/2013/QH13 đã hết hiệu lực; Luật Việc làm năm 2025 áp dụng từ năm sau.")
    assert [(m.text, m.key) for m in ms] == [("Luật Việc làm năm 2025", None)]


def test_law_by_number_alone_and_by_name_alone_of_one_year():
    text = (
        "Luật số 74/2025/QH15 bổ sung nhiều chính sách mới. Luật Việc làm năm 2025 cũng quy định "
        "về bảo hiểm thất nghiệp, khác với Luật Việc làm năm 2013."
    )
    got = {m.text: m.key for m in named(text)}
    assert got == {"Luật Việc làm năm 2025": "74/2025/QH15", "Luật Việc làm năm 2013": None}


def test_law_name_and_number_without_so():
    ms = extract("Căn cứ Luật quản lý, bảo trì đê điều ven sông 42/2019/QH14;")
    assert [(m.key, m.text) for m in ms] == [
        ("42/2019/QH14", "Luật quản lý, bảo trì đê điều ven sông 42/2019/QH14")
    ]


def test_amending_law_owns_the_number_and_names_the_laws_it_amends():
    ms = extract(
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán số 56/2024/QH15;"
    )
    outer = [m for m in ms if m.key]
    assert [(m.key, m.text.split()[1]) for m in outer] == [("56/2024/QH15", "sửa")]
    # the laws it amends are words of its title (its name keeps them), not references of the citing text
    assert outer[0].name == "Luật Sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán"
    assert [m for m in ms if "named" in m.flags] == []


def test_unnumbered_amending_law_is_a_document_of_its_own():
    ms = named("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở;")
    assert [m.name for m in ms] == ["Luật Sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở"]


def test_grammar_reading_the_last_amended_law_gives_the_number_to_the_amending_law():
    # the numbered grammar alone reads "Luật Phí và lệ phí số 09/2025/QH15"; the list before it says whose
    # number that is
    ms = extract("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Giá, Luật Phí và lệ phí số 09/2025/QH15;")
    assert [(m.text.split()[1], m.key) for m in ms if m.key] == [("sửa", "09/2025/QH15")]
    assert [m.name for m in ms if m.key] == [
        "Luật Sửa đổi, bổ sung một số điều của Luật Giá, Luật Phí và lệ phí"
    ]
    assert [m for m in ms if "named" in m.flags] == []  # the laws it amends are words of its title


def test_a_phrase_of_stop_words_that_belongs_to_a_name():
    m = one("Quỹ chi theo Pháp lệnh tôn vinh người có công năm 2019 được cấp bổ sung.")
    assert m.text == "Pháp lệnh tôn vinh người có công năm 2019" and m.year == 2019


def test_plan_name_runs_on_through_its_horizon():
    m = one(
        "phê duyệt Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045;"
    )
    assert m.text.endswith("đến năm 2030, tầm nhìn đến năm 2045")


def test_alias_with_an_abbreviation():
    text = (
        "Thực hiện Quyết định số 73/2004/QĐ-TTg ngày 9/8/2004 của Thủ tướng "
        "Chính phủ (sau đây gọi tắt là QĐ 73), các xã xét trợ cấp cựu dân quân. Điều kiện xét theo Điều 2 QĐ 73."
    )
    uses = [m for m in extract(text) if "alias" in m.flags]
    assert [(m.text, m.key) for m in uses] == [("QĐ 73", "73/2004/QĐ-TTg")] * 2
    # the definition restates the citation it names, relation included
    assert "alias_definition" in uses[0].flags and uses[0].relation == "implements"
    assert "relation: restates 73/2004/QĐ-TTg (alias)" in uses[0].why


def test_alias_that_is_a_bare_type_word():
    text = (
        "Thực hiện Nghị định số 99/2025/NĐ-CP ngày 3/9/2025 của Chính phủ hướng dẫn Luật Cứu hộ "
        "(sau đây viết tắt là Nghị định). Các sở triển khai thi hành Nghị định kịp thời; các nghị định khác "
        "giữ nguyên. Nhiệm vụ theo Điều 7 Nghị định."
    )
    uses = [m for m in extract(text) if "alias" in m.flags]
    assert [m.key for m in uses] == ["99/2025/NĐ-CP"] * 3  # the definition and two uses, not "nghị định"


def test_alias_of_an_unnumbered_programme_is_not_followed():
    text = (
        "Tỉnh triển khai Chương trình mục tiêu quốc gia trồng rừng ven biển đến năm 2035 "
        "(sau đây viết tắt là Chương trình). Kinh phí của Chương trình do ngân sách tỉnh lo."
    )
    assert [m.doc_type for m in named(text)] == ["Chương trình"]


def test_a_bare_law_in_a_letter_is_the_law_cited_before_and_this_law_no_reference():
    # "Luật này" points back at the law just named: careful readers list no line for it (no reader of the 31
    # annotated sets did), while the bare "Luật" before a comma is read as that law
    text = (
        "Quốc hội đã thông qua Luật Nhà ở số 27/2023/QH15. Để triển khai thi hành Luật này, Bộ xây dựng "
        "các văn bản hướng dẫn Luật, trong đó có quy định về nhà ở xã hội."
    )
    assert [(m.text, m.key) for m in named(text)] == [("Luật", "27/2023/QH15")]


def test_this_law_in_a_law_is_the_law_itself():
    text = (
        "LUẬT\n\nNHÀ Ở\n\nLuật Nhà ở số 27/2023/QH15 thay thế luật cũ.\n\nLuật này có hiệu lực từ năm 2025."
    )
    assert named(text) == []


# ---- the graph ------------------------------------------------------------------------------------
CATALOG = (
    "key\ttype\tdate\tissuer\tterm\tprovince\ttitle\taliases\n"
    "16/2023/QH15\tLuật\t2023-06-19\tQuốc hội\t\t\tLuật Giá\t\n"
    "83/2015/QH13\tLuật\t2015-06-25\tQuốc hội\t\t\tLuật Ngân sách nhà nước\t\n"
    "89/2025/QH15\tLuật\t2025-06-25\tQuốc hội\t\t\tLuật Ngân sách nhà nước\t\n"
)
DOC = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH

Số: 12/QĐ-UBND

Hà Tĩnh, ngày 10 tháng 1 năm 2026

QUYẾT ĐỊNH

Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;
Căn cứ Luật Cứu hộ ven biển ngày 2 tháng 3 năm 2024;
Kinh phí bảo đảm theo quy định của Luật Ngân sách nhà nước.
"""


@pytest.fixture
def named_db(tmp_path):
    (tmp_path / "catalog.tsv").write_text(CATALOG, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qd12.txt").write_text(DOC, encoding="utf-8")
    db = tmp_path / "g.db"
    build([corpus], db=db, catalogs=[tmp_path / "catalog.tsv"], jobs=1)
    return db, corpus, tmp_path / "catalog.tsv"


def test_name_and_date_resolve_through_the_catalog(named_db):
    db, _corpus, _cat = named_db
    with Graph(db) as g:
        assert g.find("Luật Giá") == "16/2023/QH15"
        assert [c["relation"] for c in g.cited_by("16/2023/QH15")["cited_by"]] == ["based_on"]


def test_unplaced_name_keeps_a_node_of_its_name_and_year(named_db):
    db, _corpus, _cat = named_db
    with Graph(db) as g:
        doc = g.show("Luật Cứu hộ ven biển")["document"]
        assert doc["id"] == name_key("Luật Cứu hộ ven biển", 2024) == "Luật Cứu hộ ven biển (2024)"
        assert {"named", "unresolved"} <= set(doc["flags"]) and doc["key"] is None
        assert g.cited_by(doc["id"])["cited_by"][0]["relation"] == "based_on"
        with pytest.raises(QueryError):
            g.show("Luật Không có trong văn bản")


def test_name_of_two_laws_goes_to_the_one_in_force_and_is_reported_once(named_db):
    db, corpus, cat = named_db
    with Graph(db) as g:
        ids = [c["id"] for c in g.cites("12/QĐ-UBND@ha-tinh")["cites"]]
    assert "89/2025/QH15" in ids and "83/2015/QH13" not in ids
    findings = check([corpus], [cat])
    # counted once, in the summary, not as findings of their own
    assert not [d for d in findings if d.key is None and "Luật" in (d.text or "")]
    assert summary(findings)["by_name_only"] == {"two_documents": 1, "unplaced": 1}


def test_name_keyed_nodes_in_exports_and_the_map(named_db):
    from refgraph.graph import open_graph, to_networkx
    from refgraph.render import export, html

    db, _corpus, _cat = named_db
    g = open_graph(db)
    node = g.nodes["Luật Cứu hộ ven biển (2024)"]
    assert node["level"] == "named" and node["key"] == "" and "named" in node["flags"]
    with Graph(db) as q:
        docs = {d.id: d for d in q.store.all_documents()}
        edges = q.store.all_edges()
    for fmt in ("json", "dot", "cypher"):
        assert "Cứu hộ ven biển" in export.render(fmt, docs, edges, built_at="2026-01-01")
    back = nx.parse_graphml(export.render("graphml", docs, edges, built_at="2026-01-01"))
    assert back.nodes["Luật Cứu hộ ven biển (2024)"]["level"] == "named"
    page = html.render(docs, edges, {i: 1 for i in docs}).html
    assert '"shape": "diamond"' in page and "named only" in page
    assert to_networkx(docs, edges).has_edge("12/QĐ-UBND@ha-tinh", "Luật Cứu hộ ven biển (2024)")


def test_a_programme_named_only_by_an_abbreviation_is_a_kind_not_a_title():
    text = "Các xã triển khai Chương trình MTQG trên địa bàn; Chương trình MTQG giảm nghèo được ưu tiên vốn."
    assert [m.text for m in extract(text)] == []
    # a programme's title in words is a reference; so is a heading in capitals
    titled = "Các xã triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững."
    assert [m.name for m in extract(titled)] == ["Chương trình mục tiêu quốc gia giảm nghèo bền vững"]


# ---- a name, then its number in a bracket ------------------------------------------------------------


def test_a_law_named_then_numbered_in_a_bracket_is_one_citation_from_its_name():
    text = "Theo Luật Đo lường (Luật số 04/2011/QH13 ngày 11/11/2011), các chuẩn đo lường được quản lý."
    ms = extract(text)
    assert [(m.text, m.key) for m in ms] == [("Luật Đo lường (Luật số 04/2011/QH13", "04/2011/QH13")]
    assert ms[0].date == dt.date(2011, 11, 11)


def test_a_bracket_of_another_type_after_a_name_is_a_citation_of_its_own():
    text = "Theo Luật Đo lường (Nghị định số 86/2012/NĐ-CP), các chuẩn đo lường được quản lý."
    keys = [(m.text, m.key) for m in extract(text)]
    assert ("Nghị định số 86/2012/NĐ-CP", "86/2012/NĐ-CP") in keys
    assert ("Luật Đo lường", None) in keys


def test_amending_laws_after_a_law_named_in_a_legal_basis_column_are_its_basis():
    text = (
        "|\n**Căn cứ pháp lý**\n|\n"
        "- Luật Quy hoạch đô thị\n(được sửa đổi, bổ sung tại Luật số 35/2018/QH14, Luật số 28/2023/QH15);\n"
        "- Nghị định số 37/2010/NĐ-CP ngày 7/4/2010 của Chính phủ;\n"
    )
    rel = {m.key: m.relation for m in extract(text) if m.key}
    assert rel == {"35/2018/QH14": "based_on", "28/2023/QH15": "based_on", "37/2010/NĐ-CP": "based_on"}


def test_an_amending_law_written_without_cua_is_one_citation_from_its_head():
    text = (
        "*Căn cứ Luật Đầu tư công số 58/2024/QH15 được sửa đổi, bổ sung bởi Luật Sửa đổi, bổ sung một số điều "
        "Luật\nĐầu tư công số 90/2025/QH15;*"
    )
    got = [(m.text.replace("\n", " "), m.key, m.relation) for m in extract(text)]
    assert got == [
        ("Luật Đầu tư công số 58/2024/QH15", "58/2024/QH15", "based_on"),
        ("Luật Sửa đổi, bổ sung một số điều Luật Đầu tư công số 90/2025/QH15", "90/2025/QH15", "based_on"),
    ]


def test_laws_listed_in_an_amending_laws_title_without_cua_are_its_title():
    text = (
        "Thủ tục nộp thuế được sửa đổi bởi Luật sửa đổi Luật Hải quan, Luật Kế toán, Luật Quản lý thuế 2024."
    )
    assert [m.text for m in extract(text)] == ["Luật sửa đổi Luật Hải quan, Luật Kế toán, Luật Quản lý thuế"]


def test_a_bare_law_name_shared_by_two_numbered_laws_is_the_newest_named_first():
    text = (
        "Căn cứ Luật Thanh tra số 11/2022/QH15;\n\nĐiều 1. Thanh tra viên theo quy định của Luật Thanh tra.\n\n"
        "Điều 9. Hồ sơ đã nhận theo Luật Thanh tra số 56/2010/QH12 được giải quyết tiếp."
    )
    got = [m.key for m in extract(text) if m.text == "Luật Thanh tra"]
    assert got == ["11/2022/QH15"]
    # named first is the older one: no guess
    text = (
        "Căn cứ Luật Thanh tra số 56/2010/QH12;\n\nĐiều 9. Hồ sơ theo Luật Thanh tra số 11/2022/QH15 được "
        "giải quyết theo Luật Thanh tra."
    )
    assert [m.key for m in extract(text) if m.text == "Luật Thanh tra"] == [None]
