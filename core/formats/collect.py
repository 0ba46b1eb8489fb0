"""Reading what an export holds: the articles, entities and facts in scope.

Scopes: `all` = every article with its pending suggestions; `done` = articles
marked done; `reviewed` = only human-owned annotations (accepted, manual).
Rejected annotations are left out, except by the lossless Pizhu format, which
keeps every human decision. With `--text raw` spans are mapped to the raw text
through the article's offset map.
"""

from __future__ import annotations

from dataclasses import replace

from core.errors import UserError
from core.formats.base import ExportDoc
from core.model import Entity, Status
from core.store import Store

SCOPES = ("all", "done", "reviewed")
TEXTS = ("clean", "raw")


class Cancelled(UserError):
    """The person cancelled the export; nothing was written."""


def keep_status(scope: str, lossless: bool):
    """The predicate on an entity or fact status for a scope."""
    if lossless:
        return (lambda s: s is not Status.SUGGESTED) if scope == "reviewed" else (lambda s: True)
    if scope == "reviewed":
        return lambda s: s in (Status.ACCEPTED, Status.MANUAL)
    return lambda s: s is not Status.REJECTED


def article_ids(store: Store, scope: str) -> list[int]:
    where = " WHERE status = 'done'" if scope == "done" else ""
    return [r[0] for r in store.conn.execute(f"SELECT id FROM articles{where} ORDER BY id")]


def collect(store: Store, *, scope: str, text: str, lossless: bool, progress=None) -> list[ExportDoc]:
    """Every article in scope as an ExportDoc, in id order."""
    if scope not in SCOPES:
        raise UserError(f"unknown scope '{scope}' (choose from {', '.join(SCOPES)})")
    if text not in TEXTS:
        raise UserError(f"unknown text '{text}' (choose clean or raw)")
    keep = keep_status(scope, lossless)
    ids = article_ids(store, scope)
    docs = []
    for n, article_id in enumerate(ids, 1):
        docs.append(_doc(store, article_id, keep, raw=text == "raw"))
        tick(progress, n, 2 * len(ids))  # reading is the first half, writing the second
    return docs


def tick(progress, done: int, total: int) -> None:
    """Report progress; a callback that returns False cancels the export."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled("export cancelled; nothing was written")


def _doc(store: Store, article_id: int, keep, *, raw: bool) -> ExportDoc:
    article = store.article(article_id)
    entities = sorted((e for e in store.entities(article_id) if keep(e.status)),
                      key=lambda e: (e.start, e.end, e.id))
    facts = [f for f in store.facts(article_id) if keep(f.status)]
    if not raw:
        return ExportDoc(article, article.clean_text, entities, facts)
    return ExportDoc(article, article.raw_text, [_to_raw(e, article) for e in entities], facts)


def _to_raw(e: Entity, article) -> Entity:
    start, end = article.offsets.to_raw(e.start, e.end)
    return replace(e, start=start, end=end, text=article.raw_text[start:end])
