"""Pizhu JSONL: the lossless backup and merge format (core/formats/FORMATS.md).

One article per line with clean and raw text, offset map, status and every
entity and fact with provenance; keys sorted so the same database always gives
the same bytes. Importing into an empty database restores it exactly (same ids);
into a non-empty one it merges: new articles come whole, known articles (same
text hash) get the human annotations they do not have yet.
"""

from __future__ import annotations

import json

from core.store import now
from core.text import OffsetMap

NAME, KIND, SUFFIX, FLAT, LOSSLESS = "pizhu", "file", ".jsonl", False, True
VERSION = 1
_ENTITY_FIELDS = ("id", "start", "end", "text", "value", "source", "created_at", "updated_at", "model")
_FACT_FIELDS = ("id", "source", "created_at", "updated_at", "model")


def write(docs, fh, report, options: dict) -> None:
    for doc in docs:
        fh.write(json.dumps(_record(doc, report), ensure_ascii=False, sort_keys=True,
                            separators=(",", ":")) + "\n")


def _record(doc, report) -> dict:
    a = doc.article
    ids = {e.id for e in doc.entities}
    report.written["entities"] += len(doc.entities)
    report.written["facts"] += len(doc.facts)
    return {
        "format": NAME, "version": VERSION, "id": a.id, "title": a.title, "text": a.clean_text,
        "raw_text": a.raw_text,
        "offsets": None if a.raw_text == a.clean_text else a.offsets.to_json(),
        "script": a.script, "status": a.status.value, "article_date": a.article_date,
        "source_path": a.source_path, "imported_at": a.imported_at, "hash": a.hash,
        "repair_report": a.repair_report,
        "entities": [dict({k: getattr(e, k) for k in _ENTITY_FIELDS},
                          label=e.label.value, status=e.status.value) for e in doc.entities],
        "facts": [_fact(f, ids, report) for f in doc.facts],
    }


def _fact(f, ids: set, report) -> dict:
    slots = {}
    for role, slot in f.slots.items():
        if slot.literal is not None:
            slots[role] = {"literal": slot.literal}
        elif slot.entity in ids:
            slots[role] = {"entity": slot.entity}
        else:
            report.drop("fact slots on entities out of scope")
    return dict({k: getattr(f, k) for k in _FACT_FIELDS}, type=f.type.value,
                status=f.status.value, slots=slots)


def records(path, report):
    """(where, record) of each readable line; a broken line is reported and skipped."""
    with open(path, encoding="utf-8-sig", newline="\n") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                report.problem(f"line {n}", f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                report.problem(f"line {n}", "no \"text\" string")
            elif rec.get("format", NAME) != NAME or rec.get("version", VERSION) > VERSION:
                report.problem(f"line {n}", f"not Pizhu format version {VERSION}")
            else:
                yield f"line {n}", rec


def article_record(rec: dict) -> tuple[dict | None, str]:
    """The article fields of a line, or (None, why it cannot be stored)."""
    text = rec["text"]
    raw = rec.get("raw_text") if isinstance(rec.get("raw_text"), str) else text
    try:
        offsets = (OffsetMap.from_json(rec["offsets"]) if rec.get("offsets")
                   else OffsetMap.identity(len(text)))
    except (KeyError, TypeError, ValueError):
        return None, "offsets are not {starts, ends, raw_length}"
    if len(offsets) != len(text) or offsets.raw_length != len(raw):
        return None, "the offset map does not fit the texts"
    return {"title": str(rec.get("title") or ""), "text": text, "raw_text": raw, "offsets": offsets,
            "script": rec.get("script") if rec.get("script") in ("traditional", "simplified")
            else "simplified",
            "status": rec.get("status") if rec.get("status") in ("todo", "in-progress", "done")
            else "todo",
            "imported_at": rec.get("imported_at") or now(), "source_path": rec.get("source_path") or "",
            "article_date": rec.get("article_date"), "repair_report": rec.get("repair_report") or {}}, ""


def import_into(store, path, report, *, annotator: str) -> None:
    from core.formats.pizhu_import import import_into as _import_into

    _import_into(store, path, report, annotator=annotator)
