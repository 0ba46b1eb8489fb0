"""Per-character CRF features for the name tagger, built once per sentence.

Features are plain strings (crfsuite attributes with value 1.0). Each
template is one list comprehension over precomputed per-sentence arrays, so
the Python cost stays a few hundred nanoseconds per character: char n-grams
in a ±2 window, character type, the jieba word around the character (its
B/M/E/S position, length, the dictionary's default POS tag, the tags of the
neighbouring words) and the name suffixes the word ends with.

Change anything here and the shipped model must be retrained: the feature
strings are the model's vocabulary (FEATURE_VERSION is stored in its name).
"""

from __future__ import annotations

import logging
from functools import lru_cache

FEATURE_VERSION = "f1"

# Full-width ASCII (！ to ～) and the ideographic space fold to ASCII so MSRA's
# full-width digits and news text's half-width digits share features.
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

ORG_SUFFIXES = (
    "有限公司", "委员会", "研究院", "研究所", "办公室", "管委会", "集团", "公司", "大学",
    "学院", "中学", "小学", "银行", "医院", "协会", "学会", "政府", "法院", "检察院",
    "部", "局", "厅", "署", "委", "会", "院", "所", "社", "台", "报", "队", "党", "军", "组",
)
LOC_SUFFIXES = (
    "自治区", "开发区", "经开区", "高新区", "新区", "省", "市", "县", "区", "镇", "乡",
    "村", "州", "盟", "旗", "街", "路", "道", "岛", "山", "河", "江", "湖", "海", "港",
)
_PAD = "^"
_END = "$"


@lru_cache(maxsize=1)
def _jieba():
    """jieba with its logger silenced and its dictionary loaded, plus the POS table."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt, jieba.posseg.dt.word_tag_tab


WordArrays = tuple[list[str], list[str], list[str], list[str], list[str]]
_TYPES: dict[str, str] = {}


def _type_of(ch: str) -> str:
    _TYPES[ch] = t = _char_type(ch)
    return t


def _char_type(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch > "\uffff":
        return "H"
    if ch.isdigit():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "A"
    if ch.isspace():
        return "S"
    return "P"


@lru_cache(maxsize=4096)
def _word_info(word: str) -> tuple[str, str]:
    """(POS tag from jieba's dictionary or '?' for a new word, suffix class)."""
    tag = _jieba()[1].get(word, "?")
    suffix = "-"
    if len(word) > 1:
        for s in ORG_SUFFIXES:
            if word.endswith(s):
                suffix = "O" + s
                break
        else:
            for s in LOC_SUFFIXES:
                if word.endswith(s):
                    suffix = "L" + s
                    break
    return tag, suffix


def _word_arrays(text: str) -> WordArrays:
    """Per character: position+length in its word, its word's tag, suffix, prev/next tags."""
    tokenizer = _jieba()[0]
    words = tokenizer.lcut(text)
    infos = [_word_info(w) for w in words]
    tags = [t for t, _ in infos]
    pos, wtag, sfx, prev_tag, next_tag = [], [], [], [], []
    n = len(words)
    for k, w in enumerate(words):
        size = len(w)
        t, s = infos[k]
        pt = tags[k - 1] if k else _PAD
        nt = tags[k + 1] if k + 1 < n else _END
        if size == 1:
            pos.append("S")
        else:
            ln = str(min(size, 6))
            pos.extend(["B" + ln] + ["M" + ln] * (size - 2) + ["E" + ln])
        wtag.extend([t] * size)
        sfx.extend([s] * size)
        prev_tag.extend([pt] * size)
        next_tag.extend([nt] * size)
    return pos, wtag, sfx, prev_tag, next_tag


def word_arrays(text: str) -> WordArrays:
    """Word-level arrays for a whole text; slice them per sentence."""
    return _word_arrays(text)


def sentence_features(text: str, words: WordArrays | None = None) -> list[list[str]]:
    """One list of feature strings per character of `text` (a short sentence).

    `words` are the word arrays of this exact span (sliced from the article's
    arrays); when omitted they are computed from `text` alone.
    """
    folded = text.translate(_FOLD)
    pos, wtag, sfx, ptag, ntag = words if words is not None else _word_arrays(text)
    types = [_TYPES.get(ch) or _type_of(ch) for ch in folded]
    c = [_PAD, _PAD, *folded, _END, _END]
    ty = [_PAD, *types, _END]
    return [
        [
            "c0" + c0, "c-1" + l1, "c1" + r1, "c-2" + l2, "c2" + r2,
            "b-1" + l1 + c0, "b0" + c0 + r1, "b-2" + l2 + l1, "b1" + r1 + r2,
            "t" + l1 + c0 + r1, "y" + yl + y0 + yr,
            "p" + p, "w" + p[0] + wt, "s" + p[0] + sf, "q" + pt + "|" + wt + "|" + nt,
            "pc" + p + c0,
        ]
        for l2, l1, c0, r1, r2, yl, y0, yr, p, wt, sf, pt, nt in zip(
            c, c[1:], c[2:], c[3:], c[4:], ty, ty[1:], ty[2:], pos, wtag, sfx, ptag, ntag
        )
    ]
