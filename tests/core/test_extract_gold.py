"""The engine scored on the hand-annotated seeds (tests/data/seeds_gold.jsonl, GUIDELINES.md).

Run with `-s` to see per-label and per-fact-type precision, recall and F1. The
assertions are deliberately loose (every label and fact type in the gold is
found at least once, and the fixture itself is consistent) so that rule and
tagger changes can move the figures without breaking the suite.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from core.extract import analyze
from core.model import FACT_SLOTS, FactType, Label
from core.text import repair

GOLD = Path(__file__).resolve().parents[1] / "data" / "seeds_gold.jsonl"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def predictions(gold) -> list:
    return [analyze(doc["text"], article_date=doc.get("article_date")) for doc in gold]


def test_gold_fixture_is_consistent(gold):
    seeds = {p.name: repair(p.read_text("utf-8")).clean for p in SEEDS.glob("*.txt")}
    assert len(gold) == len(seeds) == 2
    for doc in gold:
        assert doc["text"] == seeds[Path(doc["source_path"]).name], "gold text is the repaired clean text"
        ids = {e["id"] for e in doc["entities"]}
        previous_end = 0
        for e in sorted(doc["entities"], key=lambda e: e["start"]):
            assert doc["text"][e["start"]:e["end"]] == e["text"] and e["start"] >= previous_end
            Label(e["label"])
            previous_end = e["end"]
        labels = {e["id"]: Label(e["label"]) for e in doc["entities"]}
        for fact in doc["facts"]:
            kind = FactType(fact["type"])
            for role, slot in fact["slots"].items():
                allowed = FACT_SLOTS[kind][role]
                if "entity" in slot:
                    assert slot["entity"] in ids and labels[slot["entity"]] in allowed, (kind, role, slot)
                else:
                    assert allowed == () and slot["literal"]


def _f1(correct: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _gold_facts(doc: dict) -> Counter:
    by_id = {e["id"]: (e["start"], e["end"], e["label"]) for e in doc["entities"]}
    return Counter(
        (f["type"], tuple(sorted((role, by_id[s["entity"]] if "entity" in s else s["literal"])
                                 for role, s in f["slots"].items())))
        for f in doc["facts"])


def _pred_facts(analysis) -> Counter:
    ents = [(e.start, e.end, str(e.label)) for e in analysis.entities]
    return Counter(
        (str(f.type), tuple(sorted((role, ents[s.entity] if s.entity is not None else s.literal)
                                   for role, s in f.slots.items())))
        for f in analysis.facts)


def score(gold: list[dict], predictions: list) -> tuple[dict, dict]:
    """Per-label and per-fact-type (correct, gold, predicted) counts, exact match."""
    labels: dict[str, list[int]] = {}
    facts: dict[str, list[int]] = {}
    for doc, analysis in zip(gold, predictions, strict=True):
        g = Counter((e["start"], e["end"], e["label"]) for e in doc["entities"])
        p = Counter((e.start, e.end, str(e.label)) for e in analysis.entities)
        _tally(labels, g, p, kind_at=2)
        _tally(facts, _gold_facts(doc), _pred_facts(analysis), kind_at=0)
    return labels, facts


def _tally(table: dict[str, list[int]], gold: Counter, pred: Counter, kind_at: int) -> None:
    """Add (correct, gold, predicted) per kind, the kind being each key's item at kind_at."""
    for kind in {k[kind_at] for k in gold} | {k[kind_at] for k in pred}:
        g = Counter({k: v for k, v in gold.items() if k[kind_at] == kind})
        p = Counter({k: v for k, v in pred.items() if k[kind_at] == kind})
        row = table.setdefault(kind, [0, 0, 0])
        row[0] += sum((g & p).values())
        row[1] += sum(g.values())
        row[2] += sum(p.values())


def test_engine_finds_every_gold_label_and_fact_type(gold, predictions):
    labels, facts = score(gold, predictions)
    print(f"\n{'seeds gold':<12}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for name, table in (("entity", labels), ("fact", facts)):
        for key in sorted(table):
            correct, n_gold, n_pred = table[key]
            p, r, f = _f1(correct, n_gold, n_pred)
            print(f"{key:<12}{n_gold:>6}{n_pred:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
        total = [sum(col) for col in zip(*table.values(), strict=True)]
        p, r, f = _f1(*total)
        print(f"{name + ' all':<12}{total[1]:>6}{total[2]:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    for key, (correct, n_gold, _) in {**labels, **facts}.items():
        if n_gold:
            assert correct >= 1, f"{key}: none of the {n_gold} gold items found"
