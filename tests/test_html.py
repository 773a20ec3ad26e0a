"""The HTML view in a real browser (headless Chromium from Debian's packages), and annotate."""

from __future__ import annotations

import contextlib
import json
import os
import re
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


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@contextlib.contextmanager
def browser_page(chromium_path, page_file):
    """The page loaded in headless Chromium, with its console errors and network requests recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.errors, page.requests = [], []
            page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: page.errors.append(str(e)))
            page.on("request", lambda r: page.requests.append(r.url))
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("window.refgraph && window.refgraph.ready === true", timeout=60000)
            yield page
        finally:
            browser.close()


def hidden_nodes(page) -> set[str]:
    return set(page.evaluate("() => nodes.get({filter: n => n.hidden === true}).map(n => n.id)"))


def export_json(db) -> dict:
    return json.loads(cli("export", "-f", "json", "--db", db).stdout)


def test_whole_graph_page(chromium, db, tmp_path):
    out = tmp_path / "g.html"
    r = cli("html", "--db", db, "-o", out)
    assert r.returncode == 0, r.stderr
    stats = json.loads(cli("stats", "--json", "--db", db).stdout)
    with browser_page(chromium, out) as page:
        state = page.evaluate("""() => ({
            nodes: network.body.data.nodes.length,
            edges: network.body.data.edges.length,
            physics: network.physics.options.enabled,
            pwned: window.pwned === undefined ? null : window.pwned,
            labels: nodes.get().map(n => n.label),
            titles: nodes.get().map(n => typeof n.title === 'string' ? n.title : n.title.textContent),
        })""")
        # the hostile title, in the tooltip and in the card, stays text
        hostile = page.evaluate("() => nodes.get().find(n => n.label === '99-CT/TU').id")
        page.evaluate(f"() => network.focus({json.dumps(hostile)}, {{scale: 1.5, animation: false}})")
        x, y = page.evaluate(f"""() => {{
            const p = network.canvasToDOM(network.getPositions([{json.dumps(hostile)}])[{json.dumps(hostile)}]);
            const r = document.getElementById('mynetwork').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }}""")
        page.mouse.move(x + 2, y + 2)
        page.mouse.move(x, y)
        page.wait_for_function(
            "() => document.querySelector('div.vis-tooltip') && "
            "document.querySelector('div.vis-tooltip').style.visibility === 'visible'"
        )
        tip = page.evaluate("""() => {const t = document.querySelector('div.vis-tooltip');
            return {text: t.textContent, markup: t.querySelectorAll('script, img').length}}""")
        page.evaluate(f"() => window.refgraph.choose({json.dumps(hostile)})")
        card = page.evaluate("""() => ({text: document.getElementById('rg-card').textContent,
            markup: document.querySelectorAll('#rg-card script, #rg-card img').length})""")
        assert page.errors == [] and [u for u in page.requests if not u.startswith("file:")] == []
    assert state["nodes"] == stats["documents"]
    edges_expected = len({(e["source"], e["target"], e["relation"]) for e in export_json(db)["edges"]})
    assert state["edges"] == edges_expected
    assert state["physics"] is False  # the layout comes with the page
    assert state["pwned"] is None
    assert any("<script>window.pwned=1</script>" in t for t in state["titles"])
    assert "46-CT/TW" in state["labels"] and not any(x.startswith("doc_") for x in state["labels"])
    assert "<script>window.pwned=1</script>" in card["text"] and card["markup"] == 0
    assert "<script>window.pwned=1</script>" in tip["text"] and tip["markup"] == 0


@pytest.mark.parametrize("typed", ["46/CT-TW", "chi thi 46", "Chỉ thị số 46-CT/TW", "46- CT/TW"])
def test_search_selects_the_document(chromium, db, tmp_path, typed):
    out = tmp_path / "s.html"
    assert cli("html", "--db", db, "-o", out).returncode == 0
    with browser_page(chromium, out) as page:
        page.fill("#rg-search", typed)
        first = page.text_content("#rg-results li")
        page.press("#rg-search", "Enter")
        selected = page.evaluate("() => network.getSelectedNodes()")
        card = page.text_content("#rg-card h3")
        assert page.errors == []
    assert first.startswith("46-CT/TW")
    assert selected == ["46-CT/TW"] and card == "46-CT/TW"


def test_search_by_title_words_and_clicking_through(chromium, db, tmp_path):
    out = tmp_path / "t.html"
    assert cli("html", "--db", db, "-o", out).returncode == 0
    docs = {n["id"]: n for n in export_json(db)["nodes"]}
    with browser_page(chromium, out) as page:
        # words of 46-CT/TW's title, typed without diacritics
        found = page.evaluate("() => window.refgraph.search('bao dam an ninh trat tu')")
        page.evaluate("() => window.refgraph.choose('46-CT/TW')")
        heading = page.text_content("#rg-card")
        page.click("#rg-card a >> text=15-KL/TW")
        moved = page.evaluate("() => network.getSelectedNodes()")
    assert "46-CT/TW" in found
    # documents whose titles hold every word come first
    from refgraph.text import fold

    def has_all(title):
        words = re.split(r"[^a-z0-9]+", fold(title or ""))
        return all(any(w.startswith(q) for w in words) for q in ("bao", "dam", "an", "ninh", "trat", "tu"))

    # (the words are looked for in the key, the title, the issuer and the province)
    full = [
        i
        for i in found
        if has_all(" ".join(docs[i].get(f) or "" for f in ("key", "title", "issuer", "province")))
    ]
    assert full and found[: len(full)] == full
    assert "cited by (4 document(s), " in heading and "mentioned at (" in heading
    assert moved == ["15-KL/TW"]


def test_card_says_what_replaced_a_document(chromium, tmp_path):
    # two decisions of our own: the later one says it replaces the earlier
    corpus = tmp_path / "c"
    corpus.mkdir()
    head = "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: {n}\n\nHà Nội, ngày {d}\n\nQUYẾT ĐỊNH\nVề kho mẫu thử\n\n"
    (corpus / "a.md").write_text(
        head.format(n="10/2010/QĐ-TTg", d="05 tháng 3 năm 2010") + "Điều 1. Lập kho mẫu thử.\n",
        encoding="utf-8",
    )
    (corpus / "b.md").write_text(
        head.format(n="20/2015/QĐ-TTg", d="07 tháng 4 năm 2015")
        + "Điều 3. Quyết định này có hiệu lực từ ngày 01/6/2015 và thay thế Quyết định số 10/2010/QĐ-TTg "
        "ngày 05/3/2010 của Thủ tướng Chính phủ.\n",
        encoding="utf-8",
    )
    db, out = tmp_path / "s.db", tmp_path / "s.html"
    assert cli("build", corpus, "--db", db).returncode == 0
    assert cli("html", "--db", db, "-o", out).returncode == 0
    with browser_page(chromium, out) as page:
        page.evaluate("() => window.refgraph.choose('10/2010/QĐ-TTg')")
        old = page.text_content("#rg-card dl")
        page.click("#rg-card dd a >> text=20/2015/QĐ-TTg")
        new = page.text_content("#rg-card dl")
        assert page.errors == []
    assert "replaced by 20/2015/QĐ-TTg from 2015-06-01" in old
    assert "in force as far as the corpus and the catalog say" in new


def test_filters_hide_what_they_should(chromium, db, tmp_path):
    out = tmp_path / "f.html"
    assert cli("html", "--db", db, "-o", out).returncode == 0
    data = export_json(db)
    plans = {n["id"] for n in data["nodes"] if n.get("doc_type") == "Kế hoạch"}
    down = json.loads(cli("lineage", "46-CT/TW", "--down", "--json", "--db", db).stdout)

    def ids(tree):
        yield tree["id"]
        for c in tree["children"]:
            yield from ids(c)

    with browser_page(chromium, out) as page:
        page.uncheck("#rg-f-type input[value='Kế hoạch']")
        hidden_by_type = hidden_nodes(page)
        page.click("#rg-reset")
        page.uncheck("#rg-f-relation input[value='implements']")
        hidden_edges = page.evaluate("() => edges.get({filter: e => e.hidden === true}).map(e => e.relation)")
        page.click("#rg-reset")
        page.evaluate("() => window.refgraph.choose('46-CT/TW')")
        page.select_option("#rg-f-lineage", "down")
        shown = set(page.evaluate("() => nodes.get({filter: n => n.hidden !== true}).map(n => n.id)"))
        page.click("#rg-reset")
        assert hidden_nodes(page) == set() and page.errors == []
    assert plans and hidden_by_type == plans
    assert hidden_edges and set(hidden_edges) == {"implements"}
    assert shown == set(ids(down["root"]))


def test_large_graph_is_trimmed_to_the_most_cited(db, tmp_path):
    r = cli("html", "--db", db, "-o", tmp_path / "x.html", "--max-nodes", "5")
    assert r.returncode == 0, r.stderr
    assert "most-cited" in r.stderr and "(5 documents" in r.stdout
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="refgraph-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["docs"]) == 5 and "most-cited" in data["note"]
    assert "46-CT/TW" in data["docs"]  # the most cited of the sample corpus


def test_trim_takes_hubs_with_their_neighbours():
    from refgraph.models import Edge
    from refgraph.render.html import trim

    def e(s, t):
        return Edge(s, t, "cites", "f", 1, 0, 1, "")

    edges = [e("a1", "hub"), e("a2", "hub"), e("a3", "hub"), e("b1", "small"), e("a1", "small")]
    ids = ["a1", "a2", "a3", "b1", "hub", "small"]
    kept, hubs = trim(ids, edges, {"hub": 3, "small": 2}, 4)
    assert kept == {"hub", "a1", "a2", "a3"} and hubs == 1


def test_layout_places_every_node_apart_and_is_repeatable():
    from refgraph.render.html import layout

    ids = [f"n{i}" for i in range(700)] + ["lonely"]
    pairs = {(f"n{i}", f"n{i % 7}") for i in range(7, 700)} | {("n0", "n1")}
    first = layout(ids, pairs)
    assert set(first) == set(ids) and first == layout(ids, pairs)
    assert len(set(first.values())) == len(ids)


def test_a_large_page_is_ready_in_seconds(chromium, tmp_path):
    """3,000 documents citing a power law of 60 hubs: the layout comes with the page, so the browser
    draws at once instead of simulating physics for tens of seconds."""
    import datetime as dt
    import random
    import time

    from refgraph.models import Document, Edge
    from refgraph.render.html import render

    rng = random.Random(5)
    docs = {}
    for i in range(3000):
        key = f"{i}-KH/TU"
        docs[key] = Document(key, key, "Kế hoạch", dt.date(2000 + i % 25, 1, 1), path=f"f{i}.md")
    hubs = list(docs)[:60]
    edges = [
        Edge(src, hubs[min(int(rng.paretovariate(1.2)) - 1, 59)], "implements", f"f{n}.md", 3, 0, 9, "")
        for n, src in enumerate(list(docs)[60:])
        for _ in range(2)
    ]
    cited = {}
    for e in edges:
        cited[e.target] = cited.get(e.target, 0) + 1
    out = tmp_path / "big.html"
    out.write_text(render(docs, edges, cited).html, encoding="utf-8")
    start = time.monotonic()
    with browser_page(chromium, out) as page:
        ready = time.monotonic() - start
        state = page.evaluate("() => ({n: nodes.length, physics: network.physics.options.enabled})")
        assert page.errors == []
    assert state == {"n": 3000, "physics": False}
    assert ready < 20  # about 2 s on a quiet machine; generous for a loaded CI runner


def test_default_file_name_says_what_it_shows(db, tmp_path):
    r = cli("html", "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "g.html").is_file() and str(tmp_path / "g.html") in r.stdout
    r = cli("html", "46-CT/TW", "--down", "--depth", "1", "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "46-CT-TW-down-1.html").is_file() and "46-CT-TW-down-1.html" in r.stdout


def test_neighbourhood_page(chromium, db, tmp_path):
    out = tmp_path / "n.html"
    r = cli("html", "46-CT/TW", "--down", "--depth", "1", "--db", db, "-o", out, "--color-by", "level")
    assert r.returncode == 0, r.stderr
    with browser_page(chromium, out) as page:
        n = page.evaluate("() => nodes.length")
        assert page.errors == [] and [u for u in page.requests if not u.startswith("file:")] == []
    assert n == 5  # 46-CT/TW and the four that implement it directly


def test_page_is_self_contained(db, tmp_path):
    out = tmp_path / "s.html"
    assert cli("html", "--db", db, "-o", out).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?:", html)
    assert "vis.Network" in html and "refgraph-legend" in html
    # document text travels as JSON data that cannot close its element
    data = re.search(r'id="refgraph-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and "\\u003cscript\\u003ewindow.pwned=1" in data


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
