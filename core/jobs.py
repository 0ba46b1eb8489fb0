"""Batch extraction in worker processes, with progress and cooperative cancel.

jieba and the tagger are pure Python and hold the GIL, so analysis runs in a
pool of spawned processes (spawn also works in a frozen bundle). Workers read
articles from the database read-only and return `Analysis` objects; they never
write. The caller merges each result with `Store.merge_suggestions`: one
writer per database, and a merge never touches a human decision.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from core.model import Analysis

_engine: dict = {}


@dataclass(frozen=True, slots=True)
class JobResult:
    article_id: int
    analysis: Analysis | None
    error: str | None = None


@dataclass(slots=True)
class ExtractSummary:
    done: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)
    entities_added: int = 0
    facts_added: int = 0
    cancelled: bool = False
    seconds: float = 0.0


def tagger_path_for(db_path: str) -> str | None:
    """A database's own retrained tagger (`pizhu retrain`), if there is one."""
    candidate = f"{db_path}.tagger.crfsuite"
    return candidate if os.path.exists(candidate) else None


def _init_worker(db_path: str) -> None:
    """Load the engine once per process: jieba dictionary, tagger, the database's lexicon."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and cleans up
    try:
        from core.extract import analyze
        from core.store import Store

        store = Store(db_path, readonly=True)  # workers read; only the parent writes
        _engine.update(tagger=load_tagger(tagger_path_for(db_path)), store=store,
                       lexicon=store.lexicon())

        analyze("德州经开区。", tagger=_engine["tagger"])  # warm jieba and the gazetteers now
    except Exception as exc:  # a raising initializer makes Pool respawn workers forever
        _engine["error"] = f"the engine did not start: {type(exc).__name__}: {exc}"


def load_tagger(path: str | None):
    """The database's own tagger if it has one, else the shipped model (None if absent)."""
    if path:
        from core.extract.tagger import NameTagger

        return NameTagger.load(path)
    from core.extract import default_tagger  # None, logged, when the shipped model is absent

    return default_tagger()


def _analyze_one(article_id: int) -> JobResult:
    from core.extract import analyze

    if "error" in _engine:
        return JobResult(article_id, None, _engine["error"])
    try:
        row = _engine["store"].conn.execute(
            "SELECT clean_text, article_date FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return JobResult(article_id, None, "article no longer exists")
        analysis = analyze(row[0], article_date=row[1], lexicon=_engine["lexicon"],
                           tagger=_engine.get("tagger"))
        return JobResult(article_id, analysis)
    except Exception as exc:  # one bad article must not stop the batch; it is reported
        return JobResult(article_id, None, f"{type(exc).__name__}: {exc}")


def default_jobs() -> int:
    return max(1, min(4, (os.cpu_count() or 2)))


def iter_analyses(db_path: str, article_ids: list[int], *, jobs: int | None = None,
                  cancel: threading.Event | Callable[[], bool] | None = None) -> Iterator[JobResult]:
    """Analyse articles in worker processes; yields one result per article as it is ready.

    Stops early, terminating the workers, when `cancel` is set or the consumer
    stops iterating (or Ctrl-C reaches the parent).
    """
    if not article_ids:
        return
    is_cancelled = cancel.is_set if isinstance(cancel, threading.Event) else (cancel or (lambda: False))
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(jobs or default_jobs(), initializer=_init_worker, initargs=(str(db_path),))
    try:
        chunk = max(1, min(16, len(article_ids) // ((jobs or 1) * 8) or 1))
        for result in pool.imap_unordered(_analyze_one, article_ids, chunksize=chunk):
            yield result
            if is_cancelled():
                return
    finally:
        pool.terminate()
        pool.join()


def extract(store, article_ids: list[int] | None = None, *, jobs: int | None = None,
            progress: Callable[[int, int, JobResult], None] | None = None,
            cancel: threading.Event | None = None) -> ExtractSummary:
    """Run the engine over articles and merge each result into the store (one writer)."""
    ids = list(article_ids) if article_ids else store.article_ids()
    summary = ExtractSummary()
    started = time.perf_counter()
    try:
        for result in iter_analyses(str(store.path), ids, jobs=jobs, cancel=cancel):
            _merge(store, result, summary)
            if progress:
                progress(summary.done + len(summary.failed), len(ids), result)
    except KeyboardInterrupt:
        summary.cancelled = True
    summary.cancelled = summary.cancelled or bool(cancel and cancel.is_set())
    summary.seconds = time.perf_counter() - started
    return summary


def _merge(store, result: JobResult, summary: ExtractSummary) -> None:
    if result.analysis is None:
        summary.failed.append((result.article_id, result.error or "unknown error"))
        return
    from core.errors import UserError

    try:
        merged = store.merge_suggestions(result.article_id, result.analysis)
    except UserError as exc:  # the article was deleted meanwhile
        summary.failed.append((result.article_id, str(exc)))
        return
    summary.done += 1
    summary.entities_added += merged.entities_added
    summary.facts_added += merged.facts_added
