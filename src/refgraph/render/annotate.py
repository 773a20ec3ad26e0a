"""A document's text as HTML with every citation highlighted: what the tool understood, for a reviewer.

Tooltips are the browser's own (the title attribute), which shows text only; everything from the
document is escaped.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass

from ..models import Diagnostic, Mention
from ..sources import GENERATOR_META

STATUS_CLASS = {
    "resolved": "ok",
    "cited_only": "unknown",
    "ambiguous": "warn",
    "unscoped": "warn",
    "unresolved": "bad",
}


@dataclass
class Annotated:
    page: str  # the HTML
    citations: int
    findings: int


def annotate_file(path: str | os.PathLike, catalogs: list[str | os.PathLike] | None = None) -> Annotated:
    """Read one document, extract, resolve and check it (against the catalog), and render the page."""
    from ..builder import collect
    from ..checks import check_collected
    from ..identity import split_front_matter
    from ..sources import read_source

    _, body = split_front_matter(read_source(path).text)
    col = collect([str(path)], catalogs, 1)
    findings = check_collected(col)
    (f,) = col.files
    links = [col.resolution.links.get((f.path, i)) for i in range(len(f.mentions))]
    return Annotated(render(body, str(path), f.mentions, links, findings), len(f.mentions), len(findings))


def render(text: str, path: str, mentions: list[Mention], links: list, findings: list[Diagnostic]) -> str:
    by_span: dict[tuple[int, int], list[Diagnostic]] = {}
    for d in findings:
        if d.start is not None:
            by_span.setdefault((d.start, d.end), []).append(d)
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
