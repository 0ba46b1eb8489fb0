"""`pizhu retrain DB`: retrain the name tagger on MSRA plus the database's human names.

Writes `<db>.tagger.crfsuite` beside the database (or --out); load it with
NameTagger.load(path). MSRA is needed again: --msra, $PIZHU_MSRA, or the
shared data folder beside the repository.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Human sentences are few beside 40,000 MSRA ones; repeating them gives them weight.
HUMAN_REPEAT = 3


def add_arguments(parser) -> None:
    parser.add_argument("db", help="database file")
    parser.add_argument("--out", help="model file to write (default: <db>.tagger.crfsuite)")
    parser.add_argument("--msra", help="MSRA char BIO file (default: $PIZHU_MSRA or ../shared/data)")
    parser.add_argument("--max-iterations", type=int, default=None, metavar="N",
                        help="L-BFGS iterations (default 150)")


def run(args) -> int:
    from core.commands.train import print_report
    from core.errors import UserError
    from core.extract.tagger_db import database_model_path, database_sentences
    from core.extract.tagger_train import DEFAULT_ITERATIONS, train

    msra = _msra_path(args.msra)
    human = database_sentences(args.db)
    if not human:
        raise UserError(f"{args.db} has no accepted or manual PERSON/ORG/LOC entities to learn from")
    print(f"{len(human)} sentences with human names from {args.db}", file=sys.stderr)
    out = Path(args.out) if args.out else database_model_path(args.db)
    report = train(msra, out, human * HUMAN_REPEAT, _iterations(args.max_iterations, DEFAULT_ITERATIONS),
                   progress=lambda m: print(m, file=sys.stderr, flush=True))
    print_report(report)
    return 0


def _shared_msra() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared/data/msra/msra_train_bio.txt"


def _msra_path(given: str | None) -> Path:
    from core.errors import UserError

    candidates = [given] if given else [os.environ.get("PIZHU_MSRA"), _shared_msra()]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise UserError("MSRA training data not found; pass --msra PATH (msra_train_bio.txt)")


def _iterations(given: int | None, default: int) -> int:
    return default if given is None else given
