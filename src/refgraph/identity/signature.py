"""The end of a document: its signature block and, for laws and National Assembly resolutions, the
closing clause that dates them ("… thông qua ngày 30 tháng 11 năm 2024")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import vocab
from ..text import fold
from .lines import Block, blocks
from .metadata import make_date


@dataclass(frozen=True)
class Signature:
    on_behalf_of: str | None  # the body named by "T/M …" ("BAN BÍ THƯ"), as written
    role: str | None  # the role line that names a body ("THỦ TƯỚNG" -> "Thủ tướng Chính phủ")
    signer: str | None
    line: int


@functools.cache
def _mark_regex() -> re.Pattern[str]:
    marks = [re.escape(p) for p, kind, _ in vocab.signature_roles() if kind != "role"]
    return re.compile(rf"^(?P<mark>{'|'.join(marks)})\s*(?P<rest>.*)$")


def _role_body(text: str) -> str | None:
    """The body a role line names ("PHÓ THỦ TƯỚNG" -> "Thủ tướng Chính phủ")."""
    for phrase, kind, body in vocab.signature_roles():
        # compared without spaces: PDF extraction may glue two words ("QUỐC HỘICHỦ TỊCH")
        if (
            kind == "role"
            and fold(text).replace(" ", "").startswith(fold(phrase).replace(" ", ""))
            and len(text.split()) <= len(phrase.split()) + 1
        ):
            return body
    return None


def read_signature(text: str, after_line: int = 0) -> Signature | None:
    """The first signature block after ``after_line``: "T/M BAN BÍ THƯ / BÍ THƯ / name", "THỦ TƯỚNG /
    name" … Lines of a signature table cell ("| … | THỦ TƯỚNG Trần Văn Minh |") are read the same.
    Only the lines around a mark are cut into blocks: a long document is not read twice."""
    lines = text.split("\n")
    hint = _mark_hint()
    for no in range(after_line, len(lines)):
        if not hint.search(lines[no]):
            continue
        bs = blocks("\n".join(lines[no : no + 12]), first_line=no + 1)
        for i, b in enumerate(bs):
            for j, line in enumerate(_lines(b)):
                for piece in _pieces(line):
                    m = _mark_regex().match(piece)
                    if m and m.group("rest") and m.group("rest").split()[0].isupper():
                        rest = m.group("rest")
                        kind = next(k for p, k, _ in vocab.signature_roles() if p == m.group("mark"))
                        body = _upper_run(rest) if kind == "collective" else None
                        if body and body == rest.strip():
                            # the line after the mark's, in this block or the next one
                            after = [x for blk in bs[i : i + 2] for x in _lines(blk)][j + 1 : j + 2]
                            body = _continued(body, after[0]) if after else body
                        return Signature(body, None, _signer_after(bs, i, rest), b.line)
    start = max(after_line, len(lines) - 60)
    bs = blocks("\n".join(lines[start:]), first_line=start + 1)[-25:]
    for i, b in enumerate(bs):
        upper = _upper_run(b.text)
        body = _role_body(upper) if upper else None
        if body and len(upper.split()) <= 4:
            return Signature(None, body, _signer_after(bs, i, b.text[len(upper) :]), b.line)
    return None


@functools.cache
def _mark_hint() -> re.Pattern[str]:
    """A line that may hold a signature mark ("T/M …", "KT. …") at its start or a cell's start."""
    marks = "|".join(re.escape(p) for p, k, _ in vocab.signature_roles() if k != "role")
    return re.compile(rf"(?:^|[|*\s])(?:{marks})\s*\**\s*[A-ZÀ-ỸĐ]")


def _lines(b: Block) -> list[str]:
    """A block's text line by line: a signature's mark and its role line are two lines."""
    ends = list(b.starts[1:]) + [len(b.text)]
    return [b.text[s:e].strip() for s, e in zip(b.starts, ends)]


def _pieces(text: str) -> list[str]:
    """A block may hold a whole signature on one line ("KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Lê Thị Hạnh"):
    split it before each mark."""
    marks = "|".join(re.escape(p) for p, k, _ in vocab.signature_roles() if k != "role")
    return [p.strip() for p in re.split(rf"(?=(?:^|\s)(?:{marks})\s)", text) if p.strip()]


def _continued(body: str, next_line: str) -> str:
    """A body's name broken over two lines ("TM. ỦY BAN" / "NHÂN DÂN"): the next line goes on with it when
    the two make the start of a known name and the first alone is only a part of one ("TM. BAN THƯỜNG VỤ"
    / "PHÓ BÍ THƯ" are a body and its officer)."""
    more = next_line.strip(" *")
    if not more or _upper_run(more) != more:
        return body
    names = _known_names()
    part, whole = fold(body), fold(f"{body} {more}")
    if part in names or not any(n.startswith(whole) for n in names):
        return body
    return f"{body} {more}"


@functools.cache
def _known_names() -> frozenset[str]:
    return frozenset(vocab.known_organs()) | {fold(h) for h, _ in vocab.organ_heads()}


def _upper_run(s: str) -> str:
    out = []
    for w in s.split():
        letters = [c for c in w if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            if letters:
                break
            continue
        out.append(w)
    return " ".join(out)


def _signer_after(bs: list[Block], i: int, rest: str) -> str | None:
    """The signer's name: the first words in title case after the marks and roles."""
    texts = [rest] + [b.text for b in bs[i + 1 : i + 6]]
    for t in texts:
        t = re.sub(r"\((?:Đã ký|đã ký)\)", " ", t)
        m = re.search(r"(?<![^\s])((?:[A-ZÀ-ỸĐ][a-zà-ỹđ]+\s+){1,4}[A-ZÀ-ỸĐ][a-zà-ỹđ]+)\s*$", t.strip())
        if m:
            return m.group(1)
    return None


_PASSED = re.compile(
    rf"(?P<type>{vocab.numbered_type_words_regex()})\s+này\s+(?:đã\s+)?được\s+"
    r"(?P<body>[^.;]{0,300}?)thông\s+qua\s+ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+"
    r"(?P<y>\d{4})",
    re.I,
)


def closing_date(text: str, doc_type: str | None):
    """(date, line) of the closing clause of a law or resolution that records its passing; the last
    such clause counts (an amending law quotes none of its own before its end)."""
    if not doc_type or fold(doc_type) not in vocab.closing_clause_types():
        return None
    flat = re.sub(r"\*+", "", text)
    found = None
    for m in _PASSED.finditer(flat):
        if fold(m.group("type")) != fold(doc_type):
            continue
        d = make_date(m.group("y"), m.group("m"), m.group("d"))
        if d:
            found = (d, flat.count("\n", 0, m.start("d")) + 1, " ".join(m.group(0).split())[-60:])
    return found
