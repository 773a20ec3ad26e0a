"""References without a number code: laws, codes, ordinances and the Constitution by name ("Luật Đất đai",
"Bộ luật Hàng hải Việt Nam ngày 25 tháng 11 năm 2015", "Hiến pháp năm 2013"), programmes, schemes and
strategies named specifically ("Chương trình mục tiêu quốc gia …"), and short forms ("QĐ 20" after
"(sau đây gọi tắt là QĐ 20)", a bare "Nghị định" after "(sau đây viết tắt là Nghị định)").

The grammar (grammar/citation.lark: NAMED_TYPE, named_tail, alias_definition) reads the type word and
what follows a name; a name itself is any run of words, so where it ends comes from word lists
(vocab/named_stops.tsv), known law titles (the bundled catalog) and the kind of document
(vocab/named_types.tsv, vocab/named_markers.tsv).

A reference found here carries ``name`` (sentence case, without year) and, where the text settles it,
the key of the numbered document it names:
- the same law cited with its number in the same text ("Luật Lưu trữ" after "Luật Lưu trữ số
  33/2024/QH15"; the year must agree when one is given);
- the one law of a year cited by number alone ("Luật số 74/2025/QH15") and the one law of that year
  cited by name alone ("Luật Việc làm năm 2025");
- an alias definition after a numbered citation of the same type, and every later use of the alias;
- a bare capitalized type word ("hướng dẫn Luật,") in a text that is not itself of that type: the last
  numbered citation of that type shortly before ("<type> này" is no reference of its own: careful readers
  list none).
The rest keep key None; the resolver gives them a name-keyed node ("Luật Đất đai (2024)").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lark import Lark, Tree
from lark.exceptions import LarkError

from .. import vocab
from ..text import UPPER, collapse_spaces, fold, lowered
from .model import Found, year_of
from .parse import ParsedDate, cached_lark
from .scan import abbreviation_regex, type_word_regex, type_words

MAX_LAW_WORDS = 14
MAX_PLAN_WORDS = 40
TAIL_WINDOW = 90
ANAPHOR_REACH = 700  # characters back to the numbered citation a bare type word or "<type> này" takes up


# ---- data -----------------------------------------------------------------------------------------
@functools.cache
def named_types() -> dict[str, tuple[str, bool]]:
    """type word (lower case, single spaces) -> (kind, capitalized marks a specific document)"""
    return {r[0]: (r[1], r[2] == "yes") for r in vocab._rows("named_types.tsv")}


@functools.cache
def words(role: str) -> frozenset[str]:
    """Words and phrases of one role in vocab/named_words.tsv (lower case)."""
    return vocab.named_words(role)


def _word_regex(role: str) -> str:
    alts = sorted(words(role), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts)


@functools.cache
def _horizon() -> re.Pattern[str]:
    """A year that belongs to a programme's name: "… đến năm 2030", "… giai đoạn 2021 - 2025"."""
    return re.compile(rf"(?:{_word_regex('horizon')})\s+\d{{4}}(?:\s*-\s*\d{{4}})?", re.I)


@functools.cache
def _tail_word() -> re.Pattern[str]:
    """Where a name is over: a number ("số 15/…", "số\n15/…"), a date or a year (grammar terminals)."""
    so, date, year = (_terminal(n) for n in ("SO", "DATE_INTRO", "YEAR_WORD"))
    return re.compile(rf"(?:{so})\s*\d|{date}|{year}", re.I)


@functools.cache
def lower_names() -> frozenset[str]:
    """Law types whose names count in lower case too ("Pháp lệnh ưu đãi người có công …")."""
    return frozenset(r[0] for r in vocab._rows("named_types.tsv") if len(r) > 3 and r[3] == "yes")


@functools.cache
def _markers() -> list[tuple[str, frozenset[str] | None]]:
    out = []
    for r in vocab._rows("named_markers.tsv"):
        types = None if r[1] == "*" else frozenset(t.strip() for t in r[1].split(","))
        out.append((fold(r[0]), types))
    return out


@functools.cache
def _stops() -> dict[tuple[str, ...], frozenset[str]]:
    """stop phrase (tuple of lower-case words) -> the kinds it ends"""
    out = {}
    for r in vocab._rows("named_stops.tsv"):
        kinds = {"*": frozenset({"law", "plan"}), "-": frozenset()}.get(r[1], frozenset({r[1]}))
        out[tuple(r[0].lower().split())] = kinds
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))  # longest first: "có công" before "có"


@functools.cache
def _stops_by_first() -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """The stop phrases by their first word, longest first (every token of a name is looked up)."""
    out: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for phrase, kinds in _stops().items():
        out.setdefault(phrase[0], []).append((phrase, kinds))
    return out


def _phrase_at(toks: _Toks, i: int) -> tuple[int, frozenset[str]] | None:
    """(length, kinds) of the longest stop phrase starting at toks[i]."""
    for phrase, kinds in _stops_by_first().get(toks[i].low, ()):
        n = len(phrase)
        if toks.has(i + n - 1) and all(toks[i + k].low == phrase[k] for k in range(1, n)):
            return n, kinds
    return None


@functools.cache
def _proper() -> list[tuple[str, str]]:
    names = [r[0] for r in vocab._rows("named_proper.tsv")] + list(vocab.provinces())
    return sorted(((n.lower(), n) for n in names), key=lambda p: -len(p[0]))


@functools.cache
def known_law_names() -> frozenset[str]:
    """Folded names (without the type word) of the laws in the bundled catalog."""
    from ..catalog import bundled_catalog, load

    path = bundled_catalog()
    if path is None:
        return frozenset()
    out = set()
    for e in load([path]):
        if e.doc_type and named_types().get(e.doc_type.lower(), ("",))[0] == "law" and e.title:
            out.add(fold_name(_strip_type(e.title, e.doc_type)))
    return frozenset(out)


# ---- grammar --------------------------------------------------------------------------------------
@functools.cache
def _parser() -> Lark:
    # the analysed tables kept between processes, as the citation parser's (~20 ms each process)
    return cached_lark(
        ["named_head", "named_tail", "alias_definition", "amending_head", "described_head"], "named"
    )


@functools.cache
def _terminal(name: str) -> str:
    """A terminal's pattern: of this module's rules, or of the citation rules ("SO")."""
    from .parse import parser

    try:
        return _parser().get_terminal(name).pattern.value
    except KeyError:
        return parser().get_terminal(name).pattern.value


@functools.cache
def named_type_regex(ignore_case: bool = True) -> re.Pattern[str]:
    """Case-insensitive by default; without re.I for text that ``lowered`` gives."""
    return re.compile(_parser().get_terminal("NAMED_TYPE").pattern.value, re.I if ignore_case else 0)


@functools.cache
def _capital_type_regex(named_too: bool, ignore_case: bool = True) -> re.Pattern[str]:
    """Type words written with a capital (a bare one names a document). Without re.I: the type words
    alone, for lower-cased text (see capital_types)."""
    alts = type_word_regex().pattern + (f"|{named_type_regex().pattern}" if named_too else "")
    if not ignore_case:
        # one flat alternation: the engine skips ahead on the first letters only when every alternative
        # starts with a literal (nested groups hide them); "(?:A)L|(?:B)L" and "(?:A|B)L" try the same
        # paths in the same order
        parts = [type_word_regex().pattern] + ([named_type_regex().pattern] if named_too else [])
        return re.compile("(?:" + "|".join(_alternatives(p) for p in parts) + _WORD_END)
    return re.compile(rf"(?=(?-i:[^\W\d_a-zà-ỹđ]))(?:{alts})", re.I)


_WORD_END = r")(?![^\W\d_])"


def _alternatives(pattern: str) -> str:
    """The alternatives of a terminal written as one group of alternatives and the word-end lookahead
    (as the type-word terminals are)."""
    if not (pattern.startswith("(?:") and pattern.endswith(_WORD_END)):
        raise ValueError(f"not a word alternation: {pattern[:40]}")
    inner = pattern[3 : -len(_WORD_END)]
    depth = 0
    for i, ch in enumerate(inner):  # the group must close at the end, not earlier
        if ch == "(" and (i == 0 or inner[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and inner[i - 1] != "\\":
            depth -= 1
            if depth < 0:
                raise ValueError(f"not a word alternation: {pattern[:40]}")
    return inner


_CAPITAL_START = re.compile(r"[^\W\d_a-zà-ỹđ]")


def capital_types(text: str, named_too: bool) -> Iterator[tuple[int, int]]:
    """Spans of ``_capital_type_regex(named_too).finditer(text)``: taken from the text's one scan for type
    words (scan.type_words) when it has them, else found by ``_capital_first_regex`` (several times
    faster than the plain pattern) when the type words allow it."""
    tw = type_words(text)
    spans = tw.capital_spans(named_too) if tw is not None else None
    if spans is not None:
        yield from spans
        return
    rx = _capital_first_regex(named_too)
    if rx is None:
        for m in _capital_type_regex(named_too).finditer(text):
            yield m.span()
        return
    for m in rx.finditer(text):
        yield m.span()


# Characters other than x.upper() and x.title() that a case-insensitive regex matches with the lower-case
# letter x (their simple lower case is x, or the engine folds them specially); test_fast_paths checks
# this table against every character Python knows.
_MORE_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f", "å": "\u212b"}


def capitals_of(letter: str) -> str:
    """The characters that open a capitalised type word where ``letter`` opens it in lower case: what the
    case-insensitive pattern matches there and the capital lookahead lets through."""
    cands = {letter.upper(), letter.title(), *_MORE_CASES.get(letter, "")}
    return "".join(
        sorted(c for c in cands if len(c) == 1 and _CAPITAL_START.match(c) and re.match(letter, c, re.I))
    )


def _split_alternatives(inner: str) -> list[str]:
    """Top-level alternatives of a pattern (no "|" inside groups or classes)."""
    out, depth, cls, cur, i = [], 0, False, [], 0
    while i < len(inner):
        ch = inner[i]
        if ch == "\\":
            cur.append(inner[i : i + 2])
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def capital_regex(named_too: bool) -> re.Pattern[str]:
    """The regex capital_types finds with (its match at a position is the one finditer takes there)."""
    return _capital_first_regex(named_too) or _capital_type_regex(named_too)


@functools.cache
def _capital_first_regex(named_too: bool) -> re.Pattern[str] | None:
    """``_capital_type_regex(named_too)`` rewritten so the engine can skip ahead: one branch per capital
    a type word can open with, a case-sensitive literal (the engine scans for those characters fast),
    then the rest of the words of the alternatives opening with that letter, case-insensitively. None
    when an alternative does not open with a plain lower-case letter."""
    parts = [type_word_regex().pattern] + ([named_type_regex().pattern] if named_too else [])
    alts = [a for p in parts for a in _split_alternatives(_alternatives(p))]
    by_capital: dict[str, list[str]] = {}  # each capital's alternatives, in their order
    for alt in alts:
        first, rest = alt[:1], alt[1:]
        if not (first.isalpha() and first == first.lower()) or rest[:1] in ("?", "*", "+", "{"):
            return None
        # a lower-case first letter no capital passes the lookahead for ("Đ" lies in its range à-ỹ)
        # never matches: it has no branch
        for cap in capitals_of(first):
            by_capital.setdefault(cap, []).append(rest)
    if not by_capital:
        return None
    # at a position only the branch of its own character can match, so grouping the alternatives by
    # capital keeps the order in which they are tried there
    branches = [re.escape(cap) + "(?i:" + "|".join(rests) + ")" for cap, rests in by_capital.items()]
    return re.compile("(?:" + "|".join(branches) + _WORD_END)


@functools.cache
def _inner_type_regex() -> re.Pattern[str]:
    """A type word inside a name and the first letter after it."""
    return re.compile(rf"(?<!\w)({named_type_regex().pattern}\s+)(\w)", re.I)


@functools.cache
def _amending_regex() -> re.Pattern[str]:
    """The head of an amending law, ending where the list of amended laws begins."""
    p = _parser()
    return re.compile(
        rf"{p.get_terminal('NAMED_TYPE').pattern.value}\s+{p.get_terminal('AMENDS_LAWS').pattern.value}",
        re.I,
    )


@functools.cache
def _alias_intro_regex() -> re.Pattern[str]:
    return re.compile(_parser().get_terminal("ALIAS_INTRO").pattern.value, re.I)


@dataclass
class Tail:
    end: int = 0  # offset after the tail (relative to the window), 0 when there is none
    date: ParsedDate | None = None
    year: int | None = None
    year_end: int = 0  # end of "năm YYYY", which belongs to the name's span ("Luật Việc làm năm 2025")
    issuer: str | None = None


@functools.lru_cache(maxsize=65536)
def parse_tail(window: str) -> Tail:
    """The date or year and the issuer right after a name (grammar rule named_tail)."""
    tail = Tail()
    try:
        tree: Any = _parser().parse(window, start="named_tail")  # records and trees, as transformed
    except LarkError:
        return tail
    for child in tree.children:
        if isinstance(child, Tree) and child.data == "named_year":
            year: Any = child.children[1]
            tail.year, tail.year_end = int(year.value), year.end_pos
            tail.end = max(tail.end, year.end_pos)
        elif isinstance(child, Tree):  # named_when: date
            rec: Any = child.children[0]
            _, d, end = rec
            tail.date, tail.end = d, max(tail.end, end)
            tail.year = d.year
        elif isinstance(child, tuple) and child[0] == "issuer":
            tail.issuer, tail.end = child[1], max(tail.end, child[2])
    return tail


@functools.lru_cache(maxsize=65536)
def parse_alias(window: str) -> tuple[str, int, int] | None:
    """(alias text, start, end) of "(sau đây gọi tắt là X)" at the start of ``window``."""
    try:
        tree: Any = _parser().parse(window, start="alias_definition")
    except LarkError:
        return None
    tok = tree.children[1]
    raw = tok.value
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip().strip("*_ ")
    if not text:
        return None
    start = tok.start_pos + lead + raw.strip().find(text)
    return text, start, start + len(text)


# ---- names ----------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
_SENTENCE_END = frozenset(".!?:;\n*#|-+>")


def fold_name(s: str) -> str:
    """How two spellings of one name compare: folded, punctuation and markup dropped."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(s)).split())


def _strip_type(title: str, doc_type: str) -> str:
    t = collapse_spaces(title)
    if fold(t).startswith(fold(doc_type) + " "):
        return t[len(doc_type) + 1 :]
    return t


@functools.lru_cache(maxsize=65536)
def sentence_case(doc_type: str, name: str) -> str:
    """The name as a node key shows it: "Luật Tổ chức chính quyền địa phương", "Bộ luật Hàng hải Việt Nam".
    Kept by its arguments: a corpus names the same laws again and again."""
    name = collapse_spaces(name.replace("*", " ").replace("“", " ").replace("”", " ").replace('"', " "))
    proper = _proper_map()
    low = _proper_regex().sub(lambda m: proper[m.group()], name.lower())
    kind = named_types().get(doc_type.lower(), ("",))[0]
    if low and kind == "law":  # "Luật Đất đai"; a programme keeps its lower case: "Chương trình hành động"
        low = low[0].upper() + low[1:]
    # laws named inside the name keep their capital: "… một số điều của Luật Chứng khoán, Luật Kế toán"
    if kind == "law":
        low = _inner_type_regex().sub(
            lambda m: m.group(1)[:1].upper() + m.group(1)[1:] + m.group(2).upper(), low
        )
    # an abbreviation keeps its capitals ("Luật Thuế GTGT", "Luật BHXH"), unless the whole name is in capitals
    # (a heading); the proper names above may have changed the word count, and then nothing is restored
    written, lowered_words = name.split(" "), low.split(" ")
    if (len(written) == 1 or not name.isupper()) and len(written) == len(lowered_words):
        low = " ".join(
            o if len(o) > 1 and o.isalpha() and o.isupper() else w for w, o in zip(lowered_words, written)
        )
    t = doc_type.lower()
    return f"{t[:1].upper()}{t[1:]} {low}".strip()


@functools.cache
def _proper_map() -> dict[str, str]:
    return dict(_proper())


@functools.cache
def _proper_regex() -> re.Pattern[str]:
    alts = "|".join(re.escape(lo) for lo, _p in _proper())  # longest first
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


def name_key(name: str, year: int | None) -> str:
    """The id of a name-keyed node: one per name and year ("Luật Đất đai (2024)")."""
    return f"{name} ({year})" if year else name


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    gap: str  # the white space before it
    low: str  # text.lower(): the name rules compare lower-case words again and again


class _Toks:
    """The tokens of text[pos:limit], read as they are asked for: a name ends after a few words, and
    tokenising the whole window (up to 500 characters) for every candidate cost more than the rest of
    the reading. ``has(i)``: is there an i-th token (what ``i < len(toks)`` asks, without reading on)."""

    __slots__ = ("_text", "_it", "_items", "_prev", "_done")

    def __init__(self, text: str, pos: int, limit: int) -> None:
        self._text = text
        self._it = _TOKEN.finditer(text, pos, limit)
        self._items: list[_Tok] = []
        self._prev = pos
        self._done = False

    def has(self, i: int) -> bool:
        items = self._items
        while len(items) <= i and not self._done:
            m = next(self._it, None)
            if m is None:
                self._done = True
                break
            s = m.start()
            g = m.group()
            items.append(_Tok(g, s, m.end(), self._text[self._prev : s], g.lower()))
            self._prev = m.end()
        return i < len(items)

    def __getitem__(self, i: int) -> _Tok:
        if i < 0:
            raise IndexError("tokens are read forwards")
        if not self.has(i):
            raise IndexError(i)
        return self._items[i]

    def __len__(self) -> int:
        while self.has(len(self._items)):
            pass
        return len(self._items)

    def __bool__(self) -> bool:
        return self.has(0)

    def __iter__(self) -> Iterator[_Tok]:
        i = 0
        while self.has(i):
            yield self._items[i]
            i += 1


def _tokens(text: str, pos: int, limit: int) -> _Toks:
    return _Toks(text, pos, limit)


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalpha()


def _stop_at(toks: _Toks, i: int, kind: str) -> int:
    """Length (in tokens) of the stop phrase starting at toks[i], or 0."""
    hit = _phrase_at(toks, i) if toks.has(i) else None
    return hit[0] if hit is not None and kind in hit[1] else 0  # the longest phrase there decides


def _kept_at(toks: _Toks, i: int) -> int:
    """Length of a phrase starting at toks[i] that belongs to a name though its words are stops."""
    hit = _phrase_at(toks, i) if toks.has(i) else None
    return hit[0] if hit is not None and not hit[1] else 0


def _is_type_word(text: str, pos: int) -> bool:
    return bool(type_word_regex().match(text, pos) or named_type_regex().match(text, pos))


# a name, or a word of one, in initials: "BHXH", "GTGT", "TNCN"
_ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,6}(?![^\W\d_])")


def _name_end(text: str, start: int, kind: str, heading: bool) -> tuple[int, int]:
    """(end of the name, number of words) for a name starting at ``start``."""
    limit = min(len(text), start + (200 if kind == "law" else 500))  # well past the longest names
    toks = _tokens(text, start, limit)
    items = toks._items  # read through has(): a token is there once has(i) said so
    has = toks.has
    max_words = MAX_LAW_WORDS if kind == "law" else MAX_PLAN_WORDS
    end = start
    n_words = 0
    words_noun, words_of, words_and = words("noun"), words("of"), words("and")
    horizon = _horizon().match if kind == "plan" else None
    tail_word = _tail_word().match
    type_word, named_type = type_word_regex().match, named_type_regex().match
    i = 0
    while has(i):
        t = items[i]
        if t.gap.count("\n") >= 2:
            break
        is_word = t.text[:1].isalpha()
        if heading and is_word and not t.text.isupper():
            break
        if horizon is not None and n_words:
            m = horizon(text, t.start)
            if m is not None:  # "… đến năm 2030", "… giai đoạn 2025-2030": part of a plan's name
                end = m.end()
                n_words += 2
                while has(i) and items[i].start < end:
                    i += 1
                continue
        if (
            n_words
            and not heading
            and _ABBREVIATION.fullmatch(items[i - 1].text)
            and (not is_word or (t.text[:1].islower() and t.low not in words_and))
        ):
            break  # "Luật BHXH người lao động …", "Luật Thuế TNCN, …": a name in initials is over
        if not is_word:
            if t.text == "," and has(i + 1) and _is_word(items[i + 1]):
                nxt = items[i + 1]
                if horizon is not None and n_words and horizon(text, nxt.start):
                    i += 1  # "… đến năm 2030, tầm nhìn đến năm 2045"
                    continue
                short = kind != "law" or n_words <= 3
                if short and (nxt.text.islower() or heading) and not _stop_at(toks, i + 1, kind):
                    if not _is_type_word(text, nxt.start):
                        i += 1
                        continue
            break
        low = t.low
        if (
            n_words
            and (type_word(text, t.start) or named_type(text, t.start))
            and items[i - 1].low not in words_noun
        ):
            break  # another document; "quy phạm pháp luật" inside a name is not one
        lower_start = not heading and t.text[:1].islower()
        # the stop phrase starting here, looked up once for both rules below
        phrase = _phrase_at(toks, i) if n_words or lower_start else None
        if n_words and phrase is not None and not phrase[1]:
            kept = phrase[0]  # a phrase that belongs to a name though its words are stops
            n_words += kept
            end = items[i + kept - 1].end
            i += kept
            continue
        if lower_start and phrase is not None and kind in phrase[1]:
            break  # a capital word is part of a name ("Luật Ban hành văn bản …")
        after = items[i + 1] if has(i + 1) else None
        if low in words_of:
            if after is None or not _is_word(after) or after.text[:1].isupper() or kind == "plan":
                break
        if low in words_and:
            if (
                after is None
                or not _is_word(after)
                or (after.text[:1].isupper() and not heading)
                or _stop_at(toks, i + 1, kind)
                or _is_type_word(text, after.start)
            ):
                break
        if tail_word(text, t.start):
            break  # a year, a date or a number: the name is over
        n_words += 1
        end = t.end
        if n_words >= max_words:
            break
        i += 1
    # a dangling joiner is not part of the name
    while end > start:
        m = _dangling_joiner().search(text[start:end])
        if m is None:
            break
        end = start + m.start()
    return end, n_words


@functools.cache
def _dangling_joiner() -> re.Pattern[str]:
    return re.compile(rf"(?:\s+(?:{_word_regex('joiner')})|\s*,)\s*$")


def _cut_to_known(text: str, start: int, end: int, known: frozenset[str]) -> int:
    """A law name that runs on past a known title is cut to the longest known title it starts with."""
    return start + _known_cut(text[start:end], known)


@functools.lru_cache(maxsize=16384)
def _known_cut(name: str, known: frozenset[str]) -> int:
    # by the name's own text: a corpus repeats its law names, and each is folded word by word here
    if fold_name(name) in known:
        return len(name)
    best = None
    toks = _tokens(name, 0, len(name))
    for j in range(len(toks)):
        if _is_word(toks[j]) and fold_name(name[: toks[j].end]) in known:
            best = toks[j].end
    return best if best is not None else len(name)


@functools.lru_cache(maxsize=8)
def _known_prefixes(known: frozenset[str]) -> frozenset[str]:
    """Every known title's opening words, shorter than the title (folded): a name read up to a stop word
    may be the start of a longer known title only if it is one of these."""
    out: set[str] = set()
    for name in known:
        words = name.split()
        out.update(" ".join(words[:i]) for i in range(1, len(words)))
    return frozenset(out)


def _known_lower(text: str, start: int, known: frozenset[str]) -> int | None:
    """A law name written in lower case ("Luật viên chức") counts only when it is a known title."""
    end = _known_lower_end(text[start : min(len(text), start + 160)], known)
    return None if end is None else start + end


@functools.lru_cache(maxsize=16384)
def _known_lower_end(window: str, known: frozenset[str]) -> int | None:
    # each name tried below, folded, is a prefix of the whole window folded (folding goes character by
    # character; but for a capital sigma, whose lower case depends on what follows): where no known name
    # is, none is tried (most lower-case words after "luật" name no law: "luật sư", "luật pháp")
    if "Σ" not in window:
        full = fold_name(window)
        if not any(full[:i] in known for i in range(1, min(len(full), _longest(known)) + 1)):
            return None
    toks = _tokens(window, 0, len(window))
    best = None
    for j in range(min(len(toks), MAX_LAW_WORDS + 3)):
        if toks[j].gap.count("\n") >= 2:
            break
        if _is_word(toks[j]) and fold_name(window[: toks[j].end]) in known:
            best = toks[j].end
    return best


@functools.lru_cache(maxsize=8)
def _longest(names: frozenset[str]) -> int:
    return max(map(len, names), default=0)


def _sentence_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0:
        return True
    if text[j] == "\n":
        return True
    return text[j] in _SENTENCE_END or text[j] in '(“"' or text[j].isdigit()


def _word_before(text: str, pos: int) -> str:
    r"""The word (lower case) that ends right before ``pos``, past white space, "*" and "_", within 30
    characters: what the pattern ``([^\W\d_]+)[\s*_]*$`` finds on text[pos - 30 : pos], read backwards
    instead of trying the pattern at every position of the stretch."""
    return _word_before_as_written(text, pos).lower()


def _word_before_as_written(text: str, pos: int) -> str:
    lo = max(0, pos - 30)
    j = pos
    while j > lo and (text[j - 1] in "*_" or text[j - 1].isspace()):
        j -= 1
    k = j
    while k > lo and text[k - 1].isalnum() and not text[k - 1].isdecimal():
        k -= 1
    return text[k:j]


# a count: a number of two documents or more right before the type word, after a word that does not own it
# (a list of article numbers ends "… 175 và 290 Bộ luật": the word before is a number's, not a count's)
_COUNT_BEFORE = re.compile(r"(?:(\S+)[\s*]+)?(?<![\d/.,\-])(\d{1,3})[\s*]+$")


def _generic_before(text: str, pos: int) -> bool:
    """The type word at pos is a common noun: after "các", "những" …, or after a count ("05 Nghị định về …",
    not "Điều 5 Nghị định …")."""
    if _word_before(text, pos) in words("generic"):
        return True
    # the pattern ends in a digit and white space or "*" up to pos: looked at backwards first, since
    # searching the pattern tries every position of the stretch and most type words follow a word
    lo = max(0, pos - 30)
    j = pos
    while j > lo and (text[j - 1] == "*" or text[j - 1].isspace()):
        j -= 1
    if j == pos or j == lo or not text[j - 1].isdecimal():
        return False
    m = _COUNT_BEFORE.search(text, lo, pos)
    if m is None or int(m.group(2)) < 2:
        return False
    before = (m.group(1) or "").lower().lstrip('*_([“"-–')
    return before not in words("pinpoint") and before not in words("and") and not before.endswith(",")


_ANNEX_LINE = re.compile(r"[\s*|#_]*phụ[ \t]+lục\b[^\n]*\n[\s*|#_]*$", re.I)


@functools.cache
def _body_topic_regex() -> re.Pattern[str]:
    # the body's words, then its subject within one clause (no stop, bracket, digit or blank line: "Ban Chỉ
    # đạo 934 phân công …" goes on with its own sentence) ending in "và"
    # or "về", or the verb right after the body's words: up to the type word at the end of the stretch
    return re.compile(
        rf"(?<![^\W\d_])(?:{_word_regex('body_topic')})"
        r"(?:(?:(?!\n[ \t]*\n)[^.;:()\[\]\d]){0,200}?[\s*]+(?:và|về)|[\s*]+triển[\s*]+khai)[\s*]+$",
        re.I,
    )


def in_body_name(text: str, s: int) -> bool:
    """The type word at s ends the name of a body named by what it steers: part of that name."""
    before = _word_before(text, s)
    if before not in ("và", "về", "khai"):
        return False  # looked at first: the pattern runs only where the name can end so
    return _body_topic_regex().search(text, max(0, s - 260), s) is not None


_ENUMERATOR_LINE = re.compile(r"(?:^|\n)[ \t*#|]*(?:\d{1,2}|[IVXL]{1,5})[.)][ \t*]*$")
_LINE_END = re.compile(r"[ \t*]*(?:\n|$)")


def _numbered_heading(text: str, s: int, name_end: int) -> bool:
    """The type word opens a numbered heading line ("2. ", "II. ") whose name fills the rest of the line
    (a wrapped heading line counts: its horizon year may stand on the next one)."""
    if _ENUMERATOR_LINE.search(text, max(0, s - 12), s) is None:
        return False
    end = _horizon().match(text, name_end)  # the year range a heading ends with, past a wrap
    return _LINE_END.match(text, end.end() if end else name_end) is not None


# "… UBND tỉnh ban hành Kế hoạch nâng cao năng lực … giai đoạn 2026 - 2030 như sau:": the text announces
# itself, its own title after its enacting verb, its content after "như sau"
_AS_FOLLOWS = re.compile(r"[^.;:\n]{0,120}?(?<![^\W\d_])như[\s*]+sau(?![^\W\d_])", re.I)


# "*Chính phủ ban hành Nghị quyết về việc cho phép … .*⏎**Điều 1. …**": the enacting formula that closes the
# preamble names the text itself, its articles (or "QUYẾT NGHỊ:") right after it
_ENACTING_FORMULA = re.compile(
    r"(?:[^.;:\n]|\n(?![ \t]*\n))*?[.:][\s*#|]*"
    r"(?:điều[\s*]+1[.:]|quyết[\s*]+(?:nghị|định)[\s*]*:|chương[\s*]+(?:i|1)(?![^\W\d_]))",
    re.I,
)


def _announced_here(text: str, s: int, name_end: int) -> bool:
    if not _role_before(text, s, "enacts"):
        return False
    return (
        _AS_FOLLOWS.match(text, name_end) is not None
        or _ENACTING_FORMULA.match(text, name_end, name_end + 400) is not None
    )


def _role_before(text: str, s: int, role: str, reach: int = 16) -> bool:
    """The words right before ``s`` (past markup) end with a phrase of ``role`` in named_words.tsv."""
    before = " ".join(text[max(0, s - reach) : s].lower().replace("*", " ").split())
    return any(before.endswith(w) for w in words(role))


def _firm_before(text: str, s: int) -> bool:
    """ "Công ty Luật Anh Sĩ": a law firm's name, no law."""
    return _role_before(text, s, "firm")


def _bill_before(text: str, s: int) -> bool:
    """A law named right after "dự án" is a bill being debated, not a law the text can cite."""
    return _role_before(text, s, "bill")


def _own_listing(text: str, s: int, doc_type: str) -> bool:
    """The type word names the text's own listing, not a document it cites: the heading of its own annex
    ("PHỤ LỤC II" on the line before, the type word opening its line), or a list the text itself publishes
    ("công bố danh mục thủ tục hành chính …": words of role own_list before a type of role own_list_type)."""
    # the type word opens its line when only markup and blanks stand before it: walked back from it (a
    # long line is not copied, nor searched for its start)
    j = s
    while j and text[j - 1] in " \t*|#_":
        j -= 1
    if (j == 0 or text[j - 1] == "\n") and _ANNEX_LINE.search(text, max(0, j - 120), j):
        return True
    return doc_type in words("own_list_type") and _role_before(text, s, "own_list", 20)


def _specific(doc_type: str, name: str, quoted: bool, capital_mid: bool) -> bool:
    t = doc_type.lower()
    kind, cap_counts = named_types().get(t, ("plan", False))
    if quoted:
        return cap_counts
    folded = f" {fold_name(name)} "
    for marker, types in _markers():
        if (types is None or t in types) and f" {marker} " in folded:
            return True
    return cap_counts and capital_mid


@functools.cache
def _number_after() -> re.Pattern[str]:
    """A number code right after a name, "số" (grammar terminal SO) or not: "Luật X 15/2017/QH14"."""
    so = _terminal("SO")
    return re.compile(rf"\s*(?:{so}\s*)?(?=\d{{1,6}}\s*[/-]\s*[\dA-ZĐ])", re.I)


@dataclass
class NamedHit:
    start: int
    end: int  # end of the span: the name, and "năm YYYY" when the year is written so
    head_end: int  # end of everything read: the date and issuer too
    doc_type: str
    name: str
    kind: str
    date: ParsedDate | None = None
    year: int | None = None
    issuer: str | None = None
    number_start: int | None = None  # a number code right after the name ("Luật X 15/2017/QH14")
    amending: bool = False  # "Luật sửa đổi, bổ sung … của Luật A, Luật B": A and B are read too


_LOWER_NEXT = re.compile(r"\s+[a-zà-ỹđ]")
_INTO_BRACKET = re.compile(r"[\s*]*\([\s*]*")
# after the bracketed citation: at most its date, then the bracket closes
_BRACKET_AFTER = re.compile(r"[^()\n;]{0,40}\)")


def scan(text: str, taken: list[tuple[int, int]]) -> list[NamedHit]:
    """Every reference without a number code in ``text``; ``taken`` are the spans of numbered citations
    (a type word that starts one of them belongs to it)."""
    starts_taken = {s for s, _e in taken}
    low = lowered(text)
    alias_words = _alias_words(text)
    known = known_law_names()
    out: list[NamedHit] = []
    retry: list[tuple[int, int]] = []  # law type words before a lower-case word that is no known name
    kinds = named_types()
    tw = type_words(text)
    spans = tw.named_spans() if tw is not None else None
    if spans is not None:
        pass
    elif low is not None:
        spans = [m.span() for m in named_type_regex(False).finditer(low)]
    else:
        low = text.lower()
        spans = [m.span() for m in named_type_regex().finditer(low if len(low) == len(text) else text)]
    for s, e in spans:
        if s in starts_taken or (s and (text[s - 1].isalnum() or text[s - 1] == "_")):
            continue
        if out and s < out[-1].head_end and not out[-1].amending:
            continue
        # _read reads no lower-case law type word, and only the law rules look at the known names: a
        # retry with more names can change nothing else (both decided here, without a call per word)
        capital = text[s].isupper()
        law = kinds.get(" ".join(text[s:e].lower().split()), ("",))[0] == "law"
        if law and not capital:
            continue
        if _in_organ_name(text, s):
            continue  # "Ban Chính sách, Chiến lược Trung ương": a body's name, no strategy
        hit = _read(text, s, e, alias_words, known)
        if hit is not None:
            out.append(hit)
        elif law and _LOWER_NEXT.match(text, e, e + 3):
            retry.append((s, e))
    # a name the text itself writes in capitals is known when it writes it in lower case elsewhere
    # ("Luật Phòng thủ dân sự" … "Luật phòng thủ dân sự")
    own = {_name_fold(h.name, h.doc_type) for h in out if h.kind == "law" and h.name != h.doc_type}
    if retry and not own <= known:
        known = known | own
        read = Spans((h.start, h.head_end) for h in out)
        again = [h for s, e in retry if s not in read and (h := _read(text, s, e, alias_words, known))]
        out = sorted(out + again, key=lambda h: h.start)
    return out


@functools.cache
def _organs_with_types() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Known bodies (vocab/organs.tsv) whose name holds a type word after its first word: the words right
    before such a type word (lower case), and a pattern for each name whose group 1 is where it starts."""
    before, out = set(), []
    for name in vocab.organs().values():
        words = name.split()
        for i in range(1, len(words)):
            if named_type_regex().match(" ".join(words[i:])):
                before.add(words[i - 1].lower())
                head = r"[\s*]+".join(re.escape(w) for w in words[:i])
                tail = r"[\s*]+".join(re.escape(w) for w in words[i:])
                out.append(re.compile(rf"{head}[\s*]+({tail})(?![^\W\d_])", re.I))
                break
    return frozenset(before), tuple(out)


def _in_organ_name(text: str, s: int) -> bool:
    before, patterns = _organs_with_types()
    w = text.rfind(" ", max(0, s - 24), s - 1)
    if text[w + 1 : s].strip(" *\n").lower() not in before:
        return False  # asked of every reference without a number: the word before it first
    lo = max(0, s - 60)
    return any(m.start(1) == s for p in patterns for m in p.finditer(text, lo, s + 80))


def _amended_list_end(text: str, pos: int, known: frozenset[str]) -> int | None:
    """End of the list of laws an amending law names: "… của Luật A, Luật B và Luật C"."""
    from .relations import _GLUE

    end = None
    while True:
        first = _NON_SPACE.search(text, pos)
        m = named_type_regex().match(text, first.start()) if first else None
        if m is None or named_types().get(" ".join(m.group().lower().split()), ("",))[0] != "law":
            return end
        toks = _tokens(text, m.end(), min(len(text), m.end() + 40))
        if not toks or not _is_word(toks[0]):
            return end
        ne: int | None
        if toks[0].text[:1].isupper():
            ne, n = _name_end(text, toks[0].start, "law", False)
            ne = _cut_to_known(text, toks[0].start, ne, known) if n else None
        else:
            ne = _known_lower(text, toks[0].start, known)
        if ne is None:
            return end
        end = ne
        nxt = named_type_regex().search(text, end, end + 12)
        if nxt is None or not _GLUE.match(text[end : nxt.start()]):
            return end
        pos = nxt.start()


def _strong_head(name: str) -> bool:
    folded = fold_name(name)
    # the head and more: "chương trình mục tiêu quốc gia" alone is any of them
    return folded.startswith(_strong_heads())


@functools.cache
def _strong_heads() -> tuple[str, ...]:
    return tuple(fold_name(m) + " " for m in words("strong_head"))


def _alias_words(text: str) -> frozenset[str]:
    """Bare type words the text makes aliases of ("(sau đây viết tắt là Chương trình)")."""
    out = set()
    for m in _alias_intro_regex().finditer(text):
        parsed = parse_alias(text[m.start() : m.start() + 80])
        if parsed is not None:
            out.add(" ".join(parsed[0].lower().split()))
    return frozenset(out)


_NON_SPACE = re.compile(r"\S")


def _lower_case_may_name(text: str, e: int, kind: str) -> bool:
    """Whether a lower-case type word ending at ``e`` can start a reference at all, by the rules of
    _read below: a law never (its type word is capitalised); another kind only before a quoted name or
    a name that opens with a strong head ("chương trình mục tiêu quốc gia …")."""
    if kind == "law":
        return False
    first = _NON_SPACE.search(text, e, min(len(text), e + 60))  # where the name's first token starts
    if first is None:
        return False
    j = first.start()
    return text[j] in '“"' or _strong_head(text[j : j + 60])


def _read(
    text: str, s: int, e: int, alias_words: frozenset[str] = frozenset(), known: frozenset[str] | None = None
) -> NamedHit | None:
    """The reference whose type word is text[s:e], or None. ``known``: law names (folded, without the type
    word) that may be written in lower case; the catalog's by default."""
    if known is None:
        known = known_law_names()
    raw_type = text[s:e]
    type_low = " ".join(raw_type.lower().split())
    kind, _cap = named_types().get(type_low, (None, False))
    if kind is None:
        return None
    heading = raw_type.isupper() and len(raw_type) > 1
    capital = raw_type[:1].isupper()
    if not capital and not _lower_case_may_name(text, e, kind):
        return None  # decided before any word is read: most type words in running text are lower case
    if (
        _generic_before(text, s)
        or _own_listing(text, s, type_low)
        or in_body_name(text, s)
        or _role_before(text, s, "template")  # "Tải mẫu Đề án …": a sample of one, no document
    ):
        return None
    # the first word of the name
    toks = _tokens(text, e, min(len(text), e + 60))
    if not toks or toks[0].gap.count("\n") >= 2:
        return None
    first = toks[0]
    quoted = False
    name_start = first.start
    if first.text in '“"':
        close = text.find("”" if first.text == "“" else '"', first.end, first.end + 200)
        if close == -1:
            return None
        name_start, name_end = first.start, close + 1
        quoted = True
    elif not _is_word(first) or (first.text.lower() in words("not_name") and kind == "law"):
        return None
    elif "\n" in first.gap and first.text in vocab.type_code_for_word().values() and not heading:
        # "Luật⏎NQ Nghị quyết⏎NĐ Nghị định": a table of type words and their codes ("Luật KH, CN&ĐMST" on one
        # line is the science law's short name)
        return None
    amends = None
    if kind == "law":
        if not capital or _word_before(text, s) in words("noun") or _firm_before(text, s):
            return None
        if type_low == "luật" and first.text.lower() in words("law_noun"):
            return None  # "Luật sư Nguyễn Văn A", "LĨNH VỰC LUẬT SƯ": a person's title, a field
        amends = _amending_regex().match(text, s)
        if amends is None and _bill_before(text, s):
            # (an amending bill, "dự án Luật sửa đổi, bổ sung … của Luật X", is read as any amending title:
            # the law X it names stays cited)
            return None
        if amends is not None:
            list_end = _amended_list_end(text, amends.end(), known)
            if list_end is None:
                return None
            name_end = list_end
        elif type_low in words("nameless") and not first.text[:1].isupper():
            name_end = e  # "Hiến pháp năm 2013", "Hiến pháp"
            name_start = e
        elif first.text[:1].isupper() or heading:
            name_end, n = _name_end(text, first.start, kind, heading)
            if n == 0:
                return None
            name_end = _cut_to_known(text, first.start, name_end, known)
            if (
                fold_name(text[first.start : name_end]) in _known_prefixes(known)
                and (known_end := _known_lower(text, first.start, known)) is not None
                and known_end > name_end
            ):
                name_end = known_end  # a known title with a stop word in it: "Luật Đầu tư theo phương thức …
            if text[first.start : name_end].lower() in _proper_map():
                return None  # "Luật Việt Nam" is a website, not a law
        else:
            k = _known_lower(text, first.start, known)
            if k is None and type_low in lower_names() and not _stop_at(toks, 0, kind):
                k, n = _name_end(text, first.start, kind, heading)
                k = k if n >= 2 else None
            if k is None:
                return None
            name_end = k
    elif not quoted:
        if _stop_at(toks, 0, kind) or first.text.lower() in words("not_name"):
            return None
        if not capital and not _strong_head(text[first.start : first.start + 60]):
            return None  # most lower-case "kế hoạch", "chương trình" are the common noun: decided early
        name_end, n = _name_end(text, first.start, kind, heading)
        if n == 0:
            return None
        if not capital and not _strong_head(text[first.start : name_end]):
            return None  # "chương trình mục tiêu quốc gia …" in lower case, not "kế hoạch quốc gia"
    name = text[name_start:name_end]
    if kind == "plan":
        # a capital type word and a capital name in mid-sentence: "Chương trình Quản lý tổng hợp vùng bờ";
        # not where the text has made the bare type word an alias ("(sau đây viết tắt là Chương trình)")
        capital_mid = (
            capital
            and not heading
            and not quoted
            and first.text[:1].isupper()
            and not _sentence_start(text, s)
            and type_low not in alias_words
        )
    after = name_end
    number = _number_after().match(text, after)
    cached = parse_tail(text[after : after + TAIL_WINDOW])  # copied: the parse is cached
    tail = Tail(cached.end, cached.date, cached.year, cached.year_end, cached.issuer)
    if tail.issuer:  # "của Bộ Y tế giai đoạn 2025-2030": the body's name ends before the period
        toks = _tokens(tail.issuer, 0, len(tail.issuer))
        cut = next((t.start for k, t in enumerate(toks) if k and _stop_at(toks, k, "law")), None)
        if cut:
            whole = tail.issuer
            tail.issuer = whole[:cut].strip()
            # what was read ends with the body's name: "… của Quốc hội và Hội đồng nhân dân đã được sửa đổi, bổ
            # sung …" leaves the passive to the citation after it
            window = text[after : after + tail.end]
            at = window.rfind(whole)
            if at >= 0:
                tail.end = at + len(tail.issuer)
    if kind == "plan":
        # "Chiến lược chuyển đổi số của Bộ Xây dựng": a programme with its issuer named is a specific one
        by_issuer = capital and not heading and bool(tail.issuer) and named_types()[type_low][1]
        if not (_specific(type_low, name, quoted, capital_mid) or by_issuer):
            return None
        if _is_type_word(text, name_start) or re.search(r"\d\s*/\s*\d", name):
            return None
        if _numbered_heading(text, s, name_end):
            return None  # "**2. Kế hoạch phát triển giai đoạn 2026 - 2030**": a section of the text itself
        if _announced_here(text, s, name_end):
            return None
    year_end = after + tail.year_end if tail.year_end else None
    span_end = year_end if (year_end and not tail.date) else name_end
    doc_type = type_low[:1].upper() + type_low[1:]
    if name_start == name_end:
        display = doc_type
    else:
        display = sentence_case(doc_type, name)
    return NamedHit(
        amending=amends is not None,
        start=s,
        end=span_end,
        head_end=max(span_end, after + tail.end),
        doc_type=doc_type,
        name=display,
        kind=kind,
        date=tail.date,
        year=tail.year,
        issuer=tail.issuer,
        number_start=number.end() if number else None,
    )


@functools.lru_cache(maxsize=16384)
def _parse_described(window: str) -> Any:
    """The described_head tree of ``window``, or None (the trees are only read)."""
    try:
        return _parser().parse(window, start="described_head")
    except LarkError:
        return None


def described(text: str, found: list[Found]) -> list[NamedHit]:
    """Documents described by issuer and subject (grammar rule described_head), in a capitalized type word
    not followed by a number: "Nghị định của Chính phủ về phân loại đơn vị hành chính"."""

    out: list[NamedHit] = []
    taken = Spans((f.start, max(f.end, f.head_end)) for f in found)
    for s, e in capital_types(text, False):
        word = text[s:e]
        if not word[:1].isupper() or word.isupper() or (s and text[s - 1].isalnum()):
            continue
        if named_types().get(" ".join(word.lower().split()), ("",))[0] != "described":
            continue
        if s in taken or _generic_before(text, s):
            continue
        if out and s < out[-1].head_end:
            continue
        if _role_before(text, s, "to_be_issued", 24):
            continue  # "Tờ trình … về việc ban hành Nghị quyết của Hội đồng nhân dân … quy định …": still a draft
        tree: Any = _parse_described(text[s : s + 160])
        if tree is None:
            continue
        intro = next(c for c in tree.children if getattr(c, "type", "") in ("TITLE_INTRO", "GUIDE_INTRO"))
        issuer = next(
            (" ".join(str(t) for t in c.children[1:]) for c in tree.children if isinstance(c, Tree)), None
        )
        begin = s + intro.end_pos
        toks = _tokens(text, begin, min(len(text), begin + 40))
        if not toks or not _is_word(toks[0]) or not toks[0].text[:1].islower():
            continue
        end, n = _name_end(text, toks[0].start, "plan", False)
        if n < 2 or _announced_here(text, s, end):
            continue
        doc_type = " ".join(word.lower().split())
        doc_type = doc_type[:1].upper() + doc_type[1:]
        desc = re.sub(r"\[\d{1,3}\]", " ", text[e:end])
        out.append(
            NamedHit(
                start=s,
                end=end,
                head_end=end,
                doc_type=doc_type,
                name=collapse_spaces(f"{doc_type} {collapse_spaces(desc)}"),
                kind="described",
                issuer=issuer,
            )
        )
    return out


class Spans:
    """Is a position inside one of these spans? Looked up by bisection: a text has thousands of citations
    and every candidate asks (a scan over all of them would make long texts quadratic)."""

    def __init__(self, pairs) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((a, b) for a, b in pairs if b > a):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


# ---- aliases and anaphora ------------------------------------------------------------------------
@dataclass
class AliasUse:
    start: int
    end: int
    target: Found
    definition: bool


def _alias_type(alias: str) -> str | None:
    """The type word an alias starts with ("QĐ 20" -> quyết định), lower case."""
    m = type_word_regex().match(alias) or named_type_regex().match(alias)
    if m:
        return " ".join(m.group().lower().split())
    a = re.match(r"[A-ZĐ]{2,3}(?=\s*\d)", alias)
    if a and abbreviation_regex().match(alias):
        name = vocab.code_name(vocab.canonical_code(a.group()))
        return name.lower() if name else None
    return None


def aliases(text: str, found: list[Found]) -> list[AliasUse]:
    """Alias definitions not already read by the numbered grammar, and every use of them."""
    out: list[AliasUse] = []
    keyed = [f for f in found if f.key]
    ends = [f.head_end for f in keyed]
    taken = Spans((f.start, f.end) for f in found)
    followed: set[tuple[str, str | None]] = set()  # (alias, key): its uses are looked for once
    for m in _alias_intro_regex().finditer(text):
        parsed = parse_alias(text[m.start() : m.start() + 80])
        if parsed is None:
            continue
        alias, a_start, a_end = parsed
        a_start += m.start()
        a_end += m.start()
        if a_start in taken:
            continue  # the numbered grammar read it ("(sau đây gọi tắt là Chỉ thị 07)")
        atype = _alias_type(alias)
        if atype is None:
            continue
        j = bisect.bisect_right(ends, m.start())
        target = None
        for f in reversed(keyed[:j]):
            if m.start() - f.head_end > 600:
                break
            if f.doc_type.lower() == atype:
                target = f
                break
        if target is None:
            continue  # an alias of an unnumbered name: its bare uses are too loose to follow
        out.append(AliasUse(a_start, a_end, target, True))
        if (alias, target.key) in followed:
            continue
        followed.add((alias, target.key))
        rx = re.compile(r"(?<![^\W_])" + r"\s+".join(map(re.escape, alias.split())) + r"(?![^\W_])", re.I)
        # titles are read later (relations); the words right after the citation are its description
        title = fold_name(text[target.end : target.end + 160])
        for u in rx.finditer(text):
            if u.start() == a_start:
                continue
            nxt = text[u.end() : u.end() + 60]
            if _followed_by_number_or_this(nxt) or u.start() in taken:
                continue
            said = fold_name(nxt)[:24]
            if u.start() < a_start and not (len(said) >= 20 and said in title):
                continue  # before the definition only where the title follows ("NGHỊ ĐỊNH QUY ĐỊNH …")
            if alias[:1].isupper() and u.group()[:1].islower():
                continue  # "nghị định" in lower case is any decree
            out.append(AliasUse(u.start(), u.end(), target, False))
    out.sort(key=lambda a: a.start)
    dedup: list[AliasUse] = []
    for a in out:
        if dedup and a.start < dedup[-1].end:
            continue
        dedup.append(a)
    return dedup


@functools.cache
def _anaphor() -> re.Pattern[str]:
    """After a bare type word: "này", or punctuation or a lower-case word (no name follows)."""
    return re.compile(rf"\s+(?:{_word_regex('this')})(?![^\W\d_])|(?=\s*[,;.)]|\s+[a-zà-ỹđ])")


@functools.cache
def _not_anaphor_next() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_word_regex('not_anaphor')})(?![^\W\d_])", re.I)


def _followed_by_number_or_this(after: str) -> bool:
    """ "Nghị định số 12/…", "Nghị định 12/…", "Nghị định này": another document, or the text itself."""
    return bool(_number_after().match(after) or re.match(r"\s*\d", after) or _anaphor_this(after))


def _anaphor_this(after: str) -> bool:
    return bool(_this_regex().match(after))


@functools.cache
def _this_regex() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_word_regex('this')})(?![^\W\d_])", re.I)


def _own_types(text: str) -> frozenset[str]:
    """The type the text gives itself: a heading line that is a type word alone, else its header as the
    identity reader sees it (dearer: read only when no heading says)."""
    from ..identity import from_text

    out = set()
    for line in _first_lines(text, 150):
        bare = line.strip(" *#|_\t")
        if bare and bare.isupper() and len(bare) < 30:
            m = type_word_regex().fullmatch(bare)
            if m:
                out.add(" ".join(bare.lower().split()))
    if not out:
        t = from_text(text).doc_type
        if t:
            out.add(" ".join(t.lower().split()))
    # a joint circular calls itself "Thông tư này" too
    out |= {o.removesuffix(" liên tịch") for o in out if o.endswith(" liên tịch")}
    return frozenset(out)


def _first_lines(text: str, n: int) -> list[str]:
    """``text.splitlines()[:n]`` without splitting the whole text: a head long enough to hold n + 1 lines
    splits the same way up to the n-th."""
    size = 16384
    while True:
        lines = text[:size].splitlines()
        if len(lines) > n or size >= len(text):
            return lines[:n]
        size *= 4


# markdown emphasis may close after the punctuation ("… số 87/2025/QH15;*\n*Căn cứ …")
_CLAUSE_END = re.compile(rf"[.!?;][*_]*(?=\s)|\n\s*\n(?=[{UPPER}]|\d)")


def _same_sentence(text: str, a: int, b: int) -> bool:
    return _CLAUSE_END.search(text, a, b) is None


_PUNCT_NEXT = re.compile(r"\s*[,;.)]")


# "kèm theo Quyết định này" right before a type word: what follows is attached to the text itself
_ATTACHED_HERE = re.compile(r"(?<![^\W\d_])kèm[\s*]+theo[\s*]+(?:[^\W\d_]+[\s*]+){1,3}này[\s*]*$", re.I)


def _anaphora(text: str, found: list[Found]) -> list[tuple[int, int, Found]]:
    """A bare capitalized type word mid-sentence ("các văn bản hướng dẫn Luật,"): the last numbered citation
    of that type shortly before."""

    own: list[frozenset[str]] = []  # computed once, only when a candidate turns up
    out = []
    keyed = [f for f in found if f.key]
    starts = [f.start for f in keyed]
    if not keyed:
        return []  # each reading points back to a numbered citation
    taken = Spans((f.start, max(f.end, f.head_end)) for f in found)
    # the cheap tests first: most capitalised type words have no numbered citation shortly before them or
    # are followed by a name
    for s, e in capital_types(text, True):
        word = text[s:e]
        if not word[:1].isupper() or word.isupper() or (s and text[s - 1].isalnum()):
            continue
        last = bisect.bisect_left(starts, s) - 1
        if last < 0 or s - starts[last] > 2 * ANAPHOR_REACH:
            continue  # only the last stretch of text is looked at for the target below
        a = _anaphor().match(text, e)
        if a is None or _not_anaphor_next().match(text, e):
            continue
        if s in taken:
            continue
        if _sentence_start(text, s) or _generic_before(text, s) or _in_list_of_kinds(text, s, e):
            continue
        if a.end() > e:
            # "Luật này", "Thông tư này": a document speaking of itself, or words quoted from one, or a page's
            # pronoun for the document it reports; careful readers list none of them (measured on 31 sets: each
            # one refgraph gave was a line no reader gave), and the document it points at is named already
            continue
        if not _PUNCT_NEXT.match(text, e, e + 3):
            toks = _tokens(text, e, min(len(text), e + 40))
            if not toks or not _stop_at(toks, 0, "law"):
                continue  # a bare type word is read as "that document" only before punctuation or a stop
        wtype = " ".join(word.lower().split())
        target = None
        k = last
        while k >= 0 and s - keyed[k].start <= 2 * ANAPHOR_REACH:  # only the last stretch of text
            if keyed[k].doc_type.lower() == wtype:
                target = keyed[k]
                break
            k -= 1
        if target is None or s - target.head_end > ANAPHOR_REACH:
            continue
        if _in_own_title(text, target.end, s):
            continue  # "Thông tư 43/2023/TT-BTC sửa đổi Thông tư có quy định …": a title never names its own document
        if _announced_here(text, s, e):
            continue  # "… ban hành Kế hoạch như sau:": the text itself
        if _ATTACHED_HERE.search(text, max(0, s - 40), s):
            continue  # "Ban hành kèm theo Quyết định này Kế hoạch triển khai …": the text's own annex
        head = _word_before_as_written(text, s)
        if head[:1].isupper() and head.lower() in words("body_head"):
            continue  # "Vụ trưởng Vụ Kế hoạch, Tài chính": a department's name
        if not own:
            own.append(_own_types(text))
        if wtype in own[0]:
            continue  # "Luật này" in a law is the law itself
        out.append((s, e, target))
    out.sort(key=lambda x: x[0])
    return [x for i, x in enumerate(out) if not i or x[0] >= out[i - 1][1]]


_KIND_BEFORE = re.compile(r"(?:,|\s+(?:và|hoặc))\s*$")
_KIND_AFTER = re.compile(r"\s*(?:,|(?:và|hoặc)(?=\s))\s*")


def _in_list_of_kinds(text: str, s: int, e: int) -> bool:
    """ "giao tại các Nghị quyết, Chỉ thị, Công điện…": a type word listed with other type words names a
    kind of document, not the last one of its type."""
    before = _KIND_BEFORE.search(text, max(0, s - 8), s)
    if before is not None:
        b = before.start()
        for k in range(max(1, b - 16), b):  # a type word (of one or two words) that ends right there
            if text[k - 1].isspace() and (m := type_word_regex().match(text, k)) is not None and m.end() == b:
                return True
    after = _KIND_AFTER.match(text, e)
    return after is not None and after.end() > e and type_word_regex().match(text, after.end()) is not None


_TITLE_RUN = re.compile(r"[^.;:!?()\n]{0,60}")


def _in_own_title(text: str, end: int, pos: int) -> bool:
    """Does ``pos`` follow a citation ending at ``end`` within its title: a few words, no clause break?"""
    run = _TITLE_RUN.match(text, end, pos)
    return run is not None and run.end() == pos and len(text[end:pos].split()) <= 6


_KEY_FIELDS = ("key", "family", "type_code", "issuer_code", "number", "year")


def _found(like: Any = None, **kw: Any) -> Found:
    """A candidate with empty fields, the key fields of ``like`` (a parsed key or the Found of the document
    an alias or anaphor stands for), then ``kw``."""
    base: dict[str, Any] = dict(
        key=None,
        family=None,
        type_code=None,
        issuer_code=None,
        number=None,
        year=None,
        date=None,
        date_text=None,
        issuer=None,
        term=None,
        title=None,
        title_start=None,
    )
    if like is not None:
        base.update({f: getattr(like, f) for f in _KEY_FIELDS})
    base.update(kw)
    return Found(**base)


def _amending_head(text: str, pos: int) -> int | None:
    """Start of the amending law whose list of amended laws runs up to ``pos``, if any."""
    last = None
    for m in _amending_regex().finditer(text, max(0, pos - AMENDING_REACH), pos):
        last = m
    if last is None or not _same_sentence(text, last.end(), pos):
        return None
    return last.start()


def _named_issuer(words: str | None) -> str | None:
    """The body after "của" in a reference by name, when it is one: "Chiến lược biển của Trung Quốc đặt mục
    tiêu …" names a country and goes on with its verb, no issuer."""
    from . import context
    from .pipeline import _clean_issuer

    name = _clean_issuer(words)
    return name if name and context.heads().match(name) else None


def _heads_of_numbered_lists(text: str, found: list[Found]) -> dict[int, int]:
    """{start of a numbered law: start of its amending title} for amending titles whose laws each give their
    own number ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số
    27/2023/QH15 …"): the numbers are the amended laws', not the amending law's, which has none."""
    head_of = {
        f.start: head
        for f in found
        if f.key and _law_kind(f.doc_type) and (head := _amending_head(text, f.start)) is not None
    }
    count = Counter(head_of.values())
    return {start: head for start, head in head_of.items() if count[head] > 1}


_ACRONYM_NAME = re.compile(r"[ \t\n*]+[A-ZĐ]{2,6}(?![^\W\d_]|[-/]?\d)")


def _in_amending_list(text: str, heads: list[int], pos: int) -> bool:
    """Whether ``pos`` is in the list of laws an amending law's title names (``heads``: where such titles
    start), the title's own start apart."""
    i = bisect.bisect_left(heads, pos) - 1
    if i < 0 or pos - heads[i] > AMENDING_REACH:
        return False
    m = _amending_regex().match(text, heads[i])
    # (an amending bill, "dự án Luật sửa đổi … của Luật X", is no reference: the law X it names stays one)
    return (
        m is not None
        and m.end() <= pos
        and _same_sentence(text, m.end(), pos)
        and not _bill_before(text, heads[i])
    )


AMENDING_REACH = 600  # characters from an amending law's head to the last law its title names


def _type_end(text: str, pos: int) -> int:
    m = named_type_regex().match(text, pos)
    return m.end() if m else pos


def _read_number(text: str, hit: NamedHit, start: int | None = None) -> Found | None:
    """ "Luật quản lý, sử dụng tài sản công 15/2017/QH14": a law by name and number without "số", which the
    numbered grammar leaves (its law names stop at a comma); the number is read with the grammar."""
    from .keys import key_for
    from .parse import parse_window

    assert hit.number_start is not None
    seg = text[hit.number_start : hit.number_start + 40]
    parsed = parse_window(f"{hit.doc_type} {seg}")
    if parsed is None or not parsed.items:
        return None
    code = parsed.items[0].code
    info = key_for(code, hit.doc_type)
    if info.key is None:
        return None
    shift = len(hit.doc_type) + 1  # "Luật " before the segment
    end = hit.number_start + code.end - shift
    start = hit.start if start is None else start
    name = hit.name
    if start != hit.start:
        m = named_type_regex().match(text, start)
        name = sentence_case(hit.doc_type, text[m.end() if m else start : hit.end])
    return _found(
        info,
        start=start,
        end=end,
        head_end=end,
        doc_type=hit.doc_type,
        flags=list(info.flags) + ["law_name"] + (["amending_law"] if start != hit.start else []),
        name=name,
    )


def add(text: str, found: list[Found]) -> list[Found]:
    """``found`` (numbered citations, in order) with the references without a number code merged in."""
    from .pipeline import _date

    new: list[Found] = []
    inner: list[NamedHit] = []
    hits = scan(text, [(f.start, f.end) for f in found])
    # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the grammar's window starts again at the
    # "luật" inside the name and reads "luật số 64/2025/QH15"; the citation starts at the name's type word
    found_starts = [f.start for f in found]
    own_numbers = _heads_of_numbered_lists(text, found) if any(h.amending for h in hits) else {}
    for f in found:
        if f.start in own_numbers:
            f.flags.append("in_amending_title")
    own_heads = set(own_numbers.values())
    for h in hits:
        if h.number_start is None or h.start in own_heads:
            continue
        lo = bisect.bisect_right(found_starts, h.start)
        hi = bisect.bisect_left(found_starts, h.number_start)
        for f in found[lo:hi]:
            if f.key and f.end > h.number_start and h.start < f.start:  # (an earlier head has it already)
                if h.amending:  # the grammar read the last law of the list: it is named in the title
                    m = named_type_regex().match(text, f.start)
                    ih = _read(text, f.start, m.end()) if m else None
                    if ih is not None:
                        inner.append(ih)
                    f.flags.append("amending_law")
                f.start = h.start
                f.flags.append("law_name")
    # "Luật Khoa học và công nghệ (Luật số 29/2013/QH13 ngày 18/6/2013)": the name, then a bracket that gives
    # only its number (and date) under the same type word, is one citation from the name on
    for h in hits:
        if h.number_start is not None or h.start in own_heads:
            continue
        j = bisect.bisect_left(found_starts, h.end)
        if j >= len(found):
            continue
        f = found[j]
        if (
            f.key
            and f.doc_type == h.doc_type
            and _INTO_BRACKET.fullmatch(text, h.end, f.start)
            and _BRACKET_AFTER.match(text, f.extent_end or f.end)
        ):
            f.start = h.start
            f.flags.append("law_name")
            if not f.name:  # the name stands before the bracket ("Luật Đất đai năm 2024 (Luật số …)")
                f.name = h.name
                f.year = f.year or h.year
    # "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B số N": the grammar reads "Luật B số N", but the
    # number is the amending law's; that citation starts at the head, and Luật B is named in its title
    for f in found:
        if f.key is None or not _law_kind(f.doc_type):
            continue
        head = _amending_head(text, f.start)
        if head is None or head in own_heads:
            continue
        m = named_type_regex().match(text, f.start)
        ih = _read(text, f.start, m.end()) if m else None
        if ih is not None:
            inner.append(ih)
            f.name = sentence_case(f.doc_type, text[_type_end(text, head) : ih.end])
        f.start = head
        f.flags.append("amending_law")
    taken = Spans((f.start, f.end) for f in found)
    for h in hits:
        if h.number_start is None or h.start in taken or (new and new[-1].start <= h.start < new[-1].end):
            continue
        head = _amending_head(text, h.start)
        if h.start in own_heads or head in own_heads:
            continue  # the number is an amended law's, read by the grammar
        got = _read_number(text, h, head)
        if got is not None:
            new.append(got)
    outer = found + new
    hits += described(text, outer)
    outer_starts = {f.start for f in outer}
    within = Spans((f.start + 1, f.end) for f in outer)
    # where amending laws' titles start: the named scan reads each ("Luật sửa đổi, bổ sung … của …")
    heads = sorted(
        {h.start for h in hits if h.amending} | {f.start for f in outer if "amending_law" in f.flags}
    )
    for h in sorted(hits + inner, key=lambda h: h.start):
        if h.start in outer_starts:
            continue  # the numbered citation itself
        inside = h.start in within
        if h.number_start is not None and not inside:
            continue  # read above, as a numbered citation
        if (
            h.number_start is None
            and not _law_kind(h.doc_type)
            and not text[h.start : (te := _type_end(text, h.start))].isupper()
            and _ACRONYM_NAME.match(text, te)
        ):
            # "Chương trình MTQG", "Chương trình MTQG trên địa bàn": a kind of programme by its abbreviation (there
            # are several national target programmes), not the title of one
            continue
        if _in_amending_list(text, heads, h.start):
            # "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư …": the laws without a number
            # in an amending law's title are its title's words, not references of the citing text
            continue
        date, date_text, date_flags = _date(h.date)
        new.append(
            _found(
                None,
                start=h.start,
                end=h.end,
                head_end=h.head_end,
                doc_type=h.doc_type,
                year=h.year,
                date=date,
                date_text=date_text,
                issuer=_named_issuer(h.issuer),
                flags=["named"] + date_flags,
                name=h.name,
            )
        )
    for f in found + new:  # the name a numbered law citation gives, for references by name elsewhere
        if f.key and not f.name and _law_kind(f.doc_type):
            nm = _numbered_name(text, f)
            if nm and len(nm.split()) <= MAX_LAW_WORDS * 3:
                f.name = sentence_case(f.doc_type, nm)
    seen: set[int] = set()
    kept: list[Found] = []
    for f in new:  # a named reference read twice (from the scan and from a list) is kept once
        if "named" in f.flags:
            if f.start in seen:
                continue
            seen.add(f.start)
        kept.append(f)
    new = kept
    merged = sorted(found + new, key=lambda f: f.start)
    extra: list[Found] = []
    for a in aliases(text, merged):
        t = a.target
        extra.append(
            _found(
                t,
                start=a.start,
                end=a.end,
                head_end=a.end,
                doc_type=t.doc_type,
                flags=["named", "alias"] + (["alias_definition"] if a.definition else []),
                alias_definition=a.definition,
                name=t.name,
            )
        )
    if extra:
        merged = sorted(merged + extra, key=lambda f: f.start)
    for s, e, t in _anaphora(text, merged):
        extra.append(
            _found(
                t,
                start=s,
                end=e,
                head_end=e,
                doc_type=t.doc_type,
                flags=["named", "anaphor"],
                name=t.name,
            )
        )
    merged = sorted({id(f): f for f in merged + extra}.values(), key=lambda f: f.start)
    _resolve_in_text(text, merged)
    return merged


def settle(found: list[Found]) -> None:
    """After relations: an alias definition takes the relation of the citation it names."""
    last: dict[str, Found] = {}  # the last numbered citation of each key, as the text goes
    for f in found:
        if "named" not in f.flags and f.key:
            last[f.key] = f
        elif "alias_definition" in f.flags and f.key in last:
            t = last[f.key]
            f.relation, f.subject = t.relation, t.subject


# ---- in-text resolution --------------------------------------------------------------------------
@functools.lru_cache(maxsize=1024)
def _law_kind(doc_type: str) -> bool:
    return named_types().get(doc_type.lower(), ("",))[0] == "law"


@functools.lru_cache(maxsize=65536)
def _name_fold(name: str, doc_type: str) -> str:
    """How a name compares, without its type word: kept by its text (each reference's name is compared
    several times, and a corpus repeats its names)."""
    return fold_name(_strip_type(name, doc_type))


def _numbered_name(text: str, f: Found) -> str:
    """The name a numbered law citation gives: "Luật Lưu trữ số 33/2024/QH15" -> "Lưu trữ"."""
    if f.name:
        return _strip_type(f.name or "", f.doc_type)
    seg = text[f.start : f.end]
    m = named_type_regex().match(seg)
    if m is None:
        return ""
    seg = seg[m.end() :]
    so = _terminal("SO")
    seg = re.sub(rf"[\s,]*(?:{so})?\s*\d[\w/\-.]*\s*$", "", seg, flags=re.I)
    return collapse_spaces(seg)


_TITLE_BREAK = re.compile(r"[;.!?\n(]")
TITLE_VERB_REACH = 45  # characters: a number's date ("ngày 14 tháng 6 năm 2019") and little more
# "sửa đổi, bổ sung một số điều của", "quy định chi tiết", "hướng dẫn thi hành": a title that acts on
# another law names that law
_TITLE_ACT = re.compile(
    r"(?<![^\W\d_])(?:sửa\s+đổi|bổ\s+sung|quy\s+định\s+chi\s+tiết|hướng\s+dẫn|thi\s+hành)", re.I
)


def _in_title_of(text: str, found: list[Found], f: Found, key: str) -> bool:
    """f follows a citation of ``key`` in the same clause, after a verb that acts on another law: it is
    named in that citation's title ("Luật số 43/2019/QH14 sửa đổi … của Luật Giáo dục"), not that law."""
    before = [g for g in found if g.key == key and "named" not in g.flags and g.end <= f.start]
    if not before or _TITLE_BREAK.search(text, before[-1].end, f.start) is not None:
        return False
    # the verb opens the title: right after the number (and its date), not somewhere later in the sentence
    act = _TITLE_ACT.search(text, before[-1].end, f.start)
    return act is not None and act.start() - before[-1].end <= TITLE_VERB_REACH


def _current_law(cands: set[tuple[str, int | None]], first: str | None) -> str | None:
    """Of several numbered laws of one name, the newest by year, when the text names it first too."""
    if first is None or any(y is None for _k, y in cands):
        return None
    newest = max(y for _k, y in cands if y is not None)
    keys = [k for k, y in cands if y == newest]
    return first if keys == [first] else None


def _keyed_by_bracket(text: str, found: list[Found]) -> None:
    """ "Nghị quyết của Bộ Chính trị về đột phá … (Nghị quyết số 71-NQ/TW)": the number in brackets right after
    a described document is its own (a law's name and its bracket were made one citation in ``add``)."""
    by_start = {g.start: g for g in found if g.key}
    for f in found:
        if f.key is not None or "named" not in f.flags:
            continue
        m = _INTO_BRACKET.match(text, f.end)
        g = by_start.get(m.end()) if m is not None else None
        if g is not None and g.doc_type == f.doc_type:
            f.key = g.key
            f.flags.append("resolved_in_text")


def _by_initials(by_name: dict[str, set[tuple[str, int | None]]]) -> dict[str, set[tuple[str, int | None]]]:
    """Each folded name with a run of two or more of its words written as their initials ("thue gia tri gia
    tang" -> "thue gtgt", "thue gt gia tang", …)."""
    out: dict[str, set[tuple[str, int | None]]] = {}
    for nm, keys in by_name.items():
        w = nm.split()
        for i in range(len(w)):
            for j in range(i + 2, min(len(w), i + 6) + 1):
                short = " ".join([*w[:i], "".join(x[0] for x in w[i:j]), *w[j:]])
                out.setdefault(short, set()).update(keys)
    return out


def _resolve_in_text(text: str, found: list[Found]) -> None:
    _keyed_by_bracket(text, found)
    by_name: dict[str, set[tuple[str, int | None]]] = {}
    first_by_name: dict[str, str] = {}  # the key a name is first written with, in text order
    nameless: dict[int, set[str]] = {}
    for f in found:
        if f.key is None or "named" in f.flags or not _law_kind(f.doc_type):
            continue
        nm = fold_name(_numbered_name(text, f))
        if nm:
            by_name.setdefault(nm, set()).add((f.key, f.year))
            first_by_name.setdefault(nm, f.key)
        elif f.year:
            nameless.setdefault(f.year, set()).add(f.key)
    named = [f for f in found if f.key is None and "named" in f.flags and f.name and _law_kind(f.doc_type)]
    settled: dict[str, str] = {}
    shortened: dict[str, set[tuple[str, int | None]]] | None = None
    for f in named:
        nm = _name_fold(f.name or "", f.doc_type)
        y = year_of(f)
        if nm not in by_name and by_name and _ABBREVIATION.search(f.name or ""):
            # "Luật Thuế GTGT" after "Luật Thuế giá trị gia tăng số 48/2024/QH15": words by their initials
            if shortened is None:
                shortened = _by_initials(by_name)
            nm_cands = shortened.get(nm, set())
        else:
            nm_cands = by_name.get(nm, set())
        cands = {(k, ky) for k, ky in nm_cands if y is None or ky is None or ky == y}
        keys = {k for k, _ky in cands}
        if len(keys) > 1 and y is None and (current := _current_law(cands, first_by_name.get(nm))):
            # "Luật Tổ chức Tòa án nhân dân số 34/2024/QH15" in the basis, "… số 62/2014/QH13" in a transitional
            # article: the bare name is the law in force, the newest, when it is also the one named first
            keys = {current}
            f.flags.append("newest_of_its_name")
        if len(keys) == 1:
            f.key = keys.pop()
            f.flags.append("resolved_in_text")
            settled.setdefault(nm, f.key)
        elif len(keys) > 1:
            f.flags.append("ambiguous_name")
    # "Luật Việc làm năm 2025" and "Luật số 74/2025/QH15": the one law of that year by name alone and the
    # one by number alone
    open_by_year: dict[int, set[str]] = {}
    for f in named:
        y = year_of(f)
        if f.key is None and y:
            open_by_year.setdefault(y, set()).add(_name_fold(f.name or "", f.doc_type))
    named_keys = {k for ks in by_name.values() for k, _y in ks}
    for f in named:
        y = year_of(f)
        if f.key is not None or not y:
            continue
        keys = nameless.get(y, set()) - named_keys
        if len(keys) == 1 and _in_title_of(text, found, f, next(iter(keys))):
            keys = set()  # "Luật số 43/2019/QH14 sửa đổi … của Luật Giáo dục": named in its title, not it
        if len(keys) == 1 and len(open_by_year.get(y, ())) == 1:
            f.key = next(iter(keys))
            f.flags.append("resolved_in_text")
            settled.setdefault(_name_fold(f.name or "", f.doc_type), f.key)
    for f in named:
        if f.key is None and year_of(f) is None:
            k = settled.get(_name_fold(f.name or "", f.doc_type))
            if k:
                f.key = k
                f.flags.append("resolved_in_text")
    for f in found:
        if f.key is None and "named" in f.flags:
            f.flags.append("unresolved_name")


# ---- across the corpus (used by refgraph.resolve) ---------------------------------------------------
_KEY_YEAR = re.compile(r"^\d+/(\d{4})/")


class NameIndex:
    """Names of numbered documents, for references by name alone: the catalog's titles (with their
    dates) and the corpus's own numbered citations that give a name ("Luật Lưu trữ số 33/2024/QH15")."""

    def __init__(self, catalog, files) -> None:
        self.by_name: dict[tuple[str, str], list[tuple[str, dt.date | None, Any]]] = {}
        # a title that is itself a named document: 51-NQ/TW is "Chiến lược bảo vệ an ninh quốc gia"
        self.by_title: dict[str, list[tuple[str, dt.date | None, Any]]] = {}
        for e in catalog:
            if e.doc_type and e.title:
                k = (e.doc_type.lower(), fold_name(_strip_type(e.title, e.doc_type)))
                self.by_name.setdefault(k, []).append((e.key, e.date, e))
                self.by_title.setdefault(fold_name(e.title), []).append((e.key, e.date, e))
        for f in files:
            for m in f.mentions:
                if not m.key or not m.name or "named" in m.flags:
                    continue
                k = (m.doc_type.lower(), _name_fold(m.name, m.doc_type))
                known = self.by_name.setdefault(k, [])
                if all(x[0] != m.key for x in known):
                    known.append((m.key, m.date, None))

    def lookup(self, m) -> list[tuple[str, dt.date | None, Any]]:
        """(key, date, catalog entry or None) of every document ``m`` may name, its date or year agreeing."""
        cands = self.by_name.get((m.doc_type.lower(), _name_fold(m.name, m.doc_type)), [])
        if not cands:
            cands = self.by_title.get(fold_name(m.name), [])
        if m.date is not None:
            exact = [c for c in cands if c[1] == m.date]
            if exact:
                return exact
        year = m.date.year if m.date else m.year
        if year:
            return [c for c in cands if year_of_key(c[0], c[1]) in (year, None)]
        return list(cands)


def year_of_key(key: str, date) -> int | None:
    y = _KEY_YEAR.match(key)
    if y:
        return int(y.group(1))
    return date.year if date else None
