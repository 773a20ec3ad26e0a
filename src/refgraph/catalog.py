"""The catalog of known documents: a plain tab-separated file a user can read, extend and pass with
--catalog. One document a line; the same key may appear twice for documents of different terms or
years (12-NQ/TW of 2012 and of 2022)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .assets import catalog_file, mined_catalog_file
from .identity import key_of
from .sources import InputError
from .text import fold


@dataclass(frozen=True)
class Entry:
    key: str
    doc_type: str | None
    date: dt.date | None
    issuer: str | None
    term: str | None
    province: str | None
    title: str | None
    aliases: tuple[str, ...]
    issuer_code: str | None
    # mined from citations (refgraph.evidence): how many independent files agree; None for a hand entry
    witnesses: int | None = None


def bundled_catalog() -> Path | None:
    """The catalog shipped with refgraph: data/catalog.tsv of the checkout, or its copy in the wheel."""
    return catalog_file()


def bundled_catalogs() -> list[Path]:
    """The default catalogs: the hand-made one, then the one mined from a public corpus."""
    return [p for p in (catalog_file(), mined_catalog_file()) if p is not None]


def load(paths: Sequence[str | os.PathLike]) -> list[Entry]:
    """Every entry of every catalog. An entry mined from evidence (a catalog with a witnesses column)
    yields to a hand-made entry of the same key read before it: a reviewer's entry is the better fact,
    and two entries of one key would look like two documents sharing a number."""
    out: list[Entry] = []
    for path in paths:
        hand = {e.key for e in out if e.witnesses is None}
        out.extend(e for e in _load_one(Path(path)) if e.witnesses is None or e.key not in hand)
    return out


def _load_one(path: Path) -> list[Entry]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: catalog not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read catalog ({e})") from None
    rows = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0][1].split("\t")]
    if "key" not in header:
        raise InputError(f"{path}:{rows[0][0]}: catalog header must name its columns (key, type, date, …)")
    out = []
    for lineno, line in rows[1:]:
        cells = dict(zip(header, (c.strip() for c in line.split("\t"))))
        raw_key = cells.get("key", "")
        key, issuer_code = key_of(raw_key)
        if key is None:
            raise InputError(f"{path}:{lineno}: '{raw_key}' is not a document number")
        date = None
        if cells.get("date"):
            try:
                date = dt.date.fromisoformat(cells["date"])
            except ValueError:
                raise InputError(f"{path}:{lineno}: date '{cells['date']}' is not YYYY-MM-DD") from None
        out.append(
            Entry(
                key=key,
                doc_type=cells.get("type") or None,
                date=date,
                issuer=cells.get("issuer") or None,
                term=cells.get("term") or None,
                province=cells.get("province") or None,
                title=cells.get("title") or None,
                aliases=tuple(a.strip() for a in (cells.get("aliases") or "").split(";") if a.strip()),
                issuer_code=issuer_code,
                witnesses=_witnesses(path, lineno, cells) if "witnesses" in header else None,
            )
        )
    return out


def _witnesses(path: Path, lineno: int, cells: dict[str, str]) -> int:
    raw = cells.get("witnesses") or "0"
    if not raw.isdigit():
        raise InputError(f"{path}:{lineno}: witnesses '{raw}' is not a count")
    return int(raw)


def alias_key(s: str) -> str:
    """How a short name is compared: folded, "số" and punctuation dropped ("Đề án số 06" ~ "đề án 06")."""
    words = [w for w in fold(s).replace("(", " ").replace(")", " ").replace(",", " ").split() if w != "so"]
    return " ".join(words)
