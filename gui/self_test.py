"""`pizhu --self-test`: the core steps of core/selftest.py, then the main window offscreen.

Runs in a temporary folder with its own settings and data directories, so a
user's files are never touched; prints one line per step and exits 0 only if
every step worked. The frozen bundle runs exactly this in CI.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from core.selftest import core_steps, timed


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="pizhu-selftest-") as tmp:
        workdir = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(workdir / "config")
        os.environ["XDG_DATA_HOME"] = str(workdir / "data")
        ok = True
        for result in core_steps(workdir):
            print(result.line(), flush=True)
            ok = ok and result.ok
        if ok:
            result = timed("open main window", lambda: _open_window(workdir / "selftest.db"))
            print(result.line(), flush=True)
            ok = result.ok
    print("self-test passed" if ok else "self-test FAILED", flush=True)
    return 0 if ok else 1


def _open_window(db_path: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from core.store import Store
    from gui.main_window import MainWindow
    from gui.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store(db_path)
    try:
        window = MainWindow(Session(store, "self-test"))
        window.show()
        ids = store.article_ids()
        window.reader.open(ids[0])
        window.reader.open(ids[-1], beside=True)
        app.processEvents()
        shown = window.isVisible()
        window.close()
        app.processEvents()
        if not shown:
            raise RuntimeError("the main window did not show")
        return f"{len(ids)} articles listed, 2 panes opened and closed"
    finally:
        store.close()
