"""Batch extraction in worker processes, with progress and cooperative cancel.

jieba and the tagger are pure Python and hold the GIL, so analysis runs in a
pool of spawned processes (spawn also works in a frozen bundle). Workers read
articles from the database read-only, analyse them and `core.merge.prepare`
the rows a merge needs; they never write. The caller merges the results with
`Store.merge_suggestions` (or `core.merge.merge_prepared`, a worker's chunk at
a time): one writer per database, and a merge never touches a human decision.
The writer's share is kept small because on two cores it is what limits
`--jobs 2` (bench/README.md, extract).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from core.merge import MergeResult, Prepared, merge_prepared, prepare
from core.model import Analysis

_engine: dict = {}

# Articles a worker analyses per task: small enough that both workers finish
# together and a cancel is quick.
MAX_CHUNK = 16
# `extract` merges up to this many results in one transaction (one per ~3 % of
# the run, so progress stays fine-grained): one COMMIT per 64 articles costs the
# writer ~0.1 ms less per article than one per 16 (bench/README.md, extract).
MAX_BATCH = 64
GATHER_S = 0.25  # the longest a result waits for others to share its transaction
CANCEL_POLL_S = 0.1  # how often a wait for results looks at the cancel flag


@dataclass(frozen=True, slots=True)
class JobResult:
    """One article's result: its analysis (from workers: `prepare`d), or why there is none."""

    article_id: int
    analysis: Analysis | Prepared | None
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
    except Exception as exc:  # answered on every article, with the reason
        _engine["error"] = f"the engine did not start: {type(exc).__name__}: {exc}"


def load_tagger(path: str | None):
    """The database's own tagger if it has one, else the shipped model (None if absent)."""
    if path:
        from core.extract.tagger import NameTagger

        return NameTagger.load(path)
    from core.extract import default_tagger  # None, logged, when the shipped model is absent

    return default_tagger()


def _analyze_chunk(article_ids: list[int]) -> list[JobResult]:
    return [_analyze_one(article_id) for article_id in article_ids]


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
        return JobResult(article_id, prepare(analysis))
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
    is_cancelled = _cancelled(cancel)
    with closing(iter_chunks(db_path, article_ids, jobs=jobs, cancel=cancel)) as chunks:
        for chunk in chunks:
            for result in chunk:
                yield result
                if is_cancelled():
                    return


def iter_chunks(db_path: str, article_ids: list[int], *, jobs: int | None = None,
                cancel: threading.Event | Callable[[], bool] | None = None,
                gather: int = 1) -> Iterator[list[JobResult]]:
    """Like `iter_analyses`, a worker's chunk (up to MAX_CHUNK articles) at a time, or with
    `gather`, the chunks that arrive until the list holds that many articles or GATHER_S passed."""
    if not article_ids:
        return
    is_cancelled = _cancelled(cancel)
    jobs = jobs or default_jobs()
    size = max(1, min(MAX_CHUNK, len(article_ids) // (jobs * 8)))
    tasks = [article_ids[i : i + size] for i in range(0, len(article_ids), size)]
    workers = _Workers(str(db_path), tasks, min(jobs, len(tasks)))
    try:
        while not is_cancelled():
            try:
                first = workers.next(timeout=CANCEL_POLL_S)
            except multiprocessing.TimeoutError:
                continue
            except StopIteration:
                return
            yield _gathered(workers, first, gather, is_cancelled)
    finally:
        workers.close()


class _Workers:
    """Engine processes, each sent chunks of article ids over its own pipe.

    The caller's thread reads the results itself. multiprocessing.Pool, used
    before, kept three threads in the parent, one of which woke for every result
    waiting in the pipe: ~0.1 ms of the writer's CPU per article, and a third
    thread wanting the GIL during merges; on two cores the writer's CPU is what
    bounds `--jobs 2` (bench/README.md, extract). Each worker holds AHEAD chunks,
    so it never waits while the caller merges. A worker that dies fails the
    articles it held, and the rest go to the others (Pool waited for them forever).
    """

    AHEAD = 2

    def __init__(self, db_path: str, tasks: list[list[int]], jobs: int) -> None:
        context = multiprocessing.get_context("spawn")  # spawn also works in a frozen bundle
        self.tasks = deque(tasks)
        self.held: dict = {}  # pipe -> the chunks sent to its worker, oldest first
        self.processes: dict = {}  # pipe -> its worker process
        self.ready: deque[list[JobResult]] = deque()
        try:
            for _ in range(jobs):
                ours, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs, db_path), daemon=True,
                                          name="pizhu-engine")
                self.held[ours], self.processes[ours] = deque(), process
                process.start()
                theirs.close()
        except BaseException:  # Ctrl-C or no more processes: stop the ones started
            self.close()
            raise
        for pipe in list(self.held):
            for _ in range(self.AHEAD):
                if pipe in self.held:  # a failed send loses the worker
                    self._send(pipe)

    def next(self, timeout: float | None = None) -> list[JobResult]:
        """The next finished chunk; StopIteration when none is left, TimeoutError after timeout."""
        while not self.ready:
            busy = [pipe for pipe, held in self.held.items() if held]
            if not busy:
                raise StopIteration
            ready = wait(busy + [self.processes[pipe].sentinel for pipe in busy], timeout)
            if not ready:
                raise multiprocessing.TimeoutError
            for pipe in busy:
                if pipe in self.held and (pipe in ready or self.processes[pipe].sentinel in ready):
                    self._receive(pipe)
        return self.ready.popleft()

    def _send(self, pipe) -> None:
        if not self.tasks:
            return
        try:
            pipe.send(self.tasks[0])
        except OSError:  # the worker is gone
            self._lost(pipe)
            return
        self.held[pipe].append(self.tasks.popleft())

    def _receive(self, pipe) -> None:
        try:
            if not pipe.poll():  # only the process ended: it sent nothing more
                raise EOFError
            chunk = pipe.recv()
        except (EOFError, OSError):
            self._lost(pipe)
            return
        self.held[pipe].popleft()
        self.ready.append(chunk)
        self._send(pipe)

    def _lost(self, pipe) -> None:
        """A worker died: fail the chunks it held; the live workers take the rest as usual."""
        process = self.processes.pop(pipe)
        process.join(1)
        if process.is_alive():  # its pipe broke first: make sure it is gone
            process.terminate()
            process.join()
        reason = f"the engine process stopped (exit code {process.exitcode})"
        lost = list(self.held.pop(pipe))
        pipe.close()
        if not self.held:  # no worker left for what nobody was sent
            lost += self.tasks
            self.tasks.clear()
        if lost:
            self.ready.append([JobResult(a, None, reason) for chunk in lost for a in chunk])

    def close(self) -> None:
        for pipe, process in self.processes.items():
            if process.pid is not None:  # started
                process.terminate()
            pipe.close()
        for process in self.processes.values():
            if process.pid is not None:
                process.join()


def _serve(pipe, db_path: str) -> None:
    """A worker process: analyse each chunk of ids it is sent, until the parent is gone."""
    _init_worker(db_path)
    while True:
        try:
            task = pipe.recv()
        except (EOFError, OSError):
            return
        pipe.send(_analyze_chunk(task))


def _gathered(chunks, results: list[JobResult], gather: int, is_cancelled) -> list[JobResult]:
    deadline = time.monotonic() + GATHER_S
    while len(results) < gather and not is_cancelled():
        try:
            results += chunks.next(timeout=max(0.0, deadline - time.monotonic()))
        except (StopIteration, multiprocessing.TimeoutError):
            break
    return results


def _cancelled(cancel) -> Callable[[], bool]:
    return cancel.is_set if isinstance(cancel, threading.Event) else (cancel or (lambda: False))


def extract(store, article_ids: list[int] | None = None, *, jobs: int | None = None,
            progress: Callable[[int, int, JobResult], None] | None = None,
            cancel: threading.Event | None = None) -> ExtractSummary:
    """Run the engine over articles and merge the results into the store (one writer).

    Results are merged in batches, one transaction each, and reported after the
    commit: an article reported done is stored, a cancel or Ctrl-C leaves every
    article fully merged or untouched.
    """
    ids = list(dict.fromkeys(article_ids)) if article_ids else store.article_ids()  # each once
    summary = ExtractSummary()
    started = time.perf_counter()
    try:
        batch = max(1, min(MAX_BATCH, len(ids) // 32))
        for chunk in iter_chunks(str(store.path), ids, jobs=jobs, cancel=cancel, gather=batch):
            reported = summary.done + len(summary.failed)
            for result, outcome in zip(chunk, _merge_chunk(store, chunk), strict=True):
                _count(summary, result, outcome)  # the whole committed batch, before a Ctrl-C can land
            if progress:
                for n, result in enumerate(chunk, reported + 1):
                    progress(n, len(ids), result)
    except KeyboardInterrupt:
        summary.cancelled = True
    summary.cancelled = summary.cancelled or bool(cancel and cancel.is_set())
    summary.seconds = time.perf_counter() - started
    return summary


def _merge_chunk(store, chunk: list[JobResult]) -> list[MergeResult | str]:
    """Merge a chunk in one transaction; if one article spoils it, each on its own."""
    ready = [(r.article_id, r.analysis) for r in chunk if r.analysis is not None]
    try:
        merged = iter(merge_prepared(store, ready))
    except (ValueError, sqlite3.IntegrityError):  # rolled back; find the article and report it
        merged = iter([_merge_alone(store, article_id, prepared) for article_id, prepared in ready])
    outcomes = []
    for result in chunk:
        if result.analysis is None:
            outcomes.append(result.error or "unknown error")
        else:  # None: the article was deleted meanwhile
            outcomes.append(next(merged) or f"no article with id {result.article_id}")
    return outcomes


def _merge_alone(store, article_id: int, prepared: Prepared) -> MergeResult | str | None:
    try:
        return merge_prepared(store, [(article_id, prepared)])[0]
    except (ValueError, sqlite3.IntegrityError) as exc:  # e.g. the text changed meanwhile
        return str(exc)


def _count(summary: ExtractSummary, result: JobResult, outcome: MergeResult | str) -> None:
    if isinstance(outcome, str):
        summary.failed.append((result.article_id, outcome))
        return
    summary.done += 1
    summary.entities_added += outcome.entities_added
    summary.facts_added += outcome.facts_added
