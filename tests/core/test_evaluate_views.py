"""The guidelines view of People's Daily: each restatement rule on a small hand-made document."""

from __future__ import annotations

import pytest

from core.evaluate import score_documents
from core.evaluate_views import people_daily


def spans_of(text: str, spans) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in spans]


@pytest.mark.parametrize("text, pieces, expected", [
    # PKU cuts a date into time words; GUIDELINES 5a makes one DATE.
    ("１９９７年４月２９日在京", ["１９９７年", "４月", "２９日"], ["１９９７年４月２９日"]),
    ("今天上午出发", ["今天", "上午"], ["今天上午"]),
    # A range joined by 至 is one DATE; the attached 以来 belongs to it.
    ("六月十三日至二十一日举行", ["六月", "十三日", "二十一日"], ["六月十三日至二十一日"]),
    ("今年以来，春茶", ["今年"], ["今年以来"]),
    # No calendar unit, season or holiday: not a DATE under 5a.
    ("目前，现在和过去", ["目前", "现在", "过去"], []),
    ("会上他说", ["会上"], []),
    ("韩国的佛节", ["佛节"], ["佛节"]),
])
def test_dates_are_restated(text, pieces, expected):
    gold = []
    for piece in pieces:
        start = text.index(piece, gold[-1][1] if gold else 0)
        gold.append((start, start + len(piece), "DATE"))
    restated, _ = people_daily(text, gold)
    assert [t for t, _ in spans_of(text, restated)] == expected


def test_nationality_of_a_foreign_company_is_its_own_place():
    text = "因为瑞士欧米茄公司与中国电影公司合作"
    gold = [(2, 9, "ORG"), (10, 16, "ORG")]
    restated, _ = people_daily(text, gold)
    assert spans_of(text, restated) == [("瑞士", "LOC"), ("欧米茄公司", "ORG"), ("中国电影公司", "ORG")]


def test_out_of_scheme_predictions_are_neither_right_nor_wrong():
    text = "中韩两国在欧盟会议上谈了三天，韩国代表说"
    gold = [(15, 17, "LOC")]  # only 韩国 is annotated, the corpus's way
    _, neutral = people_daily(text, gold)
    assert neutral((0, 1, "LOC"))  # 中: one-character abbreviation
    assert neutral((5, 7, "ORG"))  # 欧盟: jieba tags it j
    assert neutral((12, 14, "DATE"))  # 三天: a duration
    assert not neutral((15, 17, "LOC"))  # overlaps the gold: scored
    assert not neutral((15, 16, "LOC"))  # a one-character cut of a gold name is a real error
    assert not neutral((7, 9, "ORG"))  # 会议 is no abbreviation: a false positive stays one


def test_view_changes_only_what_it_says():
    text = "中韩两国在欧盟会议上谈了三天，韩国代表说"
    docs = [(text, [(15, 17, "LOC")])]
    pred = [(0, 1, "LOC"), (1, 2, "LOC"), (5, 7, "ORG"), (12, 14, "DATE"), (15, 17, "LOC"), (17, 19, "ORG")]
    corpus = score_documents(docs, lambda _: pred, ("LOC", "ORG", "DATE"))
    view = score_documents(docs, lambda _: pred, ("LOC", "ORG", "DATE"), people_daily)
    assert (corpus["micro"].pred, corpus["micro"].correct) == (6, 1)
    assert (view["micro"].pred, view["micro"].correct) == (2, 1)  # 韩国 right, 代表 ORG still wrong
    assert view["micro"].gold == corpus["micro"].gold == 1
