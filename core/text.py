"""Clean text and its maps: repair of scraped text, the simplified view, UTF-16 helpers.

`repair(raw)` returns the clean text and an `OffsetMap` that ties every clean
character to the raw characters it came from (TEXT-DAMAGE.md, section 4).
`simplified_view(clean)` is an index-aligned OpenCC copy for the engine.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True, slots=True, eq=False)
class OffsetMap:
    """clean[i] came from raw[starts[i]:ends[i]]; both lists are non-decreasing.

    starts and ends are tuples, or ranges for the identity map: text that
    needed no repair (nearly all of it) then costs no per-character objects.
    Equality compares the values, whatever the sequence type.
    """

    starts: Sequence[int]
    ends: Sequence[int]
    raw_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(range(length), range(1, length + 1), length)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (
            self.raw_length == other.raw_length
            and _same(self.starts, other.starts)
            and _same(self.ends, other.ends)
        )

    def __hash__(self) -> int:
        return hash((tuple(self.starts), tuple(self.ends), self.raw_length))

    def __len__(self) -> int:
        return len(self.starts)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering the clean span [start, end)."""
        if not 0 <= start <= end <= len(self.starts):
            raise IndexError(f"clean span {start}:{end} out of range 0:{len(self.starts)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_clean_index(self, raw_index: int) -> int:
        """Clean index of the character whose raw span holds raw_index (or the next one)."""
        if not 0 <= raw_index <= self.raw_length:
            raise IndexError(f"raw index {raw_index} out of range 0:{self.raw_length}")
        return bisect.bisect_right(self.ends, raw_index)

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """Smallest clean span whose characters touch the raw span [start, end)."""
        cs = self.to_clean_index(start)
        if end <= start:
            return cs, cs
        ce = bisect.bisect_left(self.starts, end)
        return cs, max(cs, ce)

    def to_json(self) -> dict:
        return {"starts": list(self.starts), "ends": list(self.ends), "raw_length": self.raw_length}

    @classmethod
    def from_json(cls, data: dict) -> OffsetMap:
        return cls(tuple(data["starts"]), tuple(data["ends"]), int(data["raw_length"]))


def _same(a: Sequence[int], b: Sequence[int]) -> bool:
    if type(a) is type(b):
        return a == b
    return len(a) == len(b) and tuple(a) == tuple(b)


@dataclass(frozen=True, slots=True)
class Repaired:
    clean: str
    offsets: OffsetMap
    # Human-readable notes: glosses removed, clauses repaired, U+FFFD left.
    report: dict = field(default_factory=dict)


def repair(raw: str) -> Repaired:
    """Remove pinyin glosses and restore byte-shifted GBK runs (TEXT-DAMAGE.md)."""
    from core import repair as _repair

    return _repair.repair(raw)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("tw2s")


def simplified_view(clean: str) -> str:
    """OpenCC traditional→simplified copy with exactly len(clean) code points."""
    converted = _t2s().convert(clean)
    if len(converted) == len(clean):
        return converted
    # A phrase conversion changed length somewhere: convert per character.
    convert = _t2s().convert
    out = []
    for ch in clean:
        c = convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=16384)
def simplified_term(term: str) -> str:
    """simplified_view of a short text such as an entity, cached: the same names recur."""
    return simplified_view(term)


def looks_traditional(text: str) -> bool:
    """True when a noticeable share of Han characters change under t2s."""
    han = [c for c in text[:5000] if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return False
    simplified = simplified_view("".join(han))
    changed = sum(a != b for a, b in zip(han, simplified, strict=True))
    return changed / len(han) > 0.03


def utf16_index(text: str, index: int) -> int:
    """Qt (UTF-16) position of the code-point index in text."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def codepoint_index(text: str, utf16_pos: int) -> int:
    """Code-point index of a Qt (UTF-16) position; a position inside a pair rounds down."""
    units = 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > utf16_pos:
            return i
        units += width
    return len(text)


class Utf16Map:
    """Fast repeated conversions for one text (long articles, many highlights)."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]
        self._length = len(text)

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def to_codepoint(self, pos: int) -> int:
        n = bisect.bisect_right(self._astral_utf16, pos - 1)
        # n astral characters start before pos; a pos in the middle of one rounds down.
        if n and self._astral_utf16[n - 1] == pos - 1:
            return self._astral[n - 1]
        return min(pos - n, self._length)
