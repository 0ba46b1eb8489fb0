"""Filling the lost bytes of a damaged clause and decoding it (TEXT-DAMAGE.md 3).

Lost bytes pinned by a gloss ("the two bytes before me read py") are
enumerated with backtracking; a lost byte no gloss constrains is chosen by
the language model. The best decoding is returned with, for every character,
the raw span that supplied its bytes (section 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from core import repair_lm as lm
from core.repair_clause import ByteModel
from core.repair_lm import Context
from core.repair_tables import is_pua, is_trail, pair_char, pairs_reading

MAX_SOLUTIONS = 64
VIOLATION_PENALTY = 25.0
WINDOW = 6
TOP_FREE = 24


@dataclass(slots=True)
class Solution:
    text: str
    spans: list[tuple[int, int]]
    score: float
    guessed: list[int]  # characters whose lost byte only the language model chose


@cache
def _pair_set(reading: str, glossable: bool = False) -> frozenset[tuple[int, int]]:
    return frozenset(pairs_reading(reading, glossable))


def layout(values: list[int | None]) -> list[tuple[int, int]] | None:
    """Byte ranges of the characters when decoding in step; None if it cannot be."""
    out, i, n = [], 0, len(values)
    while i < n:
        v = values[i]
        if v is not None and v < 0x80:
            out.append((i, i + 1))
            i += 1
            continue
        if v in (0x80, 0xFF) or i + 1 >= n:
            return None
        w = values[i + 1]
        if w is not None and 0x30 <= w <= 0x39:  # a four-byte GB18030 character
            tail = values[i + 2 : i + 4]
            if len(tail) < 2 or None in tail or not (0x81 <= tail[0] <= 0xFE):
                return None
            out.append((i, i + 4))
            i += 4
            continue
        if w is not None and not is_trail(w):
            return None
        out.append((i, i + 2))
        i += 2
    return out


def decode(values: list[int], chars: list[tuple[int, int]]) -> str:
    """The characters; '?' for one with a byte still unknown."""
    out = []
    for i, j in chars:
        if None in values[i:j]:
            out.append("?")
        elif j - i == 2:
            out.append(pair_char(values[i], values[i + 1]) or "\ufffd")
        else:
            out.append(bytes(values[i:j]).decode("gb18030", errors="replace"))
    return "".join(out)


def _constraints(model: ByteModel) -> list[tuple[int, int, str]]:
    return [(k - 1, k, r) for k, found in model.glosses.items() for r, _ in found if k >= 1]


def _domain(u: int, values: list, cons: list[tuple[int, int, str]]) -> set[int] | None:
    """Values the lost byte u may take under the glosses around it (None: unconstrained)."""
    cands = None
    for a, b, reading in cons:
        if u not in (a, b):
            continue
        other = values[b if a == u else a]
        allowed = _allowed(_pair_set(reading, True), a == u, other)
        if not allowed:  # no glossable character fits: any character read so
            allowed = _allowed(_pair_set(reading), a == u, other)
        cands = allowed if cands is None else cands & allowed
    return cands


def _allowed(pairs: frozenset[tuple[int, int]], first: bool, other: int | None) -> set[int]:
    """Values for one byte of the pairs, given the other byte (None: unknown)."""
    if other is None:
        return {p[0] if first else p[1] for p in pairs}
    if first:
        return {p[0] for p in pairs if p[1] == other}
    return {p[1] for p in pairs if p[0] == other}


def _satisfied(values: list, cons: list[tuple[int, int, str]]) -> bool:
    for a, b, reading in cons:
        if values[a] is not None and values[b] is not None:
            if (values[a], values[b]) not in _pair_set(reading):
                return False
    return True


def _pinned(model: ByteModel, cons, free: set[int]):
    """Every assignment of the gloss-constrained lost bytes (backtracking, capped)."""
    todo = [u for u in model.unknowns() if u not in free]
    values = list(model.values)
    found: list[list] = []

    def step(n: int) -> None:
        if len(found) >= MAX_SOLUTIONS:
            return
        if n == len(todo):
            found.append(list(values))
            return
        u = todo[n]
        for value in sorted(_domain(u, values, cons) or ()):
            values[u] = value
            if _satisfied(values, cons):
                step(n + 1)
        values[u] = None

    step(0)
    return found


def _violations(values: list[int], model: ByteModel, annotated: frozenset[str]) -> int:
    """Pairs that decode to a character the page always glosses, yet carry no gloss."""
    count = 0
    for i in range(len(values) - 1):
        if i + 1 in model.glosses or i in model.glosses:
            continue
        ch = pair_char(values[i], values[i + 1])
        if ch is not None and ch in annotated:
            count += 1
    return count


def _char_of(chars: list[tuple[int, int]], u: int) -> int:
    for n, (i, j) in enumerate(chars):
        if i <= u < j:
            return n
    raise ValueError(u)


def _choose_free(values: list, u: int, chars, ctx: Context) -> None:
    """Give the unconstrained lost byte u the value the language model likes best.

    A cheap prior (character and two-character word frequency) keeps the best
    TOP_FREE candidates; the segmentation score over a window decides among them.
    """
    n = _char_of(chars, u)
    lo, hi = max(0, n - WINDOW), min(len(chars), n + WINDOW + 1)
    before = ctx.before[-WINDOW:] if lo == 0 else ""
    after = ctx.after[:WINDOW] if hi == len(chars) else ""
    values[u] = None
    left, right = decode(values, chars[lo:n]), decode(values, chars[n + 1 : hi])
    head = ctx.before + decode(values, chars[:n])
    tail = decode(values, chars[n + 1 :]) + ctx.after
    prev, nxt = (before + left)[-1:], (right + after)[:1]
    candidates = []
    for value in range(0x80, 0xFF):
        values[u] = value
        ch = decode(values, [chars[n]])
        if ch not in "?\ufffd" and not is_pua(ch):
            candidates.append((lm.char_prior(prev, ch, nxt, ctx), value, ch))
    candidates.sort(reverse=True)
    best, best_value = None, None
    balance = lm.balance_penalty(head + tail)  # unchanged unless ch is a bracket
    for _, value, ch in candidates[:TOP_FREE]:
        bal = lm.balance_penalty(head + ch + tail) if ch in lm.BRACKETS else balance
        score = lm.score(left + ch + right, ctx, before, after, bal)
        if best is None or score > best:
            best, best_value = score, value
    values[u] = best_value


def _spans(model: ByteModel, chars) -> list[tuple[int, int]]:
    spans = []
    for i, j in chars:
        start, end = min(model.raw[i:j]), max(model.raw[i:j]) + 1
        for k in range(i, j):
            for _, gloss_end in model.glosses.get(k, ()):
                end = max(end, gloss_end)
        if spans:
            start = max(start, spans[-1][0])
            end = max(end, spans[-1][1])
        spans.append((start, end))
    if spans:  # a gloss before the first byte, or raw text after the last, joins them
        spans[0] = (min(spans[0][0], model.start), spans[0][1])
        spans[-1] = (spans[-1][0], max(spans[-1][1], model.end))
    return spans


def solve(model: ByteModel, ctx: Context) -> Solution | None:
    """Best decoding of one byte model of the clause, or None if none is valid."""
    chars = layout(model.values)
    if chars is None:
        return None
    cons = _constraints(model)
    touched = {x for a, b, _ in cons for x in (a, b)}
    free = [u for u in model.unknowns() if u not in touched]
    best = None
    for values in _pinned(model, cons, set(free)):
        for u in free:
            _choose_free(values, u, chars, ctx)
        if None in values:
            continue
        text = decode(values, chars)
        score = lm.score(text, ctx)
        score -= VIOLATION_PENALTY * _violations(values, model, ctx.annotated)
        if best is None or score > best.score:
            guessed = sorted({_char_of(chars, u) for u in free})
            best = Solution(text, [], score, guessed)
    if best is not None:
        best.spans = _spans(model, chars)
    return best
