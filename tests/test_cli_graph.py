"""The graph commands as a user runs them: exit codes, JSON, rebuilds, and a store that never breaks."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from .conftest import DATA, run_cli

run = run_cli


@pytest.fixture
def corpus(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", dst)
    return dst


@pytest.fixture
def db(tmp_path, corpus):
    db = tmp_path / "g.db"
    r = run("build", corpus, "--db", db, "--jobs", 1)
    assert r.returncode == 0, r.stderr
    return db


def test_build_summary_and_json(tmp_path, corpus):
    r = run("build", corpus, "--db", tmp_path / "x.db", "--json")
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["files"] == 11 and rep["extracted"] == 11 and rep["edges"] > 0


def test_default_build_uses_bundled_corpus_in_current_folder(tmp_path):
    r = run("build", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "refgraph.db").is_file()
    assert "11 in the corpus" in r.stdout


def test_rebuild_skips_unchanged_and_drops_removed(db, corpus):
    r = run("build", corpus, "--db", db, "--json")
    rep = json.loads(r.stdout)
    assert (rep["extracted"], rep["reused"]) == (0, 11)
    (corpus / "ha-tinh" / "kh-12-kh-hu-can-loc.md").unlink()
    (corpus / "quang-binh" / "ct-38-ct-tu.md").write_text(
        (corpus / "quang-binh" / "ct-38-ct-tu.md").read_text(encoding="utf-8") + "\nThêm một dòng.\n",
        encoding="utf-8",
    )
    rep = json.loads(run("build", corpus, "--db", db, "--json").stdout)
    assert (rep["files"], rep["extracted"], rep["reused"]) == (10, 1, 9)
    r = run("show", "12-KH/HU", "--db", db)
    assert r.returncode == 2 and "unknown document" in r.stderr


@pytest.mark.parametrize(
    ("cmd", "check"),
    [
        (["show", "46-CT/TW", "--json"], lambda d: d["document"]["date"] == "2015-06-22" and d["cited_by"]),
        (
            ["cites", "45/KH-UBND", "--json"],
            lambda d: {c["relation"] for c in d["cites"]} == {"based_on", "implements"},
        ),
        (["cited-by", "88-KH/TU", "--json"], lambda d: len(d["cited_by"]) >= 3),
        (["lineage", "12-KH/HU", "--up", "--json"], lambda d: d["count"] >= 4),
        (["lineage", "46-CT/TW", "--down", "--depth", "1", "--json"], lambda d: d["truncated"] is True),
        (["lineage", "45/KH-UBND", "--up", "--relation", "based_on", "--json"], lambda d: d["count"] == 2),
        (
            ["implements", "15-KL/TW", "--json"],
            lambda d: d["implements"]["root"]["children"][0]["id"] == "46-CT/TW",
        ),
        (["path", "12-KH/HU", "46-CT/TW", "--json"], lambda d: d["length"] == 3),
        (
            ["stats", "--json"],
            lambda d: (
                {"documents", "mentions", "edges", "by_type", "by_issuer", "by_year", "most_cited"} <= set(d)
            ),
        ),
        (["search", "chi", "thi", "46", "--json"], lambda d: d["results"][0]["id"] == "46-CT/TW"),
    ],
)
def test_query_json(db, cmd, check):
    r = run(*cmd, db=db)
    assert r.returncode == 0, r.stderr
    assert check(json.loads(r.stdout))


@pytest.mark.parametrize(
    "cmd",
    [
        ["show", "46-CT/TW"],
        ["lineage", "45/KH-UBND", "--up"],
        ["implements", "46-CT/TW"],
        ["stats"],
        ["path", "12-KH/HU", "46-CT/TW"],
        ["search", "ke hoach"],
    ],
)
def test_query_terminal(db, cmd):
    r = run(*cmd, db=db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()


def test_unknown_key_gets_suggestions(db, tmp_path):
    r = run("show", "46-CT/TU", db=db)
    assert r.returncode == 2 and "did you mean" in r.stderr and "46-CT/TW" in r.stderr
    assert "Traceback" not in r.stderr


def test_missing_store(tmp_path):
    r = run("show", "46-CT/TW", "--db", tmp_path / "none.db")
    assert r.returncode == 2 and "refgraph build" in r.stderr


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    r = run("stats", "--db", bad)
    assert r.returncode == 2 and "not a refgraph store" in r.stderr


def test_old_schema_gets_a_clear_message(db):
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA user_version=0")
    r = run("stats", "--db", db)
    assert r.returncode == 2 and "older refgraph" in r.stderr


def test_kill_9_during_the_write_leaves_the_previous_graph(db, corpus):
    before = json.loads(run("stats", "--json", db=db).stdout)
    (corpus / "ha-tinh" / "ct-21-ct-tu.md").unlink()
    p = subprocess.Popen(
        [sys.executable, "-m", "refgraph.cli", "build", str(corpus), "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
        env={**__import__("os").environ, "REFGRAPH_FAULT": "pause-in-write"},
    )
    line = p.stderr.readline()
    # earlier notes first (what leaves the corpus)
    while line and "paused inside the write transaction" not in line:
        line = p.stderr.readline()
    assert "paused inside the write transaction" in line
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    time.sleep(0.1)
    after = json.loads(run("stats", "--json", db=db).stdout)
    assert {k: after[k] for k in ("documents", "mentions", "edges")} == {
        k: before[k] for k in ("documents", "mentions", "edges")
    }


def test_build_into_unwritable_folder(tmp_path, corpus):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    r = run("build", corpus, "--db", ro / "g.db")
    assert r.returncode == 2 and "permission" in r.stderr


def test_build_nothing_readable(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("build", tmp_path / "empty", "--db", tmp_path / "g.db")
    assert r.returncode == 2 and "no readable documents" in r.stderr
    r = run("build", tmp_path / "missing", "--db", tmp_path / "g.db")
    assert r.returncode == 2 and "no such file" in r.stderr
