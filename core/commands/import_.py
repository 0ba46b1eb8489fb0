"""`pizhu import DB PATH...`: files and folders into a database."""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("db", help="database file (created if missing)")
    parser.add_argument("paths", nargs="+", help="files or folders (.txt .md .html .jsonl, exports)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only the summary line")


def run(args) -> int:
    from core.ingest import import_paths
    from core.store import Store

    with Store(args.db) as store:
        report = import_paths(store, args.paths)
    if not args.quiet:
        for path, reason in report.failed:
            print(f"skipped {path}: {reason}", file=sys.stderr)
        for dup in report.duplicates:
            print(f"duplicate {dup}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed and not report.added else 0
