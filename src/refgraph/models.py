"""The plain data that flows between the pipeline's stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

RELATIONS = ("implements", "based_on", "amends", "replaces", "repeals", "guides", "approves", "cites")


@dataclass(frozen=True)
class Mention:
    """One citation of a document, as found in one text.

    ``start``/``end`` index the text as given (before any normalization); ``text`` is that span.
    """

    start: int
    end: int
    line: int
    text: str
    key: str | None
    doc_type: str
    type_code: str | None = None
    number: str | None = None
    year: int | None = None
    issuer_code: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    term: str | None = None
    title: str | None = None
    relation: str = "cites"
    subject: str | None = None
    flags: tuple[str, ...] = ()
    family: str | None = None  # "party" | "state" | None (short forms)
    date_text: str | None = None  # the date as written, when it could not be read as a full date
    source: str | None = None
    subject_relation: str | None = None  # the relation from ``subject`` (the title's verb) to this one
    why: tuple[str, ...] = ()  # the rules that chose relation, issuer and date (refgraph extract --explain)
    passage: str | None = None  # fingerprint of the line it sits on, for repeated text (extract.boilerplate)
    name: str | None = None  # a reference without a number code: its name ("Luật Đất đai"), see extract.named

    def to_dict(self) -> dict:
        # field by field: dataclasses.asdict deep-copies and is slow on hundreds of thousands of mentions
        d = {f: getattr(self, f) for f in _MENTION_FIELDS}
        d["date"] = self.date.isoformat() if self.date else None
        d["flags"] = list(self.flags)
        d["why"] = list(self.why)
        d["file"] = d.pop("source")
        return d


_MENTION_FIELDS = tuple(Mention.__dataclass_fields__)


@dataclass(frozen=True)
class Document:
    """A node of the graph: a document in the corpus, or one that is only cited."""

    id: str
    key: str | None
    doc_type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    term: str | None = None
    title: str | None = None
    province: str | None = None
    family: str | None = None
    path: str | None = None  # set when the document's own text is in the corpus
    dates_seen: tuple[str, ...] = ()  # every distinct date the corpus gives it (a conflict when > 1)
    flags: tuple[str, ...] = ()

    @property
    def in_corpus(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    file: str
    line: int
    start: int
    end: int
    snippet: str


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: str  # "error" | "warning" | "note"
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    key: str | None = None
    hint: str | None = None
    fix: str | None = None
    related: tuple[str, ...] = field(default=())  # other places that take part ("file:line")
    end_line: int | None = None
    end_column: int | None = None
    source_line: str | None = (
        None  # the offending line (a window of it when long), for a caret under the span
    )
    source_offset: int = 0  # characters of the line cut off before source_line starts

    def to_dict(self) -> dict:
        d = asdict(self)
        d["related"] = list(self.related)
        return d


_T = TypeVar("_T")


def filled(cls: type[_T], fields: dict[str, Any]) -> _T:
    """An instance of the frozen dataclass ``cls`` holding ``fields`` — every one of its fields, by name —
    made without its generated ``__init__``, which sets each field through ``object.__setattr__``: most of
    the cost where a build, a check or a walk makes hundreds of thousands of them (mentions, edges, header
    blocks, stored documents). Nothing else runs (defaults, ``__post_init__``): callers pass every field,
    and the classes filled so have no ``__post_init__``."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj
