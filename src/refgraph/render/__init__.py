"""Renderers: terminal (rich), JSON, exports, HTML, annotated documents and check reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError

# A hub is cited tens of thousands of times: the terminal shows the first rows (and the totals), JSON all.
TERMINAL_ROWS = 50


def print_json(data: Any) -> None:
    """JSON for scripts: complete, UTF-8 as it is (Vietnamese stays readable), indented."""
    print(json.dumps(data, ensure_ascii=False, indent=2))


def write_text(path: Path, text: str) -> None:
    """Write a report or page; a folder that cannot be written is the user's input error, in one line."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: cannot write ({e.strerror or e})") from None
