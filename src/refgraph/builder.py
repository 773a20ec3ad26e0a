"""refgraph build: files -> mentions -> resolved graph -> store, in one transaction.

Extraction is the expensive, per-file part: it is skipped for files whose content hash is unchanged
(their mentions are read back from the store) and can run on several cores. Resolution is global (a new
file can change which 12-NQ/TW a dateless citation means) and cheap, so it runs over everything each time.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog as catalog_mod
from .assets import sample_corpus
from .errors import UsageError
from .extract import boilerplate, extract
from .identity import Identity, identify, split_front_matter
from .models import Mention, filled
from .resolve import CorpusFile, Resolution, resolve
from .sources import InputError, iter_paths, read_bytes, to_text
from .store import default_path, open_store
from .text import normalize
from .workers import Beside, gc_paused

PARALLEL_MIN_FILES = 64


@dataclass
class BuildReport:
    db: str
    files: int = 0
    extracted: int = 0
    reused: int = 0
    skipped: list[str] = field(default_factory=list)
    documents: int = 0
    in_corpus: int = 0
    mentions: int = 0
    edges: int = 0
    unresolved: int = 0
    cited_only: int = 0
    ambiguous: int = 0
    conflicts: int = 0
    encodings: dict[str, str] = field(default_factory=dict)  # file -> how it was read (utf-8, cp1258, pdf …)
    dropped: list[str] = field(default_factory=list)  # files of the previous corpus not in this one
    pages: int = 0  # files that are news items or web pages, not documents (no header, no metadata)
    lacking: dict[str, int] = field(default_factory=dict)  # documents whose text gives no key / date / issuer
    disagreements: int = 0  # files whose portal block and header disagree (the header is kept)

    def identity_summary(self) -> str:
        """One line on how many files know who they are."""
        miss = ", ".join(f"{n} without {f}" for f, n in self.lacking.items())
        text = (
            f"Identity: {self.files - self.pages} documents ({miss or 'all fields read'}), {self.pages} pages"
        )
        if self.disagreements:
            text += f"; {self.disagreements} portal block(s) disagree with the header (header kept)"
        return text + "."

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def bundled_corpus() -> Path:
    """The sample corpus shipped with refgraph (data/corpus; see refgraph.assets)."""
    return sample_corpus()


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    s = max(0, start - width)
    e = min(len(text), end + width)
    snippet = " ".join(text[s:e].split())
    return ("…" if s > 0 else "") + snippet + ("…" if e < len(text) else "")


def _mentions(body: str, path: str, ident: Identity) -> list[Mention]:
    """The citations of one file's body, the same for `build` and `extract`: a news page reports what
    documents do (its own relation to them is only citing), and each mention carries the fingerprint of
    its passage, by which text repeated across a corpus is recognised as boilerplate."""
    page = ident.kind == "page"
    mentions = extract(body, path, reported=page, own=None if page else ident.key)
    fps = boilerplate.fingerprints(body, mentions)
    # a copy with the passage set, made without the frozen class's __init__ (dataclasses.replace runs it)
    return [filled(Mention, {**vars(m), "passage": fp}) if fp else m for m, fp in zip(mentions, fps)]


def extract_file(path: str, data: bytes) -> dict:
    """Everything the build needs from one file; a pure function of its bytes (runs in worker processes)."""
    text, encoding = to_text(path, data)
    if not text.strip():
        raise InputError(f"{path}: no text in it")
    front, body = split_front_matter(text)
    normalize(body)  # once, for both the header's reading and the citations' (normalize keeps the last)
    ident = identify(body, Path(path), front)
    mentions = _mentions(body, path, ident)
    return {
        "encoding": encoding,
        "identity": ident,
        "mentions": mentions,
        "contexts": [_context(body, m.start, m.end) for m in mentions],
        # each mention's row as the store keeps it, made here on a worker's core rather than in the
        # main process after extraction (UTF-8: half the memory of the same text as str)
        "rows": [json.dumps(m.to_dict(), ensure_ascii=False).encode() for m in mentions],
    }


@dataclass
class Extraction:
    """What ``refgraph extract`` prints: one row per mention (its fields plus file, and page for a PDF),
    the files that could not be read (one-line messages) and how each file was read."""

    rows: list[dict]
    problems: list[str]
    encodings: dict[str, str]


def extract_files(paths: Sequence[str | os.PathLike]) -> Extraction:
    """The citations in the given files and folders, file by file (no resolution, no store)."""
    from .sources import iter_paths, read_source

    files, problems = iter_paths([str(p) for p in paths])
    if not files and not problems:
        raise InputError("no readable documents (.txt, .md, .html, .docx, .pdf) under the given paths")
    rows: list[dict] = []
    encodings: dict[str, str] = {}
    per_file: list[list] = []
    for f in files:
        try:
            src = read_source(f)
        except InputError as e:
            problems.append(str(e))
            continue
        encodings[str(f)] = src.encoding
        front, body = split_front_matter(src.text)  # metadata is not text: blanked, offsets kept
        found = _mentions(body, str(f), identify(body, Path(f), front))
        per_file.append(found)
        if src.encoding == "pdf":  # a usable location in a converted format: the page as well as the line
            from .sources.pdf import page_of

            rows.extend(m.to_dict() | {"file": str(f), "page": page_of(body, m.start)} for m in found)
        else:
            rows.extend(m.to_dict() | {"file": str(f)} for m in found)
    common = boilerplate.repeated(([m.passage for m in ms] for ms in per_file), len(per_file))
    if common:
        for r in rows:
            if r.get("passage") in common:
                r["flags"] = [*r["flags"], boilerplate.FLAG]
    return Extraction(rows, problems, encodings)


def _extract_job(args: tuple[str, bytes | None]) -> tuple[str, dict | str | InputError, str | None]:
    """(path, the file's extraction or why it failed, its content hash). A file not read yet (None) is
    read here, in the worker: the main process neither holds the corpus's bytes nor sends them through
    a pipe. A file that cannot be read comes back as the InputError itself, an unreadable text as its
    message."""
    path, data = args
    if data is None:
        try:
            data = read_bytes(path)
        except InputError as e:
            return path, e, None
    sha = hashlib.sha256(data).hexdigest()
    try:
        return path, extract_file(path, data), sha
    except InputError as e:
        return path, str(e), sha


@dataclass
class Collected:
    """A corpus read and resolved in memory: what build writes and what check inspects."""

    files: list[CorpusFile]
    encodings: dict[str, str]
    hashes: dict[str, str]
    skipped: list[str]
    resolution: Resolution
    catalog: list[catalog_mod.Entry]
    extracted: int = 0
    reused: int = 0
    statements: list | None = None  # status statements taken from a store built of exactly these inputs


def collect(
    paths: Sequence[str | os.PathLike] | None = None,
    catalogs: Sequence[str | os.PathLike] | None = None,
    jobs: int | None = None,
    progress=None,
    store=None,
    known: dict[str, str] | None = None,
) -> Collected:
    """Read, extract and resolve. With a store, files whose content hash is unchanged are not extracted
    again; ``known`` holds hashes already computed this run, so those files are not even read twice."""
    if not paths:
        paths = [bundled_corpus()]
    if catalogs is None:
        catalogs = catalog_mod.bundled_catalogs()
    entries = catalog_mod.load(list(catalogs))
    file_paths, problems = iter_paths(list(paths))
    for p in problems:
        raise InputError(p)
    if not file_paths:
        raise InputError(
            "no readable documents (.txt, .md, .html, .docx, .pdf) under " + ", ".join(str(p) for p in paths)
        )
    # mentions stored by another version of the rules are not reused: the same file reads differently now
    same_rules = store is not None and store.meta().get("extractor") == extractor_fingerprint()
    cached = store.cached_files() if same_rules else {}
    todo: list[tuple[str, bytes | None]] = []
    order: dict[str, int] = {}
    records: dict[str, dict] = {}
    hashes: dict[str, str] = {}
    unread: list[tuple[int, str]] = []  # (position among the files, why it could not be read)
    skipped: list[str] = []
    reused = extracted = 0
    known = known or {}
    for pos, fp in enumerate(file_paths):
        name = str(fp)
        hit = cached.get(name)
        if hit is None:  # nothing stored to compare with: the worker that extracts it reads it
            order[name] = pos
            todo.append((name, None))
            continue
        if known.get(name) == hit[0]:
            data, sha = None, hit[0]  # hashed moments ago by the no-change check, and unchanged
        else:
            try:
                data = read_bytes(fp)
            except InputError as e:
                unread.append((pos, str(e)))
                continue
            sha = hashlib.sha256(data).hexdigest()
        hashes[name] = sha
        if hit and hit[0] == sha:
            records[name] = {"encoding": hit[1], "identity": Identity.from_dict(json.loads(hit[2]))}
            reused += 1
        else:
            assert data is not None  # only an unchanged file is left unread
            todo.append((name, data))
    if records:
        for name, (mentions, contexts) in store.all_cached_mentions(records).items():
            records[name]["mentions"], records[name]["contexts"] = mentions, contexts
    for name, result, sha in _run_extraction(todo, jobs, progress):
        if isinstance(result, InputError):
            unread.append((order[name], str(result)))
        elif isinstance(result, str):
            skipped.append(result)
            hashes.pop(name, None)
        else:
            assert sha is not None
            hashes[name] = sha
            records[name] = result
            extracted += 1
    # files that could not be read are told first, in the order of the files, then those without text
    skipped[:0] = [why for _, why in sorted(unread)]
    if not records:
        raise InputError("no readable documents: " + "; ".join(skipped[:3]))
    # a passage many files repeat (a portal's notice, a footer) keeps its mentions but gives no edges
    common = boilerplate.repeated(
        ([m.passage for m in r["mentions"]] for r in records.values()), len(records)
    )
    for r in records.values():
        before = r["mentions"]
        r["mentions"] = boilerplate.flag(before, [m.passage for m in before], common)
        if "rows" in r:  # a mention the flag changed is written anew
            r["rows"] = [row if m is b else None for row, m, b in zip(r["rows"], r["mentions"], before)]
    files = [
        CorpusFile(name, Path(name).stem, r["identity"], r["mentions"], r["contexts"], r.get("rows"))
        for name, r in sorted(records.items())
    ]
    res = resolve(files, entries)
    return Collected(
        files,
        {n: r["encoding"] for n, r in records.items()},
        hashes,
        skipped,
        res,
        entries,
        extracted,
        reused,
    )


def build(
    paths: Sequence[str | os.PathLike] | None = None,
    db: str | os.PathLike | None = None,
    catalogs: Sequence[str | os.PathLike] | None = None,
    jobs: int | None = None,
    progress=None,
    add: bool = False,
    on_drop=None,
    rebuild: bool = False,
) -> BuildReport:
    """Build (or rebuild) the store from files and folders. Returns counts; raises InputError on bad input.

    The files given are the corpus: files of the previous build that are not among them are dropped
    (``report.dropped``; ``on_drop(files)`` is told before anything is read), unless ``add`` keeps
    those that still exist. A build that fails leaves the previous store as it was (one transaction),
    and a first build that fails leaves no store behind.

    With ``rebuild`` the old store is neither read nor trusted (it may be damaged): a new one is built
    beside it and replaces it only once complete."""
    if rebuild:
        if add:
            raise UsageError("--add reads the previous store, --rebuild ignores it: choose one")
        return _rebuild(paths, db, catalogs, jobs, progress)
    target = Path(db) if db else default_path()
    existed = target.exists()
    try:
        with gc_paused():
            return _build(paths, db, catalogs, jobs, progress, add, on_drop)
    except BaseException:
        if not existed:  # no empty store left to mislead the next command
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
        raise


def _corpus_change(store, paths: list, add: bool) -> tuple[list, list[str]]:
    """(the paths to build, the previous corpus's files left out): with ``add``, the previous files that
    still exist join the given paths and only the vanished ones are dropped."""
    previous = set(store.cached_files())
    if not previous:
        return paths, []
    files, _problems = iter_paths(paths)
    left_out = sorted(previous - {str(f) for f in files})
    if add:
        kept = [name for name in left_out if Path(name).is_file()]
        return paths + kept, sorted(set(left_out) - set(kept))
    return paths, left_out


def _build(paths, db, catalogs, jobs, progress, add, on_drop) -> BuildReport:
    if not paths:
        paths = [bundled_corpus()]
    if catalogs is None:
        catalogs = catalog_mod.bundled_catalogs()
    store = open_store(db, create=True)
    report = BuildReport(db=str(store.path))
    try:
        paths, report.dropped = _corpus_change(store, list(paths), add)
        if report.dropped and on_drop is not None:
            on_drop(report.dropped)
        unchanged, known = _unchanged(store, paths, catalogs)
        if unchanged is not None:  # nothing to do: same files, same contents, same catalogs
            return unchanged
        col = collect(paths, catalogs, jobs, progress, store, known)
        res = col.resolution
        files = col.files
        report.skipped, report.extracted, report.reused = col.skipped, col.extracted, col.reused
        report.encodings = dict(sorted(col.encodings.items()))
        cited = Counter(e.target for e in res.edges)
        status_counts: Counter[str] = Counter()

        def mention_rows():
            # made as SQLite takes them, not listed first: on 100k documents the list of rows, with each
            # mention's JSON, was a quarter of the build's peak memory
            for f in files:
                rows = f.rows or ()
                for i, m in enumerate(f.mentions):
                    link = res.links.get((f.path, i))
                    status = link.status if link else "unresolved"
                    status_counts[status] += 1
                    row = rows[i] if rows else None
                    yield (
                        f.path,
                        i,
                        link.doc_id if link else None,
                        status,
                        m.key,
                        m.line,
                        m.start,
                        m.end,
                        row.decode() if row is not None else json.dumps(m.to_dict(), ensure_ascii=False),
                        f.contexts[i] if f.contexts else None,
                    )

        file_rows = [
            {
                "path": f.path,
                "sha256": col.hashes[f.path],
                "encoding": col.encodings[f.path],
                "doc_id": res.file_docs[f.path],
                "identity": json.dumps(f.identity.to_dict(), ensure_ascii=False),
            }
            for f in files
        ]
        meta = {
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "catalogs": json.dumps([str(c) for c in catalogs], ensure_ascii=False),
            "sources": json.dumps([str(p) for p in paths], ensure_ascii=False),
            "inputs": _inputs_fingerprint(col.hashes, catalogs),
            "extractor": extractor_fingerprint(),
            "code": code_fingerprint(),
        }
        docs = list(res.documents.values())
        # what documents say of others' status, for `refgraph status`: found (reading the files again)
        # on the other core while this one writes the store
        found = Beside(functools.partial(_statements_json, col))
        try:
            store.replace_all(file_rows, mention_rows(), docs, cited, res.edges, meta)
            statements = found.result()
        finally:
            found.cancel()
        from .status import META

        store.set_meta(META, statements)
        report.files = len(files)
        report.documents = len(docs)
        report.in_corpus = sum(1 for d in docs if d.in_corpus)
        report.mentions = sum(status_counts.values())
        report.edges = len(res.edges)
        report.unresolved = status_counts["unresolved"]
        report.cited_only = len({d.id for d in docs if not d.in_corpus and "in_catalog" not in d.flags})
        report.ambiguous = status_counts["ambiguous"]
        report.conflicts = sum(1 for d in docs if "date_conflict" in d.flags)
        report.pages, report.lacking, report.disagreements = identity_counts(f.identity for f in files)
        store.set_meta(
            "report",
            json.dumps(
                {k: v for k, v in report.to_dict().items() if k not in ("skipped", "encodings", "dropped")}
            ),
        )
    finally:
        store.close()
    return report


def _statements_json(col: Collected) -> str:
    from .status import statements, statements_json

    return statements_json(statements(col))


def _rebuild(paths, db, catalogs, jobs, progress) -> BuildReport:
    from .store import default_path

    target = Path(db) if db else default_path()
    if target.is_dir():
        raise InputError(f"{target}: is a directory, not a store")
    fresh = target.with_name(target.name + ".rebuild")
    for leftover in (fresh, Path(f"{fresh}-journal")):
        leftover.unlink(missing_ok=True)  # an earlier rebuild that was interrupted
    try:
        report = build(paths, fresh, catalogs, jobs, progress)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    # the old store's journals belong to the old file: left beside the new one, SQLite would replay
    # them into it
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(fresh, target)
    report.db = str(target)
    return report


def identity_counts(identities) -> tuple[int, dict[str, int], int]:
    """(pages, documents lacking each of key/date/issuer, files with a portal-header disagreement)."""
    pages = disagreements = 0
    lacking = {"key": 0, "date": 0, "issuer": 0}
    for ident in identities:
        disagreements += bool(ident.notes)
        if ident.kind == "page":
            pages += 1
            continue
        for f in lacking:
            lacking[f] += getattr(ident, f) is None
    return pages, lacking, disagreements


_RULE_SOURCES = ("extract", "identity", "vocab")


def extractor_fingerprint() -> str:
    """A digest of what decides a file's mentions and identity: the grammar, the word lists and the code of
    the extraction and identity stages. A store built by other rules re-extracts every file."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from .grammar import grammar_text

        h = hashlib.sha256(grammar_text().encode())
        pkg = Path(__file__).resolve().parent
        for sub in _RULE_SOURCES:
            for f in sorted((pkg / sub).rglob("*")):
                if f.suffix in (".py", ".tsv", ".lark"):
                    h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes())
        _EXTRACTOR = h.hexdigest()[:16]
    return _EXTRACTOR


_EXTRACTOR: str | None = None


@functools.cache
def code_fingerprint() -> str:
    """A digest of all of refgraph's code, grammar and word lists: what a store's derived data (the
    status statements) was computed by. Any change at all means computing it again."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    pkg = Path(__file__).resolve().parent
    for f in sorted(pkg.rglob("*.py")):
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def stored_statements(store, col: Collected, catalogs) -> list | None:
    """The status statements the store's build computed, when that build read exactly these inputs
    with exactly this code (so it resolved them exactly as ``col`` is resolved); None otherwise."""
    from .status import META, Statement

    meta = store.meta()
    if (
        col.extracted
        or META not in meta
        or meta.get("code") != code_fingerprint()
        or meta.get("inputs") != _inputs_fingerprint(col.hashes, catalogs)
    ):
        return None
    return [Statement(**r) for r in json.loads(meta[META])]


def _inputs_fingerprint(hashes: dict[str, str], catalogs) -> str:
    h = hashlib.sha256()
    for name in sorted(hashes):
        h.update(f"{name}\0{hashes[name]}\n".encode())
    for c in catalogs:
        try:
            h.update(hashlib.sha256(Path(c).read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()


def _unchanged(store, paths, catalogs) -> tuple[BuildReport | None, dict[str, str]]:
    """(the previous build's report, hashes read) when no file, content or catalog changed since;
    (None, the hashes read before the first difference) otherwise, for collect() to reuse."""
    hashes: dict[str, str] = {}
    meta = store.meta()
    if "inputs" not in meta or "report" not in meta:
        return None, hashes
    file_paths, problems = iter_paths(list(paths))
    if problems:
        return None, hashes
    cached = store.cached_files()
    for fp in file_paths:
        name = str(fp)
        if name not in cached:
            return None, hashes
        try:
            sha = hashlib.sha256(read_bytes(fp)).hexdigest()
        except InputError:
            return None, hashes
        if sha != cached[name][0]:
            return None, hashes
        hashes[name] = sha
    if (
        _inputs_fingerprint(hashes, catalogs) != meta["inputs"]
        or meta.get("extractor") != extractor_fingerprint()
    ):
        return None, hashes
    report = BuildReport(**json.loads(meta["report"]))
    report.db = str(store.path)  # a --rebuild wrote its report under the new store's temporary name
    report.reused, report.extracted = report.files, 0
    return report, hashes


def _run_extraction(todo: list[tuple[str, bytes | None]], jobs: int | None, progress):
    n = len(todo)
    if not n:
        return
    jobs = jobs or os.cpu_count() or 1
    advance = progress(n) if progress else (lambda: None)
    if jobs > 1 and n >= PARALLEL_MIN_FILES:
        from .workers import parallel_map

        # workers die with this process (kill -9 included) and are killed, not awaited, on interruption
        for item in parallel_map(_extract_job, todo, jobs, chunksize=max(1, min(64, n // (jobs * 8) or 1))):
            advance()
            yield item
    else:
        for item in map(_extract_job, todo):
            advance()
            yield item
