"""`refgraph check` on the false causes an independent re-judging of samples found on a real web corpus,
in sentences written anew: each false cause stays quiet, the true finding beside it still fires."""

from __future__ import annotations

import datetime as dt

from refgraph.checks import formats as fmts
from refgraph.checks.rules import provinces_in

from .conftest import check_files

TODAY = dt.date(2026, 11, 23)
GOV_HEAD = "CHÍNH PHỦ\n\nSố: 140/NQ-CP\n\nHà Nội, ngày 17 tháng 5 năm 2025\n\nNGHỊ QUYẾT\n\n"


def run(tmp_path, files: dict[str, str], **kw):
    return check_files(tmp_path, files, today=TODAY, **kw)


def named(ds, code):
    return sorted(d.file.rsplit("/", 1)[-1] for d in ds if d.code == code)


def test_reference_list_dates_are_the_articles_not_the_documents(tmp_path):
    body = "Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26/02/2025 của Chính phủ quy định chức năng của Bộ;\n"
    ds = run(
        tmp_path,
        {
            "a.md": body,
            "b.md": body.replace("Nghị định số 40", "Nghị định số 41").replace("40/", "41/"),
            # a news site's article about the decree, dated the day after it was signed
            "wiki.md": 'Xem thêm.**^**"Nghị định số 40/2025/NĐ-CP quy định chức năng của Bộ". *Trang tin của '
            "Bộ*. ngày 27 tháng 2 năm 2025. Truy cập ngày 3 tháng 3 năm 2025.**^**tintuc.vn (ngày 2 tháng 3 "
            'năm 2025). "Nghị định số 41/2025/NĐ-CP có gì mới". Truy cập ngày 5 tháng 3 năm 2025.\n',
            # a text that writes the wrong date with the citation itself
            "typo.md": "Thực hiện Nghị định số 40/2025/NĐ-CP ngày 28/02/2025 của Chính phủ về chức năng của Bộ.\n",
        },
    )
    assert named(ds, "RG101") == ["typo.md"]


def test_a_date_on_the_next_line_is_no_anachronism(tmp_path):
    quiet = run(
        tmp_path / "q",
        {
            "a.md": GOV_HEAD
            + "VỀ VIỆC THỰC HIỆN NGHỊ QUYẾT SỐ 99-NQ/TW\nNgày 28 tháng 11 năm 2025, tại trụ sở, "
            "cuộc họp sơ kết đã diễn ra.\n"
        },
    )
    assert not named(quiet, "RG103")
    loud = run(
        tmp_path / "l",
        {"a.md": GOV_HEAD + "Căn cứ Nghị quyết số 99-NQ/TW ngày 28/11/2025 của Bộ Chính trị về đổi mới;\n"},
    )
    assert named(loud, "RG103") == ["a.md"]


def test_emphasis_inside_a_number_is_no_form(tmp_path):
    ds = run(
        tmp_path,
        {
            "bold.md": "Xét Tờ trình số**382**/TTr-CP của Chính phủ và Nghị định số 63**/**2010**/**NĐ-CP.\n",
            # no type code: the standard form of a Youth Union letter number is not known, so no fix
            "union.md": 'Xem "Công văn số 1449 /TWĐTN về việc tổ chức ngày hội" của Trung ương Đoàn.\n',
            "space.md": "Thực hiện Chỉ thị số 55 -CT/TU ngày 03/5/2021 của Ban Thường vụ Tỉnh ủy Hà Tĩnh.\n",
            "sep.md": "Thực hiện Quyết định số 4422 /QĐ-BVHTTDL ngày 21/11/2025 của Bộ trưởng.\n",
        },
    )
    assert named(ds, "RG108") == ["sep.md", "space.md"]
    sep = next(d for d in ds if d.code == "RG108" and d.file.endswith("sep.md"))
    assert "'4422 /QĐ-BVHTTDL'" in sep.message  # the number as written, not its tail after the space


def test_a_date_after_a_pair_dates_both(tmp_path):
    base = "Thực hiện Nghị quyết số 12-NQ/TW {} của Trung ương về xây dựng Đảng.\n"
    quiet = run(tmp_path / "q", {"a.md": base.format("và 13-NQ/TW ngày 16/01/2012")})
    assert not named(quiet, "RG109")
    loud = run(tmp_path / "l", {"a.md": base.format("và 13-NQ/TW")})
    assert named(loud, "RG109") == ["a.md"]


def test_provinces_need_capitals_and_cities_name_their_province():
    assert provinces_in("khi có diễn biến xấu, vì hòa bình") == set()
    assert provinces_in("tỉnh Điện Biên và HÒA BÌNH") == {"dien bien", "hoa binh"}
    assert provinces_in("Ủy ban nhân dân Thành phố Hồ Chí Minh") == provinces_in("TP.HCM") != set()
    assert provinces_in("lễ hội ở Nha Trang") == provinces_in("tỉnh Khánh Hòa") != set()


def test_unscoped_local_numbers_read_cities(tmp_path):
    filler = "\n\n" + "Lịch trình các ngày lễ hội được công bố dần. " * 12 + "\n\n"
    ds = run(
        tmp_path,
        {
            "city.md": "Lễ hội biển ở Nha Trang." + filler + "Theo Kế hoạch 5261/KH-UBND năm 2025 như sau.\n",
            "capital.md": "Không khí ở Hà Nội có diễn biến xấu." + filler + "Theo Nghị quyết số "
            "08/2025/NQ-HĐND\nngày 29/4/2025 của HĐND Thành phố, mức phạt tăng.\n",
            # the centrally-run city is the only one named, though the page names another province too
            "two.md": "Hải Phòng hợp tác với Hải Dương và Vĩnh Yên."
            + filler
            + "Theo Nghị quyết số 09/2025/NQ-HĐND ngày "
            "29/4/2025 của HĐND Thành phố, mức hỗ trợ tăng.\n",
            "events.md": "Diễn biến thời tiết khó lường." + filler + "Theo Kế hoạch 77/KH-UBND năm 2025.\n",
        },
    )
    assert named(ds, "RG110") == ["events.md"]


def test_text_report_shows_a_citation_broken_across_lines(tmp_path, capsys):
    ds = run(
        tmp_path,
        {
            "a.md": GOV_HEAD + "*Căn cứ Nghị định số\n118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;*\n",
        },
    )
    rg103 = [d for d in ds if d.code == "RG103"]
    assert rg103 and rg103[0].end_line != rg103[0].line
    fmts.print_text(rg103)
    out = capsys.readouterr().out
    assert "Nghị định số 118/2025/NĐ-CP" in out


def test_same_number_with_another_subject_is_no_witness(tmp_path):
    ds = run(
        tmp_path,
        {
            "a.md": "Căn cứ Nghị định số 03/2025/NĐ-CP ngày 28/02/2025 của Chính phủ sửa đổi quy định về "
            "chức năng, nhiệm vụ của Bộ Quốc phòng;\n",
            "b.md": "Thực hiện Nghị định số 03/2025/NĐ-CP ngày 01/01/2025 của Chính phủ về sắp xếp lại, xử lý "
            "nhà, đất công.\n",
            "c.md": "Theo Nghị định số 03/2025/NĐ-CP ngày 11/01/2025 của Chính phủ về sắp xếp lại, xử lý nhà, "
            "đất công, các đơn vị rà soát.\n",
        },
    )
    # b and c speak of one subject and disagree; a speaks of another and is left alone
    assert named(ds, "RG101") == ["c.md"]


def test_letters_in_the_middle_slot_are_no_bad_year(tmp_path):
    ds = run(
        tmp_path,
        {
            "old.md": "Tiểu đoàn được lập năm 1951 theo quyết định 1547/EMIFT/1 của bộ tham mưu Pháp.\n",
            "typo.md": "Căn cứ Nghị định số 100/20254/NĐ-CP ngày 08/7/2025 của Chính phủ về thuế;\n",
        },
    )
    assert named(ds, "RG116") == ["typo.md"]
