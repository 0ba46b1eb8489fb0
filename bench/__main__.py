"""`python -m bench [--data PATH] [--only NAME ...] [--quick]`: run the benchmarks, print one table.

Exit status: 0 when every benchmark ran or skipped (data absent), 1 when one
could not run (its reason is printed). Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from bench import DEFAULT_DATA, REPO, CannotRun, Context, Row, Skip

# Benchmark modules in the order of the table.
MODULES = ("analyze", "extract", "import", "open", "pane", "stall", "edit", "search", "export",
           "rss")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"the shared data folder (default {DEFAULT_DATA})")
    parser.add_argument("--only", nargs="+", choices=MODULES, metavar="NAME",
                        help=f"run only these: {', '.join(MODULES)}")
    parser.add_argument("--quick", action="store_true",
                        help="smaller samples and fewer rounds (a smoke run, noisier)")
    parser.add_argument("--cache", type=Path,
                        default=Path(os.environ.get("PIZHU_BENCH_CACHE", REPO / "bench" / ".cache")),
                        help="where built databases are kept (default bench/.cache)")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ctx = Context(data=args.data, cache=args.cache, quick=args.quick)
    rows: list[Row] = []
    failed: list[str] = []
    skipped: list[str] = []
    started = time.perf_counter()
    for name in args.only or MODULES:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"[{name}] {module.TITLE} …", flush=True)
        t0 = time.perf_counter()
        try:
            got = module.run(ctx)
        except Skip as exc:
            skipped.append(name)
            print(f"[{name}] skipped: {exc}", flush=True)
            continue
        except CannotRun as exc:
            failed.append(name)
            print(f"[{name}] COULD NOT RUN: {exc}", file=sys.stderr, flush=True)
            continue
        except Exception:  # noqa: BLE001 - reported loudly, the suite goes on and exits 1
            failed.append(name)
            print(f"[{name}] COULD NOT RUN:\n{traceback.format_exc()}", file=sys.stderr, flush=True)
            continue
        rows += got
        print(f"[{name}] done in {time.perf_counter() - t0:.0f} s", flush=True)
    print()
    print(header(ctx, time.perf_counter() - started))
    print(table(rows))
    if skipped:
        print(f"\nskipped (no data): {', '.join(skipped)}")
    if failed:
        print(f"\nCOULD NOT RUN: {', '.join(failed)} (reasons above)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "quick": ctx.quick,
                                         "rows": [asdict(r) for r in rows]},
                                        ensure_ascii=False, indent=1))
    return 1 if failed else 0


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}"


def header(ctx: Context, seconds: float) -> str:
    mode = "quick" if ctx.quick else "full"
    return (f"Pizhu benchmarks ({mode}), {datetime.now():%Y-%m-%d %H:%M}, {machine()}, "
            f"{seconds:.0f} s")


def fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def table(rows: list[Row]) -> str:
    """A Markdown table of the rows, then each row's note."""
    head = ("benchmark", "figure", "peer (same run)", "ratio", "target", "met?")
    body = []
    for r in rows:
        peer = f"{r.peer_name} {fmt(r.peer)} {r.unit}" if r.peer_name else "—"
        met = {True: "yes", False: "NO", None: "—"}[r.met]
        body.append((r.name, f"{fmt(r.figure)} {r.unit}", peer,
                     "—" if r.ratio is None else f"{r.ratio:.2f}×", r.target, met))
    widths = [max(len(c) for c in col) for col in zip(head, *body, strict=True)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"
             for cells in (head, *body)]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"* {r.name}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


if __name__ == "__main__":
    raise SystemExit(main())
