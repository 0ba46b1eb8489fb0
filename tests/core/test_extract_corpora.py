"""The engine against public corpora (../shared/data): People's Daily TIME → DATE, CLUENER position → TITLE.

Dates and titles come from the rules, so these run the engine without the
name tagger (fast). People's Daily is scored in both views of core.evaluate:
the corpus as it is, and the gold restated the way GUIDELINES.md cuts dates
(core/evaluate_views.py); the bar (DATE F1 ≥ 0.80) is on the second. Run with
`-s` to see the figures.
"""

from __future__ import annotations

from core.evaluate import format_table, guideline_view, read_gold, score_documents
from core.extract import analyze
from tests.conftest import shared_data


def rules_only(text: str):
    return analyze(text, tagger=False)


def test_people_daily_date_f1():
    docs = read_gold(shared_data("peoples_daily/dev.char.bio.tsv"), "people")
    corpus = score_documents(docs, rules_only, ("DATE",))
    view = score_documents(docs, rules_only, ("DATE",), guideline_view("people"))
    print("People's Daily dev DATE, corpus view\n" + format_table(corpus))
    print("People's Daily dev DATE, guidelines view\n" + format_table(view))
    assert view["DATE"].f1 >= 0.80, format_table(view)
    assert view["DATE"].gold < corpus["DATE"].gold  # pieces joined, unit-less words dropped


def test_cluener_title_f1():
    docs = read_gold(shared_data("cluener/train.json"), "cluener")
    scores = score_documents(docs, rules_only, ("TITLE",))
    print("CLUENER train TITLE\n" + format_table(scores))
    assert scores["TITLE"].f1 >= 0.60, format_table(scores)
