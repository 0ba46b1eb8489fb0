"""MONEY, PERCENT and QUANTITY: regex candidates over the simplified text and their values.

Numbers are Arabic (half- or full-width, with decimals) or Chinese numerals;
the unit is part of the span (GUIDELINES rule 5), hedges written inside the
number stay (30余次), hedges outside stay out (超过30% → 30%). Chinese numerals
are read with cn2an, the maintained normaliser (it handles 一千二百三十, 两, 十三
and mixed 2.1亿); Arabic digits times 万/亿 go through Decimal so that
44.644万 is exactly 446440.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from core.extract.combine import Cand
from core.model import Label

# Half-width view of full-width digits and the full-width point (People's Daily style).
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

CN_DIGITS = "零〇一二两三四五六七八九十百千"
# An Arabic number (any width) or a Chinese numeral that starts with a digit word.
NUM = rf"(?:(?:\d{{1,3}}(?:[,，]\d{{3}})+(?!\d)|\d+)(?:[.．]\d+)?|[{CN_DIGITS[:-2]}][{CN_DIGITS}万亿]*)"
# Magnitudes after the number: 2.1亿, 130万, 1.5万亿.
MAG = r"(?:万亿|千万|百万|万|亿)"
HEDGE_IN = r"(?:余|多)"

CURRENCIES = {
    "元": "CNY", "人民币": "CNY", "块钱": "CNY", "美元": "USD", "欧元": "EUR",
    "日元": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD", "卢布": "RUB", "韩元": "KRW",
}
_CURRENCY = "(?:" + "|".join(sorted(CURRENCIES, key=len, reverse=True)) + ")"

# Units and counted nouns that make a QUANTITY; 年/月/天 durations are DATEs.
UNITS = (
    "平方公里 平方千米 平方米 立方米 千瓦时 万千瓦 千瓦 兆瓦 公里 千米 厘米 毫米 米 公顷 亩 吨 公斤 千克 克 "
    "小时 分钟 秒钟 秒 ℃ 摄氏度 度 人次 家次 架次 辆次 户次 个 家 名 人 所 项 次 辆 台 套 件 座 栋 间 张 条 户 位 "
    "只 头 架 艘 列 部 本 篇 场 班 支 处 片 棵 株 倍 例 起 宗 笔 枚 颗 种 类 块 层 轮 批 县市区 县 镇 村 双 kg km MW GW"
).split()
_UNIT = "(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + ")"

_FIRST = rf"(?=[\d{CN_DIGITS}百])"
MONEY_RE = re.compile(rf"{_FIRST}{NUM}{HEDGE_IN}?{MAG}?{HEDGE_IN}?{_CURRENCY}")
PERCENT_RE = re.compile(
    rf"百分之{NUM}|{NUM}\s?[%％]|{NUM}{HEDGE_IN}?个百分点|(?<![{CN_DIGITS}])[一二三四五六七八九十]成(?![为了功立果绩员本就不])"
)
# 部门 is "department", not 部 + 门 (四部门): a unit must not run on into these words.
QUANTITY_RE = re.compile(rf"{_FIRST}{NUM}{HEDGE_IN}?{MAG}?{HEDGE_IN}?{_UNIT}(?!门|委|级)")

# One scan for all three: at a position money is tried first, then percent, then a count.
_ANY_RE = re.compile(
    rf"(?=[\d{CN_DIGITS}百])(?:(?P<money>{MONEY_RE.pattern[len(_FIRST):]})"
    rf"|(?P<percent>{PERCENT_RE.pattern})|(?P<quantity>{QUANTITY_RE.pattern[len(_FIRST):]}))"
)

# 一批, 一件, 一个 … are set phrases, not counts; 第2名 is an ordinal.
_SET_PHRASE_NUM = re.compile(r"^[一两][个家件批项位名次种条套场轮期支处片类块层本部只头村镇县度起双]")


def to_number(text: str) -> int | float | None:
    """Numeric value of an Arabic or Chinese numeral with optional 万/亿; int when whole."""
    text = text.translate(_FULLWIDTH).replace("余", "").replace("多", "")
    text = re.sub(r"(?<=\d)[,，](?=\d{3})", "", text)  # 520,924.5
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(万亿|千万|百万|万|亿)?", text)
    try:
        if match:
            scale = {"万亿": 10**12, "千万": 10**7, "百万": 10**6, "万": 10**4, "亿": 10**8, None: 1}
            value = Decimal(match.group(1)) * scale[match.group(2)]
        else:
            import cn2an  # lazily: only Chinese numerals need it

            value = Decimal(str(cn2an.cn2an(text, "smart")))
    except (ValueError, InvalidOperation, KeyError):
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _split_number(text: str) -> tuple[str, str]:
    """Leading number (with magnitude and hedge) and the rest (the unit)."""
    m = re.match(rf"{NUM}{HEDGE_IN}?{MAG}?{HEDGE_IN}?", text)
    return (m.group(0), text[m.end():]) if m else ("", text)


def money_value(text: str) -> dict | None:
    number, unit = _split_number(text)
    value = to_number(number)
    if value is None:
        return None
    currency = CURRENCIES.get(unit.strip(), "CNY")
    return {"yuan": value} if currency == "CNY" else {"amount": value, "currency": currency}


def percent_value(text: str) -> dict | None:
    if text.endswith("个百分点"):
        value = to_number(text[: -len("个百分点")])
        return None if value is None else {"points": value}
    if text.endswith("成"):
        value = to_number(text[:-1])
        return None if value is None else {"percent": value * 10}
    body = text.removeprefix("百分之").rstrip("%％").strip()
    value = to_number(body)
    return None if value is None else {"percent": value}


def quantity_value(text: str) -> dict | None:
    number, unit = _split_number(text)
    value = to_number(number)
    if value is None:
        return None
    out = {"number": value, "unit": unit}
    if "余" in number or "多" in number:
        out["approx"] = True
    return out


def _ordinal(simp: str, start: int) -> bool:
    return start > 0 and simp[start - 1] in "第每"


def find_numbers(simp: str) -> list[Cand]:
    """MONEY, PERCENT and QUANTITY candidates on the simplified text, in one scan."""
    out: list[Cand] = []
    for m in _ANY_RE.finditer(simp):
        kind, text, start = m.lastgroup, m.group(), m.start()
        if kind == "money":
            out.append(Cand(start, m.end(), Label.MONEY, 50, money_value(text)))
        elif kind == "percent":
            out.append(Cand(start, m.end(), Label.PERCENT, 50, percent_value(text)))
        elif not (_ordinal(simp, start) or _SET_PHRASE_NUM.match(text) or _slogan(simp, start, text)
                  or _glued_to_number(simp, start)):
            out.append(Cand(start, m.end(), Label.QUANTITY, 50, quantity_value(text)))
    return out


def _slogan(simp: str, start: int, text: str) -> bool:
    """“三个机制”: a Chinese-numeral count opening a quoted phrase is a slogan."""
    return start > 0 and simp[start - 1] in "“‘\"" and not text[0].isdigit()


def _glued_to_number(simp: str, start: int) -> bool:
    """A match that starts inside a longer token (PM10, 5G) is not a count."""
    return start > 0 and (simp[start - 1].isascii() and simp[start - 1].isalnum())
