"""Entity highlights as QTextEdit.ExtraSelections, positioned in UTF-16 units.

Offsets in the store are code points into the clean text; Qt counts UTF-16
units, and in raw mode the span is first mapped through the article's offset
map. Suggestions are underlined in their label colour on a faint tint;
accepted and manual spans are filled; rejected ones are never drawn. One
ExtraSelection per span keeps 1,000 highlights over 20,000 characters fast:
no re-layout of the document, no syntax highlighter pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from core.model import Entity, Label, Status
from core.text import Utf16Map
from gui.keys import label_color

ECHO_COLOR = "#ffe066"


@dataclass(slots=True)
class Layer:
    """What one pane shows over its text: the spans and how each is marked."""

    entities: list[Entity]
    visible: set[Label]
    selected: int | None = None
    shared: frozenset[tuple[str, str]] = frozenset()
    echo: str = ""


class SpanMapper:
    """Clean code-point spans -> display UTF-16 positions (clean or raw text)."""

    def __init__(self, display_text: str, offsets=None) -> None:
        self.utf16 = Utf16Map(display_text)
        self.offsets = offsets  # set only when the display is the raw text
        self.length = len(display_text)

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is not None:
            start, end = self.offsets.to_raw(start, end)
        return self.utf16.to_utf16(start), self.utf16.to_utf16(end)

    def to_clean(self, pos_start: int, pos_end: int) -> tuple[int, int]:
        start, end = self.utf16.to_codepoint(pos_start), self.utf16.to_codepoint(pos_end)
        if self.offsets is not None:
            return self.offsets.to_clean(start, end)
        return start, end

    def clean_index(self, pos: int) -> int:
        index = self.utf16.to_codepoint(pos)
        if self.offsets is not None:
            index = self.offsets.to_clean_index(min(index, self.offsets.raw_length))
        return index


def shown(layer: Layer) -> list[Entity]:
    return [e for e in layer.entities
            if e.status is not Status.REJECTED and e.label in layer.visible]


def build(edit: QTextEdit, mapper: SpanMapper, layer: Layer, clean_text: str,
          until: int | None = None):
    """The ExtraSelections for one pane: spans, then echoes, then the selection on top.

    With `until`, only what starts before that clean index (the first screen).
    """
    out, selected = [], None
    for e in shown(layer):
        if until is not None and e.start >= until:
            break
        kind = "selected" if e.id == layer.selected else _kind(e)
        shared = (e.label.value, e.text) in layer.shared
        item = _selection(edit, mapper, e.start, e.end, span_format(e.label, kind, shared))
        if kind == "selected":
            selected = item
        else:
            out.append(item)
    if layer.echo:
        out += [_selection(edit, mapper, s, s + len(layer.echo), echo_format())
                for s in _find_all(clean_text, layer.echo) if until is None or s < until]
    if selected is not None:
        out.append(selected)
    return out


def _kind(e: Entity) -> str:
    return "suggested" if e.status is Status.SUGGESTED else "confirmed"


KEEP_ANCHOR = QTextCursor.MoveMode.KeepAnchor  # an enum lookup per span showed in profiles


def _selection(edit, mapper: SpanMapper, start: int, end: int, fmt: QTextCharFormat):
    a, b = mapper.to_display(start, end)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(a)
    cursor.setPosition(b, KEEP_ANCHOR)
    item = QTextEdit.ExtraSelection()
    item.cursor = cursor
    item.format = fmt
    return item


def _find_all(text: str, needle: str) -> list[int]:
    found, pos = [], text.find(needle)
    while pos != -1:
        found.append(pos)
        pos = text.find(needle, pos + len(needle))
    return found


@lru_cache(maxsize=128)
def span_format(label: Label, kind: str, shared: bool = False) -> QTextCharFormat:
    color = QColor(label_color(label))
    fmt = QTextCharFormat()
    if kind == "suggested":
        tint = QColor(color)
        tint.setAlpha(70)
        fmt.setBackground(tint)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(color.darker(150))
    elif kind == "confirmed":
        fmt.setBackground(color)
    else:  # selected
        fmt.setBackground(color.darker(170))
        fmt.setForeground(QColor("white"))
    if shared:
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontOverline(True)
    return fmt


@lru_cache(maxsize=1)
def echo_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(ECHO_COLOR))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor("#d9480f"))
    return fmt
