"""Extraction throughput: refgraph.extract against a bare keyword-anchored regex scan of the same text,
in the same process. Prints a table; the ratio is the figure that counts (target: >= 10 MB/s on one
core, ratio >= 0.1).

    python bench/bench_extract.py [--mb 8] [--runs 5]
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
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def measure(name: str, text: str, runs: int) -> dict:
    mb = len(text.encode("utf-8")) / 1e6
    bare_t, bare_n = timed(lambda: len(BARE.findall(text)), runs)
    pipeline._CACHE.clear()
    cold_t, _ = timed(lambda: (pipeline._CACHE.clear(), extract(text))[1], 1)
    warm_t, mentions = timed(lambda: extract(text), runs)
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=8.0)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    rows = [measure("generated", text_of_size(int(args.mb * 1e6)), args.runs)]
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if seeds.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
        reps = max(1, int(args.mb * 1e6 / sum(len(t.encode()) for t in texts)))
        rows.append(measure(f"seeds x{reps}", "\n\n".join(texts) * reps, args.runs))
    print(
        f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}; "
        f"median of {args.runs} runs; one core"
    )
    cols = list(rows[0])
    print(" | ".join(cols))
    for r in rows:
        print(" | ".join(str(r[c]) for c in cols))


if __name__ == "__main__":
    main()
