"""The engine against public corpora (../shared/data): People's Daily TIME → DATE, CLUENER position → TITLE.

The corpora follow their own conventions, not GUIDELINES.md, so each score is
printed three ways where they differ:

* strict: the corpus as it is;
* merged: adjacent gold spans joined (People's Daily cuts 1997年 | 4月 | 29日
  into tokens; the guidelines make that one date);
* projected: both sides mapped onto what the two schemes share — gold TIME
  words the guidelines exclude (目前, 如今, 当今: no calendar unit, rule 5a)
  are dropped, and the engine's dates are cut the corpus's way: ranges at
  至/到, attached 以来/起/底/初/晚 off, bare durations (三年) out.

The quality bar (DATE F1 ≥ 0.80, TITLE F1 ≥ 0.60) is asserted on the projected
view; run with `-s` to see every figure.
"""

from __future__ import annotations

import json
import re

import pytest

from core.extract import analyze
from core.model import Label
from tests.conftest import shared_data

# GUIDELINES 5a: a relative time word is a DATE only with a calendar unit, a season or a holiday.
_CALENDAR = re.compile(r"[\d０-９〇零一二三四五六七八九十年月日天周季旬春夏秋冬节]|星期|世纪|年代")
_DURATION = re.compile(
    r"^(?:[\d０-９]{1,3}|[一二两三四五六七八九十百几数半多]+)个?(?:多|余)?(?:年|个月|天|周|星期|季度|旬)"
    r"(?:多|来|以来|之内|内)?$"
)
_RANGE = re.compile(r"至|到|—|－|-|~|～")
_ATTACHED = re.compile(r"(?:以来|以前|以后|之前|之后|前后|起|底|初|末|前|后|上午|下午|中午|晚上|晚|份)$")


def f1(gold: set, pred: set) -> tuple[float, float, float]:
    correct = len(gold & pred)
    p = correct / len(pred) if pred else 0.0
    r = correct / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_char_bio(path) -> list[tuple[str, list[str]]]:
    docs, chars, tags = [], [], []
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if chars:
                docs.append(("".join(chars), tags))
            chars, tags = [], []
            continue
        parts = line.split("\t")
        chars.append(parts[0][:1] or " ")
        tags.append(parts[-1])
    if chars:
        docs.append(("".join(chars), tags))
    return docs


def bio_spans(tags: list[str], kind: str, merge: bool) -> list[tuple[int, int]]:
    """Spans of one BIO type; merge joins spans that touch (B-TIME right after a TIME span)."""
    out: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate(tags + ["O"]):
        inside = tag in (f"B-{kind}", f"I-{kind}")
        if start is not None and (not inside or (tag == f"B-{kind}" and not merge)):
            out.append((start, i))
            start = None
        if inside and start is None:
            start = i
    return out


def project_date(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An engine DATE cut the People's Daily way (see module docstring)."""
    surface = text[start:end]
    if _DURATION.match(surface):
        return []
    pieces, pos = [], start
    for m in _RANGE.finditer(surface):
        pieces.append((pos, start + m.start()))
        pos = start + m.end()
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        m = _ATTACHED.search(text, s, e)
        while m and m.start() > s:
            e = m.start()
            m = _ATTACHED.search(text, s, e)
        if e > s:
            out.append((s, e))
    return out


def people_daily_scores(docs) -> dict[str, tuple[float, float, float]]:
    totals = {view: [set(), set()] for view in ("strict", "merged", "projected")}
    for n, (text, tags) in enumerate(docs):
        dates = [(e.start, e.end) for e in analyze(text, tagger=False).entities if e.label is Label.DATE]
        strict, merged = bio_spans(tags, "TIME", False), bio_spans(tags, "TIME", True)
        projected_gold = [s for s in merged if _CALENDAR.search(text[s[0]:s[1]])]
        projected_pred = [p for s in dates for p in project_date(text, *s)]
        for view, gold, pred in (("strict", strict, dates), ("merged", merged, dates),
                                 ("projected", projected_gold, projected_pred)):
            totals[view][0].update((n, *s) for s in gold)
            totals[view][1].update((n, *s) for s in pred)
    return {view: f1(gold, pred) for view, (gold, pred) in totals.items()}


def test_people_daily_date_f1():
    docs = read_char_bio(shared_data("peoples_daily/dev.char.bio.tsv"))
    scores = people_daily_scores(docs)
    for view, (p, r, f) in scores.items():
        print(f"People's Daily dev DATE {view:<9} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    assert scores["projected"][2] >= 0.80


def cluener_title_scores(path) -> tuple[float, float, float]:
    gold, pred = set(), set()
    for n, line in enumerate(path.open(encoding="utf-8")):
        record = json.loads(line)
        for spans in record["label"].get("position", {}).values():
            gold.update((n, s, e + 1) for s, e in spans)  # CLUENER ends are inclusive
        for e in analyze(record["text"], tagger=False).entities:
            if e.label is Label.TITLE:
                pred.add((n, e.start, e.end))
    return f1(gold, pred)


def test_cluener_title_f1():
    p, r, f = cluener_title_scores(shared_data("cluener/train.json"))
    print(f"CLUENER train TITLE P {p:.3f} R {r:.3f} F1 {f:.3f}")
    assert f >= 0.60


@pytest.mark.parametrize("surface, expected", [
    ("4月27日至30日", ["4月27日", "30日"]), ("1995年底", ["1995年"]), ("三年", []), ("今年以来", ["今年"]),
])
def test_projection(surface, expected):
    assert [surface[s:e] for s, e in project_date(surface, 0, len(surface))] == expected
