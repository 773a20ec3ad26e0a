"""Vocabulary tables (codes, relation phrases, connectives): data files beside this module."""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..text import fold


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def codes() -> dict[str, tuple[str, str, str]]:
    """canonical code -> (kind, family, name)"""
    return {r[0]: (r[1], r[2], r[3]) for r in _rows("codes.tsv")}


@functools.cache
def local_issuers() -> frozenset[str]:
    """Issuer codes that number independently in every province (TU, HU, UBND, HĐND …)."""
    return frozenset(r[0] for r in _rows("codes.tsv") if len(r) > 4 and r[4] == "local")


def is_local(issuer_code: str | None) -> bool:
    return bool(issuer_code and issuer_code.split("-")[0] in local_issuers())


@functools.cache
def provinces() -> tuple[str, ...]:
    """Each province's one spelling."""
    return tuple(r[0] for r in _rows("provinces.tsv"))


@functools.cache
def province_folds() -> dict[str, str]:
    """folded name or other spelling ("ha tinh", "thanh pho ho chi minh") -> the province's name."""
    out = {}
    for r in _rows("provinces.tsv"):
        out[place_fold(r[0])] = r[0]
        for other in r[1].split(";") if len(r) > 1 else ():
            if other.strip():
                out.setdefault(place_fold(other.strip()), r[0])
    return out


def canonical_province(name: str | None) -> str | None:
    """The one spelling of a province name; None when it names no province."""
    if not name:
        return None
    return province_folds().get(place_fold(name))


def place_fold(name: str) -> str:
    """A place name folded for lookup: no marks, lower case, one spacing around dashes and dots."""
    return " ".join(fold(name).replace("-", " - ").replace(".", ". ").split())


@functools.cache
def province_successors() -> dict[str, tuple[str, str]]:
    """old name -> (new name, ISO date from which it is part of the new one): the 2025 reorganisation."""
    return {r[0]: (r[1], r[2]) for r in _rows("province_reorg_2025.tsv")}


def current_province(name: str) -> str:
    """The province a place belongs to today ("Quảng Bình" -> "Quảng Trị"); itself when unchanged."""
    seen = set()
    while name in province_successors() and name not in seen:
        seen.add(name)
        name = province_successors()[name][0]
    return name


def same_place(a: str | None, b: str | None) -> bool:
    """Do two province names (each as a document was issued under it) name one place today?"""
    ca, cb = canonical_province(a), canonical_province(b)
    if not (ca and cb):
        return False
    return current_province(ca) == current_province(cb)


@functools.cache
def province_slugs() -> dict[str, str]:
    """slug ("ha-tinh") -> name."""
    return {"-".join(f.replace("-", " ").split()): p for f, p in province_folds().items()}


@functools.cache
def _code_lookup() -> dict[str, str]:
    # folded spelling -> canonical: "TTG" -> "TTg", "ND" -> "NĐ", "QYD" -> "QyĐ"
    return {fold(c).upper(): c for c in codes()}


def canonical_code(code: str) -> str:
    """The canonical spelling of a known code; an unknown code as written, with Đ look-alikes fixed."""
    if code in codes():
        return code
    if "Ư" in code:
        # "TƯ" is "Trung ương", the Party's central code TW, never folded to TU (a province's Party
        # committee); a longer code with it ("BCĐTƯATTP") is kept as written
        return "TW" if code == "TƯ" else code
    return _code_lookup().get(fold(code).upper(), code)


def code_family(code: str) -> str | None:
    info = codes().get(code)
    return info[1] if info else None


def code_name(code: str) -> str | None:
    info = codes().get(code)
    return info[2] if info else None


@functools.cache
def type_code_for_word() -> dict[str, str]:
    """type word (lower case) -> its usual type code, for short forms ("Chỉ thị 07" -> CT)."""
    out: dict[str, str] = {}
    for code, (kind, _family, name) in codes().items():
        if kind == "type":
            out.setdefault(name.lower(), code)
    return out


@functools.cache
def relation_phrases() -> list[tuple[str, str, str, str]]:
    """(phrase, relation, reach, voice), longest phrase first."""
    rows = [(r[0], r[1], r[2], r[3] if len(r) > 3 else "") for r in _rows("relations.tsv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@functools.cache
def connectives() -> tuple[str, ...]:
    return tuple(r[0] for r in _rows("connectives.tsv"))


@functools.cache
def assembly_terms() -> tuple[tuple[str, int, int], ...]:
    """(code, first year, last year) of each National Assembly term, oldest first."""
    return tuple((r[0], int(r[1]), int(r[2])) for r in _rows("assembly_terms.tsv"))


@functools.cache
def term_starts() -> tuple[tuple[str, str], ...]:
    """(roman, ISO start date), oldest first."""
    return tuple((r[0], r[1]) for r in _rows("terms.tsv"))


def term_for_date(d) -> str | None:
    """The Party term in force on date ``d`` (a datetime.date), or None before the table starts."""
    iso = d.isoformat()
    found = None
    for roman, start in term_starts():
        if start <= iso:
            found = roman
    return found


def term_span(roman: str):
    """(start, end) ISO dates of a term; end is None for the current one; None if unknown."""
    starts = term_starts()
    for i, (r, start) in enumerate(starts):
        if r == roman:
            return start, (starts[i + 1][1] if i + 1 < len(starts) else None)
    return None


@functools.cache
def organs() -> dict[str, str]:
    """folded name -> the name as running text writes it ("ban thuong vu tinh uy" -> "Ban Thường vụ Tỉnh ủy")."""
    return {fold(r[0]): r[0] for r in _rows("organs.tsv")}


@functools.cache
def plenum_words() -> dict[str, str]:
    """kind -> words, for a plenum named as an issuer (plenum_words.tsv)."""
    return {r[0]: r[1] for r in _rows("plenum_words.tsv")}


@functools.cache
def joint_heads() -> tuple[str, ...]:
    """Folded words that begin a co-issuer's name in a joint document's list (joint_heads.tsv, organ_heads.tsv)."""
    heads = {fold(r[0]) for r in _rows("joint_heads.tsv")} | {fold(h) for h, _ in organ_heads()}
    return tuple(sorted(heads, key=len, reverse=True))


@functools.cache
def title_stops(after: str = "comma") -> tuple[str, ...]:
    """Words that end an unquoted title after a comma, or (``after="and"``) after "và"."""
    return tuple(r[0] for r in _rows("title_stops.tsv") if (r[1] if len(r) > 1 else "comma") == after)


@functools.cache
def named_words(role: str) -> frozenset[str]:
    """Words and phrases of one role in named_words.tsv (lower case): what steers references by name."""
    return frozenset(r[0] for r in _rows("named_words.tsv") if r[1] == role)


@functools.cache
def issuer_words() -> dict[str, str]:
    """lower-case word -> its role at the edge of an issuer's name: inner | clause | title."""
    return {
        r[0]: r[1]
        for r in _rows("issuer_words.tsv")
        if r[1] in ("inner", "clause", "title", "title_weak", "opener")
    }


@functools.cache
def issuer_phrases(role: str) -> tuple[str, ...]:
    """Phrases of one role ("head": a body's first words, "issues": its verbs), longest first."""
    return tuple(sorted((r[0] for r in _rows("issuer_words.tsv") if r[1] == role), key=len, reverse=True))


@functools.cache
def central_issuer_codes() -> frozenset[str]:
    """Issuer codes of codes.tsv that name one body nationwide (ministries, the Government …), not a local one."""
    return frozenset(
        code for code, (kind, _family, _name) in codes().items() if kind == "issuer" and not is_local(code)
    )


@functools.cache
def provision_nouns() -> tuple[str, ...]:
    """Nouns for what a document provides ("yêu cầu", "giải pháp"): "theo <noun> quy định tại X" follows X."""
    return tuple(r[0] for r in _rows("provision_nouns.tsv"))


@functools.cache
def short_names() -> dict[str, str]:
    """A body's short name in running text -> its full name ("Thủ tướng" -> "Thủ tướng Chính phủ")."""
    return {r[0]: r[2] for r in _rows("issuer_words.tsv") if r[1] == "short" and len(r) > 2}


@functools.cache
def organ_heads() -> tuple[tuple[str, str], ...]:
    """(head, what follows: level | bare | none), longest head first."""
    rows = [(r[0], r[1]) for r in _rows("organ_heads.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.cache
def organ_children() -> dict[str, str]:
    """head -> how its departments are named ("append" or ';'-separated endings)."""
    return {r[0]: r[2] for r in _rows("organ_heads.tsv") if len(r) > 2 and r[2]}


@functools.cache
def levels() -> dict[str, tuple[str, bool]]:
    """folded level word -> (its spelling, whether the place after it is a province)."""
    return {fold(r[0]): (r[1], len(r) > 2 and r[2] == "province") for r in _rows("levels.tsv")}


@functools.cache
def body_openers() -> tuple[str, ...]:
    return tuple(fold(r[0]) for r in _rows("body_openers.tsv"))


@functools.cache
def body_opener_words() -> tuple[str, ...]:
    return tuple(r[0] for r in _rows("body_openers.tsv"))


@functools.cache
def organ_abbreviations() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("organ_abbreviations.tsv")}


@functools.cache
def of_line_stops() -> tuple[str, ...]:
    return tuple(r[0] for r in _rows("of_line_stops.tsv"))


@functools.cache
def type_codes_over_heading() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("type_codes_over_heading.tsv"))


@functools.cache
def organ_glue() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in _rows("organ_glue.tsv"))


@functools.cache
def known_organs() -> dict[str, str]:
    """folded full name -> its spelling: the issuers of codes.tsv and the names of organs.tsv."""
    out = {fold(name): name for kind, _family, name in codes().values() if kind == "issuer"}
    out.update(organs())
    return out


@functools.cache
def header_marks() -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in _rows("header_marks.tsv"))


@functools.cache
def portal_fields() -> dict[str, str]:
    """folded label -> identity field."""
    return {fold(r[0]): r[1] for r in _rows("portal_fields.tsv")}


@functools.cache
def signature_roles() -> tuple[tuple[str, str, str], ...]:
    """(phrase, kind, body), longest phrase first."""
    rows = [(r[0], r[1], r[2] if len(r) > 2 else "") for r in _rows("signature_roles.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.cache
def closing_clause_types() -> frozenset[str]:
    return frozenset(fold(r[0]) for r in _rows("closing_clause.tsv"))


@functools.cache
def numbered_type_words_regex() -> str:
    """A regex alternation of the type words that may prefix a number label ("Luật số: 60/2024/QH15")
    and date a text by its closing clause: closing_clause.tsv, longest first."""
    words = sorted((r[0] for r in _rows("closing_clause.tsv")), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in words)


@functools.cache
def own_genres() -> tuple[str, ...]:
    """Capitals headings that make a headerless text a document of its own (own_genres.tsv)."""
    return tuple(r[0] for r in _rows("own_genres.tsv"))


@functools.cache
def _old_spelling_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r[0]: r[1] for r in _rows("old_spellings.tsv")}
    alts = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alts})(?![^\W\d_])"), table


def old_spellings(name: str) -> tuple[str, ...]:
    """The old tone-mark placements of a name's words ("Ủy ban" -> "Uỷ ban"), for patterns that must match
    the text as written; empty when it has none."""
    regex, table = _old_spelling_regex()
    word_table = {new: old for old, new in table.items() if " " not in old}
    words = name.split()
    variant = [word_table.get(w, w) for w in words]
    return (" ".join(variant),) if variant != words else ()


def current_spelling(name: str) -> str:
    """A body's name with old tone-mark placements respelt ("Uỷ ban" -> "Ủy ban"), see old_spellings.tsv."""
    regex, table = _old_spelling_regex()
    return regex.sub(lambda m: table[m.group()], name)


@functools.cache
def type_issuers() -> dict[str, str]:
    """Document type -> the one body that issues that type (type_issuers.tsv)."""
    return {r[0]: r[1] for r in _rows("type_issuers.tsv")}


@functools.cache
def served_codes() -> dict[str, tuple[str, ...]]:
    """Office code -> the codes of the bodies whose direction its letters carry (office_codes.tsv)."""
    out: dict[str, list[str]] = {}
    for office, served in _rows("office_codes.tsv"):
        out.setdefault(office, []).append(served)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def code_bodies() -> dict[str, frozenset[str]]:
    """Issuer code -> the folded names of every body that issues under it: its own name in codes.tsv and
    the bodies code_bodies.tsv adds ("TW": Bộ Chính trị, Ban Bí thư …)."""
    out: dict[str, set[str]] = {}
    for code, (kind, _family, name) in codes().items():
        if kind == "issuer":
            out.setdefault(code, set()).add(fold(name))
    for code, body in _rows("code_bodies.tsv"):
        out.setdefault(code, set()).add(fold(body))
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def type_spellings() -> dict[str, str]:
    """A type word as written -> its dictionary form ("Nghi định" -> "Nghị định", "Decree" -> "Nghị định")."""
    return {r[0]: r[1] for r in _rows("type_spellings.tsv")}
