"""Character BIO data for the name tagger: reading, span conversion, sentence splits.

Shared by training (MSRA, human annotations) and evaluation (MSRA, People's
Daily). Spans are half-open code-point ranges, as everywhere in Pizhu.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from core.errors import UserError

# Corpus tag suffix -> project label (SOURCES.md).
BIO_LABELS = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "TIME": "DATE"}
TAGGER_LABELS = ("PERSON", "ORG", "LOC")

SENTENCE_ENDS = frozenset("。！？!?\n")
SOFT_BREAKS = frozenset("；;，,、：: ")
MAX_SENTENCE = 200

Spans = list[tuple[int, int, str]]


def read_char_bio(path: str | Path) -> Iterator[tuple[str, list[str]]]:
    """Sentences of a `char<TAB>tag` file with blank lines between sentences."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    chars: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), tags
                    chars, tags = [], []
                continue
            ch, sep, tag = line.rpartition("\t")
            if not sep:
                ch, _, tag = line.rpartition(" ")
            if len(ch) != 1:
                raise UserError(f"{path}:{lineno}: expected one character and a tag, got {line!r}")
            chars.append(ch)
            tags.append(tag.strip() or "O")
    if chars:
        yield "".join(chars), tags


def bio_to_spans(tags: list[str], labels: dict[str, str] = BIO_LABELS) -> Spans:
    """Spans of a BIO/BIOES tag list; an I- that does not continue its type opens a span."""
    spans: Spans = []
    start, current = -1, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix in ("I", "M", "E") and kind == current
        if current is not None and not continues:
            spans.append((start, i, current))
            current = None
        if prefix in ("B", "S", "I", "M", "E") and not continues:
            start, current = i, kind
    return [(s, e, labels[k]) for s, e, k in spans if k in labels]


def spans_to_bio(length: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags (B-PERSON, I-PERSON, …) for non-overlapping spans; overlaps keep the first."""
    tags = ["O"] * length
    for start, end, label in sorted(spans):
        if start < 0 or end > length or start >= end or any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
    return tags


def split_sentences(text: str, max_len: int = MAX_SENTENCE) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text`: cut after 。！？ and newlines, then at most max_len."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_ENDS:
            pieces.extend(_cap(text, start, i + 1, max_len))
            start = i + 1
    if start < len(text):
        pieces.extend(_cap(text, start, len(text), max_len))
    return pieces


def _cap(text: str, start: int, end: int, max_len: int) -> Iterator[tuple[int, int]]:
    """Cut [start, end) into pieces of at most max_len, preferring a comma-like break."""
    while end - start > max_len:
        cut = start + max_len
        for j in range(cut - 1, start + max_len // 2, -1):
            if text[j] in SOFT_BREAKS:
                cut = j + 1
                break
        yield start, cut
        start = cut
    if end > start:
        yield start, end
