"""Scoring against gold corpora: metric arithmetic, the four readers, the eval command."""

from __future__ import annotations

import json

import pytest

from core.cli import main
from core.errors import UserError
from core.evaluate import (
    Counts,
    as_spans,
    default_predictor,
    format_table,
    guideline_view,
    micro_over,
    read_gold,
    score_documents,
    scored_labels,
    tagger_predictor,
)
from core.model import Label, Span
from tests.conftest import shared_data

PEOPLES_DAILY = "peoples_daily/dev.char.bio.tsv"

GOLD = [
    ("张三在北京开会", [(0, 2, "PERSON"), (3, 5, "LOC")]),
    ("德州公司于9月签约，投资10万元", [(0, 4, "ORG"), (5, 7, "DATE")]),
]
PRED = {
    GOLD[0][0]: [(0, 2, "PERSON"), (3, 5, "ORG")],
    GOLD[1][0]: [(0, 4, "ORG"), (5, 6, "DATE"), (12, 16, "MONEY")],
}


def test_metric_arithmetic_by_hand():
    scores = score_documents(GOLD, PRED.__getitem__, ("PERSON", "LOC", "ORG", "DATE"))
    expect = {  # label: gold, pred, correct, P, R, F1
        "PERSON": (1, 1, 1, 1.0, 1.0, 1.0),
        "LOC": (1, 0, 0, 0.0, 0.0, 0.0),
        "ORG": (1, 2, 1, 0.5, 1.0, 2 / 3),
        "DATE": (1, 1, 0, 0.0, 0.0, 0.0),
        "micro": (4, 4, 2, 0.5, 0.5, 0.5),  # MONEY is not scored: neither right nor wrong
    }
    for label, (g, p, c, prec, rec, f1) in expect.items():
        counts = scores[label]
        assert (counts.gold, counts.pred, counts.correct) == (g, p, c), label
        assert (counts.precision, counts.recall, counts.f1) == pytest.approx((prec, rec, f1)), label
    names = micro_over(scores, ("PERSON", "LOC", "ORG"))
    assert (names.gold, names.pred, names.correct) == (3, 3, 2)
    assert names.f1 == pytest.approx(2 / 3)
    assert scores.documents == 2
    table = format_table(scores)
    assert "ORG" in table and "0.667" in table


def test_empty_counts_do_not_divide_by_zero():
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)


def test_predictions_may_be_spans_or_an_analysis():
    class Analysis:
        entities = [Span(0, 2, Label.PERSON, "张三")]

    assert as_spans(Analysis()) == [(0, 2, "PERSON")]
    assert as_spans([(3, 5, "LOC")]) == [(3, 5, "LOC")]


def test_read_bio_formats(tmp_path):
    path = tmp_path / "people.tsv"
    rows = ["张\tB-PER", "三\tI-PER", "昨\tB-TIME", "天\tI-TIME", "去\tO", "北\tB-LOC", "京\tI-LOC",
            "", "新\tB-ORG", "华\tI-ORG", "社\tI-ORG", ""]
    path.write_text("\n".join(rows), encoding="utf-8")
    docs = read_gold(path, "people")
    assert docs == [("张三昨天去北京", [(0, 2, "PERSON"), (2, 4, "DATE"), (5, 7, "LOC")]),
                    ("新华社", [(0, 3, "ORG")])]
    assert read_gold(path, "msra", limit=1) == docs[:1]
    assert scored_labels("people", docs) == ("PERSON", "LOC", "ORG", "DATE")
    assert scored_labels("msra", docs) == ("PERSON", "LOC", "ORG")


def test_read_cluener_inclusive_ends_and_mapping(tmp_path):
    record = {"text": "浙商银行叶老桂博士在杭州玩CSOL",
              "label": {"company": {"浙商银行": [[0, 3]]}, "name": {"叶老桂": [[4, 6]]},
                        "address": {"杭州": [[10, 11]]}, "game": {"CSOL": [[13, 16]]}}}
    path = tmp_path / "cluener.json"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    docs = read_gold(path, "cluener")
    assert docs == [(record["text"], [(0, 4, "ORG"), (4, 7, "PERSON"), (10, 12, "LOC")])]
    text = docs[0][0]
    assert [text[s:e] for s, e, _ in docs[0][1]] == ["浙商银行", "叶老桂", "杭州"]
    pred = lambda _t: [(0, 4, "ORG"), (13, 17, "PROJECT")]  # noqa: E731
    scores = score_documents(docs, pred, scored_labels("cluener", docs))
    assert scores["micro"].pred == 1 and scores["micro"].correct == 1


def test_read_pizhu_jsonl_skips_rejected(tmp_path):
    article = {"format": "pizhu", "version": 1, "text": "德州经开区投资2.1亿元",
               "entities": [{"start": 0, "end": 5, "label": "LOC", "status": "accepted"},
                            {"start": 7, "end": 12, "label": "MONEY", "status": "manual"},
                            {"start": 0, "end": 2, "label": "LOC", "status": "rejected"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n\n", encoding="utf-8")
    docs = read_gold(path, "jsonl")
    assert docs == [(article["text"], [(0, 5, "LOC"), (7, 12, "MONEY")])]
    assert scored_labels("jsonl", docs) == ("LOC", "MONEY")


@pytest.mark.parametrize(("content", "fmt"), [("{not json\n", "jsonl"), ('{"x": 1}\n', "cluener"),
                                              ("张三\tB-PER\n", "people")])
def test_bad_gold_is_a_user_error(tmp_path, content, fmt):
    path = tmp_path / "bad"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError):
        read_gold(path, fmt)


def test_unknown_format_and_missing_file(tmp_path):
    with pytest.raises(UserError):
        read_gold(tmp_path / "none", "people")
    (tmp_path / "f").write_text("", encoding="utf-8")
    with pytest.raises(UserError):
        read_gold(tmp_path / "f", "conll")


def test_eval_command_prints_a_table(tmp_path, capsys):
    path = tmp_path / "people.tsv"
    path.write_text("王\tB-PER\n志\tI-PER\n强\tI-PER\n在\tO\n德\tB-LOC\n州\tI-LOC\n", encoding="utf-8")
    assert main(["eval", str(path), "--format", "people", "--tagger", "--labels", "PERSON", "LOC"]) == 0
    out = capsys.readouterr().out
    assert "labels: PERSON LOC" in out and "micro" in out
    assert main(["eval", str(path), "--format", "people", "--labels", "NAME"]) == 2


def test_eval_command_guidelines_view(tmp_path, capsys):
    path = tmp_path / "people.tsv"
    path.write_text("１\tB-TIME\n９\tI-TIME\n９\tI-TIME\n７\tI-TIME\n年\tI-TIME\n４\tB-TIME\n月\tI-TIME\n",
                    encoding="utf-8")
    assert main(["eval", str(path), "--format", "people", "--view", "guidelines", "--labels", "DATE"]) == 0
    out = capsys.readouterr().out
    assert "guidelines view" in out
    assert out.splitlines()[2].split()[:4] == ["DATE", "1", "1", "1"]  # one joined gold date, found
    assert main(["eval", str(path), "--format", "msra", "--view", "guidelines"]) == 2


def peoples_daily(view):
    """The whole engine on People's Daily dev in one view."""
    predict, _ = default_predictor()
    return score_documents(read_gold(shared_data(PEOPLES_DAILY), "people"), predict,
                           ("PERSON", "LOC", "ORG", "DATE"),
                           guideline_view("people") if view == "guidelines" else None)


@pytest.fixture(scope="module")
def peoples_daily_scores():
    """The shipped tagger alone, the corpus as it is."""
    return score_documents(read_gold(shared_data(PEOPLES_DAILY), "people"), tagger_predictor(),
                           ("PERSON", "LOC", "ORG"))


def test_shipped_tagger_on_peoples_daily_dev_does_not_regress(peoples_daily_scores):
    assert peoples_daily_scores["micro"].f1 >= 0.78, format_table(peoples_daily_scores)
    assert peoples_daily_scores["PERSON"].f1 >= 0.88, format_table(peoples_daily_scores)


def test_engine_on_peoples_daily_dev_guidelines_view_meets_the_bar():
    """Issue 3's bar, on the gold restated the GUIDELINES way (core/evaluate_views.py)."""
    scores = peoples_daily("guidelines")
    names = micro_over(scores, ("PERSON", "LOC", "ORG"))
    assert names.f1 >= 0.85, format_table(scores, {"PER/LOC/ORG": names})
    assert scores["DATE"].f1 >= 0.80, format_table(scores)


def test_engine_on_peoples_daily_dev_corpus_view_does_not_regress():
    """The corpus as it is: names 0.80 and DATE 0.35 when this was written (see the view's docstring)."""
    scores = peoples_daily("corpus")
    names = micro_over(scores, ("PERSON", "LOC", "ORG"))
    assert names.f1 >= 0.78, format_table(scores, {"PER/LOC/ORG": names})
