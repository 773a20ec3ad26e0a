"""The rules of `refgraph check`: each a stable code, a default severity, a one-line message and a hint.

Every rule reads the corpus as resolved in memory (refgraph.builder.collect) and yields Diagnostics that
point at the citation as written: file, line, column, span, surface text, key, and the fix when there is
one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vocab
from ..models import Diagnostic, Mention

if TYPE_CHECKING:
    from ..builder import Collected
    from ..resolve import Link


def relpath(p):
    from . import relpath as rp

    return rp(p)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    summary: str
    hint: str
    example: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "RG101",
            "date-conflict",
            "error",
            "One document is cited with different dates",
            "Check the date against the document itself; all citations of it should agree.",
            "Kết luận số 15-KL/TW ngày 30/9/2001 in one text, 30/9/2021 in another",
        ),
        Rule(
            "RG102",
            "catalog-conflict",
            "warning",
            "A citation disagrees with the catalog (date or issuing body)",
            "Correct the citation, or the catalog entry if the catalog is wrong.",
            "Nghị quyết số 28-NQ/TW, ngày 25/10/2014 (the catalog: 25/10/2013)",
        ),
        Rule(
            "RG103",
            "anachronism",
            "error",
            "A document cites one issued after it, or continues one that came later",
            "One of the two dates is wrong.",
            "Kết luận 15-KL/TW dated 2001 'continuing' Chỉ thị 46-CT/TW of 2015",
        ),
        Rule(
            "RG104",
            "term-mismatch",
            "warning",
            "The date lies outside the Party term (khóa) the text names",
            "Check the term or the date.",
            "Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị khóa XII",
        ),
        Rule(
            "RG105",
            "year-mismatch",
            "error",
            "A state number's year disagrees with its date",
            "The year in the number is the year of signing.",
            "Nghị định số 72/2013/NĐ-CP ngày 15/7/2014",
        ),
        Rule(
            "RG106",
            "impossible-date",
            "error",
            "A date that does not exist",
            "Correct the day or month.",
            "ngày 31/02/2020",
        ),
        Rule("RG107", "future-date", "error", "A date after today", "Correct the year.", "ngày 01/01/2099"),
        Rule(
            "RG108",
            "nonstandard-form",
            "warning",
            "A document number written in a non-standard form",
            "Write the canonical form given as the fix.",
            "28/NQ-TW for 28-NQ/TW; 55 -CT/TU for 55-CT/TU",
        ),
        Rule(
            "RG109",
            "ambiguous-reference",
            "warning",
            "Several documents fit a dateless citation",
            "Add the date (or the term) so the citation names one document.",
            "Nghị quyết số 12-NQ/TW with no date, when 12-NQ/TW of 2012 and of 2022 both precede the text",
        ),
        Rule(
            "RG110",
            "unscoped-local-reference",
            "warning",
            "A local document number with no province to scope it",
            "Name the province, or give the citing document a province (front matter or .meta).",
            "Nghị quyết số 02-NQ/TU in a text that does not say which province it speaks for",
        ),
        Rule(
            "RG111",
            "unresolved-reference",
            "warning",
            "A cited document is neither in the corpus nor in the catalog (an error with --closed)",
            "Add it to the corpus or the catalog, or correct the number.",
            "Chỉ thị số 99-CT/TW",
        ),
        Rule(
            "RG112",
            "alias-before-definition",
            "warning",
            "A short name is used before the text defines it",
            'Move the definition "(sau đây gọi tắt là …)" to the first use.',
            "Chỉ thị 07 … later: Chỉ thị số 07/CT-BCA-V28 (sau đây gọi tắt là Chỉ thị 07)",
        ),
        Rule(
            "RG113",
            "unresolved-short-form",
            "warning",
            "A short form that resolves to no document",
            "Cite the full number once, or add an alias to the catalog.",
            "Đề án số 09 with no alias for it",
        ),
        Rule(
            "RG114",
            "duplicate-identity",
            "error",
            "Two files claim the same document identity",
            "Correct the number in one of the files (header, front matter or .meta).",
            "two files both headed Số: 21-CT/TU of one province",
        ),
        Rule(
            "RG115",
            "type-mismatch",
            "warning",
            "The type word and the number's type code disagree",
            "Check which document is meant: the word or the number is wrong.",
            "Nghị quyết số 15/CT-TTg (CT is a Chỉ thị)",
        ),
    )
}


def severity(code: str, closed: bool) -> str:
    if code == "RG111" and closed:
        return "error"
    return RULES[code].severity


class Context:
    """What the rules read: the resolved corpus, with per-file lookups."""

    def __init__(self, collected: Collected, today: dt.date, closed: bool) -> None:
        self.c = collected
        self.res = collected.resolution
        self.today = today
        self.closed = closed
        self.catalog_by_key = defaultdict(list)
        for e in collected.catalog:
            self.catalog_by_key[e.key].append(e)

    def mentions(self) -> Iterator[tuple[str, int, Mention, Link | None]]:
        for f in self.c.files:
            for i, m in enumerate(f.mentions):
                yield f.path, i, m, self.res.links.get((f.path, i))


def _d(
    code: str, ctx: Context, m: Mention, message: str, fix: str | None = None, related: tuple[str, ...] = ()
) -> Diagnostic:
    return Diagnostic(
        code=code,
        severity=severity(code, ctx.closed),
        message=message,
        file=m.source,
        line=m.line,
        start=m.start,
        end=m.end,
        text=m.text,
        key=m.key,
        hint=RULES[code].hint,
        fix=fix,
        related=related,
    )


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else "?"


def date_conflicts(ctx: Context) -> Iterator[Diagnostic]:
    """RG101 between citations; RG102 when the citations agree with each other but not with the catalog."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for _path, _i, m, link in ctx.mentions():
        if link and link.doc_id and m.date:
            by_doc[link.doc_id].append(m)
    for doc_id, ms in by_doc.items():
        doc = ctx.res.documents[doc_id]
        catalog_date = doc.date if "in_catalog" in doc.flags else None
        dates = Counter(m.date for m in ms)
        if len(dates) > 1:
            ref = catalog_date or sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            for m in ms:
                if m.date == ref:
                    continue
                others = [o for o in ms if o.date != m.date]
                where = ", ".join(f"{relpath(o.source)}:{o.line}" for o in others[:3])
                also = " and the catalog" if catalog_date == ref else ""
                yield _d(
                    "RG101",
                    ctx,
                    m,
                    f"{m.key} is dated {_iso(m.date)} here but {_iso(ref)} in {where}{also}",
                    fix=ref.strftime("%d/%m/%Y") if ref else None,
                    related=tuple(f"{o.source}:{o.line}" for o in others),
                )
        elif catalog_date and ms[0].date != catalog_date:
            for m in ms:
                yield _d(
                    "RG102",
                    ctx,
                    m,
                    f"{m.key} is dated {_iso(m.date)} here; the catalog says {_iso(catalog_date)}",
                    fix=catalog_date.strftime("%d/%m/%Y"),
                )


_ORGANS = (
    ("ban bi thu", "Ban Bí thư"),
    ("bo chinh tri", "Bộ Chính trị"),
    ("ban chap hanh trung uong", "Ban Chấp hành Trung ương"),
    ("thu tuong", "Thủ tướng Chính phủ"),
    ("chinh phu", "Chính phủ"),
    ("quoc hoi", "Quốc hội"),
)


def _organ(issuer: str | None) -> str | None:
    from ..text import fold

    if not issuer:
        return None
    f = fold(issuer)
    for needle, organ in _ORGANS:
        if needle in f:
            return organ
    return None


def catalog_issuer(ctx: Context) -> Iterator[Diagnostic]:
    """RG102: the issuing body named in the text is another organ than the catalog's."""
    for _path, _i, m, link in ctx.mentions():
        if not (link and link.doc_id and m.issuer) or "short_form" in m.flags:
            continue  # "Đề án 06 của Chính phủ": the project is the Government's, its approving decision the PM's
        doc = ctx.res.documents[link.doc_id]
        if "in_catalog" not in doc.flags:
            continue
        said, known = _organ(m.issuer), _organ(doc.issuer)
        if said and known and said != known:
            yield _d(
                "RG102", ctx, m, f"{m.key} is attributed to {m.issuer} here; the catalog says {doc.issuer}"
            )


def anachronisms(ctx: Context) -> Iterator[Diagnostic]:
    """RG103: citing something issued later; or a nested "continues" relation impossible in time."""
    docs = ctx.res.documents
    for f in ctx.c.files:
        own = docs.get(ctx.res.file_docs.get(f.path, ""))
        own_date = own.date if own else None
        last_by_key: dict[str, Mention] = {}
        for i, m in enumerate(f.mentions):
            link = ctx.res.links.get((f.path, i))
            target = docs.get(link.doc_id) if link and link.doc_id else None
            cited_date = m.date or (target.date if target else None)
            outer = last_by_key.get(m.subject) if m.subject else None
            impossible = bool(outer and outer.date and cited_date and outer.date < cited_date)
            if outer is not None and impossible and "inherited_subject" not in m.flags:
                yield _d(
                    "RG103",
                    ctx,
                    m,
                    f"{outer.key} dated {_iso(outer.date)} {m.relation} {m.key} of {_iso(cited_date)}, "
                    "which came later",
                    related=(f"{outer.source}:{outer.line}",),
                )
            elif (outer is None or impossible) and own_date and cited_date and cited_date > own_date:
                # (a list member read as nested but impossible in time is the citing document's own reference)
                yield _d(
                    "RG103",
                    ctx,
                    m,
                    f"this document ({_iso(own_date)}) cites {m.key or m.text} of {_iso(cited_date)}, issued later",
                )
            if m.key:
                last_by_key[m.key] = m


def dates(ctx: Context) -> Iterator[Diagnostic]:
    """RG104 term, RG105 year, RG106 impossible, RG107 future."""
    docs = ctx.res.documents
    for _path, _i, m, link in ctx.mentions():
        if "impossible_date" in m.flags:
            yield _d("RG106", ctx, m, f"{m.key or m.text}: {m.date_text} is not a date")
        if m.date and m.date > ctx.today:
            yield _d("RG107", ctx, m, f"{m.key or m.text} is dated {_iso(m.date)}, after today")
        if m.year and m.date and m.date.year != m.year:
            yield _d("RG105", ctx, m, f"{m.key} carries the year {m.year} but is dated {_iso(m.date)}")
        if m.term and m.issuer_code == "TW" and "plenum" not in m.flags:
            target = docs.get(link.doc_id) if link and link.doc_id else None
            d = m.date or (target.date if target else None)
            span = vocab.term_span(m.term)
            actual = vocab.term_for_date(d) if d else None
            if d and span and actual and actual != m.term:
                yield _d(
                    "RG104",
                    ctx,
                    m,
                    f"{m.key} is of {_iso(d)}, in term {actual}, not khóa {m.term}",
                    fix=actual,
                )


def forms(ctx: Context) -> Iterator[Diagnostic]:
    """RG108 non-standard forms; RG112 alias used before its definition."""
    for _path, _i, m, _link in ctx.mentions():
        if "nonstandard_form" in m.flags and m.key:
            number = (
                m.text.split()[-1]
                if " -" not in m.text
                else m.text[m.text.rfind(" ", 0, m.text.find(" -")) + 1 :]
            )
            yield _d("RG108", ctx, m, f"'{number}' is not the standard form of {m.key}", fix=m.key)
        if "alias_before_definition" in m.flags:
            yield _d("RG112", ctx, m, f"'{m.text}' is used before the text says it stands for {m.key}")


def type_words(ctx: Context) -> Iterator[Diagnostic]:
    """RG115: "Nghị quyết số 15/CT-TTg": the word names one type, the code another."""
    for _path, _i, m, _link in ctx.mentions():
        code = m.type_code
        if not code or "short_form" in m.flags or "alias" in m.flags:
            continue
        name = vocab.code_name(code)
        if name is None:
            continue
        allowed = {name.lower()}
        if code == "QĐ":
            allowed |= {"quyết định", "quy định"}  # QĐ is both in Party numbering
        if m.doc_type.lower() not in allowed:
            yield _d("RG115", ctx, m, f"'{m.doc_type}' with the code {code}, which is a {name}")


def resolution(ctx: Context) -> Iterator[Diagnostic]:
    """RG109 ambiguous, RG110 unscoped, RG111 unresolved, RG113 short form resolving to nothing."""
    for _path, _i, m, link in ctx.mentions():
        if "named" in m.flags:
            continue  # references by name only are counted in the summary (named_counts)
        status = link.status if link else "unresolved"
        if status == "ambiguous" and link is not None:
            yield _d(
                "RG109",
                ctx,
                m,
                f"{m.key} could be {', '.join(link.candidates)}; chose {link.doc_id}",
                related=link.candidates,
            )
        elif status == "unscoped":
            yield _d("RG110", ctx, m, f"{m.key} is a local number, and nothing says of which province")
        elif status == "cited_only":
            yield _d("RG111", ctx, m, f"{m.key} is neither in the corpus nor in the catalog")
        elif status == "unresolved" and "short_form" in m.flags:
            yield _d("RG113", ctx, m, f"'{m.text}' names no known document")


def identities(ctx: Context) -> Iterator[Diagnostic]:
    """RG114: two files claim one identity."""
    for key, first, second in ctx.res.duplicates:
        yield Diagnostic(
            code="RG114",
            severity=severity("RG114", ctx.closed),
            file=second,
            line=1,
            column=1,
            message=f"{second} and {first} both claim to be {key}",
            key=key,
            hint=RULES["RG114"].hint,
            related=(f"{first}:1",),
        )


def named_counts(ctx: Context) -> dict[str, int]:
    """References by name only, for the summary (one finding each would drown the rest): how many names
    stand for two documents or more, and how many the catalog cannot place."""
    two, unplaced = set(), set()
    for _path, _i, m, link in ctx.mentions():
        if "named" not in m.flags or link is None:
            continue
        if link.status == "ambiguous":
            two.add(m.name or m.text)
        elif link.status == "named":
            unplaced.add(m.name or m.text)
    return {"two_documents": len(two), "unplaced": len(unplaced)} if two or unplaced else {}

ALL = (
    date_conflicts,
    catalog_issuer,
    anachronisms,
    dates,
    forms,
    type_words,
    resolution,
    identities,
)
