"""Naming issuing bodies from header capitals: "BỘ TÀI CHÍNH CỤC THUẾ" -> ["Bộ Tài chính", "Cục Thuế"].

A header's issuer cell lists the bodies from the widest to the one that issues. The text is cut where a
body's head word begins ("BỘ", "CỤC", "SỞ", "ỦY BAN NHÂN DÂN" …, from vocab/organ_heads.tsv), a known
full name is kept whole ("VĂN PHÒNG CHÍNH PHỦ" is one body, not "Văn phòng" + "Chính phủ"), and each
body is named as running text writes it: known names as listed, others from their head, a field with
its first word capitalised, and a level word with a place ("tỉnh Đồng Tháp").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import vocab
from ..text import fold


@dataclass(frozen=True)
class Organ:
    name: str  # as running text writes it: "Ủy ban nhân dân tỉnh Đồng Tháp"
    head: str | None  # "Ủy ban nhân dân"; None for a known name matched whole
    place: str | None = None  # "Đồng Tháp", "Can Lộc"
    level: str | None = None  # "tỉnh", "thành phố", "huyện" …; None for a bare place ("Tỉnh ủy Hà Tĩnh")
    province: str | None = None  # the place when it is a province
    central: bool = False  # a known central body (codes.tsv, organs.tsv)
    known: bool = False  # a name of codes.tsv or organs.tsv, or one read from a head word

    @property
    def named(self) -> bool:
        """Is this a body's name (rather than stray capitals)?"""
        return self.known or self.head is not None

    def with_place(self, parent: Organ) -> Organ:
        """A body named without its place takes its parent's: "SỞ GIÁO DỤC" under "ỦY BAN NHÂN DÂN
        THÀNH PHỐ HỒ CHÍ MINH" is the Sở of that city; "TỈNH ỦY" under "ĐẢNG BỘ TỈNH X" is Tỉnh ủy X."""
        if self.place or not parent.place or self.central:
            return self
        follows = _head_follows().get(fold(self.head or ""))
        if follows == "bare":
            name = f"{self.name} {parent.place}"
            return Organ(name, self.head, parent.place, None, parent.province)
        if follows == "level":
            name = f"{self.name} {parent.level or ''} {parent.place}".replace("  ", " ")
            return Organ(name, self.head, parent.place, parent.level, parent.province)
        return self


@functools.cache
def _head_follows() -> dict[str, str]:
    return {fold(h): f for h, f in vocab.organ_heads()}


@functools.cache
def _head_tokens() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(folded head words, head) longest first."""
    return tuple((tuple(fold(h).split()), h) for h, _ in vocab.organ_heads())


@functools.cache
def _known_tokens() -> tuple[tuple[tuple[str, ...], str], ...]:
    names = sorted(vocab.known_organs().items(), key=lambda kv: -len(kv[0]))
    return tuple((tuple(_words(k)), v) for k, v in names)


# "BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI": a dash between two words (not inside an abbreviation, "LĐ-TB&XH")
# separates them as a spaced one does
_GLUED_DASH = re.compile(r"(?<=[^\W\d_]{3})-(?=[^\W\d_]{3})")


def _words(s: str) -> list[str]:
    return _GLUED_DASH.sub(" - ", fold(s)).replace(",", " , ").split()


def _starts_with(words: list[str], i: int, pat: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(pat)]) == pat


def split_organs(text: str) -> list[Organ]:
    """The bodies named in a header's issuer text, widest first."""
    raw = [
        w2 for w in _GLUED_DASH.sub(" - ", text).replace(",", " , ").split() for w2 in _expand_abbreviation(w)
    ]
    words = [fold(w) for w in raw]
    units: list[tuple[int, int, str | None, str | None]] = []  # (start, end, head, known name)
    i = 0
    while i < len(words):
        if words[i] == ",":  # "BỘ CHÍNH TRỊ, BAN BÍ THƯ": a comma between two bodies
            units.append((i, i + 1, None, None))
            i += 1
            continue
        known = next((n for pat, n in _known_tokens() if _starts_with(words, i, pat)), None)
        open_unknown = bool(units) and units[-1][2] is None and units[-1][3] is None
        if known and open_unknown and raw[units[-1][0] : units[-1][1]] != [","] and not _head_at(words, i):
            known = None  # a known name ending an unknown one is part of it: "THANH TRA CHÍNH PHỦ"
        if known and not _takes_place(known) and not _topic_named(words, i, known):
            units.append((i, i + len(_words(known)), None, known))
            i += len(_words(known))
            continue
        head = None
        if head is None:
            head = next((h for pat, h in _head_tokens() if _starts_with(words, i, pat)), None)
        if head is None:
            s, e, h, k = units[-1] if units else (0, 0, None, None)
            known_ends = k is not None and not _province_covers(words, s + len(_words(k)), i)
            if units and raw[s:e] != [","] and not known_ends:  # words that continue the previous body
                units[-1] = (s, i + 1, h, k)
            else:  # (after a known name, only its province may follow: "CỤC THUẾ / THUẾ TỈNH X")
                units.append((i, i + 1, None, None))
            i += 1
            continue
        units.append((i, i + len(_words(head)), head, None))
        i += len(_words(head))
        # the body runs until the next head that is not glued to the word before it
        while i < len(words):
            topic = _topic_runs_on(words, units[-1], i)
            if words[i] == "," and not topic:
                break
            if (
                not topic
                and words[i - 1] not in vocab.organ_glue()
                and not _inside_province(words, i)
                and _head_at(words, i)
            ):
                break
            s, _, h, k = units[-1]
            units[-1] = (s, i + 1, h, k)
            i += 1
    units = [piece for u in units for piece in _split_after_province(words, u)]
    named = [_name(raw[s:e], h, k) for s, e, h, k in units if raw[s:e] != [","]]
    organs = [o for o in named if o is not None]
    out: list[Organ] = []
    for o in organs:
        out.append(_department(o.with_place(out[-1]), out[-1]) if out else o)
    return out


@functools.cache
def _topic_heads() -> frozenset[str]:
    return frozenset(fold(p) for p in vocab.issuer_phrases("topic"))


def _topic_named(words: list[str], i: int, known: str) -> bool:
    """A body named by its subject, with the subject after it ("BAN CHỈ ĐẠO QUỐC GIA VỀ …"): its name runs
    on like a head's, not ending where the known words end."""
    n = len(_words(known))
    return fold(known) in _topic_heads() and "ve" in words[i + n : i + n + 6]


def _topic_runs_on(words: list[str], unit: tuple, i: int) -> bool:
    """ "BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ": a body named by its subject keeps the
    commas of that subject; another body after the comma ("…, BỘ QUỐC PHÒNG") still ends it."""
    s, _, head, _ = unit
    if head is None or fold(head) not in _topic_heads() or "ve" not in words[s:i]:
        return False
    nxt = i + 1 if words[i] == "," else i
    if nxt >= len(words) or words[nxt] == ",":
        return False
    return not any(_starts_with(words, nxt, pat) for pat, _ in _known_tokens())


def _head_at(words: list[str], i: int) -> bool:
    """Does a body's head word begin at ``i``? (A known name that begins with none, "CHÍNH PHỦ",
    "QUỐC HỘI", inside a name ends it: "VĂN PHÒNG QUỐC HỘI", "BAN TỔ CHỨC - CÁN BỘ CHÍNH PHỦ".)"""
    return any(_starts_with(words, i, pat) for pat, _ in _head_tokens())


def _province_covers(words: list[str], start: int, i: int) -> bool:
    """Does a province's name begin at ``start`` and reach word ``i``?"""
    return any(
        vocab.canonical_province(" ".join(words[start:k]))
        for k in range(i + 1, min(len(words), start + 5) + 1)
    )


def _inside_province(words: list[str], i: int) -> bool:
    """Is word ``i`` part of a province's name begun before it ("PHÒNG" in "HẢI PHÒNG")?"""
    return any(
        vocab.canonical_province(" ".join(words[j:k]))
        for j in range(max(0, i - 3), i)
        for k in range(i + 1, min(len(words), i + 3) + 1)
    )


def _split_after_province(words: list[str], unit: tuple) -> list[tuple]:
    """A local body's name ends with its province: "UBND THÀNH PHỐ HÀ NỘI TRUNG TÂM …" is two bodies
    even when the second one's head word is not known."""
    s, e, head, known = unit
    follows = _head_follows().get(fold(head or ""))
    if follows not in ("level", "bare"):
        return [unit]
    start = s + len(_words(head))
    if follows == "level":
        for j in range(start, e):
            n = next((n for n in (2, 1) if " ".join(words[j : j + n]) in vocab.levels()), 0)
            if n:
                if not vocab.levels()[" ".join(words[j : j + n])][1]:
                    return [unit]
                start = j + n
                break
        else:
            return [unit]
    for end in range(e, start, -1):
        if vocab.canonical_province(" ".join(words[start:end])):
            return [(s, end, head, known), (end, e, None, None)] if end < e else [unit]
    return [unit]


def joint_bodies(text: str) -> list[Organ] | None:
    """Bodies of one rank joined by dashes issue together ("BỘ TÀI CHÍNH - BỘ NỘI VỤ": a joint
    circular); a dash inside a known name ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") joins nothing."""
    parts = re.split(r"\s+-\s+", " ".join(text.split()))
    if len(parts) < 2:
        return None
    merged = [parts[0]]
    for part in parts[1:]:
        whole = split_organs(f"{merged[-1]} - {part}")
        if len(whole) == 1 and whole[0].central:
            merged[-1] = f"{merged[-1]} - {part}"  # the dash is inside one name
        else:
            merged.append(part)
    if len(merged) < 2:
        return None
    bodies = []
    for part in merged:
        found = split_organs(part)
        if len(found) != 1 or not found[0].central:
            return None
        bodies.append(found[0])
    return bodies


def _department(o: Organ, parent: Organ) -> Organ:
    """A department named under a Party committee: "VĂN PHÒNG" under "BAN CHẤP HÀNH TRUNG ƯƠNG" is
    "Văn phòng Trung ương Đảng"; "BAN TUYÊN GIÁO" under "TỈNH ỦY HÀ TĨNH" is "Ban Tuyên giáo Tỉnh ủy
    Hà Tĩnh"."""
    if o.place or o.head is None or o.central:
        return o
    rule = vocab.organ_children().get(parent.head or parent.name)
    if not rule:
        return o
    if rule == "append":
        return Organ(f"{o.name} {parent.name}", o.head, parent.place, parent.level, parent.province)
    endings = rule.split(";")
    for end in endings:
        known = vocab.known_organs().get(fold(f"{o.name} {end}"))
        if known:
            return Organ(known, o.head, central=True)
    return Organ(f"{o.name} {endings[-1]}", o.head, central=True)


def _central(known: str) -> bool:
    """A known name is a central body unless it names a local level ("Ban Thường vụ Tỉnh ủy")."""
    if fold(known) in _central_codes():
        return True
    low = f" {known.lower()} "
    levels = [v for v, _ in vocab.levels().values() if " " in v or len(v) > 3]  # not "xã" of "Xã hội"
    local = levels + [h.lower() for h, f in vocab.organ_heads() if f == "bare"]
    return not any(f" {w} " in low for w in local)


@functools.cache
def _central_codes() -> frozenset[str]:
    """Folded names of the issuers codes.tsv marks central (ministries, the Government …)."""
    return frozenset(fold(vocab.code_name(code) or "") for code in vocab.central_issuer_codes())


def _takes_place(known: str) -> bool:
    """Is a known name only the start of a local body's name ("Ủy ban nhân dân tỉnh" + a place)?"""
    words = tuple(_words(known))
    return any(words[: len(pat)] == pat and _head_follows()[fold(h)] != "none" for pat, h in _head_tokens())


def _expand_abbreviation(word: str) -> list[str]:
    """ "UBND" -> the words of "ỦY BAN NHÂN DÂN" (in capitals, as a header writes the rest)."""
    full = vocab.organ_abbreviations().get(word.strip(".").upper().replace("Ð", "Đ"))
    return full.upper().split() if full else [word]


def _name(raw: list[str], head: str | None, known: str | None) -> Organ | None:
    if known:
        extra = raw[len(_words(known)) :]
        _, place, _level, province = _place(extra, "bare")
        if place:  # "BAN THƯỜNG VỤ TỈNH ỦY HÀ TĨNH"
            return Organ(f"{known} {place}", known, place, None, province)
        return Organ(known, None, central=_central(known), known=True)
    text = " ".join(raw).replace(" , ", ", ").strip(" ,.-")
    if not text:
        return None
    if head is None:  # a body whose head word is not known: its place, if it names one, still counts
        _, place, level, province = _place(raw, "level")
        return Organ(sentence_case(text), None, place if province else None, level, province)
    rest = raw[len(_words(head)) :]
    follows = _head_follows().get(fold(head))
    between, place, level, province = _place(rest, follows)
    if place is not None:
        name = " ".join(x for x in (head, field_case(between), level, place) if x)
        return Organ(name, head, place, level, province)
    rest_text = " ".join(rest).replace(" , ", ", ")
    full = f"{head} {rest_text}".strip()
    known_full = vocab.known_organs().get(fold(full))
    if known_full:
        return Organ(known_full, head, central=follows == "none")
    if fold(head) in _topic_heads() and rest_text.isupper():
        # a subject is written in running case: "Ban Chỉ đạo quốc gia về tìm kiếm, quy tập …"
        return Organ(f"{head} {rest_text.lower()}".strip(), head)
    return Organ(f"{head} {field_case(rest_text)}".strip(), head)


def _place(rest: list[str], follows: str | None) -> tuple[str, str | None, str | None, str | None]:
    """(words before the place, place, level, province) of the words after a head: "TỈNH ĐỒNG THÁP",
    "HÀ TĨNH"; a level word may come after other words ("NHÂN DÂN THÀNH PHỐ HUẾ")."""
    if not rest or follows not in ("level", "bare"):
        return "", None, None, None
    words = [fold(w) for w in rest]
    for j in range(len(words)):
        for n in (2, 1):
            lvl = " ".join(words[j : j + n])
            if lvl in vocab.levels() and len(rest) > j + n:
                level, provincial = vocab.levels()[lvl]
                place_raw = " ".join(rest[j + n :])
                province = vocab.canonical_province(place_raw) if provincial else None
                return " ".join(rest[:j]), province or title_case(place_raw), level, province
    if follows == "bare":
        place_raw = " ".join(rest)
        province = vocab.canonical_province(place_raw)
        return "", province or title_case(place_raw), None, province
    return "", None, None, None


def title_case(s: str) -> str:
    """ "CAN LỘC" -> "Can Lộc": a place name capitalises every word."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split())


_ROMAN = re.compile(r"[IVXLC]+[.,;:)]?")
_BREAKS = re.compile(r"(\s+(?:và|-)\s+|,\s*)", re.I)


def field_case(s: str) -> str:
    """ "GIÁO DỤC VÀ ĐÀO TẠO" -> "Giáo dục và Đào tạo": the field of a body capitalises its first word
    and the first word after "và", a comma or a dash, as ministries are written."""
    if not s.isupper():
        return s
    parts = _BREAKS.split(s.lower())
    out = []
    for p in parts:
        if _BREAKS.fullmatch(p):
            out.append(p)
        else:
            out.append(p[:1].upper() + p[1:])
    return "".join(out)


def sentence_case(s: str) -> str:
    """A heading in capitals as a sentence: number codes and place names keep their capitals, and a
    type word before a number is capitalised as running text writes it ("Nghị quyết số 57-NQ/TW")."""
    if not s.isupper():
        return s
    words = [
        w if any(c.isdigit() for c in w) or "/" in w or _ROMAN.fullmatch(w) else w.lower() for w in s.split()
    ]
    low = " ".join(words)
    low = low[:1].upper() + low[1:]
    for name in vocab.provinces():
        low = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", name, low)
    return _type_before_number().sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], low)


@functools.cache
def _type_before_number() -> re.Pattern[str]:
    from ..extract.scan import type_word_regex

    return re.compile(rf"(?<!\w)(?:{type_word_regex().pattern})(?=\s+(?:số\s+)?\d)", re.I)
