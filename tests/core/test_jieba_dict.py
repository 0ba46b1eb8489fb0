"""jieba's tables from Pizhu's cache: the same as jieba's own, rebuilt when damaged or absent."""

from __future__ import annotations

import marshal
import tempfile

import pytest

from core import jieba_dict


@pytest.fixture(scope="module")
def from_jieba():
    return jieba_dict.from_jieba()


def test_the_cache_holds_exactly_what_jieba_loads_and_is_read_back(tmp_path, from_jieba, monkeypatch):
    freq, tags = jieba_dict.lexicon(tmp_path)
    assert freq == from_jieba[0] and tags == from_jieba[1]
    assert freq["有限公司"] > 0 and freq["有限公"] == 0  # words, and their prefixes at frequency 0
    assert jieba_dict.cache_path(tmp_path).is_file()

    def no_jieba():
        raise AssertionError("the cache should have been read")

    monkeypatch.setattr(jieba_dict, "from_jieba", no_jieba)
    assert jieba_dict.lexicon(tmp_path) == (freq, tags)


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\xe9\x00\x00",
                                    marshal.dumps(({"的": "x"}, {"的": 1}))])  # loads, wrong kinds
def test_a_damaged_cache_is_made_again(tmp_path, from_jieba, damage):
    jieba_dict.cache_path(tmp_path).write_bytes(damage)
    assert jieba_dict.lexicon(tmp_path) == from_jieba
    assert jieba_dict.lexicon(tmp_path) == from_jieba  # and the new file is whole
    assert jieba_dict.cache_path(tmp_path).stat().st_size > 1_000_000


def test_a_folder_that_cannot_be_made_only_costs_time(tmp_path, from_jieba):
    (tmp_path / "a file").write_text("not a folder")
    blocked = tmp_path / "a file" / "cache"
    assert jieba_dict.lexicon(blocked) == from_jieba
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]  # nothing left behind


def test_the_cache_is_the_users_own_folder_or_pizhu_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PIZHU_CACHE_DIR", str(tmp_path))
    assert jieba_dict.cache_path().parent == tmp_path
    monkeypatch.delenv("PIZHU_CACHE_DIR")
    assert not str(jieba_dict.cache_path()).startswith(tempfile.gettempdir())  # not shared /tmp
