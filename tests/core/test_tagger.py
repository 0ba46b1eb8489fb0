"""The CRF name tagger: names found, common words left alone, offsets, training commands."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from core.cli import main
from core.errors import UserError
from core.extract.tagger import NameTagger, default_tagger
from core.extract.tagger_data import bio_to_spans, spans_to_bio, split_sentences
from core.extract.tagger_features import sentence_features, word_arrays

TINY_MSRA = [
    ("王志强在北京工作。", [(0, 3, "PER"), (4, 6, "LOC")]),
    ("山东师范大学位于济南。", [(0, 6, "ORG"), (8, 10, "LOC")]),
    ("李爱军来到德州。", [(0, 3, "PER"), (5, 7, "LOC")]),
    ("新华社记者报道。", [(0, 3, "ORG")]),
] * 5


@pytest.fixture(scope="module")
def tagger() -> NameTagger:
    return default_tagger()


def _found(tagger: NameTagger, text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in tagger.tag(text)}


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("区行政审批部副部长王志强介绍了有关情况。", "王志强", "PERSON"),
        ("记者近日从德州获悉，项目进展顺利。", "德州", "LOC"),
        ("山东师范大学与当地政府签订合作协议。", "山东师范大学", "ORG"),
        ("王志强表示，德州将继续加大投入。", "德州", "LOC"),
    ],
)
def test_finds_names(tagger, text, name, label):
    assert (name, label) in _found(tagger, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("我们要打造智慧城市，提升服务水平。", "智慧"),
        ("温馨提示：请注意安全。", "温馨"),
        ("发展楼宇经济，引进企业总部。", "楼宇"),
    ],
)
def test_common_words_are_not_persons_where_posseg_says_nr(tagger, text, word):
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    assert (word, "nr") in [(w, f) for w, f in jieba.posseg.lcut(text)]  # the trap is real
    persons = [text[s:e] for s, e, label in tagger.tag(text) if label == "PERSON"]
    assert not any(word in p for p in persons), persons


def test_offsets_on_long_text_with_astral_chars(tagger):
    sentence = "𠀀王志强在德州考察𠀀，山东师范大学校长陪同"
    text = "".join(sentence + ("。" if i % 3 else "") for i in range(40))  # runs past 200 chars
    assert len(text) > 600
    spans = tagger.tag(text)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    persons = [s for s, e, label in spans if label == "PERSON" and text[s:e] == "王志强"]
    assert len(persons) >= 30
    assert all(text[s - 1] == "𠀀" for s in persons)


def test_sentence_split_covers_text_and_caps_length():
    text = "甲" * 450 + "。乙，丙！\n丁" + "，戊" * 150
    pieces = split_sentences(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert max(e - s for s, e in pieces) <= 200


def test_bio_round_trip():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-ORG"]
    spans = bio_to_spans(tags)
    assert spans == [(0, 2, "PERSON"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 8, "ORG")]
    assert spans_to_bio(8, spans)[:3] == ["B-PERSON", "I-PERSON", "O"]


def test_features_per_character_and_article_slices_agree():
    text = "𠀀王志强在ＡＢＣ公司。李爱军来到德州。"
    words = word_arrays(text)
    assert len(sentence_features(text)) == len(text)
    cut = text.index("。") + 1
    second = sentence_features(text[cut:], tuple(a[cut:] for a in words))
    assert second == sentence_features(text[cut:])


def test_model_name_and_cache(tagger):
    assert tagger.model_name.startswith("crf-msra-")
    assert default_tagger() is tagger
    assert tagger.tag("") == []


def test_load_missing_model_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        NameTagger.load(tmp_path / "nothing.crfsuite")


def _write_bio(path: Path) -> Path:
    lines = []
    for text, spans in TINY_MSRA:
        tags = ["O"] * len(text)
        for s, e, kind in spans:
            tags[s] = "B-" + kind
            tags[s + 1 : e] = ["I-" + kind] * (e - s - 1)
        lines += [f"{c}\t{t}" for c, t in zip(text, tags, strict=True)] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_train_command_writes_a_loadable_model(tmp_path, capsys):
    out = tmp_path / "tiny.crfsuite"
    code = main(["train", "--msra", str(_write_bio(tmp_path / "msra.txt")), "--out", str(out),
                 "--max-iterations", "5"])
    assert code == 0
    assert "held-out MSRA dev" in capsys.readouterr().out
    assert NameTagger.load(out).model_name.startswith("crf-msra-")


def test_retrain_adds_human_names_and_writes_beside_db(tmp_path, fresh_store):
    from core.extract.tagger_db import database_sentences
    from core.model import Label
    from core.operations import add_entity
    from core.store import NewArticle
    from core.text import OffsetMap

    text = "記者張三豐報道，德州經開區簽約。"  # traditional: trained on its simplified view
    ids, _ = fresh_store.add_articles([NewArticle("t", text, text, OffsetMap.identity(len(text)), "traditional")])
    add_entity(fresh_store, ids[0], 2, 5, Label.PERSON, annotator="ann")
    add_entity(fresh_store, ids[0], 8, 13, Label.LOC, annotator="ann")
    add_entity(fresh_store, ids[0], 13, 15, Label.DATE, annotator="ann")
    sentences = database_sentences(fresh_store.path)
    assert sentences == [("记者张三丰报道，德州经开区签约。",
                          ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O",
                           "B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "O", "O"])]
    msra = _write_bio(tmp_path / "msra.txt")
    assert main(["retrain", str(fresh_store.path), "--msra", str(msra), "--max-iterations", "3"]) == 0
    model = tmp_path / "test.db.tagger.crfsuite"
    assert NameTagger.load(model).tag("张三丰") is not None


def test_retrain_without_msra_is_a_user_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PIZHU_MSRA", str(tmp_path / "absent.txt"))
    monkeypatch.setattr("core.commands.retrain._shared_msra", lambda: tmp_path / "absent.txt")
    db = tmp_path / "x.db"
    db.write_bytes(b"")
    assert main(["retrain", str(db)]) == 2
    assert "--msra" in capsys.readouterr().err


def test_extra_jsonl_sentences_keep_names_and_drop_rejected(tmp_path):
    import json

    from core.extract.tagger_train import jsonl_sentences

    article = {"text": "張三在德州。李四來了。",
               "entities": [{"start": 0, "end": 2, "label": "PERSON", "status": "accepted"},
                            {"start": 3, "end": 5, "label": "LOC", "status": "rejected"},
                            {"start": 6, "end": 8, "label": "PERSON", "status": "manual"}]}
    path = tmp_path / "extra.jsonl"
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    assert list(jsonl_sentences(path)) == [
        ("张三在德州。", ["B-PERSON", "I-PERSON", "O", "O", "O", "O"]),
        ("李四来了。", ["B-PERSON", "I-PERSON", "O", "O", "O"]),
    ]


def test_train_refuses_bad_input(tmp_path):
    assert main(["train", "--msra", str(tmp_path / "absent.txt"), "--out", str(tmp_path / "m")]) == 2
    msra = _write_bio(tmp_path / "msra.txt")
    assert main(["train", "--msra", str(msra), "--out", str(tmp_path / "m"), "--max-iterations", "0"]) == 2
    (tmp_path / "broken.txt").write_text("张三\tB-PER\n", encoding="utf-8")
    assert main(["train", "--msra", str(tmp_path / "broken.txt"), "--out", str(tmp_path / "m")]) == 2


def test_retrain_refuses_a_database_without_human_names(tmp_path, fresh_store, capsys):
    msra = _write_bio(tmp_path / "msra.txt")
    assert main(["retrain", str(fresh_store.path), "--msra", str(msra)]) == 2
    assert "no accepted or manual" in capsys.readouterr().err


def test_tidy_trims_edges_and_drops_spans_around_brackets():
    from core.extract.tagger import _tidy

    text = "“新华社”称，美国《纽约时报 》报道"
    spans = [(0, 5, "ORG"), (7, 14, "ORG"), (9, 15, "ORG")]
    assert _tidy(text, spans) == [(1, 4, "ORG"), (10, 14, "ORG")]


def test_tag_from_several_threads_matches_serial(tagger):
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"第{i}天，王志强在德州会见山东师范大学代表。" * 3 for i in range(40)]
    serial = [tagger.tag(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(tagger.tag, texts)) == serial
