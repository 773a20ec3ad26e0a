"""Rich terminal output."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

from . import TERMINAL_ROWS

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from ..builder import BuildReport


def _table(*args, **kwargs) -> Table:
    """rich is imported by the renderers that draw with it: a lineage tree is plain lines, and importing
    rich costs about as much as the query that fills the tree."""
    from rich.table import Table

    return Table(*args, **kwargs)


_console: Console | None = None


def console() -> Console:
    global _console
    if _console is None:
        import sys

        from rich.console import Console

        if sys.stdout.isatty():
            _console = Console(highlight=False, soft_wrap=False)
        else:  # piped: not squeezed to 80 columns, and no line padded with spaces to the table's width
            _console = Console(highlight=False, soft_wrap=False, width=200, file=cast(IO[str], _Unpadded()))
    return _console


class _Unpadded:
    """Standard output (whatever sys.stdout is at the time, as Rich's default) without the spaces ending
    each line (Rich pads titles and rows to the width of the table): a chunk's trailing spaces are held
    back until it is known whether the line goes on."""

    spaces = ""

    @property
    def out(self):
        import sys

        return sys.stdout

    def write(self, text: str) -> int:
        *lines, last = (self.spaces + text).split("\n")
        kept = last.rstrip(" ")
        self.spaces = last[len(kept) :]
        self.out.write("\n".join([line.rstrip(" ") for line in lines] + [kept]))
        return len(text)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return getattr(self.out, "encoding", None) or "utf-8"


def mentions_table(rows: list[dict], explain: bool = False) -> None:
    t = _table(show_lines=explain, header_style="bold")
    cols = ["where", "key", "type", "date", "issuer", "relation", "subject", "flags"]
    for col in cols + (["why"] if explain else []):
        t.add_column(col, overflow="fold")
    for r in rows:
        cells = [
            f"{Path(r['file']).name if r['file'] else ''}:{r['line']}",
            r["key"] or f"[dim]{r['text']}[/dim]",
            r["doc_type"],
            r["date"] or (r.get("date_text") or ""),
            r["issuer"] or "",
            r["relation"],
            r["subject"] or "",
            ", ".join(r["flags"]),
        ]
        if explain:  # the rules behind the fields, so a wrong relation can be traced to its rule
            cells.append(_esc("\n".join(r.get("why") or ())))
        t.add_row(*cells)
    console().print(t)
    console().print(f"{len(rows)} mention(s)", style="dim")


def _untitled(d: dict) -> list[str]:
    """A document with no number is known by a file name: its title says what it is."""
    title = d.get("title")
    if d.get("key") or not title:
        return []
    return [f"“{title[:70]}{'…' if len(title) > 70 else ''}”"]


def _doc_label(d: dict) -> str:
    bits = [f"[bold]{d['id']}[/bold]", *(_esc(t) for t in _untitled(d))]
    if d.get("type"):
        bits.append(d["type"])
    if d.get("date"):
        bits.append(d["date"])
    if d.get("issuer"):
        bits.append(d["issuer"])
    if d.get("province") and d.get("key"):
        bits.append(f"({d['province']})")
    if d.get("in_corpus"):
        bits.append("[green]in corpus[/green]")
    return " · ".join(bits)


def _esc(s: str | None) -> str:
    from rich.markup import escape

    return escape(s or "")


_IDENTITY_FIELD = {"type": "doc_type"}  # card field -> identity field


def _read_from(card: dict, field: str) -> str:
    """ "  ← header.dateline, line 15": where the file's own text gave this field."""
    src = ((card.get("identity") or {}).get("fields") or {}).get(_IDENTITY_FIELD.get(field, field))
    if not src or str(src.get("value")) != str(card["document"].get(field)):
        return ""  # the node's value came from elsewhere (catalog, citations): no claim about the file
    where = f", line {src['line']}" if src.get("line") else ""
    return f"  [dim]← {_esc(src['rule'])}{where}[/dim]"


def document_card(card: dict) -> None:
    from rich.panel import Panel

    d = card["document"]
    lines = [
        f"[bold]{_esc(d['id'])}[/bold]"
        + (f"  ({_esc(d['key'])})" if d.get("key") and d["key"] != d["id"] else "")
        + _read_from(card, "key"),
    ]
    for label, field in (
        ("type", "type"),
        ("date", "date"),
        ("issuer", "issuer"),
        ("term", "term"),
        ("province", "province"),
        ("title", "title"),
        ("file", "path"),
    ):
        if d.get(field):
            lines.append(f"[dim]{label:9}[/dim]{_esc(str(d[field]))}{_read_from(card, field)}")
    n_mentions = card.get("counts", {}).get("mentions", len(card["mentions"]))
    by_docs = card.get("counts", {}).get("cited_by_documents")
    by = f"by {by_docs} document(s), " if by_docs is not None else ""
    lines.append(f"[dim]{'cited':9}[/dim]{by}{n_mentions} mention(s)")
    ident = card.get("identity") or {}
    if ident.get("kind") == "page":
        lines.append(f"[dim]{'kind':9}[/dim]page: no header, so no number or date of its own")
    for note in ident.get("notes") or ():
        lines.append(f"[yellow]differs   {_esc(note)}[/yellow]")
    if card.get("conflicts"):
        lines.append(f"[red]conflict  dates given: {', '.join(card['conflicts']['dates'])}[/red]")
    if d.get("flags"):
        lines.append(f"[dim]{'flags':9}[/dim]{', '.join(d['flags'])}")
    console().print(Panel("\n".join(lines), expand=False))
    counts = card.get("counts", {})
    edge_table("cites", card["cites"], counts.get("cites"), counts.get("cites_documents"))
    edge_table("cited by", card["cited_by"], counts.get("cited_by"), counts.get("cited_by_documents"))


STATS_ROWS = 20  # rows of the by-type and by-issuer tables in the terminal
MAX_ROWS = (
    TERMINAL_ROWS  # a hub is cited thousands of times; the terminal shows the first rows, --json has all
)


def edge_table(title: str, rows: list[dict], total: int | None = None, documents: int | None = None) -> None:
    """``total`` citations (mentions) from or to ``documents`` distinct documents; one row a citation."""
    total = len(rows) if total is None else total
    if documents is None:
        documents = len({r["id"] for r in rows})
    t = _table(
        title=f"{title} ({documents} document(s), {total} mention(s))",
        title_justify="left",
        header_style="bold",
    )
    for col in ("document", "relation", "date", "where", "snippet"):
        t.add_column(col, overflow="fold")
    for r in rows[:MAX_ROWS]:
        t.add_row(
            _esc(r["id"]),
            r["relation"],
            r.get("date") or "",
            f"{Path(r['file']).name}:{r['line']}",
            _esc(r.get("snippet") or ""),
        )
    console().print(t)
    shown = min(len(rows), MAX_ROWS)
    if total > shown:
        console().print(f"… and {total - shown} more (--json lists them all)", style="dim")


TREE_ROWS = 60  # lines a lineage tree prints before it is summarised (--all: every line)


def tree(result: dict, title: str, show_all: bool = False) -> None:
    """A lineage as an indented tree. Written line by line (rich's Tree lays out the whole tree first,
    which takes seconds for the hundreds of nodes a lineage in a large corpus can have).

    A long tree is summarised unless ``show_all``: each document's cross-references to documents
    already drawn become one line with their number, the first TREE_ROWS lines are printed, and the
    last lines say how many documents there are at each depth and how many were left out."""
    import sys

    def label(d: dict) -> str:
        bits = [d["id"], *_untitled(d)]
        for field in ("type", "date", "issuer"):
            if d.get(field):
                bits.append(d[field])
        if d.get("province") and d.get("key"):
            bits.append(f"({d['province']})")
        if d.get("in_corpus"):
            bits.append("in corpus")
        return " · ".join(bits)

    def lines(d: dict, prefix: str, every: bool, out: list[str]) -> None:
        rows = [(c["relation"] + " " + label(c), c) for c in d["children"]]
        also = d.get("also", [])
        n_also = d.get("also_count", len(also))  # a brief tree counts them (Graph.lineage's ``brief``)
        if every:
            rows += [(f"{a['relation']} {a['id']} (also in this tree)", None) for a in also]
        elif n_also:
            rows.append((f"… and {n_also} more link(s) to documents already in this tree", None))
        for i, (text, child) in enumerate(rows):
            last = i == len(rows) - 1
            out.append(prefix + ("└── " if last else "├── ") + text)
            if child is not None:
                lines(child, prefix + ("    " if last else "│   "), every, out)

    roots = result["root"] if isinstance(result["root"], list) else [result["root"]]
    out: list[str] = []
    more = " (depth limit reached; more beyond)" if result.get("truncated") else ""
    if not show_all and _line_count(roots) > TREE_ROWS:
        out = []
        for r in roots:
            out.append(f"{title}: {label(r)}")
            lines(r, "", False, out)
        if len(out) > TREE_ROWS:
            docs = sum(1 for line in out[TREE_ROWS:] if not line.endswith(" already in this tree"))
            out = out[:TREE_ROWS] + [f"… {len(out) - TREE_ROWS} more line(s): {docs} more document(s)"]
        levels = _per_depth(roots)
        by_depth = ", ".join(f"{n} at depth {i + 1}" for i, n in enumerate(levels))
        out.append(f"{result['count']} document(s){more}: {by_depth}")
        out.append("(summarised: --all prints the whole tree, --json gives it as data)")
    else:
        for r in roots:
            out.append(f"{title}: {label(r)}")
            lines(r, "", True, out)
        out.append(f"{result['count']} document(s){more}")
    sys.stdout.write("\n".join(out) + "\n")


def _line_count(roots: list[dict]) -> int:
    """How many lines the whole tree takes (a title per root, a line per child and per cross-reference)."""
    count, todo = len(roots), list(roots)
    while todo:
        d = todo.pop()
        count += len(d["children"]) + d.get("also_count", len(d.get("also", ())))
        todo.extend(d["children"])
    return count


def _per_depth(roots: list[dict]) -> list[int]:
    """How many documents the tree holds at each depth below its root(s)."""
    counts: list[int] = []
    layer = [c for r in roots for c in r["children"]]
    while layer:
        counts.append(len(layer))
        layer = [c for d in layer for c in d["children"]]
    return counts


def path(result: dict) -> None:
    if not result["steps"] and result["direction"] is None:
        console().print(f"no chain of citations between {_esc(result['from'])} and {_esc(result['to'])}")
        return
    if not result["steps"]:
        console().print(f"{_esc(result['from'])} is {_esc(result['to'])}")
        return
    start = result["start"]
    console().print(_doc_label({k: _esc(v) if isinstance(v, str) else v for k, v in start.items()}))
    for s in result["steps"]:
        console().print(
            f"  └─[cyan]{s['relation']}[/cyan]→ "
            + _doc_label({k: _esc(v) if isinstance(v, str) else v for k, v in s.items()})
            + f"  [dim]{Path(s['file']).name}:{s['line']}[/dim]"
        )
    if result["direction"] == "backward":
        console().print(f"(the chain runs from {_esc(result['to'])} to {_esc(result['from'])})", style="dim")


def stats(s: dict) -> None:
    from rich.table import Table

    head = Table.grid(padding=(0, 2))
    for k in (
        "documents",
        "in_corpus",
        "cited_only",
        "files",
        "mentions",
        "edges",
        "unresolved",
        "ambiguous",
        "unscoped",
        "date_conflicts",
    ):
        head.add_row(k.replace("_", " "), str(s[k]))
    console().print(head)
    for title, key in (
        ("by type", "by_type"),
        ("by issuer", "by_issuer"),
        ("by relation", "by_relation"),
        ("by year", "by_year"),
    ):
        t = _table(title=title, title_justify="left", header_style="bold")
        t.add_column(title.split()[-1])
        t.add_column("n", justify="right")
        rows = list(s[key].items())
        # types and issuers run to hundreds on a real corpus; years and relations are read whole
        shown = rows[:STATS_ROWS] if key in ("by_type", "by_issuer") else rows
        for k, v in shown:
            t.add_row(_esc(k), str(v))
        console().print(t)
        if len(rows) > len(shown):
            console().print(f"… and {len(rows) - len(shown)} more (--json lists them all)", style="dim")
    t = _table(title="most cited", title_justify="left", header_style="bold")
    t.add_column("document")
    t.add_column("cited by (documents)", justify="right")
    t.add_column("mentions", justify="right")
    for r in s["most_cited"]:
        t.add_row(_esc(r["id"]), str(r["cited"]), str(r.get("mentions", "")))
    console().print(t)


def search_results(r: dict) -> None:
    t = _table(
        title=f"search: {_esc(r['query'])} ({len(r['results'])})", title_justify="left", header_style="bold"
    )
    for col in ("document", "type", "date", "cited", "title"):
        t.add_column(col, overflow="fold")
    for d in r["results"]:
        t.add_row(
            _esc(d["id"]),
            d.get("type") or "",
            d.get("date") or "",
            str(d.get("cited", 0)),
            _esc(d.get("title")),
        )
    console().print(t)


def print_json_lines(rows: list[dict]) -> None:
    """One JSON object a line (jsonl), written as it goes."""
    import json
    import sys

    out = sys.stdout
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


@contextlib.contextmanager
def progress(enabled: bool) -> Iterator[Callable[[int], Callable[[], None]] | None]:
    """A progress callback for build (``progress(total)`` returns the per-file tick), or None when the
    output is not a terminal; the bar is gone when the block ends."""
    if not enabled:
        yield None
        return
    from rich.progress import Progress

    bar = Progress(transient=True)

    def start(total: int) -> Callable[[], None]:
        bar.start()
        task = bar.add_task("extracting", total=total)
        return lambda: bar.advance(task)

    try:
        yield start
    finally:
        bar.stop()


def dropped_notice(files: list[str], shown: int = 5) -> str:
    """What a build that replaces the corpus leaves out, said before it does so."""
    names = ", ".join(Path(f).name for f in files[:shown]) + (", …" if len(files) > shown else "")
    return (
        f"the paths given replace the corpus: {len(files)} document(s) of the previous build are not among "
        f"them and leave it ({names}); use --add to keep them"
    )


def build_summary(report: BuildReport) -> str:
    return (
        f"{report.db}: {report.documents} documents ({report.in_corpus} in the corpus), "
        f"{report.mentions} mentions, {report.edges} edges; {report.unresolved} unresolved, "
        f"{report.cited_only} cited but unknown, {report.ambiguous} ambiguous, {report.conflicts} with conflicting dates. "
        f"Files: {report.extracted} read, {report.reused} unchanged, {len(report.skipped)} skipped.\n"
        + report.identity_summary()
    )


LINEAGE_TITLES = {
    "up": "up, what it builds on (each line: the document above cites the one below)",
    "down": "down, what builds on it (each line: the document below cites the one above)",
}


def lineage_trees(r: dict, show_all: bool = False) -> None:
    """One lineage tree (``--up`` or ``--down``) or both, each saying which way it goes."""
    if "direction" in r:
        tree(r, LINEAGE_TITLES[r["direction"]], show_all)
        return
    tree(r["up"], LINEAGE_TITLES["up"], show_all)
    print()
    tree(r["down"], LINEAGE_TITLES["down"], show_all)


def implements_trees(r: dict, show_all: bool = False) -> None:
    tree(
        r["implemented_by"],
        "implemented by (down: documents that implement it, and what implements those)",
        show_all,
    )
    print()
    tree(r["implements"], "implements (up: what it implements, and what those implement)", show_all)


def cites_table(r: dict) -> None:
    edge_table(f"{r['id']} cites", r["cites"], r["total"], r.get("documents"))


def cited_by_table(r: dict) -> None:
    edge_table(f"{r['id']} is cited by", r["cited_by"], r["total"], r.get("documents"))
