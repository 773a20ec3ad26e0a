"""Decomposed (NFD) text against the same text composed (NFC), in one process: the normalizer alone, the
whole extraction (CPU time, the two spellings in turn, after a warm-up), and the normalizer's peak memory
per input byte. Targets: extraction on NFD within 1.5x of NFC; at most 5 bytes of memory per input byte.

    python bench/bench_normalize.py [--mb 4] [--runs 3] [FILE_OR_FOLDER ...]

With files or folders (.txt, .md), their text is used (repeated up to --mb); otherwise generated text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from corpus import text_of_size  # noqa: E402

from refgraph import extract  # noqa: E402
from refgraph.extract import pipeline  # noqa: E402
from refgraph.text import normalize  # noqa: E402


def timed(fn) -> float:
    """CPU seconds of one call: on a shared machine, wall time measures the neighbours."""
    pipeline._CACHE.clear()  # a parse cache warmed by the other spelling would flatter it
    t = time.process_time()
    fn()
    return time.process_time() - t


def ratios(a, b, runs: int) -> tuple[float, float, float, float, float]:
    """(median a, median b, median b/a, least and greatest b/a) over runs of a and b taken in turn, so that
    a busy spell slows both alike."""
    ta, tb = [], []
    for _ in range(runs):
        ta.append(timed(a))
        tb.append(timed(b))
    r = [y / x for x, y in zip(ta, tb)]
    return statistics.median(ta), statistics.median(tb), statistics.median(r), min(r), max(r)


def load(paths: list[str], mb: float) -> str:
    if not paths:
        return text_of_size(int(mb * 1e6))
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*")) if p.is_dir() else [p])
    texts, total = [], 0
    for f in files:
        if f.suffix in (".txt", ".md") and f.is_file():
            t = f.read_text(encoding="utf-8", errors="replace")
            texts.append(t)
            total += len(t.encode("utf-8"))
            if total >= mb * 1e6:
                break
    text = "\n\n".join(texts)
    while len(text.encode("utf-8")) < mb * 1e6:
        text += "\n\n" + text
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    nfc = unicodedata.normalize("NFC", load(args.paths, args.mb))
    nfd = unicodedata.normalize("NFD", nfc)
    size = len(nfd.encode("utf-8"))

    # the first extraction builds what later ones reuse (the parser, vocabularies): not part of either
    extract(nfc[:100_000])
    extract(nfd[:100_000])
    # new string objects: normalize remembers the last text it was given, by identity
    norm_nfc, norm_nfd, norm_r, _, _ = ratios(
        lambda: normalize(("." + nfc)[1:]), lambda: normalize(("." + nfd)[1:]), args.runs
    )
    # a new string object each run: the NFD path composes a new text every time, so the NFC path must not
    # find its previous run's per-text caches (the lower-cased text, the type-word scan) either
    ext_nfc, ext_nfd, ext_r, ext_lo, ext_hi = ratios(
        lambda: extract(("." + nfc)[1:]), lambda: extract(("." + nfd)[1:]), args.runs
    )
    tracemalloc.start()
    n = normalize(("." + nfd)[1:])
    n.span_to_original(len(n.text) // 2, len(n.text) // 2 + 10)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    same = [(m.key, m.start) for m in extract(nfc)] == [
        (m.key, len(unicodedata.normalize("NFC", nfd[: m.start]))) for m in extract(nfd)
    ]
    print(f"{len(nfc.encode('utf-8')) / 1e6:.1f} MB NFC, {size / 1e6:.1f} MB NFD; median of {args.runs} runs")
    print(f"normalize: NFD/NFC CPU time ratio {norm_r:.2f} ({norm_nfd:.3f} s / {norm_nfc:.3f} s)")
    print(
        f"extract:   NFD/NFC CPU time ratio {ext_r:.2f} [{ext_lo:.2f}-{ext_hi:.2f}] "
        f"({ext_nfd:.2f} s / {ext_nfc:.2f} s; target <= 1.5)"
    )
    print(f"normalize(NFD) peak memory: {peak / size:.2f} bytes per input byte (target <= 5)")
    print(f"same keys at the same places: {same}")


if __name__ == "__main__":
    main()
