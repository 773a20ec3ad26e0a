"""The reliability campaign's findings, one section per item: each a small, fast reproduction of a
fault that was found, and of what must hold instead. The long campaign is bench/reliability.py."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import pytest

from refgraph import extract
from refgraph.extract import pipeline

from .conftest import run_cli

cli = run_cli


def one_clear_line(r, code=2, contains=""):
    assert r.returncode == code, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and contains in lines[0], r.stderr
    return lines[0]


# ---- 1. one unpunctuated line of chained citations: titles bounded, cost linear

CHAIN_LINK = "thực hiện Nghị quyết số 12-NQ/TW ngày 1/1/2020 về việc "


def chain(kb: int) -> str:
    return CHAIN_LINK * (kb * 1024 // len(CHAIN_LINK.encode()))


def _best_time(text: str) -> float:
    """Best of five: what a build does with one file (decode, identify, extract, fingerprint lines). CPU
    time of this process: the ratio asked is about growth (linear, not quadratic), and other processes on a
    shared machine inflate wall time run to run (and, less, CPU time: best of three once measured 6.8x for 4x
    on a loaded machine where the same code's instructions grow 4.2x)."""
    from refgraph.builder import extract_file

    data = text.encode("utf-8")
    best = float("inf")
    for _ in range(5):
        pipeline._CACHE.clear()
        t = time.process_time()
        extract_file("chain.txt", data)
        best = min(best, time.process_time() - t)
    return best


def test_chained_titles_are_bounded_and_stop_within_reach():
    found = extract(chain(20))
    assert len(found) > 250
    # each link's title nests the next citation, which nests the next …: bounded all the same
    assert max(len(m.title or "") for m in found) <= 600
    assert all(m.key == "12-NQ/TW" for m in found)


def test_four_times_the_chain_costs_at_most_eight_times_the_time():
    # linear work grows 4x and quadratic 16x; the bound sits between. (Six once sat there: on a slow, shared
    # machine a 160 KB chain took 7.1x the CPU time of a 40 KB one while its instructions grew 4.2x, with this
    # code and the code before it alike: cache misses, not work.)
    times = {kb: _best_time(chain(kb)) for kb in (10, 40, 160)}
    for small, large in ((10, 40), (40, 160)):
        # a floor keeps timer noise on the smallest input from deciding
        assert times[large] <= 8 * max(times[small], 0.02), times


# The child reports its own peak (VmHWM: the high-water mark of its address space since exec). The rusage
# of a child is no measure here: Linux carries the parent's peak over a fork and exec into it, so a child
# of a large test process would report the test process's size.
_PEAK_BOOT = (
    "import atexit, os, sys\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as f:\n"
    "        kb = next(int(x.split()[1]) for x in f if x.startswith('VmHWM:'))\n"
    "    with open(os.environ['REFGRAPH_PEAK_FILE'], 'w') as out:\n"
    "        out.write(str(kb))\n"
    "atexit.register(_peak)\n"
    "sys.argv = ['refgraph', *sys.argv[1:]]\n"
    "from refgraph.cli import main\n"
    "main()\n"
)


def run_measured(*args) -> tuple[int, str, float]:
    """(exit code, standard output, peak memory in MB) of `refgraph ARGS…` in its own process."""
    import os
    import subprocess
    import sys
    import tempfile

    proc = os.path.exists("/proc/self/status")
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = os.path.join(tmp, "peak")
        cmd = [sys.executable, "-c", _PEAK_BOOT] if proc else [sys.executable, "-m", "refgraph.cli"]
        with subprocess.Popen(
            [*cmd, *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "REFGRAPH_PEAK_FILE": peak_file},
        ) as p:
            out = p.stdout.read()
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
        if proc:
            with open(peak_file) as f:
                return p.returncode, out, int(f.read()) / 1024
    return p.returncode, out, usage.ru_maxrss / 1024


def test_a_160_kb_chain_stays_under_300_mb_and_its_output_grows_linearly(tmp_path):
    sizes = {}
    for kb in (40, 160):
        f = tmp_path / f"chain{kb}.txt"
        f.write_text(chain(kb) + "\n", encoding="utf-8")
        code, out, rss_mb = run_measured("extract", f, "-f", "jsonl")
        assert code == 0
        sizes[kb] = len(out)
        assert rss_mb < 300, (kb, rss_mb)
        assert all(len(json.loads(x)["title"] or "") <= 600 for x in out.splitlines())
    assert sizes[160] <= 6 * sizes[40], sizes


def test_check_on_a_long_line_keeps_a_window_of_it_per_finding(tmp_path):
    f = tmp_path / "chain.txt"
    late = "Căn cứ Nghị định số 5/2020/NĐ-CP ngày 31/02/2020."  # an impossible date, 40 KB into the line
    f.write_text(chain(40) + late + "\n", encoding="utf-8")
    r = cli("check", f, "-f", "json", "--fail-on", "never")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["findings"]
    assert rows and max(len(x["source_line"]) for x in rows) <= 500
    # the caret still sits under the citation in the text rendering
    r = cli("check", f, "--fail-on", "never", "--all", env={"COLUMNS": "400"})
    lines = r.stdout.splitlines()
    at = next(i for i, ln in enumerate(lines) if "RG106" in ln)
    snippet, caret = lines[at + 1], lines[at + 2]
    col = caret.index("^")
    assert snippet[col:].startswith("31/02/2020") or snippet[col:].startswith("Nghị định số 5/2020"), (
        snippet,
        caret,
    )


# ---- 2. workers die with the command; SIGTERM and SIGINT stop it cleanly

SLOW_BUILD = """
import sys, time
import refgraph.builder as b
real = b.extract_file
def slow(path, data):
    time.sleep(0.3)
    return real(path, data)
b.extract_file = slow
sys.argv = ["refgraph", *sys.argv[1:]]
from refgraph.cli import main
main()
"""


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _slow_build(tmp_path, files: int = 80):
    import subprocess
    import sys

    corpus = tmp_path / "c"
    corpus.mkdir(exist_ok=True)
    for i in range(files):
        (corpus / f"d{i}.txt").write_text(f"Thực hiện Chỉ thị số {i + 1}/CT-TTg ngày 1/2/2020.\n", "utf-8")
    p = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD, "build", str(corpus), "--db", str(tmp_path / "g.db"), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while len(_children(p.pid)) < 2:
        assert time.monotonic() < deadline and p.poll() is None, "the workers never started"
        time.sleep(0.05)
    time.sleep(0.3)  # the workers are inside their first files
    return p, _children(p.pid)


def _gone(pids: list[int], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(w) for w in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_sigterm_and_sigint_stop_the_build_with_one_line(tmp_path, sig, code):
    p, workers = _slow_build(tmp_path)
    p.send_signal(sig)
    _, err = p.communicate(timeout=30)
    assert p.returncode == code, err
    assert err.strip() == "refgraph: interrupted", err
    assert _gone(workers)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_when_the_build_is_killed(tmp_path):
    p, workers = _slow_build(tmp_path)
    p.kill()
    p.wait(timeout=30)
    assert _gone(workers), [w for w in workers if _alive(w)]


def _death_signal(_):
    import ctypes

    sig = ctypes.c_int()
    ctypes.CDLL(None).prctl(2, ctypes.byref(sig), 0, 0, 0)  # PR_GET_PDEATHSIG
    return sig.value, signal.getsignal(signal.SIGINT) is signal.SIG_IGN


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_workers_ask_to_die_with_their_parent_and_leave_ctrl_c_to_it():
    from refgraph.workers import parallel_map

    assert set(parallel_map(_death_signal, range(4), 2)) == {(signal.SIGKILL, True)}


def _pid(_):
    time.sleep(0.01)
    return os.getpid()


def test_a_consumer_that_stops_early_kills_the_workers():
    from refgraph.workers import parallel_map

    it = parallel_map(_pid, range(1000), 2)
    pids = {next(it) for _ in range(3)}
    it.close()
    assert _gone(list(pids))


# ---- 3. spreadsheet formulas from document text are neutralised in CSV


def test_a_cell_that_starts_like_a_formula_is_prefixed():
    from refgraph.render.export import spreadsheet_cell

    for hostile in ("=HYPERLINK(1)", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert spreadsheet_cell(hostile) == "'" + hostile
    assert spreadsheet_cell("Chỉ thị 15") == "Chỉ thị 15"
    assert spreadsheet_cell(-3) == -3  # numbers are numbers, not text a spreadsheet could run


def test_csv_export_of_a_title_written_as_a_formula(tmp_path):
    import csv

    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):  # two citations agreeing on a title make it the document's title
        (corpus / name).write_text(
            'Thực hiện Chỉ thị số 987/CT-TTg ngày 17/6/2014 về =HYPERLINK("http://example.invalid","x").\n',
            encoding="utf-8",
        )
    db = tmp_path / "g.db"
    assert cli("build", corpus, "--db", db).returncode == 0
    r = cli("export", "-f", "csv", "-o", tmp_path / "out", "--db", db)
    assert r.returncode == 0, r.stderr
    text = "".join(p.read_text(encoding="utf-8-sig") for p in (tmp_path / "out").glob("*.csv"))
    assert "HYPERLINK" in text  # the title is exported …
    cells = [
        c
        for p in (tmp_path / "out").glob("*.csv")
        for row in csv.reader(p.open(encoding="utf-8-sig"))
        for c in row
    ]
    assert not [c for c in cells if c[:1] in "=+-@\t\r" and c]  # … but no cell starts a formula


# ---- 4. refgraph's own pages are not read back as documents


def test_annotate_and_html_pages_beside_the_corpus_are_not_documents(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    doc = corpus / "a.txt"
    doc.write_text("Thực hiện Chỉ thị số 46-CT/TW ngày 22/6/2015 của Bộ Chính trị.\n", encoding="utf-8")
    db = tmp_path / "g.db"
    first = json.loads(cli("build", corpus, "--db", db, "--json").stdout)
    assert cli("annotate", doc).returncode == 0
    assert (corpus / "a.txt.html").is_file()
    assert cli("html", "--db", db, "-o", corpus / "graph.html").returncode == 0
    (corpus / "real.html").write_text(
        "<html><body><p>Căn cứ Nghị định số 72/2013/NĐ-CP.</p></body></html>", encoding="utf-8"
    )
    r = cli("build", corpus, "--db", db, "--json")
    assert r.returncode == 0, r.stderr
    again = json.loads(r.stdout)
    assert again["files"] == first["files"] + 1  # the other page is a document; refgraph's are not
    assert again["mentions"] == first["mentions"] + 1
    one_clear_line(cli("extract", corpus / "a.txt.html"), 2, "a page written by refgraph")


# ---- 5. zip bombs: an absolute bound on the text parts, the ratio only past a minimum size


def _docx(paragraphs: list[str]) -> bytes:
    import io
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


def test_a_small_repetitive_docx_is_read_not_refused():
    from refgraph.sources.docx import docx_to_text

    data = _docx(["Thực hiện Chỉ thị số 46-CT/TW ngày 22/6/2015."] * 2000)
    assert len(data) < 4000  # compresses far past 100:1, yet is small once unpacked
    assert docx_to_text(data).count("46-CT/TW") == 2000


def test_an_incompressible_docx_past_the_absolute_bound_is_refused(monkeypatch):
    import base64

    from refgraph.sources import docx

    monkeypatch.setattr(docx, "MAX_XML", 1_000_000)  # the real bound is 32 MB; the rule is the same
    noise = [base64.b64encode(os.urandom(3000)).decode() for _ in range(500)]  # 2 MB, barely compressible
    data = _docx(noise)
    assert len(data) > 1_000_000
    with pytest.raises(docx.DocxError, match=r"would unpack to 2 MB \(limit 1 MB; a zip bomb\?\)"):
        docx.docx_to_text(data)


def test_images_in_a_docx_do_not_count_towards_the_bound(monkeypatch):
    import io
    import zipfile

    from refgraph.sources import docx

    monkeypatch.setattr(docx, "MAX_XML", 1_000_000)
    buf = io.BytesIO(_docx(["Căn cứ Nghị định số 72/2013/NĐ-CP."]))
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("word/media/image1.png", os.urandom(2_000_000))  # never unpacked
    assert "72/2013/NĐ-CP" in docx.docx_to_text(buf.getvalue())


# ---- 6. a damaged store: one line naming the cure, and the cure works

DAMAGED = "the store is damaged; rebuild it with `refgraph build --rebuild`"


def _small_store(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Thực hiện Chỉ thị số 46-CT/TW ngày 22/6/2015 và Kết luận số 15-KL/TW ngày 30/9/2021.\n", "utf-8"
    )
    db = tmp_path / "g.db"
    assert cli("build", corpus, "--db", db).returncode == 0
    return corpus, db


def test_rows_that_are_not_utf8_give_one_line_and_exit_2(tmp_path):
    import sqlite3

    corpus, db = _small_store(tmp_path)
    with sqlite3.connect(db) as c:
        garbage = "CAST(x'7b22ff8081c0' AS TEXT)"  # bytes that are not UTF-8, as a torn page leaves them
        c.execute(f"UPDATE documents SET data = {garbage}")
        c.execute(f"UPDATE mentions SET data = {garbage}")
        c.execute(f"UPDATE documents SET doc_type = {garbage}, issuer = {garbage}")
    # a new file: the build reads the unchanged one's mentions back from the store
    (corpus / "b.txt").write_text("Căn cứ Chỉ thị số 46-CT/TW ngày 22/6/2015.\n", "utf-8")
    for args in (["stats"], ["show", "46-CT/TW"], ["export", "-f", "json"], ["build", corpus]):
        line = one_clear_line(cli(*args, "--db", db), 2, DAMAGED)
        assert "\ufffd" not in line and "\\x" not in line, line
    r = cli("build", corpus, "--db", db, "--rebuild")
    assert r.returncode == 0, r.stderr
    assert str(db) in r.stdout and ".rebuild" not in r.stdout
    assert cli("show", "46-CT/TW", "--db", db).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c", "g.db"]


def test_torn_pages_give_one_line_and_exit_2(tmp_path):
    _, db = _small_store(tmp_path)
    data = bytearray(db.read_bytes())
    for page in range(1, len(data) // 4096):  # keep page 1 (the header and schema), tear the rest
        data[page * 4096 : page * 4096 + 64] = os.urandom(64)
    db.write_bytes(bytes(data))
    one_clear_line(cli("stats", "--db", db), 2, DAMAGED)
    assert cli("build", tmp_path / "c", "--db", db, "--rebuild").returncode == 0
    assert cli("stats", "--db", db).returncode == 0


# ---- 7. one query, one snapshot: a build committing meanwhile waits for it


def test_a_build_committing_in_the_middle_of_a_query_does_not_tear_it(tmp_path, monkeypatch):
    import sqlite3
    import threading

    from refgraph.queries import Graph
    from refgraph.store import Store

    _, db = _small_store(tmp_path)
    real = Store.edges_from
    writers: list[threading.Thread] = []
    committed = threading.Event()

    def another_build():
        c = sqlite3.connect(db, timeout=20, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        c.execute("DELETE FROM edges")
        c.execute("COMMIT")
        committed.set()
        c.close()

    def edges_then_a_commit(self, *args, **kwargs):
        out = real(self, *args, **kwargs)
        if not writers:
            writers.append(threading.Thread(target=another_build))
            writers[0].start()
            time.sleep(0.5)  # every chance to commit between this read and the next
            assert not committed.is_set()
        return out

    monkeypatch.setattr(Store, "edges_from", edges_then_a_commit)
    with Graph(db) as g:
        card = g.show("a")
        writers[0].join(20)
        assert committed.is_set()  # the build went ahead once the query was over
        assert card["counts"]["cites"] == len(card["cites"]) == 2  # one graph, not half of two
        assert g.show("a")["counts"]["cites"] == 0  # the next query sees the new graph


# ---- 8. NUL bytes anywhere; unreadable inputs named directly; the interrupted line


def test_a_nul_byte_after_the_first_kilobytes_still_makes_a_binary_file(tmp_path):
    f = tmp_path / "tail.txt"
    f.write_bytes("Thực hiện Chỉ thị số 15/CT-TTg.\n".encode() * 1000 + b"\x00\x01\x02")
    assert f.stat().st_size > 8192 * 3
    one_clear_line(cli("extract", f), 2, "binary file (NUL bytes)")


def test_utf16_with_its_mark_is_still_text(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("Căn cứ Nghị định số 72/2013/NĐ-CP.\n".encode("utf-16"))
    r = cli("extract", f, "-f", "jsonl")
    assert r.returncode == 0 and "72/2013/NĐ-CP" in r.stdout, r.stderr


UNREADABLE = """
import errno, os, sys
real = os.stat
def stat(path, *a, **k):
    if "locked" in os.fspath(path):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
    return real(path, *a, **k)
os.stat = stat
sys.argv = ["refgraph", *sys.argv[1:]]
from refgraph.cli import main
main()
"""


@pytest.mark.parametrize("command", ["extract", "build", "check", "annotate"])
def test_an_unreadable_path_named_directly_gives_the_documented_line(tmp_path, command):
    import subprocess

    # as root nothing is unreadable: the refusal the operating system gives others is simulated
    target = tmp_path / "locked" / "a.txt"
    extra = ["--db", str(tmp_path / "g.db")] if command == "build" else []
    r = subprocess.run(
        [sys.executable, "-c", UNREADABLE, command, str(target), *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = one_clear_line(r, 2, "permission denied")
    assert "Usage:" not in r.stderr and str(target) in line


def test_a_docx_with_damaged_bytes_is_refused_with_the_documented_error():
    import random

    from refgraph.sources.docx import DocxError, docx_to_text

    # found by the campaign's fuzz run: corrupt deflate data, bad seeks and unknown zip versions
    # escaped as zlib.error, ValueError and NotImplementedError
    good = _docx(["Căn cứ Nghị định số 72/2013/NĐ-CP."] * 50)
    rng = random.Random(7)
    refused = 0
    for _ in range(300):
        b = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        try:
            out = docx_to_text(bytes(b))
        except DocxError:
            refused += 1  # any other exception fails the test
        else:
            assert isinstance(out, str)  # damage outside the parts read still gives text
    assert refused > 0
