"""Reading a document's own header: where it is, its number, its place-and-date line, its type heading
and title, and the text that names its issuer.

A header is found from an anchor: the national motto (or the Party's name), or a number line ("Số: …").
The issuer's text is the run of capitals just before the anchor (and any capitals left of the motto on
the same line, where two columns were flattened into one); the number and the date are read between the
anchor and the type heading, never from the body below it, so a body's first date is not taken for the
document's.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Generic, TypeVar

from .. import vocab
from ..extract.scan import type_word_regex
from ..text import fold
from .lines import Block, despace, has, upto
from .metadata import key_of, make_date

WINDOW = 24  # blocks after the anchor in which the number, the date and the type heading are looked for
FREE_START = 30  # without a portal block, a header starts within this many blocks (and before any paragraph)


def _spaced(word: str) -> str:
    """A regex for a word whose letters PDF extraction may have spaced apart ("n gày")."""
    return r"\s?".join(re.escape(c) for c in word)


_CODE = r"\d{1,6}[A-Za-z]?(?:\s*[-/]\s*[0-9A-Za-zÀ-ỹĐđ.&]+)+"
NUMBER = re.compile(
    rf"(?:^|(?<=\s))(?P<label>(?:(?P<kind>{vocab.numbered_type_words_regex()})\s+)?{_spaced('Số')})"
    rf"(?:\s*(?:hiệu|văn\s+bản))?\s*(?P<colon>:)?\s*(?P<code>{_CODE})?",
    re.I,
)
DATELINE = re.compile(
    r"(?:(?P<place>[^\W\d_][^\W\d_.'-]*(?:[ .'-]+[^\W\d_]+){0,6})\s*,\s*|^)"
    rf"{_spaced('ngày')}\s*(?P<d>\d\s?\d?)\s*{_spaced('tháng')}\s*(?P<m>\d\s?\d?)\s*{_spaced('năm')}\s*"
    r"(?P<y>\d\s?\d\s?\d\s?\d)(?!\d)",
    re.I,
)
# "Nghệ An, ngày 05/3/2025": a dateline in figures, read only with its place
DATELINE_FIGURES = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_.'-]*(?:[ .'-]+[^\W\d_]+){0,6})\s*,\s*"
    rf"{_spaced('ngày')}\s*(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})\s*[/.-]\s*(?P<y>\d{{4}})(?!\d)",
    re.I,
)


T = TypeVar("T")

# (key, issuer_code) of a number line
NumberValue = tuple[str, "str | None"]


@dataclass(frozen=True)
class Found(Generic[T]):
    value: T
    line: int
    text: str


@dataclass(frozen=True)
class Header:
    anchor: int  # block index of the motto or number line
    organ_text: str | None
    organ_line: int | None
    number: Found[NumberValue] | None  # value: (key, issuer_code)
    date: Found[dt.date] | None
    heading: Found[str] | None  # value: type word; the block index is heading_index
    heading_index: int | None
    title: Found[str] | None
    subject: Found[str] | None  # "V/v …" under the number of an official letter
    authority: Found[str] | None  # the enacting body's line under the title ("ỦY BAN THƯỜNG VỤ QUỐC HỘI")
    # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" after the type word: who issues, named in the heading
    of_line: Found[str] | None
    mark: str | None  # "motto" | "party" | None


@functools.cache
def _marks() -> tuple[tuple[str, str, str], ...]:
    """(folded phrase without spaces, kind, phrase)"""
    return tuple((_nospace(p), k, p) for p, k in vocab.header_marks())


def _nospace(s: str) -> str:
    return re.sub(r"[\W_]+", "", fold(s))


def mark_of(b: Block) -> str | None:
    """ "motto" or "party" when the block prints the national motto or the Party's name in capitals."""
    flat = _nospace(b.text)
    for phrase, kind, _ in _marks():
        if phrase in flat and (kind != "party" or _upper_share(b.text) > 0.8):
            if kind == "motto" and "doclap" in phrase:
                continue  # "Độc lập - Tự do - Hạnh phúc" alone follows the motto; it does not anchor
            return kind
    return None


def _upper_share(s: str) -> float:
    # filter runs the tests without a Python frame per character: paragraphs are tested too
    letters = "".join(filter(str.isalpha, s))
    return len("".join(filter(str.isupper, letters))) / len(letters) if letters else 0.0


def is_upper(s: str) -> bool:
    return _upper_share(s) > 0.9


def strip_marks(text: str) -> str:
    """The text of a block without the motto phrases in it (what is left is another column's text)."""
    for _, _, phrase in _marks():
        text = _mark_regex(phrase).sub(" ", text)
    return " ".join(text.split())


def number_in(b: Block) -> Found[NumberValue] | None:
    for m in NUMBER.finditer(b.text):
        code = m.group("code")
        if not code:
            continue
        if not m.group("colon") and (m.group("kind") or len(b.text.split()) > 6):
            continue  # "Số 383-QĐ/TW" stands alone on its line; "Nghị quyết số 57-NQ/TW của …" is a citation
        before = b.text[: m.start()]
        if before.strip() and not is_upper(before):
            continue  # "… theo Kết luận số 192-KL/TW": a citation in a sentence, not a number line
        code = re.sub(r"\s+", "", code).rstrip(".")
        key, issuer_code = key_of(code)
        if key:
            return Found((key, issuer_code), b.line_at(m.start()), m.group(0).strip())
    return None


def _number_label_only(b: Block) -> bool:
    return bool(
        re.fullmatch(rf"(?:(?:{vocab.numbered_type_words_regex()})\s+)?{_spaced('Số')}\s*:?", b.text, re.I)
    )


def date_in(b: Block) -> Found[dt.date] | None:
    for m in [*DATELINE.finditer(b.text), *DATELINE_FIGURES.finditer(b.text)]:
        if m.group("place") is None and (m.start() != 0 or len(b.text.split()) > 9):
            continue  # a date opening a sentence ("Ngày 14 tháng 1 năm 1956, …") is no dateline
        d = make_date(m.group("y"), m.group("m"), m.group("d"))
        if d:
            return Found(d, b.line_at(m.start()), m.group(0).strip())
    return None


def heading_in(b: Block) -> tuple[str, str] | None:
    """(type word, rest) when the block is a type heading in capitals ("QUYẾT ĐỊNH", "KẾT LUẬN CỦA …")."""
    stripped = b.text.strip(" .:")
    if _lower_in_head(stripped):
        return None  # a paragraph, a line of running text: most blocks asked
    text = despace(stripped) if len(b.text) < 400 else b.text
    m = type_word_regex().match(text)
    if not m or not text[: m.end()].isupper():
        return None
    word = " ".join(m.group().split()).capitalize()
    end = m.end()
    spelled = vocab.type_spellings().get(word, word)
    if spelled != word and word.lower().startswith(spelled.lower() + " "):
        # "THÔNG BÁO KẾT LUẬN CỦA …": a notice, whose heading goes on with what it notifies
        ends = [w.end() for w in re.finditer(r"\S+", m.group())]
        word, end = spelled, m.start() + ends[len(spelled.split()) - 1]
    rest = text[end:].strip()
    if rest.startswith(":") or b.text.rstrip().endswith(":"):
        return None  # "QUYẾT ĐỊNH:" opens the articles; it is not the heading
    if rest and not (_upper_prefix(rest) or rest[0].isupper()):
        return None  # "Quyết định số 12 …" in lower case is a sentence, not a heading
    return word, rest


def _lower_in_head(text: str) -> bool:
    """A lower-case letter among the first four characters of ``text`` that are not spaces: then no type
    word in capitals opens it, however despace joins its letters (it moves only spaces, and the shortest
    type word has four letters)."""
    return any(c.islower() for c in "".join(text[:16].split())[:4])


def _upper_prefix(s: str) -> str:
    """The leading run of capitalised words of ``s`` (a heading's title before the body starts)."""
    out = []
    for w in s.split():
        letters = [c for c in w if c.isalpha()]
        if letters and not all(c.isupper() for c in letters):
            break
        out.append(w)
    return " ".join(out)


LEAD_HEADINGS = 3  # markdown titles a file may open with before its header
# a file's subject line under its markdown title, over the header: "Về việc thực hiện chế độ …"
_SUBJECT_LINE = re.compile(r"(?i)(?:về\s+việc|v/v)\s")


def find_header(blocks: Sequence[Block], start: int, free: bool) -> Header | None:
    """The header at or after block ``start``; ``free`` when no portal block fixed where the text starts,
    so the header must open the file (a page that quotes a header further down is not that document)."""
    reach = start + (FREE_START if free else 80)
    anchor = mark = None
    for i, b in enumerate(islice(blocks, start, reach), start):  # made one by one: this stops early
        if free and i == start and b.heading and number_in(b) is None and _prose(b):
            continue  # a file's own markdown title over its header ("# Thông tư liên tịch số …: …")
        if (
            free
            and i < start + LEAD_HEADINGS
            and (b.heading or (i > start and _SUBJECT_LINE.match(b.text)))
            and all(blocks[k].heading for k in range(start, i))
        ):
            # a file's markdown titles over its header: a file name ("# 101_2018_TT_BTC_preamble"), then a title
            # that may carry the number ("# Thông tư số 101/2018/TT-BTC quy định …"); the header must follow
            continue
        if (free and _prose(b)) or opens_body(b):
            break
        kind = mark_of(b)
        if kind:
            anchor, mark = i, kind
            break
        if _field_row(blocks, i):
            continue  # a page's infobox row ("| Quyết định | Số 1570/VH-QĐ |"): a field, not a header
        if number_in(b) or (_number_label_only(b) and has(blocks, i + 1) and number_in(blocks[i + 1])):
            anchor = i
            break
    if anchor is None:
        return None
    organ_text, organ_line = _organ_before(blocks, start, anchor)
    end = upto(blocks, anchor + WINDOW)
    number = date = heading = None
    heading_index = None
    subject = None
    for i in range(anchor, end):
        b = blocks[i]
        if i > anchor and mark_of(b) and number is None:
            continue
        if _prose(b):
            if i > anchor + 2 and (number or date):
                break  # the body has begun: "Kính gửi", "Căn cứ" …
            continue
        if heading is None:
            h = heading_in(b)
            if h and (number or date or mark) and i > anchor:
                heading, heading_index = Found(h[0], b.line, b.text[:80]), i
                break
        if number is None:
            number = number_in(b)
            if number is None and _number_label_only(b) and i + 1 < end:
                number = number_in(Block("Số: " + blocks[i + 1].text, b.line, (0,), (b.line,)))
            if number and subject is None:
                subject = _subject_after(b, blocks, i)
        if date is None:
            date = date_in(b)
        if subject is None and number is not None and re.match(r"(?i)^v/v\b", b.text) and i > anchor:
            subject = Found(_clean_subject(b.text), b.line, b.text[:80])
    if number is None and date is None:
        return None  # a motto quoted in a page (an infobox, a sample form) is not a header
    if organ_text is None and mark is not None:
        organ_text, organ_line = _organ_beside(blocks, anchor)
    title = _title(blocks, heading_index) if heading_index is not None else None
    authority = _authority(blocks, heading_index) if heading_index is not None else None
    of_line = _of_line(blocks, heading_index) if heading_index is not None else None
    return Header(
        anchor,
        organ_text,
        organ_line,
        number,
        date,
        heading,
        heading_index,
        title,
        subject,
        authority,
        of_line,
        mark,
    )


def _field_row(blocks: Sequence[Block], i: int) -> bool:
    """A table cell that holds the value of the label cell before it on its line ("| Quyết định | Số 1570/VH-QĐ
    |", a page's infobox). A header's table puts the number in a cell of its own, beside an organ in
    capitals or a dateline ("| Số: 12/QĐ-UBND | Hà Nội, ngày … |")."""
    b = blocks[i]
    if not b.cell or i == 0:
        return False
    label = blocks[i - 1]
    if not label.cell or label.line != b.line or any(ch.isdigit() for ch in label.text):
        return False
    return not is_upper(label.text) and len(label.text.split()) <= 4 and not fold(label.text).startswith("so")


def opening_heading(blocks: Sequence[Block]) -> Header | None:
    """A text with no header that opens with its type heading ("CHỈ THỊ / CỦA … / Về …")."""
    for i, b in enumerate(blocks[:3]):
        h = heading_in(b)
        if h:
            return Header(
                i,
                None,
                None,
                None,
                None,
                Found(h[0], b.line, b.text[:80]),
                i,
                _title(blocks, i),
                None,
                _authority(blocks, i),
                _of_line(blocks, i),
                None,
            )
    return None


_OF = re.compile(r"^CỦA\s+(.+)$")


def _of_line(blocks: Sequence[Block], h: int) -> Found[str] | None:
    """ "CỦA …" in capitals right after the type word, in the heading block or the next one."""
    _, rest = heading_in(blocks[h]) or ("", "")
    if rest:
        m = _OF.match(_upper_prefix(rest))
        return Found(m.group(1), blocks[h].line, m.group(0)) if m else None
    if has(blocks, h + 1):
        nb = blocks[h + 1]
        m = _OF.match(_upper_prefix(nb.text))
        if m:
            return Found(m.group(1), nb.line, m.group(0))
    return None


def _authority(blocks: Sequence[Block], h: int) -> Found[str] | None:
    """A bold line of capitals between the title and the body, naming who enacts ("BỘ TRƯỞNG BỘ TƯ
    PHÁP", "ỦY BAN THƯỜNG VỤ QUỐC HỘI")."""
    plain = None  # a PDF conversion loses the bold: then only the line right before the body counts
    for b in blocks[h + 1 : h + 6]:
        if opens_body(b):
            return plain
        if _prose(b) and not b.bold:
            return None
        if is_upper(b.text) and len(b.text.split()) <= 12 and heading_in(b) is None:
            if b.bold:
                return Found(b.text, b.line, b.text)
            plain = Found(b.text, b.line, b.text) if not _TITLE_WORD.match(b.text) else None
        else:
            plain = None
    return None


_TITLE_WORD = re.compile(r"(?i)^(?:về|v/v|quy định|ban hành|hướng dẫn|sửa đổi)\b")


def opens_body(b: Block) -> bool:
    """Does the block open a document's body ("Kính gửi:", "Căn cứ …")? A header comes before it."""
    f = fold(b.text[:20])
    return any(f.startswith(w) for w in vocab.body_openers())


def _prose(b: Block) -> bool:
    """A block of running text (a paragraph, not a header line)."""
    words = b.text.split()
    if len(words) < 20 or is_upper(b.text):
        return False
    m = NUMBER.match(b.text)
    if m and m.group("code"):
        return False  # "Số: 12/VPCP-KGVX V/v …" is a number cell, however long
    return heading_in(b) is None  # nor is "NGHỊ ĐỊNH Quy định về …" a paragraph


def _organ_before(blocks: Sequence[Block], start: int, anchor: int) -> tuple[str | None, int | None]:
    """The capitals just before the anchor, and any left of the motto in the anchor block itself."""
    parts: list[str] = []
    line = None
    a = blocks[anchor]
    if mark_of(a):
        left = _left_of_mark(a.text)
        if left and is_upper(left):
            parts.append(left)
            line = a.line
    i = anchor - 1
    while i >= start:
        b = blocks[i]
        if not is_upper(b.text) or len(b.text) > 200 or number_in(b) or date_in(b):
            break
        parts.insert(0, b.text)
        line = b.line
        i -= 1
    if a.line == line:  # two columns flattened: the organ's second line sits left of "Độc lập …"
        for nb in blocks[anchor + 1 : anchor + 3]:
            left = _left_of_mark(nb.text)
            if left and is_upper(left) and not number_in(nb):
                parts.append(left)
    if not parts:
        return None, None
    return despace(" ".join(parts)), line


def _left_of_mark(text: str) -> str:
    """The text before the first motto phrase of a block ("ỦY BAN NHÂN DÂN" in "ỦY BAN NHÂN DÂN CỘNG HÒA …")."""
    starts = [m.start() for m in (_mark_regex(p).search(text) for _, _, p in _marks()) if m]
    return text[: min(starts)].strip() if starts else ""


@functools.cache
def _mark_regex(phrase: str) -> re.Pattern[str]:
    return re.compile(r"\s*".join(_spaced(w) for w in phrase.split()), re.I)


def _organ_beside(blocks: Sequence[Block], anchor: int) -> tuple[str | None, int | None]:
    """Two columns flattened into lines: "ỦY BAN NHÂN DÂN CỘNG HÒA …" then "TỈNH X Độc lập …"."""
    parts, line = [], None
    for b in blocks[anchor : anchor + 3]:
        left = strip_marks(b.text)
        if mark_of(b) or "doclap" in _nospace(b.text):
            if left and is_upper(left) and not number_in(b):
                parts.append(left)
                line = line or b.line
    return (despace(" ".join(parts)), line) if parts else (None, None)


def _subject_after(b: Block, blocks: Sequence[Block], i: int) -> Found[str] | None:
    """The subject line of an official letter: "V/v …" (or "Về …") right under its number."""
    m = re.search(r"(?i)\bV/v\b:?\s*(.+)$", b.text)
    if m:
        return Found(_clean_subject(m.group(0)), b.line_at(m.start()), m.group(0)[:80])
    code = NUMBER.search(b.text)
    if code is None:
        return None
    m = re.match(r"\s+(Về\s+\S.+)$", b.text[code.end() :])
    if m:
        return Found(_clean_subject(m.group(1)), b.line_at(code.end() + m.start(1)), m.group(1)[:80])
    return None


def _clean_subject(s: str) -> str:
    s = re.sub(r"(?i)^v/v\s*:?\s*", "", s.strip())
    return s.strip(" .;")


def _title(blocks: Sequence[Block], h: int) -> Found[str] | None:
    """The heading's title: the capitals after the type word and on the blocks after it."""
    b = blocks[h]
    _, rest = heading_in(b) or ("", "")
    if _OF.match(_upper_prefix(rest)):  # "CỦA …" names the issuer; the title follows it
        rest = rest[len(_upper_prefix(rest)) :].strip()
    if rest and not _upper_prefix(rest):
        return Found(rest.strip(" .-"), b.line, rest[:80])  # a title in sentence case after the type word
    parts = [_upper_prefix(rest)] if rest else []
    line = b.line
    for nb in blocks[h + 1 : h + 5]:
        if not parts and _OF.match(_upper_prefix(nb.text)):
            rest_of = nb.text[len(_upper_prefix(nb.text)) :].strip()
            if rest_of:
                return Found(rest_of, nb.line, rest_of[:80])
            continue
        if parts and (nb.bold or not is_upper(nb.text)):
            break
        if nb.bold and parts:
            break
        prefix = _upper_prefix(nb.text)
        if not prefix:
            if re.match(r"(?i)^(về|v/v)\b", nb.text) and not parts:
                parts.append(nb.text)
            break
        if not parts:
            line = nb.line
        parts.append(prefix)
        if prefix != nb.text:
            break
    text = " ".join(p for p in parts if p).strip(" .-")
    return Found(text, line, text[:80]) if text else None
