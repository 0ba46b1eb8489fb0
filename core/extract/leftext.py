"""Left boundaries of names that are found by their last word (…有限公司, …项目, …示范区).

A suffix rule knows where a name ends; where it starts is read leftwards
over Han characters until a hard stop (punctuation, digits, a function
character such as 在/与/的, a number or date found before) or a verb that
usually precedes a name (投资, 上马, 设立 …). A verb only stops the name when
at least two characters of body are already collected, so 德州园区开发投资有限公司
keeps its inner 投资 while 投资2.1亿元上马瓶装消毒剂泵头项目 stops at 上马.
Short quoted or bracketed inserts inside a name (天勤“双招双引”股权投资基金,
北方应急(医疗)救援综合示范区) are crossed when a name continues before them.
"""

from __future__ import annotations

import re

from core.extract.tagger_features import PROPER_NOUN_TAGS, jieba_lexicon

MAX_NAME = 30

# Characters that never occur inside the names the suffix rules look for.
HARD_STOP_CHARS = set("的在与和及由对向为是了将把被从等让使给于并或也都就还又而但其该此这那每我你他她它们之暨以按即仍已去非到赴携着甚至很几讯")
# Words that usually stand right before a name: they end it when the body is long enough.
SOFT_STOP_WORDS = (
    "设立 成立 调整 完成 推进 实施 建设 签约 开工 奠基 落户 投资 总投资 上马 引进 引入 组织 召开 举行 开展 参加 "
    "陪同 加强 提供 发放 印发 出台 制定 获得 通过 进行 担任 进入 踏进 需要 要求 建议 渗入 融入 第一次 很多 许多 推动 打造 支持 实现 入选 入驻 对接 联合 协调 合作 携手 "
    "深化 加快 促进 抓好 围绕 依托 带领 率领 来到 走进 考察 调研 检查 视察 参观 成为 作为 属于 包括 列入 "
    "洽谈 储备 谋划 获批 批准 牵头 负责 帮扶 新建 扩建 改建 筹建 启动 承办 主办 协办 位于 地处 前往 "
    "享受 构建 办理 解决 从事 终止 撤销 取消 据 坚持 贯彻 落实 贯彻落实 认真 积极 全力 持续 不断 着力 确保 必抓 抓 率 到 赴 至 获"
).split()
_SOFT_RE = re.compile("(?:" + "|".join(sorted(SOFT_STOP_WORDS, key=len, reverse=True)) + ")$")
LIST_START = set("、")
# 我区万众智能产业园: the 区 of 我区 is not the first character of the name.
GENERIC_PLACE_WORDS = frozenset("我区 全区 本区 该区 我市 全市 本市 该市 我县 全县 我省 全省 全国 我国 各地".split())
_PAIRS = {"”": "“", ")": "(", "）": "（", "’": "‘", "」": "「"}


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def extend_left(simp: str, end: int, barriers: frozenset[int] | set[int] = frozenset(),
                min_body: int = 2) -> int:
    """Start of the name whose body ends at `end` (exclusive; the suffix starts there)."""
    pos = end
    limit = max(0, end - MAX_NAME)
    while pos > limit:
        if pos in barriers:
            break
        ch = simp[pos - 1]
        if ch in _PAIRS:
            opened = simp.rfind(_PAIRS[ch], max(limit, pos - 10), pos - 1)
            # Cross a short insert only when the name goes on before it.
            if opened > limit and _is_han(simp[opened - 1]) and simp[opened - 1] not in HARD_STOP_CHARS:
                pos = opened
                continue
            break
        if not _is_han(ch) or ch in HARD_STOP_CHARS or simp[pos - 2:pos] in GENERIC_PLACE_WORDS:
            break
        if end - pos >= min_body:
            soft = _SOFT_RE.search(simp, max(limit, pos - 3), pos)
            # A verb right after a list comma or sentence start is the name's own word (、建设管理部).
            if soft and not (soft.start() > 0 and simp[soft.start() - 1] in LIST_START):
                break
        pos -= 1
    return pos


# Leading words that make a name generic or belong to the sentence, not the name.
GENERIC_LEAD = re.compile(
    r"(?:我区|全区|全市|全省|全县|全国|我市|我县|我省|本区|本市|各级|各类|各|该|本|我|区属|区直|市属|相关|有关|这些|一批|"
    r"谨代表|代表|一家|一所|一座|这家|那家)+"
)


def trim_lead(simp: str, start: int, end: int) -> int:
    """Start after generic leading words (我区万众智能产业园 → 万众智能产业园).

    A leading one-character preposition, verb, adverb or conjunction that is
    not part of a longer dictionary word goes too (经|清华大学, 进|聋哑学校).
    """
    m = GENERIC_LEAD.match(simp, start, end)
    start = m.end() if m else start
    if end - start >= 3 and _function_char(simp, start):
        start += 1
    return start


_FUNCTION_TAGS = frozenset("p v d c".split())
_LEADING_VERBS = frozenset("经进替跟")  # "via", "enter" …: jieba tags 经 a noun


def _function_char(simp: str, pos: int) -> bool:
    """Whether simp[pos] is a one-character function word before a proper noun (经|清华大学).

    Only before a word jieba tags as a proper noun: 经开区 (a zone) keeps its 经.
    """
    freq, tags = jieba_lexicon()
    if simp[pos] not in _LEADING_VERBS and tags.get(simp[pos]) not in _FUNCTION_TAGS:
        return False
    if any(freq.get(simp[pos:pos + size]) for size in (2, 3, 4)):
        return False
    return any(tags.get(simp[pos + 1:pos + 1 + size], "") in PROPER_NOUN_TAGS for size in (2, 3, 4))
