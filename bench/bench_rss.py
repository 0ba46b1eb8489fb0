"""Peak resident memory with the 20,000-article database open and the long article shown.

A fresh child process (offscreen) opens the cached corpus in the main window
as at start-up, then opens the 20,000-character, 1,000-highlight article in
the current pane, lets it paint and settle, and reads its own peak resident
size (VmHWM of /proc/self/status; ru_maxrss where that is missing, see
bench.qt.peak_rss_mib). The peer is the same process's peak before it opened
the database (Python, Qt and the app's modules loaded, QApplication made).
"""

from __future__ import annotations

import sys

from bench import Context, Row, load_average, run_child
from bench.corpus import corpus_db

NAME = "rss"
TITLE = "peak RSS with the 20,000-article database open and one long article shown"


def run(ctx: Context) -> list[Row]:
    r = run_child("bench.bench_rss", "child", str(corpus_db(ctx)))
    peak, base = r["peak"], r["base"]
    return [Row(
        "peak RSS, 20,000-article DB open, long article shown", peak, "MiB",
        "before opening the DB", base, peak / base, "≤ 400 MB", peak * 2**20 <= 400e6,
        f"VmHWM of the child (its ru_maxrss {r['ru_maxrss']:.0f} MiB also counts the parent's "
        f"pages copied at fork); {r['panes']} panes open; {load_average()}",
    )]


def child(db_path: str) -> None:
    from bench.corpus import long_article_id
    from bench.qt import application, emit, open_window, peak_rss_mib, ru_maxrss_mib, run_loop
    from gui.main_window import MainWindow  # noqa: F401 - loaded before the baseline

    application()
    base = peak_rss_mib()
    window, _times = open_window(db_path)
    window.reader.open(long_article_id(window.session.store.conn))
    window.repaint()
    run_loop(1.0)
    emit({"peak": peak_rss_mib(), "base": base, "ru_maxrss": ru_maxrss_mib(),
          "panes": len(window.reader.panes)})
    window.close()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2])
