"""The SQLite schema of a Pizhu database and its migrations.

Each migration is recorded in the `migrations` table; `meta.schema_version`
says which one the file is at. A file from a newer Pizhu is refused untouched.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from core.errors import SchemaTooNew, UserError
from core.model import ArticleStatus, FactType, Label, Status


def _in(values) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


_SPAN_MISMATCH = """
    SELECT RAISE(ABORT, 'entity span does not match the article text')
    WHERE NEW.start < 0 OR NEW.end > (SELECT length(clean_text) FROM articles WHERE id = NEW.article_id)
       OR NEW.text IS NOT (SELECT substr(clean_text, NEW.start + 1, NEW.end - NEW.start)
                           FROM articles WHERE id = NEW.article_id);
"""

_SLOT_ARTICLE = """
    SELECT RAISE(ABORT, 'fact slot points at an entity of another article')
    WHERE NEW.entity_id IS NOT NULL AND
          (SELECT article_id FROM entities WHERE id = NEW.entity_id)
          IS NOT (SELECT article_id FROM facts WHERE id = NEW.fact_id);
"""

# The span check reads the article text once: the table's CHECKs already keep
# start >= 0 and length(text) = end - start, so a span past the end cannot
# equal its (shorter) slice. Measured: merging seed 000 (13,000 characters, 313
# suggestions) takes 12.6 ms instead of 22.7 ms.
_SPAN_MISMATCH_ONE_SCAN = """
    SELECT RAISE(ABORT, 'entity span does not match the article text')
    WHERE NEW.text IS NOT (SELECT substr(clean_text, NEW.start + 1, NEW.end - NEW.start)
                           FROM articles WHERE id = NEW.article_id);
"""

_ONE_SCAN_TRIGGERS = f"""
DROP TRIGGER entities_span_insert;
DROP TRIGGER entities_span_update;
CREATE TRIGGER entities_span_insert BEFORE INSERT ON entities BEGIN {_SPAN_MISMATCH_ONE_SCAN} END;
CREATE TRIGGER entities_span_update BEFORE UPDATE OF start, end, text, article_id ON entities
    BEGIN {_SPAN_MISMATCH_ONE_SCAN} END;
"""

SCHEMA_V1 = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE migrations (
    version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE annotators (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    offsets BLOB,               -- NULL: identity map (raw == clean)
    script TEXT NOT NULL CHECK (script IN ('traditional', 'simplified')),
    hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ({_in(ArticleStatus)})),
    imported_at TEXT NOT NULL,
    source_path TEXT NOT NULL DEFAULT '',
    article_date TEXT,
    repair_report TEXT NOT NULL DEFAULT '{{}}'
);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL CHECK (label IN ({_in(Label)})),
    text TEXT NOT NULL,
    text_s TEXT NOT NULL,       -- simplified form of text, for lexicon and search
    value TEXT,                 -- JSON
    source TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ({_in(Status)})),
    model TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start >= 0 AND end > start AND length(text) = end - start)
);
CREATE INDEX entities_article ON entities(article_id, start);
CREATE INDEX entities_key ON entities(label, text_s, status);
CREATE TRIGGER entities_span_insert BEFORE INSERT ON entities BEGIN {_SPAN_MISMATCH} END;
CREATE TRIGGER entities_span_update BEFORE UPDATE OF start, end, text, article_id ON entities
    BEGIN {_SPAN_MISMATCH} END;
CREATE TABLE facts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ({_in(FactType)})),
    source TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ({_in(Status)})),
    model TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX facts_article ON facts(article_id);
CREATE TABLE fact_slots (
    fact_id INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    entity_id INTEGER REFERENCES entities(id) ON DELETE CASCADE,
    literal TEXT,
    PRIMARY KEY (fact_id, role),
    CHECK ((entity_id IS NULL) != (literal IS NULL))
);
CREATE INDEX fact_slots_entity ON fact_slots(entity_id);
CREATE TRIGGER fact_slots_article_insert BEFORE INSERT ON fact_slots BEGIN {_SLOT_ARTICLE} END;
CREATE TRIGGER fact_slots_article_update BEFORE UPDATE ON fact_slots BEGIN {_SLOT_ARTICLE} END;
CREATE TABLE edits (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    annotator TEXT NOT NULL,
    article_id INTEGER,
    op TEXT NOT NULL,
    target INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'trigram');
"""

# The highest entity and fact ids ever deleted: new rows take ids above them and above
# every live row (core.store.next_ids), so an id the GUI or an undo step holds never
# names another span. Without AUTOINCREMENT, SQLite's max(rowid) + 1 hands a deleted
# top id out again.
_ID_HIGH_WATER = """
INSERT OR REPLACE INTO meta (key, value) VALUES ('entities_id_high', (SELECT coalesce(max(id), 0) FROM entities));
INSERT OR REPLACE INTO meta (key, value) VALUES ('facts_id_high', (SELECT coalesce(max(id), 0) FROM facts));
CREATE TRIGGER entities_id_high AFTER DELETE ON entities
    WHEN OLD.id > (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'entities_id_high')
    BEGIN UPDATE meta SET value = OLD.id WHERE key = 'entities_id_high'; END;
CREATE TRIGGER facts_id_high AFTER DELETE ON facts
    WHEN OLD.id > (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'facts_id_high')
    BEGIN UPDATE meta SET value = OLD.id WHERE key = 'facts_id_high'; END;
"""

# A CHECK (x IN ('a', 'b', ...)) makes SQLite build a small table of the list for
# every row an executemany inserts: ~5 µs a row each, half the cost of storing an
# engine suggestion (bench/README.md, extract). The same check as comparisons
# costs ~0.2 µs. The table text is rewritten in place (SQLite's documented
# writable_schema procedure): an equivalent constraint, so no stored row can
# violate it, and no table is copied however large the file is.
_IN_LIST = re.compile(r"\b(\w+) IN \(('[^']*'(?:, '[^']*')*)\)")


def _as_comparisons(match: re.Match) -> str:
    column, values = match.group(1), re.findall(r"'[^']*'", match.group(2))
    return "(" + " OR ".join(f"{column} = {value}" for value in values) + ")"


def _checks_without_in_lists(conn: sqlite3.Connection) -> None:
    (version,) = conn.execute("PRAGMA schema_version").fetchone()
    tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                          " AND name IN ('articles', 'entities', 'facts')").fetchall()
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for name, sql in tables:
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                         (_IN_LIST.sub(_as_comparisons, sql), name))
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")  # other connections reload
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


# The merge (core/merge.py) checks each span it inserts against the article text it
# reads in the same transaction, and fills fact slots only with the article's own
# entities. While it runs it holds this meta key, inside its transaction and never
# committed, and the per-row insert checks step aside for its rows; every other
# writer, the sqlite3 shell included, still meets them. The span check's article
# read was a quarter of the merge's cost: on two cores that cost is what keeps
# `extract --jobs 2` from doubling `--jobs 1` (bench/README.md, extract).
MERGE_CHECKS_ROWS = "merge_checks_rows"
_NOT_MERGING = f"WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = '{MERGE_CHECKS_ROWS}')"

# One text index serves both lookups: the rejected (label, text) pairs by status,
# and label search, which names the statuses it wants (core/search.py). The
# second copy cost each inserted entity ~2 µs.
_MERGE_CHECKS_ROWS_TRIGGERS = f"""
DROP TRIGGER entities_span_insert;
CREATE TRIGGER entities_span_insert BEFORE INSERT ON entities {_NOT_MERGING}
    BEGIN {_SPAN_MISMATCH_ONE_SCAN} END;
DROP TRIGGER fact_slots_article_insert;
CREATE TRIGGER fact_slots_article_insert BEFORE INSERT ON fact_slots {_NOT_MERGING}
    BEGIN {_SLOT_ARTICLE} END;
DROP INDEX IF EXISTS entities_key;
"""

# version -> (description, DDL or a function of the connection). Append; never
# edit a released migration.
MIGRATIONS: dict[int, tuple[str, str | Callable[[sqlite3.Connection], None]]] = {
    1: ("initial schema", SCHEMA_V1),
    # Every merge asks which (label, text) people rejected: a covering index
    # led by status makes that a seek instead of a scan of all entities.
    2: ("index entities by status", "CREATE INDEX entities_status ON entities(status, label, text_s);"),
    3: ("one text scan per span check", _ONE_SCAN_TRIGGERS),
    4: ("deleted entity and fact ids are never given again", _ID_HIGH_WATER),
    5: ("CHECKs as comparisons, not IN lists", _checks_without_in_lists),
    6: ("the merge checks its own rows; one entity text index", _MERGE_CHECKS_ROWS_TRIGGERS),
}
SCHEMA_VERSION = max(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    try:
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"not a Pizhu database (not an SQLite file: {exc})") from exc
    if not has_meta:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise UserError("not a Pizhu database (an SQLite file with other tables)")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, now: str, *, readonly: bool = False) -> int:
    """Bring the database to SCHEMA_VERSION; refuse files from a newer Pizhu."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"database schema version {version} is newer than this Pizhu supports "
            f"({SCHEMA_VERSION}); upgrade Pizhu to open it (the file was not changed)"
        )
    if version == SCHEMA_VERSION:
        return version
    if readonly:
        raise UserError("database is read-only and needs a schema upgrade; open a writable copy")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        description, ddl = MIGRATIONS[target]
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(ddl):
                ddl(conn)
            else:
                for statement in _statements(ddl):
                    conn.execute(statement)
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (target,)
            )
            conn.execute(
                "INSERT INTO migrations (version, applied_at, description) VALUES (?, ?, ?)",
                (target, now, description),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def _statements(ddl: str):
    """Split DDL into complete statements (triggers hold inner semicolons)."""
    buffer = ""
    for line in ddl.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
