"""`pizhu check` / `--repair` on what tests/core/test_check.py does not reach.

Page-level damage found by SQLite's integrity check, a search index with the
right row count but the wrong rows, stale engine suggestions, ambiguous
placements, and the promise that a plain check never writes to the file.
"""

from __future__ import annotations

import sqlite3

import pytest

from core import operations as ops
from core.check import find_problems, repair
from core.cli import main
from core.model import Analysis, Label, Span
from core.store import NewArticle, Store
from core.text import OffsetMap

TEXT = "记者王志强报道，德州经开区投资2.1亿元。德州经开区今年签约项目24个。"


def article(text: str, title: str = "t") -> NewArticle:
    return NewArticle(title, text, text, OffsetMap.identity(len(text)), "simplified")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "check.db"
    with Store(path) as store:
        store.add_articles([article(TEXT), article("山东省济南市历下区。", "二")])
        ops.add_entity(store, 1, 2, 5, Label.PERSON, annotator="me")
        store.merge_suggestions(1, Analysis([Span(15, 20, Label.MONEY, "2.1亿元")], [], "e"))
    return path


def cli(*args: str) -> int:
    return main(["check", *map(str, args)])


def test_a_plain_check_never_writes_to_the_database(db, capsys):
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = db.read_bytes()
    assert cli(db) == 0
    assert capsys.readouterr().out.strip() == "ok"
    assert db.read_bytes() == before


def test_a_search_index_with_the_right_count_but_wrong_rows_is_found_and_rebuilt(db, capsys):
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM articles_fts WHERE rowid = 1")
    conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (99, 'x', 'orphan')")
    conn.commit()
    conn.close()
    assert cli(db) == 1
    assert "search-index" in capsys.readouterr().out
    assert cli(db, "--repair") == 0
    with Store(db) as store:
        assert store.article_ids(query="经开区") == [1]
        assert store.conn.execute("SELECT count(*) FROM articles_fts WHERE rowid = 99").fetchone() == (0,)


def test_a_stale_suggestion_is_dropped_and_a_person_s_entity_kept(db, capsys):
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET clean_text = replace(clean_text, '2.1亿元', '3亿元')"
                 " || '' WHERE id = 1")
    conn.execute("UPDATE articles SET clean_text = replace(clean_text, '王志强', '李爱军') WHERE id = 1")
    conn.commit()
    conn.close()
    assert cli(db) == 1
    out = capsys.readouterr().out
    assert out.count("span:") == 2
    assert cli(db, "--repair") == 1  # the person's entity cannot be placed: reported, kept
    out = capsys.readouterr().out
    assert "dropped stale suggestion" in out and "1 problem(s) remain" in out
    with Store(db) as store:
        assert [(e.text, e.status.value) for e in store.entities(1)] == [("王志强", "manual")]


def test_an_entity_whose_text_now_occurs_twice_at_equal_distance_is_not_guessed(tmp_path):
    with Store(tmp_path / "a.db") as store:
        store.add_articles([article("甲乙德州丙丁德州戊")])
        ops.add_entity(store, 1, 2, 4, Label.LOC, annotator="me")
        store.conn.execute("UPDATE articles SET clean_text = '德州甲乙德州戊' WHERE id = 1")
        problems = find_problems(store)
        assert [p.kind for p in problems] == ["span"]
        assert repair(store, problems) == []
        assert store.entities(1)[0].start == 2 and [p.kind for p in find_problems(store)] == ["span"]


def test_page_damage_is_reported_as_an_integrity_problem(db, capsys):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entities_article'").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    offset = (root - 1) * page_size
    data[offset + 8 : offset + 200] = bytes(range(192))  # scribble over the index page
    db.write_bytes(bytes(data))
    code = cli(db)
    out = capsys.readouterr()
    if code == 2:  # SQLite refused the file outright: one clear line
        assert out.err.startswith("pizhu:") and "\n" not in out.err.strip()
    else:
        assert code == 1 and "integrity:" in out.out
