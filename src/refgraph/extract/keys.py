"""Canonical keys from parsed number codes.

Party  ``NN-TYPE/ISSUER``          35-NQ/TW, 132-QĐ/TW, 367-QĐ/TWĐTN-VP
State  ``NN/YYYY/TYPE-ISSUER``     72/2013/NĐ-CP; laws ``NN/YYYY/ISSUER`` 24/2018/QH14
State  ``NN/TYPE-ISSUER[-UNIT]``   15/CT-TTg, 07/CT-BCA-V28, 58/QĐ-UBND

The punctuation suggests the family; the issuer code decides it. A Party issuer written in the state
pattern (28/NQ-TW) gets the Party key and a flag; so does any other non-standard spelling.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .. import vocab
from .parse import NumberCode, parse_header, parse_window

NONSTANDARD = "nonstandard_form"
# the first year a state number's year slot may hold: three digits below it ("201") are a year that lost a
# digit, and any completion would be a guess (longer slips, "20254", stay for the checks to report)
YEARS = (1945,)
# decrees are numbered N/YYYY/NĐ-CP (reference/numbering-conventions.md); older ones ("64-CP", 1993) were not,
# so a short form is completed only from a year when that shape was long the rule
DECREE_CODE_SINCE = 2000


def decree_code_known(type_code: str | None, year: int | None) -> bool:
    """ "Nghị định 261/2025": a decree's number with its year alone has a known code (NĐ-CP) since 2000."""
    return year is not None and type_code == "NĐ" and year >= DECREE_CODE_SINCE


@dataclass(frozen=True)
class KeyInfo:
    key: str | None
    family: str | None
    type_code: str | None
    issuer_code: str | None
    number: str
    year: int | None
    flags: tuple[str, ...]


def pad(n: int) -> str:
    return f"{n:02d}"


_LEADING_ZEROS = re.compile(r"^0+(?=\d{2})")


def same_number(key: str) -> str:
    """The key with the number's leading zeros beyond two digits dropped: "0129/KH-UBND" and "129/KH-UBND"
    name one document."""
    return _LEADING_ZEROS.sub("", key)


def _issuer_family(issuers: list[str]) -> str | None:
    return vocab.code_family(issuers[0]) if issuers else None


# "43/2024/QH1" (the term's last digit lost), "22/2023/OH15" (O typed for Q): an Assembly code no body uses
_ASSEMBLY_SLIP = re.compile(r"[OQ]H(\d{1,2})")


def _assembly_slip(code: str, year: int) -> str | None:
    """The Assembly's code a misspelt one stands for: the one term that sat in the number's year and whose
    number the written digits open. None when the code is a real one or the year leaves two terms."""
    m = _ASSEMBLY_SLIP.fullmatch(code)
    if m is None or code in vocab.codes():
        return None
    terms = [
        t
        for t, first, last in vocab.assembly_terms()
        if first <= year <= last and t[2:].startswith(m.group(1))
    ]
    return terms[0] if len(terms) == 1 else None


@functools.lru_cache(maxsize=65536)
def key_for(code: NumberCode, type_word: str) -> KeyInfo:
    codes = _split_joined([vocab.canonical_code("".join(c.split())) for c in code.codes])
    flags: list[str] = []
    if any(" " in c or "\t" in c for c in code.codes):  # "UBTVQH 13"
        flags += [NONSTANDARD, "stray_space"]
    if code.stray_space:
        flags += [NONSTANDARD, "stray_space"]
    if any(c != raw for c, raw in zip(codes, code.codes)):
        flags.append("code_spelling")
    # "66.7/2025/NQ-CP", "33B-HĐBT": the part after the digits belongs to the number. The number has at least
    # two digits ("5/2019" -> 05/2019); zeros printed before more digits are the issuer's own spelling and are
    # kept ("Số: 0129/KH-UBND", numbered so by some provinces), flagged; resolution reads "0129" and "129" as
    # one number (same_number; reference/numbering-conventions.md: "05/2019" is "5/2019")
    digits = len(code.number_text) - len(code.number_text.lstrip("0123456789"))
    number = (code.number_text[:digits] if digits >= 2 else pad(code.number)) + code.number_text[digits:]
    if code.number_text.startswith("0") and len(code.number_text) > 2:
        flags.append("zero_padding")

    if code.form == "short":
        tc = vocab.type_code_for_word().get(type_word.lower())
        if decree_code_known(tc, code.year):
            # "Nghị định 261/2025": a decree's code is the Government's own, whatever the page leaves out
            return KeyInfo(
                _nfc(f"{number}/{code.year}/NĐ-CP"),
                "state",
                "NĐ",
                "CP",
                number,
                code.year,
                ("short_form", "code_inferred"),
            )
        return KeyInfo(None, None, tc, None, number, code.year, ("short_form",))

    if code.form == "slashed_year_form":  # "3/NQ/1976", kept in its own order
        return KeyInfo(
            _nfc(f"{number}/{codes[0]}/{code.year}"),
            "state",
            codes[0],
            None,
            number,
            code.year,
            ("old_form",),
        )

    if code.form == "state_year_slashed_form":
        flags += [NONSTANDARD, "slash_for_dash"]
    if code.form == "state_year_glued_form":
        flags += [NONSTANDARD, "slash_lost"]
    if code.form in ("state_year_form", "state_year_slashed_form", "state_year_glued_form"):
        if code.year is not None and 100 <= code.year < YEARS[0]:
            # "22/201 /QĐ-UBND": a digit of the year lost; no key is better than a wrong one
            tc = codes[0] if len(codes) > 1 else None
            return KeyInfo(None, "state", tc, None, number, None, (*flags, NONSTANDARD, "damaged_year"))
        if len(codes) == 1:  # laws and Assembly resolutions: N/YYYY/QH14
            if code.year is not None and (term := _assembly_slip(codes[0], code.year)) is not None:
                codes = [term]
                flags += [NONSTANDARD, "assembly_code_slip"]
            type_code, issuers = None, codes
        else:
            type_code, issuers = codes[0], codes[1:]
        issuer = "-".join(issuers)
        if _issuer_family(issuers) == "party":
            flags.append("year_in_party_number")
        key = f"{number}/{code.year}/{type_code}-{issuer}" if type_code else f"{number}/{code.year}/{issuer}"
        return KeyInfo(_nfc(key), "state", type_code, issuer, number, code.year, tuple(flags))

    # forms without a year
    if code.form == "state_form" and len(codes) >= 1 and vocab.codes().get(codes[0], ("",))[0] == "issuer":
        type_code, issuers = None, codes  # công văn: N/ISSUER-UNIT
    elif len(codes) == 1:
        type_code, issuers = None, codes  # historic "64-CP"
    else:
        type_code, issuers = codes[0], codes[1:]
    issuer = "-".join(issuers)
    fam = _issuer_family(issuers)
    written_party = code.form in ("party_form", "dashed_form", "slashed_form")
    family = fam or ("party" if code.form == "party_form" else "state")

    if family == "party":
        if code.form != "party_form":
            flags.append(NONSTANDARD)
            flags.append("state_pattern_for_party" if code.form == "state_form" else "party_punctuation")
        key = f"{number}-{type_code}/{issuer}" if type_code else f"{number}-{issuer}"
    else:
        if written_party and code.form == "party_form":
            flags += [NONSTANDARD, "party_pattern_for_state"]
        elif code.form in ("dashed_form", "slashed_form") and type_code:
            flags.append(NONSTANDARD)
        if type_code is None and code.form == "dashed_form":
            key = f"{number}-{issuer}"  # pre-1990s state style, kept as written
        else:
            key = f"{number}/{type_code}-{issuer}" if type_code else f"{number}/{issuer}"
    return KeyInfo(_nfc(key), family, type_code, issuer, number, None, tuple(dict.fromkeys(flags)))


def _split_joined(codes: list[str]) -> list[str]:
    """ "27/CTTg" -> CT, TTg: a type code and an issuer code written without their dash. Only when the
    whole is unknown and both halves are known codes of the right kinds."""
    if not codes or codes[0] in vocab.codes():
        return codes
    first = codes[0]
    known = vocab.codes()
    for i in range(len(first) - 1, 0, -1):
        # the halves may share a letter: "CTTg" is CT + TTg
        for b_start in (i, i - 1):
            a, b = vocab.canonical_code(first[:i]), vocab.canonical_code(first[b_start:])
            if known.get(a, ("",))[0] == "type" and known.get(b, ("",))[0] == "issuer":
                return [a, b, *codes[1:]]
    return codes


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


_NUMBER_LABEL = re.compile(r"(?i)^\s*số\s*:?\s*")


@functools.lru_cache(maxsize=4096)
def parse_key(text: str) -> KeyInfo | None:
    """The one key parser for what people and tables write (the canonicaliser's own rules, through the
    grammar): a bare number code ("46/CT-TW", "Số: 38-CT/TU", "24/2018/QH14") or a citation with its
    type word ("Chỉ thị số 46-CT/TW ngày …"). None when no full key can be read ("Chỉ thị 46")."""
    from ..text import normalize

    norm = normalize(" ".join(text.split())).text
    code = parse_header("Số: " + _NUMBER_LABEL.sub("", norm), "self_number")
    if code is not None:
        info = key_for(code, "")
        if info.key:
            return info
    parsed = parse_window(norm)
    if parsed is not None and parsed.items:
        info = key_for(parsed.items[0].code, parsed.type_word)
        if info.key:
            return info
    return None
