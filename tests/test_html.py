"""The HTML view in a real browser (headless Chromium from Debian's packages), and annotate."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import DATA, ROOT, run_cli

cli = run_cli


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium")
    if path is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["bash", str(ROOT / "scripts" / "install-test-browser.sh")], capture_output=True, timeout=900
        )
        path = shutil.which("chromium")
    if path is None:
        pytest.skip("no Chromium (run scripts/install-test-browser.sh as root)")
    pytest.importorskip(
        "playwright.sync_api", reason="playwright is in the test extras: pip install -e '.[test]'"
    )
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("html")
    corpus = root / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    # a hostile title: it must show as text, never run
    (corpus / "xss.md").write_text(
        '---\nkey: 99-CT/TU\nprovince: Hà Tĩnh\ndate: 2024-01-02\ntitle: <script>window.pwned=1</script><img src=x onerror="window.pwned=2">\n---\n'
        "Thực hiện Kế hoạch số 88-KH/TU, ngày 15/02/2023 của Ban Thường vụ Tỉnh ủy.\n",
        encoding="utf-8",
    )
    path = root / "g.db"
    r = cli("build", corpus, "--db", path, "--jobs", 1)
    assert r.returncode == 0, r.stderr
    return path


def open_page(chromium_path, page_file):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        try:
            page = browser.new_page()
            errors, requests = [], []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("window.refgraph && window.refgraph.settled === true", timeout=60000)
            state = page.evaluate("""() => ({
                nodes: network.body.data.nodes.length,
                edges: network.body.data.edges.length,
                physics: network.physics.options.enabled,
                pwned: window.pwned === undefined ? null : window.pwned,
                titles: network.body.data.nodes.get().map(n => typeof n.title === 'string' ? n.title : n.title.textContent),
            })""")
            return state, errors, [u for u in requests if not u.startswith("file:")]
        finally:
            browser.close()


def test_whole_graph_page(chromium, db, tmp_path):
    out = tmp_path / "g.html"
    r = cli("html", "--db", db, "-o", out)
    assert r.returncode == 0, r.stderr
    import json

    stats = json.loads(cli("stats", "--json", "--db", db).stdout)
    state, errors, requests = open_page(chromium, out)
    assert errors == [] and requests == []
    assert state["nodes"] == stats["documents"]
    edges_expected = len(
        {
            (e["source"], e["target"], e["relation"])
            for e in json.loads(cli("export", "-f", "json", "--db", db).stdout)["links"]
        }
    )
    assert state["edges"] == edges_expected
    assert state["physics"] is False  # settled, then stopped
    assert state["pwned"] is None
    assert any("<script>window.pwned=1</script>" in t for t in state["titles"])


def test_neighbourhood_page(chromium, db, tmp_path):
    out = tmp_path / "n.html"
    r = cli("html", "46-CT/TW", "--down", "--depth", "1", "--db", db, "-o", out, "--color-by", "level")
    assert r.returncode == 0, r.stderr
    state, errors, requests = open_page(chromium, out)
    assert errors == [] and requests == []
    assert state["nodes"] == 5  # 46-CT/TW and the four that implement it directly


def test_too_large_is_refused_with_advice(db, tmp_path):
    r = cli("html", "--db", db, "-o", tmp_path / "x.html", "--max-nodes", "5")
    assert r.returncode == 2 and "refgraph html KEY --depth" in r.stderr
    assert not (tmp_path / "x.html").exists()


def test_page_is_self_contained(db, tmp_path):
    out = tmp_path / "s.html"
    assert cli("html", "--db", db, "-o", out).returncode == 0
    html = out.read_text(encoding="utf-8")
    import re

    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?:", html)
    assert "vis.Network" in html and "refgraph-legend" in html


def test_annotate(tmp_path, seeds_dir):
    out = tmp_path / "a.html"
    r = cli("annotate", seeds_dir / "004_c3be2a4780cf4a96.txt", "-o", out)
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    # four numbered citations, one scheme by name ("Đề án Mỗi xã một sản phẩm"), the legend's four swatches
    assert html.count("<mark ") == 4 + 1 + 4
    assert (
        'class="bad"' in html and "RG102" in html and "RG103" in html
    )  # one file: the catalog, not the corpus, disagrees
    assert 'data-key="15-KL/TW"' in html


def test_annotate_escapes(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(
        "<b>Thực hiện</b> Chỉ thị số 15/CT-TTg ngày 17/6/2014 & <script>x()</script>\n", encoding="utf-8"
    )
    assert cli("annotate", f).returncode == 0
    html = (tmp_path / "x.txt.html").read_text(encoding="utf-8")
    assert "<script>x()" not in html and "&lt;script&gt;x()" in html and "&lt;b&gt;" in html
