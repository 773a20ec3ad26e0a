"""The refgraph command line, a shell over the library: each command parses its options (cli_options),
calls one library function and hands the result to a renderer; a RefgraphError is caught once, in main
(cli_options.run).
Heavy modules load inside the commands that need them: `refgraph --help` costs little more than Typer."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import typer

from . import cli_options as o
from .cli_catalog import app as catalog_app
from .errors import EXIT_FOUND, EXIT_INPUT
from .render import TERMINAL_ROWS, print_json

app = typer.Typer(
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)  # the callback's docstring is the help


@app.callback()
def _root(version: o.Version = False) -> None:
    """A citation graph of Vietnamese Party and State documents: extract, build, query, check, export."""


def _err(msg: str) -> None:
    print(f"refgraph: {msg}", file=sys.stderr)


def _tell(lines: Iterable[str]) -> None:
    for line in lines:
        _err(line)


def _answer(db: Path | None, query: Callable, fmt: str, render: str | Callable[[dict], None]) -> dict:
    """Run one query on the store; print it as JSON or hand it to a terminal renderer (a function, or
    the name of one in render.terminal, imported only then: JSON does not load rich). ``query`` gets
    the graph and a cap for long lists (a hub is cited tens of thousands of times): none for JSON."""
    from .queries import Graph

    as_json = fmt == "json"
    with Graph(db) as g:
        result = query(g, None if as_json else TERMINAL_ROWS)
    if as_json:
        print_json(result)
    elif isinstance(render, str):
        from .render import terminal

        getattr(terminal, render)(result)
    else:
        render(result)
    return result


@app.command()
def extract(paths: o.ExtractPaths, fmt: o.ExtractFormat = "table", verbose: o.Verbose = False) -> None:
    """Find every citation in the given documents."""
    from .builder import extract_files
    from .render.terminal import mentions_table, print_json_lines

    run = extract_files(paths)
    o.tell_problems(run.problems, fmt in ("json", "jsonl"), EXIT_INPUT)
    _tell(f"{name}: read as {how}" for name, how in run.encodings.items() if verbose)
    if fmt == "jsonl":
        print_json_lines(run.rows)
    elif fmt == "json":
        print_json(run.rows)
    elif run.rows or not run.problems:
        mentions_table(run.rows, explain=fmt == "explain")
    if run.problems:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def build(
    paths: o.BuildPaths = None,
    db: o.Db = None,
    catalog: o.Catalogs = None,
    jobs: o.Jobs = None,
    fmt: o.AsJson = "table",
    verbose: o.Verbose = False,
    add: o.Add = False,
    rebuild: o.Rebuild = False,
) -> None:
    """Read documents, extract and resolve their citations, and store the graph (the PATHs are the corpus)."""
    from .builder import build as run_build
    from .render.terminal import build_summary, dropped_notice, progress

    with progress(sys.stderr.isatty() and fmt != "json") as bar:
        report = run_build(
            paths, db, catalog or None, jobs, bar, add, lambda d: _err(dropped_notice(d)), rebuild
        )
    _tell(f"skipped {s}" for s in report.skipped)
    _tell(f"{name}: read as {how}" for name, how in report.encodings.items() if verbose)
    print_json(report.to_dict()) if fmt == "json" else print(build_summary(report))


@app.command()
def show(key: o.Key, db: o.Db = None, fmt: o.AsJson = "table") -> None:
    """A document's card: metadata, conflicts, what it cites and who cites it."""
    _answer(db, lambda g, n: g.show(key, n), fmt, "document_card")


@app.command()
def status(key: o.Key, db: o.Db = None, fmt: o.AsJson = "table") -> None:
    """In force, or replaced / repealed / amended: by what, from when, and where that is said."""
    from .status import status_lines, status_of

    _answer(db, lambda g, _: status_of(g, key), fmt, lambda st: print("\n".join(status_lines(st))))


@app.command()
def cites(key: o.Key, db: o.Db = None, fmt: o.AsJson = "table") -> None:
    """What a document cites."""
    _answer(db, lambda g, n: g.cites(key, n), fmt, "cites_table")


@app.command("cited-by")
def cited_by(key: o.Key, db: o.Db = None, fmt: o.AsJson = "table") -> None:
    """Who cites a document."""
    _answer(db, lambda g, n: g.cited_by(key, n), fmt, "cited_by_table")


@app.command()
def lineage(
    key: o.Key,
    up: o.LineageUp = False,
    down: o.LineageDown = False,
    depth: o.Depth = None,
    relation: o.Relation = None,
    db: o.Db = None,
    fmt: o.AsJson = "table",
    every: o.TreeAll = False,
) -> None:
    """A document's lineage drawn as trees: up (what it builds on), down (what builds on it), or both."""
    way = o.direction(up, down)
    _answer(
        db,
        lambda g, n: g.lineage(key, way, depth, relation, o.tree_brief(n, every)),
        fmt,
        o.trees("lineage_trees", every),
    )


@app.command()
def implements(
    key: o.Key, depth: o.Depth = None, db: o.Db = None, fmt: o.AsJson = "table", every: o.TreeAll = False
) -> None:
    """What implements a document (transitively), and what it implements."""
    _answer(
        db,
        lambda g, n: g.implements(key, depth, o.tree_brief(n, every)),
        fmt,
        o.trees("implements_trees", every),
    )


@app.command()
def path(a: o.From, b: o.To, db: o.Db = None, fmt: o.AsJson = "table") -> None:
    """The shortest chain of citations between two documents."""
    r = _answer(db, lambda g, _: g.path(a, b), fmt, "path")
    if r["direction"] is None and fmt != "json":
        raise typer.Exit(EXIT_FOUND)


@app.command()
def stats(db: o.Db = None, fmt: o.AsJson = "table", top: o.Top = 10) -> None:
    """Counts: documents, mentions, edges; by type, issuer, year and relation; the most cited."""
    _answer(db, lambda g, _: g.stats(top), fmt, "stats")


@app.command()
def search(text: o.SearchWords, limit: o.Limit = 20, db: o.Db = None, fmt: o.AsJson = "table") -> None:
    """Find documents by key or title."""
    _answer(db, lambda g, _: g.search(" ".join(text), limit), fmt, "search_results")


@app.command()
def check(
    paths: o.CheckPaths = None,
    catalog: o.Catalogs = None,
    fmt: o.CheckFormat = "text",
    fail_on: o.FailOn = "error",
    baseline: o.Baseline = None,
    write_baseline: o.WriteBaseline = None,
    select: o.Select = None,
    ignore: o.Ignore = None,
    closed: o.Closed = False,
    output: o.Output = None,
    jobs: o.Jobs = None,
    show_all: o.ShowAll = False,
    root: o.Root = None,
    junit_warnings: o.JunitWarnings = "passed",
    db: o.CheckDb = None,
) -> None:
    """Find broken references: conflicting dates, anachronisms, non-standard numbers, unresolved citations …"""
    from .checks import baseline as baseline_mod
    from .checks import check as run_check
    from .checks import fails, parse_codes
    from .checks.formats import deliver
    from .render.terminal import progress

    sel, ign = parse_codes(select), parse_codes(ignore)
    with progress(sys.stderr.isatty()) as bar:
        findings = run_check(
            paths, catalog or None, closed=closed, select=sel, ignore=ign, jobs=jobs, progress=bar, db=db
        )
    if write_baseline is not None:
        _err(f"wrote {baseline_mod.write(write_baseline, findings)} finding(s) to {write_baseline}")
        return
    if baseline is not None:
        findings = baseline_mod.subtract(findings, baseline_mod.load(baseline))
    failed = fails(findings, fail_on)
    deliver(findings, fmt, output, show_all, paths, root, failed, junit_warnings)
    if failed:
        raise typer.Exit(EXIT_FOUND)


@app.command()
def export(
    fmt: o.ExportFormat,
    key: o.ExportKey = None,
    out: o.ExportOut = None,
    depth: o.Depth = None,
    up: o.Up = False,
    down: o.Down = False,
    db: o.Db = None,
    bom: o.Bom = True,
) -> None:
    """Export the graph (or a neighbourhood) for Gephi, Neo4j, spreadsheets or scripts."""
    from .queries import Graph
    from .render.export import write

    with Graph(db) as g, g.store.reading():  # one snapshot: a build committing meanwhile cannot tear it
        docs, edges = g.neighbourhood(key, depth, o.direction(up, down))
        written = write(fmt, docs, edges, out, g.store.meta().get("built_at"), bom)
    _tell(f"wrote {p}" for p in written)


@app.command()
def html(
    key: o.HtmlKey = None,
    depth: o.HtmlDepth = None,
    up: o.Up = False,
    down: o.Down = False,
    out: o.HtmlOut = None,
    colour_by: o.ColourBy = "type",
    max_nodes: o.MaxNodes = 5000,
    db: o.Db = None,
) -> None:
    """An interactive, self-contained HTML view of the graph or of one neighbourhood."""
    from .queries import Graph
    from .render import write_text
    from .render.html import graph_page

    with Graph(db) as g, g.store.reading():
        page = graph_page(g, key, depth, o.direction(up, down), colour_by, max_nodes)
    write_text(out := out or Path(page.name), page.html)
    _tell([page.note] if page.note else [])
    print(page.summary(out))


@app.command()
def annotate(
    file: o.AnnotateFile, out: o.AnnotateOut = None, catalog: o.Catalogs = None, db: o.AnnotateDb = None
) -> None:
    """The document's text as HTML with every citation highlighted and explained."""
    from .render import write_text
    from .render.annotate import annotate_file

    page = annotate_file(file, catalog or None, db)
    target = out or file.with_name(file.name + ".html")
    write_text(target, page.page)
    print(page.summary(target))


app.add_typer(catalog_app, name="catalog")


def main() -> None:
    o.run(app)  # the line unified (--json), errors as one line (JSON when asked), never a traceback


if __name__ == "__main__":
    main()
