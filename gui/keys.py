"""Labels as the keyboard and the eye see them, and how a selection snaps to text.

Label names, colours and default keys come from resources/labels.json (read
through importlib.resources); keys may be overridden in settings. Snapping to
jieba word boundaries is optional, and jieba is warmed in a background thread:
its first load takes most of a second and must never block the GUI thread.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from core.model import Label


@dataclass(frozen=True, slots=True)
class LabelInfo:
    label: Label
    key: str
    color: str
    zh: str


@lru_cache(maxsize=1)
def default_labels() -> tuple[LabelInfo, ...]:
    raw = json.loads(resources.files("resources").joinpath("labels.json").read_text("utf-8"))
    return tuple(
        LabelInfo(Label(item["name"]), item["key"], item["color"], item.get("zh", ""))
        for item in raw["labels"]
    )


def label_infos(overrides: dict[str, str] | None = None) -> tuple[LabelInfo, ...]:
    """Labels with their keys, where `overrides` maps label name -> key."""
    if overrides is None:
        overrides = _key_overrides()
    return tuple(
        LabelInfo(i.label, overrides.get(i.label.value, i.key) or i.key, i.color, i.zh)
        for i in default_labels()
    )


def _key_overrides() -> dict[str, str]:
    try:
        from gui.settings import settings
    except ImportError:  # settings are optional for the core-facing helpers
        return {}
    return settings.label_keys()


def label_color(label: Label) -> str:
    return next(i.color for i in default_labels() if i.label is label)


# -- snapping a selection -------------------------------------------------------


def snap_to_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace at both ends of [start, end); may return an empty span."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to jieba word boundaries, if jieba is ready; else chars only."""
    start, end = snap_to_chars(text, start, end)
    tokenizer = _jieba_ready()
    if tokenizer is None or start >= end:
        return start, end
    lo, hi = _line_bounds(text, start, end)
    for _word, w_start, w_end in tokenizer.tokenize(text[lo:hi]):
        w_start, w_end = w_start + lo, w_end + lo
        if w_start < start < w_end:
            start = w_start
        if w_start < end < w_end:
            end = w_end
    return snap_to_chars(text, start, end)


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi == -1 else hi


_jieba = {"module": None, "thread": None}
_jieba_lock = threading.Lock()


def warm_jieba() -> None:
    """Start loading jieba's dictionary in a daemon thread (idempotent)."""
    with _jieba_lock:
        if _jieba["thread"] is None:
            _jieba["thread"] = threading.Thread(target=_load_jieba, name="jieba-warm", daemon=True)
            _jieba["thread"].start()


def _load_jieba() -> None:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    _jieba["module"] = jieba


def _jieba_ready():
    if _jieba["module"] is None:
        warm_jieba()
    return _jieba["module"]
