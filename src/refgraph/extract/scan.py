"""Candidate scan: where might a citation start?

One compiled regular expression, built from the grammar's own TYPE_WORD and ALIAS_INTRO terminals, so
the type words are written down once. It only proposes; the grammar decides. Two cheap checks run on
each hit instead of inside the expression (where they would cost at every position of the text): the
type word must start a word, and a digit must follow within a short stretch, which skips the many type
words in running prose ("các nghị quyết của Đảng") before any parser runs.
"""

from __future__ import annotations

import functools
import re

from ..text import lower
from .parse import parser

WINDOW = 320  # no citation head is longer; titles beyond it are measured on the full text afterwards
# a digit within 90 characters, no semicolon before it: the first of the two decides (one scan for
# either, instead of a lazy pattern that tries every length)
_DIGIT_OR_SEMICOLON = re.compile(r"[;\d]")
DIGIT_REACH = 90


def _terminal(name: str) -> tuple[str, bool]:
    pattern = parser().get_terminal(name).pattern
    return pattern.value, "i" in pattern.flags


@functools.cache
def anchor_regex(ignore_case: bool = False) -> re.Pattern[str]:
    """Over lower-cased text by default (several times faster than a case-insensitive scan)."""
    type_word, _ = _terminal("TYPE_WORD")
    return re.compile(type_word, re.I if ignore_case else 0)


@functools.cache
def _alias_before() -> re.Pattern[str]:
    # an alias intro ending right where a type word starts: "(sau đây gọi tắt là |Chỉ thị 07)".
    # Looked for only behind a hit: a leading optional group would slow the scan of every position.
    alias, _ = _terminal("ALIAS_INTRO")
    return re.compile(rf"{alias}\s*$", re.I)


@functools.cache
def type_word_regex() -> re.Pattern[str]:
    value, _ = _terminal("TYPE_WORD")
    return re.compile(value, re.I)


@functools.cache
def abbreviation_regex() -> re.Pattern[str]:
    value, _ = _terminal("TYPE_ABBR")
    return re.compile(value)  # case matters: "NQ 57" is a citation, "nq" is not


def anchors(text: str) -> list[int]:
    out = _word_anchors(text)
    abbr = [m.start() for m in abbreviation_regex().finditer(text)]
    return sorted(set(out).union(abbr)) if abbr else out


def _word_anchors(text: str) -> list[int]:
    low = lower(text)
    if len(low) == len(text):
        matches = anchor_regex().finditer(low)
    else:  # a few characters change length when lower-cased; offsets must not move
        low = text
        matches = anchor_regex(True).finditer(text)
    out = []
    for m in matches:
        s = m.start()
        if s and text[s - 1].isalpha() and text[s] != "(":
            continue  # inside a word
        d = _DIGIT_OR_SEMICOLON.search(low, m.end(), m.end() + DIGIT_REACH + 1)
        if d is None or low[d.start()] == ";":
            continue
        if text[s - 1 : s].isspace() and "(" in low[max(0, s - 40) : s]:
            a = _alias_before().search(low, max(0, s - 40), s)
            if a is not None:
                s = a.start()
        out.append(s)
    return out


def candidate_windows(text: str):
    """Yield (start, end) of each candidate window: an anchor up to the next anchor or WINDOW chars."""
    starts = anchors(text)
    n = len(text)
    for i, s in enumerate(starts):
        nxt = starts[i + 1] if i + 1 < len(starts) else n
        yield s, min(nxt, s + WINDOW, n)
