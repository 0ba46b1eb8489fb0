"""Training the character CRF name tagger: MSRA plus optional extra annotated sentences.

Reproducible: fixed parameters, a fixed train/dev split (the last tenth of
MSRA is held out and scored), no randomness in crfsuite's L-BFGS.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from core.errors import UserError
from core.extract.tagger_data import (
    BIO_LABELS,
    TAGGER_LABELS,
    bio_to_spans,
    read_char_bio,
    spans_to_bio,
    split_sentences,
)
from core.extract.tagger_features import sentence_features

PARAMS = {
    "c1": 0.2,
    "c2": 0.01,
    "feature.possible_transitions": True,
    "feature.possible_states": False,
}
DEFAULT_ITERATIONS = 150
DEV_FRACTION = 0.1

Sentence = tuple[str, list[str]]  # text, BIO tags with project labels


@dataclass
class TrainReport:
    path: Path
    sentences: int
    extra_sentences: int
    dev_sentences: int
    seconds: float
    dev_scores: object  # core.evaluate.Scores, None without a dev split


def msra_sentences(path: str | Path) -> list[Sentence]:
    """MSRA as (text, tags) with PER/LOC/ORG mapped to PERSON/LOC/ORG."""
    labels = {k: v for k, v in BIO_LABELS.items() if v in TAGGER_LABELS}
    return [(text, spans_to_bio(len(text), bio_to_spans(tags, labels))) for text, tags in read_char_bio(path)]


def annotated_sentences(text: str, spans: Iterable[tuple[int, int, str]]) -> Iterator[Sentence]:
    """Sentences of one annotated text, keeping only tagger labels; spans cut by a split are dropped."""
    from core.text import simplified_view

    simplified = simplified_view(text)
    spans = [(s, e, lab) for s, e, lab in spans if lab in TAGGER_LABELS]
    for start, end in split_sentences(simplified):
        inside = [(s - start, e - start, lab) for s, e, lab in spans if start <= s and e <= end]
        piece = simplified[start:end]
        if piece.strip():
            yield piece, spans_to_bio(len(piece), inside)


def jsonl_sentences(path: str | Path) -> Iterator[Sentence]:
    """Sentences of a Pizhu JSONL file, from its non-rejected PERSON/ORG/LOC entities."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                spans = [
                    (e["start"], e["end"], e["label"])
                    for e in record.get("entities", [])
                    if e.get("status") != "rejected"
                ]
            except (ValueError, KeyError, TypeError) as exc:
                raise UserError(f"{path}:{lineno}: not a Pizhu JSONL article ({exc})") from None
            yield from annotated_sentences(text, spans)


def train(
    msra: str | Path,
    out: str | Path,
    extra: Iterable[Sentence] = (),
    max_iterations: int = DEFAULT_ITERATIONS,
    dev_fraction: float = DEV_FRACTION,
    progress: Callable[[str], None] = lambda _msg: None,
) -> TrainReport:
    """Train on MSRA minus its last `dev_fraction` plus `extra`, write `out`, score the dev split."""
    import pycrfsuite

    if max_iterations < 1:
        raise UserError("--max-iterations must be a positive number")
    began = time.perf_counter()
    data = msra_sentences(msra)
    if not data:
        raise UserError(f"no sentences in {msra}")
    n_dev = int(len(data) * dev_fraction)
    train_part, dev_part = data[: len(data) - n_dev], data[len(data) - n_dev :]
    extra = list(extra)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({**PARAMS, "max_iterations": max_iterations})
    for text, tags in [*train_part, *extra]:
        trainer.append(sentence_features(text), tags)
    progress(f"features ready for {len(train_part) + len(extra)} sentences "
             f"({time.perf_counter() - began:.0f} s); training")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    seconds = time.perf_counter() - began
    scores = score_dev(out, dev_part) if dev_part else None
    return TrainReport(out, len(train_part), len(extra), len(dev_part), seconds, scores)


def score_dev(model: Path, dev: list[Sentence]):
    """Exact-match scores of the model on held-out (text, tags) sentences."""
    from core.evaluate import score_documents
    from core.extract.tagger import NameTagger

    tagger = NameTagger.load(model)
    docs = [(text, bio_to_spans(tags, {lab: lab for lab in TAGGER_LABELS})) for text, tags in dev]
    return score_documents(docs, tagger.tag, TAGGER_LABELS)
