"""The statistical name tagger: a character CRF that finds PERSON, ORG and LOC spans.

Reads SIMPLIFIED text (the engine passes core.text.simplified_view, which
keeps code-point offsets), builds the lexicon features of the whole text
once, cuts it into sentences of at most ~200 characters and runs crfsuite's
Viterbi per sentence. Offsets come back in the input's code points.

The shipped model is resources/models/ner.crfsuite (rebuild: bench/train_tagger.md);
a database may carry its own retrained model (`pizhu retrain`).
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from core.errors import UserError
from core.extract.tagger_data import split_sentences
from core.extract.tagger_features import FEATURE_VERSION, sentence_features, word_arrays

MODEL_RESOURCE = "models/ner.crfsuite"


def shipped_model_path() -> Path:
    """Path of the model shipped inside the `resources` package."""
    return Path(str(resources.files("resources").joinpath(MODEL_RESOURCE)))


def _model_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    return f"crf-msra-{FEATURE_VERSION}-{digest}"


class NameTagger:
    """A loaded CRF model; `tag()` gives non-overlapping (start, end, label) spans."""

    def __init__(self, crf_tagger, model_name: str, path: Path) -> None:
        self._crf = crf_tagger
        self._lock = threading.Lock()  # a crfsuite tagger holds one sequence at a time
        self.model_name = model_name
        self.path = path

    @classmethod
    def load(cls, path: str | Path | None = None) -> NameTagger:
        """Load a model file; the shipped one when `path` is None."""
        import pycrfsuite

        path = Path(path) if path is not None else shipped_model_path()
        if not path.is_file():
            raise UserError(f"no tagger model at {path}")
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(path))
        except (OSError, ValueError) as exc:
            raise UserError(f"not a tagger model: {path} ({exc})") from None
        return cls(crf, _model_name(path), path)

    def tag(self, simplified: str) -> list[tuple[int, int, str]]:
        """Name spans of `simplified`, as code-point offsets into it."""
        if not simplified:
            return []
        words = word_arrays(simplified)
        spans: list[tuple[int, int, str]] = []
        crf_tag = self._crf.tag
        for start, end in split_sentences(simplified):
            piece = simplified[start:end]
            if piece.isspace():
                continue
            features = sentence_features(piece, tuple(arr[start:end] for arr in words))
            with self._lock:
                labels = crf_tag(features)
            spans.extend(_decode(labels, start))
        return _tidy(simplified, spans)


def _decode(labels: list[str], offset: int) -> list[tuple[int, int, str]]:
    """BIO labels of one sentence to spans shifted by `offset`; a stray I- opens a span."""
    spans = []
    start, current = -1, None
    for i, tag in enumerate(labels):
        if tag[0] == "I" and tag[2:] == current:
            continue
        if current is not None:
            spans.append((offset + start, offset + i, current))
            current = None
        if tag != "O":
            start, current = i, tag[2:]
    if current is not None:
        spans.append((offset + start, offset + len(labels), current))
    return spans


def _tidy(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Trim punctuation and spaces off span edges; drop spans left with a lone bracket or quote.

    Brackets are never part of a name (GUIDELINES, DOC); a span like 美国《纽约时报
    or 公安厅（局 is a boundary error the CRF makes around them.
    """
    out = []
    for start, end, label in spans:
        while start < end and _is_edge(text[start]):
            start += 1
        while end > start and _is_edge(text[end - 1]):
            end -= 1
        if end > start and not any(ch in _PAIRED for ch in text[start:end]):
            out.append((start, end, label))
    return out


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


_PAIRED = frozenset("《》〈〉“”‘’「」『』（）()[]【】\"'")


@lru_cache(maxsize=1)
def default_tagger() -> NameTagger:
    """The shipped tagger, loaded once per process."""
    return NameTagger.load()
