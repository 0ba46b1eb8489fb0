"""Import: encodings, formats, titles, duplicates and refusals, with nothing lost."""

from __future__ import annotations

import json
import zipfile

import pytest

from core.ingest import import_paths

ZH = "德州经开区今年投资2.1亿元。\n第二段文字。"
TRAD = "德州經開區今年投資2.1億元。\n第二段文字。"


def write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("utf8.txt", ZH.encode(), ZH),
        ("bom.txt", b"\xef\xbb\xbf" + ZH.encode(), ZH),
        ("utf16.txt", ZH.encode("utf-16"), ZH),
        ("utf16le-nobom.txt", ZH.encode("utf-16-le"), ZH),
        ("gb.txt", ZH.encode("gb18030"), ZH),
        ("big5.txt", TRAD.encode("big5"), TRAD),
        ("crlf.txt", ZH.replace("\n", "\r\n").encode(), ZH),
        ("cr.txt", ZH.replace("\n", "\r").encode(), ZH),
        ("nul.txt", ZH.encode().replace("。".encode(), "。\x00".encode(), 1), ZH),
        ("page.md", ("# 标题\n\n" + ZH).encode(), "# 标题\n\n" + ZH),
    ],
)
def test_text_files_in_common_encodings(fresh_store, tmp_path, name, data, expected):
    report = import_paths(fresh_store, [write(tmp_path / name, data)])
    assert report.failed == [] and len(report.added) == 1
    article = fresh_store.article(report.added[0])
    assert article.clean_text == expected
    # the offset map reaches the raw text exactly, line ends included
    for i in range(len(article.clean_text)):
        rs, re_ = article.offsets.to_raw(i, i + 1)
        assert article.raw_text[rs:re_].replace("\r\n", "\n").replace("\r", "\n") == article.clean_text[i]


def test_title_is_first_non_empty_line(fresh_store, tmp_path):
    report = import_paths(fresh_store, [write(tmp_path / "a.txt", ("\n\n  标题行  \n" + ZH).encode())])
    assert fresh_store.article(report.added[0]).title == "标题行"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        ("bad-utf8.txt", ZH.encode() * 5 + b"\xff\xfe\xfd" + ZH.encode() * 5, "invalid UTF-8"),
        ("noise.txt", bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_unreadable_files_are_reported_and_nothing_is_stored(fresh_store, tmp_path, name, data, reason):
    good = write(tmp_path / "good.txt", ZH.encode())
    report = import_paths(fresh_store, [write(tmp_path / name, data), good])
    assert len(report.failed) == 1 and reason in report.failed[0][1]
    assert "\n" not in report.failed[0][1]
    assert fresh_store.article_count() == 1


def test_zip_archive_is_refused(fresh_store, tmp_path):
    path = tmp_path / "a.txt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("x.txt", ZH)
    report = import_paths(fresh_store, [path])
    assert "ZIP archive" in report.failed[0][1] and fresh_store.article_count() == 0


def test_oversized_file_is_refused_with_the_limit(fresh_store, tmp_path):
    path = write(tmp_path / "huge.txt", ("很长的文章。" * 1_300_000).encode())
    report = import_paths(fresh_store, [path])
    assert "limit is 20 MB" in report.failed[0][1] and fresh_store.article_count() == 0


def test_html_keeps_only_text_and_never_runs_or_fetches(fresh_store, tmp_path):
    html = """<html><head><title>新闻标题</title><script>document.write('坏')</script>
    <link rel="stylesheet" href="http://example.com/a.css"><style>p{color:red}</style></head>
    <body onload="steal()"><img src="http://example.com/x.png" onerror="alert(1)">
    <iframe src="http://example.com/frame"></iframe>
    <p>德州经开区今年投资2.1亿元，建设瓶装消毒剂泵头项目。</p><p>第二段。</p></body></html>"""
    report = import_paths(fresh_store, [write(tmp_path / "a.html", html.encode())])
    article = fresh_store.article(report.added[0])
    assert "德州经开区今年投资2.1亿元" in article.clean_text
    for bad in ("坏", "steal", "alert", "color:red", "http://"):
        assert bad not in article.clean_text
    assert article.title == "新闻标题"


def test_jsonl_with_a_broken_line_imports_the_others(fresh_store, tmp_path):
    lines = [json.dumps({"title": "一", "text": "第一篇。", "date": "2020-09-21"}, ensure_ascii=False),
             "{broken json", json.dumps({"title": "二"}), json.dumps({"text": "第三篇。"}, ensure_ascii=False)]
    path = write(tmp_path / "c.jsonl", "\n".join(lines).encode())
    report = import_paths(fresh_store, [path])
    assert len(report.added) == 2
    assert [reason.split(":")[0] for _, reason in report.failed] == ["line 2", "line 3"]
    first = fresh_store.article(report.added[0])
    assert (first.title, first.article_date) == ("一", "2020-09-21")


def test_folders_recursively_and_duplicates_reported(fresh_store, tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    write(tmp_path / "d" / "a.txt", ZH.encode())
    write(tmp_path / "d" / "sub" / "b.txt", ZH.encode("gb18030"))  # same text, other encoding
    write(tmp_path / "d" / ".hidden.txt", "隐藏。".encode())
    report = import_paths(fresh_store, [tmp_path / "d"])
    assert len(report.added) == 1 and len(report.duplicates) == 1
    again = import_paths(fresh_store, [tmp_path / "d"])
    assert again.added == [] and len(again.duplicates) == 2


def test_seeds_import_as_traditional_articles(seeded_store):
    titles = [s.title for s in seeded_store.summaries(seeded_store.article_ids())]
    assert len(titles) == 2
    assert {seeded_store.article(i).script for i in seeded_store.article_ids()} == {"traditional"}
