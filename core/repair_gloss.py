"""Pinyin glosses such as 經(jīng): recognising them and stripping them from intact text.

A gloss is ASCII '(' + one pypinyin syllable + ')' (a later gloss may sit inside
an earlier one: "(yōu(zī))"). It is removed only when its syllable is a reading
of the GBK byte pair right before it in the byte stream: the character itself,
or the tail of the previous character plus an ASCII letter (TEXT-DAMAGE.md 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.repair_tables import (
    PINYIN_LETTERS,
    encode,
    is_syllable,
    is_trail,
    pair_char,
    pair_reads,
)

_L = PINYIN_LETTERS
GLOSS_RE = re.compile(rf"\(([{_L}]+)(?:\(([{_L}]+)\)([{_L}]*))?\)")
# A gloss after an orphan byte, its '(' eaten (as in the seeds) or kept (as most
# decoders do), or the "。“" damage.
TRIGGER_RE = re.compile(rf"\?(?:!|\(?([{_L}]+)(?:\(([{_L}]+)\)([{_L}]*))?\))")


@dataclass(frozen=True, slots=True)
class Gloss:
    start: int
    end: int
    reading: str


def match_gloss(raw: str, pos: int, endpos: int | None = None) -> Gloss | None:
    """The gloss opening at raw[pos] == '(' (nested inner gloss checked), or None."""
    m = GLOSS_RE.match(raw, pos, len(raw) if endpos is None else endpos)
    reading = _gloss_reading(m.group(0)) if m else None
    return Gloss(m.start(), m.end(), reading) if reading else None


@lru_cache(maxsize=8192)
def _gloss_reading(text: str) -> str | None:
    """The syllable of a gloss "(…)", or None when it is no pypinyin syllable."""
    head, inner, tail = GLOSS_RE.fullmatch(text).groups()
    reading = head + (tail or "")
    if not is_syllable(reading) or not _inner_ok(head, inner):
        return None
    return reading


def _inner_ok(head: str, inner: str | None) -> bool:
    """A nested gloss was inserted after a pair inside the outer gloss's own bytes."""
    if inner is None:
        return True
    pair = encode_text(head)[-2:]
    return is_syllable(inner) and len(pair) == 2 and pair_reads(pair[0], pair[1], inner)


def match_trigger(raw: str, pos: int) -> tuple[int, str | None] | None:
    """At raw[pos] == '?': (end, reading) of "?py)", (end, None) of "?!", else None."""
    m = TRIGGER_RE.match(raw, pos)
    if not m:
        return None
    head, inner, tail = m.groups()
    if head is None:
        return m.end(), None
    reading = head + (tail or "")
    if not is_syllable(reading) or not _inner_ok(head, inner):
        return None
    return m.end(), reading


def encode_text(text: str) -> bytes:
    return b"".join(encode(c) for c in text)


def pair_before(prev: str, prev2: str) -> tuple[int, int] | None:
    """The GBK byte pair ending with character prev (prev2 is the character before it)."""
    last = encode(prev)
    if len(last) == 2:
        return last[0], last[1]
    if len(last) == 1 and is_trail(last[0]) and prev2:
        before = encode(prev2)
        if len(before) >= 2:
            return before[-1], last[0]
    return None


def strip_glosses(raw: str, start: int, end: int, annotated: set[str]) -> list[Gloss]:
    """Glosses to remove from the intact text raw[start:end]; adds glossed chars to annotated."""
    removed: list[Gloss] = []
    ends_at: dict[int, int] = {}  # end of a removed gloss -> its start
    pos = start
    while m := GLOSS_RE.search(raw, pos, end):
        pos = m.start()
        k1 = ends_at.get(pos, pos) - 1  # the character before, skipping a removed gloss
        k2 = ends_at.get(k1, k1) - 1
        if k1 < 0:
            glossed = None
        else:  # the character before prev matters only when prev is ASCII
            prev2 = raw[k2] if k2 >= 0 and raw[k1] < "\x80" else ""
            glossed = _glossed(prev2, raw[k1], m.group(0))
        if glossed is None:
            pos += 1
            continue
        removed.append(Gloss(pos, m.end(), _gloss_reading(m.group(0))))
        ends_at[m.end()] = pos
        annotated.add(glossed)
        pos = m.end()
    return removed


@lru_cache(maxsize=65536)
def _glossed(prev2: str, prev: str, gloss: str) -> str | None:
    """The character a gloss text "(py)" after prev2 + prev stands for, if it is one."""
    reading = _gloss_reading(gloss)
    if reading is None:
        return None
    pair = pair_before(prev, prev2)
    if pair and pair_reads(pair[0], pair[1], reading):
        return pair_char(*pair)
    return None
