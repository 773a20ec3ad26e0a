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

from ..text import _CASE_ODD, lower, lowered, matches_at
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
def plural_heading_before() -> re.Pattern[str]:
    """A list's heading that names its items' type, ending where it is searched to (a colon or a bracket):
    "Các Quyết định của Thủ tướng Chính phủ phê duyệt, cụ thể:", "các Nghị định về lựa chọn nhà đầu tư:",
    "Các Văn bản thẩm định của Sở Tư pháp:" (papers of any type: each item's code names its own)."""
    # looked for back from each colon or bracket (a case-insensitive pattern run over a whole text is not cheap)
    return re.compile(
        rf"(?<![^\W\d_])các[\s*]+({type_word_regex().pattern}|văn[\s*]+bản)(?:[^.;:()\n]|\n(?![ \t*]*\n)){{0,200}}?$",
        re.I,
    )


HEADING_BACK = 260  # "các", a type word and up to 200 characters before the colon


@functools.cache
def english_type_regex() -> re.Pattern[str]:
    value, _ = _terminal("EN_TYPE")
    return re.compile(value)  # capitalised as a translation writes it


@functools.cache
def abbreviation_regex() -> re.Pattern[str]:
    value, _ = _terminal("TYPE_ABBR")
    return re.compile(value)  # case matters: "NQ 57" is a citation, "nq" is not


@functools.cache
def _abbreviation_passes() -> tuple[re.Pattern[str], ...]:
    """TYPE_ABBR ("(?:NQ|NĐ|…|HD)" and what must surround it) as one pattern for each first letter: a
    pattern that opens with a plain letter is looked for as that character, several times faster than
    an alternation of letters tried at every position. The whole pattern when it is not of that shape."""
    value = abbreviation_regex().pattern
    m = re.fullmatch(r"\(\?:((?:[^\W\d_]+\|)*[^\W\d_]+)\)(.*)", value, re.S)
    if m is None:
        return (abbreviation_regex(),)
    by_first: dict[str, list[str]] = {}
    for alt in m.group(1).split("|"):
        by_first.setdefault(alt[0], []).append(re.escape(alt[1:]))
    return tuple(re.compile(f"{re.escape(k)}(?:{'|'.join(v)}){m.group(2)}") for k, v in by_first.items())


def abbreviation_starts(text: str) -> list[int]:
    """The starts of ``abbreviation_regex().finditer(text)``: its matches start where one of the passes'
    does."""
    passes = _abbreviation_passes()
    if len(passes) == 1:
        return [m.start() for m in passes[0].finditer(text)]
    starts = (m.start() for rx in passes for m in rx.finditer(text))
    return [m.start() for m in matches_at(abbreviation_regex(), text, starts)]


# ---- one scan for every type word -----------------------------------------------------------------
# The numbered scan (TYPE_WORD), the named-reference scan (NAMED_TYPE) and the capitalised type words
# (read for bare anaphora and described documents) each used to scan the whole text. One scan of the
# lower-cased text for either terminal finds them all: a word either terminal matches is a hit of the
# union, at its start or inside another hit. Each list below is what its own regex's finditer gives,
# taken from the union's hits; where a hit might hide another match inside it (two type words sharing
# words, "công văn kiện", or a capital inside a lower-case hit, "bộ Luật") the list is declared
# irregular and its caller runs its own regex instead (rare, and exact either way).


@functools.cache
def _named_pattern() -> str:
    from .named import named_type_regex  # the named-reference grammar owns NAMED_TYPE

    return named_type_regex(False).pattern


@functools.cache
def _union_regex() -> re.Pattern[str] | None:
    """What ``(TYPE_WORD)|NAMED_TYPE`` finds, written so the engine can skip ahead: one branch per first
    letter (at a position only its letter's branch can match, and within it the alternatives keep their
    order: TYPE_WORD's, then NAMED_TYPE's), an empty group closing each TYPE_WORD part (``lastindex``
    is set when TYPE_WORD matched). None when an alternative does not open with a plain letter."""
    from .named import _WORD_END, _alternatives, _split_alternatives

    by_first: dict[str, tuple[list[str], list[str]]] = {}
    for k, pattern in enumerate((anchor_regex().pattern, _named_pattern())):
        if re.compile(pattern).groups:
            return None
        for alt in _split_alternatives(_alternatives(pattern)):
            first, rest = alt[:1], alt[1:]
            if not first.isalpha() or rest[:1] in ("?", "*", "+", "{"):
                return None
            by_first.setdefault(first, ([], []))[k].append(rest)
    end = _WORD_END[1:]  # the lookahead alone
    # after a TYPE_WORD match, a second empty group where the numbered scan's digit test holds (the first
    # of a digit and a semicolon within DIGIT_REACH characters is a digit): it changes no match
    digit = rf"(?:(?=[^;\d]{{0,{DIGIT_REACH}}}+\d)())?"
    branches = []
    for first, (type_rests, named_rests) in by_first.items():
        parts = [f"(?:{'|'.join(type_rests)}){end}(){digit}"] if type_rests else []
        parts += [f"(?:{'|'.join(named_rests)}){end}"] if named_rests else []
        branches.append(f"{re.escape(first)}(?:{'|'.join(parts)})")
    return re.compile("|".join(branches))


# ASCII letters from the rarest to the commonest in Vietnamese text (counted over 2,000 pages of public
# web text): the keyed regex below stops at each occurrence of its keys, and "n" is the commonest letter
_ASCII_BY_RARITY = "zjwfxqdkebyslvprmouagicthn"


@functools.cache
def _keyed_regex() -> tuple[re.Pattern[str], dict[str, tuple[tuple[int, str], ...]]] | None:
    """Where a type word can start, found faster than by the union itself: the union's first letters
    (n, c, t, …) are among the commonest of the text, so its scan stops at a third of all characters.
    Each alternative opens with literal letters (its head, "nghị", "quy", …); its key is the head's last
    letter with marks (the rarest: "ị" of "nghị"), else its rarest letter ("q" of "quy"). This regex stops only
    at a key, and only where the head before it and the rest of the alternative after it read. With
    ``heads[key]`` = the (offset of the key, head) pairs, every start of a union match is a key's position
    less an offset where the text opens with that head. None when an alternative opens otherwise."""
    from .named import _WORD_END, _alternatives, _split_alternatives

    branches: dict[str, list[str]] = {}
    heads: dict[str, set[tuple[int, str]]] = {}
    for pattern in (anchor_regex().pattern, _named_pattern()):
        for alt in _split_alternatives(_alternatives(pattern)):
            m = re.match(r"[^\W\d_]+", alt)
            if m is None or alt[m.end() : m.end() + 1] in ("?", "*", "+", "{"):
                return None
            head = m.group()
            j = max((i for i, c in enumerate(head) if ord(c) > 127), default=-1)
            if j < 0:  # no letter with marks: the head's rarest letter ("g" of "nghi", not "n")
                j = min(range(len(head)), key=lambda i: _ASCII_BY_RARITY.find(head[i]) % 27)
            key = head[j]
            behind = f"(?<={re.escape(head[: j + 1])})" if j else ""
            branches.setdefault(key, []).append(f"{behind}(?={alt[j + 1 :]}{_WORD_END[1:]})")
            heads.setdefault(key, set()).add((j, head))
    rx = re.compile("|".join(f"{re.escape(k)}(?:{'|'.join(bs)})" for k, bs in branches.items()))
    return rx, {k: tuple(sorted(v)) for k, v in heads.items()}


def _union_matches(low: str, union: re.Pattern[str]) -> list[tuple[int, int, int | None]]:
    """(start, end, lastindex) of ``union.finditer(low)``: the union tried at each candidate start the
    keyed regex gives, in order, from where its last match ended (what finditer does)."""
    keyed = _keyed_regex()
    if keyed is None:
        return [(m.start(), m.end(), m.lastindex) for m in union.finditer(low)]
    rx, heads = keyed
    starts = set()
    for m in rx.finditer(low):
        k = m.start()
        for j, head in heads[low[k]]:
            if k >= j and low.startswith(head, k - j):
                starts.add(k - j)
    return [(u.start(), u.end(), u.lastindex) for u in matches_at(union, low, starts)]


@functools.cache
def _leading_words(pattern: str) -> re.Pattern[str] | None:
    """The literal letters each alternative of a type-word pattern opens with: a match of the pattern
    starts with one of them. None when an alternative opens otherwise (then every position is checked)."""
    from .named import _alternatives, _split_alternatives

    heads = []
    for alt in _split_alternatives(_alternatives(pattern)):
        head = re.match(r"[^\W\d_]+", alt)
        if head is None:
            return None
        rest = alt[head.end() :]
        if rest[:1] in ("?", "*", "{"):  # the last letter is optional
            return None
        heads.append(head.group())
    return re.compile("|".join(sorted(set(heads), key=len, reverse=True)))


@functools.cache
def _first_letters(pattern: str) -> frozenset[str]:
    """The letters the alternatives of a type-word pattern open with (_union_regex has checked that each
    opens with a plain letter)."""
    from .named import _alternatives, _split_alternatives

    return frozenset(alt[:1] for alt in _split_alternatives(_alternatives(pattern)))


class TypeWords:
    """The type words of one text (see above). ``low`` is ``lowered(text)``."""

    __slots__ = ("text", "low", "hits", "digit_soon", "_lists")

    def __init__(self, text: str, low: str, union: re.Pattern[str]) -> None:
        self.text = text
        self.low = low
        # (start, end, matched as TYPE_WORD); the even groups are the digit tests (see _union_regex)
        matches = _union_matches(low, union)
        self.hits = [(s, e, g is not None) for s, e, g in matches]
        # starts of the TYPE_WORD hits a digit follows soon (what _word_anchors asks of each)
        self.digit_soon = {s for s, _e, g in matches if g is not None and g % 2 == 0}
        self._lists: dict[object, list[tuple[int, int]] | None] = {}

    def type_spans(self) -> list[tuple[int, int]] | None:
        """``anchor_regex().finditer(low)``'s spans, or None (irregular)."""
        if "type" not in self._lists:
            rx, low = anchor_regex(), self.low
            heads = _leading_words(anchor_regex().pattern)
            self._lists["type"] = self._derive(
                lambda s, e, is_type: (s, e) if is_type else None,  # TYPE_WORD is the union's first choice
                lambda a, e: _inside(rx, low, low, a, e, heads),
            )
        return self._lists["type"]

    def named_spans(self) -> list[tuple[int, int]] | None:
        """``named_type_regex(False).finditer(low)``'s spans, or None (irregular)."""
        if "named" not in self._lists:
            from .named import named_type_regex

            rx, low = named_type_regex(False), self.low
            heads = _leading_words(_named_pattern())
            firsts = _first_letters(_named_pattern())

            def at(s: int, e: int, is_type: bool) -> tuple[int, int] | None:
                if not is_type:
                    return s, e  # NAMED_TYPE matched here, TYPE_WORD did not
                if low[s] not in firsts:
                    return None  # "quy định", "nghị định": no NAMED_TYPE word opens so
                m = rx.match(low, s)
                return None if m is None else m.span()

            self._lists["named"] = self._derive(at, lambda a, e: _inside(rx, low, low, a, e, heads))
        return self._lists["named"]

    def capital_spans(self, named_too: bool) -> list[tuple[int, int]] | None:
        """``named.capital_types(text, named_too)``'s spans, or None (irregular)."""
        if named_too not in self._lists:
            from .named import capital_regex

            rx, text, low = capital_regex(named_too), self.text, self.low
            pattern = anchor_regex().pattern
            heads = _leading_words(pattern)
            heads_named = _leading_words(_named_pattern())
            if named_too:
                heads = None if heads is None or heads_named is None else _either(heads, heads_named)

            def at(s: int, e: int, is_type: bool) -> tuple[int, int] | None:
                # a lower-case letter never passes the capital test; where a capital does, the match is
                # the union's (the same alternatives, in the same order)
                if not (is_type or named_too) or text[s].islower():
                    return None
                m = rx.match(text, s)
                return None if m is None else m.span()

            def inner(a: int, e: int) -> bool:
                return not text[a + 1 : e].islower() and _inside(rx, text, low, a, e, heads)

            self._lists[named_too] = self._derive(at, inner)
        return self._lists[named_too]

    def _derive(self, at, inner) -> list[tuple[int, int]] | None:
        """The spans one regex's finditer gives, from the union's hits: ``at(s, e, is_type)`` is that
        regex's match at a hit's start (or None), ``inner(a, e)`` whether it matches strictly inside
        (a, e). A match inside a hit is one the union's scan stepped over: then None."""
        out: list[tuple[int, int]] = []
        cursor = 0
        for s, e, is_type in self.hits:
            if s < cursor:  # inside a longer match of this regex at an earlier hit
                if e > cursor and inner(cursor - 1, e):
                    return None
                continue
            span = at(s, e, is_type)
            if span is not None:
                out.append(span)
                cursor = span[1]
            elif inner(s, e):
                return None
        return out


def _either(a: re.Pattern[str], b: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"{a.pattern}|{b.pattern}")


def _inside(
    rx: re.Pattern[str], string: str, low: str, a: int, e: int, heads: re.Pattern[str] | None
) -> bool:
    """Whether ``rx`` matches ``string`` at a position strictly inside (a, e); ``heads`` (on the
    lower-cased text) opens every match."""
    if heads is not None and not _has_head(heads, low[a + 1 : e]):
        return False
    return any(rx.match(string, q) for q in range(a + 1, e))


_HEADS_IN: dict[tuple[re.Pattern[str], str], bool] = {}


def _has_head(heads: re.Pattern[str], stretch: str) -> bool:
    # the stretches are the few type words a text repeats: decided once for each
    key = (heads, stretch)
    hit = _HEADS_IN.get(key)
    if hit is None:
        if len(_HEADS_IN) > 4096:
            _HEADS_IN.clear()
        hit = _HEADS_IN[key] = heads.search(stretch) is not None
    return hit


def _lowered_for_type_words(text: str) -> str | None:
    """``text.lower()`` where ``lowered`` refuses it only for characters the regex engine folds specially
    that none of the type words' letters is folded with (Greek "μ", "κ" in a formula): for these patterns
    the lower-case scan still finds what the case-insensitive one finds. None otherwise."""
    low = lower(text)
    if len(low) != len(text):
        return None
    for ch in set(_CASE_ODD.findall(low)):
        if _folds_with_type_letter(ch):
            return None
    return low


@functools.cache
def _type_letters() -> frozenset[str]:
    patterns = anchor_regex().pattern + _named_pattern()
    return frozenset(c for c in re.sub(r"\\.", "", patterns) if c.isalpha())


@functools.cache
def _folds_with_type_letter(ch: str) -> bool:
    return any(re.fullmatch(re.escape(c), ch, re.I) for c in _type_letters())


_WORDS_KEPT: list[TypeWords] = []


def type_words(text: str) -> TypeWords | None:
    """The type words of ``text``, kept for the few texts in hand (the numbered scan, then the named
    references, ask for the same text); None where the lower-cased text cannot stand for it."""
    for tw in _WORDS_KEPT:
        if tw.text is text:
            return tw
    low = lowered(text)
    if low is None:
        low = _lowered_for_type_words(text)
    union = _union_regex()
    if low is None or union is None:
        return None
    tw = TypeWords(text, low, union)
    _WORDS_KEPT.insert(0, tw)
    del _WORDS_KEPT[4:]
    return tw


def anchors(text: str) -> list[int]:
    out = _word_anchors(text)
    abbr = abbreviation_starts(text)
    if "No" in text:  # a portal's English translation ("Decree No. 96/2024/ND-CP"): looked for only then
        abbr += [m.start() for m in english_type_regex().finditer(text)]
    return sorted(set(out).union(abbr)) if abbr else out


def _word_anchors(text: str) -> list[int]:
    tw = type_words(text)
    spans = tw.type_spans() if tw is not None else None
    soon = None
    if spans is not None:
        low = tw.low  # type: ignore[union-attr]
        soon = tw.digit_soon  # type: ignore[union-attr]
    else:
        low = lower(text)
        if len(low) == len(text):
            spans = [m.span() for m in anchor_regex().finditer(low)]
        else:  # a few characters change length when lower-cased; offsets must not move
            low = text
            spans = [m.span() for m in anchor_regex(True).finditer(text)]
    out = []
    for s, end in spans:
        if s and text[s - 1].isalpha() and text[s] != "(":
            continue  # inside a word
        if soon is not None:
            if s not in soon:
                continue
        else:
            d = _DIGIT_OR_SEMICOLON.search(low, end, end + DIGIT_REACH + 1)
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
