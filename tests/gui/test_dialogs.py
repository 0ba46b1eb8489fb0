"""Dialogs: label all occurrences, preferences, export, About, first run."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QInputDialog, QWidget  # noqa: E402

from core.model import Label, Status  # noqa: E402
from gui.session import Session  # noqa: E402
from gui.settings import settings  # noqa: E402
from tests.gui.pizhu_support import build_corpus, entity  # noqa: E402

# the offscreen platform says this on every first show(); it is not our warning
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    before = settings.configured_path
    settings.configure(tmp_path / "pizhu.ini")
    yield
    settings.configure(before)


@pytest.fixture
def session(fresh_store):
    session = Session(fresh_store, "tester")
    session.ids = build_corpus(fresh_store)
    return session


# -- label all occurrences -------------------------------------------------------


def _labelled(store, article_id, text):
    return [e for e in store.entities(article_id) if e.text == text and e.label is Label.LOC]


def test_occurrences_model_passes_modeltester(qtmodeltester, qtbot, session):
    from gui.occurrences_dialog import OccurrencesDialog

    dialog = OccurrencesDialog(session, "德州经开区", Label.LOC)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)


def test_occurrences_across_two_articles_are_labelled_in_one_undoable_step(qtbot, session):
    from gui.occurrences_dialog import OccurrencesDialog

    store, ids = session.store, session.ids
    dialog = OccurrencesDialog(session, "德州经开区", Label.LOC)
    qtbot.addWidget(dialog)
    rows = dialog.model.rows
    assert [r[0] for r in rows] == [ids["article"], ids["second"]]
    assert rows[0][3].endswith("瓶装消毒剂泵头项目，") and rows[1][4].startswith("地区生产总值")
    assert all(dialog.model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
               for r in range(2))
    with qtbot.waitSignal(session.article_changed):
        created = dialog.apply()
    assert len(created) == 2 and session.undo_stack.count() == 1
    for article_id in (ids["article"], ids["second"]):
        (made,) = _labelled(store, article_id, "德州经开区")
        assert made.status is Status.MANUAL and made.source == "tester"
    session.undo_stack.undo()
    assert not _labelled(store, ids["article"], "德州经开区")
    assert not _labelled(store, ids["second"], "德州经开区")


def test_unchecked_occurrences_are_left_alone(qtbot, session):
    from gui.occurrences_dialog import OccurrencesDialog

    dialog = OccurrencesDialog(session, "德州经开区", Label.LOC)
    qtbot.addWidget(dialog)
    assert dialog.model.setData(dialog.model.index(1, 0), Qt.CheckState.Unchecked.value,
                                Qt.ItemDataRole.CheckStateRole)
    assert dialog.apply() and not _labelled(session.store, session.ids["second"], "德州经开区")


def test_undo_restores_the_suggestions_an_occurrence_displaced(qtbot, session):
    from gui.occurrences_dialog import OccurrencesDialog

    store, second = session.store, session.ids["second"]
    suggestion = entity(store, second, "经开区", Label.ORG)
    dialog = OccurrencesDialog(session, "德州经开区", Label.LOC)
    qtbot.addWidget(dialog)
    dialog.apply()
    assert suggestion not in {e.id for e in store.entities(second)}
    session.undo_stack.undo()
    restored = store.entity(suggestion)
    assert restored.status is Status.SUGGESTED and restored.label is Label.ORG
    session.undo_stack.redo()
    assert _labelled(store, second, "德州经开区")


def test_occurrence_covered_by_a_human_entity_starts_unchecked(qtbot, session):
    from gui.occurrences_dialog import OccurrencesDialog

    dialog = OccurrencesDialog(session, "李爱军", Label.PERSON)
    qtbot.addWidget(dialog)
    states = [dialog.model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole)
              for r in range(dialog.model.rowCount())]
    assert states == [Qt.CheckState.Unchecked, Qt.CheckState.Checked]


# -- preferences -------------------------------------------------------------------


def test_preferences_change_a_label_key_and_it_persists(qtbot, tmp_path):
    from gui.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.key_edits["PERSON"].setText("q")
    dialog.font_size.setValue(19)
    dialog.snap.setChecked(True)
    with qtbot.waitSignal(settings.changed, check_params_cb=lambda name: name == "label_keys"):
        dialog.accept()
    settings.configure(tmp_path / "pizhu.ini")  # a fresh read of the same file
    assert settings.label_keys()["PERSON"] == "Q" and settings.label_keys()["ORG"] == "3"
    assert settings.get("font_size") == 19 and settings.get("snap_to_words") is True
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.key_edits["PERSON"].text() == "Q"


@pytest.mark.parametrize("key, problem", [("3", "share"), ("", "needs"), ("a", "taken")])
def test_preferences_refuse_bad_label_keys(qtbot, key, problem):
    from gui.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.key_edits["PERSON"].setText(key)
    dialog.accept()
    assert problem in dialog.error.text()
    assert settings.label_keys()["PERSON"] == "1"


# -- export ------------------------------------------------------------------------


def test_export_runs_off_the_gui_thread_and_reports(qtbot, session, tmp_path):
    pytest.importorskip("core.export")
    from gui.export_dialog import ExportDialog

    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentText("doccano")
    dialog.path_edit.setText(str(tmp_path / "out.jsonl"))
    with qtbot.waitSignal(dialog.finished_export, timeout=20000) as blocker:
        dialog.start()
    assert blocker.args == [True], dialog.log.toPlainText()
    assert (tmp_path / "out.jsonl").exists()
    assert "doccano: wrote 2 articles" in dialog.log.toPlainText()
    assert settings.get("export_format") == "doccano"


def test_export_failure_is_shown_not_raised(qtbot, session, tmp_path):
    pytest.importorskip("core.export")
    from gui.export_dialog import ExportDialog

    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentText("pizhu")
    dialog.set_option(dialog.text_group, "raw")
    dialog.path_edit.setText(str(tmp_path / "out.json"))
    with qtbot.waitSignal(dialog.finished_export, timeout=20000) as blocker:
        dialog.start()
    assert blocker.args == [False] and dialog.log.toPlainText()


# -- about and first run --------------------------------------------------------


def test_about_shows_version_and_data_locations(qtbot, session):
    from core import __version__
    from gui.about import AboutDialog, app_icon

    dialog = AboutDialog(str(session.store.path))
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert __version__ in text and str(session.store.path) in text
    assert settings.file_name() in text
    assert not app_icon().isNull()


def test_annotator_is_asked_once(qtbot, monkeypatch):
    from gui import first_run

    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: asked.append(1) or ("林青", True))
    assert first_run.ask_annotator() == "林青"
    assert first_run.ask_annotator() == "林青" and asked == [1]


def test_key_hint_is_non_modal_and_shown_once(qtbot):
    from gui.first_run import show_key_hint

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(800, 500)
    host.show()
    hint = show_key_hint(host)
    assert hint is not None and not hint.isModal() and hint.isVisible()
    assert "1…0" in hint.label.text()
    assert hint.geometry().bottom() < host.height()
    hint.dismiss()
    assert settings.get("hint_shown") and show_key_hint(host) is None
