"""The end-to-end self-test behind `pizhu --self-test`, core half.

Each step runs the same code the app runs (ingest, worker-process extraction,
every export format) in a temporary folder and yields one result line. The GUI
half (open and close the main window offscreen) is added by gui/self_test.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name:<22} {self.detail} ({self.seconds:.2f} s)"


def timed(name: str, step: Callable[[], str]) -> StepResult:
    started = time.perf_counter()
    try:
        detail, ok = step(), True
    except Exception as exc:  # a self-test reports every failure as a line, never a traceback
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return StepResult(name, ok, detail, time.perf_counter() - started)


def seed_files() -> list[Path]:
    folder = resources.files("seeds")
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".txt"))


def core_steps(workdir: Path) -> Iterator[StepResult]:
    """Database, import, extraction, exports; stops at the first failure."""
    from core.store import Store

    db_path = workdir / "selftest.db"
    state: dict = {}

    def create() -> str:
        state["store"] = Store(db_path)
        return str(db_path)

    def import_seeds() -> str:
        from core.ingest import import_paths

        report = import_paths(state["store"], seed_files())
        if len(report.added) < 2 or report.failed:
            raise RuntimeError(f"seeds not imported: {report.summary()} {report.failed}")
        return report.summary()

    def extract() -> str:
        from core.jobs import extract as run_extract

        summary = run_extract(state["store"], jobs=2)
        if summary.failed or not summary.entities_added:
            raise RuntimeError(f"extraction failed: {summary.failed or 'no entities'}")
        return f"{summary.done} articles, {summary.entities_added} entities, {summary.facts_added} facts"

    def export() -> str:
        return _export_all(state["store"], workdir / "exports")

    try:
        for name, step in (("create database", create), ("import seeds", import_seeds),
                           ("extract (workers)", extract), ("export every format", export)):
            result = timed(name, step)
            yield result
            if not result.ok:
                return
    finally:
        if "store" in state:
            state["store"].close()


def _export_all(store, folder: Path) -> str:
    from importlib.util import find_spec

    from core.export import FORMATS, export

    folder.mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    for fmt in FORMATS:
        if fmt == "spacy" and find_spec("spacy") is None:
            skipped.append(fmt)
            continue
        out = folder / f"seeds.{fmt}"
        export(store, fmt, out, scope="all")
        if not out.exists():
            raise RuntimeError(f"{fmt}: nothing written")
        written.append(fmt)
    detail = ", ".join(written)
    return detail + (f"; skipped {', '.join(skipped)} (optional extra not installed)" if skipped else "")
