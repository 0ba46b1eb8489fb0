"""The guidelines view of a gold corpus: its spans restated the way GUIDELINES.md cuts them.

A corpus follows its own conventions (SOURCES.md: "the guidelines differ in
detail from each corpus's own"), so `pizhu eval --view guidelines` scores the
engine against what the corpus says, restated mechanically where the two
schemes differ in form rather than in judgement. Every rule below is a rule of
GUIDELINES.md or a documented property of the corpus; none looks at what the
engine predicts except to decide whether a prediction falls outside what the
corpus annotates at all.

People's Daily 1998 (PKU annotation, TIME → DATE):

* Gold DATE pieces are joined: PKU tags time words one by one (1997年 | 4月 |
  29日, 今天 | 上午) and leaves range joiners untagged (六月十三日 至 二十一日);
  GUIDELINES rule 5a makes each of those one DATE.
* A joined gold DATE takes the attached 以来/前/后/初/底/末 that follows it
  (今年 + 以来, rule 5a), which PKU leaves outside.
* A foreign country opening a company's name is its own LOC (瑞士|欧米茄公司,
  rule 5e); PKU keeps it inside the ORG.
* A gold DATE with no calendar unit, season or holiday is dropped (目前, 现在,
  过去, 当代, 会上: rule 5a and the "not" column of DATE).
* Predictions of kinds the corpus never annotates are neither right nor
  wrong, as a prediction of MONEY is: one-character spans (PKU tags place
  abbreviations such as 中, 韩, 华 `j` and leaves them out of its name layer;
  the dev set has no one-character entity among its 1,697) and words that
  jieba's dictionary — which uses PKU's tag set — tags `j`, abbreviation
  (欧盟, 亚行, 独联体, 十五大), unless they overlap a gold span; and bare
  durations (三天, 两年: PKU's TIME holds time words, a duration is a number
  and a classifier there, while GUIDELINES makes it a DATE).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.extract.gazetteer import country_regex
from core.extract.tagger_features import jieba_lexicon

Spans = list[tuple[int, int, str]]
Neutral = Callable[[tuple[int, int, str]], bool]
View = Callable[[str, Spans], tuple[Spans, Neutral]]

VIEWS = ("corpus", "guidelines")

# GUIDELINES 5a: a time expression is a DATE with a calendar unit, a season or a holiday;
# 5f's deictic words (今天, 昨晚, 当天, 日前, 近日, 年内) all hold one except 昨晚/今晚.
_CALENDAR = re.compile(r"[\d０-９〇零一二三四五六七八九十年月日天周季旬春夏秋冬节晚]|星期|世纪|年代")
_JOINER = re.compile(r"[至到—－\-~～]")
_ATTACHED = re.compile(r"以来|前|后|初|底|末")
_COMPANY = re.compile(r"(?:公司|集团)$")
DURATION = re.compile(
    r"(?:[\d０-９]{1,3}|[一二两三四五六七八九十百几数半多]+)个?(?:多|余)?(?:年|个月|天|周|星期|季度|旬)"
    r"(?:多|来|以来|之内|内)?"
)


def people_daily(text: str, gold: Spans) -> tuple[Spans, Neutral]:
    """People's Daily gold restated per GUIDELINES, and its test for out-of-scheme predictions."""
    dates = sorted((s, e) for s, e, label in gold if label == "DATE")
    joined: list[list[int]] = []
    for start, end in dates:
        if joined and _touches(text, joined[-1][1], start):
            joined[-1][1] = end
        else:
            joined.append([start, end])
    restated = [piece for span in gold if span[2] != "DATE" for piece in _split_nationality(text, span)]
    for start, end in joined:
        attached = _ATTACHED.match(text, end)
        if attached:
            end = attached.end()
        if _CALENDAR.search(text, start, end):
            restated.append((start, end, "DATE"))
    restated.sort()
    covered = _coverage(gold)

    def neutral(span: tuple[int, int, str]) -> bool:
        start, end, label = span
        if any(i in covered for i in range(start, end)):
            return False
        if end - start == 1 or _abbreviation(text[start:end]):
            return True
        return label == "DATE" and DURATION.fullmatch(text, start, end) is not None

    return restated, neutral


def _split_nationality(text: str, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """A foreign country opening a company's name is its own LOC (GUIDELINES 5e: 美国|安特罗匹克公司)."""
    start, end, label = span
    m = country_regex().match(text, start, end) if label == "ORG" else None
    if m is None or m.group() == "中国" or end - m.end() < 4 or not _COMPANY.search(text, m.end(), end):
        return [span]
    return [(start, m.end(), "LOC"), (m.end(), end, "ORG")]


def _touches(text: str, end: int, start: int) -> bool:
    """Whether a DATE piece at start continues the one ending at end (adjacent or across 至)."""
    return start == end or (start == end + 1 and _JOINER.match(text, end) is not None)


def _coverage(spans: Spans) -> set[int]:
    return {i for start, end, _ in spans for i in range(start, end)}


def _abbreviation(word: str) -> bool:
    return jieba_lexicon()[1].get(word) == "j"


GUIDELINE_VIEWS: dict[str, View] = {"people": people_daily}
