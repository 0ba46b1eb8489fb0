"""The store: schema guarantees, WAL, refusals, search."""

from __future__ import annotations

import sqlite3

import pytest

from core import operations as ops
from core.errors import SchemaTooNew, UserError
from core.model import Label, Status
from core.store import NewArticle, Store
from core.text import OffsetMap


def article(text: str, title: str = "t") -> NewArticle:
    return NewArticle(title, text, text, OffsetMap.identity(len(text)), "simplified")


def test_new_database_is_wal_with_foreign_keys(fresh_store):
    assert fresh_store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert fresh_store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [v for (v,) in fresh_store.conn.execute("SELECT version FROM migrations")] == [1, 2, 3, 4, 5, 6]


def test_duplicate_articles_are_skipped(fresh_store):
    added, dups = fresh_store.add_articles([article("同一篇文章。"), article("同一篇文章。", "again")])
    assert len(added) == 1 and [d.title for d in dups] == ["again"]


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(0, 2, "不对"), (-1, 1, "德"), (3, 9, "经开区很好吗"), (2, 2, "")],
)
def test_spans_that_do_not_match_the_text_are_refused(fresh_store, start, end, text):
    [aid], _ = fresh_store.add_articles([article("德州经开区")])
    with pytest.raises(sqlite3.IntegrityError):
        fresh_store.conn.execute(
            "INSERT INTO entities (article_id, start, end, label, text, text_s, source, status,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,'x','manual','','')",
            (aid, start, end, "LOC", text, text),
        )
    assert fresh_store.entities(aid) == []


def test_unknown_label_is_refused_by_the_schema(fresh_store):
    [aid], _ = fresh_store.add_articles([article("德州经开区")])
    with pytest.raises(sqlite3.IntegrityError):
        fresh_store.conn.execute(
            "INSERT INTO entities (article_id, start, end, label, text, text_s, source, status,"
            " created_at, updated_at) VALUES (?,0,2,'CITY','德州','德州','x','manual','','')",
            (aid,),
        )


def test_label_search_skips_rejected_entities_and_seeks_the_status_index(fresh_store):
    ids, _ = fresh_store.add_articles([article("德州经开区"), article("德州市区", "b"), article("山东德州", "c")])
    kept = ops.add_entity(fresh_store, ids[0], 0, 2, Label.LOC, annotator="林").entity_id
    ops.add_entity(fresh_store, ids[2], 2, 4, Label.LOC, annotator="林")
    gone = ops.add_entity(fresh_store, ids[1], 0, 2, Label.LOC, annotator="林").entity_id
    ops.set_entity_status(fresh_store, [gone], Status.REJECTED, annotator="林")
    assert fresh_store.article_ids(query="label:LOC 德州") == [ids[0], ids[2]]
    assert fresh_store.article_ids(query="label:ORG 德州") == []
    ops.set_entity_status(fresh_store, [kept], Status.REJECTED, annotator="林")
    assert fresh_store.article_ids(query="label:LOC 德州") == [ids[2]]
    statements = []
    fresh_store.conn.set_trace_callback(statements.append)  # the SQL as run, values in place
    fresh_store.article_ids(query="label:LOC 德州")
    fresh_store.conn.set_trace_callback(None)
    plan = str(fresh_store.conn.execute("EXPLAIN QUERY PLAN " + statements[-1]).fetchall())
    assert "entities_status (status=? AND label=?)" in plan


def test_search_finds_simplified_words_in_traditional_text(fresh_store):
    text = "美麗經開區打造德州高質量發展增長極"
    fresh_store.add_articles([NewArticle("t", text, text, OffsetMap.identity(len(text)), "traditional")])
    fresh_store.add_articles([article("山东省济南市")])
    assert fresh_store.article_ids(query="经开区") == [1]
    assert fresh_store.article_ids(query="經開區") == [1]
    assert fresh_store.article_ids(query="济南") == [2]  # two characters: scan, not trigram
    assert fresh_store.article_ids(query="上海市") == []


def test_a_title_that_is_sql_is_just_text(fresh_store):
    title = "'); DROP TABLE articles;--"
    [aid], _ = fresh_store.add_articles([article("正文。", title)])
    assert fresh_store.article(aid).title == title
    assert fresh_store.article_ids(query=title) == [aid]  # found as words, not run
    assert fresh_store.article_count() == 1


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer than this Pizhu supports"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_not_changed(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes, not a database")
    with pytest.raises(UserError, match="not an SQLite file"):
        Store(path)
    assert path.read_bytes() == b"just some notes, not a database"


@pytest.mark.parametrize("how", ["file mode", "asked"])
def test_a_read_only_database_opens_read_only(tmp_path, how):
    import os

    path = tmp_path / "ro.db"
    with Store(path) as store:
        store.add_articles([article("德州经开区。")])
    if how == "file mode" and os.geteuid() == 0:
        pytest.skip("root can write a file whatever its mode")
    path.chmod(0o444)
    try:
        with Store(path, readonly=True if how == "asked" else None) as store:
            assert store.readonly
            assert store.article_count() == 1
            with pytest.raises(UserError, match="read-only"):
                store.ensure_annotator("me")
    finally:
        path.chmod(0o644)


def test_lexicon_and_rejections_come_from_human_decisions(seeded_store):
    from core import operations as ops
    from core.model import Status

    text = seeded_store.article_text(1)
    start = text.index("德州")
    ops.add_entity(seeded_store, 1, start, start + 2, Label.LOC, annotator="me")
    edit = ops.add_entity(seeded_store, 1, 0, 2, Label.PERSON, annotator="me")
    ops.set_entity_status(seeded_store, [edit.entity_id], Status.REJECTED, annotator="me")
    assert ("德州", Label.LOC) in seeded_store.lexicon()
    assert ("PERSON", "美丽") in seeded_store.rejected_keys()


def test_a_version_1_database_is_migrated_and_the_step_recorded(tmp_path):
    from core.schema import MIGRATIONS, SCHEMA_V1, _statements

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in _statements(SCHEMA_V1):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    conn.execute("INSERT INTO migrations VALUES (1, 'then', 'initial schema')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        versions = [r[0] for r in store.conn.execute("SELECT version FROM migrations ORDER BY 1")]
        assert versions == sorted(MIGRATIONS)
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT DISTINCT label, text_s FROM entities WHERE status = 'rejected'"
        ).fetchall()
        assert "entities_status" in str(plan)


def test_migration_4_remembers_the_highest_id_and_deletes_raise_it(tmp_path):
    path = tmp_path / "v3.db"
    with Store(path) as store:
        store.add_articles([article("德州经开区管委会")])
        ops.add_entity(store, 1, 0, 2, Label.LOC, annotator="林")
        top = ops.add_entity(store, 1, 2, 5, Label.LOC, annotator="林").entity_id
        # back to version 3 with no mark, as a file written before migration 4
        store.conn.executescript(
            "DROP TRIGGER entities_id_high; DROP TRIGGER facts_id_high;"
            " DELETE FROM meta WHERE key LIKE '%_id_high'; DELETE FROM migrations WHERE version >= 4;"
            " UPDATE meta SET value = '3' WHERE key = 'schema_version';")
    with Store(path) as store:
        assert store.next_ids("entities") == top + 1
        ops.delete_entity(store, top, annotator="林")
        assert store.next_ids("entities") == top + 1  # the deleted top id stays taken
        assert ops.add_entity(store, 1, 2, 5, Label.ORG, annotator="林").entity_id == top + 1


def test_migration_5_keeps_every_check_and_every_row(tmp_path):
    from core.schema import MIGRATIONS, _statements

    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(1, 5):  # a file as Pizhu wrote it before migration 5
        for statement in _statements(MIGRATIONS[version][1]):
            conn.execute(statement)
    conn.executescript(
        "INSERT INTO meta VALUES ('schema_version', '4');"
        "INSERT INTO articles (title, raw_text, clean_text, script, hash, imported_at)"
        " VALUES ('t', '德州经开区', '德州经开区', 'simplified', 'h', 'then');"
        "INSERT INTO entities (article_id, start, end, label, text, text_s, source, status,"
        " created_at, updated_at) VALUES (1, 0, 2, 'LOC', '德州', '德州', 'x', 'manual', '', '');")
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE sql LIKE '% IN (''%'").fetchone()[0] == 3
    conn.close()
    with Store(path) as store:
        tables = " ".join(sql for (sql,) in store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name IN ('articles', 'entities', 'facts')"))
        assert " IN (" not in tables and "label = 'QUANTITY'" in tables
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [(e.text, e.label) for e in store.entities(1)] == [("德州", Label.LOC)]
        refused = [
            "INSERT INTO entities (article_id, start, end, label, text, text_s, source, status,"
            " created_at, updated_at) VALUES (1, 2, 5, 'CITY', '经开区', '经开区', 'x', 'manual', '', '')",
            "INSERT INTO entities (article_id, start, end, label, text, text_s, source, status,"
            " created_at, updated_at) VALUES (1, 2, 5, 'LOC', '经开区', '经开区', 'x', 'maybe', '', '')",
            "INSERT INTO facts (article_id, type, source, status, created_at, updated_at)"
            " VALUES (1, 'gossip', 'x', 'manual', '', '')",
            "UPDATE articles SET script = 'latin' WHERE id = 1",
        ]
        other = sqlite3.connect(path)  # a connection that read the schema before, too
        for connection in (store.conn, other):
            for statement in refused:
                with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
                    connection.execute(statement)
        other.close()
        assert len(store.entities(1)) == 1
