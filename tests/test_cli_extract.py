from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from refgraph.cli import app

from .conftest import ROOT, run_cli


def to_cp1258(s: str) -> bytes:
    """Windows-1258 has the base letters (ă, â, ê, ô, ơ, ư, đ) but writes tone marks as combining characters."""
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        shape = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out += shape.encode("cp1258") + "".join(c for c in d if c in tones).encode("cp1258")
    return bytes(out)


run = run_cli


@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "ct.txt"
    p.write_text("Thực hiện Chỉ thị số 15/CT-TTg ngày 17/6/2014 của Thủ tướng Chính phủ.\n", encoding="utf-8")
    return p


def test_jsonl(doc):
    r = run("extract", str(doc), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    (row,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert row["key"] == "15/CT-TTg"
    assert row["date"] == "2014-06-17"
    assert row["file"] == str(doc)
    assert row["relation"] == "implements"
    assert (row["start"], row["end"], row["line"]) == (10, 30, 1)


def test_json_and_table(doc):
    from typer.testing import CliRunner

    r = CliRunner().invoke(app, ["extract", str(doc), "-f", "json"])
    assert r.exit_code == 0
    assert json.loads(r.stdout)[0]["key"] == "15/CT-TTg"
    r = CliRunner().invoke(app, ["extract", str(doc)])
    assert r.exit_code == 0
    assert "15/CT-TTg" in r.stdout and "1 mention(s)" in r.stdout


def test_explain_names_the_rule_behind_each_field(doc):
    from typer.testing import CliRunner

    r = CliRunner().invoke(app, ["extract", str(doc), "--format", "explain"], env={"COLUMNS": "240"})
    assert r.exit_code == 0
    assert "why" in r.stdout and "phrase 'Thực hiện'" in r.stdout
    row = json.loads(run("extract", str(doc), "--format", "jsonl").stdout)
    assert any(w.startswith("relation: phrase") for w in row["why"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"Ch\xfa\xfb\xff th\x81 " * 3, "not valid UTF-8"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = run("extract", str(p))
    assert r.returncode == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_missing_path(tmp_path):
    r = run("extract", str(tmp_path / "nope.txt"))
    assert r.returncode == 2
    assert "no such file" in r.stderr and "Traceback" not in r.stderr


def test_windows_1258_is_detected(tmp_path):
    text = "Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15/7/2013 của Chính phủ về quản lý dịch vụ internet."
    p = tmp_path / "cp.txt"
    p.write_bytes(to_cp1258(text))
    r = run("extract", str(p), "-f", "jsonl", "-v")
    assert r.returncode == 0, r.stderr
    assert "cp1258" in r.stderr
    assert json.loads(r.stdout.splitlines()[0])["key"] == "72/2013/NĐ-CP"


def test_grammar_ships_in_the_wheel(tmp_path):
    pytest.importorskip("hatchling")
    out = tmp_path / "wheel"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    (wheel,) = out.glob("refgraph-*.whl")
    with zipfile.ZipFile(wheel) as z:
        assert "refgraph/grammar/citation.lark" in z.namelist()
        assert "refgraph/data/catalog.tsv" in z.namelist()
        z.extractall(tmp_path / "site")
    # the unpacked wheel, run from elsewhere, finds its own grammar (not the checkout's)
    code = "import refgraph.grammar as g, refgraph; print(refgraph.__file__); print(len(refgraph.extract('Chỉ thị số 15/CT-TTg')))"
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert str(tmp_path / "site") in r.stdout and r.stdout.strip().endswith("1")
    # and `refgraph build` with no arguments builds the sample corpus shipped inside the wheel
    work = tmp_path / "elsewhere"
    work.mkdir()
    r = subprocess.run(
        [sys.executable, "-m", "refgraph.cli", "build", "--json"],
        capture_output=True,
        text=True,
        cwd=work,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["in_corpus"] >= 10 and (work / "refgraph.db").is_file()


def test_compiled_and_pure_parsers_agree(tmp_path):
    """lark-cython (when installed) and pure Lark must give identical mentions."""
    import os

    pytest.importorskip("lark_cython")
    sample = ROOT / "data" / "corpus"
    outs = []
    for pure in ("", "1"):
        env = {k: v for k, v in os.environ.items() if k != "REFGRAPH_PURE_PYTHON"}
        if pure:
            env["REFGRAPH_PURE_PYTHON"] = pure
        r = subprocess.run(
            [sys.executable, "-m", "refgraph.cli", "extract", str(sample), "-f", "jsonl"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        outs.append(r.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") > 20


def test_library_api(tmp_path):
    import refgraph

    (tmp_path / "a.md").write_text(
        "---\ntitle: Chỉ thị số 99-CT/TW giả\n---\nThực hiện Chỉ thị số 15/CT-TTg.\n", encoding="utf-8"
    )
    report = refgraph.build([tmp_path], db=tmp_path / "g.db", jobs=1)
    assert report.files == 1
    with refgraph.Graph(tmp_path / "g.db") as g:
        assert g.find("15/CT-TTg") == "15/CT-TTg"
    assert "15/CT-TTg" in refgraph.open_graph(tmp_path / "g.db")
    assert isinstance(refgraph.check([tmp_path]), list)
    # front matter is metadata, not text: the extract command does not read citations in it
    r = run("extract", tmp_path / "a.md", "-f", "jsonl")
    assert [json.loads(x)["key"] for x in r.stdout.splitlines()] == ["15/CT-TTg"]
