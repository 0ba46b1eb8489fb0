"""Label keys from resources and settings; snapping a selection to characters or words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from core.model import Label
from gui import keys

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_default_keys_come_from_labels_json():
    infos = keys.label_infos({})
    assert [i.label for i in infos] == list(Label)
    assert {i.key for i in infos} == set("1234567890")


def test_settings_override_a_key_and_actions_follow(window):
    from gui.settings import settings

    settings.set("label_keys", {"ORG": "o"})
    assert window.actions.labels[Label.ORG].shortcut().toString() == "O"
    assert window.legend.buttons[Label.ORG].text().startswith("o ")


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("  德州 ", (0, 7), (2, 4)),
    ("德州經開區", (3, 1), (1, 3)),  # a backwards selection
    ("   ", (0, 3), (3, 3)),
])
def test_snap_to_chars(text, span, expected):
    assert keys.snap_to_chars(text, *span) == expected


def test_snap_to_words_widens_to_jieba_boundaries(monkeypatch):
    import jieba

    jieba.initialize()
    monkeypatch.setitem(keys._jieba, "module", jieba)
    text = "上海逸众医疗科技有限公司投资建设项目"
    start = text.index("众医")
    s, e = keys.snap_to_words(text, start, start + 2)
    assert s <= start and e >= start + 2
    assert keys.snap_to_words(text, 0, 2) == (0, 2)  # 上海 is a word already


def test_snap_to_words_falls_back_while_jieba_loads(monkeypatch):
    monkeypatch.setitem(keys._jieba, "module", None)
    monkeypatch.setattr(keys, "warm_jieba", lambda: None)
    assert keys.snap_to_words(" 逸众医疗 ", 2, 4) == (2, 4)


def test_drop_of_a_folder_imports_it(window, qtbot, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "new.txt").write_text("拖放標題\n\n漳州高新區今天開工。", "utf-8")
    with qtbot.waitSignal(window.background.job_started) as started:
        assert window.files.drop([QUrl.fromLocalFile(str(folder))])
    with qtbot.waitSignal(started.args[0].finished, timeout=20000):
        pass
    assert window.corpus.model.total() == 3
