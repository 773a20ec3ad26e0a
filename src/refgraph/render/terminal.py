"""Rich terminal output."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

_console: Console | None = None


def console() -> Console:
    global _console
    if _console is None:
        import sys

        # piped output is not squeezed to 80 columns
        _console = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)
    return _console


def mentions_table(rows: list[dict]) -> None:
    t = Table(show_lines=False, header_style="bold")
    for col in ("where", "key", "type", "date", "issuer", "relation", "subject", "flags"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(
            f"{Path(r['file']).name if r['file'] else ''}:{r['line']}",
            r["key"] or f"[dim]{r['text']}[/dim]",
            r["doc_type"],
            r["date"] or (r.get("date_text") or ""),
            r["issuer"] or "",
            r["relation"],
            r["subject"] or "",
            ", ".join(r["flags"]),
        )
    console().print(t)
    console().print(f"{len(rows)} mention(s)", style="dim")
