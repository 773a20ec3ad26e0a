"""Status statements (replaced, repealed, amended), `refgraph status` and the superseded-basis rule RG117.

The documents are written for these tests: a chain of three decisions each replacing the one before, a
circular repealing two circulars by a list, and an amendment that only a third text reports, in the
title of the document it cites.
"""

from __future__ import annotations

import datetime as dt
import json

from refgraph.builder import collect
from refgraph.checks import check_collected
from refgraph.status import statements

from .conftest import run_cli

TODAY = dt.date(2026, 11, 23)


def header(org: str, number: str, place: str, day: str, kind: str, title: str) -> str:
    return f"{org}\n\nSố: {number}\n\n{place}, ngày {day}\n\n{kind}\n{title}\n\n"


CHAIN = {
    "a.md": header(
        "THỦ TƯỚNG CHÍNH PHỦ", "10/2010/QĐ-TTg", "Hà Nội", "05 tháng 3 năm 2010", "QUYẾT ĐỊNH", "Về kho mẫu"
    )
    + "Điều 1. Ban hành kèm theo Quyết định này Quy chế kho mẫu.\n",
    "b.md": header(
        "THỦ TƯỚNG CHÍNH PHỦ", "20/2015/QĐ-TTg", "Hà Nội", "10 tháng 6 năm 2015", "QUYẾT ĐỊNH", "Về kho mẫu"
    )
    + "Điều 5. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2015 và thay thế Quyết định "
    "số 10/2010/QĐ-TTg ngày 05 tháng 3 năm 2010 của Thủ tướng Chính phủ.\n",
    "c.md": header(
        "THỦ TƯỚNG CHÍNH PHỦ", "30/2020/QĐ-TTg", "Hà Nội", "20 tháng 2 năm 2020", "QUYẾT ĐỊNH", "Về kho mẫu"
    )
    + "Điều 4. Quyết định này có hiệu lực từ ngày 01 tháng 4 năm 2020. Quyết định này thay thế Quyết định "
    "số 20/2015/QĐ-TTg ngày 10 tháng 6 năm 2015 của Thủ tướng Chính phủ.\n",
}

RELIES_LATE = header(
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "15/KH-UBND", "Hà Tĩnh", "12 tháng 5 năm 2021", "KẾ HOẠCH", "Về kiểm kê"
) + (
    "Căn cứ Quyết định số 10/2010/QĐ-TTg ngày 05 tháng 3 năm 2010 của Thủ tướng Chính phủ về kho mẫu;\n\n"
    "Căn cứ Nghị định số 38/2010/NĐ-CP ngày 07 tháng 4 năm 2010 của Chính phủ sửa đổi, bổ sung một số điều "
    "của Quyết định số 142/2008/QĐ-TTg ngày 14 tháng 10 năm 2008 của Thủ tướng Chính phủ;\n"
)

RELIES_EARLY = (
    header(
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "07/KH-UBND",
        "Hà Tĩnh",
        "03 tháng 4 năm 2014",
        "KẾ HOẠCH",
        "Về kiểm kê",
    )
    + "Căn cứ Quyết định số 10/2010/QĐ-TTg ngày 05 tháng 3 năm 2010 của Thủ tướng Chính phủ về kho mẫu;\n"
)

REPEAL_LIST = header(
    "BỘ TÀI CHÍNH", "12/2019/TT-BTC", "Hà Nội", "01 tháng 3 năm 2019", "THÔNG TƯ", "Về phí lưu kho"
) + (
    "Điều 3. Bãi bỏ các văn bản sau:\n- Thông tư số 05/2012/TT-BTC ngày 10 tháng 1 năm 2012 của Bộ Tài "
    "chính;\n- Thông tư số 07/2013/TT-BTC ngày 15 tháng 1 năm 2013 của Bộ Tài chính.\n"
)

RELIES_ON_REPEALED = (
    header(
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "40/QĐ-UBND", "Nghệ An", "02 tháng 6 năm 2020", "QUYẾT ĐỊNH", "Về phí"
    )
    + "Căn cứ Thông tư số 07/2013/TT-BTC ngày 15 tháng 1 năm 2013 của Bộ Tài chính;\n"
)

REPEALS_PART = (
    header("BỘ TÀI CHÍNH", "30/2021/TT-BTC", "Hà Nội", "01 tháng 3 năm 2021", "THÔNG TƯ", "Về phí lưu kho")
    + "Điều 2. Bãi bỏ khoản 2 Điều 4 của Thông tư số 44/2016/TT-BTC ngày 10 tháng 3 năm 2016.\n"
)


def corpus(tmp_path, files: dict[str, str]):
    root = tmp_path / "docs"
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def by_subject(col) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in statements(col):
        out.setdefault(s.subject, []).append(s)
    return out


def test_replace_chain_of_three(tmp_path):
    col = collect([corpus(tmp_path, {**CHAIN, "d.md": RELIES_LATE, "e.md": RELIES_EARLY})])
    st = by_subject(col)
    (first,) = st["10/2010/QĐ-TTg"]
    assert (first.kind, first.by, first.since, first.reported) == (
        "replaced",
        "20/2015/QĐ-TTg",
        "2015-08-01",  # the effective date the replacing decision states, not its signing date
        False,
    )
    (second,) = st["20/2015/QĐ-TTg"]
    assert (second.kind, second.by, second.since) == ("replaced", "30/2020/QĐ-TTg", "2020-04-01")
    assert "30/2020/QĐ-TTg" not in st
    found = [d for d in check_collected(col, today=TODAY) if d.code == "RG117"]
    # the plan of 2021 relies on the 2010 decision: two replacements later, the fix is the 2020 one
    assert [(d.file.rsplit("/", 1)[-1], d.key, d.fix) for d in found] == [
        ("d.md", "10/2010/QĐ-TTg", "30/2020/QĐ-TTg")
    ]
    assert found[0].severity == "error" and "b.md" in found[0].message


def test_repeal_by_list_and_citing_to_repeal(tmp_path):
    col = collect([corpus(tmp_path, {"r.md": REPEAL_LIST, "q.md": RELIES_ON_REPEALED, "p.md": REPEALS_PART})])
    st = by_subject(col)
    for key in ("05/2012/TT-BTC", "07/2013/TT-BTC"):
        (s,) = st[key]
        assert (s.kind, s.by, s.partial) == ("repealed", "12/2019/TT-BTC", False)
    # repealing one clause leaves the circular in force, amended
    (part,) = st["44/2016/TT-BTC"]
    assert (part.kind, part.partial) == ("amended", True)
    found = [d for d in check_collected(col, today=TODAY) if d.code == "RG117"]
    # the repealing circular cites both to repeal them: no finding there; the 2020 decision relies on one
    assert [(d.file.rsplit("/", 1)[-1], d.key, d.fix) for d in found] == [("q.md", "07/2013/TT-BTC", None)]


def test_amendment_reported_in_a_title(tmp_path):
    col = collect([corpus(tmp_path, {"d.md": RELIES_LATE})])
    (s,) = by_subject(col)["142/2008/QĐ-TTg"]
    assert (s.kind, s.by, s.reported) == ("amended", "38/2010/NĐ-CP", True)
    assert s.file.endswith("d.md") and s.line > 1


def test_passive_question_and_denial(tmp_path):
    page = (
        "# Bạn đọc hỏi\n\nThông tư 21/2016/TT-BXD có bị thay thế bởi Thông tư 08/2024/TT-BXD không?\n\n"
        "Trả lời: Thông tư 30/2015/TT-BXD được thay thế bởi Thông tư 08/2024/TT-BXD kể từ ngày 15/7/2024.\n"
    )
    st = by_subject(collect([corpus(tmp_path, {"page.md": page})]))
    assert "21/2016/TT-BXD" not in st  # a question says nothing
    (s,) = st["30/2015/TT-BXD"]
    assert (s.kind, s.by, s.reported) == ("replaced", "08/2024/TT-BXD", True)


def test_status_command(tmp_path):
    root = corpus(tmp_path, {**CHAIN, "d.md": RELIES_LATE})
    db = tmp_path / "g.db"
    assert run_cli("build", root, "--db", db).returncode == 0
    r = run_cli("status", "Quyết định 10/2010/QĐ-TTg", "--db", db)
    assert r.returncode == 0, r.stderr
    assert "replaced" in r.stdout and "20/2015/QĐ-TTg" in r.stdout and "b.md" in r.stdout
    assert "in force in its place today: 30/2020/QĐ-TTg" in r.stdout
    data = json.loads(run_cli("status", "142/2008/QĐ-TTg", "--db", db, "--json").stdout)
    assert data["status"] == "amended" and data["statements"][0]["reported"] is True
    assert (
        json.loads(run_cli("status", "30/2020/QĐ-TTg", "--db", db, "--json").stdout)["status"] == "in force"
    )
    bad = run_cli("status", "99/2099/QĐ-TTg", "--db", db)
    assert bad.returncode == 2 and "unknown document" in bad.stderr and "Traceback" not in bad.stderr
