"""Show a 20,000-character article with 1,000 highlights in a reader pane vs plain setPlainText.

In a child process (offscreen), a ReaderPane sized like half the main window
loads the long article of the cached corpus (store reads, text, line-height
format, 1,000 ExtraSelections) and is repainted synchronously. The peer is a
bare QTextEdit of the same size and font given the same text with
setPlainText, then repainted. Before each timed load the widgets show a short
article, so every measured load replaces a document, as opening from the
corpus does. Work the pane defers to the next event-loop turn (the spans
beyond the first screen) is timed apart. Rounds alternate the two; medians
count.
"""

from __future__ import annotations

import sys
import time

from bench import Context, Row, load_average, run_child
from bench.corpus import corpus_db

NAME = "pane"
TITLE = "show a 20,000-character article with 1,000 highlights in a pane"
SIZE = (760, 860)


def run(ctx: Context) -> list[Row]:
    path = corpus_db(ctx)
    r = run_child("bench.bench_pane", "child", str(path), "5" if ctx.quick else "15")
    ms, plain = r["pane"] * 1e3, r["plain"] * 1e3
    ratio = ms / plain
    return [Row(
        f"show {r['chars']:,}-char article, {r['highlights']:,} highlights", ms, "ms",
        "plain setPlainText", plain, ratio, "≤ 50 ms and ≤ 3× plain", ms <= 50 and ratio <= 3,
        f"median of {r['rounds']}; GUI-thread CPU {r['pane_cpu'] * 1e3:.0f} ms vs plain "
        f"{r['plain_cpu'] * 1e3:.0f} ms; work deferred to the next turn {r['pane_rest'] * 1e3:.1f} ms "
        f"(plain {r['plain_rest'] * 1e3:.1f} ms); steps: store reads {r['reads'] * 1e3:.1f} ms, "
        f"text {r['text'] * 1e3:.1f} ms, all 1,000 highlights {r['highlights_s'] * 1e3:.1f} ms, "
        f"paint {r['paint'] * 1e3:.1f} ms; {load_average()}",
    )]


def child(db_path: str, rounds: int) -> None:
    from PySide6.QtWidgets import QTextEdit

    from bench import median
    from bench.corpus import long_article_id
    from bench.qt import application, emit
    from core.model import Label
    from core.store import Store
    from gui import highlights
    from gui.article_view import reading_font
    from gui.reader_pane import ReaderPane
    from gui.session import Session

    app = application()
    store = Store(db_path, readonly=True)
    session = Session(store, "bench")
    long_id = long_article_id(store.conn)
    short_id = store.conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    text = store.article_text(long_id)
    pane = ReaderPane(session)
    pane.set_visible_labels(set(Label))
    plain = QTextEdit()
    plain.setFont(reading_font())
    for widget in (pane, plain):
        widget.resize(*SIZE)
        widget.show()
    app.processEvents()

    def show_pane():
        pane.load(long_id)
        pane.view.viewport().repaint()

    def show_plain():
        plain.setPlainText(text)
        plain.viewport().repaint()

    times: dict[str, list[float]] = {"pane": [], "plain": [], "pane_cpu": [], "plain_cpu": [],
                                     "pane_rest": [], "plain_rest": []}
    for _ in range(rounds):
        for name, fn, reset in (("pane", show_pane, lambda: pane.load(short_id)),
                                ("plain", show_plain, lambda: plain.setPlainText("短文。"))):
            reset()
            app.processEvents()
            t0, c0 = time.perf_counter(), time.thread_time()
            fn()
            times[name].append(time.perf_counter() - t0)
            times[f"{name}_cpu"].append(time.thread_time() - c0)
            t1 = time.perf_counter()
            app.processEvents()  # work the load deferred to the next turns (the rest of the spans)
            times[f"{name}_rest"].append(time.perf_counter() - t1)
    highlights_count = len(highlights.build(pane.view, pane.mapper, pane.layer, text))
    emit({**{k: median(v) for k, v in times.items()}, "rounds": rounds,
          "chars": len(text), "highlights": highlights_count, **split(pane, store, long_id)})


def split(pane, store, article_id: int) -> dict:
    """Where a pane load goes, measured step by step (one more load)."""
    from gui import highlights

    t0 = time.perf_counter()
    article = store.article(article_id)
    entities = store.entities(article_id)
    t1 = time.perf_counter()
    pane.article = article
    pane._show_text()
    t2 = time.perf_counter()
    pane.layer.entities = entities
    pane.view.setExtraSelections(highlights.build(pane.view, pane.mapper, pane.layer,
                                                  article.clean_text))
    t3 = time.perf_counter()
    pane.view.viewport().repaint()
    t4 = time.perf_counter()
    return {"reads": t1 - t0, "text": t2 - t1, "highlights_s": t3 - t2, "paint": t4 - t3}


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2], int(sys.argv[3]))
