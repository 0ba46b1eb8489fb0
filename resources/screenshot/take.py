"""Regenerate resources/screenshot/main-window.png: the seeds side by side after a few minutes of work.

Run under a real X server with a CJK font (the README's screenshot was taken so):

    PYTHONPATH=. xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python resources/screenshot/take.py

Everything happens in a temporary folder: first-run seeding, background
extraction through core.jobs, then a few keyboard decisions in the left pane
and a selected entity whose text is echoed in the right pane.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "main-window.png"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="pizhu-shot-"))
    os.environ["PIZHU_CONFIG_DIR"] = str(tmp / "config")
    os.environ["PIZHU_DATA_DIR"] = str(tmp / "data")
    from gui import app
    from gui.settings import settings

    settings.set("annotator", "demo")
    settings.set("hint_shown", True)
    qapp = app.make_application([sys.argv[0]])
    db = tmp / "data" / "pizhu.db"
    db.parent.mkdir(parents=True)
    app.seed_database(db)
    from gui.files import open_window

    window = open_window(db, "demo")
    window.open_initial()
    job = window.background.extract(window.session.store.article_ids())
    job.finished.connect(lambda _c: _work(window, qapp))
    return qapp.exec()


def _work(window, qapp) -> None:
    from PySide6.QtCore import QTimer

    left, right = window.reader.panes
    window.reader.set_current(left)
    a = window.actions
    for _ in range(6):
        a.next_suggestion.trigger()
        a.accept.trigger()
    shared = left.entity_keys() & right.entity_keys()
    first = next((e for e in left.layer.entities if (e.label.value, e.text) in shared), None)
    if first is not None:
        left.select_entity(first.id)
    QTimer.singleShot(800, lambda: _save(window, qapp))


def _save(window, qapp) -> None:
    window.grab().save(str(OUT))
    print(f"saved {OUT}")
    qapp.quit()


if __name__ == "__main__":
    raise SystemExit(main())
