"""The store: one SQLite file holding files, mentions, documents and edges.

A build writes everything in one transaction, so an interrupted build (even kill -9) leaves the previous
graph whole. Queries read only the rows they need; nothing here loads the whole graph.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .errors import StoreError
from .models import Document, Edge, Mention, filled

# 2: a file's identity records where each field was read (sources) and portal/header disagreements
# (notes); identities cached by schema 1 were read by the older header reader and are not reused.
SCHEMA_VERSION = 2
DEFAULT_DB = "refgraph.db"
ENV_DB = "REFGRAPH_DB"

SCHEMA = """
CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, encoding TEXT, doc_id TEXT,
                    identity TEXT NOT NULL);
CREATE TABLE mentions (file TEXT NOT NULL, seq INTEGER NOT NULL, doc_id TEXT, status TEXT,
                       key TEXT, line INTEGER, start INTEGER, "end" INTEGER, data TEXT NOT NULL,
                       context TEXT, PRIMARY KEY (file, seq));
CREATE TABLE documents (id TEXT PRIMARY KEY, key TEXT, key_folded TEXT, search_text TEXT,
                        doc_type TEXT, date TEXT, issuer TEXT, province TEXT, in_corpus INTEGER,
                        cited INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL);
CREATE TABLE edges (source TEXT NOT NULL, target TEXT NOT NULL, relation TEXT NOT NULL, file TEXT,
                    line INTEGER, start INTEGER, "end" INTEGER, snippet TEXT);
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
"""
# A walk reads, for one layer of documents, the first citation of each (source, target, relation): with the
# other end, the relation, the file and the line in the index, that grouping is read from the index alone,
# and only the few rows that become tree edges are looked up for their snippet (a lineage on a
# 100k-document graph reading 9,000 such citations: 0.26 s -> 0.13 s with the relation in the index, about
# half again with the file and line). A build drops and re-creates the indexes around its bulk insert, in
# the same transaction, which also brings an older store's up to date (until then its queries read the
# rows, as before).
INDEXES = {
    "edges_source": "edges (source, target, relation, file, line)",
    "edges_target": "edges (target, source, relation, file, line)",
    "documents_key": "documents (key)",
    "documents_key_folded": "documents (key_folded)",
    "mentions_doc": "mentions (doc_id)",
}
SCHEMA += "".join(f"CREATE INDEX {name} ON {on};\n" for name, on in INDEXES.items())


DAMAGED = "the store is damaged; rebuild it with `refgraph build --rebuild`"


def _store_error(path: Path, e: Exception) -> StoreError:
    """One line for a failed read. Damage (a torn page, bytes that are not UTF-8, a row that is not
    the JSON refgraph wrote) never shows the raw bytes: they are garbage by definition."""
    msg = str(e)
    low = msg.lower()
    if isinstance(e, sqlite3.OperationalError) and ("locked" in low or "busy" in low):
        return StoreError(f"{path}: the store is busy (another refgraph is writing it); try again")
    if isinstance(e, sqlite3.OperationalError) and "decode" not in low and "malformed" not in low:
        return StoreError(f"{path}: cannot read the store ({msg})")
    return StoreError(f"{path}: {DAMAGED}")


def _reads(fn):
    """Store reads fail with one StoreError line, never a traceback with raw bytes in it."""

    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        try:
            return fn(self, *args, **kwargs)
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as e:
            raise _store_error(self.path, e) from None

    return wrapper


def default_path() -> Path:
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        conn.execute("PRAGMA foreign_keys=OFF")
        return conn
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open store ({e})") from None


def open_store(path: str | os.PathLike | None = None, *, create: bool = False) -> Store:
    p = Path(path) if path else default_path()
    if not p.exists():
        if not create:
            raise StoreError(
                f"{p}: no store here; run `refgraph build` first (or point --db / {ENV_DB} at one)"
            )
        parent = p.parent if str(p.parent) else Path(".")
        if not parent.exists():
            raise StoreError(f"{p}: folder {parent} does not exist")
        if not os.access(parent, os.W_OK):
            raise StoreError(f"{p}: cannot create the store (no permission to write in {parent})")
    elif p.is_dir():
        raise StoreError(f"{p}: is a directory, not a store")
    conn = _connect(p)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as e:
        conn.close()
        if "malformed" in str(e):
            raise StoreError(f"{p}: {DAMAGED}") from None
        raise StoreError(f"{p}: not a refgraph store (not an SQLite database)") from None
    if not tables:
        if not create:
            conn.close()
            raise StoreError(f"{p}: empty store; run `refgraph build`")
        try:
            conn.executescript("BEGIN;" + SCHEMA + f"PRAGMA user_version={SCHEMA_VERSION};COMMIT;")
        except sqlite3.OperationalError as e:
            conn.close()
            raise StoreError(f"{p}: cannot write the store ({e})") from None
    elif create and version < SCHEMA_VERSION and "documents" in tables:
        # a build rewrites every row anyway: an older store is rebuilt from the files, not refused
        try:
            drops = "".join(f'DROP TABLE IF EXISTS "{t}";' for t in sorted(tables))
            conn.executescript("BEGIN;" + drops + SCHEMA + f"PRAGMA user_version={SCHEMA_VERSION};COMMIT;")
        except sqlite3.Error as e:
            conn.close()
            raise StoreError(f"{p}: cannot upgrade the store ({e}); delete it and build again") from None
    elif version != SCHEMA_VERSION or "documents" not in tables:
        conn.close()
        what = "an older" if version < SCHEMA_VERSION else "a newer"
        raise StoreError(
            f"{p}: store made by {what} refgraph (schema {version}, this one reads {SCHEMA_VERSION}); "
            "delete it and run `refgraph build` again"
            if "documents" in tables
            else f"{p}: not a refgraph store"
        )
    return Store(p, conn)


def _doc_to_json(d: Document) -> str:
    return json.dumps(
        {
            "id": d.id,
            "key": d.key,
            "doc_type": d.doc_type,
            "date": d.date.isoformat() if d.date else None,
            "issuer": d.issuer,
            "issuer_code": d.issuer_code,
            "term": d.term,
            "title": d.title,
            "province": d.province,
            "family": d.family,
            "path": d.path,
            "dates_seen": list(d.dates_seen),
            "flags": list(d.flags),
        },
        ensure_ascii=False,
    )


_DOCUMENT_FIELDS = frozenset(Document.__dataclass_fields__)


def doc_from_json(s: str) -> Document:
    d = json.loads(s)
    d["date"] = dt.date.fromisoformat(d["date"]) if d["date"] else None
    d["dates_seen"] = tuple(d["dates_seen"])
    d["flags"] = tuple(d["flags"])
    if d.keys() == _DOCUMENT_FIELDS:
        # every field present (what _doc_to_json wrote): filled directly, without the frozen dataclass's
        # object.__setattr__ per field (a lineage reads hundreds of documents)
        return filled(Document, d)
    return Document(**d)


_MENTION_FIELDS = frozenset(Mention.__dataclass_fields__)
_EDGE_FIELDS = tuple(Edge.__dataclass_fields__)
assert _EDGE_FIELDS == (
    "source",
    "target",
    "relation",
    "file",
    "line",
    "start",
    "end",
    "snippet",
)


def _edge(row: tuple) -> Edge:
    """Edge(*row) without the frozen dataclass's eight object.__setattr__ calls: a walk on a large graph
    reads ten thousand rows."""
    return filled(Edge, dict(zip(_EDGE_FIELDS, row)))


def mention_from_json(s: str, file: str) -> Mention:
    d = json.loads(s)
    d.pop("file", None)
    d["date"] = dt.date.fromisoformat(d["date"]) if d["date"] else None
    d["flags"] = tuple(d["flags"])
    d["why"] = tuple(d.get("why", ()))
    d["source"] = file
    if d.keys() == _MENTION_FIELDS:
        # every field present (what Mention.to_dict wrote): fill the frozen dataclass directly, which
        # costs a third of its __init__ (one object.__setattr__ per field) over 100k stored mentions
        return filled(Mention, d)
    return Mention(**d)  # a row from an older writer: defaults fill what it lacks, unknown keys fail


class Store:
    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._read_depth = 0

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def reading(self):
        """One read transaction around several reads, so that they all see the same graph: a build
        that commits meanwhile waits for it to end (SQLite's shared lock) rather than tearing a query
        between two graphs. Nested uses join the outer transaction."""
        if self._read_depth or self.conn.in_transaction:
            self._read_depth += 1
            try:
                yield self
            finally:
                self._read_depth -= 1
            return
        try:
            self.conn.execute("BEGIN")
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, e) from None
        self._read_depth = 1
        try:
            yield self
        finally:
            self._read_depth = 0
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("COMMIT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- build cache
    @_reads
    def cached_files(self) -> dict[str, tuple[str, str, str]]:
        """path -> (sha256, encoding, identity json)"""
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self.conn.execute("SELECT path, sha256, encoding, identity FROM files")
        }

    @_reads
    def cached_mentions(self, path: str) -> tuple[list[Mention], list[str]]:
        rows = self.conn.execute(
            "SELECT data, context FROM mentions WHERE file=? ORDER BY seq", (path,)
        ).fetchall()
        return [mention_from_json(r[0], path) for r in rows], [r[1] or "" for r in rows]

    @_reads
    def all_cached_mentions(self, paths: Iterable[str]) -> dict[str, tuple[list[Mention], list[str]]]:
        """cached_mentions for many files in one pass over the table (one query per file costs more than
        the rows on a corpus of small pages); every path asked for gets an entry, empty if none."""
        out: dict[str, tuple[list[Mention], list[str]]] = {p: ([], []) for p in paths}
        q = "SELECT file, data, context FROM mentions ORDER BY file, seq"
        for file, data, context in self.conn.execute(q):
            got = out.get(file)
            if got is not None:
                got[0].append(mention_from_json(data, file))
                got[1].append(context or "")
        return out

    def replace_all(
        self,
        files: list[dict],
        mentions: Iterable[tuple],
        documents: list[Document],
        cited: dict[str, int],
        edges: list[Edge],
        meta: dict[str, str],
    ) -> None:
        """Write a whole build in one transaction; on any error the previous graph stays."""
        from .text import fold

        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            for name in INDEXES:  # built once over the new rows, not updated row by row
                c.execute(f"DROP INDEX IF EXISTS {name}")
            for table in ("files", "mentions", "documents", "edges"):
                c.execute(f"DELETE FROM {table}")
            if os.environ.get("REFGRAPH_FAULT") == "pause-in-write":  # fault injection for the crash test
                import sys
                import time

                print("refgraph: paused inside the write transaction", file=sys.stderr, flush=True)
                time.sleep(60)
            c.executemany(
                "INSERT INTO files VALUES (?,?,?,?,?)",
                [(f["path"], f["sha256"], f["encoding"], f["doc_id"], f["identity"]) for f in files],
            )
            c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?)", mentions)
            c.executemany(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        d.id,
                        d.key,
                        fold(d.key or d.id),
                        # folded part by part (a space parts nothing fold changes): the types, issuers
                        # and provinces repeat over thousands of documents and their folds are remembered
                        " ".join(
                            fold(p) for p in (d.doc_type, d.key, d.id, d.title, d.issuer, d.province) if p
                        ),
                        d.doc_type,
                        d.date.isoformat() if d.date else None,
                        d.issuer,
                        d.province,
                        int(d.in_corpus),
                        cited.get(d.id, 0),
                        _doc_to_json(d),
                    )
                    for d in documents
                ],
            )
            c.executemany(
                "INSERT INTO edges VALUES (?,?,?,?,?,?,?,?)",
                [(e.source, e.target, e.relation, e.file, e.line, e.start, e.end, e.snippet) for e in edges],
            )
            c.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", list(meta.items()))
            for name, on in INDEXES.items():
                c.execute(f"CREATE INDEX {name} ON {on}")
            c.execute("COMMIT")
        except BaseException as e:
            try:
                c.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(e, sqlite3.DatabaseError) and "malformed" in str(e):
                raise StoreError(f"{self.path}: {DAMAGED}") from None
            if isinstance(e, sqlite3.OperationalError):
                msg = str(e)
                if "full" in msg:
                    raise StoreError(f"{self.path}: disk full; the previous graph is intact") from None
                if "readonly" in msg or "permission" in msg:
                    raise StoreError(
                        f"{self.path}: cannot write the store (read-only); the previous graph is intact"
                    ) from None
                raise StoreError(
                    f"{self.path}: cannot write the store ({msg}); the previous graph is intact"
                ) from None
            raise

    def set_meta(self, name: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    # ---- reads
    @_reads
    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT name, value FROM meta"))

    @_reads
    def document(self, doc_id: str) -> Document | None:
        r = self.conn.execute("SELECT data FROM documents WHERE id=?", (doc_id,)).fetchone()
        return doc_from_json(r[0]) if r else None

    @_reads
    def documents(self, ids: Iterable[str]) -> dict[str, Document]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, Document] = {}
        for chunk in _chunks(ids):
            q = f"SELECT id, data FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            for r in self.conn.execute(q, chunk):
                out[r[0]] = doc_from_json(r[1])
        return out

    @_reads
    def ids_for_key(self, key: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents WHERE key=? ORDER BY date", (key,))]

    def edges_from(
        self,
        ids: Iterable[str],
        distinct: bool = False,
        limit: int | None = None,
        relations: Iterable[str] | None = None,
    ) -> list[Edge]:
        return self._edges("source", ids, distinct, limit, relations)

    def edges_to(
        self,
        ids: Iterable[str],
        distinct: bool = False,
        limit: int | None = None,
        relations: Iterable[str] | None = None,
    ) -> list[Edge]:
        return self._edges("target", ids, distinct, limit, relations)

    @_reads
    def _edges(
        self,
        column: str,
        ids: Iterable[str],
        distinct: bool = False,
        limit: int | None = None,
        relations: Iterable[str] | None = None,
    ) -> list[Edge]:
        """Edges at these documents; with ``distinct``, one row (the first citation) per
        (source, target, relation): a walk needs the relation once, not every mention behind it.
        ``relations`` keeps only those (filtered in the index, not in Python: a walk along
        `implements` reads a tenth of the rows)."""
        ids = list(dict.fromkeys(ids))
        rels = sorted(set(relations)) if relations is not None else None
        out: list[Edge] = []
        cols = 'source, target, relation, file, line, start, "end", snippet'
        only = f" AND relation IN ({','.join('?' * len(rels))})" if rels is not None else ""
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            if distinct:
                q = (
                    f"SELECT {cols} FROM edges WHERE rowid IN (SELECT MIN(rowid) FROM edges "
                    f"WHERE {column} IN ({marks}){only} GROUP BY source, target, relation) ORDER BY rowid"
                )
            else:
                q = f"SELECT {cols} FROM edges WHERE {column} IN ({marks}){only} ORDER BY rowid"
            if limit is not None:
                q += f" LIMIT {int(limit)}"
            out.extend(map(_edge, self.conn.execute(q, [*chunk, *(rels or ())])))
        return out if limit is None else out[:limit]

    @_reads
    def first_citations(
        self, column: str, ids: Iterable[str], relations: Iterable[str] | None = None
    ) -> list[tuple[str, str, str, str | None, int | None, int]]:
        """(source, target, relation, file, line, rowid) of the first citation (lowest rowid) of each
        (source, target, relation) at these documents (``column``: "source" or "target"), in citation order
        within each chunk of ids: what one layer of a walk reads, from the index alone. The rowid finds
        the whole row (edges_by_rowid) for the few that a walk keeps."""
        other = "target" if column == "source" else "source"
        # bare file and line come from the row that gives MIN(rowid) (SQLite's rule for a lone MIN)
        return list(
            self._at_chunks(
                "SELECT source, target, relation, file, line, MIN(rowid) FROM edges WHERE {at} "
                f"GROUP BY {column}, {other}, relation ORDER BY 6",
                column,
                ids,
                relations,
            )
        )

    @_reads
    def first_reaches(
        self, column: str, ids: Iterable[str], relations: Iterable[str] | None = None
    ) -> list[tuple[str, str, int]]:
        """(other end, this end, rowid) of the first citation (lowest rowid) reaching each document at the
        other end of the edges at these documents, in citation order within each chunk of ids: the
        documents a walk's layer finds and the citation each is first found by, one row per document (a
        tenth of first_citations' rows in a large lineage, where most reach documents already found)."""
        other = "target" if column == "source" else "source"
        return list(
            self._at_chunks(
                f"SELECT {other}, {column}, MIN(rowid) FROM edges WHERE {{at}} GROUP BY {other} ORDER BY 3",
                column,
                ids,
                relations,
            )
        )

    @_reads
    def link_counts(
        self, column: str, ids: Iterable[str], relations: Iterable[str] | None = None
    ) -> dict[str, int]:
        """Document -> how many distinct (other end, relation) its edges at ``column`` have (what
        first_citations would give it, counted)."""
        other = "target" if column == "source" else "source"
        return dict(
            self._at_chunks(
                f"SELECT {column}, COUNT(*) FROM (SELECT DISTINCT {column}, {other}, relation FROM edges "
                f"WHERE {{at}}) GROUP BY {column}",
                column,
                ids,
                relations,
            )
        )

    def _at_chunks(self, query: str, column: str, ids: Iterable[str], relations: Iterable[str] | None):
        """The rows of ``query`` run over the ids in chunks (SQLite's limit on parameters); its ``{at}``
        becomes "<column> IN (…)", with the relation filter when ``relations`` is given."""
        ids = list(dict.fromkeys(ids))
        rels = sorted(set(relations)) if relations is not None else None
        only = f" AND relation IN ({','.join('?' * len(rels))})" if rels is not None else ""
        for chunk in _chunks(ids):
            at = f"{column} IN ({','.join('?' * len(chunk))}){only}"
            yield from self.conn.execute(query.format(at=at), [*chunk, *(rels or ())])

    @_reads
    def edges_by_rowid(self, rowids: Iterable[int]) -> dict[int, Edge]:
        out: dict[int, Edge] = {}
        cols = 'rowid, source, target, relation, file, line, start, "end", snippet'
        for chunk in _chunks(list(rowids)):
            q = f"SELECT {cols} FROM edges WHERE rowid IN ({','.join('?' * len(chunk))})"
            for r in self.conn.execute(q, chunk):
                out[r[0]] = _edge(r[1:])
        return out

    @_reads
    def any_edge(self, column: str, ids: Iterable[str], relations: Iterable[str] | None = None) -> bool:
        """Whether any edge (of these relations) has one of these documents at ``column``."""
        rows = self._at_chunks("SELECT 1 FROM edges WHERE {at} LIMIT 1", column, ids, relations)
        return next(rows, None) is not None

    @_reads
    def all_edges(self) -> list[Edge]:
        q = 'SELECT source, target, relation, file, line, start, "end", snippet FROM edges ORDER BY rowid'
        return list(map(_edge, self.conn.execute(q)))

    @_reads
    def all_documents(self) -> list[Document]:
        return [doc_from_json(r[0]) for r in self.conn.execute("SELECT data FROM documents ORDER BY id")]

    @_reads
    def mentions_of(self, doc_id: str, limit: int | None = None) -> list[tuple[Mention, str]]:
        q = "SELECT file, data, status FROM mentions WHERE doc_id=? ORDER BY file, seq LIMIT ?"
        rows = self.conn.execute(q, (doc_id, -1 if limit is None else limit))
        return [(mention_from_json(r[1], r[0]), r[2]) for r in rows]

    @_reads
    def count_where(self, table: str, column: str, value: str) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {column}=?", (value,)).fetchone()[0]

    @_reads
    def file_identity(self, path: str) -> dict | None:
        """The identity a file gave itself, with where each field was read."""
        r = self.conn.execute("SELECT identity FROM files WHERE path=?", (path,)).fetchone()
        return json.loads(r[0]) if r else None

    @_reads
    def doc_for_file(self, name: str) -> str | None:
        """The document of a file named by its path, or by its name when only one file has it."""
        r = self.conn.execute("SELECT doc_id FROM files WHERE path=?", (name,)).fetchone()
        if r:
            return r[0]
        base = os.path.basename(name)
        rows = self.conn.execute(
            "SELECT doc_id FROM files WHERE path=? OR path LIKE ? ESCAPE '!'",
            (base, "%/" + _like_escape(base)),
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    @_reads
    def files(self) -> list[tuple[str, str | None, str]]:
        return list(self.conn.execute("SELECT path, doc_id, identity FROM files ORDER BY path"))

    @_reads
    def search(self, tokens: list[str], limit: int = 20) -> list[Document]:
        """Documents whose folded type, key, title, issuer and province contain every token."""
        if not tokens:
            return []
        where = " AND ".join("search_text LIKE ? ESCAPE '!'" for _ in tokens)
        args = [f"%{_like_escape(t)}%" for t in tokens]
        q = f"SELECT data FROM documents WHERE {where} ORDER BY cited DESC, id LIMIT ?"
        return [doc_from_json(r[0]) for r in self.conn.execute(q, (*args, limit))]

    @_reads
    def cited_count(self, doc_id: str) -> int:
        r = self.conn.execute("SELECT cited FROM documents WHERE id=?", (doc_id,)).fetchone()
        return r[0] if r else 0

    @_reads
    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    @_reads
    def scalar_rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        return self.conn.execute(sql, args).fetchall()

    @_reads
    def keyed_mentions(self) -> Iterable[tuple[str, str]]:
        """(file, mention JSON) for every mention with a number key: the witnesses refgraph.evidence reads."""
        return self.conn.execute("SELECT file, data FROM mentions WHERE key IS NOT NULL ORDER BY file, seq")

    @_reads
    def cited_counts(self) -> dict[str, int]:
        """Document id -> how many citations reach it (only documents cited at least once)."""
        return dict(self.conn.execute("SELECT id, cited FROM documents WHERE cited > 0"))

    @_reads
    def mention_counts(self) -> dict[str, int]:
        """Document id -> how many mentions its own file makes."""
        return dict(
            self.conn.execute(
                "SELECT doc_id, COUNT(*) FROM mentions WHERE doc_id IS NOT NULL GROUP BY doc_id"
            )
        )


def _like_escape(s: str) -> str:
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i : i + n]
