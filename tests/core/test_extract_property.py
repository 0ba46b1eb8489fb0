"""Property: whatever piece of an article the engine reads, its spans lie inside it and are honest.

Pieces are cut at arbitrary points of the two seed articles (repaired), so names,
numbers and dates are cut in half, sit at the very start or end, or are all
there is: every entity must still satisfy 0 ≤ start < end ≤ len(text),
carry text == text[start:end], not overlap another, and every fact slot must
point at an existing entity.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.extract import analyze
from core.text import repair

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(repair(p.read_text(encoding="utf-8")).clean for p in sorted(SEEDS.glob("*.txt")))


@st.composite
def pieces(draw):
    text = draw(st.sampled_from(seed_texts()))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 400)))
    return text[start:end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces())
def test_spans_lie_inside_any_piece(text):
    analysis = analyze(text)
    last_end = 0
    for entity in sorted(analysis.entities, key=lambda e: e.start):
        assert 0 <= entity.start < entity.end <= len(text), entity
        assert text[entity.start:entity.end] == entity.text
        assert entity.start >= last_end, "entities overlap"
        last_end = entity.end
    for fact in analysis.facts:
        for slot in fact.slots.values():
            assert slot.entity is None or 0 <= slot.entity < len(analysis.entities), fact
