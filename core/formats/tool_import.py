"""Storing the documents of other tools (doccano, Label Studio, brat, CoNLL) in a database.

The text of a document becomes an article whose raw and clean text are the
same (identity offset map); its annotations get the tool's name as source and
status manual, or suggested where the tool marks them as predictions.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate

from core.formats.base import ImportedDoc
from core.formats.loader import add_entities, add_facts, find_article, insert_article, plain_article
from core.store import Store


def store_docs(store: Store, docs, report, *, source: str, annotator: str, source_path: str) -> None:
    """Store a tool's documents in one transaction; annotations get `source` = the tool."""
    with store.transaction():
        for doc in docs:
            doc, nuls = without_nul(doc)
            if nuls:
                report.added["NUL characters removed"] += nuls
            if not doc.text:
                report.problem(doc.where, "no text; skipped")
                continue
            article_id = find_article(store.conn, doc.text)
            if article_id is None:
                article_id = insert_article(store.conn, plain_article(doc.title, doc.text, source_path))
                report.added["articles"] += 1
            else:
                report.added["articles already present"] += 1
            rows = [{"key": e.key, "start": e.start, "end": e.end, "label": e.label,
                     "status": e.status, "text": e.text, "value": e.value, "source": source}
                    for e in doc.entities]
            keys = add_entities(store, article_id, doc.text, rows, doc.where, report)
            facts = [{"type": f.type, "slots": f.slots, "status": f.status, "source": source}
                     for f in doc.facts]
            add_facts(store, article_id, facts, keys, doc.where, report)
            store.journal(annotator, "import", article_id, None, source)


def without_nul(doc: ImportedDoc) -> tuple[ImportedDoc, int]:
    """The document without NUL characters, each span moved left by the NULs before it.

    SQLite's text functions stop at a NUL, the span check among them, so a span
    after one could never be stored or checked; core.ingest drops NULs from
    plain text the same way. A span out of range stays out of range and is
    reported as such.
    """
    count = doc.text.count("\0")
    if not count:
        return doc, 0
    before = list(accumulate((ch == "\0" for ch in doc.text), initial=0))  # NULs in text[:i]

    def moved(i: int) -> int:
        return i - before[i] if 0 <= i < len(before) else i

    entities = [replace(e, start=moved(e.start), end=moved(e.end),
                        text=None if e.text is None else e.text.replace("\0", ""))
                for e in doc.entities]
    return replace(doc, text=doc.text.replace("\0", ""), entities=entities), count
