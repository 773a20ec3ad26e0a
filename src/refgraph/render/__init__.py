"""Renderers: terminal (rich), JSON, exports, HTML, annotated documents and check reports."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def write_text(path: Path, text: str) -> None:
    """Write a report or page; a folder that cannot be written is the user's input error, in one line."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot write ({e.strerror or e})") from None
