"""The data the extraction stages share: a candidate citation (:class:`Found`) under construction.

The pipeline creates these records; relations, titles and aliases are functions that read and fill
them. Every stage imports this module and none imports another stage for its types, so the stages
form a line (scan -> parse -> keys -> pipeline -> relations, aliases) with no import circle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass
class Found:
    """A mention under construction (offsets into the normalized text)."""

    start: int
    end: int
    head_end: int  # end of the citation proper: number, date, issuer, term, quoted title
    doc_type: str
    key: str | None
    family: str | None
    type_code: str | None
    issuer_code: str | None
    number: str | None
    year: int | None
    date: dt.date | None
    date_text: str | None
    issuer: str | None
    term: str | None
    title: str | None
    title_start: int | None
    flags: list[str] = field(default_factory=list)
    group: int = 0  # mentions parsed from one citation (a list sharing a type word) share a group
    first_in_group: bool = True
    alias_definition: bool = False
    relation: str = "cites"
    subject: str | None = None
    extent_end: int = 0  # end of everything that belongs to the citation, title included
    name: str | None = None  # references without a number code (extract.named)
    title_end: int | None = None
    subject_relation: str | None = None  # what ``subject`` does with this one (the title's verb)
    why: list[str] = field(default_factory=list)  # which rule chose relation, issuer and date
    relation_at: int | None = None  # where the phrase that chose the relation starts, when one did
    issuer_before: bool = False  # the issuer is a body named before the citation ("đề nghị của X tại …")


# a part of a document kept apart from its header: it opens (a file-name title aside) with one of the
# document's own section, chapter or article headings ("III. TỔ CHỨC THỰC HIỆN", "Chương IV", "Điều 9. …")
_OPENS_WITH_SECTION = re.compile(
    r"\A\s*(?:#[ \t]*\S+[ \t]*\n\s*)?[*]*[ \t]*(?:[IVX]{1,4}\.[ \t]+[A-ZĐÀ-Ỹ]|Chương[ \t]+[IVXLC]+\b|Điều[ \t]+\d+\.[ \t]"
    r"|PHẦN[ \t]+[IVX\d]|(?:MỤC|Mục)[ \t]+[IVX\d]+[.:]?[ \t])"
)


def document_part(text: str) -> bool:
    """The text is a part of a document, not a page about one: it opens with the document's own heading."""
    return _OPENS_WITH_SECTION.match(text) is not None


def year_of(f: Found) -> int | None:
    """The year a citation was issued: its date's, else its number's."""
    return f.date.year if f.date else f.year
