"""brat standoff: a folder with `<name>.txt` and `<name>.ann` per article, plus annotation.conf.

T lines are entities (offsets in code points), A lines their status, `#`
AnnotatorNotes lines their normalised value (JSON). A fact is an E line whose
trigger is its predicate: the amount (investment), title (position), indicator
(metric) or action (event). A literal trigger gets a T line only where the
literal occurs in the text; otherwise the fact is counted as not expressible.
File names come from the article id and a sanitised title and cannot leave the folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from core.formats.brat_read import read  # noqa: F401  (the reader lives beside)
from core.model import FACT_SLOTS, REQUIRED_SLOTS, Label, Status

NAME, KIND, SUFFIX, FLAT = "brat", "folder", "", False
TRIGGER_ROLE = {"investment": "amount", "position": "title", "metric": "indicator", "event": "action"}
_UNSAFE = re.compile(r"[^\w]+")


def safe_name(article_id: int, title: str) -> str:
    """`00042_标题` — word characters only: no dots, no separators, so no escape."""
    slug = _UNSAFE.sub("_", title).strip("_")[:40]
    return f"{article_id:05d}_{slug}" if slug else f"{article_id:05d}"


def write(docs, folder: Path, report, options: dict) -> None:
    folder = Path(folder)
    root = folder.resolve()
    (folder / "annotation.conf").write_text(annotation_conf(), encoding="utf-8")
    for doc in docs:
        name = safe_name(doc.article.id, doc.article.title)
        if (folder / name).resolve().parent != root:
            raise ValueError(f"unsafe file name {name!r}")
        with open(folder / f"{name}.txt", "w", encoding="utf-8", newline="") as fh:
            fh.write(doc.text)
        with open(folder / f"{name}.ann", "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in ann_lines(doc, report))
        report.written["files"] += 2


def ann_lines(doc, report) -> list[str]:
    lines, t_ids, n = [], {}, {"T": 0, "A": 0, "#": 0, "E": 0}

    def next_id(kind: str) -> str:
        n[kind] += 1
        return f"{kind}{n[kind]}"

    for e in doc.entities:
        t_ids[e.id] = tid = next_id("T")
        lines.append(f"{tid}\t{e.label} {e.start} {e.end}\t{_flat(e.text)}")
        lines.append(f"{next_id('A')}\tStatus {tid} {e.status.value}")
        if e.value is not None:
            lines.append(f"{next_id('#')}\tAnnotatorNotes {tid}\t{json.dumps(e.value, ensure_ascii=False)}")
    report.written["entities"] += len(doc.entities)
    for fact in doc.facts:
        lines += _event(doc, fact, t_ids, next_id, report)
    return lines


def _event(doc, fact, t_ids: dict, next_id, report) -> list[str]:
    kind = fact.type.value
    trigger = _trigger_span(doc, fact)
    if trigger is None:
        report.drop("facts whose trigger is not in the text")
        return []
    tid = next_id("T")
    lines = [f"{tid}\t{kind} {trigger[0]} {trigger[1]}\t{_flat(doc.text[trigger[0]:trigger[1]])}"]
    args = [f"{kind}:{tid}"]
    for role in FACT_SLOTS[fact.type]:
        slot = fact.slots.get(role)
        if slot is not None and slot.entity is not None:
            if slot.entity in t_ids:
                args.append(f"{role}:{t_ids[slot.entity]}")
            else:
                report.drop("fact slots on entities out of scope")
    eid = next_id("E")
    lines.append(f"{eid}\t{' '.join(args)}")
    lines.append(f"{next_id('A')}\tStatus {eid} {fact.status.value}")
    report.written["facts"] += 1
    return lines


def _trigger_span(doc, fact) -> tuple[int, int] | None:
    slot = fact.slots.get(TRIGGER_ROLE[fact.type.value])
    if slot is None:
        return None
    if slot.entity is not None:
        e = doc.by_id().get(slot.entity)
        return (e.start, e.end) if e else None
    anchor = min((e.start for e in doc.entities if e.id in
                  {s.entity for s in fact.slots.values()}), default=0)
    hits = [m.start() for m in re.finditer(re.escape(slot.literal), doc.text)] if slot.literal else []
    if not hits:
        return None
    start = min(hits, key=lambda h: abs(h - anchor))
    return start, start + len(slot.literal)


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def annotation_conf() -> str:
    events = []
    for fact_type, slots in FACT_SLOTS.items():
        args = [f"{role}{'' if role in REQUIRED_SLOTS[fact_type] else '?'}:{'|'.join(labels)}"
                for role, labels in slots.items() if labels]
        events.append(f"{fact_type.value}\t{', '.join(args)}")
    statuses = "|".join(s.value for s in Status)
    return ("[entities]\n" + "\n".join(label.value for label in Label) + "\n\n[relations]\n\n"
            "[events]\n" + "\n".join(events) + "\n\n[attributes]\n"
            f"Status\tArg:<ANY>, Value:{statuses}\n")
