"""extract(): text -> mentions. Scan for anchors, parse each window once, build keys, then read the
prose around the citations for titles, relations, nesting and aliases."""

from __future__ import annotations

import datetime as dt
import functools
import re

from ..models import Mention
from ..text import Normalized, line_of, line_starts, normalize
from . import aliases, relations
from .keys import key_for
from .model import Found
from .parse import ParsedCitation, ParsedDate, parse_window
from .scan import candidate_windows

# Repeated citations are the norm in real corpora; a window seen before is not parsed again.
_CACHE: dict[str, ParsedCitation | None] = {}
_CACHE_LIMIT = 200_000


def _date(d: ParsedDate | None) -> tuple[dt.date | None, str | None, list[str]]:
    if d is None:
        return None, None, []
    if d.day is None or d.month is None or d.year is None:
        return None, d.text, ["partial_date"]
    try:
        return dt.date(d.year, d.month, d.day), None, []
    except ValueError:
        return None, d.text, ["impossible_date"]


# An issuer phrase runs to the next punctuation in the grammar ("của" WORD+); the name of a body ends
# before the first of these words, which start the sentence's own continuation ("… của Chính phủ để
# phục vụ …"). "và" joins two names only when a capitalised word follows ("Ban Tuyên giáo và Dân vận").
_ISSUER_STOP = frozenset(
    "để phục nhằm trong đối theo đã được là có các những gắn tại phê cho đến từ khi nay".split()
)


@functools.lru_cache(maxsize=65536)
def _clean_issuer(s: str | None) -> str | None:
    if not s:
        return None
    words = s.split()
    out: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and w[:1].islower() and lw in _ISSUER_STOP:
            break
        if lw in ("và", "cùng", "với", "hoặc") and (i + 1 >= len(words) or words[i + 1][:1].islower()):
            break
        out.append(w)
    return " ".join(out) or None


def _parse_cached(window: str) -> ParsedCitation | None:
    hit = _CACHE.get(window, _CACHE)
    if hit is not _CACHE:
        return hit  # type: ignore[return-value]
    parsed = parse_window(window)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[window] = parsed
    return parsed


# Where a head certainly ends: the parser reads a title intro ("về", "về việc") and nothing of the title
# itself (titles are measured on the text afterwards). Cutting the window just after it makes the text
# given to the parser the citation head alone, so a citation repeated with other words after it is
# parsed once. The grammar still decides: the cut only drops text the parser would have left as REST.
_TITLE_INTRO_CUT = re.compile(r"(?<![^\W\d_])(?:về\s+việc|về)(?![^\W\d_])", re.I)


def find(norm_text: str) -> list[Found]:
    """Parse every candidate window; offsets are into ``norm_text``."""
    found: list[Found] = []
    consumed = 0
    group = 0
    for ws, we in candidate_windows(norm_text):
        if ws < consumed:
            continue  # inside a citation already read (the type word after an alias intro, say)
        cut = _TITLE_INTRO_CUT.search(norm_text, ws, we)
        if cut is not None:
            we = cut.end()
        parsed = _parse_cached(norm_text[ws:we])
        if parsed is None:
            continue
        group += 1
        found.extend(_records(parsed, ws, group))
        consumed = ws + (parsed.items[0].code.end if parsed.items else parsed.head_end)
    return found


def _records(c: ParsedCitation, base: int, group: int) -> list[Found]:
    doc_type = c.type_word[:1].upper() + c.type_word[1:].lower()
    if c.plenum is not None:
        terms = ",".join(c.plenum_terms) or None
        return [
            Found(
                start=base + c.type_start,
                end=base + c.head_end,
                head_end=base + c.head_end,
                doc_type=doc_type,
                key=None,
                family="party",
                type_code="NQ",
                issuer_code="TW",
                number=None,
                year=None,
                date=None,
                date_text=None,
                issuer=None,
                term=terms,
                title=None,
                title_start=None,
                flags=["short_form", "plenum"],
                group=group,
            )
        ]
    out: list[Found] = []
    for i, item in enumerate(c.items):
        info = key_for(item.code, c.type_word)
        date, date_text, date_flags = _date(item.date)
        first = i == 0
        last = i == len(c.items) - 1
        issuer = item.issuer or (c.lead_issuer if first else None)
        out.append(
            Found(
                start=base + (c.type_start if first else item.code.start),
                end=base + item.code.end,
                head_end=base + (c.head_end if last else item.end),
                doc_type=doc_type,
                key=info.key,
                family=info.family,
                type_code=info.type_code,
                issuer_code=info.issuer_code,
                number=info.number,
                year=info.year,
                date=date,
                date_text=date_text,
                issuer=_clean_issuer(issuer),
                term=",".join(item.terms) or None,
                title=c.quoted_title if last else None,
                title_start=(base + c.title_start) if (last and c.title_start is not None) else None,
                flags=list(info.flags) + date_flags + (["law_name"] if c.law_name and first else []),
                group=group,
                first_in_group=first,
                alias_definition=c.alias_intro,
            )
        )
    return out


def extract_mentions(text: str, source: str | None = None) -> list[Mention]:
    if not isinstance(text, str):
        raise TypeError(
            "extract() takes text (str); decode bytes first, e.g. with refgraph.sources.read_text"
        )
    norm = normalize(text)
    found = find(norm.text)
    if not found:
        return []
    relations.assign(norm.text, found)
    aliases.bind(found)
    return _to_mentions(norm, found, source)


def _to_mentions(norm: Normalized, found: list[Found], source: str | None) -> list[Mention]:
    starts = line_starts(norm.original)
    out = []
    for f in found:
        s, e = norm.span_to_original(f.start, f.end)
        out.append(
            Mention(
                start=s,
                end=e,
                line=line_of(starts, s),
                text=norm.original[s:e],
                key=f.key,
                doc_type=f.doc_type,
                type_code=f.type_code,
                number=f.number,
                year=f.year,
                issuer_code=f.issuer_code,
                date=f.date,
                issuer=f.issuer,
                term=f.term,
                title=f.title,
                relation=f.relation,
                subject=f.subject,
                flags=tuple(dict.fromkeys(f.flags)),
                family=f.family,
                date_text=f.date_text,
                source=source,
            )
        )
    return out
