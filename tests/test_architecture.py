"""The shape of the code: one key parser, one error family, a thin CLI, no import circles, shipped files
found through refgraph.assets."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from refgraph import errors
from refgraph.catalog import load
from refgraph.extract.keys import parse_key
from refgraph.identity import key_of
from refgraph.queries import _parse_key

from .conftest import ROOT, run_cli

SRC = ROOT / "src" / "refgraph"


@pytest.mark.parametrize(
    "typed, key",
    [
        ("46-CT/TW", "46-CT/TW"),
        ("46/CT-TW", "46-CT/TW"),  # a Party number in the State pattern gets the Party key
        ("Số: 38-CT/TU", "38-CT/TU"),
        ("Chỉ thị số 46-CT/TW ngày 3 tháng 5 năm 2015", "46-CT/TW"),
        ("24/2018/QH14", "24/2018/QH14"),
        ("Luật số 24/2018/QH14", "24/2018/QH14"),
        ("07/CT-BCA-V28", "07/CT-BCA-V28"),
    ],
)
def test_one_key_parser_for_every_caller(typed, key, tmp_path):
    info = parse_key(typed)
    assert info is not None and info.key == key
    assert key_of(typed)[0] == key  # headers and metadata
    assert _parse_key(typed) == key  # what a user types to the query commands
    cat = tmp_path / "c.tsv"
    cat.write_text(f"key\ttype\n{typed}\tChỉ thị\n", encoding="utf-8")
    assert [e.key for e in load([cat])] == [key]  # the catalog loader


@pytest.mark.parametrize("typed", ["Chỉ thị 46", "chi thi", "46 CT TW", ""])
def test_no_key_from_incomplete_numbers(typed):
    assert parse_key(typed) is None


def test_error_kinds_carry_exit_codes():
    assert issubclass(errors.QueryError, errors.InputError)
    assert issubclass(errors.StoreError, errors.InputError)
    assert issubclass(errors.TooLarge, errors.InputError)
    assert errors.InputError("x").exit_code == 2
    assert errors.InternalError("x").exit_code == 3
    # the old names still work for code that imported them from their modules
    from refgraph.queries import QueryError
    from refgraph.sources import InputError

    assert QueryError is errors.QueryError and InputError is errors.InputError


def test_ambiguous_key_lists_candidates():
    e = errors.QueryError(
        "'x' is ambiguous", [{"id": "a@2012", "date": "2012-01-16"}, {"id": "a@2022"}], True
    )
    assert e.report().splitlines() == ["'x' is ambiguous", "  a@2012  2012-01-16", "  a@2022  undated"]


def test_cli_is_a_shell():
    text = (SRC / "cli.py").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    assert not re.search(r"\b(SELECT|INSERT|UPDATE|DELETE)\b", text)
    assert "mentions" not in {
        t.id
        for n in ast.walk(ast.parse(text))
        if isinstance(n, ast.For)
        for t in [n.iter]
        if isinstance(t, ast.Name)
    }


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__")


def _is_module(name: str) -> bool:
    p = SRC.parent.joinpath(*name.split("."))
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def _imports(path: Path) -> set[str]:
    """The refgraph modules a module imports when it is loaded (imports inside functions are lazy)."""
    mod = _module_name(path)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                target = ".".join(
                    parts[: len(parts) - node.level + 1] + ([node.module] if node.module else [])
                )
            else:
                target = node.module or ""
            if not target.startswith("refgraph"):
                continue
            subs = [f"{target}.{a.name}" for a in node.names if _is_module(f"{target}.{a.name}")]
            out.update(subs or [target])  # "from . import vocab" loads the module vocab
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("refgraph"))
    return out


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(m: str, path: list[str]) -> list[str] | None:
        state[m] = 1
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n) :] + [n]
            if n in graph and not state.get(n) and (found := visit(n, path + [n])):
                return found
        state[m] = 2
        return None

    for m in sorted(graph):
        if not state.get(m) and (found := visit(m, [m])):
            return found
    return None


def test_no_import_circles():
    # a package importing its own submodules is how packages work; any other circle is a tangle
    graph = {
        _module_name(p): {m for m in _imports(p) if not m.startswith(_module_name(p) + ".")}
        for p in SRC.rglob("*.py")
    }
    graph = {m: {n for n in deps if n != m} for m, deps in graph.items()}
    assert _circle(graph) is None, " -> ".join(_circle(graph) or [])


def test_circle_finder_finds_one():
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set()}) is None


def test_shipped_files_found():
    from refgraph import assets

    assert assets.grammar_file().name == "citation.lark"
    assert assets.catalog_file() is not None
    assert any(assets.sample_corpus().rglob("*.md"))


def test_query_error_exit_code(tmp_path):
    db = tmp_path / "g.db"
    assert run_cli("build", "--db", db).returncode == 0
    r = run_cli("show", "no-such-document", "--db", db)
    assert r.returncode == 2 and r.stderr.startswith("refgraph: unknown document")
    assert "Traceback" not in r.stderr


def test_readme_module_list_matches_the_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1].split("```", 2)[1]
    named: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("  "):  # the entries under src/refgraph/ are indented
            continue
        first = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        named.update(part.strip() for part in first.split(",") if part.strip())
    top = {
        p.name + ("/" if p.is_dir() else "")
        for p in SRC.iterdir()
        if p.suffix == ".py" or (p / "__init__.py").is_file()
    }
    listed_top = {n.split("/")[0] + "/" if "/" in n else n for n in named}
    assert top == listed_top, top ^ listed_top
    for n in named:  # every path named exists
        assert (SRC / n.rstrip("/")).exists(), n


def _parse_in_fresh_process(env: dict) -> subprocess.CompletedProcess:
    code = "from refgraph import extract; print(len(extract('Chỉ thị số 46-CT/TW ngày 22/6/2015')))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, **env}, timeout=120
    )


def test_parser_tables_cached_between_processes(tmp_path):
    for _ in range(2):  # the first writes the cache, the second reads it
        r = _parse_in_fresh_process({"XDG_CACHE_HOME": str(tmp_path)})
        assert r.returncode == 0 and r.stdout.strip() == "1" and r.stderr == ""
    cached = list((tmp_path / "refgraph").glob("citation-grammar-*.cache"))
    assert len(cached) == 1 and cached[0].stat().st_size > 1000
    assert not list((tmp_path / "refgraph").glob("*.tmp"))


def test_unwritable_cache_folder_is_not_an_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    r = _parse_in_fresh_process({"XDG_CACHE_HOME": str(blocker)})
    assert r.returncode == 0 and r.stdout.strip() == "1" and r.stderr == ""
