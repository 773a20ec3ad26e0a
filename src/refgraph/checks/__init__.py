"""refgraph check: broken references, reported for people and for CI.

from refgraph.checks import check
findings = check(["docs/"])
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import UsageError
from ..models import Diagnostic
from .rules import ALL, RULES, Context, named_counts

SEVERITY_RANK = {"error": 2, "warning": 1, "note": 0}
SOURCE_WINDOW = 200  # characters of the offending line kept either side of a finding's span


def _selected(code: str, select: list[str] | None, ignore: list[str] | None) -> bool:
    if select and not any(code.startswith(s) for s in select):
        return False
    if not RULES[code].default and not (select and code in select):
        return False  # opt-in: only when --select names it
    return not (ignore and any(code.startswith(s) for s in ignore))


def check(
    paths: Sequence[str | os.PathLike] | None = None,
    catalogs: Sequence[str | os.PathLike] | None = None,
    *,
    closed: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    today: dt.date | None = None,
    jobs: int | None = None,
    progress=None,
    db: str | os.PathLike | None = None,
) -> list[Diagnostic]:
    """Every finding in the documents under ``paths``, sorted by file and position (``progress``: as
    for builder.build, a bar's callback).

    A store built from these files (``db``, or the default store when it exists) is reused: a file whose
    content hash is the one the store recorded is not extracted again, so checking an unchanged corpus
    costs reading and hashing it, not parsing it."""
    from .. import catalog as catalog_mod
    from ..builder import collect, stored_statements
    from ..workers import gc_paused

    store = _reusable_store(db)
    with gc_paused():
        try:
            collected = collect(paths or ["."], catalogs, jobs, progress, store=store)
            if store is not None:  # the same inputs and code as its build: its statements, not read again
                used = catalogs if catalogs is not None else catalog_mod.bundled_catalogs()
                collected.statements = stored_statements(store, collected, used)
        finally:
            if store is not None:
                store.close()
        return check_collected(collected, closed=closed, select=select, ignore=ignore, today=today)


def _reusable_store(db: str | os.PathLike | None):
    """The store to take unchanged files' mentions from, or None: a missing or foreign file is no reason
    for a check to fail (it extracts everything instead)."""
    from ..errors import RefgraphError
    from ..store import default_path, open_store

    path = Path(db) if db else default_path()
    if not path.is_file():
        return None
    try:
        return open_store(path)
    except (RefgraphError, OSError):
        return None


def check_collected(
    collected,
    *,
    closed: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    today: dt.date | None = None,
) -> list[Diagnostic]:
    """The findings for a corpus already read and resolved (refgraph.builder.collect)."""
    ctx = Context(collected, today or dt.date.today(), closed)
    found: list[Diagnostic] = []
    seen = set()
    for rule in ALL:
        for d in rule(ctx):
            if not _selected(d.code, select, ignore):
                continue
            ident = (d.code, d.file, d.start, d.message)
            if ident not in seen:
                seen.add(ident)
                found.append(d)
    out = Findings(sorted(_locate(found, ctx.text), key=lambda d: (d.file or "", d.start or 0, d.code)))
    out.named = named_counts(ctx)
    return out


class Findings(list):
    """The findings, and what the summary adds: ``named`` counts references by name only that stand for
    two documents or that the catalog cannot place (counted once, not reported one by one)."""

    named: dict[str, int] = {}


def _locate(found: list[Diagnostic], text_of=None) -> list[Diagnostic]:
    """Columns and the offending line, read from the files (only those with findings). ``text_of`` gives
    a file's text as the rules read it ("" when unreadable), so a file is not read twice."""
    from ..identity import split_front_matter
    from ..sources import InputError, read_source
    from ..text import line_starts

    def read(path: str) -> str:
        try:
            return split_front_matter(read_source(path).text)[1]
        except InputError:
            return ""

    text_of = text_of or read
    texts: dict[str, tuple[str, list[int]] | None] = {}
    out = []
    for d in found:
        if d.file is None or d.start is None or d.line is None:
            out.append(d)
            continue
        if d.file not in texts:
            body = text_of(d.file)
            texts[d.file] = (body, line_starts(body)) if body else None
        t = texts[d.file]
        if t is None:
            out.append(d)
            continue
        body, starts = t
        start = d.start
        end = d.end or start
        line_start = starts[d.line - 1]
        end_line = d.line
        while end_line < len(starts) and starts[end_line] <= end - 1:
            end_line += 1
        nl = body.find("\n", line_start)
        line_end = nl if nl != -1 else len(body)
        # a window of a long line, not the line: one unbroken 1 MB line with thousands of findings
        # would otherwise hold (and print in JSON) a copy of the whole line per finding
        lo = max(line_start, start - SOURCE_WINDOW)
        hi = min(line_end, max(end, start) + SOURCE_WINDOW)
        out.append(
            replace(
                d,
                column=start - line_start + 1,
                end_line=end_line,
                end_column=end - starts[end_line - 1] + 1,
                source_line=body[lo:hi],
                source_offset=lo - line_start,
            )
        )
    return out


def parse_codes(values: list[str] | None) -> list[str] | None:
    """Rule codes or prefixes as typed (repeated or comma-separated: "RG101,rg2"), checked against RULES."""
    if not values:
        return None
    out = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    bad = [c for c in out if not any(r.startswith(c) for r in RULES)]
    if bad:
        raise UsageError(f"unknown rule code(s) {', '.join(bad)}; known: {', '.join(RULES)}")
    return out


def fails(findings: list[Diagnostic], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[d.severity] >= threshold for d in findings)


def relpath(p: str | None) -> str | None:
    """Paths as CI tools want them: relative to the working folder when inside it, with / separators."""
    if p is None:
        return None
    # a report names the same few thousand files again and again: each path is resolved once per folder
    return _relpath(p, os.getcwd())


@functools.lru_cache(maxsize=65536)
def _relpath(p: str, cwd: str) -> str:
    try:
        return Path(p).resolve().relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        return Path(p).as_posix()


__all__ = ["check", "check_collected", "RULES", "fails", "parse_codes", "relpath"]
