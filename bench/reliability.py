"""The reliability campaign, rerunnable: what the fast tests in tests/test_reliability.py check on small
inputs, at full size and with real processes.

    python bench/reliability.py --corpus /path/to/many/documents [--seconds 60] [--only kill,hostile]

1. kill points: a build over the corpus is interrupted (SIGKILL, SIGTERM, SIGINT) after several delays
   and once inside its write transaction; afterwards no worker may be left, the previous graph must be
   whole, and the message and exit code must be the documented ones.
2. concurrency: builds alternate between two corpora while queries run in a loop; every answer must
   describe one graph (a card's counts match its lists), and nothing but "busy" may fail.
3. hostile sizes: one unpunctuated line of chained citations at 1x, 4x and 16x, through extract,
   build and check; time and peak memory are printed as growth ratios (linear: about 4x per step).
4. fuzz: sample documents of every format with random bytes changed, read and extracted; only the
   documented InputError may come out.

Prints a Markdown summary at the end (the README's reliability section holds the last one).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
CLI = [sys.executable, "-m", "refgraph.cli"]
LINK = "thực hiện Nghị quyết số 12-NQ/TW ngày 1/1/2020 về việc "


def run(*args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env or ENV, **kw)


def measured(*args) -> tuple[int, float, float]:
    """(exit code, seconds, peak MB) of one refgraph command."""
    t = time.perf_counter()
    p = subprocess.Popen(
        [*CLI, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, time.perf_counter() - t, usage.ru_maxrss / 1024


def descendants(pid: int) -> set[int]:
    out: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/task/{p}/children") as fh:
                kids = {int(x) for x in fh.read().split()}
        except OSError:
            kids = set()
        todo.extend(kids - out)
        out |= kids
    return out


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stats(db: Path) -> dict | None:
    r = run("stats", "--json", "--db", db)
    return json.loads(r.stdout) if r.returncode == 0 else None


# ---- 1. kill points
def kill_points(corpus: Path, work: Path, delays: list[float]) -> list[dict]:
    small = work / "small"
    small.mkdir()
    for f in sorted(p for p in corpus.rglob("*") if p.is_file())[:50]:
        shutil.copy(f, small / f.name)
    db = work / "kill.db"
    assert run("build", small, "--db", db).returncode == 0
    before = stats(db)
    rows = []
    # after a delay (still reading), once the workers run (extracting), inside the write transaction
    points = [(d, None) for d in delays] + [("workers", None), (None, "pause-in-write")]
    for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
        for delay, fault in points:
            env = dict(ENV, REFGRAPH_FAULT=fault) if fault else ENV
            p = subprocess.Popen(
                [*CLI, "build", str(corpus), "--db", str(db), "-j", "2"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            seen: set[int] = set()
            timed = isinstance(delay, (int, float))
            deadline = time.monotonic() + (delay if timed else 600)
            while time.monotonic() < deadline and p.poll() is None:
                seen |= descendants(p.pid)
                if delay == "workers" and seen:
                    time.sleep(1)  # the workers are inside their first files
                    break
                if fault:
                    line = p.stderr.readline()
                    if "paused inside the write transaction" in line:
                        break
                else:
                    time.sleep(0.1)
            finished_first = p.poll() is not None
            seen |= descendants(p.pid)
            p.send_signal(sig)
            _, err = p.communicate(timeout=120)
            time.sleep(2)
            left = sorted(w for w in seen if alive(w))
            after = stats(db)
            rows.append(
                {
                    "signal": signal.Signals(sig).name,
                    "when": fault or (f"{delay:g} s" if timed else "once workers run"),
                    "finished first": finished_first,
                    "exit": p.returncode,
                    "message": (err.strip().splitlines() or [""])[-1][:60],
                    "workers seen": len(seen),
                    "workers left": len(left),
                    "graph intact": after == before,
                }
            )
            for w in left:  # this campaign's own leftovers, by pid
                os.kill(w, signal.SIGKILL)
    ok = run("build", corpus, "--db", db, "-j", "2").returncode == 0
    rows.append({"signal": "-", "when": "next build", "exit": 0 if ok else 1, "graph intact": ok})
    return rows


# ---- 2. concurrency
def concurrency(corpus: Path, work: Path, seconds: float) -> dict:
    a, b = work / "ca", work / "cb"
    files = sorted(p for p in corpus.rglob("*") if p.is_file())[:400]
    for folder, chosen in ((a, files[:300]), (b, files[100:])):
        folder.mkdir()
        for f in chosen:
            shutil.copy(f, folder / f.name)
    db = work / "conc.db"
    assert run("build", a, "--db", db).returncode == 0
    some = [d["id"] for d in (stats(db) or {}).get("most_cited", [])][:5] or ["46-CT/TW"]
    end = time.monotonic() + seconds
    builds = queries = torn = failed = busy = 0
    builder = None
    while time.monotonic() < end:
        if builder is None or builder.poll() is not None:
            builder = subprocess.Popen(
                [*CLI, "build", str(a if builds % 2 else b), "--db", str(db), "-j", "1"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=ENV,
            )
            builds += 1
        r = run("show", random.choice(some), "--json", "--db", db)
        queries += 1
        if r.returncode != 0:
            if "busy" in r.stderr:
                busy += 1
            elif "unknown document" not in r.stderr:
                failed += 1
            continue
        card = json.loads(r.stdout)
        if card["counts"]["cites"] != len(card["cites"]) or card["counts"]["cited_by"] != len(
            card["cited_by"]
        ):
            torn += 1
    if builder is not None:
        builder.wait()
    return {"builds": builds, "queries": queries, "torn answers": torn, "busy": busy, "failed": failed}


# ---- 3. hostile sizes
def hostile(work: Path, base_kb: int) -> list[dict]:
    rows = []
    prev = None
    for factor in (1, 4, 16):
        kb = base_kb * factor
        f = work / f"chain{kb}.txt"
        f.write_text(LINK * (kb * 1024 // len(LINK.encode())) + "\n", encoding="utf-8")
        row = {"size": f"{kb} KB ({factor}x)"}
        for cmd, args in (
            ("extract", ["extract", f, "-f", "jsonl"]),
            ("build", ["build", f, "--db", work / f"h{kb}.db"]),
            ("check", ["check", f, "-f", "json", "--fail-on", "never"]),
        ):
            code, secs, mb = measured(*args)
            row[cmd] = (code, secs, mb)
        if prev:
            for cmd in ("extract", "build", "check"):
                row[f"{cmd} growth"] = (row[cmd][1] / prev[cmd][1], row[cmd][2] / prev[cmd][2])
        rows.append(row)
        prev = row
    return rows


# ---- 4. fuzz
def fuzz(seconds: float) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from refgraph.builder import extract_file
    from refgraph.errors import InputError

    samples = [
        p
        for p in (ROOT / "data" / "corpus").rglob("*")
        if p.suffix in (".md", ".txt", ".html", ".docx", ".pdf")
    ]
    blobs = [(p.name, p.read_bytes()) for p in samples]
    rng = random.Random(18)
    tried = refused = 0
    failures: list[str] = []
    kinds: set[str] = set()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        name, data = rng.choice(blobs)
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(b))
            b[i] = rng.randrange(256)
        if rng.random() < 0.2:
            b = b[: rng.randrange(len(b))]
        tried += 1
        try:
            extract_file(name, bytes(b))
        except InputError:
            refused += 1
        except Exception as e:  # anything else breaks the promise
            failures.append(f"{name}: {type(e).__name__}: {e}"[:120])
            kinds.add(f"{Path(name).suffix} {type(e).__name__}")
    return {
        "inputs": tried,
        "refused with InputError": refused,
        "other exceptions": len(failures),
        "examples": failures[:5],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/corpus14k"))
    ap.add_argument("--seconds", type=float, default=60, help="for the concurrency loop and the fuzz run")
    ap.add_argument(
        "--delays",
        default="1",
        help="seconds after start for the kill points (besides: once the workers run, and inside the write)",
    )
    ap.add_argument("--chain-kb", type=int, default=64, help="the 1x size of the hostile line")
    ap.add_argument("--only", default="kill,concurrency,hostile,fuzz")
    a = ap.parse_args()
    only = set(a.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="refgraph-reliability-"))
    out: list[str] = []
    try:
        if "kill" in only:
            print("kill …", file=sys.stderr, flush=True)
            rows = kill_points(a.corpus, work, [float(x) for x in a.delays.split(",")])
            out.append("| signal | when | exit | message | workers seen / left | previous graph intact |")
            out.append("|---|---|---|---|---|---|")
            for r in rows:
                out.append(
                    f"| {r['signal']} | {r['when']}{' (build had finished)' if r.get('finished first') else ''} "
                    f"| {r['exit']} | {r.get('message', '')} | {r.get('workers seen', '')} / {r.get('workers left', '')} "
                    f"| {'yes' if r['graph intact'] else 'NO'} |"
                )
            out.append("")
        if "concurrency" in only:
            print("concurrency …", file=sys.stderr, flush=True)
            c = concurrency(a.corpus, work, a.seconds)
            out.append("concurrency: " + ", ".join(f"{k} {v}" for k, v in c.items()))
            out.append("")
        if "hostile" in only:
            print("hostile …", file=sys.stderr, flush=True)
            rows = hostile(work, a.chain_kb)
            out.append(
                "| chained citations on one line | extract s / MB | build s / MB | check s / MB | growth (time, memory) extract · build · check |"
            )
            out.append("|---|---|---|---|---|")
            for r in rows:
                cells = [
                    f"{r[c][1]:.2f} / {r[c][2]:.0f}" + ("" if r[c][0] == 0 else f" (exit {r[c][0]})")
                    for c in ("extract", "build", "check")
                ]
                growth = (
                    " · ".join(
                        f"{r[c + ' growth'][0]:.1f}x, {r[c + ' growth'][1]:.1f}x"
                        for c in ("extract", "build", "check")
                    )
                    if "extract growth" in r
                    else "-"
                )
                out.append(f"| {r['size']} | {' | '.join(cells)} | {growth} |")
            out.append("")
        if "fuzz" in only:
            print("fuzz …", file=sys.stderr, flush=True)
            f = fuzz(a.seconds)
            out.append("fuzz: " + ", ".join(f"{k} {v}" for k, v in f.items() if k != "examples"))
            out.extend(f"  {e}" for e in f["examples"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(out))


if __name__ == "__main__":
    main()
