"""Storing the documents of other tools (doccano, Label Studio, brat, CoNLL) in a database.

The text of a document becomes an article whose raw and clean text are the
same (identity offset map); its annotations get the tool's name as source and
status manual, or suggested where the tool marks them as predictions.
"""

from __future__ import annotations

from core.formats.loader import add_entities, add_facts, find_article, insert_article, plain_article
from core.store import Store


def store_docs(store: Store, docs, report, *, source: str, annotator: str, source_path: str) -> None:
    """Store a tool's documents in one transaction; annotations get `source` = the tool."""
    with store.transaction():
        for doc in docs:
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
