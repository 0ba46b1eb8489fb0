"""Database checks for `pizhu check`: integrity, spans against text, facts, search index.

`find_problems` only reads. `repair` fixes what is safe: a span that moved is
put back where its text now is (when that place is unique), stale engine
suggestions are dropped, slots left pointing nowhere are removed and the
search index is rebuilt. Human annotations that cannot be placed are reported,
never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.model import REQUIRED_SLOTS, FactType
from core.text import simplified_view


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    article_id: int | None
    target: int | None
    message: str
    fixable: bool = False

    def __str__(self) -> str:
        where = f"article {self.article_id}: " if self.article_id is not None else ""
        return f"{self.kind}: {where}{self.message}"


def find_problems(store) -> list[Problem]:
    conn = store.conn
    problems = [Problem("integrity", None, None, row[0])
                for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [Problem("foreign-key", None, row[1], f"{row[0]} row {row[1]} points at missing {row[2]}", True)
                 for row in conn.execute("PRAGMA foreign_key_check")]
    problems += _span_problems(conn)
    problems += _fact_problems(conn)
    problems += _index_problems(conn)
    return problems


def _span_problems(conn) -> list[Problem]:
    out = []
    rows = conn.execute(
        "SELECT e.id, e.article_id, e.start, e.end, e.text, e.status, a.clean_text"
        " FROM entities e JOIN articles a ON a.id = e.article_id"
    )
    for entity_id, article_id, start, end, text, _status, clean in rows:
        if not (0 <= start < end <= len(clean)) or clean[start:end] != text:
            found = clean[start:end] if end <= len(clean) else "(out of range)"
            out.append(Problem("span", article_id, entity_id,
                               f"entity {entity_id} “{text}” at {start}:{end} now reads “{found}”",
                               fixable=True))
    return out


def _fact_problems(conn) -> list[Problem]:
    out = []
    roles: dict[int, set[str]] = {}
    for fact_id, role in conn.execute("SELECT fact_id, role FROM fact_slots"):
        roles.setdefault(fact_id, set()).add(role)
    for fact_id, article_id, fact_type in conn.execute("SELECT id, article_id, type FROM facts"):
        missing = [r for r in REQUIRED_SLOTS[FactType(fact_type)] if r not in roles.get(fact_id, set())]
        if missing:
            out.append(Problem("fact", article_id, fact_id,
                               f"{fact_type} fact {fact_id} lacks required slot(s) {', '.join(missing)}"))
    for fact_id, role, entity_id in conn.execute(
        "SELECT s.fact_id, s.role, s.entity_id FROM fact_slots s LEFT JOIN entities e"
        " ON e.id = s.entity_id WHERE s.entity_id IS NOT NULL AND e.id IS NULL"
    ):
        out.append(Problem("dangling-slot", None, fact_id,
                           f"fact {fact_id} slot {role} points at missing entity {entity_id}", True))
    return out


def _index_problems(conn) -> list[Problem]:
    # Compare row ids, not counts: a missing row and an orphan one cancel out in a count.
    missing = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN"
                           " (SELECT rowid FROM articles_fts)").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM articles_fts WHERE rowid NOT IN"
                           " (SELECT id FROM articles)").fetchone()[0]
    if missing or orphans:
        return [Problem("search-index", None, None,
                        f"{missing} articles missing from the search index, "
                        f"{orphans} index rows without an article", True)]
    return []


def repair(store, problems: list[Problem]) -> list[str]:
    """Fix the fixable problems in one transaction; returns what was done."""
    done: list[str] = []
    with store.transaction() as conn:
        for problem in problems:
            if problem.kind == "span":
                done.append(_repair_span(conn, problem.target))
            elif problem.kind == "dangling-slot":
                conn.execute("DELETE FROM fact_slots WHERE fact_id = ? AND entity_id NOT IN"
                             " (SELECT id FROM entities)", (problem.target,))
                done.append(f"removed dangling slot of fact {problem.target}")
        if any(p.kind == "search-index" for p in problems):
            _rebuild_index(conn)
            done.append("rebuilt the search index")
        store.journal("pizhu check", "check_repair", None, None, f"{len(done)} fixes")
    return [d for d in done if d]


def _repair_span(conn, entity_id: int) -> str:
    row = conn.execute(
        "SELECT e.start, e.text, e.status, e.source, a.clean_text FROM entities e"
        " JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (entity_id,)).fetchone()
    start, text, status, source, clean = row
    places = _occurrences(clean, text)
    if places:
        new = min(places, key=lambda p: abs(p - start))
        if sum(1 for p in places if abs(p - start) == abs(new - start)) == 1:
            conn.execute("UPDATE entities SET start = ?, end = ? WHERE id = ?",
                         (new, new + len(text), entity_id))
            return f"moved entity {entity_id} “{text}” from {start} to {new}"
    if status == "suggested" and source.startswith("engine"):
        conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        return f"dropped stale suggestion {entity_id} “{text}”"
    return ""


def _occurrences(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos != -1:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _rebuild_index(conn) -> None:
    conn.execute("DELETE FROM articles_fts")
    for article_id, title, clean in conn.execute("SELECT id, title, clean_text FROM articles").fetchall():
        conn.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                     (article_id, simplified_view(title), simplified_view(clean)))
