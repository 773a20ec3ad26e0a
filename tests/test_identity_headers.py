"""Header reading: every form a real file's header takes, in sentences of our own."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from refgraph import vocab
from refgraph.builder import build
from refgraph.identity import from_text, identify
from refgraph.identity.lines import despace
from refgraph.queries import Graph

from .conftest import run_cli

D = dt.date

# A docx header exported line by line: cells between lines of bare pipes, bold markers, wrapped names.
DOCX_TABLE = """|
**ỦY BAN NHÂN
DÂN**
**TỈNH HÀ TĨNH**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
3210/QĐ - UBND
|
*Hà Tĩnh, ngày 19
tháng 11 năm 2025*
|

**QUYẾT ĐỊNH**

VỀ VIỆC PHÊ DUYỆT PHƯƠNG ÁN SỬA CHỮA ĐƯỜNG LIÊN XÃ
TRÊN ĐỊA BÀN TỈNH HÀ TĨNH

*Căn cứ Nghị định số 10/2020/NĐ-CP ngày 05 tháng 01 năm 2020 của Chính phủ;*

Điều 1. Phê duyệt phương án kèm theo Quyết định này.
"""


def test_docx_table_header_with_number_on_next_line_and_spaced_code():
    i = from_text(DOCX_TABLE)
    assert (i.key, i.doc_type, i.date) == ("3210/QĐ-UBND", "Quyết định", D(2025, 11, 19))
    assert i.issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh" and i.province == "Hà Tĩnh"
    assert i.title.startswith("Phê duyệt phương án sửa chữa đường liên xã")
    assert i.source_of("key").rule == "header.number" and i.source_of("key").line == 13
    assert i.source_of("date").line == 16


def test_party_number_without_colon_and_issuer_from_the_signature():
    text = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
ĐẢNG CỘNG SẢN VIỆT NAM

Số 412-QĐ/TW

Hà Nội, ngày 3 tháng 9 năm 2025

QUY ĐỊNH
VỀ CÔNG TÁC LƯU TRỮ CỦA CÁC CƠ QUAN ĐẢNG

Ban Bí thư quy định như sau:

Điều 1. Các cơ quan lưu hồ sơ theo Quy định này.

T/M BAN BÍ THƯ
Nguyễn Văn An
"""
    i = from_text(text)
    assert (i.key, i.doc_type, i.date) == ("412-QĐ/TW", "Quy định", D(2025, 9, 3))
    assert i.issuer == "Ban Bí thư" and i.source_of("issuer").rule == "signature.on-behalf-of"
    assert i.province is None  # a central Party organ speaks for no province
    assert i.signer == "Nguyễn Văn An"


def test_party_heading_naming_two_bodies():
    text = """BAN CHẤP HÀNH TRUNG ƯƠNG
ĐẢNG CỘNG SẢN VIỆT NAM
Số 230-KL/TW
Hà Nội, ngày 5 tháng 12 năm 2025

KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ
về việc tiếp tục sắp xếp bộ máy

Bộ Chính trị, Ban Bí thư kết luận như sau:
"""
    i = from_text(text)
    assert i.issuer == "Bộ Chính trị, Ban Bí thư" and i.doc_type == "Kết luận"


def test_party_department_is_named_after_the_central_committee():
    text = "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\n*\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 51-HD/BTCTW\n\nHà Nội, ngày 2 tháng 10 năm 2025\n\nHƯỚNG DẪN\nVỀ VIỆC GHI PHIẾU\n"
    assert from_text(text).issuer == "Ban Tổ chức Trung ương"


def test_law_dated_by_its_closing_clause():
    text = """QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Luật số: 61/2024/QH15

LUẬT
SỬA ĐỔI MỘT SỐ ĐIỀU CỦA LUẬT THỬ NGHIỆM

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Điều 1. Luật này có hiệu lực từ ngày 01 tháng 7 năm 2025.

Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 8 thông qua ngày 29 tháng 11 năm 2024.
"""
    i = from_text(text)
    assert (i.key, i.doc_type, i.date, i.issuer) == ("61/2024/QH15", "Luật", D(2024, 11, 29), "Quốc hội")
    assert i.source_of("date").rule == "closing-clause" and i.source_of("date").line == 13


def test_no_header_date_means_no_date_never_the_first_body_date():
    text = "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |\nSố: 21/2025/NĐ-CP |\n|\n\n**NGHỊ ĐỊNH**\n\nVỀ THỬ NGHIỆM\n\n*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*\n"
    i = from_text(text)
    assert i.key == "21/2025/NĐ-CP" and i.date is None and i.issuer == "Chính phủ"


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("*Hà Nội, ngày 19\ntháng 11 năm 2025*", D(2025, 11, 19)),
        ("*Thành phố Hồ\nChí Minh, ngày 4 tháng 12 năm 2025*", D(2025, 12, 4)),
        ("Huế, ngày 15 tháng 0 7 năm 2025", D(2025, 7, 15)),
        ("Cần Thơ, ngày 9 tháng 3 năm 2024", D(2024, 3, 9)),
        ("*H**à**\nNội, ng**ày 21 tháng **11** năm\n2025** *", D(2025, 11, 21)),
        ("Hà Nội , ngày 27 tháng 10 năm 2014", D(2014, 10, 27)),
        ("Đà Nẵng, ngày\n18 tháng 11năm 2025", D(2025, 11, 18)),
    ],
)
def test_place_and_date_line_wrapped_marked_or_unpadded(dateline, expected):
    text = f"BỘ TƯ PHÁP\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 77/QĐ-BTP\n{dateline}\n\nQUYẾT ĐỊNH\nVỀ VIỆC THỬ\n"
    assert from_text(text).date == expected


def test_markdown_table_header_with_subject_in_the_number_cell():
    text = """| BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 1502/TCT-CS V/v hoàn thuế cho hộ kinh doanh. | Hà Nội, ngày 06 tháng 05 năm 2013 |

Kính gửi: Cục Thuế tỉnh Nam Định.
"""
    i = from_text(text)
    assert (i.key, i.doc_type, i.date) == ("1502/TCT-CS", "Công văn", D(2013, 5, 6))
    assert i.issuer == "Tổng cục Thuế" and i.province is None
    assert i.title == "hoàn thuế cho hộ kinh doanh"


PORTAL = """Đang tải văn bản...
#
**Số hiệu:**
|
{key}
|
**Loại văn bản:**
|
Quyết định
|
**Nơi ban hành:**
|
Tỉnh Quảng Trị
|
**Ngày ban hành:**
|
{date}
|
**Tình trạng:**
|
Đã biết
|
"""


def test_portal_block_agrees_and_the_header_is_the_source():
    text = PORTAL.format(key="88/QĐ-UBND", date="20/11/2025") + DOCX_TABLE.replace(
        "3210/QĐ - UBND", "88/QĐ-UBND"
    )
    i = from_text(text)
    assert i.key == "88/QĐ-UBND" and i.source_of("key").rule == "header.number"
    assert i.notes == () or all("date" in n for n in i.notes)


def test_portal_block_disagrees_and_the_header_wins():
    text = PORTAL.format(key="88/QĐ-UBND", date="18/11/2025") + DOCX_TABLE
    i = from_text(text)
    assert (i.key, i.date) == ("3210/QĐ-UBND", D(2025, 11, 19))
    assert any(n.startswith("key:") and "88/QĐ-UBND" in n for n in i.notes)
    assert any(n.startswith("date:") and "2025-11-18" in n for n in i.notes)


def test_portal_block_after_a_news_summary_and_with_no_header():
    summary = "## Tóm tắt\n**Ngày 20/11/2025, Ủy ban nhân dân tỉnh ban hành Quyết định 88/QĐ-UBND về thử nghiệm theo Luật số 72/2025/QH15 và nhiều nội dung khác nữa để người dân nắm bắt kịp thời.**\n"
    text = PORTAL.format(key="88/QĐ-UBND", date="20/11/2025") + summary + "**Kính gửi:** Các sở.\n"
    i = from_text(text)
    assert (i.key, i.date, i.doc_type) == ("88/QĐ-UBND", D(2025, 11, 20), "Quyết định")
    assert i.source_of("key").rule == "portal.Số hiệu"
    # the portal names a place; with a local number code that is the province's People's Committee
    assert i.issuer == "Ủy ban nhân dân tỉnh Quảng Trị" and i.province == "Quảng Trị"


def test_portal_abbreviation_is_written_out_from_the_text():
    text = (
        PORTAL.format(key="12/CV-BCĐ", date="02/12/2025").replace(
            "Tỉnh Quảng Trị", "Ban Chỉ đạo rà soát VBQPPL cấp tỉnh"
        )
        + "Thực hiện chỉ đạo của Ban Chỉ đạo rà soát văn bản quy phạm pháp luật cấp tỉnh, đề nghị các sở báo cáo.\n"
    )
    assert from_text(text).issuer == "Ban Chỉ đạo rà soát văn bản quy phạm pháp luật cấp tỉnh"


def test_pdf_spaced_letters_in_the_header():
    assert despace("ỦY B AN NHÂN D Â N") == "ỦY BAN NHÂN DÂN"
    assert despace("T hành phố Hồ Chí M inh") == "Thành phố Hồ Chí Minh"
    text = "ỦY B AN NHÂN D Â N\nT HÀNH PHỐ HỒ CHÍ M INH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nS ố : 45/KH-UBND\n\nT hành phố Hồ Chí M inh, n gày 8 tháng 5 năm 2024\n\nKẾ HOẠCH\nTHỬ NGHIỆM\n"
    i = from_text(text)
    assert (i.key, i.date, i.province) == ("45/KH-UBND", D(2024, 5, 8), "Hồ Chí Minh")
    assert i.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"


def test_issuer_full_names():
    def issuer(organ: str, code: str) -> tuple[str | None, str | None]:
        i = from_text(
            f"{organ}\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: {code}\n\nHuế, ngày 2 tháng 1 năm 2025\n\nQUYẾT ĐỊNH\nVỀ THỬ\n"
        )
        return i.issuer, i.province

    assert issuer("BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "12/QĐ-CHQ") == ("Cục Hải quan", None)
    assert issuer("CHỦ TỊCH NHÂN DÂN\nTHÀNH PHỐ HUẾ", "9/2025/QĐ-CTUBND") == (
        "Chủ tịch Ủy ban nhân dân thành phố Huế",
        "Huế",
    )
    assert issuer("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ Y TẾ", "31/QĐ-SYT") == (
        "Sở Y tế thành phố Hồ Chí Minh",
        "Hồ Chí Minh",
    )
    assert issuer("VĂN PHÒNG CHÍNH\nPHỦ", "40/QĐ-VPCP") == ("Văn phòng Chính phủ", None)
    # a Party district committee speaks for the province of the provincial Party organisation above it
    assert issuer("ĐẢNG BỘ TỈNH NGHỆ AN\nHUYỆN ỦY ANH SƠN", "7-QĐ/HU") == ("Huyện ủy Anh Sơn", "Nghệ An")


def test_central_body_has_no_province_whatever_city_the_place_line_names():
    i = from_text(
        "BỘ Y TẾ\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 99/QĐ-BYT\n\nHà Nội, ngày 2 tháng 1 năm 2025\n\nQUYẾT ĐỊNH\nVỀ THỬ TẠI TỈNH NGHỆ AN\n"
    )
    assert i.issuer == "Bộ Y tế" and i.province is None


def test_one_spelling_per_province_and_the_2025_reorganisation():
    assert (
        vocab.canonical_province("Thành phố Hồ Chí Minh")
        == vocab.canonical_province("TP. Hồ Chí Minh")
        == "Hồ Chí Minh"
    )
    assert vocab.same_place("Quảng Bình", "Quảng Trị") and vocab.same_place("Thừa Thiên Huế", "Huế")
    assert not vocab.same_place("Quảng Bình", "Hà Tĩnh")
    assert vocab.current_province("Bình Dương") == "Hồ Chí Minh"
    # every new name is a province of the table, and 63 old names make 34 (Huế counted once)
    assert all(new in vocab.provinces() for new, _ in vocab.province_successors().values())
    old63 = [p for p in vocab.provinces() if p != "Huế"]
    assert len(old63) == 63 and len({vocab.current_province(p) for p in old63}) == 34


def test_consolidated_text_takes_its_type_from_the_code():
    text = "BỘ QUỐC PHÒNG\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/VBHN-BQP\n\nHà Nội, ngày **4** tháng** 3** năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ\n"
    i = from_text(text)
    assert i.doc_type == "Văn bản hợp nhất" and i.date == D(2025, 3, 4)


def test_glued_bold_heading_and_enacting_body_line():
    text = "Số: 1701/NQ-UBTVQH15 |\n|\n\n**NGHỊ QUYẾT****Về việc sắp xếp đơn vị hành chính**\n\n**ỦY**** BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Hiến pháp;*\n\nNghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV thông qua ngày 16 tháng 6 năm 2025.\n"
    i = from_text(text)
    assert (i.doc_type, i.issuer, i.date) == ("Nghị quyết", "Ủy ban Thường vụ Quốc hội", D(2025, 6, 16))
    assert i.title == "Về việc sắp xếp đơn vị hành chính"


def test_text_opening_with_its_type_heading_and_signed_by_a_role():
    text = "CHỈ THỊ\n\nVỀ VIỆC THỬ NGHIỆM CHẾ ĐỘ MỚI\n\nThủ tướng Chính phủ yêu cầu các Bộ thực hiện ngày 5 tháng 6 năm 2012.\n\n| Nơi nhận: - Các Bộ; | THỦ TƯỚNG Nguyễn Văn Bình |\n"
    i = from_text(text)
    assert (i.kind, i.doc_type, i.key, i.date) == ("document", "Chỉ thị", None, None)
    assert i.issuer == "Thủ tướng Chính phủ" and i.source_of("issuer").rule == "signature.role"


@pytest.mark.parametrize(
    "page",
    [
        "# Chỉ thị số 45-CT/TW về đại hội đảng bộ\n\nNgày 14/4/2025, Bộ Chính trị ban hành Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025 về đại hội.\n",
        "# Mẫu quyết định xử phạt\n\nMẫu này dùng cho các cơ quan có thẩm quyền khi lập quyết định xử phạt hành chính trong năm nay, xem bên dưới để tải về và điền nội dung theo hướng dẫn của cơ quan.\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: ..../QĐ-XPHC\n..., ngày ... tháng ... năm ...\n",
        "# Quốc huy\n\n| Khẩu hiệu | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\nNgày 14 tháng 1 năm 1956, mẫu quốc huy được ban bố.\n",
    ],
)
def test_pages_get_no_key_no_date_and_their_first_heading_as_title(page):
    i = from_text(page)
    assert (i.kind, i.key, i.date) == ("page", None, None)
    assert i.title == page.splitlines()[0][2:] and i.source_of("title").rule == "page.heading"


def test_metadata_still_wins_and_says_so(tmp_path):
    f = tmp_path / "x.md"
    f.write_text(DOCX_TABLE, encoding="utf-8")
    (tmp_path / "x.md.meta").write_text("date: 2025-11-20\n", encoding="utf-8")
    i = identify(DOCX_TABLE, f)
    assert i.date == D(2025, 11, 20) and i.source_of("date").rule == "metadata.sidecar"
    assert i.source_of("key").rule == "header.number"


ANNEXED = """ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/KH-UBND
Nghệ An, ngày 3 tháng 2 năm 2025

KẾ HOẠCH
VỀ THỬ NGHIỆM

Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ;

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn C

PHỤ LỤC
(Kèm theo Kế hoạch số 15/KH-UBND ngày 03 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh)
"""


def test_annex_head_naming_the_file_is_the_file(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "kh15.md").write_text(ANNEXED, encoding="utf-8")
    (corpus / "tin.md").write_text(
        "# Tin\n\nNghệ An triển khai thử nghiệm rộng rãi trên địa bàn.\n", encoding="utf-8"
    )
    db = tmp_path / "g.db"
    report = build([corpus], db=db, catalogs=[], jobs=1)
    assert report.pages == 1 and report.lacking == {"key": 0, "date": 0, "issuer": 0}
    with Graph(db) as g:
        card = g.show("15/KH-UBND")
        assert card["document"]["path"].endswith("kh15.md")
        assert [e["id"] for e in card["cites"]] == [
            "06/QĐ-TTg"
        ]  # the annex head cites nothing: it is the file
        assert card["identity"]["fields"]["date"]["rule"] == "header.dateline"
        assert g.show(str(corpus / "kh15.md"))["document"]["id"] == card["document"]["id"]
    ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents WHERE key='15/KH-UBND'")]
    assert len(ids) == 1


def test_show_says_where_each_field_came_from_and_build_counts_what_is_missing(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "qd.md").write_text(DOCX_TABLE, encoding="utf-8")
    (corpus / "nd.md").write_text(
        "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/2025/NĐ-CP |\n\nNGHỊ ĐỊNH\nVỀ THỬ\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.db"
    r = run_cli("build", corpus, "--db", db)
    assert r.returncode == 0 and "1 without date" in r.stdout and "0 without key" in r.stdout
    out = run_cli("show", "qd.md", "--db", db).stdout
    assert "header.dateline, line 16" in out and "header.number, line 13" in out
    card = json.loads(run_cli("show", "3210/QĐ-UBND", "--json", "--db", db).stdout)
    assert card["identity"]["fields"]["issuer"] == {
        "value": "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "rule": "header.issuer",
        "line": 2,
        "text": "Ủy ban nhân dân tỉnh Hà Tĩnh",
    }


def test_a_build_rebuilds_a_store_of_the_older_schema(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "qd.md").write_text(DOCX_TABLE, encoding="utf-8")
    db = tmp_path / "g.db"
    build([corpus], db=db, catalogs=[], jobs=1)
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version=1")
    assert "older refgraph" in run_cli("stats", "--db", db).stderr
    build([corpus], db=db, catalogs=[], jobs=1)
    with Graph(db) as g:
        assert g.show("3210/QĐ-UBND")["identity"]["kind"] == "document"


def test_two_columns_flattened_into_lines():
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/QĐ-UBND Hà Tĩnh, ngày 5 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\nVề việc thử nghiệm\n"
    )
    i = from_text(text)
    assert (i.key, i.date, i.issuer, i.province) == (
        "12/QĐ-UBND",
        D(2024, 3, 5),
        "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "Hà Tĩnh",
    )


def test_abbreviated_head_a_dateline_in_figures_and_a_subject_over_the_salutation():
    text = (
        "UBND TỈNH NGHỆ AN\nSỞ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 45/STP-VP\n"
        "Nghệ An, ngày 05/3/2025\nV/v thử nghiệm\nKính gửi: các phòng\n"
    )
    i = from_text(text)
    assert (i.date, i.issuer, i.province) == (D(2025, 3, 5), "Sở Tư pháp tỉnh Nghệ An", "Nghệ An")
    assert (i.doc_type, i.title) == ("Công văn", "thử nghiệm")


def test_a_body_with_an_unknown_head_word_after_its_province():
    i = from_text(
        "UBND THÀNH PHỐ HÀ\nNỘI\n**TRUNG TÂM DỊCH VỤ CÔNG**\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
        "Số: 3/QĐ-TTDVC\n|\nHà Nội, ngày 2 tháng 1 năm 2025\n\nQUYẾT ĐỊNH\nVỀ THỬ\n"
    )
    assert (i.issuer, i.province) == ("Trung tâm Dịch vụ công thành phố Hà Nội", "Hà Nội")
    i = from_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN CAN LỘC\nPHÒNG TƯ PHÁP\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 8/PTP\n\nCan Lộc, ngày 2 tháng 1 năm 2025\n\nKẾ HOẠCH\nVỀ THỬ\n"
    )
    assert i.issuer == "Phòng Tư pháp huyện Can Lộc"


def test_province_names_are_not_cut_and_a_known_body_ends_before_the_next():
    i = from_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 5/QĐ-UBND\n\nHải Phòng, ngày 2 tháng 1 năm 2025\n\nQUYẾT ĐỊNH\nVỀ THỬ\n"
    )
    assert (i.issuer, i.province) == ("Ủy ban nhân dân thành phố Hải Phòng", "Hải Phòng")
    i = from_text(
        "CỤC THUẾ\nTHUẾ TỈNH TÂY NINH\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 7/TNI-QLDN\nV/v thuế suất\n\nTây Ninh, ngày 2 tháng 1 năm 2025\n\nKính gửi: Công ty A\n"
    )
    assert (i.issuer, i.province) == ("Thuế tỉnh Tây Ninh", "Tây Ninh")


def test_portal_block_printed_below_the_header():
    text = DOCX_TABLE + "\n" + PORTAL.format(key="3210/QĐ-UBND", date="19/11/2025")
    i = from_text(text)
    assert i.issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh" and i.source_of("key").rule == "header.number"


def test_number_code_wrapped_after_its_dash():
    i = from_text(
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 3801/QĐ-\nUBND\n\n"
        "Nghệ An, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVỀ THỬ\n"
    )
    assert i.key == "3801/QĐ-UBND"


def test_a_known_name_ending_an_unknown_one_is_part_of_it():
    i = from_text(
        "THANH TRA TỈNH\nQUẢNG NAM\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 4/KL-TTr\n\n"
        "Quảng Nam, ngày 2 tháng 1 năm 2024\n\nKẾT LUẬN THANH TRA\nVỀ VIỆC THỬ\n"
    )
    assert i.province == "Quảng Nam" and i.issuer.lower() == "thanh tra tỉnh quảng nam"
    assert (
        from_text(
            "VĂN PHÒNG QUỐC HỘI\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 9/TB-VPQH\n\n"
            "Hà Nội, ngày 2 tháng 1 năm 2024\n\nTHÔNG BÁO\nVỀ VIỆC THỬ\n"
        ).issuer
        == "Văn phòng Quốc hội"
    )


PROVINCIAL_PARTY = """ĐẢNG BỘ TỈNH NGHỆ AN
TỈNH ỦY
*
ĐẢNG CỘNG SẢN VIỆT NAM

Số 15-NQ/TU

Nghệ An, ngày 12 tháng 6 năm 2025

NGHỊ QUYẾT
VỀ THỬ NGHIỆM CHUYỂN ĐỔI SỐ

Tỉnh ủy quyết nghị như sau:

{mark}
BÍ THƯ
Trần Văn Đông
"""


@pytest.mark.parametrize(
    "mark, issuer",
    [("T/M BAN THƯỜNG VỤ", "Ban Thường vụ Tỉnh ủy Nghệ An"), ("T/M TỈNH ỦY", "Tỉnh ủy Nghệ An")],
)
def test_provincial_party_committee_refined_by_its_signature(mark, issuer):
    i = from_text(PROVINCIAL_PARTY.format(mark=mark))
    assert (i.key, i.date, i.province) == ("15-NQ/TU", D(2025, 6, 12), "Nghệ An")
    assert i.issuer == issuer


def test_joint_issuers_joined_by_a_dash_and_a_dash_inside_one_name():
    text = "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI - BỘ TÀI CHÍNH\n-----\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/2010/TTLT-BLĐTBXH-BTC\n\nHà Nội, ngày 3 tháng 2 năm 2010\n\nTHÔNG TƯ LIÊN TỊCH\nHƯỚNG DẪN THỬ\n"
    i = from_text(text)
    assert i.doc_type == "Thông tư liên tịch"
    assert i.issuer == "Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính" and i.province is None
    one = from_text(text.replace(" - BỘ TÀI CHÍNH", "").replace("-BTC", ""))
    assert one.issuer == "Bộ Lao động - Thương binh và Xã hội"


def test_an_annex_head_with_a_misread_date_is_still_the_file(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    annex = "\nPHỤ LỤC\n*(Ban hành kèm theo Quyết định số** 3210**/QĐ-UBND ngày** 19 **tháng** 11** năm 20**25** của Chủ tịch)*\n"
    (corpus / "qd.md").write_text(DOCX_TABLE + annex, encoding="utf-8")
    db = tmp_path / "g.db"
    build([corpus], db=db, catalogs=[], jobs=1)
    ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM documents WHERE key='3210/QĐ-UBND'")]
    assert len(ids) == 1


def test_a_markdown_title_over_the_header_does_not_hide_it():
    # a file that opens with its own title as a markdown heading, then the usual two-cell header table
    text = (
        "# Thông tư liên tịch số 12/2011/TTLT-BTC-BYT của Bộ Tài chính, Bộ Y tế: Hướng dẫn chi khám sức khỏe\n\n"
        "| BỘ TÀI CHÍNH - BỘ Y TẾ -------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc ---- |\n"
        "|---|---|\n"
        "| Số: 12/2011/TTLT-BTC-BYT | Hà Nội, ngày 04 tháng 02 năm 2011 |\n\n"
        "THÔNG TƯ LIÊN TỊCH\n\nHƯỚNG DẪN CHI KHÁM SỨC KHỎE\n\n"
        "Căn cứ Nghị định số 118/2008/NĐ-CP ngày 27/11/2008 của Chính phủ quy định chức năng của Bộ Tài chính;\n"
    )
    ident = from_text(text)
    assert (ident.key, ident.date, ident.kind) == ("12/2011/TTLT-BTC-BYT", D(2011, 2, 4), "document")
    assert ident.doc_type == "Thông tư liên tịch"


def test_a_page_that_opens_with_a_heading_and_prose_stays_a_page():
    text = (
        "# Đoàn công tác thăm trường học vùng cao\n\n"
        "Sáng nay, đoàn công tác của tỉnh đã đến thăm và tặng quà học sinh. Số: 05/QĐ-UBND là quyết định khen"
        " thưởng được trao tại buổi lễ.\n"
    )
    ident = from_text(text)
    assert ident.kind == "page" and ident.key is None


def test_a_dash_glued_between_words_of_a_ministry_name_in_the_header():
    text = (
        "| BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---- |\n"
        "|---|---|\n| Số: 312/LĐTBXH-NCC V/v hướng dẫn báo cáo | Hà Nội, ngày 09 tháng 04 năm 2012 |\n\n"
        "Kính gửi: Sở Y tế các tỉnh\n"
    )
    # the glued dash separates words as a spaced one does, so the known name and its spelling are found
    assert from_text(text).issuer == "Bộ Lao động - Thương binh và Xã hội"


def test_a_laws_title_is_not_read_as_its_authority():
    # the organ cell is lost; "CÁN BỘ, CÔNG CHỨC" (the law's subject) holds the word "BỘ" but names no body
    text = (
        "------- |\nĐộc lập - Tự do - Hạnh phúc\n---------- |\nLuật số: 80/2025/QH15 | Hà Nội, ngày 24 tháng 6 năm 2025 |\n\n"
        "**LUẬT****CÁN BỘ, CÔNG CHỨC**\n\n**CÁN BỘ, CÔNG CHỨC**\n\n*Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa"
        " Việt Nam;*\n\n*Quốc hội ban hành Luật Cán bộ, công chức.*\n"
    )
    ident = from_text(text)
    assert ident.key == "80/2025/QH15" and ident.issuer == "Quốc hội"


def test_a_number_block_before_the_recipients_when_annexes_follow():
    # type heading on top with no number; the number and dateline sit above "Nơi nhận:", annexes after them
    annex = "".join(f"Mục {i}. Mức trợ cấp của nhóm {i} bằng {i},0 lần mức chuẩn.\n" for i in range(60))
    text = (
        "NGHỊ ĐỊNH\nQuy định mức trợ cấp\n___\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định mức trợ cấp.\n"
        "CHÍNH PHỦ\n____\nSố: 61/2022/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Hà Nội, ngày 05 tháng 9 năm 2022\nNơi nhận:\n- Ban Bí thư Trung ương Đảng;\n\nPHỤ LỤC I\n" + annex
    )
    ident = from_text(text)
    assert (ident.key, ident.date) == ("61/2022/NĐ-CP", D(2022, 9, 5))


def test_a_date_in_the_closing_prose_is_not_the_texts_own():
    text = (
        "**HƯỚNG DẪN**\n\n**VỀ CÔNG TÁC BÁO CÁO VIÊN**\n\n- Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025;\n\n"
        + "Nội dung hướng dẫn thực hiện.\n" * 50
        + "Hướng dẫn này thay thế Hướng dẫn số 31-HD/BTGTW, ngày 30/12/2011 và có hiệu lực từ ngày ký./.\n\n"
        "|\n*Nơi nhận:*\n- Các tỉnh ủy,\n" + "- Lưu.\n" * 45
    )
    assert from_text(text).date is None


def test_a_files_own_header_outranks_a_mined_catalog_but_not_a_hand_one(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "qd.md").write_text(
        "| BỘ CÔNG THƯƠNG ---- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ---- |\n|---|---|\n"
        "| Số: 4410/QĐ-BCT | Hà Nội, ngày 18 tháng 11 năm 2025 |\n\nQUYẾT ĐỊNH\n\nVề việc công bố thủ tục\n\n"
        "Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;\n",
        encoding="utf-8",
    )
    row = "4410/QĐ-BCT\tQuyết định\t2025-11-18\tBộ trưởng Bộ Công Thương\t\t{}\n"
    mined, hand = tmp_path / "mined.tsv", tmp_path / "hand.tsv"
    mined.write_text("key\ttype\tdate\tissuer\ttitle\twitnesses\n" + row.format(3), encoding="utf-8")
    hand.write_text("key\ttype\tdate\tissuer\ttitle\tnote\n" + row.format("x"), encoding="utf-8")
    for catalog, issuer in ((mined, "Bộ Công Thương"), (hand, "Bộ trưởng Bộ Công Thương")):
        db = tmp_path / f"{catalog.stem}.db"
        build([corpus], db=db, catalogs=[catalog], jobs=1)
        with Graph(db) as g:
            assert g.show("4410/QĐ-BCT")["document"]["issuer"] == issuer


def test_an_official_letter_without_its_header_block_is_a_document():
    from refgraph.identity import from_text

    body = (
        "**Kính gửi:**\n- Các sở, ban, ngành;\n- Ủy ban nhân dân các xã.\n\nThực hiện chỉ đạo tại Văn bản số "
        "43-CV/TU ngày 12/11/2025, Ủy ban nhân dân yêu cầu các đơn vị thực hiện.\n\nNơi nhận:\n- Như trên;\n"
        "- Lưu: VT.\n"
    )
    ident = from_text(body)
    assert (ident.kind, ident.doc_type) == ("document", "Công văn")
    news = "Ngày 12/11/2025, Thành ủy ban hành Văn bản số 43-CV/TU về đấu thầu.\n"
    assert from_text(news).kind == "page"


def test_a_copy_without_its_header_names_itself_over_its_annex():
    from refgraph.identity import from_text

    text = (
        "**HƯỚNG DẪN**\n\n**XÂY DỰNG ĐỘI NGŨ BÁO CÁO VIÊN**\n\n- Căn cứ Quy định số 294-QĐ/TW của Ban Chấp hành "
        "Trung ương về thi hành Điều lệ Đảng (ban hành kèm theo Quyết định số 455-QĐ/BTGDVTW, ngày 7/5/2025);\n\n"
        "Nội dung hướng dẫn.\n\nNơi nhận:\n- Các tỉnh ủy,\n- Lưu HC.\n\n**PHỤ LỤC**\n\nSỐ LƯỢNG BÁO CÁO VIÊN\n\n"
        "*(Kèm theo Hướng dẫn số 41-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương)*\n"
    )
    ident = from_text(text)
    assert (ident.key, str(ident.date), ident.issuer) == (
        "41-HD/BTGDVTW",
        "2025-11-27",
        "Ban Tuyên giáo và Dân vận Trung ương",
    )
    page = "Bài viết: Nghị định số 293/2025/NĐ-CP nêu mức lương mới.\n\n**Phụ lục**\n\n*(Kèm theo Nghị định số 293/2025/NĐ-CP ngày 10/11/2025 của Chính phủ)*\n"
    assert from_text(page).key is None  # a page without a type heading is about the decree, not the decree


def test_a_body_in_capitals_closes_its_bold_run_before_the_title_in_lower_case():
    from refgraph.identity.lines import clean

    assert (
        clean("**THÔNG BÁO****CỦA BAN BÍ THƯ****về công tác cán bộ**")
        == "THÔNG BÁO CỦA BAN BÍ THƯ về công tác cán bộ"
    )
    assert clean("V****ề việc") == "Về việc"  # emphasis inside one word stays joined
    assert clean("Quy**ết định") == "Quyết định"


def test_a_page_headed_full_text_of_a_document_is_that_document():
    text = (
        "# TOÀN VĂN: THÔNG BÁO 212-TB/TW CỦA BAN BÍ THƯ VỀ CÔNG TÁC CÁN BỘ\n\n"
        "**THÔNG BÁO****CỦA BAN BÍ THƯ****về một số việc cần làm ngay trong công tác cán bộ năm 2026**\n\n"
        "Tại phiên họp ngày 3/3/2026, Ban Bí thư kết luận như sau:\n\n1. Các cấp ủy rà soát đội ngũ.\n"
    )
    ident = from_text(text)
    assert (ident.key, ident.doc_type, ident.issuer) == ("212-TB/TW", "Thông báo", "Ban Bí thư")
    # a headline that only reports on a document of another type names no identity
    news = text.replace("# TOÀN VĂN: THÔNG BÁO 212-TB/TW", "# BÀI VIẾT VỀ CHỈ THỊ 21-CT/TW")
    assert from_text(news).key is None


def test_a_lead_that_names_the_resolution_printed_below_gives_its_number():
    lead = (
        "Chủ tịch Quốc hội vừa ký ban hành Nghị quyết số 210/2026/QH15 của Quốc hội về phân bổ vốn đầu tư công "
        "năm 2026 cho các chương trình mục tiêu. Nghị quyết được thông qua tại kỳ họp thứ 10.\n\n"
    )
    doc = (
        "## NGHỊ QUYẾT\n\n## Về phân bổ vốn đầu tư công năm 2026 cho các chương trình mục tiêu\n\n## QUỐC HỘI\n\n"
        "*Căn cứ Luật Đầu tư công số 58/2024/QH15;*\n\n## QUYẾT NGHỊ:\n\nĐiều 1. Phân bổ vốn.\n"
    )
    ident = from_text(lead + doc)
    assert (ident.key, ident.issuer) == ("210/2026/QH15", "Quốc hội")
    # a lead naming another resolution (another title) is what the page is about, not the text below
    other = lead.replace("về phân bổ vốn đầu tư công", "về giám sát chuyên đề")
    assert from_text(other + doc).key is None


def test_a_plan_attached_by_this_resolution_names_it_in_its_heading():
    text = (
        "**NGHỊ QUYẾT**\n\n**Ban hành Kế hoạch rà soát văn bản**\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n"
        "**QUYẾT NGHỊ:**\n\nĐiều 1. Ban hành kèm theo Nghị quyết này Kế hoạch rà soát văn bản.\n\n"
        "--------------\n\n## KẾ HOẠCH\n\n### RÀ SOÁT VĂN BẢN\n\n"
        "*(Ban hành kèm theo Nghị quyết số 1402/NQ-UBTVQH15 ngày 14 tháng 2 năm 2026 của Ủy ban Thường vụ Quốc hội)*\n\n"
        "I. MỤC ĐÍCH\n"
    )
    ident = from_text(text)
    assert (ident.key, str(ident.date)) == ("1402/NQ-UBTVQH15", "2026-02-14")
    # without the article that attaches the plan, the bracket is a citation like any other
    assert from_text(text.replace("Ban hành kèm theo Nghị quyết này", "Thực hiện")).key is None


def test_a_letter_without_its_header_is_the_committee_that_signs_for_it():
    text = (
        "**Kính gửi:**\n- Sở Y tế;\n- Các bệnh viện.\n\nỦy ban nhân dân tỉnh Nghệ An yêu cầu các đơn vị "
        "triển khai ngay; kết quả gửi về Ủy ban nhân dân tỉnh Nghệ An trước ngày 15.\n\n"
        "*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n|\n**TM. ỦY BAN\nNHÂN DÂN **\nKT. CHỦ TỊCH\n**PHÓ CHỦ TỊCH**\n"
        "**Nguyễn Văn An**\n|\n"
    )
    ident = from_text(text)
    assert (ident.doc_type, ident.issuer, ident.province) == (
        "Công văn",
        "Ủy ban nhân dân tỉnh Nghệ An",
        "Nghệ An",
    )
    # a standing committee and its officer on the next line are two things, not one name
    from refgraph.identity.signature import read_signature

    sig = read_signature("Nơi nhận:\n- Lưu.\n\n**T/M BAN THƯỜNG VỤ**\nPHÓ BÍ THƯ\n**Trần Văn Bình**\n")
    assert sig is not None and sig.on_behalf_of == "BAN THƯỜNG VỤ"


def test_a_copy_without_its_number_names_itself_in_its_effect_article():
    text = (
        "## THÔNG TƯ\n\n## Hướng dẫn chế độ phụ cấp đối với cán bộ xã\n\n#### Điều 1. Phạm vi điều chỉnh\n\n"
        "Thông tư này hướng dẫn chế độ phụ cấp.\n\n#### Điều 5. Hiệu lực thi hành\n\n"
        "1. Thông tư số 7/2026/TT-BNV có hiệu lực thi hành kể từ ngày ký (12/3/2026).\n"
    )
    ident = from_text(text)
    assert (ident.key, str(ident.date), ident.issuer) == ("07/2026/TT-BNV", "2026-03-12", "Bộ Nội vụ")
    # another document's effect, named in the text, is not its own
    other = text.replace("Thông tư số 7/2026/TT-BNV có hiệu lực", "Nghị định số 7/2026/NĐ-CP có hiệu lực")
    assert from_text(other).key is None


def test_a_file_name_and_a_title_heading_over_the_header_leave_the_header_its_own():
    text = (
        "# 12_2019_TT_BYT_part1\n"
        "# Thông tư số 12/2019/TT-BYT quy định việc quản lý, sử dụng và bảo dưỡng trang thiết bị y tế tại các cơ "
        "sở khám bệnh, chữa bệnh công lập do địa phương quản lý\n\n"
        "| BỘ Y TẾ -------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "|---|---|\n"
        "| Số: 12/2019/TT-BYT | Hà Nội, ngày 5 tháng 3 năm 2019 |\n\n"
        "THÔNG TƯ\n\nQUY ĐỊNH VỀ QUẢN LÝ TRANG THIẾT BỊ Y TẾ\n\nCăn cứ Luật Dược số 105/2016/QH13;\n"
    )
    i = from_text(text)
    assert (i.key, i.date, i.issuer, i.kind) == ("12/2019/TT-BYT", dt.date(2019, 3, 5), "Bộ Y tế", "document")


def test_a_part_that_opens_with_an_annex_is_the_document_the_annex_belongs_to():
    text = (
        "PHỤ LỤC II\n\nDANH MỤC CÁC VĂN BẢN VỀ CHẾ ĐỘ ĐỐI VỚI CỰU CHIẾN BINH (Kèm theo Nghị định số "
        "55/2019/NĐ-CP ngày 2 tháng 6 năm 2019 của Chính phủ)\n\n"
        "1. Quyết định số 12/2010/QĐ-TTg ngày 3 tháng 2 năm 2010 của Thủ tướng Chính phủ về trợ cấp.\n"
    )
    i = from_text(text)
    assert (i.key, i.doc_type, i.date, i.issuer) == (
        "55/2019/NĐ-CP",
        "Nghị định",
        dt.date(2019, 6, 2),
        "Chính phủ",
    )


def test_a_page_that_quotes_an_annex_further_down_is_no_annex_part():
    text = (
        "Tin tức: các chế độ mới\n\nBài viết tổng hợp như sau.\n\nPHỤ LỤC II (Kèm theo Nghị định số 55/2019/NĐ-CP "
        "ngày 2 tháng 6 năm 2019 của Chính phủ)\n"
    )
    assert from_text(text).key is None


def test_a_subject_line_between_a_file_title_and_the_header_leaves_the_header_its_own():
    text = (
        "# 77_2012_QD_UBND_preamble\n\n"
        "Về việc hỗ trợ kinh phí sửa chữa nhà cho thân nhân liệt sĩ ở các huyện miền núi\n\n"
        "| ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
        "|---|---|\n"
        "| Số: 77/QĐ-UBND | Nam Định, ngày 12 tháng 3 năm 2012 |\n\n"
        "QUYẾT ĐỊNH\n\nVỀ VIỆC HỖ TRỢ KINH PHÍ SỬA CHỮA NHÀ Ở\n\nCăn cứ Luật Ngân sách nhà nước ngày 16/12/2002;\n"
    )
    i = from_text(text)
    assert (i.key, i.date, i.issuer) == ("77/QĐ-UBND", dt.date(2012, 3, 12), "Ủy ban nhân dân tỉnh Nam Định")


def test_a_part_that_opens_with_a_chapter_reads_the_header_printed_at_its_end():
    text = (
        "Chương V\nĐIỀU KHOẢN THI HÀNH\nĐiều 20. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày ký.\n"
        "Điều 21. Trách nhiệm thi hành\nCác Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n"
        "CHÍNH PHỦ\n________\nSố: 44/2019/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n________\nHà Nội, ngày 5 tháng 6 năm 2019\nNơi nhận:\n- Các bộ;\n"
        "- Lưu: VT. | TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n"
    )
    i = from_text(text)
    assert (i.key, i.doc_type, i.date, i.issuer) == (
        "44/2019/NĐ-CP",
        "Nghị định",
        dt.date(2019, 6, 5),
        "Chính phủ",
    )


# A PDF table whose left cell kept only the first line of the body's name; the enacting line under the
# title, not in bold after the conversion, names it whole.
CUT_ORGAN_CELL = """| ỦY BAN THƯỜNG VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 321/NQ-UBTVQH14 | Hà Nội, ngày 07 tháng 03 năm 2019 |

NGHỊ QUYẾT

VỀ VIỆC GIAO CHỈ TIÊU BIÊN CHẾ CHO CÁC CƠ QUAN CỦA QUỐC HỘI

ỦY BAN THƯỜNG VỤ QUỐC HỘI

Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;

QUYẾT NGHỊ:
"""


def test_cut_organ_cell_is_completed_by_the_enacting_line_under_the_title():
    i = from_text(CUT_ORGAN_CELL)
    assert (i.key, i.date) == ("321/NQ-UBTVQH14", D(2019, 3, 7))
    assert i.issuer == "Ủy ban Thường vụ Quốc hội"
    assert i.source_of("issuer").rule == "header.authority" and i.source_of("issuer").line == 9


def test_a_title_line_in_capitals_before_the_basis_is_not_the_enacting_body():
    # the subject's last line stands right before "Căn cứ": it names no body, the header keeps its own
    text = CUT_ORGAN_CELL.replace("| ỦY BAN THƯỜNG VỤ |", "| ỦY BAN THƯỜNG VỤ QUỐC HỘI |").replace(
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nCăn cứ", "VỀ TỔ CHỨC BỘ MÁY CỦA BỘ TƯ PHÁP\n\nCăn cứ"
    )
    i = from_text(text)
    assert i.issuer == "Ủy ban Thường vụ Quốc hội" and i.source_of("issuer").rule == "header.issuer"


# An encyclopedia page whose infobox lists the decision that classed the place: a field, not a header.
INFOBOX_PAGE = """# Đình làng Phú Mỹ

| Đình làng Phú Mỹ | |
|---|---|
| Loại di tích | Kiến trúc nghệ thuật |
| Năm công nhận | 1994 |
| Quyết định | Số 921/QĐ-BT |

**Đình làng Phú Mỹ** là một ngôi đình cổ ở Nam Bộ, được dựng vào cuối thế kỷ XIX bằng gỗ quý và còn giữ nhiều
mảng chạm khắc, được công nhận là di tích cấp quốc gia theo Quyết định số 921/QĐ-BT của Bộ Văn hóa - Thông tin.
"""


def test_a_number_in_an_infobox_row_is_no_header():
    i = from_text(INFOBOX_PAGE)
    assert i.kind == "page" and i.key is None and i.issuer is None


def test_an_annex_heading_names_its_issuer_up_to_the_bracket_that_closes_it():
    text = (
        "**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO QUỐC GIA VỀ PHÒNG, CHỐNG THIÊN TAI\n\n"
        "*Căn cứ Luật Phòng, chống thiên tai số "
        "33/2013/QH13;*\n\n**QUYẾT ĐỊNH:**\n\n**Điều 1.** Ban hành kèm theo Quyết định này Quy chế làm việc.\n\n"
        "**QUY CHẾ**\n\nLÀM VIỆC CỦA BAN CHỈ ĐẠO\n\n*(Kèm theo Quyết định số 31/QĐ-BCĐ ngày 2 tháng 6 năm 2025 "
        "của Trưởng\nBan Chỉ đạo quốc gia về phòng, chống thiên tai)*\n\n**Chương I**\n"
    )
    i = from_text(text)
    assert (i.key, i.date) == ("31/QĐ-BCĐ", D(2025, 6, 2))
    assert i.issuer == "Trưởng Ban Chỉ đạo quốc gia về phòng, chống thiên tai"
