"""`pizhu check DB [--repair]`: integrity, spans against text, facts, search index."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("db", help="database file")
    parser.add_argument("--repair", action="store_true", help="fix what can be fixed safely")


def run(args) -> int:
    from pathlib import Path

    from core.check import find_problems, repair
    from core.errors import UserError
    from core.store import Store

    if not Path(args.db).is_file():
        raise UserError(f"{args.db}: no such database")
    with Store(args.db, readonly=not args.repair) as store:
        problems = find_problems(store)
        for problem in problems:
            print(problem)
        if args.repair and problems:
            for line in repair(store, problems):
                print(f"fixed: {line}")
            problems = find_problems(store)
    print("ok" if not problems else f"{len(problems)} problem(s) remain")
    return 0 if not problems else 1
