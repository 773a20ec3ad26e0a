"""The identity of one corpus file and where each of its fields was read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

FIELDS = ("key", "doc_type", "date", "issuer", "province", "title", "signer")


@dataclass(frozen=True)
class Source:
    """Where one identity field came from: the rule that read it and the file line it read it on."""

    field: str
    rule: str  # e.g. "header.number", "portal.Số hiệu", "closing-clause", "code.issuer", "metadata"
    line: int | None = None
    text: str | None = None  # the words read, shortened

    def describe(self) -> str:
        where = f"line {self.line}" if self.line else "no line"
        return f"{self.rule} ({where})" + (f": {self.text}" if self.text else "")


@dataclass(frozen=True)
class Identity:
    key: str | None = None
    doc_type: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    province: str | None = None
    title: str | None = None
    term: str | None = None
    signer: str | None = None
    source: str = "stem"  # where the key came from: "metadata" | "header" | "portal" | "stem"
    kind: str = "document"  # "document": it has a header or metadata; "page": a news item or web page
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()  # disagreements found while reading (portal block against header …)

    def source_of(self, field: str) -> Source | None:
        return next((s for s in self.sources if s.field == field), None)

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["date"] = self.date.isoformat() if self.date else None
        d["sources"] = [
            {"field": s.field, "rule": s.rule, "line": s.line, "text": s.text} for s in self.sources
        ]
        d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Identity:
        known = {f.name for f in fields(cls)}
        d = {k: v for k, v in d.items() if k in known}
        d["date"] = dt.date.fromisoformat(d["date"]) if d.get("date") else None
        d["sources"] = tuple(Source(**s) for s in d.get("sources") or ())
        d["notes"] = tuple(d.get("notes") or ())
        return cls(**d)
