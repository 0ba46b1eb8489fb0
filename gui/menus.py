"""Where the actions go: the menu bar, the toolbars, and the window-level handlers.

Actions are created once in gui/actions.py; this module places them and
routes the File, View, Extract and Help ones to their feature modules.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QToolBar

from core.model import Status


def build_menus(window) -> None:
    a, bar = window.actions, window.menuBar()
    file = bar.addMenu(window.tr("&File"))
    file.addActions([a.new_db, a.open_db])
    file.addMenu(window.files.recent_menu)
    file.addSeparator()
    file.addActions([a.import_files, a.import_folder, a.export])
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu(window.tr("&Edit"))
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.find, a.preferences])
    view = bar.addMenu(window.tr("&View"))
    view.addActions([a.open_beside, a.close_pane, a.toggle_raw])
    view.addSeparator()
    view.addAction(window.corpus_dock.toggleViewAction())
    if window.inspector_dock is not None:
        view.addAction(window.inspector_dock.toggleViewAction())
    _annotate_menu(window, bar)
    help_menu = bar.addMenu(window.tr("&Help"))
    help_menu.addActions([a.key_help, a.about])
    _connect(window)


def _annotate_menu(window, bar) -> None:
    a = window.actions
    annotate = bar.addMenu(window.tr("&Annotate"))
    labels = annotate.addMenu(window.tr("&Label Selection"))
    labels.addActions(list(a.labels.values()))
    annotate.addActions(a.annotate_actions())
    annotate.addSeparator()
    annotate.addAction(a.snap_words)
    window.reader.context_actions = [labels, a.accept, a.reject, a.delete, a.label_occurrences,
                                      a.open_beside, a.close_pane, a.toggle_raw]
    annotate.addSeparator()
    annotate.addActions([a.extract_current, a.extract_selected, a.extract_all])


def build_toolbars(window) -> None:
    a = window.actions
    main = QToolBar(window.tr("Main"), window, objectName="main_toolbar")
    main.addActions([a.open_db, a.import_files])
    main.addSeparator()
    main.addActions([a.undo, a.redo])
    main.addSeparator()
    main.addActions([a.open_beside, a.close_pane, a.toggle_raw])
    main.addSeparator()
    main.addActions([a.accept, a.reject, a.accept_all, a.done_next])
    main.addSeparator()
    main.addAction(a.extract_current)
    window.addToolBar(main)
    window.addToolBarBreak()
    labels = QToolBar(window.tr("Labels"), window, objectName="labels_toolbar")
    labels.addWidget(window.legend)
    window.addToolBar(labels)


def _connect(window) -> None:
    a, files, bg = window.actions, window.files, window.background
    a.new_db.triggered.connect(files.new_database)
    a.open_db.triggered.connect(lambda: files.open_database())
    a.import_files.triggered.connect(files.import_files)
    a.import_folder.triggered.connect(files.import_folder)
    a.export.triggered.connect(files.export)
    a.quit.triggered.connect(QApplication.closeAllWindows)
    a.find.triggered.connect(lambda: _focus_search(window))
    a.preferences.triggered.connect(lambda: _preferences(window))
    a.open_beside.triggered.connect(lambda: _open_beside(window))
    a.close_pane.triggered.connect(lambda: window.reader.close_pane())
    a.toggle_raw.toggled.connect(window.reader.set_raw)
    a.extract_current.triggered.connect(lambda: bg.extract(_current_ids(window)))
    a.extract_selected.triggered.connect(lambda: bg.extract(window.corpus.selected_ids()))
    a.extract_all.triggered.connect(
        lambda: bg.extract(window.session.store.article_ids()))
    a.about.triggered.connect(lambda: _about(window))
    a.key_help.triggered.connect(lambda: _key_help(window))


def _current_ids(window) -> list[int]:
    pane = window.reader.current
    return [pane.article_id] if pane is not None and pane.article_id is not None else []


def _focus_search(window) -> None:
    window.corpus_dock.show()
    window.corpus.search.setFocus()
    window.corpus.search.selectAll()


def _open_beside(window) -> None:
    ids = window.corpus.selected_ids()
    if ids:
        window.reader.open(ids[0], beside=True)
    elif window.reader.current is not None and window.reader.current.article_id:
        window.reader.open(window.reader.current.article_id, beside=True)


def _preferences(window) -> None:
    try:
        from gui.preferences import PreferencesDialog
    except ImportError:
        window.session.report_error(window.tr("Preferences are not available in this build"))
        return
    PreferencesDialog(window).exec()


def _about(window) -> None:
    try:
        from gui.about import show_about
    except ImportError:
        from core import __version__

        QMessageBox.about(window, "Pizhu 批注", f"Pizhu 批注 {__version__}")
        return
    show_about(window)


def _key_help(window) -> None:
    from gui.keys import label_infos

    rows = [f"{i.key}\t{i.label.value} {i.zh}" for i in label_infos()]
    rows += ["", "A\t" + Status.ACCEPTED.value, "X\t" + Status.REJECTED.value,
             "Del\t" + window.tr("delete"), "N / P\t" + window.tr("next / previous suggestion"),
             "Ctrl+Shift+A\t" + window.tr("accept all"),
             "Ctrl+Enter\t" + window.tr("mark done and open the next article"),
             "Ctrl+click\t" + window.tr("open an article beside")]
    QMessageBox.information(window, window.tr("Keyboard Shortcuts"), "\n".join(rows))
