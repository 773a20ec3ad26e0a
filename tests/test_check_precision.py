"""`refgraph check` on the forms that made it cry wolf on a real web corpus, written anew for these tests:
each false cause stays quiet, the true finding beside it still fires. Also the volume rules: one RG111
note per unknown document, the opt-in RG113, the capped text report with its summary."""

from __future__ import annotations

import datetime as dt

from refgraph.checks import formats as fmts

from .conftest import check_files, run_cli

TODAY = dt.date(2026, 11, 23)
HEAD = "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\nSố: 11/KH-UBND\n\nHà Tĩnh, ngày 02 tháng 12 năm 2025\n\nKẾ HOẠCH\n\n"


def run(tmp_path, files: dict[str, str], **kw):
    return check_files(tmp_path, files, today=TODAY, **kw)


def codes_of(ds, code):
    return [d for d in ds if d.code == code]


def test_unknown_documents_are_one_note_each_with_a_count(tmp_path):
    text = "Thực hiện Chỉ thị số 99-CT/TW ngày 05/5/2021 của Ban Bí thư. Tiếp tục Chỉ thị số 99-CT/TW.\n"
    ds = run(tmp_path, {"a.md": text, "b.md": text})
    (d,) = codes_of(ds, "RG111")
    assert d.severity == "note" and "cited 4 time(s) in 2 file(s)" in d.message
    closed = run(tmp_path / "c", {"a.md": text}, closed=True)
    assert [d.severity for d in codes_of(closed, "RG111")] == ["error"]


def test_malformed_numbers(tmp_path):
    ds = run(
        tmp_path,
        {
            "a.md": HEAD + "Căn cứ Nghị định số 100/20254/NĐ-CP của Chính phủ; Nghị định số 184/2025/NĐ-CPP; "
            "Luật Đấu thầu số 22/2023/OH15; Công văn số 1239/BGDĐTT-QLCL.\n",
            "b.md": "Theo Nghị quyết số 8/07/NQNS-TW ngày 18-5-1984 của Bộ Chính trị; Công văn số "
            "9086/BNV-CTTN ngày 08/10/2025; Công văn số 2249/KHH-NVDTPC ngày 31/10/2025.\n",
        },
    )
    found = {d.key: d.fix for d in codes_of(ds, "RG116")}
    assert found == {
        "100/20254/NĐ-CP": None,
        "184/2025/NĐ-CPP": "184/2025/NĐ-CP",
        "22/2023/OH15": "22/2023/QH15",
        "1239/BGDĐTT-QLCL": "1239/BGDĐT-QLCL",
    }
    # an old Party number has no year in its middle slot: neither malformed nor a year mismatch
    assert not [d for d in ds if d.file.endswith("b.md") and d.code in ("RG105", "RG116")]


def test_footnote_marks_glued_to_a_year(tmp_path):
    ds = run(
        tmp_path,
        {
            "a.md": "Theo Luật Nhà ở số 27/2023/QH15 ngày 27 tháng 11 năm 20238 thì người mua được hỗ trợ.\n"
            "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/20205 của Chính phủ.\n"
        },
    )
    assert [d.key for d in codes_of(ds, "RG106")] == ["118/2025/NĐ-CP"]


def test_nonstandard_forms_skip_line_wraps_and_old_documents(tmp_path):
    ds = run(
        tmp_path,
        {
            "a.md": "Theo Nghị quyết số 41/2023/NQ- HĐND ngày 14/7/2023 và Quyết định số 16/2024/QĐ-\n"
            "UBND ngày 11/12/2024 của tỉnh. Ngày 31 tháng 5 năm 1988, Ban Bí thư ra chỉ thị số 41/CT-TW "
            "về biên phòng. Thực hiện Nghị quyết số 28/NQ-TW ngày 25/10/2013 của Trung ương.\n"
        },
    )
    assert [d.key for d in codes_of(ds, "RG108")] == ["28-NQ/TW"]


def test_ambiguous_reference_reads_the_year_beside_it(tmp_path):
    quiet = run(
        tmp_path / "q", {"a.md": HEAD + "Thực hiện Nghị quyết số 12-NQ/TW năm 2012 của Trung ương.\n"}
    )
    assert not codes_of(quiet, "RG109")
    loud = run(tmp_path / "l", {"a.md": HEAD + "Thực hiện Nghị quyết số 12-NQ/TW của Trung ương.\n"})
    assert codes_of(loud, "RG109")


def test_unscoped_local_numbers_read_the_page(tmp_path):
    ds = run(
        tmp_path,
        {
            "hcm.md": "# Lịch nghỉ Tết của học sinh TP.HCM\n\nTheo Công văn 8052/UBND-VX ngày 20/12/2024, học "
            "sinh được nghỉ 11 ngày.\n",
            "du.md": "Theo Báo cáo số 21-BC/ĐU ngày 15/5/2025 của Đảng ủy Chính phủ, bộ máy đã ổn định.\n",
            "none.md": "Theo Công văn 6620/UBND-VX năm 2025, cán bộ nghỉ Tết 9 ngày.\n",
        },
    )
    assert [d.file.rsplit("/", 1)[-1] for d in codes_of(ds, "RG110")] == ["none.md"]


def test_short_forms_are_opt_in_and_read_the_page(tmp_path):
    files = {
        "a.md": HEAD
        + "Căn cứ Nghị định số 73/2024/NĐ-CP của Chính phủ. Mức thưởng theo Nghị định 73 như sau. "
        "Theo Luật Công nghiệp công nghệ số 2025, doanh nghiệp được ưu đãi. Thực hiện Đề án số 09 của tỉnh.\n"
    }
    assert not codes_of(run(tmp_path / "d", files), "RG113")
    ds = run(tmp_path / "s", files, select=["RG113"])
    assert [d.text for d in codes_of(ds, "RG113")] == ["Đề án số 09"]


def test_same_file_crawled_twice_is_no_duplicate_identity(tmp_path):
    doc = HEAD.replace("11/KH-UBND", "21-CT/TU") + "Chỉ thị về an ninh.\n"
    assert not codes_of(run(tmp_path / "t", {"a.md": doc, "b.md": doc + "\n"}), "RG114")
    other = HEAD.replace("11/KH-UBND", "21-CT/TU") + "Chỉ thị về trật tự an toàn giao thông trên địa bàn.\n"
    assert codes_of(run(tmp_path / "o", {"a.md": doc, "b.md": other}), "RG114")


def test_type_words_with_known_reasons(tmp_path):
    ds = run(
        tmp_path,
        {
            "a.md": "Công văn 5642/CT-CS năm 2025 về tiền sử dụng đất. Thông tri số 04/TT-MTTW-BTT về bầu cử. "
            "Văn bản hợp nhất Luật Đầu tư số 134/VBHN-VPQH. Thông tư 89-TC/TCT năm 1993 về thuế. "
            "Bộ luật Dân sự; Sắc luật số 030/TT/SLU. Thực hiện Nghị quyết số 15/CT-TTg ngày 17/6/2014.\n"
        },
    )
    assert [d.key for d in codes_of(ds, "RG115")] == ["15/CT-TTg"]


def test_catalog_issuer_from_another_phrase(tmp_path):
    ds = run(
        tmp_path,
        {
            "a.md": "Ban Chỉ đạo tổng kết việc thực hiện Nghị quyết số 18-NQ/TW của Chính phủ có Công văn "
            "số 31/CV-BCĐ.\n",
            "b.md": "Thực hiện Chỉ thị số 46-CT/TW, ngày 22/6/2015 của Ban Bí thư.\n",
        },
    )
    assert [d.file.rsplit("/", 1)[-1] for d in codes_of(ds, "RG102")] == ["b.md"]


def test_anachronism_needs_a_dateline(tmp_path):
    body = "Căn cứ Nghị định số 255/2025/NĐ-CP ngày 29/9/2025 của Chính phủ.\n"
    page = "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 đã có hiệu lực.\n\n" + body
    assert not codes_of(run(tmp_path / "p", {"a.md": page}), "RG103")
    dated = HEAD.replace("02 tháng 12 năm 2025", "16 tháng 6 năm 2025") + body
    assert codes_of(run(tmp_path / "d", {"a.md": dated}), "RG103")


def test_text_report_is_capped_with_a_summary(tmp_path, capsys):
    lines = [f"Thực hiện Nghị quyết số {n}/NQ-TW ngày 05/9/2019 của Bộ Chính trị." for n in range(40, 70)]
    ds = run(tmp_path, {"a.md": "\n".join(lines) + "\n"})
    assert len(ds) > fmts.SHOWN
    fmts.print_text(ds)
    out = capsys.readouterr().out
    assert out.count("RG108 nonstandard-form:") == fmts.SHOWN
    assert "By rule:" in out and "more finding(s) not shown" in out
    assert "Most-cited unknown documents" in out
    r = run_cli("check", tmp_path / "docs", "--all", "--fail-on", "never")
    assert r.stdout.count("RG108 nonstandard-form:") == 30
