"""What a corpus file says about itself: its number, type, issuer, date, province, title, signer.

Sources, strongest first:
1. metadata the user writes: front matter at the top of the file, or a sidecar ``<file name>.meta``
   beside it, both as ``field: value`` lines (fields: key, type, date, issuer, province, title, term, signer);
2. the text's own header: "Số: 38-CT/TU", a heading in capitals ("CHỈ THỊ … CỦA BAN THƯỜNG VỤ TỈNH ỦY"),
   the place-and-date line ("Hưng Yên, ngày 23 tháng 12 năm 2022"), the "Về …" title, the signer;
3. otherwise nothing: the document is known by its file stem.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from . import vocab
from .extract.keys import parse_key
from .extract.parse import parse_header
from .extract.scan import type_word_regex
from .text import fold, normalize

HEADER_LINES = 30
META_FIELDS = ("key", "type", "date", "issuer", "province", "title", "term", "signer")


@dataclass(frozen=True)
class Identity:
    key: str | None = None
    doc_type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    province: str | None = None
    title: str | None = None
    term: str | None = None
    signer: str | None = None
    source: str = "stem"  # "metadata" | "header" | "stem": where the key came from

    def to_dict(self) -> dict:
        d = {f: getattr(self, f) for f in self.__dataclass_fields__}
        d["date"] = self.date.isoformat() if self.date else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Identity:
        d = dict(d)
        d["date"] = dt.date.fromisoformat(d["date"]) if d.get("date") else None
        return cls(**d)


_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, text with the front matter blanked to spaces, so offsets stay those of the file)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    fields = _parse_fields(m.group(1))
    blank = re.sub(r"[^\n]", " ", m.group())
    return fields, blank + text[m.end() :]


def _parse_fields(block: str) -> dict[str, str]:
    out = {}
    for line in block.splitlines():
        f = _FIELD.match(line)
        if f and f.group(1).lower() in META_FIELDS and f.group(2):
            out[f.group(1).lower()] = f.group(2).strip().strip('"')
    return out


def read_sidecar(path: Path) -> dict[str, str]:
    side = path.with_name(path.name + ".meta")
    if not side.is_file():
        return {}
    try:
        return _parse_fields(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def key_of(number_code: str) -> tuple[str | None, str | None]:
    """(key, issuer_code) of a bare number code such as "38-CT/TU", read with the grammar."""
    info = parse_key(number_code)
    return (info.key, info.issuer_code) if info else (None, None)


def _date_of(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        parsed = parse_header("x, ngày " + value, "dateline")
        if parsed and parsed[1].day and parsed[1].month and parsed[1].year:
            try:
                return dt.date(parsed[1].year, parsed[1].month, parsed[1].day)
            except ValueError:
                return None
    return None


@functools.cache
def _province_regex() -> re.Pattern[str]:
    names = sorted(vocab.province_folds(), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?:tinh uy|tinh|thanh uy|thanh pho|tp\.?)\s+({alts})(?![a-z])")


def find_province(text: str) -> str | None:
    """The province a text speaks for: its own name in "tỉnh X", "Tỉnh ủy X", "UBND tỉnh X" …, most often."""
    counts: Counter[str] = Counter(m.group(1) for m in _province_regex().finditer(fold(text)))
    if not counts:
        return None
    return vocab.province_folds()[counts.most_common(1)[0][0]]


def _canonical_province(name: str | None) -> str | None:
    if not name:
        return None
    return vocab.province_folds().get(fold(name), name)


def from_header(text: str) -> Identity:
    head = "\n".join(text.splitlines()[: HEADER_LINES * 2]).replace("**", "\n")
    lines = [ln.strip().strip("*#_ ").strip() for ln in head.splitlines()]
    lines = [ln for ln in lines if ln][:HEADER_LINES]
    key = issuer_code = doc_type = issuer = title = None
    date = None
    province = None
    tw = type_word_regex()
    for i, ln in enumerate(lines):
        norm = normalize(ln).text
        if key is None and re.match(r"(?i)số\s*:", norm):
            key, issuer_code = key_of(re.sub(r"(?i)^số\s*:\s*", "", norm))
        if date is None and "ngày" in norm.lower():
            parsed = parse_header(norm, "dateline")
            if parsed is not None and len(parsed[0].split()) <= 5:
                place, d = parsed
                if d.day and d.month and d.year:
                    try:
                        date = dt.date(d.year, d.month, d.day)
                    except ValueError:
                        date = None
                    if province is None and fold(place) in _province_folds():
                        province = _canonical_province(place)
        if doc_type is None and ln.isupper():
            m = tw.match(norm)
            if m and len(norm) - m.end() < 60:
                doc_type = " ".join(m.group().split()).capitalize()
                rest = norm[m.end() :].strip(" *")
                if rest.upper().startswith("CỦA "):
                    issuer = _heading_case(rest[4:])
                title = _title_after(lines, i, rest)
        if issuer is None and doc_type and ln.isupper() and ln.startswith("CỦA "):
            issuer = _heading_case(ln[4:])
    signer = _signer(text)
    return Identity(
        key=key,
        doc_type=doc_type,
        date=date,
        issuer=issuer,
        issuer_code=issuer_code,
        province=province or find_province(text),
        title=title,
        signer=signer,
        source="header" if key else "stem",
    )


def _heading_case(s: str) -> str:
    """ "BAN THƯỜNG VỤ TỈNH ỦY" -> "Ban thường vụ tỉnh ủy" (a heading's capitals are not the name's)."""
    s = " ".join(s.strip(" *").split())
    known = vocab.organs().get(fold(s))
    if known:
        return known
    s = s.lower()
    return s[:1].upper() + s[1:]


def _province_folds() -> dict[str, str]:
    return vocab.province_folds()


def _title_after(lines: list[str], i: int, rest: str) -> str | None:
    for ln in [rest, *lines[i + 1 : i + 4]]:
        m = re.match(r"(?i)(?:về\s+việc|về)\s+(.+)", ln.strip(" *"))
        if m:
            t = m.group(1).strip(" *")
            return t[:1] + t[1:].lower() if t.isupper() else t
    return None


def _signer(text: str) -> str | None:
    tail = [ln.strip(" *") for ln in text.strip().splitlines()[-6:] if ln.strip(" *")]
    if not tail:
        return None
    last = tail[-1]
    words = last.split()
    if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in last):
        if any(
            t.upper().startswith(("T/M", "TM.", "K/T", "KT.", "(ĐÃ KÝ)", "BÍ THƯ", "CHỦ TỊCH")) for t in tail
        ):
            return last
    return None


def identify(text: str, path: Path | None = None, front: dict[str, str] | None = None) -> Identity:
    """The document's identity: metadata fields win over what its header says."""
    ident = from_header(text)
    meta = dict(read_sidecar(path)) if path else {}
    meta.update(front or {})
    if not meta:
        return ident
    changes: dict = {}
    if "key" in meta:
        key, issuer_code = key_of(meta["key"])
        changes.update(key=key or meta["key"], issuer_code=issuer_code, source="metadata")
    if "type" in meta:
        changes["doc_type"] = meta["type"]
    if "date" in meta:
        changes["date"] = _date_of(meta["date"])
    for f in ("issuer", "title", "term", "signer"):
        if f in meta:
            changes[f] = meta[f]
    if "province" in meta:
        changes["province"] = _canonical_province(meta["province"])
    return replace(ident, **changes)
