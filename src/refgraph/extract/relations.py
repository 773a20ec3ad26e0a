"""Reading the prose around citations: where titles end, which phrase governs each citation, and which
citation sits inside another's title.

- A relation phrase ("tiếp tục thực hiện", "căn cứ", "sửa đổi, bổ sung" …) governs the citations that
  follow it up to the end of the sentence, distributing over a list ("thực hiện Nghị quyết A, Chỉ thị B;
  Kết luận C"). The nearest phrase before a citation wins.
- A citation whose title ends in a relation phrase governs the next citation ("Kết luận số 15-KL/TW …
  về tiếp tục đẩy mạnh thực hiện Chỉ thị số 46-CT/TW"): that one is nested, its ``subject`` is the
  outer key, and the outer title runs on through it.
- A sentence that opens with a bare type word ("Kế hoạch do … ký, … thực hiện Kết luận số 15-KL/TW")
  speaks of the last document of that type cited before it; its citations take that one as subject.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import vocab
from ..text import (
    LOWER,
    PLACE_ABBR_ALTS,
    QUOTE_REACH,
    UPPER,
    lowered,
    matches_at,
    open_quote,
    open_quote_nested,
    plain_positions,
)
from .model import Found, document_part, year_of
from .scan import HEADING_BACK, _terminal, plural_heading_before, type_word_regex

TITLE_LIMIT = 400
# A title with a citation nested in it runs on through that citation, which may itself nest the next:
# on one unpunctuated line of chained citations every title would run to the end of the line (a
# quadratic total). No real title is longer than this, nesting included.
NESTED_TITLE_LIMIT = 600
NEAR = 24  # characters: how close a "near" phrase must stand to the citation it governs
_GLUE = re.compile(r"^[\s,;:.…()\-–*]*(?:(?:và|các|cùng|với|hoặc)[\s,;:.…()\-–*]*)*$")


@functools.cache
def _phrase_regex(ignore_case: bool = True) -> re.Pattern[str] | None:
    """The relation phrases. Without re.I: for lower-cased text (see ``phrases``), or None when a phrase
    is not written in lower case."""
    # markdown emphasis may split a phrase ("Ban hành kèm **theo")
    return _words_regex([p for p, *_ in vocab.relation_phrases()], r"[\s*]+", ignore_case)


def _words_regex(words, gap: str, ignore_case: bool) -> re.Pattern[str] | None:
    """Whole-word alternatives of ``words`` (their spaces matched by ``gap``). Without re.I: for lower-cased
    text, or None when a word is not written in lower case. There the word-start check comes after each
    alternative's first letter (it looks back over that letter): with a literal first, the engine skips
    ahead to the letters an alternative can start with; grouped by that letter, in their order, only the
    letter's own group is tried there (the others cannot match, so which one matches first is unchanged)."""
    # (emphasis may close before a comma too: "được sửa đổi*, *bổ sung bởi")
    alts = [re.escape(w).replace(r"\ ", gap).replace(",", r"\**,") for w in words]
    if ignore_case:
        return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(alts)})(?![^\W\d_])", re.I)
    if any(w != w.lower() or not w[:1].isalpha() for w in words):
        return None
    return re.compile(_by_first_letter(alts) + r"(?![^\W\d_])")


def _by_first_letter(alts: list[str]) -> str:
    """The alternatives (each opening with a letter) grouped by that letter, in their order, each group
    with the word-start check after its letter."""
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0], []).append(a[1:])
    return (
        "(?:" + "|".join(c + r"(?<![^\W\d_].)(?:" + "|".join(rest) + ")" for c, rest in groups.items()) + ")"
    )


class _Hit:
    """A phrase found on the lower-cased text, its words read from the text itself."""

    __slots__ = ("_group", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        # the words are read once: every hit's are asked for, most several times
        self._group, self._start, self._end = text[start:end], start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._group


def phrases(text: str, lo: int, hi: int) -> Iterator[re.Match[str] | _Hit]:
    """What ``_phrase_regex().finditer(text, lo, hi)`` finds: on the lower-cased text without re.I when
    that finds the same (text.lowered), several times faster."""
    low = lowered(text)
    rx = _phrase_regex(False)
    if low is None or rx is None:
        for hit in _phrase_regex().finditer(text, lo, hi):  # type: ignore[union-attr]
            if not _in_a_name(text, hit.start()):
                yield hit
        return
    for m in rx.finditer(low, lo, hi):
        if not _in_a_name(text, m.start()):
            yield _Hit(text, *m.span())


# a body's first word right before a capitalised phrase makes the phrase part of its name ("Cục Thi hành án
# dân sự", "Ban Thực hiện …"), not a verb of the sentence
_NAME_HEAD_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:Cục|Tổng cục|Chi cục|Ban|Sở|Vụ|Viện|Trung tâm|Hội đồng)[ \t]+$"
)


def _in_a_name(text: str, start: int) -> bool:
    return text[start].isupper() and _NAME_HEAD_BEFORE.search(text, max(0, start - 12), start) is not None


@functools.cache
def _phrase_info() -> dict[str, tuple[str, str, str]]:
    return {p: (r, reach, voice) for p, r, reach, voice in vocab.relation_phrases()}


# the phrases of the stretch last read: a nested citation's outer title is read for a located thing and
# then for its verb, the same stretch twice
_LAST_HITS: list[tuple] = [(None, -1, -1, [])]  # (text, lo, hi, hits), replaced whole


def _phrase_hits(text: str, lo: int, hi: int) -> list:
    """``list(phrases(text, lo, hi))``, remembered for the stretch last asked (not to be changed)."""
    last = _LAST_HITS[0]
    if last[0] is text and last[1] == lo and last[2] == hi:
        return last[3]
    hits = list(phrases(text, lo, hi))
    _LAST_HITS[0] = (text, lo, hi, hits)
    return hits


@functools.lru_cache(maxsize=4096)
def _phrase_of(found: str) -> tuple[str | None, str | None, str | None]:
    """The (relation, reach, voice) of a phrase as found in the text (any case, emphasis, spacing)."""
    return _phrase_info().get(" ".join(found.replace("*", " ").lower().split()), (None, None, None))


@functools.cache
def _connective_regex(ignore_case: bool = True) -> re.Pattern[str] | None:
    """Without re.I: for lower-cased text (as _phrase_regex), or None when a connective is not written
    in lower case."""
    return _words_regex(vocab.connectives(), r"\s+", ignore_case)


def _last_connective(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last connective in text[lo:hi] (its offsets; on the lower-cased text when that finds the same)."""
    low, rx = lowered(text), _connective_regex(False)
    if low is None or rx is None:
        low, rx = text, _connective_regex()
    assert rx is not None  # the case-insensitive form always exists
    last = None
    found = rx.finditer(low, lo, hi)
    for m in found:
        last = m
    return last


# "TP. Hà Nội", "Tx. Sơn Tây": the dot of an abbreviated city or town ends no sentence (asked after the dot is read)
NOT_PLACE_ABBR = rf"(?<!(?<![^\W\d_])(?:{PLACE_ABBR_ALTS})\.)"
# A sentence ends at . ! ? … followed by a capital or a digit, or by a line break; a numbered item
# ("3.1.", "4.") on a new line starts one, and so does a paragraph (a blank line) that opens with a
# capital, a digit or a bracket. A line break inside a sentence (a page break before a lower-case word,
# "Nghị\n\nquyết") does not, nor does a colon or semicolon before a line break ("… như sau:\n- Nghị
# quyết A;\n- Chỉ thị B"). One leading character class lets the regex engine skip ahead quickly.
_BOUNDARY = re.compile(
    rf"[.!?…\n]{NOT_PLACE_ABBR}(?:(?<=[.!?…])[.!?…]*(?:[\"”)])?\**(?:[ \t]*\n|\s+(?=\**[{UPPER}]|\d))"
    r"|(?<=\n)\s*(?=\d+(?:\.\d+)*\.\s)"
    rf"|(?<=\n)[ \t]*\n\s*(?=[{UPPER}]|\d|\(|[a-zđ]\)\s)"
    # a table cell: the exported tables put each "|" on a line of its own
    r"|(?<=\n)[ \t]*\|[ \t]*(?=\n)"
    # a markdown heading ("## Văn bản liên quan") is a block of its own
    r"|(?<=\n)(?=#{1,6}[ \t]))"
)
# A title ends at a semicolon, a sentence end, a blank line, a new list item, a markdown heading or a colon
# that ends its line ("… về quản lý thuế, Cục Thuế có ý kiến như sau:"); a hard-wrapped line
# ("… của Chính phủ thực\nhiện Nghị quyết …") does not end it, nor does a semicolon the title goes on after
# in lower case on its line ("… quy định về phương pháp tính giá cơ sở; cơ chế hình thành … theo quy định
# tại Nghị định X": official titles hold semicolons, a list's next item opens with a capital or "số"), or in
# capitals in a heading ("… PHÊ DUYỆT KHUNG GIÁ PHÁT ĐIỆN; QUY ĐỊNH HỒ SƠ …")
_TITLE_SEMICOLON = re.compile(
    rf";(?![ \t]+(?!(?:và[ \t]+)?số[\s*]*\d)[{LOWER}]|[ \t\n]+[{UPPER}]+[ \t\n]+[{UPPER}]+[ \t\n,])"
)
# (a bold run closing its line ends a heading's title: "**… ban hành Công điện 96/CĐ-BXD về việc …**⏎Triển khai …")
_TITLE_STOP = re.compile(
    rf"\n[ \t]*\n|\n(?=[ \t*]*(?:[-+•|]|\d+[.)]\s)|#{{1,6}}[ \t])|[.!?…]{NOT_PLACE_ABBR}(?=\**(?:\s|$)|\*{{2,}}[^\W\d_])"
    r"|:(?=[ \t*]*\n)|(?<=[^\W\d_])\*\*[ \t]*(?=\n)"
)


# A boundary is made of punctuation, quotes, bars and white space only: it never holds a letter or a digit.
# So the scan of the whole text, cut just after any letter or digit, goes on from there as a scan started
# there would (no boundary runs over the cut). The text is read in blocks cut that way, each block only
# when a question falls in it: most of a text lies far from any citation.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_NOT_NUMBERING = re.compile(r"[^\d.]")
SENTENCE_BLOCK = 256


class _Sentences:
    """Sentence boundaries of one text (the ends of ``_BOUNDARY.finditer(text)``), read block by block
    as questions need them and looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cuts: dict[int, int] = {0: 0}  # block -> where it starts (just after a letter or digit)
        self.blocks: dict[int, list[int]] = {}  # block -> the boundary ends in it, in order
        self.last_upto: dict[int, int | None] = {}  # block -> the last boundary end in it or before
        self._asked, self._answer = -1, 0

    def _cut(self, k: int) -> int:
        at = self.cuts.get(k)
        if at is None:
            m = _LETTER_OR_DIGIT.search(self.text, k * SENTENCE_BLOCK)
            # past the end when no letter follows: the block before runs to the end of the text
            at = self.cuts[k] = m.end() if m is not None else len(self.text) + 1
        return at

    def _block(self, k: int) -> list[int]:
        ends = self.blocks.get(k)
        if ends is None:
            stop = self._cut(k + 1)
            ends = []
            # a boundary that starts in the block ends in it (it holds no letter, the block's last
            # character is one). What decides it lies before the next character that is neither a digit
            # nor a dot, and one more (the look-ahead for a numbered item, "1.2. "): the scan stops there,
            # so a stretch with no boundary is not read to its end once per block.
            q = _NOT_NUMBERING.search(self.text, min(stop, len(self.text)))
            limit = q.end() + 1 if q is not None else len(self.text)
            for m in _BOUNDARY.finditer(self.text, self._cut(k), limit):
                if m.start() >= stop:
                    break
                ends.append(m.end())
            self.blocks[k] = ends
        return ends

    def _block_of(self, pos: int) -> int:
        k = pos // SENTENCE_BLOCK
        while k > 0 and self._cut(k) > pos:
            k -= 1
        return k

    def last_in(self, lo: int, hi: int) -> int | None:
        """The last boundary b with lo <= b <= hi, or None."""
        if hi < lo:
            return None
        k = self._block_of(hi)
        while True:
            ends = self._block(k)
            i = bisect.bisect_right(ends, hi) - 1
            if i >= 0:
                return ends[i] if ends[i] >= lo else None
            if k == 0 or self._cut(k) <= lo:
                return None  # every boundary of an earlier block ends before its block's cut
            k -= 1

    def start_of(self, pos: int) -> int:
        if pos == self._asked:  # a citation's sentence start is asked for several times running
            return self._answer
        self._asked, self._answer = pos, self._start_of(pos)
        return self._answer

    def _start_of(self, pos: int) -> int:
        k = self._block_of(pos)
        ends = self._block(k)
        i = bisect.bisect_right(ends, pos) - 1
        if i >= 0:
            return ends[i]
        b = self._last_upto(k - 1) if k else None
        return b if b is not None else 0

    def _last_upto(self, k: int) -> int | None:
        # blocks with no boundary are passed over once: the answer is remembered for every block walked
        walked = []
        found: int | None = None
        while k >= 0:
            if k in self.last_upto:
                found = self.last_upto[k]
                break
            ends = self._block(k)
            if ends:
                found = ends[-1]
                self.last_upto[k] = found
                break
            walked.append(k)
            k -= 1
        for j in walked:
            self.last_upto[j] = found
        return found


# "của Chính phủ", "khoản 2 Điều 8 của", "Phụ lục II": words between a phrase and its citation that do
# not make the phrase any farther ("theo quy định tại khoản 2 Điều 8 của Nghị định …")
# after a locating phrase, only a provision's pinpoint before the document ("tại khoản 2 Điều 24 Nghị định …")
_PROVISIONS_ONLY = re.compile(
    r"[\s*]*(?:(?:điểm|khoản|điều|chương|mục)[\s*]+[\w.]+[\s,*]*(?:(?:của|và)[\s*]+)?)+$", re.I
)
_PINPOINT = re.compile(
    r"(?:\s|,|và|của|tại|các|\*)*(?:(?:điểm|khoản|điều|mục|chương|phụ\s+lục|mẫu(?:\s+số)?)\s+[\w.]+[\s,]*)*"
    r"(?:\s|,|và|của|tại|\*)*$",
    re.I,
)


@functools.cache
def _self_regex(ignore_case: bool = True) -> re.Pattern[str]:
    # "Quyết định này", "Kế hoạch này": the document speaking of itself
    return re.compile(
        rf"(?:{type_word_regex().pattern}|văn\s+bản)\s+này(?![^\W\d_])", re.I if ignore_case else 0
    )


def _search_lowered(text: str, rx: re.Pattern[str], rx_lower: re.Pattern[str], lo: int, hi: int) -> bool:
    """Whether the case-insensitive ``rx`` finds something in text[lo:hi]; asked of the lower-cased text
    with ``rx_lower`` (the same lower-case pattern without re.I, several times faster) when that finds
    the same (text.lowered)."""
    low = lowered(text)
    if low is None:
        return rx.search(text, lo, hi) is not None
    return rx_lower.search(low, lo, hi) is not None


def _absent(text: str, word: str, lo: int, hi: int) -> bool:
    """``word`` (lower case) is in text[lo:hi] in no case: a plain substring search of the lower-cased
    text (text.lowered), asked before a case-insensitive pattern that needs the word; False when the
    text has no lower-cased form with the same offsets (the pattern decides)."""
    low = lowered(text)
    return low is not None and low.find(word, lo, hi) == -1


DESCRIBED_REACH = 200  # characters: a described document's issuer and "về" before the title's verb


@functools.cache
def _described_regex() -> re.Pattern[str]:
    """A document described without a number, its title opening right at the end of the stretch searched."""
    return re.compile(_described_pattern() + r"[\s*]*$", re.I)


@functools.cache
def _described_opening() -> re.Pattern[str]:
    """The same description anywhere in the stretch."""
    return re.compile(_described_pattern(), re.I)


@functools.cache
def _described_pattern() -> str:
    # "Kế hoạch của Ủy ban nhân dân tỉnh Đồng Tháp về": a type word, an optional "của <body>", the title
    # intro (grammar terminals, written once); a kind may follow the type word ("Kế hoạch hành động của Ban
    # Thường vụ Thành ủy về triển khai …")
    issuer, _ = _terminal("ISSUER_INTRO")
    intro, _ = _terminal("TITLE_INTRO")
    return (
        rf"(?<![^\W\d_])(?:{type_word_regex().pattern})(?:[\s*]+{_plan_kinds()})?"
        rf"(?:{issuer}(?:[\s*]+[^\W\d_]+){{1,12}}?)?{intro}"
    )


def _plan_kinds() -> str:
    """The kind a plan or programme may name after its type word (named_words.tsv, role plan_kind)."""
    kinds = sorted(vocab.named_words("plan_kind"), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kinds) + r")(?![^\W\d_])"


def _described_before(text: str, lo: int, hi: int) -> bool:
    """A document described without a number ends right before hi, its type word capitalised in the middle
    of a sentence (a list item after ";", not the sentence's own opening words)."""
    if _absent(text, "về", lo, hi) and _absent(text, "v/v", lo, hi):
        return False  # no title intro, which the pattern ends with
    m = _described_regex().search(text, lo, hi)
    if m is None or not text[m.start()].isupper() or text[m.start() : m.start() + 2].isupper():
        return False
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t*")
    return bool(before) and (before[-1] in ",;" or before[-1].isalpha())


@functools.cache
def _bare_type_before() -> re.Pattern[str]:
    # the document's own type word with no number right before the act: its heading ("NGHỊ QUYẾT\nSỬA ĐỔI,
    # BỔ SUNG …") or its enacting words ("Hội đồng nhân dân ban hành Nghị quyết sửa đổi …"); another type
    # ("… ban hành mới Quyết định thay thế …" in a plan) is a document still to come
    # ("… ban hành Nghị quyết về việc sửa đổi …": the title's intro may stand between)
    return re.compile(rf"(?<![^\W\d_])({type_word_regex().pattern})[\s*]*(?:về(?:[\s*]+việc)?[\s*]+)?$", re.I)


# the document's own article over its effect clause ("**Điều 4. Hiệu lực …**"); a news item that reports
# "Nghị định có hiệu lực từ ngày ký, thay thế …" speaks of the decree it reports
_ARTICLE_BEFORE = re.compile(r"(?:^|\n)[ \t*#]*Điều[ \t*]+\d+[ \t*]*[.:]", re.I)
ARTICLE_BACK = 400


@functools.cache
def _own_effect() -> re.Pattern[str]:
    """A sentence that opens with the bare type word taking effect: the document's own effect clause ("1.
    Quyết định có hiệu lực kể từ ngày ký ban hành, đồng thời thay thế …")."""
    return re.compile(
        rf"[\s*#|\-–+•]*(?:\d+[.)][\s*]*)?(?:{_terminal('TYPE_WORD')[0]})[\s*]+(?:này[\s*]+)?có[\s*]+hiệu[\s*]+lực",
        re.I,
    )


def _draft_before(text: str, lo: int, hi: int) -> bool:
    b = _bare_type_before().search(text, lo, hi)
    if b is not None and _DRAFT.search(text, max(0, b.start() - 16), b.start()) is not None:
        return True
    return _draft_this().search(text, lo, hi) is not None


@functools.cache
def _draft_this() -> re.Pattern[str]:
    """ "tại dự thảo Luật này sẽ sửa đổi, bổ sung …": "này" points at the draft just named, whose act it is."""
    return re.compile(
        rf"(?<![^\W\d_])dự[\s*]+thảo[\s*]+(?:{_any_type()})[\s*]+này(?:[\s*]+(?:sẽ|sẽ\s+được))?[\s*]*$", re.I
    )


@functools.cache
def _any_type() -> str:
    """A document's type word or a law's ("Luật", "Hiến pháp", "Kế hoạch" …), as a pattern."""
    from .named import named_type_regex  # (named reads relations' tables: imported when first asked)

    return f"(?:{_terminal('TYPE_WORD')[0]})|(?:{named_type_regex().pattern})"


_DRAFT = re.compile(r"(?<![^\W\d_])dự[\s*]+thảo[\s*]*$", re.I)


def _own_enacted(text: str, own_type: str | None, sentence: int, pos: int) -> bool:
    """The act at pos follows the document's own type word, enacted ("… ban hành Nghị quyết về việc sửa
    đổi …") or in its heading: the document's own act."""
    if own_type is None:
        return False
    b = _bare_type_before().search(text, max(sentence, pos - 40), pos)
    return (
        b is not None
        and " ".join(b.group(1).replace("*", " ").lower().split()) == own_type
        and _ENACTS.search(text, max(0, b.start() - 24), b.start()) is not None
    )


# what stands before the bare type word when it is the document's own: its enacting words or a line start
# (its heading); "… và Nghị định quy định chi tiết Luật X" in running text is another decree, and so is a
# table cell ("| Nghị quyết sửa đổi … Nghị quyết số X |" in a programme of documents to be made)
_ENACTS = re.compile(r"(?:(?<![^\W\d_])ban\s+hành|\n|\A)[\s*#]*$", re.I)
# a part of a document ("Mẫu số 02", "Phụ lục III", "Điều 5", "một số nội dung"): what a replacement names
# before the document when it replaces only that part
_PART_OF = re.compile(
    r"(?<![^\W\d_])(?:mẫu|biểu\s+mẫu|phụ\s+lục|điều|khoản|điểm|mục|chương|nội\s+dung|cụm\s+từ|danh\s+mục)"
    r"(?![^\W\d_])",
    re.I,
)
_OWN_CODE = re.compile(r"^\d+[A-Z]?-([A-Za-zĐđ]+)/|/([A-Za-zĐđ]+)-[^/]*$")


def own_type(own: str | None) -> str | None:
    """The type word (lower case) of the document whose key is ``own``: "34/2025/NQ-HĐND" -> "nghị quyết"."""
    m = _OWN_CODE.search(own or "")
    name = vocab.code_name(m.group(1) or m.group(2)) if m else None
    return " ".join(name.lower().split()) if name else None


CONSOLIDATED = "văn bản hợp nhất"  # the type of a consolidated text (VBHN), as own_type gives it
HEADING_TYPE_REACH = 3000  # how far into a text its type heading ("**THÔNG TƯ**") is looked for


@functools.cache
def _type_heading() -> re.Pattern[str]:
    # a line that is only a type word in capitals, emphasis allowed: the document's own heading
    return re.compile(rf"^[ \t*#|]*({type_word_regex().pattern})[ \t*|]*$", re.I | re.M)


TITLE_BLOCK_REACH = 400  # characters from the type heading to a citation in the title under it
_TITLE_BLOCK_STOPS = re.compile(r"[.;:!?]")


def _own_heading_before(text: str, pos: int) -> int | None:
    """Where the document's own type heading starts, when pos is in the title in capitals under it (the
    caller checks that the citation is in capitals too)."""
    if pos > HEADING_TYPE_REACH + TITLE_BLOCK_REACH:
        return None
    for m in _type_heading().finditer(text, max(0, pos - TITLE_BLOCK_REACH), pos):
        if not m.group(1).isupper():
            continue
        stretch = text[m.end() : pos]
        if (
            "\n" in stretch
            and not _TITLE_BLOCK_STOPS.search(stretch)
            and not any(c.islower() for c in stretch)
        ):
            return m.start(1)
    return None


def heading_type(text: str) -> str | None:
    """The type word (lower case) of the document's own heading, for a document whose number is unknown."""
    for m in _type_heading().finditer(text, 0, min(len(text), HEADING_TYPE_REACH)):
        if m.group(1).isupper():
            return " ".join(m.group(1).lower().split())
    return None


_BLANK_LINE = re.compile(r"\n[ \t*]*\n")
_TITLE_INTRO_ONLY = re.compile(r"^[\s*#|]*về(?:[\s*]+việc)?[\s*]*$", re.I)
_OPENING = re.compile(
    r"^[\s*#|\-–+•]*(?:(?:điều\s+\d+|chương\s+[ivxlc\d]+|\d+(?:\.\d+)*|[a-zđ]|[ivx]+)[.)]?[\s*]*)?$", re.I
)


# "… hết hiệu lực kể từ ngày Quyết định này có hiệu lực": the act dates from the document itself, so it
# is the document's own act although the self-reference follows the phrase
# "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 12 năm 2025.⏎Quyết định số X … hết hiệu lực thi
# hành.": the article that gives this document's own effect ends X with it
_SENTENCE_ENDS = re.compile(r"[\s*]*[.;]")
_OWN_EFFECT = re.compile(r"(?<![^\W\d_])này[\s*]+có[\s*]+hiệu[\s*]+lực(?![^\W\d_])", re.I)
OWN_EFFECT_REACH = 200  # characters back from the citation to the document's own effect clause
# ("… hết hiệu lực từ khi Nghị quyết này có hiệu lực thi hành": "khi" as well as "ngày")
_SELF_TIME = re.compile(
    r"[\s*]*(?:kể\s+)?(?:từ\s+)?(?:ngày|thời\s+điểm|khi)\s+(?:[^\W\d_]+\s+){1,3}này(?![^\W\d_])", re.I
)


# "thực hiện [các] nhiệm vụ, trách nhiệm [của cơ quan quản lý] được quy định tại …": the act's object is
# what the document provides (whose duties they are does not change that)
_SIBLING_PROVISION = re.compile(
    r"(?:[\s*,]*ngày[\s*]*\d{1,2}[\s*]*[/.-][\s*]*\d{1,2}[\s*]*[/.-][\s*]*\d{4})?"
    r"[\s*,]*(?:và|,)[\s*]+(?:(?:Điều|khoản|điểm|Chương|Mục|Phần)[\s*]+[\w.]+[\s*,]*)+(?:của[\s*]+)?$",
)
# "theo các quy định tại …", "thực hiện đúng các quy định tại …": the words that may stand before what is located
_DETERMINERS = r"[\s*]+(?:(?:các|những|đúng)[\s*]+){0,2}"
_THEO_LOCATED = re.compile(_DETERMINERS + "$", re.I)


@functools.cache
def _theo_provision() -> re.Pattern[str]:
    """ "theo các yêu cầu / giải pháp / nội dung quy định tại X": what X provides, followed (the nouns are
    vocab/provision_nouns.tsv)."""
    nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in vocab.provision_nouns())
    # (a few plain words may qualify the noun: "theo mức chi tiếp khách trong nước quy định tại X")
    return re.compile(
        rf"{_DETERMINERS}(?:{nouns})(?![^\W\d_])(?:[\s*]+[^\W\d_]+){{0,6}}?(?:[\s*]+đã)?(?:[\s*]+được)?[\s*]*$",
        re.I,
    )


# after "theo …": a part of a document or a regulation it issued, then only the words before the phrase that
# locates it ("đã", "được"); not a form or a list ("lập theo mẫu số C67 quy định tại …", "bệnh theo danh mục
# ban hành tại …" name a thing in it, no act on it) unless a provision is what is followed ("theo quy định
# tại Danh mục … kèm theo …")
_PARTS = r"phụ\s+lục|quy\s+chế|quy\s+trình|phương\s+án|điều\s+lệ|chương|mục|phần|điều|khoản|điểm"
# (a part's quoted heading may hold a dot: "Mục 5 của “Phần VI. TRÌNH TỰ …” của Phụ lục 1 kèm theo …")
_PART_TAIL = (
    r"(?![^\W\d_])(?:[^.;:()“”\"\n]|\n(?![ \t]*\n)|“[^”]{0,200}”){0,200}?[\s*]*(?:(?:đã|được)[\s*]+){0,2}$"
)
_PART_THEN = re.compile(rf"[\s*]+(?:các[\s*]+)?(?:{_PARTS}){_PART_TAIL}", re.I)
_PROVISION_THEN = re.compile(rf"[\s*]+(?:các[\s*]+)?(?:{_PARTS}|danh\s+mục|bảng|biểu){_PART_TAIL}", re.I)
_DUTY_BETWEEN = re.compile(
    r"[\s*]+(?:các\s+|đầy\s+đủ\s+)?(?:nhiệm\s+vụ|trách\s+nhiệm|quyền\s+hạn|chức\s+năng|nội\s+dung)"
    r"(?:\s*,\s*(?:nhiệm\s+vụ|trách\s+nhiệm|quyền\s+hạn))*(?:\s+của\s+[^.;:()\d]{1,80}?)?"
    r"(?:\s+(?:được|đã\s+được))?[\s*]*$",
    re.I,
)
# a phrase coordinated with the one before it ("theo A và hướng dẫn B"): a few words, then "và" or a comma
_COORDINATED = re.compile(r"(?:[^.;:()\n]|\n(?![ \t]*\n)){0,80}?(?:\s+và|,)[\s*]*$")
# "đã" before the act in the same clause ("đã tổ chức triển khai", "… đã chủ động nắm tình hình, phối hợp
# với các cơ quan tổ chức thực hiện"): a past act reported. Not "đã được …", "đã nêu": those qualify a noun
# ("các nhiệm vụ đã được giao …"), they report nothing the clause does.
# "theo" is no act at all ("người đã hưởng trợ cấp theo Quyết định …" received it under that decision).
_REPORTED = re.compile(
    r"(?<![^\W\d_])đã(?!\s+(?:được|nêu|đề\s+ra)(?![^\W\d_]))(?:,?\s+[^\W\d_]+){0,16}[\s*]*$", re.I
)
REPORT_REACH = 120  # characters from "đã" to the act it reports
# a review of how a document was carried out: the review word, a few words (a period, "tình hình"), then
# "việc" right before the act
_REVIEWED = re.compile(
    r"(?<![^\W\d_])(?:tổng\s+kết|sơ\s+kết|đánh\s+giá)(?![^\W\d_])(?:[^.;:()\n]{0,40}?)[\s*,]+việc[\s*]+"
    r"(?:(?:tổ\s+chức|triển\s+khai)[\s*]+)?$",
    re.I,
)
REVIEW_REACH = 80
_NEW_PREDICATE = re.compile(r"(?<![^\W\d_])(?:thì|tiếp\s+tục|phải|cần|sẽ)(?![^\W\d_])", re.I)


_SINCE_ITS_DAY = re.compile(r"(?<![^\W\d_])(?:kể[\s*]+)?từ[\s*]+ngày[\s*]+$", re.I)


@dataclass(frozen=True)
class Governing:
    relation: str
    start: int
    end: int
    rule: str  # how the relation was chosen, for --explain


# after a paper's name a proposal word names the paper ("hồ sơ đề nghị cấp phép", "văn bản đề xuất"): it
# proposes nothing
_PAPER_BEFORE = re.compile(r"(?<![^\W\d_])(?:hồ\s+sơ|văn\s+bản|giấy|đơn|phiếu|mẫu|tờ\s+trình)[\s*]*$", re.I)


_PROPOSAL_OF = re.compile(r"[\s*]+của(?![^\W\d_])", re.I)


def _proposal_closed(text: str, end: int, pos: int) -> bool:
    """ "trên cơ sở đề nghị của hội đồng …, quyết định …, hủy tài liệu theo quy định của Luật …": a proposal
    named as a noun ("đề nghị của X") ends at the next comma; the verbs after it are the sentence's own."""
    return _PROPOSAL_OF.match(text, end) is not None and text.find(",", end, pos) != -1


def _opens_clause(text: str, lo: int, pos: int) -> bool:
    return _PAPER_BEFORE.search(text, max(lo, pos - 20), pos) is None


_NAMED_BY = re.compile(r"(?<![^\W\d_])luật\s*$", re.I)


_ITEMS_AFTER = re.compile(r":[\s*]*(?:[-+•][\s*]*)?$")
# "Căn cứ quy định trên:⏎Từ ngày 01/7/2025, Luật … đã quy định …": the phrase's object is what was said
# above; the citations after it are what the next sentence states, not what the phrase acts on
_OBJECT_ABOVE = re.compile(
    r"[\s*]*(?:(?:các|những)[\s*]+)?(?:quy[\s*]+định|nội[\s*]+dung|văn[\s*]+bản|căn[\s*]+cứ|hướng[\s*]+dẫn)"
    r"(?:[\s*]+(?:đã[\s*]+)?nêu)?[\s*]+trên(?![^\W\d_])[\s*]*[:,;.]",
    re.I,
)


def _plural_heading(text: str, lo: int, pos: int) -> int | None:
    """Start of a list's heading ("các Quyết định … về …:") whose colon opens the list the citation at pos
    begins."""
    colon = text.rfind(":", lo, pos)
    if colon == -1 or not _ITEMS_AFTER.match(text[colon:pos]):
        return None
    m = plural_heading_before().search(text, max(lo, colon - HEADING_BACK), colon)
    return m.start() if m else None


_OWN_ANNEX_QUOTE = re.compile(r"(?<![^\W\d_])kèm[\s*]+theo[\s*]+(?:[^\W\d_]+[\s*]+){1,3}này[\s*]*$", re.I)


SOURCE_REACH = 200  # characters from an act to the bracket that gives its source


def _sourced_act(
    text: str, found: list[Found], i: int, lo: int, paren: int, sentence: int
) -> Governing | None:
    """The citing document's own act ("thực hiện", "căn cứ") on words that the bracket right after them sources
    with the citation opening it: "thực hiện ý kiến chỉ đạo của Thủ tướng (Thông báo số …)"."""
    f = found[i]
    if text[paren + 1 : f.start].strip(" \t*") or paren <= lo:
        return None  # the bracket does not open with the citation
    gov = _relation_in(text, lo, paren, sentence)
    if gov is None or gov.relation not in ("implements", "based_on") or paren - gov.end > SOURCE_REACH:
        return None
    if any(gov.end <= g.start < paren for g in found[:i]):
        return None  # the act's object is a citation of its own
    if (d := _described_opening().search(text, max(lo, gov.start - DESCRIBED_REACH), gov.start)) and text[
        d.start()
    ].isupper():
        return None  # "sau khi nghe Báo cáo của Ban … về tình hình triển khai thực hiện … (Báo cáo số …)": its title's
    return gov


def _relation_in(
    text: str,
    lo: int,
    hi: int,
    sentence: int | None = None,
    law_name: bool = False,
    bracket: bool = False,
    own_type: str | None = None,
) -> Governing | None:
    """The phrase in text[lo:hi] that governs a citation at hi (see relations.tsv for the kinds).

    ``sentence`` is where the citing sentence starts, for the document's own voice ("Quyết định này …");
    None reads a title, where every verb is the titled document's own act."""
    hits = []
    for m in _phrase_hits(text, lo, hi):
        rel, reach, voice = _phrase_of(m.group())
        if rel is None:
            continue
        if (
            text.count("“", lo, m.start()) > text.count("”", lo, m.start())
            and not _OWN_ANNEX_QUOTE.search(text, lo, max(lo, text.rfind("“", lo, m.start())))
        ) or text.count('"', lo, m.start()) % 2:
            # inside a quotation ("thay thế cụm từ “thực hiện” …"): words, not an act; but the quoted title of
            # the document's own annex ("Ban hành kèm theo Quyết định này “Kế hoạch triển khai thực hiện
            # Thông tư X”") says what the document does
            continue
        if law_name and _NAMED_BY.search(text, max(lo, m.start() - 16), m.start()):
            continue  # "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật A, … số 56/2024/QH15": a name
        if text.count(")", m.end(), hi) > text.count("(", m.end(), hi):
            continue  # in an aside closed before the citation ("(chi tiết theo Phụ lục số 6) Nghị quyết …")
        hits.append((m, rel, reach, voice))
    best = None
    located_at = located_end = hi
    located = False  # a transparent phrase came between: only a strong act reaches over it
    for j in range(len(hits) - 1, -1, -1):
        m, rel, reach, voice = hits[j]
        if rel == "word":
            continue
        if rel == "predicate":
            if j and sentence is not None:
                # "giải pháp triển khai thực hiện phải bám sát …": the phrases before are the subject's
                return Governing("cites", m.start(), m.end(), f"'{m.group()}' starts the predicate")
            continue
        if rel != "transparent" and _OBJECT_ABOVE.match(text, m.end(), hi):
            return Governing("cites", m.start(), m.end(), f"'{m.group()}' acts on what was said above")
        if rel == "transparent":
            located = True
            located_at, located_end = m.start(), m.end()
            continue
        if (
            located
            and sentence is not None
            and rel == "implements"
            and _DUTY_BETWEEN.match(text, m.end(), located_at)
        ):
            # "thực hiện trách nhiệm được quy định tại Điều 37 Nghị định X": carrying out X's own provisions
            return Governing(rel, m.start(), m.end(), f"'{m.group()}' what the document provides")
        if (
            located
            and rel == "implements"
            and m.group().lower().endswith("theo")
            and (
                _THEO_LOCATED.match(text, m.end(), located_at)
                or _theo_provision().match(text, m.end(), located_at)
            )
        ):
            # "thực hiện theo các quy định tại Điều 28, 29 Nghị định X": "theo quy định tại" with "các" between
            return Governing(rel, m.start(), m.end(), f"'{m.group()}' what the document provides")
        then = _PROVISION_THEN if m.group().lower().endswith("tại") else _PART_THEN
        if located and rel == "implements" and then.match(text, m.end(), located_at):
            # "thực hiện theo quy định tại Phụ lục IV ban hành kèm theo Thông tư X", "theo Quy chế đã ban
            # hành tại Quyết định X": what is followed is a part of X, or what X issued
            return Governing(rel, m.start(), m.end(), f"'{m.group()}' a part of the document it follows")
        if (
            located
            and sentence is not None
            and rel in ("implements", "guides")
            and (
                _PROVISIONS_ONLY.match(text, located_end, hi)
                # "Thực hiện các quy định tại Nghị định X": X's provisions, whole (not under a "căn cứ")
                or (
                    rel == "implements"
                    and not text[located_end:hi].strip(" \t\n*")
                    and not any(h[1] == "based_on" for h in hits[:j])
                )
            )
            and (
                _THEO_LOCATED.match(text, m.end(), located_at)
                or (
                    rel == "guides"
                    and _search_lowered(
                        text,
                        _self_regex(),
                        _self_regex(False),
                        max(sentence, m.start() - SELF_REACH),
                        m.start(),
                    )
                )
            )
        ):
            # "Thực hiện quy định tại khoản 2 Điều 24 Nghị định X": the act is on the document's provisions;
            # so is the document's own guidance of what they set ("Thông tư này hướng dẫn thực hiện chính
            # sách … quy định tại Điều 1 Nghị định X")
            return Governing(rel, m.start(), m.end(), f"'{m.group()}' the provisions of the document")
        if located and sentence is not None and rel in ("implements", "guides", "approves"):
            basis = next((h[0] for h in reversed(hits[:j]) if h[1] == "based_on"), None)
            if basis is not None and not _CLAUSE_BREAK.search(text, basis.end(), m.start()):
                # "căn cứ nguyên tắc tính giá, hướng dẫn quy định tại Nghị định X": what the clause relies on
                # is located in X
                return Governing(
                    "based_on", basis.start(), basis.end(), f"'{basis.group()}' relies on what it provides"
                )
            return Governing("cites", m.start(), m.end(), "a thing located in the document, no act on it")
        if reach == "near" and hi - m.end() > NEAR and not _PINPOINT.match(text, m.end(), hi):
            continue
        if (
            rel == "implements"
            and j
            and hits[j - 1][1] == "passive"
            and m.start() - hits[j - 1][0].end() < 30
        ):
            m, rel, reach, voice = hits[j - 1]  # "được sửa đổi, bổ sung một số điều theo Nghị định …"
        elif (
            voice == "own"
            and j
            and hits[j - 1][0].group()[:4].lower() == "theo"
            and _COORDINATED.match(text, hits[j - 1][0].end(), m.start())
        ):
            # "theo pháp luật có liên quan và hướng dẫn [của] Nghị định …": the guidance is a second object of
            # "theo", a noun, not the act of another document
            m, rel, reach, voice = hits[j - 1]
        best = (m, rel, voice)
        best_at = j
        break
    if best is None:
        if located and sentence is None:  # "… công bố thủ tục … được quy định tại Thông tư số …" in a title
            return Governing("cites", hits[-1][0].start(), hits[-1][0].end(), "title locates it")
        return None
    m, rel, voice = best
    if rel == "cites" and best_at and hits[best_at - 1][1] == "based_on":
        basis = hits[best_at - 1][0]
        if basis.group().startswith("Căn") and not text[basis.end() : m.start()].strip(" \t\n*"):
            # "Căn cứ kiến nghị của Ủy ban … tại Báo cáo số X": a preamble line names X as its basis
            m, rel, voice = basis, "based_on", hits[best_at - 1][3]
    phrase = " ".join(m.group().split())
    if rel == "implements" and phrase.lower().startswith("theo") and sentence is not None:
        # "Căn cứ trách nhiệm kiểm tra … theo quy định tại … Nghị định X", "Căn cứ nội dung của Chương trình …
        # theo Quyết định X": "theo" qualifies what "căn cứ" relies on, in the same clause
        # (a capitalised "Căn cứ" opens the clause; "đề nghị … căn cứ …", "trên cơ sở …" do not govern so)
        opener = next(
            (h for h in reversed(hits[:best_at]) if h[1] == "based_on" and h[0].group().startswith("Căn")),
            None,
        )
        if opener is not None and not _CLAUSE_BREAK.search(text, opener[0].end(), m.start()):
            m, rel, voice = opener[0], "based_on", opener[3]
            phrase = " ".join(m.group().split())
    if rel == "replaces" and _PART_OF.search(text, m.end(), hi) is not None:
        # "Thay thế Mẫu số 02 … Phụ lục III của Thông tư số X bằng …": a part of X replaced amends X
        rel = "amends"
    # "Điều 1. Sửa đổi, bổ sung và thay thế một số nội dung của …": the acts joined in one chain open the
    # sentence together; the chain's first one is where the document's own voice is read
    chain = m.start()
    k = best_at
    while k and hits[k - 1][1] not in ("transparent", "passive", "cites", "word", "predicate"):
        gap = text[hits[k - 1][0].end() : chain]
        if not gap.strip(" \t\n*") or _GLUE.match(gap) is None:
            break  # joined by a comma or "và", not a phrase run into the next ("Căn cứ hướng dẫn tại …")
        k -= 1
        chain = hits[k][0].start()
    if sentence is None:
        return Governing(rel, m.start(), m.end(), f"title phrase '{phrase}'")
    if voice == "own" and bracket:
        sentence = lo  # "(thay thế Nghị quyết số …)": an aside speaks of another document
    # "Đề nghị … xem xét, giải quyết chế độ … theo Quyết định số X": what the document asks follows X,
    # whoever acts. A table's cell of proposals ("| Đề nghị Bộ … hướng dẫn … theo Quyết định số X |") lists
    # what other bodies asked: reported, their words.
    conforms = phrase.lower().startswith("theo") and (
        sentence is None or text.find("|", max(0, sentence - 4), sentence) == -1
    )
    if rel not in ("cites", "passive") and any(
        h[2] == "block"
        # an exception still excludes ("trừ các chức danh … quản lý theo Kế hoạch số X")
        and not (conforms and not h[0].group().lower().startswith("trừ"))
        # "Đề nghị Công ty căn cứ quy định tại Điều 61 Luật Hải quan …": a letter asks its addressee to rest on
        # X, and so rests its answer on X (readers give based_on)
        and not (rel == "based_on" and " ".join(h[0].group().lower().split()) == "đề nghị")
        and h[0].start() < m.start()
        and _opens_clause(text, lo, h[0].start())
        and not _proposal_closed(text, h[0].end(), m.start())
        # a semicolon ends what a proposal covers: "Theo đề nghị của Vụ trưởng …;" over the enacting line
        # below it, "tham mưu, đề xuất việc kiện toàn …; thực hiện … theo Quyết định số X"
        # (unless every ";" opens another paper of the list the proposal reads: "Xét Tờ trình số …; Báo cáo
        # thẩm tra số …")
        and _papers_go_on(text, h[0].end(), m.start())
        # nor over a blank line ("VỀ XÉT TẶNG DANH HIỆU …" heading the "Căn cứ" lines under it)
        and _BLANK_LINE.search(text, h[0].end(), m.start()) is None
        for h in hits
    ):
        return Governing("cites", m.start(), m.end(), f"proposal before '{phrase}'")
    if (
        rel not in ("cites", "passive", "based_on")
        and not phrase.lower().startswith(("theo", "như"))
        and not _absent(text, "đã", max(lo, m.start() - REPORT_REACH), m.start())
        and (done := _REPORTED.search(text, max(lo, m.start() - REPORT_REACH), m.start())) is not None
        # "… kết quả đã đạt được gắn với việc triển khai Chỉ thị …": a connective starts the clause's own act,
        # and so does a new predicate ("Các dự án đã phê duyệt thì tiếp tục thực hiện Quyết định …")
        and _last_connective(text, done.start(), m.start()) is None
        and _NEW_PREDICATE.search(text, done.start(), m.start()) is None
    ):
        # "các cơ quan đã tổ chức thực hiện Kết luận …": an act already done, reported, is not this text's
        return Governing("cites", m.start(), m.end(), f"'{phrase}' reported as done")
    if (
        rel == "implements"
        and not _absent(text, "việc", max(lo, m.start() - REVIEW_REACH), m.start())
        and _REVIEWED.search(text, max(lo, m.start() - REVIEW_REACH), m.start())
    ):
        # "tổng kết, đánh giá việc thực hiện Chỉ thị …", "sơ kết 6 tháng việc thực hiện …": reviewing how a
        # document was carried out is not carrying it out
        return Governing("cites", m.start(), m.end(), f"'{phrase}' under review")
    if voice == "own" and _draft_before(text, max(sentence, m.start() - 60), m.start()):
        # "dự thảo Nghị quyết sửa đổi Nghị quyết 136/2024/QH15": the act of a draft, which amends nothing yet
        return Governing("cites", m.start(), m.end(), f"'{phrase}' is a draft's act")
    if (
        voice == "own"
        and not (
            _search_lowered(
                text, _self_regex(), _self_regex(False), max(sentence, m.start() - SELF_REACH), m.start()
            )
            or (not bracket and _OPENING.match(text[sentence:chain]))
            # the title in capitals under the document's own type heading ("NGHỊ QUYẾT\nVỀ VIỆC SỬA ĐỔI, BỔ SUNG …")
            or (
                _TITLE_INTRO_ONLY.match(text[sentence:chain])
                and _own_heading_before(text, m.start()) is not None
            )
            or _SELF_TIME.match(text, m.end())
            or _own_enacted(text, own_type, sentence, m.start())
            or (
                _own_effect().match(text, sentence, chain) is not None
                and _ARTICLE_BEFORE.search(text, max(0, sentence - ARTICLE_BACK), sentence) is not None
            )
        )
    ):
        return Governing("cites", m.start(), m.end(), f"'{phrase}' is another document's act")
    if rel == "replaces" and _REPLACED_PART.match(text, m.end(), hi):
        # "… và thay thế ba (03) thủ tục hành chính (…) được công bố tại Quyết định số X": items replaced inside
        # X, which stays in force (convention: replaces is for a whole document)
        return Governing("amends", m.start(), m.end(), f"'{phrase}' a part located in the document")
    return Governing(rel, m.start(), m.end(), f"phrase '{phrase}'")


# what "thay thế" replaces, located in the document after it: a procedure, an item, a list ("thay thế ba (03) thủ
# tục hành chính … được công bố tại", "thay thế các nội dung … tại")
_REPLACED_PART = re.compile(
    r"[\s*]+(?:(?:các|một\s+số|\w+\s+\(\d+\))[\s*]+)?(?:thủ\s+tục|nội\s+dung|mục|danh\s+mục\s+thủ\s+tục|phụ\s+lục)"
    r"(?:[^;.\n]|\n(?![ \t]*\n)){0,160}?(?<![^\W\d_])(?:tại|của)[\s*]*$",
    re.I,
)


@functools.cache
def _clause_after_comma() -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in vocab.title_stops())
    # or a subject named after the comma, then its verb's tense word: "… năm 2025, Bộ Nội vụ đã hướng dẫn …"
    subject = r"(?:[^\W\d_]+[ \t\n]+){1,6}?(?:đã|đang|sẽ)(?![^\W\d_])"
    return re.compile(rf",\s+(?:(?:{alts})(?![^\W\d_])|(?=[A-ZĐÀ-Ỹ]){subject})")


@functools.cache
def _new_ground_after_and() -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in vocab.title_stops("and"))
    return re.compile(rf"\s(?:và)\s+(?:{alts})(?![^\W\d_])", re.I)


_TABLE_RULE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$")
TABLE_BACK = 60_000  # characters above a row where its table's header may stand
_NOT_A_ROW = re.compile(r"\n(?![ \t]*\|)")  # a line that opens with no bar: the table ended


def table_column(text: str, pos: int) -> str | None:
    """The header of the markdown table column whose cell holds ``pos`` ("| TT | Tên TTHC | … | Căn cứ pháp lý
    |", the line above the "|---|" rule), or None when pos is in no table row."""
    ls = text.rfind("\n", 0, pos) + 1
    if text[ls : ls + 8].lstrip(" \t")[:1] != "|":
        return None
    # the nearest rule above, and only table rows between it and this row (both found by plain scans: a
    # table may hold hundreds of citations, each asking this)
    r = text.rfind("---", max(0, ls - TABLE_BACK), ls)
    if r == -1:
        return None
    k, e = text.rfind("\n", 0, r) + 1, text.find("\n", r)
    if e == -1 or e >= ls or not _TABLE_RULE.fullmatch(text, k, e) or _NOT_A_ROW.search(text, e, ls - 1):
        return None
    hk = text.rfind("\n", 0, k - 1) + 1
    header = text[hk : k - 1]
    cells = header.split("|")
    if header.lstrip(" \t")[:1] != "|":
        cells = [""] + cells  # a header without its opening bar
    # (an empty header cell lies under a merged one to its left: "| Cách thức thực hiện |" over two
    # sub-columns pushes the cells after it one place right, into the empty cells ending the header)
    c = min(text.count("|", ls, pos), len(cells) - 1)
    while c > 0 and not cells[c].strip(" \t*"):
        c -= 1
    return cells[c] if c > 0 else None


def _title_end(text: str, start: int, limit: int) -> int:
    hi = min(limit, start + TITLE_LIMIT, len(text))
    m = _TITLE_STOP.search(text, start, hi)
    end = m.start() if m else hi
    # (searched a little past the end: what follows a semicolon decides whether it ends the title)
    semi = _TITLE_SEMICOLON.search(text, start, min(len(text), end + 40))
    end = semi.start() if semi is not None and semi.start() < end else end
    c = _clause_after_comma().search(text, start, end)
    end = c.start() if c else end
    if text.find("và", start, end) != -1:
        c = _new_ground_after_and().search(text, start, end)
        end = c.start() if c else end
    q = text.find("”", start, end)
    if q != -1 and text.find("“", start, q) == -1:
        # a quote that opened before the citation closes here ("Bãi bỏ thủ tục “Đăng ký … theo Thông tư X
        # hướng dẫn …” tại Quyết định Y"): the title is quoted with it, and what follows is not the title
        end = q
    nl = text.find("\n", start, end)
    while nl != -1:
        above, below = text[start:nl], text[nl + 1 : nl + 30]
        if above.upper() == above and any(ch.islower() for ch in below):
            return nl  # a heading in capitals: the line in running case after it is the body
        nl = text.find("\n", nl + 1, end)
    return end


def _clean_title(s: str) -> str | None:
    s = " ".join(s.split()).strip(" ,;:-–")
    for tail in (" và", " và các", " gắn với", " cùng với"):
        if s.endswith(tail):
            s = s[: -len(tail)].rstrip(" ,")
    s = s.strip('“”" ')
    return s or None


# "sửa đổi, bổ sung một số điều của Nghị định …", "hướng dẫn thi hành một số nội dung của Thông tư …"
# ("… mức chi tại Phụ lục 03 Nghị quyết số X": the part's own pinpoint may stand between)
_PART_LOCATED = re.compile(
    r"(?<![^\W\d_])(?:tại|kèm\s+theo)(?:[\s*]+(?:điểm|khoản|điều|mục|chương|phụ\s+lục)[\s*]+[\w.]+)*"
    r"(?:[\s*]+của)?[\s*]*$",
    re.I,
)
# ("hướng dẫn thi hành một số quy định của Nghị định số X": the provisions of X; "sửa đổi, bổ sung một số
# điều, phụ lục của Nghị định số X")
_TITLE_LINK = re.compile(
    r"^(?:\s|\*|một|số|điều|nội|dung|quy\s+định|phụ\s+lục|của|các|và|khoản|điểm|tại|vào|tiêu\s+đề|tên\s+gọi|tên|\d+|,)*$",
    re.I,
)


def _located_in_title(text: str, lo: int, pos: int) -> bool:
    """A transparent phrase ("ban hành kèm theo", "quy định tại") directly before pos, in a title that
    already has a verb of its own before it (so the title is about something the cited one issued)."""
    found = _phrase_hits(text, lo, pos)
    last = found[-1] if found else None
    if last is None or not _PINPOINT.match(text, last.end(), pos):
        return False
    if _phrase_of(last.group())[0] != "transparent":
        return False
    return any(_phrase_of(m.group())[0] not in ("transparent", None) for m in phrases(text, lo, last.start()))


def _issued_after(f: Found, outer: Found | None) -> bool:
    """f is dated after ``outer``: a title cannot name a document issued later than itself. Used only to
    read "… và <citation>" after a nested one, where the words leave both readings open; a title phrase
    that governs a later document directly ("Kết luận … năm 2001 về thực hiện Chỉ thị … năm 2015") stays
    nested, for the checks to report the date."""
    if outer is None:
        return False
    if f.date is not None and outer.date is not None:
        return f.date > outer.date
    # undated: the years of the number codes ("Quyết định 24/2019/QĐ-UBND … và Quyết định 08/2023/QĐ-UBND")
    year, outer_year = year_of(f), year_of(outer)
    return year is not None and outer_year is not None and year > outer_year


def _last_keyed(found: list[Found], i: int, key: str | None, reach: int = 50) -> Found | None:
    """The nearest citation of ``key`` before found[i], within ``reach`` citations (a bounded look-back)."""
    if not key:
        return None
    return next((found[j] for j in range(i - 1, max(-1, i - 1 - reach), -1) if found[j].key == key), None)


_BARE_TITLE_WORDS = 5
_NOT_IN_TITLE = re.compile(r"[,;:()]|\n[ \t]*\n|(?<![^\W\d_])(?:và|hoặc|của)(?![^\W\d_])", re.I)


_TITLE_ACTS_GO_ON = ("amends", "repeals", "replaces")


def _nested_relation(text: str, outer: Found, inner: Found) -> str | None:
    """The relation when ``inner`` sits in ``outer``'s unquoted title, else None."""
    if outer.title_start is None or outer.key is None or outer.key == inner.key:
        return None
    if _title_end(text, outer.title_start, inner.start + 1) < inner.start:
        return None
    if _located_in_title(text, outer.title_start, inner.start):
        # "… về sửa đổi Quy chế ban hành kèm theo Quyết định số A": the title locates A, nothing acts on it
        return "cites"
    hit = _relation_in(text, outer.title_start, inner.start)
    if hit is None:
        # "Quyết định số A … về tiếp tục áp dụng Quyết định số B …": a few words of the title, no phrase of
        # ours, then the document: it is named in A's title all the same
        if inner.key is None or "named" in inner.flags:
            return None
        between = text[outer.title_start : inner.start]
        return (
            "cites"
            if len(between.split()) <= _BARE_TITLE_WORDS and not _NOT_IN_TITLE.search(between)
            else None
        )
    rel, ps, pe = hit.relation, hit.start, hit.end
    between = text[pe : inner.start]
    if (
        (len(between.split()) > 3 or "," in between)
        and not _TITLE_LINK.match(between)
        # "sửa đổi, bổ sung quy định về phí … tại Nghị quyết X": the act is on a part of X, located in it
        and not (rel in ("amends", "repeals") and _PART_LOCATED.search(between))
    ):
        return None  # the phrase governs something else in the title
    c = _last_connective(text, outer.title_start, ps)
    if c is not None and not text[c.end() : ps].strip():
        return None  # "… gắn với thực hiện X": the citing document's own action, not the title's
    return rel


def assign(text: str, found: list[Found], own: str | None = None) -> None:
    """Fill relation, subject, title and title extent of every mention, in place. ``own``: the citing
    document's own key, whose title (a portal repeats it: "Nghị quyết 34/2025/NQ-HĐND sửa đổi Quy định kèm
    theo Nghị quyết 10/2022/NQ-HĐND …") states the document's own acts."""
    n = len(found)
    nested_in: list[int | None] = [None] * n
    nested_rel: list[str | None] = [None] * n
    for i in range(1, n):
        inner = found[i]
        if not inner.first_in_group:
            continue
        # the outer citation is the one before, or the one before a document named without a number in
        # its title ("Nghị quyết số 03/NQ-CP … ban hành Chương trình hành động của Chính phủ thực hiện
        # Nghị quyết số 57-NQ/TW")
        k = i - 1
        while k > 0 and k >= i - 2 and found[k].key is None and "named" in found[k].flags:
            k -= 1
        for j in dict.fromkeys((i - 1, k)):
            rel = _nested_relation(text, found[j], inner)
            if rel is not None:
                nested_in[i], nested_rel[i] = j, rel
                break
        else:
            before = found[i - 1]
            at = nested_in[i - 1]
            if at is not None and _SIBLING_PROVISION.match(
                text, before.extent_end or before.end, inner.start
            ):
                # "… sửa đổi một số Điều của Quyết định số A ngày … và Điều 3, Quyết định số B": a second
                # provision of the same outer title
                nested_in[i], nested_rel[i] = at, nested_rel[i - 1]
            elif (
                (at := nested_in[i - 1]) is not None
                and (goes_on := _nested_relation(text, found[at], inner)) in _TITLE_ACTS_GO_ON
                and not _issued_after(inner, found[at])
            ):
                # "Quyết định B … sửa đổi, bổ sung … Quy định ban hành kèm theo Quyết định A và bãi bỏ một phần
                # Quyết định C": an amending title goes on past the document it located, with another act of
                # its own on a document issued before it
                nested_in[i], nested_rel[i] = at, goes_on
            elif (
                (at := nested_in[k]) is not None
                and nested_rel[k] == "amends"
                and _SECOND_AMENDED.search(text, found[k].end, inner.start)
                and not _LIST_BREAK.search(text, found[k].end, inner.start)
                and year_of(inner) is not None
                and year_of(found[at]) is not None
                and not _issued_after(inner, found[at])
            ):
                # "Nghị định số 62/2024/NĐ-CP … sửa đổi, bổ sung một số điều, phụ lục của Nghị định số 94/2016/NĐ-CP
                # … quy định chi tiết … Luật thống kê và Nghị định số 94/2022/NĐ-CP …": an amending title names
                # the documents it amends one after another; a later one issued before the amending one is its
                # second object, not a new item of the list
                nested_in[i], nested_rel[i] = at, "amends"

    # Titles: from the intro to the first stop or the next citation; an outer title runs on through the
    # citation nested in it (right to left, so inner extents are known first).
    for i in range(n - 1, -1, -1):
        f = found[i]
        nxt = found[i + 1].start if i + 1 < n else len(text)
        if f.title_start is not None:
            if i + 1 < n and nested_in[i + 1] == i:
                end = found[i + 1].extent_end
                if end - f.title_start > NESTED_TITLE_LIMIT:
                    cap = f.title_start + NESTED_TITLE_LIMIT
                    inner_end = found[i + 1].end  # never inside the nested citation itself
                    space = text.rfind(" ", inner_end, cap)  # cut between words
                    end = max(inner_end, space if space != -1 else cap)
            else:
                end = _title_end(text, f.title_start, nxt)
                if end == nxt and (c := _last_connective(text, f.title_start, end)) is not None:
                    end = c.start()  # "về X gắn với thực hiện <next citation>": the title is X
            f.title = _clean_title(text[f.title_start : end])
            f.extent_end = max(end, f.head_end)
        else:
            f.extent_end = f.head_end

    sentences = _Sentences(text)
    articles = _Articles(text, found)
    kind = own_type(own) or heading_type(text)
    type_words = type_word_regex()
    last_of_type: dict[str, Found] = {}
    prev_top: Found | None = None
    own_titled: set[int] = set()  # citations the document's own title acts on
    head = found[0]
    for i, f in enumerate(found):
        if not f.first_in_group:
            outer = _last_keyed(found, i, head.subject) if head.subject else None
            if outer is not None and _issued_after(f, outer):
                # "(số 58/2023/NĐ-CP … sửa đổi, bổ sung một số điều của Nghị định số 37/2019/NĐ-CP và số
                # 22/2025/NĐ-CP …)": a number issued after the document whose title named the head is not in
                # that title; it goes on with that document's own list
                f.relation, f.subject, f.subject_relation = (
                    outer.relation,
                    outer.subject,
                    outer.subject_relation,
                )
                f.why.append(f"relation: issued after {outer.key}, not in its title: as {outer.key}")
                continue
            # "Nghị quyết số 29-NQ/TW và 30-NQ/TW": the list shares its head's relation
            f.relation, f.subject, f.subject_relation = head.relation, head.subject, head.subject_relation
            f.why.append("relation: item of the list headed by the previous number")
            continue
        head = f
        if "list_continued" in f.flags and prev_top is not None and nested_in[i] is None:
            # "các Nghị định: số A …; số B …": a later item that gives only "số" is read as the list's
            f.relation, f.subject, f.subject_relation = prev_top.relation, None, None
            f.why.append(f"relation: a later item of the list after {prev_top.key}")
            prev_top = f
            continue
        if "in_amending_title" in f.flags:
            # "… tại Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số …": a law
            # named with its number in an amending law's title; the amending law acts on it, the text cites it
            f.relation = "cites"
            f.why.append("relation: named in an amending law's title")
            prev_top = f
            continue
        if (at := nested_in[i]) is not None:
            outer = found[at]
            own_act = (
                _relation_in(text, outer.title_start, f.start)
                if own and outer.key == own and outer.title_start is not None
                else None
            )
            if own_act is not None and own_act.relation not in ("passive", "transparent"):
                # the citing document's own title: its verb is this document's act, even on a thing issued
                # with the cited one ("sửa đổi Quy định kèm theo Nghị quyết X" amends X)
                f.relation = own_act.relation
                f.why.append(f"relation: the document's own title, {own_act.rule}")
                own_titled.add(i)
                if f.key:
                    # the own title's objects are the document's own list ("bãi bỏ A …, B … và C …")
                    prev_top = f
                continue
            if nested_rel[i] == "passive":  # "… về X, được sửa đổi, bổ sung bởi Nghị định B" inside a title
                f.relation, f.subject, f.subject_relation = (
                    outer.relation,
                    outer.subject,
                    outer.subject_relation,
                )
            else:
                # named inside the outer document's title: that document's act, not the citing one's
                f.relation, f.subject, f.subject_relation = "cites", outer.key, nested_rel[i]
            f.why.append(f"relation: named in the title of {outer.key} ({nested_rel[i]})")
            continue
        if (quoted_in := _quoted_title_of(text, found, i, own)) is not None:
            # "Quyết định X về việc Phê duyệt “Chiến lược … triển khai thực hiện Quyết định số Y …”": Y is named
            # in X's quoted title, X's act
            f.relation, f.subject, f.subject_relation = "cites", quoted_in.key, None
            f.why.append(f"relation: in the quoted title of {quoted_in.key}")
            continue
        if (column := table_column(text, f.start)) is not None and _LEGAL_BASIS.search(column):
            # "| … | Căn cứ pháp lý |" over a markdown table's rows: every document a row's cell of that column
            # lists is a basis of the procedure (words in other cells govern nothing in it)
            f.relation = "based_on"
            f.why.append(f"relation: in a table column headed '{' '.join(column.split())[:40]}'")
            prev_top = f
            if f.key:
                last_of_type[f.doc_type.lower()] = f
            continue
        prev = found[i - 1] if i else None
        lo = prev.extent_end if prev else 0
        if prev is not None and prev.key is None and nested_in[i - 1] is not None:
            # "… về ban hành Kế hoạch thực hiện Đề án “…” trên địa bàn Thành phố; Quyết định số …": the title that
            # named a document without a number goes on past it, to its own stop
            lo = max(lo, _title_end(text, lo, f.start))
        lo = min(lo, f.start)
        boundary = sentences.last_in(lo, f.start)
        if boundary is not None:
            boundary = _past_quoted_heading(text, sentences, lo, boundary, f.start)
        search_lo = boundary if boundary is not None else lo
        item = _item_start(text, search_lo, f.start)
        dash = None
        if item is not None:
            search_lo = item  # a list item on its own line: the previous item's words do not govern it
        elif (dash := _dash_item(text, search_lo, f.start)) is not None:
            search_lo = dash  # "…”*\n- Tại khoản 1 Điều 17 Nghị định X …": a new item after a finished one
        paren = _open_bracket(text, search_lo, f.start)
        outer_lo = search_lo
        if paren is not None:
            search_lo = paren  # "(Mẫu số 02 - Phụ lục số 02 Thông tư số …)": the bracket is its own sentence
        # bounded: a text without sentence ends (one huge line) must not make every citation read it all
        sentence = max(sentences.start_of(f.start), item if item is not None else 0, f.start - SELF_REACH)
        hit = _relation_in(
            text,
            search_lo,
            f.start,
            sentence,
            law_name="law_name" in f.flags,
            bracket=paren is not None,
            own_type=kind,
        )
        if (
            kind == CONSOLIDATED
            and hit is not None
            and text[hit.start : hit.end].isupper()
            and not text[f.start : f.end].isupper()
        ):
            # a consolidated text's heading is the title of the document it consolidates: its verbs act on
            # what the heading names, not on the documents of the preamble under it ("QUYẾT ĐỊNH VỀ THỰC HIỆN
            # CHẾ ĐỘ …⏎Quyết định số 142/2008/QĐ-TTg …, được sửa đổi, bổ sung bởi: …")
            hit = Governing(
                "cites", hit.start, hit.end, "the consolidated document's title, not this text's act"
            )
        if (since := _SINCE_ITS_DAY.search(text, max(0, f.start - 24), f.start)) is not None:
            # "… trong vòng 15 ngày kể từ ngày Nghị định số X có hiệu lực": a date reckoned from X, no act on X
            hit = Governing(
                "cites", since.start(), since.end(), f"'{since.group().strip()}': a date reckoned from it"
            )
        if (
            hit is not None
            and (heading_at := _plural_heading(text, max(sentence, hit.start - HEADING_BACK), f.start))
            is not None
            and hit.start > heading_at
            # ("Các Quyết định sau hết hiệu lực kể từ …: Quyết định số X …": the heading's own verb ends them)
            and _phrase_of(text[hit.start : hit.end])[2] != "heads_list"
        ):
            # "Căn cứ các Quyết định của Thủ tướng Chính phủ về phê duyệt quy hoạch …: Quyết định số X …": the
            # verb is in the heading's title; what governs the list is read before the heading
            hit = _relation_in(text, sentence, heading_at, sentence, own_type=kind)
        if (
            hit is None
            and not any(c.islower() for c in text[f.start : f.end])
            and (heading := _own_heading_before(text, f.start)) is not None
        ):
            # "**HƯỚNG DẪN**\n\nMỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW …": the title under the document's own
            # type heading, a blank line between, is read with that heading
            hit = _relation_in(text, heading, f.start)
        if (
            hit is None
            and prev is not None
            and (q := _quote_around(text, prev, f.start)) is not None
            and q > sentence
        ):
            # "Bãi bỏ thủ tục “Đăng ký … theo Thông tư X …” tại Quyết định Y": the citation before is inside a
            # quotation closed since; the words before the quotation govern Y
            hit = _relation_in(text, sentence, q, sentence, own_type=kind)
        if hit is not None and hit.relation == "passive":
            # "Căn cứ Luật A …, được sửa đổi, bổ sung bởi Luật B": B is read as the clause reads A
            sent_start = max(sentences.start_of(f.start), f.start - SELF_REACH)
            # the document amended is the nearest numbered one before (a law named in its title is not), or a
            # law named without a number right before it ("- Luật A (được sửa đổi, bổ sung tại Luật số B)")
            amended = _last_numbered(found, i, by_name=False)
            in_clause = amended is not None and amended.start >= sent_start
            named = found[i - 1] if i else None
            src = None
            if (
                named is not None
                and named.key is None
                and named.start >= sent_start
                and (amended is None or named.start > amended.start)
                and named.relation is not None
                and _PASSIVE_BREAK.search(text, named.extent_end or named.end, hit.start) is None
            ):
                src, what = named, "the document named before it"
            elif (
                amended is not None
                and in_clause
                and _PASSIVE_BREAK.search(text, amended.extent_end or amended.end, hit.start) is None
            ):
                src, what = amended, str(amended.key)
            if src is not None:
                f.relation, f.subject, f.subject_relation = src.relation, src.subject, src.subject_relation
                f.why.append(f"relation: {hit.rule}: as {what} in its clause")
            elif in_clause:
                # "… công bố 14 thủ tục hành chính được sửa đổi, bổ sung … quy định tại Thông tư X": what is
                # amended is named between, not a document of the clause; X is where it is laid down
                f.relation = "cites"
                f.why.append(f"relation: {hit.rule}: said of what is named before it, not of a document")
            else:
                gov = _relation_in(text, sent_start, hit.start, sent_start)
                f.relation = gov.relation if gov is not None and gov.relation != "passive" else "cites"
                f.why.append(f"relation: {hit.rule}: as the clause it amends")
        elif (
            hit is not None
            and hit.relation not in ("cites", "based_on")
            and _described_before(text, max(search_lo, hit.start - DESCRIBED_REACH), hit.start)
            and not _own_enacted(text, kind, sentence, hit.start)
        ):
            # "…; Kế hoạch của Ủy ban nhân dân tỉnh về thực hiện Nghị quyết số X": the phrase is in the title of
            # a document described without a number, which this one names (cites)
            f.relation = "cites"
            f.why.append(
                f"relation: '{text[hit.start : hit.end]}' in the title of a document described before it"
            )
        elif hit is not None:
            f.relation = hit.relation
            f.relation_at = hit.start
            f.why.append(f"relation: {hit.rule} at {hit.start}")
        elif (dangling := _DANGLING_BASIS.search(text, max(0, f.start - 40), f.start)) is not None:
            # "*Căn cứ *⏎⏎*Nghị định số 84/2020/NĐ-CP …": a converter put the preamble's opening words in a
            # paragraph of their own; they still govern the line
            f.relation = "based_on"
            f.why.append(f"relation: '{dangling.group(1)}' alone on the line before")
        elif (note := _footnote_anchor(text, f.start)) is not None:
            # "[1] Nghị quyết số …" in the notes: the sentence that carries the mark "[1]" governs it
            a_start = max(sentences.start_of(note), note - SELF_REACH)
            # (a consolidated text's notes name the documents that amended it: it enacts nothing)
            gov = None if kind == CONSOLIDATED else _relation_in(text, a_start, note, a_start)
            if gov is not None and (
                any(gov.end <= g.start < note for g in found[:i])
                or next(phrases(text, gov.end, note), None) is not None
            ):
                # "… thực hiện các chỉ tiêu … theo Nghị quyết số X và các văn bản chỉ đạo[2]": the act's object
                # is something else; the mark hangs its list of sources on a noun no phrase governs directly
                gov = None
            f.relation = gov.relation if gov is not None and gov.relation != "passive" else "cites"
            f.why.append(f"relation: footnote, {gov.rule if gov else 'no phrase'} at its mark")
        elif f.alias_definition and (named := _defined(found, i)) is not None:
            # "(sau đây gọi tắt là Nghị quyết số 48/NQ-CP)" restates the citation before it
            f.relation, f.subject, f.subject_relation = named.relation, named.subject, named.subject_relation
            f.why.append(f"relation: restates {named.key} (alias)")
        elif paren is not None and (named := _restated(text, found, i, paren)) is not None:
            # "Thực hiện Nghị quyết số X ngày … về … (Nghị quyết số X), Nghị quyết số Y …": the bracket gives the
            # short name of the citation before it, which keeps its relation (and the list goes on from it)
            f.relation, f.subject, f.subject_relation = named.relation, named.subject, named.subject_relation
            f.why.append(f"relation: restates {named.key} in brackets")
        elif (
            paren is not None
            and (source := _sourced_act(text, found, i, outer_lo, paren, sentence)) is not None
        ):
            # "thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ (Thông báo số 627/TB-VPCP …)": the bracket gives
            # the paper the act before it takes up
            f.relation = source.relation
            f.why.append(
                f"relation: {source.rule} at {source.start}, on what the bracket gives the source of"
            )
        elif paren is not None:
            f.relation = "cites"  # a bracket with no phrase of its own: "(Văn bản số 4773/TC-CSTC …)"
            f.why.append("relation: in brackets, no phrase")
        elif own and f.key == own:
            # the document's own number (a portal's footer repeats its title): no act on itself
            f.relation = "cites"
        elif (
            (
                boundary is None
                and item is None
                and prev is not None
                and _GLUE.match(text[lo : f.start]) is not None
            )
            or (
                item is not None
                and prev is not None
                and _GLUE.match(text[lo : f.start]) is not None
                # a heading in capitals ("… THEO QUYẾT ĐỊNH SỐ 62/2011/QĐ-TTG") is a title, not a list's first item
                and not (text[prev.start : prev.end].isupper() and not text[f.start : f.end].isupper())
            )
        ):
            # a list: "…; Chỉ thị số 46-CT/TW", "… và Nghị quyết số 19-NQ/TW", "…;\n- Nghị định số …"
            # (a list in a title goes on from its last object: "Quyết định này bãi bỏ Quyết định A …, Quyết
            # định B … và Quyết định C …" repeals all three)
            in_title = prev.subject is not None or i - 1 in own_titled
            # (a semicolon or a new dash item ends the title: "- Nghị định … của Luật Du lịch.⏎- Thông tư số …")
            ends = ";" in text[lo : f.start] or _NEW_DASH_ITEM.search(text, lo, f.start) is not None
            src = prev if (in_title and not ends) else prev_top
            if src is prev and _issued_after(f, _last_keyed(found, i, prev.subject)):
                src = prev_top  # issued after the titled document: its title cannot name it
            if src is not None:
                f.relation = src.relation
                f.why.append(f"relation: list continues after {src.key}")
                if src is prev:
                    f.subject, f.subject_relation = prev.subject, prev.subject_relation
                    f.flags.append(
                        "inherited_subject"
                    )  # "… thực hiện Chỉ thị A và Nghị quyết B": B may be either
        elif (scoped := _scope(text, f.start, item is not None, articles)) is not None:
            f.relation = scoped.relation
            f.why.append(f"relation: {scoped.rule}")
        elif (
            boundary is None
            and item is None
            and prev_top is not None
            and prev is not None
            and prev_top.key is None
            and _ISSUED_WITH.search(text, max(0, f.start - 30), f.start) is not None
        ):
            # "Theo điểm b khoản 1 phần II Chương trình … ban hành kèm theo Quyết định số 920/QĐ-TTg": what is
            # followed is the programme by name; the decision is named as what issued it. What a text rests on
            # ("Căn cứ Mục 4 Chương trình hành động ban hành kèm theo Nghị quyết X") it rests on with the
            # document that carries it, as it does on a regulation's ("Căn cứ Điều 7 Quy chế ban hành kèm theo …")
            if prev_top.relation == "based_on":
                f.relation = "based_on"
                f.why.append(
                    "relation: issued what the text rests on ('ban hành kèm theo'), rested on with it"
                )
            else:
                f.relation = "cites"
                f.why.append("relation: names what issued the document before it ('ban hành kèm theo')")
        elif (
            boundary is None
            and item is None
            and prev_top is not None
            and prev is not None
            and (
                dash is None
                or _COLON_OVER_ITEMS.search(text, sentences.start_of(f.start), f.start) is not None
            )
            # "… theo Nghị định A …, nếu chế độ thấp hơn chế độ quy định tại Nghị định B thì …": a condition
            # is a clause of its own
            and _CONDITION.search(text, max(prev_top.end, f.start - SELF_REACH), f.start) is None
        ):
            # (a dash item after a finished one is a clause of its own, "…;\n- Xã … quy định tại … Nghị định X",
            # unless what governed the item before stands over the list: "Căn cứ quy định tại:\n- …;\n- …")
            f.relation = prev_top.relation
            f.why.append(f"relation: same sentence as {prev_top.key}")
        else:
            f.relation = "cites"
        if f.relation != "cites" and _in_form_template(text, f.start):
            # "Mẫu số 02: Quyết định ban hành Kế hoạch …⏎Số: /QĐ-(3)⏎…⏎Căn cứ Nghị định số X …": the basis of a
            # document still to be drawn up on the form, not of this one
            f.relation = "cites"
            f.why.append("relation: inside a form's template")
        if f.relation != "cites" and _under_proposal_heading(text, f.start):
            # "**1.2. Kiến nghị thực thi**⏎Sửa đổi điểm b khoản 2 Điều 5 Nghị định X": a plan's recommendation
            # to the body that issued X, not this document's act; "**Nội dung kiến nghị:**⏎Theo Nghị định X,
            # …": the petitioner's words a reply quotes
            f.relation = "cites"
            f.why.append("relation: under a heading of recommendations")
        if f.relation != "cites" and _quoted_text(
            text, sentences.start_of(f.start), f.start, kind == CONSOLIDATED
        ):
            # "… có căn cứ ban hành như sau: “Căn cứ Luật …;”": words quoted from another text are its acts
            f.relation = "cites"
            f.why.append("relation: inside quoted text")
        if f.relation == "based_on" and f.relation_at is not None and quoted_basis(text, f.relation_at):
            f.relation = "cites"
            f.why.append("relation: a preamble quoted from the document named above it")
        if f.subject is None:
            _anaphora(text, sentences.start_of(f.start), f, type_words, last_of_type)
        if f.subject is None:
            prev_top = f
        if f.key:
            last_of_type[f.doc_type.lower()] = f
    _expired_here(text, sentences, found)
    if own:
        _own_subject_acts(text, sentences, found, own)


# A "Căn cứ" line under a line that names a document and ends "như sau:" ("Theo Công văn 1804/BHXH-QLT năm 2025
# quy định như sau:⏎Căn cứ Nghị định …; …, BHXH Việt Nam hướng dẫn …", "Tại Mục I Tờ trình 13366/TTr-UBND đã
# nêu các cơ sở như sau:⏎**Cơ sở pháp lý**⏎- Căn cứ Luật …"): that document's preamble, quoted
_LINE_OPENS_BASIS = re.compile(r"[ \t*|>]*(?:[-+•][ \t*]*)?(?:\[\d+\][ \t*]*)?căn[ \t*]+cứ(?![^\W\d_])", re.I)
_INTRODUCES_QUOTE = re.compile(r"(?:như[ \t]+sau|sau[ \t]+đây)[ \t]*:[ \t*]*$", re.I)
_NUMBER_CODE = re.compile(r"\d[/-](?:\d{4}/)?[A-ZĐ]")
# the line names where the words come from ("Tại Mục I Tờ trình …", "Theo Công văn …"); "Trả lời công văn …,
# Cục Thuế có ý kiến như sau:" introduces the writer's own answer
_QUOTE_SOURCE = re.compile(r"[\W\d_]*(?:tại|theo)(?![^\W\d_])", re.I)
QUOTED_BASIS_LINES = 30  # lines of a quoted preamble looked over, up to its introducing line


def quoted_basis(text: str, pos: int) -> bool:
    """The "căn cứ" at pos opens a line of a preamble that the line introducing it quotes from a document."""
    start = text.rfind("\n", 0, pos) + 1
    opening = _LINE_OPENS_BASIS.match(text, start)
    if opening is None or opening.end() < pos:
        return False
    stop = text.find("\n", pos)
    # "Căn cứ theo Điều 3 Thông tư … quy định như sau:": the writer's own basis, introducing a quote; unless
    # the line before introduces this one ("Theo Công văn số X … quy định như sau:⏎⏎Căn cứ …; …, Kho bạc
    # hướng dẫn như sau:": the letter's basis and its own lead, quoted whole)
    introduces = _INTRODUCES_QUOTE.search(text[start : len(text) if stop == -1 else stop].rstrip(" \t*"))
    end = start - 1
    for _ in range(QUOTED_BASIS_LINES):
        if end <= 0:
            return False
        begin = text.rfind("\n", 0, end) + 1
        raw = text[begin:end]
        line, end = raw.strip(" \t*|"), begin - 1
        heading = len(line) < 80 and raw.rstrip().endswith("**") and not line.endswith("?")
        if not line or (_LINE_OPENS_BASIS.match(line) and not introduces) or heading:
            continue  # a blank line, another basis, a heading in bold over them (a question opens a new part)
        return (
            _QUOTE_SOURCE.match(line) is not None
            and _INTRODUCES_QUOTE.search(line) is not None
            and _NUMBER_CODE.search(line) is not None
        )
    return False


_NEW_DASH_ITEM = re.compile(r"\n[ \t*]*[-+•][ \t*]")
_CONDITION = re.compile(r",[\s*]*nếu(?![^\W\d_])", re.I)
_CLAUSE_BREAK = re.compile(r"[;:.!?]|\n[ \t*]*\n|(?<![^\W\d_])(?:thì|để|và)(?![^\W\d_])")
_OWN_ACTS = frozenset({"amends", "repeals", "replaces", "guides"})
_SUBJECT_GAP = re.compile(r"[\s*,]*(?:(?:đã|vừa|cũng|chính\s+thức)[\s*]+){0,2}", re.I)


def _own_subject_acts(text: str, sentences: _Sentences, found: list[Found], own: str) -> None:
    """ "Theo đó, Thông tư 130/2025/TT-BQP đã sửa đổi một số nội dung của Thông tư 67/2024/TT-BQP", "Tại Điều 1
    Thông tư 130/2025/TT-BQP sửa đổi … Thông tư 67/2024/TT-BQP": the document itself, named by its own
    number, is the subject of the act (a portal's summary, or the text's own words), so the act is its own."""
    # where the text names the document itself: the subject is looked for among these only, not among
    # every citation before each one
    own_at = [j for j, g in enumerate(found) if g.key == own]
    if not own_at:
        return
    for i, f in enumerate(found):
        if f.key in (None, own) or f.relation in _OWN_ACTS or not f.first_in_group:
            continue
        start = sentences.start_of(f.start)
        before = own_at[: bisect.bisect_left(own_at, i)]
        at = next((j for j in reversed(before) if start <= found[j].start and found[j].end <= f.start), None)
        if at is None:
            continue
        subject = found[at]
        # another document named between the two is the act's object (only those after the subject can be)
        if any(g.key not in (None, own) and subject.end <= g.start for g in found[at + 1 : i]):
            continue
        act = _relation_in(text, subject.end, f.start)  # read as a title: every verb is the subject's act
        # the verb right after the number ("… 130/2025/TT-BQP đã sửa đổi …"), not a later clause's
        if (
            act is not None
            and act.relation in _OWN_ACTS
            and _SUBJECT_GAP.fullmatch(text, subject.end, act.start)
        ):
            f.relation, f.subject, f.subject_relation = act.relation, None, None
            f.why.append(f"relation: {act.rule}, an act of the document itself ({own}) at {act.start}")


def _papers_go_on(text: str, lo: int, hi: int) -> bool:
    """No ";" in text[lo:hi], or each is followed on its line by a type word (another paper of a list)."""
    i = text.find(";", lo, hi)
    while i != -1:
        j = i + 1
        while j < hi and text[j] in " \t*":
            j += 1
        if type_word_regex().match(text, j) is None:
            return False
        i = text.find(";", j, hi)
    return True


def _quote_around(text: str, g: Found, pos: int) -> int | None:
    """Where the curly quotation that holds citation g opened, when it closes before pos; else None."""
    opened = open_quote(text, max(0, g.start - QUOTE_REACH), g.start)
    if opened == -1 or text.find("”", g.end, pos) == -1:
        return None
    return opened


def _quoted_title_of(text: str, found: list[Found], i: int, own: str | None) -> Found | None:
    """The cited document whose title opens the quotation that found[i] stands in, if any: the first
    citation before the quotation decides (one inside it, a programme named there, is passed over)."""
    f = found[i]
    opened = open_quote(text, max(0, f.start - QUOTE_REACH), f.start)
    if opened == -1:
        return None
    for g in reversed(found[:i]):
        if g.start > opened:
            continue
        if g.key is None or g.key == own or g.title_start is None:
            return None
        # the quotation opens inside the title, a few words after its start
        if g.title_start <= opened <= g.title_start + QUOTED_TITLE_REACH:
            return g
        return None
    return None


QUOTED_TITLE_REACH = 120  # characters from a title's start to the quotation it opens


def _quoted_text(text: str, sentence: int, pos: int, consolidated: bool = False) -> bool:
    """pos is inside a curly quotation opened after a colon ("như sau: “…"), in its sentence or in one before
    (a quoted passage runs over several sentences: "… có nêu: “Sau khi … . Cục Thuế sẽ thực hiện … theo
    Luật …”"). A consolidated text enacts nothing: what it quotes is always another document's."""
    lo = max(0, pos - QUOTE_REACH)
    opened = (open_quote_nested if consolidated else open_quote)(text, lo, pos)
    if opened == -1 or not text[max(lo, opened - 6) : opened].rstrip(" \t\n*").endswith(":"):
        return False
    if consolidated:
        return True
    # a passage the document itself enacts ("Sửa đổi, bổ sung Điều 4 như sau: “Điều 4. …”") is its own text
    # past its first sentence
    return opened >= sentence or _AMENDS_WORD.search(text, max(0, opened - ENACT_REACH), opened) is None


_AMENDS_WORD = re.compile(r"(?<![^\W\d_])(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)(?![^\W\d_])", re.I)
ENACT_REACH = 200  # characters before a quotation that may say the document enacts it


_ISSUED_WITH = re.compile(r"(?<![^\W\d_])ban[\s*]+hành[\s*]+kèm[\s*]+theo[\s*]*$", re.I)
# what may not stand between an amended document and the "được sửa đổi, bổ sung bởi …" of its clause: a
# colon, or an article that starts ("…;*\n**QUYẾT ĐỊNH:**\n**Điều 1.** Công bố 12 thủ tục hành chính
# được sửa đổi, bổ sung … tại Thông tư X": the passive is said of the procedures)
_PASSIVE_BREAK = re.compile(r":|(?<![^\W\d_])Điều[\s*]+\d")
# ("… hết hiệu lực toàn bộ kể từ ngày …": wholly; "một phần": in part, ended all the same)
_EXPIRES = re.compile(
    r"(?<![^\W\d_])hết\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+(?:toàn\s+bộ|một\s+phần))?(?![^\W\d_])", re.I
)
EXPIRY_REACH = 400  # characters from a citation to the "hết hiệu lực" its sentence ends it with


def _first_of(text: str, word: str, lo: int, hi: int) -> int:
    """Where a pattern that opens with ``word`` (lower case, in any case in the text) may first match in
    text[lo:hi]: found by substring search in the lower-cased text, ``hi`` when it is not there (the
    pattern then finds nothing); ``lo`` when the text has no lower-cased form with the same offsets."""
    low = lowered(text)
    if low is None:
        return lo
    at = low.find(word, lo, hi)
    return hi if at == -1 else at


def _expired_here(text: str, sentences: _Sentences, found: list[Found]) -> None:
    """ "Quyết định số X … hết hiệu lực kể từ ngày Quyết định này có hiệu lực": the subject of the sentence
    is ended by this document (repeals), though the phrase follows it. Only citations no phrase governs."""
    for i, f in enumerate(found):
        if f.relation != "cites" or f.subject is not None:
            continue
        if _heading_expires(text, f):
            # "Các Nghị quyết của HĐND Thành phố sau đây hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi
            # hành: số A …; số B …": the list's heading ends every item
            f.relation = "repeals"
            f.why.append("relation: its list's heading ends it from this document's own date")
            for g in found[i + 1 :]:
                if "list_continued" not in g.flags or g.relation != "cites":
                    break
                g.relation = "repeals"
                g.why.append(f"relation: listed with {f.key} under that heading")
            continue
        # (the documents named inside its title, and their own titles, are the title's words too)
        own_end = max(f.end, f.extent_end)
        for g in found[i + 1 :]:
            if g.subject is None or g.start > own_end:
                break
            own_end = max(own_end, g.end, g.extent_end)
        hi = min(len(text), own_end + EXPIRY_REACH)
        m = _EXPIRES.search(text, _first_of(text, "hết", f.end, hi), hi)
        if m is None or not (
            _SELF_TIME.match(text, m.end())
            or (
                _SENTENCE_ENDS.match(text, m.end())
                and _OWN_EFFECT.search(text, max(0, f.start - OWN_EFFECT_REACH), f.start) is not None
            )
        ):
            continue
        if sentences.last_in(f.end + 1, m.start()) is not None or any(
            not _in_brackets(text, f.end, p.start())
            for p in phrases(text, min(own_end, m.start()), m.start())
        ):
            continue  # (its own title's words, and an aside in brackets, are no other clause's verb)
        f.relation = "repeals"
        f.why.append("relation: ended from this document's own date, 'hết hiệu lực' after it")
        # "Nghị quyết số A … về … và Nghị quyết số B … hết hiệu lực kể từ …": the subject is the whole list
        # (a document named inside an item's title is passed over: the item's title runs over it)
        j, nxt = i - 1, f
        while j >= 0 and found[j].relation == "cites":
            prev = found[j]
            j -= 1
            if prev.subject is not None:
                continue
            if not _AND_GLUE.match(text[max(prev.end, prev.extent_end or prev.end) : nxt.start]):
                break
            prev.relation = "repeals"
            prev.why.append(f"relation: listed with {nxt.key}, ended from this document's own date")
            nxt = prev


_SECOND_AMENDED = re.compile(r"(?:,|(?<![^\W\d_])và)[\s*]*$")
_LIST_BREAK = re.compile(r"[;.]\s|\n[ \t*]*[-–+•]|\n[ \t]*\n")
_AND_GLUE = re.compile(r"[\s,*]*(?:và[\s,*]*)?$")
# from "hết hiệu lực" to the heading's colon, then the first item ("… kể từ ngày Nghị quyết này có hiệu lực thi
# hành: số 15/2013/NQ-HĐND …")
_HEADING_TO_ITEMS = re.compile(r"(?:[^.;:\n]|\n(?![ \t]*\n))*:[\s*]*(?:số[\s*]*)?\d")


def _heading_expires(text: str, f: Found) -> bool:
    """The citation's span opens with a plural heading that ends its items ("Các Nghị quyết … sau đây hết
    hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành: số …")."""
    m = _EXPIRES.search(text, _first_of(text, "hết", f.start, f.end), f.end)
    return m is not None and _HEADING_TO_ITEMS.match(text, m.end(), f.end) is not None


# a short heading line that names what follows as recommendations or proposals
# ("**1.2. Kiến nghị thực thi**", "**Nội dung kiến nghị:**": a reply letter quotes the petition under it)
_PROPOSAL_HEADING = re.compile(
    r"(?:^|\n)[ \t*#]*(?:[\dIVX]+(?:\.\d+)*\.?[ \t*]*)?(?:(?:nội[ \t]+dung[ \t]+)?kiến[ \t]+nghị|đề[ \t]+xuất)"
    r"[^\n.;:]{0,40}:?[ \t*]*\n",
    re.I,
)
# a numbered heading line ("**1.3. Lợi ích …**") or a line in bold ("**Trả lời:**") ends that section
_NUMBERED_HEADING = re.compile(r"\n[ \t*#]*\d+(?:\.\d+)+\.?[ \t*]|\n[ \t]*\*\*[^*\n]{1,80}\*\*[ \t]*\n")
PROPOSAL_REACH = 600


def _under_proposal_heading(text: str, pos: int) -> bool:
    lo = max(0, pos - PROPOSAL_REACH)
    low = lowered(text)
    if low is not None and low.find("kiến", lo, pos) == -1 and low.find("xuất", lo, pos) == -1:
        return False  # asked of every act: a substring search first, the pattern only where it may match
    last = None
    for m in _PROPOSAL_HEADING.finditer(text, lo, pos):
        last = m
    return last is not None and _NUMBERED_HEADING.search(text, last.end() - 1, pos) is None


# a form's heading at a line start ("**Mẫu số 02: …**"), and the blank number or date of a template's header
# ("Số: /QĐ-(3)", "Số:…/KH-…", "……., ngày … tháng … năm ……")
_FORM_HEADING = re.compile(r"(?:^|\n)[ \t*#|]*(?:mẫu|biểu)(?:[ \t]+số)?[ \t]*\d", re.I)
_BLANK_NUMBER = re.compile(
    r"(?<![^\W\d_])số[ \t*]*:?[\s*]*[….…_ ]*/[\s*]*[A-ZĐ(]|ngày[ \t*]*[….…_]{1,}[ \t*]*tháng[ \t*]*[….…_]",
    re.I,
)
FORM_REACH = 2000  # characters from a form's heading to a citation in its template


def _in_form_template(text: str, pos: int) -> bool:
    lo = max(0, pos - FORM_REACH)
    low = lowered(text)
    if low is not None and low.find("mẫu", lo, pos) == -1 and low.find("biểu", lo, pos) == -1:
        return False  # asked of every act: a substring search first
    last = None
    for m in _FORM_HEADING.finditer(text, lo, pos):
        last = m
    if last is None or _opens_text(text, last.start()):
        # a page that is the form itself ("# …⏎⏎MẪU SỐ 25⏎…⏎Căn cứ Quyết định số …"): what its preamble
        # rests on is its own basis, as readers give it
        return False
    return _BLANK_NUMBER.search(text, last.end(), pos) is not None


def _opens_text(text: str, pos: int) -> bool:
    """Is nothing but a title line before ``pos``?"""
    return pos < 200 and sum(1 for line in text[:pos].splitlines() if line.strip()) <= 1


_DANGLING_BASIS = re.compile(
    r"(?:^|\n)[ \t*_]*(căn[ \t]+cứ(?:[ \t]+(?:vào|theo))?)[ \t*_]*(?:\n[ \t*_]*)+$", re.I
)


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside a bracket opened after ``lo``?"""
    return text.count("(", lo, pos) > text.count(")", lo, pos)


_NOTE_LINE = re.compile(r"[ \t*]*\[(\d{1,3})\][ \t*]*$")


def _footnote_anchor(text: str, pos: int) -> int | None:
    """Where the mark of the footnote a citation opens ("[1] Nghị quyết …") stands in the text, or None."""
    ls = text.rfind("\n", max(0, pos - 40), pos) + 1
    if ls == 0 and pos > 40:
        return None
    m = _NOTE_LINE.match(text, ls, pos)
    if m is None:
        return None
    mark = f"[{m.group(1)}]"
    at = text.rfind(mark, 0, ls)
    while at != -1 and (at == 0 or text[at - 1] == "\n"):
        at = text.rfind(mark, 0, at)  # another note line, not the mark in the running text
    return at if at != -1 else None


RESTATE_REACH = 600  # characters from a citation's end (its title included) to a bracket restating it
_BRACKET_OPENS = re.compile(r"[ \t*]*$")
_BRACKET_CLOSES = re.compile(r"[^()\n]{0,40}?\)")


def _restated(text: str, found: list[Found], i: int, paren: int) -> Found | None:
    """The citation before found[i] that found[i], alone in its bracket, names again by the same key."""
    f = found[i]
    # paren is just past the "(": only the citation in the bracket, then at most a date before ")"
    if not _BRACKET_OPENS.match(text, paren, f.start) or not _BRACKET_CLOSES.match(text, f.end):
        return None
    for j in range(i - 1, max(-1, i - 12), -1):
        named = found[j]
        if named.key != f.key or "named" in named.flags:
            continue
        # only what its title names may stand between ("(Nghị quyết số 50/NQ-CP)" after a title that names
        # Nghị quyết số 163/2024/QH15)
        title_end = named.extent_end or named.end
        if named.start >= paren or paren - title_end > RESTATE_REACH:
            return None
        if any(g.start >= title_end and "named" not in g.flags for g in found[j + 1 : i]):
            return None
        return named
    return None


def _defined(found: list[Found], i: int) -> Found | None:
    """The citation an alias definition restates: the nearest before it with its key ("Nghị định số A …
    sửa đổi … Nghị định số B … (sau đây gọi tắt là Nghị định số A)" restates A, not B), else the nearest."""
    key = found[i].key
    same = next((found[j] for j in range(i - 1, max(-1, i - 6), -1) if key and found[j].key == key), None)
    return same or _last_numbered(found, i)


def _last_numbered(found: list[Found], i: int, reach: int = 50, by_name: bool = True) -> Found | None:
    """The nearest citation with a key before found[i]. ``by_name`` False skips references by name whose
    key the text settled elsewhere: "… hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật được
    sửa đổi, bổ sung bởi Nghị định số B" amends the decree whose title names that law, not the law."""
    return next(
        (
            found[j]
            for j in range(i - 1, max(-1, i - 1 - reach), -1)
            if found[j].key and (by_name or "named" not in found[j].flags)
        ),
        None,
    )


# a list mark, then emphasis; "các" may open the item ("- Các Nghị định về …: số 115/2024/NĐ-CP …")
_ITEM_MARK = re.compile(
    r"[ \t*|]*(?:[-–+•]|\(?\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)?[ \t*]*(?:[Cc]ác[ \t*]+)?$"
)


# a line opened by an item's mark and nothing else before its words ("l) Căn cứ pháp lý …", "3. Cơ sở pháp lý")
_MARKED_HEADING = re.compile(r"[ \t*|]*(?:\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)[ \t*]*[^\W\d_]")


QUOTED_HEADING = 300  # the longest quoted heading whose inner sentence ends are read over


def _past_quoted_heading(text: str, sentences: _Sentences, lo: int, boundary: int, pos: int) -> int | None:
    """A sentence end inside a short quotation closed before the citation ("theo quy định tại Mục 5 của
    “Phần VI. TRÌNH TỰ …” của Phụ lục 1 kèm theo Nghị định X") ends no sentence: the boundary before the
    quotation's opening stands instead."""
    q = text.rfind("“", max(lo, boundary - QUOTED_HEADING), boundary)
    if q == -1 or text.find("”", q, boundary) != -1:
        return boundary
    close = text.find("”", boundary, min(pos, q + QUOTED_HEADING))
    if close == -1:
        return boundary
    return sentences.last_in(lo, q)


def _item_start(text: str, lo: int, pos: int) -> int | None:
    """Start of the line when the citation opens it (after a list mark, a table bar, emphasis)."""
    ls = text.rfind("\n", max(0, pos - LINE_REACH), pos) + 1
    if ls == 0 and pos > LINE_REACH:
        return None  # no line start near: not the first thing on its line
    m = _ITEM_MARK.match(text, ls, pos)
    if m is None:
        return None
    if text[ls:pos].strip(" \t*").lower() in ("", "các"):
        # no mark: a line of its own only after a finished line or a blank one, not a hard-wrapped sentence
        # ("… đặc biệt là⏎các Công điện số …")
        before = text[max(0, ls - 300) : max(0, ls - 1)].rstrip(" \t*")
        if before and before[-1] not in ";:.|\n" and "\n\n" not in text[max(0, ls - 3) : ls]:
            # a mark left alone on the line above by the conversion ("-⏎Nghị định số …") opens the item
            prev = text[text.rfind("\n", max(0, ls - 40), max(0, ls - 1)) + 1 : max(0, ls - 1)]
            if prev.strip(" \t*|") not in _LONE_MARKS:
                return None
    return ls


_LONE_MARKS = frozenset({"-", "–", "+", "•"})


DASH_WRAPS = 2  # wrapped lines walked back to find the dash that opens an item
_DASH_MARK = re.compile(r"[ \t*]*[-+•–][ \t]")
_FINISHED = frozenset('.;”"!?')


# a colon that ends a line over dash items: the sentence heads a list ("Căn cứ quy định tại:\n\n- …")
_COLON_OVER_ITEMS = re.compile(r":[ \t*]*\n(?:[ \t]*\n)*[ \t*]*[-+•–][ \t]")


def _dash_item(text: str, lo: int, pos: int) -> int | None:
    """Start of the line when it opens with a dash mark and the line before ends a sentence or a quotation
    (the citation need not open the line: "- Tại khoản 1 Điều 17 Nghị định X")."""
    end = pos
    # the item's line may be hard-wrapped: "- Tại khoản 3 Điều 18, khoản 4 Điều⏎19 Nghị định X"
    for _ in range(DASH_WRAPS + 1):
        ls = text.rfind("\n", max(lo, pos - LINE_REACH), end) + 1
        if ls <= lo:
            return None
        before = text[max(0, ls - 40) : ls - 1].rstrip(" \t*\r\n")  # (over a blank line between items too)
        if _DASH_MARK.match(text, ls, pos):
            return ls if before and before[-1] in _FINISHED else None
        if not before or before[-1] in _FINISHED or before[-1] == ":":
            return None  # the line before is finished: this line is no wrapped part of an item
        end = ls - 1
    return None


def _open_bracket(text: str, lo: int, pos: int) -> int | None:
    """The last "(" before pos that is still open there, or None."""
    last = text.rfind("(", lo, pos)
    if last == -1:
        return None
    if text.find(")", last, pos) == -1:
        return last + 1  # nothing closes the last one
    depth = 0
    for j in range(pos - 1, lo - 1, -1):
        c = text[j]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                return j + 1
            depth -= 1
    return None


_LINE_HEAD = re.compile(r"[^\n]*:[\s*]*$")
_LEGAL_BASIS = re.compile(r"căn\s+cứ\s+pháp\s+lý|cơ\s+sở\s+pháp\s+lý|là\s+căn\s+cứ", re.I)
_LEGAL_BASIS_LOWER = re.compile(_LEGAL_BASIS.pattern)  # for lower-cased text (text.lowered)
# what ends the reach of a heading: a numbered section ("1.12.", "II."), an article, another labelled cell
# (a section's number is short: "1.014464. H12" is a procedure's code in a table cell, no section)
# (an article heading is "Điều 16." or "Điều 16:"; a wrapped line "Điều 16 của Luật …" goes on a sentence)
_SECTION = re.compile(
    r"\n[ \t*]*(?:[IVX]+\.|\d{1,2}\.\d{1,3}(?:\.\d{1,3})*\.?\s+[^\W\d_]|điều\s+\d+[a-z]?\s*[.:]|\*\*(?![A-Z]\.)[^*\n]{2,80}\*\*[ \t]*\n)",
    re.I,
)
# (or a new table's header row: "**STT**" opens the columns of the next list, the legal basis perhaps not
# among them)
_TABLE_SECTION = re.compile(
    r"\n[ \t*]*(?:\d{1,2}\.\d{1,3}(?:\.\d{1,3})*\.?\s+[^\W\d_]|điều\s+\d+[a-z]?\s*[.:])|\n[ \t]*\n[ \t]*[^|\s]"
    r"|\n[ \t]*\*\*STT\*\*[ \t]*\n",
    re.I,
)
_HEADER_CELL = re.compile(r"\|[ \t]*\n[ \t]*\*\*$")
_MARKED_LINE = re.compile(r"[ \t*|]*(?:[-–+•]|\d+[.)]|[a-zđ]\))")
_ARTICLE_LINE = re.compile(r"[ \t*#|]*Điều[ \t*]+\d+[a-zđ]?[ \t*]*[.:]", re.I)
SCOPE_LIMIT = 8000
HEADING_REACH = 400  # how far a wrapped list heading is read back
LINE_REACH = 2000  # the longest line looked back over for a list mark or a heading
SELF_REACH = 600  # how far back in its sentence a phrase looks for the document's own voice


# "**Điều 1. Bãi⏎bỏ toàn bộ một số văn bản …**" over "1. Quyết định số … 2. … 39. …": an article heading that
# repeals, amends or replaces acts on every document listed under it, with a colon or without. Its other
# verbs ("Điều 5. Hiệu lực thi hành", "Tổ chức thực hiện") name no act on what is listed.
_ARTICLE = re.compile(r"(?:\A|\n)[ \t*#|]*(điều[ \t*]+\d+[a-zđ]?[ \t*]*[.:])", re.I)
# The same in two parts: at the start of the text, and after a line break, a literal first character the
# regex engine skips ahead to (the alternation "\A or a line break" is tried at every position). A match
# holds no line break, so the two never overlap and together list what _ARTICLE lists.
_ARTICLE_FIRST = re.compile(_ARTICLE.pattern.removeprefix(r"(?:\A|\n)"), re.I)
_ARTICLE_AFTER_BREAK = re.compile("\n" + _ARTICLE_FIRST.pattern, re.I)


def article_starts(text: str) -> list[int]:
    """Where each article heading's "Điều N." starts: ``[m.start(1) for m in _ARTICLE.finditer(text)]``."""
    first = _ARTICLE_FIRST.match(text)
    return ([first.start(1)] if first else []) + [m.start(1) for m in _ARTICLE_AFTER_BREAK.finditer(text)]


_LIST_MARK = r"[ \t*|]*(?:[-–+•]|\d+(?:\.\d+)*[.)][ \t]|[a-zđ]\)[ \t])"
_HEADING_END = re.compile(rf"\n[ \t]*\n|\n(?={_LIST_MARK})")
# a paragraph that opens with no list mark (a closing clause, a chapter, a quotation) ends the list, and so
# does a table (its cells are what the article lists: procedures, forms, not documents it acts on)
_LIST_BREAK = re.compile(rf"\n[ \t]*\n(?!{_LIST_MARK}|[ \t]*\n)|\n[ \t]*\|")
ARTICLE_ACTS = ("repeals", "amends", "replaces")
ARTICLE_REACH = 40000  # the longest list an article heading is read over


class _Articles:
    """The article headings of one text, found when first needed; how far each one's list reaches is
    remembered, so a long list is read once however many items it has."""

    def __init__(self, text: str, found: list[Found]) -> None:
        self.text = text
        self.cited = [f.start for f in found]
        self.starts: list[int] | None = None
        self.reach: dict[int, tuple[int, int, Governing | None]] = {}  # start -> (heading end, read to, act)
        self._bases: list[tuple[int, int]] | None = None
        self.section_after: dict[int, int] = {}  # legal-basis heading's end -> where its section ends

    def legal_bases(self) -> list[tuple[int, int]]:
        """The text's legal-basis headings, found once for all its list items."""
        if self._bases is None:
            self._bases = _legal_bases(self.text)
        return self._bases

    def over(self, pos: int) -> Governing | None:
        text = self.text
        if self.starts is None:
            self.starts = article_starts(text)
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or pos - self.starts[i] > ARTICLE_REACH:
            return None
        hs = self.starts[i]
        if hs not in self.reach:
            e = _HEADING_END.search(text, hs, min(len(text), hs + HEADING_REACH))
            he = e.start() if e else min(len(text), hs + HEADING_REACH)
            j = bisect.bisect_left(self.cited, hs)
            gov = None
            if j == len(self.cited) or self.cited[j] >= he:  # a heading that names no document itself
                hit = _relation_in(text, hs, he, hs)
                if hit is not None and hit.relation in ARTICLE_ACTS:
                    head = " ".join(text[hs:he].replace("*", " ").split())
                    gov = Governing(hit.relation, hit.start, hit.end, f"list under article '{head[:60]}'")
            self.reach[hs] = (he, he, gov)
        he, read_to, gov = self.reach[hs]
        if gov is None or pos < he:
            return None
        if read_to < pos:
            if read_to == -1 or _LIST_BREAK.search(text, max(he, read_to - 2), pos) is not None:
                self.reach[hs] = (he, -1, gov)  # the list ended above: no later item is under it either
                return None
            self.reach[hs] = (he, pos, gov)
        return gov


def _scope(text: str, pos: int, at_item: bool, articles: _Articles | None = None) -> Governing | None:
    """The relation a heading gives a list item: "bãi bỏ các văn bản sau:" over "1. … 30. …", a table
    column or section headed "Căn cứ pháp lý" / "Cơ sở pháp lý" over the citations listed under it."""
    if not at_item:
        return None
    ls = text.rfind("\n", max(0, pos - LINE_REACH), pos) + 1
    # a line ending in ":" above the item, with only list items (and their wrapped lines) in between
    j, seen = ls, 0
    while j > 0 and seen < 60 and pos - j < SCOPE_LIMIT:
        k = text.rfind("\n", max(0, j - 1 - LINE_REACH), j - 1) + 1
        line = text[k : j - 1]
        seen += 1
        j = k
        if not line.strip(" \t*|"):
            continue
        if _ARTICLE_LINE.match(line):
            break  # "**Điều 5. Hiệu lực …**": a new article; a list heading above it is another article's
        if (legal := _LEGAL_BASIS.search(line)) is not None and _MARKED_HEADING.match(line):
            # "l) Căn cứ pháp lý của thủ tục hành chính" over the item: a heading of its own, nearer than any
            # list heading further up ("i) Kết quả của việc thực hiện thủ tục hành chính:")
            return Governing(
                "based_on", k + legal.start(), k + legal.end(), "listed under a legal-basis heading"
            )
        if _LINE_HEAD.match(line):
            # a heading wrapped over several lines ("2. Bãi bỏ các Thông tư⏎sau:") is read whole: back to
            # a blank line or the end of a sentence
            hs = k
            while hs > 0 and k - hs < HEADING_REACH:
                p = text.rfind("\n", max(0, hs - 1 - HEADING_REACH), hs - 1) + 1
                prev = text[p : hs - 1].rstrip(" \t*|")
                if not prev.strip(" \t*|") or prev.endswith((".", ";", ":")):
                    break
                hs = p
            hit = _relation_in(text, hs, k + len(line), hs)
            if hit is not None and hit.relation not in ("passive", "cites"):
                head = " ".join(text[hs : k + len(line)].split()).strip(" *:")
                return Governing(hit.relation, hit.start, hit.end, f"list under '{head[-60:]}'")
            break
        if line.rstrip(" \t*|").endswith(("”", '"')) and not _MARKED_LINE.match(line):
            break  # a quotation closes above: the heading introduced the quotation, not this item
        if _ITEM_MARK.match(line) is None and not _MARKED_LINE.match(line):
            if k and text[max(0, k - 2) : k - 1] in (".",):
                break  # a finished sentence before an unmarked line: not one list
    if articles is not None and (art := articles.over(pos)) is not None:
        return art
    lo = max(0, pos - SCOPE_LIMIT)
    basis = articles.legal_bases() if articles is not None else _legal_bases(text)
    i = bisect.bisect_right(basis, (pos,)) - 1  # the last heading that starts before pos …
    while i >= 0 and basis[i][1] > pos:
        i -= 1  # … and ends before it
    # a column headed so in a table ("|\n**Cơ sở pháp lý**\n|"): its reach runs over the table's other bold
    # cells (the header row's, the rows' group titles), not over a numbered section or an article
    if i < 0:
        return None
    s, e = basis[i]
    if _HEADER_CELL.search(text, max(0, s - 8), s):
        # a column headed so in a table ("|\n**Cơ sở pháp lý**\n|"): its reach runs over the table's rows,
        # however long (a table of procedures runs for pages), and its other bold cells (the header row's,
        # the rows' group titles), to a numbered section, an article or the table's end; where that is is
        # found once for all the rows
        if articles is not None:
            end = articles.section_after.get(e)
            if end is None:
                m = _TABLE_SECTION.search(text, e)
                end = articles.section_after[e] = m.end() if m is not None else len(text) + 1
            return Governing("based_on", s, e, "listed under a legal-basis heading") if ls < end else None
        if s >= lo and _TABLE_SECTION.search(text, e, ls) is None:
            return Governing("based_on", s, e, "listed under a legal-basis heading")
        return None
    if s >= lo and _SECTION.search(text, e, ls) is None:
        return Governing("based_on", s, e, "listed under a legal-basis heading")
    return None


def _legal_bases(text: str) -> list[tuple[int, int]]:
    """Where each legal-basis heading ("Căn cứ pháp lý", "Cơ sở pháp lý") of the text stands, in order."""
    low = lowered(text)
    found = _LEGAL_BASIS.finditer(text) if low is None else _LEGAL_BASIS_LOWER.finditer(low)
    return [(m.start(), m.end()) for m in found]


def _anaphora(
    text: str, s: int, f: Found, type_words: re.Pattern[str], last_of_type: dict[str, Found]
) -> None:
    while s < f.start and text[s].isspace():
        s += 1
    m = type_words.match(text, s)
    # a Title-case type word opening a sentence; not a heading in capitals, not the citation itself
    if m is None or m.start() == f.start or m.group()[:1].islower() or m.group().isupper():
        return
    if f.alias_definition or f.key is None:
        return
    after = text[m.end() : m.end() + 12].lstrip()
    if after[:1].isdigit() or after.lower().startswith(("số", "này")):
        return
    ref = last_of_type.get(" ".join(m.group().lower().split()))
    if ref is not None and ref.key and ref.key != f.key:
        f.subject = ref.key
        f.flags.append("anaphoric_subject")


# a few sentences with no header are a snippet (a quotation, a test, a pasted paragraph), not a page:
# read them as the citing document's own words
PAGE_MIN = 1500


def _own_preamble(text: str) -> bool:
    """A "Căn cứ" line that bases the text on a document ("Căn cứ Luật …", "Căn cứ vào Nghị quyết …"), or an
    "Điều 1.": a document's own preamble or body. "Căn cứ chủ trương của Bộ Chính trị, …" in a news item is
    the reported body's reasoning, no preamble."""
    for m in _preamble_lines(text):
        if not m.group().strip(" \t*|").lower().startswith("căn"):
            return True  # "Điều 1."
        if (
            (basis := _basis_document().match(text, m.end())) is not None
            and _names_a_document(text, basis)
            and not quoted_basis(text, m.start())
            and not _LEADS_IN.match(text, m.start())
        ):
            return True
    return False


_NUMBER_NEXT = re.compile(r"[\s*]*(?:số[\s*]*:?[\s*]*)?\d")


def _names_a_document(text: str, basis: re.Match[str]) -> bool:
    """A capitalised type word names a document ("Căn cứ Luật …"); a lower-case one only with its number
    ("căn cứ nghị định số 15/…"): "Căn cứ báo cáo thành tích của các cá nhân, …" is a page's own words."""
    word = _INTRO_WORD.sub("", basis.group())
    return word[:1].isupper() or _NUMBER_NEXT.match(text, basis.end()) is not None


_INTRO_WORD = re.compile(r"^(?:vào|theo)[\s*]+", re.I)


# "Căn cứ theo Quyết định 610/QĐ-UBND năm 2025, hướng dẫn cách tính điểm … như sau:": a page's writer leading
# into what a document says, not a preamble line (those end with ";" or ",", or run on to the next line)
_LEADS_IN = re.compile(r"[^\n]*:[ \t*|]*(?:\n|$)")


@functools.cache
def _basis_document() -> re.Pattern[str]:
    """A document's type word, or a law's ("Hiến pháp", "Luật", "Kế hoạch" …), after "căn cứ (vào|theo)"."""
    return re.compile(
        rf"(?:(?:vào|theo)[\s*]+)?(?:{_any_type()}|điều[\s*]+lệ|quy[\s*]+chế)(?![^\W\d_])", re.I
    )


# A preamble line rests on a document ("Căn cứ Luật …"; one that rests on the body's own powers, "Căn cứ chức
# năng, nhiệm vụ …", stands beside lines that name documents); a question-and-answer page quotes a provision
# ("Căn cứ theo khoản 1 Điều 2 Thông tư …", "Căn cứ tại Điều 16 Luật …"), which is no preamble of its own, nor
# is a markdown heading ("## Căn cứ xây dựng …")
_OWN_PREAMBLE = re.compile(
    r"^[ \t*|]*(?:căn\s+cứ[\s*]+(?!(?:(?:theo|tại|vào)[\s*]+)?(?:quy\s+định|điều|khoản|điểm|mục|tiết"
    r"|tiểu\s+mục|chương|phụ\s+lục)(?![^\W\d_]))|điều\s+1\.)",
    re.I | re.M,
)
# the words that open such a line, each a pattern that opens with a letter (the engine looks for it as a
# plain character, several times faster than trying the whole pattern at every position of the text)
_PREAMBLE_WORDS = (re.compile(r"căn\s+cứ"), re.compile(r"điều\s+1\."))
_LINE_LEAD = re.compile(r"[ \t*|]*")


def _preamble_lines(text: str) -> Iterator[re.Match[str]]:
    """``_OWN_PREAMBLE.finditer(text)``, tried only at the starts of the lines whose first word is one of
    its words (found in the lower-cased text)."""
    low = lowered(text)
    if low is None:
        yield from _OWN_PREAMBLE.finditer(text)
        return
    starts = []
    for rx in _PREAMBLE_WORDS:
        for w in rx.finditer(low):
            line = low.rfind("\n", 0, w.start()) + 1
            if _LINE_LEAD.match(low, line).end() == w.start():  # type: ignore[union-attr]
                starts.append(line)
    yield from matches_at(_OWN_PREAMBLE, text, starts)


_LEFTOVER = re.compile(r"^\s*\[[^\]\n]{0,40}\]")


def _genre_heading(text: str) -> bool:
    """One of the first lines is a heading in capitals naming a genre or a document type."""
    # a converter's leftovers may open the line ("[bookmark: _GoBack]CHUYÊN ĐỀ: …")
    lines = [_LEFTOVER.sub("", ln).strip(" \t*#|") for ln in text[:3000].splitlines()]
    lines = [ln for ln in lines if ln][:4]
    genres = vocab.own_genres()
    for ln in lines:
        letters = [c for c in ln if c.isalpha()]
        if len(letters) < 4 or not ln[: len(ln.split(":")[0])].isupper():
            continue
        m = type_word_regex().match(ln)
        if ln.startswith(genres) or (m is not None and m.group().isupper()):
            return True
    return False


def _speaks_of_itself(text: str, found: list[Found]) -> bool:
    """A "Kế hoạch này" that no earlier citation of its type explains. On a page that has already named a
    plan ("UBND tỉnh đã ban hành Kế hoạch 0219/KH-UBND … Kế hoạch này …", "Tại Nghị quyết này, Chính phủ
    …") the words point back at the document reported, as any pronoun does, not at the page."""
    firsts: dict[str, int] = {}
    for f in found:
        firsts.setdefault(" ".join(f.doc_type.lower().split()), f.start)
    first_any = min(firsts.values(), default=len(text))
    reported: set[str] = set()  # type words a page has reported by ("Theo đó, Thông tư này …")
    for m in _self_mentions(text):
        if not m.group()[:1].isupper():
            continue  # "… kế hoạch này …" in running prose: a common noun, not a document naming itself
        word = " ".join(m.group().lower().split()[:-1])  # the type word before "này"
        if word in reported:
            continue  # the same reported document again
        if _ACCORDINGLY.search(text, max(0, m.start() - 16), m.start()):
            reported.add(word)
            continue
        # ("Văn bản này", "Quy định này" on a page point back at whatever document it named before: a
        # provision of it, not the page)
        # (a longer or shorter type word of the same kind counts: the page's "Thông báo 81-TB/TW" explains the
        # quoted "Thông báo kết luận này")
        before = (
            first_any
            if word in vocab.named_words("points_back")
            else min(
                (
                    at
                    for t, at in firsts.items()
                    if t == word or word.startswith(t + " ") or t.startswith(word + " ")
                ),
                default=len(text),
            )
        )
        if (
            before >= m.start()
            and not _draft_named_before(text, word, m.start())
            and not _reported_bare_before(text, word, m.start())
        ):
            return True
    return False


# "Theo đó, Thông tư này quy định …": a page reporting what the document it has just named provides (a news
# body whose opening was cut keeps the words)
_ACCORDINGLY = re.compile(r"(?<![^\W\d_])theo[ \t]+đó[ \t]*,[ \t*]*$", re.I)


def _reported_bare_before(text: str, word: str, pos: int) -> bool:
    """A sentence opened by the bare type word and a verb of reporting before pos ("Thông tư nêu rõ, …"): the
    page reports on a document of that type, and its "Thông tư này" quotes that document."""
    return _reported_bare(word).search(text, 0, pos) is not None


@functools.lru_cache(maxsize=64)
def _reported_bare(word: str) -> re.Pattern[str]:
    spaced = r"\s+".join(map(re.escape, word.split()))
    return re.compile(
        rf"(?:^|[.!?:]\s+|\n)[\s*#>-]*{spaced}[\s*]+(?:cũng\s+)?(?:nêu\s+rõ|quy\s+định\s+rõ|cho\s+biết)"
        r"(?![^\W\d_])",
        re.I,
    )


def _draft_named_before(text: str, word: str, pos: int) -> bool:
    """A draft of that type named before ("Bộ Tài chính đang dự thảo Thông tư …", "Dự thảo Thông tư …"): the
    page's "Thông tư này" quotes the draft."""
    spaced = r"\s+".join(map(re.escape, word.split()))
    return re.compile(rf"dự[\s*]+thảo[\s*]+{spaced}(?![^\W\d_])", re.I).search(text, 0, pos) is not None


def _self_mentions(text: str) -> Iterator[re.Match[str]]:
    """``_self_regex().finditer(text)``, looked for only where "này" is: running the type-word pattern
    from every position of a long page cost milliseconds a page. Every match ends in "này" with the
    type word right before it, so a short window before each "này" finds it."""
    rx = _self_regex()
    low = lowered(text)
    # searched in the lower-cased text with the lower-case pattern (the same matches, several times faster),
    # the match then made on the text; where lower-casing would move offsets, in the text itself
    hay, rx_hay = (text, rx) if low is None else (low, _self_regex(False))
    ends = _self_word_ends()
    after = 0
    for n in _THIS.finditer(hay) if low is None else plain_positions(low, "này"):
        i = n if isinstance(n, int) else n.start()
        end = i + 3
        # the word before "này" (spaces between, as the pattern wants) must end as a type word can: most
        # "này" in prose ("năm này", "việc này") are passed over without running the pattern
        j = i
        while j > 0 and hay[j - 1].isspace():
            j -= 1
        k = j
        while k > 0 and hay[k - 1].isalpha():
            k -= 1
        if j < i and k < j and _ends_as_type_word(hay[k:j].lower(), ends):
            # from past the previous "này" (a match holds one); one character past this one lets the
            # pattern's own look-ahead say the word ends there
            m = rx_hay.search(hay, max(after, i - _SELF_WINDOW), end + 1)
            if m is not None and m.end() == end:
                yield m if hay is text else rx.match(text, m.start(), end + 1)  # type: ignore[misc]
        after = end


_THIS = re.compile("này", re.I)


_SELF_WINDOW = 80  # characters: longer than any type word and the spaces before "này"


@functools.cache
def _self_word_ends() -> tuple[str, ...]:
    """Every run of letters written in the self pattern (escapes and character classes taken out, so the
    runs are the pattern's literal letters): a word the pattern ends on ends with one of them."""
    literal = re.sub(r"\\[^\W\d_]|\[[^\]]*\]", " ", _self_regex().pattern)
    return tuple(sorted(set(re.findall(r"[^\W\d_]+", literal))))


@functools.lru_cache(maxsize=4096)
def _ends_as_type_word(word: str, ends: tuple[str, ...]) -> bool:
    return word.endswith(ends)


# "căn cứ" opening a line or a table cell: the writer's own words, not a reported document's preamble
# (after a label: "**Lưu ý:** Căn cứ tại Điều 3 Nghị định …")
_BASIS_OPENS = re.compile(
    r"(?:^|\|)[ \t*#>-]*(?:(?:lưu[ \t]+ý|ghi[ \t]+chú|chú[ \t]+ý)[ \t*]*:[ \t*]*)?căn[ \t*]+cứ(?![^\W\d_])",
    re.I | re.M,
)
_BASIS_BREAK = re.compile(r"[.;!?]\s|\n[ \t]*\n")
BASIS_REACH = 240  # characters from that "căn cứ" to the citation it grounds on


def _authors_basis(text: str, pos: int) -> bool:
    """A "căn cứ" opening a line or a cell governs the citation at pos, in the same sentence."""
    last = None
    for m in _BASIS_OPENS.finditer(text, max(0, pos - BASIS_REACH), pos):
        last = m  # the nearest one before the citation
    return last is not None and _BASIS_BREAK.search(text, last.end(), pos) is None


def report_only(text: str, found: list[Found]) -> None:
    """A page that is not itself a document (a news item) does nothing to what it names: the relation
    words in it tell what the reported documents do ("Kế hoạch bám sát Chỉ thị …"), so every citation
    is cited. A text that speaks of itself ("Kế hoạch này"), has a preamble of "Căn cứ" lines or an
    "Điều 1." is a document whose header was not read, and keeps its relations."""
    if (
        len(text.strip()) < PAGE_MIN
        or _speaks_of_itself(text, found)
        or _own_preamble(text)
        or _genre_heading(text)
        or document_part(text)
    ):
        return
    for f in found:
        if f.relation == "based_on" and f.subject is None and _authors_basis(text, f.start):
            continue  # "Căn cứ theo Điều 4 Nghị định X thì …": the page's own reasoning rests on X
        if f.relation != "cites":
            if f.subject is not None and f.subject_relation is None:
                # "Kế hoạch do … ký, … thực hiện Kết luận số 15-KL/TW": the act is the reported plan's
                f.subject_relation = f.relation
            f.relation = "cites"
            f.why.append("relation: a reported page does not act on what it names")
