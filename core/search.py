"""Corpus search: full text over the simplified view, plus `label:` and `status:` filters.

`经开区` finds 經開區 because both the index and the query are simplified.
Words of three or more characters use the FTS5 trigram index; shorter ones
fall back to a scan. `label:ORG 山东` finds articles with an ORG entity whose
text contains 山东; `status:done` filters by article status.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import UserError
from core.model import ArticleStatus, Label, Status
from core.text import simplified_view


@dataclass(slots=True)
class Query:
    words: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)


def parse(query: str) -> Query:
    parsed = Query()
    for token in query.split():
        key, sep, value = token.partition(":")
        if sep and key.lower() == "label":
            if value.upper() not in Label.__members__:
                raise UserError(f"unknown label '{value}' (one of {', '.join(Label)})")
            parsed.labels.append(value.upper())
        elif sep and key.lower() == "status":
            if value not in {s.value for s in ArticleStatus}:
                raise UserError(f"unknown status '{value}'")
            parsed.statuses.append(value)
        else:
            parsed.words.append(simplified_view(token))
    return parsed


def article_ids(store, *, status: ArticleStatus | None = None, query: str = "") -> list[int]:
    parsed = parse(query)
    statuses = parsed.statuses + ([ArticleStatus(status).value] if status else [])
    where, params = [], []
    if statuses:
        where.append(f"a.status IN ({','.join('?' * len(statuses))})")
        params += statuses
    if parsed.labels:
        where.append(_label_clause(parsed, params))
    else:
        for word in parsed.words:
            where.append(_word_clause(word, params))
    sql = "SELECT a.id FROM articles a"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [r[0] for r in store.conn.execute(sql + " ORDER BY a.id", params)]


def _word_clause(word: str, params: list) -> str:
    if len(word) >= 3:
        params.append('"' + word.replace('"', '""') + '"')
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    params.append(f"%{_escape_like(word)}%")
    return "a.id IN (SELECT rowid FROM articles_fts WHERE body LIKE ? ESCAPE '\\')"


def _label_clause(parsed: Query, params: list) -> str:
    """Articles with a non-rejected entity of one of the labels whose text holds every word."""
    standing = [s.value for s in Status if s is not Status.REJECTED]
    clause = (  # statuses named, not `!= 'rejected'`: the index entities_status leads with status
        f"a.id IN (SELECT article_id FROM entities WHERE status IN ({','.join('?' * len(standing))})"
        f" AND label IN ({','.join('?' * len(parsed.labels))})"
    )
    params += standing + parsed.labels
    for word in parsed.words:
        clause += " AND text_s LIKE ? ESCAPE '\\'"
        params.append(f"%{_escape_like(word)}%")
    return clause + ")"


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def occurrences(store, text: str, *, limit: int = 5000, context: int = 12):
    """Every occurrence of text in the corpus: (article_id, start, end, left, right)."""
    target = simplified_view(text)
    ids = article_ids(store, query=text) if len(text.split()) == 1 else []
    out = []
    for article_id in ids:
        clean = store.article_text(article_id)
        simple = simplified_view(clean)
        pos = simple.find(target)
        while pos != -1 and len(out) < limit:
            end = pos + len(target)
            out.append((article_id, pos, end, clean[max(0, pos - context) : pos], clean[end : end + context]))
            pos = simple.find(target, end)
    return out
