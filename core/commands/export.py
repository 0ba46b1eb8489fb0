"""`pizhu export DB --format F --out PATH`: write the annotated dataset in one format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMAT_NAMES = ("pizhu", "doccano", "labelstudio", "brat", "conll", "csv", "spacy")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("db", help="the Pizhu database file")
    parser.add_argument("--format", "-f", required=True, choices=FORMAT_NAMES, dest="fmt",
                        help="output format")
    parser.add_argument("--out", "-o", required=True, help="output file (a folder for brat)")
    parser.add_argument("--scope", choices=("all", "done", "reviewed"), default="all",
                        help="all: with pending suggestions; done: articles marked done; "
                             "reviewed: only accepted and manual annotations")
    parser.add_argument("--text", choices=("clean", "raw"), default="clean",
                        help="offsets into the clean text (default) or the raw imported text")
    parser.add_argument("--doccano-relations", action="store_true",
                        help="doccano: write entities and relations (facts) instead of labels")
    parser.add_argument("--scheme", choices=("bio", "bioes"), default="bio", help="conll: tag scheme")


def run(args: argparse.Namespace) -> int:
    from core.errors import UserError
    from core.export import export
    from core.store import Store

    if not Path(args.db).is_file():
        raise UserError(f"{args.db} does not exist")
    options = {"relations": args.doccano_relations, "scheme": args.scheme}
    with Store(args.db, readonly=True) as store:
        report = export(store, args.fmt, args.out, scope=args.scope, text=args.text, options=options)
    print(report.summary(), file=sys.stdout)
    return 0
