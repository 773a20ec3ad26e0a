"""`refgraph check`: every rule fires on broken text and stays quiet on correct text; the formats."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from refgraph.checks import check, fails
from refgraph.checks import formats as fmts
from refgraph.checks.rules import RULES

from .conftest import SHARED, run_cli

TODAY = dt.date(2026, 11, 23)


def findings(
    tmp_path,
    files: dict[str, str],
    *,
    catalog=None,
    closed=False,
    province="Hà Tĩnh",
    date="2025-01-01",
    select=None,
):
    root = tmp_path / "docs"
    root.mkdir(parents=True, exist_ok=True)
    fields = [f"{k}: {v}" for k, v in (("province", province), ("date", date)) if v]
    head = "---\n" + "\n".join(fields) + "\n---\n" if fields else ""
    for name, text in files.items():
        (root / name).write_text(head + text, encoding="utf-8")
    cats = catalog if catalog is not None else None
    return check([root], cats, closed=closed, today=TODAY, select=select)


def codes(ds):
    return sorted({d.code for d in ds})


CASES = [
    # code, broken text, correct text, options
    (
        "RG101",
        {
            "a.md": "Thực hiện Nghị quyết số 51-NQ/TW, ngày 05/9/2019 của Bộ Chính trị.",
            "b.md": "Thực hiện Nghị quyết số 51-NQ/TW, ngày 15/8/2019 của Bộ Chính trị.",
        },
        {
            "a.md": "Thực hiện Nghị quyết số 51-NQ/TW, ngày 05/9/2019 của Bộ Chính trị.",
            "b.md": "Quán triệt Nghị quyết số 51-NQ/TW, ngày 05/9/2019.",
        },
        {},
    ),
    (
        "RG102",
        {"a.md": "Thực hiện Nghị quyết số 35-NQ/TW, ngày 23/10/2018 của Bộ Chính trị."},
        {"a.md": "Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị."},
        {},
    ),
    (
        "RG102",
        {"a.md": "Thực hiện Chỉ thị số 46-CT/TW, ngày 22/6/2015 của Ban Bí thư."},
        {"a.md": "Thực hiện Chỉ thị số 46-CT/TW, ngày 22/6/2015 của Bộ Chính trị."},
        {},
    ),
    (
        "RG103",
        {"a.md": "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị."},
        {"a.md": "Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị."},
        {"date": ("2020-01-01", "2025-02-01")},
    ),
    (
        "RG103",
        {
            "a.md": "Thực hiện Kết luận số 15-KL/TW ngày 30/9/2001 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện "
            "Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị."
        },
        {
            "a.md": "Thực hiện Kết luận số 15-KL/TW ngày 30/9/2021 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện "
            "Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị."
        },
        {"catalog": []},
    ),
    (
        "RG104",
        {"a.md": "Thực hiện Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị khóa XII."},
        {"a.md": "Thực hiện Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị khóa XI."},
        {},
    ),
    (
        "RG105",
        {"a.md": "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15/7/2014 của Chính phủ."},
        {"a.md": "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15/7/2013 của Chính phủ."},
        {},
    ),
    (
        "RG106",
        {"a.md": "Thực hiện Chỉ thị số 31-CT/TW ngày 31/02/2020 của Ban Bí thư."},
        {"a.md": "Thực hiện Chỉ thị số 31-CT/TW ngày 28/02/2020 của Ban Bí thư."},
        {},
    ),
    (
        "RG107",
        {"a.md": "Thực hiện Chỉ thị số 31-CT/TW ngày 28/02/2099 của Ban Bí thư."},
        {"a.md": "Thực hiện Chỉ thị số 31-CT/TW ngày 28/02/2020 của Ban Bí thư."},
        {},
    ),
    (
        "RG108",
        {"a.md": "Thực hiện Nghị quyết số 28/NQ-TW ngày 25/10/2013."},
        {"a.md": "Thực hiện Nghị quyết số 28-NQ/TW ngày 25/10/2013."},
        {},
    ),
    (
        "RG109",
        {"a.md": "Thực hiện Nghị quyết số 12-NQ/TW của Trung ương."},
        {"a.md": "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị."},
        {},
    ),
    (
        "RG110",
        {"a.md": "Thực hiện Chỉ thị số 02-CT/TU ngày 05/5/2021 của Ban Thường vụ Tỉnh ủy."},
        {"a.md": "Thực hiện Chỉ thị số 02-CT/TU ngày 05/5/2021 của Ban Thường vụ Tỉnh ủy."},
        {"province": (None, "Hà Tĩnh")},
    ),
    (
        "RG111",
        {"a.md": "Thực hiện Chỉ thị số 99-CT/TW ngày 05/5/2021 của Ban Bí thư."},
        {"a.md": "Thực hiện Chỉ thị số 23-CT/TW ngày 25/5/2023 của Ban Bí thư."},
        {},
    ),
    (
        "RG112",
        {
            "a.md": "Kết quả thực hiện Chỉ thị 07 còn hạn chế. Thực hiện Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014 "
            "(sau đây gọi tắt là Chỉ thị 07)."
        },
        {
            "a.md": "Thực hiện Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014 (sau đây gọi tắt là Chỉ thị 07). Kết quả "
            "thực hiện Chỉ thị 07 còn hạn chế."
        },
        {},
    ),
    (
        "RG113",
        {"a.md": "Số: 12/KH-UBND\n\nThực hiện có hiệu quả Đề án số 09 của Chính phủ."},
        {"a.md": "Số: 12/KH-UBND\n\nThực hiện có hiệu quả Đề án số 06 của Chính phủ."},
        {},
    ),
    (
        "RG115",
        {"a.md": "Thực hiện Nghị quyết số 15/CT-TTg ngày 17/6/2014 của Thủ tướng Chính phủ."},
        {"a.md": "Thực hiện Chỉ thị số 15/CT-TTg ngày 17/6/2014 của Thủ tướng Chính phủ."},
        {},
    ),
    (
        "RG114",
        {"a.md": "Số: 21-CT/TU\n\nChỉ thị về an ninh.", "b.md": "Số: 21-CT/TU\n\nChỉ thị về trật tự."},
        {"a.md": "Số: 21-CT/TU\n\nChỉ thị về an ninh.", "b.md": "Số: 22-CT/TU\n\nChỉ thị về trật tự."},
        {},
    ),
]


@pytest.mark.parametrize(
    ("code", "broken", "correct", "opts"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_fires_and_stays_quiet(tmp_path, code, broken, correct, opts):
    kw = {}
    if "catalog" in opts:
        empty = tmp_path / "empty.tsv"
        empty.write_text("key\ttype\tdate\n", encoding="utf-8")
        kw["catalog"] = [empty]
    date_bad, date_ok = opts.get("date", ("2025-01-01", "2025-01-01"))
    prov_bad, prov_ok = opts.get("province", ("Hà Tĩnh", "Hà Tĩnh"))
    kw["select"] = None if RULES[code].default else [code]  # opt-in rules run when named
    bad = findings(tmp_path / "bad", broken, date=date_bad, province=prov_bad, **kw)
    ok = findings(tmp_path / "ok", correct, date=date_ok, province=prov_ok, **kw)
    assert code in codes(bad), [(d.code, d.message) for d in bad]
    assert code not in codes(ok), [(d.code, d.message) for d in ok if d.code == code]
    d = next(x for x in bad if x.code == code)
    assert d.severity == RULES[code].severity and d.message and d.file


def test_finding_carries_location_text_key_and_fix(tmp_path):
    (d,) = [
        x
        for x in findings(
            tmp_path / "d", {"a.md": "Dòng đầu.\nThực hiện Nghị quyết số 28/NQ-TW ngày 25/10/2013."}
        )
        if x.code == "RG108"
    ]
    assert (d.line, d.column, d.end_line) == (6, 11, 6)  # 4 lines of front matter, then the text
    assert d.text == "Nghị quyết số 28/NQ-TW" and d.key == "28-NQ/TW" and d.fix == "28-NQ/TW"
    assert d.source_line[d.column - 1 : d.end_column - 1] == d.text


def test_closed_makes_unresolved_an_error(tmp_path):
    ds = findings(tmp_path / "c", {"a.md": "Thực hiện Chỉ thị số 99-CT/TW ngày 05/5/2021."}, closed=True)
    assert next(d for d in ds if d.code == "RG111").severity == "error"
    assert fails(ds, "error")


def test_seeds_acceptance(seeds_dir):
    ds = check([seeds_dir], today=TODAY)
    by = {(d.code, d.key, d.file.rsplit("/", 1)[-1]) for d in ds}
    assert ("RG101", "28-NQ/TW", "000_8aa7b9fb24859f86.txt") in by
    assert ("RG101", "15-KL/TW", "004_c3be2a4780cf4a96.txt") in by
    assert ("RG103", "46-CT/TW", "004_c3be2a4780cf4a96.txt") in by
    nonstandard = {d.text for d in ds if d.code == "RG108"}
    assert nonstandard == {"Nghị quyết số 28/NQ-TW", "Chỉ thị số 09/CT-TW", "Chỉ thị số 55 -CT/TU"}
    assert fails(ds, "error")


run = run_cli


def test_cli_exit_codes_and_github_format(seeds_dir):
    r = run("check", seeds_dir, "--format", "github")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert any(
        ln.startswith("::warning file=") and ",line=" in ln and ",col=" in ln and "RG101" in ln
        for ln in lines
    )
    assert run("check", seeds_dir, "--fail-on", "never", "-f", "json").returncode == 0
    assert run("check", seeds_dir, "--select", "RG108", "--fail-on", "error").returncode == 0
    assert run("check", seeds_dir, "--select", "RG108", "--fail-on", "warning").returncode == 1
    bad = run("check", seeds_dir, "--select", "XX1")
    assert bad.returncode == 2 and "unknown rule" in bad.stderr


def test_sarif_validates_against_the_schema(seeds_dir):
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not beside this checkout")
    doc = json.loads(fmts.to_sarif(check([seeds_dir], today=TODAY)))
    jsonschema.validate(doc, json.loads(schema_path.read_text(encoding="utf-8")))
    results = doc["runs"][0]["results"]
    assert results and all(r["ruleId"] in RULES for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_junit_is_xml_with_failures(seeds_dir):
    root = ET.fromstring(fmts.to_junit(check([seeds_dir], today=TODAY)))
    # one case per file and rule family: the seeds' errors fail the cases of the files that hold them
    assert root.tag == "testsuites" and int(root.get("failures")) == len(root.findall(".//failure")) >= 2
    empty = ET.fromstring(fmts.to_junit([]))
    assert empty.find(".//testcase") is not None and empty.find(".//failure") is None


def test_baseline_matches_by_rule_file_key_not_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    f = docs / "a.md"
    f.write_text("Thực hiện Nghị quyết số 28/NQ-TW ngày 25/10/2013.\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("check", docs, "--write-baseline", base, cwd=tmp_path).returncode == 0
    assert run("check", docs, "--baseline", base, "--fail-on", "warning", cwd=tmp_path).returncode == 0
    # edits elsewhere move the line: still known
    f.write_text(
        "Mở đầu.\n\nThêm đoạn.\n\nThực hiện Nghị quyết số 28/NQ-TW ngày 25/10/2013.\n", encoding="utf-8"
    )
    assert run("check", docs, "--baseline", base, "--fail-on", "warning", cwd=tmp_path).returncode == 0
    # a new finding is reported
    f.write_text(
        f.read_text(encoding="utf-8") + "Và Chỉ thị số 09/CT-TW ngày 01/12/2011.\n", encoding="utf-8"
    )
    r = run("check", docs, "--baseline", base, "--fail-on", "warning", "-f", "json", cwd=tmp_path)
    assert r.returncode == 1
    assert [x["key"] for x in json.loads(r.stdout)["findings"]] == ["09-CT/TW"]
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    r = run("check", docs, "--baseline", broken, cwd=tmp_path)
    assert r.returncode == 2 and "not a refgraph baseline" in r.stderr


def test_text_report_has_caret(seeds_dir):
    r = run("check", seeds_dir, "--select", "RG108")
    assert r.returncode == 0
    assert "^^^^" in r.stdout and "RG108" in r.stdout and "fix: 28-NQ/TW" in r.stdout
