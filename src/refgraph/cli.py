"""The refgraph command line: a thin layer over the library. Heavy modules are imported inside the
commands that need them, so `refgraph --help` costs little more than importing Typer."""

from __future__ import annotations

import enum
import json
import os
import sys
from pathlib import Path

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="A citation graph of Vietnamese Party and State documents: extract, build, query, check, export.",
)

EXIT_FOUND = 1
EXIT_USAGE = 2


class UserError(Exception):
    """Stops a command with a one-line message and exit code 2."""


def _err(msg: str) -> None:
    print(f"refgraph: {msg}", file=sys.stderr)


class ExtractFormat(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .md, .html, .docx, .pdf) to read."),  # noqa: B008
    fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table, jsonl or json."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say which encoding each file was read in."),
) -> None:
    """Find every citation in the given documents."""
    from .extract import extract as run_extract
    from .identity import split_front_matter
    from .sources import InputError, iter_paths, read_source

    files, problems = iter_paths([str(p) for p in paths])
    for p in problems:
        _err(p)
    if not files and not problems:
        raise UserError("no readable documents (.txt, .md, .html, .docx, .pdf) under the given paths")
    rows = []
    bad = len(problems)
    for f in files:
        try:
            src = read_source(f)
        except InputError as e:
            _err(str(e))
            bad += 1
            continue
        if verbose:
            _err(f"{f}: read as {src.encoding}")
        _, body = split_front_matter(src.text)  # metadata is not text: blanked, offsets kept
        found = run_extract(body, str(f))
        if src.encoding == "pdf":  # a usable location in a converted format: the page as well as the line
            from .sources.pdf import page_of

            rows.extend(m.to_dict() | {"file": str(f), "page": page_of(body, m.start)} for m in found)
        else:
            rows.extend(m.to_dict() | {"file": str(f)} for m in found)
    if fmt is ExtractFormat.jsonl:
        out = sys.stdout
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt is ExtractFormat.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows or not bad:
        from .render.terminal import mentions_table

        mentions_table(rows)
    if bad:
        raise typer.Exit(EXIT_USAGE)


DB_HELP = "The store (default ./refgraph.db, or $REFGRAPH_DB)."


def _db_option():
    return typer.Option(None, "--db", envvar="REFGRAPH_DB", help=DB_HELP, show_envvar=False)


def _json_option():
    return typer.Option(False, "--json", help="Print JSON instead of a table.")


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _graph(db):
    from .queries import Graph
    from .sources import InputError

    try:
        return Graph(db)
    except InputError as e:
        raise UserError(str(e)) from None


def _query(db, fn):
    """Run one query; unknown or ambiguous documents become a one-line error (exit 2) with suggestions."""
    from .queries import QueryError

    g = _graph(db)
    try:
        return fn(g)
    except QueryError as e:
        msg = str(e)
        if e.candidates and "ambiguous" in msg:
            msg += "".join(
                f"\n  {c['id']}  {c.get('date') or 'undated'}  {c.get('province') or ''}".rstrip()
                for c in e.candidates
            )
        raise UserError(msg) from None
    finally:
        g.close()


@app.command()
def build(
    paths: list[Path] | None = typer.Argument(
        None, help="Files and folders to read (default: the bundled sample corpus in data/)."
    ),
    db: Path | None = _db_option(),
    catalog: list[Path] | None = typer.Option(
        None, "--catalog", "-c", help="Catalog file(s) of known documents (default: data/catalog.tsv)."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes for extraction (default: all cores)."
    ),
    as_json: bool = _json_option(),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Say how each file was read (encoding, format)."
    ),
) -> None:
    """Read documents, extract and resolve their citations, and store the graph."""
    from .builder import build as run_build
    from .sources import InputError

    progress = None
    bar = None
    if sys.stderr.isatty() and not as_json:
        from rich.progress import Progress

        bar = Progress(transient=True)

        def progress(total: int):
            bar.start()
            task = bar.add_task("extracting", total=total)
            return lambda: bar.advance(task)

    try:
        report = run_build(
            [str(p) for p in paths] if paths else None,
            db,
            [str(c) for c in catalog] if catalog else None,
            jobs,
            progress,
        )
    except InputError as e:
        raise UserError(str(e)) from None
    finally:
        if bar is not None:
            bar.stop()
    for s in report.skipped:
        _err(f"skipped {s}")
    if verbose:
        for name, how in report.encodings.items():
            _err(f"{name}: read as {how}")
    if as_json:
        _print_json(report.to_dict())
        return
    print(
        f"{report.db}: {report.documents} documents ({report.in_corpus} in the corpus), "
        f"{report.mentions} mentions, {report.edges} edges; {report.unresolved} unresolved, "
        f"{report.cited_only} cited but unknown, {report.ambiguous} ambiguous, {report.conflicts} with conflicting dates. "
        f"Files: {report.extracted} read, {report.reused} unchanged, {len(report.skipped)} skipped."
    )
    print(report.identity_summary())


@app.command()
def show(
    key: str = typer.Argument(..., help='Document key or id (loosely typed: 46/CT-TW, "Chỉ thị 46-CT/TW").'),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """A document's card: metadata, conflicts, what it cites and who cites it."""
    from .render.terminal import MAX_ROWS

    card = _query(db, lambda g: g.show(key, None if as_json else MAX_ROWS))
    if as_json:
        return _print_json(card)
    from .render.terminal import document_card

    document_card(card)


@app.command()
def cites(
    key: str = typer.Argument(..., help="Document key or id."),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """What a document cites."""
    from .render.terminal import MAX_ROWS

    r = _query(db, lambda g: g.cites(key, None if as_json else MAX_ROWS))
    if as_json:
        return _print_json(r)
    from .render.terminal import edge_table

    edge_table(f"{r['id']} cites", r["cites"], r["total"])


@app.command("cited-by")
def cited_by(
    key: str = typer.Argument(..., help="Document key or id."),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """Who cites a document."""
    from .render.terminal import MAX_ROWS

    r = _query(db, lambda g: g.cited_by(key, None if as_json else MAX_ROWS))
    if as_json:
        return _print_json(r)
    from .render.terminal import edge_table

    edge_table(f"{r['id']} is cited by", r["cited_by"], r["total"])


@app.command()
def lineage(
    key: str = typer.Argument(..., help="Document key or id."),
    up: bool = typer.Option(False, "--up", help="What it builds on, all the way up (default)."),
    down: bool = typer.Option(False, "--down", help="What builds on it, all the way down."),
    depth: int | None = typer.Option(None, "--depth", "-d", min=1, help="Stop after N steps."),
    relation: list[str] | None = typer.Option(
        None, "--relation", "-r", help="Follow only these relations (repeatable)."
    ),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """A document's lineage drawn as a tree: up (what it builds on) or down (what builds on it)."""
    if up and down:
        raise UserError("choose one of --up and --down")
    direction = "down" if down else "up"
    r = _query(db, lambda g: g.lineage(key, direction, depth, relation))
    if as_json:
        return _print_json(r)
    from .render.terminal import tree

    tree(r, "builds on" if direction == "up" else "built upon by")


@app.command()
def implements(
    key: str = typer.Argument(..., help="Document key or id."),
    depth: int | None = typer.Option(None, "--depth", "-d", min=1),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """What implements a document (transitively), and what it implements."""
    r = _query(db, lambda g: g.implements(key, depth))
    if as_json:
        return _print_json(r)
    from .render.terminal import tree

    tree(r["implemented_by"], "implemented by")
    tree(r["implements"], "implements")


@app.command()
def path(
    a: str = typer.Argument(..., help="From this document."),
    b: str = typer.Argument(..., help="To this one."),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """The shortest chain of citations between two documents."""
    r = _query(db, lambda g: g.path(a, b))
    if as_json:
        return _print_json(r)
    from .render.terminal import path as render_path

    render_path(r)
    if r["direction"] is None:
        raise typer.Exit(EXIT_FOUND)


@app.command()
def stats(
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
    top: int = typer.Option(10, "--top", min=1, help="How many most-cited documents."),
) -> None:
    """Counts: documents, mentions, edges; by type, issuer, year and relation; the most cited."""
    r = _query(db, lambda g: g.stats(top))
    if as_json:
        return _print_json(r)
    from .render.terminal import stats as render_stats

    render_stats(r)


@app.command()
def search(
    text: list[str] = typer.Argument(
        ..., help='Words of a key or title; diacritics optional ("chi thi 46").'
    ),
    limit: int = typer.Option(20, "--limit", "-n", min=1),
    db: Path | None = _db_option(),
    as_json: bool = _json_option(),
) -> None:
    """Find documents by key or title."""
    r = _query(db, lambda g: g.search(" ".join(text), limit))
    if as_json:
        return _print_json(r)
    from .render.terminal import search_results

    search_results(r)


class CheckFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    never = "never"


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    from .checks import RULES

    out = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    bad = [c for c in out if not any(r.startswith(c) for r in RULES)]
    if bad:
        raise UserError(f"unknown rule code(s) {', '.join(bad)}; known: {', '.join(RULES)}")
    return out


@app.command()
def check(
    paths: list[Path] | None = typer.Argument(
        None, help="Files and folders to check (default: the current folder)."
    ),
    catalog: list[Path] | None = typer.Option(
        None, "--catalog", "-c", help="Catalog file(s) (default: data/catalog.tsv)."
    ),
    fmt: CheckFormat = typer.Option(
        CheckFormat.text, "--format", "-f", help="text, json, github, sarif or junit."
    ),
    fail_on: FailOn = typer.Option(
        FailOn.error, "--fail-on", help="Exit 1 when a finding at or above this severity remains."
    ),
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Report only findings not recorded in this baseline."
    ),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record today's findings here and exit 0."
    ),
    select: list[str] | None = typer.Option(
        None, "--select", help="Only these rule codes or prefixes (RG101,RG1…)."
    ),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Skip these rule codes or prefixes."),
    closed: bool = typer.Option(
        False, "--closed", help="The corpus should contain everything it cites: unresolved is an error."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to a file instead of standard output."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes (default: all cores)."
    ),
) -> None:
    """Find broken references: conflicting dates, anachronisms, non-standard numbers, unresolved citations …"""
    from .checks import baseline as baseline_mod
    from .checks import check as run_check
    from .checks import fails
    from .checks import formats as fmts
    from .sources import InputError

    try:
        findings = run_check(
            [str(p) for p in paths] if paths else None,
            [str(c) for c in catalog] if catalog else None,
            closed=closed,
            select=_codes(select),
            ignore=_codes(ignore),
            jobs=jobs,
        )
        if write_baseline is not None:
            n = baseline_mod.write(write_baseline, findings)
            _err(f"wrote {n} finding(s) to {write_baseline}")
            return
        if baseline is not None:
            findings = baseline_mod.subtract(findings, baseline_mod.load(baseline))
    except InputError as e:
        raise UserError(str(e)) from None
    if fmt is CheckFormat.text and output is None:
        fmts.print_text(findings)
    else:
        render = {
            CheckFormat.text: lambda f: "\n".join(
                f"{d.file}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}" for d in f
            ),
            CheckFormat.json: fmts.to_json,
            CheckFormat.github: fmts.to_github,
            CheckFormat.sarif: fmts.to_sarif,
            CheckFormat.junit: fmts.to_junit,
        }[fmt]
        report = render(findings)
        if output is not None:
            try:
                output.write_text(report + "\n", encoding="utf-8")
            except OSError as e:
                raise UserError(f"{output}: cannot write the report ({e.strerror or e})") from None
        elif report:
            print(report)
    if fails(findings, fail_on.value):
        raise typer.Exit(EXIT_FOUND)


class ExportFormat(str, enum.Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    csv = "csv"
    dot = "dot"
    cypher = "cypher"


def _selection(store, key: str | None, up: bool, down: bool, depth: int | None):
    """The whole graph, or KEY's neighbourhood (both ways unless --up or --down)."""
    from .queries import Graph, QueryError
    from .render.export import subgraph

    if up and down:
        raise UserError("choose one of --up and --down (or neither, for both ways)")
    if key is None:
        if up or down or depth:
            raise UserError("--up, --down and --depth need a KEY")
        return subgraph(store, None, None, None)
    try:
        doc_id = Graph(store).find(key)
    except QueryError as e:
        raise UserError(str(e)) from None
    return subgraph(store, [doc_id], depth, "up" if up else "down" if down else None)


@app.command()
def export(
    key: str | None = typer.Argument(None, help="Export only this document's neighbourhood."),
    fmt: ExportFormat = typer.Option(
        ..., "--format", "-f", help="graphml, gexf, json (node-link), csv, dot or cypher."
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Output file (a folder for csv; default: standard output, or ./refgraph-export/ for csv).",
    ),
    depth: int | None = typer.Option(None, "--depth", "-d", min=1, help="Steps from KEY."),
    up: bool = typer.Option(False, "--up", help="Only what KEY builds on."),
    down: bool = typer.Option(False, "--down", help="Only what builds on KEY."),
    db: Path | None = _db_option(),
) -> None:
    """Export the graph (or a neighbourhood) for Gephi, Neo4j, spreadsheets or scripts."""
    from .render.export import write

    g = _graph(db)
    try:
        docs, edges = _selection(g.store, key, up, down, depth)
        paths = write(fmt.value, docs, edges, out, g.store.meta().get("built_at"))
    except OSError as e:
        raise UserError(f"{out}: cannot write ({e.strerror or e})") from None
    finally:
        g.close()
    for p in paths:
        _err(f"wrote {p}")


class ColourBy(str, enum.Enum):
    type = "type"
    level = "level"


@app.command()
def html(
    key: str | None = typer.Argument(None, help="Draw only this document's neighbourhood."),
    depth: int | None = typer.Option(
        None, "--depth", "-d", min=1, help="Steps from KEY (default 2 with a KEY)."
    ),
    up: bool = typer.Option(False, "--up", help="Only what KEY builds on."),
    down: bool = typer.Option(False, "--down", help="Only what builds on KEY."),
    out: Path = typer.Option(Path("refgraph.html"), "--out", "-o", help="The page to write."),
    colour_by: ColourBy = typer.Option(
        ColourBy.type, "--color-by", "--colour-by", help="Colour nodes by document type or by level."
    ),
    max_nodes: int = typer.Option(
        3000, "--max-nodes", min=1, help="Refuse larger graphs (a page that big freezes)."
    ),
    db: Path | None = _db_option(),
) -> None:
    """An interactive, self-contained HTML view of the graph or of one neighbourhood."""
    from .render import html as page

    g = _graph(db)
    try:
        docs, edges = _selection(g.store, key, up, down, depth or (2 if key else None))
        ids = list(docs)
        cited = dict(g.store.scalar_rows("SELECT id, cited FROM documents WHERE cited > 0"))
        mentions = dict(
            g.store.scalar_rows(
                "SELECT doc_id, COUNT(*) FROM mentions WHERE doc_id IS NOT NULL GROUP BY doc_id"
            )
        )
        text = page.render(
            docs,
            edges,
            cited,
            mentions,
            colour_by.value,
            title=f"refgraph: {key or 'graph'}",
            max_nodes=max_nodes,
        )
    except page.TooLarge as e:
        raise UserError(str(e)) from None
    finally:
        g.close()
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as e:
        raise UserError(f"{out}: cannot write ({e.strerror or e})") from None
    print(
        f"wrote {out} ({len(ids)} documents, {len({(e.source, e.target, e.relation) for e in edges})} relations)"
    )


@app.command()
def annotate(
    file: Path = typer.Argument(..., help="The document to annotate."),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="The page to write (default: FILE.html beside it)."
    ),
    catalog: list[Path] | None = typer.Option(
        None, "--catalog", "-c", help="Catalog file(s) (default: data/catalog.tsv)."
    ),
) -> None:
    """The document's text as HTML with every citation highlighted and explained."""
    from .builder import collect
    from .checks import check_collected
    from .identity import split_front_matter
    from .render.annotate import render
    from .sources import InputError, read_source

    cats = [str(c) for c in catalog] if catalog else None
    try:
        src = read_source(file)
        _, body = split_front_matter(src.text)
        col = collect([str(file)], cats, 1)
        findings = check_collected(col)
    except InputError as e:
        raise UserError(str(e)) from None
    (f,) = col.files
    links = [col.resolution.links.get((f.path, i)) for i in range(len(f.mentions))]
    target = out or file.with_name(file.name + ".html")
    try:
        target.write_text(render(body, str(file), f.mentions, links, findings), encoding="utf-8")
    except OSError as e:
        raise UserError(f"{target}: cannot write ({e.strerror or e})") from None
    print(f"wrote {target} ({len(f.mentions)} citations, {len(findings)} finding(s))")


@app.callback()
def _root() -> None:
    """(keeps every command a subcommand, even while there is only one)"""


def main() -> None:
    # Click's standalone mode handles usage errors (exit 2), --help and exit codes; what escapes it is ours.
    try:
        app()
    except UserError as e:
        _err(str(e))
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        # `refgraph ... | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as e:  # anything unforeseen: one line, never a traceback
        if os.environ.get("REFGRAPH_DEBUG"):
            raise
        _err(f"internal error: {type(e).__name__}: {e} (set REFGRAPH_DEBUG=1 for details)")
        sys.exit(3)


if __name__ == "__main__":
    main()
