"""Text normalization that keeps a map back to the original offsets.

The parser sees one spelling of everything: NFC, one dash, one slash, one Đ, plain spaces. Users see
offsets into the text they gave us. Most real text is already NFC, so the common path is a single
1:1 ``str.translate`` and the offset map is the identity; only non-NFC text pays for a map.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate
from operator import add

# Capital and small letters of the Latin scripts, for character classes: a range such as à-ỹ holds
# Vietnamese capitals too (Đ, Ư, Ơ, Ấ …), so "capital" is spelled out letter by letter.
_LATIN = [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]
UPPER = "".join(c for c in map(chr, _LATIN) if c.isupper())
LOWER = "".join(c for c in map(chr, _LATIN) if c.islower())

# One-to-one replacements (length-preserving, so offsets survive untouched).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SLASHES = "\u2044\u2215\uff0f"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters become spaces rather than disappearing: a space inside a citation is ignored by
# the grammar, and deleting would break the 1:1 offset map.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TABLE = str.maketrans(
    {
        **{c: "-" for c in _DASHES},
        **{c: "/" for c in _SLASHES},
        **{c: " " for c in _SPACES + _INVISIBLE},
        # Cyrillic capitals that look like Latin ones, typed into number codes ("NĐ-СР")
        **dict(zip("АВЕКМНОРСТХ", "ABEKMHOPCTX")),
        "\u00d0": "Đ",  # Ð (Icelandic eth, capital) typed for Đ
        "\u0189": "Đ",  # Ɖ (African D)
        "\u00f0": "đ",  # ð
        "\r": " ",  # keep CRLF text's offsets; a lone CR is not a line break we count
        "\f": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)

# Characters a case-insensitive regex equates with a letter although lower() leaves them as they are:
# the extra equivalences of Python's regex engine (dotless ı ~ i, long ſ ~ s, the Greek symbol forms, …).
_CASE_ODD = re.compile("[ıſµμͅιιΐΐΰΰβϐεϵθϑκϰπϖρϱςσφϕṡẛﬅﬆ]")
# every character whose lower-case form holds one of those (the test suite checks the list against all of
# Unicode): normalize's first scan looks for these too, so a text it finds none in is known to be fit
_CASE_ODD_SOURCES = "µıſͅΐΒΕΘΙΚΜΠΡΣΦΰβεθικμπρςσφϐϑϕϖϰϱϴϵṠṡẛﬅﬆ"

_NOISE = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")

# Combining marks that attach to the character before them (Vietnamese tone and vowel marks are in the
# first range). A "cluster" is one character and the marks after it: NFC composes within clusters only.
_MARK_RANGES = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARK = re.compile(f"[{_MARK_RANGES}]")
_MARK_OR_NOISE = re.compile(
    "[" + re.escape("".join(chr(c) for c in _TABLE) + _CASE_ODD_SOURCES) + _MARK_RANGES + "]"
)
_CLUSTER = re.compile(f".[{_MARK_RANGES}]+", re.S)  # clusters of one character stay as they are
_CLUSTER_SPLIT = re.compile(f"(.[{_MARK_RANGES}]+)", re.S)  # the same, kept by re.split


@functools.cache
def _unsafe() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any unsafe character, the first character a block may start at).

    Unsafe characters (vocab/nfc_unsafe.tsv, written by scripts/make_nfc_unsafe.py) are those NFC changes
    on their own, that reorder, or that compose with what precedes them. A stretch with none of them
    composes in one C call exactly as it would cluster by cluster; a stretch with some goes cluster by
    cluster. Blocks start only at a character that is neither unsafe nor a mark, so nothing composes or
    reorders across a block boundary."""
    rows = resources.files("refgraph.vocab").joinpath("nfc_unsafe.tsv").read_text(encoding="utf-8")
    spans = [line.split("\t") for line in rows.splitlines() if line.strip() and not line.startswith("#")]
    # Beyond the BMP every character counts as unsafe: a class within the BMP compiles to a bitmap (one
    # lookup a character), while ranges beyond it would be tried one by one for every character.
    bmp = [(int(a, 16), int(b, 16)) for a, b in spans if int(a, 16) <= 0xFFFF]
    unsafe = "".join(_escape_range(a, min(b, 0xFFFF)) for a, b in bmp) + "\U00010000-\U0010ffff"
    return re.compile(f"[{unsafe}]"), re.compile(f"[^{unsafe}{_MARK_RANGES}]")


def _escape_range(a: int, b: int) -> str:
    return re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"


BLOCK = 1024  # characters of the original per block of the offset map


class _NFC(dict):
    """NFC of each distinct cluster, computed once (a text repeats a few hundred clusters)."""

    def __missing__(self, cluster: str) -> str:
        self[cluster] = nfc = unicodedata.normalize("NFC", cluster)
        return nfc


_CLUSTER_NFC = _NFC()


def _cluster_nfc(m: re.Match[str]) -> str:
    return _CLUSTER_NFC[m.group()]


# Block kinds in _OffsetMap.marked: no marks (one to one), composed whole in one call (no unsafe
# character: every cluster is a safe character and its marks), composed cluster by cluster.
_PLAIN, _WHOLE, _CLUSTERS = 0, 1, 2
# In a block without these, the marks are exactly the characters U+0300-U+036F, whose UTF-8 starts with
# byte 0xCC or 0xCD (and composing creates none of these: checked over every BMP character and mark)
_COUNTABLE, _COUNTABLE_NO_MARKS, _NOT_COUNTABLE = 1, 2, 3
_UNCOUNTABLE = re.compile("[\u0370-\u037f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _marks(s: str, start: int, end: int) -> int:
    """How many marks s[start:end] holds, in a stretch without _UNCOUNTABLE characters: counted in its
    UTF-8 at C speed (a regex takes several times longer on decomposed text, a mark every few letters)."""
    b = s[start:end].encode("utf-8", "surrogatepass")
    return b.count(b"\xcc") + b.count(b"\xcd")


class _OffsetMap:
    """Normalized offset -> original offset for a text whose clusters were composed.

    Every character of a cluster maps to the cluster's start; elsewhere characters map one to one. The
    map is sparse: the text is cut into blocks of about BLOCK original characters, at cluster
    boundaries, and only where each block starts is stored.

    Within a block composed whole, every cluster (a safe character and its marks) composes to one
    character that is not a mark, followed by any marks left over: the n-th non-mark of the normalized
    block is the n-th of the original block, so an offset is found by counting marks on both sides
    (_unit_start), with nothing stored. Other blocks list their clusters (by re-reading their original
    text) the first time an offset inside them is asked for."""

    def __init__(self, original: str, orig_starts: array, norm_starts: array, marked: bytearray) -> None:
        self.original = original
        self.text = ""  # the normalized text, set once it is joined
        self.orig_starts = orig_starts  # block k starts at orig_starts[k] in the original ...
        self.norm_starts = norm_starts  # ... and at norm_starts[k] in the normalized text
        self.marked = marked  # marked[k]: block k's kind (_PLAIN, _WHOLE or _CLUSTERS)
        self._countable = bytearray(len(marked))  # per block: 0 not yet known, else a _COUNTABLE kind
        self._last = (-1, 0, 0)  # (block, u, q) of the last _unit_start
        self._clusters: dict[int, tuple[list[int], list[int], list[int], list[int]]] = {}

    def __call__(self, i: int) -> int:
        k = bisect.bisect_right(self.norm_starts, i) - 1
        local = i - self.norm_starts[k]
        kind = self.marked[k]
        if kind == _PLAIN:
            return self.orig_starts[k] + local
        if kind == _WHOLE and self._counts(k):
            return self.orig_starts[k] + self._unit_start(k, local)
        ns, ne, os_, oe = self._block(k)
        c = bisect.bisect_right(ns, local) - 1
        if c < 0:
            return self.orig_starts[k] + local
        if local < ne[c]:
            return os_[c]  # inside a cluster: its start
        return oe[c] + (local - ne[c])

    def _counts(self, k: int) -> bool:
        known = self._countable[k]
        if not known:
            start = self.orig_starts[k]
            end = self.orig_starts[k + 1] if k + 1 < len(self.orig_starts) else len(self.original)
            if _UNCOUNTABLE.search(self.original, start, end) is not None:
                known = _NOT_COUNTABLE
            else:
                ns = self.norm_starts[k]
                ne = self.norm_starts[k + 1] if k + 1 < len(self.norm_starts) else len(self.text)
                # composed text usually keeps no mark: then a normalized offset is its non-mark's number
                known = _COUNTABLE if _marks(self.text, ns, ne) else _COUNTABLE_NO_MARKS
            self._countable[k] = known
        return known != _NOT_COUNTABLE

    def _unit_start(self, k: int, local: int) -> int:
        """Offset in block k's original of the cluster (or lone character) holding the normalized block's
        character ``local``: the u-th non-mark on both sides, u counted in the normalized block."""
        if self._countable[k] == _COUNTABLE_NO_MARKS:
            u = local
        else:
            ns = self.norm_starts[k]
            u = local - _marks(self.text, ns, ns + local + 1)  # non-marks before the character's own
        # the least q with u + 1 non-marks in the original's first q characters: q = u + 1 + marks(:q),
        # reached from below by adding the marks of each stretch newly taken in (a few short steps).
        # A mention asks for its start, then its end a little further: the end starts where the start
        # was found (the answer only grows with u).
        o = self.orig_starts[k]
        q = m = 0
        last_k, last_u, last_q = self._last
        if last_k == k and last_u <= u:
            q, m = last_q, last_q - last_u - 1
        while u + 1 + m != q:
            nq = u + 1 + m
            m += _marks(self.original, o + q, o + nq)
            q = nq
        self._last = (k, u, q)
        return q - 1

    def _block(self, k: int) -> tuple[list[int], list[int], list[int], list[int]]:
        """(normalized start, normalized end, original start, original end) of block k's clusters;
        normalized offsets local to the block, original ones absolute."""
        hit = self._clusters.get(k)
        if hit is not None:
            return hit
        start = self.orig_starts[k]
        end = self.orig_starts[k + 1] if k + 1 < len(self.orig_starts) else len(self.original)
        # Whole lists at a time, no Python step per cluster (a decomposed text has one in most
        # syllables): the block split into the stretches between clusters and the clusters; a cluster
        # starts after the stretches and clusters before it, in the original at their own lengths, in
        # the normalized text at their composed lengths.
        parts = _CLUSTER_SPLIT.split(self.original[start:end])
        gaps = list(map(len, parts[0::2]))
        clusters = parts[1::2]
        n = len(clusters)
        orig_len = list(map(len, clusters))
        norm_len = list(map(len, map(_CLUSTER_NFC.__getitem__, clusters)))
        os_ = list(accumulate(map(add, gaps[:n], [0] + orig_len[: n - 1]), initial=start))[1:]
        ns = list(accumulate(map(add, gaps[:n], [0] + norm_len[: n - 1])))
        oe = list(map(add, os_, orig_len))
        ne = list(map(add, ns, norm_len))
        self._clusters[k] = hit = (ns, ne, os_, oe)
        return hit


@dataclass(frozen=True)
class Normalized:
    """``text`` is what the parser reads; ``to_original`` maps its offsets into ``original``."""

    text: str
    original: str
    # None when the map is the identity (the common case: text already composed)
    _map: _OffsetMap | None = None
    # no mark, noise or case-odd character in it (normalize's first scan found none): lowered without a check
    plain: bool = False

    def to_original(self, i: int) -> int:
        """Original offset for normalized offset ``i`` (0 <= i <= len(text))."""
        if self._map is None:
            return i
        if i >= len(self.text):
            return len(self.original)
        return self._map(i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if self._map is None:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        # end is exclusive: the original end is where the char after the last one starts
        return self.to_original(start), self.to_original(end)


def normalize(original: str) -> Normalized:
    """Normalize ``original`` for parsing. Idempotent: normalize(normalize(t).text).text is unchanged.

    Decomposed text (NFD, common from some editors and web pages) is composed cluster by cluster: a
    character and the combining marks after it become one character where NFC has one. Offsets map back
    to the original through a sparse map (see _OffsetMap).

    The last text normalized is remembered by identity: a build reads a file's header and its citations
    from one text, and normalizes it once."""
    for text, n in _LAST_NORMALIZED:
        if text is original:
            return n
    n = _normalize(original)
    if len(original) > 256:  # a text, not a name or a key normalized on the way
        _LAST_NORMALIZED.insert(0, (original, n))
        del _LAST_NORMALIZED[2:]  # the file's text and a part of it its header reading normalizes
    return n


_LAST_NORMALIZED: list[tuple[str, Normalized]] = []  # (text, its Normalized), the last first


def normalized_top(text: str, cut: int) -> str | None:
    """normalize(text[:cut]).text taken from the whole text's normalization when that was done last and
    maps one to one (no composed clusters); None otherwise. ``cut`` must fall at a line break: nothing
    the normalizer joins crosses one."""
    for known, n in _LAST_NORMALIZED:
        if known is text:
            return n.text[:cut] if n._map is None else None
    return None


def _normalize(original: str) -> Normalized:
    # one scan for either a mark or a noise character (most texts have neither); the marks are looked for
    # only from the first hit on
    hit = _MARK_OR_NOISE.search(original)
    if hit is None:
        text = _join_split_numbers(original) if "*" in original else original
        return Normalized(text, original, None, True)
    if _MARK.search(original, hit.start()) is None:
        # no combining marks: nothing composes (characters NFC would change on their own are left as
        # they are, like everywhere else); translate only the noise
        return Normalized(_clean(original), original)
    text, changed, offsets = _compose(original)
    if not changed and _is_nfc(original, offsets):
        return Normalized(text, original)  # marks that compose with nothing: no map
    return Normalized(text, original, offsets)


def _is_nfc(original: str, offsets: _OffsetMap) -> bool:
    """unicodedata.is_normalized("NFC", original), asked only of the blocks that can fail it: those
    with marks or unsafe characters (nothing interacts across block boundaries, see _unsafe)."""
    unsafe, _ = _unsafe()
    starts = offsets.orig_starts
    ends = list(starts[1:]) + [len(original)]
    for k in range(len(starts)):
        block = original[starts[k] : ends[k]]
        if offsets.marked[k] or unsafe.search(block):
            if not unicodedata.is_normalized("NFC", block):
                return False
    return True


def _compose(original: str) -> tuple[str, bool, _OffsetMap]:
    """(composed and cleaned text, whether composing changed anything, the offset map). Blocks are
    cleaned as they go, so the text is held twice at most (the blocks, then their join)."""
    unsafe, safe_start = _unsafe()
    parts: list[str] = []
    orig_starts = array("q")
    norm_starts = array("q")
    marked = bytearray()
    n = len(original)
    pos = norm = 0
    changed = False
    nfc = unicodedata.normalize
    while pos < n:
        end = min(pos + BLOCK, n)
        if end < n:
            nxt = safe_start.search(original, end)
            end = nxt.start() if nxt is not None else n
        block = original[pos:end]
        orig_starts.append(pos)
        norm_starts.append(norm)
        if _MARK.search(block) is None:
            out = block
            marked.append(_PLAIN)
        else:
            # a text that opens with a mark: that mark is a cluster of its own, left as it is
            whole = unsafe.search(block) is None and not (pos == 0 and _MARK.match(block))
            out = nfc("NFC", block) if whole else _CLUSTER.sub(_cluster_nfc, block)
            marked.append(_WHOLE if whole else _CLUSTERS)
            changed = changed or out != block
        parts.append(_clean(out))  # one for one: offsets within the block are unchanged
        norm += len(out)
        pos = end
    offsets = _OffsetMap(original, orig_starts, norm_starts, marked)
    offsets.text = text = "".join(parts)
    return text, changed, offsets


# Markdown emphasis that splits a number ("năm 201**2**", "số **1**52/2025/NĐ-CP") would make two numbers
# of one: the digits are joined and the markers moved after them. The length is unchanged, so offsets
# still map one for one (a span inside such a number may sit a few characters off, never outside it).
# The same inside a code's last part ("39/2024/QH**1**5"): the letters after "/" or "-" join the digits.
_SPLIT_NUMBER = re.compile(r"(?<=[/\-])[A-ZĐ]+\*+\d+(?:\*+\d+)*|\d+(?:\*+\d+)+")
_STAR_DIGIT = re.compile(r"\*\d")  # in every split number; a literal first character, found fast
# A split number and the "/" or "-" its look-behind wants are made of these characters only: the pattern
# runs on each stretch of them around a "*" and a digit (on a whole markdown page it tries at every
# character: most of normalizing such a page went there). A match never crosses a stretch's ends, and at
# a stretch's start the look-behind fails in the stretch as in the text, so the result is the same.
_NUMBER_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZĐ*/-"
_NUMBER_RUN = re.compile(r"[0-9A-ZĐ*/\-]*")


def _join_number(m: re.Match[str]) -> str:
    s = m.group()
    digits = s.replace("*", "")
    return digits + "*" * (len(s) - len(digits))


def _clean(text: str) -> str:
    # translate() walks every character slowly on non-ASCII text; the noise is rare, so replace hits only
    text = _NOISE.sub(_replace_one, text)
    if "*" in text:
        text = _join_split_numbers(text)
    return text


def _join_split_numbers(text: str) -> str:
    parts: list[str] = []
    done = 0  # text[:done] is in parts
    for m in _STAR_DIGIT.finditer(text):
        if m.start() < done:
            continue  # inside the stretch just handled
        start = m.start()
        while start > done and text[start - 1] in _NUMBER_CHARS:
            start -= 1
        end = _NUMBER_RUN.match(text, m.start()).end()  # type: ignore[union-attr]  # "*" always matches
        parts.append(text[done:start])
        parts.append(_SPLIT_NUMBER.sub(_join_number, text[start:end]))
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _replace_one(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


# The lower-cased forms of the few texts in hand, by identity: several scans of one text each want it,
# many times per text. Not an lru_cache: that compares a new text equal to a cached one character by
# character on every look-up (an extracted text is a new string each time).
_LOWER_KEPT: list[tuple[str, str, str | None]] = []  # (text, text.lower(), lowered(text))
_KEEP = 4


def _kept(text: str) -> tuple[str, str, str | None]:
    for entry in _LOWER_KEPT:
        if entry[0] is text:
            return entry
    low = text.lower()
    fit = (
        low
        if len(low) == len(text)
        and (any(n.text is text and n.plain for _, n in _LAST_NORMALIZED) or _CASE_ODD.search(low) is None)
        else None
    )
    entry = (text, low, fit)
    _LOWER_KEPT.insert(0, entry)
    del _LOWER_KEPT[_KEEP:]
    return entry


def lower(text: str) -> str:
    """``text.lower()``, kept for the few texts in hand."""
    return _kept(text)[1]


def matches_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` where every match is known to start at one of ``starts``: ``rx`` is tried only
    there, in order, each start from the end of the last match on (as finditer goes on). The fast scans find
    the starts by a plain letter or word, where the engine jumps between occurrences; a pattern that opens
    with a class of characters is tried at every position."""
    end = 0
    match = rx.match
    for c in sorted(set(starts)):
        if c >= end and (m := match(text, c)) is not None:
            yield m
            end = m.end()


def lowered(text: str) -> str | None:
    """``text.lower()`` when a lower-case pattern compiled without re.I finds on it exactly what it finds
    with re.I (several times faster: the engine skips ahead on a literal first character instead of
    folding every character it looks at); None when a character changes length when lower-cased (offsets
    would move) or is one the engine folds specially."""
    return _kept(text)[2]


def plain_positions(s: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``s``, found as plain text (str.find skips ahead faster than a pattern)."""
    i = s.find(word)
    while i != -1:
        yield i
        i = s.find(word, i + len(word))


def fold(s: str) -> str:
    """Lower-case, strip diacritics, đ→d: for search and loose matching ("chi thi 46")."""
    # names and words are folded again and again (every candidate name is compared folded): short
    # strings are remembered, a whole text is not
    return _fold_short(s) if len(s) <= 256 else _fold(s)


DASHES = _DASHES  # every dash the normalizer reads as "-"
QUOTE_REACH = 3000  # characters back to where an open quotation may have begun
_FOLD_DASHES = str.maketrans({c: "-" for c in _DASHES})


# "UBND TP. Hà Nội", "Tx. Sơn Tây": abbreviations of a city or town whose dot ends no sentence and no name
# (the grammar's PLACE_ABBR terminal spells the same)
PLACE_ABBREVIATIONS = ("TP", "Tp", "TX", "Tx")
PLACE_ABBR_ALTS = "|".join(PLACE_ABBREVIATIONS)  # for patterns; each two letters, so fit for a look-behind


def open_quote(text: str, lo: int, pos: int) -> int:
    """Where a curly quotation still open at ``pos`` opened (looking back to ``lo``), or -1."""
    opened = text.rfind("“", lo, pos)
    return opened if opened != -1 and text.find("”", opened, pos) == -1 else -1


def open_quote_nested(text: str, lo: int, pos: int) -> int:
    """``open_quote`` where quotations nest: "“Điều 4. … Thay thế cụm từ “Lao động” bằng cụm từ “Nội vụ” tại
    …" is open after the inner ones. (Only where nesting is the text's habit: a stray unclosed quotation far
    back would otherwise open everything after it.)"""
    opened = open_quote(text, lo, pos)
    if opened != -1 or text.rfind("“", lo, pos) == -1:
        return opened
    depth = 0
    for m in reversed(list(_CURLY.finditer(text, lo, pos))):
        if m.group() == "”":
            depth += 1
        elif depth == 0:
            return m.start()
        else:
            depth -= 1
    return -1


_CURLY = re.compile("[“”]")


def _fold_reference(s: str) -> str:
    # one dash: "Lao động – Thương binh" and "Lao động - Thương binh" are one name
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D").translate(_FOLD_DASHES))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class _FoldTable(dict):
    """Each character's fold before lower-casing, made the first time the character is seen. Folding goes
    character by character (a decomposition is one character's own, and all the marks it gives are
    dropped), so one str.translate does what _fold_reference does; lower() stays on the whole string,
    where it looks at context (a final Greek sigma)."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        c = {"đ": "d", "Đ": "D"}.get(c, c).translate(_FOLD_DASHES)
        folded = "".join(m for m in unicodedata.normalize("NFD", c) if not unicodedata.combining(m))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _fold(s: str) -> str:
    return s.translate(_FOLD_TABLE).lower()


_fold_short = functools.lru_cache(maxsize=65536)(_fold)


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins, for turning offsets into 1-based line numbers."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def collapse_spaces(s: str) -> str:
    return " ".join(s.split())
