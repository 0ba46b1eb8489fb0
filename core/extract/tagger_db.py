"""Training sentences from a Pizhu database's human annotations, for `pizhu retrain`.

Accepted and manual PERSON/ORG/LOC entities become character BIO sentences.
An article marked done is taken whole (its unmarked names really are not
names); in other articles only the sentences that hold a human entity are
used, so unreviewed text does not teach the tagger that names are plain text.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from core.errors import UserError
from core.extract.tagger_data import TAGGER_LABELS, spans_to_bio, split_sentences

Sentence = tuple[str, list[str]]


def database_annotations(db: str | Path) -> Iterator[tuple[str, bool, list[tuple[int, int, str]]]]:
    """(clean text, article is done, human name spans) per article with any human name."""
    db = Path(db)
    if not db.is_file():
        raise UserError(f"{db}: no such database")
    try:
        from core.store import Store
    except ImportError:
        yield from _read_sqlite(db)
        return
    with Store(db, readonly=True) as store:
        by_article = defaultdict(list)
        for article_id, start, end, label, _text in store.human_entities():
            if str(label) in TAGGER_LABELS:
                by_article[article_id].append((start, end, str(label)))
        for article_id, spans in by_article.items():
            article = store.article(article_id)
            yield article.clean_text, str(article.status) == "done", spans


def _read_sqlite(db: Path) -> Iterator[tuple[str, bool, list[tuple[int, int, str]]]]:
    """The same, reading the tables directly (entities, articles)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT e.article_id, e.start, e.end, e.label, a.clean_text, a.status"
            " FROM entities e JOIN articles a ON a.id = e.article_id"
            " WHERE e.status IN ('accepted', 'manual') ORDER BY e.article_id, e.start"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{db}: not a Pizhu database ({exc})") from None
    finally:
        conn.close()
    articles: dict[int, tuple[str, bool, list]] = {}
    for article_id, start, end, label, text, status in rows:
        if label in TAGGER_LABELS:
            articles.setdefault(article_id, (text, status == "done", []))[2].append((start, end, label))
    yield from articles.values()


def database_sentences(db: str | Path) -> list[Sentence]:
    """Character BIO sentences (simplified text) from the database's human names."""
    from core.text import simplified_view

    sentences: list[Sentence] = []
    for clean, done, spans in database_annotations(db):
        simplified = simplified_view(clean)
        for start, end in split_sentences(simplified):
            inside = [(s - start, e - start, lab) for s, e, lab in spans if start <= s and e <= end]
            piece = simplified[start:end]
            if piece.strip() and (done or inside):
                sentences.append((piece, spans_to_bio(len(piece), inside)))
    return sentences


def database_model_path(db: str | Path) -> Path:
    """Where a database's own tagger lives: `<db>.tagger.crfsuite` beside it."""
    db = Path(db)
    return db.with_name(db.name + ".tagger.crfsuite")
