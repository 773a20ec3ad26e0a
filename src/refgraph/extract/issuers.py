"""Where the name of an issuing body ends.

The grammar reads "của" and every word up to the next punctuation ("của Chính phủ quy định chức năng,
…"); the name is the front of that run. Running text capitalises every word of a name that starts a
syllable group ("Bộ Tài chính", "Ban Thường vụ Tỉnh ủy"), so a lower-case word directly after another
lower-case word ends the name, unless it is one of the few lower-case words names are built from
("Ủy ban nhân dân tỉnh"). Where the cut word is not one that resumes the sentence ("để", "nhằm" …), the
title of the cited document starts there: the caller uses that to see titles without "về".

A heading in capitals has no case to read: its issuer is looked up in the table of bodies (organs.tsv)
and given back in the running-text spelling, and a capitalised title verb ends it.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .. import vocab
from ..text import fold


class IssuerCut(NamedTuple):  # a tuple: made for every citation with an issuer, cheaply
    name: str | None
    end: int | None  # offset where the name ends (into the text the word offsets index)
    title_start: int | None  # offset of the first title word after it, when the title follows directly
    rule: str


def _role(word: str) -> str | None:
    return vocab.issuer_words().get(word.lower())


def _pinpoint(word: str) -> bool:
    """ "… của Ủy ban Thường vụ Quốc hội và Điều 1 Pháp lệnh …": "và" joins a provision, not a body's part."""
    return word.lower() in _pinpoints()


@functools.cache
def _pinpoints() -> frozenset[str]:
    return vocab.named_words("pinpoint") - {"số"}


@functools.cache
def _organ_prefixes() -> dict[tuple[str, ...], str]:
    # the ministries of codes.tsv too: "của Bộ giáo dục và Đào tạo về …" is one name however it is cased
    # (by its words: a dash between them is no word of the name, "Ban Kinh tế - Ngân sách")
    return {
        tuple(w for w in k.split() if any(c.isalnum() for c in w)): v for k, v in vocab.known_organs().items()
    }


# cut() reads only the words and the text between them: its answer for one stretch of text holds wherever
# the stretch stands. Repeated citations name the same bodies in the same words.
_CUT_MEMO: dict[tuple[str, tuple[tuple[int, int], ...]], IssuerCut] = {}
_CUT_MEMO_LIMIT = 100_000


def cut_at(text: str, base: int, words: tuple[tuple[int, int], ...]) -> IssuerCut:
    """``cut(text, words)`` for ``words`` given as offsets from ``base``; offsets in the answer are
    from ``base`` too."""
    if not words:
        return IssuerCut(None, None, None, "none")
    key = (text[base + words[0][0] : base + words[-1][1]], words)
    hit = _CUT_MEMO.get(key)
    if hit is None:
        found = cut(text, tuple((base + s, base + e) for s, e in words))
        hit = IssuerCut(
            found.name,
            None if found.end is None else found.end - base,
            None if found.title_start is None else found.title_start - base,
            found.rule,
        )
        if len(_CUT_MEMO) >= _CUT_MEMO_LIMIT:
            _CUT_MEMO.clear()
        _CUT_MEMO[key] = hit
    return hit


_TENSE_WORDS = frozenset({"da", "dang", "se", "vua", "cung"})  # folded: a predicate opens after a subject
_ARTICLE_NUMBER = re.compile(r"[\s*]*(?:\d+|[IVXL]+)\b")


def cut(text: str, words: tuple[tuple[int, int], ...], open_names: bool = True) -> IssuerCut:
    """The issuer among ``words`` (offsets into ``text``) as the grammar read them after "của". Reads
    nothing of the text outside the words' stretch: cut_at remembers its answers by that stretch. With
    ``open_names`` false a name of role "open" stops at lower case like any other."""
    if not words:
        return IssuerCut(None, None, None, "none")
    if len(words) > 1 and _fold(text[words[0][0] : words[0][1]]) == "cua":
        words = words[1:]  # "CỦA CỦA ỦY BAN NHÂN DÂN …": the word typed twice
    toks = [text[s:e] for s, e in words]
    if all(t.isupper() or not t.isalpha() for t in toks):
        return _heading(text, words, toks)
    # an article's heading on the next line ends any name ("… của Chủ tịch UBND tỉnh⏎**Điều 4. **Chánh …")
    for i in range(1, len(words)):
        if toks[i] in ("Điều", "Chương") and _ARTICLE_NUMBER.match(text, words[i][1]):
            words, toks = words[:i], toks[:i]
            break
    # a portal's link label ends any name ("… của Hội đồng Bầu cử quốc gia TẢI VỀ")
    # (the label's second word may lie past the words read: "về" ends them)
    links = _link_pairs()
    for i in range(1, len(words)):
        second = links.get(_fold(toks[i])) if toks[i][:1].lower() in _link_initials() else None
        if second is not None and _fold(text[words[i][1] : words[i][1] + len(second) + 3]).split()[:1] == [
            second
        ]:
            words, toks = words[:i], toks[:i]
            break
    # a heading in capitals ends where running case resumes; a blank line ends any name
    for i in range(1, len(words)):
        if "\n\n" in text[words[i - 1][1] : words[i][0]].replace(" ", "").replace("\t", ""):
            words, toks = words[:i], toks[:i]
            break
    n = next((i for i, t in enumerate(toks) if not t.isupper()), len(toks))
    # two or three capitals followed on their line by a capitalised word are acronyms in running text ("UBND
    # TP Hà Nội"), not a heading ("… CỦA ỦY BAN NHÂN DÂN TỈNH⏎Căn cứ …")
    acronyms = 2 <= n <= 3 and n < len(toks) and toks[n][:1].isupper()
    if n >= 2 and not (acronyms and "\n" not in text[words[n - 1][1] : words[n][0]]):
        words, toks = words[:n], toks[:n]
        return _heading(text, words, toks)
    # a known body is whole however its words are cased ("Ban chấp hành Trung ương Đảng")
    folded = [_fold(t) for t in toks]
    keep = _known_prefix(folded)
    if keep == 0 and len(folded) > 2 and folded[0] == "lien" and (inner := _known_prefix(folded[1:])):
        keep = 1 + inner  # "Liên Bộ tài chính - Công Thương": the joint ministries, the first one known
    if keep == 0 and len(folded) > 1 and (folded[0], folded[1]) in _title_pairs():
        return IssuerCut(None, None, None, "none")  # "… năm 2025 Ban hành kế hoạch …": a title, capitalised
    if keep == 0 and toks[0][:1].islower() and (len(toks) == 1 or toks[1][:1].islower()):
        # "… theo Nghị định 29 của cử tri …", "… lần thứ hai mươi tư của …": a body's name is capitalised or
        # known; a word before a capitalised one may open it ("của liên Bộ Tài chính, Y tế")
        return IssuerCut(None, None, None, "none")
    complete, pairs = _completes(), _title_pairs()
    # "Hội đồng tư vấn cải cách …", "Chi nhánh Công ty TNHH thương mại …": a name that goes on in lower case
    # (after a post that heads it: "Giám đốc Trung tâm Phục vụ hành chính công …")
    opening = 0
    if open_names and keep == 0:
        post = next((len(p) for p in _position_spellings() if tuple(folded[: len(p)]) == p), 0)
        opening = next(
            (
                post + n
                for n in (4, 3, 2, 1)
                if post + n <= len(folded) and " ".join(folded[post : post + n]) in _opens()
            ),
            0,
        )
    open_name = open_names and opening > 0
    if open_name:
        keep = opening  # the name's opening words are its own, whatever their role ("Trung tâm Phục vụ …")
    branch = open_name and any(" ".join(folded[:n]) in _branches() for n in (1, 2))
    prefixes = [" ".join(folded[:i]) for i in range(len(folded))]  # folded words before each one
    # inside a place's name after a level word ("tỉnh Cà Mau"): every syllable is capitalised, or the words
    # are a known province however cased ("Thừa Thiên huế")
    place_end = None
    place_known = False
    for i, w in enumerate(toks):
        if (
            place_end is None
            and i
            and w[:1].isupper()
            and (_level_before(toks, i) or (_level_before(toks, i, capital=True) and _known_place(toks, i)))
        ):
            n = _known_place(toks, i)
            place_end, place_known = i + n, n > 0
        elif place_end is not None and i >= place_end and (w[:1].islower() or place_known):
            # "… tỉnh Cà Mau xây dựng …": the place ends the name, a lower-case word starts the title; after a
            # known province so does a capitalised one ("… tỉnh Bình Phước Thành lập trạm y tế …")
            break
        if i < keep:
            continue
        if i and (
            (prefixes[i] in complete and "," not in text[words[i - 1][1] : words[i][0]])
            and (not (i + 2 < len(toks) and toks[i + 2][:1].isupper()) or folded[i] in _family_names())
            or (i + 1 < len(toks) and (folded[i], folded[i + 1]) in pairs)
        ):
            # a complete name followed by a title in title case ("Chính phủ Quy định chi tiết …", but not
            # a longer name, "Chính phủ Cách mạng Lâm thời …"), or a title verb in any case
            break
        if (
            i
            and "," in text[words[i - 1][1] : words[i][0]]
            and (n := _known_prefix(folded[i:])) > 0
            and i + n < len(toks)
            and folded[i + n] in _TENSE_WORDS
        ):
            break  # "… của Văn phòng Trung ương Đảng, Thủ tướng Chính phủ đã yêu cầu …": the next clause's subject
        low = w[:1].islower()
        if i and w == "năm" and i == len(toks) - 1:
            break  # "… của Ban Bí thư Trung ương Đảng năm 1992 về …": the year the run stopped at
        if i and low and "," in text[words[i - 1][1] : words[i][0]]:
            break  # "… của Sở Giáo dục và Đào tạo TP Huế, lịch thi …": a name goes on over a comma capitalised
        role = _role(w)
        if i and not low and role in ("clause", "opener"):
            break  # "… của Bộ Tài chính Xét đề nghị …": a preamble line that lost its semicolon; a new clause
        if i and low:
            prev_low = toks[i - 1][:1].islower()
            if (
                w == "và"
                and i + 1 < len(toks)
                and toks[i + 1][:1].isupper()
                and not _pinpoint(toks[i + 1])
                # "… của Bộ trưởng Bộ Công an và Kế hoạch này": a document joined, not a part of the name
                and not _type_word_at(text, words[i + 1][0])
            ):
                keep = i + 1  # "Bộ Giáo dục và Đào tạo": "và" joins two capitalised parts
                continue
            # a title verb ends the name after a lower-case word or an acronym ("UBND ban hành"), not
            # inside a capitalised pair ("Ủy ban")
            prev_acronym = toks[i - 1].isupper() and len(toks[i - 1]) > 1
            if (
                branch
                and w == "tại"
                and i + 1 < len(toks)
                and toks[i + 1][:1].isupper()
                and "," not in text[words[i][1] : words[i + 1][0]]
            ):
                # "Chi nhánh Công ty … tại Hà Nội": a branch is named by its place; the name ends after it
                keep = next((j for j in range(i + 1, len(toks)) if not toks[j][:1].isupper()), len(toks))
                break
            weak = role == "title_weak" and (prev_low or prev_acronym)
            if weak and open_name and not (i + 1 < len(toks) and (folded[i], folded[i + 1]) in pairs):
                # "Cục An toàn thực phẩm": in a name that goes on in lower case the word opens a title only
                # as the verb it begins ("thực hiện")
                weak = False
            if role in ("clause", "title") or weak:
                break
            if open_name and w in stops():
                break  # "Hội đồng tư vấn … gửi Thủ tướng": its name ends at who it writes to
            if prev_low and role != "inner" and not open_name:
                break
        keep = i + 1
    if keep == 0:
        return IssuerCut(None, None, None, "none")
    name = " ".join(text[words[0][0] : words[keep - 1][1]].split())  # the text's own spelling, dashes kept
    title = None
    if keep < len(toks) and (_role(toks[keep]) not in ("clause", "opener") or _continuing_title(toks, keep)):
        title = words[keep][0]
    return IssuerCut(name, words[keep - 1][1], title, "case" if keep < len(toks) else "phrase")


def _continuing_title(toks: list[str], i: int) -> bool:
    """ "Kết luận số 91-KL/TW … của Bộ Chính trị tiếp tục thực hiện Nghị quyết số 29-NQ/TW": right after the
    name, with no comma, "tiếp tục" and a title verb go on with the document's title, not the sentence."""
    return (
        i + 2 < len(toks)
        and toks[i] == "tiếp"
        and toks[i + 1] == "tục"
        and _role(toks[i + 2]) in ("title", "title_weak")
    )


def _type_word_at(text: str, pos: int) -> bool:
    from .scan import type_word_regex  # scan imports the parser; issuers is imported before it is built

    return type_word_regex().match(text, pos) is not None


@functools.cache
def _levels() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(spelling.split()) for spelling, _ in vocab.levels().values())


def _level_before(toks: list[str], i: int, capital: bool = False) -> bool:
    """toks[i] follows a level word in lower case ("tỉnh", "thành phố"): it starts a place's name. With
    ``capital`` the level word is capitalised instead ("Hội đồng nhân dân Thành phố Hồ Chí Minh"), which the
    caller accepts before a known province only."""
    return any(
        n <= i
        and tuple(w.lower() for w in toks[i - n : i]) in _levels()
        and (toks[i - n][:1].isupper() if capital else toks[i - n][:1].islower())
        for n in (1, 2)
    )


def _known_place(toks: list[str], i: int) -> int:
    """How many words from toks[i] name a known province (0 if none)."""
    for n in range(min(5, len(toks) - i), 0, -1):
        if " ".join(_fold(t) for t in toks[i : i + n]) in vocab.province_folds():
            return n
    return 0


def _known_prefix(folded: list[str]) -> int:
    for n in range(min(len(folded), 8), 0, -1):
        if tuple(folded[:n]) in _organ_prefixes():
            return n
    return 0


@functools.cache
def _heading_bodies() -> dict[tuple[str, ...], str]:
    """Every known body by its folded words: organs.tsv and the issuers of codes.tsv (the ministries)."""
    return {tuple(k.split()): v for k, v in vocab.known_organs().items()}


@functools.cache
def _position_spellings() -> dict[tuple[str, ...], str]:
    return {tuple(fold(p).split()): p for p in vocab.issuer_phrases("position")}


def _heading_body(folded: list[str]) -> tuple[str, int] | None:
    """A known body opening a heading's words, after a post if one leads ("BỘ TRƯỞNG BỘ CÔNG THƯƠNG"):
    its running-text spelling and how many words it takes."""
    best = _known_prefix(folded)
    if best:
        return _organ_prefixes()[tuple(folded[:best])], best
    for p, spelling in _position_spellings().items():
        if tuple(folded[: len(p)]) != p:
            continue
        rest = folded[len(p) :]
        for n in range(min(len(rest), 10), 0, -1):
            body = _heading_bodies().get(tuple(rest[:n]))
            if body is not None:
                return f"{spelling} {body}", len(p) + n
    for n in range(min(len(folded), 10), 0, -1):
        body = _heading_bodies().get(tuple(folded[:n]))
        if body is not None:
            return body, n
    return None


def _heading(text: str, words, toks) -> IssuerCut:
    folded = [_fold(t) for t in toks]
    known = _heading_body(folded)
    if known is not None:
        name, keep = known
        # a place after a local body: "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"; a level word the body's known name
        # does not hold comes first ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI")
        for lv in (2, 1, 0):
            level = vocab.levels().get(" ".join(folded[keep : keep + lv])) if lv else None
            if lv and level is None:
                continue
            n = _known_place(toks, keep + lv)
            if n:
                place = vocab.province_folds()[" ".join(folded[keep + lv : keep + lv + n])]
                name = f"{name} {level[0]} {place}" if level else f"{name} {place}"
                keep += lv + n
                break
        title = words[keep][0] if keep < len(toks) else None
        return IssuerCut(name, words[keep - 1][1], title, "heading_table")
    keep = len(toks)
    for i, t in enumerate(toks):
        if i and _role(t) in ("clause", "title", "title_weak"):
            keep = i
            break
    # abbreviations stay in capitals ("CỦA UBND TỈNH" -> "UBND tỉnh")
    # ("… CÔNG TY CỔ PHẦN BIA SÀI GÒN – BẾN TRE": the marks between the words are kept)
    abbreviations = vocab.organ_abbreviations()
    stretch = text[words[0][0] : words[keep - 1][1]]
    s = " ".join(_WORDS.sub(lambda m: m[0] if m[0] in abbreviations else m[0].lower(), stretch).split())
    title = words[keep][0] if keep < len(toks) and _role(toks[keep]) != "clause" else None
    return IssuerCut(s[:1].upper() + s[1:], words[keep - 1][1], title, "heading_case")


_ADVERBS_BEFORE_VERB = re.compile(r"[\s*]*(?:(?:đã|vừa|cũng|mới|đang|sẽ)(?![^\W\d_])[\s*]*)*")
_JOIN = re.compile(r",[ \t\n]*((?:[^\W\d_]+[ \t\n]+){0,6}[^\W\d_]+)")


def joined(text: str, end: int) -> tuple[str, int] | None:
    """ "của Bộ Chính trị, Ban Bí thư": a second known body after a comma issues the document jointly."""
    m = _JOIN.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    folded = [_fold(w) for w in words]
    n = _known_prefix(folded)
    if not n or not words[0][:1].isupper():
        return None
    name = " ".join(words[:n])
    if name.isupper():  # a heading in capitals: the body in its running-text spelling ("BAN BÍ THƯ")
        name = _organ_prefixes().get(tuple(folded[:n]), name)
    stop = m.start(1)
    for _ in range(n):
        stop = text.index(words[_], stop) + len(words[_])
    adverbs = _ADVERBS_BEFORE_VERB.match(text, stop)  # matches empty at worst
    if adverbs is not None and _issuing_verb_at(text, adverbs.end()):
        # "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …", "… của Bộ Chính trị, Chính phủ đã ban hành Nghị định …":
        # the sentence's own subject and its verb
        return None
    return name, stop


# the next co-issuer in a joint document's list: after a comma, or a dash before a capital ("… Xã hội- Bộ
# Tài chính"); a segment runs to the next punctuation, over a wrapped line ("Bộ trưởng Bộ⏎Công Thương")
_CO_ISSUER = re.compile(
    r"(?:[ \t]*,(?:[ \t]+và)?|[ \t]+và(?=[ \t\n]+[A-ZĐ])|[ \t]*[-–](?=[ \t]*[A-ZĐ]))[ \t\n]*([^,;.:()“”\"\n]+(?:\n(?![ \t]*\n)[^,;.:()“”\"\n]+)?)"
)


@functools.cache
def _issuing_verbs() -> re.Pattern[str]:
    verbs = sorted(vocab.issuer_phrases("issues_dated"), key=len, reverse=True)
    return re.compile("|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r"(?![^\W\d_])")


def _issuing_verb_at(text: str, pos: int) -> bool:
    return _issuing_verbs().match(text, pos) is not None


def co_issuers(text: str, first: str, end: int, codes: int) -> tuple[str, int, int | None] | None:
    """ "của Bộ Lao động - Thương binh và Xã hội, Bộ Nội vụ, Bộ Tài chính hướng dẫn …": the bodies a joint
    document lists after its first issuer, as many as its number has issuer codes ("TTLT-BLĐTBXH-BNV-BTC"
    has three) and no more, so a sentence's own subject after a comma is not taken for one. Returns the
    names joined, where the last ends and where the title after it begins."""
    names, title, start = [first], None, end
    heads = vocab.joint_heads()
    liên = first.lower().startswith("liên ")  # "liên Bộ Tài chính, Lao động Thương binh và Xã hội"
    while len(names) < codes:
        m = _CO_ISSUER.match(text, end)
        if m is None or not m.group(1)[:1].isupper():
            break
        seg = _fold(m.group(1))
        if not liên and not any(seg == h or seg.startswith(h + " ") for h in heads):
            break
        words = tuple((w.start(), w.end()) for w in _WORDS.finditer(text, m.start(1), m.end(1)))
        c = cut(text, words) if words else None
        if c is None or not c.name or c.end is None:
            break
        name, name_end, title_start = c.name, c.end, c.title_start
        if liên and (n := _known_prefix(["bo"] + [_fold(text[a:b]) for a, b in words[:8]])) > 1:
            # "liên Bộ Tài chính, Lao động Thương binh và xã hội": a ministry named after "liên Bộ" without its
            # own "Bộ" is whole as the known ministry is, however its words are cased
            known_end = words[min(n - 1, len(words)) - 1][1]
            if known_end > name_end:
                name, name_end = text[words[0][0] : known_end], known_end
                if title_start is not None:
                    title_start = next((a for a, _b in words if a > known_end), None)
        if title_start is not None and _issuing_verb_at(text, title_start):
            break  # "…, Ủy ban nhân dân tỉnh ban hành Kế hoạch …": the sentence's own subject and its verb
        names.append(name)
        end = name_end
        if title_start is not None:
            title = title_start
            break
    if len(names) == 1:
        return None
    # the names as the text joins them ("…, Bộ Nội vụ, Bộ Tài chính", "… và Bộ Tài chính")
    return " ".join(f"{first}{text[start:end]}".split()), end, title


PLENUM_REACH = (
    160  # characters from a citation to the committee its plenum names ("… của Hội nghị lần thứ …")
)


def plenum_body(text: str, f_end: int, name: str | None) -> str | None:
    """The committee that held a plenum given as a resolution's issuer: "Hội nghị lần thứ sáu Ban Chấp hành
    Trung ương khóa XII" -> "Ban Chấp hành Trung ương"; "Hội nghị Trung ương 6" -> the Central Committee.
    None when the issuer is no plenum. A name cut to "Trung ương" right after "Hội nghị" is one too."""
    words = vocab.plenum_words()
    session, committee = words["session"], words["committee"]
    if name is None:
        return None
    low = fold(name)
    if not low.startswith(fold(session)):
        if low != fold(words["central"]):
            return None
        at = text.find(name, f_end, f_end + 80)
        if at == -1 or not fold(text[max(0, at - 12) : at]).strip().endswith(fold(session)):
            return None
        return words["central_body"]
    at = low.find(fold(committee))
    if at != -1:
        return name[at:]
    if fold(words["central"]) in low:
        return words["central_body"]
    # the name was cut before the committee ("Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII")
    m = _committee().search(text, f_end, f_end + PLENUM_REACH)
    return " ".join(m.group().split()) if m else None


def plenum_committee(text: str, pos: int) -> tuple[str, int] | None:
    """(committee, end) when a plenum is named at pos ("Hội nghị lần thứ 11 Ban Chấp hành Trung ương Đảng
    khoá XIII"): the committee that held it."""
    session = fold(vocab.plenum_words()["session"]).split()[:2]
    if fold(text[pos : pos + 12]).split()[:2] != session:
        return None
    m = _committee().search(text, pos, pos + PLENUM_REACH)
    return (" ".join(m.group().split()), m.end()) if m else None


def committee_end(text: str, f_end: int) -> int | None:
    """Where the committee a plenum after ``f_end`` names ends ("… của Hội nghị lần thứ 11 Ban Chấp hành
    Trung ương Đảng khóa XIII": before its term)."""
    m = _committee().search(text, f_end, f_end + PLENUM_REACH)
    return m.end() if m else None


@functools.cache
def _committee() -> re.Pattern[str]:
    # the committee's name runs to its term ("khóa XII"), a "về" that opens the title, or punctuation
    words = vocab.plenum_words()["committee"].split()
    return re.compile(
        r"\s+".join(map(re.escape, words))
        + r"(?:\s+[^\W\d_]+){0,6}?(?=\s+(?:khóa|khoá|về|lần|nhiệm)(?![^\W\d_])|\s*[,;.(:]|$)",
        re.I,
    )


_SEGMENT = re.compile(r",[ \t\n]*([^,;.:()“”\"]{1,120})")
_WORDS = re.compile(r"[^\W\d_]+")


@functools.cache
def _completes() -> frozenset[str]:
    return frozenset(fold(p) for p in vocab.issuer_phrases("complete"))


@functools.cache
def _opens() -> frozenset[str]:
    return frozenset(fold(p) for p in vocab.issuer_phrases("open"))


@functools.cache
def _branches() -> frozenset[str]:
    return frozenset(fold(p) for p in vocab.issuer_phrases("branch"))


@functools.cache
def stops() -> frozenset[str]:
    """Lower-case words that end a name going on in lower case ("về", "gửi", "năm", …)."""
    return frozenset(vocab.issuer_phrases("stop"))


@functools.cache
def _link_initials() -> frozenset[str]:
    return frozenset(w[:1] for w in _link_pairs())


@functools.cache
def _link_pairs() -> dict[str, str]:
    """A link label's first word (folded) -> its second."""
    return {w[0]: w[1] for p in vocab.issuer_phrases("link") if len(w := fold(p).split()) == 2}


@functools.cache
def _title_pairs() -> frozenset[tuple[str, str]]:
    return frozenset(
        (w[0], w[1]) for p in vocab.issuer_phrases("title_pair") if len(w := fold(p).split()) >= 2
    )


@functools.cache
def _family_names() -> frozenset[str]:
    return frozenset(fold(p) for p in vocab.issuer_phrases("family_name"))


def person_at(text: str, words: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    """The body's words (from, to) when a person's name closes ``words`` ("Thủ tướng Chính phủ Phạm Minh
    Chính", "Bộ trưởng Bộ Y tế <name>"); (0, len(words)) otherwise. The name is a surname and one to three
    more capitalised words reaching the end; before it stands a complete body, or a post ("Bộ trưởng …"):
    the post is the issuer, unless a complete body closes its words ("Chủ tịch Quốc hội <name>" gives
    "Quốc hội"). "<body>, <post> <name>" ("Thay mặt Ban Chấp hành Trung ương, Tổng Bí thư <name> đã ký …")
    gives the body before the comma."""
    whole = (0, len(words))
    if len(words) < 3:
        return whole
    toks = [text[s:e] for s, e in words]
    for k in range(1, len(toks) - 1):
        if not (
            toks[k][:1].isupper()
            and _fold(toks[k]) in _family_names()
            and len(toks) - k <= 4
            and all(t[:1].isupper() and t.isalpha() for t in toks[k:])
            and not _level_before(toks, k)
            and _known_place(toks, k) == 0
        ):
            continue
        folded = [_fold(t) for t in toks[:k]]
        if " ".join(folded) in _completes():
            return 0, k
        comma = max((i for i in range(1, k) if "," in text[words[i - 1][1] : words[i][0]]), default=0)
        if not _opens_with_post(folded[comma:]):
            continue
        if comma:
            return 0, comma
        body = next((i for i in range(1, k) if " ".join(folded[i:]) in _completes()), None)
        return (body, k) if body is not None else (0, k)
    return whole


@functools.cache
def _signer_posts() -> frozenset[str]:
    # a body's posts ("position": "Bộ trưởng", "Chủ tịch" …) and those that only sign ("Thủ tướng", "Tổng Bí thư")
    return _positions() | frozenset(fold(p) for p in vocab.issuer_phrases("signer_post"))


def _opens_with_post(folded: list[str]) -> bool:
    """The folded words open with a post a person signs in ("bo truong …", "tong bi thu …")."""
    return any(" ".join(folded[:n]) in _signer_posts() for n in (1, 2, 3, 4))


def of_government(text: str, words: tuple[tuple[int, int], ...]) -> bool:
    """ "Ban Tổ chức – Cán bộ của Chính phủ": a name, then "của" and a complete body it belongs to (an older
    style of naming a government's committees)."""
    toks = [text[s:e] for s, e in words]
    if "của" not in toks[1:-1]:
        return False
    k = toks.index("của", 1)
    if " ".join(_fold(t) for t in toks[k + 1 :]) not in _completes():
        return False
    head = cut(text, words[:k])
    return head.name is not None and head.end == words[k - 1][1]


@functools.cache
def _positions() -> frozenset[str]:
    return frozenset(fold(p) for p in vocab.issuer_phrases("position"))


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return fold(word)


def is_position(folded: str) -> bool:
    """A post ("bo truong", "chu tich"), folded."""
    return folded in _positions()


def position_join(text: str, name: str, end: int) -> IssuerCut | None:
    """ "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": a post alone before a comma is one person's first
    post; the name runs on over the comma to the body of the second."""
    if _fold(name) not in _positions():
        return None
    m = _SEGMENT.match(text, end)
    if m is None or not m.group(1)[:1].isupper():
        return None
    words = tuple((w.start(), w.end()) for w in _WORDS.finditer(text, m.start(1), m.end(1)))
    nxt = cut(text, words)
    if nxt.name is None:
        return None
    return IssuerCut(f"{name}, {nxt.name}", nxt.end, nxt.title_start, "position")


@functools.lru_cache(maxsize=4096)
def named_by_topic(name: str) -> bool:
    """Bodies whose "về …" is part of their name ("Ban Chỉ đạo … về phát triển khoa học …")."""
    f = fold(name)
    return any(t in f for t in _topics())


def ends_with_topic_body(name: str) -> bool:
    """The name is a body named by its topic with no topic yet ("Ban Chỉ đạo", "Ban Chỉ đạo tỉnh")."""
    words = fold(name).split()
    return any(" ".join(words[-n:]) in _topics() for n in (2, 3)) or (
        len(words) > 2 and " ".join(words[-3:-1]) in _topics() and words[-1] in ("tinh", "thanh", "huyen")
    )


@functools.cache
def _topics() -> tuple[str, ...]:
    return tuple(fold(t) for t in vocab.issuer_phrases("topic"))


@functools.cache
def _comma_names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Known bodies whose name has a comma ("Bộ Văn hóa, Thể thao và Du lịch"), by the folded part before
    the first comma: (folded rest after the comma, the full name)."""
    names = set(vocab.organs().values()) | {
        name for kind, _, name in vocab.codes().values() if kind == "issuer"
    }
    out: dict[str, list[tuple[str, str]]] = {}
    for n in names:
        if "," not in n:
            continue
        head, rest = n.split(",", 1)
        out.setdefault(fold(head.strip()), []).append((fold(" ".join(rest.split())), n))
    return {k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in out.items()}


_SPACED_WORD = re.compile(r"[ \t\n*]*([^\W\d_]+)")


@functools.cache
def _known_heads() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Known bodies by each proper front part of their folded name: (the folded words after it, the name),
    longest first."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in vocab.organs().values():
        words = fold(name).replace(",", " ").split()
        for k in range(1, len(words)):
            out.setdefault(" ".join(words[:k]), []).append((tuple(words[k:]), name))
    return {k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in out.items()}


def known_extended(text: str, name: str, end: int) -> tuple[str, int] | None:
    """ "Ủy ban Pháp luật và Tư pháp": the window a citation is parsed in ends before the next type word
    ("luật"), cutting a known body's name there; where the words after it complete a known name, the name
    runs on. Gives the full name and where it ends."""
    options = _known_heads().get(_fold(name).replace(",", " "))
    if not options:
        return None
    for rest, full in options:
        if (pos := _words_follow(text, end, rest)) is not None:
            return full, pos
    return None


_LEVEL_END = re.compile(r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)$", re.I)


def place_after(text: str, name: str, end: int) -> tuple[str, int] | None:
    """ "Ủy ban nhân dân thành⏎⏎phố Cần Thơ": a local body's name that ends on its level word, cut where the
    conversion broke the line; the known province right after it completes it. Gives the name and its end."""
    if _LEVEL_END.search(name) is None:
        return None
    toks: list[str] = []
    ends: list[int] = []
    pos = end
    for _ in range(5):
        m = _SPACED_WORD.match(text, pos)
        # (the break the conversion made comes before the place; a blank line inside the place ends it)
        if m is None or (toks and "\n\n" in text[pos : m.start(1)]):
            break
        toks.append(m.group(1))
        ends.append(m.end())
        pos = m.end()
    n = _known_place(toks, 0) if toks and toks[0][:1].isupper() else 0
    return (f"{name} {' '.join(toks[:n])}", ends[n - 1]) if n else None


def _words_follow(text: str, pos: int, folded: tuple[str, ...] | list[str]) -> int | None:
    """Where the words ``folded`` end when the text from pos goes on with them (spaces and emphasis
    between), else None."""
    for w in folded:
        m = _SPACED_WORD.match(text, pos)
        if m is None or _fold(m.group(1)) != w:
            return None
        pos = m.end()
    return pos


def comma_extended(text: str, name: str, end: int) -> tuple[str, int] | None:
    """ "Bộ Văn hóa, Thể thao và Du lịch": the grammar stops a name at the comma; where the words before it
    open a known name with a comma, the name runs on over it. Gives the full name and where it ends."""
    if text[end : end + 1] != ",":
        return None
    # the known name may follow a post or a longer body's words ("Bộ trưởng Bộ Văn hóa", "liên Bộ Văn hóa")
    words_in = name.split()
    for k in range(len(words_in)):
        options = _comma_names().get(_fold(" ".join(words_in[k:])))
        if options:
            lead = " ".join(words_in[:k])
            break
    else:
        return None
    for rest, full in options:
        if (pos := _words_follow(text, end + 1, rest.split())) is not None:
            return (f"{lead} {full}" if lead else full), pos
    return None
