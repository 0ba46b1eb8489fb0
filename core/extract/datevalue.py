"""ISO values for DATE spans (GUIDELINES rule 6), resolved against the article's date.

A value is {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"} when the calendar
range is determined, otherwise {"text": span} so nothing is invented. The
article date (ISO string) anchors 今年/去年/今天 and month-day dates; with
only a year known, day-level deictics stay unresolved.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from core.extract.numbers import to_number

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_REL_YEAR = {"今年": 0, "当年": 0, "本年": 0, "同年": 0, "去年": -1, "上年": -1, "前年": -2,
             "明年": 1, "来年": 1, "次年": 1, "翌年": 1, "后年": 2}
_REL_DAY = {"今天": 0, "今日": 0, "当天": 0, "当日": 0, "今晚": 0, "当晚": 0, "今早": 0, "今晨": 0,
            "昨天": -1, "昨日": -1, "昨晚": -1, "昨夜": -1, "前天": -2,
            "明天": 1, "明日": 1, "次日": 1, "翌日": 1, "明晚": 1, "后天": 2}
_PERIODS = {"上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9),
            "一季度": (1, 3), "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12)}
_CONNECTOR = re.compile(r"\s*(?:至|到|——|—|–|－|-|~|～)\s*")
_PARTS = re.compile(
    r"^(?:(?P<y>\d{4}|[〇零一二三四五六七八九]{4})年|(?P<ry>今年|去年|明年|前年|后年|当年|上年|同年|本年|次年|翌年|来年))?"
    r"(?:(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])月份?)?"
    r"(?:(?P<d>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?"
    r"(?:第?(?P<q>上半年|下半年|前三季度|[一二三四1-4]季度))?"
    r"(?P<rest>.*)$"
)
_PART_OF_DAY_END = re.compile(r"(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|早晨|清晨|夜间|夜里|深夜|午后)$")
_PART_OF_DAY = re.compile(r"^(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|早晨|清晨|夜间|夜里|深夜|午后|晚)")


def _ref(article_date: str | None) -> tuple[date | None, int | None]:
    if not article_date:
        return None, None
    try:
        ref = date.fromisoformat(article_date[:10])
    except ValueError:
        found = re.match(r"\d{4}", article_date)
        return None, int(found.group()) if found else None
    return ref, ref.year


def _num(text: str) -> int | None:
    value = to_number(text.translate(_FULLWIDTH))
    return int(value) if isinstance(value, int) else None


def _year(parts: dict, ref_year: int | None) -> int | None:
    if parts["y"]:
        return int(parts["y"].translate(_FULLWIDTH))
    if parts["ry"]:
        return None if ref_year is None else ref_year + _REL_YEAR[parts["ry"]]
    return None


def _chinese_year(text: str) -> int | None:
    digits = "〇零一二三四五六七八九"
    if all(ch in digits for ch in text):
        return int("".join(str(digits.index(ch) - (1 if digits.index(ch) > 0 else 0)) for ch in text))
    return None


def _single(text: str, ref: date | None, ref_year: int | None) -> tuple[date, date] | None:
    """Calendar range of one date expression without a range connector."""
    bare = _PART_OF_DAY_END.sub("", text)
    if bare in _REL_DAY:
        if ref is None:
            return None
        day = ref + timedelta(days=_REL_DAY[bare])
        return day, day
    parts = _PARTS.match(text).groupdict()
    if parts["y"] and not parts["y"].translate(_FULLWIDTH).isdigit():
        year = _chinese_year(parts["y"])
    else:
        year = _year(parts, ref_year)
    rest = _PART_OF_DAY.sub("", parts["rest"])
    if not (parts["y"] or parts["ry"] or parts["m"] or parts["d"] or parts["q"]):
        return None
    if rest not in ("", "份", "度"):
        return None  # 以来, 底, 前 … make the range open or vague: keep the text
    if year is None:
        year = ref_year
    if year is None:
        return None
    if parts["q"]:
        q = parts["q"].replace("1", "一").replace("2", "二").replace("3", "三").replace("4", "四")
        first, last = _PERIODS[q]
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if not parts["m"]:
        if parts["d"]:
            if ref is None:
                return None
            day = _num(parts["d"])
            return (date(ref.year, ref.month, day),) * 2 if day else None
        return date(year, 1, 1), date(year, 12, 31)
    month = _num(parts["m"])
    if not month or not 1 <= month <= 12:
        return None
    if not parts["d"]:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = _num(parts["d"])
    if not day or day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day), date(year, month, day)


def _since(text: str, ref: date | None, ref_year: int | None) -> dict | None:
    """今年以来, 8月份以来: from the start of the unit up to the article's date."""
    head = text[: -len("以来")]
    first = _single(head, ref, ref_year)
    if first is None:
        return None
    out = {"start": first[0].isoformat()}
    if ref is not None:
        out["end"] = ref.isoformat()
    return out


def resolve_date(text: str, article_date: str | None) -> dict:
    """The ISO range of a DATE span, or {"text": text} when it is not determined."""
    ref, ref_year = _ref(article_date)
    text = text.strip()
    try:
        if text.endswith("以来"):
            return _since(text, ref, ref_year) or {"text": text}
        pieces = _CONNECTOR.split(text)
        if len(pieces) == 2 and all(pieces):
            left, right = pieces
            if re.fullmatch(r"\d{1,2}", left.translate(_FULLWIDTH)):  # 1至8月, 25－30日
                left += "日" if right[-1] in "日号" else "月"
            elif re.search(r"月\d{1,2}$", left.translate(_FULLWIDTH)) and right[-1] in "日号":
                left += "日"  # 2007年11月25－30日
            if re.fullmatch(r"(?:1[89]|20)\d{2}", left):  # 2020—2022
                left, right = left + "年", right.rstrip("年") + "年"
            lo = _single(left, ref, ref_year)
            if lo is None:
                return {"text": text}
            hi = _single(_inherit(left, right), ref, lo[0].year)
            if hi is None:
                return {"text": text}
            return {"start": lo[0].isoformat(), "end": hi[1].isoformat()}
        found = _single(text, ref, ref_year)
    except (ValueError, AttributeError):
        found = None
    if found is None:
        return {"text": text}
    return {"start": found[0].isoformat(), "end": found[1].isoformat()}


def _inherit(left: str, right: str) -> str:
    """Give the right end of a range the month the left one names (9月21日至23日)."""
    if re.match(r"^\d{1,2}[日号]", right.translate(_FULLWIDTH)):
        month = re.search(r"(\d{1,2})月", left.translate(_FULLWIDTH))
        if month:
            return month.group(0) + right
    return right
