"""Each format, written and read back, keeps the entity set it can express — astral and CRLF included."""

from __future__ import annotations

import json

import pytest

from core import export as ex
from core.model import Status
from core.store import Store
from tests.core.test_export import ASTRAL


def expected(formats_store: Store) -> dict[str, set]:
    """text -> {(label, start, end)} of every non-rejected entity."""
    out = {}
    for article_id in (1, 2, 3):
        ents = formats_store.entities(article_id, include_rejected=False)
        out[formats_store.article_text(article_id)] = {(e.label.value, e.start, e.end) for e in ents}
    return out


def imported(path, fmt=None) -> dict[str, set]:
    with Store(path.parent / f"{path.name}.db") as target:
        report = ex.import_file(target, path, fmt)
        assert report.problems == [], report.problems
        return {target.article_text(i): {(e.label.value, e.start, e.end) for e in target.entities(i)}
                for i in target.article_ids()}


@pytest.mark.parametrize("fmt, name, options", [
    ("doccano", "d.jsonl", {}), ("doccano", "dr.jsonl", {"relations": True}),
    ("labelstudio", "ls.json", {}), ("brat", "brat", {})])
def test_round_trip_keeps_entities(formats_store, tmp_path, fmt, name, options):
    ex.export(formats_store, fmt, tmp_path / name, options=options)
    assert imported(tmp_path / name) == expected(formats_store)


@pytest.mark.parametrize("fmt, name, options", [
    ("doccano", "dr.jsonl", {"relations": True}), ("labelstudio", "ls.json", {}), ("brat", "brat", {})])
def test_facts_come_back_where_the_format_can_hold_them(formats_store, tmp_path, fmt, name, options):
    ex.export(formats_store, fmt, tmp_path / name, options=options)
    with Store(tmp_path / "f.db") as target:
        ex.import_file(target, tmp_path / name)
        astral = next(i for i in target.article_ids() if target.article_text(i) == ASTRAL)
        types = sorted(f.type.value for f in target.facts(astral))
    if fmt == "brat":  # the event's literal action occurs in the text, so it is a trigger
        assert types == ["event", "investment", "position"]
    else:  # relations hold entity slots only: the event lacks its literal action
        assert types == ["investment", "position"]


def test_labelstudio_keeps_suggestions_as_predictions(formats_store, tmp_path):
    ex.export(formats_store, "labelstudio", tmp_path / "ls.json")
    with Store(tmp_path / "s.db") as target:
        ex.import_file(target, tmp_path / "ls.json")
        got = sorted((e.text, e.status.value, e.source) for e in target.entities(1))
    want = sorted((e.text, "manual" if e.status is not Status.SUGGESTED else "suggested", "labelstudio")
                  for e in formats_store.entities(1, include_rejected=False))
    assert got == want


def test_conll_round_trip_on_non_whitespace_characters(formats_store, tmp_path):
    out = tmp_path / "x.conll"
    ex.export(formats_store, "conll", out, options={"scheme": "bioes"})
    got = imported(out)

    def squeeze(text, spans):
        keep = [i for i, ch in enumerate(text) if not ch.isspace()]
        index = {old: new for new, old in enumerate(keep)}
        last = {old: new + 1 for new, old in enumerate(keep)}
        return "".join(text[i] for i in keep), {
            (label, index[s], last[max(i for i in range(s, e) if i in last)]) for label, s, e in spans}

    want = dict(squeeze(t, s) for t, s in expected(formats_store).items())
    assert dict(squeeze(t, s) for t, s in got.items()) == want


@pytest.mark.parametrize("fmt, name", [("doccano", "raw.jsonl"), ("labelstudio", "raw.json"), ("brat", "rawbrat")])
def test_raw_text_export_maps_spans_through_the_offset_map(formats_store, tmp_path, fmt, name):
    ex.export(formats_store, fmt, tmp_path / name, text="raw")
    got = imported(tmp_path / name)
    article = formats_store.article(1)
    assert article.raw_text != article.clean_text
    want = set()
    for e in formats_store.entities(1, include_rejected=False):
        start, end = article.offsets.to_raw(e.start, e.end)
        want.add((e.label.value, start, end))
    assert got[article.raw_text] == want


def test_astral_and_crlf_offsets_stay_code_points(formats_store, tmp_path):
    ex.export(formats_store, "doccano", tmp_path / "a.jsonl")
    ex.export(formats_store, "brat", tmp_path / "b")
    line = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[2]
    record = json.loads(line)
    assert record["text"] == ASTRAL
    for start, end, _ in record["label"]:
        assert ASTRAL[start:end] in {e.text for e in formats_store.entities(3)}
    txt = next((tmp_path / "b").glob("00003*.txt"))
    assert txt.read_bytes().decode("utf-8") == ASTRAL  # \r\n kept, not translated
