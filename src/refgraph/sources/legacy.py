"""Vietnamese text in encodings other than UTF-8: Windows-1258, and the legacy font encodings of old
documents (TCVN3/ABC, VNI). A decoding is chosen by how Vietnamese it reads, never assumed.

TCVN3 stores each accented lower-case letter as one byte in the upper half (a font, not a code page: an
"upper-case" font draws the same bytes as capitals, so text typed in such a font converts to lower
case). VNI writes a base letter followed by accent bytes; it is recognised and refused by name.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (ABC) bytes, read as Latin-1, and the letters they stand for: the standard's published table.
_TCVN3_FROM = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"
_TCVN3_TO = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
assert len(_TCVN3_FROM) == len(_TCVN3_TO)
_TCVN3 = str.maketrans(_TCVN3_FROM, _TCVN3_TO)

# Words of any Vietnamese administrative text: a right decoding reads many of them.
COMMON = frozenset(
    "của và các được trong năm người với những cho này theo đã không là có về một số ngày tỉnh công thực "
    "hiện đảng nhân dân quyết định chỉ thị nghị việt nam an ninh trật tự bảo đảm tăng cường lãnh đạo "
    "xã hội nhà nước chính phủ ban thường vụ ủy tình hình mới".split()
)
# The same words as VNI writes them (base letters and accent bytes, read as Windows-1252)
_VNI_WORDS = (
    "cuûa",
    "vaø",
    "caùc",
    "ñöôïc",
    "ngaøy",
    "naêm",
    "soá",
    "vieät",
    "ñaûng",
    "nhaân",
    "daân",
    "quyeát",
    "ñònh",
    "chæ",
    "thò",
    "nghò",
    "cuûa",
    "tænh",
    "thöïc",
    "hieän",
    "veà",
    "coâng",
)
_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_rate(text: str) -> float:
    """Share of words that are common Vietnamese words (0 for mojibake)."""
    words = _WORD.findall(unicodedata.normalize("NFC", text[:200_000]).lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in COMMON) / len(words)


def looks_vni(data: bytes) -> bool:
    text = data[:200_000].decode("cp1252", errors="replace").lower()
    hits = sum(text.count(w) for w in _VNI_WORDS)
    return hits >= 3 and hits * 40 > max(1, len(text.split()))


def from_tcvn3(data: bytes) -> str:
    return data.decode("latin-1").translate(_TCVN3)


def best_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for the legacy decoding that reads as Vietnamese, or None."""
    candidates = []
    try:
        candidates.append(("cp1258", data.decode("cp1258")))
    except UnicodeDecodeError:
        pass
    candidates.append(("tcvn3", from_tcvn3(data)))
    scored = [(vietnamese_rate(t), enc, t) for enc, t in candidates]
    rate, enc, text = max(scored)
    if rate < 0.08:
        return None
    return text, enc
