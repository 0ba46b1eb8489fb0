"""Export and import of the annotated dataset: the entry points the CLI and the GUI call.

`export()` reads what is in scope, validates every span, then writes the file
(or brat folder) atomically; `import_file()` reads one of the readable formats
into a database. Formats live in core/formats/, one module each; what a format
cannot express is counted in the report's one summary line, never dropped silently.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

from core.errors import UserError
from core.formats import FORMATS, load
from core.formats.atomic import atomic_file, atomic_folder
from core.formats.base import ExportDoc, ExportReport, ImportReport
from core.formats.collect import collect, tick
from core.store import Store

__all__ = ["FORMATS", "ExportReport", "ImportReport", "detect_format", "export", "import_file",
           "validate"]

READABLE = ("pizhu", "doccano", "labelstudio", "brat", "conll")


def export(store: Store, fmt: str, out_path, *, scope: str = "all", text: str = "clean",
           options: dict | None = None, progress=None) -> ExportReport:
    """Write the articles in scope in format `fmt` to `out_path`; nothing is written on error."""
    module = load(fmt)
    if hasattr(module, "require"):
        module.require()
    lossless = getattr(module, "LOSSLESS", False)
    if lossless and text != "clean":
        raise UserError(f"format {fmt} always keeps both texts and the offset map; leave out --text")
    target = _target(Path(out_path), module.KIND)
    docs = collect(store, scope=scope, text=text, lossless=lossless, progress=progress)
    validate(docs, flat=module.FLAT)
    report = ExportReport(fmt, target)
    report.written["articles"] = len(docs)
    try:
        _write(module, docs, target, report, options or {}, progress)
    except OSError as exc:
        full = " (disk full)" if exc.errno == errno.ENOSPC else ""
        raise UserError(f"export to {target} failed{full}: {exc.strerror or exc}; nothing was written") from exc
    return report


def _target(path: Path, kind: str) -> Path:
    if not path.parent.is_dir():
        raise UserError(f"folder {path.parent} does not exist")
    if kind == "file" and path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    if kind == "folder" and path.exists() and not path.is_dir():
        raise UserError(f"{path} is a file; this format writes a folder")
    if kind == "folder" and path.is_dir() and any(path.iterdir()) \
            and not (path / "annotation.conf").exists():
        # The folder is replaced whole: never one that is not an earlier export.
        raise UserError(f"folder {path} holds other files; give a new or empty folder")
    return path


def _write(module, docs: list[ExportDoc], target: Path, report, options: dict, progress) -> None:
    def ticking():
        for n, doc in enumerate(docs, 1):
            yield doc
            tick(progress, len(docs) + n, 2 * len(docs))

    if module.KIND == "folder":
        with atomic_folder(target) as tmp:
            module.write(ticking(), tmp, report, options)
    else:
        binary = getattr(module, "BINARY", False)
        encoding = getattr(module, "ENCODING", "utf-8")
        with atomic_file(target, binary=binary, encoding=encoding) as fh:
            module.write(ticking(), fh, report, options)


def validate(docs: list[ExportDoc], *, flat: bool) -> None:
    """Refuse to export a span that is out of range, mismatched, padded or overlapping."""
    for doc in docs:
        previous = None
        for e in doc.entities:
            reason = _span_problem(doc.text, e)
            if reason is None and flat and previous is not None and e.start < previous.end:
                reason = f"overlaps {previous.label} {previous.start}:{previous.end} “{previous.text}”"
            if reason:
                raise UserError(f"article {doc.article.id} “{doc.article.title}”: {e.label} span "
                                f"{e.start}:{e.end} “{e.text}” {reason}; nothing was written")
            if previous is None or e.end > previous.end:
                previous = e


def _span_problem(text: str, e) -> str | None:
    if not 0 <= e.start < e.end <= len(text):
        return f"is out of range (text length {len(text)})"
    if text[e.start:e.end] != e.text:
        return f"does not match the text there (“{text[e.start:e.end]}”)"
    if e.text != e.text.strip():
        return "starts or ends with whitespace"
    return None


def import_file(store: Store, path, fmt: str | None = None, *, annotator: str = "import") -> ImportReport:
    """Import a file or brat folder in one of the readable formats (detected when fmt is None)."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path} does not exist")
    fmt = fmt or detect_format(path)
    if fmt is None:
        raise UserError(f"cannot tell the format of {path}; give it with --format")
    if fmt not in READABLE:
        raise UserError(f"format {fmt} cannot be imported (readable: {', '.join(READABLE)})")
    module = load(fmt)
    report = ImportReport(fmt, path)
    if fmt == "pizhu":
        module.import_into(store, path, report, annotator=annotator)
    else:
        from core.formats.tool_import import store_docs

        store_docs(store, module.read(path, report), report, source=fmt, annotator=annotator,
                   source_path=str(path))
    return report


def detect_format(path) -> str | None:
    """The readable format of a path, from its extension and first line; None if not ours."""
    path = Path(path)
    if path.is_dir():
        return "brat" if any(path.glob("*.ann")) else None
    suffix = path.suffix.lower()
    if suffix in (".conll", ".bio", ".bioes"):
        return "conll"
    if suffix not in (".json", ".jsonl", ".txt", ".tsv"):
        return None
    head = _head(path)
    if suffix in (".txt", ".tsv"):
        return "conll" if _looks_conll(head) else None
    first = head.lstrip()[:1]
    if first == "[":
        return "labelstudio"
    if first != "{":
        return None
    try:
        record = json.loads(_first_line(path))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    return "pizhu" if record.get("format") == "pizhu" else "doccano" if "text" in record else None


def _head(path: Path, size: int = 65536) -> str:
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        return fh.read(size)


def _first_line(path: Path) -> str:
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            if line.strip():
                return line
    return ""


def _looks_conll(head: str) -> bool:
    lines = [ln for ln in head.splitlines()[:-1] if ln.strip()][:20]
    tags = ("O", "B-", "I-", "E-", "S-")
    return bool(lines) and all(
        ln.startswith("-DOCSTART-") or (ln.count("\t") == 1 and ln.split("\t")[1].startswith(tags))
        for ln in lines)
