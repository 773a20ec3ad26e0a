"""Options and arguments that several commands of the command line share, declared once (Typer reads
them from the ``Annotated`` types). Choices are ``Literal`` strings: the values the library takes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

import typer

from .cli_typer import lighter_coercion
from .errors import UsageError

lighter_coercion()  # plain values without pydantic (see cli_typer): every command starts faster


def option(*names: str, help: str, **kw: Any) -> Any:
    return typer.Option(*names, help=help, **kw)


def argument(help: str) -> Any:
    return typer.Argument(help=help)


DB_HELP = "The store (default ./refgraph.db, or $REFGRAPH_DB)."
OUT_HELP = "Output file (a folder for csv and neo4j-csv; default: standard output, or ./refgraph-export/)."
CHECK_HELP = "text, json (also --json), github, sarif or junit."
EXPORT_HELP = (
    "graphml, gexf (Gephi 0.9.3+: GEXF 1.3), gexf-1.2 (older readers), json (node-link: networkx.node_link_graph(data) on NetworkX 3.6+), "
    "csv (spreadsheets, Gephi), dot, cypher (cypher-shell) or neo4j-csv (neo4j-admin import)."
)
FAIL_ON_HELP = "Exit 1 when a finding at or above this severity remains."

# ---- options shared by several commands, declared once
Db = Annotated[Path | None, option("--db", envvar="REFGRAPH_DB", show_envvar=False, help=DB_HELP)]
# One convention on every command that prints data: -f/--format picks the form, and --json is short for
# --format json (main() spells it out before Typer reads the line; see unify_format).
AsJson = Annotated[
    Literal["table", "json"],
    option("--format", "-f", help="table, or json (--json is short for --format json)."),
]
Key = Annotated[str, argument('Document key or id (loosely typed: 46/CT-TW, "Chỉ thị 46-CT/TW").')]
Catalogs = Annotated[
    list[Path] | None, option("--catalog", "-c", help="Catalog file(s) (default: the bundled one).")
]
Jobs = Annotated[int | None, option("--jobs", "-j", min=1, help="Worker processes (default: all cores).")]
Depth = Annotated[int | None, option("--depth", "-d", min=1, help="Stop after N steps.")]
Up = Annotated[bool, option("--up", help="Only what KEY builds on.")]
Down = Annotated[bool, option("--down", help="Only what builds on KEY.")]
Verbose = Annotated[bool, option("--verbose", "-v", help="Say how each file was read (encoding, format).")]
ExportOut = Annotated[Path | None, option("--out", "-o", "--output", help=OUT_HELP)]
ExtractFormat = Annotated[
    Literal["table", "jsonl", "json", "explain"],
    option(
        "--format",
        "-f",
        help="table, jsonl or json (also --json); explain: the table with the rules behind each row.",
    ),
]
CheckFormat = Annotated[
    Literal["text", "json", "github", "sarif", "junit"], option("--format", "-f", help=CHECK_HELP)
]
ExportFormat = Annotated[
    Literal["graphml", "gexf", "gexf-1.2", "json", "csv", "dot", "cypher", "neo4j-csv"],
    option("--format", "-f", help=EXPORT_HELP),
]
FailOn = Annotated[Literal["error", "warning", "never"], option("--fail-on", help=FAIL_ON_HELP)]
ColourBy = Annotated[
    Literal["type", "level"], option("--color-by", "--colour-by", help="Colour nodes by type or by level.")
]
Codes = list[str] | None

# ---- options of one command
Root = Annotated[
    Path | None,
    option("--root", help="sarif: URIs relative to this folder (default: the git work tree, else here)."),
]
JunitWarnings = Annotated[
    Literal["passed", "failure"],
    option("--junit-warnings", help="junit: a warning leaves its case passed (with output) or fails it."),
]
Version = Annotated[
    bool,
    option("--version", help="Print the version and exit.", is_eager=True, callback=lambda v: _version(v)),
]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"refgraph {__version__}")
        raise typer.Exit()


Bom = Annotated[
    bool,
    option(
        "--bom/--no-bom", help="csv: start with a UTF-8 byte-order mark (Excel needs it to read Vietnamese)."
    ),
]
Rebuild = Annotated[
    bool, option("--rebuild", help="Build a new store from scratch and replace the old (even a damaged) one.")
]
ExtractPaths = Annotated[list[Path], argument("Files or folders (.txt, .md, .html, .docx, .pdf) to read.")]
Add = Annotated[
    bool, option("--add", help="Add to the corpus already built instead of replacing it with PATHs.")
]
BuildPaths = Annotated[list[Path] | None, argument("Files and folders (default: the bundled sample corpus).")]
LineageUp = Annotated[
    bool, option("--up", help="Only what it builds on, all the way up (default: both ways).")
]
LineageDown = Annotated[bool, option("--down", help="Only what builds on it, all the way down.")]
Relation = Annotated[Codes, option("--relation", "-r", help="Follow only these relations (repeatable).")]
From = Annotated[str, argument("From this document.")]
To = Annotated[str, argument("To this one.")]
Top = Annotated[int, option("--top", min=1, help="How many most-cited documents.")]
SearchWords = Annotated[list[str], argument('Words of a key or title; diacritics optional ("chi thi 46").')]
Limit = Annotated[int, option("--limit", "-n", min=1, help="At most this many.")]
CheckPaths = Annotated[
    list[Path] | None, argument("Files and folders to check (default: the current folder).")
]
Baseline = Annotated[Path | None, option("--baseline", help="Report only findings not in this baseline.")]
WriteBaseline = Annotated[Path | None, option("--write-baseline", help="Record the findings here; exit 0.")]
Select = Annotated[Codes, option("--select", help="Only these rule codes or prefixes (RG101,RG1…).")]
Ignore = Annotated[Codes, option("--ignore", help="Skip these rule codes or prefixes.")]
Closed = Annotated[bool, option("--closed", help="Everything cited should be in the corpus.")]
Output = Annotated[Path | None, option("--output", "-o", "--out", help="Write the report to this file.")]
ExportKey = Annotated[str | None, argument("Export only this document's neighbourhood.")]
HtmlKey = Annotated[str | None, argument("Draw only this document's neighbourhood.")]
HtmlDepth = Annotated[int | None, option("--depth", "-d", min=1, help="Steps from KEY (default 2).")]
HtmlOut = Annotated[
    Path | None,
    option("--out", "-o", "--output", help="The page to write (default: named after what it shows)."),
]
MaxNodes = Annotated[
    int,
    option("--max-nodes", min=1, help="Above this, draw the most-cited documents and their neighbourhoods."),
]
AnnotateFile = Annotated[Path, argument("The document to annotate.")]
AnnotateDb = Annotated[
    Path | None, option("--db", help="Resolve the citations against this built graph as well as the catalog.")
]
AnnotateOut = Annotated[
    Path | None, option("--out", "-o", "--output", help="The page (default: FILE.html beside it).")
]
ShowAll = Annotated[bool, option("--all", help="Text: print every finding, not the worst few.")]
TreeAll = Annotated[bool, option("--all", help="Print the whole tree (a long one is summarised).")]


def trees(renderer: str, every: bool) -> Any:
    """The terminal renderer of lineage trees, told whether to print a long tree whole (--all)."""

    def render(result: dict) -> None:
        from .render import terminal

        getattr(terminal, renderer)(result, show_all=every)

    return render


def tree_brief(cap: int | None, every: bool) -> int | None:
    """The line count beyond which the terminal summarises a lineage tree (its cross-references are then
    only counted: the query need not read them); None for JSON (no ``cap``) and --all, which show all."""
    if cap is None or every:
        return None
    from .render import terminal

    return terminal.TREE_ROWS


def direction(up: bool, down: bool) -> str | None:
    """--up and --down as the library's direction: "up", "down", or None for both ways."""
    if up and down:
        raise UsageError("choose one of --up and --down (or neither, for both ways)")
    return "up" if up else "down" if down else None


CheckDb = Annotated[
    Path | None,
    option(
        "--db",
        envvar="REFGRAPH_DB",
        show_envvar=False,
        help="A store built from these files: unchanged files are not read again (default ./refgraph.db when present).",
    ),
]


def unify_format(argv: list[str]) -> list[str]:
    """The command line with ``--json`` spelled ``--format json``, the one convention every command
    takes (up to a ``--``, after which words are arguments)."""
    out: list[str] = []
    command = False  # before the command's name, --json is nobody's option: left for Click to refuse
    for i, word in enumerate(argv):
        if word == "--":
            return out + argv[i:]
        out += ["--format", "json"] if word == "--json" and command else [word]
        command = command or not word.startswith("-")
    return out


def wants_json(argv: list[str]) -> bool:
    """Whether the (unified) command line asks for JSON: then errors are JSON too."""
    words = argv[: argv.index("--")] if "--" in argv else argv
    pairs = zip(words, words[1:])
    forms = ("json", "jsonl")
    return any(a in ("-f", "--format") and b in forms for a, b in pairs) or any(
        w in (f"{p}{f}" for p in ("--format=", "-f") for f in forms) for w in words
    )


def fail(as_json: bool, message: str, code: int) -> NoReturn:
    """Report an error on standard error and exit: one line of text, or with JSON asked for, one JSON
    object ``{"error": …, "code": …}`` (the exit code) that a script can parse."""
    import json
    import sys

    if as_json:
        print(json.dumps({"error": message, "code": code}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"refgraph: {message}", file=sys.stderr)
    sys.exit(code)


def tell_problems(problems: list[str], as_json: bool, code: int) -> None:
    """Problems with some inputs that do not stop the others (an unreadable file among many): one line
    each on stderr, as JSON objects like :func:`fail`'s when JSON was asked for."""
    import json
    import sys

    for p in problems:
        line = json.dumps({"error": p, "code": code}, ensure_ascii=False) if as_json else f"refgraph: {p}"
        print(line, file=sys.stderr)


def plain_help_types() -> None:
    """Help names values by what they are (PATH, N, TEXT) rather than by Typer's Python type names
    (``<list[Path]>``, ``<int range>``), which recent Typer prints; an argument shows its own name."""
    from typer import core

    base = getattr(core, "_TyperParameter", None)
    if base is None or not hasattr(base, "display_type"):  # an older Typer: Click's metavars, all plain
        return
    typed = base.display_type

    def display_type(self, ctx):
        if self.metavar is not None:
            return self.metavar
        desc = getattr(self, "type_descriptor", None)
        if desc is None or getattr(desc, "is_choice", True):  # choices (<a|b>) as Typer shows them
            return typed(self, ctx)
        if getattr(desc, "is_path", False):
            return "PATH"
        name = getattr(desc.annotation, "__name__", str(desc.annotation))
        element = (getattr(desc.annotation, "__args__", None) or [None])[0]
        if getattr(desc, "is_list", False) and element is not None:
            name = getattr(element, "__name__", "")
        return {"int": "N", "float": "NUMBER", "Path": "PATH"}.get(name, "TEXT")

    setattr(base, "display_type", display_type)  # noqa: B010 (a method replaced on Typer's class)
    setattr(core.TyperArgument, "display_type_rich", lambda self, ctx: None)  # noqa: B010 (its name says it)


def run(app: Any) -> None:
    """The command line's main: ``--json`` unified into ``--format json``, then Typer; a RefgraphError, a
    signal or anything unforeseen ends in one line on stderr (one JSON object when JSON was asked for,
    usage errors included) and its exit code, never a traceback (unless $REFGRAPH_DEBUG is set)."""
    import os
    import sys

    from .errors import EXIT_INTERNAL, RefgraphError
    from .workers import Interrupted, install_signal_handlers

    install_signal_handlers()  # SIGINT and SIGTERM: a clean stop, one line, exit 130 or 143
    plain_help_types()
    argv = unify_format(sys.argv[1:])
    as_json = wants_json(argv)
    try:
        # JSON asked for: Typer leaves usage errors to us (standalone_mode=False), to report them as JSON
        code = app(args=argv, standalone_mode=not as_json)
        sys.exit(code if isinstance(code, int) else 0)
    except RefgraphError as e:
        fail(as_json, e.report(), e.exit_code)
    except (Interrupted, KeyboardInterrupt) as e:  # SIGINT, SIGTERM: 128 + the signal's number
        fail(as_json, "interrupted", e.exit_code if isinstance(e, Interrupted) else 130)
    except BrokenPipeError:
        # `refgraph ... | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as e:
        # a usage error (Click's, in JSON mode): its message and exit code (2)
        usage_code = getattr(e, "exit_code", None)
        if hasattr(e, "format_message") and isinstance(usage_code, int):
            fail(as_json, e.format_message(), usage_code)
        if os.environ.get("REFGRAPH_DEBUG"):
            raise
        fail(
            as_json,
            f"internal error: {type(e).__name__}: {e} (set REFGRAPH_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )
