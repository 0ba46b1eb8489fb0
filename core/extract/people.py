"""PERSON by rule (bylines, names after titles or before speech verbs) and the tagger's names.

The statistical tagger proposes most names; these rules add the ones news
structure makes certain — the names after 记者/通讯员/副部长 in a byline or a
title chain (赵庆川韩哲 is two names), a name before 说/表示, a name before
博士 — and repeat every found name wherever it occurs again in the article.
"""

from __future__ import annotations

import re

from core.extract import gazetteer
from core.extract.combine import PRIO_RULE, PRIO_STRONG, Cand
from core.extract.tagger_features import PROPER_NOUN_TAGS, everyday_word, jieba_lexicon
from core.model import Label

# Characters that end a run of names (verbs and function words after a name).
_NAME_STOP = set("说率陪等在是的了和与也都就还又将对从向为被把于因以所及仍正带已曾到去会要摄讯记")
_STOP_WORDS = re.compile(
    r"表示|介绍|指出|强调|认为|称|透露|坦言|告诉|陪同|一行|同志|博士|教授|先生|女士|报道|报导|摄影|应邀|谈到|谈及"
)
# Nouns that introduce a person without being a TITLE (GUIDELINES' "not" list).
INTRO_RE = re.compile(r"工作人员|负责人|领导|网友|村民|市民|居民|员工|职工|客商|党员|群众|专家|博士|硕士")
SPEECH_RE = re.compile(r"(?=(?:说|表示|介绍|指出|强调|认为|称|透露|坦言|告诉记者))")
HONORIFIC_RE = re.compile(r"(?=(?:博士|教授|先生|女士|同志|院士|老人|师傅))")
# Characters of organisation words, not of given names (国家, 国务院, 党委 …).
_NOT_NAME = re.compile(r"[家院部委局会省市县区厅处所司办社党团队校府央]")
_BOUNDARY = set("，。；：、！？“”‘’（）()《》,.;:!? \n\t\u3000")
_COMMON_FREQ = 50  # a common word this frequent in jieba's dictionary is not a given name
_COMMON_NAME_FREQ = 5000  # above 邓小平 (4,055): 明白 (10,875) is a word, whatever its tag


def _common_word(head: str) -> bool:
    """True when jieba knows head as an everyday word.

    群众明白, 书记来信, 相信副主席: a surname-initial word that jieba tags as
    something other than a proper noun, or as a name far more frequent than
    any person's (明白 is tagged nr with frequency 10,875). Every proper-noun
    tag counts as a name: jieba tags foreign names as places often enough (普京 ns).
    """
    freq, tags = jieba_lexicon()
    tag = tags.get(head)
    if tag is None:
        return False
    count = freq.get(head, 0)
    return (tag not in PROPER_NOUN_TAGS and count >= _COMMON_FREQ) or count >= _COMMON_NAME_FREQ


def _everyday_start(head: str) -> bool:
    """村民曾经靠… holds no name 曾经靠: a frequent everyday word opens it (曾经 d)."""
    return everyday_word(head[:2], 2000)


def _segment(run: str) -> list[str] | None:
    """Split a run into 2–3 character names that each start with a surname; prefer 3."""
    single, double = gazetteer.surnames()
    best: dict[int, list[str] | None] = {len(run): []}
    for i in range(len(run) - 1, -1, -1):
        best[i] = None
        for size in (3, 2, 4):
            j = i + size
            if j > len(run) or best.get(j) is None:
                continue
            head = run[i:j]
            ok = head[:2] in double if size == 4 else head[0] in single or head[:2] in double
            if ok and not _common_word(head) and not (size == 3 and _everyday_start(head)):
                best[i] = [head] + best[j]
                break
    return best[0]


# Words that follow a title directly when no name does (总书记强调, 主席宣布, 记者了解到).
_VERB_START = re.compile(
    r"强调|宣布|指出|要求|主持|出席|会见|会晤|提出|作出|发表|考察|参加|视察|希望|来到|致电|致信|签署|批示|讲话|"
    r"回信|接见|访问|同|与|和|等|一行|们|从|在|到|对|向|也|都|还|就|为|了|是"
)


def _run_after(simp: str, pos: int, title_starts: set[int]) -> tuple[int, str]:
    """The Han run of possible names starting at pos (after optional spaces)."""
    while pos < len(simp) and simp[pos] in " \u3000":
        pos += 1
    if _VERB_START.match(simp, pos):
        return pos, ""
    end = pos
    while end < len(simp) and end - pos < 9 and "\u4e00" <= simp[end] <= "\u9fff":
        if end in title_starts or (end > pos and (simp[end] in _NAME_STOP or _STOP_WORDS.match(simp, end))):
            break
        end += 1
    return pos, simp[pos:end]


# Characters of transliterated foreign names (普里马科夫, 德兹乌班斯基): such a run is
# not cut into Chinese surname + given name; the tagger reads it whole.
_FOREIGN = re.compile(r"[斯夫基尔姆耶娃契诺维奇莎卡·•]")


def names_after(simp: str, anchors: list[int], title_starts: set[int]) -> list[Cand]:
    """Names right after titles and person-introducing nouns."""
    out = []
    for anchor in anchors:
        pos, run = _run_after(simp, anchor, title_starts)
        if len(run) < 2 or _FOREIGN.search(simp, pos, pos + len(run) + 1):
            continue
        names = _segment(run) or []  # a run that is not all names is not trusted
        if names and _word_across(simp, pos + len(run)):
            continue  # 总书记曾来到: 曾来 is no name, 来到 is a word
        for name in names:
            out.append(Cand(pos, pos + len(name), Label.PERSON, PRIO_STRONG))
            pos += len(name)
    return out


def _word_across(simp: str, end: int) -> bool:
    """Whether an everyday two-character word runs across end (来到 after 曾来)."""
    word = simp[end - 1:end + 1]
    return len(word) == 2 and everyday_word(word, 1000)


def names_before(simp: str, title_starts: set[int]) -> list[Cand]:
    """Names between a boundary and a speech verb, honorific or title (趙興表示, 杨丹红博士)."""
    out = []
    ends = {m.start() for m in SPEECH_RE.finditer(simp)} | {m.start() for m in HONORIFIC_RE.finditer(simp)}
    for end in ends | title_starts:
        for size in (3, 2):
            start = end - size
            if start < 0 or not (start == 0 or simp[start - 1] in _BOUNDARY):
                continue
            run = simp[start:end]
            if _NOT_NAME.search(run[1:]) or run in gazetteer.place_names():
                continue  # 国家主席, 国务院总理, 吉林省长: an organisation or a place before a title
            if all("\u4e00" <= ch <= "\u9fff" for ch in run) and _segment(run) == [run]:
                out.append(Cand(start, end, Label.PERSON, PRIO_RULE))
                break
    return out


# A person's name that names a doctrine (邓小平理论) is part of a name outside the scheme (5d).
_DOCTRINE = re.compile(r"理论|思想|主义")


def split_names(simp: str, start: int, end: int) -> list[tuple[int, int]]:
    """A tagger PERSON cut into the names it runs together (顾德章吴扬帆 → 顾德章 | 吴扬帆).

    Nothing is returned for a name that heads a doctrine (邓小平理论, GUIDELINES 5d).
    """
    if _DOCTRINE.match(simp, end):
        return []
    run = simp[start:end]
    if len(run) >= 5 and not _FOREIGN.search(run):
        names = _segment(run)
        if names and len(names) > 1:
            out, pos = [], start
            for name in names:
                out.append((pos, pos + len(name)))
                pos += len(name)
            return out
    return [(start, end)]


def find_people(simp: str, titles: list[Cand]) -> list[Cand]:
    title_starts = {c.start for c in titles}
    anchors = [c.end for c in titles] + [m.end() for m in INTRO_RE.finditer(simp)]
    found = names_after(simp, anchors, title_starts) + names_before(simp, title_starts)
    return found + repeat_names(simp, found)


def repeat_names(simp: str, found: list[Cand]) -> list[Cand]:
    """Every other occurrence of a name already found (楊丹紅 … 楊丹紅的心情)."""
    names = {simp[c.start:c.end] for c in found if c.label is Label.PERSON and c.end - c.start >= 2}
    if not names:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return [Cand(m.start(), m.end(), Label.PERSON, PRIO_RULE - 1) for m in pattern.finditer(simp)]
