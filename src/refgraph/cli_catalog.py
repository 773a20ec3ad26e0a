"""`refgraph catalog`: the catalog the corpus's own citations agree on (refgraph.evidence), summarised or
exported in the catalog format for review. A sub-app of its own so that cli.py stays a thin shell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import cli_options as o

app = typer.Typer(
    context_settings={"help_option_names": ["-h", "--help"]}, rich_markup_mode=None, no_args_is_help=False
)

MinWitnesses = Annotated[
    int, typer.Option("--min-witnesses", "-n", min=1, help="Independent files that must give the same date.")
]


def _entries(db: Path | None, min_witnesses: int):
    from . import evidence
    from .store import open_store

    store = open_store(db)
    try:
        return evidence.build(store, min_witnesses)
    finally:
        store.close()


@app.callback(invoke_without_command=True)
def catalog(ctx: typer.Context, db: o.Db = None, min_witnesses: MinWitnesses = 2) -> None:
    """What the built graph's citations agree on about the documents they cite: date, issuer, title."""
    if ctx.invoked_subcommand is None:
        from .evidence import summary

        print("\n".join(summary(_entries(db, min_witnesses), min_witnesses)))


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", "--output", help="The catalog file to write (TSV).")],
    db: o.Db = None,
    min_witnesses: MinWitnesses = 2,
) -> None:
    """Write the entries agreed by enough files, with no dissenting date, in the catalog format."""
    from .evidence import catalog_text
    from .render import write_text

    text, n = catalog_text(_entries(db, min_witnesses))
    write_text(out, text)
    print(f"{out}: {n} entries")
