"""The metadata block legal portals print above a document ("Số hiệu:", "Loại văn bản:", "Ngày ban
hành:" …): each label a block, its value the block after it (or the rest of its own block)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import vocab
from ..text import fold
from .lines import Block

PORTAL_REACH = 120  # blocks from the top where a portal block may sit


@dataclass(frozen=True)
class PortalValue:
    field: str
    label: str
    value: str
    line: int


@dataclass(frozen=True)
class Portal:
    values: tuple[PortalValue, ...]
    end: int  # index of the block after the last value

    def get(self, field: str) -> PortalValue | None:
        return next((v for v in self.values if v.field == field), None)


_LABEL = re.compile(r"^([^\W\d_][^:]{1,30}?)\s*:\s*(.*)$")


def may_hold_portal(top: str) -> bool:
    """False only when no block of the normalized ``top`` can be a label giving the number ("Số hiệu:"),
    without which read_portal finds no portal (one file in thirty has one). A label's block puts the label
    right before a colon, with only spaces, line breaks and markup between (clean removes the markup), so
    the label's last word is the word before some colon of the top, folded once its markup is dropped."""
    ends = _key_label_ends()
    colon = top.find(":")
    while colon != -1:
        j = colon
        while j and (top[j - 1].isspace() or top[j - 1] in "*_`"):
            j -= 1
        k = j
        while k and not top[k - 1].isspace() and top[k - 1] != ":":
            k -= 1
        word = top[k:j].replace("*", "").replace("_", "").replace("`", "")
        if word and fold(word).endswith(ends):
            return True
        colon = top.find(":", colon + 1)
    return False


@functools.cache
def _key_label_ends() -> tuple[str, ...]:
    """The folded last word of each label that gives the number ("hieu" of "Số hiệu")."""
    return tuple({label.split()[-1] for label, field in vocab.portal_fields().items() if field == "key"})


def read_portal(blocks: Sequence[Block]) -> Portal | None:
    labels = vocab.portal_fields()
    values: list[PortalValue] = []
    end = 0
    i = 0
    limit = min(len(blocks), PORTAL_REACH)
    while i < limit:
        m = _LABEL.match(blocks[i].text)
        field = labels.get(fold(m.group(1)).strip()) if m else None
        if m is None or field is None:
            i += 1
            continue
        value, line = m.group(2).strip(), blocks[i].line
        if not value and i + 1 < len(blocks) and not _LABEL.match(blocks[i + 1].text):
            i += 1
            value, line = blocks[i].text.strip(), blocks[i].line
        if value and not any(v.field == field for v in values):
            values.append(PortalValue(field, m.group(1).strip(), value, line))
            end = i + 1
        i += 1
    if not any(v.field == "key" for v in values):
        return None  # a lone "Người ký:" in a page is not a portal's block
    return Portal(tuple(values), end)


def _wfold(w: str) -> str:
    w = fold(w).strip(".,;:()*")
    return str(int(w)) if w.isdigit() else w


def _abbreviation(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def expand_abbreviated(value: str, text: str) -> str | None:
    """A portal abbreviates long names ("Ban Chỉ đạo sắp xếp ĐVHC … CQĐP 02 cấp"); the document's
    own text writes them out. The full name is the shortest stretch of the text that begins with the
    value's first words, ends with its last word, and holds its other plain words in order."""
    words = value.split()
    if len(words) < 4 or not any(_abbreviation(w) for w in words):
        return None
    plain = [_wfold(w) for w in words if not _abbreviation(w)]
    first, last = plain[:3], plain[-1]
    raw = re.sub(r"\*+", "", text).split()
    folded = [_wfold(w) for w in raw]
    best = None
    for i in range(len(folded) - len(first)):
        if folded[i : i + len(first)] != first:
            continue
        j, k = i, 0
        while j < len(folded) and j - i < 60 and k < len(plain):
            if folded[j] == plain[k]:
                k += 1
            j += 1
        if any(_abbreviation(w) for w in raw[i:j]):
            continue  # the portal's own abbreviated line, or another abbreviated copy
        if k == len(plain) and folded[j - 1] == last and (best is None or j - i < best[1] - best[0]):
            best = (i, j)
    if best is None:
        return None
    return " ".join(raw[best[0] : best[1]]).strip(".,;:")
