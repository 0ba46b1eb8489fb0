"""Re-creating the damage of TEXT-DAMAGE.md on clean text, to test and time the repair.

The process, as found in the seeds: the traditional text is encoded in GBK;
for each character of the page's gloss list, in ascending code order, every
occurrence of its two bytes (aligned or not) gets "(reading)" appended; every
"。“"/"。”" loses its middle so that it reads "?!"; the bytes are decoded
greedily, a lead byte without a valid partner printing as '?' and eating a
following '('.
"""

from __future__ import annotations

import codecs
import random
import re

from core.repair_tables import default_reading, traditional_gbk_chars

# The seed pages have no full-width ，：；（）: they were folded to ASCII upstream.
FOLD = str.maketrans("，：；（）", ",:;()")
_QUOTE_RULE = re.compile(rb"\xa1\xa3\xa1([\xb0\xb1])")
_ERRORS = "pizhu-orphan"


def _orphan(exc: UnicodeDecodeError) -> tuple[str, int]:
    """A lead byte with no partner prints as '?'; a '(' right after it is lost."""
    pos = exc.start + 1
    if exc.object[pos : pos + 1] == b"(":
        pos += 1
    return "?", pos


def _orphan_keeps_paren(exc: UnicodeDecodeError) -> tuple[str, int]:
    """The same with a decoder that keeps the '(' (Python, ICU, iconv do)."""
    return "?", exc.start + 1


codecs.register_error(_ERRORS, _orphan)
codecs.register_error(_ERRORS + "-keep", _orphan_keeps_paren)


def gloss_list(rng: random.Random, rate: float = 0.5) -> list[str]:
    """A random page gloss list: a share of the characters whose simplified form differs."""
    return [ch for ch in traditional_gbk_chars() if rng.random() < rate]


def annotate(data: bytes, chars: list[str]) -> bytes:
    """Append "(reading)" after every occurrence of each character's bytes, in code order."""
    for ch in sorted(chars):
        code = ch.encode("gb18030")
        if code in data:
            data = data.replace(code, code + b"(" + default_reading(ch).encode("gb18030") + b")")
    return data


def damage(text: str, chars: list[str], eat_paren: bool = True) -> str:
    """The raw text a scraper would have produced from clean traditional text."""
    data = annotate(text.encode("gb18030"), chars)
    data = _QUOTE_RULE.sub(lambda m: b"\xa1!" + m.group(1), data)
    return data.decode("gb18030", errors=_ERRORS if eat_paren else _ERRORS + "-keep")


def to_traditional(text: str) -> str:
    """Simplified news text as a traditional page: OpenCC s2t, punctuation folded."""
    import opencc

    return opencc.OpenCC("s2t").convert(text).translate(FOLD)


def wrong_chars(expected: str, got: str) -> int:
    """Characters that differ between two texts (substituted, missing or extra)."""
    if expected == got:
        return 0
    import difflib

    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )
