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

from .. import vocab
from .model import Found
from .scan import type_word_regex

TITLE_LIMIT = 400
# A title with a citation nested in it runs on through that citation, which may itself nest the next:
# on one unpunctuated line of chained citations every title would run to the end of the line (a
# quadratic total). No real title is longer than this, nesting included.
NESTED_TITLE_LIMIT = 600
NEAR = 24  # characters: how close a "near" phrase must stand to the citation it governs
_GLUE = re.compile(r"^[\s,;:.…()\-–]*(?:(?:và|các|cùng|với|hoặc)[\s,;:.…()\-–]*)*$")


@functools.cache
def _phrase_regex() -> re.Pattern[str]:
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _r, _reach in vocab.relation_phrases())
    return re.compile(rf"(?<![^\W\d_])(?:{alts})(?![^\W\d_])", re.I)


@functools.cache
def _phrase_info() -> dict[str, tuple[str, str]]:
    return {p: (r, reach) for p, r, reach in vocab.relation_phrases()}


@functools.cache
def _connective_regex() -> re.Pattern[str]:
    alts = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in vocab.connectives())
    return re.compile(rf"(?<![^\W\d_])(?:{alts})(?![^\W\d_])", re.I)


def _last_connective(text: str, lo: int, hi: int) -> re.Match[str] | None:
    last = None
    for m in _connective_regex().finditer(text, lo, hi):
        last = m
    return last


# A sentence ends at . ! ? … followed by a capital or a digit, or by a line break; a numbered item
# ("3.1.", "4.") on a new line starts one, and so does a paragraph (a blank line) that opens with a
# capital, a digit or a bracket. A line break inside a sentence (a page break before a lower-case word,
# "Nghị\n\nquyết") does not, nor does a colon or semicolon before a line break ("… như sau:\n- Nghị
# quyết A;\n- Chỉ thị B"). One leading character class lets the regex engine skip ahead quickly.
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"”)]?(?:[ \t]*\n|\s+(?=[^\W_a-zà-ỹđ]|\d))"
    r"|(?<=\n)\s*(?=\d+(?:\.\d+)*\.\s)"
    r"|(?<=\n)[ \t]*\n\s*(?=[^\W_a-zà-ỹđ]|\d|\())"
)
_TITLE_STOP = re.compile(r";|\n|[.!?…](?=\s|$)")


class _Sentences:
    """Sentence boundaries of one text, found in one pass and looked up by bisection."""

    def __init__(self, text: str) -> None:
        self.ends = [m.end() for m in _BOUNDARY.finditer(text)]

    def last_in(self, lo: int, hi: int) -> int | None:
        """The last boundary b with lo <= b <= hi, or None."""
        i = bisect.bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.ends[i] >= lo else None

    def start_of(self, pos: int) -> int:
        b = self.last_in(0, pos)
        return b if b is not None else 0


def _relation_in(text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The nearest relation phrase in text[lo:hi] that may govern a citation at hi."""
    best = None
    info = _phrase_info()
    for m in _phrase_regex().finditer(text, lo, hi):
        phrase = " ".join(m.group().lower().split())
        rel, reach = info.get(phrase, (None, None))
        if rel is None:
            continue
        if reach == "near" and hi - m.end() > NEAR:
            continue
        best = (rel, m.start(), m.end())
    return best


@functools.cache
def _clause_after_comma() -> re.Pattern[str]:
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in vocab.title_stops())
    return re.compile(rf",\s+(?:{alts})(?![^\W\d_])")


def _title_end(text: str, start: int, limit: int) -> int:
    hi = min(limit, start + TITLE_LIMIT, len(text))
    m = _TITLE_STOP.search(text, start, hi)
    end = m.start() if m else hi
    c = _clause_after_comma().search(text, start, end)
    return c.start() if c else end


def _clean_title(s: str) -> str | None:
    s = " ".join(s.split()).strip(" ,;:-–")
    for tail in (" và", " và các", " gắn với", " cùng với"):
        if s.endswith(tail):
            s = s[: -len(tail)].rstrip(" ,")
    s = s.strip('“”" ')
    return s or None


def _nested_relation(text: str, outer: Found, inner: Found) -> str | None:
    """The relation when ``inner`` sits in ``outer``'s unquoted title, else None."""
    if outer.title_start is None or outer.key is None:
        return None
    if _TITLE_STOP.search(text, outer.title_start, inner.start):
        return None
    hit = _relation_in(text, outer.title_start, inner.start)
    if hit is None:
        return None
    rel, ps, pe = hit
    between = text[pe : inner.start]
    if len(between.split()) > 3 or "," in between:
        return None  # the phrase governs something else in the title
    c = _last_connective(text, outer.title_start, ps)
    if c is not None and not text[c.end() : ps].strip():
        return None  # "… gắn với thực hiện X": the citing document's own action, not the title's
    return rel


def assign(text: str, found: list[Found]) -> None:
    """Fill relation, subject, title and title extent of every mention, in place."""
    n = len(found)
    nested_in: list[int | None] = [None] * n
    nested_rel: list[str | None] = [None] * n
    for i in range(1, n):
        inner = found[i]
        if not inner.first_in_group:
            continue
        outer = found[i - 1]
        rel = _nested_relation(text, outer, inner)
        if rel is not None:
            nested_in[i], nested_rel[i] = i - 1, rel

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
    type_words = type_word_regex()
    last_of_type: dict[str, Found] = {}
    prev_top: Found | None = None
    head = found[0]
    for i, f in enumerate(found):
        if not f.first_in_group:
            f.relation, f.subject = head.relation, head.subject  # "Nghị quyết số 29-NQ/TW và 30-NQ/TW"
            continue
        head = f
        if nested_in[i] is not None:
            f.relation, f.subject = nested_rel[i] or "cites", found[nested_in[i]].key
            continue
        prev = found[i - 1] if i else None
        lo = prev.extent_end if prev else 0
        lo = min(lo, f.start)
        boundary = sentences.last_in(lo, f.start)
        hit = _relation_in(text, boundary if boundary is not None else lo, f.start)
        if hit is not None:
            f.relation = hit[0]
        elif boundary is None and prev is not None and _GLUE.match(text[lo : f.start]) is not None:
            # a list: "…; Chỉ thị số 46-CT/TW", "… và Nghị quyết số 19-NQ/TW"
            src = prev if (prev.subject is not None and ";" not in text[lo : f.start]) else prev_top
            if src is not None:
                f.relation = src.relation
                if src is prev:
                    f.subject = prev.subject
                    f.flags.append(
                        "inherited_subject"
                    )  # "… thực hiện Chỉ thị A và Nghị quyết B": B may be either
        elif boundary is None and prev_top is not None and prev is not None:
            f.relation = prev_top.relation
        else:
            f.relation = "cites"
        if f.subject is None:
            _anaphora(text, sentences.start_of(f.start), f, type_words, last_of_type)
        if f.subject is None:
            prev_top = f
        if f.key:
            last_of_type[f.doc_type.lower()] = f


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
