"""The GUI thread's longest stall while 2,000 articles are extracted in the background.

In a child process (offscreen) the main window opens a fresh copy of the
2,000-article database with its first two articles shown. A 10 ms precise
QTimer records how late each tick comes (the gap between ticks minus 10 ms).
First 2 s idle (the peer), then the app's own Background.extract over every
article (worker processes, results merged on the GUI thread, panes and the
corpus table refreshed) until the job finishes. The figure is the worst
lateness during extraction.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench import Context, Row, load_average, run_child
from bench.corpus import copy_db, extract_db

NAME = "stall"
TITLE = "longest GUI-thread stall while extracting 2,000 articles in the background"
INTERVAL_MS = 10


def run(ctx: Context) -> list[Row]:
    n = 300 if ctx.quick else 2000
    with tempfile.TemporaryDirectory(prefix="pizhu-bench-stall-") as tmp:
        db = copy_db(extract_db(ctx), Path(tmp) / "stall.db")
        r = run_child("bench.bench_stall", "child", str(db), str(n), timeout=1500)
    worst, idle = r["busy_max"] * 1e3, r["idle_max"] * 1e3
    return [Row(
        f"GUI stall while extracting {r['articles']:,} articles", worst, "ms",
        "idle stall", idle, worst / idle if idle else None, "≤ 50 ms", worst <= 50,
        f"10 ms timer, {r['ticks']:,} ticks over {r['seconds']:.0f} s of extraction, the worst "
        f"stall from {r['worst_from']:.1f} s to {r['worst_to']:.1f} s; p99 "
        f"{r['busy_p99'] * 1e3:.1f} ms, {r['over_50']} ticks over 50 ms; idle p99 "
        f"{r['idle_p99'] * 1e3:.1f} ms; {r['errors']} errors; {load_average()}",
    )]


class Lateness:
    """A precise 10 ms timer; each tick notes how far past its due time it came."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.samples: list[float] = []
        self.at: list[float] = []  # when each late tick came
        self.last: float | None = None
        self.timer = QTimer(timerType=Qt.TimerType.PreciseTimer, interval=INTERVAL_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.samples.append(max(0.0, now - self.last - INTERVAL_MS / 1e3))
            self.at.append(now)
        self.last = now

    def start(self) -> None:
        self.samples, self.at, self.last = [], [], None
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return self.samples


def child(db_path: str, n: int) -> None:
    from bench import percentile
    from bench.qt import application, emit, open_window, run_loop

    application()
    window, _times = open_window(db_path)
    ids = window.session.store.article_ids()[:n]
    clock = Lateness()
    clock.start()
    run_loop(2.0)
    idle = clock.stop()
    errors: list[str] = []
    clock.start()
    t0 = time.perf_counter()
    job = window.background.extract(ids)
    job.failed.connect(errors.append)
    window.background.report.connect(lambda _title, text: errors.append(text))
    if job.running:
        run_loop(900, until=job.finished)
    seconds = time.perf_counter() - t0
    busy = clock.stop()
    worst = busy.index(max(busy))
    worst_end = clock.at[worst] - t0  # the stall ended here, seconds after the job started
    if job.running:
        raise SystemExit("extraction did not finish within 900 s")
    entities = window.session.store.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    if not entities:
        raise SystemExit(f"extraction merged no entities: {errors[:3]}")
    emit({"idle_max": max(idle), "idle_p99": percentile(idle, 99), "busy_max": max(busy),
          "busy_p99": percentile(busy, 99), "over_50": sum(s > 0.05 for s in busy),
          "ticks": len(busy), "seconds": seconds, "articles": len(ids), "entities": entities,
          "errors": len(errors), "worst_from": worst_end - busy[worst], "worst_to": worst_end})
    window.close()


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2], int(sys.argv[3]))
