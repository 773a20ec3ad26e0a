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
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .md) to read."),  # noqa: B008
    fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table, jsonl or json."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say which encoding each file was read in."),
) -> None:
    """Find every citation in the given documents."""
    from .extract import extract as run_extract
    from .sources import InputError, iter_paths, read_source

    files, problems = iter_paths([str(p) for p in paths])
    for p in problems:
        _err(p)
    if not files and not problems:
        raise UserError("no readable documents (.txt, .md) under the given paths")
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
        rows.extend(m.to_dict() | {"file": str(f)} for m in run_extract(src.text, str(f)))
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
