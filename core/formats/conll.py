"""Character CoNLL: `char<TAB>tag` per line, BIO (or BIOES with option scheme=bioes).

Sentences end after 。！？ and at line breaks (never inside an entity), with a
blank line between them; whitespace characters are not tokens. Each article
starts with a `-DOCSTART-<TAB>O` line. Only entity spans and labels fit: facts,
values, statuses and titles are counted as not expressible.
"""

from __future__ import annotations

from core.formats.base import ImpEntity, ImportedDoc
from core.model import Status

NAME, KIND, SUFFIX, FLAT = "conll", "file", ".conll", True
ENDERS = "。！？"
DOCSTART = "-DOCSTART-"


def write(docs, fh, report, options: dict) -> None:
    bioes = str(options.get("scheme", "bio")).lower() == "bioes"
    for doc in docs:
        fh.write(f"{DOCSTART}\tO\n\n")
        for sentence in sentences(doc.text, tags(doc.text, doc.entities, bioes)):
            fh.write("".join(f"{ch}\t{tag}\n" for ch, tag in sentence) + "\n")
        report.written["entities"] += len(doc.entities)
        report.drop("facts", len(doc.facts))
        report.drop("normalised values", sum(e.value is not None for e in doc.entities))
        report.drop("entity statuses (suggested)", sum(e.status is Status.SUGGESTED for e in doc.entities))
        report.drop("article titles")


def tags(text: str, entities, bioes: bool = False) -> list[str]:
    """One tag per character; whitespace inside an entity keeps no tag of its own."""
    out = ["O"] * len(text)
    for e in entities:
        chars = [i for i in range(e.start, e.end) if not text[i].isspace()]
        for n, i in enumerate(chars):
            out[i] = f"{'B' if n == 0 else 'I'}-{e.label}"
        if bioes:
            out[chars[-1]] = f"{'S' if len(chars) == 1 else 'E'}-{e.label}"
    return out


def sentences(text: str, tag_list: list[str]):
    """Lists of (char, tag), split after 。！？ and at line breaks outside entities."""
    current: list[tuple[str, str]] = []
    for i, ch in enumerate(text):
        inside = tag_list[i][:1] in "IE" or (i + 1 < len(text) and tag_list[i + 1][:1] in "IE")
        if ch in "\r\n" and not inside:
            if current:
                yield current
            current = []
            continue
        if not ch.isspace():
            current.append((ch, tag_list[i]))
        if ch in ENDERS and not inside:
            yield current
            current = []
    if current:
        yield current


def read(path, report):
    doc_lines: list[tuple[int, str]] = []
    n_docs = 0
    with open(path, encoding="utf-8-sig", newline="\n") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if line.startswith(DOCSTART):
                if doc_lines:
                    n_docs += 1
                    yield _doc(doc_lines, n_docs, report)
                doc_lines = []
            else:
                doc_lines.append((n, line))
    if any(line.strip() for _, line in doc_lines):
        yield _doc(doc_lines, n_docs + 1, report)


def _doc(lines: list[tuple[int, str]], number: int, report) -> ImportedDoc:
    """Rebuild text and spans: sentences are joined directly after 。！？, else by a line break."""
    chars: list[str] = []
    labels: list[str] = []
    for n, line in lines:
        if not line.strip():
            if chars and chars[-1] not in ENDERS and chars[-1] != "\n":
                chars.append("\n")
                labels.append("O")
            continue
        ch, sep, tag = line.partition("\t") if "\t" in line else line.rpartition(" ")
        if not sep or len(ch) != 1:
            report.problem(f"line {n}", f"not one character and a tag: {line!r}")
            continue
        chars.append(ch)
        labels.append(tag.strip() or "O")
    text = "".join(chars).rstrip("\n")
    entities = [ImpEntity(None, s, e, label) for s, e, label in spans(labels[:len(text)])]
    return ImportedDoc(f"document {number}", text[:30].strip() or f"CoNLL {number}", text, entities)


def spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) from BIO/BIOES tags; a stray I- or E- starts an entity."""
    out, start, current = [], None, None
    for i, tag in enumerate(labels + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix in ("I", "E") and label == current
        if start is not None and not continues:
            out.append((start, i, current))
            start, current = None, None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, current = i, label
        if prefix in ("S", "E") and start is not None:
            out.append((start, i + 1, current))
            start, current = None, None
    return out
