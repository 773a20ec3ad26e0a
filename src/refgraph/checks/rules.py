"""The rules of `refgraph check`: each a stable code, a default severity, a one-line message and a hint.

Every rule reads the corpus as resolved in memory (refgraph.builder.collect) and yields Diagnostics that
point at the citation as written: file, line, column, span, surface text, key, and the fix when there is
one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .. import vocab
from ..models import Diagnostic, Mention
from ..text import fold

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
    default: bool = True  # off by default: runs only when --select names it


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "RG101",
            "date-conflict",
            "warning",  # an error until an independent re-check: two documents may share a number
            # (a ministry's own series), so a conflict is a strong sign, not proof (check-precision.md)
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
            "note",
            "A cited document is neither in the corpus nor in the catalog: one finding per document, with "
            "how often it is cited (an error with --closed)",
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
            default=False,  # opt-in (--select RG113): docs/check-precision.md says why
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
        Rule(
            "RG116",
            "malformed-number",
            "error",
            "A document number that cannot be right: a year slot that is not a year, a doubled letter in a "
            "known code, a look-alike of the Assembly's code",
            "Correct the number; the fix gives the likely intent.",
            "Nghị định số 100/20254/NĐ-CP; 184/2025/NĐ-CPP; Luật số 22/2023/OH15",
        ),
        Rule(
            "RG117",
            "superseded-basis",
            "error",
            "A document relies on one that was replaced or repealed before it was issued",
            "Cite the document in force (named in the fix), or say why the old one still applies.",
            "Căn cứ Quyết định số 10/2010/QĐ-TTg (replaced by 20/2015/QĐ-TTg) in a text of 2020",
        ),
    )
}


def severity(code: str, closed: bool) -> str:
    if code == "RG111" and closed:
        return "error"
    return RULES[code].severity


@functools.cache
def _words() -> dict[str, list[tuple[str, ...]]]:
    """refgraph/vocab/check_words.tsv: kind -> rows of values."""
    from importlib import resources

    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    text = resources.files("refgraph.vocab").joinpath("check_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, *values = line.split("\t")
            out[kind].append(tuple(values))
    return out


def _word_set(kind: str) -> frozenset[str]:
    return frozenset(v[0] for v in _words()[kind])


@functools.cache
def _province_regex() -> re.Pattern[str]:
    names = set(_province_names())
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alts})(?![a-z0-9])", re.I)


@functools.cache
def _province_names() -> dict[str, str]:
    """folded spelling -> one name per province ("tphcm", "ho chi minh" -> "ho chi minh"); a city stands
    for its province ("nha trang" -> "khanh hoa")."""
    out = {}
    for f, name in vocab.province_folds().items():
        out[f] = fold(name).removeprefix("thanh pho ")
    for a in _words()["province_alias"]:
        out[fold(a[0])] = fold(a[1]).removeprefix("thanh pho ")
    for city, province in _words()["province_city"]:
        if fold(province) in out:  # a row naming no known province is ignored rather than guessed
            out.setdefault(fold(city), out[fold(province)])
    return out


def _fold_keep_case(s: str) -> str:
    """Diacritics stripped, case kept, dashes unified, spaces collapsed."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    for c in set(s):  # a page has a handful of distinct marks: one C-speed replace each
        if unicodedata.combining(c):
            s = s.replace(c, "")
    return " ".join(s.replace("–", "-").replace("—", "-").split())


# the only characters beyond ASCII that a case-insensitive pattern of ASCII letters matches (İ ı ſ K,
# checked in the tests): a text without them can be lower-cased and searched case-sensitively instead
_CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")


_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@functools.cache
def _province_search() -> re.Pattern[str] | None:
    """The province names without the lookbehind and case folding that keep Python's regex engine from
    skipping ahead to a name's first letter (provinces_in checks the character before a hit itself);
    None when a name is not plain ASCII, which only the case-insensitive pattern handles."""
    names = set(_province_names())
    if not all(n.isascii() and n == n.lower() for n in names):
        return None
    return re.compile(_trie_pattern(sorted(names)))


def _trie_pattern(names: list[str]) -> str:
    """One alternation per shared prefix ("b(?:a(?:c (?:giang|kan)|…)…)"): the engine tests each letter
    once instead of every name at every position. At each branching, longer names come before a name
    that ends there, so the longest name wins, as in the plain alternation sorted by length."""
    trie: dict = {}
    for n in names:
        node = trie
        for ch in n:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(ch) + walk(child) for ch, child in node.items() if ch]
        if "" in node:
            alts.append("(?![a-z0-9])")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return walk(trie)


def _province_hits(folded: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each name _province_regex() finds in ``folded``, the same hits faster."""
    rx = _province_search()
    low = folded.lower()
    if rx is None or len(low) != len(folded) or _CASE_TWINS.search(folded):
        yield from (m.span() for m in _province_regex().finditer(folded))
        return
    pos = 0
    while hit := rx.search(low, pos):
        start = hit.start()
        if start and low[start - 1] in _ASCII_WORD:
            pos = start + 1  # inside a word: where the lookbehind would have failed, try the next place
            continue
        yield start, hit.end()
        pos = hit.end() if hit.end() > start else start + 1


def provinces_in(s: str) -> set[str]:
    """The provinces a text names (one folded name each). A name counts only when each of its words is
    capitalised: folded, "diễn biến" (a course of events) is "Điện Biên" and "hòa bình" (peace) is "Hòa
    Bình"; only the capitals tell the province."""
    names = _province_names()
    out = set()
    folded = _fold_keep_case(s)
    for start, end in _province_hits(folded):
        found = folded[start:end]
        words = [w for w in re.split(r"[\s.\-]+", found) if w]
        if [w.lower() for w in words[:2]] == ["thanh", "pho"] and len(words) > 2:
            words = words[2:]  # "Thành phố Hồ Chí Minh": "phố" is often written small
        if all(w[0].isupper() for w in words):
            out.add(names.get(found.lower(), found.lower()))
    return out


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


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

        self._texts: dict[str, str] = {}
        self._named: dict[str, set[str]] = {}
        self.by_path = {f.path: f for f in collected.files}
        self._mentions: list[tuple[str, int, Mention, Link | None]] | None = None

    def mentions(self) -> Iterator[tuple[str, int, Mention, Link | None]]:
        # listed once: a dozen rules walk every mention, and a generator with a lookup per mention
        # cost more than the rules' own tests on 100k mentions
        if self._mentions is None:
            links = self.res.links
            self._mentions = [
                (f.path, i, m, links.get((f.path, i))) for f in self.c.files for i, m in enumerate(f.mentions)
            ]
        return iter(self._mentions)

    def text(self, path: str) -> str:
        """A file's text as the mentions' offsets index it (read only for files a rule looks closer at)."""
        if path not in self._texts:
            from ..identity import split_front_matter
            from ..sources import InputError, read_source

            try:
                self._texts[path] = split_front_matter(read_source(path).text)[1]
            except InputError:
                self._texts[path] = ""
        return self._texts[path]

    def provinces_named(self, path: str) -> set[str]:
        """The provinces a file names anywhere (folded names)."""
        if path not in self._named:
            self._named[path] = provinces_in(self.text(path))
        return self._named[path]

    def _meta_says_date(self, path: str) -> bool:
        from pathlib import Path

        from ..identity import read_sidecar, split_front_matter
        from ..sources import InputError, read_source

        if "date" in read_sidecar(Path(path)):
            return True
        try:
            return "date" in split_front_matter(read_source(path).text)[0]
        except InputError:
            return False

    def around(self, m: Mention, before: int, after: int) -> str:
        t = self.text(m.source) if m.source else ""
        return t[max(0, m.start - before) : m.end + after]

    def own_date(self, path: str) -> dt.date | None:
        """The citing file's own date, when it can be trusted: from metadata, or from a header whose date
        is not also the date of a document the text cites (a portal page's body date read as its own)."""
        f = self.by_path[path]
        ident = f.identity
        if ident.date is None:
            return None
        said = ident.source_of("date") if hasattr(ident, "source_of") else None
        if said is not None and said.rule.startswith("metadata"):
            return ident.date
        if getattr(ident, "kind", "document") == "page":
            return None  # a news item or web page: its first date is anyone's
        if said is not None and not said.rule.startswith(("header.dateline", "portal.")):
            return None  # read from a closing clause or the body, not from the dateline
        if ident.source == "metadata" or self._meta_says_date(path):
            return ident.date
        if ident.source != "header":
            return None  # no "Số:" line: an article or a page, whose first date may be anyone's
        if any(m.date == ident.date for m in f.mentions):
            return None
        d = ident.date
        dateline = re.compile(
            rf",\s*ngày\s+0?{d.day}\s+tháng\s+0?{d.month}\s+năm\s+{d.year}|,\s*ngày\s+0?{d.day}/0?{d.month}/{d.year}"
        )
        if not dateline.search(self.text(path)[:4000]):
            return None  # the header's "<place>, ngày …" line says another date (or none)
        return d


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


def _date_written(m: Mention, ctx: Context | None = None) -> bool:
    """Was the date written with the citation? A date taken from the sentence's opening ("Ngày …, Chính
    phủ ban hành …"), from a reference entry (a web article's date) or from the next paragraph may be
    another event's; a year before 1900 is a misreading of markup."""
    if any(w.startswith(("date: its reference", "date: opens")) for w in getattr(m, "why", ())):
        return False
    if m.date is None or m.date.year < 1900:
        return False
    if ctx is None or not m.source:
        return True
    after = ctx.text(m.source)[m.end : m.end + 120]
    cut = re.search(r"\n\s*[*#|]*\s*[A-ZĐ]", after)  # the next line that starts a sentence or heading
    after = after[: cut.start()] if cut else after
    return str(m.date.year) in after.replace("*", "").replace(" ", "")


def _title_words(title: str | None) -> set[str]:
    return {w for w in fold(title or "").replace(",", " ").split() if len(w) > 2 and not w.isdigit()}


def _same_subject(said: str | None, known: str | None) -> bool:
    """Do a citation's title and the catalog's speak of one document? (True when either is missing.)"""
    a, b = _title_words(said), _title_words(known)
    if not a or not b:
        return True
    return len(a & b) / min(len(a), len(b)) >= 0.4


def _central(issuer_code: str | None) -> bool:
    """A number whose issuer is a known central body: its key names one document across the country."""
    if not issuer_code:
        return False
    first = issuer_code.split("-")[0]
    row = vocab.codes().get(first)
    return bool(row) and not vocab.is_local(first)


def date_conflicts(ctx: Context) -> Iterator[Diagnostic]:
    """RG101 between citations; RG102 when the citations agree with each other but not with the catalog.

    A local or unknown issuer numbers on its own, in each province: citations of such a key in different
    files may be two documents, so they are compared only within one file."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for _path, _i, m, link in ctx.mentions():
        # a law cited by its name only ("Luật Quy hoạch ngày …") is matched to a number by its name,
        # which an amending law shares: only numbered citations are compared
        if link and link.doc_id and m.date and m.key and "named" not in m.flags:
            by_doc[link.doc_id].append(m)
    for doc_id, ms in by_doc.items():
        doc = ctx.res.documents[doc_id]
        # a mined entry is the corpus's own majority, not an outside fact: it may settle RG101's reference
        # date only as the majority would, and never makes an RG102 on its own
        hand = "in_catalog" in doc.flags and "mined" not in doc.flags
        entry_title = doc.title if hand else None
        catalog_date = doc.date if hand else None
        if not catalog_date and len({m.date for m in ms}) < 2:
            continue  # one date and no catalog to differ from: nothing to tell, whichever were written
        # (the test reads the text after each citation: only where a finding is possible)
        ms = [m for m in ms if _date_written(m, ctx)]
        if not ms:
            continue
        if catalog_date:  # a citation of another document with the same number (the title tells) is not one
            ms = [m for m in ms if _same_subject(m.title, entry_title)]
            if not ms:
                continue
        dates = Counter(m.date for m in ms)
        central = _central(ms[0].issuer_code) or ms[0].year is not None
        if len(dates) > 1:
            ref = catalog_date or sorted(dates.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            for m in ms:
                if m.date == ref:
                    continue
                # a citation whose title speaks of another subject may be another document with that
                # number (a ministry's own series of decrees): it is no witness against this one
                others = [
                    o
                    for o in ms
                    if o.date != m.date
                    and (central or o.source == m.source)
                    and _same_subject(m.title, o.title)
                ]
                if not others or ref not in {o.date for o in others}:
                    continue
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
    ("ban bi thu", "Ban Bí thư", "party"),
    ("bo chinh tri", "Bộ Chính trị", "party"),
    ("ban chap hanh trung uong", "Ban Chấp hành Trung ương", "party"),
    ("thu tuong", "Thủ tướng Chính phủ", "state"),
    ("chinh phu", "Chính phủ", "state"),
    ("quoc hoi", "Quốc hội", "state"),
)


def _organ(issuer: str | None) -> tuple[str, str] | None:
    if not issuer:
        return None
    f = fold(issuer)
    for needle, organ, family in _ORGANS:
        if needle in f:
            return organ, family
    return None


def catalog_issuer(ctx: Context) -> Iterator[Diagnostic]:
    """RG102: the issuing body named in the text is another organ than the catalog's.

    Only within one family: "Ban Chỉ đạo tổng kết Nghị quyết 18-NQ/TW của Chính phủ" gives the
    Government to the steering committee, not to a Party resolution. And only when the citation's title
    (if any) speaks of the catalog's document: Party numbers restart each term."""
    for _path, _i, m, link in ctx.mentions():
        if not (link and link.doc_id and m.issuer and m.key) or "short_form" in m.flags or "named" in m.flags:
            continue  # "Đề án 06 của Chính phủ": the project is the Government's, its approving decision the PM's
        doc = ctx.res.documents[link.doc_id]
        if "in_catalog" not in doc.flags or "mined" in doc.flags or not _same_subject(m.title, doc.title):
            continue
        said, known = _organ(m.issuer), _organ(doc.issuer)
        if said and known and said[0] != known[0] and said[1] == known[1]:
            if m.date is None and _other_year(ctx, m, doc.date):
                continue
            yield _d(
                "RG102", ctx, m, f"{m.key} is attributed to {m.issuer} here; the catalog says {doc.issuer}"
            )


def _other_year(ctx: Context, m: Mention, known: dt.date | None) -> bool:
    """Does the text beside a dateless citation give it a year other than the known document's?"""
    if known is None:
        return False
    years = {int(y) for y in _YEAR.findall(ctx.around(m, 0, 80))}
    return bool(years) and known.year not in years


_PASSIVE = re.compile(
    r"được\s+(?:điều\s+chỉnh\s*,?\s*)?(?:sửa\s+đổi|bổ\s+sung|thay\s+thế|bãi\s+bỏ)|\bbởi\b|\btại\b|\btheo\b",
    re.I,
)


def _trusted_date(m: Mention, target, ctx: Context | None = None) -> dt.date | None:
    """The cited document's date: as this citation writes it, else as the catalog or its own file says.
    (A date another citation gave it may be that citation's typo; a date read from the next line or the
    sentence's opening may be a meeting's.) None when the date contradicts the year in the number: RG105
    speaks of that."""
    d = m.date if _date_written(m, ctx) else None
    if d is None and target is not None and ("in_catalog" in target.flags or target.path):
        d = target.date
    if d and m.year and 1945 <= m.year <= 2100 and d.year != m.year:
        return None
    return d


def anachronisms(ctx: Context) -> Iterator[Diagnostic]:
    """RG103: citing something issued later; or a nested "continues" relation impossible in time.

    Quiet when the citing file's own date cannot be trusted (see Context.own_date), for consolidated
    texts (a VBHN cites the later documents it merges in), for a document citing itself, and for nesting
    that is not plainly written: both dates in the text, the inner citation right after the outer one,
    and no passive between them ("X đã được sửa đổi, bổ sung theo Y" is Y acting on X)."""
    docs = ctx.res.documents
    for f in ctx.c.files:
        own = docs.get(ctx.res.file_docs.get(f.path, ""))
        own_key = own.key if own else None
        consolidated = bool(own_key and "VBHN" in own_key)
        own_date = None
        last_by_key: dict[str, Mention] = {}
        for i, m in enumerate(f.mentions):
            link = ctx.res.links.get((f.path, i))
            target = docs.get(link.doc_id) if link and link.doc_id else None
            cited_date = _trusted_date(m, target, ctx)
            outer = last_by_key.get(m.subject) if m.subject else None
            impossible = bool(outer and outer.date and cited_date and outer.date < cited_date)
            if m.key and m.key == own_key:
                pass
            elif outer is not None and impossible and "inherited_subject" not in m.flags:
                between = ctx.text(f.path)[outer.end : m.start]
                plain = (
                    i > 0
                    and f.mentions[i - 1] is outer
                    and m.date is not None
                    and outer.key != m.key
                    and not _PASSIVE.search(between)
                    and not re.search(
                        r"\d+/\d{4}/|\d+\s*[-/]\s*[A-ZĐ]|(?:,|;|\bvà)\s*$|;|căn\s+cứ", between, re.I
                    )  # another number; a list
                )
                if plain:
                    yield _d(
                        "RG103",
                        ctx,
                        m,
                        f"{outer.key} dated {_iso(outer.date)} {m.relation} {m.key} of {_iso(cited_date)}, "
                        "which came later",
                        related=(f"{outer.source}:{outer.line}",),
                    )
            elif (outer is None or impossible) and cited_date and not consolidated:
                # (a list member read as nested but impossible in time is the citing document's own reference)
                if own_date is None and own and own.date and cited_date > own.date:
                    own_date = ctx.own_date(f.path) or dt.date.max
                if own_date and own_date != dt.date.max and cited_date > own_date:
                    yield _d(
                        "RG103",
                        ctx,
                        m,
                        f"this document ({_iso(own_date)}) cites {m.key or m.text} of {_iso(cited_date)}, "
                        "issued later",
                    )
            if m.key:
                last_by_key[m.key] = m


def _footnote_year(date_text: str | None, year: int | None) -> bool:
    """ "27/11/20238" where the number says 2023: a footnote mark glued to the year, not a bad date."""
    if not date_text:
        return False
    digits = re.findall(r"\d+", date_text)
    if not digits or len(digits[-1]) != 5:
        return False
    head = int(digits[-1][:4])
    return head == year if year else 1945 <= head <= 2100


def dates(ctx: Context) -> Iterator[Diagnostic]:
    """RG104 term, RG105 year, RG106 impossible, RG107 future."""
    docs = ctx.res.documents
    for _path, _i, m, link in ctx.mentions():
        if "impossible_date" in m.flags and not _footnote_year(m.date_text, m.year):
            yield _d("RG106", ctx, m, f"{m.key or m.text}: {m.date_text} is not a date")
        if m.date and m.date > ctx.today and _date_written(m, ctx):
            yield _d("RG107", ctx, m, f"{m.key or m.text} is dated {_iso(m.date)}, after today")
        if (
            m.year
            and 1945 <= m.year <= 2100  # old Party forms (8/07/NQNS-TW) put no year there; RG116 takes typos
            and m.family == "state"
            and m.date
            and m.date.year != m.year
            and _date_written(m, ctx)
        ):
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


_WRAP = re.compile(r"[-/–]\s")  # "NQ- HĐND", "NQ-\nHĐND": a line broken after the hyphen in a PDF copy


def _known_codes(m: Mention) -> bool:
    """Every code of the number is known, and the issuer slot holds an issuer ("1155-TTr/ND" is a
    newspaper's own code, not a Nghị định)."""
    parts = [p for part in (m.type_code, m.issuer_code) if part for p in part.split("-")]
    first_issuer = (m.issuer_code or "").split("-")[0]
    if first_issuer and vocab.codes().get(first_issuer, ("",))[0] == "type":
        return False
    return bool(parts) and all(p in vocab.codes() for p in parts)


def _historical(ctx: Context, m: Mention) -> bool:
    """A citation of before 1990 (its date, or the earliest year written around it): numbering then
    followed other conventions than today's."""
    if m.date:
        return m.date.year < 1990
    years = [int(y) for y in _YEAR.findall(ctx.around(m, 150, 60))]
    return bool(years) and min(years) < 1990


def _word_before(ctx: Context, m: Mention) -> str:
    t = ctx.text(m.source) if m.source else ""
    before = t[max(0, m.start - 12) : m.start].split()
    return fold(before[-1]) if before else ""


@functools.cache
def _folded_set(kind: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _word_set(kind))


def _only_emphasis(m: Mention) -> bool:
    """ "số**382**/TTr-CP", "63**/**2010**/**NĐ-CP": markdown emphasis inside a number is how the page was
    formatted, not a form of the number; without the markers it is the standard form."""
    if "*" not in m.text or not m.key:
        return False
    bare = re.sub(r"\*+", "", m.text)
    if not bare.endswith(m.key):
        return False
    before = bare[: -len(m.key)]
    return not before[-1:].isalnum() or fold(before).endswith("so")  # "số382/…": the markers were the space


def forms(ctx: Context) -> Iterator[Diagnostic]:
    """RG108 non-standard forms; RG112 alias used before its definition.

    RG108 stays quiet on line-wrap artefacts, on numbers whose codes refgraph does not know (it cannot
    say what their standard form is) and on documents before 1990, when the Party's numbering was not yet
    the one of today."""
    for _path, _i, m, _link in ctx.mentions():
        if "nonstandard_form" in m.flags and m.key and _known_codes(m) and not _WRAP.search(m.text):
            if _historical(ctx, m) or _only_emphasis(m) or not m.type_code:
                # without a type code ("1449 /TWĐTN") the standard form is not known: no fix to offer
                continue
            digit = re.search(r"\d", m.text)
            number = m.text[digit.start() :] if digit else m.text.split()[-1]
            yield _d("RG108", ctx, m, f"'{number}' is not the standard form of {m.key}", fix=m.key)
        if "alias_before_definition" in m.flags:
            yield _d("RG112", ctx, m, f"'{m.text}' is used before the text says it stands for {m.key}")


def _type_ok(word: str, code: str, issuer_code: str | None) -> bool:
    w = word.lower()
    if w in _word_set("generic"):
        return True
    for ok_word, ok_code in _words()["type_ok"]:
        if ok_code == code and ok_word in ("*", w):
            return True
    return False


def type_words(ctx: Context) -> Iterator[Diagnostic]:
    """RG115: "Nghị quyết số 15/CT-TTg": the word names one type, the code another.

    Only when the word stands right before the number (not "Pháp lệnh … tại văn bản số 661/TTr-BCA"),
    the code is a type code (not a ministry's, as in old "9-BNV/NC/NĐ"), and the pair has no known
    reason (check_words.tsv: the Front's "Thông tri" numbered TT, "Thông báo kết luận", VBHN)."""
    for _path, _i, m, _link in ctx.mentions():
        code = m.type_code
        if not code or "short_form" in m.flags or "alias" in m.flags:
            continue
        name = vocab.code_name(code)
        if name is None or vocab.codes()[code][0] != "type":
            continue
        allowed = {name.lower()}
        if code == "QĐ":
            allowed |= {"quyết định", "quy định"}  # QĐ is both in Party numbering
        if m.doc_type.lower() in allowed or _type_ok(m.doc_type, code, m.issuer_code):
            continue
        if "named" in m.flags or not any(ch.isdigit() for ch in m.text):
            continue  # a document named by its title, its number read from elsewhere
        t = ctx.text(m.source) if m.source else ""
        words_before = " ".join(t[max(0, m.start - 30) : m.start].split()[-2:]).lower()
        if words_before.endswith(name.lower()):
            continue  # "Thông báo kết luận số 12-TB/TW", "quyết định Quy hoạch số 241/QĐ-TTg"
        between = m.text[len(m.doc_type) :].split()
        if len(between) > 2 or (len(between) == 2 and fold(between[0]).rstrip(":") != "so"):
            continue
        if _historical(ctx, m) or _word_before(ctx, m) in _folded_set("not_a_document"):
            continue  # old codes (TC for the finance ministry …); "Sắc luật" is no "Luật"
        yield _d("RG115", ctx, m, f"'{m.doc_type}' with the code {code}, which is a {name}")


def _short_form_noise(ctx: Context, m: Mention) -> bool:
    """A short form that is no citation: a year ("Hiến pháp 2013"), a lower-case generic phrase ("kế
    hoạch 5 năm", "kỷ luật 853 đảng viên"), words between the type and the number ("Luật Công nghiệp công
    nghệ số 2025"), or text broken across lines."""
    if "\n" in m.text or not m.text[:1].isupper():
        return True
    if m.doc_type.lower() in _word_set("program_word"):
        return True  # "Chương trình 135": the name of a programme, not a document's number
    if m.number and m.number.isdigit() and 1900 <= int(m.number) <= 2100:
        return True
    words = m.text[len(m.doc_type) :].split()
    if len(words) > 2 or (len(words) == 2 and fold(words[0]) != "so"):
        return True
    t = ctx.text(m.source) if m.source else ""
    if _word_before(ctx, m) in _folded_set("not_a_document"):
        return True
    if _NUMBER_GOES_ON.match(t, m.end):
        return True  # "Nghị quyết 66.9/2025/NQ-CP", "số 704 NQ/HĐNN7", "33B-HĐBT": a number read short
    window = fold(t[max(0, m.start - 150) : m.end + 80])
    if any(w in window for w in _folded_set("foreign_body")):
        return True  # a UN or UNESCO resolution: no Vietnamese document to find
    after = t[m.end : m.end + 12].split()
    return bool(after) and fold(after[0]).strip(",.;") in _folded_set("short_generic")


_NUMBER_GOES_ON = re.compile(
    r"[.,]?\d|[A-ZĐ]|[A-Za-zĐđ]*[\s*]*[-/]|\s+[A-ZĐ]{2,}(?:\s*[-/]|\s|$)|\s+\d+\s*/|\s+(?:19|20)\d\d(?!\d)"
)  # also "118 CP ngày …" (old numbers without a slash) and "Thông tư 23 2024" (the year says which)


def _full_on_page(ctx: Context, path: str, m: Mention) -> bool:
    """Does the same file cite the full number this short form abbreviates ("Nghị định 73" beside
    "Nghị định 73/2024/NĐ-CP")?"""
    if not m.number:
        return False
    try:
        n = int(m.number)
    except ValueError:
        return False
    word = m.doc_type.lower()
    for o in ctx.by_path[path].mentions:
        if o.key and o.number and o.number.isdigit() and int(o.number) == n:
            if o.doc_type.lower() == word or (m.type_code and o.type_code == m.type_code):
                return True
    return False


_PAIR_AFTER = re.compile(
    r"[\s*]*(?:và|,)[\s*]*(?:số[\s*]*)?\d+[\w./-]*\d?[\w/-]*(?=[\s*,(]*(?:năm|ngày)\b)", re.I
)


def _year_beside(ctx: Context, m: Mention) -> set[int]:
    """Years written right beside a citation ("214-QĐ/TW năm 2020", "04-NQ/TW 2016"), else in its
    sentence before it ("Ngày 20 tháng 7 năm 2005, … ra Nghị quyết 51/NQ-TW")."""
    t = ctx.text(m.source) if m.source else ""
    after = t[m.end : m.end + 40]
    pair = _PAIR_AFTER.match(t, m.end)
    if pair:  # "Quyết định 25-CP và 26-CP ngày 21/1/1981": the date after the pair is the first one's too
        after = t[pair.end() : pair.end() + 40]
    near = re.match(r"(?:\s*\[\d+\])?[\s,(*]*(?:năm\s+|ngày[^.;\n]{0,25}?)?(\d{4})(?!\d)", after, re.I)
    if near and 1945 <= int(near.group(1)) <= 2100:
        return {int(near.group(1))}  # the year written right after the number wins
    before = t[max(0, m.start - 120) : m.start]
    cuts = [x.end() for x in re.finditer(r"[.!?](?=\s+[A-ZĐ\"“])|[\n^]", before)]
    return {int(y) for y in _YEAR.findall(before[cuts[-1] if cuts else 0 :])}


def _term_beside(ctx: Context, m: Mention) -> str | None:
    """The Party term written just after a citation ("… của Ban Chấp hành Trung ương (khóa XI)")."""
    t = ctx.text(m.source) if m.source else ""
    hit = re.search(r"kh[oó]a\s+([IVXL]+)\b", t[m.end : m.end + 80], re.I)
    return hit.group(1).upper() if hit else None


def _date_of(doc) -> dt.date | None:
    return doc.date if doc is not None else None


def _page_years(ctx: Context, path: str, key: str | None) -> set[int]:
    """The years a page gives a key wherever it cites it (a date, or a year beside it)."""
    out: set[int] = set()
    for o in ctx.by_path[path].mentions:
        if o.key == key:
            out |= {o.date.year} if o.date else _year_beside(ctx, o)
    return out


@functools.cache
def _city_provinces() -> frozenset[str]:
    names = _province_names()
    return frozenset(names[fold(c)] for c in _word_set("city_province") if fold(c) in names)


def _says_the_city(text: str, m: Mention) -> bool:
    """Does the citation name its body as "Thành phố" with no name after it ("của HĐND Thành phố.")?"""
    after = text[m.end : m.end + 120].replace("*", "")
    for hit in re.finditer(r"\bThành\s+phố\b\s*(\S?)", after):
        if re.search(r"[.;]|\n\s*\n", after[: hit.start()]):
            return False  # another sentence (a single line break is a PDF copy's wrapped line)
        if not hit.group(1)[:1].isupper():
            return True  # no name after it ("Thành phố Hà Nội" names its city itself)
    return False


def resolution(ctx: Context) -> Iterator[Diagnostic]:
    """RG109 ambiguous, RG110 unscoped, RG113 short form resolving to nothing (RG111: unresolved())."""
    docs = ctx.res.documents
    settled: dict[tuple[str, str], set[str]] = defaultdict(set)  # (file, key) -> ids its dated mentions chose
    for path, _i, m, link in ctx.mentions():
        if link and link.doc_id and m.key and m.date and link.status in ("resolved", "cited_only"):
            settled[(path, m.key)].add(link.doc_id)
    for path, _i, m, link in ctx.mentions():
        if "named" in m.flags:
            continue  # references by name only are counted in the summary (named_counts)
        status = link.status if link else "unresolved"
        if status == "ambiguous" and link is not None:
            if not m.key or m.key.count("/") == 2:
                continue  # N/YYYY/…: the key carries the year; an undated twin is the same document
            dates: set[dt.date] = {d for c in link.candidates if (d := _date_of(docs.get(c)))}
            if len(set(link.candidates)) < len(link.candidates):  # a catalog twin with no citations yet
                dates |= {e.date for e in ctx.catalog_by_key.get(m.key, []) if e.date}
            if len(dates) < 2 or settled[(path, m.key)] & set(link.candidates):
                continue
            years = _year_beside(ctx, m) or _page_years(ctx, path, m.key)
            if years and sum(1 for d in dates if d.year in years) < 2:
                continue  # the year (here, or where the page cites it again) says which, or none
            term = m.term or _term_beside(ctx, m)
            if term and sum(1 for d in dates if vocab.term_for_date(d) == term) < 2:
                continue  # "(khóa XI)" beside it says which
            yield _d(
                "RG109",
                ctx,
                m,
                f"{m.key} could be any of {len(dates)} documents (of "
                f"{', '.join(sorted(d.isoformat() for d in dates))}); chose {link.doc_id}",
                related=tuple(link.candidates),
            )
        elif status == "unscoped":
            if (m.issuer_code or "").split("-")[0] in _word_set("not_provincial"):
                continue
            t = ctx.text(path)
            window = t[max(0, m.start - 300) : m.end + 300] + "\n" + t[:600]
            if provinces_in(window):
                continue  # named beside it or in the page head
            named = ctx.provinces_named(path)  # (the whole page folded: only when the window says none)
            if len(named) == 1:
                continue  # the only province the page names
            if _says_the_city(t, m) and len(named & _city_provinces()) == 1:
                continue  # "HĐND Thành phố" on a page that names one centrally-run city
            yield _d("RG110", ctx, m, f"{m.key} is a local number, and nothing says of which province")
        elif status == "unresolved" and "short_form" in m.flags:
            if getattr(ctx.by_path[path].identity, "kind", "document") == "page":
                continue  # news and web pages name documents by short forms as a matter of style
            if _full_on_page(ctx, path, m) or _short_form_noise(ctx, m):
                continue
            yield _d("RG113", ctx, m, f"'{m.text}' names no known document")


def unresolved(ctx: Context) -> Iterator[Diagnostic]:
    """RG111: one finding per document cited but known neither to the corpus nor to the catalog, at its
    first citation, with how often and in how many files it is cited."""
    places: dict[str, list[Mention]] = defaultdict(list)
    for _path, _i, m, link in ctx.mentions():
        if link and link.status == "cited_only" and link.doc_id:
            places[link.doc_id].append(m)
    for doc_id, ms in places.items():
        first = ms[0]
        files = {m.source for m in ms}
        d = _d(
            "RG111",
            ctx,
            first,
            f"{doc_id} is neither in the corpus nor in the catalog; cited {len(ms)} time(s) in "
            f"{len(files)} file(s), first here",
            related=tuple(f"{m.source}:{m.line}" for m in ms[1:6]),
        )
        yield d if first.key else replace(d, key=doc_id)  # a law cited by name: its node's id


_QH_LIKE = re.compile(r"^[A-PR-Z0]H(\d{2})$|^Q[A-GI-Z](\d{2})$")


def _collapse_doubles(code: str) -> str:
    return re.sub(r"(.)\1+", r"\1", code)


def malformed_reason(m: Mention, today: dt.date) -> tuple[str, str | None] | None:
    """(what is wrong, the likely intended number) for a number that cannot be right, else None."""
    if m.family == "party" or not m.key or "year_in_party_number" in m.flags:
        return None
    if "assembly_code_slip" in m.flags and (written := slipped_number(m)) is not None:
        # extraction keyed "22/2023/OH15" as the Assembly's number it stands for; the text still needs mending
        code = m.key.rsplit("/", 1)[-1]
        return f"'{written.rsplit('/', 1)[-1]}' is no Assembly's code; {code} sat in {m.year}", m.key
    parts = m.key.split("/")
    if m.year is not None and len(parts) == 3:
        ytext = parts[1]
        if not ytext.isdigit():
            pass  # "1547/EMIFT/1", a French colonial order: letters in the middle slot are no year at all
        elif len(ytext) in (3, 5) or (len(ytext) == 4 and not 1945 <= m.year <= today.year + 1):
            guess = None
            if m.date and len(ytext) in (3, 5):
                guess = f"{parts[0]}/{m.date.year}/{parts[2]}"
            return f"the year slot '{ytext}' is not a year", guess
    codes = vocab.codes()
    # only the type code and the first issuer code: units after them ("BNV-CTTN", "SGDĐT-CTTT") are
    # the issuer's own abbreviations, which refgraph cannot judge
    slots = [(m.type_code, "type"), ((m.issuer_code or "").split("-")[0], "issuer")]
    for p, kind in slots:
        if not p or p in codes:
            continue
        fixed = _collapse_doubles(p)
        other = slots[1][0] if kind == "type" else slots[0][0]
        # a two-letter code (CP, CT, KH) is too short to judge alone: "KHH-…" may be a province's
        # abbreviation; it counts when it fits its slot and the code beside it is a known one
        plausible = len(fixed) >= 3 or (codes.get(fixed, ("",))[0] == kind and other in codes)
        if fixed != p and fixed in codes and plausible:
            return f"'{p}' doubles a letter of {fixed}", m.key.replace(p, fixed, 1)
        qh = _QH_LIKE.match(p)
        if kind == "issuer" and qh and f"QH{qh.group(1) or qh.group(2)}" in codes:
            fixed = f"QH{qh.group(1) or qh.group(2)}"
            return f"'{p}' looks like the Assembly's {fixed}", m.key.replace(p, fixed, 1)
    return None


_LAST_TOKEN = re.compile(r"[^\s*]+$")


def slipped_number(m: Mention) -> str | None:
    """The number as the text writes it, for a mention whose key extraction mended ("22/2023/OH15")."""
    last = _LAST_TOKEN.search(m.text)
    return last.group() if last is not None and last.group() != m.key else None


def malformed(ctx: Context) -> Iterator[Diagnostic]:
    """RG116: numbers that cannot be right (RG111 hides them among the unknown documents otherwise)."""
    for _path, _i, m, _link in ctx.mentions():
        why = malformed_reason(m, ctx.today)
        if why:
            written = slipped_number(m) if "assembly_code_slip" in m.flags else None
            d = _d("RG116", ctx, m, f"{written or m.key}: {why[0]}", fix=why[1])
            yield d if written is None else replace(d, key=written)


def identities(ctx: Context) -> Iterator[Diagnostic]:
    """RG114: two files claim one identity (unless they are the same file crawled twice: equal content)."""
    hashes = getattr(ctx.c, "hashes", {}) or {}
    for key, first, second in ctx.res.duplicates:
        if first in hashes and hashes.get(first) == hashes.get(second):
            continue
        kinds = {
            getattr(ctx.by_path[p].identity, "kind", "document") for p in (first, second) if p in ctx.by_path
        }
        undated = any(p in ctx.by_path and ctx.by_path[p].identity.date is None for p in (first, second))
        if "page" in kinds or undated or _same_text(ctx.text(first), ctx.text(second)):
            continue  # a page about the document (no dateline), or the same document crawled twice
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


def _same_text(a: str, b: str) -> bool:
    """Two copies of one text (a portal page crawled twice differs in a few bytes of its frame)?"""
    import difflib

    if not a or not b or min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    sm = difflib.SequenceMatcher(None, a[:20000], b[:20000])
    return sm.quick_ratio() >= 0.95 and sm.ratio() >= 0.9


def superseded(ctx: Context) -> Iterator[Diagnostic]:
    """RG117: relying on a document replaced or repealed before the citing document was issued."""
    from ..status import superseded_findings

    yield from superseded_findings(ctx)


ALL = (
    date_conflicts,
    catalog_issuer,
    anachronisms,
    dates,
    forms,
    type_words,
    resolution,
    unresolved,
    malformed,
    identities,
    superseded,
)
