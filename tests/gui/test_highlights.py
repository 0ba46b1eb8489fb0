"""Highlight positions: code points in the store, UTF-16 in Qt, raw text through the offset map."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor

from core import operations as ops
from core.model import Label, Status
from core.store import NewArticle
from core.text import repair
from gui.reader_pane import ReaderPane
from gui.session import Session

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]

RAW = "𠀀德州經(jīng)開(kāi)區(qū)😀王志強(qiáng)說\n😀😀林青是記者𠀀。"


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.fixture
def pane(qtbot, fresh_store):
    fixed = repair(RAW)
    new = NewArticle("標題", RAW, fixed.clean, fixed.offsets, "traditional")
    (article_id,), _ = fresh_store.add_articles([new])
    clean = fixed.clean
    for text, label, status in (("德州經開區", Label.LOC, Status.SUGGESTED),
                                ("王志強", Label.PERSON, Status.ACCEPTED),
                                ("林青", Label.PERSON, Status.SUGGESTED),
                                ("記者", Label.TITLE, Status.REJECTED)):
        start = clean.index(text)
        ops.add_entity(fresh_store, article_id, start, start + len(text), label,
                       annotator="engine", status=status)
    widget = ReaderPane(Session(fresh_store, "tester"))
    qtbot.addWidget(widget)
    widget.load(article_id)
    widget.resize(600, 400)
    widget.show()
    return widget


def test_extra_selection_positions_outside_bmp(pane):
    clean = pane.article.clean_text
    assert "𠀀" in clean and "😀" in clean
    items = pane.view.extraSelections()
    shown = [e for e in pane.layer.entities if e.status is not Status.REJECTED]
    assert len(items) == len(shown) == 3  # the rejected 記者 is hidden
    for item, entity in zip(items, shown, strict=True):
        assert item.cursor.selectionStart() == utf16(clean, entity.start)
        assert item.cursor.selectionEnd() == utf16(clean, entity.end)
        assert item.cursor.selectedText() == entity.text


def test_click_and_selection_convert_back_to_code_points(pane):
    clean = pane.article.clean_text
    lin = clean.index("林青")
    pane._clicked_at(utf16(clean, lin) + 1)
    assert pane.selected_entity.text == "林青"
    cursor = pane.view.textCursor()
    cursor.setPosition(utf16(clean, lin))
    cursor.setPosition(utf16(clean, lin + 2), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    assert pane.selection_span() == (lin, lin + 2)


def test_raw_mode_maps_through_offsets(pane):
    pane.set_raw(True)
    assert pane.view.toPlainText() == RAW
    texts = [item.cursor.selectedText() for item in pane.view.extraSelections()]
    # a gloss belongs to the character it glosses, so it is inside the raw span
    assert texts == ["德州經(jīng)開(kāi)區(qū)", "王志強(qiáng)", "林青"]
    raw_start = RAW.index("林青")
    cursor = pane.view.textCursor()
    cursor.setPosition(utf16(RAW, raw_start))
    cursor.setPosition(utf16(RAW, raw_start + 2), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    clean = pane.article.clean_text
    assert pane.selection_span() == (clean.index("林青"), clean.index("林青") + 2)


def test_suggested_and_confirmed_look_different(pane):
    items = pane.view.extraSelections()
    by_text = {item.cursor.selectedText(): QTextCharFormat(item.format) for item in items}
    suggested, confirmed = by_text["德州經開區"], by_text["王志強"]
    assert suggested.underlineStyle() != confirmed.underlineStyle()
    assert suggested.background().color().alpha() < confirmed.background().color().alpha()


def test_legend_hides_labels(pane):
    pane.set_visible_labels({Label.LOC})
    assert [i.cursor.selectedText() for i in pane.view.extraSelections()] == ["德州經開區"]


def test_a_long_article_shows_its_first_screen_then_every_highlight(qtbot, fresh_store):
    from gui.reader_pane import FIRST_SCREEN_CHARS

    text = "德州经开区今年投资二亿元建设新项目。" * 400  # 7,200 characters
    (article_id,), _ = fresh_store.add_articles(
        [NewArticle("长文", text, text, repair(text).offsets, "simplified")])
    starts = range(0, len(text), 18)
    for start in starts:
        ops.add_entity(fresh_store, article_id, start, start + 5, Label.LOC, annotator="me")
    widget = ReaderPane(Session(fresh_store, "tester"))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.highlights_drawn, timeout=5000):
        widget.load(article_id)
        first = widget.view.extraSelections()
        assert 0 < len(first) < len(starts)
        assert all(s.cursor.selectionStart() < FIRST_SCREEN_CHARS for s in first)
    shown = widget.view.extraSelections()
    assert sorted(s.cursor.selectionStart() for s in shown) == list(starts)


def test_every_paragraph_of_a_long_article_gets_the_reading_line_height(qtbot, fresh_store):
    from gui.article_view import LINE_HEIGHT_PERCENT, ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    paragraphs = ["德州经开区今年投资二亿元建设新项目。" * 20] * 40 + ["一段很长的最后一段。" * 400]
    view.show_text("\n".join(paragraphs))
    document = view.document()

    def heights():
        block, found = document.begin(), []
        while block.isValid():
            found.append(block.blockFormat().lineHeight())
            block = block.next()
        return found

    assert heights()[0] == LINE_HEIGHT_PERCENT
    qtbot.waitUntil(lambda: set(heights()) == {LINE_HEIGHT_PERCENT}, timeout=2000)
