"""`pizhu extract DB [--jobs N] [--article ID ...]`: run the engine over a database.

Progress goes to stderr; Ctrl-C stops the workers and leaves every article
either fully merged or untouched (each chunk of results is merged in one
transaction and reported after it commits).
"""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("db", help="database file")
    parser.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: cores, max 4)")
    parser.add_argument("--article", type=int, nargs="+", dest="articles", metavar="ID",
                        help="only these article ids")


def run(args) -> int:
    from pathlib import Path

    from core.errors import UserError
    from core.jobs import extract
    from core.store import Store

    if not Path(args.db).is_file():
        raise UserError(f"{args.db}: no such database")
    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs must be at least 1")
    with Store(args.db) as store:
        ids = args.articles or store.article_ids()
        missing = set(ids) - set(store.article_ids()) if args.articles else set()
        if missing:
            raise UserError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        summary = extract(store, ids, jobs=args.jobs, progress=_progress)
    print(file=sys.stderr)
    for article_id, error in summary.failed:
        print(f"article {article_id}: {error}", file=sys.stderr)
    state = "cancelled" if summary.cancelled else "done"
    print(f"{state}: {summary.done} articles in {summary.seconds:.1f} s, "
          f"{summary.entities_added} entities and {summary.facts_added} facts suggested")
    return 130 if summary.cancelled else (1 if summary.failed else 0)


def _progress(done: int, total: int, _result) -> None:
    print(f"\rextracting {done}/{total}", end="", file=sys.stderr, flush=True)
