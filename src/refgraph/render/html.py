"""The interactive HTML view (pyvis / vis-network), self-contained and offline.

pyvis writes the page around vis-network (inlined); the template's remote stylesheets and scripts are
removed. Everything an analyst needs is ours and works on the page's own data:

* the layout is computed here (NetworkX) and shipped with the nodes, with physics off: a browser asked
  to lay out thousands of nodes itself takes tens of seconds and gives up on its improved layout;
* a search box (keys in any loose form, diacritics optional, words of a title), filters (type,
  relation, level, province, year range, the lineage of the selected node), and a side panel with the
  selected document's card, its citations both ways (each clickable) and where it is mentioned;
* every piece of document text reaches the page as JSON data and is inserted as text, never as markup.

Above ``max_nodes`` the page shows the most-cited documents with their neighbourhoods and says so.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..graph import level_of
from ..models import Document, Edge
from ..sources import GENERATOR_META

if TYPE_CHECKING:
    from ..queries import Graph

MAX_NODES = 5000
MAX_MENTIONS = 200  # per document in the page; the card says how many more there are

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
    "named": "#ff7f0e",  # a reference by name only ("Luật Đất đai (2024)"), no number code
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


@dataclass
class Page:
    html: str
    shown: int  # documents drawn
    total: int  # documents selected before trimming
    relations: int  # distinct (source, target, relation) drawn
    note: str | None  # what was left out, when the graph was trimmed
    name: str = "refgraph.html"  # a file name saying what the page shows

    def summary(self, path) -> str:
        """The line the command prints: where the page is (absolute, to open it) and what it holds."""
        from pathlib import Path

        return f"wrote {Path(path).resolve()} ({self.shown} documents, {self.relations} relations)"


def trim(ids: list[str], edges: list[Edge], cited: dict[str, int], max_nodes: int) -> tuple[set[str], int]:
    """The most-cited documents with their neighbourhoods, at most ``max_nodes`` in all: hubs are taken
    in order of citations, each with its neighbours (most cited first) while room remains. Returns the
    kept ids and how many hubs were taken."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        if e.source != e.target:
            neighbours[e.source].add(e.target)
            neighbours[e.target].add(e.source)
    order = sorted(ids, key=lambda i: (-cited.get(i, 0), i))
    kept: set[str] = set()
    hubs = 0
    for hub in order:
        if len(kept) >= max_nodes:
            break
        if hub in kept and not neighbours[hub] - kept:
            continue
        hubs += 1
        kept.add(hub)
        for n in sorted(neighbours[hub] - kept, key=lambda i: (-cited.get(i, 0), i)):
            if len(kept) >= max_nodes:
                break
            kept.add(n)
    return kept, hubs


def layout(ids: list[str], pairs: set[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions for every node, in vis-network's pixels. Each connected component is laid out on its
    own and the components are packed in rows, largest first. A small component gets NetworkX's spring
    layout; a large one (a spring layout of thousands of nodes takes minutes) lays out its best-connected
    documents with a spring layout and places every other document around the ones it is linked to,
    nearest first, on a sunflower spiral so that neighbours of one hub form a disc around it."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from((a, b) for a, b in pairs if a != b)
    blocks = []
    for comp in nx.connected_components(g):
        nodes = sorted(comp)
        if len(nodes) == 1:
            pos = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) <= 300:
            raw = nx.spring_layout(g.subgraph(nodes), seed=7, iterations=100)
            scale = 110 * math.sqrt(len(nodes))  # room for the labels (keys) between neighbours
            pos = {n: (float(x) * scale, float(y) * scale) for n, (x, y) in raw.items()}
        else:
            pos = _hub_layout(g.subgraph(nodes))
        blocks.append(pos)
    return _pack(blocks)


_GOLDEN = math.pi * (3 - math.sqrt(5))


def _hub_layout(g) -> dict[str, tuple[float, float]]:
    import networkx as nx

    degree = dict(g.degree())
    core = sorted(g, key=lambda n: (-degree[n], n))[:150]
    core_set = set(core)
    cg = nx.Graph()
    cg.add_nodes_from(core)
    for a, b in g.subgraph(core).edges():
        cg.add_edge(a, b, weight=3.0)
    # hubs that share citing documents belong together even when they never cite each other
    for n in g:
        if n in core_set:
            continue
        hubs = sorted(h for h in g[n] if h in core_set)[:12]
        for i, a in enumerate(hubs):
            for b in hubs[i + 1 :]:
                w = cg.get_edge_data(a, b, {}).get("weight", 0.0)
                cg.add_edge(a, b, weight=w + 0.2)
    raw = nx.spring_layout(cg, seed=7, iterations=80, weight="weight")
    spread = 60 * math.sqrt(g.number_of_nodes())
    pos = {n: (float(x) * spread, float(y) * spread) for n, (x, y) in raw.items()}
    slots: dict[object, int] = defaultdict(int)
    frontier = list(core)
    while frontier:
        nxt = []
        for here in frontier:
            for n in sorted(g[here]):
                if n in pos:
                    continue
                placed = sorted(m for m in g[n] if m in pos)
                if len(placed) == 1:
                    anchor: object = placed[0]
                    cx, cy = pos[placed[0]]
                else:
                    anchor = tuple(placed[:4])
                    cx = sum(pos[m][0] for m in placed) / len(placed)
                    cy = sum(pos[m][1] for m in placed) / len(placed)
                k = slots[anchor]
                slots[anchor] += 1
                r = 40 + 22 * math.sqrt(k)
                pos[n] = (cx + r * math.cos(k * _GOLDEN), cy + r * math.sin(k * _GOLDEN))
                nxt.append(n)
        frontier = nxt
    return pos


def _pack(blocks: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Components side by side in rows (largest first), each row as wide as the largest component."""
    boxes = []
    for pos in blocks:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        boxes.append((pos, min(xs), min(ys), max(xs) - min(xs) + 80, max(ys) - min(ys) + 80))
    boxes.sort(key=lambda b: (-len(b[0]), min(b[0])))
    width = max((b[3] for b in boxes), default=0.0)
    width = max(width, 1200.0)
    out: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for pos, x0, y0, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w
        row = max(row, h)
    return out


def render(
    docs: dict[str, Document],
    edges: list[Edge],
    cited: dict[str, int],
    mentions: dict[str, list[tuple[str, int]]] | None = None,
    colour_by: str = "type",
    title: str = "refgraph",
    max_nodes: int = MAX_NODES,
    statuses: dict[str, dict] | None = None,
) -> Page:
    """The page for these documents and edges. ``cited`` counts distinct citing documents per id;
    ``mentions`` lists (file, line) of every mention of a document; ``statuses`` what the corpus says
    of a document's force (refgraph.status), when the build recorded it."""
    from pyvis.network import Network

    mentions = mentions or {}
    ids = sorted(set(docs) | {e.source for e in edges} | {e.target for e in edges})
    total = len(ids)
    note = None
    if total > max_nodes:
        kept, hubs = trim(ids, edges, cited, max_nodes)
        ids = sorted(kept)
        edges = [e for e in edges if e.source in kept and e.target in kept]
        note = (
            f"{total} documents are more than a page draws well: showing the {hubs} most-cited and "
            f"their neighbourhoods ({len(ids)} documents); draw one neighbourhood with refgraph html KEY"
        )
    grouped: dict[tuple[str, str, str], int] = {}
    for e in edges:
        grouped[(e.source, e.target, e.relation)] = grouped.get((e.source, e.target, e.relation), 0) + 1
    pos = layout(ids, {(s, t) for s, t, _ in grouped})

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    # pyvis's add_node/add_edge scan every node already added (quadratic on thousands): the lists are
    # filled directly, in the shape pyvis itself gives them
    cards: dict = {}
    files: dict[str, int] = {}
    for i in ids:
        d = docs.get(i)
        n = cited.get(i, 0)
        colour = _colour(d, colour_by)
        x, y = pos[i]
        filled = d is not None and d.in_corpus
        net.nodes.append(
            {
                "id": i,
                "label": (d.key if d and d.key else i),
                "shape": "diamond" if d is not None and "named" in d.flags else "dot",  # name only
                "x": x,
                "y": y,
                "size": 10 + 6 * math.sqrt(n),
                "color": {"background": colour if filled else "#ffffff", "border": colour},
                "borderWidth": 3 if filled else 2,
                "shapeProperties": {"borderDashes": False if filled else [4, 3]},
                "font": {"size": 14},
                # vis-network 9 shows a string title with innerText: as text, never as markup
                "title": tooltip(i, d),
            }
        )
        net.node_ids.append(i)
        where = mentions.get(i, [])
        cards[i] = {
            "key": d.key if d else None,
            "type": d.doc_type if d else None,
            "date": d.date.isoformat() if d and d.date else None,
            "issuer": d.issuer if d else None,
            "term": d.term if d else None,
            "title": d.title if d else None,
            "province": d.province if d else None,
            "level": level_of(d) if d else "corpus",
            "path": d.path if d else None,
            "dates": list(d.dates_seen) if d and len(d.dates_seen) > 1 else [],
            "cited": n,
            "m": [[files.setdefault(f, len(files)), line] for f, line in where[:MAX_MENTIONS]],
            "mn": len(where),
            "st": (statuses or {}).get(i),
        }
    for k, ((s, t, rel), count) in enumerate(sorted(grouped.items())):
        colour, dashed = RELATION_STYLES.get(rel, ("#999999", True))
        net.edges.append(
            {
                "id": k,
                "from": s,
                "to": t,
                "arrows": "to",
                "color": colour,
                "dashes": dashed,
                "width": 1 + min(4, count - 1),
                "relation": rel,
                "mentions": count,
                "title": f"{_name(s, docs)} {rel} {_name(t, docs)} ({count} mention(s))",
            }
        )
    net.set_options(
        json.dumps(
            {
                "physics": {"enabled": False},
                "layout": {"improvedLayout": False},
                "interaction": {
                    "hover": len(ids) <= 2000,
                    "tooltipDelay": 150,
                    "hideEdgesOnDrag": len(grouped) > 3000,
                    "hideEdgesOnZoom": len(grouped) > 3000,
                },
                "edges": {"smooth": False},
                "nodes": {"scaling": {"label": {"drawThreshold": 6}}},
            }
        )
    )
    data = {
        "counts": {"nodes": len(ids), "edges": len(grouped), "total": total},
        "note": note,
        "colourBy": colour_by,
        "docs": cards,
        "files": list(files),
        "relations": sorted({r for _, _, r in grouped}, key=_relation_order),
        "levels": [lv for lv in LEVEL_COLOURS if any(c["level"] == lv for c in cards.values())],
        "types": sorted({c["type"] or "" for c in cards.values()}),
        "provinces": sorted({c["province"] for c in cards.values() if c["province"]}),
        "statuses": statuses is not None,
    }
    page = net.generate_html()
    page = _REMOTE.sub("", page)
    page = page.replace("<head>", f"<head>\n{GENERATOR_META}\n<title>{html.escape(title)}</title>", 1)
    page = page.replace("<body>", f"<body>\n{_panel(colour_by, data)}", 1)
    page = page.replace("</body>", f"{_data_script(data)}\n<script>{_SCRIPT}</script>\n</body>", 1)
    return Page(page, len(ids), total, len(grouped), note)


def graph_page(
    graph: Graph,
    key: str | None = None,
    depth: int | None = None,
    direction: str | None = None,
    colour_by: str = "type",
    max_nodes: int = MAX_NODES,
) -> Page:
    """The page for the whole graph, or for KEY's neighbourhood (``depth`` 2 unless given); nodes are
    sized by distinct citing documents, and the card lists the file and line of every mention."""
    depth = depth or (2 if key else None)
    docs, edges = graph.neighbourhood(key, depth, direction)
    ids = set(docs) | {e.source for e in edges} | {e.target for e in edges}
    mentions = graph.mention_places(ids)
    statuses = _statuses(graph.store, ids)
    title = f"refgraph: {key or 'graph'}"
    page = render(docs, edges, graph.citing_counts(), mentions, colour_by, title, max_nodes, statuses)
    page.name = default_name(key, direction, depth, graph.store.path.stem)
    return page


def _statuses(store, ids: set[str]) -> dict[str, dict] | None:
    """id -> {"status", "by": [[kind, by, since], …]} for documents the corpus says something about;
    an empty dict when the build recorded statements but none concern these documents, None when the
    store has no record of statements (built by an older refgraph)."""
    import json

    from ..status import META, Statement, summarize

    raw = store.meta().get(META)
    if raw is None:
        return None
    stmts = [Statement(**r) for r in json.loads(raw)]
    out = {}
    for subject in {s.subject for s in stmts} & ids:
        summary = summarize(subject, stmts)
        out[subject] = {
            "status": summary["status"],
            "by": [[s["kind"], s["by"], s["since"], s["partial"]] for s in summary["statements"]],
        }
    return out


def default_name(key: str | None, direction: str | None, depth: int | None, db_stem: str) -> str:
    """A file name that says what the page shows: the store's name for the whole graph, or the key,
    the direction and the depth for a neighbourhood ("46-CT-TW-down-2.html")."""
    if key is None:
        return f"{db_stem}.html"
    slug = re.sub(r"[^0-9A-Za-z]+", "-", fold_key(key)).strip("-") or "document"
    return f"{slug}-{direction or 'both'}-{depth}.html"


def fold_key(key: str) -> str:
    from ..text import fold

    return fold(key).upper()


def _name(doc_id: str, docs: dict[str, Document]) -> str:
    d = docs.get(doc_id)
    return d.key if d is not None and d.key else doc_id


def tooltip(doc_id: str, d: Document | None) -> str:
    """The hover text: the key, type and date, and the title cut short."""
    lines = [d.key if d and d.key else doc_id]
    if d is not None:
        head = " · ".join(x for x in (d.doc_type, d.date.isoformat() if d.date else None) if x)
        if head:
            lines.append(head)
        if d.title:
            lines.append(d.title if len(d.title) <= 160 else d.title[:157] + "…")
    return "\n".join(lines)


def _colour(d: Document | None, colour_by: str) -> str:
    if d is None:
        return OTHER_COLOUR
    if colour_by == "level":
        return LEVEL_COLOURS.get(level_of(d), OTHER_COLOUR)
    return TYPE_COLOURS.get(d.doc_type or "", OTHER_COLOUR)


def _relation_order(r: str) -> int:
    return list(RELATION_STYLES).index(r) if r in RELATION_STYLES else len(RELATION_STYLES)


def _data_script(data: dict) -> str:
    # JSON inside <script>: "<", ">" and "&" escaped so no text can close the element or open markup
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="refgraph-data">{text}</script>'


def _panel(colour_by: str, data: dict) -> str:
    """The static frame of the controls; the script fills the lists from the page's data."""
    items = []
    if colour_by == "level":
        for name, c in LEVEL_COLOURS.items():
            items.append(f'<div><span class="dot" style="background:{c}"></span>{html.escape(name)}</div>')
    else:
        present = set(data["types"])
        for name, c in TYPE_COLOURS.items():
            if name in present:
                items.append(
                    f'<div><span class="dot" style="background:{c}"></span>{html.escape(name)}</div>'
                )
        if any(t not in TYPE_COLOURS for t in present):
            items.append(f'<div><span class="dot" style="background:{OTHER_COLOUR}"></span>other</div>')
    items.append('<div><span class="dot" style="background:#555"></span>in the corpus</div>')
    items.append('<div><span class="dot hollow"></span>cited only</div>')
    if "named" in data.get("levels", ()):
        items.append("<div>◆ named only (no number code)</div>")
    for rel, (c, dashed) in RELATION_STYLES.items():
        style = "dashed" if dashed else "solid"
        items.append(f'<div><span class="line" style="border-top:2px {style} {c}"></span>{rel}</div>')
    return _CSS + (
        '<div id="rg-side">'
        '<input id="rg-search" type="search" autocomplete="off" '
        'placeholder="key or title: 46/CT-TW, chi thi 46 …" aria-label="search">'
        '<ol id="rg-results"></ol>'
        '<div id="rg-note"></div><div id="rg-status"></div>'
        '<details id="rg-filters" open><summary>filters</summary>'
        '<fieldset id="rg-f-type"><legend>type</legend></fieldset>'
        '<fieldset id="rg-f-relation"><legend>relation</legend></fieldset>'
        '<fieldset id="rg-f-level"><legend>level</legend></fieldset>'
        '<label>province <select id="rg-f-province"><option value="">all</option></select></label>'
        '<label>years <input id="rg-f-from" type="number" size="5"> – '
        '<input id="rg-f-to" type="number" size="5"></label>'
        '<label>only the lineage of the selected document <select id="rg-f-lineage">'
        '<option value="">no</option><option value="up">up (what it builds on)</option>'
        '<option value="down">down (what builds on it)</option><option value="both">both</option>'
        "</select></label>"
        '<button id="rg-reset" type="button">reset</button>'
        "</details>"
        '<div id="rg-card"></div>'
        "</div>"
        f'<div id="refgraph-legend"><b>refgraph</b>{"".join(items)}</div>'
    )


_CSS = """<style>
#rg-side{position:fixed;top:0;left:0;bottom:0;width:340px;z-index:10;overflow:auto;box-sizing:border-box;
 background:rgba(255,255,255,.96);border-right:1px solid #ccc;padding:8px 10px;font:13px sans-serif}
#rg-side input[type=search]{width:100%;box-sizing:border-box;font-size:14px;padding:4px}
#rg-results{margin:4px 0;padding-left:20px}#rg-results li{cursor:pointer}#rg-results li:hover{background:#eef}
#rg-results li.active{background:#dde}
#rg-side fieldset{border:1px solid #ddd;margin:4px 0;padding:2px 6px}#rg-side fieldset label{display:inline-block;margin-right:8px}
#rg-side>details>label{display:block;margin:4px 0}#rg-side input[type=number]{width:70px}
#rg-note{color:#a15c00}#rg-status{color:#555;margin:4px 0}
#rg-card h3{margin:8px 0 4px;font-size:15px}#rg-card dl{margin:0}#rg-card dt{float:left;width:64px;color:#777}
#rg-card dd{margin:0 0 2px 68px}#rg-card h4{margin:8px 0 2px}#rg-card ul{margin:0;padding-left:16px}
#rg-card a{color:#1558b0;cursor:pointer;text-decoration:underline}#rg-card .dim{color:#777}
#mynetwork{margin-left:340px;width:calc(100% - 340px)!important;border:0!important}
#refgraph-legend{position:fixed;bottom:8px;right:8px;z-index:10;background:rgba(255,255,255,.92);
 border:1px solid #ccc;border-radius:6px;padding:6px 10px;font:12px sans-serif}
#refgraph-legend .dot{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:6px}
#refgraph-legend .hollow{border:2px dashed #555;width:7px;height:7px}
#refgraph-legend .line{display:inline-block;width:24px;margin-right:6px;vertical-align:middle}
div.vis-tooltip{white-space:pre-line;max-width:420px}
</style>"""

# Runs after pyvis's drawGraph() (globals `network`, `nodes`, `edges`). Text from documents is only
# ever placed with textContent / createTextNode.
_SCRIPT = r"""
(function () {
  var DATA = JSON.parse(document.getElementById("refgraph-data").textContent);
  var docs = DATA.docs;
  window.refgraph = {nodes: DATA.counts.nodes, edges: DATA.counts.edges, total: DATA.counts.total,
                     note: DATA.note, ready: false, settled: false};
  if (typeof network === "undefined" || !network) { return; }
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  };
  var fold = function (s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
  };
  var words = function (s) { return fold(s).split(/[^a-z0-9]+/).filter(Boolean); };
  var name = function (id) { var d = docs[id]; return (d && d.key) || id; };

  // adjacency from the edge set: out = what a document cites, inn = who cites it
  var out = {}, inn = {};
  edges.forEach(function (e) {
    (out[e.from] = out[e.from] || []).push(e);
    (inn[e.to] = inn[e.to] || []).push(e);
  });

  // ---- search
  var index = Object.keys(docs).map(function (id) {
    var d = docs[id];
    return {id: id, key: words(d.key || id), type: words(d.type), rest: words([d.title, d.issuer, d.province].join(" "))};
  });
  // every number typed must match; words may miss (a typed "số", "ngày" or "của" is in no key), but
  // at least half must hit. Hits in the key weigh most, then the type, then title, issuer and province.
  // a query without a number is words of a title: a hit in the key ("TU" of 21-CT/TU for "tự") then
  // weighs no more than one in the title
  var score = function (entry, q, keyed) {
    var s = 0, hits = 0;
    for (var i = 0; i < q.length; i++) {
      var t = q[i], numeric = /^[0-9]+$/.test(t), hit = 0;
      if (entry.key.indexOf(t) >= 0) { hit = keyed ? 4 : 1; }
      else if (!numeric && entry.key.some(function (w) { return w.indexOf(t) === 0; })) { hit = keyed ? 3 : 1; }
      else if (entry.type.some(function (w) { return w.indexOf(t) === 0; })) { hit = 2; }
      else if (entry.rest.some(function (w) { return numeric ? w === t : w.indexOf(t) === 0; })) { hit = 1; }
      if (!hit && numeric) { return 0; }
      if (hit) { hits++; }
      s += hit;
    }
    return hits * 2 >= q.length ? s : 0;
  };
  var search = function (text) {
    var q = words(text);
    if (!q.length) { return []; }
    var found = [], keyed = q.some(function (t) { return /^[0-9]+$/.test(t); });
    index.forEach(function (entry) {
      var s = score(entry, q, keyed);
      if (s) { found.push([s, docs[entry.id].cited, entry.id]); }
    });
    found.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1] || (a[2] < b[2] ? -1 : 1); });
    return found.slice(0, 20).map(function (f) { return f[2]; });
  };
  var results = [];
  function showResults() {
    var list = $("rg-results");
    list.textContent = "";
    results = search($("rg-search").value);
    results.forEach(function (id, i) {
      var d = docs[id], li = el("li");
      li.appendChild(el("b", name(id)));
      var bits = [d.type, d.date, d.province].filter(Boolean).join(" · ");
      if (bits) { li.appendChild(document.createTextNode(" " + bits)); }
      if (d.title) { li.appendChild(el("div", d.title.length > 140 ? d.title.slice(0, 139) + "…" : d.title, "dim")); }
      if (i === 0) { li.className = "active"; }
      li.addEventListener("click", function () { choose(id); });
      list.appendChild(li);
    });
    if ($("rg-search").value.trim() && !results.length) { list.appendChild(el("li", "no match", "dim")); }
  };
  $("rg-search").addEventListener("input", showResults);
  $("rg-search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && results.length) { ev.preventDefault(); choose(results[0]); }
  });

  // ---- selection and the card
  var selected = null;
  function choose(id) {
    selected = id;
    applyFilters();
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2, animation: false});
    card(id);
  };
  network.on("selectNode", function (p) {
    if (p.nodes.length) { selected = p.nodes[0]; card(selected); if ($("rg-f-lineage").value) { applyFilters(); } }
  });
  function link(id) {
    var a = el("a", name(id));
    a.addEventListener("click", function () { choose(id); });
    return a;
  };
  function edgeList(box, title, list, other) {
    var byDoc = {}, mentions = 0;
    list.forEach(function (e) { var o = e[other]; (byDoc[o] = byDoc[o] || []).push(e); mentions += e.mentions; });
    var ids = Object.keys(byDoc).sort(function (a, b) { return docs[b].cited - docs[a].cited || (a < b ? -1 : 1); });
    box.appendChild(el("h4", title + " (" + ids.length + " document(s), " + mentions + " mention(s))"));
    var ul = el("ul");
    ids.slice(0, 200).forEach(function (o) {
      var li = el("li");
      li.appendChild(el("span", byDoc[o].map(function (e) { return e.relation; }).join(", ") + " "));
      li.appendChild(link(o));
      var d = docs[o];
      if (d.date) { li.appendChild(el("span", " " + d.date, "dim")); }
      ul.appendChild(li);
    });
    if (ids.length > 200) { ul.appendChild(el("li", "… and " + (ids.length - 200) + " more", "dim")); }
    box.appendChild(ul);
  };
  var STATUS = {replaces: "replaced by", repeals: "repealed by", amends: "amended by"};
  // a store without recorded statements: what the drawn edges say
  function cardStatusFromEdges(id, row) {
    var status = (inn[id] || []).filter(function (e) { return STATUS[e.relation]; });
    if (status.length) {
      var st = el("span");
      status.forEach(function (e, i) {
        if (i) { st.appendChild(document.createTextNode("; ")); }
        st.appendChild(document.createTextNode(STATUS[e.relation] + " "));
        st.appendChild(link(e.from));
      });
      row("status", st);
    } else {
      row("status", "nothing in this graph amends, replaces or repeals it");
    }
  }
  function card(id) {
    var d = docs[id], box = $("rg-card");
    box.textContent = "";
    box.appendChild(el("h3", name(id)));
    var dl = el("dl");
    var row = function (label, value) {
      if (value === null || value === undefined || value === "") { return; }
      dl.appendChild(el("dt", label));
      var dd = el("dd");
      if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); }
      dl.appendChild(dd);
    };
    if (d.key && d.key !== id) { row("id", id); }
    row("type", d.type);
    row("date", d.date);
    if (d.dates.length) { row("dates", "conflicting: " + d.dates.join(", ")); }
    row("issuer", d.issuer);
    row("term", d.term);
    row("province", d.province);
    row("level", d.level);
    row("title", d.title);
    if (DATA.statuses) {
      // what the corpus says of its force (refgraph status), each acting document a link
      var st = el("span"), said = d.st;
      if (!said || !said.by.length) {
        st.appendChild(document.createTextNode("in force as far as the corpus and the catalog say"));
      }
      (said ? said.by : []).forEach(function (b, i) {
        st.appendChild(document.createTextNode((i ? "; " : "") + b[0] + (b[3] ? " in part" : "") + (b[1] ? " by " : "")));
        if (b[1]) { st.appendChild(docs[b[1]] ? link(b[1]) : document.createTextNode(b[1])); }
        if (b[2]) { st.appendChild(document.createTextNode(" from " + b[2])); }
      });
      row("status", st);
    } else {
      cardStatusFromEdges(id, row);
    }
    row("file", d.path || "not in the corpus (only cited)");

    box.appendChild(dl);
    edgeList(box, "cites", out[id] || [], "to");
    edgeList(box, "cited by", inn[id] || [], "from");
    box.appendChild(el("h4", "mentioned at (" + d.mn + ")"));
    var ul = el("ul");
    d.m.forEach(function (m) { ul.appendChild(el("li", DATA.files[m[0]] + ":" + m[1])); });
    if (d.mn > d.m.length) { ul.appendChild(el("li", "… and " + (d.mn - d.m.length) + " more", "dim")); }
    box.appendChild(ul);
  };

  // ---- filters
  var boxes = function (fieldset, values, label) {
    values.forEach(function (v) {
      var l = el("label"), c = el("input");
      c.type = "checkbox"; c.checked = true; c.value = v;
      c.addEventListener("change", applyFilters);
      l.appendChild(c); l.appendChild(document.createTextNode(" " + (label ? label(v) : v)));
      $(fieldset).appendChild(l);
    });
  };
  var checked = function (fieldset) {
    var s = {};
    $(fieldset).querySelectorAll("input:checked").forEach(function (c) { s[c.value] = true; });
    return s;
  };
  boxes("rg-f-type", DATA.types, function (v) { return v || "(unknown)"; });
  boxes("rg-f-relation", DATA.relations);
  boxes("rg-f-level", DATA.levels);
  DATA.provinces.forEach(function (p) { var o = el("option", p); o.value = p; $("rg-f-province").appendChild(o); });
  var years = Object.keys(docs).map(function (id) { return docs[id].date; }).filter(Boolean)
    .map(function (s) { return +s.slice(0, 4); });
  var minYear = years.length ? Math.min.apply(null, years) : "", maxYear = years.length ? Math.max.apply(null, years) : "";
  $("rg-f-from").value = minYear; $("rg-f-to").value = maxYear;
  ["rg-f-province", "rg-f-from", "rg-f-to", "rg-f-lineage"].forEach(function (i) {
    $(i).addEventListener("change", applyFilters);
    $(i).addEventListener("input", applyFilters);
  });
  $("rg-reset").addEventListener("click", function () {
    document.querySelectorAll("#rg-filters input[type=checkbox]").forEach(function (c) { c.checked = true; });
    $("rg-f-province").value = ""; $("rg-f-lineage").value = "";
    $("rg-f-from").value = minYear; $("rg-f-to").value = maxYear;
    applyFilters();
  });
  function lineage(start, way, rels) {
    var seen = {}, todo = [start];
    seen[start] = true;
    while (todo.length) {
      var here = todo.pop();
      var steps = [];
      if (way !== "down") { steps = steps.concat((out[here] || []).map(function (e) { return [e, e.to]; })); }
      if (way !== "up") { steps = steps.concat((inn[here] || []).map(function (e) { return [e, e.from]; })); }
      steps.forEach(function (s) {
        if (rels[s[0].relation] && !seen[s[1]]) { seen[s[1]] = true; todo.push(s[1]); }
      });
    }
    return seen;
  };
  var shown = {}, edgeShown = {};
  function applyFilters() {
    var types = checked("rg-f-type"), rels = checked("rg-f-relation"), levels = checked("rg-f-level");
    var prov = $("rg-f-province").value, way = $("rg-f-lineage").value;
    var from = parseInt($("rg-f-from").value, 10), to = parseInt($("rg-f-to").value, 10);
    var ranged = (!isNaN(from) && from > minYear) || (!isNaN(to) && to < maxYear);
    var only = way && selected ? lineage(selected, way, rels) : null;
    var changes = [], visible = 0;
    Object.keys(docs).forEach(function (id) {
      var d = docs[id], ok = types[d.type || ""] && levels[d.level] && (!prov || d.province === prov);
      if (ok && ranged) {
        var y = d.date ? +d.date.slice(0, 4) : NaN;
        ok = !isNaN(y) && (isNaN(from) || y >= from) && (isNaN(to) || y <= to);
      }
      if (ok && only) { ok = !!only[id]; }
      if (id === selected) { ok = true; }  // the chosen document stays in view
      if (ok) { visible++; }
      if (shown[id] !== ok) { shown[id] = ok; changes.push({id: id, hidden: !ok}); }
    });
    if (changes.length) { nodes.update(changes); }
    var echanges = [], evisible = 0;
    edges.forEach(function (e) {
      var ok = !!(rels[e.relation] && shown[e.from] && shown[e.to]);
      if (ok) { evisible++; }
      if (edgeShown[e.id] !== ok) { edgeShown[e.id] = ok; echanges.push({id: e.id, hidden: !ok}); }
    });
    if (echanges.length) { edges.update(echanges); }
    $("rg-status").textContent = "showing " + visible + " of " + DATA.counts.nodes + " documents, " +
      evisible + " of " + DATA.counts.edges + " relations";
    window.refgraph.visible = {nodes: visible, edges: evisible};
  };
  Object.keys(docs).forEach(function (id) { shown[id] = true; });
  edges.forEach(function (e) { edgeShown[e.id] = true; });
  if (DATA.note) { $("rg-note").textContent = DATA.note; }
  applyFilters();
  window.refgraph.choose = choose;
  window.refgraph.search = search;
  network.once("afterDrawing", function () {
    window.refgraph.drawnAt = performance.now();
    window.refgraph.ready = true;
    window.refgraph.settled = true;
  });
  network.redraw();
})();
"""
