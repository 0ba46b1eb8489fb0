"""Per-character CRF features for the name tagger, built once per sentence.

Features are plain strings (crfsuite attributes with value 1.0); every one
costs time three times (built here, converted by pycrfsuite, looked up by
crfsuite), so there are few and each is informative: char n-grams in a ±2
window and lexicon features from jieba's dictionary. The lexicon word around
each character comes from forward maximum matching on jieba's dictionary
(three times cheaper than jieba.lcut, which dominated the tagger's time): its
B/M/E/S position and length, its default POS tag from the dictionary (no slow
posseg), the name suffix it ends with (公司, 大学, 委员会 …; 省, 市, 县 …) and
the tags of the words either side. Dropping a character-type trigram and a
position+character feature cost nothing on MSRA held-out or People's Daily
and made the tagger ~20% faster (bench/train_tagger.md).

Change anything here and the shipped model must be retrained: the feature
strings are the model's vocabulary (FEATURE_VERSION is part of its name).
"""

from __future__ import annotations

from functools import lru_cache

from core.extract.tagger_data import SENTENCE_ENDS

FEATURE_VERSION = "f3"
MAX_WORD = 4

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
def jieba_lexicon() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's word frequencies and default POS tags, loaded once (core.jieba_dict)."""
    from core.jieba_dict import lexicon

    return lexicon()


# jieba's proper-noun tags (person, place, organisation, other proper noun).
PROPER_NOUN_TAGS = frozenset("nr nrfg nrt ns nt nz".split())


def everyday_word(word: str, min_count: int) -> bool:
    """Whether jieba knows word, at least min_count times, as something other than a name."""
    freq, tags = jieba_lexicon()
    return freq.get(word, 0) >= min_count and tags.get(word) not in PROPER_NOUN_TAGS

WordArrays = tuple[list[tuple[str, ...]], list[str]]


def segment(text: str) -> list[str]:
    """Forward maximum matching on jieba's dictionary, words of at most MAX_WORD chars.

    jieba stores every prefix of a word (frequency 0), so the scan stops at the
    first fragment that is not even a prefix.
    """
    get = jieba_lexicon()[0].get
    words: list[str] = []
    i, n = 0, len(text)
    while i < n:
        best = i + 1
        stop = min(n, i + MAX_WORD)
        j = i + 2
        while j <= stop:
            found = get(text[i:j])
            if found is None:
                break
            if found:
                best = j
            j += 1
        words.append(text[i:best])
        i = best
    return words


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """A word's dictionary POS tag ('?' when absent) and its per-character features.

    Per character: position+length+tag and position+suffix class.
    """
    tag = jieba_lexicon()[1].get(word, "?")
    suffix = _suffix_class(word)
    size = len(word)
    if size == 1:
        positions = ["S"]
    else:
        ln = str(size)
        positions = ["B" + ln] + ["M" + ln] * (size - 2) + ["E" + ln]
    feats = tuple(
        ("w" + p + tag, "s" + p[0] + suffix) for p in positions
    )
    return tag, feats


def _suffix_class(word: str) -> str:
    # One C-level endswith(tuple) per class first: most words match neither,
    # and the per-suffix loop (to name which one) runs only for those that do.
    if len(word) > 1:
        if word.endswith(ORG_SUFFIXES):
            return "O" + next(s for s in ORG_SUFFIXES if word.endswith(s))
        if word.endswith(LOC_SUFFIXES):
            return "L" + next(s for s in LOC_SUFFIXES if word.endswith(s))
    return "-"


def word_arrays(text: str) -> WordArrays:
    """Lexicon features per character of a whole text; slice both lists per sentence.

    The first list holds each character's own word features, the second the
    tags of its word and the words either side.
    """
    words = segment(text.translate(_FOLD))
    if not words:
        return [], []
    infos = [_word_info(w) for w in words]
    tags = [t for t, _ in infos]
    # A sentence end closes the context, as in training on single sentences.
    ends = [w[-1] in SENTENCE_ENDS for w in words]
    prevs = [_PAD, *(_PAD if e else t for t, e in zip(tags, ends[:-1], strict=False))]
    afters = [*(_END if e else t for t, e in zip(tags[1:], ends, strict=False)), _END]
    contexts = [f"q{p}|{t}|{a}" for p, t, a in zip(prevs, tags, afters, strict=True)]
    own = [f for _, feats in infos for f in feats]
    context = [q for q, (_, feats) in zip(contexts, infos, strict=True) for _f in feats]
    return own, context


def sentence_features(text: str, words: WordArrays | None = None) -> list[list[str]]:
    """One list of feature strings per character of `text` (a short sentence).

    `words` are word_arrays() sliced to this exact span of the article; when
    omitted they are computed from `text` alone (training, one sentence).
    """
    folded = text.translate(_FOLD)
    own, context = words if words is not None else word_arrays(text)
    c = [_PAD, _PAD, *folded, _END, _END]
    return [
        [
            "c0" + c0, "c-1" + l1, "c1" + r1,
            "b-1" + l1 + c0, "b0" + c0 + r1, "b-2" + l2 + l1, "b1" + r1 + r2,
            "t" + l1 + c0 + r1, *w, q,
        ]
        for l2, l1, c0, r1, r2, w, q in zip(
            c, c[1:], c[2:], c[3:], c[4:], own, context, strict=False
        )
    ]
