"""Read files and folders into articles: decode, extract text, repair, dedup, store.

Plain text (.txt, .md), HTML (.html/.htm: main text only, via trafilatura;
scripts never run, nothing is fetched) and JSONL corpora (one article per
line with `title`/`text`) are read here; exports of other annotation tools go
to core.export.import_file. A file that cannot be read is reported with a
one-line reason and nothing of it is stored; the rest of the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.decode import MAX_TEXT_BYTES, NotText, check_not_binary, check_size, decode
from core.errors import UserError
from core.store import NewArticle, Store
from core.text import OffsetMap, looks_traditional, repair

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
BATCH = 500


@dataclass(slots=True)
class ImportReport:
    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    annotated_articles: int = 0  # articles that came with annotations (other tools' exports)

    def summary(self) -> str:
        parts = [f"{len(self.added) + self.annotated_articles} imported",
                 f"{len(self.duplicates)} duplicates skipped"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Document:
    """One article's text as read from a file, before repair."""

    raw: str
    title: str | None
    source: str
    date: str | None = None


def import_paths(store: Store, paths: Iterable[str | Path], *,
                 progress: Callable[[int, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Import files and folders into the store, in batches of one transaction each."""
    report = ImportReport()
    batch: list[NewArticle] = []
    seen: set[str] = set()
    for n, path in enumerate(expand(paths, report)):
        if cancel and cancel():
            report.notes.append("cancelled; articles read before the cancel were kept")
            break
        if progress:
            progress(n, str(path))
        for article in _articles_of(store, path, report):
            if article.hash in seen or store.has_hash(article.hash):
                report.duplicates.append(f"{article.source_path}: {article.title[:30]}")
                continue
            seen.add(article.hash)
            batch.append(article)
            if len(batch) >= BATCH:
                _flush(store, batch, report)
    _flush(store, batch, report)
    return report


def _flush(store: Store, batch: list[NewArticle], report: ImportReport) -> None:
    if batch:
        added, dups = store.add_articles(batch)
        report.added += added
        report.duplicates += [f"{a.source_path}: {a.title[:30]}" for a in dups]
        batch.clear()


def expand(paths: Iterable[str | Path], report: ImportReport) -> Iterator[Path]:
    """Files in the order given; folders recursively, sorted, hidden entries skipped."""
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and _known(child):
                    yield child
        elif path.is_file():
            yield path
        else:
            report.failed.append((str(path), "no such file or folder"))


def _known(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".json", ".conll", ".ann"}


def _articles_of(store: Store, path: Path, report: ImportReport) -> Iterator[NewArticle]:
    fmt = _annotation_format(path)
    if fmt:
        _import_annotations(store, path, fmt, report)
        return
    try:
        for doc in read_documents(path, report):
            yield prepare(doc)
    except (NotText, UserError) as exc:
        report.failed.append((str(path), str(exc)))
    except OSError as exc:
        report.failed.append((str(path), exc.strerror or str(exc)))


def _annotation_format(path: Path) -> str | None:
    try:
        from core.export import detect_format
    except ImportError:
        return None
    fmt = detect_format(path)
    if fmt == "doccano" and not _has_annotations(path):
        return None  # a plain JSONL corpus of title/text records
    return fmt


def _has_annotations(path: Path) -> bool:
    with open(path, "rb") as f:
        first = f.readline()
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and bool({"label", "labels", "entities"} & record.keys())


def _import_annotations(store: Store, path: Path, fmt: str, report: ImportReport) -> None:
    from core.export import import_file

    try:
        result = import_file(store, path, fmt)
    except UserError as exc:
        report.failed.append((str(path), str(exc)))
        return
    report.notes.append(result.summary())
    report.annotated_articles += result.added.get("articles", 0)
    report.failed += [(str(path), p) for p in result.problems]


def read_documents(path: Path, report: ImportReport) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, report)
        return
    check_size(path.stat().st_size)  # before reading: a huge file is refused at once
    text, _encoding = decode(path.read_bytes())
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        from core.html import html_to_text

        body, title = html_to_text(text)
        yield Document(body, title, str(path))
    else:
        yield Document(text, None, str(path))


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lower()
    return "<html" in head or "<!doctype html" in head


def _read_jsonl(path: Path, report: ImportReport) -> Iterator[Document]:
    with open(path, "rb") as f:
        check_not_binary(f.read(16))
        f.seek(0)
        empty = True
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            empty = False
            try:
                if len(line) > MAX_TEXT_BYTES:
                    raise ValueError(f"longer than the {MAX_TEXT_BYTES // 2**20} MB article limit")
                record = json.loads(line)
                text = record["text"]
                if not isinstance(text, str) or not text.strip():
                    raise ValueError("no text")
            except (ValueError, KeyError, TypeError) as exc:
                reason = f"line {number}: {'no text field' if isinstance(exc, KeyError) else exc}"
                report.failed.append((str(path), reason))
                continue
            title = record.get("title") if isinstance(record.get("title"), str) else None
            date = record.get("date") if isinstance(record.get("date"), str) else None
            yield Document(text, title, f"{path}:{number}", date)
    if empty:
        raise NotText("empty file")


def prepare(doc: Document) -> NewArticle:
    """Normalise line ends, repair, and take the title.

    The raw text is kept as read, except NUL characters, which SQLite text
    cannot hold; their count is recorded in the repair report.
    """
    nuls = doc.raw.count("\x00")
    raw = doc.raw.replace("\x00", "") if nuls else doc.raw
    unified, first = unify_newlines(raw)
    repaired = repair(unified)
    offsets = compose(first, repaired.offsets) if first else repaired.offsets
    report = dict(repaired.report, nul_removed=nuls) if nuls else repaired.report
    clean = repaired.clean
    if not clean.strip():
        raise NotText("no text left after repair")
    title = (doc.title or first_line(clean)).strip()[:200]
    script = "traditional" if looks_traditional(clean) else "simplified"
    return NewArticle(title, raw, clean, offsets, script, doc.source, _iso_date(doc.date), report)


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _iso_date(value: str | None) -> str | None:
    if value and len(value) >= 8 and value[:4].isdigit():
        digits = value.replace("-", "").replace("/", "")[:8]
        if digits.isdigit() and len(digits) == 8:
            return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return None


def unify_newlines(raw: str) -> tuple[str, OffsetMap | None]:
    """CRLF and lone CR become LF; the map ties each LF back to its raw characters."""
    if "\r" not in raw:
        return raw, None
    starts, ends, out = [], [], []
    i, n = 0, len(raw)
    while i < n:
        width = 2 if raw.startswith("\r\n", i) else 1
        out.append("\n" if raw[i] == "\r" else raw[i])
        starts.append(i)
        ends.append(i + width)
        i += width
    return "".join(out), OffsetMap(tuple(starts), tuple(ends), n)


def compose(first: OffsetMap, second: OffsetMap) -> OffsetMap:
    """The map of applying `first`, then `second` (clean → raw through both)."""
    starts = tuple(first.starts[s] if s < len(first) else first.raw_length for s in second.starts)
    ends = tuple(first.ends[e - 1] if e > 0 else 0 for e in second.ends)
    return OffsetMap(starts, ends, first.raw_length)
