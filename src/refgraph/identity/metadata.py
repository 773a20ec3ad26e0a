"""Metadata a user writes: front matter at the top of a file, or a sidecar ``<file name>.meta`` beside it,
both as ``field: value`` lines. Also the two small readers every stage shares: a number code to a key,
a written date to a date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..extract.keys import parse_key
from ..extract.parse import parse_header

META_FIELDS = ("key", "type", "date", "issuer", "province", "title", "term", "signer")

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, text with the front matter blanked to spaces, so offsets stay those of the file)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    fields = parse_fields(m.group(1))
    blank = re.sub(r"[^\n]", " ", m.group())
    return fields, blank + text[m.end() :]


def parse_fields(block: str) -> dict[str, str]:
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
        return parse_fields(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def key_of(number_code: str) -> tuple[str | None, str | None]:
    """(key, issuer_code) of a bare number code such as "38-CT/TU", read with the grammar."""
    info = parse_key(number_code)  # the one key parser (extract.keys)
    return (info.key, info.issuer_code) if info else (None, None)


def date_of(value: str) -> dt.date | None:
    """An ISO date, "19/11/2025", or "19 tháng 11 năm 2025"."""
    value = value.strip().rstrip(".")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", value)
    if m:
        return make_date(m.group(3), m.group(2), m.group(1))
    parsed = parse_header("x, ngày " + value, "dateline")
    if parsed and parsed[1].day and parsed[1].month and parsed[1].year:
        return make_date(parsed[1].year, parsed[1].month, parsed[1].day)
    return None


def make_date(year, month, day) -> dt.date | None:
    """A real date from digits that may have been split by spaces ("0 7"); None when impossible."""
    try:
        y, m, d = (int(re.sub(r"\s", "", str(x))) for x in (year, month, day))
        if not 1900 <= y <= 2100:
            return None
        return dt.date(y, m, d)
    except ValueError:
        return None
