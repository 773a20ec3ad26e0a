"""Text a site repeats on its pages (a portal's privacy notice "Thực hiện Nghị định 13/2023/NĐ-CP, chúng
tôi cập nhật Quy chế …", menus, footers) is not what a document says.

Each mention gets a fingerprint of the line it sits on, when that line is mostly prose around the
citation: a "Căn cứ Luật …;" line is repeated by thousands of decisions and is each one's own legal basis,
so a line that is mostly citation (its type, number, date, issuer, title) gets no fingerprint. Over a
whole corpus, a fingerprint found in many files marks a repeated passage: its mentions stay (flagged
``boilerplate``) but give the graph no edges.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from ..models import Mention

FLAG = "boilerplate"
MIN_PROSE = 40  # characters of the line outside its citations
MIN_FILES = 8  # a passage repeated in fewer files is quoted, not boilerplate ...
SHARE = 0.01  # ... and on a large corpus it must be on at least this share of the files
LINE_WINDOW = 400  # characters either side of a mention read from a very long line


def fingerprints(text: str, mentions: Sequence[Mention]) -> list[str | None]:
    """A fingerprint of each mention's line (offsets of ``mentions`` index ``text``), or None."""
    # each mention's line found from the mention (a text has a hundred lines for each of its mentions)
    lines = []
    for m in mentions:
        start = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.start)
        lines.append((start, len(text) if end == -1 else end))
    cited: dict[int, int] = {}
    for m, (start, _) in zip(mentions, lines):
        cited[start] = cited.get(start, 0) + len(" ".join(m.text.split())) + len(m.title or "")
    out: list[str | None] = []
    for m, (start, end) in zip(mentions, lines):
        ls = max(start, m.start - LINE_WINDOW)  # a very long line is read around the mention only
        le = min(end, m.end + LINE_WINDOW)
        line = " ".join(text[ls:le].split())
        prose = len(line) - cited[start]
        out.append(hashlib.sha1(line.encode()).hexdigest()[:16] if prose >= MIN_PROSE else None)
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
