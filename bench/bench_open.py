"""Open the 20,000-article database to the first paint of the main window (offscreen).

Each measurement is a fresh child process that opens the database as
`pizhu DB` does (gui.app.make_application, then gui.files.open_window:
Store, Session, MainWindow, show; then open_initial, the first two
articles). The clock starts at open_window and stops at the first
QEvent.Paint delivered to the main window or a widget inside it (an
application event filter); the first zero-timer after show is reported
beside it. Imports and the QApplication are timed apart as app start. The
database file is in the page cache (a database used recently).
"""

from __future__ import annotations

import sys
import time

from bench import Context, Row, load_average, median, run_child
from bench.corpus import corpus_db

NAME = "open"
TITLE = "open a 20,000-article database to first paint of the main window"


def run(ctx: Context) -> list[Row]:
    path = corpus_db(ctx)
    runs = [run_child("bench.bench_open", "child", str(path))
            for _ in range(1 if ctx.quick else 3)]
    paint = median([r["paint"] for r in runs])
    return [Row(
        "open 20,000-article DB to first paint", paint, "s", target="≤ 1 s", met=paint <= 1,
        note=f"median of {len(runs)} processes; window built {median([r['built'] for r in runs]):.2f} s, "
             f"first zero-timer {median([r['tick'] for r in runs]):.2f} s, first paint on "
             f"{runs[0]['paint_receiver']}; GUI-thread CPU to the zero-timer "
             f"{median([r['cpu'] for r in runs]):.2f} s; app start (imports + QApplication) "
             f"{median([r['app_start'] for r in runs]):.2f} s; {load_average()}",
    )]


def child(db_path: str) -> None:
    t0 = time.perf_counter()
    from bench.qt import application, emit, open_window
    from gui.main_window import MainWindow  # noqa: F401 - imports belong to app start

    application()
    app_start = time.perf_counter() - t0
    window, times = open_window(db_path)
    emit(dict(times, app_start=app_start))
    window.close()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2])
