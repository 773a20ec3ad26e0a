"""What documents say about other documents' status: replaced, repealed, amended, expired.

Statements come from the relations the extractor gives (``replaces``, ``repeals``, ``amends``) and from a
few forms it reads the other way round or not at all:

- "Quyết định này … thay thế Quyết định số X", "Bãi bỏ Thông tư X, Thông tư Y": the citing document
  acts on X (stated: it says so of itself);
- "Nghị định 38/2010/NĐ-CP sửa đổi … Quyết định 142/2008/QĐ-TTg" in a title: 38/2010 acts on 142/2008
  (reported: a third document tells it);
- "X được sửa đổi, bổ sung bởi Y": Y acts on X (the passive turns the extractor's direction round);
- "X hết hiệu lực (kể từ ngày D)": X expired.

A statement about an article, clause or annex ("bãi bỏ khoản 2 Điều 5 của Thông tư X") changes part of X
only: it counts as an amendment. Every statement keeps where it was said.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import asdict, dataclass

from .text import fold

KINDS = {"replaces": "replaced", "repeals": "repealed", "amends": "amended"}

_PASSIVE = re.compile(
    r"(?:được|đã\s+được|bị|đã\s+bị)\s+(?:điều\s+chỉnh\s*,?\s*)?(?:sửa\s+đổi(?:\s*,\s*bổ\s+sung)?|bổ\s+sung|thay\s+thế|bãi\s+bỏ|hủy\s+bỏ)"
    r"(?:\s+một\s+số\s+điều)?\s*(?:bởi|tại|theo|bằng)?\s*$",
    re.I,
)
_PASSIVE_KIND = (("thay", "replaced"), ("bãi", "repealed"), ("hủy", "repealed"), ("", "amended"))
_PART = re.compile(
    r"(?<![^\W\d_])(?:Điều|khoản|điểm|Mục|Chương|Phụ\s+lục|mẫu|biểu|nội\s+dung)(?![^\W\d_])", re.I
)
_EXPIRED = re.compile(
    r"[^.;\n]{0,60}?(?<!chưa )hết\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:[^.;\n]{0,20}?ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))?"
)
_EFFECTIVE = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+(\d{1,2})(?:\s+tháng\s+|[/.-])(\d{1,2})(?:\s+năm\s+|[/.-])(\d{4})",
    re.I,
)
_NEGATED = re.compile(r"[^.;\n?]{0,80}?(?:không\s*\?|\?)|\W*(?:không|chưa)\b", re.I)
_NEGATED_BEFORE = re.compile(r"(?:không|chưa)\s+(?:bị|được)\s+\w+(?:\s+\w+)?\s*(?:bởi|bằng)?\s*$", re.I)
_WITHIN = re.compile(
    r"(?<![^\W\d_])(?:tại|theo)\s*$", re.I
)  # "… có số thứ tự 1, 2 tại Quyết định X": part of X
# proposals, reports and consolidated texts repeat or ask for an act; they do not perform it
_NOT_ACTING = ("TTr", "BC", "VBHN", "CV")
_VERB = re.compile(r"sửa\s+đổi|bổ\s+sung|thay\s+thế|bãi\s+bỏ|hủy\s+bỏ", re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s|\n\s*\n")
# the citing document acts on another only in its own provisions: "Quyết định này … thay thế …", or an
# article or item that opens with the verb ("Điều 3. Bãi bỏ …", "2. Thay thế …")
_SELF = re.compile(
    r"(?:Quyết\s+định|Thông\s+tư|Nghị\s+định|Nghị\s+quyết|Chỉ\s+thị|Quy\s+định|Kết\s+luận|Luật|Pháp\s+lệnh"
    r"|Kế\s+hoạch|Hướng\s+dẫn|Văn\s+bản|Quy\s+chế)\s+này",
    re.I,
)
_OPENS = re.compile(
    r"(?:^|\n)[\s*_#|>-]*(?:Điều\s+\d+[a-z]?\.?\s*)?(?:\d+(?:\.\d+)*\.?\s*|[a-zđ]\)\s*)?\**\s*"
    r"(?:Bãi\s+bỏ|Thay\s+thế|Hủy\s+bỏ|Sửa\s+đổi)",
)


@dataclass(frozen=True)
class Statement:
    subject: str  # the document whose status is told
    kind: str  # replaced | repealed | amended | expired
    by: str | None  # the document that acts on it
    since: str | None  # ISO date from which it holds: the effective date when said, else the actor's date
    file: str
    line: int
    snippet: str
    reported: bool  # told by a third document, not by the one that acts
    partial: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


def _date(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def statements(collected) -> list[Statement]:
    """Every status statement in a corpus read and resolved (refgraph.builder.collect)."""
    from .identity import split_front_matter
    from .sources import InputError, read_source

    res = collected.resolution
    docs = res.documents
    out: list[Statement] = []
    for f in collected.files:
        ms = f.mentions
        wanted = any(m.relation in KINDS for m in ms) or any(m.key for m in ms)
        if not wanted:
            continue
        text = None
        own = res.file_docs.get(f.path)
        own_doc = docs.get(own)
        own_keyed = bool(own_doc and own_doc.key and f.identity.source in ("header", "metadata"))
        effective = None
        last_id: dict[str, str] = {}
        for i, m in enumerate(ms):
            link = res.links.get((f.path, i))
            target = link.doc_id if link else None
            if m.key and target:
                last_id.setdefault(m.key, target)
            if target is None:
                continue
            if text is None:
                try:
                    text = split_front_matter(read_source(f.path).text)[1]
                except InputError:
                    break
                if own_keyed:
                    e = _EFFECTIVE.search(text)
                    effective = _date(*e.groups()) if e else None
            snippet = f.contexts[i] if f.contexts else m.text
            # "X hết hiệu lực"
            exp = _EXPIRED.match(text, m.end)
            if (
                exp
                and not any(o.start < exp.end() and o.start >= m.end for o in ms[i + 1 : i + 2])
                and not _PART.search(text[max(0, m.start - 60) : m.start])
                and not re.search(r"chưa|không|\?|có\s+hiệu\s+lực|\ssau\s", exp.group())
            ):
                since = _date(*exp.groups()) if exp.group(1) else None
                out.append(
                    Statement(
                        target,
                        "expired",
                        None,
                        since.isoformat() if since else None,
                        f.path,
                        m.line,
                        snippet,
                        reported=True,
                    )
                )
            # the act the text states: a citation named in another's title is only cited by this
            # document, its title's verb is in subject_relation; a passive ("được sửa đổi bởi Y") takes
            # the governing clause's relation, the passive itself is read below
            act: str | None = m.subject_relation if (m.subject and m.subject_relation) else m.relation
            prev = ms[i - 1] if i else None
            lo = prev.end if prev else max(0, m.start - 200)
            between = text[lo : m.start]
            if act not in KINDS:
                act = _verb_relation(between, prev)  # a verb the extractor left to the clause
            passive = _passive(between)
            if act is None and not passive:
                continue
            if _NEGATED.match(text, m.end, m.end + 120) or _NEGATED_BEFORE.search(between[-60:]):
                continue  # "có bị thay thế bởi … không?", "không bị thay thế": a question or a denial
            if passive and prev is not None and not _SENTENCE_END.search(between[: passive.start()]):
                prev_link = res.links.get((f.path, i - 1))
                if not (prev_link and prev_link.doc_id) or prev_link.doc_id == target:
                    continue
                word = passive.group().lower()
                kind = next(k for w, k in _PASSIVE_KIND if w in word.split("được")[-1].split("bị")[-1])
                partial = bool(_PART.search(text[max(0, prev.start - 40) : prev.start]))
                actor = target
                if not _can_act(docs.get(actor)) or not _plausible(
                    docs.get(actor), docs.get(prev_link.doc_id)
                ):
                    continue
                out.append(
                    Statement(
                        prev_link.doc_id,
                        "amended" if partial else kind,
                        actor,
                        _iso(docs[actor].date),
                        f.path,
                        m.line,
                        snippet,
                        reported=actor != own,
                        partial=partial,
                    )
                )
                continue
            prev_link = res.links.get((f.path, i - 1)) if prev else None
            if (
                m.subject
                and m.subject in last_id
                and last_id[m.subject] != target
                and prev_link is not None
                and prev_link.doc_id == last_id[m.subject]
            ):
                actor, reported = last_id[m.subject], True
            elif own_keyed and own != target and _acts_itself(text, m.start):
                actor, reported = own, False
            elif (
                prev_link is not None
                and prev_link.doc_id
                and prev_link.doc_id != target
                and not re.search(r"[;\n]|[.!?]\s", between)
                and _VERB.search(between)
            ):
                # "Nghị định X ngày … sửa đổi, bổ sung một số điều của Quyết định Y": the verb is in X's
                # title, so X acts on Y, as this text reports
                actor, reported = prev_link.doc_id, prev_link.doc_id != own
            else:
                continue  # a page without a number of its own: whose act it reports is not known
            if not _can_act(docs.get(actor)) or not _plausible(docs.get(actor), docs.get(target)):
                continue
            verbs = list(_VERB.finditer(between))
            scope = between[verbs[-1].end() :] if verbs else ""  # what the verb governs up to this citation
            partial = bool(_PART.search(scope) or _WITHIN.search(between))
            if act not in KINDS:
                continue
            kind = "amended" if partial else KINDS[act]
            ends = [e.end() for e in _SENTENCE_END.finditer(text, max(0, m.start - 200), m.start)]
            said = _EFFECTIVE.search(text, ends[-1] if ends else max(0, m.start - 200), m.start)
            since = (
                _date(*said.groups()) if said else (effective if actor == own and effective else None)
            ) or docs[actor].date
            out.append(
                Statement(
                    target,
                    kind,
                    actor,
                    _iso(since),
                    f.path,
                    m.line,
                    snippet,
                    reported=reported,
                    partial=partial,
                )
            )
    return out


# the words _PASSIVE can end on (before trailing spaces), and the characters beyond ASCII that a
# case-insensitive pattern matches as ASCII letters (İ ı ſ K), for which lower() is no guide
_PASSIVE_ENDS = ("đổi", "sung", "thế", "bỏ", "điều", "bởi", "tại", "theo", "bằng")
_CASE_TWINS = "\u0130\u0131\u017f\u212a"


def _passive(between: str) -> re.Match[str] | None:
    """_PASSIVE's match, searched only when the text can hold one: the pattern has no fixed first letter
    and must reach the end, so on the long stretches between distant citations the search was most of
    the cost of reading statements, while a match needs "được"/"bị" and one of _PASSIVE_ENDS last."""
    tail = between.rstrip()[-4:]
    if not (tail.lower().endswith(_PASSIVE_ENDS) or any(c in tail for c in _CASE_TWINS)):
        return None
    if "ợ" in between or "ị" in between or "Ợ" in between or "Ị" in between:
        return _PASSIVE.search(between)
    return None


def _rank(doc) -> int | None:
    """A coarse legal rank read from the number's codes (law 6 … provincial 1), None when unknown."""
    key = (doc.key or "") if doc else ""
    parts = re.split(r"[/-]", key)
    if any(p.startswith("UBTVQH") for p in parts):
        return 5
    if any(re.fullmatch(r"QH\d*", p) for p in parts):
        return 6
    if "NĐ" in parts or key.endswith("NQ-CP"):
        return 4
    if "TTg" in parts:
        return 3
    if "TT" in parts or "TTLT" in parts:
        return 2
    if "UBND" in parts or "HĐND" in parts:
        return 1
    return None


def _verb_relation(between: str, prev) -> str | None:
    """The extractor reads "X được sửa đổi bởi Y" and a verb in X's title as Y being cited; the verb
    between the two citations of one clause says what was done."""
    if prev is None or re.search(r"[;\n]|[.!?]\s", between):
        return None
    verbs = list(_VERB.finditer(between))
    if not verbs:
        return None
    word = fold(verbs[-1].group())
    return "replaces" if "thay" in word else "repeals" if ("bai" in word or "huy" in word) else "amends"


def _plausible(actor, subject) -> bool:
    """Could ``actor`` act on ``subject``? Not when it is older, nor when it ranks lower (a circular does
    not repeal a law)."""
    if actor is None or subject is None:
        return True
    if actor.date and subject.date and actor.date < subject.date:
        return False
    ra, rs = _rank(actor), _rank(subject)
    return not (ra is not None and rs is not None and ra < rs)


def _can_act(doc) -> bool:
    code = (doc.key or "") if doc else ""
    return bool(doc) and not any(f"/{c}-" in code or f"-{c}/" in code for c in _NOT_ACTING)


def _acts_itself(text: str, pos: int) -> bool:
    """Is the phrase before ``pos`` the citing document's own provision (see _SELF, _OPENS)?"""
    lo = max(0, pos - 400)
    chunk = text[lo:pos]
    cut = max(chunk.rfind(". "), chunk.rfind(".\n"), chunk.rfind("\n\n"))
    sentence = chunk[cut + 1 :] if cut >= 0 else chunk
    return bool(_SELF.search(sentence) or _OPENS.search(sentence))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def by_subject(stmts: list[Statement]) -> dict[str, list[Statement]]:
    out: dict[str, list[Statement]] = defaultdict(list)
    for s in stmts:
        out[s.subject].append(s)
    return out


def summarize(doc_id: str, stmts: list[Statement]) -> dict:
    """A document's status as far as the statements tell: in force, replaced, repealed, amended, expired."""
    mine = [s for s in stmts if s.subject == doc_id]
    order = ("replaced", "repealed", "expired", "amended")
    status = "in force"
    for k in order:
        if any(s.kind == k for s in mine):
            status = k
            break
    mine.sort(key=lambda s: (order.index(s.kind), s.since or "", s.file, s.line))
    return {"id": doc_id, "status": status, "statements": [s.to_dict() for s in mine]}


def superseded_findings(ctx) -> list:
    """RG117: a document relies on (based_on / implements) one that was replaced or repealed before the
    citing document's own date. Citing it to repeal or amend it, or in passing, is not relying on it."""
    from .checks.rules import _d

    stmts = by_subject(ctx_statements(ctx))
    docs = ctx.res.documents
    found = []
    for f in ctx.c.files:
        own = ctx.res.file_docs.get(f.path)
        own_doc = docs.get(own) if own else None
        if own_doc is not None and own_doc.key and "VBHN" in own_doc.key:
            continue  # a consolidated text repeats the bases of the texts it merges
        own_date = None
        for i, m in enumerate(f.mentions):
            if m.relation not in ("based_on", "implements") or "inherited_subject" in m.flags or m.subject:
                continue
            link = ctx.res.links.get((f.path, i))
            if not (link and link.doc_id and link.doc_id in stmts):
                continue
            ends = [
                s
                for s in stmts[link.doc_id]
                if s.kind in ("replaced", "repealed")
                and not s.reported  # an error needs the acting document's own words, not hearsay
                and s.file != f.path
                and s.by != own
                and s.since
            ]
            if not ends:
                continue
            if own_date is None:
                own_date = ctx.own_date(f.path) or dt.date.min
            if own_date == dt.date.min:
                break
            before = [s for s in ends if s.since and dt.date.fromisoformat(s.since) < own_date]
            if not before:
                continue
            s = min(before, key=lambda s: s.since or "")
            by_id = _in_force(s.by, stmts, own_date) if s.kind == "replaced" else s.by
            by = docs.get(by_id)
            by_name = (by.key or by.id) if by else by_id
            verb = "replaced" if s.kind == "replaced" else "repealed"
            found.append(
                _d(
                    "RG117",
                    ctx,
                    m,
                    f"{m.key or m.text} was {verb} by {by_name} from {s.since} (said in "
                    f"{_rel(s.file)}:{s.line}); this document of {own_date.isoformat()} still relies on it",
                    fix=by_name if s.kind == "replaced" else None,
                    related=(f"{s.file}:{s.line}",),
                )
            )
    return found


def _in_force(doc_id: str | None, stmts: dict[str, list[Statement]], on: dt.date) -> str | None:
    """Follow a chain of replacements to the document in force on a date (A → B → C)."""
    seen = set()
    while doc_id and doc_id not in seen:
        seen.add(doc_id)
        nxt = [
            s
            for s in stmts.get(doc_id, ())
            if s.kind == "replaced" and s.by and s.since and dt.date.fromisoformat(s.since) < on
        ]
        if not nxt:
            break
        doc_id = min(nxt, key=lambda s: s.since or "").by
    return doc_id


def _rel(p: str) -> str:
    from .checks import relpath

    return relpath(p) or p


def ctx_statements(ctx) -> list[Statement]:
    if not hasattr(ctx, "_statements"):
        stored = getattr(ctx.c, "statements", None)  # what the store's build found in the same files
        ctx._statements = stored if stored is not None else statements(ctx.c)
    return ctx._statements


META = "status_statements"  # the store's meta entry holding the corpus's statements (written by build)


def store_statements(store, collected) -> int:
    """Write the statements into the store, for `refgraph status` to read without the files."""
    stmts = statements(collected)
    store.set_meta(META, statements_json(stmts))
    return len(stmts)


def statements_json(stmts: list[Statement]) -> str:
    """The statements as the store's meta entry holds them."""
    import json

    return json.dumps([s.to_dict() for s in stmts], ensure_ascii=False)


def status_of(graph, text: str) -> dict:
    """`refgraph status KEY`: the document's status with every statement about it (QueryError if unknown)."""
    import json

    doc_id = graph.find(text)
    raw = json.loads(graph.store.meta().get(META) or "[]")
    stmts = [Statement(**r) for r in raw]
    out = summarize(doc_id, stmts)
    doc = graph.store.document(doc_id)
    out["key"] = doc.key if doc else None
    out["date"] = doc.date.isoformat() if doc and doc.date else None
    out["acts_on"] = [s.to_dict() for s in stmts if s.by == doc_id]
    out["now"] = _in_force(doc_id, by_subject(stmts), dt.date.today())
    return out


def status_lines(st: dict) -> list[str]:
    """The status for a person: one line of verdict, then each statement with where it is said."""
    head = {
        "in force": "in force as far as the corpus and the catalog say",
        "replaced": "replaced",
        "repealed": "repealed",
        "expired": "no longer in force",
        "amended": "in force, amended",
    }[st["status"]]
    lines = [f"{st['id']}{' of ' + st['date'] if st.get('date') else ''}: {head}"]
    for s in st["statements"]:
        what = s["kind"] + (" in part" if s["partial"] else "")
        by = f" by {s['by']}" if s["by"] else ""
        since = f" from {s['since']}" if s["since"] else ""
        how = "reported" if s["reported"] else "stated by the acting document"
        lines.append(f"  {what}{by}{since} ({how}: {_rel(s['file'])}:{s['line']})")
        lines.append(f"      {s['snippet']}")
    if st.get("now") and st["now"] != st["id"]:
        lines.append(f"  in force in its place today: {st['now']}")
    verbs = {"replaced": "replaces", "repealed": "repeals", "amended": "amends", "expired": "ends"}
    for s in st.get("acts_on", []):
        lines.append(f"  it {verbs[s['kind']]} {s['subject']} ({_rel(s['file'])}:{s['line']})")
    return lines
