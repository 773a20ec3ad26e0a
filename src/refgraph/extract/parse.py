"""Parse one candidate window with the Lark grammar into plain records (no keys yet: see normalize.py)."""

from __future__ import annotations

import functools
import os
import re
import string
from dataclasses import dataclass, field, replace

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, UnexpectedInput

from .. import vocab
from ..grammar import grammar_text
from ..text import collapse_spaces


@dataclass(frozen=True)
class NumberCode:
    form: str  # party_form | state_year_form | state_year_slashed_form | state_form | dashed_form | slashed_form | short
    number: int
    number_text: str
    year: int | None
    codes: tuple[str, ...]
    start: int
    end: int
    stray_space: bool = False


@dataclass
class ParsedDate:
    day: int | None
    month: int | None
    year: int | None
    text: str


@dataclass
class ParsedItem:
    code: NumberCode
    date: ParsedDate | None = None
    issuer: str | None = None
    terms: list[str] = field(default_factory=list)
    issuer_words: tuple[tuple[int, int], ...] = ()  # (start, end) of each word of the issuer phrase
    shared_code: bool = False
    end: int = 0  # end of the last token that belongs to this item (date, issuer, term)


@dataclass
class ParsedCitation:
    type_word: str
    type_start: int
    items: list[ParsedItem]
    head_end: int  # where the citation proper stops (REST or the title text begins here)
    title_start: int | None = None  # start of an unquoted title's text
    quoted_title: str | None = None
    alias_intro: bool = False
    plenum: int | None = None
    plenum_terms: list[str] = field(default_factory=list)
    lead_issuer: str | None = None
    law_name: str | None = None


@v_args(inline=True)
class _ToRecords(Transformer):
    """Applied while the LALR parser reduces (no tree is built)."""

    # -- number codes
    def codes(self, *toks):
        # CODE (DASH CODE)*: the dashes are kept for the stray-space check
        return list(toks)

    def party_form(self, number, dash, code, slash, codes):
        return self._code_with("party_form", number, [dash, code, slash, *codes])

    def state_year_form(self, number, s1, year, s2, codes):
        return self._code_with("state_year_form", number, [s1, year, s2, *codes], year=year)

    def state_year_slashed_form(self, number, s1, year, s2, code, s3, codes):
        # "84/2005/TTLT/BTC-BLĐTBXH": a slash where the dash after the type code belongs
        return self._code_with("state_year_slashed_form", number, [s1, year, s2, code, s3, *codes], year=year)

    def state_year_glued_form(self, number, s1, year, codes):
        # "49/2025TT-BCT": the slash between the year and the type code lost
        return self._code_with("state_year_glued_form", number, [s1, year, *codes], year=year)

    def state_form(self, number, slash, codes):
        return self._code_with("state_form", number, [slash, *codes])

    def spaced_form(self, number, spaced, slash, codes):
        # "612 TB/SNV": the type code after a space is the first code of a state number, as if slashed
        value = spaced.value.lstrip()
        at = spaced.start_pos + len(spaced.value) - len(value)
        code = Token("CODE", value, start_pos=at, end_pos=at + len(value))
        return self._code_with("state_form", number, [code, slash, *codes])

    def dashed_form(self, number, dash, codes):
        return self._code_with("dashed_form", number, [dash, *codes])

    def slashed_form(self, number, s1, c1, s2, c2):
        return self._code_with("slashed_form", number, [s1, c1, s2, c2])

    def subnumbered_form(self, number, slash, codes):
        # "0825-05/HW-TCHQ": the item of a series, kept with its series number as written
        series = Token("INT", number.value.split("-")[0], start_pos=number.start_pos, end_pos=number.end_pos)
        return replace(self._code_with("state_form", series, [slash, *codes]), number_text=number.value)

    def slashed_year_form(self, number, s1, c1, s2, year):
        # "3/NQ/1976": an old state form with the year last
        return self._code_with("slashed_year_form", number, [s1, c1, s2, year], year=year)

    def _code_with(self, form, number, toks, year=None):
        toks = [number, *toks]
        stray = any(b.start_pos != a.end_pos for a, b in zip(toks, toks[1:]))
        codes: list[str] = []
        joined = False
        for t in toks[1:]:
            if t.type == "AMP":
                joined = True  # "BTC&KH" stays one code
            elif t.type == "CODE":
                if joined and codes:
                    codes[-1] += "&" + t.value
                else:
                    codes.append(t.value)
                joined = False
        return NumberCode(
            form=form,
            number=int(number.value.split(".")[0].rstrip(string.ascii_letters)),
            number_text=number.value,
            year=int(year.value) if year is not None else None,
            codes=tuple(codes),
            start=number.start_pos,
            end=toks[-1].end_pos,
            stray_space=stray,
        )

    # -- dates
    def dmy(self, d, _s1, m, _s2, y):
        return ParsedDate(
            int(d.value), int(m.value), int(y.value), f"{d.value}/{m.value}/{y.value}"
        ), y.end_pos

    def dm(self, a, _s, b):
        # "16/3" (day/month) or "5/2021" (month/year): a four-digit second part is a year
        if len(b.value) == 4:
            return ParsedDate(None, int(a.value), int(b.value), f"{a.value}/{b.value}"), b.end_pos
        return ParsedDate(int(a.value), int(b.value), None, f"{a.value}/{b.value}"), b.end_pos

    def dmy_words(self, d, _t, m, _n, y):
        return ParsedDate(
            int(d.value), int(m.value), int(y.value), f"{d.value}/{m.value}/{y.value}"
        ), y.end_pos

    def en_date_value(self, month, d, *rest):
        y = rest[-1]  # (the comma before the year may be left out)
        m = _EN_MONTHS.index(month.value) + 1
        return ParsedDate(int(d.value), m, int(y.value), f"{d.value}/{m}/{y.value}"), y.end_pos

    def dm_words(self, d, _t, m):
        return ParsedDate(int(d.value), int(m.value), None, f"{d.value}/{m.value}"), m.end_pos

    def date(self, _intro, value):
        return ("date", value[0], value[1])

    def blank_date(self, tok):
        return ("blank_date", None, tok.end_pos)

    # -- issuer, term, title
    def words(self, *toks):
        text = " ".join(t.value.strip() for t in toks).replace(" ,", ",")
        return (
            collapse_spaces(text),
            toks[-1].end_pos,
            tuple((t.start_pos, t.end_pos) for t in toks if t.type != "NAME_DASH"),
        )

    def issuer(self, _intro, words):
        return ("issuer", words[0], words[1], words[2])  # (kind, name, end, word offsets)

    def term(self, _open, *toks):
        romans = [t.value for t in toks if t.type == "ROMAN"]
        return ("term", romans, toks[-1].end_pos)

    def title(self, *toks):
        intro = next((t for t in toks if t.type == "TITLE_INTRO"), None)
        quoted = next((t for t in toks if t.type == "QUOTED"), None)
        return ("title", intro, quoted)

    # -- items and citations
    def item(self, code: NumberCode, *parts):
        item = ParsedItem(code=code, end=code.end)
        for p in parts:
            kind = p[0]
            if kind == "date":
                item.date = p[1]
            elif kind == "issuer":
                item.issuer = p[1]
                item.issuer_words = p[3]
            elif kind == "term":
                item.terms = p[1]
            item.end = max(item.end, p[2])
        return item

    def short_year_item(self, number: Token, slash: Token, year: Token, *parts):
        # "Nghị định 261/2025", "Thông tư liên tịch 13/2025": a number and its year, the code left out (pages
        # that name a document again); a short form that keeps its year. "1/2000" is a map's scale.
        if int(number.value) == 1:
            raise LarkError("a scale, not a number and its year")
        code = NumberCode(
            "short",
            int(number.value),
            number.value,
            int(year.value),
            (),
            _pos(number.start_pos),
            _pos(year.end_pos),
        )
        return self.item(code, *parts)

    def short_item(self, number: Token, *parts):
        code = NumberCode(
            "short", int(number.value), number.value, None, (), _pos(number.start_pos), _pos(number.end_pos)
        )
        return self.item(code, *parts)

    def items(self, *children):
        items = [c for c in children if isinstance(c, ParsedItem)]
        # "Kết luận số 187, 188-KL/TW": a bare number before a coded one shares its code
        for i in range(len(items) - 2, -1, -1):
            code, nxt = items[i].code, items[i + 1].code
            if code.form == "short" and nxt.form != "short":
                items[i].code = NumberCode(
                    nxt.form,
                    code.number,
                    code.number_text,
                    nxt.year,
                    nxt.codes,
                    code.start,
                    code.end,
                    nxt.stray_space,
                )
                items[i].shared_code = True
                if items[i].date is None:
                    # "… số 187, 188-KL/TW ngày 29/8/2025": one code, one date for the pair
                    items[i].date = items[i + 1].date
        return items

    def law_name(self, words):
        return ("law_name", words[0], words[1])

    def lead_issuer(self, _intro, words):
        return ("lead_issuer", words[0], words[1])

    def citation(self, type_word: Token, *rest):
        items: list[ParsedItem] = []
        lead = None
        title = None
        for r in rest:
            if isinstance(r, list):
                items = r
            elif isinstance(r, tuple) and r[0] in ("law_name", "lead_issuer"):
                lead = r
            elif isinstance(r, tuple) and r[0] == "title":
                title = r
        head_end = max(i.end for i in items)
        word = type_word.value
        if type_word.type == "TYPE_ABBR":  # "NĐ 15/2020/NĐ-CP": the abbreviation stands for its type word
            word = vocab.code_name(vocab.canonical_code(word)) or word
        c = ParsedCitation(
            type_word=collapse_spaces(word),
            type_start=_pos(type_word.start_pos),
            items=items,
            head_end=head_end,
        )
        if lead and lead[0] == "law_name":
            c.law_name = lead[1]
        elif lead:
            c.lead_issuer = lead[1]
        if title:
            _, intro, quoted = title
            if quoted is not None:
                c.quoted_title = collapse_spaces(quoted.value[1:-1])
                c.head_end = quoted.end_pos
            else:
                c.title_start = intro.end_pos
                c.head_end = intro.end_pos
        return c

    def continued(self, so: Token, *rest):
        return self.citation(so, *rest)  # the caller gives it the list's type word

    def plenum(self, type_word, _plenum, number, term=None):
        c = ParsedCitation(
            type_word=collapse_spaces(type_word.value),
            type_start=type_word.start_pos,
            items=[],
            head_end=term[-1] if term else number.end_pos,
            plenum=int(number.value),
            plenum_terms=term[1] if term else [],
        )
        return c

    def rest(self, tok):
        return None

    def self_number(self, _so, code, *_rest):
        return code

    def dateline(self, words, _intro, value, *_rest):
        return words[0], value[0]

    def lead_date(self, _intro, value, *_rest):
        return value[0]

    def start(self, *children):
        alias = any(getattr(c, "type", None) == "ALIAS_INTRO" for c in children)
        cit = next(c for c in children if isinstance(c, ParsedCitation))
        cit.alias_intro = alias
        return cit


def _plugins() -> dict:
    """lark-cython runs the same LALR tables several times faster; pure Lark when it is absent or
    REFGRAPH_PURE_PYTHON is set (the tests run both and compare)."""
    if os.environ.get("REFGRAPH_PURE_PYTHON"):
        return {}
    try:
        import lark_cython
    except ImportError:
        return {}
    return {"_plugins": lark_cython.plugins}


@functools.cache
def parser() -> Lark:
    return cached_lark(["start", "self_number", "dateline", "lead_date", "continued"], "citation")


def cached_lark(start: list[str], name: str) -> Lark:
    """A LALR parser of the grammar with these start rules, its analysed tables kept between processes
    under ``name`` (see _cache_file)."""
    plugins = _plugins()
    options = dict(
        parser="lalr",
        lexer="contextual",
        transformer=_ToRecords(),
        maybe_placeholders=False,
        start=start,
        **plugins,
    )
    cached = _cache_file("cython" if plugins else "pure", name)
    if cached is None:
        return Lark(grammar_text(), **options)
    if os.path.exists(cached):  # Lark checks the grammar's and the options' hash before using it
        return Lark(grammar_text(), cache=cached, **options)
    # first run: analyse, write the tables beside, then move them into place in one step, so that a
    # process starting meanwhile (build workers) never reads half a file
    tmp = f"{cached}.{os.getpid()}.tmp"
    p = Lark(grammar_text(), cache=tmp, **options)
    try:
        os.replace(tmp, cached)
    except OSError:
        pass  # another process won, or the folder went away: the parser is built either way
    return p


def _cache_file(kind: str, name: str = "citation") -> str | None:
    """Where the analysed grammar is kept between processes (building the LALR tables takes ~100 ms, a
    cached load a few): the user's cache folder, or none when it cannot be written (REFGRAPH_NO_CACHE
    turns it off)."""
    import lark

    if os.environ.get("REFGRAPH_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "refgraph")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return None
    return os.path.join(folder, f"{name}-grammar-lark{lark.__version__}-{kind}.cache")


_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _pos(p: int | None) -> int:
    """A token's offset (Lark types it optional; tokens from the lexer always carry one)."""
    assert p is not None
    return p


_DIGIT = re.compile(r"\d")


def _digit_before(window: str, pos: int) -> bool:
    """A character of window[:pos] is a digit (str.isdigit: a wider set than the regex's \\d, which is
    looked for first)."""
    return _DIGIT.search(window, 0, pos) is not None or any(c.isdigit() for c in window[:pos])


# Two windows in three do not parse ("quy định tại khoản 1 Điều 15", "Kế hoạch này.\n\n2."). Each rule of
# "start" reaches its first number token (INT, DEC_INT, SUFFIXED_INT or NAME_YEAR, the only tokens with a
# digit, each opening with one) through tokens made of letters, spaces, "*", ",", "-" and ":" alone
# (TYPE_WORD, SO, the words of a lead, ISSUER_INTRO, PLENUM), and the number is either right after the
# type word (or PLENUM), or after "số", or a number code ("12/", "5-", "12.1", "12A/") or a name's year
# before "số". Looked at first, a window with none of these is not given to the parser (nor its prefix).
_FIRST_DIGIT = re.compile(r"\d")
# in none of the tokens before the number (but the dot of an English "No.": EN_NO)
_NOT_BEFORE_NUMBER = re.compile(r"(?!(?<=No)\.)[^\w\s*,:\-]|_")
_SO_BEFORE = re.compile(r"số(?![^\W\d_])\s*:?[\s*]*$", re.I)
# (or the type code after a space, where the slash should stand: "612 TB/SNV")
_NUMBER_CODE_OR_YEAR = re.compile(
    r"\d{1,6}(?:[\s*]*[/-]|\.\d|[A-Z]|[ \t]+[^\W\d_]{2,8}/)|(?:19|20)\d\d\s+số", re.I
)
_PLENUM_OR_NOTHING = re.compile(r"[\s*]*(?:trung\s+ương[\s*]*)?$", re.I)


def could_parse(window: str) -> bool:
    """False only when ``window`` certainly does not parse as "start" (see above); True otherwise."""
    if window[:1] == "(":
        return True  # an alias intro opens it: left to the parser
    digit = _FIRST_DIGIT.search(window)
    if digit is None:
        return False
    i = digit.start()
    if _NOT_BEFORE_NUMBER.search(window, 0, i):
        return False
    if _SO_BEFORE.search(window, 0, i) or _NUMBER_CODE_OR_YEAR.match(window, i):
        return True
    from .scan import type_word_regex  # scan builds its patterns from this module's parser

    head = type_word_regex().match(window)
    # a bare number ("Chỉ thị 07", "Nghị quyết Trung ương 4") follows the type word with nothing between
    return head is None or _PLENUM_OR_NOTHING.match(window, head.end(), i) is not None


def parse_window(window: str) -> ParsedCitation | None:
    """Parse the citation at the start of ``window``; None when there is none.

    A window may end in the middle of an optional continuation that turns out broken ("ngày 16" with
    nothing after it). Then the text before the error is parsed again once, so a sound citation is not
    lost to its tail.
    """
    if not could_parse(window):
        return None
    p = parser()
    try:
        # the parser carries a transformer: it returns what the transformer builds, not a tree
        return p.parse(window, start="start")  # type: ignore[return-value]
    except UnexpectedInput as e:
        pos = getattr(e, "pos_in_stream", None)
        if pos is None:
            tok = getattr(e, "token", None)
            pos = getattr(tok, "start_pos", None)
        if not pos or pos >= len(window) or not _digit_before(window, pos):
            return None  # nothing numbered before the error: no citation to save
        try:
            return p.parse(window[:pos], start="start")  # type: ignore[return-value]
        except LarkError:
            return None
    except LarkError:
        return None


def parse_continued(window: str) -> ParsedCitation | None:
    """Parse a list's later item that gives only "số" and its number code (grammar rule "continued")."""
    try:
        return parser().parse(window, start="continued")  # type: ignore[return-value]
    except LarkError:
        return None


def parse_header(line: str, rule: str):
    """Parse a header line with one of the grammar's header rules ("self_number", "dateline"); None if not."""
    try:
        return parser().parse(line, start=rule)
    except LarkError:
        return None
