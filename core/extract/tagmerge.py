"""The statistical tagger's spans, checked by the rules before they compete (combine.resolve).

The tagger proposes names; the rules know boundaries and the guidelines'
exclusions. So a tagger ORG ending in a known suffix gets the rules' left
boundary (加强党群服务中心 → no name), generic references are dropped
(区财政, 招商部门, 我区), a PERSON never includes a title (记者王志强 → 王志强)
or punctuation, and an ORG/LOC chain ending in an ORG becomes one ORG
(德州经济技术开发区 + 综合委员会, GUIDELINES rule 1).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from core.extract import gazetteer
from core.extract.combine import PRIO_RULE, PRIO_TAGGER, Cand
from core.extract.leftext import HARD_STOP_CHARS, extend_left, trim_lead
from core.extract.people import split_names
from core.extract.rules import (
    ABBREVIATIONS,
    COMPANY_SUFFIXES,
    GENERIC_ORGS,
    JOINING_WORDS,
    ORG_SUFFIX_RE,
    ZONE_SUFFIX_RE,
    _inside_common_word,
    foreign_country,
    generic_places,
    org_body_ok,
)
from core.extract.tagger_features import ORG_SUFFIXES, jieba_lexicon
from core.model import Label

KINDS = {"PERSON": Label.PERSON, "PER": Label.PERSON, "ORG": Label.ORG, "LOC": Label.LOC}
_GENERIC_ORG_RE = re.compile(
    r"(?:区|市|县|镇|乡|省|各|该|当地|我区|全区)?(?:财政|[^，。]{0,4}部门|督查组|党组织|政府|党委|组委会)"
)
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff·•]+")


def tagger_cands(simp: str, spans, titles: list[Cand]) -> list[Cand]:
    """The tagger's spans as candidates below the rules and above the place gazetteer."""
    title_cover = {i for c in titles for i in range(c.start, c.end)}
    generic = generic_places()
    raw = []
    for start, end, kind in spans:
        label = KINDS.get(kind)
        if label is None or simp[start:end] in generic or (
                label is not Label.LOC and _generic_org(simp[start:end])):  # 西部 is a region (5c)
            continue
        if label is not Label.PERSON:
            start, end = _name_part(simp, start, end, label)
            if start is None:
                continue
        if label is Label.PERSON:
            while start < end and start in title_cover:  # 记者王志强 → 王志强
                start += 1
            if _opens_with_place(simp, start, end) or (
                    end - start == 2 and simp[start] in ABBREVIATIONS and simp[start + 1] in "军方"):
                continue  # 从江苏江都抽引: 江苏江 is no name; 乌军, 俄方 are armies and sides
            if (end - start < 2 or any(i in title_cover for i in range(start, end))
                    or not _NAME_CHARS.fullmatch(simp, start, end)):
                continue
            raw.extend(Cand(s, e, label, PRIO_TAGGER) for s, e in split_names(simp, start, end))
            continue
        elif label is Label.LOC and _inside_known_place(simp, start, end):
            continue  # 粤港|澳大湾区: the gazetteer knows 粤港澳大湾区 whole
        elif label is Label.LOC and len(pieces := _place_chain(simp, start, end)) > 1:
            raw.extend(Cand(s, e, label, PRIO_TAGGER) for s, e in pieces)  # 新疆|喀什 (GUIDELINES 5c)
            continue
        elif label is Label.ORG and gazetteer.is_place(simp[start:end]):
            label = Label.LOC  # a team called by its country or province (荷兰、德国): the place
        elif label is Label.ORG:
            if any(i in title_cover for i in range(start + 1, end)):
                continue  # 美联储副主席称美银行: a title inside is a sentence, not a name
            start = _org_start(simp, start, end)
            if start is None:
                continue
        raw.append(Cand(start, end, label, PRIO_TAGGER))
    return raw + _chains(sorted(raw))


# Words that end no organisation name: 党中央决策部署 is 党中央, 中央经济工作会议 is an event.
_NOT_ORG_TAIL = re.compile(r"(?:决策|部署|精神|要求|号召|指示|思想|战略|方针|讲话|工作会议)+$")
# jieba tags of everyday words that are no name: a tagger ORG or LOC that is such a word is
# dropped (长治久安 l; for places also nouns: 地球, 月球). 申花队 (n) stays an ORG, 西部 (f) a LOC.
_WORD_TAGS = frozenset("l i v vn a ad an d c p u r".split())
# No organisation: events (GUIDELINES 5d: 第十五届全国运动会, 进博会, 中共二十大) and networks of
# roads, pipes or rivers (国家电网 is one, so 电网 is not here).
_NOT_ORG_END = re.compile(r"(?:运动会|奥运会|残奥会|特奥会|亚运会|博览会|进博会|展览会|交易会|广交会|洽谈会|推介会|"
                          r"发布会|座谈会|研讨会|峰会|锦标赛|联赛|开幕式|闭幕式|"
                          r"[一二三四五六七八九十]+大|[一二三四五六七八九十]+届[一二三四五六七]中全会|"
                          r"交通网|路网|管网|水网|航线网|物流网)$")


def _name_part(simp: str, start: int, end: int, label: Label) -> tuple[int | None, int]:
    """The part of a tagger ORG or LOC that is a name, (None, end) when there is none:
    no event, no everyday word (长治久安, 援疆), no 中华 of 中华民族, no trailing 决策部署."""
    freq, tags = jieba_lexicon()
    if label is Label.ORG:
        tail = _NOT_ORG_TAIL.search(simp, start, end)
        end = tail.start() if tail else end
        if end - start < 2 or _NOT_ORG_END.search(simp, start, end):
            return None, end
    if simp[start] in "援赴访驻" and end - start == 2:  # 援疆, 赴京: a verb and a place
        return None, end
    word = simp[start:end]
    if len(word) > 1 and freq.get(word) and (tags.get(word) in _WORD_TAGS or (
            label is Label.LOC and tags.get(word) == "n")):
        return None, end  # 长治久安, 地球
    if label is Label.LOC and word == "中华" and simp.startswith("民族", end):
        return None, end
    if label is Label.LOC and end - start <= 2 and _inside_common_word(simp, start, end, freq, tags):
        return None, end  # 太阳能's 太阳, 日产's 日
    if label is Label.LOC and end - start == 1 and word not in ABBREVIATIONS + "华":
        return None, end  # 残特奥会's 奥 is no place; 美, 黎, 京 are (5c)
    return start, end


def _opens_with_place(simp: str, start: int, end: int) -> bool:
    names = gazetteer.place_names()
    return any(simp[start:start + size] in names for size in (2, 3) if start + size < end)


def _inside_known_place(simp: str, start: int, end: int) -> bool:
    """Whether a gazetteer place of three or more characters strictly holds [start, end)
    (丹江|口 is 丹江口), or any place a single character (中 of 中国家电 is 中国)."""
    places = gazetteer.place_spans(simp) if end - start == 1 else _long_places(simp)
    return any(s <= start and end <= e and e - s > end - start for s, e in places)


@lru_cache(maxsize=4)
def _long_places(simp: str) -> tuple[tuple[int, int], ...]:
    return tuple((s, e) for s, e in gazetteer.place_spans(simp) if e - s >= 3)


@lru_cache(maxsize=4)
def _place_starts(simp: str) -> list[int]:
    return [s for s, _ in gazetteer.place_spans(simp)]


def _place_chain(simp: str, start: int, end: int) -> list[tuple[int, int]]:
    """The places a chain is made of (GUIDELINES 5c), else []: gazetteer places that tile
    [start, end) exactly (重庆|江津), or one that opens it before a named street, village or
    town (北京|草厂胡同). A zone stays whole (上海自贸区临港新片区, 德州经开区)."""
    places = gazetteer.place_spans(simp)
    i = bisect.bisect_left(_place_starts(simp), start)
    if i == len(places) or places[i][0] != start or places[i][1] >= end:
        return []
    pieces = []
    while i < len(places) and places[i][1] <= end:
        pieces.append(places[i])
        i += 1
    if pieces[-1][1] == end and all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False)):
        return pieces
    cut = pieces[0][1]
    rest = simp[cut:end]
    if len(rest) >= 3 and _LOCAL_PLACE_END.search(rest) and not ZONE_SUFFIX_RE.search(rest):
        return [(start, cut), (cut, end)]
    return []


_LOCAL_PLACE_END = re.compile(r"(?:胡同|街道|大街|社区|村|镇|乡|街|巷|里)$")


def _org_start(simp: str, start: int, end: int) -> int | None:
    """The tagger's ORG start, moved right to the rules' boundary when a suffix ends it."""
    suffix = None
    for m in ORG_SUFFIX_RE.finditer(simp, start, end):
        if m.end() == end:
            suffix = m
    if suffix is None:
        return start  # a name without a rule suffix (中石化): the tagger knows best
    rule_start = trim_lead(simp, extend_left(simp, suffix.start(), set(), min_body=2), suffix.start())
    start = max(start, rule_start)
    return start if org_body_ok(simp, start, suffix.start(), suffix.group()) else None


def _generic_org(text: str) -> bool:
    """区财政, 招商部门, 督查组, 党组织: references, not names (GUIDELINES 5b)."""
    return text in GENERIC_ORGS or bool(_GENERIC_ORG_RE.fullmatch(text))


def _chains(cands: list[Cand]) -> list[Cand]:
    """德州经济技术开发区 (LOC) + 综合委员会 (ORG) → one ORG (GUIDELINES rule 1)."""
    out = []
    i = 0
    while i < len(cands):
        j = i
        while (j + 1 < len(cands) and cands[j + 1].start == cands[j].end
               and cands[j + 1].label in (Label.ORG, Label.LOC) and cands[j].label in (Label.ORG, Label.LOC)):
            j += 1
        if j > i and cands[j].label is Label.ORG:
            out.append(Cand(cands[i].start, cands[j].end, Label.ORG, PRIO_RULE))
        i = j + 1
    return out


def longest_orgs(simp: str, cands: list[Cand], rule_cands: list[Cand]) -> list[Cand]:
    """A tagger ORG that holds a rule ORG and reaches past it wins over it (GUIDELINES rule 1).

    The suffix rules and the ORG gazetteer see 联合国 in 联合国开发计划署 and
    剑桥大学 in 剑桥大学中国留学生联谊会; the tagger reads the whole name, when
    it reads a clean one (_clean_org); a rule's title or project there stands
    (山东师范大学|党委常委).
    """
    orgs = [(c.start, c.end) for c in rule_cands if c.label is Label.ORG]
    others = [(c.start, c.end) for c in rule_cands if c.label is not Label.ORG]
    out = []
    for cand in cands:
        if (cand.label is Label.ORG and _clean_org(simp, cand)
                and any(cand.start <= s and e <= cand.end and e - s < cand.end - cand.start for s, e in orgs)
                and not any(s < cand.end and cand.start < e for s, e in others)):
            cand = cand._replace(prio=PRIO_RULE + 1)
        out.append(cand)
    return out


# Characters a sentence puts between names and an organisation never holds (愿同, 暂不).
_NOT_IN_ORG = frozenset(HARD_STOP_CHARS | set("不愿暂"))


def _clean_org(simp: str, cand: Cand) -> bool:
    """Whether a tagger ORG may override the rules: it ends in an organisation word, holds no
    function character, and is no foreign company with its nationality (德国|西门子公司, 5e)."""
    if (not simp.endswith(ORG_SUFFIXES, cand.start, cand.end)
            or simp.startswith("长", cand.end)  # 金砖国家农业部|长会议: the 部 opens 部长
            or any(ch in _NOT_IN_ORG for ch in simp[cand.start:cand.end])
            or JOINING_WORDS.search(simp, cand.start, cand.end)):  # 财政部会同农业农村部
        return False
    company = simp.endswith(COMPANY_SUFFIXES, cand.start, cand.end)
    return not (company and foreign_country(simp, cand.start, cand.end))
