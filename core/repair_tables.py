"""Lookup tables for the text repair: GBK byte pairs, pinyin readings, script tests.

Everything is built lazily on first use, so importing the repair costs nothing
for text that turns out to be clean (TEXT-DAMAGE.md, section 3, fast path).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache, lru_cache
from pathlib import Path

# Letters pypinyin writes in TONE style (checked against pypinyin in the tests).
PINYIN_LETTERS = "a-zàáèéêìíòóùúüāēěīńňōūǎǐǒǔǘǚǜǹḿếề\u0300\u0304\u030c"
SYLLABLE_RE = re.compile(f"[{PINYIN_LETTERS}]+")
# A '(' that opens something pinyin-like: the only thing worth a closer look.
GLOSS_START_RE = re.compile(f"\\([{PINYIN_LETTERS}]")

LEAD_BYTES = range(0x81, 0xFF)


def is_trail(byte: int) -> bool:
    """True for a byte that can end a two-byte GBK/GB18030 character."""
    return 0x40 <= byte <= 0xFE and byte != 0x7F


def is_pua(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


@cache
def pair_char(lead: int, trail: int) -> str | None:
    """The character GB18030 gives the byte pair, or None when it is no pair."""
    if not (0x81 <= lead <= 0xFE and is_trail(trail)):
        return None
    return bytes((lead, trail)).decode("gb18030")


@lru_cache(maxsize=1)
def _pinyin_dict() -> dict[int, str]:
    """pypinyin's character readings, without importing the rest of pypinyin (slow)."""
    loaded = sys.modules.get("pypinyin.pinyin_dict")
    spec = None if loaded else importlib.util.find_spec("pypinyin")
    if spec is not None and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "pinyin_dict.py"
        if path.exists():
            file_spec = importlib.util.spec_from_file_location("_pizhu_pinyin_dict", path)
            loaded = importlib.util.module_from_spec(file_spec)
            file_spec.loader.exec_module(loaded)
    if loaded is None:  # a frozen bundle: the ordinary way
        from pypinyin import pinyin_dict as loaded
    return loaded.pinyin_dict


@cache
def readings(ch: str) -> tuple[str, ...]:
    """pypinyin's readings of one character, its default reading first."""
    if len(ch) != 1:
        return ()
    value = _pinyin_dict().get(ord(ch))
    return tuple(value.split(",")) if value else ()


def default_reading(ch: str) -> str | None:
    found = readings(ch)
    return found[0] if found else None


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every syllable pypinyin can write, with or without tone mark."""
    return frozenset(r for v in _pinyin_dict().values() for r in v.split(","))


def is_syllable(text: str) -> bool:
    return text in syllables()


@lru_cache(maxsize=1)
def _pairs_by_reading() -> dict[tuple[str, bool], tuple[tuple[int, int], ...]]:
    """(default reading, glossable) -> every GBK byte pair whose character has it.

    Glossable characters are those whose simplified form differs: the only ones
    an annotator glosses (TEXT-DAMAGE.md 1), so they are tried first.
    """
    glossable = set(traditional_gbk_chars())
    table: dict[tuple[str, bool], list[tuple[int, int]]] = {}
    for lead in LEAD_BYTES:
        for trail in range(0x40, 0xFF):
            ch = pair_char(lead, trail)
            reading = default_reading(ch) if ch else None
            if reading:
                table.setdefault((reading, ch in glossable), []).append((lead, trail))
    return {k: tuple(v) for k, v in table.items()}


@cache
def _pairs_any_reading(reading: str) -> tuple[tuple[int, int], ...]:
    """Pairs for which reading is any (not only the default) reading."""
    out = []
    for lead in LEAD_BYTES:
        for trail in range(0x40, 0xFF):
            ch = pair_char(lead, trail)
            if ch and reading in readings(ch):
                out.append((lead, trail))
    return tuple(out)


def pairs_reading(reading: str, glossable: bool = True) -> tuple[tuple[int, int], ...]:
    """Byte pairs read `reading` by default, of glossable characters if asked.

    Without glossable pairs, any character's pair; then any reading as a last resort.
    """
    table = _pairs_by_reading()
    return (
        (glossable and table.get((reading, True)))
        or table.get((reading, True), ()) + table.get((reading, False), ())
        or _pairs_any_reading(reading)
    )


def pair_reads(lead: int, trail: int, reading: str) -> bool:
    ch = pair_char(lead, trail)
    return ch is not None and reading in readings(ch)


@cache
def encode(ch: str) -> bytes:
    """GB18030 bytes of one character (lossless, PUA included); b"" for a lone surrogate."""
    try:
        return ch.encode("gb18030")
    except UnicodeEncodeError:
        return b""


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("tw2s"), opencc.OpenCC("s2t")


@cache
def to_simplified(ch: str) -> str:
    """One character in simplified script (the LM's dictionary is simplified)."""
    out = _convert(0, ch)
    return out if len(out) == 1 else ch


@cache
def is_simplified_only(ch: str) -> bool:
    """A simplified form that a traditional article would not contain."""
    return _convert(0, ch) == ch and _convert(1, ch) != ch


@cache
def is_variant(ch: str) -> bool:
    """A traditional variant (傢 for 家) that standard traditional text does not use."""
    simple = _convert(0, ch)
    return simple != ch and len(simple) == 1 and _convert(1, simple) == simple


def _convert(which: int, text: str) -> str:
    """OpenCC tw2s (0) or s2t (1); text OpenCC cannot take (a lone surrogate) stays."""
    try:
        return _converters()[which].convert(text)
    except UnicodeError:
        return text


@lru_cache(maxsize=1)
def traditional_gbk_chars() -> tuple[str, ...]:
    """GBK characters whose simplified form differs: what an annotator glosses."""
    chars = []
    for lead in LEAD_BYTES:
        for trail in range(0x40, 0xFF):
            ch = pair_char(lead, trail)
            if ch and not is_pua(ch) and default_reading(ch):
                chars.append(ch)
    # One conversion call for all of them; newlines keep phrases from forming.
    simple = _converters()[0].convert("\n".join(chars)).split("\n")
    if len(simple) != len(chars):
        simple = [_converters()[0].convert(ch) for ch in chars]
    return tuple(sorted({c for c, s in zip(chars, simple, strict=True) if s != c}))
