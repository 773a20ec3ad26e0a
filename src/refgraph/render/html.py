"""The interactive HTML view (pyvis / vis-network), self-contained and offline.

pyvis builds the network; the page is then made to stand alone: vis-network is inlined, the template's
remote stylesheets and scripts are removed, and a small script of ours adds a legend, turns physics off
once the layout has settled, and shows every tooltip as text (document titles are data, never markup).
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import TooLarge
from ..graph import level_of
from ..models import Document, Edge
from ..sources import GENERATOR_META

if TYPE_CHECKING:
    from ..queries import Graph

MAX_NODES = 3000

TYPE_COLOURS = {
    "Nghị quyết": "#d62728",
    "Chỉ thị": "#1f77b4",
    "Kết luận": "#9467bd",
    "Quyết định": "#2ca02c",
    "Quy định": "#8c564b",
    "Kế hoạch": "#ff7f0e",
    "Nghị định": "#17becf",
    "Thông tư": "#bcbd22",
    "Luật": "#e377c2",
    "Hướng dẫn": "#7f7f7f",
    "Đề án": "#aec7e8",
}
OTHER_COLOUR = "#c7c7c7"
LEVEL_COLOURS = {
    "central-party": "#d62728",
    "central-state": "#1f77b4",
    "local": "#2ca02c",
    "corpus": "#7f7f7f",
}
RELATION_STYLES = {  # colour, dashed
    "implements": ("#d62728", False),
    "based_on": ("#1f77b4", False),
    "amends": ("#ff7f0e", False),
    "replaces": ("#8c564b", False),
    "repeals": ("#000000", False),
    "guides": ("#2ca02c", True),
    "approves": ("#9467bd", True),
    "cites": ("#999999", True),
}

_REMOTE = re.compile(r"<(?:link|script)\b[^>]*(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.S)


def tooltip(d: Document, cited: int, mentions: int) -> str:
    lines = [d.key or d.id]
    for label, value in (
        ("type", d.doc_type),
        ("date", d.date.isoformat() if d.date else None),
        ("issuer", d.issuer),
        ("term", d.term),
        ("province", d.province),
        ("title", d.title),
    ):
        if value:
            lines.append(f"{label}: {value}")
    if len(d.dates_seen) > 1:
        lines.append("conflicting dates: " + ", ".join(d.dates_seen))
    lines.append(f"cited {cited} time(s), {mentions} mention(s)")
    lines.append("in the corpus: " + d.path if d.path else "cited only")
    return "\n".join(lines)


def render(
    docs: dict[str, Document],
    edges: list[Edge],
    cited: dict[str, int],
    mentions: dict[str, int],
    colour_by: str = "type",
    title: str = "refgraph",
    max_nodes: int = MAX_NODES,
) -> str:
    from pyvis.network import Network

    ids = sorted(set(docs) | {e.source for e in edges} | {e.target for e in edges})
    if len(ids) > max_nodes:
        raise TooLarge(
            f"{len(ids)} documents is more than a browser page handles well (limit {max_nodes}); "
            "draw a neighbourhood instead: refgraph html KEY --depth 2"
        )
    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    for i in ids:
        d = docs.get(i)
        if d is None:
            net.add_node(i, label=i, title=i, color=OTHER_COLOUR, size=10)
            continue
        colour = (
            LEVEL_COLOURS.get(level_of(d), OTHER_COLOUR)
            if colour_by == "level"
            else TYPE_COLOURS.get(d.doc_type or "", OTHER_COLOUR)
        )
        n = cited.get(i, 0)
        net.add_node(
            i,
            label=d.key or d.id,
            title=tooltip(d, n, mentions.get(i, 0)),
            size=10 + 6 * math.sqrt(n),
            color={"background": colour if d.in_corpus else "#ffffff", "border": colour},
            borderWidth=3 if d.in_corpus else 2,
            shapeProperties={"borderDashes": False if d.in_corpus else [4, 3]},
            shape="dot",
            font={"size": 14},
        )
    grouped: dict[tuple[str, str, str], int] = {}
    for e in edges:
        grouped[(e.source, e.target, e.relation)] = grouped.get((e.source, e.target, e.relation), 0) + 1
    for (s, t, rel), count in sorted(grouped.items()):
        colour, dashed = RELATION_STYLES.get(rel, ("#999999", True))
        net.add_edge(
            s,
            t,
            title=f"{s} {rel} {t} ({count} mention(s))",
            color=colour,
            dashes=dashed,
            width=1 + min(4, count - 1),
            arrows="to",
            relation=rel,
        )
    net.set_options(
        json.dumps(
            {
                "physics": {
                    "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                },
                "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
                "edges": {"smooth": {"type": "continuous"}},
            }
        )
    )
    page = net.generate_html()
    page = _REMOTE.sub("", page)
    legend = _legend(colour_by, docs)
    script = _SCRIPT.replace("__COUNTS__", json.dumps({"nodes": len(ids), "edges": len(grouped)}))
    page = page.replace("<body>", f"<body>\n{legend}", 1)
    page = page.replace("</body>", f"{script}\n</body>", 1)
    page = page.replace("<head>", f"<head>\n{GENERATOR_META}\n<title>{html.escape(title)}</title>", 1)
    return page


def _legend(colour_by: str, docs: dict[str, Document]) -> str:
    items = []
    if colour_by == "level":
        for name, c in LEVEL_COLOURS.items():
            items.append(f'<div><span class="dot" style="background:{c}"></span>{html.escape(name)}</div>')
    else:
        present = {d.doc_type for d in docs.values() if d.doc_type}
        for name, c in TYPE_COLOURS.items():
            if name in present:
                items.append(
                    f'<div><span class="dot" style="background:{c}"></span>{html.escape(name)}</div>'
                )
        if any(t not in TYPE_COLOURS for t in present):
            items.append(f'<div><span class="dot" style="background:{OTHER_COLOUR}"></span>other</div>')
    items.append('<div><span class="dot" style="background:#555"></span>in the corpus</div>')
    items.append('<div><span class="dot hollow"></span>cited only</div>')
    for rel, (c, dashed) in RELATION_STYLES.items():
        style = "dashed" if dashed else "solid"
        items.append(f'<div><span class="line" style="border-top:2px {style} {c}"></span>{rel}</div>')
    return (
        "<style>#refgraph-legend{position:fixed;top:8px;right:8px;z-index:10;background:rgba(255,255,255,.92);"
        "border:1px solid #ccc;border-radius:6px;padding:8px 12px;font:13px sans-serif}"
        "#refgraph-legend .dot{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:6px}"
        "#refgraph-legend .hollow{border:2px dashed #555;width:7px;height:7px}"
        "#refgraph-legend .line{display:inline-block;width:24px;margin-right:6px;vertical-align:middle}"
        "div.vis-tooltip{white-space:pre-line;max-width:420px}</style>"
        f'<div id="refgraph-legend"><b>refgraph</b>{"".join(items)}</div>'
    )


# Runs after pyvis's drawGraph(): physics stops once the layout settles (a big graph must not keep the
# page busy), and string tooltips become text nodes (vis-network would otherwise read them as HTML).
_SCRIPT = """<script>
(function () {
  window.refgraph = __COUNTS__;
  if (typeof network === "undefined" || !network) { return; }
  var asText = function (ds) {
    ds.forEach(function (item) {
      if (typeof item.title === "string") {
        var el = document.createElement("div");
        el.textContent = item.title;
        ds.update({id: item.id, title: el});
      }
    });
  };
  asText(nodes);
  asText(edges);
  var stop = function () {
    if (window.refgraph.settled) { return; }
    network.setOptions({physics: false});
    window.refgraph.settled = true;
  };
  network.once("stabilizationIterationsDone", stop);
  network.once("stabilized", stop);
  // a small graph may settle before this script runs; a huge one must not keep the page busy forever
  if (network.physics && network.physics.stabilized) { stop(); }
  setTimeout(stop, 20000);
})();
</script>"""


@dataclass
class GraphPage:
    html: str
    documents: int
    relations: int  # distinct (source, target, relation)


def graph_page(
    graph: Graph,
    key: str | None = None,
    depth: int | None = None,
    direction: str | None = None,
    colour_by: str = "type",
    max_nodes: int = MAX_NODES,
) -> GraphPage:
    """The page for the whole graph, or for KEY's neighbourhood (``depth`` 2 unless given)."""
    docs, edges = graph.neighbourhood(key, depth or (2 if key else None), direction)
    cited, mentions = graph.store.cited_counts(), graph.store.mention_counts()
    page = render(
        docs, edges, cited, mentions, colour_by, title=f"refgraph: {key or 'graph'}", max_nodes=max_nodes
    )
    return GraphPage(page, len(docs), len({(e.source, e.target, e.relation) for e in edges}))
