"""Repair of scraped Chinese text: pinyin glosses removed, byte-shifted GBK runs restored.

`repair(raw)` returns `Repaired(clean, offsets, report)`. Intact stretches only
lose their glosses; damaged clauses (core.repair_clause) are rebuilt from
their bytes (core.repair_solve). Clean text keeps the article's script.
Anything that cannot be rebuilt is marked U+FFFD and listed in the report.
"""

from __future__ import annotations

from itertools import chain

from core import repair_lm as lm
from core.repair_clause import byte_models, find_clauses
from core.repair_gloss import GLOSS_RE, match_gloss, match_trigger, strip_glosses
from core.repair_lm import Context
from core.repair_solve import Solution, solve
from core.repair_tables import GLOSS_START_RE
from core.text import OffsetMap, Repaired, looks_traditional

# Characters of context kept before and after a clause: the language model reads a
# few of them; brackets and quotes are balanced over all of them.
CONTEXT = 120
AFTER = 40


class _Builder:
    """Collects clean characters and their raw spans, in raw order."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pending: int | None = None  # start of raw text dropped before any char
        self.length = 0

    def keep(self, a: int, b: int, drops: list[tuple[int, int]]) -> None:
        """raw[a:b] is clean except the spans in drops, which join the char before them."""
        pieces, pos = [], a
        for start, end in drops:
            pieces.append((pos, start))
            pos = end
        pieces.append((pos, b))
        first, kept = len(self.starts), 0
        self.parts.append("".join(self.raw[x:y] for x, y in pieces))
        self.starts.extend(chain.from_iterable(range(x, y) for x, y in pieces))
        self.ends.extend(chain.from_iterable(range(x + 1, y + 1) for x, y in pieces))
        for (x, y), (start, end) in zip(pieces, drops, strict=False):
            kept += y - x
            if first + kept:
                self.ends[first + kept - 1] = max(self.ends[first + kept - 1], end)
            elif self.pending is None:
                self.pending = start
        if self.pending is not None and len(self.starts) > first:
            self.starts[first], self.pending = self.pending, None
        self.length = len(self.starts)

    def add(self, text: str, spans: list[tuple[int, int]]) -> None:
        if not text:
            return
        first = len(self.starts)
        self.parts.append(text)
        self.starts.extend(s for s, _ in spans)
        self.ends.extend(e for _, e in spans)
        if self.pending is not None:
            self.starts[first] = self.pending
            self.pending = None
        self.length = len(self.starts)

    def tail(self) -> str:
        return "".join(self.parts[-CONTEXT:])[-CONTEXT:]

    def offsets(self) -> OffsetMap:
        return OffsetMap(tuple(self.starts), tuple(self.ends), len(self.raw))


def warm_up() -> None:
    """Load the tables and the language model now (for a worker thread or a benchmark)."""
    from core import repair_tables as tables

    tables.syllables()
    tables.traditional_gbk_chars()
    tables.pairs_reading("guó")
    lm.warm_up()


def repair(raw: str) -> Repaired:
    """Remove pinyin glosses and restore byte-shifted GBK runs (TEXT-DAMAGE.md).

    The report (JSON-ready) counts glosses removed and clauses repaired, and lists
    clean spans [start, end): "unrecoverable" (marked U+FFFD, left as found) and
    "inferred" (a lost byte no gloss pinned, chosen by the language model).
    """
    report = {"glosses_removed": 0, "clauses_repaired": 0, "unrecoverable": [], "inferred": []}
    if "?" not in raw and not GLOSS_START_RE.search(raw):
        return Repaired(raw, OffsetMap.identity(len(raw)), report)
    clauses = find_clauses(raw)
    annotated: set[str] = set()
    regions, pos = [], 0
    for start, end in clauses + [(len(raw), len(raw))]:
        regions.append((pos, start, strip_glosses(raw, pos, start, annotated)))
        pos = end
    out = _Builder(raw)
    traditional, chars, pairs = _page_cache(raw, regions) if clauses else (False, (), ())
    glossed = frozenset(annotated)
    for (a, b, glosses), clause in zip(regions, clauses + [None], strict=True):
        out.keep(a, b, [(g.start, g.end) for g in glosses])
        report["glosses_removed"] += len(glosses)
        if clause is not None:
            after = _after(raw, clause[1])
            ctx = Context(out.tail(), after, traditional, glossed, chars, pairs)
            _emit_clause(out, clause, ctx, report)
    clean = "".join(out.parts)
    if clean == raw and len(out.starts) == len(raw):
        return Repaired(raw, OffsetMap.identity(len(raw)), report)  # nothing was changed
    return Repaired(clean, out.offsets(), report)


def _page_cache(raw: str, regions) -> tuple[bool, frozenset[str], frozenset[str]]:
    """Script, and the characters and pairs of the page's intact text."""
    text = "\n".join(GLOSS_RE.sub("", raw[a:b]) for a, b, _ in regions)
    pairs = frozenset(text[i : i + 2] for i in range(len(text) - 1))
    return looks_traditional(text), frozenset(text), pairs


def _after(raw: str, end: int) -> str:
    """Intact text after a clause, up to the next damage, glosses dropped."""
    text = GLOSS_RE.sub("", raw[end : end + 3 * AFTER])
    return text.split("?", 1)[0][:AFTER]


def _emit_clause(out: _Builder, clause: tuple[int, int], ctx: Context, report: dict) -> None:
    start, end = clause
    best: Solution | None = None
    glosses = 0
    for model in byte_models(out.raw, start, end):
        found = solve(model, ctx)
        if found is not None and (best is None or found.score > best.score):
            best, glosses = found, sum(len(g) for g in model.glosses.values())
    text, spans, damaged = _unrepaired(out.raw, start, end)
    baseline = lm.score(text, ctx)
    if best is not None and best.score > baseline:
        report["clauses_repaired"] += 1
        report["glosses_removed"] += glosses
        report["inferred"].extend([out.length + i, out.length + i + 1] for i in best.guessed)
        out.add(best.text, best.spans)
        return
    if damaged:  # a lost byte for sure: say so instead of leaving a plain '?'
        text = text.replace("?", "\ufffd")
        report["unrecoverable"].append([out.length, out.length + len(text)])
    out.add(text, spans)


def _unrepaired(raw: str, start: int, end: int) -> tuple[str, list[tuple[int, int]], bool]:
    """The clause as it stands, glosses dropped; and whether a "?py)" proves damage."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    damaged = False
    pos = start
    while pos < end:
        trigger = match_trigger(raw, pos) if raw[pos] == "?" else None
        gloss = match_gloss(raw, pos) if raw[pos] == "(" else None
        if trigger and trigger[1] is not None and trigger[0] <= end:
            chars.append("?")
            spans.append((pos, trigger[0]))
            damaged, pos = True, trigger[0]
        elif gloss and gloss.end <= end and spans:
            spans[-1] = (spans[-1][0], gloss.end)
            pos = gloss.end
        else:
            chars.append(raw[pos])
            spans.append((pos, pos + 1))
            pos += 1
    return "".join(chars), spans, damaged
