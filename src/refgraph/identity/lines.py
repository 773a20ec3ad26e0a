"""The top of a file as blocks: the units a header is laid out in.

Real headers come as docx tables exported line by line (cells between lines holding only "|"), as
markdown table rows ("| BỘ XÂY DỰNG ---- | CỘNG HÒA … |"), or as plain lines; words wrap anywhere and
bold or italic markers sit inside words ("ng**ày"). A block is one cell or one run of lines between
blank lines, separators and whole-line bold headings, its lines joined with spaces and its markup
removed, so a date wrapped over two lines or an organ name wrapped after "ỦY" reads as one text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from .. import vocab
from ..models import filled
from ..text import fold, normalize, normalized_top

_SEPARATOR = re.compile(r"(?:-{3,}|_{3,}|={3,}|\*{3,}|—{2,})")
_WHOLE_BOLD = re.compile(r"^\s*\*\*[^*].*\*\*\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MARKUP = re.compile(r"\*+|__+|`+")
_BOLD_JOIN = re.compile(r"(\w+)(\*{2,4})(\w\w)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Block:
    text: str  # markup removed, lines joined by one space
    line: int  # 1-based line of the file where the block starts
    starts: tuple[int, ...]  # offset in ``text`` where each further line begins
    lines: tuple[int, ...]  # the file line of each of those offsets (first = ``line``)
    bold: bool = False  # one whole-line bold phrase: a heading, never part of a wrapped paragraph
    heading: bool = False  # a markdown heading ("# …")
    cell: bool = False  # a table cell

    def line_at(self, offset: int) -> int:
        """The file line of a character offset in ``text``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[max(0, i)]


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[tuple[str, int]] = []
        self.bold = self.heading = self.cell = False

    def add(self, text: str, line: int) -> None:
        text = " ".join(text.split())
        if text:
            self.parts.append((text, line))

    def flush(self) -> None:
        parts = self.parts
        if parts:
            text, starts, lines = "", [], []
            for part, line in parts:
                if text:
                    text += " "
                starts.append(len(text))
                lines.append(line)
                text += part
            # models.filled: every file's top is cut into a hundred blocks or more
            block = filled(
                Block,
                dict(
                    text=text,
                    line=lines[0],
                    starts=tuple(starts),
                    lines=tuple(lines),
                    bold=self.bold,
                    heading=self.heading,
                    cell=self.cell,
                ),
            )
            self.blocks.append(block)
            self.parts = []
        self.bold = self.heading = self.cell = False


def clean(raw: str) -> str:
    """One line without markup: bold/italic markers go without a trace ("ng**ày" is "ngày"), except
    where one bold run closes and the next opens ("NGHỊ QUYẾT****Về việc …"): that is a break."""
    if "*" not in raw and "_" not in raw and "`" not in raw:
        return raw
    if "**" in raw:  # (a join or a break needs two markers at least)
        raw = _BOLD_JOIN.sub(_join_or_break, raw)
    return _MARKUP.sub("", raw)


def _join_or_break(m: re.Match[str]) -> str:
    """Markers after a word in capitals ("ĐỊNH**Quy", "QUYẾT****Về", "THỊ**CỦA", "BÍ THƯ****về") separate
    two phrases; anywhere else ("V****ề", "H**à", "Quy**ết") they sit inside one word."""
    before, after = m.group(1), m.group(3)
    split = before[-1].isupper() and (after[0].isupper() or (len(before) > 1 and before.isupper()))
    return before + (" " if split else "") + after


def blocks(text: str, max_lines: int | None = None, first_line: int = 1) -> list[Block]:
    """The blocks of ``text`` (its first ``max_lines`` lines)."""
    return list(_made(top_text(text, max_lines), first_line))


def top_text(text: str, max_lines: int | None) -> str:
    """``text``'s first ``max_lines`` lines, normalized (only the top is read: only the top is normalized)."""
    if max_lines is not None:
        cut = -1
        for _ in range(max_lines):
            cut = text.find("\n", cut + 1)
            if cut < 0:
                break
        if cut >= 0:
            known = normalized_top(text, cut)  # the whole text was normalized just before: cut that
            return known if known is not None else normalize(text[:cut]).text
    return normalize(text).text


class Blocks(Sequence[Block]):
    """The blocks of a normalized top, made only as far as they are asked for: a page's header search
    stops at its first paragraph and its title is among the first blocks, while the whole top is a
    hundred blocks or more. ``len()`` makes them all; a slice with an end makes those before it."""

    __slots__ = ("_made", "_more")

    def __init__(self, top: str, first_line: int = 1) -> None:
        self._made: list[Block] = []
        self._more: Iterator[Block] | None = _made(top, first_line)

    def _make(self, n: int | None) -> list[Block]:
        """The blocks made once there are ``n`` of them, or all (``n`` None)."""
        made, more = self._made, self._more
        while more is not None and (n is None or len(made) < n):
            b = next(more, None)
            if b is None:
                more = self._more = None
            else:
                made.append(b)
        return made

    @overload
    def __getitem__(self, i: int) -> Block: ...

    @overload
    def __getitem__(self, i: slice) -> list[Block]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            plain = i.step in (None, 1) and (i.start or 0) >= 0 and i.stop is not None and i.stop >= 0
            return self._make(i.stop if plain else None)[i]
        return self._make(i + 1 if i >= 0 else None)[i]

    def __len__(self) -> int:
        return len(self._make(None))

    def __iter__(self) -> Iterator[Block]:
        i = 0
        while i < len(self._make(i + 1)):
            yield self._made[i]
            i += 1


def upto(bs: Sequence[Block], n: int) -> int:
    """``min(len(bs), n)``, making no more than ``n`` blocks of a lazy :class:`Blocks`."""
    return len(bs[: max(n, 0)])


def has(bs: Sequence[Block], i: int) -> bool:
    """Whether ``bs[i]`` exists, making no more than ``i + 1`` blocks of a lazy :class:`Blocks`."""
    return i >= 0 and len(bs[: i + 1]) > i


def _made(top: str, first_line: int) -> Iterator[Block]:
    """The blocks of a normalized top, each as soon as the line after it is read."""
    b = _Builder()
    raw_lines = top.split("\n")
    for no, raw in enumerate(raw_lines, start=first_line):
        if b.blocks:  # those the last line closed
            yield from b.blocks
            b.blocks.clear()
        if not raw.strip() or _TABLE_RULE.match(raw):
            b.flush()
            continue
        if _WHOLE_BOLD.match(raw) and "|" not in raw:
            b.flush()
            b.bold = True
            _add_pieces(b, clean(raw), no)
            b.bold = True
            b.flush()
            continue
        heading = bool(_HEADING.match(raw))
        if heading:
            b.flush()
            raw = _HEADING.sub("", raw)
        line = clean(raw)
        if "|" in line:
            # a table row: each cell is a block of its own; a line of bare pipes closes the open cell
            cells = line.split("|")
            for i, cell in enumerate(cells):
                if i:
                    b.flush()
                if cell.strip():
                    b.cell = True
                    _add_pieces(b, cell, no)
            if line.strip().endswith("|") or len(cells) > 2:
                b.flush()
            continue
        b.heading = b.heading or heading
        if b.parts and _starts_header_line(line, b.parts[-1][0]):
            b.flush()
        _add_pieces(b, line, no)
        if heading:
            b.flush()
    b.flush()
    yield from b.blocks


_NUMBER_LINE = re.compile(
    r"^\s*(?:(?:Bộ\s+luật|Luật|Nghị\s+quyết|Pháp\s+lệnh)\s+)?S\s?ố\s*(?:hiệu\s*)?(?::|\d)", re.I
)


def _starts_header_line(line: str, previous: str) -> bool:
    """Plain-text headers put one item a line with no blank lines between: the number line, the motto,
    and a change between capitals and running text each begin a new block."""
    if previous.rstrip().endswith(("-", "/")):
        return False  # a number code wrapped after its dash ("Số: 3783/QĐ-" / "UBND")
    if _NUMBER_LINE.match(line) or _has_mark(line) or _opener_regex().match(line):
        return True  # ("Kính gửi: …" under a subject line opens the body)
    a, b = _caps(previous), _caps(line)
    return a is not None and b is not None and a != b


def _caps(s: str) -> bool | None:
    """Is a line in capitals? None when it has too few letters to say (str.isupper runs in C: this is
    called on every line of every file's top)."""
    if sum(c.isalpha() for c in s[:8]) < 3 and len(s) < 8:
        return None
    return s.isupper()


@functools.cache
def _marks() -> tuple[str, ...]:
    return tuple(_nospace(p) for p, _ in vocab.header_marks())


@functools.cache
def _mark_hint() -> re.Pattern[str]:
    """The first word of each mark, letters possibly spaced: a cheap test before folding a line."""
    firsts = {p.split()[0] for p, _ in vocab.header_marks()}
    return re.compile("|".join(r"\s?".join(re.escape(c) for c in w) for w in firsts), re.I)


@functools.cache
def _opener_regex() -> re.Pattern[str]:
    words = vocab.body_opener_words()
    return re.compile(r"^[\s*_]*(?:" + "|".join(re.escape(w) for w in words) + r")", re.I)


def _nospace(s: str) -> str:
    return re.sub(r"[\W_]+", "", fold(s))


def _has_mark(line: str) -> bool:
    if not _mark_hint().search(line):
        return False
    flat = _nospace(line)
    return any(m in flat for m in _marks())


def _add_pieces(b: _Builder, line: str, no: int) -> None:
    """Separators ("-------", "********") end the block they close: "CHÍNH PHỦ-------" is one cell."""
    if not ("--" in line or "__" in line or "**" in line or "==" in line):
        b.add(line, no)  # the common line: nothing to split on
        return
    pieces = _SEPARATOR.split(line)
    for i, piece in enumerate(pieces):
        if i:
            keep = (b.bold, b.cell)
            b.flush()
            b.bold, b.cell = keep
        b.add(piece, no)
    if len(pieces) > 1 and not pieces[-1].strip():
        b.flush()


# two-letter onsets a syllable may begin with ("T HÀNH" is "THÀNH"; "DÂ N" ends with its N)
_ONSETS = {"th", "ch", "nh", "ph", "kh", "gh", "ng", "tr", "gi", "qu"}
_CONSONANT = set("BCDĐGHKLMNPQRSTVXbcdđghklmnpqrstvx")
_VOWEL_START = re.compile(r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def despace(text: str) -> str:
    """Undo the letter spacing PDF extraction leaves ("ỦY B AN NHÂN D Â N" -> "ỦY BAN NHÂN DÂN").

    A lone consonant letter is never a Vietnamese word: it belongs to the syllable after it when that
    one begins with a vowel, goes on in lower case ("T hành" -> "Thành") or makes an onset with it
    ("T HÀNH" -> "THÀNH"), else to the one before
    ("DÂ N" -> "DÂN"). Used on header lines only, where Roman numerals and initials do not stand alone.
    """
    tokens = text.split()
    if not any(len(t) == 1 and t in _CONSONANT for t in tokens):
        return text
    tokens = _rejoin_known(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if len(t) == 1 and t in _CONSONANT:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            onset = (t + nxt[:1]).lower() in _ONSETS
            if nxt and nxt[0].isalpha() and (_VOWEL_START.match(nxt) or nxt[0].islower() or onset):
                tokens[i + 1] = t + nxt
                i += 1
                continue
            if out and out[-1][-1:].isalpha():
                out[-1] += t
                i += 1
                continue
        out.append(t)
        i += 1
    return " ".join(out)


@functools.cache
def _known_spaceless() -> dict[str, str]:
    """Names a header line may hold (bodies, provinces, level words), by their letters alone."""
    names = [fold(n) for n in vocab.organs().values()] + list(vocab.province_folds())
    names += [fold(spelling) for spelling, _ in vocab.levels().values()]
    out: dict[str, str] = {}
    for n in names:
        n = " ".join(n.split())
        key = n.replace(" ", "")
        if len(key) >= 4 and " " in n and len(fold(n)) == len(n):
            out.setdefault(key, n)
    return out


REJOIN_SPAN = 14  # tokens a spaced-out name may cover ("H Ồ C H Í M I N H")


def _rejoin_known(tokens: list[str]) -> list[str]:
    """Where a run of tokens spells a known multi-word name once its spaces are dropped ("ỦY B AN NHÂN D Â
    N" is "Ủy ban nhân dân"), put the spaces where the name has them: the letter rule alone cannot tell
    "C H Í" (CHÍ) from two syllables. The longest known name from each position wins."""
    known = _known_spaceless()
    # a run is folded as the join of its tokens' folds, each token folded once: fold works character by
    # character (marks dropped, letters lower-cased) except for the capital sigma, which Python
    # lower-cases by its neighbours
    folds = None if any("Σ" in t for t in tokens) else [fold(t) for t in tokens]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + REJOIN_SPAN), i + 1, -1):
            joined = "".join(tokens[i:j])
            folded = fold(joined) if folds is None else "".join(folds[i:j])
            name = known.get(folded)
            if name is not None and name.count(" ") + 1 != j - i and len(folded) == len(joined):
                # the text's own letters, cut where the name's words end
                at = 0
                for w in name.split():
                    out.append(joined[at : at + len(w)])
                    at += len(w)
                i = j
                break
        else:
            out.append(tokens[i])
            i += 1
    return out
