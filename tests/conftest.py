from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout (REFGRAPH_SHARED points elsewhere, e.g. to check that tests skip without it)
SHARED = Path(os.environ.get("REFGRAPH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not (SEEDS / "gold" / "mentions.jsonl").is_file():
        pytest.skip("../shared/seeds is not beside this checkout (the seed documents are not ours to ship)")
    return SEEDS


@pytest.fixture(scope="session")
def gold_mentions(seeds_dir: Path) -> list[dict]:
    lines = (seeds_dir / "gold" / "mentions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


def first_by_key(text: str) -> dict:
    """The first mention of each key ``refgraph.extract`` finds in ``text``."""
    from refgraph import extract

    out: dict = {}
    for m in extract(text):
        if m.key:
            out.setdefault(m.key, m)
    return out


def run_cli(*args, cwd=None, env=None, db=None, timeout=300) -> subprocess.CompletedProcess:
    """`refgraph ARGS…` in a fresh process, as a user runs it (text mode, captured)."""
    e = dict(os.environ)
    if db is not None:
        e["REFGRAPH_DB"] = str(db)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "refgraph.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=e,
        timeout=timeout,
    )


def check_files(tmp_path: Path, files: dict[str, str], **kw):
    """`refgraph.checks.check` over a folder holding ``files`` (name -> text), written under tmp_path."""
    from refgraph.checks import check

    root = tmp_path / "docs"
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return check([root], **kw)
