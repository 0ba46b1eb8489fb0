"""Helpers for the GUI benchmarks, which run in child processes (`python -m bench.bench_X child …`).

A child prints one JSON object as its last line; bench.run_child reads it.
The parent sets QT_QPA_PLATFORM=offscreen and temporary settings/data
folders (bench.child_env), so a user's settings are never touched.
"""

from __future__ import annotations

import ctypes
import json
import resource
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

STATE: dict = {}


def none_refs_lost_per_call() -> int:
    """References to None that one void PySide6 call drops (0 when the binding is sound).

    PySide6 6.12.0 on Python 3.11 returns None from void methods without the
    reference it owes (None is immortal only from Python 3.12): every
    setText, setPosition, setExtraSelections … lowers None's count by one, and
    when it reaches zero the interpreter aborts ("none_dealloc: deallocating
    None"). A 1,000-highlight pane spends ~2,000 per refresh out of ~14,000.
    Signal.emit() drops one reference to False the same way ("bool_dealloc").
    """
    from PySide6.QtGui import QTextCursor, QTextDocument

    cursor = QTextCursor(QTextDocument("abc"))
    before = sys.getrefcount(None)
    for _ in range(100):
        cursor.setPosition(1)
    return round((before - sys.getrefcount(None)) / 100)


def guard_none_refcount() -> int:
    """Keep None alive in a child whose binding drops its references; returns the loss per call.

    Only so the benchmarks can measure at all; the app itself is not guarded
    (see bench/README.md). The count is raised once, costing no memory.
    """
    lost = none_refs_lost_per_call()
    if lost and sys.version_info < (3, 12):
        for singleton in (None, True, False):  # Signal.emit drops references to False too
            ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    return lost


def application() -> QApplication:
    """The QApplication as `pizhu` makes it (gui.app.make_application), None guarded."""
    try:
        from gui.app import make_application
    except ImportError:
        make_application = None
    if make_application is not None:
        app = make_application(sys.argv[:1])
    else:
        app = QApplication.instance() or QApplication(sys.argv[:1])
    STATE["none_refs_lost_per_call"] = guard_none_refcount()
    return app


class PaintWatcher(QObject):
    """Notes the time of the first QEvent.Paint delivered to a window of `window_type` or a widget in it."""

    def __init__(self, window_type: type) -> None:
        super().__init__()
        self.window_type = window_type
        self.first: float | None = None
        self.receiver = ""
        QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if self.first is None and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) \
                and isinstance(obj.window(), self.window_type):
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
    """Peak resident memory of this process, MiB: VmHWM where Linux has it, else ru_maxrss.

    ru_maxrss of a child started by fork + exec starts at the parent's resident
    size at the fork (the copied address space counts), so a child of a large
    parent reads the parent's peak; VmHWM belongs to the exec'd image alone.
    """
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return ru_maxrss_mib()


def ru_maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def emit(result: dict) -> None:
    print(json.dumps(dict(result, **STATE)), flush=True)


def open_window(db_path: str, *, annotator: str = "bench"):
    """Open the database as `pizhu DB` does: gui.files.open_window (Store, Session, MainWindow,
    show), then the first articles (open_initial).

    Returns (window, times) with seconds from the start of the open to: the
    constructed and shown window, the first Paint event of the window, and
    the first zero-timer after show (the event loop turned once).
    """
    from gui.main_window import MainWindow

    watcher = PaintWatcher(MainWindow)
    t0, c0 = time.perf_counter(), time.thread_time()
    window = _open(db_path, annotator)
    built = time.perf_counter()
    if hasattr(window, "open_initial"):
        window.open_initial()
    ticked: list[float] = []
    QTimer.singleShot(0, lambda: ticked.append(time.perf_counter()))
    if not spin_until(lambda: watcher.first is not None and ticked, 30):
        raise SystemExit("the main window never painted (30 s)")
    cpu = time.thread_time() - c0
    watcher.stop()
    return window, {"built": built - t0, "paint": watcher.first - t0, "tick": ticked[0] - t0,
                    "cpu": cpu, "paint_receiver": watcher.receiver}


def _open(db_path: str, annotator: str):
    try:
        from gui.files import open_window as app_open_window
    except ImportError:  # before gui.files existed: the same steps by hand
        from core.store import Store
        from gui.main_window import MainWindow
        from gui.session import Session

        window = MainWindow(Session(Store(db_path), annotator))
        window.show()
        return window
    window = app_open_window(db_path, annotator)
    if window is None:
        raise SystemExit(f"gui.files.open_window refused {db_path}")
    return window
