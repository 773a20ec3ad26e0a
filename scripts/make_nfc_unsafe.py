"""Write src/refgraph/vocab/nfc_unsafe.tsv: the characters that make composing a stretch of text in one
go (NFC at C speed) differ from composing it cluster by cluster (refgraph.text).

A character is unsafe when NFC changes it on its own, when it has a combining class (it reorders), or
when it can be the second half of a composition (it composes with what precedes it) -- unless it is one
of the combining marks refgraph treats as part of a cluster. tests/test_text.py checks the file against
the running Python's Unicode tables.

    python scripts/make_nfc_unsafe.py > src/refgraph/vocab/nfc_unsafe.tsv
"""

from __future__ import annotations

import sys
import unicodedata

CLUSTER_MARKS = ((0x0300, 0x036F), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))


def unsafe() -> set[int]:
    out: set[int] = set()
    seconds: set[int] = set()
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        d = unicodedata.decomposition(ch)
        if d and not d.startswith("<") and len(d.split()) == 2:
            seconds.add(int(d.split()[1], 16))
        if unicodedata.normalize("NFC", ch) != ch or unicodedata.combining(ch):
            out.add(cp)
    out |= seconds
    out |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul vowels and finals compose
    return {cp for cp in out if not any(a <= cp <= b for a, b in CLUSTER_MARKS)}


def ranges(cps: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


def main() -> None:
    w = sys.stdout.write
    w(f"# first\tlast: characters NFC cannot compose in bulk (Unicode {unicodedata.unidata_version});\n")
    w("# written by scripts/make_nfc_unsafe.py\n")
    for a, b in ranges(unsafe()):
        w(f"{a:04X}\t{b:04X}\n")


if __name__ == "__main__":
    main()
