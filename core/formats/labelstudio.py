"""Label Studio JSON: a list of tasks with `data.text`, people's work and the engine's.

Human entities go to `annotations[0].result`, pending engine suggestions to
`predictions[0].result`, as `labels` regions (offsets in code points, which
current Label Studio stores); facts become `relation` results typed
"<facttype>.<role>" from the fact's first entity slot. A relation sits with its
fact (a suggested fact in the predictions, with copies of the human regions it
links). Normalised values and fact literals have no place and are counted.
"""

from __future__ import annotations

import json

from core.formats.base import ImpEntity, ImportedDoc, facts_from_relations, relation_links
from core.model import Status
from core.text import Utf16Map

NAME, KIND, SUFFIX, FLAT = "labelstudio", "file", ".json", True


def write(docs, fh, report, options: dict) -> None:
    fh.write("[")
    for n, doc in enumerate(docs):
        fh.write(",\n" if n else "\n")
        fh.write(json.dumps(_task(doc, report), ensure_ascii=False))
    fh.write("\n]\n")


def _task(doc, report) -> dict:
    human = [e for e in doc.entities if e.status is not Status.SUGGESTED]
    suggested = [e for e in doc.entities if e.status is Status.SUGGESTED]
    by_id = doc.by_id()
    report.written["entities"] += len(doc.entities)
    people = _results(human, [f for f in doc.facts if f.status is not Status.SUGGESTED], by_id, report)
    engine = _results(suggested, [f for f in doc.facts if f.status is Status.SUGGESTED], by_id, report)
    report.drop("normalised values", sum(e.value is not None for e in doc.entities))
    a = doc.article
    task = {"id": a.id, "data": {"text": doc.text, "title": a.title, "article_id": a.id},
            "annotations": [{"result": people}]}
    if engine:
        source = next((e.source for e in suggested), "engine")
        task["predictions"] = [{"model_version": source, "result": engine}]
    return task


def _results(entities, facts, by_id, report) -> list[dict]:
    regions = {e.id: _region(e) for e in entities}
    relations = []
    for fact in facts:
        links = relation_links(fact, by_id, report)
        if links is None:
            continue
        report.written["facts"] += 1
        head, tails = links
        for role, tail in tails:
            for e in (head, tail):
                regions.setdefault(e.id, _region(e))
            relations.append({"type": "relation", "from_id": f"e{head.id}", "to_id": f"e{tail.id}",
                              "direction": "right", "labels": [f"{fact.type.value}.{role}"]})
    return list(regions.values()) + relations


def _region(e) -> dict:
    return {"id": f"e{e.id}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": e.start, "end": e.end, "text": e.text, "labels": [e.label.value]}}


def read(path, report):
    try:
        with open(path, encoding="utf-8-sig") as fh:
            tasks = json.load(fh)
    except json.JSONDecodeError as exc:
        report.problem(str(path), f"not valid JSON ({exc.msg}, line {exc.lineno})")
        return
    if not isinstance(tasks, list):
        tasks = [tasks]
    for n, task in enumerate(tasks, 1):
        doc = _doc(task, f"task {n}", report)
        if doc is not None:
            yield doc


def _doc(task, where: str, report) -> ImportedDoc | None:
    data = task.get("data") if isinstance(task, dict) else None
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str):
        report.problem(where, "no data.text string")
        return None
    title = str(data.get("title") or text[:30].strip())
    doc = ImportedDoc(where, title, text)
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if len(annotations) > 1:
        report.problem(where, f"{len(annotations) - 1} further annotations not imported (first one taken)")
    for items, status in ((annotations[:1], "manual"), ((task.get("predictions") or [])[:1], "suggested")):
        for item in items:
            _result(item.get("result") or [], status, doc, Utf16Map(text))
    return doc


def _result(result: list, status: str, doc: ImportedDoc, u16: Utf16Map) -> None:
    labels, relations = {}, []
    for r in result:
        if r.get("type") == "relation":
            name = (r.get("labels") or [""])[0]
            relations.append((r.get("from_id"), r.get("to_id"), name))
        elif r.get("type") == "labels" and isinstance(r.get("value"), dict):
            v = r["value"]
            label = (v.get("labels") or [None])[0]
            start, end = _offsets(doc.text, v, u16)
            doc.entities.append(ImpEntity(r.get("id"), start, end, label, status, v.get("text")))
            labels[r.get("id")] = label
    doc.facts += facts_from_relations(relations, labels, status)


def _offsets(text: str, value: dict, u16: Utf16Map) -> tuple:
    """Code-point offsets; older Label Studio wrote UTF-16 ones, recognised by the text."""
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] == value.get("text"):
        return start, end
    s, e = u16.to_codepoint(start), u16.to_codepoint(end)
    return (s, e) if text[s:e] == value.get("text") else (start, end)
