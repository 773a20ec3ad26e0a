"""A document's text as HTML with every citation highlighted: what the tool understood, for a reviewer.

Tooltips are the browser's own (the title attribute), which shows text only; everything from the
document is escaped.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Diagnostic, Mention
from ..sources import GENERATOR_META

STATUS_CLASS = {
    "resolved": "ok",
    "cited_only": "unknown",
    "ambiguous": "warn",
    "unscoped": "warn",
    "unresolved": "bad",
    "named": "unknown",  # a reference by name only, kept on a node of that name
}


@dataclass
class Annotated:
    page: str  # the HTML
    citations: int
    findings: int
    in_graph: int | None = None  # citations resolved to a document of the graph (annotate --db), else None

    def summary(self, path) -> str:
        in_graph = "" if self.in_graph is None else f", {self.in_graph} resolved in the graph"
        return f"wrote {path} ({self.citations} citations{in_graph}, {self.findings} finding(s))"


def annotate_file(
    path: str | os.PathLike,
    catalogs: Sequence[str | os.PathLike] | None = None,
    db: str | os.PathLike | None = None,
) -> Annotated:
    """Read one document, extract, resolve and check it (against the catalog), and render the page.
    With ``db``, citations are resolved against that built graph as well: a document of the corpus is
    found, not reported unresolved. The citations are the same either way (and the same as extract's)."""
    from ..builder import collect
    from ..checks import check_collected
    from ..identity import split_front_matter
    from ..sources import read_source

    _, body = split_front_matter(read_source(path).text)
    col = collect([str(path)], catalogs, 1)
    findings = check_collected(col)
    (f,) = col.files
    links = [col.resolution.links.get((f.path, i)) for i in range(len(f.mentions))]
    in_graph = None
    if db is not None:
        from ..store import open_store

        with open_store(db) as store:
            links = graph_links(store, f.path, col.hashes.get(f.path), f.mentions, links)
        in_graph = sum(1 for link in links if link is not None and link.status == "resolved")
        # a citation the graph resolves is no longer an unresolved reference
        found = {(m.start, m.end) for m, link in zip(f.mentions, links) if link and link.status == "resolved"}
        findings = [d for d in findings if not (d.code in UNRESOLVED_CODES and (d.start, d.end) in found)]
    page = render(body, str(path), f.mentions, links, findings)
    return Annotated(page, len(f.mentions), len(findings), in_graph)


UNRESOLVED_CODES = ("RG111", "RG113")


def graph_links(store, path: str, sha: str | None, mentions: list[Mention], links: list) -> list:
    """Each mention's link as the built graph sees it. A file the graph was built from, unchanged, keeps
    the links the build gave it; otherwise each key is looked up among the graph's documents (one match:
    that document; several: ambiguous unless the file's own resolution picked one of them)."""
    from pathlib import Path

    from ..resolve import Link

    here = Path(path).resolve()
    for name, (stored_sha, _enc, _identity) in store.cached_files().items():
        if Path(name).resolve() == here and stored_sha == sha:
            rows = store.scalar_rows(
                "SELECT seq, doc_id, status FROM mentions WHERE file=? ORDER BY seq", (name,)
            )
            if len(rows) == len(mentions):
                return [Link(doc_id, status) for _seq, doc_id, status in rows]
    out = []
    for m, link in zip(mentions, links):
        ids = store.ids_for_key(m.key) if m.key else []
        if len(ids) == 1:
            d = store.document(ids[0])
            known = d is not None and (d.in_corpus or "in_catalog" in d.flags)
            out.append(Link(ids[0], "resolved" if known else "cited_only"))
        elif len(ids) > 1:
            if link is not None and link.doc_id in ids:
                out.append(link)
            else:
                out.append(Link(None, "ambiguous", candidates=tuple(ids)))
        else:
            out.append(link)
    return out


def render(text: str, path: str, mentions: list[Mention], links: list, findings: list[Diagnostic]) -> str:
    by_span: dict[tuple[int, int], list[Diagnostic]] = {}
    for d in findings:
        if d.start is not None:
            by_span.setdefault((d.start, d.end or d.start), []).append(d)
    parts = []
    pos = 0
    for m, link in sorted(zip(mentions, links), key=lambda p: p[0].start):
        if m.start < pos:
            continue  # overlapping spans cannot be nested in HTML; keep the first
        parts.append(html.escape(text[pos : m.start]))
        status = link.status if link else "unresolved"
        diags = by_span.get((m.start, m.end), [])
        cls = "bad" if any(d.severity == "error" for d in diags) else STATUS_CLASS.get(status, "warn")
        if diags and cls == "ok":
            cls = "warn"
        tip = [f"{m.key or '(no key)'} · {m.doc_type}", f"relation: {m.relation}"]
        if m.subject:
            tip.append(f"inside the title of {m.subject}")
        if link and link.doc_id:
            tip.append(f"document: {link.doc_id}")
        tip.append(f"status: {status}")
        if m.date:
            tip.append(f"date: {m.date.isoformat()}")
        if m.flags:
            tip.append("flags: " + ", ".join(m.flags))
        tip += [f"{d.code} {d.severity}: {d.message}" for d in diags]
        parts.append(
            f'<mark class="{cls}" data-key="{html.escape(m.key or "", quote=True)}" '
            f'data-relation="{m.relation}" title="{html.escape(chr(10).join(tip), quote=True)}">'
            f"{html.escape(text[m.start : m.end])}</mark>"
        )
        pos = m.end
    parts.append(html.escape(text[pos:]))
    counts = {c: 0 for c in ("ok", "unknown", "warn", "bad")}
    for link in links:
        counts[STATUS_CLASS.get(link.status if link else "unresolved", "warn")] += 1
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">{GENERATOR_META}<title>{html.escape(path)} · refgraph</title>
<style>
body{{font:15px/1.6 Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}}
pre{{white-space:pre-wrap;font:inherit}}
mark{{border-radius:3px;padding:0 2px;cursor:help}}
mark.ok{{background:#d4f4dd}} mark.unknown{{background:#e8e8e8}} mark.warn{{background:#fff1b8}}
mark.bad{{background:#ffc9c9;outline:1px solid #e03131}}
header{{font:13px sans-serif;border-bottom:1px solid #ddd;margin-bottom:1em;padding-bottom:.5em}}
header span{{margin-right:1.5em}}
</style></head><body>
<header><b>{html.escape(path)}</b><br>
<span><mark class="ok">resolved</mark> {counts["ok"]}</span>
<span><mark class="unknown">cited, unknown</mark> {counts["unknown"]}</span>
<span><mark class="warn">ambiguous / warning</mark> {counts["warn"]}</span>
<span><mark class="bad">error</mark> {counts["bad"]}</span></header>
<pre>{"".join(parts)}</pre>
</body></html>
"""
