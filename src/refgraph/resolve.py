"""Mentions -> document nodes and edges.

A key is not an identity. Party numbers restart with each term and state numbers without a year restart
each year, so one key may name several documents; local issuers (TU, HU, UBND …) number independently in
every province. Candidates for a key come from the catalog, from the corpus files' own headers, and from
the dated mentions themselves; each mention goes to the candidate that fits:

- the same date; or a date one character away (a typo: 30/9/2001 for 30/9/2021): the same document,
  and the node carries the conflict;
- a date in the same Party term (or, for state numbers without a year, the same year): the same
  document with a conflicting date;
- otherwise a new candidate: 12-NQ/TW of 2012 and 12-NQ/TW of 2022 are different resolutions.
A dateless mention goes to the one candidate that fits its term and precedes the citing document, and
is marked ambiguous when several do. A local reference takes the province the citing text names, or the
citing document's own province; without either it is unscoped.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import vocab
from .catalog import Entry, alias_key
from .extract.keys import same_number
from .extract.named import NameIndex, fold_name, name_key, year_of_key
from .identity import Identity
from .models import Document, Edge, Mention, filled
from .text import fold


@dataclass
class CorpusFile:
    path: str
    stem: str
    identity: Identity
    mentions: list[Mention]
    contexts: list[str] | None = None  # a line of text around each mention, for edge snippets
    rows: list[bytes | None] | None = None  # each mention's stored JSON when made already (a worker's)


@dataclass
class Candidate:
    key: str
    scope: str  # province slug for local issuers, "" for central ones, "?" when unscoped
    date: dt.date | None = None
    term: str | None = None
    entry: Entry | None = None
    corpus_path: str | None = None
    mentions: list[tuple[str, int]] = field(default_factory=list)  # (file, index)
    id: str = ""
    named: bool = False  # a node known by name only ("Luật Đất đai (2024)"): no number code


@dataclass
class Link:
    """How one mention was resolved."""

    doc_id: str | None
    status: str  # resolved | cited_only | ambiguous | unscoped | unresolved | named (by name only)
    scope: str | None = None
    candidates: tuple[str, ...] = ()


@dataclass
class Resolution:
    documents: dict[str, Document]
    edges: list[Edge]
    links: dict[tuple[str, int], Link]
    file_docs: dict[str, str]  # file path -> its own document id
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (key, first file, second file)


REPORTING_TYPES = frozenset({"tin bai", "bai bao", "tin tuc", "thong cao bao chi"})


@functools.lru_cache(maxsize=4096)
def slug(name: str) -> str:
    return "-".join(fold(name).replace("-", " ").split())


@functools.lru_cache(maxsize=65536)
def _province_in(text: str | None) -> str | None:
    """A province named in an issuer phrase ("của Ban Thường vụ Tỉnh ủy Hà Tĩnh")."""
    if not text:
        return None
    f = f" {fold(text)} "
    for pf, name in vocab.province_folds().items():
        if f" {pf} " in f:
            return name
    return None


# names repeat across a corpus; folding is a pure function of the string
_fold_name = functools.lru_cache(maxsize=65536)(fold_name)
_fold = functools.lru_cache(maxsize=4096)(fold)

_YEAR_IN_KEY = re.compile(r"^\d+[A-Z]?/((?:19|20)\d\d)/")


def _is_typo(a: dt.date, b: dt.date) -> bool:
    x, y = a.isoformat(), b.isoformat()
    return sum(c != d for c, d in zip(x, y)) == 1


def _term_of(c: Candidate) -> str | None:
    return c.term or (vocab.term_for_date(c.date) if c.date else None)


def _same_period(key: str, family: str | None, a: dt.date, b: dt.date) -> bool:
    if "/" in key and key.count("/") == 2:  # N/YYYY/…: the key carries the year
        return True
    if family == "party":
        return vocab.term_for_date(a) == vocab.term_for_date(b)
    return a.year == b.year


class _Resolver:
    def __init__(self, files: list[CorpusFile], catalog: list[Entry]) -> None:
        self.files = files
        self.catalog = catalog
        self.groups: dict[tuple[str, str], list[Candidate]] = _Groups()
        self.links: dict[tuple[str, int], Link] = {}
        self.assigned: dict[tuple[str, int], Candidate] = {}
        self.aliases: dict[str, list[Entry]] = defaultdict(list)
        self.by_file = {f.path: f for f in files}
        self.dates: dict[str, dt.date | None] = {}
        self.duplicates: list[tuple[str, str, str]] = []  # (key, first file, second file)
        self.own: dict[str, Candidate] = {}  # file -> the candidate that is the file itself

    # -- scope
    def scope_of(self, key: str, issuer_code: str | None, issuer: str | None, citing: Identity | None) -> str:
        if not vocab.is_local(issuer_code):
            return ""
        named = _province_in(issuer)
        if named:
            return slug(named)
        if citing is not None and citing.province:
            return slug(citing.province)
        return "?"

    # -- candidates
    def seed(self) -> None:
        for e in self.catalog:
            scope = slug(e.province) if (e.province and vocab.is_local(e.issuer_code)) else ""
            self.groups[(e.key, scope)].append(Candidate(e.key, scope, e.date, e.term, entry=e))
            for a in e.aliases:
                self.aliases[alias_key(a)].append(e)
        for f in self.files:
            ident = f.identity
            if not ident.key:
                continue
            scope = self.scope_of(ident.key, ident.issuer_code, ident.issuer, ident)
            cands = self.groups[(ident.key, scope)]
            match = (
                self._match_dated(cands, ident.key, None, ident.date)
                if ident.date
                else (cands[0] if len(cands) == 1 else None)
            )
            if match is None:
                match = Candidate(ident.key, scope, ident.date, ident.term)
                cands.append(match)
            if match.corpus_path and match.corpus_path != f.path:
                self.duplicates.append((ident.key, match.corpus_path, f.path))
                continue  # the first file keeps the identity; the second stays a node of its own
            match.corpus_path = f.path
            self.own[f.path] = match
            if match.date is None:
                match.date = ident.date

    def _itself(self, f: CorpusFile, m: Mention, scope: str) -> Candidate | None:
        """A file naming its own number ("Ban hành kèm theo Quyết định số 3303/QĐ-BTP …" over its
        annex) names itself, even where the date there is misread (a year split by markup reads "20"):
        not another document of that number, unless the date puts it in another year or term."""
        own = self.own.get(f.path)
        if own is None or own.key != m.key or own.scope != scope or m.date is None:
            return None
        if own.date is None or m.date.year < 1900 or _same_period(m.key, m.family, own.date, m.date):
            return own
        return None

    def _match_dated(
        self, cands: list[Candidate], key: str, family: str | None, d: dt.date
    ) -> Candidate | None:
        for c in cands:
            if c.date == d:
                return c
        for c in cands:
            if c.date and _is_typo(c.date, d):
                return c
        for c in cands:
            if c.date and _same_period(key, family, c.date, d):
                return c
        # a file of the corpus whose header gives no date is still the document its number names when the
        # number carries the year the citation's date falls in ("41/2023/NĐ-CP ngày 20/6/2023")
        year = _YEAR_IN_KEY.search(key)
        if year and int(year.group(1)) in (d.year, d.year - 1):
            undated = [c for c in cands if c.date is None and c.corpus_path]
            if len(undated) == 1 and not any(c.date for c in cands):
                return undated[0]
        return None

    def assign_all(self) -> None:
        pending: list[tuple[CorpusFile, int, Mention]] = []
        by_name: list[tuple[CorpusFile, int, Mention]] = []
        for f in self.files:
            for i, m in enumerate(f.mentions):
                if m.key is None and m.name:
                    by_name.append((f, i, m))  # after the numbered ones, which may name the same law
                    continue
                if m.key is None:
                    self._short_form(f, i, m)
                    continue
                if m.date is None:
                    pending.append((f, i, m))
                    continue
                scope = self.scope_of(m.key, m.issuer_code, m.issuer, f.identity)
                cands = self.groups[(m.key, scope)]
                c = self._itself(f, m, scope) or self._match_dated(cands, m.key, m.family, m.date)
                if c is None:
                    c = Candidate(m.key, scope, m.date, m.term)
                    cands.append(c)
                self._assign(f, i, c, "unscoped" if scope == "?" else None)
        for f, i, m in pending:
            assert m.key is not None  # short forms went to _short_form above
            scope = self.scope_of(m.key, m.issuer_code, m.issuer, f.identity)
            cands = self.groups[(m.key, scope)]
            fits = [c for c in cands if not m.term or _term_of(c) in (None, m.term)]
            citing_date = f.identity.date
            if citing_date:
                before = [c for c in fits if c.date is None or c.date <= citing_date]
                fits = before or fits
            status = "unscoped" if scope == "?" else None
            if not fits:
                c = Candidate(m.key, scope, None, m.term)
                cands.append(c)
            elif len(fits) == 1:
                c = fits[0]
            else:
                c = max(fits, key=lambda c: c.date or dt.date.min)
                status = status or "ambiguous"
                self._assign(f, i, c, status, tuple(id(x) for x in fits))
                continue
            self._assign(f, i, c, status)
        if by_name:
            names = NameIndex(self.catalog, self.files)
            found: dict[tuple, list] = {}
            for f, i, m in by_name:
                self._by_name(names, f, i, m, found)

    def _by_name(self, names: NameIndex, f: CorpusFile, i: int, m: Mention, found: dict) -> None:
        """A reference without a number: the catalog's title or the corpus's own numbered citation of that
        name settles it; two candidates make it ambiguous; none leaves a node keyed by the name.
        ``found`` keeps lookups by what they read: a corpus names the same few laws thousands of times."""
        asked = (m.doc_type, m.name, m.date, m.year)
        cands = found.get(asked)
        if cands is None:
            cands = found[asked] = names.lookup(m)
        citing = f.identity.date
        if citing:  # a text cannot name a law of a later year
            cands = [c for c in cands if (year_of_key(c[0], c[1]) or 0) <= citing.year]
        if citing and len(cands) > 1:
            before = [c for c in cands if c[1] is None or c[1] <= citing]
            cands = before or cands
        if cands:
            key, _date, entry = max(cands, key=lambda c: c[1] or dt.date.min)
            scope = ""
            group = self.groups[(key, scope)]
            c = next((x for x in group if entry is not None and x.entry is entry), None)
            if c is None:
                c = group[0] if group else Candidate(key, scope, _date)
                if not group:
                    group.append(c)
            if len(cands) > 1:
                others = []
                for k, d, e in cands:
                    g = self.groups[(k, "")]
                    x = next((y for y in g if e is not None and y.entry is e), None) or (g[0] if g else None)
                    if x is None:
                        x = Candidate(k, "", d)
                        g.append(x)
                    others.append(id(x))
                self._assign(f, i, c, "ambiguous", tuple(others))
            else:
                self._assign(f, i, c, None)
            return
        year = m.date.year if m.date else m.year
        assert m.name is not None  # only named references come here
        # one node per name and year, however the name is spelt ("Quản lý, sử dụng" / "Quản lý sử dụng")
        group = self.groups[(f"name:{_fold_name(m.name)}:{year or ''}", "")]
        if not group:
            group.append(Candidate(name_key(m.name, year), "", m.date, None, named=True))
        self._assign(f, i, group[0], "named")

    def _short_form(self, f: CorpusFile, i: int, m: Mention) -> None:
        """ "Đề án số 06", "Nghị quyết Trung ương 4 (khóa XII)": through the catalog's aliases."""
        names = []
        if "plenum" in m.flags:
            n = m.text.split("(")[0].split()[-1]
            for term in (m.term or "").split(","):
                names.append(alias_key(f"{m.doc_type} Trung ương {n} khóa {term}"))
        elif m.number:
            names.append(alias_key(f"{m.doc_type} {m.number}"))
            names.append(alias_key(f"{m.doc_type} {int(m.number)}"))
        for name in names:
            entries = self.aliases.get(name)
            if entries:
                e = entries[0]
                scope = slug(e.province) if (e.province and vocab.is_local(e.issuer_code)) else ""
                c = next(c for c in self.groups[(e.key, scope)] if c.entry is e)
                self._assign(f, i, c, None)
                return
        self.links[(f.path, i)] = Link(None, "unresolved")

    def _assign(self, f: CorpusFile, i: int, c: Candidate, status: str | None, others=()) -> None:
        c.mentions.append((f.path, i))
        self.assigned[(f.path, i)] = c
        # candidates are object ids until name() gives them document ids
        self.links[(f.path, i)] = Link(None, status or "", c.scope, others)

    # -- ids
    def name(self) -> None:
        for (key, scope), cands in self.groups.items():
            live = [c for c in cands if c.mentions or c.corpus_path]
            if not live:
                continue
            base = key if scope in ("", "?") else f"{key}@{scope}"
            if live[0].named:
                base = live[0].key
            if len(live) == 1:
                live[0].id = base
                continue
            years = Counter(c.date.year if c.date else None for c in live)
            for c in live:
                y = c.date.year if c.date else None
                tag = (c.date.isoformat() if years[y] > 1 else str(y)) if c.date else "undated"
                c.id = f"{base}@{tag}" if scope in ("", "?") else f"{base}:{tag}"
        by_obj = {id(c): c for cands in self.groups.values() for c in cands}
        for k, c in self.assigned.items():
            link = self.links[k]
            status = link.status or ("resolved" if (c.entry or c.corpus_path) else "cited_only")
            cand_ids = tuple(sorted(by_obj[o].id or by_obj[o].key for o in link.candidates))  # type: ignore[index]
            self.links[k] = Link(c.id, status, c.scope, cand_ids)

    # -- documents and edges
    def documents(self) -> tuple[dict[str, Document], dict[str, str]]:
        docs: dict[str, Document] = {}
        file_docs: dict[str, str] = {}
        for cands in self.groups.values():
            for c in cands:
                if not c.id:
                    continue
                docs[c.id] = self._document(c)
                if c.corpus_path:
                    file_docs[c.corpus_path] = c.id
        for f in self.files:
            if f.path in file_docs:
                continue
            ident = f.identity
            doc_id = f.stem
            n = 2
            while doc_id in docs:
                doc_id = f"{f.stem}~{n}"
                n += 1
            docs[doc_id] = Document(
                id=doc_id,
                key=None,
                doc_type=ident.doc_type,
                date=ident.date,
                issuer=ident.issuer,
                issuer_code=ident.issuer_code,
                term=ident.term,
                title=ident.title,
                province=ident.province,
                family=None,
                path=f.path,
                dates_seen=(ident.date.isoformat(),) if ident.date else (),
            )
            file_docs[f.path] = doc_id
        return docs, file_docs

    def _document(self, c: Candidate) -> Document:
        ms = [self.by_file[p].mentions[i] for p, i in c.mentions]
        e = c.entry
        ident = self.by_file[c.corpus_path].identity if c.corpus_path else None
        dates = Counter(m.date for m in ms if m.date)
        seen = set(dates)
        for d in (e.date if e else None, ident.date if ident else None):
            if d:
                seen.add(d)
        if ident is not None:
            # a file in the corpus is dated by its own header; lacking one, by a hand catalog only: what
            # other texts (or the catalog mined from them) say of it stays in dates_seen, as witnesses
            hand = e.date if e and e.witnesses is None else None
            date = ident.date or hand
        else:
            date = (e.date if e else None) or c.date
            if date is None and dates:
                date = sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

        def common(attr: str) -> str | None:
            if len(ms) == 1:  # most documents are named once: no counting
                return getattr(ms[0], attr) or None
            vals = Counter(getattr(m, attr) for m in ms if getattr(m, attr))
            return vals.most_common(1)[0][0] if vals else None

        first = ms[0] if ms else None
        family = first.family if first else None
        issuer_code = (
            (first.issuer_code if first else None)
            or (e.issuer_code if e else None)
            or (ident.issuer_code if ident else None)
        )
        term = (e.term if e else None) or common("term")
        if term is None and date and (family == "party" or (e and "/TW" in e.key)):
            term = vocab.term_for_date(date)
        province = None
        if c.scope not in ("", "?"):
            province = vocab.province_slugs().get(c.scope, c.scope)
        flags = []
        if len(seen) > 1:
            flags.append("date_conflict")
        if c.scope == "?":
            flags.append("unscoped")
        # a hand catalog names a document before its file does; a catalog mined from other texts only
        # where the file's own header is silent
        said = e if e and e.witnesses is None else None
        mined = e if e and e.witnesses is not None else None
        return Document(
            id=c.id,
            key=None if c.named else c.key,
            doc_type=_first("doc_type", said, ident, mined) or common("doc_type"),
            date=date,
            issuer=_spelt(_first("issuer", said, ident, mined) or common("issuer")),
            issuer_code=issuer_code,
            term=term,
            title=_first("title", said, ident, mined)
            or common("title")
            or (common("name") if c.named else None),
            province=province or (ident.province if ident else None),
            family=family
            or (
                "party"
                if issuer_code and vocab.code_family(issuer_code.split("-")[0]) == "party"
                else "state"
            ),
            path=c.corpus_path,
            dates_seen=tuple(sorted(d.isoformat() for d in seen)),
            flags=tuple(flags)
            + (("in_catalog",) if e else ())
            + (("mined",) if e and e.witnesses is not None else ())
            + (("named", "unresolved") if c.named else ()),
        )

    def _later(self, a: str, b: str) -> bool:
        """Is document ``a`` dated after document ``b``?"""
        da, db = self.dates.get(a), self.dates.get(b)
        return bool(da and db and da > db)

    def edges(self, file_docs: dict[str, str]) -> list[Edge]:
        out: list[Edge] = []
        for f in self.files:
            own = file_docs[f.path]
            # a news item reports on documents; whatever verb it uses, it implements none of them
            reporting = _fold(f.identity.doc_type or "") in REPORTING_TYPES
            last_id_of_key: dict[str, str] = {}
            for i, m in enumerate(f.mentions):
                link = self.links.get((f.path, i))
                target = link.doc_id if link else None
                if target is None or "boilerplate" in m.flags:
                    continue  # a site's repeated text (a notice, a footer) is not the document's citation
                source = own
                if m.subject and m.subject in last_id_of_key:
                    source = last_id_of_key[m.subject]
                    if "inherited_subject" in m.flags and self._later(target, source):
                        source = (
                            own  # a document cannot continue one issued after it: the list was the citer's
                        )
                if m.key:
                    last_id_of_key[m.key] = target
                if source == target:
                    continue
                # models.filled: a large corpus makes a hundred thousand edges on every build and check
                e = filled(
                    Edge,
                    dict(
                        source=source,
                        target=target,
                        relation="cites"
                        if (reporting and source == own)
                        else ((m.subject_relation or m.relation) if source != own else m.relation),
                        file=f.path,
                        line=m.line,
                        start=m.start,
                        end=m.end,
                        snippet=f.contexts[i] if f.contexts else m.text,
                    ),
                )
                out.append(e)
        return out


class _Groups(dict):
    """Candidates by (key, scope), an empty list for a new one; a number's leading zeros make no other
    document ("0129/KH-UBND" cited elsewhere as "129/KH-UBND")."""

    def __getitem__(self, k: tuple[str, str]) -> list[Candidate]:
        k = (same_number(k[0]), k[1])
        got = self.get(k)
        if got is None:
            got = self[k] = []
        return got

    def __setitem__(self, k: tuple[str, str], v: list[Candidate]) -> None:
        super().__setitem__((same_number(k[0]), k[1]), v)


def resolve(files: list[CorpusFile], catalog: list[Entry]) -> Resolution:
    r = _Resolver(files, catalog)
    r.seed()
    r.assign_all()
    r.name()
    docs, file_docs = r.documents()
    r.dates = {d.id: d.date for d in docs.values()}
    edges = r.edges(file_docs)
    return Resolution(docs, edges, r.links, file_docs, r.duplicates)


def _first(attr: str, *sources):
    """The attribute from the first source (None skipped) that gives it."""
    return next((v for s in sources if s is not None and (v := getattr(s, attr, None))), None)


def _spelt(name: str | None) -> str | None:
    """One spelling of a body for its document ("Uỷ ban" -> "Ủy ban"), as extraction gives a mention's."""
    return vocab.current_spelling(name) if name else None
