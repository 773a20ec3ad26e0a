"""What a corpus file says about itself: its number, type, date of issue, issuer, province and title,
each with where it was read (rule and line).

Sources, strongest first:
1. metadata the user writes: front matter, or a sidecar ``<file name>.meta`` (see ``metadata``);
2. the document's own header (``header``): number line, place-and-date line, type heading and title, the
   issuer's capitals, refined by the signature (``signature``) and the number code;
3. a legal portal's metadata block above the text (``portal``): used where the header is silent; where
   the two disagree the header wins and the difference is kept in ``Identity.notes``;
4. a law's or resolution's closing clause for its date ("… thông qua ngày …");
5. otherwise nothing: a field that cannot be read stays empty, and a file with neither header nor portal
   block is a page (a news item, an article): no number, no date of its own, its first heading as title.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from .. import vocab
from ..extract.model import document_part
from ..text import fold
from .header import Header, date_in, find_header, is_upper, number_in, opening_heading
from .lines import Block, Blocks, blocks, despace, top_text
from .metadata import date_of, key_of, read_sidecar, split_front_matter
from .model import FIELDS, Identity, Source
from .organs import Organ, joint_bodies, sentence_case, split_organs
from .portal import Portal, expand_abbreviated, may_hold_portal, read_portal
from .signature import closing_date, read_signature

__all__ = [
    "FIELDS",
    "Identity",
    "Source",
    "from_text",
    "identify",
    "key_of",
    "read_sidecar",
    "split_front_matter",
]

HEAD_LINES = 600  # lines of the top of a file read for portal block and header


@functools.cache
def _cut_of() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in vocab.of_line_stops())
    return re.compile(rf"\s(?:{words})\b|\d")


class _Reading:
    """The fields found so far and where each came from."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.sources: list[Source] = []
        self.notes: list[str] = []

    def set(self, field: str, value, rule: str, line: int | None, text: str | None = None) -> None:
        if value in (None, "") or field in self.values:
            return
        self.values[field] = value
        self.sources.append(Source(field, rule, line, (text or "")[:80] or None))

    def get(self, field: str):
        return self.values.get(field)

    def forget(self, field: str) -> None:
        self.values.pop(field, None)
        self.sources = [s for s in self.sources if s.field != field]


TAIL_HEADER_REACH = 3000  # characters from the end of a document part where its header block may be printed


def from_text(text: str) -> Identity:
    """The identity a text gives itself (no metadata)."""
    top = top_text(text, HEAD_LINES // 4)
    bs: Sequence[Block] = Blocks(top)  # made as far as they are read: a page's reading stops early
    portal = read_portal(bs) if may_hold_portal(top) else None
    header = find_header(bs, portal.end if portal else 0, free=portal is None)
    if header is None and portal is not None:  # a portal's news summary may push the header down
        bs = blocks(text, HEAD_LINES)
        header = find_header(bs, portal.end, free=False)
    if header is None and portal is not None:  # a portal that prints its block below the header
        header = find_header(bs, 0, free=True)
    if header is None and portal is None and document_part(text):
        # a part of a document that opens with its own section, its header block printed at the end (some PDF
        # conversions put the header table after the text): read the header there
        tail_at = max(0, len(text) - TAIL_HEADER_REACH)
        first_line = text.count("\n", 0, tail_at) + 1
        tail = blocks(
            text[text.find("\n", tail_at) + 1 if tail_at else 0 :], None, first_line + (tail_at > 0)
        )
        tail_header = next(
            (h for i in range(len(tail)) if (h := find_header(tail, i, free=False)) is not None and h.number),
            None,
        )
        if tail_header is not None:
            bs, header = tail, tail_header
            if header.date is None:
                # the dateline shares a cell with the motto and the recipients there ("… Hạnh phúc Hà Nội, ngày
                # 24 tháng 7 năm 2021 Nơi nhận: …"): read it from the blocks after the number
                dated = (date_in(b) for b in tail[header.anchor : header.anchor + 4])
                header = replace(header, date=next((d for d in dated if d is not None), None))
    if header is None and portal is None:
        header = opening_heading(bs)
    r = _Reading()
    issuer_code = None
    if header and header.number:
        (key, issuer_code), f = header.number.value, header.number
        r.set("key", key, "header.number", f.line, f.text)
    if header and not header.number and portal is None:
        issuer_code = _tail_block(r, text, dated=header.date is not None) or issuer_code
    if portal:
        issuer_code = _portal_key(r, portal) or issuer_code
    key = r.get("key")
    if header and header.date:
        r.set("date", header.date.value, "header.dateline", header.date.line, header.date.text)
    if portal:
        _portal_date(r, portal)
    _type(r, header, portal, bs, key)
    if r.get("doc_type") is None and header is None and portal is None and (letter := _letter_body(text)):
        # an official letter printed without its header block: addressed ("Kính gửi:") and closed with its
        # recipients ("Nơi nhận:") — a document, not a page reporting on one
        r.set("doc_type", "Công văn", "letter_body", letter, "Kính gửi:")
    annex = None
    if r.get("doc_type") is None and header is None and portal is None and (annex := _annex_part(text)):
        # a part of a document that opens with one of its annexes ("PHỤ LỤC I … (Kèm theo Nghị định số …)"):
        # that document, split into parts where it was kept
        r.set("key", annex.key, "annex.part", annex.line, annex.text)
        r.set("doc_type", annex.doc_type, "annex.part", annex.line, annex.text)
        if annex.date is not None:
            r.set("date", annex.date, "annex.part", annex.line, annex.text)
        issuer_code, key = annex.issuer_code, annex.key
    if r.get("key") is None and portal is None and not (header and header.number) and r.get("doc_type"):
        annex = _annexed_to_self(text, r.get("doc_type"))
        if annex is not None:
            # "(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban …)": a copy without its header
            # names itself over its annex
            r.set("key", annex.key, "annex.heading", annex.line, annex.text)
            if annex.date is not None:
                r.forget("date")  # a date read from the closing lines is less sure than the number's own
                r.set("date", annex.date, "annex.heading", annex.line, annex.text)
            issuer_code = annex.issuer_code
            key = annex.key
    if r.get("key") is None and portal is None and header and not header.number and r.get("doc_type"):
        # a header without its number: the lines above it, or its effect article, may name it
        named = _named_by_lead(text, bs, header, r.get("doc_type")) or _in_force_from_signing(
            text, r.get("doc_type")
        )
        if named is not None:
            c, why, line = named
            r.set("key", c.key, why, line, c.text)
            if c.date is not None and r.get("date") is None:
                r.set("date", c.date, why, line, c.text)
            issuer_code, key = c.issuer_code, c.key
    if r.get("date") is None and (header or portal):
        found = closing_date(text, r.get("doc_type"))
        if found:
            r.set("date", found[0], "closing-clause", found[1], found[2])
    organs = split_organs(header.organ_text) if header and header.organ_text else []
    after = header_end_line(bs, header)
    signature = read_signature(text, after) if (header or portal or r.get("doc_type")) else None
    issuer, province = _issuer(r, header, organs, signature, portal, issuer_code, key, text)
    if issuer is None and annex is not None and annex.issuer:
        issuer = annex.issuer
    if province:
        r.set("province", province[0], province[1], province[2], province[3])
    if signature and signature.signer:
        r.set("signer", signature.signer, "signature", signature.line)
    v = portal.get("signer") if portal else None
    if v:
        r.set("signer", v.value, "portal." + v.label, v.line)
    _title(r, header, portal, bs)
    kind = "document" if (header or portal or r.get("doc_type")) else "page"
    return Identity(
        key=r.get("key"),
        doc_type=r.get("doc_type"),
        date=r.get("date"),
        issuer=issuer,
        issuer_code=issuer_code,
        province=r.get("province"),
        title=r.get("title"),
        signer=r.get("signer"),
        source=(r.sources[[s.field for s in r.sources].index("key")].rule.split(".")[0] if key else "stem"),
        kind=kind,
        sources=tuple(r.sources),
        notes=tuple(r.notes),
    )


_ADDRESSED = re.compile(r"^[ \t*|#-]*Kính[ \t]+gửi[ \t*]*:", re.M)
_RECIPIENTS = re.compile(r"^[ \t*|#-]*Nơi[ \t]+nhận[ \t*]*:", re.M)
LETTER_HEAD_REACH = 3000  # characters from the top where a letter names whom it is addressed to


def _addressed(text: str) -> re.Match[str] | None:
    """The "Kính gửi:" line near the top (the pattern, tried at every line start, only where the plain word
    is)."""
    if text.find("Kính", 0, LETTER_HEAD_REACH) < 0:
        return None
    return _ADDRESSED.search(text, 0, LETTER_HEAD_REACH)


def _letter_body(text: str) -> int | None:
    """The line of "Kính gửi:" when the text is an official letter's body: addressed near its top, and closed
    with a "Nơi nhận:" block."""
    m = _addressed(text)
    if m is None or _RECIPIENTS.search(text, m.end()) is None:
        return None
    return text.count("\n", 0, m.start()) + 1


LETTER_SUBJECT_REACH = 1500  # characters after "Kính gửi:" where a letter's writer says what it received


# a sentence's subject before the verbs of a reply (vocab/issuer_words.tsv, role "replies"): the subject starts
# a line or follows a sentence's end, a dated lead ("Ngày 26/11/2025, ") or "Về vấn đề này, "
@functools.cache
def _letter_subject_regex() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in vocab.issuer_phrases("replies"))
    return re.compile(
        r"(?:^|[.;:]\s+|\n)[ \t*]*(?:Ngày\s+\d{1,2}/\d{1,2}/\d{4}\s*,\s*|Về\s+vấn\s+đề\s+này\s*,\s*)?"
        r"(?P<subject>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠỦỤÚÙŨỨỪỬỮỰ][^\n,.;:()]{1,60}?)\s+(?:đã\s+)?"
        rf"(?:{verbs})(?![^\W\d_])",
        re.M,
    )


def _letter_subject(text: str) -> tuple[Organ, int] | None:
    """(body, line) that writes a letter printed from its "Kính gửi:" on: the first sentence whose whole
    subject is one named body."""
    m = _addressed(text)
    if m is None:
        return None
    for s in _letter_subject_regex().finditer(text, m.end(), m.end() + LETTER_SUBJECT_REACH):
        organs = split_organs(" ".join(s.group("subject").split()))
        if len(organs) == 1 and organs[0].named and (organs[0].known or organs[0].head):
            return organs[0], text.count("\n", 0, s.start("subject")) + 1
    return None


_RECIPIENTS_ANYWHERE = re.compile(r"^[ \t*|#-]*Nơi[ \t]+nhận[ \t*]*:", re.M)
_ANNEX_TITLE = re.compile(r"^[ \t*#]*(?:PHỤ[ \t]+LỤC|Phụ[ \t]+lục)", re.M)
ANNEX_TITLE_REACH = 300  # characters from an annex's title to the heading that names its document
_ANNEX_HEADING = re.compile(r"\([ \t*]*(?:ban[ \t]+hành[ \t]+)?kèm[ \t]+theo[ \t]+", re.I)


def _annexed_to_self(text: str, doc_type: str):
    """The citation in the first annex heading ("(Kèm theo Công văn số …)") that names a document of the
    text's own type: the document the annex belongs to, this one. (A page without a type heading that
    copies a decree's annex is still a page about it.)"""
    recipients = _RECIPIENTS_ANYWHERE.search(text)
    # "Ban hành kèm theo Nghị quyết này Kế hoạch …": the text issues what follows it
    attaches = re.search(rf"kèm\s+theo\s+{re.escape(doc_type)}\s+này\b", text, re.I)
    for m in _ANNEX_HEADING.finditer(text):
        # an annex's heading: after the recipients' list that closes the document, under "PHỤ LỤC", or
        # after the article that attaches it
        if (
            not (recipients and recipients.start() < m.start())
            and not (attaches and attaches.start() < m.start())
            and not _ANNEX_TITLE.search(text, max(0, m.start() - ANNEX_TITLE_REACH), m.start())
        ):
            continue
        annex = _annex_citation(text, m)
        if annex is not None and fold(annex.doc_type) == fold(doc_type):
            return annex
    return None


def _annex_citation(text: str, m: re.Match[str]) -> _Annex | None:
    """The first numbered citation in the annex heading that ``m`` opens ("(Kèm theo Nghị định số …)"), read
    to the bracket that closes it (the bracket closes a body's name in it too)."""
    from ..extract import extract

    close = text.find(")", m.end(), m.end() + 400)
    if close == -1:
        return None
    got = [c for c in extract(text[m.end() : close + 1]) if c.key]
    if not got:
        return None
    c = got[0]
    line = text.count("\n", 0, m.start()) + 1
    return _Annex(c.key, c.doc_type, c.date, c.issuer, c.issuer_code, line, text[m.start() : close + 1][:80])


# a text that opens (markdown file titles aside) with an annex's title in capitals
_OPENS_WITH_ANNEX = re.compile(r"\A(?:[ \t]*#[^\n]*\n|\s)*[ \t*]*PHỤ[ \t]+LỤC\b")
ANNEX_PART_REACH = 600  # characters from the opening annex title to the heading that names its document


def _annex_part(text: str):
    """The document whose annex opens the text: the citation in the first "(Kèm theo …)" right under it."""
    top = _OPENS_WITH_ANNEX.match(text)
    if top is None:
        return None
    m = _ANNEX_HEADING.search(text, top.end(), top.end() + ANNEX_PART_REACH)
    return _annex_citation(text, m) if m is not None else None


_FULL_TEXT = re.compile(r"toan\s+van\W{0,6}$")
TITLE_WORDS = 6  # words of two titles that must agree for a lead's citation to be the text below it


def _named_by_lead(text: str, bs, header: Header, doc_type: str):
    """(citation, rule, line) when the lines above a header without a number name the text below it: a
    page's "TOÀN VĂN: KẾT LUẬN 155-KL/TW …", or a lead "… vừa ký ban hành Nghị quyết số 196/2025/QH15 …
    về X" whose title X is the header's. Any other citation in a lead is what the page is about, not it."""
    from ..extract import extract

    first = min(i for i in (header.anchor, header.heading_index) if i is not None)
    if bs[first].line <= 1:
        return None
    lead = top_text(text, bs[first].line - 1)
    if not lead.strip():
        return None
    own = _title_words(header.title.value if header.title else "")
    for c in extract(lead):
        if not c.key or fold(c.doc_type) != fold(doc_type):
            continue
        line = lead.count("\n", 0, c.start) + 1
        if _FULL_TEXT.search(fold(lead[max(0, c.start - 20) : c.start])):
            return c, "lead.full-text", line
        theirs = _title_words(c.title or "")
        if len(own) >= TITLE_WORDS and own[:TITLE_WORDS] == theirs[:TITLE_WORDS]:
            return c, "lead.same-title", line
    return None


_EFFECT = re.compile(
    r"(?P<cite>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]+số[ \t]+\S+)[ \t]+có[ \t]+hiệu[ \t]+lực(?:[ \t]+thi[ \t]+hành)?"
    r"[ \t]+(?:kể[ \t]+)?từ[ \t]+ngày[ \t]+ký(?:[ \t]*\((?P<date>[^)]{6,24})\))?",
    re.I,
)


def _in_force_from_signing(text: str, doc_type: str):
    """(citation, rule, line) of "Thông tư số 1/2025/TT-BNV có hiệu lực thi hành kể từ ngày ký (17/1/2025)" in a text of
    that type without a number of its own: a copy whose effect article names it (only a text's own article
    says that it takes effect when signed)."""
    from ..extract import extract

    for m in _EFFECT.finditer(text):
        got = [
            c
            for c in extract(m.group("cite") + (f" ngày {m.group('date')}" if m.group("date") else ""))
            if c.key
        ]
        if got and fold(got[0].doc_type) == fold(doc_type):
            return got[0], "effect-clause", text.count("\n", 0, m.start()) + 1
    return None


def _title_words(title: str) -> list[str]:
    words = re.findall(r"\w+", fold(title))
    while words and words[0] in ("ve", "viec"):
        words = words[1:]
    return words


@dataclass(frozen=True)
class _Annex:
    key: str
    doc_type: str
    date: object
    issuer: str | None
    issuer_code: str | None
    line: int
    text: str


def header_end_line(bs, header: Header | None) -> int:
    if header is None:
        return 0
    i = header.heading_index if header.heading_index is not None else header.anchor
    return bs[i].line


def _portal_key(r: _Reading, portal: Portal) -> str | None:
    v = portal.get("key")
    if v is None:
        return None
    pkey, pcode = key_of(v.value)
    if not pkey:
        return None
    if r.get("key") is None:
        r.set("key", pkey, "portal." + v.label, v.line, v.value)
        return pcode
    if pkey != r.get("key"):
        r.notes.append(f"key: the header reads {r.get('key')}, the portal block {pkey} (line {v.line})")
    return None


def _portal_date(r: _Reading, portal: Portal) -> None:
    v = portal.get("date")
    if v is None:
        return
    d = date_of(v.value)
    if d is None:
        return
    if r.get("date") is None:
        r.set("date", d, "portal." + v.label, v.line, v.value)
    elif d != r.get("date"):
        r.notes.append(f"date: the header reads {r.get('date')}, the portal block {d} (line {v.line})")


def _type(r: _Reading, header: Header | None, portal: Portal | None, bs, key: str | None) -> None:
    codes = _code_parts(key)
    over = [c for c in codes if c in vocab.type_codes_over_heading()]
    if over:  # a consolidated text repeats the heading of the text it consolidates
        src = r.sources[-1] if r.sources else None
        r.set("doc_type", vocab.code_name(over[0]), "code.type", src.line if src else None, key)
    if header and header.heading:
        r.set("doc_type", header.heading.value, "header.heading", header.heading.line, header.heading.text)
    pv = portal.get("type") if portal else None
    if pv:
        if r.get("doc_type") and fold(r.get("doc_type")) != fold(pv.value) and not over:
            r.notes.append(
                f"type: the header reads {r.get('doc_type')}, the portal block {pv.value} (line {pv.line})"
            )
        r.set("doc_type", pv.value.strip(), "portal." + pv.label, pv.line, pv.value)
    if header and header.subject:
        # an official letter has no type heading: its subject line "V/v …" stands under its number
        letter = vocab.code_name("CV")
        r.set("doc_type", letter, "header.subject", header.subject.line, header.subject.text)
    if key and (header is not None or portal is not None):
        for c in codes:
            info = vocab.codes().get(c)
            if info and info[0] == "type":
                src = r.sources[0] if r.sources else None
                r.set("doc_type", info[2], "code.type", src.line if src else None, key)
                break


def _code_parts(key: str | None) -> list[str]:
    if not key:
        return []
    return [p for p in re.split(r"[-/]", key) if p and not p.isdigit()]


_TERM_SUFFIX = re.compile(r"\s+kh(?:óa|oá)\s+[IVXL]+$")
TAIL_LINES = 40  # lines at the end of a text that may hold a number block printed after the articles
TAIL_BEFORE_RECIPIENTS = 12  # lines before "Nơi nhận:" that may hold it when annexes follow
_RECIPIENTS = re.compile(r"[\s*|_]*Nơi\s+nhận\s*:", re.I)


def _tail_block(r: _Reading, text: str, dated: bool) -> str | None:
    """A text whose top has only its type heading and title may print its number and dateline at the end,
    after the last article and around the signature ("Số: 151/2025/NĐ-CP / Hà Nội, ngày …"): read them
    there. Gives the number's issuer code."""
    lines = text.splitlines()
    code = None
    spans = [(max(0, len(lines) - TAIL_LINES), len(lines))]
    # annexes may follow the signature: the block sits just before the list of recipients ("Nơi nhận:")
    at = next((i for i, s in enumerate(lines) if _RECIPIENTS.match(s)), None)
    if at is not None and at < spans[0][0]:
        spans.append((max(0, at - TAIL_BEFORE_RECIPIENTS), at + 1))
    for k, (first, last) in enumerate(spans):
        bs = blocks("\n".join(lines[first:last]), first_line=first + 1)
        if k and not any(number_in(b) for b in bs):
            break  # before the recipients only a number block is read, not a date in the closing prose
        for b in bs:
            if r.get("key") is None and (n := number_in(b)) is not None:
                (key, code), line = n.value, n.line
                r.set("key", key, "tail.number", line, n.text)
            if not dated and r.get("date") is None and (d := date_in(b)) is not None:
                r.set("date", d.value, "tail.dateline", d.line, d.text)
        if r.get("key") is not None:
            break
    return code


def _issuer(r, header, organs: list[Organ], signature, portal, issuer_code, key, text):
    """(issuer, (province, rule, line, text)) — the issuing body and the province it speaks for."""
    issuer = rule = line = None
    chain: list[Organ] = list(organs)
    if header and header.of_line:
        named = _organs_named(header.of_line.value, chain)
        if named:
            issuer, rule, line = ", ".join(o.name for o in named), "header.heading", header.of_line.line
            if len(named) == 1:
                chain = chain + named
    joint = joint_bodies(header.organ_text) if header and header.organ_text else None
    if issuer is None and joint:
        issuer, rule, line = ", ".join(o.name for o in joint), "header.issuer", header.organ_line
    if issuer is None and chain:
        issuer, rule, line = chain[-1].name, "header.issuer", header.organ_line
        if signature and signature.on_behalf_of and _is_party(chain[-1], issuer_code):
            # the header names the level ("BAN CHẤP HÀNH TRUNG ƯƠNG"); the signature, who signs for it
            tm = _organs_named(signature.on_behalf_of, chain)
            if tm and fold(tm[-1].name) != fold(chain[-1].name):
                issuer, rule, line = tm[-1].name, "signature.on-behalf-of", signature.line
                chain = chain + tm[-1:]
        body = vocab.code_name((issuer_code or "").split("-")[0]) if vocab.is_local(issuer_code) else None
        head = fold(chain[-1].head or "")
        if body and chain[-1].place and head and fold(body) != head and fold(body).startswith(head):
            # the number's code names the body more exactly than the header: QĐ-CTUBND is signed by
            # the chairman for himself, not for the committee ("Chủ tịch Ủy ban nhân dân tỉnh X")
            o = chain[-1]
            issuer = " ".join(x for x in (body, o.level, o.place) if x)
            rule = "header.issuer+code"
    if rule == "header.issuer" and header and header.authority and header.organ_text:
        # a header cell cut by the conversion ("ỦY BAN THƯỜNG VỤ", its second line lost): the enacting line
        # under the title names the same body whole ("ỦY BAN THƯỜNG VỤ QUỐC HỘI")
        whole = [o for o in split_organs(header.authority.value) if o.known]
        cut = fold(despace(header.organ_text))
        if whole and fold(whole[-1].name) != cut and fold(whole[-1].name).startswith(cut):
            issuer, rule, line = whole[-1].name, "header.authority", header.authority.line
            chain = chain + whole[-1:]
    if issuer is None and header and header.authority:
        # a bare head word is no body: "CÁN BỘ, CÔNG CHỨC" (a law's title) holds "BỘ" but names none
        named = [o for o in split_organs(header.authority.value) if o.named and len(o.name.split()) > 1]
        if named:
            issuer, rule, line = named[-1].name, "header.authority", header.authority.line
            chain = chain + named[-1:]
    if issuer is None and portal and portal.get("issuer"):
        v = portal.get("issuer")
        issuer, rule, line = _portal_issuer(v.value, issuer_code, text), "portal." + v.label, v.line
        if issuer:
            chain = chain + split_organs(issuer.upper())[-1:]
    if issuer is None and issuer_code:
        name = vocab.code_name(issuer_code.split("-")[0])
        if name and not vocab.is_local(issuer_code):
            # the body, without the term its code also names ("QH15": Quốc hội, not "Quốc hội khóa XV")
            issuer, rule = _TERM_SUFFIX.sub("", name), "code.issuer"
            line = next((s.line for s in r.sources if s.field == "key"), None)
    if issuer is None and header is None and signature and signature.on_behalf_of:
        # a letter printed without its header, signed "TM. ỦY BAN NHÂN DÂN": that committee, of the place
        # its text names most
        named = [o for o in split_organs(signature.on_behalf_of) if o.named]
        most = (
            province_named_most(text) if named and named[-1].place is None and not named[-1].central else None
        )
        if most:
            level = _level_named(text, most[0])
            issuer, rule, line = (
                f"{named[-1].name} {level} {most[0]}",
                "signature.on-behalf-of+place",
                signature.line,
            )
    if issuer is None and signature and signature.on_behalf_of and not chain:
        # a text whose header lost its body's cell, signed "TM. CHÍNH PHỦ": a central body needs no place
        named = [o for o in split_organs(signature.on_behalf_of) if o.named]
        if len(named) == 1 and named[0].central and named[0].known:
            issuer, rule, line = named[0].name, "signature.on-behalf-of", signature.line
    if issuer is None and header is None and r.get("doc_type") and (subject := _letter_subject(text)):
        # a letter printed without its header names its writer as the subject of its first sentences ("Cục
        # Thuế nhận được công văn số … Về vấn đề này, Cục Thuế có ý kiến như sau:")
        o, line = subject
        issuer, rule = o.name, "letter.subject"
        if not o.central and o.place is None and (most := province_named_most(text)):
            issuer, rule = f"{o.name} {_level_named(text, most[0])} {most[0]}", "letter.subject+place"
    if issuer is None and signature and signature.role:
        issuer, rule, line = signature.role, "signature.role", signature.line
    if issuer is None and r.get("doc_type") in vocab.type_issuers():
        issuer, rule = vocab.type_issuers()[r.get("doc_type")], "type.sole-issuer"
    if issuer is None:
        return None, None
    issuer = vocab.current_spelling(issuer)  # "Uỷ ban" -> "Ủy ban": one spelling of a body
    r.set("issuer", issuer, rule, line, issuer)
    assert rule is not None  # every branch that names the issuer names its rule
    found = _province(issuer, chain, rule, line)
    if found is None and _local_without_place(issuer, chain, issuer_code):
        # a local body whose header does not say where ("CỦA BAN THƯỜNG VỤ TỈNH ỦY"): its text does
        most = province_named_most(text)
        if most:
            found = (most[0], "body.province-of-issuer", most[1], most[2])
    return issuer, found


def _organs_named(text: str, chain: list[Organ]) -> list[Organ]:
    """The bodies a heading's "CỦA …" or a signature's "T/M …" names; a body named without its place
    ("BAN THƯỜNG VỤ") is the one of the header's local body ("Tỉnh ủy Hà Tĩnh")."""
    text = _cut_of().split(" " + text)[0].strip(" ,")
    out = []
    for o in split_organs(despace(text)):
        if not o.named:
            continue
        if chain and o.place is None and fold(chain[-1].name).startswith(fold(o.name)):
            o = chain[-1]  # "T/M TỈNH ỦY" under "TỈNH ỦY NGHỆ AN" is that committee
        if o.place is None and chain and chain[-1].place and fold(o.name) in _placeless_party_bodies():
            o = Organ(f"{o.name} {chain[-1].place}", o.head, chain[-1].place, None, chain[-1].province)
        elif not o.place and chain and chain[-1].place and not o.central:
            o = Organ(f"{o.name} {chain[-1].name}", o.head, chain[-1].place, None, chain[-1].province)
        out.append(o)
    return out


def _local_without_place(issuer: str, chain: list[Organ], issuer_code: str | None) -> bool:
    if chain and (chain[-1].central or chain[-1].province):
        return False  # (a commune's or district's body names its place, not its province)
    if issuer_code and vocab.is_local(issuer_code):
        return True
    f = fold(issuer)
    local_heads = {fold(h) for h, follows in vocab.organ_heads() if follows != "none"}
    return f in _placeless_party_bodies() or any(f.startswith(h) for h in local_heads)


@functools.cache
def _province_regex() -> re.Pattern[str]:
    names = sorted(vocab.province_folds(), key=len, reverse=True)
    levels = "|".join(re.escape(fold(h)) for h, follows in vocab.organ_heads() if follows == "bare")
    return re.compile(
        rf"(?:{levels}|tinh|thanh pho|tp\.?)\s+({'|'.join(re.escape(n) for n in names)})(?![a-z])"
    )


def province_named_most(text: str) -> tuple[str, int, str] | None:
    """(province, line of its first mention, words) named most often as "tỉnh X", "Tỉnh ủy X" … in a text."""
    folded = fold(text)
    if len(folded) != len(text):
        folded = "\n".join(fold(line) for line in text.split("\n"))
    hits: dict[str, list[int]] = {}
    for m in _province_regex().finditer(folded):
        hits.setdefault(vocab.province_folds()[m.group(1)], []).append(m.start())
    if not hits:
        return None
    name, at = max(hits.items(), key=lambda kv: (len(kv[1]), -kv[1][0]))
    line = folded.count("\n", 0, at[0]) + 1
    return name, line, f"{len(at)} mention(s) of {name}"


def _level_named(text: str, province: str) -> str:
    """How a text names a province's level: "thành phố Hà Nội" or "tỉnh Nghệ An" (as it writes it most)."""
    f = fold(" ".join(text.split()))
    city = f.count(f"thanh pho {fold(province)}") + f.count(f"tp {fold(province)}")
    return "thành phố" if city > f.count(f"tinh {fold(province)}") else "tỉnh"


def _placeless_party_bodies() -> set[str]:
    """Known names that stand for a local body of the place above them ("Ban Thường vụ Tỉnh ủy")."""
    return {fold(n) for n in vocab.organs().values() if fold(n).startswith("ban thuong vu ")}


def _is_party(o: Organ, issuer_code: str | None) -> bool:
    code = (issuer_code or "").split("-")[0]
    return vocab.code_family(code) == "party" or fold(o.name).startswith(
        ("ban chap hanh", "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy", "dang bo")
    )


def _starts_with_head(value: str) -> bool:
    f = fold(value)
    return any(f.startswith(fold(h)) for h, _ in vocab.organ_heads()) or f in vocab.known_organs()


def _portal_issuer(value: str, issuer_code: str | None, text: str) -> str | None:
    """The portal's issuer field: a body's name (written out from the text where the portal abbreviates
    it), or a place ("Tỉnh Hà Tĩnh") that names the body together with a local number code (UBND)."""
    value = " ".join(value.split())
    if _starts_with_head(value):
        known = vocab.known_organs().get(fold(value))
        return known or expand_abbreviated(value, text) or value
    code = (issuer_code or "").split("-")[0]
    m = re.match(r"(?i)(tỉnh|thành phố)\s+(.+)$", value)
    if m and vocab.is_local(code) and vocab.code_name(code) and vocab.canonical_province(m.group(2)):
        return f"{vocab.code_name(code)} {m.group(1).lower()} {vocab.canonical_province(m.group(2))}"
    return None


def _province(issuer: str, chain: list[Organ], rule: str, line):
    """The province the issuing body speaks for: named in it, or that of the local body above it.
    A central body (a ministry, the Government, a Party central organ) has none."""
    for o in reversed(chain):
        if fold(o.name) == fold(issuer) or fold(issuer).endswith(fold(o.name)):
            if o.province:
                return o.province, rule, line, o.name
            if o.central:
                return None
    m = re.search(r"(?:tỉnh ủy|thành ủy|tỉnh|thành phố)\s+(.+)$", issuer, re.I)
    if m:
        p = vocab.canonical_province(m.group(1))
        if p:
            return p, rule, line, issuer
    for o in reversed(chain):
        if o.central:
            return None
        if o.province:
            return o.province, rule, line, o.name
    return None


def _title(r: _Reading, header: Header | None, portal: Portal | None, bs) -> None:
    """The document's title from its header; a page's first heading (or first line); else, for a
    document whose text gives none, its type and number ("Công văn 174/CV-BCĐ")."""
    if header and header.title:
        t = header.title
        r.set("title", _sentence(t.value), "header.title", t.line, t.text)
    if header and header.subject:
        s = header.subject
        r.set("title", s.value, "header.subject", s.line, s.text)
    if header or portal:
        if r.get("doc_type") and r.get("key"):
            src = next((s for s in r.sources if s.field == "key"), None)
            r.set("title", f"{r.get('doc_type')} {r.get('key')}", "type+key", src.line if src else None)
        return
    for b in islice(bs, 40):  # not bs[:40]: the blocks after the heading need not be made
        if b.heading or (b.bold and len(b.text) > 20):
            r.set("title", b.text.strip(" #"), "page.heading", b.line, b.text)
            return
    for b in bs[:10]:
        if 3 <= len(b.text.split()) <= 40:
            r.set("title", _sentence(b.text.rstrip(" :")), "page.first-line", b.line, b.text)
            return


def _sentence(s: str) -> str:
    s = re.sub(r"(?i)^về\s+việc\s+", "", s.strip()) if is_upper(s) else s
    return sentence_case(s)


def identify(text: str, path: Path | None = None, front: dict[str, str] | None = None) -> Identity:
    """The document's identity: metadata fields win over what its text says."""
    ident = from_text(text)
    meta = dict(read_sidecar(path)) if path else {}
    side = set(meta)
    meta.update(front or {})
    if not meta:
        return ident
    changes: dict = {}
    given: list[Source] = []

    def rule(f: str) -> str:
        return "metadata.front-matter" if f in (front or {}) or f not in side else "metadata.sidecar"

    if "key" in meta:
        key, issuer_code = key_of(meta["key"])
        changes.update(key=key or meta["key"], issuer_code=issuer_code, source="metadata")
        given.append(Source("key", rule("key"), None, meta["key"]))
    if "type" in meta:
        changes["doc_type"] = meta["type"]
        given.append(Source("doc_type", rule("type"), None, meta["type"]))
    if "date" in meta:
        changes["date"] = date_of(meta["date"])
        given.append(Source("date", rule("date"), None, meta["date"]))
    for f in ("issuer", "title", "term", "signer"):
        if f in meta:
            changes[f] = meta[f]
            given.append(Source(f, rule(f), None, meta[f]))
    if "province" in meta:
        changes["province"] = vocab.canonical_province(meta["province"]) or meta["province"]
        given.append(Source("province", rule("province"), None, meta["province"]))
    replaced = {s.field for s in given}
    sources = tuple(given) + tuple(s for s in ident.sources if s.field not in replaced)
    return replace(ident, **changes, sources=sources, kind="document" if "key" in meta else ident.kind)
