"""Reading brat standoff folders: T, E, A (Status) and AnnotatorNotes lines.

Entities take the status of their Status attribute (`suggested` stays a
suggestion, anything else becomes manual); an E line becomes a fact with its
trigger's text as the literal of a literal predicate (action, indicator).
Discontinuous spans are joined into one span from first to last fragment.
"""

from __future__ import annotations

import json
from pathlib import Path

from core.formats.base import ImpEntity, ImpFact, ImportedDoc
from core.model import FACT_SLOTS, FactType


def read(path, report):
    folder = Path(path)
    for ann in sorted(folder.glob("*.ann")):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            report.problem(ann.name, f"no {txt.name} beside it")
            continue
        with open(txt, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
        with open(ann, encoding="utf-8-sig") as fh:
            lines = [(n, ln.rstrip("\r\n")) for n, ln in enumerate(fh, 1)]
        yield _doc(ann, text, lines, report)


def _doc(ann: Path, text: str, lines, report) -> ImportedDoc:
    title = ann.stem.partition("_")[2] or ann.stem
    doc = ImportedDoc(ann.name, title, text)
    parsed = {"T": {}, "A": {}, "#": {}, "E": []}
    for n, line in lines:
        try:
            _parse_line(line, text, parsed)
        except (ValueError, IndexError):
            report.problem(f"{ann.name} line {n}", f"cannot read {line!r}")
    spans, statuses, values = parsed["T"], parsed["A"], parsed["#"]
    types = {t.value for t in FactType}
    for tid, (label, start, end, field) in spans.items():
        if label not in types:
            doc.entities.append(ImpEntity(tid, start, end, label, _status(statuses.get(tid)),
                                          field, values.get(tid)))
    for eid, args in parsed["E"]:
        fact = _fact(args, spans, text, _status(statuses.get(eid)))
        if fact is not None:
            doc.facts.append(fact)
    return doc


def _parse_line(line: str, text: str, parsed: dict) -> None:
    ident, _, rest = line.partition("\t")
    kind = ident[:1]
    if kind == "T":
        parsed["T"][ident] = _textbound(rest, text)
    elif kind == "A":
        _, target, *value = rest.split()
        parsed["A"][target] = value[0] if value else "manual"
    elif kind == "#":
        head, _, note = rest.partition("\t")
        parsed["#"][head.split()[1]] = _json(note)
    elif kind == "E":
        parsed["E"].append((ident, rest.split()))


def _textbound(rest: str, text: str) -> tuple:
    head, _, field = rest.partition("\t")
    label, _, frags = head.partition(" ")
    bounds = [tuple(int(x) for x in frag.split()) for frag in frags.split(";")]
    start, end = bounds[0][0], bounds[-1][1]
    flat = text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return label, start, end, (None if field == flat else field)


def _fact(args: list[str], spans: dict, text: str, status: str) -> ImpFact | None:
    kind, _, trigger = args[0].partition(":")
    if kind not in {t.value for t in FactType}:
        return None
    roles = FACT_SLOTS[FactType(kind)]
    slots: dict[str, tuple] = {}
    for arg in args[1:]:
        role, _, target = arg.partition(":")
        slots[role.rstrip("0123456789")] = ("entity", target)
    for role, labels in roles.items():
        if not labels and role not in slots and trigger in spans:
            _, start, end, _ = spans[trigger]
            slots[role] = ("literal", text[start:end])
    return ImpFact(kind, slots, status)


def _status(value: str | None) -> str:
    return "suggested" if value == "suggested" else "manual"


def _json(raw: str):
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw.strip() or None
