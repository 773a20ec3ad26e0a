"""extract(): text -> mentions. Scan for anchors, parse each window once, build keys, then read the
prose around the citations for titles, relations, nesting and aliases."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator

from .. import vocab
from ..models import Mention, filled
from ..text import DASHES, UPPER, Normalized, fold, lower, lowered, matches_at, normalize
from . import aliases, context, issuers, named, relations
from .keys import YEARS, decree_code_known, key_for
from .model import Found
from .parse import ParsedCitation, ParsedDate, parse_continued, parse_window
from .scan import (
    HEADING_BACK,
    WINDOW,
    candidate_windows,
    english_type_regex,
    plural_heading_before,
    type_word_regex,
)

# Repeated citations are the norm in real corpora; a window seen before is not parsed again.
_CACHE: dict[str, ParsedCitation | None] = {}
_CACHE_LIMIT = 200_000


def _date(d: ParsedDate | None) -> tuple[dt.date | None, str | None, list[str]]:
    if d is None:
        return None, None, []
    if d.day is None or d.month is None or d.year is None:
        return None, d.text, ["partial_date"]
    try:
        return dt.date(d.year, d.month, d.day), None, []
    except ValueError:
        return None, d.text, ["impossible_date"]


# An issuer phrase runs to the next punctuation in the grammar ("của" WORD+); the name of a body ends
# before the first of these words, which start the sentence's own continuation ("… của Chính phủ để
# phục vụ …"). "và" joins two names only when a capitalised word follows ("Ban Tuyên giáo và Dân vận").
_ISSUER_STOP = frozenset(
    "để phục nhằm trong đối theo đã được là có các những gắn tại phê cho đến từ khi nay".split()
)


_OF_ASSEMBLY = re.compile(r"[\s*]+của[\s*]+Quốc[\s*]+hội(?![^\W\d_])")


def _assembly_committee(issuer: str) -> bool:
    """A committee of the National Assembly named without its owner ("Ủy ban Kinh tế"), not a People's
    Committee nor the Standing Committee, whose names say whose they are."""
    if not issuer.startswith(("Ủy ban", "Uỷ ban", "ỦY BAN")):
        return False  # (asked of every issuer read: the fold only for committees)
    f = fold(issuer)
    return (
        f.startswith("uy ban ")
        and not f.startswith(("uy ban nhan dan", "uy ban mat tran"))
        and "quoc hoi" not in f
    )


_FORMER = re.compile(r"[ \t]*\([ \t]*cũ[ \t]*\)")


_DOUBLED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)(?:\s+\1)+(?![^\W\d_])")


@functools.lru_cache(maxsize=65536)
def _clean_issuer(s: str | None) -> str | None:
    if not s:
        return None
    words = s.split()
    out: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and w[:1].islower() and lw in _ISSUER_STOP:
            break
        if lw in ("và", "cùng", "với", "hoặc") and (i + 1 >= len(words) or words[i + 1][:1].islower()):
            break
        out.append(w)
    return " ".join(out) or None


def _parse_cached(window: str) -> ParsedCitation | None:
    hit = _CACHE.get(window, _CACHE)
    if hit is not _CACHE:
        return hit  # type: ignore[return-value]
    parsed = parse_window(window)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[window] = parsed
    return parsed


# Where a head certainly ends: the parser reads a title intro ("về", "về việc") and nothing of the title
# itself (titles are measured on the text afterwards). Cutting the window just after it makes the text
# given to the parser the citation head alone, so a citation repeated with other words after it is
# parsed once. The grammar still decides: the cut only drops text the parser would have left as REST.
_TITLE_INTRO_CUT = re.compile(r"(?<![^\W\d_])(?:về\s+việc|về)(?![^\W\d_])", re.I)


_TITLE_AFTER = re.compile(r"\s*(?:về\s+việc|về)(?![^\W\d_])", re.I)
# a date after the issuer's name: "… của Bộ Lao động - Thương binh và Xã hội ngày 23/5/2011"
_DATE_AFTER_NAME = re.compile(rf"[ \t\n]*,?[ \t\n]*ngày[ \t\n]+{context.DATE_NUMBERS}")
_NEXT_WORD = re.compile(r"[ \t\n*]*([^\W\d_]+)")
_PORTAL_YEAR = re.compile(r"[ \t]+năm[ \t]+(?:19|20)\d\d(?![\d/])")
# "kế hoạch 5 năm", "quy hoạch 02 cấp", "giới thiệu quy hoạch 02 trong 03 chức danh": a bare number read as
# a count, not as a document's number
_STEERING_NUMBER = re.compile(r"[ \t]+(\d{2,4}(?:[ \t]+(?:quốc[ \t]+gia|Trung[ \t]+ương))?)(?![\d/\-.])")
_GOES_ON = re.compile(r"[ \t]+(?:của|ngày|về)(?![^\W\d_])", re.I)
_COUNTS_A_NOUN = re.compile(r"[ \t]+(?!(?:của|ngày|về|năm|số|và|,)(?![^\W\d_]))[^\W\d_]", re.I)
_COUNTED = re.compile(r"[ \t]*(?:(?:năm|tháng|ngày|giờ|lần|cấp|người|%)(?![^\W\d_])|trong[ \t\n]+\d)", re.I)


# a blank line and a capitalised word open a new paragraph: no date or issuer of a citation lies beyond it
# ("… theo Nghị định 311/2025/NĐ-CP**⏎⏎Ngày 5/12/2025, Chính phủ …": the date is the next sentence's)
_PARAGRAPH_BREAK = re.compile(rf"\n[ \t*]*\n[\s*#>|]*(?=[{UPPER}])")


def find(norm_text: str) -> list[Found]:
    """Parse every candidate window; offsets are into ``norm_text``."""
    found: list[Found] = []
    consumed = 0
    group = 0
    # the cut needs "về" in some case; looked for in the lower-cased text first (a plain substring
    # search), the pattern runs only from there
    lower_text = lower(norm_text)
    low: str | None = lower_text if len(lower_text) == len(norm_text) else None
    for ws, we in candidate_windows(norm_text):
        if ws < consumed:
            continue  # inside a citation already read (the type word after an alias intro, say)
        if low is None:
            cut = _TITLE_INTRO_CUT.search(norm_text, ws, we)
        else:
            v = low.find("về", ws, we)
            cut = _TITLE_INTRO_CUT.search(norm_text, v, we) if v >= 0 else None
        if cut is not None:
            we = cut.end()
        if (brk := _PARAGRAPH_BREAK.search(norm_text, ws, we)) is not None:
            we = brk.start()
        parsed = _parse_cached(norm_text[ws:we])
        if parsed is None:
            continue
        if _counted(parsed, norm_text, ws):
            continue
        if parsed.law_name and parsed.type_word[:1].islower() and not _qualified_number(parsed):
            continue  # a name before the number follows a capitalised type word ("quy định tại Phụ lục số 2" is none)
        if parsed.law_name and parsed.items and norm_text[ws + parsed.items[0].code.start - 1].isalpha():
            continue  # "Quy hoạch tổng mặt bằng … ô đất H1-NO1": a number glued to the name's last word is a code in it
        if parsed.law_name and parsed.law_name.split()[0].lower() == "này":
            continue  # "… kể từ ngày Nghị quyết này có hiệu lực thi hành: số 15/2013/NQ-HĐND …": the text itself
        if parsed.law_name and _FORM_BEFORE_NUMBER.search(parsed.law_name):
            continue  # "Thông báo không chấp thuận … theo mẫu số 03/NDAN": the number is the form's
        group += 1
        found.extend(_records(parsed, ws, group, norm_text))
        consumed = ws + (parsed.items[0].code.end if parsed.items else parsed.head_end)
    if "số" in norm_text or "Số" in norm_text:
        found = _with_continued_items(norm_text, found, group)
    return found


def _qualified_number(parsed: ParsedCitation) -> bool:
    """ "tại báo cáo thẩm định số 10502/SXD-HĐXD": a lower-case type word, a word or two saying which
    report, then "số" and a full number code (a bare number after such words is a part: "Phụ lục số 2")."""
    name = (parsed.law_name or "").split()
    return (
        0 < len(name) <= 2
        and all(w.isalpha() and w.islower() for w in name)
        # "… quy phạm pháp luật và số 150/2025/NĐ-CP …": a joining word is no qualifier; the number is the
        # next item of a list
        and not any(w in named.words("joiner") for w in name)
        and bool(parsed.items)
        and all(it.code.form != "short" and it.code.codes for it in parsed.items)
    )


_FORM_BEFORE_NUMBER = re.compile(r"(?<![^\W\d_])(?:mẫu|biểu\s+mẫu|mẫu\s+biểu)$", re.I)


# "các Quyết định: số 36/QĐ-TTg ngày … về …; số 1569/QĐ-TTg …": after a list heading (plural "các", or a
# colon after the type word) each later item gives only "số" and its number code, after the previous title
_LIST_OPENED = re.compile(r"(?<![^\W\d_])các[\s*]+$", re.I)
_CONTINUES = re.compile(r"(?:[;,]|(?<![^\W\d_])và)[\s*]*(?=số[\s*]*\d{1,6}[\s*]*[/-])", re.I)
_LIST_ENDS = re.compile(rf"[.!?][\s*]+(?=[{UPPER}])|\n[ \t*]*\n")
CONTINUED_REACH = 600  # characters of a title before the next item's "số"


def _list_heading(text: str, f: Found) -> bool:
    if _LIST_OPENED.search(text, max(0, f.start - 8), f.start):
        return True
    m = type_word_regex().match(text, f.start)
    return m is not None and text[m.end() : m.end() + 1] == ":"


# the list's items after a colon, or in a bracket after the heading's title ("Các Nghị định của Chính phủ quy
# định chi tiết … (Số 37/2019/NĐ-CP …, số 58/2023/NĐ-CP …)")
_COLON_ITEMS = re.compile(r"[:(][\s*]*(?=[Ss]ố[\s*]*\d{1,6}[\s*]*[/-])")
_ITEM_NUMBER = re.compile(r"số[\s*]*\d{1,6}[\s*]*[/-]")  # opens with a letter: a fast scan


def _colon_items(text: str) -> Iterator[re.Match[str]]:
    """``_COLON_ITEMS.finditer(text)``, tried only just before each "số" and a number code (found in the
    lower-cased text: a colon or a bracket is everywhere, a numbered item is not)."""
    low = lowered(text)
    if low is None:
        yield from _COLON_ITEMS.finditer(text)
        return
    starts = []
    for m in _ITEM_NUMBER.finditer(low):
        i = m.start()
        if text[i] not in "Ss" or text[i + 1] != "ố":
            continue  # "SỐ": the pattern wants "số" or "Số"
        while i > 0 and (text[i - 1].isspace() or text[i - 1] == "*"):
            i -= 1
        if i > 0 and text[i - 1] in ":(":
            starts.append(i - 1)
    yield from matches_at(_COLON_ITEMS, text, starts)


def _headed_lists(text: str, found: list[Found], group: int) -> tuple[list[Found], int]:
    """First items of lists whose heading names their type ("các Quyết định …: số …"), where no citation
    was read."""
    if "các" not in text and "Các" not in text:
        return [], group
    taken = [(f.start, f.end) for f in found]
    out: list[Found] = []
    for colon in _colon_items(text):
        end = colon.end()
        if any(s <= end < e for s, e in taken):
            continue
        m = plural_heading_before().search(text, max(0, colon.start() - HEADING_BACK), colon.start())
        if m is None:
            continue
        parsed = parse_continued(text[end : end + WINDOW])
        if parsed is None or not parsed.items:
            continue
        parsed.type_word = " ".join(m.group(1).split())
        group += 1
        items = _records(parsed, end, group, text)
        items[0].start = m.start(1)  # the citation reads from the heading's type word
        body = _heading_body(text, m.end(1), end)
        for f in items:
            if f.issuer is None and body is not None:
                f.issuer = body
                f.why.append("issuer: the list's heading names its body ('các … của …:')")
        out.extend(items)
    return out, group


_OF_BODY = re.compile(r"[\s*]*của[\s*]+", re.I)
_OF_BODY_IN = re.compile(r"(?<![^\W\d_])của[\s*]+")
_NAME_WORD = re.compile(r"[^\W\d_]+")


def _heading_body(text: str, lo: int, hi: int) -> str | None:
    """ "các Quyết định của Thủ tướng Chính phủ phê duyệt, cụ thể:": the body the heading names after "của"."""
    m = _OF_BODY.match(text, lo, hi)
    if m is None:
        # "Các Văn bản thẩm định và tham gia ý kiến của Sở Tư pháp:": the body after the heading's title
        last = list(_OF_BODY_IN.finditer(text, lo, hi))[-1:]
        if not last or context.heads().match(text, last[0].end()) is None:
            return None
        m = last[0]
    words = tuple((w.start(), w.end()) for w in _NAME_WORD.finditer(text, m.end(), hi))
    return issuers.cut(text, words).name if words else None


def _with_continued_items(text: str, found: list[Found], group: int) -> list[Found]:
    headed, group = _headed_lists(text, found, group)
    if headed:
        found = sorted(found + headed, key=lambda f: f.start)
    starts = [f.start for f in found]
    added: list[Found] = []
    for g in found:
        if not g.first_in_group or not g.key or not (g in headed or _list_heading(text, g)):
            continue
        last = max((f for f in found if f.group == g.group), key=lambda f: f.end)
        while True:
            lo, reach = last.head_end, last.head_end + CONTINUED_REACH
            while True:
                nxt = bisect.bisect_right(starts, lo)
                hi = min(starts[nxt] if nxt < len(starts) else len(text), reach)
                m = _CONTINUES.search(text, lo, hi)
                if m is not None or hi == reach or nxt >= len(starts) or ";" in text[lo:hi]:
                    break
                # a citation in the item's own title ("số 187/2025/NĐ-CP về sửa đổi … Nghị định số 78/2025/NĐ-CP
                # …; số 79/2025/NĐ-CP …"): the list goes on after it
                lo = max(lo, found[nxt].head_end)
            if m is None or _LIST_ENDS.search(text, last.head_end, m.start()):
                break
            parsed = parse_continued(text[m.end() : min(hi, m.end() + WINDOW)])
            if parsed is None or not parsed.items:
                break
            parsed.type_word = g.doc_type
            group += 1
            items = _records(parsed, m.end(), group, text)
            for f in items:
                f.flags.append("list_continued")
            added.extend(items)
            last = items[-1]
    return sorted(found + added, key=lambda f: f.start) if added else found


@functools.lru_cache(maxsize=4096)
def _party_term(family: str | None, issuer: str | None) -> bool:
    """A term ("khóa") read for a citation is a Party term only for a Party document, or a reference by name
    that names no body or a Party one: "Ủy ban Thường vụ Quốc hội khóa XIV" names a legislature's term."""
    return family == "party" or (family is None and (not issuer or _party_body(issuer)))


def _party_body(issuer: str | None) -> bool:
    if not issuer:
        return False
    f = fold(issuer)
    # a Party body, unless the words name a state one ("Ủy ban Thường vụ Quốc hội" has none of them)
    return (
        any(fold(m) in f for m in vocab.issuer_phrases("party_mark"))
        and not f.startswith(
            ("uy ban nhan dan", "hoi dong nhan dan", "chinh phu", "bo ", "thu tuong", "lien nganh")
        )
        or f.startswith(("bo chinh tri", "ban bi thu"))
    )


_LAW_TYPES = frozenset({"luật", "bộ luật", "pháp lệnh", "hiến pháp"})


def _body_named_before_number(name: str, doc_type: str) -> bool:
    """A name between a (non-law) type word and its number that is a body's: it opens with a body's head
    word ("Liên ngành", "Ban", "Bộ" …, capitalised as running text writes bodies) or "liên ngành"."""
    if " ".join(doc_type.lower().split()) in _LAW_TYPES:
        return False
    if fold(name).startswith("lien nganh "):
        return True
    return context.heads().match(name) is not None


_LAW_WORD_BEFORE = re.compile(r"(?<![^\W\d_])luật[\s*]+$", re.I)


def _counted(c: ParsedCitation, text: str, base: int) -> bool:
    """A lone bare number that counts something or sits on another line than its type word."""
    if len(c.items) != 1 or c.items[0].code.form != "short" or c.alias_intro:
        return False
    code = c.items[0].code
    if (
        c.type_word[:1].islower()
        and len(code.number_text) == 4
        and YEARS[0] <= code.number <= 2100
        and " ".join(c.type_word.lower().split()) not in named.words("nameless")
    ):
        # "trong kế hoạch 2013 và giai đoạn tiếp theo": the plan of a year, not plan No. 2013 (while
        # "hiến pháp 1946" is the constitution of that year)
        return True
    if (
        len(code.number_text) == 4
        and YEARS[0] <= code.number <= 2100
        and _LAW_WORD_BEFORE.search(text, max(0, base + c.type_start - 12), base + c.type_start)
    ):
        return True  # "Luật Quy hoạch 2017": the type word opens a law's name, and the year is the law's
    if named.in_body_name(text, base + c.type_start):
        return True  # "Ban Chỉ đạo … chuyển đổi số và Đề án 06": the programme is part of a body's name
    # a number on the next line is a list item's ("… theo Kế hoạch\n2. Nội dung"), unless the text goes on
    # with the citation ("Căn cứ Quy định\n377 của Bộ Chính trị")
    wrapped = "\n" in text[base + c.type_start : base + code.start]
    if len(code.number_text) == 1 and " ".join(c.type_word.lower().split()) in named.words("option"):
        return True  # "Phương án 1:": a choice, not a document
    if " ".join(c.type_word.lower().split()) in named.words("counting_verb") and (
        (c.type_word[:1].islower() and _COUNTS_A_NOUN.match(text, base + code.end))
        or (len(code.number_text) <= 2 and _counted_noun_at(text, base + code.end))
    ):
        # "tại Điều 37 Thông tư X quy định 7 Thông tư hết hiệu lực", "03 Nghị định quy định 02 nội dung": the verb
        # and a count of what follows, no document No. 7 (a short form written in lower case names its body
        # or date next: "quyết định 123 của UBND tỉnh"); capitalised only before a counted noun ("**Hướng dẫn 4
        # thủ tục hành chính …")
        return True
    # (a decree's number with its year, "Nghị định số 123/2020 ngày 19/10/2020", counts no days: its key is
    # known; another type's number without its code is left out as before)
    decree = decree_code_known(vocab.type_code_for_word().get(c.type_word.lower()), code.year)
    return (wrapped and not _GOES_ON.match(text, base + code.end)) or (
        not decree and bool(_COUNTED.match(text, base + code.end))
    )


def _counted_noun_at(text: str, pos: int) -> bool:
    after = " ".join(text[pos : pos + 24].split()).lower()
    return any(after.startswith(n + " ") or after == n for n in named.words("counted_noun"))


# the codes whose body a translation's citation takes from its number: the Government and the Prime Minister,
# who issue under them alone
_ENGLISH_ISSUERS = frozenset({"CP", "TTg"})
_ENGLISH_OWNER = re.compile(r"(Government|Prime\s+Minister)['’]s\s+$")


_AT_NEXT = re.compile(r"[\s*]+tại[\s*]+")
_COMMA_OF = re.compile(r",[\s*]*của[\s*]")


def _names_next_document(text: str, item_end: int, cut_end: int) -> int | None:
    """A body after a comma and "của" that goes on "tại <type word>" belongs to the citation after it: where
    the comma stands, or None."""
    comma = _COMMA_OF.search(text, item_end, cut_end)
    if comma is None:
        return None
    at = _AT_NEXT.match(text, cut_end)
    return comma.start() if at is not None and type_word_regex().match(text, at.end()) is not None else None


def _records(c: ParsedCitation, base: int, group: int, text: str) -> list[Found]:
    doc_type = c.type_word[:1].upper() + c.type_word[1:].lower()
    doc_type = vocab.type_spellings().get(" ".join(doc_type.split()), doc_type)  # "Nghi định": "Nghị định"
    if c.plenum is not None:
        terms = ",".join(c.plenum_terms) or None
        return [
            Found(
                start=base + c.type_start,
                end=base + c.head_end,
                head_end=base + c.head_end,
                doc_type=doc_type,
                key=None,
                family="party",
                type_code="NQ",
                issuer_code="TW",
                number=None,
                year=None,
                date=None,
                date_text=None,
                issuer=None,
                term=terms,
                title=None,
                title_start=None,
                flags=["short_form", "plenum"],
                group=group,
            )
        ]
    out: list[Found] = []
    for i, item in enumerate(c.items):
        info = key_for(item.code, c.type_word)
        date, date_text, date_flags = _date(item.date)
        if "damaged_year" in info.flags and date is not None and str(date.year)[:3] == str(item.code.year):
            # "Quyết định số 22/201 /QĐ-UBND ngày 13 tháng 9 năm 2019": the lost digit is the date's (a
            # number carries the year it was issued in)
            info = key_for(dataclasses.replace(item.code, year=date.year), c.type_word)
            info = dataclasses.replace(info, flags=(*info.flags, "nonstandard_form", "year_from_date"))
        first = i == 0
        last = i == len(c.items) - 1
        issuer_rule = None
        title_start = (base + c.title_start) if (last and c.title_start is not None) else None
        head_end = base + (c.head_end if last else item.end)
        handed_on = None
        if item.issuer_words:
            cut = issuers.cut_at(text, base, item.issuer_words)
            if cut.end is not None:
                title_at = None if cut.title_start is None else base + cut.title_start
                at_end = base + cut.end
                cut = issuers.IssuerCut(cut.name, at_end, title_at, cut.rule)
                # "… thông báo số 99-TB/TW ngày 21/11/2025, của Ban Bí thư tại văn bản số 213-KL/TW …": after
                # the comma the body is the next document's, named by its "tại"
                handed_on = _names_next_document(text, base + item.code.end, at_end) if cut.name else None
        if handed_on is not None:
            issuer, issuer_rule, head_end = None, None, handed_on
        elif item.issuer_words:
            issuer, issuer_rule = cut.name, f"issuer:{cut.rule}"
            if issuer and cut.end is not None and (num := _STEERING_NUMBER.match(text, cut.end)) is not None:
                if fold(issuer).endswith(("ban chi dao", "to cong tac")) and not (
                    YEARS[0] <= int(num.group(1).split()[0]) <= 2100
                ):
                    # "Trưởng Ban Chỉ đạo 934", "Ban Chỉ đạo 389 quốc gia": a committee named by the number of
                    # the decision that set it up
                    issuer = f"{issuer} {' '.join(num.group(1).split())}"
                    cut = issuers.IssuerCut(issuer, num.end(), None, cut.rule)
            if (
                issuer
                and cut.end is not None
                and fold(issuer) == "lien bo"
                and (joint := _JOINT_AFTER_COLON.match(text, cut.end)) is not None
            ):
                # "của Liên Bộ: Lao động Thương binh và Xã hội, Tài chính, Y tế về …": the ministries after the
                # colon (up to the title) are the joint issuers
                ministries = tuple(
                    (w.start(), w.end()) for w in _NAME_WORD.finditer(text, joint.start(1), joint.end())
                )
                joined = issuers.cut(text, ministries) if ministries else None
                if joined is not None and joined.name and joined.end is not None:
                    issuer = " ".join(f"{issuer} {text[joint.start(1) : joined.end]}".split())
                    cut = issuers.IssuerCut(issuer, joined.end, joined.title_start, cut.rule)
                    intro = _TITLE_AFTER.match(text, joined.end)
                    if last and intro is not None and title_start is None and c.quoted_title is None:
                        title_start, head_end = intro.end(), intro.end()
            if issuer and cut.end is not None and (whole := issuers.known_extended(text, issuer, cut.end)):
                issuer, issuer_rule = whole[0], "issuer:known_name_past_window"
                cut = issuers.IssuerCut(issuer, whole[1], None, cut.rule)
                if (placed := issuers.place_after(text, issuer, whole[1])) is not None:
                    issuer = placed[0]
                    cut = issuers.IssuerCut(issuer, placed[1], None, cut.rule)
            if (
                issuer
                and cut.end is not None
                and _assembly_committee(issuer)
                and (of := _OF_ASSEMBLY.match(text, cut.end)) is not None
            ):
                # "Ủy ban Văn hóa và Xã hội của Quốc hội": a committee's official name holds whose it is
                issuer = f"{issuer} của Quốc hội"
                cut = issuers.IssuerCut(issuer, of.end(), None, cut.rule)
            if issuer and cut.end is not None and (former := _FORMER.match(text, cut.end)) is not None:
                # "của UBND tỉnh Quảng Trị (cũ)": the body of a province before the 2025 merger, as the text
                # tells it apart from the merged one
                issuer = f"{issuer} (cũ)"
                cut = issuers.IssuerCut(issuer, former.end(), None, cut.rule)
            if issuer and cut.title_start is None and cut.end is not None:
                if (wide := issuers.comma_extended(text, issuer, cut.end)) is not None:
                    issuer, issuer_rule = wide[0], "issuer:known_name_over_comma"
                    cut = issuers.IssuerCut(issuer, wide[1], None, cut.rule)
                    intro = _TITLE_AFTER.match(text, wide[1])
                    if last and intro is not None and title_start is None and c.quoted_title is None:
                        title_start, head_end = intro.end(), intro.end()
                post = issuers.position_join(text, issuer, cut.end) if cut.end is not None else None
                if post is not None:
                    issuer, issuer_rule = post.name, "issuer:position"
                    if last and c.quoted_title is None and c.title_start is None:
                        head_end = post.end if post.end is not None else head_end
                        title_start = post.title_start
                codes = len((info.issuer_code or "").split("-"))
                co = (
                    issuers.co_issuers(text, issuer, cut.end, codes)
                    if post is None
                    and issuer
                    and cut.end is not None
                    and codes > 1
                    and cut.title_start is None
                    else None
                )
                if co is not None:
                    # "của Bộ trưởng Bộ A, Bộ trưởng Bộ B, Bộ trưởng Bộ C hướng dẫn …": each co-issuer named
                    issuer, issuer_rule = co[0], "issuer:joint_list"
                    cut = issuers.IssuerCut(issuer, co[1], co[2], cut.rule)
                # a state number with one issuer code ("…/QĐ-TTg") has one issuer: a body after the comma
                # is the sentence's own subject ("… của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh hướng dẫn")
                single = info.family != "party" and codes == 1 and bool(info.issuer_code)
                also = (
                    issuers.joined(text, cut.end)
                    if post is None and co is None and not single and cut.end is not None
                    else None
                )
                if also is not None:
                    issuer, issuer_rule = f"{issuer}, {also[0]}", "issuer:joint"
                    intro = _TITLE_AFTER.match(text, also[1])
                    if last and intro is not None and title_start is None and c.quoted_title is None:
                        title_start, head_end = intro.end(), intro.end()
            if date is None and date_text is None and cut.end is not None:
                d = _DATE_AFTER_NAME.match(text, cut.end)
                if d is not None:
                    # "Công văn số X của Bộ … ngày 23/5/2011 về …": the date given after the issuer
                    date = context.date_of(d)
                    if date is not None:
                        # the citation's head runs through the date; the title, if any, follows it
                        cut = issuers.IssuerCut(cut.name, d.end(), None, cut.rule)
                        if last and c.quoted_title is None:
                            after = _TITLE_AFTER.match(text, d.end())
                            title_start = after.end() if after is not None else None
                            head_end = after.end() if after is not None else d.end()
            if last and cut.title_start is not None:
                # "… của Chính phủ quy định chức năng …": the title begins where the name ends
                title_start = cut.title_start if title_start is None else min(title_start, cut.title_start)
                if c.quoted_title is None and cut.end is not None:
                    head_end = cut.end
            elif last and cut.end is not None and c.title_start is None and c.quoted_title is None:
                head_end = cut.end  # the words after the name are the sentence's, not the citation's
        elif first and c.lead_issuer:
            issuer, issuer_rule = _clean_issuer(c.lead_issuer), "issuer:before_number"
        elif first and c.law_name and _body_named_before_number(c.law_name, doc_type):
            # "Kết luận liên ngành Tư pháp Trung ương số 23/KL-LNTPTW": the words before "số" name the body
            name = " ".join(c.law_name.split())
            issuer, issuer_rule = name[:1].upper() + name[1:], "issuer:body_before_number"
        elif (
            first
            and info.issuer_code in _ENGLISH_ISSUERS
            and english_type_regex().fullmatch(c.type_word) is not None
            and (owner := _ENGLISH_OWNER.search(text, max(0, base + c.type_start - 40), base + c.type_start))
        ):
            # "the Government’s Decree No. 96/2024/ND-CP": a translation names the body in English before the
            # type; given as written, as a Vietnamese text's body is (most readers give "Government")
            issuer, issuer_rule = " ".join(owner.group(1).split()), "issuer:owner_in_a_translation"
        else:
            issuer = None
        if last and title_start is None and c.quoted_title is None:
            # "Nghị định số 175/2025/NĐ-CP sửa đổi, bổ sung …": a title verb right after the number, or after a
            # portal's year ("Nghị quyết 73/NQ-HĐND năm 2025 bãi bỏ Nghị quyết …")
            year = _PORTAL_YEAR.match(text, head_end)
            w = _NEXT_WORD.match(text, year.end() if year else head_end)
            if (
                w
                and w.group(1)[:1].islower()
                and vocab.issuer_words().get(w.group(1)) in ("title", "title_weak")
            ):
                title_start = w.start(1)
        key, family, flags = info.key, info.family, list(info.flags)
        if family != "party" and item.code.form == "state_form" and info.type_code and _party_body(issuer):
            # the text names a Party body: its number, written in the state pattern, is a Party one
            key, family = f"{info.number}-{info.type_code}/{info.issuer_code}", "party"
            flags += ["nonstandard_form", "state_pattern_for_party"]
        out.append(
            Found(
                start=base + (c.type_start if first else item.code.start),
                end=base + item.code.end,
                head_end=head_end,
                doc_type=doc_type,
                key=key,
                family=family,
                type_code=info.type_code,
                issuer_code=info.issuer_code,
                number=info.number,
                year=info.year,
                date=date,
                date_text=date_text,
                issuer=issuer,
                term=",".join(item.terms) or None,
                title=c.quoted_title if last else None,
                title_start=title_start,
                flags=flags + date_flags + (["law_name"] if c.law_name and first else []),
                why=[w for w in (issuer and issuer_rule, (date or date_text) and "date:grammar") if w],
                group=group,
                first_in_group=first,
                alias_definition=c.alias_intro,
            )
        )
    return out


def extract_mentions(
    text: str, source: str | None = None, reported: bool = False, own: str | None = None
) -> list[Mention]:
    """``reported``: the text is a page reporting on documents (identity kind "page"), not one itself;
    ``own``: the document's own key, if known."""
    if not isinstance(text, str):
        raise TypeError(
            "extract() takes text (str); decode bytes first, e.g. with refgraph.sources.read_text"
        )
    norm = normalize(text)
    found = named.add(norm.text, find(norm.text))
    if not found:
        return []
    _complete_type_codes(found)
    relations.assign(norm.text, found, own)
    if reported:
        relations.report_only(norm.text, found)
    context.fill(norm.text, found)
    aliases.bind(found)
    named.settle(found)
    return _to_mentions(norm, _without_named_in_titles(found), source)


def _complete_type_codes(found: list[Found]) -> None:
    """ "Quyết định 2690/NHNN" where the text also writes "Quyết định 2690/QĐ-NHNN": a number written without
    its type code takes the one the text gives the same number, issuer code and type word elsewhere."""
    full: dict[tuple, Found] = {}
    for f in found:
        if f.key and f.type_code and f.issuer_code:
            full.setdefault((f.number, f.year, f.issuer_code, f.doc_type), f)
    if not full:
        return
    for f in found:
        # (with a year, a number without a type code is a law's or an Assembly resolution's: "76/2025/UBTVQH15")
        if f.key and f.type_code is None and f.issuer_code and f.year is None:
            g = full.get((f.number, f.year, f.issuer_code, f.doc_type))
            # (a number of the 1990s was often written without a type code as it stood: "Quyết định số 118/TTg
            # ngày 27/02/1996"; the text's two writings are then kept as they are)
            if g is not None and g.key and not any(d and d.year < 2000 for d in (f.date, g.date)):
                f.key, f.type_code = g.key, g.type_code
                f.why.append(f"key: the type code the text gives {g.key} elsewhere")


def _without_named_in_titles(found: list[Found]) -> list[Found]:
    """Drops references by name that lie in the title of a numbered citation ("Nghị quyết số 48/NQ-CP … phê
    duyệt Chiến lược khai thác … đến năm 2030"): the title's words, which the cited document acts on; they stay
    in that citation's title."""
    out: list[Found] = []
    title_lo, title_hi = -1, -1
    for f in found:
        if f.key and f.title_start is not None and (f.extent_end or 0) > f.title_start:
            if f.title_start > title_hi:
                title_lo, title_hi = f.title_start, f.extent_end
            else:
                title_hi = max(title_hi, f.extent_end)
        elif f.key is None and "named" in f.flags and title_lo <= f.start < title_hi:
            continue
        out.append(f)
    return out


_ISSUER_REACH = 600  # characters around a citation where the text names its body


class _Dashes:
    """Where the text writes a dash other than the hyphen, found once per text (each dash by a plain
    substring search: a character-class scan of the whole text costs more than all the look-ups)."""

    def __init__(self, original: str) -> None:
        at: list[int] = []
        for d in DASHES:
            i = original.find(d)
            while i != -1:
                at.append(i)
                i = original.find(d, i + 1)
        self.at = sorted(at)

    def near(self, lo: int, hi: int) -> bool:
        """A dash in original[lo:hi]."""
        i = bisect.bisect_left(self.at, lo)
        return i < len(self.at) and self.at[i] < hi


def _as_written(original: str, s: int, e: int, issuer: str, dashes: _Dashes) -> str:
    """The issuer with the dashes the text itself uses ("Bộ Lao động – Thương binh và Xã hội"): the parser
    reads one dash, a reader copies the text. Looked for near the citation, in any case (a heading's
    "CÔNG TY … SÀI GÒN – BẾN TRE" gives its dash to "Công ty … Sài Gòn – Bến Tre"); else the parser's.
    Names compare folded."""
    if "-" not in issuer:
        return issuer
    lo, hi = max(0, s - _ISSUER_REACH), e + _ISSUER_REACH
    if not dashes.near(lo, hi):
        return issuer  # the text writes plain hyphens there: nothing to give back
    around = original[lo:hi]
    parts = issuer.split("-")
    pattern = _DASH.join(r"\s+".join(map(re.escape, part.split(" "))) for part in parts)
    m = re.search(pattern, around, re.I)
    if m is None:
        return issuer
    written = re.findall(_DASH, m.group())
    return "".join(p + d for p, d in zip(parts, written)) + parts[-1]


_DASH = f"[-{re.escape(DASHES)}]"
# after "Liên Bộ": a colon, then the ministries' names on the same line, up to the title's "về" or its end
_JOINT_AFTER_COLON = re.compile(r"[ \t]*:[ \t]*([^\W\d_][^\n:;()]{2,120}?)(?=[ \t]+về(?![^\W\d_])|[;\n(]|$)")
# a dash between two words with a space on one side only
_HALF_SPACED_DASH = re.compile(rf"(?<=[^\W\d_])(?: ({_DASH})(?=[^\W\d_])|({_DASH}) (?=[^\W\d_]))")
_MENTION_FIELDS = tuple(Mention.__dataclass_fields__)


def _to_mentions(norm: Normalized, found: list[Found], source: str | None) -> list[Mention]:
    original = norm.original
    dashes: _Dashes | None = None  # looked for once a hyphenated issuer needs it
    out = []
    # line numbers by counting the line breaks since the previous mention (mentions come in order),
    # not by a table of every line start in the text
    line, at = 1, 0
    for f in found:
        s, e = norm.span_to_original(f.start, f.end)
        if s < at:
            line, at = 1, 0
        line += original.count("\n", at, s)
        at = s
        issuer = f.issuer
        if issuer and _DOUBLED.search(issuer):
            issuer = _DOUBLED.sub(r"\1", issuer)  # "Ủy ban nhân dân tỉnh⏎tỉnh": a word the source doubled
        if issuer and "*" in issuer:  # "Chính* *phủ": emphasis markers between words
            issuer = " ".join(issuer.replace("*", " ").split())
        if issuer and "-" in issuer:
            dashes = dashes or _Dashes(original)
            issuer = _as_written(original, s, e, issuer, dashes)
        if issuer:
            issuer = vocab.current_spelling(issuer)  # "Uỷ ban" -> "Ủy ban": one body, one name
            # "Lao động- Thương binh": spaced as the name is
            issuer = _HALF_SPACED_DASH.sub(lambda m: f" {m.group(1) or m.group(2)} ", issuer)
        # what Mention(...) makes, without the frozen dataclass's __init__ (it sets every field through
        # object.__setattr__, most of the cost of this step); every field in order, checked below
        m = filled(
            Mention,
            {
                "start": s,
                "end": e,
                "line": line,
                "text": original[s:e],
                "key": f.key,
                "doc_type": f.doc_type,
                "type_code": f.type_code,
                "number": f.number,
                "year": f.year,
                "issuer_code": f.issuer_code,
                "date": f.date,
                "issuer": issuer or None,
                "term": f.term if _party_term(f.family, issuer) else None,
                "title": f.title,
                "relation": f.relation,
                "subject": f.subject,
                "flags": tuple(dict.fromkeys(f.flags)),
                "family": f.family,
                "date_text": f.date_text,
                "source": source,
                "subject_relation": f.subject_relation,
                "why": tuple(f.why),
                "passage": None,
                "name": f.name,
            },
        )
        out.append(m)
    if out and tuple(out[0].__dict__) != _MENTION_FIELDS:
        raise TypeError("_to_mentions must set exactly the fields of Mention, in order")
    return out
