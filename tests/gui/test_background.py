"""Background jobs: extraction off the GUI thread, progress after 600 ms, cancel, import."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from core.jobs import JobResult
from core.model import Status
from tests.gui.conftest import SEEDS_DIR, fake_analysis

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("propagateSizeHints")]


def _slow_work(store, ids, delay: float = 0.05, rounds: int = 6):
    """An engine stand-in that takes its time (in the worker thread, GIL released)."""
    texts = {i: store.article_text(i) for i in ids}
    items = [i for _ in range(rounds) for i in ids]

    def work(cancel, progress):
        for n, article_id in enumerate(items, 1):
            if cancel():
                return
            time.sleep(delay)
            progress(n, len(items))
            yield JobResult(article_id, fake_analysis(texts[article_id]))

    return work


def test_extraction_runs_in_background_gui_keeps_ticking(window, qtbot, seeded_store):
    ids = seeded_store.article_ids()
    # start from a store with no suggestions: the panes fill as results arrive
    for article_id in ids:
        window.session.store.conn.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        window.session.article_changed.emit(article_id)
    assert all(not p.layer.entities for p in window.reader.panes)
    ticks = []
    timer = QTimer(interval=10, timeout=lambda: ticks.append(time.monotonic()))
    timer.start()
    job = window.background.extract(ids, work=_slow_work(seeded_store, ids, delay=0.1))
    with qtbot.waitSignal(window.background.extraction_finished, timeout=20000) as blocker:
        pass
    timer.stop()
    assert blocker.args == [job, False]  # every result merged, not cancelled
    # ~1.2 s of work in the thread; a blocked GUI thread would tick once at the end
    assert len(ticks) >= 8
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5
    for pane in window.reader.panes:
        assert pane.layer.entities
        assert all(e.status is Status.SUGGESTED for e in pane.layer.entities)
    assert window.progress.isHidden()


def test_progress_shows_after_600_ms_and_cancel_stops(window, qtbot, seeded_store):
    ids = seeded_store.article_ids()
    job = window.background.extract(ids, work=_slow_work(seeded_store, ids, 0.1, 50))
    assert window.progress.isHidden()  # never flashes for fast jobs
    qtbot.waitUntil(window.progress.isVisible, timeout=3000)
    with qtbot.waitSignal(window.background.extraction_finished, timeout=10000) as blocker:
        window.progress.cancel_button.click()
    assert blocker.args == [job, True]
    assert window.progress.isHidden()


def test_import_then_extract(window, qtbot, tmp_path):
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "a.txt").write_text("新標題\n\n德州經開區今天簽約一個項目。", "utf-8")
    (folder / "dup.txt").write_text((SEEDS_DIR / "004_e4fa7af52911aa56.txt").read_text("utf-8"),
                                    "utf-8")
    before = window.corpus.model.total()
    started, reports = [], []
    window.background.job_started.connect(started.append)
    window.background.report.connect(lambda title, text: reports.append(text))
    job = window.background.import_paths([str(folder)], extract_after=False)
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert window.corpus.model.total() == before + 1
    assert started == [job]
    assert len(reports) == 1 and "duplicate" in reports[0]  # the seed copy was skipped


def test_real_engine_in_worker_processes_and_reject_survives(window, qtbot):
    """core.jobs end to end: suggestions arrive, a rejected one is not suggested again."""
    store = window.session.store
    pane = window.reader.panes[1]  # the shorter seed
    window.reader.set_current(pane)
    window.background.extract([pane.article_id])
    with qtbot.waitSignal(window.background.extraction_finished, timeout=120000):
        pass
    engine = [e for e in pane.layer.entities if e.from_engine and e.status is Status.SUGGESTED]
    assert engine, "the engine suggested nothing"
    pane.select_entity(engine[0].id)
    window.actions.reject.trigger()
    window.background.extract([pane.article_id])
    with qtbot.waitSignal(window.background.extraction_finished, timeout=120000):
        pass
    again = [e for e in store.entities(pane.article_id)
             if (e.label, e.text) == (engine[0].label, engine[0].text) and e.status is Status.SUGGESTED]
    assert again == []
    assert store.entity(engine[0].id).status is Status.REJECTED
