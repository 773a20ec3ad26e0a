"""Baselines: today's findings, recorded so CI fails only on new ones.

Entries are matched by rule, file and key (and how many times each occurs), never by line number, so
edits elsewhere in a file do not bring old findings back.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..models import Diagnostic
from ..sources import InputError
from . import relpath

VERSION = 1


def _ident(d: Diagnostic) -> tuple[str, str, str]:
    return d.code, relpath(d.file) or "", d.key or d.text or ""


def write(path: str | Path, findings: list[Diagnostic]) -> int:
    entries = [{"rule": c, "file": f, "key": k} for c, f, k in sorted(_ident(d) for d in findings)]
    try:
        Path(path).write_text(
            json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
    except OSError as e:
        raise InputError(f"{path}: cannot write the baseline ({e.strerror or e})") from None
    return len(entries)


def load(path: str | Path) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter((e["rule"], e["file"], e["key"]) for e in entries)
    except FileNotFoundError:
        raise InputError(f"{path}: baseline not found (write one with --write-baseline)") from None
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"{path}: not a refgraph baseline ({type(e).__name__})") from None


def subtract(findings: list[Diagnostic], baseline: Counter) -> list[Diagnostic]:
    left = Counter(baseline)
    out = []
    for d in findings:
        ident = _ident(d)
        if left[ident] > 0:
            left[ident] -= 1
        else:
            out.append(d)
    return out
