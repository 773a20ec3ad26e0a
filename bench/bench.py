"""refgraph at scale: generated corpora of 1k, 10k and 100k documents, measured.

    python bench/bench.py                 # all sizes (the 100k corpus takes a while to make and build)
    python bench/bench.py --sizes 1000 10000 --runs 3
    python bench/bench.py --store bench/out/g-100000.db   # start-up and queries only, on a built store

Prints a table and writes bench/out/results.json. Every figure is a median of --runs runs (one run for
the 100k build), timed in this process or in fresh subprocesses for start-up latency; ratios are against
baselines run in the same invocation: a bare regex scan for extraction, `python -c "import typer"` for
start-up. refgraph's bytecode is written first, as an installed package has it (--source: not; with no
__pycache__ and PYTHONDONTWRITEBYTECODE set, every cold process then compiles refgraph's source).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from bench_extract import measure  # noqa: E402
from corpus import generate, text_of_size  # noqa: E402

REFGRAPH = [sys.executable, "-m", "refgraph.cli"]


def run(cmd, **kw) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    dt = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise RuntimeError(f"{cmd}: {r.stderr.strip()[:300]}")
    return dt


def compile_bytecode() -> None:
    """Write refgraph's bytecode before timing cold processes, as an installed package has it: with
    PYTHONDONTWRITEBYTECODE set (as in some environments) every process would otherwise compile refgraph's
    source again, 25-35 ms that `import typer` (compiled in site-packages) does not pay."""
    code = (
        "import compileall, os, refgraph; compileall.compile_dir(os.path.dirname(refgraph.__file__), quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def median_time(cmd, runs: int, **kw) -> float:
    return statistics.median(run(cmd, **kw) for _ in range(runs))


def corpus(n: int, doc_kb: int) -> Path:
    path = OUT / f"corpus-{n}"
    marker = path / ".complete"
    if marker.exists() and marker.read_text() == f"{n} {doc_kb}":
        return path
    shutil.rmtree(path, ignore_errors=True)
    t = time.perf_counter()
    generate(path, n, seed=n, size_kb=doc_kb)
    marker.write_text(f"{n} {doc_kb}")
    print(f"  generated {n} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return path


def build_once(src: Path, db: Path, jobs: int) -> dict:
    if db.exists():
        db.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    r = subprocess.run(
        [*REFGRAPH, "build", str(src), "--db", str(db), "--jobs", str(jobs), "--json"],
        capture_output=True,
        text=True,
    )
    dt = time.perf_counter() - t
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, largest child so far
    return {"seconds": dt, "peak_mb": max(peak, before) / 1024, "report": json.loads(r.stdout)}


def pick_keys(db: Path) -> dict:
    """A typical local document (cited a few times, citing a central one), that central one, the top hub."""
    import sqlite3

    c = sqlite3.connect(db)
    local, central = c.execute(
        "SELECT d.id, e.target FROM documents d JOIN edges e ON e.source = d.id "
        "WHERE d.in_corpus = 1 AND d.cited BETWEEN 2 AND 20 AND e.target LIKE '%/TW%' "
        "ORDER BY d.cited DESC, d.id LIMIT 1"
    ).fetchone()
    hub = c.execute("SELECT id FROM documents ORDER BY cited DESC LIMIT 1").fetchone()[0]
    return {"local": local, "central": central, "hub": hub}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--doc-kb", type=int, default=2)
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="keep the extraction and build figures of the last results.json and its stores",
    )
    ap.add_argument(
        "--store",
        type=Path,
        help="only start-up and queries, on this store (e.g. a 100k graph built earlier): no corpus, no build",
    )
    ap.add_argument(
        "--source",
        action="store_true",
        help="do not write refgraph's bytecode first (with no __pycache__ and PYTHONDONTWRITEBYTECODE set, "
        "every cold process compiles refgraph's source)",
    )
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    if not args.source:
        compile_bytecode()
    if args.store:
        queries_only(args.store, args.runs)
        return
    cores = os.cpu_count() or 1
    results: dict = {
        "machine": f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, {platform.system()}",
        "date": time.strftime("%Y-%m-%d"),
    }

    previous = json.loads((OUT / "results.json").read_text()) if args.reuse else {}
    # extraction, in this process, against a bare regex scan of the same text
    print("extraction …", file=sys.stderr)
    if previous:
        results["extraction"] = previous["extraction"]
    else:
        rows = [measure("generated 8 MB", text_of_size(8_000_000), args.runs)]
        seeds = HERE.parents[1] / "shared" / "seeds"
        if seeds.is_dir():
            texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
            reps = max(1, int(8e6 / sum(len(t.encode()) for t in texts)))
            rows.append(measure(f"seeds x{reps}", "\n\n".join(texts) * reps, args.runs))
        results["extraction"] = rows

    # start-up floor: the CLI framework alone
    floor = median_time([sys.executable, "-c", "import typer"], args.runs)
    results["typer_floor_s"] = floor
    results["help_s"] = median_time([*REFGRAPH, "--help"], args.runs)

    builds = {int(k): v for k, v in previous.get("build", {}).items()}
    for n in args.sizes:
        if n in builds and (OUT / f"g-{n}.db").exists():
            continue
        print(f"corpus {n} …", file=sys.stderr)
        src = corpus(n, args.doc_kb)
        size_mb = sum(p.stat().st_size for p in src.rglob("*.txt")) / 1e6
        db = OUT / f"g-{n}.db"
        runs = 1 if n >= 100000 else min(args.runs, 3)
        one = [build_once(src, db, 1) for _ in range(runs)]
        many = [build_once(src, db, cores) for _ in range(runs)]
        t1 = statistics.median(b["seconds"] for b in one)
        tn = statistics.median(b["seconds"] for b in many)
        rebuild = median_time([*REFGRAPH, "build", str(src), "--db", str(db), "--json"], runs)
        entry = {
            "documents": n,
            "corpus_mb": round(size_mb, 1),
            "report": many[-1]["report"],
            "build_1_job_s": round(t1, 2),
            f"build_{cores}_jobs_s": round(tn, 2),
            "speedup": round(t1 / tn, 2),
            "per_1k_docs_s": round(tn / (n / 1000), 2),
            "peak_mb": round(max(b["peak_mb"] for b in one + many)),
            "rebuild_unchanged_s": round(rebuild, 2),
            "store_mb": round(db.stat().st_size / 1e6, 1),
        }
        builds[n] = entry
        print(f"  {entry}", file=sys.stderr)
    results["build"] = builds

    big = max(args.sizes)
    db = OUT / f"g-{big}.db"
    keys = pick_keys(db)
    results["query_keys"] = keys
    results["queries_s"] = time_queries(db, keys, args.runs)

    # HTML for a neighbourhood of about 1k documents, in this process
    sys.path.insert(0, str(HERE.parent / "src"))
    from refgraph.queries import Graph
    from refgraph.render import html as page

    with Graph(db) as g:
        docs, edges = g.neighbourhood(keys["hub"], 1, "down")
        ids = [keys["hub"], *[i for i in docs if i != keys["hub"]][:999]]
        keep = set(ids)
        docs = {i: docs[i] for i in ids}
        edges = [e for e in edges if e.source in keep and e.target in keep]
        t = time.perf_counter()
        page.render(docs, edges, {}, {}, max_nodes=5000)
        results["html_1k_neighbourhood"] = {
            "nodes": len(docs),
            "edges": len(edges),
            "seconds": round(time.perf_counter() - t, 2),
        }

    if 10000 in args.sizes:
        results["check_10k_s"] = round(
            run(
                [
                    *REFGRAPH,
                    "check",
                    str(OUT / "corpus-10000"),
                    "--fail-on",
                    "never",
                    "--jobs",
                    str(cores),
                    "-f",
                    "json",
                    "-o",
                    str(OUT / "check-10k.json"),
                ]
            ),
            2,
        )

    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    report(results)


def time_queries(db: Path, keys: dict, runs: int) -> dict[str, float]:
    """Median seconds of each query command in a fresh process (terminal output, piped)."""
    env = {**os.environ, "REFGRAPH_DB": str(db)}
    queries = {
        "show": ["show", keys["local"]],
        "cites": ["cites", keys["local"]],
        "cited-by": ["cited-by", keys["local"]],
        "lineage --down": ["lineage", keys["local"], "--down"],
        "lineage --up": ["lineage", keys["local"], "--up", "--depth", "3"],
        "implements": ["implements", keys["local"]],
        "path": ["path", keys["local"], keys["central"]],
    }
    return {name: median_time([*REFGRAPH, *cmd], runs, env=env) for name, cmd in queries.items()}


def queries_only(db: Path, runs: int) -> None:
    """Start-up and queries on an existing store; the floor is timed between the queries, so that a
    busy machine slows both alike."""
    keys = pick_keys(db)
    floors, helps, timed = [], [], []
    for _ in range(runs):
        floors.append(run([sys.executable, "-c", "import typer"]))
        helps.append(run([*REFGRAPH, "--help"]))
        timed.append(time_queries(db, keys, 1))
    f = statistics.median(floors)
    print(f"store {db}; keys {keys}; {runs} runs (medians; ranges in brackets)")
    print(f"import typer {f:.3f} s [{min(floors):.3f}-{max(floors):.3f}]")
    h = statistics.median(helps)
    print(f"refgraph --help {h:.3f} s ({h / f:.2f}x)")
    for name in timed[0]:
        ts = [t[name] for t in timed]
        m = statistics.median(ts)
        print(f"  {name}: {m:.3f} s ({m / f:.2f}x the typer floor) [{min(ts):.3f}-{max(ts):.3f}]")


def report(r: dict) -> None:
    f = r["typer_floor_s"]
    print(f"machine: {r['machine']}; {r['date']}")
    print("\nextraction (one core)")
    for row in r["extraction"]:
        print(
            f"  {row['corpus']}: {row['refgraph MB/s']} MB/s warm, {row['cold MB/s']} MB/s cold; bare regex "
            f"{row['bare MB/s']} MB/s; ratio {row['ratio']}"
        )
    print(f"\nstart-up: import typer {f:.3f} s; refgraph --help {r['help_s']:.3f} s ({r['help_s'] / f:.2f}x)")
    print("\nbuild")
    for n, b in r["build"].items():
        jobs = [
            k for k in b if k.startswith("build_") and k.endswith("_jobs_s") and not k.startswith("build_1_")
        ]
        print(
            f"  {n} docs ({b['corpus_mb']} MB): 1 job {b['build_1_job_s']} s, {jobs[0][6:-7]} jobs {b[jobs[0]]} s "
            f"(x{b['speedup']}), {b['per_1k_docs_s']} s per 1k docs, peak {b['peak_mb']} MB, rebuild unchanged "
            f"{b['rebuild_unchanged_s']} s, store {b['store_mb']} MB"
        )
    print(f"\nqueries on the largest graph (cold process; keys {r['query_keys']})")
    for name, t in r["queries_s"].items():
        print(f"  {name}: {t:.3f} s ({t / f:.2f}x the typer floor)")
    h = r["html_1k_neighbourhood"]
    print(f"\nhtml: {h['nodes']} nodes, {h['edges']} edges in {h['seconds']} s")
    if "check_10k_s" in r:
        print(f"check on 10k documents: {r['check_10k_s']} s")


if __name__ == "__main__":
    main()
