"""Normalised values beside entity spans (GUIDELINES rule 6) and the cn2an number reading."""

from __future__ import annotations

import json

import pytest

from core.extract import analyze
from core.extract.datevalue import resolve_date
from core.extract.numbers import to_number


def value_of(text: str, surface: str, article_date: str | None = None):
    for e in analyze(text, article_date=article_date, tagger=False).entities:
        if e.text == surface:
            return e.value
    raise AssertionError(f"{surface} not found in {text}")


@pytest.mark.parametrize("text, surface, expected", [
    ("投资2.1亿元。", "2.1亿元", {"yuan": 210000000}),
    ("列支130万元。", "130万元", {"yuan": 1300000}),
    ("节约44.644万元。", "44.644万元", {"yuan": 446440}),
    ("奖励一千二百三十元。", "一千二百三十元", {"yuan": 1230}),
    ("出口5亿美元。", "5亿美元", {"amount": 500000000, "currency": "USD"}),
    ("占比95.3%。", "95.3%", {"percent": 95.3}),
    ("提升7.6个百分点。", "7.6个百分点", {"points": 7.6}),
    ("约四成。", "四成", {"percent": 40}),
    ("村41个。", "41个", {"number": 41, "unit": "个"}),
    ("开展30余次。", "30余次", {"number": 30, "unit": "次", "approx": True}),
    ("派出十三名队员。", "十三名", {"number": 13, "unit": "名"}),
    ("来了两人。", "两人", {"number": 2, "unit": "人"}),
])
def test_number_values(text, surface, expected):
    assert value_of(text, surface) == expected


def test_money_is_int_when_whole():
    assert isinstance(value_of("投资2.1亿元。", "2.1亿元")["yuan"], int)


@pytest.mark.parametrize("text, expected", [
    ("2.1亿", 210000000), ("一千二百三十", 1230), ("两", 2), ("十三", 13), ("１９９６", 1996), ("30余", 30),
])
def test_to_number(text, expected):
    assert to_number(text) == expected


@pytest.mark.parametrize("text, date, expected", [
    ("9月21日", "2020-10-01", {"start": "2020-09-21", "end": "2020-09-21"}),
    ("9月21日", "2020", {"start": "2020-09-21", "end": "2020-09-21"}),
    ("2018年8月23日", None, {"start": "2018-08-23", "end": "2018-08-23"}),
    ("今年上半年", "2020-09-28", {"start": "2020-01-01", "end": "2020-06-30"}),
    ("去年", "2020-09-28", {"start": "2019-01-01", "end": "2019-12-31"}),
    ("今年以来", "2020-09-28", {"start": "2020-01-01", "end": "2020-09-28"}),
    ("2020—2022", None, {"start": "2020-01-01", "end": "2022-12-31"}),
    ("8月31日至9月6日", "2020-09-28", {"start": "2020-08-31", "end": "2020-09-06"}),
    ("9月21日至23日", "2020-09-28", {"start": "2020-09-21", "end": "2020-09-23"}),
    ("1至8月", "2020-09-28", {"start": "2020-01-01", "end": "2020-08-31"}),
    ("今天上午", "2020-09-28", {"start": "2020-09-28", "end": "2020-09-28"}),
    ("昨天", "2020-03-01", {"start": "2020-02-29", "end": "2020-02-29"}),
    ("一九九八年", None, {"start": "1998-01-01", "end": "1998-12-31"}),
    ("2020年三季度", None, {"start": "2020-07-01", "end": "2020-09-30"}),
])
def test_date_values(text, date, expected):
    assert resolve_date(text, date) == expected


@pytest.mark.parametrize("text, date", [("9月21日", None), ("年底前", "2020-09-28"), ("三年", "2020-09-28"),
                                        ("近日", "2020-09-28"), ("明年初", "2020-09-28")])
def test_unresolved_dates_keep_text(text, date):
    assert resolve_date(text, date) == {"text": text}


def test_date_in_a_2020_article():
    assert value_of("9月21日,项目奠基。", "9月21日", "2020-09-28") == {"start": "2020-09-21", "end": "2020-09-21"}


def test_values_are_json_serialisable():
    text = "今年上半年,经开区实现地区生产总值134.23亿元,同比增长0.5%,增幅提升7.6个百分点,新增企业79家。"
    for e in analyze(text, article_date="2020-09-28", tagger=False).entities:
        json.dumps(e.value)
