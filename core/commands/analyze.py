"""`pizhu analyze FILE [--json] [--date YYYY-MM-DD]`: repair one file, run the engine, print the result."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from core.errors import UserError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a text file (UTF-8 or any encoding charset-normalizer detects)")
    parser.add_argument("--json", action="store_true", help="print {text, entities, facts} as JSON")
    parser.add_argument("--date", help="the article's date (YYYY-MM-DD) for resolving 今年, 9月21日 …")


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else charset-normalizer's best guess."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UserError(f"{path} is not text (no encoding fits)")
    return str(best)


def to_json(clean: str, analysis) -> dict:
    """The --json document: text, entities with values, facts with slots."""
    entities = [
        {"start": e.start, "end": e.end, "label": str(e.label), "text": e.text, "value": e.value}
        for e in analysis.entities
    ]
    facts = []
    for fact in analysis.facts:
        slots = {
            role: {"entity": slot.entity} if slot.entity is not None else {"literal": slot.literal}
            for role, slot in fact.slots.items()
        }
        facts.append({"type": str(fact.type), "slots": slots})
    return {"text": clean, "entities": entities, "facts": facts}


def listing(analysis) -> str:
    """A readable listing: one entity a line, then the facts with their slot texts."""
    lines = [f"{analysis.engine_version}  model: {analysis.model or '(rules only)'}", "", "entities:"]
    for i, e in enumerate(analysis.entities):
        value = "" if e.value is None else "  " + json.dumps(e.value, ensure_ascii=False)
        lines.append(f"  [{i}] {e.start}-{e.end} {e.label:<8} {e.text}{value}")
    lines += ["", "facts:"]
    for fact in analysis.facts:
        parts = []
        for role, slot in fact.slots.items():
            text = analysis.entities[slot.entity].text if slot.entity is not None else slot.literal
            parts.append(f"{role}={text}")
        lines.append(f"  {fact.type:<10} " + "  ".join(parts))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        raise UserError(f"--date must be YYYY-MM-DD, not {args.date!r}")
    from core.extract import analyze
    from core.text import repair

    clean = repair(read_text(args.file)).clean
    analysis = analyze(clean, article_date=args.date)
    if args.json:
        print(json.dumps(to_json(clean, analysis), ensure_ascii=False, indent=1))
    else:
        print(listing(analysis))
    return 0
