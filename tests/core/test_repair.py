"""Tests of core.repair: glosses stripped, mojibake restored, offsets consistent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.repair import repair

SEEDS = Path(__file__).parents[2] / "seeds"
GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed000():
    raw = _seed("000")
    return raw, repair(raw)


@pytest.fixture(scope="module")
def seed004():
    raw = _seed("004")
    return raw, repair(raw)


RUNS_000 = [
    "區屬國有企業",
    "部內設",
    "李愛軍",
    "因為公司迎來一件",
    "當地政府大力支持是分不開",
    "發展。“我們以提升",
    "創業。”區",
    "牽手。“與",
    "利用。“兩校區",
    "產物。”同濟中學",
    "名。“氣質",
    "作。”經開",
]


@pytest.mark.parametrize("expected", RUNS_000)
def test_seed000_mojibake_runs_restored(seed000, expected):
    assert expected in seed000[1].clean


def test_seed000_clean(seed000):
    raw, result = seed000
    for needle in ("德州經開區", "李愛軍", "因為公司迎來"):
        assert needle in result.clean
    assert not GLOSS.search(result.clean)
    assert "?" not in result.clean and "\ufffd" not in result.clean
    assert result.clean.count("(") == result.clean.count(")") == 11
    assert result.report["clauses_repaired"] == 12
    assert result.report["glosses_removed"] == 1309
    assert result.report["unrecoverable"] == []


def test_seed004_clean(seed004):
    raw, result = seed004
    assert "閩南網10月21日訊(通訊員 高新宣" in result.clean
    assert "(九湖國控點)" in result.clean
    assert not GLOSS.search(result.clean)
    assert result.clean.count("(") == result.clean.count(")") == 2
    assert result.report["glosses_removed"] == 185
