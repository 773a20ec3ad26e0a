"""Each row of the README's bad-input table: one clear line, the right exit code, no traceback, and a
store that stays whole."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import zipfile

import pytest

from refgraph.builder import build
from refgraph.sources import InputError, read_source

from .conftest import DATA, run_cli

cli = run_cli


def one_clear_line(r, code=2, contains=""):
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert lines and contains in lines[0], r.stderr
    return lines[0]


def test_missing_path(tmp_path):
    one_clear_line(cli("extract", tmp_path / "nope.txt"), 2, "no such file")
    one_clear_line(cli("build", tmp_path / "nope", "--db", tmp_path / "g.db"), 2, "no such file")


def test_directory_with_nothing_readable(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "image.png").write_bytes(b"\x89PNG\r\n")
    one_clear_line(cli("extract", d), 2, "no readable documents")
    one_clear_line(cli("build", d, "--db", tmp_path / "g.db"), 2, "no readable documents")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"   \n\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file"),
        ("latin.txt", "Résumé café naïve".encode("latin-1") * 3, "not valid UTF-8"),
        (
            "vni.txt",
            "Thöïc hieän Chæ thò soá 15/CT-TTg cuûa Thuû töôùng vaø caùc ngaøy naêm".encode("cp1252"),
            "VNI",
        ),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "libreoffice --headless --convert-to docx"),
        ("x.odt", b"PK\x03\x04", "convert-to docx"),
        ("bad.pdf", b"%PDF-1.4\n garbage garbage", "PDF"),
        ("bad.docx", b"PK\x03\x04 not really a zip", "not a valid .docx"),
    ],
)
def test_unreadable_file(tmp_path, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    one_clear_line(cli("extract", f), 2, message)


def test_huge_file_is_refused_by_size(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100 * 1024 * 1024)
    one_clear_line(cli("extract", f), 2, "too large (104.9 MB > 64 MB)")


def test_one_line_of_a_million_characters(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("lorem ipsum " * 83_333 + "Thực hiện Chỉ thị số 15/CT-TTg ngày 17/6/2014.", encoding="utf-8")
    r = cli("extract", f, "-f", "jsonl")
    assert r.returncode == 0, r.stderr
    (row,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert row["key"] == "15/CT-TTg" and row["line"] == 1 and row["start"] > 999_000


def test_zip_bomb_posing_as_docx(tmp_path):
    f = tmp_path / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\x00" * (30 * 1024 * 1024))
    assert f.stat().st_size < 200_000
    one_clear_line(cli("extract", f), 2, "zip bomb")


def test_pdf_without_text_layer(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    f = tmp_path / "scan.pdf"
    f.write_bytes(buf.getvalue())
    one_clear_line(cli("extract", f), 2, "no text layer")


def test_file_disappearing_mid_build(tmp_path, monkeypatch):
    import refgraph.builder as b

    corpus = tmp_path / "c"
    shutil.copytree(DATA / "corpus", corpus)
    real = b.iter_paths

    def listing_then_vanish(paths):
        found, problems = real(paths)
        (corpus / "ha-tinh" / "kh-88-kh-tu.md").unlink()  # gone between the listing and the read
        return found, problems

    monkeypatch.setattr(b, "iter_paths", listing_then_vanish)
    report = build([corpus], db=tmp_path / "g.db", jobs=1)
    assert report.files == 10
    assert any("disappeared" in s for s in report.skipped)


def test_symlink_loop(tmp_path):
    corpus = tmp_path / "c"
    shutil.copytree(DATA / "corpus" / "ha-tinh", corpus)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    r = cli("build", corpus, "--db", tmp_path / "g.db", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["files"] == 5


def test_no_permission_to_read(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("Chỉ thị số 15/CT-TTg", encoding="utf-8")
    if os.geteuid() != 0:
        f.chmod(0)
        one_clear_line(cli("extract", f), 2, "permission denied")
        return
    # root reads everything: simulate the refusal the operating system would give
    from pathlib import Path

    real = Path.read_bytes

    def refuse(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_source(f)


def test_no_permission_to_write_the_store(tmp_path, monkeypatch):
    ro = tmp_path / "ro"
    ro.mkdir()
    if os.geteuid() != 0:
        ro.chmod(0o500)
        one_clear_line(cli("build", "--db", ro / "g.db"), 2, "no permission to write")
        return
    import refgraph.store as st

    monkeypatch.setattr(st.os, "access", lambda path, mode: False)
    with pytest.raises(InputError, match="no permission to write"):
        build(None, db=ro / "g.db", jobs=1)


def test_full_disk_leaves_the_previous_graph(tmp_path, monkeypatch):
    import refgraph.store as st

    db = tmp_path / "g.db"
    build([DATA / "corpus" / "ha-tinh"], db=db, jobs=1)
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    real = st._connect

    def small_disk(path):
        conn = real(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLite's own "database or disk is full"
        return conn

    monkeypatch.setattr(st, "_connect", small_disk)
    with pytest.raises(InputError, match="disk full; the previous graph is intact"):
        build([DATA / "corpus"], db=db, jobs=1)
    after = sqlite3.connect(db).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert after == before


def test_unknown_id(tmp_path):
    db = tmp_path / "g.db"
    assert cli("build", "--db", db).returncode == 0
    one_clear_line(cli("show", "999-XX/YY", "--db", db), 2, "unknown document")
