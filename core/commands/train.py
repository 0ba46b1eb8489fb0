"""`pizhu train --msra PATH`: train the character CRF name tagger, report time and dev score."""

from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    parser.add_argument("--msra", required=True, help="MSRA char BIO file (msra_train_bio.txt)")
    parser.add_argument("--out", help="model file to write (default: the shipped resources/models/ner.crfsuite)")
    parser.add_argument("--extra", nargs="+", default=[], metavar="JSONL",
                        help="Pizhu JSONL files whose PERSON/ORG/LOC entities are added to training")
    parser.add_argument("--max-iterations", type=int, default=None, metavar="N",
                        help="L-BFGS iterations (default 150)")


def run(args) -> int:
    from core.extract.tagger import shipped_model_path
    from core.extract.tagger_train import DEFAULT_ITERATIONS, jsonl_sentences, train

    extra = [s for path in args.extra for s in jsonl_sentences(path)]
    out = args.out or shipped_model_path()
    iterations = DEFAULT_ITERATIONS if args.max_iterations is None else args.max_iterations
    report = train(args.msra, out, extra, iterations, progress=_say)
    print_report(report)
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_report(report) -> None:
    """Model path, sizes, time and the held-out table (shared with `retrain`)."""
    from core.evaluate import format_table

    size_mb = report.path.stat().st_size / 1e6
    print(f"model: {report.path} ({size_mb:.1f} MB)")
    print(f"trained on {report.sentences} MSRA sentences + {report.extra_sentences} extra "
          f"in {report.seconds:.0f} s")
    if report.dev_scores:
        print(f"held-out MSRA dev ({report.dev_sentences} sentences):")
        print(format_table(report.dev_scores))
