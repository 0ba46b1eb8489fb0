"""Security: SQL is always parameterised, export files stay in their folder, nothing goes online."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from core.check import find_problems
from core.ingest import import_paths
from core.store import Store

CORE = Path(__file__).resolve().parents[2] / "core"
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "PRAGMA ", " WHERE ", " IN (")

# Every value interpolated into SQL text in core/, reviewed: each is built from constants
# or is a run of "?" placeholders, never from user data. A new one fails the test until
# someone reviews it and adds it here, or (better) turns it into a parameter.
REVIEWED = {
    ("core/schema.py", "_in(ArticleStatus)"), ("core/schema.py", "_in(Label)"),
    ("core/schema.py", "_in(Status)"), ("core/schema.py", "_in(FactType)"),
    ("core/schema.py", "_SPAN_MISMATCH"), ("core/schema.py", "_SLOT_ARTICLE"),
    ("core/schema.py", "_SPAN_MISMATCH_ONE_SCAN"),  # a constant trigger body (migration 3)
    ("core/schema.py", "int(version) + 1"),  # PRAGMA schema_version takes no parameter (migration 5)
    ("core/schema.py", "MERGE_CHECKS_ROWS"), ("core/schema.py", "_NOT_MERGING"),  # constants (migration 6)
    ("core/store.py", "marks"), ("core/store.py", "_ENTITY_COLUMNS"), ("core/store.py", "where"),
    ("core/search.py", "','.join('?' * len(statuses))"),
    ("core/search.py", "','.join('?' * len(standing))"),
    ("core/search.py", "','.join('?' * len(parsed.labels))"),
    ("core/formats/collect.py", "where"),
}


def interpolated_sql() -> set[tuple[str, str]]:
    """(file, expression) of every f-string or .format() that builds SQL text in core/."""
    found = set()
    for path in sorted(CORE.rglob("*.py")):
        rel = path.relative_to(CORE.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if any(word in text.upper() for word in SQL_WORDS):
                    found |= {(rel, ast.unparse(v.value)) for v in node.values
                              if isinstance(v, ast.FormattedValue)}
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr == "format" and isinstance(node.func.value, ast.Constant)
                  and any(w in str(node.func.value.value).upper() for w in SQL_WORDS)):
                found.add((rel, ast.unparse(node)))
    return found


def test_no_user_value_is_ever_interpolated_into_sql():
    unreviewed = interpolated_sql() - REVIEWED
    assert unreviewed == set(), f"SQL built by interpolation, not parameters: {sorted(unreviewed)}"


HOSTILE_TITLES = [
    "'); DROP TABLE articles;--",
    "\" OR 1=1 --",
    "Robert'); DELETE FROM entities; --",
    "100% 真_实\\标题",
    "title:* NEAR(德州 经开区) OR \"",
    "../../x",
    "/etc/passwd",
    "..\\..\\windows\\x",
    "CON",
    "a/b/../../c",
]


@pytest.fixture
def hostile_store(fresh_store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, title in enumerate(HOSTILE_TITLES):
        (folder / f"{n:02d}.txt").write_text(f"{title}\n第{n}篇正文：德州经开区今年投资{n}亿元。",
                                             encoding="utf-8")
    report = import_paths(fresh_store, [folder])
    assert report.failed == [] and len(report.added) == len(HOSTILE_TITLES)
    return fresh_store


def test_sql_looking_titles_import_search_and_display_as_plain_text(hostile_store):
    tables = hostile_store.conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
    ids = hostile_store.article_ids()
    assert [s.title for s in hostile_store.summaries(ids)] == HOSTILE_TITLES
    for article_id, title in zip(ids, HOSTILE_TITLES, strict=True):
        assert hostile_store.article(article_id).title == title
        words = [w for w in title.split() if len(w) >= 3 and ":" not in w]
        if words:
            assert article_id in hostile_store.article_ids(query=words[0])
    assert hostile_store.conn.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == tables
    assert hostile_store.article_count() == len(HOSTILE_TITLES)
    assert find_problems(hostile_store) == []


@pytest.mark.parametrize("query", ['"', "'", "*", "NEAR(", "OR", "AND NOT", "德州\"*", "%", "_", "\\",
                                   "'); DROP TABLE articles;--", "label:ORG ';--", "a\x00b"])
def test_hostile_search_queries_are_words_not_syntax(hostile_store, query):
    from core.errors import UserError

    try:
        hostile_store.article_ids(query=query)
    except UserError:
        pass  # a clear refusal is fine; an SQLite syntax error is not
    assert hostile_store.article_count() == len(HOSTILE_TITLES)


def test_brat_export_files_stay_inside_the_chosen_folder(hostile_store, tmp_path):
    export = pytest.importorskip("core.export", reason="core.export is not in this checkout")
    out = tmp_path / "exports" / "brat"
    out.parent.mkdir()
    before = {p for p in tmp_path.rglob("*") if "exports" not in p.parts}
    export.export(hostile_store, "brat", out)
    after = {p for p in tmp_path.rglob("*") if "exports" not in p.parts}
    assert after == before  # nothing written outside the export folder
    files = [p for p in out.rglob("*") if p.is_file()]
    assert all(p.parent == out for p in files)
    assert len([p for p in files if p.suffix == ".ann"]) == len(HOSTILE_TITLES)
    assert not any(p.name.startswith(".") or ".." in p.name for p in files)


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "pizhu", "csv", "conll"])
def test_file_exports_of_hostile_titles_write_only_their_target(hostile_store, tmp_path, fmt):
    export = pytest.importorskip("core.export", reason="core.export is not in this checkout")
    out = tmp_path / "exports"
    out.mkdir()
    target = out / f"data{export.load(fmt).SUFFIX}"
    export.export(hostile_store, fmt, target)
    assert list(out.iterdir()) == [target]


HOSTILE_PAGE = """<!DOCTYPE html><html><head><title>远程资源</title>
<link rel="stylesheet" href="http://198.51.100.7/a.css"><link rel="import" href="//evil.example/x">
<style>@import url(https://evil.example/b.css); p{background:url(http://evil.example/i.png)}</style>
<script src="https://evil.example/x.js"></script><meta http-equiv="refresh" content="0;url=http://evil.example">
</head><body><img src="http://evil.example/p.png" srcset="http://evil.example/2x.png 2x">
<iframe src="https://evil.example/frame"></iframe><video src="http://evil.example/v.mp4"></video>
<object data="http://evil.example/o"></object><embed src="http://evil.example/e">
<p>德州经开区今年投资2.1亿元，建设瓶装消毒剂泵头项目。</p>
<p>记者王志强报道。<img src="https://evil.example/inline.gif"></p></body></html>"""


def test_nothing_opens_a_socket_while_importing_hostile_html(fresh_store, tmp_path, monkeypatch):
    attempts: list[tuple] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(f"network access attempted: {name}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    for n, suffix in enumerate([".html", ".htm", ".xhtml", ".txt"]):
        (tmp_path / f"page{n}{suffix}").write_text(HOSTILE_PAGE.replace("远程资源", f"远程资源{n}"),
                                                   encoding="utf-8")
    report = import_paths(fresh_store, sorted(tmp_path.glob("page*")))
    assert len(report.added) + len(report.duplicates) == 4 and report.failed == []
    text = fresh_store.article(report.added[0]).clean_text
    assert "德州经开区今年投资2.1亿元" in text and "evil" not in text
    try:  # the engine, in this process, on the same article
        from core.extract import analyze
    except ImportError:
        analyze = None
    if analyze is not None:
        analyze(text)
    export = None
    try:
        import core.export as export
    except ImportError:
        pass
    if export is not None:
        export.export(fresh_store, "doccano", tmp_path / "out.jsonl")
    assert attempts == []


def test_store_refuses_a_database_path_that_is_a_folder(tmp_path):
    from core.errors import UserError

    with pytest.raises(UserError, match="is a folder"):
        Store(tmp_path)
