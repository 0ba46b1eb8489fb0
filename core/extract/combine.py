"""Candidates from every rule and the tagger, and the choice of one flat, non-overlapping layer.

Every finder returns `Cand`s on the simplified text (same indexes as the
clean text). `resolve` keeps the best ones: higher priority first (human
lexicon > brackets > rules > statistical tagger), then the longer span
(GUIDELINES rule 1, longest meaningful name), then the earlier one.
"""

from __future__ import annotations

import bisect
from typing import Any, NamedTuple

from core.model import Label

# Priorities: a person's correction beats a 《》 title beats the rules beats the tagger.
PRIO_LEXICON = 100
PRIO_DOC = 90
PRIO_STRONG = 70  # rules with a clear anchor (byline names, 《》-free orgs with suffix)
PRIO_RULE = 50
PRIO_WEAK = 40
PRIO_TAGGER = 45  # above gazetteer places (北京大学 beats 北京), below the rules


class Cand(NamedTuple):
    start: int
    end: int
    label: Label
    prio: int
    value: Any = None


class Occupancy:
    """Sorted, non-overlapping accepted intervals with O(log n) overlap tests."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        return not (i < len(self.starts) and self.starts[i] < end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def resolve(cands: list[Cand]) -> list[Cand]:
    """The greedy best non-overlapping subset, sorted by position."""
    chosen: list[Cand] = []
    taken = Occupancy()
    order = sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start))
    for cand in order:
        if cand.end <= cand.start:
            continue
        if taken.free(cand.start, cand.end):
            taken.add(cand.start, cand.end)
            chosen.append(cand)
    chosen.sort(key=lambda c: (c.start, c.end))
    return chosen


def covered(cands: list[Cand], start: int, end: int, labels: tuple[Label, ...]) -> bool:
    """True when a candidate with one of labels covers [start, end)."""
    return any(c.start <= start and end <= c.end and c.label in labels for c in cands)


_NAME_JOINERS = frozenset("-－‐‑·•・")


def join_names(simp: str, chosen: list[Cand]) -> list[Cand]:
    """Two PERSON spans joined by a hyphen or a middle dot are one name (迪亚斯-卡内尔)."""
    out: list[Cand] = []
    for cand in chosen:
        last = out[-1] if out else None
        if (last and cand.label is Label.PERSON and last.label is Label.PERSON
                and cand.start == last.end + 1 and simp[last.end] in _NAME_JOINERS):
            out[-1] = last._replace(end=cand.end)
        else:
            out.append(cand)
    return out
