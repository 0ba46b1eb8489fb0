"""Word lists of the engine (resources/gazetteer/*.txt), loaded once through the package.

Each list is plain text: one or more whitespace-separated words a line, `#`
starts a comment line. Lists are turned into regex alternations sorted longest
first, so one `finditer` over the whole article finds every entry — far
cheaper than a Python loop per character.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The words of resources/gazetteer/<name>.txt."""
    text = resources.files("resources").joinpath("gazetteer", f"{name}.txt").read_text("utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        out.update(line.split())
    return frozenset(out)


def alternation(items) -> str:
    """A regex matching any of items, longest first, factored as a trie.

    Python's re tries every branch of a flat alternation at every position;
    with thousands of place names that dominated analyze(). A trie shares
    prefixes, so a position that starts no word fails after one character.
    """
    trie: dict = {}
    for word in set(items):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_pattern(trie) or "(?!)"


def _trie_pattern(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _trie_pattern(node[ch]))
    if not branches:
        return ""
    # Longer continuations first so that the longest word wins; the end marker makes it optional.
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


# Prefixes that compose with any base title (副部长, 常务副市长, 首席记者 …).
TITLE_PREFIXES = ("常务副", "副", "常务", "执行", "首席", "名誉", "代理", "高级", "资深", "总")

TITLE_DOMAINS = (
    "营销", "销售", "理财", "设计", "项目", "市场", "财务", "技术", "艺术", "创意", "策划", "业务", "行政",
    "人力资源", "产品", "客户", "区域", "大区", "品牌", "运营", "投资", "研发", "公关", "采购", "招商",
)

# Title words that are also the start of ordinary words (委员会, 主席台, 主任科员
# is handled by longest match): a title must not run on into these characters.
_TITLE_STOP_AFTER = "会处站台团室局部厅队组单"
# A title ending in 长 must not be the start of 长期, 长江 … (园区长期 ≠ 区长).
_LONG_STOP_AFTER = "期久远达大江城廊河沙春治足效"


@lru_cache(maxsize=1)
def title_regex() -> re.Pattern:
    """TITLE candidates: optional prefix + a base title, with guards after it."""
    bases = words("titles") - words("not_titles")
    prefix = alternation(TITLE_PREFIXES)
    # The 长-guard needs to know the last character, so split the bases.
    long_titles = [b for b in bases if b.endswith("长")]
    other = [b for b in bases if not b.endswith("长")]
    # 营销总监, 销售经理, 理财经理: a business domain before a manager word is part of the title.
    domain = alternation(TITLE_DOMAINS)
    managed = alternation(("经理", "总监", "主管", "总裁", "专员", "助理"))
    pattern = (
        f"{domain}(?:副)?{managed}|"
        f"(?:{prefix})?(?:{alternation(long_titles)}(?![{_LONG_STOP_AFTER}{_TITLE_STOP_AFTER}])"
        f"|{alternation(other)}(?![{_TITLE_STOP_AFTER}]))"
    )
    # Positions that start no title fail on one character-class test.
    firsts = "".join(sorted({w[0] for w in (*bases, *TITLE_PREFIXES, *TITLE_DOMAINS)}))
    return re.compile(f"(?=[{re.escape(firsts)}])(?:{pattern})")


class WordMatcher:
    """Leftmost-longest, non-overlapping matches of a large word list, like finditer.

    Python's re tests the branches of a big alternation one after another at
    every position, which made 4,000 place names the slowest step of analyze.
    Here a character class finds the positions where a word can start, and a
    set lookup per possible length decides; an optional `suffix` regex may
    extend a match (德州 + 市).
    """

    def __init__(self, items, suffix: str | None = None) -> None:
        items = {w for w in items if w}
        self.words = frozenset(items)
        self.singles = frozenset(w for w in items if len(w) == 1)
        lengths: dict[str, set[int]] = {}
        for w in items:
            if len(w) > 1:
                lengths.setdefault(w[:2], set()).add(len(w))
        # The lengths of the words each two-character prefix opens, longest first.
        self.by_prefix = {p: sorted(sizes, reverse=True) for p, sizes in lengths.items()}
        firsts = "".join(sorted({w[0] for w in items}))
        seconds = "".join(sorted({w[1] for w in items if len(w) > 1}))
        # A position is worth a look only when its two characters could open a word.
        starts = f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])" if not self.singles else f"[{re.escape(firsts)}]"
        self.starts = re.compile(starts)
        self.suffix = re.compile(suffix) if suffix else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos, words, by_prefix = 0, self.words, self.by_prefix
        search = self.starts.search
        while True:
            m = search(text, pos)
            if not m:
                return out
            i = m.start()
            end = 0
            for length in by_prefix.get(text[i:i + 2], ()):
                if i + length <= len(text) and text[i:i + length] in words:  # a slice past the end is short
                    end = i + length
                    break
            if not end and text[i] in self.singles:
                end = i + 1
            if not end:
                pos = i + 1
                continue
            if self.suffix:
                more = self.suffix.match(text, end)
                end = more.end() if more else end
            out.append((i, end))
            pos = end


@lru_cache(maxsize=4)
def place_spans(text: str) -> tuple[tuple[int, int], ...]:
    """place_matcher().spans(text), computed once per text for the rules and the tagger merge."""
    return tuple(place_matcher().spans(text))


@lru_cache(maxsize=1)
def place_matcher() -> WordMatcher:
    """The LOC gazetteer as a fast matcher (德州, 德州市, 广西壮族自治区)."""
    return WordMatcher(words("places"), PLACE_SUFFIX)


PLACE_SUFFIX = "特别行政区|自治区|自治州|自治县|省|市|县"
_PLACE_SUFFIX_END = re.compile(f"(?:{PLACE_SUFFIX})$")


def is_place(text: str) -> bool:
    """Whether text is a gazetteer name, optionally with its administrative suffix (德州市)."""
    names = place_names()
    if text in names:
        return True
    suffix = _PLACE_SUFFIX_END.search(text)
    return bool(suffix) and text[:suffix.start()] in names


def place_prefix(text: str) -> int:
    """The end of the longest gazetteer name (with its suffix) that opens text, else 0."""
    spans = place_matcher().spans(text[:24])
    return spans[0][1] if spans and spans[0][0] == 0 else 0


@lru_cache(maxsize=1)
def country_regex() -> re.Pattern:
    """Country names (resources/gazetteer/countries.txt)."""
    return re.compile(alternation(words("countries")))


@lru_cache(maxsize=1)
def org_regex() -> re.Pattern:
    """Known organisation names (resources/gazetteer/orgs.txt)."""
    return re.compile(alternation(words("orgs")) + "(?![门局厅处])")  # 民政部门 is generic


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    return words("places")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, two-character surnames)."""
    all_names = words("surnames")
    return (
        frozenset(w for w in all_names if len(w) == 1),
        frozenset(w for w in all_names if len(w) == 2),
    )
