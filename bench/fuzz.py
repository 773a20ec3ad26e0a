"""A longer fuzz campaign than the test suite runs: random text built from citation fragments, checked
for the extractor's promises (never raises; every span lies inside the text and is its surface form;
keys are NFC). Prints how many inputs it tried.

    python bench/fuzz.py --seconds 120
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata

from refgraph import extract

FRAGMENTS = [
    "Nghị quyết",
    "Chỉ thị",
    "Kết luận",
    "Quyết định",
    "Luật",
    "số",
    "số:",
    "35-NQ/TW",
    "72/2013/NĐ-CP",
    "15/CT-TTg",
    "07/CT-BCA-V28",
    "28/NQ-TW",
    "55 -CT/TU",
    "ngày",
    "22/10/2018",
    "tháng",
    "năm",
    "của",
    "Bộ Chính trị",
    "khóa",
    "XI",
    "(khóa XII)",
    "về",
    "về việc",
    "“",
    "”",
    "(sau đây gọi tắt là",
    ")",
    "thực hiện",
    "căn cứ",
    "và",
    ",",
    ";",
    ".",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\u00a0",
    "\u200b",
    "Ð",
    "–",
    "⁄",
    "1",
    "99999999",
    "-",
    "/",
    "Trung ương",
    "4",
    "Đề án",
    "06",
    "gắn với",
]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        r = rng.random()
        if r < 0.8:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.9:
            parts.append(chr(rng.randint(0x20, 0x2FFF)))
        else:
            parts.append(unicodedata.normalize("NFD", rng.choice(FRAGMENTS)))
        if rng.random() < 0.7:
            parts.append(" ")
    return "".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    tried = mentions = 0
    while time.monotonic() < deadline:
        text = random_text(rng)
        try:
            found = extract(text)
        except Exception as e:  # noqa: BLE001 - any exception is a finding
            print(f"FAIL after {tried} inputs: {type(e).__name__}: {e}\n{text!r}")
            return 1
        for m in found:
            assert 0 <= m.start < m.end <= len(text), (text, m)
            assert text[m.start : m.end] == m.text, (text, m)
            assert m.key is None or unicodedata.is_normalized("NFC", m.key), (text, m)
        tried += 1
        mentions += len(found)
    print(f"fuzz: {tried} inputs in {args.seconds:g} s, {mentions} mentions, no failure (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
