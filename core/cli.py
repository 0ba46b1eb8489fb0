"""The `pizhu` command line: argv in, exit code out, one clear line on bad input.

Each subcommand lives in its own module under core/commands/ with
`add_arguments(parser)` and `run(args) -> int`; this module only dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from core import __version__
from core.errors import UserError

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("core.commands.import_", "import files or folders into a database"),
    "stats": ("core.commands.stats", "counts of articles, entities and facts"),
    "check": ("core.commands.check", "verify integrity and spans; --repair fixes what is safe"),
    "analyze": ("core.commands.analyze", "repair and analyze one file, print entities and facts"),
    "extract": ("core.commands.extract", "run the extraction engine over a database"),
    "eval": ("core.commands.eval", "score the engine against a gold corpus"),
    "train": ("core.commands.train", "train the name tagger from MSRA data"),
    "retrain": ("core.commands.retrain", "retrain the tagger with a database's human annotations"),
    "export": ("core.commands.export", "export the annotated dataset"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pizhu", description="Pizhu 批注 — Chinese news annotator")
    parser.add_argument("--version", action="version", version=f"pizhu {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            p.set_defaults(_missing=name)
            continue
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "_missing", None):
        print(f"pizhu: '{args._missing}' is not available in this build yet", file=sys.stderr)
        return 2
    if not getattr(args, "_run", None):
        build_parser().print_help()
        return 0
    try:
        return int(args._run(args) or 0)
    except UserError as exc:
        print(f"pizhu: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pizhu: cancelled", file=sys.stderr)
        return 130
