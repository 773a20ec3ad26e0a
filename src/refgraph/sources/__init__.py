"""Reading documents: bytes on disk -> text, with the encoding detected rather than assumed.

Every failure is an :class:`InputError` whose message is one line a user can act on.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# formats recognised but not read: named, with how to convert them
REFUSED = {
    ".doc": "legacy Word .doc is not read; convert it: libreoffice --headless --convert-to docx FILE",
    ".odt": "OpenDocument .odt is not read; convert it: libreoffice --headless --convert-to docx FILE",
    ".rtf": "RTF is not read; convert it: libreoffice --headless --convert-to docx FILE",
}
_READ_SUFFIXES = SUPPORTED + tuple(REFUSED)
NOT_DOCUMENTS = ("README.", "LICENSE", "CHANGELOG")
# Written into every page refgraph makes (annotate, html), so that a later build over the same folder
# does not read them back as documents: `annotate corpus/x.txt` writes corpus/x.txt.html.
GENERATOR_META = '<meta name="generator" content="refgraph">'
_GENERATOR_PROBE = b'name="generator" content="refgraph'
MAX_FILE_MB = float(os.environ.get("REFGRAPH_MAX_FILE_MB", "64"))


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises InputError for binary or undecodable data."""
    from .legacy import best_legacy, looks_vni

    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:  # anywhere: a text file with a binary tail is not a text document either
        raise InputError(f"{name}: binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    if looks_vni(data):
        raise InputError(
            f"{name}: Vietnamese in the legacy VNI font encoding, which refgraph does not convert; "
            "convert it to Unicode first (e.g. with UniKey's converter)"
        )
    legacy = best_legacy(data)
    if legacy is not None:
        return legacy
    raise InputError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}) nor Vietnamese in Windows-1258 or TCVN3;"
        " convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)"
    )


def to_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, how it was read) for a file's bytes, by its suffix."""
    suffix = Path(name).suffix.lower()
    if suffix in REFUSED:
        raise InputError(f"{name}: {REFUSED[suffix]}")
    if suffix == ".docx":
        from .docx import DocxError, docx_to_text

        try:
            return docx_to_text(data), "docx"
        except DocxError as e:
            raise InputError(f"{name}: {e}") from None
    if suffix == ".pdf":
        from .pdf import PdfError, pdf_to_text

        try:
            return pdf_to_text(data), "pdf"
        except PdfError as e:
            raise InputError(f"{name}: {e}") from None
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: binary file (NUL bytes), not a text document")
    text, encoding = decode(data, name)
    if suffix in (".html", ".htm"):
        from .html import html_to_text

        return html_to_text(text), f"html/{encoding}"
    return text, encoding


def _strict(data: bytes, enc: str, name: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: invalid {enc} at byte {e.start}") from None


def read_bytes(path: str | os.PathLike) -> bytes:
    """A document's bytes, after every check that can be made without decoding them (one-line errors)."""
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file (or it disappeared while being read)") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if stat.S_ISDIR(st.st_mode):  # the stat just made, not another one (a corpus is read file by file)
        raise InputError(f"{name}: is a directory")
    if st.st_size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(
            f"{name}: too large ({st.st_size / 1e6:.1f} MB > {MAX_FILE_MB:g} MB); split it or raise REFGRAPH_MAX_FILE_MB"
        )
    suffix = p.suffix.lower()
    if suffix in REFUSED:
        raise InputError(f"{name}: {REFUSED[suffix]}")
    if suffix not in SUPPORTED:
        raise InputError(
            f"{name}: unsupported format '{p.suffix or '(none)'}' (readable: {', '.join(SUPPORTED)})"
        )
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except FileNotFoundError:
        raise InputError(f"{name}: disappeared while being read") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if not data.strip():
        raise InputError(f"{name}: empty file")
    return data


def read_source(path: str | os.PathLike) -> Source:
    name = str(path)
    text, enc = to_text(name, read_bytes(path))
    if not text.strip():
        raise InputError(f"{name}: no text in it")
    return Source(name, text, enc)


def written_by_refgraph(path: str | os.PathLike) -> bool:
    """True for an HTML page refgraph wrote itself (it carries GENERATOR_META near the top)."""
    if not str(path).lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as fh:
            return _GENERATOR_PROBE in fh.read(4096)
    except OSError:
        return False  # unreadable: reading it later gives the proper one-line error


def iter_paths(paths: Sequence[str | os.PathLike]) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursively) into readable-looking document paths.

    Returns (paths, problems): a missing path is a problem; unsupported files inside a folder are skipped.
    Symlink loops are not followed twice.
    """
    out: list[Path] = []
    problems: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        p = Path(raw)
        try:
            os.stat(p)
        except FileNotFoundError:
            problems.append(f"{raw}: no such file or directory")
            continue
        except PermissionError:  # inside a folder that may not be entered
            problems.append(f"{raw}: permission denied")
            continue
        except OSError as e:
            problems.append(f"{raw}: cannot read ({e.strerror or e})")
            continue
        if p.is_file():
            if written_by_refgraph(p):
                problems.append(f"{raw}: a page written by refgraph (annotate or html), not a document")
            else:
                out.append(p)
            continue
        if p.is_dir() and not os.access(p, os.R_OK | os.X_OK):
            problems.append(f"{raw}: permission denied")
            continue
        for root, dirs, files in os.walk(p, followlinks=True):
            try:
                st = os.stat(root)
            except OSError:
                continue
            ident = (st.st_dev, st.st_ino)
            if ident in seen_dirs:
                dirs[:] = []
                continue
            seen_dirs.add(ident)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            base = Path(root)
            for f in sorted(files):
                if f.startswith(".") or not f.lower().endswith(_READ_SUFFIXES):
                    continue
                if f.upper().startswith(NOT_DOCUMENTS):
                    continue  # a folder's README describes the corpus; it is not one of its documents
                fp = base / f
                if written_by_refgraph(fp):
                    continue  # refgraph's own annotate or html page
                out.append(fp)
    return out, problems
