"""Issuer and date named before a citation rather than after it.

"Ngày 14/8/2024, Chính phủ ban hành Nghị định số 109/2024/NĐ-CP": the grammar reads a citation from its
type word on, so the body and the date that open the sentence are read here, from the words right before
the citation: a body's name (it starts with one of the heads in issuer_words.tsv and ends where
issuers.cut ends a name), then only a verb of issuing ("ban hành", "đã có", "tại", "(") up to the type
word. The date must open the sentence (or the list heading above the item) and reach the body with
nothing but punctuation between. Only fields the citation leaves empty are filled.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..text import LOWER, PLACE_ABBR_ALTS, PLACE_ABBREVIATIONS, UPPER, fold, lowered, plain_positions
from . import issuers
from .parse import parser
from .scan import type_word_regex

if TYPE_CHECKING:
    from .pipeline import Found

REACH = 240  # characters before the citation that may hold its body and verb
DATE_REACH = 160  # characters before the body that may hold the sentence's opening date


def _alts(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def _word_alts(phrases) -> str:
    """``(?<![^\\W\\d_])(?:<_alts(phrases)>)`` in a faster form: the word-start check after each phrase's
    first character (looking back over it), the phrases grouped by that character in their order. At a
    character the engine then tries only the phrases that start with it; phrases that start otherwise
    cannot match there, so which one matches first is unchanged."""
    groups: dict[str, list[str]] = {}
    for p in phrases:
        a = re.escape(p).replace(r"\ ", r"\s+")
        first = a[:2] if a.startswith("\\") else a[:1]
        groups.setdefault(first, []).append(a[len(first) :])
    return "(?:" + "|".join(f + r"(?<![^\W\d_].)(?:" + "|".join(r) + ")" for f, r in groups.items()) + ")"


@functools.cache
def _verbs_at_end() -> re.Pattern[str]:
    verbs = _word_alts(vocab.issuer_phrases("issues") + vocab.issuer_phrases("issues_dated"))
    # lower case: "Tại Quyết định …" opens a new sentence, it does not continue a body's name
    return re.compile(rf"(?:{verbs}(?![^\W\d_])[\s*]*)+$|\([\s*]*$")


@functools.cache
def _verb_ends() -> frozenset[str]:
    """The characters a match of _verbs_at_end can end on, trailing spaces and stars aside."""
    return frozenset(p[-1] for p in vocab.issuer_phrases("issues") + vocab.issuer_phrases("issues_dated")) | {
        "("
    }


def heads() -> re.Pattern[str]:
    """The head words of bodies' names, case-sensitive (see _heads)."""
    return _heads()


@functools.cache
def _heads() -> re.Pattern[str]:
    # case matters: a body's name is capitalised ("Chính phủ ban hành", not "chính phủ điện tử"); its later
    # words may be capitalised too ("Văn Phòng Thành ủy …")
    phrases = list(vocab.issuer_phrases("head"))
    phrases += [t for p in phrases if (t := _title_cased(p)) != p and t not in phrases]
    # ("Uỷ ban nhân dân …", "Đảng uỷ …": the tone mark where older texts place it; the name is respelt after)
    phrases += [o for p in list(phrases) for o in vocab.old_spellings(p) if o not in phrases]
    return re.compile(rf"{_word_alts(phrases)}(?![^\W\d_])")


def _title_cased(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


_WORD = re.compile(r"[^\W\d_]+")
_BETWEEN_WORDS = re.compile(r"^(?:\s+|\s*[-–]\s*|,\s*)$")


def _gap_ok(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = text[a[1] : b[0]]
    return _BETWEEN_WORDS.match(gap) is not None or (
        gap.rstrip() == "." and text[a[0] : a[1]] in PLACE_ABBREVIATIONS
    )


_OPENING_DATE = re.compile(r"(?<![^\W\d_])ngày(?=\s*\d)", re.I)
# (a deputy signs for the post the body is named by: "Ngày 5/12/2025, Phó Thủ tướng … ký Quyết định …")
_AFTER_DATE = re.compile(r"^[\s,:*\-–]*(?:[Pp]hó[ \t]+)?$")


@functools.cache
def _dated_only() -> frozenset[str]:
    return frozenset(vocab.issuer_phrases("issues_dated"))


_ON_BEHALF = re.compile(
    r"(?<![^\W\d_])thay[\s*]+mặt[\s*]+([^\W\d_][^.;:()\n]{2,80}?)[\s*]*,[\s*]+(?:đồng[\s*]+chí|ông|bà)[\s*]",
    re.I,
)
BEHALF_REACH = 300  # characters before the signer's posts where "thay mặt <body>, đồng chí …" may stand


_DEPUTY_BEFORE = re.compile(r"(?<![^\W\d_])(?:Phó|Thường[ \t*]+trực)[ \t*]+$")


VERB_REACH = 80  # characters before a citation that hold the verbs after its issuer's name


def body_before(text: str, lo: int, hi: int, lead_lo: int | None = None) -> tuple[str, int, bool, str] | None:
    """(name, start, needs_date, rule) of a body named in text[lo:hi] right before an issuing verb ending at
    hi; a news lead's subject may start from ``lead_lo`` (over a citation named inside it)."""
    # the pattern ends the stretch: past the trailing spaces and stars must stand a verb's last letter or
    # "(" (asked first; the pattern itself is tried at every position of the stretch)
    j = hi
    while j > lo and (text[j - 1] == "*" or text[j - 1].isspace()):
        j -= 1
    if j == lo or text[j - 1] not in _verb_ends():
        return None
    # the verbs end the stretch: looked for in its last characters first (the pattern is tried at every
    # position searched), the whole stretch only when a run of verbs may start before them
    near = max(lo, hi - VERB_REACH)
    v = _verbs_at_end().search(text, near, hi)
    if v is not None and v.start() == near and near > lo:
        v = _verbs_at_end().search(text, lo, hi)
    if v is None or v.start() == lo:
        return None
    needs_date = " ".join(v.group().replace("*", " ").split()).lower() in _dated_only()
    end = v.start()
    while end > lo and text[end - 1] in " \t\n*,":
        end -= 1
    if end > lo and text[end - 1] == ")" and (aside := _ASIDE_BEFORE.search(text, lo, end)) is not None:
        # "Cục Thuế tỉnh Vĩnh Phúc (nay là Thuế tỉnh Phú Thọ) có Thông báo …": a name's later name, aside
        end = aside.start()
        while end > lo and text[end - 1] in " \t\n*,":
            end -= 1
    if end > lo and text[end - 1] in ".;:!?…)":
        return None  # a sentence or an aside ends before the verb: the words before are not its subject
    for h in _heads().finditer(text, lo, end):
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, h.start(), end)]
        if (term := _TERM_BEFORE_VERB.search(text, h.start(), end)) is not None:
            # "Ủy ban … Quốc hội khóa XV chuyển đến tại …": the body's name ends before its term
            words = [w for w in words if w[1] <= term.start()]
        if not words or len(words) > 14:
            continue
        gaps_ok = all(_gap_ok(text, a, b) for a, b in zip(words, words[1:]))
        if not gaps_ok:
            continue
        # "Thủ tướng Chính phủ Phạm Minh Chính ký", "Chủ tịch Quốc hội <name> ký": the body, not the person
        body_from, body_to = issuers.person_at(text, tuple(words))
        words = words[body_from:body_to]
        # a name before a bracket is a headline's object as often as a subject ("Thành lập Ban Quản lý Khu kinh
        # tế mở … (Quyết định …)"): only a name in its usual case is read there
        cut = issuers.cut(text, tuple(words), open_names=v.group()[:1] != "(")
        if (cut.end == words[-1][1] and cut.name) or issuers.of_government(text, tuple(words)):
            start = words[0][0]
            if "ký" not in v.group() and (deputy := _DEPUTY_BEFORE.search(text, max(lo, start - 16), start)):
                # "chỉ đạo của Phó Thủ tướng Chính phủ tại …": the deputy's own direction (one who signs, "Phó Thủ
                # tướng … vừa ký Chỉ thị", signs the head's document); so the standing board's ("đề nghị của
                # Thường trực HĐND tỉnh tại Công văn …")
                start = deputy.start()
            name = " ".join(text[start : words[-1][1]].split())
            # "Quốc hội khóa XIV đã thông qua …": the term is not part of the body's name
            name = _TERM_BEFORE_VERB.sub("", name)
            # "Thủ tướng <name> đã ký …": the post's short name, written in full
            if (
                lead_lo is not None
                and _OF_BEFORE.search(text, max(0, h.start() - 8), h.start())
                and (lead := _subject_of_lead(text, min(lo, lead_lo), end, needs_date)) is not None
                and lead[1] < h.start()
            ):
                return lead  # "Ban Chỉ đạo về tổng kết … Nghị quyết 18-NQ/TW của Chính phủ có Công văn …": its tail
            return vocab.short_names().get(name, name), h.start(), needs_date, "named before it"
    acronym = _ACRONYM_BEFORE.search(text, max(lo, end - 12), end)
    if (
        acronym is not None
        and acronym.group() in vocab.central_issuer_codes()
        and _LEAD_OPENING.search(text, max(0, acronym.start() - 40), acronym.start()) is not None
    ):
        # "Ngày 13/11/2025, BVHTTDL đã có Công văn …": a news lead's subject written as a ministry's code
        return acronym.group(), acronym.start(), needs_date, "the subject of a news lead, a body's code"
    reach = max(lo, end - BEHALF_REACH)
    behalf = _ON_BEHALF.search(text, reach, end) if text.find("mặt", reach, end) != -1 else None
    if behalf is not None and _SIGNER_NAME.fullmatch(text, behalf.end(), end):
        # "Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí <name> ký ban hành Kết luận …": a person signs; the
        # body signed for issues
        name = " ".join(behalf.group(1).split())
        return vocab.short_names().get(name, name), behalf.start(), needs_date, "signed for by a person"
    if "ký" in v.group() and (signer := _signer_before(text, max(lo, end - 60), end)) is not None:
        # "Ngày 04/5/2025, Tổng Bí thư <name> đã ký ban hành Nghị quyết 68-NQ/TW của Bộ Chính trị …": the date
        # is the document's; the person signs for a body the citation names itself, or leaves unnamed
        return "", signer, needs_date, "signed by a person (no body)"
    return _subject_of_lead(text, lo if lead_lo is None else min(lo, lead_lo), end, needs_date)


@functools.cache
def _signer_post() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{_alts(vocab.issuer_phrases('signer_post'))})[ \t*]+")


def _signer_before(text: str, lo: int, end: int) -> int | None:
    """Where a news lead's "<post> <name>" ending at ``end`` starts, when the sentence opens with it."""
    for post in _signer_post().finditer(text, lo, end):
        if _SIGNER_NAME.fullmatch(text, post.end(), end) and _LEAD_OPENING.search(
            text, max(0, post.start() - 40), post.start()
        ):
            return post.start()
    return None


_ACRONYM_BEFORE = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,10}$")
# a person's name between "đồng chí" and the verb: a few capitalised words
_SIGNER_NAME = re.compile(rf"(?:[{UPPER}][^\W\d_]*[ \t*]*){{1,5}}")


_OF_BEFORE = re.compile(r"(?<![^\W\d_])của[\s*]+$", re.I)
# what may stand before the subject of a news lead: its date (in figures or words) or a short adverbial and a
# comma ("Đồng thời, Bộ Nội vụ đã có …"), or both ("Trước đó, ngày 12/9/2025, Ban Chỉ đạo … có …"), or nothing
# (a line break counts only after a finished line or a blank one, not a hard-wrapped sentence's)
_LEAD_OPENING = re.compile(
    r"(?:^|[.!?]\s|(?:^|[.!?:;|*#\n])[ \t*]*\n)[\s*]*"
    r"(?:(?:trước\s+đó|mới\s+đây|vừa\s+qua|đồng\s+thời|bên\s+cạnh\s+đó|ngoài\s+ra)[\s*]*,?[\s*]*)?"
    r"(?:(?:ngày|hôm)\s+(?:[\d/.\s]{3,12}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"[\s*]*,?[\s*]*$",
    re.I,
)
# inside such a subject: words joined by spaces, "&" or dashes, or a dot or slash without a space ("F.D.I",
# "18-NQ/TW" in a topic); commas are asked apart
# ("UBND TP. Hà Nội": an abbreviated city's dot, and a space after it)
_LEAD_SUBJECT = re.compile(
    rf"[^\W_]+(?:(?:[ \t\n]+|[ \t]*[&\-–][ \t]*|[./]|(?<=(?:{PLACE_ABBR_ALTS}))\.[ \t]+)[^\W_]+)*"
)
LEAD_WORDS = 30  # the longest subject read this way
_ALNUM_WORD = re.compile(r"[^\W_]+")


def _subject_of_lead(text: str, lo: int, end: int, needs_date: bool) -> tuple[str, int, bool, str] | None:
    """ "Ngày 04/12/2025, Sở GD&ĐT TPHCM ban hành Kế hoạch …", "Trước đó, Ban Chỉ đạo sắp xếp ĐVHC các cấp
    đã có Công văn …": a news lead's subject is the issuing body however its name is cased or shortened,
    when it opens the sentence with a body's head word and reaches the verb in plain words."""
    for h in _heads().finditer(text, lo, end):
        if _LEAD_OPENING.search(text, max(0, h.start() - 40), h.start()) is None:
            continue
        # (numbers are words here: "… và Đề án 06")
        words = [(m.start(), m.end()) for m in _ALNUM_WORD.finditer(text, h.start(), end)]
        while words and text[words[-1][0] : words[-1][1]].lower() in _LEAD_ADVERBS:
            words.pop()  # "Văn phòng Chính phủ vừa có Công văn …": the adverb before the verb
        if not words or len(words) > LEAD_WORDS:
            return None
        # "Thủ tướng Chính phủ <name> đã có Công điện …": the post, not the person
        first, last = issuers.person_at(text, tuple(words))
        words = words[first:last]
        span = text[words[0][0] : words[-1][1]]
        tokens = span.replace(",", " ").split()
        if issuers.named_by_topic(span) and "về" in tokens:
            # "Ban Chỉ đạo … về tổng kết việc thực hiện …": the topic is any words, up to the verb
            tokens = tokens[: tokens.index("về")]
        elif (
            issuers.named_by_topic(span)
            and _NUMBER_CODE.search(span)
            is None  # (no citation inside: the lead of a later bracket's number)
            and (
                head := next((n for n in (2, 3, 4) if issuers.ends_with_topic_body(" ".join(tokens[:n]))), 0)
            )
        ):
            # "Ban Chỉ đạo sắp xếp đơn vị hành chính các cấp và xây dựng mô hình …": the topic follows the body's
            # head words without "về", and is any words up to the verb too
            tokens = tokens[:head]
        if "\n\n" in span or any(_lead_stop(w, span, nxt) for w, nxt in zip(tokens[1:], tokens[2:] + [""])):
            return None  # "Chính phủ quy định chi tiết …", "Quốc hội khóa I đã thông qua …": a clause, not a name
        parts = span.split(",")
        # a comma goes on the subject's topic only before a lower-case word ("Ban Chỉ đạo … về phát triển
        # khoa học, công nghệ, …"); before a capitalised one it names someone else
        if not all(_LEAD_SUBJECT.fullmatch(p.strip()) for p in parts) or not all(
            p.strip()[:1].islower() for p in parts[1:]
        ):
            return None
        return " ".join(span.split()), h.start(), needs_date, "the subject of a news lead, named before it"
    return None


_LEAD_ADVERBS = frozenset({"vừa", "cũng", "đã", "mới", "đang"})


def _lead_stop(word: str, span: str, following: str) -> bool:
    """A lower-case word that a body's name does not hold: a clause's or a title's first word, a date's; "các"
    only in "các cấp" ("Ban Chỉ đạo … các cấp"), "và" only before a capitalised word. (A topic body's
    words after "về" are not asked.)"""
    w = word.lower()
    if (
        not word[:1].islower()
        or (w == "các" and following == "cấp")
        or (w == "và" and following[:1].isupper())
    ):
        return False
    return vocab.issuer_words().get(w) in ("clause", "title", "title_weak", "opener") or w in issuers.stops()


# a term that ends a stretch before its verb, or a name ("… Quốc hội khóa XV")
# (and its session: "Hội đồng nhân dân thành phố Hà Nội khóa XVI, kỳ họp thứ 28 đã thông qua …")
_SESSION = r"[\s*]*,[\s*]*kỳ[\s*]+họp[\s*]+thứ[\s*]+\w+"
_TERM_BEFORE_VERB = re.compile(
    rf"(?:\s+kh(?:óa|oá)\s+(?:[IVXL]+|\d{{1,2}})(?:{_SESSION})?|{_SESSION})[\s*,]*$", re.I
)


# (a former province's body, "(cũ)", as well: "Kết luận của Chủ tịch UBND tỉnh Bắc Giang (cũ) tại Thông báo …")
# (or its short name: "Bộ Giáo dục và Đào tạo (GDĐT) vừa ban hành …")
_ASIDE_BEFORE = re.compile(
    r"\([\s*]*(?:(?:nay\s+là|trước\s+đây(?:\s+là)?|nay|cũ)(?![^\W\d_])[^()]{0,80}|(?-i:[A-ZĐ][A-ZĐ&\-]{1,11}))\)$",
    re.I,
)
# "Ngày 10/10/2024, tại Công văn số …": the date that opens the sentence, only "tại" between
_AT_OPENING = re.compile(r",[\s*]*tại[\s*]+$", re.I)
# "Sau khi Bộ X ban hành Thông tư số …": the bare verb after "sau khi" is a past act of the body before it
_AFTER_WHEN = re.compile(r"(?<![^\W\d_])sau[ \t\n]+khi[ \t\n*]*$", re.I)
_CLAUSE_BEFORE = re.compile(r"[,;:][ \t]*$")


def date_before(text: str, lo: int, hi: int, year: int | None = None) -> dt.date | None:
    """The date that opens the sentence (or the list heading) ending at hi: "Ngày 30/6/2025, …"; a news
    lead's day and month alone ("Ngày 10/11, Chính phủ ban hành Nghị định 293/2025/NĐ-CP …") take the
    ``year`` the citation's number gives, when it gives one."""
    last = None
    for opening in _OPENING_DATE.finditer(text, lo, hi):
        last = opening
    if last is None:
        return None
    if not last.group()[:1].isupper() and not _CLAUSE_BEFORE.search(
        text, max(0, last.start() - 4), last.start()
    ):
        return None  # "…, ngày 16/8/2018 Bộ X đã có Công văn số …": a clause may open with the date too
    try:
        tree = parser().parse(text[last.start() : hi], start="lead_date")
    except Exception:  # noqa: BLE001 - any parse failure means no opening date here
        return None
    value: Any = tree  # the transformer's ParsedDate, not a tree
    if value is None or value.day is None or value.month is None or (value.year or year) is None:
        return None
    # the parsed date must reach the body with only punctuation between
    m = _WHOLE_DATE.match(text, last.start(), hi) if value.year else _DAY_MONTH.match(text, last.start(), hi)
    if m is None or not _AFTER_DATE.match(text[m.end() : hi]):
        return None
    try:
        return dt.date(value.year or year or 0, value.month, value.day)
    except ValueError:
        return None


_WHOLE_DATE = re.compile(
    r"ngày\s*\d{1,2}\s*(?:[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|tháng\s*\d{1,2}\s*năm\s*\d{4})", re.I
)
_DAY_MONTH = re.compile(r"ngày\s*\d{1,2}\s*(?:[/.\-]\s*\d{1,2}|tháng\s*\d{1,2})(?![\d/.\-])", re.I)
_TOPIC_WORD = re.compile(r"[^\W\d_]+")


# a steering body's subject after its name, in lower case, up to "về" (no stop, bracket, number code or blank line)
_TOPIC_TO_TITLE = re.compile(
    rf"((?=[{LOWER}])[^.;:()/\n]*(?:\n(?![ \t]*\n)[^.;:()/\n]*){{0,3}}?)[\s*]+về[\s*]+"
)


# verbs that open a title however they stand ("ban hành …", "thông báo kết luận …")
_TITLE_VERBS = ("ban hành", "thông báo")


def _first_topic(run: str) -> str | None:
    """The subject of a steering body named without "về", up to the first "về" (the title's); None where the
    run itself opens with "về" (the subject is then the topic of a body named by it, read elsewhere) or a
    title verb stands in it."""
    words = run.split()
    if not words or words[0] == "về":
        return None
    if "về" in words:
        words = words[: words.index("về")]
    subject = " ".join(words)
    if any(f" {v} " in f" {subject} " for v in _TITLE_VERBS):
        return None
    return subject


_ABOUT = re.compile(r"[\s*]+về[\s*]+", re.I)
_TOPIC_RUN = re.compile(r"[^.;:?!()\[\]\n]{1,200}")


def _topic_after_name(text: str, name_end: int, name: str) -> str | None:
    """ "… năm 2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, …, chuyển đổi số cho các bộ …": the topic
    a steering body is named by, after its name, up to a word that resumes the sentence or opens a title."""
    if not issuers.named_by_topic(name) or " về " in f" {name} ":
        return None  # no steering body, or one whose topic is named already
    m = _ABOUT.match(text, name_end)
    run = _TOPIC_RUN.match(text, m.end()) if m is not None else None
    if run is None:
        return None
    roles = vocab.issuer_words()
    words: list[str] = []
    for w in run.group().split():
        bare = w.strip(",*")
        if (roles.get(bare) in ("clause", "title") and bare != "và") or bare in ("về", "năm", "ngày"):
            break  # "… chuyển đổi số cho các bộ …", "… chuyển đổi số quy định …": the sentence resumes
        words.append(w)
    topic = " ".join(words).strip(" ,*")
    return topic or None


def _unopened_close(s: str) -> int | None:
    """Where a ")" closes a bracket opened before ``s`` began."""
    depth = 0
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return None


def _split_topic(title: str) -> tuple[str, str | None]:
    """ "phát triển khoa học … chuyển đổi số thông báo kết luận …" -> the topic, and the title after it."""
    roles = vocab.issuer_words()
    type_words = type_word_regex()
    if ":" in title:
        # "… về phát triển khoa học, …, chuyển đổi số: Người dân …": a colon closes the body's name
        title = title[: title.index(":")]
    close = _unopened_close(title)
    if close is not None:
        # the citation stood in brackets ("(Kèm theo Quyết định số … của Trưởng Ban Chỉ đạo … về Du lịch)"):
        # the bracket closes the body's name with it
        title = title[:close].rstrip(" *_")
    for i, m in enumerate(_TOPIC_WORD.finditer(title)):
        starts = roles.get(m.group()) == "title" or title.startswith(_TITLE_VERBS, m.start())
        if i == 0:
            if starts:
                return "", title  # "… Ban Chỉ đạo Trung ương về thông báo kết luận …": "về" opens the title
            continue
        if m.group() == "về":  # the body's name took the first "về"; a second one opens the title
            return title[: m.start()].strip(" ,"), title[m.end() :].strip() or None
        if starts or type_words.match(title, m.start()):
            return title[: m.start()].strip(" ,"), title[m.start() :].strip() or None
    return title, None


@functools.cache
def _acts_after() -> re.Pattern[str]:
    heads = _alts(vocab.issuer_phrases("head"))
    acts = _alts(vocab.issuer_phrases("acts"))
    # (auxiliaries may stand before the act: "Thủ tướng có quyết định …", "Bộ Tài chính đã yêu cầu …",
    # "Chính phủ cũng đã thông qua …"; a portal's year after the number: "Trong Công văn 7724/BYT-QLD năm
    # 2025, Bộ Y tế chỉ đạo …", or a bare year and no comma: "Tại Công điện 213/CĐ-TTg 2025 Thủ tướng Chính phủ
    # yêu cầu …"; two bodies acting together: "Theo Kết luận X, Bộ Chính trị, Ban Bí thư giao …", or a name with
    # a comma of its own: "Bộ Văn hóa, Thể thao và Du lịch giao …"; "thì" for the comma: "tại Kết luận X năm 2025
    # thì Bộ Chính trị đã giao …"; or nothing: "Theo Nghị quyết 245/2025/QH15 Quốc hội yêu cầu …")
    return re.compile(
        rf"(?:(?:[\s*]+năm[\s*]+(?:19|20)\d\d)?(?:[\s*]*,|[\s*]+thì(?![^\W\d_]))|[\s*]+(?:19|20)\d\d[\s*]*,?|(?=[ \t*]+[{UPPER}]))[\s*]*((?:{heads})(?:\s+[^\W\d_]+){{0,8}}?(?:,\s*[{UPPER}][^\W\d_]*(?:\s+[^\W\d_]+){{0,8}}?)?)\s+(?:(?:cũng|đã|có|sẽ|trân\s+trọng|cơ\s+bản)\s+){{0,2}}(?:nội\s+dung\s+)?(?:{acts})(?![^\W\d_])"
    )


@functools.cache
def _year_then_head() -> re.Pattern[str]:
    heads = _alts(vocab.issuer_phrases("head"))
    return re.compile(
        rf"[\s*]*,?[\s*]*năm[\s*]+(?:19|20)\d\d[\s*]+(?:của[\s*]+)?(?=(?:{heads})(?![^\W\d_]))", re.I
    )


_DESCRIPTION_END = re.compile(r"[.;:!?]|\n[ \t]*\n")
BRACKET_REACH = 300  # characters before the bracket that may hold "<type> của <body> về …"
_OPEN_BEFORE = re.compile(r"\([\s*]*$")


# "sau khi nghe Đảng ủy Chính phủ báo cáo về … (Tờ trình số 08-TTr/ĐU …)": the body heard presents the paper
_HEARD = re.compile(r"(?<![^\W\d_])nghe[\s*]+(?=[^\W\d_])")
_PRESENTS = re.compile(r"(?<![^\W\d_])(?:báo[\s*]+cáo|trình[\s*]+bày|trình)(?![^\W\d_])")
HEARD_REACH = 450  # characters from "nghe" to the bracket: the report's subject may be long


def _heard_before_bracket(text: str, paren: int) -> str | None:
    heard = None
    for m in _HEARD.finditer(text, max(0, paren - HEARD_REACH), paren):
        heard = m  # the last "nghe" before the bracket
    if heard is None or not text[heard.end()].isupper():
        return None
    verb = _PRESENTS.search(text, heard.end(), paren)
    if verb is None or _DESCRIPTION_END.search(text, heard.end(), paren):
        return None
    return _whole_name(text, heard.end(), verb.start(), most=10)


_ISSUES_IN = re.compile(r"(?<![^\W\d_])(?:(?:đã|vừa)[\s*]+)?ban[\s*]+hành(?![^\W\d_])")
# where the sentence before a bracket opens: a line, a sentence's end, or a date and its comma
_SENTENCE_OPENS = re.compile(r"(?:^|\n|[.!?][ \t]+)(?:[\s*]*(?:ngày|hôm)\s+[\d/.\s]{3,12},)?[\s*]*")


def _issuing_subject_before_bracket(text: str, paren: int, f: Found) -> str | None:
    """ "Bộ Xây dựng ban hành VBHN Nghị định … (Văn bản 19/VBHN-BXD năm 2025)": the sentence's subject issued
    what the bracket numbers, when the number's own codes name it."""
    lo = max(0, paren - BRACKET_REACH)
    v = _ISSUES_IN.search(text, lo, paren)
    if v is None or _DESCRIPTION_END.search(text, v.end(), paren):
        return None
    opening = max(_SENTENCE_OPENS.finditer(text, lo, v.start()), key=lambda m: m.start(), default=None)
    if opening is None:
        return None  # (the last opening before the verb is the sentence's)
    subject = _heads().match(text, opening.end())
    name = _whole_name(text, opening.end(), v.start(), most=10) if subject is not None else None
    return name if name is not None and _agrees(name, f) else None


_OPEN_AT_BEFORE = re.compile(r"\([\s*]*tại[\s*]+$")


@functools.cache
def _proposed_by() -> re.Pattern[str]:
    heads = _alts(vocab.issuer_phrases("head"))
    return re.compile(
        rf"(?<![^\W\d_])do[\s*]+((?:{heads})(?:[\s*]+[^\W\d_]+){{0,8}}?)[\s*]+"
        r"(?:đề[\s*]+xuất|đề[\s*]+nghị|kiến[\s*]+nghị|trình)[\s*]*$"
    )


def _proposer_before_bracket(text: str, paren: int, f: Found) -> str | None:
    """ "08 chính sách do Bộ Tài chính đề xuất (tại Tờ trình 481/TTr-BTC …)": the body that proposed wrote
    the paper the bracket numbers, when the number's own codes name it."""
    m = _proposed_by().search(text, max(0, paren - 120), paren)
    if m is None:
        return None
    name = " ".join(m.group(1).split())
    return name if _agrees(name, f) else None


def body_before_bracket(text: str, f: Found) -> str | None:
    """ "Báo cáo của Ban Tổ chức Trung ương về … (Báo cáo số 45-BC/BTCTW)": the number in brackets restates
    the document described before it, whose body is named there."""
    paren = _OPEN_BEFORE.search(text, max(0, f.start - 4), f.start)
    if paren is None:
        at = _OPEN_AT_BEFORE.search(text, max(0, f.start - 10), f.start)
        return _proposer_before_bracket(text, at.start(), f) if at is not None else None
    lo = max(0, paren.start() - BRACKET_REACH)
    intro = None
    # the type, or a proposal the bracketed paper carries ("xem xét đề nghị của Bộ Y tế về … (Tờ trình số …)")
    for m in re.finditer(
        rf"(?<![^\W\d_])(?:{re.escape(f.doc_type)}|đề[\s*]+nghị|kiến[\s*]+nghị|đề[\s*]+xuất)[\s*]+của[\s*]+"
        r"(?=[^\W\d_])",
        text[lo : paren.start()],
        re.I,
    ):
        if m.group()[:1].isupper() or text[lo + m.end()].isupper():  # a proposal names a body, capitalised
            intro = m
    if intro is None:
        return _heard_before_bracket(text, paren.start()) or _issuing_subject_before_bracket(
            text, paren.start(), f
        )
    # a hard-wrapped line does not end the description; a sentence end or a blank line does
    if _DESCRIPTION_END.search(text, lo + intro.end(), paren.start()):
        return None
    words: list[tuple[int, int]] = []
    for w in _WORD.finditer(text, lo + intro.end(), paren.start()):
        if words and not _gap_ok(text, words[-1], (w.start(), w.end())):
            break
        if words and w.group().lower() == "về":
            break
        words.append((w.start(), w.end()))
    return issuers.cut(text, tuple(words)).name if words else None


# a date's day, month and year, as "25/10/2017" or "25 tháng 10 năm 2017" (groups 1-3 or 4-6)
DATE_NUMBERS = (
    r"(?:(\d{1,2})[ \t]*[/.\-][ \t]*(\d{1,2})[ \t]*[/.\-][ \t]*(\d{4})"
    r"|(\d{1,2})[\s*]+tháng[\s*]+(\d{1,2})[\s*]+năm[\s*]+(\d{4}))(?!\d)"
)


# "Hướng dẫn 38-HD/BTGDVTW năm 2025 ban hành ngày 20/11/2025": the date it was issued on, after its year
_OF_AFTER = re.compile(r"[\s*]*của[\s*]+(?=[^\W\d_])")
_ASIDE_THEN_OF = re.compile(
    r"[\s*]*\((?:[^()\n]|\n(?![ \t]*\n)){0,200}\)(?=[\s*]*của[\s*])"
)  # (wrapped, no blank line)


def _body_of_after(text: str, pos: int) -> str | None:
    """The capitalised body after "của" at pos, cut where a body's name ends."""
    m = _OF_AFTER.match(text, pos)
    if m is None or not text[m.end()].isupper():
        return None
    words = _name_words(text, m.end(), 120)
    return issuers.cut(text, words).name if words else None


# (after a portal's year: "Nghị quyết 27-NQ/TW năm 2018 được Ban Chấp hành Trung ương ban hành …")
_BY_OPENS = re.compile(r"[\s*,]*(?:năm[\s*]+(?:19|20)\d\d[\s*,]*)?(?:đã[\s*]+)?được[\s*]+(?=[A-ZĐÀ-Ỹ])")
_ISSUED_VERB = re.compile(r"[\s*]+(?:ký[\s*]+)?(?:ban[\s*]+hành|thông[\s*]+qua|ký)(?![^\W\d_])", re.I)
# the verb, then its date ("… thông qua ngày 27/06/2024")
_PASSIVE_VERB_DATE = re.compile(
    rf"(?:ban[\s*]+hành|thông[\s*]+qua|ký)[\s*]+(?:vào[\s*]+)?ngày[\s*]+{DATE_NUMBERS}", re.I
)
_TERM_SESSION_AFTER = re.compile(
    r"(?:[\s*,]+kh(?:óa|oá)[\s*]+[IVXL]+)?(?:[\s*,]+(?:tại[\s*]+)?kỳ[\s*]+họp[\s*]+(?:thứ[\s*]+)?\w+)?", re.I
)


# a quoted title ("Nghị quyết số 18-NQ/TW về “…” được Ban Chấp hành Trung ương … ban hành"), or the bracket that
# gives a named law's number ("Luật Đất đai năm 2024 (Luật số 31/2024/QH15) được Quốc hội … ban hành")
_QUOTED_AFTER = re.compile(r"[\s*]*(?:về[\s*]+)?(?:“[^”\n]{1,600}”|\"[^\"\n]{1,600}\")")
_CLOSING_AFTER = re.compile(r"[\s*]*\)")


def _past_title(text: str, f: Found) -> int:
    """Where a passive after the citation may start: past its quoted title, or the bracket it closes."""
    if (q := _QUOTED_AFTER.match(text, f.head_end)) is not None:
        return q.end()
    if "law_name" in f.flags and (c := _CLOSING_AFTER.match(text, f.head_end)) is not None:
        return c.end()
    return f.head_end


def _passive_agent(text: str, pos: int) -> tuple[str, int] | None:
    """ "… ngày 01/4/2025 được Chính phủ ban hành": the body the citation was issued by, named right after it
    (and its date), up to the issuing verb ((name, where it ends))."""
    m = _BY_OPENS.match(text, pos)
    if m is None:
        return None
    words = _name_words(text, m.end(), 100)
    if not words:
        return None
    cut = issuers.cut(text, words)
    if cut.name is None or cut.end is None:
        return None
    # (the assembly's term and session may stand before the verb: "được Quốc hội khóa XV tại Kỳ họp thứ 7
    # thông qua")
    at = _TERM_SESSION_AFTER.match(text, cut.end)
    if _ISSUED_VERB.match(text, at.end() if at else cut.end) is None:
        return None
    return _TERM_BEFORE_VERB.sub("", cut.name), cut.end  # the term is not part of the body's name


def passive_date(text: str, pos: int) -> dt.date | None:
    """ "… được Quốc hội … thông qua ngày 27/06/2024": the date after the passive's verb."""
    m = _BY_OPENS.match(text, pos)
    if m is None:
        return None
    v = _PASSIVE_VERB_DATE.search(text, m.end(), m.end() + 120)
    return date_of(v) if v is not None and "\n" not in text[m.end() : v.start()] else None


def _whole_name(text: str, lo: int, hi: int, most: int | None = 14) -> str | None:
    """The body's name that text[lo:hi] is from its first word to its last (at most ``most`` words, None: any
    number), or None where the stretch holds more than a name (a title, a clause) or nothing."""
    words = tuple((w.start(), w.end()) for w in _WORD.finditer(text, lo, hi))
    if not words or (most is not None and len(words) > most):
        return None
    cut = issuers.cut(text, words)
    return cut.name if cut.name and cut.end == words[-1][1] else None


def _name_words(text: str, start: int, reach: int) -> tuple[tuple[int, int], ...]:
    """The words from start that may make a body's name: up to 14, joined by spaces or emphasis only."""
    words: list[tuple[int, int]] = []
    for w in _WORD.finditer(text, start, min(len(text), start + reach)):
        if words and not _gap_ok(text, words[-1], (w.start(), w.end())):
            break
        words.append((w.start(), w.end()))
        if len(words) == 14:
            break
    return tuple(words)


_ISSUED_ON = re.compile(
    rf"[\s*,]*(?:năm[\s*]+(?:19|20)\d\d[\s*,]+)?(?:được[\s*]+)?ban[\s*]+hành[\s*]+ngày[\s*]+{DATE_NUMBERS}",
    re.I,
)


def date_of(m: re.Match[str], first: int = 1) -> dt.date | None:
    """The date a match of DATE_NUMBERS gives, its groups counted from ``first``; None if impossible."""
    g = m.groups()[first - 1 : first + 5]
    day, month, year = g[:3] if g[0] else g[3:]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


# "Nghị quyết số 21-NQ/TW (ngày 25/10/2017) về …": the date in brackets right after the number
_BRACKET_DATE = re.compile(rf"[ \t*]*\([\s*]*(?:ban[ \t]+hành[ \t]+)?ngày[\s*]+{DATE_NUMBERS}[\s*]*\)")


def bracket_date(text: str, f: Found) -> dt.date | None:
    m = _BRACKET_DATE.match(text, f.end)
    return date_of(m) if m is not None else None


def body_after_year(text: str, f: Found) -> tuple[str | None, str | None, int | None]:
    """ "Kế hoạch 92/KH-UBND năm 2025 UBND tỉnh Cà Mau": a body's name right after the year, "của" left out;
    with "của" any capitalised name ("Công văn 955/KBII-KTNN năm 2025 của Kho bạc Nhà nước Khu vực II").
    (name, Party term, where the name ends): "… năm 2022 của Ban Chấp hành Trung ương Đảng khóa XIII" names
    the term apart; a plenum ("… năm 2025 của Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng khoá XIII") its committee."""
    if (comma := _YEAR_COMMA.match(text, f.head_end)) is not None and (
        held := issuers.plenum_committee(text, comma.end())
    ) is not None:
        # "Nghị quyết 11-NQ/TW năm 2017, Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XII về …":
        # after a comma only a plenum names who issued it
        term = _TERM_AFTER.match(text, held[1])
        return held[0], term.group(1) if term else None, held[1]
    m = _year_then_head().match(text, f.head_end)
    if m is None or _heads().match(text, m.end()) is None:
        m = _YEAR_THEN_OF.match(text, f.head_end)
        if m is None or not text[m.end()].isupper():
            return None, None, None
    plenum = issuers.plenum_committee(text, m.end())
    if plenum is not None:
        term = _TERM_AFTER.match(text, plenum[1])
        return plenum[0], term.group(1) if term else None, plenum[1]
    words: list[tuple[int, int]] = []
    for w in _WORD.finditer(text, m.end(), min(len(text), m.end() + 120)):
        if words and not _gap_ok(text, words[-1], (w.start(), w.end())):
            break
        if words and w.group().lower() in ("về", "khóa", "khoá"):
            break  # the title starts, or the Party term
        words.append((w.start(), w.end()))
    if not words:
        return None, None, None
    cut = issuers.cut(text, tuple(words))
    if cut.name and cut.end is not None and (wide := issuers.comma_extended(text, cut.name, cut.end)):
        return wide[0], None, wide[1]  # "… năm 2025 của Trưởng Ban Chính sách, chiến lược Trung ương"
    term = _TERM_AFTER.match(text, cut.end) if cut.name and cut.end == words[-1][1] else None
    return cut.name, term.group(1) if term else None, cut.end


_YEAR_COMMA = re.compile(r"[\s*]*năm[\s*]+(?:19|20)\d\d[\s*]*,[\s*]*", re.I)
# (a date may stand between the year and "của": "Chỉ thị 11/CT-TTg năm 2025 ngày 21/4/2025 của Thủ tướng …")
# (in figures or in words: "… năm 2025 ngày 09 tháng 9 năm 2025 của Bộ Chính trị")
_DAY_AFTER_YEAR = (
    r"ngày[\s*]+\d{1,2}(?:[/.\-]\d{1,2}[/.\-]|[\s*]+tháng[\s*]+\d{1,2}[\s*]+năm[\s*]+)(?:19|20)\d\d"
)
# (a portal's year may lack "năm": "Quyết định 325/QĐ-UBND 2019 của UBND tỉnh")
_YEAR_THEN_OF = re.compile(
    rf"[\s*]*,?[\s*]*(?:năm[\s*]+)?(?:19|20)\d\d(?:[\s*]+|[\s*]*,[\s*]*(?={_DAY_AFTER_YEAR}))(?:{_DAY_AFTER_YEAR}[\s*,]+)?của[\s*]+(?=[^\W\d_])",
    re.I,
)
# (a comma may stand after the year: "Nghị quyết 57-NQ/TW năm 2024, ngày 22/12/2024 của Bộ Chính trị")
_YEAR_THEN_DATE = re.compile(rf"[\s*]*,?[\s*]*năm[\s*]+((?:19|20)\d\d)[\s*,]+({_DAY_AFTER_YEAR})(?!\d)", re.I)


def _date_after_year(text: str, f: Found) -> dt.date | None:
    """ "Chỉ thị 11/CT-TTg năm 2025 ngày 21/4/2025": a portal's year, then the date, which agrees with it."""
    m = _YEAR_THEN_DATE.match(text, f.head_end)
    if m is None:
        return None
    d = _parse_date(m.group(2))
    return d if d is not None and d.year == int(m.group(1)) else None


_TERM_AFTER = re.compile(r"[\s*]+kh(?:óa|oá)[\s*]+([IVXL]+)(?![^\W\d_])")


LINE_REACH = 600  # the longest listing line read for its closing "do <body> ban hành"
_LINE_OPEN = re.compile(r"[ \t*#|\-–+•\d.)]*$")


@functools.cache
def _issued_by_at_end() -> re.Pattern[str]:
    heads = _alts(vocab.issuer_phrases("head"))
    return re.compile(
        rf"(?<![^\W\d_])do[\s*]+((?:{heads})(?![^\W\d_])[^\n.;:()]{{0,100}}?)(?:[\s*]+ban\s+hành)?[\s*]*$"
    )


def body_ending_line(text: str, f: Found) -> str | None:
    """ "Kết luận 170-KL/TW năm 2025 rà soát … do Ban Chấp hành Trung ương": a listing line (a portal's
    related documents) that opens with the citation names its body at the end, after "do"."""
    ls = text.rfind("\n", max(0, f.start - 40), f.start) + 1
    if (ls == 0 and f.start > 40) or not _LINE_OPEN.match(text, ls, f.start):
        return None
    le = text.find("\n", f.head_end, f.head_end + LINE_REACH)
    if le == -1:
        return None
    m = _issued_by_at_end().search(text, f.head_end, le)
    if m is None:
        return None
    return _whole_name(text, m.start(1), m.end(1), most=None)


@functools.cache
def _of_body_at_end() -> re.Pattern[str]:
    heads = _alts(vocab.issuer_phrases("head"))
    # (a question's tail may close the headline: "… của Bộ Chính trị ra sao?")
    return re.compile(
        rf"(?<![^\W\d_])của[\s*]+((?:{heads})(?![^\W\d_])[^\n.;:()?!]{{0,60}}?)"
        r"(?:[\s*]+(?:ra\s+sao|(?:như\s+)?thế\s+nào|là\s+gì))?[\s*]*$"
    )


# "… 71-NQ/TW về đột phá …": the title opens right after the number (its year aside)
# (a portal's bare year, and the genre of a notice, may stand between: "Thông báo 81-TB/TW 2025 Kết luận về …")
_ABOUT_AFTER = re.compile(r"(?:[\s*]+(?:năm[\s*]+)?\d{4})?(?:[\s*]+[Kk]ết[\s*]+luận)?[\s*]+về[\s*]+", re.I)
_ABOUT_ENDS = re.compile(r"(?<![^\W\d_])về[\s*]*$", re.I)
_TITLE_END = re.compile(r"[?!.;:(\n]|$")
_NUMBER_CODE = re.compile(r"\d+[/-]\w")
TITLE_REACH = 200  # the longest title whose closing body is read


def body_ending_title(text: str, f: Found) -> str | None:
    """ "Toàn văn Nghị quyết 71-NQ/TW về đột phá phát triển giáo dục và đào tạo của Bộ Chính trị?": a headline's
    citation whose title closes with "của <body>", a body that issues under the number's own codes."""
    m = _ABOUT_AFTER.match(text, f.end)
    if m is not None:
        lo = m.end()
    elif f.title_start is not None and _ABOUT_ENDS.search(text, max(0, f.title_start - 8), f.title_start):
        lo = f.title_start  # after its date: "Công điện 03/CĐ-TTg ngày 15/01/2025 về …"
    else:
        return None
    end = _TITLE_END.search(text, lo, lo + TITLE_REACH)
    if end is None or _NUMBER_CODE.search(text, lo, end.start()):
        return None  # no end in reach, or another citation inside the title, whose body it may be
    b = _of_body_at_end().search(text, lo, end.start())
    if b is None:
        return None
    name = _whole_name(text, b.start(1), b.end(1), most=None)
    return name if name is not None and _agrees(name, f) else None


# "… do Chính phủ ban hành", "… do thành phố Cần Thơ ban hành": the body that issued it, closing its title
_ISSUED_BY = re.compile(r"(?<![^\W\d_])do[\s*]+([^\W\d_][^\n.;:()?!]{1,80}?)[\s*]+ban[\s*]+hành(?![^\W\d_])")


def _names_a_place(name: str) -> bool:
    """ "tỉnh Hà Tĩnh", "thành phố Cần Thơ", "TP. Huế": a level word (vocab/levels.tsv) and a capitalised place."""
    words = name.split()
    return any(
        len(words) > n and fold(" ".join(words[:n])) in vocab.levels() and words[n][:1].isupper()
        for n in (2, 1)
    )


def body_issuing_title(text: str, f: Found) -> str | None:
    """ "Nghị quyết 389/NQ-CP năm 2025 bổ sung danh sách … do Chính phủ ban hành", "Kế hoạch 16/KH-UBND năm
    2025 về việc tuyển chọn … do thành phố Cần Thơ ban hành": a title closed by the body that issued it, a
    body of the number's own codes (a place, under a local code, stands for its committee or council)."""
    if f.subject is not None:
        return None  # named in another's title: the body closing the line is the outer document's
    lo = f.head_end
    end = _TITLE_END.search(text, lo, lo + TITLE_REACH)
    hi = end.start() if end is not None else lo + TITLE_REACH
    by = _ISSUED_BY.search(text, lo, hi)
    if by is None or _NUMBER_CODE.search(text, lo, by.start()):
        return None  # another citation inside the title may be whose body it names
    if _names_a_place(by.group(1)) and f.issuer_code and vocab.is_local(f.issuer_code.split("-")[0]):
        # a place standing for its People's Committee or Council ("do tỉnh Hà Tĩnh ban hành", a local code)
        return " ".join(by.group(1).split())
    name = _whole_name(text, by.start(1), by.end(1))
    return name if name is not None and _agrees(name, f, placed=True) else None


# "Trong Công văn X, Bộ Y tế chỉ đạo …"; a part of it: "Tại Mục 5 Kết luận X, Bộ Chính trị có kết luận …"
_AT_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:tại|trong)(?:[\s*]+(?:(?:tiểu[\s*]+)?mục|điều|khoản|điểm|phần)[\s*]+[\w.]{1,6})*[\s*]*$",
    re.I,
)


SUBJECT_REACH = 400  # characters from the subject opening a sentence to a citation late in it
# the end of a sentence between a subject and a citation (a dot before a space and a capital, or a blank line)
# (a reference list's entries: "… (PDF). Bộ Chính trị.**^**"Quyết định …")
_SENTENCE_ENDS = re.compile(rf"[.!?;][*^\"”’)\]]*(?:[ \t*]*\n|[ \t*^\"“]+(?=[{UPPER}]))|\n[ \t*]*\n")


def subject_by_code(text: str, f: Found) -> tuple[str, int] | None:
    """ "Ngày 15/12/2024, Bộ Nội vụ trả lời kiến nghị … theo Nghị định 29 … trong Công văn 8157/BNV-TCBC.",
    "Tổng cục Thuế hướng dẫn … tại Công văn 5678/TCT-CS": the body whose name opens the sentence, when the
    number's own code names that body ((name, where it starts)). Words of any kind may stand between: the
    code agreeing is what ties the two."""
    if not f.issuer_code:
        return None
    lo = max(0, f.start - SUBJECT_REACH)
    for h in _heads().finditer(text, lo, f.start):
        if _LEAD_OPENING.search(text, max(0, h.start() - 40), h.start()) is None:
            continue
        if _SENTENCE_ENDS.search(text, h.start(), f.start + 1) is not None:
            continue  # a later sentence's subject may follow (the capital that opens one may be f's own)
        words = tuple(
            (m.start(), m.end()) for m in _WORD.finditer(text, h.start(), min(f.start, h.start() + 200))
        )
        cut = issuers.cut(text, words[:14]) if words else None
        if cut is not None and cut.name and _agrees(cut.name, f, placed=True):
            return vocab.short_names().get(cut.name, cut.name), h.start()
        return None  # the sentence's first body is not the number's: no other is looked for
    return None


def body_after(text: str, f: Found) -> str | None:
    """ "Tại Quyết định số 318/QĐ-TTg, Thủ tướng giao …": the body that acts in the cited document. After
    "Theo" only a body the number's code agrees with ("Theo Nghị quyết số 1404/NQ-UBTVQH15, Ủy ban Thường
    vụ Quốc hội phê chuẩn …"): "Theo Quyết định X, Bộ Tài chính giao …" may tell what a body does under X."""
    at = _AT_BEFORE.search(text, max(0, f.start - 40), f.start)
    theo = _THEO_BEFORE.search(text, max(0, f.start - 40), f.start) if at is None else None
    # ("Tại Mục 5 Kết luận X, Bộ Chính trị …": after a part of it, as after "Theo", only a body its code
    # agrees with: "… quy định tại điểm h khoản 2 Điều 12 Luật X, Thủ tướng Chính phủ quyết định …" is
    # the law's rule, the Prime Minister acting under it)
    by = theo is not None or (at is not None and len(at.group().split()) > 1)
    # ("Theo nội dung Công văn 309-CV/ĐU …, Đảng ủy Chính phủ yêu cầu …": the body stating what the letter
    # says wrote it, under a local code that names no place; after a bare "Theo" it may be any body of that
    # level acting under another's plan: "Theo Kế hoạch 15/KH-UBND năm 2024, Ủy ban nhân dân tỉnh giao …")
    placed = theo is not None and len(theo.group().split()) > 1
    if at is None and not by:
        return None
    m = _acts_after().match(text, f.head_end)
    if m is None:
        return None
    words = tuple((w.start(), w.end()) for w in _WORD.finditer(text, m.start(1), m.end(1)))
    lo, hi = issuers.person_at(text, words)  # "Tại Quyết định X, Thủ tướng Chính phủ <name> phê duyệt …"
    name = (
        " ".join(text[words[lo][0] : words[hi - 1][1]].split()) if hi > lo else " ".join(m.group(1).split())
    )
    name = vocab.short_names().get(name, name)
    if _other_than_central(name, f):
        return None  # "… tại Nghị định 123/2020/NĐ-CP, Cục Thuế đề nghị …": another body, acting on its own
    return name if not by or _agrees(name, f, placed=placed) else None


# ("Theo nội dung Công văn X, …", "Căn cứ theo Mục 3 Công văn X, …": a part of it, or what it says; "Từ Kết
# luận X, Bộ Chính trị nêu …": what a body sets out from it)
_THEO_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:theo|từ)(?:[\s*]+(?:nội[\s*]+dung|(?:(?:tiểu[\s*]+)?mục|điều|khoản|điểm|phần)[\s*]+[\w.]{1,6}))*"
    r"[\s*]*$",
    re.I,
)


# A reference list entry (footnotes, "Chú thích"): ‹author (date).› "‹title›". ‹source›. ‹date›. ‹archived
# / accessed dates›. The cited document's date is the entry's own date, never an access or archive date.
_QUOTE_OPEN = re.compile(r"[\"“][\s*]*$")
_ENTRY_DATE = re.compile(r"(?<![^\W\d_])ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)
_NOT_ISSUE = re.compile(r"(?:truy\s+cập|lưu\s+trữ|bản\s+gốc)[\s\w]{0,12}$", re.I)
_AUTHOR_DATE = re.compile(r"([^\n^*\"“”.]{2,80}?)\s*\((ngày\s+[^()]{6,30})\)\.\s*$", re.I)


def _parse_date(s: str) -> dt.date | None:
    try:
        v: Any = parser().parse(s, start="lead_date")  # the transformer's ParsedDate
        return dt.date(v.year, v.month, v.day) if v and v.day and v.month and v.year else None
    except Exception:  # noqa: BLE001 - not a date
        return None


def entry_date(text: str, f: Found) -> tuple[dt.date | None, str | None]:
    """(date, author) of a reference entry whose quoted title starts with the citation."""
    if not _QUOTE_OPEN.search(text, max(0, f.start - 4), f.start):
        return None, None
    q = text.rfind('"', max(0, f.start - 4), f.start)
    q = q if q != -1 else text.rfind("“", max(0, f.start - 4), f.start)
    close = re.compile(r"[\"”]").search(text, f.start, f.start + 600)
    if close is None or "\n" in text[f.start : close.start()]:
        return None, None
    stop = text.find("^", close.end(), close.end() + 300)
    hi = stop if stop != -1 else min(len(text), close.end() + 300)
    nl = text.find("\n", close.end(), hi)
    hi = nl if nl != -1 else hi
    for m in _ENTRY_DATE.finditer(text, close.end(), hi):
        if not _NOT_ISSUE.search(text, max(close.end(), m.start() - 30), m.start()):
            return _parse_date(m.group()), None
        break  # the first date after the title is an access or archive date: the entry has none of its own
    a = _AUTHOR_DATE.search(text, max(0, q - 120), q)
    if a is not None:
        return _parse_date(a.group(2)), " ".join(a.group(1).split()).strip("*^ ")
    return None, None


def fill(text: str, found: list[Found]) -> None:
    """Give citations without an issuer or a date the ones their sentence names before them."""
    prev_end = 0
    bracketed: Found | None = None  # the last citation whose body was named before its bracket
    for f in found:
        if (
            f.issuer
            and f.title
            and issuers.named_by_topic(f.issuer)
            and text[: f.title_start].rstrip().endswith("về")
        ):
            # the topic belongs to the body's name; the document's own title, if any, starts at its verb
            topic, rest = _split_topic(f.title)
            if topic:
                f.issuer, f.title = f"{f.issuer} về {topic}", rest
                f.why.append("issuer: a body named by its topic")
        elif (
            f.issuer
            and f.title_start is not None
            and issuers.ends_with_topic_body(f.issuer)
            and (m := _TOPIC_TO_TITLE.match(text, f.title_start)) is not None
            and (subject := _first_topic(m.group(1)))
        ):
            # "… của Ban Chỉ đạo phát triển khoa học, công nghệ, …, chuyển đổi số và Đề án 06 về Kế hoạch …":
            # the body's subject, over commas and wrapped lines, runs to the "về" that opens the title
            f.issuer = f"{f.issuer} {subject}"
            if f.title and f.title.startswith(subject):
                f.title = f.title[len(subject) :].strip().removeprefix("về").strip() or None
            f.why.append("issuer: a body named by its subject, up to the title")
            if len(subject.split()) <= 2 and f.title:
                # "Trưởng ban Chỉ đạo quốc gia về phát triển ngành công nghiệp bán dẫn ban hành …": the words were
                # the body's level, and its topic follows "về" up to the title's verb
                topic, rest = _split_topic(f.title)
                if topic and (rest or _unopened_close(f.title) is not None):  # a title, or a closing bracket
                    f.issuer, f.title = f"{f.issuer} về {topic}", rest
                    f.why.append("issuer: a body named by its topic")
        if f.first_in_group and (f.issuer is None or (f.date is None and f.date_text is None)):
            if f.date is None and f.date_text is None:
                d, author = entry_date(text, f)
                if d is not None:
                    f.date = d
                    f.why.append("date: its reference entry")
                    if author and f.issuer is None and _heads().match(author):
                        f.issuer = author
                        f.why.append("issuer: its reference entry's author")
            if f.date is None and f.date_text is None and (d := bracket_date(text, f)) is not None:
                f.date = d
                f.why.append("date: in brackets right after it")
            if (
                f.date is None
                and f.date_text is None
                and (m := _ISSUED_ON.match(text, f.head_end)) is not None
            ):
                f.date = date_of(m)
                f.why.append("date: 'ban hành ngày' after it")
                if f.issuer is None and (named := _body_of_after(text, m.end())) is not None:
                    f.issuer = named  # "Nghị định số X được ban hành ngày 30/6/2020 của Chính phủ quy định …"
                    f.why.append("issuer: 'của' after the date it was issued on")
            if (
                f.issuer is None
                and (by := _passive_agent(text, passive_at := _past_title(text, f))) is not None
            ):
                f.issuer = by[0]  # "Nghị quyết số 71/NQ-CP ngày 01/4/2025 được Chính phủ ban hành …"
                f.why.append("issuer: the body it was issued by ('được <body> ban hành')")
                if (
                    f.term is None
                    and f.family == "party"
                    and (committee_term := _TERM_AFTER.match(text, by[1]))
                ):
                    f.term = committee_term.group(1)  # "… được Ban Chấp hành Trung ương khóa XIII ban hành …"
                    f.why.append("term: the committee's, after it")
                if (
                    f.date is None
                    and f.date_text is None
                    and (d := passive_date(text, passive_at)) is not None
                ):
                    f.date = d
                    f.why.append("date: after the verb it was issued by ('… thông qua ngày …')")
            if f.issuer is None and (aside := _ASIDE_THEN_OF.match(text, f.head_end)) is not None:
                named = _body_of_after(text, aside.end())
                if named is not None:
                    # "Nghị định số 03/2017/NĐ-CP (đã được sửa đổi, bổ sung tại Nghị định số …) của Chính phủ về …"
                    f.issuer = named
                    f.why.append("issuer: 'của' after the bracket that follows it")
            if f.issuer is None and (named := body_before_bracket(text, f)) is not None:
                f.issuer = named
                f.why.append(
                    "issuer: named before the bracket that gives its number (with its type, or as who presents it)"
                )
                bracketed = f
            elif (
                f.issuer is None
                and bracketed is not None
                and bracketed.issuer
                and f.issuer_code
                and f.issuer_code == bracketed.issuer_code
                and ")" not in text[bracketed.start : f.start]
            ):
                # "đề nghị của Ban Tổ chức Trung ương (Tờ trình số 224-TTr/BTCTW, … và Báo cáo số 60-BC/BTCTW, …)":
                # the body before the bracket presents every paper in it under its code
                f.issuer = bracketed.issuer
                f.why.append(f"issuer: in the same bracket as {bracketed.key}, under the same code")
            if f.date is None and f.date_text is None and (d := _date_after_year(text, f)) is not None:
                f.date = d
                f.why.append("date: after its year ('… năm 2025 ngày 21/4/2025 của …')")
            if f.issuer is None and (named_term := body_after_year(text, f))[0] is not None:
                after_year, term, name_end = named_term
                f.issuer = after_year
                f.why.append("issuer: named after its year")
                if (
                    after_year
                    and name_end is not None
                    and (named_topic := _topic_after_name(text, name_end, after_year)) is not None
                ):
                    f.issuer = f"{after_year} về {named_topic}"
                    f.why.append("issuer: a body named by its topic")
                if term and f.term is None:
                    f.term = term
            if f.issuer is None and (named := body_ending_line(text, f)) is not None:
                f.issuer = named
                f.why.append("issuer: 'do <body>' closes the listing line it opens")
            if f.issuer is None and (named := body_issuing_title(text, f)) is not None:
                f.issuer = named
                f.why.append("issuer: 'do <body> ban hành' closes its title")
            if f.issuer is None and (named := body_ending_title(text, f)) is not None:
                f.issuer = named
                f.why.append("issuer: 'của <body>' closes its title, a body of its own codes")
            if (
                f.date is None
                and f.date_text is None
                and (tai := _AT_OPENING.search(text, max(0, f.start - 20), f.start))
            ):
                d = date_before(text, max(prev_end, f.start - DATE_REACH), tai.start())
                if d is not None:
                    f.date = d
                    f.why.append("date: opens its sentence, 'tại' before it")
            lo = max(prev_end, f.start - REACH)
            body = body_before(text, lo, f.start, lead_lo=max(0, f.start - REACH))
            if body is None and f.issuer is None:
                after = body_after(text, f)
                if after is not None:
                    f.issuer = after
                    f.why.append("issuer: acts in it, named after it")
            if body is not None:
                name, at, needs_date, rule = body
                # (a subject that holds an earlier citation, "Ban Chỉ đạo … Nghị quyết 18-NQ/TW …", opens the
                # sentence before it: its date is looked for before the subject)
                d = date_before(text, max(prev_end if at >= prev_end else 0, at - DATE_REACH), at, f.year)
                after_when = needs_date and _AFTER_WHEN.search(text, max(0, at - 16), at) is not None
                # (a date of its own after the number dates the act as well: "Bộ X có công văn số N ngày …")
                # (or a body whose own code the number carries: "Chính phủ ban hành Nghị định 66/2025/NĐ-CP …")
                # (or a subject that opens its sentence: "Ủy ban Trung ương Hội … ban hành Hướng dẫn 02-HD/TWH")
                # (a name read whole by its case, not a lead's subject read up to its verb)
                # (when the number's code names no body the name could be checked against)
                opens = (
                    rule == "named before it"
                    and not vocab.code_bodies().get((f.issuer_code or "").split("-")[0])
                    and _LEAD_OPENING.search(text, max(0, at - 40), at) is not None
                )
                if (
                    needs_date
                    and d is None
                    and not after_when
                    and f.date is None
                    and not _agrees(name, f)
                    and not opens
                ):
                    prev_end = max(prev_end, f.extent_end or f.end)
                    continue
                _reported_issue(text, f, at, needs_date and not after_when)
                at_end = _AT_END.search(text, at, f.start)
                if f.issuer is None and at_end is not None and _contradicts(name, f):
                    # "nhiệm vụ của Bộ Quốc phòng tại Nghị quyết 124/NQ-CP", "Bộ đã báo cáo Chính phủ tại công văn
                    # số 6001/BKHCN-…": a body whose tasks, or who is told, stand in another body's document
                    word = at_end.group().split()[0]
                    f.why.append(f"issuer: {name!r} before {word!r} is not who issues under its number")
                    if (agent := _submitter(text, lo, at, f)) is not None:
                        # "… đã được Chính phủ trình Quốc hội tại Tờ trình số …/TTr-CP": who hands it over does
                        f.issuer = agent
                        f.why.append(f"issuer: the body that submits it to the one named before {word!r}")
                elif f.issuer is None and at_end is not None and _other_than_types_body(name, f):
                    # "nhiệm vụ của Thủ tướng Chính phủ trong Luật Tổ chức Chính phủ": a law is the assembly's
                    f.why.append(f"issuer: {name!r} does not issue a {f.doc_type}")
                elif f.issuer is None and name:
                    if (behalf := _ON_BEHALF.search(text, max(lo, at - BEHALF_REACH), at)) is not None:
                        # "thay mặt Bộ Chính trị, Ban Bí thư, đồng chí …, Thường trực Ban Bí thư đã ký ban hành":
                        # the signer's posts name no issuer; the bodies signed for do
                        name = " ".join(behalf.group(1).split())
                        if d is None:  # "Ngày 25/5/2025, thay mặt Ban Bí thư, …": the date before the bodies
                            d = date_before(text, max(0, behalf.start() - DATE_REACH), behalf.start())
                    f.issuer, f.issuer_before = name, True
                    f.why.append(f"issuer: {rule}")
                if f.date is None and f.date_text is None and d is not None:
                    f.date = d
                    f.why.append("date: opens its sentence")
            if f.issuer is None and (opener := subject_by_code(text, f)) is not None:
                f.issuer, at = opener
                f.why.append("issuer: opens its sentence, a body its number's code names")
                if (
                    f.date is None
                    and f.date_text is None
                    # (the date is the act's on the sentence's first numbered document: "Ngày 03/6/2023, Chính
                    # phủ đã ban hành Nghị định 29/2023/NĐ-CP … thay thế Nghị định 108/2014/NĐ-CP …")
                    and not any(g.key and at <= g.start < f.start for g in found)
                    and (d := date_before(text, max(0, at - 40), at)) is not None
                ):
                    f.date = d
                    f.why.append("date: opens its sentence")
        elif f.issuer is None and not f.first_in_group and (named_term := body_after_year(text, f))[0]:
            # "Văn bản 6721/VPCP-V.I năm 2025 và số 7514/VPCP-V.I năm 2025 của Văn phòng Chính phủ": the list's
            # last item, its year, then the body (shared with the items before it under the same code)
            f.issuer = named_term[0]
            f.why.append("issuer: named after its year")
        if f.issuer and (held := issuers.plenum_body(text, f.end, f.issuer)) is not None:
            f.issuer = held
            f.why.append("issuer: the committee that held the plenum named")
            end = issuers.committee_end(text, f.end) if f.term is None else None
            if end is not None and (term_at := _TERM_AFTER.match(text, end)) is not None:
                f.term = term_at.group(1)  # "… Ban Chấp hành Trung ương Đảng khóa XIII"
                f.why.append("term: of the committee that held the plenum")
        prev_end = max(prev_end, f.extent_end or f.end)
    _share_issuer(text, found)
    _heading_issuer(text, found)
    _counted_list_issuer(text, found)
    for f in found:
        if f.issuer is None and f.first_in_group and (f.date or f.date_text):
            named = body_after_date(text, f)
            if named is not None:
                f.issuer = named
                f.why.append("issuer: named right after its date, without 'của'")
        if f.issuer is not None:
            _finish_issuer(text, f)


_GAP_AFTER_DATE = re.compile(r"[ \t\n*]*")
_BARE_MINISTRY = {"bo": "", "bo truong": "Bộ trưởng ", "bo truong bo": "Bộ trưởng "}


_AT_END = re.compile(r"(?<![^\W\d_])(?:tại|trong)(?:[\s*]+các)?[\s*]*$")


# the verb by which a body hands a paper to the body named next ("Chính phủ trình Quốc hội tại Tờ trình …")
_HANDS_TO = re.compile(r"(?<![^\W\d_])(?:trình|báo[\s*]+cáo|gửi)[\s*]+$", re.I)


def _submitter(text: str, lo: int, at: int, f: Found) -> str | None:
    """The body right before the verb that hands the paper to the body at ``at``, when the number's own
    codes name it."""
    v = _HANDS_TO.search(text, max(lo, at - 16), at)
    if v is None:
        return None
    for h in _heads().finditer(text, lo, v.start()):
        name = _whole_name(text, h.start(), v.start())
        if name is not None and _agrees(name, f):
            return name
    return None


def _other_than_types_body(name: str, f: Found) -> bool:
    """The citation's type is one only one body issues (a law: the National Assembly), and the name is not it."""
    only = vocab.type_issuers().get(f.doc_type or "")
    return only is not None and fold(only) not in fold(name)


def _contradicts(name: str, f: Found) -> bool:
    """The number's issuer code names a central body, and the name is another body that issues under codes
    of its own: the name is not this document's issuer."""
    if not _other_than_central(name, f):
        return False
    code = (f.issuer_code or "").split("-")[0]
    return any(c != code for c in _codes_of_named(fold(name)))


def _other_than_central(name: str, f: Found) -> bool:
    """The number's code names a central body (or the bodies an office serves) and the name is none of them.
    (An office's letter carries the direction of the body it serves: "… của Bộ Chính trị tại Công văn số
    …-CV/VPTW", "… của Thủ tướng Chính phủ tại Công văn số …/VPCP-…".)"""
    code = (f.issuer_code or "").split("-")[0]
    bodies = vocab.code_bodies()
    if not bodies.get(code) or vocab.is_local(f.issuer_code) or _agrees(name, f):
        return False
    folded = fold(name)
    return not any(
        _names_body(folded, b) for c in vocab.served_codes().get(code, ()) for b in bodies.get(c, ())
    )


def _codes_of_named(folded: str) -> frozenset[str]:
    """The issuer codes a folded name issues under, itself or after a post of it ("bo truong bo y te"): looked
    up by its word suffixes, not by walking every code's bodies (asked for every body before "tại")."""
    words = folded.split()
    out: set[str] = set()
    for k in range(len(words)):
        codes = _body_codes().get(" ".join(words[k:]))
        if codes and (k == 0 or issuers.is_position(" ".join(words[:k]))):
            out |= codes
    return frozenset(out)


@functools.cache
def _body_codes() -> dict[str, frozenset[str]]:
    """Folded body name -> the issuer codes it issues under (code_bodies, inverted)."""
    out: dict[str, set[str]] = {}
    for code, names in vocab.code_bodies().items():
        for b in names:
            out.setdefault(b, set()).add(code)
    return {b: frozenset(cs) for b, cs in out.items()}


def _names_body(folded: str, body: str) -> bool:
    """The folded name is the folded body, or a post of it ("bo truong bo cong thuong")."""
    return folded == body or (folded.endswith(" " + body) and issuers.is_position(folded[: -len(body) - 1]))


def _agrees(name: str, f: Found, placed: bool = False) -> bool:
    """The body's name is one that issues under the number's own codes (its issuer code, or the ministry
    an official letter's first code names), after a post or not ("Bộ trưởng Bộ Công Thương"). Bodies named
    together ("Bộ Chính trị, Ban Bí thư") agree when each does; a name with a comma of its own ("Bộ Văn hóa,
    Thể thao và Du lịch") is asked whole first."""
    if _agrees_whole(name, f, placed):
        return True
    return "," in name and all(_agrees_whole(part.strip(), f, placed) for part in name.split(","))


def _agrees_whole(name: str, f: Found, placed: bool) -> bool:
    folded = fold(name)
    bodies = vocab.code_bodies()
    return any(
        _names_body(folded, body)
        # ``placed``: a local code names its body without the place or the parent the text adds ("/ĐU":
        # "Đảng ủy Chính phủ", "/TU": "Tỉnh ủy Hà Tĩnh")
        or (placed and vocab.is_local(code) and folded.startswith(body + " "))
        for code in (f.issuer_code, f.type_code, (f.issuer_code or "").split("-")[0])
        for body in bodies.get(code or "", ())
    )


def body_after_date(text: str, f: Found) -> str | None:
    """ "Nghị định số 113/2025/NĐ-CP ngày 03 tháng 6 năm 2025 Chính phủ quy định …": the body named right
    after the date with "của" left out. Taken only when it is a body that issues under the number's codes:
    elsewhere a capitalised name after a date is as often the subject of the sentence's next clause."""
    m = _GAP_AFTER_DATE.match(text, f.head_end)
    if m is None or "\n\n" in m.group() or not text[m.end() : m.end() + 1].isupper():
        return None
    words = _name_words(text, m.end(), 160)
    if not words:
        return None
    cut = issuers.cut(text, words)
    return cut.name if cut.name and _agrees(cut.name, f) else None


@functools.lru_cache(maxsize=16384)
def _unglued_name(name: str) -> str:
    return " ".join(_unglued(w) for w in name.split(" "))


def _unglued(word: str) -> str:
    """ "trưởngBộ" -> "trưởng Bộ": a capital after a small letter starts a second word (names in running
    case never capitalise inside a syllable; acronyms are all capitals)."""
    for i in range(1, len(word) - 1):
        if word[i].isupper() and word[i - 1].islower() and word[i + 1].islower():
            return word[:i] + " " + _unglued(word[i:])
    return word


def _single_central_body(code: str | None) -> str | None:
    """The one central Party body an issuer code names ("BTCTW": Ban Tổ chức Trung ương), or None (state
    codes, whose bodies' names change with the period and the text's spelling; local codes; codes several
    bodies share, as "/TW"; unknown codes)."""
    info = vocab.codes().get(code or "")
    if info is None or info[0] != "issuer" or info[1] != "party" or vocab.is_local(code):
        return None
    return info[2] if len(vocab.code_bodies().get(code or "", ())) == 1 else None


def _finish_issuer(text: str, f: Found) -> None:
    # "Bộ trưởngBộ Giáo dục": two words glued where a line break or a space was lost
    f.issuer = _unglued_name(f.issuer or "")
    # ("liên Bộ Tài chính – Bộ Y tế": "liên" is kept as written, as readers give it, whether each joined
    # ministry has its own "Bộ" or shares the one after "liên")
    # "… kết luận của Trung ương, Bộ Chính trị (Công văn số 8011-CV/BTCTW, ngày …)": a body named before a
    # bracket that gives a number (not the citation's own "của", nor "X đã ban hành …") and does not issue
    # under the number's code, where that code names one central Party body, is some other body of the
    # sentence: the code's body issued it
    if (
        f.issuer_before
        and _OPEN_BEFORE.search(text, max(0, f.start - 4), f.start)
        and not _agrees(f.issuer or "", f)
    ):
        body = _single_central_body(f.issuer_code)
        if body is not None and fold(body) in vocab.known_organs() and fold(body) not in fold(f.issuer or ""):
            f.issuer = body
            f.why.append("issuer: the body its number's code names, not the one named near it")
    # "Công văn số 2906/LĐTBXH-KHTC … của Bộ về …": a ministry's own letters call it "Bộ"; its number's
    # code names which
    lead = _BARE_MINISTRY.get(fold(f.issuer or ""))
    if lead is not None:
        for code in (f.issuer_code, f.type_code):
            name = vocab.code_name(code or "") or vocab.code_name("B" + (code or ""))
            if name and name.startswith("Bộ "):
                f.issuer = lead + name
                f.why.append("issuer: 'Bộ' is the ministry its number's code names")
                break


# "Căn cứ các Luật của Quốc hội: Luật A số …; Luật B số …" or "các Quyết định của Thủ tướng Chính phủ số …, số
# …": a list opened by "các <type> của <body>" names the body of every item of that type to the paragraph's end
_LIST_HEADING = re.compile(
    r"(?<![^\W\d_])các[\s*]+([^\W\d_]+(?:[ \t]+[^\W\d_]+)?)[\s*]+của[\s*]+((?:[^:;.\n]|\n(?![ \t*]*\n)){2,160}?)(?::|(?=[\s*]+số[\s*]+\d))",
    re.I,
)
# the list under such a heading ends with its paragraph, a table's cell, or the next preamble line
_PARAGRAPH_BREAK = re.compile(
    r"\n[ \t*]*\n|\n[ \t]*\|[ \t]*\n|\n[ \t*]*(?:Căn[ \t]+cứ|Xét|Theo[ \t]+đề[ \t]+nghị)(?![^\W\d_])"
)
# the same for lower-cased text (text.lowered), without re.I and with the word-start check after the word
# "các" (looking back over it), which the regex engine can then search for as a literal (the
# case-insensitive form tries every position)
_WORD_START = r"(?<![^\W\d_])"
assert _LIST_HEADING.pattern.startswith(_WORD_START + "các")
_LIST_HEADING_LOWER = re.compile("các(?<![^\\W\\d_]...)" + _LIST_HEADING.pattern[len(_WORD_START) + 3 :])


def _heading_issuer(text: str, found: list[Found]) -> None:
    if not any(f.issuer is None for f in found) or ("các" not in text and "Các" not in text):
        return
    low = lowered(text)
    by_start: list[Found] | None = None
    starts: list[int] = []
    for h in _LIST_HEADING.finditer(text) if low is None else _LIST_HEADING_LOWER.finditer(low):
        doc_type = " ".join(h.group(1).lower().split())
        words = tuple((m.start(), m.end()) for m in _WORD.finditer(text, h.start(2), h.end(2)))
        cut = issuers.cut(text, words) if words else None
        name = cut.name if cut else None
        if not name or not _heads().match(name):
            continue
        brk = _PARAGRAPH_BREAK.search(text, h.end())
        end = brk.start() if brk else len(text)
        if by_start is None:  # the citations under a heading found by bisection, not by reading them all
            by_start = sorted(found, key=lambda f: f.start)
            starts = [f.start for f in by_start]
        # the items start after the body's name: "các công điện của Thủ tướng Chính phủ, đặc biệt là các Công
        # điện số A, B …" names the first item before the heading's "số"
        first = cut.end if cut is not None and cut.end is not None and cut.end < h.end() else h.end()
        for i in range(bisect.bisect_left(starts, first), bisect.bisect_left(starts, end)):
            f = by_start[i]
            # ("Các văn bản của Văn phòng Trung ương Đảng: Quy định số …; Văn bản số …": papers of any type)
            if f.issuer is None and ((f.doc_type or "").lower() == doc_type or doc_type == "văn bản"):
                f.issuer = " ".join(name.split())
                f.why.append("issuer: the list's heading names the body of its items ('các … của …:')")


@functools.cache
def _counted_heading() -> re.Pattern[str]:
    """ "Bộ Tài chính cũng ban hành 06 Thông tư …, gồm:": a body issuing a counted set of one type, listed below."""
    return re.compile(
        rf"ban[ \t]+hành[ \t]+(?:\d{{1,3}}|các)[ \t]+({type_word_regex().pattern})"
        r"[^:\n]{0,300}:[ \t*]*\n",
        re.I,
    )


# an item of a list set out one to a line: "(1) Thông tư …", "2. Thông tư …", "- Thông tư …"
_ITEM_LINE = re.compile(r"[ \t*]*(?:\(\d{1,3}\)|\d{1,3}[.)]|[a-zđ]\)|[-+•])[ \t*]*")


def _counted_list_issuer(text: str, found: list[Found]) -> None:
    """Every item listed under a counted heading ("Bộ Tài chính cũng ban hành 06 Thông tư …, gồm:⏎(1) Thông
    tư 30/2024/TT-BTC …⏎(2) …") is the heading's body's, when its type is the heading's and its code agrees."""
    if not any(f.issuer is None for f in found):
        return
    low = lowered(text) or text.lower()
    # (the heading's verb looked for as plain text: a case-insensitive pattern is tried at every position)
    starts = (i for i in plain_positions(low, "ban hành ") if i == 0 or not low[i - 1].isalpha())
    heads = (_counted_heading().match(text, i) for i in starts)
    by_start: list[Found] = []
    for h in (h for h in heads if h is not None):
        body = body_before(text, max(0, h.start() - 200), h.start() + len("ban hành "))
        if body is None or not body[0]:
            continue
        name, doc_type = body[0], " ".join(h.group(1).lower().split())
        pos = h.end()
        by_start = by_start or sorted(found, key=lambda f: f.start)  # (sorted once, when a heading is found)
        first = bisect.bisect_left([f.start for f in by_start], pos)
        for f in by_start[first:]:
            line = text.rfind("\n", 0, f.start) + 1
            between = text[pos:line]
            if between.strip() and not all(_ITEM_LINE.match(x) for x in between.splitlines() if x.strip()):
                break  # a line that is no item ends the list
            item = _ITEM_LINE.match(text, line)
            if item is None or item.end() != f.start:
                continue  # a citation inside an item's text, not the item itself
            if (f.doc_type or "").lower() == doc_type and f.issuer is None and _agrees(name, f):
                f.issuer = name
                f.why.append(
                    "issuer: the body a counted heading says issued the listed items ('ban hành 06 …:')"
                )
            pos = line


_PAST_ISSUE = re.compile(r"(?<![^\W\d_])(?:đã|vừa|mới\s+đây|tiếp\s+tục)(?![^\W\d_])", re.I)


def _reported_issue(text: str, f: Found, body_at: int, dated: bool) -> None:
    """ "…, ngày 16/8/2018 Bộ X đã có Công văn số Y gửi …": a body's past issuing act names the citation;
    a phrase before that body ("kết quả thực hiện thí điểm …") governs something else, so Y is cited."""
    if f.relation == "cites" or f.relation_at is None or f.relation_at >= body_at:
        return
    if not dated and _PAST_ISSUE.search(text, body_at, f.start) is None:
        return
    f.relation = "cites"
    f.why.append("relation: a body's own past act of issuing it comes between (reported)")


_LIST_GLUE = re.compile(r"[\s,*]*(?:và|,)[\s,*]*$")
# the same with the item's date before the glue ("Tờ trình số 291/TTr-CP ngày 02/5/2025, Báo cáo số 292/BC-CP
# ngày … của Chính phủ"), and "số" after it when the next item shares the type word ("… và số 03-TB/BCĐTW")
_DATED_LIST_GLUE = re.compile(
    rf"[\s,*]*(?:ngày[\s*]+{DATE_NUMBERS}|năm[\s*]+\d{{4}})?[\s,*]*(?:và|,)[\s,*]*(?:số[\s*]*)?$", re.I
)


def _code_body(code: str) -> str:
    """An issuer code without its legislature number: "UBKTTC15" and "UBKTTC" name one committee."""
    return code.lower().rstrip("0123456789")


def _share_issuer(text: str, found: list[Found]) -> None:
    """ "Chỉ thị số 35-CT/TW và Quy định số 24-QĐ/TW của Bộ Chính trị": one "của" after a list of citations
    names the body of each. A citation with no issuer takes the next one's when only "và" or a comma stands
    between them and both numbers carry the same issuer code (so "Nghị quyết …/TW và Nghị định …/NĐ-CP của
    Chính phủ" does not give the Party resolution the Government)."""
    for i in range(len(found) - 2, -1, -1):
        f, nxt = found[i], found[i + 1]
        if f.issuer is not None or nxt.issuer is None or not f.issuer_code or not nxt.issuer_code:
            continue
        if _code_body(f.issuer_code) != _code_body(nxt.issuer_code) or f.end > nxt.start:
            continue
        if _DATED_LIST_GLUE.match(text, f.end, nxt.start) is None:
            continue
        f.issuer = nxt.issuer
        f.why.append(f"issuer: shared with {nxt.key} after it")
    # "… phê duyệt tại các Quyết định: số 36/QĐ-TTg …; số 1569/QĐ-TTg …": a later item that gives only "số" has
    # the body of the item before it, when their numbers carry the same code
    for f, nxt in zip(found, found[1:]):
        if (
            nxt.issuer is None
            and f.issuer
            and "list_continued" in nxt.flags
            and f.issuer_code == nxt.issuer_code
        ):
            nxt.issuer = f.issuer
            nxt.why.append(f"issuer: a later item of the list after {f.key}")
    # "đề nghị của Chính phủ tại Tờ trình số …/TTr-CP và Đề án số …/ĐA-CP": a body named before a list is the
    # body of each item joined to the first, when their numbers carry its code
    for f, nxt in zip(found, found[1:]):
        if nxt.issuer is not None or f.issuer is None or not f.issuer_code or not nxt.issuer_code:
            continue
        if not f.issuer_before:
            continue
        # (by the body's code, whatever unit follows it: "Tờ trình số …/TTr-STC …, Công văn số …/STC-QLGCS")
        if (
            _code_body(f.issuer_code.split("-")[0]) != _code_body(nxt.issuer_code.split("-")[0])
            or f.end > nxt.start
        ):
            continue
        if _DATED_LIST_GLUE.match(text, f.end, nxt.start) is None and not _LIST_GLUE.match(
            text, f.extent_end or f.end, nxt.start
        ):
            continue
        nxt.issuer, nxt.issuer_before = f.issuer, True
        nxt.why.append(f"issuer: shared before it, with {f.key}")
