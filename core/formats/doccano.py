"""doccano JSONL: sequence labelling `{"text", "label": [[start, end, label]]}`.

With the option `relations` (CLI `--doccano-relations`) it writes doccano's
relation layout instead: `{"text", "entities": [{id, start_offset, end_offset,
label}], "relations": [{id, from_id, to_id, type}]}`; a fact becomes relations
from its first filled entity slot to each other one, typed "<facttype>.<role>".
doccano has no place for statuses or normalised values: they are counted.
"""

from __future__ import annotations

import json

from core.formats.base import ImpEntity, ImportedDoc, facts_from_relations, relation_links
from core.model import Status

NAME, KIND, SUFFIX, FLAT = "doccano", "file", ".jsonl", True


def write(docs, fh, report, options: dict) -> None:
    relations = bool(options.get("relations") or options.get("doccano_relations"))
    for doc in docs:
        record = {"text": doc.text, "title": doc.article.title, "article_id": doc.article.id}
        record.update(_relations(doc, report) if relations else _labels(doc, report))
        _count_lost(doc, report)
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def _labels(doc, report) -> dict:
    report.drop("facts", len(doc.facts))
    report.written["entities"] += len(doc.entities)
    return {"label": [[e.start, e.end, e.label.value] for e in doc.entities]}


def _relations(doc, report) -> dict:
    report.written["entities"] += len(doc.entities)
    by_id = doc.by_id()
    relations = []
    for fact in doc.facts:
        links = relation_links(fact, by_id, report)
        if links is None:
            continue
        head, tails = links
        report.written["facts"] += 1
        if fact.status is Status.SUGGESTED:
            report.drop("fact statuses (suggested)")
        for role, tail in tails:
            relations.append({"id": len(relations) + 1, "from_id": head.id, "to_id": tail.id,
                              "type": f"{fact.type.value}.{role}"})
    entities = [{"id": e.id, "start_offset": e.start, "end_offset": e.end, "label": e.label.value}
                for e in doc.entities]
    return {"entities": entities, "relations": relations}


def _count_lost(doc, report) -> None:
    report.drop("entity statuses (suggested)",
                sum(e.status is Status.SUGGESTED for e in doc.entities))
    report.drop("normalised values", sum(e.value is not None for e in doc.entities))


def read(path, report):
    with open(path, encoding="utf-8-sig", newline="\n") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"line {n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                report.problem(where, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                report.problem(where, "no \"text\" string")
                continue
            yield _doc(rec, where, report)


def _doc(rec: dict, where: str, report) -> ImportedDoc:
    title = str(rec.get("title") or rec.get("text", "")[:30].strip())
    doc = ImportedDoc(where, title, rec["text"])
    if isinstance(rec.get("entities"), list):
        labels = {}
        for e in rec["entities"]:
            if not isinstance(e, dict):
                continue
            doc.entities.append(ImpEntity(e.get("id"), e.get("start_offset"), e.get("end_offset"),
                                          e.get("label")))
            labels[e.get("id")] = e.get("label")
        relations = [(r.get("from_id"), r.get("to_id"), r.get("type"))
                     for r in rec.get("relations") or [] if isinstance(r, dict)]
        doc.facts = facts_from_relations(relations, labels)
        return doc
    for item in rec.get("label") or rec.get("labels") or []:
        if isinstance(item, list | tuple) and len(item) == 3:
            doc.entities.append(ImpEntity(None, item[0], item[1], item[2]))
        else:
            report.problem(where, f"label {item!r} is not [start, end, label]")
    return doc
