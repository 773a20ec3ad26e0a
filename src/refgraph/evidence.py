"""A catalog built from evidence: every citation that gives a date, an issuer or a title is a witness
about the cited document, and many independent witnesses that agree are as good as a hand-made entry.

Witnesses are counted by file, not by mention: a page that cites a decree twenty times is one witness.
Left out: mentions flagged ``boilerplate`` (one passage copied across many pages is one voice, not many),
a file naming its own number (its "own date" is often the first date of a portal page), and mentions
whose key was inferred (short forms, names, anaphora) rather than written.

Numbers restart: a Party number each term (12-NQ/TW of 2012 and of 2022), a State number without a year
in it ("123/QĐ-TTg") each year. Witnesses are grouped by key *and period*, so two documents sharing a
number stay two entries; an undated witness joins a group only when its key has a single period. Local
numbers (People's Councils and Committees) restart in every province, and a citation seldom says which:
they are not catalogued here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import vocab
from .identity import key_of
from .text import fold

# flags of a mention whose key the text does not write out in full: no witness for that key
_INFERRED = frozenset({"boilerplate", "named", "short_form", "anaphor", "alias", "resolved_in_text"})
TITLE_MAX = 200
# where a cited title runs on into the citing sentence ("… quốc gia được sửa đổi, bổ sung …")
# and where a web page's markup or a reference list's source follows it ("… năm 2025". *Báo …*)
_TITLE_END = re.compile(
    r"\s+(?:được\s+(?:sửa|bổ|thay|bãi|hướng)|đã\s+được|thì|và\s+các|(?:và\s+)?căn\s+cứ|có\s+hiệu\s+lực)\b|[;:*\"“”]|\(PDF|\s\(\d|\.?\[\d",
    re.I,
)
# what a citation says after the number that is not a title ("… quy định như sau")
_NOT_TITLE = re.compile(r"\b(?:như\s+sau|gồm|bao\s+gồm)$|^(?:quy\s+định|hướng\s+dẫn)$", re.I)
HEADER = [
    "# refgraph catalog mined from citations (refgraph catalog export): one document a line. witnesses =",
    "# independent files that give it this date; only entries where no witness gives another date.",
]
COLUMNS = ("key", "type", "date", "issuer", "term", "province", "title", "aliases", "witnesses")


@dataclass(frozen=True)
class Witness:
    file: str
    date: dt.date | None
    issuer: str | None
    title: str | None
    doc_type: str | None
    family: str | None
    year: int | None  # the year written in the number (24/2018/QH14), if any
    passage: str | None = None  # fingerprint of its line: the same line in two files is one voice


@dataclass
class Consensus:
    key: str
    period: str  # the Party term or the year that keeps same-numbered documents apart; "" when one
    doc_type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    term: str | None = None
    files: int = 0  # independent files citing it (dated or not)
    agreeing: int = 0  # files that give the consensus date
    dissenters: list[tuple[str, str]] = field(default_factory=list)  # (file, the other date it gives)
    issuer_dissent: bool = False
    notes: list[str] = field(default_factory=list)  # why the entry is not clean

    @property
    def clean(self) -> bool:
        return self.date is not None and not self.dissenters and not self.notes


def witnesses(rows: Iterable[tuple[str, str]], own: dict[str, str]) -> dict[str, list[Witness]]:
    """Key -> its witnesses, from (file, mention JSON) rows; ``own`` maps a file to its own number."""
    out: dict[str, list[Witness]] = defaultdict(list)
    for path, data in rows:
        m = json.loads(data)
        key = m.get("key")
        if not key or own.get(path) == key or _INFERRED.intersection(m.get("flags") or ()):
            continue
        if vocab.is_local(m.get("issuer_code")):
            continue
        date = dt.date.fromisoformat(m["date"]) if m.get("date") else None
        if not (date or m.get("issuer") or m.get("title")):
            continue
        out[key].append(
            Witness(
                path,
                date,
                m.get("issuer"),
                m.get("title"),
                m.get("doc_type"),
                m.get("family"),
                m.get("year"),
                m.get("passage"),
            )
        )
    return out


def _period(w: Witness, date: dt.date) -> str:
    if w.family == "party":
        return vocab.term_for_date(date) or str(date.year)
    return "" if w.year else str(date.year)


def consensus(key: str, ws: list[Witness], min_witnesses: int = 2) -> list[Consensus]:
    """One consensus per period the dated witnesses of ``key`` fall in."""
    groups: dict[str, list[Witness]] = defaultdict(list)
    for w in ws:
        if w.date:
            groups[_period(w, w.date)].append(w)
    undated = [w for w in ws if not w.date]
    if len(groups) == 1:
        next(iter(groups.values())).extend(undated)
    elif not groups:
        groups[""] = undated
    return [_one(key, period, g, min_witnesses) for period, g in sorted(groups.items())]


def _one(key: str, period: str, ws: list[Witness], min_witnesses: int) -> Consensus:
    c = Consensus(key, period)
    by_file: dict[str, list[Witness]] = defaultdict(list)
    for w in ws:
        by_file[w.file].append(w)
    c.files = len(by_file)
    c.doc_type = _majority(w.doc_type for w in ws)
    # each file votes once for each distinct date it gives
    dates = Counter(d for fws in by_file.values() for d in {w.date for w in fws if w.date})
    # a page crawled twice, or one article copied by two sites, gives the same line in both files: the
    # files agreeing on a date count only as many as the distinct lines that give it
    lines: dict[dt.date, set] = defaultdict(set)
    for w in ws:
        if w.date:
            lines[w.date].add(w.passage or (w.file, id(w)))
    dates = Counter({d: min(n, len(lines[d])) for d, n in dates.items()})
    if dates:
        c.date, c.agreeing = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        c.dissenters = sorted(
            (f, w.date.isoformat()) for f, fws in by_file.items() for w in fws if w.date and w.date != c.date
        )
        c.dissenters = sorted(set(c.dissenters))
        year = ws[0].year
        if year and 1945 <= year <= 2100 and c.date.year != year:
            c.notes.append(f"dated {c.date.year}, the number says {year}")
        if ws[0].family == "party":
            c.term = vocab.term_for_date(c.date)
    if c.agreeing < min_witnesses:
        c.notes.append(f"{c.agreeing} file(s) give the date, fewer than {min_witnesses}")
    issuers = Counter(
        i for fws in by_file.values() for i in {_issuer(w.issuer) for w in fws if w.issuer} if i
    )
    if issuers:
        top, n = issuers.most_common(1)[0]
        c.issuer_dissent = len({fold(i) for i in issuers}) > 1
        # the extractor sometimes attaches a later "của X" to a citation: an issuer is kept only when
        # every witness that names one names the same, and at least two do
        c.issuer = top if n >= min_witnesses and not c.issuer_dissent else None
    titles = Counter(t for fws in by_file.values() for t in {_title(w.title) for w in fws if w.title} if t)
    if titles:
        by_fold: dict[str, list[str]] = defaultdict(list)
        for t, n in titles.items():
            by_fold[fold(t)].extend([t] * n)
        best = max(by_fold.values(), key=lambda v: (len(v), -len(v[0])))
        if len(best) >= min_witnesses:
            c.title = Counter(best).most_common(1)[0][0]
    return c


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _issuer(s: str) -> str | None:
    s = re.sub(r"^(?:của|do)\s+", "", " ".join(s.split()), flags=re.I)
    # an organ is named in words ("Bộ Tài chính"); a bare code ("BQP") is the number's, not a witness
    return s[:1].upper() + s[1:] if len(s.split()) >= 2 else None


def _title(s: str) -> str | None:
    """The document's own title out of a citation's: cut where the citing sentence takes over, trimmed
    of quotes and stray punctuation, at most TITLE_MAX characters (cut at a word)."""
    s = _TITLE_END.split(" ".join(s.split()), maxsplit=1)[0]
    s = s.strip(" ,.;:\"'“”()-")
    if len(s) > TITLE_MAX:
        s = s[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(" ,;:")
    if len(s.split()) < 3 or _NOT_TITLE.search(s):
        return None
    return s[:1].upper() + s[1:]


def build(store, min_witnesses: int = 2) -> list[Consensus]:
    """The consensus for every key the store's citations speak of, most witnessed first."""
    own = {}
    for path, _doc, ident in store.files():
        key = json.loads(ident).get("key") if ident else None
        if key:
            own[path] = key
    out = []
    for key, ws in witnesses(store.keyed_mentions(), own).items():
        out.extend(consensus(key, ws, min_witnesses))
    out.sort(key=lambda c: (-c.agreeing, -c.files, c.key, c.period))
    return out


def summary(entries: list[Consensus], min_witnesses: int, top: int = 15) -> list[str]:
    clean = [c for c in entries if c.clean]
    keys = {c.key for c in entries}
    lines = [
        f"{len(keys)} keys with witnesses ({len(entries)} key-period groups); "
        f"{len(clean)} agreed by at least {min_witnesses} files with no dissent; "
        f"{sum(1 for c in entries if c.dissenters)} with dissenting dates",
    ]
    for c in clean[:top]:
        lines.append(
            f"  {c.key:<22} {_iso(c.date)}  {c.agreeing:>4} files  {c.issuer or '-'}  {_short(c.title)}"
        )
    disputed = [c for c in entries if c.dissenters][:5]
    if disputed:
        lines.append("most witnessed with dissent:")
        for c in disputed:
            other = Counter(d for _f, d in c.dissenters).most_common(2)
            said = ", ".join(f"{d} ({n})" for d, n in other)
            lines.append(f"  {c.key:<22} {_iso(c.date)} ({c.agreeing})  but also {said}")
    return lines


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def _short(s: str | None, n: int = 60) -> str:
    return "" if not s else (s if len(s) <= n else s[: n - 1] + "…")


def catalog_text(entries: list[Consensus]) -> tuple[str, int]:
    """The clean entries in the catalog format (refgraph.catalog loads it), and how many there are."""
    # a key the catalog reader would not read back (an old form such as "08/7/NQNS-TW") is left out
    rows = [c for c in entries if c.clean and key_of(c.key)[0] == c.key]
    rows.sort(key=lambda c: (c.key, c.date))
    lines = [*HEADER, "\t".join(COLUMNS)]
    for c in rows:
        cells = [
            c.key,
            c.doc_type,
            _iso(c.date),
            c.issuer,
            c.term,
            None,
            c.title,
            None,
            str(c.agreeing),
        ]
        lines.append("\t".join(_cell(v) for v in cells))
    return "\n".join(lines) + "\n", len(rows)


def _cell(v: str | None) -> str:
    return "" if v is None else " ".join(str(v).replace("\t", " ").split())
