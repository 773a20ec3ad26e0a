"""The CLI as an analyst meets it: counts that say what they count, trees that say which way they go,
suggestions for keys typed in the other family's form, annotate against a built graph, builds that
say what they drop, and a progress bar only where someone watches."""

from __future__ import annotations

import hashlib
import json
import os
import pty
import re
import sqlite3
import subprocess
import sys

import pytest

from refgraph.models import Document
from refgraph.queries import issuer_name, key_variants

from .conftest import run_cli

# Three plans of one province, in our own words. 47/CT-TTg is cited by all three, once each;
# 57-NQ/TW four times, by one plan only: by documents 47/CT-TTg leads, by mentions 57-NQ/TW would.
PLAN_A = """---
key: 05-KH/TU
province: Hà Tĩnh
date: 2024-03-01
title: Kế hoạch thử về chuyển đổi số
---
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá khoa học;
thực hiện Chỉ thị số 47/CT-TTg ngày 05/3/2023 của Thủ tướng Chính phủ.
Mọi chi bộ học tập Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.
Các huyện bám sát Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.
Cuối năm sơ kết việc làm theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.
"""
PLAN_B = """---
key: 06-KH/TU
province: Hà Tĩnh
date: 2024-04-02
title: Kế hoạch thử thứ hai
---
Thực hiện Chỉ thị số 47/CT-TTg ngày 05/3/2023 của Thủ tướng Chính phủ, Tỉnh ủy giao việc cho các sở.
"""
PLAN_C = """---
key: 07-KH/TU
province: Hà Tĩnh
date: 2024-05-03
title: Kế hoạch thử thứ ba
---
Thực hiện Kế hoạch số 05-KH/TU ngày 01/3/2024 của Ban Thường vụ Tỉnh ủy và Chỉ thị số 47/CT-TTg
ngày 05/3/2023 của Thủ tướng Chính phủ, Ban Thường vụ Huyện ủy giao việc.
"""


def write_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("a.md", PLAN_A), ("b.md", PLAN_B), ("c.md", PLAN_C)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    root = tmp_path_factory.mktemp("plans")
    corpus = write_corpus(root / "corpus")
    db = root / "g.db"
    r = run_cli("build", corpus, "--db", db, "--jobs", 1)
    assert r.returncode == 0, r.stderr
    return db


def cli(db, *args):
    r = run_cli(*args, "--db", db)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_issuers_are_counted_by_name():
    assert issuer_name(Document("x", "1/2020/NĐ-CP", issuer_code="CP")) == "Chính phủ"
    assert issuer_name(Document("x", "2/2021/TT-BTC", issuer_code="BTC")) == "Bộ Tài chính"
    # the name a document gives, when it is a known organ, says more than the Party code TW
    assert issuer_name(Document("x", "3-CT/TW", issuer="Bộ Chính trị", issuer_code="TW")) == "Bộ Chính trị"
    assert issuer_name(Document("x", "4/QĐ-ZZZ", issuer_code="ZZZ")) == "ZZZ"  # unknown: as written
    assert issuer_name(Document("x", None)) == "(none)"


def test_stats_most_cited_by_documents_with_mentions_beside(plans):
    s = json.loads(cli(plans, "stats", "--json"))
    top = {r["id"]: r for r in s["most_cited"]}
    assert s["most_cited"][0]["id"] == "47/CT-TTg"
    assert (top["47/CT-TTg"]["cited"], top["47/CT-TTg"]["mentions"]) == (3, 3)
    assert (top["57-NQ/TW"]["cited"], top["57-NQ/TW"]["mentions"]) == (1, 4)
    assert "Thủ tướng Chính phủ" in s["by_issuer"] and "TTg" not in s["by_issuer"]
    text = cli(plans, "stats")
    assert "cited by (documents)" in text and "mentions" in text


def test_cites_says_documents_and_mentions(plans):
    out = cli(plans, "cites", "05-KH/TU")
    assert "(2 document(s), 5 mention(s))" in out
    data = json.loads(cli(plans, "cites", "05-KH/TU", "--json"))
    assert (data["documents"], data["total"]) == (2, 5)
    card = cli(plans, "show", "47/CT-TTg")
    assert "cited by (3 document(s), 3 mention(s))" in card


def test_lineage_without_a_direction_shows_both_labelled(plans):
    out = cli(plans, "lineage", "05-KH/TU")
    up, down = out.index("up, what it builds on"), out.index("down, what builds on it")
    assert up < down
    assert "57-NQ/TW" in out[up:down] and "07-KH/TU" in out[down:]
    data = json.loads(cli(plans, "lineage", "05-KH/TU", "--json"))
    assert data["up"]["direction"] == "up" and data["down"]["direction"] == "down"
    only_up = cli(plans, "lineage", "05-KH/TU", "--up")
    assert "up, what it builds on" in only_up and "down, what builds on it" not in only_up


def test_implements_labels_its_two_trees(plans):
    out = cli(plans, "implements", "05-KH/TU")
    assert "implemented by (down: documents that implement it" in out
    assert "implements (up: what it implements" in out
    down = out[: out.index("implements (up")]
    assert "07-KH/TU" in down


def test_key_variants_try_both_families_and_repair_spacing():
    assert key_variants("47/CT-TW") == ["47-CT/TW", "47/CT-TW"]
    assert key_variants("57- NQ/TW")[0] == "57-NQ/TW"
    assert key_variants("Chỉ thị 47 CT TTg")[:2] == ["47-CT/TTg", "47/CT-TTg"]
    assert key_variants("12/2019/nd-cp") == ["12/2019/NĐ-CP"]
    assert key_variants("no number here") == []


def test_loose_forms_that_parse_resolve_directly(plans):
    assert "47/CT-TTg" in cli(plans, "show", "47-CT/TTg")  # the party form of a state number
    assert "57-NQ/TW" in cli(plans, "show", "57- NQ/TW")  # a space after the dash
    assert "57-NQ/TW" in cli(plans, "show", "57 NQ/TW")  # a space for the dash ("612 TB/SNV" in real text)


@pytest.mark.parametrize(("typed", "meant"), [("47 CT TTg", "47/CT-TTg"), ("57 NQ TW", "57-NQ/TW")])
def test_unknown_key_suggests_the_other_form_first(plans, typed, meant):
    r = run_cli("show", typed, "--db", plans)
    assert r.returncode == 2 and "did you mean: " + meant in r.stderr
    assert "Traceback" not in r.stderr


def test_annotate_against_a_built_graph(plans, tmp_path):
    # a new text, not in the corpus: it cites a plan of the corpus and a directive nobody has
    new = tmp_path / "new.txt"
    new.write_text(
        "Thực hiện Kế hoạch số 06-KH/TU ngày 02/4/2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh;\n"
        "căn cứ Chỉ thị số 98-CT/TW ngày 01/01/2020 của Ban Bí thư.\n",
        encoding="utf-8",
    )
    extracted = json.loads(run_cli("extract", new, "--format", "json").stdout)
    alone = run_cli("annotate", new, "-o", tmp_path / "alone.html")
    against = run_cli("annotate", new, "--db", plans, "-o", tmp_path / "db.html")
    assert alone.returncode == 0 and against.returncode == 0, against.stderr
    n = len(extracted)
    assert n == 2 and f"({n} citations," in alone.stdout and f"({n} citations," in against.stdout
    assert "1 resolved in the graph" in against.stdout
    page = (tmp_path / "db.html").read_text(encoding="utf-8")
    unresolved = re.compile(r"RG111 \w+: (\d+-\w+/\w+)\S* is neither")  # whatever severity the rule has
    assert "status: resolved" in page and unresolved.findall(page) == ["98-CT/TW"]
    assert set(unresolved.findall((tmp_path / "alone.html").read_text(encoding="utf-8"))) == {
        "06-KH/TU",
        "98-CT/TW",
    }
    # a file of the corpus keeps the links its build gave it
    corpus_file = tmp_path / "corpus-a.html"
    stored = json.loads(run_cli("show", "05-KH/TU", "--json", "--db", plans).stdout)["document"]["path"]
    r = run_cli("annotate", stored, "--db", plans, "-o", corpus_file)
    with sqlite3.connect(plans) as conn:
        statuses = [s for (s,) in conn.execute("SELECT status FROM mentions WHERE file=?", (stored,))]
    assert len(statuses) == 5
    assert (
        r.returncode == 0 and f"(5 citations, {statuses.count('resolved')} resolved in the graph" in r.stdout
    )


def test_annotate_with_a_missing_store_is_one_line(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("Thực hiện Chỉ thị số 15/CT-TTg ngày 17/6/2014.\n", encoding="utf-8")
    r = run_cli("annotate", f, "--db", tmp_path / "none.db")
    assert r.returncode == 2 and "no store" in r.stderr and "Traceback" not in r.stderr


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_says_what_it_drops_and_add_keeps_it(tmp_path):
    first, second = write_corpus(tmp_path / "first"), tmp_path / "second"
    second.mkdir()
    (second / "d.md").write_text(
        PLAN_B.replace("06-KH/TU", "08-KH/TU").replace("2024-04-02", "2024-06-01"), encoding="utf-8"
    )
    db = tmp_path / "g.db"
    assert run_cli("build", first, "--db", db).returncode == 0
    r = run_cli("build", second, "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    assert "3 document(s) of the previous build" in r.stderr and "use --add" in r.stderr
    report = json.loads(r.stdout)
    assert sorted(os.path.basename(p) for p in report["dropped"]) == ["a.md", "b.md", "c.md"]
    assert report["in_corpus"] == 1
    r = run_cli("build", first, "--add", "--db", db, "--json")
    assert r.returncode == 0 and "use --add" not in r.stderr
    assert json.loads(r.stdout)["in_corpus"] == 4 and json.loads(r.stdout)["dropped"] == []


def test_failed_build_leaves_the_store_untouched(tmp_path):
    corpus, empty = write_corpus(tmp_path / "corpus"), tmp_path / "empty"
    empty.mkdir()
    db = tmp_path / "g.db"
    assert run_cli("build", corpus, "--db", db).returncode == 0
    before = sha(db)
    r = run_cli("build", empty, "--db", db)
    assert r.returncode == 2 and "no readable documents" in r.stderr
    assert sha(db) == before
    assert json.loads(run_cli("stats", "--json", "--db", db).stdout)["in_corpus"] == 3


def test_failed_first_build_leaves_no_store(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("build", empty, "--db", tmp_path / "new.db")
    assert r.returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def run_on_terminal(*args) -> tuple[int, str]:
    """The command with a pseudo-terminal for its standard streams, as a person at a terminal runs it."""
    master, slave = pty.openpty()
    p = subprocess.Popen(
        [sys.executable, "-m", "refgraph.cli", *map(str, args)], stdin=slave, stdout=slave, stderr=slave
    )
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return p.wait(timeout=120), out.decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["build", "check"])
def test_progress_bar_on_a_terminal_only(tmp_path, command):
    corpus = write_corpus(tmp_path / "corpus")
    extra = ["--db", tmp_path / "g.db"] if command == "build" else ["--fail-on", "never"]
    code, shown = run_on_terminal(command, corpus, *extra)
    assert code == 0 and "extracting" in shown and "━" in shown
    (tmp_path / "g.db").unlink(missing_ok=True)
    piped = run_cli(command, corpus, *extra)
    assert piped.returncode == 0
    assert "extracting" not in piped.stderr + piped.stdout and "\x1b[" not in piped.stderr
