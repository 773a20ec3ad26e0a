"""Text normalization that keeps a map back to the original offsets.

The parser sees one spelling of everything: NFC, one dash, one slash, one Đ, plain spaces. Users see
offsets into the text they gave us. Most real text is already NFC, so the common path is a single
1:1 ``str.translate`` and the offset map is the identity; only non-NFC text pays for a map.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

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
        "\u00d0": "Đ",  # Ð (Icelandic eth, capital) typed for Đ
        "\u0189": "Đ",  # Ɖ (African D)
        "\u00f0": "đ",  # ð
        "\r": " ",  # keep CRLF text's offsets; a lone CR is not a line break we count
        "\f": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)

_NOISE = re.compile("[" + re.escape("".join(chr(c) for c in _TABLE)) + "]")
_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


@dataclass(frozen=True)
class Normalized:
    """``text`` is what the parser reads; ``to_original`` maps its offsets into ``original``."""

    text: str
    original: str
    # starts[i] is the original offset of normalized char i; None when the map is the identity.
    _starts: tuple[int, ...] | None = None

    def to_original(self, i: int) -> int:
        """Original offset for normalized offset ``i`` (0 <= i <= len(text))."""
        if self._starts is None:
            return i
        if i >= len(self._starts):
            return len(self.original)
        return self._starts[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if self._starts is None:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        # end is exclusive: the original end is where the char after the last one starts
        return self.to_original(start), self.to_original(end)


def normalize(original: str) -> Normalized:
    """Normalize ``original`` for parsing. Idempotent: normalize(normalize(t).text).text is unchanged."""
    if unicodedata.is_normalized("NFC", original):
        # translate() is slow on non-ASCII text: only pay for it when there is something to replace
        return Normalized(_clean(original), original)
    out: list[str] = []
    starts: list[int] = []
    for m in _CLUSTER.finditer(original):
        cluster = m.group()
        nfc = unicodedata.normalize("NFC", cluster) if len(cluster) > 1 else cluster
        out.append(nfc)
        starts.extend([m.start()] * len(nfc))
    text = "".join(out)
    if len(text) == len(original) and starts == list(range(len(original))):
        return Normalized(_clean(text), original)
    return Normalized(_clean(text), original, tuple(starts))


def _clean(text: str) -> str:
    # translate() walks every character slowly on non-ASCII text; the noise is rare, so replace hits only
    return _NOISE.sub(_replace_one, text)


def _replace_one(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


def fold(s: str) -> str:
    """Lower-case, strip diacritics, đ→d: for search and loose matching ("chi thi 46")."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


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
