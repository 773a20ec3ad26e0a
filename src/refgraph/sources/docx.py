"""Word documents (.docx) read directly from their XML: body paragraphs and tables in order, then
headers, footers and footnotes; tracked insertions count as text, tracked deletions do not. One
paragraph becomes one line, so a mention's line is its paragraph number.

Read with the standard library's zipfile and ElementTree rather than python-docx, which skips runs
inside tracked insertions and does not read footnotes. Archives are checked before anything is
decompressed: a "document" that would inflate past the limits is refused as a likely zip bomb.
"""

from __future__ import annotations

import zipfile
import zlib
from xml.etree import ElementTree as ET

from ..errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Limits on the XML parts that are read (document, headers, footers, footnotes; images are never
# unpacked). A long real decree's document.xml is a few MB; past the absolute bound parsing would cost
# gigabytes whatever the compression. The ratio catches a small file that inflates enormously, but only
# past a minimum size: a short, repetitive document compresses 100:1 and is no bomb.
MAX_XML = 32_000_000
MAX_RATIO = 100
RATIO_FROM = 4 * 1024 * 1024


class DocxError(InputError, ValueError):
    """A .docx that cannot be unpacked (read_source adds the file name)."""


def _paragraph_text(p: ET.Element) -> str:
    out = []
    for el in p.iter():
        if el.tag == W + "t":  # w:delText (deleted text) is another tag and is skipped
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append(" ")
    return "".join(out)


def _blocks(root: ET.Element) -> list[str]:
    lines: list[str] = []
    body = root.find(W + "body")
    container = body if body is not None else root
    for el in container:
        if el.tag == W + "p":
            lines.append(_paragraph_text(el))
        elif el.tag == W + "tbl":
            for row in el.iter(W + "tr"):
                cells = [" ".join(_paragraph_text(p) for p in tc.iter(W + "p")) for tc in row.iter(W + "tc")]
                lines.append("\t".join(cells))
        elif el.tag == W + "sdt":  # content controls wrap ordinary paragraphs
            content = el.find(W + "sdtContent")
            if content is not None:
                lines.extend(_blocks(content))
    return lines


def _read_part(name: str) -> bool:
    return name == "word/document.xml" or (
        name.startswith(("word/header", "word/footer", "word/footnotes")) and name.endswith(".xml")
    )


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def docx_to_text(data: bytes) -> str:
    try:
        return _docx_to_text(data)
    except (DocxError, MemoryError):
        raise
    except Exception as e:  # a damaged archive raises many kinds (bad seeks, unknown zip versions …)
        raise DocxError(f"damaged .docx ({type(e).__name__}: {e})"[:200]) from None


def _docx_to_text(data: bytes) -> str:
    import io

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as e:
        raise DocxError(f"not a valid .docx (zip) file ({e})") from None
    with z:
        names = set(z.namelist())
        # zipfile never yields more than an entry's declared size (and fails the CRC if the data
        # would go on), so the declared sizes bound what reading these parts can cost
        parts = [i for i in z.infolist() if _read_part(i.filename)]
        total = sum(i.file_size for i in parts)
        packed = sum(i.compress_size for i in parts) or 1
        if total > MAX_XML:
            raise DocxError(
                f"refused: its text would unpack to {_size(total)} (limit {_size(MAX_XML)}; a zip bomb?)"
            )
        if total > RATIO_FROM and total / packed > MAX_RATIO:
            raise DocxError(f"refused: would unpack to {_size(total)} from {_size(packed)} (a zip bomb?)")
        if "word/document.xml" not in names:
            raise DocxError("not a Word document (no word/document.xml)")
        try:
            lines = _blocks(ET.fromstring(z.read("word/document.xml")))
            extra = sorted(
                n for n in names if n.startswith(("word/header", "word/footer")) and n.endswith(".xml")
            )
            for name in extra + (["word/footnotes.xml"] if "word/footnotes.xml" in names else []):
                root = ET.fromstring(z.read(name))
                paras = [_paragraph_text(p) for p in root.iter(W + "p")]
                paras = [x for x in paras if x.strip()]
                if paras:
                    lines.append("")
                    lines.extend(paras)
        except (ET.ParseError, KeyError, zipfile.BadZipFile, RuntimeError, zlib.error, EOFError) as e:
            raise DocxError(f"damaged .docx ({e})") from None
    return "\n".join(lines) + "\n"
