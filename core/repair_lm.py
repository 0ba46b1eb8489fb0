"""A small language model that ranks candidate repairs of a damaged clause.

Word frequencies come from jieba's dictionary (read directly: no jieba
initialisation, no log output). A text's score is the log probability of its
best segmentation into dictionary words, computed on its simplified form, plus
penalties for things a clean traditional article does not contain.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from core.repair_tables import is_pua, is_simplified_only, to_simplified

MAX_WORD = 4
# Characters that cannot be right: PUA, U+FFFD, control bytes.
BAD_CHAR_PENALTY = 30.0
SIMPLIFIED_PENALTY = 8.0
UNBALANCED_PENALTY = 4.0
PAIRS = {"(": ")", "“": "”", "（": "）", "《": "》"}


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    """Word -> log probability, and the log probability of an unknown character."""
    import jieba

    with jieba.get_dict_file() as handle:
        text = handle.read().decode("utf-8")
    counts = {w: int(c) for w, c in re.findall(r"^(\S{1,%d}) (\d+)" % MAX_WORD, text, re.M)}
    total = sum(counts.values())
    log_total = math.log(total)
    logp = {w: math.log(c) - log_total for w, c in counts.items() if c > 0}
    return logp, -log_total - 2.0


def warm_up() -> None:
    """Load the dictionary now (for benchmarks and workers)."""
    _model()


def segment_score(text: str) -> float:
    """Log probability of the best segmentation of text into dictionary words."""
    logp, unknown = _model()
    simple = "".join(to_simplified(c) for c in text)
    n = len(simple)
    best = [0.0] * (n + 1)
    for i in range(n - 1, -1, -1):
        score = best[i + 1] + logp.get(simple[i], unknown)
        for j in range(i + 2, min(n, i + MAX_WORD) + 1):
            p = logp.get(simple[i:j])
            if p is not None and p + best[j] > score:
                score = p + best[j]
        best[i] = score
    return best[0]


def penalties(text: str, traditional: bool) -> float:
    """What the segmentation score does not see: impossible or foreign characters."""
    total = 0.0
    for ch in text:
        if is_pua(ch) or ch == "\ufffd" or (ch < " " and ch not in "\n\t"):
            total += BAD_CHAR_PENALTY
        elif traditional and ch > "\u4e00" and is_simplified_only(ch):
            total += SIMPLIFIED_PENALTY
    return total


def balance_penalty(text: str) -> float:
    """Unmatched brackets and quotes, counted in text with its context."""
    closers = {v: k for k, v in PAIRS.items()}
    stack: list[str] = []
    bad = 0
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in closers:
            if stack and stack[-1] == closers[ch]:
                stack.pop()
            else:
                bad += 1
    return UNBALANCED_PENALTY * (bad + len(stack))


def score(before: str, text: str, after: str, traditional: bool) -> float:
    """Score of text between its (fixed) context; higher is better."""
    whole = before + text + after
    return segment_score(whole) - penalties(text, traditional) - balance_penalty(whole)
