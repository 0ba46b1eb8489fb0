"""Export entry points: the seeded database, Pizhu round trip, validator, atomic writes, scopes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from core import export as ex
from core import operations as ops
from core.errors import UserError
from core.model import (
    Analysis,
    ArticleStatus,
    FactProposal,
    FactType,
    Label,
    SlotValue,
    Span,
    Status,
)
from core.store import NewArticle, Store
from core.text import OffsetMap, repair

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ASTRAL = "王志强在𠀀德州😀投资2.1亿元。\r\n记者李爱军报道。\r\n9月21日，瓶装消毒剂泵头项目奠基。"

# (text, label) the fake engine suggests, first occurrence in each article.
SUGGEST = [("德州新聞網", "ORG"), ("記者", "TITLE"), ("王志強", "PERSON"), ("通訊員", "TITLE"),
           ("趙慶川", "PERSON"), ("今年以來", "DATE"), ("德州經開區", "LOC"), ("閩南網", "ORG"),
           ("10月21日", "DATE"), ("高新宣", "PERSON"), ("梁政", "PERSON"), ("組長", "TITLE"),
           ("林青", "PERSON"), ("漳州高新區", "LOC"), ("張有利", "PERSON"), ("王志强", "PERSON"),
           ("德州", "LOC"), ("2.1亿元", "MONEY"), ("记者", "TITLE"), ("李爱军", "PERSON"),
           ("9月21日", "DATE"), ("瓶装消毒剂泵头项目", "PROJECT")]


def analysis_for(text: str) -> Analysis:
    spans: list[Span] = []
    for surface, label in SUGGEST:
        at = text.find(surface)
        if at >= 0 and not any(s.start < at + len(surface) and at < s.end for s in spans):
            value = 210000000 if label == "MONEY" else None
            spans.append(Span(at, at + len(surface), Label(label), surface, value))
    spans.sort(key=lambda s: s.start)
    index = {s.text: i for i, s in enumerate(spans)}
    facts = []
    for person, title in (("王志強", "記者"), ("李爱军", "记者"), ("林青", "組長")):
        if person in index and title in index:
            facts.append(FactProposal(FactType.POSITION, {
                "person": SlotValue(entity=index[person]), "title": SlotValue(entity=index[title])}))
    if "2.1亿元" in index:
        facts.append(FactProposal(FactType.INVESTMENT, {"amount": SlotValue(entity=index["2.1亿元"]),
                                                        "project": SlotValue(entity=index["瓶装消毒剂泵头项目"])}))
        facts.append(FactProposal(FactType.EVENT, {"action": SlotValue(literal="奠基"),
                                                   "date": SlotValue(entity=index["9月21日"])}))
    return Analysis(spans, facts, "0.1-test", "fake")


def build_store(path: Path) -> Store:
    """The seeds plus an astral/CRLF article, engine suggestions and human edits."""
    store = Store(path)
    arts = []
    for seed in sorted(SEEDS.glob("*.txt")):
        raw = seed.read_text(encoding="utf-8")
        fixed = repair(raw)
        arts.append(NewArticle(raw[:20].splitlines()[0], raw, fixed.clean, fixed.offsets,
                               "traditional", source_path=seed.name, repair_report=fixed.report))
    arts.append(NewArticle("../../x", ASTRAL, ASTRAL, OffsetMap.identity(len(ASTRAL)), "simplified"))
    ids, _ = store.add_articles(arts)
    for article_id in ids:
        store.merge_suggestions(article_id, analysis_for(store.article_text(article_id)))
    _human_edits(store, ids)
    return store


def _human_edits(store: Store, ids: list[int]) -> None:
    first, second, third = ids
    ents = {e.text: e for e in store.entities(first)}
    ops.set_entity_status(store, [ents["王志強"].id, ents["記者"].id], Status.ACCEPTED, annotator="amy")
    ops.set_entity_status(store, [ents["今年以來"].id], Status.REJECTED, annotator="amy")
    ops.relabel_entity(store, ents["德州新聞網"].id, Label.ORG, annotator="amy")
    text = store.article_text(first)
    at = text.find("中共德州經濟技術開發區綜合委員會")
    ops.add_entity(store, first, at, at + 16, Label.ORG, annotator="amy")
    ops.set_article_status(store, first, ArticleStatus.DONE, annotator="amy")
    ops.accept_all(store, third, annotator="bo")
    fact = store.facts(third)[0]
    ops.set_fact_status(store, [fact.id], Status.ACCEPTED, annotator="bo")
    org = ops.add_entity(store, second, 0, 3, Label.ORG, annotator="bo").entity_id
    ops.add_fact(store, second, FactType.EVENT, {"action": SlotValue(literal="签约"),
                                                 "org": SlotValue(entity=org)}, annotator="bo")


@pytest.fixture
def store(tmp_path):
    s = build_store(tmp_path / "seeded.db")
    yield s
    s.close()


def test_pizhu_round_trip_is_byte_identical(store, tmp_path):
    first = tmp_path / "a.jsonl"
    ex.export(store, "pizhu", first)
    with Store(tmp_path / "restored.db") as restored:
        report = ex.import_file(restored, first)
        assert report.problems == []
        ex.export(restored, "pizhu", tmp_path / "b.jsonl")
    assert first.read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert b'"status":"rejected"' in first.read_bytes()


def test_pizhu_merge_adds_only_missing_human_work(store, tmp_path):
    backup = tmp_path / "a.jsonl"
    ex.export(store, "pizhu", backup)
    report = ex.import_file(store, backup)
    assert report.added["articles merged"] == 3 and report.added["entities"] == 0
    with Store(tmp_path / "other.db") as other:
        other.add_articles([NewArticle("t", ASTRAL, ASTRAL, OffsetMap.identity(len(ASTRAL)), "simplified")])
        report = ex.import_file(other, backup)
        humans = [e for e in other.entities(1) if e.status is not Status.SUGGESTED]
        assert report.added["articles"] == 2 and len(humans) == 7
        assert not [e for e in other.entities(1) if e.status is Status.SUGGESTED]


def test_broken_pizhu_line_is_reported_and_others_imported(store, tmp_path):
    backup = tmp_path / "a.jsonl"
    ex.export(store, "pizhu", backup)
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    backup.write_text(lines[0] + "{broken\n" + "".join(lines[1:]), encoding="utf-8")
    with Store(tmp_path / "r.db") as restored:
        report = ex.import_file(restored, backup)
        assert restored.article_count() == 3
    assert report.problems[0].startswith("line 2: not valid JSON")
    assert "skipped 1" in report.summary()


def test_validator_names_article_and_span(store, tmp_path):
    entity = store.entities(3)[0]
    store.conn.execute("DROP TRIGGER entities_span_update")
    store.conn.execute("UPDATE entities SET start = start + 1, end = end + 1 WHERE id = ?", (entity.id,))
    out = tmp_path / "x.jsonl"
    with pytest.raises(UserError, match=r"article 3 “\.\./\.\./x”: .* does not match"):
        ex.export(store, "doccano", out)
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("case, message", [
    ("range", "out of range"), ("pad", "whitespace"), ("overlap", "overlaps")])
def test_validator_rejects(case, message):
    from dataclasses import replace

    from core.formats.base import ExportDoc
    from core.model import Entity

    article = type("A", (), {"id": 7, "title": "t"})()
    e = Entity(1, 7, 0, 2, Label.PERSON, "张三", None, "amy", Status.MANUAL, "", "")
    bad = {"range": [replace(e, start=4, end=9, text="北京")],
           "pad": [replace(e, start=0, end=3, text="张三 ")],
           "overlap": [e, replace(e, id=2, start=1, end=2, text="三")]}[case]
    with pytest.raises(UserError, match=rf"article 7 “t”: PERSON span .* {message}"):
        ex.validate([ExportDoc(article, "张三 在北京", bad, [])], flat=True)
    ex.validate([ExportDoc(article, "张三 在北京", [e], [])], flat=True)


def _boom_after_some_bytes(monkeypatch, error):
    from core.formats import doccano

    def write(docs, fh, report, options):
        fh.write('{"text": "half')
        fh.flush()
        raise error

    monkeypatch.setattr(doccano, "write", write)


@pytest.mark.parametrize("error", [RuntimeError("writer bug"), OSError(errno.ENOSPC, "No space left on device")])
def test_atomic_write_leaves_nothing(store, tmp_path, monkeypatch, error):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    _boom_after_some_bytes(monkeypatch, error)
    with pytest.raises((RuntimeError, UserError)) as info:
        ex.export(store, "doccano", out_dir / "data.jsonl")
    if isinstance(error, OSError):
        assert "disk full" in str(info.value)
    assert os.listdir(out_dir) == []


def test_failed_export_keeps_previous_file(store, tmp_path, monkeypatch):
    out = tmp_path / "data.jsonl"
    out.write_text("previous", encoding="utf-8")
    _boom_after_some_bytes(monkeypatch, RuntimeError("bug"))
    with pytest.raises(RuntimeError):
        ex.export(store, "doccano", out)
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_cancel_by_progress_writes_nothing(store, tmp_path):
    out = tmp_path / "c.jsonl"
    with pytest.raises(UserError, match="cancelled"):
        ex.export(store, "doccano", out, progress=lambda done, total: done < 2)
    assert not out.exists()


def test_progress_rises_once_from_reading_to_writing(store, tmp_path):
    seen = []
    ex.export(store, "doccano", tmp_path / "p.jsonl", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 6) for n in range(1, 7)]


def test_scopes(store, tmp_path):
    def labels(scope):
        out = tmp_path / f"{scope}.jsonl"
        ex.export(store, "doccano", out, scope=scope)
        return [len(__import__("json").loads(line)["label"]) for line in out.read_text("utf-8").splitlines()]

    everything, done, reviewed = labels("all"), labels("done"), labels("reviewed")
    assert len(everything) == 3 and len(done) == 1
    assert reviewed == [4, 1, 7]  # accepted, relabelled, manual; none suggested or rejected
    assert sum(everything) > sum(reviewed)


def test_summary_counts_what_each_format_drops(store, tmp_path):
    report = ex.export(store, "conll", tmp_path / "x.conll")
    line = report.summary()
    assert "\n" not in line and "wrote 3 articles" in line
    n_facts = sum(f.status is not Status.REJECTED for i in (1, 2, 3) for f in store.facts(i))
    assert report.dropped["facts"] == n_facts and f"{n_facts} facts" in line
    assert report.dropped["normalised values"] == 1
    pizhu = ex.export(store, "pizhu", tmp_path / "x.jsonl")
    assert not pizhu.dropped and "not expressible" not in pizhu.summary()


def test_unknown_format_and_raw_pizhu_are_clear_errors(store, tmp_path):
    with pytest.raises(UserError, match="unknown format 'xml'"):
        ex.export(store, "xml", tmp_path / "x")
    with pytest.raises(UserError, match="leave out --text"):
        ex.export(store, "pizhu", tmp_path / "x", text="raw")
    with pytest.raises(UserError, match="does not exist"):
        ex.export(store, "doccano", tmp_path / "nope" / "x.jsonl")


def test_detect_format(store, tmp_path):
    for fmt, name in [("pizhu", "p.jsonl"), ("doccano", "d.jsonl"), ("labelstudio", "l.json"),
                      ("conll", "c.conll"), ("brat", "b")]:
        ex.export(store, fmt, tmp_path / name)
        assert ex.detect_format(tmp_path / name) == fmt
    plain = tmp_path / "plain.txt"
    plain.write_text("一篇普通的新闻。\n第二段。", encoding="utf-8")
    assert ex.detect_format(plain) is None


def test_brat_folder_failure_leaves_no_temp_folder(store, tmp_path, monkeypatch):
    from core.formats import brat

    out = tmp_path / "out"
    out.mkdir()
    ex.export(store, "brat", out / "b")
    before = sorted(p.name for p in (out / "b").iterdir())

    def write(docs, folder, report, options):
        (folder / "half.txt").write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(brat, "write", write)
    with pytest.raises(UserError, match="disk full"):
        ex.export(store, "brat", out / "b")
    assert os.listdir(out) == ["b"] and sorted(p.name for p in (out / "b").iterdir()) == before


def test_exports_get_the_usual_file_mode(store, tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    ex.export(store, "csv", tmp_path / "f.csv")
    ex.export(store, "brat", tmp_path / "b")
    assert (tmp_path / "f.csv").stat().st_mode & 0o777 == 0o666 & ~mask
    assert (tmp_path / "b").stat().st_mode & 0o777 == 0o777 & ~mask
