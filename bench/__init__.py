"""Benchmarks of Pizhu at corpus scale (`python -m bench`); not tests, never run by pytest.

Each `bench/bench_*.py` module has `NAME`, a one-line `TITLE` and
`run(ctx) -> list[Row]`. A row holds the figure, its peer measured in the same
run (timings on a shared machine are noisy, so ratios against a peer are what
compare between runs), the target and whether it was met. A benchmark that
cannot run raises; one whose data is absent raises `Skip`.

Databases the benchmarks need are built once into the cache folder
(`bench/.cache`, or `$PIZHU_BENCH_CACHE`) and reused while the corpus file and
the schema version are unchanged.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
NEWS = Path("news") / "news_zh.jsonl"


class Skip(Exception):
    """The benchmark's data is absent; the message says what is missing."""


class CannotRun(Exception):
    """The benchmark failed to run; the message says why (the suite exits non-zero)."""


@dataclass(slots=True)
class Row:
    name: str
    figure: float | None
    unit: str
    peer_name: str = ""
    peer: float | None = None
    ratio: float | None = None
    target: str = "report"
    met: bool | None = None  # None: no target, or not applicable
    note: str = ""


@dataclass(slots=True)
class Context:
    data: Path
    cache: Path
    quick: bool = False
    _articles: list[dict] | None = field(default=None, repr=False)

    @property
    def news(self) -> Path:
        path = self.data / NEWS
        if not path.exists():
            raise Skip(f"needs {path} (the shared development data beside the checkout)")
        return path

    def articles(self) -> list[dict]:
        """The news corpus records (id, title, text, date, ...), read once."""
        if self._articles is None:
            with open(self.news, encoding="utf-8") as f:
                self._articles = [json.loads(line) for line in f if line.strip()]
        return self._articles


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each function over `rounds` rounds, run A B C A B C … so noise hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            times[name].append(timed(fn))
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def load_average() -> str:
    try:
        return f"load {os.getloadavg()[0]:.1f}"
    except OSError:
        return ""


def child_env(tmp: Path) -> dict[str, str]:
    """Environment for a GUI child: offscreen, settings and data in a temporary folder."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PIZHU_CONFIG_DIR=str(tmp / "config"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
               XDG_RUNTIME_DIR=str(tmp / "runtime"), PYTHONPATH=str(REPO))
    (tmp / "runtime").mkdir(mode=0o700, exist_ok=True)
    return env


def run_child(module: str, *args: str, timeout: float = 600) -> dict:
    """Run `python -m module args` in a fresh process; its last stdout line is a JSON object."""
    with tempfile.TemporaryDirectory(prefix="pizhu-bench-") as tmp:
        proc = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-m", module, *args], cwd=REPO, env=child_env(Path(tmp)),
            capture_output=True, text=True, timeout=timeout,
        )
    lines = proc.stdout.strip().splitlines()
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-15:]
    try:
        result = json.loads(lines[-1]) if lines else None
    except ValueError:
        result = None
    if result is None:
        raise CannotRun(f"{module} exited {proc.returncode}:\n    " + "\n    ".join(tail))
    if proc.returncode:  # measured, then crashed while closing: keep the figures, say so loudly
        print(f"  WARNING: {module} exited {proc.returncode} after printing its results:\n    "
              + "\n    ".join(tail), file=sys.stderr, flush=True)
    return result
