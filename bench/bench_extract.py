"""Extraction throughput: refgraph.extract against a bare keyword-anchored regex scan of the same text,
in the same process. Prints a table; the ratio is the figure that counts (target: ratio >= 0.1 on
seeds-like text and on the real development documents).

Rows: generated text; the seeds repeated to --mb (when ../shared/seeds exists); the real development
documents, one extract() per file as the CLI does, with the parse cache emptied before every run so
each run parses like a first pass (when /tmp/realdocs or --realdocs holds real_*.txt; skipped with a
message otherwise).

    python bench/bench_extract.py [--mb 8] [--runs 5] [--realdocs DIR]
"""

from __future__ import annotations

import argparse
import platform
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import text_of_size  # noqa: E402

from refgraph import extract  # noqa: E402
from refgraph.extract import pipeline  # noqa: E402

# the baseline: one regex anchored on type words, as a minimal citation finder would be
BARE = re.compile(
    r"(?:Nghị quyết|Nghị định|Chỉ thị|Kết luận|Quyết định|Quy định|Thông tư|Kế hoạch|Luật)"
    r"\s+(?:số\s+)?\d+[\w/.\-Đđ]*"
)


def timed(fn, runs: int) -> tuple[float, object]:
    # CPU time of this process: on a shared machine other processes inflate wall time run to run
    times, result = [], None
    for _ in range(runs):
        t = time.process_time()
        result = fn()
        times.append(time.process_time() - t)
    return statistics.median(times), result


def fresh(text: str) -> str:
    """An equal string that is another object (slicing the whole string would give the same one back)."""
    return ("." + text)[1:]


def measure(name: str, text: str, runs: int) -> dict:
    mb = len(text.encode("utf-8")) / 1e6
    bare_t, bare_n = timed(lambda: len(BARE.findall(text)), runs)
    pipeline._CACHE.clear()
    cold_t, _ = timed(lambda: (pipeline._CACHE.clear(), extract(fresh(text)))[1], 1)
    # a new string object each run: per-text caches (the lower-cased text, the type-word scan) are for the
    # stages of one extraction, and must not carry a previous run's work over
    warm_t, mentions = timed(lambda: extract(fresh(text)), runs)
    return {
        "corpus": name,
        "MB": round(mb, 2),
        "mentions": len(mentions),
        "bare matches": bare_n,
        "refgraph MB/s": round(mb / warm_t, 2),
        "cold MB/s": round(mb / cold_t, 2),
        "bare MB/s": round(mb / bare_t, 1),
        "ratio": round(bare_t / warm_t, 3),
    }


def measure_files(name: str, texts: list[str], runs: int) -> dict:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def bare() -> int:
        return sum(len(BARE.findall(t)) for t in texts)

    def cold() -> int:
        pipeline._CACHE.clear()  # every run parses like the CLI's first pass over the files
        return sum(len(extract(fresh(t))) for t in texts)

    bare_t, bare_n = timed(bare, runs)
    cold_t, n = timed(cold, runs)
    warm_t, _ = timed(lambda: sum(len(extract(fresh(t))) for t in texts), runs)
    return {
        "corpus": name,
        "MB": round(mb, 2),
        "mentions": n,
        "bare matches": bare_n,
        "refgraph MB/s": round(mb / warm_t, 2),
        "cold MB/s": round(mb / cold_t, 2),
        "bare MB/s": round(mb / bare_t, 1),
        "ratio": f"{bare_t / warm_t:.3f} (cold {bare_t / cold_t:.3f})",
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=8.0)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--realdocs", type=Path, default=Path("/tmp/realdocs"))
    args = ap.parse_args()
    rows = [measure("generated", text_of_size(int(args.mb * 1e6)), args.runs)]
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if seeds.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
        reps = max(1, int(args.mb * 1e6 / sum(len(t.encode()) for t in texts)))
        rows.append(measure(f"seeds x{reps}", "\n\n".join(texts) * reps, args.runs))
    else:
        print(f"seeds row skipped: no {seeds}", file=sys.stderr)
    real = sorted(args.realdocs.glob("real_*.txt")) if args.realdocs.is_dir() else []
    if real:
        texts = [p.read_text(encoding="utf-8") for p in real]
        rows.append(measure_files(f"realdocs ({len(texts)} files)", texts, args.runs))
    else:
        print(
            f"realdocs row skipped: no real_*.txt in {args.realdocs} "
            "(materialize them with ../shared/realdocs/materialize.py)",
            file=sys.stderr,
        )
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}; "
        f"median of {args.runs} runs (CPU time); one core"
    )
    cols = list(rows[0])
    print(" | ".join(cols))
    for r in rows:
        print(" | ".join(str(r[c]) for c in cols))


if __name__ == "__main__":
    main()
