"""A long lineage tree is summarised in text (the documents per depth, what was left out, --all for the
whole tree); JSON and --all keep every node and every cross-reference."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from refgraph.builder import build
from refgraph.cli import app
from refgraph.render import terminal

from .conftest import DATA


def _doc(i: str, children=(), also=()) -> dict:
    return {
        "id": i,
        "key": i,
        "type": "Quyết định",
        "relation": "implements",
        "children": list(children),
        "also": [{"id": a, "relation": "cites", "line": 1, "file": "x.md"} for a in also],
    }


def _wide_tree() -> dict:
    """A root with 30 children, each with two children of its own and links back to the root's row."""
    kids = [
        _doc(f"{n}/QĐ-UBND", [_doc(f"{n}-{k}/QĐ-UBND") for k in (1, 2)], also=["1/QĐ-UBND", "2/QĐ-UBND"])
        for n in range(1, 31)
    ]
    return {"direction": "up", "root": _doc("9-CT/TU", kids), "count": 90, "truncated": False}


def test_a_long_tree_is_cut_and_counted(capsys):
    terminal.tree(_wide_tree(), "up")
    out = capsys.readouterr().out.splitlines()
    assert len(out) == terminal.TREE_ROWS + 3
    assert out[-2] == "90 document(s): 30 at depth 1, 60 at depth 2"
    assert "--all" in out[-1] and "--json" in out[-1]
    assert out[-3].startswith("… ") and "more document(s)" in out[-3]
    # each document's links to documents already drawn are one counted line, not one line each
    assert not any("(also in this tree)" in line for line in out)
    assert "└── … and 2 more link(s) to documents already in this tree" in out[4]


def test_all_prints_every_line(capsys):
    terminal.tree(_wide_tree(), "up", show_all=True)
    out = capsys.readouterr().out.splitlines()
    assert sum("(also in this tree)" in line for line in out) == 60
    assert sum(" · Quyết định" in line for line in out) == 91  # the root and its 90 documents
    assert out[-1] == "90 document(s)"


def test_a_short_tree_prints_as_it_always_did(capsys):
    small = {"direction": "up", "root": _doc("9-CT/TU", [_doc("1/QĐ-UBND", also=["9-CT/TU"])]), "count": 1}
    terminal.tree(small, "up")
    text = capsys.readouterr().out
    terminal.tree(small, "up", show_all=True)
    assert capsys.readouterr().out == text
    assert "cites 9-CT/TU (also in this tree)" in text and text.endswith("1 document(s)\n")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("tree") / "g.db"
    build([DATA / "corpus"], db=db, jobs=1)
    return db


@pytest.mark.parametrize("command", [["lineage", "12-KH/HU", "--up"], ["implements", "46-CT/TW"]])
def test_the_commands_summarise_text_but_not_json(store, monkeypatch, command):
    runner = CliRunner()
    whole = runner.invoke(app, [*command, "--db", str(store), "--all"])
    assert whole.exit_code == 0, whole.output
    monkeypatch.setattr(terminal, "TREE_ROWS", 2)  # the sample corpus's trees are short: make them long
    short = runner.invoke(app, [*command, "--db", str(store)])
    assert short.exit_code == 0, short.output
    assert "(summarised: --all prints the whole tree" in short.output
    assert len(short.output.splitlines()) < len(whole.output.splitlines())
    assert runner.invoke(app, [*command, "--db", str(store), "--all"]).output == whole.output
    data = json.loads(runner.invoke(app, [*command, "--db", str(store), "--format", "json"]).output)
    monkeypatch.setattr(terminal, "TREE_ROWS", 10_000)
    assert runner.invoke(app, [*command, "--db", str(store)]).output == whole.output
    trees = [data] if "root" in data else [v for v in data.values() if isinstance(v, dict)]
    assert sum(t["count"] for t in trees) > 0


def _text(render, *args) -> str:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        render(*args)
    return buf.getvalue()


@pytest.mark.parametrize("rows", [0, 2, 5, 10_000])
def test_a_brief_tree_is_summarised_as_the_whole_one_is(store, monkeypatch, rows):
    """With ``brief``, a tree longer than that many lines counts its cross-references instead of listing
    them (the query reads much less): the same tree, summarised in the same words; a shorter one is whole."""
    from refgraph.queries import Graph

    monkeypatch.setattr(terminal, "TREE_ROWS", rows)
    with Graph(store) as g:
        ids = [d.id for d in g.store.all_documents()]
        summarised = 0
        for doc in ids:
            for way in ("up", "down"):
                whole, brief = g.lineage(doc, way), g.lineage(doc, way, brief=rows)
                assert [n["id"] for n in _nodes(whole)] == [n["id"] for n in _nodes(brief)]
                counted = any("also_count" in n for n in _nodes(brief))
                assert counted == (terminal._line_count([whole["root"]]) > rows)
                summarised += counted
                assert _text(terminal.tree, brief, "t") == _text(terminal.tree, whole, "t")
            whole_i, brief_i = g.implements(doc), g.implements(doc, brief=rows)
            assert _text(terminal.implements_trees, brief_i) == _text(terminal.implements_trees, whole_i)
    assert summarised > 0 if rows < 10 else summarised == 0


def _nodes(tree: dict) -> list[dict]:
    out, todo = [], [tree["root"]]
    while todo:
        n = todo.pop()
        out.append(n)
        todo.extend(n["children"])
    return out
