"""Tests of core.text: offset maps, UTF-16 conversions, the simplified view."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.text import (
    OffsetMap,
    Utf16Map,
    codepoint_index,
    looks_traditional,
    simplified_view,
    utf16_index,
)

ASTRAL = "𠀀"  # U+20000, CJK Extension B: two UTF-16 units
EMOJI = "😀"


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_utf16_index_counts_surrogate_pairs():
    text = f"a{ASTRAL}b{EMOJI}c"
    assert [utf16_index(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]


def test_codepoint_index_rounds_down_inside_a_pair():
    text = f"a{ASTRAL}b{EMOJI}c"
    assert [codepoint_index(text, p) for p in range(8)] == [0, 1, 1, 2, 3, 3, 4, 5]


@pytest.mark.parametrize("text", ["", "abc", ASTRAL * 3, f"{EMOJI}中{ASTRAL}文{EMOJI}"])
def test_utf16_map_matches_the_plain_functions(text):
    fast = Utf16Map(text)
    for i in range(len(text) + 1):
        assert fast.to_utf16(i) == utf16_index(text, i)
    for p in range(_units(text) + 2):
        assert fast.to_codepoint(p) == codepoint_index(text, p)


_MIXED = st.text(alphabet=st.sampled_from(["a", "中", "經", ASTRAL, EMOJI, "\n", " "]), max_size=30)


@given(_MIXED, st.data())
def test_utf16_round_trip(text, data):
    fast = Utf16Map(text)
    i = data.draw(st.integers(0, len(text)))
    assert codepoint_index(text, utf16_index(text, i)) == i
    assert fast.to_codepoint(fast.to_utf16(i)) == i
    assert utf16_index(text, len(text)) == _units(text)


def test_identity_map():
    offsets = OffsetMap.identity(4)
    assert offsets.to_raw(1, 3) == (1, 3)
    assert offsets.to_clean(1, 3) == (1, 3)
    assert offsets.to_raw(4, 4) == (4, 4)
    assert OffsetMap.from_json(offsets.to_json()) == offsets


def test_map_with_a_removed_gloss():
    # raw "經(jīng)開" -> clean "經開": 經 owns the gloss.
    offsets = OffsetMap((0, 7), (7, 8), 8)
    assert offsets.to_raw(0, 1) == (0, 7)
    assert offsets.to_clean(2, 4) == (0, 1)
    assert offsets.to_clean(7, 8) == (1, 2)
    assert offsets.to_clean_index(8) == 2
    with pytest.raises(IndexError):
        offsets.to_raw(0, 3)


def test_simplified_view_keeps_length():
    text = f"德州經開區著力推動{ASTRAL}發展"
    simple = simplified_view(text)
    assert len(simple) == len(text)
    assert simple.startswith("德州经开区着力")


def test_looks_traditional():
    assert looks_traditional("德州經濟技術開發區黨工委")
    assert not looks_traditional("德州经济技术开发区党工委")
    assert not looks_traditional("abc")
