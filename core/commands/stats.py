"""`pizhu stats DB`: articles, entities by label and status, facts by type and status."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("db", help="database file")


def run(args) -> int:
    from core.stats import collect
    from core.store import Store

    _exists(args.db)
    with Store(args.db, readonly=True) as store:
        stats = collect(store)
    print(f"articles: {stats['articles']} ({_pairs(stats['article_status'])})")
    print(f"entities: {stats['entities']}")
    for label, by_status in stats["entities_by_label"].items():
        print(f"  {label:<9} {sum(by_status.values()):>7}  ({_pairs(by_status)})")
    print(f"facts: {stats['facts']}")
    for fact_type, by_status in stats["facts_by_type"].items():
        print(f"  {fact_type:<10} {sum(by_status.values()):>6}  ({_pairs(by_status)})")
    return 0


def _pairs(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def _exists(path: str) -> None:
    from pathlib import Path

    from core.errors import UserError

    if not Path(path).is_file():
        raise UserError(f"{path}: no such database")
