"""Reading documents: bytes on disk -> text, with the encoding detected rather than assumed.

Every failure is an :class:`InputError` whose message is one line a user can act on.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")
NOT_DOCUMENTS = ("README.", "LICENSE", "CHANGELOG")
MAX_FILE_MB = float(os.environ.get("REFGRAPH_MAX_FILE_MB", "64"))


class InputError(Exception):
    """A file that cannot be read as a document; str() is a one-line message naming the file."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str


def _vietnamese_score(text: str) -> float:
    """Share of letters that are Vietnamese-specific: tells a right decoding from mojibake."""
    vi = sum(
        1 for c in text if c in "ăâđêôơưĂÂĐÊÔƠƯ" or "\u0300" <= c <= "\u0323" or "\u1ea0" <= c <= "\u1ef9"
    )
    letters = sum(1 for c in text if c.isalpha()) or 1
    return vi / letters


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises InputError for binary or undecodable data."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    # Windows-1258, the Vietnamese code page: tone marks arrive as combining characters
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    if text is not None and _vietnamese_score(text) > 0.02:
        return text, "cp1258"
    raise InputError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}) and not Vietnamese Windows-1258;"
        " convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)"
    )


def _strict(data: bytes, enc: str, name: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: invalid {enc} at byte {e.start}") from None


def read_source(path: str | os.PathLike) -> Source:
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if p.is_dir():
        raise InputError(f"{name}: is a directory")
    if st.st_size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(
            f"{name}: too large ({st.st_size / 1e6:.1f} MB > {MAX_FILE_MB:g} MB); "
            "split it or raise REFGRAPH_MAX_FILE_MB"
        )
    if p.suffix.lower() not in TEXT_SUFFIXES:
        raise InputError(
            f"{name}: unsupported format '{p.suffix or '(none)'}' (readable: {', '.join(TEXT_SUFFIXES)})"
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
    text, enc = decode(data, name)
    return Source(name, text, enc)


def iter_paths(paths: list[str | os.PathLike]) -> tuple[list[Path], list[str]]:
    """Expand files and folders (recursively) into readable-looking document paths.

    Returns (paths, problems): a missing path is a problem; unsupported files inside a folder are skipped.
    Symlink loops are not followed twice.
    """
    out: list[Path] = []
    problems: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            problems.append(f"{raw}: no such file or directory")
            continue
        if p.is_file():
            out.append(p)
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
            for f in sorted(files):
                if f.startswith(".") or not f.lower().endswith(TEXT_SUFFIXES):
                    continue
                if f.upper().startswith(NOT_DOCUMENTS):
                    continue  # a folder's README describes the corpus; it is not one of its documents
                out.append(Path(root) / f)
    return out, problems
