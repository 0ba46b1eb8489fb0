"""Scoring entity predictions against gold corpora: readers, exact-match P/R/F1, a table.

Gold formats: `msra` and `people` (char<TAB>BIO tag), `cluener` (JSON lines,
inclusive ends) and `jsonl` (Pizhu JSONL, core/formats/FORMATS.md). Every reader maps
the corpus's labels onto the project's (SOURCES.md) and says which labels are
scored: only those with a gold counterpart, so a prediction of PROJECT or
MONEY is neither right nor wrong against a corpus that does not annotate it.

The predictor is any callable text -> spans (tuples or core.model.Span, or an
Analysis); by default the full engine, or the name tagger alone until the
engine exists.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from core.errors import UserError
from core.evaluate_views import GUIDELINE_VIEWS, View
from core.extract.tagger_data import BIO_LABELS, bio_to_spans, read_char_bio

FORMATS = ("msra", "people", "cluener", "jsonl")
CLUENER_LABELS = {
    "name": "PERSON",
    "position": "TITLE",
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
    "address": "LOC",
}
SCORED = {
    "msra": ("PERSON", "LOC", "ORG"),
    "people": ("PERSON", "LOC", "ORG", "DATE"),
    "cluener": ("PERSON", "TITLE", "ORG", "LOC"),
}
MICRO = "micro"

Spans = list[tuple[int, int, str]]
Doc = tuple[str, Spans]
Predictor = Callable[[str], object]


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Counts per scored label plus their micro total under MICRO."""

    labels: tuple[str, ...]
    counts: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0

    def __getitem__(self, label: str) -> Counts:
        return self.counts[label]


# -- readers -------------------------------------------------------------------


def read_gold(path: str | Path, fmt: str, limit: int | None = None) -> list[Doc]:
    """Documents (text, gold spans) of a gold file in one of FORMATS."""
    readers = {"msra": _read_bio, "people": _read_bio, "cluener": read_cluener, "jsonl": read_jsonl}
    if fmt not in readers:
        raise UserError(f"unknown gold format {fmt!r}; use one of {', '.join(FORMATS)}")
    if not Path(path).is_file():
        raise UserError(f"no such file: {path}")
    return list(islice(readers[fmt](path), limit))


def scored_labels(fmt: str, docs: Iterable[Doc]) -> tuple[str, ...]:
    """Labels a format is scored on; for jsonl, those that occur in its gold."""
    if fmt in SCORED:
        return SCORED[fmt]
    return tuple(sorted({label for _, spans in docs for *_, label in spans}))


def _read_bio(path: str | Path) -> Iterator[Doc]:
    for text, tags in read_char_bio(path):
        yield text, bio_to_spans(tags, BIO_LABELS)


def read_cluener(path: str | Path) -> Iterator[Doc]:
    """CLUENER JSON lines; inclusive ends become half-open, unmapped types are dropped."""
    for lineno, record in _json_lines(path):
        try:
            text = record["text"]
            spans = {
                (start, end + 1, CLUENER_LABELS[kind])
                for kind, surfaces in record.get("label", {}).items()
                if kind in CLUENER_LABELS
                for positions in surfaces.values()
                for start, end in positions
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise UserError(f"{path}:{lineno}: not a CLUENER record ({exc})") from None
        yield text, sorted(spans)


def read_jsonl(path: str | Path) -> Iterator[Doc]:
    """Pizhu JSONL articles; gold is every entity not rejected."""
    for lineno, record in _json_lines(path):
        try:
            text = record["text"]
            spans = {
                (e["start"], e["end"], e["label"])
                for e in record.get("entities", [])
                if e.get("status") != "rejected"
            }
        except (KeyError, TypeError) as exc:
            raise UserError(f"{path}:{lineno}: not a Pizhu JSONL article ({exc})") from None
        yield text, sorted(spans)


def _json_lines(path: str | Path) -> Iterator[tuple[int, dict]]:
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except ValueError as exc:
                raise UserError(f"{path}:{lineno}: invalid JSON ({exc})") from None


# -- scoring -------------------------------------------------------------------


def as_spans(result: object) -> Spans:
    """Normalise a predictor's output (Analysis, Spans or tuples) to (start, end, label)."""
    items = getattr(result, "entities", result)
    out = []
    for item in items:
        if isinstance(item, tuple):
            start, end, label = item[:3]
        else:
            start, end, label = item.start, item.end, item.label
        out.append((start, end, str(label)))
    return out


def score_documents(
    docs: Iterable[Doc], predict: Predictor, labels: Iterable[str] | None = None,
    view: View | None = None,
) -> Scores:
    """Exact-match counts per label and micro over `docs`; None scores every gold label.

    view: restates each document's gold and says which predictions fall outside
    the corpus's scheme (core.evaluate_views); None scores the corpus as it is.
    """
    docs = list(docs)
    wanted = tuple(labels) if labels is not None else scored_labels("jsonl", docs)
    scores = Scores(wanted, {label: Counts() for label in (*wanted, MICRO)})
    for text, gold in docs:
        pred = as_spans(predict(text))
        if view is not None:
            gold, neutral = view(text, gold)
            pred = [span for span in pred if not neutral(span)]
        add_counts(scores, gold, pred)
        scores.documents += 1
    return scores


def guideline_view(fmt: str) -> View:
    """The guidelines view of a gold format (core.evaluate_views), or a UserError."""
    if fmt not in GUIDELINE_VIEWS:
        raise UserError(f"no guidelines view for {fmt!r} gold; it exists for: {', '.join(GUIDELINE_VIEWS)}")
    return GUIDELINE_VIEWS[fmt]


def add_counts(scores: Scores, gold: Spans, pred: Spans) -> None:
    """Add one document's gold and predicted spans, restricted to the scored labels."""
    wanted = set(scores.labels)
    gold_set = {s for s in gold if s[2] in wanted}
    pred_set = {s for s in pred if s[2] in wanted}
    for label in wanted:
        counts = scores.counts[label]
        g = {s for s in gold_set if s[2] == label}
        p = {s for s in pred_set if s[2] == label}
        counts.gold += len(g)
        counts.pred += len(p)
        counts.correct += len(g & p)
    micro = scores.counts[MICRO]
    micro.gold += len(gold_set)
    micro.pred += len(pred_set)
    micro.correct += len(gold_set & pred_set)


def micro_over(scores: Scores, labels: Iterable[str]) -> Counts:
    """Micro counts over a subset of the scored labels (e.g. PERSON/LOC/ORG)."""
    total = Counts()
    for label in labels:
        c = scores.counts[label]
        total.gold += c.gold
        total.pred += c.pred
        total.correct += c.correct
    return total


def format_table(scores: Scores, extra_rows: dict[str, Counts] | None = None) -> str:
    """A plain-text table: label, gold, pred, correct, P, R, F1."""
    rows = [f"{'label':<14}{'gold':>7}{'pred':>7}{'correct':>9}{'P':>8}{'R':>8}{'F1':>8}"]
    items = [(label, scores.counts[label]) for label in (*scores.labels, MICRO)]
    items += list((extra_rows or {}).items())
    for label, c in items:
        rows.append(
            f"{label:<14}{c.gold:>7}{c.pred:>7}{c.correct:>9}"
            f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
        )
    return "\n".join(rows)


# -- predictors ----------------------------------------------------------------


def default_predictor() -> tuple[Predictor, str]:
    """The full engine when core.extract.analyze exists, else the name tagger; and its name."""
    try:
        from core.extract import analyze
    except ImportError:
        return tagger_predictor(), "name tagger (engine not available)"
    return analyze, "engine"


def tagger_predictor(path: str | Path | None = None) -> Predictor:
    """The name tagger alone, on the simplified view of the text."""
    from core.extract.tagger import NameTagger, default_tagger
    from core.text import simplified_view

    tagger = NameTagger.load(path) if path is not None else default_tagger()
    return lambda text: tagger.tag(simplified_view(text))
