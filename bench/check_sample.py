"""A seeded random sample of one rule's findings, each with the text around it, for reading.

python bench/check_sample.py findings.json RG101 [N=25] [WIDTH=160] [SEED=13]
(findings.json from `refgraph check CORPUS --format json -o findings.json`; see docs/check-precision.md)
"""

import json
import random
import sys


def main() -> None:
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    rule = sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    width = int(sys.argv[4]) if len(sys.argv) > 4 else 160
    found = [f for f in data["findings"] if f["code"] == rule]
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 13
    random.Random(seed).shuffle(found)
    texts: dict[str, str] = {}
    for i, f in enumerate(found[:n], 1):
        path = f["file"]
        if path not in texts:
            texts[path] = open(path, encoding="utf-8", errors="replace").read()
        start, end = f.get("start") or 0, f.get("end") or 0
        around = texts[path][max(0, start - width) : end + width].replace("\n", " ⏎ ")
        fix = f" fix={f['fix']}" if f.get("fix") else ""
        print(f"## {i}. {path}:{f['line']} {f['severity']} {f['message']}{fix}")
        print("   ", around)


if __name__ == "__main__":
    main()
