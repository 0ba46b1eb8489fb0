"""Batch extraction in worker processes: results, provenance, cancel, Ctrl-C."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading

import pytest

from core.jobs import extract, iter_analyses
from core.store import NewArticle, Store
from core.text import OffsetMap
from tests.conftest import ROOT

ARTICLES = [f"{i}月{i}日，德州经开区管委会主任李爱军介绍，今年投资{i}.5亿元建设第{i}期产业园项目。"
            for i in range(1, 13)]


def fill(store: Store, texts=ARTICLES) -> list[int]:
    ids, _ = store.add_articles(
        [NewArticle(t[:8], t, t, OffsetMap.identity(len(t)), "simplified") for t in texts])
    return ids


def per_article(store: Store) -> dict[int, list[tuple]]:
    return {aid: [(e.start, e.end, e.label, e.status) for e in store.entities(aid)]
            for aid in store.article_ids()}


def test_extract_merges_every_article_with_engine_provenance(fresh_store):
    fill(fresh_store)
    summary = extract(fresh_store, jobs=2)
    assert summary.done == len(ARTICLES) and not summary.failed and not summary.cancelled
    entity = next(e for e in fresh_store.entities(1) if e.text == "李爱军")
    assert entity.source.startswith("engine:") and entity.status.value == "suggested"
    assert entity.model  # the tagger model that made it (or "" when rules ran alone)
    assert any(f.type.value == "position" for f in fresh_store.facts(1))


def test_cancel_stops_early_and_each_article_is_whole_or_untouched(fresh_store):
    fill(fresh_store)
    full = Store(fresh_store.path.parent / "full.db")
    fill(full)
    extract(full, jobs=1)
    expected = per_article(full)
    full.close()

    cancel = threading.Event()
    seen = []

    def progress(done, total, result):
        seen.append(result.article_id)
        if len(seen) == 3:
            cancel.set()

    summary = extract(fresh_store, jobs=1, progress=progress, cancel=cancel)
    assert summary.cancelled and 3 <= summary.done < len(ARTICLES)
    got = per_article(fresh_store)
    for aid, entities in got.items():
        assert entities in ([], expected[aid])
    assert sum(1 for e in got.values() if e) == summary.done


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_engine_that_cannot_start_fails_each_article_and_stores_nothing(fresh_store, jobs):
    fill(fresh_store, ARTICLES[:4])
    (fresh_store.path.parent / f"{fresh_store.path.name}.tagger.crfsuite").write_bytes(b"not a model")
    summary = extract(fresh_store, jobs=jobs)
    assert summary.done == 0 and len(summary.failed) == 4 and not summary.cancelled
    assert all("the engine did not start" in error for _, error in summary.failed)
    assert all(entities == [] for entities in per_article(fresh_store).values())


def test_results_are_yielded_per_article_and_bad_ids_reported(fresh_store):
    ids = fill(fresh_store, ARTICLES[:3])
    results = list(iter_analyses(str(fresh_store.path), [*ids, 999], jobs=2))
    assert sorted(r.article_id for r in results) == [*ids, 999]
    missing = next(r for r in results if r.article_id == 999)
    assert missing.analysis is None and "no longer exists" in missing.error


@pytest.fixture
def no_stall():
    """Fail, not hang, if the extract process stops talking (blocked pipe reads)."""

    def stalled(_signum, _frame):
        raise TimeoutError("pizhu extract made no progress for 180 s")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(180)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_no_more_engine_processes_than_chunks(fresh_store):
    ids = fill(fresh_store, ARTICLES[:1])
    engines = [len([p for p in multiprocessing.active_children() if p.name == "pizhu-engine"])
               for _ in iter_analyses(str(fresh_store.path), ids, jobs=4)]
    assert engines == [1]


@pytest.mark.skipif(sys.platform == "win32", reason="kills a worker with SIGKILL (POSIX)")
@pytest.mark.parametrize("killed", [1, 2])
def test_a_worker_that_dies_fails_the_articles_it_held_and_the_run_ends(fresh_store, killed):
    texts = [t + f"（{n}）" for n, t in enumerate(ARTICLES * 4)]  # 48 articles, chunks of 3
    fill(fresh_store, texts)
    victims = []

    def progress(done, total, result):
        if not victims:  # work is under way: kill engine processes with chunks in hand
            victims.extend(p for p in multiprocessing.active_children() if p.name == "pizhu-engine")
            for process in victims[:killed]:
                os.kill(process.pid, signal.SIGKILL)

    summary = extract(fresh_store, jobs=2, progress=progress)
    assert summary.done + len(summary.failed) == len(texts) and not summary.cancelled
    assert summary.failed and all(reason.startswith("the engine process stopped (exit code -9)")
                                  for _, reason in summary.failed)
    stored = per_article(fresh_store)
    assert all(stored[aid] == [] for aid, _ in summary.failed)
    assert sum(1 for entities in stored.values() if entities) == summary.done
    if killed == 1:  # the other worker took over what nobody had been sent
        assert summary.done > len(texts) // 2


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGINT delivery and SIGALRM (POSIX)")
def test_ctrl_c_cancels_cleanly(tmp_path, no_stall):
    db = tmp_path / "c.db"
    with Store(db) as store:
        fill(store, [t + f"（{n}）" for n, t in enumerate(ARTICLES * 40)])  # 480 distinct texts
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "gui.app", "extract", str(db), "--jobs", "1"],
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    buffer = ""
    while "extracting 5/" not in buffer:  # wait for real progress, then press Ctrl-C
        chunk = proc.stderr.read(1)
        assert chunk, f"extract ended early: {buffer}"
        buffer += chunk
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130, buffer + rest
    assert "Traceback" not in rest
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        done = [aid for aid, ents in per_article(store).items() if ents]
        assert 5 <= len(done) < store.article_count()


def test_workers_apply_what_people_tagged_to_other_articles(fresh_store):
    from core import operations as ops
    from core.model import Label

    fill(fresh_store, ["他说好风景真好看。", "我们喜欢好风景。"])
    ops.add_entity(fresh_store, 1, 2, 5, Label.PROJECT, annotator="me")  # no rule knows it
    extract(fresh_store, [2], jobs=1)
    assert [(e.text, e.label) for e in fresh_store.entities(2)] == [("好风景", Label.PROJECT)]
