"""Damaged clauses: where the GBK bytes were read one byte out of step.

A clause runs from two characters before a "?py)" or "?!" to the first ASCII
character that ends the shifted run (TEXT-DAMAGE.md 2-3). It is re-encoded in
GB18030 into a byte model: known bytes, lost bytes (each '?'), and glosses
that constrain the two bytes before them. `repair_clause.solve` fills the lost
bytes; this module finds clauses and builds their byte models.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from core.repair_gloss import match_gloss, match_trigger
from core.repair_tables import encode

MAX_CLAUSE = 400
MAX_VARIANTS = 27


@dataclass(slots=True)
class ByteModel:
    """One reading of a clause: bytes (None = lost), their raw indices, glosses."""

    start: int = 0  # the clause's raw span
    end: int = 0
    values: list[int | None] = field(default_factory=list)
    raw: list[int] = field(default_factory=list)
    # byte index a gloss follows -> (reading, raw end of the gloss)
    glosses: dict[int, list[tuple[str, int]]] = field(default_factory=dict)

    def add(self, value: int | None, raw_index: int) -> None:
        self.values.append(value)
        self.raw.append(raw_index)

    def add_gloss(self, reading: str, raw_end: int) -> None:
        if self.values:
            self.glosses.setdefault(len(self.values) - 1, []).append((reading, raw_end))

    def unknowns(self) -> list[int]:
        return [i for i, v in enumerate(self.values) if v is None]


def _gloss_start(raw: str, end: int) -> int | None:
    """Start of the gloss "(…)" that ends at raw[end - 1] == ')', if any."""
    pos = end
    for _ in range(2):  # a nested gloss has two '('
        pos = raw.rfind("(", max(0, end - 24), pos)
        if pos < 0:
            return None
        gloss = match_gloss(raw, pos)
        if gloss and gloss.end == end:
            return pos
    return None


def _back_units(raw: str, pos: int, count: int) -> int:
    """Position `count` characters (each with its glosses) before pos."""
    for _ in range(count):
        while pos > 0 and raw[pos - 1] == ")":
            start = _gloss_start(raw, pos)
            if start is None:
                break
            pos = start
        if pos == 0 or not encode(raw[pos - 1]):
            return pos  # never reach back over a character GB18030 cannot hold
        pos -= 1
    return pos


def _scan_forward(raw: str, pos: int) -> int:
    """End of the shifted run that starts with the trigger at raw[pos]."""
    limit = min(len(raw), pos + MAX_CLAUSE)
    while pos < limit:
        ch = raw[pos]
        if not encode(ch):
            return pos  # a lone surrogate was never part of a GBK byte run
        if ch >= "\x80":
            pos += 1
        elif ch == "(" and (gloss := match_gloss(raw, pos)):
            pos = gloss.end
        elif ch == "?":
            trigger = match_trigger(raw, pos)
            pos = trigger[0] if trigger else pos + 1
        else:
            # Plain ASCII is never part of a shifted pair: the run ends here.
            pos += 1
            while pos < len(raw) and raw[pos] == "(" and (gloss := match_gloss(raw, pos)):
                pos = gloss.end
            return pos
    return limit


def find_clauses(raw: str) -> list[tuple[int, int]]:
    """Raw spans of the damaged clauses, in order, non-overlapping."""
    clauses: list[list[int]] = []
    pos = raw.find("?")
    while pos >= 0:
        if clauses and pos < clauses[-1][1]:
            pos = raw.find("?", clauses[-1][1])
            continue
        if match_trigger(raw, pos) is None:
            pos = raw.find("?", pos + 1)
            continue
        start, end = _back_units(raw, pos, 2), _scan_forward(raw, pos)
        if clauses and start <= clauses[-1][1]:
            clauses[-1][1] = end  # the context reaches back into the last clause
        else:
            clauses.append([start, end])
        pos = raw.find("?", end)
    return [(s, e) for s, e in clauses]


# Ways to read a '?' that is neither "?py)" nor "?!": a lost byte before real ASCII,
# a lost byte whose real '(' was eaten, or a real question mark.
_QUESTION_OPTIONS = (((None,),), ((None,), (0x28,)), ((0x3F,),))


def byte_models(raw: str, start: int, end: int) -> list[ByteModel]:
    """Every reading of raw[start:end] as bytes (ambiguous '?' give several)."""
    pieces: list[list[tuple]] = []  # per raw unit: list of options, option = ops
    pos = start
    while pos < end:
        ch = raw[pos]
        if ch == "?" and (trigger := match_trigger(raw, pos)) and trigger[0] <= end:
            stop, reading = trigger
            if reading is None:  # "?!" is 。 (A1 A3) + the A1 of “/” left after it
                ops = [("b", 0xA1, pos), ("b", 0xA3, pos + 1), ("b", 0xA1, pos + 1)]
            else:
                ops = [("b", None, pos), ("g", reading, stop)]
            pieces.append([ops])
            pos = stop
        elif ch == "?":
            pieces.append([[("b", v, pos) for (v,) in opt] for opt in _QUESTION_OPTIONS])
            pos += 1
        elif ch == "(" and (gloss := match_gloss(raw, pos)) and gloss.end <= end:
            pieces.append([[("g", gloss.reading, gloss.end)]])
            pos = gloss.end
        else:
            pieces.append([[("b", b, pos) for b in encode(ch)]])
            pos += 1
    return [_build(choice, start, end) for choice in _choices(pieces)]


def _choices(pieces: list[list[list[tuple]]]):
    """Combinations of the options, the first option of late ambiguous units only."""
    ambiguous = 0
    limited = []
    for options in pieces:
        if len(options) > 1:
            ambiguous += 1
            if 3**ambiguous > MAX_VARIANTS:
                options = options[:1]
        limited.append(options)
    return itertools.product(*limited)


def _build(choice, start: int, end: int) -> ByteModel:
    model = ByteModel(start, end)
    for ops in choice:
        for kind, value, where in ops:
            if kind == "b":
                model.add(value, where)
            else:
                model.add_gloss(value, where)
    return model
