"""`pizhu eval GOLD --format F`: exact-match precision/recall/F1 per label against a gold corpus."""

from __future__ import annotations

import time

from core.evaluate import FORMATS
from core.evaluate_views import VIEWS


def add_arguments(parser) -> None:
    parser.add_argument("gold", help="gold corpus file")
    parser.add_argument("--format", required=True, choices=FORMATS, help="gold file format")
    parser.add_argument("--labels", nargs="+", metavar="LABEL",
                        help="score only these labels (default: those the corpus annotates)")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N documents")
    parser.add_argument("--tagger", action="store_true",
                        help="score the name tagger alone instead of the full engine")
    parser.add_argument("--model", metavar="PATH", help="tagger model file (implies --tagger)")
    parser.add_argument("--view", choices=VIEWS, default="corpus",
                        help="corpus: the gold as it is (default); guidelines: the gold restated the "
                             "way GUIDELINES.md cuts spans, out-of-scheme predictions not scored "
                             "(People's Daily; see core/evaluate_views.py)")


def run(args) -> int:
    from core.errors import UserError
    from core.evaluate import (
        default_predictor,
        format_table,
        guideline_view,
        micro_over,
        read_gold,
        score_documents,
        scored_labels,
        tagger_predictor,
    )
    from core.model import Label

    if args.limit is not None and args.limit < 1:
        raise UserError("--limit must be a positive number")
    docs = read_gold(args.gold, args.format, args.limit)
    labels = tuple(args.labels) if args.labels else scored_labels(args.format, docs)
    unknown = [lab for lab in labels if lab not in Label.__members__]
    if unknown:
        raise UserError(f"unknown label(s): {', '.join(unknown)}")
    view = guideline_view(args.format) if args.view == "guidelines" else None
    if args.tagger or args.model:
        predict, name = tagger_predictor(args.model), "name tagger"
    else:
        predict, name = default_predictor()
    began = time.perf_counter()
    scores = score_documents(docs, predict, labels, view)
    seconds = time.perf_counter() - began
    names = [lab for lab in ("PERSON", "LOC", "ORG") if lab in labels]
    extra = {"PER/LOC/ORG": micro_over(scores, names)} if 1 < len(names) < len(labels) else None
    print(f"{args.gold} ({args.format}, {scores.documents} documents, {args.view} view) scored with {name}; "
          f"labels: {' '.join(labels)}; {seconds:.1f} s")
    print(format_table(scores, extra))
    return 0
