"""Text a site repeats on its pages (a portal's privacy notice "Thực hiện Nghị định 13/2023/NĐ-CP, chúng
tôi cập nhật Quy chế …", menus, footers) is not what a document says.

Each mention gets a fingerprint of the line it sits on, when that line is mostly prose around the
citation: a "Căn cứ Luật …;" line is repeated by thousands of decisions and is each one's own legal basis,
so a line that is mostly citation (its type, number, date, issuer, title) gets no fingerprint. Over a
whole corpus, a fingerprint found in many files marks a repeated passage: its mentions stay (flagged
``boilerplate``) but give the graph no edges.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..models import Mention

FLAG = "boilerplate"
MIN_PROSE = 40  # characters of the line outside its citations
MIN_FILES = 8  # a passage repeated in fewer files is quoted, not boilerplate ...
SHARE = 0.01  # ... and on a large corpus it must be on at least this share of the files


def fingerprints(text: str, mentions: Sequence[Mention]) -> list[str | None]:
    """A fingerprint of each mention's line (offsets of ``mentions`` index ``text``), or None."""
    # Each line is measured once, however many mentions it holds: one long unbroken line of chained
    # citations would otherwise be joined and summed again for every mention on it (quadratic).
    breaks = [m.start() for m in re.finditer("\n", text)]
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    starts = [mentions[i].start for i in order]
    weight = [0]  # running total of the cited characters, in order of position
    for i in order:
        o = mentions[i]
        weight.append(weight[-1] + len(" ".join(o.text.split())) + len(o.title or ""))
    lines: dict[tuple[int, int], str | None] = {}
    out: list[str | None] = []
    for m in mentions:
        k = bisect.bisect_left(breaks, m.start)
        ls = breaks[k - 1] + 1 if k else 0
        j = bisect.bisect_left(breaks, m.end)
        le = breaks[j] if j < len(breaks) else len(text)
        if (ls, le) not in lines:
            line = " ".join(text[ls:le].split())
            cited = weight[bisect.bisect_left(starts, le)] - weight[bisect.bisect_left(starts, ls)]
            lines[(ls, le)] = (
                hashlib.sha1(line.encode()).hexdigest()[:16] if len(line) - cited >= MIN_PROSE else None
            )
        out.append(lines[(ls, le)])
    return out


def repeated(per_file: Iterable[Iterable[str | None]], files: int) -> set[str]:
    """Fingerprints found in enough distinct files to be a site's repeated text."""
    counts: Counter[str] = Counter()
    for fps in per_file:
        counts.update({fp for fp in fps if fp})
    need = max(MIN_FILES, int(files * SHARE + 0.999))
    return {fp for fp, n in counts.items() if n >= need}


def flag(mentions: Sequence[Mention], fps: Sequence[str | None], common: set[str]) -> list[Mention]:
    """The mentions with the boilerplate flag set where their line is common (and cleared elsewhere)."""
    from dataclasses import replace

    out = []
    for m, fp in zip(mentions, fps):
        flags = tuple(f for f in m.flags if f != FLAG)
        if fp and fp in common:
            flags += (FLAG,)
        out.append(m if flags == m.flags else replace(m, flags=flags))
    return out
