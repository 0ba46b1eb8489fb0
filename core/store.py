"""The SQLite store of one Pizhu database: articles, entities, facts, provenance.

One `Store` per database file and per thread. Every edit is one transaction
(`Store.transaction()`), recorded in the `edits` journal; the database runs in
WAL mode with foreign keys on. Edit operations live in core/operations.py,
the merge rule in core/merge.py; this module holds connection, reads and import.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import zlib
from array import array
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from core import schema
from core.errors import UserError
from core.model import (
    Article,
    ArticleStatus,
    Entity,
    Fact,
    FactType,
    Label,
    SlotValue,
    Status,
)
from core.text import OffsetMap, simplified_view


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def text_hash(clean: str) -> str:
    return hashlib.sha256(clean.encode("utf-8")).hexdigest()


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """The first free id of `entities` or `facts`: above every live row and every deleted one.

    Call inside a write transaction and give the id explicitly, so that no
    deleted id (one the GUI or an undo step may still hold) names a new row;
    the schema keeps the highest deleted id in `meta` (migration 4).
    """
    if table not in _NEXT_ID:
        raise ValueError(f"no id high-water mark for {table!r}")
    return conn.execute(_NEXT_ID[table]).fetchone()[0]


_NEXT_ID = {
    "entities": "SELECT max(coalesce((SELECT max(id) FROM entities), 0), coalesce((SELECT CAST(value"
                " AS INTEGER) FROM meta WHERE key = 'entities_id_high'), 0)) + 1",
    "facts": "SELECT max(coalesce((SELECT max(id) FROM facts), 0), coalesce((SELECT CAST(value"
             " AS INTEGER) FROM meta WHERE key = 'facts_id_high'), 0)) + 1",
}


def pack_offsets(offsets: OffsetMap, clean: str, raw: str) -> bytes | None:
    if raw == clean:
        return None
    data = array("i", offsets.starts)
    data.extend(offsets.ends)
    data.append(offsets.raw_length)
    return zlib.compress(data.tobytes())


def unpack_offsets(blob: bytes | None, clean: str) -> OffsetMap:
    if blob is None:
        return OffsetMap.identity(len(clean))
    data = array("i")
    data.frombytes(zlib.decompress(blob))
    n = (len(data) - 1) // 2
    return OffsetMap(tuple(data[:n]), tuple(data[n : 2 * n]), data[-1])


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article ready to store: raw text plus its repair."""

    title: str
    raw_text: str
    clean_text: str
    offsets: OffsetMap
    script: str
    source_path: str = ""
    article_date: str | None = None
    repair_report: dict | None = None

    @property
    def hash(self) -> str:
        return text_hash(self.clean_text)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str
    status: ArticleStatus
    n_entities: int
    n_pending: int
    imported_at: str
    length: int


_ENTITY_COLUMNS = (
    "id, article_id, start, end, label, text, value, source, status, created_at, updated_at, model"
)


class Store:
    """A Pizhu database file, opened for reading and editing."""

    def __init__(self, path: str | os.PathLike, *, readonly: bool | None = None) -> None:
        self.path = Path(path)
        if readonly is None:
            readonly = self.path.exists() and not os.access(self.path, os.W_OK)
        self.readonly = readonly
        self._check_file()
        try:
            self.conn = self._connect()
        except sqlite3.DatabaseError as exc:
            raise UserError(f"{self.path} cannot be opened: {exc}") from exc
        self.db = sqlite_utils.Database(self.conn)
        self._lock = threading.RLock()
        try:
            # Version first: a newer or foreign file is refused before WAL mode rewrites its header.
            schema.migrate(self.conn, now(), readonly=readonly)
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError:
            self.conn.close()
            raise
        except sqlite3.DatabaseError as exc:  # "malformed", "file is not a database"
            self.conn.close()
            raise UserError(f"{self.path} is damaged or not a Pizhu database ({exc})") from exc
        except BaseException:
            self.conn.close()
            raise

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise UserError(f"{self.path} is a folder, not a database file")
        if not self.path.parent.is_dir():
            raise UserError(f"folder {self.path.parent} does not exist")
        if self.path.exists() and self.path.stat().st_size:
            with open(self.path, "rb") as f:
                if f.read(16) != b"SQLite format 3\x00":
                    raise UserError(f"{self.path} is not a Pizhu database (not an SQLite file)")
        elif self.readonly:
            raise UserError(f"{self.path} does not exist")

    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            uri = f"file:{self.path}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; nested use joins the outer transaction."""
        if self.readonly:
            raise UserError(f"{self.path} is open read-only; nothing can be changed")
        with self._lock:
            if self.conn.in_transaction:
                yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def journal(self, annotator: str, op: str, article_id: int | None, target: int | None,
                detail: str = "") -> int:
        """Record one edit inside the current transaction; returns the edit id."""
        cur = self.conn.execute(
            "INSERT INTO edits (at, annotator, article_id, op, target, detail) VALUES (?,?,?,?,?,?)",
            (now(), annotator, article_id, op, target, detail),
        )
        return cur.lastrowid

    def next_ids(self, table: str) -> int:
        """next_id on this store's connection."""
        return next_id(self.conn, table)

    def ensure_annotator(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise UserError("an annotator name is required")
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)", (name, now())
            )
        return name

    # -- articles -----------------------------------------------------------

    def add_articles(self, articles: Iterable[NewArticle]) -> tuple[list[int], list[NewArticle]]:
        """Store new articles in one transaction; returns (new ids, duplicates skipped)."""
        added, duplicates = [], []
        stamp = now()
        with self.transaction() as conn:
            for art in articles:
                article_id = self._insert_article(conn, art, stamp)
                (added.append(article_id) if article_id else duplicates.append(art))
        return added, duplicates

    def _insert_article(self, conn, art: NewArticle, stamp: str) -> int | None:
        cur = conn.execute(
            "INSERT OR IGNORE INTO articles (title, raw_text, clean_text, offsets, script, hash,"
            " imported_at, source_path, article_date, repair_report) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (art.title, art.raw_text, art.clean_text,
             pack_offsets(art.offsets, art.clean_text, art.raw_text), art.script, art.hash,
             stamp, art.source_path, art.article_date, json.dumps(art.repair_report or {})),
        )
        if not cur.rowcount:
            return None
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (cur.lastrowid, simplified_view(art.title), simplified_view(art.clean_text)),
        )
        return cur.lastrowid

    def has_hash(self, digest: str) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM articles WHERE hash = ?", (digest,)).fetchone())

    def article(self, article_id: int) -> Article:
        row = self.conn.execute(
            "SELECT id, title, raw_text, clean_text, offsets, script, hash, status, imported_at,"
            " source_path, article_date, repair_report FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise UserError(f"no article with id {article_id}")
        return Article(
            id=row[0], title=row[1], raw_text=row[2], clean_text=row[3],
            offsets=unpack_offsets(row[4], row[3]), script=row[5], hash=row[6],
            status=ArticleStatus(row[7]), imported_at=row[8], source_path=row[9],
            article_date=row[10], repair_report=json.loads(row[11]),
        )

    def article_text(self, article_id: int) -> str:
        row = self.conn.execute("SELECT clean_text FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        if found is None:
            raise UserError(f"no article with id {article_id}")
        return found[0]

    def article_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def article_ids(self, *, status: ArticleStatus | None = None, query: str = "") -> list[int]:
        """Ids in import order, filtered by status and a search query (core/search.py)."""
        from core.search import article_ids

        # SQLite reads a NUL as the end of an FTS query ("unterminated string"); no text holds one.
        return article_ids(self, status=status, query=query.replace("\x00", ""))

    def summaries(self, ids: list[int]) -> list[ArticleSummary]:
        """Rows for the corpus table, for just the ids asked (lazy loading)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"""SELECT a.id, a.title, a.status, a.imported_at, length(a.clean_text),
                (SELECT count(*) FROM entities e WHERE e.article_id = a.id AND e.status != 'rejected'),
                (SELECT count(*) FROM entities e WHERE e.article_id = a.id AND e.status = 'suggested')
                FROM articles a WHERE a.id IN ({marks})""",
            ids,
        ).fetchall()
        by_id = {
            r[0]: ArticleSummary(r[0], r[1], ArticleStatus(r[2]), r[5], r[6], r[3], r[4])
            for r in rows
        }
        return [by_id[i] for i in ids if i in by_id]

    # -- entities and facts ---------------------------------------------------

    def entities(self, article_id: int, *, include_rejected: bool = True) -> list[Entity]:
        where = "" if include_rejected else " AND status != 'rejected'"
        rows = self.conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE article_id = ?{where} ORDER BY start, end",
            (article_id,),
        )
        return [_entity(r) for r in rows]

    def entities_overlapping(self, article_id: int, start: int, end: int) -> list[Entity]:
        """Entities of the article that share a character with [start, end)."""
        rows = self.conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE article_id = ? AND start < ? AND end > ?"
            " ORDER BY start, end",
            (article_id, end, start),
        )
        return [_entity(r) for r in rows]

    def entity(self, entity_id: int) -> Entity:
        row = self.conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise UserError(f"no entity with id {entity_id}")
        return _entity(row)

    def facts(self, article_id: int) -> list[Fact]:
        rows = self.conn.execute(
            "SELECT id, article_id, type, source, status, created_at, updated_at, model"
            " FROM facts WHERE article_id = ? ORDER BY id",
            (article_id,),
        ).fetchall()
        slots = self._slots([r[0] for r in rows])
        return [
            Fact(r[0], r[1], FactType(r[2]), slots.get(r[0], {}), r[3], Status(r[4]), r[5], r[6], r[7])
            for r in rows
        ]

    def fact(self, fact_id: int) -> Fact:
        row = self.conn.execute("SELECT article_id FROM facts WHERE id = ?", (fact_id,)).fetchone()
        if row is None:
            raise UserError(f"no fact with id {fact_id}")
        return next(f for f in self.facts(row[0]) if f.id == fact_id)

    def _slots(self, fact_ids: list[int]) -> dict[int, dict[str, SlotValue]]:
        out: dict[int, dict[str, SlotValue]] = {}
        if not fact_ids:
            return out
        marks = ",".join("?" * len(fact_ids))
        for fact_id, role, entity_id, literal in self.conn.execute(
            f"SELECT fact_id, role, entity_id, literal FROM fact_slots WHERE fact_id IN ({marks})",
            fact_ids,
        ):
            out.setdefault(fact_id, {})[role] = SlotValue(entity=entity_id, literal=literal)
        return out

    # -- what people taught the engine ------------------------------------------

    def lexicon(self) -> list[tuple[str, Label]]:
        """(text, label) of every entity people accepted or made, most frequent first."""
        rows = self.conn.execute(
            "SELECT text, label, count(*) AS n FROM entities WHERE status IN ('accepted', 'manual')"
            " GROUP BY text, label ORDER BY n DESC, text"
        )
        return [(text, Label(label)) for text, label, _ in rows]

    def rejected_keys(self) -> set[tuple[str, str]]:
        """(label, simplified text) pairs people rejected anywhere in the database."""
        rows = self.conn.execute("SELECT DISTINCT label, text_s FROM entities WHERE status = 'rejected'")
        return {(label, text_s) for label, text_s in rows}

    def human_entities(self) -> Iterator[tuple[int, int, int, Label, str]]:
        """(article_id, start, end, label, text) of accepted and manual entities."""
        rows = self.conn.execute(
            "SELECT article_id, start, end, label, text FROM entities"
            " WHERE status IN ('accepted', 'manual') ORDER BY article_id, start"
        )
        for article_id, start, end, label, text in rows:
            yield article_id, start, end, Label(label), text

    def merge_suggestions(self, article_id: int, analysis) -> MergeResult:  # noqa: F821
        """Replace this article's engine suggestions; human decisions are never touched."""
        from core.merge import merge_suggestions

        return merge_suggestions(self, article_id, analysis)


def _entity(row) -> Entity:
    return Entity(
        id=row[0], article_id=row[1], start=row[2], end=row[3], label=Label(row[4]), text=row[5],
        value=json.loads(row[6]) if row[6] is not None else None, source=row[7],
        status=Status(row[8]), created_at=row[9], updated_at=row[10], model=row[11],
    )
