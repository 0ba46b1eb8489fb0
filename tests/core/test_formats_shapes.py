"""Each format's own shape: Label Studio tasks, plain CoNLL readers, CSV with BOM, safe brat names, spaCy."""

from __future__ import annotations

import csv
import json

import pytest

from core import export as ex
from core.cli import main
from core.errors import UserError
from core.formats.brat import safe_name
from core.model import Status
from core.store import Store
from tests.core.test_export import ASTRAL


def test_labelstudio_shape(formats_store, tmp_path):
    ex.export(formats_store, "labelstudio", tmp_path / "ls.json")
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 3
    for task in tasks:
        text = task["data"]["text"]
        results = task["annotations"][0]["result"] + task.get("predictions", [{"result": []}])[0]["result"]
        regions = {r["id"] for r in results if r["type"] == "labels"}
        for r in results:
            if r["type"] == "labels":
                assert set(r) == {"id", "from_name", "to_name", "type", "value"}
                assert (r["from_name"], r["to_name"]) == ("label", "text")
                v = r["value"]
                assert text[v["start"]:v["end"]] == v["text"] and len(v["labels"]) == 1
            else:
                assert r["type"] == "relation" and r["direction"] == "right"
                assert r["from_id"] in regions and r["to_id"] in regions
                assert r["labels"][0].split(".")[0] in {"investment", "position", "metric", "event"}
    predicted = {r["id"] for r in tasks[0]["predictions"][0]["result"] if r["type"] == "labels"}
    linked = {r[k] for r in tasks[0]["predictions"][0]["result"] if r["type"] == "relation"
              for k in ("from_id", "to_id")}
    suggested = {f"e{e.id}" for e in formats_store.entities(1) if e.status is Status.SUGGESTED}
    assert suggested <= predicted and predicted - suggested <= linked  # copies of linked human regions


def get_entities(tags):
    """seqeval's (label, first, last) chunks when installed, else the same from a BIO(ES) scan."""
    try:
        from seqeval.metrics.sequence_labeling import get_entities as seqeval_entities
    except ImportError:
        from core.formats.conll import spans

        return [(label, start, end - 1) for start, end, label in spans(tags)]
    return seqeval_entities(tags)


def read_plain_conll(path):
    """A reader that knows nothing of Pizhu: sentences of (char, tag)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("-DOCSTART-"):
            char, tag = line.split("\t")
            current.append((char, tag))
    return sentences + ([current] if current else [])


@pytest.mark.parametrize("scheme", ["bio", "bioes"])
def test_conll_is_read_by_a_plain_reader(formats_store, tmp_path, scheme):
    out = tmp_path / "x.conll"
    ex.export(formats_store, "conll", out, options={"scheme": scheme})
    sentences = read_plain_conll(out)
    chars = [c for s in sentences for c, _ in s]
    assert all(len(c) == 1 and not c.isspace() for c in chars)
    assert "𠀀" in chars and "😀" in chars
    texts = []
    for s in sentences:
        for label, start, end in get_entities([t for _, t in s]):
            texts.append((label, "".join(c for c, _ in s[start:end + 1])))
    want = [(e.label.value, e.text.replace("\r", "").replace("\n", "").replace(" ", ""))
            for i in (1, 2, 3) for e in formats_store.entities(i, include_rejected=False)]
    assert sorted(texts) == sorted(want)


def test_csv_has_bom_and_round_trips_chinese(formats_store, tmp_path):
    out = tmp_path / "facts.csv"
    report = ex.export(formats_store, "csv", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == report.written["facts"] > 0
    position = next(r for r in rows if r["type"] == "position" and r["person"] == "李爱军")
    assert position["title"] == "记者" and position["article_title"] == "../../x"
    investment = next(r for r in rows if r["type"] == "investment")
    assert investment["amount"] == "2.1亿元" and investment["amount_value"] == "210000000"
    assert report.dropped["entities outside facts"] > 0


def test_brat_names_stay_inside_the_folder(formats_store, tmp_path):
    assert "/" not in safe_name(3, "../../x") and ".." not in safe_name(3, "../../x")
    assert safe_name(12, "..\\..\\etc/passwd") == "00012_etc_passwd"
    out = tmp_path / "deep" / "brat"
    out.parent.mkdir()
    ex.export(formats_store, "brat", out)
    names = sorted(p.name for p in out.iterdir())
    assert names[0] == "00001_" + names[0][6:] and "annotation.conf" in names
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and p.parent != out) == []
    assert (out / "00003_x.txt").exists() and (out / "00003_x.ann").exists()


def test_brat_never_replaces_a_folder_of_other_files(formats_store, tmp_path):
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError, match="holds other files"):
        ex.export(formats_store, "brat", keep)
    assert [p.name for p in keep.iterdir()] == ["notes.txt"]
    ex.export(formats_store, "brat", tmp_path / "b")
    ex.export(formats_store, "brat", tmp_path / "b")  # an earlier export is replaced whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "mine"]


def test_brat_ann_lines(formats_store, tmp_path):
    ex.export(formats_store, "brat", tmp_path / "b")
    ann = (tmp_path / "b" / "00003_x.ann").read_text(encoding="utf-8").splitlines()
    kinds = {line.split("\t")[0][0] for line in ann}
    assert kinds == {"T", "A", "#", "E"}
    trigger = next(ln for ln in ann if ln.split("\t")[1].startswith("event "))
    start, end = map(int, trigger.split("\t")[1].split()[1:])
    assert ASTRAL[start:end] == "奠基"
    assert "[events]" in (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")


def test_brat_counts_a_literal_trigger_missing_from_the_text(formats_store, tmp_path):
    report = ex.export(formats_store, "brat", tmp_path / "b")
    assert report.dropped["facts whose trigger is not in the text"] == 1  # 签约 is not in article 2
    assert "1 facts whose trigger is not in the text" in report.summary()


def test_import_reports_bad_spans_per_line(tmp_path):
    path = tmp_path / "d.jsonl"
    lines = [{"text": "王志强在德州", "label": [[0, 3, "PERSON"], [4, 9, "LOC"]]},
             {"text": "李爱军", "label": [[0, 2, "PERSON"], [0, 3, "NOPE"]]}, "not json"]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) if isinstance(x, dict) else x
                              for x in lines), encoding="utf-8")
    with Store(tmp_path / "i.db") as target:
        report = ex.import_file(target, path)
        assert [(e.text, e.status.value, e.source) for e in target.entities(1)] == [("王志强", "manual", "doccano")]
    assert report.problems[0].startswith("line 1: span 4:9 is out of range")
    assert "line 2: unknown label 'NOPE'" in report.problems
    assert report.problems[-1].startswith("line 3: not valid JSON")


def test_nul_characters_are_dropped_and_spans_follow(tmp_path):
    """SQLite's text functions stop at a NUL: the span after one would be refused."""
    path = tmp_path / "d.jsonl"
    record = {"text": "德州\u0000经开区\u0000\u0000管委会", "label": [[3, 6, "LOC"], [8, 11, "ORG"], [3, 15, "ORG"]]}
    path.write_text(json.dumps(record), encoding="utf-8")
    with Store(tmp_path / "i.db") as target:
        report = ex.import_file(target, path)
        assert target.article_text(1) == "德州经开区管委会"
        assert [(e.start, e.end, e.text) for e in target.entities(1)] == [(2, 5, "经开区"),
                                                                        (5, 8, "管委会")]
    assert report.added["NUL characters removed"] == 3
    assert len(report.problems) == 1 and "out of range" in report.problems[0]


def test_labelstudio_text_mismatch_and_utf16_offsets(tmp_path):
    text = "😀王志强到德州"
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 2, "end": 5, "text": "王志强", "labels": ["PERSON"]}},  # UTF-16 offsets
        {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 5, "end": 7, "text": "北京", "labels": ["LOC"]}}]}]}
    (tmp_path / "t.json").write_text(json.dumps([task]), encoding="utf-8")
    with Store(tmp_path / "i.db") as target:
        report = ex.import_file(target, tmp_path / "t.json")
        assert [(e.start, e.end) for e in target.entities(1)] == [(1, 4)]
    assert len(report.problems) == 1 and "does not match" in report.problems[0]


def test_cli_export_prints_one_summary_line(formats_store, tmp_path, capsys):
    formats_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    assert main(["export", str(formats_store.path), "--format", "conll", "--out", str(tmp_path / "x.conll")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("conll: wrote 3 articles")
    assert main(["export", str(tmp_path / "none.db"), "--format", "csv", "--out", str(tmp_path / "y")]) == 2


def test_spacy_docbin(formats_store, tmp_path):
    pytest.importorskip("spacy")
    from core.formats.spacy_docbin import read_docs

    report = ex.export(formats_store, "spacy", tmp_path / "x.spacy")
    docs = read_docs(tmp_path / "x.spacy")
    assert [d.text for d in docs][2] == ASTRAL
    got = {(e.label_, e.start_char, e.end_char) for e in docs[2].ents}
    assert got == {(e.label.value, e.start, e.end) for e in formats_store.entities(3, include_rejected=False)}
    assert docs[2].user_data["title"] == "../../x" and report.dropped["facts"] > 0
    assert len(docs[0].spans["suggested"]) == sum(e.status is Status.SUGGESTED for e in formats_store.entities(1))


def test_spacy_missing_is_one_clear_line(formats_store, tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_spacy(name, *args, **kwargs):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("no spacy")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_spacy)
    with pytest.raises(UserError, match=r"format spacy needs: pip install 'pizhu\[spacy\]'"):
        ex.export(formats_store, "spacy", tmp_path / "x.spacy")


def test_cli_options_reach_the_formats(formats_store, tmp_path):
    formats_store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    db = str(formats_store.path)
    assert main(["export", db, "-f", "doccano", "-o", str(tmp_path / "r.jsonl"),
                 "--doccano-relations", "--scope", "reviewed", "--text", "raw"]) == 0
    first = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(first) >= {"entities", "relations"} and first["text"] == formats_store.article(1).raw_text
    assert main(["export", db, "-f", "conll", "-o", str(tmp_path / "s.conll"), "--scheme", "bioes"]) == 0
    assert "\tS-" in (tmp_path / "s.conll").read_text(encoding="utf-8") or \
        "\tE-" in (tmp_path / "s.conll").read_text(encoding="utf-8")
