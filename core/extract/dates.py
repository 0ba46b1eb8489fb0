"""DATE: absolute, relative and deictic time expressions, ranges, and their ISO values.

GUIDELINES rules 5a/5f: attached 以来/前/后/初/底/末 belong to the span, ranges
joined by 至/到/— are one span, leading 自/从/截至 stay out, and a relative word
is a DATE only with a calendar unit or as a season or holiday (so 目前, 近期,
今后 are never found). One compiled alternation scans the whole article; the
atoms it finds are then glued into ranges and compounds (本月 + 18日).
"""

from __future__ import annotations

import re

from core.extract.combine import PRIO_RULE, Cand
from core.extract.datevalue import resolve_date
from core.model import Label

_ND = r"(?<![\d.．])"  # a number must not start inside another number
YEAR = rf"(?:{_ND}\d{{4}}|[〇零一二三四五六七八九]{{4}})年"
# 同年龄, 本次年会: 同年/次年 inside other words are no dates.
REL_YEAR_WORDS = ("今年", "去年", "明年", "前年", "后年", "当年", "上年", "本年", "翌年", "来年", "同年", "次年")
REL_YEAR = r"(?:今年|去年|明年|前年|后年|当年|上年|本年|翌年|来年|同年(?![龄级])|(?<![本这每该此])次年(?!会))"
MONTH = rf"(?:{_ND}\d{{1,2}}|十[一二]?|[一二三四五六七八九])月份?"
# 号 only after Arabic digits (5月4号); 第二号人物 is an ordinal.
DAY = rf"(?<!第)(?:{_ND}\d{{1,2}}[日号]|(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)"
PERIOD = r"(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|上旬|中旬|下旬)"
DEICTIC = (
    "今天|明天|昨天|前天|后天|当天|当日|今日|昨日|明日|次日|翌日|本月|上月|上个月|下月|下个月|当月|"
    "本周|上周|下周|今晚|昨晚|明晚|当晚|今早|今晨|昨夜|日前|近日|连日|年内|年底|年初|年末|月底|月初|月末|"
    "近年来|近年|近几年|近些年|多年来|今春|今夏|今秋|今冬|去冬|去夏|去秋|去春|开春|入秋|入冬|"
    "春节|国庆节|国庆|元旦|中秋节|端午节|清明节|劳动节|元宵节|除夕|春季|夏季|秋季|冬季|春天|夏天|秋天|冬天|"
    "冬春|秋后|周末|星期[一二三四五六日天]|本世纪|上世纪"
)
CENTURY = rf"(?:{_ND}\d{{2}}|二十一|二十|十九)世纪(?:\d{{2}}年代)?|{_ND}\d{{2,4}}年代"
PART = r"(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|早晨|清晨|夜间|夜里|深夜|午后|晚)"
SUFFIX = (
    r"(?:以来|以前|之前|以后|之后|前后|期间|度|前|后(?![来面续期者])|起(?![来步草])"
    r"|初(?![步中期心级衷始次])|底(?![线层下部气蕴子])|末(?![端尾])|内(?![地容部外需涵])"
    r"|中旬|上旬|下旬)"
)
MONTH_RANGE = rf"{_ND}\d{{1,2}}(?:至|到|-|—|－|～|~)\d{{1,2}}(?:月份?|[日号])"
ATOM = (
    rf"(?:{MONTH_RANGE}|(?:{YEAR}|{REL_YEAR})(?:{MONTH}(?:{DAY})?|{PERIOD})?|{MONTH}(?:{DAY})?"
    rf"|{DAY}|{PERIOD}|{CENTURY}|{DEICTIC})(?:{PART})?{SUFFIX}?"
)
DURATION = (
    rf"(?<![每那这第])(?:{_ND}\d{{1,3}}|[一二两三四五六七八九十]+|几|数|半)(?:个)?(?:多|余)?"
    r"(?:年(?!级)|个月|个工作日|工作日|天|周(?!年)|星期|季度|旬)(?:多|来|以来|之内|内(?![地容部外])|以前|之前|以后|之后|前|后(?![来面续期者]))?"
)  # 25周年 is an anniversary, not 25 weeks
YEAR_RANGE = rf"{_ND}(?:1[89]|20)\d{{2}}\s*(?:——|—|–|－|-|~|～|至|到)\s*(?:1[89]|20)\d{{2}}年?(?!\d)"

# Every date starts with one of these characters; the lookahead lets re skip other
# positions after one test instead of trying every branch (a 3× speed-up).
_FIRST = "\\d〇零一二三四五六七八九十两几数半" + "".join(
    sorted({w[0] for w in (*DEICTIC.split("|"), *REL_YEAR_WORDS, "上半年", "下半年", "前三季度", "第", "上旬", "中旬", "下旬")})
)
_ATOM_RE = re.compile(rf"(?=[{_FIRST}])(?:{YEAR_RANGE}|{ATOM}|{DURATION})")
_CONNECTOR_RE = re.compile(r"\s*(?:至|到|——|—|–|－|-|~|～)\s*")
# A 号 after a bare number is a house, line or document number (3号楼, 1号线), not a day.
_BARE_HAO = re.compile(r"^\d{1,2}号$")


def _atoms(simp: str) -> list[tuple[int, int]]:
    out = []
    for m in _ATOM_RE.finditer(simp):
        text = m.group()
        if _BARE_HAO.match(text) or (text[-1] == "日" and len(text) == 2 and text[0] in "一"):
            continue  # 一日 is mostly 一日三餐-style wording
        out.append((m.start(), m.end()))
    return out


def _glue(simp: str, atoms: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join ranges (8月31日至9月6日) and adjacent compounds (本月 + 18日)."""
    merged: list[tuple[int, int]] = []
    for start, end in atoms:
        if merged:
            prev_start, prev_end = merged[-1]
            gap = simp[prev_end:start]
            if gap == "" or (len(gap) <= 3 and _CONNECTOR_RE.fullmatch(gap)):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def find_dates(simp: str, article_date: str | None = None) -> list[Cand]:
    """DATE candidates with their normalised values."""
    out = []
    for start, end in _glue(simp, _atoms(simp)):
        text = simp[start:end]
        out.append(Cand(start, end, Label.DATE, PRIO_RULE, resolve_date(text, article_date)))
    return out
