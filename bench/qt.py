"""Helpers for the GUI benchmarks, which run in child processes (`python -m bench.bench_X child …`).

A child prints one JSON object as its last line; bench.run_child reads it.
The parent sets QT_QPA_PLATFORM=offscreen and temporary settings/data
folders (bench.child_env), so a user's settings are never touched.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        from gui.fonts import install_fallback_font
    except ImportError:
        return app
    install_fallback_font(app)
    return app


class PaintWatcher(QObject):
    """Notes the time of the first QEvent.Paint delivered to `window` or a widget inside it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.first: float | None = None
        self.receiver = ""
        QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if self.first is None and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) \
                and (obj is self.window or obj.window() is self.window):
            self.first = time.perf_counter()
            self.receiver = type(obj).__name__
        return False

    def stop(self) -> None:
        QCoreApplication.instance().removeEventFilter(self)


def spin_until(predicate, timeout: float) -> bool:
    """Process events until predicate() is true or timeout seconds pass."""
    app = QCoreApplication.instance()
    end = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > end:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return True


def run_loop(seconds: float, until=None) -> None:
    """Run a real event loop for `seconds` (or until the signal `until` fires)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    if until is not None:
        until.connect(loop.quit)
    loop.exec()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def emit(result: dict) -> None:
    print(json.dumps(result), flush=True)


def open_window(db_path: str, *, annotator: str = "bench"):
    """Open the database the way the app does: Store, Session, MainWindow, show, first articles.

    Returns (window, times) with seconds from the start of the open to: the
    constructed window, the first Paint event of the window after show, and
    the first zero-timer after show (the event loop turned once).
    """
    from core.store import Store
    from gui.main_window import MainWindow
    from gui.session import Session

    t0 = time.perf_counter()
    store = Store(db_path)
    session = Session(store, annotator)
    window = MainWindow(session)
    built = time.perf_counter()
    watcher = PaintWatcher(window)
    ticked: list[float] = []
    window.show()
    if hasattr(window, "open_initial"):
        window.open_initial()
    QTimer.singleShot(0, lambda: ticked.append(time.perf_counter()))
    if not spin_until(lambda: watcher.first is not None and ticked, 30):
        raise SystemExit("the main window never painted (30 s)")
    watcher.stop()
    return window, {"built": built - t0, "paint": watcher.first - t0, "tick": ticked[0] - t0,
                    "paint_receiver": watcher.receiver}
