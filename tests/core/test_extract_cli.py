"""`pizhu analyze FILE [--json] [--date]`: reading, repair, JSON shape and errors."""

from __future__ import annotations

import json
import re

import pytest

from core.cli import main
from tests.conftest import SEEDS


def run_json(capsys, *argv) -> dict:
    assert main(["analyze", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape_on_a_seed(capsys):
    doc = run_json(capsys, str(SEEDS / "004_e4fa7af52911aa56.txt"), "--date", "2020-10-21")
    assert set(doc) == {"text", "entities", "facts"}
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", doc["text"])  # repaired: no pinyin glosses
    for e in doc["entities"]:
        assert set(e) == {"start", "end", "label", "text", "value"}
        assert doc["text"][e["start"]:e["end"]] == e["text"]
    assert {"start": "2020-10-21", "end": "2020-10-21"} in [e["value"] for e in doc["entities"]]
    for f in doc["facts"]:
        assert set(f) == {"type", "slots"}
        for slot in f["slots"].values():
            assert list(slot) in (["entity"], ["literal"])
    assert any(f["type"] == "position" for f in doc["facts"])


def test_gbk_file_is_detected(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes("9月21日，上海逸众医疗科技有限公司投资2.1亿元上马瓶装消毒剂泵头项目。".encode("gbk"))
    doc = run_json(capsys, str(path))
    assert ("上海逸众医疗科技有限公司", "ORG") in [(e["text"], e["label"]) for e in doc["entities"]]


def test_listing_is_readable(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("区行政审批部副部长李爱军介绍。", encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "PERSON" in out and "李爱军" in out and "position" in out


@pytest.mark.parametrize("argv, message", [
    (["analyze", "/nonexistent/file.txt"], "cannot read"),
    (["analyze", "README.md", "--date", "21.9.2020"], "--date"),
])
def test_bad_input_is_one_line(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
