"""The text widget of a pane: read-only but selectable, a CJK font, generous leading.

It knows nothing of entities: it reports clicks and hovers as UTF-16
document positions, and the pane maps them to spans.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit

LINE_HEIGHT_PERCENT = 130
FIRST_SCREEN_UNITS = 3000  # more than a pane shows at once


def reading_font() -> QFont:
    from gui.fonts import reader_font
    from gui.settings import settings

    return reader_font(settings.get("font_size"))


class ArticleView(QTextEdit):
    clicked_at = Signal(int)  # document position of a click that selected no text
    hover_at = Signal(int, QPoint)  # document position under the mouse, global point
    focused = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setFont(reading_font())
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(14)
        self._press: QPoint | None = None
        self._generation = 0  # a newer text cancels the deferred formatting of an older one

    def apply_font_size(self) -> None:
        self.setFont(reading_font())

    def show_text(self, text: str) -> None:
        """Show text with the reading line height: the first screen now, the rest next turn.

        Merging a block format into every block of a long article lays it out
        again; only the part on screen needs it before the first paint.
        """
        self.setExtraSelections([])
        self.setPlainText(text)
        self._generation += 1
        split = self._leading(0, FIRST_SCREEN_UNITS)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if split is not None:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._rest(generation, split))

    def _rest(self, generation: int, start: int) -> None:
        if generation == self._generation:
            self._leading(start, None)

    def _leading(self, start: int, length: int | None) -> int | None:
        """Give the blocks from `start` (for about `length` units) the line height.

        Returns where the rest begins, or None when the whole document is done.
        """
        document = self.document()
        end = document.characterCount() - 1
        stop = end if length is None else min(end, start + length)
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(stop, QTextCursor.MoveMode.KeepAnchor)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT,
                            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        following = document.findBlock(stop).next()  # the selection's blocks are all done
        return following.position() if stop < end and following.isValid() else None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        moved = self._press is not None and (
            (event.position().toPoint() - self._press).manhattanLength() > 3)
        if event.button() is Qt.MouseButton.LeftButton and not moved \
                and not self.textCursor().hasSelection():
            self.clicked_at.emit(self._hit(event.position().toPoint()))

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focused.emit()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            self.hover_at.emit(self._hit(event.pos()), event.globalPos())
            return True
        return super().viewportEvent(event)

    def _hit(self, viewport_point: QPoint) -> int:
        """Position of the character under the point (not the nearest caret gap)."""
        cursor = self.cursorForPosition(viewport_point)
        rect = self.cursorRect(cursor)
        if viewport_point.x() < rect.x() and cursor.position() > 0:
            return cursor.position() - 1
        return cursor.position()
