"""Facts CSV for spreadsheets: one row per fact, UTF-8 with BOM so Excel reads Chinese.

Columns: article id and title, fact id, type, then for every slot role of all
fact types the slot's text and normalised value, then status and source.
Entities outside facts are not rows; they are counted as not expressible.
CSV carries no spans, so it is written but not imported.
"""

from __future__ import annotations

import csv
import json

from core.model import FACT_SLOTS

NAME, KIND, SUFFIX, FLAT = "csv", "file", ".csv", False
ENCODING = "utf-8-sig"
ROLES: tuple[str, ...] = tuple(dict.fromkeys(r for slots in FACT_SLOTS.values() for r in slots))


def header() -> list[str]:
    cols = ["article_id", "article_title", "fact_id", "type"]
    for role in ROLES:
        cols += [role, f"{role}_value"]
    return cols + ["status", "source"]


def write(docs, fh, report, options: dict) -> None:
    out = csv.writer(fh)
    out.writerow(header())
    report.written["facts"] += 0  # listed in the summary even when there are none
    for doc in docs:
        by_id = doc.by_id()
        in_facts = set()
        for fact in doc.facts:
            out.writerow(_row(doc, fact, by_id, in_facts, report))
            report.written["facts"] += 1
        report.drop("entities outside facts", sum(e.id not in in_facts for e in doc.entities))


def _row(doc, fact, by_id: dict, in_facts: set, report) -> list:
    row = [doc.article.id, doc.article.title, fact.id, fact.type.value]
    for role in ROLES:
        slot = fact.slots.get(role)
        text, value = "", ""
        if slot is not None and slot.literal is not None:
            text = slot.literal
        elif slot is not None and slot.entity in by_id:
            entity = by_id[slot.entity]
            in_facts.add(entity.id)
            text = entity.text
            value = _value(entity.value)
        elif slot is not None:
            report.drop("fact slots on entities out of scope")
        row += [text, value]
    return row + [fact.status.value, fact.source]


def _value(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def read_rows(path) -> list[dict]:
    """The rows as dicts (for checks and scripts; CSV is not an import format)."""
    with open(path, encoding=ENCODING, newline="") as fh:
        return list(csv.DictReader(fh))
